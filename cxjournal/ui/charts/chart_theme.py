"""What the Trends charts share: dates on the x axis, series colours, the palette.

Dates are drawn as UTC midnights and the date axis is told the offset is zero,
so a day is labelled as that day in every time zone. Series colours are mid-tone
hues, deepened or lightened as the palette's background needs (3:1, WCAG's
contrast for graphics); everything else (background, axes, text, legend frames)
follows the widget's palette.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

import numpy as np
import pyqtgraph as pg

from cxjournal.qt.core import Qt
from cxjournal.qt.gui import QColor, QPalette
from cxjournal.qt.widgets import QGraphicsItem, QSizePolicy
from cxjournal.ui.charts.axes import DateAxis, GridAxis
from cxjournal.ui.theme import AA_GRAPHICS, readable_tint

EPOCH_ORDINAL = dt.date(1970, 1, 1).toordinal()
DAY_SECONDS = 86400.0

#: Mid-tone colours that keep their contrast on both light and dark backgrounds.
COLOURS: dict[str, str] = {
    "influence": "#3b82f6",
    "reliance": "#f59e0b",
    "net_balance": "#10b981",
    "influence_ratio": "#3b82f6",
    "top2_share": "#a855f7",
    "density": "#14b8a6",
    "effective_size": "#8b5cf6",
    "team": "#3b82f6",
    "function": "#f59e0b",
    "product_unit": "#10b981",
    "location": "#ec4899",
    "energy": "#10b981",
    "stress": "#ef4444",
    "mood": "#3b82f6",
    "alarm": "#ef4444",
    "career_guidance": "#a855f7",
    "emotional_support": "#ec4899",
    "daily_assistance": "#f59e0b",
    "information_sharing": "#3b82f6",
    "resource_access": "#10b981",
}

#: Colours given to people in turn on the per-person chart.
PERSON_COLOURS: tuple[str, ...] = (
    "#3b82f6",
    "#f59e0b",
    "#10b981",
    "#ec4899",
    "#a855f7",
    "#ef4444",
    "#14b8a6",
    "#84cc16",
    "#f97316",
    "#6366f1",
)

#: Width of every left axis, so that stacked plots line up.
LEFT_AXIS_WIDTH = 64


def date_x(day: dt.date) -> float:
    """Seconds since the epoch of ``day``'s UTC midnight: its position on the x axis."""
    return (day.toordinal() - EPOCH_ORDINAL) * DAY_SECONDS


def dates_x(days: Sequence[dt.date]) -> np.ndarray:
    """:func:`date_x` of many dates at once."""
    ordinals = np.fromiter((d.toordinal() for d in days), dtype=np.float64, count=len(days))
    return (ordinals - EPOCH_ORDINAL) * DAY_SECONDS


def x_date(x: float) -> dt.date:
    """The date at axis position ``x`` (rounded to the nearest day)."""
    return dt.date.fromordinal(round(x / DAY_SECONDS) + EPOCH_ORDINAL)


def date_axis() -> pg.DateAxisItem:
    return DateAxis(orientation="bottom", utcOffset=0)


def dated_plot(
    view: pg.GraphicsLayoutWidget, row: int, title: str, legend_width: int, units: str = ""
) -> tuple[pg.PlotItem, pg.LegendItem]:
    """A plot over time in ``row`` of ``view``, zooming in time only, with its legend
    in a fixed-width column on the right (never over the lines) and ``units`` along its
    left axis."""
    plot = plot_in_row(view, row, title, units)
    return plot, legend_in_row(view, row, legend_width)


def plot_in_row(
    view: pg.GraphicsLayoutWidget, row: int, title: str, units: str = ""
) -> pg.PlotItem:
    """:func:`dated_plot`'s plot alone (a chart built in turns makes its legend in the next,
    with :func:`legend_in_row`)."""
    plot = view.addPlot(
        row=row,
        col=0,
        axisItems={"bottom": date_axis(), "left": GridAxis("left")},
        enableMenu=False,  # never built: making its context menu took a quarter of the plot's
    )
    plot.setTitle(title)
    if units:
        plot.setLabel("left", units)
        plain_numbers(plot.getAxis("left"))
    plot.setMouseEnabled(x=True, y=False)
    plot.setMenuEnabled(False)
    plot.hideButtons()
    plot.setAutoVisible(y=True)
    return plot


def legend_in_row(view: pg.GraphicsLayoutWidget, row: int, width: int) -> pg.LegendItem:
    """:func:`dated_plot`'s legend, in the column right of the plot in ``row``."""
    legend = pg.LegendItem(labelTextSize="9pt", verSpacing=-4)
    view.addItem(legend, row=row, col=1)
    legend.setFixedWidth(width)
    legend.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Maximum)
    view.ci.layout.setAlignment(legend, Qt.AlignmentFlag.AlignTop)
    return legend


def plain_numbers(axis: pg.AxisItem) -> None:
    """Tick values as they are: a share stays 0.4 rather than 400 with "(x0.001)" by
    the title (pyqtgraph scales an axis that has a title, and keeps the scale it last
    computed when that is switched off, so it is reset here)."""
    axis.enableAutoSIPrefix(False)
    axis.autoSIPrefixScale = 1.0
    axis.labelUnitPrefix = ""
    axis.picture = None
    axis.update()


def pen(colour: str, width: float = 2.0, dashed: bool = False) -> pg.QtGui.QPen:
    style = Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine
    result = pg.mkPen(QColor(colour), width=width, style=style)
    result.setCosmetic(True)
    return result


def text_colour(palette: QPalette) -> QColor:
    return palette.color(QPalette.ColorRole.Text)


def muted_colour(palette: QPalette) -> QColor:
    colour = QColor(text_colour(palette))
    colour.setAlpha(110)
    return colour


def style_plot(plot: pg.PlotItem, palette: QPalette) -> None:
    """Axes, grid and title in the palette's text colour."""
    text = text_colour(palette)
    muted = muted_colour(palette)
    for name in ("left", "bottom"):
        axis = plot.getAxis(name)
        axis.setPen(pg.mkPen(muted))
        axis.setTextPen(pg.mkPen(text))
    left = plot.getAxis("left")
    left.setWidth(LEFT_AXIS_WIDTH)
    if left.labelText:
        plain_numbers(left)
        left.setLabel(left.labelText, color=text.name(), **{"font-size": "8pt"})
    # only the main level of date ticks (years over a long span, months over one year):
    # half the grid lines to paint, and labels that never crowd
    plot.getAxis("bottom").setStyle(maxTickLevel=0)
    plot.showGrid(x=True, y=True, alpha=0.18)
    readable_series(plot, palette)
    title = plot.titleLabel
    if title.isVisible():
        title.setText(title.text, color=text, size="9pt", bold=True, justify="left")


def series_colour(colour: QColor | str, palette: QPalette) -> QColor:
    """A series colour as drawn on the palette's background: deepened on white or
    lightened on a dark background until its line stands out (WCAG 3:1 for graphics)."""
    return readable_tint(QColor(colour), palette.color(QPalette.ColorRole.Base), AA_GRAPHICS)


def readable_series(plot: pg.PlotItem, palette: QPalette) -> None:
    """Every line and mark of ``plot`` in its :func:`series_colour` for ``palette``
    (from the colour it was first given, so switching themes back and forth is exact)."""
    for item in plot.listDataItems():
        if not isinstance(item, pg.PlotDataItem):
            continue
        first = getattr(item, "_cx_colours", None)
        if first is None:
            line = pg.mkPen(item.opts["pen"]) if item.opts.get("pen") is not None else None
            brush = item.opts.get("symbolBrush")
            marks = pg.mkBrush(brush) if brush is not None else None
            first = (line, marks)
            item._cx_colours = first
        line, marks = first
        if line is not None and line.style() != Qt.PenStyle.NoPen:
            drawn = pg.QtGui.QPen(line)
            drawn.setColor(series_colour(line.color(), palette))
            item.setPen(drawn)
        if marks is not None and marks.style() != Qt.BrushStyle.NoBrush:
            item.setSymbolBrush(pg.mkBrush(series_colour(marks.color(), palette)))


def style_legend(legend: pg.LegendItem, palette: QPalette) -> None:
    legend.setLabelTextColor(text_colour(palette))
    legend.setPen(pg.mkPen(None))
    legend.setBrush(pg.mkBrush(None))
    for _sample, label in legend.items:
        label.setText(label.text, color=text_colour(palette))


def style_view(view: pg.GraphicsLayoutWidget, palette: QPalette) -> None:
    view.setBackground(palette.color(QPalette.ColorRole.Base))


def placeholder(plot: pg.PlotItem, text: str) -> pg.TextItem:
    """A centred note shown in a plot that has nothing to draw (hidden by default)."""
    item = pg.TextItem(text, anchor=(0.5, 0.5))
    item.setVisible(False)
    plot.addItem(item, ignoreBounds=True)
    return item


def centre_placeholder(plot: pg.PlotItem, item: pg.TextItem, palette: QPalette) -> None:
    (x0, x1), (y0, y1) = plot.viewRange()
    item.setColor(text_colour(palette))
    item.setPos((x0 + x1) / 2, (y0 + y1) / 2)


def finite(values: Iterable[float | None]) -> np.ndarray:
    """Values as floats, ``None`` as NaN (pyqtgraph leaves a gap there with connect='finite')."""
    return np.array([np.nan if v is None else float(v) for v in values], dtype=np.float64)


def plot_series(item: pg.PlotDataItem, x: np.ndarray, y: np.ndarray) -> None:
    """Draw ``y`` over ``x``, NaN as a gap; a series with no value at all is drawn as
    nothing (pyqtgraph cannot take the bounds of an all-NaN series, and warns mid-paint)."""
    if np.isfinite(y).any():
        item.setData(x, y)
    else:
        item.setData([], [])


def nearest(xs: np.ndarray, x: float) -> int | None:
    """Index of the value in the sorted ``xs`` closest to ``x``; ``None`` when empty."""
    if not len(xs):
        return None
    i = int(np.searchsorted(xs, x))
    if i <= 0:
        return 0
    if i >= len(xs):
        return len(xs) - 1
    return i if abs(xs[i] - x) < abs(x - xs[i - 1]) else i - 1


def number_text(value: float, places: int = 1) -> str:
    """A figure as shown in readouts, with a true minus sign."""
    return f"{value:.{places}f}".replace("-", "\N{MINUS SIGN}")


def cache_plot(plot: pg.PlotItem) -> None:
    """Keep each axis and data line of ``plot`` as a pixmap until it changes.

    A repaint that changes nothing in them (switching back to the page, the hover
    cursor moving) then blits instead of drawing every grid line and every line:
    on ten years of data this takes a full repaint from ~45 ms to under 10 ms. Zooming
    or new data invalidate the pixmaps as usual. Markers are not cached: a cached
    marker pixmap kept the markers where they were before the vertical range changed
    with a range switch (dots beside their lines), and a few dozen markers draw fast.
    """
    mode = QGraphicsItem.CacheMode.DeviceCoordinateCache
    for name in ("left", "bottom"):
        plot.getAxis(name).setCacheMode(mode)
    for item in plot.listDataItems():
        curve = getattr(item, "curve", None)
        if curve is not None:
            curve.setCacheMode(mode)
