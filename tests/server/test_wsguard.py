"""The kernel-websocket frame check, against Jupyter Server's own serializer and parser."""

from __future__ import annotations

import json
import os
import tracemalloc

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jupyter_server.services.kernels.connection.base import (
    deserialize_msg_from_ws_v1,
    serialize_msg_to_ws_v1,
)

from explorer.server import wsguard
from explorer.server.wsguard import Rejection, check_v1_frame, encode_v1, v1_parts

HEADER = {
    "msg_id": "m1",
    "msg_type": "comm_msg",
    "session": "s",
    "username": "",
    "version": "5.3",
    "date": "2026-01-01T00:00:00Z",
}
CONTENT = {"comm_id": "abc", "data": {"method": "update", "state": {"value": 300}}}


def upstream_frame(channel="shell", header=HEADER, content=CONTENT, buffers=()) -> bytes:
    parts = [json.dumps(p).encode() for p in (header, {}, {}, content)] + list(buffers)
    return serialize_msg_to_ws_v1(parts, channel)


def u64(n: int) -> bytes:
    return n.to_bytes(8, "little")


def test_a_frame_jupyter_server_writes_is_accepted_and_split_as_upstream_splits_it():
    frame = upstream_frame(buffers=(b"\x00\x01", b"xyz"))
    assert check_v1_frame(frame) is None
    channel, parts = v1_parts(frame)
    assert (channel, parts) == deserialize_msg_from_ws_v1(frame)
    assert encode_v1("shell", HEADER, {}, {}, CONTENT, (b"\x00\x01", b"xyz")) == frame


@pytest.mark.parametrize(
    ("frame", "code", "words"),
    [
        ("a text frame", 1003, "binary"),
        (b"\x01" * 15, 1008, "shorter"),
        (u64(10**6) + u64(0), 1008, "offset count 1000000"),  # the 20 GB frame
        (u64(10**7) + u64(0), 1008, "offset count 10000000"),
        (u64(2**64 - 1) + b"\0" * 64, 1008, "does not fit"),
        (u64(5) + b"\0" * 64, 1008, "offset count 5"),  # fewer parts than a message has
        (b"\0" * (wsguard.MAX_FRAME_BYTES + 1), 1009, "exceeds"),
    ],
)
def test_malformed_frames_are_refused_with_a_close_code_and_reason(frame, code, words):
    refused = check_v1_frame(frame)
    assert isinstance(refused, Rejection)
    assert refused.code == code and words in refused.reason


def test_offsets_must_start_after_the_table_increase_and_stay_inside_the_frame():
    good = bytearray(upstream_frame())
    n = int.from_bytes(good[:8], "little")
    first = bytearray(good)
    first[8:16] = u64(0)
    assert "first offset" in check_v1_frame(bytes(first)).reason
    decreasing = bytearray(good)
    decreasing[24:32] = u64(8 * (n + 1) - 1)  # offsets[2] before offsets[1]
    assert "decrease" in check_v1_frame(bytes(decreasing)).reason
    outside = bytearray(good)
    outside[8 * n : 8 * n + 8] = u64(len(good) + 1)  # last offset past the end
    assert "outside" in check_v1_frame(bytes(outside)).reason


@pytest.mark.parametrize(
    ("channel", "header", "content", "words"),
    [
        ("iopub", HEADER, CONTENT, "unknown channel"),
        ("nonsense", HEADER, CONTENT, "unknown channel"),
        ("shell", {**HEADER, "msg_type": "execute_request"}, {"code": "import os"}, "not allowed"),
        ("shell", {"msg_id": "x"}, CONTENT, "no msg_type"),
        ("shell", HEADER, {"data": {}}, "comm_id"),
        ("shell", HEADER, {"comm_id": "a", "data": [1, 2]}, "comm data"),
    ],
)
def test_messages_a_page_cannot_send_are_refused(channel, header, content, words):
    assert words in check_v1_frame(upstream_frame(channel, header, content)).reason


def test_code_execution_is_refused_on_the_voila_route_but_not_on_binder():
    frame = upstream_frame(header={**HEADER, "msg_type": "execute_request"}, content={"code": "1"})
    assert check_v1_frame(frame) is not None  # Voila's allowed message types
    assert check_v1_frame(frame, allowed_types=None) is None  # JupyterLab shares the Binder server


def test_parts_that_are_not_json_objects_are_refused():
    parts = [b"not json", b"{}", b"{}", b"{}"]
    assert "header is not JSON" in check_v1_frame(serialize_msg_to_ws_v1(parts, "shell")).reason
    parts = [json.dumps(HEADER).encode(), b"[]", b"{}", b"{}"]
    assert (
        "parent header is not a JSON object"
        in check_v1_frame(serialize_msg_to_ws_v1(parts, "shell")).reason
    )
    deep = b"[" * 100_000 + b"]" * 100_000
    parts = [json.dumps(HEADER).encode(), b"{}", b"{}", deep]
    assert check_v1_frame(serialize_msg_to_ws_v1(parts, "shell")) is not None


def test_a_frame_declaring_ten_million_offsets_costs_no_memory():
    tracemalloc.start()
    check_v1_frame(u64(10**7) + u64(0))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 64 * 1024  # upstream builds a list of 10**7 ints (>= 80 MB) here


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=4096))
def test_random_bytes_never_raise_and_are_never_accepted_by_chance(frame):
    result = check_v1_frame(frame)
    assert isinstance(result, Rejection)


@settings(max_examples=200, deadline=None)
@given(count=st.integers(min_value=0, max_value=2**64 - 1), tail=st.binary(max_size=512))
def test_any_declared_offset_count_is_checked_against_the_frame_length(count, tail):
    frame = u64(count) + tail
    result = check_v1_frame(frame)
    assert isinstance(result, Rejection)
    if count > len(frame) // 8 - 1:
        assert "does not fit" in result.reason or "shorter" in result.reason


json_value = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=150, deadline=None)
@given(
    channel=st.sampled_from(["shell", "control", "stdin"]),
    msg_type=st.sampled_from(sorted(wsguard.PAGE_MESSAGE_TYPES)),
    data=st.dictionaries(st.text(max_size=8), json_value, max_size=5),
    buffers=st.lists(st.binary(max_size=64), max_size=3),
)
def test_every_well_formed_page_message_is_accepted_and_parsed_like_upstream(
    channel, msg_type, data, buffers
):
    header = {**HEADER, "msg_type": msg_type}
    content = {"comm_id": "c", "data": data}
    frame = upstream_frame(channel, header, content, tuple(buffers))
    assert check_v1_frame(frame) is None
    assert v1_parts(frame) == deserialize_msg_from_ws_v1(frame)


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_a_corrupted_byte_never_makes_the_check_raise(data):
    frame = bytearray(upstream_frame(buffers=(os.urandom(16),)))
    index = data.draw(st.integers(0, len(frame) - 1))
    frame[index] = data.draw(st.integers(0, 255))
    result = check_v1_frame(bytes(frame))
    if result is None:  # still well formed: upstream must parse it the same way
        assert v1_parts(bytes(frame)) == deserialize_msg_from_ws_v1(bytes(frame))
