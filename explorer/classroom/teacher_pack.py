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

import ast
import contextlib
import html
import io
import json
import math
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from .. import catalog, fmt, power
from ..errors import InputError
from ..systems import system_table
from ..training import goodput
from ..ui import links
from ..units import factor
from . import factcheck, lessons, quiz
from .computed import compute
from .contested import hook_figures
from .exercises import Exercise, Trap
from .lessons import on_paper

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
DEFAULT_OUT = ROOT / "build" / "teacher-pack"

# The figures the plans and model answers state, formatted from the catalog and the exercises'
# scenario (never retyped here: a moved catalog value moves the pack)
_FLEET_PUE = fmt.number(catalog.value("cooling.aws-fleet.pue", "dimensionless"))
_SURVEY_PUE = fmt.number(catalog.value("cooling.industry-average.pue", "dimensionless"))
_OTHER_SHARE = catalog.value("defaults.overhead_fraction", "dimensionless")
_CHILLER_MIN = fmt.number(catalog.value(lessons.CHILLER_COP, "dimensionless"))  # 4.5
_AIR_CHILLER_MIN = fmt.number(catalog.value(lessons.AIR_CHILLER_COP, "dimensionless"))  # 2.8
_DESIGN_PUE = fmt.number(catalog.value("climate.published_targets.aws-new-design", "dimensionless"))
_TRN2_OVERHEAD = fmt.number(catalog.value("chips.trn2.server_overhead", "dimensionless"))
_TRN2_TDP = fmt.quantity(catalog.value("chips.trn2.tdp", "W"), "W")
_MFU = fmt.percent(lessons.MFU)
_SITE = fmt.quantity(lessons.SITE_MW, "MW")
_RUN_CHIPS, _JOB_CHIPS = fmt.number(lessons.RUN_CHIPS), fmt.number(lessons.JOB_CHIPS)
_HOURS = catalog.value("conventions.hours_per_year", "hour/year")
_N_HOURS, _N_DAYS = fmt.number(_HOURS), fmt.number(_HOURS / factor("day", "hour"))
_HOUSEHOLDS_CITY = lessons.EXERCISES["city-households-us"].show(
    lessons.EXERCISES["city-households-us"].answer()
)  # 245,000 households: what the working on paper shows


def _lesson_hot_day_name() -> str:
    """The day lesson 7's plant is sized for, in words (`hot_days.hot_day_name`)."""
    from .hot_days import hot_day_name

    return hot_day_name(lessons.hot_year()[0])


def _hook_guesses() -> str:
    """Lesson 7's hook's guesses (`hot_days.HOOK_GUESSES`), in words."""
    from .hot_days import HOOK_GUESSES

    return ", ".join(HOOK_GUESSES)


def _lesson_hot_peak() -> str:
    """Lesson 7's cooling peak on the day its plant is sized for [MW]."""
    return fmt.quantity(float(lessons.hot_year()[0].peak_cooling_power), "MW")


def _app_hot_day() -> tuple[str, str]:
    """The app's hot day for lesson 7's site and plant (the core's default rule, the worst day)
    and its cooling peak, from the core."""
    from ..scenario import climate_year

    year = climate_year(lessons.HOT_SITE, lessons.HOT_TECH, site_power=lessons.SITE_MW)
    return str(year.attrs["hot_day"]), fmt.quantity(float(year.peak_cooling_power), "MW")


def _capstone_days(which: str) -> str:
    """Lesson 6's wall-clock days: "every" chip in one job, or the priced "plan" (the fastest)."""
    ds = lessons.capstone_plan() if which == "plan" else lessons.capstone_site()
    return f"{fmt.number(float(ds.training_days))} days"


def _capstone_chips() -> str:
    """The fastest job's chips, as said aloud: the optimum is flat, its last digits mean nothing."""
    return "about " + lessons.job_size(float(lessons.capstone_plan().job_chips))


def _ans(eid: str) -> str:
    """An exercise's answer as the key prints it (from the core, never typed here)."""
    e = lessons.EXERCISES[eid]
    return e.show(e.answer())


def _trap_hint(eid: str, trap: str) -> str:
    """A trap's hint as the checker says it, to quote in a plan (reader 35)."""
    return next(t.hint for t in lessons.EXERCISES[eid].traps if t.id == trap)


def _trap(eid: str, trap: str) -> str:
    """A trap's value as the key prints it (from the core, never typed here)."""
    e = lessons.EXERCISES[eid]
    return fmt.number(float(f"{next(t for t in e.traps if t.id == trap).value():.3g}"))


def _typed_percent(eid: str) -> str:
    """A share exercise's answer as a student types it without the % sign ("10" for 10.0 %)."""
    return fmt.number(lessons.EXERCISES[eid].answer() * 100, 2)


def _six_n_d(model: str = "llama3-405b") -> str:
    """C ≈ 6 N D for a catalog model, written with powers of ten: "6 × 405e9 × 15.6e12"."""

    def e(x: float) -> str:  # engineering notation, as on the board: 405e9, 15.6e12
        k = 3 * math.floor(math.log10(x) / 3)
        return f"{fmt.number(x / 10**k)}e{k}"

    per = catalog.value("training.flops_per_parameter_token", "FLOP")
    n = catalog.value(f"models.{model}.parameters", "dimensionless")
    d = catalog.value(f"models.{model}.tokens", "dimensionless")
    return f"{fmt.number(per)} × {e(n)} × {e(d)}"


def _us_pflop_day() -> str:
    """A Trn2 UltraServer's day of dense FP8 left in PFLOP: "83.1 × 86,400 = 7.18e6"."""
    pf = float(system_table().fp8_dense.sel(system="trn2-ultraserver"))
    return f"{fmt.number(pf)} × {fmt.number(factor('day', 's'))} = {_e(pf * factor('day', 's'))}"


def _e(x: float, digits: int = 3) -> str:
    """A number in e-notation as students type it: 6e16, 7.18e6."""
    mantissa, exponent = f"{x:.{digits - 1}e}".split("e")
    return f"{float(mantissa):g}e{int(exponent)}"


def _measured() -> str:
    """One H100's measured BF16 matrix multiplication, best and sustained: "801 or 683"."""
    best, held = (
        fmt.number(catalog.value(f"measurements.h100-matmul.bf16_{k}", "TFLOP/s"))
        for k in ("best", "sustained")
    )
    return f"{best} or {held}"


def _measured_sustained() -> str:
    return fmt.number(catalog.value("measurements.h100-matmul.bf16_sustained", "TFLOP/s"))


def _sustained_share() -> str:
    """One H100's sustained BF16 matrix multiplication as a share of its datasheet peak."""
    sustained = catalog.value("measurements.h100-matmul.bf16_sustained", "TFLOP/s")
    return fmt.percent(sustained / catalog.value("chips.h100.bf16_dense", "TFLOP/s"), 2)


def _mtbi_hours() -> str:
    """The time between interruptions of Llama 3's job as the lesson says it: "3.09 h (186
    min)"."""
    return lessons.interval_words(float(goodput(lessons.JOB_CHIPS).mtbi))


def _board_flop() -> str:
    """Lesson 3's board exercise: a 1 PFLOP/s machine for one minute, in FLOP (the answer in
    brackets, for the teacher)."""
    flop = factor("PFLOP/s", "FLOP/s") * factor("minute", "s")
    return f"“A 1 PFLOP/s machine runs for one minute: how many FLOP?” ({_e(flop, 1)} FLOP)."


def _trn2_figure(var: str) -> str:
    """One Trainium2's peak at a precision, in TFLOP/s, as the key prints it."""
    return fmt.number(catalog.value(f"chips.trn2.{var}", "TFLOP/s"))


def _trn2_gb200_per_chip() -> float:
    return catalog.value("chips.gb200.fp8_dense", "TFLOP/s") / catalog.value(
        "chips.trn2.fp8_dense", "TFLOP/s"
    )


def _site_h100s() -> float:
    """Lesson 4's section 3: the H100s a site of the article's power feeds at lesson 3's
    cooling share."""
    ds = compute(site_power=lessons.SITE_MW, cooling_fraction=lessons.TRN2_COOLING, chip="h100")
    return float(ds.chips_supported)


@cache
def _runs():
    """Lesson 4's runs of Llama 3.1 405B on H100s (BF16): Llama 3's job, the hook's 100,000
    chips, section 3's site and half a million chips."""
    sizes = [lessons.JOB_CHIPS, lessons.RUN_CHIPS, round(_site_h100s()), lessons.BIG_JOB]
    ds = compute(chip="h100", model="llama3-405b", job_chips=sizes)
    return ds.sel(precision="bf16")


def _uptime() -> str:
    """The share of time Llama 3's job was running in the model (uptime only), from the core."""
    return fmt.percent(float(_runs().job_uptime.sel(job_chips=lessons.JOB_CHIPS)))


def _trap_percent(eid: str, trap: str) -> str:
    """A share trap's value as the key says it aloud ("89.6 %"), from the core."""
    e = lessons.EXERCISES[eid]
    return fmt.percent(next(t for t in e.traps if t.id == trap).value())


def _fixed_restart_words() -> str:
    """Lesson 4's "more chips can be slower" with the restart growing and fixed, from the core
    (`lessons.more_chips_words` at section 3's site)."""
    return lessons.more_chips_words(round(_site_h100s()))


def _goodput_table() -> str:
    """What lesson 4's "back to the hook" cell prints: goodput and days by job size, with the
    restart the core uses at each size, and the model against Meta's published GPU-hours."""
    rows = []
    for n in _runs().job_chips.values:
        r = _runs().sel(job_chips=n)
        rows.append(
            [
                fmt.number(float(n)),
                fmt.quantity(float(r.job_restart_minutes), "min"),
                lessons.interval_words(float(r.job_mtbi)),
                lessons.goodput_words(float(r.goodput)),
                fmt.number(float(r.ideal_days)),
                lessons.days_words(float(r.training_days), int(r.training_flags)),
            ]
        )
    return (
        "<h3>The goodput table (what section 4's “back to the hook” cell prints)</h3>"
        + _table(
            [
                "H100s in the job",
                "restart",
                "an interruption every",
                "goodput",
                "days, no interruptions",
                "days, with interruptions",
            ],
            rows,
        )
        # the figure in full, as the sources list holds it back until the goodput prediction
        # (reader 32): the key is where a teacher finds it on paper
        + f"<p>Check against Meta's model card: {html.escape(lessons.meta_hours_words())}. "
        "The larger jobs extrapolate Llama 3's "
        f"interruption rate. {html.escape(lessons.which_compute_words())}</p>"
        f"<p>{html.escape(lessons.losses_words(_runs().sel(job_chips=lessons.JOB_CHIPS)))}</p>"
        f"<p>{html.escape(lessons.restart_law())}.</p>"
        "<h4>The same jobs, the restart growing and fixed</h4>"
        + _table(*lessons.more_chips_rows(round(_site_h100s())))
        + f"<p>{html.escape(_fixed_restart_words())}</p>"
    )


def _stdout(printer) -> str:
    """What a function that prints (a notebook reveal's) prints, as text."""
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        printer()
    return buf.getvalue().rstrip()


def _lesson_3_tables() -> str:
    """The tables lesson 3's reveals print, for a class without computers (the handout sends
    students to the key for them): the four accelerators, the systems and, for the Advanced
    prediction, the ratios and each accelerator per facility MW; from the functions the
    notebook's cells call."""
    return (
        "<h3>The tables the reveals print (read or project them once each exercise is "
        "done)</h3>"
        "<h4>Power per chip (opens with trn2-chips-300mw)</h4>"
        f"<pre>{html.escape(_stdout(lessons.four_accelerators))}</pre>"
        "<h4>The systems' table (opens with ultraserver-fp8)</h4>"
        + _table(*lessons.systems_rows())
        + "<p>(est.): no published power; chips × TDP × server overhead, as the explorer "
        "estimates it.</p>"
        "<h4>Advanced: per facility MW (opens with the gb200-trn2-per-mw prediction)</h4>"
        f"<pre>{html.escape(_stdout(lessons.per_chip_and_per_mw))}</pre>"
        + _table(*lessons.per_mw_rows())
    )


def _claimed(claim_id: str) -> str:
    """An article's figure as the fact-check quotes it."""
    return fmt.number(float(factcheck.claim(claim_id).claimed))


def _article_cooling_pue() -> str:
    """The article's cooling shares and the PUE each needs with the default other losses:
    "30–50 % would need … (PUE 1.5–2.1)"."""
    low, high = lessons.ARTICLE_COOLING_RANGE
    lo, hi = lessons.article_pue_range()
    return (
        f"{fmt.number(low * 100)}–{fmt.percent(high)} would need an "
        f"old, inefficient plant (PUE {fmt.number(lo, 2)}–{fmt.number(hi, 2)})"
    )


def _capstone_hook() -> str:
    """Lesson 6's hook question in the notebook's words (its bold question), for the plan."""
    nb = json.loads((NOTEBOOKS / "06-capstone.ipynb").read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        source = "".join(cell["source"])
        if source.startswith("## Hook"):
            question = " ".join(re.search(r"\*\*(.+?)\*\*", source, re.S)[1].split())
            return question[0].upper() + question[1:]
    raise KeyError("lesson 6 has no hook")


def _losses_twice() -> str:
    """The chips station's count with the other losses taken off again, as the plan says it."""
    ex = lessons.STATION_CHECKS["ms-chips"]
    return lessons.about(next(t.value() for t in ex.traps if t.id == "other-losses-twice"))


def _copied_figures() -> str:
    """The article's own figures a lesson-5 station names as copied, not computed ("250,000
    people at the city station, …"), as the plan's stumble says them on paper."""
    number = {c: n for n, c in enumerate(factcheck.CLASS_CLAIMS, 1)}  # as the hook lists them
    return ", ".join(
        f"{e.show(t.value())} for claim {number[c]}"
        for c, e in lessons.STATION_CHECKS.items()
        for t in e.traps
        # reader 24: only a figure the claim prints can be copied ("hundreds of thousands" of
        # chips prints no 250,000; that trap is a round estimate)
        if t.kind.figures and fmt.number(t.value()) in factcheck.claim(c).claim
    )


def _claims_and_rereadings() -> str:
    """The full fact-check's rows counted: "25 claims and 1 re-reading (no verdict)"."""
    rereadings = sum(c.verdict() == factcheck.NO_VERDICT for c in factcheck.claims())
    claims = len(factcheck.claims()) - rereadings
    return (
        f"{claims} claims and {rereadings} re-reading (no verdict)" if rereadings else str(claims)
    )


def _most_verdict() -> str:
    """How many of lesson 5's eight claims share the commonest verdict ("4")."""
    verdicts = [c.verdict() for c in factcheck.class_claims()]
    return fmt.number(max(verdicts.count(v) for v in set(verdicts)))


# lesson 5's rows the reveal reads aloud, as the plan names them; the notebook's copy of the
# script leaves the names to the reveal (`script_table`)
_SECOND_LOOK = f"({', '.join(factcheck.second_look())}, in the reveal's order)"
_SECOND_LOOK_UNNAMED = "(the reveal lists them, in order)"


@dataclass(frozen=True)
class Lesson:
    number: int
    title: str
    notebook: str
    app: str  # what to try in the explorer app, when an app server is running (optional)
    debrief: str  # the point the class should leave with
    advanced: str  # what the Advanced track adds
    # the app's settings the step opens on (link parameters, `explorer.ui.links`): the plan
    # gives a link built from them and says them in words (reader 23: the app's own defaults,
    # the household city and FP8, gave numbers that disagreed with the lesson)
    settings: dict[str, object] = field(default_factory=dict)


# where `explorer app` serves the app, unless that port is taken
APP_ADDRESS = "http://127.0.0.1:8866/"
# lessons 5 and 6's site in the app: the article's site at AWS's fleet PUE (as the stations and
# the capstone compute), its chip, the city per person (the station's basis), the full screen
_FLEET = catalog.value("cooling.aws-fleet.pue", "dimensionless")
_ARTICLE_APP = {
    "site": lessons.ARTICLE_SITE,
    "site_power": lessons.SITE_MW,
    "pue": _FLEET,
    "chip": lessons.CAPSTONE["chip"],
    "basis": lessons.STATION_BASIS,
    "screen": "advanced",
}


def app_link(settings: dict[str, object]) -> str:
    """The app's address with `settings` as its link parameters (`explorer.ui.links.build`).

    Examples
    --------
    >>> app_link({"site_power": 300.0, "precision": "bf16"})
    'http://127.0.0.1:8866/?site_power=300&precision=bf16'
    """
    return f"{APP_ADDRESS}?{links.build(settings)}"


def _cooling_at(pue: float) -> float:
    """The cooling share the app's slider shows at `pue`, the other losses at the default."""
    return power.cooling_fraction_for_pue(pue, _OTHER_SHARE)


def app_words(settings: dict[str, object]) -> str:
    """`settings` as the app's controls name them ("Accelerator: AWS Trainium2"), in the link's
    order: what the teacher checks on screen, or sets by hand where the link cannot be used.

    Examples
    --------
    >>> app_words({"chip": "trn2", "precision": "bf16"})
    'Accelerator: AWS Trainium2; Precision: BF16'
    """
    said = {
        "site": lambda v: f"Preset: {catalog.label('sites', v)}",
        "site_power": lambda v: f"Site power: {fmt.quantity(v, 'MW')}",
        "pue": lambda v: (
            f"PUE {fmt.number(v)} in the field beside the “Cooling share of site power” slider "
            f"(the slider then reads {fmt.percent(_cooling_at(v))})"
        ),
        "chip": lambda v: f"Accelerator: {catalog.label('chips', v)}",
        "basis": lambda v: f"City basis: {catalog.label('bases', v)}",
        "model": lambda v: f"Model: {catalog.label('models', v)}",
        "precision": lambda v: f"Precision: {str(v).upper()}",
        "screen": lambda v: f"Screen: {str(v).title()}",
    }
    return "; ".join(said[k](settings[k]) for k in links.ORDER if k in settings)


LESSONS = (
    Lesson(
        1,
        "Megawatts and cities",
        "01-megawatts-and-cities.ipynb",
        "open the explorer app and move the site power; read the energy and the 'city' numbers",
        "MW is a rate, MWh an amount; 'a city of N' is a ratio with a chosen basis",
        "city-low-load: a load factor below 1 (a site that does not run flat out); compare the "
        "bases' sources and dates",
    ),
    Lesson(
        2,
        "Where the power goes",
        "02-where-the-power-goes.ipynb",
        "move the cooling-share slider and watch the IT, cooling and other bars",
        f"PUE = site ÷ IT; AWS's fleet PUE of {_FLEET_PUE} leaves about a tenth of the site for "
        "cooling",
        "work out the implied chiller COP (cop-article), then heat removed and rejected, water "
        "and WUE, and the electricity-for-water trade",
    ),
    Lesson(
        3,
        "From chips to FLOPS",
        "03-from-chips-to-flops.ipynb",
        f"on the app's Advanced screen, set the site power to {_SITE}, the “Cooling share of "
        f"site power” slider to {fmt.percent(lessons.FLEET_COOLING)} (AWS's fleet, as the "
        "lesson; the default preset's share is higher and gives fewer chips) and the "
        "Accelerator to Trainium2 and press “Pin this scenario (A)”; then pick H100: the "
        "Chips and Cluster FLOPS cards set B beside A, the chips a site feeds and its FLOP/s "
        "for the same facility power",
        "the chips a site feeds follow from TDP × server overhead after PUE; FLOP/s is a speed",
        "per-facility-MW comparison, torus versus switched networks, GB versus GiB",
    ),
    Lesson(
        4,
        "From FLOPS to a trained model",
        "04-from-flops-to-a-trained-model.ipynb",
        f"set Screen to Advanced, the site power to {_SITE}, the “Cooling share of site "
        f"power” slider to {fmt.percent(lessons.FLEET_COOLING)} (AWS's fleet, as section 3), "
        "Accelerator to the H100, Precision to BF16 and Model to "
        f"{catalog.label('models', 'llama3-405b')}; type the Job size "
        f"{fmt.number(lessons.JOB_CHIPS)}, then {fmt.number(lessons.RUN_CHIPS)}, then the "
        "site's every chip (leave it blank) and read the wall-clock training time each gives; "
        "then move the “MFU: share of peak FLOPS achieved” slider",
        "time = compute ÷ (chips × peak × MFU × goodput); more chips means more interruptions "
        "and longer restarts",
        "Young's and Daly's checkpoint models; why restarts dominate at 500,000 chips",
    ),
    Lesson(
        5,
        "Fact-check the articles",
        "05-fact-check.ipynb",
        # reader 20: "take a role and pick the claim your role doubts most" clashed with the
        # role cards, whose claims and sides are dealt
        # reader 23: the app's default City basis (households) put 245,000 beside the claim's
        # 250,000; the link opens it on the station's basis, people
        "check the city and chips stations' numbers in the app: open it with the link below, "
        "which sets the stations' own figures, and read the City card (people) and the Chips "
        "card. The City basis matters: the app's default, households, is not the station's",
        "a claim is reproduced, reproduced under an assumption, or contested (a source disagrees)",
        # reader 34: "or chip power" named a part the notebook does not have
        "optional, for a group done early after the reveal: recompute a claim on another basis "
        "or PUE with the notebook's own widgets (the city table's other rows, with the box "
        "ticked for every basis, and the power-split slider), then the notebook's “Question "
        "(if time)”: which claims rest on a unit or a label",
        settings=_ARTICLE_APP,
    ),
    Lesson(
        6,
        "Capstone: from a site to a trained model",
        "06-capstone.ipynb",
        # reader 23: "pick a site and a chip" opened on FP8 and the preset's own cooling share:
        # 99 EFLOP/s, which capstone-achieved calls an MFU slip
        "check step 2 in the app: open it with the link below, which sets the capstone's site, "
        "and read the Chips card and the Cluster FLOPS card: its peak, and its “effective” "
        f"speed, the lesson's achieved speed at {_MFU} MFU. Precision matters: the app's "
        "default, FP8, is about twice the BF16 the lesson trains in. The Training card beside "
        "them counts days of the site's own city (its power as people), not the article's "
        f"{fmt.number(factcheck.ARTICLE_CITY)} people: leave its days of a city to step 5",
        "FLOP is work and FLOP/s a speed, as MWh is energy and MW power; a run's energy is "
        "power × wall-clock time; the fastest job uses only part of the site",
        "the job-size sweep: the fastest job against the least energy; other models and chips",
        settings={**_ARTICLE_APP, "model": lessons.CAPSTONE["model"], "precision": "bf16"},
    ),
    Lesson(
        7,
        "Hot days, the grid and batteries",
        "07-hot-days-the-grid-and-batteries.ipynb",
        "in the app's Advanced screen, open “Site in context” and switch the cooling technology "
        f"(its hot day is {_app_hot_day()[0]}, a cooling peak of {_app_hot_day()[1]} against "
        f"the lesson's {_lesson_hot_peak()})",
        "an annual average hides the hot-day peak; a share depends on its whole: a site is a "
        "few per cent of its state's energy but a tenth of one utility's peak; a peak-shaving "
        "battery moves a day's peak "
        "cooling to its cooler hours and buys its recharge from the grid",
        "batteries by role (ride-through, smoothing a training job's power swings); a cluster "
        "over several sites",
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


# When each plan lets the app be shown (reader 26): projected earlier, its cards give the lesson's
# answers. The plan's step it may be shown from, a condition inside that step (or ""), and what
# the app would give away before it; `_plan` prints it as one rule, with the step's minutes.
APP_WHEN: dict[int, tuple[str, str, str]] = {
    1: (
        "Debrief",
        "",
        "its Energy and City cards give the site's energy in a year and its city, and its "
        "site-power slider finds the power of a city of 250,000",
    ),
    2: ("Debrief", "", "its cooling and IT figures and bars give the PUE and the cooling shares"),
    3: (
        "The so-what: per facility MW",
        "once the class has committed its prediction",
        "its Chips and Cluster FLOPS cards give the chips a site feeds and its FLOP/s",
    ),
    4: (
        "Back to the hook; more chips slower",
        "",
        "its Training card gives the days of the run and the goodput",
    ),
    5: (
        "Reveal",
        "once the verdicts are revealed",
        "its City and Chips cards give the numbers behind the explorer's verdicts",
    ),
    6: ("Debrief", "", "its cards give the chips, the achieved speed and the days of the run"),
    7: ("What we found", "", "its “Site in context” panel gives the hot day's cooling peak"),
    8: (
        "Step 5 and debrief",
        "once the class has committed its prediction for contested-power-p5",
        "the small type under each headline gives the 90 % ranges, and “What moves this "
        "number” the tornado",
    ),
}


def _app_when(lesson: Lesson) -> str:
    """The plan's rule for when the app may be shown (`APP_WHEN`), with the step's minutes;
    InputError when the step is not one of the plan's."""
    step, once, gives = APP_WHEN[lesson.number]
    start = 0
    for minutes, segment, _ in PLANS[lesson.number].segments:
        if segment == step:
            return (
                f"<p><b>When to show the app:</b> not before “{html.escape(step)}” "
                f"({start}–{start + minutes} min){', ' + html.escape(once) if once else ''}. "
                "Before then, keep the app off the projector, as it gives answers away: "
                f"{html.escape(gives)}.</p>"
            )
        start += minutes
    raise InputError("app step", step, "a step of the plan", f"lesson {lesson.number}'s plan")


def _basis_ratio() -> str:
    """How many times lesson 8's basis alone (people or households) moves the city."""
    sizes = [size for _, size in lessons.contested_city_bases()]
    return fmt.number(max(sizes) / min(sizes), 2)


def _shaving_on_the_hot_day() -> tuple[str, str, str, str]:
    """Lesson 7's peak-shaving battery, from the core: the day that sizes it, the hot day's
    cooling peak before and after it (its daily threshold), and why that day sizes it."""
    from .hot_days import sizing_day, why_it_sizes

    year, _, roles = lessons.hot_year()
    shaving = roles["peak-shaving"]
    peak, threshold = year.hot_day_cooling_power.max(), shaving.hot_day_threshold
    return (
        sizing_day(shaving),
        fmt.quantity(float(peak), "MW"),
        fmt.quantity(float(threshold), "MW"),
        why_it_sizes(year, shaving),
    )


@dataclass(frozen=True)
class Plan:
    """A lesson's own 50-minute plan: timed segments (what the teacher says and does), where
    students usually stumble, and how to run it from the notebook alone (no app server)."""

    segments: tuple[tuple[int, str, str], ...]
    stumbles: tuple[str, ...]
    offline: str
    # how the 50 minutes and the Advanced part fit, word for word as the notebook's "Time:" and
    # the teacher's guide's table say it (reader 23: three places said it three ways)
    timing: str = ""
    advanced_in_class: bool = False  # the Advanced part is made together inside the 50 minutes


def _connection() -> tuple[str, str]:
    """Lesson 8's "which 300 MW?" read as the grid connection: the highest load factor lesson
    7's weather allows and the city at it (US households, three figures), printed."""
    from .contested import connection_reading

    _, _, lf, city = connection_reading(lessons.CONTESTED_SITE)
    return fmt.number(lf, 2), fmt.number(float(f"{city:.3g}"))


# lesson 3's so-what, the Advanced prediction made together: the plan's last segment, in minutes
_SO_WHAT_MINUTES = 7

PLANS: dict[int, Plan] = {
    1: Plan(
        (
            (
                5,
                "Hook",
                "Say: “A 300 MW site: a city of about how many people, 25,000, 250,000 or 2.5 "
                "million? Write it down.” Then read the article's claim aloud, in other words "
                "(the lesson's wording, not the article's exact sentence): "
                f"{lessons.article_claim()} Say: “Write down: does a city of 250,000 use "
                "more, less or about the same as the site? Keep both.”",
            ),
            (
                8,
                "Power and energy",
                "Draw a tap: MW is how fast, MWh how much. Ask: “How many hours in a year?” and "
                f"let a student build 365 × 24 = {_N_HOURS} on the board. Students answer "
                "energy-300mw in the notebook before the explorer's own multiplication opens.",
            ),
            (
                6,  # reader 26: 3 minutes to the bases and the table below
                "A city of how many?",
                "Say: “A city is energy per year divided by one "
                "person's use; which person?” Students answer city-people-us on the US "
                "all-sector basis (every kWh of homes, shops and factories, shared over everyone).",
            ),
            (
                10,
                "Which basis?",
                "Read the bases and their figures together: a household's basis is what one home's "
                "meter counts, and two to three people share it. Work the article back to a basis: "
                "two minutes alone first, each student divides the site's kWh by 250,000 and "
                "writes it down, as the notebook asks; then ask the class which basis is "
                "nearest. Each "
                "pair then works out the city on one basis on paper (homes only, Mississippi "
                "or the world) and writes it on the board.",
            ),
            (
                6,
                "Households and the table",
                "Everyone answers city-households-us, to three figures (say so first: 250,000 "
                "to two figures cannot be told from the article's own number); the table opens "
                "and the class compares it with the board.",
            ),
            (
                7,
                "Turned round",
                "Students answer city-power-article: the article's 250,000 people turned back "
                "into megawatts (energy ÷ hours). Say: “Is the city's power above or below the "
                "site's 300 MW?”",
            ),
            (
                8,
                "Debrief",
                "Back to the hook guesses: a show of hands, more, less or about the same? Say: "
                "“Read as people, all sectors, the city uses more than the site, so the "
                "article's ‘more than’ fails; read as households, about the same: the 250,000 "
                "match households. It holds only if you count home use alone, or the world's "
                "average person. A number with no basis is not a fact yet.” Early "
                "finishers and homework: the "
                "Advanced city-low-load (a site that does not run flat out). Collect the "
                "worksheet. The quiz: the first 10 minutes of the next lesson, or homework.",
            ),
        ),
        (
            "Answering 300 (MW) for energy-300mw: the trap hint says energy is power × time.",
            f"Multiplying by {_N_DAYS} (days) instead of {_N_HOURS} hours: caught in MW × days "
            "and in GWh.",
            "Dividing GWh by kWh without converting: answers a million times too small (GWh ÷ "
            "kWh) or 1,000 times too small (MWh ÷ kWh).",
            "Typing the article's 250,000 for city-people-us: the hint says it is the figure to "
            "check, not a computed one (without naming the basis it matches). For "
            "city-households-us 250,000 is refused (Not yet): it is the article's figure, and "
            "the hint asks a student who worked it out for three figures (their own result). "
            f"On paper: accept 250,000 only if the working shows about {_HOUSEHOLDS_CITY}; "
            "otherwise ask for three figures. The checker refuses it at every try; as for any "
            "answer, the third try also shows the worked step (and “Show the answer”), as the "
            "third press of Hint does.",
            "A household city to two figures worked from an energy rounded to two figures (in "
            "TWh): within the tolerance to the figures given, but two figures cannot be told "
            "from the article's 250,000, so the checker asks for three figures at every step.",
            "Answering 3,050 (the city's GWh a year) for city-power-article: the hint says "
            "energy ÷ the hours of a year gives the power. “348 MW per year” is refused: the "
            "checker says MW is already a rate, so “per year” does not belong.",
            "Multiplying by 24 only (one day's energy) for energy-300mw: the trap hint says a "
            f"year has {_N_DAYS} such days.",
        ),
        "Every number is in the notebook: Run All, then students work top to bottom; the table of "
        "bases opens inside the notebook once the site's energy and both city exercises are "
        "answered. Without computers: the worksheet lists the bases with their figures "
        "(students fill in the hours), so pairs compute every city by hand; project the "
        "teacher's rendering (explorer teach handouts --teacher --out DIR) to show the table of "
        "bases and the worked "
        # the moment named, not "from step 6 on": the plan's rows are not numbered (reader 29)
        "solutions at the reveal, and only once everyone has entered city-households-us (in "
        "“Households and the table”, after the pairs' board work): its page prints the household "
        "city just under the bases the pairs work from. Stop scrolling at the table: the next "
        "screen answers city-power-article, which the pairs work on after it; show that part "
        "only at its own reveal.",
    ),
    2: Plan(
        (
            (
                5,
                "Hook",
                "Put both claims on the board: “30–50 % for cooling” and "
                f"“PUE {_FLEET_PUE}”. "
                "Say: “Can both be true: likely, unlikely or impossible? One sentence why.”",
            ),
            (
                12,
                "1 · IT, cooling and the rest",
                "Define PUE = site ÷ IT on the board. Students "
                "answer pue-40 for the article's 40 %; the slider opens at 40 % once they have.",
            ),
            (
                15,
                "2 · Against AWS's number",
                "Say: “Turn the PUE round: what share is left for "
                f"cooling at {_FLEET_PUE}?” Students answer cooling-at-fleet-pue, then "
                "cooling-mw-fleet.",
            ),
            (
                8,
                "Where 30–50 % could come from",
                "Pairs, on paper: at what cooling share would this site match the industry "
                f"survey's average PUE of {_SURVEY_PUE}? Is that inside 30–50 %? (1 − 1/"
                f"{_SURVEY_PUE} − {fmt.percent(_OTHER_SHARE)} = "
                f"{_ans('cooling-at-survey-pue')}: only the low end.) Pairs enter their share "
                "in cooling-at-survey-pue; the check that converts the survey's PUE opens only "
                "then, and so do the slider's PUE and MW (dragged, they would answer it). "
                "Open the collapsed note together to check; a hot day does not rescue "
                "it either in lesson 7's model of a modern plant (a model, not this site; the "
                "article's range may be peak cooling capacity).",
            ),
            (
                10,
                "Debrief",
                "Vote again on the hook. Say: “Not a contradiction, but very unlikely for a "
                "new site. A PUE and a share are the same fact written two ways.” Section 3 "
                "(cop-article's COP, heat and water) is homework. Only if time is "
                "left: the whole class works out cop-article (heat removed ÷ cooling power, one "
                "division): above or below the chillers' minimums, "
                f"{_AIR_CHILLER_MIN} air-cooled and {_CHILLER_MIN} water-cooled? The quiz: the "
                "first 10 minutes of the next lesson, or homework.",
            ),
        ),
        (
            "PUE = 1 + cooling share (1.4), or 1 + cooling + other losses (1.43): the trap "
            "hints point to site ÷ IT.",
            "Forgetting the other losses: a PUE a few per cent low (1.67); the trap hint says to "
            "take them off too. A bare “1.7” is too rough to tell: the hint asks for three "
            "figures.",
            "PUE − 1 − other losses for the cooling share (12 %, 36 MW): the trap hint says "
            f"“{_trap_hint('cooling-at-fleet-pue', 'pue-minus-one-minus-other')}”.",
            "Pairs who round their share at the survey's PUE to one figure write the article's "
            "30 %: the checker says 30 % is the article's figure, the claim being checked, "
            "and asks for the share worked from the survey's PUE. To 30 or 30 %, which may be "
            "their own rounding, it also asks for one more figure; 30.0 % and 0.30 are no "
            "rounding of the answer, so it does not.",
            f"Typing {_typed_percent('cooling-at-fleet-pue')} for "
            f"{_typed_percent('cooling-at-fleet-pue')} %: the checker reads it as "
            f"{_typed_percent('cooling-at-fleet-pue')} % and says so; students can change it.",
        ),
        "The slider and the note open inside the notebook: Run All, no app needed. Without "
        "computers, the worksheet's four Basics exercises (the pairs' share among them), its "
        "questions and the hook make the lesson; draw the bars (IT, cooling, other) on the "
        "board for 40 % and for the fleet PUE. The "
        "Advanced rows (heat, COP, water) are printed in the answer key (and on the teacher's "
        "rendering, explorer teach handouts --teacher --out DIR): read them out once the "
        "COP is worked out.",
    ),
    3: Plan(
        (
            (
                5,
                "Hook",
                f"Say: “How many Trainium2 chips can a {_SITE} site run: ten thousand, a "
                "hundred thousand, a million?” Show of hands for each.",
            ),
            (
                15,
                "Power per chip",
                "Write TDP × overhead on the board and say that Trainium2 "
                f"borrows the DGX H100's {_TRN2_OVERHEAD}. Students answer trn2-chips-300mw; the "
                "four-chip table opens. Once everyone has answered, close the hook in one "
                "sentence: a hundred thousand "
                "was about 3 times too low, a million 3.5 times too high. "
                "Someone will ask why a GB200 needs less all in than a "
                "B200 with the lower TDP: the line under the table answers it (a share of a "
                "liquid-cooled rack against a whole air-cooled server).",
            ),
            (
                8,
                "FLOP and FLOP/s",
                "Say: “A FLOP is an amount like MWh, FLOP/s a rate like "
                "MW; sparse figures are upper bounds.” Board exercise, pairs, one minute: "
                f"{_board_flop()} Then the notebook's question: which of Trainium2's three "
                "figures goes beside a GB200's dense FP8?",
            ),
            (
                10,
                "Rebuild the UltraServer",
                "Ask the torus question (how many hops at most?) with a 4×4 grid drawn on the "
                "board. Students answer ultraserver-fp8 from one chip's "
                "figure; the systems' table opens and they compare with the published column.",
            ),
            (
                5,
                "A day of computing",
                "Students answer ultraserver-day-flop: one UltraServer's FLOP in a day (speed × "
                "time). Then the question under it, the bridge to lesson 4: “would a real run "
                "get this much out of it?” Collect two reasons (waiting on memory, network and "
                "each other; failures and restarts).",
            ),
            (
                _SO_WHAT_MINUTES,
                "The so-what: per facility MW",
                # one step, its whole slot (reader 21: it shared 7 minutes with the debrief)
                "The lesson's so-what, the Advanced prediction done together: the whole class "
                "predicts gb200-trn2-per-mw (per chip a GB200 gives "
                f"{fmt.number(_trn2_gb200_per_chip(), 2)} times Trainium2's dense FP8; per "
                "facility MW, how many times?) from the worksheet's figures, and writes it down. "
                "Commit one class prediction in the notebook on the projector: the two ratios "
                "and the per-facility-MW chart open (“fewer FLOP/s per chip is not as many fewer "
                "per MW”; Trainium2 sits a little below the H100 there, on an estimated TDP and "
                "a borrowed overhead; A100 and TPU v4 show n/a, no FP8). Why AWS builds its own "
                "chip starts there. “What we found” is homework.",
            ),
        ),
        (
            "Forgetting the server overhead: nearly twice the chips.",
            "Taking off the cooling and other losses and then dividing by the PUE as well "
            f"(about {_trap('trn2-chips-300mw', 'pue-twice')} chips), or the cooling twice "
            f"(about {_trap('trn2-chips-300mw', 'cooling-twice')}): the losses already are the "
            "PUE; the checker names both.",
            # reader 20: PUE − 1 as the non-IT share lay within the tolerance and was called right
            "Working from the PUE the wrong way: PUE − 1 taken as the non-IT share (site × "
            f"(2 − PUE): about {_trap('trn2-chips-300mw', 'pue-minus-one-as-non-it')} chips, "
            "close enough to look right) or the site multiplied by the PUE (one "
            f"{_trap('trn2-chips-300mw', 'pue-multiplied')}): IT power is site ÷ PUE; the "
            "checker names both (lessons 5 and 6 too).",
            "Doubling the BF16 figure for FP8 (“about twice”, the lesson says): "
            f"{_trap('ultraserver-fp8', 'twice-bf16')} PFLOP/s, not the dense FP8 figure itself; "
            "the checker names it.",
            "“Why does a GB200 need less power all in than a B200?” The GB200's overhead is its "
            "share of a liquid-cooled NVL72 rack (two GPUs per Grace CPU, shared power shelves, "
            "no fans), the B200's a whole air-cooled DGX server; the rack's figure is of "
            f"{catalog.entry('chips.gb200.server_overhead').confidence} confidence. The line "
            "under the four-chip table says so.",
            "Leaving the UltraServer in TFLOP/s (64 chips × one chip's TFLOP/s): the hint says "
            "the number is the right size in TFLOP/s and that 1 PFLOP/s = 10³ TFLOP/s.",
            "Using the sparse figure for the dense question (twice the answer), or copying the "
            "Project Rainier article's "
            f"{fmt.number(float(factcheck.claim('us-sparse').claimed))} PFLOP/s "
            f"({factcheck.sparse_factors()[0]} × dense): the checker names both.",
            f"Leaving a day's computing in PFLOP ({_us_pflop_day()}): the hint names the "
            "prefix (1 PFLOP = 10¹⁵ FLOP).",
        ),
        "The four reveals (the four-chip table, the systems table, the worked step of a day's "
        "FLOP, and the per-MW ratios with their chart) open inside the notebook; Run All and work "
        "through. Without computers, the "
        "worksheet prints the chip figures (“Figures you need”, the GB200's included): pairs "
        "count the chips, rebuild the UltraServer by hand and, for the Advanced prediction, "
        "divide each chip's FLOP/s by its power all in; once each exercise is done the teacher "
        "reads or projects its table from the answer key (the four accelerators, the systems "
        "with the published column, the day's FLOP worked out, and per facility MW).",
        timing=f"50 minutes; the last {_SO_WHAT_MINUTES} are the Advanced prediction (per "
        "facility MW), made together in class. “What we found” is homework.",
        advanced_in_class=True,
    ),
    4: Plan(
        (
            (
                5,
                "Hook",
                f"Say: “{_RUN_CHIPS} H100s, Llama 3.1 405B: a day, a week, a month, a year?” "
                "Collect guesses on the board.",
            ),
            (
                8,
                "6 N D",
                "Students answer llama-compute (C ≈ 6 N D for Llama 3.1 405B) and compare with "
                f"Meta's figure when it opens; then work C ≈ {_six_n_d()} on the board with "
                "powers of ten.",
            ),
            (
                10,
                "Peak, achieved, days",
                # the notebook's section 2 question has its two minutes here (reader 20)
                "Two minutes for the notebook's question: what share of peak does one H100 "
                "sustain? Students divide the sustained speed by the datasheet peak (one "
                f"{_sustained_share()}). Then say: “Real runs reach about {_MFU} of the "
                "datasheet peak, not of the measured speed.” Students answer llama-days; the "
                "worked step and the first back to the hook (the days with no stop) open below "
                "it.",
            ),
            (
                5,
                "How big a job a site allows (section 3)",
                "Read the table printed under the site: each job size's restart (it grows with "
                "the job) and how often it is interrupted. Ask for a show of hands, without "
                f"answering: “will {fmt.number(lessons.BIG_JOB)} H100s finish sooner or later "
                # reader 35: the table answers it if nobody reasons about it
                f"than {_RUN_CHIPS}?” Point at the {fmt.number(lessons.BIG_JOB)} row's last "
                "two figures and ask: “What happens when a restart takes longer than the gap "
                "between interruptions?” "
                "Students commit sooner or later in the box under it (on "
                "paper: circle one) with one reason, and count the hands before anyone commits "
                "goodput-16k. What answers it (the hook's days with interruptions, the "
                "more-chips numbers and the Advanced Young and Daly printout) waits for all three: "
                "sooner or later, the goodput prediction and llama-days.",
            ),
            (
                12,
                "Goodput (predict first)",
                f"Say: “About every {_mtbi_hours()} a failure costs a restart plus, on average, "
                "half the work between checkpoints; the job checkpoints about every "
                f"{fmt.number(lessons.checkpoint_every(), 3)} minutes, and each checkpoint "
                "pauses it a minute.” Students add the three losses as shares of the time and "
                "commit a prediction for goodput-16k. The chips slider opens on it once "
                "llama-days is answered and sooner or later committed (at half a million chips "
                "it answers section 3). "
                "A prediction near Meta's >90 % is fair: Meta measured "
                f"{lessons.METAS_DEFINITION}, much like goodput; the model's assumed restart "
                "and checkpoint are probably longer than Meta's.",
            ),
            (
                10,
                "Back to the hook; more chips slower",
                # one question of one table's two rows (reader 26: the ten minutes held two
                # tables, a three-part question and a closing)
                "Back to the hook with interruptions, beside Meta's GPU-hours (consistent, under "
                "assumed restart and checkpoint times). Then read out only the second table's "
                f"first two rows and ask “how can {fmt.number(lessons.BIG_JOB)} chips be slower "
                f"than {_RUN_CHIPS}?” Collect reasons before opening the answer: more parts, so "
                "more interruptions; a bigger job, so longer restarts (far slower with a growing "
                f"restart, {fmt.percent(lessons.fixed_restart_margin(), 2)} slower with a fixed "
                "one). Leave section 3's site out (it rests on the assumed growth). Young and "
                "Daly are optional; “What we found” is homework.",
            ),
        ),
        (
            "Dividing by seconds per hour instead of per day (24 times too many days).",
            "Multiplying the time by the MFU instead of dividing by it: far too few days.",
            f"Using the measured H100 speed ({_measured()} TFLOP/s) as the peak: MFU is a share "
            "of the datasheet peak; the checker names it.",
            "Leaving one loss out of the goodput sum (the restart, the checkpoint's minute or "
            f"the lost work): about {_trap_percent('goodput-16k', 'one-loss-left-out')}, near "
            "Meta's 90 %; the checker names the slip, and a plain guess of 90 % is Meta's "
            "figure.",
            "Taking off only the restarts (one "
            f"{_trap_percent('goodput-16k', 'restart-only')}, the time the job was running): "
            "uptime only; the checker names it and adds the checkpoints and the lost work.",
            f"Typing {_typed_percent('goodput-16k')} for a goodput of "
            f"{_typed_percent('goodput-16k')} %: read as {_typed_percent('goodput-16k')} % and "
            "echoed; the prediction stays editable until committed.",
        ),
        "The goodput slider and the hook's days with interruptions open inside the notebook "
        "after the prediction, llama-days and sooner or later; Run All first. Without "
        "computers, the worksheet's exercises with a calculator and its “Figures you "
        "need”; the teacher reads the goodput table (restart, goodput and days by job size, "
        "and the check against Meta's GPU-hours) and, for the Advanced part, the Young and "
        "Daly printout from the answer key.",
        timing="50 minutes of Basics (sections 1–4); the Advanced part (Young and Daly) is "
        "optional, after the 50 minutes. “What we found” is homework.",
    ),
    5: Plan(
        (
            (
                4,
                "Hook",
                "Say: “Which of the eight claims do you expect to be wrong? Write it and why.”",
            ),
            (
                5,  # reader 35: 3 minutes held the cards, the briefs and "Whose figure?"
                "Roles",
                "Hand out the four role cards (worksheet); each group reads its brief "
                "and its four claims (every claim has one defender and one challenger). Say: "
                "“Argue in role; vote what you believe once all the cases are made: the vote "
                "scores against the sources, not the argument.” Read the verdict rule aloud "
                "(the table at the top and “Whose figure?” under it): filling a gap the claim "
                "leaves open is an assumption; changing the claim's words is a different claim.",
            ),
            (
                10,  # reader 35: 3 of a group's 4 stations are one-line products
                "Recompute",
                "Groups work the stations of their claims, writing their number "
                "and its assumption in the grid.",
            ),
            # reader 16: 8 x 90 s filled the 12 minutes with no changeover, and the vote
            # was cast twice; floor questions move to the debrief, each vote is cast once and
            # groups mark their own "named" points against the reveal's "why" column
            (
                11,
                "Make the case",
                "Claim by claim, in the grid's order: its defender 30 s, its challenger 30 s, "
                "and about 15 s to hand over (75 s a claim). Questions from the floor wait for "
                "the debrief.",
            ),
            (
                5,
                "Vote",
                "Each group agrees its verdict on the four claims it argued and writes it in the "
                "grid's “group verdict” column (the role's verdict, scored). Then everyone votes "
                "alone on the eight claims, once: in the notebook when there are computers, in "
                "the grid's “my vote” column on paper.",
            ),
            (
                8,
                "Reveal",
                # reader 22: the button reveals only once the projecting machine has voted
                "On the projector, enter the class's majority vote on each claim (a show of "
                "hands, about 1 min), then press “Reveal the verdicts” and project the table. "
                "Each group scores itself out "
                "of 8 (the scoring rule above), marking its own “named” points against the "
                "table's “why” column; each student scores their votes. Read aloud only the rows "
                f"worth a second look {_SECOND_LOOK}, each up to its “{factcheck.ASKS}” (one "
                "line); groups that "
                "ask read the rest and the other rows (below them on screen, in the answer key "
                "on paper).",
            ),
            (
                7,
                "Debrief",
                "The three debrief questions; the last is one sentence each: what would you "
                "ask the author, with which source?",
            ),
        ),
        (
            "Treating “reproduced under an assumption” as “wrong”: the chip count comes out "
            "once a chip's power and the server overhead, which the claim does not state, are "
            "assumed.",
            "Voting on the battery claim by opinion: the station lists what the sources say, and "
            "do not say.",
            "Taking the article's rounding (a tenth of a PF) for a disagreement.",
            "Arguing the city from the homes-only row: a city's electricity is all sectors "
            "(homes, shops, schools, offices, industry), so homes only changes what the claim "
            "compares, as households change its words; answer from the answer key's "
            "“Rows worth a second look”.",
            f"Voting one verdict on every claim: {_most_verdict()} of the eight share a verdict, "
            "so such a ballot scores that many at best; read the scores with that in mind.",
            # reader 19: the row looked like a decoy; it is kept on purpose, and said so here
            "Taking the chips station's 3 % other losses off again after dividing by the PUE "
            f"(about {_losses_twice()} chips): the row is there on purpose, because the PUE "
            "already counts those losses (the station's note says so), and the checker names "
            "the slip.",
            # reader 22: the notebook names the article's figure typed; on paper, the teacher
            f"A group whose number is the article's own ({_copied_figures()}) has copied the "
            "claim, not computed it: ask for its own computation from the station's figures. "
            f"“{fmt.number(lessons.STATION_CHECKS['trn2-hbm'].answer())} GB” for claim "
            f"{factcheck.CLASS_CLAIMS.index('trn2-hbm') + 1} (memory) is "
            # reader 33: not "the unit slip the row is about", the challenger's side of the row
            "the article's figure as printed: ask for the chips × one chip's memory in the "
            "chip's unit, GiB; which sense of GB the article means is the claim the groups judge.",
        ),
        "The stations, the vote and the reveal all run in the notebook. Without computers: the "
        "worksheet carries the verdict rule, the dense/sparse note, the role cards, the stations "
        "(figures, the computation in words, the notes and the sources with their addresses) and "
        "the claim grid; the teacher checks the groups' station numbers from the answer key "
        "(the cooling station accepts either PUE's computation) and reads the verdicts, the rows "
        "worth a second look and the debrief's model answers from it at the reveal.",
    ),
    6: Plan(
        (
            (
                5,
                "Hook",
                f"Say: “{_capstone_hook()}”",
            ),
            (
                10,
                "Chips and FLOP/s",
                "Students answer capstone-chips (lesson 3's method with AWS's PUE: site ÷ PUE "
                "÷ (TDP × server overhead)), then guess the peak and answer capstone-achieved "
                "(chips × one chip's BF16 peak × MFU). A student whose count is a little "
                "higher from lesson 3's rounded cooling share is right "
                f"({lessons.EXERCISES['capstone-chips'].tolerance()}); one who divides "
                "by the PUE and then takes the 3 % other losses off again, or takes PUE − 1 as "
                "the non-IT share (site × (2 − PUE), about "
                f"{_trap('capstone-chips', 'pue-minus-one-as-non-it')}), gets that slip named "
                "(the (2 − PUE) slip by its 0.85 or 255 MW in a typed calculation too, however "
                "one chip's power was rounded).",
            ),
            (
                10,
                "Work ÷ speed",
                "Students answer capstone-days; the check that opens shows one job of every chip "
                "losing most of its time to interruptions (on paper: read it out from the answer "
                "key once the class has answered). If asked how such a job progresses at "
                "all when a restart outlasts the average gap: the gaps are random, and only the "
                "long ones let work through; its days are the model's extrapolation, far outside "
                "any measured job, not a forecast.",
            ),
            (
                15,
                "Job size and energy",
                # reader 28: the worksheet prints the goodputs under the guess
                "Ask for a show of hands before students turn to step 4's goodputs (on screen "
                "or on the worksheet): does the fastest job use all the chips, half or a "
                "tenth? Then students work it out from the three goodputs and commit their "
                "answer in step 4's box (capstone-job-share), which opens step 4's check (on "
                "paper: read out the fastest job's size and days from the answer key's “Step "
                "4's check”, which the worksheet leaves blank). Say that “about half” rests on "
                "the model's assumption that a restart grows with the job; the check's "
                "fixed-restart line gives the other reading. Students answer "
                "capstone-energy on the fastest job; read "
                "the comparison together: the fastest job beside every chip in one job, and the "
                "model against Meta's published GPU-hours (the goodput beyond Meta's size is an "
                "extrapolation).",
            ),
            (5, "In days of a city", "Students answer capstone-city-days."),
            (
                5,
                "Debrief",
                "Ask: “Is ‘N days of a city’ fair? What does it hide about when and where?” "
                "Then open “What we found” together.",
            ),
        ),
        (
            "Using the peak instead of the achieved FLOP/s: days too short by the MFU.",
            "Pricing the whole site for the job's days: the job draws only its chips' share.",
            "MW × days without × 24 (MWh 24 times too small).",
            "Using ideal days for the energy: the job runs for the whole wall-clock time.",
        ),
        "Each step's check opens inside the notebook; Run All, then work down. Without "
        "computers, the chain on the worksheet with a calculator (it prints the catalog's "
        "figures for steps 1, 2 and 5; the class works out the chips and the peak); the "
        "teacher has every intermediate value in the answer key, "
        "with the checks the reveals print and the Advanced sweep to hand out once the run's "
        "energy is answered.",
    ),
    7: Plan(
        (
            (
                5,
                "Hook",
                "Say: “In the hottest hour of the day the plant is sized for, how much more "
                f"does the cooling draw than in an average hour: {_hook_guesses()}? A car "
                "battery, one shipping container, a row of containers or a building to shave "
                "the cooling's daily peaks?”",
            ),
            (
                10,
                "Step 1 · A typical year",
                "Read the weather table (each month's dry-bulb and wet-bulb) aloud: which "
                "months have warm wet-bulbs? Students commit a prediction for "
                "jackson-annual-pue, then read the monthly cooling table and chart that open, "
                "then "
                "write "
                "their answer to the 30 % question before opening the notebook's answer.",
            ),
            (
                17,
                "Step 2 · The hot day",
                "Run the design-day cell: it builds the hot day the exercises use. In the Basics "
                "lesson read out only the day this plant is sized for and “How rare is it?”; "
                "leave the station's published design days folded (“How far to trust this "
                "day”). Say: a "
                "cooling tower is sized for a humid day, not the hottest one; here that is "
                f"{_lesson_hot_day_name()}. Students answer hot-day-above-mean. The day's "
                "hours, the hook's first answer and the peak-shaving battery (MW, MWh) open. "
                "Ask where its recharge comes from (the grid, in the same day's cooler hours) and "
                "how "
                "big it is (a row of shipping containers): the hook's second answer. Students "
                "answer shaving-battery-hours (MWh ÷ MW). Say: on the hot day the peak falls only "
                f"from {_shaving_on_the_hot_day()[1]} to {_shaving_on_the_hot_day()[2]}; a "
                "daily battery only moves energy between the hours of one day. The question after "
                "it is optional (or homework); skip it and the “More detail” fold unless there is "
                "time.",
            ),
            (
                10,
                "Step 3 · The grid",
                "Point at the confidence of each yardstick (the utility's peak is an order of "
                "magnitude). Students answer utility-peak-share (from the hottest hour, not the "
                "300 MW average) and state-energy-share; ask who cares about which, and why "
                "the second share is so much smaller (the whole: a state, not one utility).",
            ),
            (
                8,
                "What we found",
                "Read the debrief's six points against the article's three claims. Say: “An "
                "average hides the peak; a battery moves energy, it does not make it.” The "
                "Advanced sections (ride-through-energy, smoothing-energy, several sites) are "
                "homework or a second session.",
            ),
        ),
        (
            "Answering hot-day-above-mean with the peak ÷ mean ratio (“… times”): the share "
            "above is the ratio minus 1.",
            "Dividing the 300 MW yearly average by the utility's peak in utility-peak-share: "
            "the checker accepts it, with a note; use the note to ask why a planner still takes "
            "the hottest hour.",
            "Taking the hottest (dry-bulb) day as the day a cooling tower is sized for: the "
            "tower follows the wet-bulb. The station summary the explorer reads publishes a "
            "dry-bulb day and a dew-point day but no wet-bulb day (ASHRAE's tables do), so the "
            "lesson builds one as ASHRAE builds design days, from the typical year's own 1 % "
            "wet-bulb (step 2's printout says how far to trust it). "
            "Asked “why is our day more humid than the station's own?”: the published days' "
            "wet-bulbs come with another condition (the hottest hours, the most humid dew "
            "point), not the tower's 1 % wet-bulb, which usually lies above them. The hook's "
            "answer is "
            "the same on either published day (step 2's “More detail”).",
            f"Asked why {_shaving_on_the_hot_day()[0]} sizes the battery, not the hot day "
            f"(step 2's optional question): it is {_shaving_on_the_hot_day()[3]}. The answer "
            "needs the economiser's figures, so it suits homework.",
            "Reading the peak-shaving battery as the one that takes the hot day down to the "
            f"average: {_shaving_on_the_hot_day()[0]} sizes it, and a daily battery only moves "
            "hours within a day, so the hot day's draw stays far above the year's mean.",
            "(Advanced) Minutes used as hours in ride-through-energy (60 times too big), or "
            "5 minutes written as 0.05 h.",
        ),
        "Everything runs in the notebook; the monthly cooling table and chart open after the "
        "prediction. "
        "The app's "
        "“Site in context” panel is optional. Without computers, the worksheet with the pack's "
        "tables sheet (lesson-7/tables.html: the months, each month's cooling, the hot day's "
        "hours and the grid's yardsticks, no answers), handed out after step 1's prediction; "
        "the sheet has the monthly PUEs but not the year's, so read out the annual PUE "
        f"({_ans('jackson-annual-pue')}) once the predictions are in; the battery below its "
        "fold line is the hook's second answer.",
    ),
    8: Plan(
        (
            (
                5,
                "Hook",
                "Say it, rather than have students read the notebook's hook cell, which is "
                "longer: “Two careful people redo the city of 250,000 for "
                "today's announced site, "
                "each taking any value in the explorer's ranges. "
                + " ".join(hook_figures(lessons.CONTESTED_SITE).split())
                + " How far apart could their cities land: within 10 %, "
                "10–30 % above, 30 % above to twice, or more than twice? And if both read 300 MW "
                "as the year's average?” (The worksheet prints the two ranges under the hook; "
                "write them on the board too. The load factor "
                "holds the question the article leaves open: is 300 MW the year's average or "
                "the grid connection?) Steps 1 and 2 add two twists: the basis (people or "
                "households) and the possible expansion.",
            ),
            (
                8,
                "Step 1 · Estimates",
                "Read the ranges table: which figures are sure, which contested; read aloud "
                "the load factor, the use per household and the “Which 300 MW?” box. Optional, "
                "skipped by default: the basis table (people or households moves the "
                f"city {_basis_ratio()} times, each with 300 MW as the year's average); say that "
                "one sentence instead.",
            ),
            (
                7,
                "Step 2 · The widest city",
                "Students answer the question on the figure taken at its low end, then "
                "contested-city-high by taking each figure at the end that makes the city bigger.",
            ),
            (
                9,
                "Step 3 · The tornado",
                "Students tick the rows of step 1's table that can move the city and commit "
                "their worked answer to contested-load-swing; the tornado opens (check the ticks), "
                "then its last printout answers “which 300 MW?” both ways: the central load "
                "factor reads it as the year's average, as the article does; read as the grid "
                f"connection, lesson 7's chiller plant in its weather allows at most "
                f"{_connection()[0]} (a city of "
                f"about {_connection()[1]} households), idle phases less. For homework by "
                "default: the question on MFU after the tornado.",
            ),
            (
                7,
                "Step 4 · Cooling",
                "Say: “The 40 % in the middle is the article's claim under test.” Students "
                "answer contested-cooling-swing (the article's own 30–50 %); the catalog's whole "
                "range, from AWS's 10 %, opens with it: they place the two plants in it (the "
                "question after it). Only then say: “AWS's fleet and the explorer's "
                "air-evaporative plant give about a tenth, lesson 7's chiller plant a little "
                "more: all far below 30 %.”",
            ),
            (
                14,
                "Step 5 and debrief",
                # reader 36: the block said no time for "What we found", the Basics' debrief
                "First 6 minutes: students commit a prediction for contested-power-p5 (below, "
                "at or above the announced 300 MW?); the 90 % ranges open, with the expansion "
                "and with the site held at its announced power. Then keep 8 minutes for the end: "
                "one sentence for the journalist (“Back to the articles”), then, in the last 2 "
                "minutes, read “What we found” aloud: it is the debrief. Optional (for "
                "homework by default): the question on where the announced 300 MW sits against "
                "its own range (the cell after the ranges).",
            ),
        ),
        (
            "“So which 300 MW is it?” The article does not say. The central value takes it at "
            "its word, as lessons 1–7 did: the year's average (load factor 1, the central city). "
            "Read as the grid connection, the site averages less: at most "
            f"{_connection()[0]} in lesson 7's weather (about {_connection()[1]} households), "
            "and the range's low end, a convention, adds idle phases. The range holds both "
            "readings; that doubt is what it records.",
            "Taking every figure at its high end for the biggest city (use per household must be "
            "low).",
            "Multiplying the biggest city by the campus overhead: it splits the site's power "
            "between servers and campus, it does not add to it (the tornado shows no bar).",
            "Giving the new city instead of the change for the load swing.",
            "Reading the 90 % range as the widest possible answer.",
            "Predicting the announced 300 MW as the 5th percentile of the site's power: no "
            "draw lands below it, so the 5th percentile lies above it.",
        ),
        "The tornado opens as a chart inside the notebook (and as an image in the teacher's "
        "static rendering); the app's panel is optional. Without computers, the worksheet with "
        "the pack's tables sheet (lesson-8/tables.html: the ranges, the bases, the cooling "
        "shares, the plants' cooling and the 90 % ranges, no answers); the tornado's rows (a "
        "table in the answer key) and the corners of the ranges (the key's hook answer) answer "
        "the exercises, so read them out from the answer key once the class has answered.",
    ),
}


def _contested(bound: str) -> str:
    """Lesson 8's city of Rainier Mississippi at one end of the catalog's ranges, printed."""
    low, _, high = lessons.contested_city_range()
    return fmt.number(low if bound == "low" else high)


def _households() -> str:
    from ..model import compute

    # three figures, as the key prints every count: the inputs are not known more closely
    households = float(compute(site_power=lessons.SITE_MW, basis="us-household").city_households)
    return fmt.number(float(f"{households:.3g}"))


def _low_load() -> tuple[str, str]:
    """Lesson 1's Advanced city at the low end of the load factor's range: ("70 %", households)."""
    from ..model import compute

    low = catalog.uncertainty_ranges()["defaults.load_factor"].low
    ds = compute(site_power=lessons.SITE_MW, load_factor=low, basis="us-household")
    return fmt.percent(low), fmt.number(float(ds.city_households))


def _range(key: str) -> catalog.Range:
    return catalog.uncertainty_ranges()[key]


_POWER_RANGE = _range(f"sites.{lessons.CONTESTED_SITE}.site_power")
_HOUSEHOLD_RANGE = _range("bases.us-household.value")
_COOLING_RANGE = _range(f"sites.{lessons.CONTESTED_SITE}.cooling_fraction")


def _today(bound: str) -> str:
    """Lesson 8's city at the announced site power, low or high end [households]."""
    low, _, high = lessons.contested_city_range_today()
    return fmt.number(low if bound == "low" else high)


def _plant_cooling(tech: str | None) -> str:
    """A plant's mean cooling at lesson 8's site over a typical year, named: "chiller-economiser
    plant's 37 MW"."""
    plant = compute(site=lessons.CONTESTED_SITE, cooling_tech=tech)
    return f"{plant.attrs['cooling_tech']} plant's {fmt.quantity(float(plant.cooling_power), 'MW')}"


def _city_rows() -> tuple[str, str]:
    """How many of lesson 8's ranges move the city, and their names (the core's tornado)."""
    from ..ui.headlines import figure_label
    from ..uncertainty import sensitivity

    t = sensitivity("city_households", site=lessons.ARTICLE_SITE, cooling_default="article")
    moving = [str(k) for k in t.parameter.values[t.swing.values > 0]]
    return str(len(moving)), ", ".join(figure_label(k) for k in moving)


def _mw_hot_peak() -> str:
    """Lesson 7's cooling peak on the day its plant is sized for."""
    return fmt.quantity(float(lessons.hot_year()[0].peak_cooling_power), "MW")


def _power_draws_low() -> tuple[str, str]:
    """The share of lesson 8's draws above the 90 % range's low end, and that end [MW]: "95 %",
    "313"."""
    from ..ui.headlines import headline_ranges
    from ..uncertainty import QUANTILES

    # the end the student's screen shows (step 5's first block, the small type's draws)
    low = headline_ranges(site=lessons.CONTESTED_SITE)["facility_load"].low
    return fmt.percent(1 - QUANTILES[0]), fmt.number(float(low))


def _hot_ratio() -> str:
    """Lesson 7's hot-day peak cooling ÷ annual mean cooling (from the core)."""
    year = lessons.hot_year()[0]
    return fmt.number(float(year.peak_cooling_power / year.mean_cooling_power), 2)


def _hot_day() -> str:
    """The day lesson 7's plant is sized for, as the core names it."""
    return _lesson_hot_day_name()


def _upper_ratio() -> str:
    """Lesson 7's typical year's own hottest day: its peak cooling ÷ annual mean cooling, with
    the core's default hot day (the worst of the design days and that day, the app's)."""
    from ..scenario import climate_year

    year = climate_year(lessons.HOT_SITE, lessons.HOT_TECH, site_power=lessons.SITE_MW)
    return fmt.number(float(year.peak_cooling_power / year.mean_cooling_power), 2)


def _hot_share() -> str:
    """Lesson 7's largest cooling share of any hour of the months' typical (average) days (from
    the core)."""
    return fmt.percent(float(lessons.hot_year()[0].cooling_fraction.max()))


def _cooling_mw(share: float) -> str:
    """Lesson 2's site's cooling at `share` of its power, as the Advanced rows print it."""
    return fmt.quantity(lessons.SITE_MW * share, "MW")


def _article_pues() -> str:
    """The PUE range the article's 30–50 % cooling implies (with the other losses)."""
    from .. import fmt

    low, high = lessons.article_pue_range()
    return f"{fmt.number(low)}–{fmt.number(high)}"


def _shaving_mwh() -> str:
    """Lesson 7's peak-shaving battery energy (from the core)."""
    from .. import fmt

    return fmt.quantity(float(lessons.hot_year()[2]["peak-shaving"].battery_energy), "MWh")


def _lost_share() -> str:
    """The share of what a battery takes in that it does not give back: 1 − round-trip
    efficiency (the smoothing battery's dips fix what goes in, `explorer.batteries`)."""
    from .. import fmt
    from ..batteries import default_settings

    return fmt.percent(1 - default_settings()["round_trip_efficiency"], 2)


# Model answers to the walkthroughs' open questions, found by a phrase of the question.
@cache
def _open_answers() -> dict[int, tuple[tuple[str, str], ...]]:
    """`OPEN_ANSWERS`, computed on first use (its answers run the core: lesson 8's draws, lesson
    7's year), not when the module is imported."""
    return {
        1: (
            # first: the question also says "a city of 250,000", as the hook does
            (
                "would make the site exactly a city of 250,000",
                f"{fmt.number(lessons.article_city_basis())} kWh per person a year (the site's "
                "kWh ÷ 250,000): nearest the US household's "
                f"{fmt.number(catalog.value('bases.us-household.value', 'kWh/household/year'))} "
                f"kWh, so US households: {_ans('city-households-us')}. Per person, all sectors, "
                f"gives {_ans('city-people-us')}; the other bases land further away (the table "
                "of bases).",
            ),
            (
                "a city of 250,000",
                "Of the three guesses, 250,000 is the right size: every basis makes the site a "
                "city of hundreds of thousands. "
                f"The site's {_ans('energy-300mw')} a year matches {_households()} US households, "
                "or "
                f"{_ans('city-people-us')} on the all-sector basis: the article's 250,000 match "
                "households. Read as people, as written, a city of 250,000 average Americans "
                "(all sectors) uses more than the site: "
                f"it draws {_ans('city-power-article')} (city-power-article) against the site's "
                f"{_SITE}; on Mississippi's basis more still, for the world's average person "
                "less: the verdict depends on the basis too.",
            ),
            (
                "compare 300 MW directly",
                "MW is a rate (power); a city's use is an amount per year (energy). Multiply by "
                "the "
                "hours in a year first.",
            ),
            (
                "How does the city change at the low end",
                f"It shrinks in step with the energy: at a load factor of {_low_load()[0]} the "
                "city "
                f"is {_ans('city-low-load')} instead of {_households()}. Even the household "
                "reading of the article's 250,000 is then too big, and read as people the gap "
                "grows.",
            ),
        ),
        2: (
            (
                "can both be true",
                "Very unlikely, though not impossible: AWS's figure is a fleet average, and one "
                "site "
                f"can be worse. But 30–50 % needs a PUE of {_article_pues()}, far worse than AWS's "
                f"fleet ({_FLEET_PUE}) and the {_DESIGN_PUE} AWS expects from its new designs; "
                f"anything above {_ans('cooling-at-survey-pue')} for cooling needs a plant worse "
                f"than the industry survey's average ({_SURVEY_PUE}). At the "
                f"fleet's PUE cooling takes {_ans('cooling-at-fleet-pue')} of the site "
                f"({_ans('cooling-mw-fleet')}). In lesson 7's model of a modern plant even the "
                "hottest typical hour stays below 30 %; the article's range may describe peak "
                "cooling capacity, not the year's average.",
            ),
            (
                # reader 33: a question the bars alone answer
                "which bar gets longer, and which gets shorter",
                "The cooling bar gets longer and the IT bar shorter by the same amount: the site's "
                "power is fixed, so every megawatt cooling gains is one the computers lose. The "
                "other bar stays the same: the explorer takes a fixed share of the site for the "
                "other losses.",
            ),
            (
                "what does the fleet's economiser save",
                "Water: rows 2 and 3 spend the same cooling electricity "
                f"({_cooling_mw(power.cooling_share_at('aws-fleet'))} each), but row 2 evaporates "
                "about a tenth of row 3's water. Row 3 is at most what a wet plant at that PUE "
                "could evaporate (all heat leaving as vapour; a tower's drain comes on top), row 2 "
                "what AWS reports over a year; the air-side economiser's hours, when outside air "
                "blown through the halls cools them, spend neither chiller electricity nor water "
                "(a water-side economiser, lesson 7's, still evaporates in its tower). A wet "
                "plant's water follows the heat it rejects: for this site's 300 MW a better PUE "
                "does not cut it; for the same computing it saves water only in proportion. "
                "Not as much at this site: row 2 is AWS's average over all its sites. "
                f"{lessons.economiser_hours_line().split('not this site. ')[1]}",
            ),
            (
                "Is the survey's cooling share inside",
                f"1 − 1/{_SURVEY_PUE} − {fmt.percent(_OTHER_SHARE)} = "
                f"{_ans('cooling-at-survey-pue')} of the site (cooling-at-survey-pue): inside "
                "30–50 %, but only at its low end; the high end (50 %) needs a PUE of "
                f"{fmt.number(lessons.article_pue_range()[1])}, far worse than the survey's "
                "average (each operator's largest datacenter, of every kind and age).",
            ),
        ),
        3: (
            (
                "which would you set beside a GB200",
                f"Dense BF16 {_trn2_figure('bf16_dense')}, dense FP8 {_trn2_figure('fp8_dense')}, "
                f"sparse FP8 {_trn2_figure('fp8_sparse')} TFLOP/s; the headline's figure is the "
                "sparse one (an upper bound); beside the GB200's dense FP8 goes Trainium2's dense "
                "FP8.",
            ),
            (
                "how many links (hops)",
                "Six: each direction is a ring of four, so at most two steps (wrapping around) in "
                "each of three directions. No switch to buy, power or cool; but traffic between "
                "distant chips crosses other chips, and a failed chip or link breaks its rings.",
            ),
            (
                "how many Trainium2 chips",
                # reader 22: the count takes off the other losses too, as the notebook's does
                f"{_ans('trn2-chips-300mw')} at AWS's PUE of {_FLEET_PUE} "
                f"({fmt.percent(lessons.TRN2_COOLING)} cooling + {fmt.percent(_OTHER_SHARE)} "
                "other losses): hundreds of thousands.",
            ),
            (
                "useful computing out of it in a day",
                f"No: {_ans('ultraserver-day-flop')} is the dense peak every second of the day, an "
                "upper bound. A real run achieves under half of the peak (its chips wait on "
                "memory, the network and each other: the MFU, lesson 4), and a long job stops at "
                "every failure (checkpoints, lost work, restarts).",
            ),
            (
                "what else (price, availability, software)",
                f"Per facility MW the gap narrows ({_ans('gb200-trn2-per-mw')} times against "
                f"{fmt.number(_trn2_gb200_per_chip(), 2)} per chip) because each Trainium2 draws "
                "less "
                "power; price, supply of chips, in-house software and control of the roadmap also "
                "decide.",
            ),
        ),
        4: (
            (
                "What share of peak does one H100 sustain",
                f"{_sustained_share()} of the datasheet peak, held at the power limit. A whole run "
                f"reaches less (an MFU of about {_MFU}): its chips wait for each other over the "
                "network, spend part of each step on memory-bound work, and idle while the "
                "pipeline "
                "fills and drains.",
            ),
            (
                "how many days does it take to train",
                f"{_ans('llama-days')} with no interruptions at {_MFU} MFU (BF16); more with them "
                f"(goodput {_ans('goodput-16k')} at {_JOB_CHIPS} chips, "
                f"{fmt.percent(float(_runs().goodput.sel(job_chips=lessons.RUN_CHIPS)))} and "
                f"{fmt.number(float(_runs().training_days.sel(job_chips=lessons.RUN_CHIPS)))} days "
                "at "
                f"{_RUN_CHIPS}; see the goodput table above).",
            ),
            (
                "sooner or later than the hook's",
                f"Later: {fmt.number(lessons.BIG_JOB)} chips are interrupted five times as often "
                f"as {_RUN_CHIPS} and each restart is longer, so the time lost outweighs the extra "
                "speed (the goodput table below; the next question asks why). Any answer with a "
                "reason is a good prediction.",
            ),
            (
                "How can more chips be slower",
                "More chips mean more parts that can fail, and the whole job stops at every "
                "failure: five times the chips, interruptions five times as often, each losing "
                "the work since the last checkpoint. A bigger job also restarts more slowly. "
                "Past some size the time lost outweighs the extra speed. "
                f"{_fixed_restart_words()} (The rate is extrapolated beyond the job where it "
                "was counted.)",
            ),
            (
                "effective training time",
                f"Below: the model gives {_ans('goodput-16k')}. Meta measured its figure as "
                f"{lessons.METAS_DEFINITION}, much like goodput. Two things may explain the "
                f"gap: {lessons.gap_words()}. The time the job was running is higher still "
                f"(uptime only: {lessons.uptime_words()} at {_JOB_CHIPS} chips). A prediction "
                "on either side is fine with a reason.",
            ),
            (
                "goodput",
                "Because at Rainier's scale interruptions, checkpoints and restarts decide how "
                "much of "
                "the peak becomes training progress; peak FLOPS ignores all of them.",
            ),
        ),
        5: (
            (
                "that you expect to be wrong",
                "Any, with a reason; the verdicts table below shows the city claim fails for "
                "people "
                "(it comes close only as households or homes only, different claims), the cooling "
                "share is contested and the sparse FP8 figure carries twice AWS's sparsity factor.",
            ),
            (
                "rest on a unit or a label",
                "The instance's memory (GiB printed as GB), the sparse FP8 figure "
                f"({factcheck.sparse_factors()[0]}× the dense one where AWS documents "
                f"{factcheck.sparse_factors()[1]}×) and the city "
                "(people against households, all sectors against homes only); ask first about the "
                "sparse FP8 figure and the cooling share.",
            ),
        ),
        6: (
            (
                f"how long would one {_SITE} site",
                f"{_ans('capstone-days')} on every chip with no interruptions; in one job of every "
                "chip each chip does useful work "
                f"{lessons.rough_percent(float(lessons.capstone_site().goodput))} of the time "
                f"({_capstone_days('every')} if the model's extrapolation, far outside any "
                "measured "
                "job, held), the fastest job "
                f"({_capstone_chips()} chips) "
                f"{_capstone_days('plan')}. The fastest job's electricity is "
                f"{_ans('capstone-city-days')} of the city's: days to weeks, not an hour.",
            ),
            (
                "which job size finishes soonest",
                "Soonest: the fastest job size, where job chips × goodput is largest; every chip "
                "added beyond it makes the whole job's interruptions more frequent and its "
                "restarts "
                "longer, so goodput falls faster than the chips rise. Least energy: the smallest "
                "job, because the same work needs the same chip-hours and interruptions multiply "
                "them by 1 ÷ goodput, which is highest for small jobs. The fastest job buys time "
                "with energy. Real operators run a smaller job: the extra days buy less energy and "
                "fewer wasted chip-hours, a goodput near measured jobs' (so the plan is not an "
                "extrapolation) and chips left for other work.",
            ),
            (
                "Is the comparison fair",
                "A city's electricity is spread over a year and over homes, shops and industry; "
                "the "
                "run's is concentrated in weeks at one site. Energy matches, the grid's load does "
                "not.",
            ),
        ),
        7: (
            (
                "how much more power does the plant's cooling draw",
                f"On {_hot_day()}, the day the plant is sized for, the chiller plant's "
                f"cooling peaks at about {_hot_ratio()} times its annual mean "
                f"({_ans('hot-day-above-mean')} above it); the typical year's own hottest day goes "
                f'higher ({_upper_ratio()} times, in the printout\'s "More detail"): an upper end, '
                "not what the plant is sized for. A battery "
                f"that shaves each day's peak holds about {_shaving_mwh()}, recharged from the "
                "grid "
                "in the same day's cooler hours (the printout says which): a "
                "row of shipping-container units of a few MWh each, not one container, not a "
                "car battery "
                f"and not a building. It is sized by {_shaving_on_the_hot_day()[0]} "
                f"({_shaving_on_the_hot_day()[3]}); on the hot "
                "day it lowers the cooling's peak only from "
                f"{_shaving_on_the_hot_day()[1]} to {_shaving_on_the_hot_day()[2]}: a battery "
                "recharged every day moves hours within a day, and cannot bring a hot day down "
                "to the year's average.",
            ),
            (
                "come near 30 %",
                "None: the highest hour of the months' typical (average) days needs "
                f"{_hot_share()} "
                "of the site's power for cooling, "
                f"and the year's PUE is {_ans('jackson-annual-pue')}. {_article_cooling_pue()}; "
                "not "
                "even this plant's hottest hour comes near it.",
            ),
            (
                "matters to a utility planner",
                f"The planner looks at the peak ({_ans('utility-peak-share')} of the utility's "
                "peak: "
                "new supply must be built for it); a city comparison is about energy in a year "
                f"({_ans('state-energy-share')} of the state's electricity). The second is smaller "
                "because its whole is the whole state, not one utility; a site this flat is, if "
                "anything, a larger share of a grid's energy than of its peak.",
            ),
            (
                "Why can a cooler day need a bigger daily battery",
                f"It is sized by {_shaving_on_the_hot_day()[0]} ({_shaving_on_the_hot_day()[3]}). "
                "A daily battery holds what the cooling rises above the day's own threshold: "
                "the swing within a day counts, not how high the day is.",
            ),
            (
                "Compare the two batteries",
                "Ride-through needs the most MW (the whole IT load) but for minutes, so few MWh "
                f"({_ans('ride-through-energy')}); peak shaving needs far fewer MW but for a "
                f"day's hottest hours (on {_shaving_on_the_hot_day()[0]}, the day that sizes "
                "it), so more MWh.",
            ),
            (
                "yet it loses more energy",
                "It absorbs every dip and gives the energy back, dozens of times a day: its yearly "
                f"throughput is large, and of every MWh it takes in it loses {_lost_share()} "
                "(round-trip losses).",
            ),
            (
                "makes it resilient",
                "Losing Indiana leaves only about an eighth of the cluster; losing Mississippi "
                "leaves "
                "most of it. Spread over states, but not evenly: one site carries most of the "
                "power.",
            ),
        ),
        8: (
            (
                "How far apart could their answers land",
                "From 30 % above up to twice: for today's announced site, in US households, the "
                f"ranges give {_today('low')} to {_today('high')} households, just under one and a "
                f"half times apart. The two twists: counting the tracker's "
                f"{fmt.quantity(_POWER_RANGE.high, 'MW')} expansion (a future site), "
                f"{_contested('low')} to {_contested('high')}: more than twice; and the basis "
                "alone "
                f"(people or households, all use or home use) moves the city {_basis_ratio()} "
                "times: the article says people, the explorer reads households. The second "
                "guess, both reading 300 MW as the year's average (the article's reading): "
                "“within 10 %”, as only the figure with a source at both ends moves (the use per "
                f"household, {fmt.number(_HOUSEHOLD_RANGE.low)}–"
                f"{fmt.number(_HOUSEHOLD_RANGE.high)} kWh).",
            ),
            (
                "Where do the explorer's two plants fall",
                "At or near the low end, AWS's (the explorer's default plant needs less than "
                "even AWS's fleet figure, lesson 7's plant a little more): over a typical year "
                f"the {_plant_cooling(None)}, "
                "lesson 7's "
                f"{_plant_cooling(lessons.HOT_TECH)}, against a swing of "
                f"{fmt.quantity(lessons.SITE_MW * _COOLING_RANGE.low, 'MW')} to "
                f"{fmt.quantity(lessons.SITE_MW * _COOLING_RANGE.high, 'MW')} (the catalog's "
                "range); even lesson 7's "
                f"sizing-day peak ({_mw_hot_peak()}) is below the middle. Almost the whole swing "
                "is "
                "the article against any modern plant, not AWS against the article.",
            ),
            (
                "tick the rows of step 1's table",
                f"{_city_rows()[0]}: {_city_rows()[1]}. They set the site's energy (its power and "
                "how much of the year it runs) or a household's use; every other row (cooling, "
                "losses, the chips, MFU, CO₂, water) changes neither, so it gives no bar.",
            ),
            (
                "Which figure does it take at its low end",
                "The use per household: the biggest city divides the most energy by the smallest "
                f"use per household ({fmt.number(_HOUSEHOLD_RANGE.low)} kWh), so that figure is "
                "taken at its low end (and the smallest city, the mirror, takes it at its high "
                f"end, {fmt.number(_HOUSEHOLD_RANGE.high)} kWh).",
            ),
            (
                "MFU is uncertain too",
                "The city is the site's energy divided by a household's use; MFU only says how "
                "much "
                "of the chips' peak a training run achieves and changes no megawatt. It moves the "
                "achieved FLOP/s and a training run's days (choose a model and the panel's "
                "“Training "
                "days”).",
            ),
            (
                "Where does the announced 300 MW sit",
                f"Below its own 90 % range. The site's power runs from the announced {_SITE} to "
                f"{fmt.quantity(_POWER_RANGE.high, 'MW')} with {_SITE} the most likely single "
                "value, "
                "but nearly every draw is above it (the range is one-sided): "
                f"{_power_draws_low()[0]} of the draws exceed about {_power_draws_low()[1]} MW. "
                "The "
                "central value is the announced figure, not the middle of the draws; the same "
                "one-sided range pulls the city's median above the central city. In the second "
                "block "
                "(the site held at 300 MW) the energy and the city sit at the top of their ranges, "
                "the mirror image: their central values read 300 MW as the year's average (the "
                "load factor's top), and every draw reads it that way or as a connection the "
                "site averages below.",
            ),
            (
                "Was your hook guess right",
                "Any sentence that names the figures behind the number and their spread, e.g. "
                "“about "
                f"{fmt.number(round(lessons.contested_city_range()[1], -3))} US households if its "
                f"{_SITE} is the site's average over the year; fewer if {_SITE} is only its grid "
                "connection, more if it grows as one tracker reports”.",
            ),
            (
                "Each figure is drawn on its own",
                "E.g. the site's power and its load factor: a campus built out in phases runs "
                "below "
                "full load while it grows, so power up comes with load factor down; they push the "
                "city opposite ways, so tying them narrows its range. Figures that push the number "
                "the same way and move together (a bigger site that also runs flat out) widen it. "
                "The cooling share and the water per kWh move together too (evaporative cooling "
                "trades electricity for water), but neither moves the city.",
            ),
        ),
    }


def __getattr__(name: str) -> object:
    if name == "OPEN_ANSWERS":  # lesson → (phrase of the question, model answer), in order
        return _open_answers()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


_CSS = """
body { font-family: Georgia, serif; max-width: 46em; margin: 2em auto; line-height: 1.45; }
h1, h2, h3 { font-family: Helvetica, Arial, sans-serif; }
table { border-collapse: collapse; width: 100%; margin: 1em 0; }
th, td { border: 1px solid #888; padding: 0.3em 0.5em; text-align: left; vertical-align: top; }
.blank { border-bottom: 1px solid #000; height: 2.2em; margin-bottom: 0.6em; }
.box { border: 2px solid #000; padding: 0.2em 0.8em; margin: 1em 0; }
.fold { border-top: 2px dashed #000; margin: 1.5em 0; padding-top: 0.3em; }
code { font-size: 0.95em; }
@media print { a { color: black; text-decoration: none; } .noprint { display: none; }
  section { page-break-inside: avoid; } .fold { page-break-after: always; } }
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


def trap_rows() -> list[tuple[str, str, str]]:
    """Every exercise's traps as rows (exercise, lesson, the slips' names): the pack's teacher's
    notes print them. Their names can narrow an answer ("a little under half"), so they live
    only in the pack, never in the guide beside the notebooks (reader 32)."""
    rows = []
    for lesson in LESSONS:
        track = tracks(lesson)
        nb = json.loads((NOTEBOOKS / lesson.notebook).read_text(encoding="utf-8"))
        code = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")
        predicted = set(re.findall(r'predict_reveal\(\s*"([\w-]+)"', code))
        for e in exercises_of(lesson.number):
            if not e.traps:
                continue
            notes = ["Advanced"] if track.get(e.id) == "Advanced" else []
            notes += ["predicted"] if e.id in predicted else []
            where = f"{lesson.number}" + (f" ({', '.join(notes)})" if notes else "")
            slips = "; ".join(
                t.id.replace("-", " ")
                + (" (right, with a note)" if t.kind.note else "")
                + (" (not yet: own figures asked)" if t.kind.figures else "")
                for t in e.traps
            )
            rows.append((e.id, where, slips))
    return rows


TRAP_HEADER = (
    "exercise",
    "lesson",
    "the usual slips it catches (each with its own hint; values in the key)",
)


def trap_table() -> str:
    """The table of every exercise's traps as markdown (the teacher's notes page prints the same
    rows as HTML): the slips come from the exercises' traps, so it cannot drift.

    Examples
    --------
    >>> trap_table().splitlines()[0].startswith("| exercise | lesson |")
    True
    """
    rows = ["| " + " | ".join(TRAP_HEADER) + " |", "|---|---|---|"]
    rows += [f"| `{eid}` | {where} | {slips} |" for eid, where, slips in trap_rows()]
    return "\n".join(rows)


def markdown_cells(path: Path) -> list[str]:
    """The text of a notebook's markdown cells (nbformat 4 JSON, read without Jupyter)."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    return [
        "".join(c["source"]) if isinstance(c["source"], list) else c["source"]
        for c in nb["cells"]
        if c["cell_type"] == "markdown"
    ]


# a folded block of a notebook's markdown: its summary ("The article's claim (open after you have
# written your guess)") and its body
_FOLD = re.compile(r"<details>\s*<summary>(.*?)</summary>(.*?)</details>", re.S)


def _unfolded(source: str, student: bool) -> str:
    """`source` with each folded block as paper prints it (reader 23: the tags were printed raw,
    and the lesson 1 hook's claim under the guess it is folded away from): the key prints it open
    under its summary; the worksheet prints only who reads it out, and when."""

    def paper(m: re.Match[str]) -> str:
        when = re.search(r"\(open (after [^)]*)\)", m[1])
        what = re.sub(r"\s*\(open [^)]*\)", "", m[1]).strip()
        if student:
            said = when[1] if when else "later"
            return f"*{what}: your teacher reads it out {said}; then answer its question.*"
        return f"**{what}:** {m[2].strip()}"

    return _FOLD.sub(paper, source)


def _questions_in(source: str, student: bool = False) -> list[str]:
    """The hook and every "**Question.**" of one markdown cell, as plain text; a folded block in
    it as the key (or, `student`, the worksheet) prints it."""
    source = _unfolded(source, student)
    found = []
    if source.startswith("## Hook"):
        found.append(source.split("\n", 1)[1].strip())
    # an optional one too, said so on paper (reader 35: lesson 7's tables sheet folded on its
    # answer while the worksheet never asked it)
    found += [
        (f"({label}) " if label else "") + m.strip()
        for label, m in re.findall(
            r"\*\*Question(?: \((optional[^)]*)\))?\.\*\*(.*?)(?:\n\n|$)", source, re.S
        )
    ]
    # on paper a link is its text: "[economiser](glossary.md#economiser)" prints "economiser"
    found = [re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", q) for q in found]
    return [_flat(re.sub(r"\*+", "", q)) for q in found]


def _flat(text: str) -> str:
    r"""`text` as one line, but for a text with a bulleted list: each item and each paragraph
    on its own line, an item "- " first (reader 32: lesson 8's hook ran its two lists into
    one paragraph on paper).

    Examples
    --------
    >>> _flat("Pick:\n- one,\n  long;\n- two.\n\nThen\nsay why.")
    'Pick:\n- one, long;\n- two.\nThen say why.'
    >>> _flat("A\nB.\n\n- one\n\nC.\n\nD.")
    'A B.\n- one\nC.\nD.'
    >>> _flat("No list\nhere.\n\nA second paragraph.")
    'No list here. A second paragraph.'
    """
    lines = text.splitlines()
    if not any(line.lstrip().startswith("- ") for line in lines):
        return " ".join(text.split())
    blocks: list[list[str]] = [[]]
    for line in lines:  # a list item or a paragraph: one line each
        if line.lstrip().startswith("- ") or not line.strip():
            blocks.append([])
        blocks[-1].append(line)
    return "\n".join(" ".join(" ".join(b).split()) for b in blocks if " ".join(b).strip())


def open_questions(lesson: Lesson, student: bool = False) -> list[str]:
    """The hook and every "**Question.**" of the lesson's notebook, as plain text, as paper says
    them (`on_paper`): the answer key prints them, the worksheet too (`student`: a folded block
    in one held back)."""
    return [
        q
        for source in markdown_cells(NOTEBOOKS / lesson.notebook)
        for q in _questions_in(on_paper(source), student)
    ]


def answer_to(lesson: int, question: str) -> str:
    """The model answer for an open question; InputError when the pack has none (so a new
    question in a notebook cannot slip out of the answer key)."""
    for phrase, answer in _open_answers().get(lesson, ()):
        if phrase in question:
            return answer
    raise InputError("open question", question[:60], "a question with a model answer in the pack")


def tracks(lesson: Lesson) -> dict[str, str]:
    """Each exercise of the lesson → "Basics" or "Advanced", from where the notebook asks it
    (after a heading with "Advanced" in it, it is Advanced)."""
    nb = json.loads((NOTEBOOKS / lesson.notebook).read_text(encoding="utf-8"))
    track, found = "Basics", {}
    for cell in nb["cells"]:
        source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
        if cell["cell_type"] == "markdown":
            for line in source.splitlines():
                if line.startswith("## "):
                    track = "Advanced" if "Advanced" in line else "Basics"
        for eid in re.findall(r'widgets\.(?:answer_box|predict_reveal)\(\s*"([\w-]+)"', source):
            found.setdefault(eid, track)
    return found


def _plan(lesson: Lesson) -> str:
    plan = PLANS[lesson.number]
    start, rows = 0, []
    for minutes, segment, what in plan.segments:
        rows.append([f"{start}–{start + minutes} min", segment, what])
        start += minutes
    if start != 50:
        raise InputError("plan", start, "50 minutes", f"lesson {lesson.number}'s plan")
    by_track = tracks(lesson)
    basics = [e for e, t in by_track.items() if t == "Basics"]
    advanced = [e for e, t in by_track.items() if t == "Advanced"]
    ex = (
        f"<p>Exercises, Basics: {html.escape(', '.join(basics) or 'none (the vote)')}"
        + (f"; Advanced: {html.escape(', '.join(advanced))}" if advanced else "")
        + ".</p>"
    )
    stumbles = "".join(f"<li>{html.escape(x)}</li>" for x in plan.stumbles)
    timing = f"<p><b>Time:</b> {html.escape(plan.timing)}</p>" if plan.timing else ""
    return (
        f"<p>Notebook <code>{html.escape(lesson.notebook)}</code>. {html.escape(lesson.debrief)}."
        f"</p>{timing}{ex}"
        + (_game_rules() if lesson.number == 5 else "")
        + _table(["time", "segment", "what the teacher says and does"], rows)
        + f"<h3>Where students stumble</h3><ul>{stumbles}</ul>"
        + f"<h3>Without the app server</h3><p>{html.escape(plan.offline)}</p>"
        + "<h3>If the app server is running (optional)</h3>"
        + _app_when(lesson)
        + f"<p>{html.escape(lesson.app)}. (Start it with <code>explorer app</code> or "
        f"<code>make app</code> and open the address it prints, {APP_ADDRESS} unless "
        "that port is taken; the teacher's guide, "
        "notebooks/README.md, has the details.)</p>"
        + (_app_settings(lesson.settings) if lesson.settings else "")
        + f"<h3>Advanced</h3><p>{html.escape(lesson.advanced)}.</p>"
    )


def _app_settings(settings: dict[str, object]) -> str:
    """The plan's link that opens the app on a lesson's settings, and the settings in words."""
    link = html.escape(app_link(settings))
    return (
        f'<p>The link: <a href="{link}" style="overflow-wrap: anywhere">{link}</a> (on another '
        f"port, keep the part from “?” on). It sets: {html.escape(app_words(settings))}. Check "
        "them on screen, or set them by hand.</p>"
    )


# lesson 5's two rules, as the notebook words them (its "How the game runs"): printed on the
# plan and the worksheet, and in the teacher's guide, never retyped
# each role card points to the verdict rule at the top of the sheet, said once there (reader 27)
ROLE_CARD_RULE = "Judge your claims by the verdict rule at the top of this sheet."
GAME_RULES = ("**Argue in role, vote what you believe.**", "**Scoring (read out at the reveal).**")
# the scoring's second point by verdict, a table under the scoring (reader 20: one sentence with
# four nested conditions could not be read aloud)
SCORING_TABLE = "| the explorer's verdict |"


def _game_rules() -> str:
    """Lesson 5's rules box (how to argue and vote; the scoring and its table), from the
    notebook's words."""
    rules = "".join(f"<p>{_inline(_passage(5, start))}</p>" for start in GAME_RULES)
    return (
        f"<section class='box'><h3>The game's rules</h3>{rules}{_md_table(5, SCORING_TABLE)}"
        "</section>"
    )


def script_table(lesson: int = 5, notebook: bool = False) -> str:
    """A lesson's plan as a markdown table (time, step, what the facilitator does): lesson 5's
    notebook and the teacher's guide hold it word for word (a test compares), so the script the
    class plays is the plan's. The `notebook`'s copy, which students read before they vote, does
    not name the rows worth a second look (reader 23: they told which claims are tricky).

    Examples
    --------
    >>> script_table().splitlines()[2].startswith("| 0–4 min | Hook |")
    True
    >>> "sparse" in script_table(notebook=True).split("| Reveal |")[1]
    False
    """
    rows = ["| time | step | what the facilitator does |", "|---|---|---|"]
    start = 0
    for minutes, segment, what in PLANS[lesson].segments:
        if notebook:
            what = what.replace(_SECOND_LOOK, _SECOND_LOOK_UNNAMED)
        rows.append(f"| {start}–{start + minutes} min | {segment} | {what} |")
        start += minutes
    return "\n".join(rows)


def _md_inline(text: str) -> str:
    """Markdown text on one line (the guide's bullets): line breaks as spaces."""
    return " ".join(text.split())


def fact_check_guide() -> str:
    """The teacher's guide's lesson-5 block (notebooks/README.md holds it word for word; a test
    compares): the role cards with their sides, the game's rules in the notebook's words and the
    facilitator script (the plan, as the notebook prints it), all from the code the pack, the
    notebook and the reveal use, so the guide cannot contradict them. Students can open the
    guide, so it holds no verdict and names no row worth a second look (reader 32): those are in
    the pack's teacher's notes (`verdicts_by_claim`) and its lesson-5 plan and answer key.

    Examples
    --------
    >>> "| 0–4 min | Hook |" in fact_check_guide()
    True
    >>> factcheck.CONTESTED in fact_check_guide().split("| Reveal |")[1]
    False
    """
    roles = []
    for r in factcheck.ROLES:
        sides = []
        for side, word in ((factcheck.DEFEND, "defends"), (factcheck.CHALLENGE, "challenges")):
            ids = [f"`{c}`" for c in r.claims if r.stance(c) == side]
            if ids:
                sides.append(f"{word} {', '.join(ids)}")
        roles.append(f"- **{r.name}** ({'; '.join(sides)}): {r.brief}")
    rules = [line for start in GAME_RULES for line in (_md_inline(_passage(5, start)), "")]
    rules += [_passage(5, SCORING_TABLE), ""]
    return "\n".join(
        [
            "Each role card marks the side the role takes on each of its claims, defend or "
            "challenge (`factcheck.ROLES`); every claim has one defender and one challenger, so a "
            "side is no verdict and every claim, the sparse figure too, is argued against.",
            "",
            *roles,
            "",
            *rules,
            "Facilitator script (50 minutes; generated from the pack's lesson-5 plan, as the "
            "notebook's is; the plan names the rows worth a second look):",
            "",
            script_table(5, notebook=True),
            "",
            "The verdicts, the rows worth a second look and why each verdict holds are in the "
            "pack (`explorer teach pack`): its teacher's notes (`notes.html`) and lesson 5's "
            "answer key (`lesson-5/answers.html`), generated from `factcheck`.",
        ]
    )


def verdicts_by_claim() -> list[tuple[str, str]]:
    """The class claims' verdicts, (verdict, the claims' ids), as the reveal gives them: for the
    pack's teacher's notes only."""
    out = []
    for verdict in (factcheck.CONTESTED, factcheck.ASSUMED, factcheck.REPRODUCED):
        ids = [c.id for c in factcheck.class_claims() if c.verdict() == verdict]
        out.append((verdict, ", ".join(ids)))
    return out


def teacher_notes() -> str:
    """The pack's teacher's notes page: what the guide beside the notebooks must not hold
    (reader 32): every exercise's slips by name, lesson 5's verdicts by claim, and where the
    hooks' outcomes and the reasons for each verdict are."""
    return (
        "<p>For the teacher only: these names and verdicts give answers away, so the teacher's "
        "guide (<code>notebooks/README.md</code>, which students can open) leaves them here. "
        "Each lesson's plan and answer key have its hook's outcome, every value, trap and "
        "hint.</p>"
        "<h2>The usual slips, by exercise</h2>"
        + _table(TRAP_HEADER, trap_rows())
        + "<h2>Lesson 5: the verdicts</h2>"
        # reader 36: the plan only names the rows; their text is in the answer key
        "<p>The reveal's verdicts (from <code>factcheck</code>); the rows worth a second look "
        "are named in <a href='lesson-5/plan.html'>lesson 5's plan</a>, and read in its "
        "<a href='lesson-5/answers.html'>answer key</a> with the full table and why each "
        "verdict holds.</p>" + _table(("the explorer's verdict", "claims"), verdicts_by_claim())
    )


def _exercise_block(
    e: Exercise, label: str = "", predict_only: bool = False, worked: bool = False
) -> str:
    """One exercise's blanks on a worksheet; `label` (a step's title) replaces the exercise's id;
    a prediction the notebook only reveals (`predict_only`) gets no answer line, and one
    `worked` out from figures above it (`lessons.WORKED_ANSWERS`) is "my answer", not "my
    prediction"."""
    said = "My answer" if worked else "My prediction" if predict_only else "My estimate"
    unit = e.shown_unit() or ("%" if e.unit == "share" else "")
    answer = (
        f"<p>The result, once revealed (in the notebook, or read out by your teacher): "
        f"__________ {html.escape(unit)}</p>"
        if predict_only
        else f"<p>My answer: __________ {html.escape(unit)}</p>"
    )
    # a question that asks "below, at or above?" first: a way to circle on paper (reader 24)
    way = (
        f"below / at / above {html.escape(e.show(e.reads.reference()))} (circle one), and "
        if e.reads.reference
        else ""
    )
    return (
        f"<section><p><b>{html.escape(label or e.id)}</b>: {html.escape(e.question)}</p>"
        # the notebook asks for a prediction only where it reveals one; elsewhere students
        # estimate before working it out (reader 18)
        f"<p>{said}: {way}__________ "
        f"{html.escape(unit)} &nbsp; "
        f"My working:</p><div class='blank'></div><div class='blank'></div>"
        f"{answer}</section>"
    )


def _station_card(c: factcheck.Claim) -> str:
    """One recompute station on paper, as the notebook shows it: the figures with their sources,
    the computation in words and the station's note; for the battery, the sources to read with
    their addresses. No value of the explorer's and no verdict."""
    keys = factcheck.STATION_FIGURES.get(c.id, ())
    if not keys:
        links = factcheck.source_items(c.id)
        body = (
            "<p>No number to recompute: read what each source says (and does not say) about the "
            f"claim.</p><ul>{links}</ul>"
        )
    else:
        rows = []
        held = lessons.held_figures(c.id)  # the station's own result, as a source prints it
        for k in keys:
            e = catalog.entry(k)
            what, value, source = factcheck.figure_line(k)
            value = lessons.STATION_ROW_ON_PAPER if k in held else value
            rows.append([what, value, source, e.date])
        body = _table(["figure", "value", "source", "date"], rows)
        body += f"<p>{html.escape(c.recompute())}</p>"
        note = factcheck.station_note(c.id)
        if note:
            body += f"<p><i>{html.escape(note)}</i></p>"
        body += _station_extra(c.id)
    return f"<section><h4>Station: {html.escape(c.claim)}</h4>{body}</section>"


def _station_extra(claim_id: str) -> str:
    """What lesson 5's interactive stations show, on paper: the city on each basis for the city
    claim, and the power split's read-out at the article's 40 % for the cooling claim."""
    if claim_id == "ms-city":  # its all-sector row is the station's number: left to compute
        caption, header, rows = lessons.city_table(
            hidden=(lessons.STATION_BASIS,), closed="your number above"
        )
        return (
            "<p>The city widget's table (the same site on each basis; "
            f"{html.escape(caption)}):</p>" + _table(header, rows)
        )
    if claim_id == "ms-cooling":
        line = lessons.power_split_line(lessons.COOLING_SHARE)
        return (
            f"<p>The power-split widget at the article's {fmt.percent(lessons.COOLING_SHARE)} "
            f"cooling share: {html.escape(line)}.</p>"
        )
    return ""


def _fact_check_grid() -> str:
    """Lesson 5's role cards, its stations and the claim grid: my number, my assumption, the
    group's verdict, my vote (no verdict of the explorer's)."""
    cards = []
    for r in factcheck.ROLES:
        items = "".join(r.item(c) for c in r.claims)  # the notebook's card, with its leads
        cards.append(
            f"<section><h3>Role card: {html.escape(r.name)}</h3><p>{html.escape(r.brief)}</p>"
            f"<ul>{items}</ul><p><i>{ROLE_CARD_RULE}</i></p></section>"
        )
    stations = "".join(_station_card(c) for c in factcheck.class_claims())
    # the stations above carry the figures: the grid is for writing (reader 14: a column of
    # citations left the write-in columns too narrow to write in)
    grid = _table(
        ["claim", "my number", "my assumption", "group verdict", "my vote"],
        # reader 33: the battery claim has no number to write ("—")
        [
            [c.claim, "" if lessons.station_unit(c.id) else "—", "", "", ""]
            for c in factcheck.class_claims()
        ],
    )
    # the rule, stated once as the notebook states it: its table and "Whose figure?" (reader
    # 27: a table, "the rule in full" and "Whose figure?" said it three times); the role cards
    # point to it rather than say it again
    rule = (
        f"<h3>The verdict rule</h3>{_md_table(5, '| verdict |')}"
        f"<p>{_inline(_passage(5, '**Whose figure?**'))}</p>"
    )
    rule += f"<p>{_inline(_passage(5, '**Dense or sparse?**'))}</p>"
    rule += _game_rules()
    # reader 21: the rule's disk example mirrored the memory claim; it is in the reveal's memory
    # row (the answer key), not on the students' sheet
    return (
        rule
        + "".join(cards)
        + "<h3>Recompute stations</h3>"
        + stations
        + "<h3>Claim grid</h3>"
        + grid
    )


def _read_out_rows() -> str:
    """The answer key's line of the source rows the worksheet holds back (AWS's table's
    figures a station computes), which the teacher reads out when a group's number checks
    (reader 22: the key never said which figure that was)."""
    rows = [
        f"{html.escape(what)}: {html.escape(value)} ({html.escape(source)})"
        for c in factcheck.class_claims()
        for k in lessons.held_figures(c.id)
        for what, value, source in [factcheck.figure_line(k)]
    ]
    return (
        "<p><b>Read out when a group's number checks</b> (the worksheet holds these rows: "
        f"“{html.escape(lessons.STATION_ROW_ON_PAPER)}”): {'; '.join(rows)}.</p>"
    )


def _passage(lesson: int, start: str) -> str:
    """The paragraph of lesson `lesson`'s notebook that begins with `start`, up to the next blank
    line: the worksheet prints the notebook's own words, never a copy to keep in step."""
    (notebook,) = [x.notebook for x in LESSONS if x.number == lesson]
    for source in markdown_cells(NOTEBOOKS / notebook):
        if start in source:
            return source[source.index(start) :].split("\n\n")[0].strip()
    raise KeyError(f"lesson {lesson} has no paragraph starting {start!r}")


def _md_table(lesson: int, start: str) -> str:
    """The Markdown table of lesson `lesson`'s notebook whose header row begins with `start`, as
    HTML (its cells' bold and italic kept): the worksheet prints the notebook's own table."""
    lines = _passage(lesson, start).splitlines()
    rows = [[_inline(c.strip()) for c in x.strip().strip("|").split("|")] for x in lines]
    head, body = rows[0], [r for r in rows[2:] if r]
    th = "".join(f"<th>{h}</th>" for h in head)
    trs = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>\n" for r in body)
    return f"<table><tr>{th}</tr>\n{trs}</table>\n"


def _printed(details: str) -> str:
    """HTML with its closed <details> opened as headed sections, for paper."""
    details = re.sub(r"<details><summary>(.*?)</summary>", r"<h4>\1</h4>", details)
    return details.replace("</details>", "")


def _capstone_inputs() -> str:
    """The catalog's figures lesson 6's steps 1-2 and 5 use, so the chain can be worked on paper
    (reader 17: the sheet printed step 1's chip count, so the class began at peak × MFU)."""
    figures = "; ".join(
        f"{html.escape(what)}: {html.escape(factcheck.figure_line(key)[1])}"
        for key, what in (
            ("sites.rainier-mississippi.site_power", "the site's power"),
            ("cooling.aws-fleet.pue", "AWS's fleet PUE"),
            ("chips.trn2.tdp", "one Trainium2 chip's TDP"),
            ("chips.trn2.server_overhead", "server overhead per chip"),
            ("chips.trn2.bf16_dense", "one chip's dense BF16"),
            ("defaults.mfu", "MFU of a large training run"),
        )
    )
    what, value, source = map(html.escape, factcheck.figure_line("bases.us-person.value"))
    return (
        f"<section><p><b>For steps 1 and 2</b> (the catalog's figures): {figures}.</p>"
        f"<p><b>For step 5</b> (the catalog's figures): {what}, {value} ({source}); "
        f"a year of {_N_HOURS} hours, {_N_DAYS} days.</p>"
        "</section>"
    )


def _capstone_step_2_check() -> str:
    """What lesson 6's step 2 check prints (the peak beside the achieved speed), for the answer
    key: on paper the teacher reads it out once capstone-achieved checks (reader 23: the
    worksheet promised it, the key had no line for it)."""
    site = lessons.capstone_site()
    return (
        "<p><b>Step 2's check</b> (read it out once capstone-achieved checks): peak BF16 "
        f"{html.escape(fmt.quantity(float(site.peak_flops), 'FLOP/s'))}; achieved "
        f"{html.escape(fmt.quantity(float(site.job_flops), 'FLOP/s'))} at MFU "
        f"{html.escape(fmt.percent(float(site.mfu)))}.</p>"
    )


def _capstone_step_3_check() -> str:
    """What lesson 6's step 3 check prints, for the answer key: the teacher reads it out once
    the class has answered (reader 16: printed on the worksheet it gave away the hook's answer
    and step 4's guess)."""
    site = lessons.capstone_site()
    return (
        "<p><b>Step 3's check</b> (read it out once capstone-days is answered): one job of every "
        "chip is interrupted every "
        f"{html.escape(fmt.number(float(site.job_mtbi) * factor('hour', 'minute')))} "
        "minutes on average, and each restart takes "
        f"{html.escape(fmt.number(float(site.job_restart_minutes)))} minutes: goodput "
        f"{html.escape(lessons.rough_percent(float(site.goodput)))}. A restart outlasts the "
        "average gap, so each chip does useful work only the goodput's share of the time; if "
        "the model's extrapolation held, the run would take "
        f"{html.escape(fmt.number(float(site.training_days)))} days (far outside any job ever "
        "measured).</p>"
    )


def _capstone_after_step_3() -> str:
    """What follows lesson 6's step 3 on the worksheet: where its check is (read out from the
    answer key, as the notebook and the handout say) and step 4's text, under step 4's one
    heading (reader 20: "Step 4" was printed twice, once bare and once with its title)."""
    return (
        "<section><p><b>After step 3</b>: once you have written your answer, your teacher reads "
        "out what its check prints.</p>"
        f"<p><b>{html.escape(_CAPSTONE_STEP_4)}</b>: "
        f"{_inline(_passage(6, 'The chips of one training job'))}</p>"
        # reader 27: the gut guess before the figures, the worked answer after them
        f"<p>{_inline(_passage(6, '*Guess first,* before you see'))}</p>"
        # reader 30: the goodputs sat on the same page as "guess first, before you see them"
        "<p><b>✂ Fold the page here.</b> Read on only once you have said your guess.</p>"
        # reader 22: the goodput of the three sizes, so that the class computes the fastest
        f"<p>{html.escape(lessons.guesses_goodput_line())}; "
        f"{html.escape(lessons.RESTART_ASSUMPTION)}.</p>"
        f"<p>{_inline(_passage(6, 'A job' + chr(39) + 's speed is its chips'))}</p></section>"
    )


def _capstone_peak_guess() -> str:
    """Lesson 6's step 2 guess of the peak on the worksheet, in the notebook's words, with a
    line to write it on."""
    guess = _passage(6, "*Guess first:* how fast").split(" Write your guess down")[0]
    return (
        f"<section><p>{_inline(guess)}</p><p>My guess: __________ EFLOP/s (peak). Your teacher "
        "reads out the peak once your achieved speed checks.</p></section>"
    )


_CAPSTONE_STEP_4 = "Step 4 · Pick the job size, then price the run"
# step 4's two blanks on the worksheet, under its one heading
_CAPSTONE_LABELS = {
    "capstone-job-share": "Your answer",  # worked out from the goodputs (reader 27)
    "capstone-energy": "The run's energy",
}
# reader 33: "after the show of hands" came before the working; the plan reads it out once the
# students have committed their answer in step 4's box
_CAPSTONE_READ_OUT = (
    "<p>Your teacher reads out the fastest job's size and days (step 4's check) once you have "
    "written your answer above.</p>"
)


def _capstone_step_4_check() -> str:
    """What lesson 6's step 4 check prints, for the answer key (reader 20: the plan says to read
    the fastest job's size and days from the key, which had them only scattered)."""
    lines = "; ".join(html.escape(line) for line in lessons.fastest_job_lines())
    return (
        "<p><b>Step 4's check</b> (read it out once every student has written an answer in step "
        f"4's box, not straight after the show of hands): {lines}.</p>"
    )


# reader 18: between step 4's guess and its energy question it split the step; it heads the
# worksheet's Advanced part, after step 5
_CAPSTONE_SWEEP = (
    "<p>Your teacher hands out the job-size sweep (answer key) once you have answered the run's "
    "energy.</p>"
)


def _question_html(q: str) -> str:
    """A question on paper, with a numbered list it ends with (lesson 5's eight claims) as a
    list rather than one run-on paragraph (reader 16).

    Examples
    --------
    >>> _question_html("Pick one. 1. A first. 2. A second.")
    '<p>Pick one.</p><ol><li>A first.</li><li>A second.</li></ol>'
    >>> _question_html("Is 300. The site?")
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
    return f"<section><p>{_inline(text)}</p></section>"


def _worksheet(lesson: Lesson) -> str:
    """The hook, every question and every exercise, in the notebook's order (a question that
    follows an exercise stays after it)."""
    parts = ["<p>Name: ____________________ &nbsp; Date: __________</p>"]
    if lesson.number == 6:
        parts.append(_capstone_inputs())
    if lesson.number == 1:  # a room without computers works every city from these
        parts.append(_city_figures())
    if lesson.number in TABLE_SHEETS:
        parts.append(
            f"<p><i>Without a computer: the questions about printed values read the tables "
            f"sheet (lesson-{lesson.number}/tables.html) your teacher hands out "
            f"{_HAND_OUT[lesson.number]}.</i></p>"
        )
    nb = json.loads((NOTEBOOKS / lesson.notebook).read_text(encoding="utf-8"))
    step, advanced, heading = "", False, ""
    folds = _predictions_that_gate_exercises(nb)
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
            if heading and _questions_in(source):
                parts.append(heading + (_CAPSTONE_SWEEP if lesson.number == 6 else ""))
                heading = ""
            # a pairs' task ("**In pairs.** …") sets up the questions near it: printed where
            # the notebook has it (reader 23: lesson 2's sheet asked about "the survey" before
            # saying what it is)
            said = _unfolded(on_paper(source), student=True)
            first = said.find("**Question.**")
            pairs = [x for x in re.split(r"\n\s*\n", said) if x.startswith("**In pairs")]
            lead = [_pairs_html(x) for x in pairs if first < 0 or said.find(x) < first]
            after = [_pairs_html(x) for x in pairs if 0 <= first < said.find(x)]
            parts += lead
            for q in _questions_in(on_paper(source), student=True):
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
                    yes_no = _table(
                        ["row", "cooling", "COP", "water a year"],
                        [[label, "", "", ""] for label, _ in lessons.cooling_rows()],
                    )
                said_q = _question_html(q)
                if lesson.number == 8 and "printed below" in q:  # the hook's ranges (reader 32)
                    at = said_q.index("</p>", said_q.index("printed below")) + len("</p>")
                    figures = " ".join(hook_figures(lessons.CONTESTED_SITE).split())
                    said_q = f"{said_q[:at]}<p class='box'>{html.escape(figures)}</p>{said_q[at:]}"
                parts.append(f"<section>{said_q}{yes_no}<div class='blank'></div></section>")
            parts += after
            continue
        for kind, eid in re.findall(r'widgets\.(answer_box|predict_reveal)\(\s*"([\w-]+)"', source):
            if heading:
                parts.append(heading)
                heading = ""
            label = _CAPSTONE_LABELS.get(eid, step) if lesson.number == 6 else ""
            if eid == "trn2-chips-300mw":  # the all-in power, checked before the count (reader 22)
                parts.append(
                    f"<section><p>One Trainium2's power all in: {_TRN2_TDP} × {_TRN2_OVERHEAD} = "
                    "______ W (checked with your count: your teacher reads out the four-chip "
                    "table)</p></section>"
                )
            if eid == "capstone-achieved":  # reader 22: the peak guess had no line to write on
                parts.append(_capstone_peak_guess())
            parts.append(
                _exercise_block(
                    lessons.EXERCISES[eid],
                    label,
                    kind == "predict_reveal",
                    worked=eid in lessons.WORKED_ANSWERS,
                )
            )
            if kind == "predict_reveal" and eid in folds:
                parts.append(
                    "<section class='fold'><p><b>✂ Fold the page here.</b> Turn over only after "
                    "you have written your prediction above: the figures below give it away (the "
                    "notebook opens them only after the prediction).</p></section>"
                )
            if eid == "city-power-article":  # the debrief's two lines (reader 21)
                parts.append(
                    f"<section><p>The city's power against the site's {_SITE}: above / below "
                    "______</p><p><b>Back to the hook.</b> My first guesses: ______ &nbsp; Now: "
                    "______ because ______</p></section>"
                )
            if eid == "cooling-at-survey-pue":  # the Debrief's second vote (reader 34)
                parts.append(
                    "<section><p><b>Back to the hook.</b> My first answer: ______ &nbsp; Now: "
                    "likely / unlikely / impossible: ______ because ______</p></section>"
                )
            if eid == "capstone-days":
                parts.append(_capstone_after_step_3())
            if eid == "capstone-job-share":
                parts.append(_CAPSTONE_READ_OUT)
        # a prediction said in words (`widgets.commit_way`): its ways to circle and a reason
        # line, as the student handout prints them (reader 37-34: "circle one" had nothing)
        for ways in re.findall(r"widgets\.commit_way\([^,]+,\s*(\([^)]*\))", source):
            circle = " / ".join(ast.literal_eval(ways))
            parts.append(
                f"<section><p>{html.escape(circle)} (circle one). One reason: "
                "______________</p></section>"
            )
    if lesson.number == 5:
        parts.append(_fact_check_grid())
    if lesson.number == 3:  # a room without computers rebuilds the chips from these
        parts.insert(1, _chip_figures())
    if lesson.number == 4:
        parts.insert(1, _training_figures())
    return _unguessed("\n".join(parts), lesson.number)


def _predictions_that_gate_exercises(nb: dict) -> set[str]:
    """The predictions (``predict_reveal``) a notebook keeps later exercises behind: a cell
    ``widgets.solution("id", … answer_box …, until=…)`` opens an exercise only after prediction
    ``id``, since its question's figures would give the prediction away. On paper those
    exercises go below a fold."""
    sources = ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"]
    predictions = {
        eid for src in sources for eid in re.findall(r'predict_reveal\(\s*"([\w-]+)"', src)
    }
    gating = {
        eid
        for src in sources
        if "until=" in src and "answer_box(" in src
        for eid in re.findall(r'widgets\.solution\(\s*"([\w-]+)"', src)
    }
    return predictions & gating


def _city_figures() -> str:
    """Lesson 1's input figures, from the catalog: the hours in a year and every basis the
    lesson compares, with its figure and source, and a blank for the city each pair works out
    by hand (the board's table)."""
    # the hours are worked out in the lesson (cell 3 asks for them first): a blank, not 8,760
    rows = [["hours in a year", f"{_N_DAYS} days × 24 = ______ hours", "", "—"]]
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
    return "<h3>Figures you need</h3>" + _table(
        ["figure", "value", "source", "the site's city on it (your working)"], rows
    )


def _chip_figures() -> str:
    """Lesson 3's input figures, from the catalog, for working by hand."""
    rows = [
        ["Trainium2's power (TDP, an estimate)", fmt.quantity(_trn2("tdp", "W"), "W")],
        ["server overhead (borrowed from the DGX H100)", _TRN2_OVERHEAD],
        ["AWS's fleet PUE", _FLEET_PUE],
        # the two shares labelled as shares of the site, not "of which" under the PUE (a ratio):
        # that invited taking the PUE off as well (reader 21)
        ["site power taken by cooling", fmt.percent(lessons.TRN2_COOLING)],
        [
            # reader 34: "take them off once" left the student to guess which once
            f"site power taken by other losses (with cooling's, the 1 − 1/{_FLEET_PUE} of the "
            "site that the PUE already leaves out: use either the PUE or these two shares, "
            "not both)",
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
    return "<h3>Figures you need</h3>" + _table(["figure", "value"], rows)


_US = "trn2-ultraserver"


def _training_figures() -> str:
    """Lesson 4's input figures, from the catalog, for working on paper (the training compute
    is the first exercise's answer, so it is not among them)."""
    peak = catalog.value("chips.h100.bf16_dense", "TFLOP/s")
    mtbi = float(_runs().job_mtbi.sel(job_chips=lessons.JOB_CHIPS))
    rows = [
        [
            "operations per parameter per token (the 6 in 6 N D)",
            fmt.number(catalog.value("training.flops_per_parameter_token", "FLOP")),
        ],
        ["one H100's dense BF16 peak (datasheet)", f"{fmt.number(peak)} TFLOP/s"],
        [
            "one H100 sustaining a large matrix multiplication at its power limit (measured)",
            f"{_measured_sustained()} TFLOP/s",
        ],
        ["MFU (the share of peak a run achieves)", _MFU],
        ["H100s in the hook's run", _RUN_CHIPS],
        ["seconds in a day", fmt.number(factor("day", "s"))],
        [
            f"time between interruptions, a {_JOB_CHIPS}-GPU job (Llama 3)",
            lessons.interval_words(mtbi),
        ],
        [
            "a checkpoint stalls training for (assumed)",
            fmt.quantity(catalog.value("reliability.checkpoint_time", "minute"), "min"),
        ],
        [
            "the job saves a checkpoint about every (the explorer's interval)",
            f"{fmt.number(lessons.checkpoint_every(), 3)} min",
        ],
        [
            f"a restart takes, for a {_JOB_CHIPS}-chip job (assumed)",
            fmt.quantity(catalog.value("reliability.restart_time", "minute"), "min"),
        ],
        [
            "a restart takes longer for a bigger job, per 1,000 more chips (assumed: "
            "extrapolated from MegaScale's start-up times)",
            fmt.quantity(
                catalog.value("training.restart_growth", "minute") * factor("minute", "s"), "s"
            ),
        ],
    ]
    # section 3's table on paper: the restart and the interval at each job size it prints
    sizes = " / ".join(fmt.number(float(n)) for n in _runs().job_chips.values)
    restarts = " / ".join(fmt.number(float(m)) for m in _runs().job_restart_minutes.values)
    every = " / ".join(
        fmt.number(float(h) * factor("hour", "minute")) for h in _runs().job_mtbi.values
    )
    rows += [
        [f"a restart takes, for jobs of {sizes} H100s (section 3's table)", f"{restarts} min"],
        ["an interruption comes every, for the same jobs (section 3's table)", f"{every} min"],
    ]
    return "<h3>Figures you need</h3>" + _table(["figure", "value"], rows)


def _trn2(var: str, unit: str) -> float:
    return catalog.value(f"chips.trn2.{var}", unit)


# the key's rounding rule in words, at the fewest figures the checker takes (reader 29)
_FIGURES = {1: "one", 2: "two", 3: "three", 4: "four"}


def _also_right(t: Trap) -> bool:
    """A trap the reveal opens with "Right" (lesson 6's "about half (50 %)", the right one of
    the guesses offered): right, with its note, not a wrong answer (reader 33: the key listed
    it under "wrong answer", and a teacher marking by the key marked the lesson's answer
    wrong)."""
    return t.say.lead == "Right"


def _boxed(e: Exercise, t: Trap, predicted: bool) -> bool:
    """A trap whose value the notebook's prediction box refuses as impossible (a PUE below 1):
    the box says what the quantity is, never this hint, which only the Check gives (reader 36:
    the key listed hints a student predicting never reads)."""
    bound = e.limits.possible() if predicted and e.limits.possible else None
    return bound is not None and not bound.ok(t.value())


def _trap_rows(e: Exercise, traps: list[Trap], predicted: bool = False) -> list[list[str]]:
    return [
        [
            t.id,
            e.show_trap(t),
            t.hint
            + (
                " (not in the notebook's prediction box, which says only “not possible” and "
                "what the quantity is, the same for every such value: this hint would tell the "
                "answer's size before the prediction; name the slip yourself after the reveal)"
                if _boxed(e, t, predicted)
                else ""
            )
            + (f" (from the second attempt on, also: {t.say.later})" if t.say.later else "")
            + (" (a note: the answer counts as right)" if t.kind.note else "")
            + (" (not yet: the answer stays closed)" if t.kind.figures else ""),
        ]
        for t in traps
    ]


def _answers(lesson: Lesson) -> str:
    parts = []
    nb = json.loads((NOTEBOOKS / lesson.notebook).read_text(encoding="utf-8"))
    code = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")
    predicted = set(re.findall(r'predict_reveal\(\s*"([\w-]+)"', code))
    for e in exercises_of(lesson.number):
        traps = _trap_rows(e, [t for t in e.traps if not _also_right(t)], e.id in predicted)
        right = [t for t in e.traps if _also_right(t)]
        also = (
            "; also right: "
            # each with the range the checker takes it in (35.6 % to 55.1 % in all, on paper)
            + ", ".join(
                html.escape(
                    f"{e.show_trap(t)} ({e.show(t.value() * (1 - t.match.rel_tol))} to "
                    f"{e.show(t.value() * (1 + t.match.rel_tol))})"
                )
                for t in right
            )
            + " (the answers below, which the reveal calls right with a note)"
            if right
            else ""
        )
        parts.append(
            f"<section><h3>{html.escape(e.id)}</h3><p>{html.escape(e.question)}</p>"
            f"<p><b>Answer: {html.escape(e.show(e.answer()))}</b> "
            f"(accepted within {html.escape(e.tolerance())}: "
            f"{html.escape(e.shown_range()[0])} to {html.escape(e.shown_range()[1])} "
            # the printed ends are inside the checker's (9.55 % for 9.541 %), and a share's
            # points are told to students as a fraction of the answer (reader 33)
            "(the ends rounded inward"
            + (
                f"; told to students as {html.escape(e.said_tolerance())})"
                if e.said_tolerance() != e.tolerance()
                else ")"
            )
            + f"{also}, "
            + (
                f"and {html.escape(e.show(e.two_figures()))}, the answer to two significant "
                "figures; "
                if not e.copied(e.two_figures())
                else f"but not {html.escape(e.show(e.two_figures()))}, the answer to two "
                "significant figures, which is a published figure copied: see the traps; on "
                "paper, accept it only if the working shows about "
                f"{html.escape(e.show(e.answer()))}, otherwise ask for three figures; "
            )
            + "a rounding of the answer to the figures the student gives counts too, when the "
            f"student gives {_FIGURES[e.fewest_figures()]} or more figures; "
            # lessons 7 and 8 ask for two figures even inside the range (`Precision.figures`,
            # reader 31), unless the question says one is enough
            + (
                # a prediction's reveal calls any answer inside the range a good estimate,
                # whatever its figures: the key says the screen's rule (reader 33)
                "fewer count only inside the range above, as the notebook's reveal calls a "
                "prediction there a good estimate)</p>"
                if e.id in predicted
                # a worked answer's reveal keeps the boxes' rule (reader 37: two rules)
                and not ((e.precision.figures or 0) > 1 and e.id in lessons.WORKED_ANSWERS)
                else "fewer do not count, even inside the range above)</p>"
                if (e.precision.figures or 0) > 1
                else "fewer count only inside the range above)</p>"
            )
            + _table(
                ["hint step", "text"],
                [["nudge", e.hints[0]], ["formula", e.hints[1]], ["worked step", e.hints[2]]],
            )
            + (
                _table(["also right", "answer", "note it gets"], _trap_rows(e, right))
                if right
                else ""
            )
            + (_table(["trap", "wrong answer", "hint it gets"], traps) if traps else "")
            + "</section>"
        )
    if lesson.number == 6:
        parts.append(_capstone_checks())
    if lesson.number == 8:  # read out after contested-load-swing, for a class on paper
        from .contested import city_tornado_rows

        rows = city_tornado_rows(lessons.ARTICLE_SITE)
        parts.append(
            "<h3>Step 3's tornado (read the rows out once contested-load-swing is committed)</h3>"
            "<p>The city in households, each figure moved alone from its low end to its high "
            f"end, the others at their central values: {len(rows)} figures move it (students "
            "check their ticks against the count); every other figure of step 1's table "
            "leaves the city where it is.</p>"
            + _table(["figure", "city at its low end", "city at its high end", "swing"], rows)
        )
    if lesson.number == 5:
        # the stations' numbers, to check a group's on paper (reader 16: the worksheet's city
        # table leaves the station's own row to the group, so the key has it)
        caption, header, rows = lessons.city_table()
        stations = [
            [
                c.claim,
                c.recompute().removeprefix("Recompute: "),
                lessons.station_numbers(c.id),
                lessons.station_accepted(c.id),
            ]
            for c in factcheck.class_claims()
            if lessons.station_numbers(c.id)
        ]
        parts.append(
            "<h3>The stations' numbers (to check a group's; not verdicts)</h3>"
            + _table(
                ["claim", "the station's computation", "its number", "the check accepts"],
                stations,
            )
            + _read_out_rows()
            + f"<p>The city widget's table in full ({html.escape(caption)}):</p>"
            + _table(header, rows)
        )
        parts.append(
            "<h3>The verdicts (as the vote's reveal shows them)</h3>"
            + factcheck.html_table(factcheck.CLASS_CLAIMS)
            + _printed(factcheck.after_reveal())
            + _hot_hour_note()
            + "<h3>All the articles' claims ("
            + _claims_and_rereadings()
            + ", with verdicts)</h3>"
            + factcheck.html_table()
        )
    if lesson.number == 3:
        parts.append(_lesson_3_tables())
    if lesson.number == 4:
        parts.append(_goodput_table())
        parts.append(
            "<h3>Advanced: Young and Daly (what the Advanced cell prints)</h3>"
            f"<pre>{html.escape(_stdout(lessons.daly_and_young))}</pre>"
        )
    if lesson.number == 2:  # section 3's printed rows: read out after the COP answers
        parts.append(
            "<h3>Section 3's rows (Advanced: read them out after the COP answers)</h3>"
            + _table(["row", "what the notebook prints"], [list(r) for r in lessons.cooling_rows()])
            # the lines under the rows, which the notebook's text points to by place
            + "".join(
                f"<p>{html.escape(line)}</p>"
                for line in (
                    lessons.plant_cop_line(),
                    lessons.evaporation_line(),
                    lessons.economiser_hours_line(),
                )
            )
        )
    qa = [[q, answer_to(lesson.number, q)] for q in open_questions(lesson)]
    parts.append("<h3>Open questions</h3>" + _table(["question", "model answer"], qa))
    return "\n".join(parts)


def _hot_hour_note() -> str:
    """For the teacher only (a later lesson's result, kept out of the class's reveal): the
    hottest hour's cooling share at Canton, the reply to a defender's hot-day case."""
    year = lessons.hot_year()[0]
    hot = float(year.peak_cooling_power / year.peak_facility_power)
    return (
        "<p><i>For the teacher only (lesson 7's result; the class's reveal leaves it to that "
        f"lesson):</i> Canton's hottest hour needs {html.escape(fmt.percent(hot, 2))} of the "
        "site's power in that hour for cooling, still short of the claim's "
        f"{html.escape(factcheck.claim('ms-cooling').stated)}.</p>"
    )


def _capstone_checks() -> str:
    """What lesson 6's reveals print beyond the exercises: the plans compared, the model against
    Meta's run, and the Advanced sweep (a table to hand out once the run's energy is answered)."""
    meta = lessons.meta_check()
    here = lessons.capstone_job(meta["chips"])
    million = 1e6  # GPU-hours are told in millions
    rows = [
        [
            lessons.job_size(r["chips"]),
            lessons.rough_percent(r["goodput"]),
            fmt.number(r["days"]),
            f"{lessons.about(r['energy'])} MWh",  # to three figures, as the notebook prints it
        ]
        for r in lessons.capstone_sweep()
    ]
    return (
        f"<h3>The checks the reveals print</h3>{_capstone_step_2_check()}"
        f"{_capstone_step_3_check()}"
        f"{_capstone_step_4_check()}<ul>"
        f"<li>The model against Meta's run: Llama 3.1 405B on {fmt.number(meta['chips'])} H100s "
        f"takes {fmt.number(meta['model_hours'] / million)} million GPU-hours in the model; Meta "
        f"published {fmt.number(meta['published_hours'] / million)} million. "
        f"{lessons.meta_mfu_words()}: its restart time is an assumption, on the slow side.</li>"
        f"<li>A Meta-sized job of {fmt.number(meta['chips'])} Trainium2 on this site: goodput "
        f"{lessons.rough_percent(float(here.goodput))}, "
        f"{fmt.number(float(here.training_days))} days, "
        f"{fmt.quantity(float(here.run_energy), 'MWh')}.</li>"
        f"<li>One job of every chip: interrupted every "
        f"{fmt.number(float(lessons.capstone_site().job_mtbi) * factor('hour', 'minute'))} "
        "minutes on average, each restart "
        f"{fmt.number(float(lessons.capstone_site().job_restart_minutes))} minutes: longer than "
        "the time between interruptions, far beyond any measured job.</li></ul>"
        "<h3>Advanced: the job-size sweep (hand it out once capstone-energy is answered)</h3>"
        + _table(["job chips", "goodput", "days wall-clock", "energy"], rows)
    )


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


def _inline(text: str) -> str:
    """One paragraph of the notebooks' small Markdown subset (bold, italic, code, anchors) as
    HTML, its line breaks joined."""
    inline = html.escape(" ".join(text.split()), quote=False)
    inline = re.sub(r'&lt;a id="([\w-]+)"&gt;&lt;/a&gt;', r"<a id='\1'></a>", inline)
    inline = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", inline)
    inline = re.sub(r"\*(.+?)\*", r"<i>\1</i>", inline)
    return re.sub(r"`(.+?)`", r"<code>\1</code>", inline)


def _markdown(text: str) -> str:
    """The glossary's small Markdown subset (headings, paragraphs, bold, italic, code) as HTML;
    its inline anchors are kept."""
    out = []
    for block in re.split(r"\n\s*\n", text.strip()):
        inline = _inline(block)
        m = re.match(r"(#+) (.*)", inline)
        if m:
            level = min(len(m[1]) + 1, 4)
            out.append(f"<h{level}>{m[2]}</h{level}>")
        else:
            out.append(f"<p>{inline}</p>")
    return "\n".join(out[1:])  # the page supplies its own title


def _quiz(
    items: Sequence[quiz.Item | quiz.VerdictItem | quiz.ChoiceItem], with_answers: bool, intro: str
) -> str:
    """Multiple-choice items (new questions, not the exercises'), four choices each in ascending
    order (a verdict item: the three verdicts); with answers, the right letter and what each
    distractor's slip is."""
    rows = []
    for n, item in enumerate(items, start=1):
        options = item.options()
        choices = [f"{'ABCD'[i]}) {shown}" for i, (shown, _) in enumerate(options)]
        text = item.text() if callable(item.text) else item.text
        block = f"<section><p>{n}. {html.escape(text)}</p><p>{html.escape(' · '.join(choices))}</p>"
        if with_answers:
            why = "; ".join(f"{'ABCD'[i]}: {w}" for i, (_, w) in enumerate(options) if w != "right")
            block += (
                f"<p><b>Answer: {'ABCD'[item.right()]}</b> (lesson {item.lesson}). "
                f"Distractors: {html.escape(why)}.</p>"
            )
        rows.append(block + "</section>")
    return f"<p>{html.escape(intro)}</p>" + "\n".join(rows)


def _lesson_7_tables() -> None:
    from .hot_days import tables_sheet

    year, grid, _ = lessons.hot_year()
    tables_sheet(year, grid)


def _lesson_8_tables() -> None:
    from .contested import tables_sheet

    tables_sheet(lessons.ARTICLE_SITE, lessons.SITE_MW)


TABLE_SHEETS = {7: _lesson_7_tables, 8: _lesson_8_tables}
"""Lessons with a student tables sheet for a class without computers (the reveals' tables
without their answers), printed by the function."""
_HAND_OUT = {7: "after the prediction of step 1", 8: "after the hook's guess"}


def _notebook_box(lesson: int, title: str) -> str:
    """The notebook's quoted box ("> **Which 300 MW?** …") as paper prints it: one line, links as
    their text, no emphasis (reader 35: the tables sheet cited a box only the notebook had)."""
    (nb,) = (n for n in NOTEBOOKS.glob(f"{lesson:02d}-*.ipynb"))
    for source in markdown_cells(nb):
        at = source.find(f"> **{title}**")
        if at >= 0:
            quoted = []
            for line in source[at:].splitlines():
                if not line.startswith(">"):
                    break
                quoted.append(line[1:])
            text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", on_paper("\n".join(quoted)))
            return " ".join(re.sub(r"\*+", "", text).split())
    raise InputError("box", title, f"a quoted box in lesson {lesson}'s notebook")


# the notebook's boxes a tables sheet cites, printed at its top (they hold no answer)
_TABLES_BOXES = {8: ("Which 300 MW?",)}


def _tables(lesson: int) -> str:
    """A lesson's tables sheet as HTML: what `TABLE_SHEETS` prints, preformatted."""
    import contextlib
    import io

    from .hot_days import FOLD

    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        TABLE_SHEETS[lesson]()
    above, *folded = buf.getvalue().split(f"\n{FOLD}")
    page = (
        f"<p>For a class without computers: hand this out {_HAND_OUT[lesson]}. It "
        "holds the lesson's tables and none of its answers.</p>"
        + "".join(
            f"<p class='box'>{html.escape(_notebook_box(lesson, title))}</p>"
            for title in _TABLES_BOXES.get(lesson, ())
        )
        + f"<pre>{html.escape(above)}</pre>"
    )
    for below in folded:  # each line that starts with the fold mark: what follows is folded
        said, _, rest = below.partition("\n")
        page += (
            f"<section class='fold'><p><b>{FOLD}{html.escape(said)}</b></p>"
            f"<pre>{html.escape(rest)}</pre></section>"
        )
    return page


def build() -> dict[str, str]:
    """Every page of the pack: relative path → HTML text (nothing is written)."""
    glossary = (NOTEBOOKS / "glossary.md").read_text(encoding="utf-8")
    pages: dict[str, str] = {}
    links = []
    # each lesson's key once: it is its own page and a part of the all-lessons key, and computing
    # it (every exercise's accepted range, the headline ranges) is most of the pack's time
    keys = {lesson.number: _answers(lesson) for lesson in LESSONS}
    for lesson in LESSONS:
        d = f"lesson-{lesson.number}"
        name = f"{lesson.number} · {lesson.title}"
        pages[f"{d}/plan.html"] = _page(f"Lesson {name}: 50-minute plan", _plan(lesson))
        pages[f"{d}/worksheet.html"] = _page(f"Lesson {name}: worksheet", _worksheet(lesson))
        pages[f"{d}/answers.html"] = _page(f"Lesson {name}: answer key", keys[lesson.number])
        intro = f"Ten minutes after lesson {lesson.number}; calculators allowed."
        n = lesson.number
        items = [*quiz.items(n), *quiz.verdict_items(n), *quiz.choice_items(n)]
        pages[f"{d}/quiz.html"] = _page(f"Lesson {name}: quiz", _quiz(items, False, intro))
        pages[f"{d}/quiz-answers.html"] = _page(
            f"Lesson {name}: quiz answers", _quiz(items, True, intro)
        )
        tables = ""
        if n in TABLE_SHEETS:
            pages[f"{d}/tables.html"] = _page(f"Lesson {name}: tables", _tables(n))
            tables = f" · <a href='{d}/tables.html'>tables (no answers)</a>"
        links.append(
            f"<li>{html.escape(name)}: <a href='{d}/plan.html'>plan</a> · "
            f"<a href='{d}/worksheet.html'>worksheet</a> · "
            f"<a href='{d}/answers.html'>answers</a> · "
            f"<a href='{d}/quiz.html'>quiz</a> (<a href='{d}/quiz-answers.html'>answers</a>)"
            f"{tables}</li>"
        )
    pages["answers.html"] = _page(
        "Answer key, all lessons", "\n".join(keys[lesson.number] for lesson in LESSONS)
    )
    pages["rubric.html"] = _page("Rubric", _rubric())
    pages["notes.html"] = _page("Teacher's notes (answers: not for students)", teacher_notes())
    pages["glossary.html"] = _page("Student glossary", _markdown(glossary))
    final = (
        "Give it before lesson 1 (pre) and after lesson 8 (post): one new item per lesson; the "
        "gain is the change in correct answers. Calculators allowed."
    )
    pages["quiz.html"] = _page("Final quiz", _quiz(quiz.items(), False, final))
    pages["quiz-answers.html"] = _page("Final quiz: answers", _quiz(quiz.items(), True, final))
    pages["index.html"] = _page(
        "Teacher's pack",
        "<p>Generated from the exercise definitions in "
        "<code>explorer/classroom/lessons/</code>; regenerate with <code>explorer teach pack "
        "--out DIR</code>. The walkthroughs as offline pages: <code>explorer teach handouts --out "
        "DIR</code> (students) or <code>--teacher</code> (every reveal open).</p><ul>"
        + "".join(links)
        + "<li><a href='answers.html'>answer key, all lessons</a></li>"
        + "<li><a href='notes.html'>teacher's notes: the slips by exercise, lesson 5's "
        + "verdicts</a></li>"
        + "<li><a href='rubric.html'>rubric</a></li>"
        + "<li><a href='glossary.html'>student glossary</a></li>"
        + "<li><a href='quiz.html'>final quiz (pre/post)</a> "
        + "(<a href='quiz-answers.html'>answers</a>)</li></ul>",
    )
    return dict(sorted(pages.items()))


def safe_folder(folder: Path) -> Path:
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
    out = safe_folder(Path(folder))
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
