"""The walkthroughs run once per test session, top to bottom in a kernel, widgets as static
snapshots: the students' handouts. The spoiler test and the handout tests read the same run, also
when xdist spreads them over workers (the workers that ask share the eight notebooks' runs and
keep the executed copies in the session's temporary folder; see `shared_run`)."""

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
    `folder`, then waits for the rest and reads them all there. Two workers asking together run
    different walkthroughs at once instead of one waiting for the other to run all eight."""
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
                    nbformat.write(nb, folder / f"{path.name}.part")
                    (folder / f"{path.name}.part").replace(folder / path.name)
    return [(path, nbformat.read(folder / path.name, as_version=4)) for path in paths]


@pytest.fixture(scope="session")
def student_run(tmp_path_factory, worker_id):
    """(path, executed notebook) for every walkthrough, reveals closed (Run All, no clicks)."""
    if worker_id == "master":  # one process: nothing to share
        return handouts.execute()
    # every xdist worker's base folder is a subfolder of the session's
    return shared_run(tmp_path_factory.getbasetemp().parent / "student-run")


@pytest.fixture(scope="session")
def student_pages(student_run):
    """Each walkthrough's handout page (HTML) by notebook stem."""
    return {path.stem: handouts.to_html(nb) for path, nb in student_run}
