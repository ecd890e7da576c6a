"""explorer.export: JSON, DataFrame and the streaming CSV writer (same text as pandas, chunk by
chunk)."""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
import pytest
import xarray as xr

import explorer
from explorer import runs
from explorer.export import csv_columns, to_frame, to_json, write_csv


def _csv(ds: xr.Dataset, **kw) -> str:
    buf = io.BytesIO()
    rows = write_csv(ds, buf, **kw)
    text = buf.getvalue().decode()
    assert rows == len(text.splitlines()) - 1
    return text


GRIDS = {
    "one scenario": lambda: explorer.compute(site_power=300),
    "site_power sweep": lambda: explorer.compute(
        site_power=xr.DataArray(np.geomspace(1, 10_000, 37), dims="site_power"), chip="trn2"
    ),
    "grid with chips and bases": lambda: explorer.compute(
        site_power=[10, 300, 5000],
        cooling_fraction=[0.0, 0.1, 0.4],
        chip=["trn2", "h100", "tpu-v5p"],
        basis=["us-person", "us-ms-person"],
    ),
    "one precision": lambda: explorer.compute(mfu=[0.1, 0.5], chip="gb200").sel(precision="fp8"),
    # infinite days and the bool flag where a billion-chip job with day-long restarts never
    # progresses
    "training runs": lambda: explorer.compute(
        model=["gpt-3", "llama3-405b"],
        job_chips=[1000, 1e9],
        restart_minutes=[10, 1440],
        chip=["h100", "tpu-v5p"],
    ),
}


@pytest.mark.parametrize("name", list(GRIDS))
def test_csv_is_the_same_text_pandas_writes(name):
    ds = GRIDS[name]()
    assert _csv(ds) == to_frame(ds).to_csv()


@pytest.mark.parametrize("rows_per_chunk", [1, 7, 1000])
def test_chunking_does_not_change_the_text(rows_per_chunk):
    ds = GRIDS["grid with chips and bases"]()
    assert _csv(ds, rows_per_chunk=rows_per_chunk) == _csv(ds)


def test_nan_inf_bool_and_text_fields():
    # tpu-v5p has no sparse FP8 (NaN); no cooling → infinite COP; the training flag is a bool
    ds = explorer.compute(chip="tpu-v5p", cooling_fraction=[0.0, 0.2])
    text = _csv(ds)
    assert text == to_frame(ds).to_csv()
    assert ",inf," in text
    t = runs.train(
        "h100", job_chips=[1000, 1e9], restart_minutes=1440, model="gpt-3", site_power=10_000
    )
    assert _csv(t) == to_frame(t).to_csv()
    assert "True" in _csv(t) and "False" in _csv(t)


def test_text_streams_work_too():
    ds = GRIDS["site_power sweep"]()
    s = io.StringIO()
    write_csv(ds, s)
    assert s.getvalue() == to_frame(ds).to_csv()


def test_csv_reads_back_to_the_numbers():
    ds = GRIDS["grid with chips and bases"]()
    df = pd.read_csv(io.StringIO(_csv(ds)))
    assert list(df.columns) == csv_columns(ds)
    assert len(df) == 3 * 3 * 3 * 2 * 3  # site_power × cooling × chip × basis × precision
    sel = df[
        (df.chip == "h100")
        & (df.basis == "us-ms-person")
        & (df.precision == "bf16")
        & (df.site_power == 300)
        & (df.cooling_fraction == 0.1)
    ]
    ref = ds.sel(
        chip="h100", basis="us-ms-person", precision="bf16", site_power=300, cooling_fraction=0.1
    )
    assert float(sel["effective_flops [FLOP/s]"].iloc[0]) == float(
        ref.effective_flops
    )  # exact: shortest round-trip text
    assert float(sel["city_people [people]"].iloc[0]) == float(ref.city_people)


def test_json_has_values_units_and_null_for_infinite():
    data = to_json(explorer.compute(chip="tpu-v5p", cooling_fraction=0.0))
    assert data["cooling_cop"]["value"] is None
    assert data["peak_flops"]["dims"] == ["precision"] and data["peak_flops"]["value"][2] is None
    assert data["it_power"]["units"] == "MW"
