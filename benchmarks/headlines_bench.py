"""Benchmark of `explorer.ui.headlines.headline_ranges`, the headline ranges the app recomputes on
every slider step (prints figures; asserts nothing).

For each scenario: the time per call while the site power moves (the draws are cached, the
formulas re-evaluated), with `explorer.compute` of the same scenario as the reference, and the
first call (the draws made). Target (issue #12, the app): ≤ 5 ms per call on this 2-core machine.
Usage: .venv/bin/python benchmarks/headlines_bench.py [--calls 200 --samples 2000]
"""

from __future__ import annotations

import argparse
import statistics
import time

import explorer
from explorer.model import preset_inputs
from explorer.ui import headlines

FIELDS = ("site_power", "cooling_fraction", "overhead_fraction", "chip", "basis", "mfu")


def timed(fn, calls: int) -> tuple[float, float]:
    """(median, p95) of `calls` calls of fn(i) [ms]."""
    times = []
    for i in range(calls):
        t = time.perf_counter()
        fn(i)
        times.append((time.perf_counter() - t) * 1e3)
    times.sort()
    return statistics.median(times), times[int(0.95 * (len(times) - 1))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--calls", type=int, default=200)
    ap.add_argument("--samples", type=int, default=headlines.SAMPLES)
    args = ap.parse_args()
    for site, extra in (
        ("generic", {}),
        ("rainier-mississippi", {}),
        ("rainier-mississippi", {"model": "llama3-405b"}),
    ):
        p = preset_inputs(site)
        state = {"site": site, **{k: p[k] for k in FIELDS}, **extra}
        headlines._draws.cache_clear()
        t = time.perf_counter()
        headlines.headline_ranges(n=args.samples, **state)
        first = (time.perf_counter() - t) * 1e3

        def step(i: int, state=state) -> None:
            headlines.headline_ranges(n=args.samples, **{**state, "site_power": 100.0 + i})

        def plain(i: int, state=state) -> None:
            explorer.compute(**{**state, "site_power": 100.0 + i})

        med, p95 = timed(step, args.calls)
        ref, _ = timed(plain, args.calls)
        name = site + (" + " + extra["model"] if extra else "")
        print(
            f"{name:38s} n={args.samples}: first call {first:6.1f} ms; per step median "
            f"{med:.2f} ms, p95 {p95:.2f} ms (compute alone {ref:.2f} ms, ratio {med / ref:.1f}x)"
        )


if __name__ == "__main__":
    main()
