"""Compare in a real browser: pin A, move B with the keyboard; both equal the core; the link
restores both."""

from __future__ import annotations

from urllib.parse import parse_qsl

import explorer
from explorer import fmt

from .conftest import wait_ready


def text(page, css: str) -> str:
    return page.inner_text(css)


def households(shown: str) -> int:
    return int(shown.split()[0].replace(",", ""))


def test_pin_a_move_b_with_the_keyboard_and_the_link_restores_both(page, app_url):
    wait_ready(page, app_url + "?site_power=600")
    a = explorer.compute(site_power=600)
    a_city = f"{fmt.number(float(a.city_households))} households"
    pin = page.locator(".explorer-pin")
    pin.focus()
    page.keyboard.press("Enter")  # a button: Enter presses it
    page.wait_for_selector(".explorer-city .explorer-a-value")
    assert text(page, ".explorer-city .explorer-a-value") == a_city

    handle = page.locator(".explorer-site-power .noUi-handle")
    handle.focus()
    for _ in range(10):
        page.keyboard.press("ArrowRight")
    page.wait_for_function(
        "t => document.querySelector('.explorer-city .explorer-value').innerText !== t",
        arg=a_city,
    )
    page.wait_for_timeout(500)  # the last key's round trip
    shown_mw = float(page.locator(".widget-text:has(label:text-is('MW')) input").input_value())
    assert shown_mw > 600
    b = explorer.compute(site_power=shown_mw)
    b_city = households(text(page, ".explorer-city .explorer-value"))
    assert abs(b_city - float(b.city_households)) / b_city < 1e-4  # the field shows 6 digits
    assert text(page, ".explorer-city .explorer-a-value") == a_city  # A stays
    assert text(page, ".explorer-cooling .explorer-a-value") == fmt.quantity(
        float(a.cooling_power), "MW"
    )
    assert text(page, ".explorer-cooling .explorer-change").startswith("+")
    assert "A (pinned)" in text(page, ".explorer-compare-note")

    page.wait_for_function("() => location.search.includes('a.site_power=600')")
    link = page.evaluate("() => location.href")
    shared = dict(parse_qsl(link.split("?", 1)[1]))
    wait_ready(page, link)  # a new visitor opens the shared link
    page.wait_for_selector(".explorer-city .explorer-a-value")
    b = explorer.compute(site_power=float(shared["site_power"]))
    assert text(page, ".explorer-city .explorer-value") == (
        f"{fmt.number(float(b.city_households))} households"
    )
    assert text(page, ".explorer-city .explorer-a-value") == a_city
    assert text(page, ".explorer-flops .explorer-a-value") == (
        f"{fmt.quantity(float(a.peak_flops.sel(precision='fp8')), 'FLOP/s')} peak"
    )
