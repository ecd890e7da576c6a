"""The lessons' kept scenarios (`explorer.classroom.computed`) are the core's, and no caller can
change what another reads."""

import numpy as np
import pytest
import xarray as xr

from explorer.classroom import computed
from explorer.scenario import compute as core


def test_a_kept_scenario_is_the_cores_and_callers_cannot_change_each_others():
    cases = [
        {"site_power": 300, "basis": "us-household", "load_factor": 0.8},
        {"cooling_fraction": 0.3, "chip": ["trn2", "gb200", "h100"]},
        {"cooling_fraction": 0.3, "chip": ("trn2", "h100")},
        {"chip": "h100", "model": "llama3-405b", "job_chips": [1024, 16384]},
    ]
    for inputs in cases:
        xr.testing.assert_identical(computed.compute(**inputs), core(**inputs))
        first, again = computed.compute(**inputs), computed.compute(**inputs)
        first["added"] = first.it_power * 2  # a copy's own: the next caller does not see it
        assert "added" not in again and "added" not in computed.compute(**inputs)
        with pytest.raises(ValueError, match="read-only"):
            again.it_power.values[...] = 0.0
        xr.testing.assert_identical(computed.compute(**inputs), core(**inputs))


def test_inputs_that_cannot_be_kept_still_reach_the_core():
    sizes = np.array([1024, 16384])
    got = computed.compute(chip="h100", model="llama3-405b", job_chips=sizes)
    xr.testing.assert_identical(got, core(chip="h100", model="llama3-405b", job_chips=sizes))
    got.it_power.values[...] = 0.0  # its own, not kept: writable
