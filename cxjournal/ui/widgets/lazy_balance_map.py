"""A stand-in that builds the balance map (and imports pyqtgraph) only when first shown."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from cxjournal.domain.power_audit import ContactScore
from cxjournal.domain.thresholds import Thresholds
from cxjournal.qt.core import Qt
from cxjournal.qt.gui import QShowEvent
from cxjournal.qt.widgets import QLabel, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from cxjournal.ui.charts.balance_map import BalanceMap


class LazyBalanceMap(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart: BalanceMap | None = None
        self._contacts: list[ContactScore] = []
        self._thresholds = Thresholds()
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.empty = QLabel("Rate at least one person to see them on the balance map.")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self._layout.addWidget(self.empty)

    def set_contacts(self, contacts: Sequence[ContactScore], thresholds: Thresholds) -> None:
        self._contacts = list(contacts)
        self._thresholds = thresholds
        self.empty.setVisible(not contacts)
        if self.chart is not None:
            self.chart.setVisible(bool(contacts))
            self.chart.set_contacts(self._contacts, thresholds)

    def ensure_chart(self) -> BalanceMap:
        if self.chart is None:
            from cxjournal.ui.charts.balance_map import BalanceMap

            self.chart = BalanceMap(self)
            self._layout.addWidget(self.chart, 1)
            self.chart.setVisible(bool(self._contacts))
            self.chart.set_contacts(self._contacts, self._thresholds)
        return self.chart

    def showEvent(self, event: QShowEvent) -> None:
        self.ensure_chart()
        super().showEvent(event)
