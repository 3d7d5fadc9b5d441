"""A table whose rows come from the journal a page at a time, sorted in the journal.

The Journal's notes and the check-in history are both long lists: they load the
first page, fetch the next as the view scrolls, and sort by a column by asking the
journal again (every row, not only those loaded).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar, Generic, TypeVar

from cxjournal.qt.core import QModelIndex, QPersistentModelIndex, Qt
from cxjournal.ui.models.rows_table_model import RowsTableModel

Row = TypeVar("Row")
Index = QModelIndex | QPersistentModelIndex
#: ``fetch(offset, limit, order, descending)``: a page of rows in that order.
Fetch = Callable[[int, int, str, bool], list[Row]]

#: Rows loaded per page.
PAGE_SIZE = 200


class PagedRowsModel(RowsTableModel, Generic[Row]):
    """Rows from ``fetch``; ``ORDERS[column]`` names the journal's order for a column."""

    ORDERS: ClassVar[Sequence[str]] = ()
    PAGE_SIZE: ClassVar[int] = PAGE_SIZE

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []
        self._total = 0
        self._fetch: Fetch[Row] = lambda _offset, _limit, _order, _descending: []
        #: the column sorted by and whether from the highest (newest) down
        self.sorted_by: tuple[int, bool] = (0, True)

    def _start(self, fetch: Fetch[Row], total: int) -> None:
        """Start again from the first row in the order shown (inside a model reset)."""
        self._fetch = fetch
        self._total = total
        self._rows = self._page(0) if total else []
        self._total = max(total, len(self._rows))

    def _page(self, offset: int) -> list[Row]:
        column, descending = self.sorted_by
        return self._fetch(offset, self.PAGE_SIZE, self.ORDERS[column], descending)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column, in the journal (every row, not only those loaded)."""
        if not 0 <= column < len(self.ORDERS):
            return
        wanted = (column, order == Qt.SortOrder.DescendingOrder)
        if wanted == self.sorted_by:
            return
        self.beginResetModel()
        self.sorted_by = wanted
        self._rows = self._page(0) if self._total else []
        self.endResetModel()

    def loaded(self) -> int:
        return len(self._rows)

    def load_until(self, row: int) -> None:
        """Load pages until ``row`` is loaded (or everything is)."""
        while row >= len(self._rows) and self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid():
            return
        more = self._page(len(self._rows))
        if not more:
            self._total = len(self._rows)  # fewer than expected: the journal changed
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()
