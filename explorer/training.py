"""From FLOPS to a trained model: training compute, wall-clock time and goodput.

- compute of a training run: C ≈ 6 × parameters × tokens (catalog: training.flops_per_parameter_token);
- time = C / (effective FLOP/s × goodput);
- goodput: the share of wall-clock time that advances training, given interruptions
  (the job's mean time between interruptions falls as 1 / chips, scaled from Llama 3's run),
  checkpoints every τ (Young/Daly optimum τ = √(2 C_ckpt M)) and a restart after each failure.

Everything broadcasts over xarray/NumPy inputs.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import xarray as xr

from . import catalog
from .errors import InputError
from .units import factor
from .validate import number

_S_PER_H = factor("hour", "s")
_S_PER_DAY = factor("day", "s")
_S_PER_MIN = factor("minute", "s")


def _num(field: str, x: Any) -> xr.DataArray:
    return number(field, x)


def training_compute(parameters: Any, tokens: Any) -> xr.DataArray:
    """FLOP to train a dense transformer of `parameters` on `tokens` (≈ 6 N D)."""
    k = catalog.value("training.flops_per_parameter_token", "FLOP")
    out = k * _num("parameters", parameters) * _num("tokens", tokens)
    return out.assign_attrs(units="FLOP", long_name="training compute (6 N D)")


def model_compute(model: str) -> float:
    """Published training compute of a catalog model [FLOP]."""
    catalog.check_name("model", model, "models")
    return catalog.value(f"models.{model}.training_compute", "FLOP")


def goodput(chips: Any, checkpoint_minutes: Any = None, restart_minutes: Any = None) -> xr.Dataset:
    """Share of time spent training when `chips` accelerators run one synchronous job.

    Interruptions scale from the Llama 3 405B run (one every 3.09 h on 16,384 H100s) as
    1 / chips. Returns ``mtbi`` [h], ``checkpoint_interval`` [min] and ``goodput`` [1].
    """
    n = _num("job_chips", chips)
    ref_n = catalog.value("reliability.reference_chips", "dimensionless")
    ref_m = catalog.value("reliability.job_mtbi", "hour") * _S_PER_H
    c = _num("checkpoint_minutes", catalog.value("reliability.checkpoint_time", "minute") if checkpoint_minutes is None else checkpoint_minutes) * _S_PER_MIN
    r = _num("restart_minutes", catalog.value("reliability.restart_time", "minute") if restart_minutes is None else restart_minutes) * _S_PER_MIN
    m = ref_m * ref_n / n  # seconds between interruptions for the whole job
    tau = np.sqrt(2 * c * m)  # Young's optimum
    # time lost per interval: writing the checkpoint; per failure: half an interval of work + restart
    g = (1 - c / tau - (tau / 2 + r) / m).clip(0, 1)
    return xr.Dataset({
        "mtbi": (m / _S_PER_H).assign_attrs(units="h", long_name="job mean time between interruptions"),
        "checkpoint_interval": (tau / _S_PER_MIN).assign_attrs(units="min", long_name="optimal checkpoint interval (Young)"),
        "goodput": g.assign_attrs(units="1", long_name="share of wall-clock time that advances training"),
    })


def training_days(training_compute: Any, effective_flops: Any, goodput_share: Any = 1.0) -> xr.DataArray:
    """Wall-clock days to deliver `training_compute` [FLOP] at `effective_flops` [FLOP/s]."""
    c = _num("training_compute", training_compute)
    f = _num("effective_flops", effective_flops)
    g = xr.DataArray(goodput_share) if not isinstance(goodput_share, xr.DataArray) else goodput_share
    if not np.all((g > 0) & (g <= 1)):
        raise InputError("goodput", float(np.min(g)), "0 < goodput ≤ 1")
    return (c / (f * g) / _S_PER_DAY).assign_attrs(units="day", long_name="wall-clock training time")


def train_model(model: str, precision: str = "bf16", with_goodput: bool = True, **scenario: Any) -> xr.Dataset:
    """How long a catalog model would take on a site scenario (`explorer.compute` inputs)."""
    from .model import compute

    if precision not in catalog.PRECISIONS:
        raise InputError("precision", precision, "one of " + ", ".join(catalog.PRECISIONS), "is not a known name")
    ds = compute(**scenario)
    eff = ds.effective_flops.sel(precision=precision)
    g = goodput(ds.chips_powered.clip(min=1)) if with_goodput else None
    share = g.goodput if g is not None else 1.0
    days = training_days(model_compute(model), eff, share)
    out = xr.Dataset({"days": days, "effective_flops": eff, "chips": ds.chips_powered})
    if g is not None:
        out = out.merge(g)
    return out.assign_attrs(model=model, precision=precision)


def train_on_chips(model: str, chips: Any, chip: str = "h100", precision: str = "bf16", mfu: Any = None,
                   restart_minutes: Any = None) -> xr.Dataset:
    """How long a catalog model takes on `chips` accelerators of one kind at `mfu` (no site limit).

    Returns ``days`` (with interruptions; infinite when restarts eat all the time), ``ideal_days``
    (none), ``effective_flops`` [FLOP/s] and the goodput variables."""
    if precision not in catalog.PRECISIONS:
        raise InputError("precision", precision, "one of " + ", ".join(catalog.PRECISIONS), "is not a known name")
    catalog.check_name("chip", chip, "chips")
    n = _num("job_chips", chips)
    u = _num("mfu", catalog.value("defaults.mfu", "dimensionless") if mfu is None else mfu)
    peak = float(catalog.chip_table().peak_flops.sel(chip=chip, precision=precision))
    eff = (n * peak * u).assign_attrs(units="FLOP/s", long_name="effective cluster FLOP/s")
    g = goodput(n, restart_minutes=restart_minutes)
    ideal = training_days(model_compute(model), eff)
    days = xr.where(g.goodput > 0, ideal / g.goodput.where(g.goodput > 0, 1.0), np.inf)
    return g.assign(
        days=days.assign_attrs(units="day", long_name="wall-clock training time with interruptions"),
        ideal_days=ideal.assign_attrs(units="day", long_name="wall-clock training time with no interruptions"),
        effective_flops=eff,
    ).assign_attrs(model=model, chip=chip, precision=precision)
