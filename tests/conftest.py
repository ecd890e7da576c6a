"""Shared helpers and markers for every test.

Markers (registered in pyproject.toml):
- `browser`: drives a real Chromium (everything under tests/browser/ gets it automatically);
- `slow`: starts a server, builds a wheel or creates a virtualenv (seconds to minutes).
`make check` runs everything else; `make test` (CI) runs all of it.
"""

from __future__ import annotations

import os
import time
import urllib.request
from pathlib import Path

import pytest

from explorer.server.launch import free_port  # the one definition (free_port(0): any free port)

ROOT = Path(__file__).resolve().parents[1]  # the checkout (tests only; the package never looks here)
__all__ = ["ROOT", "free_port", "wait_for_page", "port_is_free"]


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
    """Whether `port` can be bound again now."""
    import socket

    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((host, port))
        except OSError:
            return False
        return True


def pytest_collection_modifyitems(config, items):
    for item in items:
        if f"{os.sep}tests{os.sep}browser{os.sep}" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
