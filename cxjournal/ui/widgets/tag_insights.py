"""Which drains and restorers go with better or worse days, with an empty state."""

from __future__ import annotations

from cxjournal.domain.resilience import TagEffect
from cxjournal.qt.core import Qt
from cxjournal.qt.widgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from cxjournal.ui.models.tag_insights_model import TAG, TagInsightsModel

#: A tag is compared once this many check-ins in the range carry it.
MIN_USES = 5


class TagInsights(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel("<b>What goes with better and worse days</b>")
        self.caption = QLabel()
        self.caption.setWordWrap(True)

        self.model = TagInsightsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Drains and restorers compared")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TAG, QHeaderView.ResizeMode.Stretch)

        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.empty.setMargin(8)

        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.caption)
        layout.addWidget(self.stack, 1)

    def set_effects(self, effects: list[TagEffect], checkins: int, range_text: str) -> None:
        """Show ``effects`` over ``checkins`` check-ins of ``range_text`` ("the last 3 months")."""
        self.model.set_effects(effects)
        if effects:
            self.caption.setText(
                f"Averages over your {checkins} check-ins in {range_text}, for each drain and "
                f"restorer noted on at least {MIN_USES} of them: days with it / days without "
                "it (difference). Best energy first. They go together; one need not cause "
                "the other."
            )
            self.stack.setCurrentWidget(self.table)
            return
        self.caption.setText("")
        if checkins == 0:
            text = (
                "Nothing to compare yet. Note what drained and what restored you when you "
                "check in; once a tag is on five check-ins, this shows how those days "
                "compare with the others."
            )
        else:
            text = (
                f"None of the drains or restorers in your {checkins} check-ins in {range_text} "
                f"is on {MIN_USES} of them yet. Keep noting them (a word or two is enough), "
                "or pick a longer range above the chart."
            )
        self.empty.setText(text)
        self.stack.setCurrentWidget(self.empty)
