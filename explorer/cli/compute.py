"""``explorer compute``: one scenario (a table or ``--json``) or a sweep (CSV or NetCDF).

``--climate`` (`explorer.cli.site`) and ``--uncertainty`` (`explorer.cli.uncertainty`) add their
options to this parser and take over the run when given.

Examples
--------
>>> from explorer.cli import main
>>> main(["compute", "--site-power", "300", "--chip", "h100", "--basis", "us-household",
...       "--precision", "bf16", "--json"])  # doctest: +ELLIPSIS
{
  "site_power": {
    "value": 300.0,
...
0
"""

from __future__ import annotations

import argparse
import math
import sys

import xarray as xr

from .. import catalog
from ..errors import InputError
from ..model import INPUTS, compute
from . import site
from .common import (
    MAX_SWEEP_POINTS,
    NUMERIC,
    add_out_options,
    emit,
    out_kind,
    parse_sweep,
    scenario_inputs,
    show_progress,
)

# Points past which an in-memory sweep says on a terminal that it is working (about a second).
LONG_SWEEP = 1_000_000


def register(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Add ``compute`` (with ``--climate``) to the CLI's subparsers; the parser, for the
    command groups that add options to it."""
    c = sub.add_parser(
        "compute",
        help="compute one scenario or a sweep",
        description="Compute one scenario (table or --json) or a sweep (--sweep, CSV or NetCDF).",
    )
    c.add_argument(
        "--site",
        default=catalog.DEFAULT_SITE,
        help=(
            f"site preset for unset inputs (default {catalog.DEFAULT_SITE}; "
            f"one of {', '.join(catalog.names('sites'))})"
        ),
    )
    for name in NUMERIC:
        units, long_name = INPUTS[name]
        c.add_argument(
            f"--{name.replace('_', '-')}", dest=name, metavar="X", help=f"{long_name} [{units}]"
        )
    c.add_argument(
        "--chip", help="accelerator name, or a comma-separated list (see `explorer catalog`)"
    )
    c.add_argument("--basis", help="city basis name, or a comma-separated list")
    c.add_argument("--precision", help="show only this precision (bf16, fp8, fp8_sparse)")
    c.add_argument("--json", action="store_true", help='print {name: {"value": ..., "units": ...}}')
    c.add_argument(
        "--sweep",
        action="append",
        default=[],
        metavar="NAME=START:STOP:NUM[:log]",
        help="sweep an input over NUM points from START to STOP inclusive (repeat for a grid)",
    )
    add_out_options(c, "write the result to FILE (.csv or .nc); default for a sweep: CSV on stdout")
    c.set_defaults(run=run)
    site.add_compute_options(c)  # --climate
    return c


def run(args: argparse.Namespace) -> int:
    """Run ``explorer compute`` (the plain one; ``--climate`` hands over to `site`)."""
    if args.climate:
        return site.compute_climate(args)
    kwargs = scenario_inputs(args)
    sweeps = [parse_sweep(s) for s in args.sweep]
    total = math.prod(len(v) for _, v in sweeps) if sweeps else 1
    if total > MAX_SWEEP_POINTS:
        raise InputError("--sweep", total, f"at most {MAX_SWEEP_POINTS:,} points in all")
    for name, values in sweeps:
        if name in kwargs and not isinstance(kwargs[name], float):
            raise InputError("--sweep", name, "each input swept at most once")
        kwargs[name] = xr.DataArray(values, dims=name, coords={name: values})
    # bad paths fail before any work
    kind = out_kind(args.out, overwrite=args.overwrite) if args.out is not None else None
    if total >= LONG_SWEEP and show_progress(args.quiet):
        print(f"computing {total:,} sweep points ...", file=sys.stderr)
    ds = compute(**kwargs)
    if args.precision is not None:
        if args.precision not in catalog.PRECISIONS:
            raise InputError("precision", args.precision, "one of " + ", ".join(catalog.PRECISIONS))
        ds = ds.sel(precision=args.precision)
    return emit(ds, args, kind, bool(sweeps))
