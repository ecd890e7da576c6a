"""Benchmark of explorer.uncertainty (prints figures; asserts nothing).

1. 10^6 Monte Carlo samples of one scenario (Rainier Mississippi: 11 uncertain figures), all
   outputs, in memory, against the floor: the same draws and the same formulas (the core's physics
   functions) on plain NumPy arrays, no xarray, no validation. Target (issue #12): ≤ 1 s.
2. 10^4 samples x a 10^4-point site-power grid (10^8 points), lazy on dask (chunks of 10^4 samples
   x 10 site powers), summarised to 5/50/95 % quantiles per grid point and written to NetCDF, in a
   fresh process (peak RSS is that run's). Reference: the in-memory NumPy result, measured at 1 %
   of the size (10^2 samples x 10^4 powers) and scaled (it grows linearly). Target: ≤ 1 GB.
2b. 10^7 samples of one scenario (all outputs, ~3.4 GB) streamed to NetCDF in chunks of 250,000,
   in a fresh process: time and peak RSS.
3. The range mode (`compute(..., uncertainty="range")`: percentiles of 2,000 fixed-seed draws)
   and the corners (`uncertainty="corners"`, 2^10 corners) against a scalar `compute`.
   Target: ≤ 3x (set for the corners; the range's 2,000 points cost about 5x).

Usage: .venv/bin/python benchmarks/uncertainty_bench.py [--repeat N] [--grid N]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time

import numpy as np

SITE = "rainier-mississippi"


def _median(fn, repeat: int) -> float:
    fn()
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t0)
    return statistics.median(out)


def mc_bench(repeat: int) -> dict[str, float]:
    import explorer
    from explorer import catalog, cluster, energy, power, uncertainty

    n = 1_000_000
    params = uncertainty.parameters(SITE)
    hw = catalog.chip_table().sel(chip="trn2")
    peak = hw.peak_flops.values
    hours = catalog.value("conventions.hours_per_year", "hour/year")
    basis = catalog.value("bases.us-household.value", "kWh/household/year")
    pph = catalog.value("conventions.persons_per_household", "person/household")
    price = catalog.value("regions.us-ms.electricity_price", "USD/MWh")

    def floor() -> dict[str, object]:
        d = uncertainty.draws(params, 1, 0, n)
        sp, fc, fo = (
            d["sites.rainier-mississippi.site_power"],
            d["sites.rainier-mississippi.cooling_fraction"],
            d["defaults.overhead_fraction"],
        )
        tdp = float(hw.tdp) * d["chips.trn2.tdp"]
        pk = peak[None, :] * np.stack([np.ones(n), np.ones(n), d["chips.trn2.fp8_sparse"]], axis=1)
        share = power.it_share(fc, fo)
        it = power.it_power(sp, share)
        pue = power.pue(share)
        cp = cluster.chip_power(tdp, float(hw.server_overhead) * d["chips.trn2.server_overhead"])
        chips = cluster.chips_supported(it, cp)
        req = cluster.power_required(chips, cp, pue)
        e = energy.annual_energy(sp, d["defaults.load_factor"], hours)
        hh = energy.city_equivalent(e, basis * d["bases.us-household.value"])
        heat = energy.heat_removed(sp, fc)
        peak_f = chips[:, None] * pk
        return {
            "it": it,
            "cool": power.cooling_power(sp, fc),
            "over": power.overhead_power(sp, fo),
            "pue": pue,
            "n": chips,
            "req": req,
            "head": sp - req,
            "pk": peak_f,
            "eff": peak_f * d["defaults.mfu"][:, None],
            "fpw": cluster.flops_per_watt(pk, cp[:, None], pue[:, None]),
            "hbm": chips * float(hw.hbm_capacity),
            "bw": chips * float(hw.hbm_bandwidth),
            "hh": hh,
            "pp": hh * pph,
            "heat": heat,
            "tons": energy.refrigeration_tons(heat),
            "rej": energy.heat_rejected(sp),
            "cop": (1 - fc) / fc,
            "cost": energy.annual_cost(e, price),
            "co2": energy.annual_co2(e, d["regions.us-ms.carbon_intensity"]),
            "water": energy.annual_water(e * share, d["cooling.aws-fleet.wue"]),
        }

    t_draw = _median(lambda: uncertainty.draws(params, 1, 0, n), repeat)
    t_sample = _median(lambda: explorer.sample(n, seed=1, site=SITE), repeat)
    t_floor = _median(floor, repeat)
    return {
        "n": n,
        "figures": len(params),
        "sample_s": t_sample,
        "floor_s": t_floor,
        "draws_s": t_draw,
    }


def range_bench(repeat: int) -> dict[str, float]:
    import explorer
    from explorer import uncertainty

    k = len(uncertainty.parameters(SITE))
    scalar = _median(lambda: explorer.compute(site=SITE), repeat * 10)
    ranged = _median(lambda: explorer.compute(site=SITE, uncertainty="range"), repeat * 10)
    corners = _median(lambda: explorer.compute(site=SITE, uncertainty="corners"), repeat * 10)
    return {
        "corners_ms": corners * 1e3,
        "corners": 2 ** len({p.axis for p in uncertainty.parameters(SITE)}),
        "figures": k,
        "scalar_ms": scalar * 1e3,
        "range_ms": ranged * 1e3,
    }


_GRID_CHILD = r"""
import json, sys, time, numpy as np
import explorer
mode, samples, grid, out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
powers = np.linspace(1, 10_000, grid)
t0 = time.perf_counter()
if mode == "dask":
    import dask
    dask.config.set(scheduler="threads", num_workers=2)
    chunks = {"sample": samples, "site_power": 10}
    s = explorer.sample(samples, seed=1, site_power=powers, chunks=chunks)
    q = explorer.summary(s)
    q.to_netcdf(out, engine="h5netcdf")
else:
    s = explorer.sample(samples, seed=1, site_power=powers)
    q = explorer.summary(s)
    q.to_netcdf(out, engine="h5netcdf")
dt = time.perf_counter() - t0
# VmHWM: this process's own peak (ru_maxrss would carry the parent's peak across fork + exec)
hwm = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM"))
print(json.dumps({"s": dt, "rss_mb": hwm / 1024,
                  "result_mb": s.nbytes / 1e6}))
"""


def grid_bench(samples: int, grid: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:

        def run(mode: str, n: int) -> dict[str, float]:
            out = subprocess.run(
                [sys.executable, "-c", _GRID_CHILD, mode, str(n), str(grid), f"{tmp}/{mode}.nc"],
                capture_output=True,
                text=True,
                check=True,
            )
            return json.loads(out.stdout.strip().splitlines()[-1])

        lazy = run("dask", samples)
        small = max(1, samples // 100)
        eager = run("numpy", small)
    return {
        "samples": samples,
        "grid": grid,
        "dask_s": lazy["s"],
        "dask_rss_mb": lazy["rss_mb"],
        "dask_result_mb": lazy["result_mb"],
        "numpy_samples": small,
        "numpy_s": eager["s"],
        "numpy_rss_mb": eager["rss_mb"],
        "numpy_result_mb": eager["result_mb"],
    }


_STREAM_CHILD = r"""
import json, sys, time
import explorer
t0 = time.perf_counter()
s = explorer.sample(int(sys.argv[1]), seed=1, site="rainier-mississippi", chunks=250_000)
s.to_netcdf(sys.argv[2], engine="h5netcdf")
hwm = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM"))
print(json.dumps({"s": time.perf_counter() - t0, "rss_mb": hwm / 1024, "gb": s.nbytes / 1e9}))
"""


def stream_bench(n: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        out = subprocess.run(
            [sys.executable, "-c", _STREAM_CHILD, str(n), f"{tmp}/mc.nc"],
            capture_output=True,
            text=True,
            check=True,
        )
    return {"n": n, **json.loads(out.stdout.strip().splitlines()[-1])}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument(
        "--grid", type=int, default=10_000, help="site-power points (and samples) of part 2"
    )
    args = ap.parse_args()

    m = mc_bench(args.repeat)
    print(
        f"1. Monte Carlo, {m['n']:,} samples of {SITE} ({m['figures']} uncertain figures), "
        "all outputs"
    )
    print(f"   explorer.sample:                 median {m['sample_s']:.3f} s   (target <= 1 s)")
    print(
        f"   plain NumPy, same draws+formulas: median {m['floor_s']:.3f} s   "
        f"(ratio {m['sample_s'] / m['floor_s']:.1f}x)"
    )
    print(f"   of which the draws:              median {m['draws_s']:.3f} s")

    g = grid_bench(args.grid, args.grid)
    pts = g["samples"] * g["grid"]
    print(
        f"2. {g['samples']:,} samples x {g['grid']:,} site powers ({pts:,.0f} points) "
        "-> 5/50/95 % per power, NetCDF"
    )
    print(
        f"   dask (threads, 2 workers):   {g['dask_s']:.1f} s, "
        f"peak RSS {g['dask_rss_mb']:.0f} MB   (target <= 1 GB; "
        f"the full sample would be {g['dask_result_mb'] / 1e3:.1f} GB)"
    )
    scale = g["samples"] / g["numpy_samples"]
    print(
        f"   in-memory NumPy at 1/{scale:.0f} of the size ({g['numpy_samples']:,} samples): "
        f"{g['numpy_s']:.1f} s, "
        f"peak RSS {g['numpy_rss_mb']:.0f} MB, result {g['numpy_result_mb']:.0f} MB "
        "-> full size needs "
        f"~{g['numpy_result_mb'] * scale / 1e3:.0f} GB for the result alone "
        "(and is over one call's 8M-point limit)"
    )

    st = stream_bench(10_000_000)
    print(
        f"2b. {st['n']:,} samples of {SITE}, all outputs ({st['gb']:.1f} GB) streamed to NetCDF: "
        f"{st['s']:.1f} s, peak RSS {st['rss_mb']:.0f} MB"
    )

    r = range_bench(args.repeat)
    print(
        f"3. range mode ({r['figures']} figures; the corners: {r['corners']:,} + central) "
        f"vs scalar compute, {SITE}"
    )
    print(
        f"   scalar compute: median {r['scalar_ms']:.2f} ms; range: median {r['range_ms']:.2f} ms "
        f"(ratio {r['range_ms'] / r['scalar_ms']:.1f}x); corners: median "
        f"{r['corners_ms']:.2f} ms (ratio {r['corners_ms'] / r['scalar_ms']:.1f}x; target <= 3x)"
    )


if __name__ == "__main__":
    main()
