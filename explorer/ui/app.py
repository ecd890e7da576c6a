"""The explorer dashboard: the widgets (view) around one `Scenario` (model).

`ExplorerApp` builds the controls (`explorer.ui.controls`), the page (`explorer.ui.layout`), the
charts (`explorer.ui.charts`) and panels (`explorer.ui.panels`), wires each observer once, and on
every change asks the scenario to check and compute it (`explorer.ui.scenario`: no widgets
there); the cards are pure HTML from the result (`explorer.ui.cards`, `explorer.ui.basics`). A
refused value shows the core's message beside its control and the last valid values stay; no
exception reaches the page.

Each change sends only what changed, headline and power chart first: every widget message costs
the browser a render, and the reader watches those two. During a burst of slider steps the
headline cards, the strip and the power chart follow every step and the rest of the page follows
when the steps pause (`explorer.ui.debounce`).
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from typing import Any

import ipywidgets as w

from .. import catalog, compute, notes
from . import basics, cards, headlines, panels, ranges, theme, training
from .charts import CHARTS, PRECISION_LABEL
from .controls import NO_MODEL, SPANS, Controls, fmt_pue
from .debounce import Debounce
from .layout import Page
from .scenario import REFERENCE_SITE, START_SCREEN, START_SITE, Scenario
from .scenario_files import export_links

log = logging.getLogger("explorer.ui")

PLAIN_ERROR = "That did not work; the last valid values are kept."
# [s] Slider steps less than TAIL_ALONE apart are a burst: the page's tail (charts other than the
# power chart, notes, words, link, panels) is drawn once the steps pause for TAIL_QUIET; a step on
# its own draws it straight after its headline. Key repeat is 25–33 ms apart, a drag's steps
# closer still; a reader's separate taps are further apart. TAIL_QUIET is longer than TAIL_ALONE
# so that a burst's tail is not drawn just as the next tap arrives (that tap draws it).
TAIL_ALONE, TAIL_QUIET = 0.18, 0.3

__all__ = ["START_SCREEN", "START_SITE", "ExplorerApp"]


class ExplorerApp(Controls, Page):
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
            n = int(float(result.chips_supported)) if result is not None else SPANS["chips"].lo
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

    # ------------------------------------------------------------------ render
    def _render(self, changed: bool = True, burst: bool = False) -> None:
        """Show the scenario's result. Order matters: the browser renders messages as they
        arrive, so the headline and the power chart go first; widgets whose text did not change
        send nothing. `changed` False (pin, unpin, another screen): the panels already have
        this result. `burst` (a slider step): within a burst of steps the rest of the page
        waits until they pause; any other render draws it at once, with whatever was waiting."""
        if not burst:
            changed = self._tail.take() or changed
        sc = self.scenario
        ds, v, prec = sc.result, sc.values, PRECISION_LABEL[sc.precision]
        main, _ = cards.city_words(ds, v, sc.per)
        pinned = sc.pinned is not None
        if self.screen == "basics":  # Advanced's widgets are off the page: drawn when it returns
            self.strip.value = cards.strip(ds, v, main, prec, pinned)
            self._render_basics()
            self._set(self.pue_text, fmt_pue(v["pue"]))
            self.address.query = self._link()
            if changed:
                self._update_panels()
            return
        a = sc.pinned_values
        self.unpin_button.disabled = not pinned
        self.compare_note.value = (
            cards.compare_note(ds, a, sc.pinned.custom, sc.pinned.site, sc.pinned.state["chip"])
            if pinned
            else ""
        )
        shown = cards.headline_cards(
            ds,
            v,
            a,
            per=sc.per,
            same_basis=not pinned or sc.pinned.state["basis"] == self.state["basis"],
            chip=self.state["chip"],
            site=self.site,
            fill=self.state["chips"] is None,
            precision=prec,
            precision_key=sc.precision,
            ranges=self.ranges.slots(sc.inputs, sc.precision, sc.per, self.ranges_toggle.shown),
        )
        self.city.value = shown["city"]
        self.power_chart.update(sc)
        self.strip.value = cards.strip(ds, v, main, prec, pinned)
        self.cooling_out.value = shown["cooling"]
        self.flops.value = shown["flops"]
        self.details.value = shown["details"]
        self._set(self.pue_text, fmt_pue(v["pue"]))
        if burst:
            self._tail.schedule(changed)
        else:
            self._render_tail(changed)

    def _render_tail(self, changed: bool) -> None:
        """The Advanced screen below the headline cards: the training result, notes, the other
        charts and their words, sources, the link, the chart cards and (`changed`) the panels."""
        sc = self.scenario
        ds, v, s, prec = sc.result, sc.values, sc.state, sc.precision
        self.training_out.value = training.training_html(
            ds,
            v,
            s.get("model"),
            PRECISION_LABEL[prec],
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

    def _update_panels(self) -> None:
        inputs, result = self.scenario.inputs, self.scenario.result
        for panel in self.panels:
            self._call_panel(panel.update, inputs, result)

    def _render_basics(self) -> None:
        """The Basics screen's three results with their pictures."""
        self._screen("basics")  # made when first shown
        sc = self.scenario
        ds, v, a = sc.result, sc.values, sc.pinned_values  # A: its value and the change, per card
        same = sc.pinned is None or sc.pinned.state["basis"] == self.state["basis"]
        key = cards.city_key(sc.per)
        self.basics_city.value = basics.city_card(
            v[key], ds[key].attrs["units"], cards.city_compare(ds, v, a, sc.per, same)
        )
        self.basics_cooling.value = basics.cooling_card(
            v["it_power"],
            v["cooling_power"],
            v["overhead_power"],
            ds.cooling_power.attrs["units"],
            cards.compare(ds, v, a, "cooling_power"),
            v["cooling_power_capacity"],
        )
        self.basics_flops.value = basics.flops_card(
            v["peak_flops"],
            sc.reference_flops(),
            catalog.label("sites", REFERENCE_SITE).split(" (")[0],
            PRECISION_LABEL[sc.precision],
            ds.peak_flops.attrs["units"],
            cards.compare(ds, v, a, "peak_flops", " peak"),
        )

    def _export(self) -> None:
        """The scenario (and a pinned A) as JSON and the site-power sweep as CSV, as links."""
        self.export_links.value = export_links(self.scenario)
