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
        self._cells: list[tuple[dict[int, Any], ...]] = []

    def set_summaries(self, summaries: list[AuditSummary]) -> None:
        """Show ``summaries``; the same list as shown changes nothing (no reset: the view
        keeps its rows, their measured heights and the selection)."""
        rows = _sorted(list(summaries), *self.sorted_by)
        if rows == self._rows:
            return
        self.beginResetModel()
        self._rows = rows
        self._work_out_cells()
        self.endResetModel()

    #: the column sorted by and whether from the highest (newest) down
    sorted_by: tuple[int, bool] = (DATE, True)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(HEADERS):
            return
        self.layoutAboutToBeChanged.emit()
        self.sorted_by = (column, order == Qt.SortOrder.DescendingOrder)
        self._rows = _sorted(self._rows, *self.sorted_by)
        self._work_out_cells()
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
        # a paint asks every shown cell for seven roles: answered from the cells worked out
        # when the list was set, not by walking the roles each time
        row = index.row()
        if not 0 <= row < len(self._cells):
            return None
        return self._cells[row][index.column()].get(role)

    def _work_out_cells(self) -> None:
        """Every row's answers by column and role, from ``self._rows`` as sorted."""
        self._cells = [_cells(summary, alarm_titles(summary.alarm_codes)) for summary in self._rows]


_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_ID = int(Qt.ItemDataRole.UserRole)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def _cells(summary: AuditSummary, titles: list[str]) -> tuple[dict[int, Any], ...]:
    """One audit's row: for each column, what it answers by role (no key: nothing)."""
    date = {
        _DISPLAY: short_date(summary.taken_on),
        _TOOLTIP: summary.taken_on.isoformat(),
        _ID: summary.id,
    }
    people = {_DISPLAY: str(summary.people), _ALIGNMENT: _RIGHT, _ID: summary.id}
    alarms: dict[int, Any] = {
        _DISPLAY: ", ".join(titles) if titles else "None",
        _TOOLTIP: "Alarm bells: " + "; ".join(titles)
        if titles
        else "No alarm bell rings for this audit",
        _ACCESSIBLE: f"{len(titles)} alarm bells: {', '.join(titles)}"
        if titles
        else "no alarm bells",
        _ID: summary.id,
    }
    if titles:
        alarms[_DECORATION] = icon("alarm")
    return date, people, alarms


def _sorted(rows: list[AuditSummary], column: int, descending: bool) -> list[AuditSummary]:
    """The audits by date, number of people or number of alarm bells; newest first in ties."""
    newest = sorted(rows, key=lambda s: (s.taken_on, s.id or 0), reverse=True)
    if column == DATE:
        return newest if descending else newest[::-1]
    if column == PEOPLE:
        return sorted(newest, key=lambda s: s.people, reverse=descending)
    return sorted(newest, key=lambda s: len(s.alarm_codes), reverse=descending)
