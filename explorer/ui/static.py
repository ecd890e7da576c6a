"""Widgets as static HTML, for handouts and pages rendered without a kernel.

`shown` returns a widget, or, when ``EXPLORER_STATIC`` is set, a `Handout` that displays the
widget's `snapshot`: text and tables as shown, a control as its label and value, a bar chart as a
table of its bars. No script and no network.
"""

from __future__ import annotations

import html
import os

import bqplot as bq
import ipywidgets as w

from .. import fmt

STATIC = "EXPLORER_STATIC"  # set (to anything but "" or "0") for handouts: widgets show as HTML


def snapshot(widget: w.Widget) -> str:
    """The current state of a lesson widget as plain HTML (no script, no network): text and tables
    as shown, a control as its label and value, a bar chart as a table of its bars.

    Examples
    --------
    >>> snapshot(w.VBox([w.HTML("<p>300 MW</p>"), w.FloatSlider(value=0.4, description="Share")]))
    '<div class="lesson"><p>300 MW</p><p>Share: 0.40</p></div>'
    """
    if isinstance(widget, w.HTML):
        return widget.value
    if isinstance(widget, w.Box):
        return '<div class="lesson">' + "".join(snapshot(c) for c in widget.children) + "</div>"
    if isinstance(widget, bq.Figure):
        rows = []
        for mark in widget.marks:
            rows += [[str(x), fmt.number(float(y))] for x, y in zip(mark.x, mark.y, strict=True)]
        label = next((a.label for a in widget.axes if a.label), "")
        return f"<p><b>{html.escape(widget.title)}</b></p>" + table(["", label], rows)
    if isinstance(widget, w.Button):
        return ""
    if isinstance(widget, w.Text):
        return f"<p>{html.escape(widget.description)}: ________</p>"
    if isinstance(widget, w.SelectionSlider | w.Dropdown):
        said = f"{widget.description}: " if widget.description else ""
        return f"<p>{html.escape(said + str(widget.label))}</p>"
    if isinstance(widget, w.FloatSlider):
        fmt_ = "{:" + widget.readout_format + "}"
        return f"<p>{html.escape(widget.description)}: {fmt_.format(widget.value)}</p>"
    return ""


class Handout:
    """A lesson widget shown as its static snapshot (for handouts rendered without a kernel);
    every attribute is the widget's."""

    def __init__(self, widget: w.Widget):
        self.widget = widget

    def __getattr__(self, name: str):
        return getattr(self.widget, name)

    def _repr_mimebundle_(self, **kwargs) -> dict[str, str]:
        return {"text/html": snapshot(self.widget), "text/plain": "(lesson widget: see the HTML)"}


def shown(widget: w.Widget) -> w.Widget:
    """The widget, or in a handout (``EXPLORER_STATIC`` set) its static snapshot."""
    if os.environ.get(STATIC, "") not in ("", "0"):
        return Handout(widget)  # type: ignore[return-value]
    return widget


def table(header: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r) + "</tr>" for r in rows
    )
    return f"<table><tr>{head}</tr>{body}</table>"
