"""The app asks the core for its defaults, names and spans, and a visit stays light."""

from __future__ import annotations

import ast
import json
import math
from pathlib import Path

import ipywidgets as w

import explorer
from explorer import catalog
from explorer.training import defaults as training_defaults
from explorer.ui import ExplorerApp, theme
from explorer.ui.controls import NO_MODEL
from explorer.ui.models import models, share_models, shared_layout
from explorer.validate import BOUNDS, slider_span

UI = Path(explorer.__file__).parent / "ui"
# a visit needed 330 widget models and about 330 KB of their state (JSON, binary buffers in
# base64) before the layouts and styles were shared (issue #22): at most half of each
MAX_MODELS, MAX_STATE = 165, 165_000
MAX_LAYOUTS = 20  # one per distinct layout, not one per widget


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


def _both_screens(app: ExplorerApp) -> list[w.Widget]:
    """The widget models of both screens of `app`'s page (one is drawn at a time), shared
    ones included; the app is left on the screen it was on."""
    found = models([app.widget])
    screen = app.screen
    app.screen_toggle.value = "basics" if screen == "advanced" else "advanced"
    found += models([app.widget])
    app.screen_toggle.value = screen
    return list({m.model_id: m for m in found}.values())


def _visit(query: str) -> dict[str, dict]:
    """The widget states a visit to the page of `query` is sent, as a fresh kernel would send
    them: `request_states` answers with every model in the kernel (one kernel per visitor), so
    every model the app made and every shared one its page uses (an earlier app in this
    process, or the import, may have made those). Only those models are serialized: the
    process holds every earlier test's widgets too (thousands, late in a session)."""
    made: list[w.Widget] = []
    w.Widget.on_widget_constructed(made.append)
    try:
        app = ExplorerApp(query)
    finally:
        w.Widget.on_widget_constructed(None)
    shown = models([app.widget])
    assert app.widget.model_id in {m.model_id for m in shown}
    kept = [m for m in made if m.comm is not None]  # made and not closed since
    return w.Widget.get_manager_state(widgets={m.model_id: m for m in kept + shown}.values())[
        "state"
    ]


def test_a_visit_needs_at_most_half_the_widget_models():
    """Every widget model is a message to the page and a view in the browser. Shared layouts
    and styles, scenario A's chart marks made on the first pin and the Basics screen made when
    first shown keep a visit at most half the 330 models (and the state) it used to need; a
    visit that opens on Basics makes both screens."""
    for query in ("", "screen=basics"):
        visit = _visit(query)
        assert len(visit) <= MAX_MODELS, f"{query!r}: {len(visit)} widget models"
        layouts = [k for k, v in visit.items() if v["model_name"] == "LayoutModel"]
        assert len(layouts) <= MAX_LAYOUTS, f"{query!r}: {len(layouts)} layouts"
        size = len(json.dumps(visit))
        assert size <= MAX_STATE, f"{query!r}: {size:,} bytes of widget state"


def test_shared_layouts_and_styles_never_change_in_place():
    """Several widgets point at one Layout or style model, so a change made in place through
    one widget (``widget.layout.display = "none"``) would move them all: take the page through
    its paths (slider steps, a refused value, typing, pin and unpin, the filled site, ranges
    off, a link, both screens, every card tab, the panels opened) and check none changed."""
    app = ExplorerApp("")
    users: dict[str, int] = {}
    page = _both_screens(app)
    for x in page:
        for trait in ("layout", "style"):
            model = getattr(x, trait, None)
            if isinstance(model, w.Layout | w.Style):
                users[model.model_id] = users.get(model.model_id, 0) + 1
    shared = {m.model_id: m for m in page if users.get(m.model_id, 0) > 1}
    assert len(shared) >= 5, "the page shares almost no layout or style"
    before = {k: m.get_state() for k, m in shared.items()}
    app.site_power.value = 600.0
    app.site_power_text.value = "-5"  # refused: the message beside the field
    app.cooling.value = 0.3
    app.pin_button.click()
    app.fill.value = False
    app.chips_text.value = "20000"
    app.unpin_button.click()
    app.ranges_toggle.checkbox.value = False
    app.model.value = catalog.names("models")[0]
    for card in app.cards:
        for tab in range(len(card.tabs.children)):
            card.tabs.selected_index = tab
    for panel in app.panels:
        panel.widget.selected_index = 0
    app.load_link("site_power=80&screen=basics")
    app.site_power.value = 90.0
    app.load_link("")
    after = {k: m.get_state() for k, m in shared.items()}
    changed = {
        f"{type(shared[k]).__name__} {k}": {
            t: (v, after[k][t]) for t, v in before[k].items() if v != after[k][t]
        }
        for k in before
        if before[k] != after[k]
    }
    assert changed == {}, changed


def test_sharing_never_hands_out_a_closed_model():
    """A layout first met by `share_models`, then asked for by `shared_layout`, then shared
    again: every widget still holds an open model (a closed one fails the page with
    "'NoneType' object has no attribute 'comm_id'")."""
    width = "37.5px"  # settings no other test uses
    share_models([w.Button(layout=w.Layout(width=width))])
    asked = shared_layout(width=width)
    button = w.Button(layout=asked)
    share_models([w.HBox([button])])
    later = shared_layout(width=width)
    assert asked.comm is not None and button.layout.comm is not None and later.comm is not None
    assert later is button.layout
