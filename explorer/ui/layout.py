"""The page: the output widgets and the two screens' boxes, on shared layouts and styles.

Every box and output here takes a shared `Layout` and style (`explorer.ui.models`), and the
finished page folds the equal models the other modules' widgets made into one; the Basics
screen's own widgets are made when it is first shown. A visit sends less than half the widget
models it did (docs/performance.md).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import ipywidgets as w
from ipywidgets.widgets.widget_string import HTMLStyle

from . import theme
from .address import AddressBar
from .card import ChartCard
from .models import share_models, shared, shared_layout

if TYPE_CHECKING:
    from .debounce import Debounce

# the layouts of a column of controls or results, and of a row of columns that wraps on a phone
COLUMN = {"width": "100%", "max_width": "560px"}
WIDE = {"flex_flow": "row wrap", "justify_content": "space-between", "width": "100%"}


def html(css: str | None = None) -> w.HTML:
    """An output HTML widget with the shared default layout and style."""
    out = w.HTML(layout=shared_layout(), style=shared(HTMLStyle))
    if css:
        out.add_class(css)
    return out


class Page:
    """The output widgets and the two screens (a mixin of `ExplorerApp`: it reads its controls,
    charts and panels)."""

    _tail: Debounce

    def _build_outputs(self) -> None:
        self.style = html()  # the page's CSS and its title
        self.style.value = theme.STYLE + theme.TITLE
        self.strip = html("explorer-strip")  # the headlines again, on narrow screens
        self.city = html("explorer-city")
        self.cooling_out = html("explorer-cooling")
        self.flops = html("explorer-flops")
        self.details = html("explorer-details")  # IT power and PUE, chips, per year
        self.training_out = html()  # the training panel's result
        self.notes = html("explorer-notes")
        self.charts_text = html("explorer-charts-text")  # the charts in words
        self.link_notes = html()
        self.sources = html()
        self.address = AddressBar(layout=shared_layout(width="100%", max_width="700px"))
        auto = shared_layout(width="auto")
        self.export_button = w.Button(
            description="Export scenario (JSON) and sweep (CSV)", layout=auto
        )
        self.export_links = html()
        self.pin_button = w.Button(
            description="Pin this scenario (A)",
            tooltip="Keep this scenario as A; the controls then move B",
            layout=auto,
        )
        self.pin_button.add_class("explorer-pin")
        self.unpin_button = w.Button(description="Unpin (one scenario)", disabled=True, layout=auto)
        self.unpin_button.add_class("explorer-unpin")
        self.compare_note = html("explorer-compare-note")

    def _chart_box(self, chart) -> w.Widget:
        """What the page shows for one chart (the one place a chart is put on the page): its
        Chart / Data / Sources card with the CSV, metadata, PNG and citation buttons."""
        card = ChartCard(chart, before=self._tail.flush)
        self.cards: list[ChartCard] = [*getattr(self, "cards", []), card]
        return card.widget

    def _layout(self) -> w.Widget:
        row = shared_layout(flex_flow="row wrap", align_items="center")
        column, plain = shared_layout(**COLUMN), shared_layout()
        m = self.messages

        def box(kind: type[w.Box], children: list, layout: w.Layout = plain) -> w.Box:
            return kind(children, layout=layout)

        def accordion(child: w.Widget, title: str) -> w.Accordion:
            return w.Accordion(children=[child], titles=(title,), layout=plain)

        # One screen is on the page at a time, so the two screens share these controls.
        self._power_row = power_row = box(w.HBox, [self.site_power, self.site_power_text], row)
        self._chips_row = chips_row = box(w.HBox, [self.chips_slider, self.chips_text], row)
        more_inputs = box(
            w.VBox,
            [self.overhead_text, m["overhead_fraction"], self.load_text, m["load_factor"]],
        )
        training_inputs = box(
            w.VBox,
            [
                self.model,
                m["model"],
                *[x for k, t in self.training_texts.items() for x in (t, m[k])],
            ],
        )
        controls = box(
            w.VBox,
            [
                self.preset,
                box(w.HBox, [self.pin_button, self.unpin_button], row),
                self.compare_note,
                power_row,
                m["site_power"],
                self.chip,
                self.fill,
                chips_row,
                m["chips"],
                box(w.HBox, [self.cooling, self.pue_text], row),
                m["cooling_fraction"],
                self.mfu,
                m["mfu"],
                self.basis,
                self.precision,
                accordion(more_inputs, "More inputs"),
                accordion(training_inputs, "Training a model"),
                m["general"],
            ],
            column,
        )
        headlines = box(
            w.VBox,
            [self.ranges_toggle.widget, self.city, self.cooling_out, self.flops, self.details]
            + [self.training_out],
            column,
        )
        charts = box(
            w.Box,
            [self._chart_box(c) for c in self.charts],
            shared_layout(flex_flow="row wrap", width="100%"),
        )
        wide = shared_layout(**WIDE)
        top = box(w.Box, [controls, headlines], wide)
        sources = accordion(self.sources, "Where these numbers come from")
        export = box(
            w.VBox, [self.address, box(w.HBox, [self.export_button, self.export_links], row)]
        )
        panel_widgets = tuple(p.widget for p in self.panels)
        self._head = (self.style, self.strip, self.screen_toggle, self.link_notes)
        self._screens = {
            "advanced": (
                *self._head,
                top,
                self.notes,
                charts,
                self.charts_text,
                *panel_widgets,
                sources,
                export,
            ),
        }
        root = w.VBox(
            self._screen(self.screen),
            layout=shared_layout(width="100%", max_width="1180px", padding="0 8px"),
        )
        root.add_class("explorer-app")
        share_models(self._screens["advanced"])
        return root

    def _screen(self, name: str) -> tuple[w.Widget, ...]:
        """A screen's widgets. The Basics screen's own (its results and boxes) are made the
        first time it is shown: a visit that stays on Advanced is sent none of them."""
        if name not in self._screens:
            self._screens[name] = self._basics_screen()
            share_models(self._screens[name])
        return self._screens[name]

    def _basics_screen(self) -> tuple[w.Widget, ...]:
        """The Basics screen: three sliders and three results with their pictures."""
        column, wide = shared_layout(**COLUMN), shared_layout(**WIDE)
        m = self.messages
        self.basics_city, self.basics_cooling, self.basics_flops = (html() for _ in range(3))
        controls = w.VBox(
            [
                self._power_row,
                m["site_power"],
                self.fill,
                self._chips_row,
                m["chips"],
                self.cooling,
                m["cooling_fraction"],
                m["general"],
            ],
            layout=column,
        )
        results = w.VBox([self.basics_city, self.basics_cooling, self.basics_flops], layout=column)
        return (*self._head, w.Box([controls, results], layout=wide), self.address)

    def _show_screen(self) -> None:
        """Put the current screen's widgets on the page (only one screen is drawn at a time)."""
        self._set(self.screen_toggle, self.screen)
        screen = self._screen(self.screen)
        if hasattr(self, "widget") and self.widget.children != screen:
            self.widget.children = screen
