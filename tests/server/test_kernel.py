"""The app kernel's own settings (explorer/server/kernel.py): no widget echo, a frozen heap."""

from __future__ import annotations

import gc

import ipywidgets as w
from ipywidgets.widgets import widget as widget_module

from explorer.server.kernel import freeze_heap, no_echo


def _browser_sets(slider: w.IntSlider, value: int, monkeypatch) -> list[dict]:
    """What the kernel sends back when the browser sets `slider.value` (an update message)."""
    sent: list[dict] = []
    monkeypatch.setattr(w.Widget, "_send", lambda self, msg, buffers=None: sent.append(msg))
    msg = {
        "content": {"data": {"method": "update", "state": {"value": value}}},
        "buffers": [],
        "parent_header": {"msg_id": "x"},
    }
    slider._handle_msg(msg)
    return sent


def test_by_default_ipywidgets_echoes_a_browser_change(monkeypatch):
    monkeypatch.setattr(widget_module, "JUPYTER_WIDGETS_ECHO", True)
    sent = _browser_sets(w.IntSlider(), 3, monkeypatch)
    assert [m["method"] for m in sent] == ["echo_update"]


def test_the_app_kernel_sends_no_echo(monkeypatch):
    monkeypatch.setattr(widget_module, "JUPYTER_WIDGETS_ECHO", True)
    no_echo()
    slider = w.IntSlider()
    assert _browser_sets(slider, 3, monkeypatch) == []
    assert slider.value == 3  # the change itself still lands


def test_freeze_heap_keeps_what_exists_out_of_later_collections():
    try:
        freeze_heap()
        assert gc.get_freeze_count() > 1000  # the modules and everything built so far
    finally:
        gc.unfreeze()
