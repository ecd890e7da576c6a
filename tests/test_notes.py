"""Flags shown beside the numbers."""

from __future__ import annotations

from explorer import catalog, compute, notes


def test_shortfall_only_when_chips_need_more_than_the_site():
    assert notes.power_shortfall(compute(chips=1000)) == []
    (text,) = notes.power_shortfall(compute(chips=10_000_000))
    assert "only" in text and "can run" in text


def test_pue_note_follows_distance_from_the_fleet_pue():
    fleet = catalog.value("cooling.aws-fleet.pue", "dimensionless")
    near = 1 - 1 / fleet - 0.03
    assert notes.pue_vs_fleet(compute(cooling_fraction=near)) == []
    (text,) = notes.pue_vs_fleet(compute(cooling_fraction=0.4))
    assert "1.75" in text and f"{fleet:.2f}" in text


def test_conflicts_for_trn2_sparse_only_in_sparse_precision():
    assert any("83.2" in t for t in notes.conflicts("trn2", None, "fp8_sparse"))
    assert not any("83.2" in t for t in notes.conflicts("trn2", None, "fp8"))
    assert any("household" in t for t in notes.conflicts("h100", "rainier-mississippi"))


def test_city_basis_shows_the_arithmetic():
    text = notes.city_basis(compute(site="rainier-mississippi"))
    assert "2.63 TWh/yr ÷ 10.7 MWh per household" in text
    assert text.endswith("households")
