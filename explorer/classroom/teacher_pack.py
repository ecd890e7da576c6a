"""The teacher's pack, generated from the exercise definitions so it cannot drift from the code.

Per lesson: a timed 50-minute plan, a print-friendly worksheet and the answer key (every exercise
with its answer, tolerance, stepped hints and traps, and every open question of the walkthrough
with a model answer); for the course: a rubric, the student glossary and a pre/post quiz.

Run ``make teacher-pack`` or ``python -m explorer.classroom.teacher_pack [FOLDER]`` (default
``build/teacher-pack/``). The output is plain HTML with a print stylesheet; it is the same byte
for byte each time it is generated from the same code and catalog.

Examples
--------
>>> pages = build()
>>> sorted(pages)[:3]
['answers.html', 'glossary.html', 'index.html']
>>> "2,628 GWh" in pages["lesson-1/answers.html"]
True
"""

from __future__ import annotations

import html
import json
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from . import lessons
from .exercises import Exercise

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
DEFAULT_OUT = ROOT / "build" / "teacher-pack"


@dataclass(frozen=True)
class Lesson:
    number: int
    title: str
    notebook: str
    free_play: str  # what students try in the first minutes
    debrief: str  # the point the class should leave with
    advanced: str  # what the Advanced track adds


LESSONS = (
    Lesson(
        1,
        "Megawatts and cities",
        "01-megawatts-and-cities.ipynb",
        "open the explorer app and move the site power; read the energy and the 'city' numbers",
        "MW is a rate, MWh an amount; 'a city of N' is a ratio with a chosen basis",
        "compare the bases' sources and dates; set load_factor below 1",
    ),
    Lesson(
        2,
        "Where the power goes",
        "02-where-the-power-goes.ipynb",
        "move the cooling-share slider and watch the IT, cooling and other bars",
        "PUE = site ÷ IT; AWS's fleet PUE of 1.15 leaves about a tenth of the site for cooling",
        "heat removed and rejected, the implied chiller COP, water and WUE",
    ),
    Lesson(
        3,
        "From chips to FLOPS",
        "03-from-chips-to-flops.ipynb",
        "pick accelerators in the app and compare chips per MW",
        "chips per MW follow from TDP × server overhead after PUE; FLOP/s is a speed",
        "per-facility-MW comparison, torus versus switched networks, GB versus GiB",
    ),
    Lesson(
        4,
        "From FLOPS to a trained model",
        "04-from-flops-to-a-trained-model.ipynb",
        "move the chips and MFU sliders of the training widget",
        "time = compute ÷ (chips × peak × MFU × goodput); more chips means more interruptions",
        "Young's and Daly's checkpoint models; why restarts dominate at 500,000 chips",
    ),
    Lesson(
        5,
        "Fact-check the articles",
        "05-fact-check.ipynb",
        "take a role (journalist, AWS engineer, utility planner, resident) and pick the claim "
        "your role doubts most",
        "a claim is reproduced, reproduced under an assumption, or contested by a better source",
        "recompute a claim under another basis, PUE or chip power",
    ),
    Lesson(
        6,
        "Capstone: from a site to a trained model",
        "06-capstone.ipynb",
        "in the app, pick a site and a chip and read the chips and FLOP/s",
        "FLOP is work and FLOP/s a speed, as MWh is energy and MW power; a run's energy is "
        "power × wall-clock time",
        "the job-size sweep: fewer chips per job raise goodput; other models and chips",
    ),
    Lesson(
        7,
        "Hot days, the grid and batteries",
        "07-hot-days-the-grid-and-batteries.ipynb",
        "in the app's Advanced screen, open “Site in context” and switch the cooling technology",
        "an annual average hides the hot-day peak; a site is a few per cent of its state's "
        "energy but a tenth of its utility's peak; batteries are sized by role (MW vs MWh)",
        "smoothing a training job's power swings; a cluster over several sites",
    ),
    Lesson(
        8,
        "Why are the articles' numbers contested?",
        "08-why-are-the-numbers-contested.ipynb",
        "in the app, read the small type under each headline and open “What moves this number”",
        "a number is as sure as its figures: the widest answer takes every end that pushes one "
        "way, a tornado shows which figure matters, a 90 % range how likely the ends are",
        "a Monte Carlo sample of your own; seeds and sample size; figures that move together",
    ),
)


def _ans(eid: str) -> str:
    """An exercise's answer as the key prints it (from the core, never typed here)."""
    e = lessons.EXERCISES[eid]
    return e.show(e.answer())


def _contested(bound: str) -> str:
    """Lesson 8's city of Rainier Mississippi at one end of the catalog's ranges, printed."""
    from .. import fmt

    low, _, high = lessons.contested_city_range()
    return fmt.number(low if bound == "low" else high)


def _households() -> str:
    from .. import fmt
    from ..model import compute

    return fmt.number(float(compute(site_power=300, basis="us-household").city_households))


def _hot_ratio() -> str:
    """Lesson 7's hot-day peak cooling ÷ annual mean cooling (from the core)."""
    from .. import fmt

    year = lessons._hot()[0]
    return fmt.number(float(year.peak_cooling_power / year.mean_cooling_power), 2)


def _extra_bought() -> str:
    """Electricity bought per unit a battery delivers, minus one: 1 / round-trip efficiency − 1."""
    from .. import fmt
    from ..batteries import default_settings

    return fmt.percent(1 / default_settings()["round_trip_efficiency"] - 1, 2)


# Model answers to the walkthroughs' open questions, found by a phrase of the question.
OPEN_ANSWERS: dict[int, tuple[tuple[str, str], ...]] = {
    1: (
        (
            "a city of 250,000",
            f"The site's {_ans('energy-300mw')} a year matches {_households()} US households, or "
            f"{_ans('city-people-us')} on the all-sector basis: the article's 250,000 are "
            "households.",
        ),
        (
            "compare 300 MW directly",
            "MW is a rate (power); a city's use is an amount per year (energy). Multiply by the "
            "hours in a year first.",
        ),
        (
            "Which basis gives a number close",
            f"US households: {_households()}. Per person, all sectors, gives "
            f"{_ans('city-people-us')}.",
        ),
    ),
    2: (
        (
            "can both be true",
            "No, not as an annual average: AWS's fleet PUE leaves "
            f"{_ans('cooling-at-fleet-pue')} of the site ({_ans('cooling-mw-fleet')}) for "
            "cooling. 30–50 % fits an older facility or a hot-day peak.",
        ),
        (
            "What PUE does a 40 % cooling share imply",
            lessons.EXERCISES["pue-40"].hints[2] + ".",
        ),
        (
            "the water per year is larger",
            "In the model only IT energy changes (site power and WUE fixed). To show the "
            "evaporative trade, lower the cooling share (PUE) and raise the WUE together.",
        ),
    ),
    3: (
        (
            "how many Trainium2 chips",
            f"{_ans('trn2-chips-300mw')} at a 10 % cooling share: hundreds of thousands.",
        ),
        (
            "Trainium2 delivers fewer FLOPS per chip",
            "Per facility MW the gap narrows because each Trainium2 draws less power; price, "
            "supply of chips, in-house software and control of the roadmap also decide.",
        ),
    ),
    4: (
        (
            "how many days does it take to train",
            f"{_ans('llama-days')} with no interruptions at 40 % MFU (BF16); more with them "
            f"(goodput {_ans('goodput-16k')} at 16,384 chips, lower at 100,000).",
        ),
        (
            "goodput",
            "Because at Rainier's scale interruptions, checkpoints and restarts decide how much of "
            "the peak becomes training progress; peak FLOPS ignores all of them.",
        ),
    ),
    5: (
        (
            "pick one claim you expect to be wrong",
            "Any, with a reason; the table shows the city claim holds for households, the cooling "
            "share is contested and the UltraServer memory holds only if GiB are read as GB.",
        ),
        (
            "Which rows change verdict",
            "The memory rows (Trn2 instance 1,536 and UltraServer 6.1 TB) are reproduced only "
            "when GiB are read as GB; ask first about the sparse FP8 figure and the cooling share.",
        ),
    ),
    6: (
        (
            "how long would one 300 MW site",
            f"{_ans('capstone-days')} with no interruptions; with all chips in one job, "
            "interruptions stretch it several-fold (see the capstone-energy question).",
        ),
        (
            "Why does putting every chip",
            "More chips in one synchronous job means interruptions come more often; with a "
            "10-minute restart most of the time goes to lost work and restarts. The sweep shows "
            "each added chip buys less: the biggest job finishes only a little sooner but uses "
            "far more energy. Faster restarts or smaller jobs keep goodput up.",
        ),
        (
            "Is the comparison fair",
            "A city's electricity is spread over a year and over homes, shops and industry; the "
            "run's is concentrated in weeks at one site. Energy matches, the grid's load does not.",
        ),
    ),
    7: (
        (
            "on the hottest afternoon",
            f"The chiller plant's hot-day peak is about {_hot_ratio()} times its annual mean "
            f"({_ans('hot-day-above-mean')} above it): more than half as much again. Covering the "
            "extra for the hot day takes a battery of hundreds of MWh: a utility's grid "
            "battery, not a car battery.",
        ),
        (
            "come near 30 %",
            "None: the highest typical hour needs under a fifth of the site's power for cooling, "
            f"and the year's PUE is {_ans('jackson-annual-pue')}. 30–50 % would need an old, "
            "inefficient plant (PUE 1.4–2.0) or counting a hot-day peak as the average.",
        ),
        (
            "matters to a utility planner",
            f"The planner looks at the peak ({_ans('utility-peak-share')} of the utility's peak: "
            "new supply must be built for it); a city comparison is about energy in a year "
            f"({_ans('state-energy-share')} of the state's electricity).",
        ),
        (
            "Compare the two batteries",
            "Ride-through needs the most MW (the whole IT load) but for minutes, so few MWh "
            f"({_ans('ride-through-energy')}); peak shaving needs far fewer MW but for the hot "
            "day's hours, so many more MWh.",
        ),
        (
            "yet it loses the most energy",
            "It discharges every dip, dozens of times a day: its yearly throughput is large, and "
            f"each MWh delivered takes {_extra_bought()} more bought (round-trip losses).",
        ),
        (
            "makes it resilient",
            "Losing Indiana leaves only about an eighth of the cluster; losing Mississippi leaves "
            "most of it. Spread over states, but not evenly: one site carries most of the power.",
        ),
    ),
    8: (
        (
            "How far apart could their answers land",
            "More than twice as far apart: with the catalog's ranges the city runs from "
            f"{_contested('low')} to {_contested('high')} households (the 90 % range alone is "
            "more than a factor of two), mostly because the site may grow from 300 MW toward "
            "750 MW and may not run flat out all year.",
        ),
        (
            "The low end, about 170,000 households",
            "The use per household: the smallest city divides the least energy by the largest "
            "use per household (10,800 kWh), so that figure is taken at its high end.",
        ),
        (
            "MFU is uncertain too",
            "The city is the site's energy divided by a household's use; MFU only says how much "
            "of the chips' peak a training run achieves and changes no megawatt. It moves the "
            "achieved FLOP/s and a training run's days (choose a model and the panel's “Training "
            "days”).",
        ),
        (
            "The announced 300 MW lies",
            "The site's power runs from the announced 300 MW to 750 MW with 300 MW the most "
            "likely single value, but nearly every draw is above it (the range is one-sided): 95 "
            "% of the draws exceed about 311 MW. The central value is the announced figure, not "
            "the middle of the draws.",
        ),
        (
            "Was your hook guess right",
            "Any sentence that names the figures behind the number and their spread, e.g. “about "
            "245,000 US households if the site draws its announced 300 MW all year; more if it "
            "grows as one tracker reports, fewer if it runs part-time”.",
        ),
        (
            "Each figure is drawn on its own",
            "E.g. the site's power and its load factor (a campus built out in phases may also run "
            "below full load), or the cooling share and the water per kWh (evaporative cooling "
            "trades electricity for water, so they move opposite ways). Figures that move "
            "together widen the range; figures that offset each other narrow it.",
        ),
    ),
}

# (minutes, segment, what happens): the 50-minute plan every lesson follows
PLAN = (
    (5, "Free play", "{free_play}."),
    (5, "Hook and predict", "students answer the hook question on the worksheet before anything"),
    (15, "Explore", "run the walkthrough to the first exercise; predict before each reveal"),
    (15, "Check", "exercises: {exercises}; the Hint button steps from nudge to worked step"),
    (10, "Debrief", "{debrief}; collect the worksheet."),
)

_CSS = """
body { font-family: Georgia, serif; max-width: 46em; margin: 2em auto; line-height: 1.45; }
h1, h2, h3 { font-family: Helvetica, Arial, sans-serif; }
table { border-collapse: collapse; width: 100%; margin: 1em 0; }
th, td { border: 1px solid #888; padding: 0.3em 0.5em; text-align: left; vertical-align: top; }
.blank { border-bottom: 1px solid #000; height: 2.2em; margin-bottom: 0.6em; }
code { font-size: 0.95em; }
@media print { a { color: black; text-decoration: none; } .noprint { display: none; }
  section { page-break-inside: avoid; } }
"""


def _page(title: str, body: str) -> str:
    return (
        "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
        f"<title>{html.escape(title)}</title><style>{_CSS}</style></head>\n"
        f"<body>\n<h1>{html.escape(title)}</h1>\n{body}\n</body></html>\n"
    )


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r) + "</tr>\n" for r in rows
    )
    return f"<table><tr>{head}</tr>\n{body}</table>\n"


def exercises_of(lesson: int) -> list[Exercise]:
    return [e for e in lessons.EXERCISES.values() if e.lesson == lesson]


def markdown_cells(path: Path) -> list[str]:
    """The text of a notebook's markdown cells (nbformat 4 JSON, read without Jupyter)."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    return [
        "".join(c["source"]) if isinstance(c["source"], list) else c["source"]
        for c in nb["cells"]
        if c["cell_type"] == "markdown"
    ]


def open_questions(lesson: Lesson) -> list[str]:
    """The hook and every "**Question.**" of the lesson's notebook, as plain text."""
    found = []
    for source in markdown_cells(NOTEBOOKS / lesson.notebook):
        if source.startswith("## Hook"):
            found.append(source.split("\n", 1)[1].strip())
        found += [m.strip() for m in re.findall(r"\*\*Question\.\*\*(.*?)(?:\n\n|$)", source, re.S)]
    return [" ".join(re.sub(r"\*+", "", q).split()) for q in found]


def answer_to(lesson: int, question: str) -> str:
    """The model answer for an open question; InputError when the pack has none (so a new
    question in a notebook cannot slip out of the answer key)."""
    for phrase, answer in OPEN_ANSWERS.get(lesson, ()):
        if phrase in question:
            return answer
    raise InputError("open question", question[:60], "a question with a model answer in the pack")


def _plan(lesson: Lesson) -> str:
    ex = ", ".join(e.id for e in exercises_of(lesson.number)) or "the fact-check table's votes"
    start, rows = 0, []
    for minutes, segment, what in PLAN:
        text = what.format(free_play=lesson.free_play, debrief=lesson.debrief, exercises=ex)
        rows.append([f"{start}–{start + minutes} min", segment, text])
        start += minutes
    assert start == 50
    return (
        f"<p>Notebook <code>{html.escape(lesson.notebook)}</code>. Basics: the 50 minutes below. "
        f"Advanced adds: {html.escape(lesson.advanced)}.</p>"
        + _table(["time", "segment", "what happens"], rows)
    )


def _worksheet(lesson: Lesson) -> str:
    parts = ["<p>Name: ____________________ &nbsp; Date: __________</p>"]
    for q in open_questions(lesson):
        parts.append(f"<section><p>{html.escape(q)}</p><div class='blank'></div></section>")
    for e in exercises_of(lesson.number):
        unit = e.shown_unit() or ("%" if e.unit == "share" else "")
        parts.append(
            f"<section><p><b>{html.escape(e.id)}</b>: {html.escape(e.question)}</p>"
            f"<p>My prediction: __________ {html.escape(unit)} &nbsp; "
            f"My working:</p><div class='blank'></div><div class='blank'></div>"
            f"<p>My answer: __________ {html.escape(unit)}</p></section>"
        )
    return "\n".join(parts)


def _answers(lesson: Lesson) -> str:
    parts = []
    for e in exercises_of(lesson.number):
        traps = [[t.id, e.show(t.value()), t.hint] for t in e.traps]
        parts.append(
            f"<section><h3>{html.escape(e.id)}</h3><p>{html.escape(e.question)}</p>"
            f"<p><b>Answer: {html.escape(e.show(e.answer()))}</b> "
            f"(accepted within ±{e.rel_tol:.0%})</p>"
            + _table(
                ["hint step", "text"],
                [["nudge", e.hints[0]], ["formula", e.hints[1]], ["worked step", e.hints[2]]],
            )
            + (_table(["trap", "wrong answer", "hint it gets"], traps) if traps else "")
            + "</section>"
        )
    qa = [[q, answer_to(lesson.number, q)] for q in open_questions(lesson)]
    parts.append("<h3>Open questions</h3>" + _table(["question", "model answer"], qa))
    return "\n".join(parts)


RUBRIC = (
    (
        "Units",
        "mixes power and energy or drops units",
        "units right with prompting",
        "units right throughout",
        "converts units fluently and checks them",
    ),
    (
        "Method",
        "guesses",
        "uses the right formula with help",
        "sets up each step unaided",
        "explains why each step is needed",
    ),
    (
        "Assumptions",
        "takes published numbers as facts",
        "names one assumption",
        "names the basis, PUE or MFU used",
        "shows how the answer moves when one changes",
    ),
    (
        "Prediction",
        "no prediction",
        "predicts, no reflection",
        "explains the gap to the result",
        "uses the gap to correct a misconception",
    ),
    (
        "Communication",
        "numbers without words",
        "a sentence per answer",
        "clear claim with evidence",
        "a fact-check a newspaper could print",
    ),
)


def _rubric() -> str:
    return "<p>Use for the worksheet and the debrief; each row scores 1–4.</p>" + _table(
        ["criterion", "1 beginning", "2 developing", "3 secure", "4 excellent"], RUBRIC
    )


def _markdown(text: str) -> str:
    """The glossary's small Markdown subset (headings, paragraphs, bold, italic, code) as HTML;
    its inline anchors are kept."""
    out = []
    for block in re.split(r"\n\s*\n", text.strip()):
        block = " ".join(block.split())
        inline = html.escape(block, quote=False)
        inline = re.sub(r'&lt;a id="([\w-]+)"&gt;&lt;/a&gt;', r"<a id='\1'></a>", inline)
        inline = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", inline)
        inline = re.sub(r"\*(.+?)\*", r"<i>\1</i>", inline)
        inline = re.sub(r"`(.+?)`", r"<code>\1</code>", inline)
        m = re.match(r"(#+) (.*)", inline)
        if m:
            level = min(len(m[1]) + 1, 4)
            out.append(f"<h{level}>{m[2]}</h{level}>")
        else:
            out.append(f"<p>{inline}</p>")
    return "\n".join(out[1:])  # the page supplies its own title


def _quiz(with_answers: bool) -> str:
    """One multiple-choice item per exercise: the answer and its traps, in ascending order."""
    rows = []
    for n, e in enumerate(lessons.EXERCISES.values(), start=1):
        values = {e.show(t.value()): t.value() for t in e.traps}
        values[e.show(e.answer())] = e.answer()
        options = sorted(values, key=values.__getitem__)
        choices = [f"{'ABCDEFGH'[i]}) {shown}" for i, shown in enumerate(options)]
        right = "ABCDEFGH"[options.index(e.show(e.answer()))]
        item = (
            f"<section><p>{n}. {html.escape(e.question)}</p>"
            f"<p>{html.escape(' · '.join(choices))}</p>"
        )
        if with_answers:
            item += f"<p><b>Answer: {right}</b> ({html.escape(e.id)})</p>"
        rows.append(item + "</section>")
    intro = (
        "<p>Give the same quiz before lesson 1 (pre) and after lesson 5 (post); the gain is the "
        "change in correct answers. Calculators allowed.</p>"
    )
    return intro + "\n".join(rows)


def build() -> dict[str, str]:
    """Every page of the pack: relative path → HTML text (nothing is written)."""
    glossary = (NOTEBOOKS / "glossary.md").read_text(encoding="utf-8")
    pages: dict[str, str] = {}
    links = []
    for lesson in LESSONS:
        d = f"lesson-{lesson.number}"
        name = f"{lesson.number} · {lesson.title}"
        pages[f"{d}/plan.html"] = _page(f"Lesson {name}: 50-minute plan", _plan(lesson))
        pages[f"{d}/worksheet.html"] = _page(f"Lesson {name}: worksheet", _worksheet(lesson))
        pages[f"{d}/answers.html"] = _page(f"Lesson {name}: answer key", _answers(lesson))
        links.append(
            f"<li>{html.escape(name)}: <a href='{d}/plan.html'>plan</a> · "
            f"<a href='{d}/worksheet.html'>worksheet</a> · <a href='{d}/answers.html'>answers</a>"
            "</li>"
        )
    pages["answers.html"] = _page(
        "Answer key, all lessons", "\n".join(_answers(lesson) for lesson in LESSONS)
    )
    pages["rubric.html"] = _page("Rubric", _rubric())
    pages["glossary.html"] = _page("Student glossary", _markdown(glossary))
    pages["quiz.html"] = _page("Pre/post quiz", _quiz(with_answers=False))
    pages["quiz-answers.html"] = _page("Pre/post quiz: answers", _quiz(with_answers=True))
    pages["index.html"] = _page(
        "Teacher's pack",
        "<p>Generated from the exercise definitions in <code>explorer/lessons.py</code>; "
        "regenerate with <code>make teacher-pack</code>.</p><ul>"
        + "".join(links)
        + "<li><a href='answers.html'>answer key, all lessons</a></li>"
        + "<li><a href='rubric.html'>rubric</a></li>"
        + "<li><a href='glossary.html'>student glossary</a></li>"
        + "<li><a href='quiz.html'>pre/post quiz</a> "
        + "(<a href='quiz-answers.html'>answers</a>)</li></ul>",
    )
    return dict(sorted(pages.items()))


def _safe_folder(folder: Path) -> Path:
    """The output folder, refused when it lies inside the repository but outside ``build/``
    (the pack never writes over tracked files)."""
    out = folder.resolve()
    inside_repo = out == ROOT or ROOT in out.parents
    build_dir = ROOT / "build"
    if inside_repo and not (out == build_dir or build_dir in out.parents):
        raise InputError(
            "folder",
            str(folder),
            "a folder under build/ or outside the repository",
            "is inside the repository, where files are tracked",
        )
    return out


def write(folder: str | Path = DEFAULT_OUT) -> list[Path]:
    """Generate the pack into `folder` (created if needed); returns the files written."""
    out = _safe_folder(Path(folder))
    written = []
    for rel, text in build().items():
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) > 1 or (args and args[0].startswith("-")):
        print(f"usage: python -m {__spec__.name} [FOLDER]  (default {DEFAULT_OUT})")
        return 2
    folder = Path(args[0] if args else DEFAULT_OUT)
    try:
        files = write(folder)
    except InputError as err:
        print(f"teacher-pack: error: {err}", file=sys.stderr)
        return 2
    print(f"teacher-pack: {len(files)} pages in {folder}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
