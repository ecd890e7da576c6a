"""Widget models shared between widgets, so that a page sends fewer of them.

Every widget model costs the page a message and the browser a view, and ipywidgets gives each
widget its own `Layout` and style model (bqplot each figure its two interaction scales) unless
one is passed: most of them hold the defaults. `shared` hands out one model per kind and settings
(per kernel: one kernel per visitor), and `share_models` folds the equal ones other widgets made
into one. A shared model must never be changed in place (`widget.layout = ...` replaces it;
`widget.layout.width = ...` would change every widget that shares it).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

import ipywidgets as w

_SHARED: dict[tuple[type, str], w.Widget] = {}


def shared(kind: type[w.Widget], **settings: Any) -> w.Widget:
    """The one `kind` model (a Layout or a style) with these settings in this kernel."""
    key = (kind, json.dumps(settings, sort_keys=True))
    model = _SHARED.get(key)
    if not _open(model):
        fresh = kind(**settings)
        # one model per full state: `share_models` looks models up by it and closes the others
        state_key = (kind, _settings(fresh))
        model = _SHARED.get(state_key)
        if _open(model):
            fresh.close()
        else:
            model = _SHARED[state_key] = fresh
        _SHARED[key] = model
    return model


def _open(model: w.Widget | None) -> bool:
    return model is not None and model.comm is not None


def shared_layout(**settings: Any) -> w.Layout:
    """The shared `Layout` with these settings (none: the default one)."""
    return shared(w.Layout, **settings)


def _settings(model: w.Widget) -> str:
    state = model.get_state()
    return json.dumps({k: v for k, v in state.items() if not k.startswith("_")}, sort_keys=True)


def models(roots: Iterable[w.Widget]) -> list[w.Widget]:
    """Every widget model the page needs to draw `roots`: the roots, their children, layouts,
    styles and (bqplot) marks, axes and scales, each once, in the order found.

    Examples
    --------
    >>> one = shared_layout(width="auto")
    >>> box = w.VBox([w.Button(layout=one), w.Button(layout=one)], layout=one)
    >>> sorted(type(m).__name__ for m in models([box]))
    ['Button', 'Button', 'ButtonStyle', 'ButtonStyle', 'Layout', 'VBox']
    """
    seen: set[int] = set()
    found: list[w.Widget] = []
    stack = list(roots)
    while stack:
        x = stack.pop()
        if id(x) in seen:
            continue
        seen.add(id(x))
        found.append(x)
        for name in x.keys:
            value = getattr(x, name, None)
            if isinstance(value, dict):
                value = list(value.values())
            items = value if isinstance(value, list | tuple) else (value,)
            stack.extend(
                v for v in reversed(items) if isinstance(v, w.Widget) and id(v) not in seen
            )
    return found


def share_models(roots: Iterable[w.Widget]) -> int:
    """Give every ipywidgets widget under `roots` the shared layout and style equal to its own,
    closing the copies; returns how many models were closed. bqplot's figures keep their own
    (one resizes its layout in place).

    Examples
    --------
    >>> buttons = [w.Button(description=d) for d in ("A", "B")]
    >>> closed = share_models([w.HBox(buttons)])  # at least the second button's two models
    >>> buttons[0].layout is buttons[1].layout, buttons[0].style is buttons[1].style
    (True, True)
    """
    closed = 0
    for x in models(roots):
        if type(x).__module__.startswith("bqplot"):
            continue
        for trait in ("layout", "style"):
            model = getattr(x, trait, None)
            if not isinstance(model, w.Widget) or isinstance(model, w.DOMWidget):
                continue
            key = (type(model), _settings(model))
            one = _SHARED.get(key)
            if not _open(one):
                _SHARED[key] = model
            elif one is not model:
                setattr(x, trait, one)
                model.close()
                closed += 1
    return closed
