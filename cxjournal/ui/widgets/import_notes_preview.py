"""The preview of a journal import (jrnl, Day One): the notes it brings, by date."""

from __future__ import annotations

from cxjournal.domain.wording import long_date
from cxjournal.exchange.imports import ImportPlan, ImportReport
from cxjournal.exchange.imports.plan import counted
from cxjournal.qt.widgets import QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget
from cxjournal.ui.plain_text import as_written, plain_label

DATE, TEXT, TAGS = range(3)
#: Notes listed at most (the summary counts them all).
SHOWN_MAX = 1000


def first_line(text: str, limit: int = 120) -> str:
    line = next((part.strip() for part in text.splitlines() if part.strip()), "")
    return line if len(line) <= limit else line[: limit - 1] + "…"


class NotesPreview(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = plain_label()
        self.summary.setWordWrap(True)
        self.list = QTreeWidget()
        self.list.setAccessibleName("Notes in the file")
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setHeaderLabels(["Date", "Note", "Tags"])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)

    def show_preview(self, plan: ImportPlan, report: ImportReport) -> None:
        added, there = report.added.get("notes", 0), report.skipped.get("notes", 0)
        parts = [
            f"{counted(len(plan.notes), 'notes')} in the file, about no one in particular: "
            f"{added} to add, {there} already in your journal."
        ]
        if report.skipped.get("media"):
            parts.append(f"{counted(report.skipped['media'], 'media')} are not imported.")
        self.summary.setText(" ".join(parts))
        self.list.clear()
        items = []
        for note in sorted(plan.notes, key=lambda n: n.on, reverse=True)[:SHOWN_MAX]:
            item = QTreeWidgetItem(
                [long_date(note.on), first_line(note.text), ", ".join(note.tags)]
            )
            item.setToolTip(TEXT, as_written(note.text[:2000], wrap=False))
            items.append(item)
        self.list.addTopLevelItems(items)
        self.list.resizeColumnToContents(DATE)
        self.list.setColumnWidth(DATE, self.list.columnWidth(DATE) + 16)
        self.list.setColumnWidth(TEXT, 420)
