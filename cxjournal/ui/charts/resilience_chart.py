"""Energy, stress and mood over time, with 7-day rolling averages (pyqtgraph).

Import this module only where the chart is shown: pyqtgraph is slow to import.
Daily values are faint dots; the rolling averages are solid lines. Long ranges
are drawn clipped to the view and downsampled, so ten years stay smooth.
"""

from __future__ import annotations

import datetime as dt
import math
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pyqtgraph as pg

from cxjournal.domain.model import ResilienceEntry
from cxjournal.domain.resilience import checkin_value, rolling_mean, split_at_gaps
from cxjournal.domain.wording import short_date
from cxjournal.qt.core import QEvent, QPointF, QStandardPaths, Qt, Signal
from cxjournal.qt.gui import QColor, QIcon, QPalette, QPixmap
from cxjournal.qt.widgets import (
    QButtonGroup,
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from cxjournal.ui.charts.chart_export import ChartExportError, export_chart
from cxjournal.ui.charts.chart_theme import COLOURS
from cxjournal.ui.charts.resilience_svg import SvgSeries, trend_svg
from cxjournal.ui.plain_text import as_written

#: Range presets: key, button text, days shown (None: everything).
PRESETS: tuple[tuple[str, str, int | None], ...] = (
    ("month", "1 month", 30),
    ("quarter", "3 months", 91),
    ("year", "1 year", 365),
    ("all", "All", None),
)
ROLLING_DAYS = 7
EMPTY_TEXT = (
    "Your energy, stress and mood will be drawn here, with their 7-day averages, "
    "once you have checked in."
)
#: Longer ranges show only the averages: a dot per day would be a blur.
DOTS_MAX_DAYS = 400
_HALF_DAY = 12 * 3600.0


@dataclass(frozen=True)
class Series:
    name: str
    label: str
    #: the colours the Trends page uses too: they read on light and dark backgrounds
    colour: str


SERIES = tuple(
    Series(name, name.capitalize(), COLOURS[name]) for name in ("energy", "stress", "mood")
)


def stamp(on: dt.date) -> float:
    """Seconds since the epoch at local noon of ``on`` (at noon, DST never moves the day)."""
    return dt.datetime(on.year, on.month, on.day, 12).timestamp()


def from_stamp(value: float) -> dt.date:
    return dt.datetime.fromtimestamp(value).date()


def _swatch(colour: str) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


class ResilienceChart(QWidget):
    """Call :meth:`set_entries`; listen to :attr:`range_changed` to load another range."""

    range_changed = Signal(str)  # a PRESETS key

    def __init__(self, preset: str = "quarter", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._preset = preset
        self._days: list[dt.date] = []
        self._values: dict[str, list[int | None]] = {}
        self._means: dict[str, list[float]] = {}
        self._dots_shown = True
        #: each series' (day, 7-day mean) on the days that record it
        self._mean_points: dict[str, list[tuple[dt.date, float]]] = {}
        self._range = (dt.date.today(), dt.date.today())

        self.preset_buttons: dict[str, QPushButton] = {}
        group = QButtonGroup(self)
        group.setExclusive(True)
        controls = QHBoxLayout()
        controls.setSpacing(4)
        for key, text, _days in PRESETS:
            button = QPushButton(text)
            button.setCheckable(True)
            button.setChecked(key == preset)
            button.setAccessibleName(f"Show {text.lower()}")
            button.setToolTip(f"Show {'every check-in' if key == 'all' else 'the last ' + text}")
            button.clicked.connect(lambda _=False, k=key: self.set_preset(k))
            group.addButton(button)
            controls.addWidget(button)
            self.preset_buttons[key] = button
        self.series_boxes: dict[str, QCheckBox] = {}
        toggles = QHBoxLayout()
        for series in SERIES:
            box = QCheckBox(series.label)
            box.setIcon(_swatch(series.colour))
            box.setChecked(True)
            box.setToolTip(
                f"Show {series.label.lower()}: dots for each day, a line for its 7-day average"
            )
            box.toggled.connect(lambda on, name=series.name: self._set_series_visible(name, on))
            toggles.addWidget(box)
            self.series_boxes[series.name] = box
        controls.addStretch(1)
        self.export_button = QPushButton("Export…")
        self.export_button.setToolTip("Save the chart as a PNG image or an SVG drawing")
        self.export_button.clicked.connect(self.export)
        controls.addWidget(self.export_button)

        self.date_axis = pg.DateAxisItem(orientation="bottom")
        self.plot = pg.PlotWidget(axisItems={"bottom": self.date_axis}, enableMenu=False)
        self.plot.setAccessibleName("Energy, stress and mood over time")
        item = self.plot.getPlotItem()
        item.hideButtons()
        item.setClipToView(True)
        item.setDownsampling(auto=True, mode="mean")
        item.setMouseEnabled(x=True, y=False)
        item.showGrid(x=False, y=True, alpha=0.18)
        item.setYRange(0.5, 10.5, padding=0)
        item.getAxis("left").setTicks([[(v, str(v)) for v in range(1, 11)]])
        item.getAxis("left").setWidth(28)

        self.dots: dict[str, pg.PlotDataItem] = {}
        self.lines: dict[str, pg.PlotDataItem] = {}
        for series in SERIES:
            faint = QColor(series.colour)
            faint.setAlpha(110)
            self.dots[series.name] = item.plot(
                [], [], pen=None, symbol="o", symbolSize=5, symbolPen=None, symbolBrush=faint
            )
            self.lines[series.name] = item.plot(
                [], [], pen=pg.mkPen(series.colour, width=2.5), antialias=True
            )
        self.crosshair = pg.InfiniteLine(angle=90, movable=False)
        self.crosshair.hide()
        item.addItem(self.crosshair, ignoreBounds=True)
        self.plot.scene().sigMouseMoved.connect(self._on_mouse_moved)

        self.hover = QLabel()
        self.hover.setAccessibleName("Values of the day pointed at")
        self.hover.setTextFormat(Qt.TextFormat.RichText)
        self.hover.setWordWrap(True)

        self.empty = QLabel(EMPTY_TEXT)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setMargin(24)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.plot)
        self.stack.addWidget(self.empty)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(controls)
        layout.addWidget(self.stack, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.hover, 1)
        bottom.addLayout(toggles)
        layout.addLayout(bottom)
        self._apply_palette()
        self._show_hint()

    # -- data ----------

    def preset(self) -> str:
        return self._preset

    def set_preset(self, key: str) -> None:
        """Choose a range preset; emits ``range_changed`` so the owner loads that range."""
        if key not in self.preset_buttons:
            raise ValueError(f"no range preset {key!r}")
        self.preset_buttons[key].setChecked(True)
        if key != self._preset:
            self._preset = key
            self.range_changed.emit(key)

    def set_entries(self, entries: Sequence[ResilienceEntry], start: dt.date, end: dt.date) -> None:
        """Draw ``start``..``end``. ``entries`` (oldest first) may begin up to six days
        earlier, so the first averages are complete; those days are not shown as dots."""
        self._range = (start, end)
        ordered = sorted(entries, key=lambda e: e.on)
        shown = [e for e in ordered if start <= e.on <= end]
        self._days = [e.on for e in shown]
        for series in SERIES:
            # a measure a check-in does not record (mood-only) is a gap, never a zero
            points = [
                (e.on, float(v)) for e in ordered if (v := getattr(e, series.name)) is not None
            ]
            means = [(d, v) for d, v in rolling_mean(points, ROLLING_DAYS) if start <= d <= end]
            by_day = dict(means)
            self._values[series.name] = [getattr(e, series.name) for e in shown]
            self._means[series.name] = [by_day.get(e.on, math.nan) for e in shown]
            self._mean_points[series.name] = means
            recorded = [(d, v) for d, v in points if start <= d <= end]
            self.dots[series.name].setData(
                [stamp(d) for d, _ in recorded], [v for _, v in recorded]
            )
            xs: list[float] = []
            ys: list[float] = []
            for run in split_at_gaps(means, ROLLING_DAYS):
                if xs:
                    xs.append(xs[-1])
                    ys.append(math.nan)
                xs += [stamp(d) for d, _ in run]
                ys += [v for _, v in run]
            self.lines[series.name].setData(xs, ys, connect="finite")
        item = self.plot.getPlotItem()
        left, right = stamp(start) - _HALF_DAY, stamp(end) + _HALF_DAY
        item.setLimits(xMin=left, xMax=right, maxXRange=right - left, minXRange=7 * 86400)
        item.setXRange(left, right, padding=0)
        self._dots_shown = (end - start).days < DOTS_MAX_DAYS
        for spec in SERIES:
            self.dots[spec.name].setVisible(
                self._dots_shown and self.series_boxes[spec.name].isChecked()
            )
            # a long range is many short wiggles: thinner lines keep it readable
            width = 2.5 if self._dots_shown else 1.2
            self.lines[spec.name].setPen(pg.mkPen(spec.colour, width=width))
        self.stack.setCurrentWidget(self.plot if shown else self.empty)
        self.export_button.setEnabled(bool(shown))
        self.crosshair.hide()
        self._show_hint()

    def set_empty_text(self, text: str | None) -> None:
        """What the chart says when the range has no check-in (None: the first-use text)."""
        self.empty.setText(text or EMPTY_TEXT)

    def shown_days(self) -> list[dt.date]:
        return list(self._days)

    def values(self, name: str) -> list[int | None]:
        """The shown days' values of one measure (None where a check-in has mood only)."""
        return list(self._values.get(name, []))

    def means(self, name: str) -> list[float]:
        """The 7-day mean on each shown day (NaN where the day has none, e.g. mood-only)."""
        return list(self._means.get(name, []))

    def is_empty(self) -> bool:
        return not self._days

    # -- hover ----------

    def describe(self, on: dt.date) -> str:
        """The values of the check-in nearest ``on`` in the range, as shown on hover."""
        if not self._days:
            return ""
        i = bisect_left(self._days, on)
        if i == len(self._days) or (i > 0 and on - self._days[i - 1] < self._days[i] - on):
            i -= 1
        day = self._days[i]
        parts = []
        for series in SERIES:
            if not self.series_boxes[series.name].isChecked():
                continue
            value, mean = self._values[series.name][i], self._means[series.name][i]
            shown_mean = checkin_value(None) if math.isnan(mean) else f"{mean:.1f}"
            parts.append(
                f'<span style="color:{series.colour}">■</span> {series.label} '
                f"{checkin_value(value)} (7-day avg {shown_mean})"
            )
        return f"<b>{short_date(day, weekday=True)}</b> &nbsp; " + " &nbsp; ".join(parts)

    def _on_mouse_moved(self, position: QPointF) -> None:
        item = self.plot.getPlotItem()
        if not self._days or not item.sceneBoundingRect().contains(position):
            self.crosshair.hide()
            self._show_hint()
            return
        x = item.vb.mapSceneToView(position).x()
        on = from_stamp(x + _HALF_DAY)
        text = self.describe(on)
        i = bisect_left(self._days, on)
        nearest = [d for d in self._days[max(0, i - 1) : i + 1]]
        day = min(nearest, key=lambda d: abs((d - on).days)) if nearest else on
        self.crosshair.setPos(stamp(day))
        self.crosshair.show()
        self.hover.setText(text)

    def _show_hint(self) -> None:
        self.hover.setText(
            "Dots are days, lines 7-day averages. Point at the chart to read a day's "
            "values; drag or scroll to look closer."
            if self._days
            else ""
        )

    # -- look ----------

    def _set_series_visible(self, name: str, visible: bool) -> None:
        self.dots[name].setVisible(visible and self._dots_shown)
        self.lines[name].setVisible(visible)

    def _apply_palette(self) -> None:
        palette = self.palette()
        self.plot.setBackground(palette.color(QPalette.ColorRole.Base))
        text = palette.color(QPalette.ColorRole.WindowText)
        grid = palette.color(QPalette.ColorRole.Mid)
        for side in ("left", "bottom"):
            axis = self.plot.getPlotItem().getAxis(side)
            axis.setPen(pg.mkPen(grid))
            axis.setTextPen(pg.mkPen(text))
        self.crosshair.setPen(pg.mkPen(text, width=1, style=Qt.PenStyle.DashLine))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_palette()
        super().changeEvent(event)

    def svg(self) -> str:
        """The chart as shown (range, visible series) as a standalone SVG document."""
        start, end = self._range
        series = [
            SvgSeries(
                label=spec.label,
                colour=spec.colour,
                days=[d for d, v in zip(self._days, values, strict=True) if v is not None],
                values=[v for v in values if v is not None],
                mean_days=[d for d, _ in self._mean_points.get(spec.name, [])],
                means=[v for _, v in self._mean_points.get(spec.name, [])],
                max_gap_days=ROLLING_DAYS,
            )
            for spec in SERIES
            if self.series_boxes[spec.name].isChecked()
            for values in [self._values.get(spec.name, [])]
        ]
        return trend_svg(series, start, end, dots=self._dots_shown)

    # -- export ----------

    def export(self) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name = f"resilience-{dt.date.today().isoformat()}.png"
        path, chosen = QFileDialog.getSaveFileName(
            self,
            "Export chart",
            f"{folder}/{name}" if folder else name,
            "PNG image (*.png);;SVG drawing (*.svg)",
        )
        if not path:
            return
        if "svg" in chosen.lower() and not path.lower().endswith(".svg"):
            path += ".svg"
        elif "png" in chosen.lower() and not path.lower().endswith(".png"):
            path += ".png"
        try:
            self.export_to(path)
        except (OSError, ChartExportError) as exc:
            QMessageBox.warning(
                self, "Export chart", as_written(f"The chart could not be saved: {exc}")
            )

    def export_to(self, path: str) -> None:
        """Write the chart to ``path``: SVG when it ends in .svg, PNG otherwise."""
        if path.lower().endswith(".svg"):
            Path(path).write_text(self.svg(), encoding="utf-8")
            return
        export_chart(self.plot, Path(path), "png")
