"""Batteries at a datacenter: how much storage rides through an outage or shaves a peak.

All functions broadcast over xarray/NumPy inputs. Defaults (price, typical duration) come from
the catalog's [storage] entries.
"""

from __future__ import annotations

from typing import Any

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
    d = number("duration", catalog.value("storage.battery_duration", "hour") if duration is None else duration)
    price = number("battery_price", catalog.value("storage.battery_price", "USD/kWh") if battery_price is None else battery_price)
    energy = p * d
    cost = energy * _MWH_TO_KWH * price
    return xr.Dataset(
        {
            "battery_energy": energy.assign_attrs(units="MWh", long_name="battery energy capacity"),
            "battery_cost": cost.assign_attrs(units="USD", long_name="battery system cost (turnkey)"),
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
    explorer.errors.InputError: power = 0.0 must be above 0 for a ride-through time; allowed: 0 MW < power ≤ 10000 MW.
    """
    e = number("battery_energy", battery_energy)
    p = number("power", power)
    if (p.values <= 0).any():
        above_zero = Bound(BOUNDS["power"].lo, BOUNDS["power"].hi, BOUNDS["power"].unit, lo_open=True)
        raise InputError("power", float(p.min()), above_zero.describe("power"), "must be above 0 for a ride-through time")
    return (e / p * _MIN_PER_H).assign_attrs(units="min", long_name="time the battery carries the load")
