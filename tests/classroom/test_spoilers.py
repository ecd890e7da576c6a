"""Spoiler-proof by construction: with every walkthrough run top to bottom no exercise's answer is
anywhere on the page outside a reveal, and lesson 5 shows no verdict before the vote. Two runs:

- the students' run (`student_run`: Run All in a kernel, widgets as their visible state) and the
  handouts rendered from it;
- Voila's own execution (slow: one live ``voila notebooks/`` server renders all eight pages, as a
  teacher serves a lesson to a class): the page's HTML, including the outputs Voila embeds as
  JSON for the widget manager, and the state of every widget the kernel holds, as the page's
  widget manager asks for it (``request_states`` on ``jupyter.widget.control``), with the
  numbers of charts' arrays.

A reveal is a collapsed ``<details>`` block or a reveal widget that only opens on a click; so the
answer may not appear in any output, in any markdown outside ``<details>``, in the handout's
HTML, nor in any widget's state. Paper cannot fold: a student handout holds no ``<details>`` block
at all (its answers are often words, "about a month", that no number pattern finds). The
teacher's rendering (every reveal open) shows that the reveals do hold the answers, so the check
can fail."""

from __future__ import annotations

import ast
import contextlib
import functools
import html
import io
import json
import re
import sys
import time
import urllib.request
import uuid
from pathlib import Path

import ipywidgets as ipw
import nbformat
import numpy as np
import pytest
from conftest import ServerProcess

import explorer
from explorer import catalog, fmt
from explorer.classroom import exercises, factcheck, handouts, lessons, teacher_pack, widgets
from explorer.units import factor

EXERCISE_CALL = re.compile(r'widgets\.(?:answer_box|predict_reveal)\(\s*"([\w-]+)"')
EXERCISE_CALL_KIND = re.compile(r'widgets\.(answer_box|predict_reveal)\(\s*"([\w-]+)"')
STYLES = re.compile(r"<style.*?</style>|<script.*?</script>", re.S)  # no text a reader sees
DETAILS = re.compile(rf"<details>.*?</details>|{STYLES.pattern}", re.S)
VERDICTS = (factcheck.REPRODUCED, factcheck.ASSUMED, factcheck.CONTESTED)


def forms(eid: str) -> list[re.Pattern]:
    """The answer as the lessons print it: plain, to 3 and 4 significant figures, with its unit
    and as a percentage for a share."""
    e = lessons.EXERCISES[eid]
    x = e.answer()
    shown = {fmt.number(x), fmt.number(x, 3), fmt.number(x, 4), e.show(x)}
    if e.unit == "share":
        shown |= {fmt.percent(x), fmt.percent(x).replace(" ", ""), fmt.percent(x, 2)}
    elif e.unit not in ("1", "people", "chips", "households"):
        shown.add(fmt.quantity(x, e.unit))
    shown = {s for s in shown if len(s.strip("0.,% ")) >= 2}  # "10 %", "1.18": not "1"
    # a source's date ("2024-12" in a references table), a cell's prompt in a handout ("In [12]:")
    # and Voila's cell number (<div cell-index="12">) are no numbers on the page
    before = r"(?<![\d.,])(?<!\d\d\d\d-)(?<!In\xa0\[)(?<!Out\[)(?<!cell-index=\")"
    # nor is the start of a longer number: "12" in "12,645 kWh" (a thousands separator)
    return [re.compile(rf"{before}{re.escape(s)}(?![\d]|,\d)") for s in shown]


def on_the_page(nb) -> str:
    """What a student sees of an executed notebook before any click: markdown outside
    <details>, and every output (stream, text, HTML)."""
    seen = []
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            seen.append(DETAILS.sub("", cell.source))
            continue
        for out in cell.get("outputs", []):
            if out.get("output_type") == "stream":
                seen.append(out.get("text", ""))
            data = out.get("data", {})
            seen.append(data.get("text/html", "") + "\n" + data.get("text/plain", ""))
    return "\n".join(seen)


def exercises_in(nb) -> list[str]:
    return [
        eid for c in nb.cells if c.cell_type == "code" for eid in EXERCISE_CALL.findall(c.source)
    ]


def test_no_answer_is_on_any_page_outside_its_reveal(student_run, student_pages):
    asked = 0
    for path, nb in student_run:
        page = on_the_page(nb)
        handout = STYLES.sub("", student_pages[path.stem])  # paper prints <details> open
        assert "<details" not in handout, (path.stem, "a folded block on paper")
        for eid in exercises_in(nb):
            asked += 1
            for pattern in forms(eid):
                assert not pattern.search(page), (path.stem, eid, pattern.pattern)
                assert not pattern.search(handout), (path.stem, eid, pattern.pattern, "handout")
        errors = [o for c in nb.cells for o in c.get("outputs", []) if o.output_type == "error"]
        assert not errors, (path.stem, errors)
        assert (
            "VBox(" not in student_pages[path.stem] and "Accordion(" not in student_pages[path.stem]
        )
    assert asked == len(lessons.EXERCISES)


def test_a_guess_first_figure_is_blank_in_the_students_handout(student_run, student_pages):
    # reader 11: the handout printed 191 EFLOP/s, 128,000 chips and 32.3 days right under each
    # "Guess first"; on paper those are only in the answer key (tests/classroom/test_pack.py)
    # reader 16: lesson 1's sources list printed the hours in a year (8,760, energy-300mw's first
    # step) in the notebook too; a figure an exercise works out (`lessons.WORKED_OUT`) is blank
    # there until the exercise is revealed
    # reader 19: a "Guess first" figure was printed once run, by capstone-energy's question (the
    # fastest job's chips and days, above step 4's guess, before its check opened); an exercise's
    # question is on the page too, so no figure to guess is anywhere on it before its reveal
    asked = 0
    for path, nb in student_run:
        figures = lessons.guessed_figures(int(path.name[:2]))
        for figure in figures:
            asked += 1
            assert figure not in on_the_page(nb), (path.stem, figure)
            page = student_pages[path.stem]
            assert figure not in page and html.escape(figure) not in page, (path.stem, figure)
    # lesson 1: the hours in a year; lesson 4: Meta's compute and GPU-hours (reader 32); lesson
    # 6: two (the peak is in a reveal, reader 17)
    assert asked == 5


def test_no_question_shows_a_figure_to_guess_before_the_check_that_prints_it():
    # reader 19: capstone-energy's question printed step 4's check (about 128,000 chips, 32.3
    # days) as soon as the notebook ran; its box shows them blank until steps 1 and 3 are answered
    widgets.REVEALED.done = []
    try:
        for e in lessons.EXERCISES.values():
            figures = lessons.guessed_figures(e.lesson)
            shown = widgets.answer_box(e.id).children[0].value
            assert not [f for f in figures if html.escape(f) in shown or f in shown], e.id
        box = widgets.answer_box("capstone-energy")
        for eid in lessons.EXERCISES["capstone-energy"].waits_for:
            assert lessons.guessed_figures(6)[1] not in box.children[0].value
            widgets.REVEALED.mark(eid)
        assert html.escape(lessons.EXERCISES["capstone-energy"].question) in box.children[0].value
    finally:
        widgets.REVEALED.done = []


def test_lesson_5_shows_no_verdict_before_the_vote(student_run):
    (nb,) = [nb for path, nb in student_run if path.stem.startswith("05")]
    outputs = "\n".join(
        str(o.get("text", "")) + str(o.get("data", {}))
        for c in nb.cells
        for o in c.get("outputs", [])
    )  # the markdown names the three verdicts as words to learn; no output may give one
    for verdict in (factcheck.ASSUMED, factcheck.CONTESTED, "✓", "You agree with the explorer"):
        assert verdict not in outputs, verdict
    for c in factcheck.class_claims():
        for text in filter(None, (c.disagrees, c.assumption)):
            assert html.escape(text[:40]) not in outputs and text[:40] not in outputs, c.id


def test_the_same_check_fails_on_a_page_that_shows_an_answer():
    e = lessons.EXERCISES["jackson-annual-pue"]
    page = f"annual PUE: {fmt.number(e.answer(), 4)}"  # NB7's old cell 8
    assert any(p.search(page) for p in forms("jackson-annual-pue"))
    # a date in a references table is not an answer; the same number on its own is
    days = fmt.number(lessons.EXERCISES["capstone-city-days"].answer())
    assert not any(p.search(f"AWS, 2024-{days}") for p in forms("capstone-city-days"))
    assert not any(p.search(f"In\xa0[{days}]: Out[{days}]:") for p in forms("capstone-city-days"))
    assert not any(p.search(f'<div cell-index="{days}">') for p in forms("capstone-city-days"))
    assert any(p.search(f"run: {days} days") for p in forms("capstone-city-days"))
    assert not any(p.search(f"{days},645 kWh") for p in forms("capstone-city-days"))
    assert any(p.search(f"{days}, then") for p in forms("capstone-city-days"))


# reader 18: lesson 6's step 4 printed "step 3's days × 2.23 … = 12.83 days" ungated, before steps
# 1 and 3 were answered: neither answer was on the page, but 12.83 ÷ 2.23 is step 3's and 2.23 ×
# the job's 128,000 chips step 1's. So no line a cell prints (a printed line, a table row, a
# paragraph) may hold two figures whose product or quotient is an answer not yet revealed, to the
# rounding the two printed figures carry (half a unit of each one's last digit, at most
# `DERIVED_TOL`), at least one of them precise (3 significant digits: "Llama 3" × "40 %" is no
# derivation). An exercise's own question, which gives the figures to work with, is left out.
# a date, a year, and a name's number ("NFPA 110", "Type 10", "Llama 3") are no figures
DATE = re.compile(
    r"\b\d{4}-\d{2}(?:-\d{2})?\b|(?<![\w.,])(?:19|20)\d\d(?![\w,.])"
    r"|\b[A-Z][A-Za-z]*\s\d+\b(?![.,]\d)"
)
FIGURE = re.compile(r"(?<![\w.])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])|(?<![\w.,])\d+(?:\.\d+)?")
BREAKS = re.compile(r"<br\s*/?>|</(?:p|tr|li|div|h\d|pre)>", re.I)
DERIVED_TOL = 0.01
# figures printed on one line whose ratio is an answer by chance: (lesson, exercise, figures)
UNRELATED = {
    # lesson 7's month table: July's and August's mean dry-bulb and wet-bulb temperatures [°C]
    ("07", "jackson-annual-pue", (27.3, 23.2)): "two temperatures, not a PUE's parts",
    ("07", "hot-day-above-mean", (13.7, 9.4)): "November's temperatures, not a hot day's",
    # lesson 8's p5 question: the announced 300 MW and the 5th percentile (300 ÷ 5 = 60 MW)
    ("08", "contested-cooling-swing", (300.0, 5.0)): "a power and a percentile, not a swing",
}


def printed(nb, eid: str) -> str:
    """Every output of an executed notebook (what its cells print), without `eid`'s question."""
    e = lessons.EXERCISES[eid]
    seen = []
    for cell in nb.cells:
        for out in cell.get("outputs", []) if cell.cell_type == "code" else []:
            data = out.get("data", {})
            seen += [out.get("text", ""), data.get("text/html", ""), data.get("text/plain", "")]
    return "\n".join(seen).replace(html.escape(e.question), " ").replace(e.question, " ")


def page_lines(text: str) -> list[list[str]]:
    """The figures of each line of `text` (HTML or plain) as printed: a printed line, a table
    row, a paragraph; dates and years are no figures."""
    text = html.unescape(re.sub(r"<[^>]+>", " ", BREAKS.sub("\n", DETAILS.sub("", text))))
    rows = [FIGURE.findall(DATE.sub(" ", line)) for line in text.splitlines()]
    return [[f for f in row if float(f.replace(",", ""))] for row in rows if len(row) > 1]


def _digits(figure: str) -> tuple[float, float, int]:
    """A printed figure's value, its rounding (half a unit of its last digit, relative) and its
    significant digits."""
    plain = figure.replace(",", "")
    decimals = len(plain.split(".")[1]) if "." in plain else 0
    x = float(plain)
    return x, 0.5 * 10**-decimals / x, len(plain.replace(".", "").lstrip("0"))


def derived(eid: str, text: str) -> list[tuple[str, str, str]]:
    """The pairs of figures printed on one line of `text` whose product or quotient is exercise
    `eid`'s answer (or its percentage, for a share), to the figures' rounding."""
    e = lessons.EXERCISES[eid]
    want = [e.answer()] + ([100 * e.answer()] if e.unit == "share" else [])
    found = []
    for row in page_lines(text):
        for i, fa in enumerate(row):
            for fb in row[i + 1 :]:
                (a, ra, da), (b, rb, db) = _digits(fa), _digits(fb)
                if max(da, db) < 3:
                    continue
                tol = min(ra + rb, DERIVED_TOL)
                for pair, x in (
                    ((fa, "×", fb), a * b),
                    ((fa, "÷", fb), a / b),
                    ((fb, "÷", fa), b / a),
                ):
                    if any(abs(x - w) <= tol * abs(w) for w in want):
                        found.append(pair)
    return found


def test_no_answer_follows_from_two_figures_a_cell_prints_on_one_line(student_run):
    # the handout prints these outputs (a figure to guess blanked) beside the cells' code and
    # the markdown, which are typed: the outputs are what can give an answer away on paper too
    leaks = []
    for path, nb in student_run:
        for eid in exercises_in(nb):
            for a, op, b in derived(eid, printed(nb, eid)):
                figures = {float(f.replace(",", "")) for f in (a, b)}
                if not any(
                    (path.name[:2], eid) == key[:2] and figures == set(key[2]) for key in UNRELATED
                ):
                    leaks.append((path.stem, eid, f"{a} {op} {b}"))
    assert not leaks, leaks


def test_the_derived_check_fails_on_the_line_that_gave_step_3_and_step_1_away():
    # lesson 6's old ungated step-4 cell: no figure of it is an answer on its own
    chips = lessons.about(float(lessons.capstone_plan().job_chips))
    line = f"fastest job: about {chips} chips\n{lessons.days_from_ideal_words()}"
    assert not any(
        p.search(line) for eid in ("capstone-days", "capstone-chips") for p in forms(eid)
    )
    assert derived("capstone-days", line)
    assert not derived("capstone-days", "1.23 days\n12.83 days")  # not on one line
    assert not derived("contested-cooling-swing", "Llama 3 … MFU 40 %")  # no precise figure


@pytest.mark.slow
def test_the_teachers_rendering_opens_every_reveal_with_figures(teacher_run, teacher_run_pages):
    for path, nb in teacher_run:
        page = teacher_run_pages[path.stem]
        for eid in exercises_in(nb):
            e = lessons.EXERCISES[eid]
            assert e.show(e.answer()) in page.replace("&#x27;", "'"), (path.stem, eid)
        if path.stem.startswith(("07", "08")):
            assert "<svg" in page, path.stem  # the month chart and the tornado, as images
        if path.stem.startswith("05"):
            assert factcheck.CONTESTED in page
        if any("<details>" in c.source for c in nb.cells if c.cell_type == "markdown"):
            assert "<details" in page, path.stem  # the folded blocks the students' edition drops


# Voila embeds each output it hands to the widget manager as JSON (widget views with their
# text/plain repr); the rest of the page is rendered HTML
CELL_OUTPUT = re.compile(
    r'<script type="application/vnd\.voila\.cell-output\+json">(.*?)</script>', re.S
)
FIRST_CELL = '<div cell-index="'  # Voila's lab template wraps each cell in one
KERNEL_ID = re.compile(r'"kernelId":\s*"([\w-]+)"')
# random ids a page or a widget state carries (model and kernel ids, "IPY_MODEL_<hex>" references,
# cell ids): no answer, but a hex id holds an answer's digits by chance ("…a12f…" for "12")
RANDOM_ID = re.compile(
    r"(?:IPY_MODEL_)?[0-9a-f]{32}|[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}|cell-id=[\w-]+"
)
CONTROL_VERSION = "1.0.0"  # ipywidgets' widget control protocol (jupyter.widget.control)


def voila_text(page: str) -> str:
    """What a Voila page holds of its notebook outside the reveals: the cells' HTML (from the
    first cell on: before it, Voila's styles and loading spinner) without ``<details>`` blocks,
    styles and scripts, and the outputs embedded as JSON (every mime type), entities unescaped."""
    page = page[page.find(FIRST_CELL) :] if FIRST_CELL in page else page
    embedded = []
    for raw in CELL_OUTPUT.findall(page):
        embedded.extend(str(v) for v in json.loads(raw).get("data", {}).values())
    return html.unescape(DETAILS.sub("", page) + "\n" + DETAILS.sub("", "\n".join(embedded)))


def state_text(states: dict, buffer_paths: list, buffers: list[bytes]) -> str:
    """Every string and number in the widgets' states (a ``update_states`` reply), numbers of
    arrays (a chart's bars, sent as binary buffers) written as the lessons print them."""
    for path, buf in zip(buffer_paths, buffers, strict=True):
        *up, parent, _ = path  # an array is {"dtype", "shape", "value": <buffer>} at `path`
        node = states
        for k in up:
            node = node[k]
        spec = node[parent]
        if isinstance(spec, dict) and "dtype" in spec:  # bqplot's arrays; other bytes are no text
            node[parent] = np.frombuffer(buf, dtype=spec["dtype"]).ravel().tolist()
    seen: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                if not k.startswith(("_model_", "_view_")):  # the class, not what it shows
                    walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)
        elif isinstance(node, str) and not node.startswith("IPY_MODEL_"):  # a child's id
            seen.append(DETAILS.sub("", node))
        elif isinstance(node, int | float) and not isinstance(node, bool) and np.isfinite(node):
            seen.extend({fmt.number(node), fmt.number(node, 4)})

    for model in states.values():  # layouts and styles hold sizes and colours, not text
        if model["model_name"] != "LayoutModel" and not model["model_name"].endswith("StyleModel"):
            walk(model["state"])
    return html.unescape("\n".join(seen))


def widget_states(port: int, kernel_id: str, timeout: float = 60) -> str:
    """The state of every widget in a page's kernel, as the page's widget manager gets it: open
    the ``jupyter.widget.control`` comm over the kernel's websocket and send ``request_states``."""
    from jupyter_server.services.kernels.connection.base import (
        deserialize_msg_from_ws_v1,
        serialize_msg_to_ws_v1,
    )
    from websockets.sync.client import connect

    comm, session = uuid.uuid4().hex, uuid.uuid4().hex

    def message(msg_type: str, content: dict, metadata: dict) -> bytes:
        header = {"msg_id": uuid.uuid4().hex, "msg_type": msg_type, "session": session}
        parts = [header | {"username": "", "date": "", "version": "5.3"}, {}, metadata, content]
        return serialize_msg_to_ws_v1([json.dumps(p).encode() for p in parts], "shell")

    url = f"ws://127.0.0.1:{port}/api/kernels/{kernel_id}/channels?session_id={session}"
    with connect(url, subprotocols=["v1.kernel.websocket.jupyter.org"], max_size=None) as ws:
        opened = {"comm_id": comm, "target_name": "jupyter.widget.control", "data": {}}
        ws.send(message("comm_open", opened, {"version": CONTROL_VERSION}))
        ws.send(message("comm_msg", {"comm_id": comm, "data": {"method": "request_states"}}, {}))
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            _, parts = deserialize_msg_from_ws_v1(ws.recv(timeout=timeout))
            header, content = json.loads(parts[0]), json.loads(parts[3])
            if header["msg_type"] == "comm_msg" and content.get("comm_id") == comm:
                data = content["data"]
                return state_text(data["states"], data["buffer_paths"], list(parts[4:]))
    pytest.fail(f"kernel {kernel_id} sent no widget state within {timeout:g} s")


def test_the_voila_readers_see_output_json_widget_strings_and_chart_numbers():
    e = lessons.EXERCISES["jackson-annual-pue"]
    x = e.answer()
    output = {"data": {"text/plain": f"HTML(value='<p>PUE {fmt.number(x, 4)}</p>')"}}
    page = (
        f'<svg>{fmt.number(x, 4)}</svg><div cell-index="1"><p>ask</p>'
        f'<script type="application/vnd.voila.cell-output+json">{json.dumps(output)}</script>'
        f"<details><summary>Solution</summary>{fmt.number(x, 4)}</details>"
    )
    assert any(p.search(voila_text(page)) for p in forms(e.id))
    assert not any(p.search(voila_text(page.split("<script")[0])) for p in forms(e.id))
    bars = {"m": {"model_name": "BarsModel", "state": {"y": {"dtype": "float64", "shape": [2]}}}}
    chart = state_text(bars, [["m", "state", "y", "value"]], [np.array([1.0, x]).tobytes()])
    assert any(p.search(chart) for p in forms(e.id))
    hidden = {
        "m": {"model_name": "HTMLModel", "state": {"value": f"<details>{e.show(x)}</details>"}},
        "s": {"model_name": "LayoutModel", "state": {"width": e.show(x)}},
    }
    assert not any(p.search(state_text(hidden, [], [])) for p in forms(e.id))


@pytest.mark.slow
def test_no_answer_is_on_a_voila_page_or_in_its_widgets_before_its_reveal(tmp_path):
    # `voila notebooks/`, the reader's own environment: live widgets, no handout, no teacher's key
    server = ServerProcess(
        [
            sys.executable,
            "-m",
            "voila",
            str(handouts.NOTEBOOKS),
            "--no-browser",
            "--port={port}",
            "--Voila.ip=127.0.0.1",
            "--Voila.port_retries=0",
        ],
        tmp_path / "voila.log",
        env={"EXPLORER_STATIC": "0", "EXPLORER_REVEAL": "0"},
    )
    asked = 0
    try:
        for path in handouts.walkthroughs():
            url = f"http://127.0.0.1:{server.port}/voila/render/{path.name}"
            with urllib.request.urlopen(url, timeout=600) as r:
                page = r.read().decode()
            assert "voila_finish" in page, (path.stem, page[-2000:])  # every cell ran
            for error in ("There was an error when executing cell", "Traceback"):
                assert error not in page, (path.stem, error)  # Voila's own note of a failed cell
            kernel = KERNEL_ID.search(page)
            assert kernel, path.stem
            seen = {"page": voila_text(page), "widgets": widget_states(server.port, kernel[1])}
            seen = {where: RANDOM_ID.sub(" ", text) for where, text in seen.items()}
            for eid in exercises_in(nbformat.read(path, as_version=4)):
                asked += 1
                for where, text in seen.items():
                    for pattern in forms(eid):
                        assert not pattern.search(text), (path.stem, eid, where, pattern.pattern)
    finally:
        server.stop()
    assert asked == len(lessons.EXERCISES)


# A widget on screen before an exercise's reveal must not answer it once a student moves it: the
# runs above see each widget only where the lesson leaves it (reader 13: lesson 2's cooling slider
# read "PUE 1.15 · cooling 30 MW" at 10 %, both answers of its section 2, before either was asked).
# So the walkthroughs also run in this process, live (no browser): before each exercise's reveal,
# every control on the page (slider, menu, box) is moved through each of its positions in turn,
# and every number the readouts then print that the page did not print before, with its unit, is
# put to the checker of every exercise not yet revealed. Then the exercise is revealed as a
# student does it ("Show the answer", or a prediction committed), and the next one is asked.
CONTROLS = (
    ipw.FloatSlider,
    ipw.IntSlider,
    ipw.FloatLogSlider,
    ipw.SelectionSlider,
    ipw.Dropdown,
    ipw.Checkbox,
    ipw.ToggleButtons,
    ipw.RadioButtons,
)
# a number and the unit after it ("30 MW", "5.27 %", "208,000 people"); bare numbers are left to
# the patterns of `forms` (a bare "1.52" after "PUE" is no COP)
WITH_UNIT = re.compile(r"\d[\d,]*(?:\.\d+)?\s*(?:%|[^\W\d_][\w/]*)")
# numbers a moved readout prints that the checker would take, by coincidence of value, for an
# answer of another quantity: (lesson, exercise, readout), each with why it gives nothing away
COINCIDENCES = {
    # reader 50: "about half" is right in the job-share box as in its reveal; 50 % is the
    # question's own offered choice and 40 % the MFU, neither the worked 44.8 %
    ("06", "capstone-job-share", "50 %"): "the question's offered choice, not the worked share",
    ("06", "capstone-job-share", "40 %"): "the MFU, not the job's share of the chips",
    # lesson 7's technology menu: the chart's least cooling share (5.27 % of site power, in
    # November) is within the checker's 8 % of the site's share of the state's electricity
    ("07", "state-energy-share", "5.27 %"): "a cooling share, not the state's",
    # found with every other exercise revealed; each is on the page in page order too, before
    # the exercise it matches is asked. Lesson 6's step 4 check: the fastest job's days with no
    # interruptions (12.8) are within the checker's 5 % of the run's energy in days of the city
    ("06", "capstone-city-days", "12.8 days"): "a job's days on its chips, not a city's",
    # lesson 7's step 1 reveal: April's and October's cooling share of the site's power, and the
    # Mississippi site's share of the Rainier cluster (step 1's other sites), are within the
    # checker's 10 % of the site's share of the utility's peak (11 %)
    ("07", "utility-peak-share", "11.5 %"): "April's cooling share, not the utility's",
    ("07", "utility-peak-share", "11.4 %"): "October's cooling share, not the utility's",
    ("07", "utility-peak-share", "12 %"): "the site's share of its cluster, not the utility's",
    # lesson 8's step 5 prediction is marked by its way (reader 52-78): any power a little above
    # the announced 300 MW is right, so lesson 7's hottest hour (330 MW, printed with step 1's
    # load factor) counts; it says nothing of the draws' 5th percentile, 313 MW
    ("08", "contested-power-p5", "330 MW"): "lesson 7's hottest hour, not a percentile",
}
# real spoilers this test found and that are not fixed yet, each removed with its fix (lesson 8's
# tornado menu, whose "cooling power" showed contested-cooling-swing's 120 MW, was one: the
# lesson's panel now offers the city only)
OPEN: set[tuple[str, str]] = set()


def _cells(nb) -> list[tuple[str, object]]:
    """(source, the value of its last line) of each code cell, run in one namespace here."""
    ns: dict = {}
    run = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        tree = ast.parse(cell.source)
        last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
        with contextlib.redirect_stdout(io.StringIO()):
            exec(compile(tree, "<cell>", "exec"), ns)
            value = None
            if last is not None:
                value = eval(compile(ast.Expression(last.value), "<cell>", "eval"), ns)
        run.append((cell.source, value))
    return run


def _tree(x: object):
    if isinstance(x, ipw.Widget):
        yield x
        for part in (*getattr(x, "children", ()), *getattr(x, "marks", ())):
            yield from _tree(part)


def _readouts(roots: list) -> str:
    """The text of every HTML and Label widget on the page, without folded blocks and tags."""
    return "\n".join(
        html.unescape(re.sub(r"<[^>]+>", " ", DETAILS.sub("", x.value)))
        for r in roots
        for x in _tree(r)
        if isinstance(x, ipw.HTML | ipw.HTMLMath | ipw.Label)
    )


def _positions(c: ipw.Widget) -> list:
    if isinstance(c, ipw.Checkbox):
        return [not c.value]
    if isinstance(c, ipw.FloatSlider | ipw.IntSlider):
        return list(np.arange(c.min, c.max + c.step / 2, c.step))
    if isinstance(c, ipw.FloatLogSlider):
        return list(c.base ** np.arange(c.min, c.max + c.step / 2, c.step))
    return list(c._options_values)  # a selection: its values, as the student picks them


def moved(roots: list, skip: frozenset = frozenset()) -> dict[str, str]:
    """What the page's readouts print as each control is moved through its positions, one
    control at a time (each put back where it was), by the control and position that show it;
    the controls in `skip` stay where they are."""
    seen = {}
    for c in [x for r in roots for x in _tree(r) if isinstance(x, CONTROLS) and x not in skip]:
        start = c.value
        for value in _positions(c):
            c.value = value
            seen.setdefault(_readouts(roots), f"{type(c).__name__} {c.description!r} at {value}")
        c.value = start
    return seen


@functools.cache
def answers(eid: str, readout: str) -> bool:
    """Whether the checker takes `readout` as exercise `eid`'s answer. The checker's verdict is a
    function of the exercise and the text alone (no reveal, widget or page state), and the moved
    controls print the same readouts again and again: the out-of-order test put 19,931 of them to
    it, 2,677 distinct (3 ms each), so each is checked once per process."""
    return lessons.check(eid, readout).right


def answered_by(text: str, before: str, eid: str) -> list[str]:
    """The readouts in `text` (not already in `before`) that answer exercise `eid`."""
    new = set(WITH_UNIT.findall(text)) - set(WITH_UNIT.findall(before))
    found = [t for t in new if answers(eid, t)]
    return found + [p.pattern for p in forms(eid) if p.search(text) and not p.search(before)]


def test_the_moved_check_fails_on_a_slider_whose_numbers_are_not_held_back():
    # lesson 2's cooling slider as it was: at 10 % it reads "PUE 1.15 · … · cooling 30 MW"
    widgets.REVEALED.done = []
    try:
        loose = widgets.power_split(lessons.COOLING_SHARE, heat=False)
        assert any(answered_by(t, _readouts([loose]), "cooling-mw-fleet") for t in moved([loose]))
        held = ("cooling-at-fleet-pue", "cooling-mw-fleet")
        kept = widgets.power_split(lessons.COOLING_SHARE, heat=False, numbers_after=held)
        for eid in held:
            assert not any(answered_by(t, _readouts([kept]), eid) for t in moved([kept])), eid
        for eid in held:
            widgets.REVEALED.mark(eid)
        assert "PUE" in _readouts([kept])  # once answered, the numbers are there to check with
    finally:
        widgets.REVEALED.done = []


@pytest.mark.slow
def test_no_control_moved_before_a_reveal_shows_that_exercises_answer(monkeypatch):
    monkeypatch.delenv("EXPLORER_STATIC", raising=False)
    monkeypatch.delenv(widgets.REVEAL, raising=False)
    asked, spoilers, still_open = 0, [], set()
    try:
        for path in handouts.walkthroughs():
            widgets.REVEALED.done = []
            run = _cells(nbformat.read(path, as_version=4))
            _commit_ways(run)
            roots = [v for _, v in run if isinstance(v, ipw.Widget)]
            order = [(k, eid, v) for src, v in run for k, eid in EXERCISE_CALL_KIND.findall(src)]
            for i in range(len(order) + 1):
                before = _readouts(roots)
                for text, control in moved(roots).items():
                    for _, eid, _ in order[i:]:
                        for readout in answered_by(text, before, eid):
                            if (path.name[:2], eid, readout) in COINCIDENCES:
                                continue
                            if (path.name[:2], eid) in OPEN:
                                still_open.add((path.name[:2], eid))
                            else:
                                spoilers.append((path.stem, eid, readout, control))
                if i == len(order):
                    break
                kind, eid, box = order[i]
                asked += 1
                _reveal(kind, eid, box)
                assert eid in widgets.REVEALED.done, (path.stem, eid)
    finally:
        widgets.REVEALED.done = []
    assert not spoilers, spoilers
    assert still_open == OPEN, ("fixed: remove from OPEN", OPEN - still_open)
    assert asked == len(lessons.EXERCISES)


def _commit_ways(run) -> None:
    """Commit every prediction said in words (`widgets.commit_way`, lesson 4's "sooner or
    later?", reader 31): it shows no answer, and the cells that answer it wait for it."""
    for src, box in run:
        if "widgets.commit_way(" in src:
            (toggle,) = [t for t in _tree(box) if isinstance(t, ipw.ToggleButtons)]
            toggle.value = toggle.options[-1]
            for reason in (t for t in _tree(box) if isinstance(t, ipw.Text)):
                reason.value = "a reason"  # the box asks for one (reader 38-34)
            (button,) = [b for b in _tree(box) if isinstance(b, ipw.Button)]
            button.click()


def _reveal(kind: str, eid: str, box) -> None:
    """Reveal exercise `eid` as a student does: "Show the answer", or the answer committed as a
    prediction (twice if it is read back)."""
    buttons = {b.description: b for b in _tree(box) if isinstance(b, ipw.Button)}
    if kind == "answer_box" and "Show the answer" not in buttons:
        return  # its box opens only once the exercise left unanswered is: none to reveal
    if kind == "answer_box":
        buttons["Show the answer"].click()
    else:
        (field,) = [f for f in _tree(box) if isinstance(f, ipw.Text)]
        e = lessons.EXERCISES[eid]
        field.value = e.show(e.answer())
        buttons["Commit and reveal"].click()
        if eid not in widgets.REVEALED.done:
            buttons["Commit and reveal"].click()


def others_answered(path, eid: str) -> list[tuple[str, str]]:
    """Run walkthrough `path`, reveal every exercise but `eid` (in page order), and return what
    then answers `eid` on the page, as it stands and with each control moved: (readout, control).
    Gates only open as more is answered, so "all but one" is the most a student can see before
    that one's reveal, whatever order they answer in. The controls on the page once the
    exercises above `eid` are revealed stay put: the in-page-order test moves those."""
    widgets.REVEALED.done = []
    run = _cells(nbformat.read(path, as_version=4))
    _commit_ways(run)
    roots = [v for _, v in run if isinstance(v, ipw.Widget)]
    order = [(k, other, box) for src, box in run for k, other in EXERCISE_CALL_KIND.findall(src)]
    at = [other for _, other, _ in order].index(eid)
    for kind, other, box in order[:at]:
        _reveal(kind, other, box)
    covered = frozenset(x for r in roots for x in _tree(r) if isinstance(x, CONTROLS))
    for kind, other, box in order[at + 1 :]:
        _reveal(kind, other, box)
    found = [(r, "as it stands") for r in answered_by(_readouts(roots), "", eid)]
    for text, control in moved(roots, covered).items():
        found += [(r, control) for r in answered_by(text, "", eid)]
    return [f for f in found if (path.name[:2], eid, f[0]) not in COINCIDENCES]


@pytest.mark.slow
def test_a_reveal_answered_out_of_order_gives_no_other_exercise_away(monkeypatch):
    # reader 25: lesson 4's goodput prediction opens the training-time slider; a student who
    # commits it before answering section 2 slides to 100,000 chips and reads "22.6 days (11.1
    # days with no interruptions)", llama-days's answer. The test above answers in page order, so
    # it never saw it. Here each exercise is left unanswered while every other one is revealed.
    monkeypatch.delenv("EXPLORER_STATIC", raising=False)
    monkeypatch.delenv(widgets.REVEAL, raising=False)
    asked, spoilers = 0, []
    try:
        for path in handouts.walkthroughs():
            src = nbformat.read(path, as_version=4)
            for eid in dict.fromkeys(exercises_in(src)):
                asked += 1
                spoilers += [(path.stem, eid, *f) for f in others_answered(path, eid)]
    finally:
        widgets.REVEALED.done = []
    assert not spoilers, spoilers
    assert asked == len(lessons.EXERCISES)


def test_lesson_4s_more_chips_verdict_opens_under_its_question_on_a_click(monkeypatch):
    # reader 25: "back to the hook" printed "Half a million chips are slower than 100,000 both
    # ways ... 7.5 % slower ... The fastest job: about 128,000 chips" right above the question
    # that asks which job finishes first; with every exercise revealed, the verdict is on the
    # page only once "Show the numbers" under that question is clicked
    monkeypatch.delenv("EXPLORER_STATIC", raising=False)
    monkeypatch.delenv(widgets.REVEAL, raising=False)
    (path,) = [p for p in handouts.walkthroughs() if p.name.startswith("04")]
    nb = nbformat.read(path, as_version=4)
    code = [c.source for c in nb.cells if c.cell_type == "code"]
    asked = next(i for i, c in enumerate(nb.cells) if "Which job finishes first?" in c.source)
    below = sum(c.cell_type == "code" for c in nb.cells[:asked])  # the first code cell below it
    verdict = lessons.more_chips_words(204_866)
    bits = [verdict.split(":")[0], fmt.percent(lessons.fixed_restart_margin(), 2), "128,000"]
    widgets.REVEALED.done = []
    try:
        run = _cells(nb)
        assert [s for s, _ in run] == code
        _commit_ways(run)
        roots = [v for _, v in run if isinstance(v, ipw.Widget)]
        for src, box in run:
            for kind, eid in EXERCISE_CALL_KIND.findall(src):
                _reveal(kind, eid, box)
        page = _readouts(roots)
        assert not [b for b in bits if b in page], [b for b in bits if b in page]
        (button,) = [b for b in _tree(run[below][1]) if isinstance(b, ipw.Button)]
        assert button.description == "Show an answer"  # the fold's answer too (reader 51-34 D1)
        button.click()
        assert all(b in _readouts([run[below][1]]) for b in bits)
    finally:
        widgets.REVEALED.done = []


def test_the_teachers_guide_beside_the_notebooks_gives_no_answer_away():
    # reader 28, defect 5: notebooks/README.md opens in the students' JupyterLab file browser,
    # beside the glossary every lesson links; its misconceptions gave lesson 1's and 2's answers
    # ("a year of 300 MW is 2.63 TWh", "245,000 households", "PUE is 1.75"). The numbers are
    # in the answer key; the guide names the slips
    guide = (Path(__file__).resolve().parents[2] / "notebooks" / "README.md").read_text("utf-8")
    shown = [
        (eid, m[0])
        for eid in lessons.EXERCISES
        for pattern in forms(eid)
        for m in pattern.finditer(guide)
    ]
    assert not shown, shown


def guide_examples(guide: str) -> set[str]:
    """What the teacher's guide writes as a typed answer: every quoted example ("about 2628"),
    and every figure with a unit or of three or more figures ("7.18e6 PFLOP", "2628"); not a
    bare figure of one or two (a minute, a lesson's number)."""
    text = " ".join(guide.split())
    said = set(re.findall(r'"([^"]{1,60})"', text)) | set(re.findall(r"“([^”]{1,60})”", text))
    for m in re.finditer(r"\d[\d.,]*(?:e\d+)?(?: ?[A-Za-z%][A-Za-z%/]*)?", text):
        figure = m[0].strip(" .,")
        if re.search(r"[A-Za-z%]", figure) or len(re.sub(r"\D", "", figure).strip("0")) >= 3:
            said.add(figure)
    return {s for s in said if re.search(r"\d", s)}


def test_reader_37_12s_guide_gives_no_answer_as_an_example_of_a_form():
    # reader 37-12: the guide's examples of the forms the checker reads were lesson 1's and 2's
    # first answers ("2.6 TWh", "about 2628", "2.6k", "7/4") and lesson 3's and 6's ("7.2e21",
    # "83 petaflops", "5 days 18 hours"); students open the guide. No example the guide writes
    # is a right answer to any exercise
    guide = (Path(__file__).resolve().parents[2] / "notebooks" / "README.md").read_text("utf-8")
    right = [
        (typed, eid)
        for typed in sorted(guide_examples(guide))
        for eid in lessons.EXERCISES
        if lessons.check(eid, typed).right
        # "about half" (40 %, 50 %) is lesson 6's offered choice, right as its reveal says
        # (reader 50): the question itself prints "(50 %)"
        and lessons.check(eid, typed).kind != "trap"
    ]
    assert not right, right
    # the check can fail: an example that is lesson 1's answer
    assert ("about 2628", "energy-300mw") in [
        (t, e)
        for t in guide_examples('estimates ("about 2628")')
        for e in ["energy-300mw"]
        if lessons.check(e, t).right
    ]


def withheld_in_words() -> list[tuple[str, re.Pattern]]:
    """Lesson 4's answers that are no exercise, as words and shares, from the core: section 2's
    share of peak one H100 sustains (and its short burst), and section 3's prediction, whether
    half a million H100s finish sooner or later than the hook's 100,000 (said in one sentence
    that names the bigger job and its verdict)."""
    peak = catalog.value("chips.h100.bf16_dense", "TFLOP/s")
    found = []
    for which in ("sustained", "best"):
        share = catalog.value(f"measurements.h100-matmul.bf16_{which}", "TFLOP/s") / peak
        for s in {fmt.number(100 * share, 2), fmt.number(100 * share, 3)}:
            # "69 %", "69–81 %", "69 to 81 per cent"
            after = r"\s*(?:%|–|-|to\b|per ?cent)"
            found.append((f"{which} share", re.compile(rf"(?<![\d.,]){re.escape(s)}{after}")))
    sizes = [lessons.RUN_CHIPS, lessons.BIG_JOB]
    days = [
        explorer.compute(chip="h100", model="llama3-405b", job_chips=sizes, restart_growth=g)
        .sel(precision="bf16")
        .training_days.values
        for g in (None, 0)
    ]
    # the verdict holds both ways (the restart growing and fixed): the lesson's twist
    assert all(big > hook for hook, big in days) or all(big < hook for hook, big in days)
    verdict = "slower|later|longer|more days" if days[0][1] > days[0][0] else "faster|sooner"
    bigger = rf"half a million|{fmt.number(lessons.BIG_JOB)}|more chips|bigger job|larger job"
    one_sentence = r"\b[^.?!\n]*?\b"  # "half a million chips are slower", "how much slower
    # half a million chips are" (a code comment)
    either = rf"(?:{bigger}){one_sentence}(?:{verdict})|(?:{verdict}){one_sentence}(?:{bigger})"
    found.append(("more chips verdict", re.compile(rf"\b(?:{either})\b", re.I)))
    return found


def test_no_lesson_4_answer_in_words_is_in_the_guide_or_on_its_page_before_the_reveal():
    # reader 29, defects 1 and 2: the guide's misconceptions said "69 % held at its power limit"
    # (section 2's answer) and "half a million chips are slower than 100,000" (section 3's
    # prediction), and lesson 4's overview promised "why more chips can be slower" before the
    # prediction asks it. Neither the guide nor the notebook up to that prediction (its markdown
    # outside the folds, on screen and on paper, and its code: comments show in JupyterLab) may
    # say them
    guide = (Path(__file__).resolve().parents[2] / "notebooks" / "README.md").read_text("utf-8")
    (path,) = [p for p in handouts.walkthroughs() if p.name.startswith("04")]
    nb = nbformat.read(path, as_version=4)
    asked = next(
        i
        for i, c in enumerate(nb.cells)
        if "sooner or later than the hook's" in " ".join(c.source.split())
    )
    page = "\n".join(
        DETAILS.sub("", s)
        for c in nb.cells[: asked + 1]
        for s in (
            (c.source, teacher_pack.on_paper(c.source))
            if c.cell_type == "markdown"
            else (c.source,)
        )
    )
    withheld = withheld_in_words()
    shown = [
        (where, what, m[0])
        for where, text in (("guide", guide), ("lesson 4", page))
        for what, pattern in withheld
        for m in pattern.finditer(text)
    ]
    assert not shown, shown
    # the check can fail: the words the guide and the overview said
    said = (
        "69 % held at its power limit, 81 % in a short burst; why more chips can be slower; "
        "how much slower half a million chips are"
    )
    assert {what for what, p in withheld if p.search(said)} == {
        "sustained share",
        "best share",
        "more chips verdict",
    }
    (verdict,) = [p for what, p in withheld if what == "more chips verdict"]
    assert len(verdict.findall(said)) == 2


# the hooks' outcomes that have no data of their own in the lessons (lessons 1 and 2 answer
# their hooks in prose): what the guide's lesson table said (reader 32, lessons 1-2 defect 2)
HOOK_OUTCOMES = (
    r"250,000 is households",  # lesson 1: the article's city is households, not people
    r"[\"“]more than[\"”] fails",  # lesson 1: as people, the article's "more than" fails
    r"uses more than the site",
    r"\bvery unlikely\b",  # lesson 2: 30-50 % cooling beside PUE 1.15
    r"\bno contradiction\b|\bnot a contradiction\b",
)


def telling_traps() -> list[tuple[str, str, str]]:
    """(exercise, trap name as printed, hint) of every trap whose name narrows its answer: its
    value lies within the exercise's tolerance, or it is a prediction's guess (no slip) within a
    near miss of the answer ("a little under half" for 44.8 %, lesson 7's PUE bands)."""
    out = []
    for e in lessons.EXERCISES.values():
        answer = e.answer()
        for t in e.traps:
            value = t.value()
            near = abs(value / answer - 1) <= exercises.NEAR
            if e.accepts(value) or t.kind.note or (not t.kind.slip and near):
                out.append((e.id, t.id.replace("-", " "), t.hint))
    return out


def guide_leaks(guide: str) -> list[tuple[str, str]]:
    """What in the teacher's guide gives an answer away: a lesson-5 verdict in one sentence or
    table row with a class claim's id or words, a claim's assumption or disagreeing source, a
    hook's outcome, a telling trap's name or hint."""
    flat = " ".join(guide.split())
    leaks = []
    verdicts = (factcheck.ASSUMED, factcheck.CONTESTED, factcheck.REPRODUCED)
    places = [p for line in guide.splitlines() for p in re.split(r"(?<=[.;])\s+", line)]
    for c in factcheck.class_claims():
        words = [f"`{c.id}`", rf"\b{re.escape(c.id)}\b", re.escape(" ".join(c.claim.split()))]
        for place in places:
            if any(re.search(w, place) for w in words) and any(
                re.search(rf"\b{v}\b", place, re.I) for v in verdicts
            ):
                leaks.append(("verdict by claim", place))
        for why in (c.assumption, c.disagrees):
            if why and " ".join(why.split()) in flat:
                leaks.append(("why a verdict", why))
    leaks += [("hook outcome", m[0]) for p in HOOK_OUTCOMES for m in re.finditer(p, flat)]
    for eid, name, hint in telling_traps():
        # a name as a listed slip (a table cell's "…; a little under half; …"; names such as
        # "hottest hour" are plain words elsewhere), a hint anywhere
        listed = rf"(?:^|[|;]) *{re.escape(name)} *(?=[;|(]|$)"
        if any(re.search(listed, line, re.I) for line in guide.splitlines()):
            leaks.append((f"trap of {eid}", name))
        if " ".join(hint.split()) in flat:
            leaks.append((f"trap of {eid}", hint))
    return leaks


def test_reader_32s_guide_holds_no_verdict_hook_outcome_or_telling_slip():
    # reader 32 (lessons 1-2 defect 2; lessons 5-6 defects 1 and 4): the guide, beside the
    # notebooks, answered lessons 1 and 2's hooks in its lesson table, listed lesson 5's verdicts
    # by claim and why, and its trap table named capstone-job-share's "a little under half" and
    # lesson 7's PUE bands. They are in the pack's teacher's notes now
    guide = (Path(__file__).resolve().parents[2] / "notebooks" / "README.md").read_text("utf-8")
    assert not guide_leaks(guide), guide_leaks(guide)
    # each check can fail: what the guide said before
    said = (
        "The verdicts: *contested*: `ms-city`, `ms-cooling`.\n"
        'find that the article\'s 250,000 is households (so its "more than" fails); why 30–50 % '
        "beside PUE 1.15 is very unlikely\n" + teacher_pack.trap_table()
    )
    kinds = {kind.split(" of ")[0] for kind, _ in guide_leaks(said)}
    assert kinds == {"verdict by claim", "hook outcome", "trap"}, kinds
    assert ("trap of capstone-job-share", "a little under half") in guide_leaks(said)
    # and the pack's teacher's notes hold what left the guide
    notes = html.unescape(teacher_pack.teacher_notes())
    assert all(name in notes for _, name, _ in telling_traps())
    assert all(ids in notes for _, ids in teacher_pack.verdicts_by_claim())


def _hint_forms(eid: str) -> list[re.Pattern]:
    """`forms`, plus the answer in powers of ten a worked step prints it in: 76.5 EFLOP/s as
    "7.65 × 10¹⁹" (reader 34)."""
    e = lessons.EXERCISES[eid]
    x = e.answer()
    sci = {fmt.sci(x * 10.0**k) for k in range(3, 25, 3)} | {fmt.sci(x)}
    # reader 37-12: the answer in another unit of its kind (lesson 1's 2,628 GWh as
    # "2,628,000,000 kWh") and a share to four figures ("10.04 %")
    other = set()
    if e.unit == "share":
        other = {f"{fmt.number(100 * x, 4)} %", f"{fmt.number(100 * x, 3)} %"}
    elif e.unit in ("GWh", "MW"):
        kin = ("kWh", "MWh", "TWh") if e.unit == "GWh" else ("kW", "GW")
        other = {f"{fmt.number(x * factor(e.unit, u))} {u}" for u in kin}
    other = {s for s in other if len(s.strip("0.,% ")) >= 3}
    return (
        forms(eid)
        + [re.compile(re.escape(s)) for s in sci if "×" in s]
        + [re.compile(rf"(?<![\d.,]){re.escape(s)}") for s in other]
    )


def test_no_hint_gives_another_exercises_answer_before_its_reveal():
    # reader 34: lesson 6's Hint button printed step 1's count in step 2's worked step, step 2's
    # speed in step 3's and the run's energy in step 5's, with nothing answered. Every box in
    # every lesson: nudge, formula and worked step, by the Hint button and by three wrong
    # checks, give no other exercise's answer of that lesson until that exercise is revealed
    leaks = []
    for e in lessons.EXERCISES.values():
        others = [o for o in lessons.EXERCISES.values() if o.lesson == e.lesson and o.id != e.id]
        widgets.REVEALED.done = []
        try:
            box = widgets.answer_box(e.id)
            given = html.unescape(box.children[0].value)  # figures the question itself prints
            controls = box.children[1].children
            field, check, more = controls[0], controls[1], controls[2]
            seen = []
            for _ in range(3):
                more.click()
                seen.append(html.unescape(box.children[3].value))
            for _ in range(3):
                field.value = "1e-30"  # wrong, and near nothing
                check.click()
                seen.append(html.unescape(box.children[2].value))
        finally:
            widgets.REVEALED.done = []
        text = "\n".join(seen)
        for o in others:
            hits = [p.pattern for p in _hint_forms(o.id) if p.search(text) and not p.search(given)]
            if hits:
                leaks.append((e.id, o.id, hits))
    assert not leaks, "\n".join(f"{a} gives {b}: {h[-1][-40:]}" for a, b, h in leaks)
    # the check can fail: capstone-days' worked step does print step 2's speed, once it opens
    widgets.REVEALED.done = list(lessons.EXERCISES["capstone-days"].waits_for) or ["x"]
    try:
        box = widgets.answer_box("capstone-days")
        for _ in range(3):
            box.children[1].children[2].click()
        assert any(
            p.search(html.unescape(box.children[3].value)) for p in _hint_forms("capstone-achieved")
        )
    finally:
        widgets.REVEALED.done = []


def test_no_prediction_box_names_its_answer_before_the_commit():
    # reader 37-34: "850" in goodput-16k's box (85.3 %) was refused with "give a percentage such
    # as 85 %", inside the tolerance: a slipped digit was handed the answer to commit as its
    # own. Every exercise, any reply to a prediction it cannot read yet: no figure in the reply
    # lies within the exercise's tolerance of its answer (a share's percentages read as such),
    # the student's own figures echoed aside ("If you meant 10 %" after "10 MW")
    number = re.compile(r"(-?\d[\d,]*(?:\.\d+)?)\s*(%?)")
    tries = ("850", "150", "101", "120 %", "999", "-5", "banana", "85%-90%", "1e40", "10 MW")
    leaks = []
    for e in lessons.EXERCISES.values():
        lo, hi = sorted(e.accepted())
        for typed in tries:
            r = lessons.reveal(e.id, typed)
            if r.ready:
                continue
            own = {float(t.replace(",", "")) for t, _ in number.findall(typed)}
            for m in number.finditer(r.message):
                if float(m[1].replace(",", "")) in own:
                    continue
                x = float(m[1].replace(",", ""))
                if e.unit == "share" and (m[2] or x > 1):
                    x /= 100
                if lo <= x <= hi:
                    leaks.append(f"{e.id} {typed!r}: {r.message}")
    assert not leaks, "\n".join(leaks)


def cop_directions(text: str) -> list[str]:
    """The sentences of `text` that say which side of a chiller's minimum COP the article's COP
    (cop-article's answer) lies: a COP and a minimum (or a yardstick's figure) with the answer's
    direction ("below", "under", "short of", "less than" when the answer is lower)."""
    answer = lessons.EXERCISES["cop-article"].answer()
    yardsticks = [
        catalog.entry("climate.published_cop.water-cooled-chiller-minimum").value,
        catalog.entry("climate.published_cop.air-cooled-chiller-minimum").value,
    ]
    below = all(answer < y for y in yardsticks)
    assert below or all(answer > y for y in yardsticks)  # one direction against both
    way = (
        r"below|under|short of|less than|lower than|worse than|fails?"
        if below
        else (r"above|over|more than|higher than|better than|beats?")
    )
    figures = "|".join(re.escape(fmt.number(y)) for y in yardsticks)
    said = []
    for place in re.split(r"(?<=[.;?!])\s+", " ".join(text.split())):
        if (
            re.search(r"\bCOP\b", place)
            and re.search(rf"\bminimum\b|{figures}", place, re.I)
            and re.search(rf"\b(?:{way})\b", place, re.I)
        ):
            said.append(place)
    return said


def test_reader_38_12s_guide_does_not_say_which_side_of_the_minimum_the_articles_cop_is():
    # reader 38-12, defect 1: the guide's discussion question for notebook 2 said row 1 runs "at a
    # COP below even that minimum", the direction lesson 2's section 3 asks the student to find
    # ("is it above or below the air-cooled chillers' 2.8?") before cop-article's reveal
    guide = (Path(__file__).resolve().parents[2] / "notebooks" / "README.md").read_text("utf-8")
    assert not cop_directions(guide), cop_directions(guide)
    # the check can fail: what the guide said
    said = (
        "a new air-cooled chiller must reach at least the ASHRAE minimum COP the lesson gives. "
        "Row 1 is not what that costs: it is the article's 40 %, taken dry, at a COP below even "
        "that minimum."
    )
    assert len(cop_directions(said)) == 1


def test_reader42_12_the_guide_works_out_no_answer_or_slip():
    # reader 42-12 D5: misconception 3 said "not 1 + 0.4", the pue-40 slip's value (1.4) and
    # its method, in the guide students can open. No sum the guide writes gives an exercise's
    # answer or one of its traps' values
    guide = (Path(__file__).resolve().parents[2] / "notebooks" / "README.md").read_text("utf-8")
    number = r"\d+(?:\.\d+)?"
    ops = {"+": float.__add__, "−": float.__sub__, "-": float.__sub__, "×": float.__mul__}
    ops |= {"*": float.__mul__, "÷": float.__truediv__, "/": float.__truediv__}
    sums = [
        (m[0], ops[m[2]](float(m[1]), float(m[3])))
        # a power of ten ("4.5 × 10²¹", "4.5*10^21") is a form, no sum
        for m in re.finditer(
            rf"({number}) ?([-+−×*÷/]) ?({number})(?![\d^⁰¹²³⁴⁵⁶⁷⁸⁹]|\.\d)", " ".join(guide.split())
        )
        if float(m[3]) or m[2] not in "÷/"
    ]
    values = {(eid, t.id, t.value()) for eid, e in lessons.EXERCISES.items() for t in e.traps} | {
        (eid, "answer", e.answer()) for eid, e in lessons.EXERCISES.items()
    }
    found = [
        (said, eid, what)
        for said, x in sums
        for eid, what, v in values
        if isinstance(v, float | int) and v and abs(x - v) <= 0.01 * abs(v)
    ]
    assert not found, found
