"""The check-in history, newest first, fetched a page at a time as the list scrolls."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from cxjournal.domain.list_orders import CHECK_IN_ORDERS
from cxjournal.domain.model import ResilienceEntry
from cxjournal.domain.resilience import checkin_value
from cxjournal.qt.core import (
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from cxjournal.ui.models.paged_rows_model import PagedRowsModel
from cxjournal.ui.plain_text import as_written

DATE, ENERGY, STRESS, MOOD, SLEEP, DRAINS, RESTORERS, TAGS, NOTE = range(9)
HEADERS = (
    "Date",
    "Energy",
    "Stress",
    "Mood",
    "Sleep",
    "Drained by",
    "Restored by",
    "Tags",
    "Note",
)
TOOLTIPS = (
    "The day of the check-in",
    "Energy, 1 (drained) to 10 (full of energy)",
    "Stress, 1 (calm) to 10 (overwhelmed)",
    "Mood, 1 (low) to 10 (very good)",
    "Hours of sleep, when noted",
    "What drained you",
    "What restored you",
    "Other activities of the day (imported from Daylio, for example)",
    "Your note",
)
MOOD_ONLY_TIP = "Not recorded: this check-in has a mood only (imported history, for example)"
#: Rows fetched at a time.
PAGE_SIZE = 200

Index = QModelIndex | QPersistentModelIndex
#: ``fetch(offset, limit, order, descending)``: entries in that order, as
#: ``ResilienceOps.newest_first`` gives them.
Fetch = Callable[[int, int, str, bool], list[ResilienceEntry]]

_NUMBERS = (ENERGY, STRESS, MOOD, SLEEP)


class ResilienceHistoryModel(PagedRowsModel[ResilienceEntry]):
    """One row per check-in, newest first. Rows arrive ``PAGE_SIZE`` at a time."""

    HEADERS = HEADERS
    TOOLTIPS = TOOLTIPS
    ORDERS = CHECK_IN_ORDERS
    PAGE_SIZE = PAGE_SIZE

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._locale = QLocale()
        self.sorted_by = (DATE, True)

    def reset(self, fetch: Fetch, total: int) -> None:
        """Start again from the first check-in in the order shown; ``total`` is how many
        there are."""
        self.beginResetModel()
        self._start(fetch, total)
        self.endResetModel()

    def total(self) -> int:
        return self._total

    def entry(self, row: int) -> ResilienceEntry:
        return self._rows[row]

    def row_of(self, on: dt.date) -> int:
        """The row of the check-in of ``on`` (fetching older pages as needed), or -1."""
        while True:
            for row, entry in enumerate(self._rows):
                if entry.on == on:
                    return row
            newest_first = self.sorted_by == (DATE, True)
            passed = newest_first and bool(self._rows) and self._rows[-1].on < on
            if not self._rows or passed or not self.canFetchMore(QModelIndex()):
                return -1
            self.fetchMore(QModelIndex())

    # -- the table ----------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        entry = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(entry, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == NOTE and entry.note:
                return as_written(entry.note, wrap=False)
            if column in (DRAINS, RESTORERS, TAGS):
                return as_written(self._text(entry, column), wrap=False) or None
            if column == DATE:
                return entry.on.isoformat()
            if column in (ENERGY, STRESS) and getattr(entry, HEADERS[column].lower()) is None:
                return MOOD_ONLY_TIP
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _NUMBERS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return entry
        return None

    def _text(self, entry: ResilienceEntry, column: int) -> str:
        if column == DATE:
            on = entry.on
            return self._locale.toString(QDate(on.year, on.month, on.day), "ddd d MMM yyyy")
        if column in (ENERGY, STRESS, MOOD):
            return checkin_value(getattr(entry, HEADERS[column].lower()))
        if column == SLEEP:
            return "" if entry.sleep_hours is None else f"{entry.sleep_hours:g} h"
        if column == DRAINS:
            return ", ".join(entry.drains)
        if column == RESTORERS:
            return ", ".join(entry.restorers)
        if column == TAGS:
            return ", ".join(entry.tags)
        if column == NOTE:
            return entry.note.replace("\n", " ")
        return ""
