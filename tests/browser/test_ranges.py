"""The headline ranges and the "What moves this number" panel in a real Chromium page."""

from __future__ import annotations

import explorer
from explorer.ui import headlines
from explorer.ui.ranges import slot_text
from explorer.ui.tornado import CHOICES, nice_ticks

from .conftest import open_shared, wait_drawn, wait_link, wait_ready, wait_text, wait_until

SITE = "rainier-mississippi"
TOGGLE = ".explorer-ranges-toggle input[type=checkbox]"


# Both tests open the site's page: one load (`module_page`); the ranges' test leaves it as it
# found it (reloaded from its link, the ranges back on), and the tornado, built when its panel
# first opens, is drawn at the width the page has then.


def test_ranges_equal_the_core_hide_with_the_toggle_and_travel_in_the_link(module_page, app_url):
    page = module_page
    open_shared(page, app_url + f"?site={SITE}")
    wait_link(page, {"site": SITE})
    h = headlines.headline_ranges(site=SITE, precision="fp8")  # the app's untouched preset
    wait_text(page, ".explorer-city .explorer-range", slot_text(h["city_households"]))
    wait_text(page, ".explorer-cooling .explorer-range", slot_text(h["cooling_power"]))
    assert "90 % range" in page.inner_text(".explorer-city .explorer-range")
    page.locator(TOGGLE).uncheck()
    wait_link(page, {"ranges": 0})
    wait_until(
        page,
        "() => !document.querySelector('.explorer-city .explorer-range')",
        what="no range under the city headline",
    )
    link = page.evaluate("() => location.href")
    wait_ready(page, link)
    wait_link(page, {"site": SITE, "ranges": 0})
    wait_until(
        page,
        "() => !document.querySelector('.explorer-city .explorer-range')",
        what="no range under the city headline",
        seen="() => document.querySelector('.explorer-city .explorer-range')?.innerText",
    )
    assert not page.locator(TOGGLE).is_checked()
    page.locator(TOGGLE).check()
    page.wait_for_selector(".explorer-city .explorer-range")
    wait_until(
        page,
        "() => !new URLSearchParams(location.search).has('ranges')",
        what="the link without ranges=0",
        seen="() => location.search",
    )
    # the page shows the site's scenario again, as `open_shared` loaded it (the ranges on)


def test_the_tornado_opens_with_bars_of_the_cores_swings(module_page, app_url, tmp_path):
    page = module_page
    page.set_viewport_size({"width": 360, "height": 1400})  # a phone: drawn at its width
    open_shared(page, app_url + f"?site={SITE}")
    wait_link(page, {"site": SITE})
    assert page.locator(".explorer-tornado-chart").count() == 0  # built on first open
    page.locator(".jupyter-widget-Collapse-header", has_text="What moves this number").click()
    page.wait_for_selector(".explorer-tornado-chart rect.bar", state="attached")
    t = explorer.sensitivity("city_households", site=SITE)
    moving = int((t.swing > 0).sum())
    # two bars (low end, high end) per figure that moves the city
    wait_until(
        page,
        "n => document.querySelectorAll('.explorer-tornado-chart rect.bar').length === n",
        2 * moving,
        what=f"{2 * moving} bars in the tornado chart",
        seen="() => document.querySelectorAll('.explorer-tornado-chart rect.bar').length",
    )
    # the words are a widget of their own, drawn after the bars: wait for them too
    wait_until(
        page,
        """names => {
            const t = document.querySelector('.explorer-tornado-text');
            return !!t && names.every(n => t.innerText.includes(n));
        }""",
        ["site power", "load factor"],
        what="the tornado's words naming the site power and the load factor",
        seen="() => document.querySelector('.explorer-tornado-text')?.innerText",
    )
    words = page.inner_text(".explorer-tornado-text")
    assert words.index("site power") < words.index("load factor")  # biggest swing first
    assert "MFU" in words.split("do not move it")[1]
    page.locator(".explorer-tornado-choice select").select_option(label=CHOICES["cooling_power"])
    wait_link(page, {"tornado": "cooling_power"})
    wait_until(  # the words open with the chosen output's name
        page,
        "t => document.querySelector('.explorer-tornado-text').innerText.startsWith(t)",
        CHOICES["cooling_power"],
        what=f"the tornado's words open with {CHOICES['cooling_power']!r}",
        seen="() => document.querySelector('.explorer-tornado-text').innerText.slice(0, 80)",
    )
    cooling = explorer.sensitivity("cooling_power", site=SITE)
    moving = int((cooling.swing > 0).sum())
    wait_until(
        page,
        "n => document.querySelectorAll('.explorer-tornado-chart rect.bar').length === n",
        2 * moving,
        what=f"{2 * moving} bars in the tornado chart",
        seen="() => document.querySelectorAll('.explorer-tornado-chart rect.bar').length",
    )
    swings = cooling.where(cooling.swing > 0, drop=True)
    ends = [*swings.low.values, *swings.high.values, float(cooling.central)]
    top = f"{nice_ticks(min(ends), max(ends))[-1]:g}"  # the axis ends on a round number
    ticks = "[...document.querySelectorAll('.explorer-tornado-chart .tick text')]"
    wait_until(
        page,
        f"t => {ticks}.some(e => e.textContent === t)",
        top,
        what=f"a {top} tick on the tornado's axis",
        seen=f"() => {ticks}.map(t => t.textContent)",
    )
    # the chart fits the phone's width: the axis' last tick is inside the panel
    wait_drawn(page)
    tick = page.locator(".explorer-tornado-chart .tick", has_text=top).last.bounding_box()
    panel = page.locator(".explorer-tornado").bounding_box()
    assert tick["x"] + tick["width"] <= panel["x"] + panel["width"]
    page.locator(".explorer-tornado").screenshot(path=str(tmp_path / "tornado-360.png"))
    print(f"\ntornado at 360 px: {tmp_path / 'tornado-360.png'}")
