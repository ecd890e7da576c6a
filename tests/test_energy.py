"""explorer.energy: a year of running, by hand (8,760 h in a year)."""

from __future__ import annotations

import xarray as xr
from numpy.testing import assert_allclose

from explorer import energy


def test_annual_energy():
    assert_allclose(
        energy.annual_energy(300.0, 1.0, 8760.0), 2628.0
    )  # 300 MW x 8,760 h = 2,628,000 MWh
    assert_allclose(energy.annual_energy(300.0, 0.8, 8760.0), 2102.4)  # x 0.8 load factor
    assert_allclose(energy.annual_energy(1.0, 1.0, 8784.0), 8.784)  # a leap year, 1 MW


def test_city_equivalent():
    # 2,628 GWh = 2,628,000,000 kWh; / 12,645 kWh per US person = 207,829.18 people
    assert_allclose(energy.city_equivalent(2628.0, 12_645.0), 207_829.18, rtol=1e-7)
    # / 10,715 kWh per US household = 245,263.65 households (the article's "city of 250,000")
    assert_allclose(energy.city_equivalent(2628.0, 10_715.0), 245_263.65, rtol=1e-7)


def test_annual_cost():
    # 2,628 GWh = 2,628,000 MWh x 60 USD/MWh = 157,680,000 USD
    assert_allclose(energy.annual_cost(2628.0, 60.0), 157_680_000.0)


def test_annual_co2():
    # 2,628,000,000 kWh x 400 g/kWh = 1.0512e12 g = 1,051,200 t
    assert_allclose(energy.annual_co2(2628.0, 400.0), 1_051_200.0)
    assert_allclose(energy.annual_co2(2628.0, 0.0), 0.0)


def test_annual_water():
    # IT: 171 MW x 8,760 h = 1,497.96 GWh = 1,497,960,000 kWh x 0.18 L/kWh = 269,632,800 L
    # = 269,632.8 m3
    assert_allclose(energy.annual_water(1497.96, 0.18), 269_632.8)


def test_heat_load_and_refrigeration_tons():
    # IT 171 MW + losses 9 MW = 180 MW of heat; cooling power itself is rejected outside
    assert_allclose(energy.heat_load(171.0, 9.0), 180.0)
    # 1 ton = 12,000 BTU/h = 12,000 x 1,055.056 J / 3,600 s = 3,516.853 W; 1 MW = 284.345 tons
    assert_allclose(energy.refrigeration_tons(1.0), 284.345, rtol=1e-5)
    assert_allclose(energy.refrigeration_tons(180.0), 51_182.12, rtol=1e-5)  # 180 x 284.345


def test_a_sweep_of_load_factors():
    lf = xr.DataArray([0.5, 1.0], dims="load_factor")
    e = energy.annual_energy(100.0, lf, 8760.0)
    assert e.dims == ("load_factor",)
    assert_allclose(e.values, [438.0, 876.0])  # 100 MW x 8,760 h x [0.5, 1] / 1,000
