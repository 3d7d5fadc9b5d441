"""Sort arrows in table headers that are clearly visible in the light and the dark palette.

The platform style draws a header's sort arrow small and translucent, in the window text
colour; on the dark palette's grey header it all but disappears. :class:`SortArrowStyle`
draws it instead as a solid triangle in the header's own text colour, which the palettes
keep readable on the header (``theme.readable``); everything else is the platform style's.

The style is given to the headers of the sortable tables only (:func:`use_for`), not to the
application: a Python style the whole application used would be called for every cell,
frame and focus rectangle any widget draws, which made each visit of a long table and the
first paint measurably slower.
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
    QTableView,
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


_shared: list[SortArrowStyle] = []


def header_style() -> SortArrowStyle:
    """The one style the sortable tables' headers share (made on first use, kept by the
    application), over the application's own style."""
    if not _shared:
        style = SortArrowStyle(QApplication.style().name())
        app = QApplication.instance()
        if app is not None:
            style.setParent(app)
        _shared.append(style)
    return _shared[0]


def use_for(table: QTableView) -> None:
    """Draw the sort arrows of ``table``'s column header solid (its header's own style)."""
    table.horizontalHeader().setStyle(header_style())
