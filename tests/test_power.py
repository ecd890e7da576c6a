"""explorer.power: where a site's power goes, with numbers worked out by hand."""

from __future__ import annotations

import numpy as np
import pytest
import xarray as xr
from numpy.testing import assert_allclose

from explorer import power


def test_it_share_is_what_cooling_and_other_losses_leave():
    assert_allclose(power.it_share(0.4, 0.03), 0.57)  # 1 - 0.40 - 0.03
    assert_allclose(power.it_share(0.0, 0.0), 1.0)
    assert_allclose(power.it_share(0.1, 0.05), 0.85)  # 1 - 0.10 - 0.05


def test_the_article_site_splits_into_it_cooling_and_losses():
    # Mississippi: 300 MW, 40 % cooling, 3 % other losses
    share = power.it_share(0.4, 0.03)
    it = power.it_power(300.0, share)
    cooling = power.cooling_power(300.0, 0.4)
    other = power.overhead_power(300.0, 0.03)
    assert_allclose(it, 171.0)  # 300 x 0.57
    assert_allclose(cooling, 120.0)  # 300 x 0.40
    assert_allclose(other, 9.0)  # 300 x 0.03
    assert_allclose(it + cooling + other, 300.0)  # nothing lost, nothing made up


@pytest.mark.parametrize(
    ("share", "expected"),
    [
        (0.57, 1.754386),  # 1 / 0.57
        (1.0, 1.0),  # everything reaches IT
        (0.87, 1.149425),  # 1 / 0.87: about AWS's fleet PUE of 1.15
        (0.5, 2.0),  # half the site reaches IT
    ],
)
def test_pue_is_site_over_it(share, expected):
    assert_allclose(power.pue(share), expected, rtol=1e-6)


def test_cooling_fraction_for_pue():
    # PUE 1.15: non-IT = 1 - 1/1.15 = 0.130435; minus 0.03 other = 0.100435
    assert_allclose(power.cooling_fraction_for_pue(1.15, 0.03), 0.100435, rtol=1e-5)
    # PUE 2.0 with no other losses: half the site cools
    assert_allclose(power.cooling_fraction_for_pue(2.0, 0.0), 0.5)
    # PUE 1.0 with 3 % other losses: negative, the PUE is impossible with those losses
    assert_allclose(power.cooling_fraction_for_pue(1.0, 0.03), -0.03)


def test_pue_and_cooling_fraction_are_inverse():
    # 30 % cooling, 5 % other: IT 0.65, PUE 1/0.65 = 1.538462, back to 30 %
    p = power.pue(power.it_share(0.3, 0.05))
    assert_allclose(p, 1.538462, rtol=1e-6)
    assert_allclose(power.cooling_fraction_for_pue(p, 0.05), 0.3)


def test_one_call_answers_a_sweep_by_broadcasting():
    cooling = xr.DataArray([0.0, 0.2, 0.5], dims="cooling_fraction")
    site = xr.DataArray([100.0, 1000.0], dims="site_power")
    it = power.it_power(site, power.it_share(cooling, 0.03))
    assert it.dims == ("site_power", "cooling_fraction")
    # 100 x [0.97, 0.77, 0.47] and 1000 x the same
    assert_allclose(it.values, [[97.0, 77.0, 47.0], [970.0, 770.0, 470.0]])
    assert_allclose(power.pue(np.array([0.97, 0.47])), [1.030928, 2.127660], rtol=1e-6)
