"""Lesson 8's printouts (walkthrough ``08-why-are-the-numbers-contested``): the tables its cells
show, from the core and the catalog, so each notebook cell stays one line on the student
handout.

Examples
--------
>>> ranges_table("rainier-mississippi")  # doctest: +ELLIPSIS
figure                           low end           central          high end
...
for contrast, two sure figures (high confidence), used as they are:
hours in a year ...
"""

from __future__ import annotations

import textwrap
from functools import cache

from .. import catalog, fmt, uncertainty
from ..ui import headlines
from ..units import factor

# units as the table writes them; the chip's speed names the chip
_UNITS = {"kWh / household / year": "kWh a year", "L / kWh": "L per kWh", "g / kWh": "g per kWh"}
_LABELS = {"chips.trn2.fp8_sparse": "Trainium2 FP8 sparse"}
# why a range's central value sits at one of its ends (reader 20: "Trainium2 FP8 sparse 2,563 /
# 2,563 / 5,200" with no word on why), in the catalog's own terms (its range notes)
_ONE_SIDED = {
    "sites.rainier-mississippi.site_power": "the article's figure; one tracker lists more",
    "defaults.it_overhead": "announced campuses' nameplate covers it; one itemised estimate adds",
    "defaults.load_factor": "300 MW read as the year's average, as the article does; below, "
    "read as the grid connection",
    "chips.trn2.fp8_sparse": "AWS's documented sparse speed, twice the dense; the article's "
    "table implies four times the dense",
}


def _fill(text: str, width: int) -> str:
    """`text` wrapped to `width`, never between a number and its per cent sign."""
    return textwrap.fill(text.replace(" %", "\u00a0%"), width).replace("\u00a0%", " %")


def _shown(value: float, unit: str, times: bool) -> str:
    """One end of a range as the table writes it: ×1.09 for a multiplier, 10 % for a share."""
    if times:  # a multiplier: the power or speed is multiplied by it
        return f"×{fmt.number(value)}"
    if not unit:
        return fmt.percent(value)
    return f"{fmt.number(value)} {unit}"


def hook_average(site: str) -> tuple[float, float]:
    """The hook's yearly average power of `site` [MW]: today's announced site power (the low
    end of its range, not the planned 750 MW) × the load factor's low and high ends.

    Examples
    --------
    >>> hook_average("rainier-mississippi")  # 300 MW × 70 % and × 100 %
    (210.0, 300.0)
    """
    ranges = catalog.uncertainty_ranges()
    announced = ranges[f"sites.{site}.site_power"].low  # today's announced power, not the 750
    load = ranges["defaults.load_factor"]
    return announced * load.low, announced * load.high


def hook_figures(site: str) -> str:
    """The hook's two ranges from the catalog, so that a student can reason to a guess (reader
    26): the site's yearly average today, from the load factor's low end (a convention) to all
    of its announced power, and a US household's yearly use. The expansion is left out: it is
    step 2's twist.

    Examples
    --------
    >>> print(hook_figures("rainier-mississippi"))
    The site's yearly average: from 210 MW (a load factor of 70 %, a stated convention) up to
    300 MW. A household's use: from 10,500 to 10,800 kWh a year.
    """
    low, high = hook_average(site)
    load = catalog.uncertainty_ranges()["defaults.load_factor"].low
    home = catalog.uncertainty_ranges()["bases.us-household.value"]
    text = (
        f"The site's yearly average: from {fmt.quantity(low, 'MW')} (a load factor "
        f"of {fmt.percent(load)}, a stated convention) up to {fmt.quantity(high, 'MW')}. "
        f"A household's use: from {fmt.number(home.low)} to {fmt.number(home.high)} kWh a year."
    )
    return textwrap.fill(text, 90)


def ranges_table(site: str) -> None:
    """Step 1: each uncertain figure of `site`'s model with its low end, central value and high
    end (the cooling share with the article's figures at its centre: the lesson tests the
    article), then two sure figures, used as they are, with their sources.

    Examples
    --------
    >>> ranges_table("rainier-mississippi")  # doctest: +ELLIPSIS
    figure ...
    use per household ...
    ...
    """
    print(f"{'figure':22} {'low end':>17} {'central':>17} {'high end':>17}")
    for p in uncertainty.parameters(site, cooling_default="article"):
        r = catalog.uncertainty_ranges()[p.key]
        unit = "" if r.unit in ("1", "dimensionless") else _UNITS.get(r.unit, r.unit)
        times = not unit and r.high > 1
        label = _LABELS.get(p.key, headlines.figure_label(p.key))
        print(
            f"{label:22} {_shown(r.low, unit, times):>17} "
            f"{_shown(r.central, unit, times):>17} {_shown(r.high, unit, times):>17}"
        )
    # the hook's range is this table's site power × its load factor (reader 42: "site power
    # 300-750 MW" read against the hook's 210-300 MW, with the product never written down)
    ranges = catalog.uncertainty_ranges()
    announced = ranges[f"sites.{site}.site_power"].low
    load = ranges["defaults.load_factor"]
    low, high = hook_average(site)
    print()
    print(
        _fill(
            f"The hook's yearly average, {fmt.quantity(low, 'MW')} to "
            f"{fmt.quantity(high, 'MW')}, is the site power "
            f"({fmt.quantity(announced, 'MW')}) × the load factor ({fmt.percent(load.low)} to "
            f"{fmt.percent(load.high)}).",
            90,
        )
    )
    print()
    ends = [
        f"{_LABELS.get(key, headlines.figure_label(key))} ({why})"
        for key, why in _ONE_SIDED.items()
        if key in {p.key for p in uncertainty.parameters(site, cooling_default="article")}
    ]
    text = (
        "Where the central value sits at one end of its range, it is the sourced figure (or the "
        "article's reading) and only one source, or a convention, lies beyond it: "
        + "; ".join(ends)
        + "."
    )
    print(textwrap.fill(text, 90))
    print()
    print("for contrast, two sure figures (high confidence), used as they are:")
    for key, label in (
        ("conventions.hours_per_year", "hours in a year"),
        ("cooling.aws-fleet.pue", "AWS's fleet PUE"),
    ):
        e = catalog.entry(key)
        print(f"{label:22} {fmt.number(e.value):>17}   {e.source_title}, {e.date}")


def city_bases(site: str) -> None:
    """Step 1's basis: the article's city beside `site`'s city (everything central) in each of
    the lesson's bases (`explorer.classroom.lessons.contested_city_bases`), and how many times
    the basis alone moves it.

    Examples
    --------
    >>> city_bases("rainier-mississippi")  # doctest: +ELLIPSIS
    the article: a city of roughly 250,000 people
      the site, as ...
    the basis alone moves the city ... times
    each reads 300 MW as the year's average: an upper end for today's site (the “Which 300 MW?” box)
    """
    from .lessons import CITY_BASES, contested_city_bases

    city = catalog.conflicts(f"sites.{site}.city")[0]
    print(f"the article: a city of roughly {fmt.number(city['value'])} people")
    sizes = contested_city_bases()
    for (basis, _, _), (what, size) in zip(CITY_BASES, sizes, strict=True):
        # each basis's use and its year where the city is read (reader 45-78: 215,410 people
        # implies 12,200 kWh a person, a figure and year the row did not name)
        use = catalog.entry(f"bases.{basis}.value")
        per = use.unit.split("/")[1].strip()
        print(
            f"  the site, as {what}: {fmt.number(size)} (at {fmt.number(use.value)} kWh a "
            f"{per} a year, {use.date})"
        )
    biggest, smallest = max(s for _, s in sizes), min(s for _, s in sizes)
    print(f"the basis alone moves the city {fmt.number(biggest / smallest, 2)} times")
    # "which 300 MW?" is the box's and step 3's: here only which reading the bases take
    power = fmt.quantity(catalog.value(f"sites.{site}.site_power", "MW"), "MW")
    print(
        f"each reads {power} as the year's average: an upper end for today's site "
        f"(the “Which {power}?” box)"
    )


def connection_reading(site: str) -> tuple[float, float, float, float]:
    """Lesson 8's answer to "which 300 MW?" read as `site`'s grid connection: lesson 7's hottest
    hour and yearly average [MW] at the site's power as its yearly average, the highest load
    factor a connection of that power allows (average ÷ hottest hour) and the city (US
    households) at it.

    Examples
    --------
    >>> peak, average, lf, city = connection_reading("rainier-mississippi")
    >>> peak > average and 0.85 < lf < 1
    True
    """
    from .computed import compute
    from .lessons import hot_year

    year = hot_year()[0]  # lesson 7's year, at the site's power as its yearly average
    hours = catalog.value("conventions.hours_per_year", "hour/year")
    average = float(year.annual_energy) * factor("GWh", "MWh") / hours
    peak = float(year.peak_facility_power)
    lf = average / peak
    city = float(compute(site=site, basis="us-household", load_factor=lf).city_households)
    return peak, average, lf, city


@cache
def default_plant_bound(site: str) -> tuple[str, float]:
    """The explorer's default plant for `site` (its chip's cooling technology) and the highest
    load factor a grid connection at the site's power allows with it (average ÷ hottest hour),
    in lesson 7's weather: `connection_reading`'s bound rests on lesson 7's chiller plant.

    Examples
    --------
    >>> tech, lf = default_plant_bound("rainier-mississippi")
    >>> tech, 0.7 < lf < 1
    ('air-evaporative', True)
    """
    from ..climate import default_tech
    from ..scenario import climate_year

    tech = default_tech(catalog.raw()["sites"][site]["chip"])
    power = catalog.value(f"sites.{site}.site_power", "MW")
    year = climate_year(site, tech, site_power=power, hot_day="wet-bulb")
    hours = catalog.value("conventions.hours_per_year", "hour/year")
    average = float(year.annual_energy) * factor("GWh", "MWh") / hours
    return tech, average / float(year.peak_facility_power)


def city_corners(site: str) -> None:
    """Step 2, after contested-city-high: the city at the corners of the ranges (every figure at
    the end that pushes the same way), then with the site at its announced power, then with its
    power also read as the year's average: the hook's answers (`lessons.contested_city_range`).

    Examples
    --------
    >>> city_corners("rainier-mississippi")  # doctest: +ELLIPSIS
    city: 170,333 to 625,714 households (central 245,264): the biggest is 3.67 times the smallest
    with the site at its announced 300 MW (no expansion): 170,333 to 250,286, 1.47 times
    and with 300 MW read as the year's average (load factor 1, the article's reading): 243,333...
    """
    from .lessons import SITE_MW, contested_city_range, contested_city_range_today

    low, central, high = contested_city_range()
    print(
        f"city: {fmt.number(low)} to {fmt.number(high)} households "
        f"(central {fmt.number(central)}): the biggest is {fmt.number(high / low, 3)} times "
        "the smallest"
    )
    low, _, high = contested_city_range_today()
    announced = high / low
    print(
        f"with the site at its announced {fmt.quantity(SITE_MW, 'MW')} (no expansion): "
        f"{fmt.number(low)} to {fmt.number(high)}, {fmt.number(high / low, 3)} times"
    )
    lf = catalog.uncertainty_ranges()["defaults.load_factor"].central
    low, _, high = contested_city_range_today(load_factor=lf)
    text = (
        f"and with {fmt.quantity(SITE_MW, 'MW')} read as the year's average (load factor "
        f"{fmt.number(lf)}, the article's reading): {fmt.number(low)} to {fmt.number(high)}, "
        f"{fmt.number(high / low, 3)} times: only the use per household moves it; reading "
        f"{fmt.quantity(SITE_MW, 'MW')} as a grid connection (a load factor below "
        f"{fmt.number(lf)}) makes the rest of the gap, up to "
        f"the {fmt.number(announced, 3)} times above."
    )
    print(textwrap.fill(text, 96))


def below_flat_out(site: str) -> None:
    """Step 3, after the tornado: "which 300 MW?" answered both ways. The central load factor
    (1) reads `site`'s power as the year's average, as the article does; read as the grid
    connection, lesson 7's weather caps the load factor below 1 (the hottest hour must fit
    under the connection) and the city (US households) shrinks with it; the range's low end, a
    convention, adds idle time on top.

    Examples
    --------
    >>> below_flat_out("rainier-mississippi")  # doctest: +ELLIPSIS
    Which 300 MW? With lesson 7's chiller plant, in its weather, the hottest hour draws 330 MW...
    """
    from .computed import compute

    peak, average, lf, city = connection_reading(site)
    flat = float(compute(site=site, basis="us-household").city_households)
    city = fmt.rounded(city, 3)  # "about": three figures, as the key prints a count
    low = catalog.uncertainty_ranges()["defaults.load_factor"]
    power = catalog.value(f"sites.{site}.site_power", "MW")
    text = (
        f"Which {fmt.quantity(power, 'MW')}? With lesson 7's chiller plant, in its weather, the "
        "hottest hour draws "
        f"{fmt.quantity(peak, 'MW')} for a yearly average of {fmt.quantity(average, 'MW')} "
        "(a plant model is needed: a fixed cooling share does not follow the weather, so it "
        "has no hottest hour; this is the plant lesson 7 followed hour by hour). "
        f"Read as the year's average (load factor {fmt.number(low.central)}, the central value: "
        f"the article's reading), {fmt.quantity(power, 'MW')} is a city of {fmt.number(flat)} "
        "households, and the grid connection must be bigger. Read as the grid connection, the "
        "hottest hour must fit under it, so the year could average at most "
        f"{fmt.number(lf, 2)} of it (load factor): a city of about {fmt.number(city)} "
        "households, with lesson 7's chiller plant "
        f"({fmt.number(default_plant_bound(site)[1], 2)} with the default "
        f"{default_plant_bound(site)[0]} plant); idle phases would take it lower, towards the "
        "range's low end, "
        f"{fmt.number(low.low)} (a convention). The article does not say which; the range "
        "holds both readings."
    )
    print(textwrap.fill(text, 90, break_on_hyphens=False))


def cooling_shares(site: str) -> None:
    """Step 4: the cooling share the article states, AWS's fleet figure and what the explorer's
    two plant models compute for `site` over a typical year.

    Examples
    --------
    >>> cooling_shares("rainier-mississippi")  # doctest: +ELLIPSIS
    cooling share, the article: 30 %–50 % of the site's power ...
    """
    from .lessons import ARTICLE_COOLING_RANGE, article_pue_range

    low_pue, high_pue = article_pue_range()
    low_share, high_share = ARTICLE_COOLING_RANGE
    fleet = catalog.conflicts(f"sites.{site}.cooling_fraction")[0]
    print(
        f"cooling share, the article: {fmt.percent(low_share)}–{fmt.percent(high_share)} of the "
        f"site's power (a PUE of {fmt.number(low_pue)}–{fmt.number(high_pue)}, lesson 2)"
    )
    pue = catalog.value("cooling.aws-fleet.pue", "dimensionless")
    other = catalog.value("defaults.overhead_fraction", "dimensionless")
    # reader 48-78: 1 − 1/PUE alone is 13 %; the 10 % is that less the model's other losses
    print(
        f"cooling share, AWS's fleet: about {fmt.percent(fleet['value'])} (a fleet PUE of "
        f"{fmt.number(pue)}: {fmt.percent(1 - 1 / pue)} of the site's power is not IT, less "
        f"{fmt.percent(other)} of other losses; {fleet['source_title']}, {fleet['date']})"
    )
    # reader 49-78: 1.15 read as current; AWS's newer figure, from the catalog
    newer = catalog.entry("climate.published_fleet_pue.aws-2025")
    print(
        f"  (AWS reports {fmt.number(newer.value)} for {newer.date}: a cooling share of about "
        f"{fmt.percent(1 - 1 / newer.value - other, 1)})"
    )
    # the plant models' shares open with contested-cooling-swing's answer (`plants_cooling`)


def plants_cooling(site: str) -> None:
    """Step 4's contrast (after contested-cooling-swing): the explorer's two plants' mean cooling
    [MW] and cooling share over a typical year at `site`, and lesson 7's chiller plant at its peak
    on the day it is sized for and on the typical year's own hottest day.

    Examples
    --------
    >>> plants_cooling("rainier-mississippi")  # doctest: +ELLIPSIS
    for contrast, the air-evaporative plant (the explorer's default) over a typical year: ...
    ...
    """
    from ..scenario import climate_year
    from .computed import compute
    from .hot_days import hot_day_name
    from .lessons import HOT_TECH, SITE_MW, hot_year

    # the plant model: cooling from a typical year's weather, the default plant and lesson 7's
    for tech, which in ((None, "the explorer's default"), (HOT_TECH, "lesson 7's plant")):
        plant = compute(site=site, cooling_tech=tech)
        print(
            f"for contrast, the {plant.attrs['cooling_tech']} plant ({which}) over a typical "
            f"year: {fmt.quantity(float(plant.cooling_power), 'MW')} of cooling on average, "
            f"about {fmt.percent(float(plant.cooling_fraction), 3)} of the site's power"
        )
    design = hot_year()[0]  # lesson 7's year: its plant sized for its hot day
    print(
        f"lesson 7's chiller plant on {hot_day_name(design)}, the day it is sized for: "
        f"{fmt.quantity(float(design.peak_cooling_power), 'MW')} at its peak"
    )
    own = climate_year(  # the same year, hot day by the core's default: the year's own hottest
        design.attrs["site_preset"], HOT_TECH, site_power=SITE_MW
    )
    print(
        f'and on {own.attrs["hot_day"]} (lesson 7\'s "More detail"): '
        f"{fmt.quantity(float(own.peak_cooling_power), 'MW')} at its peak"
    )


def city_tornado_rows(site: str) -> list[tuple[str, str, str, str]]:
    """Step 3's tornado as rows, the figures that move the city only, the widest swing first:
    (figure, the city at its low end, at its high end, the swing), in households, each figure
    moved alone with the others central (the article's cooling, as step 1).

    Examples
    --------
    >>> [row[0] for row in city_tornado_rows("rainier-mississippi")]
    ['site power', 'load factor', 'use per household']
    """
    from ..ui.headlines import figure_label

    t = uncertainty.sensitivity("city_households", site=site, cooling_default="article")
    return [
        (
            figure_label(key),
            fmt.number(float(t.low.sel(parameter=key))),
            fmt.number(float(t.high.sel(parameter=key))),
            fmt.number(float(t.swing.sel(parameter=key))),
        )
        for key in t.parameter.values[t.swing.values > 0]
    ]


def every_figure(site: str):
    """Step 3's reveal (after the load-swing prediction): how the load factor's swing is made,
    the figures that move the city (`city_tornado_rows`, counted so that students check their
    ticks without counting), the central load factor's caveat (`below_flat_out`), and the city's
    tornado chart, open (`explorer.ui.tornado.TornadoPanel`, the city only: step 4 asks for the
    cooling swing). Moved here from the notebook's cell (reader 38: a 25-line function there).
    """
    from ..ui.tornado import TornadoPanel  # widgets: only where a chart is shown
    from .computed import compute

    low_load = catalog.uncertainty_ranges()["defaults.load_factor"].low
    print(
        "how the swing is made: the city is proportional to the energy, and the energy to the "
        f"load factor: drawing {fmt.percent(low_load)} of its power on average instead of all of "
        f"it shrinks the city by {fmt.percent(1 - low_load)}"
    )
    print()
    rows = city_tornado_rows(site)
    print(f"the city in households, each figure moved alone: {len(rows)} figures move it")
    for label, low, high, swing in rows:
        print(f"{label:24} low end → {low:>9}   high end → {high:>9}   swing {swing}")
    print("every other figure of step 1's table leaves the city where it is")
    print()
    below_flat_out(site)
    panel = TornadoPanel(lambda: None, choices=("city_households",))
    inputs = {"site": site, "cooling_default": "article"}  # the article's cooling, as step 1
    panel.update(inputs, compute(**inputs))
    panel.widget.selected_index = 0
    return panel.widget


def the_cooling_tornado(site: str) -> None:
    """Step 4's reveal (after the cooling-swing exercise): the cooling load with each figure
    moved alone from its low end to its high end, then the article's and the catalog's swings
    (`cooling_ends`) and the plants' cooling (`plants_cooling`).

    Examples
    --------
    >>> the_cooling_tornado("rainier-mississippi")  # doctest: +ELLIPSIS
    the cooling load, each figure moved alone from its low end to its high end:
    ...
    """
    t = uncertainty.sensitivity("cooling_power", site=site, cooling_default="article")
    print("the cooling load, each figure moved alone from its low end to its high end:")
    for key in t.parameter.values[t.swing.values > 0]:
        lo, hi = float(t.low.sel(parameter=key)), float(t.high.sel(parameter=key))
        print(
            f"{headlines.figure_label(key):24} {fmt.quantity(lo, 'MW')} → {fmt.quantity(hi, 'MW')}"
        )
    print()
    cooling_ends(site)
    print()
    plants_cooling(site)


def cooling_ends(site: str) -> None:
    """Step 4, after contested-cooling-swing: the cooling load [MW] at each end of the article's
    own cooling share (the exercise), then at each end of the catalog's contested range (the
    core's tornado, everything else central) and the swing between them, and why that swing
    equals the load at the central share here: a coincidence of this range, not the method.

    Examples
    --------
    >>> cooling_ends("rainier-mississippi")  # doctest: +NORMALIZE_WHITESPACE
    the article's own range, 30 % to 50 %: 90 MW to 150 MW, a swing of 60 MW
    the catalog's range, from AWS's fleet (10 %) to the article's top (50 %): 30 MW to 150 MW,
    a swing of 120 MW, twice the article's own
    <BLANKLINE>
    That 120 MW is also the cooling load at the central 40 %, because 50 % − 10 % happens to be
    40 %: a swing is the difference of its two ends, not the load at the centre.
    """
    from ..uncertainty import sensitivity
    from .computed import compute
    from .lessons import ARTICLE_COOLING_RANGE

    own = [
        float(compute(site=site, cooling_fraction=x).cooling_power) for x in ARTICLE_COOLING_RANGE
    ]
    print(
        f"the article's own range, {fmt.percent(ARTICLE_COOLING_RANGE[0])} to "
        f"{fmt.percent(ARTICLE_COOLING_RANGE[1])}: {fmt.quantity(own[0], 'MW')} to "
        f"{fmt.quantity(own[1], 'MW')}, a swing of {fmt.quantity(own[1] - own[0], 'MW')}"
    )
    key = f"sites.{site}.cooling_fraction"
    t = sensitivity("cooling_power", site=site, cooling_default="article")
    lo, hi = float(t.low.sel(parameter=key)), float(t.high.sel(parameter=key))
    share = catalog.uncertainty_ranges()[key]
    times = (hi - lo) / (own[1] - own[0])
    print(
        _fill(
            f"the catalog's range, from AWS's fleet ({fmt.percent(share.low)}) to the article's "
            f"top ({fmt.percent(share.high)}): {fmt.quantity(lo, 'MW')} to "
            f"{fmt.quantity(hi, 'MW')}, a swing of {fmt.quantity(hi - lo, 'MW')}, "
            + ("twice" if abs(times - 2) < 1e-9 else f"{fmt.number(times, 2)} times")
            + " the article's own",
            96,
        )
    )
    central = catalog.value(f"sites.{site}.cooling_fraction", "dimensionless")
    if abs((share.high - share.low) - central) < 1e-9:
        print()
        print(
            _fill(
                f"That {fmt.quantity(hi - lo, 'MW')} is also the cooling load at the central "
                f"{fmt.percent(central)}, because {fmt.percent(share.high)} − "
                f"{fmt.percent(share.low)} happens to be {fmt.percent(central)}: a swing is "
                "the difference of its two ends, not the load at the centre.",
                96,
            )
        )


def ninety_ranges(site: str, announced_mw: float) -> None:
    """Step 5: the headline numbers' 90 % ranges (the explorer app's small type), over every
    recorded range and then with the site held at its `announced_mw` [MW].

    Examples
    --------
    >>> ninety_ranges("rainier-mississippi", 300)  # doctest: +ELLIPSIS
    the city ...
    the site held at its announced 300 MW (no expansion):
    ...
    """
    ranges = headlines.headline_ranges(site=site)
    shown_as = {
        "city_households": "the city",
        "facility_load": "site power",
        "annual_energy": "energy per year",
    }
    for name, label in shown_as.items():
        print(f"{label:16} {headlines.headline_text(ranges[name])}")
    print()
    today = headlines.headline_ranges(site=site, site_power=announced_mw, preset_is_catalog=False)
    print(f"the site held at its announced {fmt.quantity(announced_mw, 'MW')} (no expansion):")
    for name, label in shown_as.items():
        print(f"{label:16} {headlines.headline_text(today[name])}")
    print(_at_the_top(today, shown_as))
    print()
    load = catalog.uncertainty_ranges()["defaults.load_factor"]
    shape = (
        f"a triangle that peaks at {fmt.number(load.central)} "
        f"({fmt.quantity(announced_mw, 'MW')} read as the year's average) and runs down to its "
        f"low end, {fmt.number(load.low)}"
        if load.distribution == "triangular"
        else f"drawn evenly from its low end, {fmt.number(load.low)}, to {fmt.number(load.high)}"
    )
    print(
        _fill(
            "In brackets: the 90 % range (5th to 95th percentile) of the draws over the "
            "catalog's recorded ranges. The first block counts the possible expansion as part "
            "of the range, spread by a convention (see What this model ignores). The second "
            f"leaves it out, but rests on the load factor's shape, a convention too: {shape}.",
            96,
        )
    )


def _at_the_top(today: dict[str, headlines.Headline], shown_as: dict[str, str]) -> str:
    """Why, with the site held at its power, a headline's central value sits at or above its
    95th percentile: the central load factor (300 MW read as the year's average) is the top of
    its catalog range, so no draw runs the site harder ("" when no headline sits there).

    Examples
    --------
    >>> from explorer.ui import headlines
    >>> today = headlines.headline_ranges(
    ...     site="rainier-mississippi", site_power=300, preset_is_catalog=False
    ... )
    >>> shown = {"annual_energy": "energy per year", "city_households": "the city"}
    >>> print(_at_the_top(today, shown))  # doctest: +NORMALIZE_WHITESPACE
    Why the central values above sit at the top: they read 300 MW as the year's average (load
    factor 1, the top of its range 0.7–1), and every draw reads it that way or as a grid
    connection the site averages below. So energy per year and the city sit at or above the top
    of their 90 % range.
    """
    top = [
        label
        for name, label in shown_as.items()
        if today[name].high > today[name].low  # a figure with a spread
        and float(today[name].central) >= float(today[name].high) * (1 - 1e-3)
    ]
    lf = catalog.uncertainty_ranges()["defaults.load_factor"]
    if not top or lf.central < lf.high:
        return ""
    # the reason first, then what it makes the student see (reader 48-78: "245,264 households
    # (189k–245k)" read as a bug, its reason in the third clause)
    one = len(top) == 1
    return textwrap.fill(
        f"Why the central {'value' if one else 'values'} above {'sits' if one else 'sit'} at "
        f"the top: {'it reads' if one else 'they read'} 300 MW as the year's average (load "
        f"factor {fmt.number(lf.central)}, the top of its range "
        f"{fmt.number(lf.low)}–{fmt.number(lf.high)}), and every draw reads it that way or as "
        f"a grid connection the site averages below. So {' and '.join(top)} "
        f"sit{'s' if one else ''} at or above the top of {'its' if one else 'their'} 90 % range.",
        90,
    )


ENDS_ON_PAPER = "the swing's ends are on the tables sheet below its first fold"
"""Where paper finds what contested-cooling-swing's reveal opens (`tables_sheet`'s first fold;
the notebook's next question and the worksheet say the same)."""


def tables_sheet(site: str, announced_mw: float) -> None:
    """The student's tables for a class without computers, answers left out: step 1's ranges and
    bases, step 4's cooling shares; below a fold the cooling tornado's ends and the plants'
    cooling (after contested-cooling-swing), below another step 5's 90 % ranges (after its
    question). No city tornado row and no corner of the ranges: those answer the exercises.

    Examples
    --------
    >>> tables_sheet("rainier-mississippi", 300)  # doctest: +ELLIPSIS
    Step 1 · which figures are estimates
    figure ...
    ✂ Fold the page here. ...
    Step 4 · after contested-cooling-swing: the swing's ends and where the plants fall
    ...
    ✂ Fold the page here. ...
    Step 5 · the 90 % ranges
    ...
    """
    from .hot_days import FOLD  # the tables sheets' fold mark

    print("Step 1 · which figures are estimates")
    ranges_table(site)
    print("\nStep 1 · the basis: people or households?")
    city_bases(site)
    print("\nStep 4 · the cooling share: the article against the explorer")
    cooling_shares(site)
    # each answer below a fold (teacher_pack renders a line that starts with FOLD as one)
    print(
        f"\n{FOLD} Fold the page here. Turn over only after answering contested-cooling-swing: "
        "below are the swings' ends and where the plants fall."
    )
    print("\nStep 4 · after contested-cooling-swing: the swing's ends and where the plants fall")
    cooling_ends(site)
    print()
    plants_cooling(site)
    print(
        f"\n{FOLD} Fold the page here. Turn over only after writing step 5's answer (above or "
        "below 300 MW?): below are the 90 % ranges."
    )
    print("\nStep 5 · the 90 % ranges")
    ninety_ranges(site, announced_mw)
