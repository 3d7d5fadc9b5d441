"""The proof point ledger as a table: date, title, plans, result, value, shared with."""

from __future__ import annotations

from typing import Any

from cxjournal.domain.model import ProofPoint
from cxjournal.domain.program_wording import (
    proof_plans_text,
    proof_result_text,
    proof_shared_text,
    proof_value_text,
)
from cxjournal.domain.wording import short_date
from cxjournal.qt.core import QModelIndex, QPersistentModelIndex, Qt
from cxjournal.ui.models.rows_table_model import RowsTableModel
from cxjournal.ui.plain_text import as_written

DATE, TITLE, PLANS, RESULT, VALUE, SHARED = range(6)
HEADERS = ("Date", "Proof point", "Plans", "Result", "Value", "Shared with")
TOOLTIPS = (
    "",
    "",
    "The plans this result came from",
    "Baseline → result, in the metric's unit",
    "What it is worth, when you put a figure on it",
    "Who has seen it, and when last",
)

Index = QModelIndex | QPersistentModelIndex


class ProofPointsModel(RowsTableModel):
    """One row per proof point, in the order given (the ledger shows newest first)."""

    HEADERS = HEADERS
    TOOLTIPS = TOOLTIPS

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[ProofPoint] = []

    def set_points(self, points: list[ProofPoint]) -> None:
        self.beginResetModel()
        self._rows = list(points)
        self.endResetModel()

    def point(self, row: int) -> ProofPoint:
        return self._rows[row]

    def row_of(self, point_id: int) -> int:
        for row, point in enumerate(self._rows):
            if point.id == point_id:
                return row
        return -1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        point = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.ToolTipRole:
            text = self._tooltip(point, column)
            return as_written(text, wrap=False) if text else None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(point, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == VALUE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return point.id
        return None

    @staticmethod
    def _display(point: ProofPoint, column: int) -> str:
        if column == DATE:
            return short_date(point.on)
        if column == TITLE:
            return " ".join(point.title.split())
        if column == PLANS:
            return proof_plans_text(point)
        if column == RESULT:
            return proof_result_text(point)
        if column == VALUE:
            return proof_value_text(point)
        return proof_shared_text(point, with_dates=False) or "Not shared yet"

    @staticmethod
    def _tooltip(point: ProofPoint, column: int) -> str:
        if column == TITLE:
            return point.story
        if column == RESULT:
            return point.metric
        if column == SHARED:
            return proof_shared_text(point)
        return ""
