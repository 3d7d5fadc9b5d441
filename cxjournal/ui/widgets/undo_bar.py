"""A slim bar that says what was just done and offers to undo it ("Removed Dana Reyes. Undo").

It takes no focus on its own and asks nothing: the action has happened, and Undo (or
the shortcut its owner gives) puts it back.
"""

from __future__ import annotations

from cxjournal.qt.core import Signal
from cxjournal.qt.widgets import QFrame, QHBoxLayout, QPushButton, QWidget
from cxjournal.ui.plain_text import plain_label


class UndoBar(QFrame):
    undo_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 4, 2)
        self.message = plain_label()
        self.message.setAccessibleName("What was just done")
        self.undo_button = QPushButton("&Undo")
        self.undo_button.setAutoDefault(False)
        self.undo_button.clicked.connect(self.undo_requested)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.undo_button)
        self.hide()

    def show_message(self, text: str, tip: str = "") -> None:
        self.message.setText(text)
        self.undo_button.setToolTip(tip)
        self.show()
