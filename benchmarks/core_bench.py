"""Benchmark of the core (prints figures; asserts nothing).

1. Median time of one scalar `explorer.compute` (one chip, all outputs) against the floor:
   the same formulas (the core's own physics functions) on plain NumPy floats, no xarray,
   no validation; and of one scalar `compute` with a training run (the chain's outputs too).
2. Time and peak RSS of a 1000 x 1000 sweep (site_power x cooling_fraction), in a fresh
   process so the peak belongs to the sweep alone; and of a 1000 x 1000 training sweep
   (job_chips x restart_minutes, Llama 3 405B on Trainium2).

Targets (issues #2, #8): scalar ≤ 2 ms, with or without the training outputs; sweep ≤ 1.5 s and
≤ 1 GB peak RSS on a 2-core machine.
Usage: .venv/bin/python benchmarks/core_bench.py [--repeat N]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time

import numpy as np


def _median_ms(fn, repeat: int) -> float:
    fn()  # warm caches
    samples = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - t0)
    return statistics.median(samples) * 1e3


def scalar_bench(repeat: int) -> dict[str, float]:
    import explorer
    from explorer import catalog, cluster, energy, power

    hw = catalog.chip_table().sel(chip="trn2")
    tdp, so = float(hw.tdp), float(hw.server_overhead)
    peak = hw.peak_flops.values
    hbm, bw = float(hw.hbm_capacity), float(hw.hbm_bandwidth)
    hours = catalog.value("conventions.hours_per_year", "hour/year")
    basis = catalog.value("bases.us-household.value", "kWh/household/year")
    pph = catalog.value("conventions.persons_per_household", "person/household")

    def floor() -> dict[str, object]:
        sp, fc, fo, mfu, lf = 300.0, 0.4, 0.03, 0.4, 1.0
        share = power.it_share(fc, fo)
        it = power.it_power(sp, share)
        cool = power.cooling_power(sp, fc)
        over = power.overhead_power(sp, fo)
        pue = power.pue(share)
        cp = cluster.chip_power(tdp, so)
        n = cluster.chips_supported(it, cp)
        req = cluster.power_required(n, cp, pue)
        pk = n * peak
        e = energy.annual_energy(sp, lf, hours)
        ite = energy.annual_energy(it, lf, hours)
        hh = energy.city_equivalent(e, basis)
        heat = energy.heat_load(it, over)
        return {
            "it": it,
            "cool": cool,
            "pue": pue,
            "n": n,
            "req": req,
            "head": sp - req,
            "pk": pk,
            "eff": pk * mfu,
            "fpw": cluster.flops_per_watt(peak, cp, pue),
            "hbm": n * hbm,
            "bw": n * bw,
            "hh": hh,
            "pp": hh * pph,
            "heat": heat,
            "tons": energy.refrigeration_tons(heat),
            "cop": heat / cool,
            "cost": energy.annual_cost(e, 69.6),
            "co2": energy.annual_co2(e, 427.0),
            "water": energy.annual_water(ite, 0.15),
        }

    def full() -> object:
        return explorer.compute(site_power=300, cooling_fraction=0.4, chip="trn2")

    def with_run() -> object:
        return explorer.compute(
            site_power=300, cooling_fraction=0.4, chip="trn2", model="llama3-405b", job_chips=16384
        )

    return {
        "compute_ms": _median_ms(full, repeat),
        "numpy_floor_ms": _median_ms(floor, repeat),
        "training_ms": _median_ms(with_run, repeat),
    }


SWEEP_CHILD = r"""
import json, resource, time, numpy as np, xarray as xr, explorer
explorer.compute()
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
if TRAINING:
    a = xr.DataArray(np.linspace(1000, 1_000_000, 1000).round(), dims="job_chips")
    b = xr.DataArray(np.linspace(0, 60, 1000), dims="restart_minutes")
    kwargs = {"job_chips": a, "restart_minutes": b, "model": "llama3-405b"}
else:
    a = xr.DataArray(np.linspace(1, 10000, 1000), dims="site_power")
    b = xr.DataArray(np.linspace(0, 0.9, 1000), dims="cooling_fraction")
    kwargs = {"site_power": a, "cooling_fraction": b}
t0 = time.perf_counter()
ds = explorer.compute(chip="trn2", **kwargs)
dt = time.perf_counter() - t0
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"sweep_s": dt, "peak_rss_mb": peak / 1024, "rss_before_mb": base / 1024,
                  "result_mb": ds.nbytes / 1e6, "points": int(a.size * b.size)}))
"""


def sweep_bench(repeat: int, training: bool = False) -> dict[str, float]:
    runs = []
    child = f"TRAINING = {training}\n" + SWEEP_CHILD
    for _ in range(repeat):
        out = subprocess.run(
            [sys.executable, "-c", child], capture_output=True, text=True, check=True
        )
        runs.append(json.loads(out.stdout))
    best = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
    best["peak_rss_mb"] = max(r["peak_rss_mb"] for r in runs)
    return best


def main() -> None:
    p = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument("--repeat", type=int, default=300, help="scalar repetitions (default 300)")
    p.add_argument(
        "--sweeps", type=int, default=3, help="sweep repetitions, each in a fresh process"
    )
    args = p.parse_args()
    s = scalar_bench(args.repeat)
    w = sweep_bench(args.sweeps)
    t = sweep_bench(args.sweeps, training=True)
    print(f"scalar compute (trn2, all outputs): median {s['compute_ms']:.3f} ms   [target ≤ 2 ms]")
    print(
        f"plain-NumPy floor, same formulas:   median {s['numpy_floor_ms']:.4f} ms   "
        f"(ratio {s['compute_ms'] / s['numpy_floor_ms']:.0f}x)"
    )
    print(
        "scalar compute with a training run (trn2, llama3-405b, 16,384-chip job): "
        f"median {s['training_ms']:.3f} ms   [target ≤ 2 ms]"
    )
    print(
        f"sweep {w['points']:,.0f} points (site_power x cooling_fraction): "
        f"median {w['sweep_s']:.3f} s   [target ≤ 1.5 s]"
    )
    print(
        f"peak RSS of the sweep process: {w['peak_rss_mb']:.0f} MB "
        f"(before the sweep {w['rss_before_mb']:.0f} MB; result {w['result_mb']:.0f} MB)   "
        "[target ≤ 1024 MB]"
    )
    print(
        f"training sweep {t['points']:,.0f} points (job_chips x restart_minutes): "
        f"median {t['sweep_s']:.3f} s, "
        f"peak RSS {t['peak_rss_mb']:.0f} MB (result {t['result_mb']:.0f} MB)   "
        "[targets ≤ 1.5 s, ≤ 1024 MB]"
    )
    print("numpy", np.__version__)


if __name__ == "__main__":
    main()
