"""What one preheated app kernel costs: memory and the CPU time to start it.

Starts `explorer app --pool N` (the real command, in its own session), waits until N kernels
have started and gone idle (a preheated kernel has already built the dashboard), prints each
kernel's RSS, USS (memory no other process shares) and CPU time (user + system), then how many
kernels fit per GB and per core, and stops the server with SIGTERM.

    .venv/bin/python benchmarks/pool_bench.py --pool 4
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


def kernels(server: psutil.Process) -> list[psutil.Process]:
    return [
        k for k in server.children(recursive=True) if "ipykernel_launcher" in " ".join(k.cmdline())
    ]


def cpu(p: psutil.Process) -> float:
    t = p.cpu_times()
    return t.user + t.system


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--pool", type=int, default=4)
    ap.add_argument("--timeout", type=float, default=300)
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
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)


if __name__ == "__main__":
    main()
