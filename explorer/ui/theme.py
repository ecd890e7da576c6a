"""The app's look: the Okabe–Ito palette, the page's CSS and the small HTML snippets.

Pure functions from already formatted text to HTML (no widgets, no physics). Every caller passes
plain text through `html.escape` here; `detail` arguments are HTML the caller built and escaped.
"""

from __future__ import annotations

import html
import math

from .. import catalog, fmt

# Okabe–Ito colour-blind-safe palette
BLUE, ORANGE, GREEN, GREY, VERMILION, SKY = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#999999",
    "#D55E00",
    "#56B4E9",
)
BLACK, YELLOW, PURPLE = "#000000", "#F0E442", "#CC79A7"
LABEL = {"description_width": "initial"}  # a widget's label as wide as its text
# the precision the page opens on (the core computes every one): the app's one choice of view
START_PRECISION = "fp8"
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

TITLE = (
    "<h2 style='margin:0.2em 0'>AI Datacenter Explorer</h2>"
    "<p style='margin:0'>Move the controls: "
    "every number below is recomputed from the sourced catalog.</p>"
)


def card(title: str, value: str, detail: str, range_text: str = "", compare: str = "") -> str:
    """One headline card: a title, a big value, a line of detail (HTML), and two optional slots.

    `range_text` (plain text, small type under the value) is where a range of the value goes
    (e.g. "range 210 – 260 MW"); `compare` (HTML) is the pinned scenario A and the change.

    Examples
    --------
    >>> "explorer-range" in card("Cooling load", "120 MW", "40 %", range_text="100 – 140 MW")
    True
    >>> "explorer-range" in card("Cooling load", "120 MW", "40 %")
    False
    """
    slot = (
        f"<div class='explorer-range' style='font-size:0.8em;color:#333'>"
        f"{html.escape(range_text)}</div>"
        if range_text
        else ""
    )
    return (
        f"<div style='border-left:4px solid {BLUE};padding:2px 8px;margin:4px 0'>"
        f"<div style='font-size:0.85em;color:#444'>{html.escape(title)}</div>"
        "<div style='font-size:1.5em;font-weight:600' class='explorer-value'>"
        f"{html.escape(value)}</div>{slot}{compare}"
        f"<div style='font-size:0.85em;color:#333'>{detail}</div></div>"
    )


def strip_html(items: list[tuple[str, str, str]]) -> str:
    """The headline numbers in one line (the narrow screens' fixed strip): (css, name, value)."""
    return "".join(
        f"<span class='explorer-strip-item {css}'>{html.escape(name)}: "
        f"<b>{html.escape(value)}</b></span>"
        for css, name, value in items
    )


def charts_text(items: list[tuple[str, str]]) -> str:
    """The charts' key figures in words (their text alternative): (title, text) pairs."""
    li = "".join(
        f"<li><b>{html.escape(title)}:</b> {html.escape(text)}</li>" for title, text in items
    )
    return (
        "<div style='font-size:0.85em'><span>The charts in words</span>"
        f"<ul style='margin:2px 0 8px 0'>{li}</ul></div>"
    )


def error_html(text: str) -> str:
    """One plain line that says what was refused (announced to screen readers)."""
    return f"<span role='alert' style='color:{VERMILION}'>⚠ {html.escape(text)}</span>"


def list_html(items: list[str], title: str) -> str:
    """A titled list of plain-text notes ("" when there are none)."""
    if not items:
        return ""
    li = "".join(f"<li>{html.escape(t)}</li>" for t in items)
    return (
        f"<div style='border-left:4px solid {ORANGE};padding:2px 8px'>"
        f"<b>{html.escape(title)}</b><ul style='margin:2px 0'>{li}</ul></div>"
    )


def sources_html(chip: str, site: str) -> str:
    """The catalog entries behind a chip and a site, with their sources, as a table."""
    rows = []
    for e in catalog.entries_under(f"chips.{chip}") + catalog.site_sources(site):
        ref = html.escape(e.source_title)
        if e.source_url.lower().startswith(("https://", "http://")):  # never javascript: or data:
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


def change_text(a: float, b: float, units: str | None = None) -> str:
    """The change from A to B, absolute and relative ("n/a" where either is not a number).

    `units` None: a count (people, chips), else a unit `explorer.fmt.quantity` knows.

    Examples
    --------
    >>> change_text(36.76, 73.53, "MW")  # site power doubled: the cooling load doubles
    '+36.8 MW (+100 %)'
    >>> change_text(245_000, 200_000)
    '−45,000 (−18.4 %)'
    >>> change_text(150.0, 150.0, "MW")
    'no change'
    """
    if not (math.isfinite(a) and math.isfinite(b)):
        return "n/a"
    delta = b - a
    if delta == 0:
        return "no change"
    sign = "+" if delta > 0 else "−"
    size = fmt.number(abs(delta)) if units is None else fmt.quantity(abs(delta), units)
    rel = f"{sign}{fmt.percent(abs(delta / a))}" if a != 0 else "from zero"
    return f"{sign}{size} ({rel})"


def compare_html(a_value: str, change: str) -> str:
    """A card's compare slot: the pinned scenario A's value and the change from A to B
    (the card's big value is B, the controls' scenario)."""
    return (
        "<div class='explorer-compare' style='font-size:0.85em;color:#222;"
        f"border-left:3px dashed {BLACK};padding-left:6px;margin:2px 0'>"
        f"<span>A (pinned): <b class='explorer-a-value'>{html.escape(a_value)}</b></span>"
        f" · <span>change B − A: <b class='explorer-change'>{html.escape(change)}</b></span></div>"
    )
