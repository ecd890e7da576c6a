"""Start the explorer app: Voila on 127.0.0.1 with the project's configuration."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # the repository: voila.json, voila_config.py, notebooks/
APP_NOTEBOOK = ROOT / "notebooks" / "explorer.ipynb"
TEMPLATES = Path(__file__).resolve().parent / "share" / "jupyter"


def free_port(start: int = 8866, host: str = "127.0.0.1") -> int:
    """The first port from `start` that nothing listens on."""
    for port in range(start, start + 100):
        with socket.socket() as s:
            try:
                s.bind((host, port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free port")


def environment() -> dict[str, str]:
    """The server's environment: our Voila template on JUPYTER_PATH."""
    env = dict(os.environ)
    env["JUPYTER_PATH"] = os.pathsep.join(p for p in (str(TEMPLATES), env.get("JUPYTER_PATH", "")) if p)
    return env


def voila_command(notebook: Path = APP_NOTEBOOK, port: int = 8866, host: str = "127.0.0.1", open_browser: bool = False) -> list[str]:
    """argv that serves `notebook` with the project's config and hooks (run it with cwd=ROOT)."""
    argv = [sys.executable, "-m", "explorer.server.run", str(notebook), f"--port={port}", f"--Voila.ip={host}"]
    if not open_browser:
        argv.append("--no-browser")
    return argv


def serve(port: int | None = None, host: str = "127.0.0.1", open_browser: bool = False) -> int:
    """Serve the app until interrupted; returns Voila's exit code."""
    port = port or free_port(host=host)
    print(f"AI Datacenter Explorer: http://{host}:{port}/  (Ctrl-C to stop)", flush=True)
    try:
        return subprocess.call(voila_command(APP_NOTEBOOK, port, host, open_browser), cwd=ROOT, env=environment())
    except KeyboardInterrupt:
        return 0
