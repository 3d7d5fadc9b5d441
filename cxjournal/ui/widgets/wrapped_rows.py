"""Rows as tall as their wrapped text, measured only when that height can change.

``QHeaderView.ResizeMode.ResizeToContents`` on a table's rows measures every row each
time the table lays itself out, which includes every time it is shown: a page with a
long list pays for it on each visit. :class:`WrappedRows` measures the rows instead
when what decides their height changes: the rows themselves (new, removed, changed or
re-sorted), the width of a column whose text wraps, or the table's font or style.
"""

from __future__ import annotations

from collections.abc import Iterable

from cxjournal.qt.core import QEvent, QObject, QTimer
from cxjournal.qt.widgets import QHeaderView, QTableView


class WrappedRows(QObject):
    """Keeps ``table``'s rows fitted to their contents; ``wrapping`` are the columns whose
    text wraps (a change of another column's width changes no row's height)."""

    def __init__(self, table: QTableView, wrapping: Iterable[int]) -> None:
        super().__init__(table)
        self._table = table
        self._wrapping = frozenset(wrapping)
        #: the rows changed while the table was hidden: measure them when it is shown
        self._pending = True
        #: how many times the rows were measured (every row each time)
        self.measured = 0
        self._settled = QTimer(self)
        self._settled.setSingleShot(True)
        self._settled.setInterval(0)
        self._settled.timeout.connect(self._measure_if_pending)
        table.setWordWrap(True)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.horizontalHeader().sectionResized.connect(self._column_resized)
        table.installEventFilter(self)
        model = table.model()
        for signal in (
            model.modelReset,
            model.layoutChanged,
            model.rowsInserted,
            model.rowsRemoved,
            model.dataChanged,
        ):
            signal.connect(self.rows_changed)

    def rows_changed(self) -> None:
        """Measures the rows now if the table shows, else when it is next shown."""
        if self._table.isVisible():
            self.measure()
        else:
            self._pending = True

    def measure(self) -> None:
        """Fits every row to its contents at the columns' present widths."""
        self._settled.stop()
        self._pending = False
        self.measured += 1
        self._table.resizeRowsToContents()

    def _column_resized(self, column: int, _old: int, _new: int) -> None:
        # the header still answers the old width while it tells of the new one, and a
        # window resize moves the stretching column several times: measure once, after
        if column in self._wrapping:
            self._pending = True
            self._settled.start()

    def _measure_if_pending(self) -> None:
        if self._pending and self._table.isVisible():
            self.measure()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Show and self._pending:
            self.measure()
        elif kind in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.rows_changed()
        return False
