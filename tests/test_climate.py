"""explorer.climate: a typical year of weather-driven cooling (issue #11)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.testing import assert_allclose

import explorer
from explorer import InputError, climate, notes, psychrometrics, scenario
from explorer.units import ureg

SITES = ("rainier-mississippi", "rainier-indiana")
HOTTEST_JACKSON = "the typical year's hottest day, 20 July"
TECHS = ("air-evaporative", "chiller-economiser")


def _c(deg_f: float) -> float:
    return float(ureg.Quantity(deg_f, "degF").to("degC").magnitude)


# ------------------------------------------------------------------ psychrometrics
@pytest.mark.parametrize(
    ("dry_bulb", "humidity_ratio", "pressure", "published_wet_bulb"),
    [
        # ASHRAE Handbook - Fundamentals (SI), ch. 1 worked example: 40 °C dry-bulb, 20 °C
        # thermodynamic wet-bulb at 101.325 kPa has W = 0.0065 kg/kg.
        (40.0, 0.0065, 101325.0, 20.0),
        # ASHRAE psychrometric chart No. 1: 25 °C, 50 % RH (W = 0.00988) lies on the 17.9 °C
        # wet-bulb line.
        (25.0, 0.00988, 101325.0, 17.9),
        # ASHRAE climatic design conditions as published in the stations' TMY3 summaries: the
        # cooling design dry-bulb with its humidity ratio and mean coincident wet-bulb, at the
        # stations' standard-atmosphere pressure (Jackson 308 ft: 97.8 kPa; South Bend 774 ft:
        # 98.5 kPa).
        (_c(93.56), 0.015609853661447487, None, _c(76.28)),
        (_c(88.16), 0.014059740107386033, None, _c(72.68)),
    ],
)
def test_wet_bulb_matches_published_ashrae_points_within_0_2_c(
    dry_bulb, humidity_ratio, pressure, published_wet_bulb
):
    if pressure is None:  # the design days: the station's own pressure
        station = climate.load_station("722350" if dry_bulb > 33 else "725350")
        pressure = climate.typical_weather(station).pressure
    assert (
        abs(float(climate.wet_bulb(dry_bulb, humidity_ratio, pressure)) - published_wet_bulb) <= 0.2
    )


# ------------------------------------------------------------------ the weather
def test_the_shifted_year_keeps_the_stations_monthly_means_and_daily_ranges():
    # after Belcher et al. (2005): each month keeps the station's mean dry-bulb and its mean
    # daily range (mean daily high - mean daily low) exactly; only the daily cycle is stretched,
    # so each day's departure from its month's mean is the donor's own (a donor's hot spell is
    # not stretched with the daily range)
    for station in climate.stations():
        st_ = climate.load_station(station)
        w = climate.typical_weather(st_)
        assert w.dry_bulb.shape == (8760,)
        days = w.dry_bulb.reshape(365, 24)
        month_of_day = np.repeat(np.arange(12), climate.DAYS.astype(int))
        daily_range = np.bincount(month_of_day, days.max(1) - days.min(1)) / climate.DAYS
        assert_allclose(np.bincount(climate.HOUR_MONTH, w.dry_bulb) / (climate.DAYS * 24), st_.mean)
        assert_allclose(daily_range, np.subtract(st_.high, st_.low), atol=1e-9)
        assert (w.wet_bulb <= w.dry_bulb + 1e-9).all()
        donor = climate.load_hourly(st_.hourly)[0].reshape(365, 24).mean(1)
        shifted = days.mean(1)
        assert_allclose(
            shifted - (np.bincount(month_of_day, shifted) / climate.DAYS)[month_of_day],
            donor - (np.bincount(month_of_day, donor) / climate.DAYS)[month_of_day],
            atol=1e-9,
        )
    # July in Jackson: 81.2 °F mean = 27.33 °C
    w = climate.typical_weather(climate.load_station("722350"))
    assert climate.by_month_hour(w.dry_bulb)[6].mean() == pytest.approx(
        (81.19685483870958 - 32) / 1.8
    )


def test_the_donors_dew_points_move_as_the_mean_daily_low_moves():
    # Jackson's July mean daily low 72.65096774193549 °F = 22.583871 °C (summary); Greensboro's
    # July days in its hourly file average a low of 20.787097 °C and a dew point of 19.819489 °C:
    # every July hour's dew point rises 1.796774 K. Shifting to the low itself (FAO-56's
    # T_dew = T_min taken absolutely, this module's old rule) would add the donor's measured
    # 0.97 K between its low and its dew point: 2.764382 K
    st_ = climate.load_station("722350")
    dry0, dew0 = climate.load_hourly(st_.hourly)
    _, dew = climate.shift_year(dry0, dew0, st_.mean, st_.high, st_.low)
    july = climate.HOUR_MONTH == 6
    assert_allclose(dew[july] - dew0[july], 1.796774, atol=1e-6)
    _, old = climate.shift_year(dry0, dew0, st_.mean, st_.high, st_.low, st_.low)
    assert_allclose(old[july] - dew0[july], 2.764382, atol=1e-6)


def test_the_shifted_years_hot_and_humid_hours_lie_near_the_design_points():
    # Not used to build the years: the summaries' ASHRAE design conditions, read by ResStock from
    # the stations' design-day files: the 1 % cooling dry-bulb (exceeded 88 h a year; Jackson
    # 93.56 °F, South Bend 88.16 °F) with its mean coincident wet-bulb (76.28, 72.68 °F), and the
    # 2 % dew point (175 h) as saturated humidity ratio (0.019218, 0.017051 kg/kg).
    # Found: 1 % dry-bulb 0.8 / 0.01 K above, 153 / 90 h above it; 2 % dew point 0.09 / 0.37 K
    # above (the old dew point at the daily low: 0.86 / 0.87 K); coincident wet-bulb 0.56 K above
    # / 0.03 K below; 95 / 105 h at saturation against the donors' own 405 / 143 (old: 873 / 370).
    for station, design_f, coincident_f in (("722350", 93.56, 76.28), ("725350", 88.16, 72.68)):
        st_ = climate.load_station(station)
        w = climate.typical_weather(st_)
        design = _c(design_f)
        assert abs(np.quantile(w.dry_bulb, 0.99) - design) < 1.0, station
        assert np.count_nonzero(w.dry_bulb > design) < 2 * 88, station
        design_dew = psychrometrics.dew_point(st_.dehumid_humidity_ratio, w.pressure)
        dew = psychrometrics.dew_point(w.humidity_ratio, w.pressure)
        assert abs(np.quantile(dew, 0.98) - design_dew) < 0.5, (station, design_dew)
        near = np.abs(w.dry_bulb - design) < 0.5
        assert abs(w.wet_bulb[near].mean() - _c(coincident_f)) < 1.0, station
        # the humidity shift makes no fog of its own: no more saturated hours than the donor's
        saturated = w.humidity_ratio >= psychrometrics.saturation_humidity_ratio(
            w.dry_bulb, w.pressure
        ) * (1 - 1e-12)
        dry0, dew0 = climate.load_hourly(st_.hourly)
        assert np.count_nonzero(saturated) <= np.count_nonzero(dew0 >= dry0), station


def test_the_shifted_years_hottest_hour_is_near_the_tmy3_years():
    # the summaries' AnnualMaxDrybulb (100.94 °F Jackson, 98.96 °F South Bend) is the TMY3
    # year's own hottest hour, not used to build the shifted year: found 38.09 and 34.50 °C,
    # against 38.30 and 37.20 °C
    for station, max_f in (("722350", 100.94), ("725350", 98.96)):
        w = climate.typical_weather(climate.load_station(station))
        assert w.dry_bulb.max() <= _c(max_f) + 1.0, station


def test_a_station_without_a_donor_repeats_its_typical_day():
    st_ = climate.load_station("722350")
    typical = replace(st_, hourly=None)
    w = climate.typical_weather(typical)
    day = climate.by_month_hour(w.dry_bulb)
    # ASHRAE's fractions run from 0 to 1: each day spans the mean daily range exactly
    assert_allclose(day.max(axis=1) - day.min(axis=1), np.subtract(st_.high, st_.low), atol=1e-9)
    assert_allclose(w.dry_bulb.reshape(365, 24)[0], day[0])  # 1 January is January's day


# ------------------------------------------------------------------ the year's sums
@pytest.mark.parametrize("tech", TECHS)
def test_the_years_energy_is_the_sum_of_its_hours(tech):
    year = explorer.climate_year("rainier-mississippi", tech, site_power=300, load_factor=0.9)
    days = np.array([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31], dtype=float)
    # each clock hour of each month's typical day, 1 h long, on every day of the month, at 90 % load
    by_hand_mwh = (year.facility_power.values * days[:, None] * 1.0 * 0.9).sum()
    assert_allclose(float(year.annual_energy), by_hand_mwh / 1000, rtol=1e-12)
    assert_allclose(float(year.annual_energy) * 1000, float(year.energy.sum()), rtol=1e-12)
    # cost and CO2 follow the year's energy: Mississippi's 69.6 USD/MWh and 427 g/kWh (catalog)
    assert_allclose(float(year.annual_cost), by_hand_mwh * 69.6, rtol=1e-12)
    assert_allclose(float(year.annual_co2), by_hand_mwh * 1000 * 427 / 1e6, rtol=1e-12)
    assert days.sum() * 24 == 8760
    # annual PUE = facility energy / IT energy (IT constant)
    assert_allclose(
        float(year.annual_pue), by_hand_mwh / (float(year.it_power) * 8760 * 0.9), rtol=1e-12
    )


@pytest.mark.parametrize("tech", TECHS)
def test_a_constant_weather_station_gives_the_constant_cooling_result(tech):
    station = climate.Station.constant(dry_bulb=20.0, dew_point=10.0)
    year = explorer.climate_year(
        "rainier-indiana", tech, station=station, site_power=300, load_factor=0.8
    )
    share = float(year.cooling_fraction[0, 0])
    assert_allclose(year.cooling_fraction.values, share, rtol=0, atol=0)
    today = explorer.compute(
        site="rainier-indiana", site_power=300, load_factor=0.8, cooling_fraction=share
    )
    assert_allclose(float(year.annual_energy), float(today.annual_energy), rtol=1e-12)
    assert_allclose(year.cooling_power.values, float(today.cooling_power), rtol=1e-12)
    assert_allclose(year.pue.values, float(today.pue), rtol=1e-12)
    assert_allclose(float(year.annual_pue), float(today.pue), rtol=1e-12)
    assert_allclose(float(year.it_power), float(today.it_power), rtol=1e-12)
    assert_allclose(float(year.peak_cooling_power), float(year.mean_cooling_power), rtol=1e-12)
    assert_allclose(
        float(year.annual_cooling_energy),
        float(today.cooling_power) * 8760 * 0.8 / 1000,
        rtol=1e-12,
    )


def test_a_constant_mild_station_has_the_hand_computed_air_evaporative_share():
    # 20 °C with a 10 °C dew point is inside class A1 (15-32 °C, dew point -12 to 17 °C): fans
    # only. Fan power per kW of heat = 500 Pa / (0.65 x rho x cp x 12 K) with the air at 32 °C:
    # W = 0.0076307 kg/kg, rho = 101325 / (287.042 x 305.15 x (1 + 1.607858 W)) = 1.14277 kg/m3,
    # cp = 1006 + 1860 W = 1020.19 J/(kg K) -> 0.054983; cooling share of facility power
    # 0.054983 / 1.054983 and PUE = 1 / (1 - that - 0.03).
    import psychrolib as pl

    pl.SetUnitSystem(pl.SI)
    w = pl.GetHumRatioFromTDewPoint(10.0, 101325.0)
    rho = 101325.0 / (287.042 * (32.0 + 273.15) * (1 + 1.607858 * w))
    fans = 500.0 / (0.65 * rho * (1006.0 + 1860.0 * w) * 12.0)
    assert fans == pytest.approx(0.054983, abs=1e-6)
    year = explorer.climate_year(
        "rainier-indiana", "air-evaporative", station=climate.Station.constant(20.0, 10.0)
    )
    assert_allclose(year.cooling_fraction.values, fans / (1 + fans), rtol=1e-9)
    assert_allclose(float(year.annual_pue), 1 / (1 - fans / (1 + fans) - 0.03), rtol=1e-9)
    assert float(year.annual_water) == 0.0  # no evaporation below the supply limit
    assert float(year.annual_free_cooling_hours) == 8760
    assert float(year.hours_free_cooling) == 8760 and float(year.hours_mechanical) == 0


# ------------------------------------------------------------------ physics, monotone
def _w(dry_bulb, wb):
    import psychrolib as pl

    pl.SetUnitSystem(pl.SI)
    return pl.GetHumRatioFromTWetBulb(dry_bulb, wb, 101325.0)


@settings(max_examples=60, deadline=None)
@given(st.floats(28.0, 45.0), st.floats(-10.0, 26.0), st.floats(0.0, 8.0))
def test_evaporative_cooling_power_rises_with_wet_bulb(dry_bulb, dew, step):
    # at a fixed dry-bulb, a higher dew point is a higher wet-bulb (above A1's -12 °C dew point:
    # air drier than that is humidified, a pump's worth more)
    import psychrolib as pl

    pl.SetUnitSystem(pl.SI)
    ws = [pl.GetHumRatioFromTDewPoint(min(d, dry_bulb), 101325.0) for d in (dew, dew + step)]
    wbs = [pl.GetTWetBulbFromHumRatio(dry_bulb, w, 101325.0) for w in ws]
    r1, r2 = (climate.air_evaporative(dry_bulb, wb, w).ratio for wb, w in zip(wbs, ws, strict=True))
    # moister supply air carries a little more heat per kg: the fans' share may fall by < 1e-4
    assert r2 >= r1 - 1e-4


def test_evaporative_cooling_power_strictly_rises_once_the_media_cannot_cope():
    # at 42 °C the media stop at the 17 °C dew point (class A1) above 32 °C: a trim that grows
    # with the wet-bulb (the hand-computed case is in tests/test_plant.py)
    wbs = np.array([22.0, 23.0, 24.0, 24.5])
    r = climate.air_evaporative(42.0, wbs, [_w(42.0, w) for w in wbs])
    assert (np.diff(r.ratio) > 0).all()
    assert (r.regime == 2).all() and (np.diff(r.free) < 0).all()


@settings(max_examples=60, deadline=None)
@given(st.floats(-10.0, 35.0), st.floats(0.0, 10.0))
def test_chiller_cooling_power_rises_with_wet_bulb(wb, step):
    r1, r2 = (climate.chiller_economiser(w).ratio for w in (wb, wb + step))
    assert r2 >= r1 - 1e-12


def test_chiller_cop_falls_as_the_condenser_warms():
    t_cond = np.array([25.0, 30.0, 35.0, 40.0])
    cop = climate.chiller_cop(t_cond, 13.0)
    assert (np.diff(cop) < 0).all()
    # 0.5 x (13 + 273.15) K / (40 - 13) K = 5.2991
    assert_allclose(cop[-1], 0.5 * 286.15 / 27)
    # and the plant's cooling power rises with it: wet-bulb 20 -> 24 °C, no free cooling at either
    lo, hi = climate.chiller_economiser([20.0, 24.0]).ratio
    assert_allclose([lo, hi], [0.07 + 1 / (0.5 * 286.15 / 17), 0.07 + 1 / (0.5 * 286.15 / 21)])


def test_economiser_share_by_hand():
    # tower water = wet-bulb + 4; pre-cooled return = tower + 2; CHW 15 -> 21 °C
    free = climate.chiller_economiser([9.0, 12.0, 15.0]).free
    assert_allclose(free, [1.0, (21 - 18) / 6, 0.0])


# ------------------------------------------------------------------ the sites
@pytest.mark.parametrize("site", SITES)
@pytest.mark.parametrize("tech", TECHS)
def test_the_hot_day_peak_is_at_least_every_monthly_mean(site, tech):
    year = explorer.climate_year(site, tech)
    assert (float(year.peak_cooling_power) >= year.cooling_power_mean.values).all()
    assert float(year.peak_cooling_power) >= float(year.mean_cooling_power)
    # one IT load: compute's at the plant's annual cooling share; its mean facility power is the
    # site power, so the hot day's peak is at least the site power
    base = explorer.compute(site=site, cooling_tech=tech)
    assert float(year.it_power) == pytest.approx(float(base.it_power), rel=1e-12)
    assert float(year.annual_pue) == pytest.approx(float(base.pue), rel=1e-12)
    assert float(year.peak_facility_power) >= float(base.site_power) * (1 - 1e-12)


def test_the_hot_day_is_never_milder_than_a_day_of_the_typical_year():
    # the hot day is the plant's worst of the two design days and the typical year's hottest day
    # (the calendar day holding the year's highest hourly ratio): no hour of the year above it
    for station in climate.stations():
        for tech in TECHS:
            py = climate.plant_year(climate.load_station(station), tech)
            assert py.hot.ratio.max() >= py.year.ratio.max(), (station, tech)
            day = int(np.argmax(py.year.ratio)) // 24
            hottest = climate.hottest_day(py.weather, py.year.ratio)
            assert_allclose(hottest.wet_bulb, py.weather.wet_bulb[day * 24 : day * 24 + 24])
            assert_allclose(hottest.dry_bulb, py.weather.dry_bulb[day * 24 : day * 24 + 24])
    # Jackson's chiller plant: the shifted year's most humid hour (wet-bulb 28.9982 °C, the
    # donor's most humid hour moved) beats the dehumidification design day. COP = 0.5 x
    # 286.15 K / (28.9982 + 4 + 6 - 13) K = 5.50326; r = 0.07 + 1 / 5.50326 = 0.251711 (the
    # design day's peak is 0.2240)
    py = climate.plant_year(climate.load_station("722350"), "chiller-economiser")
    assert py.hot_day.name == HOTTEST_JACKSON
    assert_allclose(py.hot.ratio.max(), 0.251711, rtol=1e-5)
    assert_allclose(py.hot_day.wet_bulb.max(), 28.9982, atol=1e-4)
    # a constant station: every day alike, so the design day (first on a tie) stays the hot day
    const = climate.plant_year(climate.Station.constant(20.0, 10.0), "chiller-economiser")
    assert const.hot_day.name == "cooling design day"


def test_the_design_day_rule_sizes_for_the_published_design_days_only():
    # Jackson's chiller plant with hot_day="design": the dehumidification design day (wet-bulb
    # 25.0589 °C) beats the cooling design day. COP = 0.5 x 286.15 K / (25.0589 + 4 + 6 - 13) K
    # = 6.48603; r = 0.07 + 1 / 6.48603 = 0.224177, below the year's own 0.251711 (20 July)
    st = climate.load_station("722350")
    py = climate.plant_year(st, "chiller-economiser", "design")
    assert py.hot_day.name == "dehumidification design day"
    assert_allclose(py.hot.ratio.max(), 0.224177, rtol=1e-5)
    assert py.year.ratio.max() > py.hot.ratio.max()  # a few hours of the year need more
    kw = {"site_power": 300}
    design = explorer.climate_year(
        "rainier-mississippi", "chiller-economiser", hot_day="design", **kw
    )
    worst = explorer.climate_year("rainier-mississippi", "chiller-economiser", **kw)
    assert design.attrs["hot_day"] == "dehumidification design day"
    assert float(design.peak_cooling_power) < float(worst.peak_cooling_power)
    # the year's own hottest hours stay the year's, whichever day is the hot day
    for var in ("peak_facility_power", "hours_above_site_power", "annual_pue"):
        assert_allclose(float(design[var]), float(worst[var]), rtol=1e-12)
    with pytest.raises(InputError, match="hot_day"):
        explorer.climate_year("rainier-mississippi", hot_day="hottest")


def test_the_wet_bulb_rule_sizes_on_a_design_day_built_from_the_one_percent_wet_bulb():
    # ASHRAE sizes cooling towers on the 1 % evaporation wet-bulb; the summaries carry none, so
    # hot_day="wet-bulb" builds the design day the way ASHRAE builds one (Handbook -
    # Fundamentals ch. 14, Table 6, the same fractions of the daily range for dry- and wet-bulb,
    # RP-1363) from the typical year: peak wet-bulb the year's 1 % (26.7056 °C, 88 hours above
    # it), with the mean coincident dry-bulb (the hours within 0.5 K of it) and the mean daily
    # ranges of the days whose peak wet-bulb is within 0.5 K of it, recomputed here by hand.
    # Chiller plant at the peak: COP = 0.5 x 286.15 K / (26.7056 + 4 + 6 - 13) K = 143.075 /
    # 23.7056 = 6.035494; r = 0.07 + 1 / 6.035494 = 0.235686, between the dehumidification
    # design day's 0.224177 and 20 July's 0.251711
    st = climate.load_station("722350")
    py = climate.plant_year(st, "chiller-economiser", "wet-bulb")
    w = py.weather
    assert py.hot_day.name == "the typical year's 1 % wet-bulb design day"
    assert py.rule == "wet-bulb"
    # the 1 %: 0.99 x (8,760 - 1) = 8,671.41 in the sorted hours, linearly interpolated
    ordered = np.sort(w.wet_bulb)
    one_percent = ordered[8671] + 0.41 * (ordered[8672] - ordered[8671])
    assert_allclose(climate.wet_bulb_rarity(w, 0.0)[1], one_percent, rtol=1e-12)
    assert_allclose(py.hot_day.wet_bulb.max(), 26.7056, atol=1e-3)
    assert_allclose(py.hot.ratio.max(), 0.235686, rtol=1e-4)
    near = np.abs(w.wet_bulb - one_percent) <= 0.5
    days_wb, days_db = w.wet_bulb.reshape(365, 24), w.dry_bulb.reshape(365, 24)
    at = np.abs(days_wb.max(axis=1) - one_percent) <= 0.5
    dbr = (days_db.max(axis=1) - days_db.min(axis=1))[at].mean()
    wbr = (days_wb.max(axis=1) - days_wb.min(axis=1))[at].mean()
    day = py.hot_day
    # ASHRAE's profile: 0 at 14:00 and 15:00 (the peak), 1 at 05:00 (the dawn low), 0.82 at 0:00
    assert_allclose(day.dry_bulb[[14, 15, 5, 0]], w.dry_bulb[near].mean() - [0, 0, dbr, 0.82 * dbr])
    assert np.flatnonzero(day.wet_bulb >= day.wet_bulb.max() - 1e-6).tolist() == [14, 15]
    assert_allclose(day.wet_bulb[[14, 0, 12]], one_percent - np.array([0, 0.82, 0.13]) * wbr)
    # a smooth day: the dry-bulb rises from the dawn low to the peak, then falls to midnight
    assert int(day.dry_bulb.argmin()) == 5
    assert (np.diff(day.dry_bulb[5:15]) > 0).all() and (np.diff(day.dry_bulb[15:]) < 0).all()
    # never above saturation: where the profile's wet-bulb would pass the dry-bulb (dawn), the
    # air is saturated
    assert (day.wet_bulb <= day.dry_bulb + 1e-6).all()
    saturated = psychrometrics.saturation_humidity_ratio(day.dry_bulb, w.pressure)
    assert (day.humidity_ratio <= saturated + 1e-12).all()
    # the day is the weather's, whichever plant: the air-evaporative plant gets the same day
    air = climate.plant_year(st, "air-evaporative", "wet-bulb")
    assert air.hot_day.name == py.hot_day.name
    year = explorer.climate_year("rainier-mississippi", "chiller-economiser", hot_day="wet-bulb")
    assert year.attrs["hot_day_rule"] == "wet-bulb"
    assert int(year.hot_day_cooling_power.argmax("hour")) == 14
    assert year.peak_cooling_power.attrs["units"] == "MW"
    assert year.hot_day_wet_bulb.attrs["long_name"]


def test_the_dehumidification_design_day_keeps_its_dew_point_and_its_own_range():
    # ASHRAE (Handbook - Fundamentals 2009 ch. 14, Table 6; RP-1363): one profile of fractions of
    # the daily range, each design day with the range coincident with its own condition, the dew
    # point constant. The dry-bulb design day's range (Jackson 19.26 °F = 10.7 K) is not the
    # dehumidification day's: with it, Jackson's day fell to 27.8 - 10.7 = 17.1 °C, 7 K below
    # its dew point and 5.5 K below July's mean daily low (72.65 °F = 22.58 °C), saturated for
    # 10 hours (reader13, lesson 7 D1). By hand, Jackson (100.20 kPa at 94 m): MCDB 82.04 °F =
    # 27.80 °C; W = 0.0192185 gives p_w = W p / (0.621945 + W) = 3003.5 Pa, dew point 24.10 °C
    # (p_ws 2985 Pa at 24 °C, +184 Pa/K); range 27.80 - 24.10 = 3.70 K, so 24.10 °C at 05:00
    # (fraction 1.00), 27.8 - 0.82 x 3.70 = 24.77 °C at midnight, 27.80 °C at 14:00.
    # South Bend (98.52 kPa): MCDB 79.16 °F = 26.20 °C, dew point 21.90 °C, range 4.30 K.
    for station, peak, dew, midnight in (
        ("722350", 27.80, 24.10, 24.77),
        ("725350", 26.20, 21.90, 26.20 - 0.82 * 4.30),
    ):
        st = climate.load_station(station)
        day = dict((d.name, d) for d in climate.typical_weather(st).design_days)[
            "dehumidification design day"
        ]
        assert_allclose(day.dry_bulb[[0, 5, 14]], [midnight, dew, peak], atol=0.01)
        assert_allclose(day.humidity_ratio, st.dehumid_humidity_ratio)  # constant dew point
        assert np.count_nonzero(day.dry_bulb - day.wet_bulb < 0.01) == 1, station  # 05:00 only
        assert day.dry_bulb.min() > max(st.low[6], st.low[7]), station  # July's, August's lows
        assert_allclose(
            climate.design_day_range(st, "dehumidification design day"), peak - dew, atol=0.01
        )
        assert climate.design_day_range(st, "cooling design day") == st.design_range
    # the lesson's claim (reader13 D1): Jackson's chiller plant on its design day draws more
    # cooling on average than on any month's typical day, its peak within 1 % of July's
    year = explorer.climate_year(
        "rainier-mississippi", "chiller-economiser", hot_day="design", site_power=300
    )
    assert float(year.hot_day_cooling_power.mean()) > float(year.cooling_power_mean.max())
    assert_allclose(float(year.peak_cooling_power), float(year.cooling_power.max()), rtol=0.01)
    with pytest.raises(InputError, match="name"):
        climate.design_day_range(st, "heating design day")


@pytest.mark.parametrize("tech", TECHS)
def test_jackson_needs_more_cooling_than_south_bend(tech):
    kw = {"site_power": 300, "chip": "trn2"}
    jackson = explorer.climate_year("rainier-indiana", tech, station="722350", **kw)
    south_bend = explorer.climate_year("rainier-indiana", tech, station="725350", **kw)
    assert float(jackson.annual_pue) > float(south_bend.annual_pue)
    assert float(jackson.annual_free_cooling_hours) <= float(south_bend.annual_free_cooling_hours)
    assert float(jackson.hours_mechanical) >= float(south_bend.hours_mechanical)


def test_the_default_technology_follows_the_chip():
    assert (
        explorer.climate_year("rainier-mississippi").attrs["cooling_tech"] == "air-evaporative"
    )  # Trainium2
    assert (
        explorer.climate_year("rainier-mississippi", chip="gb200").attrs["cooling_tech"]
        == "chiller-economiser"
    )


def test_every_variable_has_units_and_a_long_name():
    year = explorer.climate_year("rainier-indiana", "chiller-economiser", site_power=[300, 600])
    for name, var in year.variables.items():
        if name == "month":
            assert var.attrs["long_name"]
            continue
        assert var.attrs.get("units"), name
        assert var.attrs.get("long_name"), name
    assert year.cooling_power.dims == ("month", "hour", "site_power")  # a sweep broadcasts
    assert_allclose(
        year.annual_energy.sel(site_power=600), 2 * year.annual_energy.sel(site_power=300)
    )


def test_scaling_the_year_does_not_recompute_psychrometrics(monkeypatch):
    explorer.climate_year(
        "rainier-mississippi", "chiller-economiser", site_power=300
    )  # warm the cache

    class Refuse:
        def __getattr__(self, name):
            raise AssertionError(f"psychrolib.{name} called while only rescaling the year")

    monkeypatch.setattr(climate, "psychrolib", Refuse())
    a = explorer.climate_year(
        "rainier-mississippi", "chiller-economiser", site_power=450, electricity_price=50
    )
    b = explorer.climate_year("rainier-mississippi", "chiller-economiser", site_power=900)
    assert_allclose(float(b.annual_energy), 2 * float(a.annual_energy))


# ------------------------------------------------------------------ bad input
@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"pue": 1.2}, "pue"),
        ({"cooling_fraction": 0.1}, "cooling_fraction"),
        ({"cooling_tech": "immersion"}, "cooling_tech"),
        ({"station": "723340"}, "station"),
        ({"site": "generic"}, "station"),
        ({"site": "atlantis"}, "site"),
        ({"site_power": -3}, "site_power"),
    ],
)
def test_bad_climate_input_is_an_input_error(kwargs, field):
    kwargs = {"site": "rainier-indiana", **kwargs}
    with pytest.raises(InputError) as err:
        explorer.climate_year(**kwargs)
    assert err.value.field == field


def test_a_constant_station_refuses_a_dew_point_above_the_dry_bulb():
    with pytest.raises(InputError, match="dew_point"):
        climate.Station.constant(20.0, 25.0)


def test_psychrolib_is_imported_only_when_the_weather_is_computed():
    import subprocess
    import sys

    code = "import sys, explorer; explorer.compute(); print('psychrolib' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "False"  # `import explorer` works before psychrolib is installed


def test_an_unknown_key_is_an_input_error_not_a_clash_with_scale_year():
    # 'tech' is scale_year's own parameter: it used to reach it twice (a TypeError)
    with pytest.raises(explorer.InputError, match=r"tech = 'x' is not a known input") as e:
        explorer.climate_year(tech="x")
    assert "cooling_tech" in e.value.allowed and "station" in e.value.allowed
    assert "pue" not in e.value.allowed.split(", ")  # the weather sets the cooling


def test_the_default_station_is_the_presets_or_says_which_it_shows_instead():
    assert climate.default_station("rainier-mississippi") == ("722350", "")
    station, note = climate.default_station("xai-colossus")  # Memphis: not shipped
    assert station == "722350" and "723340 has no typical year shipped" in note
    assert "names no weather station" in climate.default_station("generic")[1]


def test_year_inputs_keep_only_what_the_climate_year_uses():
    inputs = {"site": "generic", "site_power": 300, "cooling_fraction": 0.4, "pue": None}
    inputs |= {"model": "llama3-405b", "job_chips": 16384, "chip": "trn2", "wue": 0.2}
    assert scenario.year_inputs(inputs) == {"site_power": 300, "chip": "trn2"}
    explorer.climate_year("rainier-indiana", **scenario.year_inputs(inputs))  # accepted


# ------------------------------------------------------------------ a slider that scales the year
def _fresh(**inputs):
    scenario._LAST_YEAR.clear()
    return explorer.climate_year("rainier-mississippi", "air-evaporative", **inputs)


def _assert_same_year(got, want):
    assert set(got.data_vars) == set(want.data_vars) and got.attrs == want.attrs
    for name in want.data_vars:
        assert_allclose(got[name].values, want[name].values, rtol=1e-12, err_msg=name)
        assert got[name].attrs == want[name].attrs


@settings(max_examples=30, deadline=None)
@given(
    st.floats(1.0, 5000.0),
    st.floats(1.0, 5000.0),
    st.one_of(st.none(), st.integers(1, 2_000_000)),
)
def test_a_year_whose_load_alone_changed_is_rescaled_exactly(p1, p2, chips):
    # the first year at p1, then p2 (the rescaled path) against p2 computed afresh
    want = _fresh(site_power=p2, chips=chips)
    _fresh(site_power=p1, chips=chips)
    got = explorer.climate_year(
        "rainier-mississippi", "air-evaporative", site_power=p2, chips=chips
    )
    _assert_same_year(got, want)


def test_the_rescaled_path_is_taken_for_a_site_power_move_and_not_otherwise(monkeypatch):
    calls = []
    real = scenario.rescaled
    monkeypatch.setattr(scenario, "rescaled", lambda y, r: calls.append(r) or real(y, r))
    first = _fresh(site_power=300)
    year = explorer.climate_year("rainier-mississippi", "air-evaporative", site_power=450)
    assert calls == [pytest.approx(1.5)]  # 450 / 300: the IT load, as the site is filled
    # the mean facility power is the site power; the hot hours draw a little more (PUE ratio)
    assert float(year.peak_facility_power) == pytest.approx(
        1.5 * float(first.peak_facility_power), rel=1e-12
    )
    assert float(first.annual_energy) == pytest.approx(300 * 8760 / 1000 * 0.9, rel=0.2)
    # another overhead share, load factor or plant: built afresh (and equal to a fresh build)
    for inputs in ({"overhead_fraction": 0.05}, {"load_factor": 0.8}):
        got = explorer.climate_year("rainier-mississippi", "air-evaporative", **inputs)
        _assert_same_year(got, _fresh(**inputs))
    other = explorer.climate_year("rainier-mississippi", "chiller-economiser", site_power=450)
    assert other.attrs["cooling_tech"] == "chiller-economiser"
    assert len(calls) == 1


def test_changing_a_returned_year_does_not_change_the_next_one():
    year = _fresh(site_power=300)
    year["energy"].values[:] = 0.0  # a caller writing into its result
    again = explorer.climate_year("rainier-mississippi", "air-evaporative", site_power=300)
    assert float(again.energy.sum()) > 0
    again["cooling_fraction"].values[:] = 0.0  # also into a rescaled one, in a variable kept
    third = explorer.climate_year("rainier-mississippi", "air-evaporative", site_power=310)
    assert float(third.cooling_fraction.min()) > 0


def test_a_shipped_stations_mechanical_hours_rise_with_its_dew_point():
    st_ = climate.load_station("725350")
    hours = []
    for shift in (-2.0, 0.0, 2.0):  # the monthly dew point the donor's hours are shifted to
        humid = replace(st_, dew_point=tuple(lo + shift for lo in st_.low))
        year = explorer.climate_year("rainier-indiana", "air-evaporative", station=humid)
        hours.append(float(year.hours_mechanical))
    assert hours[0] < hours[1] < hours[2]


def test_the_hours_above_the_site_power_are_counted_from_the_hours():
    year = explorer.climate_year("rainier-mississippi", "air-evaporative", site_power=300)
    py = climate.plant_year(climate.load_station("722350"), "air-evaporative")
    # facility per IT each hour = 1 / (1 - r / (1 + r) - 0.03); the site power carries the mean
    r = py.year.ratio
    facility = float(year.it_power) / (1 - r / (1 + r) - 0.03)
    assert facility.mean() == pytest.approx(300, rel=1e-12)
    assert float(year.hours_above_site_power) == np.count_nonzero(facility > 300 * (1 + 1e-12))
    assert float(year.peak_facility_power) >= facility.max() - 1e-9
    assert "hours_above_site_power" in year.attrs["notes"]
    # a year whose chips fill a tenth of the site never exceeds it
    small = explorer.climate_year(
        "rainier-mississippi", "air-evaporative", site_power=300, chips=20_000
    )
    assert float(small.hours_above_site_power) == 0
    assert "draw more than the site power" not in small.attrs["notes"]
    # compute says so too, where its cooling share comes from the climate year
    note = notes.hot_hours(explorer.compute(site="rainier-mississippi"))
    assert f"{float(year.hours_above_site_power):,.0f} h a year" in note[0]


def test_wet_bulb_rarity_counts_the_hours_above_and_the_one_percent_wet_bulb():
    # a hand-made year: 8,660 hours at 20 °C wet-bulb and 100 at 26 °C; the 1 % level (the
    # 87.6th hour from the top) lies among the 100, and 100 hours exceed 25.1 °C
    w = climate.typical_weather(climate.Station.constant(30.0, 20.0))
    wb = np.full(climate.HOURS_OF_YEAR, 20.0)
    wb[:100] = 26.0
    year = replace(w, wet_bulb=wb)
    assert climate.wet_bulb_rarity(year, 25.1) == (100.0, 26.0)
    assert climate.wet_bulb_rarity(year, 26.0)[0] == 0.0  # equal is not above
    # Jackson's humid design day (2 % dew point) is not a 2 % wet-bulb day: the typical year
    # exceeds its 25.1 °C peak wet-bulb in more than 2 % of hours (175 h), so its peak is no
    # rarer than July's typical afternoon (25.1 °C at 14 h), below the year's 1 % wet-bulb
    jackson = climate.typical_weather(climate.load_station("722350"))
    humid = jackson.design_days[1]
    hours, one_percent = climate.wet_bulb_rarity(jackson, float(humid.wet_bulb.max()))
    assert hours > 0.02 * climate.HOURS_OF_YEAR and one_percent > float(humid.wet_bulb.max()) + 1
