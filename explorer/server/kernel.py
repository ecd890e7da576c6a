"""The app notebook's kernel side: guards, the page's query string, and the dashboard.

`app()` is what the app notebook calls: it installs the kernel guards
(`kernel_guards.install_kernel_guards`: no traceback reaches the page) and builds the dashboard
for the page's link.

Voila puts the query string in the kernel's environment (QUERY_STRING). A preheated kernel from
Voila's pool has already run the notebook before anyone asked for the page: Voila then sends the
visitor's request info over a loopback websocket. We read it in a task on the kernel's own event
loop instead of blocking the cell (a blocked cell would hit Voila's per-cell timeout while the
kernel waits in the pool).
"""

from __future__ import annotations

import asyncio
import gc
import json
import logging
import os
from collections.abc import Callable

log = logging.getLogger("explorer.server")


def preheated() -> bool:
    """True in a kernel that Voila started ahead of a visitor (its pool)."""
    return os.environ.get("VOILA_PREHEAT") == "True" and bool(os.environ.get("VOILA_KERNEL_ID"))


def query_now() -> str:
    """The query string known at start (empty in a preheated kernel and outside Voila)."""
    return "" if preheated() else os.environ.get("QUERY_STRING", "")


def _request_info_url() -> str:
    env = os.environ
    base = env.get("VOILA_WS_BASE_URL") or env.get("VOILA_SERVER_URL") or "/"
    return (
        f"{env.get('VOILA_WS_PROTOCOL', 'ws')}://{env.get('VOILA_APP_IP', '127.0.0.1')}:"
        f"{env.get('VOILA_APP_PORT', '8866')}{base}voila/query/{env['VOILA_KERNEL_ID']}"
    )


async def visitor_query() -> str:
    """Wait for the visitor's request (preheated kernel) and return its query string."""
    import websockets

    # the server only answers its own kernels, which know its secret (pages.QuerySocketHandler)
    secret = {"X-Explorer-Kernel-Secret": os.environ.get("EXPLORER_QUERY_SECRET", "")}
    async with websockets.connect(
        _request_info_url(), open_timeout=10, additional_headers=secret
    ) as ws:
        info = json.loads(await ws.recv())
    query = info.get("QUERY_STRING", "") if isinstance(info, dict) else ""
    os.environ["QUERY_STRING"] = query
    return query


def when_visitor_arrives(apply: Callable[[str], None]) -> asyncio.Future | None:
    """In a preheated kernel, call `apply(query)` once the visitor's request is known."""
    if not preheated():
        return None

    async def run() -> None:
        try:
            query = await visitor_query()
        except Exception:  # no request info: the page keeps the catalog defaults
            log.warning("no request info from Voila; the page shows the default scenario")
            return
        if query:
            try:
                apply(query)
            except Exception:  # never a traceback: the defaults stay on the page
                log.warning("could not apply the page's link parameters")

    return asyncio.ensure_future(run())


def app(query: str | None = None):
    """Build the dashboard for the page's query string (or `query`) and return its widget.

    In a preheated kernel the dashboard is built from the catalog defaults ahead of the visitor
    and shows the link's scenario as soon as the request arrives (before the browser connects)."""
    from ..ui import ExplorerApp
    from .kernel_guards import install_kernel_guards

    install_kernel_guards()
    no_echo()
    explorer = ExplorerApp(query_now() if query is None else query)
    if query is None:
        when_visitor_arrives(explorer.load_link)
    freeze_heap()
    return explorer.widget


def no_echo() -> None:
    """Stop ipywidgets echoing each browser change back to the browser.

    The echo keeps several browser windows on one kernel in step; an app kernel serves one page,
    so it is a message per slider step that tells the page nothing. Here, not in the server's
    environment: the lesson notebooks in JupyterLab keep it."""
    from ipywidgets.widgets import widget

    widget.JUPYTER_WIDGETS_ECHO = False


def freeze_heap() -> None:
    """Collect once, then leave everything built so far out of later collections.

    The modules and the dashboard are some hundred thousand long-lived objects; every full
    collection would walk them all again (10–50 ms, a slider step's worth) at a moment the
    slider happens to trigger it. `gc.freeze` keeps them out of every collection from now on;
    they are never garbage while the kernel serves its page."""
    gc.collect()
    gc.freeze()
