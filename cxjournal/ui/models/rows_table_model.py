"""The part every flat table model here shares: a list of rows and fixed column headers."""

from __future__ import annotations

from typing import Any, ClassVar

from cxjournal.qt.core import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex


class RowsTableModel(QAbstractTableModel):
    """A table of ``self._rows`` with ``HEADERS`` (and optional ``TOOLTIPS``) as columns.

    Subclasses fill ``self._rows`` and answer ``data``; ``TOOLTIPS`` may be shorter
    than ``HEADERS`` or hold empty strings for columns without one.
    """

    HEADERS: ClassVar[tuple[str, ...]] = ()
    TOOLTIPS: ClassVar[tuple[str, ...]] = ()
    _rows: list[Any]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        if role == Qt.ItemDataRole.ToolTipRole and section < len(self.TOOLTIPS):
            return self.TOOLTIPS[section] or None
        return None
