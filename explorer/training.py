"""From FLOPS to a trained model: training compute, goodput, wall-clock time, energy, CO₂ and cost.

The chain, for one synchronous job on ``job_chips`` accelerators:

- compute of the run ``C`` [FLOP]: a catalog model, ``6 N D`` from parameters and tokens
  (catalog: ``training.flops_per_parameter_token``), or given directly;
- interruptions: every accelerator interrupts the job at ``interruption_rate`` [1/h] (catalog:
  the Llama 3 405B run), so the job's mean time between interruptions is
  ``M = 1 / (job_chips × rate)``;
- checkpoints stall training for ``δ`` every ``τ`` of compute, with ``τ`` at Daly's higher-order
  optimum; an interruption loses the work since the last checkpoint and costs a restart ``R``;
- goodput ``g`` = compute time / expected wall-clock time under Daly's complete model for
  exponential failures (failures may also strike during checkpoints and restarts):
  ``T_wall / T_compute = M e^{R/M} (e^{(τ+δ)/M} − 1) / τ``;
- ``training_days = C / (job_chips × effective FLOP/s per chip × g)``, and the run's energy, CO₂ and
  cost from the facility power over that time.

Goodput never drops to zero for finite settings: it degrades exponentially as ``R`` and ``δ``
approach ``M``. When it underflows (or no FLOP/s are delivered) the run is flagged
``training_impossible`` with infinite days: a result, never an exception.

Every function broadcasts over xarray/NumPy inputs: one code path for scalars and sweeps.

The chain is part of ``explorer.compute``: give it a run (``model``, ``parameters`` and
``tokens``, or ``training_compute``) and the Dataset also has the chain's outputs (`OUTPUTS`),
along ``precision`` where they depend on the FLOP/s. `explorer.model` resolves the run with
`resolve_compute`, the defaults with `defaults` and `interruption_rate`, the job size (default: the
chips powered) and the job's share of the facility load, then calls `chain` (this module imports
nothing above it). `explorer.runs.train`, `~explorer.runs.train_model` and
`~explorer.runs.train_on_chips` are thin wrappers over ``compute``; `goodput` is the chain alone,
for one job size.

Meta's Llama 3 report gives "higher than 90 % effective training time" for the 405B run, which
it measures as the time spent on useful training over the elapsed time: much like goodput. This
model's goodput at that job size is lower (0.853 with the defaults). Two reasons may explain the
gap, and the report settles neither: the restart (10 min) and checkpoint stall (1 min) are the
explorer's assumptions of low confidence, likely longer than Meta's (Meta reports cutting job
start-up and checkpoint times); and Meta does not say whether work redone after an interruption
counts as useful (without the lost work the model gives 1 − restart share − checkpoint share =
0.902). ``job_uptime`` (the time not spent restarting, 0.948) is uptime only. The published
30.84 M GPU-hours fit the model's goodput at MFU 0.38-0.43 within ±10 %.

References
----------
.. [1] Young, J. W. (1974). A first order approximation to the optimum checkpoint interval.
   Communications of the ACM 17(9), 530-531.
.. [2] Daly, J. T. (2006). A higher order estimate of the optimum checkpoint interval for
   restart dumps. Future Generation Computer Systems 22(3), 303-312.
.. [3] Meta (2024). The Llama 3 Herd of Models, arXiv:2407.21783 (419 unexpected interruptions in
   54 days on 16,384 H100).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import numpy as np
import xarray as xr
from xarray import Variable

from . import catalog, validate
from .errors import InputError
from .units import factor

_S_PER_H = factor("hour", "s")
_S_PER_DAY = factor("day", "s")
_S_PER_MIN = factor("minute", "s")
_H_PER_DAY = factor("day", "hour")
_G_TO_T = factor("g", "tonne")
_KWH_PER_MWH = factor("MWh", "kWh")
_MTBI_CAP_MIN = 1e300  # a job MTBI beyond this [min] is treated as this (no overflow in 2δM)

OUTPUTS: dict[str, tuple[str, str]] = {
    "training_compute": ("FLOP", "compute of the training run"),
    "job_mtbi": ("h", "job mean time between interruptions"),
    "job_restart_minutes": ("min", "restart time at this job size (fixed + growth with chips)"),
    "checkpoint_interval": ("min", "compute time between checkpoints (Daly's optimum)"),
    "goodput": ("1", "share of wall-clock time that advances training"),
    "checkpoint_share": ("1", "share of wall-clock time spent writing checkpoints"),
    "lost_work_share": ("1", "share of wall-clock time redoing work lost to interruptions"),
    "restart_share": ("1", "share of wall-clock time spent restarting after interruptions"),
    "job_uptime": ("1", "share of wall-clock time the job runs (1 - restart share)"),
    "ideal_days": ("day", "training time with no interruptions"),
    "training_days": ("day", "wall-clock training time with interruptions"),
    "chip_hours": ("h", "accelerator-hours of the run (job chips x wall-clock time)"),
    "run_energy": ("MWh", "facility electricity used over the run"),
    "run_co2": ("t", "CO2e of the run at the grid's average intensity"),
    "run_cost": ("USD", "electricity cost of the run"),
    "training_impossible": ("1", "true where the settings make progress impossible"),
}

# below this goodput the run is flagged: interruptions dominate (catalog training.low_goodput)
LOW_GOODPUT = catalog.value("training.low_goodput", "dimensionless")

IMPOSSIBLE_NOTE = (
    "no progress: the accelerators deliver no FLOP/s, or interruptions come so often that restarts "
    "and checkpoints never complete (goodput underflows to 0); training_days is infinite"
)


# ------------------------------------------------------------------------------ inputs
def checked(field: str, x: Any) -> xr.DataArray | Variable:
    """A checked numeric chain input: a 0-d Variable for a scalar, else a DataArray.

    Every field is bounded in `explorer.validate.BOUNDS` (one table for compute and the chain).

    Examples
    --------
    >>> float(checked("restart_minutes", 5).values)
    5.0
    >>> checked("interruption_rate", -1)  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    explorer.errors.InputError: interruption_rate = -1 is out of range;
    allowed: 0 per chip-hour ≤ interruption_rate ≤ 1 per chip-hour.
    """
    if isinstance(x, Variable):
        x = xr.DataArray(x)
    return validate.labelled(field, x)


def training_compute(parameters: Any, tokens: Any) -> xr.DataArray:
    """Compute to train a dense transformer, ``C ≈ 6 N D`` [FLOP].

    Parameters
    ----------
    parameters : float or array_like
        Model parameters N [count].
    tokens : float or array_like
        Training tokens D [count].

    Returns
    -------
    xarray.DataArray
        Training compute [FLOP].

    References
    ----------
    Kaplan et al. (2020), Scaling Laws for Neural Language Models, arXiv:2001.08361.

    Examples
    --------
    >>> f"{float(training_compute(405e9, 15.6e12)):.3g}"
    '3.79e+25'
    """
    k = catalog.value("training.flops_per_parameter_token", "FLOP")
    n, d = (xr.DataArray(x) if isinstance(x, Variable) else x for x in (parameters, tokens))
    out = k * validate.number("parameters", n) * validate.number("tokens", d)
    return out.assign_attrs(units="FLOP", long_name="training compute (6 N D)")


def model_compute(model: str) -> float:
    """Published training compute of a catalog model [FLOP].

    Examples
    --------
    >>> model_compute("llama3-405b")
    3.8e+25
    """
    catalog.check_name("model", model, "models")
    return catalog.value(f"models.{model}.training_compute", "FLOP")


def model_parameters(model: str | list[str]) -> Variable:
    """Parameters of catalog model(s) [count]; NaN where the catalog has none (GPT-4).

    Examples
    --------
    >>> float(model_parameters("llama3-405b").values)
    405000000000.0
    >>> model_parameters(["gpt-4", "gpt-3"]).values.tolist()
    [nan, 175000000000.0]
    """
    names = [model] if isinstance(model, str) else list(model)
    node = catalog.raw()["models"]
    values = np.array(
        [
            catalog.value(f"models.{n}.parameters", "dimensionless")
            if "parameters" in node[n]
            else np.nan
            for n in names
        ]
    )
    return Variable((), values[0]) if isinstance(model, str) else Variable(("model",), values)


def run_parameters(compute: Variable, known: Variable | None = None) -> Variable:
    """The run's parameters [count]: `known` where given, else the compute-optimal size for its
    compute, ``N = √(C / (6 × 20))`` (Chinchilla's ~20 tokens per parameter).

    Examples
    --------
    >>> f"{float(run_parameters(Variable((), 2.1e25)).values):.3g}"  # GPT-4's compute: no size
    '4.18e+11'
    >>> float(run_parameters(Variable((), 3.8e25), Variable((), 405e9)).values)
    405000000000.0
    """
    if known is not None and not np.isnan(known.data).any():
        return known
    k = catalog.value("training.flops_per_parameter_token", "FLOP")
    ratio = catalog.value("training.tokens_per_parameter", "dimensionless")
    optimal = np.sqrt(compute / (k * ratio))
    if known is None:
        return optimal
    return known.where(np.logical_not(np.isnan(known)), optimal)


def resolve_compute(
    model: Any = None, parameters: Any = None, tokens: Any = None, training_compute: Any = None
) -> xr.DataArray | Variable:
    """The run's compute [FLOP] from exactly one of: a catalog `model`, `parameters` and `tokens`
    (6ND), or `training_compute`.

    Parameters
    ----------
    model : str or list of str, optional
        Catalog model name(s) (``explorer catalog``); a list adds a ``model`` dimension.
    parameters, tokens : float or array_like, optional
        Model parameters and training tokens [count]; both or neither.
    training_compute : float or array_like, optional
        Compute of the run [FLOP].

    Returns
    -------
    xarray.Variable or xarray.DataArray
        Training compute [FLOP] (a 0-d Variable for one scalar scenario).

    Raises
    ------
    InputError
        None or more than one of the three ways given, or only one of parameters/tokens.

    Examples
    --------
    >>> float(resolve_compute(model="gpt-3").values)
    3.14e+23
    >>> float(resolve_compute(parameters=1e9, tokens=2e10).values)
    1.2e+20
    >>> resolve_compute(model="gpt-3", training_compute=1e23)  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    explorer.errors.InputError: model and training_compute = ['gpt-3', 1e+23] are given together;
    allowed: exactly one of model, parameters and tokens, or training_compute.
    """
    allowed = "exactly one of model, parameters and tokens, or training_compute"
    given = [
        n
        for n, v in (
            ("model", model),
            ("parameters", parameters),
            ("tokens", tokens),
            ("training_compute", training_compute),
        )
        if v is not None
    ]
    ways = {
        "model" if n == "model" else "training_compute" if n == "training_compute" else "6nd"
        for n in given
    }
    if not given:
        raise InputError("model", "none", allowed, "(no training run given)")
    if len(ways) > 1:
        values = [_shown(v) for v in (model, parameters, tokens, training_compute) if v is not None]
        raise InputError(" and ".join(given), values, allowed, "are given together")
    if "6nd" in ways:
        if parameters is None or tokens is None:
            missing = "tokens" if tokens is None else "parameters"
            raise InputError(
                missing, None, "parameters and tokens together (C = 6 N D)", "is missing"
            )
        return _compute_var(parameters, tokens)
    if training_compute is not None:
        return checked("training_compute", training_compute)
    names = validate.name_list("model", model, catalog.names("models"))
    if isinstance(names, str):
        return Variable((), np.float64(model_compute(names)))
    values = np.array([model_compute(n) for n in names])
    return xr.DataArray(values, dims="model", coords={"model": names})


def _shown(x: Any) -> Any:
    """A value as an error message shows it: a number, a name, or what kind of array it is."""
    if isinstance(x, Variable | xr.DataArray | np.ndarray):
        return (
            float(x.values if hasattr(x, "values") else x)
            if np.size(x) == 1
            else f"<array of {np.size(x)}>"
        )
    return x


def _compute_var(parameters: Any, tokens: Any) -> xr.DataArray | Variable:
    """`training_compute` as a bare 0-d Variable for scalars (the fast path), else a DataArray."""
    da = training_compute(parameters, tokens)
    return da.variable if da.ndim == 0 and not da.coords else da


@lru_cache(maxsize=64)
def interruption_rate(chip: str | tuple[str, ...]) -> Variable:
    """Interruptions per accelerator-hour of one synchronous job [1/h], from the catalog.

    A chip with its own figure under ``[reliability.chips]`` uses it; any other the Llama 3 405B
    run's rate (419 unexpected interruptions in 54 days on 16,384 H100 ≈ 1/50,700 per GPU-hour).
    A tuple of names gives a Variable along ``chip``.

    Examples
    --------
    >>> round(1 / float(interruption_rate("h100").values))
    50677
    """
    names = [chip] if isinstance(chip, str) else list(chip)
    for n in names:
        catalog.check_name("chip", n, "chips")
    own = catalog.raw()["reliability"].get("chips", {})
    rates = [
        catalog.value(
            f"reliability.chips.{n}" if n in own else "reliability.interruption_rate", "1 / hour"
        )
        for n in names
    ]
    if isinstance(chip, str):
        return Variable((), np.float64(rates[0]))
    return Variable(("chip",), np.array(rates))


def defaults() -> dict[str, float]:
    """The chain's defaults from the catalog: checkpoint and restart minutes, and the restart
    minutes added per 1,000 job chips beyond the Llama 3 job's size.

    Examples
    --------
    >>> defaults()
    {'checkpoint_minutes': 1.0, 'restart_minutes': 10.0, 'restart_growth': 0.041}
    """
    return {
        "checkpoint_minutes": catalog.value("reliability.checkpoint_time", "minute"),
        "restart_minutes": catalog.value("reliability.restart_time", "minute"),
        "restart_growth": catalog.value("training.restart_growth", "minute"),
    }


# ------------------------------------------------------------------------------ checks of a run
# Outputs beside the chain's (`OUTPUTS`): the restart at this job size, the memory check, the
# fastest job size and the warnings.
CHECK_OUTPUTS: dict[str, tuple[str, str]] = {
    "model_memory": ("TB", "model states to hold: parameters x bytes per parameter"),
    "min_job_chips": ("count", "fewest chips whose HBM holds the model states"),
    "fits_in_memory": ("1", "true where the job's HBM holds the model states"),
    "best_job_chips": ("count", "job size that trains fastest here (at most the chips powered)"),
    "best_training_days": ("day", "wall-clock training time at best_job_chips"),
    "training_flags": ("1", "warnings on the run, a bit mask (flag_meanings)"),
}

#: Bits of ``training_flags`` (CF ``flag_masks`` / ``flag_meanings``).
FLAGS = {
    "does_not_fit": 1,
    "low_goodput": 2,
    "beyond_horizon": 4,
    "energy_above_share": 8,
    "larger_than_fastest": 16,
    "no_progress": 32,
    "too_few_chips": 64,
}
_KCHIPS = 1000.0  # restart_growth is per this many chips
_LN_MAX = float(np.log(1e9))  # the largest job: validate.BOUNDS["job_chips"]
_H = 1e-3  # step of the finite differences in ln(job chips)
_GRID = np.linspace(0.0, _LN_MAX, 25)  # the coarse search over ln(job chips)
_GRID_STEP = float(_GRID[1])
_NEWTON_STEPS = 4


@lru_cache(maxsize=1)
def thresholds() -> dict[str, float]:
    """The warnings' thresholds from the catalog: goodput [1], horizon [day], run energy [MWh].

    Examples
    --------
    >>> t = thresholds()
    >>> t["low_goodput"], round(t["horizon_days"], 1), round(t["energy_mwh"] / 1e6, 2)
    (0.5, 456.6, 1.76)
    """
    us_total = catalog.value("grid.us-datacenters.energy_2023", "MWh / year")
    return {
        "low_goodput": catalog.value("training.low_goodput", "dimensionless"),
        "horizon_days": catalog.value("training.horizon", "day"),
        "energy_mwh": catalog.value("training.energy_share", "dimensionless") * us_total,
    }


def restart_at(restart_minutes: Any, restart_growth: Any, job_chips: Any) -> Any:
    """Restart time of a job of `job_chips` [min] = fixed part + growth per 1,000 chips beyond
    the Llama 3 job's 16,384 (catalog ``reliability.reference_chips``).

    Start-up grows with the job: MegaScale measured job initialisation in under 5 s on 2,048
    GPUs and under 30 s on more than 10,000 (catalog ``training.restart_growth``). At or below
    the reference size the restart is `restart_minutes` as given.

    Examples
    --------
    >>> float(restart_at(10.0, 0.041, 16384))
    10.0
    >>> round(float(restart_at(10.0, 0.041, 500_000)), 2)  # + 0.041 x 483.6
    29.83
    """
    extra = np.maximum(job_chips - _reference_chips(), 0.0) / _KCHIPS
    return restart_minutes + restart_growth * extra


@lru_cache(maxsize=1)
def _reference_chips() -> float:
    return catalog.value("reliability.reference_chips", "dimensionless")


@lru_cache(maxsize=1)
def _speedups() -> dict[str, float]:
    return {
        "bf16": 1.0,
        "fp8": catalog.value("training.fp8_speedup", "dimensionless"),
        "fp8_sparse": catalog.value("training.fp8_sparse_speedup", "dimensionless"),
    }


def mfu_scale(peak: xr.DataArray) -> xr.DataArray:
    """Effective MFU at each precision / the BF16 MFU (the `mfu` input) [1], per chip.

    A lower precision trains faster by its measured end-to-end speed-up (catalog
    ``training.fp8_speedup``: FP8-LM's Transformer Engine run, 1.28×), not by its peak ratio,
    and never faster than its peak allows: ``min(speed-up, peak_p / peak_bf16) × peak_bf16 /
    peak_p``. 2:4 sparsity does not speed up dense pre-training (``fp8_sparse_speedup``).

    Parameters
    ----------
    peak : xarray.DataArray
        Peak FLOP/s per chip along ``precision`` (``catalog.chip_table().peak_flops``).

    Examples
    --------
    >>> s = mfu_scale(catalog.chip_table().peak_flops.sel(chip="h100"))
    >>> [round(float(v), 3) for v in s]  # bf16, fp8 (1.28 / 2), fp8_sparse (1.28 / 4)
    [1.0, 0.64, 0.32]
    """
    ratio = peak / peak.sel(precision="bf16")
    speed = xr.DataArray(
        [_speedups()[str(p)] for p in peak.precision.values],
        dims="precision",
        coords={"precision": peak.precision},
    )
    return np.minimum(speed, ratio) / ratio


def memory_check(parameters: Any, job_chips: Any, hbm_per_chip_tb: Any) -> dict[str, Any]:
    """Do the model states fit in the job's HBM? ``model_memory`` [TB], ``min_job_chips``
    [count] and ``fits_in_memory`` [bool].

    The states (weights, gradients, optimizer) take ``training.bytes_per_parameter`` (16 B for
    mixed-precision Adam, ZeRO) and are sharded across the job; each chip keeps
    ``training.activation_allowance`` (a quarter) of its HBM for activations and buffers
    (`run_parameters` sizes a run given only as its compute).

    Examples
    --------
    >>> m = memory_check(405e9, 1, 0.08)  # Llama 3 405B on one H100: 6.48 TB of states
    >>> round(float(m["model_memory"]), 2), int(m["min_job_chips"]), bool(m["fits_in_memory"])
    (6.48, 108, False)
    """
    per_param, kept = _memory_figures()
    usable = hbm_per_chip_tb * (1.0 - kept)
    states = parameters * per_param
    with np.errstate(invalid="ignore"):
        fewest = np.maximum(np.ceil(states / usable - 1e-9), 1.0)  # at least one chip, never -0
        fits = np.logical_not(states > job_chips * usable)
    return {"model_memory": states, "min_job_chips": fewest, "fits_in_memory": fits}


@lru_cache(maxsize=1)
def _memory_figures() -> tuple[float, float]:
    """Bytes per parameter [TB] and the share of HBM kept for activations [1]."""
    return (
        catalog.value("training.bytes_per_parameter", "TB"),
        catalog.value("training.activation_allowance", "dimensionless"),
    )


def _log_throughput(log_n: Any, rate: Any, ckpt: Any, restart: Any, growth: Any) -> Any:
    """ln(job chips × goodput) of a job of e^log_n chips [ln count]."""
    n = np.exp(log_n)
    m = np.minimum(1.0 / (n * rate) * (_S_PER_H / _S_PER_MIN), _MTBI_CAP_MIN)
    r = restart_at(restart, growth, n)
    log_w = np.minimum(
        _wall_per_compute_log(daly_interval(ckpt, m), ckpt, r, m),
        _wall_per_compute_log(m, ckpt, r, m),
    )
    return log_n - np.maximum(log_w, 0.0)


def best_job_chips(rate: Any, ckpt: Any, restart: Any, growth: Any) -> Any:
    """The job size that delivers the most training per hour [count, whole], at most 1e9.

    A job's progress is ``job chips × goodput``: more chips add FLOP/s but interrupt it more
    often (``M = 1 / (job chips × rate)``) and restart more slowly (`restart_at`), so beyond
    some size goodput falls faster than the chips add: more chips, slower run. A coarse grid on
    ln(job chips), then Newton's method on ln(job chips × goodput) from its best point, then the
    better of the neighbouring whole numbers; broadcasts over its inputs (NumPy arrays).

    Examples
    --------
    >>> int(best_job_chips(1.9733e-5, 1.0, 10.0, 0.041))  # Llama 3's rate, default settings
    128494
    >>> int(best_job_chips(0.0, 1.0, 10.0, 0.041))  # a job that never fails: as big as allowed
    1000000000
    """
    if all(np.size(a) == 1 for a in (rate, ckpt, restart, growth)):  # one scenario: cached
        shape = np.broadcast_shapes(*(np.shape(a) for a in (rate, ckpt, restart, growth)))
        one = _best_one(*(float(np.ravel(a)[0]) for a in (rate, ckpt, restart, growth)))
        return np.full(shape, one) if shape else one
    return _best_many(rate, ckpt, restart, growth)


@lru_cache(maxsize=256)
def _best_one(rate: float, ckpt: float, restart: float, growth: float) -> float:
    return float(_best_many(rate, ckpt, restart, growth))


def _best_many(rate: Any, ckpt: Any, restart: Any, growth: Any) -> Any:
    """`best_job_chips` on arrays (uncached)."""
    rate, ckpt, restart, growth = np.broadcast_arrays(
        *(np.asarray(a, dtype=float) for a in (rate, ckpt, restart, growth))
    )
    step = np.array([-_H, 0.0, _H])
    args = [v[..., None] for v in (rate, ckpt, restart, growth)]
    with np.errstate(divide="ignore", over="ignore", invalid="ignore", under="ignore"):
        f = np.nan_to_num(_log_throughput(_GRID, *args), nan=-np.inf)
        x = _GRID[np.argmax(f, axis=-1)]
        for _ in range(_NEWTON_STEPS):
            f = _log_throughput(x[..., None] + step, *args)
            slope = (f[..., 2] - f[..., 0]) / (2 * _H)
            bend = (f[..., 2] - 2 * f[..., 1] + f[..., 0]) / (_H * _H)
            move = np.where(bend < 0, -slope / bend, np.sign(slope))
            x = np.clip(x + np.clip(np.nan_to_num(move), -_GRID_STEP, _GRID_STEP), 0.0, _LN_MAX)
        n = np.clip(np.round(np.exp(x)[..., None] + step / _H), 1.0, 1e9)
        f = _log_throughput(np.log(n), *args)
    best = np.take_along_axis(n, np.argmax(np.nan_to_num(f, nan=-np.inf), axis=-1)[..., None], -1)
    return best[..., 0] if best.ndim > 1 else float(best[0])


def goodput_at(n: Any, rate: Any, ckpt: Any, restart: Any, growth: Any) -> Any:
    """Goodput of a job of `n` chips [1] (Daly's model with `restart_at`); NumPy arrays.

    Examples
    --------
    >>> round(float(goodput_at(16384, 1.9733e-5, 1.0, 10.0, 0.041)), 4)
    0.8525
    """
    with np.errstate(divide="ignore", over="ignore", invalid="ignore", under="ignore"):
        return np.exp(_log_throughput(np.log(n), rate, ckpt, restart, growth)) / n


def run_checks(
    res: dict[str, Variable],
    parameters: Variable,
    job_chips: Variable,
    hbm_per_chip_tb: Variable,
    x: dict[str, Variable],
    chips_powered: Variable,
    flops_per_chip: Variable,
) -> dict[str, Variable]:
    """The checks of one run beside the chain's outputs `res`: memory (`memory_check`), the
    fastest job size here (`best_job_chips`, at most `chips_powered`) and its days, and
    ``training_flags`` (`flag_bits`). Inputs are xarray Variables (`x`: the resolved inputs).

    Examples
    --------
    >>> from explorer.model import physics, resolve_inputs
    >>> r = resolve_inputs("generic", {"model": "llama3-405b", "chip": "h100", "job_chips": 1})
    >>> out = physics(r)  # calls run_checks
    >>> bool(out["fits_in_memory"].values), int(out["best_job_chips"].values)
    (False, 128494)
    """
    inputs = {
        "p": parameters,
        "n": job_chips,
        "hbm": hbm_per_chip_tb,
        "rate": x["interruption_rate"],
        "ckpt": x["checkpoint_minutes"],
        "restart": x["restart_minutes"],
        "growth": x["restart_growth"],
        "powered": chips_powered,
        "f": flops_per_chip,
        "c": res["training_compute"],
        "g": res["goodput"],
        "days": res["training_days"],
        "energy": res["run_energy"],
        "never": res["training_impossible"],
        "ideal": res["ideal_days"],
    }
    # plain NumPy on one set of dimensions (length 1 where an input has none), as in `chain`
    sizes = {d: n for v in inputs.values() for d, n in v.sizes.items()}
    dims = tuple(sizes)
    a = {k: _on_dims(v, dims) for k, v in inputs.items()}
    settings = (a["rate"], a["ckpt"], a["restart"], a["growth"])
    values = memory_check(a["p"], a["n"], a["hbm"])
    fastest = np.asarray(best_job_chips(*settings))
    with np.errstate(divide="ignore", over="ignore", invalid="ignore"):
        best = np.minimum(fastest, a["powered"])
        values["best_job_chips"] = best
        values["best_training_days"] = a["c"] / (best * a["f"] * goodput_at(best, *settings))
        values["best_training_days"] *= 1 / _S_PER_DAY
        values["training_flags"] = flag_bits(
            values["fits_in_memory"],
            a["g"],
            a["days"],
            a["energy"],
            a["n"] > fastest,
            a["never"],
            a["ideal"],
        )
    settings_keys = ("rate", "ckpt", "restart", "growth")
    depends = {
        "model_memory": ("p",),
        "min_job_chips": ("p", "hbm"),
        "fits_in_memory": ("p", "hbm", "n"),
        "best_job_chips": (*settings_keys, "powered"),
        "best_training_days": (*settings_keys, "powered", "c", "f"),
        "training_flags": tuple(inputs),
    }
    out: dict[str, Variable] = {}
    for name, val in values.items():
        own = {d for k in depends[name] for d in inputs[k].dims}
        keep = tuple(d for d in dims if d in own)
        shape = tuple(sizes[d] if d in own else 1 for d in dims)
        val = np.broadcast_to(np.asarray(val), shape).reshape(tuple(sizes[d] for d in keep))
        out[name] = Variable(keep, val)
    return out


def flag_bits(
    fits: Any,
    goodput: Any,
    days: Any,
    energy_mwh: Any,
    larger: Any,
    impossible: Any,
    ideal_days: Any = 0.0,
) -> Any:
    """``training_flags``: the sum of the `FLAGS` bits that apply [1] (thresholds: `thresholds`).

    ``too_few_chips``: even with no interruptions (`ideal_days`) the run outlasts the horizon;
    the job is slow because it is small, not because interruptions stop it (reader 41-34: a
    1,000-chip job at 97 % goodput was told it needs spare machines). A job that never finishes
    (``no_progress``) is said so alone, whatever its ideal days.

    Examples
    --------
    >>> int(flag_bits(False, 0.9, 100.0, 1e3, False, False))  # does not fit
    1
    >>> int(flag_bits(True, 2e-4, 3405.0, 1.8e8, True, False))  # trn2: the whole site in one job
    30
    >>> int(flag_bits(True, 0.97, 1145.0, 1e5, False, False, 1112.0))  # 1,000 H100s, Llama 3
    68
    """
    t = thresholds()
    with np.errstate(invalid="ignore"):
        bits = (
            FLAGS["does_not_fit"] * np.logical_not(fits)
            + FLAGS["low_goodput"] * (goodput < t["low_goodput"])
            + FLAGS["beyond_horizon"] * (days > t["horizon_days"])
            + FLAGS["energy_above_share"] * (energy_mwh > t["energy_mwh"])
            + FLAGS["larger_than_fastest"] * np.logical_and(larger, True)
            + FLAGS["no_progress"] * np.logical_and(impossible, True)
            # a job that never finishes is said so (no_progress), not "too few chips" as well
            + FLAGS["too_few_chips"]
            * np.logical_and(ideal_days > t["horizon_days"], np.logical_not(impossible))
        )
    return bits


def flag_notes(
    bits: int,
    best: float | None = None,
    fewest: float | None = None,
    ideal: float | None = None,
) -> list[str]:
    """Plain-language notes for the `FLAGS` set in `bits` (one scenario); `ideal`: its days with
    no interruptions, said by ``too_few_chips``.

    Examples
    --------
    >>> flag_notes(FLAGS["does_not_fit"], fewest=108)[0][:45]
    'does not fit: the model states need at least '
    >>> flag_notes(FLAGS["too_few_chips"], ideal=1111.8)[0][:64]
    'too few chips: even with no interruptions the run takes 1,112 da'
    """
    t = thresholds()
    text = {
        "does_not_fit": (
            "does not fit: the model states need at least "
            f"{_count(fewest)} chips' HBM (min_job_chips); the days shown are what the compute "
            "alone would take"
        ),
        "low_goodput": (
            f"goodput below {t['low_goodput']:.0%}: interruptions dominate at this job size; "
            "faster restarts and checkpoints "
            "or smaller jobs help most"
        ),
        "beyond_horizon": (
            f"longer than {t['horizon_days']:.0f} days (Epoch AI: runs beyond ~15 months are "
            "overtaken by better hardware and algorithms)"
        ),
        "energy_above_share": (
            "the run uses more than "
            f"{catalog.value('training.energy_share', '1'):.0%} of the US data centres' "
            "annual electricity"
        ),
        "larger_than_fastest": (
            f"more chips, slower run: a job of {_count(best)} chips (best_job_chips) would "
            "finish sooner, because each added chip interrupts the job more often and "
            "lengthens every restart"
        ),
        "no_progress": IMPOSSIBLE_NOTE,
        "too_few_chips": (
            f"too few chips: even with no interruptions the run takes {_count(ideal)} days, "
            f"beyond the {t['horizon_days']:.0f}-day horizon; more chips would "
            "help, not faster restarts"
        ),
    }
    return [text[name] for name, bit in FLAGS.items() if int(bits) & bit]


def _count(x: float | None) -> str:
    return "?" if x is None or not np.isfinite(x) else f"{x:,.0f}"


# ------------------------------------------------------------------------------ the chain
def daly_interval(checkpoint: Any, mtbi: Any) -> Any:
    """Daly's higher-order optimum compute time between checkpoints [same unit as the inputs].

    ``τ = √(2δM) [1 + ⅓ √(δ/2M) + (1/9)(δ/2M)] − δ`` for ``δ < 2M``, else ``τ = M`` (Daly 2006,
    eq. 37). Young's ``√(2δM)`` is its first term.

    Parameters
    ----------
    checkpoint : float or array_like
        Time one checkpoint stalls training, δ.
    mtbi : float or array_like
        Job mean time between interruptions, M (same unit).

    Examples
    --------
    >>> round(float(daly_interval(1.0, 185.4)), 2)   # minutes: Young's √(2·185.4) = 19.26
    18.6
    >>> float(daly_interval(3.0, 1.0))               # δ ≥ 2M
    1.0
    """
    x = checkpoint / (2 * mtbi)
    series = np.sqrt(2 * checkpoint * mtbi) * (1 + np.sqrt(x) / 3 + x / 9) - checkpoint
    return np.where(x < 1, series, mtbi)


def _wall_per_compute_log(tau: Any, checkpoint: Any, restart: Any, mtbi: Any) -> Any:
    """log of Daly's expected wall-clock time per unit of compute,
    M e^{R/M} (e^{(τ+δ)/M} − 1) / τ."""
    return np.log(mtbi) + restart / mtbi + np.log(np.expm1((tau + checkpoint) / mtbi)) - np.log(tau)


def chain(
    effective_flops_per_chip: Any,
    job_chips: Any,
    training_compute: Any,
    interruption_rate: Any,
    checkpoint_minutes: Any,
    restart_minutes: Any,
    facility_power: Any,
    electricity_price: Any,
    carbon_intensity: Any,
    restart_growth: Any = 0.0,
) -> dict[str, Variable]:
    """The training chain: goodput and its parts, days, accelerator-hours, energy, CO₂ and cost.

    Pure and vectorised: inputs are numbers, NumPy arrays or xarray Variables/DataArrays (they
    broadcast by dimension name; pass Variables on the fast path). No input checking: use
    `checked` / `resolve_compute` first (or `explorer.runs.train`, which does).

    Parameters
    ----------
    effective_flops_per_chip : float or array_like
        FLOP/s one accelerator delivers to training (peak × MFU) [FLOP/s].
    job_chips : float or array_like
        Accelerators in the synchronous job [count].
    training_compute : float or array_like
        Compute of the run [FLOP].
    interruption_rate : float or array_like
        Interruptions per accelerator-hour [1/h].
    checkpoint_minutes : float or array_like
        Time a checkpoint stalls training, δ [min] (> 0; near 0 for in-memory checkpoints).
    restart_minutes : float or array_like
        Time from an interruption to training again, R [min].
    facility_power : float or array_like
        Facility power drawn while the job runs, cooling and losses included [MW].
    electricity_price : float or array_like
        Electricity price [USD/MWh].
    carbon_intensity : float or array_like
        Grid carbon intensity, CO₂e [g/kWh].
    restart_growth : float or array_like, optional
        Restart minutes added per 1,000 job chips beyond the reference job (`restart_at`);
        default 0: the restart is `restart_minutes` at every size.

    Returns
    -------
    dict of str to xarray.Variable
        Names of `OUTPUTS`, each with ``units`` and ``long_name`` attributes: ``job_mtbi`` [h],
        ``checkpoint_interval`` [min], ``goodput``, ``checkpoint_share``, ``lost_work_share``,
        ``restart_share`` (the four sum to 1), ``job_uptime`` [1], ``ideal_days``,
        ``training_days`` [day], ``chip_hours`` [h], ``run_energy`` [MWh], ``run_co2`` [t],
        ``run_cost`` [USD], ``training_compute`` [FLOP] and the flag ``training_impossible``
        [bool] (with a ``note``; days, energy, CO₂ and cost are infinite there).

    Notes
    -----
    Daly's complete model for exponentially distributed interruptions gives the expected wall
    time per checkpoint segment, ``W = M e^{R/M} (e^{(τ+δ)/M} − 1)``, of which ``τ`` advances
    training. The same segment with instant restarts takes ``W₀ = M (e^{(τ+δ)/M} − 1)``:
    so ``restart_share = 1 − W₀/W = 1 − e^{−R/M}``, ``checkpoint_share = δ/W`` and
    ``lost_work_share = (W₀ − τ − δ)/W`` (work, and checkpoint writes, redone after interruptions).
    ``τ`` is Daly's higher-order estimate, or ``M`` where that is better (his series is for
    ``δ < 2M`` and undershoots near its end), so goodput falls monotonically as ``M`` falls.

    Each output carries only the dimensions of the inputs it depends on: goodput and its parts
    do not vary along ``precision`` (only the FLOP/s do), days and energy do.

    Examples
    --------
    Llama 3 405B on 16,384 H100 at 40 % MFU, 1-min checkpoints and 10-min restarts:

    >>> out = chain(989e12 * 0.40, 16384, 3.8e25, 1.9733e-5, 1.0, 10.0, 25.0, 60.0, 400.0)
    >>> round(float(out["goodput"].values), 3), round(float(out["training_days"].values), 1)
    (0.853, 79.6)
    >>> round(float(out["chip_hours"].values) / 1e6, 1)    # million H100-hours (published: 30.84)
    31.3
    >>> bool(out["training_impossible"].values)
    False
    """
    inputs = {
        k: _as_var(x)
        for k, x in {
            "f": effective_flops_per_chip,
            "n": job_chips,
            "c": training_compute,
            "rate": interruption_rate,
            "ckpt": checkpoint_minutes,
            "restart": restart_minutes,
            "p": facility_power,
            "price": electricity_price,
            "ci": carbon_intensity,
            "growth": restart_growth,
        }.items()
    }
    # Broadcast once by dimension name (views, no copies), then plain NumPy: as fast for one
    # scenario as xarray arithmetic would be slow, and the same code path for a sweep.
    sizes: dict[str, int] = {}
    for var in inputs.values():
        for dim, size in var.sizes.items():
            if sizes.setdefault(dim, size) != size:
                raise InputError(
                    dim,
                    size,
                    f"the same length ({sizes[dim]}) in every input along {dim}",
                    "is a mismatched dimension",
                )
    dims = tuple(sizes)
    # every input on every dimension, length 1 where it has none (NumPy broadcasting does the
    # rest): an output varies only along the dimensions of the inputs it depends on
    v = {k: _on_dims(var, dims) for k, var in inputs.items()}
    values = _physics(**v)
    out: dict[str, Variable] = {}
    for name, val in values.items():
        units, long_name = OUTPUTS[name]
        attrs = {"units": units, "long_name": long_name}
        if name == "training_impossible":
            attrs["note"] = IMPOSSIBLE_NOTE
        elif name == "checkpoint_interval":
            attrs["note"] = "Daly (2006) higher-order optimum, or the job MTBI where that is better"
        if not dims:
            out[name] = Variable((), np.asarray(val), attrs)
            continue
        own = {d for k in _DEPENDS[name] for d in inputs[k].dims}
        keep = tuple(d for d in dims if d in own)
        shape = tuple(sizes[d] if d in own else 1 for d in dims)
        if np.shape(val) != shape:
            val = np.broadcast_to(val, shape)
        out[name] = Variable(keep, val.reshape(tuple(sizes[d] for d in keep)), attrs, fastpath=True)
    return out


def _on_dims(var: Variable, dims: tuple[str, ...]) -> np.ndarray:
    """The data of `var` with an axis for each of `dims` (length 1 where `var` has none)."""
    if var.dims == dims:
        return var.data
    if not var.dims:
        return np.reshape(var.data, (1,) * len(dims))
    return var.set_dims(dims).data


# The inputs each output of the chain depends on (`_physics`'s argument names).
_GOODPUT = ("n", "rate", "ckpt", "restart", "growth")
_DAYS = ("c", "f", *_GOODPUT)
_DEPENDS: dict[str, tuple[str, ...]] = {
    "training_compute": ("c",),
    "job_mtbi": ("n", "rate"),
    "job_restart_minutes": ("n", "restart", "growth"),
    **dict.fromkeys(
        (
            "checkpoint_interval",
            "goodput",
            "checkpoint_share",
            "lost_work_share",
            "restart_share",
            "job_uptime",
        ),
        _GOODPUT,
    ),
    "ideal_days": ("c", "n", "f"),
    **dict.fromkeys(("training_days", "chip_hours", "training_impossible"), _DAYS),
    "run_energy": (*_DAYS, "p"),
    "run_co2": (*_DAYS, "p", "ci"),
    "run_cost": (*_DAYS, "p", "price"),
}


def _physics(
    f: np.ndarray,
    n: np.ndarray,
    c: np.ndarray,
    rate: np.ndarray,
    ckpt: np.ndarray,
    restart: np.ndarray,
    p: np.ndarray,
    price: np.ndarray,
    ci: np.ndarray,
    growth: np.ndarray,
) -> dict[str, np.ndarray]:
    """The chain on broadcast NumPy arrays (units as in `chain`)."""
    with np.errstate(divide="ignore", invalid="ignore", over="ignore", under="ignore"):
        m_h = 1.0 / (n * rate)  # job MTBI [h]; inf with no interruptions
        # [min]; capped so that a job that never fails goes through the same algebra (g → 1)
        m = np.minimum(m_h * (_S_PER_H / _S_PER_MIN), _MTBI_CAP_MIN)
        d, r = ckpt, restart_at(restart, growth, n)
        tau_d = daly_interval(d, m)
        log_w_d = _wall_per_compute_log(tau_d, d, r, m)
        log_w_m = _wall_per_compute_log(m, d, r, m)
        tau = np.where(log_w_d <= log_w_m, tau_d, m)
        never = np.isinf(m_h)  # nothing interrupts the job: no checkpoints, no losses
        g = np.exp(-np.minimum(log_w_d, log_w_m))  # underflows to 0 when progress is hopeless
        g = np.where(never, 1.0, np.minimum(g, 1.0))  # (rounding in the logs can pass 1 by 1e-14)
        s = (tau + d) / m
        restart_share = -np.expm1(-r / m)
        lost_share = np.maximum(np.exp(-r / m) * (1 - s / np.expm1(s)), 0.0)
        ideal_s = c / (n * f)
        days = ideal_s / g / _S_PER_DAY
        energy = p * days * _H_PER_DAY  # MW × h = MWh
        return {
            "training_compute": c,
            "job_mtbi": m_h,
            "job_restart_minutes": r,
            "checkpoint_interval": np.where(never, np.inf, tau),
            "goodput": g,
            "checkpoint_share": np.where(never, 0.0, g * d / tau),
            "lost_work_share": lost_share,
            "restart_share": restart_share,
            "job_uptime": 1 - restart_share,
            "ideal_days": ideal_s / _S_PER_DAY,
            "training_days": days,
            "chip_hours": n * days * _H_PER_DAY,
            "run_energy": energy,
            "run_co2": energy * ci * (_KWH_PER_MWH * _G_TO_T),
            "run_cost": energy * price,
            "training_impossible": np.isposinf(
                days
            ),  # NaN (a chip without the precision) is not a verdict
        }


def _as_var(x: Any) -> Variable:
    if isinstance(x, Variable):
        return x
    if isinstance(x, xr.DataArray):
        return x.variable
    arr = np.asarray(x)
    if arr.ndim:
        raise TypeError("pass arrays as xarray Variables or DataArrays with named dimensions")
    return Variable((), arr)


# ------------------------------------------------------------------------------ the older API
def goodput(
    chips: Any,
    checkpoint_minutes: Any = None,
    restart_minutes: Any = None,
    interruption_rate: Any = None,
) -> xr.Dataset:
    """Share of time spent training when `chips` accelerators run one synchronous job.

    The restart is `restart_minutes` at every job size: this older API does not lengthen it
    with the job, as `explorer.compute` does (``restart_growth``, ``job_restart_minutes``), so
    the two agree at and below Llama 3's 16,384 chips and this one is kinder beyond.

    Parameters
    ----------
    chips : float or array_like
        Accelerators in the job [count]; a list adds a ``job_chips`` dimension.
    checkpoint_minutes, restart_minutes : float or array_like, optional
        [min]; defaults from the catalog.
    interruption_rate : float, optional
        Per accelerator-hour [1/h]; default the Llama 3 405B run's.

    Returns
    -------
    xarray.Dataset
        ``mtbi`` [h], ``checkpoint_interval`` [min] (Daly's optimum), ``goodput`` [1] and its
        parts ``checkpoint_share``, ``lost_work_share``, ``restart_share`` [1].

    Examples
    --------
    >>> g = goodput([16384, 500_000])
    >>> g.goodput.values.round(3).tolist()
    [0.853, 0.102]
    """
    n = validate.number("job_chips", chips)
    dflt = defaults()
    ckpt = validate.number(
        "checkpoint_minutes",
        dflt["checkpoint_minutes"] if checkpoint_minutes is None else checkpoint_minutes,
    )
    restart = validate.number(
        "restart_minutes", dflt["restart_minutes"] if restart_minutes is None else restart_minutes
    )
    rate = (
        xr.DataArray(catalog.value("reliability.interruption_rate", "1 / hour"))
        if interruption_rate is None
        else xr.DataArray(checked("interruption_rate", interruption_rate))
    )
    n_, ckpt_, restart_, rate_ = xr.broadcast(n, ckpt, restart, rate)
    out = chain(1.0, n_, 1.0, rate_, ckpt_, restart_, 0.0, 0.0, 0.0)
    data = {k: out[k] for k in GOODPUT_VARS}
    data["mtbi"] = out["job_mtbi"]
    coords = {k: c for a in (n_, ckpt_, restart_, rate_) for k, c in a.coords.items()}
    return xr.Dataset(data, coords=coords)


def training_days(
    training_compute: Any, effective_flops: Any, goodput_share: Any = 1.0
) -> xr.DataArray:
    """Wall-clock days to deliver `training_compute` [FLOP] at `effective_flops` [FLOP/s].

    Examples
    --------
    >>> round(float(training_days(8.64e24, 1e20)), 6)   # 8.64e4 s = 1 day
    1.0
    """
    c = validate.number("training_compute", training_compute)
    f = validate.number("effective_flops", effective_flops)
    g = validate.number("goodput", goodput_share)
    return (c / (f * g) / _S_PER_DAY).assign_attrs(
        units="day", long_name="wall-clock training time"
    )


#: What `goodput` returns: the checkpoint interval, goodput and the three shares of lost time.
GOODPUT_VARS = (
    "checkpoint_interval",
    "goodput",
    "checkpoint_share",
    "lost_work_share",
    "restart_share",
)
