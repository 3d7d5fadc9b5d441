"""What the editors with rows of their own (a note's follow-ups, a plan's people, a proof
point's shares) have in common: rows that can be removed, the rows still kept, and the
Save and Cancel buttons with Ctrl+Return."""

from __future__ import annotations

from typing import TypeVar

from cxjournal.qt.gui import QKeySequence, QShortcut
from cxjournal.qt.widgets import QDialog, QDialogButtonBox, QLayout, QWidget
from cxjournal.ui.read_only import saving_buttons

#: the property a removed row carries until Qt deletes it
REMOVED = "removed"


class RemovableRow(QWidget):
    """A row of an editor that its ✕ button removes (:meth:`discard`)."""

    def discard(self) -> None:
        self.setProperty(REMOVED, True)
        self.hide()
        self.deleteLater()


Row = TypeVar("Row", bound=RemovableRow)


def kept_rows(box: QLayout, kind: type[Row]) -> list[Row]:
    """The rows of ``kind`` in ``box``, in order, without those removed."""
    rows = []
    for index in range(box.count()):
        item = box.itemAt(index)
        widget = item.widget() if item is not None else None
        if isinstance(widget, kind) and not widget.property(REMOVED):
            rows.append(widget)
    return rows


def save_and_cancel(dialog: QDialog) -> QDialogButtonBox:
    """Save (also Ctrl+Return and Ctrl+Enter, anywhere in ``dialog``) and Cancel buttons
    that accept and reject ``dialog``; Save is marked as a button that writes."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.button(QDialogButtonBox.StandardButton.Save).setToolTip("Save (Ctrl+Return)")
    saving_buttons(buttons)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    QShortcut(QKeySequence("Ctrl+Return"), dialog, dialog.accept)
    QShortcut(QKeySequence("Ctrl+Enter"), dialog, dialog.accept)
    return buttons
