"""One plan of the program as a card: status, owner, people with their current and
desired attitude, the next step and when it is due. Activating it (click, Enter,
Space or its Edit button) asks to edit the plan.

Every piece of journal text is shown as plain text.
"""

from __future__ import annotations

import datetime as dt

from cxjournal.domain.cadence import days_label
from cxjournal.domain.model import PlanRole, PlanStatus
from cxjournal.domain.program_view import MemberView, PlanView
from cxjournal.domain.program_wording import PLAN_TITLES, ROLE_TITLES, STATUS_TITLES
from cxjournal.qt.core import QEvent, Qt, Signal
from cxjournal.qt.gui import QKeyEvent, QMouseEvent, QPalette
from cxjournal.qt.widgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget
from cxjournal.ui.models.people_model import ATTITUDE_LABELS
from cxjournal.ui.read_only import writes_journal

#: Status colours on a light background, and on a dark one (text stays the palette's).
STATUS_COLOURS: dict[PlanStatus, str] = {
    PlanStatus.NOT_STARTED: "#6b6b6b",
    PlanStatus.IN_PROGRESS: "#2f7d32",
    PlanStatus.AT_RISK: "#c2410c",
    PlanStatus.DONE: "#1d4ed8",
}
STATUS_COLOURS_DARK: dict[PlanStatus, str] = {
    PlanStatus.NOT_STARTED: "#a8a8a8",
    PlanStatus.IN_PROGRESS: "#6fcf73",
    PlanStatus.AT_RISK: "#fb8c4a",
    PlanStatus.DONE: "#7aa7ff",
}


def member_text(member: MemberView) -> str:
    """``"Ana Silva, owner: skeptic → supporter"``."""
    now = ATTITUDE_LABELS[member.attitude].lower() if member.attitude else "attitude not noted"
    text = f"{member.person.name}, {ROLE_TITLES[member.role].lower()}: {now}"
    if member.desired_attitude is not None and member.desired_attitude != member.attitude:
        text += f" → {ATTITUDE_LABELS[member.desired_attitude].lower()}"
    return text


def _plain(text: str, name: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setObjectName(name)
    return label


class PlanCard(QFrame):
    activated = Signal()

    def __init__(self, view: PlanView, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        plan = view.plan
        self.view = view
        self.setObjectName(f"plan-{plan.kind.value}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        title = PLAN_TITLES[plan.kind]
        self.setAccessibleName(f"{title} plan")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(3)

        head = QHBoxLayout()
        heading = _plain(title, "plan-title")
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        head.addWidget(heading, 1)
        self.status = _plain(STATUS_TITLES[plan.status], "plan-status")
        self._colour_status()
        head.addWidget(self.status)
        self.edit_button = writes_journal(QPushButton("Edit…"))
        self.edit_button.setAccessibleName(f"Edit the {title} plan")
        self.edit_button.setToolTip(f"Status, next step and people of the {title} plan")
        self.edit_button.clicked.connect(self.activated.emit)
        head.addWidget(self.edit_button)
        layout.addLayout(head)

        if plan.summary:
            layout.addWidget(_plain(plan.summary, "plan-summary"))
        owner = view.owner.name if view.owner else "No owner yet"
        owner_member = next((m for m in view.members if m.role is PlanRole.OWNER), None)
        owner_text = f"Owner: {owner}"
        if owner_member is not None:
            owner_text = "Owner: " + member_text(owner_member).replace(", owner:", ":", 1)
        self.owner_label = _plain(owner_text, "plan-owner")
        layout.addWidget(self.owner_label)
        self.member_labels = []
        for member in view.members:
            if member is owner_member:
                continue
            label = _plain(member_text(member), "plan-member")
            label.setIndent(8)
            self.member_labels.append(label)
            layout.addWidget(label)
        if not view.members:
            layout.addWidget(_plain("Nobody on this plan yet.", "plan-nobody"))
        if plan.next_step:
            due = f" ({days_label(plan.due, today)})" if plan.due else ""
            layout.addWidget(_plain(f"Next: {plan.next_step}{due}", "plan-next"))
        elif plan.due:
            layout.addWidget(_plain(f"Due {days_label(plan.due, today)}", "plan-next"))
        layout.addStretch(1)
        self.setAccessibleDescription(
            f"{STATUS_TITLES[plan.status]}. Owner: {owner}. "
            + " ".join(member_text(m) + "." for m in view.members)
        )

    def _colour_status(self) -> None:
        """The status in its colour for the palette's background, light or dark."""
        dark = self.palette().color(QPalette.ColorRole.Base).lightness() < 128
        colour = (STATUS_COLOURS_DARK if dark else STATUS_COLOURS)[self.view.plan.status]
        self.status.setStyleSheet(f"color: {colour}; font-weight: 600;")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "status"):
            self._colour_status()  # the theme changed (not while the card is being made)
        super().changeEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.activated.emit()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit()
            return
        super().keyPressEvent(event)
