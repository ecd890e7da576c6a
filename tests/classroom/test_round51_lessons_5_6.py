"""Round 51: an independent reader's defects in lessons 5 and 6 (reader 50)."""

import json
import re
from pathlib import Path

import pytest

from explorer.classroom import factcheck, lessons
from explorer.classroom.lessons import capstone

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("answer", ["50%", "half", "about half", "1/2", "40 %", "45 %"])
def test_check_and_reveal_agree_on_the_job_share_reader50_d3(answer):
    """D3: `check` said "not yet" to 50 % while the notebook's reveal said "Right"."""
    checked = lessons.check("capstone-job-share", answer)
    revealed = lessons.reveal("capstone-job-share", answer).message
    assert checked.right, checked.message
    assert "not yet" not in checked.message.lower(), checked.message
    assert "right" in revealed.lower(), revealed


@pytest.mark.parametrize("answer", ["10 %", "100 %", "every chip"])
def test_job_share_wrong_guesses_stay_wrong_reader50_d3(answer):
    assert not lessons.check("capstone-job-share", answer).right


def test_what_we_found_does_not_presume_the_guess_reader50_d7():
    """D7: "as you guessed" told a student who guessed "a year" that they guessed right."""
    found = re.sub("<[^>]+>", "", capstone.capstone_found())
    assert "as you guessed" not in found, found[:300]
    assert "your guess" in found, found[:300]


def _whose_figure() -> str:
    nb = json.loads((ROOT / "notebooks/05-fact-check.ipynb").read_text())
    # round 53: "Whose figure?" is "The best source"; the rule's questions are in the cell above
    cells = ["".join(c["source"]) for c in nb["cells"]]
    at = next(i for i, c in enumerate(cells) if c.startswith("**The best source**"))
    return " ".join((cells[at - 1] + " " + cells[at]).split())


def test_rank_rule_agrees_with_the_verdicts_reader50_d1():
    """D1: read literally, "a figure from rank 2 or 3 fills a gap: name it as the assumption"
    made the Indiana claim (a rank-2 report giving the same figure) reproduced under an
    assumption, and said nothing of the city claim's rank-3 figure making it contested."""
    rule = _whose_figure()
    verdicts = {c.id: c.verdict() for c in factcheck.claims()}
    assert verdicts["in-power"] == factcheck.REPRODUCED
    assert verdicts["ms-city"] == factcheck.CONTESTED
    # round 53: the best source (a second choice: Indiana's report) giving the claim's number
    # reproduces it; a gap filled and the claim not out is contested (city)
    assert "Does the best source give the claim's number, within rounding? | **reproduced**" in rule
    assert "Second: an independent test or report of the same thing" in rule, rule
    assert "Does the best source disagree, or does no source support it? | **contested**" in rule
    key = re.sub("<[^>]+>", "", factcheck.after_reveal())
    indiana = key.split("The Indiana row.")[1].split("What we found")[0]
    assert "second choice" in indiana, indiana


def test_memory_key_says_the_two_figure_tb_the_checker_takes_reader50_d6():
    """D6: the station took "1.6 TB" (1,649 GB to two figures) while the key's range,
    1,529 to 1,543 GiB, would make a teacher on paper refuse it."""
    from explorer.classroom.lessons import stations

    assert lessons.check_station("trn2-hbm", "1.6 TB").right
    key = stations.station_accepted("trn2-hbm")
    assert "1.6 TB" in key, key


@pytest.mark.parametrize(
    ("answer", "right", "words"),
    [
        ("41 PF sparse, 2x dense", True, "station's computation"),
        ("2x dense", False, "looks like a ratio"),
        ("four times dense", False, "looks like a ratio"),
        ("41 PF, twice the dense", True, "station's computation"),
        ("2x dense: 41.6", False, "factor you assumed"),
    ],
)
def test_sparse_station_reads_the_ratio_its_question_asks_reader50_d5(answer, right, words):
    """D5: the station's question 3 (how many times the dense figure) typed as "2x dense" got
    "I cannot read the unit 'x'", and "41 PF sparse, 2x dense" "you gave 2 numbers"."""
    fb = lessons.check_station("trn2-sparse", answer)
    assert fb.right == right and words in fb.message, fb.message
