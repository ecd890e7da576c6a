"""Readers of the walkthrough notebooks: their Markdown cells, open questions, tracks, and a
paragraph or table in the notebook's own words."""

from __future__ import annotations

import json
import re
from pathlib import Path

from ...errors import InputError
from ..lessons import on_paper
from .course import LESSONS, Lesson
from .figures import NOTEBOOKS
from .markup import inline_html
from .open_answers import model_answers


def markdown_cells(path: Path) -> list[str]:
    """The text of a notebook's markdown cells (nbformat 4 JSON, read without Jupyter)."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    return [
        "".join(c["source"]) if isinstance(c["source"], list) else c["source"]
        for c in nb["cells"]
        if c["cell_type"] == "markdown"
    ]


# a folded block of a notebook's markdown: its summary ("The article's claim (open after you have
# written your guess)") and its body
_FOLD = re.compile(r"<details>\s*<summary>(.*?)</summary>(.*?)</details>", re.S)


def folds_on_paper(source: str, student: bool) -> str:
    """`source` with each folded block as paper prints it (reader 23: the tags were printed raw,
    and the lesson 1 hook's claim under the guess it is folded away from): the key prints it open
    under its summary; the worksheet prints only who reads it out, and when. An HTML comment
    (a teacher's stop line, hidden on screen) is dropped: paper printed it as text (reader
    47-12)."""

    def paper(m: re.Match[str]) -> str:
        when = re.search(r"\(open (after [^)]*)\)", m[1])
        what = re.sub(r"\s*\(open [^)]*\)", "", m[1]).strip()
        if student:
            said = when[1] if when else "later"
            return f"*{what}: your teacher reads it out {said}; then answer its question.*"
        return f"**{what}:** {m[2].strip()}"

    return _FOLD.sub(paper, re.sub(r"<!--.*?-->", "", source, flags=re.S))


def questions_in(source: str, student: bool = False) -> list[str]:
    """The hook and every "**Question.**" of one markdown cell, as plain text; a folded block in
    it as the key (or, `student`, the worksheet) prints it."""
    source = folds_on_paper(source, student)
    found = []
    if source.startswith("## Hook"):
        found.append(source.split("\n", 1)[1].strip())
    # an optional one too, said so on paper (reader 35: lesson 7's tables sheet folded on its
    # answer while the worksheet never asked it)
    found += [
        (f"({label}) " if label else "") + m.strip()
        for label, m in re.findall(
            r"\*\*Question(?: \((optional[^)]*)\))?\.\*\*(.*?)(?:\n\n|$)", source, re.S
        )
    ]
    # on paper a link is its text: "[economiser](glossary.md#economiser)" prints "economiser"
    found = [re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", q) for q in found]
    return [_flat(re.sub(r"\*+", "", q)) for q in found]


def _flat(text: str) -> str:
    r"""`text` as one line, but for a text with a bulleted list: each item and each paragraph
    on its own line, an item "- " first (reader 32: lesson 8's hook ran its two lists into
    one paragraph on paper).

    Examples
    --------
    >>> _flat("Pick:\n- one,\n  long;\n- two.\n\nThen\nsay why.")
    'Pick:\n- one, long;\n- two.\nThen say why.'
    >>> _flat("A\nB.\n\n- one\n\nC.\n\nD.")
    'A B.\n- one\nC.\nD.'
    >>> _flat("No list\nhere.\n\nA second paragraph.")
    'No list here. A second paragraph.'
    """
    lines = text.splitlines()
    if not any(line.lstrip().startswith("- ") for line in lines):
        return " ".join(text.split())
    blocks: list[list[str]] = [[]]
    for line in lines:  # a list item or a paragraph: one line each
        if line.lstrip().startswith("- ") or not line.strip():
            blocks.append([])
        blocks[-1].append(line)
    return "\n".join(" ".join(" ".join(b).split()) for b in blocks if " ".join(b).strip())


def open_questions(lesson: Lesson, student: bool = False) -> list[str]:
    """The hook and every "**Question.**" of the lesson's notebook, as plain text, as paper says
    them (`on_paper`): the answer key prints them, the worksheet too (`student`: a folded block
    in one held back)."""
    return [
        q
        for source in markdown_cells(NOTEBOOKS / lesson.notebook)
        for q in questions_in(on_paper(source), student)
    ]


def answer_to(lesson: int, question: str) -> str:
    """The model answer for an open question; InputError when the pack has none (so a new
    question in a notebook cannot slip out of the answer key)."""
    for phrase, answer in model_answers().get(lesson, ()):
        if phrase in question:
            return answer
    raise InputError("open question", question[:60], "a question with a model answer in the pack")


def tracks(lesson: Lesson) -> dict[str, str]:
    """Each exercise of the lesson → "Basics" or "Advanced", from where the notebook asks it
    (after a heading with "Advanced" in it, it is Advanced)."""
    nb = json.loads((NOTEBOOKS / lesson.notebook).read_text(encoding="utf-8"))
    track, found = "Basics", {}
    for cell in nb["cells"]:
        source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
        if cell["cell_type"] == "markdown":
            for line in source.splitlines():
                if line.startswith("## "):
                    track = "Advanced" if "Advanced" in line else "Basics"
        for eid in re.findall(r'widgets\.(?:answer_box|predict_reveal)\(\s*"([\w-]+)"', source):
            found.setdefault(eid, track)
    return found


def passage(lesson: int, start: str) -> str:
    """The paragraph of lesson `lesson`'s notebook that begins with `start`, up to the next blank
    line: the worksheet prints the notebook's own words, never a copy to keep in step."""
    (notebook,) = [x.notebook for x in LESSONS if x.number == lesson]
    for source in markdown_cells(NOTEBOOKS / notebook):
        if start in source:
            return source[source.index(start) :].split("\n\n")[0].strip()
    raise KeyError(f"lesson {lesson} has no paragraph starting {start!r}")


def md_table(lesson: int, start: str) -> str:
    """The Markdown table of lesson `lesson`'s notebook whose header row begins with `start`, as
    HTML (its cells' bold and italic kept): the worksheet prints the notebook's own table."""
    lines = passage(lesson, start).splitlines()
    rows = [[inline_html(c.strip()) for c in x.strip().strip("|").split("|")] for x in lines]
    head, body = rows[0], [r for r in rows[2:] if r]
    th = "".join(f"<th>{h}</th>" for h in head)
    trs = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>\n" for r in body)
    return f"<table><tr>{th}</tr>\n{trs}</table>\n"
