"""``catalog-tables``: every sourced figure of ``explorer/data/catalog.toml`` as tables, one per
group, each row with its value, unit, confidence, date and source (a link to the article page).

Built from `explorer.catalog` when the docs are built, so the page cannot drift from the data.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from docutils.parsers.rst import Directive
from docutils.statemachine import StringList

from explorer import catalog

SKIP = ("sources", "uncertainty", "conflicts")  # the bibliography, ranges and notes, not figures


def _entries(node: dict[str, Any], prefix: str = "") -> list[str]:
    out = []
    for k, v in node.items():
        if not prefix and k in SKIP:
            continue
        if isinstance(v, dict) and "value" in v and "source" in v:
            out.append(prefix + k)
        elif isinstance(v, dict):
            out.extend(_entries(v, f"{prefix}{k}."))
    return out


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ").strip() or " "


def table_lines() -> list[str]:
    """The MyST/RST source of the tables: a section per top-level group."""
    groups: dict[str, list[str]] = {}
    for key in _entries(catalog.raw()):
        groups.setdefault(key.split(".", 1)[0], []).append(key)
    lines: list[str] = []
    for group, keys in groups.items():
        lines += [
            f".. rubric:: {group} ({len(keys)} figures)",
            "",
            ".. list-table::",
            "   :header-rows: 1",
            "   :widths: 30 12 10 10 10 28",
            "   :class: catalog-table",
            "",
            "   * - figure",
            "     - value",
            "     - unit",
            "     - confidence",
            "     - date",
            "     - source",
        ]
        for key in keys:
            e = catalog.entry(key)
            source = f"`{_cell(e.source_title)} <{e.source_url}>`__" if e.source_url else ""
            lines += [
                f"   * - ``{key.split('.', 1)[1]}``",
                f"     - {e.value:g}",
                f"     - {_cell(e.unit)}",
                f"     - {_cell(e.confidence)}",
                f"     - {_cell(str(e.date))}",
                f"     - {source or _cell(e.source_title)}",
            ]
        lines.append("")
    return lines


class CatalogTables(Directive):
    has_content = False

    def run(self) -> list[nodes.Node]:
        container = nodes.container()
        self.state.nested_parse(StringList(table_lines(), "catalog.toml"), 0, container)
        return container.children


def setup(app: Any) -> dict[str, Any]:
    app.add_directive("catalog-tables", CatalogTables)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
