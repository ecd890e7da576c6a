"""One pint registry for the project, and cached conversion factors for the fast path.

The core converts catalog values into its working units once (at catalog load) and applies
unit conversions in formulas as plain floats taken from pint, so a live recompute never
parses a unit string.
"""

from __future__ import annotations

from functools import cache

import pint

ureg = pint.UnitRegistry()
ureg.define("FLOP = [computation]")
ureg.define("USD = [currency]")
ureg.define("person = [population]")
ureg.define("household = [households]")
ureg.define("tCO2 = tonne")

Quantity = ureg.Quantity


@cache
def factor(src: str, dst: str) -> float:
    """Multiplier that converts a number in unit `src` into unit `dst` (pint does the work).

    Examples
    --------
    >>> factor("MW", "kW")
    1000.0
    >>> round(factor("MW", "refrigeration_ton"), 2)
    284.35
    """
    return float(ureg.Quantity(1.0, src).to(dst).magnitude)


def to(value: float, src: str, dst: str) -> float:
    """Convert a plain number from `src` to `dst` units.

    Examples
    --------
    >>> to(1.5, "GWh", "MWh")
    1500.0
    """
    return value * factor(src, dst)
