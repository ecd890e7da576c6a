"""One tolerance, one place: the checker, the answer key and the lesson text agree.

Every number the lessons' text states next to an exercise's unit, within a factor of 2 of that
exercise's answer, must be accepted by that exercise's checker (within its tolerance, or its
rounding to the figures written): so a text number that a moved default makes stale fails here."""

from __future__ import annotations

import html
import re

from explorer import catalog
from explorer.classroom import exercises, factcheck, lessons, teacher_pack

# the articles' own figures (quoted as claims) and the catalog's sourced inputs (AWS's PUE 1.15):
# quoted, not computed by the explorer
# other quantities the text quotes in an exercise's unit
QUOTED = {"500,000 chips"}  # Project Rainier's reported total (NB3), not one site's chips


def _catalog_values(node: object) -> set[float]:
    if isinstance(node, dict):
        here = {float(node["value"])} if isinstance(node.get("value"), int | float) else set()
        return here.union(*(_catalog_values(v) for v in node.values()))
    if isinstance(node, list):
        return set().union(*(_catalog_values(v) for v in node))
    return set()


ARTICLE = {
    float(c.claimed) for c in factcheck.claims() if not isinstance(c.claimed, str)
} | _catalog_values(catalog.raw())

NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(%|[A-Za-z/]+)?")


def lesson_text(lesson) -> str:
    """All markdown of a lesson, the collapsed solutions included."""
    return "\n".join(teacher_pack.markdown_cells(teacher_pack.NOTEBOOKS / lesson.notebook))


def stated(text: str, e: exercises.Exercise) -> list[tuple[str, float]]:
    """(as written, value in the exercise's unit) for each number the text gives in that unit:
    a percentage for a share, the unit's symbol for a quantity, "PUE" before a ratio about PUE."""
    found = []
    for m in NUMBER.finditer(text):
        raw, unit = m[1], m[2] or ""
        x = float(raw.replace(",", ""))
        if text[max(0, m.start() - 1) : m.start()] in "–-" and m.start() > 0:
            continue  # the end of a quoted range ("38–43 %"): a spread, not a result
        if text[m.start() + len(raw) : m.start() + len(raw) + 1] == "–":
            continue
        if e.unit == exercises.SHARE and unit == "%":
            found.append((f"{raw} %", x / 100))
        elif e.unit == exercises.RATIO and "PUE" in e.question:
            before = text[max(0, m.start() - 20) : m.start()]
            if re.search(r"PUE(?: of| about| is| near)?\s*$", before):
                found.append((raw, x))
        elif unit and unit == e.unit:
            found.append((f"{raw} {unit}", x))
    return found


def test_every_number_the_text_states_is_accepted_by_its_exercise():
    checked = 0
    for lesson in teacher_pack.LESSONS:
        text = lesson_text(lesson)
        for e in teacher_pack.exercises_of(lesson.number):
            want = e.answer()
            for written, x in stated(text, e):
                if (
                    not 0.5 <= x / want <= 2
                    or x in ARTICLE
                    or x * 100 in ARTICLE
                    or (written in QUOTED)
                ):
                    continue  # another quantity in the same unit, or the article's own claim
                checked += 1
                assert lessons.check(e.id, written).right, (lesson.number, e.id, written)
    # the scanner reads the texts: it finds the article's "250,000 people" in lesson 1 (quoted,
    # so exempt); the lessons state no computed answer in their text today, so nothing is checked
    one = stated(lesson_text(teacher_pack.LESSONS[0]), lessons.EXERCISES["city-people-us"])
    assert ("250,000 people", 250_000.0) in one
    assert checked == 0


def test_a_stale_number_in_the_text_would_fail():
    # "PUE about 1.2" is accepted for 1.18 (rounded to 2 figures); "PUE about 1.3" is not
    e = lessons.EXERCISES["jackson-annual-pue"]
    assert stated("an annual PUE about 1.2 here", e) == [("1.2", 1.2)]
    assert lessons.check(e.id, "1.2").right
    assert not lessons.check(e.id, "1.3").right


def test_the_answer_key_prints_the_checkers_tolerance():
    pages = teacher_pack.build()
    for e in lessons.EXERCISES.values():
        key = pages[f"lesson-{e.lesson}/answers.html"]
        lo, hi = e.accepted()
        printed = f"accepted within {e.tolerance()}: {e.show(lo)} to {e.show(hi)}"
        assert html.escape(printed) in key, e.id
        # the checker takes exactly that range: just inside right, just outside not
        inside, outside = e.answer() * (1 + e.rel_tol * 0.99), e.answer() * (1 + e.rel_tol * 1.2)
        assert e.accepts(inside) and lessons.check(e.id, inside).right
        assert not e.accepts(outside)
    # jackson-annual-pue: ±1.5 % printed as ±1.5 %, not rounded to ±2 %
    assert lessons.EXERCISES["jackson-annual-pue"].tolerance() == "±1.5 %"
