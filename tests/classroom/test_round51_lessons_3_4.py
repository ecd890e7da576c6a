"""Round 51, lessons 3 and 4: what reader 50-34 found (checker replies, notebook text)."""

import json
from pathlib import Path

import pytest

from explorer.classroom.lessons import check

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
