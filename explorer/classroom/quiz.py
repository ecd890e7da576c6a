"""The quizzes: three to five items per lesson and a final quiz, new questions (not the
exercises' text), each with four choices. The answer comes from the core (or, where an item gives
its own figures, from those figures with the core's unit conversions); every distractor is a
common mistake, worked out the same way and printed in the answer's unit, so no choice gives
itself away by its unit.

Examples
--------
>>> item = LESSON_ITEMS[1][0]
>>> item.choices()[item.right()] == item.show(item.answer())  # 876 GWh
True
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Callable
from dataclasses import dataclass

from .. import catalog, fmt, power
from ..training import training_compute
from ..units import factor
from .computed import compute
from .exercises import half_up
from .factcheck import ARTICLE_SPARSE, ASSUMED, CONTESTED, REPRODUCED, claim

_HOURS = catalog.value("conventions.hours_per_year", "hour/year")  # the core's year
_DAY_H = factor("day", "hour")
_DAY_S = factor("day", "s")
_DAYS = _HOURS / _DAY_H  # days in the core's year
_MWH_GWH = factor("MWh", "GWh")
_MWH_KWH = factor("MWh", "kWh")

# catalog figures that items give as their own (formatted from here, never retyped): Llama 3's job
# size, a Trn2 instance's chips and Trn2's memory and FP8 peaks, the US all-sector use per person
_JOB = catalog.value("reliability.reference_chips", "dimensionless")
_INSTANCE = float(catalog.raw()["systems"]["trn2-instance"]["chips"])
_HBM_GIB = catalog.value("chips.trn2.hbm_capacity", "GiB")
_SPARSE, _DENSE = (catalog.value(f"chips.trn2.fp8_{k}", "TFLOP/s") for k in ("sparse", "dense"))
_PER_PERSON = catalog.value("bases.us-person.value", "kWh/person/year")
_PER_HOUSEHOLD = catalog.value("bases.us-household.value", "kWh/household/year")
_PER_HOME = catalog.value("conventions.persons_per_household", "person/household")
_N = fmt.number
# how far above the wet-bulb a cooling tower leaves its water [K]: lesson 7's chiller plant's
_APPROACH = catalog.value("cooling_tech.chiller-economiser.tower_approach", "delta_degC")


def _rte() -> float:
    """The catalog's round-trip efficiency of a battery [1]."""
    from ..batteries import default_settings

    return default_settings()["round_trip_efficiency"]


def _other() -> float:
    """The catalog's default share of site power lost to things other than IT and cooling."""
    return catalog.value("defaults.overhead_fraction", "dimensionless")


@dataclass(frozen=True)
class Item:
    """One multiple-choice item: `answer` and each distractor's value in `unit` (``"%"`` for a
    share, given as a fraction); `mistakes` say which slip each distractor is."""

    lesson: int
    text: str
    unit: str
    answer: Callable[[], float]
    mistakes: tuple[tuple[str, Callable[[], float]], ...]
    digits: int = 3

    def show(self, x: float) -> str:
        """`x` as a choice prints it; a percentage at `digits` significant figures, trailing
        zeros kept when another choice shows decimals, so that no choice gives itself away by its
        format ("27.0 %" beside "20.1 %", not "27 %")."""
        if self.unit == "%":
            plain = fmt.percent(x, self.digits)
            others = [
                fmt.percent(f(), self.digits) for f in (self.answer, *dict(self.mistakes).values())
            ]
            if 0 < abs(x * 100) < 10**self.digits and any(re.match(r"^\d+\.\d", o) for o in others):
                return f"{x * 100:#.{self.digits}g}".rstrip(".") + " %"
            return plain
        if self.unit in ("households", "people", "homes") and math.isfinite(x) and x:
            x = fmt.rounded(x, self.digits)  # a count as closely as its inputs are known
        elif math.isfinite(x) and 0 < abs(x) < 10 ** (self.digits - 1):
            x = half_up(x, self.digits)  # 18.25 is "18.3", as a student rounds it (reader 37-12)
        return f"{fmt.number(x, self.digits)} {self.unit}".strip()

    def options(self) -> list[tuple[str, str]]:
        """(shown value, why) for the answer and every distractor, in ascending order."""
        found = {self.show(self.answer()): (self.answer(), "right")}
        for why, f in self.mistakes:
            found.setdefault(self.show(f()), (f(), why))
        ordered = sorted(found.items(), key=lambda kv: kv[1][0])
        return [(shown, why) for shown, (_, why) in ordered]

    def choices(self) -> list[str]:
        return [shown for shown, _ in self.options()]

    def right(self) -> int:
        return [why for _, why in self.options()].index("right")


def _site(mw: float, **kw) -> object:
    return compute(site_power=mw, **kw)


def _it_mw(site_mw: float, pue: float) -> float:
    """The IT power of a site of `site_mw` [MW] at a PUE of `pue`, as the core splits it [MW]."""
    return float(
        compute(
            site_power=site_mw,
            cooling_fraction=power.cooling_fraction_for_pue(pue),
            overhead_fraction=_other(),
        ).it_power
    )


LESSON_ITEMS: dict[int, tuple[Item, ...]] = {
    1: (
        Item(
            1,
            "A 100 MW site draws its full power all year. How much electricity does it use in "
            "a year?",
            "GWh",
            lambda: float(_site(100).annual_energy),
            (
                ("days instead of hours", lambda: 100 * 365 * _MWH_GWH),
                ("one day, not a year", lambda: 100 * _DAY_H * _MWH_GWH),
                ("MWh written as GWh", lambda: 100 * _HOURS),
            ),
        ),
        Item(
            1,
            # every distractor's figure is in the question, so none is ruled out unworked
            # (reader 20: the per-person use and the people per home were not given)
            f"A US household uses {_N(_PER_HOUSEHOLD)} kWh of electricity a year (EIA), and "
            f"{_N(_PER_HOME)} people live in one on average; a US person's share of all the "
            f"country's electricity is {_N(_PER_PERSON)} kWh a year. A 150 MW site runs all "
            "year: its electricity equals that of how many US households?",
            "households",
            lambda: float(_site(150, basis="us-household").city_households),
            (
                (
                    "the all-sector per-person basis",
                    lambda: float(_site(150, basis="us-person").city_people),
                ),
                (
                    "the people living in those households",
                    lambda: float(_site(150, basis="us-household").city_households) * _PER_HOME,
                ),
                (
                    "days instead of hours",
                    lambda: float(_site(150, basis="us-household").city_households) / _DAY_H,
                ),
            ),
        ),
        Item(
            1,
            "A town uses 1.2 TWh of electricity a year. What constant power is that on average?",
            "MW",
            lambda: 1.2 * factor("TWh", "MWh") / _HOURS,
            (
                ("divided by days", lambda: 1.2 * factor("TWh", "MWh") / 365),
                ("TWh read as GWh", lambda: 1.2 * factor("GWh", "MWh") / _HOURS),
                ("multiplied by the hours", lambda: 1.2 * _HOURS),
            ),
        ),
        Item(
            1,
            # the lesson's Advanced idea (reader 22): a site that does not run flat out all year
            "A 200 MW site runs on average at 80 % of its full power over a year (a load "
            "factor of 80 %). How much electricity does it use in a year?",
            "GWh",
            lambda: float(_site(200, load_factor=0.8).annual_energy),
            (
                ("the load factor forgotten", lambda: float(_site(200).annual_energy)),
                ("divided by the load factor", lambda: float(_site(200).annual_energy) / 0.8),
                ("days instead of hours", lambda: 200 * 0.8 * _DAYS * _MWH_GWH),
            ),
        ),
    ),
    2: (
        Item(
            2,
            "Cooling takes 25 % of a site's power and other losses 3 %. What is its PUE?",
            "",
            lambda: float(compute(cooling_fraction=0.25, overhead_fraction=0.03).pue),
            (
                ("1 + the cooling share", lambda: 1.25),
                ("other losses forgotten", lambda: 1 / 0.75),
                ("1 + all non-IT", lambda: 1.28),
            ),
        ),
        Item(
            2,
            "An older hall reports a PUE of 1.3; distribution and lighting take "
            f"{fmt.percent(0.03)} of the power. Which cooling share matches?",
            "%",
            lambda: power.cooling_fraction_for_pue(1.3),
            (
                ("PUE − 1", lambda: 0.3),
                ("other losses not subtracted", lambda: 1 - 1 / 1.3),
                ("PUE − 1 − other losses", lambda: 0.27),
            ),
        ),
        Item(
            2,
            "A 200 MW site runs at a PUE of 1.25. How many MW reach the IT equipment?",
            "MW",
            lambda: float(
                compute(
                    site_power=200,
                    cooling_fraction=power.cooling_fraction_for_pue(1.25),
                    overhead_fraction=_other(),
                ).it_power
            ),
            (
                ("multiplied by the PUE", lambda: 200 * 1.25),
                ("200 × (1 − 0.25)", lambda: 200 * 0.75),
                ("the non-IT part", lambda: 200 - 200 / 1.25),
            ),
        ),
    ),
    3: (
        # the lesson's main step from the site, not from IT power: the site's losses come off
        # (÷ PUE) before the chips, each at its TDP × overhead (reader 20: every item started
        # from IT power or FLOP/s); 100 MW ÷ 1.25 = 80 MW of IT; ÷ (500 W × 2) = 80,000 chips
        Item(
            3,
            "A 100 MW site runs at a PUE of 1.25. Each chip has a 500 W TDP and its servers add an "
            "overhead factor of 2. How many such chips can the site feed?",
            "chips",
            lambda: _it_mw(100, 1.25) * factor("MW", "W") / (500 * 2),
            (
                ("the site's losses ignored", lambda: 100 * factor("MW", "W") / (500 * 2)),
                # reader 22: the slip the lesson names most, PUE − 1 taken as the non-IT share
                # (100 MW × 0.75 = 75 MW; 75,000 chips), near the answer, where the PUE
                # multiplied (125,000) gave more chips than no losses at all
                (
                    "PUE − 1 taken as the non-IT share",
                    lambda: 100 * (2 - 1.25) * factor("MW", "W") / (500 * 2),
                ),
                ("overhead left out", lambda: _it_mw(100, 1.25) * factor("MW", "W") / 500),
            ),
        ),
        Item(
            3,
            "A system joins 32 chips of 1,000 TFLOP/s dense FP8 each. What is its dense FP8 peak?",
            "PFLOP/s",
            lambda: 32 * 1000 * factor("TFLOP/s", "PFLOP/s"),
            (
                ("the sparse figure (× 2)", lambda: 64.0),
                # the slip lesson 3's plan lists: the chips' TFLOP/s read as PFLOP/s
                ("TFLOP/s taken as PFLOP/s", lambda: 32 * 1000.0),
                ("one chip's figure", lambda: 1.0),
            ),
        ),
        Item(
            3,
            # the stem names the pattern (two zeros in four) but not what it does to the speed:
            # that is the lesson's point, and the ÷ 4 distractor (Trainium2's BF16) its trap
            "An NVIDIA GPU is quoted at 2,000 TFLOP/s sparse FP8. NVIDIA's sparse figures assume "
            "two zeros in every four weights. What is its dense FP8 peak?",
            "TFLOP/s",
            lambda: 2000 / 2,
            (
                ("the sparse figure taken as dense", lambda: 2000.0),
                ("multiplied by 2 instead of divided", lambda: 2000.0 * 2),
                ("divided by 4 (Trainium2's BF16 sparse ÷ dense)", lambda: 2000 / 4),
            ),
        ),
        Item(
            3,
            "A system computes at 20 PFLOP/s for one hour. How much computing does it do?",
            "FLOP",
            lambda: 20 * factor("PFLOP/s", "FLOP/s") * factor("hour", "s"),
            (
                ("the speed taken as the amount (20 PFLOP)", lambda: 20 * factor("PFLOP", "FLOP")),
                (
                    "minutes taken for seconds",
                    lambda: 20 * factor("PFLOP/s", "FLOP/s") * factor("hour", "minute"),
                ),
                (
                    "a prefix slipped (PFLOP/s taken as EFLOP/s)",
                    lambda: 20 * factor("EFLOP/s", "FLOP/s") * factor("hour", "s"),
                ),
            ),
        ),
    ),
    4: (
        Item(
            4,
            "A 70-billion-parameter model is trained on 15 trillion tokens. About how much "
            "compute does that take (C ≈ 6 N D)?",
            "FLOP",
            lambda: float(training_compute(70e9, 15e12)),
            (
                ("N × D", lambda: 70e9 * 15e12),
                ("2 N D (forward pass only)", lambda: 2 * 70e9 * 15e12),
                (
                    "15 trillion taken as 1.5 × 10¹² (a power of ten slipped)",
                    lambda: 6 * 70e9 * 15e12 / 10,
                ),
            ),
        ),
        Item(
            4,
            "A run needs 6.3 × 10²⁴ FLOP on 10,000 chips of 1 PFLOP/s peak at 40 % MFU. How many "
            "days, with no interruptions?",
            "days",
            lambda: 6.3e24 / (1e4 * 1e15 * 0.4) / _DAY_S,
            (
                ("MFU left out", lambda: 6.3e24 / (1e4 * 1e15) / _DAY_S),
                ("hours taken for days", lambda: 6.3e24 / (1e4 * 1e15 * 0.4) / 3600),
                ("multiplied by the MFU", lambda: 6.3e24 / (1e4 * 1e15) * 0.4 / _DAY_S),
            ),
        ),
        Item(
            4,
            f"A {_N(_JOB)}-chip job is interrupted every 3 hours on average. Every chip fails as "
            f"often as before. How often is a {_N(4 * _JOB)}-chip job interrupted?",
            "hours",
            lambda: 3 * _JOB / (4 * _JOB),
            (
                ("the same as before", lambda: 3.0),
                ("four times as long", lambda: 3 * (4 * _JOB) / _JOB),
                ("halved", lambda: 1.5),
            ),
        ),
        Item(
            4,
            "A job computes for 20 minutes, then pauses 1 minute to save a checkpoint, and so "
            "on: each cycle takes 21 minutes of wall-clock time. What share of its wall-clock "
            "time goes to checkpoints?",
            "%",
            lambda: 1 / (20 + 1),
            (
                # not 1 / 20 = 5 % (per minute of work): lesson 4's Basics recipe gives that,
                # and only its Advanced part tells the two apart
                ("the fraction 1/21 written as a percentage without × 100", lambda: 1 / 21 / 100),
                ("the share computing, not checkpointing", lambda: 20 / (20 + 1)),
                ("the 1-minute pause taken as a share of an hour", lambda: 1 / 60),
            ),
        ),
    ),
    5: (
        Item(
            5,
            f"A {_N(_INSTANCE)}-chip instance has {_N(_HBM_GIB)} GiB of memory per chip. How "
            "much memory does the instance have, in GB (10⁹ bytes)?",
            "GB",
            lambda: _INSTANCE * _HBM_GIB * factor("GiB", "GB"),
            (
                ("GiB read as GB", lambda: _INSTANCE * _HBM_GIB),
                ("converted the wrong way", lambda: _INSTANCE * _HBM_GIB * factor("GB", "GiB")),
                ("one chip's memory", lambda: _HBM_GIB * factor("GiB", "GB")),
            ),
        ),
        Item(
            5,
            f"A chip's documented sparse FP8 peak is {_N(_SPARSE, 4)} TFLOP/s. What should a "
            f"{_N(_INSTANCE)}-chip instance's sparse figure be?",
            "PFLOP/s",
            lambda: _INSTANCE * _SPARSE * factor("TFLOP/s", "PFLOP/s"),
            (
                (
                    "the article's figure: 4 × the instance's dense FP8, twice AWS's sparsity "
                    "factor",
                    lambda: ARTICLE_SPARSE,
                ),
                ("the dense figure", lambda: _INSTANCE * _DENSE * factor("TFLOP/s", "PFLOP/s")),
                ("one chip", lambda: _SPARSE * factor("TFLOP/s", "PFLOP/s")),
            ),
        ),
        Item(
            5,
            f"An article says 50 % of a site's power goes to cooling. With {fmt.percent(0.03)} "
            "other losses, what PUE is that?",
            "",
            lambda: float(compute(cooling_fraction=0.5, overhead_fraction=0.03).pue),
            (
                ("1 + the cooling share", lambda: 1.5),
                ("other losses forgotten", lambda: 2.0),
                ("AWS's fleet PUE", lambda: 1.15),
            ),
        ),
    ),
    6: (
        Item(
            6,
            "A cluster achieves 50 EFLOP/s. A model needs 5 × 10²⁵ FLOP. How many days does it "
            "take with no interruptions?",
            "days",
            lambda: 5e25 / (50 * factor("EFLOP/s", "FLOP/s")) / _DAY_S,
            (
                ("hours taken for days", lambda: 5e25 / 5e19 / 3600),
                ("EFLOP/s taken as PFLOP/s", lambda: 5e25 / 5e16 / _DAY_S),
                ("divided by an MFU again", lambda: 5e25 / (5e19 * 0.4) / _DAY_S),
            ),
        ),
        # reader 22: the quiz missed half the chain, peak against achieved (× MFU) and step 4's
        # arithmetic (days × site ÷ job ÷ goodput)
        Item(
            6,
            "A site's chips together peak at 200 EFLOP/s of BF16. A training run on them achieves "
            "a 40 % MFU. How fast does it train?",
            "EFLOP/s",
            lambda: 200 * 0.4,
            (
                ("the peak itself", lambda: 200.0),
                ("divided by the MFU", lambda: 200 / 0.4),
                ("the share lost taken for the share kept", lambda: 200 * (1 - 0.4)),
            ),
        ),
        Item(
            6,
            "On all of a site's chips with no interruptions, a training run would take 6 days. It "
            "runs instead as one job on half the chips, at 40 % goodput. How many days does it "
            "take?",
            "days",
            lambda: 6 * 2 / 0.4,
            (
                ("the goodput forgotten", lambda: 6 * 2.0),
                ("half the chips forgotten", lambda: 6 / 0.4),
                ("multiplied by the goodput and the half forgotten", lambda: 6 * 0.4),
            ),
        ),
        Item(
            6,
            "A 200 MW site powers 200,000 chips. One training job runs on 50,000 of them for 10 "
            "days while the rest do other work. How much electricity is the job's?",
            "MWh",
            lambda: 200 * 50_000 / 200_000 * 10 * _DAY_H,
            (
                ("the whole site's power", lambda: 200 * 10 * _DAY_H),
                ("MW × days", lambda: 200 * 50_000 / 200_000 * 10.0),
                ("divided by 24", lambda: 200 * 50_000 / 200_000 * 10 / _DAY_H),
            ),
        ),
        Item(
            6,
            f"A city of 100,000 people uses {_N(_PER_PERSON, 5)} kWh per person per year. How "
            "many MWh does it use in a day?",
            "MWh",
            lambda: 100_000 * _PER_PERSON / _DAYS * factor("kWh", "MWh"),
            (
                ("a year, not a day", lambda: 100_000 * _PER_PERSON * factor("kWh", "MWh")),
                (
                    "an hour, not a day",
                    lambda: 100_000 * _PER_PERSON / _HOURS * factor("kWh", "MWh"),
                ),
                ("kWh read as MWh", lambda: 100_000 * _PER_PERSON / _DAYS),
            ),
        ),
    ),
    7: (
        Item(
            7,
            "On a July afternoon the thermometer reads 33 °C and the wet-bulb is 25 °C. A cooling "
            f"tower sends its water back {_N(_APPROACH)} K above the wet-bulb. How warm is the "
            "water it sends to the chillers (the warmer, the harder they work)?",
            "°C",
            lambda: 25 + _APPROACH,
            (
                (
                    "the approach added to the dry-bulb instead of the wet-bulb",
                    lambda: 33 + _APPROACH,
                ),
                ("the wet-bulb itself, the approach forgotten", lambda: 25.0),
                ("the dry-bulb itself, with no approach", lambda: 33.0),
            ),
        ),
        Item(
            7,
            "A cooling plant draws 45 MW in the hottest hour and 30 MW on average over the year. "
            "How far above the mean is the peak?",
            "%",
            lambda: 45 / 30 - 1,
            (
                ("the ratio, not the excess", lambda: 45 / 30),
                ("divided by the peak", lambda: (45 - 30) / 45),
                ("the MW difference as %", lambda: 0.15),
            ),
        ),
        Item(
            7,
            # 200 MW × 8,760 h = 1,752 GWh, not "1,750" (reader 45-78)
            f"A campus draws 200 MW on average ({fmt.number(200 * _HOURS * _MWH_GWH)} GWh a year) "
            "and 220 MW in its hottest hour. "
            "Its state uses 70,000 GWh a year; its utility's peak demand is 2,500 MW. A planner "
            "asks how much of the utility's peak the campus takes. What share?",
            "%",
            lambda: 220 / 2500,
            (
                ("the yearly average, not the hottest hour", lambda: 200 / 2500),
                (
                    "the share of the state's yearly energy",
                    lambda: 200 * _HOURS * _MWH_GWH / 70_000,
                ),
                ("the whole divided by the part", lambda: 2500 / 220),
            ),
        ),
        Item(
            7,
            "A battery delivers 40 MWh every afternoon and is recharged from the grid each night "
            f"at {fmt.percent(_rte())} round-trip efficiency. How much does the grid supply to "
            "recharge it?",
            "MWh",
            lambda: 40 / _rte(),
            # slips on both sides of the answer, so that the ascending choices do not put it
            # last three items running (reader 42: the key read B, C, C, D, D, D)
            (
                ("round-trip losses forgotten", lambda: 40.0),
                (
                    "divided by the efficiency twice, as if each way lost that much",
                    lambda: 40 / _rte() ** 2,
                ),
                ("divided by the losses, not by the efficiency", lambda: 40 / (1 - _rte())),
            ),
        ),
        Item(
            7,
            "A state sells 50,000 GWh of electricity a year. A new 400 MW campus will run flat "
            "out. How big a slice of the state's yearly electricity is that?",
            "%",
            lambda: float(_site(400).annual_energy) / 50_000,
            (
                ("MW compared with GWh", lambda: 400 / 50_000),
                ("days instead of hours", lambda: 400 * 365 * _MWH_GWH / 50_000),
                # the campus's energy in TWh over the state's GWh (reader 22: "12 hours a day"
                # was weak)
                (
                    "TWh divided by GWh",
                    lambda: float(_site(400).annual_energy) * factor("GWh", "TWh") / 50_000,
                ),
            ),
        ),
        Item(
            7,
            "Each afternoon a battery must deliver 8 MW for 5 hours. Ignoring its losses, how "
            "much energy must it hold?",
            "MWh",
            lambda: 8 * 5.0,
            (
                ("MW divided by hours", lambda: 8 / 5),
                ("the power alone, as if for one hour", lambda: 8.0),
                ("the hours turned into minutes (× 60)", lambda: 8 * 5 * factor("hour", "minute")),
            ),
        ),
    ),
    8: (
        Item(
            8,
            "A site could draw 200–500 MW all year; a household uses 10,000–12,000 kWh a year. "
            "What is the largest city, in households?",
            "households",
            lambda: 500 * _HOURS * _MWH_KWH / 10_000,
            (
                ("both figures at their high end", lambda: 500 * _HOURS * _MWH_KWH / 12_000),
                ("both at their low end", lambda: 200 * _HOURS * _MWH_KWH / 10_000),
                ("the smallest city", lambda: 200 * _HOURS * _MWH_KWH / 12_000),
            ),
        ),
        Item(
            8,
            "A city of 250,000 households assumes the site runs all year. If it runs at a load "
            "factor of 0.8 instead, by how many households does the city shrink?",
            "households",
            lambda: 250_000 * (1 - 0.8),
            (
                ("the new city", lambda: 250_000 * 0.8),
                ("the growth, had the city been divided by 0.8", lambda: 250_000 / 0.8 - 250_000),
                ("the grown city itself (divided by 0.8)", lambda: 250_000 / 0.8),
            ),
            digits=4,  # 250,000 / 0.8 = 312,500 exactly, not "312,000"
        ),
        Item(
            8,
            "Of 2,000 Monte Carlo draws, how many fall outside their 90 % range (below the 5th "
            "or above the 95th percentile)?",
            "draws",
            lambda: 2000 * 0.10,
            (
                ("one side only", lambda: 2000 * 0.05),
                ("inside, not outside", lambda: 2000 * 0.90),
                ("up to the 95th percentile", lambda: 2000 * 0.95),
            ),
        ),
        Item(
            8,
            "A tornado chart of a city, each figure moved alone from its low end to its high end: "
            "site power 250,000 → 620,000 households; load factor 175,000 → 250,000; use per "
            "household 270,000 → 230,000; MFU 250,000 → 250,000. By how many households does "
            "the figure that matters most swing the city?",
            "households",
            lambda: 620_000 - 250_000,
            (
                ("the top bar's high end, not its swing", lambda: 620_000.0),
                ("the second bar's swing", lambda: 250_000 - 175_000),
                ("every swing added up", lambda: 370_000 + 75_000 + 40_000),
            ),
        ),
        Item(
            8,
            "Two sources put a 200 MW site's cooling at 12 % and at 42 % of its power. By how "
            "many MW does the cooling load swing between them?",
            "MW",
            lambda: 200 * (0.42 - 0.12),
            (
                ("the high end's cooling, not the swing", lambda: 200 * 0.42),
                ("the low end's cooling", lambda: 200 * 0.12),
                ("the gap in percentage points", lambda: 100 * (0.42 - 0.12)),
            ),
        ),
    ),
}

# the final quiz: one new item per lesson, none of them in a lesson quiz
FINAL_ITEMS: tuple[Item, ...] = (
    Item(
        1,
        "A 50 MW site draws its full power all year. How much electricity does it use?",
        "GWh",
        lambda: float(_site(50).annual_energy),
        (
            ("days instead of hours", lambda: 50 * 365 * _MWH_GWH),
            ("MWh written as GWh", lambda: 50 * _HOURS),
            ("one day", lambda: 50 * _DAY_H * _MWH_GWH),
        ),
    ),
    Item(
        2,
        "A site runs at a PUE of 1.5. What share of its power reaches the IT equipment?",
        "%",
        lambda: 1 / 1.5,
        (
            ("PUE − 1", lambda: 0.5),
            ("1 − (PUE − 1) ÷ 2", lambda: 0.75),
            ("1 ÷ PUE − other losses", lambda: 1 / 1.5 - 0.03),
        ),
    ),
    Item(
        3,
        "A 72-chip rack of 2.5 PFLOP/s dense FP8 chips: what is its dense FP8 peak?",
        "PFLOP/s",
        lambda: 72 * 2.5,
        (
            ("the sparse figure", lambda: 72 * 5.0),
            ("BF16", lambda: 72 * 1.25),
            ("a 64-chip count", lambda: 64 * 2.5),
        ),
    ),
    Item(
        4,
        "A run on 1,000 chips takes 30 days with no interruptions. Its goodput is 80 %. How "
        "long does it take?",
        "days",
        lambda: 30 / 0.8,
        (
            ("multiplied by the goodput", lambda: 30 * 0.8),
            ("goodput left out", lambda: 30.0),
            ("20 % added as 20 days", lambda: 50.0),
        ),
    ),
    Item(
        5,
        "A 64-chip server holds 96 GiB per chip. How many TB (10¹² bytes) of memory is that?",
        "TB",
        lambda: 64 * 96 * factor("GiB", "TB"),
        (
            ("GiB read as GB", lambda: 64 * 96 * factor("GB", "TB")),
            (
                "converted the wrong way",
                lambda: 64 * 96 * factor("GB", "TB") ** 2 / factor("GiB", "TB"),
            ),
            ("one 16-chip instance", lambda: 16 * 96 * factor("GiB", "TB")),
        ),
    ),
    Item(
        6,
        "A run uses 120,000 MWh. A city uses 6,000 MWh a day. How many days of the city's "
        "electricity is the run?",
        "days",
        lambda: 120_000 / 6_000,
        (
            ("hours, not days", lambda: 120_000 / 6_000 * 24),
            ("divided by 24 again", lambda: 120_000 / 6_000 / 24),
            ("a day taken as 12 hours", lambda: 120_000 / 3_000),
        ),
    ),
    Item(
        7,
        "A smoothing battery absorbs a 150 MW dip lasting 2 minutes (it charges while the load is "
        "down). How much energy does one dip put into it?",
        "MWh",
        lambda: 150 * 2 * factor("minute", "hour"),
        (
            ("minutes taken for hours", lambda: 150 * 2.0),
            ("the power", lambda: 150.0),
            ("÷ 100 instead of ÷ 60", lambda: 150 * 2 / 100),
        ),
    ),
    Item(
        8,
        "A site's power ranges 300–600 MW. Moved alone from end to end, by how many GWh a year "
        "does its energy swing?",
        "GWh",
        lambda: float(_site(600).annual_energy - _site(300).annual_energy),
        (
            ("the high end's energy", lambda: float(_site(600).annual_energy)),
            ("MW × days", lambda: 300 * 365 * _MWH_GWH),
            (
                "half the swing",
                lambda: float(_site(600).annual_energy - _site(300).annual_energy) / 2,
            ),
        ),
    ),
)


def items(lesson: int | None = None) -> tuple[Item, ...]:
    """A lesson's quiz items, or (None) the final quiz's."""
    return FINAL_ITEMS if lesson is None else LESSON_ITEMS[lesson]


@dataclass(frozen=True)
class VerdictItem:
    """A lesson-5 item that asks for a claim's verdict (not a number): the three verdicts are the
    choices, in the lesson's order; the answer is the fact-check's verdict, so it follows the
    catalog; `mistakes` say which slip each wrong verdict is."""

    lesson: int
    text: Callable[[], str]
    claim_id: str
    mistakes: dict[str, str]

    def answer(self) -> str:
        return claim(self.claim_id).verdict()

    def options(self) -> list[tuple[str, str]]:
        """(verdict, why) for the three verdicts, in the lesson's order."""
        return [
            (v, "right" if v == self.answer() else self.mistakes[v])
            for v in (REPRODUCED, ASSUMED, CONTESTED)
        ]

    def choices(self) -> list[str]:
        return [shown for shown, _ in self.options()]

    def right(self) -> int:
        return [why for _, why in self.options()].index("right")


def _us_sparse_text() -> str:
    """The UltraServer's sparse FP8, as its article prints it and as AWS documents it per chip: the
    instance's sparse row, which the class worked at its station, one size up."""
    chips = float(catalog.raw()["systems"]["trn2-ultraserver"]["chips"])
    c = claim("us-sparse")
    return (
        f"A table says a {_N(chips)}-chip Trn2 UltraServer delivers {c.stated} of sparse FP8; "
        f"AWS documents {_N(_SPARSE)} TFLOP/s sparse per chip. Which verdict does the table's "
        "figure earn?"
    )


def _us_bw_text() -> str:
    """The UltraServer's memory bandwidth as its table prints it and per chip as AWS documents
    it: a last-digit gap that rounding explains (objective 3), on a row the class did not play."""
    chips = float(catalog.raw()["systems"]["trn2-ultraserver"]["chips"])
    per_chip = catalog.value("chips.trn2.hbm_bandwidth", "TB/s")
    return (
        f"A table says a {_N(chips)}-chip Trn2 UltraServer has {_N(claim('us-bw').claimed)} TB/s "
        f"of memory bandwidth; AWS documents {_N(per_chip)} TB/s per chip, and "
        f"{_N(chips)} × {_N(per_chip)} = {_N(chips * per_chip, 4)} TB/s. Which verdict does the "
        "table's figure earn?"
    )


def _trn3_text() -> str:
    """Trainium3's "fourfold" as AWS's announcement says it, with the per-chip and the
    per-UltraServer ratios from the catalog: it comes out per UltraServer, a comparison the
    claim leaves open (objective 2, reader 20: no item had this verdict as its answer)."""
    from ..systems import system_table

    t = system_table()

    def per(system: str, fig: str) -> float:
        return float(t[fig].sel(system=system))

    chip = {c: catalog.value(f"chips.{c}.fp8_dense", "TFLOP/s") for c in ("trn3", "trn2")}
    us = {s: per(s, "fp8_dense") for s in ("trn3-ultraserver-gen2", "trn2-ultraserver")}
    return (
        f"An article says: “{claim('trn3-4x').claim}” One Trainium3 chip's dense FP8 is "
        f"{_N(chip['trn3'], 4)} TFLOP/s against Trainium2's {_N(chip['trn2'], 4)} "
        f"({_N(chip['trn3'] / chip['trn2'], 2)}×); a Trainium3 UltraServer holds "
        f"{_N(per('trn3-ultraserver-gen2', 'chips'))} chips against Trainium2's "
        f"{_N(per('trn2-ultraserver', 'chips'))}: {_N(us['trn3-ultraserver-gen2'])} PF against "
        f"{_N(us['trn2-ultraserver'])} PF of dense FP8 "
        f"({_N(us['trn3-ultraserver-gen2'] / us['trn2-ultraserver'], 2)}×). Which verdict does "
        "“fourfold” earn?"
    )


# items that ask for a verdict: lesson 5's objectives 2 and 3 (an assumption; rounding or not)
VERDICT_ITEMS: dict[int, tuple[VerdictItem, ...]] = {
    5: (
        VerdictItem(
            5,
            _us_sparse_text,
            "us-sparse",
            {
                REPRODUCED: "the table's factor over dense taken for AWS's: chips × AWS's sparse "
                "figure gives about half",
                ASSUMED: "a sparsity factor taken for a gap to fill: AWS documents the sparse "
                "figure, and the table's is twice it",
                CONTESTED: "right",
            },
        ),
        VerdictItem(
            5,
            _trn3_text,
            "trn3-4x",
            {
                REPRODUCED: "one comparison taken as the claim's: it does not say per what, "
                "and per chip it is about half that; name the comparison it holds for",
                # reader 47-56 D5: "Trainium3" read as the chip is a fair reading the lesson
                # did not rehearse: the key says when C earns the point
                CONTESTED: "a gap the claim leaves open taken for a disagreement: per "
                "UltraServer, the comparison it leaves open, it comes out; but accept C too from "
                "a student who reads “Trainium3” as one chip and names AWS's per-chip figures as "
                "the source that disagrees",
            },
        ),
        VerdictItem(
            5,
            _us_bw_text,
            "us-bw",
            {
                REPRODUCED: "right",
                ASSUMED: "a rounding taken for a gap to fill: no figure is missing, and the "
                "product rounds to the table's",
                CONTESTED: "a rounding taken for a disagreement: the gap is in the last digit, "
                "and the product rounds to the table's",
            },
        ),
    ),
}


@dataclass(frozen=True)
class ChoiceItem:
    """An item whose choices are words, not numbers (lesson 6's trade of time and energy): the
    four `mistakes` keys and the answer are the choices, in the order given; the answer comes from
    the core, so it follows the catalog."""

    lesson: int
    text: Callable[[], str]
    answer: Callable[[], str]
    mistakes: dict[str, str]  # each wrong choice → its slip

    def options(self) -> list[tuple[str, str]]:
        """(choice, why) for the wrong choices and the answer (a wrong choice the core turns
        right is marked right), in an order fixed by a hash of the question and each choice:
        the same on every printing, and the answer's place says nothing about it (appended
        last, it was always D)."""
        right = self.answer()
        wrong = [(c, "right" if c == right else why) for c, why in self.mistakes.items()]
        found = wrong if right in self.mistakes else [*wrong, (right, "right")]
        text = self.text()
        return sorted(found, key=lambda cw: hashlib.sha256(f"{text}|{cw[0]}".encode()).hexdigest())

    def choices(self) -> list[str]:
        return [shown for shown, _ in self.options()]

    def right(self) -> int:
        return [why for _, why in self.options()].index("right")


def _twice_the_fastest() -> tuple[object, object]:
    """Lesson 6's fastest job and one of twice its chips on the same site (core results)."""
    from .lessons import capstone_job, capstone_plan

    plan = capstone_plan()
    return plan, capstone_job(2 * float(plan.job_chips))


def _twice_text() -> str:
    from .lessons import SITE_MW, job_size

    plan, _ = _twice_the_fastest()
    return (
        f"On lesson 6's {fmt.quantity(SITE_MW, 'MW')} site, the job that trains the model fastest "
        f"uses about {job_size(float(plan.job_chips))} chips. One job of twice as many chips "
        "trains the same model. In the lesson's model (Llama 3's measured interruption rate per "
        "chip, scaled to jobs far bigger than any measured, and a restart that grows with the "
        "job's size), compared with the fastest job, that bigger job…"
    )


def _twice_answer() -> str:
    plan, big = _twice_the_fastest()
    when = "takes longer" if float(big.training_days) > float(plan.training_days) else "is faster"
    more = "more" if float(big.run_energy) > float(plan.run_energy) else "less"
    return f"{when} and uses {more} energy"


# lesson 1's idea, the basis, on a new claim (reader 21: the article's own 250,000 only
# repeated the lesson's punchline): the bases a city is read on, by the words a choice names them
# with, and the claim's site and basis (the claim's size comes from the core on that basis)
_BASES = {
    "us-household": "US households, each home's electricity",
    "us-person": "US people, all the electricity of all sectors",
    "us-ms-person": "Mississippi people, all sectors",
    "us-person-residential": "US people, home electricity only",
}
_CLAIM_MW, _CLAIM_BASIS = 100.0, "us-ms-person"


def _city_on(basis: str, mw: float = _CLAIM_MW) -> float:
    """A site of `mw` running all year as a city on `basis` (households count homes, the others
    people), from the core."""
    ds = _site(mw, basis=basis)
    return float(ds.city_households if basis == "us-household" else ds.city_people)


def _claimed_city() -> float:
    """The new claim's city, two figures: 100 MW x 8,760 h / 16,666 kWh = 52,562 → 53,000."""
    return fmt.rounded(_city_on(_CLAIM_BASIS), 2)


def _basis_text() -> str:
    figures = "; ".join(
        f"{words}: {fmt.number(catalog.entry(f'bases.{b}.value').value)} kWh a "
        f"{'home' if b == 'us-household' else 'person'} a year"
        for b, words in _BASES.items()
    )
    return (
        f"A news story says a {fmt.quantity(_CLAIM_MW, 'MW')} site that runs all year uses "
        f'"as much electricity as a city of {fmt.number(_claimed_city())} people". On which '
        f"basis is that city closest to the site's energy? ({figures}.)"
    )


def _closest_basis() -> str:
    """The basis on which the claim's site is the city nearest the claim (core results)."""
    return _BASES[min(_BASES, key=lambda b: abs(_city_on(b) - _claimed_city()))]


def _fleet_pue_text() -> str:
    return fmt.number(catalog.value("cooling.aws-fleet.pue", "dimensionless"))


def _fleet_text() -> str:
    return (
        f"AWS reports a fleet PUE of {_fleet_pue_text()}, the average over its datacenters for a "
        "year. One of its sites is measured at a PUE of 1.6. Do the two figures contradict each "
        "other?"
    )


# lesson 8's objective 1/3: which figure gives no tornado bar for the city (from the core's
# sensitivity: the one of these whose swing is zero)
_CITY_FIGURES = {
    "the load factor": "defaults.load_factor",
    "the use per household": "bases.us-household.value",
    "MFU (the share of the chips' peak a run achieves)": "defaults.mfu",
    "the site's power": "sites.rainier-mississippi.site_power",
}


def _no_bar() -> str:
    """The one of `_CITY_FIGURES` that does not move lesson 8's city (zero swing)."""
    from ..uncertainty import sensitivity

    t = sensitivity("city_households", site="rainier-mississippi", cooling_default="article")
    (still,) = [
        name for name, key in _CITY_FIGURES.items() if float(t.swing.sel(parameter=key)) == 0
    ]
    return still


# items whose choices are words: lesson 1's basis, lesson 2's objective 3 (a fleet average and
# one site), lesson 6's objective 3 (past the fastest size, more chips cost both time and energy)
CHOICE_ITEMS: dict[int, tuple[ChoiceItem, ...]] = {
    1: (
        ChoiceItem(
            1,
            _basis_text,
            _closest_basis,
            {
                _BASES["us-person"]: "the national figure taken for a state's",
                _BASES["us-ms-person"]: "a state's figure taken for the nation's",
                _BASES["us-person-residential"]: "home electricity shared over people",
                _BASES["us-household"]: "homes counted as people",
            },
        ),
    ),
    2: (
        ChoiceItem(
            2,
            _fleet_text,
            # an average over many sites has sites on both sides of it
            lambda: "no: a fleet average allows some sites worse than it",
            {
                # reader 22: "every site runs at the average" was too easy to rule out; this
                # is the common slip, an average read as every site lying close to it
                f"yes: an average of {_fleet_pue_text()} means every site is close to it, and "
                "1.6 is far from it": "an average read as every site lying close to it",
                "yes: 1.6 is worse than the fleet, so one figure is false": "a site worse than "
                "the fleet taken as proof that a figure is false",
                "no: a PUE of 1.6 is better than the fleet's": "a higher PUE read as better",
            },
        ),
    ),
    8: (
        ChoiceItem(
            8,
            lambda: (
                "A tornado chart of the Mississippi site's city (in households) moves each "
                "uncertain figure alone from its low end to its high end. Which of these figures "
                "gives no bar at all?"
            ),
            _no_bar,
            {
                "the load factor": "a stated convention taken for a figure that cannot move it",
                "the use per household": "the divisor forgotten: the city is energy ÷ use",
                "the site's power": "the figure that moves it most taken for one that cannot",
            },
        ),
    ),
    6: (
        ChoiceItem(
            6,
            _twice_text,
            _twice_answer,
            {
                "is faster and uses more energy": "more chips taken for more speed",
                "is faster and uses the same energy": "more chips taken for more speed, and "
                "the same work for the same energy, interruptions forgotten",
                "takes as long and uses more energy": "the slowdown from more frequent, longer "
                "restarts missed",
            },
        ),
    ),
}


def choice_items(lesson: int) -> tuple[ChoiceItem, ...]:
    """A lesson's items whose choices are words (lessons 1, 2, 6 and 8).

    Examples
    --------
    >>> [i.choices()[i.right()] for i in choice_items(6)]
    ['takes longer and uses more energy']
    >>> [i.choices()[i.right()] for i in choice_items(1)]  # 876 GWh / 16,666 kWh = 52,562
    ['Mississippi people, all sectors']
    """
    return CHOICE_ITEMS.get(lesson, ())


def verdict_items(lesson: int) -> tuple[VerdictItem, ...]:
    """A lesson's items that ask for a verdict (none but lesson 5's).

    Examples
    --------
    >>> [i.choices()[i.right()] for i in verdict_items(5)]
    ['contested', 'reproduced under an assumption', 'reproduced']
    """
    return VERDICT_ITEMS.get(lesson, ())
