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
from . import energy as energy_mod
from . import psychrometrics as psy
from .errors import InputError
from .model import TRAINING_INPUTS
from .plant import REGIMES, PlantResponse, air_evaporative, chiller_economiser
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

# name: (units, long_name) of every variable climate_year returns
VARIABLES: dict[str, tuple[str, str]] = {
    "dry_bulb": ("degC", "outdoor dry-bulb temperature of the typical day"),
    "wet_bulb": ("degC", "outdoor wet-bulb temperature of the typical day (psychrolib)"),
    "humidity_ratio": ("kg/kg", "outdoor humidity ratio (water per dry air)"),
    "cooling_fraction": ("1", "share of facility power spent on cooling, this hour"),
    "free_cooling": ("1", "share of this hour's heat removed without compressors"),
    "it_power": ("MW", "IT power drawn (constant over the year)"),
    "facility_power": ("MW", "facility power drawn this hour"),
    "cooling_power": ("MW", "electric power of the cooling plant this hour"),
    "pue": ("1", "power usage effectiveness this hour (facility / IT)"),
    "water": ("m3/h", "water drawn on site this hour (evaporation and bleed-off)"),
    "energy": ("MWh", "energy of this clock hour over all days of the month"),
    "cooling_power_mean": ("MW", "mean cooling power over the month's typical day"),
    "pue_month": ("1", "PUE over the month (facility energy / IT energy)"),
    "free_cooling_hours": (
        "h",
        "hours of free cooling in the month (heat-weighted equivalent hours)",
    ),
    "water_month": ("m3", "water drawn on site in the month"),
    "hot_day_dry_bulb": ("degC", "dry-bulb of the hot day (the plant's worse design day)"),
    "hot_day_wet_bulb": ("degC", "wet-bulb of the hot day"),
    "hot_day_cooling_power": ("MW", "cooling power on the hot day"),
    "peak_cooling_power": ("MW", "hot-day peak cooling power (station's design day)"),
    "mean_cooling_power": ("MW", "annual mean cooling power"),
    "hot_day_excess_energy": ("MWh", "cooling energy of the hot day above the annual mean power"),
    "peak_facility_power": ("MW", "highest facility power of the year or the hot day"),
    "annual_energy": ("GWh", "facility energy per year (sum over the year's hours x load factor)"),
    "annual_cooling_energy": ("GWh", "cooling energy per year"),
    "annual_pue": ("1", "annual PUE (facility energy / IT energy)"),
    "annual_free_cooling_hours": (
        "h",
        "free-cooling hours per year (heat-weighted equivalent hours)",
    ),
    "annual_water": ("m3", "water drawn on site per year"),
    "regime": ("1", "plant regime this hour: 0 free (economiser), 1 evaporative, 2 mechanical"),
    "hours_free_cooling": ("h", "hours per year on outside air (economiser) alone, fans only"),
    "hours_evaporative": ("h", "hours per year with the evaporative media and no compressor"),
    "hours_mechanical": ("h", "hours per year with a compressor (trim, chillers or DX) running"),
    "annual_wue": ("L/kWh", "water usage effectiveness (litres per IT kWh)"),
    "annual_cost": ("USD", "electricity cost per year"),
    "annual_co2": ("t", "CO2e emitted per year at the grid's average intensity"),
}

# the regimes' hours: hours_free_cooling, hours_evaporative, hours_mechanical
_HOURS_OF = tuple("free_cooling" if r == "free" else r for r in REGIMES)

# Units of the variables proportional to the IT load (power, energy, water, money, mass): at a
# fixed overhead share, load factor and prices the whole year is linear in the IT load.
_LOAD_UNITS = frozenset({"MW", "MWh", "GWh", "m3/h", "m3", "USD", "t"})
SCALE_WITH_LOAD = tuple(k for k, (units, _) in VARIABLES.items() if units in _LOAD_UNITS)
# the last year built per plant (PlantYear), and the inputs it was built from (see scale_year)
_LAST_YEAR: dict[int, tuple[Any, tuple, float, xr.Dataset]] = {}


def rescaled(year: xr.Dataset, ratio: float) -> xr.Dataset:
    """The same year at `ratio` × its IT load (`SCALE_WITH_LOAD` multiplied, the rest kept).

    Exact for a year of `climate_year` whose IT load alone changes (site power or chips, at the
    same overhead share, load factor, prices and weather): every load-proportional variable is
    a product with the IT load.

    Examples
    --------
    >>> year = climate_year("rainier-indiana", "chiller-economiser", site_power=300)
    >>> double = rescaled(year, 2.0)
    >>> float(double.peak_facility_power), float(double.annual_pue) == float(year.annual_pue)
    (600.0, True)
    """
    out = year.copy(deep=True)  # its own arrays: changing it never changes `year`
    for name in SCALE_WITH_LOAD:
        var = out.variables[name]
        var.data = var.data * ratio
    return out


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


# compute() inputs a climate year does not take: the weather sets the cooling share, the plant
# model gives the water, and a training run does not change the year's power.
_NOT_IN_YEAR = ("cooling_fraction", "pue", "wue", "mfu", "model", *TRAINING_INPUTS)


def year_inputs(inputs: dict[str, Any]) -> dict[str, Any]:
    """The `explorer.compute` inputs a climate year uses (for `climate_year` ``**compute_inputs``),
    from a full scenario's inputs: the site preset and the cooling share are left out too.

    Examples
    --------
    >>> year_inputs({"site": "generic", "site_power": 300, "cooling_fraction": 0.4, "model": None})
    {'site_power': 300}
    """
    return {k: v for k, v in inputs.items() if k != "site" and k not in _NOT_IN_YEAR}


def _resolve_station(site: str, station: str | Station | None) -> Station:
    if isinstance(station, Station):
        return station
    name = station if station is not None else station_for(site)
    if name is None:
        raise InputError(
            "station",
            None,
            "one of " + ", ".join(stations()),
            f"is not set: site preset {site!r} names no weather station; give station=",
        )
    return load_station(str(name))


def climate_year(
    site: str = "rainier-mississippi",
    cooling_tech: str | None = None,
    station: str | Station | None = None,
    **compute_inputs: Any,
) -> xr.Dataset:
    """A site's typical year of cooling: 12 months × 24 hours, the hot day, and annual sums.

    Parameters
    ----------
    site : str, default ``"rainier-mississippi"``
        Site preset (its ``station`` and the `explorer.compute` inputs left out).
    cooling_tech : str, optional
        ``air-evaporative`` or ``chiller-economiser``; default by chip (`default_tech`).
    station : str or Station, optional
        A shipped station's WMO number (`stations`) or a `Station`, instead of the preset's.
    **compute_inputs
        Any `explorer.compute` input except ``cooling_fraction`` and ``pue`` (the weather sets
        the cooling). Arrays broadcast as in `compute`. ``wue`` is not used: the plant model
        gives the water.

    Returns
    -------
    xarray.Dataset
        `VARIABLES`, each with ``units`` and ``long_name``; coordinates ``month`` (1-12),
        ``hour`` (0-23) and ``days`` (days in each month).

    Examples
    --------
    >>> ds = climate_year("rainier-indiana", "chiller-economiser", site_power=300)
    >>> float(ds.peak_facility_power)  # the hottest hour draws the site power
    300.0
    >>> bool(abs(float(ds.annual_energy) - float((ds.energy.sum()) / 1000)) < 1e-9)
    True
    >>> climate_year("rainier-indiana", pue=1.2)
    Traceback (most recent call last):
    ...
    explorer.errors.InputError: pue = 1.2 cannot be set with the climate model;
    allowed: leave it out (the weather sets the cooling share each hour).
    """
    from .model import check_input_names

    site = catalog.check_name("site", site, "sites")
    check_input_names(
        compute_inputs, ("site", "cooling_tech", "station"), ("cooling_fraction", "pue")
    )
    for name in ("cooling_fraction", "pue"):
        if compute_inputs.get(name) is not None:
            raise InputError(
                name,
                compute_inputs[name],
                "leave it out (the weather sets the cooling share each hour)",
                "cannot be set with the climate model",
            )
    st = _resolve_station(site, station)
    chip = compute_inputs.get("chip") or catalog.raw()["sites"][site]["chip"]
    if cooling_tech is None:
        if not isinstance(chip, str):
            raise InputError(
                "cooling_tech",
                None,
                "one of " + ", ".join(technologies()),
                "must be given when several chips are compared",
            )
        cooling_tech = default_tech(chip)
    tech = catalog.check_name("cooling_tech", cooling_tech, "cooling_tech")
    py = plant_year(st, tech)
    return scale_year(py, site=site, station=st, tech=tech, **compute_inputs)


def scale_year(
    py: PlantYear, site: str, station: Station, tech: str, **compute_inputs: Any
) -> xr.Dataset:
    """The year of `climate_year` from a cached `PlantYear`: compute() once, then arithmetic.

    Examples
    --------
    >>> st = load_station("722350")
    >>> plant = plant_year(st, "air-evaporative")
    >>> ds = scale_year(plant, "rainier-mississippi", st, "air-evaporative")
    >>> ds.attrs["station"]
    '722350'
    """
    from .model import compute

    fc_year = py.year.ratio / (
        1.0 + py.year.ratio
    )  # cooling / facility, from cooling / heat removed
    fc_hot = py.hot.ratio / (1.0 + py.hot.ratio)
    fc_size = float(max(fc_year.max(), fc_hot.max()))
    base = compute(site=site, cooling_fraction=fc_size, **compute_inputs)
    # Arithmetic on bare Variables (broadcast by dimension name, no index alignment): the warm
    # path is a few dozen NumPy operations.
    fo = base["overhead_fraction"].variable
    lf = base["load_factor"].variable
    it = base["facility_load"].variable * (1.0 - fc_size - fo)
    # One scenario whose IT load alone changed since this plant's last year (a site-power or
    # chips slider): that year, rescaled (exact, `rescaled`), instead of building it again.
    used = ("overhead_fraction", "load_factor", "electricity_price", "carbon_intensity")
    scalar = it.ndim == 0 and all(base[k].ndim == 0 for k in used)
    key = (site, station.station, tech, *(float(base[k]) for k in used)) if scalar else None
    last = _LAST_YEAR.get(id(py))
    if key is not None and last is not None and last[0] is py and last[1] == key:
        it_now, (_, _, it_then, year) = float(it.values), last
        if it_then > 0:
            return rescaled(year, it_now / it_then)

    mh = ("month", "hour")
    V = xr.Variable
    fc = V(mh, fc_year)
    days = V("month", DAYS)
    facility = it / (1.0 - fc - fo)
    cooling = fc * facility
    heat = facility * (1.0 - fc)
    water = V(mh, py.year.water) * heat  # L/kWh x MW = m3/h
    energy = facility * days * lf  # MW x 1 h x days
    it_energy_month = it * days * len(HOURS) * lf
    fc_h = V("hour", fc_hot)
    hot_facility = it / (1.0 - fc_h - fo)
    hot_cooling = fc_h * hot_facility
    hours_year = float(DAYS.sum()) * len(HOURS)
    mean_cooling = (cooling * days).sum(mh) / hours_year
    water_month = (water * days * lf).sum("hour")
    annual_energy_mwh = energy.sum(mh)
    it_energy = it_energy_month.sum("month")
    free = V(mh, py.year.free)
    free_month = (free * days).sum("hour")
    regime = V(mh, py.year.regime)
    hours = {f"hours_{k}": ((regime == i) * days).sum(mh) for i, k in enumerate(_HOURS_OF)}

    data = {
        "dry_bulb": V(mh, py.weather.dry_bulb),
        "wet_bulb": V(mh, py.weather.wet_bulb),
        "humidity_ratio": V(mh, py.weather.humidity_ratio),
        "cooling_fraction": fc,
        "free_cooling": free,
        "it_power": it,
        "facility_power": facility,
        "cooling_power": cooling,
        "pue": facility / it,
        "water": water,
        "energy": energy,
        "cooling_power_mean": cooling.mean("hour"),
        "pue_month": energy.sum("hour") / it_energy_month,
        "free_cooling_hours": free_month,
        "water_month": water_month,
        "hot_day_dry_bulb": V("hour", py.hot_day.dry_bulb),
        "hot_day_wet_bulb": V("hour", py.hot_day.wet_bulb),
        "hot_day_cooling_power": hot_cooling,
        "peak_cooling_power": hot_cooling.max("hour"),
        "mean_cooling_power": mean_cooling,
        "hot_day_excess_energy": np.maximum(hot_cooling - mean_cooling, 0.0).sum("hour"),
        "peak_facility_power": np.maximum(facility.max(mh), hot_facility.max("hour")),
        "annual_energy": annual_energy_mwh * _MWH_TO_GWH,
        "annual_cooling_energy": (cooling * days * lf).sum(mh) * _MWH_TO_GWH,
        "annual_pue": annual_energy_mwh / it_energy,
        "annual_free_cooling_hours": free_month.sum("month"),
        "annual_water": water_month.sum("month"),
        "regime": regime,
        **hours,
        "annual_wue": water_month.sum("month") / (it_energy * _KW_PER_MW * _M3_PER_L),
        "annual_cost": energy_mod.annual_cost(
            annual_energy_mwh * _MWH_TO_GWH, base["electricity_price"].variable
        ),
        "annual_co2": energy_mod.annual_co2(
            annual_energy_mwh * _MWH_TO_GWH, base["carbon_intensity"].variable
        ),
    }
    dims = {d for v in data.values() for d in v.dims}
    coords = {
        "month": ("month", MONTHS, {"long_name": "month of the typical year"}),
        "hour": (
            "hour",
            HOURS,
            {"units": "h", "long_name": "clock hour of the typical day (local standard time)"},
        ),
        "days": ("month", DAYS, {"units": "d", "long_name": "days in the month"}),
        **{d: base.coords[d].variable for d in dims - {"month", "hour"} if d in base.coords},
    }
    for name, (units, long_name) in VARIABLES.items():  # on the Variables: no DataArray each
        data[name] = data[name].copy(deep=False)
        data[name].attrs = {"units": units, "long_name": long_name}
    ds = xr.Dataset(data, coords=coords)
    tech_node = catalog.raw()["cooling_tech"][tech]
    notes = []
    if fc_year.max() > fc_hot.max():
        notes.append(
            "a typical-day hour needs more cooling than the design day "
            "(the typical days take the dew "
            "point at the daily low, an upper-end humidity); the IT load is sized on that hour"
        )
    ds.attrs = {
        "model": "explorer.climate_year (illustrative)",
        "site_preset": site,
        "station": station.station,
        "station_name": f"{station.name}, {station.state}".rstrip(", "),
        "station_source": station.source,
        "cooling_tech": tech,
        "cooling_tech_label": tech_node.get("label", tech),
        "hot_day": py.hot_day.name,
        "note": tech_node.get("note", ""),
        "notes": "; ".join(notes),
        "sizing": (
            "IT load fixed; the hottest hour (cooling design day, or a hotter typical hour) "
            "draws facility_load of compute()"
        ),
    }
    if key is not None:  # kept apart from the caller's copy, which the caller may change
        _LAST_YEAR.clear()  # one plant's year at a time: the app's panel asks for one
        _LAST_YEAR[id(py)] = (py, key, float(it.values), ds.copy(deep=True))
    return ds
