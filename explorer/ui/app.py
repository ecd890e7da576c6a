"""The explorer dashboard: controls, headline numbers, charts, notes and sources.

The class owns its widgets and bqplot marks, wires observers once, and calls
`explorer.compute` (the scenario on every change; the site-power sweep and the chip comparison
only when an input they use changed). Callbacks validate every value through the core, whatever
the widget allowed, and never let an exception reach the page.

Each change sends only what changed, headline and power chart first: every widget message costs
the browser a render, and the reader watches those two.
"""

from __future__ import annotations

import base64
import html
import json
import math
from contextlib import ExitStack
from typing import Any

import bqplot as bq
import ipywidgets as w
import numpy as np

from .. import catalog, fmt, notes, params
from ..errors import InputError
from ..export import to_frame, to_json
from ..model import compute, cooling_from_pue, preset_inputs
from ..units import factor
from ..validate import BOUNDS, labelled
from . import basics, training
from .address import AddressBar

# Okabe–Ito colour-blind-safe palette
BLUE, ORANGE, GREEN, GREY, VERMILION, SKY = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#999999",
    "#D55E00",
    "#56B4E9",
)
SWEEP = np.geomspace(BOUNDS["site_power"].lo, BOUNDS["site_power"].hi, 121)  # MW, for the curves
LABEL = {"description_width": "initial"}
_PRECISION = {"bf16": "BF16", "fp8": "FP8", "fp8_sparse": "FP8 sparse"}
NO_MODEL = "none"  # the training panel's "no training run" choice
TRAINING = ("model", "job_chips", "checkpoint_minutes", "restart_minutes")  # blank: the default
PLAIN_ERROR = "That did not work; the last valid values are kept."
REFERENCE_SITE = "xai-colossus"  # the Basics screen's known cluster: its announced chips and power
START_SCREEN = "advanced"  # a link without `screen` opens the full screen, as before
START_SITE = (
    catalog.DEFAULT_SITE
)  # the app opens on the core's default (the generic site); Rainier is one preset away
_SP = BOUNDS["site_power"]  # the slider's range is the core's
NARROW = 900  # px: below this width the results sit under the controls, so a strip repeats them
# The page's own CSS: a slider's label goes on its own line so the track keeps its length on a
# phone; below NARROW px a strip of the three headline numbers stays at the top of the screen.
STYLE = f"""<style>
.explorer-app .widget-slider {{ flex-wrap: wrap; height: auto; }}
.explorer-app .widget-slider > .widget-label {{
  width: 100% !important; max-width: 100%; white-space: normal; height: auto; text-align: left;
}}
.explorer-app .widget-slider .slider-container {{ flex: 1 1 200px; min-width: 160px; }}
.explorer-app .widget-text, .explorer-app .widget-dropdown {{ flex-wrap: wrap; height: auto; }}
.explorer-app .widget-text > .widget-label, .explorer-app .widget-dropdown > .widget-label {{
  max-width: 100%; white-space: normal; height: auto; text-align: left;
}}
.explorer-app .widget-text input {{ flex: 1 1 80px; min-width: 80px; }}
.explorer-app .widget-dropdown select {{ flex: 1 1 120px; min-width: 120px; max-width: 100%; }}
.explorer-strip {{ display: none; }}
.explorer-app .jupyter-widget-Collapse-header {{ color: #1a1a1a; background: #eef2f6; }}
@media (max-width: {NARROW}px) {{
  .explorer-strip {{
    display: block; position: fixed; top: 0; left: 0; right: 0; z-index: 1000;
    background: #fff; border-bottom: 3px solid {BLUE}; padding: 4px 8px; font-size: 0.9em;
    box-shadow: 0 2px 4px rgba(0, 0, 0, 0.15);
  }}
  .explorer-app {{ padding-top: 3.6em !important; }}
}}
.explorer-strip-item {{ display: inline-block; margin-right: 1em; }}
.explorer-strip-item b {{ font-size: 1.1em; }}
</style>"""


def _range(field: str, scale: float = 1.0, unit: str = "") -> str:
    """The allowed range of an input in words, from the core's bounds (e.g. "1 – 100 %")."""
    b = BOUNDS[field]
    return f"{b.lo * scale:g} – {'<' if b.hi_open else ''}{b.hi * scale:g}{unit}"


def _fmt_pue(pue: float) -> str:
    return f"{pue:.4g}" if math.isfinite(pue) else ""


def _axis_top(x: float) -> float:
    """The smallest 1, 2 or 5 × 10^k at or above x: a fixed-looking axis, so bars move with the
    slider."""
    if not (math.isfinite(x) and x > 0):
        return 1.0
    k = math.floor(math.log10(x))
    for m in (1, 2, 5, 10):
        if m * 10.0**k >= x * (1 - 1e-12):
            return m * 10.0**k
    return 10.0 ** (k + 1)


def _decades(lo: float, hi: float) -> tuple[float, float, list[float]]:
    """A log axis from the decade at or below `lo` to the one at or above `hi`, ticked at each
    decade."""
    lo, hi = max(lo, 1e-12), max(hi, lo * 10)
    a, b = math.floor(math.log10(lo)), math.ceil(math.log10(hi))
    return 10.0**a, 10.0**b, [10.0**k for k in range(a, b + 1)]


def _log_axis(fig: bq.Figure, lo: float, hi: float) -> None:
    """Fit a figure's log y scale and its ticks to [lo, hi] (sends nothing when unchanged)."""
    bottom, top, ticks = _decades(lo, hi)
    scale, axis = fig.axes[1].scale, fig.axes[1]
    with scale.hold_sync(), axis.hold_sync():
        scale.min, scale.max = bottom, top
        axis.tick_values = ticks


def _scalars(ds, precision: str) -> dict[str, float]:
    """A one-scenario result as plain floats (per-precision outputs at `precision`).

    Reading variables once is far cheaper than one xarray lookup per number shown."""
    i = [str(p) for p in ds.indexes["precision"]].index(precision)
    out = {}
    for name, var in ds.variables.items():
        if var.dtype.kind != "f":
            continue
        if var.ndim == 0:
            out[name] = float(var.values)
        elif var.dims == ("precision",):
            out[name] = float(var.values[i])
    return out


def _fmt_value(key: str, value: Any) -> str:
    if value is None:
        return ""
    if key == "chips":
        return str(int(value))
    return f"{value:g}"


class ExplorerApp:
    """The whole dashboard; `.widget` is what the notebook displays."""

    def __init__(self, query: str | None = None) -> None:
        self._busy = False
        self.recomputes = 0  # how many times the core ran (one per accepted change)
        self._reset_state()
        self._build_controls()
        self._build_outputs()
        self._build_charts()
        self.screen_toggle = w.ToggleButtons(
            options=[("Basics", "basics"), ("Advanced", "advanced")],
            value=self.screen,
            description="Screen",
            tooltips=["Three sliders, three results", "Every input, chart and source"],
            style=LABEL,
        )
        self.screen_toggle.add_class("explorer-screen")
        self.basics_city, self.basics_cooling, self.basics_flops = (w.HTML() for _ in range(3))
        self._reference: dict[str, float] = {}  # the known cluster's peak FLOP/s per precision
        self.style = w.HTML(STYLE)
        self.strip = w.HTML()  # the headline numbers again, fixed at the top on narrow screens
        self.strip.add_class("explorer-strip")
        self.charts_text = w.HTML()  # the charts' key figures in words (their text alternative)
        self.charts_text.add_class("explorer-charts-text")
        self._wire()
        self.widget = self._layout()
        self.load_link(query)

    def load_link(self, query: str | None) -> None:
        """Show the scenario of a shared link's query string, from the catalog defaults up.

        The string is untrusted (explorer.params parses it); parameters that cannot be used are
        listed on the page, not applied."""
        self._reset_state()
        for m in self.messages.values():
            m.value = ""
        link_messages = self._apply_query(query)
        self.refresh()
        self.link_notes.value = (
            self._list_html(link_messages, "Link parameters not used") if link_messages else ""
        )

    def _reset_state(self) -> None:
        self.site = START_SITE
        self.screen = START_SCREEN
        self.state: dict[str, Any] = {
            **self._preset_state(self.site),
            "precision": "fp8",
            "chips": None,
        }

    # ------------------------------------------------------------------ state
    def _preset_state(self, site: str) -> dict[str, Any]:
        inputs = preset_inputs(site)
        return {
            "site": site,
            **{
                k: inputs[k]
                for k in (
                    "site_power",
                    "cooling_fraction",
                    "overhead_fraction",
                    "chip",
                    "basis",
                    "mfu",
                    "load_factor",
                )
            },
        }

    @staticmethod
    def _inputs(state: dict[str, Any]) -> dict[str, Any]:
        return {
            k: v for k, v in state.items() if k != "precision" and not (k in TRAINING and v is None)
        }

    # ------------------------------------------------------------------ widgets
    def _build_controls(self) -> None:
        s = self.state
        sites = [(catalog.label("sites", n), n) for n in catalog.names("sites")]
        self.preset = w.Dropdown(
            options=[*sites, ("Custom", "custom")],
            value=self.site,
            description="Preset",
            style=LABEL,
        )
        self.site_power = w.FloatLogSlider(
            value=s["site_power"],
            base=10,
            min=math.log10(_SP.lo),
            max=math.log10(_SP.hi),
            step=0.01,
            description=(
                f"Site power (MW, {fmt.quantity(_SP.lo, 'MW')} – {fmt.quantity(_SP.hi, 'MW')})"
            ),
            readout=False,
            style=LABEL,
            layout=w.Layout(width="100%", max_width="520px"),
        )
        self.site_power.add_class("explorer-site-power")
        self.site_power_text = w.Text(
            value=_fmt_value("site_power", s["site_power"]),
            description="MW",
            continuous_update=False,
            layout=w.Layout(width="150px"),
            style=LABEL,
        )
        self.chip = w.Dropdown(
            options=[(catalog.label("chips", n), n) for n in catalog.names("chips")],
            value=s["chip"],
            description="Accelerator",
            style=LABEL,
        )
        self.fill = w.Checkbox(
            value=True, description="Fill the site (as many chips as the power feeds)", indent=False
        )
        self.chips_slider = w.FloatLogSlider(
            value=100_000,
            base=10,
            min=0,
            max=7,
            step=0.01,
            readout=False,
            description="Chips deployed (1 – 10 million)",
            disabled=True,
            style=LABEL,
            layout=w.Layout(width="100%", max_width="520px"),
        )
        self.chips_text = w.Text(
            value="",
            description="chips",
            continuous_update=False,
            disabled=True,
            layout=w.Layout(width="170px"),
            style=LABEL,
        )
        self.cooling = w.FloatSlider(
            value=s["cooling_fraction"],
            min=0,
            max=0.9,
            step=0.01,
            readout_format=".0%",
            description="Cooling share of site power (0 – 90 %)",
            style=LABEL,
            layout=w.Layout(width="100%", max_width="400px"),
        )  # leaves room for the PUE field
        self.cooling.add_class("explorer-cooling-slider")
        self.pue_text = w.Text(
            value="",
            description="→ PUE",
            continuous_update=False,
            layout=w.Layout(width="130px"),
            style=LABEL,
        )  # the same setting as the slider
        self.pue_text.add_class("explorer-pue")
        self.mfu = w.FloatSlider(
            value=s["mfu"],
            min=BOUNDS["mfu"].lo,
            max=BOUNDS["mfu"].hi,
            step=0.01,
            readout_format=".0%",
            description=f"MFU: share of peak FLOPS achieved ({_range('mfu', 100, ' %')})",
            style=LABEL,
            layout=w.Layout(width="100%", max_width="520px"),
        )
        self.basis = w.Dropdown(
            options=[(catalog.label("bases", n), n) for n in catalog.names("bases")],
            value=s["basis"],
            description="City basis",
            style=LABEL,
        )
        self.precision = w.ToggleButtons(
            options=[("BF16", "bf16"), ("FP8", "fp8"), ("FP8 sparse", "fp8_sparse")],
            value=s["precision"],
            description="Precision",
            style=LABEL,
        )
        self.overhead_text = w.Text(
            value=_fmt_value("overhead_fraction", s["overhead_fraction"]),
            description=f"Other losses (share, {_range('overhead_fraction')})",
            continuous_update=False,
            style=LABEL,
        )
        self.load_text = w.Text(
            value=_fmt_value("load_factor", s["load_factor"]),
            description=f"Load factor ({_range('load_factor')})",
            continuous_update=False,
            style=LABEL,
        )
        self.model = w.Dropdown(
            options=[
                ("No training run", NO_MODEL),
                *[(catalog.label("models", n), n) for n in catalog.names("models")],
            ],
            value=NO_MODEL,
            description="Model",
            style=LABEL,
        )
        self.training_texts = {
            "job_chips": w.Text(
                description="Job size (chips; blank: every chip powered)",
                continuous_update=False,
                style=LABEL,
            ),
            "checkpoint_minutes": w.Text(
                description=f"Checkpoint stall (min, {_range('checkpoint_minutes')}; blank: 1)",
                continuous_update=False,
                style=LABEL,
            ),
            "restart_minutes": w.Text(
                description=f"Restart (min, {_range('restart_minutes')}; blank: 10)",
                continuous_update=False,
                style=LABEL,
            ),
        }
        self.messages = {
            k: w.HTML()
            for k in (
                "site_power",
                "chips",
                "cooling_fraction",
                "mfu",
                "overhead_fraction",
                "load_factor",
                *TRAINING,
                "general",
            )
        }
        for m in self.messages.values():
            m.add_class("explorer-error")

    def _build_outputs(self) -> None:
        self.city = w.HTML()
        self.city.add_class("explorer-city")
        self.cooling_out = w.HTML()
        self.cooling_out.add_class("explorer-cooling")
        self.flops = w.HTML()
        self.flops.add_class("explorer-flops")
        self.details = (
            w.HTML()
        )  # IT power and PUE, chips, per year: one widget, one message per change
        self.details.add_class("explorer-details")
        self.training_out = w.HTML()  # the training panel's result
        self.notes = w.HTML()
        self.notes.add_class("explorer-notes")
        self.link_notes = w.HTML()
        self.sources = w.HTML()
        self.address = AddressBar(
            layout=w.Layout(width="100%", max_width="700px")
        )  # the link, shown and in the address bar
        self.export_button = w.Button(
            description="Export scenario (JSON) and sweep (CSV)", layout=w.Layout(width="auto")
        )
        self.export_links = w.HTML()

    def _figure(
        self,
        marks: list,
        x_scale,
        y_scale,
        x_label: str,
        y_label: str,
        title: str,
        css: str | None = None,
    ) -> bq.Figure:
        x_axis = bq.Axis(scale=x_scale, label=x_label)
        if isinstance(x_scale, bq.LogScale):  # decades only: the default log ticks crowd
            x_axis.tick_values = [
                10.0**k
                for k in range(math.floor(math.log10(_SP.lo)), math.ceil(math.log10(_SP.hi)) + 1)
            ]
            x_axis.tick_format = ",.0f"
        axes = [
            x_axis,
            bq.Axis(
                scale=y_scale, side="left", label=y_label, tick_format="~s", label_offset="52px"
            ),
        ]
        fig = bq.Figure(
            marks=marks,
            axes=axes,
            title=title,
            animation_duration=0,
            fig_margin={"top": 40, "bottom": 50, "left": 72, "right": 20},
            layout=w.Layout(width="100%", max_width="560px", height="300px"),
        )
        if css:
            fig.add_class(css)
        return fig

    def _build_charts(self) -> None:
        xs, ys = bq.OrdinalScale(), bq.LinearScale(min=0)
        colours = bq.ColorScale(colors=[BLUE, ORANGE, GREY], min=0, max=2)
        self.power_bars = bq.Bars(
            x=["IT", "Cooling", "Other"],
            y=[0, 0, 0],
            color=[0, 1, 2],
            scales={"x": xs, "y": ys, "color": colours},
        )
        self.power_fig = self._figure(
            [self.power_bars],
            xs,
            ys,
            "",
            "MW",
            "Where the site's power goes",
            "explorer-power-chart",
        )

        lx, ly = bq.LogScale(), bq.LogScale()
        self.people_line = bq.Lines(
            x=SWEEP, y=np.ones_like(SWEEP), scales={"x": lx, "y": ly}, colors=[BLUE]
        )
        self.people_point = bq.Scatter(
            x=[300.0], y=[1.0], scales={"x": lx, "y": ly}, colors=[VERMILION], default_size=90
        )
        self.people_fig = self._figure(
            [self.people_line, self.people_point],
            lx,
            ly,
            "site power (MW)",
            "people",
            "A city of how many people?",
            "explorer-people-chart",
        )

        # Horizontal bars: seventeen accelerator names stay readable on a phone, one per line.
        cx, cy = bq.OrdinalScale(), bq.LinearScale(min=0)
        names = catalog.names("chips")
        highlight = bq.ColorScale(colors=[GREY, BLUE], min=0, max=1)
        self.chip_bars = bq.Bars(
            x=names,
            y=np.zeros(len(names)),
            color=np.zeros(len(names)),
            orientation="horizontal",
            scales={"x": cx, "y": cy, "color": highlight},
        )
        self.chip_fig = bq.Figure(
            marks=[self.chip_bars],
            axes=[
                bq.Axis(scale=cx, side="left"),
                bq.Axis(scale=cy, label="PFLOP/s per facility MW", tick_format="~s", num_ticks=4),
            ],
            title="Peak FLOPS per facility megawatt",
            animation_duration=0,
            fig_margin={"top": 40, "bottom": 50, "left": 72, "right": 20},
            layout=w.Layout(width="100%", max_width="560px", height="420px"),
        )
        self.chip_fig.add_class("explorer-chip-chart")

        px, py = bq.LogScale(), bq.LogScale()
        self.chips_line = bq.Lines(
            x=SWEEP, y=np.ones_like(SWEEP), scales={"x": px, "y": py}, colors=[GREEN]
        )
        self.limit_line = bq.Lines(
            x=[300.0, 300.0],
            y=[1.0, 1e7],
            scales={"x": px, "y": py},
            colors=[VERMILION],
            line_style="dashed",
        )
        self.deployed_point = bq.Scatter(
            x=[300.0], y=[1.0], scales={"x": px, "y": py}, colors=[BLUE], default_size=90
        )
        self.chips_fig = self._figure(
            [self.chips_line, self.limit_line, self.deployed_point],
            px,
            py,
            "facility power (MW)",
            "chips",
            "Chips per facility power",
            "explorer-chips-chart",
        )

    def _layout(self) -> w.Widget:
        row = w.Layout(flex_flow="row wrap", align_items="center")
        # One screen is on the page at a time, so the two screens share these controls.
        power_row = w.HBox([self.site_power, self.site_power_text], layout=row)
        chips_row = w.HBox([self.chips_slider, self.chips_text], layout=row)
        controls = w.VBox(
            [
                self.preset,
                power_row,
                self.messages["site_power"],
                self.chip,
                self.fill,
                chips_row,
                self.messages["chips"],
                w.HBox([self.cooling, self.pue_text], layout=row),
                self.messages["cooling_fraction"],
                self.mfu,
                self.messages["mfu"],
                self.basis,
                self.precision,
                w.Accordion(
                    children=[
                        w.VBox(
                            [
                                self.overhead_text,
                                self.messages["overhead_fraction"],
                                self.load_text,
                                self.messages["load_factor"],
                            ]
                        )
                    ],
                    titles=("More inputs",),
                ),
                w.Accordion(
                    children=[
                        w.VBox(
                            [
                                self.model,
                                self.messages["model"],
                                *[
                                    x
                                    for k, t in self.training_texts.items()
                                    for x in (t, self.messages[k])
                                ],
                            ]
                        )
                    ],
                    titles=("Training a model",),
                ),
                self.messages["general"],
            ],
            layout=w.Layout(width="100%", max_width="560px"),
        )
        headlines = w.VBox(
            [self.city, self.cooling_out, self.flops, self.details, self.training_out],
            layout=w.Layout(width="100%", max_width="560px"),
        )
        charts = w.Box(
            [self.power_fig, self.people_fig, self.chip_fig, self.chips_fig],
            layout=w.Layout(flex_flow="row wrap", width="100%"),
        )
        title = w.HTML(
            "<h2 style='margin:0.2em 0'>AI Datacenter Explorer</h2>"
            "<p style='margin:0'>Move the controls: "
            "every number below is recomputed from the sourced catalog.</p>"
        )
        top = w.Box(
            [controls, headlines],
            layout=w.Layout(flex_flow="row wrap", justify_content="space-between", width="100%"),
        )
        sources = w.Accordion(children=[self.sources], titles=("Where these numbers come from",))
        export = w.VBox([self.address, w.HBox([self.export_button, self.export_links], layout=row)])
        self._screens = {
            "advanced": (
                self.style,
                self.strip,
                title,
                self.screen_toggle,
                self.link_notes,
                top,
                self.notes,
                charts,
                self.charts_text,
                sources,
                export,
            ),
            "basics": (
                self.style,
                self.strip,
                title,
                self.screen_toggle,
                self.link_notes,
                w.Box(
                    [
                        w.VBox(
                            [
                                power_row,
                                self.messages["site_power"],
                                self.fill,
                                chips_row,
                                self.messages["chips"],
                                self.cooling,
                                self.messages["cooling_fraction"],
                                self.messages["general"],
                            ],
                            layout=w.Layout(width="100%", max_width="560px"),
                        ),
                        w.VBox(
                            [self.basics_city, self.basics_cooling, self.basics_flops],
                            layout=w.Layout(width="100%", max_width="560px"),
                        ),
                    ],
                    layout=w.Layout(
                        flex_flow="row wrap", justify_content="space-between", width="100%"
                    ),
                ),
                self.address,
            ),
        }
        root = w.VBox(
            self._screens[self.screen],
            layout=w.Layout(width="100%", max_width="1180px", padding="0 8px"),
        )
        root.add_class("explorer-app")
        return root

    # ------------------------------------------------------------------ wiring
    def _wire(self) -> None:
        self.preset.observe(self._guard(self._on_preset), "value")
        self.screen_toggle.observe(self._guard(self._on_screen), "value")
        self.site_power.observe(
            self._guard(lambda ch: self._slid("site_power", ch.new, self.site_power)), "value"
        )
        self.site_power_text.observe(
            self._guard(lambda ch: self._typed("site_power", ch.new, self.site_power_text)), "value"
        )
        self.chip.observe(
            self._guard(lambda ch: self._change("chip", ch.new, ch.old, self.chip)), "value"
        )
        self.fill.observe(self._guard(self._on_fill), "value")
        self.chips_slider.observe(
            self._guard(lambda ch: self._slid("chips", ch.new, self.chips_slider)), "value"
        )
        self.chips_text.observe(
            self._guard(lambda ch: self._typed("chips", ch.new, self.chips_text)), "value"
        )
        self.cooling.observe(
            self._guard(lambda ch: self._slid_linear("cooling_fraction", ch.new, self.cooling)),
            "value",
        )
        self.pue_text.observe(self._guard(lambda ch: self._typed_pue(ch.new)), "value")
        self.mfu.observe(
            self._guard(lambda ch: self._change("mfu", ch.new, ch.old, self.mfu)), "value"
        )
        self.basis.observe(
            self._guard(lambda ch: self._change("basis", ch.new, ch.old, self.basis)), "value"
        )
        self.precision.observe(
            self._guard(lambda ch: self._change("precision", ch.new, ch.old, self.precision)),
            "value",
        )
        self.overhead_text.observe(
            self._guard(lambda ch: self._typed("overhead_fraction", ch.new, self.overhead_text)),
            "value",
        )
        self.load_text.observe(
            self._guard(lambda ch: self._typed("load_factor", ch.new, self.load_text)), "value"
        )
        self.model.observe(self._guard(self._on_model), "value")
        for field, text in self.training_texts.items():
            text.observe(self._guard(self._on_training_text), "value")
            text.field = field  # read by _on_training_text (no lambda per field)
        self.export_button.on_click(self._guard(lambda _b: self._export()))

    def _guard(self, fn):
        """Run a callback; any failure becomes a plain message, never a traceback."""

        def run(*args: Any) -> None:
            if self._busy:
                return
            try:
                fn(*args)
            except Exception:  # the page must never see a traceback; the old values stay
                self.messages["general"].value = self._error_html(PLAIN_ERROR)
                self._sync_widgets()

        return run

    @staticmethod
    def _parse(field: str, text: str) -> float:
        """A typed value as a number, or InputError naming the field and its range."""
        try:
            value = float(str(text).strip().replace(",", "").replace("_", ""))
        except ValueError:
            raise InputError(
                field, str(text)[:40], BOUNDS[field].describe(field), "is not a number"
            ) from None
        if field == "chips" and math.isfinite(value) and value == int(value):
            return int(value)
        return value

    def _slid(self, field: str, value: float, slider: w.FloatLogSlider) -> None:
        """A log slider moved. The browser snaps a value we set to the slider's step and echoes
        it back: an echo within half a step of the current value is not a change."""
        current = self.state.get(field)
        if current is not None and value > 0 and current > 0:
            if abs(math.log10(value) - math.log10(current)) <= slider.step / 2 + 1e-9:
                return
        self._change(field, round(value) if field == "chips" else value, None, slider)

    def _slid_linear(self, field: str, value: float, slider: w.FloatSlider) -> None:
        """A linear slider moved. A preset's or a typed PUE's cooling share need not sit on the
        slider's 1 % grid: the browser's snapped echo (within half a step) is not a change."""
        current = self.state.get(field)
        if current is not None and abs(value - current) <= slider.step / 2 + 1e-9:
            return
        self._change(field, value, None, slider)

    def _typed(self, field: str, text: str, widget: w.Widget) -> None:
        """A value typed into a text field: parse it, then change the state like any control."""
        try:
            value = self._parse(field, text)
        except InputError as err:
            self.messages[field].value = self._error_html(str(err))
            self._sync_widgets()
            return
        self._change(field, value, None, widget)

    def _typed_pue(self, text: str) -> None:
        """A PUE typed beside the cooling slider: the core turns it into the cooling share."""
        try:
            pue = labelled("pue", self._parse("pue", text))
            cooling = float(
                cooling_from_pue(
                    pue, labelled("overhead_fraction", self.state["overhead_fraction"])
                ).values
            )
        except InputError as err:
            self.messages["cooling_fraction"].value = self._error_html(str(err))
            self._sync_widgets()
            return
        self._change("cooling_fraction", cooling, None, self.pue_text)

    def _change(self, field: str, value: Any, old: Any, widget: w.Widget) -> None:
        message = self.messages.get(field, self.messages["general"])
        try:
            new = {**self.state, field: value}
            if field == "chip":
                new.pop("chip_tdp", None)  # a link's power cap belongs to the chip it came with
            ds = self._recompute(new)
        except InputError as err:
            message.value = self._error_html(str(err))
            self._sync_widgets()  # put the previous valid value back
            return
        message.value = ""
        self.messages["general"].value = ""
        self.state = new
        if self.preset.value != "custom" and field not in ("precision", "basis", *TRAINING):
            self._set(self.preset, "custom")
        self._sync_widgets()
        self._render(*ds)

    def _on_preset(self, change) -> None:
        if change.new == "custom":
            return
        self.site = change.new
        new = {**self.state, **self._preset_state(change.new)}
        ds = self._recompute(new)
        self.state = new
        for m in self.messages.values():
            m.value = ""
        self._sync_widgets()
        self._render(*ds)

    def _on_model(self, change) -> None:
        self._change("model", None if change.new == NO_MODEL else change.new, None, self.model)

    def _on_training_text(self, change) -> None:
        """A training field typed: blank means the core's default, anything else is checked."""
        field = change.owner.field
        if not str(change.new).strip():
            self._change(field, None, None, change.owner)
        else:
            self._typed(field, change.new, change.owner)

    def _on_screen(self, change) -> None:
        self.screen = change.new
        self._show_screen()
        self.refresh()  # the screen's own widgets show the current scenario

    def _show_screen(self) -> None:
        """Put the current screen's widgets on the page (only one screen is drawn at a time)."""
        self._set(self.screen_toggle, self.screen)
        if hasattr(self, "widget") and self.widget.children != self._screens[self.screen]:
            self.widget.children = self._screens[self.screen]

    def _query(self) -> str:
        return "?" + params.build({**self.state, "site": self.site, "screen": self.screen})

    def _on_fill(self, change) -> None:
        if change.new:
            self._change("chips", None, None, self.fill)
        else:
            n = (
                int(float(self._scenario.chips_supported))
                if hasattr(self, "_scenario")
                else 100_000
            )
            self._change("chips", max(n, 1), None, self.fill)

    def _set(self, widget: w.Widget, value: Any) -> None:
        """Set a widget without triggering its observer."""
        if widget.value == value:
            return
        self._busy = True
        try:
            widget.value = value
        finally:
            self._busy = False

    def _sync_widgets(self) -> None:
        """Make every control show the current valid state."""
        s = self.state
        self._set(self.site_power, min(max(s["site_power"], _SP.lo), _SP.hi))
        self._set(self.site_power_text, _fmt_value("site_power", s["site_power"]))
        self._set(self.chip, s["chip"])
        self._set(self.cooling, min(s["cooling_fraction"], self.cooling.max))
        if hasattr(self, "_scenario"):
            self._set(self.pue_text, _fmt_pue(float(self._scenario.pue)))
        self._set(self.mfu, s["mfu"])
        self._set(self.basis, s["basis"])
        self._set(self.precision, s["precision"])
        self._set(self.overhead_text, _fmt_value("overhead_fraction", s["overhead_fraction"]))
        self._set(self.load_text, _fmt_value("load_factor", s["load_factor"]))
        self._set(self.model, s.get("model") or NO_MODEL)
        for field, text in self.training_texts.items():
            value = s.get(field)
            self._set(text, "" if value is None else f"{value:g}")
        fill = s["chips"] is None
        self._set(self.fill, fill)
        self.chips_slider.disabled = fill
        self.chips_text.disabled = fill
        if not fill:
            self._set(self.chips_slider, float(min(max(s["chips"], 1), 1e7)))
            self._set(self.chips_text, _fmt_value("chips", s["chips"]))
        else:
            self._set(self.chips_text, "")

    def _apply_query(self, query: str | None) -> list[str]:
        found, messages = params.parse(query)
        self.screen = found.pop("screen", START_SCREEN)
        self._show_screen()
        if "site" in found:
            self.site = found["site"]
            self.state.update(self._preset_state(found["site"]))
        if "pue" in found:  # the app keeps the cooling share; the core turns the PUE into it
            overhead = found.get("overhead_fraction", self.state["overhead_fraction"])
            found["cooling_fraction"] = float(
                cooling_from_pue(
                    labelled("pue", found.pop("pue")), labelled("overhead_fraction", overhead)
                ).values
            )
        self.state.update({k: v for k, v in found.items()})
        self._set(
            self.preset,
            self.site if set(found) <= {"site", "precision", "basis", *TRAINING} else "custom",
        )
        self._sync_widgets()
        return messages

    # ------------------------------------------------------------------ compute + render
    def _recompute(self, state: dict[str, Any]):
        inputs = self._inputs(state)
        ds = compute(**inputs)  # validates every value: widget bounds are not validation
        if self.screen == "basics":  # no curves or chip bars there: computed when Advanced returns
            self.recomputes += 1
            return ds, getattr(self, "_sweep", None), getattr(self, "_chips", None)
        # The curve and the chip comparison do not depend on every input: recompute them only
        # when an input they use changed (a site-power move then costs one core call, not three).
        sweep_key = tuple(sorted((k, v) for k, v in inputs.items() if k != "site_power"))
        if getattr(self, "_sweep_key", None) != sweep_key:
            self._sweep = compute(**{**inputs, "site_power": SWEEP})
            self._sweep_key = sweep_key
        chips_key = (inputs["cooling_fraction"], inputs["overhead_fraction"], inputs["site"])
        if getattr(self, "_chips_key", None) != chips_key:
            per_chip = (
                "chip_tdp",
                "server_overhead",
            )  # given for the chosen chip, not for every chip
            self._chips = compute(
                **{
                    **{k: v for k, v in inputs.items() if k not in per_chip},
                    "chip": catalog.names("chips"),
                    "chips": None,
                }
            )
            self._chips_key = chips_key
        self.recomputes += 1
        return ds, self._sweep, self._chips

    def refresh(self) -> None:
        """Recompute and redraw from the current state."""
        self._render(*self._recompute(self.state))

    def _render(self, ds, sweep, chips) -> None:
        """Show a result. Order matters: the browser renders messages as they arrive, so the
        headline and the power chart go first; widgets whose text did not change send nothing."""
        self._scenario = ds
        s = self.state
        prec = s["precision"]
        v = _scalars(ds, prec)
        q = fmt.quantity
        per = str(ds.basis_per.values)
        people, households = v["city_people"], v["city_households"]
        main = (
            f"{fmt.number(people)} people"
            if per == "person"
            else f"{fmt.number(households)} households"
        )
        other = (
            f"≈ {fmt.number(households)} households"
            if per == "person"
            else f"≈ {fmt.number(people)} people"
        )
        if self.screen == "basics":  # Advanced's widgets are off the page: drawn when it returns
            self.strip.value = self._strip_html(main, v, prec)
            self._render_basics(v)
            self._set(self.pue_text, _fmt_pue(v["pue"]))
            self.address.query = self._query()
            return
        self.city.value = self._card(
            "A city's electricity", main, f"{other}. {html.escape(notes.city_basis(ds))}"
        )
        self._render_power_chart(v)
        self.strip.value = self._strip_html(main, v, prec)
        self.cooling_out.value = self._card(
            "Cooling load",
            q(v["cooling_power"], "MW"),
            f"{fmt.percent(v['cooling_fraction'])} of site power; "
            f"removes {q(v['heat_removed'], 'MW')} of heat from the halls "
            f"(= {fmt.number(v['heat_removed_tons'])} tons of refrigeration; "
            f"implied chiller COP {fmt.number(v['cooling_cop'])}); "
            f"{q(v['heat_rejected'], 'MW')} of heat leaves the site (everything it draws)",
        )
        label = catalog.label("chips", s["chip"])
        deployed = "fill the site" if s["chips"] is None else f"{fmt.number(v['chips'])} deployed"
        peak, eff = v["peak_flops"], v["effective_flops"]
        shown_prec = _PRECISION[prec]
        if math.isnan(peak):
            self.flops.value = self._card(
                f"Cluster FLOPS ({shown_prec})",
                "not available",
                f"{html.escape(label)} has no {shown_prec} mode in the catalog",
            )
        else:
            self.flops.value = self._card(
                f"Cluster FLOPS ({shown_prec})",
                f"{q(peak, 'FLOP/s')} peak",
                f"{q(eff, 'FLOP/s')} effective at {fmt.percent(v['mfu'])} MFU; "
                f"HBM {q(v['hbm_capacity'], 'TB')}",
            )
        self.details.value = (
            self._card(
                "IT power and PUE",
                q(v["it_power"], "MW"),
                f"PUE {v['pue']:.2f} (site ÷ IT); other losses {q(v['overhead_power'], 'MW')}",
            )
            + self._card(
                "Chips",
                f"{fmt.number(v['chips_supported'])} supported",
                f"{html.escape(label)} at {q(v['chip_power'], 'kW')} each (all-in); {deployed}; "
                f"headroom {q(v['power_headroom'], 'MW')}",
            )
            + self._card(
                "Per year",
                q(v["annual_energy"], "GWh"),
                f"cost {q(v['annual_cost'], 'USD')} · CO₂ {q(v['annual_co2'], 't')} · "
                f"water {q(v['annual_water'], 'm3')} "
                "(prices, grid and water of the "
                f"{html.escape(catalog.label('sites', self.site))} preset)",
            )
        )
        self._set(self.pue_text, _fmt_pue(v["pue"]))
        self.training_out.value = training.training_html(
            v,
            s.get("model"),
            _PRECISION[prec],
            bool(ds.training_impossible.sel(precision=prec)) if "goodput" in ds else False,
        )
        self.notes.value = self._list_html(notes.all_notes(ds, self.site, prec), "Notes")
        self._render_charts(v, per, sweep, chips, prec)
        self.sources.value = self._sources_html(s["chip"], self.site)
        self.address.query = self._query()

    def _render_basics(self, v: dict[str, float]) -> None:
        """The Basics screen's three results with their pictures."""
        prec = self.state["precision"]
        per = self._per()
        count = v["city_people" if per == "person" else "city_households"]
        self.basics_city.value = basics.city_card(
            count, "people" if per == "person" else "households"
        )
        self.basics_cooling.value = basics.cooling_card(
            v["it_power"], v["cooling_power"], v["overhead_power"]
        )
        if prec not in self._reference:
            ref = compute(site=REFERENCE_SITE).peak_flops
            self._reference = {
                str(p): float(x) for p, x in zip(ref.precision.values, ref.values, strict=True)
            }
        self.basics_flops.value = basics.flops_card(
            v["peak_flops"],
            self._reference[prec],
            catalog.label("sites", REFERENCE_SITE).split(" (")[0],
            _PRECISION[prec],
        )

    def _per(self) -> str:
        return str(self._scenario.basis_per.values)

    def _render_power_chart(self, v: dict[str, float]) -> None:
        """The where-the-power-goes bars, on a rounded axis so they grow and shrink with the
        slider."""
        it, cool, over = v["it_power"], v["cooling_power"], v["overhead_power"]
        with self.power_bars.hold_sync(), self.power_bars.scales["y"].hold_sync():
            self.power_bars.scales["y"].max = _axis_top(max(it, cool, over))
            self.power_bars.y = [it, cool, over]

    def _render_charts(self, v: dict[str, float], per: str, sweep, chips, prec: str) -> None:
        """The three charts after the headline. The sweep curves and the chip bars do not
        depend on site power: they are redrawn only when they were recomputed."""
        here = v["city_people" if per == "person" else "city_households"]
        plural = "people" if per == "person" else "households"
        site_power, deployed = v["site_power"], v["chips"]
        names = catalog.names("chips")
        chip_idx = names.index(self.state["chip"])
        fpw = chips.flops_per_watt.sel(precision=prec).values * factor(
            chips.flops_per_watt.attrs["units"], "PFLOP/s/MW"
        )
        drawn_sweep, drawn_per = getattr(self, "_drawn_sweep", (None, None))
        drawn_chips, drawn_prec = getattr(self, "_drawn_chips", (None, None))
        new_sweep = sweep is not drawn_sweep or per != drawn_per
        new_chips = chips is not drawn_chips or prec != drawn_prec
        with ExitStack() as stack:
            for mark in (
                self.people_line,
                self.people_point,
                self.chip_bars,
                self.chips_line,
                self.limit_line,
                self.deployed_point,
            ):
                stack.enter_context(mark.hold_sync())
            self.people_point.x, self.people_point.y = [site_power], [here]
            self.limit_line.x = [site_power] * 2
            self.limit_line.y = [1.0, float(max(sweep.chips_supported.max(), deployed, 10))]
            self.deployed_point.x = [max(v["power_required"], 1.0)]
            self.deployed_point.y = [max(deployed, 1.0)]
            if new_sweep:
                city = (sweep.city_people if per == "person" else sweep.city_households).values
                self.people_line.y = city
                self.people_fig.axes[1].label = plural
                self.people_fig.title = f"A city of how many {plural}?"
                _log_axis(self.people_fig, float(city.min()), float(city.max()))
                self.chips_line.y = np.maximum(sweep.chips_supported.values, 1)
                self._drawn_sweep = (sweep, per)
            _log_axis(self.chips_fig, 1.0, float(max(sweep.chips_supported.max(), deployed, 10)))
            if new_chips:
                self.chip_bars.scales["y"].max = _axis_top(
                    float(np.nanmax(fpw)) if np.isfinite(fpw).any() else 1.0
                )
                self.chip_bars.y = np.nan_to_num(fpw)
                self._drawn_chips = (chips, prec)
            self.chip_bars.color = [1.0 if i == chip_idx else 0.0 for i in range(len(names))]
            # the chosen chip is named in the title too: never shown by colour alone
            self.chip_fig.title = f"Peak FLOPS per facility MW (chosen, in blue: {names[chip_idx]})"
        best = names[int(np.nanargmax(fpw))] if np.isfinite(fpw).any() else "none"
        q = fmt.quantity
        self.charts_text.value = self._charts_text(
            [
                (
                    "Where the site's power goes",
                    f"IT {q(v['it_power'], 'MW')}, cooling {q(v['cooling_power'], 'MW')}, "
                    f"other {q(v['overhead_power'], 'MW')}.",
                ),
                (
                    f"A city of how many {plural}",
                    f"At {q(site_power, 'MW')} the site uses as much electricity as "
                    f"{fmt.number(here)} {plural}; the curve is proportional to site power.",
                ),
                (
                    "Peak FLOPS per facility megawatt",
                    f"{catalog.label('chips', self.state['chip'])}: "
                    f"{fmt.number(float(np.nan_to_num(fpw[chip_idx])))} PFLOP/s per facility MW; "
                    f"highest in the catalog: {catalog.label('chips', best)}.",
                ),
                (
                    "Chips per facility power",
                    f"{fmt.number(v['chips_supported'])} chips supported at {q(site_power, 'MW')}; "
                    f"deployed chips need {q(v['power_required'], 'MW')}.",
                ),
            ]
        )

    # ------------------------------------------------------------------ html helpers
    @staticmethod
    def _strip_html(city: str, v: dict[str, float], prec: str) -> str:
        """The three headline numbers in one line (the narrow screens' fixed strip)."""
        q = fmt.quantity
        peak = v["peak_flops"]
        flops = "n/a" if math.isnan(peak) else q(peak, "FLOP/s")
        items = (
            ("explorer-strip-city", "City", city),
            ("explorer-strip-cooling", "Cooling", q(v["cooling_power"], "MW")),
            ("explorer-strip-flops", f"FLOPS ({_PRECISION[prec]})", flops),
        )
        return "".join(
            f"<span class='explorer-strip-item {css}'>{html.escape(name)}: "
            f"<b>{html.escape(value)}</b></span>"
            for css, name, value in items
        )

    @staticmethod
    def _card(title: str, value: str, detail: str) -> str:
        return (
            f"<div style='border-left:4px solid {BLUE};padding:2px 8px;margin:4px 0'>"
            f"<div style='font-size:0.85em;color:#444'>{html.escape(title)}</div>"
            "<div style='font-size:1.5em;font-weight:600' class='explorer-value'>"
            f"{html.escape(value)}</div>"
            f"<div style='font-size:0.85em;color:#333'>{detail}</div></div>"
        )

    @staticmethod
    def _charts_text(items: list[tuple[str, str]]) -> str:
        li = "".join(
            f"<li><b>{html.escape(title)}:</b> {html.escape(text)}</li>" for title, text in items
        )
        return (
            "<div style='font-size:0.85em'><span>The charts in words</span>"
            f"<ul style='margin:2px 0 8px 0'>{li}</ul></div>"
        )

    @staticmethod
    def _error_html(text: str) -> str:
        return f"<span role='alert' style='color:{VERMILION}'>⚠ {html.escape(text)}</span>"

    @staticmethod
    def _list_html(items: list[str], title: str) -> str:
        if not items:
            return ""
        li = "".join(f"<li>{html.escape(t)}</li>" for t in items)
        return (
            f"<div style='border-left:4px solid {ORANGE};padding:2px 8px'>"
            f"<b>{html.escape(title)}</b><ul style='margin:2px 0'>{li}</ul></div>"
        )

    @staticmethod
    def _sources_html(chip: str, site: str) -> str:
        rows = []
        for e in catalog.entries_under(f"chips.{chip}") + catalog.site_sources(site):
            ref = html.escape(e.source_title)
            if e.source_url.lower().startswith(
                ("https://", "http://")
            ):  # never javascript: or data:
                ref = (
                    f"<a href='{html.escape(e.source_url, quote=True)}' "
                    f"target='_blank' rel='noopener noreferrer'>{ref}</a>"
                )
            rows.append(
                f"<tr><td>{html.escape(e.key)}</td><td>{e.value:g} {html.escape(e.unit)}</td>"
                f"<td>{ref}</td><td>{html.escape(e.date)}</td><td>{html.escape(e.confidence)}</td>"
                f"<td>{html.escape(e.note)}</td></tr>"
            )
        head = (
            "<tr><th>figure</th><th>value</th><th>source</th><th>date</th>"
            "<th>confidence</th><th>note</th></tr>"
        )
        return (
            "<div style='overflow-x:auto'><table style='font-size:0.8em'>"
            f"{head}{''.join(rows)}</table></div>"
        )

    def _export(self) -> None:
        ds, sweep, _ = self._recompute(self.state)
        scenario = json.dumps(
            {"inputs": {**self.state, "site": self.site}, "outputs": to_json(ds)}, indent=1
        )
        csv = to_frame(sweep).to_csv()
        j = base64.b64encode(scenario.encode()).decode()
        c = base64.b64encode(csv.encode()).decode()
        self.export_links.value = (
            f"<a download='scenario.json' href='data:application/json;base64,{j}'>"
            "scenario.json</a> · "
            f"<a download='sweep.csv' href='data:text/csv;base64,{c}'>sweep.csv</a>"
        )
