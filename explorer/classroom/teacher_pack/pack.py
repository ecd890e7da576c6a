"""The whole pack: the plan, rubric and quiz pages; `build` (every page), `write` (to a folder)."""

from __future__ import annotations

import html
import sys
from collections.abc import Sequence
from pathlib import Path

from ...errors import InputError
from .. import quiz
from ..folders import safe_folder
from ..handouts import FOUND_PAGE, FOUND_PAGES, found_html
from .capstone import capstone_sweep_slip
from .course import APP_ADDRESS, LESSONS, Lesson, app_link, app_words
from .fact_check import game_rules, teacher_notes
from .figures import DEFAULT_OUT, NOTEBOOKS, SWEEP_SLIP
from .keys import answer_key_page
from .markup import html_page, html_table, markdown_html
from .plans import APP_WHEN, PLANS, app_when
from .tables import TABLE_SHEETS, tables_page
from .walkthroughs import tracks
from .worksheets import worksheet_page


def _plan(lesson: Lesson) -> str:
    plan = PLANS[lesson.number]
    start, rows = 0, []
    for minutes, segment, what in plan.segments:
        rows.append([f"{start}–{start + minutes} min", segment, what])
        start += minutes
    if start != 50:
        raise InputError("plan", start, "50 minutes", f"lesson {lesson.number}'s plan")
    by_track = tracks(lesson)
    basics = [e for e, t in by_track.items() if t == "Basics"]
    advanced = [e for e, t in by_track.items() if t == "Advanced"]
    ex = (
        f"<p>Exercises, Basics: {html.escape(', '.join(basics) or 'none (the vote)')}"
        + (f"; Advanced: {html.escape(', '.join(advanced))}" if advanced else "")
        + ".</p>"
    )
    stumbles = "".join(f"<li>{html.escape(x)}</li>" for x in plan.stumbles)
    timing = f"<p><b>Time:</b> {html.escape(plan.timing)}</p>" if plan.timing else ""
    return (
        f"<p>Notebook <code>{html.escape(lesson.notebook)}</code>. {html.escape(lesson.debrief)}."
        f"</p>{timing}{ex}"
        + (game_rules() if lesson.number == 5 else "")
        + html_table(["time", "segment", "what the teacher says and does"], rows)
        + f"<h3>Where students stumble</h3><ul>{stumbles}</ul>"
        + f"<h3>Without the app server</h3><p>{html.escape(plan.offline)}</p>"
        # the teacher's rendering prints each result under its question (reader 44-12)
        + "<p>To project a question, project the student handout (<code>explorer teach "
        "handouts --out DIR</code>); project the teacher's rendering only at its reveal.</p>"
        + "<h3>If the app server is running (optional)</h3>"
        + app_when(lesson)
        # said after the step it waits for: "check step 2 in the app" alone read as "during
        # step 2", when the app gives steps 1-3 away (reader 47-56 D1)
        + f"<p>In the app, once “{html.escape(APP_WHEN[lesson.number][0])}” has begun (or on "
        f"your own screen before class): {html.escape(lesson.app)}. "
        "(Start it with <code>explorer app</code> or "
        f"<code>make app</code> and open the address it prints, {APP_ADDRESS} unless "
        "that port is taken; the teacher's guide, "
        "notebooks/README.md, has the details.)</p>"
        + (_app_settings(lesson.settings) if lesson.settings else "")
        + f"<h3>Advanced</h3><p>{html.escape(lesson.advanced)}.</p>"
    )


def _app_settings(settings: dict[str, object]) -> str:
    """The plan's link that opens the app on a lesson's settings, and the settings in words."""
    link = html.escape(app_link(settings))
    return (
        f'<p>The link: <a href="{link}" style="overflow-wrap: anywhere">{link}</a> (on another '
        f"port, keep the part from “?” on). It sets: {html.escape(app_words(settings))}. Check "
        "them on screen, or set them by hand.</p>"
    )


RUBRIC = (
    (
        "Units",
        "mixes power and energy or drops units",
        "units right with prompting",
        "units right throughout",
        "converts units fluently and checks them",
    ),
    (
        "Method",
        "guesses",
        "uses the right formula with help",
        "sets up each step unaided",
        "explains why each step is needed",
    ),
    (
        "Assumptions",
        "takes published numbers as facts",
        "names one assumption",
        "names the basis, PUE or MFU used",
        "shows how the answer moves when one changes",
    ),
    (
        "Prediction",
        "no prediction",
        "predicts, no reflection",
        "explains the gap to the result",
        "uses the gap to correct a misconception",
    ),
    (
        "Communication",
        "numbers without words",
        "a sentence per answer",
        "clear claim with evidence",
        "a fact-check a newspaper could print",
    ),
)


def _rubric() -> str:
    return "<p>Use for the worksheet and the debrief; each row scores 1–4.</p>" + html_table(
        ["criterion", "1 beginning", "2 developing", "3 secure", "4 excellent"], RUBRIC
    )


def _quiz(
    items: Sequence[quiz.Item | quiz.VerdictItem | quiz.ChoiceItem], with_answers: bool, intro: str
) -> str:
    """Multiple-choice items (new questions, not the exercises'), four choices each in ascending
    order (a verdict item: the three verdicts); with answers, the right letter and what each
    distractor's slip is."""
    rows = []
    for n, item in enumerate(items, start=1):
        options = item.options()
        choices = [f"{'ABCD'[i]}) {shown}" for i, (shown, _) in enumerate(options)]
        text = item.text() if callable(item.text) else item.text
        block = f"<section><p>{n}. {html.escape(text)}</p><p>{html.escape(' · '.join(choices))}</p>"
        if with_answers:
            why = "; ".join(f"{'ABCD'[i]}: {w}" for i, (_, w) in enumerate(options) if w != "right")
            block += (
                f"<p><b>Answer: {'ABCD'[item.right()]}</b> (lesson {item.lesson}). "
                f"Distractors: {html.escape(why)}.</p>"
            )
        rows.append(block + "</section>")
    return f"<p>{html.escape(intro)}</p>" + "\n".join(rows)


def build() -> dict[str, str]:
    """Every page of the pack: relative path → HTML text (nothing is written)."""
    glossary = (NOTEBOOKS / "glossary.md").read_text(encoding="utf-8")
    pages: dict[str, str] = {}
    links = []
    # each lesson's key once: it is its own page and a part of the all-lessons key, and computing
    # it (every exercise's accepted range, the headline ranges) is most of the pack's time
    keys = {lesson.number: answer_key_page(lesson) for lesson in LESSONS}
    for lesson in LESSONS:
        d = f"lesson-{lesson.number}"
        name = f"{lesson.number} · {lesson.title}"
        pages[f"{d}/plan.html"] = html_page(f"Lesson {name}: 50-minute plan", _plan(lesson))
        pages[f"{d}/worksheet.html"] = html_page(
            f"Lesson {name}: worksheet", worksheet_page(lesson)
        )
        pages[f"{d}/answers.html"] = html_page(f"Lesson {name}: answer key", keys[lesson.number])
        intro = f"Ten minutes after lesson {lesson.number}; calculators allowed."
        n = lesson.number
        items = [*quiz.items(n), *quiz.verdict_items(n), *quiz.choice_items(n)]
        pages[f"{d}/quiz.html"] = html_page(f"Lesson {name}: quiz", _quiz(items, False, intro))
        pages[f"{d}/quiz-answers.html"] = html_page(
            f"Lesson {name}: quiz answers", _quiz(items, True, intro)
        )
        tables = ""
        if n == 6:  # reader 38: the sweep on a slip of its own, not the key's page
            pages[SWEEP_SLIP] = html_page(
                f"Lesson {name}: the job-size sweep", capstone_sweep_slip()
            )
            tables = f" · <a href='{SWEEP_SLIP}'>sweep slip (Advanced)</a>"
        if n in FOUND_PAGES:  # the homework, on paper (reader 45-34)
            pages[f"{d}/{FOUND_PAGE}"] = html_page(
                f"Lesson {name}: What we found (hand out after class)", found_html(n)
            )
            tables += f" · <a href='{d}/{FOUND_PAGE}'>What we found (after class)</a>"
        if n in TABLE_SHEETS:
            pages[f"{d}/tables.html"] = html_page(f"Lesson {name}: tables", tables_page(n))
            tables += f" · <a href='{d}/tables.html'>tables (no answers)</a>"
        links.append(
            f"<li>{html.escape(name)}: <a href='{d}/plan.html'>plan</a> · "
            f"<a href='{d}/worksheet.html'>worksheet</a> · "
            f"<a href='{d}/answers.html'>answers</a> · "
            f"<a href='{d}/quiz.html'>quiz</a> (<a href='{d}/quiz-answers.html'>answers</a>)"
            f"{tables}</li>"
        )
    pages["answers.html"] = html_page(
        "Answer key, all lessons", "\n".join(keys[lesson.number] for lesson in LESSONS)
    )
    pages["rubric.html"] = html_page("Rubric", _rubric())
    pages["notes.html"] = html_page("Teacher's notes (answers: not for students)", teacher_notes())
    pages["glossary.html"] = html_page("Student glossary", markdown_html(glossary))
    final = (
        "Give it before lesson 1 (pre) and after lesson 8 (post): one new item per lesson; the "
        "gain is the change in correct answers. Calculators allowed."
    )
    pages["quiz.html"] = html_page("Final quiz", _quiz(quiz.items(), False, final))
    pages["quiz-answers.html"] = html_page("Final quiz: answers", _quiz(quiz.items(), True, final))
    pages["index.html"] = html_page(
        "Teacher's pack",
        "<p>Generated from the exercise definitions in "
        "<code>explorer/classroom/lessons/</code>; regenerate with <code>explorer teach pack "
        "--out DIR</code>. The walkthroughs as offline pages: <code>explorer teach handouts --out "
        "DIR</code> (students) or <code>--teacher</code> (every reveal open).</p><ul>"
        + "".join(links)
        + "<li><a href='answers.html'>answer key, all lessons</a></li>"
        + "<li><a href='notes.html'>teacher's notes: the slips by exercise, lesson 5's "
        + "verdicts</a></li>"
        + "<li><a href='rubric.html'>rubric</a></li>"
        + "<li><a href='glossary.html'>student glossary</a></li>"
        + "<li><a href='quiz.html'>final quiz (pre/post)</a> "
        + "(<a href='quiz-answers.html'>answers</a>)</li></ul>",
    )
    return dict(sorted(pages.items()))


def write(folder: str | Path = DEFAULT_OUT) -> list[Path]:
    """Generate the pack into `folder` (created if needed); returns the files written."""
    out = safe_folder(Path(folder))
    written = []
    for rel, text in build().items():
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) > 1 or (args and args[0].startswith("-")):
        print(f"usage: python -m {__package__} [FOLDER]  (default {DEFAULT_OUT})")
        return 2
    folder = Path(args[0] if args else DEFAULT_OUT)
    try:
        files = write(folder)
    except InputError as err:
        print(f"teacher-pack: error: {err}", file=sys.stderr)
        return 2
    print(f"teacher-pack: {len(files)} pages in {folder}")
    return 0
