"""Preferences > Security: protect the journal with a passphrase, change it, or remove it.

The journal and every backup and copy in its folder follow (store/rekey.py);
the file work runs in the background while the window waits.
"""

from __future__ import annotations

from typing import Any

from cxjournal.domain.passphrase import MIN_PASSPHRASE
from cxjournal.journal.changes import Area
from cxjournal.qt.core import Qt
from cxjournal.qt.widgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from cxjournal.ui.read_only import writes_journal
from cxjournal.ui.widgets.strength_meter import StrengthMeter

ENCRYPTED_STATUS = (
    "This journal is encrypted with a passphrase (SQLCipher). Its backups and copies in "
    "its folder are encrypted with the same one. There is no way to recover a forgotten "
    "passphrase."
)
PLAIN_STATUS = (
    "This journal has no passphrase: anyone who gets hold of the file, or of a backup, can "
    "read it. A passphrase encrypts the journal and every backup beside it."
)


def _password_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(name)
    return field


class SecurityTab(QWidget):
    title = "Security"

    def __init__(self, window: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.main_window = window
        self.task: Any = None
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setObjectName("security-status")

        self.current = _password_field("Current passphrase")
        self.new = _password_field("New passphrase")
        self.new.setPlaceholderText(f"at least {MIN_PASSPHRASE} characters")
        self.repeat = _password_field("Repeat the new passphrase")
        self.meter = StrengthMeter()
        self.new.textChanged.connect(self.meter.rate)
        self.problem = QLabel()
        self.problem.setObjectName("security-problem")
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.set_button = writes_journal(QPushButton())
        self.set_button.clicked.connect(self.set_passphrase)
        self.remove_button = writes_journal(QPushButton("&Remove passphrase…"))
        self.remove_button.clicked.connect(self.remove_passphrase)

        self.form_box = QGroupBox()
        form = QFormLayout(self.form_box)
        self.current_label = QLabel("&Current:")
        self.current_label.setBuddy(self.current)
        form.addRow(self.current_label, self.current)
        new_label = QLabel("&New:")
        new_label.setBuddy(self.new)
        form.addRow(new_label, self.new)
        form.addRow("", self.meter)
        repeat_label = QLabel("Re&peat:")
        repeat_label.setBuddy(self.repeat)
        form.addRow(repeat_label, self.repeat)
        form.addRow("", self.problem)
        buttons = QHBoxLayout()
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.set_button)
        form.addRow(buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.form_box)
        layout.addStretch(1)
        self.refresh()

    def refresh(self) -> None:
        encrypted = bool(self.main_window.journal.encrypted)
        self.status.setText(ENCRYPTED_STATUS if encrypted else PLAIN_STATUS)
        self.form_box.setTitle(
            "Change the passphrase" if encrypted else "Protect with a passphrase"
        )
        self.set_button.setText("&Change passphrase" if encrypted else "&Set passphrase")
        for widget in (self.current, self.current_label, self.remove_button):
            widget.setVisible(encrypted)
        for field in (self.current, self.new, self.repeat):
            field.clear()
        self.meter.rate("")

    # -- actions ---------------------------------------------------------------------------

    def _problem_with_new(self) -> str | None:
        new, repeat = self.new.text(), self.repeat.text()
        if self.main_window.journal.encrypted and not self.current.text():
            return "Type the current passphrase first."
        if len(new) < MIN_PASSPHRASE:
            return f"The new passphrase needs at least {MIN_PASSPHRASE} characters."
        if new != repeat:
            return "The two new passphrases differ; type the same one twice."
        if "\x00" in new:
            return "The passphrase cannot hold a NUL character."
        return None

    def set_passphrase(self) -> bool:
        problem = self._problem_with_new()
        if problem:
            self.problem.setText(problem)
            return False
        rated = self.meter.current
        if rated is not None and not rated.recommended:
            answer = QMessageBox.question(
                self,
                "Use this passphrase?",
                f"This passphrase is {rated.label}: it could be guessed offline in "
                f"{rated.crack_time}. A stronger one is recommended. Use it anyway?",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        return self._change(
            self.new.text(), "The journal and its backups now use the new passphrase."
        )

    def remove_passphrase(self) -> bool:
        if not self.current.text():
            self.problem.setText("Type the current passphrase first.")
            return False
        answer = QMessageBox.question(
            self,
            "Remove the passphrase?",
            "Without a passphrase, anyone who gets hold of the journal or one of its backups "
            "can read everything in it. Remove the passphrase from the journal and every "
            "backup?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        return self._change(None, "The journal and its backups no longer have a passphrase.")

    def _change(self, new: str | None, done_text: str) -> bool:
        from cxjournal.journal.passphrase_ops import start_change
        from cxjournal.ui.workers import run_task

        actions = getattr(self.main_window, "exchange_actions", None)
        if actions is not None and actions.busy():
            self.problem.setText("Wait until the export, import or backup under way is done.")
            return False
        journal = self.main_window.journal
        current = self.current.text() if journal.encrypted else None
        for field in (self.current, self.new, self.repeat):
            field.clear()
        self.problem.clear()
        job = start_change(journal, new, current)

        def done(_result: Any) -> None:
            job.finish(succeeded=True)
            self._after(done_text)

        def failed(exc: BaseException) -> None:
            job.finish(succeeded=False)
            text = str(exc) if str(exc) else type(exc).__name__
            self.problem.setText(f"Nothing was changed: {text}")
            self._after("")

        self.task = run_task(
            self.main_window,
            "Passphrase",
            "Re-writing the journal and its backups…",
            lambda _progress: job.run(),
            done,
            failed,
        )
        return True

    def _after(self, done_text: str) -> None:
        problem = self.problem.text()
        self.refresh()
        self.problem.setText(problem)
        self.main_window.bus.announce(Area.ALL)
        if hasattr(self.main_window, "lock_controller"):
            self.main_window.lock_controller.apply_preferences()
        if hasattr(self.main_window, "_update_journal_label"):
            self.main_window._update_journal_label()
        if done_text:
            self.main_window.show_status(done_text)
            self.problem.setText(done_text)
