"""Lessons 1 and 2 as a fresh reader found them (reader 9-1): the article's own figure and the
usual slips get their own hints, the city table keeps people and households apart, the paper
path has the figures it needs, and each lesson names the figures it uses. Values are
hand-computed."""

from __future__ import annotations

import html
import json
import re

import pytest

from explorer import catalog
from explorer.classroom import lessons, quiz, teacher_pack, widgets


@pytest.fixture(scope="module")
def pages():
    return teacher_pack.build()


def test_the_articles_figure_and_the_usual_slips_get_their_own_hints():
    # the article's 250,000 copied: its own hint, which does not name the basis it matches
    for typed in ("250,000", "250k", "250000 people"):
        fb = lessons.check("city-people-us", typed)
        assert fb.trap == "articles-figure" and "household" not in fb.message, fb
    # the household city (2,628,000,000 kWh / 10,715 kWh = 245,264) still gets its trap
    assert lessons.check("city-people-us", "245,264").trap == "households-not-people"
    # 300 MW x 365 days = 109,500 MW-days, written as 109.5 GWh: the days slip, in GWh
    assert lessons.check("energy-300mw", "109.5 GWh").trap == "days-not-hours-gwh"
    assert lessons.check("energy-300mw", "109,500 MWh").trap == "days-not-hours-gwh"
    # "208.000", a European thousands point, read as 208: the hint names the separator
    fb = lessons.check("city-people-us", "208.000")
    assert fb.trap == "prefix" and "208,000" in fb.message and "point" in fb.message
    # lesson 2: PUE − 1 − other losses = 1.15 − 1 − 0.03 = 12 %, or 36 MW of 300
    assert lessons.check("cooling-at-fleet-pue", "12 %").trap == "pue-minus-one-minus-other"
    assert lessons.check("cooling-mw-fleet", "36 MW").trap == "pue-minus-one-minus-other"
    assert lessons.check("cooling-mw-fleet", "36 MW").kind != "near"
    # the COP of the article's 40 %: 180 MW of heat / 120 MW = 1.5; IT only 171 / 120 = 1.425
    assert lessons.check("cop-article", "1.5").right
    assert lessons.check("cop-article", "1.43").trap == "it-only"


def test_the_answer_key_prints_the_days_slip_as_students_write_it(pages):
    key = html.unescape(pages["lesson-1/answers.html"])
    assert "109,500 (MW × days)" in key and "109,500 GWh" not in key


def test_the_city_table_gives_households_only_on_the_household_basis(monkeypatch):
    monkeypatch.setenv("EXPLORER_STATIC", "1")
    page = html.unescape(widgets.city_bases(site_power=300)._repr_mimebundle_()["text/html"])
    rows = {
        re.sub(r"<[^>]+>", "", r.split("</td>")[0]): re.findall(r"<td>(.*?)</td>", r)
        for r in re.findall(r"<tr>(.*?)</tr>", page, re.S)
        if "<td>" in r
    }
    per_person = rows[catalog.label("bases", "us-person")]
    assert per_person[-1] == "—" and per_person[2] == "208,000"  # 2.628e9 / 12,645, 3 figures
    assert rows[catalog.label("bases", "us-person-residential")][-1] == "—"
    household = rows[catalog.label("bases", "us-household")]
    assert household[-1] == "245,000" and household[2] == "616,000"  # x 2.51 people a home


def test_a_room_without_computers_has_the_figures(pages):
    sheet = html.unescape(pages["lesson-1/worksheet.html"])
    for key in ("us-person", "us-household", "us-person-residential", "us-ms-person"):
        value = catalog.entry(f"bases.{key}.value").value
        assert f"{value:,.0f} kWh per" in sheet, key
    assert "Before you look at the table below" not in sheet
    # quiz item 2 gives the household figure it needs (10,715 kWh)
    q2 = quiz.LESSON_ITEMS[1][1].text
    assert "10,715 kWh" in q2
    plan = html.unescape(pages["lesson-1/plan.html"])
    assert "--teacher" in plan and "city-households-us" in plan
    # lesson 2: the Advanced question is marked as such on the worksheet, after the Basics
    two = html.unescape(pages["lesson-2/worksheet.html"])
    assert two.index("cooling-mw-fleet") < two.index("Advanced (optional)") < two.index("rows")
    plan2 = html.unescape(pages["lesson-2/plan.html"])
    assert "near-miss hint" not in plan2 and "older facilities" not in plan2


def _cells(lesson: int) -> list[str]:
    path = teacher_pack.NOTEBOOKS / teacher_pack.LESSONS[lesson - 1].notebook
    nb = json.loads(path.read_text(encoding="utf-8"))
    return ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"]


def test_each_lesson_names_the_figures_it_uses():
    for lesson in (1, 2):
        code = _cells(lesson)
        sources = [c for c in code if "where_from" in c][-1]  # "Where the numbers come from"
        listed = set(re.findall(r'\("([\w.-]+)", "', sources))
        used = {k for c in code for k in re.findall(r'catalog\.(?:value|entry)\("([\w.-]+)"', c)}
        if lesson == 1:  # every basis the lesson's city table shows
            used |= {f"bases.{b}.value" for b in widgets.CITY_BASES}
        assert used <= listed, (lesson, used - listed)


def test_a_solution_that_waits_for_two_exercises_says_so():
    for lesson in (1, 2):
        for cell in _cells(lesson):
            if "widgets.solution(" in cell and "also=" in cell:
                assert "until=" in cell, cell[-200:]
