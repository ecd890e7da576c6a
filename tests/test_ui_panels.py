"""The host side of the panel contract (explorer.ui.panels), with a tiny panel of the tests' own."""

from __future__ import annotations

import ipywidgets as w
import pytest
from numpy.testing import assert_allclose

import explorer
from explorer.ui import ExplorerApp, links, panels


class DemoPanel:
    """A panel with one field: a level 0–5 (0, the default, stays out of the link)."""

    title = "Demo"
    fields = ("demo_level",)

    def __init__(self, changed) -> None:
        self.changed = changed
        self.level = w.IntSlider(value=0, min=0, max=5)
        self.widget = w.Accordion(children=[self.level], titles=(self.title,))
        self.updates: list[tuple[dict, float]] = []
        self._loading = False
        self.level.observe(self._on_level, "value")

    def _on_level(self, change) -> None:
        if not self._loading:
            self.changed()

    def update(self, inputs, result) -> None:
        self.updates.append((dict(inputs), float(result.it_power)))

    def link_state(self) -> dict:
        return {"demo_level": self.level.value} if self.level.value else {}

    def load(self, found) -> None:
        self._loading = True
        try:
            self.level.value = found.get("demo_level", 0)
        finally:
            self._loading = False


class BrokenPanel(DemoPanel):
    def update(self, inputs, result) -> None:
        raise RuntimeError("a panel's bug")


@pytest.fixture
def demo_params(monkeypatch):
    """explorer.ui.links knows the demo field, as a real panel's field is added there."""
    one = links._one

    def _one(key, raw):
        if key == "demo_level":
            value = int(raw)
            if not 0 <= value <= 5:
                raise explorer.InputError(key, raw, "0 ≤ demo_level ≤ 5", "is out of range")
            return value
        return one(key, raw)

    monkeypatch.setattr(links, "_one", _one)
    monkeypatch.setattr(links, "VIEW", (*links.VIEW, "demo_level"))


@pytest.fixture
def app(monkeypatch, demo_params):
    monkeypatch.setattr(panels, "ADVANCED_PANELS", [DemoPanel])
    return ExplorerApp("")


def test_the_panel_is_on_the_advanced_screen_and_updated_once_per_accepted_change(app):
    panel = app.panels[0]
    assert panel.widget in app.widget.children
    n = len(panel.updates)
    app.site_power.value = 1000
    assert len(panel.updates) == n + 1
    inputs, it_power = panel.updates[-1]
    assert inputs["site_power"] == pytest.approx(1000) and "precision" not in inputs
    assert_allclose(it_power, float(explorer.compute(**inputs).it_power))
    app.site_power_text.value = "-5"  # refused: no update
    assert len(panel.updates) == n + 1
    app.pin_button.click()  # neither pinning nor another screen changes the main scenario
    app.screen_toggle.value = "basics"
    assert panel.widget not in app.widget.children and len(panel.updates) == n + 1


def test_the_link_carries_the_panels_field_and_restores_it(app):
    panel = app.panels[0]
    panel.level.value = 3  # the panel's own control: it calls changed()
    assert app.address.query.endswith("&demo_level=3")
    app.site_power.value = 600  # the app's changes keep the panel's field in the link
    assert "site_power=600" in app.address.query and "demo_level=3" in app.address.query
    again = ExplorerApp(app.address.query)
    assert again.panels[0].level.value == 3 and again.state["site_power"] == pytest.approx(600)
    assert again.link_notes.value == ""
    bad = ExplorerApp("demo_level=9&site_power=600")
    assert bad.panels[0].level.value == 0 and "demo_level" in bad.link_notes.value


def test_a_failing_panel_never_breaks_the_page(monkeypatch, demo_params):
    monkeypatch.setattr(panels, "ADVANCED_PANELS", [BrokenPanel, DemoPanel])
    app = ExplorerApp("")
    app.site_power.value = 1000
    assert app.messages["general"].value == ""
    assert app.state["site_power"] == pytest.approx(1000)
    assert len(app.panels[1].updates) == 2  # the load and the change


def test_the_training_card_shows_the_runs_flags_in_words():
    from explorer import compute
    from explorer.ui.scenario import scalars
    from explorer.ui.training import training_html

    ds = compute(chip="h100", model="llama3-405b", job_chips=1)
    card = training_html(ds, scalars(ds, "bf16"), "llama3-405b", "BF16", False)
    assert "does not fit" in card and "108" in card
    fine = compute(chip="h100", model="llama3-405b", job_chips=16384)
    assert "explorer-training-flag" not in training_html(
        fine, scalars(fine, "bf16"), "llama3-405b", "BF16", False
    )
