"""The server tests' waits (tests/conftest.py) can fail, and say what they awaited and saw."""

from __future__ import annotations

import itertools

import pytest
from conftest import eventually, stays


def test_eventually_returns_the_first_truthy_value_or_names_what_it_awaited():
    count = itertools.count()
    assert eventually(lambda: next(count) >= 3 and "done", what="three calls", every=0) == "done"
    with pytest.raises(pytest.fail.Exception, match=r"until the pool is full; last seen: 1"):
        eventually(lambda: False, what="the pool is full", seen=lambda: 1, timeout=0.2)


def test_stays_fails_as_soon_as_the_condition_stops_holding():
    stays(lambda: True, what="always", seconds=0.2)
    calls = itertools.count()
    with pytest.raises(pytest.fail.Exception, match="3 kernels stopped holding; seen: 4"):
        stays(lambda: next(calls) < 2, what="3 kernels", seconds=30, seen=lambda: 4)
