"""Command line: ``explorer compute | train | catalog | grid | sample | sensitivity | app |
teach``.

This module only builds the parser from the command modules' ``register`` functions and
dispatches; each command group lives in a module of its own, and what they share is in
`explorer.cli.common`.

Bad input, a parse error included, prints one line `explorer: error: …` and exits with status 2 (no
traceback, no usage block). A value that starts with `-` and is not a plain number goes after `=`:
``--mfu=-inf``.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from ..errors import InputError
from . import app, catalog, compute, site, teach, train, uncertainty
from .common import ParseError, Parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``explorer`` with `argv` (default: the process's arguments); the exit status."""
    parser = build_parser()
    Parser.argv = list(sys.argv[1:] if argv is None else argv)
    try:
        args = parser.parse_args(argv)
    except ParseError as err:
        print(f"explorer: error: {err}", file=sys.stderr)
        return 2
    try:
        return int(args.run(args) or 0)
    except InputError as err:
        print(f"explorer: error: {err}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except Exception as err:  # never a traceback for a reader; EXPLORER_DEBUG=1 shows it
        if os.environ.get("EXPLORER_DEBUG"):
            raise
        print(
            f"explorer: internal error ({type(err).__name__}); "
            "rerun with EXPLORER_DEBUG=1 for details",
            file=sys.stderr,
        )
        return 1


def build_parser() -> argparse.ArgumentParser:
    """The ``explorer`` parser with every command (the CLI reference of the docs is built
    from it)."""
    p = Parser(
        prog="explorer",
        description="AI Datacenter Explorer: power, cooling, chips and FLOPS of an AI datacenter.",
    )
    sub = p.add_subparsers(dest="command", required=True)
    compute_parser = compute.register(sub)
    train.register(sub)
    catalog.register(sub)
    app.register(sub)
    site.register(sub)  # grid
    uncertainty.register(sub, compute_parser)  # compute --uncertainty, sample, sensitivity
    teach.register(sub)  # teach pack|handouts
    return p


if __name__ == "__main__":
    raise SystemExit(main())
