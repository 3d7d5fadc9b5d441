"""A small chart of one person's two dependence figures across the power audits.

How much you depend on them and how much they depend on you (0-10 scale), one
point per audit that rated them, on a date axis. Pointing at the chart shows the
figures of the nearest audit. Imported lazily: it brings in pyqtgraph.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg

from cxjournal.domain.wording import short_date
from cxjournal.qt.core import QEvent, QPointF
from cxjournal.qt.widgets import QLabel, QVBoxLayout, QWidget
from cxjournal.ui.charts.chart_theme import (
    COLOURS,
    date_axis,
    dates_x,
    nearest,
    number_text,
    pen,
    plain_numbers,
    style_legend,
    style_plot,
    style_view,
)

ON_THEM = COLOURS["reliance"]
ON_ME = COLOURS["influence"]
HINT = "Point at the chart for the figures of each audit."


@dataclass(frozen=True, slots=True)
class DependencePoint:
    taken_on: dt.date
    dependence_on_them: float
    their_dependence_on_me: float


def readout_text(point: DependencePoint) -> str:
    return (
        f"{short_date(point.taken_on)}: you depend on them "
        f"{number_text(point.dependence_on_them)}, they depend on you "
        f"{number_text(point.their_dependence_on_me)}"
    )


class DependenceChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._points: list[DependencePoint] = []
        self._x = np.array([], dtype=np.float64)
        self.view = pg.GraphicsLayoutWidget()
        self.view.setMinimumHeight(150)
        self.view.setMaximumHeight(300)
        self.view.setAccessibleName("Dependence across audits")
        self.plot: pg.PlotItem = self.view.addPlot(
            axisItems={"bottom": date_axis()}, enableMenu=False
        )
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.setYRange(0, 10.5, padding=0)
        self.plot.setLabel("left", "0 to 10")
        plain_numbers(self.plot.getAxis("left"))
        # the legend in a row of its own under the plot: inside, it would cover the lines
        self.legend = pg.LegendItem(colCount=2, labelTextSize="9pt")
        self.view.addItem(self.legend, row=1, col=0)
        self.on_them = self.plot.plot(
            [],
            [],
            pen=pen(ON_THEM),
            symbol="o",
            symbolSize=6,
            symbolBrush=ON_THEM,
        )
        self.legend.addItem(self.on_them, "You depend on them")
        self.on_me = self.plot.plot(
            [],
            [],
            pen=pen(ON_ME, dashed=True),
            symbol="s",
            symbolSize=6,
            symbolBrush=ON_ME,
        )
        self.legend.addItem(self.on_me, "They depend on you")
        self.pointer_line = pg.InfiniteLine(angle=90, movable=False)
        self.pointer_line.setVisible(False)
        self.plot.addItem(self.pointer_line, ignoreBounds=True)
        self.readout = QLabel(HINT)
        self.readout.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.readout)
        self.view.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self.apply_palette()

    def apply_palette(self) -> None:
        palette = self.palette()
        style_view(self.view, palette)
        style_plot(self.plot, palette)
        style_legend(self.legend, palette)
        self.pointer_line.setPen(pen(palette.color(palette.ColorRole.Mid).name(), 1))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self.apply_palette()
        super().changeEvent(event)

    def set_points(self, points: Sequence[DependencePoint]) -> None:
        self._points = sorted(points, key=lambda p: p.taken_on)
        self._x = dates_x([p.taken_on for p in self._points])
        self.on_them.setData(self._x, [p.dependence_on_them for p in self._points])
        self.on_me.setData(self._x, [p.their_dependence_on_me for p in self._points])
        if len(self._x):
            pad = max(86400.0 * 20, (self._x[-1] - self._x[0]) * 0.06)
            self.plot.setXRange(self._x[0] - pad, self._x[-1] + pad, padding=0)
        self.readout.setText(HINT if self._points else "Not rated in any power audit yet.")

    def points(self) -> list[DependencePoint]:
        return list(self._points)

    def _on_mouse_moved(self, pos: QPointF) -> None:
        if self.plot.vb.sceneBoundingRect().contains(pos):
            self.hover_at(self.plot.vb.mapSceneToView(pos).x())

    def hover_at(self, x: float) -> str:
        index = nearest(self._x, x)
        if index is None:
            return self.readout.text()
        self.pointer_line.setPos(float(self._x[index]))
        self.pointer_line.setVisible(True)
        self.readout.setText(readout_text(self._points[index]))
        return self.readout.text()
