"""What several lessons share: the scenario, catalog readers, trap builders, `EXERCISES`."""

from __future__ import annotations

import math
import re
from collections.abc import Callable

from ... import catalog, fmt, plant, power
from ...systems import system_table
from ...training import (
    model_compute,
)
from ...units import factor
from ...validate import Bound
from .. import factcheck
from ..computed import compute
from ..exercises import Exercise, Kind, Match, Say, Trap


def hours_in_year() -> float:
    """The catalog's hours in a year.

    Examples
    --------
    >>> hours_in_year()
    8760.0
    """
    return catalog.value("conventions.hours_per_year", "hour/year")


def other_share() -> float:
    """The catalog's default share of site power lost to things other than IT and cooling.

    Examples
    --------
    >>> other_share()
    0.03
    """
    return catalog.value("defaults.overhead_fraction", "dimensionless")


def fleet_pue() -> float:
    """AWS's fleet PUE (the catalog's).

    Examples
    --------
    >>> fleet_pue()
    1.15
    """
    return catalog.value("cooling.aws-fleet.pue", "dimensionless")


def article_cooling_copies(
    then: str,
    *,
    of: float = 1.0,
    middle: bool = True,
    coarse: bool = False,
    slip: bool = False,
) -> tuple[Trap, ...]:
    """The article's own cooling figures typed back (its 30 % and 50 % ends and, with `middle`,
    its 40 %): the claim an exercise checks, copied rather than computed; `then` says what to
    work from instead. `of` [MW] turns the shares into megawatts of a site (1 for a share).
    With `coarse`, an end that is also the answer at one figure (the survey's 32.9 % is "30 %")
    asks for more figures before it alleges a copy (`Kind.published`).

    Examples
    --------
    >>> [t.id for t in article_cooling_copies('then convert it')]
    ['articles-range-low', 'articles-share', 'articles-range-high']
    """
    low, high = ARTICLE_COOLING_RANGE
    figures = (("articles-range-low", low), ("articles-share", COOLING_SHARE))[: 2 if middle else 1]
    figures += (("articles-range-high", high),)
    said = "" if of == 1 else f" of {SITE}"

    def coarse_words(share: float, figures: bool) -> str:
        # one message however coarsely the end is typed ("30", "30 %", "0.3"), and no "two or
        # three figures" that reads "30" as a rounding of the answer (reader 25); typed to three
        # figures ("30.0 %") it asks for none: the student gave them (reader 29)
        return f"that is {article_share(share)}, the claim you are checking: {then}" + (
            # not "three figures": "33 %" is right at two (reader 33)
            f"; or, if {fmt.percent(share)} is your own rounding, give one more figure"
            if figures
            else ""
        )

    return tuple(
        Trap(
            name,
            lambda x=share: of * x,
            coarse_words(share, figures=False)
            if coarse
            else f"that is {article_share(share, said)}, the claim to check; {then}",
            match=Match(rel_tol=0.01),
            kind=Kind(slip=slip, published=coarse_words(share, figures=True) if coarse else ""),
        )
        for name, share in figures
    )


def cooling_slips(
    pue: Callable[[], float], shown: str, *, of: float = 1.0, it_share: bool = True
) -> tuple[Trap, ...]:
    """The slips of turning a PUE into the cooling share, the same in every exercise that asks
    for it: PUE − 1 taken as the non-IT share, the other losses kept in, both at once, and (for
    a share) IT's own share 1/PUE. `pue` gives the PUE, `shown` is how the question prints it,
    and `of` [MW] turns the shares into megawatts of a site (1 for a share).

    Examples
    --------
    >>> [t.id for t in cooling_slips(fleet_pue, '1.15')][:3]
    ['pue-minus-one', 'forgot-other-losses', 'pue-minus-one-minus-other']
    """
    slips = [
        Trap(
            "pue-minus-one",
            lambda: of * (pue() - 1),
            f"a PUE of {shown} means non-IT power is 1 − 1/{shown} of the site, not "
            f"{fmt.percent(pue() - 1)} (PUE − 1)",
            # the non-IT share itself only at the worked step (third attempt): said at the
            # second it left one subtraction (reader 30, reader 39-12 in MW, reader 44-12)
            say=Say(
                later=(
                    f"work out 1 − 1/{shown} first, then take off the {OTHER_TEXT} other losses"
                    if of == 1
                    else f"work out 1 − 1/{shown} first, take off the {OTHER_TEXT} other losses, "
                    "then take that share of the site"
                )
            ),
        ),
        Trap(
            "forgot-other-losses",
            lambda: of * (1 - 1 / pue()),
            f"that is all non-IT power at a PUE of {shown}; subtract the {OTHER_TEXT} other losses "
            "(they are not cooling)",
        ),
        Trap(
            "pue-minus-one-minus-other",
            lambda: of * (pue() - 1 - other_share()),
            f"right to take off the {OTHER_TEXT} other losses, but the cooling share is "
            "1 − 1/PUE − other losses, not PUE − 1 − other losses",
        ),
        Trap(
            # 1/PUE − other losses: the right first step, then the losses taken off the wrong
            # part (reader 24)
            "it-share-minus-other",
            lambda: of * (1 / pue() - other_share()),
            f"right to start from 1/PUE, IT's share; but you took the {OTHER_TEXT} other losses "
            "off IT's share. Cooling is what is left of the site after IT and the other "
            "losses: 1 − 1/PUE − other losses",
        ),
        Trap(
            # 1 − 1/PUE + other losses: the losses added to the non-IT share, not taken off it
            # (reader 36-12: 16 % got the nudge to start from 1/PUE, which the student had)
            "added-other-losses",
            lambda: of * (1 - 1 / pue() + other_share()),
            f"right to start from 1 − 1/{shown}, all non-IT power; the {OTHER_TEXT} other "
            "losses are inside it, so subtract them to leave cooling (do not add them)",
        ),
    ]
    if it_share:
        slips.append(
            Trap(
                "it-share",
                lambda: 1 / pue(),
                f"that is IT's share at a PUE of {shown} (1/PUE); the rest is all non-IT "
                f"power: take off the {OTHER_TEXT} of other losses",
                say=Say(later=f"the rest is 1 − 1/{shown} of the site"),
            )
        )
    return tuple(slips)


def chip_value(name: str, var: str, unit: str) -> float:
    """A chip's catalog figure `var` in `unit`.

    Examples
    --------
    >>> chip_value('trn2', 'tdp', 'W')
    500.0
    """
    return catalog.value(f"chips.{name}.{var}", unit)


def chips_in(system: str) -> float:
    """How many chips a system (the core's system table) holds.

    Examples
    --------
    >>> chips_in('trn2-ultraserver')
    64.0
    """
    return float(system_table().chips.sel(system=system))


def h100_peak(precision: str) -> float:
    """One H100's peak FLOP/s at `precision` (the catalog's chip table).

    Examples
    --------
    >>> h100_peak('bf16') / 1e12
    989.0
    """
    return float(catalog.chip_table().peak_flops.sel(chip="h100", precision=precision))


def per_person() -> float:
    """The US all-sector electricity use per person, kWh a year (the catalog's basis).

    Examples
    --------
    >>> per_person()
    12200.0
    """
    return catalog.value("bases.us-person.value", "kWh/person/year")


def site_households(load_factor: float = 1.0) -> float:
    """The site as a city of US households (the EIA's use per household), at `load_factor`.

    Examples
    --------
    >>> round(site_households(), -3)
    245000.0
    """
    ds = compute(site_power=SITE_MW, basis="us-household", load_factor=load_factor)
    return float(ds.city_households)


def people_in_households() -> float:
    """The people living in the site's US households (households × persons each).

    Examples
    --------
    >>> round(people_in_households(), -3)
    616000.0
    """
    return site_households() * persons_per_household()


def persons_per_household() -> float:
    """People per US household [person/household], the catalog's Census convention.

    Examples
    --------
    >>> persons_per_household()
    2.51
    """
    return catalog.value("conventions.persons_per_household", "person/household")


def article_city() -> float:
    """The Mississippi article's "city of about 250,000 people", as the fact-check quotes it.

    Examples
    --------
    >>> article_city()
    250000.0
    """
    return float(factcheck.ARTICLE_CITY)  # the claim "ms-city"'s number


def other_basis(basis: str, asks: str = "this exercise asks for") -> Trap:
    """The trap of dividing by another per-person basis than the US all-sector one (the
    Mississippi site's own state, the world average), named from the catalog; `asks` says who
    asks for the all-sector one (an exercise, or lesson 5's city station).

    Examples
    --------
    >>> other_basis('world-person').id
    'world-basis'
    """
    return Trap(
        f"{basis.removeprefix('us-').removesuffix('-person')}-basis",
        lambda: float(compute(site_power=SITE_MW, basis=basis).city_people),
        f"that uses the {catalog.label('bases', basis)} basis "
        f"({fmt.number(catalog.value(f'bases.{basis}.value', 'kWh/person/year'))} kWh per person); "
        f"{asks} the US all-sector one",
    )


# the scenario the exercises use; the numbers the lessons' text quotes. All but the run's chip
# count are the catalog's: the article site's power and cooling share (the article's own
# figures), Llama 3's job size and the default MFU
ARTICLE_SITE = "rainier-mississippi"
SITE_MW = catalog.value(f"sites.{ARTICLE_SITE}.site_power", "MW")
COOLING_SHARE = catalog.value(f"sites.{ARTICLE_SITE}.cooling_fraction", "dimensionless")
ARTICLE_COOLING_RANGE = (0.3, 0.5)  # the Mississippi article's "30–50 %" of site power

# The bases a lesson compares first (the article's households and people, the home state, the
# world); "every basis" adds the catalog's other states and countries.
COMPARED_BASES = (
    "us-household",
    "us-person",
    "us-person-residential",
    "us-ms-person",
    "world-person",
)


def article_share(share: float, of_site: str = "") -> str:
    """How a lesson names one of the article's cooling shares: an end of its range, which the
    article prints, or the catalog's `COOLING_SHARE`, the range's middle, which it does not
    (reader 42: "the article's 40 %" sent a group to look for a figure the article never
    prints). `of_site` (" of 300 MW") follows the percentage where a power is meant.

    Examples
    --------
    >>> article_share(0.3)
    "the article's 30 %"
    >>> article_share(COOLING_SHARE)
    "40 %, the middle of the article's 30–50 %"
    """
    low = ARTICLE_COOLING_RANGE[0]
    if math.isclose(share, COOLING_SHARE) and not math.isclose(share, low):
        return f"{fmt.percent(share)}{of_site}, the middle of the article's {article_range()}"
    return f"the article's {fmt.percent(share)}{of_site}"


def article_range() -> str:
    """The article's cooling range as it prints it.

    Examples
    --------
    >>> article_range()
    '30–50 %'
    """
    low, high = ARTICLE_COOLING_RANGE
    return fmt.percent_range(low, high)


def three_figures(x: float) -> str:
    """A count to three significant figures (207,829 → "208,000"): the bases and the site's
    power are not known more closely than that.

    Examples
    --------
    >>> three_figures(207_829)
    '208,000'
    """
    return fmt.number(fmt.rounded(x, 3))


# the basis of lesson 5's city station (its computation: ÷ one person's all-sector use)
STATION_BASIS = "us-person"


def city_table(
    site_power: float = SITE_MW,
    names: tuple[str, ...] | list[str] = COMPARED_BASES,
    hidden: tuple[str, ...] = (),
    closed: str = "",
) -> tuple[str, list[str], list[list[str]]]:
    """The site as a city on each basis in `names`: (caption, header, rows), for the city widget
    and for paper (lesson 5's city station on the worksheet). The rows of the bases in `hidden`
    show `closed` for their city: a station's own computation, not given away beside it.

    Examples
    --------
    >>> caption, header, rows = city_table()
    >>> rows[1][1:3]
    ['12,200 kWh per person', '215,000']
    >>> header
    ['basis', 'per year', 'people*', 'households*']
    """
    census = catalog.entry("conventions.persons_per_household")
    home = fmt.number(census.to("person/household"))
    ds = compute(site_power=site_power, basis=list(names))
    rows = []
    for b in names:
        one = ds.sel(basis=b)
        per = str(one.basis_per.values)
        # a city of households only on a household basis: a per-person city turned into homes
        # would blur the people/households distinction lesson 1 teaches
        homes = per == "household"
        rows.append(
            [
                catalog.label("bases", b),
                f"{fmt.number(float(one.basis_value))} kWh per {per}",
                closed if b in hidden else three_figures(float(one.city_people)),
                three_figures(float(one.city_households)) if homes else "—",
            ]
        )
    # short headers (reader 13), the household row explained in the caption ("US Census Bureau
    # CPS 2023": the source's name without its subtitle)
    caption = (
        # in GWh, as the exercises work, not rescaled to "2.63 TWh" (reader 33)
        f"{fmt.number(float(ds.annual_energy))} GWh per year; cities rounded to three "
        "figures, as the inputs are not known more closely. * On the household basis the city "
        f"counts homes, and its people are the people living in those homes, {home} to a home "
        f"on average ({census.source_title.split(':')[0]}); the per-person bases count people "
        "only"
    )
    return caption, ["basis", "per year", "people*", "households*"], rows


# what real chillers reach, beside the COP a cooling share implies
CHILLER_COP = "climate.published_cop.water-cooled-chiller-minimum"
_CHILLER_WHY = "ASHRAE 90.1's minimum for new equipment"


def power_split_line(cooling_fraction: float = COOLING_SHARE) -> str:
    """What the power-split widget reads out at `cooling_fraction` of the article site (default
    40 %, the middle of the article's 30–50 %): PUE, IT, heat and the implied cooling plant's
    COP beside a real chiller's (reader 14: a plant's COP beside a chiller's minimum, each
    named), for
    the widget and for paper (lesson 5's cooling station on the worksheet).

    Examples
    --------
    >>> "implied cooling-plant COP" in power_split_line()
    True
    """
    ds = compute(site_power=SITE_MW, cooling_fraction=cooling_fraction, site=ARTICLE_SITE)
    real = catalog.entry(CHILLER_COP)
    return (
        f"PUE {float(ds.pue):.2f} · IT {fmt.quantity(float(ds.it_power), 'MW')} · "
        f"heat removed from the halls {fmt.quantity(float(ds.heat_removed), 'MW')}, "
        f"rejected outside {fmt.quantity(float(ds.heat_rejected), 'MW')} · "
        f"implied cooling-plant COP {fmt.number(float(ds.cooling_cop))} (all the cooling "
        "power: chillers, fans, pumps, towers) · a water-cooled chiller alone, of the smallest "
        "size: at least COP "
        f"{fmt.number(real.value)} ({_CHILLER_WHY}); a whole plant's COP is lower than its "
        "chillers'"
    )


def cooling_verdict_table() -> tuple[list[str], list[list[str]]]:
    """Lesson 2's verdict on the hook as a table, (header, rows), from the lowest PUE to the
    highest: the article's 30, 40 and 50 % turned into PUEs, beside the published PUEs turned
    into cooling shares (AWS's expected new design, its fleet, the industry survey), each with
    the catalog's other losses and its cooling in MW of the 300 MW site (reader 21).

    Examples
    --------
    >>> head, rows = cooling_verdict_table()
    >>> head
    ['', 'PUE', 'cooling share', 'cooling']
    >>> [row[1:] for row in rows][1:3]  # 1 - 1/1.15 - 0.03 = 10.0 %; 1 / (1 - 0.30 - 0.03)
    [['1.15', '10.0 %', '30.1 MW'], ['1.49', '30.0 %', '90 MW']]
    """
    published = (
        ("AWS's expected new design", "climate.published_targets.aws-new-design"),
        ("AWS's fleet, a year's average", "cooling.aws-fleet.pue"),
        ("the industry survey's average", "cooling.industry-average.pue"),
    )
    rows = [
        (
            f"{label} ({catalog.entry(key).date.split('-')[0]})",
            catalog.value(key, "dimensionless"),
            power.cooling_fraction_for_pue(catalog.value(key, "dimensionless"), other_share()),
        )
        for label, key in published
    ]
    names = ("the article's low end", "the article's middle", "the article's high end")
    shares = (ARTICLE_COOLING_RANGE[0], COOLING_SHARE, ARTICLE_COOLING_RANGE[1])
    rows += [(n, power.pue(1 - f - other_share()), f) for n, f in zip(names, shares, strict=True)]
    head = ["", "PUE", "cooling share", "cooling"]
    return head, [
        [label, f"{pue:.2f}", fmt.percent(share, decimals=1), fmt.quantity(SITE_MW * share, "MW")]
        for label, pue, share in sorted(rows, key=lambda row: row[1])
    ]


def fleet_against_article_line() -> str:
    """Lesson 2's cooling at AWS's fleet PUE as a share of the article's 90–150 MW (a fifth to
    a third: a part of the article's figure, not "times less").

    Examples
    --------
    >>> fleet_against_article_line()  # 30.1 / 150 = 20 %, 30.1 / 90 = 33 %
    "At the fleet's PUE cooling gets 30.1 MW: 20 % to 33 % of the article's 90–150 MW."
    """
    fleet_mw = SITE_MW * power.cooling_share_at("aws-fleet")
    low_mw, high_mw = (SITE_MW * share for share in ARTICLE_COOLING_RANGE)
    return (
        f"At the fleet's PUE cooling gets {fmt.quantity(fleet_mw, 'MW')}: "
        f"{fmt.percent(fleet_mw / high_mw, 2)} to {fmt.percent(fleet_mw / low_mw, 2)} of the "
        f"article's {fmt.number(low_mw)}–{fmt.quantity(high_mw, 'MW')}."
    )


def other_losses_line() -> str:
    """Lesson 2's verdict against its one low-confidence input, the other losses: every cooling
    share moves point for point with it, so the line gives the fleet's share at the catalog's
    range of other losses and says that the verdict does not change (reader 50-12: the lesson
    took 3 % and never said what hangs on it).

    Examples
    --------
    >>> other_losses_line().split(": ")[0][-36:]  # 1 - 1/1.15 - 0.06 = 7 %; - 0.01: 12 %
    'fleet leaves 7 % to 12 % for cooling'
    """
    spread = catalog.uncertainty_ranges()["defaults.overhead_fraction"]
    most = power.cooling_share_at("aws-fleet", spread.low)
    least = power.cooling_share_at("aws-fleet", spread.high)
    low = ARTICLE_COOLING_RANGE[0]
    if most >= low / 2:  # the line's claim, checked against the figures it quotes
        raise ValueError(f"the fleet's cooling share {most:.3f} is not under half of {low}")
    return (
        f"Every share above takes the explorer's {fmt.percent(other_share())} of other losses, a "
        f"rough estimate. With {fmt.percent(spread.low)} to {fmt.percent(spread.high)}, the "
        f"fleet leaves {fmt.percent(least, decimals=0)} to {fmt.percent(most, decimals=0)} for "
        f"cooling: still under half the article's low end of {fmt.percent(low)}, so the verdict "
        "does not change."
    )


def survey_against_article_line() -> str:
    """Lesson 2's answer to the pairs' question, in words under the verdict table: where the
    survey's cooling share lies against the article's 30–50 % (inside or outside, and near which
    end), so that a student alone need not read it from the order of the rows (reader 40-12).

    Examples
    --------
    >>> survey_against_article_line()  # 1 - 1/1.56 - 0.03 = 32.9 %: 2.9 points above 30 %
    "The survey's 32.9 % is inside the article's 30–50 %, just above its low end."
    """
    share = power.cooling_share_at("industry-average")
    low, high = ARTICLE_COOLING_RANGE
    near = (high - low) / 4  # within a quarter of the range of an end: "just" by it
    if share < low:
        where = "below the article's {}, under its low end"
    elif share > high:
        where = "above the article's {}, over its high end"
    elif share - low <= near:
        where = "inside the article's {}, just above its low end"
    elif high - share <= near:
        where = "inside the article's {}, just below its high end"
    else:
        where = "inside the article's {}, away from both ends"
    return f"The survey's {fmt.percent(share, decimals=1)} is {where.format(article_range())}."


def cooling_rows() -> list[tuple[str, str]]:
    """Lesson 2's Advanced rows, as the notebook prints them and the answer key lists them (a room
    without computers reads them out): 40 %, the middle of the article's range, with a dry plant
    (air-cooled chillers evaporate no water), AWS's fleet PUE with AWS's reported WUE, and that PUE
    with all the heat rejected by evaporation (water = heat rejected ÷ the latent heat of water, so
    the water follows the heat, not the PUE; an upper bound, since towers also shed heat without
    evaporating; evaporation only: a tower's drain comes on top, `evaporation_line`). Rows 2 and 3
    share a PUE and so their cooling electricity: the water between them is what the fleet's
    economiser hours save. Each row: its label, then cooling, heat removed and rejected, COP, WUE
    and water a year.

    Examples
    --------
    >>> label, row = cooling_rows()[0]  # 40 % of 300 MW: 120 MW moves 180 MW of heat
    >>> label
    "1 · the article's middle, 40 %, dry"
    >>> row.split(";")[0]
    'cooling 120 MW, heat removed 180 MW, rejected 300 MW, COP 1.5'
    >>> cooling_rows()[2][1].split("; ")[1]  # 300 MW x 8,760 h x 1.47 L/kWh = 3.86e6 m³
    'WUE 1.69 L/kWh, water about 3.9 million m³ a year'
    """
    return [
        (
            label,
            f"cooling {cooling}, heat removed {removed}, rejected {rejected}, COP {cop}; "
            f"WUE {wue} L/kWh, water about {water} a year",
        )
        for label, cooling, removed, rejected, cop, wue, water in _cooling_cells()
    ]


def plant_cop_line() -> str:
    """A whole-plant yardstick for lesson 2's COPs (the ASHRAE minima are for chillers alone, at
    full load): the yearly COP of lesson 7's modern plant (`explorer.plant`'s chiller plant with
    a water-side economiser) through the Mississippi site's typical year, beside the article's.

    Examples
    --------
    >>> print(plant_cop_line())  # doctest: +NORMALIZE_WHITESPACE
    A yardstick for a whole plant, not a chiller alone: lesson 7's model of a modern chiller
    plant with a water-side economiser, through a typical year of the Mississippi site's
    weather, averages a COP of 7.1 (a model, not a measurement); the article's middle, 40 %,
    implies 1.5.
    """
    from ... import climate  # the typical years are slow to load: only when asked

    st = climate.load_station(climate.station_for(ARTICLE_SITE))
    share, _ = climate.annual_cooling(st, "chiller-economiser", other_share())
    model, article = (
        float(compute(site=ARTICLE_SITE, cooling_fraction=float(f)).cooling_cop)
        for f in (share, COOLING_SHARE)
    )
    return (
        "A yardstick for a whole plant, not a chiller alone: lesson 7's model of a modern "
        "chiller plant with a water-side economiser, through a typical year of the Mississippi "
        "site's weather, averages a COP of "
        f"{model:.1f} (a model, not a measurement); the article's middle, "
        f"{fmt.percent(COOLING_SHARE)}, implies {article:.1f}."
    )


def economiser_hours_line() -> str:
    """Why lesson 2's row 2 is not a figure for this site: AWS's WUE is its fleet's average,
    and outside air cools a hot, humid site for fewer hours than a cool one. The hours on outside
    air alone in a typical year, in the explorer's air-side economiser model (`explorer.plant`,
    ASHRAE class A1), at the Mississippi site's weather station and at AWS's Indiana site's.

    Examples
    --------
    >>> print(economiser_hours_line())  # doctest: +NORMALIZE_WHITESPACE
    Row 2 is AWS's average over all its sites, not this site. Outside air cools a hot, humid
    site for fewer hours. In the explorer's model of an air-side economiser, outside air alone
    cools the halls when it is at most 32 °C, with a dew point at most 17 °C (ASHRAE's
    allowable class A1 for the air into the servers). A typical year then gives 5,480 hours
    (63 % of the year) at the Mississippi site (Jackson, MS), against 7,030 hours (80 %) at
    AWS's Indiana site (South Bend, IN).
    """
    from ... import climate  # the typical years are slow to load: only when asked

    def free_hours(site: str) -> tuple[float, float, str]:
        st = climate.load_station(climate.station_for(site))
        regime = climate.plant_year(st, "air-evaporative").year.regime  # one value an hour
        free = float((regime == plant.REGIMES.index("free")).sum())
        town = st.name.split(" International")[0].split(" Michiana")[0]
        return free, free / regime.size, f"{town}, {st.state}"

    (ms, ms_share, ms_town), (ind, ind_share, ind_town) = map(
        free_hours, ("rainier-mississippi", "rainier-indiana")
    )
    # the limits the hours rest on, said with them (reader 48-12: 63 % could not be judged)
    env = plant.envelope()
    return (
        "Row 2 is AWS's average over all its sites, not this site. Outside air cools a hot, "
        "humid site for fewer hours. In the explorer's model of an air-side economiser, outside "
        f"air alone cools the halls when it is at most {env.dry_bulb_max:g} °C, with a dew "
        f"point at most {env.dew_point_max:g} °C (ASHRAE's allowable class {env.name.upper()} "
        f"for the air into the servers). A typical year then gives {three_figures(ms)} hours "
        f"({fmt.percent(ms_share, 2)} of the year) at the Mississippi site ({ms_town}), "
        f"against {three_figures(ind)} hours ({fmt.percent(ind_share, 2)}) at AWS's Indiana "
        f"site ({ind_town})."
    )


def cooling_table() -> tuple[list[str], list[list[str]]]:
    """`cooling_rows` as a table, (header, rows), as the notebook shows them: one column per
    figure, so that no printed line runs past a projected screen (reader 17).

    Examples
    --------
    >>> head, rows = cooling_table()
    >>> head[1], rows[0][1:5]
    ('cooling', ['120 MW', '180 MW', '300 MW', '1.5'])
    """
    head = ["row", "cooling", "heat removed", "heat rejected", "COP", "WUE (L/kWh)", "water a year"]
    return head, [list(cells) for cells in _cooling_cells()]


def _cooling_cells() -> list[tuple[str, ...]]:
    """`cooling_rows`' figures, each as printed: label, cooling, heat removed and rejected, COP,
    WUE and water a year (two figures: the WUE is an estimate)."""
    fleet_share = power.cooling_share_at("aws-fleet")
    wet = compute(cooling_fraction=fleet_share, site=ARTICLE_SITE)
    # every kWh of heat rejected by evaporation; the WUE counts litres per kWh of IT energy
    wet_wue = plant.evaporated_water() * float(wet.heat_rejected / wet.it_power)
    rows = (
        (
            f"1 · the article's middle, {fmt.percent(COOLING_SHARE)}, dry",
            COOLING_SHARE,
            {"wue": 0.0},
        ),
        ("2 · AWS's fleet PUE, AWS's reported water use", fleet_share, {}),
        (
            # evaporation alone: a tower's drain adds more water (reader 50-12: "at most" read
            # as the most a wet plant could use)
            "3 · AWS's fleet PUE, all heat by evaporation (evaporation alone)",
            fleet_share,
            {"wue": wet_wue},
        ),
    )
    out = []
    for label, cf, water_use in rows:
        ds = compute(cooling_fraction=cf, site=ARTICLE_SITE, **water_use)
        water = fmt.rounded(float(ds.annual_water), 2)
        out.append(
            (
                label,
                fmt.quantity(float(ds.cooling_power), "MW"),
                fmt.quantity(float(ds.heat_removed), "MW"),
                fmt.quantity(float(ds.heat_rejected), "MW"),
                f"{float(ds.cooling_cop):.1f}",
                fmt.number(float(ds.wue), 3),
                fmt.quantity(water, "m3"),
            )
        )
    return out


def evaporation_line(drain: bool = True) -> str:
    """The physics under row 3 of `cooling_rows`, from the catalog's latent heat, and (with
    `drain`) the water a cooling tower drains on top (`drain_line`): row 3 is evaporation
    only, so a wet plant's total water can be higher.

    Examples
    --------
    >>> evaporation_line()[:55]
    'Water evaporated ≈ heat rejected by evaporation ÷ the l'
    >>> evaporation_line().split("; ")[-1]  # 1.47 L x 3 / (3 - 1) = 2.2 L
    'about 2.2 L for each kWh of heat in all'
    >>> evaporation_line(drain=False)[-28:]
    'a dry plant evaporates none.'
    """
    latent = catalog.entry("climate.latent_heat")
    physics = (
        "Water evaporated ≈ heat rejected by evaporation ÷ the latent heat of water "
        f"({fmt.number(latent.value)} kJ/kg, {latent.source_title.split(':')[0]}): "
        f"{fmt.number(plant.evaporated_water(), 3)} L for each kWh of heat; a dry plant "
        "evaporates none."
    )
    return f"{physics} {drain_line()}" if drain else physics


def drain_line() -> str:
    """The water a cooling tower drains on top of what it evaporates (its bleed-off, at the
    cycles of concentration of lesson 7's tower plant); lesson 2 folds it away, for the
    curious (reader 39-12: three lines under the rows were too much to hold).

    Examples
    --------
    >>> drain_line().split("; ")[-1]  # 1.47 L x 3 / (3 - 1) = 2.2 L
    'about 2.2 L for each kWh of heat in all'
    """
    cycles = plant.params("cooling_tech.chiller-economiser")["cycles_of_concentration"]
    drawn = cycles / (cycles - 1)  # water drawn ÷ water evaporated, with the bleed-off
    return (
        "A cooling tower also drains some of its water to keep it clean: at "
        f"the {fmt.number(cycles)} cycles of concentration of lesson 7's plant it draws "
        f"{fmt.number(drawn, 2)} times what it evaporates; "
        f"about {fmt.number(plant.evaporated_water() * drawn, 2)} L for each kWh of heat in all"
    )


def rows_look_for_line() -> str:
    """What to look for in lesson 2's Advanced rows, said before them (reader 39-12): the
    COP column against the two chiller yardsticks, and row 2's water against row 3's.

    Examples
    --------
    >>> print(rows_look_for_line())  # doctest: +NORMALIZE_WHITESPACE
    What to look for: the article's COP (row 1) against the chillers' 2.8 and 4.5; then row 2's
    water against row 3's.
    """
    air, water = (
        fmt.number(
            catalog.value(f"climate.published_cop.{k}-cooled-chiller-minimum", "dimensionless")
        )
        for k in ("air", "water")
    )
    return (
        f"What to look for: the article's COP (row 1) against the chillers' {air} and {water}; "
        "then row 2's water against row 3's."
    )


def rows_notes() -> list[tuple[str, str]]:
    """The notes under lesson 2's Advanced rows, each with the name the lesson's text calls it
    by (reader 41-12: "the last line under the rows" was hard to find as homework, with a fold
    before it): a whole plant's COP (`plant_cop_line`), the water per kWh of heat
    (`evaporation_line`, without the tower's drain: `DRAIN_NOTE` folds it) and the outside-air
    hours (`economiser_hours_line`).

    Examples
    --------
    >>> [name for name, _ in rows_notes()]
    ['Whole-plant COP', 'Water per kWh of heat', 'Outside-air hours']
    """
    return [
        ("Whole-plant COP", plant_cop_line()),
        ("Water per kWh of heat", evaporation_line(drain=False)),
        ("Outside-air hours", economiser_hours_line()),
    ]


DRAIN_NOTE = "A cooling tower's drain"  # the fold under lesson 2's rows, for the curious


DAY_S, HOUR_S = factor("day", "s"), factor("hour", "s")
OTHER_TEXT, FLEET_PUE_TEXT = fmt.percent(other_share()), fmt.number(fleet_pue())
HOURS = fmt.number(hours_in_year())
TRN2_TDP, TRN2_OVERHEAD = (
    fmt.number(chip_value("trn2", "tdp", "W")),
    fmt.number(chip_value("trn2", "server_overhead", "dimensionless")),
)
IT_SHARE = 1 - COOLING_SHARE - other_share()
SITE = fmt.quantity(SITE_MW, "MW")
LLAMA = fmt.sci(model_compute("llama3-405b"), 2)
RESTART = catalog.value("reliability.restart_time", "minute")


def trn2_all_in_w() -> float:
    """One Trainium2's watts with its server's overhead.

    Examples
    --------
    >>> trn2_all_in_w()
    910.0
    """
    return chip_value("trn2", "tdp", "W") * chip_value("trn2", "server_overhead", "dimensionless")


def trn2_chips_step(it_w: float) -> str:
    """The chips' worked step from an IT power `it_w` [W]: one chip's watts, then the division
    (reader 36: "500 W × 1.82 per chip ⇒ about 287,000 chips" skipped both).

    Examples
    --------
    >>> trn2_chips_step(260.9e6)
    '500 W × 1.82 = 910 W per chip; 261 MW ÷ 910 W ≈ 287,000 chips'
    """
    one = fmt.number(trn2_all_in_w())
    it = fmt.quantity(it_w * factor("W", "MW"), "MW")
    return (
        f"{TRN2_TDP} W × {TRN2_OVERHEAD} = {one} W per chip; {it} ÷ {one} W ≈ "
        f"{fmt.number(float(f'{it_w / trn2_all_in_w():.3g}'))} chips"
    )


def chip_pue_slips() -> tuple[Trap, ...]:
    """The slips of taking a PUE off a site's power before counting its chips, the same in the
    three exercises that count Trainium2 chips from a site (lesson 3's, lesson 5's chips
    station, lesson 6's step 1): PUE − 1 taken as the non-IT share (site × (2 − PUE), 2.3 %
    under the answer: so the three accept ±2 %, not more), and the PUE multiplied, not
    divided, with the chip's power all in or its bare TDP (readers 20).

    Examples
    --------
    >>> [t.id for t in chip_pue_slips()]
    ['pue-minus-one-as-non-it', 'pue-multiplied', 'pue-multiplied-bare-tdp']
    """
    site_w, pue = SITE_MW * factor("MW", "W"), fleet_pue
    it_mw = fmt.quantity(SITE_MW / pue(), "MW")
    divide = (
        f"PUE = site ÷ IT power, so IT power = site ÷ {FLEET_PUE_TEXT} = {it_mw}, less than the "
        "site: "
        "divide by the PUE, don't multiply"
    )
    return (
        Trap(
            "pue-minus-one-as-non-it",
            lambda: site_w * (2 - pue()) / trn2_all_in_w(),
            f"PUE − 1 is not the share of the site that is not IT: IT power is site ÷ PUE = "
            f"{SITE} ÷ {FLEET_PUE_TEXT} = {it_mw} ({fmt.percent(1 / pue())} of the site), not "
            f"{SITE} × (1 − {fmt.number(pue() - 1)}) = "
            f"{fmt.quantity(SITE_MW * (2 - pue()), 'MW')}",
            match=Match(
                # 278,819 to 281,621: clear of the other losses taken twice (278,069)
                rel_tol=0.005,
                # by its method too: with one chip's power rounded to 0.9 kW the slip gives 283,333,
                # inside the ±2 % a right count rounded the same way needs (289,855; reader 22)
                method=lambda: (
                    2 - pue(),
                    *(SITE_MW * (2 - pue()) * factor("MW", u) for u in ("MW", "kW", "W", "GW")),
                ),
            ),
        ),
        Trap("pue-multiplied", lambda: site_w * pue() / trn2_all_in_w(), divide),
        Trap(
            "pue-multiplied-bare-tdp",
            lambda: site_w * pue() / chip_value("trn2", "tdp", "W"),
            f"{divide}; and each chip needs its {TRN2_TDP} W TDP × the server overhead "
            f"({TRN2_OVERHEAD})",
        ),
    )


def h100_measured(which: str) -> float:
    """One H100's measured BF16 matrix multiplication, "best" or "sustained" [TFLOP/s].

    Examples
    --------
    >>> h100_measured('best')
    801.0
    """
    return catalog.value(f"measurements.h100-matmul.bf16_{which}", "TFLOP/s")


def h100_speeds() -> None:
    """Print lesson 4's section 2 figures: one H100's datasheet BF16 peak and its measured large
    matrix multiplication (a short burst, and held at its power limit), in TFLOP/s. The shares of
    peak are the question's answer, so they are not printed: students divide.

    Examples
    --------
    >>> h100_speeds()
    one H100, BF16, in TFLOP/s: datasheet peak 989
      one large matrix multiplication, best short burst: 801
      the same, held for 20 s at its 700 W power limit: 683
    """
    held = catalog.value("measurements.h100-matmul.bf16_sustained_duration", "s")
    peak = h100_peak("bf16") * factor("FLOP/s", "TFLOP/s")
    print(f"one H100, BF16, in TFLOP/s: datasheet peak {fmt.number(peak)}")
    print(
        f"  one large matrix multiplication, best short burst: {fmt.number(h100_measured('best'))}"
    )
    print(
        f"  the same, held for {fmt.number(held)} s at its "
        f"{fmt.number(chip_value('h100', 'tdp', 'W'))} W power limit: "
        f"{fmt.number(h100_measured('sustained'))}"
    )


EXERCISES: dict[str, Exercise] = {}
# catalog figures an exercise has students work out as its first step (the hours in a year, for
# the site's energy): a sources list (`widgets.where_from`) leaves them blank until that exercise
# is revealed, and the students' handout and worksheet blank them (`guessed_figures`)
WORKED_OUT = {
    "conventions.hours_per_year": "energy-300mw",
    # Meta's published compute is 6 N D rounded: the answer to llama-compute (reader 17)
    "models.llama3-405b.training_compute": "llama-compute",
    # Meta's GPU-hours ÷ its 16,384 GPUs against 6 N D's days give its goodput, 86 %: the
    # answer to lesson 4's goodput prediction (reader 32)
    "models.llama3-405b.gpu_hours": "goodput-16k",
}
# the WORKED_OUT figures a student does not work out: they are shown once their exercise is
# done (Meta's GPU-hours, under lesson 4's back-to-the-hook), so a sources list says "shown
# here", not "you work this out" (reader 49-34: students searched for a calculation)
SHOWN_WITH = frozenset({"models.llama3-405b.gpu_hours"})
# catalog figures a lesson's question has students tell apart before an exercise uses them
# (lesson 3: which of Trainium2's quoted peaks is dense BF16 and which dense FP8): a sources list
# (`widgets.where_from`) names them only once that exercise is revealed. Unlike WORKED_OUT, the
# numbers stay on paper, where the question itself quotes them unlabelled (reader 18)
TOLD_APART = {
    "chips.trn2.fp8_dense": "ultraserver-fp8",
    "chips.trn2.bf16_dense": "ultraserver-fp8",
}


def add_exercise(e: Exercise) -> None:
    """Add exercise `e` to `EXERCISES`, after those added before it.

    Examples
    --------
    >>> add_exercise(EXERCISES['energy-300mw'])  # an id already there keeps its place
    >>> list(EXERCISES).index('energy-300mw')
    0
    """
    EXERCISES[e.id] = e


def above_zero() -> Bound:
    """The range of a ratio of two positive figures (a COP, FLOP/s per MW against another's):
    above 0, with no top.

    Examples
    --------
    >>> above_zero().lo, above_zero().lo_open
    (0, True)
    """
    return Bound(0, math.inf, lo_open=True)


def about(x: float, figures: int = 3) -> str:
    """`x` rounded to `figures` significant figures and printed, for a figure whose last digits
    mean nothing (the fastest job size: the optimum is flat).

    Examples
    --------
    >>> about(128_494), about(104_139.2)
    ('128,000', '104,000')
    """
    return fmt.number(fmt.rounded(x, figures))


_COUNT_WORDS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight"}
_A_NTH = {2: "half", 3: "a third", 4: "a quarter", 5: "a fifth", 6: "a sixth", 8: "an eighth"}
# how far from a whole number of weeks or months a duration may lie and still be "about" it
# (5.75 days is "under a week", not "about a week")
_ABOUT = 0.1


def _count(n: int, unit: str) -> str:
    """``"a week"``, ``"three weeks"``; digits beyond the words (``"13 months"``)."""
    return f"a {unit}" if n == 1 else f"{_COUNT_WORDS.get(n, str(n))} {unit}s"


def span_words(days: float) -> str:
    """A duration [day] as said aloud: under, about or over a whole number of weeks (below three
    and a half weeks) or months, so that the lessons' "What we found" follow the core's days
    instead of typing them.

    Examples
    --------
    >>> span_words(11.1), span_words(21.5), span_words(22.6), span_words(5.75)
    ('under two weeks', 'about three weeks', 'over three weeks', 'under a week')
    >>> span_words(32.3), span_words(67.0)
    ('about a month', 'over two months')
    """
    week, month = factor("week", "day"), factor("month", "day")
    length, unit = (week, "week") if days < 3.5 * week else (month, "month")
    whole = max(1, round(days / length))
    off = days / length - whole
    if abs(off) <= _ABOUT:
        return f"about {_count(whole, unit)}"
    return f"{'under' if off < 0 else 'over'} {_count(whole, unit)}"


def times_words(ratio: float) -> str:
    """A ratio above one as said aloud: "about twice", "about six times", "five times" (a
    whole ratio).

    Examples
    --------
    >>> times_words(2.08), times_words(6.1), times_words(5)
    ('about twice', 'about six times', 'five times')
    """
    n = round(ratio)
    words = "twice" if n == 2 else f"{_COUNT_WORDS.get(n, str(n))} times"
    return words if ratio == n else f"about {words}"


def part_words(share: float) -> str:
    """A share below one as said aloud: "about half", "about a sixth", "less than a tenth".

    Examples
    --------
    >>> part_words(0.49), part_words(0.16), part_words(0.086)
    ('about half', 'about a sixth', 'less than a tenth')
    """
    tenth = 10
    if share < 1 / tenth:
        return "less than a tenth"
    n = min(_A_NTH, key=lambda k: abs(share * k - 1))
    return f"about {_A_NTH[n]}"


def under_part_words(share: float) -> str:
    """A share below one as an upper bound said aloud: the smallest listed part above it.

    Examples
    --------
    >>> under_part_words(0.221), under_part_words(0.45)
    ('under a quarter', 'under half')
    """
    n = max((k for k in _A_NTH if share < 1 / k), default=1)
    return f"under {_A_NTH[n]}" if n > 1 else "under the whole"


# a phrase of a markdown cell said differently on paper: `<!-- paper: "on screen" → "on paper" -->`
# in the same cell; hidden on screen, applied to the handout and the worksheet (reader 22)
ON_PAPER = re.compile(r'<!--\s*paper:\s*"([^"]+)"\s*→\s*"([^"]*)"\s*-->\n?')


def on_paper(source: str) -> str:
    r"""A markdown cell's `source` as paper says it: each phrase its ``paper:`` comments name is
    swapped (across line breaks) and the comments dropped.

    Examples
    --------
    >>> on_paper('Predict it before the slider\nbelow shows it:\n<!-- paper: "before the slider '
    ...          'below shows it" → "before your teacher reads it out" -->')
    'Predict it before your teacher reads it out:\n'
    """
    # the comments come out first: a swap must not reach the phrase quoted inside its own
    # comment (swapped to "", the comment no longer read as one and was printed)
    swaps, source = ON_PAPER.findall(source), ON_PAPER.sub("", source)
    for screen, paper in swaps:
        said = re.compile(r"\s+".join(map(re.escape, screen.split())))
        if not said.search(source):
            raise ValueError(f"no {screen!r} in the cell to say on paper")
        source = said.sub(lambda _: paper, source)  # noqa: B023 (used at once)
    return source
