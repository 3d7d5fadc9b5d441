"""The People page: the directory (filter, sort, archived on request) and one person's details.

The right side shows the selected person's profile essentials, cadence, attitude
strip and timeline, with buttons to add a note, prepare a 1:1, edit, archive or delete.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from cxjournal.domain.cadence import days_label
from cxjournal.domain.model import Person
from cxjournal.domain.trash import GOES_TO_TRASH
from cxjournal.domain.wording import short_date
from cxjournal.journal.changes import Area
from cxjournal.journal.people import PersonSummary
from cxjournal.journal.undo import person_scope, recorded, undoable_delete
from cxjournal.qt.core import QItemSelectionModel, QSortFilterProxyModel, Qt
from cxjournal.qt.gui import QFontMetrics
from cxjournal.qt.widgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from cxjournal.ui import sort_arrows
from cxjournal.ui.models.people_model import (
    FILTER_ROLE,
    FORMAT_LABELS,
    FUNCTION,
    KEY,
    NAME,
    NEXT_UPDATE,
    PERSON_ID_ROLE,
    RELATIONSHIP,
    RELATIONSHIP_LABELS,
    ROLE,
    SORT_ROLE,
    PeopleModel,
)
from cxjournal.ui.page import ListDetailPage
from cxjournal.ui.person_timeline import NoteActions, PersonTimeline
from cxjournal.ui.plain_text import as_written, escape, plain_label
from cxjournal.ui.read_only import writes_journal
from cxjournal.ui.services import Services
from cxjournal.ui.theme import secondary
from cxjournal.ui.widgets.agenda_list import AgendaList
from cxjournal.ui.widgets.attitude_strip import MAX_POINTS, AttitudeStrip
from cxjournal.ui.widgets.column_fit import fit_columns
from cxjournal.ui.widgets.empty_state import EmptyState
from cxjournal.ui.write_guard import UNCHANGED

EMPTY_TEXT = (
    "<h3>No people yet</h3>"
    "<p>Add the people your work depends on: your manager, the leaders accountable "
    "for the outcomes you influence, your peers and the CX board. For each, note what "
    "information they need, in which format, and how often they should hear from you.</p>"
)


def cadence_sentence(
    person: Person, last_contact: dt.date | None, due: dt.date | None, today: dt.date
) -> str:
    """E.g. "Update every 14 days · last contact 3 Mar 2026 · next due 17 Mar 2026 (in 7 days)"."""
    if person.cadence_days is None or due is None:
        return "No regular update set (edit the profile to set a cadence)."
    last = f"last contact {short_date(last_contact)}" if last_contact else "no contact noted yet"
    return (
        f"Update every {person.cadence_days} days · {last} · next due "
        f"{short_date(due)} ({days_label(due, today)})"
    )


def profile_html(person: Person) -> str:
    def row(label: str, value: str) -> str:
        shown = escape(value) if value else "<i>not noted</i>"
        return f"<p style='margin:0 0 4px 0'><b>{label}:</b> {shown}</p>"

    where = " · ".join(
        v for v in (person.team, person.function, person.product_unit, person.location) if v
    )
    fmt = FORMAT_LABELS[person.preferred_format] if person.preferred_format else ""
    return "".join(
        [
            row("Information needs", person.information_needs),
            row("Preferred format", fmt),
            row("Motivations", person.motivations),
            row("Team · function · unit · place", where),
        ]
    )


class PeoplePage(ListDetailPage):
    #: the directory, each person's notes and follow-ups, and their talking points
    shows = Area.PEOPLE | Area.NOTES | Area.AGENDA

    def __init__(self, context: Services) -> None:
        super().__init__(context)
        self.today = dt.date.today()
        self.note_actions = NoteActions(self.journal, context.window, self.announce)
        self.summaries: dict[int, PersonSummary] = {}
        self.prepare_dialog: Any = None

        # -- the directory ---------------------------------------------------------------
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Filter by name, role, function, team…")
        self.filter.setAccessibleName("Filter people")
        self.filter.setClearButtonEnabled(True)
        self.show_archived = QCheckBox("Show &archived")
        self.show_archived.setToolTip("Also list people you have archived")
        self.add_button = writes_journal(QPushButton("Add &person…"))
        self.add_button.setToolTip("Add someone to your directory")
        self.model = PeopleModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterRole(FILTER_ROLE)
        self.proxy.setFilterKeyColumn(NAME)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.table = QTableView()
        self.table.setObjectName("people-table")
        self.table.setAccessibleName("People")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        sort_arrows.use_for(self.table)
        self.table.sortByColumn(NAME, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        metrics = self.table.fontMetrics()
        for column, width in ((NAME, 132), (1, 100), (2, 80), (3, 86), (4, 56), (5, 72)):
            header.resizeSection(column, width)
        bold = self.table.font()
        bold.setBold(True)  # an overdue update is bold, after its bell
        due = QFontMetrics(bold).horizontalAdvance("9999 days overdue") + 40
        header.resizeSection(NEXT_UPDATE, max(metrics.horizontalAdvance("Next update") + 28, due))
        # the name takes what is left; in a narrow list the function, role, relationship
        # and key step aside, so the attitude and the next update stay in view
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        fit_columns(self.table, (FUNCTION, ROLE, RELATIONSHIP, KEY), stretch_room=110)
        self.count_label = QLabel()
        secondary(self.count_label)

        top = QHBoxLayout()
        top.addWidget(self.filter, 1)
        top.addWidget(self.show_archived)
        top.addWidget(self.add_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(8, 8, 4, 8)
        left_layout.addLayout(top)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.count_label)

        # -- one person --------------------------------------------------------------------
        self.name_label = plain_label()
        self.name_label.setObjectName("person-name")
        font = self.name_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.name_label.setFont(font)
        self.name_label.setWordWrap(True)
        self.subtitle = plain_label()
        self.subtitle.setWordWrap(True)
        self.note_button = writes_journal(QPushButton("Add &note…"))
        self.note_button.setToolTip("Note a conversation with them (Ctrl+N)")
        self.prepare_button = QPushButton("Prepare &1:1…")
        self.prepare_button.setToolTip("Everything you need before meeting them, on one screen")
        self.edit_button = writes_journal(QPushButton("Ed&it profile…"))
        self.archive_button = writes_journal(QPushButton())
        self.delete_button = writes_journal(QPushButton("&Delete…"))
        self.delete_button.setToolTip("Remove for good: only someone with no notes or ratings")
        buttons = QHBoxLayout()
        buttons.addWidget(self.note_button)
        buttons.addWidget(self.prepare_button)
        buttons.addStretch(1)
        more_buttons = QHBoxLayout()
        for button in (self.edit_button, self.archive_button, self.delete_button):
            more_buttons.addWidget(button)
        more_buttons.addStretch(1)
        self.cadence_label = QLabel()
        self.cadence_label.setObjectName("cadence")
        self.cadence_label.setWordWrap(True)
        self.profile_label = QLabel()
        self.profile_label.setWordWrap(True)
        self.profile_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.attitude = AttitudeStrip()
        self.agenda = AgendaList(self.journal, self.announce, adder=True)
        self.timeline = PersonTimeline(self.journal, self.note_actions)
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(12, 8, 12, 12)
        detail_layout.addWidget(self.name_label)
        detail_layout.addWidget(self.subtitle)
        detail_layout.addLayout(buttons)
        detail_layout.addLayout(more_buttons)
        detail_layout.addWidget(self.cadence_label)
        detail_layout.addWidget(self.profile_label)
        detail_layout.addWidget(_heading("Talking points for the next 1:1"))
        detail_layout.addWidget(self.agenda)
        detail_layout.addWidget(_heading("Attitude over time"))
        detail_layout.addWidget(self.attitude)
        detail_layout.addWidget(_heading("Notes"))
        detail_layout.addWidget(self.timeline, 1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll_area.setWidget(detail)
        # never narrower than the profile's buttons: the splitter gives way on the list's
        # side (which scrolls sideways) instead of clipping the profile
        self.scroll_area.setMinimumWidth(
            detail.minimumSizeHint().width()
            + self.scroll_area.verticalScrollBar().sizeHint().width()
        )

        empty_add = writes_journal(QPushButton("Add your first person…"))
        empty_add.clicked.connect(self.add_person)
        self.empty_add_button = empty_add
        self.empty = EmptyState(EMPTY_TEXT, empty_add)
        self.hint = QLabel("Select someone on the left to see their profile and notes.")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        self.right = QStackedWidget()
        self.right.addWidget(self.hint)
        self.right.addWidget(self.scroll_area)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([660, 420])
        self.directory = splitter
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(splitter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        self.filter.textChanged.connect(self._filter)
        self.show_archived.toggled.connect(lambda _on: self.refresh())
        self.add_button.clicked.connect(self.add_person)
        self.note_button.clicked.connect(self.add_note)
        self.prepare_button.clicked.connect(self.prepare)
        self.edit_button.clicked.connect(self.edit_person)
        self.archive_button.clicked.connect(self.toggle_archived)
        self.delete_button.clicked.connect(self.delete_person)
        self.table.selectionModel().currentRowChanged.connect(self.current_moved)
        self.table.doubleClicked.connect(lambda _index: self.edit_person())

    # -- reading -----------------------------------------------------------------------

    def primary_widget(self) -> QWidget | None:
        empty = self.stack.currentWidget() is self.empty
        return self.empty_add_button if empty else self.add_button

    def _reload(self) -> None:
        self.today = dt.date.today()
        keep = self.current_person_id()
        rows = self.journal.people.summaries(self.today, self.show_archived.isChecked())
        self.summaries = {s.person.id: s for s in rows if s.person.id is not None}
        self.model.set_rows(rows, self.today)
        due = sum(1 for s in rows if s.status in ("due", "overdue") and not s.person.archived)
        shown = f"{len(rows)} {'person' if len(rows) == 1 else 'people'}"
        self.count_label.setText(f"{shown} · {due} update(s) due" if due else shown)
        if keep is not None and keep in self.summaries:
            self.select_person(keep)
        elif self.proxy.rowCount():
            self.table.selectRow(0)

    def current_person_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return None
        value = self.proxy.data(index.siblingAtColumn(NAME), PERSON_ID_ROLE)
        return int(value) if value is not None else None

    def current_summary(self) -> PersonSummary | None:
        person_id = self.current_person_id()
        return self.summaries.get(person_id) if person_id is not None else None

    def select_person(self, person_id: int) -> bool:
        row = self.model.row_of(person_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, NAME))
        if not index.isValid():
            self.filter.clear()
            index = self.proxy.mapFromSource(self.model.index(row, NAME))
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)
        return True

    def open_item(self, **kwargs: Any) -> None:
        person_id = kwargs.get("person_id")
        if person_id is None:
            return
        self.refresh_if_stale()
        if not self.select_person(int(person_id)):
            self.show_archived.setChecked(True)  # refreshes
            self.select_person(int(person_id))
        self.table.setFocus()

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        if self.current_person_id() is None and self.proxy.rowCount():
            self.table.selectRow(0)
        self._show_current()

    def _show_current(self) -> None:
        nobody = not self.summaries and not self.show_archived.isChecked()
        if nobody and not self.journal.people.all(include_archived=True):
            self.stack.setCurrentWidget(self.empty)
            return
        self.stack.setCurrentWidget(self.directory)
        summary = self.current_summary()
        if summary is None:
            self.right.setCurrentWidget(self.hint)
            return
        person = summary.person
        self.name_label.setText(person.name + (" (archived)" if person.archived else ""))
        bits = [person.role, person.organisation, RELATIONSHIP_LABELS[person.relationship]]
        bits.append("internal" if person.internal else "external")
        if person.key_stakeholder:
            bits.append("key stakeholder")
        if person.cx_board:
            bits.append("CX board")
        self.subtitle.setText(" · ".join(b for b in bits if b))
        overdue = summary.status in ("due", "overdue")
        sentence = cadence_sentence(person, summary.last_contact, summary.due, self.today)
        shown = escape(sentence)
        self.cadence_label.setText(f"<b>⚠ {shown}</b>" if overdue else shown)
        self.cadence_label.setAccessibleName(("Update due: " if overdue else "") + sentence)
        self.profile_label.setText(profile_html(person))
        self.agenda.set_person(person.id)
        self.archive_button.setText("&Restore" if person.archived else "&Archive")
        self.archive_button.setToolTip(
            "Bring them back to the directory"
            if person.archived
            else "Hide them from the directory; their notes and ratings are kept"
        )
        if person.id is None:
            self.attitude.set_points([])
        else:
            points, noted = self.journal.notes.latest_attitudes(person.id, MAX_POINTS)
            self.attitude.set_points(points, noted)
        same = self.timeline.person_id == person.id
        position = self.scroll_area.verticalScrollBar().value()
        self.timeline.set_person(person.id, keep_shown=same)
        if same:
            self.scroll_area.verticalScrollBar().setValue(position)
        self.right.setCurrentWidget(self.scroll_area)

    # -- writing -------------------------------------------------------------------------

    def add_person(self) -> None:
        from cxjournal.ui.person_profile import PersonProfileDialog

        dialog = PersonProfileDialog(self.journal, self.context.window)
        if self.run_dialog(dialog) and dialog.saved_person and dialog.saved_person.id is not None:
            self.filter.clear()
            self.refresh_if_stale()
            self.select_person(dialog.saved_person.id)
            self.context.show_status(f"Added {dialog.saved_person.name}")

    def edit_person(self) -> None:
        from cxjournal.ui.person_profile import PersonProfileDialog

        summary = self.current_summary()
        if summary is None:
            return
        dialog = PersonProfileDialog(self.journal, self.context.window, summary.person)
        self.run_dialog(dialog)

    def add_note(self) -> None:
        from cxjournal.ui.dialogs.note_dialog import NoteDialog

        dialog = NoteDialog(self.journal, self.context.window, person_id=self.current_person_id())
        if self.run_dialog(dialog) and dialog.saved_note:
            self.context.show_status("Note saved")

    def prepare(self) -> None:
        from cxjournal.ui.dialogs.prepare_dialog import PrepareDialog

        person_id = self.current_person_id()
        if person_id is None:
            return
        if self.prepare_dialog is not None:
            self.prepare_dialog.close()
        self.prepare_dialog = PrepareDialog(
            self.journal, person_id, self.announce, self.context.window
        )
        self.prepare_dialog.show()

    def toggle_archived(self) -> None:
        summary = self.current_summary()
        if summary is None or summary.person.id is None:
            return
        person = summary.person
        what = "restore this person" if person.archived else "archive this person"
        person_id = person.id
        assert person_id is not None
        if (
            self.run_undoable(
                f"{'Restore' if person.archived else 'Archive'} {person.name}",
                what,
                recorded(
                    person_scope(person_id),
                    lambda j: j.people.set_archived(person_id, not person.archived),
                ),
                UNCHANGED,
            )
            is None
        ):
            return
        verb = "Restored" if person.archived else "Archived"
        self.context.show_status(f"{verb} {person.name}")

    def delete_person(self) -> None:
        summary = self.current_summary()
        if summary is None or summary.person.id is None:
            return
        person = summary.person
        usage = self.journal.people.usage(summary.person.id)
        parts = ", ".join(f"{n} {what}" for what, n in usage.items() if n)
        along = (
            f" with everything of theirs ({parts})? Archiving them instead keeps it all and "
            "only takes them out of the directory."
            if parts
            else "?"
        )
        answer = QMessageBox.question(
            self,
            "Delete person",
            as_written(f"Delete {person.name}{along}\n\n{GOES_TO_TRASH}"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        person_id = person.id
        assert person_id is not None
        if (
            self.run_undoable(
                f"Delete {person.name}",
                "delete this person",
                undoable_delete("person", person_id),
                UNCHANGED,
            )
            is None
        ):
            return
        self.context.show_status(f"Deleted {person.name}")


def _heading(text: str) -> QLabel:
    label = QLabel(f"<b>{escape(text)}</b>")
    label.setContentsMargins(0, 8, 0, 0)
    return label
