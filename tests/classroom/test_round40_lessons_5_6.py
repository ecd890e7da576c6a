"""Reader 40's defects in lessons 5 and 6 (fix round 40): each test failed on main."""

import html
import json
import re

from explorer.classroom import teacher_pack


def _text(page: str) -> str:
    return " ".join(html.unescape(re.sub("<[^>]+>", " ", page)).split())


def test_the_power_split_prompt_points_at_neither_pue():
    """Reader 40, defect 1: the prompt above lesson 5's power-split widget said "compare it with
    the fleet PUE AWS reports", the PUE the cooling verdict rests on, while the cooling station
    leaves which PUE is the claim's own to the debate. The prompt names both of the station's
    PUEs, neither alone."""
    nb = json.loads((teacher_pack.NOTEBOOKS / "05-fact-check.ipynb").read_text("utf-8"))
    cells = nb["cells"]
    at = next(i for i, c in enumerate(cells) if "widgets.power_split(" in "".join(c["source"]))
    prompt = " ".join("".join(cells[at - 1]["source"]).split())
    assert "fleet" not in prompt and "two PUEs" in prompt, prompt


def test_the_capstone_key_holds_what_we_found(teacher_pages):
    """Reader 40, defect 2: the lesson-6 handout says that on paper the teacher's answer key has
    "What we found", and the plan opens it in the debrief; the key held the hook's answer only
    in part and not "Why can more chips make one job slower?" or "How sure is the fastest
    size?"."""
    key = _text(teacher_pages["lesson-6/answers.html"])
    assert "What we found" in key
    for question in (
        "Why can more chips make one job slower?",
        "How sure is the fastest size?",
        "Fastest or least energy?",
    ):
        assert question in key, question
