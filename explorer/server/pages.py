"""The explorer's request handlers: Voila's and Jupyter Server's, subclassed (none replaced).

`explorer app` registers them in place of Voila's (`standalone.ExplorerVoila.init_handlers`);
the Binder extension puts them in place of the ones Voila's server extension registered
(`extension.use_explorer_handlers`).

- `ExplorerVoilaHandler` (the app page): a visit is admitted (`tracker.KernelTracker.admit`:
  visitor-kernel cap, per-address share, per-address rate) or gets the self-contained busy page
  (503); the response sets the `_xsrf` cookie (the tab-close shutdown needs it, Voila #1458),
  partitioned on a secure origin, and the page carries its token for browsers that keep no
  cookie (`embedding`); ``frame-ancestors *``; the visit's kernel is the one the kernel manager
  handed it (`tracker.VISIT`).
- `own_kernel_handler`: a kernel's REST model only for the page served with it; never DELETE.
- `ExplorerShutdownHandler`: the tab-close shutdown without a cookie needs that page's token.
- `QuerySocketHandler`: Voila's request-info socket for the server's own kernels only.
- `TemplateStaticHandler`: template URLs not of the form ``<template>/static/<file>`` inside the
  template's folder → 404 (Voila's asserts the form: a traversal answered 500 with a traceback).
- `NotFoundHandler`: ``/logout`` (Voila's answered 500).
"""

from __future__ import annotations

import hmac
import logging
import os
import posixpath
import secrets
import time
from typing import Any
from urllib.parse import unquote

from tornado import web
from voila.request_info_handler import RequestInfoSocketHandler
from voila.shutdown_kernel_handler import VoilaShutdownKernelHandler
from voila.static_file_handler import TemplateStaticFileHandler
from voila.tornado.handler import TornadoVoilaHandler

from .embedding import EmbeddableCookies, frame_anywhere, owns_kernel, xsrf_fallback_script
from .limits import page
from .tracker import VISIT, Visit, tracker

QUERY_SECRET_ENV = "EXPLORER_QUERY_SECRET"
log = logging.getLogger("explorer.server")


def query_secret() -> str:
    """The secret the server's kernels prove themselves with on the request-info socket (made
    once per server; kernels inherit it from the environment; the page never sees it)."""
    if not os.environ.get(QUERY_SECRET_ENV):  # unset or empty: an empty secret admits anyone
        os.environ[QUERY_SECRET_ENV] = secrets.token_urlsafe(32)
    return os.environ[QUERY_SECRET_ENV]


class ExplorerVoilaHandler(EmbeddableCookies, TornadoVoilaHandler):
    """The app page (module docstring)."""

    @property
    def content_security_policy(self) -> str:
        return frame_anywhere(super().content_security_policy)

    async def get_generator(self, path: str | None = None):
        track = tracker()
        km = self.kernel_manager
        track.start(km)
        client = self.request.remote_ip or "?"
        refused = track.admit(client, set(km.list_kernel_ids()), time.monotonic())
        if refused:
            log.warning("busy page for %s (%s)", client, refused)
            self.set_status(503)
            self.set_header("Retry-After", "60")
            yield page(503)
            return
        discard_failed = getattr(km, "discard_failed", None)  # a pooled manager (`kernels`)
        if discard_failed is not None:
            discard_failed(self.notebook_path or path)
        token = self.xsrf_token.decode()  # tornado sets the cookie with the response headers
        fallback = xsrf_fallback_script(token)
        visit = Visit()
        reset = VISIT.set(visit)
        known = False
        try:
            async for snippet in super().get_generator(path=path):
                if fallback and "<head>" in snippet:
                    snippet = snippet.replace("<head>", "<head>" + fallback, 1)
                    fallback = ""
                if not known and visit.kernel_id is not None:
                    known = True
                    raw = self._get_raw_xsrf_token()[1]
                    track.got_kernel(visit.kernel_id, client, raw, time.monotonic())
                yield snippet
        finally:
            try:
                VISIT.reset(reset)
            except ValueError:  # closed from another context: nothing of ours is set there
                pass
            now = time.monotonic()
            if not known and visit.kernel_id is not None:
                track.got_kernel(visit.kernel_id, client, self._get_raw_xsrf_token()[1], now)
            track.visit_ended(visit.kernel_id, client, now)


def own_kernel_handler(base: type) -> type:
    """A subclass of Jupyter Server's `KernelHandler` `base`: the page reads its own kernel's
    model (GET) with the `_xsrf` token of the page that was served with that kernel, and
    nothing else; DELETE is closed (the page shuts its kernel down through
    ``/voila/api/shutdown``)."""

    class OwnKernel(base):
        async def get(self, kernel_id: str) -> None:
            if not owns_kernel(self, kernel_id):
                raise web.HTTPError(404)
            await super().get(kernel_id)

        async def delete(self, kernel_id: str) -> None:
            raise web.HTTPError(404)

    OwnKernel.__name__ = OwnKernel.__qualname__ = "OwnKernelHandler"
    return OwnKernel


class ExplorerShutdownHandler(VoilaShutdownKernelHandler):
    """Voila's tab-close shutdown: a request without an `_xsrf` cookie passes the xsrf check
    only with the token of the page served with that kernel (`owns_kernel`); with a cookie,
    tornado's own check applies unchanged."""

    def check_xsrf_cookie(self) -> None:
        if (
            getattr(self, "_jupyter_current_user", None) is not None
            and self.get_cookie("_xsrf") is None
            and self.path_args
            and owns_kernel(self, self.path_args[0])
        ):
            return None
        return super().check_xsrf_cookie()


class QuerySocketHandler(RequestInfoSocketHandler):
    """Voila's ``/voila/query/<kernel id>`` socket, for the server's own live kernels only.

    Upstream (voila/request_info_handler.py) accepts any id from anyone: a visitor could read the
    request info meant for another visitor's pooled kernel, and its `on_close` removes the last
    waiter in the table when the closing socket is not in it (docs/upstream/voila-request-info.md).
    """

    async def get(self, *args: Any, **kwargs: Any) -> None:
        given = self.request.headers.get("X-Explorer-Kernel-Secret", "")
        kernel_id = kwargs.get("kernel_id") or (args[0] if args else "")
        km = self.settings.get("kernel_manager")
        if not given or not hmac.compare_digest(given.encode(), query_secret().encode()):
            log.warning("refused a request-info socket without the kernel secret")
            raise web.HTTPError(403)
        if km is None or kernel_id not in km.list_kernel_ids():
            raise web.HTTPError(404)
        await super().get(*args, **kwargs)

    def on_close(self) -> None:
        waiters = RequestInfoSocketHandler._waiters  # the table Voila's page handler writes to
        for kid, waiter in list(waiters.items()):
            if waiter is self:
                del waiters[kid]


def template_static_parts(path: str) -> tuple[str, str] | None:
    """(template, file) of a template static URL path ``<template>/static/<file>``, or None when
    the path has another form or leaves the template's folder (``..``, absolute, ``%2f``).

    Examples
    --------
    >>> template_static_parts("explorer/static/index.css")
    ('explorer', 'index.css')
    >>> template_static_parts("explorer/static/../../../../etc/passwd") is None
    True
    >>> template_static_parts("explorer") is None
    True
    >>> template_static_parts("explorer/static/%2e%2e/%2e%2e/x") is None
    True
    """
    decoded = unquote(unquote(path))
    if "\\" in decoded or "\x00" in decoded:
        return None
    parts = decoded.split("/", 2)
    if len(parts) != 3 or parts[1] != "static" or not parts[0] or not parts[2]:
        return None
    template, rest = parts[0], parts[2]
    normal = posixpath.normpath(rest)
    if template in (".", "..") or normal.startswith(("/", "..")) or normal == ".":
        return None
    return template, normal


class TemplateStaticHandler(TemplateStaticFileHandler):
    """Voila's template static files; any other form of URL is a 404 (module docstring)."""

    def parse_url_path(self, path: str) -> str:
        if template_static_parts(path) is None:
            raise web.HTTPError(404)
        return super().parse_url_path(path)


class NotFoundHandler(web.RequestHandler):
    """Always 404, with the self-contained error page."""

    def prepare(self) -> None:
        raise web.HTTPError(404)

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.finish(page(status_code))
