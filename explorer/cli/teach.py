"""``explorer teach``: the classroom's printed side, from the command line.

``explorer teach pack --out DIR`` writes the teacher's pack (a plan per lesson, worksheets, answer
keys with their tolerances, quizzes, rubric, glossary); ``explorer teach handouts --out DIR`` runs
the eight walkthroughs and writes them as offline HTML handouts (``--teacher``: every reveal open,
the teacher's static rendering).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def register(sub: Any) -> None:
    """Add the ``teach`` command group to the CLI's subparsers.

    Examples
    --------
    >>> p = argparse.ArgumentParser()
    >>> register(p.add_subparsers(dest="command"))
    >>> args = p.parse_args(["teach", "pack", "--out", "build/pack"])
    >>> args.what, str(args.out)
    ('pack', 'build/pack')
    """
    t = sub.add_parser(
        "teach",
        help="the teacher's pack and the printed handouts of the lessons",
        description="Generate the classroom's printed side: the teacher's pack (plans, "
        "worksheets, answer keys, quizzes) or the walkthroughs as offline HTML handouts.",
    )
    what = t.add_subparsers(dest="what", required=True)
    p = what.add_parser(
        "pack", help="plans, worksheets, answer keys, quizzes, rubric and glossary (HTML)"
    )
    p.add_argument("--out", type=Path, required=True, help="folder to write (created if needed)")
    p.set_defaults(run=_cmd_pack)
    h = what.add_parser(
        "handouts", help="the eight walkthroughs run and written as offline HTML pages"
    )
    h.add_argument("--out", type=Path, required=True, help="folder to write (created if needed)")
    h.add_argument(
        "--teacher",
        action="store_true",
        help="open every reveal: answers, worked solutions and verdicts (the teacher's copy)",
    )
    h.add_argument("notebooks", nargs="*", help="walkthroughs to render (default: all eight)")
    h.set_defaults(run=_cmd_handouts)


def _cmd_pack(args: argparse.Namespace) -> int:
    from ..classroom import teacher_pack

    files = teacher_pack.write(args.out)
    print(f"teacher's pack: {len(files)} pages in {args.out}")
    return 0


def _cmd_handouts(args: argparse.Namespace) -> int:
    from ..classroom import handouts

    for f in handouts.build(args.out, args.notebooks or None, reveal=args.teacher):
        print(f)
    return 0
