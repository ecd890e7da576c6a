"""A training run on a site: `explorer.compute` with a run, read as one run's variables.

The thin wrappers over the model that used to sit in `explorer.training` (moved here so the chain
in `explorer.training` depends on nothing above it and the model composes it: no import cycle):
`train` (one run at one precision, with notes), `train_model` (a catalog model on a whole site),
`train_on_chips` (a job of a given size, no site limit).

Examples
--------
>>> r = train("h100", job_chips=16384, model="llama3-405b", mfu=0.4, site_power=100)
>>> round(float(r.goodput), 3)
0.853
"""

from __future__ import annotations

from typing import Any

import numpy as np
import xarray as xr

from . import catalog, validate
from .errors import InputError
from .model import compute
from .training import CHECK_OUTPUTS, GOODPUT_VARS, OUTPUTS, flag_notes

# ------------------------------------------------------------------------------ a whole run
# The variables `train` returns: the run's inputs as used and the chain's outputs.
RUN_VARIABLES = (
    "mfu",
    "job_chips",
    "checkpoint_minutes",
    "restart_minutes",
    "interruption_rate",
    "restart_growth",
    "job_power",
    "job_flops",
    *OUTPUTS,
    *CHECK_OUTPUTS,
)


def train(
    chip: Any = "h100",
    job_chips: Any = None,
    model: Any = None,
    parameters: Any = None,
    tokens: Any = None,
    training_compute: Any = None,
    precision: str = "bf16",
    **scenario: Any,
) -> xr.Dataset:
    """One training run at one precision: `explorer.compute` with a run, its training variables.

    A thin wrapper: ``compute(chip=chip, job_chips=job_chips, model=model, ...)``, then the
    run's variables (`RUN_VARIABLES`) at `precision`, with plain-language notes.

    Parameters
    ----------
    chip : str or list of str
        Accelerator (catalog name); a list adds a ``chip`` dimension.
    job_chips : float or array_like, optional
        Accelerators in the job [count, a whole number]; default: as many as the site powers.
    model, parameters, tokens, training_compute
        The run, as in `explorer.compute` (default: ``model="llama3-405b"``).
    precision : str
        ``bf16``, ``fp8`` or ``fp8_sparse``.
    **scenario
        Any other `explorer.compute` input: ``site``, ``mfu``, ``checkpoint_minutes``,
        ``restart_minutes``, ``interruption_rate``, ``site_power``, ``electricity_price`` …

    Returns
    -------
    xarray.Dataset
        The chain's outputs (`OUTPUTS`) and checks (`CHECK_OUTPUTS`), ``job_chips``,
        ``job_power`` [MW], ``job_flops`` [FLOP/s] and the chain's inputs as used. Attribute
        ``notes`` lists caveats in plain words: a job larger than the site powers, and every
        warning of ``training_flags`` (`FLAGS`: does not fit, goodput below `LOW_GOODPUT`,
        beyond the horizon, energy above a share of the US data centres' use, more chips than
        the fastest job size, no progress).

    Examples
    --------
    >>> r = train("h100", job_chips=16384, model="llama3-405b", mfu=0.4, site_power=100)
    >>> round(float(r.training_days), 1), round(float(r.goodput), 3)
    (79.6, 0.853)
    """
    validate.precision(precision)
    if model is None and parameters is None and tokens is None and training_compute is None:
        model = "llama3-405b"
    ds = compute(
        chip=chip,
        job_chips=job_chips,
        model=model,
        parameters=parameters,
        tokens=tokens,
        training_compute=training_compute,
        **scenario,
    )
    _check_mode(ds, precision)
    res = ds[[k for k in RUN_VARIABLES if k in ds]]
    res = res.sel(precision=precision).drop_vars(["precision", "basis"], errors="ignore")
    notes: list[str] = []
    if bool((ds.job_chips > ds.chips_powered).any()):
        notes.append(
            "the site cannot power every chip of the job (job_chips > chips_powered): "
            "the run's energy is "
            "what the job's chips would draw"
        )
    bits = np.bitwise_or.reduce(np.atleast_1d(res.training_flags.values).ravel())
    one = res.training_flags.ndim == 0
    notes += flag_notes(
        int(bits),
        best=float(res.best_job_chips.max()) if one else None,
        fewest=float(res.min_job_chips.max()) if one else None,
        ideal=float(res.ideal_days.max()) if one else None,
    )
    chips = ds.chip.values
    res.attrs = {
        "chip": str(chips) if chips.ndim == 0 else ",".join(map(str, chips)),
        "precision": precision,
        "site_preset": ds.attrs.get("site_preset"),
        "model": model if isinstance(model, str) else "",
        "notes": "; ".join(notes),
    }
    return res


def _check_mode(ds: xr.Dataset, precision: str) -> None:
    """InputError unless every chip of `ds` has `precision` (else its days would be NaN)."""
    peak = catalog.chip_table().peak_flops.sel(chip=ds.chip.values, precision=precision)
    if bool(peak.isnull().any()):
        names = [
            str(c) for c in np.atleast_1d(peak.chip.values)[np.atleast_1d(peak.isnull().values)]
        ]
        raise InputError(
            "precision",
            precision,
            "a mode every chip has (see `explorer catalog chips`)",
            f"is not a mode of {', '.join(names)}",
        )


def train_model(
    model: str, precision: str = "bf16", with_goodput: bool = True, **scenario: Any
) -> xr.Dataset:
    """How long a catalog model would take on a site scenario (`explorer.compute` inputs), the
    whole site in one job.

    Returns ``days`` [day] (``ideal_days`` without goodput), ``effective_flops`` [FLOP/s],
    ``chips`` and, with goodput, ``mtbi`` [h], ``checkpoint_interval`` [min], ``goodput`` and its
    parts. Any site preset works: goodput degrades with scale, never to an error.

    Examples
    --------
    >>> r = train_model("llama3-405b", site="rainier-indiana")
    >>> bool(r.days > 0) and bool(0 < r.goodput < 1)
    True
    """
    validate.precision(precision)
    ds = compute(model=model, **scenario)
    _check_mode(ds, precision)
    ds = ds.sel(precision=precision)
    days = ds.training_days if with_goodput else ds.ideal_days
    out = xr.Dataset(
        {
            "days": days.assign_attrs(long_name="wall-clock training time"),
            "effective_flops": ds.effective_flops,
            "chips": ds.chips_powered,
        }
    )
    if with_goodput:
        out = out.assign(_goodput_vars(ds))
    return out.drop_vars(["precision", "basis"], errors="ignore").assign_attrs(
        model=model, precision=precision
    )


def train_on_chips(
    model: str,
    chips: Any,
    chip: str = "h100",
    precision: str = "bf16",
    mfu: Any = None,
    restart_minutes: Any = None,
) -> xr.Dataset:
    """How long a catalog model takes on `chips` accelerators of one kind at `mfu` (no site limit).

    `explorer.compute` with ``job_chips=chips``. Returns ``days`` (with interruptions; infinite
    when progress is impossible), ``ideal_days`` (none), ``effective_flops`` [FLOP/s] of the job
    and ``mtbi``, ``checkpoint_interval``, ``goodput`` and its parts, the restart at this job
    size (``restart_minutes``), the fastest job size (``best_job_chips``) and the run's warnings
    (``training_flags``, with a ``notes`` attribute for one job size: a run that practically
    never finishes says so); a list of `chips` adds a ``job_chips`` dimension.

    Examples
    --------
    >>> r = train_on_chips("llama3-405b", 16384, mfu=0.4)
    >>> round(float(r.ideal_days), 1), round(float(r.days), 1), int(r.training_flags)
    (67.9, 79.6, 0)
    >>> from explorer.training import FLAGS
    >>> r = train_on_chips("llama3-405b", 1_000_000)
    >>> bool(int(r.training_flags) & FLAGS["beyond_horizon"]), "longer than" in r.attrs["notes"]
    (True, True)
    """
    validate.precision(precision)
    catalog.check_name("model", model, "models")
    ds = compute(model=model, chip=chip, job_chips=chips, mfu=mfu, restart_minutes=restart_minutes)
    _check_mode(ds, precision)
    ds = ds.sel(precision=precision)
    out = xr.Dataset(
        {
            "days": ds.training_days.assign_attrs(
                long_name="wall-clock training time with interruptions"
            ),
            "ideal_days": ds.ideal_days.assign_attrs(
                long_name="wall-clock training time with no interruptions"
            ),
            "effective_flops": ds.job_flops.assign_attrs(long_name="effective FLOP/s of the job"),
            **_goodput_vars(ds),
            "restart_minutes": ds.job_restart_minutes,
            "best_job_chips": ds.best_job_chips,
            "training_flags": ds.training_flags,
        }
    )
    one = out.training_flags.ndim == 0
    notes = (
        "; ".join(
            flag_notes(
                int(out.training_flags),
                best=float(out.best_job_chips),
                ideal=float(out.ideal_days),
            )
        )
        if one
        else ""
    )
    return out.drop_vars(["precision", "basis"], errors="ignore").assign_attrs(
        model=model, chip=chip, precision=precision, notes=notes
    )


def _goodput_vars(ds: xr.Dataset) -> dict[str, xr.DataArray]:
    """The `goodput` variables of a `compute` result with a run."""
    return {"mtbi": ds.job_mtbi, **{k: ds[k] for k in GOODPUT_VARS}}
