"""The print-friendly worksheets (one per lesson) and the figure boxes the worksheets and the
answer keys print."""

from __future__ import annotations

import ast
import html
import json
import re

from ... import catalog, fmt
from ...systems import system_table
from ...units import factor
from .. import lessons
from ..lessons import on_paper
from .capstone import (
    CAPSTONE_LABELS,
    CAPSTONE_READ_OUT,
    CAPSTONE_SWEEP,
    capstone_after_step_3,
    capstone_inputs,
    capstone_peak_guess,
)
from .course import Lesson
from .fact_check import exercise_block, fact_check_grid
from .figures import (
    FLEET_PUE,
    JOB_CHIPS_SHOWN,
    MFU_SHOWN,
    N_DAYS,
    NOTEBOOKS,
    RUN_CHIPS_SHOWN,
    SITE_SHOWN,
    TRN2_OVERHEAD,
    TRN2_TDP,
    llama_runs,
    measured_sustained,
)
from .markup import html_table, inline_html
from .plans import PLANS
from .tables import HAND_OUT, TABLE_SHEETS
from .walkthroughs import folds_on_paper, questions_in


def question_html(q: str) -> str:
    """A question on paper, with a numbered list it ends with (lesson 5's eight claims) as a
    list rather than one run-on paragraph (reader 16).

    Examples
    --------
    >>> question_html("Pick one. 1. A first. 2. A second.")
    '<p>Pick one.</p><ol><li>A first.</li><li>A second.</li></ol>'
    >>> question_html("Is 300. The site?")
    '<p>Is 300. The site?</p>'
    """
    if "\n" in q:  # a bulleted list (`_flat`): each item an <li>, the text between a <p>
        out = []
        for line in q.splitlines():
            if line.startswith("- "):
                out += ["<ul>"] if not out or not out[-1].endswith("</li>") else []
                out.append(f"<li>{html.escape(line[2:])}</li>")
            else:
                out += ["</ul>"] if out and out[-1].endswith("</li>") else []
                out.append(f"<p>{html.escape(line)}</p>")
        return "".join(out + (["</ul>"] if out[-1].endswith("</li>") else []))
    head, *items = re.split(r"\s(?=\d{1,2}\. )", q)
    numbered = [re.match(r"(\d+)\. (.*)", x, re.S) for x in items]
    if len(items) < 2 or any(not m or int(m[1]) != i for i, m in enumerate(numbered, start=1)):
        return f"<p>{html.escape(q)}</p>"
    lis = "".join(f"<li>{html.escape(m[2])}</li>" for m in numbered if m)
    return f"<p>{html.escape(head)}</p><ol>{lis}</ol>"


def _unguessed(page: str, lesson: int) -> str:
    """`page` with the figures the lesson has students guess (`lessons.guessed_figures`)
    blanked: on paper they are only in the answer key."""
    for figure in lessons.guessed_figures(lesson):
        page = page.replace(html.escape(figure), html.escape(lessons.blanked(figure, "__________")))
    return page


# the lessons whose Advanced questions read a cell's printed rows (lesson 2's cooling rows, lesson
# 6's sweep, lesson 7's batteries and sites, lesson 8's draws); lessons 1 and 3 ask theirs from
# an exercise's answer or from general knowledge
ADVANCED_READS_ROWS = frozenset({2, 6, 7, 8})


def _pairs_html(paragraph: str) -> str:
    """A notebook's pairs' task on the worksheet, its links as their text."""
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", paragraph)
    return f"<section><p>{inline_html(text)}</p></section>"


def _cop_yardsticks() -> str:
    """Lesson 2's chiller yardsticks, on paper under the COP box, with the notebook's question
    (the box's own question is short: reader 38-12)."""
    water = fmt.number(catalog.entry(lessons.CHILLER_COP).value)
    air = fmt.number(catalog.entry(lessons.AIR_CHILLER_COP).value)
    return (
        "<section><p>Yardsticks (ASHRAE 90.1, its 2010 edition's minimums, as quoted in 2011; "
        "later editions ask a little more): a new "
        f"water-cooled chiller alone, at least {water} (the smallest ones; larger ones more); a "
        f"new air-cooled chiller, which needs no water, at least {air}.</p><p>My COP is above / "
        f"below {air}: ______ &nbsp; above / below {water}: ______</p></section>"
    )


def _weather_table() -> str:
    """Lesson 7's step 1 printout (the station, the plant, each month's dry- and wet-bulb), on
    paper above the prediction that reads it; it holds no answer (reader 39-78: it was only on
    the tables sheet, handed out after the prediction)."""
    import contextlib
    import io

    from ..hot_days import the_year

    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        the_year(lessons.hot_year()[0])
    return (
        "<section><p>Step 1's weather table (the notebook prints it above the prediction):</p>"
        f"<pre>{html.escape(buf.getvalue().rstrip())}</pre></section>"
    )


def worksheet_page(lesson: Lesson) -> str:
    """The hook, every question and every exercise, in the notebook's order (a question that
    follows an exercise stays after it)."""
    parts = ["<p>Name: ____________________ &nbsp; Date: __________</p>"]
    if lesson.number == 6:
        parts.append(capstone_inputs())
    if lesson.number == 1:  # a room without computers works every city from these
        parts.append(_city_figures())
    if lesson.number in TABLE_SHEETS:
        parts.append(
            f"<p><i>Without a computer: the questions about printed values read the tables "
            f"sheet (lesson-{lesson.number}/tables.html) your teacher hands out "
            f"{HAND_OUT[lesson.number]}.</i></p>"
        )
    nb = json.loads((NOTEBOOKS / lesson.notebook).read_text(encoding="utf-8"))
    step, advanced, heading = "", False, ""
    folds = _commitments_that_gate_exercises(nb)
    for cell in nb["cells"]:
        source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
        if cell["cell_type"] == "markdown":
            step = next((line[3:] for line in source.splitlines() if line.startswith("## ")), step)
            if "Advanced" in step and not advanced:
                advanced = True
                # only above a question or an exercise: never an empty section; the note on
                # printed rows only where an Advanced question reads them (reader 20, lesson 3)
                done = "together in class" if PLANS[lesson.number].advanced_in_class else "optional"
                heading = f"<h3>Advanced ({done})</h3>" + (
                    "<p>Questions about a cell's printed rows need the notebook, or the "
                    "teacher's rendering projected.</p>"
                    if lesson.number in ADVANCED_READS_ROWS
                    else ""
                )
            if heading and questions_in(source):
                parts.append(heading + (CAPSTONE_SWEEP if lesson.number == 6 else ""))
                heading = ""
            # a pairs' task ("**In pairs.** …") sets up the questions near it: printed where
            # the notebook has it (reader 23: lesson 2's sheet asked about "the survey" before
            # saying what it is)
            said = folds_on_paper(on_paper(source), student=True)
            first = said.find("**Question.**")
            pairs = [x for x in re.split(r"\n\s*\n", said) if x.startswith("**In pairs")]
            lead = [_pairs_html(x) for x in pairs if first < 0 or said.find(x) < first]
            after = [_pairs_html(x) for x in pairs if 0 <= first < said.find(x)]
            parts += lead
            for q in questions_in(on_paper(source), student=True):
                # a hook that asks for yes or no gets its own line for it (reader 13), and one
                # that asks likely / unlikely / impossible its own (reader 18)
                yes_no = "<p>Yes / no: ______ &nbsp; Why:</p>" if "yes or no" in q.lower() else ""
                if "likely, unlikely or impossible" in q.lower():
                    yes_no = "<p>Likely / unlikely / impossible: ______ &nbsp; Why:</p>"
                if lesson.number == 1 and "Before reading on, guess" in q:  # the hook's guesses
                    yes_no = (
                        "<p>My first guess (how many people): ______ &nbsp; More / less / about "
                        "the same: ______</p>"
                    )
                if "how many did you tick" in q.lower():  # the count, on paper (reader 33)
                    yes_no = "<p>Rows ticked: ______</p>"
                if lesson.number == 2 and "row 3" in q:  # the rows, filled in as they are read out
                    yes_no = html_table(
                        ["row", "cooling", "COP", "water a year"],
                        [[label, "", "", ""] for label, _ in lessons.cooling_rows()],
                    )
                said_q = question_html(q)
                parts.append(f"<section>{said_q}{yes_no}<div class='blank'></div></section>")
            parts += after
            continue
        for kind, eid in re.findall(r'widgets\.(answer_box|predict_reveal)\(\s*"([\w-]+)"', source):
            if heading:
                parts.append(heading)
                heading = ""
            label = CAPSTONE_LABELS.get(eid, step) if lesson.number == 6 else ""
            if eid == "trn2-chips-300mw":  # the all-in power, checked before the count (reader 22)
                parts.append(
                    f"<section><p>One Trainium2's power all in: {TRN2_TDP} × {TRN2_OVERHEAD} = "
                    "______ W (checked with your count: your teacher reads out the four-chip "
                    "table)</p></section>"
                )
            if eid == "jackson-annual-pue":  # the table the prediction reads
                parts.append(_weather_table())
            if eid == "capstone-achieved":  # reader 22: the peak guess had no line to write on
                parts.append(capstone_peak_guess())
            if eid == "goodput-16k":  # its figures, below the fold, after the way is circled
                parts.append(_goodput_figures())
            parts.append(
                exercise_block(
                    lessons.EXERCISES[eid],
                    label,
                    kind == "predict_reveal",
                    # lesson 6's steps are worked answers, the hook the one guess (reader 51-56
                    # D13: "My estimate" beside "My answer" at every step, never explained)
                    worked=lessons.EXERCISES[eid].worked or lesson.number == 6,
                )
            )
            if eid in folds:  # a prediction's, or an answer's (reader 40-78: the battery)
                what = "prediction" if kind == "predict_reveal" else "answer"
                parts.append(
                    "<section class='fold'><p><b>✂ Fold the page here.</b> Turn over only after "
                    f"you have written your {what} above: the figures below give it away (the "
                    f"notebook opens them only after the {what}).</p></section>"
                )
            if eid == "city-power-article":  # the debrief's two lines (reader 21)
                parts.append(
                    f"<section><p>The city's power against the site's {SITE_SHOWN}: above / below "
                    "______</p><p><b>Back to the hook.</b> My first guesses: ______ &nbsp; Now: "
                    "______ because ______</p></section>"
                )
            if eid == "cooling-at-survey-pue":  # the Debrief's second vote (reader 34)
                parts.append(
                    "<section><p><b>Back to the hook.</b> My first answer: ______ &nbsp; Now: "
                    "likely / unlikely / impossible: ______ because ______</p></section>"
                )
            if eid == "cop-article":  # the yardsticks the notebook gives above the box
                parts.append(_cop_yardsticks())
            if eid == "capstone-days":
                parts.append(capstone_after_step_3())
            if eid == "capstone-job-share":
                parts.append(CAPSTONE_READ_OUT)
        # a prediction said in words (`widgets.commit_way`): its ways to circle and a reason
        # line, as the student handout prints them (reader 37-34: "circle one" had nothing)
        for ways in re.findall(r"widgets\.commit_way\([^,]+,\s*(\([^)]*\))", source):
            circle = " / ".join(ast.literal_eval(ways))
            parts.append(
                f"<section><p>{html.escape(circle)} (circle one). One reason: "
                "______________</p></section>"
            )
    if lesson.number == 5:
        parts.append(fact_check_grid())
    if lesson.number == 3:  # a room without computers rebuilds the chips from these
        parts.insert(1, _chip_figures())
    if lesson.number == 4:
        parts.insert(1, _training_figures())
    return _unguessed("\n".join(parts), lesson.number)


def _commitments_that_gate_exercises(nb: dict) -> set[str]:
    """The predictions (``predict_reveal``) and exercises (``answer_box``) a notebook keeps later
    exercises behind: a cell ``widgets.solution("id", … answer_box …, until=…)`` opens an
    exercise only after ``id`` is answered, since its question's figures would give ``id``'s
    answer away (lesson 7's battery, the hook's second answer, after the hot day: reader
    40-78). On paper those exercises go below a fold."""
    sources = ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"]
    commitments = {
        eid
        for src in sources
        for eid in re.findall(r'(?:predict_reveal|answer_box)\(\s*"([\w-]+)"', src)
    }
    gating = {
        eid
        for src in sources
        if "until=" in src and "answer_box(" in src
        for eid in re.findall(r'widgets\.solution\(\s*"([\w-]+)"', src)
    }
    return commitments & gating


def _city_figures() -> str:
    """Lesson 1's input figures, from the catalog: the hours in a year and every basis the
    lesson compares, with its figure and source, and a blank for the city each pair works out
    by hand (the board's table)."""
    # the hours are worked out in the lesson (cell 3 asks for them first): a blank, not 8,760
    rows = [["hours in a year", f"{N_DAYS} days × 24 = ______ hours", "", "—"]]
    for key, what in (
        ("bases.us-person.value", "a US person, all sectors"),
        ("bases.us-household.value", "a US household (home electricity)"),
        ("conventions.persons_per_household", "people in a US household, on average"),
        ("bases.us-person-residential.value", "a US person, homes only"),
        ("bases.us-ms-person.value", "a Mississippi person, all sectors"),
        ("bases.world-person.value", "a person in the world on average, all sectors"),
    ):
        e = catalog.entry(key)
        unit = e.unit.replace(" / year", " a year").replace(" / ", " per ")
        if unit.startswith("person"):
            unit = "people" + unit[len("person") :]
        city = "—" if key.startswith("conventions.") else ""
        rows.append([what, f"{fmt.number(e.value)} {unit}", f"{e.source_title}, {e.date}", city])
    return "<h3>Figures you need</h3>" + html_table(
        ["figure", "value", "source", "the site's city on it (your working)"], rows
    )


def _chip_figures() -> str:
    """Lesson 3's input figures, from the catalog, for working by hand."""
    rows = [
        ["Trainium2's power (TDP, an estimate)", fmt.quantity(_trn2("tdp", "W"), "W")],
        ["server overhead (borrowed from the DGX H100)", TRN2_OVERHEAD],
        ["AWS's fleet PUE", FLEET_PUE],
        # the two shares labelled as shares of the site, not "of which" under the PUE (a ratio):
        # that invited taking the PUE off as well (reader 21)
        ["site power taken by cooling", fmt.percent(lessons.TRN2_COOLING)],
        [
            "site power taken by other losses",
            fmt.percent(catalog.value("defaults.overhead_fraction", "dimensionless")),
        ],
        [
            # the three peaks unlabelled: which is dense FP8 is the lesson's question
            # (reader 36: named in order, they were paired by position)
            "one Trainium2's peaks (sparse FP8, dense BF16, dense FP8, not in the figures' "
            "order: which is which?)",
            ", ".join(fmt.number(_trn2(v, "TFLOP/s")) for v in ("bf16_dense", "fp8_dense"))
            + f" and {fmt.number(_trn2('fp8_sparse', 'TFLOP/s'))} TFLOP/s",
        ],
        ["chips in a Trn2 UltraServer", fmt.number(float(system_table().chips.sel(system=_US)))],
        ["seconds in a day", fmt.number(factor("day", "s"))],
        [
            "(Advanced) one GB200 GPU's dense FP8 peak",
            f"{fmt.number(catalog.value('chips.gb200.fp8_dense', 'TFLOP/s'))} TFLOP/s",
        ],
        [
            "(Advanced) one GB200 GPU's power (TDP)",
            fmt.quantity(catalog.value("chips.gb200.tdp", "W"), "W"),
        ],
        [
            "(Advanced) a GB200 NVL72 rack's server overhead, per GPU",
            fmt.number(catalog.value("chips.gb200.server_overhead", "dimensionless")),
        ],
    ]
    # reader 34: "take them off once" left the student to guess which once; reader 52-34: said
    # inside the other losses' label, it was read twice, so it is a line of its own
    once = (
        f"<p>IT power = the site's power ÷ {FLEET_PUE}. Cooling and other losses are the rest "
        f"of the site (1 − 1/{FLEET_PUE}): take off the PUE or these two shares, not both.</p>"
    )
    return "<h3>Figures you need</h3>" + html_table(["figure", "value"], rows) + once


_US = "trn2-ultraserver"


def _training_figures() -> str:
    """Lesson 4's input figures, from the catalog, for working on paper (the training compute
    is the first exercise's answer, so it is not among them)."""
    peak = catalog.value("chips.h100.bf16_dense", "TFLOP/s")
    mtbi = float(llama_runs().job_mtbi.sel(job_chips=lessons.JOB_CHIPS))
    rows = [
        [
            "operations per parameter per token (the 6 in 6 N D)",
            fmt.number(catalog.value("training.flops_per_parameter_token", "FLOP")),
        ],
        ["one H100's dense BF16 peak (datasheet)", f"{fmt.number(peak)} TFLOP/s"],
        [
            "one H100 sustaining a large matrix multiplication at its power limit (measured)",
            f"{measured_sustained()} TFLOP/s",
        ],
        ["MFU (the share of peak a run achieves)", MFU_SHOWN],
        ["H100s in the hook's run", RUN_CHIPS_SHOWN],
        ["seconds in a day", fmt.number(factor("day", "s"))],
        [
            f"time between interruptions, a {JOB_CHIPS_SHOWN}-GPU job (Llama 3)",
            lessons.interval_words(mtbi),
        ],
    ]
    # no row for how the restart grows with the job: printed above the sooner-or-later line it
    # led to "later" (reader 47-34), and no exercise needs it; the key's goodput table, read out
    # after the commit, gives each job size's restart
    # section 3's table is not here: its half-million row (a restart longer than the gap between
    # interruptions) answers "sooner or later?"; the teacher reads it out from the key's goodput
    # table once the class has committed (reader 46-34)
    return "<h3>Figures you need</h3>" + html_table(["figure", "value"], rows)


def _goodput_figures() -> str:
    """Lesson 4's goodput figures, below a fold printed under the "above or below Meta's >90 %?"
    circle and above the goodput question, whose text repeats them: at the top of the page they
    worked the goodput out before the way was circled (reader 49-34), and a fold at the top put
    the circle itself below it (reader 51-34 D6)."""
    goodput = [
        [
            "a checkpoint stalls training for (assumed)",
            fmt.quantity(catalog.value("reliability.checkpoint_time", "minute"), "min"),
        ],
        [
            "the job saves a checkpoint about every (the explorer's interval)",
            f"{fmt.number(lessons.checkpoint_every(), 3)} min",
        ],
        [
            f"a restart takes, for a {JOB_CHIPS_SHOWN}-chip job (assumed)",
            fmt.quantity(catalog.value("reliability.restart_time", "minute"), "min"),
        ],
    ]
    return (
        "<section class='fold'><p><b>✂ Fold the page here.</b> Turn over only after you have "
        "circled above or below in section 4: the figures and the question below work out its "
        "goodput.</p></section>" + html_table(["figure (section 4's goodput)", "value"], goodput)
    )


def _trn2(var: str, unit: str) -> float:
    return catalog.value(f"chips.trn2.{var}", unit)
