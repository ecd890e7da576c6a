"""Voila with the explorer's hooks: ``python -m explorer.server.run NOTEBOOK [voila options]``.

Voila reads `voila.json` from the directory it starts in (the repository root); the settings
that are code (the page-handler, culling and websocket patches) are applied here.
"""

from __future__ import annotations

import sys

from voila.app import Voila

from . import hooks


def main(argv: list[str] | None = None) -> None:
    hooks.apply_server_patches()
    app = Voila.instance()
    app.initialize(argv if argv is not None else sys.argv[1:])
    app.start()


if __name__ == "__main__":
    main()
