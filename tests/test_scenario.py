"""One resolved scenario: capacity beside the operating point, one IT load and PUE for every
view of a site, the plant's defaults, water that follows the cooling, one registry of variables."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import explorer
from explorer import batteries, catalog, climate, model, sites, variables
from explorer.grid import grid_shares
from explorer.runs import train

# presets whose weather station has a typical year shipped (a plant, so climate defaults)
PLANT_SITES = [s for s in catalog.names("sites") if climate.station_for(s) in climate.stations()]


def test_the_presets_with_a_plant_are_the_two_rainier_sites():
    assert sorted(PLANT_SITES) == ["rainier-indiana", "rainier-mississippi"]


# ------------------------------------------------------------------ capacity and operating point
@settings(max_examples=40, deadline=None)
@given(
    site=st.sampled_from(["generic", "rainier-mississippi", "xai-colossus"]),
    n=st.integers(1, 40_000),
    k=st.integers(2, 4),
)
def test_operating_point_scales_with_powered_chips_capacity_does_not(site, n, k):
    one = explorer.compute(site=site, chip="h100", site_power=300, chips=n)
    more = explorer.compute(site=site, chip="h100", site_power=300, chips=k * n)
    ratio = float(more.chips_powered) / float(one.chips_powered)
    assert ratio == pytest.approx(k)  # 160,000 H100 fit on 300 MW at these PUEs
    for name in model.OPERATING_OUTPUTS:
        np.testing.assert_allclose(more[name], ratio * one[name], rtol=1e-12, err_msg=name)
    for name in model.CAPACITY_OUTPUTS:
        if name != "power_headroom":  # site power - what the deployed chips need
            np.testing.assert_array_equal(more[name], one[name], err_msg=name)
    for ds in (one, more):  # the heat balance at every point
        np.testing.assert_allclose(ds.heat_rejected, ds.facility_load, rtol=1e-12)
        np.testing.assert_allclose(ds.heat_removed + ds.cooling_power, ds.heat_rejected, rtol=1e-12)
        np.testing.assert_allclose(
            ds.it_power + ds.cooling_power + ds.overhead_power, ds.facility_load, rtol=1e-12
        )
        np.testing.assert_allclose(ds.cooling_cop, ds.heat_removed / ds.cooling_power, rtol=1e-12)


def test_the_issues_part_load_case_by_hand():
    ds = explorer.compute(site_power=300, chip="h100", chips=1000)
    # 1000 x 0.7 kW x 1.82 = 1.274 MW of IT; PUE 1.18: facility 1.50332 MW
    assert float(ds.it_power) == pytest.approx(1.274, rel=1e-12)
    assert float(ds.facility_load) == pytest.approx(1.274 * 1.18, rel=1e-12)
    # cooling share 1 - 1/1.18 - 0.03 = 0.122542...: cooling at the load 0.18422 MW
    share = 1 - 1 / 1.18 - 0.03
    assert float(ds.cooling_power) == pytest.approx(share * 1.274 * 1.18, rel=1e-12)
    assert float(ds.cooling_power_capacity) == pytest.approx(share * 300, rel=1e-12)
    assert float(ds.it_power_capacity) == pytest.approx(300 / 1.18, rel=1e-12)
    # heat removed / cooling power at the same point: (1 - share) / share = 7.1604
    assert float(ds.cooling_cop) == pytest.approx((1 - share) / share, rel=1e-12)
    assert float(ds.heat_removed / ds.cooling_power) == pytest.approx(7.1604, rel=1e-4)


def test_at_a_full_site_operating_point_and_capacity_coincide():
    ds = explorer.compute(site="rainier-indiana")
    for name in ("it_power", "cooling_power", "overhead_power"):
        assert float(ds[name]) == float(ds[f"{name}_capacity"]), name
    assert float(ds.facility_load) == float(ds.site_power)


# ------------------------------------------------------------------ one story per site
def test_every_plant_preset_tells_one_story():
    for site in PLANT_SITES:
        sc = explorer.resolve(site)
        ds = explorer.compute(site=site)
        year = explorer.climate_year(site)
        assert sc.cooling_basis == "climate", site
        assert float(ds.pue) == pytest.approx(float(year.annual_pue), rel=1e-12), site
        it = float(ds.it_power)
        assert float(year.it_power) == pytest.approx(it, rel=1e-12), site
        assert float(sc.it_power) == it, site
        # energy and water of the constant-load compute equal the year's (load factor alike)
        assert float(ds.annual_energy) == pytest.approx(float(year.annual_energy), rel=1e-9)
        assert float(ds.annual_water) == pytest.approx(float(year.annual_water), rel=1e-9)
        # batteries carry the same IT load
        ride = batteries.size_roles(year)["ride-through"]
        assert float(ride.battery_power) == pytest.approx(it, rel=1e-12), site
        assert float(sc.batteries()["ride-through"].battery_power) == pytest.approx(it, rel=1e-12)
        # grid shares draw the same facility load; with the year, its energy
        g = grid_shares(site)
        assert float(g.peak_power) == pytest.approx(float(ds.facility_load), rel=1e-12)
        assert float(g.annual_energy) == pytest.approx(float(ds.annual_energy), rel=1e-12)
        assert float(sc.grid_shares(with_year=True).annual_energy) == pytest.approx(
            float(year.annual_energy), rel=1e-12
        )
        # training on the whole site: the job draws the site's facility load
        run = explorer.compute(site=site, model="llama3-405b")
        assert float(run.job_power) == pytest.approx(float(ds.facility_load), rel=1e-12)
        assert float(run.pue) == float(ds.pue)
        r = train(chip=str(ds.chip.values), site=site, model="llama3-405b")
        assert float(r.job_power) == pytest.approx(float(ds.facility_load), rel=1e-12)
        # several sites: the same annual PUE
        pue = sites.split_cluster([site]).annual_pue.sel(site=site)
        assert float(pue) == pytest.approx(float(ds.pue), rel=1e-12)


def test_another_plant_gives_its_own_default_and_the_same_story():
    ds = explorer.compute(site="rainier-mississippi", cooling_tech="chiller-economiser")
    year = explorer.climate_year("rainier-mississippi", "chiller-economiser")
    assert float(ds.pue) == pytest.approx(float(year.annual_pue), rel=1e-12)
    assert float(year.it_power) == pytest.approx(float(ds.it_power), rel=1e-12)
    assert ds.attrs["cooling_tech"] == "chiller-economiser"


def test_the_article_variant_keeps_the_published_share():
    ds = explorer.compute(site="rainier-mississippi", cooling_default="article")
    assert float(ds.cooling_fraction) == 0.4
    # 300 MW x (1 - 0.4 - 0.03) = 171 MW of IT; PUE 1 / 0.57
    assert float(ds.it_power) == pytest.approx(171.0, rel=1e-12)
    assert float(ds.pue) == pytest.approx(1 / 0.57, rel=1e-12)
    assert ds.attrs["cooling_basis"] == "article"
    with pytest.raises(explorer.InputError, match="cooling_default"):
        explorer.compute(site="rainier-mississippi", cooling_default="press")


def test_the_climate_default_is_the_annual_share_by_hand():
    st_, tech = climate.plant_for("rainier-mississippi")
    py = climate.plant_year(st_, tech)
    fc_h = py.year.ratio / (1 + py.year.ratio)  # each of the year's 8,760 hours
    pue = (1 / (1 - fc_h - 0.03)).mean()
    ds = explorer.compute(site="rainier-mississippi")
    assert float(ds.cooling_fraction) == pytest.approx(1 - 0.03 - 1 / pue, rel=1e-12)
    assert "climate year" in ds.cooling_fraction.attrs["note"]


def test_a_given_cooling_share_wins_over_the_plant():
    ds = explorer.compute(site="rainier-mississippi", cooling_fraction=0.2)
    assert float(ds.cooling_fraction) == 0.2
    assert ds.attrs["cooling_basis"] == "given"


# ------------------------------------------------------------------ water follows cooling
def test_no_cooling_no_evaporative_water():
    ds = explorer.compute(site="rainier-mississippi", cooling_fraction=0)
    assert float(ds.annual_water) == 0.0
    assert "no evaporative water" in ds.annual_water.attrs["note"]
    sweep = explorer.compute(cooling_fraction=[0.0, 0.1])
    assert sweep.annual_water.values[0] == 0.0 and sweep.annual_water.values[1] > 0


def test_water_differs_by_plant_and_climate():
    evap = explorer.compute(site="rainier-mississippi", cooling_tech="air-evaporative")
    tower = explorer.compute(site="rainier-mississippi", cooling_tech="chiller-economiser")
    # a cooling tower evaporates the whole heat; air-side media only on hot hours
    assert float(tower.annual_water) > float(evap.annual_water) >= 0


# ------------------------------------------------------------------ one registry
def test_every_output_is_in_the_registry_with_its_attrs():
    results = {
        "compute": explorer.compute(site="rainier-mississippi", model="llama3-405b"),
        "climate_year": explorer.climate_year("rainier-mississippi"),
        "grid_shares": grid_shares("rainier-mississippi"),
    }
    for where, ds in results.items():
        for name, var in {**ds.data_vars, **ds.coords}.items():
            if "units" not in var.attrs or name in ("hour", "days", "month", "day"):
                continue
            assert name in variables.REGISTRY, f"{where}: {name}"
            reg = variables.REGISTRY[name]
            assert var.attrs["units"] == reg.units, f"{where}: {name}"
            assert var.attrs["long_name"] == reg.long_name, f"{where}: {name}"
    for name, (units, long_name) in {**model.INPUTS, **model.OUTPUTS}.items():
        assert variables.attrs(name) == {"units": units, "long_name": long_name}
    assert set(model.CAPACITY_OUTPUTS) >= {"it_power_capacity", "cooling_power_capacity"}
    assert all(
        n.endswith("_capacity") or n in ("chips_supported", "power_headroom")
        for n in model.CAPACITY_OUTPUTS
    )
