"""Add a talking point for someone's next 1:1, from anywhere (Today's "Add talking point").

Pick the person (active people, by name), write the point, Save: it shows in their
Prepare 1:1 and on their profile until ticked. If the journal refuses it, the
dialog stays open with what was typed.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from cxjournal.domain.model import AgendaItem
from cxjournal.journal.undo import agenda_scope, recorded
from cxjournal.qt.widgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)
from cxjournal.ui.plain_text import plain_label
from cxjournal.ui.read_only import saving_buttons
from cxjournal.ui.undo_stack import apply
from cxjournal.ui.unsaved_changes import ask_before_closing
from cxjournal.ui.write_guard import guarded_write

if TYPE_CHECKING:
    from cxjournal.journal import Journal


class TalkingPointDialog(QDialog):
    def __init__(
        self,
        journal: Journal,
        parent: QWidget | None = None,
        person_id: int | None = None,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self.journal = journal
        self.today = today or dt.date.today()
        self.saved: AgendaItem | None = None
        self.setWindowTitle("Add a talking point")
        self.person = QComboBox()
        self.person.setAccessibleName("With")
        people = sorted(journal.people.all(), key=lambda p: p.name.casefold())
        for person in people:
            self.person.addItem(person.name, person.id)
        if person_id is not None:
            self.person.setCurrentIndex(max(0, self.person.findData(person_id)))
        self.text = QLineEdit()
        self.text.setAccessibleName("Talking point")
        self.text.setPlaceholderText("What to raise, e.g. the renewal risk")
        form = QFormLayout()
        with_label = QLabel("&With:")
        with_label.setBuddy(self.person)
        form.addRow(with_label, self.person)
        point_label = QLabel("&Raise:")
        point_label.setBuddy(self.text)
        form.addRow(point_label, self.text)
        hint = plain_label(
            "It shows in their Prepare 1:1 and on their profile until you tick it, or tick "
            "it in the note of the 1:1."
        )
        hint.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        saving_buttons(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)
        if not people:
            self.person.addItem("Add someone on the People page first", None)
            self.person.setEnabled(False)
        self.text.textChanged.connect(self._enable)
        self._enable()
        self.text.setFocus()
        self.keeper = ask_before_closing(
            self,
            journal,
            lambda: (self.person.currentData(), self.text.text().strip()),
            self.accept,
            "this talking point",
        )

    def _typed(self) -> tuple[object, str]:
        return self.person.currentData(), self.text.text().strip()

    def _enable(self) -> None:
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setEnabled(bool(self.text.text().strip()) and self.person.currentData() is not None)

    def reject(self) -> None:
        """Esc, Cancel and the close button ask first when something was changed."""
        if self.keeper.may_close():
            super().reject()

    def accept(self) -> None:
        person_id = self.person.currentData()
        text = self.text.text().strip()
        if person_id is None or not text:
            return
        with guarded_write(self, "add the talking point") as attempt:
            self.saved = apply(
                self.journal,
                "Add talking point",
                recorded(
                    agenda_scope(int(person_id)),
                    lambda j: j.agenda.add(int(person_id), text, self.today),
                ),
            )
        if attempt.failed:
            return  # open, with what was typed
        super().accept()
