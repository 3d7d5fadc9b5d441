"""Per-person scores of an audit: dependence both ways, balance and kind."""

from __future__ import annotations

from typing import Any

from cxjournal.domain.power_audit import ContactScore, kind_label
from cxjournal.domain.wording import MEASURES, measure
from cxjournal.qt.core import QModelIndex, QPersistentModelIndex, Qt
from cxjournal.ui.audit_wording import score, signed, two_lines
from cxjournal.ui.models.rows_table_model import RowsTableModel
from cxjournal.ui.plain_text import as_written

PERSON, ON_THEM, ON_ME, BALANCE, KIND = range(5)
_COLUMNS = ("dependence_on_them", "their_dependence_on_me", "balance", "kind")
HEADERS = ("Person", *(two_lines(measure(key)) for key in _COLUMNS))
HEADER_TIPS = ("", *(MEASURES[key].explains for key in _COLUMNS))

Index = QModelIndex | QPersistentModelIndex


class ContactScoresModel(RowsTableModel):
    HEADERS = HEADERS
    TOOLTIPS = HEADER_TIPS

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[ContactScore] = []
        self._texts: list[tuple[str, ...]] = []

    def set_contacts(self, contacts: tuple[ContactScore, ...] | list[ContactScore]) -> None:
        self.beginResetModel()
        self._rows = list(contacts)
        self._texts = [
            (
                c.person.name,
                score(c.dependence_on_them),
                score(c.their_dependence_on_me),
                signed(c.balance),
                kind_label(c.kind),
            )
            for c in self._rows
        ]
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        contact = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._texts[index.row()][column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (ON_THEM, ON_ME, BALANCE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            r = contact.rating
            return as_written(
                f"{contact.person.name}: they give {r.value}, hard to replace "
                f"{r.irreplaceability}; you give {r.my_value}, hard to replace "
                f"{r.my_irreplaceability}",
                wrap=False,
            )
        return None
