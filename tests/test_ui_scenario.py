"""The app's model without widgets or a browser: `explorer.ui.scenario.Scenario`."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.testing import assert_allclose

import explorer
from explorer.ui import scenario as scenario_module
from explorer.ui.scenario import SWEEP, Scenario


@pytest.fixture
def s():
    return Scenario()


@pytest.fixture
def core_calls(monkeypatch):
    """Every explorer.compute call the scenario makes, by its site_power's shape."""
    calls: list[str] = []

    def counted(**inputs):
        calls.append("sweep" if getattr(inputs.get("site_power"), "ndim", 0) else "one")
        if isinstance(inputs.get("chip"), list):
            calls[-1] = "chips"
        return explorer.compute(**inputs)

    monkeypatch.setattr(scenario_module, "compute", counted)
    return calls


def test_a_change_is_computed_by_the_core(s):
    assert s.change("site_power", 600.0) is None
    assert s.change("cooling_fraction", 0.25) is None
    v = s.values
    assert_allclose(v["it_power"], 432.0)  # 600 MW × (1 − 0.25 cooling − 0.03 other losses)
    assert_allclose(v["cooling_power"], 150.0)  # 600 MW × 0.25
    # 600 MW × 8,760 h = 5,256,000 MWh a year ÷ 10.715 MWh per US household = 490,527 households
    assert_allclose(v["city_households"], 490_527.298, rtol=1e-6)
    assert s.custom and s.site == "generic"


def test_a_site_power_move_alone_does_not_recompute_the_sweep_or_the_chip_bars(s, core_calls):
    sweep, chips = s.sweep, s.chips
    assert s.change("site_power", 1000.0) is None
    assert core_calls == ["one"]  # one core call per slider step
    assert s.sweep is sweep and s.chips is chips
    assert s.change("mfu", 0.5) is None  # the sweep's effective FLOPS use MFU; FLOPS per MW not
    assert core_calls[1:] == ["one", "sweep"] and s.chips is chips
    assert s.change("cooling_fraction", 0.2) is None  # chips per MW depend on the cooling share
    assert core_calls[3:] == ["one", "sweep", "chips"]
    # the new sweep's city at 1000 MW: 1000 × 8,760 / 10.715 = 817,545 households
    i = abs(SWEEP - 1000).argmin()
    assert_allclose(
        s.sweep.city_households.values[i], SWEEP[i] * 8760 / 10.715, rtol=1e-9
    )  # the curve is proportional to site power


def test_the_basics_screen_computes_only_the_scenario(s, core_calls):
    s.set_screen("basics")
    assert s.change("cooling_fraction", 0.3) is None
    assert core_calls == ["one", "one"]
    s.set_screen("advanced")  # Advanced catches up when it returns
    assert core_calls[2:] == ["one", "sweep", "chips"]


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("site_power", -5.0, "site_power = -5 is out of range"),
        ("site_power", float("nan"), "site_power"),
        ("cooling_fraction", 0.99, "leaves no power for IT"),
        ("chip", "nope", "chip"),
        ("mfu", 2.0, "mfu = 2 is out of range"),
    ],
)
def test_bad_values_are_messages_and_the_last_valid_state_stays(s, field, value, words):
    s.change("site_power", 600.0)
    state, result, n = dict(s.state), s.result, s.recomputes
    message = s.change(field, value)
    assert words in message
    assert s.state == state and s.result is result and s.recomputes == n


def test_typed_values_are_parsed_then_checked(s):
    assert "is not a number" in s.change_typed("site_power", "abc")
    assert s.change_typed("chips", "16,384") is None and s.state["chips"] == 16_384
    assert s.change_typed("job_chips", "  ") is None and s.state["job_chips"] is None
    assert s.change_pue("1.25") is None
    assert_allclose(s.state["cooling_fraction"], 0.17)  # 1 − 1/1.25 − 0.03 other losses
    assert "pue" in s.change_pue("0.9")
    assert_allclose(s.state["cooling_fraction"], 0.17)


def test_presets_and_view_choices(s):
    s.choose_preset("rainier-indiana")
    assert s.site == "rainier-indiana" and not s.custom
    assert s.state["site_power"] == explorer.catalog.site_inputs("rainier-indiana")["site_power"]
    s.change("precision", "bf16")  # a view choice keeps the preset chosen
    s.change("basis", "world-person")
    assert not s.custom and s.per == "person"
    assert s.change("site_power", 700.0) is None and s.custom


def test_the_link_round_trips(s):
    s.choose_preset("xai-colossus")
    s.change("site_power", 612.5)
    s.change("chips", 123_456)
    s.change("precision", "bf16")
    s.set_screen("basics")
    link = s.link()
    assert link.startswith("?site=xai-colossus&site_power=612.5&")
    other = Scenario()
    found, messages = other.load_link(link)
    assert messages == [] and found["screen"] == "basics"
    assert other.state == s.state and other.site == s.site and other.screen == "basics"
    assert other.values == s.values
    assert other.link() == link


def test_a_bad_link_is_messages_and_the_defaults(s):
    found, messages = s.load_link("site_power=-1&chip=%3Cb%3E&load_factor=0&zzz=1&mfu=0.5")
    assert found == {"mfu": 0.5}
    assert len(messages) == 4 and any("zzz" in m for m in messages)
    assert s.state["site_power"] == 300 and s.state["mfu"] == 0.5 and s.custom


def test_a_links_pue_becomes_the_cooling_share_and_a_new_chip_drops_the_power_cap(s):
    s.load_link("pue=1.25&chip=h100&chip_tdp=500")
    assert_allclose(s.state["cooling_fraction"], 0.17)  # 1 − 1/1.25 − 0.03
    assert "pue" not in s.state and s.state["chip_tdp"] == 500
    assert_allclose(s.values["chip_tdp"], 500)
    s.change("chip", "b200")
    assert "chip_tdp" not in s.state and "chip_tdp" not in s.link()


def test_extra_link_fields_follow_the_state(s):
    assert s.link({"panel_x": 3, "panel_y": None}).endswith("&screen=advanced&panel_x=3")


# ---------------------------------------------------------------- compare: A pinned, B moves


def test_pinning_computes_nothing_and_moving_b_never_recomputes_a(s, core_calls):
    s.change("site_power", 600.0)
    a_result = s.result
    s.pin()
    assert core_calls == ["one"]  # pinning keeps A's results as they are
    s.change("site_power", 900.0)
    s.change("cooling_fraction", 0.25)
    assert core_calls[1:] == ["one", "one", "sweep", "chips"]  # B only
    assert s.pinned.result is a_result and s.pinned.state["site_power"] == 600
    # both equal two independent core calls
    a = explorer.compute(site_power=600)
    b = explorer.compute(site_power=900, cooling_fraction=0.25)
    assert_allclose(s.pinned_values["cooling_power"], float(a.cooling_power))
    assert_allclose(s.values["cooling_power"], 225.0)  # 900 MW × 0.25
    assert_allclose(s.values["city_households"], float(b.city_households))
    s.change("precision", "bf16")  # a view choice: A is read at the new precision, not computed
    assert len(core_calls) == 6
    assert_allclose(s.pinned_values["peak_flops"], float(a.peak_flops.sel(precision="bf16")))
    s.unpin()
    assert s.pinned is None and s.pinned_values is None and "a." not in s.link()


def test_a_preset_can_be_a_and_another_b(s):
    s.choose_preset("rainier-indiana")
    s.pin()
    s.choose_preset("xai-colossus")
    assert s.pinned.site == "rainier-indiana" and s.site == "xai-colossus"
    a, b = explorer.compute(site="rainier-indiana"), explorer.compute(site="xai-colossus")
    assert_allclose(s.pinned_values["it_power"], float(a.it_power))
    assert_allclose(s.values["it_power"], float(b.it_power))


def test_the_link_restores_both_scenarios(s):
    s.choose_preset("rainier-indiana")
    s.change("site_power", 2500.0)
    s.pin()
    s.choose_preset("xai-colossus")
    s.change("chip", "b200")
    link = s.link()
    assert "&a.site=rainier-indiana&a.site_power=2500&" in link
    other = Scenario()
    found, messages = other.load_link(link)
    assert messages == [] and not any(k.startswith("a.") for k in found)
    assert other.state == s.state and other.site == "xai-colossus"
    assert other.pinned.state == s.pinned.state and other.pinned.site == "rainier-indiana"
    assert other.pinned.custom and other.pinned_values == s.pinned_values
    assert other.link() == link
    # 2,500 MW / Indiana's air-evaporative annual PUE (its plant's default cooling share) of IT
    # power for A
    pue = float(explorer.climate_year("rainier-indiana").annual_pue)
    assert_allclose(other.pinned_values["it_power"], 2500 / pue, rtol=1e-12)


def test_bad_pinned_parameters_are_messages_not_exceptions(s):
    found, messages = s.load_link(
        "site_power=600&a.site_power=-4&a.chip=%3Cscript%3E&a.cooling_fraction=0.2&a.screen=basics"
    )
    assert found == {"site_power": 600.0}
    assert s.pinned.state["cooling_fraction"] == 0.2 and s.pinned.state["site_power"] == 300
    assert len(messages) == 3 and all(m.startswith("Pinned scenario A: ") for m in messages)
    assert any("site_power = -4" in m for m in messages)
    _, messages = s.load_link("a.cooling_fraction=0.9&a.overhead_fraction=0.2")
    assert s.pinned is not None and messages  # the combination is refused, A keeps defaults
    assert s.pinned.state["cooling_fraction"] + s.pinned.state["overhead_fraction"] < 1


def test_a_pinned_on_basics_gets_its_chip_comparison_once_on_advanced(s, core_calls):
    s.set_screen("basics")
    s.pin()
    assert s.pinned.chips is None
    s.set_screen("advanced")
    # B's curves are still those of its inputs (cached); A's chip comparison is computed once
    assert core_calls == ["one", "one", "chips"]
    assert s.pinned.chips is not None


@settings(max_examples=80, deadline=None)
@given(
    pairs=st.lists(
        st.tuples(
            st.sampled_from(["a.site_power", "a.chip", "a.mfu", "a.site", "a.", "a.a.mfu", "mfu"]),
            st.text(max_size=12),
        ),
        max_size=6,
    )
)
def test_any_pinned_parameters_are_messages_or_a_valid_a(pairs):
    from urllib.parse import urlencode

    s = Scenario()
    found, messages = s.load_link(urlencode(pairs))  # never raises
    assert all(isinstance(m, str) for m in messages)
    if s.pinned is not None:
        again = Scenario()
        again.load_link(s.link())
        assert again.pinned.state == s.pinned.state and again.state == s.state
