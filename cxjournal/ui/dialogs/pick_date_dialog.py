"""Ask for one day (snooze until, a new due date): a small dialog with a calendar field."""

from __future__ import annotations

import datetime as dt

from cxjournal.qt.widgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)
from cxjournal.ui.dialogs.note_dialog import from_qdate, to_qdate
from cxjournal.ui.plain_text import plain_label


class PickDateDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        about: str,
        field: str,
        initial: dt.date,
        minimum: dt.date,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        text = plain_label(about)
        text.setWordWrap(True)
        layout.addWidget(text)
        form = QFormLayout()
        self.date = QDateEdit(to_qdate(max(initial, minimum)))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("d MMM yyyy")
        self.date.setMinimumDate(to_qdate(minimum))
        self.date.setAccessibleName(field)
        label = QLabel(f"&{field}:")
        label.setBuddy(self.date)
        form.addRow(label, self.date)
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.date.setFocus()

    def chosen(self) -> dt.date:
        return from_qdate(self.date.date())


def ask_date(
    parent: QWidget | None,
    title: str,
    about: str,
    field: str,
    initial: dt.date,
    minimum: dt.date,
) -> dt.date | None:
    """The day chosen, or None when the user cancelled (patched in tests)."""
    dialog = PickDateDialog(parent, title, about, field, initial, minimum)
    return dialog.chosen() if dialog.exec() else None
