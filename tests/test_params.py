"""URL parameters are untrusted: parse never raises, bad values are reported, good ones
validated."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from explorer import compute
from explorer.ui import links


def test_round_trip():
    state = {
        "site": "rainier-indiana",
        "site_power": 600.0,
        "chip": "h100",
        "cooling_fraction": 0.3,
        "chips": 5000,
    }
    found, messages = links.parse(links.build(state))
    assert messages == []
    assert found == state


def test_bad_values_become_messages_and_are_left_out():
    found, messages = links.parse("site_power=-5&chip=<b>x</b>&cooling_fraction=abc&mfu=0.5&nope=1")
    assert found == {"mfu": 0.5}
    text = " ".join(messages)
    assert (
        "site_power = -5" in text
        and "chip = '<b>x</b>'" in text
        and "cooling_fraction = 'abc'" in text
        and "'nope'" in text
    )


def test_impossible_combinations_are_dropped():
    found, messages = links.parse("cooling_fraction=0.9&overhead_fraction=0.2&site_power=500")
    assert found == {"site_power": 500.0}
    assert "leaves no power for IT" in messages[0]


def test_long_or_crowded_queries_are_refused():
    assert links.parse("a=" + "x" * 5000)[0] == {}
    assert links.parse("&".join(f"k{i}=1" for i in range(100)))[0] == {}


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_parse_never_raises_and_what_it_keeps_computes(query):
    found, _ = links.parse(query)
    compute(**{k: v for k, v in found.items() if k != "precision"})
