"""Edit one of the program's eight plans: status, summary, next step, due, and its people.

Each person is a row (person, role, remove); a plan has at most one owner and a
person once, which the journal checks too. Ctrl+Return saves; the dialog writes
through ``journal.program.save_plan`` and keeps what was typed if that fails.
"""

from __future__ import annotations

import datetime as dt

from cxjournal.domain.errors import ValidationError
from cxjournal.domain.model import Person, Plan, PlanMember, PlanRole, PlanStatus, Program
from cxjournal.domain.program_wording import PLAN_PURPOSES, PLAN_TITLES, ROLE_TITLES, STATUS_TITLES
from cxjournal.journal import Journal
from cxjournal.qt.core import Qt
from cxjournal.qt.widgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from cxjournal.ui.dialogs.editor_parts import RemovableRow, kept_rows, save_and_cancel
from cxjournal.ui.dialogs.note_dialog import from_qdate, to_qdate
from cxjournal.ui.unsaved_changes import ask_before_closing
from cxjournal.ui.write_guard import guarded_write

DEFAULT_DUE_DAYS = 30


class MemberRow(RemovableRow):
    """One person on the plan: who, in which role, and a button to take them off."""

    def __init__(self, people: list[Person], member: PlanMember | None, parent: QWidget) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.person = QComboBox()
        self.person.setAccessibleName("Person on the plan")
        self.person.addItem("Choose a person…", None)
        for person in people:
            label = person.name + (f" — {person.role}" if person.role else "")
            self.person.addItem(label + (" (archived)" if person.archived else ""), person.id)
        self.role = QComboBox()
        self.role.setAccessibleName("Role on the plan")
        for role in PlanRole:
            self.role.addItem(ROLE_TITLES[role], role.value)
        self.remove = QToolButton()
        self.remove.setText("✕")
        self.remove.setToolTip("Take this person off the plan")
        self.remove.setAccessibleName("Remove person")
        self.remove.clicked.connect(self.discard)
        layout.addWidget(self.person, 1)
        layout.addWidget(self.role)
        layout.addWidget(self.remove)
        if member is not None:
            self.person.setCurrentIndex(max(0, self.person.findData(member.person.id)))
            self.role.setCurrentIndex(self.role.findData(member.role.value))
        else:
            self.role.setCurrentIndex(self.role.findData(PlanRole.CONTRIBUTOR.value))

    def person_id(self) -> int | None:
        value = self.person.currentData()
        return int(value) if value is not None else None


class PlanDialog(QDialog):
    def __init__(
        self,
        journal: Journal,
        plan: Plan,
        parent: QWidget | None = None,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self.journal = journal
        self.plan = plan
        self.today = today or dt.date.today()
        self.saved_program: Program | None = None
        self.setWindowTitle(f"{PLAN_TITLES[plan.kind]} plan")
        self.setMinimumWidth(560)
        members = {m.person.id for m in plan.people}
        self.people = [
            p
            for p in journal.people.all(include_archived=True)
            if not p.archived or p.id in members
        ]

        purpose = QLabel(PLAN_PURPOSES[plan.kind])
        purpose.setWordWrap(True)
        self.status = QComboBox()
        self.status.setAccessibleName("Status")
        for status in PlanStatus:
            self.status.addItem(STATUS_TITLES[status], status.value)
        self.status.setCurrentIndex(self.status.findData(plan.status.value))
        self.status.setToolTip("Only plans in progress or at risk raise risks")
        self.summary = QLineEdit(plan.summary)
        self.summary.setAccessibleName("Summary")
        self.summary.setPlaceholderText("What this plan changes, in one line")
        self.next_step = QLineEdit(plan.next_step)
        self.next_step.setAccessibleName("Next step")
        self.next_step.setPlaceholderText("The very next thing to do")
        self.has_due = QCheckBox("D&ue:")
        self.has_due.setAccessibleName("The next step has a due date")
        self.due = QDateEdit(to_qdate(plan.due or self.today + dt.timedelta(days=DEFAULT_DUE_DAYS)))
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("d MMM yyyy")
        self.due.setAccessibleName("Due date")
        self.has_due.setChecked(plan.due is not None)
        self.due.setEnabled(plan.due is not None)
        self.has_due.toggled.connect(self.due.setEnabled)

        self.members_box = QVBoxLayout()
        self.members_box.setSpacing(4)
        for member in plan.people:
            self.add_member(member)
        self.add_button = QPushButton("&Add a person")
        self.add_button.setToolTip("Who owns, sponsors or contributes to this plan")
        self.add_button.clicked.connect(lambda: self.add_member().person.setFocus())
        if not self.people:
            self.add_button.setEnabled(False)
            self.add_button.setToolTip("Add people on the People page first")

        form = QFormLayout()
        for label, widget in (
            ("&Status:", self.status),
            ("Su&mmary:", self.summary),
            ("&Next step:", self.next_step),
        ):
            caption = QLabel(label)
            caption.setBuddy(widget)
            form.addRow(caption, widget)
        form.addRow(self.has_due, self.due)
        people_holder = QVBoxLayout()
        people_holder.addLayout(self.members_box)
        people_holder.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        form.addRow(QLabel("People:"), people_holder)

        buttons = save_and_cancel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(purpose)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.status.setFocus()
        self.keeper = ask_before_closing(
            self, journal, self.value, self.accept, "the changes to this plan"
        )

    def add_member(self, member: PlanMember | None = None) -> MemberRow:
        rows = self.member_rows()
        row = MemberRow(self.people, member, self)
        self.members_box.addWidget(row)
        row.show()  # at once, so that it can take the focus
        # Tab runs through the rows in order: person, role, remove, then the next row
        pairs: list[tuple[QWidget, QWidget]] = [(row.person, row.role), (row.role, row.remove)]
        if rows:
            pairs.insert(0, (rows[-1].remove, row.person))
        for first, second in pairs:
            QWidget.setTabOrder(first, second)
        if hasattr(self, "add_button"):
            QWidget.setTabOrder(row.remove, self.add_button)
        return row

    def member_rows(self) -> list[MemberRow]:
        return kept_rows(self.members_box, MemberRow)

    def value(self) -> Plan:
        by_id = {p.id: p for p in self.people}
        members = tuple(
            PlanMember(by_id[pid], PlanRole(row.role.currentData()))
            for row in self.member_rows()
            if (pid := row.person_id()) is not None
        )
        return Plan(
            kind=self.plan.kind,
            status=PlanStatus(self.status.currentData()),
            summary=self.summary.text().strip(),
            next_step=self.next_step.text().strip(),
            due=from_qdate(self.due.date()) if self.has_due.isChecked() else None,
            people=members,
        )

    def reject(self) -> None:
        """Esc, Cancel and the close button ask first when something was changed."""
        if self.keeper.may_close():
            super().reject()

    def accept(self) -> None:
        with guarded_write(self, "save the plan") as attempt:
            try:
                self.saved_program = self.journal.program.save_plan(self.value())
            except ValidationError as exc:  # without the field paths: the dialog is one plan
                raise ValidationError(_readable(p) for p in exc.problems) from exc
        if attempt.failed:
            return
        super().accept()


def _readable(problem: str) -> str:
    return problem.split(": ", 1)[-1] if problem.startswith("plans") else problem
