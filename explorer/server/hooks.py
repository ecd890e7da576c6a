"""Hardening for the public Voila server (each item measured against a default Voila 0.5.13).

- `patch_page_handler`: sets the `_xsrf` cookie on the page response, so the page's tab-close
  kernel shutdown is accepted (otherwise it gets 403 and every visit leaks a kernel; Voila #1458).
  A handler patch rather than Voila's `prelaunch_hook`, which cannot be combined with preheated
  kernels.
- `patch_culling`: idle-kernel culling skips the preheated kernels waiting in Voila's pool.
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


def patch_page_handler() -> None:
    """Make every Voila page response set the `_xsrf` cookie, pooled kernel or not (idempotent)."""
    from voila.handler import VoilaHandler

    if getattr(VoilaHandler, "_explorer_patched", False):
        return
    original = VoilaHandler.get_generator

    async def get_generator(self, path=None):
        _ = self.xsrf_token  # tornado sets the cookie with the response headers
        async for snippet in original(self, path=path):
            yield snippet

    VoilaHandler.get_generator = get_generator
    VoilaHandler._explorer_patched = True


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


def pooled_kernel_ids(kernel_manager: Any) -> set[str]:
    """Kernels waiting in Voila's preheated pool (none when the pool is off)."""
    ids = set()
    for pool in getattr(kernel_manager, "_pools", {}).values():
        for task in pool:
            if task.done() and not task.cancelled() and task.exception() is None:
                ids.add(task.result().get("kernel_id"))
    return ids


def patch_culling() -> None:
    """Idle-kernel culling (for tabs that crashed without closing) must not cull the preheated
    kernels waiting in Voila's pool: they are idle and unconnected by design, and Voila does not
    refill the pool after a cull (idempotent)."""
    from jupyter_server.services.kernels.kernelmanager import MappingKernelManager

    if getattr(MappingKernelManager, "_explorer_patched", False):
        return
    original = MappingKernelManager.cull_kernel_if_idle

    async def cull_kernel_if_idle(self, kernel_id):
        if kernel_id in pooled_kernel_ids(self):
            return None
        return await original(self, kernel_id)

    MappingKernelManager.cull_kernel_if_idle = cull_kernel_if_idle
    MappingKernelManager._explorer_patched = True


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
