"""``explorer app``: serve the Voila app on 127.0.0.1 (the server lives in `explorer.server`)."""

from __future__ import annotations

import argparse

from ..errors import InputError


def register(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Add ``app`` to the CLI's subparsers."""
    a = sub.add_parser("app", help="serve the Voila app on 127.0.0.1")
    a.add_argument("--port", type=int, default=None, help="port (default: a free one from 8866)")
    a.add_argument("--open", action="store_true", help="open a browser")
    a.add_argument(
        "--pool",
        type=int,
        default=None,
        metavar="N",
        help="preheat N kernels for a class arriving at once (default 2; 0 switches the pool off;"
        " at most the server's kernel limit, EXPLORER_MAX_KERNELS)",
    )
    a.set_defaults(run=run)
    return a


def run(args: argparse.Namespace) -> int:
    """Run ``explorer app`` (the app's packages are imported only here)."""
    if args.port is not None and not 1 <= args.port <= 65535:
        raise InputError("--port", args.port, "1 ≤ port ≤ 65535")
    if args.pool is not None:
        from ..server.limits import Limits

        most = Limits.from_env().max_kernels  # preheated kernels count against the visitors' limit
        if not 0 <= args.pool <= most:
            raise InputError("--pool", args.pool, f"0 ≤ pool ≤ {most} (the server's kernel limit)")
    from ..server.launch import serve

    return serve(port=args.port, open_browser=args.open, pool=args.pool)
