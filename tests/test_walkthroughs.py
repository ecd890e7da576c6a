"""The walkthroughs teach by asking: every glossary term is linked before its first use, lesson
sliders land on the text's values, and no student cell asserts. (No answer before its reveal:
tests/classroom/test_spoilers.py, over one kernel run of every walkthrough.)"""

from __future__ import annotations

import ast
import contextlib
import io
import json
import re
from pathlib import Path

import ipywidgets as w
import pytest

from explorer import fmt
from explorer.classroom import lessons, teacher_pack, widgets

NOTEBOOKS = sorted(Path(__file__).parent.parent.joinpath("notebooks").glob("0*.ipynb"))
GLOSSARY = Path(__file__).parent.parent / "notebooks" / "glossary.md"
EXERCISE_CALL = re.compile(r'widgets\.(?:answer_box|predict_reveal)\("([\w-]+)"')
# glossary anchor -> how the term is written in a lesson's text
TERMS = {
    "tdp": r"\bTDP\b",
    "hbm": r"\bHBM\b",
    "torus": r"\btorus\b",
    "ups": r"\bUPS\b",
    "chiller": r"\bchillers?\b",
    "tokens": r"\btokens?\b",
    "parameters": r"\bparameters\b",
    "prefixes": r"\bTWh\b|\btera\b",
    "flop": r"\bFLOP",
    "bf16-fp8": r"\bBF16\b|\bFP8\b",
    "pue": r"\bPUE\b",
    "cop": r"\bCOP\b",
    "wue": r"\bWUE\b",
    "mfu": r"\bMFU\b",
    "goodput": r"\bgoodput\b",
}


def widget_text(root: object) -> str:
    out, todo = [], [root]
    while todo:
        x = todo.pop()
        if isinstance(x, w.HTML | w.HTMLMath | w.Label):
            out.append(x.value)
        if isinstance(x, w.SelectionSlider):
            out.append(x.label)
        elif isinstance(x, w.ValueWidget) and isinstance(getattr(x, "value", None), float):
            out.append(fmt.number(x.value))
        if hasattr(x, "data") and isinstance(x.data, str):  # IPython.display.HTML
            out.append(x.data)
        todo.extend(getattr(x, "children", ()) or ())
    return "\n".join(out)


def run_cell(source: str, ns: dict) -> str:
    """Run one code cell like IPython: stdout, and the text of the last expression's value."""
    tree = ast.parse(source)
    last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        exec(compile(tree, "<cell>", "exec"), ns)
        value = eval(compile(ast.Expression(last.value), "<cell>", "eval"), ns) if last else None
    return buf.getvalue() + ("\n" + widget_text(value) if value is not None else "")


def shown_forms(eid: str) -> list[re.Pattern]:
    """The answer as the lessons would print it (3 significant figures, with and without unit)."""
    e = lessons.EXERCISES[eid]
    x = e.answer()
    forms = {fmt.number(x), fmt.number(x, 3)}
    if e.unit == "share":
        forms |= {fmt.percent(x), fmt.percent(x).replace(" ", "")}
    elif e.unit not in ("1", "people", "chips"):
        forms.add(fmt.quantity(x, e.unit))
    return [re.compile(rf"(?<![\d.,]){re.escape(f)}(?![\d])") for f in forms]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_glossary_term_is_linked_before_first_use(path):
    anchors = set(re.findall(r'<a id="([\w-]+)"></a>', GLOSSARY.read_text()))
    assert set(TERMS) <= anchors
    cells = teacher_pack.markdown_cells(path)
    for text in cells:
        for a in re.findall(r"glossary\.md#([\w-]+)", text):
            assert a in anchors, a
    for anchor, pattern in TERMS.items():
        first = next((i for i, t in enumerate(cells) if re.search(pattern, t)), None)
        if first is None:
            continue
        linked = next((i for i, t in enumerate(cells) if f"glossary.md#{anchor}" in t), None)
        assert linked is not None and linked <= first, (path.name, anchor)


def test_lesson_sliders_land_on_the_values_the_text_uses():
    sp = widgets.city_bases(300).children[0]
    assert sp.value == 300 and sp.label == "300 MW"
    chips = widgets.training_time().children[0]
    assert chips.value == 16_384 and chips.label == "16,384"
    assert widgets.training_time(job_chips=100_000).children[0].label == "100,000"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_student_cells_never_assert(path):
    nb = json.loads(path.read_text())
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            tree = ast.parse("".join(cell["source"]))
            assert not any(isinstance(n, ast.Assert) for n in ast.walk(tree)), path.name
        assert not cell.get("outputs"), path.name  # committed without outputs
