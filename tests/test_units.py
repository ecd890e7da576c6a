"""explorer.units: the conversion factors the core's formulas use, checked against definitions."""

from __future__ import annotations

import pint
import pytest
from numpy.testing import assert_allclose

from explorer import units


@pytest.mark.parametrize(
    ("src", "dst", "expected"),
    [
        ("MW", "kW", 1e3),
        ("kW", "W", 1e3),
        ("GWh", "kWh", 1e6),
        ("MWh", "GWh", 1e-3),
        ("hour", "s", 3600.0),  # 60 x 60
        ("day", "s", 86_400.0),  # 24 x 3,600
        ("hour/year", "hour/year", 1.0),
        ("TFLOP/s", "FLOP/s", 1e12),
        ("PFLOP/s", "TFLOP/s", 1e3),
        ("GiB", "GB", 1.073741824),  # 2**30 / 10**9
        ("g", "tonne", 1e-6),
        ("L", "m**3", 1e-3),
        ("USD/MWh", "USD/kWh", 1e-3),
        ("g/kWh", "tonne/GWh", 1.0),  # 1 g x 1e6 kWh/GWh = 1e6 g = 1 t
        ("MW", "refrigeration_ton", 284.345),  # 1e6 W / (12,000 x 1,055.056 J / 3,600 s)
    ],
)
def test_factor(src, dst, expected):
    assert_allclose(units.factor(src, dst), expected, rtol=1e-5)


def test_to_converts_a_number():
    assert_allclose(units.to(300.0, "MW", "W"), 3e8)
    assert_allclose(units.to(96.0, "GiB", "GB"), 103.079215, rtol=1e-8)  # 96 x 1.073741824


def test_project_units_exist_and_do_not_mix():
    assert_allclose(units.factor("person/household", "person/household"), 1.0)
    assert_allclose(units.factor("kFLOP", "FLOP"), 1e3)
    assert_allclose(units.factor("tCO2", "kg"), 1e3)
    for src, dst in (("FLOP", "USD"), ("person", "household"), ("MW", "MWh")):
        with pytest.raises(pint.DimensionalityError):
            units.factor(src, dst)


def test_factors_are_cached():
    units.factor.cache_clear()
    units.factor("MW", "kW")
    units.factor("MW", "kW")
    assert units.factor.cache_info().hits == 1
