"""What the main window shows while the journal is locked: the unlock prompt and nothing else."""

from __future__ import annotations

from cxjournal.qt.core import Qt, Signal
from cxjournal.qt.widgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from cxjournal.ui.theme import secondary

PLAIN_NOTE = (
    "Your journal has no passphrase: locking hides it from anyone at this screen, but "
    "only a passphrase protects the file itself. You can set one in Edit > Preferences > "
    "Security."
)


class LockScreen(QWidget):
    """Emits ``unlock_requested(passphrase)``; the passphrase is "" for a plain journal."""

    unlock_requested = Signal(str)

    def __init__(self, journal_name: str, encrypted: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lock-screen")
        self.encrypted = encrypted
        title = QLabel("cxjournal is locked")
        title.setObjectName("lock-title")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        title.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.reason = QLabel()
        self.reason.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.reason.setWordWrap(True)
        self.reason.setTextFormat(Qt.TextFormat.PlainText)

        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName("Passphrase")
        self.passphrase.setPlaceholderText(f"Passphrase of {journal_name}")
        self.passphrase.returnPressed.connect(self._submit)
        self.passphrase.setVisible(encrypted)
        self.unlock_button = QPushButton("&Unlock")
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self._submit)
        self.problem = QLabel()
        self.problem.setObjectName("lock-problem")
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.note = QLabel(
            "Type your passphrase to open the journal again." if encrypted else PLAIN_NOTE
        )
        self.note.setWordWrap(True)
        self.note.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        secondary(self.note)  # quieter than the title, readable (AA) in light and dark

        row = QHBoxLayout()
        row.addWidget(self.passphrase, 1)
        row.addWidget(self.unlock_button)
        box = QWidget()
        box.setFixedWidth(460)
        inner = QVBoxLayout(box)
        inner.addWidget(title)
        inner.addWidget(self.reason)
        inner.addSpacing(12)
        inner.addLayout(row)
        inner.addWidget(self.problem)
        inner.addSpacing(8)
        inner.addWidget(self.note)
        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addWidget(box)
        centred.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addStretch(2)
        outer.addLayout(centred)
        outer.addStretch(3)

    def show_reason(self, reason: str) -> None:
        self.reason.setText(f"Locked because {reason}." if reason else "")

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)

    def set_waiting(self, waiting: bool) -> None:
        self.unlock_button.setEnabled(not waiting)

    def focus(self) -> None:
        (self.passphrase if self.encrypted else self.unlock_button).setFocus()

    def _submit(self) -> None:
        if not self.unlock_button.isEnabled():
            return
        typed = self.passphrase.text()
        self.passphrase.clear()  # the prompt keeps no copy of what was typed
        self.unlock_requested.emit(typed)
