"""The grid a site sits on: its share of the state's electricity, its utility's and its grid
operator's peak.

Each site preset names its serving ``utility`` and ``grid_operator``; its ``region`` is the state.
Their figures (state annual consumption, utility peak, operator peak) are in the catalog's
``[grid.*]`` tables, each with a source, a date and a confidence; several are marked low (order of
magnitude, entered from memory of the named publication). The US data-centre band (LBNL 2024) sits
beside them for context.

Examples
--------
>>> ds = grid_shares("rainier-indiana", site_power=300)
>>> round(float(ds.share_of_state_energy), 5)  # 300 MW x 8,760 h = 2.628 TWh of Indiana's 100 TWh
0.02628
"""

from __future__ import annotations

from functools import cache
from typing import Any

import numpy as np
import xarray as xr

from . import catalog, variables
from .catalog import Entry
from .errors import InputError
from .units import factor

_GWH_TO_TWH = factor("GWh", "TWh")

# name: (units, long_name) of the variables grid_shares returns (from `explorer.variables`)
VARIABLES: dict[str, tuple[str, str]] = variables.table(variables.GRID_NAMES)


def grid_context(site: str) -> dict[str, Entry | None]:
    """The catalog entries behind a site's grid shares: ``state``, ``utility``, ``operator``
    (None where the catalog records none).

    Examples
    --------
    >>> ctx = grid_context("rainier-indiana")
    >>> ctx["utility"].value, ctx["utility"].confidence, ctx["operator"].key
    (2800.0, 'medium-high', 'grid.operators.pjm.peak')
    >>> grid_context("stargate-abilene")["utility"] is None
    True
    """
    catalog.check_name("site", site, "sites")
    node = catalog.raw()["sites"][site]
    grid = catalog.raw().get("grid", {})
    region = node["region"]
    utility = node.get("utility")
    operator = node.get("grid_operator")
    return {
        "state": catalog.entry(f"grid.states.{region}.annual_consumption")
        if region in grid.get("states", {})
        else None,
        "utility": catalog.entry(f"grid.utilities.{utility}.peak")
        if utility in grid.get("utilities", {})
        else None,
        "operator": catalog.entry(f"grid.operators.{operator}.peak")
        if operator in grid.get("operators", {})
        else None,
    }


def _label(key: str | None) -> str:
    if key is None:
        return ""
    group, name = key.split(".")[1:3]
    return catalog.raw()["grid"][group][name].get("label", name)


def _caveat(key: str | None) -> str:
    """What a student must know before dividing by the figure (the catalog table's `caveat`),
    or ""."""
    if key is None:
        return ""
    group, name = key.split(".")[1:3]
    return catalog.raw()["grid"][group][name].get("caveat", "")


def note_threshold() -> float:
    """Share of its utility's peak [1] above which a site gets a plain-language note (5 %).

    Examples
    --------
    >>> note_threshold()
    0.05
    """
    return _note_share()


@cache
def _note_share() -> float:
    return catalog.value("grid.us-datacenters.utility_peak_note_share", "dimensionless")


def grid_shares(
    site: str = "rainier-mississippi", year: xr.Dataset | None = None, **compute_inputs: Any
) -> xr.Dataset:
    """A site's shares of its state's electricity and of its utility's and grid operator's peaks.

    Parameters
    ----------
    site : str, default ``"rainier-mississippi"``
        Site preset: its state (``region``), ``utility`` and ``grid_operator``.
    year : xarray.Dataset, optional
        A `explorer.climate_year` result of the same `site`: its annual energy and peak
        facility power are used instead of `explorer.compute`'s constant load. The year already
        holds its inputs, so no `compute_inputs` may be given with it.
    **compute_inputs
        `explorer.compute` inputs (site power, chips, load factor …); arrays broadcast.

    Returns
    -------
    xarray.Dataset
        `VARIABLES`, each with ``units``, ``long_name`` and, for the denominators, ``source``,
        ``date``, ``confidence``, ``note`` and ``caveat`` (a line for readers, "" when the
        catalog has none); ``attrs["notes"]`` says when the site is more than 5 % of
        its utility's peak. Shares are NaN where the catalog has no figure.

    Examples
    --------
    >>> ds = grid_shares("rainier-mississippi", site_power=300)
    >>> # 300 MW of Entergy Mississippi's ~3,000 MW (low confidence)
    >>> round(float(ds.share_of_utility_peak), 3)
    0.1
    >>> "more than 5 %" in ds.attrs["notes"]
    True
    """
    from .model import compute

    site = catalog.check_name("site", site, "sites")
    if year is not None:
        _check_year(site, year, compute_inputs)
        energy = year["annual_energy"]
        peak = year["peak_facility_power"]
    else:
        ds = compute(site=site, **compute_inputs)
        energy = ds["annual_energy"]
        peak = ds["facility_load"]
    ctx = grid_context(site)
    state, utility, operator = _denominators(site)
    energy = energy.drop_vars([c for c in energy.coords if c not in energy.dims])
    peak = peak.drop_vars([c for c in peak.coords if c not in peak.dims])
    band = _band()
    data: dict[str, Any] = {
        "annual_energy": energy,
        "peak_power": peak,
        "state_consumption": xr.DataArray(state),
        "utility_peak": xr.DataArray(utility),
        "operator_peak": xr.DataArray(operator),
        "share_of_state_energy": energy * _GWH_TO_TWH / state,
        "share_of_utility_peak": peak / utility,
        "share_of_operator_peak": peak / operator,
        "share_of_us_datacenters": energy * _GWH_TO_TWH / band["us_datacenter_energy_2023"],
        **{k: xr.DataArray(v) for k, v in band.items()},
    }
    out = xr.Dataset(data)
    for name, (units, long_name) in VARIABLES.items():
        out[name].attrs = {"units": units, "long_name": long_name}
    for name, role in (
        ("state_consumption", "state"),
        ("utility_peak", "utility"),
        ("operator_peak", "operator"),
    ):
        e = ctx[role]
        out[name].attrs.update(
            {
                "of": _label(e.key),
                "source": e.source_title,
                "url": e.source_url,
                "date": e.date,
                "confidence": e.confidence,
                "note": e.note,
                "caveat": _caveat(e.key),
            }
            if e
            else {"note": f"no {role} figure recorded for this site"}
        )
    lbnl = catalog.entry("grid.us-datacenters.energy_2023")
    for k in band:
        out[k].attrs.update(
            {"source": lbnl.source_title, "url": lbnl.source_url, "date": lbnl.date}
        )
    notes = []
    share = out["share_of_utility_peak"]
    threshold = note_threshold()
    if bool((share > threshold).any()):
        e = ctx["utility"]
        # one site's share said as itself, "up to" only over several (reader 40-78)
        upto = "up to " if share.size > 1 else ""
        notes.append(
            f"the site is more than {threshold * 100:g} % of its utility's peak "
            f"({_label(e.key)}, {e.value:,.0f} MW, "
            f"{e.confidence} confidence): {upto}{float(share.max()) * 100:.0f} %, "
            "a load the utility must plan new supply for"
        )
    out.attrs = {
        "site_preset": site,
        "model": "explorer.grid_shares",
        "notes": "; ".join(notes),
        "basis": "climate_year" if year is not None else "compute (constant load)",
    }
    return out


@cache
def _denominators(site: str) -> tuple[float, float, float]:
    """A site's state consumption [TWh/yr], utility peak [MW] and operator peak [MW] (NaN where
    none is recorded), converted once."""
    ctx = grid_context(site)
    return (
        ctx["state"].to("TWh / year") if ctx["state"] else np.nan,
        ctx["utility"].to("MW") if ctx["utility"] else np.nan,
        ctx["operator"].to("MW") if ctx["operator"] else np.nan,
    )


@cache
def _band() -> dict[str, float]:
    """The US data-centre band (LBNL 2024) in TWh/yr and shares, converted once (pint is slow on
    the app's warm path)."""
    return {
        k: catalog.value(f"grid.us-datacenters.{k.removeprefix('us_datacenter_')}", unit)
        for k, unit in (
            ("us_datacenter_energy_2023", "TWh / year"),
            ("us_datacenter_energy_2028_low", "TWh / year"),
            ("us_datacenter_energy_2028_high", "TWh / year"),
            ("us_datacenter_share_2023", "dimensionless"),
            ("us_datacenter_share_2028_low", "dimensionless"),
            ("us_datacenter_share_2028_high", "dimensionless"),
        )
    }


def _check_year(site: str, year: Any, compute_inputs: dict[str, Any]) -> None:
    """InputError unless `year` is a climate year of `site` given without other inputs."""
    given = sorted(k for k, v in compute_inputs.items() if v is not None)
    if given:
        raise InputError(
            given[0],
            compute_inputs[given[0]],
            "leave it out (pass it to explorer.climate_year instead)",
            "cannot be given with year=",
        )
    is_year = (
        isinstance(year, xr.Dataset)
        and str(year.attrs.get("model", "")).startswith("explorer.climate_year")
        and all(v in year for v in ("annual_energy", "peak_facility_power"))
    )
    if not is_year:
        shown = type(year).__name__ if not isinstance(year, str | int | float) else year
        raise InputError(
            "year", shown, "a Dataset returned by explorer.climate_year", "is not a climate year"
        )
    if year.attrs.get("site_preset") != site:
        raise InputError(
            "year",
            f"climate year of {year.attrs.get('site_preset')!r}",
            f"a climate year of the site {site!r}",
            "is from another site",
        )
