"""``explorer catalog``: the catalog's chips, systems, sites, city bases and the rest, each
figure with its source, date and confidence (a listing or ``--json``).

Examples
--------
>>> from explorer.cli import main
>>> main(["catalog", "chips"])  # doctest: +ELLIPSIS
== chips
  ...
0
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from .. import catalog
from . import site

GROUPS = [
    *["chips", "systems", "sites", "bases", "regions", "cooling", "models", "conflicts"],
    *site.CATALOG_GROUPS,
]


def register(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Add ``catalog`` to the CLI's subparsers."""
    k = sub.add_parser("catalog", help="list chips, systems, sites, city bases and their sources")
    k.add_argument("group", nargs="?", choices=GROUPS, help="show only this group")
    k.add_argument("--json", action="store_true", help="machine-readable output")
    k.set_defaults(run=run)
    return k


def run(args: argparse.Namespace) -> int:
    """Run ``explorer catalog``."""
    groups = [args.group] if args.group else GROUPS
    if args.json:
        data: dict[str, Any] = {}
        for g in groups:
            if g in site.CATALOG_GROUPS:
                data[g] = site.catalog_group(g)[1]
            elif g == "conflicts":
                data[g] = catalog.conflicts()
            else:
                data[g] = {
                    n: {
                        "label": catalog.label(g, n),
                        "values": [e.as_dict() for e in catalog.entries_under(f"{g}.{n}")],
                    }
                    for n in catalog.names(g)
                }
        print(json.dumps(data, indent=2))
        return 0
    out: list[str] = []
    for g in groups:
        if g in site.CATALOG_GROUPS:
            out += site.catalog_group(g)[0]
            continue
        out.append(f"== {g}")
        if g == "conflicts":
            for c in catalog.conflicts():
                out.append(f"  {c['key']}: {c['note']}  [{c['source_title']}]")
            continue
        for n in catalog.names(g):
            out.append(f"  {n}: {catalog.label(g, n)}")
            for e in catalog.entries_under(f"{g}.{n}"):
                field = e.key.rsplit(".", 1)[1]
                out.append(
                    f"      {field} = {e.value:g} {e.unit}  "
                    f"({e.confidence}; {e.source_title}, {e.date})"
                )
    print("\n".join(out))
    return 0
