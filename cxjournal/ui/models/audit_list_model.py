"""The audits list: date, number of people, alarm bells."""

from __future__ import annotations

from typing import Any

from cxjournal.domain.wording import alarm_titles, short_date
from cxjournal.journal.audits import AuditSummary
from cxjournal.qt.core import QModelIndex, QPersistentModelIndex, Qt
from cxjournal.ui.icons import icon
from cxjournal.ui.models.rows_table_model import RowsTableModel

DATE, PEOPLE, ALARMS = range(3)
HEADERS = ("Date", "People", "Alarm bells")

Index = QModelIndex | QPersistentModelIndex


class AuditListModel(RowsTableModel):
    """One row per audit, newest first, as ``AuditOps.summaries()`` returns them."""

    HEADERS = HEADERS

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[AuditSummary] = []
        self._titles: list[list[str]] = []

    def set_summaries(self, summaries: list[AuditSummary]) -> None:
        """Show ``summaries``; the same list as shown changes nothing (no reset: the view
        keeps its rows, their measured heights and the selection)."""
        rows = _sorted(list(summaries), *self.sorted_by)
        if rows == self._rows:
            return
        self.beginResetModel()
        self._rows = rows
        self._titles = [alarm_titles(s.alarm_codes) for s in self._rows]
        self.endResetModel()

    #: the column sorted by and whether from the highest (newest) down
    sorted_by: tuple[int, bool] = (DATE, True)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(HEADERS):
            return
        self.layoutAboutToBeChanged.emit()
        self.sorted_by = (column, order == Qt.SortOrder.DescendingOrder)
        self._rows = _sorted(self._rows, *self.sorted_by)
        self._titles = [alarm_titles(s.alarm_codes) for s in self._rows]
        self.layoutChanged.emit()

    def summary(self, row: int) -> AuditSummary:
        return self._rows[row]

    def row_of(self, audit_id: int) -> int:
        """The row showing ``audit_id``, or -1."""
        for row, summary in enumerate(self._rows):
            if summary.id == audit_id:
                return row
        return -1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        summary = self._rows[index.row()]
        column = index.column()
        titles = self._titles[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == DATE:
                return short_date(summary.taken_on)
            if column == PEOPLE:
                return str(summary.people)
            if column == ALARMS:
                return ", ".join(titles) if titles else "None"
        if role == Qt.ItemDataRole.DecorationRole and column == ALARMS and titles:
            return icon("alarm")
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == ALARMS:
                if not titles:
                    return "No alarm bell rings for this audit"
                return "Alarm bells: " + "; ".join(titles)
            if column == DATE:
                return summary.taken_on.isoformat()
        if role == Qt.ItemDataRole.AccessibleTextRole and column == ALARMS:
            return f"{len(titles)} alarm bells: {', '.join(titles)}" if titles else "no alarm bells"
        if role == Qt.ItemDataRole.TextAlignmentRole and column == PEOPLE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return summary.id
        return None


def _sorted(rows: list[AuditSummary], column: int, descending: bool) -> list[AuditSummary]:
    """The audits by date, number of people or number of alarm bells; newest first in ties."""
    newest = sorted(rows, key=lambda s: (s.taken_on, s.id or 0), reverse=True)
    if column == DATE:
        return newest if descending else newest[::-1]
    if column == PEOPLE:
        return sorted(newest, key=lambda s: s.people, reverse=descending)
    return sorted(newest, key=lambda s: len(s.alarm_codes), reverse=descending)
