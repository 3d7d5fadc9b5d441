"""A small strip of someone's observed attitude over time: champion at the top, resistor below.

Painted with QPainter (no chart library, so pages that show it stay quick to open).
Each noted attitude is a dot at its level, placed by date; colour repeats the level
so it is not the only cue. Hovering a dot shows its date and attitude.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence

from cxjournal.domain.model import Attitude
from cxjournal.domain.wording import short_date
from cxjournal.qt.core import QPointF, QRectF, QSize, Qt
from cxjournal.qt.gui import QColor, QMouseEvent, QPainter, QPaintEvent, QPalette, QPen
from cxjournal.qt.widgets import QSizePolicy, QToolTip, QWidget
from cxjournal.ui.models.people_model import ATTITUDE_LABELS

#: Mid-tone colours readable on light and dark backgrounds.
ATTITUDE_COLOURS: dict[Attitude, str] = {
    Attitude.CHAMPION: "#16a34a",
    Attitude.SUPPORTER: "#65a30d",
    Attitude.NEUTRAL: "#8b95a1",
    Attitude.SKEPTIC: "#f59e0b",
    Attitude.RESISTOR: "#ef4444",
}
LEVELS = list(Attitude)  # champion first
LABEL_WIDTH = 70
DOT = 4.5
#: At most this many of the latest points are drawn, so the strip stays readable.
MAX_POINTS = 40


def trend_words(points: Sequence[tuple[dt.date, Attitude]]) -> str:
    """One line describing the trend, e.g. "Skeptic → Supporter (5 notes)"."""
    if not points:
        return "No attitude noted yet"
    first, last = points[0][1], points[-1][1]
    count = f"{len(points)} note{'s' if len(points) != 1 else ''}"
    if first == last:
        return f"{ATTITUDE_LABELS[last]} ({count})"
    return f"{ATTITUDE_LABELS[first]} → {ATTITUDE_LABELS[last]} ({count})"


class AttitudeStrip(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._points: list[tuple[dt.date, Attitude]] = []
        self._hidden = 0
        self.setMouseTracking(True)
        self.setMinimumHeight(72)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName("Attitude over time")
        self._update_description()

    def sizeHint(self) -> QSize:
        return QSize(360, 78)

    def set_points(
        self, points: Sequence[tuple[dt.date, Attitude]], noted: int | None = None
    ) -> None:
        """Draws the latest :data:`MAX_POINTS` of ``points``; ``noted``: how many attitudes
        are noted in all, when ``points`` are only the latest of them."""
        ordered = sorted(points, key=lambda p: p[0])
        shown = ordered[max(0, len(ordered) - MAX_POINTS) :]
        self._hidden = max(0, (len(ordered) if noted is None else noted) - len(shown))
        self._points = shown
        self._update_description()
        self.update()

    def points(self) -> list[tuple[dt.date, Attitude]]:
        return list(self._points)

    def _update_description(self) -> None:
        words = trend_words(self._points)
        if self._hidden:
            words += f"; the latest {len(self._points)} shown, {self._hidden} older not drawn"
        self.setAccessibleDescription(words)
        self.setToolTip(words)

    # -- geometry ---------------------------------------------------------------

    def _plot_rect(self) -> QRectF:
        return QRectF(LABEL_WIDTH, 6, max(10, self.width() - LABEL_WIDTH - 10), self.height() - 12)

    def _positions(self) -> list[QPointF]:
        rect = self._plot_rect()
        if not self._points:
            return []
        first = self._points[0][0].toordinal()
        span = self._points[-1][0].toordinal() - first
        step = rect.height() / (len(LEVELS) - 1)
        result = []
        for index, (on, attitude) in enumerate(self._points):
            if span:
                x = rect.left() + rect.width() * (on.toordinal() - first) / span
            elif len(self._points) == 1:
                x = rect.center().x()
            else:
                x = rect.left() + rect.width() * index / (len(self._points) - 1)
            result.append(QPointF(x, rect.top() + step * LEVELS.index(attitude)))
        return result

    # -- painting ----------------------------------------------------------------

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        muted = QColor(text)
        muted.setAlpha(60)
        rect = self._plot_rect()
        step = rect.height() / (len(LEVELS) - 1)
        font = painter.font()
        font.setPointSizeF(max(6.5, font.pointSizeF() * 0.8))
        painter.setFont(font)
        for level, attitude in enumerate(LEVELS):
            y = rect.top() + step * level
            painter.setPen(QPen(muted, 1, Qt.PenStyle.DotLine))
            painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
            if level in (0, 2, 4):
                painter.setPen(text)
                painter.drawText(
                    QRectF(0, y - 8, LABEL_WIDTH - 6, 16),
                    int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                    ATTITUDE_LABELS[attitude],
                )
        positions = self._positions()
        if not positions:
            painter.setPen(text)
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), "No attitude noted yet")
            return
        line = QColor(text)
        line.setAlpha(140)
        painter.setPen(QPen(line, 1.5))
        for a, b in itertools.pairwise(positions):
            painter.drawLine(a, b)
        outline = palette.color(QPalette.ColorRole.Base)
        for point, (_on, attitude) in zip(positions, self._points, strict=True):
            painter.setPen(QPen(outline, 1))
            painter.setBrush(QColor(ATTITUDE_COLOURS[attitude]))
            painter.drawEllipse(point, DOT, DOT)

    # -- hover ------------------------------------------------------------------

    def point_near(self, x: float, y: float) -> tuple[dt.date, Attitude] | None:
        best: tuple[float, int] | None = None
        for index, point in enumerate(self._positions()):
            distance = (point.x() - x) ** 2 + (point.y() - y) ** 2
            if distance <= 100 and (best is None or distance < best[0]):
                best = (distance, index)
        return self._points[best[1]] if best else None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        position = event.position()
        found = self.point_near(position.x(), position.y())
        if found:
            QToolTip.showText(
                event.globalPosition().toPoint(),
                f"{short_date(found[0])}: {ATTITUDE_LABELS[found[1]]}",
                self,
            )
        else:
            QToolTip.hideText()
        super().mouseMoveEvent(event)
