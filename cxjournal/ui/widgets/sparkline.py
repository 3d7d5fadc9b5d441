"""A small line chart of recent check-ins, drawn with QPainter (no pyqtgraph on the start page).

One line per series over consecutive days; a missed day leaves a gap. Values are
on the check-in scale (1 to 10 by default). The last value of each line gets a dot.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from cxjournal.domain.wording import short_date
from cxjournal.qt.core import QPointF, QRectF, QSize, Qt
from cxjournal.qt.gui import QColor, QPainter, QPainterPath, QPaintEvent, QPalette, QPen
from cxjournal.qt.widgets import QSizePolicy, QWidget

#: Mid-tone colours readable on light and dark backgrounds (as on the Trends page).
SERIES_COLOURS: dict[str, str] = {"energy": "#10b981", "stress": "#ef4444", "mood": "#3b82f6"}


class Sparkline(QWidget):
    def __init__(self, parent: QWidget | None = None, low: float = 1, high: float = 10) -> None:
        super().__init__(parent)
        self._low, self._high = low, high
        self._days: list[dt.date] = []
        self._series: dict[str, list[float | None]] = {}
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(120)
        self.setAccessibleName("Check-ins of the last two weeks")

    def sizeHint(self) -> QSize:
        return QSize(280, 56)

    def minimumSizeHint(self) -> QSize:
        return QSize(120, 56)

    def set_series(
        self, days: Sequence[dt.date], series: Mapping[str, Sequence[float | None]]
    ) -> None:
        """``days`` are consecutive dates; each series has one value (or None) per day."""
        self._days = list(days)
        self._series = {name: list(values) for name, values in series.items()}
        for name, values in self._series.items():
            if len(values) != len(self._days):
                raise ValueError(f"{name}: {len(values)} values for {len(self._days)} days")
        self.setToolTip(self.describe())
        self.setAccessibleDescription(self.describe())
        self.update()

    def series(self) -> dict[str, list[float | None]]:
        return {name: list(values) for name, values in self._series.items()}

    def describe(self) -> str:
        """The lines in words: the latest value and the two-week average of each."""
        if not self._days:
            return "No check-ins yet"
        parts = []
        for name, values in self._series.items():
            known = [v for v in values if v is not None]
            if not known:
                continue
            mean = sum(known) / len(known)
            parts.append(f"{name} {known[-1]:g} (average {mean:.1f})")
        if not parts:
            return "No check-ins in these two weeks"
        first, last = self._days[0], self._days[-1]
        span = f"{short_date(first, today=last)} to {short_date(last, today=last)}"
        return f"{span}: " + ", ".join(parts)

    def points(self, name: str, rect: QRectF | None = None) -> list[QPointF | None]:
        """Where each value of ``name`` is drawn (``None`` for a missed day)."""
        area = rect or self._plot_rect()
        count = len(self._days)
        step = area.width() / (count - 1) if count > 1 else 0.0
        span = self._high - self._low or 1
        result: list[QPointF | None] = []
        for index, value in enumerate(self._series.get(name, [])):
            if value is None:
                result.append(None)
                continue
            x = area.left() + step * index if count > 1 else area.center().x()
            y = (
                area.bottom()
                - (min(max(value, self._low), self._high) - self._low) / span * area.height()
            )
            result.append(QPointF(x, y))
        return result

    def _plot_rect(self) -> QRectF:
        return QRectF(self.rect()).adjusted(4, 5, -6, -5)

    def paintEvent(self, event: QPaintEvent) -> None:
        del event
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = self._plot_rect()
        guide = QColor(self.palette().color(QPalette.ColorRole.Text))
        guide.setAlpha(45)
        painter.setPen(QPen(guide, 1, Qt.PenStyle.DotLine))
        middle = area.bottom() - (5.5 - self._low) / (self._high - self._low or 1) * area.height()
        painter.drawLine(QPointF(area.left(), middle), QPointF(area.right(), middle))
        if not self._days:
            painter.end()
            return
        for name in self._series:
            colour = QColor(SERIES_COLOURS.get(name, self.palette().color(QPalette.ColorRole.Text)))
            path = QPainterPath()
            drawing = False
            last: QPointF | None = None
            placed = self.points(name, area)
            for point in placed:
                if point is None:
                    drawing = False
                    continue
                if drawing:
                    path.lineTo(point)
                else:
                    path.moveTo(point)
                    drawing = True
                last = point
            pen = QPen(colour, 2)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
            painter.setBrush(colour)
            painter.setPen(Qt.PenStyle.NoPen)
            for point in placed:  # small dots show isolated days too
                if point is not None:
                    painter.drawEllipse(point, 1.8, 1.8)
            if last is not None:
                painter.drawEllipse(last, 3.2, 3.2)
        painter.end()
