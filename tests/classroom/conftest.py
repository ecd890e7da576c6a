"""The walkthroughs run once per test session, top to bottom in a kernel, widgets as static
snapshots: the students' handouts. The spoiler test and the handout tests read the same run, also
when xdist spreads them over workers (the workers that ask share the eight notebooks' runs and
keep the executed copies and their handout pages in the session's temporary folder; see
`shared_run`)."""

from __future__ import annotations

import fcntl
from pathlib import Path

import nbformat
import pytest

from explorer.classroom import handouts


def shared_run(folder: Path) -> list[tuple[Path, object]]:
    """`handouts.execute()`, each walkthrough run once for every process that asks with the same
    `folder` (a temporary folder of the test session; never the checkout): a process runs the
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
                    ((_, nb),) = handouts.execute([path])
                    (folder / f"{path.stem}.html").write_text(handouts.to_html(nb), "utf-8")
                    nbformat.write(nb, folder / f"{path.name}.part")
                    (folder / f"{path.name}.part").replace(folder / path.name)
    return [(path, nbformat.read(folder / path.name, as_version=4)) for path in paths]


@pytest.fixture(scope="session")
def student_folder(tmp_path_factory, worker_id) -> Path:
    """Where the students' run is kept: the session's folder, shared by every xdist worker (each
    worker's base folder is a subfolder of it), or this process's own without xdist."""
    base = tmp_path_factory.getbasetemp()
    return (base if worker_id == "master" else base.parent) / "student-run"


@pytest.fixture(scope="session")
def student_run(student_folder):
    """(path, executed notebook) for every walkthrough, reveals closed (Run All, no clicks)."""
    return shared_run(student_folder)


@pytest.fixture(scope="session")
def student_pages(student_run, student_folder):
    """Each walkthrough's handout page (HTML) by notebook stem, rendered from `student_run`
    once per session (by the process that ran the walkthrough)."""
    return {p.stem: (student_folder / f"{p.stem}.html").read_text("utf-8") for p, _ in student_run}
