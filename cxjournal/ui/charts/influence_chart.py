"""Influence over the years: five plots on one time axis.

From the top: influence, reliance and net balance per audit; the influence ratio
and the top-two share against their alarm thresholds, with the network density
(the share of pairs who know each other); reach (how many teams, functions,
product units and locations the rated people span, and the network's effective
size, for audits that record who knows whom); each audit's
alarm bells on a strip (their messages show on hover); and the resilience
check-ins as rolling or weekly means. Every plot follows the first one's time
range; the mouse wheel zooms time only, and the readout above the plots gives
the exact figures of the audit and the check-ins nearest the pointer.

Items are built once; :meth:`InfluenceChart.set_trends` only replaces their data.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Iterator
from typing import Literal

import numpy as np
import pyqtgraph as pg

from cxjournal.domain.model import REACH_DIMENSIONS
from cxjournal.domain.power_audit import AlarmCode
from cxjournal.domain.wording import ALARMS, DIMENSION_WORDS, alarm_title, measure, short_date
from cxjournal.journal.trends import AuditPoint, ResilienceTrend, Trends
from cxjournal.qt.core import QEvent, QPointF, Qt
from cxjournal.qt.widgets import QFrame, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget
from cxjournal.ui.charts.chart_theme import (
    COLOURS,
    DAY_SECONDS,
    cache_plot,
    centre_placeholder,
    date_x,
    dates_x,
    finite,
    legend_in_row,
    muted_colour,
    nearest,
    pen,
    placeholder,
    plot_in_row,
    plot_series,
    style_legend,
    style_plot,
    style_view,
    x_date,
)
from cxjournal.ui.charts.trend_readouts import audit_lines, resilience_line
from cxjournal.ui.plain_text import as_written

ResilienceMode = Literal["rolling", "weekly"]

#: The alarm strip's rows, bottom to top (each with its marker, ``ALARMS[code].symbol``).
ALARM_ROWS: tuple[AlarmCode, ...] = tuple(ALARMS)
HINT = "Point at the chart to read the exact figures of an audit and of your check-ins."
LEGEND_WIDTH = 150
#: what the left axis of each panel counts, by row
UNITS: dict[int, str] = {
    0: "points",
    1: "ratio, share",
    2: "how many",
    4: "1 to 10",
}
#: the five panels at the height their legends need; below it the chart scrolls
MIN_CHART_HEIGHT = 760
#: what :meth:`InfluenceChart.build_step` gets from its steps once they are done
_BUILT = object()
#: The narrowest time window shown, in days (a single audit sits in the middle of it).
MIN_SPAN_DAYS = 180


class InfluenceChart(QWidget):
    """The Trends page's main chart; give it data with :meth:`set_trends`."""

    def __init__(self, parent: QWidget | None = None, in_steps: bool = False) -> None:
        """With ``in_steps``, the panels are built by :meth:`build_step`, one per call (a
        hidden page built a little at a time, so the window never freezes for it)."""
        super().__init__(parent)
        self._audits: tuple[AuditPoint, ...] = ()
        self._audit_x = np.empty(0)
        self._resilience = ResilienceTrend()
        self._resilience_x = np.empty(0)
        self._resilience_mode: ResilienceMode = "rolling"
        self._years: int | None = None
        self._alarm_spots: dict[AlarmCode, list[str]] = {}
        self._shown_span: tuple[float, float] | None = (-1.0, -1.0)

        self.readout = QLabel(HINT)
        self.readout.setObjectName("influence-readout")
        self.readout.setWordWrap(True)
        self.readout.setTextFormat(Qt.TextFormat.RichText)
        self.readout.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.readout.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.readout.setMinimumHeight(self.fontMetrics().lineSpacing() * 3 + 6)
        self.readout.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.readout.setAccessibleName("Figures at the pointer")

        self.view = pg.GraphicsLayoutWidget()
        self.view.setAccessibleName("Influence over time")
        self.view.setToolTipDuration(-1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.readout)
        # on a short screen the five panels keep the height their legends need and the
        # chart scrolls, rather than squeezing each panel to a sliver
        self.view.setMinimumHeight(MIN_CHART_HEIGHT)
        self.scroll_area = QScrollArea()
        self.scroll_area.setObjectName("influence-scroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(self.view)
        layout.addWidget(self.scroll_area, 1)

        self._steps: Iterator[None] | None = self._build()
        if not in_steps:
            while self.build_step():
                pass

    def build_step(self) -> bool:
        """Build the next panel; False once the chart is whole (this call finished it)."""
        if self._steps is None:
            return False
        if next(self._steps, _BUILT) is None:
            return True
        self._steps = None
        self.view.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self.apply_palette()
        return False

    # -- construction ----------------------------------------------------------------

    def _plot(self, row: int, title: str) -> pg.PlotItem:
        return plot_in_row(self.view, row, title, UNITS.get(row, ""))

    def _legend(self, row: int) -> pg.LegendItem:
        return legend_in_row(self.view, row, LEGEND_WIDTH)

    def _line(
        self,
        plot: pg.PlotItem,
        legend: pg.LegendItem | None,
        key: str,
        name: str,
        symbols: bool = True,
    ) -> pg.PlotDataItem:
        colour = COLOURS[key]
        # the vertical range follows the data (never zoomed in on a value), so pyqtgraph's
        # clipping of far-off values never applies; left on, it redoes every line and its
        # markers on each change of that range, that is on every range switch
        options: dict[str, object] = {
            "pen": pen(colour),
            "name": name,
            "connect": "finite",
            "dynamicRangeLimit": None,
        }
        if symbols:  # a few dozen points per audit series: smooth them
            options.update(
                symbol="o", symbolSize=6, symbolBrush=colour, symbolPen=None, antialias=True
            )
        item = pg.PlotDataItem(**options)
        plot.addItem(item)
        if legend is not None:
            legend.addItem(item, name)
        return item

    def _build(self) -> Iterator[None]:
        """The panels, each in three steps (its plot, its legend, then its lines), then the
        plots linked in time; the last call of :meth:`build_step` finishes them."""
        view = self.view
        self.balance_plot = self._plot(0, "Influence and reliance")
        yield  # the plot, its legend, then its lines, in turns of their own
        self.balance_legend = self._legend(0)
        yield
        self.influence = self._line(
            self.balance_plot, self.balance_legend, "influence", measure("influence")
        )
        self.reliance = self._line(
            self.balance_plot, self.balance_legend, "reliance", measure("reliance")
        )
        self.net_balance = self._line(
            self.balance_plot, self.balance_legend, "net_balance", "Net balance"
        )
        self.zero_line = pg.InfiniteLine(pos=0, angle=0)
        self.balance_plot.addItem(self.zero_line, ignoreBounds=True)
        yield

        self.ratio_plot = self._plot(1, "Ratio and concentration")
        yield
        self.ratio_legend = self._legend(1)
        yield
        self.ratio = self._line(
            self.ratio_plot, self.ratio_legend, "influence_ratio", "Influence ratio"
        )
        self.top2 = self._line(self.ratio_plot, self.ratio_legend, "top2_share", "Top-two share")
        self.density = self._line(self.ratio_plot, self.ratio_legend, "density", "Network density")
        self.imbalance_line = pg.InfiniteLine(
            angle=0, pen=pen(COLOURS["influence_ratio"], 1.5, dashed=True)
        )
        self.vulnerability_line = pg.InfiniteLine(
            angle=0, pen=pen(COLOURS["top2_share"], 1.5, dashed=True)
        )
        for line in (self.imbalance_line, self.vulnerability_line):
            self.ratio_plot.addItem(line)
        # legend samples for the two thresholds (the lines themselves carry no label,
        # which would sit on top of the data)
        self.imbalance_sample = pg.PlotDataItem(pen=self.imbalance_line.pen)
        self.vulnerability_sample = pg.PlotDataItem(pen=self.vulnerability_line.pen)
        self.ratio_legend.addItem(self.imbalance_sample, "alarm below")
        self.ratio_legend.addItem(self.vulnerability_sample, "alarm above")
        yield

        self.reach_plot = self._plot(2, "Reach: how many different…")
        yield
        self.reach_legend = self._legend(2)
        yield
        self.reach = {
            dim: self._line(self.reach_plot, self.reach_legend, dim, DIMENSION_WORDS[dim][1])
            for dim in REACH_DIMENSIONS
        }
        self.effective_size = self._line(
            self.reach_plot, self.reach_legend, "effective_size", "effective size"
        )
        yield

        self.alarm_plot = self._plot(3, "Alarm bells")
        yield
        self.alarm_legend = self._legend(3)
        yield
        self.alarm_items: dict[AlarmCode, pg.ScatterPlotItem] = {}
        for code in ALARM_ROWS:
            words = ALARMS[code]
            item = pg.ScatterPlotItem(
                size=11,
                symbol=words.symbol,
                brush=pg.mkBrush(COLOURS["alarm"]),
                pen=None,
                hoverable=True,
                hoverSize=15,
                tip=lambda x, y, data, c=code: self._alarm_tip(c, data),
                name=words.title,
            )
            self.alarm_plot.addItem(item)
            self.alarm_legend.addItem(item, words.legend or words.title)
            self.alarm_items[code] = item
        left = self.alarm_plot.getAxis("left")
        left.setTicks([[(i, "") for i in range(len(ALARM_ROWS))]])
        left.setStyle(showValues=False, tickLength=0)
        self.alarm_plot.setYRange(-0.6, len(ALARM_ROWS) - 0.4, padding=0)
        self.alarm_plot.enableAutoRange(axis="y", enable=False)
        yield

        self.resilience_plot = self._plot(4, "Resilience check-ins")
        yield
        self.resilience_legend = self._legend(4)
        yield
        self.energy = self._line(
            self.resilience_plot, self.resilience_legend, "energy", "Energy", symbols=False
        )
        self.stress = self._line(
            self.resilience_plot, self.resilience_legend, "stress", "Stress", symbols=False
        )
        self.mood = self._line(
            self.resilience_plot, self.resilience_legend, "mood", "Mood", symbols=False
        )
        for item in (self.energy, self.stress, self.mood):
            item.setClipToView(True)
            item.setDownsampling(auto=True, method="mean")
        self.resilience_plot.setYRange(1, 10, padding=0.05)
        self.resilience_plot.enableAutoRange(axis="y", enable=False)
        yield

        self.plots = (
            self.balance_plot,
            self.ratio_plot,
            self.reach_plot,
            self.alarm_plot,
            self.resilience_plot,
        )
        self.legends = (
            self.balance_legend,
            self.ratio_legend,
            self.reach_legend,
            self.alarm_legend,
            self.resilience_legend,
        )
        self.cursors: list[pg.InfiniteLine] = []
        for plot in self.plots:
            if plot is not self.balance_plot:
                plot.setXLink(self.balance_plot)
            if plot not in (self.alarm_plot, self.resilience_plot):
                plot.getAxis("bottom").setStyle(showValues=False)
                plot.getAxis("bottom").setHeight(4)
            cursor = pg.InfiniteLine(angle=90, movable=False)
            cursor.setVisible(False)
            plot.addItem(cursor, ignoreBounds=True)
            self.cursors.append(cursor)
        yield
        self.empty_notes = {
            self.balance_plot: placeholder(self.balance_plot, "No audit yet"),
            self.resilience_plot: placeholder(
                self.resilience_plot, "No check-ins yet: each daily check-in adds to this line"
            ),
        }
        layout = view.ci.layout
        for row, stretch in enumerate((30, 20, 18, 11, 21)):
            layout.setRowStretchFactor(row, stretch)
        for plot in self.plots:
            cache_plot(plot)
        self.alarm_plot.setMinimumHeight(110)
        self.alarm_plot.setMaximumHeight(150)

    # -- palette -----------------------------------------------------------------------

    def apply_palette(self) -> None:
        palette = self.palette()
        style_view(self.view, palette)
        for plot in self.plots:
            style_plot(plot, palette)
        self.alarm_plot.showGrid(x=True, y=False, alpha=0.18)
        for legend in self.legends:
            style_legend(legend, palette)
        muted = muted_colour(palette)
        self.zero_line.setPen(pg.mkPen(muted, width=1))
        for cursor in self.cursors:
            cursor.setPen(pg.mkPen(muted, width=1))
        self._place_placeholders()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self.apply_palette()
        super().changeEvent(event)

    # -- data ------------------------------------------------------------------------------

    def set_trends(self, trends: Trends) -> None:
        """Show ``trends`` (replacing what was shown) and apply the current range."""
        self._audits = trends.audits
        self._audit_x = dates_x([a.taken_on for a in trends.audits])
        x = self._audit_x
        totals = [a.totals for a in trends.audits]
        plot_series(self.influence, x, finite(t.influence if t else None for t in totals))
        plot_series(self.reliance, x, finite(t.reliance if t else None for t in totals))
        plot_series(self.net_balance, x, finite(t.net_balance if t else None for t in totals))
        plot_series(self.ratio, x, finite(t.influence_ratio if t else None for t in totals))
        plot_series(self.top2, x, finite(t.top2_share if t else None for t in totals))
        networks = [a.network for a in trends.audits]
        plot_series(self.density, x, finite(n.density if n else None for n in networks))
        plot_series(
            self.effective_size, x, finite(n.effective_size if n else None for n in networks)
        )
        thresholds = trends.thresholds
        self.imbalance_line.setValue(thresholds.imbalance_ratio)
        self.vulnerability_line.setValue(thresholds.vulnerability_share)
        self._rename(
            self.ratio_legend, self.imbalance_sample, f"alarm below {thresholds.imbalance_ratio:g}"
        )
        self._rename(
            self.ratio_legend,
            self.vulnerability_sample,
            f"alarm above {thresholds.vulnerability_share:g}",
        )
        for dim, item in self.reach.items():
            plot_series(
                item, x, finite(a.distinct(dim) if a.totals else None for a in trends.audits)
            )
        self._set_alarms(trends.audits)
        self._resilience = trends.resilience
        self._set_resilience()
        self.empty_notes[self.balance_plot].setVisible(not trends.audits)
        self.empty_notes[self.resilience_plot].setVisible(not trends.resilience.days)
        span = self.data_span()
        if span != self._shown_span:
            # new data reaching further: apply the range preset again; otherwise keep
            # whatever the user zoomed to
            self.set_range(self._years)
        else:
            self._place_placeholders()

    def _rename(self, legend: pg.LegendItem, item: pg.PlotDataItem, name: str) -> None:
        for sample, label in legend.items:
            if sample.item is item:
                label.setText(name, color=self.palette().color(self.foregroundRole()))

    def _set_alarms(self, audits: tuple[AuditPoint, ...]) -> None:
        """One marker per audit and alarm code (reach may ring for several dimensions)."""
        rows = {code: float(index) for index, code in enumerate(ALARM_ROWS)}
        xs: dict[AlarmCode, list[float]] = {code: [] for code in ALARM_ROWS}
        self._alarm_spots = {code: [] for code in ALARM_ROWS}
        for point, x in zip(audits, self._audit_x, strict=True):
            by_code: dict[AlarmCode, list[str]] = {}
            for alarm in point.alarms:
                by_code.setdefault(alarm.code, []).append(alarm.message)
            for code, messages in by_code.items():
                xs[code].append(float(x))
                text = "\n".join(textwrap.fill(m, 72) for m in messages)
                self._alarm_spots[code].append(
                    f"{alarm_title(code)}, audit of {short_date(point.taken_on)}\n{text}"
                )
        for code, item in self.alarm_items.items():
            item.setData(
                x=xs[code], y=[rows[code]] * len(xs[code]), data=list(range(len(xs[code])))
            )

    def _alarm_tip(self, code: AlarmCode, data: object) -> str:
        spots = self._alarm_spots.get(code, [])
        return (
            as_written(spots[data], wrap=False)
            if isinstance(data, int) and 0 <= data < len(spots)
            else ""
        )

    def alarm_tip_texts(self) -> list[str]:
        """The hover text of every alarm marker, row by row."""
        return [text for code in ALARM_ROWS for text in self._alarm_spots.get(code, [])]

    def set_resilience_mode(self, mode: ResilienceMode, redraw: bool = True) -> None:
        """Draw check-ins as trailing rolling means or as weekly averages."""
        self._resilience_mode = mode
        if redraw:
            self._set_resilience()

    def set_resilience(self, trend: ResilienceTrend) -> None:
        """Replace the check-ins only (say, with means over another window)."""
        self._resilience = trend
        self._set_resilience()
        self.empty_notes[self.resilience_plot].setVisible(not trend.days)
        self._place_placeholders()

    def resilience_mode(self) -> ResilienceMode:
        return self._resilience_mode

    def _set_resilience(self) -> None:
        trend = self._resilience
        if self._resilience_mode == "weekly":
            weeks = trend.weeks
            # a week's mean sits mid-week
            x = dates_x([w.week_start for w in weeks]) + 3.5 * DAY_SECONDS
            series = {
                # a week of mood-only check-ins has no energy or stress mean: NaN, a gap
                "energy": np.array([w.energy for w in weeks], dtype=float),
                "stress": np.array([w.stress for w in weeks], dtype=float),
                "mood": np.array([w.mood for w in weeks], dtype=float),
            }
            title = "Resilience check-ins, weekly averages"
        else:
            x = dates_x(trend.days)
            series = {
                m: np.asarray(trend.rolling.get(m, ()), dtype=float)
                for m in ("energy", "stress", "mood")
            }
            title = f"Resilience check-ins, {trend.rolling_days}-day means"
        self._resilience_x = x
        self._resilience_series = series
        plot_series(self.energy, x, series["energy"])
        plot_series(self.stress, x, series["stress"])
        plot_series(self.mood, x, series["mood"])
        self.hide_cursor()  # the latest figures, in the means now drawn
        self.resilience_plot.setTitle(title)
        style_plot(self.resilience_plot, self.palette())

    # -- range -----------------------------------------------------------------------------

    def data_span(self) -> tuple[float, float] | None:
        """The x positions of the first and the last thing drawn."""
        ends = [a for a in (self._audit_x, self._resilience_x) if len(a)]
        if not ends:
            return None
        return min(float(a[0]) for a in ends), max(float(a[-1]) for a in ends)

    def set_range(self, years: int | None) -> None:
        """Show the last ``years`` years of data (``None``: everything)."""
        self._years = years
        span = self.data_span()
        self._shown_span = span
        if span is None:
            today = date_x(dt.date.today())
            self.balance_plot.setXRange(
                today - 365 * DAY_SECONDS, today + 30 * DAY_SECONDS, padding=0
            )
        else:
            first, last = span
            if years is not None:
                first = max(first, last - years * 365.25 * DAY_SECONDS)
            if last - first < MIN_SPAN_DAYS * DAY_SECONDS:  # one audit: a calm window around it
                middle = (first + last) / 2
                first = middle - MIN_SPAN_DAYS / 2 * DAY_SECONDS
                last = middle + MIN_SPAN_DAYS / 2 * DAY_SECONDS
            margin = max((last - first) * 0.03, 20 * DAY_SECONDS)
            self.balance_plot.setXRange(first - margin, last + margin, padding=0)
        for plot in (self.balance_plot, self.ratio_plot, self.reach_plot):
            plot.enableAutoRange(axis="y", enable=True)
        self._place_placeholders()

    def visible_range(self) -> tuple[dt.date, dt.date]:
        x0, x1 = self.balance_plot.viewRange()[0]
        return x_date(x0), x_date(x1)

    def _place_placeholders(self) -> None:
        palette = self.palette()
        for plot, item in self.empty_notes.items():
            if item.isVisible():
                centre_placeholder(plot, item, palette)

    # -- hover -------------------------------------------------------------------------------

    def _on_mouse_moved(self, pos: QPointF) -> None:
        for plot in self.plots:
            if plot.vb.sceneBoundingRect().contains(pos):
                self.hover_at(plot.vb.mapSceneToView(pos).x())
                return

    def hide_cursor(self) -> None:
        """No cursor; the readout gives the latest figures (the audit and the check-ins at
        the right end of the lines) until the pointer picks others, so the room kept for
        the figures is never an empty band above the chart; the hint is its tooltip."""
        for cursor in self.cursors:
            cursor.setVisible(False)
        lines: list[str] = []
        if self._audits:
            lines += audit_lines(self._audits[-1])
        if len(self._resilience_x):
            lines.append(self._resilience_line(len(self._resilience_x) - 1))
        self.readout.setText("Latest: " + "<br>".join(lines) if lines else HINT)
        self.readout.setToolTip(HINT)

    def hover_at(self, x: float) -> str:
        """Show the figures nearest to axis position ``x``; returns the readout's text."""
        lines: list[str] = []
        tips: list[str] = []
        audit_index = nearest(self._audit_x, x)
        if audit_index is not None:
            point = self._audits[audit_index]
            lines += audit_lines(point)
            tips += [f"{alarm_title(a.code)}: {a.message}" for a in point.alarms]
            ax = float(self._audit_x[audit_index])
            for cursor in self.cursors[:4]:
                cursor.setPos(ax)
                cursor.setVisible(True)
        day_index = nearest(self._resilience_x, x)
        if (
            day_index is not None
            and abs(float(self._resilience_x[day_index]) - x) <= 8 * DAY_SECONDS
        ):
            lines.append(self._resilience_line(day_index))
            self.cursors[4].setPos(float(self._resilience_x[day_index]))
            self.cursors[4].setVisible(True)
        else:
            self.cursors[4].setVisible(False)
        text = "<br>".join(lines) if lines else HINT
        self.readout.setText(text)
        self.readout.setToolTip(
            as_written("\n\n".join(textwrap.fill(t, 80) for t in tips), wrap=False)
        )
        return text

    def _resilience_line(self, index: int) -> str:
        return resilience_line(
            self._resilience, self._resilience_mode, self._resilience_series, index
        )
