"""The classroom's texts retype no figure the core owns: a catalog value in a lesson, plan, quiz
or fact-check string is formatted from the catalog, so a moved value moves the text.

The scan reads every string the classroom modules hold (docstrings aside) and fails on a number
of three or more significant figures (1.15, 8,760, 12,645, 16,384) equal to a catalog value, or
to a catalog share as a percentage. Two kinds of numbers are quoted, not owned: a figure the
catalog takes from one of the articles (its source is the article), and the articles' claims as
the fact-check paraphrases them (with their sources). Rounder numbers (300 MW, 40 %) are too
common to tell a quote from a copy; the fact-check's own test marks every number it writes."""

from __future__ import annotations

import ast
import math
import re
from pathlib import Path

from explorer import catalog
from explorer.classroom import factcheck

CLASSROOM = Path(factcheck.__file__).parent
NUMBER = re.compile(r"(?<![\w.,/-])\d[\d,]*(?:\.\d+)?(?![\w])")


def _significant(x: float) -> int:
    """Significant figures of `x` as written (8760 → 3, 1.15 → 3, 300 → 1)."""
    digits = f"{x:.10g}".split("e")[0].replace(".", "").replace("-", "").strip("0")
    return len(digits)


def owned() -> dict[float, str]:
    """Catalog values of three or more significant figures (shares also as percentages), by
    value, with one key holding each; figures taken from the articles left out."""
    found: dict[float, str] = {}

    def walk(node: object, key: str) -> None:
        if isinstance(node, dict):
            v = node.get("value")
            if isinstance(v, int | float) and not isinstance(v, bool) and "source" in node:
                if not str(node["source"]).startswith("article-"):
                    for x in (v, v * 100) if 0 < v < 1 else (v,):
                        if _significant(x) >= 3:
                            found.setdefault(round(float(x), 9), key)
            for k, child in node.items():
                walk(child, f"{key}.{k}" if key else k)
        elif isinstance(node, list):
            for child in node:
                walk(child, key)

    walk(catalog.raw(), "")
    return found


def quoted(tree: ast.AST) -> set[int]:
    """The ids of string nodes that are quotes: docstrings, the fact-check's claims (third
    argument of ``Claim``) and their sources."""
    out: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            out.add(id(body[0].value))
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Claim":
            parts = node.args[2:3] + [k.value for k in node.keywords if k.arg == "sources"]
            out |= {id(n) for part in parts for n in ast.walk(part)}
    return out


def retyped(source: str, figures: dict[float, str]) -> list[tuple[int, str, str]]:
    """(line, number, catalog key) for every catalog figure a string of `source` retypes."""
    tree = ast.parse(source)
    skip = quoted(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            for n in NUMBER.findall(node.value):
                x = round(float(n.replace(",", "")), 9)
                if x in figures and math.isfinite(x):
                    found.append((node.lineno, n, figures[x]))
    return found


def test_no_classroom_text_retypes_a_catalog_figure():
    figures = owned()
    assert {1.15, 8760.0, 12200.0, 16384.0, 1.82} <= set(figures)  # the scan knows them
    modules = sorted(CLASSROOM.glob("*.py"))
    assert len(modules) >= 7
    for path in modules:
        assert not retyped(path.read_text(encoding="utf-8"), figures), path.name


def test_the_scan_finds_a_retyped_figure_and_spares_quotes():
    figures = owned()
    source = '''
"""A docstring may say 8,760 h."""
PLAN = "AWS's fleet PUE of 1.15 leaves about a tenth"
STUMBLE = f"Multiplying by 365 instead of {8760:,} hours, or 8,760 hours"
CLAIMS = [Claim("trn2-fp8", RAINIER, "A Trn2 instance delivers 20.8 PF dense FP8.", 20.8)]
'''
    found = retyped(source, figures)
    assert [(n, key) for _, n, key in found] == [
        ("1.15", "cooling.aws-fleet.pue"),
        ("8,760", "conventions.hours_per_year"),
    ]
