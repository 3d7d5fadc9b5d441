"""Drains and restorers against better or worse days: one row per ``TagEffect``."""

from __future__ import annotations

from typing import Any

from cxjournal.domain.resilience import MEASURES, TagEffect
from cxjournal.qt.core import QModelIndex, QPersistentModelIndex, Qt
from cxjournal.ui.models.rows_table_model import RowsTableModel
from cxjournal.ui.plain_text import as_written

TAG, KIND, DAYS, ENERGY, STRESS, MOOD = range(6)
HEADERS = (
    "Tag",
    "Kind",
    "Check-ins",
    "Energy with / without",
    "Stress with / without",
    "Mood with / without",
)
TOOLTIPS = (
    "A drain or restorer you noted",
    "Whether you noted it as draining or restoring",
    "Check-ins that carry it",
    "Average energy on days with it, against days without it",
    "Average stress on days with it, against days without it",
    "Average mood on days with it, against days without it",
)
KIND_LABELS = {"drain": "Drain", "restorer": "Restorer"}

Index = QModelIndex | QPersistentModelIndex


def compared(with_tag: float | None, without: float | None, difference: float | None) -> str:
    """``6.8 / 5.9 (+0.9)``; just the average when there is nothing to compare with.

    ``–`` alone when no day with the tag records the measure (mood-only check-ins).
    """
    if with_tag is None:
        return "–"
    if without is None or difference is None:
        return f"{with_tag:.1f} / –"
    return f"{with_tag:.1f} / {without:.1f}  ({difference:+.1f})"


def explain(effect: TagEffect) -> str:
    """The row in words, for tooltips and screen readers."""
    name = f"“{effect.tag}”"
    if effect.days_without == 0:
        return (
            f"Every check-in in this range carries {name}, so there are no days without it "
            "to compare with."
        )
    sentences = []
    for measure in MEASURES:
        with_tag = getattr(effect, f"{measure}_with")
        without = getattr(effect, f"{measure}_without")
        if with_tag is not None and without is not None:
            sentences.append(f"{measure} {with_tag:.1f} against {without:.1f}")
    if not sentences:
        return f"The days with {name} have nothing to compare with yet."
    return (
        f"On the {effect.days_with} days with {name}, compared with the "
        f"{effect.days_without} days without it: {'; '.join(sentences)}. Check-ins with "
        "a mood only count for mood alone. This shows what goes together, not what "
        "causes what."
    )


class TagInsightsModel(RowsTableModel):
    """Rows in the order given (``compare_tags`` puts the best energy difference first)."""

    HEADERS = HEADERS
    TOOLTIPS = TOOLTIPS

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[TagEffect] = []

    def set_effects(self, effects: list[TagEffect]) -> None:
        self.beginResetModel()
        self._rows = list(effects)
        self.endResetModel()

    def effect(self, row: int) -> TagEffect:
        return self._rows[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        effect = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == TAG:
                return effect.tag
            if column == KIND:
                return KIND_LABELS[effect.kind]
            if column == DAYS:
                return str(effect.days_with)
            if column == ENERGY:
                return compared(effect.energy_with, effect.energy_without, effect.energy_difference)
            if column == STRESS:
                return compared(effect.stress_with, effect.stress_without, effect.stress_difference)
            if column == MOOD:
                return compared(effect.mood_with, effect.mood_without, effect.mood_difference)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return as_written(explain(effect), wrap=False)
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return explain(effect)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (DAYS, ENERGY, STRESS, MOOD):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return effect
        return None
