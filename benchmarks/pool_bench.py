"""What one preheated app kernel costs: memory and the CPU time to start it.

Starts `explorer app --pool N` (the real command, in its own session), waits until N kernels
have started and gone idle (a preheated kernel has already built the dashboard), prints each
kernel's RSS, USS (memory no other process shares) and CPU time (user + system), then how many
kernels fit per GB and per core, and stops the server with SIGTERM.

With ``--visits V`` it then opens V first visits at once in Debian's Chromium (a class arriving
together) and prints how long until every page was interactive, and how many were not within the
budget (issue #9: ``--pool 30``, 30 visits, all interactive within 20 s, 0 errors). Every page
then renders in one Chromium on the server's two cores, so that figure is mostly Chromium's
(4.6 CPU-s per page); `class_bench.py` measures the server's side of the same burst without a
browser.

    .venv/bin/python benchmarks/pool_bench.py --pool 4
    .venv/bin/python benchmarks/pool_bench.py --pool 30 --visits 30
"""

from __future__ import annotations

import argparse
import os
import signal
import statistics
import subprocess
import sys
import time

import psutil

from explorer.server.launch import free_port

MB = 2**20
READY = ".explorer-city .explorer-value"  # the app's headline: shown once the page is interactive
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run"]


def kernels(server: psutil.Process) -> list[psutil.Process]:
    return [
        k for k in server.children(recursive=True) if "ipykernel_launcher" in " ".join(k.cmdline())
    ]


def cpu(p: psutil.Process) -> float:
    t = p.cpu_times()
    return t.user + t.system


def tree_cpu(p: psutil.Process) -> float:
    """CPU seconds of a process and all its descendants (those still running)."""
    total = 0.0
    for q in [p, *p.children(recursive=True)]:
        try:
            total += cpu(q)
        except psutil.Error:
            pass
    return total


def visits(
    url: str, n: int, budget: float, server: psutil.Process, shared: bool = False
) -> dict[str, float]:
    """Open `n` pages on `url` at once; how long until all were interactive and who used the CPU.

    Each page gets a fresh browser context (an empty cache, as a student's first visit) unless
    `shared`. The CPU split tells the server's cost (what a real class costs the server, whose
    visitors bring their own browsers) from the cost of running every browser on this machine."""
    from playwright.sync_api import sync_playwright

    me = psutil.Process()
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        one = browser.new_context() if shared else None
        pages = [(one or browser.new_context()).new_page() for _ in range(n)]
        server0, browser0 = tree_cpu(server), tree_cpu(me)
        t0 = time.perf_counter()
        for p in pages:
            p.goto(url, wait_until="commit")
        each, errors = [], 0
        for p in pages:
            try:
                p.wait_for_selector(
                    READY, timeout=max(1.0, t0 + budget - time.perf_counter()) * 1000
                )
                each.append(time.perf_counter() - t0)
            except Exception:
                errors += 1
        elapsed = time.perf_counter() - t0
        used = {"server": tree_cpu(server) - server0, "browser": tree_cpu(me) - browser0}
        browser.close()
    return {
        "errors": errors,
        "elapsed": elapsed,
        "median": statistics.median(each) if each else float("nan"),
        "server_cpu": used["server"],
        "browser_cpu": used["browser"],
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--pool", type=int, default=4)
    ap.add_argument("--timeout", type=float, default=300)
    ap.add_argument("--visits", type=int, default=0, help="first visits opened at once afterwards")
    ap.add_argument("--budget", type=float, default=60, help="seconds a visit may take")
    ap.add_argument(
        "--shared-context",
        action="store_true",
        help="open the visits in one browser context (a shared cache) instead of one each",
    )
    a = ap.parse_args()
    port = free_port(start=9300)
    argv = [sys.executable, "-m", "explorer.cli", "app", "--port", str(port), "--pool", str(a.pool)]
    proc = subprocess.Popen(
        argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    start = time.monotonic()
    try:
        server = psutil.Process(proc.pid)
        while True:  # N kernels, each idle (CPU time unchanged) for 3 s
            ks = kernels(server)
            if len(ks) >= a.pool:
                before = [cpu(k) for k in ks]
                time.sleep(3)
                if [cpu(k) for k in ks] == before:
                    break
            if time.monotonic() - start > a.timeout:
                raise SystemExit(f"only {len(ks)} of {a.pool} kernels after {a.timeout:.0f} s")
            time.sleep(1)
        filled = time.monotonic() - start
        rows = [(k.memory_info().rss / MB, k.memory_full_info().uss / MB, cpu(k)) for k in ks]
        for i, (rss, uss, t) in enumerate(rows):
            print(f"kernel {i}: RSS {rss:.0f} MB, USS {uss:.0f} MB, start CPU {t:.2f} s")
        rss = statistics.median(r[0] for r in rows)
        uss = statistics.median(r[1] for r in rows)
        t = statistics.median(r[2] for r in rows)
        print(f"server: RSS {server.memory_info().rss / MB:.0f} MB")
        print(f"pool of {len(rows)} filled in {filled:.1f} s on {os.cpu_count()} cores")
        print(
            f"median kernel: RSS {rss:.0f} MB, USS {uss:.0f} MB, start CPU {t:.2f} s -> "
            f"{1024 / rss:.1f} kernels per GB (RSS; {1024 / uss:.1f} by USS), "
            f"{60 / t:.0f} kernel starts per core-minute"
        )
        if a.visits:
            v = visits(f"http://127.0.0.1:{port}/", a.visits, a.budget, server, a.shared_context)
            print(
                f"{a.visits} first visits at once: {v['errors']} not interactive within "
                f"{a.budget:.0f} s; all interactive after {v['elapsed']:.1f} s "
                f"(median {v['median']:.1f} s); CPU used meanwhile: server and kernels "
                f"{v['server_cpu']:.1f} s, the browser {v['browser_cpu']:.1f} s "
                f"({v['browser_cpu'] / a.visits:.2f} s per page)"
            )
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)


if __name__ == "__main__":
    main()
