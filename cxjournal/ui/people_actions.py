"""People and notes in the main window: Ctrl+N for a new note, and the count of updates due.

The count of stakeholders whose update is due shows in the sidebar ("People (3 due)")
and in the status bar from start-up; it is one aggregate query, redone after changes
and when the day turns.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from cxjournal.journal.changes import Area
from cxjournal.qt.core import QEvent, QObject, Qt, QTimer
from cxjournal.qt.gui import QAction, QKeySequence
from cxjournal.qt.widgets import QLabel, QListWidgetItem
from cxjournal.ui.icons import icon
from cxjournal.ui.page import page_of
from cxjournal.ui.pages import PAGES

if TYPE_CHECKING:
    from cxjournal.ui.services import Services

PAGE_KEY = "people"
RECOUNT_MS = 15 * 60 * 1000


def install(services: Services) -> None:
    window = services.window
    new_note = QAction(icon("journal"), "&New note…", window)
    new_note.setObjectName("action-new-note")
    new_note.setShortcut(QKeySequence.StandardKey.New)
    new_note.setStatusTip("Note a conversation, a win or a reflection")
    new_note.triggered.connect(lambda: open_new_note(services))
    new_person = QAction(icon("people"), "New &person…", window)
    new_person.setObjectName("action-new-person")
    new_person.setStatusTip("Add someone to your people directory")
    new_person.triggered.connect(lambda: open_new_person(services))
    file_menu = services.menu("file")
    from cxjournal.ui.main_window import writes_journal

    if file_menu.actions():
        first = file_menu.actions()[0]
        file_menu.insertAction(first, writes_journal(new_note))
        file_menu.insertAction(first, writes_journal(new_person))
    else:
        file_menu.addAction(writes_journal(new_note))
        file_menu.addAction(writes_journal(new_person))
    services.extensions.due_counter = DueCounter(services)


def open_new_note(services: Services) -> None:
    from cxjournal.ui.dialogs.note_dialog import NoteDialog
    from cxjournal.ui.people_page import PeoplePage

    person_id = None
    if services.current_key() == PAGE_KEY:
        person_id = page_of(services.page, PAGE_KEY, PeoplePage).current_person_id()
    dialog = NoteDialog(services.journal, services.window, person_id=person_id)
    if services.run_dialog(dialog) and dialog.saved_note:
        services.show_status("Note saved")


def open_new_person(services: Services) -> None:
    services.navigate(PAGE_KEY)
    from cxjournal.ui.people_page import PeoplePage

    page_of(services.page, PAGE_KEY, PeoplePage).add_person()


class DueCounter(QObject):
    """Keeps the sidebar item and a status-bar label showing how many updates are due."""

    def __init__(self, services: Services) -> None:
        super().__init__(services.window)
        self.services = services
        self.count = 0
        self.label = QLabel()
        self.label.setObjectName("due-updates")
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setToolTip("Stakeholders whose next update is due: click to see them")
        self.label.linkActivated.connect(lambda _link: self.show_people())
        services.add_status_widget(self.label)
        services.bus.changed.connect(self._changed)
        self.timer = QTimer(self)
        self.timer.setInterval(RECOUNT_MS)
        self.timer.timeout.connect(self.recount)
        self.timer.start()
        # a closed or hidden window stops counting (the journal may be closed after it),
        # and counts again when it is shown
        services.window.installEventFilter(self)
        self.recount()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.services.window:
            if event.type() == QEvent.Type.Hide:
                self.timer.stop()
            elif event.type() == QEvent.Type.Show and not self.timer.isActive():
                self.timer.start()
                self.recount()
        return False

    def _changed(self, changes: Area) -> None:
        if changes & (Area.PEOPLE | Area.NOTES):
            self.recount()

    def recount(self, today: dt.date | None = None) -> int:
        from cxjournal.journal.status import due_count

        self.count = due_count(self.services.journal, today or self.services.today())
        item = self._sidebar_item()
        if item is not None:
            title = next((s.title for s in PAGES if s.key == PAGE_KEY), "People")
            item.setText(f"{title} ({self.count} due)" if self.count else title)
            item.setToolTip(
                f"{self.count} stakeholder update(s) due" if self.count else "Your stakeholders"
            )
        if self.count:
            self.label.setText(
                f'<a href="people">{self.count} update{"s" if self.count != 1 else ""} due</a>'
            )
            self.label.show()
        else:
            self.label.clear()
            self.label.hide()
        return self.count

    def show_people(self) -> None:
        from cxjournal.ui.models.people_model import NEXT_UPDATE
        from cxjournal.ui.people_page import PeoplePage

        self.services.navigate(PAGE_KEY)
        page = page_of(self.services.page, PAGE_KEY, PeoplePage)
        page.table.sortByColumn(NEXT_UPDATE, Qt.SortOrder.AscendingOrder)

    def _sidebar_item(self) -> QListWidgetItem | None:
        sidebar = self.services.window.sidebar
        for row in range(sidebar.count()):
            item = sidebar.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == PAGE_KEY:
                return item
        return None
