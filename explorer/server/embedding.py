"""The app page may be framed by any site, and works there.

The app is public, read-only and has no login, so a clickjacking frame gains nothing: the app
page answers ``frame-ancestors *`` (`frame_anywhere`; every other directive and header is kept,
and every other route keeps Jupyter Server's ``frame-ancestors 'self'``). In a third-party iframe
a browser keeps no ordinary cookie (SameSite=Lax by default; third-party cookies blocked), so the
cookies the page response sets get ``SameSite=None; Secure; Partitioned`` (CHIPS: kept per
embedding site) whenever the browser sees a secure origin (`secure_origin`); and the page carries
its own `_xsrf` token (`xsrf_fallback_script`), which it sends as the ``X-XSRFToken`` header and
the ``_xsrf`` form field when the browser kept no cookie at all. The kernel-owner checks
(`owns_kernel`) accept that token only if it is the one the server gave the page served with
that kernel.
"""

from __future__ import annotations

import hmac
import ipaddress
import json
import re
from typing import Any

from .tracker import tracker

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


def partitioned_cookie(name: str, value: str, **attributes: Any) -> str:
    """A ``Set-Cookie`` value with ``SameSite=None; Secure; Partitioned`` added to `attributes`
    (the ones tornado's ``set_cookie`` takes: ``path``, ``expires_days``, ``httponly``, …).

    Partitioned (CHIPS) cookies are kept per top-level site: one set while the page is embedded
    on a journalist's site is sent only to frames under that site, and one set on a top-level
    visit only to top-level visits, so no other site's page can send them along. Browsers
    without CHIPS ignore the attribute. Python 3.11's ``http.cookies`` has no ``Partitioned``
    attribute, so it is appended here.

    Examples
    --------
    >>> partitioned_cookie("_xsrf", "2|ab|cd|1", path="/")
    '_xsrf=2|ab|cd|1; Path=/; SameSite=None; Secure; Partitioned'
    """
    import http.cookies
    import time

    jar: http.cookies.SimpleCookie = http.cookies.SimpleCookie()
    jar[name] = value
    morsel = jar[name]
    days = attributes.pop("expires_days", None)
    if days is not None and attributes.get("expires") is None:
        attributes["expires"] = time.strftime(
            "%a, %d %b %Y %H:%M:%S GMT", time.gmtime(time.time() + 86400 * days)
        )
    for key, val in attributes.items():
        if val is None or val is False:
            continue
        key = {"max_age": "max-age"}.get(key, key)
        if key == "expires" and not isinstance(val, str):
            val = time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime(float(val)))
        morsel[key] = val
    morsel["samesite"] = "None"
    morsel["secure"] = True
    return morsel.OutputString(None) + "; Partitioned"


class EmbeddableCookies:
    """A handler mixin: on a secure origin (`secure_origin`) every cookie the response sets is
    ``SameSite=None; Secure; Partitioned`` (`partitioned_cookie`), so a third-party iframe of
    the page keeps it; elsewhere tornado's ``set_cookie`` is used unchanged."""

    def set_cookie(self, name: str, value: str | bytes, *args: Any, **kwargs: Any) -> None:
        if not secure_origin(self.request):
            return super().set_cookie(name, value, *args, **kwargs)
        names = ("domain", "expires", "path", "expires_days")
        attributes = {**dict(zip(names, args, strict=False)), **kwargs}
        attributes.setdefault("path", "/")
        attributes.pop("samesite", None)
        attributes.pop("secure", None)
        text = value.decode() if isinstance(value, bytes) else value
        self.add_header("Set-Cookie", partitioned_cookie(name, text, **attributes))
        return None


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
