"""The capstone's printed checks: what the worksheet and the answer key print at each step."""

from __future__ import annotations

import html

from ... import fmt
from .. import factcheck, lessons
from .figures import N_DAYS, N_HOURS, SWEEP_SLIP
from .markup import html_table, inline_html
from .walkthroughs import passage


def capstone_inputs() -> str:
    """The catalog's figures lesson 6's steps 1-2 and 5 use, so the chain can be worked on paper
    (reader 17: the sheet printed step 1's chip count, so the class began at peak × MFU)."""
    figures = "; ".join(
        f"{html.escape(what)}: {html.escape(factcheck.figure_line(key)[1])}"
        for key, what in (
            ("sites.rainier-mississippi.site_power", "the site's power"),
            ("cooling.aws-fleet.pue", "AWS's fleet PUE"),
            ("chips.trn2.tdp", "one Trainium2 chip's TDP"),
            ("chips.trn2.server_overhead", "server overhead per chip"),
            ("chips.trn2.bf16_dense", "one chip's dense BF16"),
            ("defaults.mfu", "MFU of a large training run"),
        )
    )
    what, value, source = map(html.escape, factcheck.figure_line("bases.us-person.value"))
    return (
        f"<section><p><b>For steps 1 and 2</b> (the catalog's figures): {figures}.</p>"
        f"<p><b>For step 5</b> (the catalog's figures): {what}, {value} ({source}); "
        f"a year of {N_HOURS} hours, {N_DAYS} days.</p>"
        "</section>"
    )


def capstone_step_2_check() -> str:
    """What lesson 6's step 2 check prints (the peak beside the achieved speed), for the answer
    key: on paper the teacher reads it out once capstone-achieved checks (reader 23: the
    worksheet promised it, the key had no line for it)."""
    site = lessons.capstone_site()
    return (
        "<p><b>Step 2's check</b> (read it out once capstone-achieved checks): peak BF16 "
        f"{html.escape(fmt.quantity(float(site.peak_flops), 'FLOP/s'))}; achieved "
        f"{html.escape(fmt.quantity(float(site.job_flops), 'FLOP/s'))} at MFU "
        f"{html.escape(fmt.percent(float(site.mfu)))}.</p>"
    )


def capstone_step_3_check() -> str:
    """What lesson 6's step 3 check prints, for the answer key: the teacher reads it out once
    the class has answered (reader 16: printed on the worksheet it gave away the hook's answer
    and step 4's guess)."""
    # the notebook's own lines (reader 49-56 D6: one goodput, said as step 4 says it)
    lines = lessons.interruptions_lines()
    why = lines[2].removeprefix("read it as: ")
    text = f"{lines[1].removeprefix('but ')}. {why[0].upper()}{why[1:]}"
    return (
        "<p><b>Step 3's check</b> (read it out once capstone-days is answered): "
        f"{html.escape(text)}.</p>"
    )


def capstone_after_step_3() -> str:
    """What follows lesson 6's step 3 on the worksheet: where its check is (read out from the
    answer key, as the notebook and the handout say) and step 4's text, under step 4's one
    heading (reader 20: "Step 4" was printed twice, once bare and once with its title)."""
    return (
        "<section><p><b>After step 3</b>: once you have written your answer, your teacher reads "
        "out what its check prints.</p>"
        f"<p><b>{html.escape(_CAPSTONE_STEP_4)}</b>: "
        f"{inline_html(passage(6, 'The chips of one training job'))}</p>"
        # reader 27: the gut guess before the figures, the worked answer after them
        f"<p>{inline_html(passage(6, '*Guess first,* before you see'))}</p>"
        # reader 51 D3: the guess is committed (circled), as the notebook commits it
        f"<p>{html.escape(' / '.join(lessons.JOB_SIZE_WAYS))} (circle one). One reason: "
        "______________</p>"
        # reader 30: the goodputs sat on the same page as "guess first, before you see them"
        "<p><b>✂ Fold the page here.</b> Read on only once you have circled your guess.</p>"
        # reader 22: the goodput of the three sizes, so that the class computes the fastest
        f"<p>{html.escape(lessons.guesses_goodput_line())}; "
        f"{html.escape(lessons.RESTART_ASSUMPTION)}.</p>"
        # reader 52 D13: "Type" on paper; the notebook's paper: comment says "Write"
        f"<p>{inline_html(lessons.on_paper(passage(6, _SPEED)))}</p>"
        # reader 51 D3: "more chips make it slower" did the comparison asked: it is in step 4's
        # check (the answer key), read out once the answers are written
        "</section>"
    )


def capstone_peak_guess() -> str:
    """Lesson 6's step 2 guess of the peak on the worksheet, in the notebook's words, with a
    line to write it on."""
    guess = passage(6, "*Guess first:* how fast").split(" Write your guess down")[0]
    return (
        f"<section><p>{inline_html(guess)}</p><p>My guess: __________ EFLOP/s (peak). Your teacher "
        "reads out the peak once your achieved speed checks.</p></section>"
    )


_CAPSTONE_STEP_4 = "Step 4 · Pick the job size, then price the run"
_SPEED = "A job's speed is its chips"  # step 4's paragraph that asks for the share
# step 4's two blanks on the worksheet, under its one heading
CAPSTONE_LABELS = {
    # worked out from the goodputs (reader 27); reader 52 D13: "Your answer:" before the
    # question read as a stray label
    "capstone-job-share": "The fastest job's share",
    "capstone-energy": "The run's energy",
}
"""Step 4's two blanks on the worksheet, by exercise."""
# reader 33: "after the show of hands" came before the working; the plan reads it out once the
# students have committed their answer in step 4's box
CAPSTONE_READ_OUT = (
    "<p>Your teacher reads out the fastest job's size and days (step 4's check) once you have "
    "written your answer above.</p>"
)
"""The worksheet's line saying when step 4's check is read out."""


def capstone_step_4_check() -> str:
    """What lesson 6's step 4 check prints, for the answer key (reader 20: the plan says to read
    the fastest job's size and days from the key, which had them only scattered)."""
    lines = "; ".join(html.escape(line) for line in lessons.fastest_job_lines())
    return (
        "<p><b>Step 4's check</b> (read it out once every student has written an answer in step "
        f"4's box, not straight after the show of hands): {lines}.</p>"
    )


# reader 18: between step 4's guess and its energy question it split the step; it heads the
# worksheet's Advanced part, after step 5
# reader 38: "(answer key)" sent the teacher to a page that also holds step 5's answer: the
# sweep is now a slip of its own (`capstone_sweep_slip`)
CAPSTONE_SWEEP = (
    f"<p>Your teacher hands out the job-size sweep (the slip {SWEEP_SLIP}) once you have "
    "answered the run's energy.</p>"
)
"""The worksheet's line saying when the job-size sweep is handed out."""


def capstone_sweep_table() -> str:
    """Lesson 6's Advanced sweep as the notebook prints it, as an HTML table: each job size's
    goodput, wall-clock days and energy (no city, no step-5 figure)."""
    rows = [
        [
            lessons.job_size(r["chips"]),
            lessons.rough_percent(r["goodput"]),
            fmt.number(r["days"]),
            f"{lessons.about(r['energy'])} MWh",  # to three figures, as the notebook prints it
        ]
        for r in lessons.capstone_sweep()
    ]
    return html_table(["job chips", "goodput", "days wall-clock", "energy"], rows)


def capstone_sweep_slip() -> str:
    """The body of the sweep's slip: the table and the Advanced question it serves, nothing else
    (reader 38)."""
    return (
        "<p>Hand this out once a group has answered the run's energy (capstone-energy). It "
        "holds the sweep only: no answer of step 5.</p>"
        f"{capstone_sweep_table()}"
    )
