"""Where a site's power goes: IT, cooling and other loads, and the PUE they imply."""

from __future__ import annotations

from typing import TypeVar

import numpy as np
import xarray as xr

A = TypeVar("A", xr.DataArray, np.ndarray, float)


def it_share(cooling_fraction: A, overhead_fraction: A) -> A:
    """Share of site power that reaches IT equipment [1] = 1 − cooling − other."""
    return 1.0 - cooling_fraction - overhead_fraction


def it_power(site_power: A, share: A) -> A:
    """Power reaching IT equipment [MW] = site × IT share."""
    return site_power * share


def cooling_power(site_power: A, cooling_fraction: A) -> A:
    """Electric power of the cooling plant [MW]."""
    return site_power * cooling_fraction


def overhead_power(site_power: A, overhead_fraction: A) -> A:
    """Distribution, UPS and lighting losses [MW]."""
    return site_power * overhead_fraction


def pue(share: A) -> A:
    """Power usage effectiveness [1] = site power / IT power = 1 / IT share."""
    return 1.0 / share


def cooling_fraction_for_pue(pue_value: A, overhead_fraction: A) -> A:
    """The cooling fraction a PUE implies once other loads are set [1]."""
    return 1.0 - 1.0 / pue_value - overhead_fraction
