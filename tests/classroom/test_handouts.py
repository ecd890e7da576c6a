"""A handout reads without a kernel: the lesson's numbers are in it as text, no widget repr, and
nothing is loaded from the network."""

from __future__ import annotations

import re
from pathlib import Path

from explorer import catalog, compute, fmt
from explorer.classroom import handouts, widgets
from explorer.ui.static import STATIC

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"


def test_a_handout_shows_the_lessons_numbers_offline(student_pages):
    page = student_pages["01-megawatts-and-cities"]
    assert isinstance(widgets.city_bases(), widgets.w.Widget)  # the switch is not left on
    # lesson 1's text and questions are there; its results are inside reveals (closed)
    assert "A city of how many?" in page and "teacher reads out the result" in page
    # one lock line under an exercise on paper, no notebook instruction (reader 52-34)
    assert "in the notebook; on paper" not in page
    site_power = catalog.site_inputs(widgets.ARTICLE_SITE)["site_power"]
    ds = compute(site_power=site_power, basis="us-household")
    # about 300 MW × 8,760 h / 10,500 kWh ≈ 250,000: in the reveal, not on the handout
    assert 240_000 < float(ds.city_households) < 255_000
    assert fmt.number(float(ds.city_households)) not in page
    for stem, html_page in student_pages.items():
        assert "VBox(" not in html_page and "HBox(" not in html_page, stem
        assert "Accordion(" not in html_page, stem
        assert "widget-view+json" not in html_page, stem
        external = re.findall(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", html_page, flags=re.I)
        assert external == [], f"{stem} loads from the network"
    # a chart on a handout is an image (inline SVG); lesson 3's per-facility-MW chart opens only
    # after its prediction (its snapshot is checked below), lesson 5's opens on the page
    assert "<svg" in student_pages["05-fact-check"]
    assert "n/a: no FP8" not in student_pages["03-from-chips-to-flops"]
    # the widget and import cells show their outputs, not their code
    assert "widgets.solution(" not in student_pages["03-from-chips-to-flops"]
    assert "if published == published" not in student_pages["03-from-chips-to-flops"]
    # and so do the cells a lesson tags "hide-input" (lesson 4's measured H100 and its site):
    # their printed lines stay, their code is not on the students' paper
    four = student_pages["04-from-flops-to-a-trained-model"]
    assert "one large matrix multiplication, best short burst" in four
    assert "held = catalog.value(" not in four and "site = explorer.compute(" not in four


def test_a_snapshot_is_plain_html_of_the_current_state(monkeypatch):
    monkeypatch.setenv(STATIC, "1")
    shown = widgets.city_bases(site_power=300)
    bundle = shown._repr_mimebundle_()
    assert set(bundle) == {"text/html", "text/plain"}
    # 300 MW all year: 300 × 8,760 h = 2,628,000 MWh = 2,628 GWh (in GWh, as lesson 1 works)
    assert "2,628 GWh per year" in bundle["text/html"]
    assert "Site power: 300 MW" in bundle["text/html"]
    assert "<script" not in bundle["text/html"]
    assert shown.children  # still the widget underneath
    # a chart's snapshot is an image (inline SVG) with its values as a table
    chart = widgets.chips_per_mw("fp8")._repr_mimebundle_()["text/html"]
    assert "<svg" in chart and "n/a: no FP8" in chart
    monkeypatch.setenv(STATIC, "0")
    assert isinstance(widgets.city_bases(site_power=300), widgets.w.Widget)


def test_a_student_handout_prints_the_asides_open_and_the_answers_folded(student_pages):
    # reader 20: a "For the curious" aside holds no answer, so paper prints it under its
    # summary; a fold that holds answers ("What we found") stays with the teacher's edition
    import html

    one = " ".join(html.unescape(student_pages["01-megawatts-and-cities"]).split())
    assert "For the curious: how these figures are counted, and for which year" in one
    assert "The household figure comes from the US Energy Information Administration" in one
    assert "how these figures are counted, and for which year — folded on screen" not in one
    assert "the answers to its questions — folded on screen" in one
    two = " ".join(html.unescape(student_pages["02-where-the-power-goes"]).split())
    # (lesson 2's curious fold is cut, reader 44-12: lesson 1's shows an aside printed open)
    assert "Row 2 uses just under a tenth of row 3's water" not in two


def test_a_walkthroughs_run_is_kept_by_content_and_a_failing_cell_leaves_nothing(
    tmp_path, monkeypatch
):
    # one run per edition and content for the docs build, the handouts and the tests' fixtures
    import nbformat
    import pytest
    from nbformat.v4 import new_code_cell, new_notebook

    folder = tmp_path / "notebooks"
    folder.mkdir()
    good, bad = folder / "01-good.ipynb", folder / "02-bad.ipynb"
    nbformat.write(new_notebook(cells=[new_code_cell("print(6 * 7)")]), good)
    nbformat.write(new_notebook(cells=[new_code_cell("1 / 0")]), bad)
    for name in ("EXPLORER_DOCS_CACHE", "EXPLORER_ROOT", "EXPLORER_STATIC", "EXPLORER_X"):
        monkeypatch.delenv(name, raising=False)
    key = handouts.content_key(False, [good])
    assert handouts.content_key(True, [good]) != key  # the teacher's edition is another run
    # what the docs build and the runs set for themselves is not content ...
    monkeypatch.setenv("EXPLORER_DOCS_CACHE", str(tmp_path))
    monkeypatch.setenv("EXPLORER_ROOT", str(tmp_path))
    monkeypatch.setenv("EXPLORER_STATIC", "1")
    assert handouts.content_key(False, [good]) == key
    monkeypatch.setenv("EXPLORER_X", "1")  # ... any other variable of the package's is
    assert handouts.content_key(False, [good]) != key
    monkeypatch.delenv("EXPLORER_X")
    (folder / "03-other.ipynb").write_text("{}")  # so is any file of the notebooks' folder
    assert handouts.content_key(False, [good]) != key
    (folder / "03-other.ipynb").unlink()

    runs = tmp_path / "runs"
    kept = handouts.run_folder(False, root=runs, paths=[good])
    assert kept.name == f"student-{key}"
    ((_, nb),) = handouts.kept_run(kept, paths=[good])
    assert nb.cells[0].outputs[0]["text"] == "42\n"
    assert "42" in (kept / "01-good.html").read_text("utf-8")

    def no_kernel(*args, **kwargs):
        raise AssertionError("a kept run was executed again")

    monkeypatch.setattr(handouts, "execute", no_kernel)
    ((_, again),) = handouts.kept_run(kept, paths=[good])  # read back, no kernel
    assert again.cells[0].outputs == nb.cells[0].outputs
    monkeypatch.undo()

    for _ in range(2):  # a failing cell fails every call: nothing of it is kept
        with pytest.raises(Exception, match="ZeroDivisionError"):
            handouts.kept_run(kept, paths=[bad])
        assert not (kept / bad.name).exists() and not (kept / "02-bad.html").exists()


def test_the_teachers_edition_prints_open_every_fold_the_students_say_is_in_it():
    # integrator, round 44: each student handout says a folded block is "in your teacher's
    # edition of this handout (its folds printed open)"; the teacher's edition printed every
    # <details> closed, so paper showed only its summary. Every lesson, markdown and output folds
    import html
    import re

    import nbformat

    from explorer.classroom import handouts, teacher_pack

    fold = "<details><summary>Output fold</summary><p>inside the fold</p></details>"
    for lesson in teacher_pack.LESSONS:
        pages = {}
        for teacher in (True, False):
            nb = nbformat.read(teacher_pack.NOTEBOOKS / lesson.notebook, as_version=4)
            nb.metadata[handouts.EDITION] = teacher
            nb.metadata[handouts.LESSON] = lesson.number
            code = next(c for c in nb.cells if c.cell_type == "code")
            code.outputs = [
                nbformat.v4.new_output("display_data", data={"text/html": fold, "text/plain": ""})
            ]
            page = re.sub(r"<style.*?</style>", "", handouts.to_html(nb), flags=re.S)
            pages[teacher] = html.unescape(page)
        said = re.findall(r"\*?([^*>\n]+?) — folded on screen; on paper, in your teacher", pages[0])
        opened = re.findall(r"<details([^>]*)>\s*<summary>(.*?)</summary>", pages[1], re.S)
        assert opened, lesson.notebook
        for attrs, summary in opened:
            assert "open" in attrs, (lesson.notebook, summary)
        summaries = " ".join(" ".join(s.split()) for _, s in opened)
        for what in said:
            assert " ".join(what.split()) in summaries, (lesson.notebook, what)
