"""Packaging: the core needs only numpy/xarray/pint, every import is declared, the lock and Binder's
pins are compiled from pyproject.toml and have not drifted, and a built wheel serves the app
anywhere."""

from __future__ import annotations

import ast
import functools
import importlib.metadata
import os
import re
import shutil
import signal
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT, UV, free_port, fresh_venv, wait_for_page
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

import explorer

PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
NAME = canonicalize_name(PROJECT["name"])
APP_ONLY = [
    "voila",
    "ipywidgets",
    "bqplot",
    "anywidget",
    "traitlets",
    "IPython",
    "ipykernel",
    "jupyter_server",
    "tornado",
    "websockets",
    "h5py",
    "h5netcdf",
    "dask",
    "distributed",
]


def requirements(*extras: str) -> dict[str, Requirement]:
    """The declared requirements of the core plus `extras` (self-references like [app] followed)."""
    out: dict[str, Requirement] = {}
    todo, seen = list(extras), set()
    reqs = [Requirement(r) for r in PROJECT["dependencies"]]
    while todo:
        extra = todo.pop()
        if extra in seen:
            continue
        seen.add(extra)
        for r in map(Requirement, PROJECT["optional-dependencies"][extra]):
            if canonicalize_name(r.name) == NAME:
                todo.extend(r.extras)
            else:
                reqs.append(r)
    for r in reqs:
        out[canonicalize_name(r.name)] = r
    return out


def pins(path: Path) -> tuple[str, dict[str, str], dict[str, list[str]]]:
    """(header command, {name: version}, {name: [via ...]}) of a uv-compiled requirements file."""
    text = path.read_text()
    command = re.search(r"^#\s+(uv pip compile .*)$", text, flags=re.M)
    assert command, f"{path.name} was not written by `uv pip compile` (run `make lock`)"
    versions: dict[str, str] = {}
    via: dict[str, list[str]] = {}
    current = None
    for line in text.splitlines():
        if m := re.match(r"^([A-Za-z0-9_.\-\[\]]+)==(\S+)", line):
            current = canonicalize_name(m.group(1).split("[")[0])
            versions[current] = m.group(2)
            via[current] = []
            if v := re.search(r"#\s*via (.+)$", line):
                via[current].append(v.group(1).strip())
        elif current and (m := re.match(r"^\s+#\s+(?:via\s+)?(\S.*)$", line)):
            if m.group(1) != "via":
                via[current].append(m.group(1).strip())
    return command.group(1), versions, via


def extras_of(command: str) -> tuple[str, ...]:
    if "--all-extras" in command:
        return tuple(PROJECT["optional-dependencies"])
    return tuple(re.findall(r"--extra[ =](\S+)", command))


def drift(path: Path) -> list[str]:
    """What is wrong between `path` and pyproject.toml (empty: in step)."""
    command, versions, via = pins(path)
    declared = requirements(*extras_of(command))
    problems = []
    for name, req in declared.items():
        if name not in versions:
            problems.append(f"{name} is declared but not pinned")
        elif not req.specifier.contains(versions[name], prereleases=True):
            problems.append(f"{name}=={versions[name]} does not satisfy {req}")
    for (
        name,
        sources,
    ) in via.items():  # pinned only because the project asked for it, no longer declared
        if (
            sources
            and all(s.startswith(PROJECT["name"]) or s.startswith("-c ") for s in sources)
            and any(s.startswith(PROJECT["name"]) for s in sources)
            and name not in declared
        ):
            problems.append(f"{name} is pinned for the project but no longer declared")
    return problems


@pytest.mark.parametrize("path", ["requirements.lock", "binder/requirements.txt"])
def test_the_pins_are_compiled_from_pyproject_and_have_not_drifted(path):
    assert drift(ROOT / path) == [], f"{path} drifted from pyproject.toml: run `make lock`"


def test_the_drift_check_can_fail(tmp_path, monkeypatch):
    lock = (ROOT / "requirements.lock").read_text()
    stale = tmp_path / "stale.lock"
    stale.write_text(
        re.sub(r"^numpy==\S+", "numpy==1.20.0", lock, flags=re.M)
        .replace(
            "\nhypothesis==",
            "\nnot-a-dependency==1.0\n    # via ai-datacenter-explorer (pyproject.toml)"
            "\nhypothesis==",
        )
        .replace("\npint==", "\nquint==")
    )
    problems = drift(stale)
    assert any(p.startswith("numpy==1.20.0") for p in problems)
    assert "pint is declared but not pinned" in problems
    assert "not-a-dependency is pinned for the project but no longer declared" in problems


def test_binder_pins_are_the_lock_pins_without_the_test_tools():
    _, lock, _ = pins(ROOT / "requirements.lock")
    _, binder, _ = pins(ROOT / "binder" / "requirements.txt")
    assert {n: v for n, v in binder.items() if lock.get(n) != v} == {}
    assert not {"pytest", "hypothesis", "playwright", "ruff", "scipy"} & set(binder)


def test_nothing_unused_is_pinned():
    _, lock, _ = pins(ROOT / "requirements.lock")
    assert not {"scipy", "nbstripout", "pytest-benchmark"} & set(lock)
    # nor jsonschema's "iri" checker, left out of both (the Makefile's LEFT_OUT)
    _, binder, _ = pins(ROOT / "binder" / "requirements.txt")
    assert not {"rfc3987-syntax", "lark"} & (set(lock) | set(binder))


@functools.cache
def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"))


#: {module: [distributions]} of the environment (read once: it walks every installed package)
_distributions = functools.cache(importlib.metadata.packages_distributions)


def _third_party_imports(path: Path, top_level_only: bool = False) -> set[str]:
    """Third-party modules `path` imports (with `top_level_only`, only at module level: what
    importing the file itself needs)."""
    tree = _tree(path)
    nodes = tree.body if top_level_only else ast.walk(tree)
    names = set()
    for node in nodes:
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    local = {"explorer", "conftest", "browser", "visits"}  # visits: benchmarks/visits.py
    return {n for n in names if n not in sys.stdlib_module_names and n not in local}


@pytest.mark.parametrize(
    ("folder", "extras"),
    [
        ("explorer", ()),  # the core modules themselves (ui/ and server/ below)
        ("explorer/ui", ("app",)),
        ("explorer/server", ("app",)),
        ("tests", ("test",)),
        ("benchmarks", ("test",)),
    ],
)
def test_every_import_is_declared(folder, extras):
    dists = _distributions()
    declared = set(requirements(*extras))
    anywhere = set(requirements(*PROJECT["optional-dependencies"]))
    files = (ROOT / folder).glob("*.py" if folder == "explorer" else "**/*.py")
    undeclared = {}
    for f in files:
        top = _third_party_imports(f, top_level_only=True)
        for module in _third_party_imports(f):
            owners = {canonicalize_name(d) for d in dists.get(module, [module])}
            # a core module may import an extra's package inside a function (dask for big
            # samples): then that extra must declare it; at module level the core must
            ok = owners & declared or (
                folder == "explorer" and module not in top and owners & anywhere
            )
            if not ok:
                undeclared[module] = f.relative_to(ROOT).as_posix()
    assert undeclared == {}, f"imported but not declared for {extras or 'the core'}: {undeclared}"


# One interpreter as if the app and io extras were not installed: the core and its CLI first
# (and which blocked modules they loaded), then `import explorer.ui`, which must fail there (the
# check that the blocker blocks, so that the first can fail).
BLOCKER = """
import importlib.machinery, sys
BLOCKED = set(sys.argv[1].split(","))
find = importlib.machinery.PathFinder.find_spec
def find_spec(name, path=None, target=None):  # as if the app and io extras were not installed
    return None if name.split(".")[0] in BLOCKED else find(name, path, target)
importlib.machinery.PathFinder.find_spec = find_spec
import explorer
ds = explorer.compute(site_power=300, cooling_fraction=0.4, chip="trn2")
from explorer import cli
assert cli.main(["compute", "--json", "--site-power", "300"]) == 0
assert cli.main(["catalog", "chips"]) == 0
loaded = sorted(m for m in sys.modules if m.split(".")[0] in BLOCKED)
print("LOADED", loaded, round(float(ds.it_power), 3))
try:
    import explorer.ui.app  # the dashboard (explorer.ui itself imports it on first use)
except ModuleNotFoundError as e:
    print("UI", type(e).__name__, e.name)
else:
    print("UI imported")
"""


@pytest.fixture(scope="module")
def blocked() -> list[str]:
    """The BLOCKER interpreter's last two lines: the core's, then explorer.ui.app's import."""
    r = subprocess.run(
        [sys.executable, "-c", BLOCKER, ",".join(APP_ONLY)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert r.returncode == 0, r.stderr[-3000:]
    return r.stdout.strip().splitlines()[-2:]


def test_the_core_and_its_cli_work_without_the_app_and_io_extras(blocked):
    # 300 MW x (1 - 0.4 cooling - 0.03 other losses) = 171 MW reach the IT equipment
    assert blocked[0] == "LOADED [] 171.0"


def test_the_blocker_itself_blocks(blocked):
    assert blocked[1].startswith("UI ModuleNotFoundError "), blocked[1]
    assert blocked[1].split()[-1].split(".")[0] in APP_ONLY


def test_one_version_string():
    assert importlib.metadata.version(PROJECT["name"]) == explorer.__version__
    assert PROJECT["dynamic"] == ["version"] and "version" not in PROJECT


# what a checkout holds besides its sources (virtualenvs, caches, earlier builds, git's own)
UNBUILT = (".git", ".venv", "build", "*.egg-info", "__pycache__", ".*cache", ".hypothesis")
UNBUILT += ("mutants", "node_modules", "test-results")


@pytest.mark.slow
def test_a_wheel_installed_outside_the_checkout_serves_the_app(tmp_path):
    """Build a wheel, install it with [app] into a fresh venv, run `explorer app` elsewhere.

    uv builds and installs when it is there (`fresh_venv`: seconds from its cache, where pip
    took two and a half minutes on every run); a reader without it gets the same through pip.
    """
    # from a copy: a build writes its build/ and egg-info folders into the tree it builds, and
    # test_binder.py's editable install may be writing the checkout's at the same time (xdist)
    source = tmp_path / "source"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(*UNBUILT))
    wheels = tmp_path / "wheels"
    if UV:
        build = [UV, "build", "--quiet", "--wheel", "--out-dir", str(wheels), str(source)]
    else:
        build = [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(wheels)]
        build.append(str(source))
    subprocess.run(build, check=True, timeout=600, cwd=tmp_path)
    (wheel,) = wheels.glob("*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert (
        "explorer/server/app/explorer.ipynb" in names and "explorer/server/app/voila.json" in names
    )
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    venv = tmp_path / "venv"
    # the lock as constraints: the versions CI tested
    requirement = f"{PROJECT['name']}[app] @ {wheel.as_uri()}"
    py = fresh_venv(venv, "-c", str(ROOT / "requirements.lock"), requirement)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    port = free_port(0)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    log = (tmp_path / "app.log").open("wb")
    proc = subprocess.Popen(
        [str(venv / "bin" / "explorer"), "app", "--port", str(port)],
        cwd=elsewhere,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        page = wait_for_page(f"http://127.0.0.1:{port}/", timeout=180)
        assert "application/vnd.jupyter.widget-view+json" in page, (
            tmp_path / "app.log"
        ).read_text()[-3000:]
        assert "Traceback" not in page and "cdn.jsdelivr.net" not in page
        r = subprocess.run(
            [str(py), "-c", "import explorer, pathlib; print(pathlib.Path(explorer.__file__))"],
            cwd=elsewhere,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert str(venv) in r.stdout  # the installed wheel, not the checkout
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        finally:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGKILL)
            log.close()
