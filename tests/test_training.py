"""The training chain: compute, Daly goodput and its parts, days, energy, CO2, cost
(explorer.training)."""

from __future__ import annotations

import math

import numpy as np
import pytest
import xarray as xr
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.testing import assert_allclose

import explorer
from explorer import InputError, catalog, runs, training

RATE = 419 / (54 * 24 * 16384)  # Llama 3 405B: interruptions per GPU-hour = 1.9733e-5


def test_six_n_d_matches_llama3():
    assert float(training.training_compute(405e9, 15.6e12)) == pytest.approx(
        training.model_compute("llama3-405b"), rel=0.01
    )


def test_days_scale_inversely_with_flops_and_goodput():
    c = training.model_compute("llama3-405b")
    one = float(training.training_days(c, 1e20))
    assert float(training.training_days(c, 2e20)) == pytest.approx(one / 2)
    assert float(training.training_days(c, 1e20, 0.5)) == pytest.approx(one * 2)
    assert one == pytest.approx(c / 1e20 / 86400)


def test_catalog_rate_is_llama3s_interruptions_per_gpu_hour():
    assert catalog.value("reliability.interruption_rate", "1/hour") == pytest.approx(RATE, rel=1e-4)
    assert float(training.interruption_rate("h100").values) == pytest.approx(RATE, rel=1e-4)
    assert training.interruption_rate(("h100", "trn2")).dims == ("chip",)


def test_daly_interval_by_hand():
    # δ = 1 min, M = 185.58 min: √(2·185.58) = 19.266; x = δ/2M = 0.0026943;
    # 19.266 × (1 + √x/3 + x/9) − 1 = 19.266 × 1.017602 − 1 = 18.605 (Young: 19.266)
    assert float(training.daly_interval(1.0, 185.58)) == pytest.approx(18.605, rel=2e-4)
    # δ ≥ 2M: Daly's τ = M
    assert float(training.daly_interval(5.0, 2.0)) == 2.0
    # just below 2M his series gives 8M/9 (2M(u − 2u²/3 + u³/9) at u = 1)
    assert float(training.daly_interval(2.0 - 1e-12, 1.0)) == pytest.approx(8 / 9, rel=1e-6)


def test_goodput_at_the_llama3_scale_by_hand():
    g = training.goodput(16384)
    # M = 1 / (16384 × 1.9733e-5) = 3.0930 h = 185.58 min; τ = 18.605 min (above);
    # W = M e^{R/M}(e^{(τ+δ)/M} − 1) = 185.58 × e^{0.053885} × expm1(0.105642)
    #   = 185.58 × 1.055363 × 0.111424 = 21.823 min; goodput = 18.605 / 21.823 = 0.8525
    assert float(g.mtbi) == pytest.approx(3.0930, rel=1e-4)
    assert float(g.checkpoint_interval) == pytest.approx(18.605, rel=2e-4)
    assert float(g.goodput) == pytest.approx(0.8525, rel=1e-3)
    # parts: checkpoints δ/W = 1/21.823 = 0.04582; restarts 1 − e^{−R/M} = 0.05246
    assert float(g.checkpoint_share) == pytest.approx(0.04582, rel=1e-3)
    assert float(g.restart_share) == pytest.approx(0.05246, rel=1e-3)
    total = g.goodput + g.checkpoint_share + g.lost_work_share + g.restart_share
    assert_allclose(total, 1.0, rtol=1e-12)


def _g(tau, d, r, m):
    return tau / (m * math.exp(r / m) * math.expm1((tau + d) / m))


@settings(max_examples=60, deadline=None)
@given(st.floats(1e-3, 5.0), st.floats(0.0, 3.0))
def test_dalys_interval_beats_youngs_and_is_near_the_true_optimum(ratio, r_over_m):
    # Under Daly's complete model (exponential interruptions), brute force over τ.
    m, d = 100.0, 100.0 * ratio
    r = r_over_m * m
    tau = float(
        training.goodput(
            1.0, checkpoint_minutes=d, restart_minutes=r, interruption_rate=1 / (m / 60)
        ).checkpoint_interval
    )
    g = float(
        training.goodput(
            1.0, checkpoint_minutes=d, restart_minutes=r, interruption_rate=1 / (m / 60)
        ).goodput
    )
    assert g == pytest.approx(_g(tau, d, r, m), rel=1e-9)
    young = math.sqrt(2 * d * m)
    best = max(_g(t, d, r, m) for t in np.geomspace(young / 20, young * 20, 4001))
    assert g >= _g(young, d, r, m) * (1 - 1e-12)
    assert g == pytest.approx(best, rel=5e-3)


@settings(max_examples=80, deadline=None)
@given(st.integers(1, 10**9), st.integers(1, 10**9), st.floats(0.01, 600), st.floats(0, 1440))
def test_goodput_falls_as_the_job_grows(a, b, ckpt, restart):
    lo, hi = sorted((a, b))
    g = training.goodput(
        [lo, hi] if lo != hi else lo, checkpoint_minutes=ckpt, restart_minutes=restart
    ).goodput.values
    assert np.all(np.diff(np.atleast_1d(g)) <= 1e-15)


@settings(max_examples=80, deadline=None)
@given(st.integers(1, 10**7), st.floats(0, 1440), st.floats(0, 1440))
def test_goodput_rises_as_restarts_get_faster(chips, r1, r2):
    slow, fast = sorted((r1, r2), reverse=True)
    g_slow = float(training.goodput(chips, restart_minutes=slow).goodput)
    g_fast = float(training.goodput(chips, restart_minutes=fast).goodput)
    assert g_fast >= g_slow
    if slow > fast + 1e-3 and g_slow > 1e-300:  # a difference a float can show
        assert g_fast > g_slow


@pytest.mark.parametrize("mfu", [0.38, 0.40, 0.43])
def test_llama3_405b_on_16384_h100_reproduces_the_published_gpu_hours(mfu):
    r = runs.train("h100", job_chips=16384, model="llama3-405b", mfu=mfu)
    # published: 30.84 M H100-hours (Llama 3.1 model card); ideal at MFU 0.40 is
    # 3.8e25 / (989e12 × 0.40) / 3600 = 26.68 M, / goodput 0.8525 = 31.30 M
    assert float(r.chip_hours) == pytest.approx(30.84e6, rel=0.10)
    # Meta: "higher than 90 % effective training time" (time on useful training over elapsed
    # time); the model's uptime is above it, its goodput (assumed restart and checkpoint, redone
    # work charged) 0.85
    assert float(r.job_uptime) > 0.90
    assert 0.8 < float(r.goodput) < 0.9
    assert not bool(r.training_impossible)


def test_llama3_gpu_hours_at_mfu_040_by_hand():
    r = runs.train("h100", job_chips=16384, model="llama3-405b", mfu=0.40)
    assert float(r.chip_hours) == pytest.approx(31.30e6, rel=2e-3)
    assert float(r.training_days) == pytest.approx(31.30e6 / 16384 / 24, rel=2e-3)  # 79.6 days


def test_500k_trainium2_in_one_job_degrades_but_finishes():
    r = runs.train("trn2", job_chips=500_000, model="llama3-405b")
    assert np.isfinite(float(r.training_days)) and float(r.training_days) > float(r.ideal_days)
    assert 0 < float(r.goodput) < 1
    assert not bool(r.training_impossible)
    assert "cannot power" in r.attrs["notes"]  # the default 300 MW site is too small, said so
    assert "interruptions dominate" in r.attrs["notes"]  # goodput ≈ 0.10
    # the Indiana preset fills 2.2 GW with Trainium2: goodput small but positive, days finite
    ind = runs.train_model("llama3-405b", site="rainier-indiana")
    assert 0 < float(ind.goodput) < 1 and np.isfinite(float(ind.days))


def test_hopeless_settings_are_flagged_not_raised():
    # 1e9 chips: M = 1 / (1e9 × 1.97e-5) h = 0.003 min; a 24-h restart never completes
    r = runs.train("h100", job_chips=1e9, restart_minutes=1440, model="gpt-3", site_power=10_000)
    assert bool(r.training_impossible) and math.isinf(float(r.training_days))
    assert float(r.goodput) == 0 and math.isinf(float(r.run_energy))
    assert "no progress" in r.attrs["notes"]
    assert "note" in r.training_impossible.attrs
    zero = runs.train("h100", job_chips=1000, mfu=0, model="gpt-3")
    assert bool(zero.training_impossible)


def test_a_job_that_never_fails_has_full_goodput():
    out = training.chain(1e15, 1000, 1e24, 0.0, 1.0, 10.0, 1.0, 50.0, 400.0)
    assert float(out["goodput"].values) == pytest.approx(1.0, abs=1e-12)
    assert float(out["training_days"].values) == pytest.approx(float(out["ideal_days"].values))


def test_run_energy_co2_and_cost_by_hand():
    out = training.chain(989e12 * 0.4, 16384, 3.8e25, RATE, 1.0, 10.0, 25.0, 60.0, 400.0)
    days = float(out["training_days"].values)
    # 25 MW × days × 24 h; CO2: MWh × 1000 kWh × 400 g / 1e6 g/t = 0.4 t per MWh; cost: 60 USD/MWh
    assert float(out["run_energy"].values) == pytest.approx(25 * days * 24)
    assert float(out["run_co2"].values) == pytest.approx(25 * days * 24 * 0.4)
    assert float(out["run_cost"].values) == pytest.approx(25 * days * 24 * 60)
    for name, var in out.items():
        assert var.attrs["units"] and var.attrs["long_name"], name


def test_sweep_equals_scalar_calls_with_job_chips_as_a_dimension():
    sizes = [1024, 16384, 100_000, 500_000]
    sweep = runs.train("trn2", job_chips=sizes, model="llama3-405b", site_power=10_000)
    assert sweep.training_days.dims == ("job_chips",)
    for i, n in enumerate(sizes):
        one = runs.train("trn2", job_chips=n, model="llama3-405b", site_power=10_000)
        for name in ("goodput", "training_days", "run_energy", "run_cost", "lost_work_share"):
            assert float(sweep[name][i]) == pytest.approx(float(one[name]), rel=1e-12), name
    # the pure chain on Variables: a dimension in, the same dimension out
    n = xr.Variable("job_chips", np.array(sizes, float))
    out = training.chain(5e14, n, 1e25, RATE, 1.0, 10.0, 100.0, 50.0, 300.0)
    assert out["goodput"].dims == ("job_chips",)
    for i, k in enumerate(sizes):
        assert float(out["goodput"].values[i]) == float(
            training.chain(5e14, k, 1e25, RATE, 1.0, 10.0, 100.0, 50.0, 300.0)["goodput"].values
        )


def test_the_run_can_be_given_three_ways():
    a = runs.train("h100", job_chips=16384, model="gpt-3")
    b = runs.train("h100", job_chips=16384, parameters=175e9, tokens=300e9)
    c = runs.train("h100", job_chips=16384, training_compute=3.15e23)
    # 6 × 175e9 × 300e9 = 3.15e23 FLOP; the catalog's published figure is 3.14e23
    assert float(b.training_compute) == pytest.approx(3.15e23)
    assert float(c.training_days) == pytest.approx(float(b.training_days))
    assert float(a.training_days) == pytest.approx(float(b.training_days) * 3.14 / 3.15)
    two = runs.train("h100", job_chips=16384, model=["gpt-3", "llama3-405b"])
    assert two.training_days.dims == ("model",)


def test_near_zero_checkpoints_are_allowed():
    fast = training.goodput(16384, checkpoint_minutes=1e-3)
    # checkpoint and lost-work shares vanish; what is left is the restarts: e^{−R/M} = 0.9475
    assert float(fast.goodput) == pytest.approx(math.exp(-10 / 185.58), rel=5e-3)


def test_goodput_share_is_checked_like_every_input():
    # 'x' reached a NumPy comparison (UFuncTypeError), NaN slipped through
    for bad, why in (("x", "is not a number"), (np.nan, "is not a finite number"), (1.5, "")):
        with pytest.raises(InputError, match=rf"goodput = .*{why}.*allowed: 0 < goodput ≤ 1"):
            training.training_days(1e24, 1e20, bad)
    # 8.64e24 FLOP / (1e20 FLOP/s x 0.5) = 1.728e5 s = 2 days
    assert float(training.training_days(8.64e24, 1e20, 0.5)) == pytest.approx(2.0)


@pytest.mark.parametrize(
    "call",
    [
        lambda: runs.train_model("gpt-3", chip="a100", precision="fp8"),
        lambda: runs.train_on_chips("gpt-3", 1024, chip="a100", precision="fp8"),
        lambda: runs.train("a100", model="gpt-3", precision="fp8"),
    ],
)
def test_a_precision_the_chip_lacks_is_an_input_error_everywhere(call):
    # the A100 has no FP8: train_model / train_on_chips returned NaN days
    with pytest.raises(InputError, match="precision = 'fp8' is not a mode of a100"):
        call()


def test_bad_training_input():
    with pytest.raises(InputError, match="parameters"):
        training.training_compute(-1, 1e12)
    with pytest.raises(InputError, match="model"):
        training.model_compute("gpt-9")
    with pytest.raises(InputError, match="goodput"):
        training.training_days(1e24, 1e18, 0)
    with pytest.raises(InputError, match="precision"):
        runs.train_model("gpt-3", precision="fp4")
    with pytest.raises(InputError, match="model and training_compute"):
        training.resolve_compute(model="gpt-3", training_compute=1e23)
    with pytest.raises(InputError, match="tokens"):
        training.resolve_compute(parameters=1e9)
    with pytest.raises(InputError, match="checkpoint_minutes"):
        runs.train("h100", job_chips=10, checkpoint_minutes=0)
    with pytest.raises(InputError, match="restart_minutes"):
        runs.train("h100", job_chips=10, restart_minutes=-1)
    with pytest.raises(InputError, match="interruption_rate"):
        runs.train("h100", job_chips=10, interruption_rate=2)
    with pytest.raises(InputError, match="job_chips"):
        runs.train("h100", job_chips=0)
    with pytest.raises(InputError, match="precision"):
        runs.train("tpu-v5p", job_chips=10, precision="fp8_sparse")


def test_train_model_on_a_site():
    r = runs.train_model(
        "llama3-405b",
        precision="fp8",
        with_goodput=False,
        site_power=10_000,
        chips=500_000,
        chip="trn2",
    )
    # shared/reference's ~1.7 days in FP8 on 500k Trainium2 at 40 % MFU assumed the FP8 peak; FP8
    # trains 1.28x faster than BF16 (FP8-LM): 3.8e25 / (500k x 667e12 x 0.40 x 1.28) = 2.58 d
    assert float(r.days) == pytest.approx(3.8e25 / (500_000 * 667e12 * 0.40 * 1.28) / 86400)
    with_g = runs.train_model("llama3-405b", site_power=300)
    assert float(with_g.days) > float(
        runs.train_model("llama3-405b", with_goodput=False, site_power=300).days
    )


def test_train_on_chips_composes_peak_mfu_goodput_and_days():
    r = runs.train_on_chips("llama3-405b", [16384, 100_000], chip="h100", mfu=0.4)
    peak = float(catalog.chip_table().peak_flops.sel(chip="h100", precision="bf16"))
    ideal = training.training_days(training.model_compute("llama3-405b"), r.job_chips * peak * 0.4)
    assert_allclose(r.ideal_days, ideal)
    assert_allclose(r.days, ideal / r.goodput)
    assert (r.days > r.ideal_days).all()


def test_train_on_chips_never_finishes_when_restarts_eat_the_time_and_refuses_bad_input():
    r = runs.train_on_chips("llama3-405b", 1e9, restart_minutes=1440)
    assert float(r.goodput) == 0 and np.isinf(float(r.days))
    for kwargs in ({"chip": "nope"}, {"mfu": 1.5}, {"precision": "fp4"}):
        with pytest.raises(InputError):
            runs.train_on_chips("llama3-405b", 1000, **kwargs)


def test_train_on_chips_carries_the_cores_warnings_for_a_job_that_practically_never_ends():
    # 1,000,000 H100s: goodput 2.5e-8, 43.8 million days; flags 2 + 4 + 8 + 16 = 30 (low
    # goodput, beyond the 457-day horizon, above 1 % of US data-centre energy, larger than the
    # fastest job of 128,494 chips); the restart has grown to 10 + 0.041 x 983.6 = 50.3 min
    r = runs.train_on_chips("llama3-405b", 1_000_000)
    assert int(r.training_flags) == 30 and int(r.best_job_chips) == 128_494
    assert_allclose(float(r.restart_minutes), 10 + 0.041 * (1_000_000 - 16_384) / 1000)
    assert "longer than 457 days" in r.attrs["notes"]
    # Meta's size: no warning, no note
    r = runs.train_on_chips("llama3-405b", 16_384)
    assert int(r.training_flags) == 0 and r.attrs["notes"] == ""


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.floats(1, 1e8), min_size=1, max_size=6),
    st.floats(0.01, 100),
    st.floats(0, 600),
    st.floats(1e13, 5e15),
)
def test_chain_sweep_equals_scalar_calls(sizes, ckpt, restart, flops):
    n = xr.Variable("job_chips", np.array(sizes))
    r = xr.Variable("restart_minutes", np.array([restart, restart / 2]))
    out = training.chain(flops, n, 1e25, RATE, ckpt, r, 50.0, 60.0, 300.0)
    for i, k in enumerate(sizes):
        for j, rr in enumerate((restart, restart / 2)):
            one = training.chain(flops, k, 1e25, RATE, ckpt, rr, 50.0, 60.0, 300.0)
            for name in ("goodput", "training_days", "lost_work_share", "run_cost"):
                a, b = float(out[name].values[i, j]), float(one[name].values)
                assert a == b or (math.isinf(a) and math.isinf(b)), name


def test_filling_the_site_is_the_default_job():
    r = runs.train("trn2", site_power=300, cooling_fraction=0.1)
    ds = explorer.compute(site_power=300, cooling_fraction=0.1, chip="trn2")
    # job_chips defaults to the chips the site powers: the job MTBI is 1 / (chips × rate)
    assert float(r.job_mtbi) == pytest.approx(1 / (float(ds.chips_powered) * RATE), rel=1e-3)


@settings(max_examples=60, deadline=None)
@given(
    st.integers(1, 10**9),
    st.floats(1e-6, 600),
    st.floats(0, 1440),
    st.floats(0, 1e-2),
    st.floats(0, 1),
)
def test_any_input_in_range_gives_a_result_never_nan(job_chips, ckpt, restart, rate, mfu):
    r = runs.train(
        "h100",
        job_chips=job_chips,
        checkpoint_minutes=ckpt,
        restart_minutes=restart,
        interruption_rate=rate,
        mfu=mfu,
        model="gpt-3",
        site_power=10_000,
    )
    parts = [
        float(r[k]) for k in ("goodput", "checkpoint_share", "lost_work_share", "restart_share")
    ]
    assert all(0 <= p <= 1 for p in parts)
    assert sum(parts) == pytest.approx(1.0, abs=1e-9)
    days = float(r.training_days)
    assert not math.isnan(days) and days > 0
    assert bool(r.training_impossible) == math.isinf(days)


# ------------------------------------------------------------------------- through explorer.compute
GPU_HOURS = catalog.value("models.llama3-405b.gpu_hours", "hour")  # 30.84 M H100-hours (model card)


@pytest.mark.parametrize("mfu", [0.38, 0.43])
def test_compute_llama3_405b_on_16384_h100_reproduces_the_published_gpu_hours(mfu):
    """Llama 3 405B on 16,384 H100 through `explorer.compute`, defaults for that era.

    Meta reports "higher than 90 % effective training time" (time on useful training over the
    elapsed time). The model's uptime (``job_uptime`` = 1 − restart share = e^{−R/M} =
    e^{−10/185.58} = 0.9475) is above it; its goodput, 0.8525 with the assumed restart and
    checkpoint, is below it and still gives the published GPU-hours within ±10 %.
    """
    ds = compute_run(mfu=mfu)
    # ideal: 3.8e25 / (989e12 × mfu) / 3600 = 28.09 M (0.38) or 24.82 M (0.43); / goodput 0.8525
    # = 32.95 M or 29.12 M: both within ±10 % of 30.84 M
    hours = float(ds.chip_hours.sel(precision="bf16"))
    assert hours == pytest.approx(3.8e25 / (989e12 * mfu) / 3600 / 0.8525, rel=2e-3)
    assert hours == pytest.approx(GPU_HOURS, rel=0.10)
    assert float(ds.job_uptime) == pytest.approx(0.9475, rel=1e-3) and float(ds.job_uptime) > 0.90
    assert not bool(ds.training_impossible.sel(precision="bf16"))


def compute_run(**kw):
    return explorer.compute(**{"model": "llama3-405b", "chip": "h100", "job_chips": 16384, **kw})


def test_compute_500k_trainium2_in_one_job_with_defaults():
    ds = explorer.compute(chip="trn2", model="llama3-405b", job_chips=500_000)
    days = ds.training_days.sel(precision="bf16")
    assert np.isfinite(float(days)) and float(days) > float(ds.ideal_days.sel(precision="bf16"))
    assert 0 < float(ds.goodput) < 1
    assert not bool(ds.training_impossible.any())
    # the default 300 MW site powers fewer: the job's power is then what its chips would draw
    assert float(ds.job_chips) > float(ds.chips_powered) and float(ds.job_power) > float(
        ds.facility_load
    )


def test_run_energy_is_the_jobs_share_of_the_facility_load_by_hand():
    ds = explorer.compute(
        chip="h100", chips=100_000, training_compute=3.8e25, job_chips=16384, mfu=0.4
    )
    # deployed chips: job power = 16,384 × 0.7 kW × 1.82 × PUE 1.18 = 24,630.4 kW
    # (= 16,384 / 100,000 × the 150.33 MW facility load)
    assert float(ds.job_power) == pytest.approx(24.6304, rel=1e-5)
    assert float(ds.job_power) == pytest.approx(
        16384 / 100_000 * float(ds.facility_load), rel=1e-12
    )
    days = float(ds.training_days.sel(precision="bf16"))  # 79.59 d (above)
    energy = 24.6304 * days * 24  # MW × h = 47,047 MWh
    assert float(ds.run_energy.sel(precision="bf16")) == pytest.approx(energy, rel=1e-5)
    # US average grid and price (generic site): 424 g/kWh → 0.424 t/MWh; 80.4 USD/MWh
    assert float(ds.run_co2.sel(precision="bf16")) == pytest.approx(energy * 0.424, rel=1e-5)
    assert float(ds.run_cost.sel(precision="bf16")) == pytest.approx(energy * 80.4, rel=1e-5)
    # a filled site: the job's share is job_chips / chips_powered × site power
    filled = explorer.compute(chip="h100", training_compute=1e24, job_chips=1000)
    assert float(filled.job_power) == pytest.approx(
        1000 / float(filled.chips_powered) * 300, rel=1e-12
    )


def test_without_a_run_there_are_no_training_outputs():
    ds = explorer.compute(chip="h100")
    assert not set(ds.data_vars) & set(explorer.model.TRAINING_OUTPUTS)
    run = explorer.compute(chip="h100", training_compute=1e24)
    for name in explorer.model.TRAINING_OUTPUTS:
        assert run[name].attrs["units"] and run[name].attrs["long_name"], name
    assert float(run.job_chips) == float(run.chips_powered)  # default: the whole site in one job
    assert run.goodput.dims == () and run.training_days.dims == ("precision",)


@pytest.mark.parametrize("restart", [1.0, 10.0])
def test_compute_sweep_over_job_chips_equals_scalar_calls(restart):
    sizes = [1024, 16384, 100_000]
    grid = explorer.compute(
        chip=["h100", "trn2"],
        model=["gpt-3", "llama3-405b"],
        job_chips=sizes,
        site_power=[300, 2000],
        restart_minutes=restart,
    )
    assert grid.goodput.dims == (
        "chip",
        "job_chips",
    )  # no precision, site or model: it does not depend on them
    for chip in ("h100", "trn2"):
        for m in ("gpt-3", "llama3-405b"):
            for n in sizes:
                for sp in (300, 2000):
                    one = explorer.compute(
                        chip=chip, model=m, job_chips=n, site_power=sp, restart_minutes=restart
                    )
                    sel = grid.sel(chip=chip, model=m, job_chips=n, site_power=sp)
                    for name in explorer.model.TRAINING_OUTPUTS:
                        np.testing.assert_array_equal(
                            sel[name].values, one[name].values, err_msg=name
                        )


def test_compute_goodput_falls_with_job_size_and_rises_as_restarts_get_faster():
    ds = explorer.compute(
        chip="trn2",
        training_compute=1e25,
        job_chips=[1024, 16384, 100_000, 500_000],
        restart_minutes=[30, 10, 1],
    )
    g = ds.goodput.transpose("job_chips", "restart_minutes").values
    assert (np.diff(g, axis=0) < 0).all()  # bigger jobs: lower goodput
    assert (np.diff(g, axis=1) > 0).all()  # faster restarts: higher goodput


BAD_RUNS = [
    ({"model": "gpt-9"}, "model"),
    ({"parameters": 1e9}, "tokens"),
    ({"model": "gpt-3", "training_compute": 1e23}, "model and training_compute"),
    ({"training_compute": -1}, "training_compute"),
    ({"training_compute": 1e24, "job_chips": 0}, "job_chips"),
    ({"training_compute": 1e24, "job_chips": 1.5}, "job_chips"),
    ({"training_compute": 1e24, "job_chips": [1024, -1]}, "job_chips"),
    ({"training_compute": 1e24, "checkpoint_minutes": 0}, "checkpoint_minutes"),
    ({"training_compute": 1e24, "restart_minutes": -1}, "restart_minutes"),
    ({"training_compute": 1e24, "interruption_rate": 2}, "interruption_rate"),
    ({"training_compute": 1e24, "interruption_rate": float("nan")}, "interruption_rate"),
    ({"job_chips": 16384}, "job_chips"),  # a training input without a run
]


@pytest.mark.parametrize(
    ("kwargs", "field"), BAD_RUNS, ids=[f"{b[1]}-{i}" for i, b in enumerate(BAD_RUNS)]
)
def test_bad_training_input_to_compute_names_the_field(kwargs, field):
    with pytest.raises(InputError) as info:
        explorer.compute(**kwargs)
    assert info.value.field == field
    assert str(info.value).startswith(f"{field} = ") and "allowed" in str(info.value)


@settings(max_examples=25, deadline=None)
@given(
    st.lists(st.integers(1, 10**7), min_size=1, max_size=4, unique=True),
    st.floats(1e-3, 60),
    st.floats(0.01, 120),
    st.sampled_from(["h100", "trn2", "gb200"]),
)
def test_compute_training_sweep_equals_scalar_calls_property(sizes, ckpt, restart, chip):
    grid = explorer.compute(
        chip=chip,
        training_compute=1e25,
        job_chips=sizes,
        checkpoint_minutes=ckpt,
        restart_minutes=[restart, restart / 2],
    )
    for n in sizes:
        for r in (restart, restart / 2):
            one = explorer.compute(
                chip=chip,
                training_compute=1e25,
                job_chips=n,
                checkpoint_minutes=ckpt,
                restart_minutes=r,
            )
            sel = grid.sel(job_chips=n, restart_minutes=r)
            for name in (
                "goodput",
                "training_days",
                "run_energy",
                "run_cost",
                "lost_work_share",
                "job_power",
            ):
                np.testing.assert_array_equal(sel[name].values, one[name].values, err_msg=name)


# ------------------------------------------------------------------------ a run that cannot be
FLAGS = training.FLAGS


def test_llama3_405b_on_16384_h100_fits_finishes_in_time_and_is_not_flagged():
    ds = compute_run(mfu=0.40)
    assert float(ds.chip_hours.sel(precision="bf16")) == pytest.approx(GPU_HOURS, rel=0.10)
    assert float(ds.job_uptime) > 0.90
    assert bool(ds.fits_in_memory) and int(ds.training_flags.sel(precision="bf16")) == 0
    # 16,384 is the reference size: its restart is the catalog's 10 min, no growth
    assert float(ds.job_restart_minutes) == 10.0
    assert ds.training_flags.attrs["flag_masks"] == [1, 2, 4, 8, 16, 32, 64]
    assert ds.training_flags.attrs["flag_meanings"].split()[0] == "does_not_fit"


def test_llama3_405b_on_one_h100_is_flagged_as_not_fitting():
    r = runs.train("h100", job_chips=1, model="llama3-405b")
    # 405e9 × 16 B (ZeRO: mixed-precision Adam) = 6.48 TB; 80 GB × 0.75 = 60 GB usable per chip
    assert float(r.model_memory) == pytest.approx(6.48)
    assert not bool(r.fits_in_memory)
    assert float(r.min_job_chips) == 108  # ceil(6480 / 60)
    assert int(r.training_flags) & FLAGS["does_not_fit"]
    assert int(r.training_flags) & FLAGS["beyond_horizon"]  # 1.1 million days, said so
    assert "does not fit" in r.attrs["notes"] and "108" in r.attrs["notes"]
    # the fewest chips that hold the states fit; one fewer does not
    assert bool(runs.train("h100", job_chips=108, model="llama3-405b").fits_in_memory)
    assert not bool(runs.train("h100", job_chips=107, model="llama3-405b").fits_in_memory)


def test_a_run_without_a_parameter_count_is_sized_compute_optimally():
    # Chinchilla: D = 20 N, so C = 6 × 20 × N² and N = √(1e24 / 120) = 91.3e9 parameters:
    # 1.46 TB of states, 25 H100 (60 GB usable each)
    ds = explorer.compute(training_compute=1e24, job_chips=8)
    assert float(ds.model_memory) == pytest.approx((1e24 / 120) ** 0.5 * 16 / 1e12)
    assert float(ds.min_job_chips) == 25 and not bool(ds.fits_in_memory)
    # GPT-4 has no published size: √(2.1e25 / 120) = 418e9; GPT-3's 175e9 is published
    both = explorer.compute(model=["gpt-4", "gpt-3"], job_chips=8)
    assert both.model_memory.values == pytest.approx([(2.1e25 / 120) ** 0.5 * 16e-12, 2.8])


def test_a_500k_job_reports_the_faster_job_size_and_says_why():
    r = runs.train("trn2", job_chips=500_000, model="llama3-405b", site="rainier-indiana")
    best = float(r.best_job_chips)
    assert best < 500_000 and float(r.best_training_days) < float(r.training_days)
    assert int(r.training_flags) & FLAGS["larger_than_fastest"]
    assert "more chips, slower run" in r.attrs["notes"] and f"{best:,.0f}" in r.attrs["notes"]
    # best by hand: job chips × goodput is largest there (whole chips), and beats 200k and 500k
    args = (float(r.interruption_rate), 1.0, 10.0, float(r.restart_growth))

    def progress(n):
        return n * training.goodput_at(n, *args)

    for other in (best - 1, best + 1, best * 0.9, best * 1.1, 200_000, 500_000):
        assert progress(best) >= progress(other)
    # restarts grow with the job (MegaScale): 10 + 0.041 × (500,000 − 16,384) / 1,000 min
    assert float(r.job_restart_minutes) == pytest.approx(10 + 0.041 * 483.616)
    # the best size itself is not flagged as too large
    at_best = runs.train("trn2", job_chips=best, model="llama3-405b", site="rainier-indiana")
    assert not int(at_best.training_flags) & FLAGS["larger_than_fastest"]
    assert float(at_best.training_days) == pytest.approx(float(r.best_training_days), rel=1e-9)


def test_the_whole_indiana_site_in_one_job_is_flagged_every_way_it_fails():
    r = runs.train("trn2", model="llama3-405b", site="rainier-indiana")
    bits = int(r.training_flags)
    for name in ("low_goodput", "beyond_horizon", "energy_above_share", "larger_than_fastest"):
        assert bits & FLAGS[name], name
    # the fastest job on the site is far smaller, and finishes in weeks
    assert float(r.best_job_chips) < float(r.job_chips) / 10
    assert float(r.best_training_days) < 60


def test_fp8_days_are_the_measured_speed_up_not_half_of_bf16s():
    ds = compute_run(mfu=0.40)
    days = ds.training_days
    speedup = catalog.value("training.fp8_speedup", "dimensionless")  # FP8-LM: 1.28
    assert float(days.sel(precision="bf16") / days.sel(precision="fp8")) == pytest.approx(speedup)
    assert float(days.sel(precision="fp8")) > float(days.sel(precision="bf16")) / 2
    # 2:4 sparsity does not speed up dense pre-training: sparse FP8 trains at the FP8 speed
    assert float(days.sel(precision="fp8_sparse")) == pytest.approx(
        float(days.sel(precision="fp8"))
    )
    # a chip with no FP8 mode (TPU v5p: none sourced, as for A100) has no FP8 time at all
    v5p = explorer.compute(chip="tpu-v5p", model="llama3-405b", job_chips=8192).training_days
    assert np.isnan(float(v5p.sel(precision="fp8"))) and np.isfinite(
        float(v5p.sel(precision="bf16"))
    )


def test_restart_growth_is_an_input_with_a_sourced_default():
    assert catalog.entry("training.restart_growth").source_url.startswith("https://arxiv.org/")
    flat = runs.train("h100", job_chips=100_000, model="llama3-405b", restart_growth=0)
    grown = runs.train("h100", job_chips=100_000, model="llama3-405b")
    assert float(flat.job_restart_minutes) == 10.0
    assert float(grown.job_restart_minutes) == pytest.approx(10 + 0.041 * 83.616)
    assert float(grown.goodput) < float(flat.goodput)
    assert float(grown.best_job_chips) < float(flat.best_job_chips)
    with pytest.raises(InputError, match="restart_growth"):
        explorer.compute(model="gpt-3", restart_growth=-1)


def test_flags_follow_their_catalog_thresholds():
    t = training.thresholds()
    # 1 % of 176 TWh; 15 months; half the time
    assert t["energy_mwh"] == pytest.approx(1.76e6)
    assert t["horizon_days"] == pytest.approx(15 * 365.25 / 12)
    assert t["low_goodput"] == 0.5
    assert int(training.flag_bits(True, 0.51, 400.0, 1e6, False, False)) == 0
    assert int(training.flag_bits(True, 0.49, 500.0, 2e6, True, True)) == 2 + 4 + 8 + 16 + 32


def test_reader40_34_a_flag_note_names_no_internal_field():
    # reader 40-34 D7: the app's lesson-4 step showed "faster restarts and checkpoints
    # (restart_minutes, checkpoint_minutes)", field names on a student-facing card
    from explorer.training import FLAGS, flag_notes

    (note,) = flag_notes(FLAGS["low_goodput"])
    assert "restart_minutes" not in note and "checkpoint_minutes" not in note, note
    assert "faster restarts and checkpoints" in note


def test_reader41_34_a_job_too_small_to_finish_is_not_said_to_need_spare_machines():
    # reader 41-34 D2: 1,000 H100s at 40 % MFU (the slider's default) "practically never
    # finishes … need spare machines standing by", at 97 % goodput. By hand: Meta's 3.8e25 FLOP
    # ÷ (1,000 × 989e12 × 0.4) = 9.61e7 s = 1,112 days with no interruptions, beyond the
    # 15-month horizon (456.6 days) before any interruption: too few chips
    from explorer.classroom.widgets import run_words

    ideal = 3.8e25 / (1000 * 989e12 * 0.4) / 86400  # 1,111.8 days
    assert float(runs.train_on_chips("llama3-405b", 1000, mfu=0.4).ideal_days) == pytest.approx(
        ideal
    )
    r = runs.train_on_chips("llama3-405b", 1000, mfu=0.4)
    assert float(r.ideal_days) > training.thresholds()["horizon_days"]
    assert int(r.training_flags) & FLAGS["too_few_chips"]
    assert float(r.goodput) > 0.9
    assert "too few chips" in r.attrs["notes"], r.attrs["notes"]
    words = run_words(r)
    assert "spare machines" not in words and "too few chips" in words, words
    assert "never finishes" not in words, words
    # 16,384 chips (67.9 days ideal) is not; 1,000,000 chips (low goodput) still never finishes
    assert (
        not int(runs.train_on_chips("llama3-405b", 16384).training_flags) & FLAGS["too_few_chips"]
    )
    big = runs.train_on_chips("llama3-405b", 1_000_000)
    assert not int(big.training_flags) & FLAGS["too_few_chips"]
    assert "never finishes" in run_words(big) and "spare machines" in run_words(big)
    # the app's card and the CLI say the same words (flag_notes)
    (note,) = [
        n
        for n in training.flag_notes(int(r.training_flags), ideal=float(r.ideal_days))
        if "too few" in n
    ]
    assert "1,112 days" in note, note


def test_a_job_that_never_finishes_is_not_also_too_few_chips():
    # no progress (goodput 0, days infinite) with 5,000 ideal days, beyond the horizon: the
    # flags say it never finishes (no_progress 32), goodput low (2) and beyond the horizon (4);
    # "too few chips" (64) would tell the reader to add chips to a job that adding chips stalls
    from explorer.training import FLAGS, flag_bits

    bits = int(flag_bits(True, 0.0, float("inf"), 1.0, False, True, 5000.0))
    assert bits == FLAGS["no_progress"] + FLAGS["low_goodput"] + FLAGS["beyond_horizon"]
    # and the same ideal days on a job that progresses is too few chips
    assert int(flag_bits(True, 0.97, 5000.0, 1.0, False, False, 5000.0)) & FLAGS["too_few_chips"]
