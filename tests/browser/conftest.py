"""Real-browser harness: a live Voila server on loopback, driven by Playwright with Debian's
Chromium.

- `voila_server` (session): the app served exactly as `explorer app` serves it.
- `app_url`: the app page's URL.
- pytest-playwright's `page` uses /usr/bin/chromium (never a downloaded browser); every
  request to a host outside the machine fails the test (`offline_guard`).
- No Chromium: skip locally, FAIL in CI (CI=true).
"""

from __future__ import annotations

import os
import secrets
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import pytest
from conftest import ServerProcess, binder_argv

from explorer.server.launch import APP_NOTEBOOK, voila_command

CHROMIUM = "/usr/bin/chromium"
LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}
DATA = Path(__file__).parent / "data"


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


class VoilaServer(ServerProcess):
    """A Voila process serving one notebook on 127.0.0.1 as `explorer app` does (or `argv`)."""

    def __init__(self, notebook: Path, log: Path, argv: list[str] | None = None) -> None:
        super().__init__(argv or voila_command(notebook, port="{port}"), log)
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
    server = VoilaServer(
        DATA / "failing_callback.ipynb", tmp_path_factory.mktemp("voila-fail") / "voila.log"
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


@pytest.fixture(autouse=True)
def offline_guard(request):
    """Fail on any request that would leave the machine; collect page errors."""
    if "page" not in request.fixturenames:
        yield None
        return
    page = request.getfixturevalue("page")
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
    yield {"errors": errors, "outside": outside}
    assert not outside, f"requests left the machine: {outside}"


def wait_ready(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector(".explorer-city .explorer-value", timeout=90_000)
