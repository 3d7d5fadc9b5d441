"""What a page shows before it has anything: a short explanation and the first step."""

from __future__ import annotations

from cxjournal.qt.core import Qt
from cxjournal.qt.widgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class EmptyState(QWidget):
    """``text`` (rich text allowed) centred above ``button``, which starts the first step."""

    def __init__(self, text: str, button: QPushButton, text_width: int = 620) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addStretch(1)
        self.label = QLabel(text)
        self.label.setWordWrap(True)
        self.label.setMaximumWidth(text_width)
        self.label.setMinimumWidth(min(text_width, 420))  # a readable measure, not a column
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for widget in (self.label, button):
            row = QHBoxLayout()
            row.addStretch(1)
            row.addWidget(widget)
            row.addStretch(1)
            layout.addLayout(row)
        layout.addStretch(2)
