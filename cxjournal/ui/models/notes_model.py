"""All notes as a table that loads page by page (newest first), for the Journal view."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from cxjournal.domain.list_orders import NOTE_ORDERS
from cxjournal.domain.model import Note, NoteKind
from cxjournal.journal.search import NOTE_KIND_LABELS
from cxjournal.qt.core import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from cxjournal.ui.models.people_model import ATTITUDE_LABELS
from cxjournal.ui.plain_text import as_written

KIND_LABELS = NOTE_KIND_LABELS

DATE, PERSON, KIND, ATTITUDE, TEXT, TAGS, FOLLOW_UPS = range(7)
HEADERS = ("Date", "About", "Kind", "Attitude", "Note", "Tags", "Follow-ups")
NOTE_ID_ROLE = Qt.ItemDataRole.UserRole + 2

#: Notes loaded per page.
PAGE_SIZE = 200

#: ``fetch(offset, limit, order, descending)``: a page of notes in that order.
Fetch = Callable[[int, int, str, bool], list[Note]]


def first_line(text: str, length: int = 140) -> str:
    line = " ".join(text.split())
    return line if len(line) <= length else line[: length - 1] + "…"


def follow_up_summary(note: Note) -> str:
    if not note.follow_ups:
        return ""
    open_count = sum(1 for f in note.follow_ups if not f.done)
    if open_count == 0:
        return f"{len(note.follow_ups)} done"
    return f"{open_count} open" + (
        f" of {len(note.follow_ups)}" if open_count != len(note.follow_ups) else ""
    )


class NotesModel(QAbstractTableModel):
    """Rows come from ``fetch(offset, limit)``; ``total`` says how many there are in all."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._notes: list[Note] = []
        self._total = 0
        self._fetch: Fetch = lambda _offset, _limit, _order, _descending: []
        self._names: dict[int, str] = {}
        #: the column sorted by and whether from the highest (newest) down
        self.sorted_by: tuple[int, bool] = (DATE, True)

    def reset(self, fetch: Fetch, total: int, names: dict[int, str]) -> None:
        self.beginResetModel()
        self._fetch = fetch
        self._total = total
        self._names = dict(names)
        self._notes = self._page(0) if total else []
        self.endResetModel()

    def _page(self, offset: int) -> list[Note]:
        column, descending = self.sorted_by
        return self._fetch(offset, PAGE_SIZE, NOTE_ORDERS[column], descending)

    @property
    def default_order(self) -> bool:
        """True in the journal's own order (newest first), where notes can be paged to."""
        return self.sorted_by == (DATE, True)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column, in the journal (every note, not only those loaded)."""
        if not 0 <= column < len(NOTE_ORDERS):
            return
        wanted = (column, order == Qt.SortOrder.DescendingOrder)
        if wanted == self.sorted_by:
            return
        self.beginResetModel()
        self.sorted_by = wanted
        self._notes = self._page(0) if self._total else []
        self.endResetModel()

    @property
    def total(self) -> int:
        return self._total

    def note(self, row: int) -> Note:
        return self._notes[row]

    def loaded(self) -> int:
        return len(self._notes)

    def row_of(self, note_id: int) -> int | None:
        for row, note in enumerate(self._notes):
            if note.id == note_id:
                return row
        return None

    def load_until(self, row: int) -> None:
        """Load pages until ``row`` is loaded (or everything is)."""
        while row >= len(self._notes) and self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())

    def person_name(self, person_id: int | None) -> str:
        if person_id is None:
            return ""
        return self._names.get(person_id, "")

    # -- Qt ----------------------------------------------------------------------

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> bool:
        return not parent.isValid() and len(self._notes) < self._total

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> None:
        if parent.isValid():
            return
        more = self._page(len(self._notes))
        if not more:
            self._total = len(self._notes)
            return
        first = len(self._notes)
        self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
        self._notes.extend(more)
        self.endInsertRows()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._notes)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(HEADERS)
        ):
            return HEADERS[section]
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._notes):
            return None
        note = self._notes[index.row()]
        column = index.column()
        if role == NOTE_ID_ROLE:
            return note.id
        if role == Qt.ItemDataRole.DisplayRole:
            if column == DATE:
                return note.on.isoformat()
            if column == PERSON:
                return self.person_name(note.person_id) or "—"
            if column == KIND:
                return KIND_LABELS[NoteKind(note.kind)]
            if column == ATTITUDE:
                return ATTITUDE_LABELS[note.attitude] if note.attitude else ""
            if column == TEXT:
                return first_line(note.text)
            if column == TAGS:
                return ", ".join(note.tags)
            return follow_up_summary(note)
        if role == Qt.ItemDataRole.ToolTipRole and column == TEXT and note.text:
            return as_written(note.text[:1000], wrap=False)
        if role == Qt.ItemDataRole.ToolTipRole and column == PERSON and note.person_id is None:
            return "A journal entry about no one"
        return None
