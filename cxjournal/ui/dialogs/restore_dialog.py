"""File > Restore from backup…: the backups beside the journal with their dates and sizes."""

from __future__ import annotations

from pathlib import Path

from cxjournal.domain.wording import long_date
from cxjournal.journal.backup_ops import BackupInfo, human_size
from cxjournal.qt.core import Qt
from cxjournal.qt.widgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from cxjournal.ui.read_only import writes_journal

DATE, SIZE, KIND = range(3)


def backup_label(info: BackupInfo) -> str:
    """``22 November 2026, 18:30``."""
    return f"{long_date(info.taken_at.date())}, {info.taken_at:%H:%M}"


class RestoreDialog(QDialog):
    """Pick a backup (or another file); ``chosen()`` is its path once accepted."""

    def __init__(self, backups: list[BackupInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Restore from backup")
        self._chosen: Path | None = None

        intro = QLabel(
            "Restoring replaces your journal with the backup you choose. Your current "
            "journal is kept in the backups folder first, and the backup is checked before "
            "anything is replaced."
        )
        intro.setWordWrap(True)

        self.list = QTreeWidget()
        self.list.setAccessibleName("Backups")
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setHeaderLabels(["Taken", "Size", "Kind"])
        for info in backups:
            kind = "Kept before a restore" if info.before_restore else "Backup"
            item = QTreeWidgetItem([backup_label(info), human_size(info.size), kind])
            item.setData(DATE, Qt.ItemDataRole.UserRole, str(info.path))
            item.setToolTip(DATE, str(info.path))
            item.setTextAlignment(SIZE, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.list.addTopLevelItem(item)
        for column in (DATE, SIZE):
            self.list.resizeColumnToContents(column)
            self.list.setColumnWidth(column, self.list.columnWidth(column) + 24)
        self.list.itemDoubleClicked.connect(lambda *_: self.accept())
        self.list.currentItemChanged.connect(lambda *_: self._update_button())

        self.empty = QLabel(
            "There are no backups beside this journal yet. cxjournal makes one each day "
            "when you close it; File > Back up now makes one at once. To restore a copy "
            "kept elsewhere, choose Other file…"
        )
        self.empty.setWordWrap(True)
        self.empty.setVisible(not backups)
        self.list.setVisible(bool(backups))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = buttons.addButton("&Restore", QDialogButtonBox.ButtonRole.AcceptRole)
        other = writes_journal(QPushButton("&Other file…"))
        other.setToolTip("Restore a backup kept somewhere else")
        buttons.addButton(other, QDialogButtonBox.ButtonRole.ActionRole)
        other.clicked.connect(self._other_file)
        writes_journal(self.restore_button)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        if not backups:
            layout.addStretch(1)
        layout.addWidget(buttons)
        first = self.list.topLevelItem(0)
        if first is not None:
            self.list.setCurrentItem(first)
        self._update_button()
        self.resize(520, 360)

    def chosen(self) -> Path | None:
        return self._chosen

    def _selected_path(self) -> Path | None:
        item = self.list.currentItem()
        return Path(item.data(DATE, Qt.ItemDataRole.UserRole)) if item is not None else None

    def _update_button(self) -> None:
        self.restore_button.setEnabled(self._selected_path() is not None)

    def _other_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "Restore from a backup file", "", "Journal backups (*.db);;All files (*)"
        )
        if name:
            self._chosen = Path(name)
            super().accept()

    def accept(self) -> None:
        path = self._selected_path()
        if path is None:
            return
        self._chosen = path
        super().accept()
