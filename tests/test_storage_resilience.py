"""Batteries and multi-site resilience."""

from __future__ import annotations

import numpy as np
import pytest
import xarray as xr
from hypothesis import example, given, settings
from hypothesis import strategies as st
from numpy.testing import assert_allclose

import explorer
from explorer import InputError, catalog
from explorer.batteries import (
    RESIZE_RTOL,
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
# The packs (catalog storage.chemistries, issue #20), typed here so the tests recompute by hand:
# UPS lithium-ion 8C, 2,000 cycles, 15 years, 400 / 700 / 1,000 USD/kWh + 100 / 200 / 400 USD/kW;
# grid LFP 1C, 6,000 cycles, 20 years, 150 / 262.5 / 437.5 USD/kWh + 60 / 150 / 250 USD/kW.
UPS = {"c": 8.0, "cycles": 2000, "years": 15, "kwh": [400, 700, 1000], "kw": [100, 200, 400]}
LFP = {"c": 1.0, "cycles": 6000, "years": 20, "kwh": [150, 262.5, 437.5], "kw": [60, 150, 250]}


def _cost(energy_mwh, power_mw, pack):
    return [
        energy_mwh * 1000 * e + power_mw * 1000 * p
        for e, p in zip(pack["kwh"], pack["kw"], strict=True)
    ]


def test_ride_through_sizing_by_hand():
    ds = ride_through_battery(250, minutes=10, tests_per_year=12, round_trip_efficiency=0.85)
    assert float(ds.battery_power) == 250
    assert_allclose(float(ds.battery_energy), 250 * 10 / 60)  # 41.67 MWh: 6C, under the UPS's 8C
    assert not bool(ds.battery_resized)
    assert_allclose(float(ds.c_rate), 6.0)
    assert_allclose(float(ds.battery_duration), 10 / 60)  # h
    # 41,667 kWh x 400 / 700 / 1,000 USD/kWh + 250,000 kW x 100 / 200 / 400 USD/kW
    assert_allclose(
        ds.battery_cost.values,
        [41_666.667 * 400 + 25e6, 41_666.667 * 700 + 50e6, 41_666.667 * 1000 + 100e6],
        rtol=1e-6,
    )
    assert ds.battery_cost.dims == ("price",) and ds.price.values.tolist() == ["low", "mid", "high"]
    # 12 full discharges of 41.67 MWh; charging E / 0.85 each time loses 7.35 MWh
    assert_allclose(float(ds.cycles_per_year), 12)
    assert_allclose(float(ds.annual_losses), 12 * 250 * 10 / 60 * (1 / 0.85 - 1))  # 88.2 MWh
    assert float(ds.battery_life) == 15 and not bool(ds.cycle_limited)  # 2,000 / 12 = 167 yr


def test_a_ride_through_faster_than_the_ups_cells_is_resized_and_says_so():
    # 250 MW for 5 min = 20.8 MWh would be a 12C discharge: UPS cells give 8C, so 250 / 8 MWh
    ds = ride_through_battery(250, minutes=5, tests_per_year=12)
    assert bool(ds.battery_resized)
    assert_allclose(float(ds.battery_needed_energy), 250 * 5 / 60)
    assert_allclose(float(ds.battery_energy), 31.25)
    assert_allclose(float(ds.c_rate), 8.0)
    assert_allclose(ds.battery_cost.values, _cost(31.25, 250, UPS))
    # each test still delivers 20.8 MWh: 12 x 20.8 / 31.25 = 8 full-equivalent cycles
    assert_allclose(float(ds.cycles_per_year), 12 * 250 * 5 / 60 / 31.25)
    assert "12C" in ds.attrs["note"] and "8C" in ds.attrs["note"]


def test_ride_through_defaults_come_from_the_catalog():
    ds = ride_through_battery(100)
    minutes = catalog.value("storage.ride_through_minutes", "minute")
    assert_allclose(float(ds.battery_needed_energy), 100 * minutes / 60)
    ups = catalog.value("storage.chemistries.ups-li-ion.max_c_rate", "1/hour")
    assert_allclose(float(ds.battery_energy), max(100 * minutes / 60, 100 / ups))


def test_smoothing_sizing_by_hand():
    # 40 MW for 2 min needs 1.33 MWh, a 30C discharge: a grid battery (1C) holds 40 MWh
    ds = smoothing_battery(40, minutes=2, swings_per_day=24, round_trip_efficiency=0.9)
    assert_allclose(float(ds.battery_needed_energy), 40 * 2 / 60)
    assert_allclose(float(ds.battery_energy), 40.0)
    assert bool(ds.battery_resized) and ds.attrs["chemistry"] == "lfp-bess"
    assert_allclose(float(ds.annual_throughput), 40 * 2 / 60 * 24 * 365)  # 11,680 MWh
    assert_allclose(float(ds.cycles_per_year), 11_680 / 40)  # 292
    # the dips fix what goes in (reader17, lesson 7 D6): the grid's 11,680 MWh go in and 90 %
    # comes back, so 11,680 x 0.1 = 1,168 MWh are lost, not 11,680 x (1/0.9 - 1) = 1,297.8 MWh
    # (that would treat the absorbed dips as energy delivered)
    assert_allclose(float(ds.annual_recharge), 11_680.0)
    assert_allclose(float(ds.annual_losses), 1_168.0)
    assert "takes in" in ds.annual_throughput.attrs["long_name"]
    assert_allclose(ds.battery_cost.values, _cost(40, 40, LFP))
    assert float(ds.battery_life) == 20 and not bool(ds.cycle_limited)  # 6,000 / 292 = 20.5 yr


def test_the_default_smoothing_battery_is_cycle_limited_and_says_so():
    # 275 MW swings of 1 min, 96 a day: 4.6 MWh asked for (60C); 275 MWh at 1C, cycled
    # 275 / 60 x 96 x 365 / 275 = 584 times a year: 6,000 cycles last 10.3 years, not 20
    ds = smoothing_battery(275, minutes=1, swings_per_day=96)
    assert_allclose(float(ds.battery_energy), 275)
    assert_allclose(float(ds.cycles_per_year), 96 * 365 / 60)
    assert_allclose(float(ds.battery_life), 6000 / (96 * 365 / 60))
    assert bool(ds.cycle_limited)
    assert "60C" in ds.attrs["note"] and "cycle-limited" in ds.attrs["note"]


@settings(max_examples=60, deadline=None)
@given(
    st.floats(0.1, 5000),
    st.floats(0.05, 60),
    st.floats(0.05, 240),
    st.floats(1, 1000),
)
@example(1.0, 59.99999999999999, 1.0, 1.0)  # a 1C swing within rounding of 60 min: no resize
def test_no_battery_is_discharged_above_its_chemistry_c_rate_without_a_flag(p, swing, ride, n):
    n = min(n, 1440 / swing * (1 - 1e-12))  # swing x n within a day, rounding included
    year = _indiana_year()
    roles = {
        "ride-through": ride_through_battery(p, minutes=ride),
        "smoothing": smoothing_battery(p, minutes=swing, swings_per_day=n),
        "peak-shaving": peak_shaving_battery(year),
    }
    for role, ds in roles.items():
        e, power = float(ds.battery_energy), float(ds.battery_power)
        max_c = float(ds.max_c_rate)
        assert power <= max_c * e * (1 + 1e-12), role  # never above the C-rate
        asked = power / float(ds.battery_needed_energy) if power > 0 else 0.0
        # the role asked for more than the chemistry gives exactly when it is flagged
        assert bool(ds.battery_resized) == (asked > max_c * (1 + RESIZE_RTOL)), role
        if bool(ds.battery_resized):
            assert "resized" in ds.attrs["note"]
        assert bool(ds.cycle_limited) == (
            float(ds.cycles_per_year) * float(ds.calendar_life) > float(ds.cycle_life)
        )


_YEAR: list = []


def _indiana_year():
    if not _YEAR:
        _YEAR.append(explorer.climate_year("rainier-indiana", "chiller-economiser", site_power=300))
    return _YEAR[0]


def _threshold_by_bisection(load, rte):
    """The steady draw T where the room below T recharges what is delivered above it / rte."""
    lo, hi = min(load), max(load)
    for _ in range(100):
        t = (lo + hi) / 2
        room = sum(max(t - x, 0) for x in load)
        need = sum(max(x - t, 0) for x in load) / rte
        lo, hi = (lo, t) if room >= need else (t, hi)
    return (lo + hi) / 2


def test_daily_threshold_by_hand():
    from explorer.batteries import daily_threshold

    # 12 h at 10 MW, 12 h at 40 MW; at 80 %: 12 (T - 10) = 12 (40 - T) / 0.8 -> T = 26.67 MW
    load = [10.0] * 12 + [40.0] * 12
    assert_allclose(float(daily_threshold(load, round_trip_efficiency=0.8)), 80 / 3)
    assert_allclose(float(daily_threshold([5.0] * 24)), 5.0)  # a flat day needs no battery
    swept = xr.DataArray([[10.0, 30.0], [0.0, 20.0]], dims=("site", "hour"))
    assert_allclose(daily_threshold(swept, round_trip_efficiency=1.0).values, [20.0, 10.0])


def test_peak_shaving_recharges_from_the_grid_within_each_day():
    year = explorer.climate_year("rainier-mississippi", "chiller-economiser", site_power=300)
    ds = peak_shaving_battery(year, round_trip_efficiency=0.85)
    hot = year.hot_day_cooling_power.values.tolist()
    typical = year.cooling_power.values.tolist()
    # shaving to the annual mean could never recharge: the hot day stays above it every hour
    assert min(hot) > float(year.mean_cooling_power)
    days_load = [hot, *typical]
    t = [_threshold_by_bisection(d, 0.85) for d in days_load]
    assert_allclose(float(ds.hot_day_threshold), t[0], rtol=1e-9)
    above = [[max(x - ti, 0) for x in d] for d, ti in zip(days_load, t, strict=True)]
    for d, ti, a in zip(days_load, t, above, strict=True):
        assert sum(d) / 24 <= ti + 1e-9 <= max(d) + 1e-9  # above the day's mean, at 85 %
        room = sum(max(ti - x, 0) for x in d)
        assert_allclose(room, sum(a) / 0.85, rtol=1e-9)  # the recharge fits the lighter hours
    power = max(max(a) for a in above)
    need = max(sum(a) for a in above)  # 1-h steps: MW x 1 h
    sizing = max(range(13), key=lambda i: (sum(above[i]), -i))  # 0: the hot day, else the month
    assert int(ds.sizing_day) == sizing
    assert_allclose(float(ds.battery_power), power, rtol=1e-9)
    assert_allclose(float(ds.battery_needed_energy), need, rtol=1e-9)
    assert_allclose(float(ds.battery_energy), max(need, power / LFP["c"]), rtol=1e-9)
    days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    thru = sum(n * sum(a) for n, a in zip(days, above[1:], strict=True))
    assert_allclose(float(ds.annual_throughput), thru, rtol=1e-9)
    assert_allclose(float(ds.annual_recharge), thru / 0.85, rtol=1e-9)  # bought from the grid
    assert_allclose(float(ds.annual_losses), thru * (1 / 0.85 - 1), rtol=1e-9)
    assert_allclose(ds.battery_cost.values, _cost(float(ds.battery_energy), power, LFP))
    assert 0 < float(ds.battery_power) < float(year.peak_cooling_power - year.mean_cooling_power)


def test_the_chemistries_typed_above_are_the_catalogs():
    for name, pack in (("ups-li-ion", UPS), ("lfp-bess", LFP)):
        key = f"storage.chemistries.{name}"
        assert catalog.value(f"{key}.max_c_rate", "1/hour") == pack["c"]
        assert catalog.value(f"{key}.cycle_life", "dimensionless") == pack["cycles"]
        assert catalog.value(f"{key}.calendar_life", "year") == pack["years"]
        for i, lvl in enumerate(("low", "mid", "high")):
            assert catalog.value(f"{key}.energy_price_{lvl}", "USD/kWh") == pack["kwh"][i]
            assert catalog.value(f"{key}.power_price_{lvl}", "USD/kW") == pack["kw"][i]


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
        ds = ride_through_battery(10, minutes=minutes)
        assert float(ds.battery_needed_energy) == pytest.approx(10 * minutes / 60)
    else:
        with pytest.raises(InputError, match="0 min < ride_through_minutes ≤ 240 min"):
            ride_through_battery(10, minutes=minutes)


def test_size_roles_sizes_each_role_from_the_years_it_load_and_the_settings():
    from explorer.batteries import default_settings, size_roles

    year = explorer.climate_year("rainier-indiana", "chiller-economiser", site_power=300)
    it = float(year.it_power)
    roles = size_roles(year, ride_through_minutes=6, swing_share=0.5, swing_minutes=2)
    assert list(roles) == ["ride-through", "peak-shaving", "smoothing"]
    # MW x 6 min would be a 10C discharge: raised to the UPS cells' 8C
    assert_allclose(float(roles["ride-through"].battery_needed_energy), it * 6 / 60)
    assert_allclose(float(roles["ride-through"].battery_energy), it / 8)
    # smoothing: swings of half the IT load for 2 min, 96 a day (catalog), 365 days
    assert_allclose(float(roles["smoothing"].battery_power), it * 0.5)
    assert_allclose(float(roles["smoothing"].annual_throughput), it * 0.5 * 2 / 60 * 96 * 365)
    alone = peak_shaving_battery(year)
    assert_allclose(
        float(roles["peak-shaving"].battery_needed_energy), float(alone.battery_needed_energy)
    )
    # settings left out are the catalog's; losses at 85 %: throughput x (1/0.85 - 1)
    assert default_settings()["round_trip_efficiency"] == pytest.approx(0.85)
    ride = roles["ride-through"]
    assert_allclose(float(ride.annual_losses), float(ride.annual_throughput) * (1 / 0.85 - 1))
    with pytest.raises(InputError, match="swing_share = 2 is out of range"):
        size_roles(year, swing_share=2)
    with pytest.raises(InputError, match="is not a setting"):
        size_roles(year, minutes=5)


def test_peak_shaving_is_also_sized_on_the_years_real_days_by_hand():
    """Reader 41: a typical day averages a month's days, so a battery sized on it is too small
    for the real days that swing more. One month of two real days, 10 MW of IT, 4 hours a day:
    day 1 cools [1, 1, 3, 3] x IT, day 2 [1, 1, 1, 1]; the month's typical day [10, 10, 20, 20]
    MW. Lossless: the typical day holds 15 MW (its mean), 5 MW above it for 2 h = 10 MWh; the
    real day 1 holds 20 MW, 10 MW above it for 2 h = 20 MWh; day 2 needs nothing."""
    hours = np.arange(4)
    year = xr.Dataset(
        {
            "cooling_power": (("month", "hour"), [[10.0, 10.0, 20.0, 20.0]]),
            "hot_day_cooling_power": ("hour", [10.0, 10.0, 10.0, 10.0]),
            "day_cooling_per_it": (("day", "hour"), [[1.0, 1.0, 3.0, 3.0], [1.0, 1.0, 1.0, 1.0]]),
            "it_power": 10.0,
        },
        coords={"month": [1], "hour": hours, "days": ("month", [2.0]), "day": [1, 2]},
    )
    ds = peak_shaving_battery(year, round_trip_efficiency=1.0)
    got = {
        k: float(ds[k])
        for k in (
            "battery_energy",
            "battery_power",
            "annual_throughput",
            "real_days_energy",
            "real_days_power",
            "real_days_throughput",
            "real_days_over",
        )
    }
    assert got == pytest.approx(
        {
            "battery_energy": 10.0,
            "battery_power": 5.0,
            "annual_throughput": 20.0,  # 10 MWh x 2 days
            "real_days_energy": 20.0,
            "real_days_power": 10.0,
            "real_days_throughput": 20.0,  # 20 + 0
            "real_days_over": 1.0,
        }
    )
    # at 50 % round trip day 1 holds 23.33 MW (2 x (30 - T) / 0.5 = 2 x (T - 10)): 13.33 MWh
    lossy = peak_shaving_battery(year, round_trip_efficiency=0.5)
    assert float(lossy.real_days_energy) == pytest.approx(2 * (30 - 70 / 3))
    assert float(lossy.real_days_power) == pytest.approx(30 - 70 / 3)
    # the climate year carries its real days: 365 of them, and the lesson's site needs more
    year = explorer.climate_year("rainier-mississippi", "chiller-economiser", site_power=300)
    assert year.day_cooling_per_it.shape == (365, 24)
    real = peak_shaving_battery(year)
    assert float(real.real_days_energy) > float(real.battery_energy)
