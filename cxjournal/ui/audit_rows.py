"""The people of the audit form: their rating rows in order, added, removed and put back.

Each row keeps a stable slot number for its ties (who knows whom) while people come
and go. Removing someone takes them out at once, with no question in the way; the
bar under the rows says so and its Undo (or Ctrl+Z in the form) puts them back in the
same place, with their ratings and ties. Enter after a person's last rating goes on
to the next person's first rating, or to "Add person" after the last one.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from cxjournal.domain.model import MAX_RATINGS_PER_AUDIT, Person, Rating
from cxjournal.qt.core import QObject, Qt, Signal
from cxjournal.qt.widgets import QVBoxLayout
from cxjournal.ui.widgets.person_adder import PersonAdder, name_key
from cxjournal.ui.widgets.rating_row import RatingRow
from cxjournal.ui.widgets.ties_editor import TiesEditor
from cxjournal.ui.widgets.undo_bar import UndoBar


@dataclass(frozen=True)
class RemovedRow:
    """A person taken out of the form, with what it takes to put them back as they were."""

    at: int
    person: Person
    values: dict[str, int]
    slot: int
    ties: tuple[tuple[int, int], ...]


def person_key(person: Person) -> str:
    return f"id:{person.id}" if person.id is not None else f"name:{name_key(person.name)}"


class AuditRows(QObject):
    #: people were added, removed or put back
    people_changed = Signal()
    #: a rating in a row changed
    edited = Signal()
    #: a rating field has the focus (its name, for the guidance)
    field_focused = Signal(str)

    def __init__(
        self,
        layout: QVBoxLayout,
        adder: PersonAdder,
        ties: TiesEditor,
        undo_bar: UndoBar,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.layout = layout
        self.adder = adder
        self.ties = ties
        self.undo_bar = undo_bar
        self.rows: list[RatingRow] = []
        self.slots: dict[RatingRow, int] = {}  # each row's stable number for its ties
        self._next_slot = itertools.count()
        self.removed: list[RemovedRow] = []  # people taken out, the last one last
        undo_bar.undo_requested.connect(self.undo_remove)

    def add_person(self, person: Person) -> str | None:
        """Add ``person`` to the audit; returns why not when refused (shown to the user)."""
        refusal = self.refusal(person)
        if refusal is not None:
            return refusal
        row = self.add_row(person, None)
        self.people_changed.emit()
        row.focus_first()
        return None

    def refusal(self, person: Person) -> str | None:
        """Why ``person`` cannot join the audit now, or None."""
        if len(self.rows) >= MAX_RATINGS_PER_AUDIT:
            return (
                f"An audit holds at most {MAX_RATINGS_PER_AUDIT} people: remove someone "
                f"before adding {person.name}."
            )
        key = person_key(person)
        if any(person_key(row.person) == key or _same_name_new(row.person, person)
               for row in self.rows):  # fmt: skip
            return f"{person.name} is already in this audit."
        return None

    def add_row(
        self, person: Person, rating: Rating | None, at: int | None = None, slot: int | None = None
    ) -> RatingRow:
        row = RatingRow(person, rating)
        row.changed.connect(self.edited)
        row.remove_requested.connect(self.remove_row)
        row.entered_past_end.connect(self._after_last_rating)
        row.field_focused.connect(self.field_focused)
        at = len(self.rows) if at is None else max(0, min(at, len(self.rows)))
        self.layout.insertWidget(at, row)
        row.show()  # at once, not on the next event loop pass: Tab must reach it now
        self.rows.insert(at, row)
        self.slots[row] = next(self._next_slot) if slot is None else slot
        return row

    def _after_last_rating(self, row: RatingRow) -> None:
        index = self.rows.index(row) if row in self.rows else len(self.rows)
        if index + 1 < len(self.rows):
            self.rows[index + 1].focus_first()
        else:
            self.adder.name_edit.setFocus(Qt.FocusReason.TabFocusReason)

    def remove_row(self, row: RatingRow) -> None:
        """Take ``row`` out at once; Undo puts the person back as they were."""
        if row not in self.rows:
            return
        index = self.rows.index(row)
        slot = self.slots[row]
        ties = tuple(t for t in self.ties.ties() if slot in t)
        self.removed.append(RemovedRow(index, row.person, row.values(), slot, ties))
        self._show_last_removed()
        self.rows.remove(row)
        self.slots.pop(row, None)  # the ties editor drops their ties with them
        self.layout.removeWidget(row)
        row.hide()
        row.deleteLater()
        self.people_changed.emit()
        if self.rows:
            self.rows[min(index, len(self.rows) - 1)].focus_first()
        else:
            self.adder.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def undo_remove(self) -> None:
        """Put the person removed last back, where they were, with what was entered (unless
        they were added again meanwhile, or the audit is full)."""
        if not self.removed:
            return
        gone = self.removed.pop()
        if self.refusal(gone.person) is None:
            row = self.add_row(gone.person, None, at=gone.at, slot=gone.slot)
            row.set_values(gone.values)
            self.people_changed.emit()
            recorded = self.ties.recorded() or bool(gone.ties)
            self.ties.set_ties((*self.ties.ties(), *gone.ties), recorded)
            row.focus_first()
        self._show_last_removed()

    def _show_last_removed(self) -> None:
        if self.removed:
            name = self.removed[-1].person.name
            self.undo_bar.show_message(
                f"Removed {name} from this audit.", f"Put {name} back (Ctrl+Z)"
            )
        else:
            self.undo_bar.hide()


def _same_name_new(existing: Person, candidate: Person) -> bool:
    """Two unsaved people, or an unsaved one and a saved one, with the same name."""
    if existing.id is not None and candidate.id is not None:
        return False
    return name_key(existing.name) == name_key(candidate.name)
