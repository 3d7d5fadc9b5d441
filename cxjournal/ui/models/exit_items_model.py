"""The exit-plan checklist: done, step, due date. Edits go through a commit callback."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from cxjournal.domain.model import ExitItem
from cxjournal.domain.wording import short_date
from cxjournal.qt.core import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from cxjournal.qt.gui import QFont
from cxjournal.ui.plain_text import as_written

DONE, STEP, DUE = range(3)
HEADERS = ("Done", "Step", "Due")

Index = QModelIndex | QPersistentModelIndex
#: Saves a changed item and returns it as stored, or None when the journal refused it
#: (the commit has said why); the row then keeps what the journal holds.
Commit = Callable[[ExitItem], ExitItem | None]


class ExitItemsModel(QAbstractTableModel):
    """Thin model over the checklist. Without ``commit`` it edits only its own copy."""

    def __init__(self, commit: Commit | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._items: list[ExitItem] = []
        self._commit = commit
        self.today = dt.date.today()

    def set_items(self, items: tuple[ExitItem, ...] | list[ExitItem]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.today = dt.date.today()
        self.endResetModel()

    def item(self, row: int) -> ExitItem:
        return self._items[row]

    def row_of(self, item_id: int | None) -> int:
        for row, item in enumerate(self._items):
            if item.id == item_id:
                return row
        return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return HEADERS[section] if 0 <= section < len(HEADERS) else None
        return str(section + 1)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == DONE:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    def is_overdue(self, item: ExitItem) -> bool:
        return item.due is not None and not item.done and item.due < self.today

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == DONE:
            return Qt.CheckState.Checked if item.done else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            if column == STEP:
                return item.text
            if column == DUE:
                if item.due is None:
                    return ""
                text = short_date(item.due)
                return f"{text} (overdue)" if self.is_overdue(item) else text
            return None
        if role == Qt.ItemDataRole.EditRole:
            if column == STEP:
                return item.text
            if column == DUE:
                due = item.due or self.today
                return QDate(due.year, due.month, due.day)
            if column == DONE:
                return item.done
        if role == Qt.ItemDataRole.FontRole and column == DUE and self.is_overdue(item):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == DONE:
                return "Ticked off" if item.done else "Not done yet: Space ticks it off"
            if column == DUE:
                return "Double-click or F2 to set a due date" if item.due is None else None
            return as_written(item.text, wrap=False)
        if role == Qt.ItemDataRole.AccessibleTextRole and column == DONE:
            return "done" if item.done else "not done"
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return False
        item = self._items[index.row()]
        column = index.column()
        if column == DONE and role == Qt.ItemDataRole.CheckStateRole:
            checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2, True)
            changed = replace(item, done=checked)
        elif column == STEP and role == Qt.ItemDataRole.EditRole:
            text = str(value).strip()
            if not text or text == item.text:
                return False
            changed = replace(item, text=text)
        elif column == DUE and role == Qt.ItemDataRole.EditRole:
            due = _to_date(value)
            if due == item.due:
                return False
            changed = replace(item, due=due)
        else:
            return False
        return self.replace_item(index.row(), changed)

    def replace_item(self, row: int, changed: ExitItem) -> bool:
        """Store ``changed`` (through ``commit`` when given) and redraw its row."""
        if self._commit is not None:
            saved = self._commit(changed)
            if saved is None:
                return False
            changed = saved
        self._items[row] = changed
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(HEADERS) - 1))
        return True


def _to_date(value: Any) -> dt.date | None:
    if isinstance(value, QDate):
        if not value.isValid():
            return None
        return dt.date(value.year(), value.month(), value.day())
    if isinstance(value, dt.date):
        return value
    return None
