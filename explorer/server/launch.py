"""Start the explorer app: Voila on 127.0.0.1 with the package's own settings, from any folder.

Everything the server needs ships inside the package (`explorer/server/`): the app notebook and its
Voila settings in `app/`, the offline `explorer` template in `share/jupyter/`. Nothing is looked up
relative to a source checkout or the current folder.
"""

from __future__ import annotations

import importlib.util
import os
import socket
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
APP_DIR = HERE / "app"  # explorer.ipynb and voila.json (also on Binder's JUPYTER_CONFIG_PATH)
APP_NOTEBOOK = APP_DIR / "explorer.ipynb"
SETTINGS = APP_DIR / "voila.json"
TEMPLATES = HERE / "share" / "jupyter"
APP_EXTRA_HINT = "pip install 'ai-datacenter-explorer[app]'"
#: From this pool size on (a class), Voila waits `CLASS_FILL_DELAY` [s] (not its default 1 s)
#: before refilling the pool after a visit, so that a class arriving together is not slowed by
#: its own refills: with `--pool 30`, 30 visits at once were all interactive after 2.4 s instead
#: of 3.8 – 6.1 s, the kernels using 2.4 CPU-s instead of 12.5 (benchmarks/class_bench.py).
#: `explorer.server.pool` starts a refill at once when no kernel is left ready or starting,
#: so no visitor waits for the delay (35 visits: the last after 7.6 s; unpatched 88.8 s).
CLASS_POOL = 10
CLASS_FILL_DELAY = 60


def free_port(start: int = 8866, host: str = "127.0.0.1") -> int:
    """A port nothing listens on: the first free one from `start` (any free one if `start` is 0)."""
    for port in [0] if start == 0 else range(start, start + 100):
        with socket.socket() as s:
            try:
                s.bind((host, port))
            except OSError:
                continue
            return s.getsockname()[1]
    raise RuntimeError("no free port")


def port_in_use(port: int, host: str = "127.0.0.1") -> bool:
    """Whether a server listens on `port` (TIME_WAIT counts as free, as it does for Voila)."""
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((host, port))
        except OSError:
            return True
        return False


def environment() -> dict[str, str]:
    """The server's environment: our Voila template on JUPYTER_PATH."""
    env = dict(os.environ)
    env["JUPYTER_PATH"] = os.pathsep.join(
        p for p in (str(TEMPLATES), env.get("JUPYTER_PATH", "")) if p
    )
    return env


def voila_command(
    notebook: Path = APP_NOTEBOOK,
    port: int = 8866,
    host: str = "127.0.0.1",
    open_browser: bool = False,
    pool: int | None = None,
) -> list[str]:
    """argv that serves `notebook` with the package's settings and hooks (from any folder).

    `pool` preheated kernels wait for visitors (None: voila.json's default; 0: none); a pool of
    `CLASS_POOL` or more is refilled `CLASS_FILL_DELAY` s after a visit instead of 1 s."""
    argv = [
        sys.executable,
        "-m",
        "explorer.server.run",
        str(notebook),
        f"--port={port}",
        f"--Voila.ip={host}",
        "--Voila.port_retries=0",
    ]  # the port we print is the port we serve
    if not open_browser:
        argv.append("--no-browser")
    if pool == 0:
        argv.append("--VoilaConfiguration.preheat_kernel=False")
    elif pool is not None:
        argv.append(f"--VoilaConfiguration.default_pool_size={int(pool)}")
        if pool >= CLASS_POOL:
            argv.append(f"--VoilaKernelManager.fill_delay={CLASS_FILL_DELAY}")
    return argv


def serve(
    port: int | None = None,
    host: str = "127.0.0.1",
    open_browser: bool = False,
    pool: int | None = None,
) -> int:
    """Serve the app until SIGINT/SIGTERM, in this very process (never returns on success).

    The process becomes the Voila server (`os.execve`), so a signal sent to `explorer app` reaches
    Voila itself, which shuts its kernels down and frees the port; no server is left orphaned.
    Returns 1 when the app's dependencies are missing, 2 when the port is taken.
    """
    if importlib.util.find_spec("voila") is None:
        print(
            f"explorer: error: `explorer app` needs the app extra: {APP_EXTRA_HINT}",
            file=sys.stderr,
        )
        return 1
    if port and port_in_use(port, host):
        print(
            f"explorer: error: port {port} is in use; choose another with --port", file=sys.stderr
        )
        return 2
    port = port or free_port(host=host)
    warm = "" if pool is None else f", {pool} preheated kernel{'s' * (pool != 1)}"
    print(f"AI Datacenter Explorer: http://{host}:{port}/  (Ctrl-C to stop{warm})", flush=True)
    sys.stderr.flush()
    argv = voila_command(APP_NOTEBOOK, port, host, open_browser, pool)
    os.execve(argv[0], argv, environment())
    return 0  # pragma: no cover - execve does not return
