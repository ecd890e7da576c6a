"""The CLI's writes and long runs: `--out` never replaces what it did not write (an existing target
needs `--overwrite`), `sample` refuses chunks and runs the machine cannot hold before it starts, and
long work shows a progress bar on a terminal only (issue #23's findings 3 and 4; issue #22)."""

from __future__ import annotations

import io

import pytest
import xarray as xr

from explorer.cli import common, main


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


SWEEP = ("compute", "--sweep", "site_power=10:100:3")


@pytest.mark.parametrize("name", ["grid.csv", "grid.nc"])
def test_an_existing_file_is_refused_without_overwrite(capsys, tmp_path, name):
    path = tmp_path / name
    path.write_text("someone else's file")
    code, _, err = run(capsys, *SWEEP, "--out", path)
    assert code == 2 and "already exists (add --overwrite" in err, err
    assert path.read_text() == "someone else's file"
    code, _, err = run(capsys, *SWEEP, "--out", path, "--overwrite")
    assert code == 0, err
    assert path.read_bytes() != b"someone else's file"
    assert [p.name for p in tmp_path.iterdir()] == [name]  # no temporary file left


def test_every_command_that_writes_refuses_an_existing_file(capsys, tmp_path):
    path = tmp_path / "x.nc"
    path.write_text("kept")
    for argv in (
        ["compute", "--uncertainty", "--site-power", "300"],
        ["compute", "--climate", "--site", "rainier-indiana"],
        ["sample", "-n", "10"],
    ):
        code, _, err = run(capsys, *argv, "--out", path)
        assert code == 2 and "already exists" in err, (argv, err)
    assert path.read_text() == "kept"


def test_sample_never_removes_a_folder_it_did_not_write(capsys, tmp_path):
    pytest.importorskip("zarr")
    store = tmp_path / "x.zarr"
    store.mkdir()
    (store / "thesis.txt").write_text("years of work")
    for extra in ([], ["--overwrite"]):
        code, _, err = run(capsys, "sample", "-n", "50", "--seed", "1", "--out", store, *extra)
        assert code == 2, err
        assert (store / "thesis.txt").read_text() == "years of work"
    assert "already exists" in run(capsys, "sample", "-n", "5", "--out", store)[2]
    assert "not a Zarr store" in run(capsys, "sample", "-n", "5", "--out", store, "--overwrite")[2]


def test_sample_overwrites_its_own_zarr_store(capsys, tmp_path):
    pytest.importorskip("zarr")
    store = tmp_path / "mc.zarr"
    assert run(capsys, "sample", "-n", "40", "--seed", "1", "--out", store)[0] == 0
    code, _, err = run(capsys, "sample", "-n", "60", "--seed", "2", "--out", store, "--overwrite")
    assert code == 0, err
    back = xr.open_zarr(store)
    assert back.sizes["sample"] == 60 and back.attrs["seed"] == 2
    assert [p.name for p in tmp_path.iterdir()] == ["mc.zarr"]


def test_chunks_have_bounds(capsys):
    # 10,000 samples in chunks of 1 ran over 200 s and reached 2 GB: refused at once now
    code, _, err = run(capsys, "sample", "-n", "10000", "--chunks", "1")
    assert code == 2 and "chunks = 1 is out of range" in err and "100 ≤ chunks ≤ 10,000" in err
    code, _, err = run(capsys, "sample", "-n", "100", "--chunks", "200")
    assert code == 2 and "chunks = 200" in err


def test_a_sample_bigger_than_the_free_memory_is_refused_before_it_starts(capsys, monkeypatch):
    monkeypatch.setattr(common, "available_memory", lambda: 1_000_000)
    # 10,000 samples of ~330 bytes each (and the quantiles' copy): about 4 MB
    code, out, err = run(capsys, "sample", "-n", "10000", "--seed", "1")
    assert code == 2 and out == ""
    assert "n = 10,000 needs about" in err and "of memory" in err and "1 MB" in err, err
    code, out, _ = run(capsys, "sample", "-n", "10000", "--seed", "1", "--no-resource-check")
    assert code == 0 and "city_households" in out


def test_a_sample_bigger_than_the_free_disk_is_refused_before_it_starts(
    capsys, monkeypatch, tmp_path
):
    monkeypatch.setattr(common, "free_disk", lambda folder: 100_000)
    path = tmp_path / "mc.nc"
    code, _, err = run(capsys, "sample", "-n", "10000", "--seed", "1", "--out", path)
    assert code == 2 and "on disk for --out" in err and "100 kB free" in err, err
    assert not path.exists()


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("stderr", "quiet", "bar"),
    [(Terminal, [], True), (Terminal, ["--quiet"], False), (io.StringIO, [], False)],
)
def test_long_work_shows_progress_on_a_terminal_only(monkeypatch, tmp_path, stderr, quiet, bar):
    pytest.importorskip("dask")
    monkeypatch.setattr(common, "PROGRESS_AFTER", 0.0)  # draw even a short run's bar
    err = stderr()
    monkeypatch.setattr("sys.stderr", err)
    path = tmp_path / "mc.nc"
    argv = ["sample", "-n", "300", "--seed", "1", "--chunks", "100", "--out", str(path), *quiet]
    assert main(argv) == 0
    assert ("% Completed" in err.getvalue()) is bar, err.getvalue()
    assert ("wrote" in err.getvalue()) is not bool(quiet)
