"""Lesson 5's recompute stations: the group's own number against the station's computation."""

from __future__ import annotations

import dataclasses
import re
from functools import cache

from ... import catalog, fmt, power
from ...systems import system_table
from ...units import factor
from .. import factcheck
from ..computed import compute
from ..exercises import RATIO, SHARE, Exercise, Feedback, Kind, Match, Trap, read
from ..exercises import check as _check
from ..exercises import label as answer_label
from ..reading import normalise, typed_numbers, worked
from .capstone import TWICE, capstone_value, it_at_pue_w, pue_chip_traps
from .city import article_city_mw
from .common import (
    EXERCISES,
    FLEET_PUE_TEXT,
    OTHER_TEXT,
    SITE,
    SITE_MW,
    STATION_BASIS,
    article_cooling_copies,
    chip_value,
    chips_in,
    cooling_slips,
    fleet_pue,
    other_basis,
    people_in_households,
    trn2_all_in_w,
    trn2_chips_step,
)
from .cooling import survey_pue


# Lesson 5's recompute stations check the group's own number (reader 13: the fields accepted
# anything, so "1,536 GB" for 16 × 96 GiB or 83.1 "TFLOP/s" went unremarked until the vote). A
# station's check says whether the number is the station's computation, with the unit and
# typical slips' hints, never the explorer's value or a verdict. Where an earlier lesson asks the
# same computation its exercise is reused; the others are here. They are not lesson exercises
# (not in `EXERCISES`): the station's number is the group's working, not an answer to reveal.
def _station_exercise(
    claim_id: str, unit: str, traps: tuple[Trap, ...] = (), rel_tol: float = 0.05
) -> Exercise:
    c = factcheck.claim(claim_id)
    how = c.how
    return Exercise(
        f"station-{claim_id}",
        5,
        c.recompute(),
        lambda: _station_value(claim_id),
        unit,
        hints=(f"the station's computation is {how}", how, how),
        traps=traps,
        rel_tol=rel_tol,
    )


def _station_trap(t: Trap) -> Trap:
    """Lesson 3's UltraServer trap as the fact-check station says it: the sparse figure (AWS's
    164 PF, twice the article's 83.2) without "dense is half of it", the sparse row's own
    debate, which a station's check never settles (reader 32)."""
    us = factcheck.claim("us-fp8")
    if t.id == "sparse-halved":
        # reader 34: a bare "82" (a near miss) was told "the systems' table" (not on this page)
        # halves the sparse figure, and the sparse row's 1.97 ratio; said only to the halving
        # typed, and without them
        sparse = (
            chip_value("trn2", "fp8_sparse", "TFLOP/s"),
            chip_value("trn2", "fp8_sparse", "PFLOP/s"),
            float(system_table().fp8_sparse.sel(system="trn2-ultraserver")),
        )
        return dataclasses.replace(
            t,
            hint="that halves the sparse figure; the station asks for "
            f"{us.how}, the chips × one chip's dense FP8 as AWS publishes it",
            # its exact value (82.02) or a calculation that rounds to it; a bare "82" is no
            # halving (`rounded` False) but a near miss
            match=Match(rel_tol=1e-4, rounded=False, method=lambda: sparse, method_at_value=True),
        )
    if t.id == "article-sparse":
        # reader 36: lesson 3's hint names the article's sparse factor (4 × dense), the sparse
        # row's crux, which a station's check never settles before the vote
        return dataclasses.replace(
            t,
            hint="that is a sparse figure, not the dense FP8 this claim names; the station "
            f"asks for {us.how}, the chips × one chip's dense FP8",
        )
    if t.id != "sparse":
        return t
    # reader 43-56: "about twice the article's 83.2" missed the slip the station's note is
    # about, 64 × one chip's sparse 2,563 TFLOP/s; and within ±0.5 % only, so that 166
    # (128 × 1,299) is not told it used a sparse figure
    return dataclasses.replace(
        t,
        hint="that uses one chip's sparse figure; the claim is dense FP8: the station asks for "
        f"{us.how}, the chips × one chip's dense FP8",
        match=dataclasses.replace(t.match, rel_tol=0.005),
    )


def _sparse_factor() -> float:
    """The article's sparse factor (4: sparse as 4 × dense)."""
    return float(factcheck.sparse_factors()[0])


def _chip_rounded(answer: object) -> bool:
    """Whether a calculation typed uses one Trainium2 chip's dense FP8 rounded to two figures
    (1.3 PFLOP/s or 1,300 TFLOP/s for 1,299 TFLOP/s)."""
    if not isinstance(answer, str) or not worked(answer):
        return False
    chip = chip_value("trn2", "fp8_dense", "TFLOP/s")
    rounded = fmt.rounded(chip, 2)
    typed = typed_numbers(normalise(answer))
    return any(n in (rounded, rounded * factor("TFLOP/s", "PFLOP/s")) for n in typed)


def _station_value(claim_id: str) -> float:
    """The number a station's computation gives, in the unit its field asks for."""
    if claim_id == "in-power":
        return catalog.value("sites.rainier-indiana.site_power", "MW") / catalog.value(
            "sites.rainier-indiana.buildings", "dimensionless"
        )
    if claim_id == "trn2-hbm":
        return chips_in("trn2-instance") * chip_value("trn2", "hbm_capacity", "GiB")
    if claim_id == "trn2-sparse":
        return float(system_table().fp8_sparse.sel(system="trn2-instance"))
    return float(factcheck.claim(claim_id).value())


_GIB_AS_GB = factor("GB", "GiB")  # a number of GB read in GiB (1 GB = 0.931 GiB)
# the memory station's advice after a decimal-for-binary unit slip, and how much bigger the
# binary unit is (from the unit registry, not typed: a GiB is 7 % more than a GB, a TiB 10 %)
_WORK_IN_GIB = (
    f"Work in GiB, the chips × one chip's GiB, and divide by {factor('TiB', 'GiB'):,.0f} for TiB"
)


def _more(binary: str, decimal: str) -> str:
    """How much bigger a binary unit is than its decimal namesake, in whole per cent ("7 %")."""
    return f"{round((factor(binary, decimal) - 1) * 100)} %"


def _articles_figure(claim_id: str, rel_tol: float, computed: str = "", hint: str = "") -> Trap:
    """The claim's own number typed at its station: copied, not computed (reader 14: the city's
    250,000 drew the households hint, the UltraServer's 83.2 "that is the station's computation").
    `rel_tol` is tight enough that a computation near the figure (245,264 households, 83.1
    PFLOP/s) is not taken for a copy. `hint` replaces the "compute it yourself" where the
    station's own figures give the article's number too (`_fp8_instances_route`)."""
    return Trap(
        "articles-figure",
        lambda: float(factcheck.claim(claim_id).claimed),
        hint
        or "that is the article's figure, the one to check: compute it yourself from the "
        "station's figures, then compare",
        match=Match(rel_tol=rel_tol),
        kind=Kind(figures=True, computed=computed),
    )


def _person_mwh() -> str:
    """One US person's yearly electricity, all sectors, in MWh as the city station's hint says
    it ("12.2")."""
    per = compute(site_power=SITE_MW, basis="us-person").basis_value
    return fmt.number(float(per) * factor("kWh", "MWh"))


def _rounded_instances() -> str:
    """What the UltraServer's 83.2 worked out from the station's instance figure or a chip's
    rounded one (4 × 20.8 PF, 64 × 1.3 PF) is told: not the station's computation, with no copy
    alleged (reader 19) and not accepted (reader 29). Reader 31: it said "AWS's published 83.2,
    from figures rounded on the way", the hidden row and the rounding argument, the claim's
    verdict, before the vote; it now names the computation only. Reader 33: "not the station's
    computation" was wrong: it is the UltraServer's dense FP8, from another figure than one
    chip's as printed. Said so, without "rounded" (reader 31: the claim's verdict) or
    "instance" (reader 26). Reader 41: "that is the UltraServer's dense FP8" named the held AWS
    row before the group's number checked; the reply says where the number came from (other
    figures than the station's chip figure) and names no figure it equals."""
    return (
        "that works it out from other figures than one chip's as the station prints it: the "
        f"station's computation is {factcheck.claim('us-fp8').how} (the chips × one chip's dense "
        "FP8). Do it and compare your two numbers."
    )


def _memory_unit(answer: object) -> str:
    """The decimal memory unit an answer is typed in ("GB", "TB", or spelled out: "gigabytes",
    "terabyte"), or "" (GiB, TiB or none). Reader 48: "1,536 gigabytes", the article's figure
    in words, was told it was that figure converted to binary units."""
    found = re.search(r"\b([GT])(?:B|igabytes?|erabytes?)\b", str(answer), re.IGNORECASE)
    return f"{found[1].upper()}B" if found else ""


def _memory_gb(typed: str = "GB", tb: float | None = None) -> str:
    """What the memory station says to a number near the article's "1,536 GB" read at 10⁹
    bytes a GB, by the unit it is `typed` in: the article's figure as printed (GB), AWS's
    launch news (TB; `tb`, the answer read in TB, tells the article's figure written in TB
    from it), or that figure written in GiB (""); the computation asked for in the
    chip's unit, and which GB the article means left to the debate (reader 33: "a GB is 10⁹
    bytes" was the challenger's argument, said here only of what the student did)."""
    c = factcheck.claim("trn2-hbm")
    ask = f"Your computation, {c.how}, is in the chip's unit, GiB"
    judge = "Which sense of GB the article means is the claim you judge"
    if typed == "TB" and tb is not None and abs(tb * 1000 / c.claimed - 1) <= 0.005:
        # reader 35: "1.536 TB" is the article's 1,536 GB in TB, not AWS's rounded 1.5 TB
        return (
            f"that is the article's {fmt.number(c.claimed)} GB written in TB. {ask}: do it, "
            f"type GiB, and compare. {judge}"
        )
    if typed == "TB":  # reader 34: AWS's launch news, printed at the station
        news = catalog.value("systems.trn2-instance.announced_hbm_capacity", "TB")
        return (
            f"{fmt.number(news)} TB is AWS's launch news for the instance, rounded, in TB. "
            f"{ask}: do it, type GiB, and compare. {judge}"
        )
    if typed != "GB":  # reader 34: "1430 GiB", the article's GB converted at 10⁹ bytes
        # reader 48: "in binary units, reading a GB as 10⁹ bytes" was hard to parse
        return (
            f"that converts the article's {fmt.number(c.claimed)} GB, taken as 10⁹ bytes each, "
            f"into GiB. {ask}: do it and compare. {judge}"
        )
    return (
        f"{fmt.number(c.claimed)} GB is the article's figure as printed. {ask}: type GiB to "
        f"check it. {judge}"
    )


def _fp8_instances_route() -> str:
    """What a bare 83.2 typed at the UltraServer's station earns: the article's figure, the one
    to check, with no copy alleged (it may be 4 × the station's 20.8 PF: reader 27) and nothing
    said of AWS's hidden row or of rounding (reader 31: that was the verdict's argument)."""
    return (
        f"{fmt.number(factcheck.claim('us-fp8').claimed)} is the article's figure, the one to "
        f"check. The station's computation is {factcheck.claim('us-fp8').how} (the chips × one "
        "chip's dense FP8): do it and compare the two"
    )


def _station_cooling(pue_key: str, articles: bool = False) -> Exercise:
    """The cooling station's computation with one of its two PUEs (`pue_key`: a catalog cooling
    entry), 1 − 1/PUE − other losses, and that computation's slips said with that PUE. With
    `articles`, the article's own shares typed are asked for a computation, without saying
    which PUE to use: that is the debate's question (reader 16: "use AWS's PUE" settled it)."""

    def pue() -> float:
        return catalog.value(f"cooling.{pue_key}.pue", "dimensionless")

    shown = fmt.number(pue())
    article = article_cooling_copies(
        "compute the share yourself from one of the station's PUEs, then compare"
    )
    return Exercise(
        f"station-ms-cooling-{pue_key}",
        5,
        factcheck.claim("ms-cooling").recompute(),
        lambda: power.cooling_share_at(pue_key),
        SHARE,
        rel_tol=0.05,
        hints=(
            "start from the share of the site that reaches IT: that is 1 / PUE, with one of "
            "the station's PUEs",
            "cooling share = 1 − 1/PUE − other losses",
            "cooling share = 1 − 1/PUE − other losses",
        ),
        traps=(
            _all_to_cooling(),
            *(article if articles else ()),
            *(_non_it_powers() if articles else ()),
            *cooling_slips(pue, shown),
            *(_cooling_powers() if articles else ()),
            *((_newer_fleet_pue(),) if pue_key == "aws-fleet" else ()),
        ),
    )


def _all_to_cooling() -> Trap:
    """A share of (nearly) all the site for cooling: not a decimal slip ("10 times too large",
    reader 48: said to "100%"), but a share that leaves nothing for IT."""
    return Trap(
        "all-to-cooling",
        lambda: 1.0,
        "cooling cannot take (nearly) all the site's power: a share of the site's power that "
        "large leaves nothing for IT, the chips the site exists to run. Start from the share "
        "that reaches IT, 1 / PUE",
        kind=Kind(slip=False),
        match=Match(rel_tol=0.03, rounded=False),  # 97 % to 103 %
    )


def _newer_fleet_pue() -> Trap:
    """The share at AWS's newer fleet PUE (2025's 1.14): the method right, from a published PUE
    that is not the one in the station's table (2023 and 2024's 1.15)."""
    # reader 40: a group that looked the 2025 figure up was told "a little too low"
    entry = catalog.entry(f"climate.{factcheck.FLEET_2025}")
    station = catalog.entry("cooling.aws-fleet.pue")
    return Trap(
        "newer-fleet-pue",
        lambda: power.cooling_fraction_for_pue(entry.value),
        f"that is the share at AWS's fleet PUE for {entry.date} ({fmt.number(entry.value)}), "
        f"a newer figure than the station's. The station's table gives "
        f"{fmt.number(station.value)} ({station.date}): work the share from that one, so "
        "every group compares the same numbers",
        kind=Kind(slip=False),
        match=Match(rel_tol=0.015),  # 9.14 % to 9.42 %: clear of the station's 9.52 %
    )


def _cooling_powers() -> tuple[Trap, ...]:
    """The cooling station's cooling power in MW at each of its PUEs, typed bare where the share
    is asked (reader 23: "30.1", 30.1 MW at AWS's fleet PUE, was read as 30.1 % and called the
    article's 30 %)."""
    return tuple(
        Trap(
            f"cooling-power-{key}",
            lambda key=key: power.cooling_share_at(key) * SITE_MW,
            "that looks like a cooling power in MW (the share × the site's "
            f"{SITE}); the field asks for the share itself: that power ÷ the site's power",
            match=Match(
                rel_tol=0.003,  # 30.1, not 30: a bare 30 is first the article's 30 % (reader 22)
                unit="MW",
                unit_tol=0.05,  # "30 MW" says it is a power: the station's ±5 % (reader 30)
            ),
        )
        for key, _ in STATION_WAYS["ms-cooling"]
    )


def _non_it_powers() -> tuple[Trap, ...]:
    """All non-IT power in MW at each of the cooling station's PUEs (300 − 300/PUE), typed bare
    where the share is asked (reader 37: AWS's 39.1 MW was read as 39.1 % and told it was right
    to start from the other PUE, 1 − 1/1.56). Tight, as `_cooling_powers`: 38.9 %, the other
    losses added at the industry's PUE, stays that slip."""
    return tuple(
        Trap(
            f"non-it-power-{key}",
            lambda key=key: (1 - 1 / _pue(key)) * SITE_MW,
            f"that looks like all non-IT power in MW at a PUE of {fmt.number(_pue(key))}; the "
            f"field asks for a share: divide it by the site's {SITE}, then subtract the "
            f"{OTHER_TEXT} other losses (they are not cooling)",
            # bare only: "39.1 %" is a share typed (the other losses added at 1.56, near), and
            # "39.1 MW" is judged as its share of the site (`check_station`)
            match=Match(rel_tol=0.003, rounded=False, bare=True),
        )
        for key, _ in STATION_WAYS["ms-cooling"]
    )


def _pue(key: str) -> float:
    """A cooling entry's PUE from the catalog."""
    return catalog.value(f"cooling.{key}.pue", "dimensionless")


# a PUE typed in a share's box: "1.75", "PUE 1.5", "1.43 PUE", "PUE = 2.0" (reader 37: read as
# 1.75 %, and "1.43 PUE" told to leave out "PUE")
_PUE_TYPED = re.compile(
    r"^\s*(?:(?P<pre>PUE)\s*(?:of|=|:|is)?\s*)?(?P<x>\d+(?:\.\d+)?)\s*(?P<post>PUE)?\s*$",
    re.IGNORECASE,
)


def _typed_pue(answer: object) -> str | None:
    """The PUE an answer typed in a share's box is, or None: a number with the word PUE, or a
    bare decimal between 1 and 3 (a cooling share of 1.75 % is no computation here; "3" may be
    the other losses)."""
    m = _PUE_TYPED.match(str(answer)) if isinstance(answer, str) else None
    if m is None:
        return None
    x = float(m["x"])
    named = bool(m["pre"] or m["post"])
    return m["x"] if (named and x >= 1) or ("." in m["x"] and 1 < x < 3) else None


# "0.1 × 300", "(1 - 1/1.15 - 0.03) * 300": a calculation that multiplies by the site's power
_TIMES = re.compile(r"[*×·]|(?<=[\d\s)])x(?=[\s\d(])")


# "300 − 300/1.15": a calculation that takes a power from the site's power (reader 31)
_MINUS = re.compile(r"(?<=[\d\s)])[-−](?=[\s\d(])")


def _times_site(answer: object, ops: re.Pattern = _TIMES) -> float | None:
    """The power in MW a calculation typed at a share station gives when it multiplies by the
    site's power (or, with `ops` `_MINUS`, subtracts from it) and never divides by it ("0.1 ×
    300" → 30), else None."""
    if not isinstance(answer, str) or not ops.search(answer):
        return None
    numbers = [float(n.replace(",", "")) for n in re.findall(r"\d[\d,]*(?:\.\d+)?", answer)]
    divided = re.search(rf"/\s*\(?\s*{fmt.number(SITE_MW)}(?![\d.])", answer)
    if SITE_MW not in numbers or divided:
        return None
    for unit in ("MW", RATIO):
        got = read(answer, unit).value
        if got is not None:
            return got
    return None


# A station whose figures allow two computations (the cooling station's two PUEs): each with
# the words its right answer is confirmed with; which one is the claim's own terms is the vote's
STATION_WAYS = {
    "ms-cooling": (
        ("aws-fleet", "with AWS's fleet PUE"),
        ("industry-average", "with the industry's average PUE"),
    ),
}


@cache
def _station_ways() -> dict[str, tuple[tuple[Exercise, str], ...]]:
    """Each station's computations, the first the station's own (`STATION_CHECKS`), with the
    words a right answer is confirmed with."""
    ways = {c: ((e, ""),) for c, e in _station_checks().items()}
    for claim_id, pues in STATION_WAYS.items():
        ways[claim_id] = tuple(
            (_station_checks()[claim_id] if i == 0 else _station_cooling(key), said)
            for i, (key, said) in enumerate(pues)
        )
    return ways


@cache
def _station_checks() -> dict[str, Exercise]:
    """`STATION_CHECKS`, built on first use: the stations' computations come from the fact-check's
    claims, which importing the lessons does not build."""
    return {
        "ms-city": _station_exercise(
            "ms-city",
            "people",
            (
                _articles_figure("ms-city", 0.001),  # 250,000 ± 250: not the 245,264 households
                Trap(
                    "households",
                    lambda: float(
                        compute(site_power=SITE_MW, basis="us-household").city_households
                    ),
                    "that is the city in households (÷ a household's use); the station's "
                    "computation "
                    "divides by one person's use",
                    # "245,000 households" typed with its unit gets this hint too (reader 19)
                    match=Match(unit="households"),
                ),
                # the city table's other per-person rows (reader 16: the homes-only 592,000 got
                # the hint "÷ annual electricity per person", which is what the student did)
                *(
                    other_basis(b, "the station's computation divides by")
                    for b in ("us-person-residential", "us-ms-person", "world-person")
                ),
                Trap(
                    "people-in-households",
                    people_in_households,
                    "that is the people living in the households' homes (households × people "
                    "per home); the station's computation divides the site's energy by one "
                    "person's use, all sectors",
                ),
                # reader 52 D6: the site's energy in a year, the right first half, typed bare
                # (in MWh or GWh) heard only the recipe again
                *(
                    Trap(
                        f"site-energy-{unit.lower()}",
                        lambda unit=unit: (
                            float(compute(site_power=SITE_MW, basis="us-person").annual_energy)
                            * factor("GWh", unit)
                        ),
                        f"that is the site's energy in a year, in {unit}: the right first half. "
                        "Now divide it by one person's yearly use, "
                        f"{_person_mwh()} MWh",
                    )
                    for unit in ("MWh", "GWh")
                ),
                # reader 21: lesson 1's turned-round city (250,000 people draw 348 MW) is the
                # other valid route, and was told only "that is a power"
                Trap(
                    "city-power",
                    article_city_mw,
                    "right comparison, the other way round: that is the article's city's power, "
                    f"to set beside the site's {SITE}; the field asks for the people "
                    f"{SITE} supplies",
                    match=Match(rel_tol=0.05, unit="MW"),
                ),
            ),
        ),
        "ms-cooling": _station_cooling("aws-fleet", articles=True),
        # lesson 3's exercise, with a round figure named as one (reader 16: a round 250,000, an
        # estimate, drew "don't divide by the PUE again", a slip the student never made)
        # reader 17: the station shows the PUE, not a cooling share, so its hints go by the PUE
        # (site ÷ PUE is the IT power), and the two ways of taking the other losses off a PUE
        # (again after ÷ PUE; with PUE − 1 read as cooling) are named, not "near"
        "ms-chips": dataclasses.replace(
            EXERCISES["trn2-chips-300mw"],
            # the station's computation, site ÷ PUE ÷ one chip all in (286,669), as lesson 6's
            # step 1 and the vote's chips row give it, not lesson 3's from its rounded cooling
            # share (286,813): one range in both answer keys (reader 31)
            answer=lambda: capstone_value("chips_supported"),
            hints=(
                "only IT power feeds the chips, and the PUE says how much of the site reaches IT",
                "chips = site power ÷ PUE ÷ (TDP × server overhead)",
                f"{SITE} ÷ {FLEET_PUE_TEXT} = {fmt.quantity(SITE_MW / fleet_pue(), 'MW')}; "
                f"{trn2_chips_step(it_at_pue_w())}",
            ),
            # the PUE method's own traps first (reader 18: the whole site got lesson 3's "only
            # 1 − 0.10 − 0.03 of the site reaches the chips", the cooling station's answer and
            # not this station's method); the round figure before the PUE divided twice, which
            # is near it
            traps=(
                *pue_chip_traps()[:TWICE],
                Trap(
                    "round-figure",
                    lambda: float(factcheck.claim("ms-chips").claimed),
                    "that is a round figure, not yet the station's computation: if you "
                    "estimated it, work it from the station's figures to three figures; if you "
                    "computed it, check that you did not divide by the PUE again after taking "
                    "off cooling",
                    match=Match(rel_tol=0.001),
                    kind=Kind(figures=True),
                ),
                *pue_chip_traps()[TWICE:],
                # reader 29: the cooling station next door accepts the industry's average PUE
                # as its second computation; carried here it got only "too low"
                Trap(
                    "industry-pue",
                    lambda: SITE_MW * factor("MW", "W") / survey_pue() / trn2_all_in_w(),
                    "that uses the industry's average PUE "
                    f"({fmt.number(survey_pue())}); this station's figures use AWS's fleet "
                    f"PUE ({FLEET_PUE_TEXT}), the PUE AWS reports for its own sites",
                ),
                *(
                    t
                    for t in EXERCISES["trn2-chips-300mw"].traps
                    if t.id not in {p.id for p in pue_chip_traps()}
                ),
            ),
        ),
        "in-power": _station_exercise(
            "in-power",
            "MW",
            (
                Trap(
                    "whole-campus",
                    lambda: catalog.value("sites.rainier-indiana.site_power", "MW"),
                    "that is the whole campus; the station asks for one building's share",
                ),
                Trap(  # reader 30: the note's own comparison, typed in the MW box
                    "building-vs-site",
                    lambda: _station_value("in-power") / SITE_MW,
                    "that is the comparison the note asks for, one building beside the "
                    f"{SITE} site; the box wants the power of one building in MW",
                    match=Match(rel_tol=0.05, unit=SHARE),
                ),
            ),
        ),
        # lesson 3's exercise, with the article's 83.2 copied (83.136 rounds to 83.1: ± 0.025 only)
        "us-fp8": dataclasses.replace(
            EXERCISES["ultraserver-fp8"],
            traps=(
                _articles_figure("us-fp8", 0.0003, _rounded_instances(), _fp8_instances_route()),
                *(_station_trap(t) for t in EXERCISES["ultraserver-fp8"].traps),
                # reader 38: 41 (16 × one chip's sparse, the sparse station's computation)
                # was told "two 16-chip instances"; 41.6 stays that slip (±0.5 %, not 41.0)
                Trap(
                    "sparse-station",
                    lambda: float(system_table().fp8_sparse.sel(system="trn2-instance")),
                    "that looks like the sparse station's number (one instance's chips × one "
                    "chip's sparse figure); this station asks for "
                    f"{factcheck.claim('us-fp8').how}, the chips × one chip's dense FP8",
                    match=Match(rel_tol=0.005),
                ),
                # 166: 128 × 1,299 or the article's 83.2 doubled, no sparse figure (reader
                # 43-56: the sparse trap, now ±0.5 %, no longer takes it)
                Trap(
                    "doubled",
                    lambda: 2 * _station_value("us-fp8"),
                    "that is about twice the article's "
                    f"{fmt.number(factcheck.claim('us-fp8').claimed)}: count the chips again; the "
                    f"station asks for {factcheck.claim('us-fp8').how}, the chips × one chip's "
                    "dense FP8",
                    match=Match(rel_tol=0.01),
                ),
                # half the UltraServer (reader 28: 41.6 was told "the right size")
                Trap(
                    "two-instances",
                    lambda: float(system_table().fp8_dense.sel(system="trn2-instance")) * 2,
                    "that is half of it: two "
                    f"{fmt.number(chips_in('trn2-instance'))}-chip instances; an UltraServer "
                    "joins "
                    f"{fmt.number(chips_in('trn2-ultraserver') / chips_in('trn2-instance'))}",
                ),
            ),
        ),
        "trn2-sparse": _station_exercise(
            "trn2-sparse",
            "PFLOP/s",
            (
                # 16 × 4 × 1,299 TF = 83.1 PF, the Journalist's "4× on paper" lead worked out,
                # before the article's 83.2 that "83" also rounds (reader 21: it was told "that
                # is the article's figure", as if copied)
                Trap(
                    "article-factor",
                    lambda: (
                        float(factcheck.sparse_factors()[0])
                        * float(system_table().fp8_dense.sel(system="trn2-instance"))
                    ),
                    # reader 38: "the article's factor" said how the article got its figure,
                    # the Journalist's lead, before the vote; and 83.1 is likelier the previous
                    # station's 64 chips × one chip's dense
                    f"that is {fmt.number(chips_in('trn2-ultraserver'))} chips × one chip's "
                    "dense FP8, the UltraServer's dense figure (and also "
                    f"{factcheck.sparse_factors()[0]} × this instance's dense); the station "
                    f"asks for this instance's {fmt.number(chips_in('trn2-instance'))} chips × "
                    "one chip's sparse figure, as AWS publishes it",
                    match=Match(
                        rel_tol=0.0005,  # 83.136 ± 0.04: not the article's 83.2
                    ),
                ),
                # reader 31: 2 × the instance's dense 20.8 PF = 41.6, within ±5 % of 41.0, was
                # "the station's computation": a factor of two assumed, not AWS's sparse figure.
                # By its method only: 16 × 2.6 PF (one chip's sparse, rounded) is 41.6 too
                Trap(
                    "twice-dense",
                    lambda: 2 * float(system_table().fp8_dense.sel(system="trn2-instance")),
                    "that is 2 × the instance's dense figure, a factor you assumed; the station "
                    "asks for the chips × one chip's sparse figure, as AWS publishes it",
                    match=Match(
                        rel_tol=0.005,
                        method_at_value=True,
                        method=lambda: (
                            float(system_table().fp8_dense.sel(system="trn2-instance")),
                            catalog.value("systems.trn2-instance.published_fp8_dense", "PFLOP/s"),
                        ),
                    ),
                ),
                # the article's 83.2 as printed (± 0.025)
                Trap(
                    "articles-figure",
                    lambda: factcheck.ARTICLE_SPARSE,
                    "that is the article's figure, the one to check: compute the chips × one "
                    "chip's "
                    "sparse figure yourself",
                    match=Match(rel_tol=0.0003),
                ),
                # reader 45: the Journalist's lead worked out, 16 × 4 × 1,299 TF, 16 × 5.2 PF or
                # 4 × 20.8 PF, was told "64 chips" or "the article's figure" (copied): named by
                # the factor typed, as 2 × 20.8 is. After the two above, so that a bare 83.1 or
                # 83.2 keeps its reading; only with the factor (or 4 × one chip) in the working
                Trap(
                    "four-times-dense",
                    lambda: (
                        _sparse_factor()
                        * float(system_table().fp8_dense.sel(system="trn2-instance"))
                    ),
                    f"that is {factcheck.sparse_factors()[0]} × the instance's dense figure, a "
                    "factor you assumed; the station asks for the chips × one chip's sparse "
                    "figure, as AWS publishes it",
                    match=Match(
                        rel_tol=0.001,  # 83.136 to 83.2 (4 × 20.8), not a bare 83.0
                        method_at_value=True,
                        method=lambda: (
                            _sparse_factor(),
                            _sparse_factor() * chip_value("trn2", "fp8_dense", "PFLOP/s"),
                            _sparse_factor() * chip_value("trn2", "fp8_dense", "TFLOP/s"),
                        ),
                    ),
                ),
                Trap(
                    "dense",
                    lambda: float(system_table().fp8_dense.sel(system="trn2-instance")),
                    "that is the dense figure: the station asks for the chips × one chip's sparse "
                    "figure",
                ),
                # the note's two ratios typed in the PFLOP/s field (reader 16: "4" drew "10
                # times too small")
                *(
                    Trap(
                        name,
                        lambda x=x: float(x),
                        "that looks like a ratio (sparse ÷ dense), which the note asks you to "
                        "compare; the field asks for PFLOP/s: the chips × one chip's sparse "
                        "figure",
                        match=Match(
                            unit=RATIO,  # "2x", "4 times" read as the ratio too (reader 23)
                        ),
                    )
                    for name, x in zip(
                        ("articles-ratio", "aws-ratio"), factcheck.sparse_factors()[:2], strict=True
                    )
                ),
                # reader 17: the UltraServer's sparse figure (64 x 2,563 = 164 PF) drew only the
                # generic hint
                Trap(
                    "ultraserver",
                    lambda: float(system_table().fp8_sparse.sel(system="trn2-ultraserver")),
                    f"that is {fmt.number(chips_in('trn2-ultraserver'))} chips, an "
                    "UltraServer; "
                    "the claim is of an instance, which has "
                    f"{fmt.number(chips_in('trn2-instance'))}",
                    match=Match(rel_tol=0.01),
                ),
            ),
        ),
        # 16 x 96 GiB is exact, and the memory row is about units: ±0.5 % (reader 17: "1.536
        # TiB", 1,573 GiB, passed at ±5 %); 1,649 GB is 1,535.8 GiB and passes
        "trn2-hbm": _station_exercise(
            "trn2-hbm",
            "GiB",
            rel_tol=0.005,
            traps=(
                Trap(
                    "tib-as-1000-gib",
                    lambda: _station_value("trn2-hbm") * factor("GB", "TB") * factor("TiB", "GiB"),
                    # reader 33: not "the mix-up this row is about", which names the debate
                    "a TiB is 1,024 GiB, not 1,000: divide the GiB by 1,024 to write them in TiB",
                    match=Match(
                        rel_tol=0.005,
                        # "1600" (1,573 GiB to two figures) typed with no TiB is no TiB slip: only
                        # the number itself, "1.536 TiB", is (reader 32)
                        rounded=False,
                    ),
                ),
                # the article's own "1,536 GB" (read at 10⁹ bytes a GB: 1,431 GiB). Reader 33:
                # "a GB is 10⁹ bytes" took the challenger's side of the row's debate (memory
                # makers write GB for 2³⁰ bytes, the reveal's verdict) before the vote; said as
                # the article's figure, with no reading of its GB (`check_station`)
                Trap("gb-for-gib", lambda: _station_value("trn2-hbm") * _GIB_AS_GB, _memory_gb()),
                Trap(  # 1,536 GiB = 1,649 GB, typed without its unit
                    "gb-bare",
                    lambda: _station_value("trn2-hbm") / _GIB_AS_GB,
                    "that is the memory in GB, a right conversion, but the field asks for GiB: "
                    "give the GiB, or type GB after your number",
                    match=Match(
                        rel_tol=0.005,
                        rounded=False,  # "1600" is no unit slip (reader 32)
                        unlabelled=True,
                    ),
                ),
                Trap(  # 1,649 GB written "1,649 GiB" or "1.61 TiB" (reader 30)
                    "gb-as-gib",
                    lambda: _station_value("trn2-hbm") / _GIB_AS_GB,
                    "that number is the memory in GB (10⁹ bytes) with a binary unit on it: a "
                    f"GiB is 2³⁰ bytes, about {_more('GiB', 'GB')} more, so the same memory is "
                    f"fewer GiB. {_WORK_IN_GIB}",
                    match=Match(
                        rel_tol=0.005,
                        rounded=False,  # "1600" is no unit slip (reader 32)
                    ),
                ),
                Trap(  # the same 1,649 GB as 1.649 TB, written "1.649 TiB" (1,689 GiB)
                    "tb-as-tib",
                    lambda: (
                        _station_value("trn2-hbm")
                        / _GIB_AS_GB
                        * factor("GB", "TB")
                        * factor("TiB", "GiB")
                    ),
                    "that number is the memory in TB (10¹² bytes) with a binary unit on it: a "
                    f"TiB is 2⁴⁰ bytes, about {_more('TiB', 'TB')} more, so the same memory is "
                    f"fewer TiB. {_WORK_IN_GIB}",
                    match=Match(
                        rel_tol=0.005,
                        rounded=False,  # "1600" is no unit slip (reader 32)
                    ),
                ),
            ),
        ),
    }


def __getattr__(name: str) -> object:
    if name == "STATION_CHECKS":  # lesson 5's station (claim id) → the check of its number
        return _station_checks()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# what a held figure's value cell says until the group's number checks (`held_figures`)
STATION_ROW_CLOSED = "opens once your number checks"
STATION_ROW_ON_PAPER = "your teacher reads it out once your group has its number"


def held_figures(claim_id: str) -> tuple[str, ...]:
    """The figures a station lists that are its own computation's result, as a source prints it
    (AWS's table's 41 PF for the instance's sparse FP8, its 1,536 GiB of memory, or the
    UltraServer's 83.2 PF that rounds the station's 83.1 as the article does): the station
    holds them until the group's number checks, as the city widget holds its all-sector row
    (reader 19: the table row stood beside the question it answers).

    Examples
    --------
    >>> held_figures("trn2-hbm"), held_figures("ms-city")
    (('systems.trn2-instance.published_hbm_capacity',), ())
    """
    ex = _station_checks().get(claim_id)
    held = []
    for key in factcheck.STATION_FIGURES.get(claim_id, ()) if ex else ():
        try:
            value = catalog.value(key, ex.unit)
        except Exception:  # a figure in another dimension (MW at a chips station) answers nothing
            continue
        # reader 24: AWS's 83.2 PF is the UltraServer station's 83.1 as AWS rounds it, the
        # article's figure too; it gave the verdict away beside the question
        if ex.accepts(value) or _check(ex, value).trap == "articles-figure":
            held.append(key)
    return tuple(held)


def held_bases(
    claim_id: str, site_power: float, names: tuple[str, ...] | list[str]
) -> tuple[str, ...]:
    """The bases in `names` whose city a station's number field accepts (people at
    `site_power`, as the city table rounds them): the city widget holds their rows until the
    group's number checks. The station's own basis (`STATION_BASIS`) always; with the box for
    every basis ticked, also the states whose use per person is the country's within the
    tolerance (reader 36: Washington's 215,000 stood beside the closed US row).

    Examples
    --------
    >>> held_bases("ms-city", SITE_MW, ("us-person", "us-household", "us-wa-person"))
    ('us-person', 'us-wa-person')
    >>> held_bases("ms-chips", SITE_MW, ("us-person",))
    ()
    """
    ex = _station_checks().get(claim_id) if claim_id == "ms-city" else None
    if ex is None:
        return ()
    ds = compute(site_power=site_power, basis=list(names))
    return tuple(
        b
        for b in names
        if b == STATION_BASIS or ex.accepts(fmt.rounded(float(ds.sel(basis=b).city_people), 3))
    )


# the label a station's figure carries: the chips × one chip's dense (sparse) figure is dense
# (sparse), and the lesson asks students to check the label as well as the number
STATION_LABELS = {"us-fp8": "dense", "trn2-sparse": "sparse"}


def station_unit(claim_id: str) -> str:
    """The unit a station's number field asks for ("" for a station without a number).

    Examples
    --------
    >>> station_unit("trn2-hbm"), station_unit("ms-cooling"), station_unit("ms-battery")
    ('GiB', '%', '')
    """
    e = _station_checks().get(claim_id)
    if e is None:
        return ""
    return e.shown_unit() or ("%" if e.unit == SHARE else e.unit)


def station_numbers(claim_id: str) -> str:
    """What a station's computation gives, for the teacher's answer key (never a station or the
    notebook): each way its figures allow, with the words that name it.

    Examples
    --------
    >>> station_numbers("ms-cooling")
    "10 % with AWS's fleet PUE; 32.9 % with the industry's average PUE"
    """
    ways = _station_ways().get(claim_id, ())
    return "; ".join(f"{e.show(e.answer())} {said}".strip() for e, said in ways)


def station_accepted(claim_id: str) -> str:
    """What a station's check accepts, for the teacher's answer key: each way's tolerance and
    the range it spans, as the checker reads them (reader 29: a teacher on paper could not
    judge 280,000 chips against 287,000, a named slip in the notebook).

    Examples
    --------
    >>> station_accepted("ms-chips")
    '±2 %: 280,936 chips to 292,402 chips'
    >>> station_accepted("us-fp8")  # doctest: +ELLIPSIS
    '±1 %: 82.4 PFLOP/s to 83.9 PFLOP/s, but not 83.2 PFLOP/s, the published figure...'
    """
    out = []
    for e, said in _station_ways().get(claim_id, ()):
        (lo, hi), (low, high) = e.shown_range(), e.accepted()
        # a published figure inside the range is refused, typed or worked from rounded figures
        refused = "".join(
            f", but not {e.show(t.value())}, the published figure, typed or worked from "
            "rounded figures"
            for t in e.traps
            if t.kind.figures and low <= t.value() <= high
        )
        # a share's, as the checker tells the student too (reader 34: the key's "±0.5
        # percentage points" beside the student's "a twentieth of the answer either way")
        told = f" ({e.said_tolerance()}, as the checker says it)" if e.unit == SHARE else ""
        # reader 36: "83" rounds the station's 83.1 and the article's 83.2 alike
        three = (
            "; in three figures, as two cannot tell a computed number from the published one"
            if e.needs_three() and refused
            else ""
        )
        # reader 50: the checker takes the answer rounded to the figures typed ("1.6 TB" for
        # 1,649 GB); the key says so, or a teacher marking on paper refuses what the box accepts
        tb = e.answer() * factor(e.unit, "TB") if e.unit in _MEMORY_UNITS else None
        two = f", or {fmt.number(tb, 2)} TB, the answer rounded to two figures" if tb else ""
        out.append(f"{e.tolerance()}{told}: {lo} to {hi}{two}{refused}{three} {said}".strip())
    return "; ".join(out)


_MEMORY_UNITS = ("GiB", "GB", "TiB", "TB")  # a memory station's number may be in any of these
# a range typed as one answer: "30-50%", "30 – 50 %", "30% to 50%"
_RANGE_TYPED = re.compile(
    r"^\s*(\d+(?:\.\d+)?)\s*%?\s*(?:-|–|−|to)\s*(\d+(?:\.\d+)?)\s*%?\s*$", re.IGNORECASE
)


# "2x dense", "twice the dense", "2 × dense": a sparse figure said to be twice the dense one
_TWICE_DENSE = re.compile(
    r"\b(?:2|two|twice|double)\s*(?:x|×|\*|times)?\s*(?:the\s+)?dense\b", re.IGNORECASE
)


def _nearer_twice(answer: object, first: Exercise, twice: Trap) -> bool:
    """Whether the number read from `answer` lies nearer the dense figure doubled (`twice`)
    than the station's computation: a note "twice the dense" beside the station's own number
    is the ratio the station asks about, not the factor assumed (reader 49-56 D1)."""
    value = read(answer, first.unit).value
    if value is None:
        return True
    return abs(value - twice.value()) < abs(value - first.answer())


# "2x dense", "four times dense": the sparse station's question 3 (how many times the dense
# figure) typed with a multiplier (reader 50 D5: "I cannot read the unit 'x'")
_RATIO_NOTE = re.compile(
    r"\b(\d+(?:\.\d+)?|two|four)\s*(?:x|×|\*|times)\s*(?:the\s+)?dense\b", re.IGNORECASE
)
_RATIO_WORDS = {"two": "2", "four": "4"}


def _ratio_note(answer: object) -> object:
    """A typed ratio note said as the station reads it: beside a number, "2x dense" as "twice
    the dense" (a note, as "41 PF, twice the dense" is); alone, as the bare ratio ("2x"), which
    the station answers as a ratio typed in the PFLOP/s field.

    Examples
    --------
    >>> _ratio_note("41 PF sparse, 2x dense"), _ratio_note("four times dense")
    ('41 PF sparse, twice the dense', '4x')
    """
    text = str(answer)
    m = _RATIO_NOTE.search(text)
    if not m:
        return answer
    factor = _RATIO_WORDS.get(m[1].lower(), m[1])
    rest = text[: m.start()] + text[m.end() :]
    if not re.search(r"\d", rest):
        return f"{factor}x"
    if factor != "2":
        return answer
    return (text[: m.start()] + "twice the dense" + text[m.end() :]).strip()


def check_station(claim_id: str, answer: object) -> Feedback:
    """A station's number against its computation: whether it matches (never the explorer's
    value or a verdict), or the hint for the slip it shows.

    Examples
    --------
    >>> check_station("trn2-hbm", "1,536 GiB").right
    True
    >>> check_station("trn2-hbm", "1,536 GB").trap
    'gb-for-gib'
    >>> "83" in check_station("us-fp8", "83.1 PFLOP/s").message
    False
    >>> check_station("us-fp9", "83")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: claim_id: no station 'us-fp9'; the stations are ...
    """
    stations = [c.id for c in factcheck.class_claims()]
    if claim_id not in stations:  # reader 26: a typo got the battery station's answer
        known = ", ".join(stations)
        raise ValueError(f"claim_id: no station {claim_id!r}; the stations are {known}")
    if claim_id not in _station_ways():  # the battery: sources to read (reader 25: KeyError)
        return Feedback(
            False,
            "This station has no number to check: read its sources and argue who reports the "
            "claim.",
            "unreadable",
        )
    answer = _ratio_note(answer)
    ways = _station_ways()[claim_id]
    wording = factcheck.claim(claim_id).stated
    if wording and not re.search(r"\d", wording) and wording.lower() in str(answer).lower():
        # reader 26: the chips claim's "hundreds of thousands" got "I cannot find a number"
        return Feedback(
            False,
            f"Not yet: “{wording}” is the claim's own wording, the claim you are checking; the "
            "station wants one number: work your own count out from the station's figures.",
            "trap",
            "claims-words",
        )
    stated = [float(n) for n in re.findall(r"\d+(?:\.\d+)?", wording)]
    typed = _RANGE_TYPED.match(str(answer))
    if typed and len(stated) == 2 and [float(typed[1]), float(typed[2])] == stated:
        # reader 25: "30-50%" was read as 30 − 0.5 = 29.5 % and asked for more figures
        return Feedback(
            False,
            "Not yet: that is the article's own range, the claim you are checking; work the "
            "share out from one of the station's PUEs and give your one number.",
            "trap",
            "articles-range",
        )
    first = ways[0][0]
    bare = read(answer, first.unit) if first.unit in _MEMORY_UNITS else None
    if bare is not None and bare.value is not None and bare.bare:
        # reader 25: "1.5" (TiB) was told "1,000 times too small: check the prefixes"
        unit = next(
            (u for u in _MEMORY_UNITS if first.accepts(bare.value * factor(u, first.unit))), ""
        )
        if unit and not 0.01 < factor(unit, first.unit) < 100:  # a prefix apart, not GB for GiB
            return Feedback(
                False,
                f"Not yet: {fmt.number(bare.value)} what? Type the unit ({unit}): memory is "
                "written in GB, GiB, TB or TiB.",
                "hint",
            )
    mw = _times_site(answer) if first.unit == SHARE else None
    if mw is not None:  # reader 23: "0.1 × 300" was called the article's 30 %
        return Feedback(
            False,
            f"Not yet (read as {fmt.quantity(mw, 'MW')}): multiplying by the site's {SITE} "
            "gives a power in MW, not a share; the field asks for the share itself: leave out "
            f"the × {fmt.number(SITE_MW)}.",
            "trap",
            "power-not-share",
        )
    mw = _times_site(answer, _MINUS) if first.unit == SHARE else None
    if mw is not None and mw > 1:  # reader 31: "300 − 300/1.15" (39.1 MW) was read as 39.1 %
        return Feedback(
            False,
            f"Not yet (read as {fmt.quantity(mw, 'MW')}): a calculation from the site's {SITE} "
            f"gives a power in MW, not a share; the field asks for the share itself: divide "
            f"that power by the site's {SITE}.",
            "trap",
            "power-not-share",
        )
    if first.unit == SHARE and (pue_typed := _typed_pue(answer)) is not None:
        return Feedback(
            False,
            f"Not yet: {pue_typed} looks like a PUE, not a share. The box asks for "
            "the cooling share: cooling share = 1 − 1/PUE − other losses.",
            "hint",
        )
    fb, way = _check(ways[0][0], answer), ways[0][1]
    if first.unit == SHARE and fb.kind == "unreadable":
        # reader 37: a power in MW at a share station is a share of the site: judged so, and
        # "if you meant N %" kept for a power that matches nothing
        typed = read(answer, "MW")
        if typed.value is not None and not typed.bare and typed.value > 0:
            share = typed.value / SITE_MW
            inner = check_station(claim_id, share)
            # reader 45: a whole-factor slip ("1,000 times too small: a plain number has no
            # prefix") is about a number typed as a share, not this one, which we converted
            # (0.1 MW is 0.0333 %, 300 times off 10 %): only a named slip's hint is passed on
            named = {t.id for ex, _ in ways for t in ex.traps}
            if inner.kind == "trap" and inner.trap not in named:
                return Feedback(
                    False,
                    f"Not yet: {fmt.quantity(typed.value, 'MW')} is a power. The box asks for "
                    f"the share of the site's power, as a % or a decimal: that power ÷ the "
                    f"site's {SITE}.",
                    "trap",
                    "power-not-share",
                )
            if inner.right or inner.kind in ("trap", "near"):
                told = (
                    "now give that share" if inner.right else inner.message.split("hint: ", 1)[-1]
                )
                # reader 38: "a power, 30 % of the site's 300 MW as a share; hint: …" read as
                # one garbled sentence: said in two
                told = re.sub(r"^Not yet[,:]\s*", "", told)
                # reader 43-56: lower case after "Hint:", as every hint is said
                return Feedback(
                    False,
                    f"Not yet: {fmt.quantity(typed.value, 'MW')} is a power. As a share of the "
                    f"site's {SITE} it is {fmt.percent(share)}. Hint: {told}",
                    "trap",
                    inner.trap or "power-not-share",
                )
    if claim_id == "us-fp8" and fb.trap == "articles-figure" and _chip_rounded(answer):
        # reader 45: 64 × 1.3 PF (one chip's 1,299 TF shortened) heard only "other figures
        # than one chip's", read as a copy alleged: the figure it used is named beside the
        # chip's as printed. Never "rounded" nor what it lands on (readers 31, 41: the verdict)
        chip = chip_value("trn2", "fp8_dense", "TFLOP/s")
        used = fmt.number(fmt.rounded(chip * factor("TFLOP/s", "PFLOP/s"), 2))
        lead = fb.message.split(":", 1)[0]  # "Not yet (read as 83.2 PFLOP/s)"
        fb = dataclasses.replace(
            fb,
            # reader 52 D7: "Not yet" alone read as a wrong method: the method is said right
            message=f"{lead}. Your method is right, but you used {used} PFLOP/s a chip: that "
            "works it out from other figures than one chip's as the station prints it "
            f"({fmt.number(chip)} TFLOP/s). The station's computation is "
            f"{factcheck.claim('us-fp8').how}: do it to see the last digit, and compare your two "
            "numbers.",
        )
    if fb.trap == "gb-for-gib":  # no "reads as 1,431 GiB": that reads the article's GB at 10⁹
        # said as what was typed (reader 34: "1430 GiB" and "1.5 TB" were told they typed the
        # article's 1,536 GB)
        typed = _memory_unit(answer)
        tb = read(answer, "TB").value if typed == "TB" else None
        return Feedback(False, f"Not yet: {_memory_gb(typed, tb)}.", "trap", fb.trap)
    published = fb.kind == "trap" and not next(
        (t.kind.slip for t in ways[0][0].traps if t.id == fb.trap), True
    )
    for other, words in ways[1:]:  # another computation the station's figures allow
        if published:
            # the article's figure typed: said as the claim, with no "if you rounded" (reader
            # 26: the rounding clause and its ±1.6 points told the group that one PUE's share
            # lies near 30 %, the debate's question); a group that rounded its own 32.9 % is
            # asked for its share from a PUE, and types it
            break
        if fb.kind in ("right", "trap", "figures", "near"):
            break
        alt = _check(other, answer)
        if alt.kind in ("right", "trap", "figures", "near"):
            fb, way = alt, words
    # a bare share is said back as the percentage it was read as, as the guide promises
    # (reader 40: "10" was confirmed with no "read as 10 %")
    echo = read(answer, first.unit).echo if fb.right else ""
    echoed = f"{echo[0].upper()}{echo[1:]}. " if echo else ""
    if fb.right and way:
        return Feedback(
            True,
            # reader 39: 32.9 % (the industry PUE) lies inside the claim's 30-50 %, and a
            # group voted "reproduced" on it; said alike for both PUEs, pointing at the whole
            # rule, not its "Whose figure?" (reader 21: that settled the debate for one side)
            # reader 45: the rule settles "which of the two" on its own: the debate applies it;
            # reader 46: pointing at its ranks settled the vote, so the reply only asks
            # reader 52 D1: the verdict turned on "the best source", then left unread; named
            # for both PUEs alike, so it points at the rule, not at one of them
            f"{echoed}That is the station's computation {way}. Your number alone does not "
            "decide the verdict. Check each PUE against the rule's “best source” before you "
            "rely on it. Argue which PUE is the claim's own terms for this site, and whether "
            "the hottest hours of a summer change that; the reveal says which one the verdict "
            "rests on, and why.",
            "right",
        )
    twice = next((t for t in first.traps if t.id == "twice-dense"), None)
    near_twice = twice is not None and _nearer_twice(answer, first, twice)
    if fb.right and twice and _TWICE_DENSE.search(str(answer)) and near_twice:
        # reader 33: "2x dense: 41.6" says its method, a factor of two assumed (as "2 × 20.8");
        # reader 49-56 D1: only when the number is the doubled one: "41 PF (twice the dense)"
        # is the chips × one chip's sparse figure with the ratio the station asks for noted
        return Feedback(False, f"Not yet, hint: {twice.hint}.", "trap", twice.id)
    # a ratio noted beside the number ("twice the dense") is no label for it (reader 49-56 D1)
    want, said = STATION_LABELS.get(claim_id, ""), answer_label(_TWICE_DENSE.sub(" ", str(answer)))
    if fb.right and want and said and said != want:
        return Feedback(
            False,
            f"Not yet: the number is the station's, but you labelled it {said}: it is the "
            f"chips × one chip's {want} figure, so it is {want} too (a result carries the "
            "label of the figure it came from).",
            "trap",
            "wrong-label",
        )
    # reader 34: a bare 41.6 is 16 × 2.6 (one chip's sparse, rounded) or 2 × 20.8 (the dense
    # figure doubled, "Not yet" when typed so): it stands, and says which route is the station's
    value = read(answer, first.unit).value if fb.right and twice and not worked(answer) else None
    doubled = (
        value is not None and abs(value - twice.value()) < abs(value - first.answer())
        if twice
        else False
    )
    if fb.right:
        return Feedback(
            True,
            f"{echoed}That is the station's computation"
            + (
                # reader 46: said in fewer words
                " if you multiplied the chips by one chip's sparse figure. If you took 2 × the "
                "instance's dense figure, that factor is assumed: redo it as the station asks."
                if doubled
                else ". Now judge the claim: does it hold on its own terms, and what does it "
                "assume?"
            ),
            "right",
        )
    return fb  # attempt 1: a nudge, never a lesson's worked step
