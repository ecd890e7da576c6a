"""The exercise engine of the walkthroughs: judge a student's answer, say right or not yet with
the hint that fits, step hints up, and compare a prediction with the result.

The exercises themselves (questions, answers from the core, traps) are defined in
:mod:`explorer.classroom.lessons`; this module knows nothing about datacenters. Reading the typed
answer (numbers, words, units, calculations) is :mod:`explorer.classroom.reading`; its entry
points (:func:`read`, :func:`label`, :func:`worked`, :class:`Reading`, the units ``SHARE`` and
``RATIO``) stay importable from here.

Examples
--------
>>> read("2,628", "GWh").value
2628.0
"""

from __future__ import annotations

import decimal
import html
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from .. import fmt, units
from ..units import ureg
from ..validate import Bound
from .computed import kept
from .reading import (
    COUNT_WORDS,
    FLOPS_AMOUNT,
    OVER_WHOLE,
    PREFIXABLE,
    RATIO,
    SHARE,
    Reading,
    bound_said,
    bracketed,
    decimal_comma,
    in_digits,
    is_time,
    leading_number,
    normalise,
    read,
    significant_figures,
    typed_numbers,
    way_said,
    worked,
)
from .reading import label as label  # re-exported: lessons and the tests import it from here


@dataclass(frozen=True)
class Kind:
    """What a trap's wrong answer is, which decides the verdict it earns.

    Attributes
    ----------
    slip : bool
        A slip (the default); False for a figure a careful student may well predict (a
        published number that counts something else): a prediction there is not called a slip.
    note : bool
        An answer inside the tolerance that still skipped a step (the 3 % other losses): right,
        with the hint as a note.
    figures : bool
        A published figure that is also the answer rounded (the article's 250,000 for 245,264):
        copied, not computed, so the student's own figures are asked for and the answer stays
        closed.
    published : str
        The published figure as a noun phrase ("the article's 30 %, the claim you are
        checking"), where it is a one-figure rounding of the answer: typed that coarsely it may
        be the student's rounding, so more figures are asked for; typed finer it fires the hint
        (reader 18).
    computed : str
        For a figures-trap, what is said when the figure comes out of the student's own
        calculation from rounded figures: worked out, not copied, yet not the computation asked
        for (readers 19, 29).
    """

    slip: bool = True
    note: bool = False
    figures: bool = False
    published: str = ""
    computed: str = ""


@dataclass(frozen=True)
class Match:
    """When a typed answer is a trap's slip.

    Attributes
    ----------
    rel_tol : float
        How near the trap's value a number must lie.
    unit : str
        The trap value's own unit, when not the exercise's (households, not people).
    unit_tol : float
        The tolerance for the value typed with its own `unit` ("30 MW" for 30.1 MW), looser than
        a bare number's; 0: `rel_tol` (reader 30).
    rounded : bool
        The value rounded at the student's figures is the slip too; False where a guess rounded
        as coarsely lands there ("89 %" for 89.2 %): then only in a calculation (reader 22).
    method : callable or None
        Numbers that, typed in a calculation (or as a difference, "2 − 1.15"), show this slip's
        method whatever the student rounded elsewhere (reader 22).
    method_at_value : bool
        A `method` number shows the slip only when the answer also lands on the trap's value
        (2 × 20.8 PF is another trap's factor; reader 31).
    bare : bool
        Only a bare number is this slip, in a share's box ("2" read as 2 %, not "2 %"); the key
        shows it as typed (reader 28).
    unlabelled : bool
        Only a number typed with no unit is this slip ("1649" for 1,536 GiB; "1.61 TiB" is
        another mix-up; reader 30).
    guess : bool
        A round guess lands on this value too: a number of two figures or fewer, typed alone,
        hears the slip "if you worked it out" and the stepped hint if it was a guess (reader 29).
    up_to : callable or None
        The value is a lower bound ("Meta's >90 %"): a prediction from it up to this one is
        this trap too, as well as those within `rel_tol` (reader 38-34: 90 % was Meta's figure,
        92 % only "too high"); a checked answer there is the student's own arithmetic, a miss
        (reader 19).
    """

    rel_tol: float = 0.02
    unit: str = ""
    unit_tol: float = 0.0
    rounded: bool = True
    method: Callable[[], tuple[float, ...]] | None = None
    method_at_value: bool = False
    bare: bool = False
    unlabelled: bool = False
    guess: bool = False
    up_to: Callable[[], float] | None = None


@dataclass(frozen=True)
class Say:
    """What a trap says beyond its hint.

    Attributes
    ----------
    lead : str
        How a prediction's reveal opens where neither "a common slip" nor "a fair guess" is
        true ("Not so"; reader 21).
    later : str
        Said after the hint from the second attempt on: the step the hint leaves to the student
        at the first (reader 29).
    aside : bool
        Whether a bare number at this value in another prefix of the unit is said to be a prefix
        slip; False where it is a different quantity ("83.1" is the speed in PFLOP/s; reader 26).
    step : bool
        Whether a prediction's reveal at this trap also gives the worked step (the exercise's
        last hint): a guess far off ("no losses at all") needs the recipe most (reader 35).
    percent : str
        Said instead of the hint when the slip's plain number is typed as a percentage ("53.6 %"
        or a bare 53.6 for 2,628 ÷ 49 = 53.6): read so, it is 100 times nearer the answer than
        the slip, and another slip may give it too (reader 40-78: a 10-times slip was told
        "1,000 times too big"); "": the hint.
    size : bool
        Whether a prediction's reveal at this trap first says how far off it is, as a
        prediction with no trap is told ("Your prediction is 9.5 % too low."), then the hint:
        a figure near the answer that a source's other end also gives, said in the same tone
        as a guess as far off the other way (reader 42-34: "Close, just outside what the
        checker accepts" for 1.9, "9.5 % too high" for 2.3).
    checked : bool
        Whether `check`'s reply opens with `lead` too, in place of "Not yet, hint:": a guess
        wrong only within the lesson's model ("Not in this model"; reader 52 D12: "Not yet"
        marked a physically sound "all the chips" wrong by an extrapolation).
    """

    lead: str = ""
    later: str = ""
    aside: bool = True
    step: bool = False
    percent: str = ""
    size: bool = False
    checked: bool = False


@dataclass(frozen=True)
class Trap:
    """A typical wrong answer (computed from the core, like the answer) and the hint it earns:
    what it is (`kind`), when a typed answer is it (`match`) and what else is said (`say`)."""

    id: str
    value: Callable[[], float]
    hint: str
    kind: Kind = Kind()
    match: Match = Match()
    say: Say = Say()

    def __post_init__(self) -> None:
        object.__setattr__(self, "value", kept(self.value))  # asked for at every check


@dataclass(frozen=True)
class Reads:
    """How an exercise's typed answer is read.

    Attributes
    ----------
    negative : bool
        The answer may be negative.
    above : bool
        The answer is how far above a reference: "79 % more" reads as 79 %.
    reference : callable or None
        The value the question asks "below, at or above?" of: an answer that says its way
        ("just above 300 MW") is read as a way and a value (reader 19).
    ceiling : callable or None
        The top of the range the answer is drawn from (the tracker's 750 MW): "above 750" goes
        to where the answer cannot lie (reader 23).
    asks_way : callable or None
        The figure the lesson asks "above or below?" of just before, with no way of its own to
        read (Meta's 90 %): a bound typed is said back as its way and a number asked for
        (reader 30).
    subject : str
        What the answer's number is called, where students type it beside another ("IT 87%,
        cooling 10%"): the number so labelled is read (reader 28).
    change : str
        The answer is the size of a change ("shrink"): a signed difference ("-73,579") is right
        with a note, not "cannot be negative" (reader 19).
    unit_nudge : str
        The first nudge for a wrong answer in a unit of the answer's kind, where the usual one
        asks for that kind (reader 30).
    given : callable or None
        Figures the lesson gives in the text just above the box, not in its question (lesson
        2's chiller yardsticks), each with what it is ("the water-cooled chillers'
        yardstick"): typed back alone, they are named as that, not the answer (readers 38-12,
        49-12: "copied from the question" sent the student to a question without them).
    mislabel : tuple of str
        (wrong word, right word, note): a right number labelled with the word for the other
        figure ("83 PFLOP/s sparse" for the dense 83.1) is right with the note, unless the right
        word is there too or the wrong one is negated ("not sparse"; reader 39-34: the label
        the exercise teaches was confirmed backwards).
    in_words : bool
        The question gives its large figures in words ("405 billion", "15.6 trillion") and asks
        in a bare unit: a bare answer a billion or a trillion too small is that power of ten
        dropped, not the answer in GFLOP or TFLOP (reader 41-34).
    verdict : str
        The range a question just above the box asks "below, inside or above?" of, answered on
        paper (lesson 2's "the article's 30–50 %"): a verdict word typed in the box ("inside,
        near 30") is sent to paper, unless the number beside it is right (reader 46-12).
    yearly : bool
        The answer is a year's energy: one typed per day ("29 kWh a day") is told so, and
        asked for the year's (reader 52-12: refused as an unreadable unit). Not for an energy
        per event (lesson 7's battery), where "a day" is no such slip.
    """

    negative: bool = False
    above: bool = False
    reference: Callable[[], float] | None = None
    ceiling: Callable[[], float] | None = None
    asks_way: Callable[[], float] | None = None
    subject: str = ""
    change: str = ""
    unit_nudge: str = ""
    given: Callable[[], tuple[tuple[float, str], ...]] | None = None
    mislabel: tuple[str, str, str] = ()
    in_words: bool = False
    verdict: str = ""
    yearly: bool = False


# a year's energy typed per day (`Reads.yearly`): "29 kWh a day", "29 kWh/day"
_ENERGY_A_DAY = re.compile(
    r"[kMGT]?Wh\s*(?:/|\bper\b|\ban?\b|\beach\b|\bevery\b)\s*(?:day|d)\b", re.IGNORECASE
)

# a range's verdict in words ("inside", "below the range"), for `Reads.verdict`
_VERDICT_WORD = re.compile(r"\b(inside|within|outside|below|above|between)\b", re.IGNORECASE)
# an arrow between a result and what it means: "33 % -> inside"
_ARROW = re.compile(r"\s*(?:-+>|=+>|[→⇒])\s*")


@dataclass(frozen=True)
class Precision:
    """How precisely an exercise's answer is printed and must be typed (its tolerance,
    `Exercise.rel_tol`, stays a common constructor argument).

    Attributes
    ----------
    digits : int
        The significant figures the answer and traps' values are printed to.
    rounds : bool
        Print to `digits` whatever the unit, as a count's are: lesson 6's inputs are known to
        two or three figures, so its key says 104,000 MWh (reader 20).
    figures : int or None
        The fewest significant figures a plain typed number needs to be right, inside the
        tolerance too (lessons 7 and 8: `FEWEST_FIGURES`; reader 31); None: the tolerance
        decides.
    """

    digits: int = 3
    rounds: bool = False
    figures: int | None = None


@dataclass(frozen=True)
class Limits:
    """The range the quantity can physically take, said to a prediction outside it ("0" or
    "1e9" for a PUE) instead of comparing it with the result (brief 27, after reader 26).

    Attributes
    ----------
    possible : callable or None
        The bound (a PUE from 1 to 10, the core's `validate.BOUNDS["pue"]`; a COP above 0).
    possible_why : str
        Why, as said to the student.
    """

    possible: Callable[[], Bound] | None = None
    possible_why: str = ""


@dataclass(frozen=True)
class Exercise:
    """One exercise: a question, its answer from the core, stepped hints and traps; how its
    answer is read (`reads`), how precisely (`precision`) and within which limits (`limits`).

    `hints` are three steps: a nudge (the default hint), the formula, and the worked step.
    `waits_for` names the exercises whose reveal prints figures this question works with: until
    they are revealed its box shows them blank (`lessons.question_now`; reader 19), and its
    worked step (the Hint button's third, a third wrong check's) stays closed: it names every
    exercise whose answer the worked step prints (reader 34).
    `worked` marks a predict-then-reveal whose answer the student works out from figures printed
    just above it: asked as "work it out", said back as an answer, not as a prediction (`reveal`;
    reader 27: as a prediction it was hollow, the cell above gives it).
    `right_note` is what a prediction's reveal adds to an answer within the tolerance: the
    caveat its right guesses' traps say too (reader 43-56: "45 %" missed the model's caveat
    that "half" was told).
    """

    id: str
    lesson: int
    question: str
    answer: Callable[[], float]
    unit: str
    hints: tuple[str, str, str]
    traps: tuple[Trap, ...] = ()
    rel_tol: float = 0.05
    reads: Reads = Reads()
    precision: Precision = Precision()
    limits: Limits = Limits()
    waits_for: tuple[str, ...] = ()
    worked: bool = False
    right_note: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "answer", kept(self.answer))  # asked for a dozen times a check

    @property
    def hint(self) -> str:
        """The default hint: the nudge."""
        return self.hints[0]

    def accepted(self) -> tuple[float, float]:
        """The range of answers the checker accepts (the answer ± `rel_tol`), in `unit`."""
        want = self.answer()
        lo, hi = want - self.rel_tol * abs(want), want + self.rel_tol * abs(want)
        return (lo, hi)

    def shown_range(self) -> tuple[str, str]:
        """The ends of `accepted` as the answer key prints them, each rounded *inwards* at the
        precision `show` prints (the low end up, the high end down), so that a student who
        types a printed end is always right: "1.17 to 1.19" for 1.1603 to 1.1957, never the
        outward "1.16", which the checker refuses (reader 19).

        Examples
        --------
        >>> Exercise("x", 1, "?", lambda: 1.178, RATIO, ("", "", ""), rel_tol=0.015).shown_range()
        ('1.17', '1.19')
        """
        scale = 100 if self.unit == SHARE else 1  # a share is printed in per cent
        ends = []
        for end, way in zip(self.accepted(), (math.ceil, math.floor), strict=True):
            v = end * scale
            ax = abs(v)
            if 10 ** (self.precision.digits - 1) <= ax < 1e15:
                step = 1.0  # printed whole, with thousands separators
            else:
                step = (
                    10.0 ** (math.floor(math.log10(ax)) - self.precision.digits + 1) if ax else 1.0
                )
            inward = way(round(v / step, 9)) * step
            # a float one step across the end (1.17 stored as 1.1699999) moves one more step in
            if not self.accepts(inward / scale):
                inward += step if way is math.ceil else -step
            ends.append(self.show(inward / scale, rounded=False))
        return ends[0], ends[1]

    def two_figures(self) -> float:
        """The answer rounded to two significant figures: always accepted, however tight
        `rel_tol` (a PUE of 1.754 written "1.8" is right)."""
        return fmt.rounded(self.answer(), 2)

    def accepts(self, x: float) -> bool:
        """Whether `x` is right: within `rel_tol` of the answer, or the answer rounded to two
        significant figures (the one rule the checker, the answer key and the lesson text's
        numbers all use), unless it is a figures-trap's published figure (`copied`)."""
        lo, hi = self.accepted()
        if self.copied(x):
            return False
        return lo <= x <= hi or float(f"{x:.12g}") == self.two_figures()

    def states_tolerance(self) -> bool:
        """Whether the question tells the student the range the checker accepts
        (`says_tolerance`): then that range is the rule, and an answer inside it is right at
        any figures; `Precision.figures` and `needs_three` speak only outside it (reader 47-78:
        "70 %" for 68.2 % was refused as one figure beside "counts within 3 %", while "70.0 %"
        was right)."""
        return self.said_tolerance() in self.question or self.tolerance() in self.question

    def needs_three(self) -> bool:
        """Whether a two-figure answer can never be right: the answer to two figures is a
        figures-trap's published figure (the article's 250,000 for 245,264 households), refused
        as copied, or that figure rounds to it too (the article's 83.2 and the station's 83.1
        are both "83": two figures cannot tell computed from copied; reader 36), so three
        figures are asked for."""
        two = self.two_figures()
        return self.copied(two) is not None or any(
            t.kind.figures and fmt.rounded(t.value(), 2) == two for t in self.traps
        )

    def fewest_figures(self) -> int:
        """The fewest significant figures at which the answer, rounded, counts as right outside
        the tolerance (`check`): `FEWEST_FIGURES`, or one more where the answer to that many is a
        published figure (`needs_three`). The answer key words its rounding rule from this."""
        return FEWEST_FIGURES + 1 if self.needs_three() else FEWEST_FIGURES

    def copied(self, x: float) -> Trap | None:
        """The figures-trap `x` is (`Kind.figures`: a published figure that also rounds the
        answer, copied rather than computed), or None."""
        return next(
            (t for t in self.traps if t.kind.figures and _near(x, t.value(), t.match.rel_tol)), None
        )

    def tolerance(self) -> str:
        """The tolerance as the answer key and the checker print it, e.g. ``"±1.5 %"``; for a
        share in percentage points, as its gaps are said ("±2.6 percentage points" for 85.3 %
        ± 3 %), so that "2.8 points too low" never sits beside a relative "±3 %".

        Examples
        --------
        >>> Exercise("x", 1, "?", lambda: 0.853, SHARE, ("", "", ""), rel_tol=0.03).tolerance()
        '±2.6 percentage points'
        """
        if self.unit == SHARE:
            return "±" + _points(self.rel_tol * abs(self.answer()), 0.0)
        return "±" + fmt.percent(self.rel_tol, 2)

    def said_tolerance(self) -> str:
        """The tolerance as the student's replies say it: `tolerance`, except for a share,
        whose width in percentage points times the fraction gives the answer away ("±1.6
        percentage points" beside "a twentieth of the answer": 1.6 × 20 ≈ 32 %, reader 32);
        a share's is said relative to the answer, never in points, and says it is not points
        (reader 40-12: "a twentieth" of a share read as 5 points). The key keeps `tolerance`.

        Examples
        --------
        >>> Exercise("x", 1, "?", lambda: 0.329, SHARE, ("", "", ""), rel_tol=0.05).said_tolerance()
        'a twentieth of the answer either way, not ±5 points'
        >>> Exercise("x", 1, "?", lambda: 0.853, SHARE, ("", "", ""), rel_tol=0.03).said_tolerance()
        '3 % of the answer either way, not ±3 points'
        """
        if self.unit != SHARE:
            return self.tolerance()
        part = _PARTS.get(round(1 / self.rel_tol)) if self.rel_tol else None
        if part is None or not math.isclose(1 / self.rel_tol, round(1 / self.rel_tol)):
            # "3 %" of a share reads as 3 points: say it is relative (reader 33)
            part = fmt.percent(self.rel_tol, 2)
            return f"{part} of the answer either way, not ±{part.rstrip(' %')} points"
        # "a twentieth" of a share read as ±0.05, 5 points (reader 40-12): said it is not
        return f"{part} of the answer either way, not ±{fmt.number(100 * self.rel_tol)} points"

    def outside_tolerance(self) -> str:
        """What a near miss lies just outside, as the replies say it: "the ±1 % the checker
        accepts"; for a share, relative to the answer (`said_tolerance`). Where the answer
        rounded to two figures lies outside that band yet counts as right (`accepts`), the reply
        says so: 2,600 right for 2,628 beside "±1 %" read as a contradiction (reader 34)."""
        rounding = f" ({self.two_figures_too()})" if self.two_figures_too() else ""
        if self.unit != SHARE:
            return f"the {self.tolerance()} the checker accepts{rounding}"
        return f"what the checker accepts ({self.said_tolerance()}){rounding}"

    def two_figures_too(self) -> str:
        """The clause "or the answer rounded to two figures", where that lies outside the
        tolerance yet counts as right (`accepts`: "1.8" for a PUE of 1.754 ± 1 %), else "":
        every reply that names the tolerance names this too, one rule (the lead's brief, round
        48: "too high (the checker accepts ±1 %)" beside 1.8 right read as two rules)."""
        lo, hi = self.accepted()
        two = self.two_figures()
        if lo <= two <= hi or self.needs_three():
            return ""
        return "or the answer rounded to two figures"

    def accepts_said(self) -> str:
        """What the checker accepts, as the replies say it in brackets: `said_tolerance`, and
        `two_figures_too` where it applies ("±1 %, or the answer rounded to two figures")."""
        return ", ".join(filter(None, (self.said_tolerance(), self.two_figures_too())))

    def shown_unit(self) -> str:
        return {SHARE: "", RATIO: ""}.get(self.unit, self.unit)

    def show_trap(self, t: Trap) -> str:
        """A trap's value as the answer key prints it, in the trap's own unit when it has one
        (the households a student mistook for people), without the float's noise, so that it
        rounds as the reveal says the slip back (reader 41-12: 171 / 120 = 1.425 was 1.42 in
        the key, from the float 1.42499…, and 1.43 in the reveal)."""
        x = t.value()
        if math.isfinite(x) and x:
            x = fmt.rounded(x, 12)
        if t.match.bare and self.unit == SHARE:  # the bare number the slip is typed as: "2"
            return fmt.number(x * 100, self.precision.digits)
        if not t.match.unit:
            return self.show(x)
        if t.match.unit == SHARE:  # a share slipped into a count or MW answer: "30 %", not "0.3 MW"
            return fmt.percent(x, self.precision.digits)
        if t.match.unit == RATIO:  # a PUE typed for its share: "1.15", not "115 %"
            return fmt.number(x, self.precision.digits)
        if (t.match.unit in COUNT_WORDS or self.precision.rounds) and math.isfinite(x) and x:
            x = fmt.rounded(x, self.precision.digits)
        return f"{fmt.number(x, self.precision.digits)} {t.match.unit}"

    def show(self, x: float, rounded: bool = True) -> str:
        """A value in this exercise's unit, as the answers and keys print it: a count (people,
        households, chips) at `Precision.digits` significant figures, as closely as its inputs are
        known (`rounded` False keeps a count whole: the ends of the accepted range).

        Examples
        --------
        >>> Exercise("x", 1, "?", lambda: 0.0, "people", ("", "", "")).show(207829.4)
        '208,000 people'
        """
        if self.unit == SHARE:
            return fmt.percent(x, self.precision.digits)
        if (
            rounded
            and (self.unit in COUNT_WORDS or self.precision.rounds)
            and math.isfinite(x)
            and x
        ):
            x = fmt.rounded(x, self.precision.digits)
        return f"{fmt.number(x, self.precision.digits)} {self.shown_unit()}".strip()


@dataclass(frozen=True)
class Feedback:
    """The verdict on one answer: `kind` is right, trap, near, figures (the answer rounded
    too coarsely to tell), hint or unreadable."""

    right: bool
    message: str
    kind: str = "hint"
    trap: str | None = None
    level: int = 0

    def __post_init__(self) -> None:
        # a hint that is a question, joined with a full stop after it (reader 48-78: "…below
        # 300 MW?.")
        object.__setattr__(self, "message", _no_stray_stop(self.message))

    def __str__(self) -> str:
        return self.message

    def _repr_html_(self) -> str:
        colour = "#009E73" if self.right else "#D55E00"
        return f"<p style='color:{colour};font-weight:600'>{html.escape(self.message)}</p>"


# a share's tolerance as a part of the answer, in words (`Exercise.said_tolerance`)
_PARTS = {10: "a tenth", 20: "a twentieth", 50: "a fiftieth", 100: "a hundredth"}


def _no_stray_stop(message: str) -> str:
    """`message` without a full stop joined after a question's mark ("…below 300 MW?." → "…below
    300 MW?").

    Examples
    --------
    >>> _no_stray_stop("How many draws land below 300 MW?. Then: 2.5.")
    'How many draws land below 300 MW? Then: 2.5.'
    """
    return re.sub(r"([?!])\.", r"\1", message)


def _near(a: float, b: float, tol: float) -> bool:
    return abs(a - b) <= tol * abs(b)


# a near miss: within this share of the answer, the method is probably right (a figure is off)
NEAR = 0.25
# a near miss this much beyond the tolerance is a figure off, the method probably right; further
# out (still within NEAR) the method itself may be off
NEAR_FIGURES = 0.03
# a tolerance at or below this is a tight box (±1 %): there a miss past 1.5 times it is a figure
# used wrong, not "just outside" (reader 50-78)
NEAR_TIGHT = 0.01
# a near miss said "close" (reader 27; was "not far off"): within this share of the answer;
# "2,000 GWh" for 2,628 (24 % low, beside a ±1 % tolerance) is a near miss, not "close" (reader 25)
NOT_FAR = 0.10
# the fewest significant figures at which the result rounded counts as right outside the
# tolerance (`check`): one figure is too coarse ("4" for 4.23 MWh would stand for 3.5 to 4.5,
# where the tolerance is ±3 %); the answer key words its rounding rule from this (reader 29)
FEWEST_FIGURES = 2

# beyond NEAR but within this share of the answer: the right size, a figure or a step off, not
# the kind of quantity; said so, with the formula, rather than the first stepped hint (reader 27)
WIDE = 0.5


def _points(x: float, want: float) -> str:
    """How far apart two shares are, in percentage points ("9.7 points")."""
    points = fmt.number(abs(x - want) * 100, 2)
    return f"{points} percentage point{'' if points == '1' else 's'}"


def _no_unit_slash(answer: str) -> str:
    """`answer` without the slash inside a unit ("PFLOP/s", "kWh/person"): no division, so
    "83 PFLOP/s" counts its figures as "83" does (reader 36: it was right while "83" asked for
    three figures)."""
    return re.sub(r"[A-Za-z]/[A-Za-z]", "", answer)


def _rounding(answer: object, x: float) -> float | None:
    """How far, in the exercise's unit, the answer read as `x` may lie from what the student
    meant: half a step of the last figure typed ("2 weeks" read as 14 days: ± 3.5 days; "10 %":
    ± 5 %); None for a number not typed as one (a calculation, words)."""
    if not isinstance(answer, str) or re.search(r"[*×÷()+/]", _no_unit_slash(answer)):
        return None
    m = re.search(r"\d[\d,]*(?:\.\d*)?|\.\d+", answer)
    figures = significant_figures(answer)
    typed = float(m[0].replace(",", "").rstrip(".")) if m else 0.0
    if not figures or not typed:
        return None
    step = 10 ** (math.floor(math.log10(typed)) - figures + 1)
    return abs(x) * step / 2 / typed


def _rounded(x: float, want: float, figures: int | None) -> bool:
    """Whether `x` is `want` rounded to the figures the student gave (`FEWEST_FIGURES` or
    more)."""
    if not figures or figures < FEWEST_FIGURES or not want:
        return False
    return half_up(want, figures) == half_up(x, figures)


def _rounded_as_typed(answer: object, x: float, want: float) -> bool:
    """`_rounded`, and also in the unit the student typed: "1.5 weeks" (10.5 days) is not 11.1
    days rounded, which is 1.6 weeks, though 10.5 and 11.1 both round to 11 (reader 26)."""
    figures = significant_figures(answer)
    if not _rounded(x, want, figures):
        return False
    if not isinstance(answer, str) or re.search(r"[*×÷()+/]", _no_unit_slash(answer)):
        return True
    typed = leading_number(answer)
    if not typed or not x:
        return True
    return half_up(want * typed / x, figures) == half_up(typed, figures)


def _rounds_to_typed(answer: str, x: float, want: float, typed_as: object = None) -> bool:
    """Whether the result, in the unit typed and rounded to the student's own figures, is the
    number typed: 68.2 % at one figure is 70 %, so "100 %" is not 68.2 % rounded, though it lies
    within half its last figure's step (50 to 150); "2 weeks" is 12 days (1.7 weeks) rounded
    (reader 30). A bound in another, coarser unit (`typed_as`, the answer before its words were
    put in digits: "under a week") keeps half that unit as its precision."""
    figures = significant_figures(answer)
    typed = leading_number(answer)
    if not figures or not typed or not x:
        return True
    if not any(math.isclose(typed / x, k) for k in (1, 100)) and _bound(typed_as):
        # a bound in a coarser unit ("under a week" for 5.75 days) is true as far as it goes:
        # the student's unit is the step (readers 13 and 29)
        return True
    # in the unit typed too: 5.75 days is 0.82 weeks, 0.8 to one figure, so "a week" is not the
    # result rounded, though "7" was told it is too high (reader 32); 12.5 days is "2 weeks"
    return half_up(want * typed / x, figures) == half_up(typed, figures)


# an answer that says a bound, not a value: "under a week", "less than 2 weeks"
_BOUND = re.compile(r"\s*(?:under|below|less than|fewer than|within|not quite)\b", re.I)


def _thousands_point(answer: object, x: float) -> str:
    """A clause for a number written with a point between thousands ("208.000", as some
    countries write 208,000), read as a decimal point: "" for any other answer ("0.012")."""
    if not isinstance(answer, str) or not re.search(r"(?<![\d.])[1-9]\d{0,2}\.\d{3}(?!\d)", answer):
        return ""
    return (
        "; if the point separates thousands, write "
        f"{fmt.number(x * 1e3)} or {x * 1e3:.0f} (a point is read as a decimal point)"
    )


def _bound(answer: object) -> bool:
    return isinstance(answer, str) and bool(_BOUND.match(answer))


def _said_in_other_unit(e: Exercise, answer: object, spelled: object, x: float) -> bool:
    """Whether a typed answer in words or another unit ("a week", "a month") reads as a number
    other than the one typed, in the exercise's unit (7 days, 30.4 days)."""
    if not isinstance(answer, str) or not isinstance(spelled, str) or not x:
        return False
    if re.search(r"[*×·÷()+/^]", answer) or not re.search(r"[a-z]{2,}", answer, re.I):
        return False
    unit = e.shown_unit()
    typed = leading_number(spelled)
    if (unit and unit in answer) or not typed:
        return False
    return not any(math.isclose(typed / x, k) for k in (1, 100))


COPIED = "copied-from-question"  # the trap id `check` gives a figure typed back from the question


def _one(shown: str) -> str:
    """A quantity of one said in the singular: "1 days" → "1 day".

    >>> _one("1 days"), _one("7 days"), _one("1.5 days")
    ('1 day', '7 days', '1.5 days')
    """
    return re.sub(r"^1 (\w+?)s$", r"1 \1", shown)


# "1 week", "about 1 day": one of a time unit, in digits, the hook's guess as "a week" is
_ONE_TIME_UNIT = re.compile(
    r"^\s*(?:about\s+|~\s*)?1\s*(?:second|minute|hour|day|week|fortnight|month|year)\s*$", re.I
)


def _given_in_question(e: Exercise, answer: object) -> tuple[str, str]:
    """The question's own figure that a lone typed number is, as the question prints it, or ""
    ("62.2" where the question gives a peak of 62.2 MW; reader 30); and "" or, for a figure
    of the text above the box (`Reads.given`), what that figure is."""
    if not isinstance(answer, str) or re.search(r"[*×·÷()+/^]|\d\s*-", answer):
        return "", ""
    numbers = re.findall(r"\d[\d,]*(?:\.\d+)?", answer)
    if len(numbers) != 1:
        return "", ""
    typed = float(numbers[0].replace(",", ""))
    for shown in _question_quantities(e.question):
        if typed and math.isclose(float(shown.replace(",", "")), typed, rel_tol=1e-9):
            return shown, ""
    for value, what in e.reads.given() if e.reads.given else ():
        if typed and math.isclose(value, typed, rel_tol=1e-9):
            return numbers[0], what
    if e.unit == SHARE and "%" not in answer:  # "0.03" for the question's "3 %" (reader 36-12)
        for m in re.finditer(r"(\d[\d,]*(?:\.\d+)?)\s*%", e.question):
            if typed and math.isclose(float(m[1].replace(",", "")) / 100, typed, rel_tol=1e-9):
                return f"{numbers[0]} ({m[1]} %)", ""
    return "", ""


# a number that names, not measures: "section 1", a model's "3.1" or "H100", the 10 of "10²⁵"
# and its exponent (readers 33: "1 week" and "10 days" were told they were copied)
_NAMING = re.compile(
    r"(?:\b(?:section|lesson|step|part|cell|station|exercise|question)s?\s+|[A-Za-z^]"
    r"|\b(?:Llama|GPT|Claude|Gemini)\s+)$",
    re.IGNORECASE,
)
_POWER_BASE = re.compile(r"^\s*(?:[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]|\^|\*\*)")


def _question_quantities(question: str) -> list[str]:
    """The quantities a question states, as it prints them: its numbers, less those that name
    a section, a model or its version, and the base of a power of ten.

    Examples
    --------
    >>> _question_quantities("Llama 3.1 405B on 100,000 H100s at 40 % (section 1), 3.8 × 10²⁵")
    ['405', '100,000', '40', '3.8']
    """
    found = []
    for m in re.finditer(r"\d[\d,]*(?:\.\d+)?", question):
        before, after = question[: m.start()], question[m.end() :]
        if _NAMING.search(before) or (m.group() == "10" and _POWER_BASE.match(after)):
            continue
        found.append(m.group())
    return found


def _cut_off(answer: object, x: float, want: float) -> bool:
    """Whether the answer read as `x` is the result cut off (rounded down) to the figures the
    student gave (2 or more): "280,000" for 286,813, which rounds to 290,000 (reader 21: that
    common slip was named only as a method's slip whose value it also rounds)."""
    figures = significant_figures(answer)
    if not figures or figures < FEWEST_FIGURES or not want or x == half_up(want, figures):
        return False
    return x == half_up(want, figures, decimal.ROUND_DOWN)


def half_up(x: float, figures: int, rounding: str = decimal.ROUND_HALF_UP) -> float:
    """`x` to `figures` significant figures as a student rounds it: half up, on the decimal
    written, not the binary stored ("1.15" is 1.2, where ``f"{1.15:.2g}"`` gives 1.1, which
    made "1.1" AWS's 1.15 rounded, reader 19).

    Examples
    --------
    >>> half_up(1.15, 2), half_up(0.125, 2), half_up(245264, 2)
    (1.2, 0.13, 250000.0)
    >>> half_up(1e28, 29)  # a typed 29-figure number: more figures than a float holds
    1e+28
    """
    d = decimal.Decimal(repr(x))
    if not d or figures >= 17:  # a float holds at most 17 figures: nothing to round
        return x
    step = decimal.Decimal(1).scaleb(d.adjusted() - figures + 1)
    return float(d.quantize(step, rounding=rounding))


def _in_other_unit(e: Exercise, x: float, want: float, rel_tol: float | None = None) -> str | None:
    """The unit, with no SI prefix or another prefix, that a bare `x` is the answer in ("2.63"
    for 2,628 GWh is in TWh; "8.3e16" for 83 PFLOP/s is in FLOP/s; "7.18e6" for 7.18e21 FLOP is
    in PFLOP), within `rel_tol` (the exercise's tolerance unless given: a trap's own), or None."""
    if e.unit in (SHARE, RATIO) or e.unit in COUNT_WORDS or not want:
        return None
    stem = e.unit[1:] if e.unit[:1] in "kMGTPE" and e.unit[1:] in PREFIXABLE else e.unit
    if stem not in PREFIXABLE:
        return None
    # nobody writes kFLOP: a FLOP figure 1,000 times too small is a prefix slip, not a unit
    prefixes = "MGTPE" if stem.startswith("FLOP") else "kMGTPE"
    for other in (stem, *(p + stem for p in prefixes)):
        there = want * units.factor(e.unit, other)
        if other == e.unit:
            continue
        # a bare 83,136 for 83.1 PFLOP/s is the answer in TFLOP/s, the unit the chip's figure is
        # given in: naming that unit says more than "1,000 times too large"
        tol = e.rel_tol if rel_tol is None else rel_tol
        if _near(x, there, tol) or fmt.rounded(x, 2) == fmt.rounded(there, 2):
            return other
    return None


def _bare_unit(e: Exercise, answer: object, x: float, want: float) -> str | None:
    """The other prefix of the exercise's unit (or none) in which a bare `x`, far from `want`,
    lies within a factor of 1,000 of it, the nearest such; or None. "3.8e19" for 76.5 EFLOP/s
    is 38 EFLOP/s read in FLOP/s (reader 43-56).

    Examples
    --------
    >>> e = Exercise("x", 1, "?", lambda: 76.5, "EFLOP/s", ("a", "b", "c"))
    >>> _bare_unit(e, "3.8e19", 3.8e19, 76.5), _bare_unit(e, "1e100", 1e100, 76.5)
    ('FLOP/s', None)
    """
    if not isinstance(answer, str) or not re.fullmatch(r"[\d\s.,eE+\-*×^]+", answer.strip()):
        return None
    if e.unit in (SHARE, RATIO) or e.unit in COUNT_WORDS or not want or x <= 0:
        return None
    stem = e.unit[1:] if e.unit[:1] in "kMGTPE" and e.unit[1:] in PREFIXABLE else e.unit
    if stem not in PREFIXABLE:
        return None
    prefixes = "MGTPE" if stem.startswith("FLOP") else "kMGTPE"
    fits = []
    for other in (stem, *(p + stem for p in prefixes)):
        if other != e.unit:
            there = float(ureg.Quantity(x, other).to(e.unit).magnitude)
            fits.append((round(abs(math.log10(there / want)), 2), len(fits), other))
    # ties to the unit with no prefix, the one a figure is printed in ("7.6e16": FLOP/s)
    gap, _, other = min(fits)
    return other if gap <= 3.01 else None


# the base units a converted answer may be typed in without its unit (reader 51-56 D9)
BASE_UNITS = {"bytes": "bytes", "J": "joules"}


def _in_base_unit(e: Exercise, answer: object, attempt: int = 1) -> str | None:
    """The base unit (`BASE_UNITS`) in which a bare `answer`, far off in the exercise's unit,
    is right: "1.6e12" for 1,536 GiB is bytes; or None."""
    if not isinstance(answer, str) or not re.fullmatch(r"[\d\s.,eE+\-*×^]+", answer.strip()):
        return None
    for base in BASE_UNITS:
        try:
            units.factor(base, e.unit)
        except Exception:  # another kind of quantity (days, people): no base unit to try
            continue
        if _judge(e, f"{answer.strip()} {base}", attempt).right:
            return base
    return None


def _in_asked_unit(e: Exercise, answer: object, x: float) -> bool:
    """Whether `answer` is a number (or calculation) followed by the exercise's own unit, that
    number read bare giving `x`: "7.18e6 FLOP", "7.18 million FLOP" (reader 40-34).

    Examples
    --------
    >>> e = Exercise("x", 1, "?", lambda: 7.18e21, "FLOP", ("a", "b", "c"))
    >>> _in_asked_unit(e, "7.18e6 FLOP", 7.18e6), _in_asked_unit(e, "7.18e6", 7.18e6)
    (True, False)
    >>> _in_asked_unit(e, "7.18e6 PFLOP", 7.18e21)
    False
    """
    if not isinstance(answer, str) or e.unit in (SHARE, RATIO) or e.unit in COUNT_WORDS:
        return False
    number = re.sub(rf"\s*{re.escape(e.unit)}\s*$", "", answer.strip())
    if number == answer.strip() or not re.search(r"\d\s*$|[a-z]\s*$", number):
        return False
    bare = read(number, e.unit)
    return bare.bare and bare.value is not None and math.isclose(bare.value, x, rel_tol=1e-9)


# what a factor of 1,000 or a million off says where no prefix is in play: an answer typed with
# its powers of ten, or a time (days have no k/M/G; reader 40-34)
# the powers of ten in words, as every hint about a dropped or doubled power says them
_POWER_WORDS = "a thousand is 1e3, a million 1e6, a billion 1e9, a trillion 1e12"
POWERS_OF_TEN = f"check the power of ten of each figure you used ({_POWER_WORDS})"

# a figure typed with its power of ten: "15.6e12", "3 × 10^8", "15.6 trillion"
_TYPED_POWER = re.compile(
    r"\d[\d,]*(?:\.\d+)?\s*(?:e[+-]?\d+|[×x*·]\s*10\s*(?:\^|\*\*)\s*[+-]?\d+"
    r"|(?:thousand|million|billion|trillion)\b)",
    re.IGNORECASE,
)


def _typed_powers(answer: object) -> bool:
    """Whether every large figure of `answer` is typed with its power of ten ("6 × 405e9 ×
    15.6e9"): none can be a figure in a prefixed unit, so a factor of 1,000 off is an exponent
    typed wrong. A bare figure of 10 or more ("989" TFLOP/s) may be a prefix's.

    >>> _typed_powers("6*405e9*15.6e9"), _typed_powers("3.8e25/(100000*989*0.4)/86400")
    (True, False)
    >>> _typed_powers("300/1.15/910")
    False
    """
    if not isinstance(answer, str) or not _TYPED_POWER.search(answer):
        return False
    rest = typed_numbers(normalise(_TYPED_POWER.sub(" ", answer)))
    return all(abs(n) < 10 for n in rest)


def _mixed_units(answer: object, r: Reading, ratio: float) -> str:
    """The hint for a calculation typed without units whose result is off by a prefix's power
    of ten (10³ to 10¹⁵): the working right, its figures in mixed units ("300/1.15/910", MW over
    W), not a count given in millions (reader 37-34); "" otherwise.

    Examples
    --------
    >>> from explorer.classroom.reading import Reading
    >>> _mixed_units("300/1.15/910", Reading(0.287, "", bare=True), 1e-6).split(".")[0]
    'that is a million times too small'
    >>> _mixed_units("0.287", Reading(0.287, "", bare=True), 1e-6)
    ''
    """
    if not (r.bare and worked(answer)) or ratio <= 0:
        return ""
    n = round(math.log10(ratio))
    if n == 0 or n % 3 or abs(n) > 15 or not _near(ratio, 10.0**n, 0.05):
        return ""
    way = "large" if n > 0 else "small"
    size = {3: "1,000", 6: "a million"}.get(abs(n)) or _power_of_ten(10.0 ** abs(n))
    if _typed_powers(answer):  # "405e9 × 15.6e9": an exponent wrong, no prefix (reader 40-34)
        return f"that is {size} times too {way}: {POWERS_OF_TEN}."
    return (
        f"that is {size} times too {way}. Your working looks right, "
        "but its figures are in mixed units: one has a prefix (k = 10³, M = 10⁶, G = 10⁹, "
        "T = 10¹²) and another has not. Write every figure in the same unit, then calculate."
    )


def _ends_in_unit(answer: object, unit: str) -> bool:
    """Whether `answer` ends in `unit`, in any case ("1839600000 kwh" ends in kWh).

    >>> _ends_in_unit("1,839,600,000 kwh", "kWh"), _ends_in_unit("1,839,600 MWh", "kWh")
    (True, False)
    """
    return isinstance(answer, str) and bool(
        re.search(r"(?<![A-Za-z])" + re.escape(unit) + r"\s*$", answer.strip(), re.IGNORECASE)
    )


def _in_own_unit(t: Trap, answer: object) -> float | None:
    """The number of `answer` where it is typed with the trap's own unit (`Match.unit`) itself,
    read in that unit ("8.31e19 FLOP/s"), or None: only that unit as typed, so an answer in
    another unit of the same kind is not converted into a slip's.

    >>> t = Trap("t", lambda: 8.3e19, "1,000 times too large", match=Match(unit="FLOP/s"))
    >>> _in_own_unit(t, "8.3e19 FLOP/s"), _in_own_unit(t, "83,000 PFLOP/s")
    (8.3e+19, None)
    """
    if not isinstance(answer, str) or not answer.strip().endswith(" " + t.match.unit):
        return None
    own = read(answer, t.match.unit)
    return None if own.bare else own.value


def _power_missing(e: Exercise, said: str, attempt: int) -> Feedback:
    """The digits right and a power of ten left out ("37908" or "3.79e16" for 3.79e25 FLOP),
    with the worked step from the third attempt."""
    level = min(max(attempt, 1), len(e.hints)) - 1
    return Feedback(
        False,
        f"Not yet{said}: the digits look right, but a power of ten is missing. Write "
        f"every figure with its power of ten ({_POWER_WORDS}; 3e8 means 3 × 10⁸), and the "
        "result with its own."
        + (f" The worked step: {_sentence(e.hints[level])}" if level >= 2 else ""),
        "trap",
        "power-of-ten-missing",
        level=level,
    )


def _power_of_ten(k: float) -> str:
    """A power of ten as the lessons write it: 1,000 → "10³", 1e-15 → "10⁻¹⁵"."""
    n = round(math.log10(k))
    return "10" + str(n).translate(str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹"))


def _sentence(text: str) -> str:
    """`text` ended with a full stop, unless it ends with its own punctuation ("mixed up?")."""
    return text if text.endswith((".", "?", "!")) else text + "."


# a share said as a ratio: "1.8 times", "2x", "×2", "2-fold", "1.8 times more" (the ratio's
# number in group 1 or 2)
_SHARE_TIMES = re.compile(
    r"^\s*(?:(?:times|x|×)\s*(\d+(?:\.\d+)?)|(\d+(?:\.\d+)?)\s*(?:times|x|×|-?\s*fold)"
    # "1.6 times more", "1.6x higher than the mean", "1.6 times as much": still the ratio
    r"(?:\s+(?:more|higher|larger|bigger|greater|above|over|as\s+(?:much|high|large))\b.*)?)\s*$",
    re.IGNORECASE,
)


# a number and the unit typed after it ("2628 MWh"): the number as the student worked it out
_LABELLED = re.compile(r"^\s*(\d[\d,]*(?:\.\d+)?)\s*([^\d\s].*?)\s*$")


# a percent sign or word after a number
_PERCENT_WORD = re.compile(r"%|percent|per\s+cent", re.IGNORECASE)


# slips by a whole factor: (factor, trap id, what the hint says)
_SLIPS = (
    (1e3, "prefix", "1,000 times too large: check k/M/G prefixes"),
    (1e-3, "prefix", "1,000 times too small: check k/M/G prefixes"),
    (1e6, "prefix", "a million times too large: check the prefixes (k, M, G step by 1,000)"),
    (1e-6, "prefix", "a million times too small: check the prefixes (k, M, G step by 1,000)"),
    (10, "power-of-ten", "10 times too large: check the powers of ten and the decimal point"),
    (0.1, "power-of-ten", "10 times too small: check the powers of ten and the decimal point"),
    (100, "percent-slip", "100 times too large: a percentage and a share mixed up?"),
    (1e-2, "percent-slip", "100 times too small: a percentage and a share mixed up?"),
    # in any other unit, two powers of ten, in an answer worked out to three figures (reader
    # 32: "1110" days, "3.79e27" FLOP had only the first hint, which sent students after a step
    # they had right; "3,000 chips" for 286,813 is a guess, not a slip)
    (100, "hundred", "100 times too large: check the powers of ten and the decimal point"),
    (1e-2, "hundred", "100 times too small: check the powers of ten and the decimal point"),
    (24, "hours-days", "24 times too large: hours and days mixed up?"),
    (1 / 24, "hours-days", "24 times too small: hours and days mixed up?"),
    (10, "digit-slip", "10 times too large: a zero too many, or the decimal point slipped?"),
    (0.1, "digit-slip", "10 times too small: a zero lost, or the decimal point slipped?"),
)


# "above 310", "just above 300 MW", "a bit below, 290", "higher than 300 MW", "at it": a way
# said before the value ("at least 5" is a bound, not a way); the comparatives read as the way
# they say (reader 21: the prompt asks for a way, and "higher" or "lower" is one)
_WAY = re.compile(
    r"^(?:(?:it|that|this)\s+(?:is|lies|sits|would\s+be|will\s+be)\s+|it[’']s\s+)?"  # "it's above"
    r"(?:(?:a\s+)?(?:bit|little|touch|just|slightly|somewhat|well|right|exactly)\s+)?"
    r"(above|over|below|under|higher|lower|more|less|greater|smaller|larger|bigger"
    r"|at(?!\s+(?:least|most)\b))\b(?:\s+than\b)?[\s,:;-]*(.*)$",
    re.IGNORECASE,
)
_UP = ("above", "over", "higher", "more", "greater", "larger", "bigger")
# a way said after the number, "about 330 MW above": read as "above, about 330 MW" (reader 23)
_WAY_AFTER = re.compile(
    r"^(?P<value>.*\d.*?)[\s,;]+(?P<way>above|over|below|under|higher|lower)"
    r"(?:\s+(?:it|that|the\s+announced(?:\s+power)?))?[\s.!]*$",
    re.IGNORECASE,
)


# where a way is asked, a bound's sign or words say the way ("> 300 MW", "at least 300"), and
# "the same as" says "at" (reader 36: both were refused, though "a way is enough")
_BOUND_AS_WAY = re.compile(
    r"^\s*(?:(?P<up>>=?|≥|at\s+least\b|no\s+less\s+than\b|not\s+below\b)"
    r"|(?P<down><=?|≤|at\s+most\b|no\s+more\s+than\b|not\s+above\b)"
    r"|(?P<at>(?:it[’']s\s+|it\s+is\s+)?(?:the\s+)?same(?:\s+as\b)?|equal(?:\s+to)?\b))\s*(?P<rest>.*)$",
    re.IGNORECASE,
)


# said where a question asks only a way ("a way is enough"): the number is not marked
WAY_MARKED = "Only the way is marked here"
# "from 300 up", "300 and up": a way said after the reference (reader 52-78)
_UP_FROM = re.compile(
    r"^\s*(?:from\s+)?(?P<value>[\d.,]+\s*(?:[a-z]+\s+)?)(?:and\s+|or\s+)?"
    r"(?P<way>up(?:wards?)?|down(?:wards?)?|more|higher|lower|less)[\s.!]*$",
    re.IGNORECASE,
)


def _way_first(answer: object) -> object:
    """`answer` with a way said after its number moved before it ("330 MW above" → "above, 330
    MW"), and a bound or "the same as" said as its way ("> 300" → "above 300"); any other
    answer as it is.

    Examples
    --------
    >>> _way_first("about 330 MW above"), _way_first("330 MW"), _way_first("at least 300")
    ('above, about 330 MW', '330 MW', 'above 300')
    >>> _way_first("≤ 300 MW"), _way_first("the same as the announced")
    ('below 300 MW', 'at the announced')
    >>> _way_first("from 300 up")
    'above 300'
    """
    u = _UP_FROM.match(answer) if isinstance(answer, str) else None
    if u:
        up = u["way"].lower().startswith(("up", "more", "higher"))
        return f"{'above' if up else 'below'} {u['value'].strip()}"
    m = _WAY_AFTER.match(answer.strip()) if isinstance(answer, str) else None
    if m:
        return f"{m['way']}, {m['value'].strip()}"
    b = _BOUND_AS_WAY.match(answer) if isinstance(answer, str) else None
    if b:
        way = "above" if b["up"] else "below" if b["down"] else "at"
        return f"{way} {b['rest']}".strip()
    return answer


def _other_side(e: Exercise, ref: float, want: float) -> str:
    """The sentence a prediction on the wrong side of the reference opens with."""
    return f"The other way: it lies {'above' if want > ref else 'below'} {e.show(ref)}. "


def _said_way(way: re.Match[str]) -> tuple[str, str]:
    """A matched way as "above", "below" or "at" (how the answer is echoed), and the rest."""
    said = way[1].lower()
    return ("at" if said == "at" else "above" if said in _UP else "below"), way[2].strip()


def _at_reference(value: float, ref: float, typed: str) -> bool:
    """Whether a number typed after a way is the reference itself ("above 300 MW", "above 1.3"
    for 1.27), not the student's estimate: near it, and it to the figures typed. "above, 300.5"
    is an estimate, kept (reader 28: it was lost, said "above 300 MW").

    Examples
    --------
    >>> _at_reference(300, 300, "300 MW"), _at_reference(300.5, 300, "300.5")
    (True, False)
    """
    if not _near(value, ref, 0.005):
        return False
    figures = significant_figures(typed)
    return not figures or half_up(ref, figures) == half_up(value, figures)


# the reference, then an estimate after it: "300 MW, maybe 320", "300 about 320 MW"
_THEN_ESTIMATE = re.compile(
    r"^(?P<ref>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s*[A-Za-z/%]*?)\s*(?:[,;]\s*|\s(?=(?:maybe|about|around|say|roughly|"
    r"perhaps|probably|likely|so|like|~)\b))\s*(?:(?:maybe|about|around|say|roughly|perhaps|"
    r"probably|likely|so|like)\b\s*|~\s*)?(?P<estimate>\d.*)$",
    re.IGNORECASE,
)


def _past_reference(e: Exercise, rest: str) -> str:
    """What follows a way, the reference typed first left out when an estimate follows it:
    "300 MW, maybe 320" → "320" (reader 32: the 320 was dropped); `rest` otherwise."""
    m = _THEN_ESTIMATE.match(rest.strip())
    if not m or e.reads.reference is None:
        return rest
    first = read(m["ref"].strip(), e.unit, e.reads.negative).value
    at_ref = first is not None and _at_reference(first, e.reads.reference(), m["ref"])
    return m["estimate"].strip() if at_ref else rest


def _bound_then_estimate(e: Exercise, prediction: object) -> object:
    """The estimate after the bound where the lesson asks "above or below?" first: "below 90,
    about 84" → "84" (reader 35: it was read as a bound alone); `prediction` otherwise."""
    if not (e.reads.asks_way and isinstance(prediction, str)):
        return prediction
    way = _WAY.match(prediction.strip())
    m = _THEN_ESTIMATE.match(way[2].strip()) if way else None
    if not m:
        return prediction
    first = read(m["ref"].strip(), e.unit, e.reads.negative).value
    at_bound = first is not None and _at_reference(first, e.reads.asks_way(), m["ref"])
    return m["estimate"].strip() if at_bound else prediction


def _check_way(e: Exercise, said: str, rest: str, attempt: int) -> Feedback:
    """An answer said as a way from `e.reads.reference` and a value: the value is checked as typed;
    the reference itself, or no value, is the way alone, which is asked for its value."""
    assert e.reads.reference is not None
    ref = e.reads.reference()
    up = said in _UP
    rest = _past_reference(e, rest.strip())
    value = read(rest, e.unit, e.reads.negative).value if rest else None
    if said == "at":  # "at", "at it", "at 300 MW": the reference itself, or the value given
        return check(e, rest if value is not None else ref, attempt)
    if value is not None and not _at_reference(value, ref, rest):
        if (value > ref) == up:
            return check(e, rest, attempt)
        return Feedback(False, f"Not yet: {rest} is not {said} {e.show(ref)}; which is it?")
    if up == (e.answer() > ref):
        return Feedback(
            False,
            f"Not yet: the right way, {said} {e.show(ref)}; now say how far: give your "
            f"estimate as one number in {e.shown_unit()}.",
            "figures",
        )
    return Feedback(False, f"Not yet, hint: {_sentence(e.hints[min(attempt, 3) - 1])}")


def _way_right(e: Exercise, answer: object) -> str:
    """The reply to an answer the question marks by its way alone (`Reads.reference`): the
    right way, said alone or with a number near the result, is right, as the notebook's reveal
    marks it (reader 52-78: the box said "not yet" to "above" and to "above, 340"); "" if not."""
    assert e.reads.reference is not None
    ref, want = e.reads.reference(), e.answer()
    answer = _way_first(answer)
    way = _WAY.match(answer.strip()) if isinstance(answer, str) else None
    hair = 0.0  # a number a hair past the reference is its way's, said with it ("above, 300.5")
    if way:
        hair = 0.005
        said, rest = _said_way(way)
        rest = _past_reference(e, rest.strip())
        value = read(rest, e.unit, e.reads.negative).value if rest else None
        if said == "at" or (said in _UP) != (want > ref):
            return ""
        if value is not None and not _at_reference(value, ref, rest):
            answer = rest
        else:
            answer = None  # the way alone
    if answer is not None:
        x = read(answer, e.unit, e.reads.negative).value
        if x is None or (x > ref) != (want > ref) or (_near(x, ref, 0.005) and not hair):
            return ""
        if abs(x / want - 1) > NEAR:  # far off: its size is said, as the reveal says it
            return ""
    ref, want = e.reads.reference(), e.answer()
    said = "above" if want > ref else "below"
    return (
        f"Right: {said} {e.show(ref)}, the way the question marks. The explorer gets "
        f"{e.show(want)}; the number rests on the shape the draws take."
    )


def marked(e: Exercise) -> str:
    """The answer as the key and the teacher's edition print it: for a question that marks
    only its way (`Reads.reference`), the way, with the explorer's number to read out
    (reader 52-78: the key printed "313 MW, accepted within ±2 %")."""
    if e.reads.reference is None:
        return e.show(e.answer())
    ref, want = e.reads.reference(), e.answer()
    said = "above" if want > ref else "below"
    return f"{said} {e.show(ref)} (the explorer: {e.show(want)})"


def _label_slip(e: Exercise, answer: object, r: Reading, want: float) -> Feedback | None:
    """The right number under another unit's label ("2628 MWh" or "2628 TWh" for 2,628 GWh),
    said as a label slip: checked before the traps, as a trap at the same value ("that is MWh")
    would send the student to recompute a right number (reader 26)."""
    labelled = _LABELLED.match(answer) if isinstance(answer, str) and not r.bare else None
    if labelled and _near(float(labelled[1].replace(",", "")), want, e.rel_tol):
        # "2628 MWh" for 2,628 GWh: the student's number is right and only its label is
        # another prefix, which "1,000 times too small" would send them to recompute
        said = labelled[1]
        if e.unit == SHARE and _PERCENT_WORD.fullmatch(labelled[2].strip()):
            # "0.11 %" for the share 0.11: say what each means (reader 25)
            ok = fmt.percent(float(said.replace(",", "")))
            return Feedback(
                False,
                f"Not yet, hint: {said} is the share as a decimal ({ok}); {said} % is a "
                f"hundred times smaller: write {said} or {ok}.",
                "trap",
                "prefix",
            )
        if e.unit != RATIO and re.search(rf"\b{re.escape(e.unit)}\b", labelled[2]):
            # "1536 GB (GiB)": two units, one of them right; "not GB (GiB)" contradicted itself
            # (reader 38)
            return Feedback(
                False,
                f"Not yet, hint: the number is right; give one unit, {e.unit}, not "
                f"“{labelled[2].strip()}”.",
                "trap",
                "prefix",
            )
        # how far apart the two labels are ("2628 MWh is 1,000 times less": reader 40-12 found
        # "the unit is GWh, not MWh" left that to the student)
        apart = want / r.value if r.value else 0.0
        times = ""
        label = labelled[2].strip()
        if re.fullmatch(r"m(?:W|Wh)", label) and apart >= 2 and math.isclose(apart, round(apart)):
            # "2628 mWh": a small m is milli, and the reader took it for mega; "2628 mWh is 1,000
            # times less" reasoned as if it were MWh (reader 50-12)
            return Feedback(
                False,
                f"Not yet, hint: the number is right; the unit is {e.unit}. {label} is a "
                f"milli{'watt-hour' if label.endswith('h') else 'watt'} (a small m); if you "
                f"meant M{label[1:]} (capital M), that is {round(apart):,} times less than "
                f"{e.unit}.",
                "trap",
                "prefix",
            )
        if apart >= 2 and math.isclose(apart, round(apart)):
            times = f": {said} {labelled[2].strip()} is {round(apart):,} times less"
        elif 0 < apart <= 0.5 and math.isclose(1 / apart, round(1 / apart)):
            times = f": {said} {labelled[2].strip()} is {round(1 / apart):,} times more"
        return Feedback(
            False,
            f"Not yet, hint: the number is right; the unit is {e.unit}, not {labelled[2]}{times}."
            if e.unit != RATIO  # "the unit is 1" is jargon: a PUE has no unit (reader 25)
            else f"Not yet, hint: the number is right; it is a plain number, with no unit "
            f"(leave out {labelled[2]}).",
            "trap",
            "prefix",  # a prefix slip in the label, said as one
        )
    return None


# the verbs of a change that goes down ("by how many does it shrink")
_DOWN_CHANGES = {"shrink", "fall", "drop", "decrease"}


def _mislabelled(e: Exercise, answer: object) -> str:
    """The `Reads.mislabel` note where the answer's word names the other figure, or ""."""
    if not e.reads.mislabel or not isinstance(answer, str):
        return ""
    wrong, right, note = e.reads.mislabel
    text = answer.lower()
    said = re.search(rf"(?<!not )\b{wrong}\b", text)
    return note if said and not re.search(rf"\b{right}\b", text) else ""


def _other_way(e: Exercise, answer: object) -> str:
    """What to say where the answer's words go the other way from the question's ("68 % below"
    where it asks how far above, "grows by 73,579" where it asks how much it shrinks), or ""
    (reader 28: such an answer was right, its words left out)."""
    if (
        not (e.reads.above or e.reads.change)
        or not isinstance(answer, str)
        or not re.search(r"\d", answer)
    ):
        return ""
    down = e.reads.change in _DOWN_CHANGES
    said = way_said(answer)
    if not said or (said == "down") == down:
        return ""
    if e.reads.above:
        return (
            "your words say below, the other way; the question asks how far above, so give "
            f"how much more, as {'a share such as 50 %' if e.unit == SHARE else 'one number'}."
        )
    grow = {"shrink": "grows", "fall": "rises", "drop": "rises", "decrease": "increases"}
    return (
        f"your words say it "
        f"{grow.get(e.reads.change, 'goes the other way') if down else 'shrinks'}; "
        f"the question asks how much it {e.reads.change}s: give that as one number"
        f"{' of ' + e.unit if e.unit in COUNT_WORDS else ''}."
    )


def check(e: Exercise, answer: object, attempt: int = 1, way: bool = True) -> Feedback:
    """Right, or not yet with the hint that fits the answer given (`_judge`); a trap's hint
    gains the trap's `Say.later` step (or else the formula hint) at the second attempt, and
    the worked step from the third, for an answer that is a try at the question (`tried`);
    a number far off gets the formula there instead.

    Examples
    --------
    >>> t = Trap("double", lambda: 2.0, "that is twice it", say=Say(later="halve it"))
    >>> e = Exercise("x", 1, "?", lambda: 1.0, RATIO, ("a", "b", "c"), traps=(t,))
    >>> str(check(e, 2.0)), str(check(e, 2.0, attempt=2))
    ('Not yet, hint: that is twice it.', 'Not yet, hint: that is twice it. Halve it.')
    >>> str(check(e, 2.0, attempt=3))  # the worked step (the last hint) instead
    'Not yet, hint: that is twice it. The worked step: c.'
    """
    fb = _judge(e, answer, attempt)
    if attempt >= len(e.hints) > 1 and not tried(e, answer, fb):
        # the worked step is for an attempt at the question, not for any number typed three
        # times (reader 51-12: "1", "1", "1" brought up every worked answer): the formula again
        attempt = len(e.hints) - 1
        fb = _judge(e, answer, attempt)
    # `way` False: the reveal's own reading, which says a right way itself
    if way and e.reads.reference and not fb.right and fb.kind in ("near", "figures"):
        said = _way_right(e, answer)
        if said:
            return Feedback(True, said, "right")
    mended = bracketed(answer) if not fb.right else None
    if mended and _judge(e, mended).right:
        # right but for the order a calculator works in: the brackets, not the method, are
        # what to mend (reader 46-78: "62.2 - 37 / 37" was told to check its method)
        what = "subtraction" if re.search(r"[-−]", mended) else "addition"
        return Feedback(
            False,
            "Not yet: your method is right, but a calculator works out × and ÷ before + and −. "
            f"Put brackets round the {what}: {mended}.",
        )
    trap = next((t for t in e.traps if t.id == fb.trap), None) if fb.kind == "trap" else None
    if trap and trap.say.lead == "Right" and fb.message.startswith("Not yet"):
        # a trap the reveal calls right ("about half", the question's own choice): one rule for
        # the box and the reveal (reader 50: `check` said "not yet" where the widget said right;
        # reader 38: "Not yet, hint: … about half it is" contradicted itself)
        said = "Right" + fb.message.removeprefix("Not yet").replace(", hint:", ":", 1)
        return replace(fb, right=True, message=said)
    if trap and trap.say.checked and trap.say.lead and fb.message.startswith("Not yet, hint:"):
        fb = replace(fb, message=f"{trap.say.lead}:" + fb.message.removeprefix("Not yet, hint:"))
    copied = fb.kind == "figures" and fb.trap  # a published figure typed (reader 35)
    if (fb.kind == "trap" or copied) and attempt >= 3 and "worked step" not in fb.message:
        # a trap's hint alone came back unchanged at the third attempt; a stuck student gets
        # the worked step there (which holds the `Say.later` step), as every other path gives it
        # (reader 31); so does a published figure typed again (the article's 30 %; reader 35)
        step = f" The worked step: {_sentence(e.hints[-1])}"
        return replace(fb, message=fb.message + step, level=len(e.hints) - 1)
    if trap and trap.say.later and attempt >= 2:
        more = trap.say.later[0].upper() + trap.say.later[1:]
        return replace(fb, message=f"{fb.message} {_sentence(more)}")
    if trap and attempt >= 2 and not fb.right and len(e.hints) > 1:
        # the same slip again got the same words (reader 41-12): the formula, as a near miss
        # and the stepped hints give it at the second attempt
        formula = _sentence(e.hints[1])
        if formula not in fb.message:
            return replace(fb, message=f"{fb.message} Next step: {formula}", level=1)
    return fb


# a try counts towards the worked step when its number lies within this factor of the answer
# (`tried`): "1" for 2,628 GWh or "9" for a COP of 1.5 is no attempt at the question; "2,000",
# or "300" (a known slip), is one
TRIED_WITHIN = 3.0


# the engine's own slips (`_SLIPS`, a unit left out): not a trap an exercise names
_GENERIC_SLIPS = {slip for _, slip, _ in _SLIPS} | {"unit-missing"}
# the factors those slips put between a number typed and the answer (any SI prefix step too)
_SLIP_FACTORS = {k for k, _, _ in _SLIPS} | {1e9, 1e-9}


def tried(e: Exercise, answer: object, fb: Feedback | None = None) -> bool:
    """Whether `answer` is an attempt at the question, one that counts towards the worked step
    and "Show the answer": right, a known slip (a trap), a near miss or a rounding, or a number
    within `TRIED_WITHIN` of the answer, either way. A number far off ("1" for 2,628 GWh) or no
    number at all is not (reader 51-12: any three wrong numbers brought up the worked answer).
    `fb` is the verdict on `answer` if already judged.

    Examples
    --------
    >>> e = Exercise("x", 1, "?", lambda: 2628.0, "GWh", ("a", "b", "c"))
    >>> tried(e, "2000"), tried(e, "1"), tried(e, "hello")
    (True, False, False)
    """
    fb = fb if fb is not None else _judge(e, answer)
    r = read(answer, e.unit, e.reads.negative, e.reads.above, e.reads.subject)
    want = e.answer()
    ratio = abs(r.value / want) if r.value is not None and want else None
    if fb.trap in _GENERIC_SLIPS and ratio is not None and math.isfinite(ratio):
        # a slip the engine reads into the number ("1" for 10,512 kWh read as 1 MWh, ten times
        # too small) counts only if the number typed lies near a slip's factor of the answer
        return any(1 / TRIED_WITHIN <= ratio / k <= TRIED_WITHIN for k in _SLIP_FACTORS)
    if fb.right or fb.kind in ("trap", "near", "figures"):
        return True
    if ratio is None or not math.isfinite(ratio):
        return False
    return 1 / TRIED_WITHIN <= ratio <= TRIED_WITHIN


# a count of figures in words, as the replies say it ("the two figures you gave")
_FIGURE_WORDS = {2: "two", 3: "three", 4: "four"}


def _judge(e: Exercise, answer: object, attempt: int = 1) -> Feedback:
    """Right, or not yet with the hint that fits the answer given.

    Right within the exercise's tolerance or at the result rounded to two significant figures
    (`Exercise.accepts`), or when the answer is the result rounded to the figures the student
    gave (two or more). The tolerance, which the answer key prints, decides first: inside it
    one figure is right too ("5 %" for 5.36 % ± 0.43 points). Outside it, an answer that is the
    result rounded more coarsely (one figure, or a coarser unit: "2 weeks" for 12 days; "4" for
    4.23 MWh ± 3 %) is asked for more figures and never fires a trap.
    A right answer may carry a note-trap's hint, when it lies nearer that trap than the result
    and is not the student's own rounding of the result, unless the trap is a published figure
    (`Kind.slip` False: the article's 250,000 copied is named even though it also rounds 245,264).
    A figures-trap (`Kind.figures`: a published figure that also rounds the result) is asked for
    the student's own figures first, not right.
    Otherwise a trap's hint, a unit slip (the answer in another SI prefix, a factor of 1,000,
    100 or 24), a near miss (within `NEAR` of the answer: which way, "a little" when just outside
    the tolerance, never the gap itself, from which the answer follows, and what the checker
    accepts; the formula, and from the third attempt the worked step), and
    then the stepped hint for this `attempt` (1: nudge, 2: formula, 3+: worked step).
    """
    if e.reads.yearly and isinstance(answer, str) and _ENERGY_A_DAY.search(answer):
        return Feedback(
            False,
            "Not yet: that is per day; the question asks for a year's use (× 365).",
            "unreadable",
        )
    verdict = _VERDICT_WORD.search(answer) if e.reads.verdict and isinstance(answer, str) else None
    if verdict:  # "inside, near 30": the paper's answer typed in the box (reader 46-12)
        plain = replace(e, reads=replace(e.reads, verdict=""))
        fb = _judge(plain, answer, attempt)
        if fb.right:
            return fb
        # the share typed before the word ("33 % -> inside"): the share is checked, the word
        # sent to paper (reader 51-12: "inside, 33%" was right, "33 % -> inside" refused); a
        # number after it is the range's ("inside, near 30"), not the student's share
        share = _ARROW.sub(" ", answer[: verdict.start()]).strip(" ,;:.-")
        alone = _judge(plain, share, attempt) if re.search(r"\d", share) else fb
        if alone.kind != "unreadable" and alone is not fb:
            if alone.right:  # as "inside, 33%" is
                return alone
            paper = f"(the “{verdict[1].lower()}” goes on paper)"
            return replace(alone, message=f"{alone.message.rstrip('.')} {paper}.")
        return Feedback(
            False,
            f"Not yet: “{verdict[1].lower()}” answers the question on paper (below, inside or "
            f"above {e.reads.verdict}?): write it there. Here type the share you worked out "
            f"({_example(e)}).",
            "unreadable",
        )
    said_as = normalise(answer) if isinstance(answer, str) and e.unit == SHARE else ""
    times = _SHARE_TIMES.match(said_as)
    if times:  # "1.8 times" / "2x" for a share: a ratio, the share is that minus 1
        said_ratio = times[1] or times[2]
        ratio = float(said_ratio)
        for t in e.traps:
            # a trap in no unit or in a bare ratio ('1': the whole over the part, 9.08 for
            # 330 MW of 3,000) is what "N times" says (reader 38: "9.09 times" got no hint)
            if (
                not t.kind.note
                and t.match.unit in ("", "1")
                and _near(ratio, t.value(), t.match.rel_tol)
            ):
                return Feedback(False, f"Not yet, hint: {_sentence(t.hint)}", "trap", t.id)
        if ratio < 1 or not e.reads.above:
            # "0.68 times" for the excess 0.68: (ratio − 1) would give −32 % (reader 31); a
            # share of a whole is no ratio to take 1 from. Said as the form, whatever the value
            below = (
                f"; {said_ratio} times the mean would lie below the mean" if e.reads.above else ""
            )
            # below 1 the two ways are one share; from 1 up, "9 or 900 %" would offer two
            # readings 100 times apart, as a bare 1 to 100 is read as a per cent (reader 38)
            way = (
                f"If {said_ratio} is the share, write it as {said_ratio} or {fmt.percent(ratio)}."
                if ratio < 1
                else "Give the share as a decimal such as 0.25, or as a percentage such as 25 %."
            )
            return Feedback(
                False,
                f"Not yet: a share is written as a decimal or a percentage, not in times{below}. "
                + way,
                "unreadable",
            )
        return Feedback(
            False,
            f"Not yet: {said_ratio} times is a ratio; the share is how far above: "
            "(ratio − 1) as a per cent.",
            "unreadable",
        )
    if e.reads.reference:
        answer = _way_first(answer)
    way = _WAY.match(answer.strip()) if isinstance(answer, str) and e.reads.reference else None
    if way and e.reads.reference:
        return _check_way(e, *_said_way(way), attempt)
    other = _other_way(e, answer)
    if other:
        return Feedback(False, f"Not yet: {other}", "unreadable")
    r = read(answer, e.unit, e.reads.negative, e.reads.above, e.reads.subject)
    signed = (
        read(answer, e.unit, True, e.reads.above) if e.reads.change and r.value is None else None
    )
    ends = {"high-end", "low-end"} <= {t.id for t in e.traps}
    # "90 MW - 150 MW" where the answer is the swing between two ends: a range written with a
    # dash as likely as a change, so not taken as the change (reader 34 kept reader 24's rule)
    dash = ends and isinstance(answer, str) and bool(re.search(r"\d[^\d]*[-−–]\s*\d", answer))
    if signed and signed.value is not None and signed.value < 0 and not dash:
        size = check(e, -signed.value, attempt)
        if size.right:
            return Feedback(
                True,
                f"{size.message} Note: written as a change, {fmt.number(signed.value)}; the "
                f"question asks how much it {e.reads.change}s, so {fmt.number(-signed.value)}.",
                "right",
            )
        if size.kind == "trap":  # the slip's size written as a decrease: "-0.3" (reader 42)
            return size
        # any other wrong size written negative is still told it cannot be negative
    if r.value is None:
        # a count in a trap's own unit: "1,570,543 people" for households. The traps in the
        # unit typed come first: "1,839,600,000 kWh" is the energy in kWh, not an energy in MWh
        # to turn into kWh, though every energy unit reads as either (reader 42-12)
        typed_in = [t for t in e.traps if t.match.unit and _ends_in_unit(answer, t.match.unit)]
        for t in (*typed_in, *e.traps):
            # a change's trap is matched on its size: "-30 %" as "30 %" (reader 42)
            own = (
                read(answer, t.match.unit, e.reads.negative or bool(e.reads.change))
                if t.match.unit
                else None
            )
            tol = max(t.match.rel_tol, t.match.unit_tol)
            if own and own.value is not None:
                value = abs(own.value) if e.reads.change else own.value
                if _near(value, t.value(), tol):
                    return Feedback(False, f"Not yet, hint: {_sentence(t.hint)}", "trap", t.id)
        if ends and (r.message.startswith("give one number") or dash):
            # "from 90 to 150 MW" (reader 25), "90 MW - 150 MW"
            return Feedback(
                False,
                "Not yet: those are the two ends; the swing is their difference. Give that one "
                "number.",
                "unreadable",
            )
        if r.bound and e.worked:  # a worked answer is no estimate (reader 48-12: "below 2.8"
            # was asked for "your best estimate" in lesson 2's COP box)
            return Feedback(
                False,
                f"Not yet: type {_voice(e)[2]}, not a bound such as 'below 5'; say above or "
                "below on paper.",
                "unreadable",
            )
        given_figure, _ = _given_in_question(e, answer) if r.message == OVER_WHOLE else ("", "")
        if given_figure:
            # "330" or "2628" in a share's box: a figure copied from the question, said so
            # before "a share cannot be over 100 %", which is true but does not say the student
            # typed an input back (reader 51-78: "49" was told it was copied, "330" was not)
            return Feedback(
                False,
                f"Not yet: {given_figure} is copied from the question; work the answer out from "
                f"the question's figures: {_sentence(e.hints[1])}",
                "trap",
                COPIED,
            )
        return Feedback(False, f"Not yet: {r.message}", "unreadable")
    x, want = r.value, e.answer()
    # only as typed: "-5" comes back here as the shrink 5, which is no count of rows
    as_typed = isinstance(answer, str) and answer.strip()[:1] not in "-−"
    counted = _counted(e, x) if r.bare and as_typed else ""
    if counted:  # "7" (the rows ticked) in a households box (reader 49-78)
        return Feedback(False, f"Not yet, hint: {_sentence(counted)}", "trap", "rows")
    # the figures are the number read's, not another number's in the working beside it:
    # "shrinks by 30 % = 73,579" gives five, not the 30's one (reader 45-78)
    figured = r.said or answer
    said = f" ({r.echo})" if r.echo else ""
    bound = e.limits.possible() if e.limits.possible else None
    if x == 0 and bound is not None and not bound.ok(x):  # as a prediction's reveal says it
        # (reader 38-12: a 0 for a power got the generic nudge); only 0, which no trap is
        return Feedback(
            False, f"Not yet: {e.show(x)} is not possible: {e.limits.possible_why}.", "unreadable"
        )
    copied = e.copied(x)
    if copied and copied.kind.computed and worked(answer):  # worked out from rounded figures
        return Feedback(
            False, f"Not yet{said}: {_sentence(copied.kind.computed)}", "trap", copied.id
        )
    if copied:
        return Feedback(False, f"Not yet{said}: {_sentence(copied.hint)}", "figures", copied.id)
    # "2 x 20.8" is a calculation too, as the reading reads it (reader 31)
    calculation = isinstance(answer, str) and re.search(r"[*×·/÷]", normalise(answer))
    typed = typed_numbers(normalise(answer)) if calculation else []
    for t in e.traps:  # a slip's own number in the calculation names it, whatever the rounding
        if t.match.method_at_value and not _near(x, t.value(), t.match.rel_tol):
            continue
        if t.match.method and any(_near(n, m, 1e-3) for m in t.match.method() for n in typed):
            # the value read said back only where it is the slip's (reader 27: MW ÷ W typed
            # bare, "read as 0.28", a value the student never meant)
            shown = said if _near(x, t.value(), max(t.match.rel_tol, 0.05)) else ""
            return Feedback(False, f"Not yet{shown}, hint: {_sentence(t.hint)}", "trap", t.id)
    spelled = in_digits(figured)
    if (
        spelled
        and significant_figures(spelled) is None
        and re.fullmatch(r"\d+", n := normalise(answer))
    ):
        # "a fifth of a million" is 200000, one figure as "two hundred thousand" is (reader
        # 40-12: the same value heard two replies)
        spelled = n
    rounding = _rounding(spelled, x)
    # a fraction ("1 in 20", "25/37") is as exact as its working: no figures to count
    # (a unit's slash is none: "83 PFLOP/s" is two figures, reader 36)
    fraction = isinstance(answer, str) and "/" in re.sub(
        r"[A-Za-z]/[A-Za-z]", "", normalise(answer)
    )
    # but a simple one ("two thirds", "2/3", "seven tenths") is as coarse as one figure
    # (reader 36: "70 %" was asked for figures, "seven tenths" was right)
    parts = typed_numbers(normalise(answer)) if fraction else []
    simple = (
        fraction
        and len(parts) == 2
        and all(p == int(p) for p in parts)
        and 0 < parts[0] < parts[1] <= _SIMPLE_DENOMINATOR
    )
    if simple and rounding is None and x:  # "2/3", "a half": to one figure of the value
        rounding = 0.5 * 10 ** math.floor(math.log10(abs(x)))
    # a calculation ("30% of 245,264") is as exact as its working (reader 33)
    typed_figures = (
        1
        if simple
        else significant_figures(spelled)
        if rounding is not None and not fraction and not worked(answer)
        else None
    )
    # a question that states its range is held to it: inside, no figures are asked (reader 47-78)
    coarse = not (e.states_tolerance() and e.accepts(x)) and (
        bool(
            e.precision.figures
            and typed_figures
            and typed_figures < e.precision.figures
            and x != half_up(want, e.precision.figures)  # "10 %" for 10.04 % is two figures' answer
        )
        or bool(
            # two figures that a published figure rounds to as well ("83" for 83.1, and for the
            # article's 83.2): computed and copied read alike, so three are asked (reader 36)
            typed_figures and typed_figures <= 2 and e.needs_three()
        )
    )
    if e.accepts(x) and not coarse and r.note == FLOPS_AMOUNT:
        # the right amount labelled as a speed: almost, and the reveal stays shut (reader 51-34:
        # "7.18e21 FLOPS" was "Right!" in the exercise that teaches FLOP against FLOP/s)
        return Feedback(
            False,
            f"Almost{said}: the number is right, but FLOPS means FLOP/s, a speed; an amount of "
            "computing is written FLOP: type your number with FLOP.",
            "trap",
            "flops-for-an-amount",
        )
    if e.accepts(x) and not coarse:
        # a note for a step skipped: only when the answer lies nearer the trap than the result,
        # and not when it is the result rounded at the student's own precision ("3e5" for 287k,
        # and "3*10^5", read as written out); a published figure (`Kind.slip` False) typed as it is
        # published is named even then: the article's 250,000 is also 245,264 to two figures,
        # but copied, not computed
        rounding = _rounding(normalise(figured) if isinstance(figured, str) else figured, x)
        rounded = rounding is not None and abs(x - want) <= rounding
        # a share in words ("about a tenth") is one figure, as "a week" is "1 week": the result
        # rounded there is no sign of the note's step (reader 34)
        in_words = isinstance(answer, str) and not re.search(r"\d", answer)
        rounded = rounded or (in_words and not worked(answer) and half_up(want, 1) == x)
        noted = [
            t.hint
            for t in e.traps
            if t.kind.note
            and (not rounded or not t.kind.slip)
            and _near(x, t.value(), t.match.rel_tol)
            and abs(x - t.value()) < abs(x - want)
        ]
        # a rounding that a note follows is said to be one first (reader 32: "0.1" for 11 % read
        # as if the student had used the note's other figure)
        typed_as_one = isinstance(answer, str) and not re.search(r"[*×·÷/()+^]", answer)
        figures = (significant_figures(spelled) or 1) if noted and typed_as_one else 0
        own = (
            f" Your answer is that to the {'one figure' if figures == 1 else 'figures'} you gave."
            if figures and x != want and half_up(want, figures) == x
            else ""
        )
        if not own and not noted and e.precision.figures and typed_figures:
            # a box that asks for its figures: "4.3" for 4.23 MWh is right inside the
            # tolerance, but not the result rounded to those figures (reader 50-78: a plain
            # "Right!" hid the misrounding)
            mine = half_up(want, typed_figures)
            # (reader 52-78: "5.4%" heard "it rounds to 0.054", a float's 5.4 ÷ 100 not quite
            # 0.054; "1/9" heard "the 1 figures you gave": a worked answer has no figures of its
            # own; "73k" heard a correction: it is said inside the tolerance first)
            if (
                typed_figures >= e.precision.figures
                and not math.isclose(x, mine, rel_tol=1e-9)
                and not math.isclose(x, want, rel_tol=1e-9)
                and typed_as_one
            ):
                count = _FIGURE_WORDS.get(typed_figures, str(typed_figures))
                if e.unit == SHARE and "%" in str(answer):
                    shown, yours = fmt.percent(mine, typed_figures), fmt.percent(x, typed_figures)
                else:
                    places = max(typed_figures - 1 - math.floor(math.log10(abs(mine))), 0)
                    shown, yours = f"{mine:,.{places}f}", f"{x:,.9f}".rstrip("0").rstrip(".")
                # the student's own number beside the rounding (reader 52-56 D5: "to the two
                # figures you gave, it rounds to 12" beside a typed 13 read as a correction)
                own = (
                    f" To {count} figures the answer rounds to {shown}; your {yours} is inside "
                    f"what the checker accepts ({e.accepts_said()})."
                )
        noted += [r.note] if r.note else []
        noted += [_mislabelled(e, answer)] if _mislabelled(e, answer) else []
        note = "".join(f" Note: {_sentence(n)}" for n in noted[:2])
        return Feedback(
            True,
            f"Right{said}! The explorer gets {e.show(want)}.{own}{note}",
            "right",
        )
    if _rounded_as_typed(figured, x, want) and not coarse:
        return Feedback(
            True,
            f"Right{said}, to the figures you gave: the explorer gets {e.show(want)}.",
            "right",
        )
    # The one rule for traps and roundings: an answer that is the right value rounded at the
    # student's own precision ("2 weeks" for 12 days) never fires a trap, however near a trap's
    # value it also lies, unless it is that value itself; it is asked for more figures instead.
    # the precision of a number written in words is that of its digits: "two weeks" is "2 weeks"
    # and "a week" is "1 week" (one figure), not a week known to the day
    if (coarse and e.accepts(x)) or (
        rounding is not None
        and abs(x - want) <= rounding
        and _rounds_to_typed(spelled, x, want, answer)
    ):
        figures = 1 if simple else significant_figures(spelled)
        # unless a trap's value is the typed number itself, not only a rounding of it: "10 %"
        # is 300 ÷ 3,000 exactly (the answer is 11 %); "2 weeks" merely rounds 14.2 days
        hit = [t for t in e.traps if not t.kind.note and abs(x - t.value()) <= rounding / 100]
        if hit and hit[0].kind.published:
            return Feedback(
                False,
                f"Not yet{said}: {_sentence(hit[0].kind.published)}",
                "figures",
                hit[0].id,
            )
        if hit:
            return Feedback(
                False, f"Not yet{said}, hint: {_sentence(hit[0].hint)}", "trap", hit[0].id
            )
        # reader 29: "the 1 figure you gave" read as a numeral, and "a week" was not said to be
        # read as 7 days: words or another unit are said back as the number they were read as
        count = {1: "one", 2: "two", 3: "three"}.get(figures, str(figures))
        unit = e.shown_unit()
        typed = answer.strip() if isinstance(answer, str) else ""
        words = re.search(r"[a-z]{2,}", typed, re.I) and not (unit and unit in typed)
        if said:
            lead = f"Not yet{said}: "
        elif simple:
            # reader 41: "2/3" and "about two thirds" were told they guessed; a small fraction is
            # often the working rounded ("25 is about two thirds of 37"): said back as its value
            # and called a rounding, still asked for figures as "70 %" is (reader 36)
            lead = f"Not yet: “{typed}” is {e.show(x)}, "
        elif words:
            lead = f"Not yet: “{typed}” reads as {e.show(x)}, "
        else:
            lead = "Not yet: "
        # "70" has two digits but one significant figure: said, so that the count is not argued
        # with (reader 34); the answer itself stays unsaid
        digits = re.search(r"(\d[\d,]*(?:\.\d*)?)(k\b)?", str(figured).strip())
        whole = digits[1].replace(",", "") if digits else ""
        zeros = len(whole) - figures if whole.isdigit() and whole.endswith("0") else 0
        # a whole number where the answer's figures run past the point ("70 %" for 68.2 %): how
        # to give more figures is said, since "70" looks like two (reader 46-78)
        decimals = (
            ", decimals too"
            if whole.isdigit() and not words and "." in e.show(half_up(want, 3))
            else ""
        )
        place = (
            # said as typed, "300k", not "300" (reader 36); in plain words, "only the 7
            # counts", where "the 0 only holds the place" was opaque (reader 39-78)
            f" (in {digits[0]} only the {whole[:figures]} counts; the "
            f"{'0 just sets' if zeros == 1 else 'zeros just set'} the size)"
            if zeros > 0 and not words and attempt <= 1
            else ""
        )
        # typed again, it moves up the stepped hints: the formula, then the worked step
        # (reader 34: "300,000" three times got the same words three times)
        level = min(max(attempt, 1), len(e.hints)) - 1
        step = (
            f" The worked step: {_sentence(e.hints[level])}"
            if level >= 2
            else f" Hint: {_sentence(e.hints[level])}"
            if level == 1
            else ""
        )
        # "2 weeks" is right to one figure in weeks, not in the days it is read as: not said
        # "right" there (reader 35: it read as "you were right")
        plural = "" if figures == 1 else "s"
        # neutral either way: "right only to the one figure you gave" told "300,000" that the
        # answer rounds to it, where "about 300k" was only too rough (reader 37-34)
        # "1.5 weeks" is read as a week and a half, one figure (`significant_figures`): said as
        # that, not "a guess to one figure", which 1.5's two digits contradict (reader 51-34)
        typed_digits = len(whole.replace(".", "").lstrip("0")) if digits else 0
        coarse_unit = re.search(r"\d\s*([a-z]+?)s?\b", typed, re.I) if words else None
        rough = (
            "but a fraction of small whole numbers is a rounding, as rough as one figure"
            if simple and not said
            else f"but half a {coarse_unit[1].lower()} is as rough as one figure, too rough to "
            "check"
            if words and not said and coarse_unit and typed_digits > figures
            else f"but a guess to {count} figure{plural} is too rough to check"
            if words and not said
            else f"the {count} figure{plural} you gave{place} "
            f"{'is' if figures == 1 else 'are'} too rough to check"
        )
        # two figures where a published figure rounds alike ("83" for the station's 83.1, the
        # article's 83.2): that reason first, with the figure, not "too rough" and a bracket
        # after (reader 47-56 D3: "83 PF" refused, "41 PF" right at the next station)
        alike = next(
            (t for t in e.traps if t.kind.figures and fmt.rounded(t.value(), 2) == e.two_figures()),
            None,
        )
        if alike is not None and figures == 2 and e.accepts(x) and not simple:
            rough = (
                f"{'but ' if lead.endswith(', ') else ''}the published "
                f"{e.show(alike.value())} also rounds to {e.show(e.two_figures())}, so two "
                "figures cannot tell your working from it"
            )
        # the result itself rounded to the figures typed ("3000" for 2,628 GWh, "2" for a PUE
        # of 1.75): right as far as it goes, so no way is said (reader 51-12: "too high as it
        # stands" sent a student who was right to redo a right method)
        own = (
            not simple
            and not words
            and rounding is not None
            and abs(x - want) <= rounding
            and _rounds_to_typed(spelled, x, want, answer)
        )
        # the answer rounded to the figures given is no way off either: "200000" for 215,410 is
        # the answer to one figure, not "too low" (reader 51-56 D10)
        if not e.accepts(x) and not own and not _near(x, half_up(want, figures), 1e-9):
            # outside the range it says which way first, as digits hear (reader 45-34: "half a
            # month", 37 % high, heard only that a fraction is a rounding; "1.5 weeks" heard
            # "too low" where "a week and a half" did not)
            lo, _ = e.accepted()
            rough = f"too {'low' if x < lo else 'high'} as it stands; " + rough.removeprefix("but ")
        # inside the tolerance, the tolerance is no reason: the figures are (reader 35: "70 %"
        # for 68.2 % was told the checker accepts 3 % either way, which 70 % meets)
        why = (
            # said once: typed again, the stepped hint is heard, not the rule again (reader
            # 43-78: "70 %" three times heard the same lecture before its hint)
            ""
            if attempt > 1 or "the published" in rough
            else "(the checker asks for the figures your working gives)"
            if simple and not said and e.accepts(x) and not e.needs_three()
            else f"(a {count}-figure answer here could be a published figure rounded, so the "
            "checker asks for the figures your working gives)"
            if e.accepts(x) and e.needs_three()
            else f"(a {count}-figure answer inside the range could be a guess, so the checker "
            "asks for the figures your working gives)"
            if e.accepts(x)
            # outside it, why a coarse answer fails while a finer one passes, never the gap
            # (reader 39-34: "3e5" too rough, "2.9e5" right, read as arbitrary)
            else f"(the checker accepts {e.accepts_said()}; rounding to {count} "
            f"figure{plural} can move a number further than that)"
        )
        if place and not e.accepts(x):
            # one bracket to a reply: "(in 20 only the 2 counts …)" is the reason; the rule's
            # bracket after it made 60 words of nested asides (reader 48-78)
            why = ""
        # outside the range and on a slip's value ("2 weeks" is 14 days, the household city's
        # 14.2): that slip is named too, as "14 days" hears it; still asked for figures, since
        # it also rounds the answer (reader 47-56 D4)
        slip = next(
            (
                t
                for t in e.traps
                if t.kind.slip and not t.kind.note and _near(x, t.value(), t.match.rel_tol)
            ),
            None,
        )
        # "about 2 weeks" says it is a guess, not a result: no slip to diagnose in it (reader
        # 49-34: lesson 4's hook guess heard a hint about measured speeds)
        guessed = re.match(r"\s*(about|around|roughly|approx|~|≈)", typed, re.I)
        if slip is not None and not e.accepts(x) and attempt <= 1 and not guessed:
            step = f" If your result was about {e.show(x)}, hint: {_sentence(slip.hint)}{step}"
            why = ""  # the slip's hint is the longer reason: the rule's bracket is cut
        return Feedback(
            False,
            f"{lead}{rough}; "
            f"{'divide the figures themselves' if simple and not said else 'work it out'} and give "
            f"{'three' if e.needs_three() else 'two or three'} figures"
            f"{' in ' + unit if unit else ''}{decimals}{' ' + why if why else ''}."
            f"{step}",
            "figures",
            level=level,
        )
    # words or another unit read as a number in the exercise's unit are said back with every
    # hint below: "a week" is 7 days, too high (reader 32: "7" was told so, "a week" was not)
    if not said and _said_in_other_unit(e, answer, spelled, x):
        said = f" (“{answer.strip()}” reads as {e.show(x)})"
    # a prefix slip in the label only ("2628 TWh": a power of 1,000 away), before the traps
    k = math.log10(x / want) / 3 if x > 0 and want > 0 else 0.0
    slip = _label_slip(e, answer, r, want) if round(k) and abs(k - round(k)) < 0.01 else None
    if slip:
        return slip
    traps = [t for t in e.traps if not t.kind.note]
    # the number as typed: a bare 1.62 for a share is first read as 1.62 %, and "53.6 %" is
    # 2,628 ÷ 49 (GWh ÷ TWh) with a % sign (reader 28); a slip at that number says more than a
    # factor of ten. With a % sign, only a trap that is no share (above 1) is looked for there
    typed = r.typed
    if typed is None and e.unit == SHARE and not r.bare and isinstance(answer, str):
        typed = leading_number(answer) if re.search(r"%|per\s?cent", answer, re.I) else None
    for t in traps:
        if typed is None or (r.typed is None and t.value() <= 1):
            continue
        if t.match.bare and r.typed is None:  # "39.1 %" is a share, not the bare 39.1 (MW)
            continue
        # a ratio's slip is a plain number: "9 %" is no upside-down 3,000 ÷ 330 (reader 33)
        if r.typed is None and t.match.unit == RATIO:
            continue
        if _near(typed, t.value(), t.match.rel_tol):
            # the number read as a percentage, not as the slip's plain number: its own words
            # (a calculation's result is the plain number the student worked out: the hint)
            percent = t.say.percent and not worked(answer) and not _near(x, typed, 1e-9)
            hint = t.say.percent if percent else t.hint
            return Feedback(False, f"Not yet, hint: {_sentence(hint)}", "trap", t.id)
    figures = significant_figures(figured)
    for t in traps:
        # a slip's value in its own unit, typed with that unit: "8.31e19 FLOP/s" is the bare
        # 8.31e19 of the chip's TFLOP/s taken as PFLOP/s (reader 41-34: the key lists it)
        own = _in_own_unit(t, answer) if t.match.unit and not r.bare else None
        if own is not None and _near(own, t.value(), t.match.rel_tol):
            return Feedback(False, f"Not yet{said}, hint: {_sentence(t.hint)}", "trap", t.id)
        if t.match.bare and r.typed is None:  # "2 %" is a share, not the bare "2" this slip is
            continue
        if t.match.unlabelled and not r.bare:  # "1.61 TiB" is no bare "1649" (reader 30)
            continue
        # a trap's value rounded as the student rounded ("1.7" for 1 / 0.60 = 1.667) is the trap
        if _near(x, t.value(), t.match.rel_tol) or (
            _rounded(x, t.value(), figures) and (t.match.rounded or worked(answer))
        ):
            if t.kind.slip and _cut_off(answer, x, want):  # the result cut off fits too
                # three figures first: they tell the two apart, and the slip's hint comes when
                # they fit it (reader 52-34: two "if"s in one reply were read twice)
                return Feedback(
                    False,
                    f"Not yet{said}: if you rounded your result down to {e.show(x)}, round "
                    "to the nearest instead, or give three figures.",
                    "trap",
                    t.id,
                )
            if (
                t.match.guess
                and isinstance(answer, str)
                and not worked(answer)
                and (figures or 0) < 3
            ):
                level = min(max(attempt, 1), len(e.hints)) - 1
                # the worked step said as that, so `check` does not add it again (reader 34)
                how = "here is the worked step" if level >= 2 else "work it out"
                return Feedback(
                    False,
                    f"Not yet{said}: if you worked it out, it fits a common slip: "
                    f"{_sentence(t.hint)} If it is a guess, {how}: {_sentence(e.hints[level])}",
                    "trap",
                    t.id,
                    level=level,
                )
            # "245.000" households: a point between thousands, read as 245 (reader 33), said as
            # for an answer in another unit ("2.628" GWh)
            point = _thousands_point(answer, x) if _near(x * 1e3, want, e.rel_tol) else ""
            # a bare-number slip reads the number its own way ("2" as 2 times the mean): the
            # share's echo "(read as 2 %)" beside it said two readings (reader 49-78)
            echo = "" if t.match.bare else said
            return Feedback(
                False, f"Not yet{echo}, hint: {_sentence(t.hint + point)}", "trap", t.id
            )
    for t in traps:  # a share's trap typed as a bare percentage ("30" for 30 %)
        if t.match.unit == SHARE and r.bare and _near(x / 100, t.value(), t.match.rel_tol):
            return Feedback(False, f"Not yet{said}, hint: {_sentence(t.hint)}", "trap", t.id)
    if e.unit == SHARE and r.bare and x > 1 and _near(x / 100, want, e.rel_tol):
        return Feedback(
            False,
            f"Not yet, hint: {fmt.number(x)} reads as {fmt.number(x)} times the whole; "
            f"a share is written {fmt.number(x)} % or {fmt.number(x / 100)}.",
            "trap",
            "percent-vs-share",
        )
    # a figure given in words dropped ("6*405*15.6e12": the billion left out), not a prefix
    if e.reads.in_words and r.bare and 0 < x < want:
        n = round(math.log10(want / x))
        if n >= 9 and n % 3 == 0 and _near(x * 10**n, want, max(e.rel_tol, 0.02)):
            return _power_missing(e, said, attempt)
    # the answer itself in another unit first ("7.18e6" is the day in PFLOP), then a trap's
    asked = _in_asked_unit(e, answer, x)
    other = _in_other_unit(e, x, want) if r.bare or asked else None
    if other:
        k = float(ureg.Quantity(1, other).to(e.unit).magnitude)
        # the larger unit first: "1 PFLOP/s = 10³ TFLOP/s", "1 PFLOP = 10¹⁵ FLOP"
        per = (
            f"1 {other} = {_power_of_ten(k)} {e.unit}"
            if k > 1
            else f"1 {e.unit} = {_power_of_ten(1 / k)} {other}"
        )
        # a calculation typed without its unit is the working right, the unit left out: not
        # "Not yet" where a count's working, with no unit to leave out, is "Right" (reader 27);
        # so is a result typed to three figures or more ("7.18e6" for 83.1 × 86,400: reader
        # 36); so is one to two figures, which is the answer rounded (the match above): one
        # slip, one verdict, "2.6" beside "2.628" (reader 39-12)
        opening = (
            f"Almost: your calculation gives {fmt.number(x, e.precision.digits)}, the right size"
            if worked(answer)
            else f"Almost: {fmt.number(x, e.precision.digits)} is the right size"
        )
        # "104.000" for 104,000 MWh: the thousands point read as GWh (reader 32)
        point = _thousands_point(answer, x) if math.isclose(k, 1e3) else ""
        # labelled with the asked unit ("7.18e6 FLOP"): the number is in another prefix, the
        # label not (reader 40-34: it was told "far too small", the bare number its prefix)
        fix = (
            f"not in {e.unit}: convert it to {e.unit}, or write "
            if asked
            else f"the answer is asked in {e.unit}: convert it, or type the unit after your "
            "number ("
        )
        return Feedback(
            False,
            f"{opening} in {other} ({per}){',' if asked else ';'} {fix}"
            f"{fmt.number(x, e.precision.digits)} {other}{'' if asked else ')'}"
            f"{point}.",
            "trap",
            "unit-missing",
        )
    # the digits right and a power of ten of a million or more left out: "7.2" for 7.18e21
    # FLOP, "6*405*15.6" for 6 × 405e9 × 15.6e12; said as that, without the exponent, which
    # is the answer's size (reader 26: a prefix trap's hint or the nudge about the 6 came back)
    numbers_only = isinstance(answer, str) and not re.search(r"[^\d\s.,*×·/÷()]", answer)
    if r.bare and numbers_only and 0 < x < want:
        n = round(math.log10(want / x))
        if n > 6 and (  # a million: the prefix slip (GWh ÷ kWh) says more
            _near(x * 10**n, want, max(e.rel_tol, 0.02)) or _rounded(x * 10**n, want, figures)
        ):
            return _power_missing(e, said, attempt)
    # a bare trap value in another unit: "1.91e20" FLOP/s for 191 EFLOP/s peak. The nearest
    # such trap names the slip: 305,796 (kW) is the household basis's 305.8 MW exactly, and
    # only 1.9 % from the site's own 300 MW, which was named first (reader 29)
    elsewhere = []
    for t in traps if r.bare else ():
        # within the trap's own tolerance, as without a unit (reader 45-34: "2.43e13" TFLOP was
        # named the backward pass, 4 % away, where "2.43e25" FLOP was not)
        there = _in_other_unit(e, x, t.value(), t.match.rel_tol) if not t.match.unit else None
        if there:
            shown = float(ureg.Quantity(t.value(), e.unit).to(there).magnitude)
            elsewhere.append((abs(math.log(x / shown)) if x > 0 < shown else math.inf, t, there))
    if elsewhere:  # ties keep the traps' order
        _, t, there = min(elsewhere, key=lambda c: c[0])
        return Feedback(
            False,
            f"Not yet, hint: {_sentence(t.hint)}"
            + (
                # no unit was typed: said as a reading, not as what the number "reads as"
                # (reader 49-78: "1.27" was told it reads as GWh)
                f" (That is if {str(answer).strip()} is in {there}; the answer is asked in "
                f"{e.unit}.)"
                if t.say.aside
                else ""
            ),
            "trap",
            t.id,
        )
    ratio = x / want if want else math.inf
    slip = _label_slip(e, answer, r, want)  # any other label slip: "0.11 %" for the share 0.11
    if slip:
        return slip
    mixed = _mixed_units(answer, r, ratio)
    if mixed:
        return Feedback(False, f"Not yet{said}, hint: {mixed}", "trap", "mixed-units")
    for k, slip, words in _SLIPS:
        fits = {
            "percent-slip": e.unit in (SHARE, RATIO),
            "hundred": e.unit not in (SHARE, RATIO) and (significant_figures(answer) or 0) >= 3,
            "hours-days": is_time(e.unit),
            # a bare share is read as a percentage first; "54 %" for 5.4 % is a plain slip
            "power-of-ten": e.unit != SHARE or not r.bare,
        }.get(slip, True)
        # or the slip rounded to the figures typed: "0.5 %" for 5.36 % is 0.536 % to one
        # figure, the slip "0.54 %" is (reader 39-78: it had the stepped hint instead); only at
        # the figures the exercise accepts: "1 day" for 11 days is a guess, not a slip
        typed = significant_figures(spelled) if rounding is not None else None
        rounded = (
            typed is not None
            and typed >= (e.precision.figures or FEWEST_FIGURES)
            and half_up(want * k, typed) == half_up(x, typed)
        )
        if fits and (_near(ratio, k, 0.05) or rounded):
            comma = (
                re.match(r"\s*(\d{1,3}),(\d{3})(?![\d,])", answer)
                if isinstance(answer, str)
                else None
            )
            if slip == "prefix" and e.unit in (SHARE, RATIO) and k == 1e3 and comma:
                # "1,754" for a PUE of 1.754: a decimal comma, not a thousands one, since a PUE
                # or a share is never in the thousands (reader 51-12: it was told "1,000 times
                # too large: a plain number has no prefix")
                said_back = decimal_comma(comma[1], "," + comma[2])
                return Feedback(False, f"Not yet: {said_back}", "unreadable")
            if slip == "prefix" and e.unit in (SHARE, RATIO):
                # a PUE or a share has no k/M/G: "1180" for 1.18 is a decimal point lost
                # (reader 29; reader 51-12: "no prefix" meant nothing to a student)
                words = words.split(":")[0] + ": check the decimal point"
            if slip == "prefix" and e.unit in COUNT_WORDS and k < 1:
                # "287" for 286,813 chips: a count said in thousands, not a k/M/G slip
                # (reader 30)
                many = "thousands" if k == 1e-3 else "millions"
                words = f"{words.split(':')[0]}: did you give the number in {many} of {e.unit}?"
            if (
                slip == "prefix"
                and e.unit not in (SHARE, RATIO)
                and e.unit not in COUNT_WORDS
                and (_typed_powers(answer) or is_time(e.unit))  # a time has no k/M/G prefix
            ):
                # "6*405e9*15.6e9 FLOP": an exponent, not a prefix; days have none (reader 40-34)
                words = f"{words.split(':')[0]}: {POWERS_OF_TEN}"
            if k == 1e-3:
                words += _thousands_point(answer, x)
            if e.unit == SHARE and r.bare and 0 < x < 1 and k == 10:
                # "0.5" for 5.36 %: as a decimal 50 %, as a percentage 0.5 %; both readings
                # are 10 times off, one each way (reader 49-78: only "too large" was said)
                words = (
                    f"as a decimal, {fmt.number(x)} is {fmt.percent(x)}, 10 times too large; "
                    f"as a percentage, {fmt.number(x)} % is 10 times too small. Check the "
                    "decimal point"
                )
            return Feedback(False, f"Not yet{said}, hint: {_sentence(words)}", "trap", slip)
    # where two figures cannot be right (the answer to two figures is a published figure,
    # `Exercise.needs_three`), a two-figure answer that an accepted result rounds to is the
    # student's rounding, not a wrong figure: "240,000" for 245,264 households, worked from an
    # energy of 2.6 TWh (242,650) and rounded (reader 16)
    given = significant_figures(spelled)
    if e.needs_three() and rounding is not None and given is not None and given <= 2:
        lo, hi = e.accepted()
        if x - rounding <= hi and x + rounding >= lo:
            # not "this may be right": the answer itself rounds to the published figure, so
            # the typed two figures are not its rounding (reader 17); they may round a result
            # worked from rounded steps, which three figures kept throughout settle. The
            # published figure is not named: it is the lesson's finding (reader 25)
            # the third attempt gives the worked step, as every other path does; the result
            # cut off ("240,000" for 245,264: 2.1 % low) is said as that (reader 26)
            level = min(max(attempt, 1), len(e.hints)) - 1
            step = f" The worked step: {_sentence(e.hints[level])}" if level >= 2 else ""
            if _cut_off(answer, x, want):
                # short, and no cause guessed: "240,000" may be three figures (240), and the
                # result cut off to three is 245,000 (reader 31)
                return Feedback(
                    False,
                    f"Not yet{said}: a little too low (the checker accepts {e.accepts_said()}): "
                    "check your division, and give three figures, rounded to the nearest: no "
                    "two-figure answer is accepted here. Keep three figures at every step, "
                    f"too.{step}",
                    "figures",
                    level=level,
                )
            # outside the range as typed, it is said which way too (reader 44: "82" for 83.1
            # ± 1 % learned it was low only on the next try)
            way = (
                ""
                if e.accepts(x)
                else f"{e.show(x)} as it stands is a little too {'low' if x < lo else 'high'} "
                f"(the checker accepts {e.accepts_said()}); "
            )
            return Feedback(
                False,
                f"Not yet{said}: {way}give three figures here: no two-figure answer is accepted, "
                "as two figures cannot show that you worked it out. Keep three figures at every "
                f"step, too: a step rounded early moves the result.{step}",
                "figures",
                level=level,
            )
    # a figure the question gives, typed back as it stands ("62.2" for the share above the mean,
    # the peak's 62.2 MW): copied, not a near miss of the answer (reader 30: "close" taught
    # that the answer lies just above 62 %)
    given_figure, what = _given_in_question(e, answer)
    if given_figure:
        copied = (
            f"{given_figure} is {what}, from the text above the box, not the answer; work it out"
            if what
            else f"{given_figure} is copied from the question; work the answer out from the "
            "question's figures"
        )
        return Feedback(
            False,
            f"Not yet{said}: {copied}: {_sentence(e.hints[1])}",
            "trap",
            COPIED,
        )
    # a ratio between 1 and 2 (a PUE, 1.75): its excess over 1 is what a method gets right or
    # wrong, so 1 + share (1.43) is a wrong method, not a near miss
    excess = (x - 1) / (want - 1) if e.unit == RATIO and 1 < want < 2 else ratio
    if 1 - NEAR <= excess <= 1 + NEAR:
        # which way and roughly how far, never the gap itself: "7.1 points too high" on a 40 %
        # gave the 32.9 % away to anyone who subtracts (reader 23)
        way = "too high" if ratio > 1 else "too low"
        close = abs(ratio - 1) <= e.rel_tol + NEAR_FIGURES
        # the third attempt near the answer still escalates, as the stepped hints do: the
        # figures to check against, worked out (reader 17: the formula on every attempt)
        level = min(max(attempt, 1), len(e.hints)) - 1
        step = e.hints[1] if level < 2 else f"the worked step, {e.hints[2]}"
        # only a figure off by a little says the method is right: 1.57 for a PUE of 1.75 is
        # 10 % off, a step wrong rather than a figure (reader 18)
        verdict = (
            # a percentile of random draws is guessed, not worked from figures (reader 48-78)
            "Close, for a guess; the reasoning behind the answer"
            if close and e.reads.reference
            else "The method is probably right; check the figures you used against this"
            if close
            else "Check your method, then your figures, against this"
        )
        # on a tight box whose answer rounded to two figures is not right, "just outside" only
        # within half the tolerance again: 640,000 for 626,000 on a ±1 % box is 2.3 % off, a
        # figure used wrong rather than a rounding (reader 50-78); looser boxes, and those that
        # take two figures, keep the wider band earlier readers asked for (readers 16, 23, 45-12)
        tight = e.rel_tol <= NEAR_TIGHT and not e.two_figures_too()
        just = abs(ratio - 1) <= (1.5 * e.rel_tol if tight else e.rel_tol + NEAR_FIGURES)
        if close and not just and not e.reads.reference:
            verdict = "Check each figure you used against this"
        # a slip named only at its own value (`Match.rounded` False: a guess lands on its
        # rounding too) that rounds, at the student's figures, to the answer typed: not "the
        # method is probably right" (reader 51-34: "89 %" is the one-loss-left-out 89.2 % to
        # two figures); said as what it would be, as a guess's slip is
        fits = next(
            (
                t
                for t in traps
                if t.kind.slip
                and not t.match.rounded
                and _rounded(x, t.value(), figures)
                # a round number ("3.0e5") is as likely a guess, or the answer rounded up
                and half_up(x, 1) != x
            ),
            None,
        )
        if close and fits is not None and not e.reads.reference:
            verdict = (
                f"If you worked it out, it fits a common slip: {_sentence(fits.hint)} If not, "
                "check the figures you used against this"
            )
        size = (
            f"a little {way}, just outside {e.outside_tolerance()}"
            if just
            else f"{way} by a few per cent, outside {e.outside_tolerance()}"
            if close
            # reader 27: "not far off (the checker accepts ±2 %)" for 9 % off read as a
            # contradiction
            else f"{way}: close, but outside {e.outside_tolerance()}"
            # reader 34: 9 % off beside ±2 % is a method slip, not "close"
            if abs(ratio - 1) <= min(NOT_FAR, 2 * e.rel_tol + NEAR_FIGURES)
            else f"{way} (the checker accepts {e.accepts_said()})"
        )
        # typed again, a method slip hears the nudge in words too, not the same reply (reader
        # 46-78: "50 %" twice heard the formula twice)
        again = f" In words: {_sentence(e.hints[0])}" if level == 1 and not close else ""
        return Feedback(
            False,
            f"Not yet{said}: {size}. {verdict}: {step}.{again}",
            "near",
            level=level,
        )
    level = min(max(attempt, 1), len(e.hints)) - 1
    nudge = (
        e.reads.unit_nudge if level == 0 and e.reads.unit_nudge and not r.bare else e.hints[level]
    )
    # the band is a factor of 1 + WIDE either way: half or twice the answer is a factor slipped,
    # never "the right size" (reader 28: 41.6 for 83.1 PFLOP/s)
    if 1 / (1 + WIDE) <= excess <= 1 + WIDE and level < 2:
        # the right size, off by more than a near miss: a figure or a step, not the kind of
        # quantity (reader 27: 8 days for 5.75 got "FLOP is an amount of work, FLOP/s a speed")
        way = "too high" if ratio > 1 else "too low"
        return Feedback(
            False,
            f"Not yet{said}: {way} (the checker accepts {e.accepts_said()}), though the right "
            "size. "
            f"Check your figures, then your method, against this: {_sentence(e.hints[1])}"
            + (f" In words: {_sentence(e.hints[0])}" if level == 1 else ""),
            "hint",
            level=level,
        )
    if ratio > FAR or 0 < ratio < 1 / FAR:
        # the answer typed in its quantity's base unit with no unit ("1.6e12" bytes for 1,536
        # GiB, "3.7e14" J for 104,000 MWh): converted right, so said so, not "far too large"
        # (reader 51-56 D9)
        base = _in_base_unit(e, answer, attempt) if r.bare else None
        if base:
            return Feedback(
                False,
                f"Not yet{said}: that looks like the right amount in {BASE_UNITS[base]}: type "
                f"the unit after your number (“{str(answer).strip()} {base}”), or give it in "
                f"{e.shown_unit() or e.unit}.",
                level=level,
            )
        # a bare figure in another prefix of the unit, with a slip of its own: "3.8e19" for
        # 76.5 EFLOP/s is FLOP/s with the MFU twice, its power of ten right (reader 43-56)
        unit = _bare_unit(e, answer, x, want) if r.bare else None
        if unit:
            fb = _judge(e, f"{str(answer).strip()} {unit}", attempt)
            if not fb.right:
                return replace(
                    fb,
                    message=f"{fb.message} (Read as {unit}, the unit your number fits; the answer "
                    f"is asked in {e.unit}.)",
                )
        # "1e100" chips: a typing slip, not a method; the physics nudge would mislead (reader 29)
        size = (
            f"large, over {fmt.number(FAR)} times"
            if ratio > 1
            else f"small, under a {fmt.number(FAR)}th of"
        )
        return Feedback(
            False,
            f"Not yet{said}: that is far too {size} the answer's size. Check what you typed "
            "and each power of ten, then: "
            f"{_sentence(nudge)}",
            "hint",
            level=level,
        )
    if isinstance(answer, str) and (not re.search(r"\d", answer) or _ONE_TIME_UNIT.match(answer)):
        # "ten thousand": a number in words is a guess, not a calculation's result (reader 32:
        # the hook's guesses typed in the box heard a physics hint as if worked out); so is
        # "1 week", as "a week" (reader 33)
        return Feedback(
            False,
            f"Not yet: “{answer.strip()}” reads as {_one(e.show(x))}, a guess; work it out: "
            f"{_sentence(nudge)}",
            "hint",
            level=level,
        )
    return Feedback(False, f"Not yet{said}, hint: {_sentence(nudge)}", "hint", level=level)


@dataclass(frozen=True)
class Reveal:
    """A committed prediction beside the result, with the gap explained. Until the prediction
    can be read (`ready` False) the result is None: typed in a cell, the printed reveal gave the
    answer before a number was committed (reader 42-34)."""

    prediction: float | None
    result: float | None
    message: str
    ready: bool
    said: str = ""  # a prediction said as a way alone ("above 300 MW"), its value None

    def __post_init__(self) -> None:
        if not self.ready:
            object.__setattr__(self, "result", None)
        object.__setattr__(self, "message", _no_stray_stop(self.message))

    def _repr_html_(self) -> str:
        return f"<p>{html.escape(self.message)}</p>"


# a fraction of whole numbers up to this denominator ("2/3", "1 in 20") is a rough share, one
# figure's worth; "25/37" or "300/3000" is working (reader 36)
_SIMPLE_DENOMINATOR = 20

# an answer this many times too large or too small is a typing slip, not a method (reader 29)
FAR = 10_000


# a bare count below this, in a box whose answer is a hundred times larger or more, is a
# count of something else (rows ticked), not a prediction (reader 25)
_SMALL_COUNT = 20


def _range_words(b: Bound) -> str:
    """A quantity's possible range as a reveal says it: "between 1 and 10", "above 0".

    Examples
    --------
    >>> _range_words(Bound(1, 10)), _range_words(Bound(0, math.inf, lo_open=True))
    ('between 1 and 10', 'above 0')
    """
    if math.isinf(b.hi):
        return f"{'above' if b.lo_open else 'from'} {fmt.number(b.lo)}"
    return f"between {fmt.number(b.lo)} and {fmt.number(b.hi)}"


def _example(e: Exercise) -> str:
    """An example of the one number a prediction box takes, in the exercise's unit."""
    if e.unit == SHARE:
        # a figure of no lesson's: "50 %" was the article's high end, offered during lesson 2's
        # guess "below, inside or above 30–50 %?" (reader 49-12)
        return "for example 12.5 %"
    if e.unit == RATIO or not e.shown_unit():
        return "a plain number, no unit"
    return f"a number in {e.shown_unit()}"


def says_tolerance(e: Exercise) -> Exercise:
    """`e` whose question ends by saying what the checker accepts, in the replies' own words
    (`Exercise.said_tolerance`): lesson 2's two shares say it in their own boxes (reader 36-12:
    the fleet's was said only in the text after its box, worked on a third share, the middle
    of the article's range); lesson 7's hot-day share too.

    Examples
    --------
    >>> e = Exercise("x", 2, "What share?", lambda: 0.1, SHARE, ("", "", ""), rel_tol=0.05)
    >>> says_tolerance(e).question
    'What share? Your share counts within a twentieth of the answer either way, not ±5 points.'
    """
    return replace(e, question=f"{e.question} Your share counts within {e.said_tolerance()}.")


def _voice(e: Exercise) -> tuple[str, str, str, str]:
    """How `reveal` says the student's number back: a prediction, or a worked answer
    (`Exercise.worked`; reader 28: "Your prediction is 4.8 points too low" for a worked answer,
    reader 37-12: a worked answer is no estimate)."""
    if e.worked:
        return "You answered", "Your answer", "the one number you worked out", "right"
    return "You predicted", "Your prediction", "your best estimate", "a good estimate"


def _counted(e: Exercise, x: float) -> str:
    """What a small whole number typed in a count's box counts instead, as its trap says (a
    `Match.up_to` trap of one: "7" for the rows ticked in a households box); "" if none."""
    if e.unit not in COUNT_WORDS or x != round(x) or x < 1:
        return ""
    return next(
        (
            t.hint
            for t in e.traps
            if t.match.up_to is not None and t.value() == 1 and x < t.match.up_to()
        ),
        "",
    )


def reveal(e: Exercise, prediction: object) -> Reveal:
    """Compare a prediction with the exercise's result; `ready` is False (and the result stays
    hidden) until the prediction can be read.

    Examples
    --------
    >>> from explorer.classroom import lessons
    >>> r = reveal(lessons.EXERCISES["energy-300mw"], "3 TWh")
    >>> r.ready, r.message.split(".")[0]
    (True, 'You predicted 3,000 GWh; the explorer gets 2,628 GWh')
    """
    r = _compare(e, prediction)
    if e.reads.reference and r.ready and r.prediction is not None:
        r = _bare_way(e, r, prediction)
    return _as_worked(e, r, prediction) if e.worked else r


def _bare_way(e: Exercise, r: Reveal, prediction: object) -> Reveal:
    """`r` for a bare number where a way is asked ("700" for a percentile above 300 MW): its way
    said first when it is right, as for "above 400" (reader 48-78: "700" heard only "2.24 times
    too large")."""
    if _WAY.match(str(_way_first(str(prediction))).strip()) or e.accepts(r.prediction):
        return r
    ref, want = e.reads.reference(), e.answer()
    if _near(r.prediction, ref, 0.005) or (r.prediction > ref) != (want > ref):
        return r
    if r.message.startswith("The right way"):
        return r
    said = "above" if want > ref else "below"
    return replace(r, message=f"The right way, {said} {e.show(ref)}. {r.message}")


def _as_worked(e: Exercise, r: Reveal, prediction: object) -> Reveal:
    """A worked answer's reveal held to the answer boxes' rules (`check`)."""
    fb = check(e, prediction)
    head = r.message.split(". ", 1)[0]
    if r.ready and fb.trap == COPIED:
        # a worked answer that types back the question's figure: said so, as `check` says it,
        # not "3.33 times too large" (reader 37)
        figure = fb.message.split(": ", 1)[-1].split(";", 1)[0]
        return replace(r, message=f"{head}. {figure}; the step: {e.hints[-1]}.")
    if r.ready and fb.kind == "figures" and not fb.right and "tolerance" in r.message:
        # "70,000": inside the tolerance to one figure; the answer boxes refuse that as one
        # figure, so the worked answer is held to the same rule (reader 37: two rules)
        return replace(
            r,
            message=f"{head}. Right to the one figure you gave; a worked answer, as in every "
            f"answer box, keeps two or three figures. The step: {e.hints[-1]}.",
        )
    fair = "A fair guess, and the gap has a reason: "
    if r.ready and fair in r.message:
        # a published figure typed where the box asks for the sum: no guess to call fair
        # (reader 48-34 D1: Meta's 90 % in lesson 4's worked goodput); the reply stays short
        # (reader 48-34 D3), the recipe is right above the box
        return replace(r, message=r.message.replace(fair, "Not the model's figure: "))
    if not r.ready and fb.kind == "trap" and fb.trap != "rows":  # the rows: said already
        # a worked answer in the wrong unit ("30 %" for households): the slip's hint, as `check`
        # gives it, not only the unit wanted (reader 34)
        return replace(r, message=f"{r.message} Hint: {fb.message.split('hint: ', 1)[-1]}")
    return r


def _compare(e: Exercise, prediction: object) -> Reveal:
    """`reveal` before a worked answer's own rules."""
    want = e.answer()
    you, yours, best, good = _voice(e)
    if e.reads.reference:
        prediction = _way_first(prediction)
    way = (
        _WAY.match(prediction.strip())
        if isinstance(prediction, str) and e.reads.reference
        else None
    )
    if (
        way and e.reads.reference
    ):  # "above", "a bit above 300", "above 310", "at": a way, and a value?
        said, rest = _said_way(way)
        hedge = re.match(r"or\s+(?:above|over|below|under|at|higher|lower)\b", rest, re.I)
        if hedge:  # "at or above": two ways, not "at" (reader 48-78)
            return Reveal(
                None,
                want,
                f"You named two ways; pick one way: above, below or at "
                f"{e.show(e.reads.reference())}.",
                False,
            )
        rest = _past_reference(e, rest)  # "above 300 MW, maybe 320": the 320 (reader 32)
        ref = e.reads.reference()
        value = read(rest, e.unit, e.reads.negative).value if rest else None
        up = said in _UP
        if value is not None and said != "at" and not _at_reference(value, ref, rest):
            r = _compare(e, rest)
            hair = _near(value, ref, 0.005) and abs(value / want - 1) <= NEAR
            if hair and (value > ref) == up == (want > ref) and r.prediction is not None:
                # "above, 300.5": the right way, a hair past the reference, whose trap ("that
                # is the announced 300 MW") the number alone fires; said as the estimate it is
                # (reader 28)
                unit = f" {e.shown_unit()}" if e.shown_unit() else ""
                return replace(
                    r,
                    message=f"The right way, {said} {e.show(ref)}: {you.lower()} "
                    f"{fmt.number(value, significant_figures(rest) or 3)}{unit}, just {said} it; "
                    "the explorer gets "
                    f"{e.show(want)}. {WAY_MARKED}: the number rests on the "
                    "shape the draws take, which the question does not give. The step: "
                    f"{_sentence(e.hints[-1])}",
                )
            top = e.reads.ceiling() if e.reads.ceiling else None
            if top is not None and (value >= top if up else value <= top) and (want > ref) == up:
                return replace(
                    r,
                    message=f"{said.capitalize()} {e.show(ref)}, yes, but the range stops at "
                    f"{e.show(top)}, so the answer cannot lie that far out. " + r.message,
                )
            if (value > ref) == up == (want > ref) and r.prediction is not None:
                # the way was right even where the number is not: say so first
                right = f"The right way, {said} {e.show(ref)}. "
                return replace(r, message=right + r.message)
            if up != (want > ref) and r.prediction is not None:  # "below 280" (reader 22)
                other = _other_side(e, ref, want)
                # the number alone already says so when it lies that way too (reader 36)
                return r if r.message.startswith(other) else replace(r, message=other + r.message)
            if (value > ref) != up and r.prediction is not None:  # "above but 280" (reader 26)
                clash = (
                    f"Your words say {said} {e.show(ref)}, but your number lies "
                    f"{'below' if up else 'above'} it: the number is what is compared. "
                )
                return replace(r, message=clash + r.message)
            return r
        if said == "at":
            return _compare(e, rest if value is not None else ref)
        shown = f"{said} {e.show(ref)}"
        head = f"{you} {shown}; the explorer gets {e.show(want)}."
        way_right = "The right way" if up == (want > ref) else "The other way"
        gap = f"{way_right}: {_sentence(e.hints[-1])}"
        return Reveal(None, want, f"{head} {gap}", True, shown)
    prediction = _bound_then_estimate(e, prediction)
    bound_way, bound_number = bound_said(prediction) if e.reads.asks_way else ("", "")
    if bound_way:  # "over 90 %" after "above or below 90 %?": a way, not 90 % (reader 30)
        value = read(bound_number, e.unit, e.reads.negative).value
        said = "above" if bound_way == "up" else "below"
        at = e.show(value if value is not None else e.reads.asks_way())
        return Reveal(
            None,
            want,
            f"Good, you say which way: {said} {at}. Now give a number too, {best} "
            f"({_example(e)}), so that the explorer can compare it with its own.",
            False,
        )
    other = _other_way(e, prediction)
    if other:  # no guess to spend: the words and the question disagree (reader 28)
        return Reveal(None, want, f"{yours} is not readable yet: {other}", False)
    r = read(prediction, e.unit, e.reads.negative, e.reads.above, e.reads.subject)
    signed = (
        read(prediction, e.unit, True, e.reads.above)
        if e.reads.change and r.value is None
        else None
    )
    if signed and signed.value is not None and signed.value < 0:  # as `check` reads a change
        shrink = fmt.number(-signed.value)
        r = replace(signed, value=-signed.value, echo=f"read as a {e.reads.change} of {shrink}")
    if r.value is None:
        typed = " ".join(str(prediction).split())
        # "fewer", "the same" are ways too; "GB200", a name the question gives, says which, not
        # how many times (reader 44-34: both were "I cannot find a number", "such as 4.5 kWh")
        way = re.fullmatch(
            # "at" where the question asks "below, at or above?" (reader 52-34)
            r"\s*(?:(?:higher|lower|more|less|fewer|greater|bigger|smaller|at(?:\s+it)?|"
            r"(?:about\s+|roughly\s+)?(?:the\s+)?(?:same|equal))"
            r"|(above|below)(?:\s+([\d.,]+)\s*%?)?)[.!]?\s*",
            prediction if isinstance(prediction, str) else "",
            re.I,
        )
        named = (
            isinstance(prediction, str)
            and not way
            # a name (a capital or a digit in it: "GB200", "Trainium2"), not "the" or "a"
            and bool(re.fullmatch(r"[A-Za-z][\w-]*\d[\w-]*|[A-Z][\w-]+", typed))
            and bool(re.search(rf"(?<!\w){re.escape(typed)}(?!\w)", e.question, re.I))
        )
        # "below", or "below 90" where the lesson asks above or below 90 % (readers 26, 27): a
        # way, or a bound, said back as one; the reveal needs the student's one best number
        asks = e.reads.asks_way or e.reads.reference
        if way and asks and not re.search(r"same|equal", typed, re.I):
            return Reveal(
                None,
                want,
                f"Good, you say which way: now give a number too, {best} "
                f"({_example(e)}), so that the explorer can compare it with its own.",
                False,
            )
        # "the same" where a way is asked: no side of the reference, yet a way, said as one, not
        # "I cannot find a number" (reader 51-34: lesson 3's per-MW prediction asks a way now)
        if (not asks and (way or r.bound)) or (way and asks):
            # no way is asked ("below 2.8" where two yardsticks stand): a way and a bound read
            # alike, as what they are not, one number (reader 37-12: "below 2.8" was praised,
            # "less than 2.8" refused)
            # (reader 42-12: "a way or a bound" puzzled; each is said as what it is)
            what = (
                f"“{typed}” is a bound, not one number"
                if r.bound or (way and way[2])
                else f"“{typed}” says a way, not a number"
            )
            return Reveal(
                None,
                want,
                f"{yours} is not readable yet: {what}; give {best} ({_example(e)}), so that "
                "the explorer can compare it with its own.",
                False,
            )
        if named:
            return Reveal(
                None,
                want,
                f"{yours} is not readable yet: “{typed}” names what the question compares, "
                f"not a number; give {best} ({_example(e)}), so that the explorer can compare "
                "it with its own.",
                False,
            )
        message = r.message
        if e.reads.reference and r.message.startswith("I cannot find a number"):
            # "in the middle" where a way is enough: the three words, not a number's format
            # (reader 27)
            message = (
                f"say which way, below, at or above {e.show(e.reads.reference())}, and your best "
                f"number in {e.shown_unit()} if you have one."
            )
        return Reveal(None, want, f"{yours} is not readable yet: {message}", False)
    x = r.value
    if e.unit in COUNT_WORDS and r.bare and abs(x) < _SMALL_COUNT <= abs(want) / 100:
        # "3" in a households box, just below "how many rows did you tick?": a count of
        # something else, not a prediction to spend (reader 25)
        # "1 - 0.7" is 0.3, a share, not a count (reader 30)
        what = "a small count" if x == round(x) else "a share or a fraction, not a count"
        counted = _counted(e, x)
        if counted:  # "7 rows" in a households box: said as what it counts (reader 49-78)
            return Reveal(
                None,
                want,
                f"{yours} is not readable yet: {fmt.number(x)} is {what}. "
                f"{_sentence(counted[:1].upper() + counted[1:])} A count of anything else goes "
                "on paper.",
                False,
            )
        return Reveal(
            None,
            want,
            f"{yours} is not readable yet: {fmt.number(x)} is {what}; this box "
            f"asks for a number of {e.unit}. A count of anything else goes on paper.",
            False,
        )
    # "85" read as 85 %: "You predicted 85 %" already says how it was read
    said = f" ({r.echo})" if r.echo and r.echo != f"read as {e.show(x)}" else ""
    # a share typed with more figures than the key prints is said back with them: "85.25 %"
    # was "You predicted 85.2 %" (reader 34)
    figures = significant_figures(prediction) if isinstance(prediction, str) else None
    mine = (
        fmt.percent(x, figures)
        if e.unit == SHARE and figures and figures > e.precision.digits
        else e.show(x)
    )
    head = f"{you} {mine}{said}; the explorer gets {e.show(want)}."
    ref = e.reads.reference() if e.reads.reference else None
    if ref is not None and not _near(x, ref, 0.005) and (x > ref) != (want > ref):
        # a bare number on the other side of the reference is told so, as "below, 290" is
        # (reader 36: "280 MW" was not)
        head = _other_side(e, ref, want) + head
    fb = check(e, x, way=False)
    bound = e.limits.possible() if e.limits.possible else None
    if bound is not None and not bound.ok(x):
        # the box waits, as an impossible value is no guess to spend; it says what the
        # quantity is and its range, never the slip the value fits ("10 times too large", "the
        # PUE is 1 + it", "the cooling's share"): each tells the answer's size before the
        # prediction is made (reader 28)
        return Reveal(
            None,
            want,
            f"{yours}, {e.show(x)}, is not possible: {e.limits.possible_why}. "
            f"Give {best} {_range_words(bound)}.",
            False,
        )
    fits = ""
    # a round prediction to one figure ("3") is a guess: a trap that a round guess also lands on
    # (`Match.guess`) is not said of it, as the Check asks "if it is a guess" (reader 46-34: "3"
    # for the per-MW ratio heard the GB200's own TFLOP/s per watt, 3.0)
    round_guess = (
        fb.kind == "trap"
        and isinstance(prediction, str)
        and not worked(prediction)
        and significant_figures(in_digits(prediction) or prediction) == 1
        and next((t.match.guess for t in e.traps if t.id == fb.trap), False)
    )
    if round_guess:
        fb = Feedback(False, "", "hint")
    if not fb.right and fb.kind != "trap" and not round_guess:
        # a prediction that believed a bound ("more than 90 %") is that figure's (reader 38-34)
        bound_trap = next(
            (t for t in e.traps if t.match.up_to is not None and t.value() <= x < t.match.up_to()),
            None,
        )
        if bound_trap:
            fb = Feedback(False, f"hint: {_sentence(bound_trap.hint)}", "trap", bound_trap.id)
    if not fb.right and fb.kind != "trap" and isinstance(prediction, str) and not round_guess:
        # as typed, a prediction may be a reference value rounded ("1.3" is the hottest hour's
        # 1.27 to the figures given; 1.3 as a float is 2.3 % off it): a fair guess's reason is
        # worth saying, but a slip is not pinned on a guess by its rounding alone: it is said
        # as what the guess fits ("95 %" is 1 − 10/186 rounded, reader 21)
        typed = check(e, prediction, way=False)
        if typed.trap == COPIED:
            # a guess at a figure the question prints ("above or below 2.8 and 4.5?" → "2.8")
            # is a guess that takes the question's yardstick, not a copied answer (reader 31)
            pass
        elif typed.kind == "trap" and not next(
            (t.kind.slip for t in e.traps if t.id == typed.trap), True
        ):
            fb = typed
        elif typed.kind == "trap":
            fits = typed.message.split("hint: ", 1)[-1]
        else:  # a trap the Check names only in a calculation is still what a guess fits
            # a published figure (`Kind.slip` False) is no slip a round guess fits: "1.1" is
            # not the default plant's 1.14 (reader 36)
            fit = [
                t
                for t in e.traps
                if t.kind.slip and _rounded(x, t.value(), significant_figures(prediction))
            ]
            fits = _sentence(fit[0].hint) if fit and not fit[0].match.rounded else ""
    ratio = x / want if want else math.inf
    if e.unit == SHARE:  # shares differ by percentage points, whatever their size
        size = f"{_points(x, want)} too {'high' if x > want else 'low'}"
    elif ratio == 0:
        size = "zero"
    elif 1 - NEAR <= ratio <= 1 + 2 * NEAR:  # near the result: "7 % too low", not 1.07 times
        size = f"{fmt.percent(abs(ratio - 1), 2)} too {'high' if ratio > 1 else 'low'}"
    elif 0 < ratio < 1:
        size = f"{fmt.number(1 / ratio)} times too small"
    else:
        size = f"{fmt.number(ratio)} times too large"
    if fb.right and fb.kind != "trap":  # a trap called right ("about half") says its own words
        gap = f"Within the tolerance: {good}." + (
            f" {_sentence(e.right_note)}" if e.right_note else ""
        )
        if " Note: " in fb.message and not r.note:
            # a right answer nearer a note-trap than the result ("75,000" from the article's
            # rounded city) says why, as the answer box says it (reader 50-78)
            gap += " Note: " + fb.message.split(" Note: ", 1)[1]
    elif fb.kind == "trap":
        t = next((t for t in e.traps if t.id == fb.trap), None)
        slip = t.kind.slip if t else True
        # a bare number may be a guess: its slip is said as what it fits "if you worked it
        # out"; a calculation shows its method (reader 38-34: "89.5" and "79" were told "The
        # gap is a common slip", "89" was hedged)
        hedge = not (isinstance(prediction, str) and worked(prediction))
        lead = (
            (
                "If you worked it out, the gap fits a common slip: "
                if hedge
                else "The gap is a common slip: "
            )
            if slip
            else "A fair guess, and the gap has a reason: "
        )
        lead = f"{t.say.lead}: " if t and t.say.lead else lead
        ref = e.reads.reference() if e.reads.reference else None
        if ref is not None and _near(x, ref, 0.005) and not _near(want, ref, 0.005):
            # "at 300 MW" where the question asks "below, at or above": the way is wrong, and
            # is the misconception the exercise is there to catch, not a fair guess (reader 24)
            lead = "Not at: "
        said = fb.message.split("hint: ", 1)[-1].removeprefix("Right: ")
        # a lead `check` says too (`Say.checked`) is said once
        gap = lead + (said.removeprefix(f"{t.say.lead}: ") if t and t.say.checked else said)
        if t and t.say.size:
            hint = fb.message.split("hint: ", 1)[-1]
            gap = f"{yours} is {size}. {_sentence(hint[:1].upper() + hint[1:])}"
        if t and t.say.step:
            gap = f"{_sentence(gap)} The step: {_sentence(e.hints[-1])}"
    elif ref is not None and (x > ref) == (want > ref) and abs(x / want - 1) <= NEAR:
        # the right way, near the result, where the question asks a way ("a way is enough: the
        # number needs the draws' shape"): the number is not marked to a tolerance it could not
        # meet (reader 51-78: "above 320" for a Monte-Carlo 313 was "just outside ±2 %")
        gap = (
            f"{WAY_MARKED}: the number rests on the shape the draws take, which "
            f"the question does not give. The step: {_sentence(e.hints[-1])}"
        )
    else:
        # within twice the tolerance, close is said: "1.16" for 1.181 (±1.5 %) heard a flat
        # "too low" beside a rougher "1.2" called a good estimate (reader 47-78)
        if abs(x - want) <= 2 * e.rel_tol * abs(want):
            size = f"{size}: close, just outside {e.outside_tolerance()}"
        gap = (
            f"{yours} is {size}. If you worked it out (to the figures you gave), it fits a "
            f"common slip: {fits}"
            if fits
            else f"{yours} is {size}. The step: {_sentence(e.hints[-1])}"
        )
    # how the answer is written ("150 %" for a COP: a ratio is a plain number), as `check` says
    note = f" Note: {_sentence(r.note)}" if r.note else ""
    return Reveal(x, want, f"{head} {gap}{note}", True)
