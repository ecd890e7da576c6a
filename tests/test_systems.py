"""explorer.systems: systems as chips x per-chip figures, beside what vendors publish, by hand."""

from __future__ import annotations

import numpy as np
import pytest
from numpy.testing import assert_allclose

from explorer.systems import system_table


@pytest.fixture(scope="module")
def table():
    return system_table()


def row(table, name):
    return {
        k: float(v)
        for k, v in table.sel(system=name).data_vars.items()
        if np.issubdtype(v.dtype, np.floating)
    }


def test_trn2_ultraserver(table):
    r = row(table, "trn2-ultraserver")
    # 64 Trn2 chips; per chip: FP8 1,299 / sparse 2,563 / BF16 667 TFLOP/s, 96 GiB, 2.9 TB/s,
    # 1.28 TB/s interconnect, 500 W TDP x 1.82 overhead
    assert r["chips"] == 64
    assert_allclose(r["fp8_dense"], 83.136)  # 64 x 1.299 PFLOP/s
    assert_allclose(r["fp8_sparse"], 164.032)  # 64 x 2.563
    assert_allclose(r["bf16_dense"], 42.688)  # 64 x 0.667
    assert_allclose(
        r["hbm_capacity"], 6.597070, rtol=1e-6
    )  # 64 x 96 x 1.073741824 GB = 6,597.07 GB
    assert_allclose(r["hbm_bandwidth"], 185.6)  # 64 x 2.9 TB/s
    assert_allclose(r["interconnect_bandwidth"], 81.92)  # 64 x 1.28 TB/s
    assert_allclose(r["power"], 58.24)  # 64 x 0.5 kW x 1.82
    assert_allclose(r["published_fp8_dense"], 83.2)  # the article's figure, within 0.1 %
    assert np.isnan(r["published_power"])  # AWS publishes none


def test_trn2_instance_is_a_quarter_of_the_ultraserver(table):
    r = row(table, "trn2-instance")
    assert_allclose(r["fp8_dense"], 20.784)  # 16 x 1.299
    assert_allclose(r["power"], 14.56)  # 16 x 0.5 kW x 1.82
    assert_allclose(r["published_fp8_dense"], 20.8)


def test_dgx_b200(table):
    r = row(table, "dgx-b200")
    # 8 B200: FP8 4.5 PFLOP/s, 180 GB, 8 TB/s, 1,000 W x 1.79
    assert_allclose(r["fp8_dense"], 36.0)  # 8 x 4.5
    assert_allclose(r["hbm_capacity"], 1.44)  # 8 x 180 GB
    assert_allclose(r["hbm_bandwidth"], 64.0)  # 8 x 8
    assert_allclose(r["power"], 14.32)  # 8 x 1 kW x 1.79
    assert_allclose(r["published_power"], 14.3)  # NVIDIA's "~14.3 kW max"


def test_gb200_nvl72(table):
    r = row(table, "gb200-nvl72")
    # 72 GB200 GPUs: FP8 5 PFLOP/s, 186 GB, 1,200 W x 1.39
    assert_allclose(r["fp8_dense"], 360.0)  # 72 x 5
    assert_allclose(r["fp8_sparse"], 720.0)  # 72 x 10
    assert_allclose(r["hbm_capacity"], 13.392)  # 72 x 186 GB
    assert_allclose(r["power"], 120.096)  # 72 x 1.2 kW x 1.39
    assert_allclose(r["published_power"], 120.0)


def test_every_figure_carries_units(table):
    for name, var in table.data_vars.items():
        if np.issubdtype(var.dtype, np.floating):
            assert var.attrs.get("units") and var.attrs.get("long_name"), name
    assert table.fp8_dense.attrs["units"] == "PFLOP/s" and table.power.attrs["units"] == "kW"
