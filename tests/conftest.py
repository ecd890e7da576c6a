"""Shared helpers and markers for every test.

Markers (registered in pyproject.toml):
- `browser`: drives a real Chromium (everything under tests/browser/ gets it automatically);
- `slow`: starts a server, builds a wheel or creates a virtualenv (seconds to minutes).
`make check` runs everything else; `make test` (CI) runs all of it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from explorer.server.launch import free_port, port_in_use  # free_port(0): any free port

ROOT = (
    Path(__file__).resolve().parents[1]
)  # the checkout (tests only; the package never looks here)
__all__ = ["ROOT", "free_port", "wait_for_page", "port_is_free", "HOSTILE_VOILA_JSON"]
# a voila.json in the reader's folder that would switch tracebacks and sources back on
HOSTILE_VOILA_JSON = {
    "VoilaConfiguration": {"show_tracebacks": True, "strip_sources": False, "template": "lab"}
}
SERVED_SETTINGS = """
import json, sys
from voila.app import Voila
from explorer.server.run import voila_app
out = []
for argv in json.loads(sys.argv[1]):
    Voila.clear_instance()
    app = voila_app(argv)
    page = {k: getattr(app.voila_configuration, k) for k in
            ("template", "strip_sources", "show_tracebacks", "preheat_kernel", "default_pool_size")}
    out.append({"page": page, "config": app.config})
print(json.dumps(out, default=str))
"""


def wait_for_page(url: str, timeout: float = 120) -> str:
    """The page's HTML once the server answers ("" if it never does within `timeout` s)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=timeout) as r:
                return r.read().decode()
        except OSError:
            time.sleep(0.5)
    return ""


def port_is_free(port: int, host: str = "127.0.0.1") -> bool:
    """Whether a server could bind `port` again now."""
    return not port_in_use(port, host)


@pytest.fixture(scope="session")
def served_settings(tmp_path_factory) -> list[dict]:
    """The settings a server started as `explorer app` starts it (explorer.server.run) ends up with,
    from a folder holding HOSTILE_VOILA_JSON: [without options, with a command-line override]."""
    cwd = tmp_path_factory.mktemp("reader-folder")
    (cwd / "voila.json").write_text(json.dumps(HOSTILE_VOILA_JSON))
    argvs = [[], ["--VoilaConfiguration.default_pool_size=0"]]
    r = subprocess.run(
        [sys.executable, "-c", SERVED_SETTINGS, json.dumps(argvs)],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert r.returncode == 0, r.stderr[-2000:]
    return json.loads(r.stdout.strip().splitlines()[-1])


def pytest_collection_modifyitems(config, items):
    for item in items:
        if f"{os.sep}tests{os.sep}browser{os.sep}" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
