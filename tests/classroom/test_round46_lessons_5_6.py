"""Reader 46's defects in lessons 5 and 6 (fix round 46): each test failed on main."""

import json
import re

from explorer.classroom import factcheck, lessons, teacher_pack
from explorer.classroom.teacher_pack import fact_check, walkthroughs


def _cells(name: str) -> list[str]:
    nb = json.loads((teacher_pack.NOTEBOOKS / name).read_text(encoding="utf-8"))
    return ["".join(c["source"]) for c in nb["cells"]]


def _names() -> set[str]:
    """The words that name a class claim's subject: the capitalised words inside its text."""
    out = set()
    for c in factcheck.class_claims():
        words = re.findall(r"[A-Za-z][\w-]*", c.claim)[1:]
        out |= {w for w in words if w[0].isupper()}
    return out


def test_scoring_table_names_no_claim():
    """D1: the scoring table, read aloud before the vote, said "for a figure only reported (the
    Indiana campus)": the Indiana claim's verdict. Neither the notebook's table, the pack's
    rules box (plan and worksheet) nor the teacher's guide names any claim's subject."""
    table = walkthroughs.passage(5, "| the explorer's verdict |")
    rules = fact_check.game_rules()
    guide = teacher_pack.fact_check_guide()
    guide_rules = guide[guide.index("| the explorer's verdict |") :].split("\n\n")[0]
    names = _names()
    assert "Indiana" in names and "UltraServer" in names
    for text in (table, rules, guide_rules):
        said = {n for n in names if re.search(rf"\b{re.escape(n)}\b", text)}
        assert not said, (said, text)
    assert "a report independent of the article" in table


def test_cooling_station_names_both_pues_and_points_at_no_rank():
    """D2: the station's note and its check told the class to "apply the verdict rule's ranks
    (whose figure comes first)", and the rank table's "never: an average over others" then
    settled the vote. The note names both PUEs with their owners and asks which one is this
    site's, pointing at no rank; the check of either PUE says the same."""
    note = factcheck.station_note("ms-cooling")
    for typed in ("10", "10 %", "33", "32.9 %"):
        said = lessons.check_station("ms-cooling", typed)
        assert said.right, (typed, said.message)
        for text in (note, said.message):
            low = text.lower()
            assert "rank" not in low and "whose figure" not in low, text
            assert "comes first" not in low and "verdict rule" not in low, text
    assert "AWS" in note and "Uptime" in note and "?" in note, note


def test_job_share_checks_the_offered_choice_as_right():
    """D3: the question offers three sizes (100 %, 50 %, 10 %) and the goodputs only rank them,
    yet `check` told "50" / "half" "Right as a guess; as a worked answer, not yet (work it out
    from the goodputs)": a number the lesson never gives. The offered choice is right, with the
    explorer's 44.8 % said after it; 100 % and 10 % stay wrong."""
    for typed in ("50", "50 %", "half", "1/2", "about half", "40", "45"):
        fb = lessons.check("capstone-job-share", typed)
        assert fb.right, (typed, fb.message)
        assert "as a guess" not in fb.message and "not yet" not in fb.message.lower()
        assert "44.8 %" in fb.message, (typed, fb.message)
    for typed in ("100", "10", "all"):
        assert not lessons.check("capstone-job-share", typed).right, typed


def test_step_4_says_a_share_of_training_time_not_a_training_time():
    """D8: cell 17 said step 4's check shows the size "beside the training time Meta measured",
    but the check prints a share ("over 90 % effective training time on 16,384 GPUs")."""
    (cell,) = [c for c in _cells("06-capstone.ipynb") if c.startswith("*Your answer,* in the box")]
    assert "beside the training time" not in cell
    assert "share of its time" in cell, cell
