"""The preview of a contacts import: who is new, who merges with whom (and by what)."""

from __future__ import annotations

from cxjournal.exchange.imports import ImportPlan, ImportReport
from cxjournal.exchange.imports.plan import counted
from cxjournal.qt.widgets import QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget
from cxjournal.ui.plain_text import plain_label

NAME, EMAILS, ORGANISATION, OUTCOME = range(4)
HEADERS = ("In the file", "E-mail", "Organisation", "In your journal")


def outcome_text(report: ImportReport, index: int) -> str:
    """``New person`` or ``Merges with Ana Silva (same e-mail)`` for the index-th contact."""
    match = report.outcomes[index] if index < len(report.outcomes) else None
    if match is None:
        return "New person"
    by = "same e-mail" if match.by == "e-mail" else "same name"
    return f"Merges with {match.person.name} ({by})"


class PeoplePreview(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = plain_label()
        self.summary.setWordWrap(True)
        self.list = QTreeWidget()
        self.list.setAccessibleName("People in the file")
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setHeaderLabels(list(HEADERS))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)

    def show_preview(self, plan: ImportPlan, report: ImportReport) -> None:
        merged = report.merged.get("people", 0)
        new = report.added.get("people", 0)
        parts = [
            f"{counted(len(plan.people), 'people')} in the file: {new} new, "
            f"{merged} already in your journal (they merge, keeping what you wrote)."
        ]
        if report.added.get("emails"):
            parts.append(f"{counted(report.added['emails'], 'emails')} added to them.")
        notes = report.added.get("notes", 0)
        if notes or report.skipped.get("notes"):
            parts.append(
                f"{counted(notes, 'notes')} from the contacts' notes"
                + (
                    f" ({report.skipped['notes']} already there)"
                    if report.skipped.get("notes")
                    else ""
                )
                + "."
            )
        if report.skipped.get("empty_contacts"):
            parts.append(f"{counted(report.skipped['empty_contacts'], 'empty_contacts')} left out.")
        self.summary.setText(" ".join(parts))
        self.list.clear()
        order = sorted(
            range(len(plan.people)),
            key=lambda i: (
                (report.outcomes[i] if i < len(report.outcomes) else None) is None,
                plan.people[i].person.name.casefold(),
            ),
        )
        items = []
        for index in order:
            person = plan.people[index].person
            item = QTreeWidgetItem(
                [
                    person.name,
                    ", ".join(person.emails),
                    person.organisation,
                    outcome_text(report, index),
                ]
            )
            item.setToolTip(NAME, plan.people[index].where)
            items.append(item)
        self.list.addTopLevelItems(items)
        for column in (NAME, EMAILS, ORGANISATION):
            self.list.resizeColumnToContents(column)
            self.list.setColumnWidth(column, min(self.list.columnWidth(column) + 16, 260))

    def rows(self) -> list[list[str]]:
        """What the list shows, row by row (for tests and screen readers)."""
        items = (self.list.topLevelItem(r) for r in range(self.list.topLevelItemCount()))
        return [[item.text(c) for c in range(len(HEADERS))] for item in items if item is not None]
