"""Systems as compositions of chips: per-chip figures × count, beside what the vendor publishes."""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import xarray as xr

from . import catalog
from .units import factor

# derived figure: (per-chip table variable, precision or None, unit of the result)
_DERIVED = {
    "fp8_dense": ("peak_flops", "fp8", "PFLOP/s"),
    "fp8_sparse": ("peak_flops", "fp8_sparse", "PFLOP/s"),
    "bf16_dense": ("peak_flops", "bf16", "PFLOP/s"),
    "hbm_capacity": ("hbm_capacity", None, "TB"),
    "hbm_bandwidth": ("hbm_bandwidth", None, "TB/s"),
    "interconnect_bandwidth": ("interconnect_bandwidth", None, "TB/s"),
    "power": ("tdp", None, "kW"),
}
# working units of catalog.chip_table()
_TABLE_UNITS = {
    "peak_flops": "FLOP/s",
    "hbm_capacity": "TB",
    "hbm_bandwidth": "TB/s",
    "interconnect_bandwidth": "TB/s",
    "tdp": "kW",
}


@lru_cache(maxsize=1)
def system_table() -> xr.Dataset:
    """Every catalog system along a ``system`` dimension.

    ``<figure>`` = chips × per-chip value (``power`` = chips × TDP × server overhead);
    ``published_<figure>`` = the vendor's aggregate, NaN where none is recorded.

    Examples
    --------
    >>> t = system_table().sel(system="gb200-nvl72")
    >>> round(float(t.fp8_dense)), float(t.published_fp8_dense)  # 72 x 5 PF, PFLOP/s
    (360, 360.0)
    """
    names = catalog.names("systems")
    node = catalog.raw()["systems"]
    chips = catalog.chip_table()
    data: dict[str, tuple] = {}
    counts = np.array([node[s]["chips"] for s in names], dtype=float)
    for fig, (var, prec, unit) in _DERIVED.items():
        derived, published = [], []
        for s, n in zip(names, counts, strict=True):
            row = chips.sel(chip=node[s]["chip"])
            per_chip = row[var].sel(precision=prec) if prec else row[var]
            per_chip = float(per_chip) * (float(row["server_overhead"]) if fig == "power" else 1.0)
            derived.append(n * per_chip * factor(_TABLE_UNITS[var], unit))
            key = f"published_{fig}"
            published.append(
                catalog.value(f"systems.{s}.{key}", unit) if key in node[s] else np.nan
            )
        data[fig] = (
            "system",
            np.array(derived),
            {"units": unit, "long_name": f"{fig.replace('_', ' ')}: chips x per-chip value"},
        )
        data[f"published_{fig}"] = (
            "system",
            np.array(published),
            {"units": unit, "long_name": f"{fig.replace('_', ' ')} as published"},
        )
    data["chips"] = ("system", counts, {"units": "count", "long_name": "accelerators per system"})
    data["chip"] = ("system", [node[s]["chip"] for s in names])
    data["label"] = ("system", [node[s]["label"] for s in names])
    data["topology"] = ("system", [node[s].get("topology", "") for s in names])
    return xr.Dataset(data, coords={"system": names})
