"""The Advanced screen's "What moves this number" panel: a tornado of one headline output.

For the chosen headline, each uncertain catalog figure of the scenario is moved alone from its
low to its high end, the others held at their central values (`explorer.sensitivity`, in its
cheap one-scenario form `explorer.ui.headlines.swings`, so an open panel follows a slider); the bars
show where the output goes, biggest swing on top, and the same swings are written out in words.
No physics here: every number is the core's. Inputs still at the site preset's own value carry
the catalog's range, as in the headline ranges (`explorer.ui.headlines.catalog_left`); values the
reader set are exact, so they never appear as bars.

A panel in the sense of ``explorer.ui.panels`` (closed by default; its figure is built on first
open; `update` only remembers the scenario while closed; results are cached per output and
inputs). Its link field is ``tornado`` (the chosen output, when it is not the city).
"""

from __future__ import annotations

import html
import math
from collections import OrderedDict
from collections.abc import Callable, Mapping
from typing import Any

import bqplot as bq
import ipywidgets as w
import xarray as xr

from .. import fmt, model
from ..errors import InputError
from . import headlines
from .charts import PRECISION_LABEL
from .theme import BLUE, ORANGE, START_PRECISION  # Okabe–Ito blue, orange: a figure's low, high end

FIELD = "tornado"
DEFAULT = "city_households"
PRECISION = START_PRECISION  # the precision of the per-precision outputs
MAX_BARS = 8  # the biggest swings drawn; the rest are named in words
HEIGHT = "220px"  # fixed: bqplot does not re-lay out a drawn figure whose height changes
CACHE = 32  # results kept
# The headlines one can choose, in the app's words.
CHOICES: dict[str, str] = {
    "city_households": "City (households)",
    "city_people": "City (people)",
    "cooling_power": "Cooling load",
    "it_power": "IT power",
    "facility_load": "Facility load",
    "chips_supported": "Chips the power feeds",
    "peak_flops": f"Peak FLOP/s ({PRECISION_LABEL[PRECISION]})",
    "annual_energy": "Energy per year",
    "training_days": f"Training days ({PRECISION_LABEL[PRECISION]})",
}
FAILED = "The tornado could not be drawn for this scenario; the last one is kept."
LABEL_PX = 124  # the bars' labels (headlines.figure_label: 18 characters at most)


def nice_ticks(lo: float, hi: float, most: int = 5) -> list[float]:
    """Round tick values covering lo … hi, at most `most` of them (1, 2 or 5 × a power of ten).

    Examples
    --------
    >>> nice_ticks(171_685, 613_159)
    [0.0, 200000.0, 400000.0, 600000.0, 800000.0]
    >>> nice_ticks(30, 150)
    [0.0, 50.0, 100.0, 150.0]
    """
    if not hi > lo:
        span = abs(hi) or 1.0
        lo, hi = lo - 0.1 * span, hi + 0.1 * span
    for step in (
        m * 10.0**k for k in range(math.floor(math.log10(hi - lo)) - 1, 400) for m in (1, 2, 5)
    ):
        first, last = math.floor(lo / step), math.ceil(hi / step)
        if last - first + 1 <= most:
            return [float(i * step) for i in range(first, last + 1)]
    return [lo, hi]  # pragma: no cover - the loop always finds a step


def _swatch(colour: str) -> str:
    return (
        f"<span style='display:inline-block;width:0.9em;height:0.9em;background:{colour};"
        "vertical-align:middle' aria-hidden='true'></span>"
    )


def heading_html(name: str, central: float, units: str) -> str:
    """The chart's title and key: which bar is which, by position and by words (not colour
    alone).

    Examples
    --------
    >>> "upper bar" in heading_html("Cooling load", 120.0, "MW")
    True
    >>> heading_html("City (households)", 1.0, "households").split("</div>")[0].split(">")[-1]
    'What moves the city (households)'
    >>> "What moves the IT power" in heading_html("IT power", 254.0, "MW")
    True
    """
    # "the city (households)", "the IT power": an acronym keeps its capitals (reader 22)
    name = name if name[1:2].isupper() else name[:1].lower() + name[1:]
    return (
        f"<div style='font-weight:600'>What moves the {html.escape(name)}</div>"
        "<div style='font-size:0.85em;color:#222'>In each row: "
        f"{_swatch(BLUE)} <b>upper bar</b> the figure at its <b>low</b> end; "
        f"{_swatch(ORANGE)} <b>lower bar</b> at its <b>high</b> end. Bars start at the "
        f"central value, {html.escape(_q(central, units))} (dashed line).</div>"
    )


def _q(x: float, units: str) -> str:
    if units in ("households", "people"):
        return f"{fmt.number(x)} {units}"
    return fmt.quantity(x, units)


def bars(central: float, found: list[headlines.Swing], units: str) -> dict[str, Any]:
    """What the chart draws from `explorer.ui.headlines.swings` (biggest swing first): the drawn
    figures' keys and labels, the output at each one's low and high end, the central value, and
    the keys of the figures that move it less (not drawn) or not at all."""
    moving = [x for x in found if math.isfinite(x.swing) and x.swing > 0]
    drawn, rest = moving[:MAX_BARS], moving[MAX_BARS:]
    return {
        "keys": [x.key for x in drawn],
        "labels": [headlines.figure_label(x.key) for x in drawn],
        "low": [x.low for x in drawn],
        "high": [x.high for x in drawn],
        "central": central,
        "figure_low": [x.figure_low for x in drawn],
        "figure_high": [x.figure_high for x in drawn],
        "figure_unit": [x.figure_unit for x in drawn],
        "smaller": [x.key for x in rest],
        "still": [x.key for x in found if x not in moving],
        "units": units,
    }


def words(output: str, b: Mapping[str, Any]) -> str:
    """The swings in words (the chart's text alternative), plain text."""
    units = b["units"]

    def q(x: float) -> str:
        return _q(x, units)

    name = CHOICES.get(output, output)
    if not b["keys"]:
        return (
            f"{name}: {q(b['central'])}. No uncertain catalog figure moves it in this scenario "
            "(the values you set are taken as exact)."
        )
    parts = []
    for label, lo, hi, f_lo, f_hi, unit in zip(
        b["labels"],
        b["low"],
        b["high"],
        b["figure_low"],
        b["figure_high"],
        b["figure_unit"],
        strict=True,
    ):
        shown = "" if unit in ("1", "dimensionless", "") else f" {unit}"
        parts.append(
            f"{label} from its low end ({fmt.number(f_lo)}{shown}) to its high end "
            f"({fmt.number(f_hi)}{shown}) moves it from {q(lo)} to {q(hi)}"
        )
    text = f"{name} is {q(b['central'])} with every figure at its central value. " + (
        "Biggest first: " + "; ".join(parts) + "."
    )
    if b["smaller"]:
        text += f" {len(b['smaller'])} smaller swings are not drawn."
    if b["still"]:
        still = sorted({headlines.figure_label(k) for k in b["still"]})
        text += " These uncertain figures do not move it: " + ", ".join(still) + "."
    return text


class TornadoPanel:
    """The "What moves this number" panel (``explorer.ui.panels`` contract)."""

    title = "What moves this number"
    fields = (FIELD,)

    def __init__(self, changed: Callable[[], None], choices: tuple[str, ...] | None = None) -> None:
        """`changed` is called when the reader picks another number; `choices` are the numbers
        the menu offers (names of `CHOICES`; default all of them). With one choice there is no
        menu: a lesson shows the tornado of the number it is about, and no other number's
        swing before the exercise that asks for it."""
        unknown = set(choices or ()) - set(CHOICES)
        if unknown or choices == ():
            raise ValueError(f"choices must be names from {sorted(CHOICES)}; got {choices!r}")
        self.choices = tuple(choices) if choices else tuple(CHOICES)
        self._changed = changed
        self._inputs: dict[str, Any] | None = None
        self._has_run = False
        self._built = False
        self._drawn_key: Any = None
        self._cache: OrderedDict[Any, dict[str, Any]] = OrderedDict()
        self.start = DEFAULT if DEFAULT in self.choices else self.choices[0]
        self.output = self.start
        self.calls = 0  # how many times the core ran (explorer.sensitivity)
        self.body = w.VBox()
        self.widget = w.Accordion(children=[self.body], selected_index=None)
        self.widget.set_title(0, self.title)
        self.widget.add_class("explorer-tornado")
        self.widget.observe(self._on_open, names="selected_index")

    # ------------------------------------------------------------------ the contract
    def update(self, inputs: Mapping[str, Any], result: xr.Dataset) -> None:
        """Remember the scenario; redraw only when the panel is open."""
        self._inputs = dict(inputs)
        self._has_run = "training_days" in result
        if self.is_open:
            self._draw()

    def link_state(self) -> dict[str, Any]:
        return {} if self.output == DEFAULT else {FIELD: self.output}

    def load(self, found: Mapping[str, Any]) -> None:
        output = found.get(FIELD, DEFAULT)
        self.output = output if output in self.choices else self.start
        if self._built:
            self._set_choice()
            if self.is_open:
                self._draw()

    @property
    def is_open(self) -> bool:
        return self.widget.selected_index == 0

    # ------------------------------------------------------------------ building
    def _on_open(self, change: Any) -> None:
        if change["new"] == 0:
            self._build()
            self._draw()

    def _build(self) -> None:
        if self._built:
            return
        self.choice = w.Dropdown(
            options=[(CHOICES[name], name) for name in self.choices],
            value=self.output,
            description="Number",
            style={"description_width": "initial"},
            layout=w.Layout(width="auto", max_width="100%"),
        )
        self.choice.add_class("explorer-tornado-choice")
        self.choice.observe(self._on_choice, names="value")
        self.y_scale = bq.OrdinalScale(reverse=True)  # the first (biggest swing) on top
        self.x_scale = bq.LinearScale()
        common = dict(
            scales={"x": self.y_scale, "y": self.x_scale},
            orientation="horizontal",
            type="grouped",
            padding=0.15,
        )
        self.bars_mark = bq.Bars(
            x=[],
            y=[[], []],
            colors=[BLUE, ORANGE],
            labels=["the figure at its low end (upper bar)", "at its high end (lower bar)"],
            **common,
        )
        self.central_line = bq.Lines(
            x=[0, 0],
            y=[0, 1],
            scales={"x": self.x_scale, "y": bq.LinearScale(min=0, max=1)},
            colors=["#000000"],
            line_style="dashed",
        )
        tick = {"font-size": "12px"}
        self.value_axis = bq.Axis(
            scale=self.x_scale, side="bottom", tick_format="~s", tick_style=tick
        )
        self.figure = bq.Figure(
            marks=[self.bars_mark, self.central_line],
            axes=[
                bq.Axis(scale=self.y_scale, side="left", tick_style=tick),
                self.value_axis,
            ],
            animation_duration=0,
            fig_margin={"top": 10, "bottom": 30, "left": LABEL_PX, "right": 14},
            layout=w.Layout(width="100%", max_width="640px", min_width="280px", height=HEIGHT),
        )
        self.figure.add_class("explorer-tornado-chart")
        self.text = w.HTML()
        self.text.add_class("explorer-tornado-text")
        self.message = w.HTML()
        self.message.add_class("explorer-tornado-message")
        # a lesson's panel (one number, no menu) sets no values: the app's last sentence would
        # puzzle there (reader 22)
        exact = " Values you set are exact and are not here." if len(self.choices) > 1 else ""
        intro = w.HTML(
            "<div style='font-size:0.85em;color:#333'>Each uncertain catalog figure moved alone "
            "from its low to its high end, the others at their central values; biggest swing on "
            f"top.{exact}</div>"
        )
        self.heading = w.HTML()
        self.heading.add_class("explorer-tornado-heading")
        menu = [self.choice] if len(self.choices) > 1 else []
        self.body.children = [
            intro,
            *menu,
            self.heading,
            self.figure,
            self.text,
            self.message,
        ]
        self._built = True

    def _set_choice(self) -> None:
        if self.choice.value != self.output:
            self.choice.unobserve(self._on_choice, names="value")
            self.choice.value = self.output
            self.choice.observe(self._on_choice, names="value")

    def _on_choice(self, change: Any) -> None:
        self.output = change["new"]
        self._draw()
        self._changed()

    # ------------------------------------------------------------------ drawing
    def result(self, output: str, inputs: Mapping[str, Any]) -> dict[str, Any]:
        """The bars of `output` for the scenario `inputs` (`explorer.ui.headlines.swings`, the
        cheap form of `explorer.sensitivity`), cached."""
        site = inputs.get("site", model.DEFAULT_SITE)
        left = headlines.catalog_left(site, {k: v for k, v in inputs.items() if k != "site"})
        key = (output, site, tuple(sorted((k, repr(v)) for k, v in left.items())))
        if key in self._cache:
            self._cache.move_to_end(key)
            return self._cache[key]
        central, found = headlines.swings(
            output, site=site, precision=PRECISION, preset_is_catalog=False, **left
        )
        t = bars(central, found, model.OUTPUTS[output][0])
        self.calls += 1
        self._cache[key] = t
        if len(self._cache) > CACHE:
            self._cache.popitem(last=False)
        return t

    def _draw(self) -> None:
        if self._inputs is None or not self._built:
            return
        output = self.output
        if output == "training_days" and not self._has_run:
            self.message.value = (
                "<div>Choose a model under “Training a model” to see what moves the training "
                "days.</div>"
            )
            self.bars_mark.x, self.bars_mark.y = [], [[], []]
            self.text.value = ""
            self._drawn_key = None
            return
        key = (output, repr(sorted(self._inputs.items())))
        if key == self._drawn_key:
            return
        try:
            b = self.result(output, self._inputs)
        except InputError as err:
            self.message.value = f"<div role='alert'>{html.escape(str(err))}</div>"
            return
        except Exception:  # never a traceback on the page: the last view stays
            self.message.value = f"<div role='alert'>{html.escape(FAILED)}</div>"
            return
        self.message.value = ""
        self.drawn = b
        c = b["central"]
        with self.bars_mark.hold_sync():
            self.bars_mark.x = b["labels"]
            self.bars_mark.y = [b["low"], b["high"]]
            self.bars_mark.base = c if math.isfinite(c) else 0.0
        finite = [v for v in (*b["low"], *b["high"], c) if math.isfinite(v)]
        if finite:
            ticks = nice_ticks(min(finite), max(finite))
            self.x_scale.min, self.x_scale.max = ticks[0], ticks[-1]
            self.value_axis.tick_values = ticks
        self.central_line.x = [c, c] if math.isfinite(c) else [0, 0]
        self.heading.value = heading_html(CHOICES[output], b["central"], b["units"])
        self.text.value = f"<div style='font-size:0.9em'>{html.escape(words(output, b))}</div>"
        self._drawn_key = key
