"""Voila with the explorer's hooks: ``python -m explorer.server.run NOTEBOOK [voila options]``.

The settings are the package's `app/voila.json`, read from there whatever folder the server starts
in (a `voila.json` in the current folder or in `~/.jupyter` is not read); command-line options
still override them. The settings that are code (the page-handler, culling and websocket patches)
are applied here.
"""

from __future__ import annotations

import os
import sys

from voila.app import Voila

from . import hooks
from .launch import APP_DIR, environment


def main(argv: list[str] | None = None) -> None:
    hooks.apply_server_patches()
    app = voila_app(argv if argv is not None else sys.argv[1:])
    app.start()


def voila_app(argv: list[str]) -> Voila:
    """The Voila application, initialised with the package's settings and `argv` (not started)."""
    os.environ["JUPYTER_PATH"] = environment()["JUPYTER_PATH"]  # the `explorer` template
    app = Voila.instance(config_file_paths=[str(APP_DIR)])
    app.initialize(argv)
    return app


if __name__ == "__main__":
    main()
