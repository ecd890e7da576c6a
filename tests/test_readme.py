"""The README stays true: its glossary names every input and output, and its commands exist."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import explorer

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_glossary_lists_every_input_and_output():
    names = set(re.findall(r"^\| `([a-z0-9_]+)` \|", README, flags=re.M))
    missing = (set(explorer.INPUTS) | set(explorer.OUTPUTS)) - names
    assert not missing, f"README glossary lacks {sorted(missing)}"
    extra = (
        names
        - set(explorer.INPUTS)
        - set(explorer.OUTPUTS)
        - set(explorer.model.NAMED_INPUTS)
        - {"site"}
    )
    assert not extra, f"README glossary names unknown variables {sorted(extra)}"


def test_glossary_units_match_the_attrs():
    for name, (units, _) in {**explorer.INPUTS, **explorer.OUTPUTS}.items():
        row = re.search(rf"^\| `{name}` \| ([^|]+) \|", README, flags=re.M)
        assert row, name
        assert row.group(1).split(" (")[0].strip().replace("³", "3") == units, name


def test_every_make_command_in_the_readme_is_a_target_and_ci_runs_make_test():
    makefile = (ROOT / "Makefile").read_text()
    targets = set(re.findall(r"^([a-z][a-z-]*):", makefile, flags=re.M))
    named = set(re.findall(r"`make ([a-z][a-z-]*)`", README)) | set(
        re.findall(r"^make ([a-z-]+)", README, flags=re.M)
    )
    assert {"app", "test", "check"} <= named
    assert named - targets == set(), (
        f"README names make targets the Makefile lacks: {named - targets}"
    )
    commands = [
        line
        for line in (ROOT / ".ci" / "run").read_text().splitlines()
        if line.strip() and not line.startswith("#") and not line.startswith(("set ", "cd "))
    ]
    assert commands == ["exec make test"]


def test_every_extra_is_in_the_readme():
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"][
        "optional-dependencies"
    ]
    listed = set(re.findall(r"pip install '\.\[([a-z]+)\]'", README))
    assert listed == set(extras)


def test_chip_and_basis_names_in_the_glossary_are_the_catalog_names():
    for group in ("chips", "bases"):
        for name in explorer.catalog.names(group):
            assert f"`{name}`" in README, name


BADGE = re.compile(
    r"\]\((https://mybinder\.org/v2/gh/(?P<owner>[^/)\s]+)/(?P<repo>[^/)\s]+)/"
    r"(?P<branch>[^?)\s]+)\?urlpath=(?P<urlpath>[^)\s]+))\)"
)
GITHUB_OWNER = re.compile(r"^(?!-)[A-Za-z0-9-]{1,39}(?<!-)$")


def test_binder_badges_open_the_app_and_the_lessons_of_this_checkout():
    badges = [m.groupdict() for m in BADGE.finditer(README)]
    assert len(badges) >= 2, "the README lost a Binder badge"
    # one repository and branch for every badge: the owner is filled in once
    assert len({(b["owner"], b["repo"], b["branch"]) for b in badges}) == 1
    owner, repo, branch = badges[0]["owner"], badges[0]["repo"], badges[0]["branch"]
    assert GITHUB_OWNER.match(owner), owner
    assert repo == tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["name"]
    assert re.fullmatch(r"[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*", branch), branch
    urlpaths = [b["urlpath"] for b in badges]
    assert "voila/render/notebooks/explorer.ipynb" in urlpaths  # the app, through Voila
    lessons = [u for u in urlpaths if re.fullmatch(r"lab/tree/notebooks/01-[\w-]+\.ipynb", u)]
    assert lessons, urlpaths  # the walkthroughs, in JupyterLab at the first lesson
    for u in urlpaths:
        route, _, path = u.partition("/notebooks/")
        assert route in ("voila/render", "lab/tree"), u
        assert (ROOT / "notebooks" / path).is_file(), f"{u} names a notebook the checkout lacks"
    if owner == "OWNER":  # until the repository is published, one line says how to fill it
        assert len(re.findall(r"^.*Replace `OWNER`.*$", README, flags=re.M)) == 1
