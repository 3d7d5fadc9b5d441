"""Preferences > Alarm bells: the power-audit thresholds, each with its default, and a reset.

Each change is checked and saved as it is made (one journal setting); a value the
journal refuses is named and nothing is saved.
"""

from __future__ import annotations

from dataclasses import fields
from typing import TYPE_CHECKING

from cxjournal.domain.errors import ValidationError
from cxjournal.domain.thresholds import Thresholds
from cxjournal.domain.wording import THRESHOLDS
from cxjournal.journal import Journal
from cxjournal.qt.widgets import (
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from cxjournal.ui.ops import run_op
from cxjournal.ui.read_only import writes_journal
from cxjournal.ui.theme import secondary

if TYPE_CHECKING:
    from cxjournal.ui.services import Services

#: field: (where the mnemonic goes, minimum, maximum, step, decimals; 0 decimals = whole number);
#: the label and its explanation are the thresholds' words (``wording.THRESHOLDS``)
RANGES: dict[str, tuple[str, float, float, float, int]] = {
    "reach_share": ("share", 0.05, 1.0, 0.05, 2),
    "reach_min_filled": ("minimum", 1, 10, 1, 0),
    "imbalance_ratio": ("imbalance", 0.05, 5.0, 0.05, 2),
    "vulnerability_share": ("vulnerability", 0.05, 1.0, 0.05, 2),
    "lean_gap": ("One", 0.5, 10.0, 0.5, 1),
    "deep_min": ("Deep", 0.5, 10.0, 0.5, 1),
    "transactional_max": ("Transactional", 0.5, 10.0, 0.5, 1),
    "transactional_min_count": ("people", 1, 10, 1, 0),
    "closed_min_count": ("network", 2, 10, 1, 0),
    "closed_density": ("y from", 0.05, 1.0, 0.05, 2),
    "touch_days": ("h after", 1, 366, 1, 0),
    "gap_warn_days": ("gap", 0, 366, 1, 0),
    "format_streak": ("format", 1, 20, 1, 0),
}


def _with_mnemonic(label: str, before: str) -> str:
    """``label`` with its mnemonic ``&`` put before the first ``before`` in it."""
    at = label.find(before)
    return label if at < 0 else f"{label[:at]}&{label[at:]}"


#: field: (label with its mnemonic, explanation, minimum, maximum, step, decimals)
SETTINGS: dict[str, tuple[str, str, float, float, float, int]] = {
    key: (
        _with_mnemonic(THRESHOLDS[key].label, before),
        THRESHOLDS[key].explains,
        low,
        high,
        step,
        decimals,
    )
    for key, (before, low, high, step, decimals) in RANGES.items()
}


def _number_text(value: float) -> str:
    return f"{value:g}"


def number_box(low: float, high: float, step: float, decimals: int, tip: str) -> QDoubleSpinBox:
    """One spin box for every threshold: its range, step and decimals (0: a whole number)."""
    box = QDoubleSpinBox()
    box.setDecimals(decimals)
    box.setRange(low, high)
    box.setSingleStep(step)
    box.setToolTip(tip)
    box.setAccessibleDescription(tip)
    return box


class ThresholdsTab(QWidget):
    """The thresholds stored in the journal, saved as each one changes."""

    title = "Alarm bells"

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.journal = services.journal
        layout = QVBoxLayout(self)
        intro = QLabel(
            "These numbers decide when an alarm bell rings and how each relationship is "
            "named. They are cxjournal's own defaults, not a scientific standard: adjust "
            "them to how you work. Every analysis and export records the values it used."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        form = QFormLayout()
        self.inputs: dict[str, QDoubleSpinBox] = {}
        defaults = Thresholds()
        for name, (label, tip, low, high, step, decimals) in SETTINGS.items():
            box = writes_journal(number_box(low, high, step, decimals, tip))
            box.setAccessibleName(label.replace("&", ""))
            default = QLabel(f"default {_number_text(getattr(defaults, name))}")
            secondary(default)
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
        self.error.setObjectName("thresholds-problem")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)

        reset_row = QHBoxLayout()
        self.reset_button = writes_journal(QPushButton("&Reset to defaults"))
        self.reset_button.setAutoDefault(False)
        self.reset_button.clicked.connect(self.reset)
        reset_row.addWidget(self.reset_button)
        reset_row.addStretch(1)
        layout.addLayout(reset_row)
        layout.addStretch(1)
        self.show_values(self.journal.settings.thresholds())
        for box in self.inputs.values():
            box.valueChanged.connect(self.save)

    def show_values(self, thresholds: Thresholds) -> None:
        for name, box in self.inputs.items():
            box.blockSignals(True)
            box.setValue(getattr(thresholds, name))
            box.blockSignals(False)

    def values(self) -> Thresholds:
        defaults = Thresholds()
        data: dict[str, float | int] = {}
        for f in fields(Thresholds):
            value: float | int = self.inputs[f.name].value()
            # keep whole numbers whole, so "lean_gap": 3 stays 3 in every export
            if isinstance(getattr(defaults, f.name), int) and float(value).is_integer():
                value = int(value)
            data[f.name] = value
        return Thresholds.from_mapping(data)

    def reset(self) -> None:
        self.show_values(Thresholds())
        self.save()

    def save(self, *_args: object) -> bool:
        """Check and save what the boxes show; ``False`` (nothing saved) when the numbers
        do not fit together or the journal refused the write."""
        try:
            thresholds = self.values()
        except ValidationError as exc:
            self.error.setText("Not saved: " + " ".join(exc.problems))
            self.error.show()
            return False
        self.error.hide()

        def store(journal: Journal) -> None:
            if thresholds == Thresholds():
                journal.settings.reset_thresholds()
            else:
                journal.settings.set_thresholds(thresholds)

        # refused: the values entered stay, to try again
        return (
            run_op(self.journal, self.services.bus.announce, self, "save the thresholds", store)
            is not None
        )
