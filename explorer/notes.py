"""Plain-language notes about one scenario: flags the reader should see beside the numbers.

Each function takes the Dataset of one scenario from `explorer.compute` and returns sentences
(no HTML); the app escapes and shows them.
"""

from __future__ import annotations

import math

import xarray as xr

from . import catalog, climate, fmt, power, training
from .units import factor

FLEET_PUE_KEY = "cooling.aws-fleet.pue"
PUE_TOLERANCE = 0.10  # relative distance from the fleet PUE that earns a note


def power_shortfall(ds: xr.Dataset) -> list[str]:
    """The chips need more power than the site has.

    Examples
    --------
    >>> from explorer import compute
    >>> power_shortfall(compute(site_power=100, chips=1_000_000, chip="h100"))[0][:40]
    'The 1,000,000 chips need 1.5 GW but the '
    """
    if float(ds.power_headroom) >= 0:
        return []
    return [
        f"The {fmt.number(float(ds.chips))} chips "
        f"need {fmt.quantity(float(ds.power_required), 'MW')} "
        f"but the site has {fmt.quantity(float(ds.site_power), 'MW')}: only "
        f"{fmt.number(float(ds.chips_powered))} of them can run, and the FLOPS count only those."
    ]


def pue_vs_fleet(ds: xr.Dataset) -> list[str]:
    """A cooling share whose PUE is far from the operator's published fleet PUE.

    Examples
    --------
    >>> from explorer import compute
    >>> pue_vs_fleet(compute(cooling_fraction=0.10))
    []
    >>> "1.75" in pue_vs_fleet(compute(cooling_fraction=0.4))[0]
    True
    """
    fleet = catalog.entry(FLEET_PUE_KEY)
    pue = float(ds.pue)
    if abs(pue - fleet.value) <= PUE_TOLERANCE * fleet.value:
        return []
    implied = power.cooling_share_at("aws-fleet", float(ds.overhead_fraction))
    return [
        f"A cooling share of {fmt.percent(float(ds.cooling_fraction))} (with "
        f"{fmt.percent(float(ds.overhead_fraction))} other losses) means a PUE of {pue:.2f}. "
        f"AWS reports a fleet PUE of {fleet.value:.2f} ({fleet.source_title}, {fleet.date}), "
        f"which leaves only about {fmt.percent(max(implied, 0.0), 2)} for cooling."
    ]


def hot_hours(ds: xr.Dataset) -> list[str]:
    """The hottest hours of the site's climate year draw more than the site power.

    Where the cooling share comes from the plant's climate year (``cooling_basis`` ``climate``),
    the site power carries the year's annual PUE: a design decision (`explorer.climate`). The
    note names the year's peak facility draw at this IT load and the hours above the site power
    (`explorer.climate.hours_above`); `explorer.climate_year` has them as outputs.

    Examples
    --------
    >>> from explorer import compute
    >>> hot_hours(compute(site="rainier-mississippi"))[0][:46]
    'The hottest hours of the typical year draw up '
    >>> hot_hours(compute(site="rainier-mississippi", cooling_fraction=0.2))
    []
    """
    station, tech = ds.attrs.get("station"), ds.attrs.get("cooling_tech")
    if (
        ds.attrs.get("cooling_basis") != "climate"
        or station not in climate.stations()
        or tech is None
        or ds["it_power"].size != 1
        or float(ds.it_power) <= 0
    ):
        return []
    py = climate.plant_year(climate.load_station(station), tech)
    fo, it, site = (float(ds[k]) for k in ("overhead_fraction", "it_power", "site_power"))
    peak = it * climate.peak_per_it(py, fo)
    hours = float(climate.hours_above(py, fo, site / it))
    if peak <= site * (1 + 1e-12):
        return []
    return [
        f"The hottest hours of the typical year draw up to {fmt.quantity(peak, 'MW')} "
        f"({fmt.percent(peak / site - 1)} above the {fmt.quantity(site, 'MW')} site power), "
        f"for {fmt.number(hours)} h a year: the site power carries the year's annual PUE "
        f"({float(ds.pue):.3f}); a grid connection sized for the peak, or a peak-shaving "
        "battery, carries the hot hours (climate_year: peak_facility_power, "
        "hours_above_site_power)."
    ]


def conflicts(chip: str, site: str | None, precision: str | None = None) -> list[str]:
    """Where the catalog's sources disagree about the chosen chip or site.

    Examples
    --------
    >>> len(conflicts("trn2", None, "fp8_sparse")), len(conflicts("trn2", None, "fp8"))
    (1, 0)
    """
    out = []
    prefixes = [f"chips.{chip}"] + ([f"sites.{site}"] if site else [])
    for prefix in prefixes:
        for c in catalog.conflicts(prefix):
            if precision and c["key"].endswith(("fp8_sparse",)) and precision != "fp8_sparse":
                continue
            out.append(f"Sources disagree: {c['note']} ({c['source_title']})")
    return out


def city_basis(ds: xr.Dataset) -> str:
    """The assumption behind "a city of N": which basis, and its arithmetic.

    Examples
    --------
    >>> from explorer import compute
    >>> city_basis(compute(site="rainier-mississippi"))[:37]
    '2.63 TWh/yr ÷ 10.7 MWh per household '
    """
    basis = str(ds.basis.values)
    per = str(ds.basis_per.values)
    e = catalog.entry(f"bases.{basis}.value")
    energy = fmt.si(float(ds.annual_energy) * factor(ds.annual_energy.attrs["units"], "Wh"), "Wh")
    value = fmt.si(
        e.value * factor("kWh", "Wh"), "Wh"
    )  # the basis entries are kWh per person or household
    count = float(ds.city_households if per == "household" else ds.city_people)
    return (
        f"{energy}/yr ÷ {value} per {per} per year ({catalog.label('bases', basis)}; "
        f"{e.source_title}, {e.date}) = {fmt.number(count)} {per}s"
    )


def mfu_basis(chip: str, precision: str, mfu: float, label: str = "") -> str:
    """How the effective FLOP/s follow from the MFU at `precision`, said beside them: the MFU
    is a BF16 run's; a lower precision trains faster by its measured speed-up, not by its peak
    ratio (`training.mfu_scale`), so it reaches a smaller share of its own peak.

    Examples
    --------
    >>> mfu_basis("trn2", "bf16", 0.4)
    'at 40 % MFU'
    >>> said = mfu_basis("trn2", "fp8", 0.4, "FP8")  # 0.40 x 1.28 / (1,299 / 667)
    >>> for part in said.split("; "): print(part)
    at 26.3 % of the FP8 peak (40 % MFU in BF16
    FP8 trains 1.28× as fast as BF16, not the 1.95× of its peak)
    """
    peak = catalog.chip_table().peak_flops.sel(chip=chip)
    scale = float(training.mfu_scale(peak).sel(precision=precision))
    if math.isnan(scale) or math.isclose(scale, 1.0):
        return f"at {fmt.percent(mfu)} MFU"
    label = label or precision
    ratio = float(peak.sel(precision=precision) / peak.sel(precision="bf16"))
    return (
        f"at {fmt.percent(mfu * scale)} of the {label} peak ({fmt.percent(mfu)} MFU in BF16; "
        f"{label} trains {fmt.number(ratio * scale, 3)}× as fast as BF16, not the "
        f"{fmt.number(ratio, 3)}× of its peak)"
    )


def all_notes(ds: xr.Dataset, site: str | None, precision: str | None = None) -> list[str]:
    """Every flag for one scenario, most urgent first.

    Examples
    --------
    >>> from explorer import compute
    >>> len(all_notes(compute(site="rainier-mississippi"), "rainier-mississippi")) >= 2
    True
    """
    chip = str(ds.chip.values)
    return power_shortfall(ds) + hot_hours(ds) + pue_vs_fleet(ds) + conflicts(chip, site, precision)
