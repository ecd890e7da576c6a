"""The README stays true: its glossary names every input and output, and its commands exist."""

from __future__ import annotations

import re
from pathlib import Path

import explorer

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_glossary_lists_every_input_and_output():
    names = set(re.findall(r"^\| `([a-z0-9_]+)` \|", README, flags=re.M))
    missing = (set(explorer.INPUTS) | set(explorer.OUTPUTS)) - names
    assert not missing, f"README glossary lacks {sorted(missing)}"
    extra = names - set(explorer.INPUTS) - set(explorer.OUTPUTS) - set(explorer.model.NAMED_INPUTS) - {"site"}
    assert not extra, f"README glossary names unknown variables {sorted(extra)}"


def test_glossary_units_match_the_attrs():
    for name, (units, _) in {**explorer.INPUTS, **explorer.OUTPUTS}.items():
        row = re.search(rf"^\| `{name}` \| ([^|]+) \|", README, flags=re.M)
        assert row, name
        assert row.group(1).split(" (")[0].strip().replace("³", "3") == units, name


def test_the_two_commands_are_make_targets_and_ci_runs_the_test_one():
    assert "make app" in README and "make test" in README
    makefile = (ROOT / "Makefile").read_text()
    assert re.search(r"^app:", makefile, flags=re.M) and re.search(r"^test:", makefile, flags=re.M)
    assert "make test" in (ROOT / ".ci" / "run").read_text()


def test_chip_and_basis_names_in_the_glossary_are_the_catalog_names():
    for group in ("chips", "bases"):
        for name in explorer.catalog.names(group):
            assert f"`{name}`" in README, name
