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
import numpy as np

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
    if isinstance(widget, w.Accordion | w.Tab):
        titles = [widget.get_title(i) or "" for i in range(len(widget.children))]
        return "".join(
            f"<h4>{html.escape(t)}</h4>{snapshot(c)}"
            for t, c in zip(titles, widget.children, strict=True)
        )
    if isinstance(widget, w.Box):
        return '<div class="lesson">' + "".join(snapshot(c) for c in widget.children) + "</div>"
    if isinstance(widget, bq.Figure):
        return figure(widget)
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


_PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9")


def _rows(mark: bq.Mark) -> list[list[str]]:
    """A bar or line mark's values as table rows (label, one column per series)."""
    xs = (
        [str(x) for x in np.asarray(mark.x).ravel()] if not isinstance(mark, bq.GridHeatMap) else []
    )
    ys = np.atleast_2d(np.asarray(mark.y, dtype=float)) if xs else np.empty((0, 0))
    return [[x, *(fmt.number(float(v)) for v in ys[:, i])] for i, x in enumerate(xs)]


def _level(mark: bq.Lines) -> list[str]:
    """A labelled line at one level (a dashed "half the site") as one table row, its label and
    value; [] for any other line. Its points as rows read as more bars (reader 51-56 D11: "IT
    150 Other 150" under "IT 171 Cooling 120 Other 9").

    Examples
    --------
    >>> s = {"x": bq.OrdinalScale(), "y": bq.LinearScale()}
    >>> _level(bq.Lines(x=["a", "b"], y=[150, 150], labels=["half the site"], scales=s))
    ['half the site (dashed line)', '150']
    >>> _level(bq.Lines(x=["a", "b"], y=[1, 2], labels=["rise"], scales=s))
    []
    """
    ys = np.asarray(mark.y, dtype=float).ravel()
    labels = list(mark.labels or ())
    if len(labels) != 1 or not len(ys) or not np.all(ys == ys[0]):
        return []
    return [f"{labels[0]} (dashed line)", fmt.number(float(ys[0]))]


def svg(fig: bq.Figure, width: int = 560, height: int = 300) -> str:
    """A bqplot figure as an inline SVG image (bars, grouped or horizontal; lines; a grid heat
    map), drawn from its marks' data: no script, no network.

    Examples
    --------
    >>> f = bq.Figure(marks=[bq.Bars(x=["a", "b"], y=[1, 2], scales={"x": bq.OrdinalScale(),
    ...     "y": bq.LinearScale()})])
    >>> svg(f).startswith("<svg")
    True
    """
    left, bottom, top, right = 150, 24, 10, 10
    pw, ph = width - left - right, height - top - bottom
    parts = []
    marks = [m for m in fig.marks if isinstance(m, bq.Bars | bq.Lines | bq.GridHeatMap)]
    heat = next((m for m in marks if isinstance(m, bq.GridHeatMap)), None)
    if heat is not None:
        color = np.asarray(heat.color, dtype=float)
        rows, cols = color.shape
        lo, hi = float(np.nanmin(color)), float(np.nanmax(color))
        span = hi - lo or 1.0
        cw, rh = pw / cols, ph / rows
        for r in range(rows):
            y = top + r * rh
            parts.append(
                f'<text x="{left - 4}" y="{y + rh * 0.7:.1f}" text-anchor="end" '
                f'font-size="10">{html.escape(str(np.asarray(heat.row)[r]))}</text>'
            )
            for c in range(cols):
                t = (color[r, c] - lo) / span if np.isfinite(color[r, c]) else 0.0
                shade = f"rgb({int(68 + 185 * t)},{int(1 + 230 * t)},{int(84 + 30 * t)})"
                parts.append(
                    f'<rect x="{left + c * cw:.1f}" y="{y:.1f}" width="{cw:.1f}" '
                    f'height="{rh:.1f}" fill="{shade}"/>'
                )
        parts.append(
            f'<text x="{left}" y="{height - 6}" font-size="10">colour: {fmt.number(lo)} '
            f"(dark) to {fmt.number(hi)} (light)</text>"
        )
    series = []
    for m in marks:
        if isinstance(m, bq.GridHeatMap):
            continue
        ys = np.atleast_2d(np.asarray(m.y, dtype=float))
        series.append((m, [str(x) for x in np.asarray(m.x).ravel()], ys))
    values = [v for _, _, ys in series for v in ys.ravel() if np.isfinite(v)]
    flipped = any(getattr(m, "orientation", "") == "horizontal" for m, _, _ in series)
    if flipped:  # the value axis is x: a line's x (the central value) counts, not its 0..1 y
        values = [v for m, _, ys in series if isinstance(m, bq.Bars) for v in ys.ravel()]
        values += [
            float(x)
            for m, _, _ in series
            if isinstance(m, bq.Lines)
            for x in np.asarray(m.x, dtype=float).ravel()
        ]
        values = [v for v in values if np.isfinite(v)]
    if series and values and heat is None:
        base = next((float(m.base) for m, _, _ in series if isinstance(m, bq.Bars)), 0.0)
        lo, hi = min(base, min(values)), max(base, max(values))
        # a fixed value scale, as the app draws it (lesson 2's bars: 0 to the site's 300 MW, not
        # to the tallest bar; reader 30), widened only if a value lies outside it
        fixed = [m.scales.get("y") for m, _, _ in series if isinstance(m, bq.Bars)]
        for scale in fixed:
            if isinstance(scale, bq.LinearScale):
                lo = min(lo, scale.min) if scale.min is not None else lo
                hi = max(hi, scale.max) if scale.max is not None else hi
        span = hi - lo or 1.0
        for m, xs, ys in series:
            horizontal = getattr(m, "orientation", "vertical") == "horizontal"
            n = max(len(xs), 1)
            if isinstance(m, bq.Lines):
                if flipped:  # a tornado's central value: a vertical line at x
                    x0 = (float(np.asarray(m.x, dtype=float).ravel()[0]) - lo) / span
                    parts.append(
                        f'<line x1="{left + x0 * pw:.1f}" x2="{left + x0 * pw:.1f}" y1="{top}" '
                        f'y2="{top + ph}" stroke="#000" stroke-dasharray="4 3"/>'
                    )
                    continue
                if len(xs) != ys.shape[1]:
                    continue
                pts = " ".join(
                    f"{left + (i + 0.5) * pw / n:.1f},{top + ph * (1 - (v - lo) / span):.1f}"
                    for i, v in enumerate(ys[0])
                    if np.isfinite(v)
                )
                parts.append(
                    f'<polyline points="{pts}" fill="none" stroke="#555" stroke-dasharray="4 3"/>'
                )
                continue
            k = ys.shape[0]
            for i, x in enumerate(xs):
                for j in range(k):
                    v = ys[j, i] if i < ys.shape[1] else np.nan
                    if not np.isfinite(v):
                        continue
                    colour = _PALETTE[j % len(_PALETTE)]
                    a, b = sorted(((base - lo) / span, (v - lo) / span))
                    if horizontal:
                        band = ph / n
                        y = top + i * band + band * 0.15 + j * band * 0.7 / k
                        parts.append(
                            f'<rect x="{left + a * pw:.1f}" y="{y:.1f}" width="{(b - a) * pw:.1f}" '
                            f'height="{band * 0.7 / k:.1f}" fill="{colour}"/>'
                        )
                        if j == 0:
                            parts.append(
                                f'<text x="{left - 4}" y="{top + (i + 0.5) * band:.1f}" '
                                f'text-anchor="end" font-size="10">{html.escape(x)}</text>'
                            )
                    else:
                        band = pw / n
                        xx = left + i * band + band * 0.15 + j * band * 0.7 / k
                        parts.append(
                            f'<rect x="{xx:.1f}" y="{top + (1 - b) * ph:.1f}" '
                            f'width="{band * 0.7 / k:.1f}" height="{(b - a) * ph:.1f}" '
                            f'fill="{colour}"/>'
                        )
                        if j == 0:
                            parts.append(
                                f'<text x="{left + (i + 0.5) * band:.1f}" y="{height - 8}" '
                                f'text-anchor="middle" font-size="10">{html.escape(x)}</text>'
                            )
        axis = next((a.label for a in fig.axes if getattr(a, "label", "")), "")  # with its unit
        parts.append(
            f'<text x="{left}" y="{top + 10}" font-size="10">'
            f"{html.escape(axis) if axis else 'scale'}: {fmt.number(lo)} to "
            f"{fmt.number(hi)}</text>"
        )
    title = html.escape(fig.title or "chart")
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{title}" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}">'
        f'<rect width="{width}" height="{height}" fill="white"/>{"".join(parts)}</svg>'
    )


def figure(fig: bq.Figure) -> str:
    """A bqplot figure as its title, an inline SVG image and a table of its values."""
    rows = []
    flipped = any(getattr(m, "orientation", "") == "horizontal" for m in fig.marks)
    for mark in fig.marks:
        if isinstance(mark, bq.Lines) and not flipped and _level(mark):
            rows.append(_level(mark))  # a labelled reference line: one row, by its label
        elif isinstance(mark, bq.Bars) or (isinstance(mark, bq.Lines) and not flipped):
            rows += _rows(mark)
    label = next((a.label for a in fig.axes if getattr(a, "label", "")), "")
    width = max((len(r) for r in rows), default=2)
    head = ["", label] + [""] * (width - 2)
    return f"<p><b>{html.escape(fig.title or '')}</b></p>{svg(fig)}" + (
        table(head, rows) if rows else ""
    )


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
