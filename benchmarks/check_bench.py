"""Benchmark of the lessons' answer checker, `explorer.classroom.lessons.check` (prints figures;
asserts nothing).

What a student's "Check" costs: every exercise checked with its own answer, with each trap's
value and with a free-text answer (a unit after the number), first in a fresh process (each
answer, trap value and unit name computed or parsed once: cold), then again (warm).
Usage: .venv/bin/python benchmarks/check_bench.py [--rounds 3]
"""

from __future__ import annotations

import argparse
import statistics
import time

from explorer import fmt
from explorer.classroom import lessons


def typed_answers() -> list[tuple[str, str, int]]:
    """(exercise, typed text, attempt) for every exercise: its answer, each trap, worded."""
    out = []
    for eid, e in lessons.EXERCISES.items():
        out.append((eid, fmt.number(e.answer(), 3), 1))
        out.append((eid, f"about {fmt.number(e.answer() * 1.7, 2)} {e.unit}", 2))
        out += [(eid, repr(t.value()), 1) for t in e.traps]
    return out


def one_pass(cases: list[tuple[str, str, int]]) -> list[float]:
    times = []
    for eid, typed, attempt in cases:
        t = time.perf_counter()
        lessons.check(eid, typed, attempt=attempt)
        times.append((time.perf_counter() - t) * 1e3)
    return times


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    t = time.perf_counter()
    cases = typed_answers()
    print(
        f"{len(lessons.EXERCISES)} exercises, {len(cases)} typed answers "
        f"(answers and traps computed in {time.perf_counter() - t:.2f} s)"
    )
    for label in ["cold"] + [f"warm {i}" for i in range(1, args.rounds)]:
        times = sorted(one_pass(cases))
        median, p95 = statistics.median(times), times[int(0.95 * (len(times) - 1))]
        print(
            f"{label:>7}: total {sum(times) / 1e3:6.2f} s, median {median:6.2f} ms,"
            f" p95 {p95:6.2f} ms, max {times[-1]:7.1f} ms"
        )


if __name__ == "__main__":
    main()
