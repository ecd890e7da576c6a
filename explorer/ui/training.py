"""The Advanced screen's training panel: the core's training outputs as one card (pure HTML).

No physics here: every number is an output of `explorer.compute(..., model=...)`; the only
arithmetic is a change of units, through the core's catalog and `explorer.units`.
"""

from __future__ import annotations

import html
import math

import xarray as xr

from .. import catalog, fmt
from ..training import flag_notes
from ..units import factor
from .cards import amount

# the city's electricity per day [MWh/day] = annual energy [GWh] × this
_MWH_PER_DAY_PER_GWH_YEAR = factor("GWh", "MWh") / (
    catalog.value("conventions.hours_per_year", "hour / year") / factor("day", "hour")
)


def city_days(run_energy_mwh: float, annual_energy_gwh: float) -> float:
    """The run's energy as days of the site's (the city's) electricity [day].

    Examples
    --------
    >>> round(city_days(47_050, 2628), 1)  # 47,050 MWh ÷ (2,628,000 MWh ÷ 365 days)
    6.5
    """
    per_day = annual_energy_gwh * _MWH_PER_DAY_PER_GWH_YEAR
    return run_energy_mwh / per_day if per_day > 0 else math.nan


def training_html(
    ds: xr.Dataset, v: dict[str, float], model: str | None, precision: str, impossible: bool
) -> str:
    """The training card for one scenario's result `ds` (its attrs give the units) and its
    outputs `v` (plain floats at `precision`)."""
    if model is None:
        return (
            "<div style='font-size:0.9em;color:#333'>Choose a model under “Training a model” "
            "to see how long training it would take here, its goodput and the run's "
            "electricity.</div>"
        )
    name = html.escape(catalog.label("models", model))
    if impossible or not math.isfinite(v["training_days"]):
        body = (
            "<div style='font-size:1.5em;font-weight:600' class='explorer-value'>never</div>"
            "<div>With these settings training makes no progress (no FLOPS at this precision, "
            "or checkpoints and restarts that never complete).</div>"
        )
    else:

        def q(name: str) -> str:
            return amount(ds, name, v[name])

        parts = (
            ("writing checkpoints", v["checkpoint_share"]),
            ("redoing lost work", v["lost_work_share"]),
            ("restarting", v["restart_share"]),
        )
        lost = "; ".join(f"{fmt.percent(x)} {html.escape(n)}" for n, x in parts)
        days = city_days(v["run_energy"], v["annual_energy"])
        body = (
            "<div style='font-size:1.5em;font-weight:600' class='explorer-value'>"
            f"{fmt.number(v['training_days'])} days</div>"
            f"<div>on {fmt.number(v['job_chips'])} chips ({html.escape(precision)}); "
            f"{fmt.number(v['ideal_days'])} days with no interruption.</div>"
            f"<div class='explorer-goodput'>Goodput {fmt.percent(v['goodput'])} of the time "
            f"trains; the rest: {lost}.</div>"
            f"<div class='explorer-run-energy'>Run energy {q('run_energy')} = "
            f"{fmt.number(days)} days of the city's electricity; "
            f"CO₂ {q('run_co2')}, cost {q('run_cost')}.</div>"
        )
    flags = int(v.get("training_flags", 0) or 0)
    if flags and not impossible:
        notes = flag_notes(flags, v.get("best_job_chips"), v.get("min_job_chips"))
        body += "".join(
            f"<div class='explorer-training-flag' style='color:#a33'>⚠ {html.escape(n)}</div>"
            for n in notes
        )
    return (
        f"<div class='explorer-training' style='border-left:4px solid #009E73;padding:2px 8px;"
        f"margin:4px 0'><div style='font-size:0.85em;color:#444'>Training {name}</div>"
        f"<div style='font-size:0.85em;color:#333'>{body}</div></div>"
    )
