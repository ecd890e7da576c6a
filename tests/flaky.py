"""The flakiness check (`make flaky [N=5]`): the browser and server tests N times in a row, each
time a fresh pytest session as CI runs them, then a report of every test that failed at least
once, with how often. Exits 1 when any did (or when a run ended without its report).

    python tests/flaky.py [N] [pytest arguments, e.g. -k keyboard]

Not a test module (pytest collects ``test_*.py`` only).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# the tests that start servers, kernels or a browser (test_binder.py builds a virtualenv: not here)
PATHS = ["tests/browser", "tests/server", "tests/test_app_command.py", "tests/test_pool.py"]
# as `make test` runs them: two at a time, by file (the Makefile's PYTEST_SLOW)
PARALLEL = ["-n", "2", "--dist", "loadfile"]


def outcomes(report: Path) -> dict[str, str]:
    """Each test's outcome in a JUnit XML report: passed, failed, error or skipped."""
    out = {}
    for case in ET.parse(report).getroot().iter("testcase"):
        name = f"{case.get('classname', '').replace('.', '/')}.py::{case.get('name')}"
        kinds = {child.tag for child in case}
        out[name] = next((k for k in ("failure", "error", "skipped") if k in kinds), "passed")
        out[name] = {"failure": "failed"}.get(out[name], out[name])
    return out


def main(argv: list[str]) -> int:
    runs = int(argv[0]) if argv and argv[0].isdigit() else 5
    extra = argv[1:] if argv and argv[0].isdigit() else argv
    if runs < 1:
        print(f"flaky: N = {runs}; allowed: N ≥ 1", file=sys.stderr)
        return 2
    failed: Counter[str] = Counter()
    lines = []
    with tempfile.TemporaryDirectory(prefix="flaky-") as tmp:
        for run in range(1, runs + 1):
            report = Path(tmp) / f"run{run}.xml"
            cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
            cmd += [f"--junitxml={report}", *PARALLEL, *PATHS, *extra]
            print(f"\n=== flaky: run {run} of {runs}: {' '.join(cmd[1:])}", flush=True)
            start = time.monotonic()
            code = subprocess.call(cmd, cwd=ROOT)
            took = time.monotonic() - start
            seen = outcomes(report) if report.exists() else {}
            counts = Counter(seen.values())
            broken = [name for name, outcome in seen.items() if outcome in ("failed", "error")]
            failed.update(broken)
            if code != 0 and not broken:  # no report, nothing collected, interrupted, ...
                failed[f"(run {run}: pytest exited with status {code})"] += 1
            lines.append(
                f"run {run}: {counts['passed']} passed, {counts['failed']} failed, "
                f"{counts['error']} errors, {counts['skipped']} skipped, {took:.0f} s"
            )
    print(f"\n=== flaky: {runs} runs of {' '.join(PATHS)}")
    print("\n".join(lines))
    if not failed:
        print("no test failed in any run")
        return 0
    print("failed at least once (runs failed / runs):")
    for name, n in sorted(failed.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  {n}/{runs}  {name}")
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
