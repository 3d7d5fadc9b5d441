"""Help > About: the version, the journal's path, and a way to its folder."""

from __future__ import annotations

import html

from cxjournal import __version__
from cxjournal.journal import Journal
from cxjournal.qt.core import Qt, QUrl
from cxjournal.qt.gui import QDesktopServices
from cxjournal.qt.widgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from cxjournal.ui.icons import app_icon


class AboutDialog(QDialog):
    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About cxjournal")
        layout = QVBoxLayout(self)
        logo = QLabel()
        logo.setPixmap(app_icon().pixmap(64, 64))
        logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(logo)
        encrypted = "encrypted with your passphrase" if journal.encrypted else "not encrypted"
        text = QLabel(
            f"<h2>cxjournal {html.escape(__version__)}</h2>"
            "<p>A private journal of the influence you work through: power audits, "
            "stakeholder notes, a daily resilience check-in.</p>"
            "<p>Everything stays on this computer. cxjournal makes no network connections "
            "and sends nothing anywhere.</p>"
            f"<p><b>Journal:</b> {html.escape(str(journal.path))}<br>({encrypted})</p>"
            "<p>The power audit is inspired by Maxim Sytch's power audit (Harvard Business "
            "Review, 2019); cxjournal's scores and thresholds are its own.</p>"
        )
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_folder = QPushButton("Open data folder")
        self.open_folder.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(journal.path.parent)))
        )
        buttons.addButton(self.open_folder, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)
