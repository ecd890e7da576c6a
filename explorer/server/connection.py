"""The kernel websocket connection of the public app: Jupyter Server's own, with guards.

`GuardedConnection` is a ``kernel_websocket_connection_class`` (a trait of both Voila's and
Jupyter Server's applications; `app/voila.json` and the Binder extension name it), so no
upstream attribute is replaced:

- the handshake must ask for the ``v1.kernel.websocket.jupyter.org`` subprotocol (a legacy
  client makes Voila decode JSON frames as v1 offsets): otherwise HTTP 400;
- every frame is checked by `wsguard.check_v1_frame` before Jupyter Server's
  ``deserialize_msg_from_ws_v1`` sees it; a bad frame closes that websocket (1008/1003) with a
  log line, and frames still arriving on it are dropped unparsed;
- widget messages pass an `budget.InboundBudget` (rate, queue depth, duplicates coalesced);
- what the server writes to one socket and the client has not read yet is bounded
  (`MAX_UNREAD_BYTES`): a client that does not read is disconnected instead of growing the
  server; writes to a closed socket are dropped (no "Task exception was never retrieved");
- on Voila's route (where the page may send only widget messages) tracebacks and stderr
  text from the kernel are dropped before they reach the browser;
- the visitor-kernel tracker learns when a kernel's page connects and disconnects (the
  reconnect window, `limits.Limits.reconnect_window`).

Tornado's ``websocket_max_message_size`` setting (`wsguard.MAX_FRAME_BYTES`) refuses larger
frames before their payload is read; the applications set it too.
"""

from __future__ import annotations

import json
import logging
import time
from typing import Any

from jupyter_server.services.kernels.connection.channels import ZMQChannelsWebsocketConnection
from tornado import web
from tornado.websocket import WebSocketClosedError

from . import wsguard
from .budget import ACCEPT, InboundBudget
from .limits import Limits

V1 = "v1.kernel.websocket.jupyter.org"
#: Bytes written to one websocket that its client has not yet taken; past this the client is
#: not reading and is disconnected (the app's largest message, a download, is about 1 MB).
MAX_UNREAD_BYTES = 16 << 20
log = logging.getLogger("explorer.server")


def requested_subprotocols(header: str | None) -> list[str]:
    """The subprotocols a websocket client asks for (Sec-WebSocket-Protocol header).

    Examples
    --------
    >>> requested_subprotocols("a, v1.kernel.websocket.jupyter.org")
    ['a', 'v1.kernel.websocket.jupyter.org']
    """
    return [p.strip() for p in (header or "").split(",") if p.strip()]


def page_must_not_see(frame: bytes) -> bool:
    """True for a kernel → browser v1 frame that carries a traceback or stderr text."""
    split = wsguard.v1_parts(frame, max_bytes=None)
    if isinstance(split, wsguard.Rejection) or len(split[1]) < 4:
        return False
    header, content = split[1][0], split[1][3]
    if b'"msg_type": "error"' in header or b'"msg_type":"error"' in header:
        return True
    if b'"stream"' in header:
        return b'"stderr"' in content[:64]
    return False


def message_key(header: dict, content: dict) -> tuple[str, str, str] | None:
    """What a widget message does, for coalescing identical ones (None: not a comm message).

    Examples
    --------
    >>> message_key({"msg_type": "comm_msg"}, {"comm_id": "b", "data": {"method": "custom"}})
    ('comm_msg', 'b', '{"method": "custom"}')
    >>> message_key({"msg_type": "kernel_info_request"}, {}) is None
    True
    """
    msg_type = header.get("msg_type")
    if msg_type not in ("comm_msg", "comm_open", "comm_close"):
        return None
    data = json.dumps(content.get("data"), sort_keys=True, default=str)
    return msg_type, str(content.get("comm_id")), data


def _tracker():
    from .tracker import tracker  # the one the page handler uses (a module-level instance)

    return tracker()


class GuardedConnection(ZMQChannelsWebsocketConnection):
    """Jupyter Server's kernel websocket connection with the guards of the module docstring."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limits = Limits.from_env()
        self.budget = InboundBudget(limits.widget_rate, limits.widget_burst, limits.widget_depth)
        self._refused = False
        self._unread = 0
        self._tracked = False

    # ------------------------------------------------------------------ handshake and lifetime

    async def prepare(self) -> None:
        handler = self.websocket_handler
        if V1 not in requested_subprotocols(handler.request.headers.get("Sec-WebSocket-Protocol")):
            log.warning("refused a kernel websocket without the %s subprotocol", V1)
            raise web.HTTPError(400, "kernel websockets need the v1 subprotocol")
        await super().prepare()

    def connect(self) -> Any:
        _tracker().connect(self.kernel_id)
        self._tracked = True
        return super().connect()

    def disconnect(self) -> None:
        if self._tracked:
            self._tracked = False
            _tracker().disconnect(self.kernel_id, time.monotonic())
        super().disconnect()

    # ------------------------------------------------------------------ browser → kernel

    def handle_incoming_message(self, incoming_msg: Any) -> None:
        # A socket we closed still receives frames until the client acknowledges, and by then
        # its selected subprotocol reads as None, which would send them down the legacy parser.
        handler = self.websocket_handler
        if self._refused or handler is None or handler.ws_connection is None:
            return
        allowed = self.multi_kernel_manager.allowed_message_types  # Voila's list; [] on Binder
        refused = wsguard.check_v1_frame(incoming_msg, frozenset(allowed) if allowed else None)
        if refused is not None:
            self._refused = True
            log.warning("kernel %s: closed a websocket: %s", self.kernel_id, refused)
            handler.close(refused.code, refused.reason[:120])
            return
        _, parts = wsguard.v1_parts(incoming_msg)
        header, content = wsguard.upstream_unpack(parts[0]), wsguard.upstream_unpack(parts[3])
        msg_id = str(header.get("msg_id", ""))
        verdict = self.budget.admit(msg_id, message_key(header, content), time.monotonic())
        if verdict == ACCEPT:
            super().handle_incoming_message(incoming_msg)
            return
        data = content.get("data")
        if (
            header.get("msg_type") == "comm_msg"
            and isinstance(data, dict)
            and data.get("method") == "update"
            and verdict != "duplicate"
        ):
            self.budget.hold(str(content.get("comm_id")), msg_id, incoming_msg)
        if self.budget.dropped in (1, 100) or self.budget.dropped % 1000 == 0:
            log.warning(
                "kernel %s: %d widget messages over the connection's budget dropped (%s)",
                self.kernel_id,
                self.budget.dropped,
                verdict,
            )

    # ------------------------------------------------------------------ kernel → browser

    def handle_outgoing_message(self, stream: Any, outgoing_msg: list[Any]) -> None:
        super().handle_outgoing_message(stream, outgoing_msg)
        channel = getattr(stream, "channel", stream)
        if channel != "iopub":
            return
        _, parts = self.session.feed_identities(outgoing_msg)
        if len(parts) < 5 or b'"status"' not in parts[1]:
            return
        try:
            header = wsguard.upstream_unpack(parts[1])
            if header.get("msg_type") != "status":
                return
            if wsguard.upstream_unpack(parts[4]).get("execution_state") != "idle":
                return
            parent = wsguard.upstream_unpack(parts[2]).get("msg_id")
        except (ValueError, AttributeError):
            return
        now = time.monotonic()
        self.budget.done(str(parent), now)
        for frame in self.budget.release(now):
            if self.websocket_handler is not None and self.channels:
                super().handle_incoming_message(frame)

    @property
    def write_message(self):
        """The handler's ``write_message``, bounded: see the module docstring."""
        return self._write_bounded

    def _write_bounded(self, message: Any, binary: bool = False) -> Any:
        handler = self.websocket_handler
        if handler is None or handler.ws_connection is None or handler.ws_connection.is_closing():
            return None
        if (
            isinstance(message, bytes)
            and self.multi_kernel_manager.allowed_message_types
            and page_must_not_see(message)
        ):
            return None
        size = len(message)
        if self._unread + size > MAX_UNREAD_BYTES:
            log.warning(
                "kernel %s: the client left %d bytes unread; closing its websocket",
                self.kernel_id,
                self._unread,
            )
            handler.close(wsguard.POLICY_VIOLATION, "client is not reading")
            return None
        try:
            future = handler.write_message(message, binary=binary)
        except WebSocketClosedError:
            return None
        if future is None:  # Voila's handler drops execute_input
            return None
        self._unread += size

        def written(done: Any) -> None:
            self._unread -= size
            if not done.cancelled():
                done.exception()  # retrieved: a socket closed mid-write is not an error here

        future.add_done_callback(written)
        return future
