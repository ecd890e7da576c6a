"""The chart card without a browser: a fake chart, its tabs, its downloads, and how lazy it is."""

from __future__ import annotations

import csv
import io
import json
from html.parser import HTMLParser

import bqplot as bq
import ipywidgets as w
import pytest

import explorer
from explorer.errors import InputError
from explorer.ui.card import DATA, SOURCES, ChartCard, data_table
from explorer.ui.download import Downloads, safe_filename

SHOWN = ["it_power", "cooling_power", "overhead_power"]


class FakeChart:
    """What the app's charts give a card: name, title, figure, data()."""

    def __init__(self, name="power", title="Where the site's power goes"):
        self.name, self.title = name, title
        self.figure = bq.Figure()
        self.pngs: list[str] = []
        self.figure.save_png = lambda filename="bqplot.png", scale=None: self.pngs.append(filename)
        self.update({"site_power": 300.0, "cooling_fraction": 0.25})

    def update(self, inputs):
        self.inputs = inputs
        self.ds = explorer.compute(**inputs)[SHOWN]

    def data(self):
        return self.ds


class Sent:
    """Every message the card's widgets send to the browser."""

    def __init__(self, monkeypatch):
        self.messages: list[tuple[dict, list]] = []
        monkeypatch.setattr(
            w.Widget,
            "_send",
            lambda widget, msg, buffers=None: self.messages.append((msg, buffers)),
        )

    def files(self):
        return [
            (m["content"]["data"]["content"], b)
            for m, b in self.messages
            if m.get("method") == "custom"
        ]


@pytest.fixture
def chart():
    return FakeChart()


@pytest.fixture
def card(chart):
    c = ChartCard(chart, chart.inputs, "?site_power=300&cooling_fraction=0.25")
    return c


def step(card, chart, **inputs):
    """What the app does on a slider step: the chart redraws, then the card is told."""
    chart.update(inputs)
    card.refresh(inputs, "?" + "&".join(f"{k}={v:g}" for k, v in inputs.items()))


def delivered(card, monkeypatch, button):
    """Click a button; the (content, bytes) the kernel sent to the browser."""
    sent = []
    monkeypatch.setattr(
        card.downloads, "send", lambda content, buffers: sent.append((content, buffers))
    )
    card.downloads.click(button)
    assert len(sent) == 1, card.status.value
    content, buffers = sent[0]
    assert len(buffers) == 1
    return content, bytes(buffers[0])


def test_tabs_are_chart_data_sources_and_start_on_the_chart(card, chart):
    assert card.tabs.titles == ("Chart", "Data", "Sources")
    assert card.tabs.selected_index == 0
    assert card.tabs.children[0] is chart.figure
    labels = card.downloads.buttons
    assert labels == ["CSV", "Metadata (JSON)", "PNG", "Cite"]
    assert card.downloads.context == chart.title


def test_csv_equals_the_cores_numbers(card, chart, monkeypatch):
    step(card, chart, site_power=600.0, cooling_fraction=0.3)
    content, raw = delivered(card, monkeypatch, "CSV")
    assert content == {"event": "download", "filename": "power.csv", "mime": "text/csv"}
    rows = list(csv.DictReader(io.StringIO(raw.decode())))
    assert len(rows) == 1
    # 600 MW: cooling 0.3 × 600 = 180 MW; other losses 0.03 × 600 = 18 MW; IT 600 − 198 = 402 MW
    ds = explorer.compute(site_power=600.0, cooling_fraction=0.3)
    for name, want in (("it_power", 402.0), ("cooling_power", 180.0), ("overhead_power", 18.0)):
        assert float(rows[0][f"{name} [MW]"]) == float(ds[name])
        assert float(rows[0][f"{name} [MW]"]) == pytest.approx(want, rel=1e-12)


def test_metadata_has_units_sources_and_the_absolute_link(card, chart, monkeypatch):
    card.downloads.page = "http://127.0.0.1:8866/"  # what the browser reports when it draws
    content, raw = delivered(card, monkeypatch, "Metadata (JSON)")
    assert content["filename"] == "power.json" and content["mime"] == "application/json"
    meta = json.loads(raw)
    for name in SHOWN:
        assert meta["variables"][name]["units"] == chart.ds[name].attrs["units"] == "MW"
    assert meta["link"] == "http://127.0.0.1:8866/?site_power=300&cooling_fraction=0.25"
    assert meta["title"] == chart.title
    assert meta["inputs_set"] == {"cooling_fraction": 0.25}
    assert "defaults.overhead_fraction" in [s["key"] for s in meta["sources"]]
    assert meta["version"] == explorer.__version__


def test_png_shows_the_chart_tab_and_asks_bqplot(card, chart):
    card.tabs.selected_index = DATA
    card.downloads.click("PNG")
    assert card.tabs.selected_index == 0  # a hidden figure has no size to render
    assert chart.pngs == ["power.png"]


def test_cite_opens_the_sources_with_citation_and_embed(card):
    card.downloads.page = "https://explorer.example.org/voila/render/explorer.ipynb"
    card.downloads.click("Cite")
    assert card.tabs.selected_index == SOURCES
    link = "https://explorer.example.org/voila/render/explorer.ipynb?site_power=300&cooling_fraction=0.25"
    assert card.citation.value.startswith(
        f"AI Datacenter Explorer (Version {explorer.__version__})"
    )
    assert card.citation.value.endswith(link)
    assert "cooling 25 % of site power" in card.citation.value
    assert 'src="' + link.replace("&", "&amp;") + '"' in card.embed.value
    assert "sites.generic.site_power" in card.sources_html.value
    assert "cooling_fraction = 0.25 (set in this scenario)" in card.sources_html.value


class Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


@pytest.mark.parametrize(
    "page",
    [
        "javascript:alert(1)//",
        "data:text/html,<script>alert(1)</script>",
        "//evil.example/",
        " http://evil.example/",
        "",
    ],
)
def test_a_hostile_page_address_is_not_used(card, page):
    card.downloads.page = page
    card.downloads.click("Cite")
    assert card.link == "?site_power=300&cooling_fraction=0.25"
    assert "evil" not in card.embed.value and "javascript" not in card.embed.value


def test_a_page_address_with_quotes_is_escaped_in_the_embed(card):
    card.downloads.page = 'https://example.org/"><script>alert(1)</script>'
    card.downloads.click("Cite")
    parser = Tags()
    parser.feed(card.embed.value)
    assert [t for t, _ in parser.tags] == ["iframe"]
    assert parser.tags[0][1]["src"].startswith('https://example.org/"><script>')


def test_an_unsafe_app_link_shows_one_line_and_no_snippet(chart):
    card = ChartCard(chart, chart.inputs, "javascript:alert(1)")
    card.downloads.click("Cite")
    assert card.embed.value == "" and card.citation.value == ""
    assert "link" in card.status.value and "Traceback" not in card.status.value


# ------------------------------------------------------------------------------ lazy
def test_closed_tabs_send_nothing_per_slider_step(card, chart, monkeypatch):
    sent = Sent(monkeypatch)
    for mw in (310.0, 320.0, 330.0, 340.0):
        step(card, chart, site_power=mw)
    assert sent.messages == []  # the card adds no widget message while its Chart tab shows
    assert card.builds == {DATA: 0, SOURCES: 0}
    assert card.data_html.value == "" and card.sources_html.value == ""


def test_the_data_tab_is_built_when_opened_and_kept_current_while_open(card, chart):
    step(card, chart, site_power=500.0)
    card.tabs.selected_index = DATA
    assert card.builds[DATA] == 1
    # 500 MW, cooling 1 − 1/1.18 − 0.03 of the generic preset: IT 500 × 0.8475 = 423.7 MW
    assert "423.7" in card.data_html.value
    step(card, chart, site_power=800.0)
    assert card.builds[DATA] == 2
    assert "678" in card.data_html.value  # 800 × (1/1.18) = 677.97 MW
    card.tabs.selected_index = 0
    before = card.data_html.value
    step(card, chart, site_power=900.0)
    assert card.data_html.value == before and card.builds[DATA] == 2
    card.tabs.selected_index = DATA  # reopened: the new numbers
    assert card.builds[DATA] == 3 and "762.7" in card.data_html.value  # 900 / 1.18


def test_reopening_an_unchanged_tab_does_not_rebuild_it(card):
    card.tabs.selected_index = SOURCES
    card.tabs.selected_index = 0
    card.tabs.selected_index = SOURCES
    assert card.builds[SOURCES] == 1


def test_data_table_has_one_row_per_point_with_units():
    ds = explorer.compute(site_power=[100.0, 200.0, 300.0])[["it_power"]]
    table = data_table(ds, "A <b>title</b>")
    assert table.count("<tr>") == 1 + 3
    assert "it_power [MW]" in table
    assert "title='IT power the powered chips draw'" in table
    assert "<b>title</b>" not in table and "A &lt;b&gt;title&lt;/b&gt;" in table


def test_data_table_says_when_it_shows_only_the_first_rows():
    ds = explorer.compute(site_power=[float(x) for x in range(1, 31)])[["it_power"]]
    table = data_table(ds, "t", max_rows=10)
    assert table.count("<tr>") == 1 + 10
    assert "The first 10 of 30 rows" in table


# ------------------------------------------------------------------------------ failures
def test_a_failing_chart_shows_one_plain_line(card, chart, monkeypatch):
    def broken():
        raise ValueError("/secret/path/model.py line 3")

    monkeypatch.setattr(chart, "data", broken)
    card.downloads.click("CSV")
    assert "That did not work" in card.status.value
    assert "secret" not in card.status.value


def test_an_input_error_is_shown(card, chart, monkeypatch):
    def refused():
        raise InputError("site_power", -1, "0.001 to 100000 MW")

    monkeypatch.setattr(chart, "data", refused)
    card.tabs.selected_index = DATA
    assert "site_power" in card.status.value


# ------------------------------------------------------------------------------ downloads
def test_filenames_are_sanitised(monkeypatch):
    chart = FakeChart(name='../evil name"<x>')
    card = ChartCard(chart, chart.inputs)
    content, _ = delivered(card, monkeypatch, "CSV")
    assert content["filename"] == "evil-name-x.csv"
    card.downloads.click("PNG")
    assert chart.pngs == ["evil-name-x.png"]


@pytest.mark.parametrize(
    ("name", "ext", "want"),
    [
        ("power", ".csv", "power.csv"),
        ("power.csv", ".csv", "power.csv"),
        ("...hidden", "", "hidden"),
        ("-rf /", ".csv", "rf.csv"),
        ("a" * 200, ".json", "a" * 75 + ".json"),
        ("😀", ".png", "download.png"),
    ],
)
def test_safe_filename(name, ext, want):
    assert safe_filename(name, ext) == want


def test_downloads_answers_only_a_click_of_a_known_button(monkeypatch):
    d = Downloads(buttons=["CSV"])
    clicks = []
    d.on_click("CSV", lambda: clicks.append("CSV"))
    d._on_message(d, {"event": "click", "button": "CSV"}, [])
    d._on_message(d, {"event": "click", "button": "other"}, [])
    d._on_message(d, {"event": "click", "button": ["CSV"]}, [])
    d._on_message(d, "click", [])
    assert clicks == ["CSV"]


def test_deliver_sends_one_message_with_the_bytes_and_an_allowed_type(monkeypatch):
    d = Downloads()
    sent = []
    monkeypatch.setattr(d, "send", lambda content, buffers: sent.append((content, buffers)))
    d.deliver("a,b\n1,2\n", "x.csv", "text/csv")
    d.deliver(b"\x89PNG", "x.png", "text/html")  # not an allowed type: opaque bytes
    assert sent[0] == (
        {"event": "download", "filename": "x.csv", "mime": "text/csv"},
        [b"a,b\n1,2\n"],
    )
    assert sent[1][0]["mime"] == "application/octet-stream"


def test_a_changed_chart_title_renames_the_buttons_once(card, chart, monkeypatch):
    sent = Sent(monkeypatch)
    chart.title = "A city of how many households"
    step(card, chart, site_power=310.0)
    step(card, chart, site_power=320.0)
    assert card.downloads.context == "A city of how many households"
    assert len(sent.messages) == 1  # the one change of the buttons' names, then nothing


def test_metadata_keeps_the_charts_own_attrs(card, chart, monkeypatch):
    chart.ds = chart.ds.assign_attrs(scenario_site_power_MW=300.0, precision="fp8")
    _, raw = delivered(card, monkeypatch, "Metadata (JSON)")
    attrs = json.loads(raw)["attrs"]
    assert attrs["scenario_site_power_MW"] == 300.0 and attrs["precision"] == "fp8"
    assert attrs["site_preset"] == "generic"  # the core's own attrs too


HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(2)>"
URL_BREAKOUT = "https://example.org/'\"><img src=x onerror=alert(3)>"


def test_hostile_catalog_text_is_escaped_in_the_sources_tab(monkeypatch, chart):
    import copy

    from explorer import catalog

    data = copy.deepcopy(catalog.raw())
    for src in data["sources"].values():
        src["title"] += HOSTILE
        src["url"] = URL_BREAKOUT
    for node in data["chips"]["h100"].values():
        if isinstance(node, dict) and "source" in node:
            node["note"] = node.get("note", "") + HOSTILE
    data["sources"]["llama3"]["url"] = "javascript:alert(4)"  # defaults.mfu's source
    monkeypatch.setattr(catalog, "raw", lambda: data)
    card = ChartCard(chart, {"site": "generic", "chip": "h100"}, "?chip=h100")
    card.downloads.click("Cite")
    page = card.sources_html.value
    assert "<script" not in page and "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&#x27;&quot;&gt;&lt;img" in page  # the URL cannot leave its href attribute
    assert "javascript:" not in page  # not a link at all: only http(s) sources are linked
    assert "Meta: The Llama 3 Herd of Models" in page


# ------------------------------------------------------------------------------ in the app
def card_widgets(card) -> set[int]:
    ws = [card.widget, card.tabs, card.downloads, card.status, card.data_html]
    ws += [card.sources_html, card.citation, card.embed, card.tabs.children[2]]
    return {id(x) for x in ws}


def test_the_app_puts_every_chart_in_a_card_and_closed_cards_stay_silent(monkeypatch):
    from explorer.ui import ExplorerApp
    from explorer.ui.app import START_SITE

    app = ExplorerApp("")
    assert [c.chart for c in app.cards] == app.charts
    assert [c.tabs.children[0] for c in app.cards] == [c.figure for c in app.charts]
    ours = set().union(*(card_widgets(c) for c in app.cards))
    sent = []
    monkeypatch.setattr(w.Widget, "_send", lambda widget, msg, buffers=None: sent.append(widget))
    app.site_power.value = 1000  # one slider step
    assert sent, "the step sent the app's own messages"
    assert [x for x in sent if id(x) in ours] == []  # none of them is a card's
    # the card knows the new scenario: its CSV is the core's at 1000 MW
    power = app.cards[0]
    captured = []
    monkeypatch.setattr(power.downloads, "send", lambda c, b: captured.append(bytes(b[0])))
    power.downloads.click("CSV")
    rows = list(csv.DictReader(io.StringIO(captured[0].decode())))
    ds = explorer.compute(site=START_SITE, site_power=1000)
    assert [float(r["power [MW]"]) for r in rows] == [
        float(ds.it_power),
        float(ds.cooling_power),
        float(ds.overhead_power),
    ]
    assert power._inputs["site_power"] == 1000
    assert "site_power=1000" in power.link


def test_an_open_data_tab_in_the_app_follows_the_slider():
    from explorer.ui import ExplorerApp

    app = ExplorerApp("?cooling_fraction=0.25")
    power = app.cards[0]
    power.tabs.selected_index = DATA
    app.site_power.value = 1000  # IT = 1000 × (1 − 0.25 − 0.03) = 720 MW
    assert "<td>720</td>" in power.data_html.value
    assert power.builds[DATA] == 2  # on opening, and once for the step
