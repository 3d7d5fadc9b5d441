"""Adds a person to the audit being edited: picked from the directory by name, or new.

Type a name and press Enter: someone already in the directory is added at once;
a new name opens a few fields (team, function, product unit, location,
relationship, internal or external) that are saved with the audit.
"""

from __future__ import annotations

from collections.abc import Callable

from cxjournal.domain.model import Person, Relationship
from cxjournal.domain.power_audit import FIELD_GUIDANCE
from cxjournal.domain.wording import DIMENSION_LABELS
from cxjournal.qt.core import QStringListModel, Qt
from cxjournal.qt.widgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from cxjournal.ui.audit_wording import RELATIONSHIP_LABELS
from cxjournal.ui.plain_text import plain_label
from cxjournal.ui.read_only import writes_journal

MNEMONIC_LABELS = {
    "team": "&Team",
    "function": "&Function",
    "product_unit": "Product &unit",
    "location": "&Location",
}

#: Called with the person to add; returns why they were refused, or None when added.
AddPerson = Callable[[Person], str | None]


def name_key(name: str) -> str:
    return " ".join(name.split()).casefold()


class PersonAdder(QWidget):
    def __init__(self, add_person: AddPerson, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._add_person = add_person
        self._directory: dict[str, Person] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        line = QHBoxLayout()
        label = QLabel("&Add person:")
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText("Name of someone in your directory, or a new name")
        self.name_edit.setAccessibleName("Add person by name")
        self.name_edit.setToolTip(
            "Type a name and press Enter. People already in your directory are suggested."
        )
        label.setBuddy(self.name_edit)
        self._names = QStringListModel(self)
        completer = QCompleter(self._names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.name_edit.setCompleter(completer)
        self.name_edit.returnPressed.connect(self.submit)
        self.add_button = QPushButton("Add")
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.submit)
        self.new_button = writes_journal(QPushButton("&New person…"))
        self.new_button.setAutoDefault(False)
        self.new_button.setToolTip("Add someone who is not in your directory yet")
        self.new_button.clicked.connect(lambda: self.open_details(self.name_edit.text()))
        line.addWidget(label)
        line.addWidget(self.name_edit, 1)
        line.addWidget(self.add_button)
        line.addWidget(self.new_button)
        layout.addLayout(line)

        self.details = QGroupBox("New person")
        self.details.setToolTip(FIELD_GUIDANCE["grouping"])
        form = QFormLayout(self.details)
        self.new_name = QLineEdit()
        self.new_name.setAccessibleName("New person's name")
        form.addRow("Na&me", self.new_name)
        self.fields: dict[str, QLineEdit] = {}
        for key, caption in DIMENSION_LABELS.items():
            edit = QLineEdit()
            edit.setAccessibleName(f"New person's {caption.lower()}")
            edit.setToolTip(FIELD_GUIDANCE["grouping"])
            edit.returnPressed.connect(self.add_new)
            self.fields[key] = edit
            form.addRow(MNEMONIC_LABELS[key], edit)
        self.relationship = QComboBox()
        self.relationship.setAccessibleName("New person's relationship to you")
        for value, caption in RELATIONSHIP_LABELS.items():
            self.relationship.addItem(caption, value)
        self.relationship.setCurrentIndex(self.relationship.findData(Relationship.PEER.value))
        form.addRow("&Relationship", self.relationship)
        self.internal = QComboBox()
        self.internal.setAccessibleName("Inside or outside your organisation")
        self.internal.addItem("Internal: in my organisation", True)
        self.internal.addItem("External: outside my organisation", False)
        form.addRow("Or&ganisation", self.internal)
        self.new_name.returnPressed.connect(self.add_new)
        buttons = QHBoxLayout()
        self.add_new_button = writes_journal(QPushButton("Add to aud&it"))
        self.add_new_button.setAutoDefault(False)
        self.add_new_button.clicked.connect(self.add_new)
        self.cancel_new_button = QPushButton("Cancel")
        self.cancel_new_button.setAutoDefault(False)
        self.cancel_new_button.clicked.connect(self.close_details)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_new_button)
        buttons.addWidget(self.add_new_button)
        form.addRow(buttons)
        self.details.hide()
        layout.addWidget(self.details)

        self.message = plain_label()
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Message")
        font = self.message.font()
        font.setBold(True)
        self.message.setFont(font)
        self.message.hide()
        layout.addWidget(self.message)

    # -- directory ------------------------------------------------------------------------

    def set_directory(self, people: list[Person]) -> None:
        self._directory = {}
        for person in people:
            self._directory.setdefault(name_key(person.name), person)
        self._names.setStringList([p.name for p in self._directory.values()])

    def known(self, name: str) -> Person | None:
        return self._directory.get(name_key(name))

    # -- adding ----------------------------------------------------------------------------

    def submit(self) -> None:
        """Add the typed name: a directory person at once, a new name through the details."""
        name = " ".join(self.name_edit.text().split())
        if not name:
            self.show_message("Type a name first.")
            return
        person = self.known(name)
        if person is None:
            self.open_details(name)
            return
        self._offer(person)

    def open_details(self, name: str = "") -> None:
        self.show_message("")
        self.new_name.setText(" ".join(name.split()))
        for edit in self.fields.values():
            edit.clear()
        self.details.show()
        target = self.fields["team"] if self.new_name.text() else self.new_name
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def close_details(self) -> None:
        self.details.hide()
        self.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def add_new(self) -> None:
        name = " ".join(self.new_name.text().split())
        if not name:
            self.show_message("A new person needs a name.")
            self.new_name.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        known = self.known(name)
        if known is not None:  # typed a directory name after all: use that person
            self._offer(known)
            return
        text = {key: edit.text().strip() for key, edit in self.fields.items()}
        person = Person(
            name=name,
            relationship=Relationship(self.relationship.currentData()),
            internal=bool(self.internal.currentData()),
            team=text["team"],
            function=text["function"],
            product_unit=text["product_unit"],
            location=text["location"],
        )
        self._offer(person)

    def _offer(self, person: Person) -> None:
        refused = self._add_person(person)
        if refused:
            self.show_message(refused)
            return
        self.show_message("")
        self.name_edit.clear()
        popup = self.name_edit.completer().popup()
        if popup is not None:
            popup.hide()
        self.details.hide()

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
