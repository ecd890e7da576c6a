"""Benchmark of the Voila app in a real browser (prints figures; asserts nothing).

Every figure is measured for the app and for a trivial Voila notebook (benchmarks/floor.ipynb:
one slider, one label, one bqplot bar) in the same run: the floor.

- cold load: navigation → interactive (headline shown), median of N fresh browser contexts,
  as served (voila.json: a preheated kernel pool) and with the pool switched off;
- slider → DOM latency: from a key press on the site-power slider until the headline and the
  chart have both changed, median and p95 over M presses `--gap` ms apart (measured in the
  page, once the loaded page has stopped drawing: 30 frames in a row on time; the first press
  is printed too); for the app also the rest of the page ("the charts in words", drawn after
  the headline): its latency for presses on their own, and how long after the last press of
  a burst it settles (`--context` opens the "Site in context" section first);
- RSS of the server process and of each kernel;
- S sessions opened at once, with the count of errors.

Targets (issue #3): p95 ≤ 1.5 × floor and ≤ 100 ms; cold load ≤ 3 s; kernel RSS ≤ 250 MB;
20 sessions with zero errors.
Usage: .venv/bin/python benchmarks/app_bench.py [--loads 5 --presses 50 --sessions 20]
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import statistics
import subprocess
import time
from pathlib import Path

import psutil
from playwright.sync_api import sync_playwright

from explorer.server.launch import APP_NOTEBOOK, environment, free_port, voila_command

FLOOR = Path(__file__).resolve().parent / "floor.ipynb"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TARGETS = {
    "app": {
        "ready": ".explorer-city .explorer-value",
        "handle": ".explorer-site-power .noUi-handle",
        "text": ".explorer-city .explorer-value",
        "chart": ".explorer-power-chart",
        "tail": ".explorer-charts-text",  # drawn after the headline (ui/debounce.py)
    },
    "basics": {  # the classroom screen (?screen=basics): the city card and its row of houses
        "ready": ".explorer-basics-city .explorer-value",
        "handle": ".explorer-site-power .noUi-handle",
        "text": ".explorer-basics-city .explorer-value",
        "chart": ".explorer-basics-city .explorer-houses",
    },
    "floor": {
        "ready": ".floor-label .explorer-value",
        "handle": ".floor-slider .noUi-handle",
        "text": ".floor-label .explorer-value",
        "chart": ".floor-chart",
    },
}
ARM_JS = """
([textCss, chartCss, tailCss]) => {
  // a bqplot chart's bar heights, or (a picture made of HTML) the element's markup
  const bars = () => {
    const rects = [...document.querySelectorAll(chartCss + ' rect.bar')];
    return rects.length ? rects.map(e => e.getAttribute('height')).join()
                        : document.querySelector(chartCss).innerHTML;
  };
  const text = () => document.querySelector(textCss).innerText;
  const t0text = text(), t0bars = bars();
  window.__lat = undefined;
  window.__tail = undefined;
  let t0 = null;
  document.addEventListener('keydown', () => { t0 = performance.now(); },
                            {capture: true, once: true});
  // the rest of the page: its first change after the press (an observer, not polling: reading
  // innerText every frame would force a layout and slow the page it measures)
  if (window.__tailObserver) window.__tailObserver.disconnect();
  const tail = tailCss ? document.querySelector(tailCss) : null;
  if (tail) {
    const observer = new MutationObserver(() => {
      if (t0 !== null && window.__tail === undefined) {
        window.__tail = performance.now() - t0;
        observer.disconnect();
      }
    });
    observer.observe(tail, {childList: true, subtree: true, characterData: true});
    window.__tailObserver = observer;
  }
  const check = () => {
    if (t0 !== null && text() !== t0text && bars() !== t0bars)
      window.__lat = performance.now() - t0;
    else if (t0 !== null && performance.now() - t0 > 10000) window.__lat = null;
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}
"""


class Server:
    def __init__(self, notebook: Path, preheat: bool) -> None:
        self.port = free_port(start=9100)
        self.url = f"http://127.0.0.1:{self.port}/"
        argv = voila_command(
            notebook, self.port
        )  # served as `explorer app` serves it (voila.json: a pool)
        if not preheat:
            argv.append("--VoilaConfiguration.preheat_kernel=False")
        self.proc = subprocess.Popen(
            argv,
            env=environment(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        for _ in range(600):
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", self.port)) == 0:
                    break
            time.sleep(0.1)
        time.sleep(8 if preheat else 0.5)  # let the pool fill

    def rss_mb(self) -> tuple[float, list[float]]:
        p = psutil.Process(self.proc.pid)
        kernels = [
            k.memory_info().rss / 2**20
            for k in p.children(recursive=True)
            if "ipykernel_launcher" in " ".join(k.cmdline())
        ]
        return p.memory_info().rss / 2**20, kernels

    def settle(self, quiet: float = 0.15, timeout: float = 60) -> None:
        """Wait until the server and its kernels are idle (a refilling pool would skew latency)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                procs = [
                    psutil.Process(self.proc.pid),
                    *psutil.Process(self.proc.pid).children(recursive=True),
                ]
                for q in procs:
                    q.cpu_percent(None)
                time.sleep(2)
                busy = sum(q.cpu_percent(None) for q in procs if q.is_running()) / 100
            except psutil.Error:
                continue
            if busy < quiet:
                return

    def stop(self) -> None:
        try:
            os.killpg(self.proc.pid, signal.SIGTERM)
            self.proc.wait(timeout=15)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            os.killpg(self.proc.pid, signal.SIGKILL)


def cold_loads(browser, url: str, sel: str, n: int) -> list[float]:
    times = []
    for _ in range(n):
        ctx = browser.new_context()
        page = ctx.new_page()
        t0 = time.perf_counter()
        page.goto(url)
        page.wait_for_selector(sel, timeout=120_000)
        times.append(time.perf_counter() - t0)
        page.goto("about:blank")
        ctx.close()
        time.sleep(1.0)
    return times


# Resolves once 30 animation frames in a row came less than 25 ms apart (the page's main thread
# is free: a page still drawing after load would charge its own load to the first presses), or
# after 10 s; returns how long it waited [ms].
IDLE_JS = """
() => new Promise(resolve => {
  const t0 = performance.now();
  let last = t0, calm = 0;
  const tick = (t) => {
    calm = (t - last < 25) ? calm + 1 : 0;
    last = t;
    if (calm >= 30 || t - t0 > 10000) resolve(t - t0); else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})
"""


def open_context(page) -> None:
    """Open the Advanced screen's "Site in context" section and wait until it is drawn."""
    page.locator(".jupyter-widget-Collapse-header", has_text="Site in context").click()
    page.wait_for_selector(".explorer-context-heat svg", timeout=60_000)
    page.wait_for_timeout(1500)


def latencies(
    browser, url: str, t: dict, n: int, gap: int = 50, context: bool = False, tails=None
) -> list[float]:
    """Headline latencies [ms] of `n` presses `gap` ms apart; `tails` (a list) gets the rest
    of the page's latency for each press it followed before the next press, and last the
    settle time after the last press (None when it never came)."""
    page = browser.new_page()
    page.goto(url)
    page.wait_for_selector(t["ready"], timeout=120_000)
    page.wait_for_timeout(500)
    if context:
        open_context(page)
    page.evaluate(IDLE_JS)  # the same for the floor and the app
    out = []
    tail = t.get("tail")
    page.locator(t["handle"]).focus()
    for i in range(n):
        page.evaluate(ARM_JS, [t["text"], t["chart"], tail])
        page.keyboard.press("ArrowRight")
        page.wait_for_function("() => window.__lat !== undefined", timeout=15_000)
        ms = page.evaluate("() => window.__lat")
        if ms is not None:
            out.append(ms)
        if i == n - 1 and tail and tails is not None:  # the settle time after the last press
            page.wait_for_function("() => window.__tail !== undefined", timeout=15_000)
        page.wait_for_timeout(gap)
        if tail and tails is not None:
            tails.append(page.evaluate("() => window.__tail ?? null"))
    page.goto("about:blank")
    page.close()
    return out


def concurrent_sessions(browser, url: str, sel: str, n: int) -> tuple[int, float]:
    pages = [browser.new_context().new_page() for _ in range(n)]
    errors = 0
    t0 = time.perf_counter()
    for p in pages:
        p.goto(url, wait_until="commit")
    deadline = t0 + 240  # one shared budget: a session not interactive by then counts as an error
    for p in pages:
        try:
            p.wait_for_selector(sel, timeout=max(1.0, deadline - time.perf_counter()) * 1000)
        except Exception:
            errors += 1
    elapsed = time.perf_counter() - t0
    for p in pages:
        p.goto("about:blank")
        p.context.close()
    return errors, elapsed


def p95(xs: list[float]) -> float:
    return statistics.quantiles(xs, n=20)[-1] if len(xs) >= 2 else float("nan")


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--loads", type=int, default=5)
    ap.add_argument("--presses", type=int, default=50)
    ap.add_argument("--sessions", type=int, default=20, help="0 skips the concurrent-sessions test")
    ap.add_argument(
        "--no-pool",
        dest="pool_off",
        action="store_false",
        help="skip the cold loads with the pool switched off",
    )
    ap.add_argument(
        "--screen",
        choices=("advanced", "basics"),
        default="advanced",
        help="which screen of the app to measure (basics: ?screen=basics)",
    )
    ap.add_argument(
        "--query", default="", help="extra link parameters for the app, e.g. 'a.site_power=600'"
    )
    ap.add_argument("--gap", type=int, default=50, help="pause between key presses [ms]")
    ap.add_argument(
        "--context", action="store_true", help='open the app\'s "Site in context" section first'
    )
    a = ap.parse_args()
    query = "&".join(q for q in ("screen=basics" if a.screen == "basics" else "", a.query) if q)
    results: dict[str, dict[str, float]] = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        for name, nb in (("floor", FLOOR), ("app", APP_NOTEBOOK)):
            t = TARGETS["basics" if name == "app" and a.screen == "basics" else name]
            r = results[name] = {}
            for preheat in (True, False) if a.pool_off else (True,):
                server = Server(nb, preheat)
                if name == "app" and query:
                    server.url += "?" + query
                try:
                    loads = cold_loads(browser, server.url, t["ready"], a.loads)
                    r["load" if preheat else "load_nopool"] = statistics.median(loads)
                    print(
                        f"[{name}] cold loads {'as served (pool)' if preheat else 'pool off'}: "
                        f"{[round(x, 2) for x in loads]}",
                        flush=True,
                    )
                    if preheat:
                        server.settle()
                        tails: list = []
                        lat = latencies(
                            browser,
                            server.url,
                            t,
                            a.presses,
                            a.gap,
                            a.context and name == "app",
                            tails,
                        )
                        r["lat_median"], r["lat_p95"], r["lat_n"] = (
                            statistics.median(lat),
                            p95(lat),
                            len(lat),
                        )
                        print(
                            f"[{name}] latency ms median {r['lat_median']:.1f} "
                            f"p95 {r['lat_p95']:.1f} (n={len(lat)}, presses {a.gap} ms apart; "
                            f"the first {lat[0]:.0f} ms)",
                            flush=True,
                        )
                        if tails:
                            followed = [x for x in tails[:-1] if x is not None]
                            print(
                                f"[{name}] the rest of the page: followed "
                                f"{len(followed)} of {len(tails) - 1} presses before the next"
                                + (
                                    f" (median {statistics.median(followed):.1f} ms)"
                                    if followed
                                    else ""
                                )
                                + f"; settled {tails[-1] or float('nan'):.0f} ms after the "
                                "last press",
                                flush=True,
                            )
                        page = browser.new_page()
                        page.goto(server.url)
                        page.wait_for_selector(t["ready"], timeout=120_000)
                        srv, kernels = server.rss_mb()
                        r["server_rss"], r["kernel_rss"] = (
                            srv,
                            max(kernels) if kernels else float("nan"),
                        )
                        page.goto("about:blank")
                        page.close()
                        print(
                            f"[{name}] RSS server {r['server_rss']:.0f} MB, "
                            f"kernel {r['kernel_rss']:.0f} MB",
                            flush=True,
                        )
                        r["errors"], r["sessions_s"] = (
                            concurrent_sessions(browser, server.url, t["ready"], a.sessions)
                            if a.sessions
                            else (float("nan"), float("nan"))
                        )
                        print(
                            f"[{name}] {a.sessions} sessions: {r['errors']} errors, "
                            f"{r['sessions_s']:.1f} s",
                            flush=True,
                        )
                finally:
                    server.stop()
        browser.close()
    f, p = results["floor"], results["app"]
    print(f"{'figure':<44}{'app':>12}{'floor':>12}   target")
    rows = [
        ("cold load to interactive, median (s)", "load", "≤ 3 s"),
        ("cold load with the pool off (s)", "load_nopool", ""),
        ("slider→DOM latency median (ms)", "lat_median", ""),
        ("slider→DOM latency p95 (ms)", "lat_p95", "≤ 100 ms and ≤ 1.5 × floor"),
        ("server RSS (MB)", "server_rss", ""),
        ("kernel RSS (MB)", "kernel_rss", "≤ 250 MB"),
        (f"{a.sessions} sessions at once: errors", "errors", "0"),
        (f"{a.sessions} sessions at once: all interactive (s)", "sessions_s", ""),
    ]
    for label, key, target in rows:
        print(
            f"{label:<44}{p.get(key, float('nan')):>12.3g}"
            f"{f.get(key, float('nan')):>12.3g}   {target}"
        )
    print(
        f"latency samples: app {p['lat_n']:.0f}, floor {f['lat_n']:.0f}; "
        f"p95 ratio app/floor {p['lat_p95'] / f['lat_p95']:.2f}"
    )


if __name__ == "__main__":
    main()
