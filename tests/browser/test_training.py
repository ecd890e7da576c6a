"""The training panel in a real Chromium page: a link with a model shows the core's numbers."""

from __future__ import annotations

import explorer
from explorer import fmt

from .conftest import wait_link, wait_ready, wait_text


def test_a_training_link_shows_days_and_goodput_equal_to_the_core(page, app_url):
    wait_ready(page, app_url + "?model=llama3-405b&job_chips=16384&restart_minutes=2")
    wait_link(page, {"model": "llama3-405b", "job_chips": 16384, "restart_minutes": 2})
    ds = explorer.compute(model="llama3-405b", job_chips=16384, restart_minutes=2).sel(
        precision="fp8"
    )
    wait_text(
        page, ".explorer-training .explorer-value", f"{fmt.number(float(ds.training_days))} days"
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
    wait_text(
        page, ".explorer-training .explorer-value", f"{fmt.number(float(ds.training_days))} days"
    )
    wait_link(page, {"model": "llama3-70b"})
