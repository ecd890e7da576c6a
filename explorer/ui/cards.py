"""The Advanced screen's headline cards, the strip and the compare slots: pure HTML renderers.

Functions from the core's result (a Dataset at one precision, `ds`, whose variables' `attrs`
give the units) and its values as plain floats (`v`, `explorer.ui.scenario.scalars`) to HTML:
no widgets, no physics, no unit typed here. A pinned scenario A's values (`a`) add each card's
compare slot.
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable, Mapping

import xarray as xr

from .. import catalog, fmt, notes
from . import theme

Values = Mapping[str, float]
Show = Callable[[xr.Dataset, str, float], str]


def amount(ds: xr.Dataset, name: str, x: float) -> str:
    """`x` in output `name`'s units, as the Dataset's attrs give them (a count: a bare number).

    Examples
    --------
    >>> ds = xr.Dataset({"it_power": ((), 1.0, {"units": "MW"})})
    >>> amount(ds, "it_power", 1500.0)
    '1.5 GW'
    """
    return fmt.quantity(x, ds[name].attrs["units"])


def count(ds: xr.Dataset, name: str, x: float) -> str:
    """`x` as a whole count with what it counts (the output's units; none for a bare count).

    Examples
    --------
    >>> ds = xr.Dataset({"city_people": ((), 1.0, {"units": "people"})})
    >>> count(ds, "city_people", 1_316_123.7)
    '1,316,124 people'
    """
    counted = fmt.quantity(0.0, ds[name].attrs["units"]).removeprefix("0").strip()
    return f"{fmt.number(x)} {counted}".strip()


def b_title(title: str, pinned: bool) -> str:
    """A card's title; while A is pinned its big value is B's, and the title says so."""
    return f"{title} — B (the controls)" if pinned else title


def compare(
    ds: xr.Dataset,
    v: Values,
    a: Values | None,
    key: str,
    suffix: str = "",
    show: Show = amount,
) -> str:
    """A card's compare slot: A's value and the change to B ("" with nothing pinned); `show`
    is `amount` (a quantity) or `count`."""
    if a is None:
        return ""
    x = a[key]
    shown = show(ds, key, x) + suffix if math.isfinite(x) else "not available"
    units = ds[key].attrs["units"] if show is amount else None
    return theme.compare_html(shown, theme.change_text(x, v[key], units))


def city_key(per: str) -> str:
    """The output that counts the city on a basis: per person or per household."""
    return "city_people" if per == "person" else "city_households"


def city_words(ds: xr.Dataset, v: Values, per: str) -> tuple[str, str]:
    """The city as the basis counts it, and the other count."""
    main, other = city_key(per), city_key("household" if per == "person" else "person")
    return count(ds, main, v[main]), f"≈ {count(ds, other, v[other])}"


def city_compare(
    ds: xr.Dataset, v: Values, a: Values | None, per: str, same_basis: bool = True
) -> str:
    """A's city in B's unit (every result counts both people and households)."""
    if a is None:
        return ""
    key = city_key(per)
    shown = count(ds, key, a[key]) + ("" if same_basis else " (on A's own basis)")
    return theme.compare_html(shown, theme.change_text(a[key], v[key]))


def strip(ds: xr.Dataset, v: Values, city: str, precision: str, pinned: bool) -> str:
    """The headlines again, fixed on narrow screens; while A is pinned, they are B's."""
    peak = v["peak_flops"]
    b = " (B)" if pinned else ""
    return theme.strip_html(
        [
            ("explorer-strip-city", f"City{b}", city),
            (
                "explorer-strip-cooling",
                f"Cooling{b}",
                amount(ds, "cooling_power", v["cooling_power"]),
            ),
            (
                "explorer-strip-flops",
                f"FLOPS ({precision}){b}",
                "n/a" if math.isnan(peak) else amount(ds, "peak_flops", peak),
            ),
        ]
    )


def headline_cards(
    ds: xr.Dataset,
    v: Values,
    a: Values | None,
    *,
    per: str,
    same_basis: bool,
    chip: str,
    site: str,
    fill: bool,
    precision: str,
    ranges: Mapping[str, str],
    precision_key: str,
) -> dict[str, str]:
    """The Advanced screen's cards: ``city``, ``cooling``, ``flops`` and ``details`` (IT power
    and PUE, chips, per year), for the result `ds` (one precision) and its values `v`.

    `precision` is the precision's label and `precision_key` its name (``"fp8"``), whose MFU
    the FLOPS card states (`notes.mfu_basis`); `ranges` each card's range text ("" when
    hidden)."""
    pinned = a is not None
    q = lambda name, key=None: amount(ds, name, v[key or name])  # noqa: E731
    main, other = city_words(ds, v, per)
    out = {
        "city": theme.card(
            b_title("A city's electricity", pinned),
            main,
            f"{other}. {html.escape(notes.city_basis(ds))}",
            range_text=ranges["city"],
            compare=city_compare(ds, v, a, per, same_basis),
        ),
        "cooling": theme.card(
            b_title("Cooling load", pinned),
            q("cooling_power"),
            f"{fmt.percent(v['cooling_fraction'])} of site power; "
            f"removes {q('heat_removed')} of heat from the halls "
            f"(= {count(ds, 'heat_removed_tons', v['heat_removed_tons'])}; "
            f"implied chiller COP {fmt.number(v['cooling_cop'])}); "
            f"{q('heat_rejected')} of heat leaves the site (everything it draws)",
            range_text=ranges["cooling"],
            compare=compare(ds, v, a, "cooling_power"),
        ),
    }
    label = html.escape(catalog.label("chips", chip))
    title = b_title(f"Cluster FLOPS ({precision})", pinned)
    if math.isnan(v["peak_flops"]):
        out["flops"] = theme.card(
            title,
            "not available",
            f"{label} has no {precision} mode in the catalog",
            compare=compare(ds, v, a, "peak_flops"),
        )
    else:
        out["flops"] = theme.card(
            title,
            f"{q('peak_flops')} peak",
            f"{q('effective_flops')} effective "
            f"{html.escape(notes.mfu_basis(chip, precision_key, v['mfu'], precision))}; "
            f"HBM {q('hbm_capacity')}",
            range_text=ranges["flops"],
            compare=compare(ds, v, a, "peak_flops", " peak"),
        )
    deployed = "fill the site" if fill else f"{count(ds, 'chips', v['chips'])} deployed"
    site_label = html.escape(catalog.label("sites", site))
    out["details"] = (
        theme.card(
            b_title("IT power and PUE", pinned),
            q("it_power"),
            f"PUE {v['pue']:.2f} (site ÷ IT); other losses {q('overhead_power')}",
            range_text=ranges["it"],
            compare=compare(ds, v, a, "it_power"),
        )
        + theme.card(
            b_title("Chips", pinned),
            f"{count(ds, 'chips_supported', v['chips_supported'])} supported",
            f"{label} at {q('chip_power')} each (all-in); {deployed}; "
            f"headroom {q('power_headroom')}",
            range_text=ranges["chips"],
            compare=compare(ds, v, a, "chips_supported", " supported", count),
        )
        + theme.card(
            b_title("Per year", pinned),
            q("annual_energy"),
            f"cost {q('annual_cost')} · CO₂ {q('annual_co2')} · water {q('annual_water')} "
            f"(prices, grid and water of the {site_label} preset)",
            range_text=ranges["energy"],
            compare=compare(ds, v, a, "annual_energy"),
        )
    )
    return out


def compare_note(ds: xr.Dataset, a: Values | None, custom: bool, site: str, chip: str) -> str:
    """The line that says what is compared ("" with nothing pinned): A's preset, power, chip."""
    if a is None:
        return ""
    what = "custom, from the " if custom else ""
    return (
        "<div style='font-size:0.85em;border-left:3px dashed #000;padding-left:6px'>"
        f"<b>Comparing.</b> A (pinned): {html.escape(what)}"
        f"{html.escape(catalog.label('sites', site))} preset, "
        f"{html.escape(amount(ds, 'site_power', a['site_power']))}, "
        f"{html.escape(catalog.label('chips', chip))}. "
        "B: the controls. Each card shows B, then A and the change from A to B; "
        "the charts draw A as outlined bars or a diamond.</div>"
    )
