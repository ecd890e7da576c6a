"""The Advanced screen's charts: one class per chart, each drawing a `Scenario` in place.

Every chart has a `name` (a short id), a `title` (what it shows, in words), a `figure`
(`bqplot.Figure`), `update(scenario)` that changes its marks in place (and sends nothing that did
not change), `words` (its key figures in words, kept current) and `data()` (the numbers it last
drew, as an `xarray.Dataset` with `units` and `long_name`).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import bqplot as bq
import ipywidgets as w
import numpy as np
import xarray as xr

from .. import catalog, fmt
from ..units import factor
from ..validate import BOUNDS
from .scenario import SWEEP
from .theme import BLUE, GREEN, GREY, ORANGE, VERMILION

if TYPE_CHECKING:
    from .scenario import Scenario

_SP = BOUNDS["site_power"]
PRECISION_LABEL = {"bf16": "BF16", "fp8": "FP8", "fp8_sparse": "FP8 sparse"}
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
        layout=w.Layout(width="100%", max_width="560px", height="300px"),
    )
    fig.add_class(css)
    return fig


def _attrs(units: str, long_name: str) -> dict[str, str]:
    return {"units": units, "long_name": long_name}


class PowerChart:
    """Where the site's power goes: IT, cooling and other losses as three bars [MW]."""

    name = "power"
    title = "Where the site's power goes"
    PARTS = ("IT", "Cooling", "Other")

    def __init__(self) -> None:
        xs, ys = bq.OrdinalScale(), bq.LinearScale(min=0)
        colours = bq.ColorScale(colors=[BLUE, ORANGE, GREY], min=0, max=2)
        self.bars = bq.Bars(
            x=list(self.PARTS),
            y=[0, 0, 0],
            color=[0, 1, 2],
            scales={"x": xs, "y": ys, "color": colours},
        )
        self.figure = _figure([self.bars], xs, ys, "", "MW", self.title, "explorer-power-chart")
        self.words = ""
        self._data = xr.Dataset()

    def update(self, scenario: Scenario) -> None:
        v = scenario.values
        it, cool, over = v["it_power"], v["cooling_power"], v["overhead_power"]
        with self.bars.hold_sync(), self.bars.scales["y"].hold_sync():
            self.bars.scales["y"].max = axis_top(max(it, cool, over))
            self.bars.y = [it, cool, over]
        q = fmt.quantity
        self.words = f"IT {q(it, 'MW')}, cooling {q(cool, 'MW')}, other {q(over, 'MW')}."
        self._data = xr.Dataset(
            {"power": ("part", [it, cool, over], _attrs("MW", "site power by use"))},
            coords={"part": list(self.PARTS)},
        )

    def data(self) -> xr.Dataset:
        return self._data


class CityChart:
    """The city whose electricity use equals the site's, along site power (log–log)."""

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
            "site power (MW)",
            "people",
            self.title + "?",
            "explorer-people-chart",
        )
        self.words = ""
        self._drawn: tuple = (None, None)
        self._data = xr.Dataset()

    def update(self, scenario: Scenario) -> None:
        v, per, sweep = scenario.values, scenario.per, scenario.sweep
        var = "city_people" if per == "person" else "city_households"
        plural = "people" if per == "person" else "households"
        here, site_power = v[var], v["site_power"]
        with self.line.hold_sync(), self.point.hold_sync():
            self.point.x, self.point.y = [site_power], [here]
            if self._drawn[0] is not sweep or self._drawn[1] != per:  # not along site power
                city = sweep[var].values
                self.line.y = city
                self.figure.axes[1].label = plural
                self.title = f"A city of how many {plural}"
                self.figure.title = self.title + "?"
                _log_axis(self.figure, float(city.min()), float(city.max()))
                self._drawn = (sweep, per)
        q = fmt.quantity
        self.words = (
            f"At {q(site_power, 'MW')} the site uses as much electricity as "
            f"{fmt.number(here)} {plural}; the curve is proportional to site power."
        )
        self._data = (
            sweep[[var]]
            .drop_vars([c for c in sweep[[var]].coords if c != "site_power"])
            .assign_attrs(scenario_site_power_MW=site_power, **{f"scenario_{var}": here})
        )

    def data(self) -> xr.Dataset:
        return self._data


class FlopsChart:
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
                bq.Axis(scale=cy, label="PFLOP/s per facility MW", tick_format="~s", num_ticks=4),
            ],
            title=self.title,
            animation_duration=0,
            fig_margin=_MARGIN,
            layout=w.Layout(width="100%", max_width="560px", height="420px"),
        )
        self.figure.add_class("explorer-chip-chart")
        self.words = ""
        self._drawn: tuple = (None, None)
        self._data = xr.Dataset()

    def update(self, scenario: Scenario) -> None:
        chips, prec = scenario.chips, scenario.precision
        names = catalog.names("chips")
        chosen = names.index(scenario.state["chip"])
        fpw_var = chips.flops_per_watt.sel(precision=prec)
        fpw = fpw_var.values * factor(chips.flops_per_watt.attrs["units"], "PFLOP/s/MW")
        with self.bars.hold_sync():
            if self._drawn[0] is not chips or self._drawn[1] != prec:  # not along site power
                self.bars.scales["y"].max = axis_top(
                    float(np.nanmax(fpw)) if np.isfinite(fpw).any() else 1.0
                )
                self.bars.y = np.nan_to_num(fpw)
                self._drawn = (chips, prec)
            self.bars.color = [1.0 if i == chosen else 0.0 for i in range(len(names))]
            # the chosen chip is named in the title too: never shown by colour alone
            self.figure.title = f"Peak FLOPS per facility MW (chosen, in blue: {names[chosen]})"
        best = names[int(np.nanargmax(fpw))] if np.isfinite(fpw).any() else "none"
        self.words = (
            f"{catalog.label('chips', names[chosen])}: "
            f"{fmt.number(float(np.nan_to_num(fpw[chosen])))} PFLOP/s per facility MW; "
            f"highest in the catalog: {catalog.label('chips', best)}."
        )
        self._data = xr.Dataset(
            {
                "flops_per_mw": (
                    "chip",
                    fpw,
                    _attrs("PFLOP/s/MW", f"peak FLOP/s per facility MW ({PRECISION_LABEL[prec]})"),
                )
            },
            coords={"chip": names},
            attrs={"chosen_chip": names[chosen], "precision": prec},
        )

    def data(self) -> xr.Dataset:
        return self._data


class ChipsChart:
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
            "facility power (MW)",
            "chips",
            self.title,
            "explorer-chips-chart",
        )
        self.words = ""
        self._drawn = None
        self._data = xr.Dataset()

    def update(self, scenario: Scenario) -> None:
        v, sweep = scenario.values, scenario.sweep
        site_power, deployed = v["site_power"], v["chips"]
        top = float(max(sweep.chips_supported.max(), deployed, 10))
        with self.line.hold_sync(), self.limit.hold_sync(), self.deployed.hold_sync():
            self.limit.x = [site_power] * 2
            self.limit.y = [1.0, top]
            self.deployed.x = [max(v["power_required"], 1.0)]
            self.deployed.y = [max(deployed, 1.0)]
            if self._drawn is not sweep:
                self.line.y = np.maximum(sweep.chips_supported.values, 1)
                self._drawn = sweep
            _log_axis(self.figure, 1.0, top)
        q = fmt.quantity
        self.words = (
            f"{fmt.number(v['chips_supported'])} chips supported at {q(site_power, 'MW')}; "
            f"deployed chips need {q(v['power_required'], 'MW')}."
        )
        curve = sweep.chips_supported
        self._data = xr.Dataset(
            {"chips_supported": curve.drop_vars([c for c in curve.coords if c != "site_power"])},
            attrs={
                "scenario_site_power_MW": site_power,
                "scenario_chips_deployed": deployed,
                "scenario_power_required_MW": v["power_required"],
            },
        )

    def data(self) -> xr.Dataset:
        return self._data


CHARTS = (PowerChart, CityChart, FlopsChart, ChipsChart)  # the Advanced screen's order
