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
    """Energy over a year [GWh] = power [MW] × load factor [1] × hours per year [h].

    Examples
    --------
    >>> annual_energy(300.0, 1.0, 8760)
    2628.0
    """
    return power_mw * load_factor * (hours_per_year * _MWH_TO_GWH)


def city_equivalent(energy_gwh: A, basis_kwh: A) -> A:
    """How many people (or households) use `energy_gwh` [GWh] in a year at `basis_kwh`
    [kWh per person or household per year] [count].

    Examples
    --------
    >>> round(city_equivalent(2628.0, 10715.0))  # 300 MW for a year, in US households
    245264
    """
    return energy_gwh * _GWH_TO_KWH / basis_kwh


def annual_cost(energy_gwh: A, price_usd_per_mwh: A) -> A:
    """Electricity bill [USD] = energy [GWh] × price [USD/MWh].

    Examples
    --------
    >>> round(annual_cost(2628.0, 69.6))  # Mississippi's industrial price
    182908800
    """
    return energy_gwh * price_usd_per_mwh * _GWH_TO_MWH


def annual_co2(energy_gwh: A, intensity_g_per_kwh: A) -> A:
    """Emissions [t CO2e] = energy [GWh] × the grid's average intensity [g/kWh].

    Examples
    --------
    >>> round(annual_co2(2628.0, 427.0))
    1122156
    """
    return energy_gwh * intensity_g_per_kwh * (_GWH_TO_KWH * _G_TO_T)


def annual_water(it_energy_gwh: A, wue_l_per_kwh: A) -> A:
    """Site water use [m³] = IT energy [GWh] × WUE [L per IT kWh] (The Green Grid's definition).

    Examples
    --------
    >>> round(annual_water(1000.0, 0.15))  # 1 TWh of IT energy at AWS's WUE
    150000
    """
    return it_energy_gwh * wue_l_per_kwh * (_GWH_TO_KWH * _L_TO_M3)


def heat_load(it_power_mw: A, overhead_power_mw: A) -> A:
    """Heat the cooling plant must remove from the halls [MW thermal]: all IT and loss power [MW].

    Kept for callers that have the two powers; `heat_removed` works from the load.

    Examples
    --------
    >>> heat_load(171.0, 9.0)
    180.0
    """
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
