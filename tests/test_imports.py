"""The package's imports draw its layers: no cycle between modules, no `_private` name taken from
another module, and the core below everything else.

The imports are read with `ast` from every file under explorer/ (those inside functions too; only
``if TYPE_CHECKING:`` blocks are left out, as they never run). ``from . import x`` where ``x`` is a
module counts as importing ``x``; ``from .pkg import name`` as importing ``pkg`` (its
``__init__``), plus ``pkg.name`` when that is a module.

Layers: the core (the modules directly in explorer/) imports nothing from cli/, classroom/, ui/ or
server/; ui/ imports neither classroom/ nor cli/.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "explorer"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


@dataclass(frozen=True)
class Import:
    source: str  # the importing module
    target: str  # the imported module
    names: tuple[str, ...]  # the names taken from it (empty for `import x`)
    line: int


@dataclass(frozen=True)
class PrivateUse:
    source: str
    target: str
    name: str
    line: int


def _runtime_nodes(tree: ast.AST) -> Iterator[ast.AST]:
    """Every node, except the bodies of ``if TYPE_CHECKING:``."""
    stack = [tree]
    while stack:
        node = stack.pop()
        yield node
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                stack.extend(child.orelse)
                continue
            stack.append(child)


def _resolve(source: str, is_package: bool, level: int, module: str | None) -> str:
    if level == 0:
        return module or ""
    base = source.split(".")
    base = base if is_package else base[:-1]
    base = base[: len(base) - (level - 1)]
    return ".".join(base + ([module] if module else []))


def imports_of(name: str) -> tuple[list[Import], list[PrivateUse]]:
    path = MODULES[name]
    is_package = path.name == "__init__.py"
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[Import] = []
    aliases: dict[str, str] = {}  # local name -> explorer module it is bound to
    for node in _runtime_nodes(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "explorer" and alias.name in MODULES:
                    found.append(Import(name, alias.name, (), node.lineno))
                    if alias.asname:
                        aliases[alias.asname] = alias.name
        elif isinstance(node, ast.ImportFrom):
            target = _resolve(name, is_package, node.level, node.module)
            if target.split(".")[0] != "explorer" or target not in MODULES:
                continue
            plain = []
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                if sub in MODULES:  # `from . import model`: the module itself
                    found.append(Import(name, sub, (), node.lineno))
                    aliases[alias.asname or alias.name] = sub
                else:
                    plain.append(alias.name)
            if plain or not node.names:
                found.append(Import(name, target, tuple(plain), node.lineno))
    private = [
        PrivateUse(name, i.target, n, i.line)
        for i in found
        for n in i.names
        if _is_private(n) and i.target != name
    ]
    for node in _runtime_nodes(tree):  # `model._site_inputs` through an imported module
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in aliases
            and _is_private(node.attr)
            and aliases[node.value.id] != name
        ):
            private.append(PrivateUse(name, aliases[node.value.id], node.attr, node.lineno))
    return found, private


def _is_private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


@cache
def graph() -> dict[str, tuple[list[Import], list[PrivateUse]]]:
    """Every module's imports and private uses, read once per process when a test first asks
    (not while the tests are collected)."""
    return {name: imports_of(name) for name in MODULES}


def cycles() -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), each sorted."""
    edges = {m: sorted({i.target for i in graph()[m][0] if i.target != m}) for m in MODULES}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in edges[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in MODULES:
        if v not in index:
            visit(v)
    return sorted(found)


def _edges_within(component: list[str]) -> list[str]:
    members = set(component)
    return sorted(
        {
            f"{i.source} -> {i.target} (line {i.line})"
            for m in component
            for i in graph()[m][0]
            if i.target in members and i.target != m
        }
    )


def test_the_walker_sees_function_level_and_relative_imports():
    # explorer.cli.app imports the server only when `explorer app` runs (inside `run`)
    targets = {i.target for i in graph()["explorer.cli.app"][0]}
    assert {"explorer.server.launch", "explorer.server.limits", "explorer.errors"} <= targets
    assert _resolve("explorer.cli.main", False, 2, "model") == "explorer.model"
    assert _resolve("explorer.cli", True, 1, "main") == "explorer.cli.main"


def test_no_import_cycles():
    found = cycles()
    report = "\n".join(
        "cycle: " + " <-> ".join(c) + "\n    " + "\n    ".join(_edges_within(c)) for c in found
    )
    assert not found, f"{len(found)} import cycle(s):\n{report}"


def test_no_private_name_is_imported_from_another_module():
    uses = sorted(
        {
            f"{p.source} (line {p.line}) uses {p.target}.{p.name}"
            for m in MODULES
            for p in graph()[m][1]
        }
    )
    assert not uses, f"{len(uses)} private name(s) used across modules:\n" + "\n".join(uses)


CORE = {m for m, path in MODULES.items() if path.parent == PACKAGE}  # explorer/*.py
# (the layer, the layers it must not import)
RULES = [
    (CORE, ("explorer.cli", "explorer.classroom", "explorer.ui", "explorer.server")),
    (
        {m for m in MODULES if m == "explorer.ui" or m.startswith("explorer.ui.")},
        ("explorer.classroom", "explorer.cli"),
    ),
]


def test_layers():
    broken = sorted(
        f"{i.source} (line {i.line}) imports {i.target}"
        for layer, forbidden in RULES
        for m in layer
        for i in graph()[m][0]
        if any(i.target == f or i.target.startswith(f + ".") for f in forbidden)
    )
    assert not broken, "imports across layers:\n" + "\n".join(broken)
