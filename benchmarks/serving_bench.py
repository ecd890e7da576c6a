"""Serving under attack, measured (prints figures; asserts nothing). Loopback only, bounded.

1. Fuzz: N hostile kernel-websocket frames (the issue's named frames, then random ones), on
   `explorer app`'s server and on the Binder route (Jupyter Server + Voila's extension): server
   RSS before/peak/after and the worst latency of a cheap page request during the run.
2. Flood: G plain GETs of the app page (no websocket, as a bot): how many got the page or the
   busy page, kernels and server+kernel memory at the peak, and the time until the unconnected
   pages' kernels are released.

Usage: .venv/bin/python benchmarks/serving_bench.py [--frames 300] [--gets 30] [--grace 10]
"""

from __future__ import annotations

import argparse
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import psutil
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import connect

from explorer.server.connection import V1
from explorer.server.launch import APP_NOTEBOOK, environment, voila_command

ROOT = Path(__file__).resolve().parents[1]  # the checkout: binder/start runs from there

MB = 1 << 20
KERNEL_ID = re.compile(r'"kernelId":\s*"([0-9a-f-]{36})"')


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, route: str, env: dict[str, str]) -> None:
        self.port = free_port()
        self.token = secrets.token_hex(8) if route == "binder" else ""
        if route == "app":
            argv = [
                a.replace("--port=0", f"--port={self.port}")
                for a in voila_command(APP_NOTEBOOK, port=0)
            ]
            self.page, self.cheap = "/", "/voila/templates/explorer/static/index.css"
        else:
            argv = [
                str(ROOT / "binder" / "start"),
                str(Path(sys.executable).parent / "jupyter-server"),
                "--no-browser",
                "--allow-root",
                f"--port={self.port}",
                "--ServerApp.ip=127.0.0.1",
                f"--IdentityProvider.token={self.token}",
            ]
            self.page, self.cheap = "/voila/render/notebooks/explorer.ipynb", "/api/status"
        self.proc = subprocess.Popen(
            argv,
            cwd=ROOT,
            env={**environment(), **env},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        for _ in range(450):
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", self.port)) == 0:
                    break
            time.sleep(0.2)
        time.sleep(8)  # let the pool fill

    def url(self, path: str) -> str:
        sep = "&" if "?" in path else "?"
        return f"http://127.0.0.1:{self.port}{path}" + (
            f"{sep}token={self.token}" if self.token else ""
        )

    def get(self, path: str) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(self.url(path), timeout=120) as r:
                return r.status, r.read().decode()
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode()

    def latency(self) -> float:
        start = time.monotonic()
        self.get(self.cheap)
        return time.monotonic() - start

    def memory(self) -> tuple[float, float, int]:
        """(server RSS, kernels' RSS [MB], kernel count)."""
        server = psutil.Process(self.proc.pid)
        rss, count = 0, 0
        for kid in server.children(recursive=True):
            try:
                if "ipykernel" in " ".join(kid.cmdline()):
                    rss, count = rss + kid.memory_info().rss, count + 1
            except psutil.Error:  # a kernel that just ended
                pass
        return server.memory_info().rss / MB, rss / MB, count

    def stop(self) -> None:
        os.killpg(self.proc.pid, signal.SIGTERM)
        self.proc.wait(timeout=20)


def hostile_frames(n: int):
    yield os.urandom(4096)
    yield (10**6).to_bytes(8, "little") + bytes(8)
    yield (10**7).to_bytes(8, "little") + bytes(8)
    yield bytes(50 * MB)
    for i in range(max(0, n - 4)):
        kind = i % 3
        if kind == 0:
            yield os.urandom(1 + i % 2048)
        elif kind == 1:
            yield int.from_bytes(os.urandom(8), "little").to_bytes(8, "little") + os.urandom(i % 64)
        else:
            yield os.urandom(8 + i % 512).hex()


def fuzz(route: str, frames: int) -> None:
    server = Server(route, {"EXPLORER_KERNELS_PER_MINUTE": "1000"})
    try:
        kernel = KERNEL_ID.search(server.get(server.page)[1]).group(1)
        ws_url = server.url(f"/api/kernels/{kernel}/channels?session_id=bench").replace(
            "http", "ws", 1
        )
        before = server.memory()[0]
        peak, worst, stop = [before], [0.0], threading.Event()

        def watch():
            while not stop.is_set():
                peak.append(server.memory()[0])
                worst.append(server.latency())
                time.sleep(0.05)

        watcher = threading.Thread(target=watch)
        watcher.start()
        start = time.monotonic()
        sent = closed = 0
        for frame in hostile_frames(
            frames
        ):  # each on a fresh socket, read until the server closes it
            with connect(ws_url, subprotocols=[V1], open_timeout=20, max_size=None) as ws:
                try:
                    ws.send(frame)
                    sent += 1
                    while True:
                        ws.recv(timeout=0.5)
                except ConnectionClosed:
                    closed += 1
                except TimeoutError:
                    pass
        elapsed = time.monotonic() - start
        stop.set()
        watcher.join()
        after = server.memory()[0]
        print(
            f"fuzz [{route}]: {sent} frames in {elapsed:.1f} s, "
            f"{closed} sockets closed by the server; server RSS {before:.0f} MB idle, "
            f"peak {max(peak):.0f} MB (+{max(peak) - before:.0f}), after {after:.0f} MB; "
            f"worst page latency {max(worst) * 1e3:.0f} ms over {len(worst) - 1} probes",
            flush=True,
        )
    finally:
        server.stop()


def flood(gets: int, grace: float) -> None:
    server = Server(
        "app",
        {
            "EXPLORER_UNUSED_KERNEL_GRACE": str(grace),
            "EXPLORER_KERNELS_PER_MINUTE": "1000",
            "EXPLORER_MAX_KERNELS": str(max(2, gets // 3)),
        },
    )
    try:
        idle = server.memory()
        statuses: list[int] = []
        peak = [idle]
        start = time.monotonic()
        for _ in range(gets):
            statuses.append(server.get("/")[0])
            peak.append(server.memory())
        flood_s = time.monotonic() - start
        top = max(peak, key=lambda m: m[2])
        released = None
        deadline = time.monotonic() + grace + 60
        while time.monotonic() < deadline:
            if server.memory()[2] <= idle[2]:
                released = time.monotonic() - start - flood_s
                break
            time.sleep(0.5)
        print(
            f"flood: {gets} plain GETs in {flood_s:.1f} s "
            f"(limit {max(2, gets // 3)} visitor kernels): "
            f"{statuses.count(200)} pages, {statuses.count(503)} busy pages, "
            f"others {len(statuses) - statuses.count(200) - statuses.count(503)}; "
            f"kernels idle {idle[2]} → peak {top[2]}; "
            f"memory server+kernels idle {idle[0] + idle[1]:.0f} MB → "
            f"peak {top[0] + top[1]:.0f} MB; back to {idle[2]} kernels "
            + (
                f"{released:.1f} s after the flood (grace {grace:.0f} s)"
                if released is not None
                else "NOT within the budget"
            ),
            flush=True,
        )
    finally:
        server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=int, default=300)
    parser.add_argument("--gets", type=int, default=30)
    parser.add_argument("--grace", type=float, default=10.0)
    args = parser.parse_args()
    for route in ("app", "binder"):
        fuzz(route, args.frames)
    flood(args.gets, args.grace)


if __name__ == "__main__":
    main()
