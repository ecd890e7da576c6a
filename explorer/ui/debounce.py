"""Run a piece of the page's update at once for a single step, and once a burst pauses.

A slider held down or dragged sends steps 10–30 times a second. The headline cards follow every
step; the rest of the page (the other charts, notes, the charts in words, the link, open panels)
follows a step that comes on its own at once, and during a burst once the steps pause, like
ipywidgets' ``continuous_update=False`` for those views (a debounce on the leading and the
trailing edge). Each widget message costs the kernel, the server and the browser a little, and
during a burst they all compete for the same cores as the next step.

In a Jupyter kernel the call waits on the kernel's event loop (which also carries the page's
messages); anywhere else (plain Python, tests, a loop some other library runs) it runs at once,
so the page's state never depends on timing there.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

__all__ = ["Debounce", "kernel_loop"]


def kernel_loop() -> asyncio.AbstractEventLoop | None:
    """The running event loop when this runs in a Jupyter kernel, else None.

    Only a kernel's loop is sure to run a postponed call: elsewhere a loop may be running that
    nobody turns while this code runs (Playwright's, under the browser tests)."""
    try:
        from ipykernel.kernelbase import Kernel
    except ImportError:
        return None
    if not Kernel.initialized():
        return None
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


class Debounce:
    """Call ``fn(changed)`` at once for a call `alone` seconds or more after the previous one;
    within a burst of calls, once they stop for `quiet` seconds.

    Parameters
    ----------
    fn : callable
        Takes one bool: True when any of the postponed calls asked for it (the `changed` of
        the page's render: the panels need the new result).
    quiet : float
        The pause that ends a burst [s].
    alone : float, optional
        A call this long or longer after the previous one is on its own [s] (default `quiet`).
        Shorter than `quiet`, a waiting call never runs just before a step that comes on its
        own (that step runs it instead): the two would compete for the same cores.
    loop : callable, optional
        Returns the event loop to wait on, or None to call at once (default `kernel_loop`).

    Examples
    --------
    Outside a Jupyter kernel (plain Python) a scheduled call runs at once:

    >>> calls = []
    >>> d = Debounce(calls.append, quiet=0.15)
    >>> d.schedule(True)
    >>> calls, d.pending
    ([True], False)
    """

    def __init__(
        self,
        fn: Callable[[bool], None],
        quiet: float,
        alone: float | None = None,
        loop: Callable[[], asyncio.AbstractEventLoop | None] = kernel_loop,
    ) -> None:
        self.fn = fn
        self.loop = loop
        self.quiet = quiet
        self.alone = quiet if alone is None else alone
        self._handle: asyncio.Handle | None = None
        self._changed = False
        self._last: float | None = None  # the loop's time of the previous call
        self.runs = 0  # how often fn ran (tests, benchmarks)

    @property
    def pending(self) -> bool:
        """True while a call waits for the burst to pause."""
        return self._handle is not None

    def schedule(self, changed: bool) -> None:
        """Call on the loop's next turn when this call comes on its own (`alone` seconds or more
        after the previous one, with whatever waited); within a burst, wait until `quiet`
        seconds pass without another call."""
        self._changed = self._changed or changed
        loop = self.loop()
        if loop is None:  # no kernel loop: nothing is sure to run it later
            self._run()
            return
        now, last = loop.time(), self._last
        self._last = now
        if self._handle is not None:
            self._handle.cancel()
        if last is None or now - last >= self.alone:
            # a step on its own: everything follows it, on the loop's next turn, once this
            # step's own messages have left (run inside the step, it would hold them back)
            self._handle = loop.call_soon(self._run)
        else:
            self._handle = loop.call_later(self.quiet, self._run)

    def take(self) -> bool:
        """Drop a waiting call; returns whether one was waiting and asked for `changed` (the
        caller then does the work itself)."""
        changed = self._changed
        if self._handle is not None:
            self._handle.cancel()
        self._handle, self._changed = None, False
        return changed

    def flush(self) -> None:
        """Run a waiting call now (nothing happens when none waits)."""
        if self._handle is not None:
            self._run()

    def _run(self) -> None:
        changed = self.take()
        self.runs += 1
        self.fn(changed)
