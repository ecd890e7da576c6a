"""From IT power to chips and FLOPS: per-chip power, chip counts, cluster peak and memory."""

from __future__ import annotations

from typing import TypeVar

import numpy as np
import xarray as xr

from .units import factor

A = TypeVar("A", xr.DataArray, np.ndarray, float)

_KW_PER_MW = factor("MW", "kW")
_W_PER_KW = factor("kW", "W")


def chip_power(tdp: A, server_overhead: A) -> A:
    """All-in IT power per accelerator [kW] = TDP × server overhead."""
    return tdp * server_overhead


def chips_supported(it_power: A, chip_power_kw: A) -> A:
    """Whole accelerators the IT power can feed [count]."""
    return np.floor(it_power * _KW_PER_MW / chip_power_kw)


def power_required(chips: A, chip_power_kw: A, pue: A) -> A:
    """Facility power the chips need, cooling and losses included [MW]."""
    return chips * chip_power_kw * pue * (1.0 / _KW_PER_MW)


def flops_per_watt(peak_per_chip: A, chip_power_kw: A, pue: A) -> A:
    """Peak FLOP/s per watt of facility power [FLOP/s per W]."""
    return peak_per_chip / (chip_power_kw * _W_PER_KW * pue)
