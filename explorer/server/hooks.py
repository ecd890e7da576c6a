"""Hardening for the public Voila server (each item measured against a default Voila 0.5.13).

- `prelaunch`: sets the `_xsrf` cookie on the page response, so the page's tab-close kernel
  shutdown is accepted (otherwise it gets 403 and every visit leaks a kernel; Voila #1458).
- `patch_websocket`: refuses kernel websockets that do not speak the
  `v1.kernel.websocket.jupyter.org` subprotocol, and bounds Voila's binary-header parsing. A
  legacy-protocol client otherwise makes Voila decode JSON frames as v1 offsets and stall the
  whole server at 100 % CPU.
- `install_kernel_guards`: inside the app's kernel, any exception that escapes a widget
  callback is reported as one plain line instead of a traceback (code, paths, values) sent to
  the browser.
"""

from __future__ import annotations

import logging
from typing import Any

V1 = "v1.kernel.websocket.jupyter.org"
MAX_OFFSETS = 64  # a real v1 message has a handful of parts (header, parent, metadata, content, buffers)
log = logging.getLogger("explorer.server")


def prelaunch(req: Any, notebook: Any, cwd: str) -> None:
    """Voila prelaunch hook: touch the XSRF token so the response sets the `_xsrf` cookie."""
    _ = req.xsrf_token


def requested_subprotocols(header: str | None) -> list[str]:
    """The subprotocols a websocket client asks for (Sec-WebSocket-Protocol header)."""
    return [p.strip() for p in (header or "").split(",") if p.strip()]


def patch_websocket() -> None:
    """Make Voila's kernel websocket handler refuse legacy-protocol clients (idempotent)."""
    from tornado import web
    from voila.tornado import kernel_websocket_handler as kwh

    handler = kwh.VoilaKernelWebsocketHandler
    if getattr(handler, "_explorer_patched", False):
        return
    original_get = handler.get

    async def get(self, *args: Any, **kwargs: Any) -> None:
        if V1 not in requested_subprotocols(self.request.headers.get("Sec-WebSocket-Protocol")):
            log.warning("refused a kernel websocket without the %s subprotocol", V1)
            raise web.HTTPError(400, "kernel websockets need the v1 subprotocol")
        await original_get(self, *args, **kwargs)

    original_read = kwh.read_header_from_binary_message

    def read_header(ws_msg: bytes) -> dict | None:
        if len(ws_msg) < 8 or int.from_bytes(ws_msg[:8], "little") > MAX_OFFSETS:
            return None
        return original_read(ws_msg)

    handler.get = get
    kwh.read_header_from_binary_message = read_header
    handler._explorer_patched = True


PLAIN_ERROR = "Something went wrong in the explorer; the last valid values are kept."


def install_kernel_guards() -> None:
    """In the app's kernel: show a plain line instead of any traceback (idempotent)."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - always present in a Jupyter kernel
        return
    shell = get_ipython()
    if shell is None or getattr(shell, "_explorer_guarded", False):
        return

    def plain(*args: Any, **kwargs: Any) -> None:
        print(PLAIN_ERROR)

    shell.showtraceback = plain
    shell.showsyntaxerror = plain
    shell._explorer_guarded = True
