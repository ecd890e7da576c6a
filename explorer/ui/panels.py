"""The Advanced screen's panels: plugging one in is appending its class to `ADVANCED_PANELS`.

The app (`explorer.ui.app.ExplorerApp`) constructs each panel with a `changed` callback, places
its `widget` on the Advanced screen (in this list's order), calls `update(inputs, result)` after
every accepted change of the main scenario, merges `link_state()` into the shareable link and
passes the parsed link (`explorer.ui.links.parse`) to `load()`. See `Panel` for the contract; each
panel's link fields must be known to `explorer.ui.links` (parsed as untrusted input there).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Protocol

import ipywidgets
import xarray

from .context import ContextPanel
from .tornado import TornadoPanel


class Panel(Protocol):
    """What the app expects of a panel class (see /work/notes/panel-protocol.md)."""

    title: str  # shown on the panel's accordion header
    fields: tuple[str, ...]  # the URL parameters this panel owns
    widget: ipywidgets.Widget  # placed on the Advanced screen; starts closed

    def __init__(self, changed: Callable[[], None]) -> None:
        """`changed()`: call after one of the panel's own controls changed and it redrew."""

    def update(self, inputs: Mapping[str, Any], result: xarray.Dataset) -> None:
        """The main scenario changed: `inputs` are compute()'s keywords, `result` its answer.
        Cheap while the panel is closed (remember, draw when opened)."""

    def link_state(self) -> dict[str, Any]:
        """The panel's own fields' current values, non-defaults only."""

    def load(self, found: Mapping[str, Any]) -> None:
        """Restore from the parsed link (every accepted parameter; read your own fields)."""


ADVANCED_PANELS: list[type] = [ContextPanel, TornadoPanel]
