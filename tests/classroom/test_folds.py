"""No markdown a student can read before an exercise's reveal states a figure the checker accepts
as that exercise's answer (issue #21, reader 26: lesson 4's "What we found" fold said "about
eleven days", accepted for `llama-days`; lesson 3's said "3 and 3.5 times off" against
1,000,000, and 1,000,000 ÷ 3.5 is accepted as the chip count).

Markdown is never gated: a ``<details>`` fold opens on a click at any time, and every markdown
cell of a notebook can be scrolled to before the exercise's box is answered. So every markdown
cell of a lesson, folds included, is read the way a student would copy it into the exercise's
box: every number (in digits or in words) with the up to three words after it ("about eleven
days", "287,000 chips"), and every "N times" ratio applied to the other figures of the same cell
(a hook's 1,000,000 "3.5 times off"). The exercise's own question (its givens) is a widget, not
markdown, and is not read. Fast: no kernel, nbformat only."""

from __future__ import annotations

import dataclasses
import functools
import html
import re
from pathlib import Path

import nbformat

from explorer.classroom import lessons

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
WORDS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
    "hundred thousand million billion trillion half dozen"
).split()
NUMBER = re.compile(rf"^(?:\d[\d,.]*|(?:{'|'.join(WORDS)})(?:-\w+)?)$", re.I)
FIGURE = re.compile(r"(?<![\w.])\d+(?:,\d{3})*(?:\.\d+)?(?![\w])")
TIMES = re.compile(r"((?:\d+(?:\.\d+)?\s*(?:,|and|or|to|–|-)\s*)*\d+(?:\.\d+)?)\s*(?:times|×)")
# the hook's figures as the folds say them: "more than a hundred thousand and fewer than a million"
SAID = {"a hundred thousand": 1e5, "a million": 1e6, "a billion": 1e9, "a thousand": 1e3}
SINGLE = set(WORDS[:10] + WORDS[19:]) - {"dozen"}  # one significant figure, as "2" or "10"
# a figure of another quantity that the checker happens to accept: (lesson, exercise, figure)
COINCIDENCES = {
    # "a PUE from 1.49 up" (the article's 30 % cooling share) is a PUE, not the COP that the
    # article's 40 % implies (1.5): two different quantities of about the same size
    (2, "cop-article", "1.49"),
}
MARKUP = re.compile(r"<[^>]+>|[*_`#|\[\]()]")


def lesson_markdown(lesson: int) -> list[tuple[int, str]]:
    """(cell index, the text a reader sees) of every markdown cell of a lesson's notebook."""
    (path,) = NOTEBOOKS.glob(f"{lesson:02d}-*.ipynb")
    nb = nbformat.read(path, as_version=4)
    return [
        (i, html.unescape(MARKUP.sub(" ", c.source)))
        for i, c in enumerate(nb.cells)
        if c.cell_type == "markdown"
    ]


def candidates(text: str, eid: str) -> set[str]:
    """What a student could copy from `text` into exercise `eid`'s answer box."""
    out = set()
    words = text.split()
    for i, word in enumerate(words):
        word = word.strip(".,;:!?\"'“”‘’")
        # "2", "10", "two": a figure of one significant digit matches any answer by chance
        if NUMBER.match(word) and len(word.strip("0.,")) >= 2 and word.lower() not in SINGLE:
            for k in range(1, 5):
                out.add(" ".join(words[i : i + k]).rstrip(".,;:!?)"))
            # a figure stated with another unit ("365 days" for a power) is not the answer
            if i + 1 < len(words) and not lessons.check(eid, " ".join(words[i : i + 2])).right:
                out.discard(word)
    figures = [float(f.replace(",", "")) for f in FIGURE.findall(text)]
    figures += [x for said, x in SAID.items() if said in " ".join(words).lower()]
    for m in TIMES.finditer(text):
        for factor in map(float, re.findall(r"\d+(?:\.\d+)?", m.group(1))):
            if factor <= 1:
                continue
            for y in (y for y in figures if y >= 100):  # a hook's figure, not "2 to 3"
                out |= {
                    repr(x)
                    for x in (y / factor, y * factor)
                    if len(f"{x:.3g}".split("e")[0].strip("0.")) >= 2  # not 100 / 10 = "10"
                }
    return out


def test_no_markdown_states_an_exercise_answer(monkeypatch):
    for e in list(lessons.EXERCISES.values()):  # the answer once, not at every check (fast)
        monkeypatch.setitem(
            lessons.EXERCISES,
            e.id,
            dataclasses.replace(e, answer=functools.partial(float, e.answer())),
        )
    leaks = []
    for lesson in sorted({e.lesson for e in lessons.EXERCISES.values()}):
        exercises = [e for e in lessons.EXERCISES.values() if e.lesson == lesson]
        for (i, text), e in ((c, e) for c in lesson_markdown(lesson) for e in exercises):
            said = sorted(
                c
                for c in candidates(text, e.id)
                if lessons.check(e.id, c).right
                and not any(
                    (lesson, e.id) == (n, eid) and c.startswith(fig) for n, eid, fig in COINCIDENCES
                )
            )
            if said:
                # a ratio's result is not in the text: show the "N times" it came from
                at = [text.find(s) for s in said[:2] if s in text] or [
                    m.start() for m in TIMES.finditer(text)
                ][:2]
                where = " | ".join(" ".join(text[max(0, a - 80) : a + 60].split()) for a in at)
                leaks.append(f"lesson {lesson} cell {i}, {e.id}: {said[:4]} in …{where}…")
    assert not leaks, "\n".join(leaks)
