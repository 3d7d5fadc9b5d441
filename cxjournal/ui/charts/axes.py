"""Axes whose grid lines cost little to redraw, for charts that change range often.

pyqtgraph draws a grid as each axis's tick lines stretched across the plot, in
the tick colour at a low alpha. Qt's raster engine blends such a translucent
one-pixel line pixel by pixel: a horizontal grid line costs about fifteen times
what filling the same pixels as a rectangle does, and a Trends range switch
repaints eight of these grids. Here every thin horizontal tick is filled as the
one-pixel-high rectangle centred on it, which covers exactly the pixels the line
would (whatever the painter's offset), in the same colour; a fill rounds its blend
a little differently, at most 2 of 255 levels apart. The look is unchanged.

The date axis also skips pyqtgraph's per-tick time zone conversion when its offset
is zero, as the Trends charts' dates are (UTC midnights labelled as those days):
with a zero offset that conversion moves every tick by nothing.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

import numpy as np
import pyqtgraph as pg
from pyqtgraph.graphicsItems.DateAxisItem import HOUR_SPACING, ZoomLevel

from cxjournal.qt.core import QPointF, QRectF, Qt
from cxjournal.qt.gui import QPainter, QPen


def _is_thin_solid(pen: QPen) -> bool:
    """A pen that draws a plain one-pixel line (what the axes' ticks and grid use)."""
    return (
        pen.isCosmetic()
        and pen.widthF() <= 1.0
        and pen.style() == Qt.PenStyle.SolidLine
        and pen.brush().style() == Qt.BrushStyle.SolidPattern
    )


def row_rect(start: QPointF, stop: QPointF) -> QRectF | None:
    """The one-pixel-high rectangle centred on a horizontal tick from ``start`` to
    ``stop``: filled without antialiasing, it covers exactly the pixels that an aliased
    one-pixel line between them does. ``None`` for any other line (a vertical line is
    one pixel per row either way, and drawn faster as a line)."""
    if start.y() != stop.y():
        return None
    x0, x1 = sorted((start.x(), stop.x()))
    return QRectF(x0 - 0.5, start.y() - 0.5, x1 - x0 + 1.0, 1.0)


def draw_ticks(painter: QPainter, ticks: list[tuple[QPen, QPointF, QPointF]]) -> None:
    """Draw ``ticks`` (pen, start, stop) as pyqtgraph would, thin horizontal ones as fills."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    for pen, start, stop in ticks:
        rect = row_rect(start, stop) if _is_thin_solid(pen) else None
        if rect is None:
            painter.setPen(pen)
            painter.drawLine(start, stop)
        else:
            painter.fillRect(rect, pen.color())


class GridAxis(pg.AxisItem):  # type: ignore[misc]  # pyqtgraph is untyped
    """A value axis drawn as pyqtgraph draws it, its grid lines filled (see the module)."""

    def drawPicture(self, p: QPainter, axisSpec: Any, tickSpecs: Any, textSpecs: Any) -> None:
        draw_ticks(p, tickSpecs)
        super().drawPicture(p, axisSpec, [], textSpecs)


class _UtcZoomLevel(ZoomLevel):  # type: ignore[misc]  # pyqtgraph is untyped
    """A zoom level whose ticks need no moving when the axis offset is zero."""

    def moveTicksToLocalTimeCoords(
        self, ticks: np.ndarray, spacing: int, skipFactor: int
    ) -> np.ndarray:
        moved_by_offset = spacing > HOUR_SPACING or (spacing == HOUR_SPACING and skipFactor > 1)
        if self.utcOffset == 0 and moved_by_offset:
            return ticks  # pyqtgraph would add the offset, zero, to every tick one by one
        result: np.ndarray = super().moveTicksToLocalTimeCoords(ticks, spacing, skipFactor)
        return result


class DateAxis(pg.DateAxisItem):  # type: ignore[misc]  # pyqtgraph is untyped
    """A date axis with filled grid lines and, at a zero offset, no per-tick time zone
    arithmetic; its ticks and labels are pyqtgraph's own."""

    def __init__(self, orientation: str = "bottom", utcOffset: int | None = 0) -> None:
        super().__init__(orientation=orientation, utcOffset=utcOffset)
        stock: dict[float, Any] = self.__dict__["zoomLevels"]
        self.zoomLevels = OrderedDict(
            (spacing, _UtcZoomLevel(level.tickSpecs, level.exampleText))
            for spacing, level in stock.items()
        )

    def drawPicture(self, p: QPainter, axisSpec: Any, tickSpecs: Any, textSpecs: Any) -> None:
        draw_ticks(p, tickSpecs)
        super().drawPicture(p, axisSpec, [], textSpecs)
