"""How sure is each number? Ranges, Monte Carlo samples and tornado swings from the catalog.

Every catalog figure of medium, medium-low or low confidence that feeds `explorer.compute`, and
every recorded conflict on one, has a low / central / high and a distribution
(``[uncertainty]`` in ``explorer/data/catalog.toml``, read by
`explorer.catalog.uncertainty_ranges`).
This module propagates them through the model, by the model's own code path:

- ``explorer.compute(..., uncertainty="range")`` (`compute_range`): a ``bound`` dimension
  (``low``, ``central``, ``high``): the 5th and 95th percentiles of a fixed-seed sample around
  `compute`'s own value, with a ``range_note`` where the central value lies outside (a figure
  that is one end of its own range);
- ``uncertainty="corners"`` (`compute_corners`): min / max over every corner of the ranges' box,
  an envelope of combinations that need not occur together (not a range);
- `sample`: the uncertain figures drawn ``n`` times, every output along a ``sample`` dimension
  (lazy, on dask, with ``chunks=``);
- `summary`: quantiles over the samples;
- `sensitivity`: one-at-a-time low → high swings of one output, ranked (a tornado).

What is uncertain. Only what the catalog supplies: an input you give (``site_power=300``) is your
scenario and stays exact; an input left to the site preset or the catalog defaults (the site's
power, cooling share or PUE, the overhead share, MFU, load factor, price, carbon intensity, WUE)
carries the range of the catalog figure behind it. Catalog figures that are not inputs — the chip's
TDP (unless ``chip_tdp`` is given), server overhead (unless ``server_overhead`` is given), peak
FLOP/s, HBM, and the city basis's annual use — are varied inside the resolved scenario, between
`explorer.model.resolve_inputs` and `explorer.model.physics`, so the same formulas run.

Physical limits and correlations. Ranges stay inside what can physically be (a server draws more
than its chips: no overhead of 1.0; MFU is the default's era and precision, bf16 dense of the
2022-2024 frontier runs). Figures whose sources tie them (``[[uncertainty.together]]``: one chip's
FLOP/s at each precision; GB300's TDP against its rack-derived overhead) share one random number
per draw (`together`), and one axis in the corners.

Monotonicity. Every output of `compute` is monotone (non-decreasing or non-increasing) in each
uncertain figure separately: the model is products, quotients, ``floor`` and ``min`` of positive
quantities, and no output mixes chips, precisions or bases. So over the box of ranges each output
reaches its extremes at a corner, and the ``corners`` mode evaluates all corners (each *kind* of
figure is one axis: the TDPs of several chips move together, since no output combines chips) plus
the central point, and takes the min and max. One exception: on a *filled* site
``power_required`` and ``power_headroom`` turn on the rounding remainder of whole chips (less than
one chip's facility power) and are not monotone; their bounds are the min / max over the
evaluated points only (``bound_note`` says so).
On a site whose chips are given (``chips=``), ``heat_removed`` (and its tons) is the other: the
facility load is min(the chips' need, the capacity), and the heat taken from the halls, load ×
(1 − cooling share), rises with the PUE while the chips' need is below the capacity (their need
grows with the PUE, and with it the losses) and falls once the capacity binds (the same load, a
larger share to cooling): an interior maximum where the chips just fill the site
(`DEPLOYED_NOT_MONOTONE`; found by the hypothesis test below, 2026-12-07).
The third exception is the training chain (`TRAINING_NOT_MONOTONE`). The job's chips follow
``chips_powered``, so every figure that sizes the site (its power, cooling share or PUE, the
overhead share, the chip's TDP and server overhead) moves the job size ``n``; but goodput falls as
the job grows (more chips, more interruptions), so ``training_days`` = compute /
(``n`` × FLOP/s per chip × goodput(``n``)) has an interior minimum in ``n``: past it, more site
power makes the run *longer*. The run's energy, CO2 and cost follow the days; Daly's checkpoint
interval and the checkpoint and lost-work shares it sets also have interior extremes (in ``n``, the
interruption rate and the checkpoint time). For these the range's bounds are the min / max over
the evaluated points, and the true extreme can lie between corners (``bound_note`` says so).
``tests/test_uncertainty.py`` checks the monotone claim with hypothesis.

Draws are reproducible and independent of chunking: parameter ``key``'s sample ``i`` comes from
block ``i // DRAW_BLOCK`` of a PCG64 stream seeded by ``(seed, crc32(key), block)``, so NumPy and
dask runs (any chunks, any scheduler) give the same numbers for one seed. Each figure is drawn
independently (the TDPs of two chips too).

Big runs. ``explorer.sample(n, chunks=...)`` returns dask-backed variables (one task per chunk
evaluates the model on that chunk's draws); ``.to_netcdf`` / ``.to_zarr`` stream them and
`summary` reduces them chunk by chunk. With a ``dask.distributed.Client`` active the same calls run
on its cluster (``explorer sample --scheduler ADDRESS`` on the command line). dask is imported only
then: the core runs without it.

Examples
--------
>>> import explorer
>>> ds = explorer.compute(site="rainier-mississippi", uncertainty="range")
>>> [round(float(v), -3) for v in ds.city_households]   # 300-750 MW, load factor 0.7-1
[225000.0, 245000.0, 491000.0]
>>> s = explorer.sample(1000, seed=1, site="rainier-mississippi")
>>> s.city_households.dims
('sample',)
"""

from __future__ import annotations

import dataclasses
import math
import re
import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

import numpy as np
import xarray as xr
from xarray import Variable

from . import catalog, model, validate
from .catalog import DEFAULT_SITE
from .errors import InputError
from .variables import REGISTRY

BOUNDS_LABELS = ("low", "central", "high")
DRAW_BLOCK = 65_536  # samples per random block (see the module docstring)
COMBO = "_combination"  # the internal dimension of the corners in the range mode
MAX_CORNERS_PER_CALL = model.MAX_POINTS // 4  # corners x points evaluated at once, at most
MAX_SAMPLE = 10**9  # samples one call may ask for (streamed with chunks)
# Chunks of `sample`. Each chunk is one dask task with ~0.15 s of overhead (100,000 samples: 0.8 s
# in one chunk, 15 s in 100), so a sample has at most MAX_CHUNKS of them and each at least
# MIN_CHUNK samples (10,000 samples in chunks of 1 took over 200 s and 2 GB).
MIN_CHUNK = 100
MAX_CHUNKS = 1_000
MAX_SEED = 2**63 - 1
# Chip figures the model uses, and where they sit in the resolved hardware table.
_CHIP_FIELDS = {
    "tdp": "tdp",
    "server_overhead": "server_overhead",
    "hbm_capacity": "hbm_capacity",
    "hbm_bandwidth": "hbm_bandwidth",
    **{f: "peak_flops" for f in ("bf16_dense", "fp8_dense", "fp8_sparse")},
}
_PRECISION_OF = {"bf16_dense": "bf16", "fp8_dense": "fp8", "fp8_sparse": "fp8_sparse"}
# Inputs of the training chain, once compute() accepts them, and their catalog figures.
# Outputs that are not monotone on a filled site (whole chips: a rounding remainder).
FILLED_REMAINDERS = ("power_required", "power_headroom")
# Outputs that are not monotone in the PUE (or cooling share) on a site with its chips given
# (module docstring): their extreme can lie where the chips just fill the site.
DEPLOYED_NOT_MONOTONE = ("heat_removed", "heat_removed_tons")
# Training outputs that are not monotone in the figures that size the job (module docstring).
TRAINING_NOT_MONOTONE = (
    "checkpoint_interval",
    "checkpoint_share",
    "lost_work_share",
    "training_days",
    "run_energy",
    "run_co2",
    "run_cost",
)
_TRAINING_KEYS = {
    "checkpoint_minutes": "reliability.checkpoint_time",
    "restart_minutes": "reliability.restart_time",
}


@dataclass(frozen=True)
class Parameter:
    """One uncertain catalog figure of a scenario and where it enters the model.

    ``kind`` is ``"input"`` (a `compute` input left to the catalog; values in the input's units)
    or ``"table"`` (a resolved catalog table: ``target`` is ``"hw.<field>"`` or
    ``"bases.basis_value"``; values are ratios to the catalog value). ``axis`` groups the
    figures that move together in the range mode.
    """

    key: str
    kind: str
    target: str
    sel: tuple[tuple[str, str], ...]
    low: float
    central: float
    high: float
    distribution: str
    group: str = ""  # figures of one group share their random number (`TOGETHER`)
    sign: int = 1  # +1: high with the group's high; -1: low when the group is high

    @property
    def axis(self) -> str:
        return self.group or self.target

    @property
    def one_sided(self) -> bool:
        """True when the catalog's figure is one end of its range (an announced figure that
        can only grow, a continuous load that can only fall): the output's central value can
        then lie outside its 90 % range."""
        return self.low < self.high and self.central in (self.low, self.high)

    @property
    def far(self) -> float:
        """The end of the range away from the central value (the other end when one-sided)."""
        return self.high if self.central == self.low else self.low

    def draw(self, u: np.ndarray) -> np.ndarray:
        """Values for uniform numbers `u` in [0, 1): the distribution's inverse CDF."""
        a, c, b = self.low, self.central, self.high
        if b == a:
            return np.full(u.shape, c)
        if self.distribution == "uniform":
            return a + u * (b - a)
        fc = (c - a) / (b - a)
        with np.errstate(invalid="ignore"):
            left = a + np.sqrt(u * (b - a) * (c - a))
            right = b - np.sqrt((1 - u) * (b - a) * (b - c))
        return np.where(u < fc, left, right)


# ------------------------------------------------------------------------ which figures
def parameters(site: str = DEFAULT_SITE, **inputs: Any) -> list[Parameter]:
    """The uncertain catalog figures of one `compute` call (inputs you give are exact).

    Examples
    --------
    >>> [p.key for p in parameters("rainier-mississippi", site_power=300)][:2]  # plant's share
    ['defaults.overhead_fraction', 'defaults.it_overhead']
    >>> keys = [p.key for p in parameters("rainier-mississippi", cooling_default="article")]
    >>> keys[1]  # the article's 30-50 %
    'sites.rainier-mississippi.cooling_fraction'
    """
    r = model.resolve_inputs(site, dict(inputs))  # checks the inputs
    return _parameters(site, r, {k for k, v in inputs.items() if v is not None})


def figures_of(
    site: str,
    chip: Any = None,
    basis: Any = None,
    given: Iterable[str] = (),
    cooling_default: str | None = None,
) -> list[Parameter]:
    """The uncertain figures of a scenario known by its site, chip(s), basis(es), cooling
    default (``"article"``: the preset's catalog cooling share, not the plant's climate year)
    and the names of the inputs given (those are exact): `parameters` without checking the
    inputs' values (the app's cached path, `explorer.ui.headlines`).

    Examples
    --------
    >>> [p.key for p in figures_of("generic", given={"site_power"})][:2]
    ['cooling.hyperscale-ai.pue', 'defaults.overhead_fraction']
    """
    pairs = (("chip", chip), ("basis", basis), ("cooling_default", cooling_default))
    inputs = {k: v for k, v in pairs if v is not None}
    return _parameters(site, model.resolve_inputs(site, inputs), set(given))


def _parameters(site: str, r: Any, given: set[str]) -> list[Parameter]:
    ranges = catalog.uncertainty_ranges()
    keys = catalog.site_input_keys(site)
    out: list[Parameter] = []
    accepted = set(model.INPUTS)
    if not given & set(model.RUN_INPUTS):  # no training run: its inputs are not inputs at all
        accepted -= set(model.TRAINING_INPUTS)
    for name, (units, _) in model.INPUTS.items():
        if name not in accepted:
            continue
        if name in given or (
            name in ("cooling_fraction", "pue") and given & {"cooling_fraction", "pue"}
        ):
            continue
        key = keys.get(name, f"defaults.{name}")
        if name in ("cooling_fraction", "pue") and name not in keys:
            continue
        if name in ("cooling_fraction", "pue", "wue") and r.cooling_basis == "climate":
            continue  # the plant's climate year sets them, not a catalog figure
        if key in ranges:
            out.append(_input_param(key, name, units, ranges[key]))
    chips = [r.chip] if isinstance(r.chip, str) else list(r.chip)
    for name, key in {**_TRAINING_KEYS, "interruption_rate": _rate_key(chips)}.items():
        if name in accepted and name not in given and key in ranges:
            out.append(_input_param(key, name, model.INPUTS[name][0], ranges[key]))
    for chip in chips:
        for field, table in _CHIP_FIELDS.items():
            if (field == "tdp" and "chip_tdp" in given) or (
                field == "server_overhead" and "server_overhead" in given
            ):
                continue
            key = f"chips.{chip}.{field}"
            if key in ranges:
                sel = (("chip", chip),) + (
                    (("precision", _PRECISION_OF[field]),) if field in _PRECISION_OF else ()
                )
                out.append(_table_param(key, f"hw.{table}", sel, ranges[key]))
    for basis in [r.basis] if isinstance(r.basis, str) else list(r.basis):
        key = f"bases.{basis}.value"
        if key in ranges:
            out.append(_table_param(key, "bases.basis_value", (("basis", basis),), ranges[key]))
    return [_grouped(p) for p in out]


@cache
def together() -> tuple[tuple[str, tuple[tuple[re.Pattern[str], int], ...]], ...]:
    """The catalog's ``[[uncertainty.together]]`` groups: figures whose sources tie them, drawn
    with one random number (comonotone, or opposite with ``sign = -1``).

    Each group is (name, ((pattern, sign), ...)); a ``*`` in a pattern stands for one name and
    figures that differ there (two chips) are separate groups.

    Examples
    --------
    >>> [name for name, _ in together()][:1]
    ['chip-flops']
    """
    out = []
    for spec in catalog.raw().get("uncertainty", {}).get("together", []):
        pats = tuple(
            (re.compile("^" + re.escape(m).replace(r"\*", "([^.]+)") + "$"), int(sign))
            for m, sign in zip(
                spec["match"], spec.get("sign", [1] * len(spec["match"])), strict=True
            )
        )
        out.append((spec["name"], pats))
    return tuple(out)


def _grouped(p: Parameter) -> Parameter:
    for name, pats in together():
        for pat, sign in pats:
            m = pat.match(p.key)
            if m:
                return dataclasses.replace(p, group=".".join((name, *m.groups())), sign=sign)
    return p


def _rate_key(chips: list[str]) -> str:
    own = catalog.raw()["reliability"].get("chips", {})
    if len(chips) == 1 and chips[0] in own:
        return f"reliability.chips.{chips[0]}"
    return "reliability.interruption_rate" if len(chips) == 1 else ""


def _input_param(key: str, name: str, units: str, rng: catalog.Range) -> Parameter:
    lo, c, hi = rng.to({"1": "dimensionless"}.get(units, units))
    return Parameter(key, "input", name, (), lo, c, hi, rng.distribution)


def _table_param(
    key: str, target: str, sel: tuple[tuple[str, str], ...], rng: catalog.Range
) -> Parameter:
    c = rng.central
    return Parameter(key, "table", target, sel, rng.low / c, 1.0, rng.high / c, rng.distribution)


# ------------------------------------------------------------------------ evaluation
def evaluate(
    site: str,
    inputs: Mapping[str, Any],
    params: Sequence[Parameter],
    values: Mapping[str, np.ndarray],
    dim: str,
) -> xr.Dataset:
    """`compute`'s three steps with each parameter set to ``values[key]`` along `dim`.

    ``values`` are in the parameter's own terms (input units, or ratios for table figures).

    Examples
    --------
    >>> ps = [p for p in parameters("generic") if p.key == "sites.generic.site_power"]
    >>> powers = {"sites.generic.site_power": np.array([150.0, 1000.0])}
    >>> ds = evaluate("generic", {}, ps, powers, "case")
    >>> ds.site_power.values.tolist()
    [150.0, 1000.0]
    """
    r, out = evaluate_raw(site, inputs, params, values, dim)
    return model.build_dataset(r, out)


def evaluate_raw(
    site: str,
    inputs: Mapping[str, Any],
    params: Sequence[Parameter],
    values: Mapping[str, np.ndarray],
    dim: str,
) -> tuple[model.Resolved, dict[str, Variable]]:
    """`evaluate` without the Dataset: the resolved inputs and `model.physics`' Variables
    (the cheap path for the app's headline ranges, `explorer.ui.headlines`).

    Examples
    --------
    >>> ps = [p for p in parameters("generic") if p.key == "defaults.load_factor"]
    >>> r, out = evaluate_raw("generic", {}, ps, {"defaults.load_factor": np.array([0.5, 1])}, "k")
    >>> out["annual_energy"].values.tolist()  # 300 MW x 8760 h x 0.5 and x 1
    [1314.0, 2628.0]
    """
    extra = {
        p.target: xr.DataArray(np.asarray(values[p.key], dtype=float), dims=dim)
        for p in params
        if p.kind == "input"
    }
    r = model.resolve_inputs(site, {**inputs, **extra})
    tables = {"hw": dict(r.hw), "bases": dict(r.bases)}
    by_target: dict[str, list[Parameter]] = {}
    for p in params:
        if p.kind == "table":
            by_target.setdefault(p.target, []).append(p)
    for target, plist in by_target.items():
        group, field = target.split(".")
        base = tables[group][field]
        m = len(values[plist[0].key])
        scale = np.ones((m, *base.shape))
        for p in plist:
            scale[(slice(None), *_index(base.dims, r.coords, dict(p.sel)))] = values[p.key]
        tables[group][field] = Variable((dim, *base.dims), base.values[None] * scale)
    r = dataclasses.replace(r, hw=tables["hw"], bases=tables["bases"])
    return r, model.physics(r)


def _index(
    dims: tuple[str, ...], coords: Mapping[str, Any], sel: dict[str, str]
) -> tuple[Any, ...]:
    idx: list[Any] = []
    for d in dims:
        names = list(np.atleast_1d(coords[d].values))
        idx.append(names.index(sel[d]) if d in sel else slice(None))
    return tuple(idx)


# ------------------------------------------------------------------------ range mode
MODES = ("range", "corners")
RANGE_SAMPLES = (
    2000  # draws of the range mode: the percentiles' sampling error is ~1 % of the range
)
RANGE_SEED = 20261201  # fixed: the same scenario always shows the same range
QUANTILES = (0.05, 0.95)  # the range: 5th to 95th percentile


def compute_range(site: str, mode: str, inputs: Mapping[str, Any]) -> xr.Dataset:
    """``explorer.compute(..., uncertainty="range")``: every output with a ``bound`` dimension.

    ``low`` / ``high`` are the 5th / 95th percentiles (order statistics: the draw just below and
    just above) of a fixed-seed Monte Carlo sample (`RANGE_SAMPLES` draws of `RANGE_SEED`) of the
    uncertain figures, drawn as `sample` draws them (correlated groups together); ``central`` is
    exactly what `compute` returns. Every output has the ``bound`` dimension (three equal values
    when no uncertain figure moves it); an input has it only when it is uncertain.

    The central value can lie outside its 90 % range when a figure it rests on is one end of its
    own range (the announced 300 MW of a site that can only grow, a load factor of 1 that can
    only fall); the output's ``range_note`` then names those figures (`range_note`).

    ``mode="corners"`` is the older envelope (`compute_corners`): min / max over every corner of
    the ranges' box, combinations that need not occur together. It is not a range.

    Examples
    --------
    >>> import explorer
    >>> ds = explorer.compute(site="rainier-mississippi", it_overhead=1, uncertainty="range")
    >>> [round(float(v), -3) for v in ds.city_households]   # 300-750 MW, load factor 0.7-1
    [225000.0, 245000.0, 491000.0]
    >>> # the chips rest on the announced 300 MW, the low end of the site's 300-750 MW (with
    >>> # it_overhead given: its own range, 1 to 1.089, would lower the chips' low end)
    >>> ds.chips_supported.attrs["range_note"][:44]
    'the central value lies below its 90 % range:'
    """
    if mode == "corners":
        return compute_corners(site, inputs)
    if mode != "range":
        raise InputError(
            "uncertainty",
            mode,
            "'range' (5th to 95th percentile of a fixed-seed sample) or 'corners' (min / max over "
            "the corners of the catalog's ranges); explorer.sample draws a Monte Carlo sample",
        )
    inputs = dict(inputs)
    r = model.resolve_inputs(site, dict(inputs))  # checks the inputs
    params = _parameters(site, r, {k for k, v in inputs.items() if v is not None})
    points = model.check_size(
        {k: v for k, v in inputs.items() if k in model.INPUTS and v is not None}, r.chip, r.basis
    )
    values = _range_points(tuple(params), RANGE_SAMPLES, RANGE_SEED)
    m = 1 + RANGE_SAMPLES + len(one_sided(params))
    if params and m * points > MAX_CORNERS_PER_CALL:
        raise InputError(
            "uncertainty",
            mode,
            f"a sweep of at most {MAX_CORNERS_PER_CALL // m:,} points (explorer.sample with "
            "chunks= and explorer.summary take bigger sweeps)",
            f"needs {m:,} evaluations per point",
        )
    ds = evaluate(site, inputs, params, values, COMBO)
    low, high, notes = {}, {}, {}
    sided = one_sided(params)
    for name, v in ds.variables.items():
        if COMBO in v.dims and v.dtype.kind in "fiu":
            data = np.moveaxis(np.asarray(v.values, dtype=float), v.dims.index(COMBO), 0)
            lo, hi = percentile_bounds(data[1 : 1 + RANGE_SAMPLES])
            low[name], high[name] = lo, hi
            notes[name] = range_note(name, sided, data[0], lo, hi, data[1 + RANGE_SAMPLES :])
    first = {k: v for k, v in ds.variables.items() if COMBO in v.dims}
    out = _stack(low, ds, first, high, params, corners=False)
    for name, note in notes.items():
        if note:
            out[name].attrs["range_note"] = note
    return out


def one_sided(params: Sequence[Parameter]) -> list[Parameter]:
    """The figures whose catalog value is one end of their range (`Parameter.one_sided`).

    Examples
    --------
    >>> keys = [p.key for p in one_sided(parameters("rainier-mississippi"))]
    >>> for key in keys:
    ...     print(key)
    sites.rainier-mississippi.site_power
    defaults.it_overhead
    defaults.load_factor
    chips.trn2.fp8_sparse
    """
    return [p for p in params if p.one_sided]


def range_points(params: Sequence[Parameter], n: int, seed: int) -> dict[str, np.ndarray]:
    """Values of every figure for the range: point 0 central, points 1 … n the draws of `seed`,
    then one point per one-sided figure with that figure at its far end (the others central),
    which `range_note` reads.

    Examples
    --------
    >>> ps = parameters("rainier-mississippi")
    >>> v = range_points(ps, 10, 1)
    >>> len(v[ps[0].key]) == 1 + 10 + len(one_sided(ps))
    True
    """
    drawn = draws(params, seed, 0, n)
    sided = one_sided(params)
    out = {}
    for p in params:
        far = [p.far if q.key == p.key else p.central for q in sided]
        out[p.key] = np.concatenate([[p.central], drawn[p.key], far])
    return out


@lru_cache(maxsize=64)
def _range_points(params: tuple[Parameter, ...], n: int, seed: int) -> dict[str, np.ndarray]:
    """`range_points`, drawn once per set of figures (read-only: the range mode's warm path)."""
    out = range_points(params, n, seed)
    for a in out.values():
        a.flags.writeable = False
    return out


def percentile_bounds(drawn: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The 5th and 95th percentiles of `drawn` along axis 0 as order statistics: the draw just
    below and just above (NumPy's "lower" / "higher"), so at least 90 % of the draws lie between.

    Examples
    --------
    >>> lo, hi = percentile_bounds(np.arange(101.0))
    >>> float(lo), float(hi)
    (5.0, 95.0)
    """
    n = drawn.shape[0]
    ks = [math.floor(QUANTILES[0] * (n - 1)), math.ceil(QUANTILES[1] * (n - 1))]
    part = np.partition(drawn, ks, axis=0)
    return part[ks[0]], part[ks[1]]


def outside_figures(
    sided: Sequence[Parameter],
    central: np.ndarray,
    low: np.ndarray,
    high: np.ndarray,
    far: np.ndarray,
) -> tuple[str, list[Parameter]]:
    """Where an output's central value lies against its 90 % range, and the one-sided figures
    that put it there.

    Returns ``("", [])`` when the central value lies inside; else ``"below"`` or ``"above"`` and
    the figures of `sided` whose far end (`far`, `range_points`) moves the output towards the range.

    Examples
    --------
    >>> ps = [p for p in parameters("rainier-indiana") if p.key == "defaults.load_factor"]
    >>> side, why = outside_figures(ps, 19272.0, 14788.0, 19131.0, np.array([13490.4]))
    >>> side, [p.key for p in why]
    ('above', ['defaults.load_factor'])
    """
    c, lo, hi = (np.asarray(x, dtype=float) for x in (central, low, high))
    scale = np.where(np.isfinite(c), np.abs(c), 0.0) * 1e-9
    below, above = c < lo - scale, c > hi + scale
    if not (below.any() or above.any()):
        return "", []
    side = "below" if below.any() else "above"
    why = []
    for j, p in enumerate(sided):
        f = np.asarray(far[j], dtype=float)
        if (below & (f > c + scale)).any() or (above & (f < c - scale)).any():
            why.append(p)
    return side, why


def figure_phrase(p: Parameter) -> str:
    """A one-sided figure in plain words, for a reader: its name, value and catalog range.

    The name is the variable registry's long name of the figure's field where it has one
    (`explorer.variables`), else the field's name.

    Examples
    --------
    >>> p = next(p for p in parameters("rainier-mississippi") if p.key.endswith("site_power"))
    >>> figure_phrase(p)
    'facility power at the grid connection is 300 MW, the low end of its 300–750 MW range'
    """
    rng = catalog.uncertainty_ranges()[p.key]
    field = p.key.rsplit(".", 1)[-1]
    name = REGISTRY[field].long_name if field in REGISTRY else field.replace("_", " ")
    unit = "" if rng.unit in ("", "1", "dimensionless") else f" {rng.unit}"
    end = "low" if p.central == p.low else "high"
    span = f"{rng.low:g}–{rng.high:g}{unit}"
    return f"{name} is {rng.central:g}{unit}, the {end} end of its {span} range"


def range_note(
    name: str,
    sided: Sequence[Parameter],
    central: np.ndarray,
    low: np.ndarray,
    high: np.ndarray,
    far: np.ndarray,
) -> str:
    """Why an output's central value lies outside its 90 % range ("" when it lies inside).

    `far` holds the output with each one-sided figure at its far end (`range_points`); the figures
    that move the output towards the range are named, with the catalog's own range
    (`outside_figures`). An output the model is not monotone in (`TRAINING_NOT_MONOTONE`,
    `FILLED_REMAINDERS`, `DEPLOYED_NOT_MONOTONE`) can have its central point at an interior
    extreme; the note says so when no one-sided figure explains it.

    Examples
    --------
    >>> ps = [p for p in parameters("rainier-indiana") if p.key == "defaults.load_factor"]
    >>> # energy at load factor 1 (central), its 90 % range, and at 0.7 (the far end)
    >>> range_note("annual_energy", ps, 19272.0, 14788.0, 19131.0, np.array([13490.4]))[:67]
    'the central value lies above its 90 % range: it rests on figures th'
    >>> range_note("annual_energy", ps, 17000.0, 14788.0, 19131.0, np.array([13490.4]))
    ''
    """
    side, figures = outside_figures(sided, central, low, high, far)
    if not side:
        return ""
    ranges = catalog.uncertainty_ranges()
    why = []
    for p in figures:
        rng = ranges[p.key]
        end = "low" if p.central == p.low else "high"
        why.append(
            f"{p.key} = {rng.central:g} {rng.unit} is the {end} end of its range "
            f"({rng.low:g}-{rng.high:g})".replace(" dimensionless", "")
        )
    if why:
        return f"the central value lies {side} its 90 % range: it rests on figures " + (
            "that are one end of their own range: " + "; ".join(why)
        )
    if name in TRAINING_NOT_MONOTONE + FILLED_REMAINDERS + DEPLOYED_NOT_MONOTONE:
        return (
            f"the central value lies {side} its 90 % range: the output is not monotone in the "
            "figures (an interior extreme, or whole chips), so the central point can be an "
            "extreme of the distribution"
        )
    return ""


# ------------------------------------------------------------------------ corners (an envelope)
def compute_corners(site: str, inputs: Mapping[str, Any]) -> xr.Dataset:
    """``explorer.compute(..., uncertainty="corners")``: the envelope over the ranges' corners.

    ``central`` is exactly what `compute` returns; ``low`` / ``high`` are the min / max over every
    corner of the uncertain figures' box and the central point (the model is monotone in each
    figure, see the module docstring; `FILLED_REMAINDERS`, `DEPLOYED_NOT_MONOTONE` and
    `TRAINING_NOT_MONOTONE` are the exceptions, their ``bound_note`` says so). A corner
    combines every figure at an end of its range at once, which the sources do not say can
    happen together: this is the widest the catalog's ranges allow, not a range to report
    (`compute_range` is).

    Examples
    --------
    >>> import explorer
    >>> ds = explorer.compute(site_power=300, chip="h100", uncertainty="corners")
    >>> # the hyperscale-AI PUE: Meta 1.08 to the average 1.56
    >>> [round(float(v), 2) for v in ds.pue]
    [1.08, 1.18, 1.56]
    """
    inputs = dict(inputs)
    r = model.resolve_inputs(site, dict(inputs))  # checks the inputs
    params = _parameters(site, r, {k for k, v in inputs.items() if v is not None})
    axes = list(dict.fromkeys(p.axis for p in params))
    n_corners = 2 ** len(axes)
    points = model.check_size(
        {k: v for k, v in inputs.items() if k in model.INPUTS and v is not None}, r.chip, r.basis
    )
    block = max(1, MAX_CORNERS_PER_CALL // max(points, 1))
    low = high = central = None
    for start in range(0, n_corners + 1, block):
        ids = np.arange(start, min(start + block, n_corners + 1))
        values = _corner_values(params, axes, ids)
        ds = evaluate(site, inputs, params, values, COMBO)
        lo, hi = _reduce(ds)
        if central is None:
            central = ds
            first = {k: v for k, v in ds.variables.items() if COMBO in v.dims}
        low = lo if low is None else _combine(low, lo, np.fmin)
        high = hi if high is None else _combine(high, hi, np.fmax)
    return _stack(low, central, first, high, params)


def _corner_values(
    params: Sequence[Parameter], axes: list[str], ids: np.ndarray
) -> dict[str, np.ndarray]:
    """Id 0 is the central point; id j ≥ 1 is corner j − 1 (bit a: axis a at its high end)."""
    corner = np.maximum(ids - 1, 0)
    out = {}
    for p in params:
        bit = (corner >> axes.index(p.axis)) & 1
        hi, lo = (p.high, p.low) if p.sign > 0 else (p.low, p.high)
        out[p.key] = np.where(ids == 0, p.central, np.where(bit == 1, hi, lo))
    return out


def _reduce(ds: xr.Dataset) -> tuple[dict[str, Any], dict[str, Any]]:
    lo, hi = {}, {}
    for name, v in ds.variables.items():
        if COMBO in v.dims and v.dtype.kind in "fiu":
            axis = v.dims.index(COMBO)
            lo[name] = np.fmin.reduce(v.values, axis=axis)
            hi[name] = np.fmax.reduce(v.values, axis=axis)
    return lo, hi


def _combine(a: dict[str, Any], b: dict[str, Any], op: Any) -> dict[str, Any]:
    return {k: op(a[k], b[k]) for k in a}


def _stack(
    low: dict[str, Any],
    ds: xr.Dataset,
    first: dict[str, Variable],
    high: dict[str, Any],
    params: Sequence[Parameter],
    corners: bool = True,
) -> xr.Dataset:
    """The result: variables with the combination dimension become (bound, ...): `low`, the
    central point (combination 0 of the first block), `high`. Works on Variables (no DataArrays).
    `corners`: the bounds are min / max over corners (their notes), else percentiles."""
    coord_names = set(ds.coords)
    data, coords = {}, {}
    for name, v in ds.variables.items():
        if name in low:
            axis = v.dims.index(COMBO)
            dims = tuple(d for d in v.dims if d != COMBO)
            stacked = np.stack([low[name], np.take(first[name].values, 0, axis=axis), high[name]])
            v = Variable(("bound", *dims), stacked, v.attrs)
        elif name in model.OUTPUTS and name not in coord_names and v.dtype.kind in "fiu":
            v = Variable(
                ("bound", *v.dims), np.stack([v.values] * 3), v.attrs
            )  # nothing moves it: 3 equal bounds
        (coords if name in coord_names else data)[name] = v
    coords["bound"] = Variable(
        "bound",
        list(BOUNDS_LABELS),
        {
            "long_name": "bound over the catalog's uncertainty ranges"
            + (" (min / max over the corners)" if corners else " (5th / 95th percentile)")
        },
    )
    if corners and ds.variables["chips"].attrs.get("note") != "as given":
        for name in FILLED_REMAINDERS:
            if name in low:
                data[name].attrs["bound_note"] = (
                    "on a filled site this turns on a rounding remainder (less than one chip's "
                    "facility power), not monotone: min / max over the evaluated points"
                )
    if corners and ds.variables["chips"].attrs.get("note") == "as given":
        for name in DEPLOYED_NOT_MONOTONE:
            if name in low:
                data[name].attrs["bound_note"] = (
                    "with the chips given, not monotone in the PUE: it rises while the chips' "
                    "need is below the site's capacity and falls once the capacity binds, so the "
                    "true extreme can lie between the corners; min / max over the evaluated points"
                )
    for name in TRAINING_NOT_MONOTONE if corners else ():
        if name in low:
            data[name].attrs["bound_note"] = (
                "not monotone: the job's chips follow the site's size and goodput falls as the "
                "job grows, so the true extreme can lie between the corners; min / max over the "
                "evaluated points"
            )
    attrs = {
        **ds.attrs,
        "uncertainty": (
            "corners: min / max over the corners of the catalog ranges, an envelope, not a range "
            "(explorer.uncertainty)"
            if corners
            else f"range: 5th to 95th percentile of {RANGE_SAMPLES} draws of the catalog ranges "
            f"(seed {RANGE_SEED}; explorer.uncertainty)"
        ),
        "uncertain_figures": ", ".join(p.key for p in params) or "none",
    }
    return xr.Dataset(data, coords=coords, attrs=attrs)


# ------------------------------------------------------------------------ Monte Carlo
def draws(params: Sequence[Parameter], seed: int, start: int, stop: int) -> dict[str, np.ndarray]:
    """Samples ``start … stop − 1`` of every parameter (the same for any chunking).

    Examples
    --------
    >>> ps = parameters("generic")
    >>> a = draws(ps, 1, 0, 10)[ps[0].key]
    >>> b = draws(ps, 1, 5, 10)[ps[0].key]
    >>> bool((a[5:] == b).all())
    True
    """
    out = {}
    first, last = start // DRAW_BLOCK, max(stop - 1, start) // DRAW_BLOCK
    uniform: dict[str, np.ndarray] = {}
    for p in params:
        name = p.group or p.key  # a group's figures share one stream of uniform numbers
        if name not in uniform:
            stream = zlib.crc32(name.encode())
            blocks = [
                np.random.Generator(
                    np.random.PCG64(np.random.SeedSequence(seed, spawn_key=(stream, b)))
                ).random(DRAW_BLOCK)
                for b in range(first, last + 1)
            ]
            uniform[name] = np.concatenate(blocks)[
                start - first * DRAW_BLOCK : stop - first * DRAW_BLOCK
            ]
        u = uniform[name]
        out[p.key] = p.draw(u if p.sign > 0 else 1.0 - u)
    return out


def chunk_bounds(n: int) -> tuple[int, int]:
    """The allowed samples per chunk for `n` samples [count]: at least `MIN_CHUNK` (or `n`) and
    at most `MAX_CHUNKS` chunks in all; never more than `n`.

    Examples
    --------
    >>> chunk_bounds(500), chunk_bounds(10_000), chunk_bounds(10**9)
    ((100, 500), (100, 10000), (1000000, 1000000000))
    """
    lo = max(min(n, MIN_CHUNK), math.ceil(n / MAX_CHUNKS))
    return lo, n


def check_chunks(n: int, chunks: object) -> int:
    """`chunks` (samples per chunk) for a sample of `n`, checked against `chunk_bounds`; an
    `InputError` names the field and the allowed range.

    Examples
    --------
    >>> check_chunks(10_000, "500")
    500
    >>> check_chunks(10_000, 10)
    Traceback (most recent call last):
    ...
    explorer.errors.InputError: chunks = 10 is out of range; allowed: 100 ≤ chunks ≤ 10,000 for
    10,000 samples (at most 1,000 chunks of at least 100).
    """
    c = validate.whole("chunks", chunks, 1, MAX_SAMPLE)
    lo, hi = chunk_bounds(n)
    if not lo <= c <= hi:
        raise InputError(
            "chunks",
            c,
            f"{lo:,} ≤ chunks ≤ {hi:,} for {n:,} samples (at most {MAX_CHUNKS:,} chunks "
            f"of at least {MIN_CHUNK:,})",
            "is out of range",
        )
    return c


def sample(
    n: int,
    seed: int | None = None,
    chunks: int | Mapping[str, int] | None = None,
    site: str = DEFAULT_SITE,
    **inputs: Any,
) -> xr.Dataset:
    """A Monte Carlo sample: the uncertain catalog figures drawn `n` times, every output along
    a ``sample`` dimension.

    Parameters
    ----------
    n : int
        Number of samples [count], ≥ 1.
    seed : int, optional
        Seed of the draws; the same seed gives the same numbers with any chunking, on NumPy or dask.
        ``None`` picks one (kept in ``attrs["seed"]``).
    chunks : int or dict, optional
        Samples per chunk, or ``{"sample": s, "<input dim>": m, ...}``: the result is lazy (dask
        arrays) and can be streamed with ``.to_netcdf`` / ``.to_zarr`` or summarised with `summary`
        without materialising. With a ``dask.distributed`` Client active it runs on that cluster.
        Without `chunks`, a sample bigger than one `compute` call allows is chunked automatically.
    site, **inputs
        As for `explorer.compute`; inputs you give are exact, those left out carry the
        catalog's ranges.

    Returns
    -------
    xarray.Dataset

    Examples
    --------
    >>> import explorer
    >>> s = explorer.sample(10_000, seed=1, site="rainier-mississippi")
    >>> lo, hi = s.city_households.quantile([0.05, 0.95]).values
    >>> bool(172_000 < lo < 245_264 < hi < 613_000)
    True
    """
    n = validate.whole("n", n, 1, MAX_SAMPLE)
    if seed is None:
        seed = int(np.random.SeedSequence().entropy % 2**63)
    else:
        seed = validate.whole("seed", seed, 0, MAX_SEED)
    if isinstance(chunks, Mapping):
        chunks = {d: validate.whole("chunks", c, 1, MAX_SAMPLE) for d, c in chunks.items()}
        if "sample" in chunks:
            chunks["sample"] = check_chunks(n, chunks["sample"])
    elif chunks is not None:
        chunks = check_chunks(n, chunks)
    model.check_input_names(inputs, ("n", "seed", "chunks", "site"))
    inputs = {k: v for k, v in inputs.items() if v is not None}
    r = model.resolve_inputs(site, dict(inputs))
    params = _parameters(site, r, set(inputs))
    points = model.check_size(
        {k: v for k, v in inputs.items() if k in model.INPUTS}, r.chip, r.basis
    )
    if chunks is None and n * points > model.MAX_POINTS:
        chunks = max(1, model.MAX_POINTS // (4 * points))
    if chunks is None:
        ds = evaluate(site, inputs, params, draws(params, int(seed), 0, int(n)), "sample")
    else:
        ds = _lazy_sample(site, inputs, params, int(n), int(seed), chunks)
    ds.attrs.update(
        {
            "uncertainty": f"Monte Carlo sample of {n}",
            "seed": int(seed),
            "uncertain_figures": ", ".join(p.key for p in params) or "none",
        }
    )
    return ds


def _sample_chunk(
    site: str,
    inputs: dict[str, Any],
    params: Sequence[Parameter],
    seed: int,
    start: int,
    stop: int,
    isel: dict[str, slice],
) -> xr.Dataset:
    part = {
        k: (
            v.isel({d: s for d, s in isel.items() if d in v.dims})
            if isinstance(v, xr.DataArray)
            else v
        )
        for k, v in inputs.items()
    }
    return evaluate(site, part, params, draws(params, seed, start, stop), "sample")


def _lazy_sample(
    site: str,
    inputs: dict[str, Any],
    params: Sequence[Parameter],
    n: int,
    seed: int,
    chunks: int | Mapping[str, int],
) -> xr.Dataset:
    try:
        import dask
        import dask.array as da
    except ImportError:  # pragma: no cover - the [dask] extra is not installed
        raise InputError(
            "chunks",
            chunks,
            "a sample that fits one call (install explorer[dask] for bigger ones)",
            "needs dask",
        ) from None
    spec = {"sample": chunks} if isinstance(chunks, int | np.integer) else dict(chunks)
    # list / array inputs become labelled DataArrays so a chunk can take a slice of their dimension
    inputs = {
        k: (validate.number(k, v) if k in model.INPUTS and not _is_scalar(v) else v)
        for k, v in inputs.items()
    }
    template = _sample_chunk(site, inputs, params, seed, 0, 1, {})
    sizes = {**{d: s for d, s in template.sizes.items()}, "sample": n}
    sliceable = [
        "sample",
        *dict.fromkeys(d for v in inputs.values() if isinstance(v, xr.DataArray) for d in v.dims),
    ]
    for d in spec:
        if d not in sliceable:
            raise InputError(
                "chunks", d, "'sample' or a swept input's dimension: " + ", ".join(sliceable)
            )
    cut = {d: _cuts(sizes[d], int(spec[d])) for d in spec}
    cut.setdefault("sample", _cuts(n, n))
    dims = list(cut)
    grid = list(np.ndindex(*[len(cut[d]) for d in dims]))
    tasks = {}
    for pos in grid:
        sl = {d: cut[d][i] for d, i in zip(dims, pos, strict=True)}
        s = sl.pop("sample")
        tasks[pos] = dask.delayed(_sample_chunk, pure=True)(
            site, inputs, params, seed, s.start, s.stop, sl
        )
    data = {}
    for name, v in template.variables.items():
        if name in template.coords and name not in template.data_vars:
            continue
        if not set(v.dims) & set(dims):
            data[name] = v
            continue
        blocks = np.empty([len(cut[d]) if d in cut else 1 for d in v.dims], dtype=object)
        for pos in grid:
            sl = dict(zip(dims, pos, strict=True))
            here = tuple(sl.get(d, 0) if d in cut else 0 for d in v.dims)
            if any(sl[d] != 0 for d in dims if d not in v.dims):
                continue  # the same block as for index 0 along a dimension this variable lacks
            shape = tuple(_len(cut[d][sl[d]]) if d in cut else sizes[d] for d in v.dims)
            arr = dask.delayed(_variable_of, pure=True)(tasks[pos], name, v.dims)
            blocks[here] = da.from_delayed(arr, shape, dtype=v.dtype)
        data[name] = Variable(v.dims, da.block(blocks.tolist()), v.attrs)
    coords = {}
    for name, c in template.coords.items():
        if name in dims and name != "sample":
            coords[name] = _inputs_coord(inputs, name, c)
        elif "sample" not in c.dims:
            coords[name] = c.variable
    return xr.Dataset(
        {k: v for k, v in data.items() if k not in coords},
        coords=coords,
        attrs=dict(template.attrs),
    )


def _inputs_coord(inputs: Mapping[str, Any], dim: str, small: xr.DataArray) -> Variable:
    for v in inputs.values():
        if isinstance(v, xr.DataArray) and dim in v.coords:
            return v.coords[dim].variable
    return small.variable


def _variable_of(ds: xr.Dataset, name: str, dims: tuple[str, ...]) -> np.ndarray:
    return (
        ds[name]
        .variable.set_dims(dict.fromkeys(dims, 1) | dict(ds[name].sizes))
        .transpose(*dims)
        .values
    )


def _cuts(size: int, step: int) -> list[slice]:
    step = max(1, min(step, size))
    return [slice(a, min(a + step, size)) for a in range(0, size, step)]


def _len(s: slice) -> int:
    return s.stop - s.start


def _is_scalar(v: Any) -> bool:
    return isinstance(v, int | float | np.integer | np.floating | str) or (
        isinstance(v, np.ndarray) and v.ndim == 0
    )


def summary(ds: xr.Dataset, q: Iterable[float] = (0.05, 0.5, 0.95)) -> xr.Dataset:
    """Quantiles of a `sample` over its ``sample`` dimension (a ``quantile`` dimension).

    Lazy when the sample is: each chunk of the other dimensions needs all its samples at once.

    Examples
    --------
    >>> import explorer
    >>> s = summary(explorer.sample(2000, seed=3, site_power=300))
    >>> s.city_households.dims, s.city_households.attrs["units"]
    (('quantile',), 'households')
    """
    allowed_q = "quantiles 0 ≤ q ≤ 1, a number or a list of numbers"
    if not isinstance(ds, xr.Dataset):
        raise InputError(
            "ds", validate.brief(ds), "the result of explorer.sample", "is not a Dataset"
        )
    if isinstance(q, int | float | np.integer | np.floating) and not isinstance(q, bool):
        q = [q]
    try:
        if isinstance(q, str | bytes) or any(isinstance(x, bool) for x in q):
            raise TypeError
        q = [float(x) for x in q]
    except (TypeError, ValueError):
        raise InputError("q", validate.brief(q), allowed_q, "is not a list of numbers") from None
    if not q or any(not 0 <= x <= 1 for x in q):
        raise InputError("q", q, allowed_q)
    if "sample" not in ds.dims:
        raise InputError(
            "ds", "a Dataset without a 'sample' dimension", "the result of explorer.sample"
        )
    if ds.chunks and len(ds.chunks.get("sample", ())) > 1:
        ds = ds.chunk({"sample": -1})
    numeric = [k for k, v in ds.data_vars.items() if "sample" in v.dims and v.dtype.kind in "fiu"]
    out = ds[numeric].quantile(q, dim="sample", keep_attrs=True)
    for k, v in ds.data_vars.items():
        if "sample" not in v.dims:
            out[k] = v
    out.attrs = {**ds.attrs, "uncertainty": f"quantiles over {ds.sizes['sample']} samples"}
    return out


# ------------------------------------------------------------------------ tornado
def sensitivity(output: str, site: str = DEFAULT_SITE, **inputs: Any) -> xr.Dataset:
    """Which uncertain figures move `output` most: one at a time from low to high, the others
    at central (a tornado), ranked by the size of the swing.

    Returns a Dataset along ``parameter`` (catalog keys, biggest swing first): ``low`` and
    ``high`` (the output with the figure at its low / high end), ``swing`` (``|high − low|``, the
    largest over any other dimension), ``figure_low`` / ``figure_central`` / ``figure_high``
    (the figure's range, in its catalog unit) and ``distribution``.

    Examples
    --------
    >>> t = sensitivity("city_households", site="rainier-mississippi")
    >>> t.parameter.values[:2].tolist()
    ['sites.rainier-mississippi.site_power', 'defaults.load_factor']
    """
    if output not in model.OUTPUTS:
        raise InputError("output", output, "one of " + ", ".join(model.OUTPUTS))
    model.check_input_names(inputs, ("output", "site"))
    inputs = {k: v for k, v in inputs.items() if v is not None}
    r = model.resolve_inputs(site, dict(inputs))
    if output in model.TRAINING_OUTPUTS and r.run is None:
        raise InputError(
            "output",
            output,
            "a training run given with it: model=, parameters= and tokens=, or training_compute=",
            "is a training output, but no training run is given",
        )
    params = _parameters(site, r, set(inputs))
    k = len(params)
    values = {p.key: np.full(2 * k + 1, p.central) for p in params}
    for i, p in enumerate(params):
        values[p.key][1 + 2 * i] = p.low
        values[p.key][2 + 2 * i] = p.high
    central = model.compute(site, **inputs)[output]
    if k == 0:
        ds = xr.Dataset(coords={"parameter": np.array([], dtype=object)})
        ds.attrs["output"] = output
        return ds
    y = evaluate(site, inputs, params, values, COMBO)[output]
    y = (
        y.broadcast_like(xr.DataArray(np.zeros(2 * k + 1), dims=COMBO))
        if COMBO not in y.dims
        else y
    )
    low = y.isel({COMBO: slice(1, None, 2)}).rename({COMBO: "parameter"})
    high = y.isel({COMBO: slice(2, None, 2)}).rename({COMBO: "parameter"})
    other = [d for d in low.dims if d != "parameter"]
    swing = abs(high - low)
    swing = swing.max(other) if other else swing
    ranges = catalog.uncertainty_ranges()
    keys = [p.key for p in params]
    ds = xr.Dataset(
        {
            "low": low.assign_attrs(
                units=central.attrs.get("units", ""),
                long_name=f"{output} with the figure at its low end",
            ),
            "high": high.assign_attrs(
                units=central.attrs.get("units", ""),
                long_name=f"{output} with the figure at its high end",
            ),
            "swing": swing.fillna(0).assign_attrs(
                units=central.attrs.get("units", ""), long_name=f"|high - low| of {output}"
            ),
            "figure_low": ("parameter", [ranges[k_].low for k_ in keys]),
            "figure_central": ("parameter", [ranges[k_].central for k_ in keys]),
            "figure_high": ("parameter", [ranges[k_].high for k_ in keys]),
            "figure_unit": ("parameter", [ranges[k_].unit for k_ in keys]),
            "distribution": ("parameter", [p.distribution for p in params]),
        },
        coords={"parameter": keys},
    )
    ds["central"] = central.variable.copy(data=np.asarray(central.values))
    ds = ds.isel(parameter=np.argsort(-ds.swing.values, kind="stable"))
    ds.attrs = {
        "output": output,
        "units": central.attrs.get("units", ""),
        "site_preset": site,
        "method": "one at a time: each uncertain figure from low to high, the others at central",
    }
    return ds
