"""The headlines' ranges in the app without a browser: the slot text, the toggle, the link."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest

from explorer.model import preset_inputs
from explorer.ui import headlines, links
from explorer.ui.headlines import Headline
from explorer.ui.ranges import (
    CARDS,
    HeadlineRanges,
    RangesToggle,
    city_output,
    note_html,
    slot_text,
)


def app_inputs(site: str, **changed) -> dict:
    p = preset_inputs(site)
    keys = ("site_power", "cooling_fraction", "overhead_fraction", "chip", "basis", "mfu")
    return {"site": site, **{k: p[k] for k in (*keys, "load_factor")}, **changed}


def test_slot_text_is_the_cores_numbers():
    r = HeadlineRanges()
    got = r.update(app_inputs("rainier-mississippi"), "fp8")
    core = headlines.headline_ranges(site="rainier-mississippi")
    assert got == core
    h = core["city_households"]
    lo, hi = (f"{x / 1e3:.3g}k" for x in (h.low, h.high))
    assert r.text("city_households") == f"90 % range {lo}–{hi}"
    assert r.text("training_days") == ""  # no run, no range


def test_slot_text_by_hand():
    assert slot_text(Headline("city_households", 245_264, 196_400, 262_300, "households", "")) == (
        "90 % range 196k–262k"
    )
    assert slot_text(Headline("x", 120, 120, 120, "MW", "")) == "no recorded uncertainty moves it"
    assert slot_text(None) == ""
    assert city_output("person") == "city_people"


def test_the_core_runs_once_per_scenario():
    r = HeadlineRanges()
    inputs = app_inputs("generic")
    r.update(inputs, "fp8")
    r.update(dict(inputs), "fp8")
    assert r.calls == 1
    r.update({**inputs, "site_power": 500.0}, "fp8")
    r.update({**inputs, "site_power": 500.0}, "bf16")
    assert r.calls == 3


def test_a_refused_scenario_gives_no_ranges():
    r = HeadlineRanges()
    assert r.update({"site": "generic", "mfu": 5.0}, "fp8") == {}
    assert r.text("city_households") == ""


def test_the_note_says_what_the_range_is_and_is_not():
    text = note_html()
    assert "90 %" in text and "recorded uncertainty" in text and "not in it" in text


def test_toggle_defaults_on_and_off_is_in_the_link():
    calls = []
    t = RangesToggle(lambda: calls.append(1))
    assert t.shown and t.link_state() == {}
    t.checkbox.value = False
    assert calls == [1] and t.link_state() == {"ranges": 0}
    assert t.note.value == ""  # the line about the small type goes with it
    found, messages = links.parse(urlencode({"site_power": 300.0, **t.link_state()}))
    assert found == {"site_power": 300.0, "ranges": False} and messages == []
    t2 = RangesToggle(lambda: calls.append(2))
    t2.load(found)
    assert not t2.shown and calls == [1]  # loading a link is not a change
    t2.load({})
    assert t2.shown


@pytest.mark.parametrize("raw, shown", [("1", True), ("0", False), (" off ", False), ("yes", True)])
def test_ranges_parameter(raw, shown):
    assert links.parse(f"ranges={raw}") == ({"ranges": shown}, [])


def test_bad_ranges_parameter_is_a_plain_message_and_left_out():
    found, messages = links.parse("ranges=maybe&site_power=600")
    assert found == {"site_power": 600.0}
    assert messages == ["ranges = 'maybe' is not 1 or 0; allowed: 1 (show) or 0 (hide)."]


def test_slots_per_card_and_nothing_computed_when_hidden():
    r = HeadlineRanges()
    inputs = app_inputs("generic")
    assert r.slots(inputs, "fp8", "household", shown=False) == dict.fromkeys(CARDS, "")
    assert r.calls == 0
    got = r.slots(inputs, "fp8", "person", shown=True)
    h = headlines.headline_ranges(site="generic")
    assert got["city"] == slot_text(h["city_people"])  # the basis counts people
    assert got["cooling"] == slot_text(h["cooling_power"])
    assert got["energy"] == slot_text(h["annual_energy"])
    assert got["training"] == ""  # no run


def test_the_app_shows_the_cores_ranges_hides_them_and_links_the_toggle():
    from explorer.ui import ExplorerApp
    from explorer.ui.tornado import TornadoPanel

    app = ExplorerApp("?site=rainier-mississippi")
    h = headlines.headline_ranges(site="rainier-mississippi", precision="fp8")
    assert "class='explorer-range'" in app.city.value
    assert slot_text(h["city_households"]) in app.city.value
    assert slot_text(h["cooling_power"]) in app.cooling_out.value
    assert slot_text(h["annual_energy"]) in app.details.value
    app.ranges_toggle.checkbox.value = False
    assert "explorer-range" not in app.city.value
    assert "ranges=0" in app.address.query
    again = ExplorerApp(app.address.query)
    assert not again.ranges_toggle.shown and "explorer-range" not in again.city.value
    # the reader's own site power is exact: the facility load no longer has a range, the city
    # still has (the load factor and the basis)
    app.ranges_toggle.checkbox.value = True
    app.site_power.value = 500
    r = headlines.headline_ranges(**app.scenario.inputs)
    assert r["facility_load"].collapsed and not r["city_households"].collapsed
    assert slot_text(r["city_households"]) in app.city.value
    tornado = next(p for p in app.panels if isinstance(p, TornadoPanel))
    assert tornado.widget.selected_index is None and tornado.calls == 0


def test_a_card_whose_value_lies_outside_its_range_names_the_figure_that_puts_it_there():
    # reader 29: "IT power 261 MW, 90 % range 272–565 MW (the value rests on a figure that can
    # only move one way)" read as a range that misses its own value; the card now says which
    # figure, its value and its catalog range (Mississippi's 300 MW, the low end of 300–750 MW)
    hs = headlines.headline_ranges(site="rainier-mississippi")
    outside = {k: h for k, h in hs.items() if not h.low <= h.central <= h.high}
    assert {"it_power", "cooling_power", "facility_load"} <= set(outside), sorted(outside)
    for name, h in hs.items():
        text = slot_text(h)
        if name in outside:
            assert "lies outside it" in text and "300 MW, the low end of its 300–750 MW" in text
            assert "grid connection" in text, text  # the figure's name, not its catalog key
        else:
            assert "outside" not in text and "one way" not in text, (name, text)
