"""Reader 50-78's defects in lessons 7 and 8 (notebooks 07, 08): what a student reads and what
the checker answers."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

from explorer import catalog
from explorer.classroom import hot_days, lessons
from explorer.classroom.lessons import check

from ._run import cells

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"


_cells = cells


def _markdown(stem: str, starts: str) -> str:
    (text,) = [c.source for c in _cells(stem) if c.cell_type == "markdown" and starts in c.source]
    return re.sub(r"<!--.*?-->", "", text, flags=re.S)


def _printed(fn, *args) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        fn(*args)
    return out.getvalue()


@pytest.mark.parametrize(
    ("exercise", "answer", "says", "never"),
    [
        # D1: a one-figure estimate is not the hottest hour's draw for every hour
        ("state-energy-share", "3000/50000", "two figures", "hottest hour's draw"),
        ("state-energy-share", "6 %", "two figures", "hottest hour's draw"),
        # ... but the two-figure slip is still named
        ("state-energy-share", "5.9 %", "hottest hour's draw", "two figures"),
        # D6: 2-4 % off on a ±1 % box is not "just outside"
        ("contested-city-high", "640,000", "each figure", "just outside"),
        ("contested-city-high", "650,000", "each figure", "just outside"),
        ("contested-city-high", "633,000", "just outside", "each figure"),
    ],
)
def test_a_reply_names_only_the_slip_the_student_made(exercise, answer, says, never):
    said = check(exercise, answer).message
    assert says in said, said
    assert never not in said, said


def test_a_pue_of_one_is_named_as_no_cooling_at_all():
    # D10: a PUE of 1 is a misconception, not only a size error
    said = lessons.reveal("jackson-annual-pue", "1").message
    assert "no cooling" in said, said


def test_the_containers_mwh_is_a_sourced_catalog_figure():
    # D5: "shipping containers of a few MWh" had no source
    e = catalog.entry("storage.chemistries.lfp-bess.container_energy")
    assert e.source_title and e.date
    (year, *_) = lessons.hot_year()
    from explorer import batteries

    said = hot_days.containers(batteries.peak_shaving_battery(year))
    assert f"{e.value:g} MWh" in said, said
    (where,) = [c.source for c in _cells("07") if "widgets.where_from(" in c.source]
    assert "storage.chemistries.lfp-bess.container_energy" in where


def test_the_smoothing_losses_say_they_rest_on_illustrative_dips():
    # D4: the losses follow from two illustrative figures; the pack from the 1C limit
    (year, *_) = lessons.hot_year()
    said = _printed(hot_days.smoothing, year)
    (losses,) = [x for x in said.splitlines() if x.startswith("losses")]
    assert "illustrative" in losses, losses
    question = _markdown("07", "Each dip asks the smoothing battery")
    assert "illustrative" in question, question


def test_lesson_7s_ride_through_answer_says_what_the_cells_cannot_do():
    # D9: the cells can empty in a few minutes; not in the ride-through's minutes at full load
    text = _markdown("07", "Compare the two batteries")
    assert "in a few\nminutes" not in text and "in a few minutes" not in text, text
    assert "C-rate" in text or "times their energy an hour" in text, text


def test_lesson_7s_step_2_names_its_hot_things_once_early():
    # D3: five "hot" things in one step; one line early in step 2 lists them by fixed names
    # (reader 51-78 D3: the names are a table in the cell after step 2's opening)
    step = _markdown("07", "**Which hot?**").lower()
    for name in ("the hot day", "the hottest day", "the hottest hour", "the battery's day"):
        assert f"**{name}**" in step, name
    said = _printed(hot_days.sizing_design_day, lessons.hot_year()[0])
    assert "somewhat above is the likelier" not in said, said


def test_lesson_8s_tick_cell_shows_no_paper_blank_on_screen():
    # D8: "Rows ticked (not in the box): ______" on screen, where no one can write in it
    text = _markdown("08", "tick the rows of step 1's table")
    assert "____" not in text, text
    assert "on paper" in text, text


def test_lesson_8s_connection_bound_names_its_plant_and_the_default():
    # D7: "at most 0.91" rests on lesson 7's chiller plant; the lesson's default plant differs
    from explorer.classroom import contested

    said = " ".join(_printed(contested.below_flat_out, "rainier-mississippi").split())
    tech, lf = contested.default_plant_bound("rainier-mississippi")
    assert f"({lf:.2f} with the default {tech} plant)" in said, said
