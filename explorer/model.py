"""`compute`: one scenario or a whole sweep, in one vectorised pass, as an xarray Dataset.

Inputs broadcast by name: a scalar is one scenario; a list, 1-d array or DataArray adds a
dimension. Every variable of the result carries ``units`` and ``long_name``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import numpy as np
import xarray as xr
from xarray import Variable

from . import catalog, cluster, energy, power, validate
from .catalog import DEFAULT_SITE
from .errors import InputError

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
    preset = _site_inputs(site)
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
    arrays = {k: validate.labelled(k, v if v is not None else _default(k, preset)) for k, v in given.items()}
    if chips is not None:
        arrays["chips"] = validate.labelled("chips", chips)
    if server_overhead is not None:
        arrays["server_overhead"] = validate.labelled("server_overhead", server_overhead)
    validate.fractions_sum(arrays["cooling_fraction"], arrays["overhead_fraction"])
    chip = validate.name_list("chip", preset["chip"] if chip is None else chip, catalog.names("chips"))
    basis = validate.name_list("basis", preset["basis"] if basis is None else basis, catalog.names("bases"))
    hw, hw_coords = _hardware(chip if isinstance(chip, str) else tuple(chip))
    bases, basis_coords = _bases(basis if isinstance(basis, str) else tuple(basis))

    # Align once (labelled inputs must agree on their coordinates), then compute on
    # xarray Variables: they broadcast by dimension name without re-aligning at every step.
    coords = _input_coords(arrays)
    x = {k: v.variable if isinstance(v, xr.DataArray) else v for k, v in arrays.items()}
    hours, persons_per_household = _conventions()

    sp, fc, fo = x["site_power"], x["cooling_fraction"], x["overhead_fraction"]
    out: dict[str, Variable] = {}
    share = power.it_share(fc, fo)
    out["it_power"] = power.it_power(sp, share)
    out["cooling_power"] = power.cooling_power(sp, fc)
    out["overhead_power"] = power.overhead_power(sp, fo)
    out["pue"] = power.pue(share)

    overhead_factor = x.get("server_overhead", hw["server_overhead"])
    out["chip_power"] = cluster.chip_power(hw["tdp"], overhead_factor)
    out["chips_supported"] = cluster.chips_supported(out["it_power"], out["chip_power"])
    deployed = x.get("chips", out["chips_supported"])
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
    # A household basis counts households; a person basis counts people. The other follows
    # from the average household size.
    out["city_households"] = per_basis * bases["households_per_unit"]
    out["city_people"] = per_basis * bases["people_per_unit"]

    heat = energy.heat_load(out["it_power"], out["overhead_power"])
    out["cooling_heat_rejected"] = heat
    out["cooling_tons"] = energy.refrigeration_tons(heat)
    with np.errstate(divide="ignore", invalid="ignore"):
        out["cooling_cop"] = heat / out["cooling_power"]  # inf when nothing is spent on cooling
    out["annual_cost"] = energy.annual_cost(out["annual_energy"], x["electricity_price"])
    out["annual_co2"] = energy.annual_co2(out["annual_energy"], x["carbon_intensity"])
    out["annual_water"] = energy.annual_water(it_energy, x["wue"])

    data = {**x, "chips": deployed, "server_overhead": overhead_factor, **out}
    for name, (units, long_name) in _ATTRS.items():
        data[name] = Variable(data[name].dims, data[name].data, {"units": units, "long_name": long_name})
    data["chips"].attrs["note"] = "as given" if chips is not None else "filled: as many as the IT power can feed"
    data["server_overhead"].attrs["basis"] = (
        "given" if server_overhead is not None else "per chip from the catalog (see overhead_basis)"
    )
    data["peak_flops"].attrs["note"] = "peak of the chips the site can power: min(chips, chips_supported)"
    data["annual_energy"].attrs["note"] = f"site power x load factor x {hours:g} h per year"
    for name in list(data):
        if name in coords:  # a swept input that is its own coordinate: keep it there, with attrs
            coords[name] = Variable(coords[name].dims, coords[name].data, data.pop(name).attrs)
    data["basis_per"] = bases["basis_per"]
    data["overhead_basis"] = hw["overhead_basis"]
    ds = xr.Dataset(data, coords={**coords, **hw_coords, **basis_coords})
    ds.attrs = {"site_preset": site, "model": "explorer.compute", "catalog": "explorer/data/catalog.toml"}
    return ds


_ATTRS = {**INPUTS, **OUTPUTS}


@lru_cache(maxsize=16)
def _site_inputs(site: str) -> dict[str, Any]:
    return catalog.site_inputs(site)


@lru_cache(maxsize=1)
def _conventions() -> tuple[float, float]:
    return (
        catalog.value("conventions.hours_per_year", "hour / year"),
        catalog.value("conventions.persons_per_household", "person / household"),
    )


@lru_cache(maxsize=64)
def _hardware(chip: str | tuple[str, ...]) -> tuple[dict[str, Variable], dict[str, Any]]:
    sel = catalog.chip_table().sel(chip=list(chip) if isinstance(chip, tuple) else chip)
    coords = {k: sel.coords[k].variable for k in ("chip", "precision")}
    return {k: sel[k].variable for k in sel.data_vars}, coords


@lru_cache(maxsize=64)
def _bases(basis: str | tuple[str, ...]) -> tuple[dict[str, Variable], dict[str, Any]]:
    sel = catalog.basis_table().sel(basis=list(basis) if isinstance(basis, tuple) else basis)
    _, persons_per_household = _conventions()
    is_household = sel["basis_per"].variable == "household"
    out = {
        "basis_value": sel["basis_value"].variable,
        "basis_per": sel["basis_per"].variable,
        "households_per_unit": Variable(is_household.dims, np.where(is_household.data, 1.0, 1.0 / persons_per_household)),
        "people_per_unit": Variable(is_household.dims, np.where(is_household.data, persons_per_household, 1.0)),
    }
    return out, {"basis": sel.coords["basis"].variable}


def _input_coords(arrays: dict[str, xr.DataArray]) -> dict[str, Any]:
    labelled = [a for a in arrays.values() if isinstance(a, xr.DataArray) and (a.ndim or a.coords)]
    if not labelled:
        return {}
    try:
        aligned = xr.align(*labelled, join="exact")
    except ValueError as err:
        raise InputError("dimensions", "mismatched coordinates", "inputs that share a dimension must share its coordinates") from err
    coords: dict[str, Any] = {}
    for a in aligned:
        for name, c in a.coords.items():
            coords.setdefault(name, c.variable)
    return coords


def _default(name: str, preset: dict[str, Any]) -> float:
    if name in preset:
        return preset[name]
    return catalog.value(f"defaults.{name}", "dimensionless")
