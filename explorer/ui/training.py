"""The Advanced screen's training panel: the core's training outputs as one card (pure HTML).

No physics here: every number is an output of `explorer.compute(..., model=...)`; the only
arithmetic is a change of units, through the core's catalog and `explorer.units`.
"""

from __future__ import annotations

import html
import math
from collections.abc import Mapping

import xarray as xr

from .. import catalog, fmt
from ..training import flag_notes
from ..units import factor
from .cards import amount


def city_days(ds: xr.Dataset, v: Mapping[str, float]) -> float:
    """The run's energy as days of the site's (the city's) electricity [day]: ``run_energy``
    over ``annual_energy`` spread over the catalog's year, each in its units in `ds`'s attrs
    (`v` holds their values as plain floats).

    Examples
    --------
    >>> ds = xr.Dataset({"run_energy": ((), 0, {"units": "MWh"}),
    ...                  "annual_energy": ((), 0, {"units": "GWh"})})
    >>> round(city_days(ds, {"run_energy": 47_050, "annual_energy": 2628}), 1)
    6.5

    (47,050 MWh ÷ (2,628,000 MWh ÷ 365 days).)
    """
    run_units = ds["run_energy"].attrs["units"]
    hours = catalog.value("conventions.hours_per_year", "hour / year")
    # the annual energy in the run's units, per day of the catalog's year
    per_day = (
        v["annual_energy"]
        * factor(ds["annual_energy"].attrs["units"], run_units)
        / (hours * factor("hour", "day"))
    )
    return v["run_energy"] / per_day if per_day > 0 else math.nan


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
        days = city_days(ds, v)
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
        notes = flag_notes(
            flags, v.get("best_job_chips"), v.get("min_job_chips"), v.get("ideal_days")
        )
        body += "".join(
            f"<div class='explorer-training-flag' style='color:#a33'>⚠ {html.escape(n)}</div>"
            for n in notes
        )
    return (
        f"<div class='explorer-training' style='border-left:4px solid #009E73;padding:2px 8px;"
        f"margin:4px 0'><div style='font-size:0.85em;color:#444'>Training {name}</div>"
        f"<div style='font-size:0.85em;color:#333'>{body}</div></div>"
    )
