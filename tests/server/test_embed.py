"""Embedding the app in another site: the app page (and only it) allows framing by any site, its
cookies work in a third-party iframe, and the kernel-owner checks still refuse a request without
the page's own token (with or without a cookie)."""

from __future__ import annotations

import inspect
import re
import time
import unittest.mock
import urllib.error
import urllib.parse
import urllib.request

import pytest
import tornado.web
from conftest import eventually
from tornado.httputil import HTTPHeaders, HTTPServerRequest, RequestStartLine

from explorer.server import embedding

from .conftest import KERNEL_ID, LIMITS

TOKEN = re.compile(r'var t="_xsrf=([0-9A-Za-z|_-]+)"')


# ------------------------------------------------------------------------------ pure parts
@pytest.mark.parametrize(
    ("policy", "expected"),
    [
        (
            "frame-ancestors 'self'; report-uri /api/security/csp-report",
            "frame-ancestors *; report-uri /api/security/csp-report",
        ),
        ("default-src 'none'; frame-ancestors 'self'", "default-src 'none'; frame-ancestors *"),
        ("default-src 'self'", "default-src 'self'; frame-ancestors *"),
        ("", "frame-ancestors *"),
    ],
)
def test_only_the_frame_ancestors_directive_changes(policy, expected):
    assert embedding.frame_anywhere(policy) == expected


def _request(url: str, **headers: str) -> HTTPServerRequest:
    parts = urllib.parse.urlsplit(url)
    request = HTTPServerRequest(
        start_line=RequestStartLine("GET", parts.path or "/", "HTTP/1.1"),
        headers=HTTPHeaders({"Host": parts.netloc, **headers}),
        connection=unittest.mock.Mock(),
    )
    request.protocol = parts.scheme  # what tornado's server sets from the connection
    return request


@pytest.mark.parametrize(
    ("url", "headers", "secure"),
    [
        ("https://hub.example.org/voila/render/x", {}, True),
        ("http://10.0.0.5:8888/", {"X-Forwarded-Proto": "https"}, True),  # Binder's proxy
        ("http://127.0.0.1:8866/", {}, True),
        ("http://127.1.2.3:8866/", {}, True),
        ("http://localhost:8866/", {}, True),
        ("http://[::1]:8866/", {}, True),
        ("http://192.168.1.20:8866/", {}, False),  # plain http on a LAN: no Secure cookie
        ("http://app.example.org/", {"X-Forwarded-Proto": "http"}, False),
    ],
)
def test_a_secure_origin_is_https_a_proxy_saying_https_or_loopback(url, headers, secure):
    assert embedding.secure_origin(_request(url, **headers)) is secure


@pytest.mark.parametrize(
    ("url", "partitioned"), [("http://127.0.0.1:8866/", True), ("http://192.168.1.20/", False)]
)
def test_cookies_a_handler_sets_become_partitioned_on_a_secure_origin_only(url, partitioned):
    class Handler(embedding.EmbeddableCookies, tornado.web.RequestHandler):
        pass

    handler = Handler(tornado.web.Application(), _request(url))
    handler.set_cookie("_xsrf", "2|ab|cd|1", path="/")
    handler._transforms = []  # set by tornado when it runs the handler
    handler.flush()  # tornado writes the Set-Cookie headers of the cookies it still holds
    written = handler._headers.get_list("Set-Cookie")
    assert len(written) == 1 and written[0].startswith("_xsrf=2|ab|cd|1")
    attributes = {a.strip().lower() for a in written[0].split(";")[1:]}
    wanted = {"samesite=none", "secure", "partitioned"}
    assert (wanted <= attributes) is partitioned
    assert "path=/" in attributes


def test_the_internals_the_embedding_relies_on_exist():
    from jupyter_server.base.handlers import JupyterHandler
    from voila.shutdown_kernel_handler import VoilaShutdownKernelHandler

    assert isinstance(inspect.getattr_static(JupyterHandler, "content_security_policy"), property)
    assert callable(VoilaShutdownKernelHandler.check_xsrf_cookie)


def test_the_fallback_script_carries_only_a_token():
    script = embedding.xsrf_fallback_script("2|1a2b|3c4d|1796136056")
    assert TOKEN.search(script).group(1) == "2|1a2b|3c4d|1796136056"
    for hostile in ('"</script><script>alert(1)</script>', "a b", "x" * 201, ""):
        assert embedding.xsrf_fallback_script(hostile) == ""


# ------------------------------------------------------------------------------ live servers
@pytest.fixture(scope="module")
def server_limits() -> dict[str, str]:
    """Room for every page these tests open (six on `app_server`, none of them connected): with
    the shared cap of 4, the last test waited out the others' 60 s grace for the busy page to
    go. The cap itself is tested in test_live.py and test_redteam.py."""
    return {**LIMITS, "EXPLORER_MAX_KERNELS": "8"}


def _page(server, **headers: str) -> tuple[int, str, dict, list[str]]:
    """GET the app page: status, HTML, headers and its Set-Cookie lines (waiting while the
    small kernel limit serves the busy page: unconnected pages' kernels go after the grace; the
    deadline only bounds that wait)."""
    req = urllib.request.Request(server.url(server.page_path), headers=headers)
    deadline = time.monotonic() + 180
    while True:
        try:
            with urllib.request.urlopen(req, timeout=60) as r:
                cookies = r.headers.get_all("Set-Cookie") or []
                return r.status, r.read().decode(), dict(r.headers), cookies
        except urllib.error.HTTPError as e:
            if e.code != 503 or time.monotonic() > deadline:
                raise
            time.sleep(1)


def _page_token(server) -> tuple[str, str, str]:
    """A fresh page's kernel id, its rendered token and its `_xsrf` cookie value."""
    _, html, _, cookies = _page(server)
    cookie = next(c.split(";")[0].split("=", 1)[1] for c in cookies if c.startswith("_xsrf="))
    kernel, token = KERNEL_ID.search(html), TOKEN.search(html)
    assert kernel and token, html[-3000:]  # which page came back instead
    return kernel.group(1), token.group(1), cookie


@pytest.mark.slow
def test_the_app_page_may_be_framed_by_any_site_and_keeps_its_other_headers(any_server):
    status, html, headers, cookies = _page(any_server)
    assert status == 200
    policy = headers["Content-Security-Policy"]
    assert "frame-ancestors *" in policy and "'self'" not in policy
    assert "report-uri" in policy  # Jupyter Server's other directive is kept
    assert headers["X-Content-Type-Options"] == "nosniff"
    # the page's cookies are kept by a third-party iframe (loopback is a secure origin)
    xsrf = next(c for c in cookies if c.startswith("_xsrf="))
    attributes = {a.strip().lower() for a in xsrf.split(";")[1:]}
    assert {"samesite=none", "secure", "partitioned"} <= attributes
    assert TOKEN.search(html), "the page carries its token for browsers that keep no cookie"


@pytest.mark.slow
def test_every_other_route_keeps_frame_ancestors_self(binder_server):
    # JupyterLab shares the Binder server: it must not become frameable by other sites
    for path in ("/api/status", "/lab"):
        status, _, headers = binder_server.get(path)
        assert status == 200, path
        assert "frame-ancestors 'self'" in headers["Content-Security-Policy"], path


@pytest.mark.slow
def test_on_plain_http_elsewhere_the_cookie_stays_as_tornado_sets_it(app_server):
    # a LAN address on plain http: a Secure cookie would be dropped, so none is made Secure
    status, html, headers, cookies = _page(app_server, Host="app.example")
    assert status == 200
    cookie = next(c for c in cookies if c.startswith("_xsrf="))
    assert "secure" not in cookie.lower() and "partitioned" not in cookie.lower()
    assert "frame-ancestors *" in headers["Content-Security-Policy"]
    assert TOKEN.search(html)  # the page's token is what an embed there works with


@pytest.mark.slow
def test_the_kernel_model_needs_the_token_of_the_page_served_with_it(app_server):
    mine, my_token, my_cookie = _page_token(app_server)
    theirs, their_token, _ = _page_token(app_server)

    def read(kernel, headers):
        return app_server.get(f"/api/kernels/{kernel}", headers=headers)[0]

    assert read(mine, {"X-XSRFToken": my_token}) == 200  # embedded, no cookie: rendered token
    assert read(mine, {"X-XSRFToken": my_token, "Cookie": f"_xsrf={my_cookie}"}) == 200
    assert read(mine, {}) == 404  # a kernel id alone
    assert read(mine, {"Cookie": f"_xsrf={my_cookie}"}) == 404  # a cookie without the token
    assert read(mine, {"X-XSRFToken": their_token}) == 404  # another page's token
    assert read(mine, {"X-XSRFToken": my_token, "Cookie": f"_xsrf={their_token}"}) == 404
    assert read(mine, {"X-XSRFToken": "2|00|00|0"}) == 404
    assert app_server.get(f"/api/kernels/{mine}", "DELETE", headers={"X-XSRFToken": my_token})[
        0
    ] in (403, 404)
    assert read(theirs, {"X-XSRFToken": their_token}) == 200


@pytest.mark.slow
def test_the_tab_close_shutdown_needs_the_token_of_the_page_served_with_the_kernel(app_server):
    mine, my_token, my_cookie = _page_token(app_server)
    _, their_token, their_cookie = _page_token(app_server)

    def shut(token: str | None, cookie: str | None = None) -> int:
        body = b"" if token is None else urllib.parse.urlencode({"_xsrf": token}).encode()
        headers = {"Content-Type": "application/x-www-form-urlencoded"}
        if cookie:
            headers["Cookie"] = f"_xsrf={cookie}"
        req = urllib.request.Request(
            app_server.url(f"/voila/api/shutdown/{mine}"), data=body, method="POST", headers=headers
        )
        try:
            with urllib.request.urlopen(req, timeout=60) as r:
                return r.status
        except urllib.error.HTTPError as e:
            return e.code

    assert shut(None) == 403  # no token, no cookie
    assert shut(their_token) == 403  # another page's token
    assert shut("2|00|00|0") == 403
    assert shut(my_token, their_cookie) == 403  # with a cookie, tornado's check: they differ
    assert mine in app_server.kernel_ids()
    assert shut(my_token) == 204  # the embedded page's beacon, without a cookie
    eventually(
        lambda: mine not in app_server.kernel_ids(),
        what=f"kernel {mine} stopped",
        seen=lambda: app_server.kernel_ids(),
    )
