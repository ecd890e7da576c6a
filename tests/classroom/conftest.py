"""The walkthroughs run once per test session, top to bottom in a kernel, widgets as static
snapshots: the students' handouts. The spoiler test and the handout tests read the same run, also
when xdist spreads them over workers (the first worker to ask runs the eight notebooks and keeps
the executed copies in the session's temporary folder; the others read them)."""

from __future__ import annotations

import fcntl
from pathlib import Path

import nbformat
import pytest

from explorer.classroom import handouts


def shared_run(folder: Path) -> list[tuple[Path, object]]:
    """`handouts.execute()`, run once for every process that asks with the same `folder`: under
    a lock, the executed notebooks are read from `folder` if a process wrote them, else run and
    written there (a temporary folder of the test session; never the checkout)."""
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        done = folder / "done"
        if done.exists():
            return [
                (path, nbformat.read(folder / path.name, as_version=4))
                for path in handouts.walkthroughs()
            ]
        run = handouts.execute()
        for path, nb in run:
            nbformat.write(nb, folder / path.name)
        done.touch()
        return run


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
