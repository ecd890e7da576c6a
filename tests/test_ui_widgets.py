"""The dashboard without a browser: set widget values, check headlines and marks against the
core."""

from __future__ import annotations

import numpy as np
import pytest

import explorer
from explorer import catalog, fmt
from explorer.ui import ExplorerApp
from explorer.ui.app import START_SITE


def core(**inputs):
    """The core's answer for the app's starting preset (the app passes its site explicitly)."""
    return explorer.compute(**{"site": START_SITE, **inputs})


def value_of(html_widget) -> str:
    return html_widget.value.split("class='explorer-value'>")[1].split("</div>")[0]


@pytest.fixture
def app():
    return ExplorerApp("")


def test_default_headlines_and_marks_equal_the_core(app):
    ds = core()
    assert value_of(app.city) == f"{fmt.number(float(ds.city_households))} households"
    assert value_of(app.cooling_out) == fmt.quantity(float(ds.cooling_power), "MW")
    np.testing.assert_allclose(
        app.power_chart.bars.y,
        [float(ds.it_power), float(ds.cooling_power), float(ds.overhead_power)],
    )
    sweep = core(site_power=app.city_chart.line.x)
    np.testing.assert_allclose(app.city_chart.line.y, sweep.city_households.values)
    assert app.city_chart.point.x[0] == 300


def test_one_slider_move_is_one_recompute_and_updates_everything(app):
    n = app.recomputes
    app.site_power.value = 1000
    assert app.recomputes == n + 1
    ds = core(site_power=1000)
    assert value_of(app.city) == f"{fmt.number(float(ds.city_households))} households"
    np.testing.assert_allclose(app.power_chart.bars.y[0], float(ds.it_power))
    assert app.site_power_text.value == "1000"
    assert app.preset.value == "custom"


def test_typed_value_and_slider_stay_in_step(app):
    app.site_power_text.value = "2200"
    assert app.state["site_power"] == 2200
    assert app.site_power.value == pytest.approx(2200)


def test_slider_echo_within_half_a_step_is_not_a_change(app):
    n = app.recomputes
    app.site_power.value = 300 * 10**0.004  # the browser snapping 300 MW to the slider's grid
    assert app.recomputes == n
    assert app.state["site_power"] == 300


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("-5", "out of range"),
        ("", "is not a number"),
        ("abc", "is not a number"),
        ("nan", "finite"),
        ("1e12", "out of range"),
    ],
)
def test_bad_typed_values_are_refused_in_place(app, text, words):
    before = value_of(app.city)
    app.site_power_text.value = text
    assert words in app.messages["site_power"].value
    assert "site_power" in app.messages["site_power"].value
    assert app.site_power_text.value == "300"
    assert value_of(app.city) == before


def test_widget_bounds_are_not_validation(app):
    app.site_power.max = 8  # a client can raise the slider's bounds...
    app.site_power.value = 1e7
    assert "out of range" in app.messages["site_power"].value  # ...the core still refuses
    assert app.state["site_power"] == 300
    before = app.state["cooling_fraction"]
    app.cooling.max = 1.0
    app.cooling.value = 0.99
    assert "leaves no power for IT" in app.messages["cooling_fraction"].value
    assert app.state["cooling_fraction"] == before


def test_accelerator_and_precision_change_the_flops(app):
    app.chip.value = "h100"
    app.precision.value = "bf16"
    ds = core(chip="h100")
    assert (
        value_of(app.flops)
        == f"{fmt.quantity(float(ds.peak_flops.sel(precision='bf16')), 'FLOP/s')} peak"
    )
    colours = list(app.flops_chart.bars.color)
    assert colours[catalog.names("chips").index("h100")] == 1.0 and sum(colours) == 1.0


def test_chip_count_shortfall_is_flagged(app):
    app.fill.value = False
    app.chips_text.value = "1000000"
    ds = core(chips=1_000_000)
    assert float(ds.power_headroom) < 0
    assert "only" in app.notes.value and "can run" in app.notes.value
    assert app.chips_chart.deployed.y[0] == 1_000_000


def test_presets_set_every_control(app):
    app.preset.value = "rainier-indiana"
    inputs = catalog.site_inputs("rainier-indiana")
    assert app.state["site_power"] == inputs["site_power"]
    assert app.basis.value == inputs["basis"]
    ds = core(site="rainier-indiana")
    assert value_of(app.city).startswith(fmt.number(float(ds.city_people)))


def test_query_string_restores_a_scenario_and_reports_bad_parameters():
    app = ExplorerApp("site_power=600&chip=h100&cooling_fraction=0.3&mfu=2&bogus=1")
    assert (
        app.state["site_power"] == 600
        and app.state["chip"] == "h100"
        and app.state["cooling_fraction"] == 0.3
    )
    assert app.state["mfu"] == pytest.approx(0.4)
    assert "mfu = 2" in app.link_notes.value and "bogus" in app.link_notes.value
    assert "site_power=600" in app.address.query and "chip=h100" in app.address.query


def test_catalog_text_is_escaped_in_the_sources_panel(app):
    assert (
        catalog.entry(f"chips.{app.state['chip']}.tdp").source_title.split(" (")[0]
        in app.sources.value
    )


def test_export_offers_json_and_csv(app):
    app._export()
    assert "download='scenario.json'" in app.export_links.value
    assert "download='sweep.csv'" in app.export_links.value


def notifications(widget, name: str) -> list:
    seen: list = []
    widget.observe(seen.append, name)
    return seen


def test_a_site_power_move_resends_only_what_changed(app):
    # every trait change is a message to the browser: the sweep curves and the chip bars do not
    # depend on site power, so a site-power move must not resend them
    people, chips_curve, chip_bars = (
        notifications(app.city_chart.line, "y"),
        notifications(app.chips_chart.line, "y"),
        notifications(app.flops_chart.bars, "y"),
    )
    sources, pue = notifications(app.sources, "value"), notifications(app.pue_text, "value")
    app.site_power.value = 1000
    assert people == chips_curve == chip_bars == sources == pue == []
    app.cooling.value = 0.2  # chips per MW depend on the cooling share; a city's size does not
    assert len(chips_curve) == len(chip_bars) == 1 and people == []
    ds = core(site_power=1000, cooling_fraction=0.2)
    sweep = core(site_power=app.city_chart.line.x, cooling_fraction=0.2)
    np.testing.assert_allclose(app.city_chart.line.y, sweep.city_households.values)
    assert value_of(app.city) == f"{fmt.number(float(ds.city_households))} households"


def test_precision_and_basis_redraw_the_charts_that_use_them(app):
    app.precision.value = "bf16"
    chips = core(chip=catalog.names("chips"), chips=None)
    np.testing.assert_allclose(
        app.flops_chart.bars.y,
        np.nan_to_num(chips.flops_per_watt.sel(precision="bf16").values * 1e6 / 1e15),
    )
    app.basis.value = "world-person"
    sweep = core(site_power=app.city_chart.line.x, basis="world-person")
    np.testing.assert_allclose(app.city_chart.line.y, sweep.city_people.values)
    assert app.city_chart.figure.axes[1].label == "people"


@pytest.mark.parametrize("mw", [0.5, 1, 3, 7.5, 300, 999, 1000, 1001, 9_999])
def test_the_power_chart_axis_is_a_round_number_above_the_tallest_bar(app, mw):
    app.site_power_text.value = str(mw)
    top = app.power_chart.bars.scales["y"].max
    tallest = max(app.power_chart.bars.y)
    assert tallest <= top < 5 * tallest  # bars keep a visible height
    mantissa = top / 10 ** np.floor(np.log10(top))
    assert round(mantissa, 9) in (1, 2, 5)


def test_the_address_bar_gets_the_shareable_query(app):
    app.site_power.value = 600
    assert app.address.query.startswith("?") and "site_power=600" in app.address.query


def test_the_charts_have_their_key_figures_in_words(app):
    app.site_power_text.value = "1000"
    ds = core(site_power=1000)
    text = app.charts_text.value
    assert f"IT {fmt.quantity(float(ds.it_power), 'MW')}" in text
    assert f"{fmt.number(float(ds.city_households))} households" in text
    assert f"{fmt.number(float(ds.chips_supported))} chips supported" in text
    assert "PFLOP/s per facility MW" in text


def test_a_link_loaded_later_replaces_the_scenario_and_clears_old_messages(app):
    app.site_power_text.value = "-5"
    assert app.messages["site_power"].value
    app.load_link("site_power=600&chip=h100&cooling_fraction=0.3")
    ds = core(site_power=600, chip="h100", cooling_fraction=0.3)
    assert value_of(app.city) == f"{fmt.number(float(ds.city_households))} households"
    assert app.chip.value == "h100" and app.site_power_text.value == "600"
    assert app.messages["site_power"].value == ""
    app.load_link("chip=nope")
    assert app.chip.value == core().chip.item()
    assert "nope" in app.link_notes.value


def test_the_pue_field_and_the_cooling_slider_stay_in_sync(app):
    app.pue_text.value = "1.25"
    # 1 - 1/1.25 - 0.03 = 0.17
    assert app.state["cooling_fraction"] == pytest.approx(0.17)
    assert app.cooling.value == pytest.approx(0.17)
    assert value_of(app.cooling_out) == fmt.quantity(float(core(pue=1.25).cooling_power), "MW")
    app.cooling.value = 0.4
    assert app.pue_text.value == "1.754"  # 1 / (1 - 0.4 - 0.03)
    app.pue_text.value = "0.9"
    assert "pue" in app.messages["cooling_fraction"].value
    assert app.pue_text.value == "1.754" and app.state["cooling_fraction"] == pytest.approx(0.4)
    app.pue_text.value = "1.01"  # leaves no room for the 3 % other losses
    assert "overhead_fraction" in app.messages["cooling_fraction"].value


@pytest.mark.parametrize("text", ["0", "-0", "1e-400", "5e-324", "0.001"])
def test_a_zero_or_vanishing_load_factor_is_refused_and_nothing_shows_nan(app, text):
    app.load_text.value = text
    assert "load_factor" in app.messages["load_factor"].value
    assert app.state["load_factor"] == 1.0 and app.load_text.value == "1"
    assert " 0 households" not in app.city.value and "nan" not in app.city.value.lower()
    assert "load_factor" not in app.address.query or "load_factor=1" in app.address.query


def test_a_link_with_load_factor_zero_keeps_the_default_and_says_why():
    app = ExplorerApp("load_factor=0&site_power=600")
    assert app.state["load_factor"] == 1.0 and app.state["site_power"] == 600
    assert "load_factor" in app.link_notes.value
    assert "0 households" not in app.city.value


@pytest.mark.parametrize("basis", ["us-household", "world-person"])
def test_log_axes_cover_their_data_and_tick_only_inside_it(app, basis):
    app.basis.value = basis
    for fig, data in (
        (app.city_chart.figure, app.city_chart.line.y),
        (app.chips_chart.figure, app.chips_chart.line.y),
    ):
        scale, ticks = fig.axes[1].scale, fig.axes[1].tick_values
        assert scale.min <= np.min(data) and np.max(data) <= scale.max
        assert len(ticks) >= 2 and all(scale.min <= t <= scale.max for t in ticks)
    assert app.flops_chart.bars.scales["y"].max >= np.max(app.flops_chart.bars.y)


@pytest.mark.parametrize("site", catalog.names("sites"))
def test_every_preset_loads_and_its_off_grid_cooling_share_survives_the_slider_echo(app, site):
    app.preset.value = site
    assert app.preset.value == site and app.messages["general"].value == ""
    ds = core(site=site)
    assert value_of(app.cooling_out) == fmt.quantity(float(ds.cooling_power), "MW")
    cooling = app.state["cooling_fraction"]
    app.cooling.value = round(cooling, 2)  # the browser snapping the slider to its 1 % grid
    assert app.state["cooling_fraction"] == cooling and app.preset.value == site


def test_the_strip_repeats_the_headlines_and_chart_titles_name_what_they_show(app):
    ds = core()
    assert f"<b>{fmt.number(float(ds.city_households))} households</b>" in app.strip.value
    assert f"<b>{fmt.quantity(float(ds.cooling_power), 'MW')}</b>" in app.strip.value
    assert app.city_chart.figure.title == "A city of how many households?"
    assert "h100" in app.flops_chart.figure.title  # the chosen chip is named, not only coloured
    app.basis.value = "world-person"
    assert app.city_chart.figure.title == "A city of how many people?"
    app.chip.value = "trn2"
    assert "trn2" in app.flops_chart.figure.title
    ds = core(basis="world-person", chip="trn2")
    assert f"<b>{fmt.number(float(ds.city_people))} people</b>" in app.strip.value


# ---------------------------------------------------------------- the Basics screen


def slider_values(root) -> list:
    """Every slider drawn on the screen (widgets inside the root's boxes, depth first)."""
    import ipywidgets as w

    found, todo = [], list(root.children)
    while todo:
        x = todo.pop(0)
        if isinstance(x, w.FloatSlider | w.FloatLogSlider):
            found.append(x)
        todo = list(getattr(x, "children", ())) + todo
    return found


def test_basics_screen_has_three_sliders_and_three_results_equal_to_the_core():
    app = ExplorerApp("screen=basics&site_power=600&cooling_fraction=0.25")
    assert app.screen == "basics" and app.screen_toggle.value == "basics"
    sliders = slider_values(app.widget)
    assert sliders == [app.site_power, app.chips_slider, app.cooling]
    ds = core(site_power=600, cooling_fraction=0.25)
    # 600 MW × 8760 h / 10.7 MWh ≈ 491,000 households: 49.1 houses of 10,000
    assert value_of(app.basics_city) == f"{fmt.number(float(ds.city_households))} households"
    assert "each house is 10,000 households" in app.basics_city.value
    assert app.basics_city.value.count("<svg") == 50  # 49 whole houses and a part of one
    assert value_of(app.basics_cooling) == "150 MW"  # 0.25 × 600 MW
    peak = float(ds.peak_flops.sel(precision="fp8"))
    assert value_of(app.basics_flops) == fmt.quantity(peak, "FLOP/s")
    colossus = float(explorer.compute(site="xai-colossus").peak_flops.sel(precision="fp8"))
    assert f"{fmt.number(peak / colossus)} × the peak of xAI Colossus" in app.basics_flops.value
    assert "screen=basics" in app.address.query


def test_the_screen_toggle_swaps_screens_and_the_link_keeps_it():
    app = ExplorerApp("")
    assert app.screen == "advanced" and app.mfu in slider_values(app.widget)
    app.screen_toggle.value = "basics"
    assert app.mfu not in slider_values(app.widget)
    assert "screen=basics" in app.address.query
    app.site_power.value = 1000  # a slider on Basics redraws the Basics results
    assert value_of(app.basics_cooling) == fmt.quantity(
        float(core(site_power=1000).cooling_power), "MW"
    )
    basics_link = app.address.query
    app.screen_toggle.value = "advanced"  # Advanced catches up when it returns
    assert (
        value_of(app.city)
        == f"{fmt.number(float(core(site_power=1000).city_households))} households"
    )
    assert app.city_chart.point.x[0] == pytest.approx(1000)
    restored = ExplorerApp(basics_link)
    assert restored.screen == "basics" and restored.state["site_power"] == pytest.approx(1000)


def test_an_unknown_screen_is_reported_and_the_default_kept():
    app = ExplorerApp("screen=%3Cscript%3E&site_power=600")
    assert app.screen == "advanced"
    assert "screen = &#x27;&lt;script&gt;&#x27; is unknown" in app.link_notes.value
    assert app.state["site_power"] == 600


@pytest.mark.parametrize(
    ("raw", "expected"), [("basics", "basics"), (" Advanced ", "advanced"), ("BASICS", "basics")]
)
def test_screen_names_are_parsed_from_the_allowed_set(raw, expected):
    from explorer.ui import links

    assert links.parse(f"screen={raw}") == ({"screen": expected}, [])
    assert links.build({"screen": expected}) == f"screen={expected}"


def test_house_unit_keeps_the_row_short():
    from explorer.ui.basics import MAX_ICONS, house_unit

    assert house_unit(245_264) == 10_000  # 24.5 houses
    assert house_unit(600_001) == 100_000  # 60.0 houses would be the most at 10,000
    assert house_unit(5) == 1000
    for n in (1e3, 3.3e4, 7e6, 2.1e8):
        assert n / house_unit(n) <= MAX_ICONS


# ---------------------------------------------------------------- the training panel


def test_training_panel_shows_the_cores_days_goodput_and_energy(app):
    assert "Choose a model" in app.training_out.value
    n = app.recomputes
    app.model.value = "llama3-405b"
    app.training_texts["job_chips"].value = "16384"
    app.training_texts["restart_minutes"].value = "2"
    assert app.recomputes == n + 3
    ds = core(model="llama3-405b", job_chips=16384, restart_minutes=2).sel(precision="fp8")
    out = app.training_out.value
    assert f"{fmt.number(float(ds.training_days))} days</div>" in out
    assert f"Goodput {fmt.percent(float(ds.goodput))}" in out
    assert f"{fmt.percent(float(ds.restart_share))} restarting" in out
    # the city uses the site's annual energy: run energy ÷ (annual energy ÷ 365 days)
    days = float(ds.run_energy) / (float(ds.annual_energy) * 1000 / 365)
    assert f"= {fmt.number(days)} days of the city's electricity" in out
    assert "model=llama3-405b" in app.address.query and "restart_minutes=2" in app.address.query
    assert app.preset.value == START_SITE  # a training run does not change the site


def test_training_inputs_are_checked_and_blank_means_the_default(app):
    app.model.value = "gpt-3"
    before = app.training_out.value
    app.training_texts["checkpoint_minutes"].value = "0"  # 0 < δ: refused, the old value kept
    assert "checkpoint_minutes = 0 is out of range" in app.messages["checkpoint_minutes"].value
    assert app.training_out.value == before and app.training_texts["checkpoint_minutes"].value == ""
    app.training_texts["job_chips"].value = "1000"
    app.training_texts["job_chips"].value = "  "
    assert app.state["job_chips"] is None
    assert app.training_out.value == before
    app.model.value = "none"
    assert "Choose a model" in app.training_out.value and "model=" not in app.address.query


def test_a_link_restores_the_training_run():
    app = ExplorerApp("model=llama3-70b&job_chips=4096&checkpoint_minutes=5")
    assert app.model.value == "llama3-70b"
    assert app.training_texts["job_chips"].value == "4096"
    assert app.training_texts["checkpoint_minutes"].value == "5"
    ds = core(model="llama3-70b", job_chips=4096, checkpoint_minutes=5).sel(precision="fp8")
    assert f"{fmt.number(float(ds.training_days))} days</div>" in app.training_out.value
