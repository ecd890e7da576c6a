"""Batteries and multi-site resilience."""

from __future__ import annotations

import numpy as np
import pytest
import xarray as xr
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.testing import assert_allclose

import explorer
from explorer import InputError, catalog
from explorer.batteries import (
    battery,
    peak_shaving_battery,
    ride_through,
    ride_through_battery,
    smoothing_battery,
)
from explorer.sites import capacity_after_loss, split_cluster


def test_battery_defaults_come_from_the_catalog():
    ds = battery(300)
    hours = catalog.value("storage.battery_duration", "hour")
    price = catalog.value("storage.battery_price", "USD/kWh")
    assert float(ds.battery_energy) == pytest.approx(300 * hours)
    assert float(ds.battery_cost) == pytest.approx(300 * hours * 1000 * price)
    assert ds.battery_cost.attrs["units"] == "USD"


def test_battery_broadcasts_and_ride_through_inverts_it():
    ds = battery(power=[100, 300], duration=xr.DataArray([0.25, 1.0], dims="duration"))
    assert ds.battery_energy.dims == ("power", "duration")
    minutes = ride_through(ds.battery_energy.isel(duration=0), [100, 300])
    assert minutes.dims == ("power",)
    np.testing.assert_allclose(minutes.values, 15.0)


@settings(max_examples=40, deadline=None)
@given(st.floats(1, 10_000), st.floats(0.01, 24))
def test_ride_through_of_a_battery_sized_for_a_duration_is_that_duration(p, h):
    e = float(battery(p, duration=h).battery_energy)
    assert float(ride_through(e, p)) == pytest.approx(h * 60)


def test_bad_battery_input():
    with pytest.raises(InputError, match="duration"):
        battery(300, duration=-1)
    with pytest.raises(InputError, match="power"):
        ride_through(10, 0)


def test_losing_the_largest_site_is_the_worst_case():
    # Rainier: Indiana 2.2 GW and Mississippi 300 MW (third site unknown: not included)
    ds = capacity_after_loss(
        [
            catalog.value("sites.rainier-indiana.site_power", "MW"),
            catalog.value("sites.rainier-mississippi.site_power", "MW"),
        ]
    )
    assert float(ds.total_power) == pytest.approx(2500)
    assert float(ds.worst_case_share) == pytest.approx(300 / 2500)
    assert ds.share_left.values.tolist() == pytest.approx([300 / 2500, 2200 / 2500])


@settings(max_examples=40, deadline=None)
@given(st.lists(st.floats(1, 10_000), min_size=2, max_size=6))
def test_equal_or_more_sites_never_leave_less_in_the_worst_case(powers):
    worst = float(capacity_after_loss(powers).worst_case_share)
    assert 0 <= worst < 1
    assert worst == pytest.approx(1 - max(powers) / sum(powers))


def test_bad_site_powers():
    with pytest.raises(InputError, match="site_powers"):
        capacity_after_loss([300, -1])


# ------------------------------------------------------------------ sizing by role (issue #11)
def test_ride_through_sizing_by_hand():
    ds = ride_through_battery(250, minutes=6, tests_per_year=12, round_trip_efficiency=0.85)
    assert float(ds.battery_power) == 250
    assert_allclose(float(ds.battery_energy), 250 * 6 / 60)  # 25 MWh
    assert_allclose(float(ds.battery_duration), 0.1)  # h
    # 25,000 kWh at 165 / 300 / 500 USD/kWh (BNEF 2024; NREL ATB range)
    assert_allclose(ds.battery_cost.values, [25_000 * 165, 25_000 * 300, 25_000 * 500])
    assert ds.battery_cost.dims == ("price",) and ds.price.values.tolist() == ["low", "mid", "high"]
    # 12 full discharges of 25 MWh; charging 25 / 0.85 each time loses 4.41 MWh
    assert_allclose(float(ds.annual_losses), 12 * 25 * (1 / 0.85 - 1))  # 52.94 MWh


def test_ride_through_defaults_come_from_the_catalog():
    ds = ride_through_battery(100)
    minutes = catalog.value("storage.ride_through_minutes", "minute")
    assert_allclose(float(ds.battery_energy), 100 * minutes / 60)


def test_smoothing_sizing_by_hand():
    ds = smoothing_battery(40, minutes=2, swings_per_day=24, round_trip_efficiency=0.9)
    assert_allclose(float(ds.battery_energy), 40 * 2 / 60)  # 1.333 MWh
    assert_allclose(float(ds.annual_throughput), 40 * 2 / 60 * 24 * 365)  # 11,680 MWh
    assert_allclose(float(ds.annual_losses), 11_680 * (1 / 0.9 - 1))  # 1,297.8 MWh


def test_peak_shaving_sizing_by_hand_from_the_climate_year():
    year = explorer.climate_year("rainier-mississippi", "chiller-economiser", site_power=300)
    ds = peak_shaving_battery(year, round_trip_efficiency=0.85)
    hot = year.hot_day_cooling_power.values
    mean = float(year.mean_cooling_power)
    assert_allclose(float(ds.battery_power), hot.max() - mean)
    assert_allclose(float(ds.battery_energy), np.clip(hot - mean, 0, None).sum() * 1.0)  # 1-h steps
    days = np.array([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])
    above = (np.clip(year.cooling_power.values - mean, 0, None) * days[:, None]).sum()
    assert_allclose(float(ds.annual_throughput), above)
    assert_allclose(float(ds.annual_losses), above * (1 / 0.85 - 1))
    assert float(ds.battery_power) > 0


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda: ride_through_battery(100, minutes=-5), "ride_through_minutes"),
        (lambda: ride_through_battery(100, minutes=0), "ride_through_minutes"),
        (lambda: ride_through_battery(100, minutes=600), "ride_through_minutes"),
        (lambda: ride_through_battery(-1, minutes=5), "power"),
        (lambda: smoothing_battery(40, minutes=-1), "swing_minutes"),
        (lambda: smoothing_battery(40, swings_per_day=-3), "swings_per_day"),
        (
            lambda: smoothing_battery(40, minutes=30, swings_per_day=60),
            "swing_minutes x swings_per_day",
        ),
        (lambda: ride_through_battery(100, round_trip_efficiency=0), "round_trip_efficiency"),
    ],
)
def test_negative_or_impossible_durations_are_input_errors(call, field):
    with pytest.raises(InputError) as err:
        call()
    assert err.value.field == field


def test_losing_one_of_three_sites_leaves_the_other_two():
    sites = [
        "rainier-indiana",
        "rainier-mississippi",
        "meta-prometheus",
    ]  # Indiana, Mississippi, Ohio
    ds = split_cluster(sites)
    powers = [2200.0, 300.0, 1000.0]
    assert ds.site_power.values.tolist() == powers
    for i, site in enumerate(sites):
        others = sum(p for j, p in enumerate(powers) if j != i)
        assert float(ds.power_left.sel(site=site)) == others
        assert_allclose(float(ds.share_left.sel(site=site)), others / 3500)
    assert_allclose(ds.share_of_cluster.values, [2200 / 3500, 300 / 3500, 1000 / 3500])
    assert_allclose(float(ds.worst_case_share), 1300 / 3500)
    assert ds.state.values.tolist() == ["Indiana", "Mississippi", "Ohio"]
    # each site's grid: Indiana 2.2 GW x 8,760 h = 19.272 TWh of 100 TWh
    assert_allclose(float(ds.share_of_state_energy.sel(site="rainier-indiana")), 19.272 / 100)
    assert np.isnan(float(ds.annual_pue.sel(site="meta-prometheus")))  # no Columbus weather shipped
    assert float(ds.annual_pue.sel(site="rainier-mississippi")) > 1


def test_split_cluster_input_errors():
    with pytest.raises(InputError, match="site_powers"):
        split_cluster(["rainier-indiana", "rainier-mississippi"], site_powers=[100])
    with pytest.raises(InputError, match="sites"):
        split_cluster(["rainier-indiana", "atlantis"])
    with pytest.raises(InputError, match="sites"):
        split_cluster(["rainier-indiana", "rainier-indiana"])


@pytest.mark.parametrize(
    ("minutes", "ok"),
    [(240, True), (np.nextafter(240, 300), False), (np.nextafter(0, 1), True), (0.0, False)],
)
def test_ride_through_minutes_at_its_bounds(minutes, ok):
    if ok:
        assert float(ride_through_battery(10, minutes=minutes).battery_energy) == pytest.approx(
            10 * minutes / 60
        )
    else:
        with pytest.raises(InputError, match="0 min < ride_through_minutes ≤ 240 min"):
            ride_through_battery(10, minutes=minutes)


def test_size_roles_sizes_each_role_from_the_years_it_load_and_the_settings():
    from explorer.batteries import default_settings, size_roles

    year = explorer.climate_year("rainier-indiana", "chiller-economiser", site_power=300)
    it = float(year.it_power)
    roles = size_roles(year, ride_through_minutes=6, swing_share=0.5, swing_minutes=2)
    assert list(roles) == ["ride-through", "peak-shaving", "smoothing"]
    assert_allclose(float(roles["ride-through"].battery_energy), it * 6 / 60)  # MW x 6 min
    # smoothing: swings of half the IT load for 2 min, 96 a day (catalog), 365 days
    assert_allclose(float(roles["smoothing"].battery_power), it * 0.5)
    assert_allclose(float(roles["smoothing"].annual_throughput), it * 0.5 * 2 / 60 * 96 * 365)
    assert_allclose(float(roles["peak-shaving"].battery_energy), float(year.hot_day_excess_energy))
    # settings left out are the catalog's; losses at 85 %: throughput x (1/0.85 - 1)
    assert default_settings()["round_trip_efficiency"] == pytest.approx(0.85)
    ride = roles["ride-through"]
    assert_allclose(float(ride.annual_losses), float(ride.annual_throughput) * (1 / 0.85 - 1))
    with pytest.raises(InputError, match="swing_share = 2 is out of range"):
        size_roles(year, swing_share=2)
    with pytest.raises(InputError, match="is not a setting"):
        size_roles(year, minutes=5)
