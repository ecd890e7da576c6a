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
    da = (
        site_powers
        if isinstance(site_powers, xr.DataArray)
        else xr.DataArray(np.asarray(site_powers, dtype=float), dims="site")
    )
    if "site" not in da.dims or da.sizes["site"] < 1:
        raise InputError(
            "site_powers", site_powers, "one or more site powers along a 'site' dimension"
        )
    bound = BOUNDS["site_power"]
    vals = da.values
    if not np.isfinite(vals).all() or not bound.ok(vals).all():
        raise InputError("site_powers", vals.tolist(), bound.describe("each site power"))
    total = da.sum("site")
    left = (total - da) / total
    return xr.Dataset(
        {
            "share_left": left.assign_attrs(
                units="1", long_name="share of cluster power left if this site drops out"
            ),
            "worst_case_share": left.min("site").assign_attrs(
                units="1", long_name="share left after losing the largest site"
            ),
            "total_power": total.assign_attrs(units="MW", long_name="power of all sites together"),
        }
    )


# Rainier's three states: Indiana and Mississippi are presets; the third site (Pennsylvania per
# Semafor, Ohio per the Mississippi article) has no published power, so it is not a default.
RAINIER_SITES = ("rainier-indiana", "rainier-mississippi")

SITE_VARIABLES: dict[str, tuple[str, str]] = {
    "site_power": ("MW", "power of each site"),
    "share_of_cluster": ("1", "share of the cluster's power at each site"),
    "power_left": ("MW", "cluster power left if this site drops out"),
    "share_left": ("1", "share of cluster power left if this site drops out"),
    "worst_case_share": ("1", "share left after losing the largest site"),
    "total_power": ("MW", "power of all sites together"),
    "share_of_state_energy": ("1", "each site's energy / its state's annual consumption"),
    "share_of_utility_peak": ("1", "each site's power / its utility's peak"),
    "share_of_operator_peak": ("1", "each site's power / its grid operator's peak"),
    "annual_pue": ("1", "each site's annual PUE in its climate (NaN: no weather data shipped)"),
}


def split_cluster(
    sites: Any = RAINIER_SITES, site_powers: Any = None, cooling_tech: str | None = None
) -> xr.Dataset:
    """A cluster split over site presets (in different states): shares, grid shares, climate,
    losses.

    Parameters
    ----------
    sites : list of str
        Site presets (``explorer catalog sites``), each at most once.
    site_powers : list of float, optional
        Power of each site [MW]; default each preset's power.
    cooling_tech : str, optional
        Cooling technology for every site's climate year; default by chip.

    Returns
    -------
    xarray.Dataset
        `SITE_VARIABLES` along a ``site`` dimension (and the cluster totals); ``state`` and
        ``station`` as coordinates.

    Examples
    --------
    >>> ds = split_cluster(["rainier-indiana", "rainier-mississippi"])
    >>> ds.power_left.values.tolist()  # losing Indiana leaves Mississippi's 300 MW, and back
    [300.0, 2200.0]
    >>> # 2.2 GW x 8,760 h / 100 TWh
    >>> round(float(ds.share_of_state_energy.sel(site="rainier-indiana")), 4)
    0.1927
    """
    from . import catalog, climate, grid, scenario
    from .validate import name_list

    names = name_list(
        "sites", list(sites) if not isinstance(sites, str) else [sites], catalog.names("sites")
    )
    names = [names] if isinstance(names, str) else names
    if site_powers is None:
        powers = [catalog.value(f"sites.{s}.site_power", "MW") for s in names]
    else:
        powers = list(np.atleast_1d(np.asarray(site_powers, dtype=float)))
        if len(powers) != len(names):
            raise InputError(
                "site_powers",
                list(site_powers),
                f"one power per site ({len(names)} values)",
                "does not match the sites",
            )
    base = capacity_after_loss(
        xr.DataArray(np.asarray(powers, dtype=float), dims="site", coords={"site": names})
    )
    shares = {
        k: []
        for k in (
            "share_of_state_energy",
            "share_of_utility_peak",
            "share_of_operator_peak",
            "annual_pue",
        )
    }
    for name, power in zip(names, powers, strict=True):
        g = grid.grid_shares(name, site_power=power)
        for k in ("share_of_state_energy", "share_of_utility_peak", "share_of_operator_peak"):
            shares[k].append(float(g[k]))
        station = climate.station_for(name)
        if station in climate.stations():
            shares["annual_pue"].append(
                float(scenario.climate_year(name, cooling_tech, site_power=power).annual_pue)
            )
        else:
            shares["annual_pue"].append(np.nan)
    da = base["share_left"].coords["site"]
    ds = xr.Dataset(
        {
            "site_power": xr.DataArray(np.asarray(powers), dims="site"),
            "share_of_cluster": xr.DataArray(
                np.asarray(powers) / float(base.total_power), dims="site"
            ),
            "power_left": base["total_power"] - xr.DataArray(np.asarray(powers), dims="site"),
            "share_left": base["share_left"],
            "worst_case_share": base["worst_case_share"],
            "total_power": base["total_power"],
            **{k: xr.DataArray(np.asarray(v), dims="site") for k, v in shares.items()},
        },
        coords={
            "site": da.values,
            "state": (
                "site",
                [catalog.label("regions", catalog.raw()["sites"][s]["region"]) for s in names],
            ),
            "station": ("site", [climate.station_for(s) or "" for s in names]),
        },
    )
    for name, (units, long_name) in SITE_VARIABLES.items():
        ds[name].attrs = {"units": units, "long_name": long_name}
    states = [catalog.raw()["sites"][s]["region"] for s in names]
    ds.attrs = {
        "model": "explorer.sites.split_cluster",
        "notes": ""
        if len(set(states)) == len(states)
        else "two or more sites share a state (and likely a grid)",
    }
    return ds
