"""Exercise self-checks: right answers pass; typical wrong answers get the intended hint."""

from __future__ import annotations

import pytest

from explorer import selfcheck

IDS = list(selfcheck.EXERCISES)


@pytest.mark.parametrize("eid", IDS)
def test_the_right_answer_passes(eid):
    fb = selfcheck.check(eid, selfcheck.EXERCISES[eid].answer())
    assert fb.right and fb.message.startswith("Right")


@pytest.mark.parametrize(("eid", "i"), [(e, i) for e in IDS for i in range(len(selfcheck.EXERCISES[e].traps))])
def test_each_typical_mistake_gets_its_hint(eid, i):
    trap, hint = selfcheck.EXERCISES[eid].traps[i]
    fb = selfcheck.check(eid, trap())
    assert not fb.right
    assert hint in fb.message


def test_specific_mistakes():
    assert "hours" in selfcheck.check("energy-300mw", 300).message
    assert "households" in selfcheck.check("city-people-us", 245_264).message
    assert "1,000 times too large" in selfcheck.check("pue-40", 1754).message


@pytest.mark.parametrize("bad", ["abc", None, float("nan"), float("inf")])
def test_non_numbers_are_answered_not_raised(bad):
    fb = selfcheck.check("pue-40", bad)
    assert not fb.right and "number" in fb.message


def test_unknown_exercise():
    assert "No exercise" in selfcheck.check("nope", 1).message
