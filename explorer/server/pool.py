"""Voila's preheated pool refills late only while a kernel is still ready or starting.

After a visit takes a preheated kernel, Voila refills the pool after
``VoilaKernelManager.fill_delay`` seconds, and a visitor arriving when no kernel is ready awaits
the next refill, delay included. Here a refill waits its delay only while the pool still holds a
ready or starting kernel (`refills_to_wake`): the visitor beyond the pool gets a kernel started at
once, and a class arriving together is not slowed by its own refills. A visitor also takes a
ready kernel before one still starting (`ready_first`), and never one whose render failed
(`drop_failed`: its kernel is shut down and the pool refilled).

`kernels.pooled` applies `ready_first` and `wake_refills` around each visit; Voila's pool sleeps
through `wait_before`, which `patches.patch_pool_refill` puts in place of Voila's own.
"""

from __future__ import annotations

from typing import Any

READY, STARTING, SLEEPING, FAILED = "ready", "starting", "sleeping", "failed"
_WAKE: dict[Any, Any] = {}  # refill coroutine → the future that ends its delay early


def refills_to_wake(states: list[str]) -> list[int]:
    """Which sleeping refills of a pool (its items' states, in pool order) start now.

    A refill sleeps through `fill_delay` only while the pool holds a kernel that is ready or
    already starting; otherwise the first sleeping one starts at once (a visitor is waiting for
    it or soon will be), and the others keep sleeping.

    Examples
    --------
    >>> refills_to_wake(["ready", "sleeping", "sleeping"])
    []
    >>> refills_to_wake(["sleeping", "sleeping"])
    [0]
    >>> refills_to_wake(["starting", "sleeping"])
    []
    >>> refills_to_wake(["failed", "sleeping"])  # a kernel that failed to start is none
    [1]
    >>> refills_to_wake([])
    []
    """
    if READY in states or STARTING in states:
        return []
    return [states.index(SLEEPING)] if SLEEPING in states else []


def failed(task: Any) -> bool:
    """A finished pool task that cannot serve a page: its kernel did not start, or the render
    of the notebook in that kernel stopped on an error (Voila would still send the page's head,
    then end the page there: a 200 page without its kernel)."""
    if task.cancelled() or task.exception() is not None:
        return True
    render = task.result().get("task")
    return bool(
        render is not None
        and render.done()
        and (render.cancelled() or render.exception() is not None)
    )


def drop_failed(pool: list[Any]) -> list[str | None]:
    """Remove the `failed` tasks from a Voila pool; the kernel ids they had (None: none started).

    Examples
    --------
    >>> drop_failed([])
    []
    """
    ids = []
    for task in [t for t in pool if t.done() and failed(t)]:
        pool.remove(task)
        ok = not task.cancelled() and task.exception() is None
        ids.append(task.result().get("kernel_id") if ok else None)
    return ids


def pool_states(pool: list[Any]) -> list[str]:
    """`READY`, `STARTING`, `SLEEPING` or `FAILED` (`failed`) for each task of a Voila pool."""
    states = []
    for task in pool:
        if task.done():
            states.append(FAILED if failed(task) else READY)
        else:
            coro = task.get_coro() if hasattr(task, "get_coro") else None
            wake = _WAKE.get(coro) if coro is not None else None
            states.append(SLEEPING if wake is not None and not wake.done() else STARTING)
    return states


def wake_refills(pool: list[Any]) -> list[int]:
    """Apply `refills_to_wake` to a Voila pool; the positions woken."""
    woken = refills_to_wake(pool_states(pool))
    for i in woken:
        wake = _WAKE.get(pool[i].get_coro())  # a sleeping one is a task (`pool_states`)
        if wake is not None and not wake.done():
            wake.set_result(None)
    return woken


def ready_first(pool: list[Any]) -> None:
    """Move the first ready kernel of `pool` to its front (Voila takes the front one)."""
    states = pool_states(pool)
    if READY in states and states[0] != READY:
        pool.insert(0, pool.pop(states.index(READY)))


def wait_before(delay: float, aw: Any) -> Any:
    """Voila's `wait_before(delay, aw)`, with a delay that `wake_refills` can end early."""
    import asyncio
    import inspect

    async def gated(wake: asyncio.Future | None) -> Any:
        try:
            if wake is not None:
                try:
                    await asyncio.wait_for(asyncio.shield(wake), delay)
                except TimeoutError:
                    pass
                except asyncio.CancelledError:  # shut down while sleeping: never started
                    if inspect.iscoroutine(aw):
                        aw.close()
                    raise
        finally:
            _WAKE.pop(coro, None)
        return await aw

    wake = asyncio.get_event_loop().create_future() if delay and delay > 0 else None
    coro = gated(wake)
    if wake is not None:
        _WAKE[coro] = wake
    return coro
