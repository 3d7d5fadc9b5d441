"""Table columns that step aside in a narrow table instead of sliding out of sight.

A list names the columns that may give way, least needed first; while the
table is too narrow for every column at its width, they hide one by one, and
come back as it widens. The columns that matter (a name, what is due) stay in
view on a 1024-pixel screen without scrolling sideways.
"""

from __future__ import annotations

from collections.abc import Sequence

from cxjournal.qt.core import QEvent, QObject
from cxjournal.qt.widgets import QTableView


class ColumnFitter(QObject):
    """``stretch_room``: what a stretched column keeps before another column gives way."""

    def __init__(self, table: QTableView, give_way: Sequence[int], stretch_room: int = 0) -> None:
        super().__init__(table)
        self.table = table
        self.give_way = list(give_way)
        self.stretch_room = stretch_room
        table.viewport().installEventFilter(self)
        model = table.model()
        if model is not None:
            model.modelReset.connect(self.fit)
            model.layoutChanged.connect(self.fit)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self.fit()
        return False

    def fit(self) -> None:
        header = self.table.horizontalHeader()
        model = self.table.model()
        if model is None:
            return
        room = self.table.viewport().width()
        for column in self.give_way:
            header.setSectionHidden(column, False)
        stretched = header.count() - 1 if header.stretchLastSection() else -1

        def needed() -> int:
            total = self.stretch_room
            for column in range(model.columnCount()):
                if header.isSectionHidden(column):
                    continue
                stretch = header.sectionResizeMode(column) == header.ResizeMode.Stretch
                if column == stretched or stretch:
                    total += header.minimumSectionSize()
                else:
                    total += header.sectionSize(column)
            return total

        for column in self.give_way:
            if needed() <= room:
                break
            header.setSectionHidden(column, True)


def fit_columns(table: QTableView, give_way: Sequence[int], stretch_room: int = 0) -> ColumnFitter:
    """Let ``give_way`` (least needed first) hide while ``table`` is too narrow."""
    return ColumnFitter(table, give_way, stretch_room)
