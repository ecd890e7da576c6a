"""`explorer app`: serves the page from any folder with the package's settings, and a signal stops
all of it (server and kernels) and frees the port."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
from pathlib import Path

import psutil
import pytest
from conftest import eventually, free_port, port_is_free, wait_for_page

from explorer import cli

EXE = shutil.which("explorer", path=str(Path(sys.executable).parent))


def test_the_settings_come_from_the_package_not_from_the_current_folder(served_settings):
    # served_settings ran from a folder whose own voila.json asks for tracebacks, sources, lab
    got = served_settings[0]
    assert got["page"] == {
        "template": "explorer",
        "strip_sources": True,
        "show_tracebacks": False,
        "preheat_kernel": True,
        "default_pool_size": 2,
    }
    assert got["config"]["VoilaExecutor"]["iopub_timeout"] == 30
    assert got["config"]["MappingKernelManager"]["cull_connected"] is False


def test_command_line_options_still_override_the_settings(served_settings):
    assert served_settings[1]["page"]["default_pool_size"] == 0


@pytest.fixture
def no_exec(monkeypatch):
    """In-process calls must not become the server: an exec would replace pytest itself."""

    def refuse(*args):
        raise AssertionError(f"explorer app tried to exec the server: {args[1]}")

    monkeypatch.setattr(os, "execve", refuse)


@pytest.mark.usefixtures("no_exec")
@pytest.mark.parametrize("port", ["0", "70000", "-1"])
def test_bad_port_is_refused_in_process(port, capsys):
    assert cli.main(["app", "--port", port]) == 2
    assert f"--port = {port}" in capsys.readouterr().err


@pytest.mark.usefixtures("no_exec")
def test_without_voila_the_command_names_the_extra(monkeypatch, capsys):
    import importlib.util

    from explorer.server import launch

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "voila" else real(name, *a)
    )
    assert launch.serve(port=free_port(0)) == 1
    assert "[app]" in capsys.readouterr().err


@pytest.mark.usefixtures("no_exec")
def test_a_port_in_use_is_one_line_and_status_2(capsys):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert cli.main(["app", "--port", str(port)]) == 2
    err = capsys.readouterr().err
    assert err == f"explorer: error: port {port} is in use; choose another with --port\n"


def _descendants(pid: int) -> list[psutil.Process]:
    try:
        return psutil.Process(pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return []


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_explorer_app_serves_from_any_folder_and_a_signal_stops_everything(tmp_path, sig):
    port = free_port(0)
    log = tmp_path / "server.log"  # a file, not a pipe: a pipe nobody reads fills and blocks it
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [EXE, "app", "--port", str(port)],
            stdout=out,
            stderr=subprocess.STDOUT,
            cwd=tmp_path,
            start_new_session=True,
            # as a terminal or a service manager starts it: a pytest started in the background
            # of a script passes SIGINT on ignored, and the server would never see the signal
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        )
    try:
        first = eventually(
            lambda: "\n" in (text := log.read_text()) and text.splitlines()[0],
            what="the server's first line",
            seen=log.read_text,
        )
        assert f"http://127.0.0.1:{port}/" in first
        page = wait_for_page(f"http://127.0.0.1:{port}/")
        assert "application/vnd.jupyter.widget-view+json" in page  # the app's widgets were rendered
        assert "from explorer.server.kernel import app" not in page  # strip_sources
        assert "cdn.jsdelivr.net" not in page  # the offline template
        eventually(  # the page's kernel + the preheated pool of 2 (from voila.json)
            lambda: len(_descendants(proc.pid)) >= 3,
            what="the page's kernel and the pool's 2",
            seen=lambda: [c.cmdline() for c in _descendants(proc.pid)],
        )
        children = _descendants(proc.pid)
        proc.send_signal(sig)  # to `explorer app` only, as a terminal or a service manager would
        # the claim is that everything stops, not how fast: 60 s only bound the waits
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            pytest.fail(
                f"the server did not stop within 60 s of {sig!r}:\n{log.read_text()[-3000:]}"
            )
        _, alive = psutil.wait_procs(children, timeout=60)
        assert not alive, [p.cmdline() for p in alive]
        assert port_is_free(port)
        # the stop went through the server's loop, whatever the main thread was doing when the
        # signal came (a SIGINT left to raise KeyboardInterrupt once left a server running)
        assert f"Stopping on {sig.name}." in log.read_text()
    finally:  # whatever failed, leave nothing running (the server has a session of its own)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
