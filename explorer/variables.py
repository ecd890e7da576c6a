"""One registry of the core's variables: name → units, long name, description, kind, module.

`explorer.compute`, `explorer.climate_year` and `explorer.grid_shares` label their Datasets from
here; the CLI tables, the app's labels and the glossary (``notebooks/glossary.md``) read it too.
A name means one thing wherever it appears (``it_power`` is the IT load the powered chips draw
in `compute` and in the climate year alike).

The ``kind`` of an output says how it behaves at part load:

``operating point``
    what the powered chips draw or make (IT load, cooling, losses, heat, water, energy, cost,
    CO₂, city, FLOP/s): it scales with the chips powered;
``capacity``
    what the site could draw or hold when full (``*_capacity``, ``chips_supported``): it does not
    depend on the chips deployed;
``per chip`` / ``ratio``
    a property of one accelerator, or a ratio that does not scale (PUE, COP, shares);
``input``, ``context``, ``training``
    an input as used; a reference figure (a state's consumption); the training chain's outputs.

Examples
--------
>>> REGISTRY["cooling_power"].units, REGISTRY["cooling_power"].kind
('MW', 'operating point')
>>> attrs("it_power_capacity")["long_name"]
'IT power the site could draw when full (site power x IT share)'
"""

from __future__ import annotations

from dataclasses import dataclass

from . import training


@dataclass(frozen=True)
class Var:
    """One variable: its units, long name (the Dataset's ``long_name``), a longer description,
    its kind (see the module docstring) and the module(s) that make it."""

    units: str
    long_name: str
    kind: str
    module: str
    description: str = ""


_OP, _CAP, _RATIO, _CHIP, _IN, _CTX = (
    "operating point",
    "capacity",
    "ratio",
    "per chip",
    "input",
    "context",
)
_M, _C, _G = "explorer.model", "explorer.climate", "explorer.grid"

# The inputs of `explorer.compute` (their names are the CLI options and the app's URL parameters).
_INPUTS: dict[str, Var] = {
    "site_power": Var("MW", "facility power at the grid connection", _IN, _M),
    "cooling_fraction": Var(
        "1",
        "share of facility power spent on cooling",
        _IN,
        _M,
        "Default: the site's plant over its climate year where the preset has a weather station "
        "(cooling energy / facility energy), else the preset's or the catalog's figure.",
    ),
    "pue": Var("1", "power usage effectiveness (facility / IT)", _RATIO, f"{_M}, {_C}"),
    "overhead_fraction": Var(
        "1", "share of facility power lost in distribution, UPS and lighting", _IN, _M
    ),
    "chips": Var("count", "accelerators deployed", _IN, _M),
    "chip_tdp": Var("W", "power per accelerator (catalog TDP, or as given)", _CHIP, _M),
    "server_overhead": Var("1", "all-in IT power per chip / chip TDP", _CHIP, _M),
    "it_overhead": Var(
        "1",
        "campus IT power / servers' IT power (scale-out network, storage, management)",
        _IN,
        _M,
        "Applied in the chip count: accelerator_power = chip_power x it_overhead. Default 1 "
        "(the servers' nameplate power reproduces announced campuses); 1.089 is SemiAnalysis's "
        "itemised campus figure (catalog campus.it_overhead).",
    ),
    "mfu": Var("1", "model FLOPs utilisation", _IN, _M),
    "load_factor": Var("1", "average / peak facility load over a year", _IN, _M),
    "electricity_price": Var("USD/MWh", "industrial electricity price", _IN, _M),
    "carbon_intensity": Var("g/kWh", "grid carbon intensity (CO2e)", _IN, _M),
    "wue": Var(
        "L/kWh",
        "water usage effectiveness (litres per IT kWh)",
        _IN,
        _M,
        "Default: the plant's climate-year WUE where the preset has a weather station.",
    ),
    "training_compute": Var("FLOP", "compute of the training run", _IN, _M),
    "parameters": Var("count", "model parameters (N in C = 6 N D)", _IN, _M),
    "tokens": Var("count", "training tokens (D in C = 6 N D)", _IN, _M),
    "job_chips": Var("count", "accelerators in the training job", _IN, _M),
    "checkpoint_minutes": Var("min", "time a checkpoint stalls training", _IN, _M),
    "restart_minutes": Var("min", "time from an interruption to training again", _IN, _M),
    "restart_growth": Var(
        "min", "restart minutes added per 1,000 job chips beyond 16,384", _IN, _M
    ),
    "interruption_rate": Var("1/h", "interruptions per accelerator-hour", _IN, _M),
}

# The outputs of every `explorer.compute` call.
_SITE: dict[str, Var] = {
    "it_power": Var(
        "MW",
        "IT power the powered chips draw",
        _OP,
        f"{_M}, {_C}",
        "The operating point: facility_load / PUE. At a full site it equals it_power_capacity.",
    ),
    "cooling_power": Var(
        "MW",
        "electric power of the cooling plant at the load",
        _OP,
        f"{_M}, {_C}",
        "cooling_fraction x facility_load.",
    ),
    "overhead_power": Var(
        "MW",
        "power lost in distribution, UPS and lighting at the load",
        _OP,
        _M,
        "overhead_fraction x facility_load.",
    ),
    "it_power_capacity": Var(
        "MW", "IT power the site could draw when full (site power x IT share)", _CAP, _M
    ),
    "cooling_power_capacity": Var(
        "MW", "cooling power of the site when full (site power x cooling share)", _CAP, _M
    ),
    "overhead_power_capacity": Var(
        "MW", "distribution, UPS and lighting losses of the site when full", _CAP, _M
    ),
    "chip_power": Var("kW", "all-in IT power per accelerator in its server", _CHIP, _M),
    "accelerator_power": Var(
        "kW",
        "IT power per accelerator at campus scale (chip_power x it_overhead)",
        _CHIP,
        _M,
        "The servers' power per chip plus the campus's network, storage and management: what "
        "the chip count divides the IT power by.",
    ),
    "cap_throughput": Var(
        "1", "per-accelerator throughput at chip_tdp / at the rated TDP", _CHIP, "explorer.cluster"
    ),
    "chips_supported": Var("count", "accelerators the site's IT capacity can feed", _CAP, _M),
    "chips_powered": Var("count", "deployed accelerators the site can power", _OP, _M),
    "power_required": Var("MW", "facility power the deployed chips need", _OP, _M),
    "power_headroom": Var("MW", "site power minus power required (negative: not enough)", _CAP, _M),
    "facility_load": Var(
        "MW", "facility power the powered chips draw (site power when filled)", _OP, _M
    ),
    "peak_flops": Var("FLOP/s", "cluster peak FLOP/s of the powered chips", _OP, _M),
    "effective_flops": Var("FLOP/s", "cluster FLOP/s achieved at the MFU", _OP, _M),
    "flops_per_watt": Var("FLOP/s/W", "peak FLOP/s per watt of facility power", _RATIO, _M),
    "hbm_capacity": Var("TB", "HBM of the powered chips", _OP, _M),
    "hbm_bandwidth": Var("TB/s", "HBM bandwidth of the powered chips", _OP, _M),
    "annual_energy": Var(
        "GWh", "facility electricity per year", _OP, f"{_M}, {_C}, {_G}", "load x load factor x h"
    ),
    "basis_value": Var(
        "kWh/yr", "annual electricity per person or household on the basis", _CTX, _M
    ),
    "city_people": Var("people", "people whose electricity use equals the site's", _OP, _M),
    "city_households": Var(
        "households", "households whose electricity use equals the site's", _OP, _M
    ),
    "heat_removed": Var(
        "MW", "heat removed from the halls (IT + losses at the load), thermal", _OP, _M
    ),
    "heat_removed_tons": Var(
        "refrigeration ton", "heat removed from the halls, in refrigeration tons", _OP, _M
    ),
    "heat_rejected": Var("MW", "heat rejected outside (the whole facility load), thermal", _OP, _M),
    "heat_rejected_tons": Var(
        "refrigeration ton", "heat rejected outside, in refrigeration tons", _OP, _M
    ),
    "cooling_cop": Var(
        "1",
        "heat removed per unit of cooling power at the load (implied COP)",
        _RATIO,
        _M,
        "heat_removed / cooling_power at the same operating point.",
    ),
    "annual_cost": Var("USD", "electricity cost per year", _OP, f"{_M}, {_C}"),
    "annual_co2": Var(
        "t", "CO2e emitted per year at the grid's average intensity", _OP, f"{_M}, {_C}"
    ),
    "annual_water": Var(
        "m3",
        "water used on site per year (evaporative cooling)",
        _OP,
        f"{_M}, {_C}",
        "wue x IT energy; zero with no cooling plant (cooling_fraction = 0).",
    ),
}

# The training chain's outputs in `compute` (with a run): the site's share, then the chain's own
# table (`explorer.training.OUTPUTS`, which the training module keeps).
_TRAINING: dict[str, Var] = {
    "job_chips": _INPUTS["job_chips"],
    "job_power": Var("MW", "facility power of the job's share of the site", _OP, _M),
    "job_flops": Var("FLOP/s", "FLOP/s the job delivers at the MFU", _OP, _M),
    **{
        k: Var(u, long, "training", "explorer.training")
        for k, (u, long) in {**training.OUTPUTS, **training.CHECK_OUTPUTS}.items()
    },
}

# The climate year's own variables (`explorer.climate_year`); it_power, cooling_power, pue,
# cooling_fraction, annual_energy, annual_cost, annual_co2 and annual_water are shared above.
_CLIMATE: dict[str, Var] = {
    "dry_bulb": Var(
        "degC", "outdoor dry-bulb temperature (mean of the clock hour over the month)", _CTX, _C
    ),
    "wet_bulb": Var(
        "degC", "outdoor wet-bulb temperature (mean of the clock hour over the month)", _CTX, _C
    ),
    "humidity_ratio": Var("kg/kg", "outdoor humidity ratio (water per dry air)", _CTX, _C),
    "free_cooling": Var("1", "share of this hour's heat removed without compressors", _RATIO, _C),
    "facility_power": Var("MW", "facility power drawn this hour", _OP, _C),
    "water": Var("m3/h", "water drawn on site this hour (evaporation and bleed-off)", _OP, _C),
    "energy": Var("MWh", "energy of this clock hour over all days of the month", _OP, _C),
    "cooling_power_mean": Var("MW", "mean cooling power over the month", _OP, _C),
    "pue_month": Var("1", "PUE over the month (facility energy / IT energy)", _RATIO, _C),
    "free_cooling_hours": Var(
        "h", "hours of free cooling in the month (heat-weighted equivalent hours)", _RATIO, _C
    ),
    "water_month": Var("m3", "water drawn on site in the month", _OP, _C),
    "hot_day_dry_bulb": Var(
        "degC", "dry-bulb of the hot day (the plant's worst design or typical-year day)", _CTX, _C
    ),
    "hot_day_wet_bulb": Var("degC", "wet-bulb of the hot day", _CTX, _C),
    "hot_day_cooling_power": Var("MW", "cooling power on the hot day", _OP, _C),
    "day_cooling_per_it": Var(
        "1",
        "cooling power per unit of IT power, each hour of each real day of the typical year",
        _RATIO,
        _C,
    ),
    "peak_cooling_power": Var("MW", "hot-day peak cooling power", _OP, _C),
    "mean_cooling_power": Var("MW", "annual mean cooling power", _OP, _C),
    "hot_day_excess_energy": Var(
        "MWh", "cooling energy of the hot day above the annual mean power", _OP, _C
    ),
    "peak_facility_power": Var("MW", "highest facility power of the year or the hot day", _OP, _C),
    "hours_above_site_power": Var(
        "h",
        "hours of the typical year whose facility power exceeds the site power",
        _OP,
        _C,
        "The site power carries the annual PUE (compute's PUE); the hottest hours draw more.",
    ),
    "annual_cooling_energy": Var("GWh", "cooling energy per year", _OP, _C),
    "annual_pue": Var("1", "annual PUE (facility energy / IT energy)", _RATIO, _C),
    "annual_cooling_fraction": Var(
        "1",
        "annual cooling share (cooling energy / facility energy)",
        _RATIO,
        _C,
        "The constant cooling_fraction that gives the year's annual PUE: compute's default.",
    ),
    "annual_free_cooling_hours": Var(
        "h", "free-cooling hours per year (heat-weighted equivalent hours)", _RATIO, _C
    ),
    "regime": Var(
        "1",
        "plant regime most days at this hour: 0 free (economiser), 1 evaporative, 2 mechanical",
        _CTX,
        _C,
    ),
    "hours_free_cooling": Var(
        "h", "hours per year on outside air (economiser) alone, fans only", _RATIO, _C
    ),
    "hours_evaporative": Var(
        "h", "hours per year with the evaporative media and no compressor", _RATIO, _C
    ),
    "hours_mechanical": Var(
        "h", "hours per year with a compressor (trim, chillers or DX) running", _RATIO, _C
    ),
    "annual_wue": Var("L/kWh", "water usage effectiveness (litres per IT kWh)", _RATIO, _C),
}

# The grid shares (`explorer.grid_shares`).
_LBNL = "(LBNL 2024)"
_GRID: dict[str, Var] = {
    "peak_power": Var("MW", "the site's peak draw on the grid", _OP, _G),
    "state_consumption": Var(
        "TWh/yr", "the state's annual electricity consumption (retail sales)", _CTX, _G
    ),
    "utility_peak": Var("MW", "the serving utility's peak demand", _CTX, _G),
    "operator_peak": Var("MW", "the grid operator's peak load", _CTX, _G),
    "share_of_state_energy": Var("1", "site energy / the state's annual consumption", _OP, _G),
    "share_of_utility_peak": Var("1", "site peak / the serving utility's peak", _OP, _G),
    "share_of_operator_peak": Var("1", "site peak / the grid operator's peak", _OP, _G),
    "share_of_us_datacenters": Var(
        "1", "site energy / US data centres' energy in 2023 (LBNL)", _OP, _G
    ),
    "us_datacenter_energy_2023": Var(
        "TWh/yr", f"US data centres' electricity in 2023 {_LBNL}", _CTX, _G
    ),
    "us_datacenter_energy_2028_low": Var(
        "TWh/yr", f"US data centres' electricity in 2028, low scenario {_LBNL}", _CTX, _G
    ),
    "us_datacenter_energy_2028_high": Var(
        "TWh/yr", f"US data centres' electricity in 2028, high scenario {_LBNL}", _CTX, _G
    ),
    "us_datacenter_share_2023": Var(
        "1", f"US data centres' share of US electricity in 2023 {_LBNL}", _CTX, _G
    ),
    "us_datacenter_share_2028_low": Var(
        "1", f"US data centres' share of US electricity in 2028, low {_LBNL}", _CTX, _G
    ),
    "us_datacenter_share_2028_high": Var(
        "1", f"US data centres' share of US electricity in 2028, high {_LBNL}", _CTX, _G
    ),
}

REGISTRY: dict[str, Var] = {**_INPUTS, **_SITE, **_TRAINING, **_CLIMATE, **_GRID}

#: The names of each result, in the order the results list them.
INPUT_NAMES = tuple(_INPUTS)
SITE_OUTPUT_NAMES = tuple(_SITE)
TRAINING_OUTPUT_NAMES = tuple(_TRAINING)
CLIMATE_NAMES = (
    "dry_bulb",
    "wet_bulb",
    "humidity_ratio",
    "cooling_fraction",
    "free_cooling",
    "it_power",
    "facility_power",
    "cooling_power",
    "pue",
    "water",
    "energy",
    "cooling_power_mean",
    "pue_month",
    "free_cooling_hours",
    "water_month",
    "hot_day_dry_bulb",
    "hot_day_wet_bulb",
    "hot_day_cooling_power",
    "day_cooling_per_it",
    "peak_cooling_power",
    "mean_cooling_power",
    "hot_day_excess_energy",
    "peak_facility_power",
    "hours_above_site_power",
    "annual_energy",
    "annual_cooling_energy",
    "annual_pue",
    "annual_cooling_fraction",
    "annual_free_cooling_hours",
    "annual_water",
    "regime",
    "hours_free_cooling",
    "hours_evaporative",
    "hours_mechanical",
    "annual_wue",
    "annual_cost",
    "annual_co2",
)
GRID_NAMES = ("annual_energy", *_GRID)


def attrs(name: str) -> dict[str, str]:
    """The ``units`` and ``long_name`` attributes of a registered variable.

    Examples
    --------
    >>> attrs("cooling_cop")["units"]
    '1'
    """
    v = REGISTRY[name]
    return {"units": v.units, "long_name": v.long_name}


def table(names: tuple[str, ...] | list[str]) -> dict[str, tuple[str, str]]:
    """``{name: (units, long_name)}`` of `names` (the shape the CLI's tables and older code read).

    Examples
    --------
    >>> table(["site_power"])
    {'site_power': ('MW', 'facility power at the grid connection')}
    """
    return {k: (REGISTRY[k].units, REGISTRY[k].long_name) for k in names}


def of_kind(kind: str, names: tuple[str, ...] | list[str] | None = None) -> tuple[str, ...]:
    """The registered names (of `names`, default all) of one `kind`.

    Examples
    --------
    >>> of_kind("capacity", SITE_OUTPUT_NAMES)[:3]
    ('it_power_capacity', 'cooling_power_capacity', 'overhead_power_capacity')
    """
    return tuple(k for k in (REGISTRY if names is None else names) if REGISTRY[k].kind == kind)
