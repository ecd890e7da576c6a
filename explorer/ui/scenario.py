"""The app's model: one scenario's inputs, view choices and cached results, with no widgets.

`Scenario` holds what the reader chose (the compute() inputs, the preset, the screen and the
precision), checks every change through the core (a refused change keeps the last valid state
and returns the core's message), keeps the result of `explorer.compute` and the two derived
results the charts draw (the site-power sweep and the comparison across accelerators, each
recomputed only when an input it uses changed), and builds the shareable link.

Examples
--------
>>> s = Scenario()
>>> s.change("site_power", 600.0) is None
True
>>> s.change("site_power", -5.0)
'site_power = -5 is out of range; allowed: 1 MW ≤ site_power ≤ 10000 MW.'
>>> s.state["site_power"]
600.0
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import numpy as np
import xarray as xr

from .. import catalog
from ..errors import InputError
from ..model import compute, cooling_from_pue, preset_inputs
from ..validate import BOUNDS, labelled
from . import links
from .theme import START_PRECISION

SWEEP = np.geomspace(BOUNDS["site_power"].lo, BOUNDS["site_power"].hi, 121)  # MW, for the curves
TRAINING = ("model", "job_chips", "checkpoint_minutes", "restart_minutes")  # blank: the default
PRESET_FIELDS = (
    "site_power",
    "cooling_fraction",
    "overhead_fraction",
    "chip",
    "basis",
    "mfu",
    "load_factor",
)
KEEP_PRESET = ("precision", "basis", *TRAINING)  # changing these leaves the preset chosen
START_SCREEN = "advanced"  # a link without `screen` opens the full screen, as before
START_SITE = catalog.DEFAULT_SITE  # the core's default (the generic site)
REFERENCE_SITE = "xai-colossus"  # the Basics screen's known cluster: its announced chips and power
PER_CHIP = ("chip_tdp", "server_overhead")  # given for the chosen chip, not for every chip


def parse_number(field: str, text: str) -> float | int:
    """A typed value as a number, or InputError naming the field and its range.

    Examples
    --------
    >>> parse_number("chips", "16,384")
    16384
    """
    try:
        value = float(str(text).strip().replace(",", "").replace("_", ""))
    except ValueError:
        raise InputError(
            field, str(text)[:40], BOUNDS[field].describe(field), "is not a number"
        ) from None
    if field == "chips" and math.isfinite(value) and value == int(value):
        return int(value)
    return value


def scalars(ds: xr.Dataset, precision: str) -> dict[str, float]:
    """A one-scenario result as plain floats (per-precision outputs at `precision`).

    Reading variables once is far cheaper than one xarray lookup per number shown."""
    i = [str(p) for p in ds.indexes["precision"]].index(precision)
    out = {}
    for name, var in ds.variables.items():
        if var.dtype.kind not in "fiu":  # floats and whole numbers (training_flags' bit mask)
            continue
        if var.ndim == 0:
            out[name] = float(var.values)
        elif var.dims == ("precision",):
            out[name] = float(var.values[i])
    return out


def preset_state(site: str) -> dict[str, Any]:
    """The app's state for a facility preset: the preset's own inputs."""
    inputs = preset_inputs(site)
    return {"site": site, **{k: inputs[k] for k in PRESET_FIELDS}}


@dataclass
class Pinned:
    """Scenario A of a comparison, as it was pinned: never recomputed while B moves."""

    state: dict[str, Any]
    site: str
    custom: bool
    result: xr.Dataset  # compute(**inputs of state)
    chips: xr.Dataset | None = None  # the comparison across chips (the Advanced screen's)


class Scenario:
    """One scenario: inputs (`state`), view (`screen`, precision in `state`), cached results.

    Attributes
    ----------
    state : dict
        compute() inputs plus ``precision``; ``chips`` None fills the site, a training field
        None means the core's default.
    site : str
        The preset last chosen (the link's ``site``).
    custom : bool
        True once an input the preset sets was changed by hand.
    screen : str
        ``basics`` or ``advanced``; Basics needs neither the sweep nor the chip comparison.
    result : xarray.Dataset
        compute(**inputs) of the last accepted state.
    sweep, chips : xarray.Dataset or None
        The same along `SWEEP` site powers, and along every catalog chip (None until the
        Advanced screen needed them).
    recomputes : int
        How many accepted computations ran (one per accepted change).
    pinned : Pinned or None
        Scenario A of a comparison (`pin`); this scenario is then B.
    """

    def __init__(self) -> None:
        self.recomputes = 0
        self.result: xr.Dataset | None = None
        self.sweep: xr.Dataset | None = None
        self.chips: xr.Dataset | None = None
        self._sweep_key: tuple | None = None
        self._chips_key: tuple | None = None
        self._values: tuple[Any, str, dict[str, float]] | None = None
        self._reference: dict[str, float] = {}
        self._pinned_values: tuple[Any, str, dict[str, float]] | None = None
        self.pinned: Pinned | None = None
        self.reset()
        self.recompute()  # a scenario always has a result

    # ------------------------------------------------------------------ state
    def reset(self) -> None:
        """Back to the catalog defaults (results stay cached until the next compute)."""
        self.site = START_SITE
        self.screen = START_SCREEN
        self.custom = False
        self.pinned = None
        self.state: dict[str, Any] = {
            **preset_state(self.site),
            "precision": START_PRECISION,
            "chips": None,
        }

    @property
    def precision(self) -> str:
        return self.state["precision"]

    @staticmethod
    def inputs_of(state: Mapping[str, Any]) -> dict[str, Any]:
        """The compute() keyword arguments of a state (view choices and blanks left out)."""
        return {
            k: v for k, v in state.items() if k != "precision" and not (k in TRAINING and v is None)
        }

    @property
    def inputs(self) -> dict[str, Any]:
        return self.inputs_of(self.state)

    # ------------------------------------------------------------------ changes
    def change(self, field: str, value: Any) -> str | None:
        """Set one input; None when accepted, else the core's message (the state is kept)."""
        new = {**self.state, field: value}
        if field == "chip":
            new.pop("chip_tdp", None)  # a link's power cap belongs to the chip it came with
        try:
            self.recompute(new)
        except InputError as err:
            return str(err)
        self.state = new
        if field not in KEEP_PRESET:
            self.custom = True
        return None

    def change_typed(self, field: str, text: str) -> str | None:
        """A value typed into a field: parsed, then checked like any change. A blank training
        field means the core's default."""
        if field in TRAINING and not str(text).strip():
            return self.change(field, None)
        try:
            value = parse_number(field, text)
        except InputError as err:
            return str(err)
        return self.change(field, value)

    def change_pue(self, text: str) -> str | None:
        """A PUE typed beside the cooling share: the core turns it into the cooling share."""
        try:
            pue = labelled("pue", parse_number("pue", text))
            overhead = labelled("overhead_fraction", self.state["overhead_fraction"])
            cooling = float(cooling_from_pue(pue, overhead).values)
        except InputError as err:
            return str(err)
        return self.change("cooling_fraction", cooling)

    def choose_preset(self, site: str) -> None:
        """A facility preset: its inputs replace the ones it sets (others, e.g. a training run,
        stay)."""
        new = {**self.state, **preset_state(site)}
        self.recompute(new)
        self.site, self.state, self.custom = site, new, False

    def set_screen(self, screen: str) -> None:
        """Show another screen; its results are computed for the current state."""
        self.screen = links.screen(screen)
        self.recompute()

    def load_link(self, query: str | None) -> tuple[dict[str, Any], list[str]]:
        """Reset, then apply a shared link's (untrusted) query and compute it; a link with a
        pinned scenario A (``a.``-prefixed parameters) pins it.

        Returns (found, messages): every parameter `explorer.ui.links.parse` accepted for the
        main scenario (panels read their own fields from it) and one message per parameter
        that was not used."""
        self.reset()
        found, pinned, messages = links.parse_compare(query)
        self.screen = found.get("screen", START_SCREEN)
        self.site, state, self.custom = self._state_from(found)
        self.recompute(state)
        self.state = state
        if pinned is not None:
            site, a_state, custom = self._state_from(pinned)
            try:
                self.pinned = self._computed_pin(a_state, site, custom)
            except InputError as err:  # parse() checked it; never an exception all the same
                messages.append(f"Pinned scenario A: {err}")
        return found, messages

    def _state_from(self, found: Mapping[str, Any]) -> tuple[str, dict[str, Any], bool]:
        """(site, state, custom) for a parsed link's values, from the catalog defaults up."""
        site = found.get("site", START_SITE)
        state = {**preset_state(site), "precision": self.precision, "chips": None}
        own = {k: v for k, v in found.items() if k in links.ORDER and k != "screen"}
        if "pue" in own:  # the app keeps the cooling share; the core turns the PUE into it
            overhead = own.get("overhead_fraction", state["overhead_fraction"])
            own["cooling_fraction"] = float(
                cooling_from_pue(
                    labelled("pue", own.pop("pue")), labelled("overhead_fraction", overhead)
                ).values
            )
        # custom: an input the preset sets (or leaves at the core's default) differs from it
        custom = any(
            k not in KEEP_PRESET and k != "site" and state.get(k, None) != v for k, v in own.items()
        )
        state.update(own)
        return site, state, custom

    # ------------------------------------------------------------------ compare
    def pin(self) -> None:
        """Keep the current scenario as A (its results as they are: nothing is recomputed);
        the controls then move B (this scenario)."""
        chips = self.chips if self.screen != "basics" else None  # Basics lets it go stale
        self.pinned = Pinned(dict(self.state), self.site, self.custom, self.result, chips)

    def unpin(self) -> None:
        """Back to one scenario."""
        self.pinned = None

    def _computed_pin(self, state: dict[str, Any], site: str, custom: bool) -> Pinned:
        """A scenario A from its state (a link's), computed once."""
        pinned = Pinned(dict(state), site, custom, compute(**self.inputs_of(state)))
        if self.screen != "basics":
            self._derive(pinned)
        return pinned

    def _derive(self, pinned: Pinned) -> None:
        """A's comparison across chips, computed once when the Advanced screen needs it (A's
        own site-power sweep is not drawn: A is a point on the curves)."""
        inputs = self.inputs_of(pinned.state)
        others = {k: v for k, v in inputs.items() if k not in PER_CHIP}
        pinned.chips = compute(**{**others, "chip": catalog.names("chips"), "chips": None})

    @property
    def pinned_values(self) -> dict[str, float] | None:
        """A's result as plain floats at the page's precision (None when nothing is pinned)."""
        if self.pinned is None:
            return None
        ds, prec = self.pinned.result, self.precision
        cached = self._pinned_values
        if cached is None or cached[0] is not ds or cached[1] != prec:
            self._pinned_values = (ds, prec, scalars(ds, prec))
        return self._pinned_values[2]

    # ------------------------------------------------------------------ compute
    def recompute(self, state: Mapping[str, Any] | None = None) -> xr.Dataset:
        """compute() the state (the current one by default) and refresh the derived results it
        needs; raises InputError and leaves every cached result as it was when refused."""
        inputs = self.inputs_of(self.state if state is None else state)
        ds = compute(**inputs)  # validates every value: widget bounds are not validation
        sweep, chips = self.sweep, self.chips
        sweep_key, chips_key = self._sweep_key, self._chips_key
        if self.screen != "basics":  # Basics has no curves or chip bars
            # The curve and the chip comparison do not depend on every input: recompute them
            # only when an input they use changed (a site-power move costs one core call).
            key = tuple(sorted((k, repr(v)) for k, v in inputs.items() if k != "site_power"))
            if key != sweep_key:
                sweep, sweep_key = compute(**{**inputs, "site_power": SWEEP}), key
            key = (inputs["cooling_fraction"], inputs["overhead_fraction"], inputs["site"])
            if key != chips_key:
                others = {k: v for k, v in inputs.items() if k not in PER_CHIP}
                chips = compute(**{**others, "chip": catalog.names("chips"), "chips": None})
                chips_key = key
        self.result, self.sweep, self.chips = ds, sweep, chips
        self._sweep_key, self._chips_key = sweep_key, chips_key
        self.recomputes += 1
        if self.pinned is not None and self.pinned.chips is None and self.screen != "basics":
            self._derive(self.pinned)  # A pinned on Basics or from a link: once
        return ds

    @property
    def values(self) -> dict[str, float]:
        """The result as plain floats at the chosen precision (cached per result)."""
        ds, prec = self.result, self.precision
        if self._values is None or self._values[0] is not ds or self._values[1] != prec:
            self._values = (ds, prec, scalars(ds, prec))
        return self._values[2]

    @property
    def per(self) -> str:
        """The city basis's unit: ``person`` or ``household``."""
        return str(self.result.basis_per.values)

    def reference_flops(self) -> float:
        """The Basics screen's known cluster's peak FLOP/s at the chosen precision [FLOP/s]."""
        if self.precision not in self._reference:
            ref = compute(site=REFERENCE_SITE).peak_flops
            self._reference = {
                str(p): float(x) for p, x in zip(ref.precision.values, ref.values, strict=True)
            }
        return self._reference[self.precision]

    # ------------------------------------------------------------------ the link
    def link(self, extra: Mapping[str, Any] | None = None) -> str:
        """The shareable query string ("?…"): the state, the preset, the screen, the pinned
        scenario A (``a.``-prefixed) and `extra` (the panels' own fields, non-defaults only)."""
        query = links.build({**self.state, "site": self.site, "screen": self.screen})
        pinned = (
            links.build_pinned({**self.pinned.state, "site": self.pinned.site})
            if self.pinned is not None
            else ""
        )
        more = urlencode([(k, v) for k, v in (extra or {}).items() if v is not None])
        return "?" + "&".join(q for q in (query, pinned, more) if q)
