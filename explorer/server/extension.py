"""The explorer as a Jupyter Server extension: the Binder (and JupyterHub) route.

Enabled by the package's ``app/jupyter_server_config.json`` on the config path
(``ServerApp.jpserver_extensions``), or by
``jupyter server extension enable explorer.server.extension``; Voila's own extension serves the
app at ``/voila/render/…``. The extension

- at link time (before Jupyter Server builds its kernel manager and web application) names the
  explorer's kernel manager (`kernels.ExplorerKernelManager`) and kernel websocket connection
  (`connection.GuardedConnection`) unless they are configured otherwise, and adds tornado's
  websocket frame limit and the offline page settings (`standalone.OFFLINE_SETTINGS`);
- once every extension is loaded, puts the explorer's handlers (`pages`) in place of the ones
  Voila's extension registered for the app page, the tab-close shutdown and the template files
  (`use_explorer_handlers`); JupyterLab's routes are left as Jupyter Server serves them;
- makes a SIGTERM end the process promptly (`exit_promptly_on_sigterm`): as soon as Jupyter
  Server's cleanup has run (`stopping.end_process`), and after a grace whatever else runs.
"""

from __future__ import annotations

import logging
import signal
import threading
from typing import Any

from .connection import GuardedConnection
from .kernels import ExplorerKernelManager
from .pages import query_secret
from .standalone import OFFLINE_SETTINGS, explorer_handler
from .stopping import end_process, watch_exit

log = logging.getLogger("explorer.server")


def _jupyter_server_extension_points() -> list[dict[str, str]]:
    return [{"module": "explorer.server.extension"}]


def _link_jupyter_server_extension(serverapp: Any) -> None:
    configured = serverapp.config.get("ServerApp", {})
    # (reading the traits' defaults this early fails: they depend on the gateway's config)
    if "kernel_manager_class" not in configured:
        serverapp.kernel_manager_class = ExplorerKernelManager
    if "kernel_websocket_connection_class" not in configured:
        serverapp.kernel_websocket_connection_class = GuardedConnection
    serverapp.tornado_settings = {**OFFLINE_SETTINGS, **serverapp.tornado_settings}
    query_secret()


def _load_jupyter_server_extension(serverapp: Any) -> None:
    serverapp.web_app.settings.update(
        {k: v for k, v in OFFLINE_SETTINGS.items() if k not in serverapp.tornado_settings}
    )
    serverapp.io_loop.add_callback(use_explorer_handlers, serverapp.web_app)
    exit_promptly_on_sigterm(serverapp)


def use_explorer_handlers(web_app: Any) -> int:
    """Replace, in `web_app`'s routing table, Voila's handler classes by the explorer's
    (`standalone.explorer_handler`); how many rules changed. (Voila's extension loads after
    this one, alphabetically, so this runs once the loop starts.)"""
    changed = 0
    for router in (web_app.default_router, web_app.wildcard_router):
        for rule in _rules(router):
            new = explorer_handler(rule.target)
            if new is not rule.target and rule.target.__module__.startswith("voila"):
                rule.target = new
                changed += 1
    log.info("explorer: %d of Voila's handlers replaced by the explorer's", changed)
    return changed


def _rules(router: Any):
    from tornado.routing import RuleRouter

    for rule in getattr(router, "rules", []):
        if isinstance(rule.target, RuleRouter):
            yield from _rules(rule.target)
        elif isinstance(rule.target, type):
            yield rule


def exit_promptly_on_sigterm(serverapp: Any) -> None:
    """On SIGTERM, Jupyter Server stops its loop and shuts its kernels down, then Python waits for
    every non-daemon thread; threads of renders in flight kept it alive for minutes. Chain a
    watchdog before Jupyter Server's own handler (`stopping.watch_exit`): once the loop has
    stopped the process gets ``EXIT_GRACE`` seconds, and ``EXIT_DEADLINE`` seconds in all, to end
    by itself. Without a terminal,
    SIGINT does the same.

    When the loop returns (Jupyter Server stops it once its cleanup has shut the kernels down and
    removed its files), the process ends there (`stopping.end_process`) instead of waiting for
    render threads and the interpreter's teardown; the watchdog stays as the backstop."""
    previous = signal.getsignal(signal.SIGTERM)
    signalled = threading.Event()
    start_ioloop = serverapp.start_ioloop

    def start_ioloop_then_end() -> None:
        start_ioloop()
        if signalled.is_set():
            end_process(0)

    serverapp.start_ioloop = start_ioloop_then_end

    def on_sigterm(signum: int, frame: Any) -> None:
        signalled.set()
        watch_exit(serverapp.io_loop.asyncio_loop.is_running)
        if callable(previous):
            previous(signum, frame)

    signal.signal(signal.SIGTERM, on_sigterm)
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        # not started from a terminal: Jupyter Server leaves SIGINT raising KeyboardInterrupt
        # wherever the loop is, and a request in flight logged it as its own error while the
        # server ran on; stop as on SIGTERM instead
        signal.signal(signal.SIGINT, on_sigterm)
