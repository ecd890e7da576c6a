"""Round 48, lessons 3 and 4: what an independent reader found (reader 48-34)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from explorer.classroom import lessons, widgets
from explorer.classroom.teacher_pack.plans import PLANS

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"


def _cells(stem: str) -> list[str]:
    nb = json.loads(next(NOTEBOOKS.glob(f"{stem}-*.ipynb")).read_text())
    return ["".join(c["source"]) for c in nb["cells"]]


def test_goodput_fold_points_to_nothing_still_shut() -> None:
    """D2: the goodput question's fold answers "why goodput" only; the gap to Meta's >90 % is
    printed in "back to the hook"'s "More detail", where the losses it rests on are."""
    fold = next(s for s in _cells("04") if 'talk about "goodput"' in s)
    for shut in ("More detail", "hook's table"):
        assert shut not in fold
    assert lessons.gap_words() in lessons.back_to_the_hook(204_866)


@pytest.mark.parametrize("typed", ["90", "0.9", "90 %", "89.9 %"])
def test_a_guess_of_metas_90_gets_a_short_reply(typed: str) -> None:
    """D3: the likeliest prediction's reply is the two numbers and one sentence: no step, no
    Daly remark (both stay in the Hint's worked step and the Advanced part)."""
    said = lessons.reveal("goodput-16k", typed).message
    assert "85.3 %" in said and "Daly" not in said and "The step" not in said, said
    assert len(said.split()) < 50, said  # it was about 130
    assert "Daly" not in lessons.check("goodput-16k", typed).message


def test_a_held_sources_line_names_its_exercise_by_the_questions_first_sentence() -> None:
    """D6: "once you have committed “…”" quoted the whole goodput question (some 60 words)."""
    widgets.REVEALED.ask("goodput-16k")
    widgets.predict_reveal("goodput-16k")  # on the page, not committed
    line = widgets.where_from(("models.llama3-405b.gpu_hours", "the H100-hours")).value
    assert "What share of time advances training for a 16,384-chip job?”" in line, line
    assert "publishes neither" not in line and "checkpoint" not in line, line


@pytest.mark.parametrize(
    "typed",
    ["3.8 x 10 to the 25", "3.8 times 10 to the power of 25", "3.79 × 10 to the 25th"],
)
def test_a_power_of_ten_in_words_reads(typed: str) -> None:
    """D9: "3.8 x 10 to the 25" was told "I cannot read the unit 'to the 25'"."""
    assert lessons.check("llama-compute", typed).right


def test_words_left_after_a_number_with_a_figure_are_no_unit() -> None:
    """D9: what no unit holds, with a figure or "to the" in it, asks for powers of ten."""
    said = lessons.check("llama-compute", "3.8e25 to the 2").message
    assert "unit" not in said.split(";")[0] and "3.8e25" in said, said


def test_lesson_3_found_gives_the_hooks_two_factors() -> None:
    """D7: "your answer to the chip count says by how much": its reply gives no factor."""
    n = lessons.EXERCISES["trn2-chips-300mw"].answer()
    found = lessons.chips_found()
    first = found.split("</li>")[0]
    for factor in (n / 100_000, 1_000_000 / n):
        assert f"≈ {factor:.1f}" in first, first
    assert "says by how much" not in first


def test_lesson_3s_bf16_day_bound_follows_from_its_reasons() -> None:
    """D8: "half this FP8 peak, so under a quarter": the half is 0.51 of FP8 (667/1,299), so
    at Meta's top MFU the day's share is about a quarter or less, not strictly under it."""
    said = " ".join(" ".join(_cells("03")).split())
    assert (
        "so it gets about a fifth of this day at lesson 4's MFU, "
        "and under a quarter even at Meta's best" in said
    )  # reader 50-34 D4: the key's fifth


def test_lesson_4_plan_counts_the_sooner_or_later_hands_and_trims_the_last_ten() -> None:
    """D5, D4: the plan's vote is the one just committed; Meta's GPU-hours leave the last ten
    minutes for Advanced or homework."""
    rows = {title: text for _, title, text in PLANS[4].segments}
    section3 = rows["How big a job a site allows (section 3)"]
    assert "Count the hands for sooner and for later now; goodput comes in the next" in section3
    assert "before anyone commits goodput-16k" not in section3
    assert "are for Advanced or homework" in rows["Back to the hook; more chips slower"]


def test_the_measured_h100_speeds_say_how_they_were_measured() -> None:
    """D11: the sources list says the measurement's method (sizes, BF16, the 700 W cap)."""
    sources = next(s for s in _cells("04") if "widgets.where_from(" in s)
    assert '"measurements.h100-matmul.bf16_best",\n' in sources.split("notes=")[1]
    assert '"measurements.h100-matmul.bf16_sustained",\n' in sources.split("notes=")[1]
    from explorer import catalog

    note = catalog.entry("measurements.h100-matmul.bf16_best").note
    assert "Method" in note and "700 W" in note and "BF16" in note


def test_the_day_flop_first_hint_says_speed_and_amount_plainly() -> None:
    """Earlier rounds: the first hint for a far-off day's FLOP says that FLOP/s is a speed and
    a day's FLOP an amount."""
    said = lessons.check("ultraserver-day-flop", "7e30").message
    assert "FLOP/s is a speed and a day's FLOP is an amount" in said, said


def test_readme_states_lesson_3s_objectives_as_the_notebook_does() -> None:
    """Earlier rounds: notebooks/README.md's lesson 3 row said the objectives its own way."""
    row = next(
        line
        for line in (NOTEBOOKS / "README.md").read_text().splitlines()
        if line.startswith("| 3 |")
    )
    for said in ("server overhead and the site's cooling share", "FLOP (an amount)", "(a speed)"):
        assert said in row, row
