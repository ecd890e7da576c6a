"""The "Site in context" section in a real Chromium page: opened with the keyboard it shows the
core's numbers, and a cooling technology chosen with the keyboard reaches the link."""

from __future__ import annotations

import explorer
from explorer import fmt, scenario
from explorer.model import preset_inputs

from .conftest import wait_link, wait_ready, wait_until

SITE = "rainier-mississippi"


def _peak_cooling(tech: str) -> str:
    """The hot-day peak cooling the core gives for the preset's scenario, as the panel says it."""
    inputs = {**preset_inputs(SITE), "chips": None}
    year = explorer.climate_year(SITE, tech, **scenario.year_inputs(inputs))
    return f"cooling peaks at {fmt.quantity(float(year.peak_cooling_power), 'MW')}"


def test_the_site_in_context_section_shows_the_core_and_links_its_choices(page, app_url):
    wait_ready(page, app_url + f"?site={SITE}")
    wait_link(page, {"site": SITE})
    header = page.locator(".jupyter-widget-Collapse-header", has_text="Site in context")
    header.focus()
    page.keyboard.press("Enter")  # opens with the keyboard, built on first open
    words = page.locator(".explorer-context-climate")
    words.wait_for(timeout=60_000)
    want = _peak_cooling("air-evaporative")  # the Trainium halls' default
    wait_until(
        page,
        "t => document.querySelector('.explorer-context-climate')?.innerText.includes(t)",
        want,
        what=f"the climate words say {want!r}",
        seen="() => document.querySelector('.explorer-context-climate')?.innerText",
    )
    assert page.locator(".explorer-context-heat svg").count() >= 1
    assert "Mississippi" in page.inner_text(".explorer-context-grid-text")
    assert "Ride-through" in page.inner_text(".explorer-context-batteries")

    select = page.locator(
        ".explorer-context .widget-dropdown:has(label:text-is('Cooling technology')) select"
    )
    select.focus()
    page.keyboard.press("ArrowDown")  # the next technology: chiller-economiser
    wait_link(page, {"cooling_tech": "chiller-economiser"})
    want = _peak_cooling("chiller-economiser")
    wait_until(
        page,
        "t => document.querySelector('.explorer-context-climate')?.innerText.includes(t)",
        want,
        what=f"the climate words say {want!r}",
        seen="() => document.querySelector('.explorer-context-climate')?.innerText",
    )
