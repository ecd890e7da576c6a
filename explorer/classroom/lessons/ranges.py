"""Lesson 8: why the articles' numbers are contested: the catalog's ranges."""

from __future__ import annotations

from functools import cache

from ... import catalog, fmt
from ...units import factor
from ..computed import compute
from ..exercises import FEWEST_FIGURES, SHARE, Exercise, Kind, Match, Precision, Reads, Say, Trap
from .common import (
    ARTICLE_COOLING_RANGE,
    COOLING_SHARE,
    HOURS,
    SITE,
    SITE_MW,
    add_exercise,
    article_city,
    hours_in_year,
)

# Why are the articles' numbers contested? (lesson 8): the catalog's ranges on Rainier Mississippi.
CONTESTED_SITE = "rainier-mississippi"


@cache
def _range(key: str) -> catalog.Range:
    return catalog.uncertainty_ranges()[key]


@cache
def _contested_bounds():
    # every figure at the end of its range at once: the corners (the exercise asks for them), with
    # the article's cooling share (30-50 %), not the plant's default
    return compute(site=CONTESTED_SITE, uncertainty="corners", cooling_default="article")


def contested_city_range() -> tuple[float, float, float]:
    """Lesson 8's city of the contested site in households: (low, central, high), every figure
    at the end that pushes the same way (the one place the lessons and the pack ask for it).

    Examples
    --------
    >>> low, central, high = contested_city_range()
    >>> low < central < high
    True
    """
    low, central, high = (float(x) for x in _contested_bounds().city_households)
    return low, central, high


def contested_city_range_today(load_factor: float | None = None) -> tuple[float, float, float]:
    """Lesson 8's city range as `contested_city_range`, with the site at its announced power
    (no expansion): (low, central, high) households; with `load_factor` given, that figure is
    held too (1: 300 MW read as the year's average, as the article reads it).

    Examples
    --------
    >>> low, central, high = contested_city_range_today()
    >>> high < contested_city_range()[2]
    True
    >>> contested_city_range_today(load_factor=1.0)[0] > low  # only the household's use moves
    True
    """
    held = {} if load_factor is None else {"load_factor": load_factor}
    ds = compute(
        site=CONTESTED_SITE,
        site_power=SITE_MW,
        uncertainty="corners",
        cooling_default="article",
        **held,
    )
    low, central, high = (float(x) for x in ds.city_households)
    return low, central, high


# the "city" in three bases: (catalog basis, what one unit is, the unit's output)
CITY_BASES = (
    (
        "us-person",
        "people, counting all the country's electricity (homes, work, industry)",
        "city_people",
    ),
    ("us-household", "US households, counting their homes' electricity", "city_households"),
    ("us-person-residential", "people, counting only their homes' electricity", "city_people"),
)


def contested_city_bases() -> list[tuple[str, float]]:
    """Lesson 8's site, everything central, as a city in each of `CITY_BASES`: (what, size).

    Examples
    --------
    >>> sizes = [round(x, -3) for _, x in contested_city_bases()]
    >>> sizes[0] < sizes[1] < sizes[2]
    True
    """
    out = []
    for basis, what, output in CITY_BASES:
        ds = compute(site=CONTESTED_SITE, basis=basis)
        out.append((what, float(ds[output])))
    return out


@cache
def _tornado(output: str):
    from ...uncertainty import sensitivity

    return sensitivity(output, site=CONTESTED_SITE, cooling_default="article")


def _swing(output: str, figure: str) -> float:
    return float(_tornado(output).swing.sel(parameter=figure))


_POWER_KEY = f"sites.{CONTESTED_SITE}.site_power"
_COOLING_KEY = f"sites.{CONTESTED_SITE}.cooling_fraction"
_HOUSEHOLD_KEY = "bases.us-household.value"
_CAMPUS_KEY = "defaults.it_overhead"  # a multiplier that splits the power, not a bigger site


def _contested_households(site_mw: float, kwh_per_household: float, load: float = 1.0) -> float:
    """Households whose use matches `site_mw` for a year at `load` (an exercise's wrong turn)."""
    return site_mw * load * hours_in_year() * factor("MWh", "kWh") / kwh_per_household


def _rows_and_one() -> float:
    """One more than the rows of step 1's table (every figure the tornado moves): a count up
    to it, typed in a households box, is a count of rows."""
    return float(_tornado("city_households").swing.sizes["parameter"] + 1)


_HIGH_MW = fmt.quantity(_range(_POWER_KEY).high, "MW")
_LOW_USE = fmt.number(_range(_HOUSEHOLD_KEY).low)
_HIGH_USE = fmt.number(_range(_HOUSEHOLD_KEY).high)
_LOAD_LOW = catalog.uncertainty_ranges()["defaults.load_factor"].low
_LOAD_HIGH = catalog.uncertainty_ranges()["defaults.load_factor"].high
_COOL_LO, _COOL_HI = _range(_COOLING_KEY).low, _range(_COOLING_KEY).high

add_exercise(
    Exercise(
        "contested-city-high",
        8,
        f"Rainier Mississippi's {SITE} may grow: the catalog's high end is {_HIGH_MW}. "
        "Running flat out, with every figure at the end of its range that makes the city "
        f"biggest (step 1's table; a household's use, EIA: {_LOW_USE} or {_HIGH_USE} kWh a "
        "year), how many households is that site's 'city'? (households)",
        lambda: float(_contested_bounds().city_households.sel(bound="high")),
        "households",
        precision=Precision(figures=FEWEST_FIGURES),
        rel_tol=0.01,  # the central use (10,715 kWh) gives 2 % less: a trap, not right
        hints=(
            "the same sum as lesson 1, with the ends of the ranges instead of the central values",
            "households = site power × hours in a year ÷ use per household (same units: kWh)",
            f"{_HIGH_MW} × {HOURS} h = "
            f"{fmt.number(_range(_POWER_KEY).high * hours_in_year() * factor('MWh', 'kWh'))} kWh; "
            f"÷ {_LOW_USE} kWh ≈ "
            f"{fmt.number(float(_contested_bounds().city_households.sel(bound='high')))}",
        ),
        traps=(
            Trap(
                "high-use",
                lambda: _contested_households(_range(_POWER_KEY).high, _range(_HOUSEHOLD_KEY).high),
                f"that divides by the highest use ({_HIGH_USE} kWh): the more each household "
                f"uses, the fewer households the energy fills; the biggest city takes {_LOW_USE} "
                "kWh",
                # 750 MW flat out ÷ 10,800 kWh = 608,333, 0.8 % below the central use's 613,158
                match=Match(rel_tol=0.004),
            ),
            Trap(
                "central-use",
                lambda: _contested_households(
                    _range(_POWER_KEY).high, _range(_HOUSEHOLD_KEY).central
                ),
                "that uses the central household use; the biggest city takes the lowest use "
                f"({_LOW_USE} kWh)",
                # 0.5 %: 613,159 is 2 % below the answer; "619,000" is nearer it (reader 30)
                match=Match(rel_tol=0.005),
            ),
            Trap(
                "announced-power",
                lambda: _contested_households(SITE_MW, _range(_HOUSEHOLD_KEY).low),
                f"that is the announced {SITE}; take the high end, {_HIGH_MW}",
            ),
            Trap(
                # "245,264": the central city, step 1's basis table (reader 37)
                "central-city",
                lambda: _contested_households(SITE_MW, _range(_HOUSEHOLD_KEY).central),
                "that is the central city: every figure at its central value; the biggest "
                "city takes each figure at the end that makes it bigger",
                match=Match(rel_tol=0.005),
            ),
            Trap(
                # "170,333": the mirror, every figure at the end that makes the city smallest
                # (reader 47-78); 0.2 %, clear of low-load's 171,685 (0.8 % above)
                "smallest-city",
                lambda: float(_contested_bounds().city_households.sel(bound="low")),
                "that is the smallest city: each figure at the end that makes it smaller; the "
                "biggest city takes the other ends",
                match=Match(rel_tol=0.002),
            ),
            Trap(
                # "171,685": the announced site at the load factor's low end (reader 37)
                "low-load",
                lambda: _contested_households(SITE_MW, _range(_HOUSEHOLD_KEY).central, _LOAD_LOW),
                "that is the announced site at the load factor's low end, a smaller city; the "
                "biggest city takes each figure at the end that makes it bigger",
                match=Match(rel_tol=0.005),
            ),
            Trap(
                # "438,000": the tracker's site with the load factor at its low end (reader
                # 51-78: it heard only "too low, though the right size")
                "low-load-high-power",
                lambda: _contested_households(
                    _range(_POWER_KEY).high, _range(_HOUSEHOLD_KEY).low, _LOAD_LOW
                ),
                f"that takes the load factor at its low end ({fmt.number(_LOAD_LOW)}); the "
                f"biggest city runs flat out (load factor {fmt.number(_LOAD_HIGH)})",
                match=Match(rel_tol=0.005),
            ),
            Trap(
                "people-not-households",
                lambda: (
                    float(_contested_bounds().city_households.sel(bound="high"))
                    * catalog.value("conventions.persons_per_household", "person/household")
                ),
                "that counts the people in those households; the question asks households",
                match=Match(unit="people"),
            ),
            Trap(
                "campus-overhead",
                lambda: (
                    float(_contested_bounds().city_households.sel(bound="high"))
                    * _range(_CAMPUS_KEY).high
                ),
                "the campus overhead splits the site's power between the servers and the rest "
                "of the campus; it does not add to the power, so it leaves the city where it is "
                "(step 3's tornado shows it)",
            ),
            *(
                # the MWh slip with a use trap's household end ("750*8760/10800"): both said
                # (reader 35: it was told "did you give the number in thousands?")
                Trap(
                    f"mwh-over-kwh-{use}",
                    lambda use=use: (
                        _contested_households(
                            _range(_POWER_KEY).high,
                            getattr(_range(_HOUSEHOLD_KEY), "high" if use == "high" else "central"),
                        )
                        * factor("kWh", "MWh")
                    ),
                    "MW × h gives MWh; turn it into kWh (× 1,000) before dividing by the kWh a "
                    f"household uses. And {hint}",
                    match=Match(
                        rel_tol=tol, method=lambda: (hours_in_year(),), method_at_value=True
                    ),
                )
                for use, tol, hint in (
                    (
                        "high",
                        0.004,
                        f"that divides by the highest use ({_HIGH_USE} kWh); the biggest city "
                        f"takes {_LOW_USE} kWh",
                    ),
                    (
                        "central",
                        0.005,
                        "that uses the central household use; the biggest city takes the lowest "
                        f"use ({_LOW_USE} kWh)",
                    ),
                )
            ),
            *(
                # the MWh slip with today's announced site ("300*8760/10500", "300*8760/10715"):
                # both slips said (reader 40-78: only the generic nudge)
                Trap(
                    f"mwh-over-kwh-{name}",
                    lambda use=use: (
                        _contested_households(SITE_MW, getattr(_range(_HOUSEHOLD_KEY), use))
                        * factor("kWh", "MWh")
                    ),
                    "MW × h gives MWh; turn it into kWh (× 1,000) before dividing by the kWh a "
                    f"household uses. And {hint}",
                    match=Match(rel_tol=0.005),
                )
                for name, use, hint in (
                    (
                        "announced",
                        "low",
                        f"that is the announced {SITE}; take the high end, {_HIGH_MW}",
                    ),
                    (
                        "central-city",
                        "central",
                        "that is the central city: every figure at its central value; the "
                        "biggest city takes each figure at the end that makes it bigger",
                    ),
                )
            ),
            Trap(
                # "750*8760/10500": MW × h left in MWh, divided by kWh (reader 33: it was told
                # "did you give the number in thousands of households?")
                "mwh-over-kwh",
                lambda: (
                    float(_contested_bounds().city_households.sel(bound="high"))
                    * factor("kWh", "MWh")
                ),
                # a right working written in thousands ("626") lands here too: said how to
                # write thousands (reader 39-78: it heard only that its units were wrong)
                "MW × h gives MWh; turn it into kWh (× 1,000) before dividing by the kWh a "
                "household uses. If your number is in thousands of households, type k after it",
                match=Match(method=lambda: (hours_in_year(),), method_at_value=True),
            ),
        ),
    )
)
# worked from the two figures its prompt gives (households flat out × 0.3), not predicted: said
# as "work it out" and "you answered" (`Exercise.worked`; reader 32: it was a hollow
# prediction); the prediction of step 3 is its question on paper, how many rows move the city
add_exercise(
    Exercise(
        "contested-load-swing",
        8,
        f"Everything else at its central value, the {SITE} site runs at {fmt.percent(_LOAD_LOW)} "
        "of its power on average over the year (load factor "
        f"{fmt.number(_LOAD_LOW)}) instead of flat out. Flat out, its city is the central one: "
        f"{fmt.number(_contested_households(SITE_MW, _range(_HOUSEHOLD_KEY).central))} "
        # one figure refused inside the range, said in the box as lesson 7's hot day says it
        # (reader 43-78: "70,000" was told "Not yet" by a rule the question never gave)
        "households. By how many households does its 'city' shrink? Work it out to two or "
        "three figures: one figure is not enough here. (households)",
        lambda: _swing("city_households", "defaults.load_factor"),
        "households",
        precision=Precision(figures=FEWEST_FIGURES),
        reads=Reads(change="shrink"),
        hints=(
            "the city follows the energy, and the energy follows the average load",
            "shrink = households flat out × (1 − load factor)",
            f"{fmt.number(_contested_households(SITE_MW, _range(_HOUSEHOLD_KEY).central))} × "
            f"{fmt.number(1 - _LOAD_LOW)} ≈ "
            f"{fmt.number(_swing('city_households', 'defaults.load_factor'))}",
        ),
        traps=(
            Trap(
                "city-left",
                lambda: _contested_households(SITE_MW, _range(_HOUSEHOLD_KEY).central, _LOAD_LOW),
                "that is the city that is left; the question asks by how much it shrinks",
            ),
            Trap(
                "percent",
                lambda: 1 - _LOAD_LOW,
                "that is the change in percent; the question asks for households: take that "
                "share of the "
                f"{fmt.number(_contested_households(SITE_MW, _range(_HOUSEHOLD_KEY).central))} "
                "households flat out",
                match=Match(unit=SHARE),
            ),
            Trap(
                # "75,000": the article's rounded city × 0.3, right inside the tolerance but not
                # the question's city (reader 50-78: a plain "Right!" hid it)
                "articles-city",
                lambda: article_city() * (1 - _LOAD_LOW),
                f"that starts from the article's rounded {fmt.number(article_city())}; from the "
                "question's "
                f"{fmt.number(_contested_households(SITE_MW, _range(_HOUSEHOLD_KEY).central))} "
                "households flat out the shrink is "
                f"{fmt.number(_swing('city_households', 'defaults.load_factor'))}",
                match=Match(rel_tol=0.002),
                kind=Kind(note=True, slip=False),
            ),
            Trap(
                # the ticked rows' count typed in the households box (reader 49-78)
                "rows",
                lambda: 1.0,
                "that looks like the number of rows you ticked; the box asks for households",
                match=Match(rel_tol=0.0, up_to=_rows_and_one),
                kind=Kind(slip=False),
            ),
        ),
        worked=True,
    )
)


def _article_cooling_mw(share: float) -> float:
    """The contested site's cooling load [MW] at `share` of its power, everything else central
    (the core's model)."""
    return float(compute(site=CONTESTED_SITE, cooling_fraction=share).cooling_power)


def _article_swing() -> float:
    """The cooling load's swing [MW] across the article's own 30-50 %."""
    low, high = ARTICLE_COOLING_RANGE
    return _article_cooling_mw(high) - _article_cooling_mw(low)


_ART_LO, _ART_HI = ARTICLE_COOLING_RANGE

add_exercise(
    Exercise(
        "contested-cooling-swing",
        8,
        # the article's own range, not the catalog's 10-50 %: across that one the swing, 300 MW x
        # (50 % - 10 %) = 120 MW, equals the load at the central 40 % (300 MW x 40 %), so the
        # wrong method was called right (reader 20); the catalog's swing opens with the answer
        f"First the article's own doubt: it puts cooling at {fmt.percent(_ART_LO)} to "
        f"{fmt.percent(_ART_HI)} of the {SITE} site's power. Everything else at its central "
        "value, by how many MW does the cooling load swing between those two ends? (MW)",
        _article_swing,
        "MW",
        # "-60 MW" (50 % down to 30 %) is the swing written as a change: right, with a note, as
        # contested-load-swing's "-73,579" (reader 34)
        reads=Reads(change="swing"),
        hints=(
            "cooling load = site power × cooling share; only the share moves",
            "swing = site power × (high share − low share)",
            f"{SITE} × ({fmt.number(_ART_HI)} − {fmt.number(_ART_LO)}) = "
            f"{fmt.quantity(_article_swing(), 'MW')}",
        ),
        traps=(
            Trap(
                "high-end",
                lambda: _article_cooling_mw(_ART_HI),
                f"that is the cooling at the high end, {fmt.percent(_ART_HI)}; the swing is "
                "high minus low",
            ),
            Trap(
                "low-end",
                lambda: _article_cooling_mw(_ART_LO),
                f"that is the cooling at the low end, {fmt.percent(_ART_LO)}; the swing is high "
                "minus low",
            ),
            Trap(
                "central-load",
                lambda: _article_cooling_mw(COOLING_SHARE),
                f"that is the cooling load at the central {fmt.percent(COOLING_SHARE)} (and the "
                f"swing from AWS's {fmt.percent(_COOL_LO)}, the catalog's low end); the question "
                f"asks across the article's own {fmt.percent(_ART_LO)} to "
                f"{fmt.percent(_ART_HI)}",
            ),
            Trap(
                "share-not-mw",
                lambda: _ART_HI - _ART_LO,
                "that is the change in share; multiply by the site's power for MW",
                match=Match(unit=SHARE),
            ),
            Trap(
                "percentage-points",
                lambda: 100 * (_ART_HI - _ART_LO),
                "that is the gap in percentage points; the swing in MW is that share of the "
                f"site's {SITE}",
            ),
        ),
    )
)


def _power_percentile_95() -> float:
    """The 95th percentile of the contested site's power [MW], as `_power_percentile_5`."""
    from ...ui.headlines import headline_ranges

    return float(headline_ranges(site=CONTESTED_SITE)["facility_load"].high)


def _power_percentile_5() -> float:
    """The 5th percentile of the contested site's power [MW] over the draws the explorer app's
    small type uses (`explorer.ui.headlines.headline_ranges`), as lesson 8's step 5 prints it."""
    from ...ui.headlines import headline_ranges

    return float(headline_ranges(site=CONTESTED_SITE)["facility_load"].low)


add_exercise(
    Exercise(
        "contested-power-p5",
        8,
        # short sentences, one idea each (reader 52-78: 54 words in two sentences)
        f"The site's power runs from the announced {SITE} up to the tracker's {_HIGH_MW}. "
        f"{SITE} is the most likely value. Draw it at random many times. Where does the draws' 5th "
        f"percentile lie: below, at or above {SITE}? A number in MW is optional: "
        "saying a way is enough.",
        _power_percentile_5,
        "MW",
        rel_tol=0.02,  # the announced 300 MW, 4 % below, is the trap, not right
        reads=Reads(reference=lambda: SITE_MW, ceiling=lambda: _range(_POWER_KEY).high),
        hints=(
            # reader 49-78: "727" heard "the range only runs upwards", a slip it never made
            f"only 5 % of the draws lie below the 5th percentile, and the draws crowd near {SITE}",
            f"the range only runs upwards from {SITE}: how many draws land below it?",
            "no draw lands below the announced power: every draw is at least it, so even the "
            "5th percentile lies a little above it",
        ),
        traps=(
            Trap(
                "announced",
                lambda: SITE_MW,
                f"that is the announced {SITE}, the most likely single value; no draw lands "
                "below it, so 5 % of them cannot either: the 5th percentile lies above it",
                match=Match(rel_tol=0.005),
                kind=Kind(slip=False),
            ),
            Trap(
                # "650": the 5th and 95th percentiles mixed up (reader 37)
                "95th",
                _power_percentile_95,
                "that is near the 95th percentile, with 95 % of the draws below it; below the "
                "5th percentile lie only 5 % of them",
                match=Match(rel_tol=0.02),
                # made before any percentile is shown: a mix-up, not a slip (reader 37)
                kind=Kind(slip=False),
                say=Say(lead="A common mix-up"),
            ),
            Trap(
                "middle",
                lambda: (SITE_MW + _range(_POWER_KEY).high) / 2,
                "that is the middle of the range; the 5th percentile sits near the end where "
                "the draws crowd, the announced power",
                kind=Kind(
                    slip=False,
                    # the misreading step 5 exists to correct, not a fair guess (reader 25)
                ),
                # a prediction, not a slip: "a common guess" (reader 34)
                say=Say(lead="A common guess"),
            ),
            Trap(
                # any guess in the upper half, up to the tracker's top: the 5th percentile read
                # near the top (reader 49-78: "727" was told the range runs upwards)
                # from halfway between the middle and the 95th percentile, so each of those
                # two traps keeps its own value
                "near-top",
                lambda: ((SITE_MW + _range(_POWER_KEY).high) / 2 + _power_percentile_95()) / 2,
                "that is near the top: only 5 % of the draws lie below the 5th percentile, and "
                f"the draws crowd near {SITE}",
                match=Match(up_to=lambda: _range(_POWER_KEY).high * 1.0001),
                kind=Kind(slip=False),
                say=Say(size=True),
            ),
        ),
    )
)
