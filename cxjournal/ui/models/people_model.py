"""The people directory as a table: name, role, function, relationship, key, attitude, cadence."""

from __future__ import annotations

import datetime as dt
from typing import Any

from cxjournal.domain.cadence import days_label
from cxjournal.domain.model import Attitude, PreferredFormat, Relationship
from cxjournal.domain.wording import short_date
from cxjournal.journal.people import PersonSummary
from cxjournal.qt.core import QModelIndex, QPersistentModelIndex, Qt
from cxjournal.qt.gui import QFont
from cxjournal.ui.icons import icon
from cxjournal.ui.models.rows_table_model import RowsTableModel

RELATIONSHIP_LABELS: dict[Relationship, str] = {
    Relationship.SUPERIOR: "Superior",
    Relationship.PEER: "Peer",
    Relationship.REPORT: "Report",
    Relationship.EXTERNAL: "External",
    Relationship.OTHER: "Other",
}

ATTITUDE_LABELS: dict[Attitude, str] = {
    Attitude.CHAMPION: "Champion",
    Attitude.SUPPORTER: "Supporter",
    Attitude.NEUTRAL: "Neutral",
    Attitude.SKEPTIC: "Skeptic",
    Attitude.RESISTOR: "Resistor",
}

FORMAT_LABELS: dict[PreferredFormat, str] = {
    PreferredFormat.PRESENTATION: "Presentation",
    PreferredFormat.SPREADSHEET: "Spreadsheet",
    PreferredFormat.ACTION_LIST: "Action list",
    PreferredFormat.INFOGRAPHIC: "Infographic",
    PreferredFormat.VIDEO: "Video",
    PreferredFormat.OTHER: "Other",
}

#: Sort position of attitudes: champion first.
ATTITUDE_ORDER: dict[Attitude, int] = {a: i for i, a in enumerate(Attitude)}

#: Role holding a value that sorts properly (dates, numbers) for QSortFilterProxyModel.
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
#: Role holding the person's id.
PERSON_ID_ROLE = Qt.ItemDataRole.UserRole + 2
#: Role holding the text the filter box searches.
FILTER_ROLE = Qt.ItemDataRole.UserRole + 3

NAME, ROLE, FUNCTION, RELATIONSHIP, KEY, ATTITUDE, NEXT_UPDATE = range(7)
HEADERS = (
    "Name",
    "Role",
    "Function",
    "Relationship",
    "Key",
    "Attitude",
    "Next update",
)
TOOLTIPS = (
    "",
    "",
    "",
    "Your relationship: superior, peer, report, external or other",
    "Key stakeholder / accountable leader; 'CX board' marks members of the CX board",
    "The attitude in their latest note that records one",
    "When your next update to them is due, from their cadence and your latest contact",
)


def cadence_text(summary: PersonSummary, today: dt.date) -> str:
    if summary.due is None:
        return "—"
    return days_label(summary.due, today)


#: more rows changed than this and the table is reset instead (one sort, not one per row)
MAX_ROWS_CHANGED = 10


class PeopleModel(RowsTableModel):
    HEADERS = HEADERS
    TOOLTIPS = TOOLTIPS

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[PersonSummary] = []
        self._today = dt.date.today()

    def set_rows(self, rows: list[PersonSummary], today: dt.date) -> None:
        """Show ``rows``. The same people in the same order on the same day, a few of them
        changed (a refresh after a note, a follow-up ticked): only those rows are redrawn and
        placed again, so a long directory is not sorted and laid out again for one note."""
        changed: list[int] | None = None
        if today == self._today and len(rows) == len(self._rows):
            pairs = list(zip(rows, self._rows, strict=True))
            if all(new.person.id == old.person.id for new, old in pairs):
                changed = [row for row, (new, old) in enumerate(pairs) if new != old]
        if changed is None or len(changed) > MAX_ROWS_CHANGED:
            self.beginResetModel()
            self._rows = list(rows)
            self._today = today
            self.endResetModel()
            return
        self._rows = list(rows)
        last = self.columnCount() - 1
        for row in changed:
            self.dataChanged.emit(self.index(row, 0), self.index(row, last))

    def summary(self, row: int) -> PersonSummary:
        return self._rows[row]

    def row_of(self, person_id: int) -> int | None:
        for row, summary in enumerate(self._rows):
            if summary.person.id == person_id:
                return row
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        summary = self._rows[index.row()]
        person = summary.person
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(summary, column)
        if role == SORT_ROLE:
            return self._sort_key(summary, column)
        if role == PERSON_ID_ROLE:
            return person.id
        if role == FILTER_ROLE:
            return " ".join(
                (person.name, person.role, person.function, person.team, person.organisation)
            )
        overdue = summary.status in ("due", "overdue")
        if role == Qt.ItemDataRole.DecorationRole and column == NEXT_UPDATE and overdue:
            return icon("alarm")
        if role == Qt.ItemDataRole.FontRole and (
            person.archived or (overdue and column in (NAME, NEXT_UPDATE))
        ):
            font = QFont()
            font.setItalic(person.archived)
            font.setBold(overdue and not person.archived)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(summary, column)
        if role == Qt.ItemDataRole.AccessibleTextRole and column == NEXT_UPDATE and overdue:
            return f"{self._display(summary, column)}, update due"
        return None

    def _display(self, summary: PersonSummary, column: int) -> str:
        person = summary.person
        if column == NAME:
            return f"{person.name} (archived)" if person.archived else person.name
        if column == ROLE:
            return person.role
        if column == FUNCTION:
            return person.function
        if column == RELATIONSHIP:
            return RELATIONSHIP_LABELS[person.relationship]
        if column == KEY:
            marks = (["Key"] if person.key_stakeholder else []) + (
                ["CX board"] if person.cx_board else []
            )
            return " · ".join(marks)
        if column == ATTITUDE:
            return ATTITUDE_LABELS[summary.last_attitude] if summary.last_attitude else ""
        return cadence_text(summary, self._today)

    def _sort_key(self, summary: PersonSummary, column: int) -> Any:
        person = summary.person
        if column == KEY:
            return (2 if person.key_stakeholder else 0) + (1 if person.cx_board else 0)
        if column == ATTITUDE:
            return ATTITUDE_ORDER[summary.last_attitude] if summary.last_attitude else 99
        if column == NEXT_UPDATE:
            return summary.due.toordinal() if summary.due else 10**7
        if column == RELATIONSHIP:
            return list(Relationship).index(person.relationship)
        return self._display(summary, column).casefold()

    def _tooltip(self, summary: PersonSummary, column: int) -> str | None:
        if column != NEXT_UPDATE:
            return None
        person = summary.person
        if summary.due is None:
            return "No update cadence set: edit the profile to set one"
        last = (
            f"last contact {short_date(summary.last_contact)}"
            if summary.last_contact
            else "no contact noted yet"
        )
        return (
            f"Every {person.cadence_days} days; {last}; next update due "
            f"{short_date(summary.due)} ({days_label(summary.due, self._today)})"
        )
