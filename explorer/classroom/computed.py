"""The lessons' scenarios, computed once per process.

The exercises, their traps, hints, the fact-check and the teacher's pack ask the core for the
same few dozen scenarios again and again: checking one student answer computes the exercise's
result and each trap's value, and each is a call to `explorer.compute` (about 3–9 ms). The core is
pure, so a scenario is a function of its inputs alone; this module keeps each one it has computed.

An exercise's answer and its traps' values are kept the same way (`kept`): checking one typed
answer asks for them a dozen times, and some (lesson 4's runs) take 50–80 ms each.

A kept Dataset's arrays are read-only and each caller gets its own shallow copy, so no caller can
change what another reads: assigning a variable changes the copy only, and writing into an array
raises ``ValueError`` instead of moving every later answer.
"""

from __future__ import annotations

import functools
import weakref
from collections.abc import Callable, Hashable
from typing import Any

import numpy as np
import xarray as xr

from ..scenario import compute as _core_compute

#: how many distinct scenarios are kept (the lessons ask for fewer than 200)
KEPT = 512
_SEQ = object()  # marks a list or tuple input in a key (no input value can be it)


def compute(*args: Any, **inputs: Any) -> xr.Dataset:
    """`explorer.compute`, kept per set of inputs (lists and tuples as tuples).

    Inputs that cannot be kept (an array, a dict) go to the core every time.

    Examples
    --------
    >>> a = compute(site_power=300, chip="trn2")
    >>> b = compute(site_power=300, chip="trn2")
    >>> a is b, float(a.it_power) == float(b.it_power)
    (False, True)
    >>> a.it_power.values[()] = 0.0
    Traceback (most recent call last):
    ...
    ValueError: assignment destination is read-only
    """
    key = (tuple(_kept(a) for a in args), tuple(sorted((k, _kept(v)) for k, v in inputs.items())))
    try:
        hash(key)
    except TypeError:
        return _core_compute(*args, **inputs)
    return _computed(key).copy(deep=False)


def _kept(value: Any) -> Hashable:
    if isinstance(value, list | tuple):
        return (_SEQ, type(value) is list, tuple(_kept(v) for v in value))
    return value


def _given(value: Hashable) -> Any:
    if isinstance(value, tuple) and len(value) == 3 and value[0] is _SEQ:
        items = [_given(v) for v in value[2]]
        return items if value[1] else tuple(items)
    return value


@functools.lru_cache(maxsize=KEPT)
def _computed(key: tuple) -> xr.Dataset:
    args, inputs = key
    ds = _core_compute(*(_given(a) for a in args), **{k: _given(v) for k, v in inputs})
    for var in ds.variables.values():
        if isinstance(var.data, np.ndarray):
            var.data.flags.writeable = False
    return ds


# a `kept` wrapper → its value, once computed; by the wrapper itself, not its id(), which
# Python reuses once a wrapper is freed (round 52: a doctest's throwaway exercise read an old
# one's answer)
_KEPT_VALUES: weakref.WeakKeyDictionary[Callable[[], Any], Any] = weakref.WeakKeyDictionary()


def kept(value: Callable[[], Any]) -> Callable[[], Any]:
    """`value`, a function of nothing (an exercise's answer, a trap's value), computed once per
    process; `forget` computes it again.

    Examples
    --------
    >>> calls = []
    >>> answer = kept(lambda: calls.append(1) or 2.5)
    >>> answer(), answer(), len(calls)
    (2.5, 2.5, 1)
    >>> forget(); answer(), len(calls)
    (2.5, 2)
    """
    if getattr(value, "_explorer_kept", False):
        return value

    @functools.wraps(value)
    def once() -> Any:
        try:
            return _KEPT_VALUES[once]
        except KeyError:
            out = _KEPT_VALUES[once] = value()
            return out

    once._explorer_kept = True  # type: ignore[attr-defined]
    return once


def forget() -> None:
    """Compute every kept scenario and value again (after a test changed what they read)."""
    _computed.cache_clear()
    _KEPT_VALUES.clear()
