"""Command line: ``explorer compute | train | catalog | app``.

Bad input, a parse error included, prints one line `explorer: error: …` and exits with status 2 (no
traceback, no usage block). A value that starts with `-` and is not a plain number goes after `=`:
``--mfu=-inf``.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import json
import math
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

import numpy as np
import xarray as xr

from .. import catalog, training
from ..errors import InputError
from ..export import to_json, write_csv
from ..model import INPUTS, MAX_POINTS, TRAINING_INPUTS, compute
from ..validate import BOUNDS
from . import site as cli_site

NUMERIC = [k for k in INPUTS]  # every numeric input of compute()
MAX_SWEEP_POINTS = MAX_POINTS  # any sweep (NetCDF): the core's own limit
# CSV rows (grid points × chips × bases × precisions) written in a few seconds and ~250 MB
# (benchmarks/export_bench.py); bigger grids go to NetCDF.
MAX_CSV_ROWS = 500_000
SITE_NUMERIC = [k for k in NUMERIC if k not in TRAINING_INPUTS]  # `train`'s options for the site


class _ParseError(Exception):
    """A command-line parse error, already one line."""


class _Parser(argparse.ArgumentParser):
    """argparse, but a parse error is one ``explorer: error: …`` line (no usage block) and
    status 2, the same as bad input; sub-commands' parsers are of this class too."""

    argv: Sequence[str] = ()

    def error(self, message: str) -> NoReturn:
        message = " ".join(message.split())
        m = re.fullmatch(r"argument (\S+): expected one argument", message)
        if m:
            for option in m[1].split("/"):
                after = _after(self.argv, option)
                if after is not None and after.startswith("-"):
                    message += (
                        f" ({after!r} reads as an option: write a value that starts with '-' "
                        f"after '=', {option}={after})"
                    )
                    break
        command = self.prog.removeprefix("explorer").strip()
        raise _ParseError(f"{command}: {message}" if command else message)


def _after(argv: Sequence[str], option: str) -> str | None:
    """The token after `option` in `argv` (None when it is last or absent)."""
    argv = list(argv)
    for i, token in enumerate(argv[:-1]):
        if token == option:
            return argv[i + 1]
    return None


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    _Parser.argv = list(sys.argv[1:] if argv is None else argv)
    try:
        args = parser.parse_args(argv)
    except _ParseError as err:
        print(f"explorer: error: {err}", file=sys.stderr)
        return 2
    try:
        return int(args.run(args) or 0)
    except InputError as err:
        print(f"explorer: error: {err}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except Exception as err:  # never a traceback for a reader; EXPLORER_DEBUG=1 shows it
        if os.environ.get("EXPLORER_DEBUG"):
            raise
        print(
            f"explorer: internal error ({type(err).__name__}); "
            "rerun with EXPLORER_DEBUG=1 for details",
            file=sys.stderr,
        )
        return 1


def _parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="explorer",
        description="AI Datacenter Explorer: power, cooling, chips and FLOPS of an AI datacenter.",
    )
    sub = p.add_subparsers(dest="command", required=True)

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
    c.add_argument(
        "--out",
        type=Path,
        help="write the result to FILE (.csv or .nc); default for a sweep: CSV on stdout",
    )
    c.set_defaults(run=_cmd_compute)
    cli_site.add_compute_options(c)  # --climate (explorer.cli.site)

    t = sub.add_parser(
        "train",
        help="days, goodput, energy, CO2 and cost of one training run",
        description=(
            "A training run on a site scenario: days, goodput and its parts, "
            "the run's energy, CO2 and cost (table or --json)."
        ),
    )
    t.add_argument(
        "--model",
        help="catalog model, or a comma-separated list (one of "
        + ", ".join(catalog.names("models"))
        + "; default llama3-405b)",
    )
    t.add_argument(
        "--chip",
        default="h100",
        help=(
            "accelerator name, or a comma-separated list "
            "(default h100; see `explorer catalog chips`)"
        ),
    )
    t.add_argument("--precision", default="bf16", help="bf16 (default), fp8 or fp8_sparse")
    for name in TRAINING_INPUTS:  # names, units and meanings from compute()'s input table
        units, long_name = INPUTS[name]
        t.add_argument(
            f"--{name.replace('_', '-')}",
            dest=name,
            metavar="X",
            help=f"{long_name} [{units}]{_train_help(name)}",
        )
    t.add_argument(
        "--site",
        default=catalog.DEFAULT_SITE,
        help=f"site preset for the facility inputs (default {catalog.DEFAULT_SITE})",
    )
    for name in SITE_NUMERIC:
        units, long_name = INPUTS[name]
        t.add_argument(
            f"--{name.replace('_', '-')}", dest=name, metavar="X", help=f"{long_name} [{units}]"
        )
    t.add_argument("--json", action="store_true", help='print {name: {"value": ..., "units": ...}}')
    t.set_defaults(run=_cmd_train)

    k = sub.add_parser("catalog", help="list chips, systems, sites, city bases and their sources")
    k.add_argument(
        "group",
        nargs="?",
        choices=[
            *["chips", "systems", "sites", "bases", "regions", "cooling", "models", "conflicts"],
            *cli_site.CATALOG_GROUPS,
        ],
        help="show only this group",
    )
    k.add_argument("--json", action="store_true", help="machine-readable output")
    k.set_defaults(run=_cmd_catalog)

    a = sub.add_parser("app", help="serve the Voila app on 127.0.0.1")
    a.add_argument("--port", type=int, default=None, help="port (default: a free one from 8866)")
    a.add_argument("--open", action="store_true", help="open a browser")
    a.add_argument(
        "--pool",
        type=int,
        default=None,
        metavar="N",
        help="preheat N kernels for a class arriving at once (default 2; 0 switches the pool off;"
        " at most the server's kernel limit, EXPLORER_MAX_KERNELS)",
    )
    a.set_defaults(run=_cmd_app)
    cli_site.register(sub)  # explorer grid
    from .uncertainty import register  # compute --uncertainty, sample, sensitivity

    register(sub, c)
    return p


def _train_help(name: str) -> str:
    """What `explorer train --help` adds to an input's meaning: its default, how to give it."""
    defaults = training.defaults()
    if name in defaults:
        return f"; default {defaults[name]:g} (catalog)"
    return {
        "training_compute": "; or --model, or --parameters with --tokens",
        "parameters": "; with --tokens",
        "tokens": "; with --parameters",
        "job_chips": ", or a comma-separated list; default: as many as the site powers",
        "interruption_rate": "; default: the chip's, from the catalog",
    }.get(name, "")


# ------------------------------------------------------------------------------ compute
def _cmd_compute(args: argparse.Namespace) -> int:
    if args.climate:
        return cli_site.compute_climate(args)
    kwargs = scenario_inputs(args)
    sweeps = [_sweep(s) for s in args.sweep]
    total = math.prod(len(v) for _, v in sweeps) if sweeps else 1
    if total > MAX_SWEEP_POINTS:
        raise InputError("--sweep", total, f"at most {MAX_SWEEP_POINTS:,} points in all")
    for name, values in sweeps:
        if name in kwargs and not isinstance(kwargs[name], float):
            raise InputError("--sweep", name, "each input swept at most once")
        kwargs[name] = xr.DataArray(values, dims=name, coords={name: values})
    out_kind = (
        _out_kind(args.out) if args.out is not None else None
    )  # bad paths fail before any work
    ds = compute(**kwargs)
    if args.precision is not None:
        if args.precision not in catalog.PRECISIONS:
            raise InputError("precision", args.precision, "one of " + ", ".join(catalog.PRECISIONS))
        ds = ds.sel(precision=args.precision)

    return emit(ds, args, out_kind, bool(sweeps))


def emit(
    ds: xr.Dataset,
    args: argparse.Namespace,
    out_kind: str | None,
    swept: bool,
    as_json=None,
    as_table=None,
) -> int:
    """Write a result as the options ask: `--out` (CSV/NetCDF/Zarr), CSV on stdout for a sweep,
    `--json`, or a table; CSV is refused past `MAX_CSV_ROWS` (one rule for every command)."""
    if out_kind == "csv" or (out_kind is None and swept):
        rows = math.prod(ds.sizes.values())
        if rows > MAX_CSV_ROWS:
            raise InputError(
                "--sweep",
                f"{rows:,} CSV rows",
                f"at most {MAX_CSV_ROWS:,} rows "
                "(grid points x chips x bases x precisions) for CSV; "
                f"write bigger grids, up to {MAX_SWEEP_POINTS:,} points, with --out FILE.nc",
                "is too large",
            )
    if args.out is not None:
        _write(ds, args.out, out_kind)
        print(f"wrote {args.out} ({_describe_dims(ds)})", file=sys.stderr)
    elif swept:
        write_csv(ds, sys.stdout)
    elif args.json:
        print(json.dumps((as_json or to_json)(ds), indent=2))
    else:
        print((as_table or table)(ds))
    return 0


def scenario_inputs(
    args: argparse.Namespace, names=None, single: str | None = None
) -> dict[str, Any]:
    """`compute` inputs from parsed options: the site, numbers (`names`, default every numeric
    input), and chip and basis names (a comma list becomes a list; with `single`, the command
    that needs one name, a list is an InputError)."""
    kwargs: dict[str, Any] = {}
    if getattr(args, "site", None) is not None:
        kwargs["site"] = catalog.check_name("site", args.site, "sites")
    for name in NUMERIC if names is None else names:
        raw = getattr(args, name, None)
        if raw is not None:
            kwargs[name] = _number(name, raw)
    for name in ("chip", "basis"):
        raw = getattr(args, name, None)
        if raw is not None:
            items = _items(raw)
            if single is not None and len(items) != 1:
                raise InputError(f"--{name}", raw, f"one name with {single}", "is a list")
            kwargs[name] = items[0] if len(items) == 1 else items
    return kwargs


def _items(raw: str) -> list[str]:
    return [s.strip() for s in raw.split(",") if s.strip()]


def _number(field: str, raw: str) -> float:
    try:
        return float(raw)
    except ValueError:
        bound = BOUNDS[field]
        raise InputError(field, raw, bound.describe(field), "is not a number") from None


def _sweep(spec: str) -> tuple[str, np.ndarray]:
    form = "NAME=START:STOP:NUM[:log] with NAME one of " + ", ".join(NUMERIC)
    name, _, rng = spec.partition("=")
    name = name.strip().replace("-", "_")
    if name not in NUMERIC or not rng:
        raise InputError("--sweep", spec, form)
    parts = rng.split(":")
    if len(parts) not in (3, 4) or (len(parts) == 4 and parts[3] != "log"):
        raise InputError("--sweep", spec, form)
    start, stop = _number(name, parts[0]), _number(name, parts[1])
    try:
        num = int(parts[2])
    except ValueError:
        raise InputError("--sweep", spec, form, "has a NUM that is not a whole number") from None
    if not 1 <= num <= MAX_SWEEP_POINTS:
        raise InputError("--sweep NUM", num, f"1 ≤ NUM ≤ {MAX_SWEEP_POINTS:,}")
    if len(parts) == 4:
        if start <= 0 or stop <= 0:
            raise InputError("--sweep", spec, "START and STOP above 0 for a log sweep")
        return name, np.geomspace(start, stop, num)
    return name, np.linspace(start, stop, num)


OUT_TABLE = (".csv", ".nc")  # what compute, --climate and --uncertainty write
OUT_SAMPLE = (".nc", ".zarr")  # what sample writes (a .zarr store is a folder)


def _out_allowed(suffixes: tuple[str, ...]) -> str:
    """The allowed --out paths in words, e.g. ``"a .csv or .nc file in ..."``."""
    files = [s for s in suffixes if s != ".zarr"]
    what = f"a {' or '.join(files)} file" if files else ""
    if ".zarr" in suffixes:
        what = f"{what} or a .zarr folder" if what else "a .zarr folder"
    return f"{what} in an existing folder you can write to"


def _out_error(path: Path, reason: str, suffixes: tuple[str, ...] = OUT_TABLE) -> InputError:
    """The usual one-line InputError, with the whole path (InputError shortens long values)."""
    allowed = _out_allowed(suffixes)
    err = InputError("--out", str(path), allowed, reason)
    err.args = (f"--out = {str(path)!r} {reason}; allowed: {allowed}.",)
    return err


def _out_kind(path: Path, suffixes: tuple[str, ...] = OUT_TABLE) -> str:
    """The suffix without its dot (``csv``, ``nc``, ``zarr``) for a path that can be written,
    one of `suffixes`; else an InputError naming it and why."""
    suffix = path.suffix.lower()

    def fail(reason: str) -> InputError:
        return _out_error(path, reason, suffixes)

    if suffix not in suffixes:
        raise fail(f"does not end in {' or '.join(suffixes)}")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.exists():
        raise fail(f"is in a folder that does not exist ({folder})")
    if not folder.is_dir():
        raise fail(f"is in {folder}, which is not a folder")
    store = suffix == ".zarr"  # a folder: written over when it exists
    if path.is_dir() and not store:
        raise fail("is a folder")
    if path.exists() and store and not path.is_dir():
        raise fail("is a file (a .zarr store is a folder)")
    if path.exists() and not os.access(path, os.W_OK):
        raise fail("is a file you cannot write" if not store else "is a folder you cannot write")
    if not path.exists() and not os.access(folder, os.W_OK | os.X_OK):
        raise fail(f"is in a folder you cannot write to ({folder})")
    return suffix[1:]


_WRITERS = {"nc": ("h5netcdf", "io"), "zarr": ("zarr", "io")}


def _write(ds: xr.Dataset, path: Path, kind: str, suffixes: tuple[str, ...] = OUT_TABLE) -> None:
    """Write `ds` (lazy or not) as `kind`; any OSError is an InputError, and a new file that
    could not be written is removed."""
    existed = path.exists()
    if kind in _WRITERS and importlib.util.find_spec(_WRITERS[kind][0]) is None:
        package, extra = _WRITERS[kind]
        raise _out_error(
            path,
            f"needs the {package} writer: pip install 'ai-datacenter-explorer[{extra}]'",
            suffixes,
        )
    try:
        if kind == "nc":
            ds.to_netcdf(path, engine="h5netcdf")
        elif kind == "zarr":
            ds.to_zarr(path, mode="w", zarr_format=2)  # v2: portable (v3 has no string dtype yet)
        else:
            with path.open("wb") as f:
                write_csv(ds, f)
    except OSError as err:  # e.g. permission, full disk, read-only file system, /proc
        if not existed and kind != "zarr":
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)  # no half-written file left behind
        reason = err.strerror or type(err).__name__
        raise _out_error(path, f"could not be written ({reason})", suffixes) from None


def _describe_dims(ds: xr.Dataset) -> str:
    return " x ".join(f"{d}={n}" for d, n in ds.sizes.items()) or "one scenario"


def table(ds: xr.Dataset, head: str | None = None) -> str:
    """A readable table: one row per output (and per precision, chip or basis)."""
    rows: list[tuple[str, str, str, str]] = []
    for name, var in ds.data_vars.items():
        if var.dtype.kind not in "fiub":
            continue
        units = var.attrs.get("units", "")
        long_name = var.attrs.get("long_name", "")
        if not var.dims:
            rows.append((str(name), _num(var.values.item()), units, long_name))
            continue
        for idx in np.ndindex(var.shape):
            label = ",".join(
                f"{d}={ds[d].values[i]}" if d in ds.coords else f"{d}={i}"
                for d, i in zip(var.dims, idx, strict=True)
            )
            rows.append((f"{name}[{label}]", _num(var.values[idx].item()), units, long_name))
    widths = [max(len(r[i]) for r in rows) for i in range(3)]
    head = (
        head
        if head is not None
        else f"scenario: site preset {ds.attrs.get('site_preset')}; "
        + ", ".join(
            f"{c}={ds[c].values}" for c in ("chip", "basis") if c in ds.coords and ds[c].ndim == 0
        )
    )
    lines = [head, ""]
    lines += [f"{n:<{widths[0]}}  {v:>{widths[1]}}  {u:<{widths[2]}}  {ln}" for n, v, u, ln in rows]
    return "\n".join(lines)


def _num(x: float) -> str:
    if isinstance(x, bool | np.bool_):
        return "yes" if x else "no"
    x = float(x)
    if not math.isfinite(x):
        return str(x)
    if x == 0:
        return "0"
    if abs(x) >= 1e7 or abs(x) < 1e-3:
        return f"{x:.4g}"
    if abs(x) >= 100:
        return f"{x:,.0f}"
    return f"{x:.4g}"


# ------------------------------------------------------------------------------ train
def _cmd_train(args: argparse.Namespace) -> int:
    kwargs: dict[str, Any] = {"site": catalog.check_name("site", args.site, "sites")}
    for name in SITE_NUMERIC + [k for k in TRAINING_INPUTS if k != "job_chips"]:
        raw = getattr(args, name)
        if raw is not None:
            kwargs[name] = _number(name, raw)
    if args.job_chips is not None:  # one size, or a comma-separated list (a job_chips dimension)
        sizes = [_number("job_chips", x) for x in _items(args.job_chips)]
        kwargs["job_chips"] = sizes[0] if len(sizes) == 1 else sizes
    for name in ("model", "chip"):
        raw = getattr(args, name)
        if raw is not None:
            items = _items(raw)
            kwargs[name] = items[0] if len(items) == 1 else items
    ds = training.train(precision=args.precision, **kwargs)
    if args.json:
        print(json.dumps(to_json(ds), indent=2))
        return 0
    what = ds.attrs.get("model") or (
        f"{_num(float(ds.training_compute.max()))} FLOP"
        if ds.training_compute.ndim == 0
        else "the runs"
    )
    head = (
        f"training: {what} on {ds.attrs['chip']} ({args.precision}); "
        f"site preset {ds.attrs.get('site_preset')}"
    )
    print(table(ds, head=head))
    if ds.attrs.get("notes"):
        print(f"\nnote: {ds.attrs['notes']}")
    return 0


# ------------------------------------------------------------------------------ catalog
def _cmd_catalog(args: argparse.Namespace) -> int:
    groups = (
        [args.group]
        if args.group
        else [
            *["chips", "systems", "sites", "bases", "regions", "cooling", "models", "conflicts"],
            *cli_site.CATALOG_GROUPS,
        ]
    )
    if args.json:
        data: dict[str, Any] = {}
        for g in groups:
            if g in cli_site.CATALOG_GROUPS:
                data[g] = cli_site.catalog_group(g)[1]
            elif g == "conflicts":
                data[g] = catalog.conflicts()
            else:
                data[g] = {
                    n: {
                        "label": catalog.label(g, n),
                        "values": [e.as_dict() for e in catalog.entries_under(f"{g}.{n}")],
                    }
                    for n in catalog.names(g)
                }
        print(json.dumps(data, indent=2))
        return 0
    out: list[str] = []
    for g in groups:
        if g in cli_site.CATALOG_GROUPS:
            out += cli_site.catalog_group(g)[0]
            continue
        out.append(f"== {g}")
        if g == "conflicts":
            for c in catalog.conflicts():
                out.append(f"  {c['key']}: {c['note']}  [{c['source_title']}]")
            continue
        for n in catalog.names(g):
            out.append(f"  {n}: {catalog.label(g, n)}")
            for e in catalog.entries_under(f"{g}.{n}"):
                field = e.key.rsplit(".", 1)[1]
                out.append(
                    f"      {field} = {e.value:g} {e.unit}  "
                    f"({e.confidence}; {e.source_title}, {e.date})"
                )
    print("\n".join(out))
    return 0


# ------------------------------------------------------------------------------ app
def _cmd_app(args: argparse.Namespace) -> int:
    if args.port is not None and not 1 <= args.port <= 65535:
        raise InputError("--port", args.port, "1 ≤ port ≤ 65535")
    if args.pool is not None:
        from ..server.limits import Limits

        most = Limits.from_env().max_kernels  # preheated kernels count against the visitors' limit
        if not 0 <= args.pool <= most:
            raise InputError("--pool", args.pool, f"0 ≤ pool ≤ {most} (the server's kernel limit)")
    from ..server.launch import serve

    return serve(port=args.port, open_browser=args.open, pool=args.pool)


if __name__ == "__main__":
    raise SystemExit(main())
