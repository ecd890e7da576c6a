"""The explorer dashboard: the widgets (view) around one `Scenario` (model).

`ExplorerApp` builds the controls, headline cards, charts (`explorer.ui.charts`) and panels
(`explorer.ui.panels`), wires each observer once, and on every change asks the scenario to
check and compute it (`explorer.ui.scenario`: no widgets there). A refused value shows the core's
message beside its control and the last valid values stay; no exception reaches the page.

Each change sends only what changed, headline and power chart first: every widget message costs
the browser a render, and the reader watches those two. During a burst of slider steps the
headline cards, the strip and the power chart follow every step and the rest of the page follows
when the steps pause (`explorer.ui.debounce`).
"""

from __future__ import annotations

import base64
import html
import json
import logging
import math
from collections.abc import Callable
from typing import Any

import ipywidgets as w

from .. import catalog, compute, fmt, notes
from ..export import to_frame, to_json
from ..validate import BOUNDS, slider_span
from . import basics, headlines, panels, ranges, theme, training
from .address import AddressBar
from .card import ChartCard
from .charts import CHARTS, PRECISION_LABEL
from .debounce import Debounce
from .scenario import REFERENCE_SITE, START_SCREEN, START_SITE, TRAINING, Scenario
from .theme import LABEL

log = logging.getLogger("explorer.ui")

NO_MODEL = "none"  # the training panel's "no training run" choice
PLAIN_ERROR = "That did not work; the last valid values are kept."
_SP = BOUNDS["site_power"]  # the slider's range is the core's
# narrower than the core accepts (typed values and links may go beyond): the core says how much
_CHIPS, _COOLING = slider_span("chips"), slider_span("cooling_fraction")
# [s] Slider steps less than TAIL_ALONE apart are a burst: the page's tail (charts other than the
# power chart, notes, words, link, panels) is drawn once the steps pause for TAIL_QUIET; a step on
# its own draws it straight after its headline. Key repeat is 25–33 ms apart, a drag's steps
# closer still; a reader's separate taps are further apart. TAIL_QUIET is longer than TAIL_ALONE
# so that a burst's tail is not drawn just as the next tap arrives (that tap draws it).
TAIL_ALONE, TAIL_QUIET = 0.18, 0.3
MESSAGE_FIELDS = (
    "site_power",
    "chips",
    "cooling_fraction",
    "mfu",
    "overhead_fraction",
    "load_factor",
    *TRAINING,
    "general",
)

__all__ = ["START_SCREEN", "START_SITE", "ExplorerApp"]


def _range(field: str, scale: float = 1.0, unit: str = "") -> str:
    """A slider's range in words, from the core's spans and bounds (e.g. "1 – 100 %")."""
    b = slider_span(field)
    return f"{b.lo * scale:g} – {'<' if b.hi_open else ''}{b.hi * scale:g}{unit}"


def _fmt_pue(pue: float) -> str:
    return f"{pue:.4g}" if math.isfinite(pue) else ""


def _fmt_value(key: str, value: Any) -> str:
    if value is None:
        return ""
    if key == "chips":
        return str(int(value))
    return f"{value:g}"


class ExplorerApp:
    """The whole dashboard; `.widget` is what the notebook displays, `.scenario` its model."""

    def __init__(self, query: str | None = None) -> None:
        self._busy = False
        self.scenario = Scenario()
        self._build_controls()
        self._build_outputs()
        self.charts = [cls() for cls in CHARTS]
        self.power_chart, self.city_chart, self.flops_chart, self.chips_chart = self.charts
        self.panels = [cls(self._panel_changed) for cls in panels.ADVANCED_PANELS]
        self.ranges, self.ranges_toggle = ranges.HeadlineRanges(), ranges.RangesToggle(self._render)
        self._tail = Debounce(self._guard(self._render_tail), TAIL_QUIET, TAIL_ALONE)
        self._wire()
        self.widget = self._layout()
        self.load_link(query)
        self._warm_up()

    # ------------------------------------------------------------------ the model's state
    @property
    def state(self) -> dict[str, Any]:
        return self.scenario.state

    @property
    def screen(self) -> str:
        return self.scenario.screen

    @property
    def site(self) -> str:
        return self.scenario.site

    @property
    def recomputes(self) -> int:
        """How many times the core ran (one per accepted change)."""
        return self.scenario.recomputes

    def load_link(self, query: str | None) -> None:
        """Show the scenario of a shared link's query string, from the catalog defaults up.

        The string is untrusted (explorer.ui.links parses it); parameters that cannot be used are
        listed on the page, not applied."""
        for m in self.messages.values():
            m.value = ""
        found, link_messages = self.scenario.load_link(query)
        for panel in self.panels:
            self._call_panel(panel.load, found)
        self.ranges_toggle.load(found)
        self._show_screen()
        self._set(self.preset, "custom" if self.scenario.custom else self.site)
        self._sync_widgets()
        self._render()
        self.link_notes.value = (
            theme.list_html(link_messages, "Link parameters not used") if link_messages else ""
        )

    def _warm_up(self) -> None:
        """Run a slider step's core work once, off the page, at the next site power up: the
        first call of each path costs several times the later ones, so without this a visitor's
        first step would be the slowest. A preheated kernel does it before anyone visits."""
        inputs = {**self.scenario.inputs, "site_power": self.state["site_power"] * 1.01}
        try:
            compute(**inputs)
            if self.ranges_toggle.shown:
                headlines.headline_ranges(precision=self.scenario.precision, **inputs)
        except Exception:  # only ever a speed-up: a scenario at its bound may refuse it
            log.debug("warm-up skipped", exc_info=True)

    def refresh(self) -> None:
        """Recompute and redraw from the current state."""
        self.scenario.recompute()
        self._render()

    # ------------------------------------------------------------------ widgets
    def _build_controls(self) -> None:
        s = self.state
        sites = [(catalog.label("sites", n), n) for n in catalog.names("sites")]
        self.screen_toggle = w.ToggleButtons(
            options=[("Basics", "basics"), ("Advanced", "advanced")],
            value=self.screen,
            description="Screen",
            tooltips=["Three sliders, three results", "Every input, chart and source"],
            style=LABEL,
        )
        self.screen_toggle.add_class("explorer-screen")
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
            min=math.log10(_CHIPS.lo),
            max=math.log10(_CHIPS.hi),
            step=0.01,
            readout=False,
            description=f"Chips deployed ({_CHIPS.lo:g} – {_CHIPS.hi / 1e6:g} million)",
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
            min=_COOLING.lo,
            max=_COOLING.hi,
            step=0.01,
            readout_format=".0%",
            description=f"Cooling share of site power ({_range('cooling_fraction', 100, ' %')})",
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
        self.messages = {k: w.HTML() for k in MESSAGE_FIELDS}
        for m in self.messages.values():
            m.add_class("explorer-error")

    def _html(self, css: str | None = None) -> w.HTML:
        out = w.HTML()
        if css:
            out.add_class(css)
        return out

    def _build_outputs(self) -> None:
        self.style = w.HTML(theme.STYLE)
        self.strip = self._html("explorer-strip")  # the headlines again, on narrow screens
        self.city = self._html("explorer-city")
        self.cooling_out = self._html("explorer-cooling")
        self.flops = self._html("explorer-flops")
        self.details = self._html("explorer-details")  # IT power and PUE, chips, per year
        self.training_out = self._html()  # the training panel's result
        self.notes = self._html("explorer-notes")
        self.charts_text = self._html("explorer-charts-text")  # the charts in words
        self.link_notes = self._html()
        self.sources = self._html()
        self.basics_city, self.basics_cooling, self.basics_flops = (self._html() for _ in range(3))
        self.address = AddressBar(layout=w.Layout(width="100%", max_width="700px"))
        self.export_button = w.Button(
            description="Export scenario (JSON) and sweep (CSV)", layout=w.Layout(width="auto")
        )
        self.export_links = self._html()
        self.pin_button = w.Button(
            description="Pin this scenario (A)",
            tooltip="Keep this scenario as A; the controls then move B",
            layout=w.Layout(width="auto"),
        )
        self.pin_button.add_class("explorer-pin")
        self.unpin_button = w.Button(
            description="Unpin (one scenario)", disabled=True, layout=w.Layout(width="auto")
        )
        self.unpin_button.add_class("explorer-unpin")
        self.compare_note = self._html("explorer-compare-note")

    def _chart_box(self, chart) -> w.Widget:
        """What the page shows for one chart (the one place a chart is put on the page): its
        Chart / Data / Sources card with the CSV, metadata, PNG and citation buttons."""
        card = ChartCard(chart, before=self._tail.flush)
        self.cards: list[ChartCard] = [*getattr(self, "cards", []), card]
        return card.widget

    def _layout(self) -> w.Widget:
        row = w.Layout(flex_flow="row wrap", align_items="center")
        column = w.Layout(width="100%", max_width="560px")
        # One screen is on the page at a time, so the two screens share these controls.
        power_row = w.HBox([self.site_power, self.site_power_text], layout=row)
        chips_row = w.HBox([self.chips_slider, self.chips_text], layout=row)
        more_inputs = w.VBox(
            [
                self.overhead_text,
                self.messages["overhead_fraction"],
                self.load_text,
                self.messages["load_factor"],
            ]
        )
        training_inputs = w.VBox(
            [
                self.model,
                self.messages["model"],
                *[x for k, t in self.training_texts.items() for x in (t, self.messages[k])],
            ]
        )
        controls = w.VBox(
            [
                self.preset,
                w.HBox([self.pin_button, self.unpin_button], layout=row),
                self.compare_note,
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
                w.Accordion(children=[more_inputs], titles=("More inputs",)),
                w.Accordion(children=[training_inputs], titles=("Training a model",)),
                self.messages["general"],
            ],
            layout=column,
        )
        headlines = w.VBox(
            [self.ranges_toggle.widget, self.city, self.cooling_out, self.flops, self.details]
            + [self.training_out],
            layout=column,
        )
        charts = w.Box(
            [self._chart_box(c) for c in self.charts],
            layout=w.Layout(flex_flow="row wrap", width="100%"),
        )
        title = w.HTML(theme.TITLE)
        wide = w.Layout(flex_flow="row wrap", justify_content="space-between", width="100%")
        top = w.Box([controls, headlines], layout=wide)
        sources = w.Accordion(children=[self.sources], titles=("Where these numbers come from",))
        export = w.VBox([self.address, w.HBox([self.export_button, self.export_links], layout=row)])
        panel_widgets = tuple(p.widget for p in self.panels)
        head = (self.style, self.strip, title, self.screen_toggle, self.link_notes)
        basics_controls = w.VBox(
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
            layout=column,
        )
        basics_results = w.VBox(
            [self.basics_city, self.basics_cooling, self.basics_flops], layout=column
        )
        self._screens = {
            "advanced": (
                *head,
                top,
                self.notes,
                charts,
                self.charts_text,
                *panel_widgets,
                sources,
                export,
            ),
            "basics": (*head, w.Box([basics_controls, basics_results], layout=wide), self.address),
        }
        root = w.VBox(
            self._screens[self.screen],
            layout=w.Layout(width="100%", max_width="1180px", padding="0 8px"),
        )
        root.add_class("explorer-app")
        return root

    # ------------------------------------------------------------------ wiring
    def _wire(self) -> None:
        """Each observer once; a widget's field is looked up from the widget (no closures)."""
        self._field: dict[str, str] = {}
        handlers: list[tuple[Callable, list[tuple[w.Widget, str]]]] = [
            (self._on_log_slider, [(self.site_power, "site_power"), (self.chips_slider, "chips")]),
            (self._on_linear_slider, [(self.cooling, "cooling_fraction")]),
            (
                self._on_text,
                [
                    (self.site_power_text, "site_power"),
                    (self.chips_text, "chips"),
                    (self.overhead_text, "overhead_fraction"),
                    (self.load_text, "load_factor"),
                    *[(t, f) for f, t in self.training_texts.items()],
                ],
            ),
            (
                self._on_choice,
                [
                    (self.chip, "chip"),
                    (self.mfu, "mfu"),
                    (self.basis, "basis"),
                    (self.precision, "precision"),
                    (self.model, "model"),
                ],
            ),
            (self._on_pue, [(self.pue_text, "cooling_fraction")]),
            (self._on_fill, [(self.fill, "chips")]),
            (self._on_preset, [(self.preset, "site")]),
            (self._on_screen, [(self.screen_toggle, "screen")]),
        ]
        for handler, widgets in handlers:
            guarded = self._guard(handler)
            for widget, field in widgets:
                self._field[widget.model_id] = field
                widget.observe(guarded, "value")
        self.export_button.on_click(self._guard(self._on_export))
        self.pin_button.on_click(self._guard(self._on_pin))
        self.unpin_button.on_click(self._guard(self._on_unpin))

    def _guard(self, fn: Callable[[Any], None]) -> Callable[[Any], None]:
        """Run a callback; any failure becomes a plain message, never a traceback."""

        def run(change: Any) -> None:
            if self._busy:
                return
            try:
                fn(change)
            except Exception:  # the page must never see a traceback; the old values stay
                log.warning("a control's callback failed", exc_info=True)
                self.messages["general"].value = theme.error_html(PLAIN_ERROR)
                self._sync_widgets()

        return run

    def _field_of(self, change: Any) -> str:
        return self._field[change.owner.model_id]

    def _on_log_slider(self, change: Any) -> None:
        """A log slider moved. The browser snaps a value we set to the slider's step and echoes
        it back: an echo within half a step of the current value is not a change."""
        field, value = self._field_of(change), change.new
        current = self.state.get(field)
        if current is not None and value > 0 and current > 0:
            if abs(math.log10(value) - math.log10(current)) <= change.owner.step / 2 + 1e-9:
                return
        self._change(field, round(value) if field == "chips" else value, burst=True)

    def _on_linear_slider(self, change: Any) -> None:
        """A linear slider moved. A preset's or a typed PUE's cooling share need not sit on the
        slider's 1 % grid: the browser's snapped echo (within half a step) is not a change."""
        field = self._field_of(change)
        current = self.state.get(field)
        if current is not None and abs(change.new - current) <= change.owner.step / 2 + 1e-9:
            return
        self._change(field, change.new, burst=True)

    def _on_text(self, change: Any) -> None:
        field = self._field_of(change)
        self._accepted(field, self.scenario.change_typed(field, change.new))

    def _on_choice(self, change: Any) -> None:
        field = self._field_of(change)
        self._change(field, None if field == "model" and change.new == NO_MODEL else change.new)

    def _on_pue(self, change: Any) -> None:
        self._accepted("cooling_fraction", self.scenario.change_pue(change.new))

    def _on_fill(self, change: Any) -> None:
        if change.new:
            self._change("chips", None)
        else:
            result = self.scenario.result
            n = int(float(result.chips_supported)) if result is not None else 100_000
            self._change("chips", max(n, 1))

    def _on_preset(self, change: Any) -> None:
        if change.new == "custom":
            return
        self.scenario.choose_preset(change.new)
        for m in self.messages.values():
            m.value = ""
        self._accepted_render()

    def _on_screen(self, change: Any) -> None:
        self.scenario.set_screen(change.new)
        self._show_screen()
        self._render(changed=False)  # the screen's own widgets show the current scenario

    def _on_export(self, _button: Any) -> None:
        self._export()

    def _on_pin(self, _button: Any) -> None:
        """Keep the current scenario as A (nothing is recomputed); the controls move B."""
        self.scenario.pin()
        self._render(changed=False)

    def _on_unpin(self, _button: Any) -> None:
        self.scenario.unpin()
        self._render(changed=False)

    def _change(self, field: str, value: Any, burst: bool = False) -> None:
        self._accepted(field, self.scenario.change(field, value), burst)

    def _accepted(self, field: str, problem: str | None, burst: bool = False) -> None:
        """After the scenario took (problem None) or refused a change of `field`; `burst`: a
        slider step (the page's tail waits for the steps to pause)."""
        message = self.messages.get(field, self.messages["general"])
        if problem is not None:
            message.value = theme.error_html(problem)
            self._sync_widgets()  # put the previous valid value back
            return
        message.value = ""
        self.messages["general"].value = ""
        self._accepted_render(burst)

    def _accepted_render(self, burst: bool = False) -> None:
        if self.scenario.custom:
            self._set(self.preset, "custom")
        self._sync_widgets()
        self._render(burst=burst)

    # ------------------------------------------------------------------ panels
    def _call_panel(self, method: Callable, *args: Any) -> None:
        """A panel's failure is logged and never breaks the page or the other panels.

        (Logged as a warning with its traceback: the kernel guards send warnings to the
        server's log only, where an error would also print a line on the page.)"""
        try:
            method(*args)
        except Exception:
            log.warning("panel %s failed", getattr(method, "__qualname__", method), exc_info=True)

    def _panel_changed(self) -> None:
        """A panel's own control changed: the shareable link follows."""
        self.address.query = self._link()

    def _link(self) -> str:
        extra: dict[str, Any] = self.ranges_toggle.link_state()
        for panel in self.panels:
            try:
                extra.update(panel.link_state())
            except Exception:
                log.warning("panel %s: link_state failed", type(panel).__name__, exc_info=True)
        return self.scenario.link(extra)

    # ------------------------------------------------------------------ screens and widgets
    def _show_screen(self) -> None:
        """Put the current screen's widgets on the page (only one screen is drawn at a time)."""
        self._set(self.screen_toggle, self.screen)
        if hasattr(self, "widget") and self.widget.children != self._screens[self.screen]:
            self.widget.children = self._screens[self.screen]

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
        if self.scenario.result is not None:
            self._set(self.pue_text, _fmt_pue(float(self.scenario.result.pue)))
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
            self._set(self.chips_slider, float(min(max(s["chips"], _CHIPS.lo), _CHIPS.hi)))
            self._set(self.chips_text, _fmt_value("chips", s["chips"]))
        else:
            self._set(self.chips_text, "")

    # ------------------------------------------------------------------ render
    def _city_words(self, v: dict[str, float]) -> tuple[str, str]:
        """The city as the basis counts it, and the other count."""
        people, households = fmt.number(v["city_people"]), fmt.number(v["city_households"])
        if self.scenario.per == "person":
            return f"{people} people", f"≈ {households} households"
        return f"{households} households", f"≈ {people} people"

    def _strip(self, city: str, v: dict[str, float]) -> str:
        """The headlines again, fixed on narrow screens; while A is pinned, they are B's."""
        peak = v["peak_flops"]
        b = " (B)" if self.scenario.pinned is not None else ""
        return theme.strip_html(
            [
                ("explorer-strip-city", f"City{b}", city),
                (
                    "explorer-strip-cooling",
                    f"Cooling{b}",
                    fmt.quantity(v["cooling_power"], "MW"),
                ),
                (
                    "explorer-strip-flops",
                    f"FLOPS ({PRECISION_LABEL[self.scenario.precision]}){b}",
                    "n/a" if math.isnan(peak) else fmt.quantity(peak, "FLOP/s"),
                ),
            ]
        )

    def _render(self, changed: bool = True, burst: bool = False) -> None:
        """Show the scenario's result. Order matters: the browser renders messages as they
        arrive, so the headline and the power chart go first; widgets whose text did not change
        send nothing. `changed` False (pin, unpin, another screen): the panels already have
        this result. `burst` (a slider step): within a burst of steps the rest of the page
        waits until they pause; any other render draws it at once, with whatever was waiting."""
        if not burst:
            changed = self._tail.take() or changed
        sc = self.scenario
        ds, v, s, prec = sc.result, sc.values, sc.state, sc.precision
        main, other = self._city_words(v)
        if self.screen == "basics":  # Advanced's widgets are off the page: drawn when it returns
            self.strip.value = self._strip(main, v)
            self._render_basics(v)
            self._set(self.pue_text, _fmt_pue(v["pue"]))
            self.address.query = self._link()
            if changed:
                self._update_panels()
            return
        q = fmt.quantity
        a = sc.pinned_values
        self._show_compare()
        r = self.ranges.slots(sc.inputs, prec, sc.per, self.ranges_toggle.shown)
        self.city.value = theme.card(
            self._b_title("A city's electricity"),
            main,
            f"{other}. {html.escape(notes.city_basis(ds))}",
            range_text=r["city"],
            compare=self._city_compare(v, a),
        )
        self.power_chart.update(sc)
        self.strip.value = self._strip(main, v)
        self.cooling_out.value = theme.card(
            self._b_title("Cooling load"),
            q(v["cooling_power"], "MW"),
            f"{fmt.percent(v['cooling_fraction'])} of site power; "
            f"removes {q(v['heat_removed'], 'MW')} of heat from the halls "
            f"(= {fmt.number(v['heat_removed_tons'])} tons of refrigeration; "
            f"implied chiller COP {fmt.number(v['cooling_cop'])}); "
            f"{q(v['heat_rejected'], 'MW')} of heat leaves the site (everything it draws)",
            range_text=r["cooling"],
            compare=self._compare(v, a, "cooling_power", "MW"),
        )
        label = catalog.label("chips", s["chip"])
        deployed = "fill the site" if s["chips"] is None else f"{fmt.number(v['chips'])} deployed"
        peak, eff = v["peak_flops"], v["effective_flops"]
        shown_prec = PRECISION_LABEL[prec]
        if math.isnan(peak):
            self.flops.value = theme.card(
                self._b_title(f"Cluster FLOPS ({shown_prec})"),
                "not available",
                f"{html.escape(label)} has no {shown_prec} mode in the catalog",
                compare=self._compare(v, a, "peak_flops", "FLOP/s"),
            )
        else:
            self.flops.value = theme.card(
                self._b_title(f"Cluster FLOPS ({shown_prec})"),
                f"{q(peak, 'FLOP/s')} peak",
                f"{q(eff, 'FLOP/s')} effective at {fmt.percent(v['mfu'])} MFU; "
                f"HBM {q(v['hbm_capacity'], 'TB')}",
                range_text=r["flops"],
                compare=self._compare(v, a, "peak_flops", "FLOP/s", " peak"),
            )
        self.details.value = (
            theme.card(
                self._b_title("IT power and PUE"),
                q(v["it_power"], "MW"),
                f"PUE {v['pue']:.2f} (site ÷ IT); other losses {q(v['overhead_power'], 'MW')}",
                range_text=r["it"],
                compare=self._compare(v, a, "it_power", "MW"),
            )
            + theme.card(
                self._b_title("Chips"),
                f"{fmt.number(v['chips_supported'])} supported",
                f"{html.escape(label)} at {q(v['chip_power'], 'kW')} each (all-in); {deployed}; "
                f"headroom {q(v['power_headroom'], 'MW')}",
                range_text=r["chips"],
                compare=self._compare(v, a, "chips_supported", None, " supported"),
            )
            + theme.card(
                self._b_title("Per year"),
                q(v["annual_energy"], "GWh"),
                f"cost {q(v['annual_cost'], 'USD')} · CO₂ {q(v['annual_co2'], 't')} · "
                f"water {q(v['annual_water'], 'm3')} "
                "(prices, grid and water of the "
                f"{html.escape(catalog.label('sites', self.site))} preset)",
                range_text=r["energy"],
                compare=self._compare(v, a, "annual_energy", "GWh"),
            )
        )
        self._set(self.pue_text, _fmt_pue(v["pue"]))
        if burst:
            self._tail.schedule(changed)
        else:
            self._render_tail(changed)

    def _render_tail(self, changed: bool) -> None:
        """The Advanced screen below the headline cards: the training result, notes, the other
        charts and their words, sources, the link, the chart cards and (`changed`) the panels."""
        sc = self.scenario
        ds, v, s, prec = sc.result, sc.values, sc.state, sc.precision
        shown_prec = PRECISION_LABEL[prec]
        self.training_out.value = training.training_html(
            v,
            s.get("model"),
            shown_prec,
            bool(ds.training_impossible.sel(precision=prec)) if "goodput" in ds else False,
        )
        self.notes.value = theme.list_html(notes.all_notes(ds, self.site, prec), "Notes")
        for chart in self.charts[1:]:  # the power chart went first, with the headline
            chart.update(sc)
        self.charts_text.value = theme.charts_text([(c.title, c.words) for c in self.charts])
        self.sources.value = theme.sources_html(s["chip"], self.site)
        self.address.query = self._link()
        for card in self.cards:  # sends nothing while a card's Data and Sources tabs are closed
            card.refresh(sc.inputs, self.address.query)
        if changed:
            self._update_panels()

    # ------------------------------------------------------------------ compare
    def _b_title(self, title: str) -> str:
        """A card's title; while A is pinned its big value is B's, and the title says so."""
        return title if self.scenario.pinned is None else f"{title} — B (the controls)"

    def _compare(
        self,
        v: dict[str, float],
        a: dict[str, float] | None,
        key: str,
        units: str | None,
        suffix: str = "",
    ) -> str:
        """A card's compare slot: A's value and the change to B ("" with nothing pinned)."""
        if a is None:
            return ""
        x = a[key]
        if not math.isfinite(x):
            shown = "not available"
        else:
            shown = (fmt.number(x) if units is None else fmt.quantity(x, units)) + suffix
        return theme.compare_html(shown, theme.change_text(x, v[key], units))

    def _city_compare(self, v: dict[str, float], a: dict[str, float] | None) -> str:
        """A's city in B's unit (every result counts both people and households)."""
        if a is None:
            return ""
        person = self.scenario.per == "person"
        key = "city_people" if person else "city_households"
        shown = f"{fmt.number(a[key])} {'people' if person else 'households'}"
        if self.scenario.pinned.state["basis"] != self.state["basis"]:
            shown += " (on A's own basis)"
        return theme.compare_html(shown, theme.change_text(a[key], v[key]))

    def _show_compare(self) -> None:
        """The pin buttons and the line that says what is compared."""
        pinned = self.scenario.pinned
        self.unpin_button.disabled = pinned is None
        if pinned is None:
            self.compare_note.value = ""
            return
        what = "custom, from the " if pinned.custom else ""
        a = self.scenario.pinned_values
        self.compare_note.value = (
            "<div style='font-size:0.85em;border-left:3px dashed #000;padding-left:6px'>"
            f"<b>Comparing.</b> A (pinned): {html.escape(what)}"
            f"{html.escape(catalog.label('sites', pinned.site))} preset, "
            f"{html.escape(fmt.quantity(a['site_power'], 'MW'))}, "
            f"{html.escape(catalog.label('chips', pinned.state['chip']))}. "
            "B: the controls. Each card shows B, then A and the change from A to B; "
            "the charts draw A as outlined bars or a diamond.</div>"
        )

    def _update_panels(self) -> None:
        if not self.panels:
            return
        inputs, result = self.scenario.inputs, self.scenario.result
        for panel in self.panels:
            self._call_panel(panel.update, inputs, result)

    def _render_basics(self, v: dict[str, float]) -> None:
        """The Basics screen's three results with their pictures."""
        sc = self.scenario
        person = sc.per == "person"
        count = v["city_people" if person else "city_households"]
        a = sc.pinned_values  # compare: A's value and the change under each big value (B's)
        self.basics_city.value = basics.city_card(
            count, "people" if person else "households", self._city_compare(v, a)
        )
        self.basics_cooling.value = basics.cooling_card(
            v["it_power"],
            v["cooling_power"],
            v["overhead_power"],
            self._compare(v, a, "cooling_power", "MW"),
            v["cooling_power_capacity"],
        )
        self.basics_flops.value = basics.flops_card(
            v["peak_flops"],
            sc.reference_flops(),
            catalog.label("sites", REFERENCE_SITE).split(" (")[0],
            PRECISION_LABEL[sc.precision],
            self._compare(v, a, "peak_flops", "FLOP/s", " peak"),
        )

    def _export(self) -> None:
        """The scenario (and a pinned A) as JSON and the site-power sweep as CSV, as download
        links."""
        sc = self.scenario
        ds = sc.recompute()
        content: dict[str, Any] = {"inputs": {**sc.state, "site": sc.site}, "outputs": to_json(ds)}
        if sc.pinned is not None:  # the compared scenario A too, under its own key
            content["pinned"] = {
                "inputs": {**sc.pinned.state, "site": sc.pinned.site},
                "outputs": to_json(sc.pinned.result),
            }
        scenario = json.dumps(content, indent=1)
        csv = to_frame(sc.sweep).to_csv()
        j = base64.b64encode(scenario.encode()).decode()
        c = base64.b64encode(csv.encode()).decode()
        self.export_links.value = (
            f"<a download='scenario.json' href='data:application/json;base64,{j}'>"
            "scenario.json</a> · "
            f"<a download='sweep.csv' href='data:text/csv;base64,{c}'>sweep.csv</a>"
        )
