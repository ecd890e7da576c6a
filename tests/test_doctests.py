"""The Examples in the core's docstrings run and give what they say (numpydoc, pvlib style)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import explorer

# every module of the core package (ui/ and server/ are the app's, tested in a browser)
MODULES = sorted(
    m.name for m in pkgutil.iter_modules(explorer.__path__) if not m.ispkg and m.name != "__main__"
)
# the modules whose public functions must each carry an Examples section
CORE = [
    "catalog",
    "cite",
    "cli_site",
    "climate",
    "cluster",
    "energy",
    "export",
    "factcheck",
    "grid",
    "model",
    "notes",
    "params",
    "power",
    "resilience",
    "selfcheck",
    "storage",
    "systems",
    "training",
    "uncertainty",
    "units",
    "validate",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name):
    module = importlib.import_module(f"explorer.{name}")
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0
    if name in CORE:
        assert result.attempted > 0, f"explorer.{name} has no runnable example"


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
