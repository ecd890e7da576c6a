"""Serving safely: closed routes, no sources, offline page, kernels released, legacy websockets
refused, no tracebacks over the wire."""

from __future__ import annotations

import asyncio
import concurrent.futures
import json
import re
import time

import pytest
from conftest import eventually
from tornado.httpclient import HTTPClientError, HTTPRequest
from tornado.websocket import websocket_connect

import explorer
from explorer import fmt
from explorer.server.connection import V1
from explorer.server.kernel_guards import PLAIN_ERROR
from explorer.server.launch import SETTINGS

from .conftest import page_kernel, wait_ready, wait_text

CLOSED = [
    "/api/contents",
    "/api/kernels",
    "/api/sessions",
    "/tree",
    "/lab",
    "/terminals",
    "/api/terminals",
    "/notebooks/explorer.ipynb",
    "/files/notebooks/explorer.ipynb",
    "/voila/files/explorer.ipynb",
    "/voila/files/../explorer/model.py",
    "/explorer/model.py",
    "/voila/tree",
    "/api/kernelspecs",
]


@pytest.mark.parametrize("path", CLOSED)
def test_api_ui_and_source_routes_are_unreachable(voila_server, path):
    status, body = voila_server.get(path)
    assert status in (403, 404, 405), f"{path} answered {status}"
    assert "def compute" not in body and "from explorer" not in body


def test_page_has_no_sources_no_cdn_and_sets_the_xsrf_cookie(voila_server):
    import urllib.request

    with urllib.request.urlopen(voila_server.url, timeout=60) as r:
        page = r.read().decode()
        cookies = r.headers.get_all("Set-Cookie") or []
    assert "from explorer.server.kernel import app" not in page  # strip_sources
    assert not re.search(r"https?://(?!127\.0\.0\.1)[^\"' ]*\.(css|js|mjs)", page), (
        "page loads code or styles from outside"
    )
    assert any(c.startswith("_xsrf=") for c in cookies)


def _kernel_id(voila_server) -> str:
    status, page = voila_server.get("/")
    assert status == 200
    match = re.search(r'kernelId["\']?\s*[:=]\s*["\']([0-9a-f-]{36})', page) or re.search(
        r"([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})", page
    )
    assert match, "no kernel id in the page"
    return match.group(1)


def _connect(url: str, subprotocols) -> str | None:
    """Open a kernel websocket; returns the subprotocol the server selected (raises if refused)."""

    async def go() -> str | None:
        req = HTTPRequest(url, request_timeout=20, connect_timeout=10)
        ws = await asyncio.wait_for(websocket_connect(req, subprotocols=subprotocols), 30)
        chosen = ws.selected_subprotocol
        ws.close()
        return chosen

    # Playwright's sync API runs an event loop in this thread: use a thread of our own.
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, go()).result(timeout=60)


def test_legacy_websocket_clients_are_refused_and_the_server_stays_responsive(voila_server):
    kid = _kernel_id(voila_server)
    ws_url = voila_server.url.replace("http", "ws") + f"api/kernels/{kid}/channels?session_id=test"
    with pytest.raises(HTTPClientError) as info:
        _connect(ws_url, None)
    assert info.value.code == 400
    assert _connect(ws_url, [V1]) == V1  # a v1 client (the browser) still connects
    status, _ = voila_server.get(
        "/voila/static/voila.js"
    )  # the server still answers (urlopen's own timeout bounds it)
    assert status in (200, 404)


def pool_size() -> int:
    return json.loads(SETTINGS.read_text())["VoilaConfiguration"].get("default_pool_size", 0)


def settled_kernels(server, pool: int = 0, quiet: float = 5, timeout: float = 90) -> int:
    """The kernel count once it is at least `pool` (the preheated pool is full: `explorer app`'s
    route has one, Binder's has none) and has not changed for `quiet` seconds.

    Outside the server nothing shows a pool refill that still sleeps through Voila's fill delay
    (1 s): a count steady for several times that long is the pool refilled. A count taken too
    early could only be lower than the settled one; this waits past that.
    """
    eventually(
        lambda: server.kernels() >= pool,
        what=f"the pool's {pool} kernels",
        seen=server.kernels,
        timeout=timeout,
    )
    deadline = time.monotonic() + timeout
    count, since = server.kernels(), time.monotonic()
    while time.monotonic() - since < quiet:
        if time.monotonic() > deadline:
            pytest.fail(f"the kernel count never held still for {quiet} s (last: {count})")
        time.sleep(0.5)
        if (now := server.kernels()) != count:
            count, since = now, time.monotonic()
    return count


def released(server, kernels: list[str]) -> None:
    """Wait until none of `kernels` (closed pages' kernel ids) runs on the server any more."""
    eventually(
        lambda: not set(kernels) & server.kernel_ids(),
        what=f"closed pages' kernels {kernels} released",
        seen=lambda: set(kernels) & server.kernel_ids(),
    )


def test_closed_pages_release_their_kernels(voila_server, browser):
    # each page's own kernel, by id: other kernels (the pool refilling, earlier tests' pages
    # waiting for the idle culler) come and go meanwhile, so a count would race with them
    mine = []
    for _ in range(3):
        page = browser.new_page()
        wait_ready(page, voila_server.url)
        mine.append(page_kernel(page))
        assert mine[-1] in voila_server.kernel_ids()
        page.goto("about:blank")  # leaving the page sends Voila's shutdown beacon
        page.close()
    released(voila_server, mine)


def test_a_failing_callback_sends_no_traceback_over_the_websocket(failing_server, page):
    frames: list[str] = []
    page.on(
        "websocket",
        lambda ws: ws.on(
            "framereceived",
            lambda f: frames.append(f if isinstance(f, str) else f.decode("utf-8", "replace")),
        ),
    )
    page.goto(failing_server.url)
    page.locator(".boom").wait_for(timeout=90_000)
    page.locator(".boom").click()
    eventually(  # the frames arrive through Playwright's events: its own wait lets them in
        lambda: any(PLAIN_ERROR in f for f in frames),
        what="the plain error message over the websocket",
        seen=lambda: f"{len(frames)} frames",
        pause=lambda s: page.wait_for_timeout(s * 1000),
    )
    wire = "\n".join(frames)
    for leak in (
        "Traceback",
        "RuntimeError",
        "internal detail",
        "explorer_internal_path",
        "site-packages",
    ):
        assert leak not in wire, leak


def test_a_preheated_kernel_serves_a_link_with_its_scenario(voila_server, browser):
    # a pooled kernel ran the notebook before the visit: the link's scenario must still be shown
    assert pool_size() >= 1
    settled_kernels(voila_server, pool_size())
    used = voila_server.log.read_text().count("Using pre-heated kernel")
    page = browser.new_page()
    wait_ready(page, voila_server.url + "?site_power=600&chip=h100&cooling_fraction=0.3")
    assert voila_server.log.read_text().count("Using pre-heated kernel") == used + 1
    ds = explorer.compute(site_power=600, chip="h100", cooling_fraction=0.3)
    flops = f"{fmt.quantity(float(ds.peak_flops.sel(precision='fp8')), 'FLOP/s')} peak"
    wait_text(page, ".explorer-flops .explorer-value", flops)
    city = f"{fmt.number(float(ds.city_households))} households"
    wait_text(page, ".explorer-city .explorer-value", city)
    page.close()


def test_forged_request_info_sockets_cannot_take_a_visitors_link(voila_server, browser):
    # Upstream, two sockets on /voila/query/<made-up id>, the first then closed, removed the
    # waiter of the newest pooled kernel: the next visitor's link was ignored.
    from websockets.exceptions import InvalidStatus
    from websockets.sync.client import connect

    settled_kernels(voila_server, pool_size())
    base = voila_server.url.replace("http://", "ws://").rstrip("/")
    for fake in ("00000000-0000-0000-0000-000000000001", "00000000-0000-0000-0000-000000000002"):
        with pytest.raises(InvalidStatus):
            connect(f"{base}/voila/query/{fake}", open_timeout=10).close()
    page = browser.new_page()
    wait_ready(page, voila_server.url + "?site_power=1234")
    ds = explorer.compute(site_power=1234)
    wait_text(
        page,
        ".explorer-city .explorer-value",
        f"{fmt.number(float(ds.city_households))} households",
    )
    page.close()


def test_the_binder_route_sets_the_xsrf_cookie_and_releases_closed_pages(binder_server, browser):
    # Binder serves /voila/render/... from Jupyter Server; binder/start loads the same cookie fix
    url = f"{binder_server.url}voila/render/notebooks/explorer.ipynb?token={binder_server.token}"
    mine = []
    for _ in range(2):
        context = browser.new_context()
        page = context.new_page()
        wait_ready(page, url)
        assert any(c["name"] == "_xsrf" for c in context.cookies())
        mine.append(page_kernel(page))
        assert mine[-1] in binder_server.kernel_ids()
        page.goto("about:blank")  # Voila's shutdown beacon
        context.close()
    released(binder_server, mine)
