"""A person's open talking points, each with a box to tick it done.

Shown in the Prepare 1:1 dialog and on the person's profile. Ticking writes at
once (one transaction) and tells the other pages through ``announce``; unticking
before the list is redrawn opens the point again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget

from cxjournal.domain.model import AgendaItem
from cxjournal.journal.agenda import AgendaOps  # with this module, not on a page's first visit
from cxjournal.journal.changes import Area
from cxjournal.ui.person_timeline import WrappingCheck
from cxjournal.ui.read_only import writes_journal
from cxjournal.ui.write_guard import UNCHANGED, guarded_write

if TYPE_CHECKING:
    from cxjournal.journal import Journal

EMPTY = (
    "No talking points saved for them. The introductions suggested on an audit's "
    "Network tab can add some."
)


def point_label(item: AgendaItem) -> str:
    return f"{item.text} (added {item.added_on.day} {item.added_on:%b %Y})"


class AgendaList(QWidget):
    def __init__(
        self,
        journal: Journal,
        announce: Callable[[Area], None] | None = None,
        today: Callable[[], dt.date] = dt.date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.journal = journal
        self._announce = announce
        self._today = today
        self.person_id: int | None = None
        self.items: list[AgendaItem] = []
        self.boxes: list[QCheckBox] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.empty = QLabel(EMPTY)
        self.empty.setWordWrap(True)
        self._layout.addWidget(self.empty)

    def set_person(self, person_id: int | None) -> None:
        """Show the open talking points of ``person_id`` (None: nobody)."""
        self.person_id = person_id
        for box in self.boxes:
            holder = box.parentWidget()
            if holder is not None and holder is not self:
                holder.deleteLater()
        self.boxes = []
        agenda: AgendaOps = self.journal.agenda
        self.items = agenda.open_for(person_id) if person_id is not None else []
        for item in self.items:
            check = WrappingCheck(point_label(item))
            check.setToolTip("Tick when you have raised it")
            check.box.setAccessibleName(f"Talking point: {item.text}")
            check.box.toggled.connect(lambda done, i=item: self._ticked(i, done))
            self.boxes.append(writes_journal(check.box))
            self._layout.addWidget(check)
        self.empty.setVisible(not self.items)

    def ticked(self) -> list[AgendaItem]:
        """The points ticked done since the list was drawn."""
        return [item for item, box in zip(self.items, self.boxes, strict=True) if box.isChecked()]

    def _ticked(self, item: AgendaItem, done: bool) -> None:
        if item.id is None:
            return
        with guarded_write(self, "tick the talking point", UNCHANGED) as attempt:
            self.journal.agenda.mark_done(item.id, self._today() if done else None)
        if attempt.failed:
            box = self.boxes[self.items.index(item)]
            box.blockSignals(True)
            box.setChecked(not done)  # the box shows what the journal holds
            box.blockSignals(False)
            return
        if self._announce is not None:
            self._announce(Area.AGENDA)
