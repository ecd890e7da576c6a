"""A burst of slider steps: the headline follows every step, the rest of the page once it pauses.

On an event loop (the kernel's) the tail waits `TAIL_QUIET`; without one it runs at once. These
tests run the app on an asyncio loop as the kernel does and check what the page holds between
and after the steps."""

from __future__ import annotations

import asyncio
import json

import explorer
from explorer import fmt
from explorer.ui import ExplorerApp
from explorer.ui.app import START_SITE, TAIL_QUIET
from explorer.ui.debounce import Debounce

WAIT = TAIL_QUIET * 2 + 0.1  # [s] comfortably past the pause that ends a burst


def run(coro):
    return asyncio.run(coro)


# ------------------------------------------------------------------ Debounce on its own
def test_without_a_loop_a_scheduled_call_runs_at_once():
    calls = []
    d = Debounce(calls.append, quiet=10.0)
    d.schedule(False)
    d.schedule(True)
    assert calls == [False, True] and not d.pending and d.runs == 2


def test_a_burst_on_a_loop_runs_once_after_the_pause_with_changed_from_any_call():
    calls = []

    async def burst():
        d = Debounce(calls.append, quiet=0.05)
        for changed in (True, False, False):
            d.schedule(changed)
            await asyncio.sleep(0.01)  # closer together than the pause
        assert calls == [] and d.pending
        await asyncio.sleep(0.2)
        assert not d.pending
        return d.runs

    assert run(burst()) == 1
    assert calls == [True]  # the first call asked for `changed`: the one run carries it


def test_take_drops_a_waiting_call_and_says_what_it_asked_for():
    calls = []

    async def go():
        d = Debounce(calls.append, quiet=0.05)
        d.schedule(True)
        asked = d.take()
        await asyncio.sleep(0.15)
        return asked, d.take()

    assert run(go()) == (True, False)
    assert calls == []


def test_flush_runs_a_waiting_call_now_and_nothing_when_none_waits():
    calls = []

    async def go():
        d = Debounce(calls.append, quiet=10.0)
        d.flush()
        assert calls == []
        d.schedule(False)
        d.flush()
        assert calls == [False] and not d.pending

    run(go())


# ------------------------------------------------------------------ the app during a burst
def _households(app: ExplorerApp) -> str:
    return fmt.number(app.scenario.values["city_households"])


def test_during_a_burst_the_headline_follows_every_step_and_the_rest_waits():
    async def go():
        app = ExplorerApp("")
        link_before = app.address.query
        city_words_before = app.city_chart.words
        runs = app._tail.runs
        for mw in (400.0, 500.0, 600.0):  # three steps, 20 ms apart
            app.site_power.value = mw
            # the headline card already shows this step's city (the core's number)
            assert _households(app) in app.city.value
            assert f"{mw:g}" in app.site_power_text.value
            await asyncio.sleep(0.02)
        # mid-burst: the link and the other charts still show the start
        assert app.address.query == link_before
        assert app.city_chart.words == city_words_before
        await asyncio.sleep(WAIT)
        return app, runs

    app, runs = run(go())
    assert app._tail.runs == runs + 1  # drawn once, for the last step
    assert "site_power=600" in app.address.query
    ds = explorer.compute(site=START_SITE, site_power=600.0)
    assert fmt.number(float(ds.city_households)) in app.city_chart.words
    assert list(app.chips_chart.limit.x) == [600.0, 600.0]  # the chips chart's site-power line


def test_a_choice_during_a_burst_draws_everything_at_once():
    async def go():
        app = ExplorerApp("")
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
        app = ExplorerApp("")
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
