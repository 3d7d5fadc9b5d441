"""The talking points to tick in a 1:1 note: what was raised is done, discussed in it.

Shown in the note dialog when the note is a 1:1 with someone who has open points
(as "Log the 1:1" opens it). Nothing is written when a box is ticked: the points
ticked are done with the note, in the same transaction, on the note's date.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cxjournal.domain.model import AgendaItem
from cxjournal.qt.widgets import QCheckBox, QVBoxLayout, QWidget
from cxjournal.ui.person_timeline import WrappingCheck
from cxjournal.ui.read_only import writes_journal
from cxjournal.ui.widgets.agenda_list import point_label

if TYPE_CHECKING:
    from cxjournal.journal import Journal


class AgendaTicks(QWidget):
    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.person_id: int | None = None
        self.items: list[AgendaItem] = []
        self.boxes: list[QCheckBox] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.setObjectName("note-agenda")

    def set_person(self, person_id: int | None) -> None:
        """The open points of ``person_id`` (None: none); the same person again keeps the
        ticks made."""
        if person_id == self.person_id and self.items:
            return
        self.person_id = person_id
        while self._layout.count():
            taken = self._layout.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.deleteLater()
        self.boxes = []
        self.items = self.journal.agenda.open_for(person_id) if person_id is not None else []
        for item in self.items:
            check = WrappingCheck(point_label(item))
            check.setToolTip("Tick what you raised: it is done with this note")
            check.box.setAccessibleName(f"Raised: {item.text}")
            self.boxes.append(writes_journal(check.box))
            self._layout.addWidget(check)

    def ticked(self) -> list[AgendaItem]:
        return [item for item, box in zip(self.items, self.boxes, strict=True) if box.isChecked()]

    def ticked_ids(self) -> list[int]:
        return [item.id for item in self.ticked() if item.id is not None]
