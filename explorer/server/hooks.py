"""Hardening for the public Voila server (each item measured against a default Voila 0.5.13).

Server side (`apply_server_patches` for `explorer app`; `apply_binder_patches` for Jupyter Server
with Voila's extension, the Binder route):

- `patch_page_handler`: every page response sets the `_xsrf` cookie, so the page's tab-close
  kernel shutdown is accepted (otherwise it gets 403 and every visit leaks a kernel; Voila
  #1458); the page is refused with a self-contained "busy" page (503) when visitor kernels are
  at `Limits.max_kernels` or the client address is over `Limits.kernels_per_minute`; a served
  page whose websocket never opens (a bot, ``curl``) has its kernel shut down after
  `Limits.unused_kernel_grace` seconds.
- `patch_embedding`: the app page may be framed by any site (``frame-ancestors *`` in its
  Content-Security-Policy; every other directive and header is kept, and every other page of the
  server keeps Jupyter Server's ``frame-ancestors 'self'``). The app is public, read-only and has
  no login, so a clickjacking frame gains nothing. In a third-party iframe a browser keeps no
  ordinary cookie (SameSite=Lax by default; third-party cookies blocked), so the cookies a page
  response sets get ``SameSite=None; Secure; Partitioned`` (CHIPS: kept per embedding site)
  whenever the browser sees a secure origin (https, ``X-Forwarded-Proto: https``, or a loopback
  host); and the page carries its own `_xsrf` token (`xsrf_fallback_script`), which it sends as
  the ``X-XSRFToken`` header and the ``_xsrf`` form field when the browser kept no cookie at all
  (plain http on another host, a browser without partitioned cookies). The kernel-owner checks
  accept that token only if it is the one the server gave the page served with that kernel.
- `patch_culling`: idle-kernel culling skips the preheated kernels waiting in Voila's pool.
- `patch_websocket`: kernel websockets must speak the `v1.kernel.websocket.jupyter.org`
  subprotocol; every frame is checked by `wsguard.check_v1_frame` before Jupyter Server's
  ``deserialize_msg_from_ws_v1`` sees it (a bad frame closes that websocket with code 1008/1009
  and a log line); tornado refuses frames over `wsguard.MAX_FRAME_BYTES`; on the Voila route,
  tracebacks and stderr from the kernel are dropped before they reach the browser.
- `patch_query_socket`: Voila's request-info socket (``/voila/query/<kernel>``) accepts only
  the server's own kernels, which prove it with a secret from their environment; a visitor can
  neither read another visitor's link nor remove a kernel's waiter.
- `patch_pool_refill` (standalone only): after a visit takes a preheated kernel, Voila refills
  the pool after `VoilaKernelManager.fill_delay` seconds; a visitor arriving when no kernel is
  ready awaits the next refill, delay included. Patched, a refill waits its delay only while
  the pool still holds a ready or starting kernel (`refills_to_wake`): the visitor beyond the
  pool gets a kernel started at once, and a class arriving together is not slowed by its own
  refills. A visitor also takes a ready kernel before one still starting.
- `patch_closed_routes` (standalone only): a kernel's REST model is readable only with the
  `_xsrf` token of the page that was served with it (the page reads it once; `owns_kernel`),
  never deletable;
  ``/logout`` and malformed template URLs answer 404; every error page is `limits.page` (no
  external URL).

Kernel side (`install_kernel_guards`, called by the app notebook): no traceback or library
stderr reaches the page (logged on the server instead), and the kernel's address space is
capped at `Limits.kernel_memory_mb`.
"""

from __future__ import annotations

import hmac
import io
import ipaddress
import json
import logging
import os
import re
import secrets
import sys
import time
from typing import Any

from . import wsguard
from .limits import Limits, RateLimiter, page

V1 = "v1.kernel.websocket.jupyter.org"
MAX_OFFSETS = wsguard.MAX_OFFSETS
QUERY_SECRET_ENV = "EXPLORER_QUERY_SECRET"
log = logging.getLogger("explorer.server")

_KERNEL_ID = re.compile(
    r'"kernelId":\s*"([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"'
)


def _once(owner: Any, flag: str) -> bool:
    """True the first time for (`owner`, `flag`); marks it done."""
    if getattr(owner, flag, False):
        return False
    setattr(owner, flag, True)
    return True


# --------------------------------------------------------------------------- page and kernels


class KernelTracker:
    """Which visitor kernels have opened their websocket, and which served pages wait for one."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.rate = RateLimiter(limits.kernels_per_minute)
        self.connected: set[str] = set()
        self.served: dict[str, float] = {}  # kernel id → when its page was sent [monotonic s]
        self.born: dict[str, float] = {}  # kernel id → when a page first got it [monotonic s]
        self.starting = 0  # pages admitted whose kernel is not yet known (counted against the cap)
        self.owners: dict[
            str, bytes
        ] = {}  # kernel id → raw _xsrf token of the page it was served with
        self.callback = None

    def visitor_kernels(self, kernel_manager: Any) -> int:
        """Kernels pages were served with and that are still alive, plus the pages admitted whose
        kernel is not known yet. (Not "all kernels but the pool": a pool kernel still starting
        is not in the pool yet and would count as a visitor's.)"""
        alive = set(kernel_manager.list_kernel_ids())
        return len(alive & set(self.born)) + self.starting

    def start(self, kernel_manager: Any) -> None:
        """Check for unused kernels every few seconds (once the server's loop runs)."""
        if self.callback is not None:
            return
        from tornado.ioloop import PeriodicCallback

        interval_ms = 1000 * min(5.0, max(0.5, self.limits.unused_kernel_grace / 4))
        self.callback = PeriodicCallback(lambda: self.sweep(kernel_manager), interval_ms)
        self.callback.start()

    def sweep(self, kernel_manager: Any, now: float | None = None) -> list[str]:
        """Shut down the kernels of pages served longer than the grace time ago and never
        connected, and every visitor kernel older than `Limits.kernel_max_age`."""
        now = time.monotonic() if now is None else now
        alive = set(kernel_manager.list_kernel_ids())
        unused, old = [], []
        for kid, served_at in list(self.served.items()):
            if kid not in alive or kid in self.connected:
                self.served.pop(kid, None)
            elif now - served_at > self.limits.unused_kernel_grace:
                self.served.pop(kid, None)
                unused.append(kid)
        for kid, born in list(self.born.items()):
            if kid not in alive:
                del self.born[kid]
            elif now - born > self.limits.kernel_max_age and kid not in unused:
                del self.born[kid]
                old.append(kid)
        self.connected &= alive
        for kid in set(self.owners) - alive:
            del self.owners[kid]
        for kid in unused:
            log.warning(
                "kernel %s: its page never connected within %.0f s; shutting it down",
                kid,
                self.limits.unused_kernel_grace,
            )
        for kid in old:
            log.warning(
                "kernel %s: older than %.0f s; shutting it down", kid, self.limits.kernel_max_age
            )
        for kid in unused + old:
            _spawn(kernel_manager.shutdown_kernel(kid))
        return unused + old


def _spawn(result: Any) -> None:
    import asyncio
    import inspect

    if inspect.isawaitable(result):
        asyncio.ensure_future(result)


TRACKER: KernelTracker | None = None


def tracker() -> KernelTracker:
    global TRACKER
    if TRACKER is None:
        TRACKER = KernelTracker(Limits.from_env())
    return TRACKER


def patch_page_handler() -> None:
    """Voila's page handler: `_xsrf` cookie, admission limits, unused-kernel release
    (idempotent)."""
    from voila.handler import VoilaHandler

    if not _once(VoilaHandler, "_explorer_patched"):
        return
    original = VoilaHandler.get_generator

    async def get_generator(self, path=None):
        track = tracker()
        km = self.kernel_manager
        track.start(km)
        busy = track.visitor_kernels(km) >= track.limits.max_kernels
        if busy or not track.rate.allow(self.request.remote_ip or "?", time.monotonic()):
            log.warning(
                "busy page for %s (%s)",
                self.request.remote_ip,
                "kernel limit" if busy else "rate limit",
            )
            self.set_status(503)
            self.set_header("Retry-After", "60")
            yield page(503)
            return
        token = self.xsrf_token.decode()  # tornado sets the cookie with the response headers
        embeddable_cookies(self)
        fallback = xsrf_fallback_script(token)
        kernel_id = None
        track.starting += 1  # reserved now: concurrent visits see it before the kernel exists
        try:
            async for snippet in original(self, path=path):
                if fallback and "<head>" in snippet:
                    snippet = snippet.replace("<head>", "<head>" + fallback, 1)
                    fallback = ""
                if kernel_id is None and (found := _KERNEL_ID.search(snippet)):
                    kernel_id = found.group(1)
                    track.starting -= 1
                    track.owners[kernel_id] = self._get_raw_xsrf_token()[1]
                    track.born.setdefault(kernel_id, time.monotonic())
                yield snippet
        finally:
            if kernel_id is None:
                track.starting -= 1
            elif kernel_id not in track.connected:
                track.served[kernel_id] = time.monotonic()

    VoilaHandler.get_generator = get_generator


def owns_kernel(handler: Any, kernel_id: str) -> bool:
    """True when `handler`'s request carries the `_xsrf` token of the page that was served with
    `kernel_id`: in the ``X-XSRFToken`` header (or the ``_xsrf`` argument) and, when the browser
    sent an `_xsrf` cookie, in the cookie too.

    The header must match the token the server recorded for that kernel's page (a secret only
    that page was given), so the cookie adds nothing when it is missing: a page embedded in a
    third-party iframe on plain http has none (the browser does not keep it) and sends the token
    rendered into the page (`xsrf_fallback_script`). A cookie that is sent must match.
    """
    owner = tracker().owners.get(kernel_id)
    header = handler.request.headers.get("X-XSRFToken") or handler.get_argument("_xsrf", None)
    if owner is None or not header:
        return False
    _, from_header, _ = handler._decode_xsrf_token(header)
    if not from_header or not hmac.compare_digest(from_header, owner):
        return False
    cookie = handler.get_cookie("_xsrf")
    if cookie is None:
        return True
    _, from_cookie, _ = handler._decode_xsrf_token(cookie)
    return bool(from_cookie) and hmac.compare_digest(from_cookie, owner)


def pooled_kernel_ids(kernel_manager: Any) -> set[str]:
    """Kernels waiting in Voila's preheated pool (none when the pool is off)."""
    ids = set()
    for pool in getattr(kernel_manager, "_pools", {}).values():
        for task in pool:
            if task.done() and not task.cancelled() and task.exception() is None:
                ids.add(task.result().get("kernel_id"))
    return ids


def patch_culling() -> None:
    """Idle-kernel culling (for tabs that crashed without closing) must not cull the preheated
    kernels waiting in Voila's pool: they are idle and unconnected by design, and Voila does not
    refill the pool after a cull (idempotent)."""
    from jupyter_server.services.kernels.kernelmanager import MappingKernelManager

    if not _once(MappingKernelManager, "_explorer_patched"):
        return
    original = MappingKernelManager.cull_kernel_if_idle

    async def cull_kernel_if_idle(self, kernel_id):
        if kernel_id in pooled_kernel_ids(self):
            return None
        return await original(self, kernel_id)

    MappingKernelManager.cull_kernel_if_idle = cull_kernel_if_idle


# --------------------------------------------------------------------------- embedding

FRAME_ANCESTORS = "frame-ancestors *"
_TOKEN = re.compile(r"[0-9A-Za-z|_-]{1,200}")


def frame_anywhere(policy: str) -> str:
    """`policy` (a Content-Security-Policy value) with its ``frame-ancestors`` directive replaced
    by `FRAME_ANCESTORS` (added when it has none); every other directive is kept.

    Examples
    --------
    >>> frame_anywhere("frame-ancestors 'self'; report-uri /api/security/csp-report")
    'frame-ancestors *; report-uri /api/security/csp-report'
    >>> frame_anywhere("default-src 'self'")
    "default-src 'self'; frame-ancestors *"
    """
    kept = [
        d.strip()
        for d in policy.split(";")
        if d.strip() and d.split()[0].lower() != "frame-ancestors"
    ]
    if policy.strip().lower().startswith("frame-ancestors"):
        return "; ".join([FRAME_ANCESTORS, *kept])
    return "; ".join([*kept, FRAME_ANCESTORS])


def secure_origin(request: Any) -> bool:
    """Whether the browser sees the server on a secure origin, where it keeps ``Secure`` cookies:
    https (also behind a proxy that says so in ``X-Forwarded-Proto``, as Binder's does) or a
    loopback host (browsers treat ``http://127.0.0.1`` and ``http://localhost`` as secure).

    Only cookie attributes depend on it: when it guesses wrong the browser drops the cookie and
    the page falls back on its rendered token (`xsrf_fallback_script`)."""
    forwarded = request.headers.get("X-Forwarded-Proto", "").split(",")[0].strip().lower()
    if request.protocol == "https" or forwarded == "https":
        return True
    host = (request.host_name or "").strip("[]").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def embeddable_cookies(handler: Any) -> list[str]:
    """Give the cookies `handler`'s response sets ``SameSite=None; Secure; Partitioned`` when the
    origin is secure (`secure_origin`), so that a third-party iframe of the page keeps them; the
    names of the cookies changed.

    Partitioned (CHIPS) cookies are kept per top-level site: one set while the page is embedded
    on a journalist's site is sent only to frames under that site, and one set on a top-level
    visit only to top-level visits, so no other site's page can send them along. Browsers
    without CHIPS ignore the attribute. Python 3.11's ``http.cookies`` has no ``Partitioned``
    attribute, so the header is written here instead of by tornado's flush.
    """
    jar = getattr(handler, "_new_cookie", None)
    if not jar or not secure_origin(handler.request):
        return []
    changed = []
    for name in list(jar):
        morsel = jar[name]
        morsel["samesite"] = "None"
        morsel["secure"] = True
        handler.add_header("Set-Cookie", morsel.OutputString(None) + "; Partitioned")
        del jar[name]
        changed.append(name)
    return changed


def xsrf_fallback_script(token: str) -> str:
    """A ``<script>`` that lets the page send its `_xsrf` `token` when the browser kept no
    `_xsrf` cookie (a third-party iframe on plain http, or a browser that blocks third-party
    cookies without partitioning them).

    Voila's page reads the token from ``document.cookie`` for the ``X-XSRFToken`` header of its
    one kernel-model request and for the ``_xsrf`` field of its tab-close shutdown beacon; the
    script makes that read return the token rendered into the page when the cookie is missing
    (the real cookie wins when there is one; writes go to the real cookie). The server accepts
    the token only as the one it gave the page served with that kernel (`owns_kernel`). Empty
    for anything that is not a tornado token.

    Examples
    --------
    >>> "_xsrf=2|ab|cd|1" in xsrf_fallback_script("2|ab|cd|1")
    True
    >>> xsrf_fallback_script("</script><script>alert(1)")
    ''
    """
    if not _TOKEN.fullmatch(token):
        return ""
    return (
        "<script>/* explorer: the page's _xsrf token when the browser kept no cookie */"
        "(function(){var t=" + json.dumps("_xsrf=" + token) + ","
        "d=Object.getOwnPropertyDescriptor(Document.prototype,'cookie');"
        "if(!d||!d.get||!d.set)return;"
        "Object.defineProperty(document,'cookie',{configurable:true,"
        "get:function(){var c=d.get.call(document);"
        "return /(^|;\\s*)_xsrf=/.test(c)?c:(c?c+'; ':'')+t;},"
        "set:function(v){d.set.call(document,v);}});})();</script>"
    )


def patch_embedding() -> None:
    """The app page may be framed by any site, and works there (idempotent; both routes).

    - `VoilaHandler.content_security_policy`: ``frame-ancestors *`` (`frame_anywhere`) instead
      of Jupyter Server's ``'self'``, for the app page only (JupyterLab, the REST API and every
      other route keep theirs);
    - Voila's tab-close shutdown (``/voila/api/shutdown/<kernel>``): a request without an
      `_xsrf` cookie passes the xsrf check only with the token of the page served with that
      kernel (`owns_kernel`); with a cookie, tornado's own check applies unchanged.
    (The cookies and the rendered token are set by `patch_page_handler`.)
    """
    from jupyter_server.base.handlers import JupyterHandler
    from voila.handler import VoilaHandler
    from voila.shutdown_kernel_handler import VoilaShutdownKernelHandler as Shutdown

    if not _once(Shutdown, "_explorer_patched"):
        return
    policy = inspect_property(JupyterHandler, "content_security_policy")

    def content_security_policy(self) -> str:
        return frame_anywhere(policy.fget(self))

    VoilaHandler.content_security_policy = property(content_security_policy)
    original_check = Shutdown.check_xsrf_cookie

    def check_xsrf_cookie(self) -> None:
        if (
            getattr(self, "_jupyter_current_user", None) is not None
            and self.get_cookie("_xsrf") is None
            and self.path_args
            and owns_kernel(self, self.path_args[0])
        ):
            return None
        return original_check(self)

    Shutdown.check_xsrf_cookie = check_xsrf_cookie


def inspect_property(cls: type, name: str) -> property:
    """The property `name` as `cls` (or the first class of its MRO that has it) defines it."""
    import inspect

    found = inspect.getattr_static(cls, name)
    if not isinstance(found, property):
        raise TypeError(f"{cls.__name__}.{name} is not a property")
    return found


# --------------------------------------------------------------------------- kernel websockets


def requested_subprotocols(header: str | None) -> list[str]:
    """The subprotocols a websocket client asks for (Sec-WebSocket-Protocol header)."""
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


def patch_websocket() -> None:
    """Guard every kernel websocket, on Voila's route and Jupyter Server's (idempotent)."""
    from jupyter_server.services.kernels.connection.channels import ZMQChannelsWebsocketConnection
    from jupyter_server.services.kernels.websocket import KernelWebsocketHandler
    from tornado import web

    if not _once(KernelWebsocketHandler, "_explorer_patched"):
        return
    original_get = KernelWebsocketHandler.get
    original_open = KernelWebsocketHandler.open

    async def get(self, *args: Any, **kwargs: Any) -> None:
        if V1 not in requested_subprotocols(self.request.headers.get("Sec-WebSocket-Protocol")):
            log.warning("refused a kernel websocket without the %s subprotocol", V1)
            raise web.HTTPError(400, "kernel websockets need the v1 subprotocol")
        await original_get(self, *args, **kwargs)

    async def open(self, kernel_id, *args: Any, **kwargs: Any) -> None:
        if TRACKER is not None:
            TRACKER.connected.add(kernel_id)
            TRACKER.served.pop(kernel_id, None)
        await original_open(self, kernel_id, *args, **kwargs)

    KernelWebsocketHandler.get = get
    KernelWebsocketHandler.open = open
    # tornado closes the socket (1009) on a larger frame before reading its payload
    KernelWebsocketHandler.max_message_size = property(lambda self: wsguard.MAX_FRAME_BYTES)

    # The narrowest point: Jupyter Server's ZMQChannelsWebsocketConnection.handle_incoming_message
    # calls deserialize_msg_from_ws_v1 (connection/base.py) on the raw frame; check it first.
    original_incoming = ZMQChannelsWebsocketConnection.handle_incoming_message

    def handle_incoming_message(self, incoming_msg) -> None:
        # Every frame is checked as v1 (non-v1 sockets are refused at the handshake). A socket we
        # closed still receives frames until the client acknowledges, and by then its selected
        # subprotocol reads as None, which would send them down the legacy parser: drop them.
        handler = self.websocket_handler
        if (
            getattr(self, "_explorer_refused", False)
            or handler is None
            or handler.ws_connection is None
        ):
            return
        allowed = self.multi_kernel_manager.allowed_message_types  # Voila's list; [] on Binder
        refused = wsguard.check_v1_frame(incoming_msg, frozenset(allowed) if allowed else None)
        if refused is not None:
            self._explorer_refused = True
            log.warning("kernel %s: closed a websocket: %s", self.kernel_id, refused)
            handler.close(refused.code, refused.reason[:120])
            return
        original_incoming(self, incoming_msg)

    ZMQChannelsWebsocketConnection.handle_incoming_message = handle_incoming_message

    try:  # Voila's own handler (standalone route): bound its header read, hide tracebacks
        from voila.tornado import kernel_websocket_handler as kwh
    except ImportError:  # pragma: no cover - Voila is always there for the app
        return
    original_read = kwh.read_header_from_binary_message

    def read_header(ws_msg: bytes) -> dict | None:
        if len(ws_msg) < 8 or int.from_bytes(ws_msg[:8], "little") > MAX_OFFSETS:
            return None
        return original_read(ws_msg)

    kwh.read_header_from_binary_message = read_header
    original_write = kwh.VoilaKernelWebsocketHandler.write_message

    def write_message(self, message, binary: bool = False):
        if isinstance(message, bytes) and page_must_not_see(message):
            return None
        return original_write(self, message, binary)

    kwh.VoilaKernelWebsocketHandler.write_message = write_message


def patch_query_socket() -> None:
    """Voila's ``/voila/query/<kernel id>`` socket: only our own live kernels (idempotent).

    Upstream (voila/request_info_handler.py) accepts any id from anyone: a visitor could read the
    request info meant for another visitor's pooled kernel, and its `on_close` removes the last
    waiter in the table when the closing socket is not in it.
    """
    from tornado import web
    from voila.request_info_handler import RequestInfoSocketHandler as Handler

    if not _once(Handler, "_explorer_patched"):
        return
    if not os.environ.get(QUERY_SECRET_ENV):  # unset or empty: an empty secret admits anyone
        os.environ[QUERY_SECRET_ENV] = secrets.token_urlsafe(32)  # kernels inherit it
    original_get = Handler.get

    async def get(self, *args: Any, **kwargs: Any) -> None:
        given = self.request.headers.get("X-Explorer-Kernel-Secret", "")
        expected = os.environ[QUERY_SECRET_ENV]
        kernel_id = kwargs.get("kernel_id") or (args[0] if args else "")
        km = self.settings.get("kernel_manager")
        if not given or not hmac.compare_digest(given.encode(), expected.encode()):
            log.warning("refused a request-info socket without the kernel secret")
            raise web.HTTPError(403)
        if km is None or kernel_id not in km.list_kernel_ids():
            raise web.HTTPError(404)
        await original_get(self, *args, **kwargs)

    def on_close(self) -> None:
        for kid, waiter in list(Handler._waiters.items()):
            if waiter is self:
                del Handler._waiters[kid]

    Handler.get = get
    Handler.on_close = on_close


def patch_closed_routes() -> None:
    """Standalone server: kernel REST routes for the page's owner only, /logout and bad template
    URLs → 404, offline error pages."""
    import tornado.web
    from jupyter_server.auth.logout import LogoutHandler
    from jupyter_server.base.handlers import JupyterHandler
    from voila import app as voila_app
    from voila.static_file_handler import TemplateStaticFileHandler

    if not _once(JupyterHandler, "_explorer_patched"):
        return

    class OwnKernelHandler(voila_app.KernelHandler):
        """The page reads its own kernel's model (GET) and nothing else: the request must carry
        the `_xsrf` token of the page that was served with that kernel. DELETE is closed (the
        page shuts its kernel down through Voila's /voila/api/shutdown)."""

        async def get(self, kernel_id):
            if not owns_kernel(self, kernel_id):
                raise tornado.web.HTTPError(404)
            await super().get(kernel_id)

        async def delete(self, kernel_id):
            raise tornado.web.HTTPError(404)

    voila_app.KernelHandler = OwnKernelHandler  # read by Voila.init_handlers

    def not_found(self, *args: Any, **kwargs: Any) -> None:
        raise tornado.web.HTTPError(404)

    LogoutHandler.get = not_found
    original_parse = TemplateStaticFileHandler.parse_url_path

    def parse_url_path(self, path):
        parts = path.split("/", 2)
        if len(parts) != 3 or parts[1] != "static" or not parts[2]:
            raise tornado.web.HTTPError(404)
        return original_parse(self, path)

    TemplateStaticFileHandler.parse_url_path = parse_url_path

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.finish(page(status_code))

    JupyterHandler.write_error = write_error
    tornado.web.RequestHandler.write_error = write_error


# --------------------------------------------------------------------------- pool refill

READY, STARTING, SLEEPING, FAILED = "ready", "starting", "sleeping", "failed"
_WAKE: dict[Any, Any] = {}  # refill coroutine → the future that ends its delay early


def refills_to_wake(states: list[str]) -> list[int]:
    """Which sleeping refills of a pool (its items' states, in pool order) start now.

    A refill sleeps through `fill_delay` only while the pool holds a kernel that is ready or
    already starting; otherwise the first sleeping one starts at once (a visitor is waiting for
    it or soon will be), and the others keep sleeping.

    Examples
    --------
    >>> refills_to_wake(["ready", "sleeping", "sleeping"])
    []
    >>> refills_to_wake(["sleeping", "sleeping"])
    [0]
    >>> refills_to_wake(["starting", "sleeping"])
    []
    >>> refills_to_wake(["failed", "sleeping"])  # a kernel that failed to start is none
    [1]
    >>> refills_to_wake([])
    []
    """
    if READY in states or STARTING in states:
        return []
    return [states.index(SLEEPING)] if SLEEPING in states else []


def pool_states(pool: list[Any]) -> list[str]:
    """`READY`, `STARTING`, `SLEEPING` or `FAILED` for each task of a Voila pool."""
    states = []
    for task in pool:
        if task.done():
            ok = not task.cancelled() and task.exception() is None
            states.append(READY if ok else FAILED)
        else:
            coro = task.get_coro() if hasattr(task, "get_coro") else None
            wake = _WAKE.get(coro) if coro is not None else None
            states.append(SLEEPING if wake is not None and not wake.done() else STARTING)
    return states


def wake_refills(pool: list[Any]) -> list[int]:
    """Apply `refills_to_wake` to a Voila pool; the positions woken."""
    woken = refills_to_wake(pool_states(pool))
    for i in woken:
        wake = _WAKE.get(pool[i].get_coro())  # a sleeping one is a task (`pool_states`)
        if wake is not None and not wake.done():
            wake.set_result(None)
    return woken


def ready_first(pool: list[Any]) -> None:
    """Move the first ready kernel of `pool` to its front (Voila takes the front one)."""
    states = pool_states(pool)
    if READY in states and states[0] != READY:
        pool.insert(0, pool.pop(states.index(READY)))


def wait_before(delay: float, aw: Any) -> Any:
    """Voila's `wait_before(delay, aw)`, with a delay that `wake_refills` can end early."""
    import asyncio
    import inspect

    async def gated(wake: asyncio.Future | None) -> Any:
        try:
            if wake is not None:
                try:
                    await asyncio.wait_for(asyncio.shield(wake), delay)
                except TimeoutError:
                    pass
                except asyncio.CancelledError:  # shut down while sleeping: never started
                    if inspect.iscoroutine(aw):
                        aw.close()
                    raise
        finally:
            _WAKE.pop(coro, None)
        return await aw

    wake = asyncio.get_event_loop().create_future() if delay and delay > 0 else None
    coro = gated(wake)
    if wake is not None:
        _WAKE[coro] = wake
    return coro


def patch_pool_refill() -> None:
    """Voila's preheated pool refills late only while a kernel is still ready or starting
    (idempotent)."""
    from voila import app as voila_app
    from voila import voila_kernel_manager as vkm

    if not _once(vkm, "_explorer_patched"):
        return
    vkm.wait_before = wait_before  # fill_if_needed reads the module's global at each call
    factory = voila_app.voila_kernel_manager_factory

    def voila_kernel_manager_factory(*args: Any, **kwargs: Any) -> Any:
        cls = factory(*args, **kwargs)
        original = getattr(cls, "get_rendered_notebook", None)
        if original is None or getattr(cls, "_explorer_refill", False):
            return cls  # the pool is off

        async def get_rendered_notebook(self, notebook_name, *a, **k):
            pool = self._pools.get(notebook_name, [])
            ready_first(pool)
            wake_refills(pool)  # the refill this visitor would wait for starts now
            result = await original(self, notebook_name, *a, **k)
            wake_refills(self._pools.get(notebook_name, []))
            return result

        cls.get_rendered_notebook = get_rendered_notebook
        cls._explorer_refill = True
        return cls

    voila_app.voila_kernel_manager_factory = voila_kernel_manager_factory


def apply_server_patches() -> None:
    """Everything `explorer app` (Voila's standalone server) applies before it starts."""
    tracker()
    patch_websocket()
    patch_page_handler()
    patch_embedding()
    patch_culling()
    patch_query_socket()
    patch_closed_routes()
    patch_pool_refill()


def apply_binder_patches() -> None:
    """What the Binder route (Jupyter Server + Voila's extension) applies: the page (with its
    embedding) and the kernel websockets; JupyterLab's own routes stay as Jupyter Server serves
    them (``frame-ancestors 'self'`` included)."""
    tracker()
    patch_websocket()
    patch_page_handler()
    patch_embedding()


# --------------------------------------------------------------------------- inside the kernel

PLAIN_ERROR = "Something went wrong in the explorer; the last valid values are kept."


class _ToServerLog(io.TextIOBase):
    """A text stream that writes to the kernel process's own stderr (the server's log)."""

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        stream = sys.__stderr__
        if stream is not None:
            stream.write(text)
            stream.flush()
        return len(text)


class _PlainToPage(logging.Handler):
    """Logs a record in full to the server log; the page gets one plain line at most every 5 s."""

    def __init__(self, page_stream: Any) -> None:
        super().__init__(logging.WARNING)
        self.page_stream = page_stream
        self.server = logging.StreamHandler(_ToServerLog())
        self.server.setFormatter(
            logging.Formatter("[explorer kernel] %(levelname)s %(name)s: %(message)s")
        )
        self.last = 0.0

    def emit(self, record: logging.LogRecord) -> None:
        self.server.emit(record)
        if record.levelno >= logging.ERROR and time.monotonic() - self.last > 5:
            self.last = time.monotonic()
            try:
                self.page_stream.write(PLAIN_ERROR + "\n")
                self.page_stream.flush()
            except Exception:  # noqa: BLE001 - the page stream may be closed; the log has it
                pass


def install_kernel_guards(memory_mb: int | None = None) -> None:
    """In the app's kernel: no traceback, path or library stderr reaches the page (idempotent).

    - IPython's traceback display prints one plain line;
    - `sys.stderr` (warnings, libraries) goes to the server's log, not the page;
    - log records (e.g. ipykernel's "Exception opening comm …" with its traceback) go to the
      server's log in full, and the page gets `PLAIN_ERROR`;
    - the kernel's address space is capped at `memory_mb` [MB] (default
      `Limits.kernel_memory_mb`), so a runaway allocation fails with MemoryError in this kernel
      instead of taking the machine.
    """
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - always present in a Jupyter kernel
        return
    shell = get_ipython()
    if shell is None or getattr(shell, "_explorer_guarded", False):
        return

    def plain(*args: Any, **kwargs: Any) -> None:
        print(PLAIN_ERROR)

    shell.showtraceback = plain
    shell.showsyntaxerror = plain
    page_stream = sys.stdout
    # ipykernel captures file descriptor 2 into the page's stderr stream; point it back at the
    # process's real stderr (the server's log), so C-level and sys.__stderr__ writes stay there.
    original_fd = getattr(sys.stderr, "_original_stdstream_copy", None)
    if original_fd is not None:
        try:
            os.dup2(original_fd, 2)
        except OSError:
            pass
    sys.stderr = _ToServerLog()
    root = logging.getLogger()
    for logger in [root, *(logging.getLogger(n) for n in list(logging.root.manager.loggerDict))]:
        for handler in list(getattr(logger, "handlers", [])):
            if isinstance(handler, logging.StreamHandler) and handler.stream not in (
                sys.__stderr__,
                sys.__stdout__,
            ):
                handler.setStream(_ToServerLog())
    root.addHandler(_PlainToPage(page_stream))
    _cap_memory(Limits.from_env().kernel_memory_mb if memory_mb is None else memory_mb)
    shell._explorer_guarded = True


def _cap_memory(memory_mb: int) -> None:
    try:
        import resource
    except ImportError:  # pragma: no cover - not on Windows
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = memory_mb * (1 << 20)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    if soft == resource.RLIM_INFINITY or soft > limit:
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
