"""Edit > Trash…: what was deleted, when, and how long it stays; restore it or let it go."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from cxjournal.domain.trash import KEEP_DAYS, KEEP_RULE
from cxjournal.domain.wording import long_date
from cxjournal.journal.trash import TrashItem
from cxjournal.journal.undo import undoable_restore
from cxjournal.qt.core import Qt
from cxjournal.qt.widgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from cxjournal.ui.plain_text import as_written
from cxjournal.ui.read_only import writes_journal
from cxjournal.ui.write_guard import UNCHANGED

if TYPE_CHECKING:
    from cxjournal.ui.services import Services

WHAT, DELETED, LEFT = range(3)

EMPTY_TEXT = (
    "The trash is empty.\n\nWhat you delete (notes with their follow-ups, audits with their "
    "ratings, check-ins, people with everything of theirs, exit-plan steps, talking points "
    f"and proof points) comes here, and can be restored from here for {KEEP_DAYS} days."
)


def deleted_label(item: TrashItem) -> str:
    """When ``item`` was deleted, in local time: ``12 March 2026, 14:05``."""
    local = item.deleted_at.replace(tzinfo=dt.UTC).astimezone()
    return f"{long_date(local.date())}, {local:%H:%M}"


def days_left_label(days: int) -> str:
    if days <= 0:
        return "Last day"
    return f"{days} day{'s' if days != 1 else ''}"


class TrashDialog(QDialog):
    """The trash's items, most recently deleted first, with Restore, Delete for good and
    Empty trash (both of which ask first)."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent or services.window)
        self.services = services
        self.journal = services.journal
        self.setWindowTitle("Trash")
        self.setObjectName("trash_dialog")

        intro = QLabel(f"What you deleted, kept so you can restore it. {KEEP_RULE}")
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)

        self.list = QTreeWidget()
        self.list.setAccessibleName("Deleted items")
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setHeaderLabels(["What", "Deleted", "Days left"])
        self.list.setSelectionMode(QTreeWidget.SelectionMode.SingleSelection)
        header = self.list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(WHAT, QHeaderView.ResizeMode.Stretch)
        for column in (DELETED, LEFT):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.list.itemDoubleClicked.connect(lambda *_: self.restore_selected())
        self.list.currentItemChanged.connect(lambda *_: self._update_buttons())

        self.empty = QLabel(EMPTY_TEXT)
        self.empty.setObjectName("trash_empty")
        self.empty.setWordWrap(True)
        self.empty.setTextFormat(Qt.TextFormat.PlainText)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        self.restore_button = writes_journal(QPushButton("&Restore"))
        self.restore_button.setToolTip("Put the item back where it was, with the same links")
        self.restore_button.clicked.connect(self.restore_selected)
        self.delete_button = writes_journal(QPushButton("&Delete for good…"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.empty_button = writes_journal(QPushButton("&Empty trash…"))
        self.empty_button.clicked.connect(self.empty_trash)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)

        row = QHBoxLayout()
        for button in (self.restore_button, self.delete_button, self.empty_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty, 1)
        layout.addLayout(row)
        self.resize(640, 380)
        self.reload()

    # -- the list ------------------------------------------------------------------------

    def reload(self) -> None:
        chosen = self.selected_id()
        self.items = self.journal.trash.items()
        self.list.clear()
        for entry in self.items:
            left = self.journal.trash.days_left(entry)
            item = QTreeWidgetItem([entry.label, deleted_label(entry), days_left_label(left)])
            item.setData(WHAT, Qt.ItemDataRole.UserRole, entry.id)
            item.setToolTip(WHAT, entry.label)
            item.setTextAlignment(LEFT, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.list.addTopLevelItem(item)
            if entry.id == chosen:
                self.list.setCurrentItem(item)
        first = self.list.topLevelItem(0)
        if self.list.currentItem() is None and first is not None:
            self.list.setCurrentItem(first)
        has_items = bool(self.items)
        self.list.setVisible(has_items)
        self.empty.setVisible(not has_items)
        self._update_buttons()

    def selected_id(self) -> int | None:
        item = self.list.currentItem() if hasattr(self, "items") else None
        return None if item is None else int(item.data(WHAT, Qt.ItemDataRole.UserRole))

    def selected(self) -> TrashItem | None:
        chosen = self.selected_id()
        return next((entry for entry in self.items if entry.id == chosen), None)

    def _update_buttons(self) -> None:
        picked = self.selected() is not None
        self.restore_button.setEnabled(picked)
        self.delete_button.setEnabled(picked)
        self.empty_button.setEnabled(bool(self.items))

    # -- actions -------------------------------------------------------------------------

    def restore_selected(self) -> bool:
        entry = self.selected()
        if entry is None:
            return False
        done = self.services.run_undoable(
            f"Restore {entry.label}", "restore it", undoable_restore(entry.id), UNCHANGED, self
        )
        self.reload()
        if done is None:
            return False
        self.services.show_status(f"Restored: {entry.label}")
        return True

    def delete_selected(self) -> bool:
        entry = self.selected()
        if entry is None or not self._ask(
            "Delete for good?",
            f"Delete “{entry.label}” for good? It can no longer be restored.",
        ):
            return False
        done = self.services.run(
            "delete it for good",
            lambda j: j.trash.delete_for_good(entry.id),
            UNCHANGED,
            parent=self,
        )
        self.reload()
        return done is not None

    def empty_trash(self) -> bool:
        count = len(self.items)
        if not count:
            return False
        things = "the item" if count == 1 else f"all {count} items"
        if not self._ask(
            "Empty the trash?",
            f"Delete {things} in the trash for good? They can no longer be restored.",
        ):
            return False
        done = self.services.run(
            "empty the trash", lambda j: j.trash.empty(), UNCHANGED, parent=self
        )
        self.reload()
        if done is not None:
            self.services.show_status("The trash is empty")
        return done is not None

    def _ask(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(
            self,
            title,
            as_written(text),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes
