"""The pool refill (explorer/server/pool.py, `kernels.pooled`, `patches.patch_pool_refill`): a
refill waits Voila's `fill_delay` only while the pool still holds a ready or starting kernel, so
a visitor beyond the pool is never left waiting for the delay. Run against Voila's own
`get_rendered_notebook` and `fill_if_needed`, with kernels that are only dictionaries (no
process, no clock assertion)."""

from __future__ import annotations

import asyncio
import concurrent.futures
import itertools

import pytest
from traitlets.config import Configurable, LoggingConfigurable

from explorer.server import patches, pool
from explorer.server.kernels import pooled

DELAY = 3600.0  # [s] a refill that waited for its delay would never finish within the test


class Parent(Configurable):
    base_url = "/"
    server_url = "/"
    port = 8866
    root_dir = "/tmp"
    notebook_path = None


class Renderer:
    stop_generator = False
    rendered_cache: list[str] = []


def manager(pool_size: int = 2):
    """Voila's VoilaKernelManager (as `explorer app` derives it) on a stub base class."""
    from voila import app as voila_app

    patches.patch_pool_refill()
    cls = pooled(voila_app.voila_kernel_manager_factory(LoggingConfigurable, True, pool_size))
    ids = itertools.count()

    class Manager(cls):
        def __init__(self):  # Voila's __init__ needs a running Voila; set what the pool reads
            LoggingConfigurable.__init__(self, parent=Parent())
            self.notebook_data, self._pools, self.started = {}, {}, []
            self.fill_delay = DELAY

        async def _initialize(self, notebook_path, kernel_id=None, **kwargs):
            kid = f"k{next(ids)}"
            self.started.append(kid)
            done = asyncio.get_running_loop().create_future()
            done.set_result(([], None))
            return {"renderer": Renderer(), "task": done, "kernel_id": kid}

    return Manager()


async def turns(n: int = 20) -> None:
    for _ in range(n):
        await asyncio.sleep(0)


def run(coro):
    """asyncio.run in a thread of its own (the browser tests' Playwright keeps a loop in this
    one)."""
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coro).result(timeout=60)


def test_the_rule_wakes_one_refill_only_when_nothing_is_ready_or_starting():
    assert pool.refills_to_wake(["ready", "sleeping"]) == []
    assert pool.refills_to_wake(["starting", "sleeping", "sleeping"]) == []
    assert pool.refills_to_wake(["sleeping", "sleeping", "sleeping"]) == [0]
    assert pool.refills_to_wake(["starting"]) == []


def test_refills_sleep_while_the_pool_still_has_a_ready_kernel():
    async def scenario():
        km = manager(pool_size=2)
        km.fill_if_needed(delay=0, notebook_name="app.ipynb")  # the initial fill: no delay
        await turns()
        assert pool.pool_states(km._pools["app.ipynb"]) == ["ready", "ready"]
        *_, first = await km.get_rendered_notebook("app.ipynb")
        await turns()
        # one ready kernel left: the refill for the first visit waits for its delay
        assert pool.pool_states(km._pools["app.ipynb"]) == ["ready", "sleeping"]
        assert km.started == ["k0", "k1"]
        return first

    assert run(scenario()) == "k0"


def test_the_visitor_beyond_the_pool_gets_a_kernel_without_the_delay():
    async def scenario():
        km = manager(pool_size=2)
        km.fill_if_needed(delay=0, notebook_name="app.ipynb")
        await turns()
        got = [(await km.get_rendered_notebook("app.ipynb"))[2] for _ in range(2)]
        await turns()
        # the pool is drained: one refill starts now, the other keeps its delay
        assert pool.pool_states(km._pools["app.ipynb"]) == ["ready", "sleeping"]
        third = await asyncio.wait_for(km.get_rendered_notebook("app.ipynb"), DELAY / 10)
        got.append(third[2])
        await turns()
        fourth = await asyncio.wait_for(km.get_rendered_notebook("app.ipynb"), DELAY / 10)
        got.append(fourth[2])
        await turns()
        return got, km.started, pool.pool_states(km._pools["app.ipynb"])

    got, started, states = run(scenario())
    assert got == ["k0", "k1", "k2", "k3"]
    # each time the pool ran dry one refill started ahead for the next visitor (k2, k3, k4);
    # the other refill still sleeps through its delay
    assert started == ["k0", "k1", "k2", "k3", "k4"]
    assert states == ["ready", "sleeping"]


def test_a_ready_kernel_is_taken_before_one_still_starting():
    async def scenario():
        km = manager(pool_size=2)
        started = asyncio.Event()
        kernel = {"renderer": Renderer(), "task": None, "kernel_id": "ready"}

        async def slow():
            await started.wait()
            return {"renderer": Renderer(), "task": None, "kernel_id": "slow"}

        async def fast():
            done = asyncio.get_running_loop().create_future()
            done.set_result(([], None))
            return {**kernel, "task": done}

        km._pools["app.ipynb"] = [asyncio.ensure_future(slow()), asyncio.ensure_future(fast())]
        await turns()
        assert pool.pool_states(km._pools["app.ipynb"]) == ["starting", "ready"]
        *_, got = await asyncio.wait_for(km.get_rendered_notebook("app.ipynb"), DELAY / 10)
        started.set()
        await turns()
        return got

    assert run(scenario()) == "ready"


@pytest.mark.parametrize("delay", [0, 0.0, None])
def test_no_delay_means_no_sleeping_refill(delay):
    async def scenario():
        async def kernel():
            return "k"

        coro = pool.wait_before(delay or 0, kernel())
        assert coro not in pool._WAKE
        return await coro

    assert run(scenario()) == "k"
