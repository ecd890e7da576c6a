"""The reveal widgets: a result (and what it opens) appears only after the student has answered,
given up after the worked step, or committed a prediction; an ambiguous prediction is said back
and stays editable until it is committed."""

from __future__ import annotations

import pytest

from explorer.classroom import lessons, widgets


@pytest.fixture(autouse=True)
def fresh(monkeypatch):
    monkeypatch.setattr(widgets, "REVEALED", widgets.Revealed())
    monkeypatch.delenv(widgets.REVEAL, raising=False)
    monkeypatch.delenv("EXPLORER_STATIC", raising=False)


def text_of(box) -> str:
    out, todo = [], [box]
    while todo:
        x = todo.pop()
        out.append(getattr(x, "value", "") if isinstance(getattr(x, "value", ""), str) else "")
        todo.extend(getattr(x, "children", ()) or ())
    return "\n".join(out)


def test_a_bare_share_prediction_is_said_back_and_editable_until_committed():
    box = widgets.predict_reveal("goodput-16k")
    field, button = box.children[1].children
    field.value = "90"
    button.click()
    assert "read as 90 %" in text_of(box) and box.prediction is None and not field.disabled
    field.value = "0.8"  # changed: read at once (no ambiguity), committed
    button.click()
    assert box.prediction == pytest.approx(0.8) and field.disabled
    assert "goodput-16k" in widgets.REVEALED.done


def test_the_answer_and_the_solution_open_only_after_answering_or_giving_up():
    e = lessons.EXERCISES["pue-40"]
    opened = []
    box = widgets.answer_box("pue-40", then=lambda: opened.append(1) or widgets.w.HTML("split"))
    sol = widgets.solution("pue-40", lambda: widgets.w.HTML("worked"))
    field, check, hint, give_up = box.children[1].children
    shown = e.show(e.answer())
    assert give_up.disabled and shown not in text_of(box) and "worked" not in text_of(sol)
    for _ in range(3):
        hint.click()  # nudge, formula, worked step
    assert not give_up.disabled and not opened
    give_up.click()
    assert shown in text_of(box) and opened == [1] and field.disabled
    assert "worked" in text_of(sol) and "Worked solution" in text_of(sol)


def test_a_right_answer_opens_the_reveal():
    box = widgets.answer_box("energy-300mw", then=lambda: widgets.w.HTML("opened"))
    field, check, _, _ = box.children[1].children
    field.value = "about 2.6 TWh"
    check.click()
    assert "Right" in text_of(box) and "opened" in text_of(box)


def test_the_teachers_rendering_opens_every_reveal(monkeypatch):
    monkeypatch.setenv(widgets.REVEAL, "1")
    e = lessons.EXERCISES["jackson-annual-pue"]
    box = widgets.predict_reveal("jackson-annual-pue", then=lambda: widgets.w.HTML("chart"))
    assert e.show(e.answer()) in text_of(box) and "chart" in text_of(box)
    vote = widgets.verdict_vote()
    assert "You agree with the explorer on 8 of 8 claims" in text_of(vote)


def test_a_way_alone_is_a_prediction_and_opens_the_result():
    # reader 20: "above" for contested-power-p5 ("below, at or above?") was refused as no number
    box = widgets.predict_reveal("contested-power-p5", then=lambda: widgets.w.HTML("ranges"))
    field, button = box.children[1].children
    field.value = "above"
    button.click()
    assert field.disabled and "contested-power-p5" in widgets.REVEALED.done
    assert "above 300 MW" in text_of(box) and "The right way" in text_of(box)
    assert "ranges" in text_of(box)


def test_on_paper_a_gated_answer_box_prints_its_question_below_a_fold(monkeypatch):
    # reader 19: the handout printed only "This opens once…" where lesson 7's gated exercises are
    monkeypatch.setenv("EXPLORER_STATIC", "1")
    e = lessons.EXERCISES["smoothing-energy"]
    box = widgets.solution(
        "jackson-annual-pue",
        lambda: widgets.answer_box("smoothing-energy"),
        step=False,
        until="made your annual-PUE prediction in step 1",
        asks="smoothing-energy",
    )
    page = box._repr_mimebundle_()["text/html"]
    assert "Fold the page here" in page and "made your annual-PUE prediction" in page
    assert widgets.html.escape(e.question) in page and "Your answer (MWh)" in page
    assert widgets.html.escape(e.show(e.answer())) not in page


def test_every_gated_answer_box_names_the_exercise_it_asks():
    # a solution cell that opens an answer box says which (`asks`), so paper prints its question
    import json
    import re

    from explorer.classroom import teacher_pack

    for path in sorted(teacher_pack.NOTEBOOKS.glob("*.ipynb")):
        for cell in json.loads(path.read_text())["cells"]:
            src = "".join(cell["source"])
            if cell["cell_type"] != "code" or "widgets.solution(" not in src:
                continue
            # a box inside a solution's lock (`answer_box(..., after=…)` names it itself)
            for eid in re.findall(r'widgets\.solution\(.*?answer_box\(\s*"([\w-]+)"', src, re.S):
                assert f'asks="{eid}"' in src, (path.name, src)


def test_the_teachers_paper_edition_opens_what_waits_for_a_way(monkeypatch):
    # reader 33, defect 1: in the printed teacher's edition lesson 4's three closing reveals
    # stayed locked: `commit_way` printed its paper form and returned before marking its key
    monkeypatch.setenv("EXPLORER_STATIC", "1")
    monkeypatch.setenv(widgets.REVEAL, "1")
    widgets.answer_box("llama-days")  # the lesson's earlier cells, as the edition renders them
    widgets.commit_way(lessons.MORE_CHIPS_WAY, ("sooner", "later"), "Sooner or later?")
    widgets.predict_reveal("goodput-16k")
    assert lessons.MORE_CHIPS_WAY in widgets.REVEALED.done
    box = widgets.solution(
        "goodput-16k",
        lambda: widgets.w.HTML("the growing-vs-fixed table"),
        also=("llama-days", lessons.MORE_CHIPS_WAY),
        step=False,
        until="committed sooner or later",
    )
    page = box._repr_mimebundle_()["text/html"]
    assert "the growing-vs-fixed table" in page and "This opens once" not in page, page
    # the student's paper edition still circles, and opens nothing
    monkeypatch.delenv(widgets.REVEAL)
    monkeypatch.setattr(widgets, "REVEALED", widgets.Revealed())
    page = widgets.commit_way("k", ("sooner", "later"), "Sooner?")._repr_mimebundle_()
    assert "circle one" in page["text/html"] and "k" not in widgets.REVEALED.done
