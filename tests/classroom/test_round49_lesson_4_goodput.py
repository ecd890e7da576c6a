"""Round 49: lesson 4's goodput "prediction" was a calculation (reader 48-34 D1).

The recipe and all four figures stood above a box headed "Predict first", so a student who
followed the recipe settled "above or below Meta's >90 %?" before any thought. Now the way is
committed in words first (`lessons.GOODPUT_WAY`), with only the interval and Meta's figure; the
recipe follows, and `goodput-16k` is a worked answer whose box opens on that commit.
"""

from __future__ import annotations

import html
import json

import ipywidgets as w
import pytest

from explorer.classroom import lessons, teacher_pack, widgets

from ._run import run_notebook, texts

FOUR = next(teacher_pack.NOTEBOOKS.glob("04-*.ipynb"))


def _cells() -> list[str]:
    return ["".join(c["source"]) for c in json.loads(FOUR.read_text("utf-8"))["cells"]]


def _run_four() -> list[w.Widget]:
    """Lesson 4's code cells run in this process, as Run All does: the widgets each shows."""
    return run_notebook(FOUR)


_texts = texts


def _buttons(x: object) -> list[w.Button]:
    out = [x] if isinstance(x, w.Button) else []
    return out + [f for c in getattr(x, "children", ()) for f in _buttons(c)]


def _fields(x: object) -> list[w.Text]:
    out = [x] if isinstance(x, w.Text) else []
    return out + [f for c in getattr(x, "children", ()) for f in _fields(c)]


def test_the_way_is_committed_before_the_recipe_and_the_goodput_is_worked_out() -> None:
    """The order on the page: Meta's >90 % and the above-or-below commit, then the recipe,
    then the worked box; the commit asks with the interval and Meta's figure only."""
    src = _cells()
    commit = next(i for i, c in enumerate(src) if "commit_way(lessons.GOODPUT_WAY" in c)
    recipe = next(i for i, c in enumerate(src) if "1. the restart:" in c)
    box = next(i for i, c in enumerate(src) if '"goodput-16k",' in c and "answer_box" in c)
    assert commit < recipe < box
    assert "**Predict**" not in src[recipe] and src[recipe].startswith("**Work it out.**")
    assert lessons.EXERCISES["goodput-16k"].worked
    ask = lessons.goodput_ask()
    assert "above or below" in ask and "90 %" in ask and "186 min" in ask
    every = f"{lessons.checkpoint_every():.3g}"
    for recipe_figure in (every, "restart", "checkpoint", "10 min"):  # the recipe's figures
        assert recipe_figure not in ask, ask


def test_the_worked_box_opens_only_on_the_commit(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run All shows no goodput box to type into until above or below is committed; the lock
    says what to do; the commit opens it, headed "Work it out"."""
    monkeypatch.setattr(widgets, "REVEALED", widgets.Revealed())
    roots = _run_four()
    head = "What share of time advances"  # an answer box since reader 49-34

    def boxes() -> list[w.Widget]:
        return [
            r
            for r in roots
            if head in _texts(r) and any(b.description == "Check" for b in _buttons(r))
        ]

    page = "\n".join(_texts(r) for r in roots)
    assert not boxes() and "committed above or below (section 4)" in page
    widgets.REVEALED.mark(lessons.GOODPUT_WAY)
    (box,) = boxes()
    assert "Predict first" not in _texts(box)
    assert any(f.description == "Check" for f in _buttons(box))


def test_a_held_goodput_hides_metas_gpu_hours_on_screen_and_on_paper(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The box inside the lock still holds back its answer's figure in the sources list (the
    reverted attempt printed Meta's 30,840,000 H100-hours on the student handout)."""
    meta = "30,840,000"
    for paper in (False, True):
        monkeypatch.setattr(widgets, "REVEALED", widgets.Revealed())
        monkeypatch.setenv(widgets.STATIC, "1" if paper else "")
        widgets.answer_box("goodput-16k", after=lessons.GOODPUT_AFTER)
        line = widgets.where_from(("models.llama3-405b.gpu_hours", "H100-hours")).value
        # revealed with the goodput, not worked out (reader 49-34)
        assert meta not in line and "______" in line and "shown here" in line, line
        assert "give away a prediction" not in line, line


@pytest.mark.parametrize(
    ("typed", "says", "lacks"),
    [
        ("85", "You answered 85 %", "predicted"),
        ("84.2 %", "Within the tolerance: right", "estimate"),
        ("90", "Not the model's figure: that is Meta's", "fair guess"),
        ("92 %", "Not the model's figure: that is Meta's", "fair guess"),
        ("below 90, about 84", "You answered 84 %", "predicted"),
    ],
)
def test_the_worked_goodput_is_answered_as_an_answer(typed: str, says: str, lacks: str) -> None:
    """A worked answer is "answered", not "predicted"; Meta's figure typed into it is no fair
    guess; the reply to it stays one sentence (reader 48-34 D3)."""
    said = lessons.reveal("goodput-16k", typed).message
    assert says in said and lacks not in said.lower(), said
    if "Meta's" in says:
        assert len(said.split()) < 50 and "The step" not in said, said


def test_the_plan_has_the_way_committed_before_the_recipe(teacher_pages) -> None:
    """The plan's goodput row: commit above or below, count the hands, then the recipe."""
    plan = html.unescape(teacher_pages["lesson-4/plan.html"])
    row = plan[plan.index("Goodput (predict first)") :]
    assert row.index("commit above or below") < row.index("Students add the three losses")
    assert "work out goodput-16k" in row and "commit a prediction for goodput-16k" not in row
    assert "goodput prediction and llama-days" not in plan


def test_lesson_3s_pue_source_shows_the_2025_figure_beside_the_one_used() -> None:
    """D10: AWS's 2025 fleet PUE (1.14, from the catalog) stands beside the 1.15 lesson 3 uses,
    with how little it moves the chip count."""
    (three,) = teacher_pack.NOTEBOOKS.glob("03-*.ipynb")
    (cell,) = [
        "".join(c["source"])
        for c in json.loads(three.read_text("utf-8"))["cells"]
        if "".join(c["source"]).startswith("widgets.where_from(")
    ]
    shown = eval(cell, {"widgets": widgets, "lessons": lessons})  # noqa: S307 (our notebook)
    line = next(li for li in shown.value.split("<li>") if "fleet PUE" in li)
    assert "1.15" in line and "1.14 for 2025" in line and "under 1 %" in line, line
