"""The Binder demo: its pinned requirements track the project's, and that environment renders the app."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from _http import free_port, wait_for_page

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "binder"))
from sync_requirements import binder_requirements  # noqa: E402


def test_binder_requirements_match_the_project_pins():
    assert (ROOT / "binder" / "requirements.txt").read_text() == binder_requirements(), \
        "binder/requirements.txt drifted from requirements.lock: run binder/sync_requirements.py"


def test_binder_files_are_in_place():
    assert (ROOT / "binder" / "runtime.txt").read_text().strip() == "python-3.11"
    for f in ("postBuild", "start"):
        assert os.access(ROOT / "binder" / f, os.X_OK), f"binder/{f} must be executable"



@pytest.mark.slow
def test_a_fresh_binder_environment_renders_the_app(tmp_path):
    venv = tmp_path / "binder-venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    py = venv / "bin" / "python"
    pip = [str(py), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    subprocess.run([*pip, "-r", str(ROOT / "binder" / "requirements.txt")], check=True, timeout=1200)
    env = {**os.environ, "PATH": f"{venv / 'bin'}:{os.environ['PATH']}", "VIRTUAL_ENV": str(venv)}
    subprocess.run(["bash", str(ROOT / "binder" / "postBuild")], cwd=ROOT, env=env, check=True, timeout=600)
    port = free_port()
    log = (tmp_path / "voila.log").open("wb")
    proc = subprocess.Popen([str(ROOT / "binder" / "start"), str(py), "-m", "voila", "notebooks/explorer.ipynb",
                             f"--port={port}", "--Voila.ip=127.0.0.1", "--no-browser"],
                            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        page = wait_for_page(f"http://127.0.0.1:{port}/")
        assert "application/vnd.jupyter.widget-view+json" in page, (tmp_path / "voila.log").read_text()[-3000:]
        assert "application/vnd.jupyter.stderr" not in page and "Traceback" not in page
        assert "cdn.jsdelivr.net" not in page  # the offline template was found
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
        log.close()
