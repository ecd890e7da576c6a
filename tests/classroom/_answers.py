"""Rows of typed answers and what the checker must say to them (#22: one test over many cases,
every failing case named). A reader's test lists `Row`s and calls `expect(rows)`: every row is
checked, and all the rows that fail are reported together, each with its exercise, the text typed,
the fact that failed and the message the student read.

`Row(exercise, typed, right=, trap=, kind=, says=, lacks=, attempt=, via=)`; a field left out is
not checked. `trap=None` or `trap=""` asks that no trap fires; `says` holds substrings the message
must contain, `lacks` substrings it must not; `via` is "check" (`lessons.check`), "station"
(`lessons.check_station`) or "reveal" (`lessons.reveal`, whose reveal has only a message)."""

from __future__ import annotations

from dataclasses import dataclass

from explorer.classroom import lessons


class _Any:
    def __repr__(self) -> str:
        return "ANY"


ANY = _Any()  # a field not checked
FACTS = [0]  # facts checked, counted for the before/after comparison of #22


@dataclass(frozen=True)
class Row:
    exercise: str
    typed: str
    right: object = ANY
    trap: object = ANY
    kind: object = ANY
    says: tuple[str, ...] | str = ()
    lacks: tuple[str, ...] | str = ()
    attempt: int | None = None
    via: str = "check"


def answer(row: Row):
    """What the student reads for the row's typed text."""
    if row.via == "station":
        return lessons.check_station(row.exercise, row.typed)
    if row.via == "reveal":
        return lessons.reveal(row.exercise, row.typed)
    if row.attempt is None:
        return lessons.check(row.exercise, row.typed)
    return lessons.check(row.exercise, row.typed, row.attempt)


def _words(w) -> tuple[str, ...]:
    return (w,) if isinstance(w, str) else tuple(w)


def failures(row: Row) -> list[str]:
    """The row's facts that do not hold, as sentences (empty if all hold)."""
    fb = answer(row)
    wrong = []
    for field in ("right", "kind"):
        want = getattr(row, field)
        if want is not ANY:
            FACTS[0] += 1
            if getattr(fb, field) != want:
                wrong.append(f"{field} is {getattr(fb, field)!r}, expected {want!r}")
    if row.trap is not ANY:
        FACTS[0] += 1
        if (fb.trap or None) != (row.trap or None):
            wrong.append(f"trap is {fb.trap!r}, expected {row.trap!r}")
    for w in _words(row.says):
        FACTS[0] += 1
        if w not in fb.message:
            wrong.append(f"message lacks {w!r}")
    for w in _words(row.lacks):
        FACTS[0] += 1
        if w in fb.message:
            wrong.append(f"message holds {w!r}")
    return wrong


def expect(rows: list[Row]) -> None:
    """Check every row; fail once, naming every failing row (exercise, typed, facts, message)."""
    __tracebackhide__ = True
    report = []
    for row in rows:
        wrong = failures(row)
        if wrong:
            fb = answer(row)
            where = f"{row.via} {row.exercise!r} typed {row.typed!r}"
            if row.attempt is not None:
                where += f" (attempt {row.attempt})"
            report.append(f"{where}: {'; '.join(wrong)}\n    message: {fb.message!r}")
    assert not report, f"{len(report)} of {len(rows)} rows fail:\n" + "\n".join(report)
