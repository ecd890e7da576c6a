"""Batteries at a datacenter: how much storage rides through an outage or shaves a peak.

All functions broadcast over xarray/NumPy inputs. Defaults (price, typical duration) come from
the catalog's [storage] entries.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import numpy as np
import xarray as xr

from . import catalog
from .errors import InputError
from .units import factor
from .validate import BOUNDS, Bound, number

_MWH_TO_KWH = factor("MWh", "kWh")
_MIN_PER_H = factor("hour", "minute")


def battery(power: Any, duration: Any = None, battery_price: Any = None) -> xr.Dataset:
    """Storage that delivers `power` [MW] for `duration` [h]; its energy [MWh] and cost [USD].

    Parameters
    ----------
    power : float or array-like
        Power the battery delivers [MW].
    duration : float or array-like, optional
        Hours at that power [h]; default: the US utility-scale average (catalog).
    battery_price : float or array-like, optional
        Turnkey system price [USD/kWh]; default: BNEF's 2024 average (catalog).

    Returns
    -------
    xarray.Dataset
        ``battery_energy`` [MWh] and ``battery_cost`` [USD].

    Examples
    --------
    >>> ds = battery(100, duration=4, battery_price=200)
    >>> float(ds.battery_energy), float(ds.battery_cost)  # 400 MWh x 200 USD/kWh
    (400.0, 80000000.0)
    """
    p = number("power", power)
    d = number(
        "duration",
        catalog.value("storage.battery_duration", "hour") if duration is None else duration,
    )
    price = number(
        "battery_price",
        catalog.value("storage.battery_price", "USD/kWh")
        if battery_price is None
        else battery_price,
    )
    energy = p * d
    cost = energy * _MWH_TO_KWH * price
    return xr.Dataset(
        {
            "battery_energy": energy.assign_attrs(units="MWh", long_name="battery energy capacity"),
            "battery_cost": cost.assign_attrs(
                units="USD", long_name="battery system cost (turnkey)"
            ),
        }
    )


def ride_through(battery_energy: Any, power: Any) -> xr.DataArray:
    """Minutes a battery of `battery_energy` [MWh] carries a load of `power` [MW].

    Examples
    --------
    >>> float(ride_through(50, 300))  # 50 MWh / 300 MW = 10 min
    10.0
    >>> ride_through(50, 0)
    Traceback (most recent call last):
    ...
    explorer.errors.InputError: power = 0.0 must be above 0 for a ride-through time;
    allowed: 0 MW < power ≤ 10000 MW.
    """
    e = number("battery_energy", battery_energy)
    p = number("power", power)
    if (p.values <= 0).any():
        above_zero = Bound(
            BOUNDS["power"].lo, BOUNDS["power"].hi, BOUNDS["power"].unit, lo_open=True
        )
        raise InputError(
            "power",
            float(p.min()),
            above_zero.describe("power"),
            "must be above 0 for a ride-through time",
        )
    return (e / p * _MIN_PER_H).assign_attrs(
        units="min", long_name="time the battery carries the load"
    )


# ------------------------------------------------------------------------------ sizing by role
# Ranges of the sizing inputs (the core's one rule for them; kept beside validate.BOUNDS, which
# they extend when this module loads so every entry point sees them).
ROLE_BOUNDS: dict[str, Bound] = {
    "ride_through_minutes": Bound(
        0, 240, "min", lo_open=True
    ),  # beyond 4 h it is no longer a ride-through
    "swing_minutes": Bound(0, 60, "min", lo_open=True),
    "swings_per_day": Bound(0, 1440, "1/day"),
    "tests_per_year": Bound(0, 366, "1/yr"),
    "round_trip_efficiency": Bound(0, 1, "", lo_open=True),
    "swing_share": Bound(0, 1, ""),  # share of the IT load a job's stall takes off the grid
}
for _name, _bound in ROLE_BOUNDS.items():
    BOUNDS.setdefault(_name, _bound)

ROLES = ("ride-through", "peak-shaving", "smoothing")
PRICE_LEVELS = ("low", "mid", "high")
_DAYS_PER_YEAR = catalog.value("conventions.hours_per_year", "hour / year") / factor("day", "hour")

ROLE_VARIABLES: dict[str, tuple[str, str]] = {
    "battery_power": ("MW", "power the battery must deliver"),
    "battery_energy": ("MWh", "energy the battery must hold"),
    "battery_duration": ("h", "battery energy / power"),
    "battery_price": ("USD/kWh", "turnkey system price (low / mid / high)"),
    "battery_cost": ("USD", "battery system cost (turnkey)"),
    "cycles_per_year": ("1/yr", "full-equivalent discharges per year"),
    "annual_throughput": ("MWh", "energy the battery delivers per year"),
    "annual_losses": ("MWh", "round-trip losses per year (energy bought but not delivered)"),
}


@cache
def _default(key: str, unit: str) -> float:
    """A catalog default in `unit`, converted once (pint is slow on the app's warm path)."""
    return catalog.value(key, unit)


def _value(field: str, x: Any, default_key: str, unit: str) -> xr.DataArray:
    return number(field, _default(default_key, unit) if x is None else x)


@cache
def _prices() -> tuple[xr.DataArray, dict[str, str]]:
    """The low / mid / high turnkey prices [USD/kWh] along ``price``, and their sources."""
    prices = xr.DataArray(
        [_default(f"storage.battery_price_{lvl}", "USD/kWh") for lvl in PRICE_LEVELS],
        dims="price",
        coords={"price": list(PRICE_LEVELS)},
    )
    said = {
        lvl: f"{e.value:g} USD/kWh ({e.source_title}, {e.date}, {e.confidence})"
        for lvl, e in ((lvl, catalog.entry(f"storage.battery_price_{lvl}")) for lvl in PRICE_LEVELS)
    }
    return prices, said


def _bare(x: xr.DataArray | xr.Variable) -> tuple[xr.Variable, dict[str, xr.Variable]]:
    """A value as a bare Variable and its coordinates (arithmetic on Variables broadcasts by
    dimension name without index alignment: the app's warm path stays a few NumPy operations)."""
    if isinstance(x, xr.Variable):
        return x, {}
    return x.variable, {k: c.variable for k, c in x.coords.items()}


def _sized(
    role: str,
    power: xr.DataArray | xr.Variable,
    energy: xr.DataArray | xr.Variable,
    cycles: xr.DataArray | xr.Variable,
    round_trip_efficiency: Any,
    coords: dict[str, Any] | None = None,
) -> xr.Dataset:
    rte = _value(
        "round_trip_efficiency",
        round_trip_efficiency,
        "storage.round_trip_efficiency",
        "dimensionless",
    )
    prices, said = _prices()
    keep: dict[str, Any] = dict(coords or {})
    parts = []
    for x in (power, energy, cycles, rte, prices):
        var, own = _bare(x)
        parts.append(var)
        keep.update(own)
    p, e, n, r, price = parts
    throughput = e * n
    with np.errstate(divide="ignore", invalid="ignore"):
        duration = xr.where(p > 0, e / p, 0.0)
    data = {
        "battery_power": p,
        "battery_energy": e,
        "battery_duration": duration,
        "battery_price": price,
        "battery_cost": e * _MWH_TO_KWH * price,
        "cycles_per_year": n,
        "annual_throughput": throughput,
        "annual_losses": throughput * (1.0 / r - 1.0),  # to deliver E, charge E / RTE
    }
    for name, (units, long_name) in ROLE_VARIABLES.items():
        data[name] = data[name].copy(deep=False)  # never relabel an input
        data[name].attrs = {"units": units, "long_name": long_name}
    data["battery_price"].attrs.update(said)
    dims = {d for v in data.values() for d in v.dims}
    ds = xr.Dataset(data, coords={k: v for k, v in keep.items() if set(v.dims) <= dims})
    ds.attrs = {"role": role, "model": "explorer.batteries"}
    return ds


def ride_through_battery(
    load: Any, minutes: Any = None, tests_per_year: Any = None, round_trip_efficiency: Any = None
) -> xr.Dataset:
    """A battery that carries `load` [MW] for `minutes` [min] until the generators take over.

    Parameters
    ----------
    load : float or array-like
        Load to carry [MW] (the IT load, or the whole facility if cooling must keep running).
    minutes : float or array-like, optional
        Minutes of ride-through [min], 0 < m ≤ 240; default ``storage.ride_through_minutes``.
    tests_per_year : float, optional
        Full discharges per year [1/yr]; default ``storage.ride_through_tests_per_year``.
    round_trip_efficiency : float, optional
        AC-to-AC [1]; default ``storage.round_trip_efficiency`` (0.85).

    Returns
    -------
    xarray.Dataset
        `ROLE_VARIABLES`; the cost along a ``price`` dimension (low / mid / high).

    Examples
    --------
    >>> ds = ride_through_battery(250, minutes=6)
    >>> float(ds.battery_energy)  # 250 MW x 6 min = 25 MWh
    25.0
    >>> ds.battery_cost.sel(price="mid").item()  # 25,000 kWh x 300 USD/kWh
    7500000.0
    >>> ride_through_battery(250, minutes=-5)
    Traceback (most recent call last):
    ...
    explorer.errors.InputError: ride_through_minutes = -5 is out of range;
    allowed: 0 min < ride_through_minutes ≤ 240 min.
    """
    p = number("power", load)
    m = _value("ride_through_minutes", minutes, "storage.ride_through_minutes", "minute")
    cycles = _value(
        "tests_per_year", tests_per_year, "storage.ride_through_tests_per_year", "1 / year"
    )
    return _sized("ride-through", p, p * m / _MIN_PER_H, cycles, round_trip_efficiency)


def peak_shaving_battery(year: xr.Dataset, round_trip_efficiency: Any = None) -> xr.Dataset:
    """A battery that covers the hot day's cooling above the annual mean (from
    `explorer.climate_year`).

    Power = hot-day peak cooling − annual mean cooling [MW]; energy = the hot day's cooling energy
    above the mean [MWh]. Each typical day whose cooling passes the mean discharges what lies
    above it, so the throughput is the year's cooling energy above the mean power.

    Examples
    --------
    >>> import explorer
    >>> year = explorer.climate_year("rainier-mississippi", "chiller-economiser", site_power=300)
    >>> ds = peak_shaving_battery(year)
    >>> above_mean = float(year.peak_cooling_power - year.mean_cooling_power)
    >>> bool(abs(float(ds.battery_power) - above_mean) < 1e-9)
    True
    """
    v = year.variables
    mean = v["mean_cooling_power"]
    power = np.maximum(v["peak_cooling_power"] - mean, 0.0)
    energy = v["hot_day_excess_energy"]
    above = np.maximum(v["cooling_power"] - mean, 0.0)
    throughput = (above * v["days"]).sum(("month", "hour"))
    with np.errstate(divide="ignore", invalid="ignore"):
        cycles = xr.where(energy > 0, throughput / energy, 0.0)
    # the year's own labels (a sweep's coordinates), not its month, hour and days
    coords = {k: c.variable for k, c in year.coords.items() if not {"month", "hour"} & set(c.dims)}
    return _sized("peak-shaving", power, energy, cycles, round_trip_efficiency, coords)


def smoothing_battery(
    swing: Any, minutes: Any = None, swings_per_day: Any = None, round_trip_efficiency: Any = None
) -> xr.Dataset:
    """A battery that holds the grid draw steady while a training job's power swings by `swing`
    [MW].

    Each swing (a checkpoint or collective stall: the whole job idles at once, then returns) is
    bridged for `minutes`; the battery delivers swing × minutes each time.

    Parameters
    ----------
    swing : float or array-like
        Size of the power swing [MW] (tens of MW in the Llama 3 report).
    minutes : float or array-like, optional
        Length of one swing [min], 0 < m ≤ 60; default ``storage.swing_minutes``.
    swings_per_day : float, optional
        Swings per day [1/day]; default ``storage.swings_per_day``. Swings may not fill more than
        the day.

    Examples
    --------
    >>> ds = smoothing_battery(40, minutes=2, swings_per_day=24)
    >>> # 40 x 2/60; x 24 x 365
    >>> round(float(ds.battery_energy), 4), round(float(ds.annual_throughput), 1)
    (1.3333, 11680.0)
    >>> smoothing_battery(40, minutes=30, swings_per_day=60)
    Traceback (most recent call last):
    ...
    explorer.errors.InputError: swing_minutes x swings_per_day = 1800.0 is more than a day;
    allowed: at most 1440 min of swings per day.
    """
    p = number("power", swing)
    m = _value("swing_minutes", minutes, "storage.swing_minutes", "minute")
    n = _value("swings_per_day", swings_per_day, "storage.swings_per_day", "1 / day")
    day_min = factor("day", "minute")
    busy = (m * n).values
    if (busy > day_min).any():
        raise InputError(
            "swing_minutes x swings_per_day",
            float(busy.max()),
            f"at most {day_min:g} min of swings per day",
            "is more than a day",
        )
    return _sized("smoothing", p, p * m / _MIN_PER_H, n * _DAYS_PER_YEAR, round_trip_efficiency)


# ------------------------------------------------------------------------------ all roles at once
# The settings of `size_roles` (the app's battery fields): name -> catalog default key and unit.
SETTINGS: dict[str, tuple[str, str]] = {
    "ride_through_minutes": ("storage.ride_through_minutes", "minute"),
    "tests_per_year": ("storage.ride_through_tests_per_year", "1 / year"),
    "swing_share": ("storage.swing_share", "dimensionless"),
    "swing_minutes": ("storage.swing_minutes", "minute"),
    "swings_per_day": ("storage.swings_per_day", "1 / day"),
    "round_trip_efficiency": ("storage.round_trip_efficiency", "dimensionless"),
}


def default_settings() -> dict[str, float]:
    """The catalog's default battery settings (`SETTINGS`), in their units.

    Examples
    --------
    >>> default_settings()["ride_through_minutes"], default_settings()["swing_share"]
    (5.0, 1.0)
    """
    return {k: _default(key, unit) for k, (key, unit) in SETTINGS.items()}


def size_roles(year: xr.Dataset, **settings: Any) -> dict[str, xr.Dataset]:
    """The battery of each role (`ROLES`) for one climate year, sized from the same settings.

    Ride-through carries the year's IT load (``it_power``) for ``ride_through_minutes``;
    peak shaving covers the hot day's cooling above the annual mean (`peak_shaving_battery`);
    smoothing bridges swings of ``swing_share`` x the IT load. Settings left out (or None) take
    the catalog's defaults (`default_settings`).

    Parameters
    ----------
    year : xarray.Dataset
        A result of `explorer.climate_year`.
    **settings
        Any of `SETTINGS`: ``ride_through_minutes`` [min], ``tests_per_year`` [1/yr],
        ``swing_share`` [1], ``swing_minutes`` [min], ``swings_per_day`` [1/day],
        ``round_trip_efficiency`` [1].

    Returns
    -------
    dict of str to xarray.Dataset
        ``{"ride-through": ..., "peak-shaving": ..., "smoothing": ...}``, each with
        `ROLE_VARIABLES`.

    Examples
    --------
    >>> import explorer
    >>> year = explorer.climate_year("rainier-indiana", "chiller-economiser", site_power=300)
    >>> roles = size_roles(year, ride_through_minutes=6)
    >>> it = float(year.it_power)
    >>> bool(abs(float(roles["ride-through"].battery_energy) - it * 6 / 60) < 1e-9)
    True
    >>> size_roles(year, swing_share=2)
    Traceback (most recent call last):
    ...
    explorer.errors.InputError: swing_share = 2 is out of range; allowed: 0 ≤ swing_share ≤ 1.
    """
    unknown = sorted(set(settings) - set(SETTINGS))
    if unknown:
        raise InputError(
            unknown[0], settings[unknown[0]], "one of " + ", ".join(SETTINGS), "is not a setting"
        )
    s = {k: v for k, v in settings.items() if v is not None}
    it = year["it_power"]
    it = it.drop_vars([c for c in it.coords if c not in it.dims])
    rte = s.get("round_trip_efficiency")
    share = _value("swing_share", s.get("swing_share"), *SETTINGS["swing_share"])
    return {
        "ride-through": ride_through_battery(
            it, s.get("ride_through_minutes"), s.get("tests_per_year"), rte
        ),
        "peak-shaving": peak_shaving_battery(year, rte),
        "smoothing": smoothing_battery(
            it * share, s.get("swing_minutes"), s.get("swings_per_day"), rte
        ),
    }
