"""A journalist's embed: the Sources tab's snippet (`explorer.ui.cite.embed_snippet`) pasted into a
page of another site, in Chromium.

The app is served on ``127.0.0.1:PORT`` and the story page on ``localhost:PORT2``: two different
sites, so the app runs in a third-party (cross-site) iframe, where Chromium keeps no ordinary
cookie (SameSite=Lax by default, third-party cookies blocked). The page must still become
interactive, show the core's numbers for the embedded scenario and follow the keyboard inside the
frame; and, when the browser keeps no cookie of the frame at all (plain http on a host name that
is not loopback), the page's rendered token must do instead.
"""

from __future__ import annotations

import http.server
import threading
from urllib.parse import urlparse

import pytest
from conftest import eventually, free_port

import explorer
from explorer import fmt
from explorer.ui.cite import embed_snippet

from .conftest import LOOPBACK, page_kernel, step_site_power, wait_link, wait_text

SCENARIO = {"site_power": 600, "chip": "h100", "cooling_fraction": 0.3}
CITY = ".explorer-city .explorer-value"
# the frame's real cookie jar, past the page's fallback (which adds its rendered token)
REAL_COOKIES = (
    "() => Object.getOwnPropertyDescriptor(Document.prototype, 'cookie').get.call(document)"
)


class StorySite:
    """A tiny web site on another host name (``localhost``) serving one story page."""

    def __init__(self) -> None:
        self.html = b""
        site = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.end_headers()
                self.wfile.write(site.html)

            def log_message(self, *args) -> None:
                pass

        self.port = free_port(0)
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.url = f"http://localhost:{self.port}/story.html"

    def publish(self, snippet: str) -> str:
        """The story page with `snippet` in it; its URL."""
        self.html = (
            "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>A story</title>"
            "</head><body><h1>How much power does an AI campus draw?</h1>"
            f"<p>Move the sliders below.</p>{snippet}</body></html>"
        ).encode()
        return self.url

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="module")
def story_site():
    site = StorySite()
    yield site
    site.stop()


def scenario_link(app_url: str) -> str:
    return app_url + "?" + "&".join(f"{k}={v}" for k, v in SCENARIO.items())


def embedded_app(page, origin: str = "http://127.0.0.1"):
    """The app's frame in the story page, once the app inside it is interactive."""
    # the snippet's iframe loads lazily: when the reader scrolls to it. Headless Chromium does
    # not always start a lazy frame that is already in view until something scrolls, and one
    # scroll was not always enough (make test failed once with the frame never showing the app):
    # scroll until the frame has started loading the app, the state that must hold
    iframe = page.locator("iframe")

    def started():
        iframe.scroll_into_view_if_needed()
        page.mouse.wheel(0, 50)
        return next((f for f in page.frames if f.url.startswith(origin)), None)

    eventually(
        started,
        what="the story's iframe started loading the app",
        seen=lambda: [f.url for f in page.frames],
        timeout=90,
        every=1,
        pause=lambda s: page.wait_for_timeout(s * 1000),
    )
    page.frame_locator("iframe").locator(CITY).wait_for(timeout=90_000)
    return next(f for f in page.frames if f.url.startswith(origin))


def households(ds) -> str:
    return f"{fmt.number(float(ds.city_households))} households"


def check_interactive(frame) -> None:
    """The frame shows the core's scenario, and a slider moved with the keyboard changes it."""
    ds = explorer.compute(**SCENARIO)
    wait_link(frame, SCENARIO)  # a pooled kernel gets the link after the page shows
    wait_text(frame, CITY, households(ds))
    shown_mw = step_site_power(frame, 10)  # settled on the last step
    assert shown_mw > SCENARIO["site_power"]
    moved = explorer.compute(**{**SCENARIO, "site_power": shown_mw})
    wait_text(frame, CITY, households(moved))


def test_the_embed_snippet_works_on_another_site_and_follows_the_keyboard(
    voila_server, story_site, page, offline_guard
):
    url = story_site.publish(embed_snippet(scenario_link(voila_server.url), "AI campus explorer"))
    assert urlparse(url).hostname != urlparse(voila_server.url).hostname  # another site
    page.goto(url)
    frame = embedded_app(page)
    check_interactive(frame)
    # the frame kept its own _xsrf cookie: partitioned under the story's site (CHIPS)
    assert "_xsrf=" in frame.evaluate(REAL_COOKIES)
    assert "_xsrf=" not in page.evaluate("() => document.cookie")  # the story page sees none
    assert offline_guard["errors"] == []


def test_the_binder_route_works_embedded_on_another_site(binder_server, story_site, browser):
    # Binder's page authenticates its own requests with the login cookie the page sets
    # (partitioned like the _xsrf cookie: Binder is https, here loopback). Requests off the
    # machine are aborted, not asserted: the Binder route's page asks a CDN for MathJax with or
    # without embedding (a template matter, outside this test).
    link = (
        f"{binder_server.url}voila/render/notebooks/explorer.ipynb?token={binder_server.token}&"
        + "&".join(f"{k}={v}" for k, v in SCENARIO.items())
    )
    context = browser.new_context(viewport={"width": 1280, "height": 1600})
    try:
        page = context.new_page()
        page.route(
            "**/*",
            lambda r: (
                r.continue_() if (urlparse(r.request.url).hostname or "") in LOOPBACK else r.abort()
            ),
        )
        page.goto(story_site.publish(embed_snippet(link, "AI campus explorer")))
        check_interactive(embedded_app(page))
    finally:
        context.close()


@pytest.fixture
def named_hosts_browser(playwright, chromium_path, browser_type_launch_args):
    """Chromium that resolves every ``*.test`` name to 127.0.0.1: the app at
    ``http://app.test:PORT`` is plain http on a host that is not loopback, which no browser
    treats as secure (so it keeps no ``Secure`` cookie from it)."""
    args = [*browser_type_launch_args["args"], "--host-resolver-rules=MAP *.test 127.0.0.1"]
    browser = playwright.chromium.launch(**{**browser_type_launch_args, "args": args})
    yield browser
    browser.close()


def test_on_plain_http_the_embedded_page_works_with_its_rendered_token(
    voila_server, story_site, named_hosts_browser
):
    """Plain http on a named host: the browser keeps no cookie of the frame at all (the
    server sets its default SameSite=Lax cookie, which a cross-site frame may not keep). The
    kernel-model request and the keyboard still work, with the token rendered into the page,
    and leaving the story releases the frame's kernel (the shutdown beacon carries it too)."""
    port = urlparse(voila_server.url).port
    link = f"http://app.test:{port}/?" + "&".join(f"{k}={v}" for k, v in SCENARIO.items())
    url = story_site.publish(embed_snippet(link, "AI campus explorer"))
    url = url.replace("//localhost:", "//story.test:")
    outside: list[str] = []

    def route(r):
        if (urlparse(r.request.url).hostname or "") in {*LOOPBACK, "app.test", "story.test"}:
            return r.continue_()
        outside.append(r.request.url)
        return r.abort()

    context = named_hosts_browser.new_context(viewport={"width": 1280, "height": 1600})
    try:
        page = context.new_page()
        page.route("**/*", route)
        page.goto(url)
        frame = embedded_app(page, "http://app.test")
        assert "_xsrf=" not in frame.evaluate(REAL_COOKIES)  # the browser kept no cookie
        check_interactive(frame)
        # the frame's own kernel, by id: other pages' kernels come and go meanwhile (a pool
        # refills, closed pages are released), so a count would race with them
        mine = page_kernel(frame)
        assert mine in voila_server.kernel_ids()
        page.goto("about:blank")  # the frame's beforeunload sends Voila's shutdown beacon
    finally:
        context.close()
    eventually(
        lambda: mine not in voila_server.kernel_ids(),
        what=f"the frame's kernel {mine} released",
        seen=voila_server.kernel_ids,
    )
    assert not outside, f"requests left the machine: {outside}"
