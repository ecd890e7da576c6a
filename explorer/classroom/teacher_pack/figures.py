"""Where the pack reads from and writes to, and the small figure and wording helpers several pages
share: each figure asked from the catalog, the lessons' exercises or the core, never retyped."""

from __future__ import annotations

import contextlib
import html
import io
import json
import math
import re
from functools import cache

from ... import catalog, fmt
from ...systems import system_table
from ...training import goodput
from ...units import factor
from .. import factcheck, lessons
from ..computed import compute
from ..folders import ROOT
from .markup import html_table

NOTEBOOKS = ROOT / "notebooks"
DEFAULT_OUT = ROOT / "build" / "teacher-pack"

# The figures the plans and model answers state, formatted from the catalog and the exercises'
# scenario (never retyped here: a moved catalog value moves the pack)
FLEET_PUE = fmt.number(catalog.value("cooling.aws-fleet.pue", "dimensionless"))
"""AWS's fleet PUE, as the pages print it."""
SURVEY_PUE = fmt.number(catalog.value("cooling.industry-average.pue", "dimensionless"))
"""The industry survey's average PUE, as printed."""
OTHER_SHARE = catalog.value("defaults.overhead_fraction", "dimensionless")
"""The default share of the other overheads (a fraction)."""
CHILLER_MIN = fmt.number(catalog.value(lessons.CHILLER_COP, "dimensionless"))  # 4.5
"""The published minimum COP of a new water-cooled chiller, as printed."""
AIR_CHILLER_MIN = fmt.number(catalog.value(lessons.AIR_CHILLER_COP, "dimensionless"))  # 2.8
"""The published minimum COP of a new air-cooled chiller, as printed."""
DESIGN_PUE = fmt.number(catalog.value("climate.published_targets.aws-new-design", "dimensionless"))
"""AWS's published PUE target for its new designs, as printed."""
TRN2_OVERHEAD = fmt.number(catalog.value("chips.trn2.server_overhead", "dimensionless"))
"""Trainium2's server overhead factor, as printed."""
TRN2_TDP = fmt.quantity(catalog.value("chips.trn2.tdp", "W"), "W")
"""Trainium2's TDP, as printed (with its unit)."""
MFU_SHOWN = fmt.percent(lessons.MFU)
"""The lessons' MFU, as printed (a percent)."""
SITE_SHOWN = fmt.quantity(lessons.SITE_MW, "MW")
"""The lessons' site power, as printed (with its unit)."""
RUN_CHIPS_SHOWN, JOB_CHIPS_SHOWN = fmt.number(lessons.RUN_CHIPS), fmt.number(lessons.JOB_CHIPS)
"""The hook's run and Llama 3's job, in chips, as printed."""
_HOURS = catalog.value("conventions.hours_per_year", "hour/year")
N_HOURS, N_DAYS = fmt.number(_HOURS), fmt.number(_HOURS / factor("day", "hour"))
"""The hours and days of a year, as printed."""
HOUSEHOLDS_CITY = lessons.EXERCISES["city-households-us"].show(
    lessons.EXERCISES["city-households-us"].answer()
)  # 245,000 households: what the working on paper shows
"""The city exercise's answer in households, as its working on paper shows it."""


def lesson_hot_day_name() -> str:
    """The day lesson 7's plant is sized for, in words (`hot_days.hot_day_name`)."""
    from ..hot_days import hot_day_name

    return hot_day_name(lessons.hot_year()[0])


def hook_guesses() -> str:
    """Lesson 7's hook's guesses (`hot_days.HOOK_GUESSES`), in words, as the notebook's hook
    and the plan say them: the "% more" guess that ends at twice the mean says so, so that a
    student who thinks in "times as much" finds a guess (reader 44-78).

    Examples
    --------
    >>> hook_guesses().split(", ")[1:]
    ['50 to 100 % more (up to twice as much)', '2 to 3 times as much', 'or 10 times as much']
    """
    from ..hot_days import HOOK_GUESSES

    said = [
        f"{name} (up to twice as much)" if name.endswith("% more") and hi == 2 else name
        for name, (_, hi) in HOOK_GUESSES.items()
    ]
    return f"{', '.join(said[:-1])}, or {said[-1]}"


def lesson_hot_peak() -> str:
    """Lesson 7's cooling peak on the day its plant is sized for [MW]."""
    return fmt.quantity(float(lessons.hot_year()[0].peak_cooling_power), "MW")


def app_hot_day() -> tuple[str, str]:
    """The app's hot day for lesson 7's site and plant (the core's default rule, the worst day)
    and its cooling peak, from the core."""
    from ...scenario import climate_year

    year = climate_year(lessons.HOT_SITE, lessons.HOT_TECH, site_power=lessons.SITE_MW)
    return str(year.attrs["hot_day"]), fmt.quantity(float(year.peak_cooling_power), "MW")


def capstone_days(which: str) -> str:
    """Lesson 6's wall-clock days: "every" chip in one job, or the priced "plan" (the fastest)."""
    ds = lessons.capstone_plan() if which == "plan" else lessons.capstone_site()
    return f"{fmt.number(float(ds.training_days))} days"


def capstone_chips() -> str:
    """The fastest job's chips, as said aloud: the optimum is flat, its last digits mean nothing."""
    return "about " + lessons.job_size(float(lessons.capstone_plan().job_chips))


def ans(eid: str) -> str:
    """An exercise's answer as the key prints it (from the core, never typed here)."""
    e = lessons.EXERCISES[eid]
    return e.show(e.answer())


def trap_hint(eid: str, trap: str) -> str:
    """A trap's hint as the checker says it, to quote in a plan (reader 35)."""
    return next(t.hint for t in lessons.EXERCISES[eid].traps if t.id == trap)


def trap_value(eid: str, trap: str) -> str:
    """A trap's value as the key prints it (from the core, never typed here), to three figures
    with the float's noise off first (`fmt.rounded`; reader 41-12: 1.425 was 1.42)."""
    e = lessons.EXERCISES[eid]
    value = next(t for t in e.traps if t.id == trap).value()
    return fmt.number(fmt.rounded(value, 3))


def typed_percent(eid: str) -> str:
    """A share exercise's answer as a student types it without the % sign ("10" for 10.0 %)."""
    return fmt.number(lessons.EXERCISES[eid].answer() * 100, 2)


def six_n_d_words(model: str = "llama3-405b") -> str:
    """C ≈ 6 N D for a catalog model, written with powers of ten: "6 × 405e9 × 15.6e12"."""

    def e(x: float) -> str:  # engineering notation, as on the board: 405e9, 15.6e12
        k = 3 * math.floor(math.log10(x) / 3)
        return f"{fmt.number(x / 10**k)}e{k}"

    per = catalog.value("training.flops_per_parameter_token", "FLOP")
    n = catalog.value(f"models.{model}.parameters", "dimensionless")
    d = catalog.value(f"models.{model}.tokens", "dimensionless")
    return f"{fmt.number(per)} × {e(n)} × {e(d)}"


def us_pflop_day() -> str:
    """A Trn2 UltraServer's day of dense FP8 left in PFLOP: "83.1 × 86,400 = 7.18e6"."""
    pf = float(system_table().fp8_dense.sel(system="trn2-ultraserver"))
    return f"{fmt.number(pf)} × {fmt.number(factor('day', 's'))} = {_e(pf * factor('day', 's'))}"


def _e(x: float, digits: int = 3) -> str:
    """A number in e-notation as students type it: 6e16, 7.18e6."""
    mantissa, exponent = f"{x:.{digits - 1}e}".split("e")
    return f"{float(mantissa):g}e{int(exponent)}"


def measured_best() -> str:
    """One H100's best measured BF16 matrix multiplication (TFLOP/s), as the notebook prints it:
    a short burst, where the worksheet prints only the sustained figure (reader 43-34)."""
    return fmt.number(catalog.value("measurements.h100-matmul.bf16_best", "TFLOP/s"))


def measured_sustained() -> str:
    """One H100's measured sustained BF16 matrix multiplication (TFLOP/s), as printed."""
    return fmt.number(catalog.value("measurements.h100-matmul.bf16_sustained", "TFLOP/s"))


def sustained_share() -> str:
    """One H100's sustained BF16 matrix multiplication as a share of its datasheet peak."""
    sustained = catalog.value("measurements.h100-matmul.bf16_sustained", "TFLOP/s")
    return fmt.percent(sustained / catalog.value("chips.h100.bf16_dense", "TFLOP/s"), 2)


def mtbi_hours() -> str:
    """The time between interruptions of Llama 3's job as the lesson says it: "3.09 h (186
    min)"."""
    return lessons.interval_words(float(goodput(lessons.JOB_CHIPS).mtbi))


def board_flop() -> str:
    """Lesson 3's board exercise: a 1 PFLOP/s machine for one minute, in FLOP (the answer in
    brackets, for the teacher)."""
    flop = factor("PFLOP/s", "FLOP/s") * factor("minute", "s")
    return f"“A 1 PFLOP/s machine runs for one minute: how many FLOP?” ({_e(flop, 1)} FLOP)."


def trn2_figure(var: str) -> str:
    """One Trainium2's peak at a precision, in TFLOP/s, as the key prints it."""
    return fmt.number(catalog.value(f"chips.trn2.{var}", "TFLOP/s"))


def trn2_gb200_per_chip() -> float:
    """How many Trainium2 chips one GB200 matches in dense FP8 (a ratio)."""
    return catalog.value("chips.gb200.fp8_dense", "TFLOP/s") / catalog.value(
        "chips.trn2.fp8_dense", "TFLOP/s"
    )


def site_h100s() -> float:
    """Lesson 4's section 3: the H100s a site of the article's power feeds at lesson 3's
    cooling share."""
    ds = compute(site_power=lessons.SITE_MW, cooling_fraction=lessons.TRN2_COOLING, chip="h100")
    return float(ds.chips_supported)


@cache
def llama_runs():
    """Lesson 4's runs of Llama 3.1 405B on H100s (BF16): Llama 3's job, the hook's 100,000
    chips, section 3's site and half a million chips."""
    sizes = [lessons.JOB_CHIPS, lessons.RUN_CHIPS, round(site_h100s()), lessons.BIG_JOB]
    ds = compute(chip="h100", model="llama3-405b", job_chips=sizes)
    return ds.sel(precision="bf16")


def _uptime() -> str:
    """The share of time Llama 3's job was running in the model (uptime only), from the core."""
    return fmt.percent(float(llama_runs().job_uptime.sel(job_chips=lessons.JOB_CHIPS)))


def trap_percent(eid: str, trap: str) -> str:
    """A share trap's value as the key says it aloud ("89.6 %"), from the core."""
    e = lessons.EXERCISES[eid]
    return fmt.percent(next(t for t in e.traps if t.id == trap).value())


def fixed_restart_words() -> str:
    """Lesson 4's "more chips can be slower" with the restart growing and fixed, from the core
    (`lessons.more_chips_words` at section 3's site)."""
    return lessons.more_chips_words(round(site_h100s()))


def goodput_table() -> str:
    """What lesson 4's "back to the hook" cell prints: goodput and days by job size, with the
    restart the core uses at each size, and the model against Meta's published GPU-hours."""
    rows = []
    for n in llama_runs().job_chips.values:
        r = llama_runs().sel(job_chips=n)
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
        + html_table(
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
        f"<p>{html.escape(lessons.losses_words(llama_runs().sel(job_chips=lessons.JOB_CHIPS)))}</p>"
        f"<p>{html.escape(lessons.restart_law())}.</p>"
        "<h4>The same jobs, the restart growing and fixed</h4>"
        + html_table(*lessons.more_chips_rows(round(site_h100s())))
        + f"<p>{html.escape(fixed_restart_words())}</p>"
    )


def printed_by(printer) -> str:
    """What a function that prints (a notebook reveal's) prints, as text."""
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        printer()
    return buf.getvalue().rstrip()


def lesson_3_tables() -> str:
    """The tables lesson 3's reveals print, for a class without computers (the handout sends
    students to the key for them): the four accelerators, the systems and, for the Advanced
    prediction, the ratios and each accelerator per facility MW; from the functions the
    notebook's cells call."""
    return (
        "<h3>The tables the reveals print (read or project them once each exercise is "
        "done)</h3>"
        "<h4>Power per chip (opens with trn2-chips-300mw)</h4>"
        f"<pre>{html.escape(printed_by(lessons.four_accelerators))}</pre>"
        "<h4>The systems' table (opens with ultraserver-fp8)</h4>"
        + html_table(*lessons.systems_rows())
        + f"<p>{html.escape(lessons.systems_note())}</p>"
        "<h4>Advanced: per facility MW (opens with the gb200-trn2-per-mw prediction)</h4>"
        f"<pre>{html.escape(printed_by(lessons.per_chip_and_per_mw))}</pre>"
        + html_table(*lessons.per_mw_rows())
    )


def _claimed(claim_id: str) -> str:
    """An article's figure as the fact-check quotes it."""
    return fmt.number(float(factcheck.claim(claim_id).claimed))


def article_cooling_pue() -> str:
    """The article's cooling shares and the PUE each needs with the default other losses:
    "30–50 % would need … (PUE 1.5–2.1)"."""
    low, high = lessons.ARTICLE_COOLING_RANGE
    lo, hi = lessons.article_pue_range()
    return (
        f"{fmt.number(low * 100)}–{fmt.percent(high)} would need an "
        f"old, inefficient plant (PUE {fmt.number(lo, 2)}–{fmt.number(hi, 2)})"
    )


SWEEP_SLIP = "lesson-6/sweep.html"
"""The pack's page holding only lesson 6's job-size sweep, to hand out once capstone-energy is
answered (reader 38: its only printed copy was on the answer key, beside step 5's answer)."""


def capstone_hook() -> str:
    """Lesson 6's hook question in the notebook's words (its bold question), for the plan."""
    nb = json.loads((NOTEBOOKS / "06-capstone.ipynb").read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        source = "".join(cell["source"])
        if source.startswith("## Hook"):
            question = " ".join(re.search(r"\*\*(.+?)\*\*", source, re.S)[1].split())
            # reader 38: the city's size and "for all the site's chips", as the notebook says
            after = " ".join(source.split("**")[2].split())
            said = re.findall(r"\(The city:[^)]*\)|Guess for all the site's chips[^;.]*", after)
            said = [x if x.endswith(")") else f"{x}." for x in said]
            return " ".join([question[0].upper() + question[1:], *said])
    raise KeyError("lesson 6 has no hook")


def losses_twice() -> str:
    """The chips station's count with the other losses taken off again, as the plan says it."""
    ex = lessons.STATION_CHECKS["ms-chips"]
    return lessons.about(next(t.value() for t in ex.traps if t.id == "other-losses-twice"))


def copied_figures() -> str:
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


def claims_and_rereadings() -> str:
    """The full fact-check's rows counted: "25 claims and 1 re-reading (no verdict)"."""
    rereadings = sum(c.verdict() == factcheck.NO_VERDICT for c in factcheck.claims())
    claims = len(factcheck.claims()) - rereadings
    return (
        f"{claims} claims and {rereadings} re-reading (no verdict)" if rereadings else str(claims)
    )


def most_verdict() -> str:
    """How many of lesson 5's eight claims share the commonest verdict ("4")."""
    verdicts = [c.verdict() for c in factcheck.class_claims()]
    return fmt.number(max(verdicts.count(v) for v in set(verdicts)))


# lesson 5's rows the reveal reads aloud, as the plan names them; the notebook's copy of the
# script leaves the names to the reveal (`script_table`)
SECOND_LOOK = f"({', '.join(factcheck.second_look())}, in the reveal's order)"
"""Lesson 5's rows worth a second look, named in the reveal's order (the plan's words)."""
SECOND_LOOK_UNNAMED = "(the reveal lists them, in order)"
"""What the notebook's copy of the script says in their place."""
