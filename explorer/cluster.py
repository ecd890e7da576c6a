"""From IT power to chips and FLOPS: per-chip power, chip counts, cluster peak and memory.

Power capping. A chip capped below its rated power keeps its hosts, memory and NICs
(`chip_power` with ``rated_tdp``) and loses clock: `cap_throughput` is its throughput at the cap
as a share of its throughput at the rated power. So capping packs more chips into a fixed site,
but the site's FLOP/s rise at most by the chip's gain in FLOP/s per watt (`cap_flops_per_watt_gain`)
and, with the hosts' fixed power, by less.

Campus scale. Beside the servers a campus has scale-out network, storage and management:
`explorer.compute`'s input ``it_overhead`` (campus IT / servers' IT) divides the IT power by
``accelerator_power`` = ``chip_power`` × ``it_overhead`` in the chip count; `campus_power` is the
same product for a campus. The default is 1 (catalog ``defaults.it_overhead``): the servers'
nameplate power (``server_overhead``, e.g. a DGX H100 at its 10.2 kW maximum) already reproduces
the announced campuses; SemiAnalysis's itemised 1,389 W of critical IT per H100 against 1,275 W
in its server (catalog ``campus.it_overhead``, 1.089) is the campus variant (8 % fewer chips per
MW). Campuses checked (``tests/test_cluster.py``, ``CAMPUSES``), with PUE 1.18 (1.15 for AWS):

==========================  ==================  =========  ================  ================
campus                      accelerators        announced  it_overhead 1     1.089
==========================  ==================  =========  ================  ================
xAI Colossus phase 1        100,000 H100        150 MW     150 MW (+0 %)     164 MW (+9 %)
xAI Colossus phase 2        200,000 H100/H200   ~300 MW    301 MW (+0 %)     327 MW (+9 %)
Stargate Abilene            ~400,000 GB200      1,200 MW   787 MW (-34 %)    857 MW (-29 %)
Project Rainier (3 states)  ~1,000,000 Trn2     ~1 GW      1,047 MW (+5 %)   1,140 MW (+14 %)
==========================  ==================  =========  ================  ================

Colossus's 150 MW is its grid approval (it also ran ~35 gas turbines early on, so its true draw
is not published); Abilene's 1.2 GW is the campus capacity (growth and redundancy; the chip
count is a press report); Rainier's ~1 GW is AWS's round figure for a target of one million
chips whose TDP AWS does not publish. Meta Prometheus and Hyperion and Microsoft Fairwater
publish power without an accelerator count (or the reverse), so they cannot be checked this way.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TypeVar

import numpy as np
import xarray as xr

from .units import factor

A = TypeVar("A", xr.DataArray, np.ndarray, float)

_KW_PER_MW = factor("MW", "kW")
_W_PER_KW = factor("kW", "W")


def chip_power(tdp: A, server_overhead: A, rated_tdp: A | None = None) -> A:
    """All-in IT power per accelerator [kW] = TDP [kW] × server overhead [1].

    With a cap (`tdp` below or above `rated_tdp`), the server's other parts keep the power they
    draw beside a chip at its rated TDP: ``rated × (overhead − 1) + tdp``.

    Parameters
    ----------
    tdp : float or array-like
        The chip's thermal design power, or the power it is capped at [kW].
    server_overhead : float or array-like
        All-in IT power per chip / chip TDP [1] at the rated TDP: hosts, memory, NICs, switches.
    rated_tdp : float or array-like, optional
        The chip's rated TDP [kW] when `tdp` is a cap; default `tdp`.

    References
    ----------
    .. [1] Epoch AI, "AI supercomputers power trend" (2025): DGX H100 10.2 kW / (8 × 700 W) = 1.82.

    Examples
    --------
    >>> round(chip_power(0.7, 1.82), 3)  # one H100 in a DGX H100
    1.274
    >>> round(chip_power(0.35, 1.82, 0.7), 3)  # capped at 350 W: 0.7 x 0.82 + 0.35
    0.924
    """
    if rated_tdp is None:
        return tdp * server_overhead
    return rated_tdp * (server_overhead - 1.0) + tdp


def cap_throughput(cap: A, rated: A, static_share: A, exponent: A) -> A:
    """Throughput of a chip capped at `cap` as a share of its throughput at `rated` power [1].

    ``((cap − s·rated) / (rated − s·rated))^exponent`` below the rated power, 1 at or above it:
    the chip is power-bound at its rated cap, the static share ``s`` of its power does not scale
    with the clock, and the dynamic rest scales as the clock cubed (``P ~ C V² f``, ``V ~ f``:
    exponent 1/3). Above the rated power the vendor's peak stays the ceiling.

    Parameters
    ----------
    cap, rated : float or array-like
        The power cap and the rated power [any one unit].
    static_share : float or array-like
        Power that does not scale with the clock / rated power [1] (catalog
        ``capping.static_share``).
    exponent : float or array-like
        Throughput ~ dynamic power ^ exponent [1] (catalog ``capping.exponent``).

    References
    ----------
    .. [1] Mittal & Vetter (2014), ACM Computing Surveys 47(2): DVFS and GPU power.
    .. [2] McDonald et al. (2022), Findings of NAACL: power capping of GPUs in training.

    Examples
    --------
    >>> float(cap_throughput(700.0, 700.0, 0.113, 1 / 3))
    1.0
    >>> round(float(cap_throughput(350.0, 700.0, 0.113, 1 / 3)), 3)  # H100 at half power
    0.758
    """
    share = np.minimum(cap / rated, 1.0)
    return ((share - static_share) / (1.0 - static_share)) ** exponent


def cap_flops_per_watt_gain(cap: A, rated: A, static_share: A, exponent: A) -> A:
    """The chip's FLOP/s per watt at `cap` relative to its rated power [1] =
    `cap_throughput` / (cap / rated): the most a capped site's FLOP/s can rise.

    Examples
    --------
    >>> round(float(cap_flops_per_watt_gain(350.0, 700.0, 0.113, 1 / 3)), 3)
    1.517
    """
    return cap_throughput(cap, rated, static_share, exponent) / (cap / rated)


def campus_power(chips: A, chip_power_kw: A, it_overhead: A, pue: A) -> A:
    """Facility power of a campus [MW] = chips × all-in chip power [kW] × campus IT overhead
    (network, storage, management beside the servers) [1] × PUE [1].

    Examples
    --------
    >>> round(campus_power(100_000, 1.274, 1.089, 1.18), 1)  # xAI Colossus phase 1: 150 MW
    163.7
    """
    return chips * chip_power_kw * it_overhead * pue * (1.0 / _KW_PER_MW)


def chips_supported(it_power: A, chip_power_kw: A) -> A:
    """Whole accelerators the IT power [MW] can feed at `chip_power_kw` [kW] each [count].

    Examples
    --------
    >>> float(chips_supported(100.0, 1.274))  # 100 MW of IT power, H100s
    78492.0
    """
    return np.floor(it_power * _KW_PER_MW / chip_power_kw)


def power_required(chips: A, chip_power_kw: A, pue: A) -> A:
    """Facility power [MW] `chips` need at `chip_power_kw` [kW] each and the site's PUE [1].

    Examples
    --------
    >>> round(power_required(100_000, 1.274, 1.18), 1)  # 100,000 H100: xAI Colossus phase 1
    150.3
    """
    return chips * chip_power_kw * pue * (1.0 / _KW_PER_MW)


def flops_per_watt(peak_per_chip: A, chip_power_kw: A, pue: A) -> A:
    """Peak FLOP/s per watt of facility power [FLOP/s/W], from the chip's peak [FLOP/s],
    all-in power [kW] and the PUE [1].

    Examples
    --------
    >>> f"{flops_per_watt(989e12, 1.274, 1.18):.3g}"  # H100 BF16 dense
    '6.58e+11'
    """
    return peak_per_chip / (chip_power_kw * _W_PER_KW * pue)


@lru_cache(maxsize=1)
def capping_curve() -> xr.Dataset:
    """The power-capping curve's parameters from the catalog (``[capping]``, ``chips.*``).

    ``min_power`` [kW] along ``chip``: the minimum settable power limit where published
    (``chips.*.min_power``: H100 200 W, A100 100 W), else ``capping.min_power_share`` × TDP;
    ``static_share`` and ``exponent`` [1] of `cap_throughput`.

    Examples
    --------
    >>> c = capping_curve()
    >>> float(c.min_power.sel(chip="h100")), round(float(c.min_power.sel(chip="gb200")), 3)
    (0.2, 0.3)
    """
    from . import catalog

    table = catalog.chip_table()
    node = catalog.raw()["chips"]
    share = catalog.value("capping.min_power_share", "dimensionless")
    floors = [
        catalog.value(f"chips.{c}.min_power", "kW")
        if "min_power" in node[c]
        else share * float(table.tdp.sel(chip=c))
        for c in table.chip.values
    ]
    return xr.Dataset(
        {
            "min_power": (
                "chip",
                np.array(floors),
                {"units": "kW", "long_name": "minimum settable power limit per chip"},
            ),
            "static_share": (
                (),
                catalog.value("capping.static_share", "dimensionless"),
                {"units": "1", "long_name": "power that does not scale with the clock / rated"},
            ),
            "exponent": (
                (),
                catalog.value("capping.exponent", "dimensionless"),
                {"units": "1", "long_name": "throughput ~ dynamic power ^ exponent"},
            ),
        },
        coords={"chip": table.chip.values},
    )
