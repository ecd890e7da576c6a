"""Several sites as one cluster: what is left when one of them drops out."""

from __future__ import annotations

from typing import Any

import numpy as np
import xarray as xr

from .errors import InputError
from .validate import BOUNDS


def capacity_after_loss(site_powers: Any) -> xr.Dataset:
    """For each site lost in turn: the share of total power [1] the others still provide.

    `site_powers` [MW]: a list (or 1-d array) of the sites' powers, or a DataArray with a
    ``site`` dimension. ``worst_case_share`` is the share left after losing the largest site.

    Examples
    --------
    >>> ds = capacity_after_loss([300, 2200, 500])  # Mississippi, Indiana, a third site
    >>> round(float(ds.worst_case_share), 3)  # losing Indiana leaves 800 of 3,000 MW
    0.267
    """
    da = site_powers if isinstance(site_powers, xr.DataArray) else xr.DataArray(np.asarray(site_powers, dtype=float), dims="site")
    if "site" not in da.dims or da.sizes["site"] < 1:
        raise InputError("site_powers", site_powers, "one or more site powers along a 'site' dimension")
    bound = BOUNDS["site_power"]
    vals = da.values
    if not np.isfinite(vals).all() or not bound.ok(vals).all():
        raise InputError("site_powers", vals.tolist(), bound.describe("each site power"))
    total = da.sum("site")
    left = (total - da) / total
    return xr.Dataset(
        {
            "share_left": left.assign_attrs(units="1", long_name="share of cluster power left if this site drops out"),
            "worst_case_share": left.min("site").assign_attrs(units="1", long_name="share left after losing the largest site"),
            "total_power": total.assign_attrs(units="MW", long_name="power of all sites together"),
        }
    )
