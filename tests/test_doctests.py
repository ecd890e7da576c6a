"""The Examples in every module's docstrings run and give what they say (numpydoc, pvlib style):
the core, the command line, the classroom, the app (ui/) and the server."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import explorer

# every module of the package, the packages' __init__ too ("" is explorer/__init__.py itself);
# __main__ runs the CLI when imported
MODULES = [""] + sorted(
    m.name.removeprefix("explorer.")
    for m in pkgutil.walk_packages(explorer.__path__, "explorer.")
    if not m.name.endswith("__main__")
)
# the modules whose public functions must each carry an Examples section
CORE = [
    "batteries",
    "catalog",
    "classroom.factcheck",
    "classroom.lessons",
    "classroom.lessons.capstone",
    "classroom.lessons.chips",
    "classroom.lessons.city",
    "classroom.lessons.common",
    "classroom.lessons.cooling",
    "classroom.lessons.hot_weather",
    "classroom.lessons.ranges",
    "classroom.lessons.stations",
    "classroom.lessons.training_time",
    "classroom.reading",
    "cli.common",
    "cli.site",
    "climate",
    "cluster",
    "energy",
    "export",
    "grid",
    "model",
    "notes",
    "plant",
    "power",
    "psychrometrics",
    "sites",
    "systems",
    "training",
    "uncertainty",
    "units",
    "ui.cite",
    "ui.links",
    "validate",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name):
    module = importlib.import_module(f"explorer.{name}" if name else "explorer")
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
