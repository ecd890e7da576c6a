"""A chart with its numbers and sources: Chart / Data / Sources tabs and the download buttons.

`ChartCard(chart)` wraps any chart object with ``name``, ``title``, ``figure`` (a bqplot Figure)
and ``data()`` (the xarray Dataset it last drew). Its buttons give the numbers as CSV, their
metadata as JSON (`explorer.ui.cite`), the figure as PNG (bqplot's own ``Figure.save_png``: the
browser renders it) and the citation (they open the Sources tab).

Speed: the app calls `ChartCard.refresh` after every change. While the Chart tab is showing,
that only remembers the scenario: the Data table and the Sources are built when their tab is
opened (or refreshed while it is open), and files only on a click.
"""

from __future__ import annotations

import csv
import html
import io
import json
import logging
from collections.abc import Callable, Mapping
from typing import Any, Protocol
from urllib.parse import urlsplit, urlunsplit

import ipywidgets as w
import xarray as xr

from .. import fmt
from ..errors import InputError
from . import cite
from .download import CopyText, Downloads, safe_filename

TABS = ("Chart", "Data", "Sources")
CHART, DATA, SOURCES = range(3)
BUTTONS = ("CSV", "Metadata (JSON)", "PNG", "Cite")
MAX_ROWS = 200  # rows shown in the Data tab; the CSV has them all
PLAIN_ERROR = "That did not work; the last valid view is kept."
_log = logging.getLogger(__name__)
_SCROLL = "style='overflow:auto;max-height:420px' tabindex='0' role='region'"


class Chart(Protocol):
    """What a card needs from a chart."""

    name: str
    title: str
    figure: Any  # bqplot.Figure

    def data(self) -> xr.Dataset: ...


class ChartCard:
    """One chart in Chart / Data / Sources tabs, with CSV, metadata, PNG and citation buttons.

    Parameters
    ----------
    chart : Chart
        The chart to wrap (its figure becomes the Chart tab).
    inputs : mapping, optional
        The scenario's `explorer.compute` keyword arguments (until the first `refresh`).
    link : str, optional
        The scenario's link: a query (``?site_power=600``), a path or an http(s) URL.
    before : callable, optional
        Called before a button or tab does anything: the app draws a chart that waits for a
        burst of slider steps to pause, so a file is never one step behind the chart.
    """

    def __init__(
        self,
        chart: Chart,
        inputs: Mapping[str, Any] | None = None,
        link: str = "?",
        before: Callable[[], None] | None = None,
    ) -> None:
        self.chart = chart
        self._before = before
        self._inputs: dict[str, Any] = dict(inputs or {})
        self._link = link
        self._version = 0  # scenarios seen; a tab shows the version it was built for
        self._drawn = {DATA: -1, SOURCES: -1}
        self.builds = {DATA: 0, SOURCES: 0}  # how often each tab was built (tests, benchmarks)
        self.data_html = w.HTML()
        self.data_html.add_class("explorer-card-data")
        self.sources_html = w.HTML()
        self.sources_html.add_class("explorer-card-sources")
        self._copies: tuple[CopyText, CopyText] | None = None  # made when Sources is drawn
        self._sources_box = w.VBox([self.sources_html])
        self.tabs = w.Tab(
            children=[chart.figure, self.data_html, self._sources_box],
            titles=TABS,
            selected_index=CHART,
            layout=w.Layout(width="100%"),
        )
        self.downloads = Downloads(buttons=list(BUTTONS), context=chart.title)
        self.status = w.HTML()
        # as wide as the figure was on its own: the whole row on a phone, 560 px at most
        self.widget = w.VBox(
            [self.tabs, self.downloads, self.status],
            layout=w.Layout(width="100%", max_width="560px"),
        )
        self.widget.add_class("explorer-card")
        self.widget.add_class(f"explorer-card-{safe_filename(chart.name)}")
        handlers: dict[str, Callable[[], None]] = {
            "CSV": self.download_csv,
            "Metadata (JSON)": self.download_metadata,
            "PNG": self.download_png,
            "Cite": self.show_citation,
        }
        for label, handler in handlers.items():
            self.downloads.on_click(label, self._guard(handler))
        self.tabs.observe(self._guard(lambda _change: self._draw_open_tab()), "selected_index")
        self.downloads.observe(
            self._guard(lambda _change: self._on_page()), "page"
        )  # the browser told its address: the absolute link changes

    # ------------------------------------------------------------------ the app's side
    def refresh(self, inputs: Mapping[str, Any], link: str) -> None:
        """Remember the scenario the chart now shows; redraw only an open Data/Sources tab."""
        self._inputs = dict(inputs)
        self._link = link
        self._version += 1
        if self.downloads.context != self.chart.title:  # e.g. "… people" → "… households"
            self.downloads.context = self.chart.title
        self._draw_open_tab()

    @property
    def link(self) -> str:
        """The scenario's link, absolute when the browser has reported the page's address."""
        link = self._link
        if urlsplit(link).scheme:
            return link
        page = self._page()
        if not page:
            return link
        if link.startswith("?"):
            return page + link
        parts = urlsplit(page)
        return urlunsplit((parts.scheme, parts.netloc, "", "", "")) + link

    # ------------------------------------------------------------------ buttons
    def download_csv(self) -> None:
        """Send the chart's numbers as CSV."""
        text = cite.chart_csv(self.chart.data())
        self.downloads.deliver(text, safe_filename(self.chart.name, ".csv"), "text/csv")
        self.status.value = ""

    def download_metadata(self) -> None:
        """Send the metadata JSON: units, inputs, sources, link, version, citation."""
        meta = cite.chart_metadata(
            self.chart.data(), self._inputs, self.link, title=self.chart.title
        )
        text = json.dumps(meta, indent=1, ensure_ascii=False, allow_nan=False)
        self.downloads.deliver(text, safe_filename(self.chart.name, ".json"), "application/json")
        self.status.value = ""

    def download_png(self) -> None:
        """Have the browser save the figure as PNG (the Chart tab is shown first: a hidden
        figure has no size to render)."""
        self.tabs.selected_index = CHART
        self.chart.figure.save_png(safe_filename(self.chart.name, ".png"))
        self.status.value = ""

    def show_citation(self) -> None:
        """Open the Sources tab, with the citation and the embed snippet."""
        self.tabs.selected_index = SOURCES
        self._draw_open_tab()

    # ------------------------------------------------------------------ tabs
    @property
    def citation(self) -> CopyText:
        """The Sources tab's citation (made the first time it is needed: a closed tab costs
        the page no models)."""
        return self._copy_texts()[0]

    @property
    def embed(self) -> CopyText:
        """The Sources tab's embed snippet (made with the citation)."""
        return self._copy_texts()[1]

    def _copy_texts(self) -> tuple[CopyText, CopyText]:
        if self._copies is None:
            self._copies = (
                CopyText(label="Cite this scenario"),
                CopyText(label="Embed this scenario in a web page (HTML)"),
            )
            self._sources_box.children = (self.sources_html, *self._copies)
        return self._copies

    def _draw_open_tab(self) -> None:
        tab = self.tabs.selected_index
        if tab not in self._drawn or self._drawn[tab] == self._version:
            return
        if tab == DATA:
            self.data_html.value = data_table(self.chart.data(), self.chart.title)
        else:
            self._draw_sources()
        self._drawn[tab] = self._version
        self.builds[tab] += 1

    def _draw_sources(self) -> None:
        ds = self.chart.data()
        rows = cite.scenario_sources(self._inputs, ds)
        self.sources_html.value = sources_table(
            rows, cite.conflicts(rows), cite.inputs_set(self._inputs)
        )
        try:
            link = cite.safe_link(self.link)
        except InputError as err:
            self.citation.value = self.embed.value = ""
            self.status.value = _error_html(str(err))
            return
        self.citation.value = cite.citation(self._inputs, link)
        self.embed.value = cite.embed_snippet(link, f"{cite.PROJECT}: {self.chart.title}")
        self.status.value = ""

    def _on_page(self) -> None:
        self._drawn[SOURCES] = -1  # the links change
        self._draw_open_tab()

    def _page(self) -> str:
        """The page's address from the browser, if it is an http(s) URL (query dropped)."""
        page = self.downloads.page
        try:
            cite.safe_link(page)
        except InputError:
            return ""
        parts = urlsplit(page)
        if parts.scheme.lower() not in ("http", "https"):
            return ""
        return urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))

    def _guard(self, fn: Callable[..., None]) -> Callable[..., None]:
        """A failure shows one plain line and keeps the last view (never a traceback)."""

        def run(*args: Any) -> None:
            try:
                if self._before is not None:
                    self._before()
                fn(*args)
            except InputError as err:
                self.status.value = _error_html(str(err))
            except Exception:  # the page shows a plain line, the server log the rest
                _log.exception("chart card %s", self.chart.name)
                self.status.value = _error_html(PLAIN_ERROR)

        return run


# ------------------------------------------------------------------------------ html
def data_table(ds: xr.Dataset, title: str, max_rows: int = MAX_ROWS) -> str:
    """The chart's numbers as an HTML table: the CSV's rows, names, long names and units.

    Numbers are shown to four significant digits; the CSV has every digit.
    """
    reader = csv.reader(io.StringIO(cite.chart_csv(ds)))
    header = next(reader)
    rows = [row for _, row in zip(range(max_rows + 1), reader, strict=False)]
    total = 1
    for d in ds.dims:
        total *= int(ds.sizes[d])
    head = "".join(_header_cell(ds, column) for column in header)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(_cell(v))}</td>" for v in row) + "</tr>"
        for row in rows[:max_rows]
    )
    more = (
        f"<p style='font-size:0.8em'>The first {max_rows:,} of {total:,} rows; "
        "the CSV has them all.</p>"
        if total > max_rows
        else ""
    )
    return (
        # a scrolled region: Tab reaches it so the arrow keys scroll it (WCAG 2.1.1)
        f"<div {_SCROLL} aria-label='The numbers behind “{html.escape(title, quote=True)}”'>"
        "<table class='explorer-data-table' style='font-size:0.8em;line-height:1.3'>"
        f"<caption style='text-align:left'>The numbers behind “{html.escape(title)}”</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>{more}"
    )


def sources_table(sources: list[dict], conflicts: list[dict], own: Mapping[str, Any]) -> str:
    """The catalog figures behind the values shown, the disagreements, and the values the
    scenario sets itself."""
    rows = []
    for s in sources:
        rows.append(
            f"<tr><td>{html.escape(s['input'])}</td><td>{html.escape(s['key'])}</td>"
            f"<td>{s['value']:g}{html.escape(_unit(s['unit']))}</td>"
            f"<td>{_ref(s['source'], s['url'])}</td><td>{html.escape(s['date'])}</td>"
            f"<td>{html.escape(s['confidence'])}</td>"
            f"<td>{html.escape(s['note'])}</td></tr>"
        )
    head = (
        "<tr><th scope='col'>used for</th><th scope='col'>figure</th><th scope='col'>value</th>"
        "<th scope='col'>source</th><th scope='col'>date</th><th scope='col'>confidence</th>"
        "<th scope='col'>note</th></tr>"
    )
    parts = [
        f"<div {_SCROLL} aria-label='Where the values shown come from'>"
        "<table class='explorer-sources-table' style='font-size:0.8em;line-height:1.3'>"
        "<caption style='text-align:left'>Where the values shown come from (catalog)</caption>"
        f"<thead>{head}</thead><tbody>{''.join(rows)}</tbody></table></div>"
    ]
    if own:
        items = "".join(
            f"<li>{html.escape(k)} = {html.escape(_given(v))} (set in this scenario)</li>"
            for k, v in own.items()
        )
        parts.append(f"<p style='font-size:0.85em'>Not from the catalog:</p><ul>{items}</ul>")
    if conflicts:
        items = "".join(
            f"<li>{html.escape(c['key'])}: {html.escape(c['note'])} "
            f"({_ref(c['source'], c['url'])})</li>"
            for c in conflicts
        )
        parts.append(f"<p style='font-size:0.85em'>Sources disagree:</p><ul>{items}</ul>")
    return "".join(parts)


def _header_cell(ds: xr.Dataset, column: str) -> str:
    name = column.partition(" [")[0]
    attrs = ds[name].attrs if name in ds.variables else {}
    units, long_name = str(attrs.get("units", "")), str(attrs.get("long_name", ""))
    shown = f" [{units}]" if units and units != "1" else ""
    title = f" title='{html.escape(long_name, quote=True)}'" if long_name else ""
    return f"<th scope='col'{title}>{html.escape(name)}{html.escape(shown)}</th>"


def _unit(unit: str) -> str:
    return "" if unit in ("", "1", "dimensionless") else " " + unit


def _cell(text: str) -> str:
    if text == "":
        return "n/a"
    try:
        x = float(text)
    except ValueError:
        return text
    return fmt.number(x, 4)


def _ref(title: str, url: str) -> str:
    text = html.escape(title)
    if url.lower().startswith(("https://", "http://")):  # never javascript: or data:
        return (
            f"<a href='{html.escape(url, quote=True)}' target='_blank' "
            f"rel='noopener noreferrer'>{text}</a>"
        )
    return text


def _given(value: Any) -> str:
    return fmt.number(float(value)) if isinstance(value, int | float) else str(value)


def _error_html(text: str) -> str:
    return f"<span role='alert'>⚠ {html.escape(text)}</span>"
