"""The Voila app's widgets (ipywidgets + bqplot). The core never imports this package.

`ExplorerApp` is the dashboard (`app.py`: the widgets) around a `Scenario` (`scenario.py`: the
inputs and results, no widgets); `charts.py` holds one class per chart, `theme.py` the palette,
CSS and HTML snippets, `panels.py` the Advanced screen's plug-in panels. How a kernel gets the
page's link and guards its output is `explorer.server.kernel`.

`ExplorerApp` and `Scenario` are imported on first use: the classroom's modules read a few of
this package's modules (its theme, static snapshots, headline ranges) without the dashboard's
widgets, and a kernel that never shows the app does not build them.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .app import ExplorerApp
    from .scenario import Scenario

__all__ = ["ExplorerApp", "Scenario"]
_WHERE = {"ExplorerApp": ".app", "Scenario": ".scenario"}


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(_WHERE[name], __name__), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
