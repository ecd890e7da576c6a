"""Shared helpers and markers for every test.

Markers (registered in pyproject.toml):
- `browser`: drives a real Chromium (everything under tests/browser/ gets it automatically);
- `slow`: starts a server, builds a wheel or creates a virtualenv (seconds to minutes).
`make check` runs everything else; `make test` (CI) runs all of it.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

import psutil
import pytest

# the kernel id Voila renders into a page it serves (benchmarks/visits.py: the benchmarks' too)
from visits import KERNEL_ID as PAGE_KERNEL_ID

from explorer.server.launch import (  # free_port(0): any free port
    environment,
    free_port,
    port_in_use,
)

ROOT = (
    Path(__file__).resolve().parents[1]
)  # the checkout (tests only; the package never looks here)
__all__ = [
    "ROOT",
    "PAGE_KERNEL_ID",
    "free_port",
    "wait_for_page",
    "eventually",
    "stays",
    "port_is_free",
    "HOSTILE_VOILA_JSON",
    "ServerProcess",
    "binder_argv",
    "check_each",
    "fresh_venv",
    "UV",
    "run_cache",
]
# a voila.json in the reader's folder that would switch tracebacks and sources back on
# a kernel's connection file, kernel-<id>.json, on its command line
KERNEL_FILE = re.compile(r"kernel-([0-9a-f-]{36})\.json")
HOSTILE_VOILA_JSON = {
    "VoilaConfiguration": {"show_tracebacks": True, "strip_sources": False, "template": "lab"}
}
SERVED_SETTINGS = """
import json, sys
from voila.app import Voila
from explorer.server.run import voila_app
out = []
for argv in json.loads(sys.argv[1]):
    Voila.clear_instance()
    app = voila_app(argv)
    page = {k: getattr(app.voila_configuration, k) for k in
            ("template", "strip_sources", "show_tracebacks", "preheat_kernel", "default_pool_size")}
    out.append({"page": page, "config": app.config})
print(json.dumps(out, default=str))
"""


def wait_for_page(url: str, timeout: float = 120) -> str:
    """The page's HTML once the server answers ("" if it never does within `timeout` s)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=timeout) as r:
                return r.read().decode()
        except OSError:
            time.sleep(0.5)
    return ""


def eventually(
    check: Callable[[], Any],
    *,
    what: str,
    seen: Callable[[], Any] | None = None,
    timeout: float = 60,
    every: float = 0.25,
    pause: Callable[[float], Any] = time.sleep,
) -> Any:
    """Call `check` until it returns a truthy value (returned); fail naming `what` was awaited and
    what `seen()` (default: `check()`) gave last when `timeout` [s] passes first.

    For a server's state that must finally hold (its kernel count, a page it serves); the
    timeout only bounds the wait. `pause(seconds)` waits between checks (a Playwright page's
    own wait when the checked state arrives through its events).
    """
    deadline = time.monotonic() + timeout
    while True:
        if value := check():
            return value
        if time.monotonic() > deadline:
            last = seen() if seen else value
            pytest.fail(f"waited {timeout:g} s until {what}; last seen: {last!r}")
        pause(every)


def stays(check: Callable[[], Any], *, what: str, seconds: float, seen=None) -> None:
    """A bounded negative check: fail if `check()` is ever false during `seconds` [s].

    Only where the time itself is the claim ("no further kernel starts"), when nothing the test
    can observe marks the end; the test says why. It can only miss a late change, never fail
    because the machine is slow.
    """
    deadline = time.monotonic() + seconds
    while True:
        if not check():
            pytest.fail(f"{what} stopped holding; seen: {seen() if seen else None!r}")
        if time.monotonic() > deadline:
            return
        time.sleep(0.25)


def check_each(cases: Iterable[Any], check: Callable[[Any], Any], name: Callable = repr) -> int:
    """Run `check` on every case and fail once, at the end, naming every case that failed and
    why (one test over many cases instead of one parametrized copy per case); the number of
    cases checked, so that a test can say it checked them all.

    A case fails when `check` raises: an assertion, an unexpected error, or `pytest.raises`
    finding nothing raised.
    """
    failed, n = [], 0
    for case in cases:
        n += 1
        try:
            check(case)
        except (Exception, pytest.fail.Exception) as e:  # noqa: BLE001 - every case is reported
            failed.append(f"{name(case)}: {type(e).__name__}: {e}")
    assert n, "no case to check"
    if failed:
        pytest.fail(f"{len(failed)} of {n} cases failed:\n" + "\n".join(failed), pytrace=False)
    return n


#: uv beside this Python (the dev extra installs it; `make lock` compiles the pins with it)
UV = shutil.which("uv", path=str(Path(sys.executable).parent))


def fresh_venv(venv: Path, *install: str, pip: bool = False) -> Path:
    """A new virtualenv at `venv` on this Python with `install` (pip's arguments: ``-r file``,
    ``-c file``, requirements) installed into it, and pip itself with `pip`; its python.

    With uv (as CI has: the dev extra), which installs from its cache, many packages at once and
    without compiling bytecode: seconds once its cache holds the pins, where ``python -m venv``
    and pip took minutes on every run. Without uv, the same install through venv and pip.
    """
    py = venv / "bin" / "python"
    if UV:  # run from the venv's folder: no project's uv settings apply
        seed = ["--seed"] if pip else []
        subprocess.run(
            [UV, "venv", "--quiet", *seed, "--python", sys.executable, str(venv)],
            cwd=venv.parent,
            check=True,
            timeout=300,
        )
        subprocess.run(
            [UV, "pip", "install", "--quiet", "--python", str(py), *install],
            cwd=venv.parent,
            check=True,
            timeout=1500,
        )
        return py
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    subprocess.run(
        [str(py), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *install],
        check=True,
        timeout=1500,
    )
    return py


#: set to 0 to run the walkthroughs in every session instead of reusing a run by content
RUN_CACHE = "EXPLORER_TEST_CACHE"


def run_cache(reveal: bool, session_folder: Path) -> Path:
    """Where a session keeps the walkthroughs' run of one edition (their executed copies and
    pages; `reveal`: the teacher's).

    By content (`explorer.classroom.handouts.run_folder`): under ``build/walkthrough-runs/``
    (ignored by git; never a tracked file), where `make docs` and the handouts keep the same
    runs, so that a session whose code, notebooks and environment are those of an earlier run
    reads it instead of executing the notebooks again; any change to them is a new folder, and a
    run that failed left nothing there. With ``EXPLORER_TEST_CACHE=0`` (or no writable
    ``build/``), `session_folder`: a run per session."""
    from explorer.classroom import handouts

    if os.environ.get(RUN_CACHE, "1") == "0":
        return session_folder
    try:
        return handouts.run_folder(reveal)
    except OSError:
        return session_folder


def port_is_free(port: int, host: str = "127.0.0.1") -> bool:
    """Whether a server could bind `port` again now."""
    return not port_in_use(port, host)


def once_per_session(tmp_path_factory, worker_id: str, name: str, make: Callable[[], Any]) -> Any:
    """`make()` (JSON), computed once per test session: the first xdist worker that asks computes
    it and writes it as `name` into the session's temporary folder (under a lock; never the
    checkout), the others read it there; without xdist, this process's own folder."""
    base = tmp_path_factory.getbasetemp()
    folder = base if worker_id == "master" else base.parent  # the session's, shared by workers
    done = folder / f"{name}.json"
    with open(folder / f"{name}.lock", "w") as lock:  # released when it closes
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            (folder / f"{name}.part").write_text(json.dumps(make(), default=str), "utf-8")
            (folder / f"{name}.part").replace(done)
    return json.loads(done.read_text("utf-8"))


@pytest.fixture(scope="session")
def teacher_pages(tmp_path_factory, worker_id) -> Mapping[str, str]:
    """Every page of the teacher's pack (`teacher_pack.build()`: relative path → HTML), built once
    per test session for the tests that only read it (read-only; a test that changes an exercise
    or checks regeneration builds its own)."""
    from explorer.classroom import teacher_pack

    pages = once_per_session(tmp_path_factory, worker_id, "teacher-pages", teacher_pack.build)
    return MappingProxyType(pages)


@pytest.fixture(scope="session")
def served_settings(tmp_path_factory, worker_id) -> list[dict]:
    """The settings a server started as `explorer app` starts it (explorer.server.run) ends up with,
    from a folder holding HOSTILE_VOILA_JSON: [without options, with a command-line override].

    Read once per test session (`once_per_session`)."""

    def read() -> list[dict]:
        cwd = tmp_path_factory.mktemp("reader-folder")
        (cwd / "voila.json").write_text(json.dumps(HOSTILE_VOILA_JSON))
        argvs = [[], ["--VoilaConfiguration.default_pool_size=0"]]
        r = subprocess.run(
            [sys.executable, "-c", SERVED_SETTINGS, json.dumps(argvs)],
            cwd=cwd,
            capture_output=True,
            text=True,
            timeout=180,
        )
        assert r.returncode == 0, r.stderr[-2000:]
        return json.loads(r.stdout.strip().splitlines()[-1])

    return once_per_session(tmp_path_factory, worker_id, "served-settings", read)


#: the seconds each file's tests took in the last session that ran them, by marker expression
#: (pytest's cache, .pytest_cache/, ignored by git): `pytest_collection_modifyitems` orders files
FILE_SECONDS = "explorer/file-seconds"
_took: dict[str, float] = {}


def _file(nodeid: str) -> str:
    return nodeid.split("::")[0]


def pytest_collection_modifyitems(config, items):
    for item in items:
        if f"{os.sep}tests{os.sep}browser{os.sep}" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
    # Files in the order xdist should hand them out (`--dist loadfile --no-loadscope-reorder`,
    # as the Makefile runs them): the longest first, as the last session with the same markers
    # timed them (a file it did not run first of all), so that no long file is left for the
    # end while the other worker has nothing to do; without such a session, the files with
    # the most tests first (xdist's own order). A file's tests keep their order.
    cache = getattr(config, "cache", None)
    took = (cache.get(FILE_SECONDS, {}) if cache else {}).get(config.option.markexpr or "", {})
    count: dict[str, int] = {}
    for item in items:
        count[_file(item.nodeid)] = count.get(_file(item.nodeid), 0) + 1
    if took:
        items.sort(key=lambda item: -took.get(_file(item.nodeid), float("inf")))
    else:
        items.sort(key=lambda item: -count[_file(item.nodeid)])


def pytest_runtest_logreport(report):
    _took[_file(report.nodeid)] = _took.get(_file(report.nodeid), 0.0) + report.duration


def pytest_sessionfinish(session):
    """Keep how long each file's tests took (see `pytest_collection_modifyitems`); by the
    process that ran them or, under xdist, by the controller, which gets every report."""
    cache = getattr(session.config, "cache", None)
    if cache is None or hasattr(session.config, "workerinput") or not _took:
        return
    saved = cache.get(FILE_SECONDS, {})
    mark = session.config.option.markexpr or ""
    saved[mark] = {**saved.get(mark, {}), **{f: round(s, 2) for f, s in _took.items()}}
    cache.set(FILE_SECONDS, saved)


def binder_argv(token: str) -> list[str]:
    """The Binder route: Jupyter Server with Voila's extension, started through binder/start
    ({port} to be filled in)."""
    return [
        str(ROOT / "binder" / "start"),
        str(Path(sys.executable).parent / "jupyter-server"),
        "--no-browser",
        "--allow-root",
        "--port={port}",
        "--ServerApp.ip=127.0.0.1",
        "--ServerApp.port_retries=0",  # the port asked for, or an exit (never the next one)
        f"--IdentityProvider.token={token}",
    ]


class ServerProcess:
    """A server on 127.0.0.1 (`argv` with {port} filled in), in its own session, with its log.

    Started from the checkout (binder/start runs from there, as on Binder); stopped with its
    kernels (SIGTERM to the session, SIGKILL after 15 s). On a free port the system picks (a
    machine shared with other test runs: their servers, started from 8900 up, once shared the
    same ports and visited each other's). Ready once this very process listens on its port:
    another process may take the port between the choice and the bind (the server then exits
    and starts again on another port), and a connection alone could reach that process."""

    def __init__(
        self, argv: list[str], log: Path, env: dict[str, str] | None = None, port: int | None = None
    ) -> None:
        self.log = log
        for _ in range(3):
            self.port = port or free_port(0)  # the system's choice: not a port others pick too
            self._log = open(log, "wb")  # noqa: SIM115
            self.proc = subprocess.Popen(
                [a.format(port=self.port) for a in argv],
                cwd=ROOT,
                env={**environment(), **(env or {})},
                stdout=self._log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
            deadline = time.monotonic() + 90
            while time.monotonic() < deadline:
                if self.proc.poll() is not None:
                    break
                if self._listens():
                    return
                time.sleep(0.2)
            else:
                self.stop()
                raise RuntimeError(f"the server did not listen within 90 s:\n{self._tail()}")
            self._log.close()
            if port or "in use" not in log.read_text():
                break
        raise RuntimeError(f"the server exited early:\n{self._tail()}")

    def _listens(self) -> bool:
        """Whether this server's own process listens on its port (not some other process)."""
        try:
            conns = psutil.Process(self.proc.pid).net_connections(kind="inet")
        except psutil.Error:
            return False
        return any(c.status == psutil.CONN_LISTEN and c.laddr.port == self.port for c in conns)

    def _tail(self) -> str:
        return self.log.read_text(errors="replace")[-3000:]

    def rss(self) -> int:
        """The server process's resident memory [bytes]."""
        return psutil.Process(self.proc.pid).memory_info().rss

    def kernels(self) -> int:
        """Kernels the server has running now: one per connection file among its processes (a
        child a kernel forks carries the kernel's command line until it runs another program,
        and is not a second kernel)."""
        return len(self.kernel_ids())

    def kernel_ids(self) -> set[str]:
        """The ids of the kernels the server runs now (from their connection files' names)."""
        ids: set[str] = set()
        try:
            kids = psutil.Process(self.proc.pid).children(recursive=True)
        except psutil.NoSuchProcess:
            return ids
        for child in kids:
            try:
                ids |= set(KERNEL_FILE.findall(" ".join(child.cmdline())))
            except psutil.Error:
                pass
        return ids

    def stop(self) -> None:
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGTERM)
                self.proc.wait(timeout=15)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                try:
                    os.killpg(self.proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
        self._log.close()
