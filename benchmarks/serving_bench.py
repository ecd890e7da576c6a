"""Serving under attack, measured (prints figures; asserts nothing). Loopback only, bounded.

1. Fuzz: N hostile kernel-websocket frames (the issue's named frames, then random ones), on
   `explorer app`'s server and on the Binder route (Jupyter Server + Voila's extension): server
   RSS before/peak/after and the worst latency of a cheap page request during the run.
2. Flood: G plain GETs of the app page (no websocket, as a bot): how many got the page or the
   busy page, kernels and server+kernel memory at the peak, and the time until the unconnected
   pages' kernels are released (one address, its share lifted: the cap and the release).
3. Lockout: with a cap of C visitor kernels, one address sends C plain GETs, then a class of
   C - 2 visitors from other addresses asks for the page; then C visits from other addresses
   open and close their websocket without the tab-close beacon (a crashed tab), and C - 2 new
   visitors come after the reconnect window: pages served and busy pages for each class.

`--code DIR` runs the servers from another checkout (e.g. main's, for a before/after).

Usage: .venv/bin/python benchmarks/serving_bench.py [--frames 300] [--gets 30] [--grace 10]
       [--cap 12] [--code DIR] [--only fuzz,flood,lockout]
"""

from __future__ import annotations

import argparse
import concurrent.futures
import os
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
from visits import kernel_id, visit_from  # benchmarks/visits.py, beside this script
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import connect

from explorer.server.connection import V1
from explorer.server.launch import APP_NOTEBOOK, environment, voila_command

ROOT = Path(__file__).resolve().parents[1]  # the checkout: binder/start runs from there
CODE: dict[str, str] = {}  # PYTHONPATH for the servers (--code)

MB = 1 << 20


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
        root = Path(CODE["PYTHONPATH"]) if CODE else ROOT
        if route != "app":
            argv[0] = str(root / "binder" / "start")
        self.proc = subprocess.Popen(
            argv,
            cwd=root,
            env={**environment(), **CODE, **env},
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
    server = Server(route, {"EXPLORER_KERNELS_PER_MINUTE": "1000", "EXPLORER_ADDRESS_SHARE": "1"})
    try:
        kernel = kernel_id(server.get(server.page)[1])
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
            "EXPLORER_ADDRESS_SHARE": "1",
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


def visit(server: Server, source: str, beaconless: bool = False) -> int:
    """GET the app page from loopback address `source`; with `beaconless`, also open its kernel's
    websocket and close it without the tab-close beacon. The status."""
    status, kernel = visit_from(server.port, source)
    if beaconless and status == 200 and kernel:
        url = f"ws://127.0.0.1:{server.port}/api/kernels/{kernel}/channels?session_id=x"
        try:
            with connect(url, subprotocols=[V1], open_timeout=20):
                time.sleep(0.5)
        except Exception:  # noqa: BLE001 - a refused socket is a figure too (counted as served)
            pass
    return status


def visits(server: Server, sources: list[str], beaconless: bool = False) -> list[int]:
    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        return list(pool.map(lambda s: visit(server, s, beaconless), sources))


def lockout(cap: int) -> None:
    env = {"EXPLORER_MAX_KERNELS": str(cap)}  # every other limit at its default
    others = [f"127.0.{i // 200 + 1}.{i % 200 + 2}" for i in range(3 * cap)]
    server = Server("app", env)
    try:
        flood_statuses = [visit(server, "127.0.0.2") for _ in range(cap)]
        class_statuses = visits(server, others[: cap - 2])
        print(
            f"lockout (cap {cap}): one address sent {cap} GETs → {flood_statuses.count(200)} "
            f"pages; then a class of {cap - 2} from other addresses → "
            f"{class_statuses.count(200)} pages, {class_statuses.count(503)} busy",
            flush=True,
        )
    finally:
        server.stop()
    server = Server("app", env)
    try:
        lost = visits(server, others[cap : 2 * cap], beaconless=True)
        time.sleep(45)  # longer than the reconnect window (30 s) and a sweep
        later = visits(server, others[2 * cap : 3 * cap - 2])
        print(
            f"lost tabs (cap {cap}): {lost.count(200)} visits closed their websocket without "
            f"the beacon; 45 s later {cap - 2} new visitors → {later.count(200)} pages, "
            f"{later.count(503)} busy; kernels now {server.memory()[2]}",
            flush=True,
        )
    finally:
        server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=int, default=300)
    parser.add_argument("--gets", type=int, default=30)
    parser.add_argument("--grace", type=float, default=10.0)
    parser.add_argument("--cap", type=int, default=12)
    parser.add_argument("--code", type=Path, default=None)
    parser.add_argument("--only", default="fuzz,flood,lockout")
    args = parser.parse_args()
    if args.code is not None:
        CODE["PYTHONPATH"] = str(args.code.resolve())
    only = set(args.only.split(","))
    if "fuzz" in only:
        for route in ("app", "binder"):
            fuzz(route, args.frames)
    if "flood" in only:
        flood(args.gets, args.grace)
    if "lockout" in only:
        lockout(args.cap)


if __name__ == "__main__":
    main()
