"""The lessons' timed 50-minute plans (`Plan`, `PLANS`); the lessons themselves are `course`."""

from __future__ import annotations

import html
from dataclasses import dataclass

from ... import catalog, fmt
from ...errors import InputError
from .. import factcheck, lessons
from ..contested import hook_figures
from .course import Lesson
from .figures import (
    AIR_CHILLER_MIN,
    CHILLER_MIN,
    FLEET_PUE,
    HOUSEHOLDS_CITY,
    MFU_SHOWN,
    N_DAYS,
    N_HOURS,
    OTHER_SHARE,
    RUN_CHIPS_SHOWN,
    SECOND_LOOK,
    SITE_SHOWN,
    SURVEY_PUE,
    SWEEP_SLIP,
    TRN2_OVERHEAD,
    ans,
    board_flop,
    capstone_hook,
    copied_figures,
    hook_guesses,
    lesson_hot_day_name,
    losses_twice,
    measured_best,
    measured_sustained,
    most_verdict,
    mtbi_hours,
    six_n_d_words,
    sustained_share,
    trap_hint,
    trap_percent,
    trap_value,
    trn2_gb200_per_chip,
    typed_percent,
    us_pflop_day,
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


def app_when(lesson: Lesson) -> str:
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


def basis_ratio() -> str:
    """How many times lesson 8's basis alone (people or households) moves the city."""
    sizes = [size for _, size in lessons.contested_city_bases()]
    return fmt.number(max(sizes) / min(sizes), 2)


def shaving_on_the_hot_day() -> tuple[str, str, str, str]:
    """Lesson 7's peak-shaving battery, from the core: the day that sizes it, the hot day's
    cooling peak before and after it (its daily threshold), and why that day sizes it."""
    from ..hot_days import sizing_day, why_it_sizes

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
    from ..contested import connection_reading

    _, _, lf, city = connection_reading(lessons.CONTESTED_SITE)
    return fmt.number(lf, 2), fmt.number(fmt.rounded(city, 3))


# lesson 3's so-what, the Advanced prediction made together: the plan's last segment, in minutes
_SO_WHAT_MINUTES = 7

PLANS: dict[int, Plan] = {
    1: Plan(
        (
            (
                5,
                "Hook",
                "Say: “A 300 MW site: a city of about how many people: under 10,000, 10,000 to "
                "100,000, 100,000 to a million, or over a million? Write it down.” Then read the "
                "article's claim aloud, in other words "
                "(the lesson's wording, not the article's exact sentence): "
                f"{lessons.article_claim()} Say: “Write down: does the site use more than a city "
                "of 250,000, less or about the same? Keep both.” In the notebook students "
                "commit both guesses under the hook; the verdict table waits for them.",
            ),
            (
                8,
                "Power and energy",
                "Draw a tap: MW is how fast, MWh how much. Ask: “How many hours in a year?” and "
                f"let a student build 365 × 24 = {N_HOURS} on the board. Students answer "
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
                "enters it in article-basis; then ask the class which basis is "
                "nearest. Each "
                "pair then works out the city on one basis on paper (homes only, Mississippi "
                "or the world) and writes it on the board.",
            ),
            (
                6,
                "Households and the table",
                "Everyone answers city-households-us, to three figures (do not say why "
                "beforehand: the reason tells the basis; the checker explains it to whoever "
                "types the article's number); the table opens and the class compares it with "
                "the board.",
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
                "“Read as people, all sectors, the site uses less than the city, so the "
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
            f"Multiplying by {N_DAYS} (days) instead of {N_HOURS} hours: the checker catches "
            "it, whether given in MW × days or in GWh.",
            "Multiplying by 24 only (one day's energy) for energy-300mw: the trap hint says a "
            f"year has {N_DAYS} such days.",
            "Dividing GWh by kWh without converting: answers a million times too small (GWh ÷ "
            "kWh) or 1,000 times too small (MWh ÷ kWh).",
            "Typing the article's 250,000 for city-people-us: the hint says it is the figure to "
            "check, not a computed one (without naming the basis it matches). For "
            "city-households-us 250,000 is refused (Not yet): it is the article's figure, and "
            "the hint asks a student who worked it out for three figures (their own result). "
            f"On paper: accept 250,000 only if the working shows about {HOUSEHOLDS_CITY}; "
            "otherwise ask for three figures. The checker refuses it at every try; as for any "
            "answer of about the right size, the third such try also shows the worked step "
            "(and “Show the answer”), as the third press of Hint does. A number far off (“1” "
            "typed three times) gets the formula again, never the worked step.",
            "A household city rounded to two figures is the article's 250,000: the checker "
            "refuses it and asks for the result to three figures. But an energy rounded to two "
            "figures still gives a household city within the "
            f"{lessons.EXERCISES['city-households-us'].tolerance()}, and the checker accepts it: "
            "it judges the result, not the figures of each step.",
            "Answering 3,050 (the city's GWh a year) for city-power-article: the hint says "
            "energy ÷ the hours of a year gives the power. “348 MW per year” is refused: the "
            "checker says MW is already a rate, so “per year” does not belong.",
        ),
        "Every number is in the notebook: Run All, then students work top to bottom; the table of "
        "bases opens inside the notebook once the site's energy, the article's basis and both "
        "city exercises are answered. Without computers: the worksheet lists the bases with "
        "their figures (students fill in the hours), so pairs compute every city by hand; "
        "project the teacher's rendering (explorer teach handouts --teacher --out DIR) "
        "to show each worked "
        "solution at its reveal. Its lines “Stop here on the projector” mark where the next "
        "screen answers an exercise the class has not reached (the hook's claim, the first "
        "city, the household city, then city-power-article): stop at each, and scroll on "
        "only at that exercise's reveal. "
        # the moment named, not "from step 6 on": the plan's rows are not numbered (reader 29)
        "The table of bases comes only once everyone has entered city-households-us (in "
        "“Households and the table”, after the pairs' board work). Stop scrolling at the table: "
        "the next screen answers city-power-article, which the class works on after it.",
    ),
    2: Plan(
        (
            (
                5,
                "Hook",
                "Put both claims on the board: “30–50 % for cooling” and "
                f"“PUE {FLEET_PUE}”. "
                "Say: “Can both be true: likely, unlikely or impossible? One sentence why.” "
                "In the notebook students commit it under the hook; the verdict table waits "
                "for it.",
            ),
            (
                12,
                "1 · IT, cooling and the rest",
                "Define PUE = site ÷ IT on the board. Students "
                "answer pue-40 for 40 %, the middle of the article's 30–50 %; the slider opens "
                "there once they have.",
            ),
            (
                15,
                "2 · Against AWS's number",
                "Say: “Turn the PUE round: what share is left for "
                f"cooling at {FLEET_PUE}?” Students answer cooling-at-fleet-pue, then "
                "cooling-mw-fleet.",
            ),
            (
                8,
                "Where 30–50 % could come from",
                "Pairs first guess: is the cooling share at the industry survey's average "
                f"PUE of {SURVEY_PUE} below, inside or above 30–50 %? Then, on paper: at what "
                "cooling share would this site match that PUE? (1 − 1/"
                f"{SURVEY_PUE} − {fmt.percent(OTHER_SHARE)} = "
                f"{ans('cooling-at-survey-pue')}: inside, just above its low end.) Pairs enter "
                "their share in cooling-at-survey-pue; the check that converts the survey's "
                "PUE opens only then, and so do the slider's PUE and MW (dragged, they would "
                "answer it). "
                "Open the collapsed note together to check. Could a hot day lift cooling to "
                "30 %? Lesson 7 answers it: leave it open here, as the notebook does (the "
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
                f"{AIR_CHILLER_MIN} air-cooled and {CHILLER_MIN} water-cooled? The quiz: the "
                "first 10 minutes of the next lesson, or homework.",
            ),
        ),
        (
            "PUE = 1 + cooling share (1.4), or 1 + cooling + other losses (1.43): the trap "
            "hints point to site ÷ IT.",
            "Forgetting the other losses: a PUE a few per cent low (1.67); the trap hint says to "
            "take them off too. A bare “1.7” is too rough to tell: the hint says to round, not cut "
            "off, or to give three figures (1.8, the rounding, is accepted).",
            "PUE − 1 − other losses for the cooling share (12 %, 36 MW): the trap hint says "
            f"“{trap_hint('cooling-at-fleet-pue', 'pue-minus-one-minus-other')}”.",
            "Pairs who round their share at the survey's PUE to one figure write the article's "
            "30 %: the checker says 30 % is the article's figure, the claim being checked, "
            "and asks for the share worked from the survey's PUE. To 30 or 30 %, which may be "
            "their own rounding, it also asks for one more figure; 30.0 % and 0.30 are no "
            "rounding of the answer, so it does not.",
            f"Typing {typed_percent('cooling-at-fleet-pue')} for "
            f"{typed_percent('cooling-at-fleet-pue')} %: the checker reads it as "
            f"{typed_percent('cooling-at-fleet-pue')} % and says so; students can change it.",
        ),
        "The slider and the note open inside the notebook: Run All, no app needed. Without "
        "computers, the worksheet's four Basics exercises (the pairs' share among them), its "
        "questions and the hook make the lesson; draw the bars (IT, cooling, other) on the "
        "board for 40 % and for the fleet PUE. The "
        "Advanced rows (heat, COP, water) are printed in the answer key (and on the teacher's "
        "rendering, explorer teach handouts --teacher --out DIR): read them out once the "
        "COP is worked out. Projecting that rendering, stop at each “Stop here on the "
        "projector” line: the next screen answers exercises the class has not reached.",
    ),
    3: Plan(
        (
            (
                5,
                "Hook",
                f"Say: “How many Trainium2 chips can a {SITE_SHOWN} site run: ten thousand, a "
                "hundred thousand, a million?” Show of hands for each.",
            ),
            (
                15,
                "Power per chip",
                "Write TDP × overhead on the board and say that Trainium2 "
                f"borrows the DGX H100's {TRN2_OVERHEAD}. Students answer trn2-chips-300mw; the "
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
                f"{board_flop()} Then the notebook's question: which of Trainium2's three "
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
                f"{fmt.number(trn2_gb200_per_chip(), 2)} times Trainium2's dense FP8; per "
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
            f"(about {trap_value('trn2-chips-300mw', 'pue-twice')} chips), or the cooling twice "
            f"(about {trap_value('trn2-chips-300mw', 'cooling-twice')}): the losses already are "
            "the PUE; the checker names both.",
            # reader 20: PUE − 1 as the non-IT share lay within the tolerance and was called right
            "Working from the PUE the wrong way: PUE − 1 taken as the non-IT share (site × "
            f"(2 − PUE): about {trap_value('trn2-chips-300mw', 'pue-minus-one-as-non-it')} chips, "
            "close enough to look right) or the site multiplied by the PUE (about "
            f"{trap_value('trn2-chips-300mw', 'pue-multiplied')}): IT power is site ÷ PUE; the "
            "checker names both (lessons 5 and 6 too).",
            "Doubling the BF16 figure for FP8 (“about twice”, the lesson says): "
            f"{trap_value('ultraserver-fp8', 'twice-bf16')} PFLOP/s, not the dense FP8 figure "
            "itself; "
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
            f"Leaving a day's computing in PFLOP ({us_pflop_day()}): the hint names the "
            "prefix (1 PFLOP = 10¹⁵ FLOP).",
        ),
        "The four reveals (the four-chip table, the systems table, the worked step of a day's "
        "FLOP, and the per-MW ratios with their chart) open inside the notebook; Run All and work "
        "through. Without computers, the "
        "worksheet prints the chip figures (“Figures you need”, the GB200's included): pairs "
        "count the chips, rebuild the UltraServer by hand and, for the Advanced prediction, "
        "divide each chip's FLOP/s by its power all in; once each exercise is done the teacher "
        "reads or projects its table from the answer key (the four accelerators, the systems "
        "with the published column, the day's FLOP worked out, and per facility MW). For the "
        "homework, hand out the “What we found” page after class.",
        timing=f"50 minutes; the last {_SO_WHAT_MINUTES} are the Advanced prediction (per "
        "facility MW), made together in class. “What we found” is homework.",
        advanced_in_class=True,
    ),
    4: Plan(
        (
            (
                5,
                "Hook",
                f"Say: “{RUN_CHIPS_SHOWN} H100s, Llama 3.1 405B: a day, a week, a month, a year?” "
                "Collect guesses on the board.",
            ),
            (
                7,  # a minute to the goodput "why" question (reader 42-34)
                "6 N D",
                "Students answer llama-compute (C ≈ 6 N D for Llama 3.1 405B) and compare with "
                f"Meta's figure when it opens; then work C ≈ {six_n_d_words()} on the board with "
                "powers of ten.",
            ),
            (
                10,
                "Peak, achieved, days",
                # the notebook's section 2 question has its two minutes here (reader 20)
                "Two minutes for the notebook's question: what share of peak does one H100 "
                "sustain? Students divide the sustained speed by the datasheet peak (about "
                f"{sustained_share()}). Then say: “Real runs reach about {MFU_SHOWN} of the "
                "datasheet peak, not of the measured speed.” Students answer llama-days; the "
                "worked step and the first back to the hook (the days with no stop) open below "
                "it.",
            ),
            (
                5,
                "How big a job a site allows (section 3)",
                # reader 47-34: one paragraph with four conditions; now one line each for what
                # the teacher says, what students do and what opens when
                # reader 51-34 D13: a sentence a step, the gating rules cut to one
                "Read out the H100s the site feeds. "
                # reader 35: the table answers it if nobody reasons about it
                f"Say: “Before the table: will {fmt.number(lessons.BIG_JOB)} H100s finish "
                f"sooner or later than {RUN_CHIPS_SHOWN}?” Do not answer it. "
                "Students commit sooner or later in the box (on paper: circle one) with one "
                # reader 48-34: "before anyone commits goodput-16k" read as a second vote
                "reason. Count the hands for sooner and for later now; goodput comes in the next "
                "segment. "
                # reader 46-34: printed above the box, its half-million row answered it
                "Opens after the commit: each job size's restart and how often it is "
                "interrupted (on paper: those two columns of the key's goodput table). "
                "The hook's days with interruptions, the more-chips answer and the Young and "
                "Daly printout open later: each waits for all three (sooner or later, the "
                "worked goodput and llama-days).",
            ),
            (
                13,
                "Goodput (predict first)",
                # reader 48-34 D1: with the recipe first, the prediction was a calculation
                "Say: “Meta reports more than "
                f"{fmt.percent(lessons.METAS_EFFECTIVE)}"
                ": will the model come out above or below?” Students commit above or below "
                "with one reason before the recipe (on paper: circle one); count the hands. "
                f"Then say: “About every {mtbi_hours()} a failure costs a restart plus, on "
                "average, half the work between checkpoints; the job checkpoints about every "
                f"{fmt.number(lessons.checkpoint_every(), 3)} minutes, and each checkpoint "
                "pauses it a minute.” Students add the three losses as shares of the time and "
                "work out goodput-16k (its box opens on the commit); its reply says each "
                "student's prediction back. "
                # reader 49-34: the reason given argued for below
                "Either way is a fair prediction. The model comes out below: its assumed "
                "restart and checkpoint are probably longer than Meta's, and Meta may count "
                "redone work as useful. "
                # reader 42-34: the notebook and the worksheet ask it; the plan had no slot
                "Then one minute for the question under the box: why do AWS's "
                "engineers talk about goodput rather than peak FLOPS? (Peak is how fast the chips "
                "could compute if nothing failed; goodput counts only the time that moves "
                "training forward.) "
                # reader 47-34: a class slow on llama-days reached 40 minutes with the tables shut
                "If the class is behind at 35 minutes: students still without llama-days or "
                "the goodput press Hint to the worked step, then “Show the answer”; in the next "
                "segment read out only the second table's first two rows.",
            ),
            (
                10,
                "Back to the hook; more chips slower",
                # one question of one table's two rows (reader 26: the ten minutes held two
                # tables, a three-part question and a closing)
                # reader 48-34: ten minutes held two tables, "More detail" and Meta's
                # GPU-hours; the GPU-hours check is for Advanced or homework
                "Back to the hook with interruptions: read out only the second table's first two "
                "rows (Meta's GPU-hours under “More detail” are for Advanced or homework) and "
                "ask “how can "
                f"{fmt.number(lessons.BIG_JOB)} chips be slower than {RUN_CHIPS_SHOWN}?” "
                "Collect reasons; if none come, point at section 3's "
                f"{fmt.number(lessons.BIG_JOB)} row: “What happens when a restart takes longer "
                "than the gap between interruptions?” The answer: more parts, more "
                "interruptions; a bigger job, longer restarts (far slower with a "
                f"growing restart, {fmt.percent(lessons.fixed_restart_margin(), 2)} slower with "
                "a fixed one). Young and Daly are optional.",
            ),
        ),
        (
            "Dividing by seconds per hour instead of per day (24 times too many days).",
            "Multiplying the time by the MFU instead of dividing by it: far too few days.",
            f"Using a measured H100 speed as the peak ({measured_best()} TFLOP/s at best in the "
            f"notebook, or the sustained {measured_sustained()}; the worksheet prints only the "
            f"{measured_sustained()}): MFU is a share of the datasheet peak; the checker names it.",
            "Leaving one loss out of the goodput sum (the restart, the checkpoint's minute or "
            f"the lost work): about {trap_percent('goodput-16k', 'one-loss-left-out')}, near "
            "Meta's 90 %; the checker names the slip, and a plain guess of 90 % is Meta's "
            "figure.",
            "Taking off only the restarts (about "
            f"{trap_percent('goodput-16k', 'restart-only')}, the time the job was running): "
            "uptime only; the checker names it and adds the checkpoints and the lost work.",
            f"Typing {typed_percent('goodput-16k')} for a goodput of "
            f"{typed_percent('goodput-16k')} %: read as {typed_percent('goodput-16k')} % and "
            "echoed; the prediction stays editable until committed.",
        ),
        "The goodput slider and the hook's days with interruptions open inside the notebook "
        "after the worked goodput, llama-days and sooner or later; Run All first. Without "
        "computers, the worksheet's exercises with a calculator and its “Figures you "
        "need”; the teacher reads the goodput table (restart, goodput and days by job size, "
        "and the check against Meta's GPU-hours) and, for the Advanced part, the Young and "
        "Daly printout from the answer key. For the homework, hand out the “What we found” "
        "page after class (on screen it opens only once the hook's three answers are given, "
        "and a notebook reopened at home must be answered again).",
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
                4,  # reader 35: 3 minutes held the cards, the briefs and "Whose figure?"
                "Roles",
                "Hand out the four role cards (worksheet); each group reads its brief "
                "and its four claims (every claim has one defender and one challenger). Say: "
                "“Argue in role; vote what you believe once all the cases are made: the vote "
                "scores against the sources, not the argument.”",
            ),
            (
                11,  # reader 35: 3 of a group's 4 stations are one-line products; reader 52
                # D4: 10 minutes held four stations only for a class used to the notebook
                "Recompute",
                # reader 38: four stations in 10 minutes: pairs split them
                "Groups work the stations of their claims, writing their number "
                "and its assumption in the grid. In each group, pairs take two stations each, "
                "then check each other's numbers.",
            ),
            (
                3,
                # round 52: read where the notebook and the worksheet have it, after the
                # stations; round 53 (reader 52 D1): all of it is read, four numbered questions,
                # "A gap" and "The best source" (the cooling verdict turned on a part left
                # "on the page")
                "The rule",
                "Read the whole verdict rule aloud (on screen under “Before you vote”, on the "
                "worksheet after the stations): its four questions in order, each with its car "
                "example, then what “a gap” is and which source is “the best source”. Say: "
                "“Ask the questions in order; the first yes is the verdict.” The scoring waits "
                "for the reveal.",
            ),
            (
                9,  # reader 52 D4: 60 s a claim, with reader 18's minute of slack
                "Make the case",
                "Claim by claim, in the grid's order: its defender 25 s, its challenger 25 s, "
                "and about 10 s to hand over (60 s a claim). Questions from the floor wait for "
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
                "Read the scoring aloud (on screen under the vote; the worksheet's rules box). "
                "Each group scores itself out "
                "of 8, marking its own “named” points against the "
                "table's “why” column; each student scores their votes (about 2 min). Read "
                f"aloud only the rows worth a second look {SECOND_LOOK}, each up to its "
                # reader 40: the 8 minutes hold only if each row is kept short
                # reader 49-56 D8: the projected (student) reveal says MORE, the key ASKS
                f"“{factcheck.MORE}” (“{factcheck.ASKS}” in the answer key; one line), about "
                "1 min a row; groups that "
                "ask read the rest and the other rows (below them on screen, in the answer key "
                "on paper).",
            ),
            (
                6,
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
            f"Voting one verdict on every claim: {most_verdict()} of the eight share a verdict, "
            "so such a ballot scores that many at best; read the scores with that in mind.",
            # reader 19: the row looked like a decoy; it is kept on purpose, and said so here
            "Taking the chips station's 3 % other losses off again after dividing by the PUE "
            f"(about {losses_twice()} chips): the row is there on purpose, because the PUE "
            "already counts those losses (the station's note says so), and the checker names "
            "the slip.",
            # reader 22: the notebook names the article's figure typed; on paper, the teacher
            f"A group whose number is the article's own ({copied_figures()}) has copied the "
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
                f"Say: “{capstone_hook()}”",
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
                f"{trap_value('capstone-chips', 'pue-minus-one-as-non-it')}), gets that slip "
                "named. "
                # reader 48: "(the (2 − PUE) slip by its 0.85 or 255 MW …)" needed rereading
                "A typed calculation with 0.85 or 255 MW in it is named as that slip too, "
                "whatever one chip's power was rounded to.",
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
                # round 52 (reader 51 D3): the guess is committed, and opens the goodputs
                "Ask for a show of hands before students turn to step 4's goodputs: does the "
                "fastest job use all the chips, half or a tenth? Each student commits it (on "
                "screen: all / half / a tenth, which opens the goodputs; on paper: circle it, "
                "then fold). Then students work it out from the three goodputs and enter "
                "their answer in step 4's box (capstone-job-share), which opens step 4's check "
                "and its rule, more chips past the fastest size make a job slower (on "
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
                "Open “What we found” together (each student's copy opens at step 5; it "
                "answers the hook and steps 3 and 4). Ask: “Is ‘N days of a city’ fair? What "
                "does it hide about when and where?” Only after the class has discussed it, "
                "open the fold under the Advanced sweep (“Is it fair? Fastest or least "
                "energy?”; on paper, read it from the answer key).",
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
        "with the checks the reveals print; the Advanced sweep is its own slip "
        f"({SWEEP_SLIP}, no step-5 answer on it) to hand out once the run's energy is "
        "answered.",
    ),
    7: Plan(
        (
            (
                5,
                "Hook",
                "Say: “In the hottest hour of the day the plant is sized for, how much more "
                f"does the cooling draw than in an average hour: {hook_guesses()}? A car "
                "battery, one shipping container, a row of containers or a building to shave "
                "the cooling's daily peaks?”",
            ),
            (
                10,
                "Step 1 · A typical year",
                "Read the weather table (each month's dry-bulb and wet-bulb; on paper it is "
                "above the prediction on the worksheet): which months have warm wet-bulbs? "
                "Students commit a prediction for "
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
                f"{lesson_hot_day_name()}. Students answer hot-day-above-mean. The day's "
                "hours, the hook's first answer and the peak-shaving battery (MW, MWh) open. "
                "Ask where its recharge comes from (the grid, in the same day's cooler hours) and "
                "how "
                "big it is (a row of shipping containers): the hook's second answer. Students "
                "answer shaving-battery-hours (MWh ÷ MW). Say: on the hot day the peak falls only "
                f"from {shaving_on_the_hot_day()[1]} to {shaving_on_the_hot_day()[2]}; a "
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
            f"Asked why {shaving_on_the_hot_day()[0]} sizes the battery, not the hot day "
            f"(step 2's optional question): it is {shaving_on_the_hot_day()[3]}. The answer "
            "needs the economiser's figures, so it suits homework.",
            "Reading the peak-shaving battery as the one that takes the hot day down to the "
            f"average: {shaving_on_the_hot_day()[0]} sizes it, and a daily battery only moves "
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
        f"({ans('jackson-annual-pue')}) once the predictions are in; the battery below its "
        "fold line is the hook's second answer.",
    ),
    8: Plan(
        (
            (
                5,
                "Hook",
                "Say it, rather than have students read the notebook's hook cell, which is "
                "longer: “Two careful people redo the city of 250,000 for today's announced "
                "site, each taking any value in the explorer's ranges for the site's yearly "
                "average and a household's use. How far apart could their cities land: within "
                "10 %, 10–30 % above, 30 % above to twice, or more than twice? And if both read "
                "300 MW as the year's average? No calculating: write down your gut guess.” Only "
                "once the guesses are written, give the ranges (step 1's table has them): "
                + " ".join(hook_figures(lessons.CONTESTED_SITE).split())
                + " (The load factor holds the question the article leaves open: is 300 MW the "
                "year's average or the grid connection?) Step 2's corners check the guesses. "
                "Steps 1 and 2 add two twists: the basis (people or households) and the "
                "possible expansion.",
            ),
            (
                8,
                "Step 1 · Estimates",
                "Read the ranges table: which figures are sure, which contested; read aloud "
                "the load factor, the use per household and the “Which 300 MW?” box. Optional, "
                "skipped by default: the basis table (people or households moves the "
                f"city {basis_ratio()} times, each with 300 MW as the year's average); say that "
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
                "homework by default): the question on the second block, whose range rests on the "
                "load factor's shape (the cell after the ranges).",
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
