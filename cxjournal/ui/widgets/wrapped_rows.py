"""Rows as tall as their wrapped text, measured only when that height can change.

``QHeaderView.ResizeMode.ResizeToContents`` on a table's rows measures every row each
time the table lays itself out, which includes every time it is shown: a page with a
long list pays for it on each visit. :class:`WrappedRows` measures the rows instead
when what decides their height changes: the rows themselves (new, removed, changed or
re-sorted), the width of a column whose text wraps, or the table's font or style.

A long list has the rows a screen can show measured at once, the others once the table
has painted (and any that scrolling brings into view, as it does), so a page of 120
audits opens as fast as one of 40.
"""

from __future__ import annotations

from collections.abc import Iterable

from cxjournal.qt.core import QEvent, QObject, QTimer
from cxjournal.qt.widgets import QHeaderView, QTableView

#: How long after the table's first paint the rows not measured at once are; until then,
#: how often they look again whether it has painted, and how many times at most.
REST_MS = 50
REST_TRIES = 8


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
        #: the rows not measured yet since the last measure (they are, after the paint)
        self.unmeasured: list[int] = []
        self._painted = False
        self._tries = 0
        self._settled = QTimer(self)
        self._settled.setSingleShot(True)
        self._settled.setInterval(0)
        self._settled.timeout.connect(self._measure_if_pending)
        self._rest = QTimer(self)
        self._rest.setSingleShot(True)
        self._rest.setInterval(REST_MS)
        self._rest.timeout.connect(self.measure_rest)
        table.setWordWrap(True)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.horizontalHeader().sectionResized.connect(self._column_resized)
        table.verticalScrollBar().valueChanged.connect(self._scrolled)
        table.installEventFilter(self)
        table.viewport().installEventFilter(self)
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
        """Fits every row to its contents at the columns' present widths: the rows a screen
        can show now, the others once the table has painted."""
        self._settled.stop()
        self._pending = False
        self.measured += 1
        table = self._table
        rows = table.model().rowCount()
        top = max(0, table.rowAt(0))
        # as many rows as the window could show (the table's own height may not be its
        # final one yet, on its first show)
        room = max(table.viewport().height(), table.window().height())
        row, used = top, 0
        while row < rows and used < room:
            table.resizeRowToContents(row)
            used += table.rowHeight(row)
            row += 1
        self.unmeasured = [*range(top), *range(row, rows)]
        self._painted = False
        self._tries = 0
        if self.unmeasured:
            self._rest.start()
        else:
            self._rest.stop()

    def measure_rest(self) -> None:
        """Measures the rows not measured yet; while the table, shown, has not painted since
        the rows were measured, looks again a little later (a few times at most)."""
        if not self.unmeasured:
            return
        if self._table.isVisible() and not self._painted and self._tries < REST_TRIES:
            self._tries += 1
            self._rest.start()
            return
        rows = self._table.model().rowCount()
        for row in self.unmeasured:
            if row < rows:
                self._table.resizeRowToContents(row)
        self.unmeasured = []

    def _scrolled(self, _value: int) -> None:
        """Rows scrolled into view before the rest is measured are measured now."""
        if not self.unmeasured:
            return
        table = self._table
        first, last = table.rowAt(0), table.rowAt(table.viewport().height() - 1)
        if first < 0:
            return
        last = last if last >= 0 else table.model().rowCount() - 1
        shown = [row for row in self.unmeasured if first <= row <= last]
        for row in shown:
            table.resizeRowToContents(row)
        if shown:
            self.unmeasured = [row for row in self.unmeasured if not first <= row <= last]

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
        if watched is not self._table:
            if kind == QEvent.Type.Paint and not self._painted:
                self._painted = True
                if self.unmeasured:
                    self._rest.start()  # the rest a moment after this paint, in a later turn
            return False
        if kind == QEvent.Type.Show and self._pending:
            self.measure()
        elif kind in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.rows_changed()
        return False
