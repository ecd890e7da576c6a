"""Read a student's typed answer as a number in the exercise's unit: a :class:`Reading`.

Answers are read as people write them: ``"2,628"`` (thousands separators), ``"about 2628"``,
``"~2628"`` or ``"≈ 2628"`` (estimates), ``"three hundred"`` (words), ``"7/4"`` (fractions),
``"84%"``, ``"10 %"``, ``"0.84"`` or a bare ``"90"`` (shares; the last read as 90 %, said back to
the student), ``"208k"``, ``"300k chips"`` or ``"0.2 million"`` (counts) and, through pint,
``"2.6 TWh"``, ``"2.6 billion kWh"``, ``"83 petaflops"`` or ``"300 MW"``, converted to the
exercise's unit; calculations (``"261e6/910"``, ``"261 MW / 910 W"``, ``"300 x 8760 / 1000"``);
ratios said with their word (``"2.1 times"``, ``"2.1x"``, ``"×2.1"``); ``"79 % more"`` only
where the question asks how far above a reference. Anything else gets a message that says
what to type; nothing here raises on a student's input.

This module knows nothing of exercises: it turns text into a value, a unit's reading and what to
say back (:func:`read`, :func:`label`, :func:`worked`). Judging a reading (right, not yet, the
hint that fits) is :mod:`explorer.classroom.exercises`.

Examples
--------
>>> read("2,628", "GWh").value
2628.0
>>> read("2.6 TWh", "GWh").value
2600.0
>>> read("84%", "share").value
0.84
>>> read("about 2628", "GWh").value
2628.0
>>> read("abc", "GWh").message
"I cannot find a number in 'abc'; type a number in GWh, such as 1,500 GWh."
"""

from __future__ import annotations

import functools
import math
import numbers
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

import pint

from .. import catalog, fmt
from ..units import ureg

SHARE, RATIO = "share", "1"
# count units: the words a student may write after the number
COUNT_WORDS = {
    "people": {"people", "ppl", "persons", "person", "inhabitants", "residents"},
    "chips": {"chips", "chip", "accelerators", "gpus", "trn2", "trainium2"},
    "households": {"households", "household", "homes", "houses", "us households", "hh", "hhs"},
}
# a scale written as a word or a suffix: "2.6 billion kWh", "300k chips", "2.6k"
_SCALE_WORDS = {
    "k": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "million": 1e6,
    "g": 1e9,
    "b": 1e9,
    "bn": 1e9,
    "billion": 1e9,
    "trillion": 1e12,
    # the long scale words a FLOP count may be said in ("7.2 sextillion FLOP"; reader 24)
    "quadrillion": 1e15,
    "quintillion": 1e18,
    "sextillion": 1e21,
    "septillion": 1e24,
}
# the unit symbols the lessons' answers are written in, read in any case where that names one
# unit: "300 mw" is MW (nobody means milliwatts), "1536 gb" GB, "1.5 tib" TiB (reader 23); a
# symbol's plural ("GiBs") is the symbol. Bits are told apart (`_bits`): "Gb" is gigabits
_SYMBOLS = (
    *(f"{p}{u}" for p in ("k", "M", "G", "T") for u in ("W", "Wh")),
    *(f"{p}B" for p in ("k", "M", "G", "T", "P")),
    *(f"{p}iB" for p in ("K", "M", "G", "T", "P")),
)
_CASELESS = (
    {s.lower(): s for s in _SYMBOLS}
    | {f"{s.lower()}s": s for s in _SYMBOLS if s.endswith("B")}
    | {
        "w": "W",  # "261 mw / 910 w": nobody means a unit "w"
        "wh": "Wh",
        "d": "day",  # "12.5 D": nobody means the debye
        "days": "day",
        "weeks": "week",
        "wk": "week",  # "1.6 wk" (reader 25)
        "wks": "week",
        "hours": "hour",
        "hrs": "hour",
        "h": "hour",
    }
)
# a symbol whose case as typed names another unit of the same kind: read as the lessons' unit,
# and said ("73 mW" is MW: a site's power is never a thousandth of a watt)
_OTHER_CASE = {"mW": "milli", "mWh": "milli"}
# a calculated number this long, typed in another prefix, is said back in the unit asked too
_LONG = 1e6
# a data unit in bits: "Gb" (a capital prefix and a small b), "Gbit", "gigabits"
_BITS = re.compile(r"[KMGTPE]i?b")
_BINARY_PREFIX = {"k": "Ki", "m": "Mi", "g": "Gi", "t": "Ti", "p": "Pi", "e": "Ei"}
_PERCENT = {"%", "percent", "per cent", "pc"}
# "79 % more", "79 % above the mean": a percentage said as an excess over a reference
_ABOVE = re.compile(
    r"^(%|percent|per cent)\s+(?:more|above|higher|over|greater|larger|bigger)\b.*$",
    re.IGNORECASE,
)
# "2/3 more", "0.68 above the mean": a share (no percent sign) said as an excess (reader 31)
_MORE = re.compile(r"^(?:more|above|higher|over|greater|larger|bigger)\b.*$", re.IGNORECASE)
# how a bare 1 for a share is said back: the whole, not 1 %
_BARE_ONE = "read as 100 %, the whole; for one percent type 1 %"
# FLOP units in any case: "FLOP/s" is a speed and "FLOP" an amount; the plural "FLOPS",
# "PFLOPs", "petaflops" is written for both, so the exercise's dimension decides
_FLOPS = re.compile(r"^([kmgtpezy]?)(flops?)(/s|/sec)?$", re.IGNORECASE)
# an amount of FLOP in words: "operations", "ops", "floating-point operations" (reader 19)
_OPERATIONS = re.compile(r"(?:(?:floating[- ]point|arithmetic)\s+)?op(?:eration)?s", re.IGNORECASE)
_PREFIX = {"": "", "k": "k", "m": "M", "g": "G", "t": "T", "p": "P", "e": "E", "z": "Z", "y": "Y"}
# "7.18*10^21", "7.2 × 10²¹", "7.2 x 10**21": a power of ten written out reads as 7.2e21
_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺", "0123456789-+")
# (reader 44-34: "3.79 10^25", a space for the times sign, was "the unit '1e25'")
_TEN_TO = re.compile(r"(?<=\d)(?:\s*[*x×·]\s*|\s+)10\s*(?:\^|\*\*)\s*([-+]?\d+)")
_TIMES_SIGN = re.compile(r"(?:(?<=\d)\s*|(?<=\s))[xX](?=\s*[\d.(])")
_TEN_SUPERSCRIPT = re.compile(r"10([⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)")
# "10 to the 25", "10 to the power of 25th": a power of ten in words, as "10^25" (reader
# 48-34: "3.8 x 10 to the 25" was told "I cannot read the unit 'to the 25'")
_TEN_TO_WORDS = re.compile(
    r"(?P<times>(?<=\d)\s*(?:times|[*x×·])\s*)?\b(?:10|ten)\s+to\s+the(?:\s+power)?(?:\s+of)?\s+"
    r"([-+]?\d+)(?:st|nd|rd|th)?\b",
    re.IGNORECASE,
)
# what is left after a number that no unit holds, with "to the" or a power in it: a power of ten
# written some other way, not a unit (reader 48-34)
_POWER_LEFT = re.compile(r"\bto\s+the\b|\bpower\b|\^|\*\*", re.IGNORECASE)
# "10^5" on its own (a hook's guess pasted in): a power of ten, 1e5
_BARE_TEN = re.compile(r"(?<![\w.])10\s*(?:\^|\*\*)\s*([-+]?\d+)")
# a word, not the end of "day" ("8,356 MWh per day" was read as "MWh per d" a year: reader 28)
_PER_YEAR = re.compile(r"\s*(?:/|\bper|\ban?)\s*(?:year|yr|y|annum)$", re.IGNORECASE)
# a power said "per hour", "/h", "a day" where a power is asked: the time, said as words for the
# note that a power is already a rate (reader 33: "MW per hour" was unreadable, "MW per year" not)
_POWER_PER_TIME = re.compile(
    r"\s*(?:/|\bper|\ban?|\beach|\bevery)\s*(?:(?P<second>s|sec|second)|(?P<minute>min|minute)|"
    r"(?P<hour>h|hr|hour)|(?P<day>d|day)|(?P<week>wk|week)|(?P<month>mo|month)|"
    r"(?P<year>y|yr|year|annum))s?$",
    re.IGNORECASE,
)
# "7.2e21 FLOP per day", "FLOP/day", "FLOP in a day": an amount of computing said with the day
# it is done in, as the question asks it ("in a day"); the amount is the answer (reader 25)
# a basis's "per person" after its unit: "10,512 kWh/person", "… per capita" (reader 52-12:
# "kWh/person" was not read as a unit, though "kWh a person" was)
_PER_HEAD = re.compile(
    r"\s*(?:/\s*|\b(?:per|a|an|each|every)\s+)(?:person|people|capita|head|inhabitant|resident)s?\b",
    re.IGNORECASE,
)
_PER_DAY = re.compile(r"\s*(?:/|per|a|an|in\s+(?:a|one)|each|every)\s*(?:day|d)$", re.IGNORECASE)
# "73.3 MW per building", "83.1 PF dense", "1,536 GiB of HBM", "120 MW swing", "7.37 h at full
# power" (a battery's hours, as the question words them): what a figure is,
# said after its unit as the lesson labels it; the number and the unit are the answer (a wrong
# label is the exercise's to catch: `label`)
_LABEL = re.compile(
    r"\s*(?:(?:/|per|a|an|each)\s*(?:building|chip|instance|server|ultraserver)|each|apiece|"
    r"in\s+all|in\s+total|total|dense|sparse|fp8|bf16|of|hbm|memory|swing|difference|apart|gap|"
    r"at\s+(?:its\s+)?full\s+(?:power|load))$",
    re.IGNORECASE,
)
_LABEL_WORD = re.compile(r"\b(dense|sparse)\b", re.IGNORECASE)
_LABEL_ONLY = re.compile(r"\b(?:dense|sparse|fp8|bf16)\b", re.IGNORECASE)


def _only_label(rest: str) -> bool:
    """Whether the words after a number are only a dense/sparse/precision label ("sparse",
    "dense FP8"), with no unit: the number is then bare, as "41 PF sparse" is 41 PF.

    Examples
    --------
    >>> _only_label("sparse"), _only_label("dense FP8"), _only_label("PF dense")
    (True, True, False)
    """
    return not _LABEL_ONLY.sub("", rest).strip() and bool(_LABEL_WORD.search(rest))


def label(answer: object) -> str:
    """The dense or sparse label an answer carries after its number ("41 PF sparse" → "sparse"),
    or "" when it has none (or both).

    Examples
    --------
    >>> label("83.1 PF dense"), label("41"), label("41 PFLOP/s Sparse FP8")
    ('dense', '', 'sparse')
    """
    words = {w.lower() for w in _LABEL_WORD.findall(answer)} if isinstance(answer, str) else set()
    return words.pop() if len(words) == 1 else ""


# "12 days of electricity", "12 days' worth": a time unit followed by the question's own words
_TIME_OF = re.compile(r"^([A-Za-z]+)'?\s+(?:worth|of)\b.*$", re.IGNORECASE)
# "30.1 MW of cooling", "2,628 GWh of electricity": a unit, then what the figure is, in words
_OF_WHAT = re.compile(r"^([A-Za-z][A-Za-z/]*)\s+of\s+[^\W\d][^\d]*$", re.IGNORECASE)
# "about 2628", "~2628", "≈ 2628", "roughly 2.6 TWh", "under 6 days": an estimate is read as
# its number ("under"/"over" too: said of a week, an estimate; "less than 5" stays a bound)
_APPROX = re.compile(
    r"^(?:about|around|approximately|approx\.?|roughly|circa|ca\.|nearly|almost|close to|"
    r"some|just under|just over|under|over|~|≈|∼|±|c\.)\s*",
    re.IGNORECASE,
)
# a bound before a fraction in words, read as the fraction: "less than half", "a little under a
# third" (reader 32: "under half" was read, "less than half" not); a bound before digits is
# refused as before ("less than 5": give the number)
_BOUND_BEFORE_FRACTION = re.compile(
    r"^(?:(?:a\s+little|a\s+bit|slightly|just)\s+)?"
    r"(?:less\s+than|more\s+than|fewer\s+than|under|over|below|above)\s+"
    r"(?=(?:an?\s+|one\s+)?(?:half|third|quarter|fifth|tenth)s?\b)",
    re.IGNORECASE,
)
# "1.8 approx", "1.75 approximately", "1.8ish": the estimate's word after the number (reader 21)
_APPROX_AFTER = re.compile(
    r"(?<=[\w%])\s*,?\s*(?:approx\.?|approximately|roughly|or so|-?ish)$", re.IGNORECASE
)
# "a week", "an hour": the article as one of a time unit
# "a week and a half", "two days and a half": a time and a half in words (reader 24)
_AND_A_HALF = re.compile(
    r"^(an?|one|two|three|four|five|six|seven|eight|nine|ten|\d+(?:\.\d+)?)\s+"
    r"(second|minute|hour|day|week|month|year)s?\s+and\s+a\s+half\b",
    re.IGNORECASE,
)
# "1.5 weeks", "0.5 months": a half of a week, a month or a year, typed in digits, is as rough as
# "a week and a half" (reader 46-34: "1.5 weeks" for 11.1 days, 1.59 weeks, was told "the method
# is probably right"); a half of a day or less ("10.5 days") is a figure worked out
_HALF_A_COARSE_UNIT = re.compile(
    r"^(?:about|around|roughly|nearly|almost|~|≈)?\s*(\d+)\.50*\s*"
    r"(?:weeks?|wks?|months?|mos?|years?|yrs?)\.?$",
    re.IGNORECASE,
)
# "one and a half", "2 and a half": any number and a half, not only a time's (reader 28)
_NUMBER_AND_A_HALF = re.compile(
    r"^(an?|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+and\s+a\s+half\b",
    re.IGNORECASE,
)
# "a fortnight" too (reader 33: it found no number where "a week" read)


_ONE_TIME = re.compile(
    r"^an?\s+(?=(?:second|minute|hour|day|week|fortnight|month|year)s?\b)", re.IGNORECASE
)
# a mixed number at the start: "5 and 3/4 days", "5 3/4", "5 and a half days", "5¾" (reader 28)
_MIXED = re.compile(
    r"^(?P<whole>\d+)(?:\s+and\s+|\s+|(?=[½¼¾]))(?:(?P<num>\d+)\s*/\s*(?P<den>\d+)"
    r"|(?P<half>a\s+half|[½¼¾]))(?![\d/*×÷+.,])",
    re.IGNORECASE,
)
_VULGAR = {"½": 0.5, "¼": 0.25, "¾": 0.75}
_VULGAR_BAR = {"½": "1/2", "¼": "1/4", "¾": "3/4"}


def _mixed(m: re.Match[str]) -> str:
    """A mixed number as one number: "5 and 3/4" → "5.75"; left as typed where the fraction is
    not a proper one ("5 7/4").

    Examples
    --------
    >>> [_MIXED.sub(_mixed, t) for t in ("5 and 3/4 days", "5 and a half days", "5¾", "5 7/4")]
    ['5.75 days', '5.5 days', '5.75', '5 7/4']
    """
    if m["half"]:
        part = _VULGAR.get(m["half"], 0.5)
    elif int(m["den"]) > int(m["num"]) > 0:
        part = int(m["num"]) / int(m["den"])
    else:
        return m[0]
    return f"{int(m['whole']) + part:g}"


# SI prefixes and units written out, in any case: "83 petaflops", "2.6 terawatt-hours", "300
# megawatts", "7.18 zettaflop" (a day of an UltraServer, reader 21)
_PREFIX_WORDS = {
    "kilo": "k",
    "mega": "M",
    "giga": "G",
    "tera": "T",
    "peta": "P",
    "exa": "E",
    "zetta": "Z",
    "yotta": "Y",  # a Llama 3 run's FLOP: 37.9 yotta (reader 30)
    "kibi": "Ki",
    "mebi": "Mi",
    "gibi": "Gi",
    "tebi": "Ti",
    "pebi": "Pi",
}
_PREFIXES = "|".join(_PREFIX_WORDS)  # one list for the spelled and the bare forms below
_UNIT_WORDS = re.compile(
    rf"\b({_PREFIXES})[- ]?(watt[- ]?hours?|watts?|flops|flop/s|flop|bytes?|bits?)\b",
    re.IGNORECASE,
)
# an SI prefix said alone after the number, its unit left off: "7.2 zetta", "83 peta" (reader 26)
_BARE_PREFIX = re.compile(
    r"^(?P<num>.*\d\.?)\s*(?P<prefix>"
    + "|".join(w for w, sym in _PREFIX_WORDS.items() if not sym.endswith("i"))  # SI, not binary
    + r")\s*$",
    re.IGNORECASE,
)
# "less than 5", "more than 300 MW", "> 2": a bound, not an estimate; in words too, "less than
# a week", "fewer than two weeks" (reader 36: "I cannot find a number"), but not before a
# fraction in words ("less than half" is read as the half, `_BOUND_BEFORE_FRACTION`)
_BOUND = re.compile(
    r"^(?:(?:less|more|fewer|greater|lower|higher)\s+than|below|above|at\s+(?:least|most)"
    r"|[<>≤≥])\s*(?:[\d.]|(?!(?:an?\s+|one\s+)?(?:half|third|quarter|fifth|tenth)s?\b)"
    r"(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|a\s+few|several)\s+[a-z])",
    re.IGNORECASE,
)
# a yes or no before a bound: "yes it's more than 300" (reader 52-12: read as the site's 300 MW
# typed for the answer); the verdict is the paper's, the bound no estimate
_YES_NO = re.compile(
    r"^(?:yes|no|yeah|yep|nope)(?:\s*[,.:;!-]+\s*(?:(?:it'?s|it\s+is|that'?s|the\s+\w+\s+is)\s+)?"
    r"|\s+(?:it'?s|it\s+is|that'?s|the\s+\w+\s+is)\s+)",
    re.IGNORECASE,
)
_SMALL = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_WORD_VALUES = {w: i for i, w in enumerate(_SMALL)} | {w: 10 * (i + 2) for i, w in enumerate(_TENS)}
_NUMBER_WORD = re.compile(
    r"^((?:(?:a|an|and|" + "|".join(_SMALL + _TENS) + r"|hundred|thousand|million|billion|trillion)"
    r"(?:[\s-]+|$))+)",
    re.IGNORECASE,
)
_NUMBER = re.compile(
    r"^(?P<sign>[+-]?)\s*"
    r"(?P<num>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)"
    # "2,628,000,000 / 12,200": a denominator with thousands commas, as the numerator may have
    r"(?:\s*/\s*(?P<den>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?))?"
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
    ("B", "an amount of memory"),
    ("household", "a number of households"),
    ("person", "a number of people"),
)
EXAMPLE = "type a number such as 1,500, 2.6k or 4.5 kWh"
# the reply to a calculation that cannot be read; its example is no exercise's answer (reader
# 50-12: "such as 2,628" answered lesson 1's first exercise, "300 MW x 24 x 365 = ?")
_UNREAD_CALC = "I cannot read that calculation; type its result (a number such as 1,500)."


def example(unit: str) -> str:
    """How to type a number in `unit`, with an example in that unit, never another kind's
    (reader 49-12: "such as 4.5 kWh" for a power, a share and a count of households).

    Examples
    --------
    >>> example("MW"), example("share")
    ('type a number in MW, such as 1,500 MW', 'type a share such as 12.5 % or 0.125')
    >>> example("households")
    'type a number of households, such as 1,500 or 2.6k'
    """
    if unit == RATIO:
        return "type a plain number, no unit (a ratio)"
    if unit == SHARE:
        # not a figure of the lessons' own: "50 %" was the article's high end (reader 49-12)
        return "type a share such as 12.5 % or 0.125"
    if unit in COUNT_WORDS:
        return f"type a number of {unit}, such as 1,500 or 2.6k"
    if re.fullmatch(r"[A-Za-z/]+", unit or ""):
        return f"type a number in {unit}, such as 1,500 {unit}"
    return EXAMPLE


# "3.79 x 10 25": a power of ten typed without its "^" (reader 49-34: heard "I cannot read that
# calculation", though it is no calculation)
_TEN_SPACED = re.compile(r"\s*([\d.,]+)\s*[*×]\s*10\s+(\d{1,2})\b(?!\s*[*×/+=-])")
# "PUE = 1.75", "energy: 2,628 GWh": the name before the number is left out
_NAMED = re.compile(r"^[A-Za-z][A-Za-z0-9 _'()-]{0,40}?\s*[=:≈]\s*(?=\S)")
_TO_ONE = re.compile(r":\s*1(?:\.0*)?")  # "1.75:1", a ratio written against one
_RATIO_BEFORE = re.compile(r"^([A-Za-z]{2,4})\s+(?=[\d.])")  # "PUE 1.75", "COP 1.5"
# "1.754...", "1.754…": digits cut off, the number as far as it goes
_TRAILING_DOTS = re.compile(r"(?<=\d)\s*(?:\.{2,}|…)$")
# "245,000 households.", "1.75.", "10%!": the end of a sentence, not part of the answer
_SENTENCE_END = re.compile(r"(?<=[\w%)])\s*[.!?]+$")
# a typed calculation ("300*8760/1000", "1 / (1 - 0.4 - 0.03)") and the unit after it, if any
_CALC = re.compile(
    r"^(?P<expr>(?:[\d\s.,()+\-*/×÷]|(?<=\d)[eE](?=[+-]?\d))+?)"
    r"\s*(?P<rest>(?![eE][+-]?\d)[A-Za-z%].*)?$"
)
_CALC_TOKEN = re.compile(r"\s*(?:((?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)|([-+*/×÷()]))")
_EXPONENT = re.compile(r"(?<=\d)[eE][+-]?\d+")  # "6*405e9*15.6e12": a number's own power of ten
# "2.1 times", "2.1x", "×2.1", "2.1-fold": a ratio said with its word, read as its number;
# "2.1x more", "2.1 times higher" too: a "how many times" question asks for the ratio, so the
# comparative after its word is the same ratio said aloud (reader 20)
_TIMES_BEFORE = re.compile(r"^(?:times|x|×)\s*(?=[\d.])", re.IGNORECASE)
_TIMES_AFTER = re.compile(
    r"(?<=[\d.])\s*(?:-?\s*fold|times|x|×)"
    r"(?:\s+(?:more|higher|larger|bigger|greater|faster|better))?$",
    re.IGNORECASE,
)
# "261 MW / 910 W", "83.1 PFLOP/s * 86400 s": a calculation of two quantities with their units
_NUM = r"\d[\d,]*(?:\.\d+)?(?:[eE][+-]?\d+)?"
# "286,669 × 667 TFLOP/s × 0.4": a product of numbers with one unit among its factors, read as
# the product in that unit (only products: a unit beside a division or a sum would be ambiguous)
_UNIT_INSIDE = re.compile(
    rf"^(?P<pre>{_NUM}(?:\s*[*×]\s*{_NUM})*)\s*(?P<unit>[A-Za-z][A-Za-z/]*)"
    rf"\s*(?P<post>(?:[*×]\s*{_NUM}\s*)+)$"
)
_CALC_UNIT = r"[A-Za-z]+(?:/[A-Za-z]+)?"
# "261 MW / 910 W", "300 MW × 0.87 / 910 W": numbers, each with its own unit or none (at least
# the first has one), multiplied and divided from left to right
_QUANTITY_CALC = re.compile(rf"^{_NUM}\s*{_CALC_UNIT}(?:\s*[/*×÷]\s*{_NUM}\s*(?:{_CALC_UNIT})?)+$")
# "(300 MW/1.15)/(910 W)", "300 MW/(1.15*910 W)": the same with parentheses (reader 22)
_QUANTITY_GROUPED = re.compile(
    rf"^(?=.*\()(?=.*\d\s*(?![eE][+-]?\d){_CALC_UNIT}\s*[)*/×÷])[\s(]*{_NUM}\s*(?:{_CALC_UNIT})?"
    rf"(?:[\s)]*[/*×÷][\s(]*{_NUM}\s*(?:{_CALC_UNIT})?)+[\s)]*$"
)
_QUANTITY_TOKEN = re.compile(rf"\s*(?:(?P<n>{_NUM})\s*(?P<u>(?:{_CALC_UNIT})?)|(?P<op>[*/×÷()]))")


@dataclass(frozen=True)
class Reading:
    """What an answer says: `value` in the exercise's unit, or None and a `message` why not.

    `bare` is True when a share was given as a plain number with no % sign; `echo` says how an
    ambiguous answer was read (a bare 90 for a share reads as 90 %), so the student can change it.
    """

    value: float | None
    message: str = ""
    bare: bool = True
    echo: str = ""
    typed: float | None = None  # the bare number as typed, when `echo` read it as a percentage
    note: str = ""  # accepted, but worth a remark ("FLOPS" for an amount)
    bound: bool = False  # a bound ("less than 5", "4.5 or less"), not one number
    # the part of the typed text the value was read from, where working stood beside it
    # ("shrinks by 30 % = 73,579" → "73,579"): its figures are the answer's, not the 30's
    # (reader 45-78)
    said: str = ""


def _dimension(q: pint.Quantity) -> str:
    if q.dimensionless and not any(w in str(q.units) for w in ("byte", "bit")):
        # pint's bytes have no dimension: "h per week" is a plain number, not memory (reader
        # 44-78: "h per day is an amount of memory")
        return "a plain number (its units cancel)"
    for unit, words in _DIMENSIONS:
        if q.dimensionality == _dimensionality(unit):
            return words
    return f"a quantity in {q.units:~}"


@functools.lru_cache(maxsize=4096)
def _parsed(name: str) -> pint.Quantity | Exception:
    try:
        return ureg.Quantity(1, name)
    except Exception as err:  # pint raises many kinds of error on free text
        return err


def _q(x: float, name: str) -> pint.Quantity:
    """``ureg.Quantity(x, name)``, with `name` parsed once per process: parsing a unit's name is
    pint's slow part, and the checker tries the same few hundred names (and free words) for
    every typed answer. Raises what pint raises on a name that is no unit.

    Examples
    --------
    >>> _q(2.5, "MWh")
    <Quantity(2.5, 'megawatt_hour')>
    """
    one = _parsed(name)
    if isinstance(one, Exception):
        raise one.with_traceback(None)  # the kept error, without the tracebacks of its last raises
    return one * x if one.magnitude == 1 else ureg.Quantity(x, name)


@functools.cache
def _dimensionality(unit: str) -> pint.util.UnitsContainer:
    """pint's dimensionality of `unit` (parsing a unit's name is pint's slow part: a checker
    asks for the same few units thousands of times)."""
    return _q(1, unit).dimensionality


def _unit_words(unit: str) -> str:
    if unit == SHARE:
        return "a share (a decimal such as 0.5 or a percentage such as 50 %)"
    if unit == RATIO:
        return "a plain number"
    if unit in COUNT_WORDS:
        return f"a number of {unit}"
    words = _dimension(_q(1, unit))
    return words if words.endswith(f" in {unit}") else f"{words} in {unit}"


# a fraction in words at the start of an answer: "a tenth", "one quarter", "two thirds", "half"
_FRACTION_DENOMINATORS = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "quarter": 4,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "twentieth": 20,
    "hundredth": 100,
}
_FRACTION_WORD = re.compile(
    # reader 45: "the half" was not read where "half" and "about half" were
    r"^(?:the\s+(?=half\b))?(?:(a|an|one|two|three|four|five|six|seven|eight|nine)[\s-]+)?"
    r"(" + "|".join(_FRACTION_DENOMINATORS) + r")s?\b(?:\s+of\b(?:\s+(?:it|them|that))?)?",
    re.IGNORECASE,
)


# a share in words that names no fraction: "all" (of the chips) and "nearly all", the words a
# question offers beside its figure ("nearly all (say 90 %)"; reader 21)
_ALL_WORDS = re.compile(
    # reader 43-56: "everything", "the whole site" and "none" were not read, "all" was
    r"^(?:(nearly|almost|virtually|practically)\s+)?(all|every\s+chip|everything|"
    r"(?:the\s+)?whole(?:\s+(?:site|thing|lot))?|most|none)"
    r"(?:\s+(?:of\s+)?(?:them|it|the\s+(?:site'?s\s+)?chips|chips))?$",
    re.IGNORECASE,
)


def _share_in_words(answer: str, unit: str) -> bool:
    """Whether `answer` is a share in words ("about a third", "half of it") where `unit` is a
    count or a quantity: a third of what is not said, so it is no number of households (reader
    23); "half a day" names its unit and is a time.

    Examples
    --------
    >>> _share_in_words("about a third", "households"), _share_in_words("half a day", "h")
    (True, False)
    >>> _share_in_words("a third", "share")
    False
    """
    if unit in (SHARE, RATIO):
        return False
    text = _APPROX.sub("", answer.strip()).strip()
    m = _FRACTION_WORD.match(text) or _ALL_WORDS.match(text)
    if not m:
        return False
    rest = _ARTICLE.sub("", text[m.end() :].strip())
    if re.search(r"\d", rest) or _SCALE_WORD.match(rest):  # "half a million": a number
        return False
    return not rest or _quantity(1.0, _CASELESS.get(rest.lower(), rest)) is None


# a scale word after a fraction in words: "half a million (chips)" is a number (reader 24)
_SCALE_WORD = re.compile(
    r"^(?:thousand|million|billion|trillion|quadrillion|quintillion|sextillion|septillion)\b",
    re.IGNORECASE,
)

# a scale word after a number in a calculation: "6 × 405 billion × 15.6 trillion" (reader 24)
_SCALED_NUMBER = re.compile(
    r"(\d[\d,]*(?:\.\d+)?)\s*(thousand|million|billion|trillion|quadrillion|quintillion|"
    r"sextillion|septillion)\b",
    re.IGNORECASE,
)

# "half a day", "a quarter of an hour": the article between a fraction and its unit
_ARTICLE = re.compile(r"^(?:of\s+)?(?:an?|the)\s+", re.IGNORECASE)


def _fraction_words(text: str) -> str:
    """A fraction in words as a fraction bar: "a tenth" → "1/10", "two thirds of it" → "2/3".

    Examples
    --------
    >>> _fraction_words("a tenth"), _fraction_words("two thirds of it"), _fraction_words("half")
    ('1/10', '2/3', '1/2')
    >>> _fraction_words("nearly all"), _fraction_words("all of them")
    ('9/10', '1/1')
    >>> _fraction_words("the whole site"), _fraction_words("everything"), _fraction_words("none")
    ('1/1', '1/1', '0')
    >>> _fraction_words("half a million chips"), _fraction_words("a quarter of a million")
    ('500000 chips', '250000')
    """
    every = _ALL_WORDS.match(text.strip())
    if every and every[2].lower() == "most":  # more than half, less than all: 3/4 (reader 32)
        return "3/4"
    if every and every[2].lower() == "none":
        return "0" if not every[1] else "1/10"  # "almost none": a tenth, as "nearly all" 9/10
    if every:
        return "9/10" if every[1] else "1/1"
    m = _FRACTION_WORD.match(text)
    if not m:
        return text
    count = (m[1] or "one").lower()
    top = 1 if count in ("a", "an") else _WORD_VALUES[count]
    rest = _ARTICLE.sub("", text[m.end() :].strip())
    scale = _SCALE_WORD.match(rest)
    if scale:  # "half a million chips": a number, 500,000 chips (reader 24)
        value = top / _FRACTION_DENOMINATORS[m[2].lower()] * _SCALE_WORDS[scale[0].lower()]
        return f"{value:.12g} {rest[scale.end() :].strip()}".strip()
    return f"{top}/{_FRACTION_DENOMINATORS[m[2].lower()]} {rest}".strip()


# "one in twenty", "1 out of 20", "one in every nineteen": a share as a fraction (reader 31)
_ONE_IN = re.compile(
    r"^(?P<top>[\w.,]+)\s+(?:in|out\s+of)\s+(?:every\s+)?(?P<den>[\w\s.,-]+?)$", re.IGNORECASE
)


def _one_in(text: str) -> str:
    """A share said as "N in M" as a fraction bar: "one in twenty" → "1/20"; anything else, as
    typed ("5 in 2 days" is no share).

    Examples
    --------
    >>> _one_in("one in twenty"), _one_in("1 out of a hundred"), _one_in("5 in 2 days")
    ('1/20', '1/100', '5 in 2 days')
    """
    m = _ONE_IN.match(text)
    if not m:
        return text
    top = 1.0 if m["top"].lower() in ("a", "an") else _plain(_words_to_number(m["top"]))
    den = _plain(_words_to_number(m["den"]))
    if top is None or not den:
        return text
    return f"{top:g}/{den:g}"


_DIGIT_WORDS = "|".join(_SMALL[:10])
# a decimal said aloud: "one point seven five" (reader 36-12: "point seven five" was left out)
_SAID_DECIMAL = re.compile(
    rf"^(?P<whole>.+?)\s+point(?P<digits>(?:[\s-]+(?:{_DIGIT_WORDS}))+)\b(?P<rest>.*)$",
    re.IGNORECASE,
)


def _words_to_number(text: str) -> str:
    """Small numbers written in words, as digits: "three hundred chips" → "300 chips", "one
    point seven five" → "1.75".

    Examples
    --------
    >>> _words_to_number("one point seven five"), _words_to_number("twenty point five MW")
    ('1.75', '20.5 MW')
    """
    if re.fullmatch(r"\s*(?:twice|double)\s*", text, re.IGNORECASE):
        return "2"  # "twice", as "half" is 0.5 (reader 25)
    said = _SAID_DECIMAL.match(text)
    if said:
        whole = _words_to_number(said["whole"])
        if re.fullmatch(r"\d+", whole):
            digits = "".join(
                str(_WORD_VALUES[d.lower()]) for d in re.split(r"[\s-]+", said["digits"]) if d
            )
            return f"{whole}.{digits} {said['rest'].strip()}".strip()
    m = _NUMBER_WORD.match(text)
    if not m:
        return text
    words = [x for x in re.split(r"[\s-]+", m[1].lower()) if x and x != "and"]
    if not words or all(x in ("a", "an") for x in words):
        return text
    total, part = 0.0, 0.0
    for word in words:
        if word in ("a", "an"):
            part = max(part, 1.0)
        elif word in _WORD_VALUES:
            part += _WORD_VALUES[word]
        elif word == "hundred":
            part = max(part, 1.0) * 100
        else:  # thousand, million, billion
            total += max(part, 1.0) * _SCALE_WORDS[word]
            part = 0.0
    rest = text[m.end() :]
    return f"{total + part:g} {rest}".strip()


def _and_a_half(m: re.Match[str]) -> str:
    """A time and a half as digits: "a week and a half" → "1.5 weeks" (reader 24).

    Examples
    --------
    >>> half = lambda text: _AND_A_HALF.sub(_and_a_half, text)
    >>> half("a week and a half"), half("2 days and a half")
    ('1.5 weeks', '2.5 days')
    """
    count = m[1].lower()
    whole = 1.0 if count in ("a", "an") else _WORD_VALUES.get(count)
    whole = float(count) if whole is None else float(whole)
    return f"{whole + 0.5:g} {m[2].lower()}s"


def _number_and_a_half(m: re.Match[str]) -> str:
    """Any number and a half as digits: "one and a half" → "1.5" (reader 28).

    Examples
    --------
    >>> _NUMBER_AND_A_HALF.sub(_number_and_a_half, "one and a half"), normalise("2 and a half")
    ('1.5', '2.5')
    """
    count = m[1].lower()
    whole = 1.0 if count in ("a", "an") else _WORD_VALUES.get(count)
    return f"{(float(count) if whole is None else whole) + 0.5:g}"


def _ten_to(m: re.Match[str]) -> str:
    """A "× 10^n" as the number's own power of ten ("2.6 × 10^3" → "2.6e3", "3.79 × 10^25 /
    3.956 × 10^19" → "3.79e25/3.956e19"), or, when it ends a calculation with a division, after
    a number not written as a power of ten (below 1 or from 10 up), as a factor taken left to
    right: "300/1.15/910 × 10^6" is (300 / 1.15 / 910) × 10⁶, not 300 / 1.15 / 910e6 (reader 22).

    Examples
    --------
    >>> _TEN_TO.sub(_ten_to, "300/1.15/910 × 10^6"), _TEN_TO.sub(_ten_to, "3.8×10^25/4×10^19")
    ('300/1.15/910*1e6', '3.8e25/4e19')
    """
    before, after = m.string[: m.start()], m.string[m.end() :]
    mantissa = re.search(r"(\d[\d,]*(?:\.\d*)?)$", before)
    scientific = mantissa is not None and 1 <= float(mantissa[1].replace(",", "")) < 10
    last = not re.search(r"[-+*/×÷x·]\s*[\d.(]", after)
    return f"*1e{m[1]}" if "/" in before and last and not scientific else f"e{m[1]}"


# a small fraction before a scale word, at the start: "1/4 million", "3/4 of a million"; not a
# division in a calculation ("2.628 billion / 12.2 thousand")
_FRACTION_OF_SCALE = re.compile(
    r"^(?P<top>\d{1,2})\s*/\s*(?P<den>[1-9]\d?)\s+(?:of\s+an?\s+)?"
    r"(?P<scale>thousand|million|billion|trillion)\b",
    re.IGNORECASE,
)
# digits before "hundred", and a scale word after it: "2 hundred thousand", "3 hundred"
_DIGITS_HUNDRED = re.compile(
    r"(?<![\d.,/])(?P<top>\d[\d,]*(?:\.\d+)?)\s+hundred\b"
    r"(?:\s+(?P<scale>thousand|million|billion|trillion)\b)?",
    re.IGNORECASE,
)


def _scaled(m: re.Match[str]) -> str:
    """A `_FRACTION_OF_SCALE` or `_DIGITS_HUNDRED` match as digits.

    Examples
    --------
    >>> _FRACTION_OF_SCALE.sub(_scaled, "1/4 of a million")
    '250000'
    >>> _DIGITS_HUNDRED.sub(_scaled, "2 hundred thousand people")
    '200000 people'
    """
    value = float(m["top"].replace(",", ""))
    value = value / float(m["den"]) if "den" in m.groupdict() else value * 100
    scale = m["scale"]
    return f"{value * (_SCALE_WORDS[scale.lower()] if scale else 1):.12g}"


# two or more scale words in a row after a number: "billion trillion", "thousand billion billion"
_STACKED_SCALES = re.compile(
    r"(?<=\d)(\s+(?:thousand|million|billion|trillion)\b){2,}(?!\s*\d)", re.IGNORECASE
)


def _one_scale(m: re.Match[str]) -> str:
    """Stacked scale words as the one word of their product, where there is one: " billion
    trillion" → " sextillion"; as typed otherwise.

    >>> _STACKED_SCALES.sub(_one_scale, "7.18 billion trillion FLOP")
    '7.18 sextillion FLOP'
    """
    scale = math.prod(_SCALE_WORDS[w.lower()] for w in m[0].split())
    word = next((w for w, k in _SCALE_WORDS.items() if len(w) > 2 and math.isclose(k, scale)), None)
    return f" {word}" if word else m[0]


def normalise(text: str) -> str:
    """A typed answer rewritten as digits and symbols for the reader's patterns: words, scales,
    fractions, powers of ten and "x" for times as digits; estimates, a name before "=" and a
    sentence's full stop left out.

    Parameters
    ----------
    text : str
        What the student typed.

    Returns
    -------
    str
        The same answer, normalised (not yet read: :func:`read` does that).

    Examples
    --------
    >>> normalise("about three hundred")
    '300'
    >>> normalise("PUE = 1.5 x 10^3.")
    '1.5e3'
    """
    text = text.strip().replace("−", "-").replace("\u2009", " ").replace("\u00a0", " ")
    text = text.replace("\u202f", " ")
    text = _NAMED.sub("", text)
    # "13 % minus 3 %": the word between two numbers is the operator (reader 36)
    text = re.sub(r"(?<=[\d%])\s+minus\s+(?=[\d.])", " - ", text, flags=re.IGNORECASE)
    text = _TRAILING_DOTS.sub("", text)
    text = _SENTENCE_END.sub("", text)
    text = _BOUND_BEFORE_FRACTION.sub("", text)
    every = _ALL_WORDS.match(text)
    text = _fraction_words(text) if every else _APPROX.sub("", text).strip()
    text = _APPROX_AFTER.sub("", text).strip()
    text = _AND_A_HALF.sub(_and_a_half, text)
    text = _NUMBER_AND_A_HALF.sub(_number_and_a_half, text)

    # "7.18 billion trillion", "7 thousand billion billion": stacked scale words are one
    # scale, their product (reader 40-34: "cannot read the unit 'trillion'")
    text = _STACKED_SCALES.sub(_one_scale, text)
    text = _MIXED.sub(_mixed, text)
    # "1/4 million", "2 hundred thousand": a number before scale words is one number, as "a
    # quarter million" and "two hundred thousand" are (reader 38-12)
    text = _FRACTION_OF_SCALE.sub(_scaled, text)
    text = _DIGITS_HUNDRED.sub(_scaled, text)
    # a lone "½" (step 4's half job, reader 30): a fraction bar, as "half" is
    text = re.sub(r"^([½¼¾])(?![\d/])", lambda m: _VULGAR_BAR[m[1]], text)
    text = _ONE_TIME.sub("1 ", text)
    text = _one_in(text)
    text = _fraction_words(text)
    text = _words_to_number(text)
    # "two weeks minus 3 days", "a week plus four days": the word between two quantities, a
    # unit after the first, is the operator too (reader 37-34: only "two weeks" was read)
    text = re.sub(
        r"(?<=\d)(\s*[A-Za-z]+)?\s+(minus|plus)\s+(.+)$", _operator_word, text, flags=re.I
    )
    if re.search(r"[*×·÷/+]|\sx\s", text):  # "6 × 405 billion": each scaled number in digits
        text = _SCALED_NUMBER.sub(
            lambda m: f"{float(m[1].replace(',', '')) * _SCALE_WORDS[m[2].lower()]:.12g}", text
        )
    text = _UNIT_WORDS.sub(lambda m: _PREFIX_WORDS[m[1].lower()] + _unit_symbol(m[2]), text)
    text = _TEN_TO_WORDS.sub(lambda m: ("e" if m["times"] else "10^") + m[2], text)
    text = _TEN_SUPERSCRIPT.sub(lambda m: "10^" + m[1].translate(_SUPERSCRIPT), text)
    text = _TEN_TO.sub(_ten_to, text)
    text = _BARE_TEN.sub(r"1e\1", text)
    # "300 x 8760 / 1000", "300x8760", "300 MW x 8760 h": an x between two factors is a times
    text = _TIMES_SIGN.sub("*", text)
    # "207 829" (a space between thousands) reads as "207,829"
    return re.sub(r"(?<=\d) (?=\d{3}\b)", ",", text)


def _operator_word(m: re.Match[str]) -> str:
    """ "minus" or "plus" after a quantity as its sign, the number after it in digits ("2 weeks
    minus three days" → "2 weeks - 3 days"); the text as it was where no number follows."""
    rest = _words_to_number(m[3])
    if not re.match(r"[\d.]", rest):
        return m[0]
    return f"{m[1] or ''} {'-' if m[2].lower() == 'minus' else '+'} {rest}"


def _plain(number: str) -> float | None:
    """A plain number as typed ("1,500", "1.15"), or None."""
    try:
        return float(number.replace(",", ""))
    except ValueError:
        return None


# an operation between two numbers ("4*20.8", "4 × 20.8 PF"), not a power of ten ("8.3 × 10^1")
# "30 % × 245,264" and "30% of 245,264" are calculations too (reader 33), and so is one whose
# first number carries its unit ("1.3 PF * 64", "300 MW / 1.15"; reader 44: it was read as a
# number typed, and lesson 5's station called the worked 83.2 "the article's figure")
_WORKED = re.compile(
    r"\d\s*(?:%|[a-zµ][a-zµ/]*)?\s*(?:[*×·/÷+]|x(?=\s*\d)|of(?=\s*\d))\s*"
    r"(?!10\s*(?:\^|\*\*|[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]))\d",
    re.IGNORECASE,
)


def worked(answer: object) -> bool:
    """Whether `answer` is a calculation typed out, not a number copied.

    Examples
    --------
    >>> worked("4*20.8"), worked("4 × 20.8 PF"), worked("83.2 PF"), worked("8.32 × 10^1")
    (True, True, False, False)
    >>> worked("1.3 PF * 64"), worked("300 MW / 1.15"), worked("5 days 18 hours")
    (True, True, False)
    """
    return isinstance(answer, str) and bool(_WORKED.search(answer))


# one term of a typed calculation: a number, with its unit if any ("62.2", "37 MW", "8,760 h")
_TERM = r"\d[\d,.]*(?:\s*[A-Za-zµ%]+)?"
_TIMES_OR_BY = r"[*×·/÷]"


def bracketed(answer: object) -> str | None:
    """`answer`, a calculation typed with no brackets and one + or −, with brackets round that
    + or −, where a calculator's order (× and ÷ first) reads it otherwise; None when it is no
    such calculation. The slip the brackets mend is the order, not the method (reader 46-78:
    "62.2 - 37 / 37" reads 61.2, the student meant 68.1 %).

    Examples
    --------
    >>> bracketed("62.2 - 37 / 37"), bracketed("245264 * 1 - 0.7")
    ('(62.2 - 37) / 37', '245264 * (1 - 0.7)')
    >>> bracketed("(62.2 - 37) / 37"), bracketed("62.2 / 37 - 1 + 2"), bracketed("62.2 - 37")
    (None, None, None)
    """
    if not isinstance(answer, str) or re.search(r"[()]", answer):
        return None
    if len(re.findall(r"(?<=[\d\sA-Za-z%])\s*[-−+]\s*(?=\d)", answer)) != 1:
        return None
    one = rf"{_TERM}\s*[-−+]\s*{_TERM}"
    m = re.fullmatch(rf"\s*({one})(\s*{_TIMES_OR_BY}.*?)\s*", answer)
    if m:
        return f"({m[1]}){m[2]}"
    m = re.fullmatch(rf"\s*(.*{_TIMES_OR_BY}\s*)({one})\s*", answer)
    return f"{m[1]}({m[2]})" if m else None


def _calculate(expr: str) -> float | None:
    """The value of a typed calculation of plain numbers, + − × ÷ and parentheses, each number
    read as a dimensionless quantity by `_evaluate` (the one parser of calculations, never
    `eval`); None when `expr` is not one. A division by zero raises ZeroDivisionError.

    Examples
    --------
    >>> _calculate("300*8760/1000")
    2628.0
    >>> _calculate("1 / (1 - 0.4 - 0.03)") == 1 / 0.57
    True
    >>> _calculate("2 +") is None
    True
    """
    expr = re.sub(r"(?<=\d),(?=\d{3}(?!\d))", "", expr)  # 8,760 → 8760
    tokens: list[object] = []
    pos = 0
    while pos < len(expr.rstrip()):
        m = _CALC_TOKEN.match(expr, pos)
        if not m:
            return None
        tokens.append((float(m[1]), "") if m[1] else m[2])
        pos = m.end()
    if len(tokens) > 60:
        return None
    try:
        return float(_evaluate(tokens, _calc_quantity).magnitude)
    except (ValueError, RecursionError):
        return None


def _evaluate(
    tokens: list[object],
    leaf: Callable[[float, str], pint.Quantity | _Factors],
    loose: bool = False,
    said: list[str] | None = None,
) -> pint.Quantity | _Factors:
    """The value of a typed calculation, read by a small recursive-descent parser (never
    `eval`): the one parser of the checker's calculations, of plain numbers and of quantities
    with their units alike, so that "300000000/1.15/910" and "300 MW / 1.15 / 910 W" are read
    by the same grammar::

        total  := term (("+" | "-") term)*
        term   := factor (("*" | "/") factor)*
        factor := number [unit] | "(" total ")" [unit] | ("+" | "-") factor

    Parameters
    ----------
    tokens : list
        The calculation as typed: operators and parentheses as strings, each number with its
        unit as a tuple ``(number, unit)`` (``""`` for a plain number), and a unit after a
        closing parenthesis ("(1/60) h") as a list ``[unit]``.
    leaf : callable
        A number and its unit as a value: a pint quantity (`_calc_quantity`, where a plain
        number is dimensionless) or one factor of a product (`_Factors`).
    loose : bool
        Whether a unit after a number that divides is the divisor's alone: "5 ÷ 60 h" is ÷ 60,
        in h (as a worked step writes a time in hours); each such reading is said in `said`.
    said : list of str, optional
        Where the loose readings are said, in the order they are taken.

    Returns
    -------
    pint.Quantity or _Factors
        The calculation's value.

    Raises
    ------
    ValueError
        When `tokens` is not a calculation: a number missing, a parenthesis left open, tokens
        left over.
    ZeroDivisionError
        When it divides by zero.

    Examples
    --------
    >>> plain = [(300000000.0, ""), "/", (1.15, ""), "/", (910.0, "")]
    >>> f"{_evaluate(plain, _calc_quantity).magnitude:.1f}"
    '286669.9'
    >>> units = [(300.0, "MW"), "/", (1.15, ""), "/", (910.0, "W")]
    >>> f"{_evaluate(units, _calc_quantity).to('dimensionless').magnitude:.1f}"
    '286669.9'
    >>> _evaluate([(2.0, ""), "*", "(", (1.0, ""), "-", (0.25, ""), ")"], _calc_quantity).magnitude
    1.5
    """
    at = 0

    def peek() -> object:
        return tokens[at] if at < len(tokens) else None

    def total() -> pint.Quantity | _Factors:  # total := term (("+" | "-") term)*
        nonlocal at
        x = term()
        while peek() in ("+", "-"):
            op = tokens[at]
            at += 1
            y = term()
            x = x + y if op == "+" else x - y
        return x

    def term() -> pint.Quantity | _Factors:  # term := factor (("*" | "/") factor)*
        nonlocal at
        x = factor()
        while peek() in ("*", "×", "/", "÷"):
            op = tokens[at]
            at += 1
            t = peek()
            if loose and op in ("/", "÷") and isinstance(t, tuple) and t[1] and t[1] != "%":
                at += 1  # "5 ÷ 60 h": ÷ 60, in h
                x = x / t[0] * leaf(1.0, t[1])
                if said is not None:
                    # "5/60 h" said back as the fraction of an hour it is (reader 44-78: "read
                    # ÷ 60 h as ÷ 60, in h" read as a slip)
                    prev = tokens[at - 3] if at >= 3 else None
                    b = fmt.number(t[0])
                    if isinstance(prev, tuple) and not prev[1]:
                        frac = f"{fmt.number(prev[0])}{'/' if op == '/' else f' {op} '}{b}"
                        said.append(f"read {frac} {t[1]} as ({frac}) {t[1]}")
                    else:
                        said.append(f"read ÷ {b} {t[1]} as ÷ {b}, the result in {t[1]}")
                continue
            y = factor()
            x = x * y if op in ("*", "×") else x / y
        return x

    def factor() -> pint.Quantity | _Factors:  # see the grammar above
        nonlocal at
        t = peek()
        at += 1
        if isinstance(t, tuple):
            return leaf(*t)
        if t in ("+", "-"):
            return factor() if t == "+" else -factor()
        if t == "(":
            x = total()
            if peek() != ")":
                raise ValueError("unclosed parenthesis")
            at += 1
            after = peek()
            if isinstance(after, list):  # "(1/60) h"
                at += 1
                x = x * leaf(1.0, after[0])
            return x
        raise ValueError("a number is missing")

    x = total()
    if at != len(tokens):
        raise ValueError("left over")
    return x


def _unit_symbol(word: str) -> str:
    """A unit word after its prefix word, as its symbol ("watt-hours" → "Wh", "bytes" → "B")."""
    word = word.lower()
    if word.startswith("byte"):
        return "B"
    if word.startswith("bit"):
        return "bit"
    if not word.startswith("watt"):
        return word  # "flops", "FLOPs", "flop/s": read in `_physical`, as the prefixed symbol
    return "Wh" if "hour" in word else "W"


def _symbol(word: str) -> str:
    """A unit as typed, as the symbol pint reads: a symbol the lessons use in any case
    (`_CASELESS`: "mw" → "MW", "gib" → "GiB", "GBs" → "GB"); bits and other words unchanged.

    Examples
    --------
    >>> _symbol("gb"), _symbol("TIB"), _symbol("Mw"), _symbol("Gb"), _symbol("kg")
    ('GB', 'TiB', 'MW', 'Gb', 'kg')
    """
    return word if _BITS.fullmatch(word) else _CASELESS.get(word.lower(), word)


def _is_bytes(unit: str) -> bool:
    """Whether `unit` is a unit of memory in bytes ("GiB", "TB"): pint counts bytes as plain
    numbers, so their dimension does not tell them from a ratio."""
    try:
        return "byte" in str(ureg.Unit(unit))
    except Exception:  # pint raises many kinds of error on a name it does not know
        return False


def _superscript(n: int) -> str:
    return str(n).translate(str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹"))


def _bits(word: str, unit: str) -> str:
    """What to say of a unit in bits ("Gb", "Gbit", "gigabits"), or "" when `word` is none:
    memory is counted in bytes, a capital B (reader 23: "Gb is a quantity in Gb").

    Examples
    --------
    >>> _bits("Gb", "GiB")
    'Gb is gigabits; memory is counted in bytes, a capital B: GB (10⁹ bytes) or GiB (2³⁰ bytes).'
    >>> _bits("GB", "GiB")
    ''
    """
    name = f"{word}it" if _BITS.fullmatch(word) else word
    try:
        q = _q(1, name)
    except Exception:  # pint raises many kinds of error on a name it does not know
        return ""
    if "bit" not in str(q.units):
        return ""
    memory = unit not in (SHARE, RATIO) and unit not in COUNT_WORDS and _is_bytes(unit)
    if not memory:
        return f"{word} is {q.units}s, an amount of data; the answer is {_unit_words(unit)}."
    prefix = re.match(r"[kmgtpe]?", word, re.IGNORECASE)[0].lower() or "g"
    power = "kmgtpe".index(prefix) + 1
    decimal, binary = f"{prefix.upper() if prefix != 'k' else 'k'}B", f"{_BINARY_PREFIX[prefix]}B"
    return (
        f"{word} is {q.units}s; memory is counted in bytes, a capital B: {decimal} "
        f"(10{_superscript(3 * power)} bytes) or {binary} (2{_superscript(10 * power)} bytes)."
    )


def _scale(rest: str, unit: str = "") -> tuple[float, str]:
    """A scale word or suffix at the start of what follows the number ("k chips" → 1,000,
    "chips"); a unit's own prefix ("kWh", "MW") is left to pint. Where `unit` is memory, a
    capital "B" is the byte's symbol, not a billion (reader 41: "1.649e12 B" was read as
    1.649e21)."""
    m = re.match(r"^([A-Za-z]+)(?=\s|$)\s*(.*)$", rest)
    if m and m[1] == "B" and not m[2] and _is_bytes(unit):  # "1.5B GB" stays 1.5e9 GB
        return 1.0, rest
    if m and m[1].lower() in _SCALE_WORDS and (len(m[1]) > 1 or m[1] in "kKMGB"):
        return _SCALE_WORDS[m[1].lower()], m[2]
    return 1.0, rest


# a time in two parts, "5 days 18 hours", "2 h 30 min", "1 week and 2 days"
_TWO_PARTS = re.compile(
    r"^(?P<a>\d[\d,]*(?:\.\d+)?)\s*(?P<ua>[A-Za-z]+)\s*(?:,|and|\+)?\s*"
    r"(?P<b>\d[\d,]*(?:\.\d+)?)\s*(?P<ub>[A-Za-z]+)$"
)


def _duration(text: str) -> tuple[float, str] | None:
    """A time written in two parts as one number in the first part's unit ("5 days 18 hours" →
    5.75, "days"); None when `text` is not two times.

    Examples
    --------
    >>> _duration("5 days 18 hours"), _duration("2 h 30 min"), _duration("300 MW 24 h")
    ((5.75, 'days'), (2.5, 'h'), None)
    """
    m = _TWO_PARTS.match(text)
    if not m:
        return None
    try:
        a = _q(float(m["a"].replace(",", "")), m["ua"])
        b = _q(float(m["b"].replace(",", "")), m["ub"])
        if a.dimensionality != _q(1, "s").dimensionality:
            return None
        if b.to(a.units).magnitude >= 1:  # "11.1 days 266 h": no part of one time (reader 43)
            return None
        total = (a + b).to(a.units).magnitude
    except Exception:  # pint: not units, or not both times
        return None
    return float(total), m["ua"]


# two quantities side by side, "11.1 days 11.7 days", "2628 GWh, 2600 GWh", "11 days or 12 days"
_TWO_QUANTITIES = re.compile(
    r"^(?P<a>\d[\d,]*(?:\.\d+)?)\s*(?P<ua>[A-Za-z]+)\s*(?:,|;|and|or)?\s*"
    r"(?P<b>\d[\d,]*(?:\.\d+)?)\s*(?P<ub>[A-Za-z]+)$",
    re.IGNORECASE,
)


def _two_answers(text: str) -> bool:
    """Whether `text` is two quantities of one kind, two answers in one box: the same unit
    twice, or a time whose second part is one whole first unit or more ("3 hours 2 days",
    "11 days 500 h"); one time in two descending parts ("1 week 4 days") is one answer
    (`_duration`).

    Examples
    --------
    >>> _two_answers("11.1 days 11.7 days"), _two_answers("1 week 4 days")
    (True, False)
    >>> _two_answers("2628 GWh, 2600 GWh"), _two_answers("300 MW 24 h")
    (True, False)
    >>> _two_answers("11 days 500 h"), _two_answers("5 days 18 hours")
    (True, False)
    """
    m = _TWO_QUANTITIES.match(text.strip())
    if not m:
        return False
    try:
        a, b = _q(1, m["ua"]), _q(1, m["ub"])
        if a.dimensionality != b.dimensionality:
            return False
        b = b * float(m["b"].replace(",", ""))  # its size, not its unit's (reader 43-34)
        return not is_time(m["ua"]) or b.to(a.units).magnitude >= 1
    except Exception:  # pint: not units ("chips", "people")
        return m["ua"].lower() == m["ub"].lower()


def _said_twice(text: str) -> str | None:
    """The first part of one time said twice in two units ("11.1 days 266 h", "266 h, 11.1
    days": 266 h is 11.08 days), the two within 5 % of each other, as their rounding allows;
    None otherwise. The two are one answer: summed, they read as twice it (reader 43-34).

    Examples
    --------
    >>> _said_twice("11.1 days 266 h"), _said_twice("266 h 11.1 days")
    ('11.1 days', '266 h')
    >>> _said_twice("5 days 18 hours"), _said_twice("11 days 500 h"), _said_twice("3 h 3 h")
    (None, None, None)
    """
    m = _TWO_QUANTITIES.match(text.strip())
    if not m or not (is_time(m["ua"]) and is_time(m["ub"])):
        return None
    a = _q(float(m["a"].replace(",", "")), m["ua"])
    b = _q(float(m["b"].replace(",", "")), m["ub"])
    if a.units == b.units or not math.isclose(a.magnitude, b.to(a.units).magnitude, rel_tol=0.05):
        return None
    return f"{m['a']} {m['ua']}"


_A_RATIO = "a ratio"  # the note on a ratio typed as a percentage, before the ratio's name


def is_time(unit: str) -> bool:
    """Whether `unit` is a pint time unit ("days", "h"), not a share, a count or a power.

    Examples
    --------
    >>> is_time("days"), is_time("min"), is_time("MWh"), is_time("share")
    (True, True, False, False)
    """
    try:
        return _dimensionality(unit) == _dimensionality("s")
    except Exception:  # pint: "share", "chips", …
        return False


def _in_last_unit(text: str) -> str:
    """A time in two parts written as one number in its last part's unit, so that its figures
    are those of a time known to that unit ("7 h 1 min" → "421 min": three figures, where the
    first number alone gave one; reader 32); `text` itself when it is not two times.

    Examples
    --------
    >>> _in_last_unit("7 h 1 min"), _in_last_unit("5 days 18 hours"), _in_last_unit("7 h")
    ('421 min', '138 hours', '7 h')
    """
    m = _TWO_PARTS.match(text)
    if not m or _duration(text) is None:
        return text
    places = len(m["b"].partition(".")[2])
    a = _q(float(m["a"].replace(",", "")), m["ua"]).to(m["ub"]).magnitude
    total = a + float(m["b"].replace(",", ""))
    return f"{total:.{places}f} {m['ub']}"


def _tagged(part: str, unit: str) -> bool:
    """Whether `part` is one number ending in `unit`, its name in any case ("245,000
    households" for households; not "616,000 people", not "2,628 GWh" for MWh).

    Examples
    --------
    >>> _tagged("245,000 households", "households"), _tagged("616,000 people", "households")
    (True, False)
    """
    return bool(
        re.fullmatch(r"[~≈]?\s*(?:about\s+)?[\d.,]+\s*" + re.escape(unit), part.strip(), re.I)
    )


# a part of one unit: "1/29 of a year", "0.4 of a month" (`read`)
_PART_OF_A = re.compile(
    r"(?P<num>\d+\s*/\s*\d+|\d*\.\d+)\s+of\s+an?\s+(?P<unit>[a-z]+)", re.IGNORECASE
)


def read(
    answer: object, unit: str, negative: bool = False, above: bool = False, subject: str = ""
) -> Reading:
    """Read a student's answer into a number in `unit` (a pint unit, ``"share"``, ``"1"`` or a
    count such as ``"people"``); never raises.

    Estimates ("about 2628", "~2628", "≈ 2628"), small numbers in words ("three hundred"),
    fractions ("7/4"), scales ("2.6k", "300k chips", "2.6 billion kWh") and units in words
    ("83 petaflops") are read; a bare number above 1 and up to 100 for a share reads as a
    percentage, and a bare 1 as the whole (100 %), said back.

    Parameters
    ----------
    answer : str or float
        What the student typed.
    unit : str
        The exercise's unit.
    negative : bool
        Whether a negative answer can make sense.
    above : bool
        Whether the question asks how far a value lies above a reference, so that "79 % more"
        (or "% above", "% higher") is the answer; otherwise such a percentage is refused, as a
        share of the whole is asked.
    subject : str
        What the exercise's number is called ("cooling"): where an answer gives two labelled
        numbers ("IT 87%, cooling 10%"), the one so labelled is read (`_labelled`).

    Examples
    --------
    >>> read("79 % more", "share", above=True).value
    0.79
    >>> read("2,628,000 MWh", "GWh").value
    2628.0
    >>> read("about 2.6 billion kWh", "GWh").value
    2600.0
    >>> read("300k chips", "chips").value
    300000.0
    >>> r = read("90", "share"); r.value, r.echo
    (0.9, 'read as 90 %')
    >>> read("-5", "GWh").message
    'this answer cannot be negative.'
    """
    if isinstance(answer, str):
        if unit == SHARE and re.fullmatch(r"\s*(?:twice|double)\s*", answer, re.IGNORECASE):
            # "twice" is a ratio (2, reader 25), never a share: read as 2 % it spent a
            # goodput prediction (reader 31)
            return Reading(
                None,
                f"“{answer.strip()}” is a ratio, not a share: {example(SHARE)}.",
            )
        if re.fullmatch(
            r"\s*(?:up\s+to|at\s+most|less\s+than|under|about)\s+(?:twice|double)"
            r"(?:\s+as\s+much)?\s*",
            answer,
            re.IGNORECASE,
        ):
            # "up to twice": a hook's category, a bound and no number (reader 48-78: it heard
            # "I cannot find a number … such as 4.5 kWh")
            return Reading(
                None,
                f"“{answer.strip()}” is a category, like the hook's, not an answer: work out "
                "the number itself and give it.",
            )
        split = _SPLIT.fullmatch(answer)
        if unit == SHARE and split and float(split[1]) + float(split[2]) == 100:
            # "50/50" is half and half, not 50 ÷ 50 = 100 % (reader 42: a committed guess of
            # "50/50" was told "Not so"); "60/40" names two shares, not which one is meant
            return Reading(
                None,
                f"“{answer.strip()}” reads as a split of 100 % into two parts: type the one share "
                f"you mean as a percentage, such as {split[1]} %.",
            )
        if _BOUND_AFTER.search(answer):  # "4.5 (below it)": a bound, as "less than 4.5" is
            return Reading(None, _NOT_A_BOUND, bound=True)
        listed = _labelled(answer, unit, subject)
        if listed is not None:
            return listed
    r = _read(answer, unit, negative, above)
    if subject and (r.note or "").startswith(_A_RATIO):  # "a COP is a plain number" where the
        # ratio has a name; "a ratio" where it has none (lesson 3's per-MW ratio; reader 43-34)
        r = replace(r, note=f"a {subject}{r.note[len(_A_RATIO) :]}")
    bound = _BOUND_BEFORE_FRACTION.match(answer.strip()) if isinstance(answer, str) else None
    if r.value is not None and bound and not r.echo:
        # reader 35: "less than half" was echoed as a bare "50 %", which the student did not
        # write; the bound is said to be left out
        rest = answer.strip()[bound.end() :].strip()
        return replace(r, echo=f"read as {rest}, without “{bound[0].strip()}”")
    if isinstance(answer, str):
        percent = _percent_calc(answer, unit, negative, above, r)
        if percent is not None:
            return percent
    if r.value is not None or not isinstance(answer, str):
        return r
    # a calculation with its words as digits and symbols, before a remark is looked for:
    # "two weeks minus 3 days" (reader 37-34: only "two weeks" was read; "two weeks - 3 days"
    # was read as a remark beside 3 days)
    digits = normalise(answer)
    if (
        r.message.startswith(("I cannot read", "give one number"))
        and digits != answer.strip()
        and re.search(r"\d.*[-+*/×÷]\s*\d", digits)
    ):
        calc = _unit_calc(digits, unit, negative, above)
        if calc is not None and calc.value is not None:
            return calc
    remark = _remark(answer)
    if remark is not None:  # "33%, inside at the low end": the number, its verdict on paper
        said = _read(remark, unit, negative, above)
        if said.value is not None:
            return said
    label = _LABEL_COLON.match(answer)
    if label:  # the number after its label: "2x dense: 41.6" (reader 33)
        said = read(answer[label.end() :], unit, negative, above)
        if said.value is not None:
            return said
    bare = _BARE_PREFIX.match(answer)
    stem = unit[1:] if unit[:1] in "kMGTPEZY" and unit[1:] in PREFIXABLE else unit
    if bare and stem in PREFIXABLE:  # "7.2 zetta": the prefix said, the unit left off
        said = f"{bare['num'].strip()} {_PREFIX_WORDS[bare['prefix'].lower()]}{stem}"
        prefixed = _read(said, unit, negative, above)
        if prefixed.value is not None:
            return replace(prefixed, echo=prefixed.echo or f"read as {said}")
    grouped = _POINT_GROUPED.search(answer)
    if grouped:  # "2.628.000 MWh": thousands grouped with points, as in much of Europe
        whole = int(grouped[0].replace(".", ""))
        return Reading(
            None,
            f"if the points separate thousands, write {whole:,} or {whole} (a point is read "
            "as a decimal point).",
        )
    of = _PERCENT_OF.match(answer.strip())
    if of:  # "70% of 245,000": the percentage times the number (reader 24)
        product = _read(f"{of['pct']}/100*{of['num']} {of['rest']}".strip(), unit, negative, above)
        if product.value is not None:
            return product
    frac = _FRACTION_OF.match(answer.strip())
    if frac:  # "1/10 of 300": the fraction times the number, as "10% of 300" (reader 47-12)
        said = f"{frac['num']}/{frac['den']}*{frac['of']} {frac['rest']}".strip()
        product = _read(said, unit, negative, above)
        if product.value is not None:
            return product
    part = _PART_OF_A.match(answer.strip())
    if part:  # "1/29 of a year": that part of one unit (reader 38: "the unit 'of'")
        said = f"{part['num']} {part['unit']}"
        product = _read(said, unit, negative, above)
        if product.value is not None:
            return replace(product, echo=product.echo or f"read as {said}")
    # a worked step typed back ("254 MW × 5 ÷ 60 h", "(62.2 MW − 37 MW) ÷ 37 MW"), refused by
    # the readers above as unreadable, not for what it says ("a third": no share here) (reader 24)
    # (a range is said to be one, not taken for a subtraction: "85-90%" read as 85 − 0.9, reader 28)
    # "245,264 × 30 %": the % after the working's last number, refused as a percentage for a
    # count, is a hundredth in the calculation, as "30 % × 245,264" is (reader 33)
    unread = (
        r.message.startswith(("I cannot read", "give one number", "a percentage does not fit"))
        and r.message != _NOT_A_RANGE
    )
    if unread and re.search(r"\d.*(?:[-+*/×÷−]|\s[xX]\s*\d)", answer):
        calc = _unit_calc(answer, unit, negative, above)
        if calc is not None:
            return calc
    # an answer with its working on the same line: "2,628 GWh because 300 × 8,760 = …" is the
    # number before the working, "300 × 8760 / 1000 = 2628 GWh" the result after the last "="
    said = list(_RESULT.finditer(answer))
    for part in (_WORKING.split(answer)[0], answer[said[-1].end() :] if said else ""):
        if part.strip() and part.strip() != answer.strip():
            worked = _read(part, unit, negative, above)
            if worked.value is not None:
                return replace(worked, said=worked.said or part.strip())
    if said:
        # "245,000 households = 616,000 people": the result after the "=" is in another unit
        # than the one asked, a step further; the number before it, tagged with the unit asked,
        # is the answer (reader 48-12: told "that counts the people" for a right working)
        first, last = answer[: said[0].start()].strip(), answer[said[-1].end() :].strip()
        if _tagged(first, unit) and not _tagged(last, unit):
            own = _read(first, unit, negative, above)
            if own.value is not None:
                return replace(own, said=first, echo=own.echo or f"read as {first}")
    # words before the number ("it shrinks by 73,579 households"): the number and what follows
    lead = _LEADING_WORDS.match(answer)
    # "a third, about 80,000 households": a comma after a word is the sentence's, not a decimal
    # comma; the number after the words is read (reader 27)
    comma = answer.find(",")
    sentence = _is_decimal_comma(r.message) and comma > 0 and not answer[comma - 1].isdigit()
    if (r.message.startswith("I cannot find a number") or sentence) and lead:
        worked = read(answer[lead.end() :], unit, negative, above)
        if worked.value is not None:
            worked = replace(worked, said=worked.said or answer[lead.end() :].strip())
        # "from 90 to 150 MW", "between 90 and 150 MW": a range in words, said as one (reader
        # 25); "it shrinks by 30 %": a number found, refused as it is alone (reader 27)
        found = not worked.message.startswith("I cannot find a number")
        if worked.value is not None or found or _RANGE_WORDS.fullmatch(lead[0].strip()):
            return worked
    return r


# two whole numbers over each other, with nothing else: "50/50", "60 / 40"
_SPLIT = re.compile(r"\s*(\d{1,2})\s*/\s*(\d{1,2})\s*")
_NOT_A_BOUND = "type one number, your best estimate, not a bound such as 'less than 5'."
# a bound said after its number: "4.5 or less", "4.5 (or below)" (reader 36-12: "less than
# 4.5" was refused as a bound, these were not). Not "1.5 (below it)": "it" may be a yardstick,
# the number and a verdict, as "1.5 (below 4.5)" is
_BOUND_AFTER = re.compile(
    r"\d\s*[A-Za-z/%]*\s*\(?\s*or\s+(?:below|under|less|lower|above|over|more|higher)"
    r"\s*\)?\s*[.!]?\s*$",
    re.IGNORECASE,
)


# a % sign on a number inside a calculation, not after the whole: "13 % − 3 %", "1 ÷ 57 %"
_PERCENT_INSIDE = re.compile(r"%\s*[-+*/×÷(]|[/÷]\s*\(?\s*[\d.,]+\s*%")


def _percent_calc(
    answer: str, unit: str, negative: bool, above: bool, r: Reading
) -> Reading | None:
    """A share or ratio worked with % signs inside ("13 % − 3 %", "1 − 1/1.15 − 3 %", "1 ÷ 57 %"),
    each "N %" read as N hundredths (`_unit_calc`), where `r`, the reading of the % as the whole
    calculation's, refused it as a range or as negative, or where a % stands inside; None
    otherwise, or where the calculation runs upwards (a range: "85%-90%", "85-90%").

    Reader 36: "13 % - 3 %" was told "not a range (the middle of it)", "1 − 1/1.15 − 3 %"
    "cannot be negative", "1 ÷ 57%" read as 0.0175 %.

    Examples
    --------
    >>> refused = Reading(None, _NOT_A_RANGE)
    >>> f"{_percent_calc('13 % - 3 %', 'share', False, False, refused).value:.2f}"
    '0.10'
    >>> _percent_calc('85-90%', 'share', False, False, Reading(None, _NOT_A_RANGE)) is None
    True
    """
    if unit not in (SHARE, RATIO) or "%" not in answer:
        return None
    refused = r.value is None and r.message in (_NOT_A_RANGE, "this answer cannot be negative.")
    if not (refused or _PERCENT_INSIDE.search(normalise(answer))):
        return None
    calc = _unit_calc(answer, unit, negative, above)
    if calc is None or calc.value is None:
        return None
    if unit == SHARE and calc.typed is not None:  # "85-90%": 85 − 0.9 = 84.1, a range typed
        return None
    if unit == SHARE:  # said back as the student wrote it, a percentage ("read as 10 %")
        return replace(calc, echo=f"read as {fmt.percent(calc.value)}")
    return calc


# where an answer's parts meet: a comma or semicolon that is no thousands comma ("87%, 10%",
# "1.5, below"; not "2,628"), or a dash with spaces ("33% - inside"; not the range "30-50")
_PART = re.compile(r"\s*(?:(?<!\d),|,(?=\s)|;|\s[-–—]\s)\s*")
# where a list's items meet: "IT 87%, cooling 10%", "87% IT and 10% cooling", "IT: 87%; …"
_LIST = re.compile(r"\s+and\s+|\s*(?:(?<!\d),|,(?=\s)|;)\s*", re.IGNORECASE)
# a number with its label before or after it: "IT 87%", "cooling: 0.10", "10% cooling", "87%"
_LABELLED = re.compile(
    r"^(?:(?P<pre>[^\W\d]+(?:\s+[^\W\d]+)?)\s*[:=]?\s*)?"
    r"(?P<num>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)\s*(?P<pct>%|percent|per\s+cent)?"
    r"\s*(?P<post>[^\W\d]+(?:\s+[^\W\d]+)?)?$",
    re.IGNORECASE,
)
# words that make a part a comparison or a verdict, not a second figure's label: "1.5, below
# 2.8 and 4.5" is one number and its comparison
_VERDICT = re.compile(
    r"\b(?:below|above|under|over|than|less|more|inside|outside|within|between|from|to|both|"
    r"so|is|gives|giving|makes|because|since|yes|no|not|end|times|days?|hours?|h|minutes?)\b",
    re.IGNORECASE,
)


def _labelled(answer: str, unit: str, subject: str) -> Reading | None:
    """Two or more numbers, each a figure with its own label or none ("IT 87%, cooling 10%",
    "87% IT and 10% cooling", "87%, 10%"): the one labelled with `subject` is read; otherwise
    one number is asked for, never a part of the answer to leave out (reader 28). None when
    `answer` is not such a list.

    Examples
    --------
    >>> _labelled("IT 87%, cooling 10%", "share", "cooling").value
    0.1
    >>> _labelled("1.5, below 2.8 and 4.5", "1", "") is None
    True
    """
    # no dash: "150 MW - 90 MW" is a subtraction
    parts = [p for p in _LIST.split(answer.strip()) if p.strip()]
    found = [_LABELLED.match(_APPROX.sub("", p.strip())) for p in parts]
    if len(parts) < 2 or not all(found):
        return None
    names = [" ".join(filter(None, (m["pre"], m["post"]))) for m in found if m]
    if any(_VERDICT.search(n) for n in names):
        return None
    word = subject.split()[0].lower() if subject else ""
    named = [m for m, n in zip(found, names, strict=True) if m and word and word in n.lower()]
    if len(named) == 1:
        m = named[0]
        num = f"{m['num']}{'%' if m['pct'] else ''}"
        return replace(_read(num, unit), said=num)
    # where a quantity is asked (not a share), a percentage beside the one part that is none
    # compares that part with something ("73.3 MW, 24% of Mississippi"): that part is the
    # answer, said back (reader 40: refused, while "…; Mississippi is 300 MW" was read)
    own = [p.strip() for p, m in zip(parts, found, strict=True) if m and not m["pct"]]
    if unit != SHARE and len(own) == 1:
        said = _read(own[0], unit)
        if said.value is not None:
            return replace(said, echo=said.echo or f"read as {own[0]}", said=own[0])
    what = f"the {subject}" if subject else "one number, your own answer"
    return Reading(
        None,
        f"you gave {len(parts)} numbers; type only {what}: {_unit_words(unit)}. "
        "Keep the others on paper.",
    )


def _remark(answer: str) -> str | None:
    """The part of `answer` that holds its number, where the other parts are words said beside
    it: a verdict after it ("33%, inside at the low end", "1.5, below 2.8 and 4.5", "33% -
    inside, low end") or a way before it ("above, 300.5"), which the exercise reads first
    (reader 28); None when the answer has no such parts.

    Examples
    --------
    >>> _remark("33%, inside at the low end"), _remark("1.5, below 2.8 and 4.5")
    ('33%', '1.5')
    >>> _remark("above, 300.5"), _remark("2,628 GWh") is None
    ('300.5', True)
    """
    parts = _PART.split(answer.strip())
    if len(parts) < 2:
        return None
    first = next((i for i, p in enumerate(parts) if re.search(r"\d", p)), None)
    # a later part with a number is a second figure, unless it compares ("83.1 PF, 0.1 below
    # the article": reader 33)
    if first is None or any(
        re.match(r"\s*[-+.\d]", p) and not _COMPARED.search(p) for p in parts[first + 1 :]
    ):
        return None
    return parts[first].strip()


# the words that make a part with a number a comparison said beside the answer (reader 33)
_COMPARED = re.compile(r"\b(?:below|above|under|over|than|less|more)\b", re.IGNORECASE)
# a label with a colon before the answer's number: "2x dense: 41.6", "sparse: 41 PFLOP/s"
# (reader 33); a time "2:30" has no letter before its colon
_LABEL_COLON = re.compile(r"^[^:]*[^\W\d_][^:]*:\s*(?=[-+.\d])")


# the reply to "2,6": a comma the reader cannot take for a thousands comma; its examples are
# no exercise's answer (reader 50-12: "(2.6) … (2,628)" handed a wrong "2,5 TWh" lesson 1's
# first answer), and `decimal_comma` says the student's own number back first
_DECIMAL_COMMA = "write decimals with a point (3.7) and commas only between thousands (1,500)."


def _is_decimal_comma(message: str) -> bool:
    """Whether `message` is `decimal_comma`'s reply."""
    return message == _DECIMAL_COMMA or (
        message.startswith("you typed ") and message.endswith("as in 1,500).")
    )


def decimal_comma(whole: str, rest: str) -> str:
    """The reply to a number with a decimal comma: the student's own number with a point, when
    digits follow the comma, and the rule.

    Examples
    --------
    >>> decimal_comma("2", ",5 TWh")
    'you typed 2,5: write 2.5 (decimals with a point; commas only between thousands, as in 1,500).'
    >>> decimal_comma("2", ", 5") == _DECIMAL_COMMA
    True

    Points between thousands before the comma ("2.628,5", as some countries write it) are
    dropped, not kept as a second point (reader 51-12: "write 2.628.5" is no number):

    >>> decimal_comma("2.628", ",5 GWh")[:43]
    'you typed 2.628,5: write 2628.5 or 2,628.5 '
    """
    digits = re.match(r",(\d+)", rest)
    if not digits:
        return _DECIMAL_COMMA
    mended = f"{whole}.{digits[1]}"
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", whole):
        plain = whole.replace(".", "")
        mended = f"{plain}.{digits[1]} or {int(plain):,}.{digits[1]}"
    return (
        f"you typed {whole},{digits[1]}: write {mended} (decimals with a point; "
        "commas only between thousands, as in 1,500)."
    )


# the words that open a range: "from 90 to 150 MW", "between 90 and 150 MW"
_RANGE_WORDS = re.compile(r"(?:it\s+(?:goes|runs)\s+)?(?:from|between)", re.IGNORECASE)


# "70% of 245,000 households": a percentage of a number, read as their product
_PERCENT_OF = re.compile(
    r"^(?P<pct>\d+(?:\.\d*)?)\s*(?:%|percent|per\s+cent)\s+of\s+(?P<num>\d[\d,]*(?:\.\d*)?)"
    r"(?P<rest>\s*[^\d]*)$",
    re.IGNORECASE,
)

# "1/10 of 300 MW": a fraction of a number, read as their product
_FRACTION_OF = re.compile(
    r"^(?P<num>\d+(?:\.\d*)?)\s*/\s*(?P<den>\d+(?:\.\d*)?)\s+of\s+(?P<of>\d[\d,]*(?:\.\d*)?)"
    r"(?P<rest>\s*[^\d]*)$",
    re.IGNORECASE,
)

# a share named after its number ("0.11 share", "0.11 as a fraction"): the number is the share
# "0.329 of the site", "a share of the site's power": the share's own whole, said (reader 38-12)
_SHARE_WORD = re.compile(
    r"(?:(?:as\s+)?(?:an?\s+)?(?:share|fraction)(?:\s+|$))?"
    r"(?:of\s+(?:the\s+)?(?:site(?:'s)?(?:\s+power)?|whole|total))?",
    re.IGNORECASE,
)

# words with no digit before an answer's first digit (a number in words reads on its own)
_LEADING_WORDS = re.compile(r"[^\W\d]+(?:[\s,:'-]+[^\W\d]+)*\s+(?=[-−~≈]?\d)")

# where a student's result follows the working: "90 MW and 150 MW, so 60" (reader 23), "300 ×
# 8760 / 1000 = 2628 GWh": the answer is what follows the last of these
# "90 to 150 MW is 60 MW": an "is" right before a number is one too (reader 38)
_RESULT = re.compile(
    # an arrow is an "=" too: "750 MW -> 625,714" (reader 48-78)
    r"=>|->|→|⇒|=|\b(?:so|giving|gives|which\s+is|that\s+is|that[’']s|makes)\b"
    r"|\bis\b(?=\s*(?:about\s+|around\s+|[~≈]\s*)?\d)",
    re.I,
)

# where a student's working starts after the answer: "because", "since", "(", ";", " from "
# and a comma before a calculation: "about 7 h, 42.8 / 6.1" (reader 45-78)
_WORKING = re.compile(
    r"\s*(?:\(|;|\bbecause\b|\bsince\b|\bfrom\b|\bas\b|\bby\b|,\s+(?=.*(?:[*/×÷]|\s[xX])\s*\(?\s*\d))",
    re.IGNORECASE,
)


def _time_times_number(text: str, calc: re.Match, x: float, unit: str) -> str:
    """For an energy asked, a product of two bare numbers labelled with hours alone ("300 × 8760
    h"): what to say, that the other number's unit is left out; "" otherwise. Reader 37-12: "h
    is a time" told a student who had multiplied power by time that the working was wrong.

    Examples
    --------
    >>> t = "300 × 8760 h"
    >>> _time_times_number(t, _CALC.match(t), 2628000.0, "GWh")[:40]
    'read as 2,628,000 h, a time: write the 3'
    """
    parts = [p.strip() for p in re.split(r"[*×]", calc["expr"].strip())]
    if len(parts) != 2 or not all(_plain(p) is not None for p in parts):
        return ""
    # the unit stood after the last number, unless it stood inside ("8760 h × 300")
    time, other = (parts[0], parts[1]) if _UNIT_INSIDE.match(text) else (parts[1], parts[0])
    return _power_left_out(_plain(time), _plain(other), (calc["rest"] or "").strip(), unit)


def _power_left_out(time: float, other: float, rest: str, unit: str) -> str:
    """`time` [`rest`, hours] × a bare `other` where an energy in `unit` is asked: the other
    number's unit (a power) is left out, said with the student's numbers; "" where `rest` is
    no hour or `unit` no energy (MW × days is no MWh: "days is a time" and a days trap say it)."""
    try:
        energy = _q(1, unit).dimensionality == _q(1, "J").dimensionality
        hours = is_time(rest) and _q(1, _symbol(rest)).to("hour").magnitude == 1
    except Exception:  # pint raises many kinds of error on a name it does not know
        return ""
    if not (energy and hours):
        return ""
    t, o = fmt.number(time), fmt.number(other)
    return (
        f"read as {fmt.number(time * other)} {rest}, a time: write the {o}'s unit too ({o} MW "
        f"× {t} {rest} gives MWh), or give the energy in {unit}."
    )


def _read(answer: object, unit: str, negative: bool = False, above: bool = False) -> Reading:
    """`read` of one answer, with no working beside it."""
    if isinstance(answer, bool) or answer is None:
        return Reading(None, "type a number.")
    if isinstance(answer, numbers.Real):
        return _finish(float(answer), unit, negative, bare=True)
    if not isinstance(answer, str):
        return Reading(None, "type a number.")
    if _share_in_words(answer, unit):
        return Reading(
            None,
            f"a share does not fit here (a third of what?); give {_unit_words(unit)}, worked "
            "out from the figures.",
        )
    text = normalise(answer)
    if not text:
        return Reading(None, "type a number first.")
    spaced = _TEN_SPACED.match(text)
    if spaced:  # "3.79 x 10 25": a power of ten, its "^" left out
        x, ten = spaced.groups()
        return Reading(
            None,
            f"write the power of ten as {x}e{ten} or {x} × 10^{ten}: “10 {ten}” reads as two "
            "numbers.",
        )
    if _BOUND.match(text):
        return Reading(None, _NOT_A_BOUND, bound=True)
    verdict = _YES_NO.match(text)
    if verdict and _BOUND.match(text[verdict.end() :]):
        return Reading(
            None, f"keep the yes or no for the discussion; here {_NOT_A_BOUND}", bound=True
        )
    if unit == RATIO:
        text = _TIMES_AFTER.sub("", _TIMES_BEFORE.sub("", text))
        named = _RATIO_BEFORE.match(text)  # "PUE 1.75": the ratio's name before its number
        if named and _ratio_name(named[1]):
            text = text[named.end() :]
    if _QUANTITY_CALC.match(text) or _QUANTITY_GROUPED.match(text):
        return _product_calc(text, unit, negative, above)
    inside = _UNIT_INSIDE.match(text)
    if inside:
        text = f"{inside['pre']} {inside['post'].strip()} {inside['unit']}"
    calc = _CALC.match(text)
    span = calc and re.fullmatch(r"\s*([\d.,]+)\s*-\s*([\d.,]+)\s*", calc["expr"])
    # "1.15-1" runs downwards: a subtraction (PUE − 1), not a range, which runs low to high
    if span and _plain(span[1]) is not None and not _plain(span[1]) > (_plain(span[2]) or 0):
        return Reading(None, _NOT_A_RANGE)
    # a calculation: an operator other than one fraction bar, or a bar beside a power of ten
    # ("261e6/910": not the fraction 261/910 times 10⁶)
    if calc and (
        re.search(r"[*×÷()+]|\d\s*-|/.*/", _EXPONENT.sub("", calc["expr"]))
        or ("/" in calc["expr"] and _EXPONENT.search(calc["expr"]))
    ):
        try:
            x = _calculate(calc["expr"])
        except ZeroDivisionError:
            return Reading(None, f"that calculation divides by zero; {EXAMPLE}.")
        if x is None:
            return Reading(None, _UNREAD_CALC)
        if calc["rest"] and "=" in calc["rest"]:
            # "300 × 8,760 h = 2,628,000 MWh": the result after the "=" is the answer; the
            # working's unit is not the result's (reader 37-12: "read as 2,628,000 h = 2,628,000
            # MWh" equated hours with MWh)
            after = calc["rest"].rsplit("=", 1)[1].strip()
            res = read(after, unit, negative, above)
            if res.value is not None:
                said = re.match(r"[\d.,\s]+(.*)$", after)
                echo = res.echo
                if not echo and said and said[1].strip() not in ("", unit):
                    echo = f"read as {after} = {fmt.number(res.value, 3)} {unit}"
                return Reading(
                    res.value, res.message, res.bare, echo, res.typed, res.note, said=after
                )
        r = read(f"{x:.12g} {calc['rest'] or ''}".strip(), unit, negative, above)
        if r.value is None and (told := _time_times_number(text, calc, x, unit)):
            return Reading(None, told)
        power = _per_hour(calc["rest"] or "") if _divides_by_hours(calc["expr"]) else ""
        if r.value is None and power:
            # "250000*12200/8760 kWh": an energy divided by hours, labelled with the energy's
            # unit; the calculation is a power, read so with a note (reader 32: "kWh is an
            # energy" on every attempt repeated the rule the student had just followed)
            as_power = _over_hours(x, (calc["rest"] or "").strip(), power, unit, negative, above)
            if as_power is not None:
                return as_power
        if (
            r.value is None
            and calc["rest"]
            and re.search(r"[/÷]\s*[\d.,]+(?:[eE][-+]?\d+)?\s*$", calc["expr"])
        ):
            # "300/1.15/910 W": the unit may be the divisor's alone, where the result's is not
            # the kind asked (reader 25); `_unit_calc` reads it so, and says how
            alt = _unit_calc(text, unit, negative, above)
            if alt is not None and alt.value is not None:
                return alt
        echo = r.echo or f"read as {fmt.number(x)} {calc['rest'] or ''}".strip()
        if not r.echo and r.value is not None and calc["rest"] and abs(x) >= _LONG:
            if not math.isclose(r.value, x, rel_tol=1e-9):  # converted into the unit asked
                # reader 31: "read as 76,483,289 TFLOP/s" for 76.5 EFLOP/s was hard to read
                echo = f"read as {fmt.number(x)} {calc['rest']} = {fmt.number(r.value, 3)} {unit}"
        shown = echo if r.value is not None else ""
        return Reading(r.value, r.message, r.bare, shown, r.typed, r.note)
    once = _said_twice(text)
    if once is not None:  # "11.1 days 266 h": one time said twice, read once (reader 43-34)
        return read(once, unit, negative, above)
    if _two_answers(text):  # "11.1 days 11.7 days": two answers, not one time (reader 37-34)
        return Reading(None, _one_number(_unit_words(unit)))
    both = _duration(text)
    if both is not None:  # "5 days 18 hours": one time in the first part's unit
        total, first = both
        r = read(f"{total:.12g} {first}", unit, negative, above)
        # said back in the question's unit where it is a time: "1 week and 4 days" is 11 days,
        # not "1.571 week" (reader 33)
        said = f"{fmt.number(total, 4)} {first}"
        if r.value is not None and is_time(unit):
            said = f"{fmt.number(r.value, 4)} {unit}"
        echo = f"read as {said}" if r.value is not None else ""
        return Reading(r.value, r.message, r.bare, echo, r.typed)
    m = _NUMBER.match(text)
    if not m and _BETWEEN.match(text):  # "between 240k and 250k": a range (reader 25)
        return Reading(None, _one_number(_unit_words(unit)))
    if not m and _SIZE_WORDS.match(text):  # "hundreds of thousands" (reader 30)
        return Reading(
            None,
            f"“{answer.strip()}” is a size in words, not one number: work it out and give it "
            "in digits (such as 1,500 or 2.6k).",
        )
    if not m:
        shown = answer.strip() if len(answer.strip()) <= 40 else answer.strip()[:40] + "…"
        # a ratio's example is a ratio, not "4.5 kWh" (reader 44-34); a power's is in MW
        return Reading(None, f"I cannot find a number in {shown!r}; {example(unit)}.")
    number = m["num"].replace(",", "")
    exp = (m["exp"] or "").strip()
    if exp:
        exp = "e" + re.sub(r"^[x×]\s*10\s*\^\s*", "", exp).lstrip("eE")
    try:
        x = float(m["sign"] + number + exp)
        if m["den"] is not None:
            den = float(m["den"].replace(",", ""))
            x = float(m["sign"] + number) / den * float("1" + exp if exp else 1)
    except (ValueError, ZeroDivisionError):
        return Reading(None, f"that fraction divides by zero; {EXAMPLE}.")
    rest = m["rest"]
    if rest.startswith(","):
        return Reading(None, decimal_comma(m["num"], rest))
    # "3050000/8760 MWh": a fraction over the hours, labelled with the energy's unit
    if m["den"] is not None and not exp and _divides_by_hours("/" + m["den"]):
        as_power = _over_hours(x, rest.strip(), _per_hour(rest), unit, negative, above)
        if as_power is not None:
            return as_power
    if re.search(r"[*/×÷+^]\s*[\d.(]|\d\s*[*/×÷+^]", rest):
        return Reading(None, _UNREAD_CALC)
    k, rest = _scale(rest, unit)
    x *= k
    if rest and _only_label(rest):  # "83.1 sparse": a bare number with its label (reader 17)
        rest = ""
    # "0.10 share" (or "0.11 as a share") where a share is asked, "1.75:1" where a ratio is:
    # the answer's own form
    if (unit == SHARE and _SHARE_WORD.fullmatch(rest)) or (
        unit == RATIO and _TO_ONE.fullmatch(rest)
    ):
        rest = ""
    if not rest:
        if unit == SHARE and m["den"] is None and 1 < x <= 100 and k == 1:
            r = _finish(x / 100, unit, negative, bare=False, echo=f"read as {fmt.number(x)} %")
            return Reading(r.value, r.message, r.bare, r.echo, typed=x)
        if unit == SHARE and m["den"] is None and x == 1 and k == 1:
            # the one bare number both ways: the whole, said back so that a prediction of
            # "1" is not committed unread (reader 41-34: the guide's "1 to 100" made it 1 %)
            return _finish(x, unit, negative, bare=True, echo=_BARE_ONE)
        if unit == SHARE and not above and x > 100:  # "110": neither a share nor a percentage
            return Reading(None, OVER_WHOLE)
        return _finish(x, unit, negative, bare=True)
    if unit == SHARE and above and (m["den"] is not None or x <= 1) and _MORE.match(rest):
        # "two thirds more", "0.68 more": a share said as the excess, as "68 % more" is (reader
        # 31); "68 more" is left out, not read: 68 what?
        return _finish(x, unit, negative, bare=False)
    if _ABOVE.match(rest) and unit in (SHARE, RATIO):
        if above:
            return _finish(x / 100, unit, negative, bare=False)
        return Reading(
            None,
            "this question asks for a share of the whole, not how much more one thing is than "
            f"another; give {_unit_words(unit)}.",
        )
    if _PERCENT_RANGE.match(rest):  # "85%-90%": a range of shares (reader 28), not
        # words after a percentage ("85% to 90%" read as 85 % before)
        return Reading(None, _NOT_A_RANGE)
    # "10 % of site power", "84 percent cooling": the words after the percent sign are left out
    rest = re.sub(r"^(%|percent|per cent)\s+[A-Za-z].*$", r"\1", rest, flags=re.IGNORECASE)
    if rest.lower() in _PERCENT:
        if unit == RATIO:  # "175 %" for a PUE: read, and said how a ratio is written (reader 23)
            # "12 %" reads as 0.12, but "(0.12)" beside a PUE says a PUE can be 0.12: the value
            # only where the percentage is the ratio written so, 100 % or more (reader 26)
            # said for any ratio, not "such as a PUE or a COP": lesson 3's is FLOP/s per MW
            # against FLOP/s per MW (reader 43-34)
            shown = f" ({fmt.number(x / 100)})" if x >= 100 else " of times"
            plain = f"{_A_RATIO} is a plain number{shown}, not a percentage"
            return replace(_finish(x / 100, unit, negative, bare=False), note=plain)
        if unit == SHARE and not above and x > 100:  # "120 %" is refused as "120" is
            return Reading(None, OVER_WHOLE)
        if unit == SHARE:
            return _finish(x / 100, unit, negative, bare=False)
        return Reading(None, f"a percentage does not fit here; give {_unit_words(unit)}.")
    if unit in COUNT_WORDS:
        return _count(x, rest, unit, negative)
    if unit == RATIO and _ratio_name(rest):
        return _finish(x, unit, negative, bare=True)  # "1.75 PUE", "1.5 COP": the ratio's name
    over = re.sub(r"\s+per\s+", "/", rest, flags=re.IGNORECASE)  # "1.75 W per W" (reader 36-12)
    if unit == RATIO and "/" in over and (plain := _plain_ratio(x, over)) is not None:
        return _finish(plain, unit, negative, bare=False)  # "1.5 W/W": a unit over itself
    if unit == SHARE and (amount := _quantity(x, rest)) is not None:
        # "30 MW" for a share: leaving out "MW" would leave 30, read as 30 % (reader 21); "68
        # MW" may be 68 % mistyped, said whatever the answer (reader 26)
        if "/" in rest:  # "300 MW / 49 TWh": the units do not cancel, no % was meant (reader 32)
            return Reading(
                None,
                f"{fmt.number(x)} {rest}: the units do not cancel, so it is not a share. Put "
                "the part and the whole in the same unit first, then divide; give "
                f"{_unit_words(unit)}.",
            )
        meant = f" If you meant {fmt.number(x)} %, type the % sign." if above or x <= 100 else ""
        return Reading(
            None,
            f"{fmt.number(x)} {rest} is {_dimension(amount)}, not a share: divide it by the "
            f"whole, also in {rest}, and give {_unit_words(unit)}.{meant}",
        )
    if unit in (SHARE, RATIO):
        if _TWO_NUMBERS.match(rest):  # "2 to 3 times": a range copied (reader 23)
            return Reading(None, _one_number(_unit_words(unit)))
        if unit == SHARE and re.fullmatch(r"of\s+\D+", rest):
            # "0.11 of the peak": the whole named, as "11 % of Entergy's peak" is (reader 38)
            return _finish(x, unit, negative, bare=True)
        # "330:3000": a ratio not worked out (reader 38)
        if unit == SHARE and re.fullmatch(r":\s*[\d.,]+", rest):
            return Reading(None, f"work the ratio out: divide, and give {_unit_words(unit)}.")
        if unit == RATIO and (amount := _quantity(x, rest)) is not None:
            # "250 MW" for a PUE: leaving out "MW" as told gave a wrong number (reader 37-12)
            kind = _dimension(amount)
            return Reading(
                None,
                f"{fmt.number(x)} {rest} is {kind}, not a ratio: a ratio divides two amounts "
                # a PUE and a COP both: the message does not know which box (reader 38-12)
                f"of the same kind (a PUE: the site's power ÷ the IT power; a COP: heat removed "
                f"÷ cooling power), so the {rest} "
                "cancel; give a plain number.",
            )
        if _VERDICT_AFTER.match(rest):
            # "1.4 below both": the number and its verdict, read as "1.4, below both" is
            # (reader 47-12: refused without the comma)
            return _finish(x, unit, negative, bare=True)
        if unit == RATIO and _RATIO_ECHO.fullmatch(rest):
            # "2.1 per MW", "2.08 times Trainium2": the question's own words echoed after a
            # ratio, read as "2.1 times better" is (reader 50-34: a right number got "Not yet")
            return _finish(x, unit, negative, bare=True)
        if unit == RATIO and (turned := _TURNED.fullmatch(rest)):
            # "2.10x less": a word that turns the ratio around, not a matter of form (reader
            # 52-34: "leave out 'x less'" let a wrong way pass as a slip of typing)
            n = fmt.number(x)
            return Reading(
                None,
                f"“{turned[1]}” turns a ratio around: {n} times {turned[1]} is 1 ÷ {n}. Check "
                "which of the two is bigger, and give the ratio the question asks for as a "
                "plain number.",
            )
        return Reading(None, f"leave out {rest!r}; give {_unit_words(unit)}.")
    return _physical(x, rest, unit, negative)


# the words a "per facility MW, how many times X" question puts after its ratio
_RATIO_ECHO = re.compile(
    r"(?:per\s+(?:facility\s+|IT\s+|site\s+)?(?:MW|megawatts?|kW|W)"
    r"|(?:times|x|×)\s+(?!(?:more|fewer|less|as\s+many)\b)(?:as\s+much\s+as\s+)?[A-Za-z][\w\s-]*)",
    re.IGNORECASE,
)


# a ratio said with a word that turns it around: "2.1x less", "2.1 times fewer"
_TURNED = re.compile(r"(?:times|x|×)?\s*(less|fewer|lower|smaller)\b.*", re.IGNORECASE)


# a verdict said after a plain number: "below both", "above 2.8 and below 4.5", "inside"
_VERDICT_AFTER = re.compile(r"(?:below|above|inside|outside)\b", re.IGNORECASE)


# a size in words with no number, "hundreds of thousands (of chips)", "millions": the words an
# article uses (lesson 5's chips claim), not one number (reader 30)
_SIZE_WORDS = re.compile(
    r"^(?:many\s+)?(?:tens|hundreds|thousands|millions|billions)"
    r"(?:\s+of\s+(?:thousands|millions|billions))?(?:\s+of\s+\w+)?\s*$",
    re.IGNORECASE,
)

# the reply to a range typed for one number, "11-12 days", "85%-90%"
_NOT_A_RANGE = "give one number, not a range (the middle of it, for example)."

# the rest of a range whose first end carries its % sign: "%-90%", "% to 90 %"
_PERCENT_RANGE = re.compile(r"^%\s*(?:-|–|to)\s*[\d.]+\s*%?\s*$", re.IGNORECASE)

# the reply to a share of the whole over 100 %, typed "120" or "120 %" alike (reader 24); no
# example figure: "such as 85 %" was goodput-16k's answer, handed over before the commit
# (reader 37-34)
OVER_WHOLE = (
    "a share of the whole cannot be over 100 %; type a percentage (with the % sign) or a "
    "decimal below 1."
)

# the reply to two numbers in one answer: the working goes on paper (reader 23)
# a second number after the first, "2 to 3 times", "90 MW and 150 MW": a range or two figures
_TWO_NUMBERS = re.compile(r"(?:^|\s)(?:to|or|and|-|–)\s*[\d.]|,\s*\d", re.IGNORECASE)


# a range in words, "between 2 and 3", "from 240k to 250k": two numbers, not one answer
_BETWEEN = re.compile(r"^\s*(?:between|from)\s+[~≈]?\s*[\d.].*\s(?:and|to|-|–)\s*[\d.]", re.I)


def _one_number(words: str) -> str:
    return f"give one number, your own answer: {words}. Keep any working on paper."


def _plain_ratio(x: float, rest: str) -> float | None:
    """`x` in the unit `rest` as a plain number, where `rest` is a unit over a unit of the same
    kind ("W/W", "kW/W": a COP in heat watts per electric watt; reader 30); else None."""
    try:
        q = _q(x, _symbol(rest))
    except Exception:  # pint raises many kinds of error on a name it does not know
        return None
    return float(q.to("dimensionless").magnitude) if q.dimensionless else None


def _quantity(x: float, rest: str) -> pint.Quantity | None:
    """`x` in the unit `rest` ("30", "MW"), or None when `rest` is no unit pint knows."""
    try:
        q = _q(x, _symbol(rest))
    except Exception:  # pint raises many kinds of error on a name it does not know
        return None
    return None if q.dimensionless else q


def _ratio_name(rest: str) -> bool:
    """Whether `rest` is a ratio's short name after its number ("PUE", "cop"), in no case a
    unit ("MW", "mw", "GB")."""
    if not re.fullmatch(r"[A-Za-z]{2,4}", rest):
        return False
    for name in {rest, rest.upper(), _symbol(rest)}:
        try:
            _q(1, name)
        except Exception:  # pint raises many kinds of error on a name it does not know
            continue
        return False
    return True


def _calc_unit(word: str) -> str:
    """A unit as written in a calculation, as pint reads it: "mw" is MW, and a FLOP unit in any
    case is a speed when it ends in "/s" or is the plural "flops" (the lessons read FLOPS as
    FLOP/s), else an amount.

    Examples
    --------
    >>> _calc_unit("mw"), _calc_unit("PFLOP/s"), _calc_unit("pflops"), _calc_unit("TFLOP")
    ('MW', 'PFLOP/s', 'PFLOP/s', 'TFLOP')
    >>> _calc_unit("gib"), _calc_unit("pf")
    ('GiB', 'PFLOP/s')
    """
    flops = _FLOPS.match(word)
    if flops:
        speed = bool(flops[3]) or flops[2].lower() == "flops"
        return f"{_PREFIX[flops[1].lower()]}FLOP" + ("/s" if speed else "")
    return _flop_f(word) or _symbol(word)


def _flop_f(word: str) -> str:
    """A FLOP/s unit written with F, in any case ("83 PF", "83 pf/s", "41 PFs": petaFLOP/s, as
    AWS and the articles write it, not petafarad), as its FLOP/s symbol; "" for another word.

    Examples
    --------
    >>> _flop_f("pf"), _flop_f("EF/s"), _flop_f("PFs"), _flop_f("MW")
    ('PFLOP/s', 'EFLOP/s', 'PFLOP/s', '')
    """
    m = re.fullmatch(r"([kmgtpe])fs?(?:/s)?", word, re.IGNORECASE)
    return f"{_PREFIX[m[1].lower()]}FLOP/s" if m else ""


# hours in a day: the 24 of "× 32.3 days × 24 h"
_HOURS_PER_DAY = _q(1, "day").to("hour").magnitude


def _hours() -> tuple[float, ...]:
    """The hours a calculation divides an energy by to give a power: a day's, a year's (the
    core's convention) and a leap year's."""
    year = catalog.value("conventions.hours_per_year", "hour/year")
    return (_HOURS_PER_DAY, year, year + _HOURS_PER_DAY)


def _divides_by_hours(expr: str) -> bool:
    """Whether a typed calculation divides by the hours of a day or a year, perhaps with a
    power of 1,000 ("/8760000" for kWh to MWh as well).

    Examples
    --------
    >>> _divides_by_hours("250000*12200/8760"), _divides_by_hours("3050000 / (24*365)")
    (True, True)
    >>> _divides_by_hours("250000*12200/8760000"), _divides_by_hours("250000*12200*8760")
    (True, False)
    """
    for m in re.finditer(r"[/÷]\s*(\([^()]*\)|[\d.,]+(?:[eE][-+]?\d+)?)", expr):
        try:
            d = _calculate(m[1])
        except ZeroDivisionError:
            continue
        if d and any(math.isclose(d, h * k) for h in _hours() for k in (1, 1e3, 1e6)):
            return True
    return False


def _over_hours(
    x: float, typed: str, power: str, unit: str, negative: bool, above: bool
) -> Reading | None:
    """A calculation of an energy divided by hours (`x`), labelled with the energy's unit
    (`typed`, "kWh"), read as the power it is (`power`, "kW"), with a note; None when the
    power does not read as the unit asked."""
    if not power:
        return None
    r = read(f"{x:.12g} {power}", unit, negative, above)
    if r.value is None:
        return None
    note = f"{typed} ÷ h gives {power}: your calculation is {fmt.number(x)} {power}, not {typed}"
    return Reading(r.value, "", False, f"read as {fmt.number(x)} {power}", None, note)


def _per_hour(word: str) -> str:
    """The power an energy unit gives divided by hours ("kWh" → "kW"), or "" when `word` is
    no energy in watt-hours.

    Examples
    --------
    >>> _per_hour("kWh"), _per_hour("MWh"), _per_hour("MW")
    ('kW', 'MW', '')
    """
    word = word.strip()
    if not word.endswith("Wh") or len(word) > 3:
        return ""
    try:
        q = _q(1, word[:-1])
    except Exception:  # pint raises many kinds of error on free text
        return ""
    return word[:-1] if q.dimensionality == _q(1, "W").dimensionality else ""


def _same_unit(word: str, unit: str) -> bool:
    """Whether `word`, a unit as written in a calculation, is `unit` ("days" and "d" are "day").

    Examples
    --------
    >>> _same_unit("days", "day"), _same_unit("h", "hour"), _same_unit("MW", "hour")
    (True, True, False)
    """
    try:
        return _q(1, _calc_unit(word)) == _q(1, unit)
    except Exception:  # pint raises many kinds of error on a name it does not know
        return False


@dataclass(frozen=True)
class _Factors:
    """The factors of a product of quantities as `_terms_read` reads them, each (operator,
    number, unit or "") with the operator it ends up with: a number inside "/( … )" divides.
    Multiplied and divided by `_evaluate` (a product has no sum).

    Examples
    --------
    >>> a, b, c = (_Factors((("*", n, u),)) for n, u in ((300.0, "MW"), (1.15, ""), (910.0, "W")))
    >>> (a / (b * c)).terms
    (('*', 300.0, 'MW'), ('/', 1.15, ''), ('/', 910.0, 'W'))
    """

    terms: tuple[tuple[str, float, str], ...]

    def __mul__(self, other: _Factors) -> _Factors:
        return _Factors(self.terms + other.terms)

    def __truediv__(self, other: _Factors) -> _Factors:
        turned = tuple(("*" if op == "/" else "/", n, u) for op, n, u in other.terms)
        return _Factors(self.terms + turned)


def _product_calc(text: str, unit: str, negative: bool, above: bool) -> Reading:
    """Quantities with their units multiplied and divided, with or without parentheses ("261 MW
    / 910 W" → 286,813; "300 MW × 0.87 / 910 W" too: a bare number may multiply, not divide;
    "(300 MW/1.15)/(910 W)"), parsed by `_evaluate` into their factors and read in `unit` by
    `_terms_read`; a message when the result is not of the exercise's kind. A product of a
    speed and a bare number where an amount is asked ("83.1 PFLOP/s × 86400") reads the bare
    number as seconds, and says so.

    Examples
    --------
    >>> r = _product_calc("83.1 PFLOP/s * 86400", "FLOP", False, False)
    >>> f"{r.value:.4g}", r.echo
    ('7.18e+21', 'read 86,400 as seconds')
    >>> f"{_product_calc('(300 MW/1.15)/(910 W)', 'chips', False, False).value:.0f}"
    '286670'
    """
    tokens: list[object] = []
    pos = 0
    while pos < len(text.rstrip()):
        m = _QUANTITY_TOKEN.match(text, pos)
        if not m:
            break
        tokens.append(m["op"] or (float(m["n"].replace(",", "")), m["u"]))
        pos = m.end()
    try:
        if pos < len(text.rstrip()):
            raise ValueError("left over")
        product = _evaluate(tokens, lambda n, u: _Factors((("*", n, u),)))
    except (ValueError, RecursionError):  # a parenthesis left open, an operator with no number
        return Reading(None, _UNREAD_CALC)
    terms = list(product.terms)
    bare = [n for op, n, u in terms if op == "*" and not u]
    timed = [(n, u) for op, n, u in terms if op == "*" and u]
    if len(terms) == 2 and len(bare) == 1 and len(timed) == 1:  # "8760 h × 300" (reader 37-12)
        told = _power_left_out(timed[0][0], bare[0], timed[0][1], unit)
        if told:
            return Reading(None, told)
    return _terms_read(terms, unit, negative, above)


def _carried(terms: list[tuple[str, float, str]], unit: str) -> bool:
    """Whether a calculation whose divisors are bare numbers keeps its units: when no divisor is
    a power of ten (a unit changed by hand, as MWh / 1000 for GWh) and the units then give the
    kind of quantity asked ("2.2 GW / 30" for MW: a site's power shared by 30, reader 24).

    Examples
    --------
    >>> _carried([("*", 2.2, "GW"), ("/", 30.0, "")], "MW")
    True
    >>> _carried([("*", 2628000.0, "MWh"), ("/", 1000.0, "")], "GWh")
    False
    >>> _carried([("*", 2.628e9, "kWh"), ("/", 12200.0, "")], "people")
    False
    """
    if unit in (SHARE, RATIO) or unit in COUNT_WORDS:
        return False
    if any(op in "/÷" and not u and math.log10(abs(n) or 1) % 1 == 0 for op, n, u in terms):
        return False
    try:
        q = ureg.Quantity(1.0)
        for _, _, u in terms:
            q = q * _q(1, _calc_unit(u)) if u else q
        q.to(unit)
    except Exception:  # pint: not units, or not the kind asked
        return False
    return True


def _terms_read(
    terms: list[tuple[str, float, str]], unit: str, negative: bool, above: bool
) -> Reading:
    """Quantities `terms` (operator, number, unit or "") multiplied and divided, read in `unit`:
    the reading of `_product_calc`, whose terms carry the operator they end up with (a number
    inside "/( … )" divides)."""
    # (a bare divisor beside a divisor with its own unit, as in "300 MW / 1.15 / 910 W", is a
    # plain factor such as the PUE: the units then carry through, reader 22)
    if (
        any(op in "/÷" and not u for op, _, u in terms)
        and not any(op in "/÷" and u for op, _, u in terms)
        and not _carried(terms, unit)
    ):
        # "2628000 MWh / 1000", "300 MW * 8760 h / 1000", "2.628e9 kWh / 12200": a bare divisor
        # beside units is a unit changed by hand (MWh to GWh) or a basis typed without its
        # unit, which the units would undo or leave over; the numbers alone are the result the
        # student worked out, read as that number typed on its own (reader 20)
        x = 1.0
        try:
            for op, n, _ in terms:
                x = x / n if op in "/÷" else x * n
        except ZeroDivisionError:
            return Reading(None, f"that calculation divides by zero; {EXAMPLE}.")
        r = read(f"{x:.12g}", unit, negative, above)
        # which number dropped them, so the student can type its unit (reader 30)
        bare = next(n for op, n, u in terms if op in "/÷" and not u)
        echo = (
            f"read as {fmt.number(x)}, the units left out: {fmt.number(bare)} has no unit"
            if r.value is not None
            else ""
        )
        return Reading(r.value, r.message, r.bare, r.echo or echo, r.typed)
    # "300 MW × 1 yr": a year is the core's (8,760 h), not pint's Julian year (8,766 h), and
    # said, as the exercise asks for that conversion (reader 36-12)
    year = ""
    if unit not in (SHARE, RATIO) and unit not in COUNT_WORDS:
        hours = _hours()[1]
        for i, (op, n, u) in enumerate(terms):
            if u and _same_unit(u, "year"):
                terms[i], year = (op, n * hours, "h"), f"a year is {fmt.number(hours)} h"
    try:
        q = ureg.Quantity(1.0)
        for op, n, u in terms:
            x = _q(n, _calc_unit(u)) if u else ureg.Quantity(n)
            q = q / x if op in "/÷" else q * x
    except ZeroDivisionError:
        return Reading(None, f"that calculation divides by zero; {EXAMPLE}.")
    except Exception:  # pint: not units
        return Reading(None, _UNREAD_CALC)
    # "3.79e25 FLOP / (1e5 × 989e12 FLOP/s × 0.4) / 86400" for days: a bare divisor that is the
    # answer's unit in the units worked out (86,400 s in a day) is that unit changed by hand
    for op, n, u in terms:
        if op in "/÷" and not u and unit not in (SHARE, RATIO) and unit not in COUNT_WORDS:
            try:
                size = _q(1, unit).to((q * n).units).magnitude
            except Exception:  # pint: not the same kind of unit
                continue
            if math.isclose(size, n, rel_tol=1e-9):
                return _read_result((q * n).to(unit), unit, negative, above)
    seconds = ""
    bare = [n for _, n, u in terms if not u]
    # reader 21: "134 MW × 32.3 days × 24 h" (or "× 24") is how students write days in hours;
    # its 24 is hours per day, and days × 24 h counts time twice (said plainly: reader 29)
    per_day = [
        i
        for i, (op, n, u) in enumerate(terms)
        if op not in "/÷" and n == _HOURS_PER_DAY and (not u or _same_unit(u, "hour"))
    ]
    days = any(u and _same_unit(u, "day") for _, _, u in terms)
    if per_day and days and unit not in (SHARE, RATIO) and unit not in COUNT_WORDS:
        u = terms[per_day[-1]][2]
        q = q / ureg.day if u else q * ureg.hour / ureg.day  # the 24 (h) as 24 h/day
        seconds = (
            "read 24 h as 24 h per day, which turns the days into hours: write it 24 h/day"
            if u
            else "read 24 as 24 h per day"
        )
    elif (
        bare
        and all(op not in "/÷" for op, _, _ in terms)
        and unit not in (SHARE, RATIO)
        and unit not in COUNT_WORDS
        and is_time(str((_q(1, unit) / q).units))
    ):
        if len(bare) > 1 and _HOURS_PER_DAY in bare:  # "134 MW × 32.3 × 24": days × 24 h/day
            q, seconds = q * ureg.hour, "read 24 as hours per day, the other bare number as days"
        else:
            q, seconds = q * ureg.second, f"read {fmt.number(bare[-1])} as seconds"
    return _read_result(q, unit, negative, above, seconds or year)


# a calculation with units, sums and parentheses ("(62.2 MW − 37 MW) ÷ 37 MW", "300 MW × (0.5 −
# 0.3)", "300 MW × 10.04 %", "104,000 MWh ÷ 8,356 MWh per day"), as the lessons' worked steps
# print them: read when the readers above cannot (reader 24)
_UNIT_CALC_UNIT = rf"%|(?:(?!(?:per|a)\b){_CALC_UNIT})?(?:\s*\b(?:per|a)\s+[A-Za-z]+)?"
_UNIT_CALC_TOKEN = re.compile(
    rf"\s*(?:(?P<n>{_NUM}|\.\d+)\s*(?P<u>{_UNIT_CALC_UNIT})?|(?P<op>[-+*/×÷()])"
    rf"|(?<=\))\s*(?P<w>{_UNIT_CALC_UNIT}))"
)


# what a station counts, written after a number ("2.2 GW / 30 buildings"): a plain count, as a
# count's word is (reader 25)
_COUNTED_NOUNS = {"building", "buildings", "instance", "instances", "server", "servers"}
# every word after a number that makes it a count: a plain number in a calculation
_COUNTED = {word for words in COUNT_WORDS.values() for word in words} | _COUNTED_NOUNS


def _calc_quantity(n: float, u: str) -> pint.Quantity:
    """A number and its unit as written in a calculation, as a pint quantity: a plain number,
    or a count's word ("286,669 chips"), is dimensionless, "%" a hundredth, "MWh per day"
    MWh/day and "MWh a year" MWh (the exercise's year).

    Examples
    --------
    >>> _calc_quantity(10, "%"), _calc_quantity(3, "chips")
    (<Quantity(0.1, 'dimensionless')>, <Quantity(3, 'dimensionless')>)
    >>> _calc_quantity(8356, "MWh per day")
    <Quantity(8356.0, 'megawatt_hour / day')>
    """
    u = re.sub(r"\b(?:a|per)\s+year$", "", u).strip()  # "MWh a year": the exercise's year
    per = re.fullmatch(r"(.*?)\s*\bper\s+([A-Za-z]+)", u)
    if per:  # "8,356 MWh per day", "1.82 per chip"
        return _calc_quantity(n, per[1]) / _calc_quantity(1.0, per[2])
    if not u or u.lower() in _COUNTED:
        return ureg.Quantity(n)
    if u == "%":
        return ureg.Quantity(n / 100)
    return _q(n, _calc_unit(u))


def _divisor_units(tokens: list[object], counts: set[str]) -> tuple[list[str], float | None]:
    """The units of a calculation written only on what divides ("300 / 1.15 / 910 W",
    "300 / 1.15 / (500 W × 1.82)"), and its first bare number that does not divide (the 300);
    ([], None) when a unit stands anywhere else or no bare number is left to take one."""
    units: list[str] = []
    first = None
    groups: list[bool] = []  # for each open "(": whether it divides
    prev: object = None
    for t in tokens:
        divides = prev in ("/", "÷") or bool(groups and groups[-1])
        if t == "(":
            groups.append(divides)
        elif t == ")" and groups:
            groups.pop()
        elif isinstance(t, list):  # "(1/60) h"
            return [], None
        elif isinstance(t, tuple):
            u = "" if t[1].lower() in counts or t[1] == "%" else t[1]
            if u and not divides:
                return [], None
            if u:
                units.append(u)
            elif not divides and first is None:
                first = t[0]
        prev = t
    return (units, first) if first is not None else ([], None)


def _amounts(units: list[str]) -> list[str]:
    """The amounts a divisor's rate units divide, unprefixed: "FLOP" for "EFLOP/s", so that a
    bare work over a speed with its unit ("3.8e25 / 76.5 EFLOP/s") reads the work in FLOP
    (reader 28: it got "FLOP is an amount of work, FLOP/s a speed").

    Examples
    --------
    >>> _amounts(["EFLOP/s", "W"])
    ['FLOP']
    """
    found = []
    for u in units:
        try:
            parts = ureg.Unit(_calc_unit(u))._units
        except Exception:  # pint: not a unit
            continue
        if len(parts) < 2:  # a rate has an amount and what it is per
            continue
        for name, power in parts.items():
            if power == 1:
                found += [base for _, base, _ in ureg.parse_unit_name(name)][:1]
    return found


def _unit_calc(answer: str, unit: str, negative: bool, above: bool) -> Reading | None:
    """A typed calculation of quantities with their units, with + − × ÷ and parentheses, read in
    `unit` by `_evaluate` over pint quantities (`_calc_quantity`); None when `answer` is not
    one (then the other readers' message stands). "%" is a hundredth, a count's word ("286,669
    chips") a plain number, "MWh per day" MWh/day. A unit after a number that divides ("254 MW ×
    5 ÷ 60 h") is read as the divisor's alone (254 MW × 5/60, in h: 5 minutes in hours) when only
    that reading gives the answer's kind, as a worked step writes a time in hours.

    Examples
    --------
    >>> f"{_unit_calc('254 MW × 5 ÷ 60 h', 'MWh', False, False).value:.2f}"
    '21.17'
    >>> f"{_unit_calc('(62.2 MW − 37 MW) ÷ 37 MW', 'share', False, True).value:.3f}"
    '0.681'
    >>> _unit_calc('300 MW × (0.5 − 0.3)', 'MW', False, False).value
    60.0
    >>> _unit_calc('2628 GWh because', 'GWh', False, False) is None
    True
    """
    text = normalise(answer)
    tokens: list[object] = []
    pos = 0
    while pos < len(text.rstrip()):
        m = _UNIT_CALC_TOKEN.match(text, pos)
        if not m:
            return None
        if m["op"]:
            tokens.append(m["op"])
        elif m["w"]:
            tokens.append([m["w"]])  # "(1/60) h": a unit after a parenthesis
        else:
            tokens.append((float(m["n"].replace(",", "")), m["u"] or ""))
        pos = m.end()
    numbers = [t for t in tokens if isinstance(t, tuple)]
    if len(numbers) < 2 or len(numbers) == len(tokens) or len(tokens) > 60:
        return None
    plain = unit in (SHARE, RATIO) or unit in COUNT_WORDS
    try:
        want = ureg.Quantity(1.0) if plain else _q(1.0, unit)
    except Exception:  # pint: not a unit
        return None
    readings = []  # (value, loose, how a divisor's unit was taken), strict then loose
    for loose in (False, True):
        said: list[str] = []
        try:
            q = _evaluate(tokens, _calc_quantity, loose, said)
        except ZeroDivisionError:
            return Reading(None, f"that calculation divides by zero; {EXAMPLE}.")
        except Exception:  # pint: units that do not add; a calculation that does not parse
            continue
        readings.append((q, loose, said))
    # bare numbers and percentages only ("300 × 50% − 300 × 30%"): a plain result is read in
    # the answer's unit, as "0.5*300 - 0.3*300" is; no unit was typed to cancel (reader 33)
    unitless = all(t[1] in ("", "%") for t in numbers) and "%" in {t[1] for t in numbers}
    if unitless and not plain and readings and not readings[0][1] and readings[0][0].dimensionless:
        r = read(f"{readings[0][0].to('dimensionless').magnitude:.12g}", unit, negative, above)
        if r.value is not None:
            return Reading(r.value, r.message, r.bare, f"read as {fmt.number(r.value)}", r.typed)
    fits = [reading for reading in readings if reading[0].dimensionality == want.dimensionality]
    moved = ""  # the bare dividend taken in the divisor's unit, said in the echo (reader 25)
    if not fits and readings and not readings[0][1]:
        units, first = _divisor_units(tokens, _COUNTED)
        moves = [
            (u, readings[0][0] * _calc_quantity(1.0, u))
            for u in dict.fromkeys([*units, *_amounts(units)])
        ]
        # the answer's kind first; then, where a time is asked, a plain number: "104139 / (250000
        # × 12.2 MWh / 365)", the dividend in MWh, is a total ÷ one day's use (reader 41)
        for u, q in sorted(moves, key=lambda m: m[1].dimensionality != want.dimensionality):
            if q.dimensionality == want.dimensionality or (q.dimensionless and is_time(unit)):
                fits, moved = [(q, False, [])], f"your unitless {fmt.number(first)} taken in {u}"
                break
    if not fits and readings and not readings[0][1]:
        # read, but of another kind ("300 MW × (1 − 0.10 − 0.03)" where chips are asked): say so
        r = _read_result(readings[0][0], unit, negative, above)
        return None if r.message.startswith("I cannot read") else r
    if not fits:
        return None
    q, loose, said = fits[0]
    if q.magnitude < 0 and not negative:
        return None  # "90 MW - 150 MW": a range written low to high; the other readers say so
    r = _read_result(q, unit, negative, above, said[0] if loose and said else "")
    if moved and r.value is not None:  # "read as 0.287, your unitless 300 taken in W"
        r = Reading(r.value, r.message, r.bare, f"read as {fmt.number(r.value)}, {moved}", r.typed)
    return r if r.value is not None else None


def _read_result(
    q: pint.Quantity, unit: str, negative: bool, above: bool, said: str = ""
) -> Reading:
    """A calculation's result `q` (a pint quantity) read as an answer in `unit`: refused if its
    units cancel where the answer has units; echoed "read as …" when it is a plain number, or
    with `said` (how a bare number in it was taken) when given."""
    plain = q.dimensionless and not _is_bytes(f"{q.units}")  # pint counts bytes as plain too
    if plain and is_time(unit):  # "104,000 MWh / 8,356 MWh": energy ÷ a day's (or an hour's,
        # a year's) energy counts those days, as the hints write it (reader 24)
        r = read(f"{q.to('dimensionless').magnitude:.12g}", unit, negative, above)
        if r.value is not None:
            per = _unit_words(unit).removeprefix("a time in ")
            echo = f"read as {fmt.number(r.value)} {per}: a total ÷ one {per.rstrip('s')}'s use"
            return Reading(r.value, r.message, r.bare, said or echo, r.typed)
    if plain and unit not in (SHARE, RATIO) and unit not in COUNT_WORDS:
        return Reading(
            None, f"the units cancel to a plain number; the answer is {_unit_words(unit)}."
        )
    if plain:
        r = read(f"{q.to('dimensionless').magnitude:.12g}", unit, negative, above)
    else:
        r = read(f"{q.magnitude:.12g} {q.units:~}", unit, negative, above)
    echo = f"read as {fmt.number(r.value)}" if r.value is not None and plain else r.echo
    echo = said if r.value is not None and said else echo
    return Reading(r.value, r.message, r.bare, echo, r.typed)


# "73,600 fewer households", "73,600 less": a change of a count said with its direction (the
# question says which way: "by how many does it shrink"); the number is the answer
_DIRECTION_WORDS = {"fewer", "less", "more"}


# the place a count is counted in, after it: "286,670 chips per site" (reader 32)
_PER_PLACE = re.compile(
    r"\s*\b(?:per|in|at|for|on)\s+(?:the\s+|a\s+|one\s+|this\s+)?"
    r"(?:site|facility|campus|data\s*cent(?:er|re))\s*$",
    re.IGNORECASE,
)


# a chip's (a home's) power after the count, the working as a bracket is: "287,000 chips at
# 910 W each", "… of 0.91 kW per chip" (reader 42-34: refused, "leave out 'at 910 W each'")
_EACH_POWER = re.compile(
    r"\s+(?:at|of|using|with)\s+(?:about\s+|~\s*|≈\s*)?\d[\d,.]*\s*[kM]?W"
    r"(?:\s+(?:each|apiece|per\s+\w+|a\s+chip|all[\s-]+in))*\s*[.!]?\s*$",
    re.IGNORECASE,
)


def _count(x: float, rest: str, unit: str, negative: bool) -> Reading:
    rest = _PER_PLACE.sub("", _EACH_POWER.sub("", rest))
    words = rest.lower().split()
    if words and words[0] in _SCALE_WORDS:
        x *= _SCALE_WORDS[words.pop(0)]
    words = [
        w for i, w in enumerate(words) if not (w in _DIRECTION_WORDS and i in (0, len(words) - 1))
    ]
    # "287,000 Trainium2 chips": the count's words, one naming the other (reader 22)
    if (
        not words
        or " ".join(words) in COUNT_WORDS[unit]
        or (len(words) == 2 and all(w in COUNT_WORDS[unit] for w in words))
    ):
        return _finish(x, unit, negative, bare=True)
    # "245,000 households per year": a count said as a rate, told so as "MW per year" is, not
    # with pint's "household / a" (reader 41-12)
    per = _COUNT_PER.search(" ".join(words))
    if per and per.string[: per.start()].strip() in COUNT_WORDS[unit] | {""}:
        if _COUNT_YEAR.fullmatch(per[1]):  # "215,000 people/yr": the basis's "per year", echoed
            # (reader 46-12: a right count cost an attempt); read, with a note
            return replace(
                _finish(x, unit, negative, bare=True),
                note=f"a count of {unit} needs no “{per[1]}”: the number alone is the answer.",
            )
        return Reading(
            None,
            f"a count of {unit} is not a rate, so “{per[1]}” does not belong after it; give the "
            f"number of {unit} alone.",
        )
    other = next((k for k, said in COUNT_WORDS.items() if " ".join(words) in said), None)
    if other:  # "215,000 households" where people are asked: say the count, not pint's unit
        return Reading(None, f"that is a number of {other}; the answer is a number of {unit}.")
    try:
        q = _q(1, rest)
    except Exception:  # pint raises many kinds of error on free text
        if _TWO_NUMBERS.search(rest):
            return Reading(None, _one_number(f"a number of {unit}"))
        head = re.match(r"\s*([A-Za-z]+)", rest)  # "people, so the claim is wrong" (reader 25):
        if head and head[1].lower() in COUNT_WORDS[unit]:  # the count's own word may stay
            rest = rest[head.end() :].strip() or rest
        return Reading(None, f"leave out {rest!r}; give a number of {unit}.")
    return Reading(None, f"that is {_dimension(q)}; the answer is a number of {unit}.")


# a rate's words at the end of a count: "households per year", "homes a year", "… /yr"
_COUNT_PER = re.compile(
    r"(?:^|\s|(?=/))((?:/\s*|(?:per|a|an|each|every)\s+)(?:year|yr|y|day|month|week|hour|h)s?)$",
    re.IGNORECASE,
)

# a count's "per year" (`_COUNT_PER`): the year of the yearly basis it was divided by, echoed;
# read, with a note (reader 46-12)
_COUNT_YEAR = re.compile(r"(?:/\s*|(?:per|a|an|each|every)\s+)(?:year|yr|y)s?", re.IGNORECASE)

# words after a unit that make it a rate: "4.2 MWh a day", "… each hour", "… per year"
_RATE_WORDS = re.compile(
    r"(?:/|per|a|an|each|every)\s*(?:s|sec|second|min|minute|h|hr|hour|d|day|week|month|y|yr|"
    r"year)s?\b",
    re.IGNORECASE,
)


def _unit_then_words(x: float, rest: str, unit: str) -> pint.Quantity | None:
    """`x` in the unit that opens `rest`, when that unit is the kind asked and the words after
    it do not make it a rate: "4.2 MWh in one dip", "21 MWh for 5 minutes", as the question
    words them (reader 25); None otherwise ("4.2 MWh a day" is refused)."""
    words = rest.split()
    target = _q(1, unit).dimensionality
    for n in range(1, len(words)):
        try:
            q = _q(x, " ".join(words[:n]))
        except Exception:  # pint raises many kinds of error on free text
            continue
        if q.dimensionality == target:
            tail = " ".join(words[n:])
            return None if _RATE_WORDS.match(tail) or _TWO_NUMBERS.search(tail) else q
    return None


def _power_per_time(typed: str, unit: str, when: str = "year") -> str:
    """The note for a power "per year" (or per hour, per day: `when`) where a power is asked
    ("348 MW a year", lesson 1's misconception 1: readers 25, 33): MW is already a rate, so the
    time does not belong; "" if `typed` (the unit, the time removed) or `unit` is not a power."""
    try:
        watts = _q(1, "W").dimensionality
        power = _q(1, _symbol(typed)).dimensionality == watts
        return (
            # reader 27: not "energy per hour", which invites the MW / MWh-per-hour mix-up
            f"{typed} is already a rate: it says how fast energy is used, so “per {when}” does not "
            f"belong after it; give a power in {unit}."
            if power and _q(1, unit).dimensionality == watts
            else ""
        )
    except Exception:  # pint raises many kinds of error on free text
        return ""


# an energy "a day", "per hour": a rate, where a power is asked (reader 28)
_ENERGY_A_TIME = re.compile(
    r"([kMGT]?Wh)\s*(?:/|\bper\b|\ban?\b|\beach\b|\bevery\b)\s*(day|d|hour|hr|h)", re.IGNORECASE
)


def _time_examples(unit: str) -> str:
    """How to type a time, in the exercise's own unit ("7.5 h or 7 h 30 min" for hours; reader
    32: an hours answer was shown weeks and days)."""
    hours = "7.5 h or 7 h 30 min" if unit in ("h", "hour", "hours") else ""
    return f"a time in digits, such as {hours or '2.5 weeks or 17.5 days'}"


# an amount labelled "FLOPS": the number is right, the label a speed's (`Reading.note`); the
# checker answers "Almost", never "Right", as lesson 3 teaches FLOP against FLOP/s (reader 51-34)
FLOPS_AMOUNT = "the lessons read FLOPS as FLOP/s, a speed; an amount is written FLOP"


def _physical(x: float, rest: str, unit: str, negative: bool) -> Reading:
    per = _POWER_PER_TIME.search(rest)  # "30 MW per hour", "348 MW/yr": a power is a rate
    if per and _power_per_time(rest[: per.start()], unit, per.lastgroup or "year"):
        return Reading(None, _power_per_time(rest[: per.start()], unit, per.lastgroup or "year"))
    rest = _PER_HEAD.sub("", rest)  # "10,512 kWh/person/yr": the basis's person, echoed
    typed = _PER_YEAR.sub("", rest)  # "2.6 TWh per year": the exercise already means a year
    if is_time(unit) and typed != rest and is_time(_symbol(typed.strip()) or "-"):
        # "11.1 days per year": a time per year is a rate, not how long something takes, as
        # "chips per hour" is not a count (reader 50-34: accepted as the run's days)
        return Reading(
            None,
            f"“{rest.strip()}” is a rate, not how long it takes; give {_unit_words(unit)} alone.",
        )
    rest = typed
    if "FLOP" in unit and not unit.endswith("/s") and _FLOPS.match(_PER_DAY.sub("", rest)):
        rest = _PER_DAY.sub("", rest)  # "7.2e21 FLOP per day": the FLOP done in a day
    day = _PER_DAY.sub("", rest)
    if day != rest and is_time(unit) and is_time(_symbol(day)):
        # "7 h per day", "7 hours a day": a daily battery's hours, the time asked (reader
        # 44-78); a unit of a day or more per day ("12 days a day") is no such time
        if _q(1, _symbol(day)) < _q(1, "day"):
            rest = day
    while _LABEL.search(rest) and _LABEL.sub("", rest):  # the label, not the unit itself
        rest = _LABEL.sub("", rest)
    words = _TIME_OF.match(rest)
    if words and is_time(unit) and is_time(words[1]):
        rest = words[1]  # "12 days of the city's electricity": the days are the answer
    what = _OF_WHAT.match(rest)
    if what:
        rest = what[1]  # "30.1 MW of cooling": the unit, and what the figure is (reader 20)
    rate = _ENERGY_A_TIME.fullmatch(rest)
    watts = _q(1, "W").dimensionality
    if rate and _q(1, unit).dimensionality == watts:
        # "8,356 MWh a day" is a rate: 348 MW (reader 28)
        rest = f"{_symbol(rate[1])}/{rate[2].lower()}"
    bits = _bits(rest, unit)
    if bits:  # "1536 Gb": gigabits, where memory is counted in bytes (reader 23)
        return Reading(None, bits)
    milli = _OTHER_CASE.get(rest, "")  # "73 mW": read as MW, and said
    typed, rest = rest, _symbol(rest)  # "2.6 twh", "300 mw", "1536 gb", "1.5 tib" (reader 23)
    if _OPERATIONS.fullmatch(rest) and "FLOP" in unit and not unit.endswith("/s"):
        rest = "FLOP"  # "7.18e21 operations": the lessons define a FLOP as one operation
    flops = _FLOPS.match(rest)
    note = ""
    if flops:
        amount = _q(1, unit).dimensionality == _q(1, "FLOP").dimensionality
        speed = bool(flops[3]) or (flops[2].lower() == "flops" and not amount)
        # "FLOPS" or "flops", not the plural "FLOPs": the lowercase form, as ambiguous, gets the
        # same note (reader 41-34: "7.18e21 flops" was accepted with none)
        plural = flops[2][:4].isupper() and flops[2].endswith("s")
        if amount and flops[2].lower() == "flops" and not plural and not flops[3]:
            note = FLOPS_AMOUNT
        rest = f"{_PREFIX[flops[1].lower()]}FLOP" + ("/s" if speed else "")
    elif _flop_f(rest) and "FLOP" in unit:
        rest = _flop_f(rest)  # "83 PF", "83 pf/s": petaFLOP/s, not petafarad (reader 23)
    try:
        q = _q(x, rest)
    except Exception:  # pint raises many kinds of error on free text
        q = _unit_then_words(x, rest, unit)
    if q is None:
        if _TWO_NUMBERS.search(rest):  # "90 MW and 150 MW": two figures, no result said
            return Reading(None, _one_number(_unit_words(unit)))
        # a form that reads, with no answer in it ("a week and a half", "38 septillion")
        such = " (write large numbers as 1.5e20)" if "FLOP" in unit else ""
        give = f"{_unit_words(unit)}{such}"
        if is_time(unit):  # any unit of time reads, in digits (reader 24)
            give = _time_examples(unit)
        if _POWER_LEFT.search(rest):  # no unit: a power of ten written another way
            return Reading(
                None,
                # what is left is not echoed: normalised, it may be a text never typed
                # (reader 44-34: "the unit '1e25'")
                "I cannot read what follows the number; write powers of ten as 3.8e25 "
                f"(3.8 × 10²⁵) and give {_unit_words(unit)}.",
            )
        return Reading(None, f"I cannot read the unit {rest!r}; give {give}.")
    target = _q(1, unit)
    if q.dimensionality != target.dimensionality:  # "GWh in (a year)": pint's GWh × inch
        q = _unit_then_words(x, rest, unit) or q
    if q.dimensionality != target.dimensionality:
        given, wanted = _dimension(q), _dimension(target)
        if not any(given == words for _, words in _DIMENSIONS):
            # "6 N D" (newton daltons), "83.1 P" (poise): letters pint reads as a unit nobody
            # meant here, said as the letters typed, not as pint's unit (reader 23)
            return Reading(
                None, f"I cannot read {rest!r} as a unit here; give {_unit_words(unit)}."
            )
        extra = ""
        if {given, wanted} == {"an energy", "a power"}:
            extra = " Energy is power × time."
        # said as typed (reader 25: "FLOP/day" came back as "FLOP/d"); the unit asked for
        # once, not the dimension's unit beside it (reader 32: "(FLOP) (in FLOP)")
        wanted = re.sub(r" \([^()]*\)$", "", wanted)
        # nor the unit typed twice: "FLOP/s is a computing speed (FLOP/s)" (reader 38-34)
        given = given.removesuffix(f" ({typed})")
        return Reading(None, f"{typed} is {given}; the answer is {wanted} (in {unit}).{extra}")
    if not math.isfinite(x):
        return _finish(x, unit, negative, bare=False)
    # 12 significant figures: 3 TWh reads as 3000 GWh, not 3000.0000000000005
    echo = f"read {typed} as {rest}: a small m is {milli}, a thousandth" if milli else ""
    if rate and not echo:  # the rate said back in the unit asked
        echo = f"read as {fmt.number(q.to(unit).magnitude, 3)} {unit}"
    r = _finish(float(f"{q.to(unit).magnitude:.12g}"), unit, negative, bare=False, echo=echo)
    return Reading(r.value, r.message, r.bare, r.echo, r.typed, note if r.value is not None else "")


def _finish(x: float, unit: str, negative: bool, bare: bool, echo: str = "") -> Reading:
    if math.isnan(x):
        return Reading(None, "give a number.")
    if not math.isfinite(x) or abs(x) > 1e300:
        return Reading(None, "that number is too large to be an answer; give a finite number.")
    if x < 0 and not negative:
        return Reading(None, "this answer cannot be negative.")
    return Reading(x, bare=bare, echo=echo)


# the units whose SI-prefixed forms a bare answer may be in ("7.18e6" FLOP is in PFLOP); public:
# the checker asks it too
PREFIXABLE = ("FLOP", "FLOP/s", "W", "Wh", "J", "B")


# "2.628.000": digits grouped in threes by two or more points (reader 26)
_POINT_GROUPED = re.compile(r"(?<![\d.,])[1-9]\d{0,2}(?:\.\d{3}){2,}(?![\d.])")


# a plain number in a normalised calculation ("255,000,000", "2.55e8", ".85")
_TYPED_NUMBER = r"(?:\d[\d,]*(?:\.\d*)?|\.\d+)(?:e-?\d+)?"


def typed_numbers(text: str) -> list[float]:
    """The plain numbers of a normalised typed calculation, and the difference of each two
    written as one ("2-1.15": 0.85).

    Parameters
    ----------
    text : str
        A calculation as :func:`normalise` returns it.

    Returns
    -------
    list of float
        The numbers in the order typed, then the differences.

    Examples
    --------
    >>> [round(x, 2) for x in typed_numbers("300e6*(2-1.15)/900")]
    [300000000.0, 2.0, 1.15, 900.0, 0.85]
    """
    plain = [_plain(m) for m in re.findall(_TYPED_NUMBER, text)]
    pairs = re.findall(rf"({_TYPED_NUMBER})\s*-\s*({_TYPED_NUMBER})", text)
    minus = [
        _plain(a) - _plain(b) for a, b in pairs if _plain(a) is not None and _plain(b) is not None
    ]
    return [x for x in plain if x is not None] + minus


def _grouped(text: str) -> str:
    """Digits grouped by spaces ("4 230", "21 200", a thin or no-break space too) written with
    commas, as `normalise` reads them: one number, whose figures are all its digits (reader
    40-78: "4 230 kWh" was counted as the one figure "4")."""
    return re.sub(r"(?<=\d)[ \u00a0\u2009\u202f](?=\d{3}\b)", ",", text)


def significant_figures(answer: object) -> int | None:
    """How many significant figures a typed answer gives ("1.2" → 2), or None when unknown.

    Parameters
    ----------
    answer : str or object
        What the student typed; anything but a string gives None.

    Returns
    -------
    int or None
        The figures of the first number typed; "and a half" adds none ("a week and a half" is
        one figure, as "two thirds" is: a half is a coarse fraction, not a figure worked out;
        reader 42-34: it was told "the method is probably right", "one and a half weeks" a
        guess).

    Examples
    --------
    >>> significant_figures("1.2"), significant_figures("2,600"), significant_figures("0.050")
    (2, 2, 2)
    >>> significant_figures("a week and a half"), significant_figures("abc")
    (1, None)
    """
    if not isinstance(answer, str):
        return None
    half = _AND_A_HALF.match(answer.strip())
    if half:  # the whole number's figures: "a week" is one, "12 days" two
        return (
            1
            if half[1].lower() in ("a", "an") or not half[1][0].isdigit()
            else (significant_figures(half[1]))
        )
    half = _HALF_A_COARSE_UNIT.match(answer.strip())
    if half:  # "1.5 weeks" is "a week and a half": the whole number's figures, at least one
        return significant_figures(half[1]) or 1
    m = re.search(r"\d[\d,]*(?:\.\d*)?|\.\d+", _grouped(answer))
    if not m:
        return None
    digits = m[0].replace(",", "")
    if "." in digits:
        return len(digits.replace(".", "").lstrip("0")) or None
    return len(digits.strip("0")) or None


def leading_number(answer: str) -> float:
    """The first number typed, "and a half" added to it, or 0.0 when none is.

    Parameters
    ----------
    answer : str
        What the student typed.

    Returns
    -------
    float
        The number as typed, in the unit typed (not converted).

    Examples
    --------
    >>> leading_number("1.5 weeks"), leading_number("2,600 GWh"), leading_number("abc")
    (1.5, 2600.0, 0.0)
    >>> leading_number("a week and a half")
    1.5
    """
    m = re.search(
        r"\d[\d,]*(?:\.\d*)?|\.\d+", _grouped(_AND_A_HALF.sub(_and_a_half, answer.strip()))
    )
    return float(m[0].replace(",", "").rstrip(".")) if m else 0.0


def in_digits(answer: object) -> str | None:
    """A typed answer's numbers in digits as typed, so that their precision is that of the digits:
    "two weeks" is "2 weeks", "a week" is "1 week", "3 × 10⁵" is "3e5" (one figure); None for
    an answer that is not text.

    Parameters
    ----------
    answer : str or object
        What the student typed.

    Returns
    -------
    str or None
        The answer with its words, "a"/"an" before a time and powers of ten as digits, an
        estimate's "about" left out.

    Examples
    --------
    >>> in_digits("about two weeks"), in_digits("a week"), in_digits("3 × 10⁵")
    ('2 weeks', '1 week', '3e5')
    >>> in_digits("a fortnight")
    '2 weeks'
    >>> in_digits(14) is None
    True
    """
    spelled = (
        _words_to_number(_ONE_TIME.sub("1 ", _APPROX.sub("", answer).strip()))
        if isinstance(answer, str)
        else None
    )
    if spelled is not None:  # "3*10^5" and "3 × 10⁵" are "3e5": one figure, as typed
        spelled = _TEN_SUPERSCRIPT.sub(lambda m: "10^" + m[1].translate(_SUPERSCRIPT), spelled)
        spelled = _BARE_TEN.sub(r"1e\1", _TEN_TO.sub(r"e\1", spelled))
        spelled = _in_last_unit(spelled)  # "7 h 1 min" is 421 min: three figures (reader 32)
        # a fortnight is the word for two weeks, as rough as "2 weeks" (reader 34: it was read
        # as one fortnight known to 7 days, and 12.5 days is 0.9 of one)
        spelled = _A_FORTNIGHT.sub("2 weeks", spelled)
    return spelled


_A_FORTNIGHT = re.compile(r"^1\s*fortnights?\b", re.IGNORECASE)


# the words that say which way a number goes from a reference: "68 % below", "grows by 73,579"
# (reader 28); a word before a number ("below 70") is a bound, not a way, and a rounding
# ("rounded down") says nothing about the way
_DOWN_WORDS = (
    r"below|lower|less|fewer|under|smaller|shr[iau]nk(?:s|ing)?|drop(?:s|ped)?|falls?|fell"
    r"|decreas(?:es?|ed|ing)|declin(?:es?|ed|ing)|reduced|(?:goes|went|is)\s+down|down\s+by"
)
_UP_WORDS = (
    r"above|higher|more|greater|larger|bigger|gr[eo]w(?:s|n|ing)?|ris(?:es?|ing)|rose"
    r"|increas(?:es?|ed|ing)|exceeds?|(?:goes|went|is)\s+up|up\s+by"
)
_WAY_WORD = re.compile(rf"\b(?:(?P<down>{_DOWN_WORDS})|(?P<up>{_UP_WORDS}))\b(?!\s*(?:than\s*)?\d)")

# a bound said before its number, any wording: "over 90 %", "less than 90%", "< 90%", "just
# under 90" (reader 30); read as a way only where the question asks above or below a figure
# (elsewhere "under 6 days" is an estimate, `_APPROX`)
_BOUND_SAID = re.compile(
    r"^\s*(?:(?:it[’']?s|it\s+is)\s+)?(?:(?:a\s+)?(?:bit|little|just|slightly|well)\s+)?"
    r"(?:(?P<up>over|above|more\s+than|higher\s+than|greater\s+than|at\s+least|>|≥)"
    r"|(?P<down>under|below|less\s+than|lower\s+than|fewer\s+than|at\s+most|<|≤))"
    r"\s*(?P<rest>[\d.,]+\s*(?:%|percent|per\s+cent)?)[\s.!]*$",
    re.IGNORECASE,
)


def bound_said(answer: object) -> tuple[str, str]:
    """The way and the number of a bound typed as a prediction: ("up", "90%") for "over 90%",
    ("down", "90 %") for "less than 90 %"; ("", "") for anything else.

    Examples
    --------
    >>> bound_said("over 90%"), bound_said("< 90 %"), bound_said("84 %")
    (('up', '90%'), ('down', '90 %'), ('', ''))
    """
    m = _BOUND_SAID.match(answer) if isinstance(answer, str) else None
    if not m:
        return "", ""
    return ("up" if m["up"] else "down"), m["rest"].strip()


def way_said(answer: object) -> str:
    """Which way an answer's words say its number goes: "up", "down", or "" (no way said, or
    both).

    Parameters
    ----------
    answer : str or object
        What the student typed; anything but a string gives "".

    Returns
    -------
    str
        "up" for "68 % more", "grows by 73,579"; "down" for "68 % below", "73,579 fewer";
        "" where no word says a way, where a word opens a bound ("below 70") or where both
        ways are said.

    Examples
    --------
    >>> way_said("68 % below the mean"), way_said("it grows by 73,579"), way_said("below 70")
    ('down', 'up', '')
    """
    if not isinstance(answer, str):
        return ""
    text = re.sub(r"\bround(?:ed|ing)?\s+(?:up|down)\b", " ", answer, flags=re.IGNORECASE)
    ways = {("down" if m["down"] else "up") for m in _WAY_WORD.finditer(text.lower())}
    return ways.pop() if len(ways) == 1 else ""
