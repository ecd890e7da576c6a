"""Turn user inputs (scalars, lists, arrays, DataArrays) into checked DataArrays.

Every entry point (API, CLI, widgets, URL parameters) goes through these checks, so a bad value
is answered the same way everywhere: one `InputError` naming the field, the value and the range.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import xarray as xr

from .errors import InputError


@dataclass(frozen=True)
class Bound:
    """The allowed range of a numeric input."""

    lo: float
    hi: float
    unit: str = ""
    lo_open: bool = False
    hi_open: bool = False
    integer: bool = False

    def describe(self, field: str) -> str:
        """The range in words, e.g. ``"1 MW ≤ site_power ≤ 10000 MW"``.

        Examples
        --------
        >>> BOUNDS["cooling_fraction"].describe("cooling_fraction")
        '0 ≤ cooling_fraction < 1'
        """
        u = f" {self.unit}" if self.unit else ""
        lo = "<" if self.lo_open else "≤"
        hi = "<" if self.hi_open else "≤"
        kind = ", a whole number" if self.integer else ""
        return f"{_fmt(self.lo)}{u} {lo} {field} {hi} {_fmt(self.hi)}{u}{kind}"

    def ok(self, x: np.ndarray) -> np.ndarray:
        above = x > self.lo if self.lo_open else x >= self.lo
        below = x < self.hi if self.hi_open else x <= self.hi
        return above & below


def _fmt(x: float) -> str:
    return f"{x:g}" if abs(x) < 1e7 else f"{x:.3g}"


# The model's domain, in the model's working units: the one rule every entry point follows
# (API, CLI, URL parameters, widgets). Zero is allowed wherever the formulas stay meaningful at
# zero (no cooling, no other losses, free power, a zero-carbon grid, no water). Where zero (or a
# vanishing value) makes no sense, the range starts above it:
# - chips ≥ 1: an empty site draws nothing (say chips=None to fill the site);
# - load_factor ≥ 0.01: a site idle 99 % of the year is not a scenario this model describes, and
#   0 (or a subnormal) would show a non-zero site as "a city of 0 households".
# MFU 0 stays allowed in compute (0 FLOP/s achieved is a plain answer; with a training run it
# sets training_impossible); explorer.training.training_days bounds effective_flops above 0.
BOUNDS: dict[str, Bound] = {
    "site_power": Bound(1, 10_000, "MW"),
    "cooling_fraction": Bound(0, 1, "", hi_open=True),
    "pue": Bound(1, 10, ""),
    "overhead_fraction": Bound(0, 1, "", hi_open=True),
    "chips": Bound(1, 1e9, "chips", integer=True),
    # and, per chip, from its minimum settable power limit to 1.5 x its TDP (`chip_tdp`)
    "chip_tdp": Bound(10, 5_000, "W"),
    "server_overhead": Bound(1, 5, ""),
    "it_overhead": Bound(1, 2, ""),
    "mfu": Bound(0, 1, ""),
    "load_factor": Bound(0.01, 1, ""),
    "electricity_price": Bound(0, 10_000, "USD/MWh"),
    "carbon_intensity": Bound(0, 2_000, "g/kWh"),
    "wue": Bound(0, 20, "L/kWh"),
    # batteries (explorer.batteries)
    "power": Bound(0, 10_000, "MW"),
    "duration": Bound(0, 24 * 7, "h"),
    "battery_price": Bound(0, 10_000, "USD/kWh"),
    "battery_energy": Bound(0, 1e6, "MWh"),
    # training (explorer.training)
    "parameters": Bound(1, 1e15, "parameters"),
    "tokens": Bound(1, 1e17, "tokens"),
    "training_compute": Bound(1, 1e32, "FLOP"),
    "effective_flops": Bound(0, 1e25, "FLOP/s", lo_open=True),
    "goodput": Bound(0, 1, "", lo_open=True),  # share of wall-clock time that advances training
    "job_chips": Bound(1, 1e9, "chips", integer=True),
    "checkpoint_minutes": Bound(0, 600, "min", lo_open=True),
    "restart_minutes": Bound(0, 1440, "min"),
    # restart minutes added per 1,000 job chips beyond the Llama 3 job's 16,384
    "restart_growth": Bound(0, 60, "min"),
    # at most one interruption per accelerator-hour: 20,000 times the Llama 3 run's rate
    "interruption_rate": Bound(0, 1, "per chip-hour"),
    # the bare training chain's inputs that compute derives (explorer.training.chain)
    "effective_flops_per_chip": Bound(0, 1e17, "FLOP/s"),
    "facility_power": Bound(0, 100_000, "MW"),
}

# Where a slider spans less than the core accepts (a typed field or a link may still give any
# value inside BOUNDS): above a 90 % cooling share almost nothing is left for IT, and ten
# million accelerators is far beyond any announced cluster, so the slider's steps would be wasted.
SLIDER_SPANS: dict[str, Bound] = {
    "cooling_fraction": Bound(0, 0.9, ""),
    "chips": Bound(1, 1e7, "chips", integer=True),
}


def slider_span(field: str) -> Bound:
    """The range a slider for `field` offers: `SLIDER_SPANS`, else the field's bound.

    Examples
    --------
    >>> slider_span("cooling_fraction").hi, slider_span("mfu").hi
    (0.9, 1)
    """
    return SLIDER_SPANS.get(field, BOUNDS[field])


def number(field: str, x: object) -> xr.DataArray:
    """A checked numeric input as a DataArray.

    Scalars become 0-d; a list or 1-d array becomes a dimension named after the field
    (with its values as coordinate); a DataArray keeps its own dimensions.

    Examples
    --------
    >>> number("site_power", [300, 600]).dims
    ('site_power',)
    >>> number("load_factor", 0)
    Traceback (most recent call last):
    ...
    explorer.errors.InputError: load_factor = 0 is out of range; allowed: 0.01 ≤ load_factor ≤ 1.
    """
    bound = BOUNDS[field]
    if isinstance(x, xr.DataArray):
        da = x
    elif isinstance(x, bool) or x is None or isinstance(x, str | bytes):
        raise InputError(field, x, bound.describe(field), "is not a number")
    elif isinstance(x, int | float | np.integer | np.floating):
        da = xr.DataArray(float(x))
    elif isinstance(x, Sequence | np.ndarray):
        arr = _as_float_array(field, x, bound)
        if arr.ndim != 1:
            raise InputError(
                field,
                x,
                bound.describe(field),
                "has more than one dimension (pass a DataArray with named dimensions)",
            )
        da = xr.DataArray(arr, dims=field, coords={field: arr})
    else:
        raise InputError(field, x, bound.describe(field), "is not a number")
    if da.size == 0:
        raise InputError(field, "[]", bound.describe(field), "is empty (give at least one value)")
    data = _as_float_array(field, da.values, bound)
    _check_values(field, data, bound)
    if da.dtype != np.float64:
        da = da.astype(np.float64)
    if (data == 0).any():  # -0.0 becomes 0.0, so no output shows "-0"
        da = da + 0.0
    return da


def labelled(field: str, x: object) -> xr.DataArray | xr.Variable:
    """Like `number`, but a plain scalar comes back as a bare 0-d Variable (the fast path).

    Examples
    --------
    >>> labelled("cooling_fraction", -0.0).values  # -0 arrives as 0
    array(0.)
    """
    if isinstance(x, int | float | np.integer | np.floating) and not isinstance(x, bool):
        bound = BOUNDS[field]
        data = np.asarray(float(x) + 0.0)  # + 0.0 turns -0.0 into 0.0
        _check_values(field, data, bound)
        return xr.Variable((), data)
    return number(field, x)


def _as_float_array(field: str, x: object, bound: Bound) -> np.ndarray:
    try:
        arr = np.asarray(x, dtype=np.float64)
    except (TypeError, ValueError):
        raise InputError(field, x, bound.describe(field), "is not a number") from None
    return arr


def _check_values(field: str, data: np.ndarray, bound: Bound) -> None:
    finite = np.isfinite(data)
    if not finite.all():
        bad = data[~finite].flat[0]
        raise InputError(field, bad, bound.describe(field), "is not a finite number")
    ok = bound.ok(data)
    if bound.integer:
        ok &= data == np.floor(data)
    if not ok.all():
        bad = data[~ok].flat[0]
        if bound.integer and bound.ok(np.asarray(bad)):
            raise InputError(field, float(bad), bound.describe(field), "is not a whole number")
        shown = int(bad) if bad == math.floor(bad) and abs(bad) < 1e15 else bad
        raise InputError(field, shown, bound.describe(field))


def whole(field: str, x: object, lo: int, hi: int) -> int:
    """A whole number lo ≤ x ≤ hi (a count, a seed, a chunk size), from a number or a string.

    Examples
    --------
    >>> whole("chunks", "200", 1, 10**9)
    200
    >>> whole("n", 0, 1, 9)
    Traceback (most recent call last):
    ...
    explorer.errors.InputError: n = 0 is out of range; allowed: a whole number 1 ≤ n ≤ 9.
    """
    allowed = f"a whole number {lo:,} ≤ {field} ≤ {hi:,}"
    if isinstance(x, bool) or not isinstance(x, int | float | str | np.integer | np.floating):
        raise InputError(field, brief(x), allowed, "is not a whole number")
    if isinstance(x, int | np.integer):
        v = int(x)  # exact, also past 2**53
    else:
        try:
            v = int(x) if isinstance(x, str) and x.strip().lstrip("+-").isdigit() else float(x)
        except ValueError:
            raise InputError(field, x, allowed, "is not a whole number") from None
        if not math.isfinite(v) or v != math.floor(v):
            raise InputError(field, x, allowed, "is not a whole number")
        v = int(v)
    if not lo <= v <= hi:
        raise InputError(field, v, allowed)
    return v


def brief(x: object) -> object:
    """A value as an error message shows it: small scalars as they are, others by type.

    Examples
    --------
    >>> brief(5), brief([1, 2])
    (5, 'list')
    """
    return x if isinstance(x, int | float | str | None) else type(x).__name__


def fractions_sum(
    cooling: xr.DataArray | xr.Variable, overhead: xr.DataArray | xr.Variable
) -> None:
    """Cooling and other non-IT loads must leave some power for IT.

    Examples
    --------
    >>> fractions_sum(labelled("cooling_fraction", 0.9), labelled("overhead_fraction", 0.1))
    Traceback (most recent call last):
    ...
    explorer.errors.InputError: cooling_fraction + overhead_fraction = 1.0 leaves no power for IT;
    allowed: a sum below 1 (some site power must reach the IT equipment).
    """
    total = np.asarray((_var(cooling) + _var(overhead)).values)
    if (total >= 1).any():
        bad = float(total[total >= 1].flat[0])
        raise InputError(
            "cooling_fraction + overhead_fraction",
            round(bad, 6),
            "a sum below 1 (some site power must reach the IT equipment)",
            "leaves no power for IT",
        )


def name_list(
    field: str, x: object, choices: list[str], aliases: dict[str, str] | None = None
) -> str | list[str]:
    """A catalog name or a list of them (a list becomes a dimension); old aliases map to names.

    Examples
    --------
    >>> name_list("chip", ["h100", "trn2"], ["trn2", "h100"])
    ['h100', 'trn2']
    >>> name_list("chip", "a800", ["trn2", "h100"])
    Traceback (most recent call last):
    ...
    explorer.errors.InputError: chip = 'a800' is not a known name; allowed: one of trn2, h100.
    """
    allowed = "one of " + ", ".join(choices)
    aliases = aliases or {}
    if isinstance(x, str):
        x = aliases.get(x, x)
        if x not in choices:
            raise InputError(field, x, allowed, "is not a known name")
        return x
    if isinstance(x, xr.DataArray):
        x = x.values.tolist()
    if isinstance(x, Sequence | np.ndarray) and not isinstance(x, bytes):
        items = [aliases.get(i, i) if isinstance(i, str) else i for i in x]
        if not items:
            raise InputError(field, items, allowed, "is an empty list")
        for item in items:
            if not isinstance(item, str) or item not in choices:
                raise InputError(field, item, allowed, "is not a known name")
        if len(set(items)) != len(items):
            raise InputError(field, items, allowed + ", each at most once", "repeats a name")
        return items
    raise InputError(field, x, allowed, "is not a name")


def _var(x: xr.DataArray | xr.Variable) -> xr.Variable:
    return x.variable if isinstance(x, xr.DataArray) else x


def precision(name: object) -> str:
    """A precision name (``bf16``, ``fp8``, ``fp8_sparse``): the one check every entry point uses.

    Examples
    --------
    >>> precision("fp8")
    'fp8'
    >>> precision("fp4")
    Traceback (most recent call last):
    ...
    explorer.errors.InputError: precision = 'fp4' is not a known name;
    allowed: one of bf16, fp8, fp8_sparse.
    """
    from .catalog import PRECISIONS

    if not isinstance(name, str) or name not in PRECISIONS:
        shown = name if not isinstance(name, str) or len(name) <= 40 else name[:37] + "..."
        raise InputError(
            "precision", shown, "one of " + ", ".join(PRECISIONS), "is not a known name"
        )
    return name


# Per-chip range of `chip_tdp` around the catalog TDP: boards are not provisioned far above their
# rating. The floor is the chip's minimum settable power limit (catalog ``chips.*.min_power``,
# else ``capping.min_power_share`` x its TDP), passed in by the caller.
CHIP_TDP_RANGE = (0.25, 1.5)


def chip_tdp(
    tdp_w: xr.Variable,
    catalog_tdp_w: xr.Variable,
    chips: list[str] | str,
    floor_w: xr.Variable | None = None,
) -> None:
    """Check a given per-chip power [W] against each chip's own range: from its minimum settable
    power limit `floor_w` [W] (default a quarter of its TDP) to 1.5 × its catalog TDP [W].

    Examples
    --------
    >>> import xarray as xr
    >>> chip_tdp(xr.Variable((), 960.0), xr.Variable((), 1200.0), "gb200")
    >>> chip_tdp(xr.Variable((), 175.0), xr.Variable((), 700.0), "h100", xr.Variable((), 200.0))
    Traceback (most recent call last):
    ...
    explorer.errors.InputError: chip_tdp = 175.0 is out of range for h100;
    allowed: 200 W ≤ chip_tdp ≤ 1050 W (its minimum power limit to 1.5 x its 700 W TDP).
    """
    lo_f, hi_f = CHIP_TDP_RANGE
    floor = lo_f * catalog_tdp_w if floor_w is None else floor_w
    bad = (tdp_w < floor) | (tdp_w > hi_f * catalog_tdp_w)
    if not bad.values.any():
        return
    first = tuple(np.argwhere(np.asarray(bad.values))[0]) if bad.ndim else ()
    pick = dict(zip(bad.dims, first, strict=True))
    value = float((tdp_w + 0.0 * catalog_tdp_w).transpose(*bad.dims).values[first])
    one = {"chip": pick["chip"]} if "chip" in pick else {}
    rated = float(catalog_tdp_w.isel(one).values) if one else float(catalog_tdp_w.values)
    lowest = float(floor.isel(one).values) if one and "chip" in floor.dims else float(floor.values)
    name = chips[pick["chip"]] if "chip" in pick else chips
    raise InputError(
        "chip_tdp",
        float(f"{value:.12g}"),
        f"{_fmt(lowest)} W ≤ chip_tdp ≤ {_fmt(hi_f * rated)} W "
        f"(its minimum power limit to {hi_f:g} x its {_fmt(rated)} W TDP)",
        f"is out of range for {name}",
    )
