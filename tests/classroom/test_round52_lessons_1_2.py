"""Lessons 1 and 2 as reader 51-12 found them: a far-off number typed three times brings up no
worked step, a decimal comma is said back as a number, a right rounding is not called too high,
the paper's verdict word beside a share does not hide the share, and the lessons' texts ask
their questions the way their claims run."""

from __future__ import annotations

import html
import re

import pytest

from explorer.classroom import lessons, widgets

from ._run import lesson_cells, screen

LESSONS_1_2 = [e for e in lessons.EXERCISES.values() if e.lesson in (1, 2)]


_cells, _screen = lesson_cells, screen


def _walk(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _walk(child)


def _far(e) -> str:
    """A number nowhere near the answer and no known slip: 37 times it (no unit slip is 37)."""
    x = e.answer() * 37
    return f"{x * 100:.4g} %" if e.unit == "share" else f"{x:.4g}"


@pytest.mark.parametrize("e", LESSONS_1_2, ids=lambda e: e.id)
def test_a_far_off_number_typed_three_times_brings_up_no_worked_step(e):
    # reader 51-12 D1: "1" typed three times gave every Basics answer ("300 MW × 8,760 h =
    # 2,628,000 MWh = 2,628 GWh"), the 245,000 households the class debates among them
    for typed in ("1", _far(e)):
        if lessons.tried(e.id, typed):
            continue  # "1" is about the right size for a PUE or a COP
        said = lessons.check(e.id, typed, attempt=3).message
        assert "worked step" not in said and e.hints[-1] not in said, (typed, said)
        assert not lessons.check(e.id, e.show(e.answer()), 1).right or e.show(e.answer()) not in (
            said
        ), (typed, said)
    # a try of about the right size still reaches the worked step at the third attempt
    near = e.answer() * 0.8
    typed = f"{near * 100:.3g} %" if e.unit == "share" else f"{near:.3g}"
    assert lessons.tried(e.id, typed), typed
    said = lessons.check(e.id, typed, attempt=3).message
    assert "worked step" in said or e.hints[-1].rstrip(".") in said, (typed, said)


def test_show_the_answer_waits_for_three_tries_of_about_the_right_size():
    # reader 51-12 D1: in the box, "Show the answer" opened at the third Check of any number
    widgets.REVEALED.done = []
    try:
        for typed, opens in (("1", False), ("2000", True)):
            box = widgets.answer_box("energy-300mw")
            parts = list(_walk(box))
            (field,) = [k for k in parts if type(k).__name__ == "Text"]
            check, give_up = (
                next(k for k in parts if getattr(k, "description", "") == d)
                for d in ("Check", "Show the answer")
            )
            for _ in range(4):
                field.value = typed
                check.click()
            said = " ".join(getattr(k, "value", "") for k in _walk(box))
            assert ("2,628" in said) is opens, (typed, said)
            assert give_up.disabled is not opens, typed
    finally:
        widgets.REVEALED.done = []


@pytest.mark.parametrize(
    ("exercise", "typed", "mended"),
    [
        ("energy-300mw", "2.628,5", "2628.5"),
        ("energy-300mw", "2.628,0 GWh", "2628.0"),
        ("city-people-us", "215.410,5", "215410.5"),
        ("pue-40", "1,754", "1.754"),
        ("cooling-mw-fleet", "30,1", "30.1"),
    ],
)
def test_a_decimal_comma_is_mended_into_a_number(exercise, typed, mended):
    # reader 51-12 D5: "2.628,5" was told "write 2.628.5", no number; D6: "1,754" for a PUE was
    # told "1,000 times too large: a plain number has no prefix"
    said = lessons.check(exercise, typed).message
    assert f"write {mended}" in said, said
    assert not re.search(r"\d\.\d+\.\d", said), said
    assert "prefix" not in said, said


def test_a_ratio_a_thousand_times_too_large_says_no_prefix():
    said = lessons.check("pue-40", "1754").message
    assert "1,000 times too large" in said and "prefix" not in said, said


@pytest.mark.parametrize(
    ("exercise", "typed"),
    [("energy-300mw", "3000"), ("pue-40", "2"), ("city-people-us", "200000")],
)
def test_a_right_rounding_to_one_figure_is_not_called_too_high_or_low(exercise, typed):
    # reader 51-12 D7: "3000" for 2,628 GWh was told "too high as it stands", sending a student
    # who was right to redo a right method; still asked for more figures
    said = lessons.check(exercise, typed).message
    assert not lessons.check(exercise, typed).right
    assert "too high" not in said and "too low" not in said, said
    assert "figures" in said, said


def test_a_wrong_one_figure_answer_is_still_told_which_way():
    # "1.5 weeks" is not 11.1 days rounded: which way is still said (reader 45-34)
    assert "too low" in lessons.check("llama-days", "1.5 weeks").message


@pytest.mark.parametrize(
    ("typed", "right"),
    [
        ("33 % -> inside", True),
        ("33%->inside", True),
        ("33 % → inside", True),
        ("inside, 33%", True),
        ("20 % -> below", False),
        ("40 % inside", False),
    ],
)
def test_the_paper_word_beside_a_share_leaves_the_share_checked(typed, right):
    # reader 51-12 D8: "inside, 33%" was right and "33 % -> inside" refused for word order
    fb = lessons.check("cooling-at-survey-pue", typed)
    assert fb.right is right, fb.message
    if not right:
        assert "goes on paper" in fb.message and "hint" in fb.message, fb.message
    said = lessons.check("cooling-at-survey-pue", "inside").message
    assert "on paper" in said and "type the share" in said, said


def test_the_plan_says_only_a_real_try_brings_the_worked_step(teacher_pages):
    plan = " ".join(html.unescape(teacher_pages["lesson-1/plan.html"]).split())
    assert "the third such try also shows the worked step" in plan, plan
    assert "never the worked step" in plan, plan


def test_a_kept_value_is_its_own_function_s_even_at_a_reused_address():
    # found with reader 51-12's fixes: `kept` held values by the wrapper's id(), so a wrapper
    # made where a collected one had been read that one's value (a synthetic exercise's trap at
    # 9.0 answered as the trap at 10.0 made before it)
    from explorer.classroom.computed import kept

    for i in range(200):
        value = kept(lambda i=i: i)
        assert value() == i


def test_lesson_1s_hook_asks_the_claims_way_round_and_its_table_answers_so(teacher_pages):
    # reader 51-12 D2: the claim says the *site* draws more; the hook asked whether a *city*
    # uses more, so "more" in the table meant "no, the claim fails". Now "more" means it holds
    one = _screen(1) + lessons.city_claim_ask()  # asked under the first guess (reader 52-12)
    assert "Does the 300 MW site use more electricity than a city of 250,000 people" in one
    assert "Does a city of 250,000 people use more electricity than" not in one
    rows = [
        [c.strip() for c in line.strip("|").split("|")]
        for line in "".join("".join(c["source"]) for c in _cells(1)).splitlines()
        if line.startswith("| ") and "---" not in line
    ]
    head, *body = rows
    assert head[2].startswith("The site uses") and "more than" in head[3], head
    verdict = {"**more**": "yes", "**less**": "no", "**about the same**": "too close to call"}
    for row in body:
        (said,) = [w for w in verdict if w in row[2]]
        assert row[3] == verdict[said], row
    plan = " ".join(html.unescape(teacher_pages["lesson-1/plan.html"]).split())
    assert "does the site use more than a city of 250,000, less or about the same" in plan


def test_lesson_2s_hook_verdict_rests_only_on_what_the_lesson_shows():
    # reader 51-12 D3: "even the hottest typical hour stays below 30 %" rested on lesson 7's
    # model, neither printed nor checkable here; section 3 said "take them as given"
    two = _screen(2)
    assert "hottest typical hour" not in two and "take them as given" not in two
    assert "**Looking ahead.** Could a hot day lift cooling to 30 %?" in two


def test_lesson_2s_cop_is_said_to_be_the_whole_plants_before_it_meets_the_minimums():
    # reader 51-12 D4: the COP (whole plant) was set against chiller-alone minimums, and the
    # caveat came only in the fold after the rows
    two = _screen(2)
    caveat = two.index("pumps, fans and towers pull it below the chiller's own")
    assert caveat < two.index("Is your COP above or below"), two[caveat - 200 : caveat + 200]
    assert "warning sign, not proof" in two[caveat:][:200]


def test_lessons_1_and_2_say_plainly_what_they_mean(teacher_pages):
    # reader 51-12 D10, D12, D13: an opaque phrase, two stretches and the checker's tolerance
    # in the lesson's own text
    one, two = _screen(1), _screen(2)
    key1 = " ".join(html.unescape(teacher_pages["lesson-1/answers.html"]).split())
    assert "not a figure set by hand" not in two
    assert "its water is its heat ÷ the latent heat" in two
    for text in (one, key1):  # Mississippi's basis gives 158,000 people
        assert "well over a hundred thousand" not in text and "over a hundred thousand" in text
    assert "about a tenth of row 3's water" not in two  # 0.087
    assert "just under a tenth of row 3's water" in two
    assert "The checker accepts" not in one and "within 5 %" not in one
    assert "a city a few per cent smaller" in one


@pytest.mark.parametrize(
    ("lesson", "keys", "verdict", "answered"),
    [
        (
            1,
            ("CITY_SIZE_WAY", "CITY_CLAIM_WAY"),
            "lessons.article_claim_check",
            ["city-power-article", "city-households-us"],
        ),
        (
            2,
            ("BOTH_TRUE_WAY",),
            "widgets.cooling_verdict",
            ["cooling-at-survey-pue", "pue-40", "cooling-at-fleet-pue", "cooling-mw-fleet"],
        ),
    ],
)
def test_the_hooks_guesses_are_committed_before_their_verdict_opens(
    lesson, keys, verdict, answered
):
    # reader 51-12 D11: the hooks' guesses were "write it down", on trust; a student who jumped
    # ahead lost the surprise that drives both lessons. Each is committed in the notebook, right
    # under its hook, and the verdict it is checked against waits for it
    code = ["".join(c["source"]) for c in _cells(lesson) if c["cell_type"] == "code"]
    every = ["".join(c["source"]) for c in _cells(lesson)]
    hook = next(i for i, c in enumerate(every) if c.startswith("## Hook"))
    for n, key in enumerate(keys):
        cell = every[hook + 1 + n]
        assert "commit_way(" in cell and f"lessons.{key}," in cell, cell
    cell = next(c for c in code if verdict in c and "widgets.solution(" in c)

    def said(box) -> str:
        return " ".join(html.unescape(getattr(k, "value", "")) for k in _walk(box))

    try:
        widgets.REVEALED.done = list(answered)
        box = eval(cell, {"widgets": widgets, "lessons": lessons})  # noqa: S307 - its own cell
        assert "This opens once" in said(box) and "committed the hook" in said(box), said(box)
        widgets.REVEALED.done = [*answered, *(getattr(lessons, k) for k in keys)]
        assert "This opens once" not in said(box), said(box)
    finally:
        widgets.REVEALED.done = []


def test_the_plans_say_the_hooks_guesses_are_committed(teacher_pages):
    for lesson in (1, 2):
        plan = " ".join(html.unescape(teacher_pages[f"lesson-{lesson}/plan.html"]).split())
        assert "students commit" in plan and "the verdict table waits for" in plan, lesson


def test_lesson_1s_claim_question_waits_for_the_first_guess():
    # the claim's question names the article's 250,000, the size the first guess is about: it
    # opens only once that guess is committed (a spoiler found while fixing reader 51-12 D11)
    every = ["".join(c["source"]) for c in _cells(1)]
    hook = next(i for i, c in enumerate(every) if c.startswith("## Hook"))
    cell = every[hook + 2]
    assert "lessons.CITY_CLAIM_WAY" in cell and "widgets.solution(" in cell, cell
    said = lambda box: " ".join(getattr(k, "value", "") or "" for k in _walk(box))  # noqa: E731
    try:
        widgets.REVEALED.done = []
        box = eval(cell, {"widgets": widgets, "lessons": lessons})  # noqa: S307 - its own cell
        assert "250,000" not in said(box) and "This opens once" in said(box), said(box)
        widgets.REVEALED.done = [lessons.CITY_SIZE_WAY]
        assert "250,000" in said(box), said(box)
    finally:
        widgets.REVEALED.done = []


def test_lesson_1s_work_back_question_has_its_own_box():
    # the brief's known defect: lesson 1's "work the article back to a basis" had no answer
    # box; its answer was only written down
    every = ["".join(c["source"]) for c in _cells(1)]
    asked = next(i for i, c in enumerate(every) if "work the article back to a basis" in c)
    assert every[asked + 1] == 'widgets.answer_box("article-basis")', every[asked + 1]
    e = lessons.EXERCISES["article-basis"]
    assert e.answer() == pytest.approx(lessons.article_city_basis())
    assert lessons.check("article-basis", "10,512").right
    slips = (("10715", "household"), ("11000", "three figures"), ("12200", "all-sector"))
    for typed, says in slips:
        fb = lessons.check("article-basis", typed)
        assert not fb.right and says in fb.message, (typed, fb.message)
