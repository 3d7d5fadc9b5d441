"""Settings: the power-audit thresholds, each with its default shown, and a reset."""

from __future__ import annotations

from dataclasses import fields

from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cxjournal.domain.errors import ValidationError
from cxjournal.domain.thresholds import Thresholds
from cxjournal.journal import Journal
from cxjournal.ui.write_guard import guarded_write

#: field: (label, explanation, minimum, maximum, step, decimals; 0 decimals = whole number)
SETTINGS: dict[str, tuple[str, str, float, float, float, int]] = {
    "reach_share": (
        "Narrow reach: &share",
        "Narrow reach rings when at least this share of the people you rate sit in one "
        "team, function, product unit or location.",
        0.05, 1.0, 0.05, 2,
    ),
    "reach_min_filled": (
        "Narrow reach: &minimum people",
        "…and at least this many people have that field filled in.",
        1, 10, 1, 0,
    ),
    "imbalance_ratio": (
        "Power &imbalance below",
        "Power imbalance rings when what others depend on you, divided by what you depend "
        "on them, is below this ratio (1.0 is an even give-and-take).",
        0.05, 5.0, 0.05, 2,
    ),
    "vulnerability_share": (
        "High &vulnerability above",
        "High vulnerability rings when the two people you depend on most hold more than "
        "this share of your total dependence.",
        0.05, 1.0, 0.05, 2,
    ),
    "lean_gap": (
        "&Leaning gap",
        "A relationship leans one way when the two dependences differ by at least this "
        "much (on the 0-10 scale).",
        0.5, 10.0, 0.5, 1,
    ),
    "deep_min": (
        "&Deep from",
        "A relationship is deep when both dependences are at least this high.",
        0.5, 10.0, 0.5, 1,
    ),
    "transactional_max": (
        "&Transactional up to",
        "A relationship is transactional when both dependences are at most this high.",
        0.5, 10.0, 0.5, 1,
    ),
    "transactional_min_count": (
        "Transactional network: minimum &people",
        "Transactional network rings when every relationship is transactional and the "
        "audit rates at least this many people.",
        1, 10, 1, 0,
    ),
    "closed_min_count": (
        "Closed &network: minimum people",
        "Closed network rings when the audit rates at least this many people…",
        2, 10, 1, 0,
    ),
    "closed_density": (
        "Closed network: densit&y from",
        "…and at least this share of the pairs among them already know each other.",
        0.05, 1.0, 0.05, 2,
    ),
    "touch_days": (
        "Program: plan owner out of touc&h after (days)",
        "A plan owner with no update cadence is out of touch when you have had no contact "
        "with them for this many days.",
        1, 366, 1, 0,
    ),
    "gap_warn_days": (
        "Program: attitude &gap warning (days ahead)",
        "An attitude gap is raised this many days before the date you want to have moved "
        "the person by.",
        0, 366, 1, 0,
    ),
    "format_streak": (
        "Program: &format not working after (updates)",
        "Format not working is raised when this many updates with a goal, all in the same "
        "format, achieved nothing and the person's attitude did not move.",
        1, 20, 1, 0,
    ),
}  # fmt: skip


def _number_text(value: float) -> str:
    return f"{value:g}"


class ThresholdsDialog(QDialog):
    """Edits the thresholds stored in the journal; OK saves, Cancel leaves them."""

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.setWindowTitle("Settings: power audit thresholds")
        layout = QVBoxLayout(self)
        intro = QLabel(
            "These numbers decide when an alarm bell rings and how each relationship is "
            "named. They are cxjournal's own defaults, not a scientific standard: adjust "
            "them to how you work. Every analysis and export records the values it used."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        form = QFormLayout()
        self.inputs: dict[str, QAbstractSpinBox] = {}
        defaults = Thresholds()
        for name, (label, tip, low, high, step, decimals) in SETTINGS.items():
            box: QAbstractSpinBox
            if decimals == 0:
                spin = QSpinBox()
                spin.setRange(int(low), int(high))
                spin.setSingleStep(int(step))
                box = spin
            else:
                dspin = QDoubleSpinBox()
                dspin.setDecimals(decimals)
                dspin.setRange(low, high)
                dspin.setSingleStep(step)
                box = dspin
            box.setToolTip(tip)
            box.setAccessibleName(label.replace("&", ""))
            box.setAccessibleDescription(tip)
            default = QLabel(f"default {_number_text(getattr(defaults, name))}")
            default.setEnabled(False)
            row = QHBoxLayout()
            row.addWidget(box)
            row.addWidget(default)
            row.addStretch(1)
            caption = QLabel(label)
            caption.setBuddy(box)
            caption.setToolTip(tip)
            form.addRow(caption, row)
            self.inputs[name] = box
        layout.addLayout(form)

        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.reset_button = QPushButton("&Reset to defaults")
        self.reset_button.setAutoDefault(False)
        self.reset_button.clicked.connect(lambda: self.show_values(Thresholds()))
        buttons.addButton(self.reset_button, QDialogButtonBox.ButtonRole.ResetRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.show_values(journal.settings.thresholds())

    def show_values(self, thresholds: Thresholds) -> None:
        for name, box in self.inputs.items():
            box.setValue(getattr(thresholds, name))  # type: ignore[attr-defined]

    def values(self) -> Thresholds:
        defaults = Thresholds()
        data: dict[str, float | int] = {}
        for f in fields(Thresholds):
            value = self.inputs[f.name].value()  # type: ignore[attr-defined]
            default = getattr(defaults, f.name)
            # keep whole numbers whole, so "lean_gap": 3 stays 3 in every export
            if isinstance(default, int) and float(value).is_integer():
                value = int(value)
            data[f.name] = value
        return Thresholds.from_mapping(data)

    def save(self) -> None:
        try:
            thresholds = self.values()
        except ValidationError as exc:
            self.error.setText("\n".join(exc.problems))
            self.error.show()
            return
        with guarded_write(self, "save the thresholds") as attempt:
            if thresholds == Thresholds():
                self.journal.settings.reset_thresholds()
            else:
                self.journal.settings.set_thresholds(thresholds)
        if attempt.failed:
            return  # the dialog stays open with the values entered
        self.accept()
