"""A person's notes, newest first, as cards with follow-ups to tick off; loaded 10 at a time.

A person just selected gets the cards a screen shows at once and the rest of the ten once
the timeline has painted; the same person drawn again (after a note, a tick) keeps the
cards whose note did not change. ``NoteCard`` and ``NoteActions`` are shared with the
Journal view.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable

from cxjournal.domain.model import FollowUp, Note
from cxjournal.domain.trash import GOES_TO_TRASH
from cxjournal.domain.wording import short_date
from cxjournal.journal import Journal
from cxjournal.journal.changes import Area
from cxjournal.journal.undo import agenda_scope, recorded, undoable_delete
from cxjournal.qt.core import Qt, QTimer
from cxjournal.qt.gui import QMouseEvent, QPaintEvent
from cxjournal.qt.widgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from cxjournal.ui.models.notes_model import KIND_LABELS
from cxjournal.ui.models.people_model import ATTITUDE_LABELS
from cxjournal.ui.ops import run_dialog, run_op, run_undoable
from cxjournal.ui.plain_text import as_written
from cxjournal.ui.read_only import writes_journal
from cxjournal.ui.theme import secondary
from cxjournal.ui.write_guard import UNCHANGED

#: Notes shown at first, and added by each "Show older notes".
TIMELINE_PAGE = 10
#: Cards made at once for a person just selected (a screen shows two or three under the
#: profile); the other notes of the first page get theirs once the timeline has painted.
FIRST_CARDS = 3
#: How long after the timeline's first paint the rest of the cards are made; until then,
#: how often they look again whether it has painted, and how many times at most (a
#: timeline scrolled out of sight is not painted at all).
_REST_RETRY_MS = 50
_REST_TRIES = 8


def note_heading(note: Note, person_name: str = "") -> str:
    parts = [short_date(note.on, weekday=True), KIND_LABELS[note.kind]]
    if person_name:
        parts.insert(1, person_name)
    if note.attitude:
        parts.append(ATTITUDE_LABELS[note.attitude])
    return " · ".join(parts)


def follow_up_label(follow_up: FollowUp, today: dt.date) -> str:
    if follow_up.due is None:
        return follow_up.text
    late = " (overdue)" if not follow_up.done and follow_up.due < today else ""
    return f"{follow_up.text} — due {short_date(follow_up.due)}{late}"


class _TogglingLabel(QLabel):
    """The text of a WrappingCheck: a click on it toggles the box."""

    def __init__(self, text: str, box: QCheckBox):
        super().__init__(text)
        self._box = box

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._box.toggle()


class WrappingCheck(QWidget):
    """A check box whose text wraps (a QCheckBox never wraps); clicking the text toggles it."""

    def __init__(self, text: str, checked: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.box = QCheckBox()
        self.box.setChecked(checked)
        self.box.setAccessibleName(text)
        self.label = _TogglingLabel(text, self.box)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.box, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.label, 1)

    def text(self) -> str:
        return self.label.text()


class NoteActions:
    """Edit, delete and tick-off, shared by every view of notes; ``announce`` says what changed."""

    def __init__(self, journal: Journal, parent: QWidget, announce: Callable[[Area], None]):
        self.journal = journal
        self.parent = parent
        self.announce = announce

    def edit(self, note: Note) -> Note | None:
        from cxjournal.ui.dialogs.note_dialog import NoteDialog

        dialog = NoteDialog(self.journal, self.parent, note=note)
        if run_dialog(self.journal, self.announce, dialog) and dialog.saved_note:
            return dialog.saved_note
        return None

    def delete(self, note: Note) -> bool:
        follow = f" and its {len(note.follow_ups)} follow-up(s)" if note.follow_ups else ""
        answer = QMessageBox.question(
            self.parent,
            "Delete note",
            as_written(f"Delete the note of {short_date(note.on)}{follow}?\n\n{GOES_TO_TRASH}"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes or note.id is None:
            return False
        note_id = note.id
        done = run_undoable(
            self.journal,
            self.announce,
            self.parent,
            "Delete note",
            "delete the note",
            undoable_delete("note", note_id),
            UNCHANGED,
        )
        return done is not None

    def raise_at_next(self, person_id: int, follow_up: FollowUp, today: dt.date) -> bool:
        """Save a follow-up as a talking point for the person's next 1:1."""
        text = follow_up.text
        done = run_undoable(
            self.journal,
            self.announce,
            self.parent,
            "Add talking point",
            "add the talking point",
            recorded(agenda_scope(person_id), lambda j: j.agenda.add(person_id, text, today)),
            UNCHANGED,
        )
        return done is not None

    def set_done(self, follow_up_id: int, done: bool) -> None:
        run_op(
            self.journal,
            self.announce,
            self.parent,
            "update the follow-up",
            lambda j: j.notes.set_follow_up_done(follow_up_id, done),
            UNCHANGED,
            on_failure=Area.NOTES,  # the tick is redrawn from the journal
        )


class NoteCard(QFrame):
    def __init__(
        self,
        note: Note,
        actions: NoteActions,
        person_name: str = "",
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.note = note
        self.note_actions = actions
        today = today or dt.date.today()
        self.today = today
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName(f"note-{note.id}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(4)
        header = QHBoxLayout()
        self.heading = QLabel(f"<b>{html.escape(note_heading(note, person_name))}</b>")
        self.heading.setWordWrap(True)
        header.addWidget(self.heading, 1)
        self.edit_button = writes_journal(QToolButton())
        self.edit_button.setText("Edit…")
        self.edit_button.setToolTip("Edit this note and its follow-ups")
        self.edit_button.clicked.connect(lambda: actions.edit(self.note))
        self.delete_button = writes_journal(QToolButton())
        self.delete_button.setText("Delete…")
        self.delete_button.setToolTip("Delete this note (asks first)")
        self.delete_button.clicked.connect(lambda: actions.delete(self.note))
        header.addWidget(self.edit_button)
        header.addWidget(self.delete_button)
        layout.addLayout(header)
        if note.text:
            self.text = QLabel(note.text)
            self.text.setWordWrap(True)
            self.text.setTextFormat(Qt.TextFormat.PlainText)
            self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(self.text)
        if note.tags:
            tags = QLabel("Tags: " + ", ".join(note.tags))
            tags.setTextFormat(Qt.TextFormat.PlainText)
            secondary(tags)  # quieter, still readable (AA) in light and dark
            layout.addWidget(tags)
        self.follow_up_boxes: list[QCheckBox] = []
        for follow_up in note.follow_ups:
            check = WrappingCheck(follow_up_label(follow_up, today), follow_up.done)
            check.setToolTip("Tick when done")
            if follow_up.id is not None:
                check.box.toggled.connect(
                    lambda done, fid=follow_up.id: actions.set_done(fid, done)
                )
            self.follow_up_boxes.append(writes_journal(check.box))
            if note.person_id is None or follow_up.done:
                layout.addWidget(check)
                continue
            line = QHBoxLayout()
            line.setContentsMargins(0, 0, 0, 0)
            line.addWidget(check, 1)
            raise_button = writes_journal(QToolButton())
            raise_button.setText("Raise at next 1:1")
            raise_button.setObjectName("raise-at-next")
            raise_button.setToolTip("Add it to the talking points of your next 1:1 with them")
            raise_button.clicked.connect(
                lambda _=False, f=follow_up, p=note.person_id: actions.raise_at_next(p, f, today)
            )
            line.addWidget(raise_button, 0, Qt.AlignmentFlag.AlignTop)
            layout.addLayout(line)

    def shows(self, note: Note, today: dt.date) -> bool:
        """Whether the card shows ``note`` as it is on ``today``, its ticks included (a tick
        whose write failed is drawn again from the journal)."""
        return (
            self.note == note
            and self.today == today
            and all(
                box.isChecked() == follow_up.done
                for box, follow_up in zip(self.follow_up_boxes, note.follow_ups, strict=True)
            )
        )


class PersonTimeline(QWidget):
    def __init__(self, journal: Journal, actions: NoteActions, parent: QWidget | None = None):
        super().__init__(parent)
        self.journal = journal
        self.note_actions = actions
        self.person_id: int | None = None
        self._shown = 0
        self._total = 0
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.setSpacing(8)
        self.empty = QLabel(
            "No notes yet. After your next conversation, add a note (Ctrl+N): "
            "what was said, the attitude you saw, what you promised."
        )
        self.empty.setWordWrap(True)
        self.more = QPushButton("Show older notes")
        self.more.clicked.connect(self.show_more)
        self.cards: list[NoteCard] = []
        #: notes read for the timeline whose cards are made once it has painted
        self.pending: list[Note] = []
        self._painted = False
        self._tries = 0
        self._rest = QTimer(self)
        self._rest.setSingleShot(True)
        self._rest.setInterval(_REST_RETRY_MS)
        self._rest.timeout.connect(self.make_pending)
        self.layout_.addWidget(self.empty)
        self.layout_.addWidget(self.more)
        self.layout_.addStretch(1)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted and self.pending:
            self._rest.start()  # the rest a moment after this first paint, in a later turn
        self._painted = True

    def set_person(self, person_id: int | None, keep_shown: bool = False) -> None:
        """Show ``person_id``'s latest notes; ``keep_shown``: the same person drawn again,
        as many notes as are shown, and the cards of the notes that did not change kept."""
        same = keep_shown and person_id == self.person_id
        wanted = max(TIMELINE_PAGE, self._shown) if same else TIMELINE_PAGE
        self.person_id = person_id
        self._total = self.journal.notes.count(person_id=person_id) if person_id else 0
        notes: list[Note] = []
        if person_id is not None and self._total:
            notes = self.journal.notes.for_person(person_id, limit=wanted)
        today = dt.date.today()
        kept = {card.note.id: card for card in self.cards} if same else {}
        cards: list[NoteCard] = []
        for position, note in enumerate(notes):
            card = kept.get(note.id)
            if card is None or not card.shows(note, today):
                if not same and position >= FIRST_CARDS:
                    break  # after the paint
                card = NoteCard(note, self.note_actions, today=today, parent=self)
            cards.append(card)
        chosen = {id(card) for card in cards}
        for card in self.cards:
            self.layout_.removeWidget(card)
            if id(card) not in chosen:
                card.setParent(None)
                card.deleteLater()
        for position, card in enumerate(cards):
            self.layout_.insertWidget(1 + position, card)  # after the empty text
        self.cards = cards
        self.pending = notes[len(cards) :]
        self._shown = len(notes)
        self._painted = False
        self._tries = 0
        if self.pending:
            self._rest.start()
        else:
            self._rest.stop()
        self._show_counts()

    def make_pending(self) -> None:
        """Make the cards still to be made; while the timeline, shown, has not painted yet,
        look again a little later (a few times at most)."""
        if not self.pending:
            return
        if self.isVisible() and not self._painted and self._tries < _REST_TRIES:
            self._tries += 1
            self._rest.start()
            return
        self._add_cards(self.pending)
        self.pending = []

    def show_more(self) -> None:
        self.make_pending_now()
        if self.person_id is not None and self._shown < self._total:
            notes = self.journal.notes.for_person(
                self.person_id, limit=TIMELINE_PAGE, offset=self._shown
            )
            self._add_cards(notes)
            self._shown += len(notes)
        self._show_counts()

    def make_pending_now(self) -> None:
        """Make the cards still to be made, painted or not."""
        self._rest.stop()
        self._add_cards(self.pending)
        self.pending = []

    def _add_cards(self, notes: list[Note]) -> None:
        today = dt.date.today()
        for note in notes:
            card = NoteCard(note, self.note_actions, today=today, parent=self)
            self.layout_.insertWidget(self.layout_.indexOf(self.more), card)
            if self.isVisible():
                # shown now rather than in a later turn (as the layout would): the layout
                # then places it in the same turn, never drawn squeezed before it is placed
                card.show()
            self.cards.append(card)

    def _show_counts(self) -> None:
        self.empty.setVisible(self._total == 0)
        left = self._total - self._shown
        self.more.setVisible(left > 0)
        self.more.setText(f"Show older notes ({left} more)")
