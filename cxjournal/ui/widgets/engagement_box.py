"""The engagement part of a person's profile: where you want them and by when, how you
will move them, their power and interest, and the program plans they are on."""

from __future__ import annotations

import datetime as dt
from typing import Any

from cxjournal.domain.model import POWER_MAX, Attitude, Person
from cxjournal.domain.program import plans_of
from cxjournal.domain.program_wording import PLAN_TITLES, ROLE_TITLES
from cxjournal.journal import Journal
from cxjournal.qt.core import Qt
from cxjournal.qt.widgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)
from cxjournal.ui.dialogs.note_dialog import from_qdate, to_qdate
from cxjournal.ui.models.people_model import ATTITUDE_LABELS

DEFAULT_TARGET_DAYS = 90


def plans_sentence(journal: Journal, person: Person | None) -> str:
    """``"Operations (owner), Voice of the customer (contributor)"``, or a hint."""
    if person is None or person.id is None:
        return "Not on any plan yet: add them to a plan on the Program page."
    found = plans_of(journal.program.get(), person)
    if not found:
        return "Not on any plan yet: add them to a plan on the Program page."
    return ", ".join(f"{PLAN_TITLES[k]} ({ROLE_TITLES[r].lower()})" for k, r in found)


class EngagementBox(QGroupBox):
    def __init__(
        self,
        journal: Journal,
        person: Person | None,
        parent: QWidget | None = None,
        today: dt.date | None = None,
    ) -> None:
        super().__init__("Engagement", parent)
        today = today or dt.date.today()
        self.desired = QComboBox()
        self.desired.setAccessibleName("Target attitude")
        self.desired.setToolTip("Where you want them to stand on the program")
        self.desired.addItem("No target", None)
        for attitude in Attitude:
            self.desired.addItem(ATTITUDE_LABELS[attitude], attitude.value)
        self.has_by = QCheckBox("&by")
        self.has_by.setAccessibleName("The target has a date")
        self.by = QDateEdit(to_qdate(today + dt.timedelta(days=DEFAULT_TARGET_DAYS)))
        self.by.setCalendarPopup(True)
        self.by.setDisplayFormat("d MMM yyyy")
        self.by.setAccessibleName("Target date")
        self.by.setEnabled(False)
        self.has_by.toggled.connect(self.by.setEnabled)
        self.move_plan = QLineEdit()
        self.move_plan.setAccessibleName("How I will move them")
        self.move_plan.setPlaceholderText(
            "How you will move them, e.g. show the cost of repeat calls"
        )
        self.power = self._scale("Power", "How much they can help or block the program, 1 to 5")
        self.interest = self._scale("Interest", "How much they care about the program, 1 to 5")
        self.plans = QLabel(plans_sentence(journal, person))
        self.plans.setTextFormat(Qt.TextFormat.PlainText)
        self.plans.setWordWrap(True)
        self.plans.setObjectName("engagement-plans")

        grid = QGridLayout(self)
        target_label = QLabel("Tar&get attitude:")
        target_label.setBuddy(self.desired)
        grid.addWidget(target_label, 0, 0)
        grid.addWidget(self.desired, 0, 1)
        grid.addWidget(self.has_by, 0, 2)
        grid.addWidget(self.by, 0, 3)
        power_label = QLabel("Po&wer:")
        power_label.setBuddy(self.power)
        interest_label = QLabel("Inte&rest:")
        interest_label.setBuddy(self.interest)
        grid.addWidget(power_label, 0, 4)
        grid.addWidget(self.power, 0, 5)
        grid.addWidget(interest_label, 0, 6)
        grid.addWidget(self.interest, 0, 7)
        move_label = QLabel("Mo&ve plan:")
        move_label.setBuddy(self.move_plan)
        grid.addWidget(move_label, 1, 0)
        grid.addWidget(self.move_plan, 1, 1, 1, 7)
        grid.addWidget(QLabel("On plans:"), 2, 0)
        grid.addWidget(self.plans, 2, 1, 1, 7)
        grid.setColumnStretch(1, 1)
        if person is not None:
            self.load(person)

    @staticmethod
    def _scale(name: str, tip: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(0, POWER_MAX)
        spin.setSpecialValueText("–")
        spin.setAccessibleName(name)
        spin.setToolTip(tip + "; – when you have not judged it")
        return spin

    def load(self, person: Person) -> None:
        wanted = person.desired_attitude.value if person.desired_attitude else None
        self.desired.setCurrentIndex(self.desired.findData(wanted))
        self.has_by.setChecked(person.desired_by is not None)
        if person.desired_by is not None:
            self.by.setDate(to_qdate(person.desired_by))
        self.move_plan.setText(person.move_plan)
        self.power.setValue(person.power or 0)
        self.interest.setValue(person.interest or 0)

    def values(self) -> dict[str, Any]:
        """The engagement fields of ``Person``, as typed."""
        desired = self.desired.currentData()
        return {
            "desired_attitude": Attitude(desired) if desired else None,
            "desired_by": from_qdate(self.by.date()) if self.has_by.isChecked() else None,
            "move_plan": self.move_plan.text().strip(),
            "power": self.power.value() or None,
            "interest": self.interest.value() or None,
        }
