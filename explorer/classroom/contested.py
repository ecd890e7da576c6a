"""Lesson 8's printouts (walkthrough ``08-why-are-the-numbers-contested``): the tables its cells
show, from the core and the catalog, so each notebook cell stays one line on the student
handout.

Examples
--------
>>> ranges_table("rainier-mississippi")  # doctest: +ELLIPSIS
figure                           low end           central          high end
...
for contrast, two sure figures (high confidence), used as they are:
hours in a year ...
"""

from __future__ import annotations

from .. import catalog, fmt, uncertainty
from ..ui import headlines

# units as the table writes them; the chip's speed names the chip
_UNITS = {"kWh / household / year": "kWh a year", "L / kWh": "L per kWh", "g / kWh": "g per kWh"}
_LABELS = {"chips.trn2.fp8_sparse": "Trainium2 FP8 sparse"}


def _shown(value: float, unit: str, times: bool) -> str:
    """One end of a range as the table writes it: ×1.09 for a multiplier, 10 % for a share."""
    if times:  # a multiplier: the power or speed is multiplied by it
        return f"×{fmt.number(value)}"
    if not unit:
        return fmt.percent(value)
    return f"{fmt.number(value)} {unit}"


def ranges_table(site: str) -> None:
    """Step 1: each uncertain figure of `site`'s model with its low end, central value and high
    end (the cooling share with the article's figures at its centre: the lesson tests the
    article), then two sure figures, used as they are, with their sources.

    Examples
    --------
    >>> ranges_table("rainier-mississippi")  # doctest: +ELLIPSIS
    figure ...
    use per household ...
    ...
    """
    print(f"{'figure':22} {'low end':>17} {'central':>17} {'high end':>17}")
    for p in uncertainty.parameters(site, cooling_default="article"):
        r = catalog.uncertainty_ranges()[p.key]
        unit = "" if r.unit in ("1", "dimensionless") else _UNITS.get(r.unit, r.unit)
        times = not unit and r.high > 1
        label = _LABELS.get(p.key, headlines.figure_label(p.key))
        print(
            f"{label:22} {_shown(r.low, unit, times):>17} "
            f"{_shown(r.central, unit, times):>17} {_shown(r.high, unit, times):>17}"
        )
    print()
    print("for contrast, two sure figures (high confidence), used as they are:")
    for key, label in (
        ("conventions.hours_per_year", "hours in a year"),
        ("cooling.aws-fleet.pue", "AWS's fleet PUE"),
    ):
        e = catalog.entry(key)
        print(f"{label:22} {fmt.number(e.value):>17}   {e.source_title}, {e.date}")
