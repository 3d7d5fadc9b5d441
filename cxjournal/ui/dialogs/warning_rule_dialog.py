"""The resilience early-warning rule: its numbers, explained in plain words."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cxjournal.domain.resilience import DEFAULT_RULE, WarningRule, rule_help
from cxjournal.ui.read_only import saving_buttons


class WarningRuleDialog(QDialog):
    """Edit a ``WarningRule``; read the result with :meth:`rule` after ``exec()``."""

    def __init__(self, rule: WarningRule, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Resilience early warning")

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

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults
        )
        self.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).setText(
            "Reset to defaults"
        )
        saving_buttons(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.buttons.clicked.connect(self._on_clicked)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.explanation)
        layout.addWidget(self.buttons)

        for box in (self.recent_days, self.earlier_days, self.min_recent, self.min_earlier):
            box.valueChanged.connect(self._update)
        for dbox in (self.energy_drop, self.stress_rise):
            dbox.valueChanged.connect(self._update)
        self.set_rule(rule)

    def set_rule(self, rule: WarningRule) -> None:
        self.recent_days.setValue(rule.recent_days)
        self.earlier_days.setValue(rule.earlier_days)
        self._update()  # the minimums' limits follow the periods
        self.min_recent.setValue(rule.min_recent)
        self.min_earlier.setValue(rule.min_earlier)
        self.energy_drop.setValue(rule.energy_drop)
        self.stress_rise.setValue(rule.stress_rise)
        self._update()

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

    def _on_clicked(self, button: QAbstractButton) -> None:
        if self.buttons.buttonRole(button) == QDialogButtonBox.ButtonRole.ResetRole:
            self.set_rule(DEFAULT_RULE)


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
