"""The Basics screen in a real Chromium page: three sliders, three results equal to the core."""

from __future__ import annotations

import explorer
from explorer import fmt

from .conftest import open_shared, wait_drawn, wait_link, wait_text
from .test_a11y import serious
from .test_layout import MIN_TRACK, tracks


def open_basics(page, url: str) -> None:
    open_shared(page, url, ready=".explorer-basics-city .explorer-value")


# One Basics link, loaded once (`module_page`): the screen at each width in turn (its sliders
# and results are laid out by CSS), then the switch to Advanced, last.
BASICS = "?screen=basics&site_power=600&chips=200000&cooling_fraction=0.25"


def test_basics_shows_three_sliders_and_three_results_equal_to_the_core(module_page, app_url):
    page = module_page
    page.set_viewport_size({"width": 360, "height": 900})
    open_basics(page, app_url + BASICS)
    wait_link(
        page, {"screen": "basics", "site_power": 600, "chips": 200000, "cooling_fraction": 0.25}
    )
    ds = explorer.compute(site_power=600, chips=200_000, cooling_fraction=0.25)
    for width in (360, 1366):
        page.set_viewport_size({"width": width, "height": 900})
        wait_drawn(page)
        found = tracks(page)
        assert [t["label"].split(" (")[0] for t in found] == [
            "Site power",
            "Chips deployed",
            "Cooling share of site power",
        ], width
        assert all(t["width"] >= MIN_TRACK and t["right"] <= width for t in found), (width, found)
        city = f"{fmt.number(float(ds.city_households))} households"
        wait_text(page, ".explorer-basics-city .explorer-value", city)
        cooling = fmt.quantity(float(ds.cooling_power), "MW")
        wait_text(page, ".explorer-basics-cooling .explorer-value", cooling)
        flops = fmt.quantity(float(ds.peak_flops.sel(precision="fp8")), "FLOP/s")
        wait_text(page, ".explorer-basics-flops .explorer-value", flops)
        assert page.locator(".explorer-houses svg").count() >= 1, width
        assert page.locator(".explorer-chip-chart").count() == 0  # Advanced is not on the page
        assert serious(page) == [], width


def test_the_toggle_switches_to_advanced_and_the_link_follows(module_page, app_url):
    page = module_page  # last of the file: it leaves the Basics screen
    open_basics(page, app_url + BASICS)
    wait_link(page, {"screen": "basics"})
    page.locator(".explorer-screen button", has_text="Advanced").click()
    page.wait_for_selector(".explorer-chip-chart")
    wait_link(page, {"screen": "advanced"})
    assert page.locator(".explorer-basics-city").count() == 0
