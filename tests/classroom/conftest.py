"""The walkthroughs run once per session, top to bottom in a kernel, widgets as static snapshots:
the students' handouts. The spoiler test and the handout tests read the same run."""

from __future__ import annotations

import pytest

from explorer.classroom import handouts


@pytest.fixture(scope="session")
def student_run():
    """(path, executed notebook) for every walkthrough, reveals closed (Run All, no clicks)."""
    return handouts.execute()


@pytest.fixture(scope="session")
def student_pages(student_run):
    """Each walkthrough's handout page (HTML) by notebook stem."""
    return {path.stem: handouts.to_html(nb) for path, nb in student_run}
