"""Sort arrows in table headers that are clearly visible in the light and the dark palette.

The platform style draws a header's sort arrow small and translucent, in the window text
colour; on the dark palette's grey header it all but disappears. :class:`SortArrowStyle`
draws it instead as a solid triangle in the header's own text colour, which the palettes
keep readable on the header (``theme.readable``); everything else is the platform style's.
"""

from __future__ import annotations

from cxjournal.qt.core import QPointF, QRectF, Qt
from cxjournal.qt.gui import QPainter, QPalette, QPolygonF
from cxjournal.qt.widgets import (
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QStyleOptionHeader,
    QWidget,
)

#: the arrow's width in pixels (its height is half of it, plus one)
ARROW_WIDTH = 10.0


def arrow_points(rect: QRectF, pointing_up: bool) -> QPolygonF:
    """A triangle centred in ``rect``, pointing up or down, at most ``ARROW_WIDTH`` wide."""
    width = float(int(min(ARROW_WIDTH, rect.width(), 2 * rect.height())))
    height = float(int(width / 2 + 1))
    centre = rect.center()
    # on whole pixels, so that the flat side is one crisp line
    left, top = float(round(centre.x() - width / 2)), float(round(centre.y() - height / 2))
    right, bottom, middle = left + width, top + height, left + width / 2
    if pointing_up:
        corners = [QPointF(left, bottom), QPointF(right, bottom), QPointF(middle, top)]
    else:
        corners = [QPointF(left, top), QPointF(right, top), QPointF(middle, bottom)]
    return QPolygonF(corners)


class SortArrowStyle(QProxyStyle):
    """The platform style, with header sort arrows drawn solid in the header's text colour."""

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element != QStyle.PrimitiveElement.PE_IndicatorHeaderArrow:
            super().drawPrimitive(element, option, painter, widget)
            return
        if not isinstance(option, QStyleOptionHeader):
            super().drawPrimitive(element, option, painter, widget)
            return
        if option.sortIndicator == QStyleOptionHeader.SortIndicator.None_:
            return
        up = option.sortIndicator == QStyleOptionHeader.SortIndicator.SortUp
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(option.palette.color(QPalette.ColorRole.ButtonText))
        painter.drawPolygon(arrow_points(QRectF(option.rect), up))
        painter.restore()


def install() -> None:
    """Give the application the style with clear sort arrows (once; no-op without an app)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication) or isinstance(QApplication.style(), SortArrowStyle):
        return
    QApplication.setStyle(SortArrowStyle(QApplication.style().name()))
