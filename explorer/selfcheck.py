"""Self-checks for the walkthrough exercises: "right" or "not yet, hint: …".

Each exercise knows its answer from the core (never a typed-in number) and the typical wrong
answers students give, so a wrong answer gets the hint that fits it.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

from . import catalog, fmt, power
from .model import compute
from .systems import system_table
from .training import goodput, model_compute, train_on_chips
from .units import factor


@dataclass(frozen=True)
class Exercise:
    id: str
    question: str
    answer: Callable[[], float]
    unit: str
    rel_tol: float = 0.05
    # (wrong answer, hint) pairs: a wrong answer near one of these gets its hint
    traps: list[tuple[Callable[[], float], str]] = field(default_factory=list)
    hint: str = "check the units and which number is power and which is energy"


@dataclass(frozen=True)
class Feedback:
    right: bool
    message: str

    def __str__(self) -> str:
        return self.message

    def _repr_html_(self) -> str:
        colour = "#009E73" if self.right else "#D55E00"
        import html

        return f"<p style='color:{colour};font-weight:600'>{html.escape(self.message)}</p>"


def _near(a: float, b: float, tol: float) -> bool:
    return abs(a - b) <= tol * abs(b)


def _hours() -> float:
    return catalog.value("conventions.hours_per_year", "hour/year")


def _other() -> float:
    """The catalog's default share of site power lost to things other than IT and cooling."""
    return catalog.value("defaults.overhead_fraction", "dimensionless")


def _fleet_pue() -> float:
    return catalog.value("cooling.aws-fleet.pue", "dimensionless")


def _chip(name: str, var: str, unit: str) -> float:
    return catalog.value(f"chips.{name}.{var}", unit)


def _h100_bf16() -> float:
    return float(catalog.chip_table().peak_flops.sel(chip="h100", precision="bf16"))


_DAY_S, _HOUR_S = factor("day", "s"), factor("hour", "s")
# catalog figures quoted in the questions and hints (the answers read the catalog themselves)
_OTHER, _PUE = fmt.percent(_other()), fmt.number(_fleet_pue())
_TRN2_TDP, _TRN2_OVERHEAD = (
    fmt.number(_chip("trn2", "tdp", "W")),
    fmt.number(_chip("trn2", "server_overhead", "dimensionless")),
)


EXERCISES: dict[str, Exercise] = {}


def _add(e: Exercise) -> None:
    EXERCISES[e.id] = e


_add(
    Exercise(
        "energy-300mw",
        "How much electricity does a 300 MW site use in a year, running flat out? (GWh)",
        lambda: float(compute(site_power=300).annual_energy),
        "GWh",
        traps=[
            (
                lambda: 300.0,
                "300 is the power (MW); energy is power × time: multiply by the hours in a year",
            ),
            (lambda: 300 * 365.0, "you multiplied by days; use hours (8,760 in a year)"),
            (lambda: 300 * _hours(), f"that is MWh; divide by {factor('GWh', 'MWh'):,.0f} for GWh"),
        ],
    )
)
_add(
    Exercise(
        "city-people-us",
        (
            "How many people use as much electricity as the 300 MW site, "
            "on the US all-sector per-person basis?"
        ),
        lambda: float(compute(site_power=300, basis="us-person").city_people),
        "people",
        traps=[
            (
                lambda: float(compute(site_power=300, basis="us-household").city_households),
                (
                    "that is the number of US households; "
                    "the per-person basis is 12,645 kWh per person per year"
                ),
            ),
            (
                lambda: float(compute(site_power=300, basis="us-person-residential").city_people),
                "that uses home electricity only; this exercise uses all sectors",
            ),
        ],
    )
)
_add(
    Exercise(
        "pue-40",
        f"What PUE does a 40 % cooling share imply, with {_OTHER} other losses?",
        lambda: float(compute(cooling_fraction=0.4, overhead_fraction=_other()).pue),
        "1",
        rel_tol=0.01,
        traps=[
            (
                lambda: 1 + 0.4,
                (
                    "PUE is site power ÷ IT power, not 1 + cooling share: "
                    f"IT gets 1 − 0.40 − {_other():.2f} of the site"
                ),
            ),
            (
                lambda: 1 / (1 - 0.4),
                (
                    f"add the other losses too: IT gets 1 − 0.40 − {_other():.2f} "
                    f"= {1 - 0.4 - _other():.2f} of the site"
                ),
            ),
        ],
    )
)
_add(
    Exercise(
        "cooling-at-fleet-pue",
        (
            f"At AWS's fleet PUE of {_PUE} (and {_OTHER} other losses), "
            "what share of site power goes to cooling?"
        ),
        lambda: power.cooling_share_at("aws-fleet"),
        "1",
        rel_tol=0.05,
        traps=[
            (
                lambda: _fleet_pue() - 1,
                (
                    f"a PUE of {_PUE} means non-IT power is 1 − 1/{_PUE} "
                    f"≈ {fmt.percent(1 - 1 / _fleet_pue())} of the site, "
                    f"not {fmt.percent(_fleet_pue() - 1)}"
                ),
            ),
            (
                lambda: 1 - 1 / _fleet_pue(),
                f"that is all non-IT power; subtract the {_OTHER} other losses",
            ),
        ],
    )
)
_add(
    Exercise(
        "trn2-chips-300mw",
        "How many Trainium2 chips can a 300 MW site feed at a 10 % cooling share?",
        lambda: float(compute(site_power=300, cooling_fraction=0.10, chip="trn2").chips_supported),
        "chips",
        rel_tol=0.02,
        traps=[
            (
                lambda: 300 * factor("MW", "W") / _chip("trn2", "tdp", "W"),
                (
                    "that divides the whole site by the bare chip TDP: only IT power feeds chips, "
                    f"and each needs host/network power too (× {_TRN2_OVERHEAD})"
                ),
            ),
            (
                lambda: 300 * factor("MW", "W") * (1 - 0.10 - _other()) / _chip("trn2", "tdp", "W"),
                (
                    f"each chip needs more than its {_TRN2_TDP} W TDP: "
                    f"multiply by the server overhead ({_TRN2_OVERHEAD})"
                ),
            ),
        ],
    )
)
_add(
    Exercise(
        "ultraserver-fp8",
        "How many PFLOP/s of dense FP8 does a 64-chip Trn2 UltraServer deliver?",
        lambda: float(system_table().fp8_dense.sel(system="trn2-ultraserver")),
        "PFLOP/s",
        rel_tol=0.01,
        traps=[
            (
                lambda: float(system_table().fp8_sparse.sel(system="trn2-ultraserver")),
                "that is the sparse figure; dense is half of it",
            ),
            (
                lambda: float(system_table().bf16_dense.sel(system="trn2-ultraserver")),
                "that is BF16; FP8 runs twice as fast on Trainium2",
            ),
        ],
    )
)
_add(
    Exercise(
        "llama-days",
        (
            "How many days would Llama 3.1 405B (3.8e25 FLOP) take on 100,000 H100s "
            "at 40 % MFU in BF16, with no interruptions?"
        ),
        lambda: float(train_on_chips("llama3-405b", 1e5, chip="h100", mfu=0.4).ideal_days),
        "days",
        rel_tol=0.05,
        traps=[
            (
                lambda: model_compute("llama3-405b") / (1e5 * _h100_bf16()) / _DAY_S,
                "you used peak FLOPS: multiply by the MFU (0.4)",
            ),
            (
                lambda: model_compute("llama3-405b") / (1e5 * _h100_bf16() * 0.4) / _HOUR_S,
                "that is hours; divide by 24 for days",
            ),
        ],
    )
)
_add(
    Exercise(
        "goodput-16k",
        (
            "What share of time advances training for a 16,384-chip job "
            "(Llama 3's interruption rate, 1-min checkpoints, 10-min restarts)?"
        ),
        lambda: float(goodput(16384).goodput),
        "1",
        rel_tol=0.03,
        traps=[
            (
                lambda: 1.0,
                (
                    "interruptions cost time: "
                    "each one loses the work since the last checkpoint plus the restart"
                ),
            ),
            (
                lambda: 0.9,
                "close to Meta's reported >90 % overall, but compute it with the model's numbers",
            ),
        ],
    )
)


def check(exercise_id: str, answer: float) -> Feedback:
    """Right, or not yet with the hint that fits the answer given.

    Examples
    --------
    >>> check("energy-300mw", 2628).right
    True
    >>> str(check("energy-300mw", 300))
    'Not yet, hint: 300 is the power (MW); energy is power × time: multiply by the hours in a year.'
    """
    if exercise_id not in EXERCISES:
        return Feedback(
            False, f"No exercise {exercise_id!r}; choose one of {', '.join(EXERCISES)}."
        )
    e = EXERCISES[exercise_id]
    try:
        x = float(answer)
    except (TypeError, ValueError):
        return Feedback(False, "Not yet: give a number.")
    if not math.isfinite(x):
        return Feedback(False, "Not yet: give a finite number.")
    if _near(x, e.answer(), e.rel_tol):
        unit = "" if e.unit == "1" else f" {e.unit}"
        return Feedback(True, f"Right! The explorer gets {fmt.number(e.answer(), 4)}{unit}.")
    for trap, hint in e.traps:
        if _near(x, trap(), 0.02):
            return Feedback(False, f"Not yet, hint: {hint}.")
    ratio = x / e.answer() if e.answer() else float("inf")
    for k, words in (
        (1e3, "1,000 times too large: check k/M/G prefixes"),
        (1e-3, "1,000 times too small: check k/M/G prefixes"),
    ):
        if _near(ratio, k, 0.05):
            return Feedback(False, f"Not yet, hint: {words}.")
    return Feedback(False, f"Not yet, hint: {e.hint}.")
