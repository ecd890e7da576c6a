"""explorer.validate: every entry point's input checks, and the messages they give."""

from __future__ import annotations

import numpy as np
import pytest
import xarray as xr

from explorer import InputError, validate
from explorer.validate import BOUNDS


@pytest.mark.parametrize(
    ("field", "text"),
    [
        ("site_power", "1 MW ≤ site_power ≤ 10000 MW"),
        ("cooling_fraction", "0 ≤ cooling_fraction < 1"),
        ("chips", "1 chips ≤ chips ≤ 1e+09 chips, a whole number"),
        ("effective_flops", "0 FLOP/s < effective_flops ≤ 1e+25 FLOP/s"),
        ("training_compute", "1 FLOP ≤ training_compute ≤ 1e+32 FLOP"),
    ],
)
def test_bounds_describe_themselves(field, text):
    assert BOUNDS[field].describe(field) == text


@pytest.mark.parametrize(
    ("field", "inside", "outside"),
    [
        ("site_power", [1, 300, 10_000], [0.999, 10_000.001, -5]),
        (
            "cooling_fraction",
            [0, 0.999],
            [1, -0.001],
        ),  # open above: all power to cooling is not a site
        ("effective_flops", [1e-9, 1e25], [0]),  # open below
        ("mfu", [0, 1], [1.0001]),
    ],
)
def test_bounds_include_their_ends_unless_open(field, inside, outside):
    assert BOUNDS[field].ok(np.array(inside, dtype=float)).all()
    assert not BOUNDS[field].ok(np.array(outside, dtype=float)).any()


def test_a_scalar_a_list_and_a_dataarray():
    s = validate.number("site_power", 300)
    assert s.dims == () and s.dtype == np.float64 and float(s) == 300.0
    lst = validate.number("site_power", [10, 20, 30])
    assert lst.dims == ("site_power",) and list(lst.site_power.values) == [10.0, 20.0, 30.0]
    da = validate.number("mfu", xr.DataArray([1, 0], dims="scenario"))
    assert da.dims == ("scenario",) and da.dtype == np.float64


def test_labelled_keeps_scalars_bare():
    v = validate.labelled("mfu", 0.4)
    assert isinstance(v, xr.Variable) and v.dims == () and float(v) == 0.4
    assert isinstance(validate.labelled("mfu", [0.3, 0.4]), xr.DataArray)
    with pytest.raises(InputError, match="mfu = 2 is out of range"):
        validate.labelled("mfu", 2)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        (
            "site_power",
            -5,
            "site_power = -5 is out of range; allowed: 1 MW ≤ site_power ≤ 10000 MW.",
        ),
        ("site_power", "300", "site_power = '300' is not a number; allowed:"),
        ("site_power", True, "site_power = True is not a number"),
        ("site_power", None, "site_power = None is not a number"),
        ("site_power", float("nan"), "site_power = nan is not a finite number"),
        ("site_power", [10, float("inf")], "site_power = inf is not a finite number"),
        ("site_power", [[1, 2], [3, 4]], "has more than one dimension"),
        ("site_power", [10, "x"], "is not a number"),
        ("chips", 12.5, "chips = 12.5 is not a whole number"),
        ("chips", -1, "chips = -1 is out of range"),
        ("cooling_fraction", [0.1, 1.0], "cooling_fraction = 1 is out of range"),
    ],
)
def test_bad_values_name_the_field_the_value_and_the_range(field, value, message):
    with pytest.raises(InputError) as info:
        validate.number(field, value)
    assert message in str(info.value)
    assert info.value.field == field
    assert isinstance(info.value, ValueError)  # callers that catch ValueError still work


def test_cooling_and_other_losses_must_leave_power_for_it():
    validate.fractions_sum(xr.DataArray(0.5), xr.DataArray(0.3))  # 0.8: fine
    with pytest.raises(InputError) as info:
        validate.fractions_sum(xr.DataArray([0.2, 0.9]), xr.DataArray(0.1))  # 0.3 and 1.0
    assert info.value.value == 1.0
    assert "leaves no power for IT" in str(info.value)


def test_names():
    chips = ["trn2", "h100"]
    assert validate.name_list("chip", "trn2", chips) == "trn2"
    assert validate.name_list("chip", ["h100", "trn2"], chips) == ["h100", "trn2"]
    assert validate.name_list("chip", xr.DataArray(["trn2"]), chips) == ["trn2"]
    for bad, words in (
        ("a100", "is not a known name"),
        ([], "is an empty list"),
        (["trn2", "trn2"], "repeats a name"),
        ([1], "is not a known name"),
        (5, "is not a name"),
    ):
        with pytest.raises(InputError, match=words):
            validate.name_list("chip", bad, chips)


def test_long_values_are_shortened_in_messages():
    with pytest.raises(InputError) as info:
        validate.number("site_power", "9" * 200)
    shown = str(info.value).split(" is not a number")[0]
    assert len(shown) < 80 and shown.endswith("...")


def test_slider_spans_lie_inside_the_bounds_and_their_ends_compute():
    # a slider may offer less than the core accepts, never more: both ends are valid scenarios
    from explorer import compute
    from explorer.validate import BOUNDS, SLIDER_SPANS, slider_span

    for field, span in SLIDER_SPANS.items():
        bound = BOUNDS[field]
        assert bound.lo <= span.lo < span.hi <= bound.hi
        assert slider_span(field) is span
        for end in (span.lo, span.hi):
            assert np.isfinite(float(compute(**{field: end}).site_power))
    assert slider_span("mfu") is BOUNDS["mfu"]  # no span of its own: the whole bound
    # 0.9 of 300 MW cooling leaves 300 x (1 - 0.9 - 0.03) = 21 MW for IT (generic site's 3 % other)
    it = float(compute(cooling_fraction=slider_span("cooling_fraction").hi).it_power)
    np.testing.assert_allclose(it, 300 * (1 - 0.9 - 0.03), rtol=1e-9)
