"""What the lessons show students is labelled for students: the shared widgets say the basis of
what they show (the households' people per home and where it comes from, what real chillers reach
beside a cooling share's implied COP), and lesson 7 prints the catalog's student lines, not its
maintainer notes."""

from __future__ import annotations

from explorer import catalog
from explorer.classroom import hot_days, lessons, widgets
from explorer.training import goodput
from explorer.ui import context


def test_the_city_widget_says_the_people_per_household_and_their_source():
    table = widgets.city_bases(site_power=300).children[-1].value
    assert "2.51 to a home on average (US Census Bureau" in table  # the footnote, reader 13


def test_the_cooling_widget_says_what_real_chillers_reach():
    line = widgets.power_split().children[-1].value
    # the article's 40 % implies COP 1.5; a water-cooled chiller must reach 3.517 / 0.780 = 4.5
    assert "implied cooling-plant COP 1.5" in line
    assert "at least COP 4.5" in line and "ASHRAE 90.1" in line


def test_lesson_7_prints_the_catalogs_student_lines_not_its_maintainer_notes(capsys):
    hot_days.yardsticks(lessons.hot_year()[1])
    out = capsys.readouterr().out
    # MISO's 2011 record predates the Entergy utilities joining it (December 2013): the
    # catalog table's caveat, one line; the entry's note keeps the source and the detail
    assert catalog.raw()["grid"]["operators"]["miso"]["caveat"] in out
    assert "December 2013" in out
    for maintainer in ("derived, not read", "no stored page", "Lesson 7's exercise"):
        assert maintainer not in out
    # the cooling chart's "What it ignores" in plain words, not the plant model's note
    shown = context.monthly_widget().children
    text = " ".join(
        getattr(c, "value", "") for c in shown if isinstance(getattr(c, "value", ""), str)
    )
    assert "What it ignores: it is a generic design" in text
    assert "Carnot" not in text and "plate heat exchanger" not in text


def test_lesson_3s_systems_table_shows_its_systems_and_dgx_h100s_sparse_only_figure():
    box = widgets.systems()
    every, shown = box.children
    head = "<th>published dense FP8 (PFLOP/s)</th>"
    assert (
        head in shown.value
        and "<td>16 (half of 32 sparse, the only figure published)</td>" in shown.value
    )
    assert shown.value.count("<tr>") == 1 + len(widgets.LESSON_SYSTEMS)
    assert "MI355X" not in shown.value  # a system the lesson does not discuss, behind the box
    every.value = True
    assert "MI355X" in shown.value
    assert shown.value.count("<tr>") == 1 + len(catalog.names("systems"))


def test_lesson_3s_systems_table_marks_estimated_power():
    # reader 9 (lesson 3, 5): the Trn2 rows' power (16 x 500 W x 1.82 = 14.56 kW; 64 chips
    # 58.24 kW) rests on an estimated TDP and a borrowed overhead, unlike NVIDIA's published
    # 10.2, 14.3 and 120 kW
    rows = widgets.systems().children[1].value
    assert "<td>14.6 (est.)</td>" in rows and "<td>58.2 (est.)</td>" in rows
    assert "<td>10.2</td>" in rows and "(est.)" not in rows.split("DGX H100")[1].split("</tr>")[0]


def test_the_training_widget_says_when_a_job_practically_never_finishes():
    # reader 10-2: at 1,000,000 H100s Llama 3.1 405B "took 43,802,945 days", an interruption
    # "every 0.0507 h", goodput "2.54e-06 %". The core flags the run beyond its horizon (457 days,
    # training.horizon); the widget says so in words, the time between interruptions in minutes
    # (0.0507 h = 3.04 min) and no share in powers of ten (reader 20: nor to three figures below
    # 1 %, as lesson 4's tables say it)
    line = widgets.training_time("llama3-405b", job_chips=1_000_000).children[-1].value
    assert "practically never finishes" in line and "more than 457 days" in line
    assert "every 3.04 min" in line and "under 1 %" in line
    assert "43,802,945" not in line and "e-0" not in line
    # the core's best_job_chips, rounded as lesson 4's key says it (reader 37-34)
    assert "A job of about 128,000 chips would finish sooner" in line
    # Meta's job size: its days, the interruption in hours, the checkpoint the page states (to
    # three figures, 18.6 min, as the goodput question says it: reader 20)
    line = widgets.training_time("llama3-405b", job_chips=16_384).children[-1].value
    assert "<b>79.6 days</b>" in line and "every 3.09 h" in line and "every 18.6 min" in line
    assert "practically never" not in line
    # 100,000 chips: an interruption every 30.4 min, below the catalog's 50 % goodput
    line = widgets.training_time("llama3-405b", job_chips=100_000).children[-1].value
    assert "every 30.4 min" in line and "below 50 %" in line


def test_lesson_4s_goodput_question_gives_the_checkpoint_interval_in_words():
    # the estimate needs the core's interval (Daly's optimum, 18.6 min at 16,384 chips):
    # (10 + 9.3) / 186 + 1 / 18.6 ≈ 15.8 % of losses, goodput ≈ 84 % (Daly: 85.3 %)
    e = lessons.EXERCISES["goodput-16k"]
    assert "checkpoint about every 18.6 minutes, each pausing training 1 min" in e.question
    assert "1-min checkpoints" not in e.question
    assert lessons.checkpoint_every() == float(goodput(lessons.JOB_CHIPS).checkpoint_interval)
    worked = e.hints[2]
    assert "≈ 84 %" in worked and "85.3 %" in worked
    assert not any(sym in h for h in e.hints for sym in ("τ", "δ", "√"))
    assert lessons.check("goodput-16k", "84 %").right
