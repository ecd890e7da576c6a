"""Compare in the dashboard (no browser): pin A, move B; cards, charts and the link show both."""

from __future__ import annotations

import pytest
from numpy.testing import assert_allclose

import explorer
from explorer import fmt


def value_of(html_widget, css: str = "explorer-value") -> str:
    return html_widget.value.split(f"class='{css}'>")[1].split("</")[0]


@pytest.fixture
def app():
    from explorer.ui import ExplorerApp

    return ExplorerApp("site_power=600")


def test_pin_a_move_b_and_every_card_shows_both_and_the_change(app):
    n = app.recomputes
    app.pin_button.click()
    assert app.recomputes == n  # pinning computes nothing
    app.site_power.value = 1200
    app.cooling.value = 0.25
    assert app.recomputes == n + 2
    a = explorer.compute(site_power=600)
    b = explorer.compute(site_power=1200, cooling_fraction=0.25)
    assert value_of(app.city) == f"{fmt.number(float(b.city_households))} households"
    assert value_of(app.city, "explorer-a-value") == (
        f"{fmt.number(float(a.city_households))} households"
    )
    # B: 1200 × 0.25 = 300 MW of cooling; A: 600 MW × the generic site's 12.25 % = 73.5 MW
    assert value_of(app.cooling_out) == "300 MW"
    assert value_of(app.cooling_out, "explorer-a-value") == fmt.quantity(
        float(a.cooling_power), "MW"
    )
    cooling_a = float(a.cooling_power)
    assert value_of(app.cooling_out, "explorer-change") == (
        f"+{fmt.quantity(300 - cooling_a, 'MW')} (+{fmt.percent((300 - cooling_a) / cooling_a)})"
    )
    assert "— B (the controls)" in app.flops.value and "explorer-a-value" in app.details.value
    assert "A (pinned)" in app.compare_note.value and not app.unpin_button.disabled


def test_the_charts_draw_a_by_outline_and_diamond_and_b_moves_alone(app):
    app.pin_button.click()
    power, city, flops, chips = app.charts
    for chart, mark in ((power, power.bars_a), (city, city.point_a), (flops, flops.bars_a)):
        assert mark in chart.figure.marks
    assert chips.deployed_a in chips.figure.marks and not power.bars_a.fill  # outlined
    assert power.figure.title.endswith("(B filled, A outlined)")  # said in words too
    assert "outlined: A, h100" in flops.figure.title
    sent: list = []
    for mark, trait in ((power.bars_a, "y"), (city.point_a, "x"), (flops.bars_a, "y")):
        mark.observe(sent.append, trait)
    app.site_power.value = 1000
    assert sent == []  # moving B sends nothing of A's
    a = explorer.compute(site_power=600)
    assert_allclose(power.data().power_a.values, [float(a.it_power), float(a.cooling_power), 18])
    assert_allclose(city.point_a.x, [600]) and "A (pinned" in app.charts_text.value
    app.unpin_button.click()
    assert [len(c.figure.marks) for c in app.charts] == [1, 2, 1, 3]  # A's marks are gone
    assert power.figure.title == "Where the site's power goes"
    assert "explorer-a-value" not in app.city.value and app.unpin_button.disabled
    assert "power_a" not in power.data() and "a." not in app.address.query


def test_the_link_carries_both_and_reopens_them(app):
    from explorer.ui import ExplorerApp

    app.preset.value = "rainier-mississippi"
    app.pin_button.click()
    app.preset.value = "xai-colossus"
    link = app.address.query
    assert "&a.site=rainier-mississippi&" in link and "site=xai-colossus" in link
    again = ExplorerApp(link)
    assert again.address.query == link and again.link_notes.value == ""
    assert again.preset.value == "xai-colossus"
    assert value_of(again.city, "explorer-a-value") == value_of(app.city, "explorer-a-value")
    assert value_of(again.flops) == value_of(app.flops)


def test_bad_pinned_link_parameters_are_listed_not_raised():
    from explorer.ui import ExplorerApp

    app = ExplorerApp("site_power=600&a.site_power=nan&a.mfu=0.5&a.zz=1&a.chip=%3Cscript%3E")
    assert "Pinned scenario A: site_power" in app.link_notes.value
    assert "&lt;script&gt;" in app.link_notes.value and "<script>" not in app.link_notes.value
    assert "zz" in app.link_notes.value and app.messages["general"].value == ""
    assert app.scenario.pinned.state["mfu"] == 0.5


def test_the_export_carries_a_pinned_a(app):
    import base64
    import json

    app.pin_button.click()
    app.site_power.value = 900
    app.export_button.click()
    data = app.export_links.value.split("base64,")[1].split("'")[0]
    content = json.loads(base64.b64decode(data))
    assert content["inputs"]["site_power"] == pytest.approx(900)
    assert content["pinned"]["inputs"]["site_power"] == 600
    assert "it_power" in content["pinned"]["outputs"]


def test_basics_and_the_strip_say_which_is_b_and_show_a_with_the_change(app):
    app.pin_button.click()
    app.screen_toggle.value = "basics"
    app.site_power.value = 1200
    a = explorer.compute(site_power=600)
    b = explorer.compute(site_power=1200)
    # the city card: B big, A and the change under it (1200 MW is twice the households of 600)
    city = app.basics_city
    assert value_of(city) == f"{fmt.number(float(b.city_households))} households"
    assert value_of(city, "explorer-a-value") == (
        f"{fmt.number(float(a.city_households))} households"
    )
    assert value_of(city, "explorer-change").endswith("(+100 %)")
    assert "— B (the controls)" in city.value
    assert value_of(app.basics_cooling, "explorer-a-value") == fmt.quantity(
        float(a.cooling_power), "MW"
    )
    assert "explorer-a-value" in app.basics_flops.value
    assert "City (B)" in app.strip.value and "Cooling (B)" in app.strip.value
    app.unpin_button.click()
    assert "explorer-a-value" not in app.basics_city.value and "(B)" not in app.strip.value
