"""Batteries and multi-site resilience."""

from __future__ import annotations

import numpy as np
import pytest
import xarray as xr
from hypothesis import given, settings
from hypothesis import strategies as st

from explorer import InputError, catalog
from explorer.resilience import capacity_after_loss
from explorer.storage import battery, ride_through


def test_battery_defaults_come_from_the_catalog():
    ds = battery(300)
    hours = catalog.value("storage.battery_duration", "hour")
    price = catalog.value("storage.battery_price", "USD/kWh")
    assert float(ds.battery_energy) == pytest.approx(300 * hours)
    assert float(ds.battery_cost) == pytest.approx(300 * hours * 1000 * price)
    assert ds.battery_cost.attrs["units"] == "USD"


def test_battery_broadcasts_and_ride_through_inverts_it():
    ds = battery(power=[100, 300], duration=xr.DataArray([0.25, 1.0], dims="duration"))
    assert ds.battery_energy.dims == ("power", "duration")
    minutes = ride_through(ds.battery_energy.isel(duration=0), [100, 300])
    assert minutes.dims == ("power",)
    np.testing.assert_allclose(minutes.values, 15.0)


@settings(max_examples=40, deadline=None)
@given(st.floats(1, 10_000), st.floats(0.01, 24))
def test_ride_through_of_a_battery_sized_for_a_duration_is_that_duration(p, h):
    e = float(battery(p, duration=h).battery_energy)
    assert float(ride_through(e, p)) == pytest.approx(h * 60)


def test_bad_battery_input():
    with pytest.raises(InputError, match="duration"):
        battery(300, duration=-1)
    with pytest.raises(InputError, match="power"):
        ride_through(10, 0)


def test_losing_the_largest_site_is_the_worst_case():
    # Rainier: Indiana 2.2 GW and Mississippi 300 MW (third site unknown: not included)
    ds = capacity_after_loss([catalog.value("sites.rainier-indiana.site_power", "MW"),
                              catalog.value("sites.rainier-mississippi.site_power", "MW")])
    assert float(ds.total_power) == pytest.approx(2500)
    assert float(ds.worst_case_share) == pytest.approx(300 / 2500)
    assert ds.share_left.values.tolist() == pytest.approx([300 / 2500, 2200 / 2500])


@settings(max_examples=40, deadline=None)
@given(st.lists(st.floats(1, 10_000), min_size=2, max_size=6))
def test_equal_or_more_sites_never_leave_less_in_the_worst_case(powers):
    worst = float(capacity_after_loss(powers).worst_case_share)
    assert 0 <= worst < 1
    assert worst == pytest.approx(1 - max(powers) / sum(powers))


def test_bad_site_powers():
    with pytest.raises(InputError, match="site_powers"):
        capacity_after_loss([300, -1])
