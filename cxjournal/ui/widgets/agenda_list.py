"""A person's open talking points, each with a box to tick it done.

Shown in the Prepare 1:1 dialog and on the person's profile. Ticking writes at
once (one transaction) and tells the other pages through ``announce``; unticking
before the list is redrawn opens the point again. With ``adder``, a line below
adds a point for the next 1:1 ("raise the budget with Ana"); what was typed stays
if the journal refuses it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from cxjournal.domain.model import AgendaItem
from cxjournal.domain.wording import short_date
from cxjournal.journal.agenda import AgendaOps  # with this module, not on a page's first visit
from cxjournal.journal.changes import Area
from cxjournal.journal.undo import agenda_scope, recorded
from cxjournal.qt.widgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from cxjournal.ui.ops import run_undoable
from cxjournal.ui.person_timeline import WrappingCheck
from cxjournal.ui.read_only import writes_journal
from cxjournal.ui.undo_stack import apply
from cxjournal.ui.write_guard import UNCHANGED, guarded_write

if TYPE_CHECKING:
    from cxjournal.journal import Journal

EMPTY = (
    "No talking points saved for them. The introductions suggested on an audit's "
    "Network tab can add some."
)
EMPTY_WITH_ADDER = (
    "No talking points saved for them. Add what you want to raise at your next 1:1 below."
)


def point_label(item: AgendaItem) -> str:
    return f"{item.text} (added {short_date(item.added_on)})"


class AgendaList(QWidget):
    def __init__(
        self,
        journal: Journal,
        announce: Callable[[Area], None] | None = None,
        today: Callable[[], dt.date] = dt.date.today,
        parent: QWidget | None = None,
        adder: bool = False,
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
        self.empty = QLabel(EMPTY_WITH_ADDER if adder else EMPTY)
        self.empty.setWordWrap(True)
        self._layout.addWidget(self.empty)
        self._points = QVBoxLayout()
        self._points.setContentsMargins(0, 0, 0, 0)
        self._layout.addLayout(self._points)
        self.new_point: QLineEdit | None = None
        self.add_button: QPushButton | None = None
        if adder:
            row = QHBoxLayout()
            self.new_point = writes_journal(QLineEdit())
            self.new_point.setObjectName("agenda-new-point")
            self.new_point.setPlaceholderText("Raise at the next 1:1…")
            self.new_point.setAccessibleName("New talking point")
            self.new_point.returnPressed.connect(self.add_typed)
            self.add_button = writes_journal(QPushButton("Add &point"))
            self.add_button.setToolTip("Save it for your next 1:1 with them")
            self.add_button.clicked.connect(self.add_typed)
            row.addWidget(self.new_point, 1)
            row.addWidget(self.add_button)
            self._layout.addLayout(row)

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
            self._points.addWidget(check)
        self.empty.setVisible(not self.items)
        if self.new_point is not None and self.add_button is not None:
            self.new_point.setEnabled(person_id is not None)
            self.add_button.setEnabled(person_id is not None)

    def add_typed(self) -> bool:
        """Save the typed point for the person shown; the line is cleared once saved."""
        if self.new_point is None or self.person_id is None:
            return False
        text = self.new_point.text().strip()
        if not text:
            return False
        person_id, today = self.person_id, self._today()
        done = run_undoable(
            self.journal,
            self._announce or (lambda _changes: None),
            self,
            "Add talking point",
            "add the talking point",
            recorded(agenda_scope(person_id), lambda j: j.agenda.add(person_id, text, today)),
        )
        if done is None:
            return False  # the line keeps what was typed
        self.new_point.clear()
        self.set_person(self.person_id)
        return True

    def ticked(self) -> list[AgendaItem]:
        """The points ticked done since the list was drawn."""
        return [item for item, box in zip(self.items, self.boxes, strict=True) if box.isChecked()]

    def _ticked(self, item: AgendaItem, done: bool) -> None:
        if item.id is None:
            return
        item_id, person_id, on = item.id, item.person.id or 0, self._today() if done else None
        with guarded_write(self, "tick the talking point", UNCHANGED) as attempt:
            apply(
                self.journal,
                "Tick talking point" if done else "Open talking point again",
                recorded(agenda_scope(person_id), lambda j: j.agenda.mark_done(item_id, on)),
            )
        if attempt.failed:
            box = self.boxes[self.items.index(item)]
            box.blockSignals(True)
            box.setChecked(not done)  # the box shows what the journal holds
            box.blockSignals(False)
            return
        if self._announce is not None:
            self._announce(Area.AGENDA)
