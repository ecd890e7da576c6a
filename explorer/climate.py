"""A site's cooling over a typical year: weather → psychrometrics → cooling plant → power, PUE,
water.

Illustrative, not any operator's design. The year is 8,760 hours of weather built for a station
from two things shipped in ``explorer/data/climate/``:

* the station's typical-year (TMY3) summary: monthly mean dry-bulb, mean daily high and low, the
  cooling and dehumidification design days;
* the hour-to-hour variability of a public hourly TMY3 year of a station with the same climate
  (``hourly-donors.csv``: Greensboro, NC for Jackson; Chicago O'Hare for South Bend), shifted and
  stretched to the station's own months (`shift_year`, after the "morphing" of Belcher, Hacker &
  Powell, Building Serv. Eng. Res. Technol. 26(1):49-61, 2005, with only the daily cycle
  stretched, the donor's day-to-day swings shifted at their own size): each month keeps the
  station's mean dry-bulb exactly and its mean daily range. The donor's measured dew points move
  as the month's mean daily low moves from donor to station (FAO-56, Allen et al. 1998, Annex 6:
  in humid climates the dew point is near the daily low; both pairs are humid). Only that
  difference is taken: the summaries publish no monthly humidity, and the mean daily low itself
  runs up to 1 K above the donors' measured mean dew point in summer (Greensboro July 20.8
  against 19.8 °C). Shifting to the low itself, as this module once did, raised Jackson's July
  dew points 2.8 K instead of 1.8 K, above its dry-bulb in 873 hours (clipped at saturation):
  its most humid 2 % of hours 0.9 K above the design dew point, its hottest day 29.7 °C wet-bulb.
  Keeping the donor's relative humidity instead (Belcher et al.'s humidity morph with no change)
  is worse: the stretched afternoons gain moisture with their heat (Jackson 1.0 K above its
  design dew point, hottest hour 29.9 °C wet-bulb).

A station without a donor (a synthetic `Station`, e.g. `Station.constant`) repeats each month's
typical day: ASHRAE's hourly fraction of the daily range about the month's mean, one dew point a
month. Psychrometrics are ASHRAE Handbook - Fundamentals formulas as psychrolib codes them, on whole
arrays (`explorer.psychrometrics`). The plant runs on every hour; the year's (month, hour) arrays
are means over each month's days (`by_month_hour`), its sums and hours over all 8,760 hours.

No published humidity or design figure sets a parameter: the years are built from the monthly
means, highs and lows and the donors' hours alone. The summaries' design conditions are the
ASHRAE figures ResStock reads from the station's design-day file: the *1 %* cooling dry-bulb
(exceeded 88 h a year) with its mean coincident wet-bulb, and the *2 %* dehumidification dew
point (exceeded 175 h a year; the humidity ratio saturated at it) with its mean coincident
dry-bulb. They are checks (tests/test_climate.py), Jackson / South Bend:

* 1 % dry-bulb 34.2 / 31.2 °C: 153 / 90 h of the year above it (88 expected);
* 2 % dew point 24.1 / 21.9 °C (0.0192 / 0.0171 kg/kg): the year's 2 % dew point 24.2 / 22.3 °C,
  218 / 224 h above (175 expected); 95 / 105 h at saturation;
* mean coincident wet-bulb at the 1 % dry-bulb 24.6 / 22.6 °C: the year's hours within 0.5 K of
  that dry-bulb average 25.1 / 22.5 °C;
* the TMY3 year's own hottest hour (``AnnualMaxDrybulb``) 38.3 / 37.2 °C: the year's 38.1 / 34.5.

Jackson's hot hours remain somewhat hotter and (by 0.5 K of wet-bulb) more humid than its design
points: the donor's hot, humid spells are its own.

Two cooling technologies (``explorer catalog``, group ``cooling_tech``):

``air-evaporative``
    Outside air to the servers inside an ASHRAE TC 9.9 envelope (dry-bulb, dew point, RH); above
    the highest supply temperature wetted media cool it towards the wet-bulb, as far as the
    envelope's humidity allows; a DX coil trims, dehumidifies or cools recirculated air when
    outside air cannot hold the supply (`explorer.plant`; hours by regime in the year).
``chiller-economiser``
    A cooling tower following the wet-bulb, a water-side economiser (fully free when the tower water
    is colder than the chilled-water supply, partly between supply and return) and chillers whose
    COP falls as the condenser warms — the plant structure of Lei & Masanet, Energy 201:117556
    (2020), re-implemented with round-figure parameters.

The plants' equations are in `explorer.plant`. What they ignore is listed in each technology's
catalog ``note``: part-load curves, filtration, freeze protection, liquid-cooled racks.

How the years compare with published figures (none was used to set a parameter): the
air-evaporative plant's annual PUE, 1.136 in Jackson and 1.107 in South Bend, lies beside AWS's
fleet PUE of 1.15 (2023-2024) and 1.14 (2025) (catalog ``cooling.aws-fleet.pue``; facts.csv), and
the 0.029 between them inside the humid-vs-dry spread of published sites (catalog
``climate.published_pue``, tests/test_plant.py). Its water, 0.002 and 0.004 L per IT kWh, is far
below AWS's fleet WUE of 0.15 L/kWh (2024): in class A1 the media run only above 32 °C and never
in air whose dew point is above 17 °C, so in these humid climates the DX coil, not water, carries
the hot hours (203 and 501 evaporative hours, 3,081 and 1,225 mechanical). A fleet that evaporates
at lower supply temperatures, in drier climates, uses more. The chiller-economiser plant's towers
evaporate all year: 2.44 and 2.38 L/kWh at annual PUEs of 1.181 and 1.151, against the industry
average of 1.8 L/kWh (Shehabi et al. 2016, catalog ``cooling.industry-average.wue``) and Google's
~1.10 fleet PUE for water-cooled halls (facts.csv ``hyperscaler.pue``).

The IT load is fixed: the facility draws IT / (1 − cooling share − other losses) each hour. The
IT load is `explorer.compute`'s, whose site power carries the year's *annual* PUE (compute's PUE
is the year's annual PUE): a design decision. The hottest hours therefore draw above the site
power; the year says by how much (``peak_facility_power``) and for how many hours
(``hours_above_site_power``), and its ``notes`` name them. A grid connection sized for
``peak_facility_power``, or a battery that shaves the peak (`explorer.batteries`), carries them.

The hot day a plant is sized for is the worst for it of the station's two design days and the
typical year's hottest day (`plant_year`; ``hot_day="design"`` takes the published design days
only). The summaries publish a dry-bulb design day and a dew-point (dehumidification) one but no
wet-bulb day, while ASHRAE sizes cooling towers on the 1 % *evaporation* wet-bulb:
``hot_day="wet-bulb"`` builds that design day from the typical year, as ASHRAE builds design
days: its 1 % wet-bulb with the mean coincident dry-bulb and daily ranges of the year's own hours
and days at it (`wet_bulb_design_day`; lesson 7 sizes on it). A design day is, by definition,
milder than the year's 1-2 % hottest or most humid hours, and the site must draw every hour of
its year: the peak the grid and a battery carry is the year's. For Jackson's chiller plant the
worst day is 20 July, whose 13:00 hour (36.5 °C, wet-bulb 29.0 °C) is the donor's own most
humid hour of the year (Greensboro 33.9 °C, dew point 25.0 °C, two hours before a storm drops it
12 K): 3.9 K of wet-bulb above the dehumidification design day, whose 25.1 °C the year exceeds
in 400 hours, and 2.3 K above the 1 % wet-bulb design day (26.7 °C, exceeded in 88 hours).

The plant's response to the weather is computed once per (station, technology) and cached, so
changing the site power, chips or prices only rescales it (no psychrometrics).

Examples
--------
>>> import explorer
>>> year = explorer.climate_year(site="rainier-mississippi", cooling_tech="air-evaporative")
>>> year.cooling_power.dims
('month', 'hour')
>>> round(float(year.annual_pue), 3) < round(float(explorer.climate_year(site="rainier-mississippi",
...     cooling_tech="chiller-economiser").annual_pue), 3)
True
"""

from __future__ import annotations

import calendar
import csv
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np
import xarray as xr

from . import catalog
from . import psychrometrics as psy
from .errors import InputError
from .plant import PlantResponse, air_evaporative, chiller_economiser
from .plant import chiller_cop as chiller_cop  # climate.chiller_cop, as before
from .units import factor, ureg


class _Psychrolib:
    """psychrolib, imported on first use (``import explorer`` works without it) and set to SI."""

    def __getattr__(self, name: str) -> Any:
        import psychrolib

        if psychrolib.GetUnitSystem() != psychrolib.SI:  # one global unit system in psychrolib
            psychrolib.SetUnitSystem(psychrolib.SI)
        return getattr(psychrolib, name)


psychrolib = _Psychrolib()

MONTHS = np.arange(1, 13)
HOURS = np.arange(24)
_YEAR = 2023  # a non-leap year: the months' days sum to the catalog's 8,760 h
DAYS = np.array([calendar.monthrange(_YEAR, int(m))[1] for m in MONTHS], dtype=float)
HOURS_OF_YEAR = int(DAYS.sum()) * len(HOURS)  # 8,760
HOUR_MONTH = np.repeat(np.arange(len(MONTHS)), DAYS.astype(int) * len(HOURS))  # 0-11, each hour
_DAY_MONTH = np.repeat(np.arange(len(MONTHS)), DAYS.astype(int))  # 0-11, each day
_FIRST_DAY = np.concatenate(([0], np.cumsum(DAYS.astype(int))[:-1]))  # each month's first day
_MWH_TO_GWH = factor("MWh", "GWh")
_M3_PER_L = factor("L", "m**3")
_KW_PER_MW = factor("MW", "kW")


# ------------------------------------------------------------------------------ stations
@dataclass(frozen=True)
class Station:
    """A weather station's typical-year summary, in SI units (temperatures in °C).

    Monthly tuples run January → December. ``dew_point`` (monthly mean, °C) is optional: without
    it a station with a donor (``hourly``) takes the donor's dew points moved as its mean daily
    low moves (`shift_year`), one without takes the mean daily low less the catalog's
    ``climate.dew_point_depression``.

    Examples
    --------
    >>> st = Station.constant(dry_bulb=20.0, dew_point=10.0)
    >>> st.mean[0], st.design_range
    (20.0, 0.0)
    """

    station: str
    name: str
    state: str
    altitude: float  # m
    mean: tuple[float, ...]
    high: tuple[float, ...]
    low: tuple[float, ...]
    design_dry_bulb: float  # °C
    design_humidity_ratio: float  # kg/kg
    design_range: float  # K
    dew_point: tuple[float, ...] | None = None
    dehumid_dry_bulb: float | None = None  # °C, dehumidification design condition
    dehumid_humidity_ratio: float | None = None  # kg/kg
    source: str = field(default="", compare=False)
    hourly: str | None = None  # the donor's hourly file (`hourly_donors`), or None
    design_wet_bulb: float | None = None  # °C, mean coincident with design_dry_bulb

    @classmethod
    def constant(cls, dry_bulb: float, dew_point: float, altitude: float = 0.0) -> Station:
        """A station whose weather never changes: every hour and the hot day at `dry_bulb` [°C]
        and `dew_point` [°C].

        Examples
        --------
        >>> Station.constant(25.0, 15.0).design_dry_bulb
        25.0
        """
        if dew_point > dry_bulb:
            raise InputError("dew_point", dew_point, f"dew_point ≤ dry_bulb = {dry_bulb:g} °C")
        pressure = psychrolib.GetStandardAtmPressure(altitude)
        w = psychrolib.GetHumRatioFromTDewPoint(dew_point, pressure)
        twelve = (float(dry_bulb),) * 12
        return cls(
            "constant",
            f"constant {dry_bulb:g} °C / dew point {dew_point:g} °C",
            "",
            float(altitude),
            twelve,
            twelve,
            twelve,
            float(dry_bulb),
            float(w),
            0.0,
            (float(dew_point),) * 12,
            source="synthetic",
        )


def _degf_to_c(x: float) -> float:
    return float(ureg.Quantity(x, "degF").to("degC").magnitude)


@lru_cache(maxsize=1)
def _station_files() -> dict[str, str]:
    folder = resources.files("explorer").joinpath("data/climate")
    out = {}
    for item in folder.iterdir():
        if item.name.endswith("-tmy3-summary.csv"):
            out[item.name.split("-")[-3]] = item.name
    return out


def stations() -> list[str]:
    """Stations with typical-year data shipped in the package (WMO numbers).

    Examples
    --------
    >>> stations()
    ['722350', '725350']
    """
    return sorted(_station_files())


@lru_cache(maxsize=1)
def hourly_donors() -> dict[str, dict[str, str]]:
    """The donor of hourly variability of each shipped station (``hourly-donors.csv``).

    Examples
    --------
    >>> hourly_donors()["725350"]["donor_name"]
    "Chicago O'Hare Intl, IL"
    """
    text = resources.files("explorer").joinpath("data/climate/hourly-donors.csv").read_text("utf-8")
    return {r["station"]: r for r in csv.DictReader(text.splitlines())}


@lru_cache(maxsize=4)
def load_hourly(name: str) -> tuple[np.ndarray, np.ndarray]:
    """A shipped hourly TMY3 year: (dry-bulb, dew point) [°C], 8,760 hours from 1 January 00:00
    local standard time.

    The files are hour ending (01:00 … 24:00), as published; each value is read as the clock hour
    it was observed at, so the last one (31 December 24:00) becomes 1 January 00:00 (the
    convention of ``diurnal-fraction.csv``).

    Examples
    --------
    >>> dry, dew = load_hourly("greensboro-nc-723170-tmy3-hourly.csv")
    >>> dry.shape, bool((dew <= dry).all())
    ((8760,), True)
    """
    text = resources.files("explorer").joinpath(f"data/climate/{name}").read_text("utf-8")
    data = np.loadtxt(text.splitlines()[1:], delimiter=",", ndmin=2)
    if data.shape != (HOURS_OF_YEAR, 2):
        raise ValueError(f"{name}: expected {HOURS_OF_YEAR} rows of dry_bulb,dew_point")
    out = np.roll(data, 1, axis=0)
    out.flags.writeable = False  # cached: shared by every caller
    return out[:, 0], out[:, 1]


@lru_cache(maxsize=16)
def load_station(station: str) -> Station:
    """A shipped station's typical-year summary, converted to °C with pint.

    Examples
    --------
    >>> st = load_station("722350")
    >>> st.name, round(st.design_dry_bulb, 2)  # 93.56 °F
    ('Jackson International Ap', 34.2)
    >>> load_station("723340")
    Traceback (most recent call last):
    ...
    explorer.errors.InputError: station = '723340' has no typical-year data shipped;
    allowed: one of 722350, 725350.
    """
    files = _station_files()
    if station not in files:
        raise InputError(
            "station",
            station,
            "one of " + ", ".join(stations()),
            "has no typical-year data shipped",
        )
    text = resources.files("explorer").joinpath(f"data/climate/{files[station]}").read_text("utf-8")
    rows = {r[0]: r[2:] for r in csv.reader(text.splitlines()) if r}

    def one(key: str) -> float:
        return float(rows[key][0])

    def monthly(key: str) -> tuple[float, ...]:
        return tuple(_degf_to_c(float(v)) for v in rows[key])

    delta_f_to_k = factor("delta_degF", "kelvin")
    donor = hourly_donors().get(station)
    return Station(
        station=rows["WeatherHeader.Station"][0],
        name=rows["WeatherHeader.City"][0],
        state=rows["WeatherHeader.State"][0],
        altitude=one("WeatherHeader.Altitude") * factor("ft", "m"),
        mean=monthly("WeatherData.MonthlyAvgDrybulbs"),
        high=monthly("WeatherData.MonthlyAvgDailyHighDrybulbs"),
        low=monthly("WeatherData.MonthlyAvgDailyLowDrybulbs"),
        design_dry_bulb=_degf_to_c(one("WeatherDesign.CoolingDrybulb")),
        design_humidity_ratio=one("WeatherDesign.CoolingHumidityRatio"),
        design_wet_bulb=_degf_to_c(one("WeatherDesign.CoolingWetbulb")),
        design_range=one("WeatherDesign.DailyTemperatureRange") * delta_f_to_k,
        dehumid_dry_bulb=_degf_to_c(one("WeatherDesign.DehumidDrybulb")),
        dehumid_humidity_ratio=one("WeatherDesign.DehumidHumidityRatio"),
        source=f"explorer/data/climate/{files[station]} (NREL ResStock TMY3 summary)"
        + (
            f"; hourly variability of {donor['donor_name']} ({donor['donor_station']}, TMY3), "
            "shifted to its months (Belcher et al. 2005)"
            if donor
            else ""
        ),
        hourly=donor["hourly"] if donor else None,
    )


@lru_cache(maxsize=1)
def _diurnal_fraction() -> np.ndarray:
    text = (
        resources.files("explorer").joinpath("data/climate/diurnal-fraction.csv").read_text("utf-8")
    )
    rows = list(csv.DictReader(text.splitlines()))
    return np.array([float(r["fraction"]) for r in rows])


# ------------------------------------------------------------------------------ weather
@dataclass(frozen=True)
class DesignDay:
    """A design day: (24,) arrays of dry-bulb [°C], humidity ratio [kg/kg], wet-bulb [°C]."""

    name: str
    dry_bulb: np.ndarray
    humidity_ratio: np.ndarray
    wet_bulb: np.ndarray


@dataclass(frozen=True)
class Weather:
    """A year's weather: (8760,) arrays of dry-bulb [°C], humidity ratio [kg/kg] and wet-bulb
    [°C], hour by hour from 1 January 00:00; the design days; pressure [Pa]."""

    dry_bulb: np.ndarray
    humidity_ratio: np.ndarray
    wet_bulb: np.ndarray
    design_days: tuple[DesignDay, ...]
    pressure: float


def wet_bulb(
    dry_bulb: Any, humidity_ratio: Any, pressure: float = psy.STANDARD_PRESSURE
) -> np.ndarray:
    """Wet-bulb temperature [°C] from dry-bulb [°C] and humidity ratio [kg/kg] at `pressure` [Pa]
    (psychrolib, ASHRAE Handbook - Fundamentals).

    Examples
    --------
    >>> round(float(wet_bulb(30.0, 0.010)), 2)
    19.61
    """
    return psy.wet_bulb(dry_bulb, humidity_ratio, pressure)


def _saturation_ratio(dry_bulb: np.ndarray, pressure: float) -> np.ndarray:
    return psy.saturation_humidity_ratio(dry_bulb, pressure)


def by_month_hour(hourly: Any) -> np.ndarray:
    """(…, 8760) hour-by-hour values → (…, 12, 24): each clock hour's mean over the month's days.

    Exact for a month whose days are alike (each day is taken as the month's first plus its
    difference from it).

    Examples
    --------
    >>> x = np.arange(HOURS_OF_YEAR, dtype=float)
    >>> by_month_hour(x)[0, :2].tolist()  # January 00:00: hours 0, 24, …, 720
    [360.0, 361.0]
    """
    days = np.asarray(hourly, dtype=float).reshape(*np.shape(hourly)[:-1], -1, len(HOURS))
    first = days[..., _FIRST_DAY, :]
    excess = np.add.reduceat(days - first[..., _DAY_MONTH, :], _FIRST_DAY, axis=-2)
    return first + excess / DAYS[:, None]


def shift_year(
    dry_bulb: np.ndarray,
    dew_point: np.ndarray,
    mean: Any,
    high: Any,
    low: Any,
    dew_point_mean: Any = None,
) -> tuple[np.ndarray, np.ndarray]:
    """A donor's hourly year [°C] shifted and stretched to another station's months.

    After Belcher, Hacker & Powell (2005), "shift and stretch", with the stretch on the diurnal
    cycle only. Their dry-bulb is T = T̄ₘ + αₘ (T₀ − ⟨T₀⟩ₘ): α multiplies the whole deviation
    from the month's mean, so a donor month of narrow days that run hot or cold for days on end
    (synoptic anomalies) has those spells stretched too, and extremes grow beyond the target's
    (α ≈ 1.33 turned a 31 °C April afternoon into 39 °C). Here, with D₀ the donor's mean of each
    day, only the hour's departure from its day is stretched and the day is shifted:
    T = T̄ₘ + (D₀ − ⟨T₀⟩ₘ) + αₘ (T₀ − D₀), αₘ = (highₘ − lowₘ) / (⟨T₀,max⟩ₘ − ⟨T₀,min⟩ₘ).
    Each day's range is αₘ times the donor's, so the month keeps the target's mean dry-bulb
    `mean` and mean daily range `high` − `low` exactly (the days' means average to ⟨T₀⟩ₘ); the
    donor's day-to-day anomalies keep their own size. The dew point is shifted (the donor's
    hour-to-hour humidity kept) by the change of the month's mean daily low,
    T_d = T_d0 + (lowₘ − ⟨T₀,min⟩ₘ): FAO-56's T_d ≈ T_min (Allen et al. 1998, Annex 6, humid
    climates), used for the difference between two humid stations only, so the donor's measured
    offset between its mean dew point and its mean daily low is kept; with `dew_point_mean` D̄ₘ
    given, to that monthly mean, T_d = T_d0 + (D̄ₘ − ⟨T_d0⟩ₘ). Monthly arguments are 12 values,
    January first.

    Examples
    --------
    >>> dry0 = np.tile(np.r_[np.zeros(12), np.full(12, 10.0)], 365)  # 0 °C nights, 10 °C days
    >>> dry, dew = shift_year(dry0, dry0 - 5, [20.0] * 12, [30.0] * 12, [10.0] * 12, [12.0] * 12)
    >>> float(dry.min()), float(dry.max()), float(dew.mean())
    (10.0, 30.0, 12.0)

    A warm spell is shifted, not stretched: the same days 4 K warmer on 1-3 January move 4 K
    (their daily range doubles, as every day's does)

    >>> dry0[:72] += 4.0
    >>> dry, _ = shift_year(dry0, dry0 - 5, [20.0] * 12, [30.0] * 12, [10.0] * 12, [12.0] * 12)
    >>> round(float(dry[:744].mean()), 9), round(float(dry[:72].max() - dry[72:744].max()), 9)
    (20.0, 4.0)

    Without `dew_point_mean`, the dew point moves as the mean daily low does: the donor's nights
    (about 0 °C) become 10 °C ones, so its dew points rise by about 10 K

    >>> _, dew = shift_year(dry0, dry0 - 5, [20.0] * 12, [30.0] * 12, [10.0] * 12)
    >>> round(float((dew - (dry0 - 5))[744:].mean()), 9)  # February: lows 0 -> 10 °C
    10.0
    """
    n_hours = DAYS * len(HOURS)
    daily = dry_bulb.reshape(-1, len(HOURS))
    day_mean = np.repeat(daily.mean(axis=1), len(HOURS))  # D₀, each hour
    mean0 = np.bincount(HOUR_MONTH, dry_bulb) / n_hours
    range0 = np.bincount(_DAY_MONTH, daily.max(axis=1) - daily.min(axis=1)) / DAYS
    alpha = (np.asarray(high, dtype=float) - np.asarray(low, dtype=float)) / range0
    dry = (
        np.asarray(mean, dtype=float)[HOUR_MONTH]
        + (day_mean - mean0[HOUR_MONTH])
        + alpha[HOUR_MONTH] * (dry_bulb - day_mean)
    )
    if dew_point_mean is None:
        low0 = np.bincount(_DAY_MONTH, daily.min(axis=1)) / DAYS
        shift = np.asarray(low, dtype=float) - low0
    else:
        shift = (
            np.asarray(dew_point_mean, dtype=float) - np.bincount(HOUR_MONTH, dew_point) / n_hours
        )
    return dry, dew_point + shift[HOUR_MONTH]


def typical_weather(st: Station) -> Weather:
    """The year's 8,760 hours and the hot (design) days of a station.

    A shipped station: its donor's hourly year, shifted to its months (`shift_year`; the dew
    point moved as the mean daily low moves, unless the station gives its monthly dew points). A
    station without a donor: each month's typical day (ASHRAE's fraction of the daily range about
    the mean, one dew point) on every day of the month.

    Examples
    --------
    >>> st = load_station("722350")
    >>> w = typical_weather(st)
    >>> w.dry_bulb.shape, [d.name for d in w.design_days]
    ((8760,), ['cooling design day', 'dehumidification design day'])
    >>> bool(abs(by_month_hour(w.dry_bulb).mean(axis=1) - st.mean).max() < 1e-9)  # means kept
    True
    """
    f = _diurnal_fraction()
    mean, high, low = (np.asarray(a, dtype=float) for a in (st.mean, st.high, st.low))
    pressure = psychrolib.GetStandardAtmPressure(st.altitude)
    dew_month = None if st.dew_point is None else np.asarray(st.dew_point, dtype=float)
    if st.hourly is None:
        day = mean[:, None] + (high - low)[:, None] * (f.mean() - f[None, :])
        dry = day[HOUR_MONTH, np.tile(HOURS, int(DAYS.sum()))]
        if dew_month is None:
            dew_month = low - catalog.value("climate.dew_point_depression", "kelvin")
        dew = dew_month[HOUR_MONTH]
    else:  # the donor's dew points, moved as the mean daily low moves (or to `dew_point`)
        dry, dew = shift_year(*load_hourly(st.hourly), mean, high, low, dew_month)
    w_dew = psy.humidity_ratio_from_dew_point(dew, pressure)
    w = np.minimum(w_dew, _saturation_ratio(dry, pressure))  # never above saturation
    # The hot day: the cooling design day (design dry-bulb, mean coincident humidity) and, for
    # plants that follow the wet-bulb, the dehumidification design day (humid, less hot), each
    # with its own daily range (`design_day_range`); the plant's worst of these and of the
    # year's days is its hot day (plant_year).
    # the published wet-bulb, not the summary's humidity ratio: that ratio was derived from it at
    # another pressure (Jackson's matches 100.9 kPa, not its 100.2), and rebuilding the wet-bulb
    # from it here gave 24.5 °C where the station publishes 76.28 °F = 24.6 °C
    cooling_ratio = (
        st.design_humidity_ratio
        if st.design_wet_bulb is None
        else float(
            psy.humidity_ratio_from_wet_bulb(st.design_dry_bulb, st.design_wet_bulb, pressure)
        )
    )
    days = [("cooling design day", st.design_dry_bulb, cooling_ratio)]
    if st.dehumid_dry_bulb is not None and st.dehumid_humidity_ratio is not None:
        days.append(("dehumidification design day", st.dehumid_dry_bulb, st.dehumid_humidity_ratio))
    design = []
    for name, peak, ratio in days:
        hot = peak - f * design_day_range(st, name, pressure)
        w_hot = np.minimum(ratio, _saturation_ratio(hot, pressure))
        design.append(DesignDay(name, hot, w_hot, wet_bulb(hot, w_hot, pressure)))
    return Weather(dry, w, wet_bulb(dry, w, pressure), tuple(design), pressure)


def design_day_range(st: Station, name: str, pressure: float | None = None) -> float:
    """The daily dry-bulb range [K] of one of a station's design days (`name` as in
    `Weather.design_days`).

    ASHRAE builds a design day's hours from its peak and a daily range with one profile of
    fractions of the range (Handbook - Fundamentals 2009, ch. 14, "Generating design-day data",
    Table 6, from research project RP-1363, which found the same profile for dry-bulb and
    wet-bulb and no reliable one for the dew point, so a design day's dew point is constant).
    The range is the one *coincident* with the day's design condition: the tables publish a
    dry-bulb range coincident with the dry-bulb design condition and another with the wet-bulb
    one, not one range for every design day.

    * ``"cooling design day"``: the station's ``design_range`` (the summary's
      ``DailyTemperatureRange``, ASHRAE's range for the dry-bulb design day).
    * ``"dehumidification design day"``: the summaries publish no range coincident with the
      dehumidification condition (the design dew point with its mean coincident dry-bulb).
      Its dew point is constant, and air cannot be colder than its dew point, so its range is
      at most its dry-bulb less its dew point: the night reaches saturation at the day's
      coolest hour, no earlier (`design_range` if that is smaller). Taking the dry-bulb
      design day's range instead, as this module once did, put Jackson's night 7 K below its
      dew point, saturated for 10 hours and colder than July's mean daily low (17.1 against
      22.6 °C): a design day milder than an average July day.

    Examples
    --------
    >>> st = load_station("722350")
    >>> round(design_day_range(st, "cooling design day"), 2)  # 19.26 °F
    10.7
    >>> round(design_day_range(st, "dehumidification design day"), 2)  # 27.8 - 24.1 °C
    3.7
    """
    if name == "cooling design day":
        return float(st.design_range)
    if name != "dehumidification design day" or st.dehumid_humidity_ratio is None:
        raise InputError("name", name, "cooling design day or dehumidification design day")
    if pressure is None:
        pressure = psychrolib.GetStandardAtmPressure(st.altitude)
    dew = float(psy.dew_point(st.dehumid_humidity_ratio, pressure))
    return float(min(st.design_range, max(0.0, float(st.dehumid_dry_bulb) - dew)))


# ------------------------------------------------------------------------------ plants
def technologies() -> list[str]:
    """The cooling technologies (catalog group ``cooling_tech``).

    Examples
    --------
    >>> technologies()
    ['air-evaporative', 'chiller-economiser']
    """
    return catalog.names("cooling_tech")


def default_tech(chip: str) -> str:
    """The cooling technology a chip's halls use by default (``air-evaporative`` for Trainium).

    Examples
    --------
    >>> default_tech("trn2"), default_tech("gb200")
    ('air-evaporative', 'chiller-economiser')
    """
    node = catalog.raw()["cooling_tech"]
    for name, tech in node.items():
        if chip in tech.get("default_for_chips", []):
            return name
    return next(name for name, tech in node.items() if tech.get("default_otherwise"))


@dataclass(frozen=True, eq=False)
class PlantYear:
    """A plant's response to a station's year (8,760 hours) and hot day (cached per station and
    technology).

    The hot day is the worst for the plant (highest peak of cooling per heat removed) of the
    station's design days and the typical year's hottest day (`hottest_day`), so no hour of the
    year needs more cooling than the hot day's peak.
    """

    weather: Weather
    year: PlantResponse
    hot: PlantResponse
    hot_day: DesignDay
    rule: str = "worst"  # how the hot day was chosen (`HOT_DAY_RULES`)


def _respond(
    tech: str, dry: np.ndarray, wb: np.ndarray, w: np.ndarray, pressure: float
) -> PlantResponse:
    if tech == "air-evaporative":
        return air_evaporative(dry, wb, w, pressure)
    return chiller_economiser(wb)


def wet_bulb_rarity(weather: Weather, wet_bulb_peak: float) -> tuple[float, float]:
    """How rare a wet-bulb is in a typical year: the hours [h] whose wet-bulb exceeds
    `wet_bulb_peak` [°C], and the wet-bulb [°C] exceeded in 1 % of the year's hours (ASHRAE's
    1 % *evaporation* design wet-bulb, the condition a cooling tower is sized for, Handbook -
    Fundamentals ch. 14, computed here from the typical year itself: the station summaries
    publish only a 1 % dry-bulb and a 2 % dew point).

    A design day picked by its dew point (the dehumidification day) need not be rare by its
    wet-bulb: its afternoon is cooler than a July afternoon's, so its wet-bulb may be no higher.

    Examples
    --------
    >>> w = typical_weather(Station.constant(30.0, 20.0))
    >>> hours, one_percent = wet_bulb_rarity(w, 20.0)  # every hour at the same wet-bulb
    >>> int(hours), round(one_percent, 2) == round(float(w.wet_bulb[0]), 2)
    (8760, True)
    """
    wb = np.asarray(weather.wet_bulb, dtype=float)
    hours = float(np.count_nonzero(wb > float(wet_bulb_peak) + 1e-9))
    return hours, float(np.quantile(wb, 0.99))


def _calendar_day(weather: Weather, day: int, label: str) -> DesignDay:
    """Day `day` (0-364) of the typical year, 00:00 to 23:00, as a `DesignDay` named `label`
    and its date."""
    month = int(_DAY_MONTH[day])
    date = f"{day - _FIRST_DAY[month] + 1} {calendar.month_name[month + 1]}"
    hours = slice(day * len(HOURS), (day + 1) * len(HOURS))
    return DesignDay(
        f"{label}, {date}",
        weather.dry_bulb[hours],
        weather.humidity_ratio[hours],
        weather.wet_bulb[hours],
    )


def hottest_day(weather: Weather, ratio: np.ndarray) -> DesignDay:
    """The typical year's hottest day for a plant: the calendar day (00:00 to 23:00) whose peak
    of the plant's cooling per heat removed, `ratio` [1] (8760,), is the year's highest, as a
    `DesignDay` named with its date.

    "Hottest" is the plant's: a chiller plant's hardest day is the day of the highest wet-bulb,
    not necessarily of the highest dry-bulb.

    Examples
    --------
    >>> w = typical_weather(Station.constant(20.0, 10.0))
    >>> ratio = np.zeros(HOURS_OF_YEAR)
    >>> ratio[24 * 200 + 15] = 1.0  # day 201 of the year, 15:00
    >>> hottest_day(w, ratio).name
    "the typical year's hottest day, 20 July"
    """
    day = int(np.asarray(ratio, dtype=float).reshape(-1, len(HOURS)).max(axis=1).argmax())
    return _calendar_day(weather, day, "the typical year's hottest day")


COINCIDENT_BAND = 0.5
"""Half-width [K] of the bin about a design condition whose hours (or days) give its mean
coincident values (`wet_bulb_design_day`): a 1 K bin, the one this module's checks of the
station's mean coincident wet-bulb use (tests/test_climate.py)."""


def wet_bulb_design_day(weather: Weather) -> DesignDay:
    """The 1 % wet-bulb design day, built from the typical year the way ASHRAE builds design
    days (Handbook - Fundamentals ch. 14, "Generating design-day data"): 24 hours from a peak
    and a daily range with one profile of fractions of the range (`design_day_range`; research
    project RP-1363 found the same profile for dry-bulb and wet-bulb).

    ASHRAE sizes cooling towers on the 1 % *evaporation* wet-bulb and publishes with it the mean
    coincident dry-bulb (MCDB) and the mean coincident daily ranges of dry-bulb and wet-bulb
    (MCDBR, MCWBR). The station summaries this module reads publish none of them, so all four
    come from the typical year itself (whose hours are borrowed from a donor station,
    `typical_weather`):

    * peak wet-bulb: the year's 1 % wet-bulb (`wet_bulb_rarity`, exceeded in 88 of the 8,760
      hours);
    * MCDB: the mean dry-bulb of the year's hours whose wet-bulb is within `COINCIDENT_BAND` of
      it;
    * MCDBR, MCWBR: the mean daily range (highest less lowest hour) of dry-bulb and of wet-bulb
      over the days whose peak wet-bulb is within `COINCIDENT_BAND` of it.

    (When no hour, or no day, lies in the band, the nearest ones are taken.) Each hour h then has
    dry-bulb MCDB − f_h MCDBR and wet-bulb 1 % − f_h MCWBR, f_h ASHRAE's fraction (0 at 14:00 and
    15:00, the peak; 1 at 05:00, the dawn low), and the humidity ratio of that pair
    (`explorer.psychrometrics`). Air cannot be wetter than saturated: where the profile's
    wet-bulb would pass the dry-bulb (a humid climate's dawn, when the wet-bulb range is much
    narrower than the dry-bulb's), the hour is saturated, wet-bulb = dry-bulb.

    The day is smooth by construction: none of the donor's storms or calm spells that the year's
    real days carry; the year's own hours still count for the peak the grid carries
    (`plant_year`).

    Examples
    --------
    A station whose weather never changes: every hour at its own wet-bulb, no range

    >>> w = typical_weather(Station.constant(30.0, 20.0))
    >>> day = wet_bulb_design_day(w)
    >>> day.name
    "the typical year's 1 % wet-bulb design day"
    >>> bool(np.allclose(day.dry_bulb, 30.0)), bool(np.allclose(day.wet_bulb, w.wet_bulb[0]))
    (True, True)

    Jackson's: the peak is the year's 1 % wet-bulb, at 14:00 and 15:00; the dawn low at 05:00

    >>> w = typical_weather(load_station("722350"))
    >>> day = wet_bulb_design_day(w)
    >>> round(float(day.wet_bulb.max()), 3) == round(wet_bulb_rarity(w, 0.0)[1], 3)
    True
    >>> np.flatnonzero(day.dry_bulb == day.dry_bulb.max()).tolist(), int(day.dry_bulb.argmin())
    ([14, 15], 5)
    """
    _, peak = wet_bulb_rarity(weather, 0.0)
    wb = np.asarray(weather.wet_bulb, dtype=float)
    db = np.asarray(weather.dry_bulb, dtype=float)

    def near(x: np.ndarray) -> np.ndarray:  # within the band, or the nearest if none is
        gap = np.abs(x - peak)
        return gap <= max(COINCIDENT_BAND, float(gap.min()))

    days_wb, days_db = wb.reshape(-1, len(HOURS)), db.reshape(-1, len(HOURS))
    at = near(days_wb.max(axis=1))
    mcdb = float(db[near(wb)].mean())
    mcdbr = float(np.ptp(days_db[at], axis=1).mean())
    mcwbr = float(np.ptp(days_wb[at], axis=1).mean())
    f = _diurnal_fraction()
    dry = mcdb - f * mcdbr
    wet = np.minimum(peak - f * mcwbr, dry)  # saturated, no wetter
    w = np.minimum(
        psy.humidity_ratio_from_wet_bulb(dry, wet, weather.pressure),
        _saturation_ratio(dry, weather.pressure),
    )
    return DesignDay(
        "the typical year's 1 % wet-bulb design day",
        dry,
        w,
        wet_bulb(dry, w, weather.pressure),
    )


HOT_DAY_RULES = ("worst", "design", "wet-bulb")
"""How `plant_year` picks its hot day: ``"worst"`` of the design days and the typical year's
hottest day (the default: no hour of the year above it), ``"design"`` of the station's
published design days only (the summaries carry a dry-bulb and a dew-point day, no wet-bulb
one), ``"wet-bulb"`` the 1 % wet-bulb design day built from the typical year
(`wet_bulb_design_day`: the condition a cooling tower is sized for; the year's most humid hours
exceed it)."""


@lru_cache(maxsize=32)
def plant_year(st: Station, tech: str, hot_day: str = "worst") -> PlantYear:
    """Weather and plant response for one station and technology: the cached, slow part.

    With ``hot_day="worst"`` (the default) the hot day is the plant's worst of the station's
    design days and the typical year's hottest day (`hottest_day`): never milder than a day of
    the year (a design day on a tie, within rounding). With ``hot_day="design"`` it is the
    plant's worst of the station's published design days only; with ``hot_day="wet-bulb"`` the
    1 % wet-bulb design day built from the typical year (`wet_bulb_design_day`), the day a
    cooling tower is sized for.
    With either, a few hours of the year may need more (``peak_facility_power`` and
    ``hours_above_site_power`` of `explorer.climate_year` still count the year's own hours).

    Examples
    --------
    >>> py = plant_year(load_station("725350"), "chiller-economiser")
    >>> py.year.ratio.shape
    (8760,)
    >>> bool(py.year.ratio.max() <= py.hot.ratio.max())  # no hour of the year above the hot day
    True
    >>> plant_year(load_station("722350"), "chiller-economiser", "design").hot_day.name
    'dehumidification design day'
    >>> plant_year(load_station("722350"), "chiller-economiser", "wet-bulb").hot_day.name
    "the typical year's 1 % wet-bulb design day"
    """
    if hot_day not in HOT_DAY_RULES:
        raise InputError("hot_day", hot_day, "one of " + ", ".join(HOT_DAY_RULES))
    w = typical_weather(st)
    year = _respond(tech, w.dry_bulb, w.wet_bulb, w.humidity_ratio, w.pressure)
    if hot_day == "design":
        days: tuple[DesignDay, ...] = w.design_days
    elif hot_day == "wet-bulb":
        days = (wet_bulb_design_day(w),)
    else:
        days = (*w.design_days, hottest_day(w, year.ratio))
    responses = [
        (_respond(tech, d.dry_bulb, d.wet_bulb, d.humidity_ratio, w.pressure), d) for d in days
    ]
    peaks = [float(r.ratio.max()) for r, _ in responses]
    # the first of the worst: a design day unless a day of the year needs more (beyond rounding)
    worst = next(i for i, p in enumerate(peaks) if p >= max(peaks) * (1 - 1e-9))
    hot, day = responses[worst]
    return PlantYear(w, year, hot, day, hot_day)


# ------------------------------------------------------------------------------ the year
def station_for(site: str) -> str | None:
    """The weather station a site preset names (WMO number), or None.

    Examples
    --------
    >>> station_for("rainier-indiana")
    '725350'
    """
    catalog.check_name("site", site, "sites")
    return catalog.raw()["sites"][site].get("station")


DEFAULT_SITE = "rainier-mississippi"  # climate_year's default site; its station is the fallback


def default_station(site: str) -> tuple[str, str]:
    """(station, note): the shipped station a site's climate uses by default, and why.

    The preset's own station when its typical year is shipped; otherwise the station of
    `climate_year`'s default site, with a note that says so ("" when the preset's own is used).

    Examples
    --------
    >>> default_station("rainier-indiana")
    ('725350', '')
    >>> station, note = default_station("generic")
    >>> station, note.split(";")[0]
    ('722350', 'the generic preset names no weather station')
    """
    own = station_for(site)
    if own in stations():
        return own, ""
    fallback = station_for(DEFAULT_SITE)
    st = load_station(fallback)
    why = (
        f"the {site} preset names no weather station"
        if own is None
        else f"the {site} preset's station {own} has no typical year shipped"
    )
    return fallback, f"{why}; showing {st.name}, {st.state} ({fallback}) instead"


def plant_for(
    site: str,
    station: str | Station | None = None,
    cooling_tech: str | None = None,
    chip: Any = None,
) -> tuple[Station, str] | None:
    """(station, technology) of the plant a scenario's cooling follows, or None.

    The given `station` (a WMO number or a `Station`), else the preset's own station when its
    typical year is shipped; the given `cooling_tech`, else the preset chip's (`default_tech`).
    None when neither names a shipped station (the preset's catalog cooling share applies).

    Examples
    --------
    >>> st, tech = plant_for("rainier-mississippi")
    >>> st.station, tech
    ('722350', 'air-evaporative')
    >>> plant_for("generic") is None
    True
    """
    if isinstance(station, Station):
        st = station
    else:
        name = station if station is not None else station_for(site)
        if name is None or (station is None and name not in stations()):
            return None
        st = load_station(str(name))
    if not isinstance(chip, str):
        chip = catalog.raw()["sites"][site]["chip"]
    tech = cooling_tech or default_tech(chip)
    return st, catalog.check_name("cooling_tech", tech, "cooling_tech")


def hourly_cooling_fraction(ratio: np.ndarray) -> np.ndarray:
    """Cooling share of the facility power [1] from the plant's cooling per heat removed [1]:
    cooling / (heat removed + cooling), the heat removed being the facility less its cooling.

    Examples
    --------
    >>> float(hourly_cooling_fraction(np.array(0.25)))
    0.2
    """
    return ratio / (1.0 + ratio)


def annual_cooling(st: Station, tech: str, overhead_fraction: Any) -> tuple[Any, Any]:
    """The year's constant-equivalent cooling share [1] and WUE [L per IT kWh] of a plant at a
    constant IT load, for `overhead_fraction` [1] (a number or an xarray Variable).

    The cooling share is the one constant share that gives the year's annual PUE
    (``1 − overhead − 1 / annual PUE``, i.e. cooling energy / facility energy); the WUE is the
    year's water per IT energy. Both are what `explorer.compute` takes by default for a preset
    with a weather station, so compute's PUE and water equal the climate year's.

    Examples
    --------
    >>> fc, wue = annual_cooling(load_station("725350"), "chiller-economiser", 0.03)
    >>> 0 < float(fc) < 0.2, 0 < float(wue) < 3
    (True, True)
    """
    fo = overhead_fraction
    if not isinstance(fo, xr.Variable):
        return _annual_cooling_float(st, tech, float(fo))
    # each distinct overhead share once, through the one scalar formula (a sweep's points equal
    # the single scenarios exactly)
    values, where = np.unique(np.asarray(fo.values, dtype=float), return_inverse=True)
    pairs = _annual_cooling_shares(st, tech, values.tobytes())
    shape = fo.shape
    return (
        xr.Variable(fo.dims, pairs[:, 0][where].reshape(shape)),
        xr.Variable(fo.dims, pairs[:, 1][where].reshape(shape)),
    )


@lru_cache(maxsize=16)
def _annual_cooling_shares(st: Station, tech: str, shares: bytes) -> np.ndarray:
    """`_annual_cooling_float` of each distinct share in `shares` (float64 bytes, sorted), as a
    read-only (n, 2) array; kept per sample: a site with weather draws the same thousands of
    overhead shares at every call with the same seed (`explorer.ui.headlines`), about 0.2 s of
    8,760-hour means each time."""
    pairs = np.array(
        [_annual_cooling_float(st, tech, float(v)) for v in np.frombuffer(shares)], dtype=float
    ).reshape(-1, 2)
    pairs.flags.writeable = False
    return pairs


@lru_cache(maxsize=256)
def _annual_cooling_float(st: Station, tech: str, fo: float) -> tuple[float, float]:
    # per_it's hourly facility and water per IT, as per_it computes them (the same numbers),
    # without its month-by-hour tables: a sample asks for thousands of distinct shares
    py = plant_year(st, tech)
    fc = hourly_cooling_fraction(py.year.ratio)
    q = 1.0 / (1.0 - fc - fo)
    annual_pue = float(q.mean())
    wue = float((py.year.water * (1.0 - fc) * q).mean())
    return 1.0 - fo - 1.0 / annual_pue, wue


@dataclass(frozen=True)
class PerIT:
    """A plant year per unit of IT power at one overhead share: facility power [1] hour by hour
    (``hourly``, (8760,)) and, as (12, 24) means over each month's days, facility, cooling and
    heat [1] and water [L/kWh of IT]; the hot day's facility and cooling [1] (24,); the cooling
    [1] of each real day of the year, hour by hour (``day_cooling``, (365, 24))."""

    hourly: np.ndarray
    water_hourly: np.ndarray
    facility: np.ndarray
    cooling: np.ndarray
    water: np.ndarray
    hot_facility: np.ndarray
    hot_cooling: np.ndarray
    day_cooling: np.ndarray


@lru_cache(maxsize=64)
def per_it(py: PlantYear, overhead_fraction: float) -> PerIT:
    """The facility per unit of IT load, hour by hour, for a plant year and an overhead share
    [1]: PUE_h = 1 / (1 − f_h − overhead), f_h = `hourly_cooling_fraction` of the plant's ratio
    (cached per plant year and share; the arrays are read-only).

    Examples
    --------
    >>> py = plant_year(Station.constant(20.0, 10.0), "chiller-economiser")
    >>> load = per_it(py, 0.03)
    >>> load.facility.shape, bool((load.hourly == load.hourly[0]).all())
    ((12, 24), True)
    """
    fo = float(overhead_fraction)
    fc = hourly_cooling_fraction(py.year.ratio)
    q = 1.0 / (1.0 - fc - fo)
    water = py.year.water * (1.0 - fc) * q  # L per kWh of heat x heat per IT
    fc_hot = hourly_cooling_fraction(py.hot.ratio)
    q_hot = 1.0 / (1.0 - fc_hot - fo)
    arrays = (
        q,
        water,
        by_month_hour(q),
        by_month_hour(fc * q),
        by_month_hour(water),
        q_hot,
        fc_hot * q_hot,
        (fc * q).reshape(-1, 24),  # each real day of the year, (365, 24)
    )
    for a in arrays:
        a.flags.writeable = False  # cached (per plant year and share): shared by every caller
    return PerIT(*arrays)


def hours_above(py: PlantYear, overhead_fraction: float, threshold: Any) -> np.ndarray:
    """Hours of the year [h] whose facility power per unit of IT exceeds `threshold` [1] (site
    power / IT power), at an overhead share [1]; `threshold` may be an array.

    Examples
    --------
    >>> py = plant_year(load_station("722350"), "air-evaporative")
    >>> annual_pue = float(per_it(py, 0.03).hourly.mean())
    >>> int(hours_above(py, 0.03, annual_pue)) > 0  # the year's hot hours
    True
    >>> int(hours_above(py, 0.03, 10.0))
    0
    """
    ordered = _ordered(py, float(overhead_fraction))
    limit = np.asarray(threshold, dtype=float) * (1.0 + 1e-12)  # rounding is not an excess
    return (len(ordered) - np.searchsorted(ordered, limit, side="right")).astype(float)


def peak_per_it(py: PlantYear, overhead_fraction: float) -> float:
    """The highest facility power per unit of IT [1] of the year's hours and the hot day, at an
    overhead share [1].

    Examples
    --------
    >>> py = plant_year(load_station("722350"), "air-evaporative")
    >>> peak_per_it(py, 0.03) > float(per_it(py, 0.03).hourly.mean())
    True
    """
    load = per_it(py, float(overhead_fraction))
    return max(float(_ordered(py, float(overhead_fraction))[-1]), float(load.hot_facility.max()))


@lru_cache(maxsize=64)
def _ordered(py: PlantYear, overhead_fraction: float) -> np.ndarray:
    out = np.sort(per_it(py, overhead_fraction).hourly)
    out.flags.writeable = False  # cached: shared by every caller
    return out
