"""Command line for the site in its place: ``explorer compute --climate`` and ``explorer grid``.

`add_compute_options` adds ``--climate``, ``--cooling-tech`` and ``--station`` to the compute
parser, `compute_climate` runs them, and `register` adds the ``grid`` subcommand; `explorer.cli`
calls these three.

Examples
--------
>>> from explorer.cli import main
>>> main(["grid", "--site", "rainier-indiana", "--site-power", "300"])  # doctest: +ELLIPSIS
grid shares: site preset rainier-indiana ...
0
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np
import xarray as xr

from .. import catalog, climate, scenario
from ..errors import InputError
from ..export import to_json
from ..grid import grid_shares
from ..model import INPUTS
from .common import describe_dims, fmt_number, out_kind, scenario_inputs, write_out

_NOT_WITH_CLIMATE = ("cooling_fraction", "pue")
ANNUAL = [
    "annual_energy",
    "annual_cooling_energy",
    "annual_pue",
    "annual_free_cooling_hours",
    "hours_free_cooling",
    "hours_evaporative",
    "hours_mechanical",
    "annual_water",
    "annual_wue",
    "it_power",
    "mean_cooling_power",
    "peak_cooling_power",
    "peak_facility_power",
    "hours_above_site_power",
    "hot_day_excess_energy",
]
MONTHLY = ["dry_bulb", "wet_bulb", "cooling_power", "pue", "free_cooling", "water"]


def add_compute_options(parser: argparse.ArgumentParser) -> None:
    """Add ``--climate``, ``--cooling-tech`` and ``--station`` to ``explorer compute``.

    Examples
    --------
    >>> p = argparse.ArgumentParser()
    >>> add_compute_options(p)
    >>> p.parse_args(["--climate", "--cooling-tech", "air-evaporative"]).cooling_tech
    'air-evaporative'
    """
    g = parser.add_argument_group("climate (explorer.climate_year)")
    g.add_argument(
        "--climate",
        action="store_true",
        help=(
            "a typical year of weather-driven cooling (8,760 h, shown as 12 months x 24 h) "
            "instead of a constant cooling share; "
            "--out FILE.nc writes the year"
        ),
    )
    g.add_argument(
        "--cooling-tech",
        dest="cooling_tech",
        metavar="NAME",
        help="with --climate: " + ", ".join(climate.technologies()) + " (default by chip)",
    )
    g.add_argument(
        "--station",
        metavar="WMO",
        help="with --climate: weather station instead of the preset's (one of "
        + ", ".join(climate.stations())
        + ")",
    )


def register(sub: Any) -> None:
    """Add the ``grid`` subcommand to the CLI's subparsers.

    Examples
    --------
    >>> p = argparse.ArgumentParser()
    >>> register(p.add_subparsers(dest="command"))
    >>> p.parse_args(["grid", "--site", "rainier-indiana"]).site
    'rainier-indiana'
    """
    g = sub.add_parser(
        "grid",
        help=(
            "a site's share of its state's electricity "
            "and of its utility's and grid operator's peaks"
        ),
        description=(
            "The site's annual energy against its state's consumption, "
            "its peak against its utility's and "
            "its grid operator's peaks (catalog figures with source, date and confidence), "
            "and the US data-centre band (LBNL 2024)."
        ),
    )
    g.add_argument(
        "--site", default="rainier-mississippi", help="site preset (default rainier-mississippi)"
    )
    for name in INPUTS:
        if name in _NOT_WITH_CLIMATE:
            continue
        units, long_name = INPUTS[name]
        g.add_argument(
            f"--{name.replace('_', '-')}", dest=name, metavar="X", help=f"{long_name} [{units}]"
        )
    g.add_argument("--chip", help="accelerator name")
    add_compute_options(g)
    g.add_argument("--json", action="store_true", help='print {name: {"value": ..., "units": ...}}')
    g.set_defaults(run=run_grid)


def _inputs(args: argparse.Namespace) -> dict[str, Any]:
    kwargs = scenario_inputs(args, INPUTS, single="--climate or grid")
    kwargs.pop("site", None)  # the site goes on its own
    return kwargs


def _year(args: argparse.Namespace, site: str) -> xr.Dataset:
    return scenario.climate_year(site, args.cooling_tech, station=args.station, **_inputs(args))


def compute_climate(args: argparse.Namespace) -> int:
    """Run ``explorer compute --climate``: a table, ``--json``, or ``--out FILE.nc`` / ``.csv``.

    Examples
    --------
    >>> from explorer.cli import main
    >>> main(["compute", "--climate", "--site", "rainier-indiana", "--cooling-tech", "bogus"])
    2
    """
    if getattr(args, "sweep", None):
        raise InputError(
            "--sweep",
            args.sweep[0],
            "no sweep with --climate (the year is its own month x hour grid)",
        )
    if getattr(args, "precision", None) is not None:
        raise InputError(
            "--precision", args.precision, "leave it out with --climate (the year has no FLOPS)"
        )
    site = catalog.check_name("site", args.site, "sites")
    kind = out_kind(args.out, overwrite=args.overwrite) if args.out is not None else None
    ds = _year(args, site)
    if args.out is not None:
        write_out(
            ds if kind == "nc" else ds[MONTHLY + ["energy", "facility_power"]], Path(args.out), kind
        )
        if not args.quiet:
            print(f"wrote {args.out} ({describe_dims(ds)})", file=sys.stderr)
    elif args.json:
        print(json.dumps(to_json(ds), indent=2))
    else:
        print(year_table(ds))
    return 0


def year_table(ds: xr.Dataset) -> str:
    """The year in words: annual figures, then one row per month.

    Examples
    --------
    >>> year = scenario.climate_year("rainier-indiana", "chiller-economiser")
    >>> print(year_table(year).splitlines()[0])
    climate year: site preset rainier-indiana, station 725350 (South Bend Michiana Rgnl Ap, IN),
    chiller-economiser (illustrative)
    """
    head = (
        f"climate year: site preset {ds.attrs['site_preset']}, station {ds.attrs['station']} "
        f"({ds.attrs['station_name']}), {ds.attrs['cooling_tech']} (illustrative)"
    )
    rows = [
        (n, fmt_number(float(ds[n])), ds[n].attrs["units"], ds[n].attrs["long_name"])
        for n in ANNUAL
        if ds[n].ndim == 0
    ]
    w = [max(len(r[i]) for r in rows) for i in range(3)]
    lines = [head, ""] + [f"{n:<{w[0]}}  {v:>{w[1]}}  {u:<{w[2]}}  {ln}" for n, v, u, ln in rows]
    lines += [
        "",
        f"{'month':>5}  {'dry-bulb °C':>11}  {'wet-bulb °C':>11}  {'cooling MW':>10}  {'PUE':>6}  "
        f"{'free-cooling h':>14}  {'water m3':>10}",
    ]
    if ds["cooling_power"].ndim == 2:
        for m in ds.month.values:
            sel = ds.sel(month=m)
            lines.append(
                f"{int(m):>5}  {float(sel.dry_bulb.mean()):>11.1f}  "
                f"{float(sel.wet_bulb.mean()):>11.1f}  "
                f"{float(sel.cooling_power_mean):>10.2f}  {float(sel.pue_month):>6.3f}  "
                f"{float(sel.free_cooling_hours):>14.0f}  {float(sel.water_month):>10,.0f}"
            )
    lines.append(
        f"\nhot day ({ds.attrs['hot_day']}): "
        f"peak cooling {float(ds.peak_cooling_power.max()):.2f} MW "
        f"vs annual mean {float(ds.mean_cooling_power.max()):.2f} MW"
    )
    for key in ("notes",):
        if ds.attrs.get(key):
            lines.append(f"note: {ds.attrs[key]}")
    lines.append(f"model: {ds.attrs['note']}")
    return "\n".join(lines)


def run_grid(args: argparse.Namespace) -> int:
    """Run ``explorer grid``: the site's shares of its state's energy and its grid's peaks.

    Examples
    --------
    >>> from explorer.cli import main
    >>> main(["grid", "--site", "rainier-indiana", "--json"])  # doctest: +ELLIPSIS
    {
    ...
    0
    """
    site = catalog.check_name("site", args.site, "sites")
    year = _year(args, site) if args.climate else None
    ds = grid_shares(site, year=year, **({} if year is not None else _inputs(args)))
    if args.json:
        out = to_json(ds)
        for name in ("state_consumption", "utility_peak", "operator_peak"):
            out[name].update(
                {k: v for k, v in ds[name].attrs.items() if k not in ("units", "long_name")}
            )
        out["notes"] = ds.attrs["notes"]
        print(json.dumps(out, indent=2))
        return 0
    lines = [
        f"grid shares: site preset {site} ({ds.attrs['basis']}); "
        f"{fmt_number(float(ds.annual_energy))} GWh/yr, peak {fmt_number(float(ds.peak_power))} MW",
        "",
    ]
    for share, denom in (
        ("share_of_state_energy", "state_consumption"),
        ("share_of_utility_peak", "utility_peak"),
        ("share_of_operator_peak", "operator_peak"),
    ):
        a = ds[denom].attrs
        value = float(ds[share])
        shown = f"{value * 100:.2f} %" if np.isfinite(value) else "n/a"
        of = (
            f"of {a['of']} {fmt_number(float(ds[denom]))} {ds[denom].attrs['units']} "
            f"({a['confidence']}; {a['source']}, {a['date']})"
            if "of" in a
            else f"({a['note']})"
        )
        lines.append(f"{share:<24} {shown:>9}  {of}")
    lines.append(
        f"{'share_of_us_datacenters':<24} {float(ds.share_of_us_datacenters) * 100:>7.2f} %  "
        "of US data centres' "
        f"{fmt_number(float(ds.us_datacenter_energy_2023))} TWh in 2023; 2028: "
        f"{fmt_number(float(ds.us_datacenter_energy_2028_low))}-"
        f"{fmt_number(float(ds.us_datacenter_energy_2028_high))} TWh "
        f"({float(ds.us_datacenter_share_2028_low) * 100:g}-"
        f"{float(ds.us_datacenter_share_2028_high) * 100:g} % of US electricity; LBNL 2024)"
    )
    if ds.attrs["notes"]:
        lines.append(f"\nnote: {ds.attrs['notes']}")
    print("\n".join(lines))
    return 0


# ------------------------------------------------------------------------------ catalog groups
# `explorer catalog` groups of the site-in-context data (cli.py lists them after its own).
CATALOG_GROUPS = ("cooling_tech", "stations", "grid", "storage")


def _entry_lines(prefix: str) -> list[str]:
    return [
        f"      {e.key.rsplit('.', 1)[1]} = {e.value:g} {e.unit}  "
        f"({e.confidence}; {e.source_title}, {e.date})"
        for e in catalog.entries_under(prefix)
    ]


def catalog_group(group: str) -> tuple[list[str], dict[str, Any]]:
    """(text lines, JSON data) of one of `CATALOG_GROUPS` for ``explorer catalog``.

    Examples
    --------
    >>> lines, data = catalog_group("stations")
    >>> lines[1].split(":")[0], sorted(data)
    ('  722350', ['722350', '725350'])
    """
    lines: list[str] = [f"== {group}"]
    data: dict[str, Any] = {}
    if group == "stations":
        for wmo in climate.stations():
            st = climate.load_station(wmo)
            sites = [s for s in catalog.names("sites") if climate.station_for(s) == wmo]
            lines.append(
                f"  {wmo}: {st.name}, {st.state} ({st.altitude:.0f} m); cooling design day "
                f"{st.design_dry_bulb:.1f} °C; used by {', '.join(sites) or 'no preset'}"
            )
            lines.append(f"      source: {st.source}")
            data[wmo] = {
                "name": st.name,
                "state": st.state,
                "altitude_m": st.altitude,
                "design_dry_bulb_c": st.design_dry_bulb,
                "sites": sites,
                "source": st.source,
            }
        return lines, data
    if group == "grid":
        for sub, node in catalog.raw()["grid"].items():
            if sub == "us-datacenters":
                lines.append(f"  {sub}: US data centres (LBNL 2024)")
                lines += _entry_lines(f"grid.{sub}")
                data[sub] = [e.as_dict() for e in catalog.entries_under(f"grid.{sub}")]
                continue
            for name, block in node.items():
                lines.append(f"  {sub}.{name}: {block.get('label', name)}")
                lines += _entry_lines(f"grid.{sub}.{name}")
                data[f"{sub}.{name}"] = {
                    "label": block.get("label", name),
                    "values": [e.as_dict() for e in catalog.entries_under(f"grid.{sub}.{name}")],
                }
        return lines, data
    if group == "storage":
        lines += _entry_lines("storage")
        return lines, {"values": [e.as_dict() for e in catalog.entries_under("storage")]}
    for name in catalog.names(group):  # cooling_tech
        node = catalog.raw()[group][name]
        lines.append(f"  {name}: {node.get('label', name)}")
        lines += _entry_lines(f"{group}.{name}")
        data[name] = {
            "label": node.get("label", name),
            "note": node.get("note", ""),
            "values": [e.as_dict() for e in catalog.entries_under(f"{group}.{name}")],
        }
    return lines, data
