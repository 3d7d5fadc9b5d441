"""Axes whose grid lines cost little to redraw, for charts that change range often.

pyqtgraph draws a grid as each axis's tick lines stretched across the plot, in
the tick colour at a low alpha. Qt's raster engine blends such a translucent
one-pixel line pixel by pixel: a horizontal grid line costs about fifteen times
what filling the same pixels as a rectangle does, a vertical one (one pixel per
row) is slower still, and a Trends range switch repaints eight of these grids.
Here every thin horizontal tick is filled as the one-pixel-high rectangle centred
on it, and on screen the thin vertical ticks are laid into one image and drawn at
once. Both cover exactly the pixels the lines would (whatever the painter's
offset), in the same colour; their blend rounds a little differently, at most 2 of
255 levels apart. The look is unchanged.

The date axis also skips pyqtgraph's per-tick time zone conversion when its offset
is zero, as the Trends charts' dates are (UTC midnights labelled as those days):
with a zero offset that conversion moves every tick by nothing.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import pyqtgraph as pg
from pyqtgraph.graphicsItems.DateAxisItem import HOUR_SPACING, ZoomLevel

from cxjournal.qt.core import QPointF, QRectF, Qt
from cxjournal.qt.gui import QColor, QImage, QPaintEngine, QPainter, QPen, QTransform


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


def draw_ticks(painter: QPainter, ticks: Sequence[tuple[QPen, QPointF, QPointF]]) -> None:
    """Draw ``ticks`` (pen, start, stop) as pyqtgraph would, thin horizontal ones as fills."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    thin = _PenMemo(_is_thin_solid)
    for pen, start, stop in ticks:
        rect = row_rect(start, stop) if thin(pen) else None
        if rect is None:
            painter.setPen(pen)
            painter.drawLine(start, stop)
        else:
            painter.fillRect(rect, pen.color())


class _PenMemo:
    """``function(pen)`` computed once per pen (pyqtgraph gives one pen to a whole level)."""

    def __init__(self, function: Callable[[QPen], Any]) -> None:
        self._function = function
        self._known: dict[int, Any] = {}

    def __call__(self, pen: QPen) -> Any:
        key = id(pen)
        if key not in self._known:
            self._known[key] = self._function(pen)
        return self._known[key]


def split_columns(
    ticks: Sequence[tuple[QPen, QPointF, QPointF]],
) -> tuple[list[tuple[QPen, QPointF, QPointF]], list[tuple[QPen, QPointF, QPointF]]]:
    """``ticks`` as (everything else, the thin vertical ones), each in its order."""
    thin = _PenMemo(_is_thin_solid)
    others: list[tuple[QPen, QPointF, QPointF]] = []
    columns: list[tuple[QPen, QPointF, QPointF]] = []
    for tick in ticks:
        pen, start, stop = tick
        vertical = start.x() == stop.x() and start.y() != stop.y()
        (columns if vertical and thin(pen) else others).append(tick)
    return others, columns


def _first_pixel(values: np.ndarray) -> np.ndarray:
    """The pixels an aliased one-pixel vertical line at device positions ``values``
    lands on (its column, and its first and last rows, ends included)."""
    result: np.ndarray = np.floor(values).astype(np.int64)
    return result


def _premultiplied(colour: QColor) -> int:
    alpha = colour.alpha()
    red, green, blue = (
        round(c * alpha / 255) for c in (colour.red(), colour.green(), colour.blue())
    )
    return (alpha << 24) | (red << 16) | (green << 8) | blue


def draw_columns(painter: QPainter, ticks: Sequence[tuple[QPen, QPointF, QPointF]]) -> None:
    """Draw vertical ``ticks`` (pen, start, stop): on screen, as one image holding every
    line's pixels (Qt blends a translucent vertical line one pixel per row, the slowest
    case there is); on any other device, or through a scaling painter, as lines."""
    if not ticks:
        return
    transform = painter.transform()
    engine = painter.paintEngine()
    if (
        engine is None
        or engine.type() != QPaintEngine.Type.Raster
        or transform.type().value > QTransform.TransformationType.TxTranslate.value
    ):
        draw_ticks(painter, ticks)
        return
    xs = np.array([start.x() for _, start, _ in ticks]) + transform.dx()
    ends = np.array([sorted((start.y(), stop.y())) for _, start, stop in ticks])
    columns = _first_pixel(xs)
    tops = _first_pixel(ends[:, 0] + transform.dy())
    bottoms = _first_pixel(ends[:, 1] + transform.dy())
    left, top = int(columns.min()), int(tops.min())
    pixels = np.zeros((int(bottoms.max()) - top + 1, int(columns.max()) - left + 1), np.uint32)
    colour = _PenMemo(lambda pen: _premultiplied(pen.color()))
    for (pen, _, _), column, first, last in zip(ticks, columns, tops, bottoms, strict=True):
        pixels[first - top : last - top + 1, column - left] = colour(pen)
    height, width = pixels.shape
    image = QImage(pixels.data, width, height, width * 4, QImage.Format.Format_ARGB32_Premultiplied)
    painter.save()
    painter.resetTransform()
    painter.drawImage(left, top, image)
    painter.restore()


class _ColumnGrid:
    """What both axes share: thin horizontal ticks filled into the axis's picture, thin
    vertical ones kept aside and drawn by :func:`draw_columns` at each paint."""

    _columns: tuple[tuple[QPen, QPointF, QPointF], ...] = ()

    def drawPicture(self, p: QPainter, axisSpec: Any, tickSpecs: Any, textSpecs: Any) -> None:
        others, columns = split_columns(tickSpecs)
        self._columns = tuple(columns)
        draw_ticks(p, others)
        super().drawPicture(p, axisSpec, [], textSpecs)  # type: ignore[misc]  # pyqtgraph's

    def paint(self, p: QPainter, opt: Any, widget: Any) -> None:
        super().paint(p, opt, widget)  # type: ignore[misc]  # pyqtgraph's AxisItem.paint
        draw_columns(p, self._columns)


class GridAxis(_ColumnGrid, pg.AxisItem):  # type: ignore[misc]  # pyqtgraph is untyped
    """A value axis drawn as pyqtgraph draws it, its grid drawn faster (see the module)."""


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


class DateAxis(_ColumnGrid, pg.DateAxisItem):  # type: ignore[misc]  # pyqtgraph is untyped
    """A date axis with its grid drawn faster and, at a zero offset, no per-tick time zone
    arithmetic; its ticks and labels are pyqtgraph's own, and it keeps to the style's
    ``maxTickLevel`` (which pyqtgraph's date axis ignores): see :meth:`tickValues`."""

    def __init__(self, orientation: str = "bottom", utcOffset: int | None = 0) -> None:
        super().__init__(orientation=orientation, utcOffset=utcOffset)
        stock: dict[float, Any] = self.__dict__["zoomLevels"]
        self.zoomLevels = OrderedDict(
            (spacing, _UtcZoomLevel(level.tickSpecs, level.exampleText))
            for spacing, level in stock.items()
        )

    #: the last ticks worked out by any date axis: (what they depend on, the zoom level's
    #: key, its minimal spacing, the levels); the Trends plots share one time axis, so the
    #: five date axes of a range switch ask the same question and the first one answers it
    _last_ticks: tuple[tuple[Any, ...], float, float, list[Any]] | None = None
    _font_key = ""

    def generateDrawSpecs(self, p: QPainter) -> Any:
        font = self.style["tickFont"] or p.font()
        self._font_key = font.key()
        return super().generateDrawSpecs(p)

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list[Any]:
        """pyqtgraph's levels of date ticks, coarsest first, down to ``maxTickLevel`` levels
        below the main one: the first level with two ticks in view (so at 0, years over a
        long span and months, under their year, over one year). At the default of 2 every
        level is kept, as pyqtgraph does. Axes of one range, length and font share them."""
        key = (minVal, maxVal, size, self.utcOffset, self.style["maxTickLevel"], self._font_key)
        last = DateAxis._last_ticks
        if self._font_key and last is not None and last[0] == key:
            _key, spacing, self.minSpacing, levels = last
            self.zoomLevel = self.zoomLevels[spacing]
            self.zoomLevel.utcOffset = self.utcOffset
            return [(step, list(values)) for step, values in levels]
        kept = self._levels(minVal, maxVal, size)
        found = next((k for k, v in self.zoomLevels.items() if v is self.zoomLevel), None)
        if self._font_key and found is not None:
            copied = [(step, list(values)) for step, values in kept]
            DateAxis._last_ticks = (key, found, self.minSpacing, copied)
        return kept

    def _levels(self, minVal: float, maxVal: float, size: float) -> list[Any]:
        levels: list[Any] = super().tickValues(minVal, maxVal, size)
        main = next(
            (
                index
                for index, (_spacing, values) in enumerate(levels)
                if sum(1 for v in values if minVal <= v <= maxVal) >= 2
            ),
            len(levels) - 1,
        )
        return levels[: main + 1 + self.style["maxTickLevel"]]
