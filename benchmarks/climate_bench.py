"""Benchmark of explorer.climate_year (prints figures; asserts nothing).

1. Cold: a full typical year (8,760 hours shifted from a donor station, the design days) for one
   scenario, with the psychrometrics and the plant model computed afresh (the cache cleared each
   time).
2. Warm: the same year when only a slider that scales it changed (site power): the plant's last
   year is rescaled (`scenario.rescaled`), psychrolib is not called; and the same with that last
   year forgotten each time (the arithmetic and the Dataset built again).
3. The battery sizing on top of a warm year (peak shaving).
4. The app's "Site in context" panel (open): one update after a site-power move (the year
   rescaled, grid shares, three batteries, the chart and its words) and after a cooling-share
   move (nothing to redraw: the weather sets the cooling).

Target (issue #11): a full year for one scenario ≤ 50 ms; sliders that only scale it must not
recompute psychrometrics.
Usage: .venv/bin/python benchmarks/climate_bench.py [--repeat N]
"""

from __future__ import annotations

import argparse
import statistics
import time


def _median_ms(fn, repeat: int, before=None) -> float:
    samples = []
    for i in range(repeat):
        if before is not None:
            before()
        t0 = time.perf_counter()
        fn(i)
        samples.append(time.perf_counter() - t0)
    return statistics.median(samples) * 1e3


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=30)
    n = ap.parse_args().repeat

    import explorer
    from explorer import climate, scenario
    from explorer.batteries import peak_shaving_battery

    explorer.climate_year(
        "rainier-mississippi", "air-evaporative"
    )  # imports, catalog, first compute
    for tech in climate.technologies():
        cold = _median_ms(
            lambda i, t=tech: explorer.climate_year("rainier-mississippi", t, site_power=300),
            n,
            before=climate.plant_year.cache_clear,
        )
        warm = _median_ms(
            lambda i, t=tech: explorer.climate_year("rainier-mississippi", t, site_power=300 + i), n
        )
        rebuilt = _median_ms(
            lambda i, t=tech: explorer.climate_year("rainier-mississippi", t, site_power=300 + i),
            n,
            before=scenario._LAST_YEAR.clear,
        )
        print(
            f"{tech:<20} full year, cold (psychrometrics): {cold:6.1f} ms   "
            f"warm (slider only rescales): {warm:6.1f} ms (rebuilt: {rebuilt:.1f} ms)   "
            "[target ≤ 50 ms]"
        )
    year = explorer.climate_year("rainier-mississippi", "chiller-economiser")
    print(
        f"{'peak-shaving battery':<20} on a warm year: "
        f"{_median_ms(lambda i: peak_shaving_battery(year), n):6.1f} ms"
    )
    try:  # the app's "Site in context" panel needs the [app] extra (ipywidgets, bqplot)
        from explorer.ui.context import ContextPanel
    except ImportError:
        return
    panel = ContextPanel(lambda: None)
    scenario = {"site": "rainier-mississippi", "site_power": 300.0, "chip": "trn2"}
    panel.update(scenario, None)
    panel.widget.selected_index = 0  # open: the figures are built and drawn once
    moved = _median_ms(lambda i: panel.update({**scenario, "site_power": 301.0 + i}, None), n)
    share = _median_ms(
        lambda i: panel.update({**scenario, "cooling_fraction": 0.1 + i / 1000}, None), n
    )
    print(
        f"{'Site in context':<20} panel update, site power moved: {moved:6.1f} ms   "
        f"cooling share moved (the year is unchanged): {share:6.2f} ms"
    )


if __name__ == "__main__":
    main()
