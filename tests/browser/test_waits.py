"""The browser tests' waits can fail, and say what they awaited and what they saw."""

from __future__ import annotations

import pytest

from .conftest import wait_drawn, wait_text, wait_until


def test_a_wait_that_never_holds_names_what_it_awaited_and_what_it_saw(page):
    page.set_content("<p id='n'>3</p>")
    with pytest.raises(AssertionError, match=r"until the count reaches 4; last seen: '3'"):
        wait_until(
            page,
            "() => document.querySelector('#n').innerText === '4'",
            what="the count reaches 4",
            seen="() => document.querySelector('#n').innerText",
            timeout=0.5,
        )
    page.evaluate("() => setTimeout(() => { document.querySelector('#n').innerText = '4'; }, 50)")
    wait_text(page, "#n", "4")


def test_wait_drawn_waits_while_the_page_keeps_changing(page):
    page.set_content("<p id='t'>0</p>")
    page.evaluate(  # a change on every animation frame: the page never stops drawing
        """() => { const p = document.querySelector('#t');
          const tick = () => { p.innerText = String(Number(p.innerText) + 1);
                               window.__tick = requestAnimationFrame(tick); };
          tick(); }"""
    )
    with pytest.raises(AssertionError, match="the page stopped drawing"):
        wait_drawn(page, timeout=0.5)
    page.evaluate("() => cancelAnimationFrame(window.__tick)")
    wait_drawn(page)
