"""The "Site in context" panel without a browser: what it shows equals the core's answer, a
main-slider move only rescales the cached year (no psychrometrics), bad link values are
messages, and its link fields round-trip."""

from __future__ import annotations

import time
from urllib.parse import urlencode

import numpy as np
import pytest
from numpy.testing import assert_allclose

import explorer
from explorer import batteries, climate, fmt, scenario, sites
from explorer.ui import context, links
from explorer.ui.context import ContextPanel

SCENARIO = {
    "site": "rainier-mississippi",
    "site_power": 300.0,
    "cooling_fraction": 0.4,
    "overhead_fraction": 0.03,
    "chip": "trn2",
    "chips": None,
    "mfu": 0.4,
    "load_factor": 1.0,
    "basis": "us-household",
}


@pytest.fixture
def changed():
    calls = []
    return calls


@pytest.fixture
def panel(changed):
    p = ContextPanel(lambda: changed.append(1))
    p.update(SCENARIO, explorer.compute(**SCENARIO))
    p.widget.selected_index = 0  # open it
    return p


def test_closed_panel_builds_and_computes_nothing():
    p = ContextPanel(lambda: None)
    assert p.widget.selected_index is None  # starts closed
    for sp in (100.0, 200.0, 300.0):
        p.update({**SCENARIO, "site_power": sp}, None)
    assert not p._built and p.draws == 0 and p.year is None
    p.widget.selected_index = 0
    assert p._built and p.draws == 1
    # the last scenario: its mean facility power (IT x annual PUE) is the site power
    assert float(p.year.it_power * p.year.annual_pue) == pytest.approx(300.0)


def test_numbers_shown_equal_the_cores(panel):
    year = explorer.climate_year("rainier-mississippi", "air-evaporative", "722350", site_power=300)
    grid = explorer.grid_shares("rainier-mississippi", year=year)
    # the chart: month x hour cooling share of site power, in %
    assert_allclose(np.asarray(panel.heat.color), year.cooling_fraction.values * 100)
    # its words: the extremes as shares and as MW (the share's cell, at 300 MW of IT sizing)
    share = year.cooling_fraction.values * 100
    hi = np.unravel_index(np.argmax(share), share.shape)
    assert f"to {fmt.number(float(share[hi]))} %" in panel.climate_text.value
    assert fmt.quantity(float(year.cooling_power.values[hi]), "MW") in panel.climate_text.value
    words = panel.climate_text.value
    for name in ("peak_cooling_power", "mean_cooling_power", "peak_facility_power"):
        assert fmt.quantity(float(year[name]), "MW") in words, name
    assert fmt.number(float(year.annual_pue), 4) in words
    # the grid bars, in %
    expected = [float(grid[n]) * 100 for n, _ in context.GRID_BARS]
    assert_allclose(panel.grid_bars.y, expected)
    assert fmt.percent(float(grid.share_of_utility_peak)) in panel.grid_text.value
    assert "more than 5 %" in panel.grid_text.value  # 300 MW of Entergy Mississippi's ~3,000 MW
    # the batteries: ride-through carries the IT load for the catalog's 5 minutes, a 12C discharge
    # the UPS cells (8C at most) cannot give: the energy is raised to IT / 8 per hour
    it = float(year.it_power)
    ride = panel.roles["ride-through"]
    assert_allclose(float(ride.battery_needed_energy), it * 5 / 60)  # MW x 5 min = MWh
    assert_allclose(float(ride.battery_energy), it / 8)
    assert fmt.quantity(it / 8, "MWh") in panel.battery_table.value
    # mid: energy [MWh] x 1,000 kWh/MWh x 700 USD/kWh + power [MW] x 1,000 kW/MW x 200 USD/kW
    assert_allclose(
        float(ride.battery_cost.sel(price="mid")), it / 8 * 1000 * 700 + it * 1000 * 200
    )
    peak = batteries.peak_shaving_battery(year)
    assert fmt.quantity(float(peak.battery_energy), "MWh") in panel.battery_table.value
    # reader 41: and its other end, the same battery sized on the year's real days
    real = fmt.quantity(float(peak.real_days_energy), "MWh")
    assert real in panel.battery_table.value and "average days" in panel.battery_table.value
    # several sites: Indiana 2,200 MW and Mississippi 300 MW
    cluster = panel.cluster
    assert cluster.power_left.values.tolist() == [300.0, 2200.0]
    assert_allclose(panel.cluster_bars.y, [300 / 2500 * 100, 2200 / 2500 * 100])
    assert "300 MW (12 %)" in panel.cluster_table.value  # losing Indiana leaves 300 of 2,500


def test_a_site_power_move_rescales_the_cached_year_without_psychrometrics(
    panel, monkeypatch, capsys
):
    calls = []
    real_weather, real_respond = climate.typical_weather, climate._respond

    def weather_spy(st):
        calls.append(("weather", st.station))
        return real_weather(st)

    def respond_spy(*args):
        calls.append(("plant", args[0]))
        return real_respond(*args)

    monkeypatch.setattr(climate, "typical_weather", weather_spy)
    monkeypatch.setattr(climate, "_respond", respond_spy)
    climate.plant_year.cache_clear()
    panel.update({**SCENARIO, "site_power": 301.0}, None)  # first: the year is computed once
    first = len(calls)
    assert first > 0
    times = []
    for sp in (310.0, 500.0, 1000.0, 2200.0, 250.0):
        start = time.perf_counter()
        panel.update({**SCENARIO, "site_power": sp}, None)
        times.append((time.perf_counter() - start) * 1e3)
        assert float(panel.year.it_power * panel.year.annual_pue) == pytest.approx(sp)
    assert len(calls) == first  # no weather, no plant response recomputed
    draws = panel.draws
    panel.update({**SCENARIO, "site_power": 250.0, "cooling_fraction": 0.2, "mfu": 0.5}, None)
    assert panel.draws == draws  # the cooling share and MFU do not change the year
    with capsys.disabled():  # measured, never asserted
        print(
            f"\ncontext panel update after a site-power change: median "
            f"{sorted(times)[len(times) // 2]:.1f} ms (of {len(times)})"
        )
    climate.plant_year.cache_clear()


def test_own_controls_redraw_and_ask_for_a_new_link(panel, changed):
    panel.tech.value = "chiller-economiser"
    assert changed == [1] and panel.year.attrs["cooling_tech"] == "chiller-economiser"
    assert panel.link_state() == {"cooling_tech": "chiller-economiser"}
    panel.station.value = "725350"
    assert panel.year.attrs["station"] == "725350" and len(changed) == 2
    panel.update({**SCENARIO, "site_power": 400.0}, None)
    assert len(changed) == 2  # update() never calls changed()
    panel.settings["ride_through_minutes"].value = "10"  # a 6C discharge: no resizing
    it = float(panel.year.it_power)
    assert_allclose(float(panel.roles["ride-through"].battery_energy), it * 10 / 60)
    assert panel.link_state()["ride_through_minutes"] == 10.0


def test_a_bad_field_value_is_one_message_and_keeps_the_last_view(panel, changed):
    before = panel.battery_table.value
    panel.settings["ride_through_minutes"].value = "-5"
    assert "ride_through_minutes = -5 is out of range" in panel.message.value
    assert panel.battery_table.value == before and changed == []
    panel.settings["swing_minutes"].value = "30"  # 30 min x 96 swings a day > a day
    assert "more than a day" in panel.message.value and "swing_minutes" not in panel.link_state()
    panel.site_powers.value = "300, banana"
    assert (
        "banana" in panel.cluster_message.value and "is not a number" in panel.cluster_message.value
    )
    panel.site_powers.value = "300"  # one power for two sites
    assert "one power per site" in panel.cluster_message.value
    assert panel.cluster.power_left.values.tolist() == [300.0, 2200.0]  # last valid view


def test_other_failures_show_a_plain_line(panel, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("internal detail")

    monkeypatch.setattr(scenario, "climate_year", broken)
    shown = panel.climate_text.value
    panel.update({**SCENARIO, "site_power": 700.0}, None)
    assert panel.message.value.endswith(f"{context.PLAIN_ERROR}</span>")
    assert "internal detail" not in panel.message.value and panel.climate_text.value == shown


def test_a_preset_without_weather_data_says_which_station_it_shows():
    p = ContextPanel(lambda: None)
    p.update({"site": "generic", "site_power": 300.0}, None)
    p.widget.selected_index = 0
    assert p.year.attrs["station"] == "722350"
    assert "names no weather station" in p.station_note.value and p.link_state() == {}


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ("cooling_tech=liquid-immersion", "cooling_tech = 'liquid-immersion'"),
        ("station=723340", "station = '723340' has no data shipped"),
        ("ride_through_minutes=0", "ride_through_minutes = 0 is out of range"),
        ("round_trip_efficiency=1.5", "round_trip_efficiency = 1.5 is out of range"),
        ("swing_share=abc", "swing_share = 'abc' is not a number"),
        ("swings_per_day=nan", "swings_per_day = nan is not a finite number"),
        ("sites=rainier-indiana,atlantis", "sites = 'atlantis' is not a known name"),
        ("sites=rainier-indiana,rainier-indiana", "repeats a name"),
        ("site_powers=2200,-1", "site_powers = -1.0 is out of range"),
        ("site_powers=2200,300,100", "does not match the sites"),  # three powers, two sites
        ("swing_minutes=30&swings_per_day=60", "more than a day"),
    ],
)
def test_bad_link_values_are_messages(query, words):
    found, messages = links.parse(query)
    assert any(words in m for m in messages), messages
    assert len(messages) == 1
    field = query.split("=")[0] if "&" not in query else "swings_per_day"
    assert field not in found


def test_the_link_round_trips(panel):
    panel.tech.value = "chiller-economiser"
    panel.station.value = "725350"
    panel.settings["swing_share"].value = "0.5"
    panel.settings["round_trip_efficiency"].value = "0.9"
    panel.sites.value = ["rainier-indiana", "rainier-mississippi", "xai-colossus"]
    panel.site_powers.value = "2200, 300, 150"
    state = panel.link_state()
    query = links.build(SCENARIO) + "&" + urlencode(state)  # as the app appends a panel's
    found, messages = links.parse(query)
    assert messages == []
    other = ContextPanel(lambda: None)
    other.load(found)
    assert other.link_state() == state
    other.update(SCENARIO, None)
    other.widget.selected_index = 0
    assert other.tech.value == "chiller-economiser" and other.station.value == "725350"
    assert other.settings["swing_share"].value == "0.5"
    assert list(other.sites.value) == ["rainier-indiana", "rainier-mississippi", "xai-colossus"]
    assert other.cluster.site_power.values.tolist() == [2200.0, 300.0, 150.0]
    assert_allclose(float(other.cluster.worst_case_share), 450 / 2650)  # losing Indiana
    # the defaults leave the link as it was
    assert ContextPanel(lambda: None).link_state() == {}


def test_loading_the_defaults_after_choices_resets_the_controls(panel):
    panel.tech.value = "chiller-economiser"
    panel.load({})
    assert panel.tech.value == "air-evaporative" and panel.link_state() == {}
    assert list(panel.sites.value) == list(sites.RAINIER_SITES)


def test_in_the_app_a_link_reaches_the_panel_and_its_choices_reach_the_link():
    from explorer.ui.app import ExplorerApp

    app = ExplorerApp("?site=rainier-mississippi&cooling_tech=chiller-economiser&swing_share=0.5")
    (panel,) = [p for p in app.panels if isinstance(p, ContextPanel)]
    assert panel.widget in app._screens["advanced"] and panel.draws == 0  # closed: nothing drawn
    panel.widget.selected_index = 0
    assert panel.year.attrs["cooling_tech"] == "chiller-economiser"
    app.site_power.value = 600  # a main slider: the open panel follows with the core's numbers
    year = explorer.climate_year("rainier-mississippi", "chiller-economiser", site_power=600)
    assert_allclose(float(panel.year.peak_cooling_power), float(year.peak_cooling_power))
    panel.station.value = "725350"
    link = app.address.query
    assert "cooling_tech=chiller-economiser" in link and "station=725350" in link
    assert "swing_share=0.5" in link and "site_power=600" in link
