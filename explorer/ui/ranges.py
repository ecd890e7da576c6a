"""The headlines' 90 % ranges in the app: the small type under each number, and the toggle.

No physics here: `HeadlineRanges` asks the core (`explorer.ui.headlines.headline_ranges`, a cached
fixed-seed sample, about 2 ms a call) and formats with `explorer.ui.headlines.range_text`.
`RangesToggle` is the "Show ranges" checkbox, in the link as ``ranges=0`` when it is off
(`explorer.ui.links.show_ranges` parses it).
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping
from typing import Any

import ipywidgets as w

from ..errors import InputError
from . import headlines

FIELD = "ranges"
ONE_SIDED = "(the value rests on a figure that can only move one way)"
# The app's cards and the headline output each one shows (the city's depends on the basis).
CARDS = {
    "city": None,  # city_households or city_people: `city_output`
    "cooling": "cooling_power",
    "flops": "peak_flops",
    "it": "it_power",
    "chips": "chips_supported",
    "energy": "annual_energy",
    "facility": "facility_load",
    "training": "training_days",
}


def city_output(per: str) -> str:
    """The city headline's output for a basis counted per ``person`` or per ``household``.

    Examples
    --------
    >>> city_output("person"), city_output("household")
    ('city_people', 'city_households')
    """
    return "city_people" if per == "person" else "city_households"


def slot_text(h: headlines.Headline | None) -> str:
    """Plain text for a card's range slot: ``"90 % range 167k–621k"`` ("" without a value).

    Examples
    --------
    >>> h = headlines.Headline("cooling_power", 120, 71, 247, "MW", "")
    >>> slot_text(h)
    '90 % range 71–247 MW'
    >>> slot_text(headlines.Headline("cooling_power", 120, 120, 120, "MW", ""))
    'no recorded uncertainty moves it'
    >>> slot_text(headlines.Headline("facility_load", 300, 311, 649, "MW", "", "one-sided"))
    '90 % range 311–649 MW (the value rests on a figure that can only move one way)'
    >>> why = "the site's power is 300 MW, the low end of its 300–750 MW range"
    >>> h = headlines.Headline("facility_load", 300, 311, 649, "MW", "", "one-sided", why)
    >>> for part in slot_text(h).split(": "):
    ...     print(part)
    90 % range 311–649 MW (the value lies outside it
    the site's power is 300 MW, the low end of its 300–750 MW range)
    """
    if h is None:
        return ""
    text = headlines.range_text(h)
    if not text:
        return ""
    if text == headlines.NO_RANGE:
        return text.strip("()")
    # a value outside its own range rests on a one-sided figure: said by name where known
    # (reader 29: "272–565 MW" under 261 MW read as a range that misses its own value)
    why = f" (the value lies outside it: {h.reason})" if h.reason else ""
    why = why or (f" {ONE_SIDED}" if h.note else "")
    return "90 % range " + text[1:-1] + why


def note_html() -> str:
    """The one line that says what the small type is (shown under the headlines with them)."""
    return (
        "<div class='explorer-range-note' style='font-size:0.8em;color:#333'>"
        f"{html.escape(headlines.LABEL)}</div>"
    )


class HeadlineRanges:
    """The app's headline ranges for the current scenario, recomputed only when it changed."""

    def __init__(self) -> None:
        self._key: Any = None
        self._ranges: dict[str, headlines.Headline] = {}
        self.calls = 0  # how many times the core ran

    def update(self, inputs: Mapping[str, Any], precision: str) -> dict[str, headlines.Headline]:
        """The headlines of `inputs` (`explorer.compute`'s keywords) at `precision`.

        A scenario the core refuses gives no ranges (the app shows its own message for it)."""
        key = (tuple(sorted((k, repr(v)) for k, v in inputs.items())), precision)
        if key != self._key:
            try:
                self._ranges = headlines.headline_ranges(precision=precision, **dict(inputs))
            except InputError:
                self._ranges = {}
            self._key = key
            self.calls += 1
        return self._ranges

    def text(self, output: str) -> str:
        """The slot text of one output of the last `update` ("" when there is none)."""
        return slot_text(self._ranges.get(output))

    def slots(
        self, inputs: Mapping[str, Any], precision: str, per: str, shown: bool
    ) -> dict[str, str]:
        """Each card's range slot (`CARDS`' keys): the texts, or all "" when hidden (then the
        core is not asked: hidden ranges cost a slider step nothing)."""
        if not shown:
            return dict.fromkeys(CARDS, "")
        self.update(inputs, precision)
        return {
            card: self.text(city_output(per) if output is None else output)
            for card, output in CARDS.items()
        }


class RangesToggle:
    """The "Show ranges" checkbox, with the line that says what the small type is; off is
    ``ranges=0`` in the link."""

    fields = (FIELD,)

    def __init__(self, changed: Callable[[], None]) -> None:
        self._changed = changed
        self._loading = False
        self.checkbox = w.Checkbox(
            value=True,
            description="Show ranges",
            indent=False,
            tooltip=headlines.LABEL,
            layout=w.Layout(width="auto"),
        )
        self.checkbox.add_class("explorer-ranges-toggle")
        self.note = w.HTML(note_html())
        self.widget = w.VBox([self.checkbox, self.note])
        self.checkbox.observe(self._on_change, names="value")

    @property
    def shown(self) -> bool:
        return bool(self.checkbox.value)

    def _on_change(self, change: Any) -> None:
        self.note.value = note_html() if self.shown else ""
        if not self._loading:
            self._changed()

    def link_state(self) -> dict[str, Any]:
        """``{"ranges": 0}`` when the ranges are hidden, else nothing (shown is the default)."""
        return {} if self.shown else {FIELD: 0}

    def load(self, found: Mapping[str, Any]) -> None:
        """Restore from the parsed link (`explorer.ui.links.parse`), without calling `changed`."""
        self._loading = True
        try:
            self.checkbox.value = bool(found.get(FIELD, True))
        finally:
            self._loading = False
