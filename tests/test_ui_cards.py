"""The Advanced screen's cards are pure HTML from a result: units come from its attrs."""

from __future__ import annotations

import explorer
from explorer import fmt
from explorer.ui import cards
from explorer.ui.scenario import scalars


def _cards(ds, a=None, **kw):
    v = scalars(ds, "fp8")
    args = dict(per="household", same_basis=True, chip="h100", site="generic", fill=True)
    ranges = dict.fromkeys(("city", "cooling", "flops", "it", "chips", "energy"), "")
    return cards.headline_cards(
        ds, v, a, precision="FP8", precision_key="fp8", ranges=ranges, **{**args, **kw}
    )


def test_the_cards_read_units_from_the_result_not_from_the_ui():
    ds = explorer.compute(site_power=300, cooling_fraction=0.2, overhead_fraction=0.05, chip="h100")
    shown = _cards(ds)
    # IT = 300 × (1 − 0.2 − 0.05) = 225 MW
    assert "225 MW" in shown["details"] and "Cooling load" in shown["cooling"]
    assert f"{fmt.number(float(ds.city_households))} households" in shown["city"]
    relabelled = ds.copy()
    relabelled["it_power"] = relabelled.it_power * 1000
    relabelled.it_power.attrs.update(units="kW")  # the same power, in the attrs' other unit
    assert "225 MW" in _cards(relabelled)["details"]


def test_a_pinned_scenario_adds_its_value_and_the_change():
    ds = explorer.compute(site_power=300, cooling_fraction=0.2, overhead_fraction=0.05)
    a = scalars(
        explorer.compute(site_power=150, cooling_fraction=0.2, overhead_fraction=0.05), "fp8"
    )
    shown = _cards(ds, a)
    # cooling 0.2 × 150 = 30 MW for A; B doubles it: +30 MW (+100 %)
    assert "A (pinned): <b class='explorer-a-value'>30 MW</b>" in shown["cooling"]
    assert "+30 MW (+100 %)" in shown["cooling"]
    assert "— B (the controls)" in shown["city"]
    assert cards.compare(ds, scalars(ds, "fp8"), None, "cooling_power") == ""


def test_the_flops_card_says_how_a_bf16_mfu_carries_to_fp8():
    # reader 40-34 D2: Trainium2 at 300 MW, cooling 10 %: 373 EFLOP/s FP8 peak and 97.9
    # effective "at 40 % MFU", which is 26 % of the peak. FP8 trains 1.28× as fast as BF16
    # (FP8-LM), not 1,299 ÷ 667 = 1.95×: 0.40 × 1.28 ÷ 1.95 = 26.3 % of the FP8 peak
    ds = explorer.compute(site_power=300, cooling_fraction=0.10, chip="trn2")
    flops = _cards(ds, chip="trn2")["flops"]
    assert "97.9 EFLOP/s effective" in flops, flops
    assert "26.3 % of the FP8 peak" in flops and "40 % MFU in BF16" in flops, flops
    assert "1.28×" in flops and "1.95×" in flops, flops
    bf16 = cards.headline_cards(
        ds,
        scalars(ds, "bf16"),
        None,
        precision="BF16",
        precision_key="bf16",
        ranges=dict.fromkeys(("city", "cooling", "flops", "it", "chips", "energy"), ""),
        per="household",
        same_basis=True,
        chip="trn2",
        site="generic",
        fill=True,
    )["flops"]
    assert "effective at 40 % MFU" in bf16 and "1.28" not in bf16, bf16
