# ruff: noqa: F401 (the facade re-exports the lessons' names)
"""The walkthroughs' exercises: "right" or "not yet, hint: …", with stepped hints and traps.

Each exercise knows its answer from the core (never a typed-in number) and the typical wrong
answers students give (also computed from the core), so a wrong answer gets the hint that fits
it. The engine that picks hints is :mod:`explorer.classroom.exercises`; it reads answers with
:mod:`explorer.classroom.reading`.

Examples
--------
>>> check("energy-300mw", "2.6 TWh").right
True
>>> check("cooling-at-fleet-pue", "10 %").right
True
"""

from __future__ import annotations

import dataclasses

from ...training import goodput  # tests read the core's goodput here
from ..exercises import COPIED, Exercise, Feedback, Reveal, Trap
from ..exercises import check as _check
from ..exercises import reveal as _reveal
from ..exercises import tried as _tried

# isort: off
# importing a lesson adds its exercises to EXERCISES: the lessons are imported in their order
from . import city, cooling, chips, training_time, capstone, hot_weather, ranges, stations

# isort: on
from .capstone import (
    BLANK,
    CAPSTONE,
    CAPSTONE_CITY_CLAIM,
    JOB_SIZE_ASK,
    JOB_SIZE_WAY,
    JOB_SIZE_WAYS,
    MORE_CHIPS_SLOWER,
    NEAR_FASTEST,
    OPENS_WHEN,
    RESTART_ASSUMPTION,
    blanked,
    capstone_debrief,
    capstone_fixed,
    capstone_found,
    capstone_job,
    capstone_plan,
    capstone_site,
    capstone_sweep,
    city_days_check,
    city_days_lines,
    days_from_ideal_words,
    fastest_job_check,
    fastest_job_lines,
    fixed_restart_line,
    guessed_figures,
    guesses_days_line,
    guesses_goodput,
    guesses_goodput_line,
    hook_spans,
    interruptions_check,
    interruptions_lines,
    job_size,
    meta_check,
    meta_mfu_words,
    near_fastest_words,
    plans_compared_check,
    plans_compared_lines,
    question_now,
    rough_percent,
    sweep_check,
    sweep_lines,
)
from .chips import (
    DAY_FLOP_LOCK,
    FLEET_COOLING,
    FOUND_MISSING,
    HOOK_ASK,
    HOOK_SAID,
    HOOK_WAY,
    LESSON_CHIPS,
    LESSON_SYSTEMS,
    PER_MW_UNIT,
    PER_MW_WORDS,
    TRN2_COOLING,
    all_in_words,
    bf16_day_words,
    chips_found,
    chips_hook,
    four_accelerators,
    hook_guess_words,
    newer_pue_words,
    per_chip_and_per_mw,
    per_mw,
    per_mw_rows,
    per_mw_words,
    systems_note,
    systems_rows,
)
from .city import (
    CITY_CLAIM_WAY,
    CITY_CLAIM_WAYS,
    CITY_SIZE_ASK,
    CITY_SIZE_WAY,
    CITY_SIZES,
    article_basis_line,
    article_city_basis,
    article_city_power,
    article_claim,
    article_claim_check,
    article_rounding,
    city_claim_ask,
    city_claim_said,
    household_years_line,
    people_per_home_line,
)
from .common import (
    ARTICLE_COOLING_RANGE,
    ARTICLE_SITE,
    CHILLER_COP,
    COMPARED_BASES,
    COOLING_SHARE,
    DRAIN_NOTE,
    EXERCISES,
    ON_PAPER,
    SHOWN_WITH,
    SITE_MW,
    STATION_BASIS,
    TOLD_APART,
    WORKED_OUT,
    about,
    article_share,
    city_table,
    cooling_rows,
    cooling_table,
    cooling_verdict_table,
    drain_line,
    economiser_hours_line,
    evaporation_line,
    fleet_against_article_line,
    h100_speeds,
    on_paper,
    other_losses_line,
    plant_cop_line,
    power_split_line,
    rows_look_for_line,
    rows_notes,
    survey_against_article_line,
)
from .cooling import (
    AIR_CHILLER_COP,
    BOTH_TRUE_ASK,
    BOTH_TRUE_WAY,
    BOTH_TRUE_WAYS,
)
from .hot_weather import (
    HOT_SITE,
    HOT_TECH,
    RIDE_MINUTES,
    SWING_MINUTES,
    article_pue_range,
    hot_year,
)
from .ranges import (
    CITY_BASES,
    CONTESTED_SITE,
    contested_city_bases,
    contested_city_range,
    contested_city_range_today,
)
from .stations import (
    STATION_LABELS,
    STATION_ROW_CLOSED,
    STATION_ROW_ON_PAPER,
    STATION_WAYS,
    check_station,
    held_bases,
    held_figures,
    station_accepted,
    station_numbers,
    station_unit,
)
from .training_time import (
    BIG_JOB,
    GOODPUT_AFTER,
    GOODPUT_WAY,
    HOOK_ABOVE,
    HOOK_MISSING,
    HOOK_UNTIL,
    JOB_CHIPS,
    METAS_DEFINITION,
    METAS_EFFECTIVE,
    MFU,
    MORE_CHIPS_ASK,
    MORE_CHIPS_WAY,
    RUN_CHIPS,
    SLIDER_LOCK,
    assumed_words,
    back_to_the_hook,
    checkpoint_every,
    daly_and_young,
    days_words,
    fastest_job,
    fixed_restart_margin,
    gap_words,
    goodput_ask,
    goodput_way_words,
    goodput_words,
    hook_without_stops,
    interval_words,
    job_sizes,
    losses_words,
    meta_hours_words,
    more_chips_answer,
    more_chips_rows,
    more_chips_table,
    more_chips_words,
    restart_growth_confidence,
    restart_law,
    site_feeds,
    six_n_d,
    training_found,
    uptime_words,
    which_compute_words,
    without_lost_work,
)

__all__ = [
    "EXERCISES",
    "Exercise",
    "Feedback",
    "Reveal",
    "Trap",
    "check",
    "hint",
    "reveal",
    "tried",
]


def check(exercise_id: str, answer: object, attempt: int = 1) -> Feedback:
    """Right, or not yet with the hint that fits the answer given (a trap's, or the stepped hint
    for this `attempt`).

    Examples
    --------
    >>> check("energy-300mw", 2628).right
    True
    >>> str(check("energy-300mw", 300))
    'Not yet, hint: 300 is the power (MW); energy is power × time: multiply by the hours in a year.'
    >>> check("energy-300mw", "2,628,000 MWh").right
    True
    """
    if exercise_id not in EXERCISES:
        return Feedback(
            False, f"No exercise {exercise_id!r}; choose one of {', '.join(EXERCISES)}.", "unknown"
        )
    return _check(EXERCISES[exercise_id], answer, attempt)


def tried(exercise_id: str, answer: object) -> bool:
    """Whether `answer` counts as a try towards the worked step and "Show the answer": a number
    of about the right size (within a factor of three) or a known slip, not any number typed.

    Examples
    --------
    >>> tried("energy-300mw", "2000"), tried("energy-300mw", "300"), tried("energy-300mw", "1")
    (True, True, False)
    """
    return _tried(EXERCISES[exercise_id], answer)


def hint(exercise_id: str, level: int = 0) -> str:
    """The stepped hint: 0 the nudge, 1 the formula, 2 the worked step.

    Examples
    --------
    >>> hint("pue-40", 1)
    'PUE = site power ÷ IT power = 1 / (1 − cooling share − other losses)'
    """
    hints = EXERCISES[exercise_id].hints
    return hints[min(max(level, 0), len(hints) - 1)]


def reveal(exercise_id: str, prediction: object) -> Reveal:
    """A prediction beside the explorer's result, with the gap explained (for an exercise
    `worked` out from figures above it, the student's worked answer, said as one).

    Examples
    --------
    >>> r = reveal("pue-40", "1.5")
    >>> r.ready, round(r.result, 2)
    (True, 1.75)
    >>> reveal("capstone-job-share", "half").message[:22]
    'You answered 50 %; the'
    """
    return _reveal(EXERCISES[exercise_id], prediction)


def __getattr__(name: str) -> object:
    if name == "STATION_CHECKS":  # built on first use, in lesson 5's stations
        return stations.STATION_CHECKS
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
