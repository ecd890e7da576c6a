"""explorer.compute: conservation, the article's city, chips and FLOPS, attrs, sweeps, bad input."""

from __future__ import annotations

import math

import numpy as np
import pytest
import xarray as xr
from conftest import check_each
from numpy.testing import assert_allclose

import explorer
from explorer import InputError, catalog, compute, model


def test_default_is_the_generic_preset_and_every_variable_has_units_and_long_name():
    ds = compute()
    assert float(ds.site_power) == catalog.value("sites.generic.site_power", "MW")
    assert str(ds.chip.values) == "h100"
    # the generic site's cooling follows its PUE: 1 - 1/1.18 - 0.03 = 0.12254
    assert float(ds.pue) == pytest.approx(1.18, rel=1e-12)
    assert float(ds.cooling_fraction) == pytest.approx(0.122542, abs=1e-6)
    site_inputs = [k for k in explorer.INPUTS if k not in model.TRAINING_INPUTS]
    for name in site_inputs + list(model.SITE_OUTPUTS):
        var = ds[name]
        assert var.attrs.get("units"), name
        assert var.attrs.get("long_name"), name


def test_conservation_and_pue():
    ds = compute(site_power=300, cooling_fraction=0.4, overhead_fraction=0.05, chip="trn2")
    total = ds.it_power + ds.cooling_power + ds.overhead_power
    assert float(total) == pytest.approx(300, rel=1e-12)
    assert float(ds.pue) == pytest.approx(1 / (1 - 0.4 - 0.05))
    assert float(ds.pue) == pytest.approx(float(ds.site_power / ds.it_power))


def test_article_city_is_households_not_people():
    ds = compute(site_power=300, basis=["us-household", "us-person"])
    households = float(ds.city_households.sel(basis="us-household"))
    people_all_sector = float(ds.city_people.sel(basis="us-person"))
    # 300 MW x 8760 h / 10,715 kWh per household ~ 245,000: the article's "roughly 250,000"
    assert households == pytest.approx(250_000, rel=0.05)
    assert people_all_sector == pytest.approx(215_000, rel=0.01)  # / 12,200 kWh per person
    assert float(ds.basis_value.sel(basis="us-household")) == catalog.value(
        "bases.us-household.value", "kWh/household/year"
    )
    # the arithmetic shown in the UI: energy / basis
    assert households == pytest.approx(
        float(ds.annual_energy) * 1e6 / float(ds.basis_value.sel(basis="us-household"))
    )


def test_people_and_households_are_linked_by_household_size():
    ds = compute(basis=["us-household", "ms-person"])
    pph = catalog.value("conventions.persons_per_household", "person/household")
    np.testing.assert_allclose(ds.city_people / ds.city_households, pph)


def test_fill_the_site_uses_whole_chips_within_it_power():
    ds = compute(site_power=300, cooling_fraction=0.1, chip="h100")
    n = float(ds.chips_supported)
    assert n == math.floor(n)
    per_chip_mw = float(ds.chip_power) / 1000
    assert n * per_chip_mw <= float(ds.it_power) < (n + 1) * per_chip_mw
    assert float(ds.chips) == n
    assert 0 <= float(ds.power_headroom) < per_chip_mw * float(ds.pue)


def test_too_many_chips_is_a_flag_and_flops_count_only_powered_chips():
    ds = compute(site_power=300, chips=1_000_000, chip="trn2")
    assert float(ds.power_headroom) < 0
    assert float(ds.chips) == 1_000_000
    assert float(ds.chips_powered) == float(ds.chips_supported)
    per_chip = catalog.chip_table().peak_flops.sel(chip="trn2")
    np.testing.assert_allclose(ds.peak_flops, ds.chips_supported * per_chip)


def test_fewer_chips_than_the_site_feeds():
    ds = compute(site_power=300, chips=1000, chip="gb200", mfu=0.5)
    assert float(ds.power_headroom) > 0
    peak = catalog.chip_table().peak_flops.sel(chip="gb200") * 1000
    np.testing.assert_allclose(ds.peak_flops, peak)
    # FP8 trains 1.28x faster than BF16 (FP8-LM), not at its 2x (4x sparse) peak: the MFU
    # against each peak is 0.5, 0.5 x 1.28 / 2 and 0.5 x 1.28 / 4
    bf16 = float(peak.sel(precision="bf16"))
    np.testing.assert_allclose(ds.effective_flops, bf16 * 0.5 * np.array([1, 1.28, 1.28]))
    assert float(ds.hbm_capacity) == pytest.approx(1000 * 186 / 1000)


def test_rainier_compute_matches_published_exaflops():
    # Semafor: ~1M Trainium2 chips = "1,300 exaflops" (FP8 dense)
    ds = compute(site_power=10_000, chips=1_000_000, chip="trn2")
    assert float(ds.peak_flops.sel(precision="fp8")) == pytest.approx(1.3e21, rel=0.01)


def test_energy_cost_carbon_water_follow_the_inputs():
    ds = compute(
        site_power=100,
        cooling_fraction=0.1,
        overhead_fraction=0.0,
        load_factor=0.5,
        electricity_price=50,
        carbon_intensity=400,
        wue=1.0,
    )
    hours = catalog.value("conventions.hours_per_year", "hour/year")
    energy_gwh = 100 * 0.5 * hours / 1000
    assert float(ds.annual_energy) == pytest.approx(energy_gwh)
    assert float(ds.annual_cost) == pytest.approx(energy_gwh * 1000 * 50)
    assert float(ds.annual_co2) == pytest.approx(energy_gwh * 1e6 * 400 / 1e6)
    assert float(ds.annual_water) == pytest.approx(energy_gwh * 0.9 * 1e6 * 1.0 / 1000)


def test_heat_removed_rejected_and_cop():
    ds = compute(site_power=300, cooling_fraction=0.4, overhead_fraction=0.03)
    assert float(ds.heat_removed) == pytest.approx(300 * 0.6)  # IT 171 + losses 9 MW
    assert float(ds.heat_removed_tons) == pytest.approx(
        300 * 0.6 * 1e6 / 3516.85, rel=1e-4
    )  # 51,182 t
    assert float(ds.heat_rejected) == pytest.approx(
        300
    )  # the cooling plant's 120 MW leave as heat too
    assert float(ds.heat_rejected_tons) == pytest.approx(300 * 1e6 / 3516.85, rel=1e-4)
    assert float(ds.cooling_cop) == pytest.approx(0.6 / 0.4)
    assert math.isinf(float(compute(cooling_fraction=0.0).cooling_cop))


@pytest.mark.parametrize("chips", [None, 50_000])
def test_heat_balance_filled_and_at_part_load(chips):
    ds = compute(site_power=300, cooling_fraction=0.3, chip="h100", chips=chips)
    np.testing.assert_allclose(ds.heat_rejected, ds.facility_load, rtol=1e-12)
    # at any load the cooling plant draws its share of the load (the model runs at the site's PUE)
    np.testing.assert_allclose(
        ds.heat_removed + ds.cooling_fraction * ds.facility_load, ds.heat_rejected, rtol=1e-12
    )
    if chips is None:
        np.testing.assert_allclose(ds.heat_removed + ds.cooling_power, ds.heat_rejected, rtol=1e-12)


def test_facility_load_is_what_the_chips_draw_capped_at_the_site():
    # the case: 50,000 H100 on a 300 MW site at the Mississippi article's cooling share
    ds = compute(
        site_power=300,
        chip="h100",
        chips=50_000,
        site="rainier-mississippi",
        cooling_default="article",
    )
    # 50,000 x 0.7 kW x 1.82 / (1 - 0.4 - 0.03) = 111.75 MW
    assert float(ds.facility_load) == pytest.approx(50_000 * 0.7 * 1.82 / 0.57 / 1000)
    assert float(ds.facility_load) == pytest.approx(111.754, rel=1e-4)
    # 111.75 MW x 8,760 h = 979 GWh a year, not the site's 2,628
    assert float(ds.annual_energy) == pytest.approx(111.754 * 8.76, rel=1e-4)
    over = compute(site_power=300, chip="h100", chips=1_000_000)
    assert float(over.facility_load) == 300.0  # more chips than the site feeds: capped


def test_energy_cost_carbon_water_and_city_scale_with_the_load():
    full = compute(site_power=300, chip="h100", site="rainier-indiana")
    part = compute(site_power=300, chip="h100", chips=20_000, site="rainier-indiana")
    ratio = float(part.facility_load / full.facility_load)
    assert 0 < ratio < 1
    for name in (
        "annual_energy",
        "annual_cost",
        "annual_co2",
        "annual_water",
        "city_people",
        "city_households",
        "heat_rejected",
    ):
        assert float(part[name]) == pytest.approx(float(full[name]) * ratio, rel=1e-12), name


def test_filling_the_site_gives_the_capacity_numbers():
    ds = compute(site_power=300, cooling_fraction=0.4, chip="trn2", site="rainier-mississippi")
    assert float(ds.facility_load) == 300.0
    assert float(ds.annual_energy) == pytest.approx(300 * 8760 / 1000)  # 2,628 GWh as before
    assert float(ds.annual_cost) == pytest.approx(
        2628 * 1000 * 69.6
    )  # 182.9 M USD at MS's 69.6 USD/MWh


def test_100k_h100_on_the_generic_site_is_close_to_colossus_phase_1():
    ds = compute(chip="h100", chips=100_000, site="generic")
    # 100,000 x 700 W x 1.82 x PUE 1.18 = 150.3 MW; ~150 MW reported for Colossus phase 1
    assert float(ds.facility_load) == pytest.approx(150.332, rel=1e-6)
    assert float(ds.power_required) == pytest.approx(150, rel=0.05)


@pytest.mark.parametrize("pue", [1.1, 1.15, 1.4, 2.0])
def test_pue_and_cooling_fraction_describe_the_same_site(pue):
    a = compute(site_power=300, pue=pue, overhead_fraction=0.03, chip="gb200")
    b = compute(
        site_power=300, cooling_fraction=1 - 1 / pue - 0.03, overhead_fraction=0.03, chip="gb200"
    )
    for name in model.SITE_OUTPUTS:
        np.testing.assert_allclose(a[name].values, b[name].values, rtol=1e-12, err_msg=name)
    assert float(a.pue) == pytest.approx(pue, rel=1e-12)


def test_pue_and_cooling_fraction_together_is_an_error_naming_both():
    with pytest.raises(InputError) as info:
        compute(pue=1.2, cooling_fraction=0.1)
    assert "pue" in info.value.field and "cooling_fraction" in info.value.field


def test_pue_too_low_for_the_other_losses():
    with pytest.raises(InputError, match="overhead_fraction") as info:
        compute(pue=1.01, overhead_fraction=0.03)
    assert info.value.field == "pue"
    assert float(compute(pue=1.0, overhead_fraction=0.0).cooling_fraction) == 0.0


def test_pue_sweeps_like_any_input():
    grid = compute(pue=[1.1, 1.5], chip="h100")
    assert grid.chips_supported.dims == ("pue",)
    np.testing.assert_allclose(grid.pue, [1.1, 1.5])
    assert float(grid.chips_supported.sel(pue=1.5)) == float(
        compute(pue=1.5, chip="h100").chips_supported
    )


def test_chip_tdp_overrides_the_catalog():
    # Meta's 960 W GB200 instead of the catalog's 1,200 W: the rack's other parts keep their
    # 1.2 x 0.39 = 0.468 kW per GPU, so all-in 0.468 + 0.96 = 1.428 kW per chip
    ds = compute(site_power=100, chip="gb200", chip_tdp=960, pue=1.2)
    assert float(ds.chip_power) == pytest.approx(1.428)
    assert float(ds.chip_tdp) == 960
    assert float(ds.chips_supported) == math.floor(100 / 1.2 * 1000 / 1.428)  # 58,356
    with pytest.raises(InputError, match="h100") as info:
        compute(chip=["gb200", "h100"], chip_tdp=1200)  # 1,200 W is more than 1.5 x H100's 700 W
    assert info.value.field == "chip_tdp"
    with pytest.raises(InputError, match="chip_tdp"):
        compute(chip="h100", chip_tdp=100)  # below H100's 200 W minimum power limit


def test_size_limit_is_checked_before_anything_is_allocated():
    from explorer.model import MAX_POINTS

    # a read-only view of one number: converting it to 10^8 floats would take 800 MB
    huge = xr.DataArray(np.broadcast_to(np.float64(300.0), (10**8,)), dims="x")
    import tracemalloc

    tracemalloc.start()
    with pytest.raises(InputError) as info:
        compute(site_power=huge)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 20 * 2**20  # refused from the shapes: nothing near the 800 MB it would need
    assert info.value.field == "size"
    assert f"{MAX_POINTS:,}" in str(info.value) and "300,000,000" in str(info.value)
    with pytest.raises(InputError, match="size"):
        compute(site_power=range(1, 10**8))


@pytest.mark.parametrize("empty", [[], np.array([]), xr.DataArray(np.array([]), dims="site_power")])
def test_empty_inputs_are_an_error(empty):
    with pytest.raises(InputError, match="empty") as info:
        compute(site_power=empty)
    assert info.value.field == "site_power"


@pytest.mark.parametrize("dim", ["chip", "precision", "basis"])
def test_an_input_dimension_named_like_an_output_dimension_is_an_error(dim):
    with pytest.raises(InputError, match=repr(dim)) as info:
        compute(mfu=xr.DataArray([0.3, 0.4], dims=dim))
    assert info.value.field == "mfu"


def test_old_basis_names_still_work():
    ds = compute(basis="ms-person")
    assert str(ds.basis.values) == "us-ms-person"
    assert float(ds.basis_value) == catalog.value("bases.us-ms-person.value", "kWh/person/year")


def test_flops_per_watt_is_per_facility_watt():
    ds = compute(chip="b200", cooling_fraction=0.1, overhead_fraction=0.0)
    expected = 2.25e15 / (1.0 * 1.79 * 1000 / 0.9)
    assert float(ds.flops_per_watt.sel(precision="bf16")) == pytest.approx(expected)


def test_sweep_equals_scalar_calls_exactly():
    powers = np.array([5.0, 300.0, 2200.0])
    cools = np.array([0.0, 0.25, 0.5])
    grid = compute(
        site_power=powers,
        cooling_fraction=cools,
        chip=["trn2", "gb200"],
        basis=["us-household", "de-person"],
    )
    for p in powers:
        for c in cools:
            for chip in ("trn2", "gb200"):
                for basis in ("us-household", "de-person"):
                    one = compute(site_power=p, cooling_fraction=c, chip=chip, basis=basis)
                    sel = grid.sel(site_power=p, cooling_fraction=c, chip=chip, basis=basis)
                    for name in model.SITE_OUTPUTS:
                        np.testing.assert_array_equal(
                            sel[name].values, one[name].values, err_msg=name
                        )


def test_dataarray_inputs_keep_their_dimensions():
    sp = xr.DataArray(np.linspace(10, 5000, 50), dims="site_power")
    ds = compute(site_power=sp, chip=["trn2", "h100", "gb200"])
    assert ds.peak_flops.dims == ("site_power", "chip", "precision")
    assert ds.peak_flops.shape == (50, 3, 3)
    assert ds.pue.dims == ()  # only what varies carries a dimension


def test_mismatched_coordinates_are_refused():
    a = xr.DataArray([100.0, 200.0], dims="x", coords={"x": [0, 1]})
    b = xr.DataArray([0.1, 0.2], dims="x", coords={"x": [5, 6]})
    with pytest.raises(InputError, match="dimensions"):
        compute(site_power=a, cooling_fraction=b)


BAD = [
    ({"site_power": -5}, "site_power", "1 MW"),
    ({"site_power": 0}, "site_power", "10000 MW"),
    ({"site_power": float("nan")}, "site_power", "finite"),
    ({"site_power": float("inf")}, "site_power", "finite"),
    ({"site_power": "300"}, "site_power", "not a number"),
    ({"site_power": True}, "site_power", "not a number"),
    ({"site_power": [100, -1]}, "site_power", "-1"),
    ({"cooling_fraction": 1.0}, "cooling_fraction", "< 1"),
    ({"cooling_fraction": -0.1}, "cooling_fraction", "0"),
    (
        {"cooling_fraction": 0.9, "overhead_fraction": 0.1},
        "cooling_fraction + overhead_fraction",
        "below 1",
    ),
    ({"overhead_fraction": 1.5}, "overhead_fraction", "< 1"),
    ({"chip": "a800"}, "chip", "trn2"),
    ({"chip": ["trn2", "nope"]}, "chip", "trn2"),
    ({"chip": []}, "chip", "empty"),
    ({"chip": 7}, "chip", "one of"),
    ({"basis": "mars"}, "basis", "us-household"),
    ({"chips": 1.5}, "chips", "whole number"),
    ({"chips": -1}, "chips", "1 chips"),
    ({"chips": 0}, "chips", "1 chips"),
    ({"mfu": 1.2}, "mfu", "≤ 1"),
    ({"load_factor": -0.5}, "load_factor", "0.01"),
    ({"load_factor": 0}, "load_factor", "0.01"),
    ({"pue": 0.9}, "pue", "1 ≤ pue"),
    ({"server_overhead": 0.5}, "server_overhead", "1"),
    ({"electricity_price": -1}, "electricity_price", "USD/MWh"),
    ({"carbon_intensity": float("nan")}, "carbon_intensity", "finite"),
    ({"wue": 1e9}, "wue", "L/kWh"),
    ({"site": "atlantis"}, "site", "rainier-mississippi"),
]


def test_bad_input_raises_one_clear_error():
    def check(case: tuple[dict, str, str]) -> None:
        kwargs, field, hint = case
        with pytest.raises(InputError) as info:
            compute(**kwargs)
        err = info.value
        assert err.field == field, err
        assert str(err).startswith(f"{field} = "), err
        assert "allowed" in str(err), err
        assert hint in str(err), err
        assert isinstance(err, ValueError)

    assert check_each(BAD, check) == len(BAD)


def test_a_sweep_of_the_new_inputs_equals_the_scalar_calls():
    pues, tdps, counts = [1.1, 1.4], [900.0, 1200.0], [1000.0, 300_000.0]
    grid = compute(
        site_power=300, pue=pues, chip_tdp=tdps, chips=counts, chip="gb200", load_factor=[0.5, 1.0]
    )
    for p in pues:
        for w in tdps:
            for n in counts:
                for lf in (0.5, 1.0):
                    one = compute(
                        site_power=300, pue=p, chip_tdp=w, chips=n, chip="gb200", load_factor=lf
                    )
                    sel = grid.sel(pue=p, chip_tdp=w, chips=n, load_factor=lf)
                    for name in model.SITE_OUTPUTS:
                        np.testing.assert_array_equal(
                            sel[name].values, one[name].values, err_msg=name
                        )


# Mutation testing (make mutate) found these behaviours unchecked; each pins a hand-computed number.


def test_server_overhead_sets_the_power_per_chip_and_so_the_chip_count():
    ds = compute(chip="h100", server_overhead=2.0)
    assert_allclose(float(ds.chip_power), 1.4)  # 700 W x 2.0 = 1.4 kW
    # generic site: IT power = 300 MW / PUE 1.18 = 254.2373 MW; 254,237.3 kW / 1.4 kW = 181,598.06
    assert int(ds.chips_supported) == 181_598


def test_cluster_hbm_is_per_chip_hbm_times_the_chips():
    ds = compute(chip="h100", chips=1000)
    assert_allclose(float(ds.hbm_bandwidth), 3350.0)  # 3.35 TB/s x 1,000
    assert_allclose(float(ds.hbm_capacity), 80.0)  # 80 GB x 1,000 = 80 TB


def test_no_cooling_gives_an_infinite_cop_without_a_warning():
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a RuntimeWarning (division by zero) would fail here
        ds = compute(cooling_fraction=0.0)
    assert np.isinf(float(ds.cooling_cop))


def test_inputs_sharing_a_dimension_must_share_its_coordinates():
    a = xr.DataArray([100.0, 200.0], dims="x", coords={"x": [0, 1]})
    b = xr.DataArray([0.1, 0.2], dims="x", coords={"x": [5, 6]})
    with pytest.raises(InputError, match="share its coordinates"):
        compute(site_power=a, cooling_fraction=b)


def test_an_impossible_pue_in_a_sweep_names_that_value_and_its_limit():
    # PUE 1.02 with 3 % other losses: 1 - 1/1.02 - 0.03 = -0.0104 < 0; the least PUE is
    # 1 / (1 - 0.03) = 1.03093
    with pytest.raises(InputError) as info:
        compute(pue=[1.2, 1.02], overhead_fraction=0.03)
    message = str(info.value)
    assert info.value.field == "pue" and "pue = 1.02 " in message
    assert "1.03093" in message and "overhead_fraction = 0.03" in message
    # PUE 1.1 with 10 % other losses: the least PUE is 1 / 0.9 = 1.11111
    with pytest.raises(InputError, match=r"1\.11111.*") as info:
        compute(pue=1.1, overhead_fraction=[0.03, 0.1])
    assert "overhead_fraction = 0.1)" in str(info.value)
    # at the bound (up to rounding): no cooling at all, never a negative share or -0
    ds = compute(pue=1 / 0.97, overhead_fraction=0.03)
    assert 0.0 <= float(ds.cooling_fraction) < 1e-12
    assert not np.signbit(float(ds.cooling_fraction))


@pytest.mark.parametrize(
    "call",
    [
        lambda: explorer.compute(bogus=1),
        lambda: explorer.grid_shares(bogus=1),
        lambda: explorer.sample(10, seed=1, bogus=1),
        lambda: explorer.climate_year(bogus=1),
    ],
)
def test_an_unknown_input_is_an_input_error_naming_it_and_the_inputs(call):
    with pytest.raises(
        InputError, match=r"bogus = 1 is not a known input; allowed: site_power, "
    ) as e:
        call()
    assert e.value.field == "bogus"
    assert "load_factor" in e.value.allowed and "chip" in e.value.allowed


def test_sample_names_its_own_parameters_as_allowed():
    with pytest.raises(InputError, match="bogus = 1") as e:
        explorer.sample(10, seed=1, bogus=1)
    assert e.value.allowed.endswith(
        "model, cooling_tech, station, cooling_default, n, seed, chunks, site"
    )
