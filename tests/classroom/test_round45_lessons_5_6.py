"""Reader 45's defects in lessons 5 and 6 (fix round 45): each test failed on main."""

from explorer.classroom import lessons


def test_sparse_station_names_the_assumed_factor_when_typed():
    """D1: 16 × 4 × 1,299, 16 × 5.2 PF and 4 × 20.8 PF apply the Journalist's 4× lead: told it is
    4 × the dense figure, a factor assumed; not "64 chips" nor "the article's figure" (copied).
    A bare 83.1 stays the UltraServer reading, a bare 83.2 the article's figure."""
    for typed in ("16 * 4 * 1299 TFLOP/s", "16*5.2 PFLOP/s", "4 * 20.8 PFLOP/s", "4 x 20.78"):
        said = lessons.check_station("trn2-sparse", typed).message
        assert "4 × the instance's dense figure, a factor you assumed" in said, (typed, said)
        assert "64 chips" not in said and "article's figure" not in said, (typed, said)
    assert "64 chips" in lessons.check_station("trn2-sparse", "83.1").message
    assert "64 chips" in lessons.check_station("trn2-sparse", "64 * 1299 TFLOP/s").message
    assert "article's figure" in lessons.check_station("trn2-sparse", "83.2").message
    assert (
        "2 × the instance's dense"
        in lessons.check_station("trn2-sparse", "2 * 20.8 PFLOP/s").message
    )


def test_cooling_station_asks_to_apply_the_rule():
    """D2: the rule's "Whose figure?" already says which PUE is the claim's own terms, so "argue
    which of the two the claim should be tested against" was an empty debate. The station's note
    and its check now ask which PUE the rule points to and whether the hot-hours lead changes it."""
    from explorer.classroom import factcheck

    note = factcheck.station_note("ms-cooling")
    said = lessons.check_station("ms-cooling", "10 %").message
    for text in (note, said):
        # reader 46 (D2): no longer "apply the ranks" (that settled the vote): it asks
        assert "claim's own terms for this site" in text and "hottest hours" in text, text
        assert "should be tested against" not in text, text


def test_a_power_at_the_cooling_station_hears_no_whole_factor_slip():
    """D3: "0.1 MW" was told "1,000 times too small: a plain number has no prefix", false twice
    (0.0333 % is 300 times off 10 %, and MW was typed). A power that is no named slip is told it
    is a power and what the box asks; a named slip's hint is still said (90 MW: the article's)."""
    for typed in ("0.1 MW", "0.03 MW", "1 MW", "3 MW", "300 MW"):
        said = lessons.check_station("ms-cooling", typed).message
        assert "times too" not in said and "prefix" not in said, (typed, said)
        assert "is a power" in said and "share of the site's power" in said, (typed, said)
    assert "article's 30 %" in lessons.check_station("ms-cooling", "90 MW").message
    assert "other losses" in lessons.check_station("ms-cooling", "39 MW").message


def test_capstone_days_names_the_mfu_applied_twice():
    """D7: 3.8e25 FLOP ÷ (1.912e20 FLOP/s × 0.4 × 0.4) = 14.4 days (5.75 ÷ 0.4) was told only
    "time = work ÷ speed"; it is the MFU applied twice."""
    for typed in ("14.4", "14.4 days", "5.75/0.4"):
        said = lessons.check("capstone-days", typed)
        assert "MFU twice" in str(said), (typed, said)
    assert "MFU twice" not in str(lessons.check("capstone-days", "12.8"))


def test_what_we_found_answers_the_hook_as_asked_first():
    """D4: the hook asks for every chip in one job; "What we found" answered the fastest job
    first and the hook's own guess after an "if". Every chip's days and its 57.7 city-days
    (300 MW × 67.0 d × 24 h ÷ 8,356 MWh a day) now come in the hook's item, the fastest job's
    after them in its own."""
    import re

    found = " ".join(re.sub("<[^>]+>", "", lessons.capstone_found()).split())
    hook = found.split("The hook.")[1].split("Why can more chips")[0]
    every, fastest = hook.split("The fastest job (step 4).")
    assert "57.7 days" in every and "over two months" in every, every
    assert "If you guessed" not in found
    assert "about a month" in fastest and "under two weeks of the city's" in fastest, fastest


def test_ultraserver_station_names_the_shortened_chip_figure():
    """D8: 64 × 1.3 PF (1,299 TF shortened) heard only "works it out from other figures than one
    chip's", as if copied. The reply now names the 1.3 used beside the chip's 1,299 as printed;
    never "rounded" (earlier readers: the verdict's argument). 4 × 20.8 keeps its reply, and
    64 × 1,299 is the station's computation."""
    for typed in ("64 * 1.3 PFLOP/s", "64*1.3", "64 * 1300 TFLOP/s"):
        fb = lessons.check_station("us-fp8", typed)
        assert not fb.right and "you used 1.3 PFLOP/s a chip" in fb.message, fb
        assert "prints it (1,299 TFLOP/s)" in fb.message and "round" not in fb.message, fb
    said = lessons.check_station("us-fp8", "4*20.8").message
    assert "other figures" in said and "you used" not in said
    assert lessons.check_station("us-fp8", "64*1299 TFLOP/s").right


def test_job_share_reads_the_half_and_calls_none_no_job():
    """D6: "none" was read as 0 % and told "Too few", as a guess; "the half" was not readable
    where "half" was. "none" is now said to be no job; "the half" is half."""
    for typed in ("none", "0 %"):
        r = lessons.reveal("capstone-job-share", typed)
        assert "no job" in r.message and "Too few" not in r.message, r.message
    r = lessons.reveal("capstone-job-share", "the half")
    assert r.ready and r.prediction == 0.5 and "Right" in r.message, r.message


def test_step_4_says_what_opens_it_in_one_short_line():
    """D5 (step 4 only): the cell under step 4's question said what the check prints and what
    opens it in two sentences of 40 and 17 words; it now says "Opens after:" in one short line,
    and no sentence of the paragraph runs past 30 words."""
    import json
    import re

    from explorer.classroom import teacher_pack

    nb = json.loads((teacher_pack.NOTEBOOKS / "06-capstone.ipynb").read_text(encoding="utf-8"))
    (cell,) = [
        "".join(c["source"])
        for c in nb["cells"]
        if "".join(c["source"]).startswith("*Your answer,* in the box below")
    ]
    para = cell.split("\n\n")[0]
    # reader 47-56 D2: the gate is said once, under the box, by the check's closed line
    assert "Opens after" not in para and "opens once" not in para, para
    longest = max(len(s.split()) for s in re.split(r"(?<=[.?])\s+", para))
    assert longest <= 30, longest
