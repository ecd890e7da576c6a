"""The fact-check's verdicts rest on numbers: if the catalog changes so a verdict flips, these
fail."""

from __future__ import annotations

import pytest

from explorer import catalog
from explorer.classroom import factcheck
from explorer.classroom.factcheck import ASSUMED, CONTESTED, REPRODUCED

EXPECTED = {
    "ms-city": CONTESTED,
    "ms-city-households": ASSUMED,
    "ms-cooling": CONTESTED,
    "ms-chips": ASSUMED,
    "ms-third-state": CONTESTED,
    "ms-battery": CONTESTED,
    "in-power": REPRODUCED,
    "trn2-fp8": REPRODUCED,
    "trn2-hbm": ASSUMED,
    "trn2-bw": REPRODUCED,
    "trn2-sparse": CONTESTED,
    "b200-fp8": REPRODUCED,
    "b200-sparse": REPRODUCED,
    "b200-hbm": REPRODUCED,
    "b200-bw": REPRODUCED,
    "us-fp8": REPRODUCED,
    "us-hbm": CONTESTED,  # 6.6 TB; 6.1 only by mixing GiB, GB and TB
    "us-bw": REPRODUCED,
    "us-link": CONTESTED,
    "us-sparse": CONTESTED,
    "nvl72-fp8": REPRODUCED,
    "nvl72-sparse": REPRODUCED,
    "nvl72-hbm": REPRODUCED,
    "nvl72-bw": REPRODUCED,
    "nvl72-link": REPRODUCED,
    "trn3-4x": ASSUMED,
}


def test_every_claim_has_an_expected_verdict():
    assert {c.id for c in factcheck.claims()} == set(EXPECTED)


@pytest.mark.parametrize("claim", factcheck.claims(), ids=lambda c: c.id)
def test_verdict(claim):
    assert claim.verdict() == EXPECTED[claim.id], (
        f"{claim.id}: explorer gives {claim.value()} vs claimed {claim.claimed}"
    )
    if claim.verdict() == CONTESTED:
        assert claim.disagrees, "a contested claim names the source that disagrees"
    if claim.verdict() == ASSUMED:
        assert claim.assumption


def test_key_numbers_behind_the_verdicts():
    by_id = {c.id: c for c in factcheck.claims()}
    assert by_id["ms-city-households"].value() == pytest.approx(245_264, rel=1e-3)
    assert by_id["ms-city"].value() == pytest.approx(207_829, rel=1e-3)
    assert by_id["trn2-sparse"].value() == pytest.approx(41.0, rel=0.01)
    assert by_id["ms-cooling"].value() == pytest.approx(
        1 - 1 / catalog.value("cooling.aws-fleet.pue", "dimensionless") - 0.03
    )


def test_the_table_is_paraphrased_escaped_and_names_articles():
    for c in factcheck.claims():
        assert c.article in (factcheck.MISSISSIPPI, factcheck.RAINIER)
    assert len(factcheck.table()) == len(EXPECTED)


def test_the_battery_row_is_unconfirmed_by_aws_and_names_where_it_was_checked():
    row = next(r for r in factcheck.table() if r["id"] == "ms-battery")
    assert row["verdict"] == CONTESTED and row["explorer"] == "no AWS statement found"
    assert "product pitch" in row["why"] and "no AWS statement found" in row["why"]
    assert len(row["sources"]) >= 3 and all("https://" in s for s in row["sources"])
    assert any("stromfee" in s for s in row["sources"])  # the article itself
    assert "magnoliatribune.com" in factcheck.html_table()  # the sources reach the table
