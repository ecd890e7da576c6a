"""A result as JSON-ready data or a flat table (shared by the CLI and the app's export)."""

from __future__ import annotations

import math
from typing import Any

import xarray as xr


def _clean(x: Any) -> Any:
    if isinstance(x, float) and not math.isfinite(x):
        return None
    if isinstance(x, list):
        return [_clean(v) for v in x]
    return x


def to_json(ds: xr.Dataset) -> dict[str, Any]:
    """``{name: {"value": ..., "units": ...}}``; arrays also give ``dims`` and ``coords``.

    NaN and infinity become ``null`` (JSON has neither).
    """
    out: dict[str, Any] = {}
    for name, var in ds.data_vars.items():
        entry: dict[str, Any] = {"value": _clean(var.values.tolist()), "units": var.attrs.get("units", "")}
        if var.dims:
            entry["dims"] = list(var.dims)
            entry["coords"] = {d: ds[d].values.tolist() for d in var.dims if d in ds.coords}
        out[str(name)] = entry
    return out


def to_frame(ds: xr.Dataset):
    """The numeric variables as a pandas DataFrame, one row per grid point, units in the headers."""
    numeric = [k for k, v in ds.data_vars.items() if v.dtype.kind in "fiu"]
    df = ds[numeric].to_dataframe()
    df.columns = [f"{c} [{ds[c].attrs.get('units', '')}]" for c in df.columns]
    return df
