"""Lessons 3 and 4 as the thirteenth reader found them: lesson 4 names the restart the core uses
(it grows with the job) wherever its numbers depend on it, and explains "more chips can be
slower" by both of its causes; lesson 3 gives away no answer above its question and its chart
says every loss it takes off."""

from __future__ import annotations

import html
import re

import bqplot as bq
import ipywidgets as w
import nbformat
import pytest

from explorer import catalog, compute, fmt
from explorer.classroom import lessons, quiz, teacher_pack, widgets

FOUR = teacher_pack.NOTEBOOKS / "04-from-flops-to-a-trained-model.ipynb"
THREE = teacher_pack.NOTEBOOKS / "03-from-chips-to-flops.ipynb"
DETAILS = re.compile(r"<details>.*?</details>", re.S)


@pytest.fixture(scope="module")
def pages():
    return teacher_pack.build()


def cells(path) -> list[str]:
    return [c.source for c in nbformat.read(path, as_version=4).cells]


def restart_at(chips: float) -> str:
    """The restart the core uses for a job of `chips` H100s, as the lesson prints it."""
    ds = compute(chip="h100", model="llama3-405b", job_chips=chips)
    return fmt.quantity(float(ds.job_restart_minutes), "min")


def test_lesson_4_names_the_restart_the_core_uses(pages):
    # 10 min at 16,384 chips + 0.041 min per 1,000 more (MegaScale): 10 + 0.041 x 83.616 =
    # 13.43 min at 100,000 chips, 10 + 0.041 x 188.482 = 17.73 min at the site's 204,866
    assert restart_at(100_000) == "13.4 min" and restart_at(204_866) == "17.7 min"
    law = lessons.restart_law()
    assert "10 min for a job of 16,384 chips" in law and "2.5 s more for every 1,000" in law
    assert "MegaScale" in law
    assert catalog.entry("training.restart_growth").source == "megascale"
    # the notebook prints it from the core: section 3 (the law and the two restarts), the
    # back-to-the-hook table and the Advanced rows; the figure's source is listed
    src = "\n".join(cells(FOUR))
    assert "lessons.restart_law()" in src and src.count("job_restart_minutes") >= 4
    assert '"training.restart_growth"' in src
    # the goodput text says the restart is longer for a bigger job
    text = "\n".join(teacher_pack.markdown_cells(FOUR))
    assert "a restart of 10 minutes (longer for a bigger job" in text
    # the answer key's goodput table has the restart at each size, and states the law
    key = html.unescape(pages["lesson-4/answers.html"])
    assert "<th>restart</th>" in key
    for chips in (lessons.JOB_CHIPS, lessons.RUN_CHIPS):
        assert f"<td>{restart_at(chips)}</td>" in key, chips
    assert law in key
    # the worksheet gives the growth beside the 10 min, for a 16,384-chip job
    sheet = html.unescape(pages["lesson-4/worksheet.html"])
    assert "a restart takes, for a 16,384-chip job" in sheet and "<td>2.46 s</td>" in sheet
    # the slider sets the restart at Llama 3's job size; the readout says it grows
    box = widgets.training_time("llama3-405b", job_chips=lessons.RUN_CHIPS)
    slider = next(c for c in box.children if isinstance(c, w.FloatSlider) and c.max == 60)
    assert slider.description == "Restart at 16,384 chips (min)"
    readout = box.children[-1].value
    assert "13.4-min restart" in readout and "2.5 s for every 1,000 chips beyond" in readout


def test_more_chips_are_slower_for_the_reasons_the_model_has():
    # with the growing restart the site (204,866 chips) takes 26.5 days, more than the hook's
    # 100,000 (22.6); with a fixed 10-min restart it takes 15.7 against 20.2: faster. The fastest
    # job: 128,494 chips with the growth, 235,539 without (training.best_job_chips)
    sizes = [lessons.RUN_CHIPS, 204_866]
    grows = compute(chip="h100", model="llama3-405b", job_chips=sizes).sel(precision="bf16")
    fixed = compute(chip="h100", model="llama3-405b", job_chips=sizes, restart_growth=0)
    grows_days = grows.training_days.values
    fixed_days = fixed.sel(precision="bf16").training_days.values
    assert grows_days[1] > grows_days[0] and fixed_days[1] < fixed_days[0]
    assert (lessons.about(lessons.fastest_job()), lessons.about(lessons.fastest_job(0))) == (
        "128,000",
        "236,000",
    )
    # the notebook's answer names both causes, and the key states the fixed-restart figures
    (answer,) = [c for c in cells(FOUR) if "How can more chips be slower?" in c]
    folded = DETAILS.search(answer)[0]
    assert "interruptions twice as often" in folded and "longer" in folded
    assert "fixed 10 minutes the site would still be" in folded
    words = teacher_pack._fixed_restart_words()
    assert "15.7 days against 20.2 for 100,000 chips (faster)" in words
    assert "about 128,000 to about 236,000 chips" in words


def test_lesson_4s_advanced_rows_say_the_cutoff_and_the_restart():
    (cell,) = [c for c in cells(FOUR) if "def daly_and_young" in c]
    assert "horizon_days" not in cell and "stops counting" in cell
    assert 'catalog.value("training.horizon", "month")' in cell
    assert "no fast restarts" not in cell and "lengthen the restart with the job" in cell
    (site,) = [c for c in cells(FOUR) if c.startswith("site = explorer.compute(")]
    assert "lessons.FLEET_COOLING" in site and "TRN2_COOLING" not in site
    (hook,) = [c for c in cells(FOUR) if "def back_to_the_hook" in c]
    assert "per_hour_of_work" not in hook  # the figure the class is never asked about


def test_lesson_4s_key_prints_the_days_slips_in_their_own_units(pages):
    # 3.79e25 / (1e5 x 989e12 x 0.4) = 958,000 s = 266.8 hours, typed into the days box
    key = html.unescape(pages["lesson-4/answers.html"])
    assert "<td>267 hours</td>" in key and "<td>960,566 s</td>" in key
    assert "<td>267 days</td>" not in key


def test_lesson_4s_quiz_asks_for_a_checkpoints_share():
    # 20 min of work and a 1-min checkpoint: 1 / 21 = 4.76 % of the time
    (item,) = [i for i in quiz.items(4) if "checkpoint" in i.text]
    assert item.choices()[item.right()] == "4.76 %"
    assert {"33.3 %", "95.2 %", "0.0500 %"} <= set(item.choices())


def test_lesson_3_gives_no_answer_above_its_question():
    src = cells(THREE)
    dense = fmt.number(catalog.value("chips.trn2.fp8_dense", "TFLOP/s"))
    # outside the folded answers, one chip's dense FP8 (1,299) is named only in the question's
    # list of three unlabelled figures
    open_text = DETAILS.sub("", "\n".join(c for c in src if not c.startswith(("def ", "from "))))
    assert open_text.count(dense) == 1, open_text
    assert "the one you picked above" in open_text
    # the precision cell is three short points; the sparse ratios are in the folded answer
    (precision,) = [c for c in src if c.startswith("## Precision and sparsity")]
    assert precision.count("\n- **") == 3
    assert "about 4 for BF16" in DETAILS.search(precision)[0]
    # the per-MW answer opens under its prediction; the price question has its own answer
    (last,) = [c for c in src if "what else (price, availability, software)" in c]
    first, second = DETAILS.findall(last)
    assert "per facility MW" in first and "what the chips cost" not in first
    assert "what the chips cost" in second
    assert last.index("**Question.**") > last.index(first)
    # the worksheet lists the three peaks unlabelled, as the question does
    sheet = html.unescape(teacher_pack.build()["lesson-3/worksheet.html"])  # no fixture: cheap
    assert "one Trainium2's dense FP8 peak" not in sheet
    assert "667, 1,299 and 2,563 TFLOP/s" in sheet


def test_lesson_3s_chart_says_every_loss_it_takes_off():
    def figures(widget):
        if isinstance(widget, bq.Figure):
            yield widget
        for child in getattr(widget, "children", ()):
            yield from figures(child)

    (fig,) = figures(widgets.chips_per_mw("fp8"))
    # 1 MW x (1 - 0.10 - 0.03) = 0.87 MW for IT; 0.87 MW / 910 W = 955 Trainium2 per MW
    assert fig.title.endswith("(10 % cooling, 3 % other losses)"), fig.title
