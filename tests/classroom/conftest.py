"""The walkthroughs run once per content, top to bottom in a kernel, widgets as static snapshots:
the students' handouts. The spoiler test and the handout tests read the same run, also when xdist
spreads them over workers (the workers that ask share the eight notebooks' runs and keep the
executed copies and their handout pages in one folder: `handouts.kept_run`). That folder is kept
by content (`run_cache` in tests/conftest.py, `handouts.run_folder`): `make docs`, the handouts
and a later session with the same code, notebooks and environment read the same run instead of
executing the eight notebooks again."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_cache

from explorer.classroom import handouts


def session_folder(tmp_path_factory, worker_id) -> Path:
    """The test session's temporary folder, shared by every xdist worker (each worker's base
    folder is a subfolder of it), or this process's own without xdist."""
    base = tmp_path_factory.getbasetemp()
    return base if worker_id == "master" else base.parent


@pytest.fixture(scope="session")
def student_folder(tmp_path_factory, worker_id) -> Path:
    """Where the students' run is kept: by content (`run_cache`), else in the session's folder."""
    return run_cache(False, session_folder(tmp_path_factory, worker_id) / "student-run")


@pytest.fixture(scope="session")
def student_run(student_folder):
    """(path, executed notebook) for every walkthrough, reveals closed (Run All, no clicks)."""
    return handouts.kept_run(student_folder)


@pytest.fixture(scope="session")
def student_pages(student_run, student_folder):
    """Each walkthrough's handout page (HTML) by notebook stem, rendered from `student_run`
    once per session (by the process that ran the walkthrough)."""
    return {p.stem: (student_folder / f"{p.stem}.html").read_text("utf-8") for p, _ in student_run}


@pytest.fixture(scope="session")
def teacher_folder(tmp_path_factory, worker_id) -> Path:
    """Where the teacher's run is kept, as `student_folder` keeps the students'."""
    return run_cache(True, session_folder(tmp_path_factory, worker_id) / "teacher-run")


@pytest.fixture(scope="session")
def teacher_run(teacher_folder):
    """(path, executed notebook) for every walkthrough in the teacher's rendering (every reveal
    open), kept as the students' run is."""
    return handouts.kept_run(teacher_folder, reveal=True)


@pytest.fixture(scope="session")
def teacher_run_pages(teacher_run, teacher_folder):
    """Each walkthrough's teacher's handout page (HTML) by notebook stem: the page `kept_run`
    rendered from `teacher_run` (`handouts.to_html`, as `explorer teach handouts` ships it),
    read back instead of rendered again (1.3 CPU-s for the eight)."""
    return {p.stem: (teacher_folder / f"{p.stem}.html").read_text("utf-8") for p, _ in teacher_run}


@pytest.fixture(autouse=True)
def fresh_reveals():
    """Each test starts with nothing revealed and leaves the reveals as it found them: the
    widgets' `REVEALED` is one object per process, so a vote revealed by another file's test on
    the same xdist worker opened lesson 5's held city row (found when xdist's file order
    changed)."""
    from explorer.classroom import widgets

    saved = list(widgets.REVEALED.done), list(widgets.REVEALED.asked)
    widgets.REVEALED.done, widgets.REVEALED.asked = [], []
    yield
    widgets.REVEALED.done, widgets.REVEALED.asked = saved


@pytest.fixture
def unstated_hot_day(monkeypatch):
    """hot-day-above-mean (68.2 %) as a share that asks for two figures: the figures rule ("70 %"
    too rough, "two thirds" a rounding) is tested on it. The lesson's own box asks for no
    figures: inside its 3 % any figures count (reader 47-78), and its question no longer states
    the range (reader 48-78)."""
    from dataclasses import replace

    from explorer.classroom import lessons
    from explorer.classroom.exercises import FEWEST_FIGURES, Precision

    e = lessons.EXERCISES["hot-day-above-mean"]
    unstated = replace(e, precision=Precision(figures=FEWEST_FIGURES))
    assert not unstated.states_tolerance()
    monkeypatch.setitem(lessons.EXERCISES, e.id, unstated)
    return unstated
