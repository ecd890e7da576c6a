"""Reader 48-78's defects in lessons 7 and 8 (notebooks 07, 08): what a student reads and what
the checker answers."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from explorer.classroom import lessons, widgets

from ._run import cells

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"


_cells = cells


def _plain(page: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).replace(" :", ":").split())


def test_lesson_7s_references_do_not_credit_llama_3_with_the_dips_length_or_count():
    # reader 48-78 D1: "length of a checkpoint dip: 1 minute. Meta: The Llama 3 Herd of Models"
    # and "checkpoint dips: 96 per day. Meta: …", while the report gives neither (only swings of
    # tens of MW): both are the explorer's illustrative assumptions, and the line says so
    (source,) = [c.source for c in _cells("07") if c.source.startswith("widgets.where_from(")]
    text = _plain(eval(source, {"widgets": widgets}).value)
    for label in ("length of a checkpoint dip", "checkpoint dips"):
        line = text.split(label, 1)[1].split(".", 3)
        said = ".".join(line)[:400]
        assert "Llama 3 Herd" not in said.split("(confidence")[0], said
        assert "assumption" in said and "illustrative" in said, said


def test_lesson_8s_aws_cooling_share_shows_the_sum_behind_its_tenth(capsys):
    # reader 48-78 D3: "about 10 % (a fleet PUE of 1.15 …)": 1 − 1/1.15 is 13 % of the site's
    # power, so a student who does the sum thinks the lesson wrong; the 10 % is that overhead
    # less the model's 3 % other losses, and the line now says so
    from explorer import catalog, fmt
    from explorer.classroom import contested

    contested.cooling_shares(lessons.ARTICLE_SITE)
    (line,) = [x for x in capsys.readouterr().out.splitlines() if "AWS's fleet" in x]
    overhead = 1 - 1 / catalog.value("cooling.aws-fleet.pue", "dimensionless")
    other = catalog.value("defaults.overhead_fraction", "dimensionless")
    assert f"{fmt.percent(overhead)} of the site's power" in line, line
    assert f"less {fmt.percent(other)} of other losses" in line, line
    step_4 = next(c.source for c in _cells("08") if c.source.startswith("## Step 4"))
    assert "about a tenth" not in step_4  # the sum is the printout's, not a typed figure


@pytest.mark.parametrize(
    ("typed", "said", "not_said"),
    [
        # reader 48-78 D6: "700" is above 300 MW as "above 400" is: the way was right too
        ("700", "The right way, above 300 MW.", "Not at"),
        ("700 MW", "The right way, above 300 MW.", "Not at"),
        # a hedge between two ways is not "at": asked to pick one, the answer kept hidden
        ("at or above", "pick one way", "Not at"),
        ("above or at 300 MW", "pick one way", "Not at"),
        # a bare number below the announced power: the other way, as before
        ("290", "", "The right way"),
    ],
)
def test_lesson_8s_p5_prediction_says_the_way_a_bare_number_takes(typed, said, not_said):
    r = lessons.reveal("contested-power-p5", typed)
    assert said in r.message and not_said not in r.message, r.message
    if said == "pick one way":
        assert not r.ready and r.result is None, r


@pytest.mark.parametrize("typed", ["290 MW", "above, 350 MW", "above, around 320"])
def test_lesson_8s_p5_checker_ends_its_question_without_a_stray_full_stop(typed):
    # reader 48-78 D6: "…how many draws land below 300 MW?." after a hint that is a question
    said = lessons.check("contested-power-p5", typed).message
    assert "?." not in said, said


def test_a_guessed_percentile_just_outside_is_not_told_to_check_its_figures():
    # reader 48-78 D6: "above, around 320" for a Monte Carlo percentile heard "The method is
    # probably right; check the figures you used": a guess has no figures to check
    said = lessons.check("contested-power-p5", "above, around 320").message
    assert "figures you used" not in said, said


def test_lesson_7s_hot_day_question_asks_physics_and_the_reply_says_the_rule():
    # reader 48-78 D7 (and the brief: the says_tolerance sentences read awkwardly): "Your share
    # counts within 3 % of the answer either way, not ±3 points" sat inside the question, a
    # checker rule read twice; it is said in the reply to a near miss, where it applies, and an
    # answer inside the range is still right at any figures (reader 47-78)
    e = lessons.EXERCISES["hot-day-above-mean"]
    assert "counts within" not in e.question and "points" not in e.question, e.question
    assert e.said_tolerance() in lessons.check(e.id, "65 %").message
    for typed in ("70 %", "68 %", "0.7", "two thirds"):
        assert lessons.check(e.id, typed).right, typed
    assert not lessons.check(e.id, "100 %").right


def test_lesson_8s_hook_does_not_say_how_little_a_households_use_moves():
    # reader 48-78 D5: "A household's use, which changes a little from year to year" all but
    # answered the second guess ("within 10 %"); step 1's table shows how little
    hook = next(c.source for c in _cells("08") if c.source.startswith("## Hook"))
    assert "changes from year to year" in hook and "a little" not in hook, hook


@pytest.mark.parametrize(
    ("eid", "typed", "trap", "said"),
    [
        # reader 48-78 D8: the article's 40 % cooling share typed for a PUE is that, not only
        # "a PUE is never below 1"; the reply says how a cooling share becomes a PUE
        ("jackson-annual-pue", "40%", "articles-cooling-share", "the article's cooling share"),
        ("jackson-annual-pue", "30 %", "articles-cooling-share", "1 ÷ (1 − the cooling share"),
        # January's row of the month table (1.11) is one month's PUE, not the year's
        ("jackson-annual-pue", "1.11", "one-month", "one month"),
    ],
)
def test_lesson_7s_annual_pue_names_the_likely_thought(eid, typed, trap, said):
    fb = lessons.check(eid, typed)
    assert fb.trap == trap and said in fb.message, fb


def test_a_round_number_outside_the_range_hears_one_reason_not_nested_brackets():
    # reader 48-78 D8: "20" for ride-through-energy (21.2 MWh) heard 60 words and two
    # brackets, one inside the sentence of the other; one reason now, the rule's bracket cut
    said = lessons.check("ride-through-energy", "20").message
    assert said.count("(") <= 1 and len(said.split()) < 45, said
    assert "only the 2 counts" in said and "two or three figures" in said, said


@pytest.mark.parametrize("arrow", ["->", "→", "=>"])
def test_a_result_after_an_arrow_is_read_as_after_an_equals_sign(arrow):
    # reader 48-78 D8: "750 MW -> 625,714" was "give one number", while "150-90=60" and
    # "245,264 x 0.3 = 73,579" were read
    assert lessons.check("contested-city-high", f"750 MW {arrow} 625,714").right
    assert lessons.check("contested-load-swing", f"245,264 x 0.3 {arrow} 73,579").right


def test_the_hooks_category_typed_as_the_share_is_asked_to_work_it_out():
    # reader 48-78 D8: "up to twice" (the hook's category) for hot-day-above-mean heard "I
    # cannot find a number … such as 1,500, 2.6k or 4.5 kWh"
    said = lessons.check("hot-day-above-mean", "up to twice").message
    assert "cannot find a number" not in said and "kWh" not in said, said
    assert "work" in said, said


def test_lesson_7s_design_day_fold_is_short_and_names_no_answer_yet_unseen(capsys):
    # reader 48-78 D2: the fold before step 2's first exercise ended "Step 2's 'More detail'
    # shows that the hook's answer holds on either published day too", an answer the student
    # has not been given (it is said in the battery's "More detail", after the answer); its
    # paragraph is one sentence now
    from explorer.classroom import hot_days

    more = hot_days.sizing_design_day(lessons.hot_year()[0])
    capsys.readouterr()
    text = " ".join(str(more.body if hasattr(more, "body") else more).split())
    assert "hook" not in text.lower(), text
    paragraph = text.split("dehumidification design day:", 1)[1].split(None, 4)[-1]
    assert len(paragraph.split()) < 65 and paragraph.count(". ") <= 1, paragraph
    assert "borrowed" in paragraph, text


def test_lesson_7s_step_3_says_what_its_hottest_hour_rests_on():
    # reader 48-78 D2/D11: step 3's grid figure is the typical year's hottest hour, "the
    # model's upper end" with no referent; it rests on the borrowed hours (step 1)
    step_3 = next(c.source for c in _cells("07") if c.source.startswith("## Step 3"))
    text = " ".join(step_3.split())
    assert "the model's upper end" not in text, text
    assert "borrowed" in text, text


def test_lesson_8s_second_block_gives_the_reason_before_the_oddity(capsys):
    # reader 48-78 D10: "the city 245,264 households (189k–245k)" looks like a bug; the
    # sentence under it said why only in its third clause. The reason comes first now
    from explorer.classroom import contested

    contested.ninety_ranges(lessons.ARTICLE_SITE, lessons.SITE_MW)
    second = " ".join(capsys.readouterr().out.split()).partition("(no expansion):")[2]
    why = second.index("read 300 MW as the year's average")
    assert why < second.index("at or above the top of"), second
    assert second.index("every draw") < second.index("at or above the top of"), second


def _texts(widget) -> list:
    import ipywidgets as w

    found = [widget] if isinstance(widget, w.Text) else []
    for child in getattr(widget, "children", ()):
        found += _texts(child)
    return found


def test_a_worked_answer_box_asks_for_the_worked_answer_not_a_best_estimate():
    # reader 48-78 D4: step 3's box said "Work it out: …" over a field whose placeholder read
    # "one number: your best estimate"
    (field,) = _texts(widgets.predict_reveal("contested-load-swing"))
    assert "best estimate" not in field.placeholder, field.placeholder
    assert "worked answer" in field.placeholder and "households" in field.placeholder
    (field,) = _texts(widgets.predict_reveal("jackson-annual-pue"))  # a prediction: unchanged
    assert "best estimate" in field.placeholder


def test_lesson_7s_battery_answer_does_not_rule_out_what_its_own_real_days_need():
    # reader 48-78 D9: 42.8 MWh is a row of containers, but the same line's "up to 138 MWh on
    # the year's real days" is about 35 of them, a yard, while the answer insisted "not … a
    # building"; the answer now says both ends
    from explorer import batteries
    from explorer.classroom import hot_days

    said = hot_days.containers(batteries.peak_shaving_battery(lessons.hot_year()[0]))
    assert "not a building" not in said and "a yard of them" in said, said
    from explorer.classroom.teacher_pack.open_answers import model_answers

    key = " ".join(" ".join(a for _, a in model_answers()[7]).split())
    assert "a yard of them" in key and "not a building" not in key, key
    debrief = next(c.source for c in _cells("07") if c.source.startswith("## What we found"))
    assert "not a building" not in debrief
