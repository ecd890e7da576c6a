"""Compare in a real browser: pin A, move B with the keyboard; both equal the core; the link
restores both."""

from __future__ import annotations

from urllib.parse import parse_qsl

import explorer
from explorer import fmt

from .conftest import step_site_power, wait_link, wait_ready, wait_text


def text(page, css: str) -> str:
    return page.inner_text(css)


def test_pin_a_move_b_with_the_keyboard_and_the_link_restores_both(page, app_url):
    wait_ready(page, app_url + "?site_power=600")
    wait_link(page, {"site_power": 600})  # a pooled kernel gets the link after the page shows
    a = explorer.compute(site_power=600)
    a_city = f"{fmt.number(float(a.city_households))} households"
    pin = page.locator(".explorer-pin")
    pin.focus()
    page.keyboard.press("Enter")  # a button: Enter presses it
    wait_text(page, ".explorer-city .explorer-a-value", a_city)

    shown_mw = step_site_power(page, 10)  # B: settled on the last step
    assert shown_mw > 600
    b = explorer.compute(site_power=shown_mw)
    b_city = f"{fmt.number(float(b.city_households))} households"
    wait_text(page, ".explorer-city .explorer-value", b_city)
    assert text(page, ".explorer-city .explorer-a-value") == a_city  # A stays
    assert text(page, ".explorer-cooling .explorer-a-value") == fmt.quantity(
        float(a.cooling_power), "MW"
    )
    assert text(page, ".explorer-cooling .explorer-change").startswith("+")
    wait_link(page, {"a.site_power": 600, "site_power": shown_mw})
    assert "A (pinned)" in text(page, ".explorer-compare-note")

    link = page.evaluate("() => location.href")
    shared = dict(parse_qsl(link.split("?", 1)[1]))
    wait_ready(page, link)  # a new visitor opens the shared link
    wait_link(page, {"a.site_power": 600, "site_power": shared["site_power"]})
    b = explorer.compute(site_power=float(shared["site_power"]))
    for css, want in (
        (".explorer-city .explorer-value", f"{fmt.number(float(b.city_households))} households"),
        (".explorer-city .explorer-a-value", a_city),
        (
            ".explorer-flops .explorer-a-value",
            f"{fmt.quantity(float(a.peak_flops.sel(precision='fp8')), 'FLOP/s')} peak",
        ),
    ):
        wait_text(page, css, want)
