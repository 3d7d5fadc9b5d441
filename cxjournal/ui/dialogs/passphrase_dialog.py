"""Asks for the passphrase of an encrypted journal."""

from __future__ import annotations

import html
from pathlib import Path

from cxjournal.qt.widgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget


class PassphraseDialog(QDialog):
    def __init__(self, path: Path, problem: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Unlock journal — cxjournal")
        layout = QVBoxLayout(self)
        label = QLabel(f"Passphrase for <b>{html.escape(path.name)}</b>:")
        label.setToolTip(str(path))
        layout.addWidget(label)
        self.field = QLineEdit()
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setAccessibleName("Passphrase")
        label.setBuddy(self.field)
        layout.addWidget(self.field)
        self.problem = QLabel(problem)
        self.problem.setObjectName("problem")
        self.problem.setVisible(bool(problem))
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Unlock")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(380)

    def passphrase(self) -> str:
        return self.field.text()
