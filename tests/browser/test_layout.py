"""The app's layout on phones, tablets and laptops: boxes measured in a real Chromium page."""

from __future__ import annotations

import os
import shutil

import pytest

import explorer
from explorer import fmt

from .conftest import open_shared, wait_drawn, wait_link, wait_ready, wait_text, wait_until

WIDTHS = (360, 768, 1366)
COOLING_STEP = 0.01  # one key press on the cooling share slider
MIN_TRACK = 160  # px, issue #9: every slider long enough to move with a thumb


def tracks(page) -> list[dict]:
    """Every visible slider track's label and box."""
    return page.eval_on_selector_all(
        ".explorer-app .widget-slider",
        """els => els.filter(e => e.offsetParent !== null).map(e => {
            const r = e.querySelector('.noUi-target').getBoundingClientRect();
            const l = e.querySelector('.widget-label');
            return {label: l ? l.innerText : '', width: r.width, left: r.left, right: r.right};
        })""",
    )


def overlapping_ticks(page) -> list[tuple[str, str, str]]:
    """Pairs of tick labels of one chart axis whose boxes intersect (title, label a, label b)."""
    return page.evaluate(
        """() => {
        const out = [];
        for (const fig of document.querySelectorAll('.explorer-app .bqplot')) {
          const title = fig.querySelector('.mainheading')?.textContent || '';
          for (const axis of fig.querySelectorAll('g.axis')) {
            const boxes = [...axis.querySelectorAll('.tick text')]
              .filter(t => t.textContent.trim() !== '')
              .map(t => [t.textContent, t.getBoundingClientRect()]);
            for (let i = 0; i < boxes.length; i++)
              for (let j = i + 1; j < boxes.length; j++) {
                const [a, p] = boxes[i], [b, q] = boxes[j];
                if (p.left < q.right - 0.5 && q.left < p.right - 0.5 &&
                    p.top < q.bottom - 0.5 && q.top < p.bottom - 0.5) out.push([title, a, b]);
              }
          }
        }
        return out;
      }"""
    )


# Page loads are shared (`module_pages`): each is a kernel, a render and the server's work.
# - The chart checks load the default page once at each width, `module_pages(width)`: bqplot
#   lays a figure out again only 300 ms after its box changes, and only while it is in view, so
#   a page resized to a width is not a page loaded at that width. A taller window changes no
#   figure's box: the Advanced screen's screenshots, the strip, the chart title and the overlap
#   check's failure use these pages too, in that order (the strip moves a slider; the failure
#   spoils the page).
# - The slider tracks, the fields and the Basics screen (no chart) are laid out by CSS (flex
#   rows, noUiSlider's tracks): one load, each width in turn, narrowest (a phone's) first.
FIELDS = "?chips=50000&model=llama3-405b"  # the chips slider enabled; the training panel's fields
PANELS = ".explorer-app .jupyter-widget-Collapse-header"


def at_width(module_pages, app_url: str, width: int, height: int = 900):
    """The default page, loaded at `width` the first time (then `height` set)."""
    page = module_pages(str(width))
    page.set_viewport_size({"width": width, "height": height})
    open_shared(page, app_url)
    return page


@pytest.mark.parametrize("width", WIDTHS)
def test_no_two_tick_labels_of_an_axis_overlap(module_pages, app_url, width):
    page = at_width(module_pages, app_url, width)
    page.wait_for_selector(".explorer-chip-chart .tick text")
    wait_drawn(page)
    n_ticks = page.locator(".explorer-chip-chart .tick text").count()
    assert n_ticks >= len(explorer.catalog.names("chips"))  # every accelerator is named
    assert overlapping_ticks(page) == []


@pytest.mark.parametrize("screen", ["basics", "advanced"])
@pytest.mark.parametrize("width", [360, 1366])
def test_screenshots_of_both_screens(module_pages, app_url, tmp_path, screen, width):
    """Screenshots to a temporary folder; `make screenshots` copies them to assets/."""
    from .test_app import ROOT, png_size_and_spread

    height = 1400 if width > 400 else 2200
    if screen == "advanced":  # the app's first screen: the default page at this width
        page = at_width(module_pages, app_url, width, height)
        wait_link(page, {"screen": "advanced"})
    else:  # no chart on Basics: its boxes are CSS's, one load at 360 px, then resized
        page = module_pages(screen)
        page.set_viewport_size({"width": width, "height": height})
        open_shared(
            page, app_url + f"?screen={screen}", ready=".explorer-basics-city .explorer-value"
        )
    wait_drawn(page)
    shot = tmp_path / f"screenshot-{screen}-{width}.png"
    page.screenshot(path=str(shot), full_page=False)
    assert png_size_and_spread(shot)[2] > 0.005, "the screenshot looks blank"
    if folder := os.environ.get("EXPLORER_SCREENSHOT_DIR"):
        shutil.copyfile(shot, ROOT / folder / shot.name)


def in_view(page, css: str) -> bool:
    return page.evaluate(
        """css => { const r = document.querySelector(css).getBoundingClientRect();
          return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight; }""",
        css,
    )


def test_the_headline_strip_stays_in_view_while_a_slider_moves_on_a_phone(module_pages, app_url):
    page = at_width(module_pages, app_url, 360, 740)
    page.evaluate("() => window.scrollTo(0, 0)")  # as loaded
    handle = page.locator(".explorer-cooling-slider .noUi-handle")
    handle.scroll_into_view_if_needed()
    handle.focus()
    start = float(handle.get_attribute("aria-valuetext"))  # the cooling share [1]
    for _ in range(5):
        page.keyboard.press("ArrowRight")
    end = float(handle.get_attribute("aria-valuetext"))
    assert round((end - start) / COOLING_STEP) == 5, (start, end)
    # settled on the last step: the readout, then the strip and the headline, show it
    wait_text(page, ".explorer-cooling-slider .widget-readout", f"{end * 100:.0f}%")
    ds = explorer.compute(cooling_fraction=end)
    expected = fmt.quantity(float(ds.cooling_power), "MW")
    wait_text(page, ".explorer-strip-cooling b", expected)
    wait_text(page, ".explorer-cooling .explorer-value", expected)
    wait_link(page, {"cooling_fraction": end})
    assert not in_view(page, ".explorer-cooling")  # the full headline is below, out of sight
    assert in_view(page, ".explorer-strip-cooling")
    # the strip is a repeat for narrow screens: not shown beside the full headlines on a laptop
    page.set_viewport_size({"width": 1366, "height": 900})
    assert page.locator(".explorer-strip").is_hidden()


def test_slider_tracks_are_long_enough_and_inside_the_screen(module_page, app_url):
    page = module_page
    page.set_viewport_size({"width": WIDTHS[0], "height": 900})
    open_shared(page, app_url + FIELDS)
    wait_link(page, {"chips": 50000, "model": "llama3-405b"})
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        wait_drawn(page)
        found = tracks(page)
        assert len(found) >= 4, (width, found)  # site power, chips, cooling, MFU
        for t in found:
            assert t["width"] >= MIN_TRACK, (width, t)
            assert t["left"] >= 0 and t["right"] <= width, (width, t)


def test_every_field_fits_the_screen_with_the_panels_open(module_page, app_url):
    page = module_page  # after the tracks' test: it opens the panels
    page.set_viewport_size({"width": WIDTHS[0], "height": 900})
    open_shared(page, app_url + FIELDS)
    wait_link(page, {"model": "llama3-405b"})
    for header in page.locator(PANELS).all():
        if header.get_attribute("aria-expanded") != "true":
            header.click()
    page.wait_for_selector(".widget-text:has(label:text-is('Load factor (0.01 – 1)')) input")
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        wait_drawn(page)
        fields = page.eval_on_selector_all(
            ".explorer-app .widget-text input, .explorer-app select",
            """els => els.filter(e => e.offsetParent !== null).map(e => {
                const r = e.getBoundingClientRect();
                return {name: e.closest('.widget-inline-hbox')?.innerText.trim() || e.tagName,
                        width: r.width, left: r.left, right: r.right};
            })""",
        )
        assert len(fields) >= 10, (width, fields)
        for f in fields:
            assert f["width"] >= 60 and f["left"] >= 0 and f["right"] <= width, (width, f)


def test_the_city_chart_title_names_what_it_plots(module_pages, page, app_url):
    title = ".explorer-people-chart .mainheading"
    shared = at_width(module_pages, app_url, 1366)
    page.set_viewport_size({"width": 1366, "height": 900})
    wait_ready(page, app_url + "?basis=world-person")
    for shown, word in ((shared, "households"), (page, "people")):
        wait_until(
            shown,
            "([css, w]) => document.querySelector(css)?.textContent.includes(w)",
            [title, word],
            what=f"the city chart's title names {word}",
            seen="([css]) => document.querySelector(css)?.textContent",
        )


def test_the_overlap_check_can_fail(module_pages, app_url):
    page = at_width(module_pages, app_url, 360)  # last of the file: it spoils the page
    page.wait_for_selector(".explorer-chip-chart .tick text")
    page.evaluate(  # squeeze one axis's labels onto each other
        """() => document.querySelectorAll('.explorer-chip-chart .tick')
             .forEach(t => t.setAttribute('transform', 'translate(0,10)'))"""
    )
    assert overlapping_ticks(page) != []
