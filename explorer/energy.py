"""A year of running: energy, the city it equals, cost, carbon, water and heat."""

from __future__ import annotations

from typing import TypeVar

import numpy as np
import xarray as xr

from .units import factor

A = TypeVar("A", xr.DataArray, np.ndarray, float)

_MWH_TO_GWH = factor("MWh", "GWh")
_GWH_TO_KWH = factor("GWh", "kWh")
_GWH_TO_MWH = factor("GWh", "MWh")
_G_TO_T = factor("g", "tonne")
_L_TO_M3 = factor("L", "m**3")
_MW_TO_TONS = factor("MW", "refrigeration_ton")


def annual_energy(power_mw: A, load_factor: A, hours_per_year: float) -> A:
    """Energy over a year [GWh] = power × load factor × hours."""
    return power_mw * load_factor * (hours_per_year * _MWH_TO_GWH)


def city_equivalent(energy_gwh: A, basis_kwh: A) -> A:
    """How many people (or households) use that much electricity in a year [count]."""
    return energy_gwh * _GWH_TO_KWH / basis_kwh


def annual_cost(energy_gwh: A, price_usd_per_mwh: A) -> A:
    """Electricity bill [USD]."""
    return energy_gwh * price_usd_per_mwh * _GWH_TO_MWH


def annual_co2(energy_gwh: A, intensity_g_per_kwh: A) -> A:
    """Emissions at the grid's average intensity [t CO2e]."""
    return energy_gwh * intensity_g_per_kwh * (_GWH_TO_KWH * _G_TO_T)


def annual_water(it_energy_gwh: A, wue_l_per_kwh: A) -> A:
    """Site water use [m³]; WUE is litres per kWh of IT energy (The Green Grid's definition)."""
    return it_energy_gwh * wue_l_per_kwh * (_GWH_TO_KWH * _L_TO_M3)


def heat_load(it_power_mw: A, overhead_power_mw: A) -> A:
    """Heat the cooling plant must remove from the halls [MW thermal]: all IT and loss power."""
    return it_power_mw + overhead_power_mw


def heat_removed(facility_load_mw: A, cooling_fraction: A) -> A:
    """Heat removed from the halls [MW thermal]: the IT and loss power at the load.

    At any load the facility runs at its PUE, so this is load × (1 − cooling share).

    Examples
    --------
    >>> heat_removed(300.0, 0.4)  # 300 MW site, 40 % to cooling: IT + losses = 180 MW
    180.0
    """
    return facility_load_mw * (1.0 - cooling_fraction)


def heat_rejected(facility_load_mw: A) -> A:
    """Heat rejected to the outside [MW thermal]: the whole facility load.

    The cooling plant's own electricity ends up as heat too, so everything the site draws
    leaves it as heat.

    Examples
    --------
    >>> heat_rejected(300.0)
    300.0
    """
    return facility_load_mw * 1.0


def refrigeration_tons(heat_mw: A) -> A:
    """A heat flow [MW thermal] in refrigeration tons (12,000 BTU/h, 3.517 kW each).

    Examples
    --------
    >>> round(refrigeration_tons(1.0), 1)
    284.3
    """
    return heat_mw * _MW_TO_TONS
