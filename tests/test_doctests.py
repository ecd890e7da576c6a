"""The Examples in the core's docstrings run and give what they say (numpydoc, pvlib style)."""

from __future__ import annotations

import doctest
import importlib

import pytest

CORE = [
    "catalog",
    "cluster",
    "energy",
    "errors",
    "factcheck",
    "model",
    "notes",
    "params",
    "power",
    "resilience",
    "selfcheck",
    "storage",
    "systems",
    "units",
    "validate",
]


@pytest.mark.parametrize("name", CORE)
def test_docstring_examples_run(name):
    module = importlib.import_module(f"explorer.{name}")
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0


def test_the_public_functions_have_examples():
    import inspect

    missing = []
    for name in CORE:
        module = importlib.import_module(f"explorer.{name}")
        for attr, obj in vars(module).items():
            if (
                attr.startswith("_")
                or not inspect.isfunction(obj)
                or obj.__module__ != module.__name__
            ):
                continue
            if "Examples" not in (obj.__doc__ or ""):
                missing.append(f"{name}.{attr}")
    assert not missing, missing
