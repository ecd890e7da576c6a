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

from .. import catalog, fmt, uncertainty
from ..ui import headlines
from ..units import factor

# units as the table writes them; the chip's speed names the chip
_UNITS = {"kWh / household / year": "kWh a year", "L / kWh": "L per kWh", "g / kWh": "g per kWh"}
_LABELS = {"chips.trn2.fp8_sparse": "Trainium2 FP8 sparse"}


def _shown(value: float, unit: str, times: bool) -> str:
    """One end of a range as the table writes it: ×1.09 for a multiplier, 10 % for a share."""
    if times:  # a multiplier: the power or speed is multiplied by it
        return f"×{fmt.number(value)}"
    if not unit:
        return fmt.percent(value)
    return f"{fmt.number(value)} {unit}"


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
    each is the flat-out figure: ...
    """
    from .lessons import contested_city_bases

    city = catalog.conflicts(f"sites.{site}.city")[0]
    print(f"the article: a city of roughly {fmt.number(city['value'])} people")
    sizes = contested_city_bases()
    for what, size in sizes:
        print(f"  the site, as {what}: {fmt.number(size)}")
    biggest, smallest = max(s for _, s in sizes), min(s for _, s in sizes)
    print(f"the basis alone moves the city {fmt.number(biggest / smallest, 2)} times")
    lf = catalog.uncertainty_ranges()["defaults.load_factor"]
    text = (
        f"each is the flat-out figure: the site at load factor {fmt.number(lf.central)} (its "
        "power every hour of the year), an upper end for today's site, not its most likely city"
    )
    print(textwrap.fill(text, 90))


def below_flat_out(site: str) -> None:
    """Step 3, after the tornado: why the central load factor (flat out) is a convention no
    cooled site reaches. In lesson 7's weather the site's hottest hour draws more than its
    yearly average; were `site`'s power its grid connection, that hour would fit only if the
    year averaged at most average ÷ hottest hour of it, and the city (US households) shrinks
    with it.

    Examples
    --------
    >>> below_flat_out("rainier-mississippi")  # doctest: +ELLIPSIS
    lesson 7's weather: the hottest hour draws 330 MW for a yearly average of 300 MW...
    """
    from ..scenario import compute
    from .lessons import hot_year

    year = hot_year()[0]  # lesson 7's year, at the site's power as its yearly average
    hours = catalog.value("conventions.hours_per_year", "hour/year")
    average = float(year.annual_energy) * factor("GWh", "MWh") / hours
    peak = float(year.peak_facility_power)
    lf = average / peak
    city = float(compute(site=site, basis="us-household", load_factor=lf).city_households)
    flat = float(compute(site=site, basis="us-household").city_households)
    city = float(f"{city:.3g}")  # "about": three figures, as the key prints a count
    text = (
        f"lesson 7's weather: the hottest hour draws {fmt.quantity(peak, 'MW')} for a yearly "
        f"average of {fmt.quantity(average, 'MW')}. Were the site's power its grid connection, "
        f"the year could average at most {fmt.number(lf, 2)} of it (load factor): a city of "
        f"about {fmt.number(city)} households, not the flat-out {fmt.number(flat)}. The central "
        "value is a convention, not a value a cooled site reaches."
    )
    print(textwrap.fill(text, 90))


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
    print(
        f"cooling share, {fleet['source_title']} ({fleet['date']}): about "
        f"{fmt.percent(fleet['value'])} (a fleet PUE of "
        f"{fmt.number(catalog.value('cooling.aws-fleet.pue', 'dimensionless'))})"
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
    from ..scenario import climate_year, compute
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


def cooling_ends(site: str) -> None:
    """Step 4: the cooling load at each end of the contested cooling share [MW] and the swing
    between them (the core's tornado, everything else central), and why the swing equals the
    load at the central share here: a coincidence of this range, not the method.

    Examples
    --------
    >>> cooling_ends("rainier-mississippi")  # doctest: +NORMALIZE_WHITESPACE
    the cooling load at the low end (10 %): 30 MW; at the high end (50 %): 150 MW;
    the swing: 150 MW − 30 MW = 120 MW
    <BLANKLINE>
    The same 120 MW is also the cooling load at the central 40 %, because 50 % − 10 % happens to
    be 40 %: the swing is the difference of the two ends, not the load at the centre.
    """
    from ..uncertainty import sensitivity

    key = f"sites.{site}.cooling_fraction"
    t = sensitivity("cooling_power", site=site, cooling_default="article")
    lo, hi = float(t.low.sel(parameter=key)), float(t.high.sel(parameter=key))
    share = catalog.uncertainty_ranges()[key]
    print(
        f"the cooling load at the low end ({fmt.percent(share.low)}): {fmt.quantity(lo, 'MW')}; "
        f"at the high end ({fmt.percent(share.high)}): {fmt.quantity(hi, 'MW')};"
    )
    print(
        f"the swing: {fmt.quantity(hi, 'MW')} − {fmt.quantity(lo, 'MW')} = "
        f"{fmt.quantity(hi - lo, 'MW')}"
    )
    central = catalog.value(f"sites.{site}.cooling_fraction", "dimensionless")
    if abs((share.high - share.low) - central) < 1e-9:
        print()
        print(
            textwrap.fill(
                f"The same {fmt.quantity(hi - lo, 'MW')} is also the cooling load at the central "
                f"{fmt.percent(central)}, because {fmt.percent(share.high)} − "
                f"{fmt.percent(share.low)} happens to be {fmt.percent(central)}: the swing is "
                "the difference of the two ends, not the load at the centre.",
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
    print(
        "In brackets: the 90 % range (5th to 95th percentile) of the draws over the catalog's "
        "recorded ranges. The first block counts the possible expansion as part of the range, "
        "spread by a convention (see What this model ignores); the second leaves it out."
    )


def _at_the_top(today: dict[str, headlines.Headline], shown_as: dict[str, str]) -> str:
    """Why, with the site held at its power, a headline's central value sits at or above its
    95th percentile: the central load factor is the top of its catalog range, so no draw runs the
    site harder ("" when no headline sits there).

    Examples
    --------
    >>> from explorer.ui import headlines
    >>> today = headlines.headline_ranges(
    ...     site="rainier-mississippi", site_power=300, preset_is_catalog=False
    ... )
    >>> shown = {"annual_energy": "energy per year", "city_households": "the city"}
    >>> print(_at_the_top(today, shown))  # doctest: +NORMALIZE_WHITESPACE
    energy per year and the city sit at or above the top of their 90 % range: their central
    values run the site flat out (load factor 1, the top of its range 0.7–1), and every draw
    runs it at or below that.
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
    return textwrap.fill(
        f"{' and '.join(top)} sit{'s' if len(top) == 1 else ''} at or above the top of "
        f"{'its' if len(top) == 1 else 'their'} 90 % range: "
        f"{'its central value runs' if len(top) == 1 else 'their central values run'} the site "
        f"flat out (load factor {fmt.number(lf.central)}, the top of its range "
        f"{fmt.number(lf.low)}–{fmt.number(lf.high)}), and every draw runs it at or below that.",
        90,
    )


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
        "below are the cooling tornado's ends and where the plants fall."
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
