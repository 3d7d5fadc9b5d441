"""The profile of one person: a form dialog to add someone or edit them (OK writes at once).

The same person records serve the power audits, so team, function, product unit
and location complete from values already used (reach is counted on them).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from cxjournal.domain.errors import ValidationError
from cxjournal.domain.model import (
    CADENCE_MAX,
    NAME_MAX,
    Person,
    PreferredFormat,
    Relationship,
)
from cxjournal.domain.validation import split_emails
from cxjournal.journal import Journal
from cxjournal.qt.core import Qt
from cxjournal.qt.widgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from cxjournal.ui.models.people_model import FORMAT_LABELS, RELATIONSHIP_LABELS
from cxjournal.ui.read_only import saving_buttons
from cxjournal.ui.undo_stack import apply
from cxjournal.ui.unsaved_changes import ask_before_closing
from cxjournal.ui.widgets.engagement_box import EngagementBox
from cxjournal.ui.write_guard import guarded_write

if TYPE_CHECKING:
    from cxjournal.journal.undo import Reversible

TEXT_FIELDS = ("role", "organisation", "team", "function", "product_unit", "location")
COMPLETED_FIELDS = ("organisation", "team", "function", "product_unit", "location")


class PersonProfileDialog(QDialog):
    def __init__(
        self, journal: Journal, parent: QWidget | None = None, person: Person | None = None
    ) -> None:
        super().__init__(parent)
        self.journal = journal
        self.person = person
        self.saved_person: Person | None = None
        self.setWindowTitle(f"Profile of {person.name}" if person else "New person")
        self.setMinimumWidth(720)
        known = journal.people.all(include_archived=True)

        self.name = QLineEdit()
        self.name.setMaxLength(NAME_MAX)
        self.name.setPlaceholderText("Full name")
        self.fields: dict[str, QLineEdit] = {}
        placeholders = {
            "role": "e.g. VP Operations",
            "organisation": "e.g. Acme",
            "team": "e.g. Ops Excellence",
            "function": "e.g. Operations",
            "product_unit": "e.g. Retail",
            "location": "e.g. London HQ",
        }
        for name in TEXT_FIELDS:
            edit = QLineEdit()
            edit.setPlaceholderText(placeholders[name])
            if name in COMPLETED_FIELDS:
                values = sorted({getattr(p, name) for p in known if getattr(p, name)})
                completer = QCompleter(values, edit)
                completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
                edit.setCompleter(completer)
            self.fields[name] = edit
        self.emails = QLineEdit()
        self.emails.setPlaceholderText("e.g. ana@acme.com, ana.silva@gmail.com")
        self.emails.setToolTip(
            "Their addresses, separated by commas: meetings in your calendar files with any "
            "of them are matched to this person"
        )
        self.internal = QCheckBox("Works in my organisation")
        self.internal.setChecked(True)
        self.relationship = QComboBox()
        for relationship in Relationship:
            self.relationship.addItem(RELATIONSHIP_LABELS[relationship], relationship.value)
        self.key = QCheckBox("Key stakeholder / accountable leader")
        self.key.setToolTip("Someone accountable for an outcome your CX work depends on")
        self.board = QCheckBox("Member of the CX board")
        self.board.setToolTip("Sits on the customer-experience governance board")
        self.cadence = QSpinBox()
        self.cadence.setRange(0, CADENCE_MAX)
        self.cadence.setSpecialValueText("No regular update")
        self.cadence.setSuffix(" days")
        self.cadence.setToolTip(
            "How often they should hear from you. Their next update is due this many days "
            "after your latest note with them (observations do not count)."
        )
        self.format = QComboBox()
        self.format.addItem("Not known", None)
        for fmt in PreferredFormat:
            self.format.addItem(FORMAT_LABELS[fmt], fmt.value)
        self.needs = QPlainTextEdit()
        self.needs.setPlaceholderText(
            "What information they need from you, e.g. monthly NPS drivers"
        )
        self.needs.setTabChangesFocus(True)
        self.needs.setFixedHeight(70)
        self.motivations = QPlainTextEdit()
        self.motivations.setPlaceholderText("What drives them: targets, ambitions, worries")
        self.motivations.setTabChangesFocus(True)
        self.motivations.setFixedHeight(70)

        who = QFormLayout()
        rows: list[tuple[str, QWidget]] = [
            ("&Name:", self.name),
            ("&Role:", self.fields["role"]),
            ("&Organisation:", self.fields["organisation"]),
            ("", self.internal),
            ("Relations&hip:", self.relationship),
            ("&Team:", self.fields["team"]),
            ("&Function:", self.fields["function"]),
            ("&Product unit:", self.fields["product_unit"]),
            ("&Location:", self.fields["location"]),
            ("&E-mails:", self.emails),
        ]
        for label, widget in rows:
            self._add_row(who, label, widget)
        stakeholder = QFormLayout()
        for label, widget in [
            ("", self.key),
            ("", self.board),
            ("Update &cadence:", self.cadence),
            ("Preferred fo&rmat:", self.format),
            ("Information &needs:", self.needs),
            ("&Motivations:", self.motivations),
        ]:
            self._add_row(stakeholder, label, widget)
        left = QGroupBox("Who they are")
        left.setLayout(who)
        right = QGroupBox("As a stakeholder")
        right.setLayout(stakeholder)
        columns = QHBoxLayout()
        columns.addWidget(left)
        columns.addWidget(right)
        self.engagement = EngagementBox(journal, person)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        saving_buttons(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(self.engagement)
        layout.addWidget(buttons)
        if person:
            self._load(person)
        self.name.setFocus()
        self.keeper = ask_before_closing(self, journal, self.value, self.accept, "this profile")

    @staticmethod
    def _add_row(form: QFormLayout, label: str, widget: QWidget) -> None:
        name = label.replace("&", "").rstrip(":")
        if isinstance(widget, QCheckBox):
            widget.setAccessibleName(widget.text())
            form.addRow(widget)
            return
        widget.setAccessibleName(name)
        caption = QLabel(label)
        caption.setBuddy(widget)
        form.addRow(caption, widget)

    def _load(self, person: Person) -> None:
        self.name.setText(person.name)
        for name, edit in self.fields.items():
            edit.setText(getattr(person, name))
        self.emails.setText(", ".join(person.emails))
        self.internal.setChecked(person.internal)
        self.relationship.setCurrentIndex(self.relationship.findData(person.relationship.value))
        self.key.setChecked(person.key_stakeholder)
        self.board.setChecked(person.cx_board)
        self.cadence.setValue(person.cadence_days or 0)
        fmt = person.preferred_format.value if person.preferred_format else None
        self.format.setCurrentIndex(self.format.findData(fmt))
        self.needs.setPlainText(person.information_needs)
        self.motivations.setPlainText(person.motivations)

    def value(self) -> Person:
        base = self.person or Person(name="")
        fmt = self.format.currentData()
        # Keyword names come from TEXT_FIELDS, so mypy cannot match them to fields.
        texts: dict[str, Any] = {name: edit.text().strip() for name, edit in self.fields.items()}
        return replace(
            base,
            name=self.name.text().strip(),
            emails=split_emails(self.emails.text()),
            internal=self.internal.isChecked(),
            relationship=Relationship(self.relationship.currentData()),
            key_stakeholder=self.key.isChecked(),
            cx_board=self.board.isChecked(),
            cadence_days=self.cadence.value() or None,
            preferred_format=PreferredFormat(fmt) if fmt else None,
            information_needs=self.needs.toPlainText().strip(),
            motivations=self.motivations.toPlainText().strip(),
            **texts,
            **self.engagement.values(),
        )

    def reject(self) -> None:
        """Esc, Cancel and the close button ask first when something was changed."""
        if self.keeper.may_close():
            super().reject()

    def accept(self) -> None:
        person = self.value()
        with guarded_write(self, "save this person") as attempt:
            try:
                self.saved_person = apply(self.journal, *_undoable_save(person))
            except ValidationError as exc:  # named after the form's own label
                raise ValidationError(_readable(p) for p in exc.problems) from exc
        if attempt.failed:  # the dialog stays open with what was typed
            if isinstance(attempt.error, ValidationError):
                wrong_email = any(p.startswith("E-mails") for p in attempt.error.problems)
                (self.emails if wrong_email else self.name).setFocus()
            return
        super().accept()


def _readable(problem: str) -> str:
    """A problem with its field named as the form names it."""
    for field, label in (("name", "Name"), ("power", "Power"), ("interest", "Interest")):
        if problem.startswith(f"{field}:"):
            return problem.replace(f"{field}:", f"{label}:", 1)
    if problem.startswith("emails["):  # emails[1]: ... -> E-mails (address 2): ...
        index, _, rest = problem[len("emails[") :].partition("]:")
        if index.isdigit():
            return f"E-mails (address {int(index) + 1}):{rest}"
    return problem


def _undoable_save(person: Person) -> tuple[str, Callable[[Journal], Reversible[Person]]]:
    """The profile's save as a change Edit > Undo can reverse."""
    from cxjournal.journal.undo import person_scope, recorded

    if person.id is None:
        return f"Add {person.name}", recorded(
            lambda saved: person_scope(saved.id or 0), lambda j: j.people.add(person)
        )
    return f"Edit {person.name}", recorded(
        person_scope(person.id), lambda j: j.people.update(person)
    )
