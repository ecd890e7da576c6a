"""Benchmark of sweep export through the CLI (prints figures; asserts nothing).

The largest sweep the CLI allows, written
1. as CSV (``explorer compute --sweep site_power=1:10000:N --out grid.csv`` with N × 3 precisions
   = ``MAX_CSV_ROWS`` rows), by the streaming, vectorised writer (explorer.export.write_csv);
2. as NetCDF (``--sweep site_power=1:10000:1000 --sweep cooling_fraction=0:0.5:1000``, a
   10⁶-point grid, × 3 precisions; the CLI allows up to ``MAX_SWEEP_POINTS``, the core's limit);
3. for scale, a 10⁶-point sweep through the CSV writer itself (above the CLI's CSV limit).

Each case runs in a fresh process, so its peak RSS is its own: wall time (compute + write),
peak RSS and file size. Issue #15's starting point: 10⁵ points to CSV took 18.6 s; 10⁶ points had
not finished after 7 minutes (1.9 GB).
Usage: .venv/bin/python benchmarks/export_bench.py
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time


def _child(case: str) -> None:
    from explorer import cli

    tmp = tempfile.mkdtemp()
    t0 = time.perf_counter()
    if case == "csv":
        n = cli.MAX_CSV_ROWS // 3
        path = os.path.join(tmp, "grid.csv")
        code = cli.main(["compute", "--sweep", f"site_power=1:10000:{n}", "--out", path])
        what = f"{n:,} points x 3 precisions = {3 * n:,} rows to CSV (the CLI's limit)"
    elif case == "nc":
        path = os.path.join(tmp, "grid.nc")
        code = cli.main(
            [
                "compute",
                "--sweep",
                "site_power=1:10000:1000",
                "--sweep",
                "cooling_fraction=0:0.5:1000",
                "--out",
                path,
            ]
        )
        what = (
            f"{cli.MAX_SWEEP_POINTS:,} points (1000 x 1000) x 3 precisions to NetCDF "
            "(the CLI's limit)"
        )
    else:
        import numpy as np
        import xarray as xr

        import explorer
        from explorer.export import write_csv

        sp = np.linspace(1, 10_000, 1_000_000)
        path = os.path.join(tmp, "big.csv")
        ds = explorer.compute(
            site_power=xr.DataArray(sp, dims="site_power", coords={"site_power": sp})
        )
        with open(path, "wb") as f:
            write_csv(ds, f)
        code = 0
        what = (
            "1,000,000 points x 3 precisions = 3,000,000 rows through write_csv "
            "(above the CLI limit)"
        )
    seconds = time.perf_counter() - t0
    size = os.path.getsize(path)
    os.remove(path)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "what": what,
                "exit": code,
                "seconds": seconds,
                "peak_rss_mb": peak_mb,
                "file_mb": size / 1e6,
            }
        )
    )


def main() -> None:
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args()
    for case in ("csv", "nc", "csv-1e6"):
        r = subprocess.run(
            [sys.executable, __file__, "--child", case], capture_output=True, text=True, check=True
        )
        res = json.loads(r.stdout.strip().splitlines()[-1])
        print(
            f"{res['what']}: {res['seconds']:.2f} s, peak RSS {res['peak_rss_mb']:.0f} MB, "
            f"file {res['file_mb']:.0f} MB (exit {res['exit']})"
        )


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        _child(sys.argv[2])
    else:
        main()
