"""The 90 % range of the app's headline numbers, cheap enough for every slider step.

`headline_ranges` answers one scenario: for each headline (the city, the cooling load, the IT and
facility power, the chips the power feeds, the cluster's peak FLOP/s, the energy per year and,
with a training run, the training days) it gives the central value (exactly what
`explorer.compute` returns) and the 5th and 95th percentiles of a fixed-seed Monte Carlo sample
of the catalog's uncertain figures (`explorer.uncertainty`).

Why it is fast. The draws depend only on which figures are uncertain and on their ranges, not on
the slider values, so they are drawn once per set of figures and cached; each call only
re-evaluates the model's formulas (`explorer.uncertainty.evaluate_raw`: no Dataset is built) on
`SAMPLES` points and sorts them. ``benchmarks/headline_ranges_bench.py`` prints the time per call.

What the range is, and is not. It is the spread that the catalog's *recorded* uncertainty in this
scenario's inputs gives (each figure's low / central / high and distribution, drawn
independently). A value the reader set is taken as exact. It is not every unknown: a figure the
catalog holds at high confidence, a wrong formula, or a source both ends of a range rely on are
not in it. `LABEL` says so in one line for the page.

Inputs at the preset's own value. The app passes every slider's value, also of sliders the reader
never moved; those still hold the catalog's figure. With ``preset_is_catalog=True`` (the default)
an input equal to what the site preset resolves to counts as left to the catalog and carries its
range (`catalog_left`); the reader's own settings stay exact.

Examples
--------
>>> h = headline_ranges(site="generic")
>>> h["facility_load"].central, round(h["facility_load"].low), round(h["facility_load"].high)
(300.0, 227, 838)
>>> headline_text(h["city_households"])
'245,264 households (167k–621k)'
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np

from .. import catalog, fmt, model, uncertainty, validate
from ..catalog import DEFAULT_SITE
from ..errors import InputError
from .theme import START_PRECISION

# The headline outputs, in the order the app shows them; training_days only with a training run.
HEADLINES: tuple[str, ...] = (
    "city_households",
    "city_people",
    "cooling_power",
    "it_power",
    "facility_load",
    "chips_supported",
    "peak_flops",
    "annual_energy",
    "training_days",
)
SAMPLES = 2000  # draws per call: the percentiles' sampling error is well below the 3 digits shown
SEED = uncertainty.RANGE_SEED  # fixed: the same scenario always shows the same range
QUANTILES = uncertainty.QUANTILES
MAX_SAMPLES = 100_000
LABEL = (
    "Small type: the 90 % range (5th to 95th percentile) that the catalog's recorded uncertainty "
    "in this scenario's figures gives. Values you set are taken as exact, and unknowns the "
    "catalog does not record are not in it."
)
NO_RANGE = "(no recorded uncertainty moves it)"
_OWN = ("site", "precision", "n", "seed", "preset_is_catalog")
_SHORT = {"households", "people", "count"}  # counts written 196k, 1.2M, 3.4bn in the range


@dataclass(frozen=True)
class Headline:
    """One headline's central value and its 90 % range, in ``units`` (the output's own)."""

    name: str
    central: float
    low: float
    high: float
    units: str
    long_name: str
    note: str = ""  # why the central value lies outside its range (`explorer.uncertainty`)
    reason: str = ""  # the same in plain words, for a card: the figures that put it there

    @property
    def collapsed(self) -> bool:
        """True when no recorded uncertainty moves this number (low = central = high)."""
        return self.low == self.high == self.central


def catalog_left(site: str, inputs: Mapping[str, Any]) -> dict[str, Any]:
    """`inputs` without those equal to the site preset's own value (those are the catalog's).

    Only scalar numeric inputs are compared; names (chip, basis) and the training inputs stay.
    A cooling share equal to the one the preset's PUE gives is left out too, so the preset's PUE
    (and its range) sets it.

    Examples
    --------
    >>> catalog_left("generic", {"site_power": 300.0, "mfu": 0.5, "chip": "h100"})
    {'mfu': 0.5, 'chip': 'h100'}
    """
    preset = _preset(site)
    out = {}
    for k, v in inputs.items():
        p = preset.get(k)
        if (
            p is not None
            and not isinstance(p, str)
            and isinstance(v, int | float | np.integer | np.floating)
            and not isinstance(v, bool)
            and math.isclose(float(v), p, rel_tol=1e-12, abs_tol=1e-15)
        ):
            continue
        out[k] = v
    return out


def headline_ranges(
    site: str = DEFAULT_SITE,
    precision: str = START_PRECISION,
    *,
    n: int = SAMPLES,
    seed: int = SEED,
    preset_is_catalog: bool = True,
    **inputs: Any,
) -> dict[str, Headline]:
    """Central value and 90 % range of each headline output of one scenario.

    Parameters
    ----------
    site, **inputs
        One scenario, as for `explorer.compute` (scalars: a sweep is `explorer.sample`'s job).
    precision : str, default ``"fp8"``
        The precision of ``peak_flops`` and ``training_days`` (``bf16``, ``fp8``, ``fp8_sparse``).
    n : int, default `SAMPLES`
        Monte Carlo draws [count], 1 … 100,000.
    seed : int, default `SEED`
        Seed of the draws: the same seed gives the same numbers.
    preset_is_catalog : bool, default True
        Count inputs equal to the site preset's value as left to the catalog (`catalog_left`).

    Returns
    -------
    dict of str to Headline
        By output name, in `HEADLINES` order (``training_days`` only with a training run).
        ``low`` / ``high`` are the sample's 5th / 95th percentiles, as order statistics (the
        draw just below and just above, so at least 90 % of the draws lie between them:
        `explorer.uncertainty.percentile_bounds`); the central value need not lie between them
        when a figure is one end of its own range (a preset's announced power that can only
        grow, for example): ``note`` then says which (`explorer.uncertainty.range_note`).

    Examples
    --------
    >>> h = headline_ranges(site_power=300, cooling_fraction=0.4, load_factor=1.0,
    ...                     basis="us-household", preset_is_catalog=False)
    >>> c = h["city_households"]   # only the basis (10,500-10,800 kWh a household) moves it
    >>> round(c.central), round(c.low, -2), round(c.high, -2)
    (245264, 243700.0, 250000.0)
    """
    model.check_input_names(inputs, _OWN)
    precision = validate.precision(precision)
    n = validate.whole("n", n, 1, MAX_SAMPLES)
    seed = validate.whole("seed", seed, 0, uncertainty.MAX_SEED)
    given = {k: v for k, v in inputs.items() if v is not None}
    for k, v in given.items():
        if not isinstance(v, str) and np.ndim(v) != 0:
            raise InputError(
                k,
                model.brief(v),
                "one value (a sweep's ranges come from explorer.sample and explorer.summary)",
                "is not a single value",
            )
    if preset_is_catalog:
        given = catalog_left(site, given)
    params = _params(
        site,
        given.get("chip"),
        given.get("basis"),
        frozenset(given),
        catalog.uncertainty_ranges,  # a different function (a test's stand-in) is another key
    )
    values = _draws(params, n, seed)
    r, out = uncertainty.evaluate_raw(site, given, params, values, "sample")
    i = list(np.atleast_1d(r.coords["precision"].values)).index(precision)
    sided = uncertainty.one_sided(params)
    result = {}
    for name in HEADLINES:
        if name not in out:
            continue  # training_days without a run
        v = out[name]
        data = np.asarray(v.values, dtype=float)
        if "precision" in v.dims:
            data = np.take(data, i, axis=v.dims.index("precision"))
        dims = [d for d in v.dims if d != "precision"]
        note = reason = ""
        if "sample" in dims:
            data = np.moveaxis(data, dims.index("sample"), 0).reshape(n + 1 + len(sided))
            central = float(data[0])
            low, high = uncertainty.percentile_bounds(data[1 : n + 1])
            lo, hi = float(low), float(high)
            if not lo <= central <= hi:  # (the note's own check, skipped on the warm path)
                note = uncertainty.range_note(name, sided, data[0], low, high, data[n + 1 :])
                _, why = uncertainty.outside_figures(sided, data[0], low, high, data[n + 1 :])
                reason = "; ".join(uncertainty.figure_phrase(p) for p in why)
        else:  # nothing uncertain moves it
            central = lo = hi = float(data.reshape(()))
        units, long_name = model.OUTPUTS[name]
        result[name] = Headline(name, central, lo, hi, units, long_name, note, reason)
    return result


@lru_cache(maxsize=64)
def _preset(site: str) -> dict[str, Any]:
    return model.preset_inputs(site)


@lru_cache(maxsize=256)
def _params(
    site: str, chip: Any, basis: Any, given: frozenset[str], ranges: Any, cooling: Any = None
) -> tuple[uncertainty.Parameter, ...]:
    return tuple(uncertainty.figures_of(site, chip, basis, given, cooling))


@lru_cache(maxsize=64)
def _draws(params: tuple[uncertainty.Parameter, ...], n: int, seed: int) -> dict[str, np.ndarray]:
    """Point 0 is the central value of every figure, points 1 … n the draws, then one point per
    one-sided figure at its far end (`explorer.uncertainty.range_points`; read-only)."""
    out = uncertainty.range_points(params, n, seed)
    for a in out.values():
        a.flags.writeable = False
    return out


# ------------------------------------------------------------------------ formatting
def range_text(h: Headline, digits: int = 3) -> str:
    """The range in small type: ``"(196k–262k)"``, ``"(70.2–180 MW)"``, ``"(950 MW–1.2 GW)"``.

    Counts are written short (k, M, bn) since the headline already names them; other units
    follow `explorer.fmt.quantity`, the unit written once when both ends share it. A headline
    that nothing uncertain moves gives `NO_RANGE`; one without a value (no such precision) "".

    Examples
    --------
    >>> range_text(Headline("city_households", 245264, 196_400, 262_300, "households", ""))
    '(196k–262k)'
    >>> range_text(Headline("cooling_power", 120, 70.24, 180.3, "MW", ""))
    '(70.2–180 MW)'
    >>> range_text(Headline("facility_load", 300, 950, 1200, "MW", ""))
    '(950 MW–1.2 GW)'
    """
    if any(math.isnan(x) for x in (h.low, h.central, h.high)):
        return ""
    if h.collapsed:
        return NO_RANGE
    if h.units in _SHORT:
        return f"({_short(h.low, digits)}–{_short(h.high, digits)})"
    lo = _quantity(h.low, h.units, digits)
    hi = _quantity(h.high, h.units, digits)
    lo_num, _, lo_unit = lo.partition(" ")
    hi_num, _, hi_unit = hi.partition(" ")
    if lo_unit == hi_unit and lo_num and hi_num:
        return f"({lo_num}–{hi_num} {hi_unit})".replace(" )", ")")
    return f"({lo}–{hi})"


def headline_text(h: Headline, digits: int = 3) -> str:
    """The headline and its range: ``"245,264 households (196k–262k)"``.

    Examples
    --------
    >>> headline_text(Headline("cooling_power", 120, 120, 120, "MW", ""))
    '120 MW (no recorded uncertainty moves it)'
    """
    if h.units == "count":
        value = fmt.number(h.central)
    elif h.units in _SHORT:
        value = f"{fmt.number(h.central)} {h.units}"
    else:
        value = _quantity(h.central, h.units, digits)
    text = range_text(h, digits)
    return f"{value} {text}".strip()


def _quantity(x: float, units: str, digits: int) -> str:
    text = fmt.quantity(x, units, digits)
    return text[:-4] + " days" if units == "day" and text.endswith(" day") else text


def _short(x: float, digits: int) -> str:
    """196,400 → "196k"; 1,234,000 → "1.23M"; below 1,000 the plain number."""
    if not math.isfinite(x):
        return fmt.number(x)
    for scale, suffix in ((1e9, "bn"), (1e6, "M"), (1e3, "k")):
        if abs(x) >= scale:
            return f"{x / scale:.{digits}g}{suffix}"
    return fmt.number(x, digits)


# ------------------------------------------------------------------------ names of the figures
# Short names of the uncertain catalog figures (`explorer.uncertainty.Parameter.key`), for a
# tornado's bars (18 characters at most: they fit the chart's margin at 360 px): (pattern,
# label); the first match wins, "*" stands for one name.
_FIGURE_LABELS: tuple[tuple[str, str], ...] = (
    ("sites.*.site_power", "site power"),
    ("sites.*.cooling_fraction", "cooling share"),
    ("sites.*.pue", "PUE"),
    ("cooling.*.pue", "PUE"),
    ("cooling.*.wue", "water use (WUE)"),
    ("defaults.overhead_fraction", "other losses"),
    ("defaults.mfu", "MFU"),
    ("defaults.load_factor", "load factor"),
    ("defaults.it_overhead", "campus overhead"),  # networking, storage beside the servers
    ("defaults.*", "{last}"),
    ("regions.*.electricity_price", "electricity price"),
    ("regions.*.carbon_intensity", "grid CO₂ per kWh"),
    ("reliability.checkpoint_time", "checkpoint time"),
    ("reliability.restart_time", "restart time"),
    ("reliability.interruption_rate", "interruption rate"),
    ("reliability.chips.*", "interruption rate"),
    ("chips.*.tdp", "chip power (TDP)"),
    ("chips.*.server_overhead", "server overhead"),
    ("chips.*.bf16_dense", "chip BF16 FLOP/s"),
    ("chips.*.fp8_dense", "chip FP8 FLOP/s"),
    ("chips.*.fp8_sparse", "chip FP8 sparse"),
    ("chips.*.hbm_capacity", "chip memory (HBM)"),
    ("chips.*.hbm_bandwidth", "chip HBM bandwidth"),
    ("bases.*.value", "use per {per}"),
)


def figure_label(key: str) -> str:
    """A short name for an uncertain catalog figure (a tornado bar's label).

    Examples
    --------
    >>> figure_label("sites.rainier-mississippi.site_power")
    'site power'
    >>> figure_label("bases.us-household.value")
    'use per household'
    >>> figure_label("chips.trn2.fp8_sparse")
    'chip FP8 sparse'
    """
    from fnmatch import fnmatchcase

    parts = key.split(".")
    for pattern, label in _FIGURE_LABELS:
        if len(pattern.split(".")) == len(parts) and fnmatchcase(key, pattern):
            per = ""
            if parts[0] == "bases":
                per = str(catalog.basis_table().sel(basis=parts[1])["basis_per"].values)
            return label.format(last=parts[-1].replace("_", " "), per=per)
    return key


# ------------------------------------------------------------------------ the tornado, fast
@dataclass(frozen=True)
class Swing:
    """One uncertain figure moved alone from its low to its high end (`swings`)."""

    key: str  # the catalog figure (`explorer.uncertainty.Parameter.key`)
    low: float  # the output with the figure at its low end [the output's units]
    high: float  # ... at its high end
    figure_low: float  # the figure's own range, in its catalog unit
    figure_high: float
    figure_unit: str

    @property
    def swing(self) -> float:
        return abs(self.high - self.low)


def swings(
    output: str,
    site: str = DEFAULT_SITE,
    precision: str = START_PRECISION,
    *,
    preset_is_catalog: bool = True,
    **inputs: Any,
) -> tuple[float, list[Swing]]:
    """`explorer.sensitivity` of one scenario at one precision, cheaply: (central, swings).

    The same one-at-a-time evaluation as `explorer.sensitivity` (each figure from its low to its
    high end, the others at their central values, by `explorer.uncertainty.evaluate_raw`: no
    Dataset is built), biggest swing first; for the app's tornado, redrawn on a slider step.
    Inputs equal to the site preset's value count as the catalog's (`catalog_left`).

    Examples
    --------
    >>> central, s = swings("cooling_power", site="rainier-mississippi")  # the plant's share
    >>> top = s[0]
    >>> round(central, 2), top.key.split(".")[-1], round(top.low, 2), round(top.high, 2)
    (26.96, 'site_power', 26.96, 67.39)
    """
    if output not in model.OUTPUTS:
        raise InputError("output", output, "one of " + ", ".join(model.OUTPUTS))
    model.check_input_names(inputs, ("output", *_OWN))
    precision = validate.precision(precision)
    given = {k: v for k, v in inputs.items() if v is not None}
    if preset_is_catalog:
        given = catalog_left(site, given)
    params = _params(
        site,
        given.get("chip"),
        given.get("basis"),
        frozenset(given) - {"cooling_default"},  # a choice of cooling basis, not an exact figure
        catalog.uncertainty_ranges,
        given.get("cooling_default"),
    )
    k = len(params)
    values = {p.key: np.full(2 * k + 1, p.central) for p in params}
    for i, p in enumerate(params):
        values[p.key][1 + 2 * i] = p.low
        values[p.key][2 + 2 * i] = p.high
    r, out = uncertainty.evaluate_raw(site, given, params, values, "case")
    if output not in out:
        raise InputError(
            "output",
            output,
            "a training run given with it: model=, parameters= and tokens=, or training_compute=",
            "is a training output, but no training run is given",
        )
    v = out[output]
    data = np.asarray(v.values, dtype=float)
    if "precision" in v.dims:
        i = list(np.atleast_1d(r.coords["precision"].values)).index(precision)
        data = np.take(data, i, axis=v.dims.index("precision"))
    dims = [d for d in v.dims if d != "precision"]
    if "case" not in dims:
        return float(data.reshape(())), []
    data = np.moveaxis(data, dims.index("case"), 0).reshape(2 * k + 1)
    ranges = catalog.uncertainty_ranges()
    found = [
        Swing(
            p.key,
            float(data[1 + 2 * i]),
            float(data[2 + 2 * i]),
            ranges[p.key].low,
            ranges[p.key].high,
            ranges[p.key].unit,
        )
        for i, p in enumerate(params)
    ]
    order = np.argsort(
        [-(s.swing if math.isfinite(s.swing) else -1.0) for s in found], kind="stable"
    )
    return float(data[0]), [found[i] for i in order]
