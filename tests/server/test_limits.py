"""Kernel limits, the rate limiter, the busy and error pages, and the unused-kernel sweep."""

from __future__ import annotations

import re

import pytest

from explorer.server.limits import Limits, RateLimiter, default_max_kernels, page
from explorer.server.tracker import KernelTracker

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
    assert Limits.from_env({}).kernel_max_age == 4 * 3600.0
    for bad in ("0", "-3", "many", "nan"):
        with pytest.raises(ValueError, match="EXPLORER_MAX_KERNELS"):
            Limits.from_env({"EXPLORER_MAX_KERNELS": bad})


def test_the_rate_limiter_counts_per_address_in_a_sliding_minute():
    rate = RateLimiter(per_minute=3)
    assert [rate.allow("a", t) for t in (0, 10, 20, 30)] == [True, True, True, False]
    assert rate.allow("b", 30)  # another address has its own budget
    assert not rate.allow("a", 59.9)
    assert rate.allow("a", 60.0)  # the visit at 0 s has left the window


def test_the_rate_limiter_table_stays_bounded_and_forgets_the_oldest_client_first():
    rate = RateLimiter(per_minute=1, max_clients=100)
    assert rate.allow("192.0.2.1", now=0.0)
    for i in range(5_000):
        rate.allow(f"198.51.{i // 256}.{i % 256}", now=1.0)
        if i < 98:  # the first client stays in the table (and over its limit) while there is room
            assert not rate.allow("192.0.2.1", now=1.0)
    assert len(rate._seen) <= 100
    # a busy client keeps its place: a flood of new addresses does not reset everyone's limit
    rate = RateLimiter(per_minute=1, max_clients=3)
    assert rate.allow("192.0.2.1", now=0.0)
    for i in range(10):
        rate.allow(f"198.51.100.{i}", now=1.0)
        assert not rate.allow("192.0.2.1", now=1.0)  # seen again: the most recent, never evicted


def test_an_ipv6_subscriber_prefix_is_one_client():
    rate = RateLimiter(per_minute=2)
    assert rate.allow("2001:db8:1:2::1", 0.0) and rate.allow("2001:db8:1:2:ffff::9", 0.0)
    assert not rate.allow("2001:db8:1:2:abcd::1", 0.0)  # same /64
    assert rate.allow("2001:db8:1:3::1", 0.0)  # another /64
    assert rate.allow("::ffff:192.0.2.7", 0.0) and rate.allow("192.0.2.7", 0.0)
    assert not rate.allow("192.0.2.7", 0.0)  # an IPv4-mapped address is that IPv4 address


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
    track = KernelTracker(Limits(max_kernels=4, unused_kernel_grace=60))
    track.served = {"k-bot": 0.0, "k-visitor": 0.0, "k-gone": 0.0}
    track.connected.add("k-visitor")
    km.ids.remove("k-gone")  # shut down by its tab already
    assert track.sweep(km, now=59.0) == []
    assert track.sweep(km, now=61.0) == ["k-bot"]
    assert km.shut == ["k-bot"] and km.ids == ["k-visitor"]
    assert track.served == {}


def test_a_kernel_older_than_the_maximum_age_is_shut_down_connected_or_not():
    km = FakeKernelManager(["k-old", "k-young"])
    track = KernelTracker(Limits(max_kernels=4, kernel_max_age=3600))
    track.connected |= {"k-old", "k-young"}
    track.born = {"k-old": 0.0, "k-young": 3000.0}
    assert track.sweep(km, now=3500.0) == []
    assert track.sweep(km, now=3601.0) == ["k-old"]
    assert km.ids == ["k-young"]


def test_pages_still_starting_count_against_the_kernel_limit():
    km = FakeKernelManager(["v1", "gone-but-listed-elsewhere"])
    track = KernelTracker(Limits(max_kernels=3))
    track.born = {"v1": 0.0, "v-dead": 0.0}
    track.starting = {"192.0.2.1": 1, "192.0.2.2": 1}  # two visits admitted, kernels not known
    alive = set(km.list_kernel_ids())
    assert track.visitor_kernels(alive) == 3  # v1 + the two starting; v-dead is no longer alive


def test_kernels_no_page_was_served_with_are_not_visitors():
    # the preheated pool, and a pool kernel still starting (not in the pool yet), hold no page
    km = FakeKernelManager(["p1", "p2", "p3-starting", "v1"])
    track = KernelTracker(Limits(max_kernels=1))
    track.born = {"v1": 0.0}
    assert track.visitor_kernels(set(km.list_kernel_ids())) == 1


@pytest.mark.parametrize("status", [400, 403, 404, 405, 500, 503])
def test_the_error_template_is_the_error_page(status):
    # Voila's and Jupyter Server's handlers render the explorer template's error.html (and 404.html)
    import jinja2

    from explorer.server.standalone import ERROR_TEMPLATES

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(ERROR_TEMPLATES)), autoescape=True)
    for name in ("error.html", "404.html"):
        html = env.get_template(name).render(status_code=status, message="x", exception="y")
        assert html.strip() == page(status).strip()
