"""A burst of slider steps: the headline follows every step, the rest of the page once it pauses.

In a kernel the tail waits on the kernel's event loop; elsewhere it runs at once. These tests
give the app an asyncio loop as the kernel does (each in a thread of its own: another loop may
run in the main thread, Playwright's under the browser tests) and check what the page holds
between and after the steps. No assertion depends on how fast the machine is: calls of one
burst come within one turn of the loop (microseconds apart, against pauses of a tenth of a
second and more), and a pause is awaited until it has happened (`settled`), however long the
machine takes.
"""

from __future__ import annotations

import asyncio
import json
from concurrent.futures import ThreadPoolExecutor

import explorer
from explorer import fmt
from explorer.ui import ExplorerApp
from explorer.ui.app import START_SITE
from explorer.ui.debounce import Debounce, kernel_loop


def run(coro):
    """Run `coro` on a fresh event loop in a thread of its own."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coro).result()


def on_loop(fn, quiet: float, alone: float | None = None) -> Debounce:
    """A Debounce that waits on the running loop (as it does in a kernel)."""
    return Debounce(fn, quiet, alone, loop=asyncio.get_running_loop)


def app_on_loop(query: str = "") -> ExplorerApp:
    """The dashboard, its page's rest waiting on the running loop (as in a kernel)."""
    app = ExplorerApp(query)
    app._tail.loop = asyncio.get_running_loop
    return app


async def settled(d: Debounce, limit: float = 30.0) -> None:
    """Wait until `d` has nothing waiting (a pause ran it), `limit` seconds at the most."""
    loop = asyncio.get_running_loop()
    end = loop.time() + limit
    while d.pending and loop.time() < end:
        await asyncio.sleep(0.02)
    assert not d.pending


# ------------------------------------------------------------------ Debounce on its own
def test_outside_a_kernel_every_scheduled_call_runs_at_once():
    calls = []
    d = Debounce(calls.append, quiet=10.0)
    d.schedule(False)
    d.schedule(True)
    assert calls == [False, True] and not d.pending and d.runs == 2


def test_outside_a_kernel_even_a_running_loop_is_not_waited_on():
    async def go():
        calls = []
        d = Debounce(calls.append, quiet=10.0)  # the default: a kernel's loop only
        d.schedule(True)
        return kernel_loop(), calls, d.pending

    assert run(go()) == (None, [True], False)


def test_a_call_on_its_own_runs_on_the_next_turn_and_a_burst_once_after_the_pause():
    calls = []

    async def burst():
        d = on_loop(calls.append, quiet=0.1)
        d.schedule(False)  # on its own: once the caller has returned to the loop
        assert calls == [] and d.pending
        await asyncio.sleep(0)
        assert calls == [False] and not d.pending
        d.schedule(True)  # then two in a row: a burst
        d.schedule(False)
        assert calls == [False] and d.pending
        await settled(d)
        d.schedule(False)  # after the pause, on its own again
        await asyncio.sleep(0)
        return d.runs

    assert run(burst()) == 3
    assert calls == [False, True, False]  # the burst's one run carries its `changed`


async def _pending(d: Debounce, changed: bool) -> None:
    """Two calls in a row: the first runs, the second waits."""
    d.schedule(False)
    await asyncio.sleep(0)
    d.schedule(changed)
    assert d.pending


def test_take_drops_a_waiting_call_and_says_what_it_asked_for():
    calls = []

    async def go():
        d = on_loop(calls.append, quiet=10.0)
        await _pending(d, True)
        asked = d.take()
        await asyncio.sleep(0)
        return asked, d.take(), d.pending

    assert run(go()) == (True, False, False)
    assert calls == [False]  # only the first call of the two ran


def test_a_call_on_its_own_runs_and_takes_a_waiting_call_with_it():
    calls = []

    async def go():
        d = on_loop(calls.append, quiet=10.0, alone=0.05)
        await _pending(d, True)  # the first ran, the second (changed) waits for the pause
        await asyncio.sleep(0.1)  # past `alone`, long before `quiet`
        d.schedule(False)  # on its own: on the next turn, with the waiting call's `changed`
        await asyncio.sleep(0)
        return d.runs, d.pending

    assert run(go()) == (2, False)
    assert calls == [False, True]


def test_calls_in_one_turn_of_the_loop_are_one_burst():
    calls = []

    async def go():
        d = on_loop(calls.append, quiet=0.1)
        d.schedule(True)
        d.schedule(False)  # before the first ran: it waits for the pause with it
        await asyncio.sleep(0)
        assert calls == [] and d.pending
        await settled(d)

    run(go())
    assert calls == [True]


def test_flush_runs_a_waiting_call_now_and_nothing_when_none_waits():
    calls = []

    async def go():
        d = on_loop(calls.append, quiet=10.0)
        d.flush()
        assert calls == []
        await _pending(d, True)
        d.flush()
        assert calls == [False, True] and not d.pending

    run(go())


# ------------------------------------------------------------------ the app during a burst
def _households(app: ExplorerApp) -> str:
    return fmt.number(app.scenario.values["city_households"])


def test_a_step_on_its_own_draws_the_whole_page_once_its_headline_has_left():
    async def go():
        app = app_on_loop()
        app.site_power.value = 450.0
        assert "site_power=450" not in app.address.query  # the headline's messages go first
        await asyncio.sleep(0)
        return app

    app = run(go())
    assert not app._tail.pending and "site_power=450" in app.address.query
    assert list(app.chips_chart.limit.x) == [450.0, 450.0]


def test_during_a_burst_the_headline_follows_every_step_and_the_rest_waits():
    async def go():
        app = app_on_loop()
        app._tail.alone = 10.0  # whatever the machine's speed, the two after the first are a burst
        runs = app._tail.runs
        for mw in (400.0, 500.0, 600.0):  # a step on its own, then two in a row
            app.site_power.value = mw
            # the headline card already shows this step's city (the core's number)
            assert _households(app) in app.city.value
            assert f"{mw:g}" in app.site_power_text.value
            if mw == 400.0:
                await asyncio.sleep(0)  # its rest is drawn on the loop's next turn
        # mid-burst: the link and the other charts still show the first step
        assert "site_power=400" in app.address.query
        assert list(app.chips_chart.limit.x) == [400.0, 400.0]
        await settled(app._tail)
        return app, runs

    app, runs = run(go())
    assert app._tail.runs == runs + 2  # the first step at once, the rest once, for the last step
    assert "site_power=600" in app.address.query
    ds = explorer.compute(site=START_SITE, site_power=600.0)
    assert fmt.number(float(ds.city_households)) in app.city_chart.words
    assert list(app.chips_chart.limit.x) == [600.0, 600.0]  # the chips chart's site-power line


def test_a_choice_during_a_burst_draws_everything_at_once():
    async def go():
        app = app_on_loop()
        app.site_power.value = 650.0
        app.site_power.value = 700.0
        assert app._tail.pending
        app.chip.value = "trn2"  # not a slider step: the whole page now
        assert not app._tail.pending
        assert "site_power=700" in app.address.query and "chip=trn2" in app.address.query
        return app

    app = run(go())
    assert app.flops_chart.data().attrs["chosen_chip"] == "trn2"


def test_a_chart_file_asked_for_during_a_burst_is_of_the_last_step(monkeypatch):
    async def go():
        app = app_on_loop()
        app.site_power.value = 900.0
        app.site_power.value = 1000.0
        assert app._tail.pending
        card = next(c for c in app.cards if c.chart is app.chips_chart)
        captured = []
        monkeypatch.setattr(card.downloads, "send", lambda c, b: captured.append(bytes(b[0])))
        card.downloads.click("Metadata (JSON)")  # before the pause: the chart is drawn first
        assert not app._tail.pending
        return captured

    meta = json.loads(run(go())[0])
    # the chips chart's own point and the link are those of the 1000 MW step, not the start's
    assert meta["attrs"]["scenario_site_power_MW"] == 1000.0
    assert meta["inputs"]["site_power"] == 1000.0 and "site_power=1000" in meta["link"]
