"""A visitor's first request, shared by the serving benchmark and the serving tests: GET the app
page from one loopback source address (each address is its own visitor to the per-address
kernel share) and read the kernel id Voila rendered into the page.

Not a benchmark (it has no command line): `benchmarks/serving_bench.py` imports it from its own
folder, the tests from the `pythonpath` pytest's settings in pyproject.toml give them.
"""

from __future__ import annotations

import http.client
import re

# the id of the kernel a Voila page was rendered with, as the page's script holds it
KERNEL_ID = re.compile(r'"kernelId":\s*"([0-9a-f-]{36})"')


def kernel_id(html: str) -> str | None:
    """The kernel id in a served page's HTML (None when the page has none, e.g. a busy page).

    Examples
    --------
    >>> kernel_id('{"kernelId": "0123abcd-0000-4000-8000-00000000abcd"}')
    '0123abcd-0000-4000-8000-00000000abcd'
    >>> kernel_id("<p>busy</p>") is None
    True
    """
    found = KERNEL_ID.search(html)
    return found.group(1) if found else None


def visit_from(port: int, source: str, path: str = "/") -> tuple[int, str | None]:
    """GET `path` of the server on 127.0.0.1:`port` from the loopback address `source` (e.g.
    127.0.0.2); (HTTP status, the page's kernel id or None)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120, source_address=(source, 0))
    try:
        conn.request("GET", path)
        reply = conn.getresponse()
        html = reply.read().decode()
    finally:
        conn.close()
    return reply.status, kernel_id(html)
