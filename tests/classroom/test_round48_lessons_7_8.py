"""Reader 48-78's defects in lessons 7 and 8 (notebooks 07, 08): what a student reads and what
the checker answers."""

from __future__ import annotations

import html
import re
from pathlib import Path

import nbformat
import pytest

from explorer.classroom import lessons, widgets

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"


def _cells(stem: str) -> list[nbformat.NotebookNode]:
    (path,) = NOTEBOOKS.glob(f"{stem}*.ipynb")
    return nbformat.read(path, as_version=4).cells


def _plain(page: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).replace(" :", ":").split())


def test_lesson_7s_references_do_not_credit_llama_3_with_the_dips_length_or_count():
    # reader 48-78 D1: "length of a checkpoint dip: 1 minute. Meta: The Llama 3 Herd of Models"
    # and "checkpoint dips: 96 per day. Meta: …", while the report gives neither (only swings of
    # tens of MW): both are the explorer's illustrative assumptions, and the line says so
    (source,) = [c.source for c in _cells("07") if c.source.startswith("widgets.where_from(")]
    text = _plain(eval(source, {"widgets": widgets}).value)
    for label in ("length of a checkpoint dip", "checkpoint dips"):
        line = text.split(label, 1)[1].split(".", 3)
        said = ".".join(line)[:400]
        assert "Llama 3 Herd" not in said.split("(confidence")[0], said
        assert "assumption" in said and "illustrative" in said, said
