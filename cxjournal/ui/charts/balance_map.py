"""The balance map: each person of an audit as a point, x = your dependence on them,
y = their dependence on you. The diagonal is an even give-and-take; the regions
follow the thresholds that decide each relationship's kind.

Imports pyqtgraph: import this module only when the map is shown.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pyqtgraph as pg

from cxjournal.domain.power_audit import ContactKind, ContactScore, kind_label
from cxjournal.domain.thresholds import Thresholds
from cxjournal.exchange.snapshot_html import KIND_COLOURS
from cxjournal.qt.core import QEvent, QPointF, QRectF, Qt, QTimer
from cxjournal.qt.gui import QColor, QFontMetricsF, QPalette, QResizeEvent
from cxjournal.qt.widgets import QLabel, QWidget
from cxjournal.ui.audit_wording import score, signed
from cxjournal.ui.plain_text import as_written
from cxjournal.ui.theme import AA_GRAPHICS, readable_tint

AXIS_MAX = 10.0
X_LABEL = "Your dependence on them"
Y_LABEL = "Their dependence on you"

#: Where a name may sit around its point, in order of preference: beside it above or
#: below, centred above or below, then a line further out (pyqtgraph anchors: (0, 1)
#: puts the text's bottom-left corner on the point, (0.5, 2) centres it a line higher).
LABEL_ANCHORS: tuple[tuple[float, float], ...] = (
    (0.0, 1.0),
    (1.0, 1.0),
    (0.0, 0.0),
    (1.0, 0.0),
    (0.5, 1.15),
    (0.5, -0.15),
    (0.0, 2.0),
    (1.0, 2.0),
    (0.0, -1.0),
    (1.0, -1.0),
    (0.5, 2.1),
    (0.5, -1.1),
)

#: (name, position, anchor) of each region's caption, in the corner the region fills.
REGIONS: tuple[tuple[str, tuple[float, float], tuple[float, float]], ...] = (
    ("Deep", (AXIS_MAX, AXIS_MAX), (1.0, 0.0)),
    ("Transactional", (0.0, 0.0), (0.0, 1.0)),
    ("You lean on them", (AXIS_MAX, 0.0), (1.0, 1.0)),
    ("They lean on you", (0.0, AXIS_MAX), (0.0, 0.0)),
)


class BalanceMap(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Balance map")
        self.setAccessibleDescription(
            "Each person as a point: across, how much you depend on them; up, how much "
            "they depend on you. Points below the diagonal are people you need more than "
            "they need you."
        )
        palette = self.palette()
        self._text = palette.color(QPalette.ColorRole.WindowText)
        self._muted = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
        self._accent = palette.color(QPalette.ColorRole.Highlight)

        self.setMinimumSize(280, 280)
        # the plot is kept square (see resizeEvent), so the diagonal runs at 45 degrees
        self.plot = pg.PlotWidget(self, background=palette.color(QPalette.ColorRole.Base))
        self.plot.setAccessibleName("Balance map chart")
        item = self.plot.getPlotItem()
        item.setLabel("bottom", X_LABEL, color=self._text.name())
        item.setLabel("left", Y_LABEL, color=self._text.name())
        for side in ("bottom", "left"):
            axis = item.getAxis(side)
            axis.setPen(pg.mkPen(self._muted))
            axis.setTextPen(pg.mkPen(self._text))
        item.showGrid(x=True, y=True, alpha=0.12)
        item.setMouseEnabled(x=False, y=False)
        item.hideButtons()
        view = item.getViewBox()
        view.setRange(xRange=(0, AXIS_MAX), yRange=(0, AXIS_MAX), padding=0.04)
        self._placing = QTimer(self)
        self._placing.setSingleShot(True)
        self._placing.setInterval(0)
        self._placing.timeout.connect(self._place_labels)
        view.sigTransformChanged.connect(self._placing.start)
        view.sigResized.connect(self._placing.start)

        dashed = pg.mkPen(self._muted, width=1, style=Qt.PenStyle.DashLine)
        self.diagonal = pg.PlotDataItem([0, AXIS_MAX], [0, AXIS_MAX], pen=dashed)
        self.diagonal.setToolTip("Even give-and-take: you need them as much as they need you")
        item.addItem(self.diagonal)
        self.boundaries: list[pg.PlotDataItem] = []

        self.region_labels: list[pg.TextItem] = []
        for name, (x, y), anchor in REGIONS:
            label = pg.TextItem(name, color=self._muted, anchor=anchor)
            label.setPos(x, y)
            label.setZValue(-5)  # behind the people
            item.addItem(label)
            self.region_labels.append(label)

        self.scatter = pg.ScatterPlotItem(
            size=13,
            pen=pg.mkPen(palette.color(QPalette.ColorRole.Base), width=1.5),
            brush=pg.mkBrush(self._accent),
            hoverable=True,
            hoverSize=16,
            tip=self.tip_text,
        )
        item.addItem(self.scatter)
        self.name_labels: list[pg.TextItem] = []
        self._contacts: list[ContactScore] = []
        # what each colour means, under the map (inside it, it would cover points)
        self.legend = QLabel(self)
        self.legend.setObjectName("balance-map-legend")
        self.legend.setWordWrap(True)
        self.legend.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.legend.setAccessibleName("Colours of the balance map")
        self.legend.setText(self.legend_html())

    def kind_colour(self, kind: ContactKind) -> QColor:
        """The colour of ``kind`` (as in the exported snapshot), made to stand out against
        the chart's background in light and dark palettes."""
        base = self.palette().color(QPalette.ColorRole.Base)
        return readable_tint(QColor(KIND_COLOURS[kind]), base, AA_GRAPHICS)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self.legend.setText(self.legend_html())
            self.scatter.setBrush([pg.mkBrush(self.kind_colour(c.kind)) for c in self._contacts])
        super().changeEvent(event)

    def legend_html(self) -> str:
        return "&nbsp;&nbsp; ".join(
            f'<span style="color:{self.kind_colour(kind).name()}">●</span>&nbsp;{kind_label(kind)}'
            for kind in ContactKind
        )

    # -- content ----------------------------------------------------------------------------

    def set_contacts(self, contacts: Sequence[ContactScore], thresholds: Thresholds) -> None:
        """Draw ``contacts``, with region boundaries from ``thresholds``."""
        self._contacts = list(contacts)
        self._draw_boundaries(thresholds)
        self.scatter.setData(
            x=[c.dependence_on_them for c in contacts],
            y=[c.their_dependence_on_me for c in contacts],
            data=list(range(len(contacts))),
            brush=[pg.mkBrush(self.kind_colour(c.kind)) for c in contacts],
        )
        item = self.plot.getPlotItem()
        for label in self.name_labels:
            item.removeItem(label)
        self.name_labels = []
        # people on the same spot share one label
        spots: dict[tuple[float, float], list[str]] = {}
        for c in contacts:
            key = (c.dependence_on_them, c.their_dependence_on_me)
            spots.setdefault(key, []).append(c.person.name)
        for (x, y), names in spots.items():
            label = pg.TextItem(", ".join(names), color=self._text, anchor=(0.0, 1.0))
            label.setPos(x, y)
            label.setZValue(5)
            item.addItem(label)
            self.name_labels.append(label)
        self._place_labels()
        self._placing.start()  # again once the view has its final size

    def label_rects(self) -> list[QRectF]:
        """Where the name labels sit, in pixels of the plot area (for tests and placing)."""
        return [self._label_rect(label) for label in self.name_labels]

    def _label_rect(self, label: pg.TextItem) -> QRectF:
        rect = label.mapRectToDevice(label.boundingRect())
        return QRectF(rect) if rect is not None else QRectF()

    def _place_labels(self, *_args: Any) -> None:
        """Put each name beside its point where it covers no other name or point."""
        view = self.plot.getPlotItem().getViewBox()
        if view.width() <= 0 or view.height() <= 0:
            return
        points = [view.mapViewToDevice(QPointF(x, y)) for x, y in self.points()]
        markers = [(p, QRectF(p.x() - 7, p.y() - 7, 14, 14)) for p in points if p is not None]
        placed: list[QRectF] = []
        bounds = view.mapRectToDevice(view.boundingRect())
        metrics = QFontMetricsF(self.font())
        for label in self.name_labels:
            pos = view.mapViewToDevice(label.pos())
            if pos is None:
                continue
            width = metrics.horizontalAdvance(label.toPlainText()) + 8
            height = metrics.height() + 4
            # every other point is in the way; its own point is not
            others = [r for p, r in markers if (p - pos).manhattanLength() > 0.5]
            options: list[tuple[int, int, tuple[float, float], QRectF]] = []
            for order, anchor in enumerate(LABEL_ANCHORS):
                nudge = {0.0: 6.0, 1.0: -6.0}.get(anchor[0], 0.0)
                left = pos.x() - anchor[0] * width + nudge
                top = pos.y() - anchor[1] * height
                rect = QRectF(left, top, width, height)
                # covering another name is worst, then running off the chart, then a point
                cost = (
                    20 * sum(rect.intersects(r) for r in placed)
                    + 6 * sum(rect.intersects(r) for r in others)
                    + (0 if bounds.contains(rect) else 15)
                )
                options.append((cost, order, anchor, rect))
            _cost, _order, anchor, rect = min(options, key=lambda o: (o[0], o[1]))
            label.setAnchor(anchor)
            placed.append(rect)

    def resizeEvent(self, event: QResizeEvent) -> None:
        legend_height = self.legend.heightForWidth(self.width())
        room = max(0, self.height() - legend_height - 4)
        side = min(self.width(), room)
        top = (room - side) // 2
        self.plot.setGeometry((self.width() - side) // 2, top, side, side)
        self.legend.setGeometry(0, top + side + 4, self.width(), legend_height)
        super().resizeEvent(event)

    def contacts(self) -> list[ContactScore]:
        return list(self._contacts)

    def points(self) -> list[tuple[float, float]]:
        xs, ys = self.scatter.getData()
        return [(float(x), float(y)) for x, y in zip(xs, ys, strict=True)]

    def tip_text(self, x: float, y: float, data: Any) -> str:
        """The hover text of a point: who it is and both dependences."""
        if isinstance(data, int) and 0 <= data < len(self._contacts):
            c = self._contacts[data]
            return as_written(
                f"{c.person.name}\n"
                f"You depend on them: {score(c.dependence_on_them)}\n"
                f"They depend on you: {score(c.their_dependence_on_me)}\n"
                f"Balance: {signed(c.balance)} ({kind_label(c.kind)})",
                wrap=False,
            )
        return f"You depend on them: {score(x)}\nThey depend on you: {score(y)}"

    def _draw_boundaries(self, thresholds: Thresholds) -> None:
        item = self.plot.getPlotItem()
        for line in self.boundaries:
            item.removeItem(line)
        self.boundaries = []
        faint = QColor(self._muted)
        faint.setAlpha(140)
        pen = pg.mkPen(faint, width=1, style=Qt.PenStyle.DotLine)
        deep = float(thresholds.deep_min)
        low = float(thresholds.transactional_max)
        gap = float(thresholds.lean_gap)
        segments: list[tuple[list[float], list[float]]] = []
        if deep <= AXIS_MAX:
            segments.append(([deep, deep, AXIS_MAX], [AXIS_MAX, deep, deep]))
        if 0 < low <= AXIS_MAX:
            segments.append(([0, low, low], [low, low, 0]))
        if 0 < gap < AXIS_MAX:
            segments.append(([gap, AXIS_MAX], [0, AXIS_MAX - gap]))
            segments.append(([0, AXIS_MAX - gap], [gap, AXIS_MAX]))
        for xs, ys in segments:
            line = pg.PlotDataItem(xs, ys, pen=pen)
            item.addItem(line)
            self.boundaries.append(line)
