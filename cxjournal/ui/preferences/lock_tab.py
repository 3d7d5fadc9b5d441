"""Preferences > Lock: lock after an idle time, and when the desktop locks or sleeps."""

from __future__ import annotations

from typing import Any

from cxjournal.journal.lock_prefs import (
    MAX_IDLE_MINUTES,
    LockPreferences,
    lock_preferences,
    set_lock_preferences,
)
from cxjournal.qt.widgets import QCheckBox, QFormLayout, QLabel, QSpinBox, QVBoxLayout, QWidget
from cxjournal.ui.lock.lock_actions import LOCK_SHORTCUT
from cxjournal.ui.read_only import writes_journal


class LockTab(QWidget):
    title = "Lock"

    def __init__(self, window: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.main_window = window
        prefs = lock_preferences(window.journal)
        self.idle = writes_journal(QSpinBox())
        self.idle.setRange(0, MAX_IDLE_MINUTES)
        self.idle.setSuffix(" minutes")
        self.idle.setSpecialValueText("Never")
        self.idle.setAccessibleName("Lock after this many idle minutes")
        self.idle.setValue(prefs.idle_minutes)
        self.session = writes_journal(
            QCheckBox("Lock when the &screen locks or the computer sleeps")
        )
        self.session.setChecked(prefs.on_session_lock)
        note = QLabel(
            f"File > Lock ({LOCK_SHORTCUT}) locks at once. Locking closes the journal and forgets "
            "its key until you unlock it; what you were writing is kept."
        )
        note.setWordWrap(True)
        if not window.journal.encrypted:
            note.setText(
                note.text() + " Your journal has no passphrase: locking hides the window, "
                "but only a passphrase protects the file itself."
            )
        form = QFormLayout()
        idle_label = QLabel("Lock when &idle for:")
        idle_label.setBuddy(self.idle)
        form.addRow(idle_label, self.idle)
        form.addRow("", self.session)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addStretch(1)
        self.idle.valueChanged.connect(self.save)
        self.session.toggled.connect(self.save)

    def save(self) -> None:
        prefs = LockPreferences(self.idle.value(), self.session.isChecked())
        set_lock_preferences(self.main_window.journal, prefs)
        if hasattr(self.main_window, "lock_controller"):
            self.main_window.lock_controller.apply_preferences(prefs)
