"""The only upstream attributes the explorer replaces: where no extension point exists.

Everything else is a subclass or a setting (`connection`, `kernels`, `pages`, `standalone`,
`extension`). Each patch here names the upstream gap it works around; `PATCHED` lists them, and
`tests/server/test_drift.py` fails when a patched name or its signature changes upstream (and
when this list and the patches applied differ).
"""

from __future__ import annotations

import inspect
from typing import Any

from . import pool

#: (module, attribute, the signature the patch was written against)
PATCHED = [
    ("voila.voila_kernel_manager", "wait_before", "(delay: float, aw: Awaitable) -> Awaitable"),
]

#: (module, attribute) → the upstream object a patch replaced (for the drift test)
ORIGINALS: dict[tuple[str, str], Any] = {}


def patch_pool_refill() -> None:
    """Voila's pool sleeps ``fill_delay`` before every refill through the module function
    ``voila.voila_kernel_manager.wait_before(delay, aw)``, which ``fill_if_needed`` (defined
    inside ``voila_kernel_manager_factory``, so not reachable from a subclass without copying
    it) reads as a module global at each call. There is no hook to end a refill's delay early
    when a visitor is waiting for it; `pool.wait_before` is the same function with a delay that
    `pool.wake_refills` can end. Upstream gap: docs/upstream/voila-pool-refill.md (idempotent).
    """
    from voila import voila_kernel_manager as vkm

    if vkm.wait_before is not pool.wait_before:
        ORIGINALS.setdefault(("voila.voila_kernel_manager", "wait_before"), vkm.wait_before)
        vkm.wait_before = pool.wait_before


def apply() -> None:
    """Apply every patch of `PATCHED` (idempotent)."""
    patch_pool_refill()


def signature(module: str, attribute: str) -> str:
    """The current upstream signature of a patched name (as `PATCHED` records it)."""
    import importlib

    if (module, attribute) in ORIGINALS:
        return str(inspect.signature(ORIGINALS[module, attribute]))
    obj: Any = importlib.import_module(module)
    for part in attribute.split("."):
        obj = getattr(obj, part)
    return str(inspect.signature(obj))
