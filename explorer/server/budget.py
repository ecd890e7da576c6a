"""How many widget messages one kernel websocket may have in its kernel's queue, and how fast.

A page's widget messages are cheap to send and may be expensive to answer: one click of the
"Metadata (JSON)" download button builds a file in the kernel, and 20,000 such clicks sent in
under a second kept a kernel busy for a minute while the server buffered every reply (+442 MB
that it never gave back). Each connection therefore admits a message only when

- an identical message (same type, widget and content) is not already waiting for the kernel:
  a click that builds a file is idempotent while one is pending, so the repeat is dropped;
- fewer than `depth` of its messages wait for the kernel (a message waits from when it is
  forwarded until the kernel publishes ``status: idle`` for it, or `expiry` seconds);
- its token bucket (`rate` a second, `burst` at once) has a token.

A widget ``update`` (a slider's new value) refused by the depth or the rate is not lost: the
latest one per widget is held and sent as soon as the queue has room, so a drag ends at the
value the reader let go at.

Examples
--------
>>> budget = InboundBudget(rate=10, burst=2, depth=3)
>>> [budget.admit(f"m{i}", ("comm_msg", "button", "click"), now=0.0) for i in range(3)]
['accept', 'duplicate', 'duplicate']
>>> budget.done("m0", now=0.0)
>>> budget.admit("m9", ("comm_msg", "button", "click"), now=0.0)
'accept'
>>> budget.admit("m10", None, now=0.0)  # the bucket held 2 tokens
'rate'
>>> budget.admit("m11", None, now=0.1)  # 0.1 s at 10 a second: one more
'accept'
>>> budget.admit("m12", None, now=0.1)  # m9 and m11 wait, and m10 was refused: 2 < 3 ... no token
'rate'
>>> budget.hold("slider", "m12", b"frame of m12")
>>> budget.release(now=0.1)  # room for one more in the queue (depth 3)
[b'frame of m12']
>>> budget.release(now=0.1)
[]
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

ACCEPT, DUPLICATE, FULL, RATE = "accept", "duplicate", "full", "rate"


class InboundBudget:
    """The admission rule above, for one connection (pure: time is passed in [s])."""

    def __init__(
        self, rate: float = 30.0, burst: int = 60, depth: int = 16, expiry: float = 60.0
    ) -> None:
        self.rate = rate
        self.burst = burst
        self.depth = depth
        self.expiry = expiry
        self.tokens = float(burst)
        self.last = None
        self.pending: OrderedDict[str, tuple[Any, float]] = OrderedDict()  # msg id → key, since
        self.held: OrderedDict[str, Any] = OrderedDict()  # widget id → its latest update
        self.dropped = 0

    def _refill(self, now: float) -> None:
        if self.last is not None:
            self.tokens = min(self.burst, self.tokens + (now - self.last) * self.rate)
        self.last = now
        while self.pending:
            msg_id, (_, since) = next(iter(self.pending.items()))
            if now - since <= self.expiry:
                break
            del self.pending[msg_id]  # a kernel that never answered must not block the page

    def admit(self, msg_id: str, key: Any, now: float) -> str:
        """`ACCEPT` (and count it as waiting), or why not: `DUPLICATE`, `FULL` or `RATE`.

        `key` identifies the message's effect (None: never a duplicate)."""
        self._refill(now)
        if key is not None and any(k == key for k, _ in self.pending.values()):
            verdict = DUPLICATE
        elif len(self.pending) >= self.depth:
            verdict = FULL
        elif self.tokens < 1:
            verdict = RATE
        else:
            self.tokens -= 1
            self.pending[msg_id] = (key, now)
            return ACCEPT
        self.dropped += 1
        return verdict

    def hold(self, widget: str, msg_id: str, message: Any) -> None:
        """Keep `message` as `widget`'s latest update refused for now (replacing an older one)."""
        self.held.pop(widget, None)
        self.held[widget] = (msg_id, message)

    def done(self, msg_id: str, now: float) -> None:
        """The kernel has finished with `msg_id` (its ``status: idle``)."""
        self.pending.pop(msg_id, None)
        self._refill(now)

    def release(self, now: float) -> list[Any]:
        """Held updates to send now (counted as waiting), oldest widget first, as far as the
        queue has room; the bucket is not asked (they replace messages it already refused)."""
        out = []
        while self.held and len(self.pending) < self.depth:
            msg_id, message = self.held.popitem(last=False)[1]
            self.pending[msg_id] = (None, now)
            out.append(message)
        return out
