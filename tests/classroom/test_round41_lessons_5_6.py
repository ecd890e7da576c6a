"""Reader 41's defects in lessons 5 and 6 (fix round 41): each test failed on main."""

import json

from explorer.classroom import factcheck, lessons, teacher_pack
from explorer.classroom.lessons import stations


def test_the_memory_station_reads_a_capital_b_as_bytes():
    """Reader 41, defect 1: "1.649e12 B" at the memory station was read as 1.649e12 billion and
    told "far too large, over 10,000 times"; B is the byte's symbol. 16 x 96 GiB = 16 x 96 x
    2^30 bytes = 1,649,267,441,664 bytes = 1,536 GiB. Where no memory is asked, "2.6B" stays
    2.6 billion."""
    for typed in ("1.649e12 B", "1649267441664 B", "1.649 × 10^12 B", "1649267441664B"):
        said = stations.check_station("trn2-hbm", typed)
        assert said.right, (typed, said.message)
    said = stations.check_station("trn2-hbm", "1.6e12 B").message  # two figures: 1,490 GiB
    assert "far too large" not in said and "10,000" not in said, said
    from explorer.classroom import reading

    assert reading.read("1649267441664 B", "GiB").value == 1536
    assert reading.read("2.6B", "GWh").value != 2.6  # not a memory: still a scale word
    assert reading.read("300k chips", "chips").value == 300_000


def test_the_ultraserver_station_names_no_hidden_row_for_a_rounded_route():
    """Reader 41, defect 2: 4 x 20.8 (the instance's rounded figure, printed at the station) or
    64 x 1.3 was told "that is the UltraServer's dense FP8", the held AWS row, before the
    group's own 64 x 1,299 TFLOP/s = 83.1 PF checks. The reply names the computation only."""
    for typed in ("4*20.8", "4 × 20.8 PFLOP/s", "64*1.3"):
        said = stations.check_station("us-fp8", typed)
        assert not said.right, typed
        assert "UltraServer's dense FP8" not in said.message, (typed, said.message)
        assert "rounded" not in said.message and "64 × 1,299 TFLOP/s" in said.message


def test_the_ultraserver_note_forecasts_no_gap():
    """Reader 41, defect 3: the station's note said "Your number may differ from the article's
    in the last digit", which, read beside the rule's "a gap in the last digit ... is rounding",
    is the verdict before the debate. The note asks where a gap could come from, without its
    size."""
    note = factcheck.station_note("us-fp8")
    assert "last digit" not in note and "may differ" not in note, note
    assert "AWS's row for an instance" in note and "gap" in note, note


def test_the_whole_sites_year_is_named_at_the_capstone_energy():
    """Reader 41, defect 5: the site's yearly energy, 300 MW x 8,760 h = 2,628,000 MWh (printed
    in lessons 1 and 5), typed for the job's energy got only the generic nudge."""
    for typed in ("2.6 TWh", "2,628,000 MWh", "2628 GWh"):
        fb = lessons.check("capstone-energy", typed)
        assert not fb.right and fb.trap == "whole-site-year", (typed, fb.trap, fb.message)
        assert "whole year" in fb.message, fb.message


def test_the_student_copy_says_the_script_is_the_teachers():
    """Reader 41, defect 8: cell 2 holds the rules and the whole facilitator script, long for a
    student at the start of the game. The student copy says which part the student may skip."""
    # reader 46 (D4): the student copy no longer holds the script at all
    nb = json.loads((teacher_pack.NOTEBOOKS / "05-fact-check.ipynb").read_text("utf-8"))
    assert not [c for c in nb["cells"] if "| time | step |" in "".join(c["source"])]


def test_a_calculation_with_its_unit_in_the_divisor_only_is_read_as_days():
    """Reader 41, defect 6: "104139 / (250000*12.2 MWh/8760*24)" got "I cannot read that
    calculation" while the same without units was read. The bare dividend is taken in the
    divisor's MWh, as elsewhere: 104,139 MWh ÷ (250,000 × 12.2 MWh ÷ 365) = 104,139 ÷ 8,356 =
    12.46 days."""
    for typed in ("104139 / (250000*12.2 MWh/8760*24)", "104139/(250000*12.2 MWh/365)"):
        fb = lessons.check("capstone-city-days", typed)
        assert fb.right and "taken in MWh" in fb.message, (typed, fb.message)
    assert not lessons.check("capstone-city-days", "104139 / 8356 MWh").right  # MWh⁻¹? unsaid
