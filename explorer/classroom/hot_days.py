"""Lesson 7's printouts (walkthrough ``07-hot-days-the-grid-and-batteries``): the tables its
cells show, from the core, so each notebook cell stays one line.

Each function takes the lesson's climate year (`explorer.climate_year`) or grid shares
(`explorer.grid_shares`) and prints plain lines; the ones a reveal opens (after an exercise is
answered, `explorer.classroom.widgets`) may print that exercise's answer, the others never do.

Examples
--------
>>> from explorer.classroom import lessons
>>> year, grid, _ = lessons.hot_year()
>>> the_year(year)  # doctest: +ELLIPSIS
weather station: Jackson International Ap, MS (722350)
...
"""

from __future__ import annotations

import calendar
import contextlib
import dataclasses
import html
import io
import math
import textwrap
from typing import Any

import xarray as xr

from .. import batteries, catalog, climate, fmt, plant, sites, units
from ..ui import context
from .computed import compute

FOLD = "✂"
"""Starts the line of a tables sheet above which the page is folded (the teacher pack renders
what follows it below a fold line, as on the worksheet)."""


def _mw(x: Any) -> str:
    return fmt.quantity(float(x), "MW")


def _as_shown(x: float) -> float:
    """`x` to the three figures `_mw` prints, so a share worked from printed figures matches.

    Examples
    --------
    >>> _as_shown(62.2349)
    62.2
    """
    return float(f"{x:.3g}")


def _say(text: str) -> None:
    """A sentence of explanation, wrapped to the width of the tables (a blank line before)."""
    print("\n" + textwrap.fill(text, 90))


def the_year(year: xr.Dataset) -> None:
    """Step 1: the station (and, for a station with monthly averages only, whose hourly record
    its hours borrow), the plant and each month's mean dry- and wet-bulb [°C]; no load figure,
    since the IT load and the yearly average together give the annual PUE the step asks for.

    Examples
    --------
    >>> from explorer.classroom import lessons
    >>> the_year(lessons.hot_year()[0])  # doctest: +ELLIPSIS
    weather station: ...
    cooling plant: ...
    month  dry-bulb  wet-bulb  (typical day's mean, °C)
      Jan ...
    """
    print(f"weather station: {year.attrs['station_name']} ({year.attrs['station']})")
    donor = climate.hourly_donors().get(str(year.attrs["station"]))
    if donor:
        print(
            f"its hours: the station publishes monthly averages only, so each hour's ups and "
            f"downs come from {donor['donor_name']}'s record, shifted to this station's months"
        )
        # why that station, from the catalog (reader 52-78: "a similar climate" said no reason)
        print(f"why that station: {donor['why']}")
    print(f"cooling plant: {year.attrs['cooling_tech_label']}")
    print("month  dry-bulb  wet-bulb  (typical day's mean, °C)")
    for m in range(12):
        dry, wet = float(year.dry_bulb[m].mean()), float(year.wet_bulb[m].mean())
        print(f"{context.MONTHS[m]:>5}  {dry:8.1f}  {wet:8.1f}")


def the_plants_year(year: xr.Dataset) -> object:
    """Step 1's reveal (after the annual-PUE prediction): the IT load against the yearly average
    draw and the hottest hour, each month's mean cooling, cooling share and PUE, the
    annual PUE, the largest cooling share of any typical hour, the water; returns the month
    chart (`explorer.ui.context.monthly_widget`).

    Examples
    --------
    >>> from explorer.classroom import lessons
    >>> chart = the_plants_year(lessons.hot_year()[0])  # doctest: +ELLIPSIS
    IT load: ... MW, the same every hour
    ...
    ...
    """
    print(f"IT load: {_mw(year.it_power)}, the same every hour")
    hours = catalog.value("conventions.hours_per_year", "hour/year")
    average = float(year.annual_energy) * 1000 / hours  # GWh -> MWh, over the year's hours
    print(
        f"the site's yearly average draw: {_mw(average)}; its hottest hour: "
        f"{_mw(year.peak_facility_power)}"
    )
    flat = compute(site=year.attrs["site_preset"])
    flat_tech = str(flat.attrs["cooling_tech"])
    print(
        f"lessons 1-6: {_mw(flat.site_power)} as the year's average with the {flat_tech} plant "
        f"(the explorer's default for this site), annual PUE {fmt.number(float(flat.pue), 3)}, IT "
        f"load {_mw(flat.it_power)}"
    )
    month_cooling_table(year)
    print(f"annual PUE: {fmt.number(float(year.annual_pue), 4)}")
    share = float(year.cooling_fraction.max())
    print(
        f"largest cooling share of any hour of the months' typical (average) days: "
        f"{fmt.percent(share)}"
    )
    aws = catalog.value("cooling.aws-fleet.wue", "L / kWh")
    wue = float(year.annual_wue)
    print(f"water: {fmt.number(wue)} L/kWh, {fmt.number(wue / aws)} times AWS's fleet figure")
    pue, flat_pue = float(year.annual_pue), float(flat.pue)
    more = pue > flat_pue
    _say(
        "The annual PUE is the year's facility energy ÷ its IT energy: the cool months, near free "
        "cooling, pull it down; July and August push it up. (Both this lesson and lessons 1-6 "
        "set the IT load so that the year's average draw is the site's "
        f"{_mw(flat.site_power)}. The IT load is {'lower' if more else 'higher'} here because "
        f"this {year.attrs['cooling_tech']} plant needs {'more' if more else 'less'} cooling "
        f"than the {flat_tech} plant of lessons 1-6: PUE {fmt.number(pue, 3)} against "
        f"{fmt.number(flat_pue, 3)}, so {'less' if more else 'more'} of the same average is "
        "left for the IT.) The water: this plant's cooling tower evaporates water all year, "
        f"while AWS's halls ({fmt.number(aws)} L/kWh, lesson 2) are mostly cooled by outside air."
    )
    _say("WUE is litres of water per kWh of IT energy (see the glossary's WUE).")
    # the lesson's year, without its hot day: step 2 compares that day with the year, the
    # hook's first answer (reader 28)
    return context.monthly_widget(hot_day=year.attrs["hot_day_rule"], hot_day_line=False)


def month_cooling_table(year: xr.Dataset) -> None:
    """Each month's mean cooling [MW], cooling share and PUE (no annual figure: step 1's
    prediction asks for it).

    Examples
    --------
    >>> from explorer.classroom import lessons
    >>> month_cooling_table(lessons.hot_year()[0])  # doctest: +ELLIPSIS
    month  cooling (mean MW)  cooling share  PUE of the month
      Jan ...
    """
    print("month  cooling (mean MW)  cooling share  PUE of the month")
    for m in range(12):
        share = float(year.cooling_power_mean[m]) / float(year.facility_power[m].mean())
        print(
            f"{context.MONTHS[m]:>5}  {float(year.cooling_power_mean[m]):17.1f}  "
            f"{fmt.percent(share):>13}  {float(year.pue_month[m]):16.3f}"
        )


def hot_day_hours(year: xr.Dataset, threshold: float | None = None) -> None:
    """The hot day's dry-bulb, wet-bulb [°C] and cooling [MW], every third hour and at the day's
    peak and low, with the cooling drawn as a bar to scale and the annual mean marked on it. With a
    peak-shaving `threshold` [MW] each row also says whether the battery delivers (cooling above
    it) or is recharged (below it).

    Examples
    --------
    >>> from explorer.classroom import lessons
    >>> hot_day_hours(lessons.hot_year()[0])  # doctest: +ELLIPSIS
    hour  dry-bulb  wet-bulb  cooling  (every third hour, and the day's peak and low)
       0 ...
    """
    cooling = year.hot_day_cooling_power
    peak_hour, low_hour = int(cooling.argmax("hour")), int(cooling.argmin("hour"))
    width = 30  # characters of the longest bar, the day's peak
    scale = width / float(cooling.max())
    mean_at = round(float(year.mean_cooling_power) * scale)
    print("hour  dry-bulb  wet-bulb  cooling  (every third hour, and the day's peak and low)")
    hours = {*range(0, cooling.sizes["hour"], 3), peak_hour, low_hour}
    for h in sorted(hours):
        mark = {peak_hour: "  <- the day's peak", low_hour: "  <- the day's low"}.get(h, "")
        if threshold is not None:
            mark = ("  battery delivers" if float(cooling[h]) > threshold else "  recharged") + mark
        bar = "#" * round(float(cooling[h]) * scale)
        bar = bar[:mean_at] + "|" + bar[mean_at + 1 :] if len(bar) > mean_at else bar
        line = (
            f"{h:4d}  {float(year.hot_day_dry_bulb[h]):8.1f}  "
            f"{float(year.hot_day_wet_bulb[h]):8.1f}  {_mw(cooling[h]):>8}  {bar:<{width}}{mark}"
        )
        print(line.rstrip())
    mean = _mw(year.mean_cooling_power)
    print(f"(the bars: cooling to scale; | marks the year's mean cooling, {mean})")
    if threshold is not None:
        print(
            f"(the battery delivers the cooling above the day's threshold, {_mw(threshold)}, and "
            "the grid recharges it below)"
        )


def tables_sheet(year: xr.Dataset, grid: xr.Dataset) -> None:
    """The student's tables for a class without computers, answers left out: the months'
    weather, each month's cooling and its largest hourly share, the hot day's hours, the
    peak-shaving battery, the grid's yardsticks and the sites' power (the teacher hands it out
    after step 1's prediction: the monthly cooling table's PUEs point at its answer).

    Examples
    --------
    >>> from explorer.classroom import lessons
    >>> year, grid, _ = lessons.hot_year()
    >>> tables_sheet(year, grid)  # doctest: +ELLIPSIS
    Step 1 · the typical year
    weather station: ...
    Step 2 · the hot day: the typical year's 1 % wet-bulb design day
    hour ...
    ✂ Fold the page here. ...
    Step 2 · after hot-day-above-mean: the battery ...
    Step 3 · the grid's yardsticks
    ...
    ✂ Fold the page here. Turn over only after answering shaving-battery-hours ...
    Step 2 · More detail: ...
    """
    print("Step 1 · the typical year")
    the_year(year)
    print(f"IT load: {_mw(year.it_power)}, the same every hour")
    month_cooling_table(year)
    print(
        "largest cooling share of any hour of the months' typical (average) days: "
        f"{fmt.percent(float(year.cooling_fraction.max()))}"
    )
    print(f"\nStep 2 · the hot day: {hot_day_name(year)}")
    hot_day_hours(year)  # its last line gives the year's mean cooling
    # the battery is the hook's second answer: below a fold (teacher_pack renders the line)
    print(
        f"\n{FOLD} Fold the page here. Turn over only after answering hot-day-above-mean: "
        "below is the battery, the hook's second answer."
    )
    print("\nStep 2 · after hot-day-above-mean: the battery that shaves each day's peak")
    shaving_battery(year)
    # step 3 and the Advanced table come before the second fold: the question behind that fold
    # may be homework, and a class on paper must reach step 3 without seeing its answer
    # (reader 34)
    print("\nStep 3 · the grid's yardsticks")
    yardsticks(grid)
    print("\nAdvanced · several sites: each site's power")
    cluster = sites.split_cluster(["rainier-indiana", "rainier-mississippi"])
    for s in cluster.site.values:
        print(f"{catalog.label('sites', str(s))}: {_mw(cluster.site_power.sel(site=s))}")
    figures = sizing_day_figures(year, batteries.peak_shaving_battery(year))
    if figures:  # the figures the question "why can a cooler day…" works with (reader 24),
        # below a second fold: the notebook opens them only after the battery exercise (reader 26)
        print(
            f"\n{FOLD} Fold the page here. Turn over only after answering shaving-battery-hours "
            "and writing why a cooler day can need a bigger daily battery: below are the "
            'figures behind it, then step 2\'s "More detail".'
        )
        _say(figures)
    # the notebook's collapsed block, which the printouts, the debrief and the key cite (reader 25)
    print(
        "\nStep 2 · More detail: the real days, when the battery delivers, the year's own "
        "hottest day, its cost"
    )
    peak_shaving_detail(year)


def _hot_day_beside_typical(year: xr.Dataset) -> str:
    """How step 2's hot day compares with the months' typical days, as the core computes them:
    a higher peak, or about the same peak (within 1 %) held day and night (its mean above every
    month's), or neither.

    Examples
    --------
    >>> from explorer.classroom import lessons
    >>> _hot_day_beside_typical(lessons.hot_year()[0])
    "it goes higher than the hottest hour of July's average day"
    """
    peak, typical = float(year.peak_cooling_power), float(year.cooling_power.max())
    month = calendar.month_name[int(year.cooling_power.max("hour").argmax("month")) + 1]
    if peak > typical * 1.01:
        return f"it goes higher than the hottest hour of {month}'s average day"
    if float(year.hot_day_cooling_power.mean()) > float(year.cooling_power_mean.max()):
        return (
            f"it peaks about as high as the hottest hour of {month}'s average day, but stays near "
            "its peak "
            "day and night"
        )
    return f"it goes no higher than the hottest hour of {month}'s average day"


def sizing_day(shaving: xr.Dataset) -> str:
    """The day that sizes a peak-shaving battery's MWh (`explorer.batteries.peak_shaving_battery`'s
    ``sizing_day``), in words.

    Examples
    --------
    >>> from explorer.classroom import lessons
    >>> sizing_day(lessons.hot_year()[2]["peak-shaving"])
    "October's typical day"
    """
    day = int(shaving.sizing_day)
    return "the hot day" if day == 0 else f"{calendar.month_name[day]}'s typical day"


def why_it_sizes(year: xr.Dataset, shaving: xr.Dataset) -> str:
    """Why the day that sizes the peak-shaving battery's MWh does
    (`explorer.batteries.peak_shaving_battery`'s ``sizing_day``): it has the most cooling above
    its own daily threshold, because its cooling swings most from its lowest hour to its highest
    and (with an economiser) because the free cooling covers more of its coolest hours than its
    warmest.

    Examples
    --------
    >>> from explorer import batteries
    >>> from explorer.classroom import lessons
    >>> year = lessons.hot_year()[0]
    >>> why = why_it_sizes(year, batteries.peak_shaving_battery(year))
    >>> why.startswith("the typical day with the most cooling above its own threshold")
    True
    >>> "the economiser removes 62 % of the heat for free in the day's coolest hour" in why
    True
    >>> why.endswith("to its highest, larger than the hot day's 8.7 MW")
    True
    """
    hot = year.hot_day_cooling_power
    hot_swing = float(hot.max() - hot.min())
    day = int(shaving.sizing_day)
    if day == 0:
        return (
            "the hot day: its cooling above its own threshold is the most of any day "
            f"(its cooling swings {_mw(hot_swing)} from its lowest hour to its highest)"
        )
    cooling = year.cooling_power.sel(month=day)
    swing = float(cooling.max() - cooling.min())
    free = year.free_cooling.sel(month=day)
    night = float(free.isel(hour=int(cooling.argmin("hour"))))
    afternoon = float(free.isel(hour=int(cooling.argmax("hour"))))
    month = calendar.month_name[day]
    why = f"the typical day with the most cooling above its own threshold: in {month} "
    if night - afternoon >= 0.1:  # an economiser that covers the nights, not the afternoons
        why += (
            f"the economiser removes {fmt.percent(night, 2)} of the heat for free in the day's "
            f"coolest hour but only {fmt.percent(afternoon, 2)} in its warmest, so "
        )
    compare = "larger" if swing > hot_swing else "no larger"
    return (
        why + f"the day's cooling swings {_mw(swing)} from its lowest hour to its highest, "
        f"{compare} than the hot day's {_mw(hot_swing)}"
    )


def sizing_day_figures(year: xr.Dataset, shaving: xr.Dataset) -> str:
    """The figures of the typical day that sizes the peak-shaving battery, without the reason
    (`why_it_sizes` says it, after the question): its cooling's lowest and highest hour and,
    with an economiser, the share of the heat it removes for free in each; "" when the hot day
    sizes it. For the tables sheet, where a class on paper works the question "why can a cooler
    day need a bigger daily battery?" (reader 24).

    Examples
    --------
    >>> from explorer import batteries
    >>> from explorer.classroom import lessons
    >>> year = lessons.hot_year()[0]
    >>> text = sizing_day_figures(year, batteries.peak_shaving_battery(year))
    >>> text.startswith("October's typical day: cooling"), "(a swing of 12.4 MW)" in text
    (True, True)
    >>> text.endswith("removes 62 % of the heat for free in its coolest hour, 22 % in its warmest.")
    True
    """
    day = int(shaving.sizing_day)
    if day == 0:
        return ""
    cooling = year.cooling_power.sel(month=day)
    low, high = float(cooling.min()), float(cooling.max())
    free = year.free_cooling.sel(month=day)
    night = float(free.isel(hour=int(cooling.argmin("hour"))))
    afternoon = float(free.isel(hour=int(cooling.argmax("hour"))))
    text = (
        f"{calendar.month_name[day]}'s typical day: cooling {_mw(low)} in its lowest hour, "
        f"{_mw(high)} in its highest (a swing of {_mw(high - low)})"
    )
    if night > 0 or afternoon > 0:
        text += (
            f"; the economiser removes {fmt.percent(night, 2)} of the heat for free in its "
            f"coolest hour, {fmt.percent(afternoon, 2)} in its warmest"
        )
    return text + "."


def _what_the_battery_does_on_the_hot_day(year: xr.Dataset, shaving: xr.Dataset) -> str:
    """What the daily peak-shaving battery (`explorer.batteries.peak_shaving_battery`) does on
    the hot day, from the core's figures: how far it lowers the day's cooling peak and, when the
    day's night stays nearer its afternoon than the annual mean (a plateau), why it can do no
    more: its cooling above the annual mean against the battery's MWh.

    Examples
    --------
    >>> from explorer import batteries
    >>> from explorer.classroom import lessons
    >>> year = lessons.hot_year()[0]
    >>> print(_what_the_battery_does_on_the_hot_day(year, batteries.peak_shaving_battery(year)))
    ... # doctest: +ELLIPSIS
    On the hot day the battery lowers the cooling's peak only from 62.2 MW to 58.1 MW ...
    """
    return f"{_peak_lowered(year, shaving)}{_why_no_more(year, shaving)}"


def _peak_lowered(year: xr.Dataset, shaving: xr.Dataset) -> str:
    """How far the daily peak-shaving battery lowers the hot day's cooling peak."""
    peak, threshold = float(year.hot_day_cooling_power.max()), float(shaving.hot_day_threshold)
    return (
        # the share from the figures printed: 62.2 − 58.1 is 6.6 % of 62.2; the unrounded
        # 4.05 MW gave 6.5 % (reader 49-78)
        f"On the hot day the battery lowers the cooling's peak only from {_mw(peak)} to "
        f"{_mw(threshold)} ({fmt.percent(1 - _as_shown(threshold) / _as_shown(peak), 2)} of it)."
    )


def _why_no_more(year: xr.Dataset, shaving: xr.Dataset) -> str:
    """Why a daily battery does no more on the hot day (" Even that day's coolest hour…"), or
    "" where the core's figures give no reason to say."""
    hot = year.hot_day_cooling_power
    peak, low, mean = float(hot.max()), float(hot.min()), float(year.mean_cooling_power)
    threshold = float(shaving.hot_day_threshold)
    energy = float(shaving.battery_energy)
    text = ""
    if peak - low < low - mean:  # a plateau: the night is nearer the afternoon than the mean
        excess = float(year.hot_day_excess_energy)
        text += (
            f" Even that day's coolest hour needs {_mw(low)}: only {_mw(peak - low)} below its "
            f"afternoon, but {_mw(low - mean)} above the annual mean. Over the day, its cooling "
            f"above the annual mean adds up to {fmt.quantity(excess, 'MWh')}, "
            f"{fmt.number(excess / energy, 2)} times the battery's MWh. A daily battery can "
            "flatten an afternoon, not a hot day whose night is nearly as hot."
        )
    elif threshold > mean:
        text += (
            f" The grid still supplies {_mw(threshold)} of cooling through that day's peak, "
            f"{_mw(threshold - mean)} above the annual mean: a battery recharged every day only "
            "moves energy from one hour of a day to another, so it trims a day's peak but "
            "cannot bring a hot day down to the year's average."
        )
    return text


def _spans(hours: list[int]) -> str:
    """Hours as runs: [0, 1, 2, 5] -> "0 h to 2 h and 5 h"."""
    runs: list[list[int]] = []
    for h in hours:
        if runs and h == runs[-1][-1] + 1:
            runs[-1].append(h)
        else:
            runs.append([h])
    return " and ".join(f"{r[0]} h to {r[-1]} h" if len(r) > 1 else f"{r[0]} h" for r in runs)


def when_it_delivers(year: xr.Dataset) -> str:
    """When the daily peak-shaving battery (`explorer.batteries.peak_shaving_battery`) delivers
    and is recharged on the hot day (its cooling above or below the day's threshold [MW]), and
    what a recharge buys. (The typical days' hours were cut: the debrief says them; reader 38.)

    Examples
    --------
    >>> from explorer.classroom import lessons
    >>> print(when_it_delivers(lessons.hot_year()[0]))  # doctest: +NORMALIZE_WHITESPACE
    When it delivers: on the hot day, while the cooling is above that day's threshold (58.1
    MW), from 10 h to 20 h. The grid recharges it from 0 h to 9 h and 21 h to 23 h. There it
    delivers at most 4.05 MW of its 6.1 MW, so it lasts longer than at full power.
    """
    shaving = batteries.peak_shaving_battery(year)
    hot, t = year.hot_day_cooling_power.values, float(shaving.hot_day_threshold)
    on = [h for h in range(hot.size) if hot[h] > t]
    off = [h for h in range(hot.size) if hot[h] <= t]
    # on the hot day it delivers less than its full power, so longer than its hours at full
    # power: said, so that the hours above are not read as that (reader 27)
    most, power = float(hot.max()) - t, float(shaving.battery_power)
    less = (
        f" There it delivers at most {_mw(most)} of its {_mw(power)}, so it lasts longer than "
        "at full power."
        if most < 0.99 * power
        else ""
    )
    # the recharge's loss in the Basics (reader 32: quiz Q4 asks 40 MWh ÷ 0.85, which only
    # "More detail" worked)
    return (
        f"When it delivers: on the hot day, while the cooling is above that day's threshold "
        f"({_mw(t)}), from {_spans(on)}. The grid recharges it from {_spans(off)}.{less}"
    )


def recharge_note() -> str:
    """What a recharge buys from the grid, with the catalog's round-trip efficiency: in step 2's
    Basics, as quiz Q4 asks a recharge (reader 32).

    Examples
    --------
    >>> print(recharge_note())  # doctest: +NORMALIZE_WHITESPACE
    Each recharge buys a little more from the grid than the battery gave: what it delivers ÷ 85
    % (its round-trip efficiency).
    """
    eff = fmt.percent(catalog.value("storage.round_trip_efficiency", "1"))
    return (
        "Each recharge buys a little more from the grid than the battery gave: what it delivers "
        f"÷ {eff} (its round-trip efficiency)."
    )


def hot_day_name(year: xr.Dataset) -> str:
    """The year's hot day in words: a published design day is "the station's" (the
    ``"design"`` rule), a day of (or built from) the typical year already says whose.

    Examples
    --------
    >>> from explorer.classroom import lessons
    >>> hot_day_name(lessons.hot_year()[0])
    "the typical year's 1 % wet-bulb design day"
    """
    name = str(year.attrs["hot_day"])
    return name if name.startswith("the ") else f"the station's {name}"


@dataclasses.dataclass(frozen=True)
class Fold:
    """A collapsed block a cell shows under its printout: HTML (`<details>`) in a notebook, its
    summary and text as plain text elsewhere."""

    summary: str
    text: str

    def __str__(self) -> str:
        return f"{self.summary}\n{self.text}"

    def __repr__(self) -> str:
        return str(self)

    def _repr_html_(self) -> str:
        return (
            f"<details><summary>{html.escape(self.summary)}</summary>"
            f"<pre>{html.escape(self.text)}</pre></details>"
        )


def sizing_design_day(year: xr.Dataset) -> Fold:
    """Step 2, before its exercise: the day the plant is sized for (dry- and wet-bulb from the
    day's coolest hour to its peak [°C]) and how rare its wet-bulb is; returns, folded (reader
    28: the Basics screen shows only the sized day), the station's published design days and why
    the lesson builds its own: a cooling tower follows the wet-bulb, and the summary the
    explorer reads publishes no wet-bulb day, so the lesson's year builds one from the typical
    year's 1 % wet-bulb (`explorer.climate`'s ``hot_day="wet-bulb"``,
    `explorer.climate.wet_bulb_design_day`). No load figure: the exercise asks for the peak.

    Examples
    --------
    >>> from explorer.classroom import lessons
    >>> more = sizing_design_day(lessons.hot_year()[0])  # doctest: +NORMALIZE_WHITESPACE +ELLIPSIS
    the day this plant is sized for (°C, from the day's coolest hour to its peak):
      the typical year's 1 % wet-bulb design day: dry-bulb 22–33.3, wet-bulb 22–26.7
    <BLANKLINE>
    A cooling tower's water follows the wet-bulb, not the thermometer. This day's wet-bulb
    peaks at 26.7 °C: the day is built on the typical year's own 1 % wet-bulb.
    <BLANKLINE>
    How rare is it? Only 88 hours of the typical year (1 %) have a higher wet-bulb. ...
    >>> print(more)  # doctest: +ELLIPSIS
    How far to trust this day: the station's published design days, and why it is not one
    the station's published design days (°C, from the day's coolest hour to its peak):
      cooling design day: dry-bulb 23.5–34.2, wet-bulb 21.7–24.6
      dehumidification design day: dry-bulb 24.1–27.8, wet-bulb 24.1–25.1
    <BLANKLINE>
    The station publishes no 1 % wet-bulb day, the one a tower is sized for (the days above ...
    """
    tech, rule = str(year.attrs["cooling_tech"]), str(year.attrs["hot_day_rule"])
    py = climate.plant_year(climate.load_station(str(year.attrs["station"])), tech, rule)
    published = list(py.weather.design_days)
    hot = py.hot_day

    def line(d: climate.DesignDay) -> str:
        return (
            f"  {d.name}: dry-bulb {fmt.number(d.dry_bulb.min())}–{fmt.number(d.dry_bulb.max())}, "
            f"wet-bulb {fmt.number(d.wet_bulb.min())}–{fmt.number(d.wet_bulb.max())}"
        )

    print("the day this plant is sized for (°C, from the day's coolest hour to its peak):")
    print(line(hot))
    # the built day's peak is the typical year's own 1 % wet-bulb: said once, as what the day
    # is built on (reader 38: "peaks at 26.7 °C" and "own 1 % wet-bulb is 26.7 °C" two lines on)
    built = _is_one_percent(py.weather, hot)
    _say(
        "A cooling tower's water follows the wet-bulb, not the thermometer. This day's wet-bulb "
        f"peaks at {fmt.number(hot.wet_bulb.max())} °C"
        + (": the day is built on the typical year's own 1 % wet-bulb." if built else ".")
    )
    _say(_how_rare(py.weather, hot))
    more = ["the station's published design days (°C, from the day's coolest hour to its peak):"]
    more += [line(d) for d in published]
    if hot not in published:
        # the published wet-bulbs are coincident ones, not the tower's 1 % figure: a built day
        # above them is expected, not a finding (reader 22); no published 1 % figure for the
        # station is in the explorer's sources, so none is typed
        more += [
            "",
            textwrap.fill(
                # one sentence (reader 48-78: a paragraph, and a pointer to the hook's answer
                # before the student had it; the battery's "More detail" says it, after)
                "The station publishes no 1 % wet-bulb day, the one a tower is sized for (the "
                "days above pair a wet-bulb with another condition), so this day is built from "
                # reader 50-78: "never published, it may sit above or below" read twice
                "the typical year. Because its hours are borrowed, it probably sits a little "
                "above the station's true 1 % wet-bulb.",
                90,
                break_on_hyphens=False,
            ),
        ]
    return Fold(
        # named for what it holds, so that step 2's "More detail" is the battery's (reader 29)
        "How far to trust this day: the station's published design days, and why it is not one",
        "\n".join(more),
    )


def _how_rare(weather: climate.Weather, hot: climate.DesignDay) -> str:
    """How rare the hot day's wet-bulb is in the typical year (`explorer.climate.wet_bulb_rarity`)
    beside the hottest hour of the months' average days and the typical year's own 1 % wet-bulb
    (step 2's text says why the lesson builds its day from that year's own: the summary publishes no
    wet-bulb day).

    Examples
    --------
    >>> from explorer.classroom import lessons
    >>> year = lessons.hot_year()[0]
    >>> w = climate.typical_weather(climate.load_station(str(year.attrs["station"])))
    >>> print(_how_rare(w, climate.wet_bulb_design_day(w)))  # doctest: +ELLIPSIS
    How rare is it? Only 88 hours of the typical year (1 %) have a higher wet-bulb. ...
    >>> print(_how_rare(w, w.design_days[1]))  # doctest: +ELLIPSIS
    How rare is it? 400 hours of the typical year (4.6 %) have a higher wet-bulb. ...
    """
    peak = float(hot.wet_bulb.max())
    hours, one_percent = climate.wet_bulb_rarity(weather, peak)
    own = (
        ""
        if _is_one_percent(weather, hot)
        else f" The typical year's own 1 % wet-bulb is {fmt.number(one_percent)} °C."
    )
    typical = climate.by_month_hour(weather.wet_bulb)
    month = calendar.month_name[int(typical.max(axis=1).argmax()) + 1]
    only = "Only " if hours <= 0.01 * climate.HOURS_OF_YEAR + 1 else ""
    return (
        f"How rare is it? {only}{fmt.number(hours)} hours of the typical year "
        f"({fmt.percent(hours / climate.HOURS_OF_YEAR, 2)}) have a higher wet-bulb. {month}'s "
        f"typical afternoon reaches {fmt.number(float(typical.max()))} °C.{own}"
    )


def _is_one_percent(weather: climate.Weather, hot: climate.DesignDay) -> bool:
    """Whether the day's peak wet-bulb is the typical year's own 1 % wet-bulb, as printed."""
    peak = float(hot.wet_bulb.max())
    return fmt.number(peak) == fmt.number(climate.wet_bulb_rarity(weather, peak)[1])


def design_days(year: xr.Dataset) -> list[tuple[str, float, float]]:
    """The weather station's published design days beside the lesson's hot day: (name, peak
    wet-bulb [°C], peak cooling [MW] of the year's plant and IT load) for each, from the core's
    plant model (`explorer.climate.per_it` with the design day as the hot day).

    Examples
    --------
    >>> from explorer.classroom import lessons
    >>> [name for name, _, _ in design_days(lessons.hot_year()[0])]
    ['cooling design day', 'dehumidification design day']
    """
    tech = str(year.attrs["cooling_tech"])
    py = climate.plant_year(climate.load_station(str(year.attrs["station"])), tech)
    overhead = float(compute(site=year.attrs["site_preset"]).overhead_fraction)
    out = []
    for day in py.weather.design_days:
        if tech == "air-evaporative":
            hot = plant.air_evaporative(
                day.dry_bulb, day.wet_bulb, day.humidity_ratio, py.weather.pressure
            )
        else:
            hot = plant.chiller_economiser(day.wet_bulb)
        load = climate.per_it(dataclasses.replace(py, hot=hot, hot_day=day), overhead)
        peak = float(load.hot_cooling.max()) * float(year.it_power)
        out.append((day.name, float(day.wet_bulb.max()), peak))
    return out


# lesson 7's hook: how far the design day's cooling peak lies above the year's mean, as
# (low, high) multiples of the mean
HOOK_GUESSES = {
    "up to 50 % more": (1.0, 1.5),
    "50 to 100 % more": (1.5, 2.0),
    # "as much", not bare "times": "2 to 3 times" read as "more" or "as much" (reader 44-78)
    "2 to 3 times as much": (2.0, 3.0),
    "10 times as much": (10.0, 10.0),
}


def _nearest_guess(ratio: float) -> str:
    """The hook's guess that holds a peak ÷ mean `ratio` [1], or the nearest one: each guess is
    a range of multiples of the mean, wide enough that the lesson's hot day and the app's
    (the typical year's hottest) land on the same one.

    Examples
    --------
    >>> _nearest_guess(1.68), _nearest_guess(1.8), _nearest_guess(1.3)
    ('50 to 100 % more', '50 to 100 % more', 'up to 50 % more')
    """
    g = HOOK_GUESSES
    return min(g, key=lambda name: max(g[name][0] - ratio, ratio - g[name][1], 0))


def _details(summary: str, show: Any, *args: Any) -> str:
    """What `show(*args)` prints, as a collapsed HTML block under `summary` (a reveal's "more
    detail": `explorer.classroom.widgets` shows a returned string as HTML)."""
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        show(*args)
    text = html.escape(buf.getvalue().strip("\n"))
    return f"<details><summary>{html.escape(summary)}</summary><pre>{text}</pre></details>"


def peak_shaving(year: xr.Dataset) -> str:
    """Step 2's reveal (after the hot-day exercise): the hot day's hours, the hook's two answers
    and the peak-shaving battery that holds each day's cooling at a daily threshold
    (`explorer.batteries`); returns the rest (the year's own hottest day as an upper end, the
    daily thresholds, the costs) as a collapsed "more detail" block (`peak_shaving_detail`).

    Examples
    --------
    >>> from explorer.classroom import lessons
    >>> more = peak_shaving(lessons.hot_year()[0])  # doctest: +ELLIPSIS
    the hot day: the typical year's 1 % wet-bulb design day, ...
    >>> more.startswith("<details>")
    True
    """
    print(f"the hot day: {hot_day_name(year)}, the day this plant is sized for")
    mean_mw = float(year.mean_cooling_power)
    hot_day_hours(year, float(batteries.peak_shaving_battery(year).hot_day_threshold))
    ratio = float(year.peak_cooling_power) / mean_mw
    shaving = batteries.peak_shaving_battery(year)
    _battery_line(shaving)
    # the hook's two answers on two lines of their own, not inside the paragraphs (reader 38)
    print("The hook's answers:")
    print(
        f"  1. the peak ({_mw(year.peak_cooling_power)}) is {fmt.number(ratio)} times the "
        f'annual mean ({_mw(mean_mw)}): "{_nearest_guess(ratio)}"'
    )
    print(f"  2. {containers(shaving)}")
    # only what step 2's questions need above the fold; the real days, the hours it delivers
    # and why a daily battery does no more wait in "More detail" (reader 45-78: about 25 lines
    # of figures that all looked important)
    _say(f"{_peak_lowered(year, shaving)} {recharge_note()}")
    return _details(
        "More detail: the real days, when the battery delivers, the year's own hottest day, "
        "what it costs",
        peak_shaving_detail,
        year,
    )


def shaving_battery(year: xr.Dataset) -> None:
    """The peak-shaving battery (`explorer.batteries.peak_shaving_battery`): its MW and MWh, the
    day that sizes it and what it does on the hot day.

    Examples
    --------
    >>> from explorer.classroom import lessons
    >>> shaving_battery(lessons.hot_year()[0])  # doctest: +ELLIPSIS
    the peak-shaving battery: 6.1 MW, 42.8 MWh, sized by October's typical day ...
    """
    shaving = batteries.peak_shaving_battery(year)
    _battery_line(shaving)
    # the hook's second answer, on the tables sheet too (reader 38: a paper class had 42.8 MWh
    # and nothing to turn it into containers)
    print(f"the hook's second answer: {containers(shaving)}")
    _say(f"{_peak_lowered(year, shaving)} {recharge_note()}")


# the product whose MWh the catalog's container_energy is (its source's Megapack 2 XL)
CONTAINER = "Tesla Megapack 2 XL"


def containers(shaving: xr.Dataset) -> str:
    """The hook's second answer: the peak-shaving battery's MWh in shipping containers.

    Examples
    --------
    >>> from explorer import batteries
    >>> from explorer.classroom import lessons
    >>> containers(batteries.peak_shaving_battery(lessons.hot_year()[0]))  # doctest: +ELLIPSIS
    "42.8 MWh on the months' average days, up to 138 MWh on the year's real days. One ..."
    """
    # one container's MWh is a sourced catalog figure (reader 50-78: "a few MWh" had no source)
    box = catalog.value("storage.chemistries.lfp-bess.container_energy", "MWh")
    average, real = float(shaving.battery_energy), float(shaving.real_days_energy)
    # the verdict in the hook's own options (car battery, one container, a row, a building):
    # "a yard" was none of them (reader 51-78); the product named, as its source gives 3.9 MWh
    # for the Megapack 2 XL, not the Megapack 3 (reader 51-78)
    return (
        f"{fmt.quantity(average, 'MWh')} on the months' average days, "
        f"up to {fmt.quantity(real, 'MWh')} on the year's real days. One shipping-container "
        f"grid battery ({CONTAINER}) holds about {box:g} MWh: about "
        f"{math.ceil(average / box)} containers for the average days, about "
        f"{math.ceil(real / box)} for every real day. So: a row of containers; "
        "to shave every real day, a yard of them, about a building's footprint. Not one "
        "container, not a car battery"
    )


def real_days(shaving: xr.Dataset) -> str:
    """The other end of the peak-shaving battery's range: the same battery sized on each of the
    typical year's real days (``real_days``), not the months' average days (`explorer.batteries`'
    ``real_days_*``; reader 41: the averaging flattens the day-to-day weather).

    Examples
    --------
    >>> from explorer import batteries
    >>> from explorer.classroom import lessons
    >>> print(real_days(batteries.peak_shaving_battery(lessons.hot_year()[0])))
    ... # doctest: +ELLIPSIS +NORMALIZE_WHITESPACE
    That size rests on the months' average days. The year's real days swing more. 121 of the
    typical year's 365 real days need more MWh than the months' average days; shaving every one
    of them takes up to 18.7 MW, 138 MWh.
    """
    # three sentences, not one of 43 words (reader 37's rule: one idea a sentence)
    return (
        "That size rests on the months' average days. The year's real days swing more. "
        f"{batteries.real_days_note(shaving)}."
    )


def _battery_line(shaving: xr.Dataset) -> None:
    """The peak-shaving battery's MW and MWh and the day that sizes it, on one line (the range's
    other end, the year's real days, is in the hook's second answer and "More detail")."""
    print(
        f"the peak-shaving battery: {_mw(shaving.battery_power)}, "
        f"{fmt.quantity(float(shaving.battery_energy), 'MWh')}, sized by {sizing_day(shaving)}"
        # why is a question after the battery exercise, its figures in "More detail" (reader
        # 22: one parenthesis of 60 words overloaded step 2)
        + (
            ""
            if int(shaving.sizing_day) == 0
            else " (why not the hot day? step 2 asks after its battery exercise)"
        )
    )


def battery_hours(year: xr.Dataset) -> None:
    """Step 2's battery exercise's reveal: the peak-shaving battery's hours at full power
    (`explorer.batteries.peak_shaving_battery`'s ``battery_duration``) and what they mean.

    Examples
    --------
    >>> from explorer.classroom import lessons
    >>> battery_hours(lessons.hot_year()[0])  # doctest: +ELLIPSIS
    42.8 MWh ÷ 6.1 MW = 7.02 h at full power
    ...
    """
    shaving = batteries.peak_shaving_battery(year)
    print(
        f"{fmt.quantity(float(shaving.battery_energy), 'MWh')} ÷ {_mw(shaving.battery_power)} = "
        f"{fmt.quantity(float(shaving.battery_duration), 'h')} at full power"
    )
    _say(
        "Megawatts say how fast a battery delivers, megawatt-hours how long. This one is sized "
        "to carry a day's hottest hours, not the whole site for a moment. A ride-through "
        "battery (in the Advanced part) is the opposite."
    )


def sizing_day_answer(year: xr.Dataset) -> str:
    """The figures behind step 2's question "why can a cooler day need a bigger daily battery?"
    (`why_it_sizes`), as a collapsed block the student opens once they have written their
    answer: in "More detail" they opened before the question was asked (reader 25).

    Examples
    --------
    >>> from explorer.classroom import lessons
    >>> sizing_day_answer(lessons.hot_year()[0]).startswith("<details><summary>Our figures")
    True
    """
    shaving = batteries.peak_shaving_battery(year)
    return _details(
        "Our figures (open them once you have written your answer)",
        _say,
        f"The battery is sized by {sizing_day(shaving)}: {why_it_sizes(year, shaving)}.",
    )


def peak_shaving_detail(year: xr.Dataset) -> None:
    """Step 2's "more detail": the station's published design days and the typical year's own
    hottest day (an upper end, flagged: more humid than any published design condition) beside
    the lesson's hot day, why each day has its own threshold, the battery's recharge and costs.

    Examples
    --------
    >>> from explorer.classroom import lessons
    >>> peak_shaving_detail(lessons.hot_year()[0])  # doctest: +ELLIPSIS +NORMALIZE_WHITESPACE
    That size rests on the months' average days. ...
    the station's published design days (this lesson's hot day peaks at 62.2 MW, ...
    """
    from ..scenario import climate_year

    shaving = batteries.peak_shaving_battery(year)
    # moved here from above the fold (reader 45-78): the real days, the hours it delivers, why
    # it does no more on the hot day
    _say(real_days(shaving))
    _say(when_it_delivers(year))
    _say(
        f"The hot day beside the months' average days: {_hot_day_beside_typical(year)}."
        f"{_why_no_more(year, shaving)}"
    )
    mean_mw = float(year.mean_cooling_power)
    print(
        f"the station's published design days (this lesson's hot day peaks at "
        f"{_mw(year.peak_cooling_power)}, {fmt.number(float(year.peak_cooling_power) / mean_mw)} "
        "times the annual mean):"
    )
    days = design_days(year)
    for name, wet, peak in days:
        print(
            f"  {name}: wet-bulb up to {fmt.number(wet)} °C, cooling peak {_mw(peak)} "
            f"({fmt.number(peak / mean_mw)} times the annual mean)"
        )
    # the built day's wet-bulb may sit high (its hours are borrowed): the hook's answer must
    # not rest on it (reader 22)
    guess = {_nearest_guess(p / mean_mw) for _, _, p in days}
    if guess == {_nearest_guess(float(year.peak_cooling_power) / mean_mw)}:
        _say(
            f'Sized on either published day, the hook\'s answer is the same, "{guess.pop()}" '
            "than an average hour: it does not rest on the built day's wet-bulb."
        )
    hours = catalog.value("conventions.hours_per_year", "hour/year")
    own = climate_year(  # the same year with the core's default hot day, the app's
        year.attrs["site_preset"],
        year.attrs["cooling_tech"],
        station=str(year.attrs["station"]),
        site_power=float(year.annual_energy) * 1000 / hours,  # GWh -> MWh over the year's hours
    )
    own_peak = float(own.peak_cooling_power)
    own_wet = float(own.hot_day_wet_bulb.max())
    if own.attrs["hot_day"] != year.attrs["hot_day"]:
        above = own_wet - float(year.hot_day_wet_bulb.max())
        _say(
            f"An upper end, {own.attrs['hot_day']}. Its wet-bulb reaches {fmt.number(own_wet)} "
            f"°C, {fmt.number(above)} K above the day this plant is sized for, and above any "
            "design condition the station publishes. That hour is the borrowed station's most "
            "humid one. It is too rare to size the plant for, but the plant runs through it and "
            "the grid must meet it: step 3 measures the grid with it. Its cooling peaks at "
            f"{_mw(own_peak)}, {fmt.number(own_peak / mean_mw)} times the mean. The explorer "
            f"app's hot day is this one (the worst of all), so the app shows {_mw(own_peak)} "
            f"where this lesson shows {_mw(year.peak_cooling_power)}."
        )
        low_hour = int(own.hot_day_cooling_power.argmin("hour"))
        if low_hour > int(own.hot_day_cooling_power.argmax("hour")):
            _say(
                f"On {own.attrs['hot_day'].split(', ')[-1]}, the lowest cooling comes at "
                f"{low_hour} h, after its peak. The record has a sudden cool, humid spell that "
                "afternoon (a passing storm): the night is not always a real day's coolest part."
            )
    shaving = batteries.peak_shaving_battery(year)
    low, mean = _mw(year.hot_day_cooling_power.min()), _mw(year.mean_cooling_power)
    _say(
        f"Why a daily threshold? The hot day's coolest hour still needs {low}, above the annual "
        f"mean ({mean}). A battery that held the grid's draw at the mean would never recharge. "
        "So each day has its own threshold: above it the battery delivers (in the day's warm "
        "hours), below it the grid recharges it (in the cooler ones)."
    )
    print(f"the battery's MWh: {fmt.quantity(float(shaving.battery_energy), 'MWh')}")
    print(
        f"recharge bought from the grid: {fmt.quantity(float(shaving.annual_recharge), 'MWh')} "
        f"a year, to deliver {fmt.quantity(float(shaving.annual_throughput), 'MWh')} (the "
        "round-trip losses: it moves cooling energy from a day's warm hours to its cooler ones, "
        "the site's "
        "yearly energy does not shrink)"
    )
    cost = shaving.battery_cost
    print(
        "cost (low / mid / high): "
        + " / ".join(fmt.quantity(float(cost.sel(price=p)), "USD") for p in batteries.PRICE_LEVELS)
        + " (prices quoted for grid batteries of a few hours; read them as rough for one that "
        "runs longer)"
    )
    print(f"  mid: {_cost_terms(shaving)}")


def yardsticks(grid: xr.Dataset) -> None:
    """Step 3: the site's three yardsticks, each with what it measures, its source, date and
    confidence (a low one is an order of magnitude, not a measurement), the catalog's caveat
    for students where it has one (the operator's record predates the utility joining it), and
    the site's hottest hour and year.

    Examples
    --------
    >>> from explorer.classroom import lessons
    >>> yardsticks(lessons.hot_year()[1])  # doctest: +ELLIPSIS
    Mississippi: ...
      the electricity sold in the state in a year (..., 2022, ... confidence)
    Entergy Mississippi: ... MW
    ...
    """
    for name in ("state_consumption", "utility_peak", "operator_peak"):
        d = grid[name]
        a = d.attrs
        print(f"{a['of']}: {fmt.number(float(d))} {a['units']}")
        what = {
            "state_consumption": "the electricity sold in the state in a year",
            "utility_peak": "the utility's highest hour of demand",
            "operator_peak": "the grid operator's all-time highest hour",
        }[name]
        print(f"  {what} ({a['source']}, {a['date']}, {a['confidence']} confidence)")
        if a["confidence"] == "low":
            print("  an order of magnitude, not a measurement")
        if a.get("caveat"):  # the catalog's line for students (its note has the detail)
            print(f"  {a['caveat']}")
    # what the hottest hour is, here: step 3 measures with it, and the 50-minute plan skips
    # step 2's "More detail" where it first appears (reader 31). No IT load: this cell opens
    # before step 1's prediction, and IT ÷ site is the PUE
    hours = catalog.value("conventions.hours_per_year", "hour/year")
    print(
        f"the site in the typical year's hottest hour: {fmt.number(float(grid.peak_power))} MW "
        "(its most humid weather, when the chillers work hardest; the whole site, not its "
        "cooling)"
    )
    _say(
        "That hour is more humid than the day the plant is sized for (step 2): too rare to size "
        "the plant for, but the plant runs through it and the grid must meet it."
    )
    print(
        f"its yearly average: {fmt.number(float(grid.annual_energy) * 1000 / hours)} MW "
        f"({fmt.number(float(grid.annual_energy))} GWh in its typical year)"
    )


def every_yardstick(grid: xr.Dataset) -> None:
    """Step 3's reveal (after both share exercises): the site's share of each yardstick, the
    grid's note and the US data centres' total.

    Examples
    --------
    >>> from explorer.classroom import lessons
    >>> every_yardstick(lessons.hot_year()[1])  # doctest: +ELLIPSIS
    share of the state energy: ... %
    ...
    """
    for name, label in context.GRID_BARS:
        print(f"share of the {label}: {fmt.percent(float(grid[name]))}")
    print("note:", grid.attrs["notes"] or "none")
    average = (
        float(grid.annual_energy) * 1000 / catalog.value("conventions.hours_per_year", "hour/year")
    )
    print(
        f"the site's yearly average is {fmt.percent(average / float(grid.peak_power))} of its "
        "hottest hour: it runs nearly flat all year"
    )
    _say(
        f"Why the hottest hour ({_mw(grid.peak_power)}, the typical year's), not the design "
        "day: on an hour hotter than its design day the plant does not stop, its chillers work "
        "harder and draw more, and the grid must carry every hour of the year, not only the day "
        "the plant is sized for."
    )
    _say(
        "Why the utility's share is so much larger than the state's: the smaller whole (one "
        "utility's customers instead of the whole state), not energy against power. Energy "
        "against power even works the other way: a load as flat as this site is a larger share "
        "of any grid's yearly energy than of its peak, because a grid's own average is well "
        "below its peak. (The explorer's catalog has no "
        "figure for the utility's yearly sales, so the site's share of them is not printed.)"
    )
    print(
        f"US data centres: {fmt.number(float(grid.us_datacenter_energy_2023))} TWh in 2023, "
        f"{fmt.number(float(grid.us_datacenter_energy_2028_low))}–"
        f"{fmt.number(float(grid.us_datacenter_energy_2028_high))} TWh projected for 2028 (LBNL)"
    )
    us = grid.us_datacenter_energy_2023
    site_share = (
        float(grid.annual_energy)
        * units.factor(grid.annual_energy.attrs["units"], us.attrs["units"].split("/")[0])
        / float(us)
    )
    print(
        f"the site alone would be {fmt.percent(site_share, 2)} of all US data centres' "
        "electricity in 2023"
    )


def _cost_terms(battery: xr.Dataset, level: str = "mid") -> str:
    """A battery's cost at one price level as the model adds it up: energy × energy price +
    power × power price (`explorer.batteries`; the prices are the catalog's
    ``storage.chemistries``)."""
    energy, power = float(battery.battery_energy), float(battery.battery_power)
    e_price = float(battery.battery_price.sel(price=level))
    p_price = float(battery.battery_power_price.sel(price=level))
    return (
        f"{fmt.quantity(energy, 'MWh')} × {fmt.number(e_price, 4)} USD/kWh + "
        f"{_mw(power)} × {fmt.number(p_price)} USD/kW = "
        f"{fmt.quantity(float(battery.battery_cost.sel(price=level)), 'USD')}"
    )


def batteries_by_role(year: xr.Dataset) -> None:
    """Advanced reveal (after the ride-through exercise): the ride-through and peak-shaving
    batteries side by side, and why the ride-through pack holds more than it delivers.

    Examples
    --------
    >>> from explorer.classroom import lessons
    >>> batteries_by_role(lessons.hot_year()[0])  # doctest: +ELLIPSIS
    ride-through delivers ... MWh; ...
    ...
    """
    roles = batteries.size_roles(year)
    ride = roles["ride-through"]
    print(
        f"ride-through delivers {fmt.quantity(float(ride.battery_needed_energy), 'MWh')}; "
        f"its cells empty safely at most {fmt.number(float(ride.max_c_rate))} times their own "
        f"energy an hour (C-rate), so the pack holds "
        f"{fmt.quantity(float(ride.battery_energy), 'MWh')}"
    )
    for role in ("ride-through", "peak-shaving"):
        r = roles[role]
        print(
            f"{role:>13}: {_mw(r.battery_power):>7}, "
            f"{fmt.quantity(float(r.battery_energy), 'MWh'):>9}, "
            f"mid cost {fmt.quantity(float(r.battery_cost.sel(price='mid')), 'USD')}, "
            f"losses {fmt.quantity(float(r.annual_losses), 'MWh')} a year"
        )
    tests = catalog.value("storage.ride_through_tests_per_year", "1 / year")
    minutes = catalog.value("storage.ride_through_minutes", "minute")
    _say(
        f"The ride-through's losses: the standby system is tested {fmt.number(tests)} "
        f"times a year (taken as one full {fmt.number(minutes)}-minute ride-through each, an "
        "upper bound), and every recharge "
        "buys back more than the test delivered (its round-trip losses). The peak-shaving "
        "battery's come from cycling every day."
    )
    print("the mid cost, as the model adds it up (energy × energy price + power × power price):")
    for role in ("ride-through", "peak-shaving"):
        r = roles[role]
        kind = str(r.attrs["chemistry_label"]).split(" (")[0]  # "Lithium-ion UPS battery"
        print(f"{role:>13}: {_cost_terms(r)}  [{kind}]")


def smoothing(year: xr.Dataset) -> None:
    """Advanced reveal (after the smoothing exercise): one dip, a day of dips, the pack, its
    cycles and its yearly losses.

    Examples
    --------
    >>> from explorer.classroom import lessons
    >>> smoothing(lessons.hot_year()[0])  # doctest: +ELLIPSIS
    one dip: ... MWh absorbed; ...
    ...
    """
    smooth = batteries.size_roles(year, swing_share=1.0)["smoothing"]
    settings = batteries.default_settings()
    per_dip = float(smooth.battery_needed_energy)
    dips = settings["swings_per_day"]
    print(
        f"one dip: {fmt.quantity(per_dip, 'MWh')} absorbed; {fmt.number(dips)} dips a day cycle "
        f"{fmt.quantity(per_dip * dips, 'MWh')} a day"
    )
    print(
        f"smoothing pack: {_mw(smooth.battery_power)}, "
        f"{fmt.quantity(float(smooth.battery_energy), 'MWh')} (grid-battery cells charge at "
        f"most {fmt.number(float(smooth.max_c_rate))} times their energy an hour: the dip's "
        "power, not its energy, sets the pack's size), "
        f"{fmt.number(float(smooth.cycles_per_year))} equivalent full cycles a year"
    )
    # both rest on the explorer's illustrative dips, said where the figure is (reader 50-78)
    print(
        f"losses {fmt.quantity(float(smooth.annual_losses), 'MWh')} a year "
        f"at {fmt.percent(settings['round_trip_efficiency'])} round-trip efficiency (with the "
        f"lesson's illustrative {fmt.number(dips)} dips a day of "
        f"{fmt.number(settings['swing_minutes'])} minute each)"
    )


def several_sites(tech: str = "chiller-economiser") -> None:
    """Advanced reveal (after the annual-PUE prediction): the catalog's two Rainier sites, each
    one's share of the cluster and annual PUE, and what is left without it.

    Examples
    --------
    >>> several_sites()  # doctest: +ELLIPSIS
    AWS Rainier Indiana ...: ... MW (... % of the cluster), ...
    ...
    """
    cluster = sites.split_cluster(["rainier-indiana", "rainier-mississippi"], cooling_tech=tech)
    for s in cluster.site.values:
        one = cluster.sel(site=s)
        print(
            f"{catalog.label('sites', str(s))}: {_mw(one.site_power)} "
            f"({fmt.percent(float(one.share_of_cluster))} of the cluster), annual PUE "
            f"{fmt.number(float(one.annual_pue), 4)} in {one.state.values}'s weather; "
            f"without it {fmt.percent(float(one.share_left))} of the cluster is left"
        )
    # the two figures are of different times: say which, from the catalog's own notes
    for s in cluster.site.values:
        entry = catalog.raw()["sites"][str(s)]["site_power"]
        print(f"  {catalog.label('sites', str(s))}'s MW: {entry['note']} ({entry['date']})")
    (third,) = catalog.conflicts("rainier.third_state")
    _say(
        "So the shares compare one site's full build-out with the other's reported figure, not two "
        f"sites as they run today. The third state is missing: {third['note']}"
    )
