"""explorer.cluster: chip power, chip counts, facility power and FLOPS per watt, by hand."""

from __future__ import annotations

import numpy as np
import xarray as xr
from numpy.testing import assert_allclose

from explorer import cluster


def test_chip_power_is_tdp_times_server_overhead():
    assert_allclose(cluster.chip_power(0.5, 1.82), 0.91)  # Trn2: 0.5 kW x 1.82
    assert_allclose(cluster.chip_power(1.2, 1.39), 1.668)  # GB200: 1.2 kW x 1.39
    assert_allclose(cluster.chip_power(0.7, 1.0), 0.7)  # no overhead


def test_chips_supported_counts_whole_chips():
    # 261 MW of IT = 261,000 kW; / 0.91 kW = 286,813.19 -> 286,813 whole chips
    assert cluster.chips_supported(261.0, 0.91) == 286_813
    assert cluster.chips_supported(1.0, 2.0) == 500  # 1,000 kW / 2 kW
    assert (
        cluster.chips_supported(1.0, 3.0) == 333
    )  # 1,000 / 3 = 333.33, a third of a chip is no chip
    assert cluster.chips_supported(0.001, 1.2) == 0  # 1 kW cannot feed a 1.2 kW chip


def test_power_required_includes_cooling_and_losses():
    # 1,000 chips x 1.2 kW = 1.2 MW of IT; x PUE 1.5 = 1.8 MW at the grid connection
    assert_allclose(cluster.power_required(1000, 1.2, 1.5), 1.8)
    # 286,813 Trn2 chips x 0.91 kW = 260.99983 MW; x 1/0.87 (PUE 1.149425) = 299.99980 MW
    assert_allclose(cluster.power_required(286_813, 0.91, 1 / 0.87), 299.99980, rtol=1e-7)


def test_flops_per_watt_of_facility_power():
    # Trn2 FP8 1.299e15 FLOP/s / (910 W x PUE 1/0.57 = 1,596.49 W) = 8.136593e11 FLOP/s per W
    assert_allclose(cluster.flops_per_watt(1.299e15, 0.91, 1 / 0.57), 8.136593e11, rtol=1e-6)
    # 1e15 FLOP/s on 1 kW at PUE 1: 1e12 FLOP/s per W
    assert_allclose(cluster.flops_per_watt(1e15, 1.0, 1.0), 1e12)


def test_chips_supported_broadcasts_over_power_and_chips():
    it = xr.DataArray([1.0, 10.0], dims="site_power")
    chip = xr.DataArray([0.91, 1.668], dims="chip")
    n = cluster.chips_supported(it, chip)
    assert n.dims == ("site_power", "chip")
    # 1,000/0.91 = 1,098.9; 1,000/1.668 = 599.5; 10,000/0.91 = 10,989.0; 10,000/1.668 = 5,995.2
    np.testing.assert_array_equal(n.values, [[1098, 599], [10989, 5995]])
