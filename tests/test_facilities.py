"""Real facilities and the newer systems: their announced figures reproduced from their own
inputs."""

from __future__ import annotations

import pytest

from explorer import catalog, compute
from explorer.systems import system_table

SITES = catalog.names("sites")
WITH_COUNT = [s for s in SITES if "accelerators" in catalog.raw()["sites"][s]]


def test_every_issue_facility_is_a_preset_with_a_state():
    for site in (
        "xai-colossus",
        "stargate-abilene",
        "meta-prometheus",
        "meta-hyperion",
        "fairwater-wisconsin",
        "fairwater-atlanta",
        "rainier-mississippi",
        "rainier-indiana",
        "generic",
    ):
        assert site in SITES
        region = catalog.raw()["sites"][site]["region"]
        assert region.startswith("us"), site
        assert catalog.entry(f"regions.{region}.electricity_price").source_url
        assert catalog.entry(f"regions.{region}.carbon_intensity").source_url


@pytest.mark.parametrize("site", WITH_COUNT)
def test_announced_power_is_reproduced_by_the_announced_chips(site):
    node = catalog.raw()["sites"][site]
    announced = catalog.value(f"sites.{site}.site_power", "MW")
    chips = catalog.value(f"sites.{site}.accelerators", "dimensionless")
    ds = compute(site=site, chips=chips)
    # the tolerance is the preset's own: how far its public figures leave room (see its notes)
    assert float(ds.power_required) == pytest.approx(announced, rel=node["tolerance"])


def test_colossus_phase_1_by_hand():
    # 100,000 H100 x 0.7 kW x 1.82 (DGX H100) x PUE 1.18 = 150.3 MW; 150 MW approved
    ds = compute(site="xai-colossus", chips=100_000)
    assert float(ds.power_required) == pytest.approx(150.332, rel=1e-6)
    assert float(ds.facility_load) == pytest.approx(150.0)  # capped at the 150 MW site
    assert float(ds.power_headroom) == pytest.approx(-0.332, abs=1e-3)


def test_abilene_by_hand():
    # 400,000 GB200 x 1.2 kW x 1.39 (NVL72 rack) x 1.18 = 787 MW of the 1.2 GW campus
    ds = compute(site="stargate-abilene", chips=400_000)
    assert float(ds.power_required) == pytest.approx(400_000 * 1.2 * 1.39 * 1.18 / 1000)
    assert float(ds.power_required) == pytest.approx(787.3, rel=1e-3)


@pytest.mark.parametrize("site", SITES)
def test_a_filled_preset_draws_its_announced_power(site):
    ds = compute(site=site)
    assert float(ds.facility_load) == catalog.value(f"sites.{site}.site_power", "MW")
    assert float(ds.power_headroom) >= 0


def test_facility_presets_use_the_generic_hyperscale_pue_and_rainier_keeps_its_flagged_40_percent():
    for site in ("xai-colossus", "meta-prometheus", "fairwater-atlanta"):
        assert float(compute(site=site).pue) == pytest.approx(1.18)
    # the article's 40 % stays as the named variant; the default is the plant's annual share
    ds = compute(site="rainier-mississippi", cooling_default="article")
    assert float(ds.cooling_fraction) == 0.4
    assert float(compute(site="rainier-mississippi").cooling_fraction) < 0.15
    assert catalog.conflicts("sites.rainier-mississippi.cooling_fraction")
    assert catalog.entry("cooling.aws-fleet.pue").value == 1.15
    assert catalog.entry("cooling.industry-average.pue").value == 1.56


NEW_SYSTEMS = {
    # system: {figure: published}; per-chip value x chips must match within the vendor's rounding
    "gb300-nvl72": {
        "fp8_sparse": 720,
        "hbm_capacity": 20.7,
        "hbm_bandwidth": 576,
        "interconnect_bandwidth": 130,
        "power": 135,
    },
    "mi355x-8gpu": {"fp8_dense": 40.3, "hbm_capacity": 2.3, "hbm_bandwidth": 64},
}


@pytest.mark.parametrize("system", list(NEW_SYSTEMS))
def test_new_systems_are_their_chips_times_the_count(system):
    t = system_table().sel(system=system)
    for fig, published in NEW_SYSTEMS[system].items():
        assert float(t[f"published_{fig}"]) == published
        # e.g. GB300 NVL72 HBM: 72 x 288 GB = 20.74 TB vs 20.7 published (0.2 %)
        assert float(t[fig]) == pytest.approx(published, rel=0.01), fig


def test_new_chips_have_the_issue_s_figures():
    t = catalog.chip_table()
    for chip in ("a100", "b300", "gb300", "mi300x", "mi325x", "mi355x", "gaudi3", "tpu-v4"):
        row = t.sel(chip=chip)
        assert (
            float(row.tdp) > 0 and float(row.hbm_capacity) > 0 and float(row.hbm_bandwidth) > 0
        ), chip
        assert row.peak_flops.sel(precision="bf16").notnull(), chip
    # chips without an FP8 mode say so with NaN, never with a made-up number
    assert t.peak_flops.sel(chip=["a100", "tpu-v4"], precision="fp8").isnull().all()
    # MI300X: 1,307.4 TFLOP/s dense BF16, 2x for FP8 (AMD data sheet)
    assert float(t.peak_flops.sel(chip="mi300x", precision="fp8")) == pytest.approx(
        2 * 1307.4e12, rel=1e-3
    )


def test_estimates_are_marked_low_confidence_with_a_note():
    for key in (
        "chips.b300.tdp",
        "chips.tpu-v4.tdp",
        "sites.fairwater-wisconsin.site_power",
        "sites.stargate-abilene.accelerators",
        "regions.us-tx.electricity_price",
    ):
        e = catalog.entry(key)
        assert e.confidence in ("low", "medium-low"), key
        assert e.note, key
    # California's per-person use was an estimate from memory (6,600) until session 12 found it
    # in a published report that cites the EIA's SEDS (6,320 kWh, 2021): medium, not high, since
    # the EIA's own table was not read, and the note says so
    ca = catalog.entry("bases.us-ca-person.value")
    assert ca.confidence == "medium" and "EIA" in ca.note and ca.value == 6320


def test_every_state_and_dc_and_the_issue_countries_have_a_region_and_a_basis():
    states = [r for r in catalog.names("regions") if r.startswith("us-")]
    assert len(states) == 51  # 50 states + DC
    for r in states:
        assert f"{r}-person" in catalog.names("bases")
        assert {"electricity_price", "carbon_intensity"} <= set(catalog.raw()["regions"][r])
    for c in ("ie", "nl", "de", "gb", "fr", "no", "se", "sg", "jp", "ind", "cn", "ae", "sa"):
        assert c in catalog.names("regions") and f"{c}-person" in catalog.names("bases"), c
