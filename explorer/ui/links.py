"""The app's URL query string: parse it (untrusted) into compute() inputs, and build it back.

Parameter names are `explorer.compute`'s input names (``?site_power=600&chip=h100``), plus
``site`` (preset), ``basis``, ``precision``, ``chips=fill`` and ``screen`` (the app's view:
``basics`` or ``advanced``), and the "Site in context" panel's fields (`CONTEXT_FIELDS`:
``cooling_tech``, ``station``, the battery settings, ``sites`` and ``site_powers`` as
comma-separated lists). Parsing never raises: each bad
or unknown parameter becomes a plain message and is left out, so the defaults stay.
"""

from __future__ import annotations

import math
from typing import Any
from urllib.parse import parse_qsl, urlencode

from .. import batteries, catalog, climate
from ..errors import InputError
from ..model import INPUTS, NAMED_INPUTS, compute
from ..sites import RAINIER_SITES
from ..validate import BOUNDS, labelled, name_list, precision

MAX_QUERY = 2000  # characters; a shareable link is far shorter
NUMERIC = list(INPUTS)
NAMES = {**NAMED_INPUTS, "site": "sites"}
SCREENS = ("basics", "advanced")  # the app's screens; the first is the classroom's simple one
VIEW = ("precision", "screen")  # link parameters that choose what is shown, not compute() inputs
# the link's order: the preset, then compute()'s inputs as the core lists them, then the view
ORDER = ["site", *INPUTS, *NAMED_INPUTS, *VIEW]


def parse(query: str | None) -> tuple[dict[str, Any], list[str]]:
    """(inputs, messages): validated inputs found in `query`, and one message per problem.

    Examples
    --------
    >>> parse("site_power=600&load_factor=0")
    ({'site_power': 600.0}, ['load_factor = 0 is out of range; allowed: 0.01 ≤ load_factor ≤ 1.'])
    """
    messages: list[str] = []
    if not query:
        return {}, messages
    query = query.lstrip("?")
    if len(query) > MAX_QUERY:
        return {}, [
            f"The link's parameters are longer than {MAX_QUERY} characters and were ignored."
        ]
    try:
        pairs = parse_qsl(query, keep_blank_values=True, max_num_fields=50)
    except ValueError:
        return {}, ["The link has too many parameters; they were ignored."]
    out: dict[str, Any] = {}
    for key, raw in pairs:  # the last value of a repeated key wins
        try:
            out[key] = _one(key, raw)
        except InputError as err:
            out.pop(key, None)
            messages.append(str(err))
        except KeyError:
            messages.append(f"Unknown link parameter {_short(key)!r} was ignored.")
    # combinations (e.g. cooling + overhead ≥ 1): drop the offending fields, keep the rest
    for _ in range(len(out) + 1):
        try:
            compute(**{k: v for k, v in out.items() if k not in VIEW and k not in CONTEXT_FIELDS})
            break
        except InputError as err:
            messages.append(str(err))
            bad = [f for f in err.field.split(" + ") if f in out] or list(out)[-1:]
            for f in bad:
                out.pop(f, None)
    messages += context_combinations(out)
    return out, messages


def _one(key: str, raw: str) -> Any:
    if key in RANGES_FIELDS:
        return show_ranges(raw) if key == "ranges" else tornado_output(raw)
    if key in NUMERIC:
        if key == "chips" and raw.strip().lower() in ("", "fill"):
            return None
        try:
            value = float(raw)
        except ValueError:
            raise InputError(
                key, _short(raw), BOUNDS[key].describe(key), "is not a number"
            ) from None
        value = float(labelled(key, value).values)  # the core's range check (and -0 → 0)
        return int(value) if key == "chips" else value
    if key in NAMES:
        return catalog.check_name(key, raw, NAMES[key])
    if key == "precision":
        return precision(raw)
    if key == "screen":
        return screen(raw)
    if key in CONTEXT_FIELDS:
        return context_value(key, raw)
    raise KeyError(key)


def screen(raw: str) -> str:
    """The app's screen from an untrusted name: one of `SCREENS` (case and spaces ignored).

    Examples
    --------
    >>> screen(" Basics ")
    'basics'
    """
    name = str(raw).strip().lower()
    if name not in SCREENS:
        raise InputError("screen", _short(str(raw)), "one of " + ", ".join(SCREENS), "is unknown")
    return name


def _short(text: str) -> str:
    return text if len(text) <= 40 else text[:37] + "..."


def build(state: dict[str, Any]) -> str:
    """A query string (without '?') for the state, in a stable order; None values are left out.

    Examples
    --------
    >>> build({"chip": "h100", "site_power": 600.0, "chips": None})
    'site_power=600&chip=h100'
    """
    items = []
    for key in ORDER:
        value = state.get(key)
        if value is None:
            continue
        if isinstance(
            value, float
        ):  # short when that is exact, else every digit: a link round-trips
            short = f"{value:.6g}"
            value = short if float(short) == value else repr(value)
        items.append((key, value))
    return urlencode(items)


# ------------------------------------------------------------------ the "Site in context" panel
# Its fields (explorer.ui.context): the climate year's cooling technology and weather station,
# the battery settings (explorer.batteries.SETTINGS) and the several-sites split. None of them is a
# compute() input; each is checked by the core's own rule.
CONTEXT_NUMBERS = tuple(batteries.SETTINGS)
CONTEXT_FIELDS = ("cooling_tech", "station", *CONTEXT_NUMBERS, "sites", "site_powers")
# not in ORDER: the app's scenario takes only ORDER's keys; the panel's link_state() is appended
MAX_SITES = 9  # at most one of each site preset


def context_value(key: str, raw: str) -> Any:
    """One of the panel's fields from an untrusted link value, or InputError naming it.

    Lists (``sites``, ``site_powers``) are comma-separated.

    Examples
    --------
    >>> context_value("sites", "rainier-indiana,rainier-mississippi")
    ['rainier-indiana', 'rainier-mississippi']
    >>> context_value("site_powers", "2200, 300")
    [2200.0, 300.0]
    >>> context_value("ride_through_minutes", "-5")
    Traceback (most recent call last):
    ...
    explorer.errors.InputError: ride_through_minutes = -5 is out of range;
    allowed: 0 min < ride_through_minutes ≤ 240 min.
    """
    text = str(raw).strip()
    if key == "cooling_tech":
        return catalog.check_name(key, text, "cooling_tech")
    if key == "station":
        if text not in climate.stations():
            raise InputError(
                key, _short(text), "one of " + ", ".join(climate.stations()), "has no data shipped"
            )
        return text
    if key in CONTEXT_NUMBERS:
        try:
            value = float(text)
        except ValueError:
            raise InputError(
                key, _short(text), BOUNDS[key].describe(key), "is not a number"
            ) from None
        return float(labelled(key, value).values)
    items = [i.strip() for i in text.split(",")]
    if len(items) > MAX_SITES:
        raise InputError(key, _short(text), f"at most {MAX_SITES} values", "has too many values")
    if key == "sites":
        return name_list("sites", items, catalog.names("sites"))
    if key == "site_powers":
        bound = BOUNDS["site_power"]
        out = []
        for item in items:
            try:
                value = float(item)
            except ValueError:
                raise InputError(
                    key, _short(item), bound.describe("each site power"), "is not a number"
                ) from None
            if not (math.isfinite(value) and bound.ok(value)):
                raise InputError(key, value, bound.describe("each site power"))
            out.append(value)
        return out
    raise KeyError(key)


def context_combinations(found: dict[str, Any]) -> list[str]:
    """Messages for panel fields that are fine alone but not together; the later one is dropped.

    Examples
    --------
    >>> found = {"sites": ["generic", "rainier-indiana"], "site_powers": [300.0]}
    >>> print(*context_combinations(found))
    site_powers = [300.0] does not match the sites; allowed: one power per site (2 values).
    >>> "site_powers" in found
    False
    """
    messages = []
    minutes = found.get("swing_minutes", batteries.default_settings()["swing_minutes"])
    per_day = found.get("swings_per_day", batteries.default_settings()["swings_per_day"])
    if "swing_minutes" in found or "swings_per_day" in found:
        try:
            batteries.smoothing_battery(1.0, minutes, per_day)
        except InputError as err:
            messages.append(str(err))
            found.pop("swings_per_day" if "swings_per_day" in found else "swing_minutes")
    if "site_powers" in found:
        sites = found.get("sites", list(RAINIER_SITES))
        if len(found["site_powers"]) != len(sites):
            err = InputError(
                "site_powers",
                found.pop("site_powers"),
                f"one power per site ({len(sites)} values)",
                "does not match the sites",
            )
            messages.append(str(err))
    return messages


# ---------------------------------------------------------------- compare: a pinned scenario A
PINNED = "a."  # A's parameters in a link: its own names with this prefix (``a.site_power=300``)


def build_pinned(state: dict[str, Any]) -> str:
    """The pinned scenario A's part of a link: `build` of its inputs, each name prefixed
    with `PINNED` (A shares the page's view, so ``precision`` and ``screen`` are left out).

    Examples
    --------
    >>> build_pinned({"site": "xai-colossus", "site_power": 150.0, "precision": "fp8"})
    'a.site=xai-colossus&a.site_power=150'
    """
    own = {k: v for k, v in state.items() if k not in VIEW}
    return urlencode([(PINNED + k, v) for k, v in parse_qsl(build(own), keep_blank_values=True)])


def parse_compare(
    query: str | None,
) -> tuple[dict[str, Any], dict[str, Any] | None, list[str]]:
    """(inputs, pinned, messages): `parse` of the link's own parameters, the same of the
    pinned scenario A's (`PINNED`-prefixed; None when the link has no A), and one message per
    problem in either, A's marked as A's. Never raises.

    Examples
    --------
    >>> parse_compare("site_power=600&a.site_power=300&a.mfu=7")
    ({'site_power': 600.0}, {'site_power': 300.0}, ['Pinned scenario A: mfu = 7 is out of range; allowed: 0 ≤ mfu ≤ 1.'])
    """  # noqa: E501
    if not query:
        return {}, None, []
    raw = query.lstrip("?")
    if len(raw) > 2 * MAX_QUERY:
        return (
            {},
            None,
            [f"The link's parameters are longer than {2 * MAX_QUERY} characters and were ignored."],
        )
    try:
        pairs = parse_qsl(raw, keep_blank_values=True, max_num_fields=100)
    except ValueError:
        return {}, None, ["The link has too many parameters; they were ignored."]
    mine = [(k, v) for k, v in pairs if not k.startswith(PINNED)]
    theirs = [(k[len(PINNED) :], v) for k, v in pairs if k.startswith(PINNED)]
    found, messages = parse(urlencode(mine))
    if not theirs:
        return found, None, messages
    pinned, problems = parse(urlencode([(k, v) for k, v in theirs if k not in VIEW]))
    problems += [
        f"{_short(PINNED + k)!r} was ignored: the pinned scenario shares the page's view."
        for k, _ in theirs
        if k in VIEW
    ]
    return found, pinned, messages + [f"Pinned scenario A: {m}" for m in problems]


# ------------------------------------------------------------------ the headline ranges (#12)
# ``ranges=0`` hides the 90 % ranges under the headline numbers (explorer.ui.ranges; shown by
# default); ``tornado=<output>`` is the headline the "What moves this number" panel shows
# (explorer.ui.tornado). View parameters, not compute() inputs.
RANGES_FIELDS = ("ranges", "tornado")
VIEW = (*VIEW, *RANGES_FIELDS)  # kept out of parse()'s compute() check
# Not in ORDER: the app's scenario state holds ORDER's keys; these reach their widgets only
# (explorer.ui.ranges, explorer.ui.tornado: link_state() / load()).
_ON, _OFF = ("1", "on", "true", "yes", "show"), ("0", "off", "false", "no", "hide")


def show_ranges(raw: str) -> bool:
    """Whether the headlines show their ranges, from an untrusted link value (``1`` or ``0``).

    Examples
    --------
    >>> show_ranges("0"), show_ranges(" On ")
    (False, True)
    >>> show_ranges("maybe")
    Traceback (most recent call last):
    ...
    explorer.errors.InputError: ranges = 'maybe' is not 1 or 0; allowed: 1 (show) or 0 (hide).
    """
    text = str(raw).strip().lower()
    if text in _ON:
        return True
    if text in _OFF:
        return False
    raise InputError("ranges", _short(str(raw)), "1 (show) or 0 (hide)", "is not 1 or 0")


def tornado_output(raw: str) -> str:
    """The tornado panel's headline from an untrusted link value: one of
    `explorer.ui.headlines.HEADLINES`.

    Examples
    --------
    >>> tornado_output("cooling_power")
    'cooling_power'
    """
    from .headlines import HEADLINES

    name = str(raw).strip()
    if name not in HEADLINES:
        raise InputError("tornado", _short(name), "one of " + ", ".join(HEADLINES), "is unknown")
    return name
