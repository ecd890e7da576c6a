"""Run a piece of the page's update once a burst of slider steps pauses.

A slider held down or dragged sends steps 20–30 times a second. The headline cards follow every
step; the rest of the page (the other charts, notes, the charts in words, the link, open panels)
follows once the steps pause, like ipywidgets' ``continuous_update=False`` for those views. Each
widget message costs the kernel, the server and the browser a little, and during a burst they
all compete for the same cores as the next step.

On the kernel's event loop the call waits; where no event loop runs (plain Python, tests) it
runs at once, so the page's state never depends on timing there.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

__all__ = ["Debounce"]


class Debounce:
    """Call ``fn(changed)`` once calls to `schedule` stop for `quiet` seconds.

    Parameters
    ----------
    fn : callable
        Takes one bool: True when any of the postponed calls asked for it (the `changed` of
        the page's render: the panels need the new result).
    quiet : float
        The pause that ends a burst [s].

    Examples
    --------
    Without a running event loop (plain Python) a scheduled call runs at once:

    >>> calls = []
    >>> d = Debounce(calls.append, quiet=0.15)
    >>> d.schedule(True)
    >>> calls, d.pending
    ([True], False)
    """

    def __init__(self, fn: Callable[[bool], None], quiet: float) -> None:
        self.fn = fn
        self.quiet = quiet
        self._handle: asyncio.TimerHandle | None = None
        self._changed = False
        self.runs = 0  # how often fn ran (tests, benchmarks)

    @property
    def pending(self) -> bool:
        """True while a call waits for the burst to pause."""
        return self._handle is not None

    def schedule(self, changed: bool) -> None:
        """Postpone the call until `quiet` seconds pass without another `schedule`."""
        self._changed = self._changed or changed
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # no event loop: nothing would ever run it later
            self._run()
            return
        if self._handle is not None:
            self._handle.cancel()
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
