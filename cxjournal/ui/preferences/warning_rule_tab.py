"""Preferences > Early warning: the resilience early-warning rule, its numbers explained
in plain words, saved as each one changes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cxjournal.domain.early_warning import DEFAULT_RULE, WarningRule, rule_help
from cxjournal.qt.core import Qt
from cxjournal.qt.widgets import (
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from cxjournal.ui.ops import run_op
from cxjournal.ui.read_only import writes_journal

if TYPE_CHECKING:
    from cxjournal.ui.services import Services


class WarningRuleTab(QWidget):
    """The journal's ``WarningRule``; each change is saved and the pages redraw."""

    title = "Early warning"

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.journal = services.journal
        rule = self.journal.resilience.warning_rule()

        intro = QLabel(
            "When your check-ins shift for the worse and stay there, the Resilience page "
            "shows a short note. It reads only your own check-ins, on this computer."
        )
        intro.setWordWrap(True)

        self.recent_days = _days_box(1, 90, "Days counted as recent, today included")
        self.earlier_days = _days_box(1, 365, "Days just before the recent ones, to compare with")
        self.min_recent = _days_box(1, 90, "Check-ins needed in the recent days", suffix="")
        self.min_earlier = _days_box(1, 365, "Check-ins needed in the days before", suffix="")
        self.energy_drop = _points_box("How far average energy must fall")
        self.stress_rise = _points_box("How far average stress must rise")

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow("&Recent period:", self.recent_days)
        form.addRow("Compared with the &earlier:", self.earlier_days)
        form.addRow("Check-ins needed, re&cent:", self.min_recent)
        form.addRow("Check-ins needed, ear&lier:", self.min_earlier)
        form.addRow("Energy &drop that counts:", self.energy_drop)
        form.addRow("&Stress rise that counts:", self.stress_rise)

        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.explanation.setAccessibleName("The rule in words")
        self.explanation.setMinimumWidth(420)

        self.reset_button = writes_journal(QPushButton("&Reset to defaults"))
        self.reset_button.setAutoDefault(False)
        self.reset_button.clicked.connect(lambda: self.set_rule(DEFAULT_RULE))
        reset_row = QHBoxLayout()
        reset_row.addWidget(self.reset_button)
        reset_row.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.explanation)
        layout.addLayout(reset_row)
        layout.addStretch(1)

        self.boxes: list[QSpinBox | QDoubleSpinBox] = [
            self.recent_days,
            self.earlier_days,
            self.min_recent,
            self.min_earlier,
            self.energy_drop,
            self.stress_rise,
        ]
        self._loading = False
        for box in self.boxes:
            writes_journal(box)
            box.valueChanged.connect(self._changed)
        self.set_rule(rule, save=False)

    def set_rule(self, rule: WarningRule, save: bool = True) -> None:
        self._loading = True
        self.recent_days.setValue(rule.recent_days)
        self.earlier_days.setValue(rule.earlier_days)
        self._update()  # the minimums' limits follow the periods
        self.min_recent.setValue(rule.min_recent)
        self.min_earlier.setValue(rule.min_earlier)
        self.energy_drop.setValue(rule.energy_drop)
        self.stress_rise.setValue(rule.stress_rise)
        self._loading = False
        self._update()
        if save:
            self.save()

    def rule(self) -> WarningRule:
        return WarningRule(
            recent_days=self.recent_days.value(),
            earlier_days=self.earlier_days.value(),
            min_recent=self.min_recent.value(),
            min_earlier=self.min_earlier.value(),
            energy_drop=round(self.energy_drop.value(), 1),
            stress_rise=round(self.stress_rise.value(), 1),
        )

    def _update(self, *_args: object) -> None:
        # a minimum above its period's length could never be met
        self.min_recent.setMaximum(self.recent_days.value())
        self.min_earlier.setMaximum(self.earlier_days.value())
        text = rule_help(self.rule())
        if self.rule() == DEFAULT_RULE:
            text += "\n\nThese are the default numbers."
        self.explanation.setText(text)

    def _changed(self, *_args: object) -> None:
        self._update()
        if not self._loading:
            self.save()

    def save(self) -> bool:
        """Save the rule the boxes show; ``False`` when the journal refused the write."""
        rule = self.rule()
        if rule == self.journal.resilience.warning_rule():
            return True
        done = run_op(
            self.journal,
            self.services.bus.announce,
            self,
            "change the early warning",
            lambda journal: journal.resilience.set_warning_rule(rule),
        )
        return done is not None  # refused: the numbers entered stay, to try again


def _days_box(low: int, high: int, tooltip: str, suffix: str = " days") -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    box.setSuffix(suffix)
    box.setToolTip(tooltip)
    box.setAccessibleName(tooltip)
    return box


def _points_box(tooltip: str) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(0.1, 9.0)
    box.setDecimals(1)
    box.setSingleStep(0.1)
    box.setSuffix(" points")
    box.setToolTip(tooltip)
    box.setAccessibleName(tooltip)
    return box
