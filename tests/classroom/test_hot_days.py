"""Lesson 7's printouts say what the model does: the IT load's reason, the battery costs as the
model adds them up, and the station's published design days beside the lesson's hot day."""

from __future__ import annotations

from explorer.classroom import hot_days, lessons


def test_the_it_load_is_lower_because_the_chiller_plant_needs_more_cooling(capsys):
    hot_days.the_plants_year(lessons.hot_year()[0])
    text = " ".join(capsys.readouterr().out.split())
    # both lessons hold the year's average at 300 MW; the chiller plant's annual PUE 1.184
    # against the default air-evaporative plant's 1.140 leaves 253 MW for IT instead of 263 MW
    assert "the air-evaporative plant" in text and "IT load 263 MW" in text
    assert "needs more cooling than the air-evaporative plant" in text
    assert "PUE 1.18 against 1.14" in text
    assert "yearly average, not each hour" not in text  # the old, wrong reason


def test_the_battery_costs_are_printed_as_the_model_adds_them(capsys):
    hot_days.batteries_by_role(lessons.hot_year()[0])
    text = capsys.readouterr().out
    # ride-through: 31.7 MWh × 700 USD/kWh = 22.2 M USD, + 253 MW × 200 USD/kW = 50.7 M USD
    assert "31.7 MWh × 700 USD/kWh + 253 MW × 200 USD/kW = 72.8 million USD" in text
    # peak shaving: 42.4 MWh × 262.5 USD/kWh = 11.1 M USD, + 6.42 MW × 150 USD/kW = 0.96 M USD
    assert "× 262.5 USD/kWh + 6.42 MW × 150 USD/kW = 12.1 million USD" in text


def test_the_hot_day_is_set_beside_the_stations_published_design_days(capsys):
    year = lessons.hot_year()[0]
    days = hot_days.design_days(year)
    # Jackson's published design days (ASHRAE via the station summary): wet-bulb 24.5 °C on the
    # cooling design day, 25.1 °C on the dehumidification design day
    assert [(name, round(wet, 1)) for name, wet, _ in days] == [
        ("cooling design day", 24.5),
        ("dehumidification design day", 25.1),
    ]
    # the plant's hot day is never milder than a design day
    assert all(peak <= float(year.peak_cooling_power) * (1 + 1e-9) for _, _, peak in days)
    hot_days.peak_shaving(year)
    text = " ".join(capsys.readouterr().out.split())
    assert "published design days, for comparison" in text
    assert "the hot day's afternoon bump" not in text
