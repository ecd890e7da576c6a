"""Round 51, lessons 3 and 4: what reader 50-34 found (checker replies, notebook text)."""

import json
import re
from pathlib import Path

import ipywidgets as w
import pytest

from explorer.classroom import lessons
from explorer.classroom.lessons import check

from ._run import run_notebook, texts

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("exercise", "answer", "right"),
    [
        # the question's own words echoed after a right ratio (reader 50-34, defect 2)
        ("gb200-trn2-per-mw", "2.1 per facility MW", True),
        ("gb200-trn2-per-mw", "2.1 per MW", True),
        ("gb200-trn2-per-mw", "2.08 times Trainium2", True),
        ("gb200-trn2-per-mw", "3.8 per MW", False),
        ("gb200-trn2-per-mw", "2.1 per hour", False),
        # a time per year is a rate, not the run's days (defect 3)
        ("llama-days", "11.1 days per year", False),
        ("llama-days", "11.1 d/yr", False),
        ("llama-days", "11.1 days", True),
    ],
)
def test_checker_reads_the_question_words_and_refuses_a_rate(
    exercise: str, answer: str, right: bool
) -> None:
    fb = check(exercise, answer)
    assert fb.right is right, str(fb)
    if exercise == "llama-days" and not right:
        assert "rate" in str(fb)


FOUR = next((ROOT / "notebooks").glob("04-*.ipynb"))
THREE = next((ROOT / "notebooks").glob("03-*.ipynb"))


def _cells(path: Path) -> dict[str, str]:
    return {c["id"]: "".join(c["source"]) for c in json.loads(path.read_text("utf-8"))["cells"]}


def _run_four() -> list[w.Widget]:
    """Lesson 4's code cells run in this process, as Run All does: the widgets each shows."""
    return run_notebook(FOUR)


_texts = texts


def test_lesson_4_closed_cells_each_say_what_they_hold() -> None:
    """Reader 50-34 D5: four identical "This opens once …" lines in a row after section 4."""
    closed = [t.split("\n")[0] for t in (_texts(r) for r in _run_four()) if "Still to do" in t]
    assert len(closed) >= 4, closed
    heads = [line.split(":")[0] for line in closed]
    assert len(set(heads)) == len(heads), heads


def test_lesson_4_slider_pointer_says_where_and_when() -> None:
    """Reader 50-34 D5: "the chips slider above" that a student may not see yet."""
    # reader 52-34: said under the goodput box's recipe, not at the end of a fold
    text = _cells(FOUR)["edbdda3e"]
    assert "slider above" not in text
    assert "sooner or later" in text and "under the box" in text


def test_lesson_3_real_day_matches_the_key() -> None:
    """Reader 50-34 D4: the notebook said "about a quarter", the key "about a fifth"."""
    key = lessons.bf16_day_words()
    bound, share = re.search(r"gets (.+?) of this FP8 day \((.+?) at", key).groups()
    text = " ".join(_cells(THREE)["c3q-day-real"].split())
    assert bound in text and share in text, (bound, share)


def test_found_page_states_more_chips_slower_with_its_caveat_first() -> None:
    """Reader 50-34 D1: the found page stated "more chips can be slower" as a result; the model's
    assumptions (no spare machines, a restart growing on low confidence) come first now."""
    found = re.sub(r"<[^>]+>", "", lessons.training_found())
    line = next(s for s in found.split("\n") + found.split("Compute:") if "slower" in s)
    line = line[line.lower().index("more chips") :].lower()
    first = line.index("half a million")
    assert "in this model" in line[:first] and "no spare machines" in line[:first], line
    assert f"{lessons.restart_growth_confidence()} confidence" in line[:first], line
