"""The network picture of an audit: me in the middle, the rated people around me,
clusters apart, ties as lines, names as plain-text labels.

Positions come from :func:`cxjournal.domain.network_layout.ring_positions` (the PDF
report draws the same picture). People in a cluster of two or more share a
colour; people who know no one else in the list are drawn muted.

Imports pyqtgraph: import this module only when the view is shown.
"""

from __future__ import annotations

from typing import Any

import pyqtgraph as pg

from cxjournal.domain.model import Audit
from cxjournal.domain.network import NetworkFigures
from cxjournal.domain.network_layout import label_anchor, ring_positions
from cxjournal.qt.gui import QColor, QFontMetricsF, QPalette
from cxjournal.qt.widgets import QVBoxLayout, QWidget
from cxjournal.ui.charts.chart_theme import PERSON_COLOURS
from cxjournal.ui.plain_text import as_written

ME_LABEL = "Me"
#: How far out from me a name is pinned, in ring radii (just beyond its node).
LABEL_OUT = 1.08
#: Below this ring radius (pixels) the labels show first names only.
MIN_RADIUS = 70.0


def short_name(name: str) -> str:
    """A label for a narrow picture: the first name and the last name's initial."""
    words = name.split()
    if len(words) < 2:
        return name
    return f"{words[0]} {words[-1][0]}."


#: Room around the ring for the names, in ring radii, until the widget has a size.
MARGIN = 0.75


class NetworkChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Network picture")
        self.setAccessibleDescription(
            "You in the middle and each rated person around you; a line between two "
            "people means they know each other. Groups who know each other sit together."
        )
        palette = self.palette()
        self._text = palette.color(QPalette.ColorRole.WindowText)
        self._muted = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
        self._base = palette.color(QPalette.ColorRole.Base)
        self._accent = palette.color(QPalette.ColorRole.Highlight)
        self.setMinimumSize(240, 220)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.plot = pg.PlotWidget(self, background=self._base)
        self.plot.setAccessibleName("Network chart")
        layout.addWidget(self.plot)
        item = self.plot.getPlotItem()
        item.hideAxis("bottom")
        item.hideAxis("left")
        item.setMouseEnabled(x=False, y=False)
        item.hideButtons()
        view = item.getViewBox()
        view.setAspectLocked(True)
        view.setRange(
            xRange=(-1 - MARGIN, 1 + MARGIN), yRange=(-1 - MARGIN / 2, 1 + MARGIN / 2), padding=0
        )
        view.sigResized.connect(self._fit)
        spoke = QColor(self._muted)
        spoke.setAlpha(90)
        self.spokes = pg.PlotDataItem(pen=pg.mkPen(spoke, width=1), connect="pairs")
        self.tie_lines = pg.PlotDataItem(pen=pg.mkPen(self._text, width=1.6), connect="pairs")
        item.addItem(self.spokes)
        item.addItem(self.tie_lines)
        self.nodes = pg.ScatterPlotItem(
            size=14,
            pen=pg.mkPen(self._base, width=1.5),
            hoverable=True,
            hoverSize=17,
            tip=self.tip_text,
        )
        self.nodes.setZValue(5)
        item.addItem(self.nodes)
        self.me = pg.ScatterPlotItem(
            [0.0], [0.0], size=20, symbol="s", brush=pg.mkBrush(self._accent),
            pen=pg.mkPen(self._base, width=1.5),
        )  # fmt: skip
        self.me.setZValue(6)
        item.addItem(self.me)
        self.me_label = pg.TextItem(ME_LABEL, color=self._text, anchor=(0.5, -0.35))
        self.me_label.setZValue(7)
        item.addItem(self.me_label)
        self.name_labels: list[pg.TextItem] = []
        self._audit: Audit | None = None
        self._figures: NetworkFigures | None = None
        self._positions: list[tuple[float, float]] = []
        self._names: list[str] = []

    # -- content ----------------------------------------------------------------------------

    def set_network(self, audit: Audit | None, figures: NetworkFigures | None) -> None:
        """Draw ``audit``'s people and ties; without figures, the people only."""
        self._audit, self._figures = audit, figures
        item = self.plot.getPlotItem()
        for label in self.name_labels:
            item.removeItem(label)
        self.name_labels = []
        ratings = audit.ratings if audit is not None else ()
        self._names = [r.person.name for r in ratings]
        count = len(ratings)
        clusters = figures.clusters if figures is not None else tuple((i,) for i in range(count))
        self._positions = ring_positions(clusters, count)
        colour_of: dict[int, QColor] = {}
        colours = iter(PERSON_COLOURS)
        for group in clusters:
            colour = QColor(next(colours, "#6b7c93")) if len(group) > 1 else self._muted
            for index in group:
                colour_of[index] = colour
        xs = [p[0] for p in self._positions]
        ys = [p[1] for p in self._positions]
        self.nodes.setData(
            x=xs,
            y=ys,
            data=list(range(count)),
            brush=[pg.mkBrush(colour_of.get(i, self._muted)) for i in range(count)],
        )
        spoke_x: list[float] = []
        spoke_y: list[float] = []
        for x, y in self._positions:
            spoke_x += [0.0, x]
            spoke_y += [0.0, y]
        self.spokes.setData(spoke_x, spoke_y)
        tie_x: list[float] = []
        tie_y: list[float] = []
        for a, b in audit.ties if audit is not None and figures is not None else ():
            tie_x += [xs[a], xs[b]]
            tie_y += [ys[a], ys[b]]
        self.tie_lines.setData(tie_x, tie_y)
        for index, rating in enumerate(ratings):
            x, y = self._positions[index]
            label = pg.TextItem(color=self._text, anchor=label_anchor(x, y))
            label.setPlainText(rating.person.name)  # names are data, never markup
            label.setPos(x * LABEL_OUT, y * LABEL_OUT)
            label.setZValue(8)
            item.addItem(label)
            self.name_labels.append(label)
        self._fit()

    def _fit(self, *_args: Any) -> None:
        """Make the ring as large as the widget allows with every name inside it."""
        view = self.plot.getPlotItem().getViewBox()
        width, height = float(view.width()), float(view.height())
        if width <= 0 or height <= 0:
            return
        metrics = QFontMetricsF(self.font())
        line = metrics.height() + 8  # a name above or below a node

        def radius_for(names: list[str]) -> float:
            """The largest ring on which every name, beside its node, stays inside."""
            best = min(width, height) / 2 - line
            for (x, y), name in zip(self._positions, names, strict=True):
                ax, ay = label_anchor(x, y)
                beside = metrics.horizontalAdvance(name) + 16
                out_x = beside if ax != 0.5 else beside / 2
                out_y = line if ay != 0.5 else line / 2
                if abs(x) > 1e-6:
                    best = min(best, (width / 2 - out_x) / (abs(x) * LABEL_OUT))
                if abs(y) > 1e-6:
                    best = min(best, (height / 2 - out_y) / (abs(y) * LABEL_OUT))
            return best

        full = self._names
        short = [short_name(name) for name in full]
        use_short = radius_for(full) < MIN_RADIUS and radius_for(short) > radius_for(full)
        for label, text in zip(self.name_labels, short if use_short else full, strict=True):
            if label.toPlainText() != text:
                label.setPlainText(text)
        radius = max(24.0, radius_for(short if use_short else full))
        half_x, half_y = width / (2 * radius), height / (2 * radius)
        view.setRange(xRange=(-half_x, half_x), yRange=(-half_y, half_y), padding=0)

    def positions(self) -> list[tuple[float, float]]:
        return list(self._positions)

    def tie_segments(self) -> int:
        xs, _ys = self.tie_lines.getData()
        return 0 if xs is None else len(xs) // 2

    def labels(self) -> list[str]:
        """The names as drawn (shortened in a narrow picture)."""
        return [label.toPlainText() for label in self.name_labels]

    def tip_text(self, x: float, y: float, data: Any) -> str:
        """The hover text of a person: whom of the others they know (shown as written)."""
        return as_written(self._tip(data))

    def _tip(self, data: Any) -> str:
        audit, figures = self._audit, self._figures
        if audit is None or not isinstance(data, int) or not 0 <= data < len(audit.ratings):
            return ""
        name = audit.ratings[data].person.name
        if figures is None:
            return f"{name}\nWho they know is not recorded yet"
        known = sorted(
            audit.ratings[b if a == data else a].person.name
            for a, b in audit.ties
            if data in (a, b)
        )
        if not known:
            return f"{name}\nKnows no one else here: you are their only link to the others"
        return f"{name}\nKnows {', '.join(known)}"
