"""One scenario, resolved once, that every part of the core reads; and its climate year.

`resolve` turns a site preset and inputs into a `Scenario`: the inputs as given, the defaults,
the weather station and cooling technology of its plant, and where its cooling share comes from
(`explorer.model.COOLING_BASES`). `explorer.compute`, `climate_year`, `explorer.grid_shares`,
battery sizing (`explorer.batteries.size_roles`) and several sites (`explorer.sites`) read the
same IT load from it: where the preset has a plant, compute's default cooling share *is* the
plant's annual share over its climate year, so compute's PUE is the year's annual PUE.

Examples
--------
>>> import explorer
>>> sc = explorer.resolve("rainier-mississippi")
>>> sc.station, sc.cooling_tech, sc.cooling_basis
('722350', 'air-evaporative', 'climate')
>>> year = sc.climate_year()
>>> bool(abs(float(sc.compute().pue) - float(year.annual_pue)) < 1e-12)
True
>>> float(year.it_power) == float(sc.it_power)
True
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import numpy as np
import xarray as xr

from . import catalog, model, variables
from . import energy as energy_mod
from .catalog import DEFAULT_SITE
from .climate import (
    DAYS,
    HOURS,
    MONTHS,
    PlantYear,
    Station,
    by_month_hour,
    default_tech,
    hours_above,
    load_station,
    per_it,
    plant_year,
    station_for,
    stations,
    technologies,
)
from .errors import InputError
from .model import TRAINING_INPUTS, check_input_names
from .plant import REGIMES
from .uncertainty import compute_range
from .units import factor

_MWH_TO_GWH = factor("MWh", "GWh")
_M3_PER_L = factor("L", "m**3")
_KW_PER_MW = factor("MW", "kW")


@dataclass(frozen=True)
class Scenario:
    """A scenario resolved once: the site preset, the inputs as given, its plant and defaults.

    Build it with `resolve`. Its methods answer every view of the same scenario from the same
    resolved inputs, so the IT load, PUE and cooling share agree between them.

    Attributes
    ----------
    site : str
        The site preset.
    inputs : dict
        The `explorer.compute` inputs as given (None left out).
    station, cooling_tech : str or None
        The plant's weather station (WMO number) and cooling technology, or None.
    cooling_basis : str
        Where the cooling share comes from: ``given``, ``climate`` (the plant's climate year),
        ``article`` (the preset's published figure) or ``catalog`` (a reference PUE).
    resolved : explorer.model.Resolved
        The checked inputs the physics reads.
    """

    site: str
    inputs: dict[str, Any]
    station: str | None
    cooling_tech: str | None
    cooling_basis: str
    resolved: model.Resolved = field(repr=False)
    cooling_default: str | None = None
    station_given: Station | str | None = field(default=None, repr=False)

    @cached_property
    def result(self) -> xr.Dataset:
        """`explorer.compute`'s Dataset of this scenario (computed once)."""
        return model.build_dataset(self.resolved, model.physics(self.resolved))

    def compute(self) -> xr.Dataset:
        """`explorer.compute` of this scenario (a copy: changing it never changes the scenario).

        Examples
        --------
        >>> float(resolve("generic", chips=1000, chip="h100").compute().chips_powered)
        1000.0
        """
        return self.result.copy()

    @property
    def it_power(self) -> xr.DataArray:
        """The IT load the powered chips draw [MW] (`explorer.compute`'s ``it_power``): the one
        IT load every view of the scenario uses.

        Examples
        --------
        >>> round(float(resolve("generic", site_power=100, pue=1.25).it_power), 6)
        80.0
        """
        return self.result["it_power"]

    @property
    def pue(self) -> xr.DataArray:
        """The scenario's (annual) PUE [1].

        Examples
        --------
        >>> float(resolve("generic", site_power=100, pue=1.25).pue)
        1.25
        """
        return self.result["pue"]

    def year_inputs(self) -> dict[str, Any]:
        """The inputs its climate year takes (`year_inputs` of the given inputs)."""
        return year_inputs(self.inputs)

    def climate_year(self) -> xr.Dataset:
        """The scenario's typical year of cooling (`climate_year`), on the same IT load.

        Examples
        --------
        >>> sc = resolve("rainier-indiana")
        >>> float(sc.climate_year().it_power) == float(sc.it_power)
        True
        """
        station = self.station_given if self.station_given is not None else self.station
        return climate_year(self.site, self.cooling_tech, station, **self.year_inputs())

    def grid_shares(self, with_year: bool = False) -> xr.Dataset:
        """The scenario's grid shares (`explorer.grid_shares`); ``with_year``: from its climate
        year's energy and hot-day peak.

        Examples
        --------
        >>> round(float(resolve("rainier-indiana", site_power=300).grid_shares().peak_power))
        300
        """
        from .grid import grid_shares

        if with_year:
            return grid_shares(self.site, year=self.climate_year())
        return grid_shares(self.site, **self._compute_kwargs())

    def batteries(self, **settings: Any) -> dict[str, xr.Dataset]:
        """The battery of each role (`explorer.batteries.size_roles`) for the scenario's climate
        year: ride-through and smoothing carry `it_power`.

        Examples
        --------
        >>> sc = resolve("rainier-mississippi")
        >>> ride = sc.batteries(ride_through_minutes=6)["ride-through"]
        >>> bool(abs(float(ride.battery_power) - float(sc.it_power)) < 1e-9)
        True
        """
        from .batteries import size_roles

        return size_roles(self.climate_year(), **settings)

    def _compute_kwargs(self) -> dict[str, Any]:
        out = dict(self.inputs)
        if self.cooling_basis == "climate" and self.station_given is not None:
            out["station"] = self.station_given
        if self.cooling_tech is not None and self.cooling_basis == "climate":
            out["cooling_tech"] = self.cooling_tech
        if self.cooling_default is not None:
            out["cooling_default"] = self.cooling_default
        return out


def compute(site: str = DEFAULT_SITE, uncertainty: str | None = None, **inputs: Any) -> xr.Dataset:
    """`explorer.compute`: `explorer.model.compute`, or with ``uncertainty="range"`` the catalog's
    ranges through the same steps (`explorer.uncertainty.compute_range`).

    The model's physics does not import the ranges; this facade composes them (no import cycle).
    Parameters, returns and examples: `explorer.model.compute`.

    Examples
    --------
    >>> [round(float(v), 2) for v in compute(site_power=300, chip="h100", uncertainty="range").pue]
    [1.13, 1.18, 1.46]
    """
    if uncertainty is None:
        return model.compute(site, **inputs)
    return compute_range(site, uncertainty, {k: v for k, v in inputs.items() if v is not None})


def resolve(
    site: str = DEFAULT_SITE,
    *,
    cooling_tech: str | None = None,
    station: str | Station | None = None,
    cooling_default: str | None = None,
    **inputs: Any,
) -> Scenario:
    """Resolve a scenario once: preset, inputs, defaults, weather station and cooling plant.

    Parameters
    ----------
    site : str, default ``"generic"``
        Site preset (``explorer catalog sites``).
    cooling_tech : str, optional
        The plant's technology (``air-evaporative``, ``chiller-economiser``); default by chip.
    station : str or Station, optional
        A shipped station (WMO number) or a `explorer.climate.Station`, instead of the preset's.
    cooling_default : {None, "climate", "article"}, optional
        With no cooling share given: ``climate`` (the default where the scenario has a plant) takes
        the plant's annual share over its climate year; ``article`` the preset's published figure
        (e.g. Mississippi's 0.40 from the article's 30–50 %).
    **inputs
        Any `explorer.compute` input.

    Returns
    -------
    Scenario

    Examples
    --------
    >>> sc = resolve("rainier-mississippi", cooling_default="article")
    >>> sc.cooling_basis, float(sc.compute().cooling_fraction)
    ('article', 0.4)
    """
    given = {k: v for k, v in inputs.items() if v is not None}
    r = model.resolve_inputs(site, given, station, cooling_tech, cooling_default)
    return Scenario(
        r.site,
        given,
        r.station,
        r.cooling_tech,
        r.cooling_basis,
        r,
        cooling_default,
        station,
    )


# name: (units, long_name) of every variable climate_year returns (from `explorer.variables`)
VARIABLES: dict[str, tuple[str, str]] = variables.table(variables.CLIMATE_NAMES)

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
    >>> ratio = float(double.peak_facility_power / year.peak_facility_power)
    >>> round(ratio, 12), float(double.annual_pue) == float(year.annual_pue)
    (2.0, True)
    """
    out = year.copy(deep=True)  # its own arrays: changing it never changes `year`
    for name in SCALE_WITH_LOAD:
        var = out.variables[name]
        var.data = var.data * ratio
    return out


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
    hot_day: str = "worst",
    **compute_inputs: Any,
) -> xr.Dataset:
    """A site's typical year of cooling: 8,760 hours shown as 12 months × 24 clock hours (each
    the mean over the month's days), the hot day, and annual sums over every hour.

    Parameters
    ----------
    site : str, default ``"rainier-mississippi"``
        Site preset (its ``station`` and the `explorer.compute` inputs left out).
    cooling_tech : str, optional
        ``air-evaporative`` or ``chiller-economiser``; default by chip (`default_tech`).
    station : str or Station, optional
        A shipped station's WMO number (`stations`) or a `Station`, instead of the preset's.
    hot_day : {"worst", "design", "wet-bulb"}, default ``"worst"``
        Which day is the hot day (``hot_day_*``, ``peak_cooling_power``, and the day a
        peak-shaving battery's power is sized for, `explorer.batteries`): the worst of the
        station's design days and the typical year's hottest day; the worst published design
        day only; or the 1 % wet-bulb design day built from the typical year, the condition a
        cooling tower is sized for (`explorer.climate.plant_year`). The year's own hottest hours
        (``peak_facility_power``, ``hours_above_site_power``) count every way.
    **compute_inputs
        Any `explorer.compute` input except ``cooling_fraction`` and ``pue`` (the weather sets
        the cooling). Arrays broadcast as in `compute`. ``wue`` is not used: the plant model
        gives the water.

    Returns
    -------
    xarray.Dataset
        `VARIABLES`, each with ``units`` and ``long_name``; coordinates ``month`` (1-12),
        ``hour`` (0-23), ``days`` (days in each month) and ``day`` (1-365: the year's real
        days, of ``day_cooling_per_it`` alone, which sizes a peak-shaving battery on them).

    Examples
    --------
    >>> ds = climate_year("rainier-indiana", "chiller-economiser", site_power=300)
    >>> base = model.compute("rainier-indiana", site_power=300, cooling_tech="chiller-economiser")
    >>> pue = float(base.pue)
    >>> bool(abs(pue - float(ds.annual_pue)) < 1e-12)  # compute's PUE is the year's
    True
    >>> bool(abs(float(ds.annual_energy) - float((ds.energy.sum()) / 1000)) < 1e-9)
    True
    >>> climate_year("rainier-indiana", pue=1.2)
    Traceback (most recent call last):
    ...
    explorer.errors.InputError: pue = 1.2 cannot be set with the climate model;
    allowed: leave it out (the weather sets the cooling share each hour).
    >>> climate_year("rainier-mississippi", "chiller-economiser", hot_day="design").hot_day
    'dehumidification design day'
    >>> year = climate_year("rainier-mississippi", "chiller-economiser", hot_day="wet-bulb")
    >>> year.hot_day, year.peak_cooling_power.attrs["units"]
    ("the typical year's 1 % wet-bulb design day", 'MW')
    """
    site = catalog.check_name("site", site, "sites")
    check_input_names(
        compute_inputs, ("site", "cooling_tech", "station", "hot_day"), ("cooling_fraction", "pue")
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
    py = plant_year(st, tech, hot_day)
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
    # The scenario's IT load (its default cooling share is this plant's annual share, so the
    # year's annual PUE is compute's PUE), then arithmetic on bare Variables (broadcast by
    # dimension name, no index alignment): the warm path is a few dozen NumPy operations.
    base = model.compute(site=site, station=station, cooling_tech=tech, **compute_inputs)
    fo = base["overhead_fraction"].variable
    lf = base["load_factor"].variable
    it = base["it_power"].variable
    # One scenario whose IT load alone changed since this plant's last year (a site-power or
    # chips slider): that year, rescaled (exact, `rescaled`), instead of building it again.
    used = ("overhead_fraction", "load_factor", "electricity_price", "carbon_intensity")
    scalar = it.ndim == 0 and all(base[k].ndim == 0 for k in used)
    key = (site, station.station, tech, *(float(base[k]) for k in used)) if scalar else None
    last = _LAST_YEAR.get(id(py))
    if key is not None and last is not None and last[0] is py and last[1] == key:
        it_now, (_, _, it_then, year) = float(it.values), last
        if it_then > 0:
            out = rescaled(year, it_now / it_then)
            hours = _hours_above(py, base)  # the site power does not scale with the IT load
            units, long_name = VARIABLES["hours_above_site_power"]
            out["hours_above_site_power"] = (
                hours.dims,
                hours.values,
                {"units": units, "long_name": long_name},
            )
            out.attrs["notes"] = _notes(out, base)
            return out

    mh = ("month", "hour")
    V = xr.Variable
    # the plant's hours per unit of IT, once per distinct overhead share (a sweep's points equal
    # the single scenarios exactly), as (12, 24) means over each month's days
    shares, where = np.unique(np.asarray(fo.values, dtype=float), return_inverse=True)
    loads = [per_it(py, float(v)) for v in shares]

    def stack(name: str, dims: tuple[str, ...]) -> xr.Variable:
        arrays = np.stack([getattr(load, name) for load in loads])[where.reshape(-1)]
        return V(fo.dims + dims, arrays.reshape(fo.shape + arrays.shape[1:]))

    days = V("month", DAYS)
    facility = stack("facility", mh) * it  # mean over the month's days of each clock hour
    cooling = stack("cooling", mh) * it
    fc = cooling / facility
    water = stack("water", mh) * it  # L/kWh x MW = m3/h
    energy = facility * days * lf  # MW x 1 h x days
    it_energy_month = it * days * len(HOURS) * lf
    # the plant's cooling per unit of IT, each hour of each of the year's real days (not the
    # months' average days): a peak-shaving battery sized on them (`explorer.batteries`)
    day_cooling = stack("day_cooling", ("day", "hour"))
    hot_facility = stack("hot_facility", ("hour",)) * it
    hot_cooling = stack("hot_cooling", ("hour",)) * it
    year_peak = it * V(
        fo.dims, np.array([load.hourly.max() for load in loads])[where].reshape(fo.shape)
    )
    hours_year = float(DAYS.sum()) * len(HOURS)
    mean_cooling = (cooling * days).sum(mh) / hours_year
    water_month = (water * days * lf).sum("hour")
    annual_energy_mwh = energy.sum(mh)
    it_energy = it_energy_month.sum("month")
    free = V(mh, by_month_hour(py.year.free))
    free_month = (free * days).sum("hour")
    # each cell's regime: the one the plant ran most of the month's days at that hour
    shares_of = np.stack([by_month_hour(py.year.regime == i) for i in range(len(REGIMES))])
    regime = V(mh, shares_of.argmax(axis=0).astype(np.int8))
    hours = {
        f"hours_{k}": V((), float(np.count_nonzero(py.year.regime == i)))
        for i, k in enumerate(_HOURS_OF)
    }

    data = {
        "dry_bulb": V(mh, by_month_hour(py.weather.dry_bulb)),
        "wet_bulb": V(mh, by_month_hour(py.weather.wet_bulb)),
        "humidity_ratio": V(mh, by_month_hour(py.weather.humidity_ratio)),
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
        "day_cooling_per_it": day_cooling,
        "peak_cooling_power": hot_cooling.max("hour"),
        "mean_cooling_power": mean_cooling,
        "hot_day_excess_energy": np.maximum(hot_cooling - mean_cooling, 0.0).sum("hour"),
        "peak_facility_power": np.maximum(year_peak, hot_facility.max("hour")),
        "hours_above_site_power": _hours_above(py, base),
        "annual_energy": annual_energy_mwh * _MWH_TO_GWH,
        "annual_cooling_energy": (cooling * days * lf).sum(mh) * _MWH_TO_GWH,
        "annual_pue": annual_energy_mwh / it_energy,
        "annual_cooling_fraction": 1.0 - fo - it_energy / annual_energy_mwh,
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
            {"units": "h", "long_name": "clock hour (local standard time)"},
        ),
        "days": ("month", DAYS, {"units": "d", "long_name": "days in the month"}),
        "day": (
            "day",
            np.arange(1, int(DAYS.sum()) + 1),
            {"units": "d", "long_name": "day of the typical year (1 = 1 January)"},
        ),
        **{d: base.coords[d].variable for d in dims - {"month", "hour"} if d in base.coords},
    }
    for name, (units, long_name) in VARIABLES.items():  # on the Variables: no DataArray each
        data[name] = data[name].copy(deep=False)
        data[name].attrs = {"units": units, "long_name": long_name}
    ds = xr.Dataset(data, coords=coords)
    tech_node = catalog.raw()["cooling_tech"][tech]
    ds.attrs = {
        "model": "explorer.climate_year (illustrative)",
        "site_preset": site,
        "station": station.station,
        "station_name": f"{station.name}, {station.state}".rstrip(", "),
        "station_source": station.source,
        "cooling_tech": tech,
        "cooling_tech_label": tech_node.get("label", tech),
        "hot_day": py.hot_day.name,
        "hot_day_rule": py.rule,  # climate_year's hot_day: "worst", "design" or "wet-bulb"
        "note": tech_node.get("note", ""),
        "ignores": tech_node.get("ignores", ""),  # the note in plain words, for readers
        "notes": "",
        "sizing": (
            "IT load fixed at compute()'s it_power, whose cooling share is this plant's annual "
            "share: the year's annual PUE is compute()'s PUE"
        ),
    }
    ds.attrs["notes"] = _notes(ds, base)
    if key is not None:  # kept apart from the caller's copy, which the caller may change
        _LAST_YEAR.clear()  # one plant's year at a time: the app's panel asks for one
        _LAST_YEAR[id(py)] = (py, key, float(it.values), ds.copy(deep=True))
    return ds


def _hours_above(py: PlantYear, base: xr.Dataset) -> xr.Variable:
    """Hours of the typical year whose facility power exceeds the site power [h] (`hours_above`
    at the threshold site power / IT power, for each point of a sweep)."""
    threshold = base["site_power"].variable / base["it_power"].variable
    fo = base["overhead_fraction"].variable + 0.0 * threshold  # both on every dimension
    threshold = (threshold + 0.0 * fo).transpose(*fo.dims)
    fo_values = np.asarray(fo.values, dtype=float)
    out = np.zeros(fo_values.shape)
    for share in np.unique(fo_values):
        at = fo_values == share
        out[at] = hours_above(py, float(share), np.asarray(threshold.values)[at])
    return xr.Variable(fo.dims, out)


def _notes(year: xr.Dataset, base: xr.Dataset) -> str:
    """The climate year's notes: hot hours above the site power (at this IT load, so a rescaled
    year gets its own). No hour of the year needs more cooling than the hot day (`plant_year`)."""
    notes = []
    over = year["peak_facility_power"].variable - base["site_power"].variable
    if bool((over.values > 1e-9).any()):
        peak = float(year["peak_facility_power"].max())
        site = float(base["site_power"].max())
        hours = float(year["hours_above_site_power"].max())
        notes.append(
            f"the hottest hours draw more than the site power: up to {peak:,.0f} MW "
            f"(peak_facility_power) against {site:,.0f} MW, for {hours:,.0f} h a year "
            "(hours_above_site_power). By design the site power carries the year's annual PUE "
            "(compute's PUE); a grid connection sized for the peak, or a peak-shaving battery, "
            "carries the hot hours"
        )
    return "; ".join(notes)
