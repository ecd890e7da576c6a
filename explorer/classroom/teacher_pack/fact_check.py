"""Lesson 5's fact-check game: its rules and script, the guide, the verdicts by claim, the
teacher's notes, the station cards and the claim grid."""

from __future__ import annotations

import html

from ... import catalog
from .. import factcheck, lessons
from ..exercises import Exercise
from .figures import SECOND_LOOK, SECOND_LOOK_UNNAMED
from .markup import html_table, inline_html
from .plans import PLANS
from .traps import TRAP_HEADER, trap_rows
from .walkthroughs import md_table, passage

# lesson 5's two rules, as the notebook words them (its "How the game runs"): printed on the
# plan and the worksheet, and in the teacher's guide, never retyped
# each role card points to the verdict rule at the top of the sheet, said once there (reader 27)
# round 52: the rule follows the stations on the sheet, as in the notebook (it stood at the top)
ROLE_CARD_RULE = "Judge your claims by the verdict rule after the stations."
GAME_RULES = ("**Argue in role, vote what you believe.**", "**Scoring (read out at the reveal).**")


def game_rules() -> str:
    """Lesson 5's rules box (how to argue and vote; the scoring, one sentence since round 52:
    its table was the third rule table before the vote), from the notebook's words."""
    rules = "".join(f"<p>{inline_html(passage(5, start))}</p>" for start in GAME_RULES)
    return f"<section class='box'><h3>The game's rules</h3>{rules}</section>"


VERDICT_RULE = ("**The verdict rule.**", "| # |", "**A gap**", "**The best source**")


def verdict_rule() -> str:
    """Lesson 5's verdict rule as HTML, in the notebook's words: four yes/no questions asked in
    order, what a gap is and which source counts. The worksheet and the answer key print it, so
    screen, sheet and key say the same (round 53: five rounds of readers found two dense rule
    texts hard to apply).

    Examples
    --------
    >>> verdict_rule().count("<tr>")
    5
    """
    intro, table, gap, best = VERDICT_RULE
    return (
        f"<p>{inline_html(passage(5, intro).split(chr(10))[0])}</p>{md_table(5, table)}"
        f"<p>{inline_html(passage(5, gap))}</p><p>{inline_html(passage(5, best))}</p>"
    )


def script_table(lesson: int = 5, notebook: bool = False) -> str:
    """A lesson's plan as a markdown table (time, step, what the facilitator does): the
    teacher's guide holds it word for word (a test compares), so the script the class plays is
    the plan's. The `notebook` copy (the guide's; students can open the guide) does not name the
    rows worth a second look (reader 23: they told which claims are tricky). Reader 46: the
    notebook itself no longer holds the script (it was the longest read before the first click).

    Examples
    --------
    >>> script_table().splitlines()[2].startswith("| 0–4 min | Hook |")
    True
    >>> "sparse" in script_table(notebook=True).split("| Reveal |")[1]
    False
    """
    rows = ["| time | step | what the facilitator does |", "|---|---|---|"]
    start = 0
    for minutes, segment, what in PLANS[lesson].segments:
        if notebook:
            what = what.replace(SECOND_LOOK, SECOND_LOOK_UNNAMED)
        rows.append(f"| {start}–{start + minutes} min | {segment} | {what} |")
        start += minutes
    return "\n".join(rows)


def _md_inline(text: str) -> str:
    """Markdown text on one line (the guide's bullets): line breaks as spaces."""
    return " ".join(text.split())


def fact_check_guide() -> str:
    """The teacher's guide's lesson-5 block (notebooks/README.md holds it word for word; a test
    compares): the role cards with their sides, the game's rules in the notebook's words and the
    facilitator script (the plan, its rows worth a second look unnamed), all from the code the
    pack, the notebook and the reveal use, so the guide cannot contradict them. Students can
    open the guide, so it holds no verdict and names no row worth a second look (reader 32):
    those are in the pack's teacher's notes (`verdicts_by_claim`) and its lesson-5 plan and
    answer key.

    Examples
    --------
    >>> "| 0–4 min | Hook |" in fact_check_guide()
    True
    >>> factcheck.CONTESTED in fact_check_guide().split("| Reveal |")[1]
    False
    """
    roles = []
    for r in factcheck.ROLES:
        sides = []
        for side, word in ((factcheck.DEFEND, "defends"), (factcheck.CHALLENGE, "challenges")):
            ids = [f"`{c}`" for c in r.claims if r.stance(c) == side]
            if ids:
                sides.append(f"{word} {', '.join(ids)}")
        roles.append(f"- **{r.name}** ({'; '.join(sides)}): {r.brief}")
    rules = [line for start in GAME_RULES for line in (_md_inline(passage(5, start)), "")]
    return "\n".join(
        [
            "Each role card marks the side the role takes on each of its claims, defend or "
            "challenge (`factcheck.ROLES`); every claim has one defender and one challenger, so a "
            "side is no verdict and every claim, the sparse figure too, is argued against.",
            "",
            *roles,
            "",
            *rules,
            "Facilitator script (50 minutes; generated from the pack's lesson-5 plan, which "
            "names the rows worth a second look):",
            "",
            script_table(5, notebook=True),
            "",
            "The verdicts, the rows worth a second look and why each verdict holds are in the "
            "pack (`explorer teach pack`): its teacher's notes (`notes.html`) and lesson 5's "
            "answer key (`lesson-5/answers.html`), generated from `factcheck`.",
        ]
    )


def verdicts_by_claim() -> list[tuple[str, str]]:
    """The class claims' verdicts, (verdict, the claims' ids), as the reveal gives them: for the
    pack's teacher's notes only."""
    out = []
    for verdict in (factcheck.CONTESTED, factcheck.ASSUMED, factcheck.REPRODUCED):
        ids = [c.id for c in factcheck.class_claims() if c.verdict() == verdict]
        out.append((verdict, ", ".join(ids)))
    return out


def teacher_notes() -> str:
    """The pack's teacher's notes page: what the guide beside the notebooks must not hold
    (reader 32): every exercise's slips by name, lesson 5's verdicts by claim, and where the
    hooks' outcomes and the reasons for each verdict are."""
    return (
        "<p>For the teacher only: these names and verdicts give answers away, so the teacher's "
        "guide (<code>notebooks/README.md</code>, which students can open) leaves them here. "
        "Each lesson's plan and answer key have its hook's outcome, every value, trap and "
        "hint.</p>"
        "<h2>The usual slips, by exercise</h2>"
        + html_table(TRAP_HEADER, trap_rows())
        + "<h2>Lesson 5: the verdicts</h2>"
        # reader 36: the plan only names the rows; their text is in the answer key
        "<p>The reveal's verdicts (from <code>factcheck</code>); the rows worth a second look "
        "are named in <a href='lesson-5/plan.html'>lesson 5's plan</a>, and read in its "
        "<a href='lesson-5/answers.html'>answer key</a> with the full table and why each "
        "verdict holds.</p>" + html_table(("the explorer's verdict", "claims"), verdicts_by_claim())
    )


def exercise_block(
    e: Exercise, label: str = "", predict_only: bool = False, worked: bool = False
) -> str:
    """One exercise's blanks on a worksheet; `label` (a step's title) replaces the exercise's id;
    a prediction the notebook only reveals (`predict_only`) gets no answer line, and one
    `worked` out from figures above it (`Exercise.worked`) is "my answer", not "my
    prediction"."""
    said = "My answer" if worked else "My prediction" if predict_only else "My estimate"
    unit = e.shown_unit() or ("%" if e.unit == "share" else "")
    answer = (
        f"<p>The result, once revealed (in the notebook, or read out by your teacher): "
        f"__________ {html.escape(unit)}</p>"
        if predict_only
        else f"<p>My answer: __________ {html.escape(unit)}</p>"
    )
    # a question that asks "below, at or above?" first: a way to circle on paper (reader 24)
    way = (
        f"below / at / above {html.escape(e.show(e.reads.reference()))} (circle one), and "
        if e.reads.reference
        else ""
    )
    # the notebook asks for a prediction only where it reveals one; elsewhere students
    # estimate before working it out (reader 18); a worked answer in an answer box is no
    # estimate, and its one answer line is below the working (reader 48-12: "My answer" twice)
    first = (
        ""
        if worked and not predict_only and not way
        else f"{said}: {way}__________ {html.escape(unit)} &nbsp; "
    )
    return (
        f"<section><p><b>{html.escape(label or e.id)}</b>: {html.escape(e.question)}</p>"
        f"<p>{first}My working:</p><div class='blank'></div><div class='blank'></div>"
        f"{answer}</section>"
    )


def station_card(c: factcheck.Claim) -> str:
    """One recompute station on paper, as the notebook shows it: the figures with their sources,
    the computation in words and the station's note; for the battery, the sources to read with
    their addresses. No value of the explorer's and no verdict."""
    keys = factcheck.STATION_FIGURES.get(c.id, ())
    if not keys:
        links = factcheck.source_items(c.id)
        body = (
            "<p>No number to recompute: read what each source says (and does not say) about the "
            f"claim.</p><ul>{links}</ul>"
        )
    else:
        rows = []
        held = lessons.held_figures(c.id)  # the station's own result, as a source prints it
        for k in keys:
            e = catalog.entry(k)
            what, value, source = factcheck.figure_line(k)
            value = lessons.STATION_ROW_ON_PAPER if k in held else value
            rows.append([what, value, source, e.date])
        body = html_table(["figure", "value", "source", "date"], rows)
        body += f"<p>{html.escape(c.recompute())}</p>"
        note = factcheck.station_note(c.id)
        if note:
            body += f"<p><i>{html.escape(note)}</i></p>"
        body += _station_extra(c.id)
    return f"<section><h4>Station: {html.escape(c.claim)}</h4>{body}</section>"


def _station_extra(claim_id: str) -> str:
    """What lesson 5's interactive stations show, on paper: the city on each basis for the city
    claim, and the power split's read-out at the middle of the article's 30–50 % for the cooling
    claim (reader 42: the article prints no 40 %)."""
    if claim_id == "ms-city":  # its all-sector row is the station's number: left to compute
        caption, header, rows = lessons.city_table(
            hidden=(lessons.STATION_BASIS,), closed="your number above"
        )
        return (
            "<p>The city widget's table (the same site on each basis; "
            f"{html.escape(caption)}):</p>" + html_table(header, rows)
        )
    if claim_id == "ms-cooling":
        line = lessons.power_split_line(lessons.COOLING_SHARE)
        return (
            "<p>The power-split widget at a cooling share of "
            f"{html.escape(lessons.article_share(lessons.COOLING_SHARE))}: {html.escape(line)}.</p>"
        )
    return ""


def fact_check_grid() -> str:
    """Lesson 5's role cards, its stations and the claim grid: my number, my assumption, the
    group's verdict, my vote (no verdict of the explorer's)."""
    cards = []
    for r in factcheck.ROLES:
        items = "".join(r.item(c) for c in r.claims)  # the notebook's card, with its leads
        cards.append(
            f"<section><h3>Role card: {html.escape(r.name)}</h3><p>{html.escape(r.brief)}</p>"
            f"<ul>{items}</ul><p><i>{ROLE_CARD_RULE}</i></p></section>"
        )
    stations = "".join(station_card(c) for c in factcheck.class_claims())
    # the stations above carry the figures: the grid is for writing (reader 14: a column of
    # citations left the write-in columns too narrow to write in)
    grid = html_table(
        ["claim", "my number", "my assumption", "group verdict", "my vote"],
        # reader 33: the battery claim has no number to write ("—")
        [
            [c.claim, "" if lessons.station_unit(c.id) else "—", "", "", ""]
            for c in factcheck.class_claims()
        ],
    )
    # the rule, stated once as the notebook states it (reader 27: said three times before); the
    # role cards point to it. Round 52: after the stations, where the notebook has it. Round 53:
    # four numbered yes/no questions, the same words on screen, here and in the answer key
    rule = f"<h3>Before you vote</h3>{verdict_rule()}"
    sparse = f"<p>{inline_html(passage(5, '**Dense or sparse?**'))}</p>"
    # reader 21: the rule's disk example mirrored the memory claim; it is in the reveal's memory
    # row (the answer key), not on the students' sheet
    return (
        "".join(cards)
        + "<h3>Recompute stations</h3>"
        + sparse
        + stations
        + rule
        + "<h3>Claim grid</h3>"
        + grid
        + game_rules()
    )
