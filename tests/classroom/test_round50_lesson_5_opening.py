"""Lesson 5's opening (fix round 50): readers 48 and 49 scored its clarity 2 because two rule
tables stood before the hook. The hook now comes first and each table where it is used."""

import html
import json
import re

import pytest

from explorer.classroom import teacher_pack

NOTEBOOK = "05-fact-check.ipynb"
# markdown words before the first station on main before this round (cells 0, 1, 2, 4, 6)
WORDS_BEFORE_FIRST_STATION_ON_MAIN = 1221


def _cells() -> list[tuple[str, str]]:
    nb = json.loads((teacher_pack.NOTEBOOKS / NOTEBOOK).read_text(encoding="utf-8"))
    return [(c["cell_type"], "".join(c["source"])) for c in nb["cells"]]


def _first_station() -> int:
    return next(i for i, (kind, s) in enumerate(_cells()) if "widgets.station(" in s)


def _plain(text: str) -> str:
    return " ".join(html.unescape(re.sub("<[^>]+>", " ", text)).split())


def test_the_hook_is_the_first_thing_a_student_reads():
    """The title cell holds the title and the overview only; the hook's eight claims follow it,
    with no table above them."""
    cells = _cells()
    assert cells[1][1].startswith("## Hook"), cells[1][1][:80]
    title = cells[0][1]
    assert "|---" not in title and len(title.split()) <= 60, title


def test_the_words_before_the_first_station_are_at_most_half_of_mains():
    """Readers 48 and 49: about 1,220 words before the first action; now at most half."""
    cells = _cells()
    words = sum(len(s.split()) for kind, s in cells[: _first_station()] if kind == "markdown")
    assert words <= WORDS_BEFORE_FIRST_STATION_ON_MAIN / 2, words


@pytest.mark.parametrize(
    "start",
    [
        "| # |",  # the verdict rule's four questions (round 53)
        "**The best source**",  # the ranks (round 53: was "Whose figure?")
        "**A gap**",  # round 53: was "A gap, or a different claim?" (reader 51 D1)
        "**Argue in role",  # the group's verdict, agreed when the cases are made
    ],
)
def test_each_rule_comes_after_the_stations_and_before_the_vote(start):
    """The rule tables are read where they are used: after the stations, in a "Before you vote"
    cell (or the cells right after it), above the ballot; none of them before the first station."""
    cells = _cells()
    (at,) = [i for i, (kind, s) in enumerate(cells) if kind == "markdown" and start in s]
    before = next(i for i, (kind, s) in enumerate(cells) if s.startswith("## Before you vote"))
    ballot = next(i for i, (kind, s) in enumerate(cells) if "widgets.verdict_vote(" in s)
    last_station = max(i for i, (kind, s) in enumerate(cells) if "widgets.station(" in s)
    assert last_station < before <= at < ballot, (start, last_station, before, at, ballot)


def test_the_opening_still_says_the_three_verdicts_and_where_the_rule_is():
    """The one-line rule stays before the stations, and says where the full rule is."""
    cells = _cells()
    head = " ".join(" ".join(s for _, s in cells[: _first_station()]).split())
    for verdict in ("*Reproduced*", "*Reproduced under an assumption*", "*Contested*"):
        assert verdict in head, verdict
    assert "under “Before you vote”" in head, head[:1500]


@pytest.mark.parametrize(
    "needle",
    ["The verdict rule", "The best source", "a town of N people", "A full tank lasts 600 km"],
)
def test_the_worksheet_still_prints_the_rule(teacher_pages, needle):
    """The worksheet prints the notebook's own tables, wherever the notebook holds them."""
    sheet = _plain(teacher_pages["lesson-5/worksheet.html"])
    assert needle in sheet


def test_the_plan_says_where_the_rule_is_on_screen(teacher_pages):
    """The plan's "read the verdict rule aloud" points to the cell that now holds it."""
    plan = _plain(teacher_pages["lesson-5/plan.html"])
    assert "“Before you vote”" in plan and "verdict table at the top" not in plan, plan[:3000]


def test_the_contested_test_reads_in_short_sentences():
    """Reader 49, defect 5: "Reading its words as something else (“a tank” as “a tank and a
    spare can”) makes a different claim; a different claim gets no verdict." was read twice.
    Each sentence of the contested row's test now says one thing, with no aside in brackets."""
    cells = _cells()
    (rule,) = [s for _, s in cells if s.startswith("## Before you vote")]
    # round 53: each of the rule's four questions is one short sentence, with no aside
    rows = [line for line in rule.splitlines() if re.match(r"\| [1-4] \|", line)]
    questions = [row.split("|")[2].strip() for row in rows]
    assert len(questions) == 4
    assert all(len(q.split()) <= 17 and "(" not in q for q in questions), questions
    # said in its own paragraph under the table: what a gap is, and that a swapped word is not
    gap = " ".join(rule[rule.index("**A gap**") :].split())
    assert "A word swapped for another is not a gap" in gap
    assert "it makes a different claim" in rows[0]
