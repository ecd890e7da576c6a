"""Every benchmark script starts (its imports and options still match the package): a renamed
name in explorer/ must not leave a benchmark that only fails when someone measures."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import ROOT, check_each

# the scripts (a module they share, such as visits.py, has no command line)
SCRIPTS = sorted(
    p for p in (ROOT / "benchmarks").glob("*.py") if "__main__" in p.read_text(encoding="utf-8")
)

# Each script run as `python SCRIPT --help` would run it (as __main__, its folder first on
# sys.path, its own fresh namespace), all in one interpreter: one start-up instead of one per
# script. Prints {script: [exit status, stdout, stderr]} as JSON.
HELP_ALL = """
import contextlib, io, json, runpy, sys, traceback
done = {}
for script in sys.argv[1:]:
    out, err, code = io.StringIO(), io.StringIO(), 0
    sys.argv = [script, "--help"]
    sys.path.insert(0, script.rsplit("/", 1)[0])
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            runpy.run_path(script, run_name="__main__")
        except SystemExit as e:
            code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
        except BaseException:
            traceback.print_exc()
            code = 1
    sys.path.pop(0)
    done[script] = [code, out.getvalue(), err.getvalue()]
print(json.dumps(done))
"""


@pytest.fixture(scope="module")
def helped() -> dict[str, list]:
    out = subprocess.run(
        [sys.executable, "-c", HELP_ALL, *map(str, SCRIPTS)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    assert out.returncode == 0, out.stderr[-3000:]
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_a_benchmark_script_starts_and_explains_itself(helped):
    def check(script) -> None:
        code, stdout, stderr = helped[str(script)]
        assert code == 0, stderr[-1500:]
        assert "usage" in stdout.lower()

    assert check_each(SCRIPTS, check, name=lambda s: s.name) == len(SCRIPTS) >= 9
