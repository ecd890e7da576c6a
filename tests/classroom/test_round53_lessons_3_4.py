"""Round 53, lessons 3 and 4: what reader 52-34 found (the half-million job's site, the PUE said
once, "at" as a way, the published-figure label, the slider's announcement, paper wording, checker
replies, a margin from the printed days, a source line)."""

from __future__ import annotations

import contextlib
import html
import io
import json
import re
from pathlib import Path

import pytest

from explorer import catalog, fmt
from explorer.classroom import lessons, widgets
from explorer.classroom.lessons import check
from explorer.classroom.teacher_pack.course import LESSONS
from explorer.classroom.teacher_pack.worksheets import worksheet_page
from explorer.ui.static import STATIC

from ._run import texts

ROOT = Path(__file__).resolve().parents[2]
THREE = next((ROOT / "notebooks").glob("03-*.ipynb"))
FOUR = next((ROOT / "notebooks").glob("04-*.ipynb"))


def _cells(path: Path) -> list[str]:
    cells = json.loads(path.read_text("utf-8"))["cells"]
    return ["".join(c["source"]) for c in cells if c["cell_type"] == "markdown"]


def _open(text: str) -> str:
    """A cell's text outside its folds and paper notes, one space between words."""
    text = re.sub(r"<details>.*?</details>|<!--.*?-->", "", text, flags=re.S)
    return " ".join(text.split())


def _printed(f, *args) -> str:
    with contextlib.redirect_stdout(io.StringIO()) as out:
        f(*args)
    return out.getvalue()


def test_the_half_million_job_is_said_to_need_a_bigger_site() -> None:
    """D1: the job of half a million H100s came straight after "This site feeds 204,866": the
    line says it needs a bigger site, by a ratio from the core, and the question says so too."""
    said = _printed(lessons.site_feeds, 204_866)
    ratio = fmt.number(lessons.BIG_JOB / 204_866, 2)
    assert f"would need a site {ratio} times as big as this one" in said, said
    (ask,) = [c for c in _cells(FOUR) if c.startswith("**Question.** Predict before section 4")]
    assert "a site big enough for it" in _open(ask), ask


def test_the_pue_is_said_once_in_two_short_lines() -> None:
    """D2: one sentence held the PUE, the 10 % + 3 % split and "not both"; the notebook says it
    in two bullets, and the worksheet in a line of its own, not inside a row's label."""
    (power,) = [c for c in _cells(THREE) if c.startswith("## Power per chip")]
    said = _open(power)
    assert "- IT power = the site's power ÷ 1.15." in said, said
    bullets = re.findall(r"(?m)^- .*(?:\n  .*)*", re.sub(r"<details>.*?</details>", "", power))
    assert any("not both" in b and "10 % cooling" in b for b in bullets), bullets
    sheet = worksheet_page(next(x for x in LESSONS if x.number == 3))
    labels = re.findall(r"<td>([^<]*)</td>", sheet)
    assert all("not both" not in cell for cell in labels), [c for c in labels if "both" in c]
    assert "not both" in html.unescape(re.sub(r"<table.*?</table>", "", sheet, flags=re.S))


@pytest.mark.parametrize("typed", ["at", "At", "at it"])
def test_at_is_a_way_where_the_per_mw_question_offers_it(typed: str) -> None:
    """D3: the question offers "below, at or above"; "at" was told it is no number."""
    said = lessons.reveal("gb200-trn2-per-mw", typed).message
    assert "Good, you say which way" in said and "cannot find a number" not in said, said


def test_a_sparse_only_figure_is_said_as_half_of_the_one_published() -> None:
    """D4: "16 (32 sparse only, halved)" read as "32, which was halved"."""
    published = {r[0]: r[3] for r in lessons.systems_rows()[1]}
    assert published["NVIDIA DGX H100"] == "16 (half of 32 sparse, the only figure published)"
    assert not any("halved)" in v for v in published.values()), published


def test_the_chips_slider_is_announced_outside_a_fold() -> None:
    """D5: the slider was announced only at the end of an answer fold."""
    md = _cells(FOUR)
    (recipe,) = [c for c in md if "goodput = 1 − (the sum of the three losses)" in c]
    assert "chips slider opens" in _open(recipe), recipe
    folds = " ".join(re.findall(r"<details>.*?</details>", " ".join(md), flags=re.S))
    assert "slider" not in folds


@pytest.mark.parametrize(
    ("path", "start", "screen"),
    [(THREE, "## Power per chip", "type the count in the box")],
)
def test_paper_says_no_box(path: Path, start: str, screen: str) -> None:
    """D6: "type the count in the box below" survived on paper, where there is no box."""
    (cell,) = [c for c in _cells(path) if c.startswith(start)]
    paper = " ".join(lessons.on_paper(cell).split())
    assert screen not in paper.lower(), paper
    assert "write the count below" in paper.lower(), paper


@pytest.mark.parametrize(
    ("kwargs", "said", "unsaid"),
    [
        # under an exercise's box, the "teacher reads out" line has said it already
        ({}, "", "in the notebook"),
        # a locked page said once, where a paper student finds it
        (
            {"title": "What we found", "step": False, "paper": "the page handed out has it"},
            "What we found: the page handed out has it.",
            "opens once",
        ),
    ],
)
def test_paper_has_one_lock_line(
    monkeypatch: pytest.MonkeyPatch, kwargs: dict, said: str, unsaid: str
) -> None:
    """D7: on paper every exercise had two lock lines, the second a notebook instruction."""
    monkeypatch.setenv(STATIC, "1")
    monkeypatch.setattr(widgets, "REVEALED", widgets.Revealed())
    text = " ".join(texts(widgets.solution("trn2-chips-300mw", **kwargs)).split())
    assert text == said, text
    assert unsaid not in text


@pytest.mark.parametrize(
    ("exercise", "typed", "says", "lacks"),
    [
        # D8: "less" turns the ratio around: said, not "leave out 'x less'"
        ("gb200-trn2-per-mw", "2.10x less", "turns a ratio around", "leave out"),
        ("gb200-trn2-per-mw", "2.1 times less", "turns a ratio around", "leave out"),
        # D9: two figures that fit both a cut-off result and a slip: three figures first
        ("trn2-chips-300mw", "280000", "three figures", "PUE"),
        ("trn2-chips-300mw", "2.8e5", "three figures", "PUE"),
        # ... and the slip's hint once the three figures fit it
        ("trn2-chips-300mw", "280,200", "PUE − 1", "three figures"),
    ],
)
def test_checker_replies_read_what_was_typed(
    exercise: str, typed: str, says: str, lacks: str
) -> None:
    fb = check(exercise, typed)
    assert not fb.right and says in fb.message and lacks not in fb.message, fb.message


def test_the_fixed_restart_margin_comes_from_the_days_shown() -> None:
    """D11: "7.5 % slower (21.7 days against 20.2)": the days shown give 7.4 %."""
    _, rows = lessons.more_chips_rows(204_866)
    hook, big = (float(r[2].split()[0]) for r in rows[:2])
    said = fmt.percent(big / hook - 1, 2)
    assert fmt.percent(lessons.fixed_restart_margin(), 2) == said
    assert f"{said} slower" in lessons.more_chips_words(204_866)


def test_sources_a_teacher_can_read() -> None:
    """D12/D13: the H100 measurement's source says how it was measured, not a project path; lesson
    3's first objective names the PUE it works with."""
    title = catalog.entry("measurements.h100-matmul.bf16_sustained").source_title
    assert "shared/reference" not in title and ".json" not in title and "PyTorch" in title
    (head,) = [c for c in _cells(THREE) if c.startswith("# 3 ·")]
    assert "the site's PUE" in head and "the site's cooling share" not in head


def test_lesson_3s_hook_guess_is_committed_and_said_back(monkeypatch: pytest.MonkeyPatch) -> None:
    """D10: "write it down" had nowhere to write in the notebook; the guess is committed before
    "Power per chip", and the count's worked solution says it back with its factor."""
    import ipywidgets as w

    from ._run import run_notebook

    monkeypatch.setattr(widgets, "REVEALED", widgets.Revealed())
    monkeypatch.setattr(widgets, "COMMITTED", {})
    roots = run_notebook(THREE)

    def _all(x: object) -> list:
        return [x] + [f for c in getattr(x, "children", ()) for f in _all(c)]

    (way,) = [
        r
        for r in roots
        if any(isinstance(t, w.ToggleButtons) and "a million" in t.options for t in _all(r))
    ]
    toggle = next(t for t in _all(way) if isinstance(t, w.ToggleButtons))
    toggle.value = "a hundred thousand"
    next(t for t in _all(way) if isinstance(t, w.Text)).value = "big site"
    next(b for b in _all(way) if isinstance(b, w.Button) and b.description == "Commit").click()
    widgets.REVEALED.mark("trn2-chips-300mw")
    page = "\n".join(texts(r) for r in roots)
    said = lessons.hook_guess_words("a hundred thousand")
    assert said.startswith("You guessed a hundred thousand: the count is") and "too low" in said
    assert said in page, page[:3000]
    md = _cells(THREE)
    (hook,) = [c for c in md if c.startswith("## Hook")]
    assert "Write it down" not in hook and "Commit one below" in hook
