"""Every exercise's traps as a table: the teacher's notes print it, the teacher's guide holds it."""

from __future__ import annotations

import json
import re

from .. import lessons
from ..exercises import Exercise, Trap
from .course import LESSONS
from .figures import NOTEBOOKS
from .walkthroughs import tracks


def exercises_of(lesson: int) -> list[Exercise]:
    return [e for e in lessons.EXERCISES.values() if e.lesson == lesson]


def also_right(t: Trap) -> bool:
    """A trap the reveal opens with "Right" (lesson 6's "about half (50 %)", the right one of
    the guesses offered): right, with its note, not a wrong answer (reader 33: the key listed
    it under "wrong answer", and a teacher marking by the key marked the lesson's answer
    wrong; reader 38: the notes listed it among the slips)."""
    return t.say.lead == "Right"


def trap_rows() -> list[tuple[str, str, str, str]]:
    """Every exercise's traps as rows (exercise, lesson, the slips' names, the answers also
    right): the pack's teacher's notes print them. Their names can narrow an answer ("a little
    under half"), so they live only in the pack, never in the guide beside the notebooks
    (reader 32)."""
    rows = []
    for lesson in LESSONS:
        track = tracks(lesson)
        nb = json.loads((NOTEBOOKS / lesson.notebook).read_text(encoding="utf-8"))
        code = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")
        predicted = set(re.findall(r'predict_reveal\(\s*"([\w-]+)"', code))
        for e in exercises_of(lesson.number):
            if not e.traps:
                continue
            notes = ["Advanced"] if track.get(e.id) == "Advanced" else []
            notes += ["predicted"] if e.id in predicted else []
            where = f"{lesson.number}" + (f" ({', '.join(notes)})" if notes else "")
            slips = "; ".join(
                t.id.replace("-", " ")
                + (" (right, with a note)" if t.kind.note else "")
                + (" (not yet: own figures asked)" if t.kind.figures else "")
                for t in e.traps
                if not also_right(t)
            )
            right = "; ".join(t.id.replace("-", " ") for t in e.traps if also_right(t))
            rows.append((e.id, where, slips, right))
    return rows


TRAP_HEADER = (
    "exercise",
    "lesson",
    "the usual slips it catches (each with its own hint; values in the key)",
    "also right (the reveal says “Right”, with a note)",
)


def trap_table() -> str:
    """The table of every exercise's traps as markdown (the teacher's notes page prints the same
    rows as HTML): the slips come from the exercises' traps, so it cannot drift.

    Examples
    --------
    >>> trap_table().splitlines()[0].startswith("| exercise | lesson |")
    True
    """
    rows = ["| " + " | ".join(TRAP_HEADER) + " |", "|---|---|---|---|"]
    rows += [f"| `{e}` | {where} | {slips} | {right} |" for e, where, slips, right in trap_rows()]
    return "\n".join(rows)
