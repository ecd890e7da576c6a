"""A preheated kernel whose render failed in the pool is never served (explorer/server/pool.py,
`kernels.pooled`): Voila would send the page's head, then end the response where the failed
render stopped, a 200 page without its kernel (seen once in CI on a busy host: the pooled
kernel's start timed out). The visit gets the next healthy kernel, or a kernel started for it."""

from __future__ import annotations

import asyncio

from explorer.server import pool

from .test_pool_refill import DELAY, Renderer, manager, run, turns


def rendered(ok: bool):
    """A pooled render task that has finished: its cells, or the error that stopped it."""
    done = asyncio.get_running_loop().create_future()
    if ok:
        done.set_result((["<html>", '"kernelId": "..."'], None))
    else:
        done.set_exception(TimeoutError("kernel didn't respond in 60 seconds"))
    return done


def test_a_kernel_whose_render_failed_is_dropped_shut_down_and_refilled():
    async def scenario():
        km = manager(pool_size=2)
        shut: list[str] = []

        async def shutdown_kernel(kernel_id, *args, **kwargs):
            shut.append(kernel_id)

        km.shutdown_kernel = shutdown_kernel

        async def item(kid: str, ok: bool):
            return {"renderer": Renderer(), "task": rendered(ok), "kernel_id": kid}

        km._pools["app.ipynb"] = [asyncio.ensure_future(item("dead", False))]
        km._pools["app.ipynb"].append(asyncio.ensure_future(item("good", True)))
        await turns()
        assert pool.pool_states(km._pools["app.ipynb"]) == ["failed", "ready"]
        assert km.get_pool_size("app.ipynb") == 2  # Voila's own count still offers it
        dropped = km.discard_failed("app.ipynb")
        await turns()
        states = pool.pool_states(km._pools["app.ipynb"])
        *_, got = await asyncio.wait_for(km.get_rendered_notebook("app.ipynb"), DELAY / 10)
        return dropped, shut, states, got

    dropped, shut, states, got = run(scenario())
    assert dropped == ["dead"] and shut == ["dead"]
    assert states[0] == "ready" and "failed" not in states  # the refill is on its way
    assert got == "good"


def test_a_pool_of_failed_renders_alone_leaves_voila_to_start_a_kernel_for_the_visit():
    async def scenario():
        km = manager(pool_size=1)
        km.shutdown_kernel = lambda *a, **k: asyncio.sleep(0)

        async def item():
            return {"renderer": Renderer(), "task": rendered(False), "kernel_id": "dead"}

        km._pools["app.ipynb"] = [asyncio.ensure_future(item())]
        await turns()
        km.fill_delay = DELAY  # the refill sleeps: what the visit sees is Voila's count
        km.discard_failed("app.ipynb")
        return [s for s in pool.pool_states(km._pools["app.ipynb"]) if s == "ready"]

    # no ready kernel: Voila's handler takes its own path and starts a kernel for the visitor
    assert run(scenario()) == []
