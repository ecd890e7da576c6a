"""The kernel manager of the public app: Jupyter Server's, with the explorer's limits.

`ExplorerKernelManager` is a ``kernel_manager_class`` (Voila's
``VoilaConfiguration.multi_kernel_manager_class`` on `explorer app`'s route, Jupyter Server's
``ServerApp.kernel_manager_class`` on the Binder route), so no upstream attribute is replaced:

- the kernel it starts for a page visit is told to that visit (`tracker.record_kernel`): the
  page handler learns its kernel from here, never from the HTML it streams;
- it starts the tracker's sweep (unused, disconnected and too old visitor kernels);
- what it buffers for a session whose websocket closed is bounded (`MAX_BUFFERED_MESSAGES`,
  `MAX_BUFFERED_BYTES`); `explorer app` turns the buffering off altogether
  (``buffer_offline_messages``: the app's page does not resume a session);
- idle-kernel culling (for tabs that crashed) skips the preheated kernels waiting in Voila's pool:
  they are idle and unconnected by design, and Voila does not refill the pool after a cull.

Voila's pool is a class Voila builds around this one (``voila_kernel_manager_factory``);
`pooled` derives the explorer's from it (`ExplorerVoila` gives the running manager that class):
the kernel a visit takes from the pool is told to the visit, a ready kernel is taken first, one
whose render failed is never served (`discard_failed`) and the refill a visitor would wait for
starts at once (`pool`).
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager

from .pool import drop_failed, ready_first, wake_refills
from .tracker import VISIT, record_kernel, tracker

log = logging.getLogger("explorer.server")

#: What is kept for a session whose websocket closed, at most (the rest is dropped: a page
#: that comes back after that many messages reloads its widgets anyway).
MAX_BUFFERED_MESSAGES = 1000
MAX_BUFFERED_BYTES = 8 << 20


class BoundedBuffer(list):
    """The list Jupyter Server appends a closed session's messages to, bounded in count and
    bytes (what does not fit is dropped and counted)."""

    def __init__(self) -> None:
        super().__init__()
        self.bytes = 0
        self.dropped = 0

    def append(self, item: Any) -> None:
        _, parts = item
        size = sum(len(p) for p in parts if isinstance(p, bytes | bytearray | memoryview))
        if len(self) >= MAX_BUFFERED_MESSAGES or self.bytes + size > MAX_BUFFERED_BYTES:
            self.dropped += 1
            return
        self.bytes += size
        super().append(item)


def pooled_kernel_ids(kernel_manager: Any) -> set[str]:
    """Kernels waiting in Voila's preheated pool (none when the pool is off).

    Voila keeps its pool in ``_pools`` (notebook → list of tasks, each giving a dict with the
    ``kernel_id``) and offers no public way to list it (`tests/server/test_drift.py` pins it)."""
    ids = set()
    for pool in getattr(kernel_manager, "_pools", {}).values():
        for task in pool:
            if task.done() and not task.cancelled() and task.exception() is None:
                ids.add(task.result().get("kernel_id"))
    return ids


class ExplorerKernelManager(AsyncMappingKernelManager):
    """Jupyter Server's kernel manager with the explorer's limits (module docstring)."""

    async def start_kernel(self, *args: Any, **kwargs: Any) -> str:
        tracker().start(self)
        kernel_id = await super().start_kernel(*args, **kwargs)
        record_kernel(kernel_id)
        return kernel_id

    def __bool__(self) -> bool:
        """Always true: jupyter_client's ``__len__`` counts the kernels already started only, and
        Jupyter Server's cleanup skips ``shutdown_all`` for a manager that reads as false, which
        left a kernel still starting at a SIGTERM running (the only kernel of the server)."""
        return True

    async def shutdown_all(self, now: bool = False) -> None:
        """Shut every kernel down, those still starting too.

        A kernel a render started just before a SIGTERM is still starting when the server's
        cleanup shuts the kernels down: it is among jupyter_client's pending kernels but not yet
        among the kernels Jupyter Server checks an id against, so its shutdown raised a 404 that
        ended the cleanup before the server stopped its loop (the process ran on until the
        30 s backstop of `extension.exit_promptly_on_sigterm`, the kernel until it saw its parent
        gone). Wait for the kernels still starting, then shut all of them down."""
        for _ in range(5):  # a render in flight may start one more kernel meanwhile
            starting = [t for k, t in self._pending_kernels.items() if k not in self._kernels]
            if not starting:
                break
            await asyncio.gather(*starting, return_exceptions=True)
        await super().shutdown_all(now=now)

    async def cull_kernel_if_idle(self, kernel_id: str) -> None:
        if kernel_id in pooled_kernel_ids(self):
            return None
        return await super().cull_kernel_if_idle(kernel_id)

    def start_buffering(self, kernel_id: str, session_key: str, channels: dict) -> None:
        super().start_buffering(kernel_id, session_key, channels)
        info = self._kernel_buffers.get(kernel_id) if self.buffer_offline_messages else None
        if info is not None and type(info.get("buffer")) is list:
            info["buffer"] = BoundedBuffer()


def pooled(cls: type) -> type:
    """The explorer's subclass of Voila's pooled kernel manager class `cls` (module docstring)."""
    if getattr(cls, "_explorer_pooled", False) or not hasattr(cls, "get_rendered_notebook"):
        return cls

    class ExplorerPooledKernelManager(cls):
        _explorer_pooled = True

        async def get_rendered_notebook(self, notebook_name: str, *args: Any, **kwargs: Any):
            pool = self._pools.get(notebook_name, [])
            ready_first(pool)
            wake_refills(pool)  # the refill this visitor would wait for starts now
            result = await super().get_rendered_notebook(notebook_name, *args, **kwargs)
            record_kernel(result[2])  # (render task, rendered cells, kernel id)
            wake_refills(self._pools.get(notebook_name, []))
            return result

        def discard_failed(self, notebook_name: str) -> list[str | None]:
            """Drop the pool's kernels whose start or render failed (`pool.failed`), shut them
            down and refill: Voila's handler counts the pool before it takes a kernel, so a
            visit finds only healthy ones, or none and starts a kernel of its own."""
            dropped = drop_failed(self._pools.get(notebook_name, []))
            for kernel_id in dropped:
                log.warning("kernel %s: its preheated render failed; shutting it down", kernel_id)
                if kernel_id is not None:
                    asyncio.ensure_future(self.shutdown_kernel(kernel_id))
            if dropped:
                self.fill_if_needed(notebook_name=notebook_name)
                wake_refills(self._pools.get(notebook_name, []))
            return dropped

        def fill_if_needed(self, *args: Any, **kwargs: Any) -> None:
            token = VISIT.set(None)  # refills started during a visit are no visitor's kernel
            try:
                super().fill_if_needed(*args, **kwargs)
            finally:
                VISIT.reset(token)

    ExplorerPooledKernelManager.__name__ = cls.__name__
    ExplorerPooledKernelManager.__qualname__ = cls.__qualname__
    return ExplorerPooledKernelManager
