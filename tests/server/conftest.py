"""Live servers for the serving tests: `explorer app`'s Voila and the Binder route, on loopback.

Small limits: 4 visitor kernels, so that a flood of 10 visits meets the cap. The grace a served
page's kernel waits for its websocket is the production default (60 s): the tests read a page's
kernel model after fetching a second page, which on a busy machine can take a whole notebook run,
and a shorter grace released the first page's kernel in between. Every test connects from
127.0.0.1, so the per-address share is lifted here (1: the whole cap), and the tests reuse one
kernel across sockets, so the reconnect window is long; `test_redteam.py` starts a server with
both in force.
"""

from __future__ import annotations

import secrets
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from conftest import PAGE_KERNEL_ID, ServerProcess, binder_argv

from explorer.server.launch import APP_NOTEBOOK, voila_command

LIMITS = {
    "EXPLORER_MAX_KERNELS": "4",
    "EXPLORER_UNUSED_KERNEL_GRACE": "60",
    "EXPLORER_KERNELS_PER_MINUTE": "1000",
    "EXPLORER_ADDRESS_SHARE": "1",
    "EXPLORER_RECONNECT_WINDOW": "600",  # the tests share one kernel across many sockets
}
KERNEL_ID = PAGE_KERNEL_ID


class LiveServer(ServerProcess):
    """A server with the small limits, and what the attacks need: pages, kernel ids, websockets."""

    def __init__(
        self,
        argv: list[str],
        log: Path,
        page_path: str,
        token: str = "",
        env: dict[str, str] | None = None,
    ) -> None:
        super().__init__(argv, log, env=LIMITS if env is None else env)
        self.base = f"http://127.0.0.1:{self.port}"
        self.page_path = page_path
        self.token = token

    def url(self, path: str) -> str:
        sep = "&" if "?" in path else "?"
        return self.base + path + (f"{sep}token={self.token}" if self.token else "")

    def get(
        self, path: str, method: str = "GET", timeout: float = 60, headers: dict | None = None
    ) -> tuple[int, str, dict]:
        req = urllib.request.Request(self.url(path), method=method, headers=headers or {})
        try:
            with urllib.request.urlopen(req, timeout=timeout) as r:
                return r.status, r.read().decode("utf-8", "replace"), dict(r.headers)
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode("utf-8", "replace"), dict(e.headers)

    def open_page(self) -> str:
        """GET the app page like a visitor (without running its scripts); its kernel id."""
        status, html, _ = self.get(self.page_path)
        assert status == 200, f"page answered {status}"
        found = KERNEL_ID.search(html)
        assert found, "no kernel id in the page"
        return found.group(1)

    def page_credentials(self) -> tuple[str, str]:
        """GET the app page; its kernel id and the `_xsrf` cookie it set."""
        with urllib.request.urlopen(self.url(self.page_path), timeout=60) as r:
            html = r.read().decode()
            cookies = r.headers.get_all("Set-Cookie") or []
        xsrf = next(c.split(";")[0].split("=", 1)[1] for c in cookies if c.startswith("_xsrf="))
        found = KERNEL_ID.search(html)
        # seen once (session 19, a busy host): a 200 page without a kernel id; say what it was
        assert found, f"no kernel id in the page; it began: {html[:400]!r}"
        return found.group(1), xsrf

    def ws_url(self, kernel_id: str) -> str:
        return self.url(
            f"/api/kernels/{kernel_id}/channels?session_id={secrets.token_hex(8)}"
        ).replace("http://", "ws://")


@pytest.fixture(scope="module")
def server_limits() -> dict[str, str]:
    """The limits of a test module's `app_server` and `binder_server` (a module whose tests need
    others overrides this fixture)."""
    return LIMITS


@pytest.fixture(scope="module")
def app_server(tmp_path_factory, server_limits):
    """`explorer app`'s server (Voila standalone), with small limits and a pool of 1: its pages
    still get a preheated kernel and Voila's request-info socket, and the server does not run the
    notebook for a second pooled kernel no test takes. (The production pool is served to
    `test_live.py`'s flood and to the browser tests' `voila_server`.)"""
    server = app_live_server(tmp_path_factory, "app", server_limits, pool=1)
    yield server
    server.stop()


def app_live_server(tmp_path_factory, name: str, env: dict, pool: int | None = None) -> LiveServer:
    """`explorer app`'s server started with `env` (a module's own limits) and `pool` preheated
    kernels (None: the production pool of voila.json), logging to a fresh folder named `name`;
    the caller stops it."""
    return LiveServer(
        voila_command(APP_NOTEBOOK, port="{port}", pool=pool),
        tmp_path_factory.mktemp(name) / "voila.log",
        "/",
        env=env,
    )


@pytest.fixture(scope="module")
def binder_server(tmp_path_factory, server_limits):
    """The Binder route: Jupyter Server with Voila's extension, started through binder/start."""
    token = secrets.token_hex(12)
    server = LiveServer(
        binder_argv(token),
        tmp_path_factory.mktemp("binder") / "server.log",
        "/voila/render/notebooks/explorer.ipynb",
        token,
        env=server_limits,
    )
    yield server
    server.stop()


@pytest.fixture(params=["app", "binder"])
def any_server(request):
    """Each test that takes this runs on both routes."""
    return request.getfixturevalue(f"{request.param}_server")
