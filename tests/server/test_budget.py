"""The per-connection budget for widget messages (explorer/server/budget.py) and the bounded
buffers of the connection and kernel manager, without a server."""

from __future__ import annotations

from explorer.server import kernels
from explorer.server.budget import ACCEPT, DUPLICATE, FULL, RATE, InboundBudget
from explorer.server.connection import message_key

CLICK = ("comm_msg", "download-metadata", '{"content": {"event": "click"}, "method": "custom"}')


def test_twenty_thousand_clicks_of_one_button_reach_the_kernel_once_while_one_is_pending():
    budget = InboundBudget(rate=30, burst=60, depth=16)
    verdicts = [budget.admit(f"m{i}", CLICK, now=i * 45e-6) for i in range(20_000)]  # 0.9 s
    assert verdicts.count(ACCEPT) == 1
    assert verdicts.count(DUPLICATE) == 19_999
    budget.done("m0", now=1.0)
    assert budget.admit("again", CLICK, now=1.0) == ACCEPT  # the next click builds it again


def test_distinct_messages_are_bounded_by_the_queue_depth_then_the_rate():
    budget = InboundBudget(rate=10, burst=5, depth=3)
    got = [budget.admit(f"m{i}", None, now=0.0) for i in range(5)]
    assert got == [ACCEPT, ACCEPT, ACCEPT, FULL, FULL]  # three wait for the kernel
    for i in range(3):
        budget.done(f"m{i}", now=0.0)
    # 5 tokens at once, 3 spent: two more, then none until 0.1 s has passed (10 a second)
    got = [budget.admit(f"n{i}", None, now=0.0) for i in range(3)]
    assert got == [ACCEPT, ACCEPT, RATE]
    budget.done("n0", now=0.0)
    assert budget.admit("late", None, now=0.1) == ACCEPT
    assert budget.dropped == 3


def test_a_message_the_kernel_never_answers_stops_counting_after_the_expiry():
    budget = InboundBudget(rate=100, burst=100, depth=1, expiry=60)
    assert budget.admit("lost", None, now=0.0) == ACCEPT
    assert budget.admit("next", None, now=59.0) == FULL
    assert budget.admit("next", None, now=61.0) == ACCEPT


def test_a_slider_drag_over_the_budget_ends_at_its_last_value():
    budget = InboundBudget(rate=1, burst=1, depth=1)
    assert budget.admit("v1", None, now=0.0) == ACCEPT
    for value in range(2, 50):  # refused while v1 waits: the latest is held
        assert budget.admit(f"v{value}", None, now=0.0) == FULL
        budget.hold("slider", f"v{value}", {"value": value})
    assert budget.release(now=0.0) == []  # still no room
    budget.done("v1", now=0.5)
    assert budget.release(now=0.5) == [{"value": 49}]
    assert budget.release(now=0.5) == []


def test_identical_widget_messages_share_a_key_and_different_ones_do_not():
    click = {"comm_id": "b", "data": {"method": "custom", "content": {"event": "click"}}}
    same = {"data": {"content": {"event": "click"}, "method": "custom"}, "comm_id": "b"}
    other = {"comm_id": "c", "data": click["data"]}
    header = {"msg_type": "comm_msg"}
    assert message_key(header, click) == message_key(header, same)
    assert message_key(header, click) != message_key(header, other)
    assert message_key({"msg_type": "kernel_info_request"}, {}) is None


def test_what_is_buffered_for_a_closed_session_is_bounded(monkeypatch):
    monkeypatch.setattr(kernels, "MAX_BUFFERED_MESSAGES", 3)
    monkeypatch.setattr(kernels, "MAX_BUFFERED_BYTES", 100)
    buffer = kernels.BoundedBuffer()
    for _ in range(10):
        buffer.append(("iopub", [b"x" * 30]))
    assert len(buffer) == 3 and buffer.bytes == 90 and buffer.dropped == 7
    buffer = kernels.BoundedBuffer()
    buffer.append(("iopub", [b"x" * 101]))
    assert len(buffer) == 0
