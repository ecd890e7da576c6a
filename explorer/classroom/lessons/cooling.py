"""Lesson 2: cooling, PUE and the chillers' COP."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from ... import catalog, fmt, power
from ..computed import compute
from ..exercises import (
    RATIO,
    SHARE,
    Exercise,
    Kind,
    Limits,
    Match,
    Reads,
    Say,
    Trap,
)
from .city import IT_GETS, REACHES_IT
from .common import (
    ARTICLE_COOLING_RANGE,
    ARTICLE_SITE,
    CHILLER_COP,
    COOLING_SHARE,
    EXERCISES,
    FLEET_PUE_TEXT,
    IT_SHARE,
    OTHER_TEXT,
    SITE,
    SITE_MW,
    above_zero,
    add_exercise,
    article_cooling_copies,
    article_range,
    cooling_slips,
    fleet_pue,
    other_share,
)


def _heat_cop(cooling_fraction: float) -> float:
    return float(compute(cooling_fraction=cooling_fraction, site=ARTICLE_SITE).cooling_cop)


AIR_CHILLER_COP = "climate.published_cop.air-cooled-chiller-minimum"


def _the_pue_itself(pue: Callable[[], float]) -> Trap:
    """The PUE typed where its cooling share is asked ("1.15": read as 1.15 % first, but the
    PUE itself is the slip): named, not met with the generic nudge (reader 17, lesson 2)."""
    return Trap(
        "the-pue-itself",
        pue,
        "that is the PUE itself; the share of the site left for cooling is "
        "1 − 1/PUE − other losses",
        match=Match(rel_tol=0.005, unit=RATIO),
    )


add_exercise(
    Exercise(
        "pue-40",
        2,
        f"What PUE does a {fmt.percent(COOLING_SHARE)} cooling share imply, "
        f"with {OTHER_TEXT} other losses?",
        lambda: float(compute(cooling_fraction=COOLING_SHARE, overhead_fraction=other_share()).pue),
        RATIO,
        rel_tol=0.01,
        hints=(
            "PUE compares the whole site with the part that reaches the IT equipment",
            "PUE = site power ÷ IT power = 1 / (1 − cooling share − other losses)",
            f"IT gets 1 − {COOLING_SHARE:.2f} − {other_share():.2f} = {IT_SHARE:.2f} of the site; "
            f"PUE = 1 / {IT_SHARE:.2f} ≈ {1 / IT_SHARE:.2f}",
        ),
        traps=(
            Trap(
                "two-figures",
                # 1 / (1 − 0.40) = 1.67 rounded to two figures: the slip, or a cut-off answer
                lambda: fmt.rounded(1 / (1 - COOLING_SHARE), 2),
                "that is too rough to tell: at two figures it could be the PUE without the "
                "other losses, or a cut-off answer. Round the figures you drop, do not cut "
                "them off, or give three figures",
                match=Match(rel_tol=1e-9),
                kind=Kind(slip=False),
            ),
            Trap(
                "it-share",
                lambda: IT_SHARE,
                "that is IT's share of the site; PUE = site ÷ IT, so divide 1 by it",
            ),
            Trap(  # the same share typed as a bare per cent: "57" (reader 32)
                "it-share-percent",
                lambda: IT_SHARE * 100,
                "that looks like IT's share of the site, as a per cent; PUE = site ÷ IT, so "
                "divide 1 by the share as a decimal",
                match=Match(rel_tol=0.01),
            ),
            Trap(  # 40 % + 3 %: the share that does not reach IT (reader 34)
                "non-it-share",
                lambda: 1 - IT_SHARE,
                "that is the share that does not reach IT (cooling and other losses); "
                "PUE = site ÷ IT, so divide 1 by the share that does",
            ),
            Trap(  # the same typed as a bare per cent: "43"
                "non-it-share-percent",
                lambda: (1 - IT_SHARE) * 100,
                "that looks like the share that does not reach IT, as a per cent; PUE = site "
                "÷ IT, so divide 1 by the share that does, as a decimal",
                match=Match(rel_tol=0.01),
            ),
            # each hint asks for the step at the first attempt, and says it from the second
            # (reader 29: "= 0.57" at once left the student one key press)
            Trap(
                "one-plus-share",
                lambda: 1 + COOLING_SHARE,
                f"PUE is site power ÷ IT power, not 1 + cooling share: {REACHES_IT}",
                say=Say(later=IT_GETS),
            ),
            Trap(
                "one-plus-shares",
                lambda: 1 + COOLING_SHARE + other_share(),
                f"PUE is site power ÷ IT power, not 1 + the non-IT shares: {REACHES_IT}",
                say=Say(later=f"{IT_GETS}; divide 1 by that"),
            ),
            Trap(
                "forgot-other-losses",
                lambda: 1 / (1 - COOLING_SHARE),
                f"add the other losses too: {REACHES_IT}",
                match=Match(
                    rel_tol=0.01,  # 1.7 is nearer the answer's rounding than this slip
                ),
                say=Say(later=IT_GETS),
            ),
            Trap(
                "site-over-cooling",
                lambda: 1 / COOLING_SHARE,
                f"that is site ÷ cooling power; PUE divides the site by IT power: {REACHES_IT}",
                say=Say(later=IT_GETS),
            ),
            Trap(
                "site-over-non-it",
                lambda: 1 / (COOLING_SHARE + other_share()),
                "that is site ÷ non-IT power (cooling and other losses); PUE divides the site "
                f"by IT power: {REACHES_IT}",
                say=Say(later=IT_GETS),
            ),
            # the site's parts in MW, the step a student takes on the lesson's 300 MW site
            # before the PUE (reader 37-12: 171 heard "100 times too large: a percentage?")
            *(
                Trap(
                    name,
                    lambda s=share: SITE_MW * s,
                    f"that is {part} in MW, of the {SITE} site; PUE = site ÷ IT, a ratio: {then}",
                    match=Match(rel_tol=0.01, unit="MW"),
                )
                for name, share, part, then in (
                    ("it-power", IT_SHARE, "IT power", f"divide the {SITE} by it"),
                    (
                        "cooling-power",
                        COOLING_SHARE,
                        "cooling power",
                        "find the IT power first (what is left after cooling and the other "
                        "losses), then divide the site's MW by it",
                    ),
                    (
                        "non-it-power",
                        1 - IT_SHARE,
                        "the power that does not reach IT (cooling and other losses)",
                        f"take it from the {SITE} for the IT power, then divide the site's "
                        "MW by that",
                    ),
                )
            ),
        ),
    )
)


def _cooling_mw(at: str) -> tuple[Trap, Trap]:
    """The cooling in MW at the PUE `at` (a catalog cooling entry) typed in that PUE's share
    box: bare, where it reads as a percentage ("30.1" is 30.1 %: ``mw-as-share``), and with its
    unit ("98.7 MW" was told "if you meant 98.7 %, type the % sign", an absurd cooling share;
    reader 40-12). The student has the MW: the hints say the share is its part of the site."""
    bare = Trap(
        "mw-as-share",
        lambda: SITE_MW * power.cooling_share_at(at) / 100,
        f"that looks like the cooling in MW ({SITE} × the share); the question asks for the "
        "share of the site",
        match=Match(rel_tol=0.002, rounded=False),
    )
    return bare, Trap(
        "cooling-mw",
        lambda: SITE_MW * power.cooling_share_at(at),
        f"that looks like the cooling in MW, of the {SITE} site; this box asks for the share "
        f"of the site it is: divide it by the {SITE}",
        # typed with "MW", as the student worked it; a bare number only as typed to its
        # figures (a bare "30" is the article's end, `_article_end_or_mw`)
        match=Match(rel_tol=0.002, unit="MW", unit_tol=0.01, rounded=False),
    )


def _article_end_or_mw() -> tuple[Trap, ...]:
    """The article's end that the fleet's cooling in MW rounds to at two figures (30.1 MW: its
    30 %), as a trap for the bare number, which may be either; none if no end is that MW. The
    hint names only the article's end and asks for a share: "or your cooling in MW (300 MW × the
    share)" beside a 30 gave the share away, 30 ÷ 300 (reader 40-12)."""
    mw = SITE_MW * power.cooling_share_at("aws-fleet")
    return tuple(
        Trap(
            "articles-end-or-mw",
            lambda end=end: end,
            f"is that the article's {fmt.percent(end)}, the claim to check? This box asks for "
            f"the share of the site: work it out from AWS's PUE of {FLEET_PUE_TEXT}",
            match=Match(rel_tol=0.002, bare=True, rounded=False),
        )
        for end in ARTICLE_COOLING_RANGE
        if fmt.number(mw, 2) == fmt.number(100 * end)
    )


def _to_two_figures(e: Exercise) -> Exercise:
    """`e`, a lesson-2 share, whose question asks for two figures: what the checker always
    accepts (`Exercise.accepts`). "Within a twentieth of the answer either way" could not be
    turned into a range without the answer (reader 45-12); the replies still say it once a
    number is typed, and the key keeps the tolerance."""
    assert not e.needs_three() and e.accepts(e.two_figures()), e.id
    return replace(e, question=f"{e.question} Give your share to two figures or more.")


add_exercise(
    _to_two_figures(
        Exercise(
            "cooling-at-fleet-pue",
            2,
            (
                f"At AWS's fleet PUE of {FLEET_PUE_TEXT} (and {OTHER_TEXT} other losses), "
                "what share of site power goes to cooling?"
            ),
            lambda: power.cooling_share_at("aws-fleet"),
            SHARE,
            reads=Reads(subject="cooling share"),
            rel_tol=0.05,
            hints=(
                "start from the share of the site that reaches IT: that is 1 / PUE",
                "cooling share = 1 − 1/PUE − other losses",
                f"1 − 1/{FLEET_PUE_TEXT} = {fmt.percent(1 - 1 / fleet_pue())} is all non-IT power; "
                f"minus {OTHER_TEXT} other losses leaves {fmt.percent(power.cooling_share_at())}",
            ),
            traps=(
                *cooling_slips(fleet_pue, FLEET_PUE_TEXT),
                _the_pue_itself(fleet_pue),
                # the cooling MW of the next exercise typed here, read as a per cent (30.1 MW →
                # 30.1 %): said as MW, not as the article's 30 % copied (reader 25); only the
                # number itself, so that "30" stays the article's end
                Trap(
                    # reader 26: "100 %" was told "10 times too large"
                    "whole-site",
                    lambda: 1.0,
                    "that would leave nothing for the IT: cooling is only a part of the site's "
                    "power",
                    match=Match(rel_tol=0.005, unit=SHARE),
                ),
                *_cooling_mw("aws-fleet"),
                # a bare "30" is the article's low end and also the next box's MW rounded
                # (reader 38-12), said as the article's end only (reader 40-12: "or your MW,
                # 300 MW × the share" gave 30 ÷ 300 away); "30 %" and "0.3" are shares typed as
                # such, the article's
                *_article_end_or_mw(),
                # the article's own shares, copied (reader 14): its claim, not AWS's PUE turned
                # round
                *article_cooling_copies(f"work out the share from AWS's PUE of {FLEET_PUE_TEXT}"),
            ),
        )
    )
)
add_exercise(
    Exercise(
        "cooling-mw-fleet",
        2,
        f"At AWS's fleet PUE, how many MW of a {SITE} site go to cooling? (MW)",
        lambda: SITE_MW * power.cooling_share_at("aws-fleet"),
        "MW",
        hints=(
            f"find the cooling share first (the exercise above), then take that share of {SITE}",
            "cooling power = site power × (1 − 1/PUE − other losses)",
            f"{SITE} × {fmt.percent(power.cooling_share_at(), 4)} ≈ "
            f"{fmt.number(SITE_MW * power.cooling_share_at())} MW",
        ),
        # the worked step prints the fleet's cooling share, the exercise above's answer
        # (reader 37-12)
        waits_for=("cooling-at-fleet-pue",),
        traps=(
            *article_cooling_copies(f"use AWS's PUE of {FLEET_PUE_TEXT}", of=SITE_MW, slip=True),
            *cooling_slips(fleet_pue, FLEET_PUE_TEXT, of=SITE_MW, it_share=False),
            # the other parts of the site, in MW, and the share typed as MW (reader 24)
            Trap(  # reader 27: 300 MW typed back got "10 times too large"
                "whole-site",
                lambda: SITE_MW,
                f"that is the whole site's power ({SITE}); cooling is the share of it left "
                "after the IT and the other losses",
            ),
            Trap(
                "it-power",
                lambda: SITE_MW / fleet_pue(),
                f"that is IT power ({SITE} ÷ {FLEET_PUE_TEXT}); cooling is part of what is left",
            ),
            Trap(
                "it-plus-other",
                lambda: SITE_MW * (1 / fleet_pue() + other_share()),
                "that is IT and the other losses together; cooling is what is left of "
                f"{SITE} after both",
            ),
            Trap(
                "other-losses",
                lambda: SITE_MW * other_share(),
                f"that is the {OTHER_TEXT} other losses of {SITE}; cooling is what is left after "
                "IT and these",
            ),
            Trap(
                "share-as-mw",
                lambda: power.cooling_share_at("aws-fleet") * 100,
                f"that looks like a share written as a per cent; the question asks for MW: take "
                f"that share of {SITE}",
            ),
            Trap(  # the share as a decimal, "0.1", is the same slip (reader 38-12)
                "share-as-decimal",
                lambda: power.cooling_share_at("aws-fleet"),
                f"that looks like a share written as a decimal; the question asks for MW: take "
                f"that share of {SITE}",
            ),
        ),
    )
)


def survey_pue() -> float:
    """The industry survey's average PUE (the catalog's).

    Examples
    --------
    >>> survey_pue()
    1.56
    """
    return catalog.value("cooling.industry-average.pue", "dimensionless")


_SURVEY = fmt.number(survey_pue())
# lesson 2's pair work (reader 17): the survey's PUE turned into a cooling share, answered in its
# own box so that the check that converts it opens only afterwards
add_exercise(
    _to_two_figures(
        Exercise(
            "cooling-at-survey-pue",
            2,
            (
                f"At the industry-wide survey's average PUE of {_SURVEY} (and {OTHER_TEXT} other "
                "losses), "
                "what share of site power goes to cooling?"
            ),
            lambda: power.cooling_share_at("industry-average"),
            SHARE,
            # the pairs' verdict on the article's range is written on paper (reader 46-12)
            reads=Reads(subject="cooling share", verdict=f"the article's {article_range()}"),
            rel_tol=0.05,
            hints=(
                "the same steps as for AWS's fleet PUE: IT gets 1 / PUE of the site",
                "cooling share = 1 − 1/PUE − other losses",
                f"1 − 1/{_SURVEY} = {fmt.percent(1 - 1 / survey_pue())} is all non-IT power; "
                f"minus {OTHER_TEXT} other losses leaves "
                f"{fmt.percent(power.cooling_share_at('industry-average'))}",
            ),
            traps=(
                *cooling_slips(survey_pue, _SURVEY),
                Trap(
                    "fleet-pue",
                    lambda: power.cooling_share_at("aws-fleet"),
                    f"that is the share at AWS's fleet PUE of {FLEET_PUE_TEXT}, the exercise "
                    "above; this one "
                    f"asks at the survey's {_SURVEY}",
                ),
                _the_pue_itself(survey_pue),
                # the survey's cooling in MW typed as its share (98.7 MW → 98.7 %), as the fleet's
                # mw-as-share (reader 32)
                *_cooling_mw("industry-average"),
                # the article's middle 40 % too: section 1 has just used it (reader 24)
                *article_cooling_copies(
                    f"work out the share from the survey's PUE of {_SURVEY}", coarse=True
                ),
            ),
        )
    )
)


def _yardsticks() -> tuple[tuple[float, str], ...]:
    """The chillers' minimum COPs lesson 2 gives above the COP box, each with what it is."""
    return (
        (catalog.entry(CHILLER_COP).value, "the water-cooled chillers' yardstick"),
        (catalog.entry(AIR_CHILLER_COP).value, "the air-cooled chillers' yardstick"),
    )


add_exercise(
    Exercise(
        "cop-article",
        2,
        (
            f"What COP does the article's middle, {fmt.percent(COOLING_SHARE)} cooling, imply "
            f"for the {SITE} site? (COP = heat removed ÷ cooling power; the heat removed is "
            "what the IT and the other losses use.)"
            # the yardsticks are said once, in the text above the box, and on the worksheet
            # beside it: in the box too they made a 90-word question (reader 38-12)
        ),
        lambda: _heat_cop(COOLING_SHARE),
        RATIO,
        # the yardsticks, given in the text above the box (reader 38-12: no longer in its
        # question), typed back are copied
        reads=Reads(given=_yardsticks, subject="COP"),
        rel_tol=0.03,
        limits=Limits(
            possible=above_zero,
            possible_why="a COP is the heat moved ÷ the cooling's power, both more than zero",
        ),
        hints=(
            "the heat to remove is what the IT and the electrical system use; the cooling "
            "plant's electricity moves it",
            "COP = heat removed ÷ cooling power = (IT + other losses) ÷ cooling",
            f"heat removed = {SITE} × (1 − {COOLING_SHARE:.2f}) = "
            f"{fmt.number(SITE_MW * (1 - COOLING_SHARE))} MW; cooling = "
            f"{fmt.number(SITE_MW * COOLING_SHARE)} MW; COP = "
            f"{fmt.number(SITE_MW * (1 - COOLING_SHARE))} ÷ "
            f"{fmt.number(SITE_MW * COOLING_SHARE)} = {fmt.number(_heat_cop(COOLING_SHARE))}",
        ),
        traps=(
            Trap(  # section 1's answer typed back: the PUE of the same 40 % (reader 40-12)
                "the-pue",
                lambda: EXERCISES["pue-40"].answer(),
                "that is the PUE (site ÷ IT) of section 1; the COP is heat removed ÷ cooling power",
                # not "1.8": an estimate rounded as coarsely lands there too
                match=Match(rel_tol=0.01, rounded=False),
            ),
            Trap(
                "it-only",
                lambda: IT_SHARE / COOLING_SHARE,
                "the other losses end up as heat in the halls too: heat removed = IT + other "
                "losses",
                # 1.425: "1.4" is this slip rounded, in a prediction too (reader 17)
                match=Match(
                    # the slip's own value (1.425, 1.42, 1.43; 1.4 as the slip rounded): at ±3 %
                    # the near estimate 1.45 was told this slip (reader 36-12)
                    rel_tol=0.01,
                    # a prediction of 1.4 may be an estimate, not this slip (reader 26)
                ),
                say=Say(lead="If you took the heat as the IT power alone, that is a common slip"),
            ),
            Trap(
                "inverted",
                lambda: COOLING_SHARE / (1 - COOLING_SHARE),
                "that is cooling power ÷ heat; the COP is heat moved per watt of cooling",
            ),
            Trap(
                "heat-rejected",
                lambda: 1 / COOLING_SHARE,
                "that is the heat rejected outside (the whole site) ÷ cooling; the COP counts "
                "the heat taken out of the halls, without the plant's own",
                # 2.5 is also a natural estimate: a prediction is told the slip only as a
                # condition ("If you worked it out"), as the PUE's 1.75; not "fair": it is 67 %
                # off, where 2 and 2.2 are told how far off they are (reader 47-12)
            ),
        ),
        worked=True,
    )
)


# lesson 2's hook guess, committed in the notebook (`widgets.commit_way`) before the verdict
# table that answers it opens (reader 51-12: on paper only, on trust)
BOTH_TRUE_WAY = "both-true-guess"
BOTH_TRUE_WAYS = ("likely", "unlikely", "impossible")
BOTH_TRUE_ASK = (
    "can the article's cooling share and AWS's fleet PUE both be true: likely, unlikely or "
    "impossible?"
)
