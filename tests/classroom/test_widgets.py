"""The shared lesson widgets say the basis of what they show: the households' people per home
and where it comes from, and what real chillers reach beside a cooling share's implied COP."""

from __future__ import annotations

from explorer.classroom import widgets


def test_the_city_widget_says_the_people_per_household_and_their_source():
    table = widgets.city_bases(site_power=300).children[-1].value
    assert "at 2.51 people per household, US Census Bureau" in table


def test_the_cooling_widget_says_what_real_chillers_reach():
    line = widgets.power_split().children[-1].value
    # the article's 40 % implies COP 1.5; a water-cooled chiller must reach 3.517 / 0.780 = 4.5
    assert "implied chiller COP 1.5" in line
    assert "at least COP 4.5" in line and "ASHRAE 90.1" in line
