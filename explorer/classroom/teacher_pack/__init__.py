"""The teacher's pack, generated from the exercise definitions so it cannot drift from the code.

Per lesson: a timed 50-minute plan, a print-friendly worksheet and the answer key (every exercise
with its answer, tolerance, stepped hints and traps, and every open question of the walkthrough
with a model answer); for the course: a rubric, the student glossary and a pre/post quiz.

Run ``make teacher-pack`` or ``python -m explorer.classroom.teacher_pack [FOLDER]`` (default
``build/teacher-pack/``). The output is plain HTML with a print stylesheet; it is the same byte
for byte each time it is generated from the same code and catalog.

Examples
--------
>>> pages = build()
>>> sorted(pages)[:3]
['answers.html', 'glossary.html', 'index.html']
>>> "2,628 GWh" in pages["lesson-1/answers.html"]
True
"""

from __future__ import annotations

from ..lessons import on_paper
from .course import APP_ADDRESS, LESSONS, Lesson, app_link, app_words
from .fact_check import (
    GAME_RULES,
    ROLE_CARD_RULE,
    fact_check_guide,
    script_table,
    station_card,
    teacher_notes,
    verdicts_by_claim,
)
from .figures import DEFAULT_OUT, NOTEBOOKS, ROOT, fixed_restart_words, printed_by, site_h100s
from .open_answers import model_answers
from .pack import RUBRIC, build, main, safe_folder, write
from .plans import APP_WHEN, PLANS, Plan
from .tables import TABLE_SHEETS
from .traps import TRAP_HEADER, exercises_of, trap_rows, trap_table
from .walkthroughs import answer_to, markdown_cells, open_questions, tracks
from .worksheets import ADVANCED_READS_ROWS, question_html

__all__ = [
    "ADVANCED_READS_ROWS",
    "APP_ADDRESS",
    "APP_WHEN",
    "DEFAULT_OUT",
    "GAME_RULES",
    "LESSONS",
    "NOTEBOOKS",
    "PLANS",
    "ROLE_CARD_RULE",
    "ROOT",
    "RUBRIC",
    "TABLE_SHEETS",
    "TRAP_HEADER",
    "Lesson",
    "Plan",
    "answer_to",
    "app_link",
    "app_words",
    "build",
    "exercises_of",
    "fact_check_guide",
    "fixed_restart_words",
    "main",
    "markdown_cells",
    "on_paper",
    "open_questions",
    "printed_by",
    "question_html",
    "safe_folder",
    "script_table",
    "site_h100s",
    "station_card",
    "teacher_notes",
    "tracks",
    "trap_rows",
    "trap_table",
    "verdicts_by_claim",
    "write",
]


def __getattr__(name: str) -> object:
    if name == "OPEN_ANSWERS":  # lesson → (phrase of the question, model answer), in order
        return model_answers()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
