"""Reader 42-34's defects in lessons 3 and 4 (fix round 42): each test failed on main."""

import html
import re

import nbformat

from explorer.classroom import teacher_pack
from explorer.classroom.teacher_pack.figures import NOTEBOOKS


def _text(page: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def _questions(stem: str) -> list[str]:
    nb = nbformat.read(NOTEBOOKS / f"{stem}.ipynb", as_version=4)
    return [c.source for c in nb.cells if c.cell_type == "markdown" and "**Question.**" in c.source]


def test_lesson_4s_plan_gives_the_goodput_why_question_a_slot(teacher_pages):
    """Reader 42-34, defect 1: notebook 04 (and its worksheet) asks why AWS's engineers talk
    about goodput rather than peak FLOPS; the 50-minute plan never scheduled it."""
    (asked,) = [
        q for q in _questions("04-from-flops-to-a-trained-model") if "rather than peak" in q
    ]
    assert "goodput" in asked
    plan = _text(teacher_pages["lesson-4/plan.html"])
    table = plan[
        plan.index("what the teacher says and does") : plan.index("Where students stumble")
    ]
    assert re.search(r"goodput.{0,40}rather than peak FLOPS", table), table


def test_lesson_3s_torus_is_one_description_not_two():
    """Reader 42-34, defect 3: "AWS's own description says only that the chips at the same
    position ... are joined in a ring; SemiAnalysis describes the whole as a 4×4×4 ... torus, and
    this lesson takes that description" read as a choice between sources; a 4×4 torus in each
    instance plus a ring of four across the instances is the 4×4×4 torus."""
    nb = nbformat.read(NOTEBOOKS / "03-from-chips-to-flops.ipynb", as_version=4)
    (systems,) = [c.source for c in nb.cells if c.source.startswith("## Instance → UltraServer")]
    body = systems.split("**Question.**")[0]
    for hedge in ("says only", "takes that description", "this lesson takes"):
        assert hedge not in body, hedge
    assert "ring of four" in body and "4×4×4" in body
    question = systems.split("**Question.**")[1].split("<details")[0]
    assert "as SemiAnalysis describes" not in question
