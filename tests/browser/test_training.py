"""The training panel in a real Chromium page: a link with a model shows the core's numbers."""

from __future__ import annotations

import explorer
from explorer import fmt

from .conftest import wait_ready


def test_a_training_link_shows_days_and_goodput_equal_to_the_core(page, app_url):
    wait_ready(page, app_url + "?model=llama3-405b&job_chips=16384&restart_minutes=2")
    page.wait_for_selector(".explorer-training .explorer-value")
    ds = explorer.compute(model="llama3-405b", job_chips=16384, restart_minutes=2).sel(
        precision="fp8"
    )
    assert page.inner_text(".explorer-training .explorer-value") == (
        f"{fmt.number(float(ds.training_days))} days"
    )
    assert f"Goodput {fmt.percent(float(ds.goodput))}" in page.inner_text(".explorer-goodput")
    # the model's field is in the "Training a model" panel, and changing it recomputes
    page.locator(".jupyter-widget-Collapse-header", has_text="Training a model").click()
    page.locator(".widget-dropdown:has(label:text-is('Model')) select").select_option(
        label=explorer.catalog.label("models", "llama3-70b")
    )
    ds = explorer.compute(model="llama3-70b", job_chips=16384, restart_minutes=2).sel(
        precision="fp8"
    )
    page.wait_for_function(
        "t => document.querySelector('.explorer-training .explorer-value')?.innerText === t",
        arg=f"{fmt.number(float(ds.training_days))} days",
    )
    page.wait_for_function("() => location.search.includes('model=llama3-70b')")
