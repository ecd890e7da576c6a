"""Attacks on a live server, on loopback, on both routes (`explorer app` and Binder's).

After each batch of hostile frames: the server still answers, its memory grew by < 100 MB,
nothing it sent contains a traceback or a server path, and the kernel still answers. Waits are
for what must finally hold (a reply, a release); their timeouts only bound them.
"""

from __future__ import annotations

import concurrent.futures
import json
import math
import os
import re
import secrets
import time

import pytest
from conftest import eventually
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from websockets.exceptions import ConnectionClosed, InvalidStatus
from websockets.sync.client import connect

from explorer.server.connection import V1
from explorer.server.launch import SETTINGS
from explorer.server.limits import BUSY_MESSAGE
from explorer.server.wsguard import encode_v1

from .conftest import KERNEL_ID, LIMITS, app_live_server

pytestmark = pytest.mark.slow
POOL = json.loads(SETTINGS.read_text())["VoilaConfiguration"].get("default_pool_size", 0)
MB = 1 << 20
LEAKS = re.compile(rb"Traceback|site-packages|File \"/|/work/|/root/|/usr/lib|\.py\", line")
STATIC = "/voila/templates/explorer/static/index.css"  # any cheap page the server sends


def header(msg_type: str) -> dict:
    return {
        "msg_id": secrets.token_hex(6),
        "msg_type": msg_type,
        "session": "fuzz",
        "username": "",
        "version": "5.3",
        "date": "2026-01-01T00:00:00Z",
    }


def answers(server, path: str = STATIC) -> bool:
    """The server still serves a cheap page (liveness: a stalled server times out; how fast it
    answers is measured by benchmarks/serving_bench.py, not asserted here)."""
    status, _, _ = server.get(path if not server.token else "/api/status", timeout=15)
    return status == 200


def send_and_collect(
    server, kernel_id: str, frames, wait: float = 0.3, until=None, timeout: float = 60
) -> bytes:
    """Send `frames` on one kernel websocket (reconnecting when the server closes it); all
    replies: those within `wait` s of each frame, and then, with `until` (a predicate over the
    replies so far), every reply until it holds (failing after `timeout` s)."""
    received = []
    frames = list(frames)

    def joined() -> bytes:
        return b"".join(r if isinstance(r, bytes) else r.encode() for r in received)

    while frames:
        with connect(
            server.ws_url(kernel_id),
            subprotocols=[V1],
            open_timeout=20,
            max_size=None,
            close_timeout=2,
        ) as ws:
            try:
                while frames:
                    ws.send(frames.pop(0))
                    try:
                        while True:
                            received.append(ws.recv(timeout=wait))
                    except TimeoutError:
                        pass
                if until is not None:
                    deadline = time.monotonic() + timeout
                    while not until(joined()):
                        left = deadline - time.monotonic()
                        if left <= 0:
                            pytest.fail(f"no awaited reply within {timeout} s: {joined()[-500:]!r}")
                        try:
                            received.append(ws.recv(timeout=left))
                        except TimeoutError:
                            pass
            except ConnectionClosed as closed:
                received.append(str(closed).encode())
    if until is not None and not until(joined()):
        pytest.fail(f"the server closed the socket before the awaited reply: {joined()[-500:]!r}")
    return joined()


def kernel_answers(server, kernel_id: str) -> bool:
    with connect(server.ws_url(kernel_id), subprotocols=[V1], open_timeout=20) as ws:
        ws.send(encode_v1("shell", header("kernel_info_request"), {}, {}, {}))
        deadline = time.monotonic() + 60  # bounds the wait for the reply
        while time.monotonic() < deadline:
            if b'"kernel_info_reply"' in ws.recv(timeout=deadline - time.monotonic()):
                return True
    return False


@pytest.fixture
def kernel(any_server):
    """One visitor kernel per server, shared by the tests (the server allows only 4)."""
    if getattr(any_server, "_kernel", None) is None:
        any_server._kernel = any_server.open_page()
    return any_server._kernel


@pytest.fixture
def app_kernel(app_server):
    if getattr(app_server, "_kernel", None) is None:
        app_server._kernel = app_server.open_page()
    return app_server._kernel


NAMED = {
    "random 4 KB": lambda: os.urandom(4096),
    "16 B declaring 1e6 offsets": lambda: (10**6).to_bytes(8, "little") + bytes(8),
    "16 B declaring 1e7 offsets": lambda: (10**7).to_bytes(8, "little") + bytes(8),
    "50 MB": lambda: bytes(50 * MB),
    "a text frame": lambda: json.dumps({"header": header("execute_request"), "channel": "shell"}),
}


@pytest.mark.parametrize("name", list(NAMED))
def test_the_frames_that_took_the_server_down_leave_it_responsive(any_server, kernel, name):
    idle = any_server.rss()
    replies = send_and_collect(any_server, kernel, [NAMED[name]()])
    assert answers(any_server)
    assert any_server.rss() - idle < 100 * MB
    assert not LEAKS.search(replies)
    assert kernel_answers(any_server, kernel)


def test_frames_sent_after_the_server_closed_the_socket_are_not_parsed(any_server, kernel):
    # After a close, tornado still delivers frames until the client acknowledges, and the
    # socket's subprotocol then reads as None: Jupyter Server would parse them with its legacy
    # parser, whose first 4 bytes declare a buffer count (2**31 - 1 here: a MemoryError or worse).
    idle = any_server.rss()
    legacy_bomb = (2**31 - 1).to_bytes(4, "big") + bytes(12)
    with connect(
        any_server.ws_url(kernel), subprotocols=[V1], open_timeout=20, max_size=None
    ) as ws:
        try:
            ws.send(b"\xff" * 16)  # refused: the server closes the socket
            for _ in range(200):
                ws.send(legacy_bomb)  # no wait: these arrive before the close handshake ends
        except ConnectionClosed:
            pass
    # leaving `connect` waited for the close handshake, which the server answers after reading
    # every frame before it: all of them have reached the server by now
    assert any_server.proc.poll() is None
    assert answers(any_server)
    assert any_server.rss() - idle < 100 * MB
    assert kernel_answers(any_server, kernel)


frame_strategy = st.one_of(
    st.binary(max_size=2048),
    st.builds(
        lambda n, tail: n.to_bytes(8, "little") + tail,
        st.integers(0, 2**64 - 1),
        st.binary(max_size=256),
    ),
    st.builds(
        lambda ch, t, content: encode_v1(ch, header(t), {}, {}, content),
        st.sampled_from(["shell", "control", "stdin", "iopub", "x" * 40]),
        st.sampled_from(
            [
                "comm_open",
                "comm_msg",
                "comm_close",
                "execute_request",
                "kernel_info_request",
                "history_request",
                "nonsense",
            ]
        ),
        st.fixed_dictionaries(
            {"comm_id": st.text(max_size=8)},
            optional={
                "target_name": st.sampled_from(["jupyter.widget", "x"]),
                "data": st.dictionaries(st.text(max_size=6), st.integers() | st.text(max_size=10)),
            },
        ),
    ),
    st.text(max_size=200),
)


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(batch=st.lists(frame_strategy, min_size=1, max_size=6))
def test_fuzzed_frames_never_stall_leak_or_break_the_kernel(app_server, batch):
    kernel = getattr(app_server, "_kernel", None) or app_server.open_page()
    app_server._kernel = kernel
    idle = getattr(app_server, "_fuzz_idle", None) or app_server.rss()
    app_server._fuzz_idle = idle
    replies = send_and_collect(app_server, kernel, batch, wait=0.1)
    assert answers(app_server)
    assert app_server.rss() - idle < 100 * MB
    assert not LEAKS.search(replies), replies[:500]
    assert kernel_answers(app_server, kernel)


def widget_messages():
    """comm messages a broken or hostile page could send to the app's widgets."""
    big = list(range(200_000))
    yield encode_v1(
        "shell",
        header("comm_open"),
        {},
        {},
        {"comm_id": "bad1", "target_name": "jupyter.widget", "data": {"state": {"_model_name": 5}}},
    )
    yield encode_v1(
        "shell",
        header("comm_open"),
        {},
        {},
        {
            "comm_id": "bad2",
            "target_name": "jupyter.widget",
            "data": {
                "state": {
                    "_model_name": "FloatSliderModel",
                    "_model_module": "@jupyter-widgets/controls",
                    "value": "NaN",
                },
                "buffer_paths": [["value"]],
            },
        },
    )
    for value in (math.nan, "three hundred", big, {"a": 1}, None, -1e308):
        data = {"method": "update", "state": {"value": value}, "buffer_paths": []}
        yield encode_v1("shell", header("comm_msg"), {}, {}, {"comm_id": "bad1", "data": data})
    yield encode_v1(
        "shell", header("comm_msg"), {}, {}, {"comm_id": "unknown", "data": {"method": "x"}}
    )


def test_malformed_widget_messages_get_no_traceback_or_path_back(any_server, kernel):
    replies = send_and_collect(  # until the kernel has answered
        any_server,
        kernel,
        list(widget_messages()),
        wait=1.0,
        until=lambda r: b"comm_id" in r or b"status" in r,
    )
    assert not LEAKS.search(replies), LEAKS.search(replies)
    assert kernel_answers(any_server, kernel)


def test_code_cannot_be_executed_through_the_app_websocket(app_server, app_kernel):
    code = "import pathlib; pathlib.Path('/tmp/explorer-pwned').write_text('x')"
    replies = send_and_collect(
        app_server,
        app_kernel,
        [encode_v1("shell", header("execute_request"), {}, {}, {"code": code, "silent": False})],
        wait=1.0,
        until=lambda r: b"1008" in r,  # closed: policy violation
    )
    assert b"1008" in replies
    assert not os.path.exists("/tmp/explorer-pwned")


# The flood's own server: the pages it never connects are released after a 10 s grace, where
# the shared servers' 60 s (tests/server/conftest.py) made the test wait a minute for the release
# it checks. Admission happens when a request arrives, so all ten are admitted or refused long
# before the first page's grace ends.
FLOOD = {**LIMITS, "EXPLORER_UNUSED_KERNEL_GRACE": "10"}


@pytest.fixture(scope="module")
def flood_server(tmp_path_factory):
    server = app_live_server(tmp_path_factory, "flood", FLOOD)
    yield server
    server.stop()


def test_a_flood_of_plain_gets_is_bounded_and_released_and_a_visitor_still_gets_the_app(
    flood_server,
):
    server = flood_server
    eventually(  # a fresh server: its preheated pool only
        lambda: server.kernels() == POOL,
        what=f"the pool's {POOL} kernels started",
        seen=server.kernels,
        timeout=180,
    )
    before = server.kernels()
    # ten at once: the cap must hold while kernels are still starting, not only between visits
    with concurrent.futures.ThreadPoolExecutor(10) as pool:
        replies = list(pool.map(lambda _: server.get("/", timeout=120), range(10)))
    statuses = [status for status, _, _ in replies]
    for status, body, headers in replies:
        if status == 503:
            assert BUSY_MESSAGE in body and headers.get("Retry-After") == "60"
            assert "http" not in body
    assert statuses.count(200) <= 4  # 4 visitor kernels
    assert 503 in statuses and 200 in statuses
    assert server.kernels() <= 4 + 2  # visitor limit + the pool
    eventually(  # grace + a sweep + kernel shutdowns
        lambda: server.kernels() <= before,
        what=f"the flood's unconnected pages released (back to {before} kernels)",
        seen=server.kernels,
        timeout=180,
    )
    # A kernel's process exits before its kernel manager has forgotten it (it polls for the
    # exit, then removes the kernel): until then the server still counts it and a visit gets
    # the busy page. Wait on the server's own view (a busy page costs no kernel), not on the
    # process count; a count that never comes back fails here.
    visit = eventually(
        lambda: (reply := server.get(server.page_path))[0] == 200 and reply,
        what="a visitor admitted once the flood's kernels were forgotten",
        seen=lambda: server.get(server.page_path)[:1],
        timeout=60,
    )
    kernel = KERNEL_ID.search(visit[1])
    assert kernel, "no kernel id in the page"
    assert kernel_answers(server, kernel.group(1))


def test_the_request_info_socket_refuses_visitors(app_server, app_kernel):
    for path in (f"/voila/query/{app_kernel}", "/voila/query/00000000-0000-0000-0000-000000000000"):
        with pytest.raises(InvalidStatus) as refused:
            connect(app_server.base.replace("http", "ws") + path, open_timeout=10)
        assert refused.value.response.status_code == 403


@pytest.mark.parametrize(
    "path",
    [
        "/logout",
        "/voila/templates/x",
        "/voila/templates/lab/x/y",
        "/no/such/page",
        "/voila/static/nope",
        "/voila/api/shutdown/x",
    ],
)
def test_odd_urls_get_a_plain_offline_error_page(app_server, path):
    status, body, _ = app_server.get(path)
    assert status in (403, 404, 405)
    assert not re.search(r"https?://(?!127\.0\.0\.1)", body), body[:300]
    assert "Traceback" not in body


def test_a_kernel_id_alone_cannot_read_or_delete_a_kernel(app_server, app_kernel):
    for method in ("GET", "DELETE"):
        status, body, _ = app_server.get(f"/api/kernels/{app_kernel}", method=method)
        assert status in (403, 404)
    assert kernel_answers(app_server, app_kernel)


def test_only_the_page_served_with_a_kernel_reads_its_model(app_server):
    mine, my_xsrf = app_server.page_credentials()
    theirs, their_xsrf = app_server.page_credentials()

    def read(kernel, xsrf, method="GET"):
        return app_server.get(
            f"/api/kernels/{kernel}",
            method=method,
            headers={"Cookie": f"_xsrf={xsrf}", "X-XSRFToken": xsrf},
        )[0]

    assert read(mine, my_xsrf) == 200  # what the page itself does once
    assert read(mine, their_xsrf) == 404  # another visitor's page credentials
    assert app_server.get(f"/api/kernels/{mine}", headers={"Cookie": f"_xsrf={my_xsrf}"})[0] == 404
    assert read(mine, my_xsrf, "DELETE") == 404
    assert read(theirs, their_xsrf) == 200


def test_post_to_the_page_gets_an_offline_error_page(app_server):
    status, body, _ = app_server.get("/", method="POST")
    assert status in (403, 405)
    assert not re.search(r"https?://(?!127\.0\.0\.1)", body)
