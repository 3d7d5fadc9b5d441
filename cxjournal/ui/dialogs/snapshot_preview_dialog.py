"""What an audit snapshot will share, shown before the file is written.

The preview is the snapshot's Markdown text, shown as plain text: every format
renders the same snapshot, so what is read here is what the file holds (the
PDF lays it out with the balance map and trend as pictures).
"""

from __future__ import annotations

from cxjournal.exchange.snapshot import Snapshot
from cxjournal.qt.gui import QFontDatabase
from cxjournal.qt.widgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)


def preview_text(snapshot: Snapshot) -> str:
    from cxjournal.exchange.snapshot_markdown import render_markdown

    return render_markdown(snapshot)


class SnapshotPreviewDialog(QDialog):
    """Shows the snapshot as it will be shared; Export writes it, Cancel writes nothing."""

    def __init__(self, snapshot: Snapshot, fmt_label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Check what you will share")
        if snapshot.names_hidden:
            intro = (
                "This is everything the file will hold. Names are hidden: people, teams, "
                "functions, units and locations appear only as labels, and the audit's note "
                "is left out."
            )
        else:
            intro = (
                "This is everything the file will hold, names included. Tick Hide names "
                "before you share it with someone who should not know who is who."
            )
        heading = QLabel(f"{intro} Format: {fmt_label}.")
        heading.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setAccessibleName("What the snapshot will share")
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setPlainText(preview_text(snapshot))
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.export_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.export_button.setText("&Export")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.resize(760, 560)
