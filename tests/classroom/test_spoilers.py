"""Spoiler-proof by construction: with every walkthrough run top to bottom (Run All, Voila's first
render, the handout: the same kernel run, widgets as their visible state) no exercise's answer is
anywhere on the page outside a reveal, and lesson 5 shows no verdict before the vote.

A reveal is a collapsed ``<details>`` block or a reveal widget that only opens on a click; so the
answer may not appear in any output, in any markdown outside ``<details>``, nor in the handout's
HTML outside ``<details>``. The teacher's rendering (every reveal open) shows that the reveals do
hold the answers, so the check can fail."""

from __future__ import annotations

import html
import re

import pytest

from explorer import fmt
from explorer.classroom import factcheck, handouts, lessons

EXERCISE_CALL = re.compile(r'widgets\.(?:answer_box|predict_reveal)\(\s*"([\w-]+)"')
DETAILS = re.compile(r"<details>.*?</details>|<style.*?</style>|<script.*?</script>", re.S)
VERDICTS = (factcheck.REPRODUCED, factcheck.ASSUMED, factcheck.CONTESTED)


def forms(eid: str) -> list[re.Pattern]:
    """The answer as the lessons print it: plain, to 3 and 4 significant figures, with its unit
    and as a percentage for a share."""
    e = lessons.EXERCISES[eid]
    x = e.answer()
    shown = {fmt.number(x), fmt.number(x, 3), fmt.number(x, 4), e.show(x)}
    if e.unit == "share":
        shown |= {fmt.percent(x), fmt.percent(x).replace(" ", ""), fmt.percent(x, 2)}
    elif e.unit not in ("1", "people", "chips", "households"):
        shown.add(fmt.quantity(x, e.unit))
    shown = {s for s in shown if len(s.strip("0.,% ")) >= 2}  # "10 %", "1.18": not "1"
    return [re.compile(rf"(?<![\d.,]){re.escape(s)}(?![\d])") for s in shown]


def on_the_page(nb) -> str:
    """What a student sees of an executed notebook before any click: markdown outside
    <details>, and every output (stream, text, HTML)."""
    seen = []
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            seen.append(DETAILS.sub("", cell.source))
            continue
        for out in cell.get("outputs", []):
            if out.get("output_type") == "stream":
                seen.append(out.get("text", ""))
            data = out.get("data", {})
            seen.append(data.get("text/html", "") + "\n" + data.get("text/plain", ""))
    return "\n".join(seen)


def exercises_in(nb) -> list[str]:
    return [
        eid for c in nb.cells if c.cell_type == "code" for eid in EXERCISE_CALL.findall(c.source)
    ]


def test_no_answer_is_on_any_page_outside_its_reveal(student_run, student_pages):
    asked = 0
    for path, nb in student_run:
        page = on_the_page(nb)
        handout = DETAILS.sub("", student_pages[path.stem])
        for eid in exercises_in(nb):
            asked += 1
            for pattern in forms(eid):
                assert not pattern.search(page), (path.stem, eid, pattern.pattern)
                assert not pattern.search(handout), (path.stem, eid, pattern.pattern, "handout")
        errors = [o for c in nb.cells for o in c.get("outputs", []) if o.output_type == "error"]
        assert not errors, (path.stem, errors)
        assert (
            "VBox(" not in student_pages[path.stem] and "Accordion(" not in student_pages[path.stem]
        )
    assert asked == len(lessons.EXERCISES)


def test_lesson_5_shows_no_verdict_before_the_vote(student_run):
    (nb,) = [nb for path, nb in student_run if path.stem.startswith("05")]
    outputs = "\n".join(
        str(o.get("text", "")) + str(o.get("data", {}))
        for c in nb.cells
        for o in c.get("outputs", [])
    )  # the markdown names the three verdicts as words to learn; no output may give one
    for verdict in (factcheck.ASSUMED, factcheck.CONTESTED, "✓", "You agree with the explorer"):
        assert verdict not in outputs, verdict
    for c in factcheck.class_claims():
        for text in filter(None, (c.disagrees, c.assumption)):
            assert html.escape(text[:40]) not in outputs and text[:40] not in outputs, c.id


def test_the_same_check_fails_on_a_page_that_shows_an_answer():
    e = lessons.EXERCISES["jackson-annual-pue"]
    page = f"annual PUE: {fmt.number(e.answer(), 4)}"  # NB7's old cell 8
    assert any(p.search(page) for p in forms("jackson-annual-pue"))


@pytest.mark.slow
def test_the_teachers_rendering_opens_every_reveal_with_figures(tmp_path):
    run = handouts.execute(reveal=True)
    for path, nb in run:
        page = handouts.to_html(nb)
        for eid in exercises_in(nb):
            e = lessons.EXERCISES[eid]
            assert e.show(e.answer()) in page.replace("&#x27;", "'"), (path.stem, eid)
        if path.stem.startswith(("07", "08")):
            assert "<svg" in page, path.stem  # the month chart and the tornado, as images
        if path.stem.startswith("05"):
            assert factcheck.CONTESTED in page
