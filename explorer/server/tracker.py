"""Which visitor kernels exist, whose they are, and when one must be given back.

The page handler (`pages.ExplorerVoilaHandler`) admits a visit or serves the busy page; the
kernel manager (`kernels`) tells it which kernel the visit got (`Visit`, through a context
variable: never parsed out of the page); the websocket connection (`connection`) says when the
page connects and disconnects. A periodic sweep shuts down

- a served page's kernel whose websocket never opened within `Limits.unused_kernel_grace`;
- a kernel whose websocket closed and did not come back within `Limits.reconnect_window`
  (a crashed or discarded tab sends no tab-close beacon);
- every visitor kernel older than `Limits.kernel_max_age`.

Examples
--------
>>> from explorer.server.limits import Limits
>>> track = KernelTracker(Limits(max_kernels=10))
>>> track.admit("192.0.2.1", alive=set(), now=0.0)  # None: admitted
>>> track.got_kernel("k1", "192.0.2.1", b"token", now=0.0)
>>> track.admit("192.0.2.1", alive={"k1"}, now=1.0)  # one address: a tenth of 10
'address limit'
>>> track.admit("198.51.100.7", alive={"k1"}, now=1.0) is None
True
"""

from __future__ import annotations

import asyncio
import contextvars
import inspect
import logging
import time
from dataclasses import dataclass
from typing import Any

from .limits import Limits, RateLimiter, client_key

log = logging.getLogger("explorer.server")


@dataclass
class Visit:
    """One page request: the kernel the kernel manager handed it (None until then)."""

    kernel_id: str | None = None


#: The visit being served in the current task (set by the page handler, filled by the kernel
#: manager when it starts or hands out a kernel for it).
VISIT: contextvars.ContextVar[Visit | None] = contextvars.ContextVar("explorer_visit", default=None)


def record_kernel(kernel_id: str) -> None:
    """Tell the visit being served (if any) which kernel it got."""
    visit = VISIT.get()
    if visit is not None and visit.kernel_id is None:
        visit.kernel_id = kernel_id


class KernelTracker:
    """Visitor kernels: admission, owners, connections and the sweep of the module docstring."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.rate = RateLimiter(limits.kernels_per_minute)
        self.connected: set[str] = set()
        self.sockets: dict[str, int] = {}  # kernel id → open websockets
        self.closed: dict[str, float] = {}  # kernel id → when its last websocket closed [s]
        self.served: dict[str, float] = {}  # kernel id → when its page was sent [monotonic s]
        self.born: dict[str, float] = {}  # kernel id → when a page first got it [monotonic s]
        self.address: dict[str, str] = {}  # kernel id → the client (`client_key`) it serves
        self.starting: dict[str, int] = {}  # client → pages admitted whose kernel is not known
        self.owners: dict[str, bytes] = {}  # kernel id → raw _xsrf token of its page
        self.callback = None

    # ------------------------------------------------------------------ admission

    def visitor_kernels(self, alive: set[str]) -> int:
        """Kernels pages were served with and that are still alive, plus the pages admitted whose
        kernel is not known yet. (Not "all kernels but the pool": a pool kernel still starting
        is not in the pool yet and would count as a visitor's.)"""
        return len(alive & set(self.born)) + sum(self.starting.values())

    def held_by(self, client: str, alive: set[str]) -> int:
        """Visitor kernels `client` holds or is being given."""
        key = client_key(client)
        held = sum(1 for kid, who in self.address.items() if who == key and kid in alive)
        return held + self.starting.get(key, 0)

    def admit(self, client: str, alive: set[str], now: float) -> str | None:
        """None when a visit from `client` may get a kernel (and it is then counted as starting),
        else why not: "kernel limit", "address limit" or "rate limit"."""
        if self.visitor_kernels(alive) >= self.limits.max_kernels:
            return "kernel limit"
        if self.held_by(client, alive) >= self.limits.kernels_per_address:
            return "address limit"
        if not self.rate.allow(client, now):
            return "rate limit"
        key = client_key(client)
        self.starting[key] = self.starting.get(key, 0) + 1
        return None

    def got_kernel(self, kernel_id: str, client: str, token: bytes, now: float) -> None:
        """The admitted visit from `client` got `kernel_id`; its page carries `token`."""
        self._done_starting(client)
        self.owners[kernel_id] = token
        self.address[kernel_id] = client_key(client)
        self.born.setdefault(kernel_id, now)

    def visit_ended(self, kernel_id: str | None, client: str, now: float) -> None:
        """The page is sent (or failed before it had a kernel)."""
        if kernel_id is None:
            self._done_starting(client)
        elif kernel_id not in self.connected:
            self.served[kernel_id] = now

    def _done_starting(self, client: str) -> None:
        key = client_key(client)
        left = self.starting.get(key, 0) - 1
        if left > 0:
            self.starting[key] = left
        else:
            self.starting.pop(key, None)

    # ------------------------------------------------------------------ connections

    def connect(self, kernel_id: str) -> None:
        self.connected.add(kernel_id)
        self.served.pop(kernel_id, None)
        self.closed.pop(kernel_id, None)
        self.sockets[kernel_id] = self.sockets.get(kernel_id, 0) + 1

    def disconnect(self, kernel_id: str, now: float) -> None:
        left = self.sockets.get(kernel_id, 0) - 1
        if left > 0:
            self.sockets[kernel_id] = left
            return
        self.sockets.pop(kernel_id, None)
        if kernel_id in self.born:
            self.closed[kernel_id] = now

    # ------------------------------------------------------------------ the sweep

    def start(self, kernel_manager: Any) -> None:
        """Sweep every few seconds (once the server's loop runs)."""
        if self.callback is not None:
            return
        from tornado.ioloop import PeriodicCallback

        shortest = min(self.limits.unused_kernel_grace, self.limits.reconnect_window)
        interval_ms = 1000 * min(5.0, max(0.5, shortest / 4))
        self.callback = PeriodicCallback(lambda: self.sweep(kernel_manager), interval_ms)
        self.callback.start()

    def due(self, alive: set[str], now: float) -> dict[str, str]:
        """Kernels to shut down now, each with the reason (forgets the dead ones)."""
        out: dict[str, str] = {}
        limits = self.limits
        for kid, served_at in list(self.served.items()):
            if kid not in alive or kid in self.connected:
                self.served.pop(kid, None)
            elif now - served_at > limits.unused_kernel_grace:
                self.served.pop(kid, None)
                out[kid] = f"its page never connected within {limits.unused_kernel_grace:.0f} s"
        for kid, closed_at in list(self.closed.items()):
            if kid not in alive:
                del self.closed[kid]
            elif now - closed_at > limits.reconnect_window:
                del self.closed[kid]
                out.setdefault(
                    kid,
                    f"its websocket closed and did not return in {limits.reconnect_window:.0f} s",
                )
        for kid, born in list(self.born.items()):
            if kid not in alive:
                del self.born[kid]
            elif now - born > limits.kernel_max_age:
                del self.born[kid]
                out.setdefault(kid, f"older than {limits.kernel_max_age:.0f} s")
        self.connected &= alive
        for table in (self.owners, self.address, self.sockets):
            for kid in set(table) - alive:
                del table[kid]
        return out

    def sweep(self, kernel_manager: Any, now: float | None = None) -> list[str]:
        """Shut down the kernels `due` now; their ids."""
        now = time.monotonic() if now is None else now
        due = self.due(set(kernel_manager.list_kernel_ids()), now)
        for kid, why in due.items():
            log.warning("kernel %s: %s; shutting it down", kid, why)
            result = kernel_manager.shutdown_kernel(kid)
            if inspect.isawaitable(result):
                asyncio.ensure_future(result)
        return list(due)


TRACKER: KernelTracker | None = None


def tracker() -> KernelTracker:
    """The server's tracker (one per process), with the limits from the environment."""
    global TRACKER
    if TRACKER is None:
        TRACKER = KernelTracker(Limits.from_env())
    return TRACKER
