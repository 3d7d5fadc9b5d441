"""Preferences > Calendar: the .ics files meetings are read from, and the user's addresses.

The same operations as ``cxjournal calendar add|remove|refresh`` (spec/calendar.md):
adding reads the file at once (a file that is not iCalendar is refused with its
line, and nothing is added); each source says how many meetings it holds and when
it was read, or that its file is gone (its meetings are kept). The running
calendar watch takes up every change here at once.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from cxjournal.domain.meetings import CalendarSource
from cxjournal.domain.wording import short_date
from cxjournal.journal.changes import Area
from cxjournal.qt.core import Qt
from cxjournal.qt.widgets import (
    QApplication,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from cxjournal.ui.plain_text import as_written, plain_label
from cxjournal.ui.read_only import writes_journal
from cxjournal.ui.write_guard import UNCHANGED, guarded_write

if TYPE_CHECKING:
    from cxjournal.ui.services import Services

NO_SOURCES = (
    "No calendar yet. Export your calendar as an .ics file (or point to one your calendar "
    "program keeps current) and add it: Today then shows your next 1:1s."
)


def source_status(source: CalendarSource) -> str:
    """One line on a source: its meetings and when it was read, or that its file is gone."""
    count = f"{source.meeting_count} meeting{'s' if source.meeting_count != 1 else ''}"
    if source.missing:
        kept = "its meeting is" if source.meeting_count == 1 else f"its {count} are"
        return f"The file is gone; {kept} kept until it is back or the calendar is removed."
    if not source.read_at:
        return f"{count}, not read yet"
    try:
        read = dt.datetime.fromisoformat(source.read_at).replace(tzinfo=dt.UTC).astimezone()
    except ValueError:
        return count
    return f"{count}, read {short_date(read.date())} at {read:%H:%M}"


class CalendarTab(QWidget):
    title = "Calendar"

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.journal = services.journal
        self.sources = QListWidget()
        self.sources.setObjectName("calendar-sources")
        self.sources.setAccessibleName("Calendar files")
        self.sources.setWordWrap(True)
        self.sources.setAlternatingRowColors(True)
        self.sources.currentRowChanged.connect(self._selection_changed)
        self.empty = plain_label(NO_SOURCES)
        self.empty.setObjectName("calendar-empty")
        self.empty.setWordWrap(True)
        self.add_button = writes_journal(QPushButton("&Add calendar file…"))
        self.add_button.clicked.connect(self.choose_and_add)
        self.remove_button = writes_journal(QPushButton("&Remove"))
        self.remove_button.setToolTip("Stop reading this file and forget its meetings")
        self.remove_button.clicked.connect(self.remove_selected)
        self.refresh_button = writes_journal(QPushButton("Read a&gain"))
        self.refresh_button.setToolTip("Read every calendar file again now")
        self.refresh_button.clicked.connect(self.refresh_all)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)

        files_box = QGroupBox("Calendar files")
        files = QVBoxLayout(files_box)
        files.addWidget(self.empty)
        files.addWidget(self.sources, 1)
        files.addLayout(buttons)
        note = plain_label(
            "Files are read here, never fetched: cxjournal reads each file again whenever "
            "it changes on disk. Declined, cancelled and all-day events are not meetings."
        )
        note.setWordWrap(True)
        note.setObjectName("calendar-note")
        files.addWidget(note)

        self.emails = writes_journal(QLineEdit())
        self.emails.setObjectName("my-emails")
        self.emails.setAccessibleName("Your e-mail addresses")
        self.emails.setPlaceholderText("you@work.example, you@home.example")
        self.emails.setText(", ".join(self.journal.settings.my_emails()))
        self.emails.editingFinished.connect(self.save_emails)
        me_box = QGroupBox("You")
        me = QFormLayout(me_box)
        label = QLabel("Your &addresses:")
        label.setBuddy(self.emails)
        me.addRow(label, self.emails)
        hint = plain_label(
            "Separated by commas. An organizer or attendee with one of them is you: a "
            "meeting with you and one other person is a 1:1, and what you declined is left out."
        )
        hint.setWordWrap(True)
        me.addRow("", hint)

        layout = QVBoxLayout(self)
        layout.addWidget(files_box, 1)
        layout.addWidget(me_box)
        self.fill()

    # -- the list -----------------------------------------------------------------------------

    def fill(self) -> None:
        keep = self._selected()
        self.sources.clear()
        listed = self.journal.calendar.sources()
        for source in listed:
            item = QListWidgetItem(f"{source.path}\n{source_status(source)}")
            item.setData(Qt.ItemDataRole.UserRole, source.path)
            item.setToolTip(source.path)
            self.sources.addItem(item)
            if source.path == keep:
                self.sources.setCurrentItem(item)
        self.empty.setVisible(not listed)
        self.sources.setVisible(bool(listed))
        self.refresh_button.setEnabled(bool(listed))
        self._selection_changed()

    def _selected(self) -> str | None:
        item = self.sources.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def _selection_changed(self, *_args: object) -> None:
        self.remove_button.setEnabled(self._selected() is not None)

    def _changed(self) -> None:
        """Tell the app: the watch takes up the sources, Today redraws its meetings."""
        watch = self.services.extensions.calendar_watch
        if watch is not None:
            watch.sync()
        self.services.bus.announce(Area.MEETINGS)
        self.fill()

    # -- actions ------------------------------------------------------------------------------

    def choose_and_add(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Add a calendar file", "", "iCalendar files (*.ics);;All files (*)"
        )
        if path:
            self.add(path)

    def add(self, path: str) -> bool:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            with guarded_write(self, "add the calendar", UNCHANGED) as attempt:
                result = self.journal.calendar.add(path)
        finally:
            QApplication.restoreOverrideCursor()
        if attempt.failed:
            return False
        self._changed()
        self.services.show_status(as_written(result.describe(), wrap=False))
        return True

    def remove_selected(self) -> None:
        path = self._selected()
        if path is None:
            return
        answer = QMessageBox.question(
            self,
            "Remove the calendar?",
            as_written(
                f"Stop reading {path} and forget its meetings? The file itself is not touched."
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        with guarded_write(self, "remove the calendar", UNCHANGED) as attempt:
            self.journal.calendar.remove(path)
        if not attempt.failed:
            self._changed()

    def refresh_all(self) -> None:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            with guarded_write(
                self, "read every calendar", "The other calendars were read; this one is unchanged."
            ) as attempt:
                results = self.journal.calendar.refresh()
        finally:
            QApplication.restoreOverrideCursor()
        self._changed()
        if not attempt.failed:
            self.services.show_status(
                as_written("; ".join(r.describe() for r in results), wrap=False)
            )

    def save_emails(self) -> None:
        typed = [part.strip() for part in self.emails.text().split(",") if part.strip()]
        if tuple(typed) == self.journal.settings.my_emails():
            return
        with guarded_write(self, "save your addresses") as attempt:
            self.journal.settings.set_my_emails(typed)
        if not attempt.failed:
            self.services.bus.announce(Area.MEETINGS)
