"""Kernel limits, the rate limiter, the busy and error pages, and the unused-kernel sweep."""

from __future__ import annotations

import re

import pytest

from explorer.server import hooks
from explorer.server.limits import Limits, RateLimiter, default_max_kernels, page

GB = 1 << 30


def test_default_kernel_limit_is_half_the_memory_at_200_mb_a_kernel():
    assert default_max_kernels(24 * GB) == 61  # 24 GiB x 0.5 / 200 MiB = 61.44
    assert default_max_kernels(2 * GB) == 5  # a 2 GB Binder pod
    assert default_max_kernels(100 * 1 << 20) == 2  # never fewer than 2
    assert default_max_kernels(1024 * GB) == 200  # never more than 200


def test_limits_come_from_the_environment_and_bad_values_name_the_variable():
    limits = Limits.from_env(
        {
            "EXPLORER_MAX_KERNELS": "8",
            "EXPLORER_KERNELS_PER_MINUTE": "3",
            "EXPLORER_UNUSED_KERNEL_GRACE": "2.5",
            "EXPLORER_KERNEL_MEMORY_MB": "900",
        }
    )
    assert (limits.max_kernels, limits.kernels_per_minute) == (8, 3)
    assert (limits.unused_kernel_grace, limits.kernel_memory_mb) == (2.5, 900)
    assert Limits.from_env({}).unused_kernel_grace == 60.0
    for bad in ("0", "-3", "many", "nan"):
        with pytest.raises(ValueError, match="EXPLORER_MAX_KERNELS"):
            Limits.from_env({"EXPLORER_MAX_KERNELS": bad})


def test_the_rate_limiter_counts_per_address_in_a_sliding_minute():
    rate = RateLimiter(per_minute=3)
    assert [rate.allow("a", t) for t in (0, 10, 20, 30)] == [True, True, True, False]
    assert rate.allow("b", 30)  # another address has its own budget
    assert not rate.allow("a", 59.9)
    assert rate.allow("a", 60.0)  # the visit at 0 s has left the window


def test_the_rate_limiter_table_stays_bounded_under_many_addresses():
    rate = RateLimiter(per_minute=1, max_clients=100)
    for i in range(10_000):
        rate.allow(f"10.0.{i // 256}.{i % 256}", now=float(i))
    assert len(rate._seen) <= 100


@pytest.mark.parametrize("status", [400, 403, 404, 405, 500, 503])
def test_every_error_page_is_self_contained(status):
    html = page(status)
    assert not re.search(r"(src|href)\s*=", html)  # loads nothing
    assert "http" not in html
    assert str(status) in html or status == 503


def test_error_page_text_is_escaped():
    html = page(404, title="<script>alert(1)</script>", message='<img src=x onerror="alert(1)">')
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html


class FakeKernelManager:
    def __init__(self, ids):
        self.ids = list(ids)
        self.shut = []
        self._pools = {}

    def list_kernel_ids(self):
        return list(self.ids)

    def shutdown_kernel(self, kid):
        self.shut.append(kid)
        self.ids.remove(kid)


def test_a_served_page_that_never_connects_loses_its_kernel_after_the_grace_time():
    km = FakeKernelManager(["k-bot", "k-visitor", "k-gone"])
    track = hooks.KernelTracker(Limits(max_kernels=4, unused_kernel_grace=60))
    track.served = {"k-bot": 0.0, "k-visitor": 0.0, "k-gone": 0.0}
    track.connected.add("k-visitor")
    km.ids.remove("k-gone")  # shut down by its tab already
    assert track.sweep(km, now=59.0) == []
    assert track.sweep(km, now=61.0) == ["k-bot"]
    assert km.shut == ["k-bot"] and km.ids == ["k-visitor"]
    assert track.served == {}


def test_visitor_kernels_do_not_count_the_preheated_pool():
    class Done:
        def __init__(self, kid):
            self.kid = kid

        def done(self):
            return True

        def cancelled(self):
            return False

        def exception(self):
            return None

        def result(self):
            return {"kernel_id": self.kid}

    km = FakeKernelManager(["p1", "p2", "v1"])
    km._pools = {"explorer.ipynb": [Done("p1"), Done("p2")]}
    assert hooks.KernelTracker(Limits(max_kernels=1)).visitor_kernels(km) == 1


def test_a_capped_kernel_gets_memory_error_instead_of_taking_the_machine():
    import subprocess
    import sys

    code = (
        "from explorer.server.hooks import _cap_memory\n"
        "import numpy\n"
        "_cap_memory(1500)\n"
        "try:\n"
        "    numpy.ones(4 * 1024**3 // 8)\n"  # 4 GiB
        "except MemoryError:\n"
        "    print('MemoryError')\n"
        "print(len(numpy.ones(10**6)))\n"
    )  # the process carries on
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.split() == ["MemoryError", "1000000"], out.stderr[-500:]
