"""Human-readable numbers with units: "2.63 TWh/yr", "615,612 people",
"1.25e+20 FLOP/s" → "125 EFLOP/s"; what has no prefix, in powers of ten: "3.8 × 10²⁵ FLOP".

Pure string formatting (no physics): the app, the CLI and the notebooks share it.
"""

from __future__ import annotations

import math

_PREFIXES = [
    (1e24, "Y"),
    (1e21, "Z"),
    (1e18, "E"),
    (1e15, "P"),
    (1e12, "T"),
    (1e9, "G"),
    (1e6, "M"),
    (1e3, "k"),
]
# units that take SI prefixes, and the unit the model reports them in (its prefix is folded in)
_SCALED = {
    "FLOP/s": ("FLOP/s", 1.0),
    "FLOP/s/W": ("FLOP/s per W", 1.0),
    "MW": ("W", 1e6),
    "kW": ("W", 1e3),
    "GWh": ("Wh", 1e9),
    "TB": ("B", 1e12),
    "TB/s": ("B/s", 1e12),
}
_COUNTS = {"people", "households", "count", "USD", "t", "m3", "refrigeration ton"}
_SHOWN = {"m3": "m³", "t": "t CO₂e", "count": "", "1": ""}


def rounded(x: float, digits: int = 3) -> float:
    """`x` rounded to `digits` significant figures, as a number (the value a figure printed to
    `digits` figures stands for). Float noise is cleared first (to 12 figures): 1.425 computed
    as 1.4249999999999998 rounds as 1.425 does.

    Examples
    --------
    >>> rounded(128_494), rounded(0.354, 2), rounded(1.7544, 2)
    (128000.0, 0.35, 1.8)
    >>> rounded(0.57 * 2.5, 3)  # 1.4249999999999998 in binary
    1.43
    """
    return float(f"{float(f'{x:.12g}'):.{digits}g}")


def number(x: float, digits: int = 3) -> str:
    """A plain number: thousands separators for large values, `digits` significant otherwise."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "n/a"
    if math.isinf(x):
        return "∞" if x > 0 else "−∞"
    if x == 0:
        return "0"
    ax = abs(x)
    if ax >= 1e15 or ax < 1e-4:
        return sci(x, digits)
    if ax >= 10 ** (digits - 1):
        return f"{round(x):,}"
    return f"{x:.{digits}g}"


_SUPERSCRIPTS = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def sci(x: float, digits: int = 3) -> str:
    """`x` in scientific notation as a reader writes it, never a computer's ``e+25``.

    Examples
    --------
    >>> sci(3.79e25), sci(4.97e5, 2), sci(-1.2e-6, 2), sci(1e18)
    ('3.79 × 10²⁵', '5 × 10⁵', '−1.2 × 10⁻⁶', '1 × 10¹⁸')
    """
    if x is None or not math.isfinite(x) or x == 0:
        return number(x, digits)
    mantissa, exponent = f"{x:.{digits - 1}e}".split("e")
    mantissa = mantissa.rstrip("0").rstrip(".") if "." in mantissa else mantissa
    sign = "−" if mantissa.startswith("-") else ""
    power = str(int(exponent)).translate(_SUPERSCRIPTS)
    return f"{sign}{mantissa.lstrip('-')} × 10{power}"


def si(x: float, unit: str, digits: int = 3) -> str:
    """`x` in base `unit` with an SI prefix: si(2.63e12, "Wh") → "2.63 TWh"."""
    if x is None or not math.isfinite(x):
        return f"{number(x)} {unit}".strip()
    ax = abs(x)
    for scale, prefix in _PREFIXES:
        if ax >= scale:
            return f"{x / scale:.{digits}g} {prefix}{unit}"
    return f"{x:.{digits}g} {unit}"


def quantity(value: float, units: str, digits: int = 3) -> str:
    """A model output in its `units` attr, formatted for a reader."""
    if units in _SCALED:
        base, scale = _SCALED[units]
        return si(value * scale, base, digits)
    if units in _COUNTS:
        shown = _SHOWN.get(units, units)
        if value is not None and math.isfinite(value) and abs(value) >= 1e9:
            return f"{value / 1e9:.{digits}g} billion {shown}".strip()
        if value is not None and math.isfinite(value) and abs(value) >= 1e6:
            return f"{value / 1e6:.{digits}g} million {shown}".strip()
        return f"{number(value, digits)} {shown}".strip()
    shown = _SHOWN.get(units, units)
    return f"{number(value, digits)} {shown}".strip()


def percent(fraction: float, digits: int = 3, *, decimals: int | None = None) -> str:
    """A share as a percentage: `digits` significant figures, or a fixed number of `decimals`
    (for a column of percentages read against each other).

    Examples
    --------
    >>> percent(0.4), percent(0.329, 2), percent(0.1, decimals=1)
    ('40 %', '33 %', '10.0 %')
    """
    if decimals is not None:
        return f"{fraction * 100:.{decimals}f} %"
    return f"{number(fraction * 100, digits)} %"


def percent_range(low: float, high: float, digits: int = 3) -> str:
    """Two shares as a range of percentages, the sign once: (0.3, 0.5) → "30–50 %".

    Examples
    --------
    >>> percent_range(0.3, 0.5), percent_range(0.38, 0.4125, 2)
    ('30–50 %', '38–41 %')
    """
    return f"{number(low * 100, digits)}–{percent(high, digits)}"
