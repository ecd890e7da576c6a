"""``explorer train``: days, goodput, energy, CO2 and cost of one training run.

Examples
--------
>>> from explorer.cli import main
>>> main(["train", "--model", "llama3-405b", "--json"])  # doctest: +ELLIPSIS
{
...
0
"""

from __future__ import annotations

import argparse
import json
from typing import Any

import numpy as np

from .. import catalog, runs, training
from ..export import to_json
from ..model import INPUTS, TRAINING_INPUTS
from .common import SITE_NUMERIC, fmt_number, items, number, table


def register(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Add ``train`` to the CLI's subparsers."""
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
            help=f"{long_name} [{units}]{input_help(name)}",
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
    t.set_defaults(run=run)
    return t


def input_help(name: str) -> str:
    """What `explorer train --help` adds to an input's meaning: its default, how to give it.

    Examples
    --------
    >>> input_help("parameters")
    '; with --tokens'
    """
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


def run(args: argparse.Namespace) -> int:
    """Run ``explorer train``."""
    kwargs: dict[str, Any] = {"site": catalog.check_name("site", args.site, "sites")}
    for name in SITE_NUMERIC + [k for k in TRAINING_INPUTS if k != "job_chips"]:
        raw = getattr(args, name)
        if raw is not None:
            kwargs[name] = number(name, raw)
    if args.job_chips is not None:  # one size, or a comma-separated list (a job_chips dimension)
        sizes = [number("job_chips", x) for x in items(args.job_chips)]
        kwargs["job_chips"] = sizes[0] if len(sizes) == 1 else sizes
    for name in ("model", "chip"):
        raw = getattr(args, name)
        if raw is not None:
            parts = items(raw)
            kwargs[name] = parts[0] if len(parts) == 1 else parts
    ds = runs.train(precision=args.precision, **kwargs)
    if args.json:
        print(json.dumps(to_json(ds), indent=2))
        return 0
    what = ds.attrs.get("model") or (
        f"{fmt_number(float(ds.training_compute.max()))} FLOP"
        if ds.training_compute.ndim == 0
        else "the runs"
    )
    head = (
        f"training: {what} on {ds.attrs['chip']} ({args.precision}); "
        f"site preset {ds.attrs.get('site_preset')}"
    )
    print(table(ds, head=head))
    bits = int(np.bitwise_or.reduce(np.atleast_1d(ds.training_flags.values).astype(int).ravel()))
    if bits:
        print("\nflags: " + ", ".join(n for n, b in training.FLAGS.items() if bits & b))
    if ds.attrs.get("notes"):
        print(f"\nnote: {ds.attrs['notes']}")
    return 0
