"""explorer.grid: a site's share of its state's energy and of its utility's and grid operator's
peaks."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest
import xarray as xr
from numpy.testing import assert_allclose

import explorer
from explorer import InputError, catalog
from explorer.cli import main
from explorer.grid import grid_context, grid_shares


def test_a_300_mw_site_in_mississippi_by_hand():
    ds = grid_shares("rainier-mississippi", site_power=300)
    # 300 MW x 8,760 h = 2,628,000 MWh = 2.628 TWh;
    # Mississippi's retail sales 49.0 TWh (EIA SEDS 2022)
    assert_allclose(float(ds.share_of_state_energy), 2.628 / 49.0)  # 0.053633
    assert_allclose(
        float(ds.share_of_utility_peak), 300 / 3000
    )  # Entergy Mississippi ~3,000 MW (low)
    assert_allclose(float(ds.share_of_operator_peak), 300 / 127_125)  # MISO all-time peak
    assert_allclose(float(ds.share_of_us_datacenters), 2.628 / 176)  # LBNL: 176 TWh in 2023


def test_a_300_mw_site_in_indiana_by_hand():
    ds = grid_shares("rainier-indiana", site_power=300)
    assert_allclose(
        float(ds.share_of_state_energy), 2.628 / 100.0
    )  # Indiana 100.0 TWh (EIA SEDS 2022)
    assert_allclose(float(ds.share_of_utility_peak), 300 / 2800)  # I&M's Indiana peak (IURC 2025)
    assert_allclose(float(ds.share_of_operator_peak), 300 / 165_563)  # PJM all-time peak
    assert ds.utility_peak.attrs["confidence"] == "medium-high"
    assert ds.utility_peak.attrs["date"] == "2025-02"


def test_the_five_percent_note():
    # 100 MW is 3.6 % of I&M's 2,800 MW: no note; 300 MW is 10.7 %: a note naming the utility
    assert grid_shares("rainier-indiana", site_power=100).attrs["notes"] == ""
    note = grid_shares("rainier-indiana", site_power=300).attrs["notes"]
    assert "more than 5 %" in note and "Indiana Michigan Power" in note and "11 %" in note


def test_a_site_without_a_recorded_utility_gets_nan_and_says_why():
    ds = grid_shares("stargate-abilene", site_power=1200)
    assert np.isnan(float(ds.share_of_utility_peak))
    assert "no utility figure" in ds.utility_peak.attrs["note"]
    assert_allclose(float(ds.share_of_operator_peak), 1200 / 85_508)  # ERCOT record, Aug 2023


def test_the_us_datacentre_band_is_lbnl_2024():
    ds = grid_shares("generic")
    assert [
        float(ds[k])
        for k in (
            "us_datacenter_energy_2023",
            "us_datacenter_energy_2028_low",
            "us_datacenter_energy_2028_high",
        )
    ] == [176, 325, 580]
    assert float(ds.us_datacenter_share_2028_low) < float(ds.us_datacenter_share_2028_high)
    assert "LBNL" in ds.us_datacenter_energy_2023.attrs["source"]


@pytest.mark.parametrize("site", catalog.names("sites"))
def test_every_preset_has_a_grid_block_with_sources(site):
    ctx = grid_context(site)
    assert ctx["state"] is not None
    assert site == "generic" or ctx["operator"] is not None
    for e in ctx.values():
        if e is not None:
            assert e.source_title and e.date[:4].isdigit() and e.confidence
    if site != "generic":
        assert catalog.raw()["sites"][site]["station"].isdigit()


def test_shares_broadcast_and_follow_the_climate_year():
    ds = grid_shares("rainier-indiana", site_power=[300, 600])
    assert ds.share_of_state_energy.dims == ("site_power",)
    assert_allclose(ds.share_of_state_energy.values, [2.628 / 100, 5.256 / 100])
    year = explorer.climate_year("rainier-indiana", "chiller-economiser", site_power=300)
    on_climate = grid_shares("rainier-indiana", year=year)
    assert_allclose(float(on_climate.share_of_state_energy), float(year.annual_energy) / 1000 / 100)
    assert float(on_climate.share_of_state_energy) == pytest.approx(
        2.628 / 100, rel=1e-9
    )  # one IT load: the year's mean draw is the site power (its hot hours draw more)


def test_bad_grid_input():
    with pytest.raises(InputError, match="site"):
        grid_shares("atlantis")
    with pytest.raises(InputError, match="site_power"):
        grid_shares("rainier-indiana", site_power=0)


# ------------------------------------------------------------------ CLI
def test_cli_grid_prints_the_three_shares(capsys):
    assert main(["grid", "--site", "rainier-indiana", "--site-power", "300"]) == 0
    out = capsys.readouterr().out
    assert "share_of_state_energy" in out and "2.63 %" in out  # 2.628 / 100
    assert "10.71 %" in out  # 300 / 2,800
    assert "note: the site is more than 5 %" in out


def test_cli_grid_json(capsys):
    assert main(["grid", "--site", "rainier-mississippi", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["share_of_state_energy"]["value"] == pytest.approx(2.628 / 49.0)
    assert data["utility_peak"]["confidence"] == "low"


def test_cli_bad_grid_input_exits_2_without_a_traceback():
    r = subprocess.run(
        [sys.executable, "-m", "explorer.cli", "grid", "--site", "atlantis"],
        capture_output=True,
        text=True,
    )
    assert r.returncode == 2
    assert r.stderr.startswith("explorer: error: site = 'atlantis'") and "Traceback" not in r.stderr


def test_cli_compute_climate_writes_the_year(tmp_path, capsys):
    out = tmp_path / "year.nc"
    args = [
        "compute",
        "--climate",
        "--cooling-tech",
        "air-evaporative",
        "--site",
        "rainier-mississippi",
        "--out",
        str(out),
    ]
    assert main(args) == 0
    with xr.open_dataset(out, engine="h5netcdf") as year:
        # the 365 real days too (day_cooling_per_it: a peak-shaving battery's real-day end)
        assert dict(year.sizes) == {"month": 12, "hour": 24, "day": 365}
        assert year.annual_energy.attrs["units"] == "GWh"
        assert year.attrs["cooling_tech"] == "air-evaporative"
        expected = explorer.climate_year("rainier-mississippi", "air-evaporative")
        assert_allclose(float(year.annual_energy), float(expected.annual_energy))


def test_cli_compute_climate_table_and_errors(capsys):
    assert (
        main(
            [
                "compute",
                "--climate",
                "--site",
                "rainier-indiana",
                "--cooling-tech",
                "chiller-economiser",
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "annual_pue" in out and "hot day" in out
    assert main(["compute", "--climate", "--site", "rainier-indiana", "--pue", "1.2"]) == 2
    assert "pue = 1.2 cannot be set" in capsys.readouterr().err
    assert main(["compute", "--climate", "--site", "xai-colossus"]) == 2
    assert "723340" in capsys.readouterr().err
    assert main(["compute", "--climate", "--sweep", "site_power=10:100:3"]) == 2


def test_year_must_be_a_climate_year_of_the_same_site_given_alone():
    year = explorer.climate_year("rainier-indiana", "chiller-economiser", site_power=300)
    # inputs beside year= were silently dropped (the year already holds its site power)
    with pytest.raises(InputError, match=r"site_power = 600 cannot be given with year="):
        grid_shares("rainier-indiana", year=year, site_power=600)
    # a year of Indiana measured against Mississippi's utility was accepted
    with pytest.raises(InputError, match=r"year = .*rainier-indiana.* is from another site"):
        grid_shares("rainier-mississippi", year=year)
    # a compute() result has no peak_facility_power (a KeyError before), 5 no items (TypeError)
    for bad in (explorer.compute(site="rainier-indiana"), 5, "year"):
        with pytest.raises(InputError, match=r"year = .* is not a climate year") as e:
            grid_shares("rainier-indiana", year=bad)
        assert e.value.field == "year" and "climate_year" in e.value.allowed


def test_reader40_78_the_five_percent_note_reads_plainly():
    # reader 40-78 D8: "the site passes 5 % of its utility's peak (…): up to 11 %" read badly;
    # one site's share is said as itself, "up to" only over several values (300 MW of I&M's
    # 2,800 MW = 10.7 %; 100 to 300 MW: up to 10.7 %)
    note = grid_shares("rainier-indiana", site_power=300).attrs["notes"]
    assert note.startswith("the site is more than 5 % of its utility's peak"), note
    assert "): 11 %, a load" in note and "up to" not in note, note
    note = grid_shares("rainier-indiana", site_power=np.array([100.0, 300.0])).attrs["notes"]
    assert "up to 11 %" in note, note
