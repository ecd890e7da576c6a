"""One rule for every numeric input: `validate.BOUNDS`, probed at its edges through the API and
the URL.

For each input of `explorer.compute`: the minimum and maximum (accepted unless the bound is open),
the nearest floats just inside (accepted) and just outside (refused), -0 and the smallest subnormal
(accepted exactly when the range includes them). Whatever is accepted computes without NaN and
without a negative zero; the URL parser keeps a value exactly when the API accepts it.
"""

from __future__ import annotations

import math
from urllib.parse import quote

import numpy as np
import pytest
from conftest import check_each

from explorer import INPUTS, InputError, compute
from explorer.ui import links
from explorer.validate import BOUNDS, CHIP_TDP_RANGE

TINY = 5e-324  # the smallest subnormal float
# inputs next to each other in the cooling + losses < 1 rule: hold the other one at zero
CONTEXT = {
    "cooling_fraction": {"overhead_fraction": 0.0},
    "overhead_fraction": {"cooling_fraction": 0.0},
    "pue": {"overhead_fraction": 0.0},
    # the training inputs mean something only with a run; a billion-chip job only without
    # interruptions (else it never progresses: infinite days, flagged), one chip at the fastest
    "training_compute": {},
    "parameters": {"tokens": 1e12},
    "tokens": {"parameters": 1e9},
    "job_chips": {"training_compute": 1e24, "interruption_rate": 0.0},
    "checkpoint_minutes": {"training_compute": 1e24},
    "restart_minutes": {"training_compute": 1e24},
    "restart_growth": {"training_compute": 1e24, "job_chips": 20_000.0},
    "interruption_rate": {"training_compute": 1e24, "job_chips": 1.0},
}
# infinite where nothing interrupts the job (interruption_rate 0), as COP is with no cooling
INFINITE_OK = {"cooling_cop", "job_mtbi", "checkpoint_interval"}
NUMERIC = [n for n in INPUTS if n != "chip_tdp"]  # chip_tdp's range is per chip: tested below


def _probes(name: str) -> list[tuple[str, float, bool]]:
    b = BOUNDS[name]
    probes = [
        ("min", b.lo, not b.lo_open),
        ("max", b.hi, not b.hi_open),
        ("just inside min", np.nextafter(b.lo, math.inf), True),
        ("just inside max", np.nextafter(b.hi, -math.inf), True),
        ("just outside min", np.nextafter(b.lo, -math.inf), False),
        ("just outside max", np.nextafter(b.hi, math.inf), False),
        ("-0", -0.0, bool(b.ok(np.asarray(0.0)))),
        ("subnormal", TINY, bool(b.ok(np.asarray(TINY))) and not b.integer),
    ]
    if b.integer:  # a whole-number input: the float next to a bound is not a whole number
        probes = [(w, v, ok and float(v) == math.floor(v)) for w, v, ok in probes]
    return probes


CASES = [(n, *p) for n in NUMERIC for p in _probes(n)]


def _clean(ds) -> None:
    from explorer import catalog

    no_mode = np.isnan(
        catalog.chip_table().peak_flops.sel(chip=ds.chip.values).values
    )  # e.g. FP8 on TPU v4
    for name, var in ds.data_vars.items():
        if var.dtype.kind != "f":
            continue
        values = var.values
        nan = np.isnan(values)
        if "precision" in var.dims:
            nan &= ~no_mode
        assert not nan.any(), f"{name} has NaN"
        if (
            name not in INFINITE_OK
        ):  # inf there means "no power spent on cooling", "never interrupted"
            assert (np.isfinite(values) | np.isnan(values)).all(), f"{name} is infinite"
        assert not (np.signbit(values) & (values == 0)).any(), f"{name} shows -0"


def test_every_input_at_its_bounds_through_the_api_and_the_url():
    def check(case: tuple[str, str, float, bool]) -> None:
        name, _, value, accepted = case
        kwargs = {**CONTEXT.get(name, {}), name: float(value), "chip": "h100"}
        if accepted:
            _clean(compute(**kwargs))
        else:
            with pytest.raises(InputError) as info:
                compute(**kwargs)
            assert info.value.field == name
            assert BOUNDS[name].describe(name) in str(info.value)
        query = (
            links.build({**CONTEXT.get(name, {}), "chip": "h100"})
            + f"&{name}={quote(repr(float(value)))}"
        )
        found, messages = links.parse(query)
        assert (name in found) == accepted, messages
        if accepted:
            assert not math.copysign(1, found[name]) < 0 or found[name] != 0  # -0 arrives as 0

    assert check_each(CASES, check, name=lambda c: f"{c[0]} {c[1]} ({c[2]!r})") == len(CASES)


def test_zero_is_a_plain_value_where_the_range_includes_it():
    ds = compute(
        site_power=100,
        cooling_fraction=0,
        overhead_fraction=0,
        electricity_price=0,
        carbon_intensity=0,
        wue=0,
        mfu=0,
        chip="h100",
    )
    assert float(ds.it_power) == 100 and float(ds.pue) == 1
    assert float(ds.annual_cost) == float(ds.annual_co2) == float(ds.annual_water) == 0
    assert float(ds.effective_flops.sel(precision="bf16")) == 0
    assert math.isinf(float(ds.cooling_cop))
    assert float(ds.city_households) > 0  # the site still uses electricity


def test_load_factor_zero_or_vanishing_is_refused_everywhere():
    def check(value: float) -> None:
        with pytest.raises(InputError, match="load_factor"):
            compute(load_factor=value)
        found, messages = links.parse(f"load_factor={value!r}&site_power=300")
        assert found == {"site_power": 300.0} and "load_factor" in messages[0]

    assert check_each([0.0, -0.0, 1e-400, TINY, 0.009], check) == 5


def test_chip_tdp_at_each_chips_own_bounds():
    from explorer import catalog, cluster

    def check(chip: str) -> None:
        rated = catalog.value(f"chips.{chip}.tdp", "W")
        # from the chip's minimum settable power limit (H100: 200 W) to 1.5 x its TDP
        lo = round(float(cluster.capping_curve().min_power.sel(chip=chip)) * 1000, 9)
        hi = CHIP_TDP_RANGE[1] * rated
        for value in (lo, hi, np.nextafter(lo, math.inf), np.nextafter(hi, -math.inf)):
            _clean(compute(chip=chip, chip_tdp=float(value)))
        for value in (np.nextafter(lo, -math.inf), np.nextafter(hi, math.inf), -0.0, TINY):
            with pytest.raises(InputError) as info:
                compute(chip=chip, chip_tdp=float(value))
            assert info.value.field == "chip_tdp", value

    assert check_each(["h100", "gb200", "tpu-v4"], check) == 3
