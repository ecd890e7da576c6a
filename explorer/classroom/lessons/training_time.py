"""Lesson 4: training a model: its compute, its days, goodput and restarts."""

from __future__ import annotations

import html

from ... import catalog, fmt
from ...runs import train_on_chips
from ...training import (
    FLAGS,
    best_job_chips,
    goodput,
    interruption_rate,
    model_compute,
    training_compute,
)
from ...units import factor
from ..computed import compute
from ..exercises import RATIO, SHARE, Exercise, Kind, Limits, Match, Reads, Say, Trap
from .chips import (
    FLEET_COOLING,
    fp8_per_mw,
    gb200_top_overhead,
    gb200_top_per_mw_ratio,
    per_chip_ratio,
)
from .common import (
    DAY_S,
    EXERCISES,
    HOUR_S,
    LLAMA,
    RESTART,
    SITE_MW,
    TRN2_OVERHEAD,
    about,
    above_zero,
    add_exercise,
    chip_value,
    h100_measured,
    h100_peak,
    part_words,
    span_words,
    times_words,
)

JOB_CHIPS = round(catalog.value("reliability.reference_chips", "dimensionless"))
MFU = catalog.value("defaults.mfu", "dimensionless")
RUN_CHIPS = 100_000  # lesson 4's round "100,000 H100s": a scenario, no catalog figure
# lesson 4's "half a million chips", slower than RUN_CHIPS with or without the restart's growth
BIG_JOB = 500_000  # a scenario, no catalog figure
METAS_DEFINITION = "the time spent on useful training over the elapsed time"
# Meta's "more than 90 %" effective training time: a lower bound
METAS_EFFECTIVE = catalog.value("reliability.effective_training_time", "dimensionless")
_CKPT = catalog.value("reliability.checkpoint_time", "minute")
# minutes a restart grows per 1,000 job chips beyond Llama 3's job (MegaScale's start-up times)
_GROWTH = catalog.value("training.restart_growth", "minute")


def restart_law() -> str:
    """The restart time the core uses, in two sentences for students: the catalog's restart at
    Llama 3's job size, the growth per 1,000 chips beyond it (``training.restart_growth``, from
    ByteDance's MegaScale), as `explorer.compute` adds it (``job_restart_minutes``), and that the
    growth is an extrapolation, with the catalog's confidence in it.

    Examples
    --------
    >>> restart_law().split(" (")[0]
    'A restart takes 10 min for a job of 16,384 chips'
    >>> "2.46 s more for every 1,000 chips" in restart_law()
    True
    """
    return (
        f"A restart takes {RESTART:g} min for a job of {fmt.number(JOB_CHIPS)} chips "
        f"(Llama 3's) and, the explorer assumes, {fmt.number(_GROWTH * factor('minute', 's'))} "
        "s more for every 1,000 chips beyond: a bigger job takes longer to start again. That "
        f"growth is an extrapolation ({restart_growth_confidence()} confidence): ByteDance's "
        "MegaScale paper measured only its jobs' start-up times, on jobs of at most a little over "
        "10,000 GPUs"
    )


def daly_and_young() -> None:
    """Print lesson 4's Advanced solution (the notebook's reveal and the answer key print it):
    Daly's model as `explorer.compute` uses it at Llama 3's job size, Young's first-order
    estimate beside it, and the model at 16,384, 100,000 and 500,000 chips with each size's
    restart.

    Examples
    --------
    >>> daly_and_young()  # doctest: +ELLIPSIS
    M = 185.6 min; Young's interval 19.3 min, Daly's 18.6 min
    checkpoints 4.58 %, lost work 4.92 %, restarts 5.25 % -> goodput 85.3 % (Daly)
    ...
    """
    job = compute(chip="h100", model="llama3-405b", job_chips=JOB_CHIPS)
    m, d, r = (
        float(job.job_mtbi) * factor("hour", "minute"),
        float(job.checkpoint_minutes),
        float(job.restart_minutes),
    )  # minutes
    tau = float(job.checkpoint_interval)
    young = (2 * d * m) ** 0.5  # Young (1974): the first term of Daly's series
    print(f"M = {m:.1f} min; Young's interval {young:.1f} min, Daly's {tau:.1f} min")
    # the shares as "back to the hook" prints them (reader 25: 5.2% there, 5.25 % here)
    print(
        f"checkpoints {fmt.percent(float(job.checkpoint_share))}, "
        f"lost work {fmt.percent(float(job.lost_work_share))}, "
        f"restarts {fmt.percent(float(job.restart_share))} -> goodput "
        f"{fmt.percent(float(job.goodput))} (Daly)"
    )
    young_losses = d / young + (young / 2 + r) / m
    print(f"Young's first-order losses {young_losses:.1%} -> goodput about {1 - young_losses:.1%}")
    # the correction said once, with its numbers (reader 21: the fold's words took two readings)
    per_work = d / tau
    print(
        f"Why the first-order sums (the Basics recipe's, Young's) lose more than Daly's "
        f"{1 - float(job.goodput):.1%}: they count the checkpoints per minute of work, "
        f"{d:g} min in every {tau:.1f} = {per_work:.1%}; on the "
        f"wall clock a minute of work takes 1 / goodput minutes, so the checkpoints take "
        f"{float(job.goodput):.1%} x {per_work:.1%} = {float(job.goodput) * per_work:.1%} of the "
        "time (the checkpoints above); the lost work and the restarts shrink a little the same way"
    )
    print(
        f"job uptime {float(job.job_uptime):.1%}: the time the job was running (uptime only); "
        "goodput also subtracts checkpoints and lost work"
    )
    sizes = [JOB_CHIPS, RUN_CHIPS, BIG_JOB]
    run = compute(chip="h100", model="llama3-405b", job_chips=sizes)
    fixed = compute(chip="h100", model="llama3-405b", job_chips=sizes, restart_growth=0)
    days = run.training_days.sel(precision="bf16")
    print()
    for n in run.job_chips.values:
        row = run.sel(job_chips=n)
        beyond = float(n) / JOB_CHIPS
        caveat = (
            "the size Llama 3's interruption rate was measured on"
            if beyond < 1.5
            else f"{beyond:.0f} times that size: an extrapolation, not a forecast"
        )
        flags = int(row.training_flags.sel(precision="bf16"))
        took = days_words(float(days.sel(job_chips=n)), flags)
        print(
            f"{int(n):>7} chips: interruption every {float(row.job_mtbi) * 60:6.1f} min, "
            f"restart {float(row.job_restart_minutes):4.1f} min, "
            f"goodput {float(row.goodput):.1%} "
            f"({float(fixed.goodput.sel(job_chips=n)):.1%} with a fixed restart), {took}; "
            f"{caveat}"
        )
    print(
        "The larger rows scale Llama 3's per-GPU rate, lengthen the restart with the job (the "
        f"explorer's assumption, {restart_growth_confidence()} confidence) and keep no spare "
        "machines standing by: what this model gives, not what a real job of that size would see."
    )


def days_words(days: float, flags: int) -> str:
    """A training job's days as lesson 4 says them everywhere (the back-to-the-hook table, the
    "more chips" sentence, the Advanced rows, the answer key), as the slider's words say them
    (`widgets.run_words`): beyond the core's horizon (``training_flags``) no day count, only that
    the job practically never finishes, so that one job is never "566 days" in one place and
    "more than 457 days" in another.

    Examples
    --------
    >>> days_words(22.6, 0)
    '22.6 days'
    >>> days_words(566.4, FLAGS["beyond_horizon"])
    'more than 457 days (beyond the 15-month horizon): practically never finishes'
    >>> days_words(1145.0, FLAGS["beyond_horizon"] | FLAGS["too_few_chips"])[-43:]
    ': too few chips, even with no interruptions'
    """
    if flags & (FLAGS["beyond_horizon"] | FLAGS["no_progress"]) or not days < float("inf"):
        # slow because it is small, not because interruptions stop it (reader 41-34)
        small = flags & FLAGS["too_few_chips"]  # never with no_progress (training.flag_bits)
        return (
            f"more than {fmt.number(catalog.value('training.horizon', 'day'))} days (beyond the "
            f"{fmt.number(catalog.value('training.horizon', 'month'))}-month horizon): "
            + (
                "too few chips, even with no interruptions"
                if small
                else "practically never finishes"
            )
        )
    return f"{fmt.number(days)} days"


def assumed_words() -> str:
    """How lesson 4 labels the checkpoint's stall and the restart time where students read them:
    the catalog gives both as the explorer's assumption (source ``explorer-assumption``), with
    no published figure behind them.

    Examples
    --------
    >>> assumed_words()
    "the explorer's assumptions; Meta publishes neither"
    """
    keys = ("reliability.checkpoint_time", "reliability.restart_time")
    if any(catalog.entry(k).source != "explorer-assumption" for k in keys):
        raise ValueError("lesson 4 calls the checkpoint and restart times assumptions")
    return "the explorer's assumptions; Meta publishes neither"


def restart_growth_confidence() -> str:
    """The catalog's confidence in the restart's growth with the job ("low"): the assumption
    lesson 4's "more chips can be slower" rests on.

    Examples
    --------
    >>> restart_growth_confidence()
    'low'
    """
    return catalog.entry("training.restart_growth").confidence


def _more_chips_runs(site_chips: int) -> tuple[list[int], list, int]:
    """Lesson 4's three job sizes (`RUN_CHIPS`, `BIG_JOB`, a site's `site_chips`), their days as
    the restart grows and with a fixed one, and the flags of the growing runs."""
    sizes = [RUN_CHIPS, BIG_JOB, site_chips]
    runs = [
        compute(chip="h100", model="llama3-405b", job_chips=sizes, restart_growth=g).sel(
            precision="bf16"
        )
        for g in (None, 0)
    ]
    return sizes, [r.training_days.values for r in runs], runs[0].training_flags.values


def fixed_restart_margin() -> float:
    """How much longer `BIG_JOB` H100s take than `RUN_CHIPS` with a restart of fixed length, as
    a share (lesson 4's "more chips can be slower", the margin the plan says in words). It is
    worked out from the days as printed, so a student who divides them gets the same figure
    (reader 52-34: 7.5 % from the unrounded days, 21.7 ÷ 20.2 gives 7.4 %).

    Examples
    --------
    >>> fmt.percent(fixed_restart_margin(), 2)  # 21.7 days against 20.2
    '7.4 %'
    """
    _, (_, (hook0, big0, _)), _ = _more_chips_runs(RUN_CHIPS)
    return fmt.rounded(float(big0)) / fmt.rounded(float(hook0)) - 1


def more_chips_rows(site_chips: int) -> tuple[list[str], list[list[str]]]:
    """Lesson 4's "more chips can be slower" as a table, (header, rows): the days of
    `RUN_CHIPS`, `BIG_JOB` and a site's `site_chips` H100s, as the restart grows and with a
    restart of fixed length, one row a job size, so that each figure is read against the one
    above it in its own column (reader 17 paired 21.7 with 22.6 from a sentence).

    Examples
    --------
    >>> head, rows = more_chips_rows(204_866)
    >>> head[1:]
    ['days, the restart growing', 'days, a fixed 10-min restart']
    >>> [r[2] for r in rows]
    ['20.2 days', '21.7 days', '15.7 days']
    """
    sizes, (grows, fixed), flags = _more_chips_runs(site_chips)
    names = ("the hook's", "half a million", "section 3's site")
    # beyond the horizon the table says only how many days it counted (the full words, "…
    # practically never finishes", are in the table above it and the sentence under it)
    rows = [
        [
            f"{fmt.number(n)} H100s ({name})",
            days_words(g, int(f)).split(" (")[0],
            f"{fmt.number(x)} days",
        ]
        for n, name, g, x, f in zip(sizes, names, grows, fixed, flags, strict=True)
    ]
    head = ["job", "days, the restart growing", f"days, a fixed {RESTART:g}-min restart"]
    return head, rows


def more_chips_table(site_chips: int) -> str:
    """`more_chips_rows` as the notebook prints it, aligned in plain text.

    Examples
    --------
    >>> print(more_chips_table(204_866).splitlines()[2])  # doctest: +NORMALIZE_WHITESPACE
    500,000 H100s (half a million)  more than 457 days  21.7 days
    """
    head, rows = more_chips_rows(site_chips)
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
    return "\n".join(
        f"{r[0]:<{widths[0]}}  {r[1]:>{widths[1]}}  {r[2]:>{widths[2]}}" for r in [head, *rows]
    )


def more_chips_words(site_chips: int) -> str:
    """Lesson 4's "more chips can be slower", from the core, said under `more_chips_table`: how
    much slower `BIG_JOB` chips are than `RUN_CHIPS` both ways (with a fixed restart by a small
    margin, `fixed_restart_margin`, on an extrapolation), that the site's result rests on the
    restart's growth (the catalog's confidence said), and the fastest job size both ways.

    Examples
    --------
    >>> print(more_chips_words(204_866))  # doctest: +NORMALIZE_WHITESPACE
    Half a million chips are slower than 100,000 both ways: they practically never finish as
    the restart grows, and with a fixed 10-min restart they are 7.4 % slower (21.7 days against
    20.2), a small margin on an extrapolation of Llama 3's interruption rate with no spare
    machines. Section 3's site (204,866 chips) is slower as the restart grows, faster with a
    fixed one, so that result rests on the growth (low confidence). The fastest job: about
    128,000 chips as the restart grows, about 236,000 with a fixed one.
    """
    _, ((hook, big, site), (hook0, big0, site0)), flags = _more_chips_runs(site_chips)
    way = {True: "slower", False: "faster"}
    if big > hook and big0 > hook0:
        grows = (
            "they practically never finish"
            if "never finishes" in days_words(big, int(flags[1]))
            else f"they take {fmt.number(big)} days against {fmt.number(hook)}"
        )
        big_words = (
            f"Half a million chips are slower than {fmt.number(RUN_CHIPS)} both ways: {grows} "
            f"as the restart grows, and with a fixed {RESTART:g}-min restart they are "
            f"{fmt.percent(fixed_restart_margin(), 2)} slower ({fmt.number(big0)} days against "
            f"{fmt.number(hook0)}), a small margin on an extrapolation of Llama 3's interruption "
            "rate with no spare machines."
        )
    else:
        big_words = (
            f"Half a million chips are {way[big > hook]} than {fmt.number(RUN_CHIPS)} as the "
            f"restart grows and {way[big0 > hook0]} with a fixed {RESTART:g}-min restart."
        )
    return (
        f"{big_words} Section 3's site ({fmt.number(site_chips)} chips) is "
        f"{way[site > hook]} as the restart grows, {way[site0 > hook0]} with a fixed one, "
        f"so that result rests on the growth ({restart_growth_confidence()} confidence). The "
        f"fastest job: about {about(fastest_job())} chips as the restart grows, about "
        f"{about(fastest_job(restart_growth=0))} with a fixed one."
    )


def more_chips_answer(site_chips: int) -> None:
    """Print the answer to lesson 4's "Which job finishes first?" under that question, on a
    click, once sections 2-4 are done: why more chips can be slower, then the numbers
    (`more_chips_words`). It was a markdown fold, which opens before the commit it settles
    (reader 51-34 D1).

    Examples
    --------
    >>> more_chips_answer(204_866)  # doctest: +ELLIPSIS +NORMALIZE_WHITESPACE
    Why: five times the chips means interruptions five times as often, ...
    The numbers: Half a million chips are slower than 100,000 both ways: ...
    """
    more = times_words(BIG_JOB / RUN_CHIPS)
    print(
        f"Why: {more} the chips means interruptions {more} as often, each losing the work since "
        "the last checkpoint. A bigger job also restarts more slowly, and this model keeps no "
        "spare machines. A restart that outlasts the gap between interruptions leaves almost no "
        "time to train. Past some size the time lost grows faster than the speed gained: a site "
        "trains sooner with fewer chips per job, or with much faster restarts."
    )
    print(f"The numbers: {more_chips_words(site_chips)}")


def six_n_d() -> None:
    """Print lesson 4's first reveal: Llama 3.1 405B's N and D, 6 N D, and Meta's figure.

    Examples
    --------
    >>> six_n_d()
    Llama 3.1 405B: N = 405 billion parameters, D = 15.6 trillion tokens
    6 N D = 3.79 × 10²⁵ FLOP; Meta's published figure: 3.8 × 10²⁵ FLOP
    """
    n = catalog.value("models.llama3-405b.parameters", "dimensionless")
    d = catalog.value("models.llama3-405b.tokens", "dimensionless")
    print(
        f"Llama 3.1 405B: N = {fmt.number(n / 1e9)} billion parameters, "
        f"D = {fmt.number(d / 1e12)} trillion tokens"
    )
    print(
        f"6 N D = {fmt.sci(float(training_compute(n, d)), 3)} FLOP; Meta's published figure: "
        f"{fmt.sci(model_compute('llama3-405b'), 3)} FLOP"
    )


def hook_without_stops() -> None:
    """Print lesson 4's first "back to the hook", under llama-days's worked step: the hook's run
    with no interruptions, in days, against Meta's smaller, interrupted job. It opens only with
    llama-days's answer (reader 20: a fold under the box gave "about eleven days" to a student
    who opened it first).

    Examples
    --------
    >>> hook_without_stops()  # doctest: +NORMALIZE_WHITESPACE
    Back to the hook: about 11.1 days, if all 100,000 chips computed without a single stop.
    Meta's real run took far longer on its 16,384 GPUs: it had about a sixth as many chips, and
    it was interrupted again and again. Section 4 adds those interruptions and comes back to
    this question with numbers.
    """
    days = EXERCISES["llama-days"].answer()
    share = part_words(JOB_CHIPS / RUN_CHIPS).removeprefix("about ")
    print(
        f"Back to the hook: about {fmt.number(days)} days, if all {fmt.number(RUN_CHIPS)} chips "
        f"computed without a single stop. Meta's real run took far longer on its "
        f"{fmt.number(JOB_CHIPS)} GPUs: it had about {share} as many chips, and it was "
        "interrupted again and again. Section 4 adds those interruptions and comes back to this "
        "question with numbers."
    )


def site_feeds(site_chips: int) -> None:
    """Print what lesson 4's section 3 says before "sooner or later?": the H100s the site feeds,
    against the hook's. The table of restarts and intervals (`job_sizes`) waits for the commit:
    its half-million row set a 29.8-minute restart beside an interruption every 6.08 minutes,
    which answered the prediction (reader 46-34). It says that a job of `BIG_JOB` H100s, the one
    the prediction asks about, needs a bigger site (reader 52-34: it came from nowhere).

    Examples
    --------
    >>> site_feeds(204_866)
    This site feeds 204,866 H100s: about twice the hook's 100,000.
    A job of 500,000 H100s would need a site 2.4 times as big as this one.
    """
    print(
        f"This site feeds {fmt.number(site_chips)} H100s: "
        f"{times_words(site_chips / RUN_CHIPS)} the hook's "
        f"{fmt.number(RUN_CHIPS)}."
    )
    if BIG_JOB > site_chips:
        print(
            f"A job of {fmt.number(BIG_JOB)} H100s would need a site "
            f"{fmt.number(BIG_JOB / site_chips, 2)} times as big as this one."
        )


def job_sizes(site_chips: int) -> None:
    """Print lesson 4's section 3 table: the restart law, and the restart and the interval
    between interruptions the core uses at Llama 3's job size, the hook's, a site's
    `site_chips` and half a million H100s.

    Examples
    --------
    >>> job_sizes(204_866)  # doctest: +ELLIPSIS +NORMALIZE_WHITESPACE
    A restart takes 10 min for a job of 16,384 chips ...
                          job    H100s  times Llama 3's job   restart  interrupted every
                Llama 3's job   16,384                    1    10 min   3.09 h (186 min)
    ...
    """
    measured = catalog.value("reliability.reference_chips", "dimensionless")
    print(restart_law() + ".")
    print()
    sizes = {
        "Llama 3's job": round(measured),
        "the hook's": RUN_CHIPS,
        "this site's (every chip)": site_chips,
        "half a million": BIG_JOB,
    }
    jobs = compute(chip="h100", model="llama3-405b", job_chips=list(sizes.values()))
    times = "times Llama 3's job"  # in words (reader 20: "× 16,384" was cryptic)
    print(f"{'job':>25} {'H100s':>8} {times:>20} {'restart':>9} {'interrupted every':>18}")
    for name, n in sizes.items():
        restart = float(jobs.job_restart_minutes.sel(job_chips=n))
        every = interval_words(float(jobs.job_mtbi.sel(job_chips=n)))
        print(
            f"{name:>25} {fmt.number(n):>8} {fmt.number(n / measured, 3):>20} "
            f"{fmt.quantity(restart, 'min'):>9} {every:>18}"
        )
    print("Interruptions of the larger jobs extrapolate Llama 3's rate: not a forecast.")


# lesson 4's section 3 question, "will half a million H100s finish sooner or later than
# 100,000?", committed in words (`widgets.commit_way`) before the cells that answer it open
# (reader 31)
MORE_CHIPS_WAY = "more-chips-sooner-or-later"
# what section 4's locked cells (the hook's days with interruptions, the more-chips numbers,
# Daly and Young) wait for, as a whole and one by one in the order `goodput-16k`, `llama-days`,
# `MORE_CHIPS_WAY`: the lock names only what is still to do (reader 34). Daly and Young's rows
# at 100,000 and 500,000 chips answer section 3's question too, so they wait for it (reader 32;
# the note left the notebook's code cell, which students read: reader 37-34)
HOOK_UNTIL = (
    "committed sooner or later (section 3), worked out the goodput (section 4), and section "
    "2's answer is right or shown"
)
# the locks after the first (the more-chips numbers, the Advanced printout, What we found): one
# line pointing to the first, which lists what is still to do (reader 42-34: the same long
# paragraph four times in a row buried the text between them)
# with `missing=HOOK_MISSING`: only what is still to do, no scroll up (reader 49-34)
HOOK_ABOVE = "done sections 2, 3 and 4"
HOOK_MISSING = (
    "work out the goodput (section 4)",
    "answer section 2's days, or press “Show the answer” there",
    "commit sooner or later (section 3)",
)
# what the chips slider under the goodput prediction also waits for, in the order `llama-days`,
# `MORE_CHIPS_WAY`: dragged to half a million chips it answers "sooner or later?" (reader 36)
# (`widgets.solution`'s lock: no worked step, the slider alone)
SLIDER_LOCK = {
    "step": False,
    "until": "answered section 2 (right, or the answer shown) and committed sooner or later "
    "(section 3)",
    "missing": HOOK_MISSING[1:],
    # what the closed line holds: cell 23 sends the student to it (reader 50-34 D5)
    "title": "The chips slider",
}
# lesson 4's section 4 prediction, "above or below Meta's >90 %?", committed in words before
# the recipe that works the goodput out: with the recipe above it the "prediction" was a
# calculation that settled the way before any thought (reader 48-34 D1). It gives only the
# interval between interruptions and Meta's figure; `goodput-16k` is then worked out.
GOODPUT_WAY = "goodput-above-or-below-meta"


def goodput_ask() -> str:
    """Lesson 4's above-or-below question, with the interval and Meta's figure from the core
    and the catalog.

    Examples
    --------
    >>> goodput_ask().split(". ")[0]
    "Llama 3's 16,384-GPU job was interrupted about every 3.09 h (186 min)"
    """
    return (
        f"Llama 3's {fmt.number(JOB_CHIPS)}-GPU job was interrupted about every "
        f"{interval_words(float(goodput(JOB_CHIPS).mtbi))}. Will the explorer's goodput for it "
        f"come out above or below Meta's {fmt.percent(METAS_EFFECTIVE)}?"
    )


def goodput_way_words(way: str = "") -> str:
    """What lesson 4's goodput box says under a right (or shown) goodput: the way the student
    committed against the side of Meta's figure the explorer's goodput is on (reader 51-34 D3:
    the prediction was closed only further down).

    Examples
    --------
    >>> print(goodput_way_words("above"))  # doctest: +NORMALIZE_WHITESPACE
    You predicted above; the explorer's 85.3 % is below Meta's >90 %: “More detail” below
    says why.
    >>> goodput_way_words("").split(":")[0]
    "The explorer's 85.3 % is below Meta's >90 %"
    """
    g = float(goodput(JOB_CHIPS).goodput)
    side = "below" if g < METAS_EFFECTIVE else "above"
    said = f"the explorer's {fmt.percent(g)} is {side} Meta's >{fmt.percent(METAS_EFFECTIVE)}"
    lead = (
        (f"You predicted {way}, as {said}" if way == side else f"You predicted {way}; {said}")
        if way
        else said[:1].upper() + said[1:]
    )
    return f"{lead}: “More detail” below says why."


# `widgets.answer_box(..., after=GOODPUT_AFTER)`: the worked box opens on that commit, and says
# the committed way back beside the result
GOODPUT_AFTER = (GOODPUT_WAY, "committed above or below (section 4)", goodput_way_words)
MORE_CHIPS_ASK = (
    f"will a job of {fmt.number(BIG_JOB)} H100s finish sooner or later than the hook's "
    f"{fmt.number(RUN_CHIPS)}?"
)


def which_compute_words() -> str:
    """Which compute the goodput table's days use, and the days a student's 6 N D gives at
    Meta's job size (reader 31: 67.9 against 67.7; at the hook's 100,000 both round to 11.1).

    Examples
    --------
    >>> which_compute_words().split("(")[1]  # 67.9 × 6 × 405e9 × 15.6e12 / 3.8e25
    '67.7 days, no interruptions, at 16,384 chips).'
    """
    run = compute(chip="h100", model="llama3-405b", job_chips=JOB_CHIPS).sel(precision="bf16")
    published = catalog.value("models.llama3-405b.training_compute", "FLOP")
    ideal = float(run.ideal_days) * float(training_compute(_N, _D)) / published
    return (
        "The days use Meta's published compute; your 6 N D from section 1 gives a little fewer "
        f"({fmt.number(ideal)} days, no interruptions, at {fmt.number(JOB_CHIPS)} chips)."
    )


def training_found() -> str:
    """Lesson 4's "What we found", as HTML: it settles section 3's and section 4's predictions
    and the hook, so the notebook shows it only with the hook's days with interruptions
    (`HOOK_UNTIL`; reader 40-34: a markdown fold left it one click from both predictions).

    Examples
    --------
    >>> "<b>The hook:</b>" in training_found()
    True
    """
    hook = compute(chip="h100", model="llama3-405b", job_chips=RUN_CHIPS).sel(precision="bf16")
    return (
        "<h4>What we found</h4><ul>"
        f"<li><b>The hook:</b> with {fmt.number(RUN_CHIPS)} H100s and no interruptions, "
        f"Llama 3.1 405B would train in {span_words(float(hook.ideal_days))} (your section 2 "
        "answer says how long). With interruptions (section 4's numbers) goodput falls to "
        f"{part_words(float(hook.goodput))} and the run takes "
        f"{span_words(float(hook.training_days))}: an extrapolation, since interruptions were "
        f"counted on a job {times_words(RUN_CHIPS / JOB_CHIPS)} smaller. "
        # hedged: no source gives a real site's losses (reader 51-34 D11)
        f"Real sites of {fmt.number(RUN_CHIPS)} GPUs can lose far less, if they keep spare "
        "machines ready, keep checkpoints in memory and restart in minutes: this model has none "
        "of that, and shows why they try to. On Meta's own job size the model's days are "
        "consistent with the GPU-hours Meta published, "
        "under the explorer's assumed restart and checkpoint times.</li>"
        # the model's assumptions first, where the result is stated (reader 50-34 D1: it
        # read as a fact about AI datacenters)
        "<li><b>More chips can be slower, in this model:</b> it keeps no spare machines and "
        f"scales up Llama 3's interruption rate. In it, {times_words(BIG_JOB / RUN_CHIPS)} the "
        f"chips means interruptions {times_words(BIG_JOB / RUN_CHIPS)} as often, "
        "and a bigger job restarts more slowly. With the restart growing (an assumption of "
        f"{restart_growth_confidence()} confidence), half a "
        f"million chips are far slower than {fmt.number(RUN_CHIPS)}. With a fixed "
        f"{RESTART:g}-minute restart, they are "
        "slower by a small margin (section 4 prints the days). Section 3's site is slower only "
        f"if the restart grows with the job ({restart_growth_confidence()} confidence): with a "
        f"fixed {RESTART:g}-min restart the site would be faster.</li>"
        "<li><b>Compute:</b> C ≈ 6 N D, and it matches the figure Meta published.</li>"
        "<li><b>Peak and achieved:</b> a real run achieves under half of the datasheet peak "
        f"(the MFU, about {fmt.percent(MFU)}); even one matrix multiplication stays below it, "
        "and a whole run also waits on the network, on memory and on its pipeline.</li>"
        "<li><b>Goodput:</b> interruptions come more often as the job grows; checkpoints, lost "
        "work and restarts eat into the time. Meta measured “more than "
        f"{fmt.percent(METAS_EFFECTIVE)}” as {METAS_DEFINITION}, much like goodput. The "
        "model comes out lower at Meta's size: its restart and checkpoint times are "
        "assumptions, probably longer than Meta's, and Meta does not say whether redone work "
        "counts as useful. That is why AWS's engineers talk about goodput, not peak FLOPS.</li>"
        "</ul>"
    )


def back_to_the_hook(site_chips: int) -> str:
    """Print lesson 4's "back to the hook" reveal: days with interruptions at Llama 3's job
    size, the hook's, a site's `site_chips` and half a million H100s, each with its restart;
    the hook's and half a million chips with a fixed restart (`more_chips_table`'s first two
    rows, without its verdict: the question below the printout asks it). Return the rest as a
    "More detail" fold (HTML): the site's row with a fixed restart, the three losses at Llama
    3's size and the model beside the GPU-hours Meta published (reader 39-34: two tables and
    four paragraphs at once were too much to read in the lesson's time).

    Examples
    --------
    >>> back_to_the_hook(204_866)  # doctest: +ELLIPSIS +NORMALIZE_WHITESPACE
    H100s in the job   restart  interrupted every    goodput  days, no interruptions
    days, with interruptions
              16,384    10 min   3.09 h (186 min)     85.3 %                   67.9  79.6 days
    ...
    """
    sizes = [JOB_CHIPS, RUN_CHIPS, site_chips, BIG_JOB]
    run = compute(chip="h100", model="llama3-405b", job_chips=sizes).sel(precision="bf16")
    # the last column named in full beside "days, no interruptions" (reader 20: a bare "days"
    # read as either), as the answer key's table names it
    print(
        f"{'H100s in the job':>16} {'restart':>9} {'interrupted every':>18} {'goodput':>10} "
        f"{'days, no interruptions':>22}  days, with interruptions"
    )
    for n in sizes:
        r = run.sel(job_chips=n)
        every = interval_words(float(r.job_mtbi))
        print(
            f"{fmt.number(n):>16} {fmt.quantity(float(r.job_restart_minutes), 'min'):>9} "
            f"{every:>18} {goodput_words(float(r.goodput)):>10} "
            f"{fmt.number(float(r.ideal_days)):>22}  "
            f"{days_words(float(r.training_days), int(r.training_flags))}"
        )
    print(which_compute_words())
    print()
    print(
        "The hook's job and half a million chips with the restart growing (the explorer's "
        f"assumption, {restart_growth_confidence()} confidence) and with a fixed one:"
    )
    head, *rows = more_chips_table(site_chips).splitlines()
    print("\n".join([head, *rows[:2]]))
    # the verdict (`more_chips_words`) answers the question asked under this printout: it opens
    # on a click below that question (reader 25)
    meta = run.sel(job_chips=JOB_CHIPS)
    detail = "\n".join(
        [
            f"With a fixed restart, section 3's site too (the question's aside):\n{head}",
            *rows[2:],
            "",
            losses_words(meta),
            # the gap to Meta's >90 %, where the losses it rests on are printed (reader 48-34:
            # the goodput question's fold said it before this table had opened)
            f"Meta reports more than {fmt.percent(METAS_EFFECTIVE)} ({METAS_DEFINITION}); the "
            f"model gives {goodput_words(float(meta.goodput))}. Two things may explain the gap, "
            f"and Meta's paper does not say which: {gap_words()}.",
            f"{meta_hours_words()}: consistent, under the explorer's assumed restart and "
            "checkpoint times (low confidence). The larger jobs extrapolate Llama 3's "
            "interruption rate: not a forecast.",
        ]
    )
    return (
        "<details><summary>More detail: section 3's site with a fixed restart, the losses at "
        f"Meta's job size, the gap to Meta's >{fmt.percent(METAS_EFFECTIVE)}, Meta's "
        "GPU-hours</summary><pre style='white-space: pre-wrap'>"
        f"{html.escape(detail, quote=False)}</pre></details>"
    )


def meta_hours_words() -> str:
    """Meta's published GPU-hours beside the model's at `JOB_CHIPS`: in days only under the
    stated assumption that every hour ran on that many GPUs (reader 34: Meta does not say so),
    and in GPU-hours, which need no job size.

    Examples
    --------
    >>> print(meta_hours_words())  # doctest: +NORMALIZE_WHITESPACE
    Meta's model card gives 30,840,000 H100-hours: 78.4 days if every one of those hours ran on
    all 16,384 GPUs (Meta does not say that they all did). The model gives 79.6 days at 16,384
    GPUs, which is 31,300,000 H100-hours
    """
    hours = catalog.value("models.llama3-405b.gpu_hours", "hour")
    days = hours / JOB_CHIPS / factor("day", "hour")
    model_days = float(
        compute(chip="h100", model="llama3-405b", job_chips=JOB_CHIPS)
        .sel(precision="bf16")
        .training_days
    )
    # three figures, as the model's days have: "31,297,164" claimed a precision it lacks
    model_hours = fmt.rounded(model_days * factor("day", "hour") * JOB_CHIPS, 3)
    return (
        f"Meta's model card gives {fmt.number(hours)} H100-hours: {fmt.number(days)} days if "
        f"every one of those hours ran on all {fmt.number(JOB_CHIPS)} GPUs (Meta does not say "
        f"that they all did). The model gives {fmt.number(model_days)} days at "
        f"{fmt.number(JOB_CHIPS)} GPUs, which is {fmt.number(model_hours)} H100-hours"
    )


def interval_words(hours: float) -> str:
    """A time between interruptions as lesson 4 says it everywhere (the question, the tables,
    the slider, the worksheet): hours and minutes above an hour, so that Llama 3's job is
    "3.09 h (186 min)" in every place, not 3 hours, 3.1 hours, 186 min and 3.09 h (reader 21);
    minutes alone under an hour.

    Examples
    --------
    >>> interval_words(185.6 / 60), interval_words(0.1014)
    ('3.09 h (186 min)', '6.08 min')
    """
    minutes = hours * factor("hour", "minute")
    if hours < 1:
        return f"{fmt.number(minutes, 3)} min"
    return f"{fmt.number(hours, 3)} h ({fmt.number(minutes, 3)} min)"


def losses_words(meta) -> str:
    """The three losses of Meta's job size, its uptime and its goodput without the lost work,
    as "back to the hook" prints them under its table and the key under its goodput table
    (reader 33: the goodput fold points the class there). `meta`: the core's run at
    `JOB_CHIPS`.

    Examples
    --------
    >>> from explorer.scenario import compute
    >>> meta = compute(chip="h100", model="llama3-405b", job_chips=JOB_CHIPS).sel(precision="bf16")
    >>> print(losses_words(meta))  # doctest: +NORMALIZE_WHITESPACE
    At 16,384 chips: checkpoints 4.58 %, lost work 4.92 %, restarts 5.25 % of the time; the job
    ran 94.8 % of it (uptime only). Without the lost work (if redone work counted as useful):
    90.2 %.
    """
    return (
        f"At {fmt.number(JOB_CHIPS)} chips: checkpoints "
        f"{fmt.percent(float(meta.checkpoint_share))}, lost work "
        f"{fmt.percent(float(meta.lost_work_share))}, restarts "
        f"{fmt.percent(float(meta.restart_share))} of the time; the job ran "
        f"{fmt.percent(float(meta.job_uptime))} of it (uptime only). Without the lost work "
        f"(if redone work counted as useful): {fmt.percent(without_lost_work())}."
    )


def goodput_words(share: float) -> str:
    """A goodput as lesson 4 prints it: "85.3 %", and "under 1 %" below 1 %, where three figures
    of an extrapolation of low confidence would be false precision (reader 20: "0.393 %").

    Examples
    --------
    >>> goodput_words(0.853), goodput_words(0.00393)
    ('85.3 %', 'under 1 %')
    """
    return fmt.percent(share) if share >= 0.01 else "under 1 %"


def fastest_job(restart_growth: float | None = None) -> float:
    """The H100 job size that trains fastest with no site limit [chips] (the core's
    `~explorer.training.best_job_chips`): with the catalog's restart growth, or with
    `restart_growth` [min per 1,000 chips] (0: a restart of fixed length at every size).

    Examples
    --------
    >>> about(fastest_job()), about(fastest_job(restart_growth=0))
    ('128,000', '236,000')
    """
    growth = _GROWTH if restart_growth is None else restart_growth
    rate = float(interruption_rate("h100").values)
    return float(best_job_chips(rate, _CKPT, RESTART, growth))


def _measured_flops(which: str) -> float:
    return h100_measured(which) * factor("TFLOP/s", "FLOP/s")


def _llama_seconds(precision: str = "bf16") -> float:
    return model_compute("llama3-405b") / (RUN_CHIPS * h100_peak(precision) * MFU)


# the ends of the MFU Meta measured on Llama 3 405B (the "38–43 %" lesson 4 quotes): the
# long-context phase on 16,384 GPUs and the early phase on 8,192
METAS_MFU = {
    "bottom": catalog.value("models.llama3-405b.mfu_16384_gpus_long_context", "dimensionless"),
    "top": catalog.value("models.llama3-405b.mfu_8192_gpus", "dimensionless"),
}


def _metas_mfu_hint(end: str) -> str:
    """What a student who took one end of Meta's MFU range for the question's MFU is told."""
    lo, hi = METAS_MFU["bottom"], METAS_MFU["top"]
    return (
        f"that is what {fmt.percent(METAS_MFU[end])} MFU gives, the {end} of Meta's "
        f"{fmt.percent_range(lo, hi)}; the question asks "
        f"for {fmt.percent(MFU)}, the middle: use {MFU:.1f}"
    )


def site_h100s() -> int:
    """How many H100s section 3's site powers (every chip; the notebook prints the same count):
    the article's site at AWS's fleet cooling share, as the lesson's site cell computes it.

    Examples
    --------
    >>> site_h100s()  # 300 MW × (1 − 0.10 − 0.03) ÷ (700 W × 1.82) = 204,866
    204866
    """
    site = compute(
        site_power=SITE_MW, cooling_fraction=FLEET_COOLING, chip="h100", model="llama3-405b"
    ).sel(precision="bf16")
    return round(float(site.chips_supported))


# a class prediction that lands on a slip's value may be a guess: the slip is said as what it
# would be, as goodput-16k's reveal says it (reader 29)
_IF_WORKED = "If you worked it out, it fits a common slip"


def _all_in(chip: str) -> str:
    return (
        f"{fmt.number(chip_value(chip, 'tdp', 'W'))} W × "
        f"{fmt.number(chip_value(chip, 'server_overhead', 'dimensionless'))}"
    )


def _per_watt_all_in(chip: str) -> float:
    """One chip's dense FP8 TFLOP/s per watt of its power all in (TDP × server overhead)."""
    return chip_value(chip, "fp8_dense", "TFLOP/s") / (
        chip_value(chip, "tdp", "W") * chip_value(chip, "server_overhead", "dimensionless")
    )


add_exercise(
    Exercise(
        "gb200-trn2-per-mw",
        3,
        f"Per chip, a GB200 delivers {fmt.number(per_chip_ratio(), 2)} times Trainium2's dense "
        "FP8. Per facility MW, how many times Trainium2's dense FP8 does a GB200 deliver?",
        lambda: fp8_per_mw("gb200") / fp8_per_mw("trn2"),
        RATIO,
        rel_tol=0.05,
        # "less than 3.8" is the natural prediction, a way against the ratio per chip: heard as
        # one, then a number asked for (reader 51-34 D12: it was refused as a bound)
        reads=Reads(asks_way=per_chip_ratio),
        limits=Limits(
            possible=above_zero,
            possible_why="both chips deliver FLOP/s for their power, so the ratio is more than "
            "zero",
        ),
        hints=(
            "per facility MW, each chip's power counts too: FLOP/s per chip ÷ power per chip",
            "ratio = (GB200 FLOP/s ÷ its power, all in) ÷ (Trainium2 FLOP/s ÷ its power, all in); "
            "cooling takes the same share of both, so it cancels",
            f"{fmt.number(chip_value('gb200', 'fp8_dense', 'TFLOP/s'))} TFLOP/s ÷ "
            f"({_all_in('gb200')}) "
            f"against {fmt.number(chip_value('trn2', 'fp8_dense', 'TFLOP/s'))} TFLOP/s ÷ "
            f"({_all_in('trn2')}): {fmt.number(fp8_per_mw('gb200') / fp8_per_mw('trn2'), 2)} "
            "times",
        ),
        traps=(
            Trap(
                "per-chip",
                per_chip_ratio,
                "that is the ratio per chip, which the question gives; per facility MW each "
                "chip's power counts too, and a Trainium2 draws much less than a GB200",
                kind=Kind(
                    slip=False,
                    # the misconception this part exists to correct, not a fair guess (reader 24)
                ),
                say=Say(lead="Not so"),
            ),
            Trap(
                "gb200-top-overhead",
                gb200_top_per_mw_ratio,
                "your figure is also what the GB200 gives at the top of its overhead range "
                f"({fmt.number(gb200_top_overhead(), 3)}), where the explorer takes "
                f"{fmt.number(chip_value('gb200', 'server_overhead', 'dimensionless'))}: "
                # reader 49-34: 1.53 is not in the lesson before the reveal; say what to check
                "with the explorer's overhead, check each chip's power all in "
                f"({fmt.number(chip_value('gb200', 'tdp', 'W'))} W × "
                f"{fmt.number(chip_value('gb200', 'server_overhead', 'dimensionless'))}, "
                f"{fmt.number(chip_value('trn2', 'tdp', 'W'))} W × {TRN2_OVERHEAD})",
                kind=Kind(slip=False),
                # reader 25: "a fair guess" credited a method not used; reader 33: "Close:
                # that is what…" did too; reader 42-34: "Close, just outside what the checker
                # accepts" for 1.9, "9.5 % too high" for 2.3: how far, as the other side is told
                say=Say(size=True, step=True),
            ),
            Trap(
                "bare-tdp",
                lambda: (
                    per_chip_ratio()
                    / (chip_value("gb200", "tdp", "W") / chip_value("trn2", "tdp", "W"))
                ),
                "that divides by the bare TDPs; each chip's server overhead counts too "
                f"(× {fmt.number(chip_value('gb200', 'server_overhead', 'dimensionless'))} for the "
                f"GB200, × {TRN2_OVERHEAD} for Trainium2)",
                say=Say(lead=_IF_WORKED),
            ),
            # one chip's figure per watt, all in: the half-way step of each side (reader
            # 45-34: "1.43" and "2.99" heard only "too small" and "too high")
            *(
                Trap(
                    f"{chip}-per-watt",
                    lambda chip=chip: _per_watt_all_in(chip),
                    f"that is {name}'s own TFLOP/s per watt, all in; the question asks for a "
                    "ratio: divide the GB200's by Trainium2's",
                    match=Match(guess=True),  # "3" is also a round guess of the ratio
                    say=Say(lead=_IF_WORKED),
                )
                for chip, name in (("trn2", "Trainium2"), ("gb200", "the GB200"))
            ),
            Trap(
                "inverted",
                lambda: fp8_per_mw("trn2") / fp8_per_mw("gb200"),
                "that is Trainium2 ÷ GB200; the question asks how many times Trainium2's figure "
                "the GB200 delivers (GB200 ÷ Trainium2). If you think Trainium2 gives more per "
                "MW, the chart shows otherwise",
                # 0.476 rounded to one figure is 0.5, 5 % off: still the inversion (reader 19)
                match=Match(
                    rel_tol=0.06,
                    # "0.5" may be a belief (AWS's pitch: Trainium2 wins per MW), not a slip
                ),
                say=Say(lead=_IF_WORKED),
            ),
        ),
    )
)
_N = catalog.value("models.llama3-405b.parameters", "dimensionless")
_D = catalog.value("models.llama3-405b.tokens", "dimensionless")
_PER = catalog.value("training.flops_per_parameter_token", "FLOP")
# the forward pass's share of the 6 and the backward pass's rest (Kaplan et al. 2020)
_FORWARD = catalog.value("training.forward_flops_per_parameter_token", "FLOP")
_BACKWARD = _PER - _FORWARD
add_exercise(
    Exercise(
        "llama-compute",
        4,
        f"How much computing (FLOP) does training Llama 3.1 405B take, with "
        f"N = {fmt.number(_N / 1e9)} billion parameters and D = {fmt.number(_D / 1e12)} trillion "
        "tokens? (write large numbers as 1.5e20)",
        lambda: float(training_compute(_N, _D)),
        "FLOP",
        rel_tol=0.05,
        # N and D are given in words: 3.79e16 is the billion dropped, not GFLOP (reader 41-34)
        reads=Reads(in_words=True),
        hints=(
            f"each parameter costs {_PER:g} operations per token: {_FORWARD:g} forward and "
            f"{_BACKWARD:g} backward",
            "C ≈ 6 × N × D; a billion is 1e9 and a trillion 1e12",
            f"{_PER:g} × {fmt.number(_N / 1e9)}e9 × {fmt.number(_D / 1e12)}e12 = "
            f"{fmt.sci(float(training_compute(_N, _D)))} FLOP",
        ),
        traps=(
            Trap(
                "forward-only",
                lambda: _FORWARD * _N * _D,
                f"that counts the forward pass only ({_FORWARD:g} operations per parameter per "
                f"token); training also runs backward ({_BACKWARD:g} more): {_PER:g} in all",
            ),
            Trap(
                "backward-only",
                lambda: _BACKWARD * _N * _D,
                f"that counts the backward pass only ({_BACKWARD:g} operations per parameter per "
                f"token); add the forward pass's {_FORWARD:g}: {_PER:g} in all",
            ),
            Trap(
                "no-six",
                lambda: _N * _D,
                f"that is N × D; each parameter costs {_PER:g} operations per token",
            ),
        ),
    )
)
add_exercise(
    Exercise(
        "llama-days",
        4,
        (
            "How many days would training Llama 3.1 405B take "
            f"on {fmt.number(RUN_CHIPS)} H100s "
            f"at {fmt.percent(MFU)} MFU in BF16, with no interruptions? (Your 6 N D from "
            "section 1 or Meta's published compute give the same days.)"
        ),
        lambda: float(train_on_chips("llama3-405b", RUN_CHIPS, chip="h100", mfu=MFU).ideal_days),
        "days",
        # "11.1 days with interruptions" was right with no word (reader 40-34)
        reads=Reads(
            mislabel=(
                "with interruptions",
                "no interruptions",
                "these are the days with no interruptions, as the question asks; section 4 "
                "adds the interruptions",
            )
        ),
        # ±4 %, not 5: Meta's bottom 38 % MFU (11.67–11.70 days) lies wholly outside, its every
        # rounding a slip named alike; rounded-up figures (6 × 410e9 × 16e12: 11.5 days) stay in
        rel_tol=0.04,
        hints=(
            "time = work ÷ speed: the work is in FLOP, the speed in FLOP/s",
            "seconds = training compute ÷ (chips × peak FLOP/s × MFU); "
            f"a day has {fmt.number(DAY_S)} s",
            f"{LLAMA} FLOP ÷ ({fmt.number(RUN_CHIPS)} × "
            # one notation for every number (reader 32: "989e12" beside "× 10²⁵")
            f"{fmt.sci(h100_peak('bf16'))} FLOP/s × "
            f"{MFU:.1f}) ≈ "
            f"{fmt.sci(_llama_seconds(), 2)} s ≈ {fmt.number(_llama_seconds() / DAY_S)} days",
        ),
        traps=(
            Trap(
                "peak-not-achieved",
                lambda: _llama_seconds() * MFU / DAY_S,
                f"you used peak FLOP/s: multiply the speed by the MFU ({MFU:.1f}), which "
                f"divides the time by {MFU:.1f}",
            ),
            Trap(
                "hours-not-days",
                lambda: _llama_seconds() / HOUR_S,
                "that is hours; divide by 24 for days",
                match=Match(
                    unit="hours",  # the key prints "267 hours": hours typed into the days box
                ),
            ),
            # the seconds ÷ 60 only: minutes, typed into the days box (reader 40-34: it had
            # "time = work ÷ speed", a step done)
            Trap(
                "minutes-not-days",
                lambda: _llama_seconds() / factor("minute", "s"),
                f"that is minutes; a day has {fmt.number(factor('day', 'minute'))} minutes",
                match=Match(unit="minutes"),
            ),
            Trap(
                "seconds-not-days",
                _llama_seconds,
                f"that is seconds; divide by the {fmt.number(DAY_S)} s in a day",
                match=Match(unit="s"),
            ),
            # the days written in years, no unit typed (reader 30)
            Trap(
                "years-not-days",
                lambda: _llama_seconds() / factor("year", "s"),
                "that looks like years; the answer is in days: multiply by 365",
                match=Match(unit="years"),
            ),
            Trap(
                "one-chip",
                lambda: _llama_seconds() * RUN_CHIPS / DAY_S,
                f"that is the time on one chip; the run has {fmt.number(RUN_CHIPS)} of them",
            ),
            # 69 is also the share of peak just above (683 / 989 = 69 %), 1.6 % from 67.9 days:
            # said as both there (reader 36)
            Trap(
                "share-of-peak-as-days",
                lambda: (
                    h100_measured("sustained")
                    / (h100_peak("bf16") * factor("FLOP/s", "TFLOP/s"))
                    * factor("dimensionless", "%")
                ),
                "that is the share of peak from the question above (the measured speed ÷ the "
                f"datasheet peak, in %), not days. If it is your days, they are on Meta's "
                f"{fmt.number(JOB_CHIPS)} GPUs; the hook has {fmt.number(RUN_CHIPS)}",
                match=Match(rel_tol=0.005, rounded=False),
            ),
            Trap(
                "metas-chips",
                lambda: _llama_seconds() * RUN_CHIPS / JOB_CHIPS / DAY_S,
                f"that is on Meta's {fmt.number(JOB_CHIPS)} GPUs; the hook has "
                f"{fmt.number(RUN_CHIPS)}",
            ),
            # either end of Meta's 38–43 %, quoted above the question (reader 36). 38 % gives
            # 11.67 days with 6 N D's 3.79e25 and 11.70 with Meta's 3.8e25: the ±4 % keeps
            # every rounding of it (11.6 up) outside, so the verdict is the value's, not the
            # last digit kept's (reader 39-34: 11.66 was right with a note, 11.7 not yet)
            *(
                Trap(
                    f"metas-mfu-{end}",
                    lambda end=end: _llama_seconds() * MFU / METAS_MFU[end] / DAY_S,
                    _metas_mfu_hint(end),
                    # "12" rounds 11.7 but is as likely a guess near two weeks: no slip named
                    match=Match(rel_tol=0.015, rounded=False),
                )
                for end in ("top", "bottom")
            ),
            Trap(
                "fp8-peak-for-bf16",
                lambda: _llama_seconds("fp8") / DAY_S,
                "that uses twice the dense BF16 peak: the FP8 peak, or NVIDIA's sparse BF16 "
                "figure, which some pages print as the H100's BF16 (both "
                f"{fmt.number(h100_peak('fp8') * factor('FLOP/s', 'TFLOP/s'))} TFLOP/s); the run "
                "is in BF16, dense: use "
                f"{fmt.number(h100_peak('bf16') * factor('FLOP/s', 'TFLOP/s'))}"
                " TFLOP/s",
            ),
            # section 3's site, every chip it powers (reader 36); after the FP8 peak, whose
            # 5.54 days is the likelier slip when "5.5" is both (reader 39-34)
            Trap(
                "site-chips",
                lambda: _llama_seconds() * RUN_CHIPS / site_h100s() / DAY_S,
                f"that is on every chip of section 3's site ({fmt.number(site_h100s())}); the "
                f"hook has {fmt.number(RUN_CHIPS)}",
            ),
            # section 4's days for the hook's job, interruptions included: 22.6 days, 1.8 %
            # from the halved peak's 22.2 below, which it was told (reader 44-34); before it
            Trap(
                "with-interruptions",
                lambda: float(
                    compute(chip="h100", model="llama3-405b", job_chips=RUN_CHIPS, mfu=MFU)
                    .sel(precision="bf16")
                    .training_days
                ),
                "that includes interruptions (goodput, section 4); the question asks for the "
                "days with none",
                match=Match(rel_tol=0.008, rounded=False),
            ),
            # 989 taken for a sparse figure and halved: 22.2 days (reader 39-34)
            Trap(
                "half-bf16-peak",
                lambda: _llama_seconds() * 2 / DAY_S,
                "that uses half the BF16 peak; "
                f"{fmt.number(h100_peak('bf16') * factor('FLOP/s', 'TFLOP/s'))} TFLOP/s is "
                "already the dense figure (the sparse one is twice it): use it as it is",
                match=Match(guess=True),  # "22", three weeks, may be a guess
            ),
            Trap(
                "times-mfu",
                lambda: _llama_seconds() * MFU * MFU / DAY_S,
                f"you multiplied the time by the MFU ({MFU:.1f}); the chips reach only "
                f"{fmt.percent(MFU)} of peak, so the run takes longer: divide by the MFU",
            ),
            # the MFU typed as 40, not 0.4: 100 times too few days (reader 32)
            Trap(
                "mfu-as-percent",
                lambda: _llama_seconds() * MFU / (100 * MFU) / DAY_S,
                f"the MFU is {fmt.percent(MFU)} = {MFU:.1f}, not {100 * MFU:.0f}: a share of "
                "peak, so the speed is chips × peak × "
                f"{MFU:.1f}",
            ),
            Trap(
                "mfu-twice",
                lambda: _llama_seconds() / MFU / DAY_S,
                f"you divided by the MFU ({MFU:.1f}) twice; once is enough",
            ),
            # the handout's "where the numbers come from" prints Meta's GPU-hours (reader 28)
            Trap(
                "metas-gpu-hours",
                lambda: (
                    catalog.value("models.llama3-405b.gpu_hours", "hour")
                    * HOUR_S
                    / RUN_CHIPS
                    / DAY_S
                ),
                # hedged: a slip in the arithmetic lands here too (reader 46-34: "1.1e6 s")
                "if you shared Meta's published GPU-hours among the hook's chips, those hours "
                "count Meta's own run, with its interruptions and its real MFU. The question "
                "asks for no interruptions at exactly "
                f"{fmt.percent(MFU)} MFU: time = compute ÷ (chips × peak FLOP/s × MFU)",
                match=Match(
                    rel_tol=0.01,  # 12.85 days: "13", a plain near miss, is not pinned on it
                    rounded=False,
                ),
            ),
            *(
                Trap(
                    f"measured-{k}-not-peak",
                    lambda k=k: _llama_seconds() * h100_peak("bf16") / _measured_flops(k) / DAY_S,
                    f"that uses the measured matrix multiplication ({fmt.number(h100_measured(k))} "
                    "TFLOP/s, one chip alone); the MFU is a share of the datasheet peak "
                    f"({fmt.number(h100_peak('bf16') * factor('FLOP/s', 'TFLOP/s'))} TFLOP/s)",
                    # "14 days" is two weeks, the hook's guess, as often as 801's 13.7 rounded
                    # (reader 32): a bare two figures hears the slip only "if you worked it out"
                    match=Match(guess=True),
                )
                for k in ("best", "sustained")
            ),
        ),
    )
)


def _also_subtracts() -> str:
    """What goodput subtracts besides the time the job was down, as the Basics recipe works it
    (`_first_order`): Daly's wall-clock shares (4.58 %, 4.92 %) do not add up from the 94.6 %
    said before them and differ from the hint's 5.4 % (reader 32); the Advanced cell prints
    them."""
    m, every = _mtbi_minutes(), checkpoint_every()
    stalls, lost = _CKPT / every, every / 2 / m
    return (
        f"goodput also subtracts the checkpoint stalls ({_CKPT:g} min in every "
        f"{fmt.number(every, 3)} ≈ {fmt.percent(stalls, 2)}) and the work lost since the last "
        f"checkpoint ({fmt.number(every / 2, 2)}/{fmt.number(m)} ≈ {fmt.percent(lost, 2)}): "
        f"about {fmt.percent(_one_loss_left_out('none'), 2)} to first order"
    )


def uptime_words() -> str:
    """The time lesson 4's 16,384-chip job was running, both ways it is worked out (reader 25:
    the key listed 94.6 % and the checker said 94.8 %).

    Examples
    --------
    >>> uptime_words()
    "1 − 10/186 = 94.6 % to first order, 94.8 % in Daly's model"
    """
    g = goodput(JOB_CHIPS)
    return (
        f"1 − {RESTART:g}/{fmt.number(_mtbi_minutes(), 3)} = "
        f"{fmt.percent(1 - RESTART / _mtbi_minutes())} to first order, "
        f"{fmt.percent(1 - float(g.restart_share))} in Daly's model"
    )


def without_lost_work() -> float:
    """Lesson 4's goodput at 16,384 chips if the work redone after an interruption counted as
    useful: 1 − restart share − checkpoint share, from the core (Meta does not say whether its
    "useful training" subtracts redone work).

    Examples
    --------
    >>> round(without_lost_work(), 3)  # 1 − 0.0525 − 0.0458
    0.902
    """
    g = goodput(JOB_CHIPS)
    return 1 - float(g.restart_share) - float(g.checkpoint_share)


def gap_words() -> str:
    """Why the model's goodput at Meta's job size is below Meta's >90 %: two possible reasons,
    with the core's figures (reader 31: Meta defines its figure, much like goodput).

    Examples
    --------
    >>> gap_words().endswith("(without it the model gives 90.2 %)")
    True
    """
    conf = catalog.entry("reliability.restart_time").confidence
    return (
        f"the explorer's {RESTART:g}-min restart and {_CKPT:g}-min checkpoint are assumptions "
        f"({conf} confidence), probably longer than Meta's, which Meta reports cutting; and Meta "
        "does not say whether work redone after an interruption counts as useful (without it "
        f"the model gives {fmt.percent(without_lost_work())})"
    )


def _metas_overall() -> str:
    """Meta's >90 % in one sentence: why the model's goodput may be lower (reader 48-34: the
    reply to the likeliest prediction was 130 words of three ideas; the gap's two reasons in
    full are in "back to the hook"'s "More detail", Meta's measure in the section's text)."""
    return (
        f"that is Meta's >{fmt.percent(METAS_EFFECTIVE)} (or just under it) of time in useful "
        f"training; Meta may count redone work as useful and restart faster: the model assumes "
        f"{RESTART:g} min"
    )


def _restart_only() -> float:
    """The first-order goodput with only the restarts taken off, 1 − R/M: the time the job was
    running, uptime only (the core's ``job_uptime`` is 0.2 % above it)."""
    return 1 - RESTART / _mtbi_minutes()


def checkpoint_every() -> float:
    """How often lesson 4's 16,384-chip job checkpoints [min]: the core's interval (Daly's
    optimum for its interruption rate, checkpoint and restart), stated with the goodput
    question so that students can estimate the goodput.

    Examples
    --------
    >>> round(checkpoint_every(), 1)  # √(2 × 1 × 185.6) = 19.3 (Young), refined by Daly
    18.6
    """
    return float(goodput(JOB_CHIPS).checkpoint_interval)


def _mtbi_minutes() -> float:
    return float(goodput(JOB_CHIPS).mtbi) * factor("hour", "minute")


_METAS_OVERALL = _metas_overall()


def _first_order() -> str:
    """Lesson 4's goodput worked to first order, in words, with the core's figures (the
    explorer's fuller model, Daly's, gives the answer).

    The simple sum comes out a little low: the checkpoints' δ/τ is per minute of work, while the
    interruptions come per minute of wall-clock time. The Basics step says so in a clause; the
    Advanced cell works the correction out (the core's ``checkpoint_share`` = goodput × δ/τ)."""
    m, every = _mtbi_minutes(), checkpoint_every()
    lost = (every / 2 + RESTART) / m
    stalls = _CKPT / every
    g = goodput(JOB_CHIPS)
    return (
        f"each interruption (every {fmt.number(m)} min) costs the {RESTART:g}-min restart plus "
        f"half a checkpoint interval of lost work ({fmt.number(every / 2, 2)} min): "
        # three figures: "1 − 10 % − 5.4 %" is 84.6 %, not the 84 % printed (reader 38-34)
        f"({RESTART:g} + {fmt.number(every / 2, 2)}) ÷ {fmt.number(m)} ≈ {fmt.percent(lost, 3)}; "
        f"the checkpoints cost {_CKPT:g} min in every {fmt.number(every, 3)}: "
        f"≈ {fmt.percent(stalls, 2)}; goodput ≈ 1 − {fmt.percent(lost, 3)} − "
        f"{fmt.percent(stalls, 2)} ≈ {fmt.percent(1 - lost - stalls, 2)}. The explorer's fuller "
        f"model (Daly's, Advanced) gives {fmt.percent(float(g.goodput), 3)}: the sum counts the "
        "checkpoints per minute of work, not of wall-clock time"
    )


def _one_loss_left_out(which: str) -> float:
    """Lesson 4's first-order goodput with one of its three losses left out: ``"restart"`` (or,
    nearly the same, the checkpoint's minute: R/M ≈ δ/τ here) or ``"lost-work"``; the values a
    student following the recipe gets by forgetting a term (``"none"``: the recipe's own)."""
    m, every = _mtbi_minutes(), checkpoint_every()
    restart = 0.0 if which == "restart" else RESTART
    half = 0.0 if which == "lost-work" else every / 2
    return 1 - (half + restart) / m - _CKPT / every


def _whole_interval() -> float:
    """The first-order goodput with the whole checkpoint interval lost at each interruption
    (on average an interruption strikes halfway, so half is lost)."""
    m, every = _mtbi_minutes(), checkpoint_every()
    return 1 - (every + RESTART) / m - _CKPT / every


add_exercise(
    Exercise(
        "goodput-16k",
        4,
        (
            f"What share of time advances training for a {fmt.number(JOB_CHIPS)}-chip job? "
            f"Llama 3's interruption rate gives it an interruption about every "
            f"{interval_words(float(goodput(JOB_CHIPS).mtbi))}; it saves a checkpoint about "
            f"every {fmt.number(checkpoint_every(), 3)} minutes, each pausing training "
            f"{_CKPT:g} min; a restart after an interruption takes {RESTART:g} min (the minute "
            f"and the {RESTART:g} min are {assumed_words()})."
        ),
        lambda: float(goodput(JOB_CHIPS).goodput),
        SHARE,
        rel_tol=0.03,
        # worked out from the recipe, after "above or below Meta's >90 %?" is committed in
        # words (`GOODPUT_WAY`): the recipe made the old prediction a calculation (reader 48-34)
        worked=True,
        # the way is committed in words just above (`GOODPUT_WAY`): "below 90, about 84" in the
        # worked box is read as its number, and "over 90 %" as a way, not a committed 90
        # (reader 30)
        reads=Reads(
            asks_way=lambda: catalog.value("reliability.effective_training_time", "dimensionless")
        ),
        hints=(
            "three things eat time: checkpoints, the work lost since the last one, and restarts",
            "lost share ≈ (restart + half the time between checkpoints) ÷ time between "
            "interruptions, plus checkpoint pause ÷ time between checkpoints; goodput is "
            "1 − the losses",
            _first_order(),
        ),
        traps=(
            Trap(
                "no-interruptions",
                lambda: 1.0,
                "interruptions cost time: "
                "each one loses the work since the last checkpoint plus the restart",
                # a prediction of 100 % is no slip: it leaves the interruptions out (reader 31)
                say=Say(lead="Not quite", step=True),
            ),
            # the recipe with one of its three losses forgotten lands near Meta's 90 %: named
            # before Meta's figure, and tight, so that a guess of 90 % still reads as Meta's
            Trap(
                "one-loss-left-out",
                lambda: _one_loss_left_out("restart"),
                f"that is the sum with one loss left out: add the {RESTART:g}-min restart at "
                f"each interruption, or the checkpoint's {_CKPT:g} min in every "
                f"{fmt.number(checkpoint_every(), 3)}, whichever you left out",
                match=Match(
                    rel_tol=0.002,
                    rounded=False,  # "89 %" may be a guess (reader 22)
                ),
            ),
            Trap(
                "lost-work-left-out",
                lambda: _one_loss_left_out("lost-work"),
                "that leaves out the work lost at each interruption: on average half a "
                f"checkpoint interval ({fmt.number(checkpoint_every() / 2, 2)} min) is redone",
                match=Match(
                    rel_tol=0.002,
                    rounded=False,  # "89 %" may be a guess (reader 22)
                ),
            ),
            Trap(
                "whole-interval",
                _whole_interval,
                "on average an interruption strikes halfway between two checkpoints, so it "
                f"loses half an interval of work ({fmt.number(checkpoint_every() / 2, 2)} min), "
                "not the whole interval",
                match=Match(rel_tol=0.005),
            ),
            # the recipe adds the losses first: their sum typed for what is left, the
            # first-order sum a student works out (15.8 %; Daly's 14.7 % is inside the
            # tolerance too), as the key prints it (reader 23)
            Trap(
                "the-losses",
                lambda: 1 - _one_loss_left_out("none"),
                "that is the share lost (the three losses added up); goodput is what is left: "
                "1 − that",
                match=Match(rel_tol=0.1),
            ),
            # only the time the job was down taken off: the job's uptime only,
            # computed (1 − 10/185.6 = 94.6 %; the model's uptime, 94.8 %, is
            # inside the ±0.35 %; "95 %" is 94.6 % rounded to the figures given, so it fires
            # too, as "0.5" fires gb200-trn2-per-mw's inversion) (reader 20)
            Trap(
                "restart-only",
                _restart_only,
                f"that takes off only the restarts ({RESTART:g} min at each interruption, one "
                f"every {fmt.number(_mtbi_minutes())} min), the time the job was down: that is "
                f"uptime only ({uptime_words()}); {_also_subtracts()}",
                match=Match(rel_tol=0.0035),
            ),
            # just above Meta's 90 %, and also the model's goodput with the lost work left out,
            # which "More detail" prints (reader 51-34 D15): both said
            Trap(
                "without-lost-work",
                without_lost_work,
                f"that is just above Meta's >{fmt.percent(METAS_EFFECTIVE)}, and also the "
                "goodput with the lost work left out. If you worked it out, add the work redone "
                "after each interruption (on average half a checkpoint interval, "
                f"{fmt.number(checkpoint_every() / 2, 2)} min)",
                # 90.2 % and 90.3 %: not Meta's 90 % itself, nor a guess rounded to it
                match=Match(rel_tol=0.0015, rounded=False),
                kind=Kind(slip=False),
            ),
            Trap(
                "metas-overall",
                lambda: 0.9,
                _METAS_OVERALL,
                # Meta's 90 % as typed; a computed 88.4 % is a near miss, not Meta's figure
                # (reader 19); Meta says "more than 90 %": any prediction up to the uptime-only
                # slip (94.6 %, named first) believed it (reader 38-34)
                match=Match(rel_tol=0.005, up_to=_restart_only),
                kind=Kind(slip=False),
            ),
        ),
    )
)
