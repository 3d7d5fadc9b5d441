"""The program part of preparing a 1:1: the person's plans and roles, their attitude gap
and move plan, format advice, and up to three proof points they have not seen yet,
each with "Shared today".

Everything comes from ``journal.program.preparation`` (the domain's rules, as
``cxjournal prep`` prints them); "Shared today" records the share at once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from cxjournal.domain.model import ProofPoint
from cxjournal.domain.program_view import Preparation
from cxjournal.domain.program_wording import PLAN_TITLES, ROLE_TITLES, proof_result_text
from cxjournal.domain.wording import short_date
from cxjournal.journal import Journal
from cxjournal.journal.changes import Area
from cxjournal.qt.core import Qt
from cxjournal.qt.widgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from cxjournal.ui.models.people_model import ATTITUDE_LABELS
from cxjournal.ui.plain_text import as_written, escape
from cxjournal.ui.read_only import writes_journal
from cxjournal.ui.write_guard import UNCHANGED, guarded_write


def _plain(text: str, name: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setObjectName(name)
    return label


def plans_line(prep: Preparation) -> str:
    if not prep.plans:
        return "Not on any plan of your program."
    return "On " + ", ".join(
        f"{PLAN_TITLES[kind]} ({ROLE_TITLES[role].lower()})" for kind, role in prep.plans
    )


def attitude_line(prep: Preparation) -> str:
    person = prep.person
    now = ATTITUDE_LABELS[prep.attitude].lower() if prep.attitude else "no attitude noted"
    if person.desired_attitude is None:
        return f"Now {now}; no target set."
    by = f" by {short_date(person.desired_by)}" if person.desired_by else ""
    return f"Now {now}; target {ATTITUDE_LABELS[person.desired_attitude].lower()}{by}."


def proof_line(point: ProofPoint) -> str:
    result = proof_result_text(point)
    metric = f"{point.metric}: {result}" if point.metric and result else point.metric or result
    return f"{point.title} ({short_date(point.on)})" + (f" · {metric}" if metric else "")


class ProgramPrepSection(QGroupBox):
    def __init__(
        self,
        journal: Journal,
        person_id: int,
        announce: Callable[[Area], None],
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Program", parent)
        self.journal = journal
        self.person_id = person_id
        self.announce = announce
        self.today = today
        self.setObjectName("prep-program")
        self.body = QVBoxLayout(self)
        self.share_buttons: dict[int, QPushButton] = {}
        self.prep: Preparation | None = None
        self.refresh()

    def refresh(self) -> None:
        while self.body.count():
            item = self.body.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.share_buttons = {}
        prep, _follow_ups = self.journal.program.preparation(self.person_id, self.today)
        self.prep = prep
        self.body.addWidget(_plain(plans_line(prep), "prep-plans"))
        self.body.addWidget(_plain(attitude_line(prep), "prep-attitude"))
        if prep.gap is not None:
            gap = _plain(prep.gap.problem, "prep-gap")
            gap.setStyleSheet("font-weight: 600;")
            self.body.addWidget(gap)
        move = prep.person.move_plan
        self.body.addWidget(
            _plain(
                f"How you will move them: {move}" if move else "No move plan written yet.",
                "prep-move-plan",
            )
        )
        self.body.addWidget(_plain(prep.format_advice, "prep-format"))
        heading = QLabel("<b>Proof points they have not seen</b>")
        self.body.addWidget(heading)
        if not prep.unshared:
            self.body.addWidget(
                _plain("None: they have seen every proof point so far.", "prep-none")
            )
        for point in prep.unshared:
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            label = _plain(f"{point.title} ({short_date(point.on)})", "prep-proof")
            label.setToolTip(as_written(proof_line(point), wrap=False))
            line.addWidget(label, 1)
            button = writes_journal(QPushButton("Shared today"))
            button.setAccessibleName(f"Shared today: {point.title}")
            button.setToolTip(
                as_written(f"Record that you showed {prep.person.name} this today", wrap=False)
            )
            button.clicked.connect(lambda _=False, pid=point.id: self.share(pid))
            line.addWidget(button)
            if point.id is not None:
                self.share_buttons[point.id] = button
            self.body.addWidget(row)

    def share(self, proof_point_id: int | None) -> None:
        if proof_point_id is None:
            return
        with guarded_write(self, "record the share", UNCHANGED) as attempt:
            self.journal.program.share(proof_point_id, self.person_id, self.today)
        if attempt.failed:
            return
        self.announce(Area.PROGRAM)
        self.refresh()

    def report_html(self) -> str:
        """The same content for the printed preparation."""
        prep = self.prep
        if prep is None:
            return ""
        e = escape
        parts = [
            "<h3>Program</h3>",
            f"<p>{e(plans_line(prep))}<br>{e(attitude_line(prep))}</p>",
        ]
        if prep.gap is not None:
            parts.append(f"<p><b>{e(prep.gap.problem)}</b></p>")
        if prep.person.move_plan:
            parts.append(f"<p>How you will move them: {e(prep.person.move_plan)}</p>")
        parts.append(f"<p>{e(prep.format_advice)}</p>")
        if prep.unshared:
            parts.append("<p><b>Proof points they have not seen</b></p><ul>")
            parts += [f"<li>{e(proof_line(p))}</li>" for p in prep.unshared]
            parts.append("</ul>")
        return "".join(parts)
