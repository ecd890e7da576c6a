"""The walkthroughs run once per test session, top to bottom in a kernel, widgets as static
snapshots: the students' handouts. The spoiler test and the handout tests read the same run, also
when xdist spreads them over workers (the workers that ask share the eight notebooks' runs and
keep the executed copies and their handout pages in one folder; see `shared_run`). That folder is
kept by content (`run_cache` in tests/conftest.py): a later session with the same code, notebooks
and environment reads the same run instead of executing the eight notebooks again."""

from __future__ import annotations

import fcntl
from pathlib import Path

import nbformat
import pytest
from conftest import run_cache

from explorer.classroom import handouts


def shared_run(folder: Path, reveal: bool = False) -> list[tuple[Path, object]]:
    """`handouts.execute(reveal=reveal)`, each walkthrough run once for every process that asks
    with the same `folder` (`run_cache`'s; never a tracked folder): a process runs the
    walkthroughs no other process is running (each under its own lock) and writes them to
    `folder`, with their handout pages (`handouts.to_html`, read by `student_pages`), then waits
    for the rest and reads them all there. Two workers asking together run different
    walkthroughs at once instead of one waiting for the other to run all eight."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = handouts.walkthroughs()
    for wait in (False, True):  # first every walkthrough nobody is running, then the rest
        for path in paths:
            with open(folder / f"{path.name}.lock", "w") as lock:  # released when it closes
                try:
                    fcntl.flock(lock, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
                except BlockingIOError:
                    continue  # another process is running it
                if not (folder / path.name).exists():
                    ((_, nb),) = handouts.execute([path], reveal=reveal)
                    (folder / f"{path.stem}.html").write_text(handouts.to_html(nb), "utf-8")
                    nbformat.write(nb, folder / f"{path.name}.part")
                    (folder / f"{path.name}.part").replace(folder / path.name)
    return [(path, nbformat.read(folder / path.name, as_version=4)) for path in paths]


def session_folder(tmp_path_factory, worker_id) -> Path:
    """The test session's temporary folder, shared by every xdist worker (each worker's base
    folder is a subfolder of it), or this process's own without xdist."""
    base = tmp_path_factory.getbasetemp()
    return base if worker_id == "master" else base.parent


@pytest.fixture(scope="session")
def student_folder(tmp_path_factory, worker_id) -> Path:
    """Where the students' run is kept: by content (`run_cache`), else in the session's folder."""
    return run_cache("student-run", session_folder(tmp_path_factory, worker_id) / "student-run")


@pytest.fixture(scope="session")
def student_run(student_folder):
    """(path, executed notebook) for every walkthrough, reveals closed (Run All, no clicks)."""
    return shared_run(student_folder)


@pytest.fixture(scope="session")
def student_pages(student_run, student_folder):
    """Each walkthrough's handout page (HTML) by notebook stem, rendered from `student_run`
    once per session (by the process that ran the walkthrough)."""
    return {p.stem: (student_folder / f"{p.stem}.html").read_text("utf-8") for p, _ in student_run}


@pytest.fixture(scope="session")
def teacher_run(tmp_path_factory, worker_id):
    """(path, executed notebook) for every walkthrough in the teacher's rendering (every reveal
    open), kept as the students' run is."""
    folder = session_folder(tmp_path_factory, worker_id) / "teacher-run"
    return shared_run(run_cache("teacher-run", folder), reveal=True)


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
