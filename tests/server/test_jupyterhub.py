"""A class on JupyterHub: a local hub on loopback (dummy login, one local server per student,
Voila's app page as each student's default URL, the explorer's server extension), three
students log in, each gets the app in Chromium and moves a slider; then everything stops and no
process is left.

Needs the `hub` extra (``pip install 'ai-datacenter-explorer[hub]'``), node and npm (the test
installs configurable-http-proxy from npm into `HUB_NODE`, once) and /usr/bin/chromium.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import psutil
import pytest

from explorer.server.launch import APP_DIR, TEMPLATES

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]
HUB_NODE = ROOT / "build" / "hub-node"  # configurable-http-proxy's npm install (not tracked)
CHROMIUM = "/usr/bin/chromium"
STUDENTS = ("ada", "grace", "katherine")
SITE_POWER = ".explorer-site-power .noUi-handle"
CITY = ".explorer-city .explorer-value"


def missing(what: str) -> None:
    """Skip locally; in CI (CI=true) a missing tool fails the run, as a missing browser does."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{what}: CI must run the JupyterHub test (make browser installs it)")
    pytest.skip(what)


def configurable_http_proxy() -> Path:
    """configurable-http-proxy, installed from npm into `HUB_NODE` if it is not there yet."""
    binary = HUB_NODE / "node_modules" / ".bin" / "configurable-http-proxy"
    if binary.exists():
        return binary
    if shutil.which("npm") is None:
        missing("npm is missing (apt-get install nodejs npm)")
    HUB_NODE.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            "npm",
            "install",
            "--no-audit",
            "--no-fund",
            "--prefix",
            str(HUB_NODE),
            "configurable-http-proxy",
        ],
        check=True,
        timeout=600,
        capture_output=True,
    )
    return binary


def hub_config(port: int, proxy: Path, state: Path) -> str:
    """The hub's configuration: the one explorer/server/README.md documents, on loopback."""
    env = {
        "JUPYTER_PATH": str(TEMPLATES),
        "JUPYTER_CONFIG_PATH": str(APP_DIR),  # voila.json and the explorer's extension
        "PYTHONPATH": os.environ.get("PYTHONPATH", ""),
        "EXPLORER_MAX_KERNELS": "4",
    }
    return f"""import os

c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = {port}
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = {port + 1}
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{port + 2}"
c.ConfigurableHTTPProxy.command = [{str(proxy)!r}]
c.JupyterHub.authenticator_class = "dummy"
c.JupyterHub.spawner_class = "simple"
c.Spawner.cmd = [{str(Path(sys.executable).parent / "jupyterhub-singleuser")!r}]
c.Spawner.args = ["--allow-root"] if os.geteuid() == 0 else []  # CI runs as root
c.Spawner.notebook_dir = {str(ROOT)!r}
c.Spawner.default_url = "/voila/render/notebooks/explorer.ipynb"
c.Spawner.environment = {env!r}
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120
c.JupyterHub.db_url = "sqlite:///{state / "hub.sqlite"}"
c.JupyterHub.cookie_secret_file = "{state / "cookie_secret"}"
c.JupyterHub.pid_file = "{state / "hub.pid"}"
c.JupyterHub.cleanup_servers = True
c.JupyterHub.cleanup_proxy = True
"""


def free_port() -> int:
    for port in range(9500, 9600, 3):
        with socket.socket() as s:
            if all(s.connect_ex(("127.0.0.1", p)) != 0 for p in (port, port + 1, port + 2)):
                return port
    raise RuntimeError("no free ports")


def hub_answers(port: int) -> bool:
    """Whether the hub's REST API answers through the proxy's public `port` (its version, 200)."""
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/hub/api", timeout=5) as r:
            return r.status == 200
    except (OSError, urllib.error.URLError):
        return False


def tree(pid: int) -> list[psutil.Process]:
    try:
        parent = psutil.Process(pid)
        return [parent, *parent.children(recursive=True)]
    except psutil.NoSuchProcess:
        return []


def server_of(proc: psutil.Process, student: str) -> bool:
    """Whether `proc` is `student`'s single-user server; a process of the hub's tree that ended
    since the tree was listed (a zombie, or gone: a spawner's short-lived helper) is not (CI
    once failed on psutil.ZombieProcess reading such a process's command line)."""
    try:
        return "jupyterhub-singleuser" in " ".join(proc.cmdline()) and any(
            f"/user/{student}/" in v for v in proc.environ().values()
        )
    except (psutil.NoSuchProcess, psutil.AccessDenied):  # ZombieProcess is a NoSuchProcess
        return False


def rss_mib(procs: list[psutil.Process]) -> float:
    """The resident memory of `procs` [MiB], those that ended meanwhile left out."""
    total = 0
    for q in procs:
        try:
            total += q.memory_info().rss
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            pass
    return total / 2**20


def visit(port: int, hub: subprocess.Popen, seen: set[int], memory: dict[str, float]) -> None:
    """The students log in one after the other, as a class does, without waiting for each
    other's servers (the hub spawns them side by side); then each gets the app and moves its
    slider (Playwright's sync API, which needs a thread without a running asyncio loop: earlier
    browser tests leave one in the main thread)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM)
        pages = {}
        for student in STUDENTS:
            context = browser.new_context()
            page = context.new_page()
            page.goto(f"http://127.0.0.1:{port}/hub/login", timeout=60_000)
            # bounded like the other waits here, not by Playwright's 30 s: the hub serves this
            # page while it spawns the earlier students' servers on a busy machine
            try:
                page.wait_for_selector("input[name=username]", timeout=60_000)
            except PlaywrightTimeout:
                pytest.fail(f"no login form at {page.url}:\n{page.content()[:2000]}")
            page.fill("input[name=username]", student)
            page.fill("input[name=password]", "any")
            page.click("[type=submit]")
            pages[student] = context, page
        for student, (context, page) in pages.items():
            page.wait_for_selector(SITE_POWER, timeout=180_000)
            assert f"/user/{student}/voila/render/" in page.url
            before = page.inner_text(CITY)
            page.locator(SITE_POWER).focus()
            for _ in range(10):
                page.keyboard.press("ArrowRight")
            page.wait_for_function(
                "([css, t]) => document.querySelector(css).innerText !== t",
                arg=[CITY, before],
                timeout=60_000,
            )
            seen |= {proc.pid for proc in tree(hub.pid)}
            servers = [proc for proc in tree(hub.pid) if server_of(proc, student)]
            assert len(servers) == 1, servers
            memory[student] = rss_mib(tree(servers[0].pid))
            context.close()
        browser.close()


def stopped(seen: set[int]) -> list[int]:
    """The processes of `seen` still alive 30 s after the hub stopped; each is then killed, so
    that nothing is left to the next test even when this one fails."""
    deadline = time.monotonic() + 30
    left = [pid for pid in seen if psutil.pid_exists(pid)]
    while left and time.monotonic() < deadline:
        time.sleep(0.5)
        left = [
            pid
            for pid in seen
            if psutil.pid_exists(pid) and psutil.Process(pid).status() != "zombie"
        ]
    for pid in left:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    return left


def test_three_students_each_get_the_app_on_jupyterhub_and_nothing_is_left(tmp_path):
    if not Path(CHROMIUM).exists():
        missing(f"{CHROMIUM} is missing")
    pytest.importorskip("jupyterhub")
    proxy = configurable_http_proxy()
    port = free_port()
    (tmp_path / "jupyterhub_config.py").write_text(hub_config(port, proxy, tmp_path))
    log = open(tmp_path / "hub.log", "wb")  # noqa: SIM115
    hub = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "jupyterhub"),
            "-f",
            str(tmp_path / "jupyterhub_config.py"),
        ],
        cwd=tmp_path,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    seen: set[int] = set()
    memory: dict[str, float] = {}
    try:
        # ready when the hub answers through the proxy, not when the proxy's port opens: the
        # proxy listens before the hub adds its route, and a page loaded in between is the
        # proxy's bare 404 for good (a CI-style run once failed so: "no login form ... Not Found")
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not hub_answers(port):
            assert hub.poll() is None, (tmp_path / "hub.log").read_text()[-3000:]
            time.sleep(0.5)
        failed: list[BaseException] = []

        def run() -> None:
            try:
                visit(port, hub, seen, memory)
            except BaseException as e:  # re-raised in the test's thread
                failed.append(e)

        visiting = threading.Thread(target=run)
        visiting.start()
        visiting.join()
        if failed:
            raise failed[0]
    finally:
        seen |= {proc.pid for proc in tree(hub.pid)}
        if hub.poll() is None:
            os.kill(hub.pid, signal.SIGTERM)  # the hub stops the students' servers and the proxy
            try:
                hub.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(hub.pid, signal.SIGKILL)
        log.close()
        left = stopped(seen)
    assert not left, f"processes left after the hub stopped: {left}"
    print("per-student memory (server + kernels) [MB]:", {k: round(v) for k, v in memory.items()})
    assert len(memory) == len(STUDENTS)
