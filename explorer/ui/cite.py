"""What a chart's downloads and its Sources tab say: the numbers as CSV, their metadata, where
they come from, how to cite the scenario and how to embed it.

Pure functions (no widgets): the app's chart cards and any script give the same answers. The
numbers are written by `explorer.export` (the CLI's writer); the sources are the catalog
entries behind the scenario's inputs, chips and city basis (`explorer.catalog`).

A scenario link comes from a browser, so it is untrusted: `safe_link` accepts only an http(s)
URL or a relative link of the app's own route (``?site_power=600`` or ``/voila/render/...``), and
`embed_snippet` escapes what it puts into HTML.
"""

from __future__ import annotations

import datetime as _dt
import html
import io
import math
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

import numpy as np
import xarray as xr

from .. import catalog, fmt, model
from ..catalog import DEFAULT_SITE
from ..errors import InputError
from ..export import write_csv

PROJECT = "AI Datacenter Explorer"
MAX_LINK = 4000  # characters: a scenario link is a few hundred; browsers cut URLs near 8 k
_SAFE_SCHEMES = ("http", "https")
# inputs the site preset or the catalog's [defaults] give a value for (the others are optional)
_CHIP_FIELDS_GIVEN = {"tdp": "chip_tdp", "server_overhead": "server_overhead"}


# ------------------------------------------------------------------------------ numbers
def chart_csv(ds: xr.Dataset) -> str:
    """A chart's numbers as CSV text: the dimensions first, then ``name [units]`` columns.

    The same table as ``explorer compute --csv`` writes (`explorer.export.write_csv`): floats are
    the shortest text that reads back to the same number, so the CSV round-trips exactly.

    Parameters
    ----------
    ds : xarray.Dataset
        The values a chart shows (a result of `explorer.compute` or a part of one).

    Returns
    -------
    str
        CSV with a header row and one row per point.

    Examples
    --------
    >>> import explorer
    >>> ds = explorer.compute(site_power=[100, 300], cooling_fraction=0.25)
    >>> print(chart_csv(ds[["cooling_power"]]))
    site_power,cooling_power [MW],chip [],basis []
    100.0,25.0,h100,us-household
    300.0,75.0,h100,us-household
    <BLANKLINE>
    """
    buf = io.StringIO()
    write_csv(ds, buf)
    return buf.getvalue()


def variables(ds: xr.Dataset) -> dict[str, dict[str, str]]:
    """Each variable's and coordinate's ``units`` and ``long_name`` (empty when it has none).

    Examples
    --------
    >>> import explorer
    >>> variables(explorer.compute()[["it_power"]])["it_power"]
    {'units': 'MW', 'long_name': 'IT power the powered chips draw'}
    """
    out: dict[str, dict[str, str]] = {}
    for name in [*ds.coords, *ds.data_vars]:
        attrs = ds[name].attrs
        out[str(name)] = {
            "units": str(attrs.get("units", "")),
            "long_name": str(attrs.get("long_name", "")),
        }
    return out


# ------------------------------------------------------------------------------ sources
def scenario_sources(inputs: Mapping[str, Any], ds: xr.Dataset | None = None) -> list[dict]:
    """The catalog figures behind a scenario's values, each with the input it feeds.

    An input takes its catalog source when it has the value its site preset or the catalog's
    defaults give (a moved slider has none: see `inputs_set`). The accelerators are those of
    `ds` (its ``chip`` coordinate: a chart across chips cites each) or of the inputs, likewise
    the city basis; the two conventions (hours per year, persons per household) are always used.

    Parameters
    ----------
    inputs : mapping
        `explorer.compute` keyword arguments (``site`` included when not the default).
    ds : xarray.Dataset, optional
        The values shown, for their ``chip``, ``basis`` and ``model`` coordinates.

    Returns
    -------
    list of dict
        `explorer.catalog.Entry.as_dict` fields plus ``input`` (what the figure feeds), each
        catalog key once, in the order: inputs, accelerators, basis, conventions, training.

    Examples
    --------
    >>> rows = scenario_sources({"site": "rainier-mississippi"})
    >>> [(r["input"], r["key"]) for r in rows][:2]
    [('site_power', 'sites.rainier-mississippi.site_power'), ('cooling_fraction', \
'sites.rainier-mississippi.cooling_fraction')]
    >>> rows = scenario_sources({"site_power": 123.0})   # a moved slider has no source
    >>> "site_power" in [r["input"] for r in rows]
    False
    """
    site = _site(inputs)
    given = {k: v for k, v in inputs.items() if v is not None}
    rows: list[tuple[str, catalog.Entry]] = []
    set_here = set(inputs_set(inputs))
    keys = catalog.site_input_keys(site)
    for name in _SOURCED_INPUTS:
        if name in set_here:
            continue
        if name == "cooling_fraction" and "pue" in given:
            continue
        if name == "pue" and "pue" not in given:
            continue
        key = _input_key(name, keys)
        if key is not None:
            via_pue = name == "cooling_fraction" and key.endswith(".pue")
            rows.append((f"{name} (from the PUE)" if via_pue else name, catalog.entry(key)))
    chips = _names(ds, "chip", given.get("chip", catalog.raw()["sites"][site]["chip"]))
    for chip in chips:
        for e in catalog.entries_under(f"chips.{chip}"):
            field = e.key.rsplit(".", 1)[1]
            if _CHIP_FIELDS_GIVEN.get(field) in given:
                continue
            rows.append((f"chip {chip}", e))
    bases = _names(ds, "basis", given.get("basis", catalog.raw()["sites"][site]["basis"]))
    for basis in bases:
        name = catalog.check_name("basis", basis, "bases")
        rows.append(("basis", catalog.entry(f"bases.{name}.value")))
    for key in ("conventions.hours_per_year", "conventions.persons_per_household"):
        rows.append(("conventions", catalog.entry(key)))
    rows += _training_sources(given, ds, chips)
    seen: set[str] = set()
    out = []
    for used_for, e in rows:
        if e.key in seen:
            continue
        seen.add(e.key)
        out.append({**e.as_dict(), "input": used_for})
    return out


def inputs_set(inputs: Mapping[str, Any]) -> dict[str, Any]:
    """The numeric inputs whose values are the scenario's own, not its preset's or the catalog's.

    Examples
    --------
    >>> inputs_set({"site": "generic", "site_power": 300.0, "mfu": 0.5})
    {'mfu': 0.5}
    >>> inputs_set({"pue": 1.3, "chips": 1000})
    {'pue': 1.3, 'chips': 1000}
    """
    site = _site(inputs)
    preset = model.preset_inputs(site)
    keys = catalog.site_input_keys(site)
    out = {}
    for name, value in inputs.items():
        if name not in model.INPUTS or value is None:
            continue
        if name == "pue" and "pue" in keys and _same(value, catalog.entry(keys["pue"]).value):
            continue
        if name not in preset or not _same(value, preset[name]):
            out[name] = value
    return out


def conflicts(sources: list[dict]) -> list[dict]:
    """The recorded disagreements (catalog ``[[conflicts]]``) about the given sources' figures.

    Examples
    --------
    >>> rows = scenario_sources({"site": "rainier-mississippi", "chip": "trn2"})
    >>> [c["key"] for c in conflicts(rows)][:2]
    ['sites.rainier-mississippi.cooling_fraction', 'chips.trn2.fp8_sparse']
    """
    out = []
    for s in sources:
        for c in catalog.conflicts(s["key"]):
            if c["key"] == s["key"]:
                out.append(
                    {
                        "key": c["key"],
                        "value": c["value"],
                        "unit": c.get("unit", ""),
                        "source": c["source_title"],
                        "url": c["url"],
                        "note": c.get("note", ""),
                    }
                )
    return out


def chart_metadata(
    ds: xr.Dataset,
    inputs: Mapping[str, Any],
    link: str,
    *,
    title: str = "",
    accessed: _dt.date | None = None,
) -> dict[str, Any]:
    """What a chart's CSV means, as JSON-ready data.

    Parameters
    ----------
    ds : xarray.Dataset
        The values the chart shows (what `chart_csv` writes).
    inputs : mapping
        The scenario's `explorer.compute` keyword arguments.
    link : str
        The scenario's link (untrusted: checked by `safe_link`).
    title : str, optional
        The chart's title.
    accessed : datetime.date, optional
        The day of the download (default: today, UTC).

    Returns
    -------
    dict
        ``title``, ``variables`` (units and long names), ``attrs`` (the Dataset's), ``inputs``,
        ``inputs_set`` (the scenario's own values, without a catalog source), ``sources``,
        ``conflicts``, ``link``, ``project``, ``version``, ``catalog_date`` (the newest date
        among the sources: the values are as of then), ``accessed`` and ``citation``.

    Examples
    --------
    >>> import datetime, explorer
    >>> ds = explorer.compute(site="rainier-mississippi")[["it_power"]]
    >>> m = chart_metadata(ds, {"site": "rainier-mississippi"}, "?site=rainier-mississippi",
    ...                    accessed=datetime.date(2026, 12, 1))
    >>> m["variables"]["it_power"]["units"], m["version"], m["catalog_date"]
    ('MW', '0.1.0', '2025')
    """
    from .. import __version__

    link = safe_link(link)
    day = accessed or _today()
    sources = scenario_sources(inputs, ds)
    return {
        "title": title,
        "project": PROJECT,
        "version": __version__,
        "variables": variables(ds),
        "attrs": _jsonable(dict(ds.attrs)),
        "inputs": _jsonable(dict(inputs)),
        "inputs_set": _jsonable(inputs_set(inputs)),
        "sources": sources,
        "conflicts": conflicts(sources),
        "catalog_date": max((s["date"] for s in sources if s["date"]), default=""),
        "link": link,
        "accessed": day.isoformat(),
        "citation": citation(inputs, link, accessed=day),
    }


# ------------------------------------------------------------------------------ citation
def scenario_words(inputs: Mapping[str, Any]) -> str:
    """The scenario in a sentence: preset, site power, accelerator, chips, cooling, MFU, basis.

    Examples
    --------
    >>> scenario_words({"site": "rainier-mississippi", "site_power": 300, "cooling_fraction": 0.4})
    'AWS Rainier Mississippi (Canton, MS) preset: 300 MW site, AWS Trainium2, the site \
filled with chips, cooling 40 % of site power, MFU 40 %, city basis US average household \
(residential)'
    """
    site = _site(inputs)
    given = {k: v for k, v in inputs.items() if v is not None}
    preset = {**model.preset_inputs(site), **given}
    parts = [f"{fmt.quantity(float(preset['site_power']), 'MW')} site"]
    parts.append(catalog.label("chips", str(preset["chip"])))
    chips = given.get("chips")
    parts.append(
        "the site filled with chips" if chips is None else f"{fmt.number(float(chips))} chips"
    )
    if "pue" in given:
        parts.append(f"PUE {float(given['pue']):g}")
    else:
        parts.append(f"cooling {fmt.percent(float(preset['cooling_fraction']))} of site power")
    parts.append(f"MFU {fmt.percent(float(preset['mfu']))}")
    parts.append(f"city basis {catalog.label('bases', str(preset['basis']))}")
    if "model" in given:
        parts.append(f"training {catalog.label('models', str(given['model']))}")
    return f"{catalog.label('sites', site)} preset: " + ", ".join(parts)


def citation(inputs: Mapping[str, Any], link: str, accessed: _dt.date | None = None) -> str:
    """"Cite this scenario": APA-style software citation with the scenario in words and its link.

    Parameters
    ----------
    inputs : mapping
        The scenario's `explorer.compute` keyword arguments.
    link : str
        The scenario's link (untrusted: checked by `safe_link`).
    accessed : datetime.date, optional
        The day it was retrieved (default: today, UTC); its year is the citation's year.

    Examples
    --------
    >>> import datetime
    >>> print(citation({"site": "xai-colossus"}, "https://example.org/?site=xai-colossus",
    ...                accessed=datetime.date(2026, 12, 1)))
    AI Datacenter Explorer (Version 0.1.0) [Computer software]. (2026). Scenario: xAI Colossus \
(Memphis, TN), phase 1 preset: 150 MW site, NVIDIA H100 SXM, the site filled with chips, cooling \
12.3 % of site power, MFU 40 %, city basis US average household (residential). Retrieved \
December 1, 2026, from https://example.org/?site=xai-colossus
    """
    from .. import __version__

    link = safe_link(link)
    day = accessed or _today()
    words = scenario_words(inputs)
    when = f"{day:%B} {day.day}, {day.year}"
    return (
        f"{PROJECT} (Version {__version__}) [Computer software]. ({day.year}). "
        f"Scenario: {words}. Retrieved {when}, from {link}"
    )


# ------------------------------------------------------------------------------ links
def safe_link(link: str) -> str:
    """`link` if it is an http(s) URL or a relative link of the app's route, else InputError.

    Relative means a query (``?site_power=600``) or a path on the same host (``/voila/...``;
    not ``//host``, which is another host). No whitespace, control characters or backslashes
    (browsers strip or reinterpret them), at most `MAX_LINK` characters. The link is returned
    unchanged: escape it for the place it goes into (`embed_snippet` does).

    Examples
    --------
    >>> safe_link("https://example.org/?chip=h100")
    'https://example.org/?chip=h100'
    >>> safe_link("?site_power=600")
    '?site_power=600'
    >>> safe_link("javascript:alert(1)")
    Traceback (most recent call last):
    ...
    explorer.errors.InputError: link = 'javascript:alert(1)' is not an allowed link; allowed: an \
http(s) URL or a link of the app's own route (?... or /...).
    """
    allowed = "an http(s) URL or a link of the app's own route (?... or /...)"
    if not isinstance(link, str) or not link:
        raise InputError("link", link, allowed, "is not an allowed link")
    shown = link if len(link) <= 60 else link[:57] + "..."
    if len(link) > MAX_LINK:
        raise InputError("link", shown, f"at most {MAX_LINK} characters", "is too long")
    if any(c.isspace() or ord(c) < 32 or 127 <= ord(c) < 160 or c == "\\" for c in link):
        raise InputError("link", shown, allowed, "is not an allowed link")
    try:
        parts = urlsplit(link)
    except ValueError as err:
        raise InputError("link", shown, allowed, "is not an allowed link") from err
    if parts.scheme:
        if parts.scheme.lower() not in _SAFE_SCHEMES or not parts.netloc:
            raise InputError("link", shown, allowed, "is not an allowed link")
        return link
    if link.startswith("?") or (link.startswith("/") and not link.startswith("//")):
        return link
    raise InputError("link", shown, allowed, "is not an allowed link")


def embed_snippet(link: str, title: str) -> str:
    """HTML to embed the scenario in another page: an ``<iframe>`` of its link.

    Both `link` (checked by `safe_link`) and `title` are escaped for an HTML attribute. The
    sandbox lets the app run, save its downloads and open its sources in a new tab (popups leave
    the sandbox, so a source's own page works normally); "Copy link" may use the clipboard.

    Examples
    --------
    >>> print(embed_snippet("https://example.org/?chip=h100&mfu=0.5", 'A "what if"'))
    <iframe src="https://example.org/?chip=h100&amp;mfu=0.5" title="A &quot;what if&quot;" \
width="100%" height="900" style="border:0" loading="lazy" \
sandbox="allow-scripts allow-same-origin allow-downloads allow-popups \
allow-popups-to-escape-sandbox" allow="clipboard-write"></iframe>
    """
    src = html.escape(safe_link(link), quote=True)
    name = html.escape(str(title), quote=True)
    return (
        f'<iframe src="{src}" title="{name}" width="100%" height="900" style="border:0" '
        'loading="lazy" sandbox="allow-scripts allow-same-origin allow-downloads allow-popups '
        'allow-popups-to-escape-sandbox" allow="clipboard-write"></iframe>'
    )


# ------------------------------------------------------------------------------ helpers
_SOURCED_INPUTS = tuple(k for k in model.INPUTS if k not in model.TRAINING_INPUTS)


def _site(inputs: Mapping[str, Any]) -> str:
    site = inputs.get("site") or DEFAULT_SITE
    return catalog.check_name("site", site, "sites")


def _input_key(name: str, keys: Mapping[str, str]) -> str | None:
    """The catalog key an input's preset or default value comes from (None: no default)."""
    if name == "cooling_fraction" and "pue" in keys:
        return keys["pue"]  # the preset's PUE sets the cooling share
    if name in keys:
        return keys[name]
    if name in model.OPTIONAL:
        return None
    key = f"defaults.{name}"
    try:
        catalog.entry(key)
    except KeyError:
        return None
    return key


def _names(ds: xr.Dataset | None, coord: str, fallback: Any) -> list[str]:
    if ds is not None and coord in ds.coords:
        values = np.atleast_1d(ds[coord].values).tolist()
    else:
        values = fallback if isinstance(fallback, list | tuple) else [fallback]
    return [str(v) for v in dict.fromkeys(values)]


def _training_sources(
    given: Mapping[str, Any], ds: xr.Dataset | None, chips: list[str]
) -> list[tuple[str, catalog.Entry]]:
    if "model" not in given and not (ds is not None and "model" in ds.coords):
        return []
    rows: list[tuple[str, catalog.Entry]] = []
    for name in _names(ds, "model", given.get("model")):
        rows += [("model", e) for e in catalog.entries_under(f"models.{name}")]
    for name, key in (
        ("checkpoint_minutes", "reliability.checkpoint_time"),
        ("restart_minutes", "reliability.restart_time"),
    ):
        if name not in given:
            rows.append((name, catalog.entry(key)))
    if "interruption_rate" not in given:
        own = catalog.raw()["reliability"].get("chips", {})
        for chip in chips:
            key = f"reliability.chips.{chip}" if chip in own else "reliability.interruption_rate"
            rows.append(("interruption_rate", catalog.entry(key)))
    return rows


def _same(a: Any, b: Any) -> bool:
    try:
        x, y = float(a), float(b)
    except (TypeError, ValueError):
        return False
    return math.isclose(x, y, rel_tol=1e-9, abs_tol=1e-12)


def _jsonable(x: Any) -> Any:
    if isinstance(x, Mapping):
        return {str(k): _jsonable(v) for k, v in x.items()}
    if isinstance(x, list | tuple | np.ndarray):
        return (
            [_jsonable(v) for v in np.asarray(x).tolist()]
            if isinstance(x, np.ndarray)
            else [_jsonable(v) for v in x]
        )
    if isinstance(x, np.generic):
        x = x.item()
    if isinstance(x, float) and not math.isfinite(x):
        return None
    return x


def _today() -> _dt.date:
    return _dt.datetime.now(_dt.UTC).date()
