"""The Binder demo: the same app and settings as `explorer app`; a fresh Binder environment
renders it."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys

import pytest
from conftest import ROOT, free_port, fresh_venv, wait_for_page

from explorer.server.launch import APP_NOTEBOOK

VOILA_EXTENSION_SETTINGS = """
import json
from voila.server_extension import load_config_file
print(json.dumps(load_config_file()))
"""

# which of jsonschema's "iri" format checker's modules importing nbformat (as Voila does) loads
IRI_CHECKER_LOADED = """
import sys, nbformat
print(sorted(m for m in sys.modules if m.split(".")[0] in ("rfc3987_syntax", "lark")))
"""


def _settings(code: str, *prefix: str) -> dict:
    r = subprocess.run(
        [*prefix, sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert r.returncode == 0, r.stderr[-2000:]
    return json.loads(r.stdout.strip().splitlines()[-1])


def test_the_binder_route_gets_the_settings_explorer_app_gets(served_settings):
    # Binder: Jupyter Server + Voila's extension, started through binder/start from the checkout.
    binder = _settings(VOILA_EXTENSION_SETTINGS, str(ROOT / "binder" / "start"))
    served = served_settings[0]["config"]
    for section in ("VoilaConfiguration", "VoilaExecutor", "MappingKernelManager"):
        assert binder[section] == served[section], section
    assert binder["VoilaConfiguration"]["template"] == "explorer"
    assert binder["VoilaConfiguration"]["show_tracebacks"] is False


def test_without_binder_start_voila_would_not_get_them(monkeypatch):
    # the check above can fail: Voila's extension alone, from the checkout, finds no settings
    # (read in this process, as the check above reads them but without binder/start)
    from voila.server_extension import load_config_file

    monkeypatch.chdir(ROOT)
    plain = json.loads(json.dumps(load_config_file()))
    assert (plain or {}).get("VoilaConfiguration", {}).get("template") != "explorer"


def test_the_binder_notebook_is_the_packaged_app_notebook():
    # Binder opens voila/render/notebooks/explorer.ipynb; `explorer app` serves the package's copy.
    # notebooks/explorer.ipynb is a link to it: one file; this fails if a drifting copy replaces it.
    assert (ROOT / "notebooks" / "explorer.ipynb").read_bytes() == APP_NOTEBOOK.read_bytes()


@pytest.mark.slow
def test_a_fresh_binder_environment_renders_the_app(tmp_path):
    # Binder (repo2docker) installs binder/requirements.txt with pip; here uv installs the same
    # pins (`fresh_venv`: seconds from its cache, where pip took four minutes on every run), and
    # pip, seeded into the environment, then runs binder/postBuild as on Binder and checks that
    # every installed package's requirements hold as pip reads them
    venv = tmp_path / "binder-venv"
    py = fresh_venv(venv, "-r", str(ROOT / "binder" / "requirements.txt"), pip=True)
    env = {**os.environ, "PATH": f"{venv / 'bin'}:{os.environ['PATH']}", "VIRTUAL_ENV": str(venv)}
    subprocess.run(
        ["bash", str(ROOT / "binder" / "postBuild")], cwd=ROOT, env=env, check=True, timeout=600
    )
    check = subprocess.run(
        [str(py), "-m", "pip", "check"], env=env, capture_output=True, text=True, timeout=120
    )
    assert check.returncode == 0, check.stdout + check.stderr
    # postBuild removes jsonschema's "iri" checker (the Makefile's LEFT_OUT), which the pip install
    # of requirements.txt brings back: importing it compiles ~35 parsers in every server start
    loaded = subprocess.run(
        [str(py), "-c", IRI_CHECKER_LOADED], env=env, capture_output=True, text=True, timeout=120
    )
    assert loaded.stdout.strip().splitlines()[-1:] == ["[]"], loaded.stdout + loaded.stderr
    port = free_port(0)
    log = (tmp_path / "voila.log").open("wb")
    proc = subprocess.Popen(
        [
            str(ROOT / "binder" / "start"),
            str(py),
            "-m",
            "voila",
            "notebooks/explorer.ipynb",
            f"--port={port}",
            "--Voila.ip=127.0.0.1",
            "--no-browser",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        page = wait_for_page(f"http://127.0.0.1:{port}/")
        assert "application/vnd.jupyter.widget-view+json" in page, (
            tmp_path / "voila.log"
        ).read_text()[-3000:]
        assert "application/vnd.jupyter.stderr" not in page and "Traceback" not in page
        assert "from explorer.server.kernel import app" not in page  # strip_sources reached Voila
        assert "cdn.jsdelivr.net" not in page  # the offline template was found
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
        log.close()
