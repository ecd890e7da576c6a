"""Command line for the catalog's uncertainty: ``explorer compute --uncertainty``,
``explorer sample`` and ``explorer sensitivity`` (registered on `explorer.cli`'s parser).

Examples (shell)::

    explorer compute --site rainier-mississippi --uncertainty         # low / central / high table
    explorer sample -n 100000 --seed 1 --out mc.nc       # Monte Carlo, streamed to NetCDF
    explorer sample -n 1000000 --seed 1 --chunks 100000 --scheduler tcp://HOST:8786 \
        --out mc.zarr
    explorer sensitivity city_households --site rainier-mississippi   # tornado: what moves it
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import sys
from pathlib import Path
from typing import Any

import numpy as np
import xarray as xr

from .. import catalog, validate
from ..errors import InputError
from ..export import to_json
from ..model import INPUTS, MAX_POINTS, OUTPUTS
from ..scenario import compute
from ..uncertainty import (
    MAX_SAMPLE,
    MAX_SEED,
    check_chunks,
    chunk_bounds,
    sample,
    sensitivity,
    summary,
)
from .common import (
    OUT_SAMPLE,
    add_out_options,
    check_resources,
    emit,
    fmt_number,
    out_kind,
    parse_sweep,
    progress,
    scenario_inputs,
    show_progress,
    write_out,
)

# The bounds of `sample`'s chunks are the core's (`explorer.uncertainty.chunk_bounds`); a written
# sample is streamed in chunks of WRITE_CHUNK by default.
WRITE_CHUNK = 1_000_000
# Peak memory over the samples' own bytes: the quantiles hold every sample and a sorted copy of one
# variable at a time (1e7 samples: 3.3 GB of samples, 3.8 GB peak RSS); a chunked write holds about
# a chunk per thread and two more being written.
SUMMARY_OVERHEAD = 1.25
CHUNKS_IN_FLIGHT = 2


def register(sub: argparse._SubParsersAction, compute_parser: argparse.ArgumentParser) -> None:
    """Add ``--uncertainty`` to ``explorer compute``, and the ``sample`` and ``sensitivity``
    commands."""
    compute_parser.add_argument(
        "--uncertainty",
        action="store_true",
        help="5th percentile / central / 95th percentile of every output over the catalog's "
        "uncertainty ranges (a fixed-seed sample; notes say when the central value lies outside)",
    )
    plain = compute_parser.get_default("run")
    compute_parser.set_defaults(
        run=lambda args: _cmd_compute_range(args) if args.uncertainty else plain(args)
    )

    s = sub.add_parser(
        "sample",
        help="Monte Carlo sample over the catalog's uncertainty ranges",
        description="Draw the uncertain catalog figures N times; print the 5/50/95 % quantiles, "
        "or write every sample with --out (.nc or .zarr, streamed in chunks).",
    )
    s.add_argument("-n", "--n", dest="n", required=True, metavar="N", help="number of samples")
    s.add_argument("--seed", metavar="S", help="seed of the draws (same seed, same numbers)")
    s.add_argument("--chunks", metavar="C", help="samples per chunk: lazy (dask) and streamed")
    s.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="run on this dask.distributed scheduler (tcp://host:port)",
    )
    s.add_argument(
        "--scheduler-timeout",
        metavar="S",
        help=f"seconds to wait for --scheduler to answer (default {SCHEDULER_TIMEOUT})",
    )
    add_out_options(s, "write every sample to FILE.nc or DIR.zarr", OUT_SAMPLE)
    s.add_argument(
        "--no-resource-check",
        action="store_true",
        help="start even when the estimate of memory or disk is more than the machine has free",
    )
    _scenario_args(s)
    s.add_argument("--json", action="store_true", help="print the quantiles as JSON")
    s.set_defaults(run=_cmd_sample)

    t = sub.add_parser(
        "sensitivity",
        help="tornado: which uncertain figures move an output most",
        description="One at a time, each uncertain catalog figure from low to high (the others "
        "central): the output's swing, biggest first.",
    )
    t.add_argument("output", help="an output of compute (" + ", ".join(OUTPUTS) + ")")
    _scenario_args(t)
    t.add_argument("--json", action="store_true", help="print the table as JSON")
    t.set_defaults(run=_cmd_sensitivity)


def _scenario_args(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--site", default=catalog.DEFAULT_SITE, help=f"site preset (default {catalog.DEFAULT_SITE})"
    )
    for name, (units, long_name) in INPUTS.items():
        p.add_argument(
            f"--{name.replace('_', '-')}",
            dest=name,
            metavar="X",
            help=f"{long_name} [{units}] (given: exact)",
        )
    p.add_argument("--chip", help="accelerator name, or a comma-separated list")
    p.add_argument("--basis", help="city basis name, or a comma-separated list")


def _scenario(args: argparse.Namespace) -> dict[str, Any]:
    return scenario_inputs(args, INPUTS)


def _whole(field: str, raw: str | None, lo: int, hi: int) -> int | None:
    return None if raw is None else validate.whole(field, raw, lo, hi)


# ------------------------------------------------------------------------ compute --uncertainty
def _cmd_compute_range(args: argparse.Namespace) -> int:
    kwargs = _scenario(args)
    sweeps = [parse_sweep(s) for s in args.sweep]
    for name, values in sweeps:
        kwargs[name] = xr.DataArray(values, dims=name, coords={name: values})
    kind = out_kind(args.out, overwrite=args.overwrite) if args.out is not None else None
    ds = compute(**kwargs, uncertainty="range")
    if args.precision is not None:
        ds = ds.sel(precision=validate.precision(args.precision))

    def as_table(ds: xr.Dataset) -> str:
        head = (
            f"scenario: site preset {ds.attrs.get('site_preset')}; "
            "5th percentile / central / 95th percentile over the catalog's ranges of: "
            f"{ds.attrs.get('uncertain_figures')}"
        )
        notes = [
            f"note on {name}: {v.attrs['range_note']}"
            for name, v in ds.data_vars.items()
            if v.attrs.get("range_note")
        ]
        return "\n".join([bounds_table(ds, ("low", "central", "high"), "bound", head), *notes])

    return emit(ds, args, kind, bool(sweeps), as_json=_bounds_json, as_table=as_table)


def _bounds_json(ds: xr.Dataset) -> dict[str, Any]:
    out = {}
    for name, var in ds.data_vars.items():
        if "bound" in var.dims:
            entry = {
                b: to_json(ds[[name]].sel(bound=b))[name]["value"]
                for b in ("low", "central", "high")
            }
            out[str(name)] = {**entry, "units": var.attrs.get("units", "")}
        elif var.dtype.kind in "fiub":
            out[str(name)] = to_json(ds[[name]])[name]
    return out


def bounds_table(ds: xr.Dataset, columns: tuple[Any, ...], dim: str, head: str) -> str:
    """One row per output (and per other index), one column per `columns` label along `dim`."""
    rows: list[tuple[str, ...]] = []
    for name, var in ds.data_vars.items():
        if var.dtype.kind not in "fiub":
            continue
        v = var if dim in var.dims else var.expand_dims({dim: len(columns)})
        v = v.transpose(dim, ...)
        rest = v.dims[1:]
        for idx in np.ndindex(v.shape[1:]):
            label = ",".join(
                f"{d}={ds[d].values[i]}" if d in ds.coords else f"{d}={i}"
                for d, i in zip(rest, idx, strict=True)
            )
            cells = [fmt_number(v.values[(j, *idx)].item()) for j in range(len(columns))]
            rows.append(
                (f"{name}[{label}]" if label else str(name), *cells, var.attrs.get("units", ""))
            )
    header = ("output", *[str(c) for c in columns], "units")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    lines = [head, ""]
    for r in [header, *rows]:
        lines.append(
            "  ".join(
                c.ljust(w) if i in (0, len(r) - 1) else c.rjust(w)
                for i, (c, w) in enumerate(zip(r, widths, strict=True))
            ).rstrip()
        )
    return "\n".join(lines)


# ------------------------------------------------------------------------ sample
def _cmd_sample(args: argparse.Namespace) -> int:
    n = _whole("n", args.n, 1, MAX_SAMPLE)
    seed = _whole("seed", args.seed, 0, MAX_SEED)
    timeout = _whole("scheduler-timeout", args.scheduler_timeout, 1, MAX_SCHEDULER_TIMEOUT)
    chunks = None if args.chunks is None else check_chunks(n, args.chunks)  # the core's rule
    kind = (
        out_kind(args.out, OUT_SAMPLE, overwrite=args.overwrite) if args.out is not None else None
    )
    kwargs = _scenario(args)
    # the bytes of one sample, from a small eager run of the same scenario
    probe = 64
    per_sample = sample(probe, seed=0, **kwargs).nbytes / probe
    if args.out is not None and chunks is None and n > WRITE_CHUNK:
        chunks = max(WRITE_CHUNK, chunk_bounds(n)[0])  # streamed: bounded memory, a progress bar
    if args.scheduler and chunks is None:
        chunks = max(chunk_bounds(n)[0], n // 8)
    if args.out is None:
        memory = n * per_sample * SUMMARY_OVERHEAD
    else:
        held = min(n, chunks or n, MAX_POINTS)
        memory = held * per_sample * (CHUNKS_IN_FLIGHT + (os.cpu_count() or 1))
    folder = None if args.out is None else (args.out.parent if str(args.out.parent) else Path("."))
    check_resources(
        "n",
        n,
        memory=0.0 if args.scheduler else memory,  # a cluster's memory is its own
        disk=0.0 if args.out is None else n * per_sample,
        folder=folder,
        force=args.no_resource_check,
    )
    client = _client(args.scheduler, timeout or SCHEDULER_TIMEOUT) if args.scheduler else None
    try:
        if show_progress(args.quiet) and chunks is None and n >= WRITE_CHUNK:
            print(f"sampling {n:,} scenarios ...", file=sys.stderr)
        ds = sample(n, seed=seed, chunks=chunks, **kwargs)
        if args.out is not None:
            write_out(ds, args.out, kind, OUT_SAMPLE, quiet=args.quiet)
            if not args.quiet:
                print(f"wrote {args.out} ({n:,} samples, seed {ds.attrs['seed']})", file=sys.stderr)
            return 0
        with progress(args.quiet, ds):
            q = summary(ds).compute()
        if args.json:
            print(json.dumps({"seed": ds.attrs["seed"], "n": n, "quantiles": to_json(q)}, indent=2))
        else:
            head = (
                f"{n:,} samples (seed {ds.attrs['seed']}), site preset {kwargs['site']}: "
                "5 / 50 / 95 % quantiles "
                f"over the catalog's ranges of: {ds.attrs.get('uncertain_figures')}"
            )
            print(
                bounds_table(
                    q, tuple(f"{100 * x:g}%" for x in q["quantile"].values), "quantile", head
                )
            )
    finally:
        if client is not None:
            client.close()
    return 0


#: Seconds `sample --scheduler` waits for the scheduler to answer (dask's client retries until
#: then), by default and at most.
SCHEDULER_TIMEOUT = 10
MAX_SCHEDULER_TIMEOUT = 600
_SCHEDULER_ALLOWED = (
    "a running dask.distributed scheduler: tcp://HOST:PORT or HOST:PORT (port 1-65535)"
)
_HOST_PORT = re.compile(r"(?:tcp://)?(?P<host>[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\]):(?P<port>\d{1,5})")


def scheduler_address(address: str) -> str:
    """``tcp://HOST:PORT`` for ``tcp://HOST:PORT`` or ``HOST:PORT`` (dask's default protocol);
    any other address (tls://, ws://, inproc://, ...) is an InputError.

    Examples
    --------
    >>> scheduler_address("127.0.0.1:8786")
    'tcp://127.0.0.1:8786'
    """
    m = _HOST_PORT.fullmatch(address.strip())
    if m is None or not 1 <= int(m["port"]) <= 65535:
        raise InputError("--scheduler", address, _SCHEDULER_ALLOWED, "is not a scheduler address")
    return f"tcp://{m['host']}:{int(m['port'])}"


def _client(address: str, timeout: float) -> Any:
    tcp = scheduler_address(address)
    try:
        from distributed import Client
    except ImportError:  # pragma: no cover - the [dask] extra is not installed
        raise InputError(
            "--scheduler", address, "an address, with dask.distributed installed (explorer[dask])"
        ) from None
    try:
        return Client(tcp, timeout=timeout)
    except Exception as err:  # unreachable, refused, a handshake that fails: all one answer
        raise InputError(
            "--scheduler",
            address,
            _SCHEDULER_ALLOWED,
            f"could not be reached ({type(err).__name__})",
        ) from None


# ------------------------------------------------------------------------ sensitivity
def _cmd_sensitivity(args: argparse.Namespace) -> int:

    kwargs = _scenario(args)
    t = sensitivity(args.output, **kwargs)
    units = t.attrs.get("units", "")
    if args.json:
        rows = [
            {
                "figure": str(p),
                "swing": float(t.swing.sel(parameter=p)),
                "low": t.low.sel(parameter=p).values.tolist(),
                "high": t.high.sel(parameter=p).values.tolist(),
                "range": [
                    float(t.figure_low.sel(parameter=p)),
                    float(t.figure_central.sel(parameter=p)),
                    float(t.figure_high.sel(parameter=p)),
                ],
                "unit": str(t.figure_unit.sel(parameter=p).values),
                "distribution": str(t.distribution.sel(parameter=p).values),
            }
            for p in t.parameter.values
        ]
        print(json.dumps({"output": args.output, "units": units, "figures": rows}, indent=2))
        return 0
    lines = [
        f"what moves {args.output} [{units}] (site preset {kwargs['site']}; "
        "each figure low -> high, the others central)",
        "",
    ]
    if not t.sizes.get("parameter"):
        lines.append("no uncertain catalog figure is left in this scenario (every input given)")
    widest = max([float(t.swing.max())] if t.sizes.get("parameter") else [0.0]) or 1.0
    for p in t.parameter.values:
        sw = float(t.swing.sel(parameter=p))
        bar = "#" * round(30 * sw / widest) if math.isfinite(sw) else ""
        lo, c, hi = (float(t[f"figure_{k}"].sel(parameter=p)) for k in ("low", "central", "high"))
        unit = str(t.figure_unit.sel(parameter=p).values).replace("dimensionless", "")
        lines.append(
            f"{str(p):<46} {fmt_number(sw):>12}  {bar:<30}  {lo:g} / {c:g} / {hi:g} {unit}".rstrip()
        )
    print("\n".join(lines))
    return 0
