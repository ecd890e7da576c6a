"""Lessons 1 and 2 as reader 47-12 found them: the checker praises no far-off value, the
teacher's copy stops before each answer, and the pairs predict before they compute."""

from __future__ import annotations

from explorer.classroom import lessons


def test_a_far_off_cop_is_not_called_fair():
    # 2.5 is 1/0.40, the heat rejected outside: 67 % off the COP of 1.5; its neighbours 2 and 2.2
    # are told how far off they are, and no value that far off is "fair" (reader 47-12)
    told = lessons.reveal("cop-article", "2.5").message
    assert "fair" not in told.lower()
    assert "heat rejected" in told
    assert "1.5" in told
