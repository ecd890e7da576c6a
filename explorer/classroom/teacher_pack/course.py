"""The eight lessons (`Lesson`, `LESSONS`): their notebooks, objectives and timings, their
links into the app (`app_link`, `app_words`) and the app's own address."""

from __future__ import annotations

from dataclasses import dataclass, field

from ... import catalog, fmt, power
from ...ui import links
from .. import factcheck, lessons
from .figures import (
    FLEET_PUE,
    MFU_SHOWN,
    SITE_SHOWN,
    app_hot_day,
    lesson_hot_peak,
)


@dataclass(frozen=True)
class Lesson:
    number: int
    title: str
    notebook: str
    app: str  # what to try in the explorer app, when an app server is running (optional)
    debrief: str  # the point the class should leave with
    advanced: str  # what the Advanced track adds
    # the app's settings the step opens on (link parameters, `explorer.ui.links`): the plan
    # gives a link built from them and says them in words (reader 23: the app's own defaults,
    # the household city and FP8, gave numbers that disagreed with the lesson)
    settings: dict[str, object] = field(default_factory=dict)


# where `explorer app` serves the app, unless that port is taken
APP_ADDRESS = "http://127.0.0.1:8866/"
# lessons 5 and 6's site in the app: the article's site at AWS's fleet PUE (as the stations and
# the capstone compute), its chip, the city per person (the station's basis), the full screen
_FLEET = catalog.value("cooling.aws-fleet.pue", "dimensionless")
_ARTICLE_APP = {
    "site": lessons.ARTICLE_SITE,
    "site_power": lessons.SITE_MW,
    "pue": _FLEET,
    "chip": lessons.CAPSTONE["chip"],
    "basis": lessons.STATION_BASIS,
    "screen": "advanced",
}


def app_link(settings: dict[str, object]) -> str:
    """The app's address with `settings` as its link parameters (`explorer.ui.links.build`).

    Examples
    --------
    >>> app_link({"site_power": 300.0, "precision": "bf16"})
    'http://127.0.0.1:8866/?site_power=300&precision=bf16'
    """
    return f"{APP_ADDRESS}?{links.build(settings)}"


def app_words(settings: dict[str, object]) -> str:
    """`settings` as the app's controls name them ("Accelerator: AWS Trainium2"), in the link's
    order: what the teacher checks on screen, or sets by hand where the link cannot be used.

    Examples
    --------
    >>> app_words({"chip": "trn2", "precision": "bf16"})
    'Accelerator: AWS Trainium2; Precision: BF16'
    """
    said = {
        "site": lambda v: f"Preset: {catalog.label('sites', v)}",
        "site_power": lambda v: f"Site power: {fmt.quantity(v, 'MW')}",
        "pue": lambda v: (
            f"PUE {fmt.number(v)} in the field beside the “Cooling share of site power” slider "
            f"(the slider then reads {fmt.percent(power.cooling_fraction_for_pue(v))})"
        ),
        "chip": lambda v: f"Accelerator: {catalog.label('chips', v)}",
        "basis": lambda v: f"City basis: {catalog.label('bases', v)}",
        "model": lambda v: f"Model: {catalog.label('models', v)}",
        "precision": lambda v: f"Precision: {str(v).upper()}",
        "screen": lambda v: f"Screen: {str(v).title()}",
    }
    return "; ".join(said[k](settings[k]) for k in links.ORDER if k in settings)


LESSONS = (
    Lesson(
        1,
        "Megawatts and cities",
        "01-megawatts-and-cities.ipynb",
        "open the explorer app and move the site power; read the energy and the 'city' numbers",
        "MW is a rate, MWh an amount; 'a city of N' is a ratio with a chosen basis",
        "city-low-load: a load factor below 1 (a site that does not run flat out); compare the "
        "bases' sources and dates",
    ),
    Lesson(
        2,
        "Where the power goes",
        "02-where-the-power-goes.ipynb",
        "move the cooling-share slider and watch the IT, cooling and other bars",
        f"PUE = site ÷ IT; AWS's fleet PUE of {FLEET_PUE} leaves about a tenth of the site for "
        "cooling",
        "work out the implied chiller COP (cop-article), then heat removed and rejected, water "
        "and WUE, and the electricity-for-water trade",
    ),
    Lesson(
        3,
        "From chips to FLOPS",
        "03-from-chips-to-flops.ipynb",
        f"on the app's Advanced screen, set the site power to {SITE_SHOWN}, the “Cooling share of "
        f"site power” slider to {fmt.percent(lessons.FLEET_COOLING)} (AWS's fleet PUE of "
        f"{FLEET_PUE} split as the lesson splits it; the default preset's share is higher and "
        "gives fewer chips) and the "
        "Accelerator to Trainium2 and press “Pin this scenario (A)”; then pick H100: the "
        "Chips and Cluster FLOPS cards set B beside A, the chips a site feeds and its FLOP/s "
        "for the same facility power",
        "the chips a site feeds follow from TDP × server overhead after PUE; FLOP/s is a speed",
        # only the notebook's Advanced part: the torus is Basics (reader 42-34)
        "per facility MW (gb200-trn2-per-mw): the lesson's last minutes, made together in class",
    ),
    Lesson(
        4,
        "From FLOPS to a trained model",
        "04-from-flops-to-a-trained-model.ipynb",
        f"set Screen to Advanced, the site power to {SITE_SHOWN}, the “Cooling share of site "
        f"power” slider to {fmt.percent(lessons.FLEET_COOLING)} (AWS's fleet PUE of "
        f"{FLEET_PUE}, split as section 3 splits it), "
        "Accelerator to the H100, Precision to BF16 and Model to "
        f"{catalog.label('models', 'llama3-405b')}; type the Job size "
        f"{fmt.number(lessons.JOB_CHIPS)}, then {fmt.number(lessons.RUN_CHIPS)}, then the "
        "site's every chip (leave it blank) and read the wall-clock training time each gives; "
        "then move the “MFU: share of peak FLOPS achieved” slider",
        "time = compute ÷ (chips × peak × MFU × goodput); more chips means more interruptions "
        "and longer restarts",
        # only the notebook's Advanced part: 500,000 chips is section 3's Basics (reader 42-34)
        "Young's and Daly's checkpoint models: optional, after the 50 minutes",
    ),
    Lesson(
        5,
        "Fact-check the articles",
        "05-fact-check.ipynb",
        # reader 20: "take a role and pick the claim your role doubts most" clashed with the
        # role cards, whose claims and sides are dealt
        # reader 23: the app's default City basis (households) put 245,000 beside the claim's
        # 250,000; the link opens it on the station's basis, people
        "check the city and chips stations' numbers: open the app with the link below, "
        "which sets the stations' own figures, and read the City card (people) and the Chips "
        "card. The City basis matters: the app's default, households, is not the station's",
        "a claim is reproduced, reproduced under an assumption, or contested (a source disagrees)",
        # reader 34: "or chip power" named a part the notebook does not have
        "optional, for a group done early after the reveal: recompute a claim on another basis "
        "or PUE with the notebook's own widgets (the city table's other rows, with the box "
        "ticked for every basis, and the power-split slider), then the notebook's “Question "
        "(if time)”: which claims rest on a unit or a label",
        settings=_ARTICLE_APP,
    ),
    Lesson(
        6,
        "Capstone: from a site to a trained model",
        "06-capstone.ipynb",
        # reader 23: "pick a site and a chip" opened on FP8 and the preset's own cooling share:
        # 99 EFLOP/s, which capstone-achieved calls an MFU slip
        "open the app with the link below (it sets the capstone's site) and check step 2's numbers "
        "on the Chips card and the Cluster FLOPS card: its peak, and its “effective” "
        f"speed, the lesson's achieved speed at {MFU_SHOWN} MFU. Precision matters: the app's "
        "default, FP8, is about twice the BF16 the lesson trains in. The Training card beside "
        "them counts days of the site's own city (its power as people), not the article's "
        f"{fmt.number(factcheck.ARTICLE_CITY)} people: leave its days of a city to step 5",
        "FLOP is work and FLOP/s a speed, as MWh is energy and MW power; a run's energy is "
        "power × wall-clock time; the fastest job uses only part of the site",
        "the job-size sweep: the fastest job against the least energy; other models and chips",
        settings={**_ARTICLE_APP, "model": lessons.CAPSTONE["model"], "precision": "bf16"},
    ),
    Lesson(
        7,
        "Hot days, the grid and batteries",
        "07-hot-days-the-grid-and-batteries.ipynb",
        "in the app's Advanced screen, open “Site in context” and switch the cooling technology "
        f"(its hot day is {app_hot_day()[0]}, a cooling peak of {app_hot_day()[1]} against "
        f"the lesson's {lesson_hot_peak()})",
        "an annual average hides the hot-day peak; a share depends on its whole: a site is a "
        "few per cent of its state's energy but a tenth of one utility's peak; a peak-shaving "
        "battery moves a day's peak "
        "cooling to its cooler hours and buys its recharge from the grid",
        "batteries by role (ride-through, smoothing a training job's power swings); a cluster "
        "over several sites",
    ),
    Lesson(
        8,
        "Why are the articles' numbers contested?",
        "08-why-are-the-numbers-contested.ipynb",
        "in the app, read the small type under each headline and open “What moves this number”",
        "a number is as sure as its figures: the widest answer takes every end that pushes one "
        "way, a tornado shows which figure matters, a 90 % range how likely the ends are",
        "a Monte Carlo sample of your own; seeds and sample size; figures that move together",
    ),
)
