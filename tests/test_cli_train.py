"""`explorer train` and the CLI's output-path messages, called in-process (explorer.cli.main)."""

from __future__ import annotations

import json
import math

import pytest

from explorer import runs
from explorer.cli import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _rows(text: str) -> dict[str, list[str]]:
    return {
        line.split()[0]: line.split()
        for line in text.splitlines()
        if line and not line.startswith(("training:", "note:"))
    }


def test_train_prints_days_goodput_parts_energy_co2_cost_with_units(capsys):
    code, out, err = run(
        capsys, "train", "--model", "llama3-405b", "--chip", "h100", "--job-chips", "16384"
    )
    assert code == 0, err
    rows = _rows(out)
    # defaults: MFU 0.40, 1-min checkpoints, 10-min restarts → goodput 0.8525, 79.6 days
    # (3.8e25 / (16384 × 989e12 × 0.40) / 86400 = 67.86 d ideal; / 0.8525 = 79.6 d)
    assert rows["training_days"][1:3] == ["79.59", "day"]
    assert rows["goodput"][1:3] == ["0.8525", "1"]
    for name, units in [
        ("checkpoint_share", "1"),
        ("lost_work_share", "1"),
        ("restart_share", "1"),
        ("run_energy", "MWh"),
        ("run_co2", "t"),
        ("run_cost", "USD"),
        ("chip_hours", "h"),
    ]:
        assert rows[name][2] == units, name
    assert rows["training_impossible"][1] == "no"
    assert out.startswith("training: llama3-405b on h100 (bf16)")


def test_train_json_equals_the_api(capsys):
    code, out, _ = run(
        capsys,
        "train",
        "--json",
        "--chip",
        "trn2",
        "--job-chips",
        "500000",
        "--parameters",
        "405e9",
        "--tokens",
        "15.6e12",
        "--mfu",
        "0.4",
        "--restart-minutes",
        "5",
    )
    assert code == 0
    data = json.loads(out)
    ref = runs.train(
        "trn2", job_chips=500_000, parameters=405e9, tokens=15.6e12, mfu=0.4, restart_minutes=5
    )
    assert data["training_days"] == {
        "value": pytest.approx(float(ref.training_days)),
        "units": "day",
    }
    assert data["goodput"]["units"] == "1" and 0 < data["goodput"]["value"] < 1
    assert data["run_energy"]["units"] == "MWh"
    assert data["training_impossible"]["value"] is False


def test_train_options_reach_the_chain(capsys):
    _, base, _ = run(capsys, "train", "--json", "--training-compute", "1e24", "--job-chips", "4096")
    _, fast, _ = run(
        capsys,
        "train",
        "--json",
        "--training-compute",
        "1e24",
        "--job-chips",
        "4096",
        "--checkpoint-minutes",
        "0.01",
        "--restart-minutes",
        "1",
    )
    assert json.loads(fast)["goodput"]["value"] > json.loads(base)["goodput"]["value"]
    _, fp8, _ = run(
        capsys,
        "train",
        "--json",
        "--training-compute",
        "1e24",
        "--job-chips",
        "4096",
        "--precision",
        "fp8",
    )
    # FP8 on H100 trains 1.28x faster than BF16 (FP8-LM), not 1979 / 989 = 2x: no halving
    assert json.loads(fp8)["ideal_days"]["value"] == pytest.approx(
        json.loads(base)["ideal_days"]["value"] / 1.28
    )


def test_hopeless_run_is_a_result_with_a_note_not_an_error(capsys):
    code, out, err = run(
        capsys,
        "train",
        "--model",
        "gpt-3",
        "--job-chips",
        "1e9",
        "--restart-minutes",
        "1440",
        "--site-power",
        "10000",
    )
    assert code == 0, err
    rows = _rows(out)
    assert rows["training_days"][1] == "inf" and rows["training_impossible"][1] == "yes"
    assert "note:" in out and "no progress" in out
    code, out, _ = run(
        capsys,
        "train",
        "--json",
        "--model",
        "gpt-3",
        "--job-chips",
        "1e9",
        "--restart-minutes",
        "1440",
    )
    assert json.loads(out)["training_days"]["value"] is None  # JSON has no infinity


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (["--model", "gpt-9"], "model"),
        (["--model", "gpt-3", "--training-compute", "1e23"], "model and training_compute"),
        (["--parameters", "1e9"], "tokens"),
        (["--job-chips", "0"], "job_chips"),
        (["--job-chips", "many"], "job_chips"),
        (["--checkpoint-minutes", "0"], "checkpoint_minutes"),
        (["--restart-minutes", "-3"], "restart_minutes"),
        (["--interruption-rate", "abc"], "interruption_rate"),
        (["--mfu", "2"], "mfu"),
        (["--chip", "a800"], "chip"),
        (["--precision", "fp4"], "precision"),
        (["--site", "atlantis"], "site"),
    ],
)
def test_bad_train_input_exits_2_with_one_line(capsys, args, field):
    code, out, err = run(capsys, "train", *args)
    assert code == 2
    assert err.startswith(f"explorer: error: {field} = ") and "allowed" in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err + out


# ------------------------------------------------------------------------------ --out
@pytest.mark.parametrize(
    ("target", "why"),
    [
        ("missing/grid.csv", "is in a folder that does not exist"),
        ("afile.txt/grid.nc", "which is not a folder"),
        ("grid.txt", "does not end in .csv or .nc"),
        ("adir.csv", "is a folder"),
    ],
)
def test_out_to_a_bad_path_names_the_path_and_why(capsys, tmp_path, target, why):
    (tmp_path / "afile.txt").write_text("x")
    (tmp_path / "adir.csv").mkdir()
    path = tmp_path / target
    code, out, err = run(capsys, "compute", "--sweep", "mfu=0:1:3", "--out", str(path))
    assert code == 2
    assert str(path) in err and why in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err + out
    assert not (tmp_path / "missing").exists()


def test_out_that_the_system_refuses_is_a_clear_error(capsys):
    # /proc accepts no new files, even for root: the write itself fails
    code, _, err = run(
        capsys, "compute", "--sweep", "mfu=0:1:3", "--out", "/proc/explorer-test.csv"
    )
    assert code == 2
    assert (
        "/proc/explorer-test.csv" in err
        and "could not be written" in err
        and "internal error" not in err
    )


def test_out_to_an_unwritable_folder(capsys, tmp_path, monkeypatch):
    import os

    real = os.access
    monkeypatch.setattr(
        os, "access", lambda p, mode: False if str(p) == str(tmp_path) else real(p, mode)
    )
    code, _, err = run(capsys, "compute", "--sweep", "mfu=0:1:3", "--out", str(tmp_path / "g.csv"))
    assert code == 2 and "cannot write" in err and str(tmp_path / "g.csv") in err


def test_out_to_a_good_path_still_writes(capsys, tmp_path):
    path = tmp_path / "g.csv"
    code, _, err = run(capsys, "compute", "--sweep", "mfu=0.1:0.6:6", "--out", str(path))
    assert code == 0, err
    assert len(path.read_text().splitlines()) == 1 + 6 * 3
    assert f"wrote {path}" in err


def test_csv_size_limit_points_to_netcdf(capsys):
    code, out, err = run(
        capsys, "compute", "--sweep", "site_power=1:10000:200000"
    )  # × 3 precisions = 600,000 rows
    assert code == 2 and "600,000 CSV rows" in err and ".nc" in err
    assert out == ""


def test_sweep_csv_on_stdout_reads_back(capsys):
    code, out, _ = run(
        capsys,
        "compute",
        "--sweep",
        "site_power=10:5000:100",
        "--chip",
        "trn2",
        "--precision",
        "fp8",
    )
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 101 and lines[0].startswith("site_power,")
    assert float(lines[-1].split(",")[0]) == 5000
    assert not math.isnan(float(lines[1].split(",")[1]))


def test_train_lists_become_dimensions(capsys):
    code, out, _ = run(
        capsys,
        "train",
        "--json",
        "--chip",
        "h100,trn2",
        "--job-chips",
        "16384,100000",
        "--site-power",
        "5000",
    )
    assert code == 0
    days = json.loads(out)["training_days"]
    assert days["dims"] == ["chip", "job_chips"] and days["coords"]["job_chips"] == [
        16384.0,
        100000.0,
    ]
    one = runs.train("trn2", job_chips=100_000, site_power=5000)
    assert days["value"][1][1] == pytest.approx(float(one.training_days))


def test_catalog_lists_the_models_train_accepts(capsys):
    code, out, _ = run(capsys, "catalog", "models")
    assert code == 0
    assert "llama3-405b: Llama 3.1 405B" in out and "gpu_hours = 3.084e+07 hour" in out


def test_train_is_compute_with_a_run_at_one_precision(capsys):
    import explorer

    code, out, _ = run(
        capsys,
        "train",
        "--json",
        "--chip",
        "trn2",
        "--job-chips",
        "100000",
        "--chips",
        "200000",
        "--site-power",
        "1000",
        "--precision",
        "fp8",
        "--training-compute",
        "1e25",
    )
    assert code == 0
    data = json.loads(out)
    ds = explorer.compute(
        chip="trn2", job_chips=100_000, chips=200_000, site_power=1000, training_compute=1e25
    )
    for name in ("training_days", "run_energy", "run_cost", "goodput", "job_power"):
        ref = ds[name].sel(precision="fp8") if "precision" in ds[name].dims else ds[name]
        assert data[name]["value"] == pytest.approx(float(ref), rel=1e-12), name
    # half the deployed chips: half their facility load
    assert data["job_power"]["value"] == pytest.approx(float(ds.facility_load) / 2, rel=1e-12)


def test_compute_takes_the_numeric_training_inputs(capsys):
    code, out, _ = run(
        capsys, "compute", "--json", "--training-compute", "1e24", "--job-chips", "1000"
    )
    assert code == 0
    data = json.loads(out)
    assert data["goodput"]["units"] == "1" and data["training_days"]["dims"] == ["precision"]
    code, _, err = run(capsys, "compute", "--job-chips", "1000")  # no run
    assert code == 2 and err.startswith("explorer: error: job_chips = ") and "training run" in err


def test_train_names_its_flags_and_the_faster_job_size(capsys):
    code, out, _ = run(capsys, "train", "--site", "rainier-indiana", "--chip", "trn2")
    assert code == 0
    assert "flags: low_goodput, beyond_horizon, energy_above_share, larger_than_fastest" in out
    assert "more chips, slower run" in out and "best_job_chips" in out
    _, one, _ = run(capsys, "train", "--chip", "h100", "--job-chips", "1")
    assert "flags: does_not_fit" in one and "min_job_chips" in one
