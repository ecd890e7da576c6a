"""Build the documentation site: ``python docs/build.py [OUT]`` (``make docs``), offline, with
warnings as errors.

The pages are assembled in a staging folder (under ``build/docs/``, gitignored) from what the
repository already holds, so nothing is copied by hand into ``docs/``:

- ``docs/*`` (the hand-written pages and ``conf.py``);
- ``teachers/``: the teacher's guide (``notebooks/README.md``), the student glossary and the
  walkthroughs 01-08, next to each other as in ``notebooks/`` so their links hold;
- ``_included/``: the serving README (the security model) and the app's screenshot;
- ``api/``: one page per core module (``explorer/*.py``), each with a summary table of its public
  functions and the docstrings of everything public, so a new core module or function appears
  without editing the docs.

After Sphinx (``-W``: a warning fails the build), the build fails too when a page would load
anything from another machine (a CDN script, font or MathJax) or the API pages lack a public
function of the core.

The walkthroughs are shown as the students' edition runs them (reveals closed, lesson widgets as
static snapshots): ``explorer.classroom.handouts.run`` executes them once per content (the
package, the notebooks, this Python and the installed versions) and keeps the run in
``build/walkthrough-runs/``, where the handouts and the tests' students' run read the same one;
the staged copies carry their outputs and myst-nb does not execute them
(``nb_execution_mode = "off"``; ``EXPLORER_DOCS_EXECUTE`` overrides it). A failing cell fails the
build.
"""

from __future__ import annotations

import importlib
import inspect
import json
import os
import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
BUILD = Path(os.environ.get("EXPLORER_DOCS_BUILD", ROOT / "build" / "docs"))


# The lessons link words to the glossary's inline anchors (<a id="power"></a>), which MyST does not
# index: on the site they become plain HTML links to the built page's anchors.
GLOSSARY_LINK = re.compile(r"\[([^\]]+)\]\(glossary\.md#([\w-]+)\)")


def _html_link(m: re.Match[str]) -> str:
    return f'<a href="glossary.html#{m[2]}">{m[1]}</a>'


def core_modules() -> list[str]:
    """The core's modules: every ``explorer/*.py`` but the package facade."""
    return sorted(p.stem for p in (ROOT / "explorer").glob("*.py") if p.stem != "__init__")


def public_functions(name: str) -> list[str]:
    """The public functions and classes defined in ``explorer.<name>`` (not imported into it)."""
    module = importlib.import_module(f"explorer.{name}")
    return [
        attr
        for attr, obj in vars(module).items()
        if not attr.startswith("_")
        and (inspect.isfunction(obj) or inspect.isclass(obj))
        and obj.__module__ == module.__name__
    ]


def api_page(name: str) -> str:
    names = public_functions(name)
    lines = [f"# `explorer.{name}`", "", "```{eval-rst}", f".. currentmodule:: explorer.{name}", ""]
    if names:
        lines += [".. autosummary::", "", *[f"   {n}" for n in names], ""]
    lines += [f".. automodule:: explorer.{name}", "   :members:", "```", ""]
    return "\n".join(lines)


def api_index(modules: list[str]) -> str:
    return "\n".join(
        [
            "# Python API",
            "",
            "Every public function of the core, from its docstring (numpydoc: parameters with "
            "units in brackets, runnable examples). `import explorer` gives the facade "
            "(`explorer.compute`, `explorer.sample`, `explorer.catalog` ...); each module below "
            "holds one part of the physics, the catalog or their helpers. The command line, the "
            "classroom and the app are built on these and are not part of this API.",
            "",
            "```{eval-rst}",
            ".. automodule:: explorer",
            "   :no-members:",
            "```",
            "",
            "```{toctree}",
            ":maxdepth: 1",
            "",
            *modules,
            "```",
            "",
            "## Every public function and class of the core",
            "",
            "```{eval-rst}",
            ".. autosummary::",
            "",
            *[f"   {m}.{f}" for m in modules for f in public_functions(m)],
            "```",
            "",
        ]
    )


def walkthroughs() -> list[Path]:
    """The walkthroughs the site shows, ``notebooks/0*.ipynb``."""
    return sorted((ROOT / "notebooks").glob("0*.ipynb"))


def stage(src: Path, executed: list[tuple[Path, object]] | None = None) -> Path:
    """Assemble the Sphinx source folder in `src` (emptied first). `executed`: the walkthroughs'
    (path, executed notebook) pairs to show with their outputs; without, their sources."""
    if src.exists():
        shutil.rmtree(src)
    shutil.copytree(DOCS, src, ignore=shutil.ignore_patterns("build.py", "__pycache__"))
    teachers = src / "teachers"
    shutil.copy(ROOT / "notebooks" / "README.md", teachers / "guide.md")
    shutil.copy(ROOT / "notebooks" / "glossary.md", teachers / "glossary.md")
    if executed is None:
        books = [(p.name, p.read_text(encoding="utf-8")) for p in walkthroughs()]
    else:
        import nbformat

        books = [(p.name, nbformat.writes(nb)) for p, nb in executed]
    for name, text in books:
        book = json.loads(text)
        for cell in book["cells"]:
            if cell["cell_type"] == "markdown":
                source = "".join(cell["source"])
                cell["source"] = GLOSSARY_LINK.sub(_html_link, source)
        (teachers / name).write_text(json.dumps(book, indent=1), encoding="utf-8")
    included = src / "_included"
    included.mkdir()
    shutil.copy(ROOT / "explorer" / "server" / "README.md", included / "server-README.md")
    shutil.copy(ROOT / "assets" / "screenshot.png", included / "screenshot.png")
    api = src / "api"
    api.mkdir()
    modules = core_modules()
    (api / "index.md").write_text(api_index(modules), encoding="utf-8")
    for name in modules:
        (api / f"{name}.md").write_text(api_page(name), encoding="utf-8")
    return src


# What a page loads by itself (not what it links to): scripts, stylesheets, images, frames, fonts.
LOADS = re.compile(
    r"<(?:script|img|iframe|source|embed)\b[^>]*?\bsrc=[\"']([^\"']+)"
    r"|<link\b[^>]*?\bhref=[\"']([^\"']+)"
    r"|url\(\s*[\"']?([^\"')\s]+)"
    r"|@import\s+[\"']([^\"']+)",
    re.I,
)


def remote_loads(html: Path) -> list[str]:
    """Every resource a built page or stylesheet would fetch from another machine
    (``http(s)://`` or ``//``), as ``file: URL``; the site must load none."""
    found = []
    for path in sorted([*html.rglob("*.html"), *html.rglob("*.css")]):
        text = path.read_text(encoding="utf-8", errors="replace")
        for m in LOADS.finditer(text):
            url = next(g for g in m.groups() if g)
            tag = m.group(0).lower()
            if tag.startswith("<link") and not re.search(
                r"rel=[\"']?(stylesheet|preload|icon|modulepreload|prefetch)", tag
            ):
                continue  # rel=canonical, next, prev ... are links, not loads
            if re.match(r"(https?:)?//", url, re.I):
                found.append(f"{path.relative_to(html)}: {url}")
    return found


def missing_api(html: Path) -> list[str]:
    """The core's public functions that have no entry (an anchor) on their built API page."""
    missing = []
    for name in core_modules():
        page = html / "api" / f"{name}.html"
        text = page.read_text(encoding="utf-8") if page.exists() else ""
        missing += [
            f"explorer.{name}.{f}"
            for f in public_functions(name)
            if f'id="explorer.{name}.{f}"' not in text
        ]
    return missing


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(ROOT))
    out = Path(argv[0]) if argv else BUILD / "html"
    # The kernels import this checkout's package (conf.py says the same to Sphinx's own imports).
    os.environ["PYTHONPATH"] = os.pathsep.join(
        [str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])]
    )
    from explorer.classroom import handouts

    # The students' edition of the walkthroughs, executed once per content for the site, the
    # handouts and the tests (`handouts.run`: read back when kept); Sphinx only renders them.
    executed = handouts.run(reveal=False, paths=walkthroughs())
    src = stage(BUILD / "src", executed)
    os.environ.setdefault("EXPLORER_DOCS_EXECUTE", "off")
    os.environ["EXPLORER_ROOT"] = str(ROOT)
    from sphinx.cmd.build import build_main

    return build_main(
        [
            "-W",
            "--keep-going",
            "-q",
            "-b",
            "html",
            "-d",
            str(BUILD / "doctrees"),
            str(src),
            str(out),
        ]
    )


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
