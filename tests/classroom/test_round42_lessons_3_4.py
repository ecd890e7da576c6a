"""Reader 42-34's defects in lessons 3 and 4 (fix round 42): each test failed on main."""

import html
import re

import nbformat
import pytest

import explorer
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


def _where_from(stem: str) -> str:
    """The text the notebook's "Where the numbers come from" cell shows, run as the cell is."""
    from explorer.classroom import lessons, widgets

    nb = nbformat.read(NOTEBOOKS / f"{stem}.ipynb", as_version=4)
    (cell,) = [c.source for c in nb.cells if c.source.startswith("widgets.where_from(")]
    shown = eval(cell, {"widgets": widgets, "lessons": lessons})  # noqa: S307 (our own notebook)
    return _text(shown.value if hasattr(shown, "value") else shown.children[0].value)


def test_lesson_4_says_the_time_between_interruptions_is_derived():
    """Reader 42-34, defect 4: "time between interruptions in that run: 3.09 hours. Meta: The
    Llama 3 Herd of Models (2024)" credits Meta with 54 d × 24 h ÷ 419 = 3.09 h, which Meta does
    not print; the line says how it is worked out from Meta's counts."""
    # the core's interval at Meta's job size is Meta's counts worked out: 54 d × 24 h ÷ 419
    job = explorer.compute(chip="h100", model="llama3-405b", job_chips=16_384)
    assert float(job.job_mtbi) == pytest.approx(54 * 24 / 419, rel=1e-3)
    text = _where_from("04-from-flops-to-a-trained-model")
    line = text[text.index("time between interruptions") :].split("time a checkpoint")[0]
    assert "3.09" in line and "419" in line and "54" in line, line
    assert re.search(r"[Dd]erived|[Ww]orked out", line), line


def _html_text(widget) -> str:
    """Every HTML string inside `widget` (its children too), as text."""
    out = [getattr(widget, "value", "")] if isinstance(getattr(widget, "value", None), str) else []
    for child in getattr(widget, "children", ()):
        out.append(_html_text(child))
    return _text(" ".join(out))


def test_lesson_4s_locks_after_the_hook_say_their_conditions_once():
    """Reader 42-34, defect 5: the four locked cells after "Back to the hook, with interruptions"
    each repeated the whole "This opens once you have committed sooner or later (section 3) and
    … Still to do: …" paragraph. The first says it; the later ones point to it in one line."""
    from explorer.classroom import lessons, widgets

    nb = nbformat.read(NOTEBOOKS / "04-from-flops-to-a-trained-model.ipynb", as_version=4)
    start = next(i for i, c in enumerate(nb.cells) if "**Back to the hook, with interr" in c.source)
    locks = []
    for c in nb.cells[start:]:
        if c.cell_type == "code" and c.source.lstrip("# \n").find("widgets.solution(") >= 0:
            code = c.source[c.source.index("widgets.solution(") :]
            locks.append(_html_text(eval(code, {"widgets": widgets, "lessons": lessons})))  # noqa: S307
    assert len(locks) == 4, locks
    first, *later = locks
    assert "Still to do" in first and "sooner or later" in first, first
    # reader 49-34 D5: a later lock pointing up ("what … above asks") sent a class that is
    # behind scrolling back; each now says what is still to do, in one short line, without the
    # first lock's whole condition
    for said in later:
        assert "Still to do" in said and lessons.HOOK_UNTIL not in said, said
        assert len(said) < 220, said


def test_the_plans_advanced_footer_names_only_the_notebooks_advanced_part(teacher_pages):
    """Reader 42-34, defect 6: lesson 3's plan ended "Advanced: …, torus versus switched
    networks, GB versus GiB" (the torus is Basics in the notebook, at 28–38 in the plan) and
    lesson 4's "…; why restarts dominate at 500,000 chips" (the Basics question of sections
    3–4). The footer names the notebook's Advanced part alone."""
    for n, part, basics in ((3, "per facility MW", "torus"), (4, "Young", "500,000")):
        plan = _text(teacher_pages[f"lesson-{n}/plan.html"])
        footer = plan[plan.rindex("Advanced") :]
        assert part.lower() in footer.lower() and basics not in footer, (n, footer)


def test_a_refused_prediction_carries_no_result():
    """Reader 42-34, defect 9: `lessons.reveal("gb200-trn2-per-mw", "above")` returned
    Reveal(prediction=None, result=2.0999…, …, ready=False): typed in a cell, the printed
    result gave the answer before a number was committed."""
    from explorer.classroom import lessons

    for ex, typed in (("gb200-trn2-per-mw", "above"), ("goodput-16k", "hello"), ("llama-days", "")):
        r = lessons.reveal(ex, typed)
        assert not r.ready and r.result is None, (ex, typed, r)
        assert "2.09" not in repr(r) and "2.1" not in r.message, r
    ready = lessons.reveal("gb200-trn2-per-mw", "2.5")
    assert ready.ready and abs(ready.result - 2.1) < 0.01
