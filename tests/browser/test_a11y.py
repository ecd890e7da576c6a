"""Accessibility in a real Chromium page: axe-core's audit and keyboard-only use."""

from __future__ import annotations

from urllib.parse import parse_qsl

import pytest
from axe_playwright_python.sync_playwright import Axe

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


def serious(page, context=".explorer-app") -> list[str]:
    """axe-core's serious and critical violations inside the app, one line each."""
    wait_until(  # the page names slider handles in the frame after they are drawn
        page,
        "() => [...document.querySelectorAll('.explorer-app .noUi-handle')]"
        ".every(h => h.hasAttribute('aria-label'))",
        what="every slider handle named",
        seen="() => [...document.querySelectorAll('.explorer-app .noUi-handle')]"
        ".map(h => h.getAttribute('aria-label'))",
    )
    results = Axe().run(page, context=context)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(n["target"][0] if n["target"] else "?" for n in v["nodes"][:5])
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


# The tests on the default page that change no value share one load of it (`module_page`), in
# this file's order: the audit, the Tab order (from a page not yet focused), the accordion, and
# last the audit that spoils the page.


def test_axe_finds_no_serious_or_critical_violation(module_page, app_url):
    open_shared(module_page, app_url)
    wait_link(module_page, {})  # the link, drawn last
    wait_drawn(module_page)
    assert serious(module_page) == []


@pytest.mark.parametrize(
    "query", ["?chips=50000&basis=world-person", "?model=llama3-405b&job_chips=16384"]
)
def test_axe_finds_no_serious_or_critical_violation_in_other_scenarios(page, app_url, query):
    wait_ready(page, app_url + query)
    wait_link(page, dict(parse_qsl(query.lstrip("?"))))  # the link's scenario is drawn
    wait_drawn(page)
    assert serious(page) == []


FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return '';
  const check = el.closest('.widget-checkbox');
  if (check) return check.textContent.replace(/\u200b/g, '').trim();
  const box = el.closest('.widget-inline-hbox, .widget-toggle-buttons');
  const label = box?.querySelector('.widget-label');
  return el.getAttribute('aria-label') || label?.textContent.trim() || el.textContent.trim()
    || el.tagName;
}"""
ORDER = [  # the page's reading order: top to bottom, the controls before the results
    "Screen",
    "Preset",
    "Pin this scenario",
    "Site power",
    "MW",
    "Accelerator",
    "Fill the site",
    "Chips deployed",
    "Cooling share",
    "→ PUE",
    "MFU",
    "City basis",
    "Precision",
    "More inputs",
    "Training a model",
    "Show ranges",
    "Site in context",
    "What moves this number",
    "Where these numbers come from",
    "Link to this scenario",
    "Copy link",
    "Export scenario",
]


def tab_order(page, presses: int = 90) -> list[str]:  # the chart cards add 5 stops each
    page.locator("body").focus()
    seen = []
    for _ in range(presses):
        page.keyboard.press("Tab")
        seen.append(page.evaluate(FOCUSED))
    return seen


def first_stops(seen: list[str]) -> list[str]:
    """Each control's first Tab stop, in order (a slider's value field is a second stop)."""
    out: list[str] = []
    for name in seen:
        hit = next((o for o in ORDER if name.startswith(o)), name)
        if hit in out:
            if hit == ORDER[0] and len(out) > 1:
                break  # Tab came round to the top again
            continue
        out.append(hit)
    return out


def test_tab_reaches_every_control_in_reading_order(module_page, app_url):
    page = module_page
    open_shared(page, app_url)
    page.wait_for_selector(".jupyter-widget-Collapse-header[tabindex='0']")
    wait_drawn(page)  # every control drawn (the chart cards' tab stops among them)
    assert [s for s in first_stops(tab_order(page)) if s in ORDER] == ORDER


def test_enter_opens_an_accordion_from_the_keyboard(module_page, app_url):
    page = module_page
    open_shared(page, app_url)
    header = page.locator(".jupyter-widget-Collapse-header", has_text="More inputs")
    header.focus()
    page.keyboard.press("Enter")
    wait_until(
        page,
        "() => [...document.querySelectorAll('.jupyter-widget-Collapse-header')]"
        ".some(h => h.textContent.includes('More inputs') && h.ariaExpanded === 'true')",
        what="the 'More inputs' accordion open",
    )
    assert page.locator("label:text-is('Load factor (0.01 – 1)')").is_visible()


def test_arrow_keys_after_tab_move_site_power_and_the_headline_equals_the_core(page, app_url):
    wait_ready(page, app_url)  # its own page: Tab starts from the top of a page not yet focused
    page.locator("body").focus()
    for _ in range(6):  # the screen toggle, the preset, then the site power slider
        page.keyboard.press("Tab")
        if page.evaluate(FOCUSED).startswith("Site power"):
            break
    assert page.evaluate(FOCUSED).startswith("Site power")
    shown_mw = step_site_power(page, 20, focus=False)  # on the focused handle
    assert shown_mw > 300
    ds = explorer.compute(site_power=shown_mw)
    households = f"{fmt.number(float(ds.city_households))} households"
    wait_text(page, ".explorer-city .explorer-value", households)
    wait_text(page, ".explorer-strip-city b", households)


def test_the_axe_audit_can_fail(module_page, app_url):
    page = module_page  # last of the file: it spoils the shared page
    open_shared(page, app_url)
    page.evaluate(  # an image without a text alternative and grey-on-grey text
        """() => { const d = document.querySelector('.explorer-app');
          d.insertAdjacentHTML('afterbegin',
            "<img src='data:,' ><p style='color:#ccc;background:#ddd'>faint</p>"); }"""
    )
    assert serious(page) != []
