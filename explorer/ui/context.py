"""The Advanced screen's "Site in context" panel: the site's year of weather, its grid, its
batteries, and a cluster over several sites.

Everything shown comes from the core: `explorer.climate_year` (the month × hour cooling chart, the
hot day beside the annual mean), `explorer.grid_shares` (state energy, utility peak, operator
peak), `explorer.batteries.size_roles` (ride-through, peak shaving, smoothing) and
`explorer.sites.split_cluster` (several sites). The only arithmetic here is unit display.

Speed: the weather and the cooling plant's response are computed once per (station, technology)
and cached by the core (`explorer.climate.plant_year`); a main-slider move only rescales that
year (`explorer.scenario.scale_year`: one `compute` call and array arithmetic). The panel starts
closed and builds its figures on first open; while closed, `update` only remembers the scenario.

Follows the panel contract of ``explorer/ui/panels.py``: ``title``, ``fields``, ``widget``,
``update(inputs, result)``, ``link_state()``, ``load(found)``.
"""

from __future__ import annotations

import calendar
import html
import math
import time
from collections.abc import Callable, Mapping
from typing import Any

import bqplot as bq
import ipywidgets as w
import numpy as np
import xarray as xr

from .. import batteries, catalog, climate, fmt, scenario
from ..errors import InputError
from ..grid import grid_shares, note_threshold
from ..sites import RAINIER_SITES, split_cluster
from . import links
from .charts import axis_top
from .theme import BLUE, GREY, VERMILION

LABEL = {"description_width": "initial"}
PLAIN_ERROR = "That did not work; the last valid view is kept."
MONTHS = [calendar.month_abbr[m] for m in climate.MONTHS]
# A sequential, colour-blind-readable scale (viridis: dark purple = little cooling, yellow = most;
# its lightness rises steadily, so it also reads in grey). Five stops of matplotlib's viridis.
VIRIDIS = ["#440154", "#3b528b", "#21918c", "#5ec962", "#fde725"]
GRID_BARS = (
    ("share_of_state_energy", "state energy"),
    ("share_of_utility_peak", "utility peak"),
    ("share_of_operator_peak", "operator peak"),
)
ROLE_LABELS = {
    "ride-through": "Ride-through (until the generators start)",
    "peak-shaving": "Peak shaving (each day's cooling peak; recharged from the grid)",
    "smoothing": "Smoothing a training job's power swings",
}
SETTING_LABELS = {
    "ride_through_minutes": "Ride-through time",
    "tests_per_year": "Full test discharges per year",
    "swing_share": "Swing: share of the IT load that drops",
    "swing_minutes": "Length of one swing",
    "swings_per_day": "Swings per day",
    "round_trip_efficiency": "Round-trip efficiency (share)",
}


def _plain(value: float) -> str:
    return f"{value:g}"


def _pct(x: float) -> str:
    return fmt.percent(x) if math.isfinite(x) else "no figure recorded"


def _table(header: list[str], rows: list[list[str]], css: str = "") -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r) + "</tr>" for r in rows
    )
    return (
        f"<div style='overflow-x:auto'><table class='{css}' style='font-size:0.85em'>"
        f"<tr>{head}</tr>{body}</table></div>"
    )


def _f(ds: xr.Dataset, name: str) -> float:
    """A scalar output as a float (read from the Variable: no DataArray built)."""
    return float(ds.variables[name].values)


def _q(ds: xr.Dataset, name: str, digits: int = 3) -> str:
    """A scalar output with its own units (from the Dataset's attributes)."""
    var = ds.variables[name]
    return fmt.quantity(float(var.values), var.attrs["units"], digits)


class ContextPanel:
    """The "Site in context" section: climate, grid, batteries and several sites."""

    title = "Site in context: weather, grid, batteries, several sites"
    fields: tuple[str, ...] = links.CONTEXT_FIELDS

    def __init__(self, changed: Callable[[], None]) -> None:
        self._changed = changed
        self._inputs: dict[str, Any] = {"site": catalog.DEFAULT_SITE}
        self._choice: dict[str, Any] = dict.fromkeys(self.fields)  # None: the core's default
        self._built = False
        self._stale = True  # the scenario changed since the last drawing
        self._cluster_stale = True
        self._drawn = ""  # the key of the scenario drawn (see _key)
        self._quiet = False  # set while the panel itself sets its controls
        self.draws = 0  # how many times the scenario part was drawn
        self.last_draw_ms = math.nan  # the last drawing's time (printed by benchmarks/tests)
        self.year: xr.Dataset | None = None  # what is shown (for tests and the app)
        self.grid: xr.Dataset | None = None
        self.roles: dict[str, xr.Dataset] = {}
        self.cluster: xr.Dataset | None = None
        self._body = w.VBox([w.HTML("<i>Opening…</i>")])
        self.widget = w.Accordion(children=[self._body], titles=(self.title,))
        self.widget.selected_index = None
        self.widget.add_class("explorer-context")
        self.widget.observe(self._on_open, "selected_index")

    # ------------------------------------------------------------------ the contract
    @property
    def is_open(self) -> bool:
        return self.widget.selected_index == 0

    def update(self, inputs: Mapping[str, Any], result: xr.Dataset | None = None) -> None:
        """Remember the main scenario; redraw only when the panel is open."""
        self._inputs = dict(inputs)
        self._stale = True
        if self.is_open:
            self._draw()

    def link_state(self) -> dict[str, Any]:
        """The panel's own fields that differ from the core's defaults (lists comma-joined)."""
        out = {}
        for key, value in self._choice.items():
            if value is None:
                continue
            if isinstance(value, list | tuple):
                value = ",".join(_plain(v) if isinstance(v, float) else str(v) for v in value)
            out[key] = value
        return out

    def load(self, found: Mapping[str, Any]) -> None:
        """Restore the panel's fields from `explorer.ui.links.parse` (others are ignored)."""
        for key in self.fields:
            self._choice[key] = found.get(key)
        if self._choice["sites"] is not None and list(self._choice["sites"]) == list(RAINIER_SITES):
            self._choice["sites"] = None
        self._stale = self._cluster_stale = True
        if self._built:
            self._sync_controls()
        if self.is_open:
            self._draw()

    # ------------------------------------------------------------------ building
    def _on_open(self, change: Any) -> None:
        if change.new != 0:
            return
        if not self._built:
            self._build()
        if self._stale or self._cluster_stale:
            self._draw()

    def _build(self) -> None:
        self.tech = w.Dropdown(
            options=[
                (catalog.raw()["cooling_tech"][t].get("label", t), t)
                for t in climate.technologies()
            ],
            description="Cooling technology",
            style=LABEL,
            layout=w.Layout(width="100%", max_width="560px"),
        )
        self.station = w.Dropdown(
            options=[
                (f"{climate.load_station(s).name}, {climate.load_station(s).state} ({s})", s)
                for s in climate.stations()
            ],
            description="Weather station",
            style=LABEL,
        )
        defaults = batteries.default_settings()
        self.settings = {
            k: w.Text(
                value=_plain(defaults[k]),
                description=f"{SETTING_LABELS[k]}, {_range(k)}",
                continuous_update=False,
                style=LABEL,
            )
            for k in batteries.SETTINGS
        }
        self.sites = w.SelectMultiple(
            options=[(catalog.label("sites", s), s) for s in catalog.names("sites")],
            value=list(RAINIER_SITES),
            rows=5,
            description="Sites of the cluster",
            style=LABEL,
            layout=w.Layout(width="100%", max_width="560px"),
        )
        self.site_powers = w.Text(
            value="",
            placeholder="blank: each preset's power",
            description="Their powers (MW, comma-separated)",
            continuous_update=False,
            style=LABEL,
        )
        self.message = w.HTML()
        self.message.add_class("explorer-error")
        self.station_note = w.HTML()
        self.cluster_message = w.HTML()
        self.cluster_message.add_class("explorer-error")

        # month × hour cooling chart, as the share of site power: the weather's signature, the
        # same for any site size (a slider that scales the load sends it nothing)
        cs = bq.ColorScale(colors=VIRIDIS)
        # hours on a linear axis (ticks every 6 h stay readable on a phone), months ordinal
        rs, hs = bq.OrdinalScale(), bq.LinearScale(min=0, max=len(climate.HOURS))
        self.heat = bq.GridHeatMap(
            row=MONTHS,
            column=np.asarray(climate.HOURS, dtype=float),
            color=np.zeros((12, 24)),
            scales={"row": rs, "column": hs, "color": cs},
            stroke="white",
        )
        self.heat_fig = bq.Figure(
            marks=[self.heat],
            axes=[
                bq.Axis(
                    scale=hs,
                    label="hour of the typical day",
                    tick_values=np.arange(0, 25, 6),
                    tick_format="d",
                ),
                bq.Axis(scale=rs, side="left", label="month"),
                bq.ColorAxis(scale=cs, label="%", side="right", num_ticks=4, tick_format=".1f"),
            ],
            title="Cooling share of site power (%), month by hour",
            animation_duration=0,
            fig_margin={"top": 40, "bottom": 50, "left": 60, "right": 70},
            layout=w.Layout(width="100%", max_width="560px", height="340px"),
        )
        self.heat_fig.add_class("explorer-context-heat")
        self.climate_text = w.HTML()
        self.climate_text.add_class("explorer-context-climate")
        self.month_table = w.HTML()
        months = w.Accordion(children=[self.month_table], titles=("The chart's values by month",))
        months.selected_index = None

        # grid shares
        gx, gy = bq.OrdinalScale(), bq.LinearScale(min=0)
        names = [label for _, label in GRID_BARS]
        self.grid_bars = bq.Bars(
            x=names,
            y=[0.0, 0.0, 0.0],
            scales={"x": gx, "y": gy},
            colors=[BLUE],
            label_display=True,
            label_display_format=".1f",
        )
        self.grid_line = bq.Lines(
            x=names,
            y=[note_threshold() * 100] * 3,
            scales={"x": gx, "y": gy},
            colors=[VERMILION],
            line_style="dashed",
        )
        self.grid_fig = bq.Figure(
            marks=[self.grid_bars, self.grid_line],
            axes=[
                bq.Axis(scale=gx),
                bq.Axis(scale=gy, side="left", label="% of each", tick_format=".0f"),
            ],
            title=f"The site's share of its grid (dashed: {note_threshold() * 100:g} %)",
            animation_duration=0,
            fig_margin={"top": 40, "bottom": 40, "left": 60, "right": 20},
            layout=w.Layout(width="100%", max_width="560px", height="280px"),
        )
        self.grid_fig.add_class("explorer-context-grid")
        self.grid_text = w.HTML()
        self.grid_text.add_class("explorer-context-grid-text")

        # batteries
        self.battery_table = w.HTML()
        self.battery_table.add_class("explorer-context-batteries")

        # several sites
        cx, cy = bq.OrdinalScale(), bq.LinearScale(min=0, max=100)
        self.cluster_bars = bq.Bars(
            x=["-"],
            y=[0.0],
            orientation="horizontal",
            scales={"x": cx, "y": cy},
            colors=[BLUE],
            label_display=True,
            label_display_format=".0f",
        )
        self.cluster_fig = bq.Figure(
            marks=[self.cluster_bars],
            axes=[
                bq.Axis(scale=cx, side="left"),
                bq.Axis(scale=cy, label="% of the cluster's power left", tick_format=".0f"),
            ],
            title="If this site drops out, what is left",
            animation_duration=0,
            fig_margin={"top": 40, "bottom": 50, "left": 180, "right": 20},
            layout=w.Layout(width="100%", max_width="560px", height="240px"),
        )
        self.cluster_fig.add_class("explorer-context-cluster-chart")
        self.cluster_table = w.HTML()
        self.cluster_table.add_class("explorer-context-cluster")

        def h(text: str) -> w.HTML:
            return w.HTML(f"<h4 style='margin:8px 0 2px 0'>{html.escape(text)}</h4>")

        self._body.children = [
            w.HTML(
                "<p style='font-size:0.85em;margin:0'>Illustrative: a typical year built from "
                "monthly weather summaries, two simple cooling plants and sourced grid and battery "
                "figures (some of low confidence; each is listed with its source).</p>"
            ),
            self.message,
            h("A year of weather"),
            self.tech,
            self.station,
            self.station_note,
            self.heat_fig,
            self.climate_text,
            months,
            h("The grid it sits on"),
            self.grid_fig,
            self.grid_text,
            h("Batteries by role"),
            *self.settings.values(),
            self.battery_table,
            h("Several sites"),
            self.sites,
            self.site_powers,
            self.cluster_message,
            self.cluster_fig,
            self.cluster_table,
        ]
        self._built = True
        self._sync_controls()
        self.tech.observe(self._on_tech, "value")
        self.station.observe(self._on_station, "value")
        for key, field in self.settings.items():
            field.observe(lambda ch, k=key: self._on_setting(k, ch.new), "value")
        self.sites.observe(self._on_cluster, "value")
        self.site_powers.observe(self._on_cluster, "value")

    # ------------------------------------------------------------------ controls
    def _site(self) -> str:
        return str(self._inputs.get("site") or catalog.DEFAULT_SITE)

    def _default_tech(self) -> str:
        chip = self._inputs.get("chip") or catalog.raw()["sites"][self._site()]["chip"]
        return climate.default_tech(chip)

    def _sync_controls(self) -> None:
        """Show the current choices (or the defaults) in the controls without reacting."""
        self._quiet = True
        try:
            self.tech.value = self._choice["cooling_tech"] or self._default_tech()
            self.station.value = self._choice["station"] or climate.default_station(self._site())[0]
            defaults = batteries.default_settings()
            for key, field in self.settings.items():
                value = self._choice[key]
                field.value = _plain(defaults[key] if value is None else value)
            self.sites.value = list(self._choice["sites"] or RAINIER_SITES)
            powers = self._choice["site_powers"]
            self.site_powers.value = ", ".join(_plain(p) for p in powers) if powers else ""
        finally:
            self._quiet = False

    def _on_tech(self, change: Any) -> None:
        if self._quiet:
            return
        self._choice["cooling_tech"] = None if change.new == self._default_tech() else change.new
        self._stale = self._cluster_stale = True
        self._draw()
        self._changed()

    def _on_station(self, change: Any) -> None:
        if self._quiet:
            return
        own = climate.default_station(self._site())[0]
        self._choice["station"] = None if change.new == own else change.new
        self._stale = True
        self._draw()
        self._changed()

    def _on_setting(self, key: str, text: str) -> None:
        if self._quiet:
            return
        try:
            value = links.context_value(key, text)
            trial = {**self._settings(), key: value}
            batteries.smoothing_battery(1.0, trial["swing_minutes"], trial["swings_per_day"])
        except InputError as err:
            self.message.value = _error(str(err))
            return
        except Exception:
            self.message.value = _error(PLAIN_ERROR)
            return
        default = batteries.default_settings()[key]
        self._choice[key] = None if value == default else value
        self._stale = True
        self._draw()
        self._changed()

    def _on_cluster(self, change: Any) -> None:
        if self._quiet:
            return
        try:
            sites = links.context_value("sites", ",".join(self.sites.value))
            text = self.site_powers.value.strip()
            powers = links.context_value("site_powers", text) if text else None
            found = {"sites": sites, **({"site_powers": powers} if powers else {})}
            problems = links.context_combinations(found)
            if problems:
                raise InputError("site_powers", text, f"one power per site ({len(sites)} values)")
        except InputError as err:
            self.cluster_message.value = _error(str(err))
            return
        except Exception:
            self.cluster_message.value = _error(PLAIN_ERROR)
            return
        self._choice["sites"] = None if list(sites) == list(RAINIER_SITES) else sites
        self._choice["site_powers"] = powers
        self._cluster_stale = True
        self._draw()
        self._changed()

    def _settings(self) -> dict[str, float]:
        defaults = batteries.default_settings()
        return {k: defaults[k] if self._choice[k] is None else self._choice[k] for k in defaults}

    # ------------------------------------------------------------------ drawing
    def _draw(self) -> None:
        if not self._built:
            return
        start = time.perf_counter()
        if self._stale:
            self._draw_scenario()
        if self._cluster_stale:
            self._draw_cluster()
        self.last_draw_ms = (time.perf_counter() - start) * 1e3

    def _compute(self) -> tuple[xr.Dataset, xr.Dataset, dict[str, xr.Dataset], str]:
        """The core's answers for the current scenario and the panel's choices."""
        site = self._site()
        station, note = climate.default_station(site)
        if self._choice["station"] is not None:
            station, note = self._choice["station"], ""
        year = scenario.climate_year(
            site,
            self._choice["cooling_tech"] or self._default_tech(),
            station,
            **scenario.year_inputs(self._inputs),
        )
        grid = grid_shares(site, year=year)
        roles = batteries.size_roles(year, **self._settings())
        return year, grid, roles, note

    def _key(self) -> str:
        """What the scenario part depends on: a cooling-share or MFU move leaves it unchanged."""
        return repr(
            (
                self._site(),
                sorted(scenario.year_inputs(self._inputs).items()),
                self._choice["cooling_tech"] or self._default_tech(),
                self._choice["station"],
                sorted(self._settings().items()),
            )
        )

    def _draw_scenario(self) -> None:
        try:
            key = self._key()
            if key == self._drawn:
                self._stale = False
                return
            year, grid, roles, note = self._compute()
        except InputError as err:
            self.message.value = _error(str(err))
            return
        except Exception:
            self.message.value = _error(PLAIN_ERROR)
            return
        self.year, self.grid, self.roles = year, grid, roles
        self._stale, self._drawn = False, key
        self.draws += 1
        self.message.value = ""
        self._quiet = True
        try:  # the default may follow the chip or the preset
            self.tech.value = year.attrs["cooling_tech"]
            self.station.value = year.attrs["station"]
        finally:
            self._quiet = False
        self.station_note.value = (
            f"<p style='font-size:0.85em;margin:0'>{html.escape(note[0].upper() + note[1:])}.</p>"
            if note
            else ""
        )
        self._draw_climate(year)
        self._draw_grid(grid)
        self.battery_table.value = battery_html(roles)

    def _draw_climate(self, year: xr.Dataset) -> None:
        share = heat_values(year)
        if not np.array_equal(np.asarray(self.heat.color), share):
            with self.heat.hold_sync():
                self.heat.scales["color"].min = float(share.min())
                self.heat.scales["color"].max = float(share.max())
                self.heat.color = share
        self.climate_text.value = climate_html(year)
        self.month_table.value = month_table_html(year)

    def _draw_grid(self, grid: xr.Dataset) -> None:
        shares = [_f(grid, name) for name, _ in GRID_BARS]
        top = 1.15 * max([s * 100 for s in shares if math.isfinite(s)] + [note_threshold() * 100])
        with self.grid_bars.hold_sync():
            self.grid_bars.scales["y"].max = axis_top(top)
            self.grid_bars.y = [s * 100 if math.isfinite(s) else 0.0 for s in shares]
        self.grid_text.value = grid_html(grid)

    def _draw_cluster(self) -> None:
        try:
            ds = split_cluster(
                self._choice["sites"] or RAINIER_SITES,
                self._choice["site_powers"],
                self._choice["cooling_tech"],
            )
        except InputError as err:
            self.cluster_message.value = _error(str(err))
            return
        except Exception:
            self.cluster_message.value = _error(PLAIN_ERROR)
            return
        self.cluster = ds
        self._cluster_stale = False
        self.cluster_message.value = ""
        labels = [catalog.label("sites", s).split(" (")[0] for s in ds.site.values]
        with self.cluster_bars.hold_sync():
            self.cluster_bars.x = labels
            self.cluster_bars.y = ds["share_left"].values * 100
        self.cluster_fig.layout.height = f"{120 + 40 * len(labels)}px"
        self.cluster_table.value = cluster_html(ds)


# ---------------------------------------------------------------------- text (pure functions)
_UNIT_WORDS = {"1/yr": "a year", "1/day": "a day"}


def _range(key: str) -> str:
    """A setting's allowed range in words, from the core's bounds ("0 – 240 min")."""
    b = batteries.BOUNDS[key]
    unit = _UNIT_WORDS.get(b.unit, b.unit)
    unit = f" {unit}" if unit else ""
    if b.lo_open:
        return f"more than {b.lo:g}, up to {b.hi:g}{unit}"
    return f"{b.lo:g} – {b.hi:g}{unit}"


def _error(text: str) -> str:
    return f"<span role='alert' style='color:{VERMILION}'>⚠ {html.escape(text)}</span>"


def heat_values(year: xr.Dataset) -> np.ndarray:
    """The month × hour chart's cells: the cooling share of site power [%], months as rows."""
    return year.variables["cooling_fraction"].transpose("month", "hour").values * 100.0


def climate_html(year: xr.Dataset, heat_map: bool = True, hot_day: bool = True) -> str:
    """The month × hour chart and the hot day in words (the chart's text alternative); without
    `heat_map` (a page that shows no heat map, lesson 7's month bars) no words about its cells;
    without `hot_day` (lesson 7's step 1, whose hook step 2 answers) no words about the hot day."""
    share = heat_values(year)
    cooling = year.variables["cooling_power"].transpose("month", "hour")
    values = cooling.values
    hi = np.unravel_index(np.argmax(share), share.shape)
    lo = np.unravel_index(np.argmin(share), share.shape)
    month_mean = year["cooling_power_mean"].values
    units = cooling.attrs["units"]
    a = year.attrs
    hot_db = float(year["hot_day_dry_bulb"].max())
    hot_wb = float(year["hot_day_wet_bulb"].max())
    items = [
        (
            "The chart in words",
            f"cooling takes from {fmt.number(float(share[lo]))} % of site power "
            f"({fmt.quantity(float(values[lo]), units)}; {calendar.month_name[lo[0] + 1]}, "
            f"{lo[1]:02d} h) to {fmt.number(float(share[hi]))} % "
            f"({fmt.quantity(float(values[hi]), units)}; {calendar.month_name[hi[0] + 1]}, "
            f"{hi[1]:02d} h); the coolest month averages "
            f"{fmt.quantity(float(month_mean.min()), units)} "
            f"({calendar.month_name[int(np.argmin(month_mean)) + 1]}), the warmest "
            f"{fmt.quantity(float(month_mean.max()), units)} "
            f"({calendar.month_name[int(np.argmax(month_mean)) + 1]})."
            + (" Darker cells: less cooling; yellow: the most." if heat_map else ""),
        ),
        (
            "Hot day vs the year",
            f"on the hot day ({a['hot_day']}: up to {fmt.number(hot_db)} °C dry-bulb, "
            f"{fmt.number(hot_wb)} °C wet-bulb) cooling peaks at "
            f"{_q(year, 'peak_cooling_power')}, against an annual mean of "
            f"{_q(year, 'mean_cooling_power')}; the site's hottest hour of the year (hot day or "
            f"typical day) draws {_q(year, 'peak_facility_power')} from the grid.",
        ),
        (
            "The year",
            f"annual PUE {fmt.number(_f(year, 'annual_pue'), 4)}; energy "
            f"{_q(year, 'annual_energy')}, of which cooling {_q(year, 'annual_cooling_energy')}; "
            f"{fmt.number(_f(year, 'annual_free_cooling_hours'))} h of free cooling; water "
            f"{_q(year, 'annual_water')} (WUE {fmt.number(_f(year, 'annual_wue'))} L/kWh).",
        ),
    ]
    items = [i for i in items if hot_day or i[0] != "Hot day vs the year"]
    li = "".join(f"<li><b>{html.escape(t)}:</b> {html.escape(x)}</li>" for t, x in items)
    where = f"{a['station_name']} ({a['station']}), {a['cooling_tech_label']}"
    return (
        f"<div style='font-size:0.85em'><div>{html.escape(where)}</div>"
        f"<ul style='margin:2px 0 6px 0'>{li}</ul>"
        f"<div style='color:#444'>What it ignores: {html.escape(a.get('ignores') or a['note'])}"
        "</div></div>"
    )


def month_table_html(year: xr.Dataset) -> str:
    """Each month's typical day: mean and highest cooling power, PUE, free-cooling hours."""
    v = year.variables  # plain arrays, read once
    cooling = year.variables["cooling_power"].transpose("month", "hour").values
    mean, pue, free = (
        v[k].values for k in ("cooling_power_mean", "pue_month", "free_cooling_hours")
    )
    units = v["cooling_power"].attrs["units"]
    rows = [
        [
            calendar.month_name[int(m)],
            fmt.quantity(float(mean[i]), units),
            fmt.quantity(float(cooling[i].max()), units),
            fmt.number(float(pue[i]), 4),
            fmt.number(float(free[i])),
        ]
        for i, m in enumerate(v["month"].values)
    ]
    return _table(
        ["month", "mean cooling", "highest hour", "PUE", "free-cooling hours"],
        rows,
        "explorer-context-months",
    )


def grid_html(grid: xr.Dataset) -> str:
    """The three grid shares in words, each denominator with its source, date and confidence."""
    items = []
    for name, label in GRID_BARS:
        denominator = {
            "share_of_state_energy": "state_consumption",
            "share_of_utility_peak": "utility_peak",
            "share_of_operator_peak": "operator_peak",
        }[name]
        d = grid[denominator]
        share = _f(grid, name)
        if math.isfinite(share):
            src = (
                f"{d.attrs.get('of', '')}: {fmt.quantity(float(d), d.attrs['units'])} "
                f"({d.attrs.get('source', '')}, {d.attrs.get('date', '')}, "
                f"{d.attrs.get('confidence', '')} confidence)"
            )
            items.append(f"{fmt.percent(share)} of the {label} — {src}")
        else:
            items.append(f"{label}: {d.attrs.get('note', 'no figure recorded')}")
    band = (
        f"For context: US data centres used {_q(grid, 'us_datacenter_energy_2023')} in 2023 "
        f"({fmt.percent(_f(grid, 'us_datacenter_share_2023'))} of US electricity), "
        f"{fmt.number(_f(grid, 'us_datacenter_energy_2028_low'))}–"
        f"{_q(grid, 'us_datacenter_energy_2028_high')} projected for 2028 (LBNL 2024); this "
        f"site is {fmt.percent(_f(grid, 'share_of_us_datacenters'))} of the 2023 figure."
    )
    threshold = note_threshold()
    notes = grid.attrs.get("notes") or (
        f"below {threshold * 100:g} % of its utility's peak"
        if math.isfinite(_f(grid, "share_of_utility_peak"))
        else ""
    )
    li = "".join(f"<li>{html.escape(x)}</li>" for x in items)
    note = (
        f"<div class='explorer-context-grid-note'>Note: {html.escape(notes)}.</div>"
        if notes
        else ""
    )
    return (
        f"<div style='font-size:0.85em'><ul style='margin:2px 0'>{li}</ul>{note}"
        f"<div>{html.escape(band)}</div></div>"
    )


def battery_html(roles: dict[str, xr.Dataset]) -> str:
    """One row per role: power, energy, duration, cost low / mid / high, losses per year."""
    rows = []
    for role, ds in roles.items():
        cost = ds.variables["battery_cost"]
        rows.append(
            [
                ROLE_LABELS.get(role, role),
                _q(ds, "battery_power"),
                _q(ds, "battery_energy"),
                fmt.quantity(_f(ds, "battery_duration") * 60, "min")
                if _f(ds, "battery_duration") < 1
                else _q(ds, "battery_duration"),
                " / ".join(  # along `price`: low, mid, high (batteries.PRICE_LEVELS)
                    fmt.quantity(float(c), cost.attrs["units"])
                    for c in cost.transpose("price").values
                ),
                _q(ds, "annual_losses"),
            ]
        )
    said = "; ".join(
        f"{ROLE_LABELS.get(role, role)}: {ds['battery_price'].attrs.get('mid', '')} (mid)"
        for role, ds in roles.items()
    )
    notes = "".join(  # what the sizing changed (explorer.batteries.battery_note)
        f"<div>{html.escape(ROLE_LABELS.get(role, role))}: {html.escape(ds.attrs['note'])}.</div>"
        for role, ds in roles.items()
        if ds.attrs.get("note")
    )
    # the peak-shaving battery's other end: the same sizing on the year's real days, where the
    # table's row rests on the months' average days (reader 41)
    notes += "".join(
        f"<div>{html.escape(ROLE_LABELS.get(role, role))}: "
        f"{html.escape(batteries.real_days_note(ds))}.</div>"
        for role, ds in roles.items()
        if batteries.real_days_note(ds)
    )
    return (
        _table(
            ["role", "power", "energy", "duration", "cost (low / mid / high)", "losses per year"],
            rows,
            "explorer-context-battery-table",
        )
        + f"<div style='font-size:0.8em;color:#444'>{notes}Prices: {html.escape(said)}.</div>"
    )


def cluster_html(ds: xr.Dataset) -> str:
    """The several-sites table: each site's share, climate, grid share, what is left without it."""
    rows = []
    for s in ds.site.values:
        one = ds.sel(site=s)
        pue = _f(one, "annual_pue")
        rows.append(
            [
                catalog.label("sites", str(s)),
                str(one["state"].values),
                fmt.quantity(_f(one, "site_power"), "MW"),
                fmt.percent(_f(one, "share_of_cluster")),
                fmt.number(pue, 4) if math.isfinite(pue) else "no weather data shipped",
                _pct(_f(one, "share_of_state_energy")),
                _pct(_f(one, "share_of_utility_peak")),
                f"{fmt.quantity(_f(one, 'power_left'), 'MW')} "
                f"({fmt.percent(_f(one, 'share_left'))})",
            ]
        )
    words = (
        f"The cluster has {fmt.quantity(_f(ds, 'total_power'), 'MW')}; losing its largest "
        f"site leaves {fmt.percent(_f(ds, 'worst_case_share'))} of it."
    )
    notes = ds.attrs.get("notes", "")
    return _table(
        [
            "site",
            "state",
            "power",
            "share of cluster",
            "annual PUE (its climate)",
            "share of state energy (full power all year)",
            "share of utility peak (full power)",
            "left if it drops out",
        ],
        rows,
        "explorer-context-cluster-table",
    ) + (
        f"<div style='font-size:0.85em'>{html.escape(words)}"
        f"{' Note: ' + html.escape(notes) + '.' if notes else ''}</div>"
    )


# ---------------------------------------------------------------------- the walkthrough's chart
def monthly_widget(
    site: str = "rainier-mississippi",
    site_power: float = 300.0,
    hot_day: str = "worst",
    hot_day_line: bool = True,
) -> w.Widget:
    """A lesson widget: each month's mean cooling power for a chosen cooling technology, with the
    hot-day peak (the hot day by `explorer.climate_year`'s `hot_day` rule, the lesson's) and the
    annual mean as lines, and the figures in words (walkthrough 7). Without `hot_day_line` the
    hot day is left out of the chart and its words: the year alone (lesson 7's step 1, whose
    hook step 2 answers, reader 28)."""
    from .static import shown  # a handout shows it as a static snapshot

    tech = w.Dropdown(
        options=[
            (catalog.raw()["cooling_tech"][t].get("label", t), t) for t in climate.technologies()
        ],
        value="chiller-economiser",
        description="Cooling technology",
        style=LABEL,
    )
    xs, ys = bq.OrdinalScale(), bq.LinearScale(min=0)
    bars = bq.Bars(x=MONTHS, y=np.zeros(12), scales={"x": xs, "y": ys}, colors=[BLUE])
    peak = bq.Lines(
        x=MONTHS,
        y=np.zeros(12),
        scales={"x": xs, "y": ys},
        colors=[VERMILION],
        line_style="dashed",
        labels=["hot-day peak"],
        display_legend=True,
    )
    mean = bq.Lines(
        x=MONTHS,
        y=np.zeros(12),
        scales={"x": xs, "y": ys},
        colors=[GREY],
        line_style="dash_dotted",
        labels=["annual mean"],
        display_legend=True,
    )
    fig = bq.Figure(
        marks=[bars, peak, mean] if hot_day_line else [bars, mean],
        axes=[bq.Axis(scale=xs), bq.Axis(scale=ys, side="left", label="cooling power (MW)")],
        title="Mean cooling power by month",
        animation_duration=0,
        legend_location="top-left",
        layout=w.Layout(width="100%", max_width="560px", height="300px"),
    )
    out = w.HTML()

    def update(_: Any = None) -> None:
        year = scenario.climate_year(site, tech.value, site_power=site_power, hot_day=hot_day)
        with bars.hold_sync(), peak.hold_sync(), mean.hold_sync():
            bars.y = year["cooling_power_mean"].values
            peak.y = np.full(12, _f(year, "peak_cooling_power"))
            mean.y = np.full(12, _f(year, "mean_cooling_power"))
        fig.title = f"Mean cooling power by month, {year.attrs['station_name']}"
        # bars and lines, no heat map here
        out.value = climate_html(year, heat_map=False, hot_day=hot_day_line)

    tech.observe(update, "value")
    update()
    return shown(w.VBox([tech, fig, out]))
