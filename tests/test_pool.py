"""Preheated kernels: the visitor's link reaches a kernel built ahead of time, and culling spares
the pool."""

from __future__ import annotations

import asyncio
import concurrent.futures
import json

import pytest
import websockets

from explorer.server import kernel
from explorer.server.kernels import ExplorerKernelManager, pooled_kernel_ids
from explorer.server.launch import free_port


def run(main) -> None:
    """asyncio.run in a thread of its own (the browser tests' Playwright keeps a loop in this
    one)."""
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, main()).result(timeout=60)


@pytest.fixture
def pooled_env(monkeypatch):
    port = free_port(0)
    for k, v in {
        "VOILA_PREHEAT": "True",
        "VOILA_KERNEL_ID": "abc-123",
        "VOILA_APP_PORT": str(port),
        "VOILA_SERVER_URL": "/",
        "QUERY_STRING": "",
    }.items():
        monkeypatch.setenv(k, v)
    monkeypatch.delenv("VOILA_WS_BASE_URL", raising=False)
    return port


def serve_request_info(port: int, payload: str, paths: list[str]):
    async def handler(ws):
        paths.append(ws.request.path)
        await ws.send(payload)

    return websockets.serve(handler, "127.0.0.1", port)


def test_outside_a_pool_the_query_is_known_at_once(monkeypatch):
    monkeypatch.setenv("VOILA_PREHEAT", "False")
    monkeypatch.setenv("QUERY_STRING", "site_power=600")
    assert not kernel.preheated()
    assert kernel.query_now() == "site_power=600"
    assert kernel.when_visitor_arrives(lambda q: None) is None


def test_a_pooled_kernel_applies_the_visitors_query_when_it_arrives(pooled_env):
    assert kernel.preheated() and kernel.query_now() == ""
    applied: list[str] = []
    paths: list[str] = []

    async def main():
        async with serve_request_info(
            pooled_env, json.dumps({"QUERY_STRING": "site_power=600&chip=h100"}), paths
        ):
            await kernel.when_visitor_arrives(applied.append)

    run(main)
    assert applied == ["site_power=600&chip=h100"]
    assert paths == ["/voila/query/abc-123"]


def test_the_kernel_proves_it_is_the_servers_own_with_the_secret_from_its_environment(
    pooled_env, monkeypatch
):
    monkeypatch.setenv("EXPLORER_QUERY_SECRET", "s3cret")
    seen: list[str | None] = []
    applied: list[str] = []

    async def handler(ws):
        seen.append(ws.request.headers.get("X-Explorer-Kernel-Secret"))
        await ws.send(json.dumps({"QUERY_STRING": "chip=h100"}))

    async def main():
        async with websockets.serve(handler, "127.0.0.1", pooled_env):
            await kernel.when_visitor_arrives(applied.append)

    run(main)
    assert seen == ["s3cret"] and applied == ["chip=h100"]


@pytest.mark.parametrize(
    "payload", ["not json", json.dumps(["a list"]), json.dumps({"QUERY_STRING": ""})]
)
def test_bad_or_empty_request_info_keeps_the_defaults(pooled_env, payload):
    applied: list[str] = []

    async def main():
        async with serve_request_info(pooled_env, payload, []):
            await kernel.when_visitor_arrives(applied.append)

    run(main)
    assert applied == []


def test_no_server_keeps_the_defaults_without_raising(pooled_env):
    applied: list[str] = []

    async def main():
        await asyncio.wait_for(kernel.when_visitor_arrives(applied.append), 30)

    run(main)
    assert applied == []


def test_a_failing_apply_is_contained(pooled_env):
    def boom(query: str) -> None:
        raise RuntimeError("boom")

    async def main():
        async with serve_request_info(pooled_env, json.dumps({"QUERY_STRING": "x=1"}), []):
            await kernel.when_visitor_arrives(boom)

    run(main)  # no exception escapes


class FakeManager(ExplorerKernelManager):
    """The explorer's kernel manager with only what culling reads: Voila's `_pools` of futures
    (Jupyter Server's __init__ is not run: no kernels, no culler)."""

    def __init__(self, pooled: list[str]) -> None:
        loop = asyncio.new_event_loop()
        futures = []
        for kid in pooled:
            f = loop.create_future()
            f.set_result({"kernel_id": kid})
            futures.append(f)
        pending = loop.create_future()  # a kernel still starting
        self._pools = {"explorer.ipynb": [*futures, pending]}
        self.culled: list[str] = []
        loop.close()


def test_culling_spares_pooled_kernels_and_culls_the_rest(monkeypatch):
    from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager

    async def upstream(self, kernel_id):
        self.culled.append(kernel_id)

    # the upstream method the explorer's kernel manager defers to, recording instead of culling
    monkeypatch.setattr(AsyncMappingKernelManager, "cull_kernel_if_idle", upstream)
    km = FakeManager(["pooled-1", "pooled-2"])
    assert pooled_kernel_ids(km) == {"pooled-1", "pooled-2"}
    for kid in ("pooled-1", "visitor-1", "pooled-2", "visitor-2"):
        run(lambda kid=kid: km.cull_kernel_if_idle(kid))
    assert km.culled == ["visitor-1", "visitor-2"]
    assert pooled_kernel_ids(object()) == set()


def test_a_class_pool_is_refilled_late_and_a_small_one_as_voila_does():
    from explorer.server.launch import CLASS_FILL_DELAY, CLASS_POOL, voila_command

    delay = f"--VoilaKernelManager.fill_delay={CLASS_FILL_DELAY}"
    assert delay in voila_command(pool=CLASS_POOL)
    assert delay in voila_command(pool=30)
    for small in (CLASS_POOL - 1, 0, None):
        assert not any("fill_delay" in a for a in voila_command(pool=small))


def test_voila_reads_the_fill_delay_option():
    from voila.app import Voila

    from explorer.server.launch import CLASS_FILL_DELAY, voila_command
    from explorer.server.run import voila_app

    Voila.clear_instance()
    try:
        app = voila_app(voila_command(pool=30)[4:])  # the options after the notebook
        # kept as a string until the kernel manager class (made by Voila at start) reads it
        assert float(app.config.VoilaKernelManager.fill_delay) == CLASS_FILL_DELAY
    finally:
        Voila.clear_instance()
