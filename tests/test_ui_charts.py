"""The charts' classes: each draws a Scenario and its `data()` is the numbers it drew."""

from __future__ import annotations

import bqplot as bq
import numpy as np
import pytest
from numpy.testing import assert_allclose

import explorer
from explorer import catalog
from explorer.ui import ExplorerApp
from explorer.ui.charts import CHARTS, axis_top
from explorer.ui.scenario import SWEEP


@pytest.fixture(scope="module")
def app():
    return ExplorerApp("site_power=600&cooling_fraction=0.25&chip=trn2&precision=bf16")


def test_every_chart_has_a_name_a_title_a_figure_and_words(app):
    assert [type(c) for c in app.charts] == list(CHARTS)
    assert len({c.name for c in app.charts}) == len(app.charts)
    for chart in app.charts:
        assert isinstance(chart.figure, bq.Figure) and chart.title and chart.words
        for var in chart.data().data_vars.values():
            assert var.attrs["units"] and var.attrs["long_name"]


def test_the_power_chart_data(app):
    data = app.power_chart.data()
    # 600 MW: IT 600 × (1 − 0.25 − 0.03) = 432, cooling 600 × 0.25 = 150, other 600 × 0.03 = 18
    assert_allclose(data.power.values, [432, 150, 18])
    assert list(data.part.values) == ["IT", "Cooling", "Other"] and data.power.units == "MW"
    assert_allclose(app.power_chart.bars.y, data.power.values)
    assert app.power_chart.bars.scales["y"].max == axis_top(432) == 500


def test_the_city_and_chips_curves_data(app):
    city = app.city_chart.data()
    # 8,760 h a year ÷ 10.715 MWh per US household: 817.5 households per MW
    assert_allclose(city.city_households.values, SWEEP * 8760 / 10.715, rtol=1e-9)
    assert city.attrs["scenario_site_power_MW"] == 600
    core = explorer.compute(site_power=SWEEP, cooling_fraction=0.25, chip="trn2")
    assert_allclose(app.chips_chart.data().chips_supported.values, core.chips_supported.values)
    assert app.city_chart.title == "A city of how many households"


def test_the_flops_per_mw_chart_data(app):
    data = app.flops_chart.data()
    names = catalog.names("chips")
    core = explorer.compute(chip=names, cooling_fraction=0.25)
    # FLOP/s per W × 10⁶ W/MW ÷ 10¹⁵ FLOP/s per PFLOP/s
    expected = core.flops_per_watt.sel(precision="bf16").values * 1e-9
    assert_allclose(data.flops_per_mw.values, expected)
    assert data.flops_per_mw.units == "PFLOP/s/MW" and data.attrs["chosen_chip"] == "trn2"
    assert_allclose(app.flops_chart.bars.y, np.nan_to_num(expected))


def test_the_axes_name_the_registrys_units_and_the_charts_type_none(app):
    import ast
    import inspect
    import re

    from explorer.ui import charts
    from explorer.variables import REGISTRY

    mw = REGISTRY["site_power"].units
    assert app.city_chart.figure.axes[0].label == f"site power ({mw})"
    assert app.chips_chart.figure.axes[0].label == f"facility power ({mw})"
    assert app.power_chart.figure.axes[1].label == REGISTRY["it_power"].units
    assert app.power_chart.data().power.units == REGISTRY["it_power"].units
    # no power unit typed in the module's strings (docstrings may say [MW])
    tree = ast.parse(inspect.getsource(charts))
    docs = {
        id(ast.get_docstring(n, clean=False) and n.body[0].value)
        for n in ast.walk(tree)
        if isinstance(n, ast.Module | ast.ClassDef | ast.FunctionDef)
    }
    typed = [
        n.value
        for n in ast.walk(tree)
        if isinstance(n, ast.Constant)
        and isinstance(n.value, str)
        and id(n) not in docs
        and re.search(r"\bMW\b", n.value)
    ]
    assert typed == []
