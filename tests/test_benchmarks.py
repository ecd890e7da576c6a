"""Every benchmark script starts (its imports and options still match the package): a renamed
name in explorer/ must not leave a benchmark that only fails when someone measures."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import ROOT

# the scripts (a module they share, such as visits.py, has no command line)
SCRIPTS = sorted(
    p for p in (ROOT / "benchmarks").glob("*.py") if "__main__" in p.read_text(encoding="utf-8")
)


@pytest.mark.parametrize("script", SCRIPTS, ids=[s.name for s in SCRIPTS])
def test_a_benchmark_script_starts_and_explains_itself(script):
    out = subprocess.run(
        [sys.executable, str(script), "--help"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert out.returncode == 0, out.stderr[-1500:]
    assert "usage" in out.stdout.lower()
