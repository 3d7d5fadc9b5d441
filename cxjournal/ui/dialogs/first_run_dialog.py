"""First run: create the journal, with a passphrase (recommended) or without."""

from __future__ import annotations

import html
from pathlib import Path

from cxjournal.domain.passphrase import MIN_PASSPHRASE
from cxjournal.qt.widgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from cxjournal.ui.widgets.strength_meter import StrengthMeter


class FirstRunDialog(QDialog):
    """After ``exec()`` is accepted, ``passphrase`` is the one chosen or None (skipped)."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Welcome to cxjournal")
        self.passphrase: str | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(
            "<h3>Your journal is private</h3>"
            "<p>It lives only on this computer, in<br>"
            f"<code>{html.escape(str(path))}</code></p>"
            "<p>Protect it with a passphrase so that nobody who gets hold of the file can "
            "read it. You will type it each time you open cxjournal. "
            "<b>There is no way to recover a forgotten passphrase.</b></p>"
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.first = QLineEdit()
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.first.setAccessibleName("Passphrase")
        self.first.setPlaceholderText(f"at least {MIN_PASSPHRASE} characters")
        self.second = QLineEdit()
        self.second.setEchoMode(QLineEdit.EchoMode.Password)
        self.second.setAccessibleName("Repeat passphrase")
        self.meter = StrengthMeter()
        self.first.textChanged.connect(self.meter.rate)
        form.addRow("&Passphrase:", self.first)
        form.addRow("", self.meter)
        form.addRow("&Repeat:", self.second)
        layout.addLayout(form)
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox()
        self.create_button = QPushButton("Create encrypted journal")
        self.create_button.setDefault(True)
        self.skip_button = QPushButton("Skip: no passphrase")
        self.skip_button.setToolTip(
            "The journal stays an ordinary file: anyone with access can read it"
        )
        buttons.addButton(self.create_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.skip_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        self.create_button.clicked.connect(self._create)
        self.skip_button.clicked.connect(self._skip)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def _create(self) -> None:
        first, second = self.first.text(), self.second.text()
        if len(first) < MIN_PASSPHRASE:
            self.problem.setText(f"The passphrase needs at least {MIN_PASSPHRASE} characters.")
            self.first.setFocus()
            return
        if first != second:
            self.problem.setText("The two passphrases differ; type the same one twice.")
            self.second.selectAll()
            self.second.setFocus()
            return
        self.passphrase = first
        self.accept()

    def _skip(self) -> None:
        self.passphrase = None
        self.accept()
