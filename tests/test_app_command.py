"""`explorer app` serves the dashboard on loopback (the README's main command runs exactly this)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

from _http import free_port, wait_for_page

EXE = shutil.which("explorer", path=str(Path(sys.executable).parent))



def test_explorer_app_serves_the_default_scenario(tmp_path):
    port = free_port()
    proc = subprocess.Popen([EXE, "app", "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            cwd=tmp_path, start_new_session=True)
    try:
        first = proc.stdout.readline().decode()
        assert f"http://127.0.0.1:{port}/" in first
        page = wait_for_page(f"http://127.0.0.1:{port}/")
        assert "application/vnd.jupyter.widget-view+json" in page
        assert "from explorer.ui import app" not in page
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)


def test_bad_port_is_refused():
    r = subprocess.run([EXE, "app", "--port", "70000"], capture_output=True, text=True, timeout=60)
    assert r.returncode == 2 and "--port = 70000" in r.stderr


def test_served_configuration_keeps_the_public_page_safe_and_quick():
    config = json.loads((Path(__file__).resolve().parents[1] / "voila.json").read_text())
    page, executor, kernels = config["VoilaConfiguration"], config["VoilaExecutor"], config["MappingKernelManager"]
    assert page["show_tracebacks"] is False and page["strip_sources"] is True and page["template"] == "explorer"
    assert page["preheat_kernel"] is True and page["default_pool_size"] >= 1
    assert not page.get("progressive_rendering", False)  # Voila refuses it together with the pool
    assert 0 < executor["timeout"] <= 300
    # under 20 sessions at once the server reads IOPub seconds late; with nbclient's default 4 s wait
    # Voila sent pages without the app (measured: 6 of 20 blank); benchmarks/app_bench.py measures it
    assert executor["iopub_timeout"] >= 30
    assert kernels["cull_idle_timeout"] > 0 and kernels["cull_connected"] is False
