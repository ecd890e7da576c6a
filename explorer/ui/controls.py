"""The app's input widgets: built from the core's names, defaults, bounds and slider spans.

`Controls` holds every control of the dashboard and puts the scenario's current valid state
back on them (`_sync_widgets`) without firing their observers. Nothing here is typed twice:
the options come from the catalog (`explorer.catalog.names`, `explorer.PRECISIONS`), the
ranges from `explorer.validate` (`BOUNDS`, `slider_span`) and the values from the scenario.
"""

from __future__ import annotations

import math
from typing import Any

import ipywidgets as w

from .. import catalog, fmt
from ..catalog import PRECISIONS
from ..training import defaults as training_defaults
from ..validate import slider_span
from .charts import PRECISION_LABEL
from .models import shared_layout
from .scenario import TRAINING, Scenario
from .theme import LABEL

NO_MODEL = "none"  # the training panel's "no training run" choice
MESSAGE_FIELDS = (
    "site_power",
    "chips",
    "cooling_fraction",
    "mfu",
    "overhead_fraction",
    "load_factor",
    *TRAINING,
    "general",
)
# the sliders' ranges are the core's: narrower than it accepts for chips and the cooling share
# (typed values and links may go beyond), its bounds elsewhere
SPANS = {f: slider_span(f) for f in ("site_power", "chips", "cooling_fraction", "mfu")}
_SLIDER = shared_layout(width="100%", max_width="520px")


def span_words(field: str, scale: float = 1.0, unit: str = "") -> str:
    """A slider's range in words, from the core's spans and bounds.

    Examples
    --------
    >>> span_words("cooling_fraction", 100, " %")
    '0 – 90 %'
    """
    b = slider_span(field)
    return f"{b.lo * scale:g} – {'<' if b.hi_open else ''}{b.hi * scale:g}{unit}"


def fmt_pue(pue: float) -> str:
    """The PUE field's text ("" when the PUE is not a number)."""
    return f"{pue:.4g}" if math.isfinite(pue) else ""


def fmt_value(key: str, value: Any) -> str:
    """A typed field's text for a state value ("" for None; chips as a whole number)."""
    if value is None:
        return ""
    if key == "chips":
        return str(int(value))
    return f"{value:g}"


def _text(description: str, width: str | None = None, **kw: Any) -> w.Text:
    layout = shared_layout(width=width) if width else shared_layout()
    return w.Text(
        description=description, continuous_update=False, style=LABEL, layout=layout, **kw
    )


def _log_slider(field: str, value: float, description: str, **kw: Any) -> w.FloatLogSlider:
    b = SPANS[field]
    return w.FloatLogSlider(
        value=min(max(value, b.lo), b.hi),
        base=10,
        min=math.log10(b.lo),
        max=math.log10(b.hi),
        step=0.01,
        readout=False,
        description=description,
        style=LABEL,
        layout=_SLIDER,
        **kw,
    )


class Controls:
    """Every input widget of the dashboard, on the scenario `self.scenario`."""

    scenario: Scenario
    _busy: bool = False

    def _build_controls(self) -> None:
        s = self.scenario.state
        sp, chips = SPANS["site_power"], SPANS["chips"]
        self.screen_toggle = w.ToggleButtons(
            options=[("Basics", "basics"), ("Advanced", "advanced")],
            value=self.scenario.screen,
            description="Screen",
            tooltips=["Three sliders, three results", "Every input, chart and source"],
            style=LABEL,
            layout=shared_layout(),
        )
        self.screen_toggle.add_class("explorer-screen")
        self.preset = self._choice("Preset", "sites", self.scenario.site, [("Custom", "custom")])
        self.site_power = _log_slider(
            "site_power",
            s["site_power"],
            f"Site power ({sp.unit}, {fmt.quantity(sp.lo, sp.unit)} – "
            f"{fmt.quantity(sp.hi, sp.unit)})",
        )
        self.site_power.add_class("explorer-site-power")
        self.site_power_text = _text(
            sp.unit, "150px", value=fmt_value("site_power", s["site_power"])
        )
        self.chip = self._choice("Accelerator", "chips", s["chip"])
        self.fill = w.Checkbox(
            value=True,
            description="Fill the site (as many chips as the power feeds)",
            indent=False,
            layout=shared_layout(),
        )
        self.chips_slider = _log_slider(  # disabled while the site is filled: any value
            "chips",
            chips.lo,
            f"Chips deployed ({chips.lo:g} – {chips.hi / 1e6:g} million)",
            disabled=True,
        )
        self.chips_text = _text("chips", "170px", value="", disabled=True)
        self.cooling = w.FloatSlider(
            value=s["cooling_fraction"],
            min=SPANS["cooling_fraction"].lo,
            max=SPANS["cooling_fraction"].hi,
            step=0.01,
            readout_format=".0%",
            description="Cooling share of site power "
            f"({span_words('cooling_fraction', 100, ' %')})",
            style=LABEL,
            layout=shared_layout(width="100%", max_width="400px"),  # room for the PUE field
        )
        self.cooling.add_class("explorer-cooling-slider")
        self.pue_text = _text("→ PUE", "130px", value="")  # the same setting as the slider
        self.pue_text.add_class("explorer-pue")
        self.mfu = w.FloatSlider(
            value=s["mfu"],
            min=SPANS["mfu"].lo,
            max=SPANS["mfu"].hi,
            step=0.01,
            readout_format=".0%",
            description=f"MFU: share of peak FLOPS achieved ({span_words('mfu', 100, ' %')})",
            style=LABEL,
            layout=_SLIDER,
        )
        self.basis = self._choice("City basis", "bases", s["basis"])
        self.precision = w.ToggleButtons(
            options=[(PRECISION_LABEL[p], p) for p in PRECISIONS],
            value=s["precision"],
            description="Precision",
            style=LABEL,
            layout=shared_layout(),
        )
        self.overhead_text = _text(
            f"Other losses (share, {span_words('overhead_fraction')})",
            value=fmt_value("overhead_fraction", s["overhead_fraction"]),
        )
        self.load_text = _text(
            f"Load factor ({span_words('load_factor')})",
            value=fmt_value("load_factor", s["load_factor"]),
        )
        self.model = self._choice(
            "Model", "models", NO_MODEL, first=[("No training run", NO_MODEL)]
        )
        blank = training_defaults()  # a blank field is the core's default
        self.training_texts = {
            "job_chips": _text("Job size (chips; blank: every chip powered)"),
            **{
                f: _text(f"{what} (min, {span_words(f)}; blank: {blank[f]:g})")
                for f, what in (
                    ("checkpoint_minutes", "Checkpoint stall"),
                    ("restart_minutes", "Restart"),
                )
            },
        }
        self.messages = {k: w.HTML(layout=shared_layout()) for k in MESSAGE_FIELDS}
        for m in self.messages.values():
            m.add_class("explorer-error")

    @staticmethod
    def _choice(
        description: str,
        group: str,
        value: str,
        last: list[tuple[str, str]] = (),  # type: ignore[assignment]
        first: list[tuple[str, str]] = (),  # type: ignore[assignment]
    ) -> w.Dropdown:
        """A dropdown of a catalog group's names, with their labels."""
        options = [(catalog.label(group, n), n) for n in catalog.names(group)]
        return w.Dropdown(
            options=[*first, *options, *last],
            value=value,
            description=description,
            style=LABEL,
            layout=shared_layout(),
        )

    def _set(self, widget: w.Widget, value: Any) -> None:
        """Set a widget without triggering its observer."""
        if widget.value == value:
            return
        self._busy = True
        try:
            widget.value = value
        finally:
            self._busy = False

    def _sync_widgets(self) -> None:
        """Make every control show the current valid state."""
        s = self.scenario.state
        sp, chips = SPANS["site_power"], SPANS["chips"]
        self._set(self.site_power, min(max(s["site_power"], sp.lo), sp.hi))
        self._set(self.site_power_text, fmt_value("site_power", s["site_power"]))
        self._set(self.chip, s["chip"])
        self._set(self.cooling, min(s["cooling_fraction"], self.cooling.max))
        if self.scenario.result is not None:
            self._set(self.pue_text, fmt_pue(float(self.scenario.result.pue)))
        self._set(self.mfu, s["mfu"])
        self._set(self.basis, s["basis"])
        self._set(self.precision, s["precision"])
        self._set(self.overhead_text, fmt_value("overhead_fraction", s["overhead_fraction"]))
        self._set(self.load_text, fmt_value("load_factor", s["load_factor"]))
        self._set(self.model, s.get("model") or NO_MODEL)
        for field, text in self.training_texts.items():
            value = s.get(field)
            self._set(text, "" if value is None else f"{value:g}")
        fill = s["chips"] is None
        self._set(self.fill, fill)
        self.chips_slider.disabled = fill
        self.chips_text.disabled = fill
        if not fill:
            self._set(self.chips_slider, float(min(max(s["chips"], chips.lo), chips.hi)))
            self._set(self.chips_text, fmt_value("chips", s["chips"]))
        else:
            self._set(self.chips_text, "")
