"""Sphinx configuration of the documentation site. Build it with ``make docs`` (docs/build.py),
which assembles the pages in a staging folder first: offline, warnings as errors."""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = Path(os.environ.get("EXPLORER_ROOT", HERE.parent))  # set by docs/build.py
sys.path.insert(0, str(ROOT))  # the checkout's explorer, not an installed one
sys.path.insert(0, str(HERE / "_ext"))

import explorer  # noqa: E402

# The walkthroughs run at build with their lesson widgets as plain HTML snapshots (as the static
# handouts do), so a page needs no widget JavaScript and no kernel; the kernels inherit this.
os.environ["EXPLORER_STATIC"] = "1"
os.environ["PYTHONPATH"] = os.pathsep.join(
    [str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])]
)

project = "AI Datacenter Explorer"
author = "AI Datacenter Explorer contributors"
copyright = "the AI Datacenter Explorer contributors (MIT licence)"
version = release = explorer.__version__

extensions = [
    "myst_nb",  # MyST Markdown pages and the walkthrough notebooks, executed
    "sphinx.ext.autodoc",
    "sphinx.ext.autosummary",
    "numpydoc",
    "sphinxarg.ext",  # the CLI reference from explorer.cli.main.build_parser
    "catalog_tables",
]
exclude_patterns = ["_build", "**.ipynb_checkpoints", "_classroom.md", "_included", "upstream"]
source_suffix = {".md": "myst-nb", ".ipynb": "myst-nb", ".rst": "restructuredtext"}

# Offline: no page carries math (so no MathJax), no widget manager, no remote font or script
# (tests/test_docs.py checks the built pages).
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3
# docs/build.py stages the walkthroughs already executed (explorer.classroom.handouts.run, one run
# per content shared with the handouts and the tests): myst-nb renders their outputs.
nb_execution_mode = os.environ.get("EXPLORER_DOCS_EXECUTE", "off")
nb_execution_cache_path = str(ROOT / "build" / "jupyter_cache")
nb_execution_timeout = 300
nb_execution_raise_on_error = True
nb_merge_streams = True
nb_ipywidgets_js = {}  # the snapshots are HTML: no widget manager from a CDN

autosummary_generate = False  # the API page lists the modules itself: nothing written at build
autodoc_default_options = {"members": True, "member-order": "bysource"}
autodoc_typehints = "none"  # numpydoc's Parameters say the types, with units
numpydoc_show_class_members = False
numpydoc_xref_param_type = False

html_theme = "pydata_sphinx_theme"
html_title = "AI Datacenter Explorer"
html_static_path = ["_static"]
html_css_files = ["explorer.css"]
html_theme_options = {
    "navigation_with_keys": False,
    "show_toc_level": 2,
    "icon_links": [],
    "footer_start": ["copyright"],
    "footer_end": [],
}
html_show_sourcelink = False
html_copy_source = False

# Unreferenced citations are the norm in numpydoc References sections (sources listed, not cited
# inline); sphinx-argparse's domain cannot answer MyST's "any" lookups (a note, not a broken link).
suppress_warnings = ["ref.citation", "myst.domains"]


def _module_examples_as_text(app, what, name, obj, options, lines):
    """A module docstring's Examples heading as bold text: numpydoc makes it a rubric, and Sphinx
    registers a rubric as a page-wide label, the same ``examples`` for every module."""
    if what != "module":
        return
    out: list[str] = []
    for line in lines:
        if set(line.strip()) == {"-"} and out and out[-1].strip() == "Examples":
            out[-1] = "**Examples**"  # a section heading numpydoc left as it was
            continue
        out.append("**Examples**" if line.strip() == ".. rubric:: Examples" else line)
    lines[:] = out


def setup(app):
    app.connect("autodoc-process-docstring", _module_examples_as_text, priority=900)
