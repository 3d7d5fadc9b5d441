"""Preferences > Reminders: what to be reminded of, the tray, the background, login.

Every reminder is off until switched on here. Each change is saved at once (one
journal setting); starting at login also writes (or removes) the desktop's own
start-at-login file (cxjournal/autostart.py).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from cxjournal.domain.reminders import (
    MINUTES_BEFORE_MAX,
    MINUTES_BEFORE_MIN,
    ReminderPreferences,
)
from cxjournal.journal.changes import Area
from cxjournal.journal.reminders import reminder_preferences, set_reminder_preferences
from cxjournal.qt.core import QTime
from cxjournal.qt.widgets import (
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)
from cxjournal.ui.plain_text import plain_label
from cxjournal.ui.read_only import writes_journal
from cxjournal.ui.tray import tray_available
from cxjournal.ui.write_guard import guarded_write

PRIVACY = (
    "A reminder shows only a person's name and a time (or how many updates are due), "
    "never what you wrote, so it is safe on a locked screen. Reminders come while cxjournal "
    "runs: keep it running in the background to have them with the window closed."
)
NO_TRAY = (
    "Your desktop shows no tray icons, so cxjournal cannot wait in the tray when its window "
    "closes. Started at login, it opens minimised instead."
)


def _qtime(at: dt.time) -> QTime:
    return QTime(at.hour, at.minute)


def _time(edit: QTimeEdit) -> dt.time:
    value = edit.time()
    return dt.time(value.hour(), value.minute())


def _time_edit(name: str, at: dt.time) -> QTimeEdit:
    edit = writes_journal(QTimeEdit(_qtime(at)))
    edit.setDisplayFormat("HH:mm")
    edit.setAccessibleName(name)
    return edit


class RemindersTab(QWidget):
    title = "Reminders"

    def __init__(self, window: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.main_window = window
        prefs = reminder_preferences(window.journal)
        self.saved = prefs

        self.one_on_one = writes_journal(QCheckBox("Before a &1:1, remind me"))
        self.one_on_one.setChecked(prefs.one_on_one)
        self.minutes = writes_journal(QSpinBox())
        self.minutes.setRange(MINUTES_BEFORE_MIN, MINUTES_BEFORE_MAX)
        self.minutes.setSuffix(" minutes before")
        self.minutes.setAccessibleName("Minutes before a 1:1")
        self.minutes.setValue(prefs.minutes_before)
        self.check_in = writes_journal(QCheckBox("Daily &check-in at"))
        self.check_in.setChecked(prefs.check_in)
        self.check_in_at = _time_edit("Time of the check-in reminder", prefs.check_in_at)
        self.digest = writes_journal(QCheckBox("Morning &digest of the updates due"))
        self.digest.setChecked(prefs.digest)
        self.re_audit = writes_journal(QCheckBox("When a new power &audit is due"))
        self.re_audit.setChecked(prefs.re_audit)
        self.morning_at = _time_edit("Time of the morning reminders", prefs.morning_at)

        remind_box = QGroupBox("Remind me")
        grid = QGridLayout(remind_box)
        grid.addWidget(self.one_on_one, 0, 0)
        grid.addWidget(self.minutes, 0, 1)
        grid.addWidget(self.check_in, 1, 0)
        grid.addWidget(self.check_in_at, 1, 1)
        grid.addWidget(self.digest, 2, 0)
        grid.addWidget(self.re_audit, 3, 0)
        morning = QLabel("&Morning reminders at")
        morning.setBuddy(self.morning_at)
        grid.addWidget(morning, 4, 0)
        grid.addWidget(self.morning_at, 4, 1)
        grid.setColumnStretch(2, 1)

        self.tray = writes_journal(QCheckBox("Show an icon in the system &tray"))
        self.tray.setChecked(prefs.tray)
        self.background = writes_journal(
            QCheckBox("&Keep running in the background when the window closes")
        )
        self.background.setChecked(prefs.background)
        self.login = writes_journal(QCheckBox("&Start at login, in the background"))
        self.login.setChecked(prefs.start_at_login)
        running_box = QGroupBox("Running")
        running = QVBoxLayout(running_box)
        running.addWidget(self.tray)
        running.addWidget(self.background)
        running.addWidget(self.login)
        self.no_tray = plain_label(NO_TRAY)
        self.no_tray.setObjectName("reminders-no-tray")
        self.no_tray.setWordWrap(True)
        self.no_tray.setVisible(not tray_available())
        if not tray_available():
            for box in (self.tray, self.background):
                box.setEnabled(False)
                box.setToolTip(NO_TRAY)
        running.addWidget(self.no_tray)

        privacy = plain_label(PRIVACY)
        privacy.setObjectName("reminders-privacy")
        privacy.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(remind_box)
        layout.addWidget(running_box)
        layout.addWidget(privacy)
        layout.addStretch(1)

        for box in (self.one_on_one, self.check_in, self.digest, self.re_audit):
            box.toggled.connect(self.save)
        for box in (self.tray, self.background, self.login):
            box.toggled.connect(self.save)
        self.minutes.valueChanged.connect(self.save)
        self.check_in_at.timeChanged.connect(self.save)
        self.morning_at.timeChanged.connect(self.save)
        self._enable()

    def preferences(self) -> ReminderPreferences:
        """What the controls say."""
        return ReminderPreferences(
            one_on_one=self.one_on_one.isChecked(),
            minutes_before=self.minutes.value(),
            check_in=self.check_in.isChecked(),
            check_in_at=_time(self.check_in_at),
            digest=self.digest.isChecked(),
            re_audit=self.re_audit.isChecked(),
            morning_at=_time(self.morning_at),
            tray=self.tray.isChecked(),
            background=self.background.isChecked(),
            start_at_login=self.login.isChecked(),
        )

    def _enable(self) -> None:
        self.minutes.setEnabled(self.one_on_one.isChecked())
        self.check_in_at.setEnabled(self.check_in.isChecked())
        self.morning_at.setEnabled(self.digest.isChecked() or self.re_audit.isChecked())

    def save(self) -> None:
        self._enable()
        prefs = self.preferences()
        if prefs == self.saved:
            return
        if prefs.start_at_login != self.saved.start_at_login and not self._write_login(prefs):
            self.login.blockSignals(True)
            self.login.setChecked(self.saved.start_at_login)
            self.login.blockSignals(False)
            prefs = self.preferences()
        with guarded_write(self, "save the reminders") as attempt:
            set_reminder_preferences(self.main_window.journal, prefs)
        if attempt.failed:
            return
        self.saved = prefs
        self.main_window.bus.announce(Area.SETTINGS)

    def _write_login(self, prefs: ReminderPreferences) -> bool:
        from cxjournal.autostart import launch_command, set_start_at_login
        from cxjournal.paths import default_journal_path

        path = self.main_window.journal.path
        journal = None if path == default_journal_path() else path
        what = "start cxjournal at login" if prefs.start_at_login else "stop starting at login"
        with guarded_write(self, what, "Nothing was changed.") as attempt:
            set_start_at_login(prefs.start_at_login, launch_command(journal))
        return not attempt.failed
