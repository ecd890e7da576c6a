"""The app asks the core for its defaults, names and spans, and a visit stays light."""

from __future__ import annotations

import ast
import json
import math
from pathlib import Path

import ipywidgets as w
from ipywidgets.widgets import widget as widget_module

import explorer
from explorer import catalog
from explorer.training import defaults as training_defaults
from explorer.ui import ExplorerApp, theme
from explorer.ui.controls import NO_MODEL
from explorer.validate import BOUNDS, slider_span

UI = Path(explorer.__file__).parent / "ui"
# 330 widget models per visit before the layouts and styles were shared (issue #22)
MAX_MODELS = 165


def _values(options) -> list:
    return [v for _, v in options]


def test_the_controls_show_the_cores_names_defaults_and_spans():
    app = ExplorerApp("")
    assert _values(app.precision.options) == list(explorer.PRECISIONS)
    assert _values(app.chip.options) == catalog.names("chips")
    assert _values(app.basis.options) == catalog.names("bases")
    assert _values(app.preset.options) == [*catalog.names("sites"), "custom"]
    assert _values(app.model.options) == [NO_MODEL, *catalog.names("models")]
    for slider, field in (
        (app.site_power, "site_power"),
        (app.chips_slider, "chips"),
        (app.cooling, "cooling_fraction"),
        (app.mfu, "mfu"),
    ):
        span = slider_span(field)
        log = isinstance(slider, w.FloatLogSlider)
        lo, hi = (10**slider.min, 10**slider.max) if log else (slider.min, slider.max)
        assert math.isclose(lo, span.lo) and math.isclose(hi, span.hi), field
        assert span.lo >= BOUNDS[field].lo and span.hi <= BOUNDS[field].hi, field
    defaults = training_defaults()
    shown = [f for f in app.training_texts if f in defaults]
    assert shown, "no training field names a default"
    for field in shown:  # what a blank field means
        assert f"blank: {defaults[field]:g})" in app.training_texts[field].description


def test_the_ui_types_no_precision_name_and_no_default_chip_count():
    """The precisions are the core's names (explorer.PRECISIONS); the chips slider starts from
    the core's span. Docstrings (doctests) may show a name; code may not."""
    found = []
    for path in sorted(UI.glob("*.py")):
        tree = ast.parse(path.read_text())
        docs = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Module | ast.FunctionDef | ast.ClassDef)
            and node.body
            and isinstance(node.body[0], ast.Expr)
        }
        named = {  # a named constant of the UI's own (e.g. headlines.MAX_SAMPLES) is no chip count
            id(node.value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Assign) and all(isinstance(t, ast.Name) for t in node.targets)
        }
        for node in ast.walk(tree):
            if not isinstance(node, ast.Constant) or id(node) in docs:
                continue
            chips = node.value == 100_000 and id(node) not in named
            if node.value in explorer.PRECISIONS or chips:
                found.append(f"{path.name}:{node.lineno}: {node.value!r}")
    # the one choice of view: which of the core's precisions the app opens on
    start = [f for f in found if f.startswith("theme.py:")]
    assert len(start) == 1 and theme.START_PRECISION in explorer.PRECISIONS, start
    found.remove(start[0])
    assert found == [], "the UI retypes the core's names or defaults:\n" + "\n".join(found)


def test_a_visit_needs_at_most_half_the_widget_models():
    """Every widget model is a message to the page and a view in the browser: shared layouts
    and styles keep a visit at most half the 330 models it used to need."""
    before = set(widget_module._instances)
    app = ExplorerApp("")
    new = [m for k, m in widget_module._instances.items() if k not in before]
    assert len(new) <= MAX_MODELS, f"{len(new)} widget models"
    layouts = [m for m in new if isinstance(m, w.Layout)]
    assert len(layouts) <= 20  # one per distinct layout, not one per widget
    state = w.Widget.get_manager_state(drop_defaults=True, widgets=new)
    assert len(json.dumps(state)) < 100_000  # bytes; about 111,000 before
    assert app.widget in new
