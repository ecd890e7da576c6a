"""How many kernels the public server may run, and the pages it sends when it says no.

Every page visit costs a kernel (about 120 MB here), so a flood of plain GETs (a bot, ``curl``,
a link preview) must not be able to start kernels without bound. The limits are read from the
environment so that `explorer app`'s options, the Binder config and the tests set them the same
way:

================================  ==========================================================
``EXPLORER_MAX_KERNELS``          visitor kernels at once (default: from the machine's memory)
``EXPLORER_KERNELS_PER_MINUTE``   page visits that start a kernel, per client address per minute
``EXPLORER_UNUSED_KERNEL_GRACE``  seconds a served page's kernel may wait for its websocket
``EXPLORER_KERNEL_MEMORY_MB``     address-space ceiling of each app kernel [MB]
``EXPLORER_KERNEL_MAX_AGE``       seconds a visitor's kernel may live, connected or not (4 h)
``EXPLORER_ADDRESS_SHARE``        share of ``EXPLORER_MAX_KERNELS`` one client address may hold
``EXPLORER_RECONNECT_WINDOW``     seconds a kernel whose websocket closed waits for it to return
``EXPLORER_WIDGET_RATE``          widget messages a second one websocket may send (sustained)
``EXPLORER_WIDGET_BURST``         widget messages one websocket may send at once
``EXPLORER_WIDGET_DEPTH``         widget messages of one websocket waiting in its kernel's queue
================================  ==========================================================

Examples
--------
>>> from explorer.server.limits import Limits, RateLimiter
>>> Limits.from_env({"EXPLORER_MAX_KERNELS": "8"}).max_kernels
8
>>> Limits(max_kernels=61).kernels_per_address  # a tenth of 61, rounded up
7
>>> Limits(max_kernels=4).kernels_per_address  # never fewer than one
1
>>> rate = RateLimiter(per_minute=2)
>>> [rate.allow("10.0.0.1", now=t) for t in (0.0, 1.0, 2.0, 61.0)]
[True, True, False, True]
"""

from __future__ import annotations

import html
import ipaddress
import math
import os
from collections import OrderedDict, deque
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

MB = 1 << 20
#: Memory one visitor's kernel holds once the app is built (measured: 120 MB RSS), with margin.
KERNEL_BUDGET_MB = 200
#: Share of the machine's (or container's) memory that visitor kernels may take.
KERNEL_MEMORY_SHARE = 0.5


def memory_limit_bytes() -> int:
    """The memory this server may use: the cgroup limit when there is one (Binder), else RAM."""
    total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    for path in ("/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"):
        try:
            text = Path(path).read_text().strip()
        except OSError:
            continue
        if text.isdigit():
            total = min(total, int(text))
    return total


def default_max_kernels(memory: int | None = None) -> int:
    """Visitor kernels that fit in half the memory at `KERNEL_BUDGET_MB` each, 2 … 200."""
    memory = memory_limit_bytes() if memory is None else memory
    return max(2, min(200, int(memory * KERNEL_MEMORY_SHARE / (KERNEL_BUDGET_MB * MB))))


def _positive(env: Mapping[str, str], name: str, default: float, kind=int):
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = kind(raw)
    except ValueError:
        raise ValueError(f"{name} = {raw!r} is not a number") from None
    if not value > 0:
        raise ValueError(f"{name} = {raw!r} must be positive")
    return value


@dataclass(frozen=True)
class Limits:
    """Resource limits of the public server (see the module docstring for the variables)."""

    max_kernels: int
    kernels_per_minute: int = 60  # one school's NAT can put a whole class behind one address
    unused_kernel_grace: float = 60.0  # [s]
    kernel_memory_mb: int = 3072  # address space; an idle app kernel maps about 1 GB
    kernel_max_age: float = 4 * 3600.0  # [s] longer than any lesson; a held-open bot socket ends
    #: one address (a bot, or a school's NAT) holds at most this share of `max_kernels`
    address_share: float = 0.1
    #: [s] a page's websocket that closed without the tab-close beacon (a crashed tab, a phone
    #: discarding it) gets this long to come back before its kernel is released
    reconnect_window: float = 30.0
    widget_rate: float = 30.0  # [1/s] a slider drag sends a few tens a second
    widget_burst: int = 60
    widget_depth: int = 16

    @property
    def kernels_per_address(self) -> int:
        """Visitor kernels one client address may hold at once (at least one)."""
        return max(1, math.ceil(self.address_share * self.max_kernels - 1e-9))

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Limits:
        env = os.environ if env is None else env
        return cls(
            max_kernels=_positive(env, "EXPLORER_MAX_KERNELS", default_max_kernels()),
            kernels_per_minute=_positive(env, "EXPLORER_KERNELS_PER_MINUTE", 60),
            unused_kernel_grace=_positive(env, "EXPLORER_UNUSED_KERNEL_GRACE", 60.0, float),
            kernel_memory_mb=_positive(env, "EXPLORER_KERNEL_MEMORY_MB", 3072),
            kernel_max_age=_positive(env, "EXPLORER_KERNEL_MAX_AGE", 4 * 3600.0, float),
            address_share=min(1.0, _positive(env, "EXPLORER_ADDRESS_SHARE", 0.1, float)),
            reconnect_window=_positive(env, "EXPLORER_RECONNECT_WINDOW", 30.0, float),
            widget_rate=_positive(env, "EXPLORER_WIDGET_RATE", 30.0, float),
            widget_burst=_positive(env, "EXPLORER_WIDGET_BURST", 60),
            widget_depth=_positive(env, "EXPLORER_WIDGET_DEPTH", 16),
        )


def client_key(address: str) -> str:
    """The unit a rate limit counts: an IPv4 address, or an IPv6 /64 (one subscriber's prefix,
    so rotating addresses inside it does not buy a fresh budget)."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if ip.version == 6:
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


class RateLimiter:
    """A sliding one-minute window of kernel starts per client (`client_key`).

    The table is bounded: past `max_clients` the least recently seen client is forgotten (never
    the whole table at once)."""

    def __init__(self, per_minute: int, window: float = 60.0, max_clients: int = 10_000) -> None:
        self.per_minute = per_minute
        self.window = window
        self.max_clients = max_clients
        self._seen: OrderedDict[str, deque[float]] = OrderedDict()

    def allow(self, client: str, now: float) -> bool:
        """Record a start for `client` at `now` [s] if within the limit; say whether it was."""
        key = client_key(client)
        times = self._seen.get(key)
        if times is None:
            while len(self._seen) >= self.max_clients:
                self._seen.popitem(last=False)
            times = self._seen[key] = deque()
        self._seen.move_to_end(key)
        while times and now - times[0] >= self.window:
            times.popleft()
        if len(times) >= self.per_minute:
            return False
        times.append(now)
        return True


_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} · AI Datacenter Explorer</title>
<style>body{{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;
color:#1b1b1b;line-height:1.5}}h1{{font-size:1.4rem}}</style></head>
<body><main><h1>{title}</h1><p>{message}</p></main></body></html>
"""

BUSY_MESSAGE = (
    "Many people are using the explorer right now. Please try again in a minute; "
    "nothing you set is lost if you reload this link."
)

_ERROR_MESSAGES = {
    400: "The request could not be understood.",
    403: "This page is not available.",
    404: "There is no such page here.",
    405: "This address does not accept that kind of request.",
    503: BUSY_MESSAGE,
}


def page(status: int, title: str | None = None, message: str | None = None) -> str:
    """A self-contained HTML page (no external URL, script or style) for an HTTP status."""
    title = title or ("The explorer is busy" if status == 503 else f"Error {status}")
    message = message or _ERROR_MESSAGES.get(status, "Something went wrong on the server.")
    return _PAGE.format(title=html.escape(title), message=html.escape(message))
