"""The README and the documentation pages stay true: the README is short and its commands, links
and badges work; the glossary names every input and output with its units; every make target and
extra they name exists; every `explorer` command they show parses."""

from __future__ import annotations

import re
import shlex
import tomllib
from pathlib import Path

import explorer

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
DOCS = {p.name: p.read_text(encoding="utf-8") for p in sorted((ROOT / "docs").glob("*.md"))}
GLOSSARY = DOCS["glossary.md"]
MAX_README_BYTES = 10_000  # one screen or two: what it is, the two commands, where the docs are


def test_the_readme_is_short():
    size = len(README.encode("utf-8"))
    assert size <= MAX_README_BYTES, f"README.md is {size:,} bytes; move detail into docs/"


def test_the_readme_links_point_at_files_of_the_checkout():
    links = re.findall(r"\]\(([^)\s]+)\)", README)
    local = [u for u in links if not re.match(r"[a-z]+:", u)]
    assert "docs/getting-started.md" in local and "assets/screenshot.png" in local
    missing = [u for u in local if not (ROOT / u.split("#")[0]).exists()]
    assert not missing, f"README links to files the checkout lacks: {missing}"


def _explorer_commands(text: str) -> list[list[str]]:
    """The `explorer ...` lines of a page's ```sh blocks, as argv (comments and `>` dropped)."""
    commands = []
    for block in re.findall(r"```sh\n(.*?)```", text, flags=re.S):
        for line in block.replace("\\\n", " ").splitlines():
            line = line.split("#")[0].split(">")[0].strip()
            if line.startswith("explorer "):
                commands.append(shlex.split(line)[1:])
    return commands


def test_every_explorer_command_shown_parses():
    from explorer.cli.common import ParseError
    from explorer.cli.main import build_parser

    shown = _explorer_commands(README) + [c for t in DOCS.values() for c in _explorer_commands(t)]
    assert len(shown) >= 15, shown  # the README's two and the command-line page's list
    failed = []
    for argv in shown:
        try:
            build_parser().parse_args(argv)
        except ParseError as err:
            failed.append(f"explorer {' '.join(argv)}: {err}")
    assert not failed, failed


def test_glossary_lists_every_input_and_output():
    names = set(re.findall(r"^\| `([a-z0-9_]+)` \|", GLOSSARY, flags=re.M))
    missing = (set(explorer.INPUTS) | set(explorer.OUTPUTS)) - names
    assert not missing, f"docs/glossary.md lacks {sorted(missing)}"
    extra = (
        names
        - set(explorer.INPUTS)
        - set(explorer.OUTPUTS)
        - set(explorer.model.NAMED_INPUTS)
        - {"site"}
    )
    assert not extra, f"docs/glossary.md names unknown variables {sorted(extra)}"


def test_glossary_units_match_the_attrs():
    for name, (units, _) in {**explorer.INPUTS, **explorer.OUTPUTS}.items():
        row = re.search(rf"^\| `{name}` \| ([^|]+) \|", GLOSSARY, flags=re.M)
        assert row, name
        assert row.group(1).split(" (")[0].strip().replace("³", "3") == units, name


def test_every_make_command_in_the_readme_and_docs_is_a_target_and_ci_runs_make_test():
    makefile = (ROOT / "Makefile").read_text()
    targets = set(re.findall(r"^([a-z][a-z-]*):", makefile, flags=re.M))
    for name, text in {"README.md": README, **DOCS}.items():
        named = set(re.findall(r"`make ([a-z][a-z-]*)`", text)) | set(
            re.findall(r"^make ([a-z-]+)", text, flags=re.M)
        )
        if name == "README.md":
            assert {"app", "test", "check", "docs"} <= named
        assert named - targets == set(), (
            f"{name} names make targets the Makefile lacks: {named - targets}"
        )
    assert re.search(r"^test:.*\bdocs\b", makefile, flags=re.M), "make test builds the docs"
    commands = [
        line
        for line in (ROOT / ".ci" / "run").read_text().splitlines()
        if line.strip() and not line.startswith("#") and not line.startswith(("set ", "cd "))
    ]
    assert commands == ["exec make test"]


def test_every_extra_is_in_getting_started():
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"][
        "optional-dependencies"
    ]
    listed = set(re.findall(r"pip install '\.\[([a-z]+)\]'", DOCS["getting-started.md"]))
    assert listed == set(extras)


def test_chip_and_basis_names_in_the_glossary_are_the_catalog_names():
    for group in ("chips", "bases"):
        for name in explorer.catalog.names(group):
            assert f"`{name}`" in GLOSSARY, name


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
