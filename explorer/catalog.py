"""The sourced data catalog (explorer/data/catalog.toml), loaded once into xarray tables.

Every figure is an `Entry` (value, unit, source, date, confidence, note). Tables used by the
model are converted into the model's working units with pint at load time:
FLOP/s per chip, kW per chip, TB and TB/s per chip, kWh per person/household per year.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np
import xarray as xr

from .errors import InputError
from .units import factor

PRECISIONS: tuple[str, ...] = ("bf16", "fp8", "fp8_sparse")
_PRECISION_FIELDS = {"bf16": "bf16_dense", "fp8": "fp8_dense", "fp8_sparse": "fp8_sparse"}
DEFAULT_SITE = "generic"  # a modern hyperscale AI site; the Rainier presets are by name


@dataclass(frozen=True)
class Entry:
    """One sourced figure from the catalog."""

    key: str
    value: float
    unit: str
    source: str
    source_title: str
    source_url: str
    date: str
    confidence: str
    note: str = ""

    def to(self, unit: str) -> float:
        """The value converted into `unit`."""
        return self.value * factor(self.unit, unit)

    def as_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "value": self.value,
            "unit": self.unit,
            "source": self.source_title,
            "url": self.source_url,
            "date": self.date,
            "confidence": self.confidence,
            "note": self.note,
        }


@lru_cache(maxsize=1)
def raw() -> dict[str, Any]:
    """The catalog as parsed TOML (do not mutate).

    Examples
    --------
    >>> raw()["sites"]["generic"]["chip"]
    'h100'
    """
    text = resources.files("explorer").joinpath("data/catalog.toml").read_text("utf-8")
    return tomllib.loads(text)


def _is_entry(node: object) -> bool:
    return isinstance(node, dict) and "value" in node and "source" in node


def entry(key: str) -> Entry:
    """The catalog entry at a dotted key, e.g. ``"chips.trn2.tdp"``.

    Examples
    --------
    >>> e = entry("cooling.aws-fleet.pue")
    >>> e.value, e.confidence, e.date
    (1.15, 'high', '2023 and 2024')
    """
    node: Any = raw()
    for part in key.split("."):
        if not isinstance(node, dict) or part not in node:
            raise KeyError(f"no catalog entry {key!r}")
        node = node[part]
    if not _is_entry(node):
        raise KeyError(f"catalog key {key!r} is a group, not a value")
    src = raw()["sources"].get(node["source"], {})
    return Entry(
        key=key,
        value=float(node["value"]),
        unit=node["unit"],
        source=node["source"],
        source_title=src.get("title", node["source"]),
        source_url=src.get("url", ""),
        date=str(node.get("date", "")),
        confidence=node.get("confidence", ""),
        note=node.get("note", ""),
    )


def entries_under(prefix: str) -> list[Entry]:
    """Every sourced value below a group, e.g. ``"chips.trn2"``, in catalog order.

    Examples
    --------
    >>> [e.key for e in entries_under("cooling.hyperscale-ai")]
    ['cooling.hyperscale-ai.pue', 'cooling.hyperscale-ai.wue']
    """
    node: Any = raw()
    for part in prefix.split("."):
        node = node[part]
    return [entry(f"{prefix}.{k}") for k, v in node.items() if _is_entry(v)]


def value(key: str, unit: str) -> float:
    """A catalog value in the given unit.

    Examples
    --------
    >>> round(value("chips.h100.tdp", "kW"), 6)
    0.7
    """
    return entry(key).to(unit)


def names(group: str) -> list[str]:
    """Names in a catalog group: ``chips``, ``sites``, ``bases``, ``regions``, ``systems`` ...

    Examples
    --------
    >>> names("sites")[:3]
    ['generic', 'rainier-mississippi', 'rainier-indiana']
    """
    return list(raw()[group])


def label(group: str, name: str) -> str:
    """The human-readable label of a catalog item.

    Examples
    --------
    >>> label("chips", "mi300x")
    'AMD Instinct MI300X'
    """
    return raw()[group][name].get("label", name)


def conflicts(prefix: str = "") -> list[dict[str, Any]]:
    """Recorded disagreements between sources whose key starts with `prefix`.

    Examples
    --------
    >>> [c["value"] for c in conflicts("sites.rainier-mississippi.cooling")]
    [0.1]
    """
    out = []
    for c in raw().get("conflicts", []):
        if c["key"].startswith(prefix):
            src = raw()["sources"].get(c["source"], {})
            out.append(
                {**c, "source_title": src.get("title", c["source"]), "url": src.get("url", "")}
            )
    return out


def aliases(group: str) -> dict[str, str]:
    """Old names still accepted in a catalog group, mapped to the current name.

    Examples
    --------
    >>> aliases("bases")["ms-person"]
    'us-ms-person'
    """
    return _aliases(group)


@lru_cache(maxsize=8)
def _aliases(group: str) -> dict[str, str]:
    return {old: name for name, node in raw()[group].items() for old in node.get("aliases", [])}


def check_name(field: str, name: object, group: str) -> str:
    """The current catalog name for `name` (an old alias maps to it), else InputError.

    Examples
    --------
    >>> check_name("basis", "ms-person", "bases")
    'us-ms-person'
    """
    choices = names(group)
    if isinstance(name, str) and name in _aliases(group):
        return _aliases(group)[name]
    if not isinstance(name, str) or name not in choices:
        raise InputError(field, name, "one of " + ", ".join(choices), "is not a known name")
    return name


# ------------------------------------------------------------------ tables for the model
@lru_cache(maxsize=1)
def chip_table() -> xr.Dataset:
    """Per-chip figures along a ``chip`` dimension (peak FLOP/s also along ``precision``).

    Missing figures (e.g. FP8 on the A100) are NaN.

    Examples
    --------
    >>> t = chip_table()
    >>> round(float(t.tdp.sel(chip="mi355x")), 6)  # kW
    1.4
    >>> bool(t.peak_flops.sel(chip="a100", precision="fp8").isnull())
    True
    """
    chips = names("chips")
    peak = np.full((len(chips), len(PRECISIONS)), np.nan)
    cols: dict[str, list[float]] = {
        k: []
        for k in (
            "tdp",
            "server_overhead",
            "hbm_capacity",
            "hbm_bandwidth",
            "interconnect_bandwidth",
        )
    }
    units = {
        "tdp": "kW",
        "server_overhead": "dimensionless",
        "hbm_capacity": "TB",
        "hbm_bandwidth": "TB/s",
        "interconnect_bandwidth": "TB/s",
    }
    node = raw()["chips"]
    for i, chip in enumerate(chips):
        for j, prec in enumerate(PRECISIONS):
            field = _PRECISION_FIELDS[prec]
            if field in node[chip]:
                peak[i, j] = value(f"chips.{chip}.{field}", "FLOP/s")
        for k, unit in units.items():
            cols[k].append(value(f"chips.{chip}.{k}", unit) if k in node[chip] else np.nan)
    coords = {"chip": chips, "precision": list(PRECISIONS)}
    ds = xr.Dataset(
        {
            "peak_flops": (
                ("chip", "precision"),
                peak,
                {"units": "FLOP/s", "long_name": "peak FLOP/s per chip"},
            ),
            **{
                k: (
                    "chip",
                    np.asarray(v),
                    {"units": units[k], "long_name": k.replace("_", " ") + " per chip"},
                )
                for k, v in cols.items()
            },
        },
        coords=coords,
    )
    ds["label"] = ("chip", [label("chips", c) for c in chips])
    ds["overhead_basis"] = ("chip", [node[c].get("overhead_basis", "") for c in chips])
    return ds


@lru_cache(maxsize=1)
def basis_table() -> xr.Dataset:
    """Annual electricity per person or per household along a ``basis`` dimension.

    Examples
    --------
    >>> float(basis_table().basis_value.sel(basis="us-household"))  # kWh per household per year
    10715.0
    """
    bases = names("bases")
    node = raw()["bases"]
    per = [node[b]["per"] for b in bases]
    vals = [value(f"bases.{b}.value", f"kWh / {p} / year") for b, p in zip(bases, per, strict=True)]
    return xr.Dataset(
        {
            "basis_value": (
                "basis",
                np.asarray(vals, dtype=float),
                {
                    "units": "kWh/yr per person or household",
                    "long_name": "annual electricity per person or household",
                },
            ),
            "basis_per": ("basis", per),
            "basis_label": ("basis", [label("bases", b) for b in bases]),
        },
        coords={"basis": bases},
    )


def site_inputs(site: str) -> dict[str, Any]:
    """The compute() inputs a site preset defines, in the model's units.

    A preset gives either ``cooling_fraction`` or ``pue``; without either, its cooling
    reference's PUE applies. Regions without a recorded price or intensity leave it out.

    Examples
    --------
    >>> site_inputs("rainier-mississippi")["cooling_fraction"]
    0.4
    >>> site_inputs("generic")["pue"]
    1.18
    """
    check_name("site", site, "sites")
    node = raw()["sites"][site]
    region = node["region"]
    cooling = node["cooling"]
    out: dict[str, Any] = {
        "site_power": value(f"sites.{site}.site_power", "MW"),
        "chip": node["chip"],
        "basis": node["basis"],
        "wue": value(f"cooling.{cooling}.wue", "L / kWh"),
    }
    if "cooling_fraction" in node:
        out["cooling_fraction"] = value(f"sites.{site}.cooling_fraction", "dimensionless")
    else:
        key = f"sites.{site}.pue" if "pue" in node else f"cooling.{cooling}.pue"
        out["pue"] = value(key, "dimensionless")
    for name, unit in (("electricity_price", "USD / MWh"), ("carbon_intensity", "g / kWh")):
        if name in raw()["regions"][region]:
            out[name] = value(f"regions.{region}.{name}", unit)
    return out


def site_sources(site: str) -> list[Entry]:
    """The sourced figures behind a site preset (site, region, cooling reference).

    Examples
    --------
    >>> [e.key for e in site_sources("xai-colossus")][:2]
    ['sites.xai-colossus.site_power', 'sites.xai-colossus.accelerators']
    """
    check_name("site", site, "sites")
    node = raw()["sites"][site]
    return (
        entries_under(f"sites.{site}")
        + entries_under(f"regions.{node['region']}")
        + entries_under(f"cooling.{node['cooling']}")
    )


# ------------------------------------------------------------------ uncertainty ranges
# Confidences whose figures carry a range (catalog [uncertainty]); "medium-high" and "high" do not
# need one (a few high ones have one anyway where their own note records a spread).
UNCERTAIN_CONFIDENCE: tuple[str, ...] = ("medium", "medium-low", "low")
DISTRIBUTIONS: tuple[str, ...] = ("uniform", "triangular")


@dataclass(frozen=True)
class Range:
    """The low / central / high of one catalog figure, in the entry's unit, and how it is drawn."""

    key: str
    low: float
    central: float
    high: float
    unit: str
    distribution: str
    low_source: str
    high_source: str
    note: str = ""
    rule: str = ""  # the rule's `match` when it comes from [[uncertainty.rules]]

    def to(self, unit: str) -> tuple[float, float, float]:
        """(low, central, high) in `unit`."""
        f = factor(self.unit, unit)
        return self.low * f, self.central * f, self.high * f

    def as_dict(self) -> dict[str, Any]:
        src = raw()["sources"]
        return {
            "key": self.key,
            "low": self.low,
            "central": self.central,
            "high": self.high,
            "unit": self.unit,
            "distribution": self.distribution,
            "low_source": src.get(self.low_source, {}).get("title", self.low_source),
            "high_source": src.get(self.high_source, {}).get("title", self.high_source),
            "note": self.note,
            "rule": self.rule,
        }


def _all_entries(node: dict[str, Any], prefix: str = "") -> list[str]:
    out = []
    for k, v in node.items():
        if k in ("sources", "uncertainty", "conflicts") and not prefix:
            continue
        if _is_entry(v):
            out.append(prefix + k)
        elif isinstance(v, dict):
            out.extend(_all_entries(v, f"{prefix}{k}."))
    return out


@lru_cache(maxsize=1)
def uncertainty_ranges() -> dict[str, Range]:
    """Every catalog figure with a range, by key: explicit ``[uncertainty.ranges]`` first, then the
    first matching ``[[uncertainty.rules]]`` entry.

    Examples
    --------
    >>> r = uncertainty_ranges()["sites.rainier-mississippi.cooling_fraction"]
    >>> r.low, r.central, r.high, r.distribution
    (0.1, 0.4, 0.5, 'triangular')
    >>> r = uncertainty_ranges()["bases.us-ga-person.value"]   # a rule: +-10 %
    >>> round(r.low), round(r.high), r.rule
    (11700, 14300, 'bases.*.value')
    """
    from fnmatch import fnmatchcase

    node = raw().get("uncertainty", {})
    out: dict[str, Range] = {}
    for key, spec in node.get("ranges", {}).items():
        e = entry(key)
        out[key] = _range(key, e, spec["low"], spec.get("central", e.value), spec["high"], spec, "")
    rules = node.get("rules", [])
    for key in _all_entries(raw()):
        if key in out:
            continue
        e = entry(key)
        for rule in rules:
            if not fnmatchcase(key, rule["match"]) or e.confidence not in rule["confidence"]:
                continue
            if "value" in rule and e.value != rule["value"]:
                continue
            if "relative" in rule:
                lo, hi = rule["relative"]
                low, high = e.value * (1 + lo), e.value * (1 + hi)
            else:
                low, high = rule["low"], rule["high"]
            out[key] = _range(key, e, low, e.value, high, rule, rule["match"])
            break
    return out


def _range(
    key: str, e: Entry, low: float, central: float, high: float, spec: dict[str, Any], rule: str
) -> Range:
    dist = spec["distribution"]
    if dist not in DISTRIBUTIONS:
        raise ValueError(
            f"catalog range {key!r}: distribution {dist!r} is not one of {DISTRIBUTIONS}"
        )
    if not low <= central <= high:
        raise ValueError(
            f"catalog range {key!r}: needs low <= central <= high, got {low}, {central}, {high}"
        )
    return Range(
        key,
        float(low),
        float(central),
        float(high),
        e.unit,
        dist,
        spec["low_source"],
        spec["high_source"],
        spec.get("note", ""),
        rule,
    )


def uncertainty_not_inputs() -> dict[str, str]:
    """Conflicts and figures that do not feed compute, with the reason (no range needed).

    Examples
    --------
    >>> "rainier.third_state" in uncertainty_not_inputs()
    True
    """
    return dict(raw().get("uncertainty", {}).get("not_inputs", {}))


def site_input_keys(site: str) -> dict[str, str]:
    """The catalog key behind each input a site preset defines (as `site_inputs` reads them).

    Examples
    --------
    >>> ms = site_input_keys("rainier-mississippi")
    >>> site_input_keys("generic")["pue"], ms["cooling_fraction"]
    ('cooling.hyperscale-ai.pue', 'sites.rainier-mississippi.cooling_fraction')
    """
    check_name("site", site, "sites")
    node = raw()["sites"][site]
    region, cooling = node["region"], node["cooling"]
    out = {"site_power": f"sites.{site}.site_power", "wue": f"cooling.{cooling}.wue"}
    if "cooling_fraction" in node:
        out["cooling_fraction"] = f"sites.{site}.cooling_fraction"
    else:
        out["pue"] = f"sites.{site}.pue" if "pue" in node else f"cooling.{cooling}.pue"
    for name in ("electricity_price", "carbon_intensity"):
        if name in raw()["regions"][region]:
            out[name] = f"regions.{region}.{name}"
    return out
