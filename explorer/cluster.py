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
    """All-in IT power per accelerator [kW] = TDP [kW] × server overhead [1].

    Parameters
    ----------
    tdp : float or array-like
        The chip's thermal design power [kW].
    server_overhead : float or array-like
        All-in IT power per chip / chip TDP [1]: hosts, memory, NICs, switches.

    References
    ----------
    .. [1] Epoch AI, "AI supercomputers power trend" (2025): DGX H100 10.2 kW / (8 × 700 W) = 1.82.

    Examples
    --------
    >>> round(chip_power(0.7, 1.82), 3)  # one H100 in a DGX H100
    1.274
    """
    return tdp * server_overhead


def chips_supported(it_power: A, chip_power_kw: A) -> A:
    """Whole accelerators the IT power [MW] can feed at `chip_power_kw` [kW] each [count].

    Examples
    --------
    >>> float(chips_supported(100.0, 1.274))  # 100 MW of IT power, H100s
    78492.0
    """
    return np.floor(it_power * _KW_PER_MW / chip_power_kw)


def power_required(chips: A, chip_power_kw: A, pue: A) -> A:
    """Facility power [MW] `chips` need at `chip_power_kw` [kW] each and the site's PUE [1].

    Examples
    --------
    >>> round(power_required(100_000, 1.274, 1.18), 1)  # 100,000 H100: xAI Colossus phase 1
    150.3
    """
    return chips * chip_power_kw * pue * (1.0 / _KW_PER_MW)


def flops_per_watt(peak_per_chip: A, chip_power_kw: A, pue: A) -> A:
    """Peak FLOP/s per watt of facility power [FLOP/s/W], from the chip's peak [FLOP/s],
    all-in power [kW] and the PUE [1].

    Examples
    --------
    >>> f"{flops_per_watt(989e12, 1.274, 1.18):.3g}"  # H100 BF16 dense
    '6.58e+11'
    """
    return peak_per_chip / (chip_power_kw * _W_PER_KW * pue)
