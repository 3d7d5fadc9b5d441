"""All notes as a table that loads page by page (newest first), for the Journal view."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from cxjournal.domain.list_orders import NOTE_ORDERS
from cxjournal.domain.model import Note, NoteKind
from cxjournal.journal.search import NOTE_KIND_LABELS
from cxjournal.qt.core import QModelIndex, QPersistentModelIndex, Qt
from cxjournal.ui.models.paged_rows_model import PagedRowsModel
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


class NotesModel(PagedRowsModel[Note]):
    """Rows come from ``fetch(offset, limit, order, descending)``; ``total`` says how many
    there are in all."""

    HEADERS = HEADERS
    ORDERS = NOTE_ORDERS
    PAGE_SIZE = PAGE_SIZE

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._names: dict[int, str] = {}
        self.sorted_by = (DATE, True)

    def reset(self, fetch: Fetch, total: int, names: dict[int, str]) -> None:
        self.beginResetModel()
        self._names = dict(names)
        self._start(fetch, total)
        self.endResetModel()

    @property
    def default_order(self) -> bool:
        """True in the journal's own order (newest first), where notes can be paged to."""
        return self.sorted_by == (DATE, True)

    @property
    def total(self) -> int:
        return self._total

    def note(self, row: int) -> Note:
        return self._rows[row]

    def row_of(self, note_id: int) -> int | None:
        for row, note in enumerate(self._rows):
            if note.id == note_id:
                return row
        return None

    def person_name(self, person_id: int | None) -> str:
        if person_id is None:
            return ""
        return self._names.get(person_id, "")

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        note = self._rows[index.row()]
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
