"""The `explorer` command: table, JSON, sweeps to CSV/NetCDF, catalog, and bad input.

Most cases call `explorer.cli.main(argv)` in this process; a few run the installed console script
end to end (exit status, stderr, no traceback).
"""

from __future__ import annotations

import csv
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import xarray as xr

from explorer import catalog, cli, compute

EXE = shutil.which("explorer", path=str(Path(sys.executable).parent))


@pytest.fixture
def run(capsys, monkeypatch):
    """`explorer ARGS` in this process: a CompletedProcess-like (returncode, stdout, stderr)."""

    def go(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
        if cwd is not None:
            monkeypatch.chdir(cwd)
        code = cli.main(list(args))
        out = capsys.readouterr()
        return subprocess.CompletedProcess(["explorer", *args], code, out.out, out.err)

    return go


def run_script(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """The installed console script, end to end."""
    assert EXE, "the explorer console script is not installed in this environment"
    return subprocess.run([EXE, *args], capture_output=True, text=True, timeout=120, cwd=cwd)


def test_table_shows_outputs_with_units(run):
    r = run("compute", "--site-power", "300", "--cooling-fraction", "0.4", "--chip", "trn2")
    assert r.returncode == 0, r.stderr
    rows = {
        line.split()[0]: line
        for line in r.stdout.splitlines()
        if line and not line.startswith("scenario")
    }
    assert "MW" in rows["it_power"] and "171" in rows["it_power"]
    households = round(
        float(compute(site_power=300, cooling_fraction=0.4, chip="trn2").city_households)
    )
    assert f"{households:,}" in rows["city_households"]
    assert "peak_flops[precision=fp8]" in rows


def test_json_equals_the_api(run):
    r = run(
        "compute",
        "--json",
        "--site-power",
        "600",
        "--chip",
        "h100",
        "--cooling-fraction",
        "0.3",
        "--mfu",
        "0.35",
    )
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    ds = compute(site_power=600, chip="h100", cooling_fraction=0.3, mfu=0.35)
    assert data["city_people"] == {"value": pytest.approx(float(ds.city_people)), "units": "people"}
    assert data["effective_flops"]["dims"] == ["precision"]
    assert data["effective_flops"]["coords"]["precision"] == list(catalog.PRECISIONS)
    np.testing.assert_allclose(data["effective_flops"]["value"], ds.effective_flops.values)
    assert data["pue"]["units"] == "1"


def test_json_writes_null_for_missing_and_infinite_values(run):
    r = run("compute", "--json", "--chip", "tpu-v5p", "--cooling-fraction", "0")
    data = json.loads(r.stdout)
    assert data["cooling_cop"]["value"] is None  # infinite: nothing is spent on cooling
    assert data["peak_flops"]["value"][2] is None  # TPU v5p has no sparse mode


def test_sweep_to_csv_on_stdout(run):
    r = run("compute", "--sweep", "site_power=10:5000:100", "--chip", "trn2", "--precision", "fp8")
    assert r.returncode == 0, r.stderr
    rows = list(csv.DictReader(r.stdout.splitlines()))
    assert len(rows) == 100
    assert float(rows[0]["site_power"]) == 10 and float(rows[-1]["site_power"]) == 5000
    ds = compute(site_power=float(rows[42]["site_power"]), chip="trn2")
    assert float(rows[42]["city_households [households]"]) == pytest.approx(
        float(ds.city_households)
    )


def test_grid_sweep_to_netcdf(run, tmp_path):
    out = tmp_path / "grid.nc"
    r = run(
        "compute",
        "--sweep",
        "site_power=10:5000:20:log",
        "--sweep",
        "cooling_fraction=0:0.5:6",
        "--chip",
        "trn2,gb200",
        "--out",
        str(out),
    )
    assert r.returncode == 0, r.stderr
    ds = xr.open_dataset(out, engine="h5netcdf")
    assert dict(ds.sizes) == {"site_power": 20, "cooling_fraction": 6, "chip": 2, "precision": 3}
    assert ds.site_power.attrs["units"] == "MW"
    assert ds.peak_flops.attrs["units"] == "FLOP/s"
    ref = compute(
        site_power=ds.site_power.values,
        cooling_fraction=ds.cooling_fraction.values,
        chip=["trn2", "gb200"],
    )
    np.testing.assert_allclose(ds.peak_flops.values, ref.peak_flops.values)


def test_sweep_to_csv_file(run, tmp_path):
    out = tmp_path / "g.csv"
    r = run("compute", "--sweep", "mfu=0.1:0.6:6", "--out", str(out))
    assert r.returncode == 0, r.stderr
    assert len(out.read_text().splitlines()) == 1 + 6 * 3


def test_catalog_lists_chips_sites_bases_with_sources(run):
    r = run("catalog")
    assert r.returncode == 0
    for name in catalog.names("chips") + catalog.names("sites") + catalog.names("bases"):
        assert name in r.stdout
    assert "AWS Neuron docs" in r.stdout
    j = json.loads(run("catalog", "chips", "--json").stdout)
    assert j["chips"]["trn2"]["values"][0]["source"].startswith("AWS Neuron docs")


def test_catalog_lists_the_stations_cooling_technologies_grid_blocks_and_batteries(run):
    r = run("catalog")
    assert r.returncode == 0
    for group in ("cooling_tech", "stations", "grid", "storage"):
        assert f"== {group}" in r.stdout
    assert "722350: Jackson International Ap, MS" in r.stdout  # the Mississippi preset's station
    assert "utilities.entergy-mississippi: Entergy Mississippi" in r.stdout
    j = json.loads(run("catalog", "stations", "--json").stdout)
    assert j["stations"]["725350"]["sites"] == ["rainier-indiana"]
    grid = json.loads(run("catalog", "grid", "--json").stdout)["grid"]
    assert grid["operators.miso"]["values"][0]["key"] == "grid.operators.miso.peak"
    techs = json.loads(run("catalog", "cooling_tech", "--json").stdout)["cooling_tech"]
    assert (
        set(techs) == {"air-evaporative", "chiller-economiser"} and techs["air-evaporative"]["note"]
    )


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (["--site-power", "-5"], "site_power"),
        (["--site-power", "abc"], "site_power"),
        (["--site-power", "nan"], "site_power"),
        (["--cooling-fraction", "1.2"], "cooling_fraction"),
        (
            ["--cooling-fraction", "0.9", "--overhead-fraction", "0.2"],
            "cooling_fraction + overhead_fraction",
        ),
        (["--chip", "a800"], "chip"),
        (["--basis", "mars"], "basis"),
        (["--chips", "12.5"], "chips"),
        (["--site", "atlantis"], "site"),
        (["--sweep", "site_power=10:5000"], "--sweep"),
        (["--sweep", "bogus=1:2:3"], "--sweep"),
        (["--sweep", "site_power=-10:5000:10"], "site_power"),
        (["--sweep", "site_power=10:50:2000", "--sweep", "mfu=0:1:1000"], "--sweep"),
        (["--precision", "fp4"], "precision"),
        (["--sweep", "mfu=0:1:3", "--out", "x.txt"], "--out"),
    ],
)
def test_bad_input_exits_2_with_the_field_and_no_traceback(run, args, field, tmp_path):
    r = run("compute", *args, cwd=tmp_path)
    assert r.returncode == 2
    assert f"{field} = " in r.stderr
    assert "allowed" in r.stderr
    assert "Traceback" not in r.stderr and "Traceback" not in r.stdout


def test_end_to_end_the_console_script_prints_the_table():
    r = run_script("compute", "--site-power", "300", "--cooling-fraction", "0.4", "--chip", "trn2")
    assert r.returncode == 0, r.stderr
    # 300 MW x (1 - 0.4 - 0.03) = 171 MW of IT power
    assert re.search(r"^it_power\s.*171(\.0+)?\s+MW", r.stdout, flags=re.M), r.stdout


# The errors are handled in main() (a process's status is main()'s return, as the console script
# above and test_grid's `python -m explorer.cli` case show end to end): checked in this process.
def test_bad_input_is_one_line_and_status_2(run, tmp_path):
    r = run("compute", "--site-power", "-5", cwd=tmp_path)
    assert r.returncode == 2 and r.stdout == ""
    assert r.stderr.strip().splitlines() == [r.stderr.strip()]  # one line
    assert r.stderr.startswith("explorer: error: site_power = -5 is out of range")


def test_an_unexpected_error_is_one_line_without_a_traceback(run, tmp_path):
    out = tmp_path / "no-such-folder" / "grid.csv"
    r = run("compute", "--sweep", "mfu=0.1:0.6:3", "--out", str(out), cwd=tmp_path)
    assert r.returncode != 0 and "Traceback" not in r.stderr + r.stdout
    assert len(r.stderr.strip().splitlines()) == 1


def test_netcdf_without_the_io_extra_names_the_extra(tmp_path, capsys, monkeypatch):
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "h5netcdf" else real(name, *a)
    )
    assert (
        cli.main(["compute", "--sweep", "site_power=10:100:3", "--out", str(tmp_path / "g.nc")])
        == 2
    )
    err = capsys.readouterr().err
    assert "[io]" in err and "g.nc" in err and "Traceback" not in err
    assert not (tmp_path / "g.nc").exists()


@pytest.mark.parametrize(
    ("argv", "line"),
    [
        (["bogus"], "explorer: error: argument command: invalid choice: 'bogus' (choose from"),
        ([], "explorer: error: the following arguments are required: command"),
        (["compute", "--nope"], "explorer: error: unrecognized arguments: --nope"),
        (["compute", "--mfu"], "explorer: error: compute: argument --mfu: expected one argument"),
        (["sample", "-n"], "explorer: error: sample: argument -n/--n: expected one argument"),
        # -inf is not a number to argparse, so it reads as an option: say how to write it
        (
            ["compute", "--mfu", "-inf"],
            "explorer: error: compute: argument --mfu: expected one argument ('-inf' reads as "
            "an option: write a value that starts with '-' after '=', --mfu=-inf)",
        ),
        (["train", "--site-power", "-1e3"], "write a value that starts with '-' after '=', "),
    ],
)
def test_a_parse_error_is_one_line_and_status_2(capsys, argv, line):
    code = cli.main(argv)  # argparse printed a usage block and raised SystemExit before
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert len(err.splitlines()) == 1 and err.endswith("\n")
    assert err.startswith(line) or line in err, err


def test_a_negative_value_after_equals_reaches_the_core(capsys):
    for argv in (["compute", "--mfu=-inf"], ["compute", "--mfu", "-0.5"]):
        assert cli.main(argv) == 2
        err = capsys.readouterr().err
        assert err.startswith("explorer: error: mfu = -") and "allowed: 0 ≤ mfu ≤ 1." in err


def test_help_still_exits_0(capsys):
    with pytest.raises(SystemExit) as e:
        cli.main(["compute", "--help"])
    assert e.value.code == 0 and "usage: explorer compute" in capsys.readouterr().out
