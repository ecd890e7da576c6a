"""A site's cooling over a typical year: weather → psychrometrics → cooling plant → power, PUE,
water.

Illustrative, not any operator's design. The year is 12 months × 24 clock hours of each month's
typical day, built from a weather station's typical-year (TMY3) summary shipped in
``explorer/data/climate/`` (monthly mean dry-bulb, mean daily high and low, the cooling design
day). A typical day follows ASHRAE's hourly fraction of the daily range, shifted so its mean is the
month's mean; its humidity ratio is constant over the day, from a dew point at the mean daily low
(FAO-56, humid climates). Psychrometrics (wet-bulb, saturation, dew point) are ASHRAE Handbook -
Fundamentals formulas as psychrolib codes them, on whole arrays (`explorer.psychrometrics`).

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
catalog ``note``: part-load curves, filtration, freeze protection, liquid-cooled racks, real
hourly weather (weather within a month is one typical day; 8,760-hour files are not shipped).

The IT load is fixed; the facility draws IT / (1 − cooling share − other losses) each hour. The IT
load is sized so that the hottest hour (the cooling design day, or a hotter typical hour) draws the
site power: the grid connection carries the hot day, and the year draws less on average.

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
_MWH_TO_GWH = factor("MWh", "GWh")
_M3_PER_L = factor("L", "m**3")
_KW_PER_MW = factor("MW", "kW")


# ------------------------------------------------------------------------------ stations
@dataclass(frozen=True)
class Station:
    """A weather station's typical-year summary, in SI units (temperatures in °C).

    Monthly tuples run January → December. ``dew_point`` (monthly, °C) is optional: without it the
    dew point is the mean daily low less the catalog's ``climate.dew_point_depression``.

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
            "synthetic",
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
        design_range=one("WeatherDesign.DailyTemperatureRange") * delta_f_to_k,
        dehumid_dry_bulb=_degf_to_c(one("WeatherDesign.DehumidDrybulb")),
        dehumid_humidity_ratio=one("WeatherDesign.DehumidHumidityRatio"),
        source=f"explorer/data/climate/{files[station]} (NREL ResStock TMY3 summary)",
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
    """Typical-day weather: (12, 24) arrays for the year; the design days; pressure [Pa]."""

    dry_bulb: np.ndarray
    humidity_ratio: np.ndarray
    wet_bulb: np.ndarray
    design_days: tuple[DesignDay, ...]
    pressure: float


def wet_bulb(dry_bulb: Any, humidity_ratio: Any, pressure: float = 101325.0) -> np.ndarray:
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


def typical_weather(st: Station) -> Weather:
    """The year's 12 typical days and the hot (cooling design) day of a station.

    Examples
    --------
    >>> w = typical_weather(load_station("722350"))
    >>> w.dry_bulb.shape, [d.name for d in w.design_days]
    ((12, 24), ['cooling design day', 'dehumidification design day'])
    >>> mean = load_station("722350").mean
    >>> bool(abs(w.dry_bulb.mean(axis=1) - mean).max() < 1e-9)  # monthly means kept
    True
    """
    f = _diurnal_fraction()
    mean, high, low = (np.asarray(a, dtype=float) for a in (st.mean, st.high, st.low))
    dry = mean[:, None] + (high - low)[:, None] * (f.mean() - f[None, :])
    pressure = psychrolib.GetStandardAtmPressure(st.altitude)
    if st.dew_point is None:
        depression = catalog.value("climate.dew_point_depression", "kelvin")
        dew = low - depression
    else:
        dew = np.asarray(st.dew_point, dtype=float)
    w_month = psy.humidity_ratio_from_dew_point(dew, pressure)
    w = np.minimum(w_month[:, None], _saturation_ratio(dry, pressure))  # never above saturation
    # The hot day: the cooling design day (design dry-bulb, mean coincident humidity) and, for
    # plants that follow the wet-bulb, the dehumidification design day (humid, less hot), both with
    # the design daily range; the plant's worse one is its hot day (plant_year).
    days = [("cooling design day", st.design_dry_bulb, st.design_humidity_ratio)]
    if st.dehumid_dry_bulb is not None and st.dehumid_humidity_ratio is not None:
        days.append(("dehumidification design day", st.dehumid_dry_bulb, st.dehumid_humidity_ratio))
    design = []
    for name, peak, ratio in days:
        hot = peak - f * st.design_range
        w_hot = np.minimum(ratio, _saturation_ratio(hot, pressure))
        design.append(DesignDay(name, hot, w_hot, wet_bulb(hot, w_hot, pressure)))
    return Weather(dry, w, wet_bulb(dry, w, pressure), tuple(design), pressure)


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


@dataclass(frozen=True)
class PlantYear:
    """A plant's response to a station's year and hot day (cached per station and technology)."""

    weather: Weather
    year: PlantResponse
    hot: PlantResponse
    hot_day: DesignDay


def _respond(
    tech: str, dry: np.ndarray, wb: np.ndarray, w: np.ndarray, pressure: float
) -> PlantResponse:
    if tech == "air-evaporative":
        return air_evaporative(dry, wb, w, pressure)
    return chiller_economiser(wb)


@lru_cache(maxsize=32)
def plant_year(st: Station, tech: str) -> PlantYear:
    """Weather and plant response for one station and technology: the cached, slow part.

    Examples
    --------
    >>> py = plant_year(load_station("725350"), "chiller-economiser")
    >>> py.year.ratio.shape
    (12, 24)
    """
    w = typical_weather(st)
    year = _respond(tech, w.dry_bulb, w.wet_bulb, w.humidity_ratio, w.pressure)
    responses = [
        (_respond(tech, d.dry_bulb, d.wet_bulb, d.humidity_ratio, w.pressure), d)
        for d in w.design_days
    ]
    hot, day = max(
        responses, key=lambda rd: float(rd[0].ratio.max())
    )  # the plant's worse design day
    return PlantYear(w, year, hot, day)


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
    pairs = np.array([_annual_cooling_float(st, tech, float(v)) for v in values])
    shape = fo.shape
    return (
        xr.Variable(fo.dims, pairs[:, 0][where].reshape(shape)),
        xr.Variable(fo.dims, pairs[:, 1][where].reshape(shape)),
    )


@lru_cache(maxsize=256)
def _annual_cooling_float(st: Station, tech: str, fo: float) -> tuple[float, float]:
    py = plant_year(st, tech)
    fc_h = hourly_cooling_fraction(py.year.ratio)
    weight = DAYS[:, None] * np.ones_like(fc_h) / (DAYS.sum() * len(HOURS))
    pue_h = 1.0 / (1.0 - fc_h - fo)
    annual_pue = float((pue_h * weight).sum())
    wue = float((py.year.water * (1.0 - fc_h) * pue_h * weight).sum())
    return 1.0 - fo - 1.0 / annual_pue, wue
