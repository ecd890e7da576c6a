"""`compute`: one scenario or a whole sweep, in one vectorised pass, as an xarray Dataset.

Inputs broadcast by name: a scalar is one scenario; a list, 1-d array or DataArray adds a
dimension. Every variable of the result carries ``units`` and ``long_name``.

`compute` runs three steps, each its own function:

1. `resolve_inputs`: defaults from the site preset and the catalog, ``pue`` → cooling share,
   validation, size limit, hardware and basis tables, coordinates (a `Resolved`);
2. `physics`: the formulas, on xarray Variables, into a dict of output variables; with a
   training run (``model``, ``parameters`` + ``tokens`` or ``training_compute``) it ends with
   `training_physics`, the training chain of `explorer.training` on the site's outputs;
3. `build_dataset`: units, long names and notes, coordinates.

The heat model. ``facility_load`` is the facility power the powered chips draw (``site_power``
when the site is filled). At any load the facility runs at its PUE: cooling and other losses are
the same shares of the load as of the site's capacity. So ``heat_removed`` (from the halls: IT
and losses) = load × (1 − cooling share), ``heat_rejected`` (to the outside: everything,
the cooling plant's own electricity included) = load, and
``heat_removed + cooling share × load == heat_rejected``; when the site is filled,
``cooling share × load`` is ``cooling_power``. (Real plants have fixed losses that make the PUE
worse at part load; this model leaves that out.)
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
import xarray as xr
from xarray import Variable

from . import catalog, climate, cluster, energy, power, training, validate, variables
from .catalog import DEFAULT_SITE, PRECISIONS
from .errors import InputError
from .units import factor

# name: (units, long_name), from the one registry (`explorer.variables`). These names are the
# public API (see the README glossary); the CLI options and the app's URL parameters derive from
# them.
INPUTS: dict[str, tuple[str, str]] = variables.table(variables.INPUT_NAMES)
# inputs that are catalog names, and their catalog group
NAMED_INPUTS: dict[str, str] = {"chip": "chips", "basis": "bases", "model": "models"}
# the ways to give a training run (exactly one: model, parameters and tokens, training_compute)
RUN_INPUTS = ("model", "parameters", "tokens", "training_compute")
# inputs that only mean something with a training run
TRAINING_INPUTS = (
    "training_compute",
    "parameters",
    "tokens",
    "job_chips",
    "checkpoint_minutes",
    "restart_minutes",
    "interruption_rate",
    "restart_growth",
)
# numeric inputs with no default here: left out, they are not applied (the training chain's
# defaults are resolved with the run: job_chips = chips powered, the rest from the catalog)
OPTIONAL = ("pue", "chips", "chip_tdp", "server_overhead", *TRAINING_INPUTS)
# Where a default cooling share comes from (`resolve_inputs`): ``climate`` (the plant's climate
# year), ``article`` (the preset's published figure, e.g. Mississippi's 0.40), ``catalog`` (the
# preset's cooling reference PUE) or ``given``. `cooling_default` chooses between the first two.
COOLING_DEFAULTS = ("climate", "article")
COOLING_BASES = ("given", "climate", "article", "catalog")
# the scenario's keywords beside the inputs: the plant and which default cooling share to take
SCENARIO_KEYWORDS = ("cooling_tech", "station", "cooling_default")
# dimensions of the result that inputs may not use for their own
OUTPUT_DIMS = ("chip", "precision", "basis", "model")

# Outputs of every call (the site, its chips, energy, heat, cost): the operating point (what the
# powered chips draw) and the capacity (`*_capacity`: what the site could draw when full).
SITE_OUTPUTS: dict[str, tuple[str, str]] = variables.table(variables.SITE_OUTPUT_NAMES)
# Outputs of the training chain: present only when a run is given (`RUN_INPUTS`).
TRAINING_OUTPUTS: dict[str, tuple[str, str]] = variables.table(variables.TRAINING_OUTPUT_NAMES)
OUTPUTS: dict[str, tuple[str, str]] = {**SITE_OUTPUTS, **TRAINING_OUTPUTS}
# The outputs that do not depend on the chips deployed (what the site could draw when full).
CAPACITY_OUTPUTS = variables.of_kind("capacity", variables.SITE_OUTPUT_NAMES)
# The outputs that scale with the chips powered (the operating point).
OPERATING_OUTPUTS = variables.of_kind("operating point", variables.SITE_OUTPUT_NAMES)

# Old output names and what they are now (README glossary).
RENAMED = {"cooling_heat_rejected": "heat_removed", "cooling_tons": "heat_removed_tons"}

# Size limit of one call, from memory. A point is one element of the largest output (every
# dimension, precision included). Measured on the generic site: a 1-d site-power sweep of 10^7
# points built a 747 MB result (75 bytes per point, 852 MB peak RSS); when every output varies
# along every dimension (e.g. chips and chip swept too) it nears 100 bytes per point. 100 bytes
# per point and an 800 MB budget keep one call under 1 GB.
BYTES_PER_POINT = 100
MEMORY_BUDGET = 800e6  # bytes
MAX_POINTS = int(MEMORY_BUDGET // BYTES_PER_POINT)

_W_TO_KW = factor("W", "kW")
_KW_TO_MW = factor("kW", "MW")


def compute(
    site: str = DEFAULT_SITE,
    uncertainty: str | None = None,
    *,
    cooling_tech: str | None = None,
    station: Any = None,
    cooling_default: str | None = None,
    **inputs: Any,
) -> xr.Dataset:
    """Everything the explorer shows, for one scenario or a grid of them.

    Parameters
    ----------
    site : str, default ``"generic"``
        Site preset for the inputs left out (``explorer catalog sites``): ``generic`` (a modern
        hyperscale AI site), ``rainier-mississippi``, ``rainier-indiana``, ``xai-colossus`` ...
    uncertainty : {None, "range"}, optional
        ``"range"`` adds a ``bound`` dimension (low, central, high): see `explorer.uncertainty`.
    cooling_tech : str, optional
        The cooling plant (``air-evaporative``, ``chiller-economiser``) whose climate year sets
        the default cooling share and WUE; default by chip. Used where the scenario has a
        weather station (the preset's shipped one, or `station`).
    station : str or explorer.climate.Station, optional
        A shipped weather station (WMO number) or a `Station`, instead of the preset's.
    cooling_default : {None, "climate", "article"}, optional
        With no cooling share given: ``"climate"`` (the default where the scenario has a plant)
        takes the plant's annual cooling share and WUE over its climate year, so the PUE is the
        climate year's annual PUE; ``"article"`` takes the preset's published figure ("as the
        article says", e.g. Mississippi's 0.40).
    site_power : float or array-like, optional
        Facility power at the grid connection [MW], 1 … 10,000.
    cooling_fraction : float or array-like, optional
        Share of site power spent on cooling [1], 0 ≤ f < 1.
    pue : float or array-like, optional
        Power usage effectiveness [1], instead of `cooling_fraction`:
        cooling = 1 − 1/PUE − overhead_fraction. Giving both is an InputError.
    overhead_fraction : float or array-like, optional
        Share of site power lost in distribution, UPS and lighting [1] (catalog default 0.03).
    chip : str or list of str, optional
        Accelerator(s) from the catalog; a list adds a ``chip`` dimension.
    chips : float or array-like, optional
        Accelerators deployed [count] ≥ 1; ``None`` (default) fills the site.
    chip_tdp : float or array-like, optional
        Power one accelerator is provisioned or capped at [W], overriding the catalog TDP;
        0.25–1.5 × the chip's catalog TDP.
    server_overhead : float or array-like, optional
        All-in IT power per chip / chip TDP [1] (default per chip from the catalog).
    it_overhead : float or array-like, optional
        Campus IT power / the servers' IT power [1], 1 … 2: scale-out network, storage and
        management beside the servers, applied in the chip count (``accelerator_power``). Default
        1 (the servers' nameplate power reproduces announced campuses); 1.089 is SemiAnalysis's
        itemised campus figure (catalog ``campus.it_overhead``).
    mfu : float or array-like, optional
        Model FLOPs utilisation [1], 0.01 … 1.
    load_factor : float or array-like, optional
        Average / peak facility load over a year [1], 0.01 … 1.
    basis : str or list of str, optional
        The "city" basis (``us-household``, ``us-person``, ``us-ms-person``, ``ie-person`` …).
    electricity_price : float or array-like, optional
        Industrial electricity price [USD/MWh].
    carbon_intensity : float or array-like, optional
        Grid carbon intensity [g CO2e/kWh].
    wue : float or array-like, optional
        Water usage effectiveness [L per IT kWh].
    model : str or list of str, optional
        A training run: catalog model name(s) (``explorer catalog models``); a list adds a
        ``model`` dimension. Give exactly one way to set the run: `model`, `parameters` and
        `tokens`, or `training_compute`.
    parameters, tokens : float or array-like, optional
        A training run as C = 6 N D: model parameters N and training tokens D [count], both.
    training_compute : float or array-like, optional
        A training run as its compute [FLOP].
    job_chips : float or array-like, optional
        Accelerators in the synchronous training job [count, whole]; default: the chips powered.
        More than the site powers is allowed (``job_power`` then exceeds ``facility_load``).
    checkpoint_minutes : float or array-like, optional
        Time one checkpoint stalls training [min], > 0 (near 0 for in-memory checkpoints);
        default from the catalog.
    restart_minutes : float or array-like, optional
        Time from an interruption to training again [min]; default from the catalog.
    interruption_rate : float or array-like, optional
        Interruptions per accelerator-hour [1/h]; default per chip from the catalog.

    Returns
    -------
    xarray.Dataset
        The inputs as used and every output of `SITE_OUTPUTS`, each with ``units`` and
        ``long_name``; with a training run also `TRAINING_OUTPUTS` (along ``precision`` where
        they depend on the FLOP/s).

    Notes
    -----
    The training job draws its share of the site: ``job_power = job_chips / chips_powered ×
    facility_load`` (for deployed chips that is ``job_chips × chip_power × PUE``); the run's
    energy is ``job_power × training_days × 24 h``, its CO₂ and cost follow from the grid's
    intensity and price. Goodput follows Daly's higher-order checkpoint model
    (`explorer.training.chain`); settings that make progress impossible set
    ``training_impossible`` (infinite days), never an exception.

    Raises
    ------
    InputError
        Bad input: names the field, the value and the allowed range.

    References
    ----------
    .. [1] The Green Grid, "PUE: a comprehensive examination of the metric" (2012).
    .. [2] Epoch AI, "AI supercomputers power trend" (2025): facility power = chips × TDP ×
       server overhead × PUE.

    Examples
    --------
    >>> import explorer
    >>> ds = explorer.compute(site_power=300, cooling_fraction=0.4, chip="trn2")
    >>> round(float(ds.city_households), -3)
    245000.0
    >>> ds = explorer.compute(chip="h100", chips=100_000, site="generic")
    >>> round(float(ds.facility_load), 1)  # 100,000 x 0.7 kW x 1.82 x PUE 1.18
    150.3
    >>> run = explorer.compute(chip="h100", model="llama3-405b", job_chips=16384, mfu=0.4)
    >>> round(float(run.goodput), 3), round(float(run.training_days.sel(precision="bf16")), 1)
    (0.853, 79.6)
    >>> explorer.compute(pue=1.2, cooling_fraction=0.1)
    Traceback (most recent call last):
    ...
    explorer.errors.InputError: cooling_fraction + pue = (0.1, 1.2) are two ways to set the cooling:
    give only one; allowed: one of them.
    """
    if uncertainty is not None:  # the ranges live above the model (explorer.uncertainty)
        raise InputError(
            "uncertainty",
            uncertainty,
            "explorer.compute(..., uncertainty='range') (the package's compute)",
            "is not taken by explorer.model.compute",
        )
    resolved = resolve_inputs(site, inputs, station, cooling_tech, cooling_default)
    out = physics(resolved)
    return build_dataset(resolved, out)


# ------------------------------------------------------------------------ 1. resolve inputs
@dataclass(frozen=True)
class Resolved:
    """The checked inputs of one `compute` call, ready for the physics."""

    site: str
    x: dict[str, Variable]  # numeric inputs in model units (cooling_fraction always present)
    given: frozenset[str]  # the inputs the caller gave
    chip: str | list[str]
    basis: str | list[str]
    hw: dict[str, Variable]  # per-chip catalog figures (tdp replaced when chip_tdp is given)
    bases: dict[str, Variable]
    coords: dict[str, Any]
    hours: float
    run: Variable | None = None  # the training run's compute [FLOP]; None: no training outputs
    station: str | None = None  # the plant's weather station (WMO number), if the scenario has one
    cooling_tech: str | None = None  # the plant's cooling technology, if the scenario has one
    cooling_basis: str = "given"  # where the cooling share comes from (`COOLING_BASES`)
    parameters: Variable | None = None  # the run's parameters [count]; NaN where unknown


def check_input_names(
    inputs: dict[str, Any], others: tuple[str, ...] = (), leave_out: tuple[str, ...] = ()
) -> None:
    """InputError naming the first key of `inputs` that is not a `compute` input.

    `others` are the caller's own parameters (listed in the message as allowed too), `leave_out`
    the compute inputs the caller does not take (handled by the caller's own message).

    Examples
    --------
    >>> check_input_names({"pue": 1.2})
    >>> check_input_names({"bogus": 1}, ("site",))
    Traceback (most recent call last):
    ...
    explorer.errors.InputError: bogus = 1 is not a known input; allowed: site_power, ...
    """
    known = [k for k in (*INPUTS, *NAMED_INPUTS, *SCENARIO_KEYWORDS) if k not in leave_out]
    unknown = sorted(k for k in inputs if k not in known and k not in leave_out)
    if unknown:
        key = unknown[0]
        raise InputError(key, inputs[key], ", ".join([*known, *others]), "is not a known input")


def resolve_inputs(
    site: str,
    inputs: dict[str, Any],
    station: Any = None,
    cooling_tech: str | None = None,
    cooling_default: str | None = None,
) -> Resolved:
    """Defaults, validation and lookups for `compute`'s inputs.

    Where the scenario has a plant (`explorer.climate.plant_for`: a shipped weather station and a
    cooling technology), the default cooling share and WUE are the plant's over its climate year
    (`explorer.climate.annual_cooling`); ``cooling_default="article"`` takes the preset's
    published figure instead (`COOLING_DEFAULTS`).

    Examples
    --------
    >>> r = resolve_inputs("generic", {"pue": 1.2})
    >>> round(float(r.x["cooling_fraction"].values), 4)  # 1 - 1/1.2 - 0.03
    0.1367
    >>> resolve_inputs("rainier-mississippi", {}).cooling_basis
    'climate'
    >>> r = resolve_inputs("rainier-mississippi", {}, cooling_default="article")
    >>> float(r.x["cooling_fraction"].values), r.cooling_basis
    (0.4, 'article')
    """
    check_input_names(inputs, ("site", "uncertainty", *SCENARIO_KEYWORDS))
    given = {k: v for k, v in inputs.items() if v is not None and k not in SCENARIO_KEYWORDS}
    station = station if station is not None else inputs.get("station")
    cooling_tech = cooling_tech or inputs.get("cooling_tech")
    cooling_default = cooling_default or inputs.get("cooling_default")
    site = catalog.check_name("site", site, "sites")
    if cooling_default is not None and cooling_default not in COOLING_DEFAULTS:
        raise InputError(
            "cooling_default", cooling_default, "one of " + ", ".join(COOLING_DEFAULTS)
        )
    preset = _site_inputs(site)
    plant = climate.plant_for(site, station, cooling_tech, given.get("chip", preset["chip"]))
    cooling_given = "cooling_fraction" in given or "pue" in given
    if cooling_given:
        cooling_basis = "given"
    elif plant is not None and cooling_default != "article":
        cooling_basis = "climate"
    elif "cooling_fraction" in catalog.raw()["sites"][site]:
        cooling_basis = "article"
    else:
        cooling_basis = "catalog"
    chip = validate.name_list(
        "chip", given.get("chip", preset["chip"]), catalog.names("chips"), catalog.aliases("chips")
    )
    basis = validate.name_list(
        "basis",
        given.get("basis", preset["basis"]),
        catalog.names("bases"),
        catalog.aliases("bases"),
    )
    model = (
        validate.name_list("model", given["model"], catalog.names("models"))
        if "model" in given
        else None
    )
    check_size({k: v for k, v in given.items() if k in INPUTS}, chip, basis, model)
    if "pue" in given and "cooling_fraction" in given:
        both = tuple(brief(given[k]) for k in ("cooling_fraction", "pue"))
        raise InputError(
            "cooling_fraction + pue",
            both,
            "one of them",
            "are two ways to set the cooling: give only one",
        )

    x: dict[str, Any] = {}
    for name in INPUTS:
        if name in given:
            x[name] = validate.labelled(name, given[name])
        elif name in OPTIONAL:
            continue
        elif name == "cooling_fraction" and "pue" in given:
            continue
        elif name in ("cooling_fraction", "wue") and cooling_basis == "climate":
            continue  # the plant's year sets them, from the overhead share (below)
        elif name == "cooling_fraction" and "pue" in preset:
            x["pue"] = validate.labelled("pue", preset["pue"])  # the site's PUE sets the cooling
        else:
            x[name] = validate.labelled(name, _default(name, preset))
    if "pue" in x:
        cooling = cooling_from_pue(x.pop("pue"), x["overhead_fraction"])
        x = {
            k: x.get(k, cooling) for k in INPUTS if k in x or k == "cooling_fraction"
        }  # INPUTS' order
    if cooling_basis == "climate":
        fc, wue = climate.annual_cooling(*plant, _var(x["overhead_fraction"]))
        x["cooling_fraction"] = fc
        if "wue" not in x:
            x["wue"] = wue
        x = {k: x[k] for k in INPUTS if k in x}  # INPUTS' order
    validate.fractions_sum(x["cooling_fraction"], x["overhead_fraction"])

    hw, hw_coords = _hardware(chip if isinstance(chip, str) else tuple(chip))
    if "chip_tdp" in x:
        tdp = hw["tdp"]
        catalog_w = Variable(
            tdp.dims, np.round(tdp.values / _W_TO_KW, 9)
        )  # undo the W → kW rounding
        floor_w = Variable(tdp.dims, np.round(hw["min_power"].values / _W_TO_KW, 9))
        validate.chip_tdp(_var(x["chip_tdp"]), catalog_w, chip, floor_w)
        cap = _var(x["chip_tdp"]) * _W_TO_KW
        curve = cluster.capping_curve()
        share = cluster.cap_throughput(cap, tdp, curve["static_share"], curve["exponent"])
        hw = {
            **hw,
            "tdp": cap,
            "rated_tdp": tdp,
            "cap_throughput": share,
            "peak_flops": hw["peak_flops"] * share,
        }
    bases, basis_coords = _bases(basis if isinstance(basis, str) else tuple(basis))
    run, parameters, run_coords = _training_inputs(x, given, model, chip)
    coords = _input_coords(x)
    variables = {k: _var(v) for k, v in x.items()}
    return Resolved(
        site,
        variables,
        frozenset(given),
        chip,
        basis,
        hw,
        bases,
        {**coords, **hw_coords, **basis_coords, **run_coords},
        _conventions()[0],
        run,
        plant[0].station if plant else None,
        plant[1] if plant else None,
        cooling_basis,
        parameters,
    )


def _training_inputs(
    x: dict[str, Any], given: dict[str, Any], model: str | list[str] | None, chip: str | list[str]
) -> tuple[Variable | None, Variable | None, dict[str, Any]]:
    """The training run's compute [FLOP], parameters [count] and coordinates; the chain's
    defaults go into `x`.

    No run given: (None, None, {}), and a training input given without one is an InputError.
    """
    if not any(k in given for k in RUN_INPUTS):
        stray = [k for k in TRAINING_INPUTS if k in given]
        if stray:
            raise InputError(
                stray[0],
                brief(given[stray[0]]),
                "a training run given with it: model, parameters and tokens, or training_compute",
                "is a training input, but no training run is given",
            )
        return None, None, {}
    c = training.resolve_compute(
        model, x.get("parameters"), x.get("tokens"), x.get("training_compute")
    )
    coords: dict[str, Any] = {}
    if isinstance(c, xr.DataArray):
        coords = {k: v.variable for k, v in c.coords.items()}
    if isinstance(model, str):
        coords["model"] = Variable((), model)
    for name, value in training.defaults().items():
        x.setdefault(name, validate.labelled(name, value))
    if "interruption_rate" not in x:
        x["interruption_rate"] = training.interruption_rate(
            chip if isinstance(chip, str) else tuple(chip)
        )
    known = _var(x["parameters"]) if "parameters" in x else None
    if known is None and model is not None:
        known = training.model_parameters(model)
    return _var(c), training.run_parameters(_var(c), known), coords


def preset_inputs(site: str) -> dict[str, Any]:
    """The scalar inputs a site preset resolves to (cooling share from its PUE where it gives one).

    Examples
    --------
    >>> p = preset_inputs("generic")
    >>> p["chip"], p["site_power"], round(p["cooling_fraction"], 4)  # 1 - 1/1.18 - 0.03
    ('h100', 300.0, 0.1225)
    """
    r = resolve_inputs(site, {})
    return {**{k: float(v.values) for k, v in r.x.items()}, "chip": r.chip, "basis": r.basis}


def cooling_from_pue(pue: Any, overhead_fraction: Any) -> Any:
    """The cooling share a PUE implies [1] = 1 − 1/PUE − overhead; InputError if below 0.

    Examples
    --------
    >>> import xarray as xr
    >>> round(float(cooling_from_pue(xr.Variable((), 1.15), xr.Variable((), 0.03)).values), 4)
    0.1004
    >>> cooling_from_pue(xr.Variable((), 1.02), xr.Variable((), 0.03))
    Traceback (most recent call last):
    ...
    explorer.errors.InputError: pue = 1.02 leaves no room for the other losses
    (overhead_fraction = 0.03); allowed: pue ≥ 1 / (1 − overhead_fraction) = 1.03093.
    """
    cooling = power.cooling_fraction_for_pue(pue, overhead_fraction)
    values = np.asarray(_var(cooling).values)
    if (values < -1e-12).any():
        p, o = np.broadcast_arrays(
            np.asarray(_var(pue).values), np.asarray(_var(overhead_fraction).values)
        )
        i = tuple(np.argwhere(np.broadcast_to(values, p.shape) < -1e-12)[0]) if p.ndim else ()
        raise InputError(
            "pue",
            float(p[i]),
            f"pue ≥ 1 / (1 − overhead_fraction) = {1 / (1 - float(o[i])):g}",
            f"leaves no room for the other losses (overhead_fraction = {float(o[i]):g})",
        )
    return np.maximum(cooling, 0.0) + 0.0  # rounding at the bound never gives -0 or -1e-17


def check_size(
    inputs: dict[str, Any],
    chip: str | list[str],
    basis: str | list[str],
    model: str | list[str] | None = None,
) -> int:
    """The number of points a call will produce; InputError if an input is empty, uses an
    output dimension's name, or the result would pass `MAX_POINTS`. Reads shapes only.

    Examples
    --------
    >>> check_size({"site_power": [1, 2, 3]}, ["h100", "trn2"], "us-household")
    18
    >>> check_size({"site_power": range(10**8)}, "h100", "us-household")
    Traceback (most recent call last):
    ...
    explorer.errors.InputError: size = 300,000,000 points is too large for one call;
    allowed: at most 8,000,000 points (about 800 MB of memory): split the sweep into chunks.
    """
    sizes: dict[str, int] = {"precision": len(PRECISIONS)}
    for name, value in inputs.items():
        if isinstance(value, xr.DataArray):
            clash = [d for d in value.dims if d in OUTPUT_DIMS]
            if clash:
                raise InputError(
                    name,
                    _Plain(f"a DataArray with dimension {clash[0]!r}"),
                    f"dimension names other than {', '.join(OUTPUT_DIMS)}",
                    f"uses the name of an output dimension ({clash[0]!r})",
                )
            shape = dict(value.sizes)
        elif isinstance(value, np.ndarray):
            shape = {name: value.shape[0]} if value.ndim >= 1 else {}
            if value.size == 0:
                shape = {name: 0}
        elif isinstance(value, list | tuple | range):
            shape = {name: len(value)}
        else:
            shape = {}
        for dim, n in shape.items():
            if n == 0:
                raise InputError(
                    name,
                    "[]",
                    validate.BOUNDS[name].describe(name),
                    "is empty (give at least one value)",
                )
            sizes[dim] = max(sizes.get(dim, 0), n)
    for names in (chip, basis, model):
        if names is not None and not isinstance(names, str):
            sizes[f"_{len(sizes)}"] = len(names)
    total = math.prod(sizes.values())
    if total > MAX_POINTS:
        raise InputError(
            "size",
            _Plain(f"{total:,} points"),
            f"at most {MAX_POINTS:,} points (about {MEMORY_BUDGET / 1e6:.0f} MB of memory): "
            "split the sweep into chunks",
            "is too large for one call",
        )
    return total


# ------------------------------------------------------------------------ 2. the physics
def physics(r: Resolved) -> dict[str, Variable]:
    """Every output variable of one `compute` call, from resolved inputs (no Dataset yet).

    The returned dict is the place where a later step (e.g. the training chain) reads
    ``effective_flops``, ``facility_load`` … and adds its own variables.

    Examples
    --------
    >>> out = physics(resolve_inputs("generic", {"site_power": 100, "pue": 1.25}))
    >>> float(out["it_power"].values)  # 100 MW / 1.25
    80.0
    """
    x, hw, hours = r.x, r.hw, r.hours
    sp, fc, fo = x["site_power"], x["cooling_fraction"], x["overhead_fraction"]
    out: dict[str, Variable] = {}
    share = power.it_share(fc, fo)
    out["it_power_capacity"] = power.it_power(sp, share)
    out["cooling_power_capacity"] = power.cooling_power(sp, fc)
    out["overhead_power_capacity"] = power.overhead_power(sp, fo)
    out["pue"] = power.pue(share)

    overhead_factor = x.get("server_overhead", hw["server_overhead"])
    out["chip_tdp"] = hw["tdp"] * (1 / _W_TO_KW)
    out["chip_power"] = cluster.chip_power(hw["tdp"], overhead_factor, hw.get("rated_tdp"))
    out["cap_throughput"] = hw["cap_throughput"]
    # the campus's network, storage and management beside the servers (`cluster.campus_power`)
    out["accelerator_power"] = out["chip_power"] * x["it_overhead"]
    per_chip = out["accelerator_power"]
    out["chips_supported"] = cluster.chips_supported(out["it_power_capacity"], per_chip)
    deployed = x.get("chips", out["chips_supported"])
    out["chips"] = deployed
    out["server_overhead"] = overhead_factor
    out["chips_powered"] = np.minimum(deployed, out["chips_supported"])
    out["power_required"] = cluster.power_required(deployed, per_chip, out["pue"])
    out["power_headroom"] = sp - out["power_required"]
    # a filled site runs at its capacity; deployed chips draw what they need, at most the site
    out["facility_load"] = sp if "chips" not in x else np.minimum(out["power_required"], sp)
    out["peak_flops"] = out["chips_powered"] * hw["peak_flops"]
    out["effective_flops"] = out["peak_flops"] * (x["mfu"] * hw["mfu_scale"])
    out["flops_per_watt"] = cluster.flops_per_watt(hw["peak_flops"], per_chip, out["pue"])
    out["hbm_capacity"] = out["chips_powered"] * hw["hbm_capacity"]
    out["hbm_bandwidth"] = out["chips_powered"] * hw["hbm_bandwidth"]

    # The operating point: the facility load split at the site's shares (a full site: capacity).
    load = out["facility_load"]
    out["it_power"] = power.it_power(load, share)
    out["cooling_power"] = power.cooling_power(load, fc)
    out["overhead_power"] = power.overhead_power(load, fo)
    out["annual_energy"] = energy.annual_energy(load, x["load_factor"], hours)
    it_energy = out["annual_energy"] * share
    out["basis_value"] = r.bases["basis_value"]
    per_basis = energy.city_equivalent(out["annual_energy"], r.bases["basis_value"])
    # A household basis counts households; a person basis counts people. The other follows
    # from the average household size.
    out["city_households"] = per_basis * r.bases["households_per_unit"]
    out["city_people"] = per_basis * r.bases["people_per_unit"]

    out["heat_removed"] = energy.heat_removed(load, fc)
    out["heat_removed_tons"] = energy.refrigeration_tons(out["heat_removed"])
    out["heat_rejected"] = energy.heat_rejected(load)
    out["heat_rejected_tons"] = energy.refrigeration_tons(out["heat_rejected"])
    with np.errstate(divide="ignore", invalid="ignore"):  # inf with no cooling
        out["cooling_cop"] = out["heat_removed"] / out["cooling_power"]
    out["annual_cost"] = energy.annual_cost(out["annual_energy"], x["electricity_price"])
    out["annual_co2"] = energy.annual_co2(out["annual_energy"], x["carbon_intensity"])
    # Water follows the cooling plant: with no cooling (a share of 0) no water evaporates.
    runs = Variable(fc.dims, (fc.data > 0).astype(float)) if fc.ndim else float(fc.values > 0)
    out["annual_water"] = energy.annual_water(it_energy, x["wue"]) * runs
    if r.run is not None:
        out.update(training_physics(r, out))
    return out


def training_physics(r: Resolved, out: dict[str, Variable]) -> dict[str, Variable]:
    """The training chain's outputs, from the resolved inputs and the site's outputs.

    The job runs on ``job_chips`` (default: the chips powered, at least one) and draws its share
    of the facility load; the chain (`explorer.training.chain`) gives goodput, days, energy,
    CO₂ and cost.

    Examples
    --------
    >>> r = resolve_inputs("generic", {"training_compute": 1e24, "job_chips": 1000})
    >>> t = training_physics(r, physics(r))
    >>> round(float(t["job_power"].values), 3)  # 1000 x 0.7 kW x 1.82 x PUE 1.18
    1.503
    """
    x = r.x
    powered = out["chips_powered"]
    at_least_one = Variable(powered.dims, np.maximum(powered.data, 1.0))
    n = x["job_chips"] if "job_chips" in x else at_least_one
    per_chip = out["facility_load"] / at_least_one  # the facility power per powered chip
    if (powered.data < 1).any():  # a site that powers no chip: what one chip would draw
        per_chip = per_chip.where(powered >= 1, out["accelerator_power"] * out["pue"] * _KW_TO_MW)
    job_power = n * per_chip
    per_chip_flops = r.hw["peak_flops"] * (x["mfu"] * r.hw["mfu_scale"])
    res = training.chain(
        per_chip_flops,
        n,
        r.run,
        x["interruption_rate"],
        x["checkpoint_minutes"],
        x["restart_minutes"],
        job_power,
        x["electricity_price"],
        x["carbon_intensity"],
        x["restart_growth"],
    )
    checks = training.run_checks(
        res, r.parameters, n, r.hw["hbm_capacity"], x, at_least_one, per_chip_flops
    )
    return {
        "job_chips": n,
        "job_power": job_power,
        "job_flops": n * per_chip_flops,
        **res,
        **checks,
    }


# ------------------------------------------------------------------------ 3. the Dataset
_ATTRS = {**INPUTS, **OUTPUTS}
_TRAINING_NOTES = {
    "training_impossible": training.IMPOSSIBLE_NOTE,
    "checkpoint_interval": "Daly (2006) higher-order optimum, or the job MTBI where that is better",
    "job_power": (
        "job_chips / chips_powered x facility_load; "
        "above facility_load when the job has more chips than the site powers"
    ),
    "run_energy": "job_power x training_days x 24 h",
    "job_restart_minutes": (
        "restart_minutes + restart_growth per 1,000 job chips beyond 16,384 (MegaScale)"
    ),
    "fits_in_memory": (
        "16 B per parameter (ZeRO, mixed-precision Adam) within 75 % of the job's HBM "
        "(a quarter kept for activations); a run without a known size is sized compute-optimally "
        "(Chinchilla: 20 tokens per parameter)"
    ),
    "best_job_chips": "the job size with the most job chips x goodput, at most the chips powered",
    "training_flags": "bits: " + ", ".join(f"{v} {k}" for k, v in training.FLAGS.items()),
}


def build_dataset(r: Resolved, out: dict[str, Variable]) -> xr.Dataset:
    """The result of `compute`: inputs and outputs with units, long names, notes and coordinates.

    Examples
    --------
    >>> r = resolve_inputs("generic", {})
    >>> build_dataset(r, physics(r)).facility_load.attrs["units"]
    'MW'
    """
    data = {**r.x, **out}
    for name in data:
        units, long_name = _ATTRS[name]
        data[name] = Variable(
            data[name].dims,
            data[name].data,
            {"units": units, "long_name": long_name},
            fastpath=True,
        )
    data["chips"].attrs["note"] = (
        "as given" if "chips" in r.given else "filled: as many as the IT power can feed"
    )
    data["server_overhead"].attrs["basis"] = (
        "given"
        if "server_overhead" in r.given
        else "per chip from the catalog (see overhead_basis)"
    )
    data["chip_tdp"].attrs["basis"] = "given" if "chip_tdp" in r.given else "catalog TDP"
    if "pue" in r.given or r.cooling_basis == "catalog" and "pue" in _site_inputs(r.site):
        data["cooling_fraction"].attrs["note"] = "from the PUE: 1 - 1/PUE - overhead_fraction"
    elif r.cooling_basis == "climate":
        data["cooling_fraction"].attrs["note"] = (
            f"the {r.cooling_tech} plant's annual share at station {r.station} "
            "(climate year: cooling energy / facility energy); "
            "cooling_default='article' gives the preset's published figure"
        )
        data["wue"].attrs["note"] = (
            f"the {r.cooling_tech} plant's annual WUE at station {r.station} (climate year)"
            if "wue" not in r.given
            else "as given"
        )
    elif r.cooling_basis == "article":
        data["cooling_fraction"].attrs["note"] = "the preset's published figure (catalog source)"
    if bool((np.asarray(data["cooling_fraction"].values) == 0).any()):
        data["annual_water"].attrs["note"] = (
            "no cooling plant runs where cooling_fraction = 0: no evaporative water "
            "(domestic use and humidification are not modelled)"
        )
    for name in ("it_power", "cooling_power", "overhead_power"):
        data[name].attrs["note"] = f"at the load; when the site is full: {name}_capacity"
    data["peak_flops"].attrs["note"] = (
        "peak of the chips the site can power: min(chips, chips_supported)"
    )
    data["facility_load"].attrs["note"] = (
        "site power (the site is filled)"
        if "chips" not in r.given
        else "min(power required, site power)"
    )
    data["annual_energy"].attrs["note"] = f"facility load x load factor x {r.hours:g} h per year"
    if r.run is not None:
        for name, note in _TRAINING_NOTES.items():
            data[name].attrs["note"] = note
        data["job_chips"].attrs["note"] = (
            "as given"
            if "job_chips" in r.given
            else "the chips powered (the whole site in one job)"
        )
        data["training_flags"].attrs["flag_masks"] = list(training.FLAGS.values())
        data["training_flags"].attrs["flag_meanings"] = " ".join(training.FLAGS)
        data["interruption_rate"].attrs["basis"] = (
            "given" if "interruption_rate" in r.given else "per chip from the catalog"
        )
    coords = dict(r.coords)
    for name in list(data):
        if name in coords:  # a swept input that is its own coordinate: keep it there, with attrs
            coords[name] = Variable(coords[name].dims, coords[name].data, data.pop(name).attrs)
    data["basis_per"] = r.bases["basis_per"]
    data["overhead_basis"] = r.hw["overhead_basis"]
    ds = xr.Dataset(data, coords=coords)
    ds.attrs = {
        "site_preset": r.site,
        "model": "explorer.compute",
        "catalog": "explorer/data/catalog.toml",
        "cooling_basis": r.cooling_basis,
    }
    if r.station is not None:
        ds.attrs.update(station=r.station, cooling_tech=r.cooling_tech)
    return ds


# ------------------------------------------------------------------------ helpers
class _Plain(str):
    """Text shown in an InputError as it is (not quoted like a user's string)."""

    def __repr__(self) -> str:
        return str(self)


def brief(x: Any) -> Any:
    """A given input as shown in a message: the number, or what kind of array it is.

    Examples
    --------
    >>> brief(3), brief([1, 2])
    (3.0, '<list of 2>')
    """
    if isinstance(x, int | float | np.integer | np.floating) and not isinstance(x, bool):
        return float(x)
    return f"<{type(x).__name__} of {np.size(x)}>" if hasattr(x, "__len__") else type(x).__name__


def _var(x: xr.DataArray | Variable) -> Variable:
    return x.variable if isinstance(x, xr.DataArray) else x


@lru_cache(maxsize=32)
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
    hw = {k: sel[k].variable for k in sel.data_vars}
    hw["mfu_scale"] = training.mfu_scale(sel.peak_flops).variable
    hw["min_power"] = cluster.capping_curve()["min_power"].sel(chip=sel.chip.values).variable
    hw["cap_throughput"] = Variable((), 1.0)
    return hw, coords


@lru_cache(maxsize=64)
def _bases(basis: str | tuple[str, ...]) -> tuple[dict[str, Variable], dict[str, Any]]:
    sel = catalog.basis_table().sel(basis=list(basis) if isinstance(basis, tuple) else basis)
    _, persons_per_household = _conventions()
    is_household = sel["basis_per"].variable == "household"
    out = {
        "basis_value": sel["basis_value"].variable,
        "basis_per": sel["basis_per"].variable,
        "households_per_unit": Variable(
            is_household.dims, np.where(is_household.data, 1.0, 1.0 / persons_per_household)
        ),
        "people_per_unit": Variable(
            is_household.dims, np.where(is_household.data, persons_per_household, 1.0)
        ),
    }
    return out, {"basis": sel.coords["basis"].variable}


def _input_coords(arrays: dict[str, Any]) -> dict[str, Any]:
    labelled = [a for a in arrays.values() if isinstance(a, xr.DataArray) and (a.ndim or a.coords)]
    if not labelled:
        return {}
    try:
        aligned = xr.align(*labelled, join="exact")
    except ValueError as err:
        raise InputError(
            "dimensions",
            "mismatched coordinates",
            "inputs that share a dimension must share its coordinates",
        ) from err
    coords: dict[str, Any] = {}
    for a in aligned:
        for name, c in a.coords.items():
            coords.setdefault(name, c.variable)
    return coords


def _default(name: str, preset: dict[str, Any]) -> float:
    if name in preset:
        return preset[name]
    return catalog.value(f"defaults.{name}", "dimensionless")
