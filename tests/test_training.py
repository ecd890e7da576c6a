"""Training compute, time and goodput."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from explorer import InputError, catalog, training


def test_six_n_d_matches_llama3():
    assert float(training.training_compute(405e9, 15.6e12)) == pytest.approx(training.model_compute("llama3-405b"), rel=0.01)


def test_days_scale_inversely_with_flops_and_goodput():
    c = training.model_compute("llama3-405b")
    one = float(training.training_days(c, 1e20))
    assert float(training.training_days(c, 2e20)) == pytest.approx(one / 2)
    assert float(training.training_days(c, 1e20, 0.5)) == pytest.approx(one * 2)
    assert one == pytest.approx(c / 1e20 / 86400)


def test_goodput_at_the_reference_scale_uses_youngs_interval():
    g = training.goodput(catalog.value("reliability.reference_chips", "dimensionless"))
    m_min = catalog.value("reliability.job_mtbi", "minute")
    assert float(g.mtbi) == pytest.approx(catalog.value("reliability.job_mtbi", "hour"))
    assert float(g.checkpoint_interval) == pytest.approx((2 * 1.0 * m_min) ** 0.5)
    assert 0.8 < float(g.goodput) < 0.9


@settings(max_examples=50, deadline=None)
@given(st.floats(1, 1e6), st.floats(1, 1e6))
def test_more_chips_never_raise_goodput(a, b):
    lo, hi = sorted((a, b))
    assert float(training.goodput(hi).goodput) <= float(training.goodput(lo).goodput) + 1e-12


def test_train_model_on_a_site():
    r = training.train_model("llama3-405b", precision="fp8", with_goodput=False, site_power=10_000, chips=500_000, chip="trn2")
    # shared/reference: ~1.7 days in FP8 on 500k Trainium2 at 40 % MFU, ignoring goodput
    assert float(r.days) == pytest.approx(1.7, rel=0.05)
    with_g = training.train_model("llama3-405b", site_power=300)
    assert float(with_g.days) > float(training.train_model("llama3-405b", with_goodput=False, site_power=300).days)


def test_bad_training_input():
    with pytest.raises(InputError, match="parameters"):
        training.training_compute(-1, 1e12)
    with pytest.raises(InputError, match="model"):
        training.model_compute("gpt-9")
    with pytest.raises(InputError, match="goodput"):
        training.training_days(1e24, 1e18, 0)
    with pytest.raises(InputError, match="precision"):
        training.train_model("gpt-3", precision="fp4")


def test_train_on_chips_composes_peak_mfu_goodput_and_days():
    from explorer import catalog
    from explorer.training import goodput, model_compute, train_on_chips, training_days

    r = train_on_chips("llama3-405b", [16384, 100_000], chip="h100", mfu=0.4)
    peak = float(catalog.chip_table().peak_flops.sel(chip="h100", precision="bf16"))
    g = goodput(r.job_chips)
    ideal = training_days(model_compute("llama3-405b"), r.job_chips * peak * 0.4)
    np.testing.assert_allclose(r.ideal_days, ideal)
    np.testing.assert_allclose(r.days, ideal / g.goodput)
    assert (r.days > r.ideal_days).all()


def test_train_on_chips_never_finishes_when_restarts_eat_the_time_and_refuses_bad_input():
    from explorer.errors import InputError
    from explorer.training import train_on_chips

    r = train_on_chips("llama3-405b", 2_000_000, restart_minutes=600)
    assert float(r.goodput) == 0 and np.isinf(float(r.days))
    for kwargs in ({"chip": "nope"}, {"mfu": 1.5}, {"precision": "fp4"}):
        with pytest.raises(InputError):
            train_on_chips("llama3-405b", 1000, **kwargs)
