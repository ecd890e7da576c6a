"""`explorer compute --uncertainty`, `explorer sample`, `explorer sensitivity`, in process."""

from __future__ import annotations

import json

import pytest
import xarray as xr
from numpy.testing import assert_allclose

import explorer
from explorer.cli import main


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_compute_uncertainty_table(capsys):
    code, out, _ = run(capsys, "compute", "--site", "rainier-mississippi", "--uncertainty")
    assert code == 0
    row = next(line for line in out.splitlines() if line.startswith("city_households"))
    # 300 MW x 0.7 x 8760 h / 10,800 kWh = 170,333; 245,264 central;
    # 750 MW x 8760 h / 10,500 = 625,714
    assert row.split() == ["city_households", "170,333", "245,264", "625,714", "households"]
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
        code, _, err = run(
            capsys,
            "sample",
            "-n",
            "2000",
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
            ds.city_households.values, explorer.sample(2000, seed=6).city_households.values, rtol=0
        )


@pytest.mark.slow  # the client waits its 10 s connect timeout
def test_unreachable_scheduler_is_one_line(capsys):
    pytest.importorskip("distributed")
    code, out, err = run(capsys, "sample", "-n", "10", "--scheduler", "tcp://127.0.0.1:9")
    assert code == 2 and "--scheduler = 'tcp://127.0.0.1:9' could not be reached" in err
