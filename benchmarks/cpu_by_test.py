"""A pytest plugin that writes each test's CPU seconds (issue #22's measure): setup, call and
teardown of this process and of the children it reaped meanwhile (``getrusage``), with the wall
seconds beside them, one line per test appended to ``$EXPLORER_CPU_OUT`` (default
``build/cpu-by-test.txt``). Under xdist every worker appends its own tests.

    python -m pytest -p cpu_by_test -m slow tests/classroom/test_spoilers.py

(``benchmarks/`` is on pytest's ``pythonpath``.) A child's CPU counts when it is reaped: a
module-scoped server's at the teardown of the module's last test, a session-scoped one's (and
Playwright's Chromium) at the session's last test; grandchildren count once their parent has
reaped them. So add the lines up by file or by session, and read a single line as the test's
own CPU only where it starts and stops what it uses.
"""

from __future__ import annotations

import os
import resource
import time
from pathlib import Path

import pytest

_took: dict[str, tuple[float, float]] = {}


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    reaped = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + reaped.ru_utime + reaped.ru_stime


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item, nextitem):
    cpu, wall = _cpu(), time.monotonic()
    yield
    _took[item.nodeid] = (_cpu() - cpu, time.monotonic() - wall)


def pytest_sessionfinish(session):
    if not _took:
        return
    out = Path(os.environ.get("EXPLORER_CPU_OUT", "build/cpu-by-test.txt"))
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("a", encoding="utf-8") as f:
        for nodeid, (cpu, wall) in _took.items():
            f.write(f"{cpu:8.2f} cpu {wall:8.2f} wall  {nodeid}\n")
