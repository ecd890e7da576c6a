"""The Advanced screen's charts: one class per chart, each drawing a `Scenario` in place.

Every chart has a `name` (a short id), a `title` (what it shows, in words), a `figure`
(`bqplot.Figure`), `update(scenario)` that changes its marks in place (and sends nothing that did
not change), `words` (its key figures in words, kept current) and `data()` (the numbers it last
drew, as an `xarray.Dataset` with `units` and `long_name`).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from contextlib import ExitStack
from functools import partial
from typing import TYPE_CHECKING

import bqplot as bq
import numpy as np
import xarray as xr

from .. import catalog, fmt
from ..catalog import PRECISIONS
from ..units import factor
from ..validate import BOUNDS
from ..variables import REGISTRY
from .models import shared, shared_layout
from .scenario import SWEEP
from .theme import BLACK, BLUE, GREEN, GREY, ORANGE, VERMILION

if TYPE_CHECKING:
    from .scenario import Scenario

_SP = BOUNDS["site_power"]
# the power unit the core's outputs come in (site, IT, cooling and other power), for the axes
# and the words: the registry's, never typed here
_MW = REGISTRY["site_power"].units
# the FLOPS chart's bars: peak FLOP/s per facility power, in peta-FLOP/s per that unit
_PER_MW = f"PFLOP/s/{_MW}"
_PER_MW_WORDS = f"PFLOP/s per facility {_MW}"


def precision_label(name: str) -> str:
    """A precision's name as the page shows it, from the core's name.

    Examples
    --------
    >>> precision_label("fp8_sparse")
    'FP8 sparse'
    """
    kind, *rest = name.split("_")
    return " ".join([kind.upper(), *rest])


PRECISION_LABEL = {p: precision_label(p) for p in PRECISIONS}
_MARGIN = {"top": 40, "bottom": 50, "left": 72, "right": 20}


def axis_top(x: float) -> float:
    """The smallest 1, 2 or 5 × 10^k at or above x: a fixed-looking axis, so bars move with the
    slider.

    Examples
    --------
    >>> axis_top(171.0), axis_top(0.3), axis_top(1000.0)
    (200.0, 0.5, 1000.0)
    """
    if not (math.isfinite(x) and x > 0):
        return 1.0
    k = math.floor(math.log10(x))
    for m in (1, 2, 5, 10):
        if m * 10.0**k >= x * (1 - 1e-12):
            return m * 10.0**k
    return 10.0 ** (k + 1)


def decades(lo: float, hi: float) -> tuple[float, float, list[float]]:
    """A log axis from the decade at or below `lo` to the one at or above `hi`, ticked at each
    decade."""
    lo, hi = max(lo, 1e-12), max(hi, lo * 10)
    a, b = math.floor(math.log10(lo)), math.ceil(math.log10(hi))
    return 10.0**a, 10.0**b, [10.0**k for k in range(a, b + 1)]


def _log_axis(fig: bq.Figure, lo: float, hi: float) -> None:
    """Fit a figure's log y scale and its ticks to [lo, hi] (sends nothing when unchanged)."""
    bottom, top, ticks = decades(lo, hi)
    scale, axis = fig.axes[1].scale, fig.axes[1]
    with scale.hold_sync(), axis.hold_sync():
        scale.min, scale.max = bottom, top
        axis.tick_values = ticks


def _interaction_scales() -> dict[str, bq.LinearScale]:
    """A figure's pan-and-zoom scales (the charts have no interaction): bqplot's default, one
    model shared by every figure instead of two new ones each (every view sets its own range)."""
    one = shared(bq.LinearScale, min=0.0, max=1.0, allow_padding=False)
    return {"scale_x": one, "scale_y": one}


def _figure(marks: list, x_scale, y_scale, x_label: str, y_label: str, title: str, css: str):
    x_axis = bq.Axis(scale=x_scale, label=x_label)
    if isinstance(x_scale, bq.LogScale):  # decades only: the default log ticks crowd
        x_axis.tick_values = [
            10.0**k
            for k in range(math.floor(math.log10(_SP.lo)), math.ceil(math.log10(_SP.hi)) + 1)
        ]
        x_axis.tick_format = ",.0f"
    y_axis = bq.Axis(
        scale=y_scale, side="left", label=y_label, tick_format="~s", label_offset="52px"
    )
    fig = bq.Figure(
        marks=marks,
        axes=[x_axis, y_axis],
        title=title,
        animation_duration=0,
        fig_margin=_MARGIN,
        layout=shared_layout(width="100%", max_width="560px", height="300px"),
        **_interaction_scales(),
    )
    fig.add_class(css)
    return fig


class _Chart:
    """What every chart shares: `data()` builds the Dataset of what `update` last drew only
    when asked (a slider step must not pay for building it), and scenario A's marks are made
    when A is first pinned (a visit that never pins is sent none of them)."""

    _build: Callable[[], xr.Dataset] | None = None
    _built: xr.Dataset | None = None
    figure: bq.Figure
    _a: tuple | None = None  # scenario A's marks once made: on the figure only while A is pinned

    def _make_a(self) -> tuple:
        """Scenario A's marks, on the chart's scales."""
        return ()

    @property
    def marks_a(self) -> tuple:
        """Scenario A's marks (made on first use)."""
        if self._a is None:
            self._a = self._make_a()
        return self._a

    def _show_a(self, shown: bool) -> None:
        """Put A's marks on the figure or take them off (the page then draws nothing of A)."""
        if not shown and self._a is None:
            return
        marks = [m for m in self.figure.marks if m not in self.marks_a]
        if shown:
            marks += list(self.marks_a)
        if marks != list(self.figure.marks):
            self.figure.marks = marks

    def _keep(self, build: Callable[[], xr.Dataset]) -> None:
        self._build, self._built = build, None

    def data(self) -> xr.Dataset:
        """The numbers behind the chart as last drawn (units and long_name on each variable)."""
        if self._built is None:
            self._built = xr.Dataset() if self._build is None else self._build()
        return self._built


def _curve(sweep: xr.Dataset, var: str, attrs: dict) -> xr.Dataset:
    """One variable of a site-power sweep, along site power only, with the scenario's point."""
    curve = sweep[[var]]
    return curve.drop_vars([c for c in curve.coords if c != "site_power"]).assign_attrs(attrs)


def _attrs(units: str, long_name: str) -> dict[str, str]:
    return {"units": units, "long_name": long_name}


def _outline(x, scales: dict, **kw) -> bq.Bars:
    """Scenario A's bars: black outlines over B's filled bars (told apart by shape, not colour)."""
    return bq.Bars(
        x=x,
        y=np.zeros(len(x)),
        fill=False,
        stroke=BLACK,
        stroke_width=2.5,
        scales=scales,
        **kw,
    )


def _marker_a(scales: dict) -> bq.Scatter:
    """Scenario A's point: a black diamond named "A"."""
    return bq.Scatter(
        x=[300.0],
        y=[1.0],
        scales=scales,
        colors=[BLACK],
        marker="diamond",
        default_size=110,
        names=["A"],
        display_names=True,
    )


class PowerChart(_Chart):
    """Where the site's power goes: IT, cooling and other losses as three bars [MW]; a pinned
    scenario A as black outlined bars over them."""

    name = "power"
    title = "Where the site's power goes"
    PARTS = ("IT", "Cooling", "Other")
    KEYS = ("it_power", "cooling_power", "overhead_power")

    def __init__(self) -> None:
        xs, ys = bq.OrdinalScale(), bq.LinearScale(min=0)
        colours = bq.ColorScale(colors=[BLUE, ORANGE, GREY], min=0, max=2)
        self.bars = bq.Bars(
            x=list(self.PARTS),
            y=[0, 0, 0],
            color=[0, 1, 2],
            scales={"x": xs, "y": ys, "color": colours},
        )
        self.figure = _figure([self.bars], xs, ys, "", _MW, self.title, "explorer-power-chart")
        self.words = ""
        self._drawn_a: tuple = (None, None)

    def _make_a(self) -> tuple:
        scales = self.bars.scales
        return (_outline(list(self.PARTS), {"x": scales["x"], "y": scales["y"]}),)

    @property
    def bars_a(self) -> bq.Bars:
        """Scenario A's outlined bars."""
        return self.marks_a[0]

    def update(self, scenario: Scenario) -> None:
        b = [scenario.values[k] for k in self.KEYS]
        a_v = scenario.pinned_values
        a = None if a_v is None else [a_v[k] for k in self.KEYS]
        with self.bars.hold_sync(), self.bars.scales["y"].hold_sync():
            self.bars.scales["y"].max = axis_top(max(b + (a or [])))
            self.bars.y = b
            if a is not None and self._drawn_a != (scenario.pinned.result, scenario.precision):
                self.bars_a.y = a  # A changes only when pinned again
                self._drawn_a = (scenario.pinned.result, scenario.precision)
            self._show_a(a is not None)
            # said in the title, never by a legend of colours
            self.figure.title = self.title + (" (B filled, A outlined)" if a is not None else "")
        q = fmt.quantity
        self.words = f"IT {q(b[0], _MW)}, cooling {q(b[1], _MW)}, other {q(b[2], _MW)}."
        parts = {"power": ("part", b, _attrs(_MW, "site power by use"))}
        if a is not None:
            self.words = (
                f"B (filled bars): {self.words} A (pinned, outlined bars): IT {q(a[0], _MW)}, "
                f"cooling {q(a[1], _MW)}, other {q(a[2], _MW)}."
            )
            parts["power_a"] = ("part", a, _attrs(_MW, "site power by use, pinned scenario A"))
        self._keep(partial(xr.Dataset, parts, coords={"part": list(self.PARTS)}))


class CityChart(_Chart):
    """The city whose electricity use equals the site's, along site power (log–log); a pinned
    scenario A as a black diamond named "A"."""

    name = "city"

    def __init__(self) -> None:
        lx, ly = bq.LogScale(), bq.LogScale()
        self.line = bq.Lines(
            x=SWEEP, y=np.ones_like(SWEEP), scales={"x": lx, "y": ly}, colors=[BLUE]
        )
        self.point = bq.Scatter(
            x=[300.0], y=[1.0], scales={"x": lx, "y": ly}, colors=[VERMILION], default_size=90
        )
        self.title = "A city of how many people"
        self.figure = _figure(
            [self.line, self.point],
            lx,
            ly,
            f"site power ({_MW})",
            "people",
            self.title + "?",
            "explorer-people-chart",
        )
        self.words = ""
        self._drawn: tuple = (None, None)
        self._span: tuple | None = None
        self._city_span = (1.0, 10.0)

    def _make_a(self) -> tuple:
        return (_marker_a(dict(self.point.scales)),)

    @property
    def point_a(self) -> bq.Scatter:
        """Scenario A's diamond."""
        return self.marks_a[0]

    def update(self, scenario: Scenario) -> None:
        v, per, sweep = scenario.values, scenario.per, scenario.sweep
        var = "city_people" if per == "person" else "city_households"
        plural = "people" if per == "person" else "households"
        here, site_power = v[var], v["site_power"]
        a_v = scenario.pinned_values
        a = None if a_v is None else (a_v["site_power"], a_v[var])  # in B's unit
        with self.line.hold_sync(), self.point.hold_sync():
            self.point.x, self.point.y = [site_power], [here]
            if self._drawn[0] is not sweep or self._drawn[1] != per:  # not along site power
                city = sweep[var].values
                self._city_span = (float(city.min()), float(city.max()))
                self.line.y = city
                self.figure.axes[1].label = plural
                self.title = f"A city of how many {plural}"
                self.figure.title = self.title + "?"
                self._drawn = (sweep, per)
            if a is not None:
                with self.point_a.hold_sync():
                    self.point_a.x, self.point_a.y = [a[0]], [a[1]]
            self._show_a(a is not None)
            span = self._city_span
            if a is not None:
                span = (min(span[0], a[1]), max(span[1], a[1]))
            if span != self._span:
                _log_axis(self.figure, *span)
                self._span = span
        q = fmt.quantity
        self.words = (
            f"At {q(site_power, _MW)} the site uses as much electricity as "
            f"{fmt.number(here)} {plural}; the curve is proportional to site power."
        )
        attrs = {"scenario_site_power_MW": site_power, f"scenario_{var}": here}
        if a is not None:
            same = scenario.pinned.state["basis"] == scenario.state["basis"]
            self.words += (
                f" A (pinned, the diamond): {q(a[0], _MW)}, {fmt.number(a[1])} {plural}"
                + ("." if same else " on A's own city basis.")
            )
            attrs.update({"pinned_site_power_MW": a[0], f"pinned_{var}": a[1]})
        self._keep(partial(_curve, sweep, var, attrs))


def _per_mw(chips: xr.Dataset, precision: str) -> np.ndarray:
    """Peak FLOP/s per facility MW of a comparison across chips [PFLOP/s/MW]."""
    fpw = chips.flops_per_watt
    return fpw.sel(precision=precision).values * factor(fpw.attrs["units"], _PER_MW)


class FlopsChart(_Chart):
    """Peak FLOP/s per facility megawatt for every catalog accelerator (horizontal bars)."""

    name = "flops_per_mw"
    title = "Peak FLOPS per facility megawatt"

    def __init__(self) -> None:
        # Horizontal bars: seventeen accelerator names stay readable on a phone, one per line.
        cx, cy = bq.OrdinalScale(), bq.LinearScale(min=0)
        names = catalog.names("chips")
        highlight = bq.ColorScale(colors=[GREY, BLUE], min=0, max=1)
        self.bars = bq.Bars(
            x=names,
            y=np.zeros(len(names)),
            color=np.zeros(len(names)),
            orientation="horizontal",
            scales={"x": cx, "y": cy, "color": highlight},
        )
        self.figure = bq.Figure(
            marks=[self.bars],
            axes=[
                bq.Axis(scale=cx, side="left"),
                bq.Axis(scale=cy, label=_PER_MW_WORDS, tick_format="~s", num_ticks=4),
            ],
            title=self.title,
            animation_duration=0,
            fig_margin=_MARGIN,
            layout=shared_layout(width="100%", max_width="560px", height="420px"),
            **_interaction_scales(),
        )
        self.figure.add_class("explorer-chip-chart")
        self.words = ""
        self._drawn: tuple = (None, None, None)
        self._fpw: np.ndarray = np.zeros(0)
        self._fpw_a: np.ndarray | None = None

    def _make_a(self) -> tuple:
        scales = self.bars.scales
        names = catalog.names("chips")
        return (_outline(names, {"x": scales["x"], "y": scales["y"]}, orientation="horizontal"),)

    @property
    def bars_a(self) -> bq.Bars:
        """Scenario A's outlined bars."""
        return self.marks_a[0]

    def update(self, scenario: Scenario) -> None:
        chips, prec = scenario.chips, scenario.precision
        names = catalog.names("chips")
        chosen = names.index(scenario.state["chip"])
        pinned = scenario.pinned
        a_chips = None if pinned is None else pinned.chips
        with self.bars.hold_sync():
            old_chips, old_prec, old_a = self._drawn
            if old_chips is not chips or old_prec != prec or old_a is not a_chips:
                # FLOPS per MW do not depend on site power: redrawn only when recomputed
                self._fpw = _per_mw(chips, prec)
                self._fpw_a = None if a_chips is None else _per_mw(a_chips, prec)
                fpw, fpw_a = self._fpw, self._fpw_a
                both = fpw if fpw_a is None else np.concatenate([fpw, fpw_a])
                self.bars.scales["y"].max = axis_top(
                    float(np.nanmax(both)) if np.isfinite(both).any() else 1.0
                )
                self.bars.y = np.nan_to_num(fpw)
                if fpw_a is not None:
                    self.bars_a.y = np.nan_to_num(fpw_a)
                self._drawn = (chips, prec, a_chips)
            fpw, fpw_a = self._fpw, self._fpw_a
            self._show_a(fpw_a is not None)
            self.bars.color = [1.0 if i == chosen else 0.0 for i in range(len(names))]
            # the chosen chip is named in the title too: never shown by colour alone
            if fpw_a is None:
                title = f"Peak FLOPS per facility {_MW} (chosen, in blue: {names[chosen]})"
            else:  # as short: the title must fit a phone
                title = f"FLOPS per facility {_MW} (blue: {names[chosen]}; outlined: A, "
                title += f"{pinned.state['chip']})"
            self.figure.title = title
        best = names[int(np.nanargmax(fpw))] if np.isfinite(fpw).any() else "none"
        self.words = (
            f"{catalog.label('chips', names[chosen])}: "
            f"{fmt.number(float(np.nan_to_num(fpw[chosen])))} {_PER_MW_WORDS}; "
            f"highest in the catalog: {catalog.label('chips', best)}."
        )
        long_name = f"peak FLOP/s per facility {_MW} ({PRECISION_LABEL[prec]})"
        variables = {"flops_per_mw": ("chip", fpw, _attrs(_PER_MW, long_name))}
        attrs = {"chosen_chip": names[chosen], "precision": prec}
        if fpw_a is not None:
            a_chip = names.index(pinned.state["chip"])
            self.words += (
                f" A (pinned, outlined bars): {catalog.label('chips', names[a_chip])}: "
                f"{fmt.number(float(np.nan_to_num(fpw_a[a_chip])))} {_PER_MW_WORDS}."
            )
            variables["flops_per_mw_a"] = (
                "chip",
                fpw_a,
                _attrs(_PER_MW, long_name + ", pinned scenario A"),
            )
            attrs["pinned_chip"] = names[a_chip]
        self._keep(partial(xr.Dataset, variables, coords={"chip": names}, attrs=attrs))


class ChipsChart(_Chart):
    """Chips the facility power can feed, along facility power (log–log), with the site's power
    (dashed line) and the deployed chips (point)."""

    name = "chips"
    title = "Chips per facility power"

    def __init__(self) -> None:
        px, py = bq.LogScale(), bq.LogScale()
        self.line = bq.Lines(
            x=SWEEP, y=np.ones_like(SWEEP), scales={"x": px, "y": py}, colors=[GREEN]
        )
        self.limit = bq.Lines(
            x=[300.0, 300.0],
            y=[1.0, 1e7],
            scales={"x": px, "y": py},
            colors=[VERMILION],
            line_style="dashed",
        )
        self.deployed = bq.Scatter(
            x=[300.0], y=[1.0], scales={"x": px, "y": py}, colors=[BLUE], default_size=90
        )
        self.figure = _figure(
            [self.line, self.limit, self.deployed],
            px,
            py,
            f"facility power ({_MW})",
            "chips",
            self.title,
            "explorer-chips-chart",
        )
        self.words = ""
        self._drawn = None

    def _make_a(self) -> tuple:
        return (_marker_a(dict(self.deployed.scales)),)

    @property
    def deployed_a(self) -> bq.Scatter:
        """Scenario A's diamond."""
        return self.marks_a[0]

    def update(self, scenario: Scenario) -> None:
        v, sweep = scenario.values, scenario.sweep
        site_power, deployed = v["site_power"], v["chips"]
        a_v = scenario.pinned_values
        top = float(max(sweep.chips_supported.max(), deployed, 10))
        if a_v is not None:
            top = max(top, a_v["chips"])
        with ExitStack() as stack:
            for mark in (self.line, self.limit, self.deployed):
                stack.enter_context(mark.hold_sync())
            self.limit.x = [site_power] * 2
            self.limit.y = [1.0, top]
            self.deployed.x = [max(v["power_required"], 1.0)]
            self.deployed.y = [max(deployed, 1.0)]
            if a_v is not None:
                with self.deployed_a.hold_sync():
                    self.deployed_a.x = [max(a_v["power_required"], 1.0)]
                    self.deployed_a.y = [max(a_v["chips"], 1.0)]
            self._show_a(a_v is not None)
            if self._drawn is not sweep:
                self.line.y = np.maximum(sweep.chips_supported.values, 1)
                self._drawn = sweep
            _log_axis(self.figure, 1.0, top)
        q = fmt.quantity
        self.words = (
            f"{fmt.number(v['chips_supported'])} chips supported at {q(site_power, _MW)}; "
            f"deployed chips need {q(v['power_required'], _MW)}."
        )
        attrs = {
            "scenario_site_power_MW": site_power,
            "scenario_chips_deployed": deployed,
            "scenario_power_required_MW": v["power_required"],
        }
        if a_v is not None:
            self.words += (
                f" A (pinned, the diamond): {fmt.number(a_v['chips'])} chips "
                f"need {q(a_v['power_required'], _MW)}."
            )
            attrs.update(
                pinned_chips_deployed=a_v["chips"], pinned_power_required_MW=a_v["power_required"]
            )
        self._keep(partial(_curve, sweep, "chips_supported", attrs))


CHARTS = (PowerChart, CityChart, FlopsChart, ChipsChart)  # the Advanced screen's order
