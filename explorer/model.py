"""`compute`: one scenario or a whole sweep, in one vectorised pass, as an xarray Dataset.

Inputs broadcast by name: a scalar is one scenario; a list, 1-d array or DataArray adds a
dimension. Every variable of the result carries ``units`` and ``long_name``.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import xarray as xr

from . import catalog, cluster, energy, power, validate
from .catalog import DEFAULT_SITE

# name: (units, long_name). These names are the public API (see the README glossary).
INPUTS: dict[str, tuple[str, str]] = {
    "site_power": ("MW", "facility power at the grid connection"),
    "cooling_fraction": ("1", "share of site power spent on cooling"),
    "overhead_fraction": ("1", "share of site power lost in distribution, UPS and lighting"),
    "chips": ("count", "accelerators deployed"),
    "server_overhead": ("1", "all-in IT power per chip / chip TDP"),
    "mfu": ("1", "model FLOPs utilisation"),
    "load_factor": ("1", "average / peak site load over a year"),
    "electricity_price": ("USD/MWh", "industrial electricity price"),
    "carbon_intensity": ("g/kWh", "grid carbon intensity (CO2e)"),
    "wue": ("L/kWh", "water usage effectiveness (litres per IT kWh)"),
}

OUTPUTS: dict[str, tuple[str, str]] = {
    "it_power": ("MW", "power reaching IT equipment"),
    "cooling_power": ("MW", "power used by cooling"),
    "overhead_power": ("MW", "power lost in distribution, UPS and lighting"),
    "pue": ("1", "power usage effectiveness (site / IT)"),
    "chip_power": ("kW", "all-in IT power per accelerator"),
    "chips_supported": ("count", "accelerators the IT power can feed"),
    "chips_powered": ("count", "deployed accelerators the site can power"),
    "power_required": ("MW", "facility power the deployed chips need"),
    "power_headroom": ("MW", "site power minus power required (negative: not enough)"),
    "peak_flops": ("FLOP/s", "cluster peak FLOP/s of the powered chips"),
    "effective_flops": ("FLOP/s", "cluster FLOP/s achieved at the MFU"),
    "flops_per_watt": ("FLOP/s/W", "peak FLOP/s per watt of facility power"),
    "hbm_capacity": ("TB", "cluster HBM capacity"),
    "hbm_bandwidth": ("TB/s", "cluster HBM bandwidth"),
    "annual_energy": ("GWh", "electricity used per year"),
    "basis_value": ("kWh/yr", "annual electricity per person or household on the basis"),
    "city_people": ("people", "people whose electricity use equals the site's"),
    "city_households": ("households", "households whose electricity use equals the site's"),
    "cooling_heat_rejected": ("MW", "heat the cooling plant removes (IT + losses), thermal"),
    "cooling_tons": ("refrigeration ton", "the same heat in refrigeration tons"),
    "cooling_cop": ("1", "heat removed per unit of cooling power (implied COP)"),
    "annual_cost": ("USD", "electricity cost per year"),
    "annual_co2": ("t", "CO2e emitted per year at the grid's average intensity"),
    "annual_water": ("m3", "water used on site per year"),
}


def compute(
    site_power: Any = None,
    cooling_fraction: Any = None,
    overhead_fraction: Any = None,
    chip: Any = None,
    chips: Any = None,
    server_overhead: Any = None,
    mfu: Any = None,
    load_factor: Any = None,
    basis: Any = None,
    electricity_price: Any = None,
    carbon_intensity: Any = None,
    wue: Any = None,
    site: str = DEFAULT_SITE,
) -> xr.Dataset:
    """Everything the explorer shows, for one scenario or a grid of them.

    Units: site_power MW; fractions, mfu, load_factor, server_overhead dimensionless;
    electricity_price USD/MWh; carbon_intensity g/kWh; wue L/kWh. `chip` and `basis` are
    catalog names (a list adds a dimension). `chips=None` fills the site. Inputs left as None
    come from the `site` preset (default: Rainier Mississippi) and the catalog's defaults.
    Raises `InputError` for bad input.
    """
    preset = catalog.site_inputs(site)
    given = {
        "site_power": site_power,
        "cooling_fraction": cooling_fraction,
        "overhead_fraction": overhead_fraction,
        "mfu": mfu,
        "load_factor": load_factor,
        "electricity_price": electricity_price,
        "carbon_intensity": carbon_intensity,
        "wue": wue,
    }
    x = {k: validate.number(k, v if v is not None else _default(k, preset)) for k, v in given.items()}
    validate.fractions_sum(x["cooling_fraction"], x["overhead_fraction"])
    chip = validate.name_list("chip", preset["chip"] if chip is None else chip, catalog.names("chips"))
    basis = validate.name_list("basis", preset["basis"] if basis is None else basis, catalog.names("bases"))

    hw = catalog.chip_table().sel(chip=chip)
    bases = catalog.basis_table().sel(basis=basis)
    overhead_factor = hw["server_overhead"] if server_overhead is None else validate.number("server_overhead", server_overhead)
    hours = catalog.value("conventions.hours_per_year", "hour / year")
    persons_per_household = catalog.value("conventions.persons_per_household", "person / household")

    sp, fc, fo = x["site_power"], x["cooling_fraction"], x["overhead_fraction"]
    out: dict[str, xr.DataArray] = {}
    out["it_power"] = power.it_power(sp, fc, fo)
    out["cooling_power"] = power.cooling_power(sp, fc)
    out["overhead_power"] = power.overhead_power(sp, fo)
    out["pue"] = power.pue(fc, fo)

    out["chip_power"] = cluster.chip_power(hw["tdp"], overhead_factor)
    out["chips_supported"] = cluster.chips_supported(out["it_power"], out["chip_power"])
    deployed = out["chips_supported"] if chips is None else validate.number("chips", chips)
    out["chips_powered"] = np.minimum(deployed, out["chips_supported"])
    out["power_required"] = cluster.power_required(deployed, out["chip_power"], out["pue"])
    out["power_headroom"] = sp - out["power_required"]
    out["peak_flops"] = out["chips_powered"] * hw["peak_flops"]
    out["effective_flops"] = out["peak_flops"] * x["mfu"]
    out["flops_per_watt"] = cluster.flops_per_watt(hw["peak_flops"], out["chip_power"], out["pue"])
    out["hbm_capacity"] = out["chips_powered"] * hw["hbm_capacity"]
    out["hbm_bandwidth"] = out["chips_powered"] * hw["hbm_bandwidth"]

    out["annual_energy"] = energy.annual_energy(sp, x["load_factor"], hours)
    it_energy = energy.annual_energy(out["it_power"], x["load_factor"], hours)
    out["basis_value"] = bases["basis_value"]
    per_basis = energy.city_equivalent(out["annual_energy"], bases["basis_value"])
    is_household = bases["basis_per"] == "household"
    out["city_households"] = xr.where(is_household, per_basis, per_basis / persons_per_household)
    out["city_people"] = xr.where(is_household, per_basis * persons_per_household, per_basis)

    heat = energy.heat_load(out["it_power"], out["overhead_power"])
    out["cooling_heat_rejected"] = heat
    out["cooling_tons"] = energy.refrigeration_tons(heat)
    out["cooling_cop"] = xr.where(out["cooling_power"] > 0, heat / out["cooling_power"].where(out["cooling_power"] > 0), np.inf)
    out["annual_cost"] = energy.annual_cost(out["annual_energy"], x["electricity_price"])
    out["annual_co2"] = energy.annual_co2(out["annual_energy"], x["carbon_intensity"])
    out["annual_water"] = energy.annual_water(it_energy, x["wue"])

    inputs = {**x, "chips": deployed, "server_overhead": overhead_factor}
    ds = xr.Dataset({**{k: _drop_coords(v) for k, v in inputs.items()}, **out})
    for name, (units, long_name) in {**INPUTS, **OUTPUTS}.items():
        ds[name].attrs = {"units": units, "long_name": long_name}
    ds["chips"].attrs["note"] = "as given" if chips is not None else "filled: as many as the IT power can feed"
    ds["server_overhead"].attrs["basis"] = (
        "given" if server_overhead is not None else "per chip from the catalog (see overhead_basis)"
    )
    ds["peak_flops"].attrs["note"] = "peak of the chips the site can power: min(chips, chips_supported)"
    ds["annual_energy"].attrs["note"] = f"site power x load factor x {hours:g} h"
    ds["basis_per"] = bases["basis_per"]
    ds["overhead_basis"] = hw["overhead_basis"]
    ds.attrs = {"site_preset": site, "model": "explorer.compute", "catalog": "explorer/data/catalog.toml"}
    return ds


def _default(name: str, preset: dict[str, Any]) -> float:
    if name in preset:
        return preset[name]
    return catalog.value(f"defaults.{name}", "dimensionless")


def _drop_coords(da: xr.DataArray) -> xr.DataArray:
    return da
