"""People rated in two audits: how each one's dependences moved."""

from __future__ import annotations

from typing import Any

from cxjournal.domain.audit_compare import ContactChange
from cxjournal.domain.power_audit import kind_label
from cxjournal.domain.wording import measure
from cxjournal.qt.core import QModelIndex, QPersistentModelIndex, Qt
from cxjournal.qt.gui import QGuiApplication
from cxjournal.ui.audit_wording import score, signed, two_lines
from cxjournal.ui.models.rows_table_model import RowsTableModel
from cxjournal.ui.theme import move_colour

PERSON, ON_THEM, ON_THEM_DELTA, ON_ME, ON_ME_DELTA, KIND = range(6)
HEADERS = (
    "Person",
    two_lines(measure("dependence_on_them")),
    "Change",
    two_lines(measure("their_dependence_on_me")),
    "Change",
    "Kind",
)
HEADER_TIPS = (
    "",
    "How much you depend on them, before → now",
    "Change in how much you depend on them",
    "How much they depend on you, before → now",
    "Change in how much they depend on you",
    "The shape of the relationship, before → now",
)

Index = QModelIndex | QPersistentModelIndex


class ComparisonModel(RowsTableModel):
    HEADERS = HEADERS
    TOOLTIPS = HEADER_TIPS

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[ContactChange] = []

    def set_changes(self, changes: tuple[ContactChange, ...] | list[ContactChange]) -> None:
        self.beginResetModel()
        self._rows = list(changes)
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        c = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == PERSON:
                return c.person.name
            if column == ON_THEM:
                return f"{score(c.dependence_on_them_before)} → {score(c.dependence_on_them_after)}"
            if column == ON_THEM_DELTA:
                return signed(c.dependence_on_them_delta)
            if column == ON_ME:
                before, after = c.their_dependence_on_me_before, c.their_dependence_on_me_after
                return f"{score(before)} → {score(after)}"
            if column == ON_ME_DELTA:
                return signed(c.their_dependence_on_me_delta)
            if column == KIND:
                if c.kind_before == c.kind_after:
                    return kind_label(c.kind_after)
                return f"{kind_label(c.kind_before)} → {kind_label(c.kind_after)}"
        if role == Qt.ItemDataRole.ForegroundRole and column in (ON_THEM_DELTA, ON_ME_DELTA):
            # needing them more is a move for the worse; them needing you more, for the better
            if column == ON_THEM_DELTA:
                return move_colour(c.dependence_on_them_delta, False, QGuiApplication.palette())
            return move_colour(c.their_dependence_on_me_delta, True, QGuiApplication.palette())
        if role == Qt.ItemDataRole.ToolTipRole and column in (ON_THEM_DELTA, ON_ME_DELTA):
            change = (
                c.dependence_on_them_delta
                if column == ON_THEM_DELTA
                else c.their_dependence_on_me_delta
            )
            if change == 0:
                return "No change"
            better = (change > 0) == (column == ON_ME_DELTA)
            return "A move for the better" if better else "A move for the worse"
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            ON_THEM,
            ON_THEM_DELTA,
            ON_ME,
            ON_ME_DELTA,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
