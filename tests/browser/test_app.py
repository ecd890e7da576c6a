"""The app in a real browser: numbers equal the core's, controls work, bad input is refused."""

from __future__ import annotations

import os
import re
import shutil
import struct
import zlib
from pathlib import Path

import pytest

import explorer
from explorer import fmt

from .conftest import (
    open_shared,
    step_site_power,
    wait_drawn,
    wait_link,
    wait_ready,
    wait_text,
    wait_until,
)

ROOT = Path(__file__).resolve().parents[2]


def headline(page, css: str) -> str:
    return page.inner_text(f"{css} .explorer-value")


def bar_heights(page) -> list[float]:
    return [
        float(h)
        for h in page.eval_on_selector_all(
            ".explorer-power-chart rect.bar", "els => els.map(e => e.getAttribute('height'))"
        )
    ]


def wait_headline(page, css: str, text: str) -> None:
    """Wait until a headline shows `text` (each headline is its own widget message)."""
    wait_text(page, f"{css} .explorer-value", text)


THREE_BARS = "() => document.querySelectorAll('.explorer-power-chart rect.bar').length === 3"


def mw_field(page):
    return page.locator(".widget-text:has(label:text-is('MW')) input")


# The tests on the default page that need no other scenario share one load of it
# (`module_page`), in this file's order: this one, the screenshot's, the phone's (only reading
# it), then the bad typed values' (which leave the values as they were), the typed value's and
# the keyboard's (from the MW shown). The others start from the default values and change them:
# a page of their own.


def test_renders_offline_without_errors_and_shows_the_core_default(module_page, app_url):
    page = module_page
    open_shared(page, app_url)
    wait_until(page, THREE_BARS, what="the power chart's three bars")
    assert page.locator("[data-mime-type='application/vnd.jupyter.stderr']").count() == 0
    assert "Traceback" not in page.content()
    ds = explorer.compute()
    assert headline(page, ".explorer-city") == f"{fmt.number(float(ds.city_households))} households"
    assert headline(page, ".explorer-cooling") == fmt.quantity(float(ds.cooling_power), "MW")
    assert (
        headline(page, ".explorer-flops")
        == f"{fmt.quantity(float(ds.peak_flops.sel(precision='fp8')), 'FLOP/s')} peak"
    )
    heights = bar_heights(page)
    assert len(heights) == 3
    assert heights[1] / heights[0] == pytest.approx(float(ds.cooling_power / ds.it_power), rel=0.01)
    assert page.guarded["errors"] == []


def test_switching_the_accelerator_changes_the_flops(page, app_url):
    wait_ready(page, app_url)
    before = headline(page, ".explorer-flops")
    page.locator(".widget-dropdown:has(label:text-is('Accelerator')) select").select_option(
        label=explorer.catalog.label("chips", "gb200")
    )
    ds = explorer.compute(chip="gb200")
    expected = f"{fmt.quantity(float(ds.peak_flops.sel(precision='fp8')), 'FLOP/s')} peak"
    wait_headline(page, ".explorer-flops", expected)
    assert expected != before


def test_a_link_with_parameters_opens_that_scenario(page, app_url):
    # a pooled kernel shows the defaults first and the link's scenario once it gets the link
    wait_ready(page, app_url + "?site_power=600&chip=h100&cooling_fraction=0.3")
    wait_link(page, {"site_power": 600, "chip": "h100", "cooling_fraction": 0.3})
    ds = explorer.compute(site_power=600, chip="h100", cooling_fraction=0.3)
    wait_headline(page, ".explorer-city", f"{fmt.number(float(ds.city_households))} households")
    wait_headline(
        page,
        ".explorer-flops",
        f"{fmt.quantity(float(ds.peak_flops.sel(precision='fp8')), 'FLOP/s')} peak",
    )
    assert mw_field(page).input_value() == "600"


def test_bad_link_parameters_are_reported_not_crashed(page, app_url):
    wait_ready(page, app_url + "?site_power=-5&chip=%3Cb%3Ebold%3C%2Fb%3E&cooling_fraction=nan")
    wanted = [
        "site_power = -5 is out of range",
        "chip = '<b>bold</b>' is not a known name",  # shown as text, never as HTML
    ]
    wait_until(
        page,
        "ts => ts.every(t => document.querySelector('.explorer-app')?.innerText.includes(t))",
        wanted,
        what=f"the page reports {wanted}",
        seen="() => [...document.querySelectorAll('.explorer-error')].map(e => e.innerText)",
    )
    ds = explorer.compute()
    assert headline(page, ".explorer-city") == f"{fmt.number(float(ds.city_households))} households"


def png_size_and_spread(path: Path) -> tuple[int, int, float]:
    """(width, height, compressed / raw size of the pixel data) of a PNG.

    A blank page compresses to almost nothing; text, charts and controls do not.
    """
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    pos, idat = 8, b""
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        if kind == b"IDAT":
            idat += data[pos + 8 : pos + 8 + length]
        pos += 12 + length
    return width, height, len(idat) / len(zlib.decompress(idat))


def test_screenshot_shows_the_rendered_app(module_page, app_url, tmp_path):
    page = module_page
    open_shared(page, app_url)
    page.set_viewport_size({"width": 1280, "height": 1500})  # as loaded, only shorter
    wait_drawn(page)
    shot = tmp_path / "screenshot.png"
    page.screenshot(path=str(shot))
    width, height, spread = png_size_and_spread(shot)
    assert (width, height) == (1280, 1500)
    assert spread > 0.005, f"the screenshot looks blank (compresses to {spread:.4%})"
    blank = page.context.new_page()  # the check can fail (and the shared page stays)
    blank.set_content("<html><body style='background:#fff'></body></html>")
    blank.screenshot(path=str(tmp_path / "blank.png"))
    blank.close()
    assert png_size_and_spread(tmp_path / "blank.png")[2] < spread / 5
    if target := os.environ.get("EXPLORER_SCREENSHOT"):  # `make screenshots` refreshes the README's
        shutil.copyfile(shot, ROOT / target)


def test_phone_width_shows_every_control_label(module_page, app_url):
    page = module_page
    open_shared(page, app_url)
    page.set_viewport_size({"width": 390, "height": 2400})  # labels are laid out by CSS
    wait_drawn(page)
    for label in ("Preset", "Accelerator", "City basis", "Precision"):
        box = page.locator(f"label:text-is('{label}')").first.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= 390
    assert re.search(r"\d", headline(page, ".explorer-city"))


def test_a_bad_typed_value_shows_the_message_and_keeps_the_old_value(module_page, app_url):
    page = module_page  # after the screenshot: it leaves its messages on the page
    open_shared(page, app_url)
    before = headline(page, ".explorer-city")
    field = mw_field(page)
    cases = (
        ("-5", "site_power = -5", "out of range"),
        ("abc", "site_power = 'abc'", "is not a number"),
        ("", "site_power = ''", "is not a number"),
        ("1e9", "site_power = 1000000000", "out of range"),
    )
    for bad, shown, words in cases:
        field.fill(bad)
        field.press("Enter")
        wait_until(
            page,
            "([a, b]) => [...document.querySelectorAll('.explorer-error [role=alert]')]"
            ".some(e => e.innerText.includes(a) && e.innerText.includes(b))",
            [shown, words],
            what=f"an alert saying {shown!r} {words!r}",
            seen="() => [...document.querySelectorAll('.explorer-error')].map(e => e.innerText)",
        )
        wait_until(
            page,
            "() => document.querySelector('.widget-text input').value === '300'",
            what="the MW field back at 300",
            seen="() => document.querySelector('.widget-text input').value",
        )
        assert headline(page, ".explorer-city") == before


def test_typing_a_site_power_updates_the_numbers(module_page, app_url):
    page = module_page  # last of the file: it changes the numbers
    open_shared(page, app_url)
    field = mw_field(page)
    field.fill("900")
    field.press("Enter")
    ds = explorer.compute(site_power=900)
    wait_headline(page, ".explorer-city", f"{fmt.number(float(ds.city_households))} households")
    wait_headline(page, ".explorer-cooling", fmt.quantity(float(ds.cooling_power), "MW"))
    wait_link(page, {"site_power": 900})  # the address bar is the shareable link


def test_keyboard_on_the_site_power_slider_changes_people_bars_and_the_address_bar(
    module_page, app_url
):
    page = module_page  # last of the file: from whatever MW the page shows
    open_shared(page, app_url)
    wait_until(page, THREE_BARS, what="the power chart's three bars")
    before_bars = bar_heights(page)
    before_mw = float(mw_field(page).input_value())
    # settled on the last of 10 steps: the MW field, the address bar (the shareable link) and
    # the handle agree; the headline then shows the core's value for the field's MW
    shown_mw = step_site_power(page, 10)
    assert shown_mw > before_mw
    ds = explorer.compute(site_power=shown_mw)
    wait_headline(page, ".explorer-city", f"{fmt.number(float(ds.city_households))} households")
    ratio = float(ds.cooling_power / ds.it_power)
    after = bar_heights(page)
    assert after != before_bars
    assert after[1] / after[0] == pytest.approx(ratio, rel=0.01)
