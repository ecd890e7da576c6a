"""explorer.ui.cite: a chart's CSV and metadata, its sources, the citation and the embed snippet."""

from __future__ import annotations

import csv
import datetime
import io
import json
from html.parser import HTMLParser

import numpy as np
import pytest
from conftest import check_each
from hypothesis import given
from hypothesis import strategies as st
from numpy.testing import assert_allclose

import explorer
from explorer import catalog
from explorer.errors import InputError
from explorer.ui import cite

DAY = datetime.date(2026, 12, 1)


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


# ------------------------------------------------------------------------------ CSV
def test_csv_round_trips_to_the_cores_numbers():
    inputs = {"site_power": [100.0, 300.0, 1000.0], "cooling_fraction": 0.25, "chip": "trn2"}
    ds = explorer.compute(**inputs)
    shown = ds[["it_power", "cooling_power", "city_households"]]
    table = rows(cite.chart_csv(shown))
    assert [float(r["site_power"]) for r in table] == [100.0, 300.0, 1000.0]
    for name in ("it_power", "cooling_power"):
        got = [float(r[f"{name} [MW]"]) for r in table]
        assert got == ds[name].values.tolist()  # exact: the shortest text that reads back
    # hand-checked: cooling 0.25 × 300 MW = 75 MW; IT (1 − 0.25 − 0.03 losses) × 300 = 216 MW;
    # households 300 MW × 8,760 h = 2.628e9 kWh ÷ 10,715 kWh per household = 245,263.65
    assert_allclose([float(r["cooling_power [MW]"]) for r in table], [25, 75, 250])
    assert_allclose([float(r["it_power [MW]"]) for r in table], [72, 216, 720])
    assert_allclose(float(table[1]["city_households [households]"]), 245_263.649, rtol=1e-9)


def test_csv_of_a_two_dimensional_chart_has_one_row_per_point():
    ds = explorer.compute(chip=["h100", "trn2"])[["flops_per_watt"]]
    table = rows(cite.chart_csv(ds))
    assert len(table) == 2 * 3  # chip × precision
    first = table[0]
    assert (first["chip"], first["precision"]) == ("h100", "bf16")
    want = float(ds.flops_per_watt.sel(chip="h100", precision="bf16"))
    assert float(first["flops_per_watt [FLOP/s/W]"]) == want
    # a chip without a mode is NaN in the core and an empty field in the CSV
    a100 = rows(cite.chart_csv(explorer.compute(chip="a100")[["peak_flops"]]))
    assert [r["peak_flops [FLOP/s]"] == "" for r in a100] == [False, True, True]


# ------------------------------------------------------------------------------ metadata
def test_metadata_units_equal_the_dataset_attrs_and_it_is_json():
    inputs = {"site": "rainier-mississippi", "mfu": 0.5}
    ds = explorer.compute(**inputs)
    meta = cite.chart_metadata(ds, inputs, "https://example.org/?mfu=0.5", accessed=DAY)
    for name in [*ds.data_vars, *ds.coords]:
        assert meta["variables"][name]["units"] == ds[name].attrs.get("units", "")
        assert meta["variables"][name]["long_name"] == ds[name].attrs.get("long_name", "")
    assert meta["variables"]["it_power"]["units"] == "MW"
    assert meta["variables"]["city_households"]["units"] == "households"
    text = json.dumps(meta, allow_nan=False)  # strict JSON: no NaN, no numpy types
    back = json.loads(text)
    assert back["inputs"] == {"site": "rainier-mississippi", "mfu": 0.5}
    assert back["inputs_set"] == {"mfu": 0.5}
    assert back["version"] == explorer.__version__
    assert back["link"] == "https://example.org/?mfu=0.5"
    assert back["accessed"] == "2026-12-01"
    # the newest date among its sources: the values are as of then
    assert back["catalog_date"] == max(s["date"] for s in back["sources"])
    assert "2026" in back["citation"]


def test_metadata_refuses_an_unsafe_link():
    ds = explorer.compute()[["it_power"]]
    with pytest.raises(InputError, match="link"):
        cite.chart_metadata(ds, {}, "javascript:alert(1)")


def test_metadata_makes_numpy_inputs_plain():
    inputs = {"site_power": np.array([10.0, np.inf]), "chips": np.int64(5)}
    meta = cite._jsonable(inputs)
    assert meta == {"site_power": [10.0, None], "chips": 5}
    assert json.dumps(meta, allow_nan=False)


# ------------------------------------------------------------------------------ sources
def by_input(sources):
    out: dict[str, list[str]] = {}
    for s in sources:
        out.setdefault(s["input"], []).append(s["key"])
    return out


def test_a_presets_inputs_cite_the_presets_figures():
    found = by_input(cite.scenario_sources({"site": "rainier-mississippi"}))
    assert found["site_power"] == ["sites.rainier-mississippi.site_power"]
    assert found["cooling_fraction"] == ["sites.rainier-mississippi.cooling_fraction"]
    assert found["electricity_price"] == ["regions.us-ms.electricity_price"]
    assert found["mfu"] == ["defaults.mfu"]
    assert "chips.trn2.tdp" in found["chip trn2"]
    assert found["basis"] == ["bases.us-household.value"]
    entry = next(
        s
        for s in cite.scenario_sources({"site": "rainier-mississippi"})
        if s["key"] == "sites.rainier-mississippi.site_power"
    )
    assert entry["value"] == 300.0 and entry["unit"] == "MW" and entry["url"].startswith("https")


def test_a_pue_preset_cites_the_pue_for_the_cooling_share():
    # generic: PUE 1.18 of the hyperscale-ai cooling reference → cooling 1 − 1/1.18 − 0.03
    inputs = {"site": "generic", "cooling_fraction": 1 - 1 / 1.18 - 0.03}
    found = by_input(cite.scenario_sources(inputs))
    assert found["cooling_fraction (from the PUE)"] == ["cooling.hyperscale-ai.pue"]


def test_a_moved_slider_has_no_source_and_is_listed_as_set():
    inputs = {"site": "rainier-mississippi", "site_power": 450.0, "chip_tdp": 600.0}
    found = by_input(cite.scenario_sources(inputs))
    assert "site_power" not in found
    assert "chips.trn2.tdp" not in found["chip trn2"]  # its own TDP replaces the catalog's
    assert cite.inputs_set(inputs) == {"site_power": 450.0, "chip_tdp": 600.0}


def test_a_chart_across_chips_cites_every_chip_once():
    inputs = {"site": "generic"}
    ds = explorer.compute(chip=catalog.names("chips"))[["flops_per_watt"]]
    sources = cite.scenario_sources(inputs, ds)
    cited = {s["key"].split(".")[1] for s in sources if s["input"].startswith("chip ")}
    assert cited == set(catalog.names("chips"))
    keys = [s["key"] for s in sources]
    assert len(keys) == len(set(keys))


def test_a_training_run_cites_its_model_and_reliability_defaults():
    inputs = {"site": "generic", "model": "llama3-405b", "restart_minutes": 5.0}
    found = by_input(cite.scenario_sources(inputs))
    assert "models.llama3-405b.training_compute" in found["model"]
    assert found["checkpoint_minutes"] == ["reliability.checkpoint_time"]
    assert "restart_minutes" not in found
    assert found["interruption_rate"] == ["reliability.interruption_rate"]


def test_conflicts_name_the_disagreeing_source():
    sources = cite.scenario_sources({"site": "rainier-mississippi"})
    found = {c["key"]: c for c in cite.conflicts(sources)}
    # the article's 30-50 % cooling vs AWS's fleet PUE: the catalog keeps 0.1 as the other value
    assert found["sites.rainier-mississippi.cooling_fraction"]["value"] == 0.1


# ------------------------------------------------------------------------------ citation
def test_citation_names_project_version_year_scenario_and_link():
    link = "https://example.org/?site=xai-colossus&chips=100000"
    text = cite.citation({"site": "xai-colossus", "chips": 100_000}, link, accessed=DAY)
    assert text.startswith(f"AI Datacenter Explorer (Version {explorer.__version__})")
    assert "(2026)" in text
    assert "150 MW site" in text  # Colossus's approved 150 MW
    assert "100,000 chips" in text
    assert "NVIDIA H100" in text
    assert text.endswith(f"Retrieved December 1, 2026, from {link}")


def test_citation_words_follow_a_pue_and_a_model():
    text = cite.citation(
        {"pue": 1.3, "model": "llama3-405b", "mfu": 0.35}, "?pue=1.3", accessed=DAY
    )
    assert "PUE 1.3" in text and "cooling" not in text
    assert "MFU 35 %" in text
    assert "training Llama 3.1 405B" in text


# ------------------------------------------------------------------------------ links
class Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def parsed(snippet: str):
    p = Tags()
    p.feed(snippet)
    return p.tags


BAD_LINKS = [
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "\x00javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "ftp://example.org/",
    "mailto:a@example.org",
    "//evil.example/?site_power=1",
    "/\\evil.example/",
    "https:\\\\evil.example",
    "https://",
    "https:///path",
    "explorer.ipynb?site_power=1",
    "about:blank",
    "",
    "https://example.org/" + "a" * cite.MAX_LINK,
]


def test_unsafe_links_are_refused():
    def check(link: str) -> None:
        with pytest.raises(InputError, match="link"):
            cite.safe_link(link)
        with pytest.raises(InputError):
            cite.embed_snippet(link, "x")
        with pytest.raises(InputError):
            cite.citation({}, link)

    assert check_each(BAD_LINKS, check, name=lambda link: repr(link)[:60]) == len(BAD_LINKS)


@pytest.mark.parametrize("link", [None, 42, b"https://example.org/"])
def test_a_link_that_is_not_text_is_refused(link):
    with pytest.raises(InputError):
        cite.safe_link(link)


@pytest.mark.parametrize(
    "link",
    [
        "https://example.org/?site_power=600&chip=h100",
        "HTTP://127.0.0.1:8866/",
        "?site_power=600",
        "/voila/render/notebooks/explorer.ipynb?chip=trn2",
    ],
)
def test_good_links_pass_unchanged(link):
    assert cite.safe_link(link) == link


def test_embed_escapes_quotes_and_angle_brackets():
    link = "https://example.org/?a=\"><script>alert(1)</script>&b='x'"
    title = "Rainier <b>\"what if\"</b> & 'more'"
    snippet = cite.embed_snippet(link, title)
    assert "<script>" not in snippet and "<b>" not in snippet
    tags = parsed(snippet)
    assert [t for t, _ in tags] == ["iframe"]
    attrs = tags[0][1]
    assert attrs["src"] == link  # escaped in the HTML, the same link once parsed
    assert attrs["title"] == title
    assert "allow-top-navigation" not in attrs["sandbox"]


@given(
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40),
    st.text(max_size=30),
)
def test_any_link_is_refused_or_one_iframe_of_an_allowed_link(tail, title):
    for link in (tail, "https://example.org/" + tail, "?" + tail, "/" + tail):
        try:
            snippet = cite.embed_snippet(link, title)
        except InputError:
            continue
        tags = parsed(snippet)
        assert [t for t, _ in tags] == ["iframe"]
        src = tags[0][1]["src"]
        assert src == link and tags[0][1]["title"] == title
        low = src.lower()
        assert low.startswith(("http://", "https://", "?", "/")) and not low.startswith("//")
