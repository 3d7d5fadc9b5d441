"""The Journal: every note, about anyone or no one, newest first, loaded page by page.

Selecting a note shows it in full below the list, with its follow-ups to tick off.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from cxjournal.domain.errors import NotFoundError
from cxjournal.domain.model import NoteKind
from cxjournal.journal.changes import Area
from cxjournal.qt.core import QItemSelectionModel, Qt, QTimer
from cxjournal.qt.widgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from cxjournal.ui.models.notes_model import (
    ATTITUDE,
    DATE,
    FOLLOW_UPS,
    KIND,
    KIND_LABELS,
    NOTE_ID_ROLE,
    PERSON,
    TAGS,
    TEXT,
    NotesModel,
)
from cxjournal.ui.page import ListDetailPage
from cxjournal.ui.person_timeline import NoteActions, NoteCard
from cxjournal.ui.read_only import writes_journal
from cxjournal.ui.services import Services
from cxjournal.ui.widgets.column_fit import fit_columns
from cxjournal.ui.widgets.empty_state import EmptyState

#: Milliseconds of pause in typing before the filter applies.
FILTER_PAUSE_MS = 150

EMPTY_TEXT = (
    "<h3>Your journal is empty</h3>"
    "<p>Notes of your 1:1s, meetings and calls appear here, newest first, with the "
    "entries about no one: a win worth remembering, a reflection after a hard week.</p>"
    "<p>Press <b>Ctrl+N</b> after your next conversation: today's date and a 1:1 are "
    "filled in, so it takes seconds.</p>"
)


class JournalPage(ListDetailPage):
    #: every note, with the names of the people they are about
    shows = Area.NOTES | Area.PEOPLE

    def __init__(self, context: Services) -> None:
        super().__init__(context)
        self.note_actions = NoteActions(self.journal, context.window, self.announce)
        self.new_button = writes_journal(QPushButton("&New note…"))
        self.new_button.setToolTip("Note a conversation, a win or a reflection (Ctrl+N)")
        self.kind = QComboBox()
        self.kind.setAccessibleName("Show notes of kind")
        self.kind.addItem("All kinds", None)
        for kind in NoteKind:
            self.kind.addItem(KIND_LABELS[kind], kind.value)
        kind_label = QLabel("&Show:")
        kind_label.setBuddy(self.kind)
        self.filter_box = QLineEdit()
        self.filter_box.setObjectName("journal-filter")
        self.filter_box.setPlaceholderText("Filter: words, a name, a tag")
        self.filter_box.setAccessibleName("Filter notes")
        self.filter_box.setToolTip(
            "Only the notes whose text, tags, person or follow-ups hold these words"
        )
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.setMaximumWidth(320)
        filter_label = QLabel("Fi&lter:")  # Alt+F opens the File menu
        filter_label.setBuddy(self.filter_box)
        self.filter_timer = QTimer(self)
        self.filter_timer.setSingleShot(True)
        self.filter_timer.setInterval(FILTER_PAUSE_MS)
        self.filter_timer.timeout.connect(self.refresh)
        self.filter_box.textChanged.connect(lambda _t: self.filter_timer.start())
        self.filter_box.returnPressed.connect(self._filter_now)
        self.count_label = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.new_button)
        top.addSpacing(12)
        top.addWidget(kind_label)
        top.addWidget(self.kind)
        top.addSpacing(12)
        top.addWidget(filter_label)
        top.addWidget(self.filter_box, 1)
        top.addStretch(0)
        top.addWidget(self.count_label)

        self.model = NotesModel(self)
        self.table = QTableView()
        self.table.setObjectName("notes-table")
        self.table.setAccessibleName("Notes")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for column, width in ((DATE, 90), (PERSON, 130), (2, 90), (3, 80), (TEXT, 360), (5, 110)):
            header.resizeSection(column, width)
        # the note takes what is left, so the tags and follow-ups stay in view
        header.resizeSection(FOLLOW_UPS, header.fontMetrics().horizontalAdvance("Follow-ups") + 28)
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        fit_columns(self.table, (ATTITUDE, KIND, TAGS), stretch_room=200)

        self.detail_holder = QWidget()
        self.detail_layout = QVBoxLayout(self.detail_holder)
        self.detail_layout.setContentsMargins(8, 8, 8, 8)
        self.detail_hint = QLabel("Select a note to read it in full.")
        self.detail_layout.addWidget(self.detail_hint)
        self.detail_layout.addStretch(1)
        self.card: NoteCard | None = None
        self._card_name = ""  # the name of the person on the card
        detail = QScrollArea()
        detail.setWidgetResizable(True)
        detail.setWidget(self.detail_holder)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([420, 280])
        listing = QWidget()
        listing_layout = QVBoxLayout(listing)
        listing_layout.setContentsMargins(8, 8, 8, 8)
        listing_layout.addLayout(top)
        listing_layout.addWidget(splitter, 1)

        empty_new = writes_journal(QPushButton("Write your first note…"))
        empty_new.clicked.connect(self.new_note)
        self.empty_new_button = empty_new
        self.empty = EmptyState(EMPTY_TEXT, empty_new)

        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(listing)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        self.new_button.clicked.connect(self.new_note)
        self.kind.currentIndexChanged.connect(lambda _i: self.refresh())
        self.table.selectionModel().currentRowChanged.connect(self.current_moved)
        self.table.activated.connect(lambda _index: self._edit_current())

    def primary_widget(self) -> QWidget | None:
        return self.empty_new_button if self.stack.currentIndex() == 0 else self.new_button

    def kind_filter(self) -> NoteKind | None:
        value = self.kind.currentData()
        return NoteKind(value) if value else None

    def _filter_now(self) -> None:
        self.filter_timer.stop()
        self.refresh()
        if self.model.rowCount():
            self.table.setFocus()

    def _reload(self) -> None:
        self.filter_timer.stop()
        keep = self.current_note_id()
        kind = self.kind_filter()
        typed = self.filter_box.text()
        total_all = self.journal.notes.count()
        total = self.journal.notes.count(kind=kind, text=typed) if kind or typed else total_all
        names = {
            p.id: p.name for p in self.journal.people.all(include_archived=True) if p.id is not None
        }
        notes = self.journal.notes
        self.model.reset(
            lambda offset, limit, order, descending: notes.recent(
                limit, offset, kind, order, descending, typed
            ),
            total,
            names,
        )
        if typed.strip():
            self.count_label.setText(
                f"{total} of {total_all} note{'s' if total_all != 1 else ''} match"
                if total
                else "No note matches. Try fewer words."
            )
        else:
            self.count_label.setText(f"{total} note{'s' if total != 1 else ''}")
        self.stack.setCurrentIndex(1 if total_all else 0)
        kept = keep is not None and self.select_note(keep)  # pages in as far as it was
        if not kept and self.model.rowCount():
            self.table.selectRow(0)

    def current_note_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        value = self.model.data(index, NOTE_ID_ROLE)
        return int(value) if value is not None else None

    def select_note(self, note_id: int, load: bool = True) -> bool:
        row = self.model.row_of(note_id)
        if row is None and load and not (self.model.default_order and not self.filter_box.text()):
            self.model.load_until(self.model.total)  # sorted or filtered: look through them all
            row = self.model.row_of(note_id)
        elif row is None and load:
            try:
                position = self.journal.notes.position(note_id, self.kind_filter())
            except NotFoundError:
                return False
            self.model.load_until(position)
            row = self.model.row_of(note_id)
        if row is None:
            return False
        index = self.model.index(row, DATE)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        return True

    def open_item(self, **kwargs: Any) -> None:
        note_id = kwargs.get("note_id")
        if note_id is None:
            return
        self.refresh_if_stale()
        if not self.select_note(int(note_id)) and (
            self.kind.currentIndex() != 0 or self.filter_box.text()
        ):
            self.filter_box.blockSignals(True)
            self.filter_box.clear()
            self.filter_box.blockSignals(False)
            if self.kind.currentIndex() != 0:
                self.kind.setCurrentIndex(0)  # refreshes with every kind
            else:
                self.refresh()
            self.select_note(int(note_id))
        self.table.setFocus()

    def _show_current(self) -> None:
        """The current note's card; the one shown stays when it shows the same (a refresh
        after another note was added, say), its ticks included."""
        index = self.table.currentIndex()
        note = self.model.note(index.row()) if index.isValid() else None
        name = (self.model.person_name(note.person_id) or "No one") if note is not None else ""
        today = dt.date.today()
        card = self.card
        if (
            card is not None
            and note is not None
            and name == self._card_name
            and card.shows(note, today)
        ):
            return
        if card is not None:
            card.setParent(None)
            card.deleteLater()
            self.card = None
        if note is None:
            self.detail_hint.show()
            return
        self.card = NoteCard(note, self.note_actions, person_name=name, today=today)
        self._card_name = name
        self.detail_hint.hide()
        self.detail_layout.insertWidget(0, self.card)

    def _edit_current(self) -> None:
        if self.card is not None:
            self.note_actions.edit(self.card.note)

    def new_note(self) -> None:
        from cxjournal.ui.dialogs.note_dialog import NoteDialog

        dialog = NoteDialog(self.journal, self.context.window)
        if self.run_dialog(dialog) and dialog.saved_note and dialog.saved_note.id is not None:
            self.refresh_if_stale()
            self.select_note(dialog.saved_note.id)
            self.context.show_status("Note saved")
