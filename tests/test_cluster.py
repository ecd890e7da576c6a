"""explorer.cluster: chip power, chip counts, facility power and FLOPS per watt, by hand."""

from __future__ import annotations

import numpy as np
import pytest
import xarray as xr
from numpy.testing import assert_allclose

import explorer
from explorer import InputError, catalog, cluster, compute


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


# ------------------------------------------------------------------------ power capping
CHIPS = catalog.names("chips")


def test_capped_throughput_by_hand():
    # H100 at 350 W: static 0.113 x 700 = 79.1 W; ((350 - 79.1) / (700 - 79.1))^(1/3) = 0.7585
    assert float(cluster.cap_throughput(350.0, 700.0, 0.113, 1 / 3)) == pytest.approx(
        (270.9 / 620.9) ** (1 / 3), rel=1e-6
    )
    # the hosts keep their 700 x 0.82 = 574 W: all-in 0.574 + 0.35 = 0.924 kW
    ds = compute(site_power=300, chip="h100", chip_tdp=350)
    assert float(ds.chip_power) == pytest.approx(0.924)
    assert float(ds.cap_throughput) == pytest.approx(0.75845, rel=1e-4)
    per_chip = catalog.chip_table().peak_flops.sel(chip="h100", precision="bf16")
    assert float(ds.peak_flops.sel(precision="bf16")) == pytest.approx(
        float(ds.chips_powered) * float(per_chip) * 0.75845, rel=1e-4
    )


def _caps(chip: str, n: int) -> tuple[float, np.ndarray]:
    """The chip's rated TDP [W] and `n` caps from its floor to 1.5 x its TDP [W]."""
    rated = catalog.value(f"chips.{chip}.tdp", "W")
    floor = round(float(cluster.capping_curve().min_power.sel(chip=chip)) * 1000, 9)
    return rated, np.linspace(floor, 1.5 * rated, n)


def test_per_chip_throughput_is_monotone_in_the_cap_and_one_at_the_rated_power():
    for chip in CHIPS:
        rated, caps = _caps(chip, 200)
        ds = compute(site_power=300, chip=chip, chip_tdp=xr.DataArray(caps, dims="chip_tdp"))
        share = ds.cap_throughput.values
        assert np.all(np.diff(share) >= 0) and np.all(share > 0), chip
        assert share[caps >= rated] == pytest.approx(1.0), chip
        assert np.all(share[caps < rated] < 1), chip


def test_capping_raises_a_sites_flops_at_most_by_the_chips_gain_in_flops_per_watt():
    curve = cluster.capping_curve()
    for chip in CHIPS:
        rated, caps = _caps(chip, 60)
        capped = compute(site_power=300, chip=chip, chip_tdp=xr.DataArray(caps, dims="chip_tdp"))
        full = compute(site_power=300, chip=chip)
        rise = (capped.peak_flops / full.peak_flops).sel(precision="bf16").values
        gain = cluster.cap_flops_per_watt_gain(
            caps, rated, float(curve.static_share), float(curve.exponent)
        )
        below = caps < rated  # whole chips: at most one chip more than the power allows for
        assert np.all(rise[below] <= gain[below] * (1 + 1 / float(full.chips_powered))), chip
        assert np.all(rise[~below] <= 1 + 1e-12), chip  # a higher budget buys no FLOP/s


def test_the_rated_700_w_h100_is_unchanged():
    plain, capped = compute(chip="h100"), compute(chip="h100", chip_tdp=700)
    for name in (
        "chip_power",
        "chips_supported",
        "peak_flops",
        "effective_flops",
        "flops_per_watt",
        "facility_load",
    ):
        np.testing.assert_allclose(capped[name], plain[name], rtol=1e-12, err_msg=name)
    assert float(capped.cap_throughput) == 1.0
    assert float(plain.chip_power) == pytest.approx(0.7 * 1.82)


def test_a_cap_below_the_chips_floor_is_an_input_error_naming_the_range():
    with pytest.raises(InputError, match=r"200 W ≤ chip_tdp ≤ 1050 W") as info:
        compute(chip="h100", chip_tdp=175)  # 4x the chips before: now refused
    assert info.value.field == "chip_tdp"
    with pytest.raises(InputError, match=r"100 W ≤ chip_tdp ≤ 600 W"):
        compute(chip="a100", chip_tdp=99)
    compute(chip="a100", chip_tdp=100)  # A100's published floor


# ------------------------------------------------------------------------ campus scale
# (campus, accelerators, chip, PUE, announced facility MW, how far the public figures leave room)
CAMPUSES = [
    ("xAI Colossus phase 1", 100_000, "h100", 1.18, 150, 0.10),
    ("xAI Colossus phase 2", 200_000, "h100", 1.18, 300, 0.10),
    ("Stargate Abilene (capacity)", 400_000, "gb200", 1.18, 1200, 0.30),
    ("Project Rainier (three states)", 1_000_000, "trn2", 1.15, 1000, 0.15),
]


def test_announced_campuses_are_reproduced_with_network_and_storage():
    overhead = catalog.value("campus.it_overhead", "dimensionless")
    for campus, chips, chip, pue, announced, room in CAMPUSES:
        row = catalog.chip_table().sel(chip=chip)
        per_chip = cluster.chip_power(float(row.tdp), float(row.server_overhead))
        mw = cluster.campus_power(chips, per_chip, overhead, pue)
        assert mw == pytest.approx(announced, rel=room), campus
        # the servers alone draw less by the campus overhead (SemiAnalysis: 1,389 / 1,275 W)
        servers = cluster.power_required(chips, per_chip, pue)
        assert servers == pytest.approx(mw / 1.089, rel=1e-3), campus


def test_compute_applies_the_campus_overhead_in_its_chip_count():
    # the default (1): the servers' nameplate power; 100,000 H100 x 0.7 kW x 1.82 x 1.18 =
    # 150.3 MW against Colossus's 150 MW. With SemiAnalysis's 1.089: campus_power's 163.7 MW.
    kw = {"site": "generic", "chip": "h100", "pue": 1.18, "chips": 100_000}
    servers = explorer.compute(**kw)
    assert float(servers.it_overhead) == 1.0
    assert float(servers.power_required) == pytest.approx(150.332, rel=1e-9)
    campus = explorer.compute(**kw, it_overhead=1.089)
    assert float(campus.power_required) == pytest.approx(
        cluster.campus_power(100_000, 1.274, 1.089, 1.18), rel=1e-9
    )
    assert float(campus.accelerator_power) == pytest.approx(1.274 * 1.089, rel=1e-9)
    # a filled site: 8.2 % fewer chips per MW (1 / 1.089), and every view of the scenario agrees
    sc = explorer.resolve("rainier-mississippi", it_overhead=1.089)
    full = explorer.resolve("rainier-mississippi")
    ratio = float(sc.compute().chips_supported) / float(full.compute().chips_supported)
    assert ratio == pytest.approx(1 / 1.089, abs=1e-5)
    assert float(sc.climate_year().it_power) == pytest.approx(float(sc.it_power), rel=1e-12)
    with pytest.raises(explorer.InputError, match="it_overhead"):
        explorer.compute(it_overhead=0.9)


def test_campus_power_by_hand():
    # Colossus phase 1: 100,000 x 0.7 kW x 1.82 x 1.089 x 1.18 = 163.7 MW (150 MW approved)
    assert cluster.campus_power(100_000, 1.274, 1.089, 1.18) == pytest.approx(163.72, rel=1e-4)
