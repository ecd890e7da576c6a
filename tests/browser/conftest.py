"""Real-browser harness: a live Voila server on loopback, driven by Playwright with Debian's
Chromium.

- `voila_server` (session): the app served exactly as `explorer app` serves it.
- `app_url`: the app page's URL.
- pytest-playwright's `page` uses /usr/bin/chromium (never a downloaded browser); every
  request to a host outside the machine fails the test (`offline_guard`).
- No Chromium: skip locally, FAIL in CI (CI=true).
- `module_pages` / `module_page`: pages the tests of one file share, in the file's order (a page
  load costs a kernel, a render and the server's work: tests that read the same loaded page
  share it; `open_shared` loads a link there only once). The same guard as `page`'s.

Waiting: a test waits for the state that must finally hold, never for a fixed time or for the
first change (the app draws most of the page only once a burst of steps pauses,
`explorer.ui.debounce`; a pooled kernel gets the page's link after the page shows):
`wait_until` (a predicate over the page), `wait_text` (an element shows a text), `wait_link`
(the page's link names a scenario: it is drawn last), `step_site_power` (keys on the site power
slider, until the page has settled on the last step), `wait_drawn` (the page has stopped
drawing, before a screenshot or a measurement of boxes). Their timeouts only bound the waits.
"""

from __future__ import annotations

import os
import secrets
import urllib.request
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest
from conftest import PAGE_KERNEL_ID, ServerProcess, binder_argv
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from explorer.server.launch import APP_NOTEBOOK, voila_command

CHROMIUM = "/usr/bin/chromium"
LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}
DATA = Path(__file__).parent / "data"
WAIT = 60  # [s] the default bound on a wait for the page (a busy 2-core machine)


@pytest.fixture(scope="session")
def chromium_path() -> str:
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(
                f"{CHROMIUM} is missing: CI must run the browser tests (apt-get install chromium)"
            )
        pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium)")
    return CHROMIUM


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args, chromium_path):
    return {
        **browser_type_launch_args,
        "executable_path": chromium_path,
        "headless": True,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": {"width": 1280, "height": 1600}}


# Every page of the suite comes from 127.0.0.1, like a whole class behind one NAT address: the
# per-address share of the kernel cap is lifted (1: the whole cap), or the seventh page of a
# file would find the server busy while the earlier pages' kernels wait out their reconnect
# window. The share itself is tested in tests/server/test_redteam.py.
ONE_ADDRESS = {"EXPLORER_ADDRESS_SHARE": "1"}


class VoilaServer(ServerProcess):
    """A Voila process serving one notebook on 127.0.0.1 as `explorer app` does (or `argv`)."""

    def __init__(
        self, notebook: Path, log: Path, argv: list[str] | None = None, pool: int | None = None
    ) -> None:
        argv = argv or voila_command(notebook, port="{port}", pool=pool)
        super().__init__(argv, log, env=ONE_ADDRESS)
        self.url = f"http://127.0.0.1:{self.port}/"

    def get(self, path: str, **headers: str) -> tuple[int, str]:
        req = urllib.request.Request(self.url.rstrip("/") + path, headers=headers)
        try:
            with urllib.request.urlopen(req, timeout=60) as r:
                return r.status, r.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode("utf-8", "replace")


@pytest.fixture(scope="session")
def voila_server(tmp_path_factory, chromium_path):
    server = VoilaServer(APP_NOTEBOOK, tmp_path_factory.mktemp("voila") / "voila.log")
    yield server
    server.stop()


@pytest.fixture(scope="session")
def app_url(voila_server) -> str:
    return voila_server.url


@pytest.fixture(scope="session")
def failing_server(tmp_path_factory, chromium_path):
    # no pool: its one test opens one page, which runs the notebook on its own kernel
    server = VoilaServer(
        DATA / "failing_callback.ipynb", tmp_path_factory.mktemp("voila-fail") / "voila.log", pool=0
    )
    yield server
    server.stop()


@pytest.fixture(scope="session")
def binder_server(tmp_path_factory, chromium_path):
    """The Binder route: Jupyter Server with Voila's extension, started through binder/start."""
    token = secrets.token_hex(12)
    argv = binder_argv(token)
    server = VoilaServer(APP_NOTEBOOK, tmp_path_factory.mktemp("binder") / "server.log", argv)
    server.token = token
    yield server
    server.stop()


def guard(page) -> dict[str, list[str]]:
    """Make every request of `page` to a host outside the machine fail, bound Playwright's own
    waits (clicks, selectors, downloads) by WAIT rather than its 30 s, and collect the page's
    errors; the lists {"errors": [...], "outside": [...]} they fill."""
    page.set_default_timeout(WAIT * 1000)
    outside: list[str] = []
    errors: list[str] = []

    def route(r):
        host = urlparse(r.request.url).hostname or ""
        if r.request.url.startswith(("data:", "blob:")) or host in LOOPBACK:
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.on("pageerror", lambda e: errors.append(str(e)))
    return {"errors": errors, "outside": outside}


@pytest.fixture(autouse=True)
def offline_guard(request):
    """Fail on any request that would leave the machine; collect page errors (`guard`)."""
    if "page" not in request.fixturenames:
        yield None
        return
    seen = guard(request.getfixturevalue("page"))
    yield seen
    assert not seen["outside"], f"requests left the machine: {seen['outside']}"


@pytest.fixture(scope="module")
def module_pages(browser, browser_context_args):
    """Pages that the tests of a file share, in the file's order, by name (`module_pages(name)`;
    each in a browser context of its own, with its own `guard`).

    Every page load costs a kernel, its render and the server's work: tests that only read a
    page the same link loads share one load (each opens it with `open_shared`, which loads it
    only the first time, and sets the viewport it needs); a test that changes what a later one
    reads, or spoils the page (edits its DOM), comes after it in the file.
    """
    made: dict[str, Any] = {}

    def shared(name: str = "default"):
        if name not in made:
            made[name] = browser.new_context(**browser_context_args).new_page()
            made[name].guarded = guard(made[name])
        return made[name]

    yield shared
    for page in made.values():
        page.context.close()
    outside = [url for page in made.values() for url in page.guarded["outside"]]
    assert not outside, f"requests left the machine: {outside}"


@pytest.fixture(scope="module")
def module_page(module_pages):
    """The page that the tests of a file share (`module_pages`), when they need one."""
    return module_pages()


def open_shared(page, url: str, ready: str = ".explorer-city .explorer-value") -> None:
    """Load `url` on a shared page (`module_page`), until `ready` (a CSS selector) shows, unless
    `open_shared` loaded it there last."""
    if getattr(page, "loaded", None) != url:
        page.goto(url)
        page.wait_for_selector(ready, timeout=90_000)
        page.loaded = url


def wait_ready(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector(".explorer-city .explorer-value", timeout=90_000)


def page_kernel(page) -> str:
    """The id of the kernel Voila rendered into a page (or frame) it served."""
    found = PAGE_KERNEL_ID.search(page.content())
    assert found, "no kernel id in the page"
    return found.group(1)


def wait_until(
    page, predicate: str, arg: Any = None, *, what: str, seen: str | None = None, timeout=WAIT
) -> Any:
    """Wait until the JavaScript function `predicate(arg)` returns a truthy value in `page` (a
    page or a frame), checked on every animation frame; that value.

    Parameters
    ----------
    predicate : str
        A JavaScript function of one argument, e.g. ``"n => document.title === n"``.
    arg : JSON-able, optional
        Its argument.
    what : str
        What is awaited, in words: the message names it when the wait times out.
    seen : str, optional
        A JavaScript function of `arg` whose value the message shows as what was last seen
        (default: the predicate's own last value).
    timeout : float
        The bound on the wait [s]; reaching it fails the test.
    """
    try:
        return page.wait_for_function(predicate, arg=arg, timeout=timeout * 1000).json_value()
    except PlaywrightTimeout:
        try:
            last = page.evaluate(seen or predicate, arg)
        except PlaywrightError as err:
            last = f"(could not evaluate: {err.message.splitlines()[0]})"
        raise AssertionError(f"waited {timeout:g} s until {what}; last seen: {last!r}") from None


def wait_text(page, css: str, text: str, timeout=WAIT) -> None:
    """Wait until the first element at `css` shows `text` (its innerText)."""
    wait_until(
        page,
        "([css, t]) => document.querySelector(css)?.innerText === t",
        [css, text],
        what=f"{css} shows {text!r}",
        seen="([css]) => document.querySelector(css)?.innerText",
        timeout=timeout,
    )


# Counts the page's DOM changes; each call (one per animation frame while polled) also counts
# the frames in a row without one, and is true once `frames` frames passed without a change
# and with the fonts loaded. `token` starts a new count for each wait.
_DRAWN = """([frames, token]) => {
  if (!window.__explorerDrawn) {
    const d = window.__explorerDrawn = {changes: 0, last: -1, still: 0, token: null};
    new MutationObserver(() => { d.changes++; }).observe(document.documentElement,
      {childList: true, subtree: true, attributes: true, characterData: true});
  }
  const d = window.__explorerDrawn;
  if (d.token !== token) Object.assign(d, {token, last: -1, still: 0});
  if (document.fonts.status !== 'loaded' || d.changes !== d.last) {
    d.last = d.changes;
    d.still = 0;
    return false;
  }
  return ++d.still >= frames;
}"""


def wait_drawn(page, frames: int = 3, timeout=WAIT) -> None:
    """Wait until the page has stopped drawing: its fonts loaded, and `frames` animation frames
    in a row without a change to its DOM (before a screenshot or a measurement of boxes).

    A widget message can still arrive later: a test that checks values waits for those values.
    """
    wait_until(
        page,
        _DRAWN,
        [frames, secrets.token_hex(4)],
        what=f"the page stopped drawing ({frames} animation frames without a DOM change)",
        seen="() => ({fonts: document.fonts.status, "
        "changes: window.__explorerDrawn?.changes, still: window.__explorerDrawn?.still})",
        timeout=timeout,
    )


# The page's link (the address bar and the link field, which the app writes last, once a burst
# of steps pauses) names every `key=value` of `want` (numbers compared as numbers, to 1e-9).
_LINK_NAMES = """want => {
  const field = document.querySelector('.explorer-share input');
  if (!field) return false;
  const links = [location.search, field.value.split('?')[1] || ''].map(q => new URLSearchParams(q));
  const same = (a, b) => a === b ||
    (a !== null && a !== '' && Math.abs(Number(a) - Number(b)) <= 1e-9 * Math.abs(Number(b)));
  return links.every(p => Object.entries(want).every(([k, v]) => same(p.get(k), String(v))));
}"""
_LINK_SEEN = """() => ({address: location.search,
  field: document.querySelector('.explorer-share input')?.value})"""


def wait_link(page, params: dict[str, Any], timeout=WAIT) -> None:
    """Wait until the address bar and the page's link field both name `params` (the page has
    drawn the scenario they describe: the link is drawn last)."""
    wait_until(
        page,
        _LINK_NAMES,
        params,
        what=f"the address bar and the link field name {params}",
        seen=_LINK_SEEN,
        timeout=timeout,
    )


SITE_POWER_STEP = 0.01  # [decades] one key press on the site power slider (a log slider)
_SETTLED_MW = """target => {
  const mw = [...document.querySelectorAll('.widget-text')]
    .find(w => w.querySelector('label')?.textContent === 'MW')?.querySelector('input')?.value;
  const link = new URLSearchParams(location.search).get('site_power');
  const near = (a, b) => Math.abs(Number(a) - b) <= 1e-5 * b;
  return mw !== undefined && near(mw, target) && link !== null && near(link, Number(mw)) && link;
}"""
_SETTLED_MW_SEEN = """() => ({
  handle: document.querySelector('.explorer-site-power .noUi-handle')
    ?.getAttribute('aria-valuetext'),
  field: [...document.querySelectorAll('.widget-text')]
    .find(w => w.querySelector('label')?.textContent === 'MW')?.querySelector('input')?.value,
  address: new URLSearchParams(location.search).get('site_power'),
  city: document.querySelector('.explorer-city .explorer-value')?.innerText})"""


def step_site_power(page, steps: int, *, focus: bool = True) -> float:
    """Press ArrowRight `steps` times on the site power slider of `page` (a page or a frame;
    `focus`: focus its handle first, else the keys go to the focused element), then wait until
    the page has settled on the last step; the MW its address bar names then (all digits).

    Settled: the MW field shows 10 ** (the handle's exponent), the handle `steps` steps right
    of where it was, and the address bar names that MW. Intermediate steps may be drawn on the
    way (the headlines follow every step; the link only the pause after a burst): only the
    last step's value satisfies this.
    """
    handle = page.locator(".explorer-site-power .noUi-handle")
    start = float(handle.get_attribute("aria-valuetext"))  # log10 of MW, as the slider shows
    if focus:
        handle.focus()
    for _ in range(steps):
        page.locator(":focus").press("ArrowRight")
    end = float(handle.get_attribute("aria-valuetext"))
    assert round((end - start) / SITE_POWER_STEP) == steps, (start, end)
    shown = wait_until(
        page,
        _SETTLED_MW,
        10**end,
        what=f"the MW field and the address bar show {10**end:g} MW ({steps} steps right)",
        seen=_SETTLED_MW_SEEN,
    )
    return float(shown)
