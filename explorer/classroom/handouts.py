"""The walkthroughs without a kernel: each one run top to bottom and written as a self-contained
HTML page with its outputs, the lesson widgets as static snapshots (text, tables and their figures
as inline SVG images), no script and nothing loaded from the network.

Two editions: the students' handouts, where every reveal stays closed (nothing of an exercise's
result is on the page) and a lesson's folded ``<details>`` blocks ("What we found") are left out,
since paper cannot fold them (its "For the curious" asides, which hold no answer, are printed
open), and the teacher's rendering (``reveal=True``), where every reveal is
open: answers, worked solutions, the charts behind them, the fact-check's verdicts and the folded
blocks.

Examples
--------
>>> sorted(p.name for p in walkthroughs())[:2]
['01-megawatts-and-cities.ipynb', '02-where-the-power-goes.ipynb']
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
import re
import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..ui.static import STATIC
from . import lessons
from .folders import safe_folder
from .lessons import on_paper
from .widgets import REVEAL

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"

# Where the walkthroughs' runs are kept by content (`kept_run`): the docs build, the handouts and
# the tests' fixtures read one run per edition and content (build/ is ignored by git).
RUNS = NOTEBOOKS.parent / "build" / "walkthrough-runs"
#: the runs kept per edition (the newest; each holds the eight executed walkthroughs, ~2 MB)
RUNS_KEPT = 6
# variables that say where things go or that a run sets itself, not what it computes: left out of
# a run's key (every other ``EXPLORER_*`` variable is in it)
_NOT_IN_KEY = ("EXPLORER_DOCS_", "EXPLORER_ROOT", "EXPLORER_TEST_CACHE", STATIC, REVEAL)

# the edition an executed notebook was run for, in its metadata (a copy read back keeps it)
EDITION = "explorer_reveal"
# the lesson an executed notebook is (its number), in its metadata
LESSON = "explorer_lesson"
# a folded block of a lesson's markdown: its summary names what it holds ("What we found (open
# after step 5)")
FOLDED = re.compile(r"<details>\s*<summary>(.*?)</summary>.*?</details>", re.S)
# a cell output's own fold, shown before any reveal: paper prints it open (reader 28)
FOLDED_OUTPUT = re.compile(r"<details>\s*<summary>(.*?)</summary>(.*?)</details>", re.S)
# the first line of every page of the teacher's rendering, and its title's start
TEACHERS_COPY = "Teacher's copy: answers shown, not for students."
# "your teacher" in paper's words, said to the teacher in the teacher's edition: "the teacher"
YOUR_TEACHER = re.compile(r"\b([Yy])our(?= teacher\b)")
# a stop line for the projected teacher's edition, where the next screen answers an exercise
# the class has not reached: a comment a lesson's markdown holds, invisible in the notebook and
# the student's edition (reader 41-12: the plan's "stop scrolling at the table" was easy to miss)
TEACHER_STOP = re.compile(r"<!--\s*teacher stop:\s*(.*?)\s*-->", re.S)
# a folded aside, "For the curious: …" or lesson 5's "For the facilitator: …" script (reader
# 43-56): no answer in it, so paper prints it open (reader 20)
ASIDE = re.compile(
    r"<details>\s*<summary>((?:For the curious|For the facilitator)\b[^<]*)</summary>(.*?)"
    r"</details>",
    re.S,
)

# JupyterLab's template without the scripts it loads from CDNs (RequireJS, MathJax, Mermaid, the
# widget manager): a handout makes no network request; widgets are static snapshots.
_OFFLINE = """{%- extends 'lab/index.html.j2' -%}
{%- block html_head_js_requirejs -%}{%- endblock -%}
{%- block html_head_js_mathjax -%}{%- endblock -%}
{%- block html_head_js_mermaidjs -%}{%- endblock -%}
{%- block jupyter_widgets -%}{%- endblock -%}
"""


def walkthroughs() -> list[Path]:
    """The eight walkthroughs, ``notebooks/0[1-8]-*.ipynb``, in order."""
    return sorted(NOTEBOOKS.glob("0[1-8]-*.ipynb"))


@contextmanager
def _env(reveal: bool) -> Iterator[None]:
    """EXPLORER_STATIC (and EXPLORER_REVEAL for the teacher) set for the kernels, then restored."""
    saved = {k: os.environ.get(k) for k in (STATIC, REVEAL)}
    os.environ[STATIC] = "1"
    os.environ[REVEAL] = "1" if reveal else "0"
    try:
        yield
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def execute(paths: list[Path] | None = None, reveal: bool = False) -> list[tuple[Path, object]]:
    """Run each walkthrough top to bottom in a fresh kernel, widgets as static snapshots; returns
    (path, executed notebook) pairs. Nothing is written."""
    import nbformat
    from nbconvert.preprocessors import ExecutePreprocessor

    done = []
    with _env(reveal):
        for path in paths or walkthroughs():
            nb = nbformat.read(path, as_version=4)
            ExecutePreprocessor(timeout=600, store_widget_state=False).preprocess(
                nb, {"metadata": {"path": str(path.parent)}}
            )
            nb.metadata[EDITION] = reveal
            nb.metadata[LESSON] = int(Path(path).name[:2])
            done.append((Path(path), nb))
    return done


def content_key(reveal: bool = False, paths: list[Path] | None = None) -> str:
    """A digest of everything a walkthrough's run (`execute`) reads, and of its edition: every file
    of the imported `explorer` package (code, catalog, climate data) and of the walkthroughs'
    folder(s), by path and bytes; this Python, the kernel Jupyter starts for it and IPython's
    start-up files; every installed distribution's name and version; the ``EXPLORER_*``
    variables but those naming folders or set by the run itself."""
    import explorer

    h = hashlib.sha256(f"{sys.executable}\n{sys.version}\nreveal={bool(reveal)}\n".encode())
    folders = {Path(explorer.__file__).parent, *(Path(p).parent for p in paths or walkthroughs())}
    for folder in sorted(folders):
        for path in sorted(folder.rglob("*")):
            if path.is_file() and not {"__pycache__", ".ipynb_checkpoints"} & set(path.parts):
                h.update(f"{path.relative_to(folder.parent)}\n".encode() + path.read_bytes())
    # the kernel the runs start and what it runs at its start, wherever Jupyter finds them
    from IPython.paths import get_ipython_dir
    from jupyter_client.kernelspec import KernelSpecManager

    spec = KernelSpecManager().get_kernel_spec("python3")
    h.update(json.dumps([spec.resource_dir, spec.to_dict()], sort_keys=True).encode())
    for path in sorted(Path(get_ipython_dir()).glob("profile_default/startup/*")):
        h.update(str(path).encode() + path.read_bytes())
    dists = {f"{d.metadata['Name']}=={d.version}" for d in importlib.metadata.distributions()}
    h.update("\n".join(sorted(dists)).encode())
    env = [
        (k, v)
        for k, v in os.environ.items()
        if k.startswith("EXPLORER_") and not k.startswith(_NOT_IN_KEY)
    ]
    h.update(json.dumps(sorted(env)).encode())
    return h.hexdigest()[:20]


def run_folder(reveal: bool = False, root: Path = RUNS, paths: list[Path] | None = None) -> Path:
    """Where the run of this content (`content_key`) and edition is kept: ``root/<edition>-<key>``.
    A new folder makes the oldest of its edition's others go (`RUNS_KEPT` are kept). Raises
    OSError when `root` cannot be created."""
    root.mkdir(parents=True, exist_ok=True)
    edition = "teacher" if reveal else "student"
    folder = root / f"{edition}-{content_key(reveal, paths)}"
    if not folder.exists():
        runs = sorted(root.glob(f"{edition}-*"), key=lambda p: p.stat().st_mtime)
        for old in runs[: max(0, len(runs) - RUNS_KEPT + 1)]:
            shutil.rmtree(old, ignore_errors=True)
    return folder


def kept_run(
    folder: Path, reveal: bool = False, paths: list[Path] | None = None
) -> list[tuple[Path, object]]:
    """`execute` (each walkthrough in `paths`, default all eight), each run once for every process
    that asks with the same `folder` (`run_folder`'s, or any folder of the caller's): the executed
    copy and its page (`to_html`, as ``<stem>.html``) are written there, and a later call reads
    them instead of starting a kernel. A process runs the walkthroughs no other process is running
    (each under its own lock), then waits for the rest and reads them all: two processes asking
    together run different walkthroughs at once. A failing cell raises and leaves nothing of that
    walkthrough behind, so the next call runs it again."""
    import nbformat

    try:
        import fcntl
    except ImportError:  # Windows: no file locks, each process runs what it does not find
        fcntl = None
    folder.mkdir(parents=True, exist_ok=True)
    paths = [Path(p) for p in paths] if paths else walkthroughs()
    for wait in (False, True):  # first every walkthrough nobody is running, then the rest
        for path in paths:
            with open(folder / f"{path.name}.lock", "w") as lock:  # released when it closes
                try:
                    if fcntl:
                        fcntl.flock(lock, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
                except BlockingIOError:
                    continue  # another process is running it
                if not (folder / path.name).exists():
                    ((_, nb),) = execute([path], reveal=reveal)
                    (folder / f"{path.stem}.html").write_text(to_html(nb), "utf-8")
                    nbformat.write(nb, folder / f"{path.name}.part")
                    (folder / f"{path.name}.part").replace(folder / path.name)
    return [(path, nbformat.read(folder / path.name, as_version=4)) for path in paths]


def run(reveal: bool = False, paths: list[Path] | None = None) -> list[tuple[Path, object]]:
    """The walkthroughs' run of this edition, kept by content (`run_folder`, `kept_run`): read back
    when the package, the notebooks and the environment are those of a kept run, else executed
    and kept; executed without keeping when the runs' folder cannot be written."""
    try:
        folder = run_folder(reveal, paths=paths)
    except OSError:
        return execute(paths, reveal=reveal)
    return kept_run(folder, reveal=reveal, paths=paths)


# the tag a lesson sets on a code cell whose printed lines stand alone (the code is how, not what
# the student reads): Jupyter Book's name for it, so other renderers honour it too. A tag, not
# every code cell: some lessons show code that students read or change.
HIDE_INPUT = "hide-input"


# the lessons whose "What we found" the teacher's pack prints as a page of its own, handed out
# after class: the plans set it as homework (reader 45-34: a class on paper never had it)
FOUND_PAGES = (3, 4)
# the pack's page of it, in each lesson's folder
FOUND_PAGE = "found.html"
# a lesson's closing fold: its summary ("Open this at the end of the lesson: …")
_END_OF_LESSON = "Open this at the end of the lesson"


def found_html(lesson: int) -> str:
    """Lesson `lesson`'s "What we found" as HTML, a page for the students after class: lessons 3's
    and 4's from the core (`lessons.chips_found`, `lessons.training_found`), another's from its
    notebook's closing fold.

    Examples
    --------
    >>> "<li>" in found_html(3) and "<details" not in found_html(3)
    True
    """
    import html

    if lesson == 4:
        return lessons.training_found()
    if lesson == 3:  # locked in the notebook until its answers are in (reader 46-34)
        return lessons.chips_found()
    (path,) = [p for p in walkthroughs() if p.name.startswith(f"{lesson:02d}-")]
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    (source,) = [
        "".join(c["source"])
        for c in cells
        if c["cell_type"] == "markdown" and "".join(c["source"]).startswith("## What we found")
    ]
    body = FOLDED_OUTPUT.search(on_paper(source))[2]
    items = [" ".join(x.split()) for x in re.split(r"^- ", body.strip(), flags=re.M) if x.strip()]

    def inline(text: str) -> str:
        text = html.escape(text, quote=False)
        text = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", text)
        return re.sub(r"\*(.+?)\*", r"<i>\1</i>", text)

    return "<h4>What we found</h4><ul>" + "".join(f"<li>{inline(x)}</li>" for x in items) + "</ul>"


def _folded_out(summary: str, lesson: int = 0) -> str:
    """What a student handout prints instead of a folded block: where its content is (a lesson's
    closing fold that the pack prints as a page: on that page, handed out after class)."""
    what = re.sub(r"\s*\(open [^)]*\)", "", summary, flags=re.I).strip()
    if lesson in FOUND_PAGES and what.startswith(_END_OF_LESSON):
        return (
            "*The answers to the lesson's questions — folded on screen; on paper, on the page "
            "your teacher hands out after class.*"
        )
    return (
        f"*{what} — folded on screen; on paper, in your teacher's edition of this handout (its "
        "folds printed open) and in the teacher's answer key.*"
    )


def _hide_plumbing(nb: object) -> object:
    """A copy of `nb` whose widget and import cells, and the cells a lesson tags `HIDE_INPUT`,
    show only their outputs: a handout's reader sees the question, the figure or the solution,
    not the code that builds it. In a student
    edition (not run with ``reveal``) the markdown's folded blocks are left out: paper prints a
    ``<details>`` block open, and it holds the lesson's answers; a "For the curious" aside holds
    none and is printed open, under its summary as a heading."""
    import copy

    import nbformat

    nb = copy.deepcopy(nb)
    student = not nb.metadata.get(EDITION, False)
    if not student:  # the page's header says whose copy it is (reader 43-56)
        nb.cells.insert(0, nbformat.v4.new_markdown_cell(f"**{TEACHERS_COPY}**"))
    guessed = lessons.guessed_figures(nb.metadata.get(LESSON, 0)) if student else ()
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            cell.source = on_paper(cell.source)
        if cell.cell_type == "markdown" and not student:  # the teacher reads it (reader 30)
            cell.source = YOUR_TEACHER.sub(lambda m: "The" if m[1] == "Y" else "the", cell.source)
            cell.source = TEACHER_STOP.sub(_stop_line, cell.source)
            cell.source = cell.source.replace("<details>", DETAILS_OPEN)
        if cell.cell_type == "markdown" and student:
            cell.source = ASIDE.sub(lambda m: f"**{m[1].strip()}**\n{m[2]}", cell.source)
            cell.source = FOLDED.sub(
                lambda m: _folded_out(m[1], nb.metadata.get(LESSON, 0)), cell.source
            )
        if cell.cell_type != "code":
            continue
        for output in cell.get("outputs", ()):
            _blank(output, guessed)
            if student:  # a cell's own fold (lesson 7's published design days, reader 28)
                _open_folds(output)
            else:  # the student's handout says the teacher's edition prints its folds open
                _print_open(output)
        lines = [x for x in cell.source.splitlines() if x.strip()]
        imports = all(x.startswith(("import ", "from ")) for x in lines)
        tagged = HIDE_INPUT in cell.metadata.get("tags", [])
        if "widgets." in cell.source or imports or tagged:
            cell.metadata["transient"] = {"remove_source": True}
    return nb


def _stop_line(m: re.Match[str]) -> str:
    """A `TEACHER_STOP` comment as the teacher's edition shows it: a stop line on a new page."""
    import html

    return (
        '<div style="page-break-before: always; border: 3px solid #b00000; padding: 0.5em; '
        'margin: 1em 0;"><b>Stop here on the projector.</b> '
        f"{html.escape(m[1])}</div>\n\n"
    )


def _open_folds(output: dict) -> None:
    """Print a cell output's folded ``<details>`` block open, under its summary as a heading:
    paper cannot fold, and what a cell shows before any reveal holds no answer (the student can
    open it on screen)."""
    html_out = output.get("data", {}).get("text/html")
    if html_out:
        text = "".join(html_out) if isinstance(html_out, list) else html_out
        output["data"]["text/html"] = FOLDED_OUTPUT.sub(r"<p><b>\1</b></p>\2", text)


# a fold as the teacher's edition prints it: open, on screen and on paper (a closed <details>
# prints only its summary), as the student's handout says (`_folded_out`)
DETAILS_OPEN = "<details open>"


def _print_open(output: dict) -> None:
    """Print a cell output's folded ``<details>`` blocks open, in the teacher's edition."""
    html_out = output.get("data", {}).get("text/html")
    if html_out:
        text = "".join(html_out) if isinstance(html_out, list) else html_out
        output["data"]["text/html"] = text.replace("<details>", DETAILS_OPEN)


def _blank(output: dict, figures: tuple[str, ...]) -> None:
    """Blank `figures` (a lesson's guessed figures) in one cell output, text and HTML: on a
    student's paper they are only in the answer key."""
    import html

    def cut(text: str) -> str:
        for figure in figures:
            blank = lessons.blanked(figure, "__________")  # its unit kept
            text = text.replace(figure, blank).replace(html.escape(figure), html.escape(blank))
        return text

    if "text" in output:
        output["text"] = cut("".join(output["text"]))
    for kind, value in output.get("data", {}).items():
        if kind.startswith("text/"):
            output["data"][kind] = cut("".join(value) if isinstance(value, list) else value)


def to_html(nb: object) -> str:
    """An executed notebook as one self-contained, offline HTML page; the code of widget,
    import and `HIDE_INPUT`-tagged cells is left out (their outputs stay), and so, in a student
    edition, are the markdown's folded blocks."""
    import jinja2
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(
        template_name="lab",
        extra_loaders=[jinja2.DictLoader({"handout.html.j2": _OFFLINE})],
        template_file="handout.html.j2",
        exclude_input_prompt=True,  # no "In [3]:" / "Out[3]:" on paper
        exclude_output_prompt=True,
    )
    # the page's title is the lesson's first heading, not nbconvert's "Notebook"
    heads = (
        re.search(r"^#+\s*(.+)$", "".join(c.source), re.M)
        for c in nb.cells  # type: ignore[attr-defined]
        if c.cell_type == "markdown"
    )
    title = next((m[1].strip() for m in heads if m), "")
    if nb.metadata.get(EDITION, False):  # type: ignore[attr-defined]
        # printed from the wrong folder, the answers must not pass for a handout (reader 43-56)
        title = f"Teacher's copy, not for students: {title}"
    resources = {"metadata": {"name": title}} if title else None
    body, _ = exporter.from_notebook_node(_hide_plumbing(nb), resources=resources)
    return body


def write(executed: list[tuple[Path, object]], folder: str | Path) -> list[str]:
    """Write executed walkthroughs as HTML pages into `folder`; returns the files written."""
    out = safe_folder(Path(folder))  # never over tracked files
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for path, nb in executed:
        # the teacher's copy named as such: the students' file name on answers misled
        teacher = "-teacher" if nb.metadata.get(EDITION, False) else ""  # type: ignore[attr-defined]
        target = out / f"{path.stem}{teacher}.html"
        target.write_text(to_html(nb), encoding="utf-8")
        written.append(str(target))
    return written


def build(
    folder: str | Path, notebooks: list[str] | None = None, reveal: bool = False
) -> list[str]:
    """Run the walkthroughs (default: all eight; a run of the same content is read back, `run`)
    and write them into `folder`: the students' handouts, or with `reveal` the teacher's
    rendering with every reveal open."""
    paths = [Path(p) for p in notebooks] if notebooks else None
    return write(run(reveal=reveal, paths=paths), folder)
