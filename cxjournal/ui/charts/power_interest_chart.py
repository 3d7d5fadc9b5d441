"""The power/interest grid: each person with both set as a point, interest across and
power up, in four named quadrants (the domain's ``grid``; high means 3 or more).

Names and quadrant captions are pyqtgraph ``TextItem``s given plain text, never
HTML. Imports pyqtgraph: import this module only when the chart is shown.
"""

from __future__ import annotations

from collections.abc import Sequence

import pyqtgraph as pg

from cxjournal.domain.model import POWER_MAX, POWER_MIN
from cxjournal.domain.program import GRID_HIGH, GridEntry
from cxjournal.domain.program_wording import QUADRANT_TITLES, Quadrant
from cxjournal.qt.core import QEvent, QRectF, Qt
from cxjournal.qt.gui import QColor, QPalette
from cxjournal.qt.widgets import QGraphicsRectItem, QVBoxLayout, QWidget
from cxjournal.ui.plain_text import as_written

#: The plot's extent: room right of the highest interest for names, above the highest
#: power for the captions, so neither covers a point.
LOW = POWER_MIN - 0.5
X_HIGH, Y_LOW, Y_HIGH = POWER_MAX + 1.3, POWER_MIN - 0.6, POWER_MAX + 0.9
SPLIT = GRID_HIGH - 0.5
#: Names written beside one spot; more are counted.
MAX_NAMES = 3

#: quadrant: (x from, x to, y from, y to) in interest, power
AREAS: dict[Quadrant, tuple[float, float, float, float]] = {
    Quadrant.MANAGE_CLOSELY: (SPLIT, X_HIGH, SPLIT, Y_HIGH),
    Quadrant.KEEP_SATISFIED: (LOW, SPLIT, SPLIT, Y_HIGH),
    Quadrant.KEEP_INFORMED: (SPLIT, X_HIGH, Y_LOW, SPLIT),
    Quadrant.MONITOR: (LOW, SPLIT, Y_LOW, SPLIT),
}
#: where each caption sits (a corner of its area) and its anchor
CAPTIONS: dict[Quadrant, tuple[float, float, tuple[float, float]]] = {
    Quadrant.MANAGE_CLOSELY: (X_HIGH, Y_HIGH, (1.0, 0.0)),
    Quadrant.KEEP_SATISFIED: (LOW, Y_HIGH, (0.0, 0.0)),
    Quadrant.KEEP_INFORMED: (X_HIGH, Y_LOW, (1.0, 1.0)),
    Quadrant.MONITOR: (LOW, Y_LOW, (0.0, 1.0)),
}


class PowerInterestChart(QWidget):
    def __init__(self, parent: QWidget | None = None, in_steps: bool = False) -> None:
        """With ``in_steps``, only the plot: :meth:`finish` then adds the quadrants, their
        captions and the points' item (a hidden page built a little at a time, so the
        window never freezes for it; drawing people finishes it too)."""
        super().__init__(parent)
        self.setAccessibleName("Power and interest grid")
        self.setAccessibleDescription(
            "Each person as a point: across, their interest in the program; up, their power "
            "over it. The four quadrants say how closely to manage them."
        )
        self.setMinimumSize(300, 260)
        self.plot = pg.PlotWidget(self)
        self.plot.setAccessibleName("Power and interest chart")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)
        item = self.plot.getPlotItem()
        for side in ("bottom", "left"):
            item.getAxis(side).setTicks([[(v, str(v)) for v in range(POWER_MIN, POWER_MAX + 1)]])
        item.setMouseEnabled(x=False, y=False)
        item.hideButtons()
        item.getViewBox().setRange(xRange=(LOW, X_HIGH), yRange=(Y_LOW, Y_HIGH), padding=0.0)
        self.name_labels: list[pg.TextItem] = []
        self.entries: list[GridEntry] = []
        self._drawn = False  # entries set once at least
        self.areas: dict[Quadrant, QGraphicsRectItem] = {}
        self.captions: dict[Quadrant, pg.TextItem] = {}
        self.lines: list[pg.InfiniteLine] = []
        self.scatter: pg.ScatterPlotItem | None = None
        self._style_plot()
        if not in_steps:
            self.finish()

    def _colours(self) -> tuple[QColor, QColor, QColor, QColor]:
        """The palette's text, muted text, accent and background."""
        palette = self.palette()
        return (
            palette.color(QPalette.ColorRole.WindowText),
            palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText),
            palette.color(QPalette.ColorRole.Highlight),
            palette.color(QPalette.ColorRole.Base),
        )

    def _style_plot(self) -> None:
        """The background, the axes and their titles in the palette's colours."""
        text, muted, _accent, base = self._colours()
        self.plot.setBackground(base)
        item = self.plot.getPlotItem()
        item.setLabel("bottom", "Interest in the program", color=text.name())
        item.setLabel("left", "Power over it", color=text.name())
        for side in ("bottom", "left"):
            axis = item.getAxis(side)
            axis.setPen(pg.mkPen(muted))
            axis.setTextPen(pg.mkPen(text))

    def _style_items(self) -> None:
        """The quadrants, the dividing lines, the captions, the points and the names in the
        palette's colours."""
        text, muted, accent, base = self._colours()
        for quadrant, area in self.areas.items():
            fill = QColor(accent)
            fill.setAlpha(38 if quadrant is Quadrant.MANAGE_CLOSELY else 14)
            area.setBrush(fill)
        for line in self.lines:
            line.setPen(pg.mkPen(muted, width=1, style=Qt.PenStyle.DashLine))
        for caption in self.captions.values():
            caption.setColor(muted)
        if self.scatter is not None:
            self.scatter.setPen(pg.mkPen(base, width=1.5))
            self.scatter.setBrush(pg.mkBrush(accent))
        for label in self.name_labels:
            label.setColor(text)

    def apply_palette(self) -> None:
        self._style_plot()
        self._style_items()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:  # the theme changed: drawn again
            self.apply_palette()
        super().changeEvent(event)

    def finish(self) -> None:
        """The quadrants, their captions and the points' item, once."""
        if self.areas:
            return
        item = self.plot.getPlotItem()
        for quadrant, (x0, x1, y0, y1) in AREAS.items():
            area = QGraphicsRectItem(QRectF(x0, y0, x1 - x0, y1 - y0))
            area.setPen(pg.mkPen(None))
            area.setZValue(-20)
            item.addItem(area)
            self.areas[quadrant] = area
        self.lines = [pg.InfiniteLine(SPLIT, angle=90), pg.InfiniteLine(SPLIT, angle=0)]
        for line in self.lines:
            item.addItem(line)
        for quadrant, (x, y, anchor) in CAPTIONS.items():
            caption = pg.TextItem(QUADRANT_TITLES[quadrant], anchor=anchor)
            caption.setPos(x, y)
            caption.setZValue(-5)
            item.addItem(caption)
            self.captions[quadrant] = caption
        self.scatter = pg.ScatterPlotItem(size=12, hoverable=True, hoverSize=15, tip=None)
        item.addItem(self.scatter)
        self._style_items()

    def set_entries(self, entries: Sequence[GridEntry]) -> None:
        """Draw ``entries``: one point per spot, sized by how many sit there, named beside it
        (the same entries again leave the chart as it is)."""
        self.finish()
        if self._drawn and list(entries) == self.entries:
            return
        self._drawn = True
        self.entries = list(entries)
        scatter = self.scatter
        assert scatter is not None  # made by finish()
        text = self._colours()[0]
        item = self.plot.getPlotItem()
        for label in self.name_labels:
            item.removeItem(label)
        self.name_labels = []
        cells: dict[tuple[int, int], list[str]] = {}
        for entry in self.entries:
            cells.setdefault((entry.interest, entry.power), []).append(entry.person.name)
        spots = []
        for (interest, power), names in sorted(cells.items()):
            spots.append({"pos": (interest, power), "size": 9 + 3 * min(len(names), 6)})
            shown = names[:MAX_NAMES]
            if len(names) > MAX_NAMES:
                shown.append(f"+{len(names) - MAX_NAMES} more")
            label = pg.TextItem("\n".join(shown), color=text, anchor=(0.0, 0.5))
            label.setPos(interest + 0.1, power)
            item.addItem(label)
            self.name_labels.append(label)
        scatter.setData(spots)
        self.setToolTip(
            as_written(
                "\n".join(
                    f"{e.person.name}: power {e.power}, interest {e.interest} "
                    f"({QUADRANT_TITLES[e.quadrant].lower()})"
                    for e in self.entries
                ),
                wrap=False,
            )
        )

    def label_texts(self) -> list[str]:
        return [label.textItem.toPlainText() for label in self.name_labels]
