"""Per-person trends: both dependences of the chosen people, and the aspects of value they give.

The upper plot draws, for each chosen person, how much you depend on them (solid)
and how much they depend on you (dashed), across the audits they appear in. The
lower plot sums each aspect of value (career guidance, emotional support, ...)
over the chosen people per audit; the readout names who gives it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg

from cxjournal.domain.model import ASPECTS
from cxjournal.domain.power_audit import kind_label
from cxjournal.domain.wording import short_date
from cxjournal.journal.trends import AspectPoint, PersonSeries, Trends
from cxjournal.qt.core import QEvent, QPointF, Qt
from cxjournal.qt.widgets import QLabel, QVBoxLayout, QWidget
from cxjournal.ui.charts.chart_theme import (
    COLOURS,
    DAY_SECONDS,
    PERSON_COLOURS,
    cache_plot,
    centre_placeholder,
    date_x,
    dated_plot,
    dates_x,
    muted_colour,
    nearest,
    number_text,
    pen,
    placeholder,
    readable_series,
    style_legend,
    style_plot,
    style_view,
    x_date,
)
from cxjournal.ui.plain_text import chart_text, escape

ASPECT_LABELS: dict[str, str] = {
    "career_guidance": "Career guidance",
    "emotional_support": "Emotional support",
    "daily_assistance": "Daily assistance",
    "information_sharing": "Information sharing",
    "resource_access": "Access to resources",
}
#: what the aspects' axis counts: each aspect summed over the people chosen
ASPECT_UNITS = "total, 0 to 10 each"
HINT = (
    "Solid lines: how much you depend on each person. Dashed: how much they depend on you. "
    "Point at the chart for the exact figures."
)
NOBODY = "Choose one or more people on the left to see how each relationship has moved."
LEGEND_WIDTH = 170


class PersonTrendChart(QWidget):
    """Give it data with :meth:`set_people`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._series: tuple[PersonSeries, ...] = ()
        self._aspects: dict[str, tuple[AspectPoint, ...]] = {}
        self._dates: list[dt.date] = []
        self._x = np.empty(0)
        self._years: int | None = None
        self._person_items: list[pg.PlotDataItem] = []
        self._shown_span: tuple[float, float] | None = (-1.0, -1.0)

        self.readout = QLabel(NOBODY)
        self.readout.setObjectName("person-readout")
        self.readout.setWordWrap(True)
        self.readout.setTextFormat(Qt.TextFormat.RichText)
        self.readout.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.readout.setMinimumHeight(self.fontMetrics().lineSpacing() * 3 + 6)
        self.readout.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.readout.setAccessibleName("Figures at the pointer")

        self.view = pg.GraphicsLayoutWidget()
        self.view.setAccessibleName("Per-person trends")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.readout)
        layout.addWidget(self.view, 1)

        self.dependence_plot, self.dependence_legend = self._plot(
            0, "Dependence, per person", "0 to 10"
        )
        # each aspect is summed over the people chosen: three people can give up to 30
        self.aspect_plot, self.aspect_legend = self._plot(
            1, "Aspects of value they give you", ASPECT_UNITS
        )
        self.aspect_plot.setXLink(self.dependence_plot)
        self.aspect_items: dict[str, pg.PlotDataItem] = {}
        for name in ASPECTS:
            colour = COLOURS[name]
            item = pg.PlotDataItem(
                pen=pen(colour),
                symbol="o",
                symbolSize=6,
                symbolBrush=colour,
                symbolPen=None,
                connect="finite",
                antialias=True,
            )
            self.aspect_plot.addItem(item)
            self.aspect_legend.addItem(item, ASPECT_LABELS[name])
            self.aspect_items[name] = item
        self.cursors = []
        for plot in (self.dependence_plot, self.aspect_plot):
            cursor = pg.InfiniteLine(angle=90, movable=False)
            cursor.setVisible(False)
            plot.addItem(cursor, ignoreBounds=True)
            self.cursors.append(cursor)
        cache_plot(self.aspect_plot)
        cache_plot(self.dependence_plot)
        self.empty_note = placeholder(self.dependence_plot, NOBODY)
        self.aspect_note = placeholder(self.aspect_plot, "No aspects of value rated for them yet")
        self.view.ci.layout.setRowStretchFactor(0, 3)
        self.view.ci.layout.setRowStretchFactor(1, 2)
        self.view.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self.apply_palette()

    def _plot(self, row: int, title: str, units: str) -> tuple[pg.PlotItem, pg.LegendItem]:
        return dated_plot(self.view, row, title, LEGEND_WIDTH, units)

    # -- palette -------------------------------------------------------------------------

    def apply_palette(self) -> None:
        palette = self.palette()
        style_view(self.view, palette)
        for plot in (self.dependence_plot, self.aspect_plot):
            style_plot(plot, palette)
        for legend in (self.dependence_legend, self.aspect_legend):
            style_legend(legend, palette)
        for cursor in self.cursors:
            cursor.setPen(pg.mkPen(muted_colour(palette), width=1))
        self._place_notes()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self.apply_palette()
        super().changeEvent(event)

    # -- data ------------------------------------------------------------------------------

    def set_people(self, trends: Trends, person_ids: Sequence[int]) -> None:
        """Draw the people with these ids (in this order) from ``trends``."""
        series = tuple(s for pid in person_ids if (s := trends.person(pid)) is not None)
        self._series = series
        for item in self._person_items:
            self.dependence_plot.removeItem(item)
        self.dependence_legend.clear()
        self._person_items = []
        for index, each in enumerate(series):
            colour = PERSON_COLOURS[index % len(PERSON_COLOURS)]
            x = dates_x([p.taken_on for p in each.points])
            on_them = pg.PlotDataItem(
                x,
                np.array([p.dependence_on_them for p in each.points]),
                pen=pen(colour),
                symbol="o",
                symbolSize=6,
                symbolBrush=colour,
                symbolPen=None,
                antialias=True,
            )
            on_me = pg.PlotDataItem(
                x,
                np.array([p.their_dependence_on_me for p in each.points]),
                pen=pen(colour, dashed=True),
                symbol="s",
                symbolSize=5,
                symbolBrush=colour,
                symbolPen=None,
                antialias=True,
            )
            for item in (on_them, on_me):
                self.dependence_plot.addItem(item)
                self._person_items.append(item)
            self.dependence_legend.addItem(on_them, chart_text(each.person.name))
        readable_series(self.dependence_plot, self.palette())  # the new lines, in this theme
        style_legend(self.dependence_legend, self.palette())
        cache_plot(self.dependence_plot)

        self._aspects = trends.aspects([s.person_id for s in series]) if series else {}
        dates = sorted({p.taken_on for s in series for p in s.points})
        self._dates = dates
        self._x = dates_x(dates)
        any_rated = False
        for name, item in self.aspect_items.items():
            points = self._aspects.get(name, ())
            rated = [p for p in points if p.rated]
            any_rated = any_rated or bool(rated)
            item.setData(
                dates_x([p.taken_on for p in rated]), np.array([p.total for p in rated], float)
            )
        self.empty_note.setVisible(not series)
        self.aspect_note.setVisible(bool(series) and not any_rated)
        self.hide_cursor()
        span = (float(self._x[0]), float(self._x[-1])) if len(self._x) else None
        if span != self._shown_span:
            self.set_range(self._years)
        else:
            self._place_notes()

    def shown_people(self) -> list[str]:
        return [s.person.name for s in self._series]

    # -- range ---------------------------------------------------------------------------------

    def set_range(self, years: int | None) -> None:
        """Show the last ``years`` years of the chosen people's audits (``None``: all)."""
        self._years = years
        self._shown_span = (float(self._x[0]), float(self._x[-1])) if len(self._x) else None
        if not len(self._x):
            today = date_x(dt.date.today())
            self.dependence_plot.setXRange(today - 365 * DAY_SECONDS, today, padding=0)
        else:
            first, last = float(self._x[0]), float(self._x[-1])
            if years is not None:
                first = max(first, last - years * 365.25 * DAY_SECONDS)
            margin = max((last - first) * 0.03, 30 * DAY_SECONDS)
            self.dependence_plot.setXRange(first - margin, last + margin, padding=0)
        for plot in (self.dependence_plot, self.aspect_plot):
            plot.enableAutoRange(axis="y", enable=True)
        self._place_notes()

    def visible_range(self) -> tuple[dt.date, dt.date]:
        x0, x1 = self.dependence_plot.viewRange()[0]
        return x_date(x0), x_date(x1)

    def _place_notes(self) -> None:
        palette = self.palette()
        for plot, note in (
            (self.dependence_plot, self.empty_note),
            (self.aspect_plot, self.aspect_note),
        ):
            if note.isVisible():
                centre_placeholder(plot, note, palette)

    # -- hover -------------------------------------------------------------------------------------

    def _on_mouse_moved(self, pos: QPointF) -> None:
        for plot in (self.dependence_plot, self.aspect_plot):
            if plot.vb.sceneBoundingRect().contains(pos):
                self.hover_at(plot.vb.mapSceneToView(pos).x())
                return

    def hide_cursor(self) -> None:
        for cursor in self.cursors:
            cursor.setVisible(False)
        self.readout.setText(HINT if self._series else NOBODY)

    def hover_at(self, x: float) -> str:
        """Show the figures of the audit nearest to ``x``; returns the readout's text."""
        index = nearest(self._x, x)
        if index is None:
            return self.readout.text()
        day = self._dates[index]
        for cursor in self.cursors:
            cursor.setPos(float(self._x[index]))
            cursor.setVisible(True)
        parts: list[str] = []
        for each in self._series:
            point = next((p for p in each.points if p.taken_on == day), None)
            name = escape(each.person.name)
            if point is None:
                parts.append(f"{name}: not in this audit")
            else:
                parts.append(
                    f"{name}: you on them {number_text(point.dependence_on_them)}, "
                    f"they on you {number_text(point.their_dependence_on_me)} "
                    f"({kind_label(point.kind).lower()})"
                )
        aspects: list[str] = []
        for name in ASPECTS:
            aspect = next((p for p in self._aspects.get(name, ()) if p.taken_on == day), None)
            if aspect is None or not aspect.rated:
                continue
            givers = ", ".join(f"{escape(who.name)} {value}" for who, value in aspect.by_person)
            aspects.append(
                f"{ASPECT_LABELS[name]} {aspect.total}" + (f" ({givers})" if givers else "")
            )
        lines = [f"<b>Audit of {short_date(day)}</b>: " + "; ".join(parts)]
        lines.append("Aspects: " + " · ".join(aspects) if aspects else "No aspects of value rated")
        text = "<br>".join(lines)
        self.readout.setText(text)
        return text
