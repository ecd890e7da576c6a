"""The core's layers: no import cycle among explorer's physics modules, counting imports inside
functions too, and no `_private` name imported from another module."""

from __future__ import annotations

import ast
from pathlib import Path

CORE = Path(__file__).resolve().parents[1] / "explorer"


def _core_imports() -> dict[str, dict[str, set[str]]]:
    """module -> {imported core module: names imported from it} for explorer/*.py."""
    out: dict[str, dict[str, set[str]]] = {}
    for path in sorted(CORE.glob("*.py")):
        me = path.stem
        deps: dict[str, set[str]] = {}
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level == 1:
                if node.module:  # from .model import compute
                    deps.setdefault(node.module.split(".")[0], set()).update(
                        a.name for a in node.names
                    )
                else:  # from . import catalog, model
                    for a in node.names:
                        deps.setdefault(a.name, set())
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                parts = node.module.split(".")
                if parts[0] == "explorer" and len(parts) > 1:
                    deps.setdefault(parts[1], set()).update(a.name for a in node.names)
        out[me] = {m: n for m, n in deps.items() if (CORE / f"{m}.py").exists() and m != me}
    return out


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(n: str) -> list[str] | None:
        state[n] = 1
        stack.append(n)
        for m in sorted(graph.get(n, ())):
            if state.get(m) == 1:
                return [*stack[stack.index(m) :], m]
            if m not in state and (found := visit(m)):
                return found
        state[n] = 2
        stack.pop()
        return None

    for n in sorted(graph):
        if n not in state and (found := visit(n)):
            return found
    return None


def test_the_core_has_no_import_cycle():
    graph = {m: set(d) for m, d in _core_imports().items() if m != "__init__"}
    cycle = _cycle(graph)
    assert cycle is None, " -> ".join(cycle or [])


def test_no_private_name_crosses_core_modules():
    crossing = [
        f"{m} imports {n} from {d}"
        for m, deps in _core_imports().items()
        for d, names in deps.items()
        for n in names
        if n.startswith("_")
    ]
    assert not crossing, crossing
