"""Reader 51-78's defects in lessons 7 and 8 (notebooks 07, 08): what a student reads and what
the checker answers."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

from explorer import catalog
from explorer.classroom import contested, hot_days, lessons, widgets
from explorer.classroom.lessons import check

from ._run import cells

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"


_cells = cells


def _markdown(stem: str, starts: str) -> str:
    """The one markdown cell of `stem` holding `starts`, as a student reads it (no paper
    comments, one space between words)."""
    (text,) = [c.source for c in _cells(stem) if c.cell_type == "markdown" and starts in c.source]
    return " ".join(re.sub(r"<!--.*?-->", "", text, flags=re.S).split())


def _printed(fn, *args) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        fn(*args)
    return " ".join(out.getvalue().split())


def test_lesson_8_says_the_held_block_rests_on_the_load_factors_shape():
    # D1: "step 5's second block, with the site held at 300 MW, does not [inherit a shape
    # convention]": it rests on the load factor's triangle, peaking at 1
    r = catalog.uncertainty_ranges()["defaults.load_factor"]
    assert r.distribution == "triangular"
    ignores = _markdown("08", "## What this model ignores")
    ignores = ignores[ignores.index("## What this model ignores") :]
    assert "does not." not in ignores, ignores
    assert "load factor" in ignores and "triangle" in ignores, ignores
    said = _printed(contested.ninety_ranges, lessons.CONTESTED_SITE, lessons.SITE_MW)
    footnote = said[said.index("In brackets") :]
    assert "load factor" in footnote and "triangle" in footnote, footnote
    assert f"peaks at {r.central:g}" in footnote, footnote


def test_lesson_7s_battery_answer_names_the_hooks_option():
    # D2: the hook offers a car battery, one container, a row of containers or a building; the
    # printout answered "a yard of them", no option, and never ruled "a building" in or out
    year, *_ = lessons.hot_year()
    from explorer import batteries

    said = " ".join(hot_days.containers(batteries.peak_shaving_battery(year)).split())
    hook = _markdown("07", "## Hook")
    for option in ("a car battery", "one shipping container", "a row of containers", "a building"):
        assert option in hook, hook
    assert "So: a row of containers" in said, said
    # "a building" is ruled in or out (reader 48-78: not "not a building", which a yard is near)
    assert "a building's footprint" in said, said


def test_lesson_7s_step_2_says_which_hot_in_a_table():
    # D3: four names in four bold sentences, and "the grid supplies them" (it supplies every
    # hour): a table, name · which day · what it sizes or tests · where its figure prints
    step_2 = _markdown("07", "## Step 2")
    assert "the grid supplies them" not in step_2, step_2
    (which,) = [c.source for c in _cells("07") if c.source.startswith("**Which hot?**")]
    rows = [line for line in which.splitlines() if line.startswith("|")]
    names = ("the hot day", "the hottest day", "the hottest hour", "the battery's day")
    for name in names:
        assert any(name in row.lower() for row in rows), (name, rows)
    assert "grid must meet" in which, which


@pytest.mark.parametrize(
    ("exercise", "answer", "says", "never"),
    [
        # D10: a bare number copied from the question is said to be copied, not "over 100 %"
        ("utility-peak-share", "330", "copied from the question", "over 100"),
        ("utility-peak-share", "3000", "copied from the question", "over 100"),
        ("state-energy-share", "2628", "copied from the question", "over 100"),
        ("state-energy-share", "2,628", "copied from the question", "over 100"),
        # ... a number over 100 that the question does not print is still over the whole
        ("utility-peak-share", "120", "over 100", "copied"),
        # D11: the biggest city at the load factor's low end
        ("contested-city-high", "438,000", "load factor", "Check your figures"),
        ("contested-city-high", "437,989", "load factor", "Check your figures"),
    ],
)
def test_a_reply_names_the_slip_the_student_made(exercise, answer, says, never):
    said = check(exercise, answer).message
    assert says in said, said
    assert never not in said, said


def test_the_state_share_question_says_which_figure_may_be_rounded():
    # D4: "one figure is enough" set up rounding the inputs, which the checker then refused
    question = lessons.EXERCISES["state-energy-share"].question
    assert "for your answer" in question, question
    assert "keep the site's" in question, question
    assert not check("state-energy-share", "5 %").right or True  # unchanged rule, any reply


@pytest.mark.parametrize(
    "prediction", ["above 320", "above 305", "320", "305 MW", "above 330", "above, 300.5"]
)
def test_a_p5_prediction_the_right_way_is_not_marked_to_2_percent(prediction):
    # D5: "a way is enough: the number needs the draws' shape", yet 320 and 305 were "just
    # outside the ±2 % the checker accepts"
    said = lessons.reveal("contested-power-p5", prediction).message
    assert said.startswith("The right way"), said
    assert "±2 %" not in said and "just outside" not in said and "too high" not in said, said
    assert "shape" in said, said


@pytest.mark.parametrize(
    ("prediction", "says"),
    [
        ("above 313", "good estimate"),  # inside the tolerance: still said so
        ("650", "mix-up"),  # the 95th percentile: still a mix-up
        ("at 300", "Not at"),
        ("below", "The other way"),
    ],
)
def test_other_p5_predictions_keep_their_replies(prediction, says):
    said = lessons.reveal("contested-power-p5", prediction).message
    assert says in said, said


def test_lesson_8s_step_1_says_the_cooling_shares_centre_is_the_articles():
    # D6: "the central value is the one the explorer uses everywhere else" is false for the
    # cooling share (lessons 1-7 use the plant's ~9 %; the 40 % is the article's, under test)
    step_1 = _markdown("08", "## Step 1")
    assert "except the cooling share" in step_1, step_1


def test_lesson_8s_step_5_homework_asks_about_the_held_block():
    # D7: the homework asked again what the prediction had just revealed (300 MW below p5)
    question = _markdown("08", "the held block and its shape")
    question = question[: question.index("<details>")]
    assert "held at" in question and "evenly" in question, question


def test_lesson_7s_why_a_cooler_day_lock_names_the_exercise_it_waits_for(monkeypatch):
    # D9: "answered the exercise above right" pointed at the optional question just above
    monkeypatch.delenv("EXPLORER_STATIC", raising=False)
    monkeypatch.delenv(widgets.REVEAL, raising=False)
    year, *_ = lessons.hot_year()
    (cell,) = [c.source for c in _cells("07") if "hot_days.sizing_day_answer" in c.source]
    box = eval(
        cell[cell.index("widgets.solution(") :],
        {"widgets": widgets, "hot_days": hot_days, "year": year},
    )
    said = box.children[0].value
    assert "battery-hours exercise" in said, said
    assert "the exercise above" not in said, said


def test_lesson_8s_load_swing_from_the_articles_city_is_right_with_a_note():
    # round-50 leftover (reader 50-78 D11): "75,000" is 250,000 × 0.3, the article's city
    said = check("contested-load-swing", "75,000").message
    assert said.startswith("Right"), said
    assert "245,264" in said, said


def test_the_container_is_labelled_as_the_megapack_2_xl():
    # D12: 3.9 MWh is the Megapack 2 XL's, not the Megapack 3's (about 5 MWh)
    (where,) = [c.source for c in _cells("07") if "widgets.where_from(" in c.source]
    entry = where[where.index('"storage.chemistries.lfp-bess.container_energy"') :]
    label = entry.split(")", 1)[0]
    assert "Megapack 2 XL" in label, label
    year, *_ = lessons.hot_year()
    from explorer import batteries

    said = hot_days.containers(batteries.peak_shaving_battery(year))
    assert "Megapack 2 XL" in said, said


def test_lesson_7s_yardsticks_say_the_hottest_hour_is_the_whole_sites():
    # D13: "the site in the typical year's hottest hour: 330 MW" read before the hook's check
    # pulls towards "10 % more" for the cooling
    year, grid, _ = lessons.hot_year()
    said = _printed(hot_days.yardsticks, grid)
    assert "whole site" in said and "not its cooling" in said, said


def test_the_glossary_names_lesson_7s_four_hot_days():
    # round-50 leftover (reader 50-78 D3): the "Which hot?" names were not in the glossary
    glossary = " ".join((NOTEBOOKS / "glossary.md").read_text().split())
    entry = glossary[glossary.index('<a id="hot-day"></a>') :].split("<a id=", 2)[1]
    for name in ("the hot day", "the battery's day", "the hottest day", "the hottest hour"):
        assert f"**{name}**" in entry, (name, entry)
    assert "grid must meet" in entry, entry


@pytest.mark.parametrize(
    ("exercise", "answer", "says"),
    [
        # round-50 leftover (reader 50-78 D11): right inside the tolerance, but misrounded
        # round 53 (reader 52-56 D5): the student's own number beside the rounding ("it rounds
        # to 4.2" alone read as a correction of the student's 4.3)
        ("smoothing-energy", "4.3", "To two figures the answer rounds to 4.2; your 4.3 is inside"),
        (
            "shaving-battery-hours",
            "7.1",
            "To two figures the answer rounds to 7.0; your 7.1 is inside",
        ),
    ],
)
def test_a_right_answer_misrounded_in_a_figures_box_is_told_its_rounding(exercise, answer, says):
    said = check(exercise, answer).message
    assert said.startswith("Right") and says in said, said
    # the result rounded as typed keeps its plain "Right!"
    rounded = says.split("the answer rounds to ")[1].split(";")[0]
    assert "the answer is" not in check(exercise, rounded).message


def test_a_kept_value_is_its_own_wrappers_never_a_freed_ones():
    # found running this round's tests (-n 2): `kept` stored values by the wrapper's id, which a
    # new wrapper reuses once the old one is freed, so a hand-made trap (test_exercises) read
    # another test's value. Each wrapper keeps its own value
    from explorer.classroom import exercises
    from explorer.classroom.computed import forget, kept

    for i in range(300):
        trap = exercises.Trap("other", lambda i=i: float(i), "the other figure")
        assert trap.value() == i
        del trap
    calls = []
    answer = kept(lambda: calls.append(1) or 2.5)
    assert (answer(), answer(), len(calls)) == (2.5, 2.5, 1)
    forget()
    assert (answer(), len(calls)) == (2.5, 2)
