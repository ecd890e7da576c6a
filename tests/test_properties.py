"""Property tests (hypothesis): conservation, monotonicity, scalar vs sweep agreement."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from explorer import catalog, compute

power = st.floats(min_value=1, max_value=10_000, allow_nan=False)
frac = st.floats(min_value=0, max_value=0.6, allow_nan=False)
small = st.floats(min_value=0, max_value=0.3, allow_nan=False)
chip = st.sampled_from(catalog.names("chips"))
basis = st.sampled_from(catalog.names("bases"))
SETTINGS = settings(max_examples=60, deadline=None)


@SETTINGS
@given(power, frac, small, chip)
def test_power_is_conserved_and_pue_is_site_over_it(p, fc, fo, c):
    ds = compute(site_power=p, cooling_fraction=fc, overhead_fraction=fo, chip=c)
    total = float(ds.it_power + ds.cooling_power + ds.overhead_power)
    np.testing.assert_allclose(total, p, rtol=1e-12)
    np.testing.assert_allclose(float(ds.pue), 1 / (1 - fc - fo), rtol=1e-12)
    np.testing.assert_allclose(float(ds.pue), p / float(ds.it_power), rtol=1e-9)


@SETTINGS
@given(power, power, frac, chip, basis)
def test_more_site_power_never_means_fewer_people_chips_or_flops(p1, p2, fc, c, b):
    lo, hi = sorted((p1, p2))
    a = compute(site_power=lo, cooling_fraction=fc, chip=c, basis=b)
    z = compute(site_power=hi, cooling_fraction=fc, chip=c, basis=b)
    for name in (
        "city_people",
        "city_households",
        "chips_supported",
        "chips_powered",
        "annual_energy",
    ):
        assert float(z[name]) >= float(a[name]), name
    fa, fz = a.peak_flops.values, z.peak_flops.values
    known = ~np.isnan(fa)
    assert (fz[known] >= fa[known]).all()


@SETTINGS
@given(power, frac, frac, small, chip)
def test_more_cooling_never_means_more_it_power_or_chips(p, c1, c2, fo, c):
    lo, hi = sorted((c1, c2))
    a = compute(site_power=p, cooling_fraction=lo, overhead_fraction=fo, chip=c)
    z = compute(site_power=p, cooling_fraction=hi, overhead_fraction=fo, chip=c)
    assert float(z.it_power) <= float(a.it_power)
    assert float(z.chips_supported) <= float(a.chips_supported)
    assert float(z.pue) >= float(a.pue)


@SETTINGS
@given(power, frac, st.integers(min_value=1, max_value=5_000_000), chip)
def test_headroom_sign_matches_whether_the_chips_fit(p, fc, n, c):
    ds = compute(site_power=p, cooling_fraction=fc, chips=n, chip=c)
    fits = n <= float(ds.chips_supported)
    assert (float(ds.power_headroom) >= -1e-9 * p) == fits
    assert float(ds.chips_powered) == min(n, float(ds.chips_supported))


@settings(max_examples=25, deadline=None)
@given(
    st.lists(power, min_size=1, max_size=6, unique=True),
    st.lists(frac, min_size=1, max_size=4, unique=True),
    chip,
    basis,
)
def test_a_sweep_equals_the_scalar_calls(powers, cools, c, b):
    grid = compute(site_power=powers, cooling_fraction=cools, chip=c, basis=b)
    for i, p in enumerate(powers):
        for j, fc in enumerate(cools):
            one = compute(site_power=p, cooling_fraction=fc, chip=c, basis=b)
            point = grid.isel(site_power=i, cooling_fraction=j)
            for name in (
                "it_power",
                "chips_supported",
                "peak_flops",
                "city_people",
                "annual_cost",
                "power_headroom",
            ):
                np.testing.assert_array_equal(point[name].values, one[name].values, err_msg=name)
