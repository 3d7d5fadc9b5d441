"""The preview of a Daylio import: each mood with its value and each activity's kind, editable."""

from __future__ import annotations

from cxjournal.domain.model import CHECKIN_MAX, CHECKIN_MIN
from cxjournal.exchange.imports import DaylioOptions, ImportReport
from cxjournal.exchange.imports.daylio import ActivityKind, DaylioFile
from cxjournal.exchange.imports.plan import counted
from cxjournal.qt.core import Qt, Signal
from cxjournal.qt.widgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from cxjournal.ui.plain_text import plain_label

#: The choices of an activity, in menu order.
KIND_CHOICES: tuple[tuple[ActivityKind, str], ...] = (
    ("tag", "Plain tag"),
    ("drain", "Drain"),
    ("restorer", "Restorer"),
)
NO_VALUE = CHECKIN_MIN - 1  # the spin box's "choose a value" state


def _table(headers: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setAccessibleName(name)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _cell(text: str, right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class DaylioPreview(QWidget):
    """``options()`` are what the user set; ``options_changed`` fires on every edit."""

    options_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = plain_label()
        self.summary.setWordWrap(True)
        self.moods = _table(["Mood in Daylio", "Entries", "Mood value (1-10)"], "Moods")
        self.activities = _table(["Activity", "Entries", "Counts as"], "Activities")
        self.mood_boxes: dict[str, QSpinBox] = {}
        self.kind_boxes: dict[str, QComboBox] = {}
        tables = QHBoxLayout()
        for title, table in (("Moods", self.moods), ("Activities", self.activities)):
            column = QVBoxLayout()
            label = QLabel(title)
            label.setBuddy(table)
            column.addWidget(label)
            column.addWidget(table, 1)
            tables.addLayout(column, 1)
        hint = QLabel(
            "Daylio has no energy or stress, so these check-ins record a mood only. "
            "Drains and restorers join the drains-and-restorers comparison; plain tags "
            "are kept with the check-in."
        )
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addLayout(tables, 1)
        layout.addWidget(hint)

    def set_file(self, file: DaylioFile, options: DaylioOptions) -> None:
        """Fill both tables from the file, with the values ``options`` give."""
        self.mood_boxes.clear()
        self.kind_boxes.clear()
        moods = file.moods()
        self.moods.setRowCount(len(moods))
        for row, (mood, count) in enumerate(moods.items()):
            self.moods.setItem(row, 0, _cell(mood))
            self.moods.setItem(row, 1, _cell(str(count), right=True))
            box = QSpinBox()
            box.setRange(NO_VALUE, CHECKIN_MAX)
            box.setSpecialValueText("choose…")
            box.setAccessibleName(f"Value of the mood {mood}")
            box.setValue(options.mood_value(mood) or NO_VALUE)
            box.valueChanged.connect(lambda _v: self.options_changed.emit())
            self.moods.setCellWidget(row, 2, box)
            self.mood_boxes[mood] = box
        activities = file.activities()
        self.activities.setRowCount(len(activities))
        for row, (activity, count) in enumerate(activities.items()):
            self.activities.setItem(row, 0, _cell(activity))
            self.activities.setItem(row, 1, _cell(str(count), right=True))
            combo = QComboBox()
            for kind, text in KIND_CHOICES:
                combo.addItem(text, kind)
            combo.setAccessibleName(f"What {activity} counts as")
            combo.setCurrentIndex(combo.findData(options.activity_kind(activity)))
            combo.currentIndexChanged.connect(lambda _i: self.options_changed.emit())
            self.activities.setCellWidget(row, 2, combo)
            self.kind_boxes[activity] = combo
        for table in (self.moods, self.activities):
            table.resizeColumnsToContents()

    def options(self) -> DaylioOptions:
        moods = {m: box.value() for m, box in self.mood_boxes.items() if box.value() != NO_VALUE}
        kinds = {a: str(combo.currentData()) for a, combo in self.kind_boxes.items()}
        return DaylioOptions(
            moods=moods,
            drains=frozenset(a for a, k in kinds.items() if k == "drain"),
            restorers=frozenset(a for a, k in kinds.items() if k == "restorer"),
        )

    def show_report(self, file: DaylioFile, report: ImportReport) -> None:
        added, kept = report.added.get("checkins", 0), report.skipped.get("checkins", 0)
        days = len({e.on for e in file.entries})
        text = (
            f"{counted(len(file.entries), 'entries')} on {days} days become one mood-only "
            f"check-in a day (several on one day: their mean mood): {added} to add"
        )
        if kept:
            text += f", {kept} on dates that already have a check-in, which stays as it is"
        missing = [m for m, box in self.mood_boxes.items() if box.value() == NO_VALUE]
        if missing:
            text += f". Give {', '.join(missing)} a value to import"
        self.summary.setText(text + ".")
