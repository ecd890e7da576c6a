"""Lessons 3 and 4 as reader 46-34 found them: nothing that settles a prediction prints before
it is committed, and the checker says what a rough answer is."""

from __future__ import annotations

import ast
import contextlib
import html
import io

import ipywidgets as ipw
import nbformat

from explorer.classroom import lessons, teacher_pack, widgets

FOUR = teacher_pack.NOTEBOOKS / "04-from-flops-to-a-trained-model.ipynb"
THREE = teacher_pack.NOTEBOOKS / "03-from-chips-to-flops.ipynb"


def _texts(x) -> str:
    out = [html.unescape(x.value)] if isinstance(x, ipw.HTML) else []
    return "\n".join(out + [_texts(c) for c in getattr(x, "children", ())])


def _run_all(path) -> list:
    """Run a lesson's code cells in this process in order, as Run All does: for each, what it
    printed and the widget it shows (the widgets stay live, so a later commit opens them)."""
    ns: dict = {}
    shown = []
    for c in [c for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"]:
        tree = ast.parse(c.source)
        last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            exec(compile(tree, "<cell>", "exec"), ns)  # noqa: S102
            made = None
            if last is not None:
                made = eval(compile(ast.Expression(last.value), "<cell>", "eval"), ns)  # noqa: S307
        shown.append((c.source, buf.getvalue(), made))
    return shown


def _page(shown) -> str:
    return "\n".join(
        out + (_texts(made) if isinstance(made, ipw.Widget) else "") for _, out, made in shown
    )


def test_lesson_4s_job_table_opens_only_with_the_sooner_or_later_commit(monkeypatch, teacher_pages):
    # reader 46-34 D1: section 3's table printed, above the "sooner or later?" box, the
    # half-million job's restart beside its interval: 10 min + 2.46 s x (500,000 - 16,384) /
    # 1,000 = 29.8 min, against 185.6 min x 16,384 / 500,000 = 6.08 min: "later" read off a row
    monkeypatch.setattr(widgets, "REVEALED", widgets.Revealed())
    monkeypatch.delenv(widgets.STATIC, raising=False)
    shown = _run_all(FOUR)
    commit = next(i for i, (src, _, _) in enumerate(shown) if "commit_way" in src)
    before = _page(shown[:commit])
    assert "29.8" not in before and "6.08" not in before, before
    # nothing on the whole Run All page shows them before the commit either
    assert "29.8" not in _page(shown) and "6.08" not in _page(shown)
    # the site's chips are still printed in section 3 (204,866: lesson 4's 300 MW site)
    assert "204,866" in before
    widgets.REVEALED.mark(lessons.MORE_CHIPS_WAY)
    after = _page(shown)
    assert "29.8 min" in after and "6.08 min" in after, after
    # on paper the worksheet's figures do not carry the half-million row either
    sheet = html.unescape(teacher_pages["lesson-4/worksheet.html"])
    assert "29.8" not in sheet and "6.08" not in sheet


def _visible_md(path) -> str:
    """Every markdown cell as a page shows it, folds open (a click away), paper notes dropped."""
    import re

    return "\n".join(
        re.sub(r"<!--.*?-->", "", c.source, flags=re.S)
        for c in nbformat.read(path, as_version=4).cells
        if c.cell_type == "markdown"
    )


def test_lesson_3s_what_we_found_opens_with_the_chips_and_the_per_mw_prediction(monkeypatch):
    # reader 46-34 D2: "What we found" was an ordinary fold: one click gave the per-MW
    # prediction's direction ("the gap narrows") and the hook's range ("fewer than a million")
    monkeypatch.setattr(widgets, "REVEALED", widgets.Revealed())
    monkeypatch.delenv(widgets.STATIC, raising=False)
    # (reader 51-34 D13: the hook's line says "too high, by similar factors (…)" now)
    settled = ("the gap narrows", "by similar factors (")
    assert not any(s in _visible_md(THREE) for s in settled)
    shown = _run_all(THREE)
    assert not any(s in _page(shown) for s in settled), _page(shown)
    widgets.REVEALED.mark("trn2-chips-300mw")
    assert not any(s in _page(shown) for s in settled)
    widgets.REVEALED.mark("gb200-trn2-per-mw")
    assert all(s in _page(shown) for s in settled), _page(shown)
    # the page handed out after class still has it
    from explorer.classroom import handouts

    assert all(s in handouts.found_html(3) for s in settled)


def test_llama_days_names_metas_gpu_hours_only_as_an_if():
    # reader 46-34 D4: "1.1e6 s" (12.7 days) was told "that shares Meta's published GPU-hours
    # among the hook's chips", a method the student most likely did not use (30.84e6 h x 3,600
    # / 100,000 = 1.11e6 s, 12.85 days; a slip in the arithmetic lands there too)
    for typed in ("1.1e6 s", "12.85 days", "12.8"):
        said = lessons.check("llama-days", typed).message
        assert "if you shared Meta's published GPU-hours" in said, (typed, said)
        assert "that shares Meta's" not in said, said


def test_a_round_one_figure_prediction_is_not_diagnosed_as_a_slip():
    # reader 46-34 D5: the per-MW prediction "3" (a natural guess between the per-chip 3.8 and
    # 2) was told it "fits a common slip: the GB200's own TFLOP/s per watt" (5,000 / (1,200 x
    # 1.39) = 3.0); a guess to one figure is not a worked slip. Worked to more figures it is.
    for typed in ("3", "about 3"):
        said = lessons.reveal("gb200-trn2-per-mw", typed).message
        assert "slip" not in said and "per watt" not in said, (typed, said)
        assert "2.1" in said, said
    for typed in ("2.99", "1.43"):
        assert "per watt" in lessons.reveal("gb200-trn2-per-mw", typed).message


def test_every_word_lessons_3_and_4_list_is_used_in_the_lesson():
    # reader 46-34 D6: lesson 4's "Words used here" linked "interruption/MTBI", and "MTBI" was
    # nowhere in the lesson
    import re

    for path in (THREE, FOUR):
        nb = nbformat.read(path, as_version=4)
        head = nb.cells[0].source
        found = re.search(r"\*\*Words used here\*\*.*", head, re.S)
        words = found[0]
        # the text a student reads (the code names variables such as `job_mtbi`)
        text = [c.source for c in nb.cells[1:] if c.cell_type == "markdown"]
        rest = "\n".join(text) + "\n" + head[: found.start()]
        rest = re.sub(r"<!--.*?-->", "", rest, flags=re.S).lower()
        for label in re.findall(r"\[([^\]]+)\]\(glossary\.md#", words):
            for term in re.split(r"/|,| vs |\band\b", label):
                term = term.strip().lower()
                if term:
                    assert term in rest, (path.name, label, term)


def test_lesson_3s_systems_text_is_short_paragraphs_and_the_two_sources_in_a_fold():
    # reader 46-34 D7: one paragraph carried instance, 2-D torus, rings across instances, AWS's
    # against SemiAnalysis's description, EFA, UltraCluster, 7,800 UltraServers and NVLink
    import re

    (systems,) = [c for c in _cells(THREE) if c.startswith("## Instance → UltraServer")]
    body = systems.split("**Question.**")[0]
    shown = re.sub(r"<details>.*?</details>", "", body, flags=re.S)
    paragraphs = [p for p in shown.split("\n\n")[1:] if p.strip()]
    assert len(paragraphs) >= 2 and all(len(p.split()) <= 50 for p in paragraphs), paragraphs
    assert "SemiAnalysis" not in shown and "SemiAnalysis" in body


def _cells(path) -> list[str]:
    return [c.source for c in nbformat.read(path, as_version=4).cells]
