"""Preferences > Appearance: the system's colours, light or dark, applied at once and
remembered for the next start (a setting of this computer, not of the journal)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cxjournal.qt.widgets import QButtonGroup, QLabel, QRadioButton, QVBoxLayout, QWidget
from cxjournal.ui import theme

if TYPE_CHECKING:
    from cxjournal.ui.services import Services


class AppearanceTab(QWidget):
    title = "Appearance"

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = services.settings
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Colours:"))
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        current = theme.saved(self.settings)
        for key, label in theme.THEMES.items():
            button = QRadioButton(f"&{label}")
            button.setChecked(key == current)
            button.setAccessibleName(f"Colours: {label}")
            self.group.addButton(button)
            self.buttons[key] = button
            layout.addWidget(button)
            button.toggled.connect(lambda on, key=key: self.choose(key) if on else None)
        note = theme.secondary(
            QLabel(
                "Applied at once and kept for the next start. Charts and exports follow; "
                "a PDF or image you save is always on white."
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addStretch(1)

    def choose(self, key: str) -> None:
        theme.choose(self.settings, key)
