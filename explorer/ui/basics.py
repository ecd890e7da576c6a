"""The Basics screen's three results, each a big number and one picture read at a glance.

Pure functions from numbers the core computed to HTML (no widgets, no physics): a row of houses
for the city, a stacked bar for where the power goes, and a bar of the cluster's FLOPS against
a known cluster from the catalog. Every picture carries its meaning in words too (`aria-label`
and a caption), never in colour alone.
"""

from __future__ import annotations

import html
import math

from .. import fmt
from .theme import BLUE, GREY, ORANGE, SKY

MAX_ICONS = 60  # houses in the row at most: the unit grows by tens instead
ICON = 18  # px
_HOUSE = (
    f"<svg width='{ICON}' height='{ICON}' viewBox='0 0 20 20' aria-hidden='true' "
    "focusable='false'><path d='M10 1 L19 9 H16.5 V19 H3.5 V9 H1 Z' fill='{fill}'/></svg>"
)


def house_unit(count: float) -> int:
    """Households (or people) one house icon stands for: 1,000 × a power of ten, so that the
    row has at most `MAX_ICONS` icons.

    Examples
    --------
    >>> house_unit(245_264)
    10000
    >>> house_unit(800)
    1000
    """
    if not (math.isfinite(count) and count > 0):
        return 1000
    return int(10 ** max(3, math.ceil(math.log10(count / MAX_ICONS))))


def _card(title: str, css: str, value: str, caption: str, picture: str, compare: str = "") -> str:
    """One result card; `compare` (HTML, from `theme.compare_html`) is a pinned scenario A's
    value and the change, under the big value (then B's: the title says so)."""
    if compare:
        title += " — B (the controls)"
    return (
        f"<div class='explorer-basics-card {css}' style='border-left:6px solid {BLUE};"
        "padding:4px 10px;margin:6px 0'>"
        f"<div style='font-size:1em;color:#333'>{html.escape(title)}</div>"
        "<div style='font-size:2.2em;font-weight:700;line-height:1.2' class='explorer-value'>"
        f"{html.escape(value)}</div>{compare}{picture}"
        f"<div style='font-size:0.95em;color:#222'>{html.escape(caption)}</div></div>"
    )


def city_card(count: float, plural: str, compare: str = "") -> str:
    """The city: its size, and a row of houses (whole icons and the last one cut to its share);
    `plural` is what it counts (the output's units: ``people`` or ``households``)."""
    unit = house_unit(count)
    icons = count / unit
    whole = int(icons)
    part = icons - whole
    row = _HOUSE.format(fill=BLUE) * whole
    if part > 0.05:
        row += (
            f"<span style='display:inline-block;overflow:hidden;width:{part * ICON:.0f}px'>"
            f"{_HOUSE.format(fill=BLUE)}</span>"
        )
    words = f"{fmt.number(icons)} houses; each house is {fmt.number(unit)} {plural}"
    picture = (
        f"<div class='explorer-houses' role='img' aria-label='{html.escape(words, quote=True)}'"
        f" style='line-height:0;margin:4px 0;max-width:{MAX_ICONS // 2 * (ICON + 2)}px'>"
        f"{row}</div>"
    )
    value = f"{fmt.number(count)} {plural}"
    return _card(
        "A city that uses as much electricity",
        "explorer-basics-city",
        value,
        words,
        picture,
        compare,
    )


def _bar(parts: list[tuple[str, float, str]], label: str) -> str:
    """A horizontal bar of named parts (name, share 0–1, colour), each named inside or below."""
    segments = "".join(
        f"<div style='width:{100 * share:.2f}%;background:{colour};color:#000;overflow:hidden;"
        f"white-space:nowrap;font-size:0.8em;padding:2px 0;text-indent:3px'>"
        f"{html.escape(name) if share > 0.12 else ''}</div>"
        for name, share, colour in parts
        if share > 0
    )
    return (
        f"<div role='img' aria-label='{html.escape(label, quote=True)}' "
        "style='display:flex;width:100%;max-width:420px;border:1px solid #333;margin:4px 0'>"
        f"{segments}</div>"
    )


def cooling_card(
    it: float,
    cooling: float,
    other: float,
    units: str,
    compare: str = "",
    capacity: float | None = None,
) -> str:
    """The cooling load at the operating point (what the powered chips draw), and the power as
    one stacked bar: IT, cooling, other losses (all in `units`, the core's, e.g. ``MW``);
    `capacity` (the full site's cooling, in `units`) is named beside it when it differs.

    Examples
    --------
    >>> "when full" in cooling_card(1.274, 0.184, 0.045, "MW", capacity=36.8)
    True
    >>> "when full" in cooling_card(254.0, 36.8, 9.0, "MW", capacity=36.8)
    False
    """
    total = it + cooling + other

    def q(x: float) -> str:
        return fmt.quantity(x, units)

    words = f"IT {q(it)} · cooling {q(cooling)} · other {q(other)}"
    if capacity is not None and not math.isclose(capacity, cooling, rel_tol=1e-6):
        words += f" · the site's cooling when full: {q(capacity)}"
    shares = [x / total if total > 0 else 0.0 for x in (it, cooling, other)]
    picture = _bar(
        [("IT", shares[0], SKY), ("cooling", shares[1], ORANGE), ("other", shares[2], GREY)],
        "Where the power goes: " + words,
    )
    return _card(
        "Power for cooling",
        "explorer-basics-cooling",
        q(cooling),
        f"{fmt.percent(shares[1])} of the power drawn. {words}",
        picture,
        compare,
    )


def flops_card(
    peak: float,
    reference: float,
    reference_name: str,
    precision: str,
    units: str,
    compare: str = "",
) -> str:
    """The cluster's peak FLOPS, as a bar beside a known cluster's (the longer one is full);
    both in `units`, the core's (e.g. ``FLOP/s``).

    Examples
    --------
    >>> "2 × the peak of Colossus" in flops_card(2e18, 1e18, "Colossus", "FP8", "FLOP/s")
    True
    """

    def q(x: float) -> str:
        return fmt.quantity(x, units)

    if not math.isfinite(peak):
        return _card(
            f"Computing power ({precision})",
            "explorer-basics-flops",
            "not available",
            f"this accelerator has no {precision} mode",
            "",
            compare,
        )
    top = max(peak, reference)
    ratio = peak / reference if reference > 0 else math.nan
    words = f"{fmt.number(ratio)} × the peak of {reference_name} ({q(reference)})"

    def row(name: str, value: float, colour: str) -> str:
        width = 100 * value / top if top > 0 else 0
        return (
            f"<div style='display:flex;align-items:center;gap:6px;font-size:0.85em'>"
            f"<span style='flex:0 0 7.5em'>{html.escape(name)}</span>"
            f"<span style='flex:1 1 auto;max-width:320px'><span style='display:block;"
            f"width:{width:.2f}%;min-width:2px;height:14px;background:{colour}'></span></span>"
            "</div>"
        )

    picture = (
        f"<div role='img' aria-label='{html.escape('This site: ' + words, quote=True)}' "
        "style='margin:4px 0'>"
        f"{row('this site', peak, BLUE)}{row(reference_name, reference, GREY)}</div>"
    )
    return _card(
        f"Computing power ({precision}, peak)",
        "explorer-basics-flops",
        q(peak),
        f"{words}",
        picture,
        compare,
    )
