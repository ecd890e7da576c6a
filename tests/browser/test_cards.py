"""Every chart's card in a real Chromium page: the CSV it downloads equals the core's numbers for
the scenario, the PNG is a valid image, the metadata JSON carries units, sources and the link."""

from __future__ import annotations

import csv
import io
import json
import struct
import time
import zlib
from pathlib import Path
from urllib.parse import parse_qsl

import numpy as np
from numpy.testing import assert_allclose
from playwright.sync_api import TimeoutError as PlaywrightTimeout

import explorer
from explorer import catalog
from explorer.ui.scenario import START_SITE
from explorer.units import factor
from explorer.validate import BOUNDS

from .conftest import WAIT, open_shared, wait_link, wait_until
from .test_a11y import serious

QUERY = "?site_power=600&chip=trn2&cooling_fraction=0.3"
# what the link asks for, from the app's starting preset (the app passes its site explicitly)
SCENARIO = {"site": START_SITE, "site_power": 600.0, "chip": "trn2", "cooling_fraction": 0.3}
PRECISION = "fp8"  # the app's starting precision
CARDS = ("power", "city", "flops_per_mw", "chips")


def open_scenario(page, app_url: str) -> None:
    """The app at QUERY, once it shows that scenario (a pooled kernel gets the link after the
    page shows) with the cards' buttons drawn.

    The file's tests only read that page (downloads, then the tabs last): they share one load of
    it (`module_page`)."""
    open_shared(page, app_url + QUERY)
    wait_link(page, dict(parse_qsl(QUERY.lstrip("?"))))
    page.wait_for_selector(".explorer-card-power .explorer-download")


# Chromium saves at most 10 downloads a second from one page and silently drops the rest
# (chromedp/chromedp#791; here the 11th of 40 blob downloads 60 ms apart never came, while 0.3 s
# apart all 40 did). A reader cannot click that fast; the tests can, so they pace their clicks.
DOWNLOAD_GAP = 0.3  # [s] between two downloads from the shared page
_last_download = [0.0]


def download(page, card: str, button: str) -> tuple[str, bytes]:
    """Click one of a card's buttons; the file the browser saved (name, bytes). The wait is
    bounded by the suite's WAIT, as every other wait on the page (the kernel makes the file:
    a round trip that a loaded machine slows); a timeout names the card and ends with its text."""
    time.sleep(max(0.0, _last_download[0] + DOWNLOAD_GAP - time.monotonic()))
    try:
        with page.expect_download(timeout=WAIT * 1000) as info:
            page.locator(
                f".explorer-card-{card} .explorer-download[data-button='{button}']"
            ).click()
        d = info.value
    except PlaywrightTimeout:
        text = page.locator(f".explorer-card-{card}").inner_text()[-300:]
        raise AssertionError(
            f"no {button} file from the {card} card in {WAIT} s; the card ends: {text!r}"
        ) from None
    finally:
        _last_download[0] = time.monotonic()
    return d.suggested_filename, Path(d.path()).read_bytes()


def table(raw: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8"))))


def numbers(rows: list[dict[str, str]], column: str) -> np.ndarray:
    return np.array([float(r[column]) if r[column] != "" else np.nan for r in rows])


def test_each_charts_csv_equals_the_core(module_page, app_url):
    page = module_page
    open_scenario(page, app_url)
    core = explorer.compute(**SCENARIO)

    name, raw = download(page, "power", "CSV")
    assert name == "power.csv"
    rows = table(raw)
    assert [r["part"] for r in rows] == ["IT", "Cooling", "Other"]
    want = [float(core[k]) for k in ("it_power", "cooling_power", "overhead_power")]
    assert_allclose(numbers(rows, "power [MW]"), want, rtol=1e-12)
    # hand-checked: cooling 0.3 × 600 = 180 MW, other losses 0.03 × 600 = 18 MW, IT 402 MW
    assert_allclose(want, [402.0, 180.0, 18.0], rtol=1e-12)

    _, raw = download(page, "city", "CSV")
    rows = table(raw)
    sweep = numbers(rows, "site_power")
    span = BOUNDS["site_power"]  # the curve spans the whole slider
    assert len(rows) > 50 and (sweep.min(), sweep.max()) == (span.lo, span.hi)
    city = explorer.compute(**{**SCENARIO, "site_power": sweep})
    assert_allclose(numbers(rows, "city_households [households]"), city.city_households, rtol=1e-12)

    _, raw = download(page, "chips", "CSV")
    rows = table(raw)
    curve = explorer.compute(**{**SCENARIO, "site_power": numbers(rows, "site_power")})
    assert_allclose(numbers(rows, "chips_supported [count]"), curve.chips_supported, rtol=1e-12)

    _, raw = download(page, "flops_per_mw", "CSV")
    rows = table(raw)
    assert [r["chip"] for r in rows] == catalog.names("chips")
    every = explorer.compute(**{**SCENARIO, "chip": catalog.names("chips")})
    fpw = every.flops_per_watt.sel(precision=PRECISION)
    want = fpw.values * factor(fpw.attrs["units"], "PFLOP/s/MW")
    assert_allclose(numbers(rows, "flops_per_mw [PFLOP/s/MW]"), want, rtol=1e-12)


def png_size(raw: bytes) -> tuple[int, int]:
    """Width and height of a PNG, after checking its signature, chunk CRCs and pixel data."""
    assert raw[:8] == b"\x89PNG\r\n\x1a\n", raw[:16]
    pos, chunks = 8, {}
    idat = b""
    while pos < len(raw):
        (length,) = struct.unpack(">I", raw[pos : pos + 4])
        kind, body = raw[pos + 4 : pos + 8], raw[pos + 8 : pos + 8 + length]
        (crc,) = struct.unpack(">I", raw[pos + 8 + length : pos + 12 + length])
        assert zlib.crc32(kind + body) == crc, kind
        chunks.setdefault(kind, body)
        if kind == b"IDAT":
            idat += body
        pos += 12 + length
        if kind == b"IEND":
            break
    width, height, depth, colour = struct.unpack(">IIBB", chunks[b"IHDR"][:10])
    channels = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}[colour]
    pixels = zlib.decompress(idat)  # one filter byte per row, then the row's samples
    assert len(pixels) == height * (1 + width * channels * depth // 8)
    return width, height


def test_metadata_has_units_sources_and_the_link(module_page, app_url):
    page = module_page
    open_scenario(page, app_url)
    by_card: dict[str, dict[str, str]] = {}
    for card in CARDS:
        name, raw = download(page, card, "Metadata (JSON)")
        assert name == f"{card}.json"
        meta = json.loads(raw)
        _, csv_raw = download(page, card, "CSV")
        header = next(csv.reader(io.StringIO(csv_raw.decode())))
        for column in header:  # every "name [units]" column's units are in the metadata
            var, _, units = column.partition(" [")
            if units:
                assert meta["variables"][var]["units"] == units[:-1], (card, column)
        assert meta["version"] == explorer.__version__
        assert meta["link"].startswith(app_url) and "site_power=600" in meta["link"]
        assert meta["inputs"]["site_power"] == 600.0 and meta["inputs"]["chip"] == "trn2"
        assert {"site_power", "cooling_fraction"} <= set(meta["inputs_set"])
        assert "chips.trn2.tdp" in [s["key"] for s in meta["sources"]]
        by_card[card] = {k: v["units"] for k, v in meta["variables"].items()}
    assert by_card["flops_per_mw"]["flops_per_mw"] == "PFLOP/s/MW"
    assert by_card["power"]["power"] == "MW" and by_card["chips"]["chips_supported"] == "count"


def test_the_data_and_sources_tabs_show_the_numbers_and_the_citation(module_page, app_url):
    page = module_page
    open_scenario(page, app_url)
    card = page.locator(".explorer-card-power")
    card.locator(".lm-TabBar-tab", has_text="Data").click()
    page.wait_for_selector(".explorer-card-power .explorer-data-table")
    assert "402" in card.locator(".explorer-data-table").inner_text()  # IT power [MW]
    assert serious(page, ".explorer-card-power") == []  # the open Data tab, for axe-core
    card.locator(".explorer-download[data-button='Cite']").click()
    text = card.locator(".explorer-copytext textarea").first
    wait_until(
        page,
        "() => document.querySelector('.explorer-card-power .explorer-copytext textarea')"
        "?.value.includes('site_power=600')",
        what="the citation names site_power=600",
        seen="() => document.querySelector('.explorer-card-power .explorer-copytext textarea')"
        "?.value",
    )
    citation = text.input_value()
    assert citation.startswith(f"AI Datacenter Explorer (Version {explorer.__version__})")
    assert "600 MW site" in citation and "AWS Trainium2" in citation
    # the snippet is a widget message of its own, sent after the citation's: wait for it too
    embed = "document.querySelectorAll('.explorer-card-power .explorer-copytext textarea')[1]"
    wait_until(
        page,
        f"start => {embed}?.value.startsWith(start)",
        '<iframe src="' + app_url,
        what="the embed snippet's iframe of the app",
        seen=f"() => {embed}?.value",
    )
    assert serious(page, ".explorer-card-power") == []  # the open Sources tab


# Last on the shared page: it moves each card to its Chart tab.
def test_each_charts_png_is_a_valid_image(module_page, app_url):
    page = module_page
    open_scenario(page, app_url)
    for card in CARDS:
        name, raw = download(page, card, "PNG")
        assert name == f"{card}.png"
        width, height = png_size(raw)
        assert width > 100 and height > 100, (card, width, height)
