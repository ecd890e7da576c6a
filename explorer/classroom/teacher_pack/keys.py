"""The answer keys: every exercise with its answer, tolerance, hints and traps, and every open
question with its model answer."""

from __future__ import annotations

import html
import json
import re

from ... import fmt
from ...units import factor
from .. import factcheck, lessons
from ..exercises import NEAR, Exercise, Trap, marked
from .capstone import (
    capstone_step_2_check,
    capstone_step_3_check,
    capstone_step_4_check,
    capstone_sweep_table,
)
from .course import Lesson
from .fact_check import verdict_rule
from .figures import (
    NOTEBOOKS,
    SWEEP_SLIP,
    claims_and_rereadings,
    goodput_table,
    lesson_3_tables,
    printed_by,
)
from .markup import html_table, printed_html
from .traps import also_right, exercises_of
from .walkthroughs import answer_to, open_questions


def _read_out_rows() -> str:
    """The answer key's line of the source rows the worksheet holds back (AWS's table's
    figures a station computes), which the teacher reads out when a group's number checks
    (reader 22: the key never said which figure that was)."""
    rows = [
        f"{html.escape(what)}: {html.escape(value)} ({html.escape(source)})"
        for c in factcheck.class_claims()
        for k in lessons.held_figures(c.id)
        for what, value, source in [factcheck.figure_line(k)]
    ]
    return (
        "<p><b>Read out when a group's number checks</b> (the worksheet holds these rows: "
        f"“{html.escape(lessons.STATION_ROW_ON_PAPER)}”): {'; '.join(rows)}.</p>"
    )


# the key's rounding rule in words, at the fewest figures the checker takes (reader 29)
_FIGURES = {1: "one", 2: "two", 3: "three", 4: "four"}


def _boxed(e: Exercise, t: Trap, predicted: bool) -> bool:
    """A trap whose value the notebook's prediction box refuses as impossible (a PUE below 1):
    the box says what the quantity is, never this hint, which only the Check gives (reader 36:
    the key listed hints a student predicting never reads)."""
    bound = e.limits.possible() if predicted and e.limits.possible else None
    return bound is not None and not bound.ok(t.value())


def _trap_rows(e: Exercise, traps: list[Trap], predicted: bool = False) -> list[list[str]]:
    return [
        [
            t.id,
            e.show_trap(t),
            t.hint
            + (
                " (not in the notebook's prediction box, which says only “not possible” and "
                "what the quantity is (for a PUE, also how a share becomes one), the same for "
                "every such value: this hint would tell the answer's size before the "
                "prediction; name the slip yourself after the reveal)"
                if _boxed(e, t, predicted)
                else ""
            )
            + (f" (from the second attempt on, also: {t.say.later})" if t.say.later else "")
            + (" (a note: the answer counts as right)" if t.kind.note else "")
            + (" (not yet: the answer stays closed)" if t.kind.figures else ""),
        ]
        for t in traps
    ]


def answer_key_page(lesson: Lesson) -> str:
    """A lesson's answer key (the body of its answers.html page)."""
    parts = []
    nb = json.loads((NOTEBOOKS / lesson.notebook).read_text(encoding="utf-8"))
    code = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")
    predicted = set(re.findall(r'predict_reveal\(\s*"([\w-]+)"', code))
    for e in exercises_of(lesson.number):
        traps = _trap_rows(e, [t for t in e.traps if not also_right(t)], e.id in predicted)
        right = [t for t in e.traps if also_right(t)]
        also = (
            "; also right: "
            # each with the range the checker takes it in (35.6 % to 55.1 % in all, on paper)
            + ", ".join(
                html.escape(
                    f"{e.show_trap(t)} ({e.show(t.value() * (1 - t.match.rel_tol))} to "
                    f"{e.show(t.value() * (1 + t.match.rel_tol))})"
                )
                for t in right
            )
            + " (the answers below, which the reveal calls right with a note)"
            if right
            else ""
        )
        # a share's tolerance is told to students as a fraction of the answer (reader 33); the
        # key says that one rule with its width here, not two rules (reader 43-12)
        said, _, not_points = e.said_tolerance().partition(", not ")
        within = (
            e.tolerance()
            if said == e.tolerance()
            else f"{said}, i.e. {e.tolerance()} here"
            + (f", not {not_points}" if not_points else "")
        )
        if e.reads.reference is not None:
            # a question that marks only its way: the key marks it so too, as the notebook and
            # the checker do (reader 52-78: the key held a right "above" to ±2 %)
            ref, want = e.reads.reference(), e.answer()
            up = want > ref
            parts.append(
                f"<section><h3>{html.escape(e.id)}</h3><p>{html.escape(e.question)}</p>"
                f"<p><b>Answer: {html.escape(marked(e))}</b> (the way is marked; the explorer's "
                "number is for reading out. Right: the way said alone, or a number "
                + html.escape(
                    f"{'above' if up else 'below'} {e.show(ref)} up to "
                    f"{e.show(want * (1 + NEAR if up else 1 - NEAR))}"
                )
                + ")</p>"
                + html_table(
                    ["hint step", "text"],
                    [["nudge", e.hints[0]], ["formula", e.hints[1]], ["worked step", e.hints[2]]],
                )
                + (html_table(["trap", "wrong answer", "hint it gets"], traps) if traps else "")
                + "</section>"
            )
            continue
        parts.append(
            f"<section><h3>{html.escape(e.id)}</h3><p>{html.escape(e.question)}</p>"
            f"<p><b>Answer: {html.escape(e.show(e.answer()))}</b> "
            f"(accepted within {html.escape(within)}: "
            f"{html.escape(e.shown_range()[0])} to {html.escape(e.shown_range()[1])} "
            # the printed ends are inside the checker's (9.55 % for 9.541 %)
            "(the ends rounded inward)"
            + f"{also}, "
            + (
                f"and {html.escape(e.show(e.two_figures()))}, the answer to two significant "
                "figures; "
                if not e.copied(e.two_figures())
                else f"but not {html.escape(e.show(e.two_figures()))}, the answer to two "
                "significant figures, which is a published figure copied: see the traps; on "
                "paper, accept it only if the working shows about "
                f"{html.escape(e.show(e.answer()))}, otherwise ask for three figures; "
            )
            + "a rounding of the answer to the figures the student gives counts too, when the "
            f"student gives {_FIGURES[e.fewest_figures()]} or more figures; "
            # lessons 7 and 8 ask for two figures even inside the range (`Precision.figures`,
            # reader 31), unless the question says one is enough
            + (
                # a prediction's reveal calls any answer inside the range a good estimate,
                # whatever its figures: the key says the screen's rule (reader 33)
                "fewer count only inside the range above, as the notebook's reveal calls a "
                "prediction there a good estimate)</p>"
                if e.id in predicted
                # a worked answer's reveal keeps the boxes' rule (reader 37: two rules)
                and not ((e.precision.figures or 0) > 1 and e.worked)
                else "fewer do not count, even inside the range above)</p>"
                # a question that states its range is held to it (reader 47-78)
                if (e.precision.figures or 0) > 1 and not e.states_tolerance()
                else "fewer count only inside the range above)</p>"
            )
            + html_table(
                ["hint step", "text"],
                [["nudge", e.hints[0]], ["formula", e.hints[1]], ["worked step", e.hints[2]]],
            )
            + (
                html_table(["also right", "answer", "note it gets"], _trap_rows(e, right))
                if right
                else ""
            )
            + (html_table(["trap", "wrong answer", "hint it gets"], traps) if traps else "")
            + "</section>"
        )
    if lesson.number == 6:
        parts.append(_capstone_checks())
        # the handout sends a class on paper here for it, and the plan's debrief opens it
        # (reader 40: the key held only part of it)
        parts.append(lessons.capstone_found("h3"))
        # the debrief's answers, read out once the class has discussed them (reader 44)
        parts.append(lessons.capstone_debrief("h3"))
    if lesson.number == 8:  # read out after contested-load-swing, for a class on paper
        import contextlib
        import io

        from ..contested import below_flat_out, city_tornado_rows

        rows = city_tornado_rows(lessons.ARTICLE_SITE)
        # step 3's "Which 300 MW?" printout, which the tables sheet's box points to (reader
        # 39-78: a class on paper had it only in the plan and the teacher's handout)
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            below_flat_out(lessons.ARTICLE_SITE)
        parts.append(
            "<h3>Step 3's tornado (read the rows out once contested-load-swing is committed)</h3>"
            "<p>The city in households, each figure moved alone from its low end to its high "
            f"end, the others at their central values: {len(rows)} figures move it (students "
            "check their ticks against the count); every other figure of step 1's table "
            "leaves the city where it is.</p>"
            + html_table(["figure", "city at its low end", "city at its high end", "swing"], rows)
            + "<p>Then step 3 prints (the tables sheet's “Which 300 MW?” box points here): "
            + html.escape(" ".join(buf.getvalue().split()), quote=False)
            + "</p>"
        )
    if lesson.number == 5:
        # the stations' numbers, to check a group's on paper (reader 16: the worksheet's city
        # table leaves the station's own row to the group, so the key has it)
        caption, header, rows = lessons.city_table()
        stations = [
            [
                c.claim,
                c.recompute().removeprefix("Recompute: "),
                lessons.station_numbers(c.id),
                lessons.station_accepted(c.id),
            ]
            for c in factcheck.class_claims()
            if lessons.station_numbers(c.id)
        ]
        parts.append(
            # round 53: the rule the verdicts follow, in the notebook's words
            f"<h3>The verdict rule (as on screen and on the worksheet)</h3>{verdict_rule()}"
            "<h3>The stations' numbers (to check a group's; not verdicts)</h3>"
            + html_table(
                ["claim", "the station's computation", "its number", "the check accepts"],
                stations,
            )
            + _read_out_rows()
            + f"<p>The city widget's table in full ({html.escape(caption)}):</p>"
            + html_table(header, rows)
        )
        parts.append(
            "<h3>The verdicts (as the vote's reveal shows them)</h3>"
            + factcheck.html_table(factcheck.CLASS_CLAIMS)
            + printed_html(factcheck.after_reveal())
            + _hot_hour_note()
            + "<h3>All the articles' claims ("
            + claims_and_rereadings()
            + ", with verdicts)</h3>"
            + factcheck.html_table()
        )
    if lesson.number == 3:
        parts.append(lesson_3_tables())
    if lesson.number == 4:
        parts.append(goodput_table())
        parts.append(
            "<h3>Advanced: Young and Daly (what the Advanced cell prints)</h3>"
            f"<pre>{html.escape(printed_by(lessons.daly_and_young))}</pre>"
        )
    if lesson.number == 1:
        parts.append(_lesson_1_printouts())
    if lesson.number == 2:  # the verdict table: read out after the pairs' share
        parts.append(
            "<h3>The verdict table (read it out once the pairs' share, "
            "cooling-at-survey-pue, is answered)</h3>"
            + html_table(*lessons.cooling_verdict_table())
            + f"<p>{html.escape(lessons.survey_against_article_line())}</p>"
            + f"<p>{html.escape(lessons.fleet_against_article_line())}</p>"
        )
    if lesson.number == 2:  # section 3's printed rows: read out after the COP answers
        parts.append(
            "<h3>Section 3's rows (Advanced: read them out after the COP answers)</h3>"
            + html_table(
                ["row", "what the notebook prints"], [list(r) for r in lessons.cooling_rows()]
            )
            # the notes under the rows, by the names the notebook's text calls them
            + "".join(
                f"<p><b>{html.escape(name)}:</b> {html.escape(line)}</p>"
                for name, line in lessons.rows_notes()
            )
            + f"<p><b>{html.escape(lessons.DRAIN_NOTE)}:</b> "
            + f"{html.escape(lessons.drain_line())}.</p>"
        )
    qa = [[q, answer_to(lesson.number, q)] for q in open_questions(lesson)]
    parts.append("<h3>Open questions</h3>" + html_table(["question", "model answer"], qa))
    return "\n".join(parts)


def _lesson_1_printouts() -> str:
    """What lesson 1's gated cells print, for a class on paper, whose handout sends it to this
    key for them (reader 48-12: the key had neither the table of bases nor the verdicts): the
    table of bases with the lines above it, once city-households-us is answered; the
    turned-round city and the claim checked on each basis, once city-power-article is."""
    caption, header, rows = lessons.city_table()
    lines = (
        lessons.people_per_home_line(),
        lessons.household_years_line(),
        lessons.article_basis_line(),
    )
    return (
        "<h3>The table of bases (read it out once city-households-us is answered)</h3>"
        + "".join(f"<p>{html.escape(line)}</p>" for line in lines)
        + f"<p>{html.escape(caption)}</p>"
        + html_table(header, rows)
        + "<h3>The city turned round, and the claim on each basis (read them out once "
        "city-power-article is answered)</h3>"
        + f"<pre>{html.escape(printed_by(lessons.article_city_power))}</pre>"
        + f"<pre>{html.escape(printed_by(lessons.article_claim_check))}</pre>"
    )


def _hot_hour_note() -> str:
    """For the teacher only (a later lesson's result, kept out of the class's reveal): the
    hottest hour's cooling share at Canton, the reply to a defender's hot-day case."""
    year = lessons.hot_year()[0]
    hot = float(year.peak_cooling_power / year.peak_facility_power)
    return (
        "<p><i>For the teacher only (lesson 7's result; the class's reveal leaves it to that "
        f"lesson):</i> Canton's hottest hour needs {html.escape(fmt.percent(hot, 2))} of the "
        "site's power in that hour for cooling, still short of the claim's "
        f"{html.escape(factcheck.claim('ms-cooling').stated)}.</p>"
    )


def _capstone_checks() -> str:
    """What lesson 6's reveals print beyond the exercises: the plans compared, the model against
    Meta's run, and the Advanced sweep (a table to hand out once the run's energy is answered)."""
    meta = lessons.meta_check()
    here = lessons.capstone_job(meta["chips"])
    million = 1e6  # GPU-hours are told in millions
    return (
        f"<h3>The checks the reveals print</h3>{capstone_step_2_check()}"
        f"{capstone_step_3_check()}"
        f"{capstone_step_4_check()}<ul>"
        f"<li>The model against Meta's run: Llama 3.1 405B on {fmt.number(meta['chips'])} H100s "
        f"takes {fmt.number(meta['model_hours'] / million)} million GPU-hours in the model; Meta "
        f"published {fmt.number(meta['published_hours'] / million)} million. "
        f"{lessons.meta_mfu_words()}: its restart time is an assumption, on the slow side.</li>"
        f"<li>A Meta-sized job of {fmt.number(meta['chips'])} Trainium2 on this site: goodput "
        f"{lessons.rough_percent(float(here.goodput))}, "
        f"{fmt.number(float(here.training_days))} days, "
        # reader 48: 48,564 MWh here beside the sweep's 48,600: one rounding, the sweep's
        f"{lessons.about(float(here.run_energy))} MWh.</li>"
        f"<li>One job of every chip: interrupted every "
        f"{fmt.number(float(lessons.capstone_site().job_mtbi) * factor('hour', 'minute'))} "
        "minutes on average, each restart "
        f"{fmt.number(float(lessons.capstone_site().job_restart_minutes))} minutes: longer than "
        "the time between interruptions, far beyond any measured job.</li></ul>"
        "<h3>Advanced: the job-size sweep</h3><p>To hand out once capstone-energy is answered, "
        f"print the slip {SWEEP_SLIP}, which holds this table only (this page has step 5's "
        "answer).</p>" + capstone_sweep_table()
    )
