"""A class arriving at once, without a browser: the server's own capacity for N first visits.

`pool_bench.py --visits` opens the visits in Chromium on the server's machine, so it mostly
measures Chromium (4.6 CPU-s per page). Here each visit does, at the protocol level, what
Voila's page does in a student's browser, concurrently (asyncio, one process):

1. GET the app page with a fresh cookie jar, `?site_power=P` with a different P per visit (a
   stale pooled page cannot pass); read the kernel id and the `_xsrf` cookie. Serving the page
   also hands the link to the preheated kernel: Voila's page handler sends the request info to
   the kernel's request-info socket (``/voila/query/<kernel>``), which the kernel reads
   (explorer/server/kernel.py) and re-renders the dashboard for. The page itself does nothing
   more for that.
2. GET ``/api/kernels/<id>`` with the ``X-XSRFToken`` header (JupyterLab's ``getKernelModel``),
   open ``/api/kernels/<id>/channels`` with the ``v1.kernel.websocket.jupyter.org``
   subprotocol and the page's cookie, send ``kernel_info_request`` and wait for the reply (what
   JupyterLab's ``KernelConnection`` does before it reports "connected").
3. Open a ``jupyter.widget.control`` comm and send ``request_states`` (what
   @jupyter-widgets/base's ``_loadFromKernel`` does); wait for ``update_states``.
4. App: wait until the headline widget (the ``explorer-city`` HTML) shows the core's value for
   P, from the states or a later ``update``. Floor (``--floor``): interactive = states received.

Static files (the JavaScript bundles and styles a first visit downloads) are fetched only with
``--assets``: the benchmark then first opens the page once in Debian's Chromium, on a separate
server without a pool, records the same-origin files it loads, and every visit fetches those
(six at a time, as a browser does per host) after the page and before its kernel requests.

The server is started as `explorer app --pool N` starts it (`voila_command`, the package's
environment), optionally with ``--VoilaKernelManager.fill_delay``; the benchmark waits until
the pool is full and idle before the visits start.

    .venv/bin/python benchmarks/class_bench.py --pool 30 --visits 30
    .venv/bin/python benchmarks/class_bench.py --pool 30 --visits 30 --fill-delay 60 --floor
"""

from __future__ import annotations

import argparse
import asyncio
import html
import json
import os
import re
import secrets
import signal
import statistics
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import psutil
from visits import kernel_id  # benchmarks/visits.py, beside this script

from explorer.server.launch import APP_NOTEBOOK, environment, free_port, voila_command

FLOOR = Path(__file__).resolve().parent / "floor.ipynb"
V1 = "v1.kernel.websocket.jupyter.org"
VALUE = re.compile(r"class='explorer-value'>(.*?)</div>", re.S)
HEADLINE_CLASS = "explorer-city"


# ------------------------------------------------------------------ the kernel protocol (v1)
#: Every simulated student connects from 127.0.0.1: lift the per-address share of the kernels
#: (a class on one LAN behind one NAT needs the same: EXPLORER_ADDRESS_SHARE=1).
ONE_ADDRESS = {"EXPLORER_ADDRESS_SHARE": "1"}


def encode(channel: str, msg_type: str, content: dict, session: str, metadata=None) -> bytes:
    from explorer.server.wsguard import encode_v1

    header = {
        "msg_id": uuid.uuid4().hex,
        "msg_type": msg_type,
        "session": session,
        "username": "",
        "version": "5.3",
        "date": time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime()),
    }
    return encode_v1(channel, header, {}, metadata or {}, content)


def decode(frame: bytes) -> tuple[str, dict, dict, list[bytes]] | None:
    """(channel, header, content, buffers) of a v1 frame from the server."""
    from jupyter_server.services.kernels.connection.base import deserialize_msg_from_ws_v1

    try:  # the server's own frames (its parser trusts them, and so do we)
        channel, parts = deserialize_msg_from_ws_v1(frame)
        return channel, json.loads(parts[0]), json.loads(parts[3]), parts[4:]
    except (ValueError, IndexError):
        return None


def headline_value(state_value: str) -> str:
    found = VALUE.search(state_value or "")
    return html.unescape(found.group(1)).strip() if found else ""


def expected_headline(site_power: float) -> str:
    """What the app's city headline shows for `site_power` [MW] (tests/browser/test_app.py)."""
    import explorer
    from explorer import fmt

    ds = explorer.compute(site_power=site_power)
    return f"{fmt.number(float(ds.city_households))} households"


# ------------------------------------------------------------------ one visit
@dataclass
class Visit:
    index: int
    site_power: float
    expected: str | None  # None: the floor (states are enough)
    marks: dict[str, float] = field(default_factory=dict)  # phase → seconds since the start
    error: str = ""
    state_bytes: int = 0
    models: int = 0
    ws: object = None
    states: dict = field(default_factory=dict)  # the widget states (the first visit only)
    assets: list[str] = field(default_factory=list)  # static paths to fetch after the page
    asset_bytes: int = 0


async def visit(v: Visit, base: str, t0: float, budget: float) -> None:
    try:
        await asyncio.wait_for(_visit(v, base, t0), budget)
    except TimeoutError:
        done = max(v.marks, key=v.marks.get) if v.marks else "nothing"
        v.error = v.error or f"not interactive within {budget:.0f} s (last step: {done})"
    except Exception as e:  # noqa: BLE001 - every failure is a figure
        v.error = v.error or f"{type(e).__name__}: {e}"[:200]


async def _visit(v: Visit, base: str, t0: float) -> None:
    import httpx
    from websockets.asyncio.client import connect

    mark = lambda name: v.marks.setdefault(name, time.perf_counter() - t0)  # noqa: E731
    async with httpx.AsyncClient(base_url=base, timeout=None) as http:
        r = await http.get(f"/?site_power={v.site_power:g}")
        mark("page")
        if r.status_code != 200:
            v.error = f"page answered {r.status_code}"
            return
        if v.assets:
            six = asyncio.Semaphore(6)

            async def fetch(path: str) -> int:
                async with six:
                    got = await http.get(path)
                    return len(got.content) if got.status_code == 200 else -1

            sizes = await asyncio.gather(*(fetch(p) for p in v.assets))
            if -1 in sizes:
                v.error = f"{sizes.count(-1)} static files failed"
                return
            v.asset_bytes = sum(sizes)
            mark("assets")
        kernel = kernel_id(r.text)
        if not kernel:
            v.error = "no kernel id in the page"
            return
        xsrf = http.cookies.get("_xsrf", "")
        r = await http.get(f"/api/kernels/{kernel}", headers={"X-XSRFToken": xsrf})
        mark("model")
        if r.status_code != 200:
            v.error = f"kernel model answered {r.status_code}"
            return
        cookie = "; ".join(f"{k}={val}" for k, val in http.cookies.items())
    session = uuid.uuid4().hex
    url = base.replace("http://", "ws://") + (
        f"/api/kernels/{kernel}/channels?session_id={secrets.token_hex(16)}"
    )
    ws = await connect(
        url,
        subprotocols=[V1],
        additional_headers={"Cookie": cookie},
        origin=base,
        max_size=None,
        open_timeout=None,
        ping_interval=None,
    )
    v.ws = ws  # kept open until every visit is done: a class keeps its pages open
    mark("websocket")
    await ws.send(encode("shell", "kernel_info_request", {}, session))
    control = uuid.uuid4().hex
    value, model_id = None, None
    async for frame in ws:
        msg = decode(frame) if isinstance(frame, bytes) else None
        if msg is None:
            continue
        channel, header, content, _ = msg
        kind = header.get("msg_type")
        if kind == "kernel_info_reply" and "kernel" not in v.marks:
            mark("kernel")
            await ws.send(
                encode(
                    "shell",
                    "comm_open",
                    {"comm_id": control, "target_name": "jupyter.widget.control", "data": {}},
                    session,
                    metadata={"version": "1.0.0"},
                )
            )
            await ws.send(
                encode(
                    "shell",
                    "comm_msg",
                    {"comm_id": control, "data": {"method": "request_states"}},
                    session,
                )
            )
        elif kind == "comm_msg" and content.get("comm_id") == control:
            data = content.get("data", {})
            if data.get("method") != "update_states":
                continue
            mark("states")
            v.state_bytes = len(frame)
            states = data.get("states", {})
            v.models = len(states)
            if v.index == 0:
                v.states = states
            await ws.send(encode("shell", "comm_close", {"comm_id": control, "data": {}}, session))
            if v.expected is None:
                mark("interactive")
                return
            for mid, s in states.items():
                st = s.get("state", {})
                if HEADLINE_CLASS in (st.get("_dom_classes") or []):
                    model_id, value = mid, headline_value(st.get("value", ""))
            if model_id is None:
                v.error = "no headline widget in the states"
                return
        elif kind == "comm_msg" and model_id and content.get("comm_id") == model_id:
            data = content.get("data", {})
            if data.get("method") in ("update", "echo_update") and "value" in data.get("state", {}):
                value = headline_value(data["state"]["value"])
        if model_id is not None and value == v.expected:
            mark("interactive")
            return


# ------------------------------------------------------------------ server and CPU
def kernels(server: psutil.Process) -> list[psutil.Process]:
    found = []
    for k in server.children(recursive=True):
        try:
            if "ipykernel_launcher" in " ".join(k.cmdline()):
                found.append(k)
        except psutil.Error:
            pass
    return found


def cpu(p: psutil.Process) -> float:
    t = p.cpu_times()
    return t.user + t.system


class CpuMeter:
    """CPU seconds used since `start()` by the server process and by its kernels (new ones in
    full; kernels that exited meanwhile are not counted)."""

    def __init__(self, server: psutil.Process) -> None:
        self.server = server

    def snapshot(self) -> tuple[float, dict[int, float]]:
        ks = {}
        for k in kernels(self.server):
            try:
                ks[k.pid] = cpu(k)
            except psutil.Error:
                pass
        return cpu(self.server), ks

    def start(self) -> None:
        self.before = self.snapshot()

    def used(self) -> tuple[float, float]:
        (s0, k0), (s1, k1) = self.before, self.snapshot()
        return s1 - s0, sum(t - k0.get(pid, 0.0) for pid, t in k1.items())


def wait_for_pool(server: psutil.Process, pool: int, timeout: float) -> float:
    start = time.monotonic()
    while True:  # `pool` kernels, each idle (CPU time unchanged) for 3 s
        ks = kernels(server)
        if len(ks) >= pool:
            before = [cpu(k) for k in ks]
            time.sleep(3)
            if [cpu(k) for k in ks] == before:
                return time.monotonic() - start
        if time.monotonic() - start > timeout:
            raise SystemExit(f"only {len(ks)} of {pool} kernels after {timeout:.0f} s")
        time.sleep(1)


async def burst(
    base: str, n: int, budget: float, floor: bool, meter: CpuMeter, assets: list[str]
) -> list[Visit]:
    powers = [600.0 + 10 * i for i in range(n)]  # none is the default 300 MW
    vs = [
        Visit(i, p, None if floor else expected_headline(p), assets=assets)
        for i, p in enumerate(powers)
    ]
    meter.start()
    t0 = time.perf_counter()
    await asyncio.gather(*(visit(v, base, t0, budget) for v in vs))
    for v in vs:
        if v.ws is not None:
            await v.ws.close()
    return vs


def static_files(notebook: Path) -> list[str]:
    """The same-origin static files one first visit loads in Chromium (a server without a pool,
    stopped afterwards): paths with their query strings."""
    from urllib.parse import urlsplit

    from playwright.sync_api import sync_playwright

    port = free_port(start=9350)
    argv = voila_command(notebook, port, pool=0)
    proc = subprocess.Popen(
        argv,
        env={**environment(), **ONE_ADDRESS},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    paths: list[str] = []
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(
                executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"]
            )
            page = browser.new_page()

            def seen(request) -> None:
                u = urlsplit(request.url)
                if (
                    u.port == port
                    and request.method == "GET"
                    and request.resource_type
                    not in (
                        "document",
                        "websocket",
                        "xhr",
                        "fetch",
                    )
                ):
                    paths.append(u.path + (f"?{u.query}" if u.query else ""))

            page.on("request", seen)
            deadline = time.monotonic() + 120
            while True:
                try:
                    page.goto(f"http://127.0.0.1:{port}/", timeout=60_000)
                    break
                except Exception:
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(1)
            page.wait_for_selector(
                ".floor-label .explorer-value, .explorer-city .explorer-value", timeout=120_000
            )
            page.wait_for_load_state("networkidle")
            browser.close()
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=60)
    return list(dict.fromkeys(paths))


def run(notebook: Path, a: argparse.Namespace) -> dict[str, float]:
    assets = static_files(notebook) if a.assets else []
    port = free_port(start=9300)
    argv = voila_command(notebook, port, pool=a.pool)
    if a.fill_delay is not None:  # instead of the one voila_command chose for this pool size
        argv = [x for x in argv if not x.startswith("--VoilaKernelManager.fill_delay=")]
        argv.append(f"--VoilaKernelManager.fill_delay={a.fill_delay:g}")
    log = open(a.log or os.devnull, "ab")  # noqa: SIM115
    proc = subprocess.Popen(
        argv, env={**environment(), **ONE_ADDRESS}, stdout=log, stderr=log, start_new_session=True
    )
    try:
        server = psutil.Process(proc.pid)
        filled = wait_for_pool(server, a.pool, a.timeout)
        me = psutil.Process()
        mine = cpu(me)
        meter = CpuMeter(server)
        vs = asyncio.run(
            burst(f"http://127.0.0.1:{port}", a.visits, a.budget, a.floor_only, meter, assets)
        )
        server_cpu, kernel_cpu = meter.used()
        client_cpu = cpu(me) - mine
        time.sleep(a.settle)
        after = len(kernels(server))
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=60)
        log.close()
    ok = [v for v in vs if not v.error and "interactive" in v.marks]
    errors = [v for v in vs if v not in ok]
    phases = {}
    for name in ("page", "assets", "model", "websocket", "kernel", "states", "interactive"):
        got = [v.marks[name] for v in ok if name in v.marks]
        phases[name] = statistics.median(got) if got else float("nan")
    times = [v.marks["interactive"] for v in ok]
    return {
        "filled": filled,
        "all": max(times) if times and not errors else float("nan"),
        "last_ok": max(times) if times else float("nan"),
        "median": statistics.median(times) if times else float("nan"),
        "errors": len(errors),
        "error_text": sorted({v.error for v in errors}),
        "server_cpu": server_cpu,
        "kernel_cpu": kernel_cpu,
        "client_cpu": client_cpu,
        "state_kb": statistics.median(v.state_bytes for v in ok) / 1024 if ok else float("nan"),
        "models": statistics.median(v.models for v in ok) if ok else float("nan"),
        "phases": phases,
        "kernels_after": after,
        "breakdown": breakdown(vs[0].states),
        "assets": len(assets),
        "asset_mb": statistics.median(v.asset_bytes for v in ok) / 2**20 if ok else 0.0,
    }


def breakdown(states: dict) -> list[tuple[str, int, float]]:
    """(model name, how many, their state's JSON size [KB]) of one visit, largest first."""
    by: dict[str, list[float]] = {}
    for s in states.values():
        name = f"{s.get('model_module', '?')}:{s.get('model_name', '?')}"
        by.setdefault(name, []).append(len(json.dumps(s.get("state", {}))) / 1024)
    rows = [(name, len(kb), sum(kb)) for name, kb in by.items()]
    return sorted(rows, key=lambda r: -r[2])


def report(name: str, r: dict, a: argparse.Namespace) -> None:
    p = r["phases"]
    from explorer.server.launch import CLASS_FILL_DELAY, CLASS_POOL

    chosen = CLASS_FILL_DELAY if a.pool >= CLASS_POOL else 1
    delay = f"{chosen:g} s (explorer app's)" if a.fill_delay is None else f"{a.fill_delay:g} s"
    print(f"== {name}: --pool {a.pool}, {a.visits} first visits at once, fill_delay {delay}")
    print(f"pool filled in {r['filled']:.1f} s on {os.cpu_count()} cores")
    print(
        f"all interactive after {r['all']:.1f} s (median {r['median']:.1f} s); "
        f"errors {r['errors']} of {a.visits}"
        + (f" (last successful at {r['last_ok']:.1f} s)" if r["errors"] else "")
    )
    for e in r["error_text"]:
        print(f"  error: {e}")
    print("median time to each step [s]: " + ", ".join(f"{k} {val:.1f}" for k, val in p.items()))
    print(
        f"CPU used during the burst: server {r['server_cpu']:.1f} s, kernels "
        f"{r['kernel_cpu']:.1f} s ({r['kernel_cpu'] / a.visits:.2f} s per visit), "
        f"this client {r['client_cpu']:.1f} s"
    )
    print(
        f"widget state per visit: {r['state_kb']:.0f} KB, {r['models']:.0f} widget models; "
        f"kernels running {a.settle:g} s after the burst: {r['kernels_after']}"
    )
    if r["assets"]:
        print(f"static files per visit: {r['assets']}, {r['asset_mb']:.1f} MB")
    if a.breakdown and r["breakdown"]:
        print("widget models of one visit (JSON state, binary buffers not counted):")
        for name, count, kb in r["breakdown"][: a.breakdown]:
            print(f"  {count:4d} × {name:<55} {kb:7.1f} KB")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--pool", type=int, default=30, help="preheated kernels (explorer app --pool)")
    ap.add_argument("--visits", type=int, default=30, help="first visits opened at once")
    ap.add_argument(
        "--fill-delay",
        type=float,
        default=None,
        help="seconds Voila waits before refilling the pool after a visit (default: what "
        "`explorer app --pool N` uses: launch.CLASS_FILL_DELAY from CLASS_POOL kernels on)",
    )
    ap.add_argument("--floor", action="store_true", help="also measure the one-slider floor")
    ap.add_argument("--budget", type=float, default=120, help="seconds a visit may take")
    ap.add_argument("--timeout", type=float, default=300, help="seconds the pool may take to fill")
    ap.add_argument(
        "--settle", type=float, default=0, help="seconds to wait before counting kernels"
    )
    ap.add_argument(
        "--breakdown", type=int, default=0, metavar="K", help="list the K largest widget kinds"
    )
    ap.add_argument(
        "--assets", action="store_true", help="each visit also fetches the page's static files"
    )
    ap.add_argument("--log", default=None, help="append the server's log to this file")
    a = ap.parse_args()
    results = {}
    for name, nb, floor in [("app", APP_NOTEBOOK, False)] + [("floor", FLOOR, True)] * a.floor:
        a.floor_only = floor
        results[name] = run(nb, a)
        report(name, results[name], a)
    if "floor" in results:
        app, fl = results["app"], results["floor"]
        print(
            f"app / floor: all interactive {app['all'] / fl['all']:.2f} x, median "
            f"{app['median'] / fl['median']:.2f} x, kernel CPU "
            f"{app['kernel_cpu'] / max(fl['kernel_cpu'], 1e-9):.2f} x"
        )
    sys.stdout.flush()


if __name__ == "__main__":
    main()
