"""Checks on every message a browser sends over a kernel websocket, before any library parses it.

Jupyter Server's ``deserialize_msg_from_ws_v1``
(``jupyter_server/services/kernels/connection/base.py``) reads the first 8 bytes of a binary
frame as the number of offsets and builds a list of that many before it checks anything: one
16-byte frame that declares 10**6 offsets drove the server past 20 GB. This module decides, from
the frame's bytes alone and in time proportional to its (bounded) size, whether a frame is a
well-formed v1 kernel message that the explorer's page could have sent.

The v1 layout (``serialize_msg_to_ws_v1``)::

    n (8 bytes, little-endian) | offsets[0..n-1] (8 bytes each) | channel | header | parent |
    metadata | content | buffers...

with ``offsets[0] == 8 * (n + 1)`` (the end of the offset table), the offsets non-decreasing and
the last one at most the frame's length. Parts are ``frame[offsets[i]:offsets[i + 1]]``.

Examples
--------
>>> from explorer.server.wsguard import encode_v1, check_v1_frame
>>> frame = encode_v1("shell", {"msg_type": "comm_msg", "msg_id": "1"}, {}, {}, {"comm_id": "a"})
>>> check_v1_frame(frame) is None
True
>>> check_v1_frame(b"\\xff" * 16).code
1008
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

#: Channels a kernel client may write to (iopub is kernel → client only).
CHANNELS = frozenset({"shell", "control", "stdin"})

#: Message types a Voila page sends (Voila's own ``allowed_message_types``, voila/app.py).
PAGE_MESSAGE_TYPES = frozenset(
    {
        "comm_open",
        "comm_close",
        "comm_msg",
        "comm_info_request",
        "kernel_info_request",
        "shutdown_request",
    }
)

#: Largest frame accepted [bytes]. The page's widget messages are a few kB; tornado's default
#: (10 MiB) is far more than the app ever sends. Also given to tornado as the websocket limit,
#: so a larger frame is refused (close code 1009) before its payload is read.
MAX_FRAME_BYTES = 1 << 20

#: Most offsets in one frame: channel + 4 message parts + buffers. A widget message from the
#: page carries at most a few buffers.
MAX_OFFSETS = 32

#: Largest JSON part (header, parent header, metadata) [bytes].
MAX_HEADER_BYTES = 16 << 10

#: Websocket close codes (RFC 6455 §7.4.1).
POLICY_VIOLATION = 1008
TOO_BIG = 1009
UNSUPPORTED_DATA = 1003


@dataclass(frozen=True)
class Rejection:
    """Why a frame was refused, and the websocket close code that says so."""

    code: int
    reason: str

    def __str__(self) -> str:
        return f"{self.code}: {self.reason}"


def _u64(frame: bytes, index: int) -> int:
    return int.from_bytes(frame[8 * index : 8 * index + 8], "little")


def v1_parts(
    frame: bytes, max_bytes: int | None = MAX_FRAME_BYTES
) -> tuple[str, list[bytes]] | Rejection:
    """Split a v1 frame into its channel and message parts, or say why it is malformed.

    Never allocates more than the frame's own size: the offset count is checked against the
    frame length and `MAX_OFFSETS` before any offset is read. `max_bytes` None skips the size
    check (frames the server itself wrote).
    """
    if not isinstance(frame, bytes | bytearray | memoryview):
        return Rejection(UNSUPPORTED_DATA, "kernel messages must be binary v1 frames")
    frame = bytes(frame)
    size = len(frame)
    if max_bytes is not None and size > max_bytes:
        return Rejection(TOO_BIG, f"frame of {size} bytes exceeds {max_bytes}")
    if size < 16:
        return Rejection(POLICY_VIOLATION, "frame shorter than a v1 offset table")
    n = _u64(frame, 0)
    # channel + header + parent + metadata + content = 6 offsets at least
    if not 6 <= n <= min(MAX_OFFSETS, size // 8 - 1):
        return Rejection(POLICY_VIOLATION, f"offset count {n} does not fit the frame")
    offsets = [_u64(frame, i + 1) for i in range(n)]
    if offsets[0] != 8 * (n + 1):
        return Rejection(POLICY_VIOLATION, "first offset is not the end of the offset table")
    if any(b < a for a, b in zip(offsets, offsets[1:], strict=False)) or offsets[-1] > size:
        return Rejection(POLICY_VIOLATION, "offsets decrease or point outside the frame")
    try:
        channel = frame[offsets[0] : offsets[1]].decode("ascii")
    except UnicodeDecodeError:
        return Rejection(POLICY_VIOLATION, "channel name is not ASCII")
    parts = [frame[offsets[i] : offsets[i + 1]] for i in range(1, n - 1)]
    return channel, parts


def upstream_unpack(part: bytes) -> Any:
    """Decode a JSON part exactly as Jupyter Server and the kernel do (jupyter_client's
    ``json_unpacker``: UTF-8 with replacement, then ``json.loads`` of the text).

    ``json.loads`` of *bytes* would also accept a UTF-8 byte-order mark and UTF-16/32 text, which
    upstream then fails to parse (an uncaught exception in the server, "Invalid message" in the
    kernel); decoding as upstream does refuses them here instead.

    Examples
    --------
    >>> upstream_unpack(b'{"a": 1}')
    {'a': 1}
    >>> try:
    ...     upstream_unpack(b"\\xef\\xbb\\xbf{}")  # a byte-order mark
    ... except ValueError as e:
    ...     print(str(e)[:20])
    Unexpected UTF-8 BOM
    """
    try:
        from jupyter_client.session import json_unpacker
    except ImportError:  # pragma: no cover - jupyter_client comes with the app extra
        return json.loads(bytes(part).decode("utf8", "replace"))
    return json_unpacker(bytes(part))


def _json_object(
    part: bytes, what: str, limit: int | None, unpack: Callable[[bytes], Any] = upstream_unpack
) -> dict | Rejection:
    if limit is not None and len(part) > limit:
        return Rejection(TOO_BIG, f"{what} of {len(part)} bytes exceeds {limit}")
    try:
        value = unpack(part)
    except (UnicodeDecodeError, ValueError, RecursionError):
        return Rejection(POLICY_VIOLATION, f"{what} is not JSON")
    if not isinstance(value, dict):
        return Rejection(POLICY_VIOLATION, f"{what} is not a JSON object")
    return value


def check_v1_frame(
    frame: bytes, allowed_types: frozenset[str] | None = PAGE_MESSAGE_TYPES
) -> Rejection | None:
    """None when `frame` is a well-formed v1 kernel message a page may send, else a `Rejection`.

    Parameters
    ----------
    frame : bytes
        One websocket message as received.
    allowed_types : frozenset of str or None
        Message types accepted; None accepts any well-formed message (the Binder route, where
        JupyterLab's notebooks share the server and execute code by design).
    """
    split = v1_parts(frame)
    if isinstance(split, Rejection):
        return split
    channel, parts = split
    if channel not in CHANNELS:
        return Rejection(POLICY_VIOLATION, f"unknown channel {channel[:20]!r}")
    header = _json_object(parts[0], "header", MAX_HEADER_BYTES)
    if isinstance(header, Rejection):
        return header
    msg_type = header.get("msg_type")
    if not isinstance(msg_type, str) or not isinstance(header.get("msg_id", ""), str):
        return Rejection(POLICY_VIOLATION, "header has no msg_type")
    if allowed_types is not None and msg_type not in allowed_types:
        return Rejection(POLICY_VIOLATION, f"message type {msg_type[:40]!r} is not allowed")
    for part, what in ((parts[1], "parent header"), (parts[2], "metadata")):
        checked = _json_object(part, what, MAX_HEADER_BYTES)
        if isinstance(checked, Rejection):
            return checked
    content = _json_object(parts[3], "content", None)
    if isinstance(content, Rejection):
        return content
    if msg_type.startswith("comm_") and msg_type != "comm_info_request":
        if not isinstance(content.get("comm_id"), str):
            return Rejection(POLICY_VIOLATION, "comm message without a comm_id")
        if "data" in content and not isinstance(content["data"], dict):
            return Rejection(POLICY_VIOLATION, "comm data is not an object")
    return None


def encode_v1(
    channel: str,
    header: dict,
    parent: dict,
    metadata: dict,
    content: dict,
    buffers: tuple[bytes, ...] = (),
) -> bytes:
    """A v1 frame, laid out as Jupyter Server's ``serialize_msg_to_ws_v1`` lays it out."""
    parts = [json.dumps(p).encode() for p in (header, parent, metadata, content)] + list(buffers)
    chan = channel.encode()
    n = len(parts) + 2
    offsets = [8 * (n + 1), 8 * (n + 1) + len(chan)]
    for p in parts:
        offsets.append(offsets[-1] + len(p))
    return b"".join(
        [n.to_bytes(8, "little"), *(o.to_bytes(8, "little") for o in offsets), chan, *parts]
    )
