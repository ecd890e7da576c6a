"""A handout reads without a kernel: the lesson's numbers are in it as text, no widget repr, and
nothing is loaded from the network."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from explorer import catalog, compute, fmt
from explorer.classroom import widgets

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"


@pytest.mark.slow
def test_a_handout_shows_the_lessons_numbers_offline(tmp_path, monkeypatch):
    monkeypatch.delenv(widgets.STATIC, raising=False)
    (path,) = widgets.build_handouts(
        str(tmp_path), [str(NOTEBOOKS / "01-megawatts-and-cities.ipynb")]
    )
    page = Path(path).read_text(encoding="utf-8")
    assert isinstance(widgets.city_bases(), widgets.w.Widget)  # the switch is not left on
    site_power = catalog.site_inputs(widgets.ARTICLE_SITE)["site_power"]
    ds = compute(site_power=site_power, basis="us-household")
    # the city_bases widget's table, as text: about 300 MW × 8,760 h / 10,500 kWh ≈ 250,000
    households = fmt.number(float(ds.city_households))
    assert 240_000 < float(ds.city_households) < 255_000
    assert households in page
    assert "VBox(" not in page and "HBox(" not in page
    assert "widget-view+json" not in page
    external = re.findall(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page, flags=re.I)
    assert external == [], "the handout loads from the network"


def test_a_snapshot_is_plain_html_of_the_current_state(monkeypatch):
    monkeypatch.setenv(widgets.STATIC, "1")
    shown = widgets.city_bases(site_power=300)
    bundle = shown._repr_mimebundle_()
    assert set(bundle) == {"text/html", "text/plain"}
    # 300 MW all year: 300 × 8,760 h = 2,628,000 MWh ≈ 2.63 TWh
    assert "2.63 TWh per year" in bundle["text/html"]
    assert "Site power: 300 MW" in bundle["text/html"]
    assert "<script" not in bundle["text/html"]
    assert shown.children  # still the widget underneath
    monkeypatch.setenv(widgets.STATIC, "0")
    assert isinstance(widgets.city_bases(site_power=300), widgets.w.Widget)
