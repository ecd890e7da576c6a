"""A walkthrough's code cells run in the test's process, as Run All does, and the text a widget
tree shows: for tests that read what a student sees without starting a kernel."""

from __future__ import annotations

import ast
import contextlib
import html
import io
import json
import re
from pathlib import Path

import ipywidgets as w
import nbformat

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"


def cells(stem: str) -> list[nbformat.NotebookNode]:
    """The cells of the walkthrough whose file name starts with `stem` ("07")."""
    (path,) = NOTEBOOKS.glob(f"{stem}*.ipynb")
    return nbformat.read(path, as_version=4).cells


def lesson_cells(lesson: int) -> list[dict]:
    """Lesson `lesson`'s cells (1–8), as stored: plain dictionaries."""
    from explorer.classroom import teacher_pack

    path = teacher_pack.NOTEBOOKS / teacher_pack.LESSONS[lesson - 1].notebook
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def screen(lesson: int) -> str:
    """A lesson's markdown as a student sees it (teacher comments dropped), one space apart."""
    return " ".join(
        " ".join(re.sub(r"<!--.*?-->", "", "".join(c["source"]), flags=re.S).split())
        for c in lesson_cells(lesson)
        if c["cell_type"] == "markdown"
    )


def run_notebook(path: Path) -> list[w.Widget]:
    """The notebook's code cells run in this process, in order: the widgets each cell shows."""
    roots, ns = [], {}
    for c in json.loads(path.read_text("utf-8"))["cells"]:
        if c["cell_type"] != "code":
            continue
        tree = ast.parse("".join(c["source"]))
        last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
        with contextlib.redirect_stdout(io.StringIO()):
            exec(compile(tree, "<cell>", "exec"), ns)
            if last is not None:
                roots.append(eval(compile(ast.Expression(last.value), "<cell>", "eval"), ns))
    return [r for r in roots if isinstance(r, w.Widget)]


def texts(x: object) -> str:
    """The text of every HTML widget in `x`'s tree, tags removed, in order."""
    out = [html.unescape(re.sub(r"<[^>]+>", "", x.value))] if isinstance(x, w.HTML) else []
    return "\n".join(out + [texts(c) for c in getattr(x, "children", ())])
