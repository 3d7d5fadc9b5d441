"""Preferences > Backups: how many of the daily and weekly rolling backups to keep."""

from __future__ import annotations

from typing import Any

from cxjournal.journal.backup_ops import (
    RetentionPolicy,
    retention_policy,
    set_retention_policy,
)
from cxjournal.qt.widgets import QFormLayout, QLabel, QSpinBox, QVBoxLayout, QWidget
from cxjournal.ui.ops import run_op
from cxjournal.ui.preferences import announcer
from cxjournal.ui.read_only import writes_journal
from cxjournal.ui.theme import secondary

#: the most backups of either kind the journal's setting accepts
MAX_KEPT = 3660


class BackupsTab(QWidget):
    title = "Backups"

    def __init__(self, window: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.window_ = window
        self.journal = window.journal
        policy = retention_policy(self.journal)
        self.daily = writes_journal(_count_box(1, "Daily backups kept"))
        self.daily.setValue(policy.keep_daily)
        self.weekly = writes_journal(_count_box(0, "Weekly backups kept"))
        self.weekly.setSpecialValueText("None")
        self.weekly.setValue(policy.keep_weekly)
        form = QFormLayout()
        daily_label = QLabel("Keep &daily backups:")
        daily_label.setBuddy(self.daily)
        weekly_label = QLabel("Keep &weekly backups:")
        weekly_label.setBuddy(self.weekly)
        form.addRow(daily_label, self.daily)
        form.addRow(weekly_label, self.weekly)
        note = secondary(
            QLabel(
                "cxjournal makes a backup of the journal the first time it opens each day, "
                "in the backups folder beside it (Help > Open data folder). The newest daily "
                "ones are kept, and one for each of the weeks before; older ones are removed."
            )
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addStretch(1)
        self.daily.valueChanged.connect(self.save)
        self.weekly.valueChanged.connect(self.save)

    def save(self, *_args: object) -> None:
        policy = RetentionPolicy(keep_daily=self.daily.value(), keep_weekly=self.weekly.value())
        run_op(
            self.journal,
            announcer(self.window_),
            self,
            "change how many backups are kept",
            lambda journal: set_retention_policy(journal, policy),
        )


def _count_box(low: int, name: str) -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, MAX_KEPT)
    box.setAccessibleName(name)
    return box
