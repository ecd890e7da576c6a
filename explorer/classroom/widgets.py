"""Small widgets for the classroom walkthroughs. Each calls the core; none computes physics."""

from __future__ import annotations

import contextlib
import html
import io
import math
import os
from collections.abc import Callable

import bqplot as bq
import ipywidgets as w
import numpy as np
import traitlets

from .. import catalog, fmt, training, validate
from ..model import compute
from ..runs import train_on_chips
from ..ui.static import STATIC, Handout, shown, table
from ..ui.theme import BLUE, GREY, ORANGE
from ..units import factor
from . import exercises, factcheck, lessons

LABEL = {"description_width": "initial"}
# set (to anything but "" or "0") for the teacher's rendering: every reveal opens at once
REVEAL = "EXPLORER_REVEAL"


def _on_paper() -> bool:
    """A handout is being rendered (``EXPLORER_STATIC``): no click will open anything, and
    nothing may link out of the page."""
    return os.environ.get(STATIC, "") not in ("", "0")


def _revealing() -> bool:
    return os.environ.get(REVEAL, "") not in ("", "0")


# on a student's paper handout, under every exercise's blank: nothing opens on paper, so the
# result comes from the teacher (reader 41: lesson 8's boxes lacked it, lesson 7's folds had it)
READ_OUT = "<p><i>Your teacher reads out the result once the class has answered.</i></p>"


def _read_out() -> list[w.Widget]:
    """The "teacher reads out" line, on a student's paper handout only."""
    return [w.HTML(READ_OUT)] if _on_paper() and not _revealing() else []


def nice_steps(lo: float, hi: float, *keep: float) -> list[float]:
    """Slider stops from `lo` to `hi` on a 1-1.5-2-3-5-7 series per decade, plus the values the
    lesson's text uses (`keep`), so a slider lands exactly on them.

    Examples
    --------
    >>> nice_steps(100, 1000, 300, 16384)[:6]
    [100.0, 150.0, 200.0, 300.0, 500.0, 700.0]
    """
    stops = {float(k) for k in keep if lo <= k <= hi}
    decade = float(10.0 ** np.floor(np.log10(lo)))
    while decade <= hi:
        for m in (1, 1.5, 2, 3, 5, 7):
            x = round(m * decade, 9)
            if lo <= x <= hi:
                stops.add(x)
        decade *= 10
    return sorted(stops)


def _stepped(
    description: str, value: float, lo: float, hi: float, unit: str = "", *keep: float
) -> w.Widget:
    """A slider over `nice_steps` that starts on `value` and reads out plain numbers (16,384, not
    1.62e+4)."""
    u = f" {unit}" if unit else ""
    options = [(f"{fmt.number(x)}{u}", x) for x in nice_steps(lo, hi, value, *keep)]
    return w.SelectionSlider(
        options=options,
        value=float(value),
        description=description,
        style=LABEL,
        continuous_update=False,
    )


def _unit_label(ex: lessons.Exercise) -> str:
    return {"share": "Your answer (% or share)", "1": "Your answer"}.get(
        ex.unit, f"Your answer ({ex.unit})"
    )


class Revealed(traitlets.HasTraits):
    """The exercises whose result the student has seen (right, given up, or prediction
    committed); a solution waits for its exercise here. `asked` holds the exercises on the page
    (their answer box or prediction has been shown)."""

    done = traitlets.List(traitlets.Unicode())
    asked = traitlets.List(traitlets.Unicode())

    def ask(self, exercise_id: str) -> None:
        if exercise_id not in self.asked:
            self.asked = [*self.asked, exercise_id]

    def mark(self, exercise_id: str) -> None:
        if exercise_id not in self.done:
            self.done = [*self.done, exercise_id]


REVEALED = Revealed()
# the way each `commit_way` prediction was committed, by its key: a box that opens on it says
# the prediction back beside the result (reader 51-34 D3: "above or below?" was never closed
# where it was made)
COMMITTED: dict[str, str] = {}
# the exercises shown as a prediction to commit (`predict_reveal`): no right or wrong and no
# "Show the answer", so a solution waiting for one says so (reader 22: lesson 8's said "answered
# right")
_PREDICTED: set[str] = set()


def _built(then: Callable[[], object] | tuple[Callable[[], object], ...]) -> w.Widget:
    """What a reveal shows: the widget `then` returns, or what it prints, as a block of text;
    `then` may be several functions, shown in turn (a lesson's printout, then its chart), so
    that a notebook need not define a helper its students read (reader 28)."""
    if isinstance(then, tuple):
        return w.VBox([_built(one) for one in then])
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        made = then()
    parts = []
    if buf.getvalue():
        # wrapped: a long printed line stays on a projected screen (reader 17)
        wrap = "white-space: pre-wrap"
        parts.append(w.HTML(f"<pre style='{wrap}'>{html.escape(buf.getvalue().rstrip())}</pre>"))
    if isinstance(made, Handout):
        made = made.widget
    if isinstance(made, w.Widget):
        parts.append(made)
    elif isinstance(made, str):
        parts.append(w.HTML(made))
    return parts[0] if len(parts) == 1 else w.VBox(parts)


def answer_box(
    exercise_id: str,
    then: Callable[[], object] | None = None,
    after: tuple = (),
    closes: Callable[[], str] | None = None,
) -> w.Widget:
    """A text field and a Check button that answers right / not yet with a hint, and a Hint
    button that steps from a nudge to the formula to the worked step; after the worked step a
    "Show the answer" button gives up. The engine decides. Only once the answer is right or
    shown does the result appear, with what `then` builds (a widget, or what it prints).

    With `after` (a way's key from `commit_way`, and what the student must have done), the box
    itself stays shut until that way is committed, and on paper sits below a fold line: lesson
    4's goodput is worked out once "above or below Meta's >90 %?" is committed, with hints and
    retries (reader 49-34: a one-press reveal gave the answer away to any slip). A third item of
    `after`, a function of the way committed ("" where none was), gives the line said under the
    result once it is right or shown: the prediction closed where it was made (reader 51-34).
    `closes` is that line, for the box itself."""
    if after:
        key, until, *said = after
        closes = (lambda: said[0](COMMITTED.get(key, ""))) if said else None
        return solution(
            key,
            lambda: answer_box(exercise_id, then, closes=closes),
            step=False,
            until=until,
            asks=exercise_id,
        )
    ex = lessons.EXERCISES[exercise_id]
    REVEALED.ask(exercise_id)
    field = w.Text(description=_unit_label(ex), style=LABEL)
    button = w.Button(description="Check")
    more = w.Button(description="Hint")
    give_up = w.Button(description="Show the answer", disabled=True)
    out, hint_out = w.HTML(), w.HTML()
    after = w.VBox([])
    # every Check, and the Checks that count towards the worked step (`lessons.tried`: a number
    # of about the right size or a known slip, not "1" typed three times: reader 51-12)
    state = {"attempt": 0, "hint": 0, "tries": 0}
    question = w.HTML()

    def waiting() -> bool:
        return any(e not in REVEALED.done for e in ex.waits_for)

    def ask(_=None) -> None:
        # a figure another exercise's gated cell prints stays blank here until that cell opens
        now = lessons.question_now(exercise_id, REVEALED.done, paper=_on_paper())
        question.value = f"<b>{html.escape(now)}</b>"
        if state.get("held") and not waiting():  # the worked step it held opens (reader 37)
            state["held"] = False
            worked = lessons.hint(exercise_id, len(ex.hints) - 1)
            hint_out.value = f"<p><i>Worked step:</i> {html.escape(worked)}</p>"
        if not field.disabled:  # the checks it waits for opened: so may "Show the answer"
            give_up.disabled = waiting() or (
                state["tries"] < len(ex.hints) and state["hint"] < len(ex.hints)
            )

    if ex.waits_for:
        REVEALED.observe(ask, "done")
    ask()

    def open_up(message: str) -> None:
        out.value = message + (f"<p>{html.escape(closes())}</p>" if closes is not None else "")
        field.disabled = button.disabled = give_up.disabled = True
        REVEALED.mark(exercise_id)
        if then is not None and not after.children:
            after.children = [_built(then)]

    def on_click(_):
        state["attempt"] += 1
        try:
            counts = lessons.tried(exercise_id, field.value)
        except Exception:  # a lesson widget never shows a traceback
            counts = False
        state["tries"] += counts
        # a far-off number steps up to the formula, never to the worked step: that comes with
        # the third try that counts (as the engine's `check` rules for any caller)
        attempt = max(state["tries"], min(state["attempt"], len(ex.hints) - 1))
        attempt = attempt if counts else min(attempt, len(ex.hints) - 1)
        # while the question waits for other checks, the worked step (the third attempt's
        # hint) would print their figures: the hints stop at the formula, as the Hint button's do
        attempt = min(attempt, len(ex.hints) - 1) if waiting() else attempt
        try:
            fb = lessons.check(exercise_id, field.value, max(attempt, 1))
        except Exception:  # a lesson widget never shows a traceback
            out.value = "<p>Could not check that answer.</p>"
            return
        if fb.right:
            open_up(fb._repr_html_())
            return
        out.value = fb._repr_html_()
        give_up.disabled = waiting() or (
            state["tries"] < len(ex.hints) and state["hint"] < len(ex.hints)
        )

    def on_hint(_):
        level = state["hint"]
        state["hint"] = min(level + 1, len(ex.hints))
        step = ("Nudge", "Formula", "Worked step")[min(level, 2)]
        text = lessons.hint(exercise_id, min(level, len(ex.hints) - 1))
        if waiting() and level >= len(ex.hints) - 1:  # the worked step works with those figures
            text = "the worked step opens with the check above"
            state["held"] = True
        hint_out.value = f"<p><i>{step}:</i> {html.escape(text)}</p>"
        give_up.disabled = waiting() or (
            state["hint"] < len(ex.hints) and state["tries"] < len(ex.hints)
        )

    def on_give_up(_):
        open_up(f"<p>The explorer gets <b>{html.escape(ex.show(ex.answer()))}</b>.</p>")

    button.on_click(on_click)
    more.on_click(on_hint)
    give_up.on_click(on_give_up)
    if _revealing():
        on_give_up(None)
    # on paper, room for the working, as a folded question has (reader 36)
    how = [w.HTML("<p>How: ______________________________</p>")] if _on_paper() else []
    how += _read_out()
    return shown(
        w.VBox(
            [
                question,
                w.HBox([field, button, more, give_up]),
                *how,
                out,
                hint_out,
                after,
            ]
        )
    )


def _after_colon(text: str) -> str:
    """`text` as it reads after a colon: its first letter lower case, unless it starts an
    acronym ("PUE"): "Work it out: what share …" (reader 43-56).

    >>> _after_colon("What share?"), _after_colon("PUE at 40 %?")
    ('what share?', 'PUE at 40 %?')
    """
    return text if text[1:2].isupper() else text[:1].lower() + text[1:]


def predict_reveal(
    exercise_id: str,
    then: Callable[[], object] | tuple[Callable[[], object], ...] | None = None,
    after: tuple[str, str] = (),
) -> w.Widget:
    """Predict, then reveal: the result (and what `then` builds, if given: a widget or what it
    prints) stays hidden until the student commits a prediction; then prediction and result are
    shown side by side with the gap explained. A prediction can be changed until it is
    committed; an ambiguous one (a bare 90 for a share) is said back first ("read as 90 %") and
    committed on the second press. It is recorded on the widget (``.prediction``).

    With `after` (a way's key from `commit_way`, and what the student must have done), the box
    itself stays shut until that way is committed, and on paper sits below a fold line: lesson
    4's goodput is worked out only after "above or below Meta's >90 %?" is committed, since the
    recipe above the box settles that way (reader 48-34)."""
    if after:
        key, until = after
        return solution(
            key,
            lambda: predict_reveal(exercise_id, then),
            step=False,
            until=until,
            asks=exercise_id,
        )
    ex = lessons.EXERCISES[exercise_id]
    REVEALED.ask(exercise_id)
    _PREDICTED.add(exercise_id)
    worked = ex.worked  # worked out from figures above (reader 27)
    mine = "answer" if worked else "prediction"  # what the table and its echo call it (reader 28)
    label = _unit_label(ex) if worked else _unit_label(ex).replace("Your answer", "Prediction")
    if ex.reads.reference and _on_paper():  # a way alone is enough: circle it (reader 25)
        label = (
            f"Below / at / above {ex.show(ex.reads.reference())} (circle one), "
            f"and {ex.unit} if you "
            "have a number"
        )
    field = w.Text(
        description=label,
        # an exercise with a reference takes a way alone (reader 22: "one number" contradicted
        # "say which way")
        placeholder=(
            "above, at or below (and a number if you have one)"
            if ex.reads.reference
            # a worked answer is no estimate (reader 48-78: "Work it out" over "best estimate")
            else f"your worked answer, in {ex.shown_unit()}"
            if worked and ex.shown_unit()
            else "one number: your worked answer"
            if worked
            else "one number: your best estimate"
        ),
        style=LABEL,
    )
    button = w.Button(description="Commit and reveal")
    out = w.HTML()
    after = w.VBox([])
    box = w.VBox(
        [
            w.HTML(
                f"<b>{'Work it out' if worked else 'Predict first'}:</b> "
                + html.escape(_after_colon(ex.question) if worked else ex.question)
            ),
            w.HBox([field, button]),
            *_read_out(),
            out,
        ]
    )
    box.add_traits(prediction=traitlets.Any(None))
    confirmed = {"text": None, "done": False}

    def on_click(_):
        if confirmed["done"]:  # committed: a second press adds nothing (reader 49-78: a
            return  # double click showed the revealed block twice)
        try:
            r = lessons.reveal(exercise_id, field.value)
            echo = exercises.read(field.value, ex.unit, ex.reads.negative, ex.reads.above).echo
        except Exception:  # a lesson widget never shows a traceback
            out.value = f"<p>Could not read that {mine}.</p>"
            return
        if not r.ready:
            out.value = f"<p>{html.escape(r.message)}</p>"
            return
        if echo and confirmed["text"] != field.value:
            confirmed["text"] = field.value
            out.value = (
                f"<p>Your {mine} is {html.escape(echo)}. Press again to commit, or change "
                "it first.</p>"
            )
            return
        box.prediction = r.prediction
        confirmed["done"] = True
        field.disabled = button.disabled = True
        REVEALED.mark(exercise_id)
        out.value = table(
            [f"your {mine}", "the explorer"],
            [[r.said or ex.show(r.prediction), ex.show(r.result)]],
        ) + (f"<p>{html.escape(r.message)}</p>")
        if then is not None and after not in box.children:
            after.children = [_built(then)]
            box.children = [*box.children, after]

    button.on_click(on_click)
    if _revealing():  # the teacher's rendering: the result, with no prediction
        REVEALED.mark(exercise_id)
        # a question that marks its way: the way first (reader 52-78)
        said = "The answer:" if ex.reads.reference else "The explorer gets"
        out.value = f"<p>{said} <b>{html.escape(exercises.marked(ex))}</b>.</p>"
        if then is not None:
            after.children = [_built(then)]
            box.children = [*box.children, after]
    return shown(box)


def commit_way(key: str, ways: tuple[str, ...], ask: str) -> w.Widget:
    """A prediction said in words, not a number (lesson 4's "sooner or later?"): the student
    picks one of `ways`, may add a reason, and commits; the choice is then locked and `key` is
    marked in `REVEALED`, so the cells that answer it (`solution(..., also=(key,))`) wait for it
    as they wait for a numeric prediction (reader 31). On paper: circle one, and a line for the
    reason; in the teacher's rendering, committed at once."""
    head = w.HTML(f"<b>Predict first:</b> {html.escape(ask)}")
    if _on_paper():
        if _revealing():  # the teacher's edition: what waits for the way opens (reader 33)
            REVEALED.mark(key)
        circle = " / ".join(ways)
        return shown(
            w.HTML(
                f"<p><b>Predict first:</b> {html.escape(ask)}</p>"
                f"<p>{html.escape(circle)} (circle one). One reason: ______________</p>"
            )
        )
    toggle = w.ToggleButtons(options=list(ways), value=None)
    # the text asks "with one reason": the box asks for it too, and a second press commits
    # without one (reader 38-34: it said "(optional)")
    reason = w.Text(placeholder="one reason", style=LABEL)
    button = w.Button(description="Commit")
    out = w.HTML()
    box = w.VBox([head, w.HBox([toggle, reason, button]), out])
    asked = []

    def on_click(_=None):
        if toggle.value is None:
            out.value = f"<p>Choose {html.escape(' or '.join(ways))} first.</p>"
            return
        if not reason.value.strip() and not asked:
            asked.append(True)
            out.value = (
                "<p>Add one reason in the box (a few words are enough), then press Commit "
                "again.</p>"
            )
            return
        toggle.disabled = reason.disabled = button.disabled = True
        COMMITTED[key] = toggle.value
        why = f" because {reason.value.strip()}" if reason.value.strip() else ""
        out.value = (
            f"<p>Committed: <b>{html.escape(toggle.value)}</b>{html.escape(why)}. The cells "
            "below answer it.</p>"
        )
        REVEALED.mark(key)

    button.on_click(on_click)
    if _revealing():  # the teacher's rendering: nothing to commit
        REVEALED.mark(key)
        out.value = f"<p>Students commit {html.escape(' or '.join(ways))} here.</p>"
    return shown(box)


def solution(
    exercise_id: str,
    then: Callable[[], object] | None = None,
    also: tuple[str, ...] = (),
    step: bool = True,
    until: str = "",
    asks: str = "",
    click: str = "",
    missing: tuple[str, ...] = (),
    title: str = "",
    paper: str = "",
) -> w.Widget:
    """The worked solution of an exercise (its worked step from the exercise definition, unless
    `step` is False, and what `then` builds or prints), shown only once the result of that
    exercise (and of those in `also`) has been revealed above: answered right, given up or a
    prediction committed. Until then, one line saying so ("This opens once you have `until`", by
    default the exercise above answered right or "Show the answer" pressed);
    nothing of the result is on the page. When what opens is exercise `asks`'s answer box, paper
    (where nothing opens) prints that exercise's question with a blank below a fold line: its
    figures would give away what the cell waits for (reader 19: the handout had no question).
    With `click` (a button's label), what opens is that button, and the result only on a click:
    for the answer to a discussion question asked above it (reader 25: lesson 4's "How can more
    chips be slower?" had its verdict printed right above the question).
    With `missing` (what to do for each of `exercise_id` and `also`, in that order), the line
    adds "Still to do:" and only what is not done yet, updated as each is done (reader 34: three
    locks listed all three conditions to a student who had skipped one).
    With `title`, the closed line names what it holds ("What we found: this opens once …"), where
    no heading above it does (reader 42: lesson 6's bare line under its Summary read as if the
    Summary were locked).
    With `paper`, where a class without computers finds what opens, when not (only) in the
    teacher's answer key (reader 44-78: lesson 8's swing ends are on the tables sheet)."""
    # `exercise_id` may be a way committed with `commit_way` (no exercise, so no step): lesson
    # 4's section 3 table waits for "sooner or later?" alone (reader 46-34)
    ex = lessons.EXERCISES.get(exercise_id)
    where = html.escape(paper or "the teacher's answer key has it")
    paper_given = bool(paper)
    paper = f" in the notebook; on paper, {where}" if _on_paper() else ""  # where: escaped
    # a wrong answer opens nothing: the box opens on a right one or on "Show the answer"
    # (reader 21: "once you have answered" read as broken after a wrong answer)
    until = until or (
        # a worked answer is "your answer", as its box says it (reader 37)
        f"committed your {'answer' if ex is not None and ex.worked else 'prediction'} above"
        if exercise_id in _PREDICTED
        else "answered the exercise above"
        if _on_paper()
        else "answered the exercise above right, or pressed “Show the answer”"
    )
    lead = f"<b>{html.escape(title)}</b>: <i>this" if title else "<i>This"
    wait = w.HTML(f"<p>{lead} opens once you have {html.escape(until)}{paper}.</i></p>")
    if _on_paper() and not asks:
        # paper says only where a paper student finds it, once: under an exercise's box the
        # "teacher reads out" line has said it already (reader 52-34: two lock lines, the second
        # a notebook instruction, under every exercise)
        said_above = ex is not None and not title and not paper_given
        lead = (
            f"<b>{html.escape(title)}</b>: <i>{where}"
            if title
            else f"<i>{where[:1].upper()}{where[1:]}"
        )
        wait = w.HTML("" if said_above else f"<p>{lead}.</i></p>")
    if asks:
        # the box is on the page, shut: a sources list holds back what it works out, on screen
        # and on paper, where nothing opens (reader 48-34: the handout printed Meta's
        # GPU-hours, goodput-16k's answer, once its box moved inside a lock)
        REVEALED.ask(asks)
    if _on_paper() and asks:
        inner = lessons.EXERCISES[asks]
        wait = w.HTML(
            f"<p><b>✂ Fold the page here.</b> Read on only once you have {html.escape(until)}: "
            "the question below gives it away.</p>"
            f"<p><b>{html.escape(inner.question)}</b></p>"
            f"<p>{html.escape(_unit_label(inner))}: ______________ &nbsp; How:</p>"
            f"{READ_OUT}"
        )
    box = w.VBox([wait])
    needed = (exercise_id, *also)
    opening = wait.value

    def update(_=None):
        if box.children[0] is not wait:
            return
        left = [e for e in needed if e not in REVEALED.done]
        if left:
            if missing and not _on_paper():
                # in the order the boxes stand on the page (reader 41: lesson 7's step 3 listed
                # the state's share first, under the utility's box)
                page = {e: i for i, e in enumerate(REVEALED.asked)}
                pairs = list(zip(needed, missing, strict=True))
                if all(e in page for e in needed):
                    pairs.sort(key=lambda p: page[p[0]])
                todo = [m for e, m in pairs if e in left]
                wait.value = opening.replace(
                    "</i></p>", f" Still to do: {html.escape('; '.join(todo))}.</i></p>"
                )
            return

        def show(_=None):
            built = [_built(then)] if then is not None else []
            if step and ex is not None:
                worked = f"<p><b>Worked solution.</b> {html.escape(ex.hints[-1])}.</p>"
                built.insert(0, w.HTML(worked))
            box.children = built

        if click and not _revealing():
            button = w.Button(description=click)
            button.on_click(show)
            box.children = [button]
        else:
            show()

    REVEALED.observe(update, "done")
    update()
    return shown(box)


def on_click(then: Callable[[], object], click: str, until: str = "") -> w.Widget:
    """What `then` prints or builds, shown only on a click of a button labelled `click`: figures
    a guess above them must come before (reader 30: lesson 6's goodputs sat right under "Guess
    first, before you see the figures below"). On paper, below a fold line (read on once you
    have `until`); in the teacher's rendering, at once."""
    if _revealing():
        return shown(_built(then))
    if _on_paper():
        fold = w.HTML(
            f"<p><b>✂ Fold the page here.</b> Read on only once you have {html.escape(until)}.</p>"
        )
        return shown(w.VBox([fold, _built(then)]))
    button = w.Button(description=click)
    box = w.VBox([button])

    def show(_=None):
        box.children = [_built(then)]

    button.on_click(show)
    return shown(box)


def _argued_by(claim_id: str) -> str:
    """Who argues a claim and on which side: "Journalist (defend), Resident of Canton
    (challenge)"."""
    return ", ".join(
        f"{r.name} ({r.stance(claim_id)})" for r in factcheck.ROLES if claim_id in r.claims
    )


def role_briefs() -> w.Widget:
    """Lesson 5's four roles: each brief with the claims (as the articles put them) that role
    argues, each marked with the side it takes (defend or challenge). No verdict is shown."""
    parts = []
    for r in factcheck.ROLES:
        items = "".join(r.item(c) for c in r.claims)
        parts.append(f"<h4>{html.escape(r.name)}</h4><p>{html.escape(r.brief)}</p><ul>{items}</ul>")
    return shown(w.HTML("".join(parts)))


def station(claim_id: str) -> w.Widget:
    """A recompute station for one claim: the claim, the catalog figures it rests on (value,
    source, date, confidence), the computation in words and fields for the group's own number and
    assumption. The explorer's value and verdict are not shown: they belong to the vote's reveal.
    A claim without numbers (the battery) lists the sources to read instead."""
    c = factcheck.claim(claim_id)
    head = (
        f"<p><b>{html.escape(c.claim)}</b> <small>(argued by "
        f"{html.escape(_argued_by(claim_id))})</small></p>"
    )
    keys = factcheck.STATION_FIGURES.get(claim_id, ())
    if not keys:
        sources = factcheck.source_items(c.id, links=not _on_paper())
        body = (
            "<p>No number to recompute: read what each source says (and does not say) about the "
            f"claim, and open them if you have time.</p><ul>{sources}</ul>"
        )
        fields = [w.Text(description="What the sources say", style=LABEL)]
    else:
        held = lessons.held_figures(claim_id)
        closed = lessons.STATION_ROW_ON_PAPER if _on_paper() else lessons.STATION_ROW_CLOSED

        def figures(opened: bool) -> str:
            rows = []
            for k in keys:
                e = catalog.entry(k)
                what, value, source = factcheck.figure_line(k)
                shown_value = value if opened or k not in held else closed
                rows.append([what, shown_value, source, e.date, e.confidence])
            return table(["figure", "value", "source", "date", "confidence"], rows)

        rest = f"<p>{html.escape(c.recompute())}</p>"
        note = factcheck.station_note(claim_id)
        if note:
            rest += f"<p><i>{html.escape(note)}</i></p>"
        body = ""  # the figures and the computation follow as their own widgets
        shown_figures = w.HTML(figures(_revealing() or station_key(claim_id) in REVEALED.done))
        number = w.Text(description=f"Your number ({factcheck.number_label(c.id)})", style=LABEL)
        button = w.Button(description="Check my number")
        said = w.HTML()

        def on_check(_):  # the station's computation, never the explorer's value or a verdict
            fb = lessons.check_station(claim_id, number.value)
            said.value = f"<p>{html.escape(fb.message)}</p>"
            if fb.right:  # what would have given the station's number away may open now
                REVEALED.mark(station_key(claim_id))
                shown_figures.value = figures(True)

        button.on_click(on_check)
        fields = [
            shown_figures,
            w.HTML(rest),
            w.HBox([number, button]),
            said,
            w.Text(description="Your assumption", style=LABEL),
        ]
    return shown(w.VBox([w.HTML(head + body), *fields]))


def station_key(claim_id: str) -> str:
    """The `REVEALED` entry a station's right number marks ("station-ms-city")."""
    return f"station-{claim_id}"


VOTE = "fact-check-vote"  # the `REVEALED` entry the vote's reveal marks


def verdict_vote(claim_ids: tuple[str, ...] = factcheck.CLASS_CLAIMS) -> w.Widget:
    """Vote, then reveal: the student gives a verdict for every claim of the class's set (default
    the eight `factcheck.CLASS_CLAIMS`); only then are the explorer's verdicts shown beside the
    votes, then the rows worth a second look (lesson 5's class claims), the full table (claimed,
    explorer, why, sources) and the computation behind each row. Nothing of a verdict is on the
    page before."""
    claims = [factcheck.claim(i) for i in claim_ids]
    verdicts = [factcheck.REPRODUCED, factcheck.ASSUMED, factcheck.CONTESTED]
    votes = {
        c.id: w.Dropdown(options=["(your verdict)", *verdicts], layout=w.Layout(width="260px"))
        for c in claims
    }
    rows = [
        w.HBox(
            [
                votes[c.id],
                w.HTML(
                    f"{html.escape(c.claim)} <small>(argued by "
                    f"{html.escape(_argued_by(c.id))})</small>"
                ),
            ]
        )
        for c in claims
    ]
    button = w.Button(description="Reveal the verdicts")
    out = w.HTML()

    def on_click(_):
        missing = [c.id for c in claims if votes[c.id].value not in verdicts]
        if missing:
            out.value = (
                f"<p>Vote on every claim first ({len(missing)} left; on the projector, enter "
                "the class's majority vote on each).</p>"
            )
            return
        verdict_rows, agree = [], 0
        for c in claims:
            verdict, vote = c.verdict(), votes[c.id].value
            agree += vote == verdict
            why = c.why()
            verdict_rows.append([c.claim, vote, verdict, "✓" if vote == verdict else "✗", why])
            votes[c.id].disabled = True
        button.disabled = True
        REVEALED.mark(VOTE)
        how = "".join(
            f"<li>{html.escape(c.claim)}: {html.escape(c.how or 'the catalog')}</li>"
            for c in claims
        )
        # reader 18: "contested" on all eight scores half; the score is read against the best
        # ballot of one verdict on every claim
        one_verdict = max(sum(c.verdict() == v for c in claims) for v in verdicts)
        out.value = (
            f"<p><b>You agree with the explorer on {agree} of {len(claims)} claims.</b> "
            f"(A ballot of one verdict on every claim agrees on at most {one_verdict}.)</p>"
            + table(["claim", "your verdict", "explorer", "", "why"], verdict_rows)
            # reader 34: the rows the script reads aloud come first, under the score, not
            # under the full table and its sources (line 56 of 80 on the projector)
            # reader 48: a student's screen carries no stage directions; the teacher's does
            + (
                factcheck.after_reveal(student=not _revealing())
                if tuple(claim_ids) == factcheck.CLASS_CLAIMS
                else ""
            )
            + "<p>The full table, with the explorer's value and the sources:</p>"
            + factcheck.html_table(tuple(claim_ids))
            + f"<p>The computation behind each row:</p><ul>{how}</ul>"
        )

    button.on_click(on_click)
    if _revealing():  # the teacher's rendering: the explorer's verdicts as the votes
        for c in claims:
            votes[c.id].value = c.verdict()
        on_click(None)
    return shown(w.VBox([*rows, button, out]))


ARTICLE_SITE = "rainier-mississippi"  # the site whose article the first lessons examine


CITY_BASES = lessons.COMPARED_BASES
# the city station's own row, until its number checks (reader 16: the table printed it)
CITY_ROW_CLOSED = "opens once your city station's number checks"
CITY_ROW_ON_PAPER = "your number at the city station"


def city_bases(
    site_power: float | None = None, bases: tuple[str, ...] = CITY_BASES, station: str = ""
) -> w.Widget:
    """The same site as a city on a few bases (`CITY_BASES` by default), with a box that shows
    every basis in the catalog (default site power: the article site's, from the catalog).

    With `station` (lesson 5's city claim), the row that is that station's computation (US
    people, all sectors) says when it opens instead of its city, until the station's number is
    right or the vote is revealed: the table would otherwise give the station's number away."""
    if site_power is None:
        site_power = catalog.site_inputs(ARTICLE_SITE)["site_power"]
    bound = validate.BOUNDS["site_power"]
    sp = _stepped("Site power", site_power, bound.lo, bound.hi, bound.unit)
    every = w.Checkbox(value=False, description="show every basis in the catalog", indent=False)
    out = w.HTML()
    chosen = [b for b in bases if b in catalog.names("bases")]

    def update(_=None):
        names = catalog.names("bases") if every.value else chosen
        opened = _revealing() or {station_key(station), VOTE} & set(REVEALED.done)
        hidden = lessons.held_bases(station, sp.value, names) if station and not opened else ()
        closed = CITY_ROW_ON_PAPER if _on_paper() else CITY_ROW_CLOSED
        caption, header, rows = lessons.city_table(sp.value, names, hidden, closed)
        out.value = f"<p>{caption}</p>" + table(header, rows)

    sp.observe(update, "value")
    every.observe(update, "value")
    if station:
        REVEALED.observe(update, "done")
    update()
    return shown(w.VBox([sp, every, out]))


def power_split(
    cooling_fraction: float | None = None,
    heat: bool = True,
    numbers_after: tuple[str, ...] = (),
    station: str | None = None,
) -> w.Widget:
    """Cooling share → where the power goes at the Rainier Mississippi site, the PUE and (with
    `heat`) the heat and implied cooling-plant COP (default: 40 %, the middle of the article's 30–50
    %, as the lessons quote it; the site's own default may come from its plant model instead).
    Without `heat` it reads out the three parts in MW: a lesson that has not yet defined heat and
    COP.

    A student who drags the share reads the PUE and the MW at every share, so the readout would
    answer any exercise that turns a PUE into a share or MW: until the exercises in
    `numbers_after` are revealed (answered right, given up), only the bars move and the readout
    says when its numbers open. With `station` (lesson 5's "ms-cooling"), the readout opens
    once that station's number checks or the vote is revealed, as `city_bases` does: dragged to
    a station's PUE, it would read out the share the station asks the class to compute
    (reader 49-56 D2)."""
    site = ARTICLE_SITE  # the article whose 40 % cooling share the lesson examines
    site_power = catalog.site_inputs(site)["site_power"]
    if cooling_fraction is None:
        cooling_fraction = lessons.COOLING_SHARE
    span = validate.slider_span("cooling_fraction")
    cf = w.FloatSlider(
        value=cooling_fraction,
        min=span.lo,
        max=span.hi,
        step=0.01,
        description="Cooling share",
        readout_format=".0%",
        style=LABEL,
    )
    # a fixed scale, 0 to the site's power: until `numbers_after` open, the axis reads only
    # those two ends, as auto-scaled ticks would read out the parts' MW (reader 24)
    xs, ys = bq.OrdinalScale(), bq.LinearScale(min=0, max=float(site_power))
    y_axis = bq.Axis(scale=ys, side="left", label="MW")
    bars = bq.Bars(
        x=["IT", "Cooling", "Other"],
        y=[0, 0, 0],
        color=[0, 1, 2],
        scales={
            "x": xs,
            "y": ys,
            "color": bq.ColorScale(colors=[BLUE, ORANGE, GREY], min=0, max=2),
        },
    )
    # a dashed line at half the site, so "when is the IT bar half the site?" can be checked by
    # eye while the readout is held (reader 50-12: the axis read only 0 and the site's power)
    half = bq.Lines(
        x=["IT", "Other"],
        y=[float(site_power) / 2] * 2,
        scales={"x": xs, "y": ys},
        line_style="dashed",
        colors=[GREY],
        labels=["half the site"],
        display_legend=False,
    )
    fig = bq.Figure(
        marks=[bars, half],
        axes=[bq.Axis(scale=xs), y_axis],
        title=f"{fmt.quantity(site_power, 'MW')} site",
        animation_duration=0,
        layout=w.Layout(width="420px", height="280px"),
    )
    out = w.HTML()

    def update(_=None):
        ds = compute(site_power=site_power, cooling_fraction=cf.value, site=site)
        with bars.hold_sync():
            bars.y = [float(ds.it_power), float(ds.cooling_power), float(ds.overhead_power)]
        # the teacher's rendering opens every reveal: its numbers are not held back
        held = not _revealing() and any(e not in REVEALED.done for e in numbers_after)
        closed = (
            station is not None
            and not _revealing()
            and not {station_key(station), VOTE} & set(REVEALED.done)
        )
        y_axis.tick_values = [0.0, float(site_power)] if held or closed else None
        if held:
            # which side of the dashed line the IT bar is: it checks the half-the-site guess
            # and gives none of the held numbers (reader 50-12)
            it, mid = float(ds.it_power), float(site_power) / 2
            side = "at" if math.isclose(it, mid) else "more than" if it > mid else "less than"
            out.value = (
                f"<p>The IT bar is <b>{side} half</b> the site (the dashed line).</p>"
                "<p><i>The PUE and the megawatts appear here once you have "
                "answered the exercises below (they would give their answers away).</i></p>"
            )
            return
        if closed and _on_paper():
            # reader 51-56 D11: on paper the bars' values print beside "the numbers appear
            # here": they are the slider's, said so
            out.value = (
                f"<p><i>The chart shows the slider's cooling share, "
                f"{html.escape(lessons.article_share(cf.value))}, not the station's answer. "
                "In the notebook the PUE appears here once your number at the cooling station "
                "checks.</i></p>"
            )
            return
        if closed:
            out.value = (
                "<p><i>Watch the bars: the PUE and the numbers appear here once your number at "
                "the cooling station checks.</i></p>"
            )
            return
        if not heat:
            # every part in its own units (MW, as the bars): fmt.quantity would rescale an
            # empty cooling to "0 W" (reader 18)
            def part(da):
                return f"{fmt.number(float(da))} {da.attrs['units']}"

            out.value = (
                f"PUE {float(ds.pue):.2f} · IT {part(ds.it_power)} · "
                f"cooling {part(ds.cooling_power)} · other losses {part(ds.overhead_power)}"
            )
            return
        out.value = lessons.power_split_line(cf.value)

    cf.observe(update, "value")
    if numbers_after or station:
        REVEALED.observe(update, "done")
    update()
    return shown(w.VBox([cf, fig, out]))


# the accelerators lesson 3 discusses (and two without FP8, shown as n/a); the box shows the rest
LESSON_CHIPS = lessons.LESSON_CHIPS


def chips_per_mw(precision: str = "fp8", chips: tuple[str, ...] = LESSON_CHIPS) -> w.Widget:
    """Accelerators (`chips` by default, with a box that shows every one in the catalog): chips
    per facility MW and peak FLOP/s per facility MW, cooling at lesson 3's share (AWS's fleet
    PUE, to whole per cent, as `lessons.per_mw` takes it)."""
    cooling = lessons.TRN2_COOLING
    every = w.Checkbox(
        value=False, description="show every accelerator in the catalog", indent=False
    )
    chosen = [c for c in chips if c in catalog.names("chips")]
    body = w.VBox()

    def update(_=None):
        names = catalog.names("chips") if every.value else chosen
        body.children = _chips_per_mw(precision, cooling, names)

    every.observe(update, "value")
    update()
    return shown(w.VBox([every, body]))


def _chips_per_mw(precision: str, cooling: float, chips: list[str]) -> list[w.Widget]:
    ds = lessons.per_mw(chips)
    fpw = ds.flops_per_watt.sel(precision=precision).values * factor(
        ds.flops_per_watt.attrs["units"], lessons.PER_MW_UNIT
    )
    xs, ys = bq.OrdinalScale(), bq.LinearScale(min=0)
    has = np.isfinite(fpw)  # a chip without this precision (A100, TPU v4: no FP8) has no bar
    # the chart names chips as a reader does ("NVIDIA B200"), without the label's details
    names = [
        catalog.label("chips", c).split(" (")[0] for c, ok in zip(chips, has, strict=True) if ok
    ]
    bars = bq.Bars(x=names, y=fpw[has], scales={"x": xs, "y": ys}, colors=[BLUE])
    fig = bq.Figure(
        marks=[bars],
        axes=[
            bq.Axis(scale=xs, tick_rotate=-40, tick_style={"font-size": "10px"}),
            bq.Axis(scale=ys, side="left", label=lessons.PER_MW_WORDS),
        ],
        title=(
            f"Peak {precision.upper()} FLOP/s per facility MW ({fmt.percent(cooling, 2)} "
            f"cooling, {fmt.percent(float(ds.overhead_fraction), 2)} other losses)"
        ),
        animation_duration=0,
        layout=w.Layout(width="560px", height="360px"),
        fig_margin={"top": 40, "bottom": 110, "left": 60, "right": 20},
    )
    return [fig, w.HTML(table(*lessons.per_mw_rows(precision, tuple(chips))))]


# the systems lesson 3 discusses; the box shows the rest
LESSON_SYSTEMS = lessons.LESSON_SYSTEMS


def systems(names: tuple[str, ...] = LESSON_SYSTEMS) -> w.Widget:
    """Systems rebuilt from their chips (`names` by default, with a box that shows every one in the
    catalog): dense FP8 (chips × one chip's), beside the dense FP8 the maker publishes, or its
    sparse figure marked "sparse only" when that is all it publishes, with memory and power (marked
    "(est.)" where the maker publishes none: then it is the chips' TDP × server overhead, which
    may themselves be estimates); the rows are `lessons.systems_rows`'."""
    every = w.Checkbox(value=False, description="show every system in the catalog", indent=False)
    out = w.HTML()

    def update(_=None):
        out.value = table(*lessons.systems_rows(None if every.value else names)) + (
            f"<p><small>{html.escape(lessons.systems_note())}</small></p>"
        )

    every.observe(update, "value")
    update()
    return shown(w.VBox([every, out]))


def training_time(
    model: str = "llama3-405b", chip: str = "h100", job_chips: float | None = None
) -> w.Widget:
    """Chips, MFU and restart time → days to train a catalog model, and the goodput."""
    reference = catalog.value("reliability.reference_chips", "dimensionless")
    chips = _stepped(
        f"{catalog.label('chips', chip)} chips",
        job_chips if job_chips is not None else reference,
        1e3,
        2e6,
        "",
        reference,
    )
    mfu = w.FloatSlider(
        value=catalog.value("defaults.mfu", "dimensionless"),
        min=0.05,
        max=1,
        step=0.01,
        description="MFU",
        readout_format=".0%",
        style=LABEL,
    )
    # the slider sets the restart at Llama 3's job size; the core lengthens it for a bigger
    # job (training.restart_growth), and the readout says the restart at this job's size
    restart = w.FloatSlider(
        value=catalog.value("reliability.restart_time", "minute"),
        min=0,
        max=60,
        step=1,
        description=f"Restart at {fmt.number(reference)} chips (min)",
        style=LABEL,
    )
    out = w.HTML()

    def beyond() -> str:
        """The caveat of a job larger than the one whose interruptions were counted."""
        times = chips.value / reference
        if times < 1.5:
            return ""
        growth = catalog.value("training.restart_growth", "minute") * factor("minute", "s")
        return (
            f"<p><small>{fmt.number(times, 2)} times the {fmt.number(reference)} GPUs whose "
            "interruptions were counted (Llama 3): an extrapolation of their rate, not a "
            f"forecast. The restart grows with the job: the slider's {fmt.number(restart.value)} "
            f"min at {fmt.number(reference)} chips plus {fmt.number(growth)} s for every "
            "1,000 chips beyond: the explorer's assumption, extrapolated from start-up times "
            "ByteDance's MegaScale measured on smaller jobs "
            f"({lessons.restart_growth_confidence()} confidence).</small></p>"
        )

    def update(_=None):
        r = train_on_chips(
            model, round(chips.value), chip=chip, mfu=mfu.value, restart_minutes=restart.value
        )
        out.value = run_words(r) + beyond()

    for c in (chips, mfu, restart):
        c.observe(update, "value")
    update()
    return shown(w.VBox([chips, mfu, restart, out]))


def _share_words(g: float) -> str:
    """A goodput in words, as lesson 4's tables print it: "85.3 %", "under 1 %"."""
    return lessons.goodput_words(g)


def run_words(r) -> str:
    """One training job (a scalar `train_on_chips` result) in words, its warnings from the core's
    ``training_flags``: a job that practically never finishes (longer than the core's horizon, or
    no progress at all) says so instead of printing its days.

    Examples
    --------
    >>> from explorer.runs import train_on_chips
    >>> "practically never finishes" in run_words(train_on_chips("llama3-405b", 1_000_000))
    True
    >>> "e-0" in run_words(train_on_chips("llama3-405b", 1_000_000))
    False
    >>> "too few chips" in run_words(train_on_chips("llama3-405b", 1_000))
    True
    """
    bits, limits = int(r.training_flags), training.thresholds()
    every = (
        f"an interruption every {lessons.interval_words(float(r.mtbi))} and a "
        f"{fmt.number(float(r.restart_minutes), 3)}-min restart"
    )
    name = html.escape(catalog.label("models", str(r.attrs.get("model", ""))))
    months = fmt.number(catalog.value("training.horizon", "month"))
    if bits & training.FLAGS["too_few_chips"]:  # never set with no_progress (training.flag_bits)
        # slow because it is small: even with no interruptions it outlasts the horizon, so
        # spare machines and faster restarts would not save it (reader 41-34: 1,000 chips at
        # 97 % goodput was told it needs spare machines)
        head = (
            f"<p>{name}: <b>too few chips</b>. Even with no interruptions the run would take "
            f"{fmt.number(float(r.ideal_days))} days: more than the "
            f"{fmt.number(limits['horizon_days'])} days any run is worth (Epoch AI: beyond "
            f"about {months} months, better hardware and methods overtake it). With {every}, "
            f"goodput is {_share_words(float(r.goodput))}: "
            "interruptions are not what holds it back. More chips would finish it sooner."
        )
    elif bits & (training.FLAGS["beyond_horizon"] | training.FLAGS["no_progress"]):
        head = (
            f"<p>{name}: <b>the job practically never finishes</b>. With {every}, "
            f"goodput is {_share_words(float(r.goodput))} and the run would take more than "
            f"{fmt.number(limits['horizon_days'])} days, longer than any run is worth (Epoch AI: "
            f"beyond about {months} months, better hardware and methods overtake it). "
            f"With no interruptions it would take {fmt.number(float(r.ideal_days))} days."
        )
        if bits & (training.FLAGS["low_goodput"] | training.FLAGS["no_progress"]):
            head += " Real jobs this large need spare machines standing by and restarts of seconds."
    else:
        head = (
            f"<p>{name}: <b>{fmt.number(float(r.days))} days</b> "
            f"({fmt.number(float(r.ideal_days))} days with no interruptions). "
            f"{every[0].upper()}{every[1:]}; "
            # three figures, as the goodput question and its hints say it (reader 20: "19 min"
            # beside the question's 18.6)
            f"checkpoint every {fmt.number(float(r.checkpoint_interval), 3)} min; "
            f"goodput {_share_words(float(r.goodput))}."
        )
        if bits & training.FLAGS["low_goodput"]:
            head += (
                f" Goodput is below {fmt.percent(limits['low_goodput'])}: interruptions "
                "dominate at this size."
            )
    if bits & training.FLAGS["larger_than_fastest"]:
        head += (
            # rounded as the answer key says it: the optimum is flat and rests on a
            # low-confidence extrapolation (reader 37-34: "128,494")
            f" A job of about {lessons.about(float(r.best_job_chips))} chips would finish "
            "sooner: each "
            "added chip interrupts the job more often and lengthens every restart."
        )
    return head + "</p>"


def _reading(value: float, unit: str) -> str:
    """A catalog value as a reader reads it: 0.03 → "3 %", 405e9 → "405 billion", 8760
    "hour / year" → "8,760 hours per year", 10715 "kWh / household / year" → "10,715 kWh per
    household per year"."""
    if unit in ("dimensionless", "1"):
        for scale, word in ((1e12, "trillion"), (1e9, "billion")):
            if value >= scale:
                return f"{fmt.number(value / scale)} {word}"
        return fmt.percent(value) if 0 < value < 1 else fmt.number(value)
    head, *per = unit.split(" / ")  # "kWh / household / year"; "TFLOP/s" is one unit
    if head == "1":  # "1 / day": a count per day
        return " per ".join([fmt.number(value), *per])
    head = {"degC": "°C", "delta_degC": "°C"}.get(head, head)
    if value != 1:
        head = {"hour": "hours", "minute": "minutes", "day": "days", "person": "people"}.get(
            head, head
        )
    # four figures: a price of 262.5 USD/kWh reads as the printouts that use it (reader 22: 262)
    return " per ".join([f"{fmt.number(value, 4)} {head}", *per])


def cooling_rows() -> w.Widget:
    """Lesson 2's Advanced rows (`lessons.cooling_table`) as a table, with the notes under them,
    each under the name the lesson's text calls it (`lessons.rows_notes`): a whole plant's
    yearly COP as a yardstick, the evaporation physics and why row 2, a fleet's average, is not
    this site's water; then the tower's drain, folded.

    Examples
    --------
    >>> "heat rejected" in cooling_rows().value
    True
    """
    # what to look for first, and the tower's drain folded away: three lines of notes under
    # seven columns were too much to hold as homework (reader 39-12)
    return shown(
        w.HTML(
            f"<p><b>{html.escape(lessons.rows_look_for_line())}</b></p>"
            + table(*lessons.cooling_table())
            # each note by the name the lesson's text calls it, not by its place (reader 41-12)
            + "".join(
                f"<p><b>{html.escape(name)}:</b> {html.escape(line)}</p>"
                for name, line in lessons.rows_notes()
            )
            + f"<details><summary>For the curious: {html.escape(lessons.DRAIN_NOTE.lower())}"
            + f"</summary><p>{html.escape(lessons.drain_line())}.</p></details>"
        )
    )


def cooling_verdict() -> w.Widget:
    """Lesson 2's verdict on the hook: the article's cooling shares and the published PUEs in
    one table (`lessons.cooling_verdict_table`), then where the survey's share lies in the
    article's range (the pairs' question) and the fleet's MW against the article's.

    Examples
    --------
    >>> "high end" in cooling_verdict().value
    True
    """
    return shown(
        w.HTML(
            table(*lessons.cooling_verdict_table())
            # the pairs' question answered in words, not only by the rows' order (reader 40-12)
            + f"<p>{html.escape(lessons.survey_against_article_line())}</p>"
            + f"<p>{html.escape(lessons.fleet_against_article_line())}</p>"
            # what the verdict rests on: the other losses, a low-confidence figure (reader 50-12)
            + f"<p>{html.escape(lessons.other_losses_line())}</p>"
        )
    )


def _first_question(text: str) -> str:
    """A question's first sentence, up to its question mark: what names the exercise.

    >>> _first_question("What share? Llama 3 gives it an interruption (every 3 h).")
    'What share?'
    >>> _first_question("Work it out.")
    'Work it out.'
    """
    end = text.find("?")
    return text if end < 0 else text[: end + 1]


def where_from(
    *figures: tuple[str, ...], notes: tuple[str | tuple[str, str], ...] = ()
) -> w.Widget:
    """A lesson's "where the numbers come from": one line for each of its figures, given as
    (catalog key, what it is in the lesson's words), with value, source and date from the catalog,
    and a note for the keys in `notes` (an assumption says what it rests on): the catalog's note
    for a bare key, or the lesson's own words for a (key, text) pair, where the catalog's note is
    the maintainers' record, not a student's reading; a third item ``"share"`` prints a share of 1
    as "100 %" (a load factor), not "1", and a unit prints the value in that unit, as the lesson
    says it (a restart's growth in seconds, not "0.041 minutes"); an item ``"low"`` prints the
    low end of the figure's range instead, with that end's source (a load factor's 70 %, the
    explorer's own assumption, beside the article's implied 100 %); an item ``"implied"`` says
    that no source publishes the figure, only implies it (the article's 100 %: reader 30), with
    the lesson's note for the key saying how (reader 33: "implied by X, which does not state it"
    read as a contradiction).

    A figure that an exercise on the page has students work out (`lessons.WORKED_OUT`: the
    hours in a year, the first step of the site's energy) is a blank until that exercise is
    revealed: its value and its source (whose title may state it) show only then. So is a
    figure a question has students tell apart from another (`lessons.TOLD_APART`: which of a
    chip's peaks is dense FP8), with its label too, on screen as on paper: the blank's line
    points to the question's fold.

    Examples
    --------
    >>> "8,760 hours per year" in where_from(("conventions.hours_per_year", "hours")).value
    True
    >>> "2.46 s" in where_from(("training.restart_growth", "growth", "s")).value
    True
    >>> _reading(96, "1 / day"), _reading(4, "delta_degC")
    ('96 per day', '4 °C')
    """
    said = dict(n if isinstance(n, tuple) else (n, "") for n in notes)  # "": the catalog's
    out = w.HTML()

    holds = lessons.WORKED_OUT | lessons.TOLD_APART

    def held(key: str) -> bool:
        # on screen too (reader 44-34: Run All named the peaks below the question that sorts
        # them); the blank's line says where the question's own answer is (reader 40-34)
        eid = holds.get(key)
        return eid in REVEALED.asked and eid not in REVEALED.done

    def line(key: str, what: str, how: list[str]) -> str:
        if held(key):
            # the question's first sentence names it: the whole question, its figures and
            # asides, was some 60 words inside a list of sources (reader 48-34)
            asked = html.escape(_first_question(lessons.EXERCISES[holds[key]].question))
            if key in lessons.TOLD_APART:  # the label is the answer: which figure is which
                # one line for all of them (reader 19: identical lines puzzled students)
                if key != next(k for k, *_ in figures if k in lessons.TOLD_APART and held(k)):
                    return ""
                where = (
                    "on paper, you tell them apart yourself"
                    if _on_paper()
                    else "the fold under the question that asks you to sort them has its answer"
                )
                return (
                    f"<li><b>the figures the lesson asks you to tell apart</b>: ______ "
                    f"(they show here, named, with their sources, once you have answered "
                    f"“{asked}”; {where}).</li>"
                )
            # a figure that gives a prediction away (reader 32); a worked answer is worked out
            if holds[key] in _PREDICTED and not lessons.EXERCISES[holds[key]].worked:
                return (
                    f"<li><b>{html.escape(what)}</b>: ______ (it would give away a prediction: "
                    f"it shows here, with its source, once you have committed “{asked}”).</li>"
                )
            if key in lessons.SHOWN_WITH:  # revealed, never worked out (reader 49-34)
                paper = "; on paper, your teacher reads it out" if _on_paper() else ""
                return (
                    f"<li><b>{html.escape(what)}</b>: ______ (shown here, with its source, "
                    f"once you have answered “{asked}”{paper}).</li>"
                )
            paper = "; on paper, you work it out" if _on_paper() else ""
            return (
                f"<li><b>{html.escape(what)}</b>: ______ (you work this out in the lesson: it "
                f"shows here, with its source, once you have answered “{asked}”"
                f"{paper}).</li>"
            )
        e = catalog.entry(key)
        if "low" in how:  # the low end of the figure's range, a line of its own (reader 17)
            low = catalog.uncertainty_ranges()[key]
            value = fmt.percent(low.low) if "share" in how else _reading(low.low, low.unit)
            src = catalog.raw()["sources"].get(low.low_source, {})
            whose = (
                "The explorer's own round assumption: no published source"
                if low.low_source.startswith("explorer-")
                else f"{src.get('title', low.low_source)}, {src.get('published', '')}"
            )
            return (
                f"<li><b>{html.escape(what)}</b>: {html.escape(value)}. {html.escape(whose)} "
                "(confidence: low).</li>"
            )
        note = (said[key] or e.note) if key in said else ""
        ends = _range_ends(key, "share" in how, "implied" in how) if "range" in how else ""
        how = [h for h in how if h != "range"]
        if "implied" in how:  # a figure its source's reasoning assumes but states nowhere
            value = fmt.percent(e.value) if "share" in how else _reading(e.value, e.unit)
            how_so = said.get(key) or "it reasons as if the figure were so"
            return (
                f"<li><b>{html.escape(what)}</b>: {html.escape(value)}, implied by "
                f"{html.escape(e.source_title)}, {html.escape(e.date)}: {html.escape(how_so)}. "
                f"No published source gives the figure itself.{ends}</li>"
            )
        if how == ["share"]:
            value = fmt.percent(e.value)
        elif how:
            value = _reading(catalog.value(key, how[0]), how[0])
        else:
            value = _reading(e.value, e.unit)
        # the source's title, not a link: a handout loads nothing from the network
        return (
            f"<li><b>{html.escape(what)}</b>: {html.escape(value)}. "
            f"{html.escape(e.source_title)}, {html.escape(e.date)} "
            f"(confidence: {html.escape(e.confidence)})."
            + (f" <small>{html.escape(note)}</small>" if note else "")
            + f"{ends}</li>"
        )

    def update(_=None) -> None:
        out.value = f"<ul>{''.join(line(key, what, how) for key, what, *how in figures)}</ul>"

    if any(key in holds for key, *_ in figures):
        REVEALED.observe(update, "done")
    update()
    return shown(out)


def _range_ends(key: str, share: bool, implied: bool = False) -> str:
    """The sentence "Its range: …" for `key`: each end with its own source and date, as HTML
    (reader 32: lesson 8 is about the ends, and named only the central values' sources).

    Examples
    --------
    >>> print(_range_ends("defaults.load_factor", share=True))  # doctest: +ELLIPSIS
     <i>Its range: from 70 % (the explorer&#x27;s own stated convention, ...) to 100 % (...).</i>
    """
    r = catalog.uncertainty_ranges()[key]

    def said(value: float) -> str:
        return fmt.percent(value) if share else _reading(value, r.unit)

    def whose(source: str) -> str:
        if source.startswith("explorer-"):
            return "the explorer's own stated convention, no published source"
        if source == catalog.entry(key).source:
            return "implied by the same source" if implied else "the same source"
        src = catalog.raw()["sources"].get(source, {})
        return f"{src.get('title', source)}, {src.get('published', '')}"

    if r.low_source == r.high_source:  # one source gives both ends
        both = whose(r.low_source)
        text = f"Its range: from {said(r.low)} to {said(r.high)}, both ends from {both}."
    else:
        text = (
            f"Its range: from {said(r.low)} ({whose(r.low_source)}) to {said(r.high)} "
            f"({whose(r.high_source)})."
        )
    return f" <i>{html.escape(text)}</i>"


def sources(*prefixes: str) -> w.Widget:
    """The catalog entries under the given prefixes, with their sources (for a notebook's
    references)."""
    rows = []
    for p in prefixes:
        for e in catalog.entries_under(p):
            rows.append([e.key, f"{e.value:g} {e.unit}", e.source_title, e.date, e.confidence])
    return shown(w.HTML(table(["figure", "value", "source", "date", "confidence"], rows)))
