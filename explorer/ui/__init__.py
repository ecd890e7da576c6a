"""The Voila app's widgets (ipywidgets + bqplot). The core never imports this package.

`ExplorerApp` is the dashboard (`app.py`: the widgets) around a `Scenario` (`scenario.py`: the
inputs and results, no widgets); `charts.py` holds one class per chart, `theme.py` the palette,
CSS and HTML snippets, `panels.py` the Advanced screen's plug-in panels. How a kernel gets the
page's link and guards its output is `explorer.server.kernel`.
"""

from __future__ import annotations

from .app import ExplorerApp
from .scenario import Scenario

__all__ = ["ExplorerApp", "Scenario"]
