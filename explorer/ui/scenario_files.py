"""The export button's files: the scenario (and a pinned A) as JSON and the sweep as CSV.

Built with the core's own export (`explorer.export`), shared with the CLI, as two download
links with the files inline (no file is written on the server).
"""

from __future__ import annotations

import base64
import json
from typing import Any

from ..export import to_frame, to_json
from .scenario import Scenario


def export_links(sc: Scenario) -> str:
    """The links to ``scenario.json`` (inputs and outputs; A under ``pinned``) and
    ``sweep.csv`` (the site-power sweep), as HTML."""
    ds = sc.recompute()
    content: dict[str, Any] = {"inputs": {**sc.state, "site": sc.site}, "outputs": to_json(ds)}
    if sc.pinned is not None:  # the compared scenario A too, under its own key
        content["pinned"] = {
            "inputs": {**sc.pinned.state, "site": sc.pinned.site},
            "outputs": to_json(sc.pinned.result),
        }
    j = base64.b64encode(json.dumps(content, indent=1).encode()).decode()
    c = base64.b64encode(to_frame(sc.sweep).to_csv().encode()).decode()
    return (
        f"<a download='scenario.json' href='data:application/json;base64,{j}'>"
        "scenario.json</a> · "
        f"<a download='sweep.csv' href='data:text/csv;base64,{c}'>sweep.csv</a>"
    )
