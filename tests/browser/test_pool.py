"""`explorer app --pool N`: N preheated kernels, bounded by the server's kernel limit."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import psutil
import pytest
from conftest import KERNEL_FILE, eventually, stays

from explorer.server.launch import free_port, port_in_use, voila_command


def explorer(*args: str, env: dict[str, str] | None = None, **kw) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "explorer.cli", *args],
        env={**os.environ, **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **kw,
    )


def kernels(pid: int) -> list[psutil.Process]:
    """The server's kernel processes, one per kernel: a kernel's child forked from it carries
    its command line (and its connection file) until it runs another program, and is not a
    second kernel; a process that ends while it is read is left out."""
    found: dict[str, tuple[float, psutil.Process]] = {}
    for k in psutil.Process(pid).children(recursive=True):
        try:
            ids, born = KERNEL_FILE.findall(" ".join(k.cmdline())), k.create_time()
        except psutil.Error:
            continue
        for kid in ids:
            # the kernel is the forked children's ancestor: the earliest started
            if kid not in found or born < found[kid][0]:
                found[kid] = (born, k)
    return [k for _, k in found.values()]


@pytest.mark.parametrize("pool", ["-1", "5"])
def test_a_pool_beyond_the_kernel_limit_is_one_line_and_status_2(pool):
    p = explorer("app", "--pool", pool, env={"EXPLORER_MAX_KERNELS": "4"})
    out, err = p.communicate(timeout=60)
    assert p.returncode == 2
    assert err.strip() == (
        f"explorer: error: --pool = {pool} is out of range; "
        "allowed: 0 ≤ pool ≤ 4 (the server's kernel limit)."
    )


def test_voila_gets_the_pool_size_or_no_pool():
    assert "--VoilaConfiguration.default_pool_size=7" in voila_command(pool=7)
    assert "--VoilaConfiguration.preheat_kernel=False" in voila_command(pool=0)
    assert not any("pool" in a or "preheat" in a for a in voila_command())


def test_pool_of_three_preheats_three_kernels_and_sigterm_stops_them_all():
    port = free_port(start=9400)
    p = explorer("app", "--port", str(port), "--pool", "3", start_new_session=True)
    found: list[psutil.Process] = []
    try:
        count = lambda: len(kernels(p.pid))  # noqa: E731
        eventually(lambda: count() >= 3, what="the pool's 3 kernels", seen=count, timeout=180)
        # Nothing the server shows marks "the pool is full and no more will start": a bounded
        # negative check that no fourth kernel starts in the next 3 s (Voila fills its pool all
        # at once; a slow machine can only make a wrong fourth kernel come too late to be seen).
        stays(lambda: count() == 3, what="exactly 3 kernels", seconds=3, seen=count)
        found = kernels(p.pid)
    finally:
        p.send_signal(signal.SIGTERM)  # to `explorer app` only: it is the server (exec)
        p.wait(timeout=60)
    gone, alive = psutil.wait_procs(found, timeout=60)  # bounds the wait for the stop
    assert alive == []
    assert not port_in_use(port)
