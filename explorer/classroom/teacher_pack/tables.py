"""The student tables sheets of lessons 7 and 8, for a class without computers."""

from __future__ import annotations

import html
import re

from ...errors import InputError
from .. import lessons
from ..lessons import on_paper
from .figures import NOTEBOOKS
from .walkthroughs import markdown_cells


def _lesson_7_tables() -> None:
    from ..hot_days import tables_sheet

    year, grid, _ = lessons.hot_year()
    tables_sheet(year, grid)


def _lesson_8_tables() -> None:
    from ..contested import tables_sheet

    tables_sheet(lessons.ARTICLE_SITE, lessons.SITE_MW)


TABLE_SHEETS = {7: _lesson_7_tables, 8: _lesson_8_tables}
"""Lessons with a student tables sheet for a class without computers (the reveals' tables
without their answers), printed by the function."""
HAND_OUT = {7: "after the prediction of step 1", 8: "after the hook's guess"}
"""When the teacher hands out each lesson's tables sheet (the worksheet says so)."""


def _notebook_box(lesson: int, title: str) -> str:
    """The notebook's quoted box ("> **Which 300 MW?** …") as paper prints it: one line, links as
    their text, no emphasis (reader 35: the tables sheet cited a box only the notebook had)."""
    (nb,) = (n for n in NOTEBOOKS.glob(f"{lesson:02d}-*.ipynb"))
    for source in markdown_cells(nb):
        at = source.find(f"> **{title}**")
        if at >= 0:
            quoted = []
            for line in source[at:].splitlines():
                if not line.startswith(">"):
                    break
                quoted.append(line[1:])
            text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", on_paper("\n".join(quoted)))
            return " ".join(re.sub(r"\*+", "", text).split())
    raise InputError("box", title, f"a quoted box in lesson {lesson}'s notebook")


# the notebook's boxes a tables sheet cites, printed at its top (they hold no answer)
_TABLES_BOXES = {8: ("Which 300 MW?",)}


def tables_page(lesson: int) -> str:
    """A lesson's tables sheet as HTML: what `TABLE_SHEETS` prints, preformatted."""
    import contextlib
    import io

    from ..hot_days import FOLD

    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        TABLE_SHEETS[lesson]()
    above, *folded = buf.getvalue().split(f"\n{FOLD}")
    page = (
        f"<p>For a class without computers: hand this out {HAND_OUT[lesson]}. It "
        "holds the lesson's tables and none of its answers.</p>"
        + "".join(
            f"<p class='box'>{html.escape(_notebook_box(lesson, title))}</p>"
            for title in _TABLES_BOXES.get(lesson, ())
        )
        + f"<pre>{html.escape(above)}</pre>"
    )
    for below in folded:  # each line that starts with the fold mark: what follows is folded
        said, _, rest = below.partition("\n")
        page += (
            f"<section class='fold'><p><b>{FOLD}{html.escape(said)}</b></p>"
            f"<pre>{html.escape(rest)}</pre></section>"
        )
    return page
