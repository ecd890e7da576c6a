"""Voila with the explorer's classes: ``python -m explorer.server.run NOTEBOOK [voila options]``.

The settings are the package's `app/voila.json`, read from there whatever folder the server starts
in (a `voila.json` in the current folder or in `~/.jupyter` is not read); command-line options
still override them. The application is `standalone.ExplorerVoila`; `patches.apply` puts in place
the one upstream function that has no extension point.
"""

from __future__ import annotations

import os
import sys

from . import patches
from .launch import APP_DIR, environment
from .pages import query_secret
from .standalone import ExplorerVoila


def main(argv: list[str] | None = None) -> None:
    patches.apply()
    query_secret()  # in the environment before any kernel starts: kernels inherit it
    app = voila_app(argv if argv is not None else sys.argv[1:])
    app.start()


def voila_app(argv: list[str]) -> ExplorerVoila:
    """The application, initialised with the package's settings and `argv` (not started)."""
    os.environ["JUPYTER_PATH"] = environment()["JUPYTER_PATH"]  # the `explorer` template
    app = ExplorerVoila.instance(config_file_paths=[str(APP_DIR)])
    app.initialize(argv)
    return app


if __name__ == "__main__":
    main()
