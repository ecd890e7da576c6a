"""Batteries at a datacenter: how much storage rides through an outage or shaves a peak.

All functions broadcast over xarray/NumPy inputs. Defaults (price, typical duration) come from
the catalog's [storage] entries.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np
import xarray as xr

from . import catalog, fmt
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
RESIZE_RTOL = 1e-9
"""Relative margin [1] by which the C-rate's energy floor must exceed a role's need before the
battery counts as resized: a need within floating-point rounding of the floor (e.g. a 60-minute
swing at 1C computed as 59.99999999999999 min) is not a resize."""
# The kind of pack each role is built from (catalog [storage.chemistries]): a UPS carries the
# whole load for minutes, so it takes high-power cells; peak shaving and smoothing sit on the grid
# side and are grid batteries (LFP containers).
ROLE_CHEMISTRY: dict[str, str] = {
    "ride-through": "ups-li-ion",
    "peak-shaving": "lfp-bess",
    "smoothing": "lfp-bess",
}
_DAYS_PER_YEAR = catalog.value("conventions.hours_per_year", "hour / year") / factor("day", "hour")

ROLE_VARIABLES: dict[str, tuple[str, str]] = {
    "battery_power": ("MW", "power the battery must deliver"),
    "battery_energy": (
        "MWh",
        "energy the battery must hold (raised to power / maximum C-rate where the role asks "
        "for less)",
    ),
    "battery_needed_energy": ("MWh", "energy the role itself asks for (before any resizing)"),
    "battery_duration": ("h", "battery energy / power"),
    "c_rate": ("1/h", "discharge rate at full power: battery power / energy"),
    "max_c_rate": ("1/h", "highest discharge rate the chemistry allows"),
    "battery_resized": ("", "energy raised above the role's need to respect the maximum C-rate"),
    "battery_price": ("USD/kWh", "energy-priced part: cells and racks (low / mid / high)"),
    "battery_power_price": (
        "USD/kW",
        "power-priced part: inverters, UPS modules, grid connection (low / mid / high)",
    ),
    "battery_cost": ("USD", "battery system cost: energy x energy price + power x power price"),
    "cycles_per_year": ("1/yr", "full-equivalent discharges per year (throughput / energy)"),
    "annual_throughput": ("MWh", "energy the battery delivers per year"),
    "annual_recharge": (
        "MWh",
        "energy bought from the grid per year to recharge the battery (throughput / efficiency)",
    ),
    "annual_losses": ("MWh", "round-trip losses per year (energy bought but not delivered)"),
    "cycle_life": ("1", "full cycles the chemistry lasts"),
    "calendar_life": ("yr", "years the chemistry lasts when hardly cycled"),
    "battery_life": (
        "yr",
        "years until worn: the shorter of calendar life and cycle life / cycles",
    ),
    "cycle_limited": ("", "cycling wears the battery out before its calendar life"),
}


@cache
def _default(key: str, unit: str) -> float:
    """A catalog default in `unit`, converted once (pint is slow on the app's warm path)."""
    return catalog.value(key, unit)


def _value(field: str, x: Any, default_key: str, unit: str) -> xr.DataArray:
    return number(field, _default(default_key, unit) if x is None else x)


@dataclass(frozen=True)
class Chemistry:
    """One kind of pack (catalog ``storage.chemistries.<name>``), in the module's units."""

    name: str
    label: str
    max_c_rate: float  # [1/h]
    cycle_life: float  # [1]
    calendar_life: float  # [yr]
    energy_prices: xr.Variable  # [USD/kWh] along ``price``
    power_prices: xr.Variable  # [USD/kW] along ``price``
    said: dict[str, str]  # price level -> where its figures come from


@cache
def chemistry(name: str) -> Chemistry:
    """A chemistry of `ROLE_CHEMISTRY` from the catalog.

    Examples
    --------
    >>> c = chemistry("lfp-bess")
    >>> c.max_c_rate, c.energy_prices.values.tolist(), c.power_prices.values.tolist()
    (1.0, [150.0, 262.5, 437.5], [60.0, 150.0, 250.0])
    """
    key = f"storage.chemistries.{name}"
    node = catalog.raw()["storage"]["chemistries"][name]
    levels = {
        lvl: (catalog.entry(f"{key}.energy_price_{lvl}"), catalog.entry(f"{key}.power_price_{lvl}"))
        for lvl in PRICE_LEVELS
    }
    return Chemistry(
        name,
        node["label"],
        _default(f"{key}.max_c_rate", "1 / hour"),
        _default(f"{key}.cycle_life", "dimensionless"),
        _default(f"{key}.calendar_life", "year"),
        xr.Variable("price", [e.to("USD / kWh") for e, _ in levels.values()]),
        xr.Variable("price", [p.to("USD / kW") for _, p in levels.values()]),
        {
            lvl: f"{e.value:g} USD/kWh + {p.value:g} USD/kW ({e.source_title}; {p.source_title}; "
            f"{e.confidence})"
            for lvl, (e, p) in levels.items()
        },
    )


def _bare(x: xr.DataArray | xr.Variable) -> tuple[xr.Variable, dict[str, xr.Variable]]:
    """A value as a bare Variable and its coordinates (arithmetic on Variables broadcasts by
    dimension name without index alignment: the app's warm path stays a few NumPy operations)."""
    if isinstance(x, xr.Variable):
        return x, {}
    return x.variable, {k: c.variable for k, c in x.coords.items()}


def _sized(
    role: str,
    power: xr.DataArray | xr.Variable,
    needed: xr.DataArray | xr.Variable,
    throughput: xr.DataArray | xr.Variable,
    round_trip_efficiency: Any,
    coords: dict[str, Any] | None = None,
    charged: bool = False,
) -> xr.Dataset:
    """The role's battery: `needed` energy [MWh] raised to `power` / max C-rate where that is
    more (a pack cannot be discharged faster), priced by energy and by power, and worn by
    `throughput` [MWh/yr].

    `throughput` is what the battery delivers (its recharge is throughput / round-trip
    efficiency), or with `charged` what it takes in (smoothing: the dips fix what goes in, and
    it gives back round-trip efficiency x that; losses throughput x (1 - efficiency))."""
    rte = _value(
        "round_trip_efficiency",
        round_trip_efficiency,
        "storage.round_trip_efficiency",
        "dimensionless",
    )
    chem = chemistry(ROLE_CHEMISTRY[role])
    keep: dict[str, Any] = dict(coords or {})
    parts = []
    for x in (power, needed, throughput, rte):
        var, own = _bare(x)
        parts.append(var)
        keep.update(own)
    p, need, thru, r = parts
    floor = p / chem.max_c_rate  # the least energy that delivers p at the maximum C-rate
    e = np.maximum(need, floor)
    with np.errstate(divide="ignore", invalid="ignore"):
        duration = xr.where(p > 0, e / p, 0.0)
        c_rate = xr.where(e > 0, p / e, 0.0)
        cycles = xr.where(e > 0, thru / e, 0.0)
        wear = xr.where(cycles > 0, chem.cycle_life / cycles, np.inf)
    life = np.minimum(wear, chem.calendar_life)
    mwh = _MWH_TO_KWH  # kWh per MWh, and kW per MW
    data = {
        "battery_power": p,
        "battery_energy": e,
        "battery_needed_energy": need,
        "battery_duration": duration,
        "c_rate": c_rate,
        "max_c_rate": xr.Variable((), chem.max_c_rate),
        "battery_resized": floor > need * (1 + RESIZE_RTOL),
        "battery_price": chem.energy_prices,
        "battery_power_price": chem.power_prices,
        "battery_cost": e * mwh * chem.energy_prices + p * mwh * chem.power_prices,
        "cycles_per_year": cycles,
        "annual_throughput": thru,
        # to deliver E, charge E / RTE from the grid; charged E, it delivers E x RTE
        "annual_recharge": thru if charged else thru / r,
        "annual_losses": thru * (1.0 - r) if charged else thru * (1.0 / r - 1.0),
        "cycle_life": xr.Variable((), chem.cycle_life),
        "calendar_life": xr.Variable((), chem.calendar_life),
        "battery_life": life,
        "cycle_limited": wear < chem.calendar_life,
    }
    for name, (units, long_name) in ROLE_VARIABLES.items():
        data[name] = data[name].copy(deep=False)  # never relabel an input
        data[name].attrs = {"units": units, "long_name": long_name}
    data["battery_price"].attrs.update(chem.said)
    if charged:
        data["annual_throughput"].attrs["long_name"] = "energy the battery takes in per year"
        data["annual_recharge"].attrs["long_name"] = (
            "energy bought from the grid per year to charge the battery (the throughput)"
        )
    dims = {d for v in data.values() for d in v.dims}
    keep["price"] = xr.Variable("price", list(PRICE_LEVELS))
    ds = xr.Dataset(data, coords={k: v for k, v in keep.items() if set(v.dims) <= dims})
    ds.attrs = {
        "role": role,
        "chemistry": chem.name,
        "chemistry_label": chem.label,
        "model": "explorer.batteries",
    }
    note = battery_note(ds)
    if note:
        ds.attrs["note"] = note
    return ds


def battery_note(ds: xr.Dataset) -> str:
    """What a role's sizing changed or found (`ROLE_VARIABLES`' flags), in one line ("" if
    nothing): the energy raised to the maximum C-rate, a battery cycled to death early.

    Examples
    --------
    >>> battery_note(smoothing_battery(40, minutes=1, swings_per_day=96)).split(";")[0]
    'resized: 40 MW for 1 min asks for 0.667 MWh, a 60C discharge'
    """
    out = []
    v = ds.variables
    resized = np.asarray(v["battery_resized"].values)
    if resized.any():
        if resized.size == 1:
            need = float(v["battery_needed_energy"].values.max())
            p = float(v["battery_power"].values.max())
            want = p / need if need > 0 else float("inf")
            out.append(
                f"resized: {p:.3g} MW for {need / p * _MIN_PER_H:.3g} min asks for "
                f"{need:.3g} MWh, a {want:.3g}C discharge; {ds.attrs['chemistry_label']} "
                f"allows at most {float(v['max_c_rate'].values):g}C, so the battery holds "
                f"{float(v['battery_energy'].values.max()):.3g} MWh"
                if p > 0 and need > 0
                else f"resized to the maximum C-rate of {float(v['max_c_rate'].values):g}C"
            )
        else:
            out.append(
                f"resized where the role asks for a discharge above the chemistry's "
                f"{float(v['max_c_rate'].values):g}C (battery_resized)"
            )
    limited = np.asarray(v["cycle_limited"].values)
    if limited.any():
        life = float(np.asarray(v["battery_life"].values)[limited].min())
        out.append(
            f"cycle-limited: {float(np.asarray(v['cycles_per_year'].values).max()):.3g} full "
            f"cycles a year wear it out in {life:.3g} years, before its calendar life of "
            f"{float(v['calendar_life'].values):g} years"
        )
    return "; ".join(out)


def real_days_note(ds: xr.Dataset) -> str:
    """The peak-shaving battery's other end in one clause ("" without ``real_days_*``): how many
    of the typical year's real days need more than the months' average days it is sized on, and
    what shaving every one of them takes. The app, the lesson and the answer key all say it so.

    Examples
    --------
    >>> import explorer
    >>> year = explorer.climate_year("rainier-mississippi", "chiller-economiser", site_power=300)
    >>> real_days_note(peak_shaving_battery(year))  # doctest: +ELLIPSIS
    "... of the typical year's 365 real days need more MWh than the months' average days; ..."
    """
    if "real_days_energy" not in ds.variables:
        return ""
    v = ds.variables
    return (
        f"{int(v['real_days_over'].values)} of the typical year's {int(v['real_days'].values)} "
        "real days need more MWh than the months' average days; shaving every one of them "
        f"takes up to {fmt.quantity(float(v['real_days_power'].values), 'MW')}, "
        f"{fmt.quantity(float(v['real_days_energy'].values), 'MWh')}"
    )


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
    >>> ds = ride_through_battery(250, minutes=10)
    >>> round(float(ds.battery_energy), 3)  # 250 MW x 10 min = 41.667 MWh, a 6C discharge
    41.667
    >>> # 41,667 kWh x 700 USD/kWh + 250,000 kW x 200 USD/kW
    >>> round(ds.battery_cost.sel(price="mid").item())
    79166667
    >>> ds = ride_through_battery(250, minutes=5)  # 12C: more than the UPS cells' 8C
    >>> bool(ds.battery_resized), float(ds.battery_energy)  # raised to 250 MW / 8 per hour
    (True, 31.25)
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
    need = p * m / _MIN_PER_H
    return _sized("ride-through", p, need, need * cycles, round_trip_efficiency)


def daily_threshold(load: Any, round_trip_efficiency: Any = None) -> xr.DataArray:
    """The lowest steady grid draw [MW] a battery can hold over a day of hourly `load` [MW]
    while recharging from the grid in the same day's lighter hours.

    Above the threshold the battery delivers ``load - threshold``; below it the grid also
    recharges the battery, up to the threshold, with what was delivered / round-trip efficiency.
    The threshold is where that recharge just fits: sum(max(threshold - load, 0)) =
    sum(max(load - threshold, 0)) / efficiency, so the battery ends the day as full as it began
    (above the day's mean load whenever the efficiency is below 1).

    Parameters
    ----------
    load : xarray.DataArray or array-like
        Hourly load [MW] along ``hour`` (other dimensions broadcast).
    round_trip_efficiency : float, optional
        AC-to-AC [1]; default ``storage.round_trip_efficiency``.

    Returns
    -------
    xarray.DataArray
        The threshold [MW], without the ``hour`` dimension.

    Examples
    --------
    >>> load = xr.DataArray([10.0, 10.0, 30.0, 30.0], dims="hour")
    >>> # the mean is 20 MW; at 0.5 efficiency, 2 x (30 - T) / 0.5 = 2 x (T - 10) gives 23.3 MW
    >>> round(float(daily_threshold(load, round_trip_efficiency=0.5)), 3)
    23.333
    >>> float(daily_threshold(load, round_trip_efficiency=1.0))  # lossless: the mean
    20.0
    """
    rte = _value(
        "round_trip_efficiency",
        round_trip_efficiency,
        "storage.round_trip_efficiency",
        "dimensionless",
    )
    da = load if isinstance(load, xr.DataArray) else xr.DataArray(np.asarray(load), dims="hour")
    other = [d for d in da.dims if d != "hour"]
    x = da.transpose(*other, "hour").values.astype(float)
    r = np.broadcast_to(np.asarray(rte.values, dtype=float), x.shape[:-1])[..., None]
    cand = np.sort(x, axis=-1)  # the balance is piecewise linear between the hours' loads

    def balance(t: np.ndarray) -> np.ndarray:  # room to recharge minus recharge needed [MWh]
        gap = t[..., :, None] - x[..., None, :]
        return np.maximum(gap, 0.0).sum(-1) - np.maximum(-gap, 0.0).sum(-1) / r

    f = balance(cand)  # rises with the threshold; >= 0 at the day's highest hour
    k = np.argmax(f >= 0.0, axis=-1)[..., None]
    hi, f_hi = np.take_along_axis(cand, k, -1), np.take_along_axis(f, k, -1)
    km = np.maximum(k - 1, 0)
    lo, f_lo = np.take_along_axis(cand, km, -1), np.take_along_axis(f, km, -1)
    with np.errstate(divide="ignore", invalid="ignore"):
        t = np.where(f_hi > f_lo, lo - f_lo * (hi - lo) / (f_hi - f_lo), hi)[..., 0]
    return xr.DataArray(
        t,
        dims=other,
        coords={k: c for k, c in da.coords.items() if "hour" not in c.dims},
        attrs={"units": "MW", "long_name": "steady grid draw the battery holds over the day"},
    )


def peak_shaving_battery(year: xr.Dataset, round_trip_efficiency: Any = None) -> xr.Dataset:
    """A battery that holds each day's cooling draw on the grid steady (from
    `explorer.climate_year`), recharged from the grid in the same day's cooler hours.

    Each day (the hot day and every month's typical day) gets its own threshold
    (`daily_threshold`): the battery delivers the cooling above it and the grid recharges it
    below it, so it starts every day full. Power = the largest peak above its day's threshold
    [MW]; energy = the largest day's cooling above its threshold [MWh]; throughput = the typical
    days' energy above their thresholds x days [MWh/yr]. A typical day is the mean over a
    month's days, clock hour by clock hour, which flattens the weather's day-to-day swings: the
    ``real_days_*`` variables size the same battery on each of the year's real days (``real_days``)
    (``real_days_over`` of them need more MWh), the range's other end. The recharge comes from
    the grid: ``annual_recharge`` = throughput / round-trip efficiency. Shaving against the
    annual mean instead could never recharge: in a humid climate a hot day's cooling stays above
    it all day (Mississippi's chiller plant, below).

    Examples
    --------
    >>> import explorer
    >>> year = explorer.climate_year("rainier-mississippi", "chiller-economiser", site_power=300)
    >>> ds = peak_shaving_battery(year)
    >>> hot = year.hot_day_cooling_power
    >>> bool(float(hot.min()) > float(year.mean_cooling_power))  # no hour to recharge below it
    True
    >>> t = float(ds.hot_day_threshold)
    >>> bool(float(hot.min()) < t < float(hot.max()))  # the hot day's own threshold
    True
    """
    v = year.variables
    rte = _value(
        "round_trip_efficiency",
        round_trip_efficiency,
        "storage.round_trip_efficiency",
        "dimensionless",
    )
    typical = year["cooling_power"].drop_vars("days", errors="ignore")
    hot = year["hot_day_cooling_power"]
    t_typ = daily_threshold(typical, rte).variable
    t_hot = daily_threshold(hot, rte).variable
    above_typ = np.maximum(typical.variable - t_typ, 0.0)
    above_hot = np.maximum(hot.variable - t_hot, 0.0)
    typ_energy = above_typ.sum("hour")
    power = np.maximum(above_hot.max("hour"), above_typ.max("hour").max("month"))
    energy = np.maximum(above_hot.sum("hour"), typ_energy.max("month"))
    # the day whose energy above its threshold sizes the battery: 0 the hot day, else the month
    months = year["month"].variable
    worst = xr.where(typ_energy == typ_energy.max("month"), months, 0).max("month")
    sizing_day = xr.where(above_hot.sum("hour") >= typ_energy.max("month"), 0, worst)
    throughput = (above_typ.sum("hour") * v["days"]).sum("month")
    # the same sizing on each of the year's real days (the typical days are averages over a
    # month's days, which flattens day-to-day weather): per unit of IT, then x the IT load (the
    # threshold scales with the load)
    per_day = year["day_cooling_per_it"]
    t_day = daily_threshold(per_day, rte).variable
    above_day = np.maximum(per_day.variable - t_day, 0.0)
    it = year["it_power"].variable
    day_energy = above_day.sum("hour") * it
    real_energy = np.maximum(above_hot.sum("hour"), day_energy.max("day"))
    real_power = np.maximum(above_hot.max("hour"), above_day.max("hour").max("day") * it)
    days_over = (day_energy > energy * (1 + 1e-9)).sum("day")
    # the year's own labels (a sweep's coordinates), not its month, hour, days and real days
    coords = {
        k: c.variable for k, c in year.coords.items() if not {"month", "hour", "day"} & set(c.dims)
    }
    ds = _sized("peak-shaving", power, energy, throughput, round_trip_efficiency, coords)
    ds["hot_day_threshold"] = xr.Variable(
        t_hot.dims,
        t_hot.values,
        {
            "units": "MW",
            "long_name": "the hot day's steady cooling draw on the grid",
        },
    )
    real = {
        "real_days_power": (real_power, "MW", "power that shaves every real day of the year"),
        "real_days_energy": (real_energy, "MWh", "energy that shaves every real day of the year"),
        "real_days_throughput": (
            day_energy.sum("day"),
            "MWh/yr",
            "energy delivered a year shaving every real day",
        ),
        "real_days_over": (
            days_over,
            "d",
            "real days of the year that need more MWh than the months' average days",
        ),
        "real_days": (
            xr.Variable((), day_energy.sizes["day"]),
            "d",
            "real days of the typical year the battery is sized on",
        ),
    }
    for name, (var, units, long_name) in real.items():
        ds[name] = xr.Variable(var.dims, var.values, {"units": units, "long_name": long_name})
    ds["sizing_day"] = xr.Variable(
        sizing_day.dims,
        np.asarray(sizing_day.values, dtype=int),
        {"units": "", "long_name": "day that sizes the energy: 0 the hot day, 1-12 that month's"},
    )
    return ds


def smoothing_battery(
    swing: Any, minutes: Any = None, swings_per_day: Any = None, round_trip_efficiency: Any = None
) -> xr.Dataset:
    """A battery that holds the grid draw steady while a training job's power swings by `swing`
    [MW].

    Each swing (a checkpoint or collective stall: the whole job idles at once, then returns)
    lasts `minutes`. While the load is down the battery charges at the missing power, so the grid
    draw does not drop: it absorbs swing × minutes each time and gives it back before the next
    dip. Its C-rate limit is then a charging limit.

    Parameters
    ----------
    swing : float or array-like
        Size of the power swing [MW] (tens of MW in the Llama 3 report).
    minutes : float or array-like, optional
        Length of one swing [min], 0 < m ≤ 60; default ``storage.swing_minutes``.
    swings_per_day : float, optional
        Swings per day [1/day]; default ``storage.swings_per_day``. Swings may not fill more than
        the day.
    round_trip_efficiency : float, optional
        Share of what the battery takes in that it gives back [1]; default
        ``storage.round_trip_efficiency``.

    Examples
    --------
    >>> ds = smoothing_battery(40, minutes=2, swings_per_day=24)
    >>> # absorbs 40 x 2/60 = 1.33 MWh (a 30C charge): a grid battery (1C at most) holds 40 MWh
    >>> round(float(ds.battery_needed_energy), 4), float(ds.battery_energy)
    (1.3333, 40.0)
    >>> round(float(ds.annual_throughput), 1), round(float(ds.cycles_per_year), 1)  # x 24 x 365
    (11680.0, 292.0)

    The dips fix what goes in, so the losses are the part not given back: at 85 % round-trip
    efficiency, 11,680 x 0.15 = 1,752 MWh a year (not 11,680 x (1/0.85 - 1) = 2,061)

    >>> ds = smoothing_battery(40, minutes=2, swings_per_day=24, round_trip_efficiency=0.85)
    >>> round(float(ds.annual_recharge), 1), round(float(ds.annual_losses), 1)
    (11680.0, 1752.0)
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
    need = p * m / _MIN_PER_H
    # what goes in is fixed by the dips (charged): the grid keeps drawing, the battery takes it
    return _sized(
        "smoothing", p, need, need * n * _DAYS_PER_YEAR, round_trip_efficiency, charged=True
    )


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
    peak shaving holds each day's cooling draw steady, recharging from the grid the same day
    (`peak_shaving_battery`);
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
    >>> roles = size_roles(year, ride_through_minutes=10)
    >>> it = float(year.it_power)
    >>> bool(abs(float(roles["ride-through"].battery_energy) - it * 10 / 60) < 1e-9)
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
