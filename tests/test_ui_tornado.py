"""The "What moves this number" panel without a browser: its bars are the core's sensitivity."""

from __future__ import annotations

import numpy as np
import pytest
from numpy.testing import assert_allclose

import explorer
from explorer.model import preset_inputs
from explorer.ui import links, tornado
from explorer.ui.tornado import TornadoPanel

FIELDS = ("site_power", "cooling_fraction", "overhead_fraction", "chip", "basis", "mfu")


def app_inputs(site: str, **changed) -> dict:
    """What the app passes for a preset: every slider's value (`changed` ones moved)."""
    p = preset_inputs(site)
    return {"site": site, **{k: p[k] for k in (*FIELDS, "load_factor")}, **changed}


@pytest.fixture
def panel():
    calls = []
    p = TornadoPanel(lambda: calls.append(1))
    p.changed_calls = calls
    return p


def show(panel, inputs):
    panel.update(inputs, explorer.compute(**inputs))


def test_closed_and_unbuilt_until_opened_and_update_is_free_while_closed(panel):
    assert panel.widget.selected_index is None
    assert panel.widget.get_title(0) == "What moves this number"
    show(panel, app_inputs("rainier-mississippi"))
    show(panel, app_inputs("rainier-mississippi", site_power=500.0))
    assert panel.calls == 0 and panel.body.children == ()
    panel.widget.selected_index = 0
    assert panel.calls == 1 and panel.bars_mark.x.size > 0
    assert panel.changed_calls == []  # opening is not a change of the link


def test_bars_equal_the_cores_sensitivity(panel):
    inputs = app_inputs("rainier-mississippi")
    show(panel, inputs)
    panel.widget.selected_index = 0
    t = explorer.sensitivity("city_households", site="rainier-mississippi")
    moving = t.isel(parameter=np.flatnonzero(t.swing.values > 0))
    assert_allclose(panel.bars_mark.y[0], moving.low.values)
    assert_allclose(panel.bars_mark.y[1], moving.high.values)
    assert panel.bars_mark.base == float(t.central)
    assert panel.drawn["keys"] == list(moving.parameter.values)


def test_city_order_by_hand_basis_and_site_power_not_mfu(panel):
    # Rainier Mississippi, untouched: site power 300-750 MW swings the city by
    # 450 MW x 8760 h / 10,715 kWh = 367,895 households; the load factor 0.7-1 by 73,579;
    # the basis 10,500-10,800 kWh by 300 MW x 8760 h x (1/10,500 - 1/10,800) = 6,952.
    # MFU does not enter the city at all.
    show(panel, app_inputs("rainier-mississippi"))
    panel.widget.selected_index = 0
    b = panel.drawn
    assert b["labels"] == ["site power", "load factor", "use per household"]
    swings = np.abs(np.subtract(b["high"], b["low"]))
    assert_allclose(
        swings,
        [450e3 * 8760 / 10715, 300e3 * 0.3 * 8760 / 10715, 300e3 * 8760 * (1 / 10500 - 1 / 10800)],
        rtol=1e-9,
    )
    assert "defaults.mfu" in b["still"]
    assert "MFU" in panel.text.value.split("do not move it")[1]
    # the reader's own site power is exact: then the load factor leads and site power is gone
    show(panel, app_inputs("rainier-mississippi", site_power=500.0))
    assert panel.drawn["labels"][0] == "load factor"
    assert "site power" not in panel.drawn["labels"]


def test_choosing_another_number_redraws_caches_and_goes_in_the_link(panel):
    inputs = app_inputs("rainier-mississippi")
    show(panel, inputs)
    panel.widget.selected_index = 0
    panel.choice.value = "cooling_power"
    assert panel.changed_calls == [1]
    assert panel.link_state() == {"tornado": "cooling_power"}
    # the cooling share is the plant's (climate year), not a catalog range: site power 300 ->
    # 750 MW x the plant's annual share leads; the other losses barely move the plant's share
    share = float(explorer.compute(site="rainier-mississippi").cooling_fraction)
    assert panel.drawn["labels"][:2] == ["site power", "other losses"]
    swings = np.abs(np.subtract(panel.drawn["high"], panel.drawn["low"]))
    assert_allclose(swings[0], 450 * share, rtol=1e-9)
    assert swings[1] < 0.01 * swings[0]
    n = panel.calls
    panel.choice.value = "city_households"
    panel.choice.value = "cooling_power"
    assert panel.calls == n  # both from the cache
    panel.choice.value = "annual_energy"
    assert panel.calls == n + 1
    assert panel.link_state() == {"tornado": "annual_energy"}
    panel.choice.value = "city_households"
    assert panel.link_state() == {}


def test_link_round_trip(panel):
    found, messages = links.parse("tornado=annual_energy&ranges=0")
    assert messages == [] and found == {"tornado": "annual_energy", "ranges": False}
    panel.load(found)
    show(panel, app_inputs("generic"))
    panel.widget.selected_index = 0
    assert panel.choice.value == "annual_energy"
    assert panel.changed_calls == []
    assert links.parse("tornado=bogus")[1] == [
        "tornado = 'bogus' is unknown; allowed: one of " + ", ".join(tornado.CHOICES) + "."
    ]


def test_training_days_needs_a_run_and_peak_flops_is_at_fp8(panel):
    show(panel, app_inputs("generic"))
    panel.widget.selected_index = 0
    panel.choice.value = "training_days"
    assert "Choose a model" in panel.message.value
    assert len(panel.bars_mark.x) == 0
    inputs = app_inputs("generic", model="llama3-405b")
    show(panel, inputs)
    assert panel.message.value == "" and len(panel.bars_mark.x) > 0
    panel.choice.value = "peak_flops"
    t = explorer.sensitivity("peak_flops", site="generic", model="llama3-405b")
    top = t.isel(parameter=0)
    assert panel.drawn["keys"][0] == str(top.parameter.values)
    assert_allclose(panel.drawn["high"][0], float(top.high.sel(precision="fp8")))


def test_a_refused_scenario_shows_one_line_and_keeps_the_last_view(panel):
    show(panel, app_inputs("generic"))
    panel.widget.selected_index = 0
    before = list(panel.bars_mark.x)
    panel.update({**app_inputs("generic"), "mfu": 5.0}, explorer.compute())
    assert "mfu = 5" in panel.message.value
    assert list(panel.bars_mark.x) == before


def test_a_scenario_nothing_uncertain_moves_says_so(panel):
    # values that differ from the preset are the reader's own: exact; Indiana per person is
    # a high-confidence basis
    inputs = dict(
        site="generic",
        site_power=301.0,
        cooling_fraction=0.2,
        overhead_fraction=0.04,
        load_factor=0.99,
        chip="h100",
        chip_tdp=700.0,
        server_overhead=1.82,
        basis="us-in-person",
    )
    panel.load({"tornado": "city_people"})
    show(panel, inputs)
    panel.widget.selected_index = 0
    assert panel.drawn["keys"] == []
    assert "No uncertain catalog figure moves it" in panel.text.value


def test_a_panel_limited_to_one_number_has_no_menu_and_keeps_to_it():
    # lesson 8 shows the city's tornado before it asks for the cooling swing: no other number
    p = TornadoPanel(lambda: None, choices=("city_households",))
    show(p, app_inputs("rainier-mississippi"))
    p.widget.selected_index = 0
    kinds = [type(c).__name__ for c in p.body.children]
    assert "Dropdown" not in kinds and p.output == "city_households"
    p.load({tornado.FIELD: "cooling_power"})  # a link naming another number
    assert p.output == "city_households" and "Cooling" not in p.heading.value
    two = TornadoPanel(lambda: None, choices=("cooling_power", "it_power"))
    assert two.output == "cooling_power"  # the city is not offered: the first choice
    two.widget.selected_index = 0
    assert [o for _, o in two.choice.options] == ["cooling_power", "it_power"]
    for bad in ((), ("nonsense",)):
        with pytest.raises(ValueError, match="choices must be names from"):
            TornadoPanel(lambda: None, choices=bad)
