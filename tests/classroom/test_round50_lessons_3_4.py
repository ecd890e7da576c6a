"""Round 50: what reader 49 found in lessons 3 and 4.

D1: lesson 4's goodput "Work it out" box revealed 85.3 % and the worked step after one press of
any number. It is now an answer box (Check, Hint, "Show the answer") that opens on the
above-or-below commit. D2-D10: the plan's reason, the sources' label for a revealed figure, the
"which finishes first" question, the locks' "Still to do", lesson 3's 1.9 reply and wording,
small checker replies; and lesson 4's cell count.
"""

from __future__ import annotations

import html
import json

import ipywidgets as w
import pytest

from explorer.classroom import lessons, teacher_pack, widgets

from ._run import run_notebook, texts

FOUR = next(teacher_pack.NOTEBOOKS.glob("04-*.ipynb"))
THREE = next(teacher_pack.NOTEBOOKS.glob("03-*.ipynb"))


def _cells(path=FOUR) -> list[str]:
    return ["".join(c["source"]) for c in json.loads(path.read_text("utf-8"))["cells"]]


def _run_four() -> list[w.Widget]:
    """Lesson 4's code cells run in this process, as Run All does: the widgets each shows."""
    return run_notebook(FOUR)


_texts = texts


def _all(x: object, kind: type) -> list:
    out = [x] if isinstance(x, kind) else []
    return out + [f for c in getattr(x, "children", ()) for f in _all(c, kind)]


@pytest.mark.parametrize("typed", ["about 2", "50%", "3.8", "15%", "90"])
def test_the_goodput_box_gives_hints_not_the_answer_on_a_wrong_try(
    typed: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """D1: after the commit, any wrong number pressed once shows no 85.3 % and no worked step;
    the box has Hint and "Show the answer", and a right answer or giving up opens it."""
    monkeypatch.setattr(widgets, "REVEALED", widgets.Revealed())
    roots = _run_four()
    widgets.REVEALED.mark(lessons.GOODPUT_WAY)
    (box,) = [
        r
        for r in roots
        if "what share of time advances" in _texts(r).lower()
        and any(b.description == "Check" for b in _all(r, w.Button))
    ]
    buttons = {b.description: b for b in _all(box, w.Button)}
    assert {"Check", "Hint", "Show the answer"} <= set(buttons), set(buttons)
    field = next(f for f in _all(box, w.Text) if not f.disabled)
    field.value = typed
    buttons["Check"].click()
    shown = _texts(box)
    answer = lessons.EXERCISES["goodput-16k"].show(lessons.EXERCISES["goodput-16k"].answer())
    assert answer not in shown and "The step" not in shown, shown
    assert "goodput-16k" not in widgets.REVEALED.done
    field.value = answer
    buttons["Check"].click()
    assert "goodput-16k" in widgets.REVEALED.done


def test_the_plans_goodput_reason_argues_for_below(teacher_pages) -> None:
    """D2: a longer restart and checkpoint make the model's goodput lower, not higher."""
    plan = html.unescape(teacher_pages["lesson-4/plan.html"])
    assert "Above is a fair prediction" not in plan
    row = plan[plan.index("Goodput (predict first)") :]
    assert "Either way is a fair prediction" in row and "comes out below" in row


def test_a_revealed_figure_is_not_one_the_student_works_out(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """D3: Meta's H100-hours are revealed, not worked out: the sources say so, on screen and
    on paper, and still hold the figure back."""
    for paper in (False, True):
        monkeypatch.setattr(widgets, "REVEALED", widgets.Revealed())
        monkeypatch.setenv(widgets.STATIC, "1" if paper else "")
        widgets.answer_box("goodput-16k", after=lessons.GOODPUT_AFTER)
        line = widgets.where_from(("models.llama3-405b.gpu_hours", "H100-hours")).value
        assert "30,840,000" not in line and "______" in line, line
        assert "work this out" not in line and "work it out" not in line, line
        assert "shown here" in line, line


def test_the_which_finishes_first_question_asks_one_thing() -> None:
    """D4: the same job finishes first both ways: the question no longer implies a switch."""
    (q,) = [c for c in _cells() if c.startswith("**Question.**") and "finishes first" in c]
    assert "and which with a fixed" not in q
    # (reader 51-34 D13: "Does the same job finish first with … and with …" read twice)
    assert "Is the faster job the same with the restart growing" in " ".join(q.split())


def test_every_lock_after_the_hook_says_what_is_still_to_do(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """D5: the locks below "Back to the hook" list what is missing, not only "what … above
    asks"."""
    monkeypatch.setattr(widgets, "REVEALED", widgets.Revealed())
    page = "\n".join(_texts(r) for r in _run_four())
    assert "done what “Back to the hook" not in page, page
    assert page.count("Still to do") >= 4, page


@pytest.mark.parametrize(
    ("exercise", "typed", "says", "lacks"),
    [
        ("gb200-trn2-per-mw", "1.9", "1,200 W × 1.39", ""),
        ("llama-compute", "3.79 x 10 25", "3.79e25", "calculation"),
        ("llama-days", "about 2 weeks", "", "801"),
    ],
)
def test_small_checker_replies_say_what_went_wrong(
    exercise: str, typed: str, says: str, lacks: str
) -> None:
    """D6, D10: 1.9 gets a pointer it can use (1.53 is not in the lesson before the reveal); a
    power of ten without its "^" is no calculation; a guess in weeks ("about") hears no hint
    about measured speeds."""
    said = lessons.check(exercise, typed, 1).message
    assert says in said, said
    if lacks:
        assert lacks not in said, said


def test_metas_90_typed_in_the_goodput_box_is_called_metas_figure() -> None:
    """D10: "Not the worked answer" read oddly; it is Meta's figure, not the model's."""
    said = lessons.reveal("goodput-16k", "90").message
    assert "Not the worked answer" not in said
    assert "Not the model's figure: that is Meta's" in said, said


def test_a_commit_without_a_reason_has_no_stray_space() -> None:
    """D10: "Committed: above . The cells …" (not reproduced: pinned)."""
    box = widgets.commit_way("round50-way", ("above", "below"), "above or below?")
    next(b for b in _all(box, w.Button)).click()
    assert " ." not in _texts(box), _texts(box)


def test_lesson_3_names_the_three_figures_plainly() -> None:
    """D8: "(named here not in the figures' order)" read twice."""
    text = "\n".join(_cells(THREE))
    assert "named here not in the figures' order" not in text
    assert "not in the same order as the three figures" in text


def test_lesson_4_has_fewer_cells() -> None:
    """Lesson 4's clarity (reader 49: 34 cells, 2/4): it is shorter."""
    assert len(_cells()) <= 34, len(_cells())  # 36 on main


def test_the_worksheets_goodput_figures_are_below_a_fold(teacher_pages) -> None:
    """D9: the worksheet printed the checkpoint interval, 1 min and 10 min at the top of the
    page, so the goodput could be worked out before circling above or below."""
    sheet = html.unescape(teacher_pages["lesson-4/worksheet.html"])
    # (reader 51-34 D6: the fold stands under the above-or-below circle, above the goodput box)
    fold = sheet.find("circled above or below")
    for row in ("saves a checkpoint about every", "a checkpoint stalls training", "restart takes,"):
        assert 0 <= fold < sheet.index(row), row
    assert sheet.index("H100s in the hook's run") < fold


def test_lesson_3s_sparse_column_is_the_specs_not_a_headline() -> None:
    """D7: the UltraServer's bracketed 164 is the Neuron docs' per-chip sparse × 64, not AWS's
    headline sparse figure: the column no longer calls it the headline."""
    text = "\n".join(_cells(THREE))
    assert "sparse headline" not in text
    assert "same spec's sparse figure" in text and "lesson 5" in text


def test_lesson_4_says_homework_asks_the_answers_again() -> None:
    """D11: a notebook reopened at home asks its gated answers again: the notebook says so
    where "What we found" is, not only the plan."""
    (found,) = [c for c in _cells() if c.startswith("## What we found")]
    assert "At home" in found and "again" in found
