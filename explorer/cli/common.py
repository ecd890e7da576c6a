"""What every command of ``explorer`` shares: the parser class, reading numbers and sweeps,
checking and writing ``--out``, the plain-text table, and the progress bar of long work.

The command modules (`compute`, `train`, `catalog`, `app`, `site`, `uncertainty`) import this
module and never each other's internals; `explorer.cli.main` only builds the parser from their
``register`` functions and dispatches.

Examples
--------
>>> fmt_number(1234.5), fmt_number(2.5e9), fmt_number(True)
('1,234', '2.5e+09', 'yes')
>>> parse_sweep("site_power=100:300:3")[1]
array([100., 200., 300.])
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import json
import math
import os
import re
import shutil
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, NoReturn

import numpy as np
import xarray as xr

from .. import catalog
from ..errors import InputError
from ..export import to_json, write_csv
from ..model import INPUTS, MAX_POINTS, TRAINING_INPUTS
from ..validate import BOUNDS

NUMERIC = list(INPUTS)  # every numeric input of compute()
SITE_NUMERIC = [k for k in NUMERIC if k not in TRAINING_INPUTS]  # `train`'s options for the site
MAX_SWEEP_POINTS = MAX_POINTS  # any sweep (NetCDF): the core's own limit
# CSV rows (grid points × chips × bases × precisions) written in a few seconds and ~250 MB
# (benchmarks/export_bench.py); bigger grids go to NetCDF.
MAX_CSV_ROWS = 500_000
OUT_TABLE = (".csv", ".nc")  # what compute, --climate and --uncertainty write
OUT_SAMPLE = (".nc", ".zarr")  # what sample writes (a .zarr store is a folder)
# Entries of a Zarr v2 store's top folder besides its arrays' folders: a folder holding anything
# else is not one this program wrote, and --overwrite leaves it alone.
PROGRESS_AFTER = 1.0  # seconds of work before a progress bar is drawn (short runs stay clean)
_ZARR_META = {".zgroup", ".zattrs", ".zarray", ".zmetadata", "zarr.json"}


class ParseError(Exception):
    """A command-line parse error, already one line."""


class Parser(argparse.ArgumentParser):
    """argparse, but a parse error is one ``explorer: error: …`` line (no usage block) and
    status 2, the same as bad input; sub-commands' parsers are of this class too."""

    argv: Sequence[str] = ()

    def error(self, message: str) -> NoReturn:
        message = " ".join(message.split())
        m = re.fullmatch(r"argument (\S+): expected one argument", message)
        if m:
            for option in m[1].split("/"):
                after = token_after(self.argv, option)
                if after is not None and after.startswith("-"):
                    message += (
                        f" ({after!r} reads as an option: write a value that starts with '-' "
                        f"after '=', {option}={after})"
                    )
                    break
        command = self.prog.removeprefix("explorer").strip()
        raise ParseError(f"{command}: {message}" if command else message)


def token_after(argv: Sequence[str], option: str) -> str | None:
    """The token after `option` in `argv` (None when it is last or absent).

    Examples
    --------
    >>> token_after(["--mfu", "-1"], "--mfu"), token_after(["--mfu"], "--mfu")
    ('-1', None)
    """
    argv = list(argv)
    for i, token in enumerate(argv[:-1]):
        if token == option:
            return argv[i + 1]
    return None


# ------------------------------------------------------------------------------ reading input
def scenario_inputs(
    args: argparse.Namespace, names=None, single: str | None = None
) -> dict[str, Any]:
    """`compute` inputs from parsed options: the site, numbers (`names`, default every numeric
    input), and chip and basis names (a comma list becomes a list; with `single`, the command
    that needs one name, a list is an InputError).

    Examples
    --------
    >>> scenario_inputs(argparse.Namespace(site="generic", site_power="300", chip="h100,b200"))
    {'site': 'generic', 'site_power': 300.0, 'chip': ['h100', 'b200']}
    """
    kwargs: dict[str, Any] = {}
    if getattr(args, "site", None) is not None:
        kwargs["site"] = catalog.check_name("site", args.site, "sites")
    for name in NUMERIC if names is None else names:
        raw = getattr(args, name, None)
        if raw is not None:
            kwargs[name] = number(name, raw)
    for name in ("chip", "basis"):
        raw = getattr(args, name, None)
        if raw is not None:
            parts = items(raw)
            if single is not None and len(parts) != 1:
                raise InputError(f"--{name}", raw, f"one name with {single}", "is a list")
            kwargs[name] = parts[0] if len(parts) == 1 else parts
    return kwargs


def items(raw: str) -> list[str]:
    """The names of a comma-separated list, blanks dropped.

    Examples
    --------
    >>> items("h100, b200,,")
    ['h100', 'b200']
    """
    return [s.strip() for s in raw.split(",") if s.strip()]


def number(field: str, raw: str) -> float:
    """`raw` as a float, or an InputError naming `field` and its allowed range.

    Examples
    --------
    >>> number("site_power", "1e3")
    1000.0
    """
    try:
        return float(raw)
    except ValueError:
        bound = BOUNDS[field]
        raise InputError(field, raw, bound.describe(field), "is not a number") from None


def parse_sweep(spec: str) -> tuple[str, np.ndarray]:
    """``NAME=START:STOP:NUM[:log]`` as the input's name and its values.

    Examples
    --------
    >>> parse_sweep("site_power=10:1000:3:log")
    ('site_power', array([  10.,  100., 1000.]))
    """
    form = "NAME=START:STOP:NUM[:log] with NAME one of " + ", ".join(NUMERIC)
    name, _, rng = spec.partition("=")
    name = name.strip().replace("-", "_")
    if name not in NUMERIC or not rng:
        raise InputError("--sweep", spec, form)
    parts = rng.split(":")
    if len(parts) not in (3, 4) or (len(parts) == 4 and parts[3] != "log"):
        raise InputError("--sweep", spec, form)
    start, stop = number(name, parts[0]), number(name, parts[1])
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


# ------------------------------------------------------------------------------ --out
def add_out_options(
    parser: argparse.ArgumentParser, help: str, suffixes: tuple[str, ...] = OUT_TABLE
) -> None:
    """Add ``--out FILE``, ``--overwrite`` and ``--quiet`` to a command's parser.

    Examples
    --------
    >>> p = argparse.ArgumentParser()
    >>> add_out_options(p, "write the result to FILE.nc")
    >>> p.parse_args(["--out", "x.nc", "--overwrite"]).overwrite
    True"""
    parser.add_argument("--out", type=Path, help=help)
    parser.add_argument(
        "--overwrite",
        action="store_true",
        help="replace an existing --out target (only a file, or a .zarr store, this program "
        "could have written; anything else is refused)",
    )
    parser.add_argument(
        "--quiet", action="store_true", help="no progress bar and no 'wrote ...' line on stderr"
    )


def out_allowed(suffixes: tuple[str, ...]) -> str:
    """The allowed --out paths in words.

    Examples
    --------
    >>> out_allowed((".nc", ".zarr"))
    'a .nc file or a .zarr folder in an existing folder you can write to'
    """
    files = [s for s in suffixes if s != ".zarr"]
    what = f"a {' or '.join(files)} file" if files else ""
    if ".zarr" in suffixes:
        what = f"{what} or a .zarr folder" if what else "a .zarr folder"
    return f"{what} in an existing folder you can write to"


def out_error(path: Path, reason: str, suffixes: tuple[str, ...] = OUT_TABLE) -> InputError:
    """The usual one-line InputError, with the whole path (InputError shortens long values).

    Examples
    --------
    >>> print(out_error(Path("grid.txt"), "does not end in .csv or .nc"))
    --out = 'grid.txt' does not end in .csv or .nc; allowed: a .csv or .nc file in an existing
    folder you can write to.
    """
    allowed = out_allowed(suffixes)
    err = InputError("--out", str(path), allowed, reason)
    err.args = (f"--out = {str(path)!r} {reason}; allowed: {allowed}.",)
    return err


def is_zarr_store(path: Path) -> bool:
    """True when the folder `path` holds a Zarr store and nothing else (what `write_out` makes).

    Examples
    --------
    >>> is_zarr_store(Path("."))
    False
    """
    try:
        entries = list(path.iterdir())
    except OSError:
        return False
    if not any(e.name in _ZARR_META for e in entries):
        return False
    return all(
        e.name in _ZARR_META
        or (e.is_dir() and not e.is_symlink() and any(m.name in _ZARR_META for m in e.iterdir()))
        for e in entries
    )


def out_kind(path: Path, suffixes: tuple[str, ...] = OUT_TABLE, overwrite: bool = False) -> str:
    """The suffix without its dot (``csv``, ``nc``, ``zarr``) for a path that can be written,
    one of `suffixes`; else an InputError naming it and why. An existing target is refused
    unless `overwrite`, and even then unless it is a plain file (or, for ``.zarr``, a Zarr store).

    Examples
    --------
    >>> out_kind(Path("new-grid.nc"))
    'nc'
    """
    suffix = path.suffix.lower()

    def fail(reason: str) -> InputError:
        return out_error(path, reason, suffixes)

    if suffix not in suffixes:
        raise fail(f"does not end in {' or '.join(suffixes)}")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.exists():
        raise fail(f"is in a folder that does not exist ({folder})")
    if not folder.is_dir():
        raise fail(f"is in {folder}, which is not a folder")
    store = suffix == ".zarr"
    exists = path.exists() or path.is_symlink()
    if path.is_dir() and not store:
        raise fail("is a folder")
    if exists and store and not path.is_dir():
        raise fail("is a file (a .zarr store is a folder)")
    if exists and not overwrite:
        raise fail("already exists (add --overwrite to replace it)")
    if exists and store and (path.is_symlink() or not is_zarr_store(path)):
        raise fail("is a folder that is not a Zarr store; it is left as it is")
    if exists and not store and not path.is_file():
        raise fail("is not a regular file; it is left as it is")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise fail(f"is in a folder you cannot write to ({folder})")
    return suffix[1:]


_WRITERS = {"nc": ("h5netcdf", "io"), "zarr": ("zarr", "io")}


def write_out(
    ds: xr.Dataset,
    path: Path,
    kind: str,
    suffixes: tuple[str, ...] = OUT_TABLE,
    quiet: bool = True,
) -> None:
    """Write `ds` (lazy or not) as `kind` to a new name beside `path`, then put it in place: a
    failed write leaves nothing behind and the old target (checked by `out_kind`) as it was.
    Any OSError is an InputError. Dask-backed data shows a progress bar unless `quiet`.

    Examples
    --------
    >>> import tempfile
    >>> ds = xr.Dataset({"pue": ("site_power", [1.2, 1.3], {"units": "1"})},
    ...                 coords={"site_power": [100.0, 300.0]})
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     write_out(ds, Path(folder) / "grid.csv", "csv")
    ...     sorted(p.name for p in Path(folder).iterdir())
    ['grid.csv']"""
    if kind in _WRITERS and importlib.util.find_spec(_WRITERS[kind][0]) is None:
        package, extra = _WRITERS[kind]
        raise out_error(
            path,
            f"needs the {package} writer: pip install 'ai-datacenter-explorer[{extra}]'",
            suffixes,
        )
    tmp = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        with progress(quiet, ds):
            if kind == "nc":
                ds.to_netcdf(tmp, engine="h5netcdf")
            elif kind == "zarr":  # v2: portable (v3 has no string dtype yet)
                ds.to_zarr(tmp, mode="w-", zarr_format=2)
            else:
                with tmp.open("wb") as f:
                    write_csv(ds, f)
        if kind == "zarr" and path.is_dir():  # out_kind checked it is a Zarr store
            shutil.rmtree(path)
        os.replace(tmp, path)
    except OSError as err:  # e.g. permission, full disk, read-only file system, /proc
        _remove(tmp)
        reason = err.strerror or type(err).__name__
        raise out_error(path, f"could not be written ({reason})", suffixes) from None
    except BaseException:
        _remove(tmp)
        raise


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink(missing_ok=True)


def describe_dims(ds: xr.Dataset) -> str:
    """The dataset's sizes in words.

    Examples
    --------
    >>> describe_dims(xr.Dataset(coords={"site_power": [1, 2]}))
    'site_power=2'
    """
    return " x ".join(f"{d}={n}" for d, n in ds.sizes.items()) or "one scenario"


# ------------------------------------------------------------------------------ output
def emit(
    ds: xr.Dataset,
    args: argparse.Namespace,
    kind: str | None,
    swept: bool,
    as_json: Callable[[xr.Dataset], Any] | None = None,
    as_table: Callable[[xr.Dataset], str] | None = None,
) -> int:
    """Write a result as the options ask: `--out` (CSV/NetCDF/Zarr), CSV on stdout for a sweep,
    `--json`, or a table; CSV is refused past `MAX_CSV_ROWS` (one rule for every command).

    Examples
    --------
    >>> ds = xr.Dataset({"it_power": ((), 250.0, {"units": "MW", "long_name": "IT power"})})
    >>> emit(ds, argparse.Namespace(out=None, json=True), None, swept=False)
    {
      "it_power": {
        "value": 250.0,
        "units": "MW"
      }
    }
    0"""
    if kind == "csv" or (kind is None and swept):
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
    quiet = getattr(args, "quiet", False)
    if args.out is not None:
        write_out(ds, args.out, kind, quiet=quiet)
        if not quiet:
            print(f"wrote {args.out} ({describe_dims(ds)})", file=sys.stderr)
    elif swept:
        write_csv(ds, sys.stdout)
    elif args.json:
        print(json.dumps((as_json or to_json)(ds), indent=2))
    else:
        print((as_table or table)(ds))
    return 0


def table(ds: xr.Dataset, head: str | None = None) -> str:
    """A readable table: one row per output (and per precision, chip or basis).

    Examples
    --------
    >>> ds = xr.Dataset({"it_power": ((), 250.0, {"units": "MW", "long_name": "IT power"})})
    >>> print(table(ds, head="one"))
    one
    <BLANKLINE>
    it_power  250  MW  IT power
    """
    rows: list[tuple[str, str, str, str]] = []
    for name, var in ds.data_vars.items():
        if var.dtype.kind not in "fiub":
            continue
        units = var.attrs.get("units", "")
        long_name = var.attrs.get("long_name", "")
        if not var.dims:
            rows.append((str(name), fmt_number(var.values.item()), units, long_name))
            continue
        for idx in np.ndindex(var.shape):
            label = ",".join(
                f"{d}={ds[d].values[i]}" if d in ds.coords else f"{d}={i}"
                for d, i in zip(var.dims, idx, strict=True)
            )
            rows.append((f"{name}[{label}]", fmt_number(var.values[idx].item()), units, long_name))
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


def fmt_number(x: float) -> str:
    """A number as the tables print it: thousands separators, 4 significant digits.

    Examples
    --------
    >>> fmt_number(0.00012), fmt_number(12.3456), fmt_number(float("inf"))
    ('0.00012', '12.35', 'inf')
    """
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


# ------------------------------------------------------------------------------ long work
def show_progress(quiet: bool = False) -> bool:
    """Whether long work draws a progress bar: on a terminal (stderr), unless `quiet`.

    Examples
    --------
    >>> show_progress(quiet=True)
    False
    """
    return not quiet and sys.stderr.isatty()


@contextlib.contextmanager
def progress(quiet: bool, ds: xr.Dataset | None = None) -> Iterator[None]:
    """A progress bar on stderr (dask's) for the dask work inside the block, when `show_progress`
    says so and `ds` (if given) is dask-backed; otherwise nothing.

    Examples
    --------
    >>> with progress(quiet=True):
    ...     total = sum(range(10))"""
    lazy = ds is None or any(v.chunks is not None for v in ds.variables.values())
    if not (lazy and show_progress(quiet)) or importlib.util.find_spec("dask") is None:
        yield
        return
    from dask.diagnostics import ProgressBar

    with ProgressBar(out=sys.stderr, minimum=PROGRESS_AFTER, dt=0.5):
        yield


# ------------------------------------------------------------------------------ resources
def available_memory() -> int:
    """Bytes of memory the system can give without swapping (Linux's MemAvailable; else the free
    pages).

    Examples
    --------
    >>> available_memory() > 0
    True
    """
    with contextlib.suppress(OSError, ValueError):
        with open("/proc/meminfo", encoding="ascii") as f:
            for line in f:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    return os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")


def free_disk(folder: Path) -> int | None:
    """Bytes free for this user on the file system of `folder`; None for a file system of no
    size (/proc and the like: writing there fails on its own, with its own reason).

    Examples
    --------
    >>> free_disk(Path(".")) > 0
    True
    """
    usage = shutil.disk_usage(folder)
    return usage.free if usage.total else None


def fmt_bytes(n: float) -> str:
    """A size in words (decimal units).

    Examples
    --------
    >>> fmt_bytes(3.3e9), fmt_bytes(52e6)
    ('3.3 GB', '52 MB')
    """
    for unit, size in (("TB", 1e12), ("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if n >= size:
            return f"{n / size:.2g} {unit}" if n < 10 * size else f"{n / size:,.0f} {unit}"
    return f"{n:.0f} B"


def check_resources(
    field: str,
    value: int,
    memory: float,
    disk: float = 0.0,
    folder: Path | None = None,
    force: bool = False,
) -> None:
    """Refuse, before any work, a run whose estimated `memory` or `disk` (bytes, written under
    `folder`) passes what the machine has now; `force` (``--no-resource-check``) skips it.

    Examples
    --------
    >>> check_resources("n", 10, memory=1.0)
    >>> check_resources("n", 10**15, memory=1e18)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    explorer.errors.InputError: n = 1,000,000,000,000,000 needs about 1,000,000 TB of memory; ...
    """
    if force:
        return
    have = available_memory()
    if memory > have:
        raise InputError(
            field,
            _Plain(f"{value:,}"),
            f"at most the {fmt_bytes(have)} this machine has free now; write it with --out in "
            "smaller --chunks, or add --no-resource-check to start anyway",
            f"needs about {fmt_bytes(memory)} of memory",
        )
    if disk and folder is not None:
        free = free_disk(folder)
        if free is not None and disk > free:
            raise InputError(
                field,
                _Plain(f"{value:,}"),
                f"at most the {fmt_bytes(free)} free in {folder}; ask for fewer samples, or add "
                "--no-resource-check to start anyway",
                f"needs about {fmt_bytes(disk)} on disk for --out",
            )


class _Plain(str):
    """A value InputError prints as it is (no quotes)."""

    def __repr__(self) -> str:
        return str(self)
