"""`explorer compute --uncertainty`, `explorer sample`, `explorer sensitivity`, in process."""

from __future__ import annotations

import json

import numpy as np
import pytest
import xarray as xr
from numpy.testing import assert_allclose

import explorer
from explorer import uncertainty
from explorer.cli import main


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_compute_uncertainty_table(capsys):
    # it_overhead given: its own one-sided range would lower the chips' low end (see below)
    code, out, _ = run(
        capsys, "compute", "--site", "rainier-mississippi", "--it-overhead", "1", "--uncertainty"
    )
    assert code == 0
    row = next(line for line in out.splitlines() if line.startswith("city_households"))
    # the 5th and 95th percentiles of the fixed-seed sample (order statistics 99 and 1,900 of
    # 2,000 draws); 245,264 central (300 MW x 8760 h / 10,715 kWh)
    s = explorer.sample(
        uncertainty.RANGE_SAMPLES,
        seed=uncertainty.RANGE_SEED,
        site="rainier-mississippi",
        it_overhead=1.0,
    )
    drawn = np.sort(s.city_households.values)
    lo, hi = (f"{round(float(x)):,}" for x in (drawn[99], drawn[1900]))
    assert row.split() == ["city_households", lo, "245,264", hi, "households"]
    # the chips rest on the announced 300 MW, the low end of 300-750 MW: a note says so
    assert "note on chips_supported: the central value lies below its 90 % range" in out
    assert "low" in out and "sites.rainier-mississippi.site_power" in out


def test_compute_uncertainty_json_matches_the_api(capsys):
    code, out, _ = run(
        capsys, "compute", "--site-power", "300", "--chip", "h100", "--uncertainty", "--json"
    )
    assert code == 0
    data = json.loads(out)
    api = explorer.compute(site_power=300, chip="h100", uncertainty="range")
    assert data["pue"]["units"] == "1"
    assert_allclose([data["pue"][b] for b in ("low", "central", "high")], api.pue.values)
    assert data["site_power"] == {"value": 300.0, "units": "MW"}  # given: exact


def test_compute_without_the_flag_is_unchanged(capsys):
    code, out, _ = run(capsys, "compute", "--site-power", "300")
    assert code == 0 and "central" not in out


def test_compute_uncertainty_to_netcdf(capsys, tmp_path):
    path = tmp_path / "r.nc"
    code, _, err = run(
        capsys, "compute", "--uncertainty", "--sweep", "site_power=100:300:3", "--out", str(path)
    )
    assert code == 0 and "wrote" in err
    with xr.open_dataset(path, engine="h5netcdf") as ds:
        assert ds.city_households.dims[0] == "bound"
        assert list(ds.bound.values) == ["low", "central", "high"]


def test_sample_summary(capsys):
    code, out, _ = run(
        capsys, "sample", "-n", "2000", "--seed", "1", "--site", "rainier-mississippi"
    )
    assert code == 0
    row = next(line for line in out.splitlines() if line.startswith("city_households"))
    q = explorer.summary(
        explorer.sample(2000, seed=1, site="rainier-mississippi")
    ).city_households.values
    assert row.split()[1:4] == [f"{x:,.0f}" for x in q]
    assert "5%" in out and "95%" in out


def test_sample_to_netcdf_is_reproducible(capsys, tmp_path):
    pytest.importorskip("dask")
    path = tmp_path / "mc.nc"
    code, _, err = run(
        capsys, "sample", "-n", "3000", "--seed", "4", "--chunks", "1000", "--out", str(path)
    )
    assert code == 0 and "3,000 samples, seed 4" in err
    with xr.open_dataset(path, engine="h5netcdf") as ds:
        xr.testing.assert_allclose(
            ds.city_households, explorer.sample(3000, seed=4).city_households, rtol=0, atol=0
        )


def test_sample_to_zarr(capsys, tmp_path):
    pytest.importorskip("zarr")
    path = tmp_path / "mc.zarr"
    code, _, _ = run(
        capsys, "sample", "-n", "500", "--seed", "2", "--chunks", "200", "--out", str(path)
    )
    assert code == 0
    back = xr.open_zarr(path)
    assert back.sizes["sample"] == 500


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["sample", "-n", "0"], "n = 0 is out of range"),
        (["sample", "-n", "ten"], "n = 'ten'"),
        (["sample", "-n", "10", "--seed", "-3"], "seed = -3"),
        (["sample", "-n", "10", "--scheduler-timeout", "0"], "scheduler-timeout = 0"),
        (["sample", "-n", "10", "--out", "mc.csv"], "does not end in .nc or .zarr"),
        (["sample", "-n", "10", "--site-power", "-5"], "site_power = -5 is out of range"),
        (["sensitivity", "households"], "output = 'households'"),
        (["compute", "--uncertainty", "--site", "nowhere"], "site = 'nowhere'"),
    ],
)
def test_bad_input_is_one_line_and_status_2(capsys, argv, message):
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == ""
    assert message in err and len(err.strip().splitlines()) == 1


def test_sensitivity_tornado(capsys):
    code, out, _ = run(capsys, "sensitivity", "city_households", "--site", "rainier-mississippi")
    assert code == 0
    figures = [line.split()[0] for line in out.splitlines()[2:]]
    assert figures[:3] == [
        "sites.rainier-mississippi.site_power",
        "defaults.load_factor",
        "bases.us-household.value",
    ]
    mfu = next(line for line in out.splitlines() if line.startswith("defaults.mfu"))
    assert mfu.split()[1] == "0"


def test_sensitivity_json(capsys):
    code, out, _ = run(
        capsys,
        "sensitivity",
        "city_households",
        "--site-power",
        "300",
        "--load-factor",
        "1",
        "--basis",
        "us-ga-person",
        "--json",
    )
    assert code == 0
    data = json.loads(out)
    first = data["figures"][0]
    # basis 13,000 kWh +- 10 %: 300 MW x 8760 h x (1/11,700 - 1/14,300) / 2.51 people per household
    assert first["figure"] == "bases.us-ga-person.value"
    assert_allclose(first["swing"], 300e3 * 8760 * (1 / 11700 - 1 / 14300) / 2.51, rtol=1e-9)
    assert all(f["figure"] != "sites.generic.site_power" for f in data["figures"])


@pytest.mark.slow
def test_sample_on_a_scheduler(capsys, tmp_path):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        path = tmp_path / "mc.nc"
        # 200 samples: the scheduler's default chunks (100) make two, one for each worker (each
        # chunk's write is a task per variable: 2,000 samples in 8 chunks took 15 s here)
        code, _, err = run(
            capsys,
            "sample",
            "-n",
            "200",
            "--seed",
            "6",
            "--scheduler",
            cluster.scheduler_address,
            "--out",
            str(path),
        )
    assert code == 0, err
    with xr.open_dataset(path, engine="h5netcdf") as ds:
        assert_allclose(
            ds.city_households.values, explorer.sample(200, seed=6).city_households.values, rtol=0
        )


@pytest.mark.slow  # the client retries until its connect timeout (1 s here, 10 s by default)
def test_unreachable_scheduler_is_one_line(capsys):
    pytest.importorskip("distributed")
    argv = ["sample", "-n", "10", "--scheduler", "tcp://127.0.0.1:9", "--scheduler-timeout", "1"]
    code, out, err = run(capsys, *argv)
    assert code == 2 and "--scheduler = 'tcp://127.0.0.1:9' could not be reached" in err


def test_sample_out_that_cannot_be_written_is_one_line(capsys, tmp_path):
    folder = tmp_path / "taken.nc"
    folder.mkdir()
    for out, message in (
        (folder, "is a folder"),  # was an internal error (h5py's OSError)
        ("/proc/x.nc", "could not be written"),  # /proc takes no new files, even as root
        (tmp_path / "missing" / "mc.nc", "is in a folder that does not exist"),
    ):
        code, out_, err = run(capsys, "sample", "-n", "10", "--seed", "1", "--out", str(out))
        assert code == 2 and out_ == "", err
        assert err.startswith("explorer: error: --out = ") and message in err, err
        assert len(err.strip().splitlines()) == 1
        # sample's own suffixes, not compute's ".csv or .nc"
        assert "allowed: a .nc file or a .zarr folder in an existing folder" in err
    assert not (tmp_path / "missing").exists()


def test_compute_out_still_names_csv_and_nc(capsys, tmp_path):
    code, _, err = run(capsys, "compute", "--out", str(tmp_path / "x.zarr"))
    assert code == 2 and "does not end in .csv or .nc; allowed: a .csv or .nc file" in err


@pytest.mark.parametrize(
    "address",
    ["tls://127.0.0.1:1", "ws://127.0.0.1:1", "inproc://x", "127.0.0.1", "tcp://127.0.0.1:0"],
)
def test_scheduler_must_be_a_tcp_host_and_port(capsys, address):
    # tls:// reached Client() without a security object: an internal TypeError
    code, out, err = run(capsys, "sample", "-n", "10", "--scheduler", address)
    assert code == 2 and out == ""
    assert err == (
        f"explorer: error: --scheduler = {address!r} is not a scheduler address; allowed: a "
        "running dask.distributed scheduler: tcp://HOST:PORT or HOST:PORT (port 1-65535).\n"
    )


def test_any_client_failure_is_an_input_error(capsys, monkeypatch):
    distributed = pytest.importorskip("distributed")
    seen = []

    def broken(address, timeout):
        seen.append(address)
        raise RuntimeError("handshake failed")

    monkeypatch.setattr(distributed, "Client", broken)
    code, _, err = run(capsys, "sample", "-n", "10", "--scheduler", "127.0.0.1:8786")
    assert seen == ["tcp://127.0.0.1:8786"]  # HOST:PORT is dask's default protocol, tcp
    assert code == 2
    assert "--scheduler = '127.0.0.1:8786' could not be reached (RuntimeError)" in err
