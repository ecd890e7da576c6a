"""The exercise engine of the walkthroughs: read an answer as people write it, say right or not
yet with the hint that fits, step hints up, and compare a prediction with the result.

The exercises themselves (questions, answers from the core, traps) are defined in
:mod:`explorer.classroom.lessons`; this module knows nothing about datacenters.

Answers are read as people write them: ``"2,628"`` (thousands separators), ``"84%"`` or
``"10 %"`` (percent), ``"0.84"`` (a share), ``"208k"`` or ``"0.2 million"`` (counts) and, through
pint, ``"2.6 TWh"``, ``"2,628 GWh"`` or ``"300 MW"``, converted to the exercise's unit. Anything
else gets a message that says what to type; nothing here raises on a student's input.

Examples
--------
>>> read("2,628", "GWh").value
2628.0
>>> read("2.6 TWh", "GWh").value
2600.0
>>> read("84%", "share").value
0.84
>>> read("abc", "GWh").message
"Not yet: 'abc' is not a number I can read; type a number such as 1,500 or 4.5 kWh."
"""

from __future__ import annotations

import html
import math
import numbers
import re
from collections.abc import Callable
from dataclasses import dataclass

import pint

from .. import fmt
from ..units import ureg

SHARE, RATIO = "share", "1"
# count units: the words a student may write after the number
COUNT_WORDS = {
    "people": {"people", "persons", "person", "inhabitants", "residents"},
    "chips": {"chips", "chip", "accelerators", "gpus", "trn2", "trainium2"},
    "households": {"households", "household", "homes", "houses", "us households"},
}
_SCALE_WORDS = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6, "bn": 1e9}
_SCALE_WORDS["billion"] = 1e9
_CASELESS = {f"{p}{u}".lower(): f"{p}{u}" for p in ("k", "M", "G", "T") for u in ("W", "Wh")} | {
    "days": "day",
    "hours": "hour",
    "hrs": "hour",
    "h": "hour",
}
_PERCENT = {"%", "percent", "per cent", "pc"}
_FLOPS = re.compile(r"^([kMGTPE]?)(?:FLOPS|FLOP/s|flops|flop/s|FLOP/sec)$")
_PER_YEAR = re.compile(r"\s*(?:/|per|a|an)\s*(?:year|yr|y|annum)$", re.IGNORECASE)
_NUMBER = re.compile(
    r"^(?P<sign>[+-]?)\s*"
    r"(?P<num>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)"
    r"(?P<exp>\s*(?:[eE][+-]?\d+|[x×]\s*10\s*\^\s*[+-]?\d+))?"
    r"\s*(?P<rest>.*?)\s*$"
)
_DIMENSIONS = (
    ("J", "an energy"),
    ("W", "a power"),
    ("s", "a time"),
    ("FLOP/s", "a computing speed (FLOP/s)"),
    ("FLOP", "an amount of computing (FLOP)"),
    ("m**3", "a volume"),
)


@dataclass(frozen=True)
class Reading:
    """What an answer says: `value` in the exercise's unit, or None and a `message` why not.

    `bare` is True when a share was given as a plain number with no % sign (so 10 may mean 10 %).
    """

    value: float | None
    message: str = ""
    bare: bool = True


def _dimension(q: pint.Quantity) -> str:
    for unit, words in _DIMENSIONS:
        if q.dimensionality == ureg.Quantity(1, unit).dimensionality:
            return words
    return f"a quantity in {q.units:~}"


def _unit_words(unit: str) -> str:
    if unit == SHARE:
        return "a share (0.84 or 84 %)"
    if unit == RATIO:
        return "a plain number"
    if unit in COUNT_WORDS:
        return f"a number of {unit}"
    return f"{_dimension(ureg.Quantity(1, unit))} in {unit}"


def _normalise(text: str) -> str:
    text = text.strip().replace("−", "-").replace("\u2009", " ").replace("\u00a0", " ")
    text = text.replace("\u202f", " ")
    # "207 829" (a space between thousands) reads as "207,829"
    return re.sub(r"(?<=\d) (?=\d{3}\b)", ",", text)


def read(answer: object, unit: str, negative: bool = False) -> Reading:
    """Read a student's answer into a number in `unit` (a pint unit, ``"share"``, ``"1"`` or a
    count such as ``"people"``); never raises.

    Parameters
    ----------
    answer : str or float
        What the student typed.
    unit : str
        The exercise's unit.
    negative : bool
        Whether a negative answer can make sense.

    Examples
    --------
    >>> read("2,628,000 MWh", "GWh").value
    2628.0
    >>> read("208k", "people").value
    208000.0
    >>> read("-5", "GWh").message
    'Not yet: this answer cannot be negative.'
    """
    if isinstance(answer, bool) or answer is None:
        return Reading(None, "Not yet: type a number.")
    if isinstance(answer, numbers.Real):
        return _finish(float(answer), unit, negative, bare=True)
    if not isinstance(answer, str):
        return Reading(None, "Not yet: type a number.")
    text = _normalise(answer)
    if not text:
        return Reading(None, "Not yet: type a number first.")
    m = _NUMBER.match(text)
    if not m:
        shown = text if len(text) <= 40 else text[:40] + "…"
        return Reading(
            None,
            f"Not yet: {shown!r} is not a number I can read; "
            "type a number such as 1,500 or 4.5 kWh.",
        )
    number = m["num"].replace(",", "")
    exp = (m["exp"] or "").strip()
    if exp:
        exp = "e" + re.sub(r"^[x×]\s*10\s*\^\s*", "", exp).lstrip("eE")
    try:
        x = float(m["sign"] + number + exp)
    except ValueError:  # pragma: no cover - the pattern only lets floats through
        return Reading(None, "Not yet: type a number.")
    rest = m["rest"]
    if rest.startswith(","):
        return Reading(
            None,
            "Not yet: write decimals with a point (2.6) and commas only between thousands (2,628).",
        )
    if not rest:
        return _finish(x, unit, negative, bare=True)
    if rest.lower() in _PERCENT:
        if unit in (SHARE, RATIO):
            return _finish(x / 100, unit, negative, bare=False)
        return Reading(None, f"Not yet: a percentage does not fit here; give {_unit_words(unit)}.")
    if unit in COUNT_WORDS:
        return _count(x, rest, unit, negative)
    if unit in (SHARE, RATIO):
        return Reading(None, f"Not yet: leave out {rest!r}; give {_unit_words(unit)}.")
    return _physical(x, rest, unit, negative)


def _count(x: float, rest: str, unit: str, negative: bool) -> Reading:
    words = rest.lower().split()
    if words and words[0] in _SCALE_WORDS:
        x *= _SCALE_WORDS[words.pop(0)]
    if not words or " ".join(words) in COUNT_WORDS[unit]:
        return _finish(x, unit, negative, bare=True)
    try:
        q = ureg.Quantity(1, rest)
    except Exception:  # pint raises many kinds of error on free text
        return Reading(None, f"Not yet: leave out {rest!r}; give a number of {unit}.")
    return Reading(None, f"Not yet: that is {_dimension(q)}; the answer is a number of {unit}.")


def _physical(x: float, rest: str, unit: str, negative: bool) -> Reading:
    rest = _PER_YEAR.sub("", rest)  # "2.6 TWh per year": the exercise already means a year
    rest = _CASELESS.get(rest.lower(), rest)  # "2.6 twh", "300 mw": nobody means milliwatts
    flops = _FLOPS.match(rest)
    if flops:
        rest = f"{flops[1]}FLOP/s"
    elif re.fullmatch(r"[kMGTPE]F", rest) and "FLOP" in unit:
        rest = f"{rest[0]}FLOP/s"  # "83 PF": petaFLOP/s, not petafarad
    try:
        q = ureg.Quantity(x, rest)
    except Exception:  # pint raises many kinds of error on free text
        return Reading(None, f"Not yet: I cannot read the unit {rest!r}; give {_unit_words(unit)}.")
    target = ureg.Quantity(1, unit)
    if q.dimensionality != target.dimensionality:
        given, wanted = _dimension(q), _dimension(target)
        extra = ""
        if {given, wanted} == {"an energy", "a power"}:
            extra = " Energy is power × time."
        return Reading(
            None, f"Not yet: {rest} is {given}; the answer is {wanted} (in {unit}).{extra}"
        )
    if not math.isfinite(x):
        return _finish(x, unit, negative, bare=False)
    # 12 significant figures: 3 TWh reads as 3000 GWh, not 3000.0000000000005
    return _finish(float(f"{q.to(unit).magnitude:.12g}"), unit, negative, bare=False)


def _finish(x: float, unit: str, negative: bool, bare: bool) -> Reading:
    if math.isnan(x):
        return Reading(None, "Not yet: give a number.")
    if not math.isfinite(x) or abs(x) > 1e300:
        return Reading(
            None, "Not yet: that number is too large to be an answer; give a finite number."
        )
    if x < 0 and not negative:
        return Reading(None, "Not yet: this answer cannot be negative.")
    return Reading(x, bare=bare)


@dataclass(frozen=True)
class Trap:
    """A typical wrong answer (computed from the core, like the answer) and the hint it earns."""

    id: str
    value: Callable[[], float]
    hint: str
    rel_tol: float = 0.02


@dataclass(frozen=True)
class Exercise:
    """One exercise: a question, its answer from the core, stepped hints and traps.

    `hints` are three steps: a nudge (the default hint), the formula, and the worked step.
    """

    id: str
    lesson: int
    question: str
    answer: Callable[[], float]
    unit: str
    hints: tuple[str, str, str]
    traps: tuple[Trap, ...] = ()
    rel_tol: float = 0.05
    negative: bool = False
    digits: int = 3

    @property
    def hint(self) -> str:
        """The default hint: the nudge."""
        return self.hints[0]

    def shown_unit(self) -> str:
        return {SHARE: "", RATIO: ""}.get(self.unit, self.unit)

    def show(self, x: float) -> str:
        """A value in this exercise's unit, as the answers and keys print it."""
        if self.unit == SHARE:
            return fmt.percent(x, self.digits)
        return f"{fmt.number(x, self.digits)} {self.shown_unit()}".strip()


@dataclass(frozen=True)
class Feedback:
    """The verdict on one answer: `kind` is right, trap, hint or unreadable."""

    right: bool
    message: str
    kind: str = "hint"
    trap: str | None = None
    level: int = 0

    def __str__(self) -> str:
        return self.message

    def _repr_html_(self) -> str:
        colour = "#009E73" if self.right else "#D55E00"
        return f"<p style='color:{colour};font-weight:600'>{html.escape(self.message)}</p>"


def _near(a: float, b: float, tol: float) -> bool:
    return abs(a - b) <= tol * abs(b)


def check(e: Exercise, answer: object, attempt: int = 1) -> Feedback:
    """Right, or not yet with the hint that fits the answer given.

    A trap's hint wins; otherwise a factor of 1,000 (a prefix slip), a percentage typed as a plain
    number, and then the stepped hint for this `attempt` (1: nudge, 2: formula, 3+: worked step).
    """
    r = read(answer, e.unit, e.negative)
    if r.value is None:
        return Feedback(False, r.message, "unreadable")
    x, want = r.value, e.answer()
    if _near(x, want, e.rel_tol):
        return Feedback(True, f"Right! The explorer gets {e.show(want)}.", "right")
    for t in e.traps:
        if _near(x, t.value(), t.rel_tol):
            return Feedback(False, f"Not yet, hint: {t.hint}.", "trap", t.id)
    if e.unit == SHARE and r.bare and x > 1 and _near(x / 100, want, e.rel_tol):
        return Feedback(
            False,
            f"Not yet, hint: {fmt.number(x)} reads as {fmt.number(x)} times the whole; "
            f"a share is written {fmt.number(x)} % or {fmt.number(x / 100)}.",
            "trap",
            "percent-vs-share",
        )
    ratio = x / want if want else math.inf
    for k, words in (
        (1e3, "1,000 times too large: check k/M/G prefixes"),
        (1e-3, "1,000 times too small: check k/M/G prefixes"),
    ):
        if _near(ratio, k, 0.05):
            return Feedback(False, f"Not yet, hint: {words}.", "trap", "prefix")
    level = min(max(attempt, 1), len(e.hints)) - 1
    return Feedback(False, f"Not yet, hint: {e.hints[level]}.", "hint", level=level)


@dataclass(frozen=True)
class Reveal:
    """A committed prediction beside the result, with the gap explained."""

    prediction: float | None
    result: float
    message: str
    ready: bool

    def _repr_html_(self) -> str:
        return f"<p>{html.escape(self.message)}</p>"


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
    want = e.answer()
    r = read(prediction, e.unit, e.negative)
    if r.value is None:
        return Reveal(None, want, r.message.replace("Not yet: ", "First ", 1), False)
    x = r.value
    head = f"You predicted {e.show(x)}; the explorer gets {e.show(want)}."
    fb = check(e, x)
    if fb.right:
        gap = "Within the tolerance: a good estimate."
    elif fb.kind == "trap":
        gap = fb.message.replace("Not yet, hint: ", "The gap is a common slip: ", 1)
    else:
        ratio = x / want if want else math.inf
        if ratio == 0:
            size = "zero"
        elif 0 < ratio < 1:
            size = f"{fmt.number(1 / ratio)} times too small"
        else:
            size = f"{fmt.number(ratio)} times too large"
        gap = f"Your prediction is {size}. The step: {e.hints[-1]}."
    return Reveal(x, want, f"{head} {gap}", True)
