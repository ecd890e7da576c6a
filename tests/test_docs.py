"""The documentation site: the API pages list every public function of the core, the catalog page
every sourced figure with its URL, and a built page loads nothing from another machine.

These check the pieces docs/build.py assembles and checks; the real build is `make docs` (part of
`make test`), which fails on a Sphinx warning, a remote load or a function missing from the API.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

from explorer import catalog

ROOT = Path(__file__).resolve().parents[1]


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build = _load("docs_build", ROOT / "docs" / "build.py")
sys.path.insert(0, str(ROOT / "docs" / "_ext"))
catalog_tables = _load("catalog_tables", ROOT / "docs" / "_ext" / "catalog_tables.py")


def test_every_core_module_has_an_api_page_listing_its_public_functions():
    modules = build.core_modules()
    assert {"model", "power", "uncertainty", "catalog", "validate"} <= set(modules)
    assert not {"cli", "ui", "server", "classroom"} & set(modules)
    unlisted = []
    for name in modules:
        page = build.api_page(name)
        assert f".. automodule:: explorer.{name}" in page and ":members:" in page
        listed = set(re.findall(r"^   (\w+)$", page, flags=re.M))
        unlisted += [f"{name}.{f}" for f in build.public_functions(name) if f not in listed]
    assert not unlisted, unlisted
    index = build.api_index(modules)
    assert all(f"   model.{f}" in index for f in build.public_functions("model"))
    assert "compute" in build.public_functions("model")
    assert "_site_inputs" not in build.public_functions("model")


def test_the_catalog_page_has_every_figure_with_its_source_url():
    text = "\n".join(catalog_tables.table_lines())
    keys = catalog_tables._entries(catalog.raw())
    assert len(keys) > 100
    for key in keys:
        e = catalog.entry(key)
        assert f"``{key.split('.', 1)[1]}``" in text, key
        assert e.source_url in text, key


def test_the_offline_check_finds_remote_loads(tmp_path):
    (tmp_path / "a.html").write_text(
        '<link rel="canonical" href="https://example.org/a.html">'  # a link, not a load
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Lato">'
        '<script src="//cdn.jsdelivr.net/npm/mathjax@3/es5/tex-chtml.js"></script>'
        '<script src="_static/local.js"></script><a href="https://example.org">ok</a>'
    )
    (tmp_path / "b.css").write_text("@font-face { src: url('https://example.org/f.woff2') }")
    assert build.remote_loads(tmp_path) == [
        "a.html: https://fonts.googleapis.com/css?family=Lato",
        "a.html: //cdn.jsdelivr.net/npm/mathjax@3/es5/tex-chtml.js",
        "b.css: https://example.org/f.woff2",
    ]


def test_the_api_check_names_functions_without_an_entry(tmp_path):
    (tmp_path / "api").mkdir()
    for name in build.core_modules():
        ids = "".join(f'<dt id="explorer.{name}.{f}">' for f in build.public_functions(name))
        (tmp_path / "api" / f"{name}.html").write_text(ids)
    assert build.missing_api(tmp_path) == []
    (tmp_path / "api" / "power.html").write_text("")
    missing = build.missing_api(tmp_path)
    assert missing and all(m.startswith("explorer.power.") for m in missing)


def test_the_site_shows_the_walkthroughs_executed_with_their_glossary_links(tmp_path):
    # docs/build.py stages the kept run's executed copies (myst-nb renders, never executes them)
    import json

    import nbformat
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

    nbs = build.walkthroughs()
    assert [p.name[:3] for p in nbs] == [f"0{i}-" for i in range(1, 9)]
    cell = new_code_cell("print(6 * 7)", outputs=[new_output("stream", text="42\n")])
    book = new_notebook(cells=[new_markdown_cell("[power](glossary.md#power)"), cell])
    src = build.stage(tmp_path / "src", [(nbs[0], book)])
    staged = json.loads((src / "teachers" / nbs[0].name).read_text("utf-8"))
    assert "".join(staged["cells"][1]["outputs"][0]["text"]) == "42\n"
    assert "".join(staged["cells"][0]["source"]) == '<a href="glossary.html#power">power</a>'
    assert not (src / "teachers" / nbs[1].name).exists()  # only what was handed
    nbformat.validate(nbformat.reads(json.dumps(staged), as_version=4))
