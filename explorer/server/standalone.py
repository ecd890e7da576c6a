"""`explorer app`'s server: Voila's application with the explorer's classes in Voila's places.

`ExplorerVoila` is Voila's ``Voila`` application; it changes only what Voila lets an application
choose:

- the handlers it registers (`init_handlers`): each of Voila's is swapped for the explorer's
  subclass (`pages`), ``/logout`` answers 404;
- the running kernel manager is the explorer's (`kernels.ExplorerKernelManager`, named in
  `app/voila.json` as Voila's ``multi_kernel_manager_class``; its pooled form through
  `kernels.pooled`, since Voila builds the pool class itself);
- error pages are the explorer template's ``error.html`` (no external URL), for Voila's
  handlers and Jupyter Server's alike (`init_settings`), and the page config names no MathJax
  URL (`OFFLINE_SETTINGS`);
- the websocket connection class and tornado's websocket frame limit are plain settings in
  `app/voila.json` (``kernel_websocket_connection_class``, ``tornado_settings``);
- SIGTERM and SIGINT stop the server through its event loop (`start`,
  `asyncio.loop.add_signal_handler`): Voila handles SIGTERM alone and leaves SIGINT raising
  ``KeyboardInterrupt`` wherever the main thread is; once seen in CI, the server then ran on for
  over 60 s without logging its stop. Once Voila's stop has shut the kernels down the process
  ends at once (`stop`, `stopping.end_process`); `stopping.watch_exit` is the backstop, and a
  second signal ends the process at once.
"""

from __future__ import annotations

import signal
from typing import Any

from jinja2 import ChoiceLoader, FileSystemLoader
from tornado.ioloop import IOLoop
from voila.app import Voila
from voila.request_info_handler import RequestInfoSocketHandler
from voila.shutdown_kernel_handler import VoilaShutdownKernelHandler
from voila.static_file_handler import TemplateStaticFileHandler
from voila.tornado.handler import TornadoVoilaHandler

from . import pages
from .kernels import pooled
from .launch import TEMPLATES
from .stopping import end_process, watch_exit
from .wsguard import MAX_FRAME_BYTES

#: The explorer template's folder: its ``error.html`` and ``404.html`` are self-contained.
ERROR_TEMPLATES = TEMPLATES / "voila" / "templates" / "explorer"

#: Tornado settings of both routes: frames over `MAX_FRAME_BYTES` are refused before their
#: payload is read (close code 1009), and the page config names no MathJax URL (Voila's
#: default is a public CDN; the app shows no formulas), so no request leaves the machine.
OFFLINE_SETTINGS = {"websocket_max_message_size": MAX_FRAME_BYTES, "mathjax_url": ""}


def explorer_handler(handler: Any, kernel_handler: type | None = None) -> Any:
    """The explorer's class for Voila's handler class `handler` (itself when there is none)."""
    swaps = {
        TornadoVoilaHandler: pages.ExplorerVoilaHandler,
        VoilaShutdownKernelHandler: pages.ExplorerShutdownHandler,
        RequestInfoSocketHandler: pages.QuerySocketHandler,
        TemplateStaticFileHandler: pages.TemplateStaticHandler,
    }
    if handler in swaps:
        return swaps[handler]
    if kernel_handler is not None and handler is kernel_handler:
        return pages.own_kernel_handler(kernel_handler)
    name = getattr(handler, "__name__", "")
    if name == "LogoutHandler" or name.endswith("LogoutHandler"):
        return pages.NotFoundHandler
    return handler


class ExplorerVoila(Voila):
    """Voila with the explorer's handlers, kernel manager and offline settings."""

    def init_settings(self) -> dict:
        pages.query_secret()  # before the pool's kernels start: they inherit it
        settings = super().init_settings()
        self.kernel_manager.__class__ = pooled(type(self.kernel_manager))
        # Jupyter Server's handlers (the kernel websocket, the REST routes) render their error
        # pages from this environment; Jupyter Server's own templates link its static files,
        # which Voila does not serve (an error page then failed with a second traceback)
        env = settings["jinja2_env"]
        env.loader = ChoiceLoader([FileSystemLoader(str(ERROR_TEMPLATES)), env.loader])
        return settings

    def init_handlers(self) -> list:
        from jupyter_server.services.kernels.handlers import KernelHandler

        out = []
        for spec in super().init_handlers():
            pattern, handler, *rest = spec
            out.append((pattern, explorer_handler(handler, KernelHandler), *rest))
        return out

    def start(self) -> None:
        self.tornado_settings = {**OFFLINE_SETTINGS, **self.tornado_settings}
        # the loop Voila's `listen` runs: the handlers run in it, woken through asyncio's
        # wake-up file whichever thread the signal lands on (SIGINT left ignored stays so)
        loop = IOLoop.current()
        for sig in (signal.SIGTERM, signal.SIGINT):
            if signal.getsignal(sig) is not signal.SIG_IGN:
                loop.asyncio_loop.add_signal_handler(sig, self.stop_on_signal, loop, sig)
        super().start()

    def stop_on_signal(self, loop: IOLoop, sig: int) -> None:
        """Stop the server's loop (Voila's `stop` then shuts the kernels down); a second signal
        ends the process at once."""
        if getattr(self, "_stopped_by_signal", False):
            end_process(1)
        self._stopped_by_signal = True
        self.log.info("Stopping on %s.", signal.Signals(sig).name)
        watch_exit(loop.asyncio_loop.is_running)
        loop.stop()

    def stop(self) -> None:
        """Voila's stop (the kernels shut down, the connection folder removed); after a stop
        signal the process then ends at once (`stopping.end_process`)."""
        super().stop()
        if getattr(self, "_stopped_by_signal", False):
            end_process(0)
