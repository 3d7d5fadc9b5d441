"""Add or edit a note in seconds: today, 1:1 and the person's last attitude are filled in.

Ctrl+Return saves. Follow-ups are rows of text with an optional due date and a
done box. The dialog writes through ``journal.notes`` when OK is pressed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from cxjournal.domain.model import (
    Attitude,
    FollowUp,
    FormatUsed,
    Note,
    NoteGoal,
    NoteKind,
    NoteOutcome,
    Person,
)
from cxjournal.domain.program_wording import FORMAT_USED_TITLES, GOAL_TITLES, OUTCOME_TITLES
from cxjournal.journal import Journal
from cxjournal.qt.core import QDate, Qt
from cxjournal.qt.widgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from cxjournal.ui.dialogs.editor_parts import RemovableRow, kept_rows, save_and_cancel
from cxjournal.ui.models.notes_model import KIND_LABELS
from cxjournal.ui.models.people_model import ATTITUDE_LABELS
from cxjournal.ui.undo_stack import apply
from cxjournal.ui.unsaved_changes import DraftKeeper
from cxjournal.ui.widgets.agenda_ticks import AgendaTicks
from cxjournal.ui.widgets.tag_input import TagInput
from cxjournal.ui.write_guard import guarded_write

if TYPE_CHECKING:
    from cxjournal.journal.undo import Reversible
    from cxjournal.ui.services import Services

DEFAULT_FOLLOW_UP_DAYS = 7


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class FollowUpRow(RemovableRow):
    """One follow-up: done box, text, optional due date, remove button."""

    def __init__(self, follow_up: FollowUp, today: dt.date, parent: QWidget | None = None):
        super().__init__(parent)
        self.follow_up_id = follow_up.id
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.done = QCheckBox()
        self.done.setChecked(follow_up.done)
        self.done.setToolTip("Done")
        self.done.setAccessibleName("Follow-up done")
        self.text = QLineEdit(follow_up.text)
        self.text.setPlaceholderText("What you will do, e.g. send the driver analysis")
        self.text.setAccessibleName("Follow-up")
        self.has_due = QCheckBox("Due")
        self.has_due.setAccessibleName("Follow-up has a due date")
        self.due = QDateEdit()
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("d MMM yyyy")
        self.due.setAccessibleName("Follow-up due date")
        self.due.setDate(
            to_qdate(follow_up.due or today + dt.timedelta(days=DEFAULT_FOLLOW_UP_DAYS))
        )
        self.has_due.setChecked(follow_up.due is not None or follow_up.id is None)
        self.due.setEnabled(self.has_due.isChecked())
        self.has_due.toggled.connect(self.due.setEnabled)
        self.remove = QToolButton()
        self.remove.setText("✕")
        self.remove.setToolTip("Remove this follow-up")
        self.remove.setAccessibleName("Remove follow-up")
        self.remove.clicked.connect(self.discard)
        layout.addWidget(self.done)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.has_due)
        layout.addWidget(self.due)
        layout.addWidget(self.remove)

    def value(self) -> FollowUp | None:
        text = self.text.text().strip()
        if not text:
            return None
        due = from_qdate(self.due.date()) if self.has_due.isChecked() else None
        return FollowUp(text=text, due=due, done=self.done.isChecked(), id=self.follow_up_id)


class NoteDialog(QDialog):
    def __init__(
        self,
        journal: Journal,
        parent: QWidget | None = None,
        note: Note | None = None,
        person_id: int | None = None,
        today: dt.date | None = None,
        note_kind: NoteKind | None = None,
    ) -> None:
        """``today`` is the date a new note starts with; ``note_kind`` its kind (else from the
        person: a 1:1 with someone, "other" for a journal entry)."""
        super().__init__(parent)
        self.journal = journal
        self.note = note
        self.saved_note: Note | None = None
        self.today = today or dt.date.today()
        self._kind_touched = note is not None
        self._attitude_touched = note is not None
        self.setWindowTitle("Edit note" if note else "New note")
        self.setMinimumWidth(560)

        self.person = QComboBox()
        self.person.setAccessibleName("About")
        self.person.addItem("No one: a journal entry", None)
        wanted = note.person_id if note else person_id
        people = journal.people.all()
        if wanted is not None and all(p.id != wanted for p in people):
            people.append(journal.people.get(wanted))  # an archived person keeps their notes
        for person in people:
            self.person.addItem(_person_label(person), person.id)
        index = self.person.findData(wanted)
        self.person.setCurrentIndex(max(0, index))

        self.date = QDateEdit(to_qdate(note.on if note else self.today))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("d MMM yyyy")
        self.date.setAccessibleName("Date")

        self.kind = QComboBox()
        self.kind.setAccessibleName("Kind")
        for kind in NoteKind:
            self.kind.addItem(KIND_LABELS[kind], kind.value)
        self.attitude = QComboBox()
        self.attitude.setAccessibleName("Attitude observed")
        self.attitude.setToolTip("The stance you observed: from champion to resistor")
        self.attitude.addItem("Not noted", None)
        for attitude in Attitude:
            self.attitude.addItem(ATTITUDE_LABELS[attitude], attitude.value)

        self.goal = _choice("Goal of the update", "What the update was for", GOAL_TITLES)
        self.format_used = _choice("Format used", "How you delivered it", FORMAT_USED_TITLES)
        self.outcome = _choice("Outcome", "What came of it", OUTCOME_TITLES)
        update = QHBoxLayout()
        for caption, combo in (("&Goal", self.goal), ("For&mat", self.format_used),
                               ("O&utcome", self.outcome)):  # fmt: skip
            label = QLabel(caption)
            label.setBuddy(combo)
            update.addWidget(label)
            update.addWidget(combo, 1)
        if note:
            for combo, value in ((self.goal, note.goal), (self.format_used, note.format_used),
                                 (self.outcome, note.outcome)):  # fmt: skip
                combo.setCurrentIndex(max(0, combo.findData(value.value if value else None)))

        self.text = QPlainTextEdit(note.text if note else "")
        self.text.setAccessibleName("Note")
        self.text.setPlaceholderText("What was said, what you noticed, what matters to them…")
        self.text.setTabChangesFocus(True)
        self.tags = TagInput()
        self.tags.setAccessibleName("Tags")
        self.tags.setPlaceholderText("Comma-separated, e.g. roi, board")
        self.tags.set_vocabulary(journal.notes.tags())
        if note:
            self.tags.set_tags(note.tags)

        self.follow_ups_box = QVBoxLayout()
        self.follow_ups_box.setSpacing(4)
        add_follow_up = QPushButton("Add &follow-up")
        add_follow_up.setToolTip("Something you promised or need to chase, with a due date")
        add_follow_up.clicked.connect(lambda: self.add_follow_up().text.setFocus())
        self.add_follow_up_button = add_follow_up
        for follow_up in note.follow_ups if note else ():
            self.add_follow_up(follow_up)

        form = QFormLayout()
        for title, widget in (
            ("&About:", self.person),
            ("&Date:", self.date),
            ("&Kind:", self.kind),
            ("Attitude &observed:", self.attitude),
            ("&Note:", self.text),
            ("&Tags:", self.tags),
        ):
            buddy = QLabel(title)
            buddy.setBuddy(widget)
            form.addRow(buddy, widget)
        update_label = QLabel("Update:")
        update_label.setToolTip(
            "For an update to a stakeholder: goal, format and outcome (optional)"
        )
        form.insertRow(4, update_label, update)
        follow_holder = QVBoxLayout()
        follow_holder.addLayout(self.follow_ups_box)
        follow_holder.addWidget(add_follow_up, 0, Qt.AlignmentFlag.AlignLeft)
        form.addRow(QLabel("Follow-ups:"), follow_holder)
        self.agenda_ticks = AgendaTicks(journal)
        self.agenda_label = QLabel("Raised:")
        self.agenda_label.setToolTip("Talking points saved for this 1:1: tick what you raised")
        form.addRow(self.agenda_label, self.agenda_ticks)

        buttons = save_and_cancel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

        if note:
            self.kind.setCurrentIndex(self.kind.findData(note.kind.value))
            self.attitude.setCurrentIndex(
                self.attitude.findData(note.attitude.value if note.attitude else None)
            )
        else:
            if note_kind is not None:
                self.kind.setCurrentIndex(self.kind.findData(note_kind.value))
                self._kind_touched = True
            self._apply_defaults()
        self.kind.activated.connect(self._touch_kind)
        self.attitude.activated.connect(self._touch_attitude)
        self.person.currentIndexChanged.connect(self._apply_defaults)
        self.person.currentIndexChanged.connect(self._show_agenda)
        self.kind.currentIndexChanged.connect(self._show_agenda)
        self._show_agenda()
        self.text.setFocus()
        self.keeper = DraftKeeper(
            self, journal, self.draft_kind, self.draft_key, self.draft_payload,
            save=self.accept, what="this note",
        )  # fmt: skip
        self.keeper.watch(self)
        self.keeper.loaded()

    # -- defaults -------------------------------------------------------------------

    def _touch_kind(self) -> None:
        self._kind_touched = True

    def _touch_attitude(self) -> None:
        self._attitude_touched = True

    def person_id(self) -> int | None:
        value = self.person.currentData()
        return int(value) if value is not None else None

    def _show_agenda(self, *_args: object) -> None:
        """A 1:1 note offers the person's open talking points to tick as raised."""
        one_on_one = self.kind.currentData() == NoteKind.ONE_ON_ONE.value
        self.agenda_ticks.set_person(self.person_id() if one_on_one else None)
        shown = bool(self.agenda_ticks.items)
        self.agenda_ticks.setVisible(shown)
        self.agenda_label.setVisible(shown)

    def _apply_defaults(self) -> None:
        person_id = self.person_id()
        if not self._kind_touched:
            kind = NoteKind.ONE_ON_ONE if person_id is not None else NoteKind.OTHER
            self.kind.setCurrentIndex(self.kind.findData(kind.value))
        if not self._attitude_touched:
            last = self.journal.notes.last_attitude(person_id) if person_id is not None else None
            self.attitude.setCurrentIndex(self.attitude.findData(last.value if last else None))

    # -- follow-ups --------------------------------------------------------------------

    def add_follow_up(self, follow_up: FollowUp | None = None) -> FollowUpRow:
        row = FollowUpRow(follow_up or FollowUp(text=""), self.today, self)
        self.follow_ups_box.addWidget(row)
        keeper = getattr(self, "keeper", None)
        if keeper is not None:  # a row added while editing: its edits count too
            keeper.watch(row)
            row.remove.clicked.connect(keeper.edited)
        return row

    def follow_up_rows(self) -> list[FollowUpRow]:
        return kept_rows(self.follow_ups_box, FollowUpRow)

    # -- saving -----------------------------------------------------------------------

    def value(self) -> Note:
        kind = NoteKind(self.kind.currentData())
        attitude = self.attitude.currentData()
        follow_ups = tuple(f for f in (row.value() for row in self.follow_up_rows()) if f)
        goal, fmt, outcome = (c.currentData() for c in (self.goal, self.format_used, self.outcome))
        return Note(
            id=self.note.id if self.note else None,
            on=from_qdate(self.date.date()),
            text=self.text.toPlainText().strip(),
            kind=kind,
            person_id=self.person_id(),
            attitude=Attitude(attitude) if attitude else None,
            tags=self.tags.tags(),
            follow_ups=follow_ups,
            goal=NoteGoal(goal) if goal else None,
            format_used=FormatUsed(fmt) if fmt else None,
            outcome=NoteOutcome(outcome) if outcome else None,
        )

    # -- drafts (kept as the user types, and when the journal locks) -----------------------

    draft_kind = "note"

    def draft_key(self) -> str:
        return str(self.note.id) if self.note is not None and self.note.id is not None else "new"

    def draft_payload(self) -> dict[str, Any] | None:
        """What was typed, or None when there is nothing to keep."""
        from cxjournal.journal.drafts import note_payload

        note = self.value()
        if not note.text and not note.follow_ups and note.attitude is None:
            return None
        return note_payload(note)

    @classmethod
    def resume_draft(
        cls, services: Services, payload: dict[str, Any], key: str | None = None
    ) -> bool:
        """Open the dialog again with a draft; True when the note was then saved."""
        from cxjournal.journal.drafts import note_from_payload

        dialog = cls(services.journal, services.window, note=note_from_payload(payload))
        dialog.setWindowTitle("Note you were writing")
        dialog.keeper.resumed(key)
        if services.run_dialog(dialog) and dialog.saved_note:
            services.show_status("Note saved")
            return True
        return False

    def accept(self) -> None:
        note = self.value()
        if not note.text and not note.follow_ups and note.attitude is None:
            QMessageBox.information(
                self, "Nothing to save", "Write the note, or add a follow-up, before saving."
            )
            self.text.setFocus()
            return
        with guarded_write(self, "save the note") as attempt:
            raised = self.agenda_ticks.ticked_ids()
            self.saved_note = apply(self.journal, *_undoable_save(self.journal, note, raised))
        if attempt.failed:
            return  # the dialog stays open with what was typed
        super().accept()

    def reject(self) -> None:
        """Esc, Cancel and the close button ask first when something was typed."""
        if self.keeper.may_close():
            super().reject()


def _undoable_save(
    journal: Journal, note: Note, raised: list[int]
) -> tuple[str, Callable[[Journal], Reversible[Note]]]:
    """The note's save as a change Edit > Undo can reverse, with its name."""
    from cxjournal.journal.undo import notes_scope, recorded

    if note.id is None:
        if note.person_id is None:
            return "Add note", recorded(
                lambda saved: notes_scope(None, saved.id),
                lambda j: j.notes.add(note, discussed=raised),
            )
        return "Add note", recorded(
            notes_scope(note.person_id), lambda j: j.notes.add(note, discussed=raised)
        )
    note_id = note.id
    before = journal.notes.get(note_id).person_id
    scope = notes_scope(before, note_id)
    if note.person_id != before:
        scope = scope | notes_scope(note.person_id, note_id)
    return "Edit note", recorded(scope, lambda j: j.notes.update(note, discussed=raised))


def _choice(name: str, tip: str, titles: Mapping[Any, str]) -> QComboBox:
    """A combo box of ``titles`` with "–" (not noted) first: Tab skips it, a letter picks."""
    combo = QComboBox()
    combo.setAccessibleName(name)
    combo.setToolTip(tip + " (optional)")
    combo.addItem("–", None)
    for value, title in titles.items():
        combo.addItem(title, value.value)
    return combo


def _person_label(person: Person) -> str:
    label = person.name
    if person.role:
        label += f" — {person.role}"
    if person.archived:
        label += " (archived)"
    return label
