"""The early-warning note above the check-in: what moved, by how much, and a way out."""

from __future__ import annotations

from cxjournal.domain.early_warning import EarlyWarning
from cxjournal.qt.core import Qt, Signal
from cxjournal.qt.gui import QPalette
from cxjournal.qt.widgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget
from cxjournal.ui.icons import icon
from cxjournal.ui.plain_text import plain_label
from cxjournal.ui.read_only import writes_journal


def headline(warning: EarlyWarning) -> str:
    """``Energy down 1.8 and stress up 1.6 over the last 14 days``."""
    parts = []
    if "energy" in warning.moved:
        parts.append(f"energy down {abs(warning.energy_change):.1f}")
    if "stress" in warning.moved:
        parts.append(f"stress up {warning.stress_change:.1f}")
    text = " and ".join(parts)
    days = (warning.recent_end - warning.recent_start).days + 1
    return f"{text[0].upper()}{text[1:]} over the last {days} days"


class WarningBanner(QFrame):
    """Hidden unless a warning is shown; emits ``dismissed(key)`` and ``explain_requested``."""

    dismissed = Signal(str)
    explain_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._key = ""
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.setAccessibleName("Early warning")

        badge = QLabel()
        badge.setPixmap(icon("resilience").pixmap(24, 24))
        badge.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.title = plain_label()
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.message = plain_label()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.explain_button = QPushButton("How this works…")
        self.explain_button.setToolTip("The rule behind this note, and its numbers")
        self.explain_button.clicked.connect(self.explain_requested)
        self.dismiss_button = writes_journal(QPushButton("Dismiss"))
        self.dismiss_button.setToolTip("Hide this note until a new shift begins")
        self.dismiss_button.clicked.connect(lambda: self.dismissed.emit(self._key))

        text = QVBoxLayout()
        text.addWidget(self.title)
        text.addWidget(self.message)
        buttons = QVBoxLayout()
        buttons.addWidget(self.dismiss_button)
        buttons.addWidget(self.explain_button)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addWidget(badge)
        layout.addLayout(text, 1)
        layout.addLayout(buttons)
        self.hide()

    def show_warning(self, warning: EarlyWarning | None) -> None:
        if warning is None:
            self._key = ""
            self.hide()
            return
        self._key = warning.key
        self.title.setText(headline(warning))
        self.message.setText(warning.message)
        self.setAccessibleDescription(f"{headline(warning)}. {warning.message}")
        self.show()

    def key(self) -> str:
        return self._key
