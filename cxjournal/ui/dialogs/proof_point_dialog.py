"""Add or edit a proof point: what improved, from what to what, what it is worth, the
story behind it, the plans it came from, and with whom you shared it.

Figures are optional; a figure that is not a number is named and nothing is
saved. Ctrl+Return saves through ``journal.program.save_proof_point``.
"""

from __future__ import annotations

import datetime as dt
import math

from cxjournal.domain.errors import ValidationError
from cxjournal.domain.model import NAME_MAX, PLAN_KINDS, Person, PlanKind, ProofPoint, ProofShare
from cxjournal.domain.program_wording import PLAN_TITLES, number_text
from cxjournal.journal import Journal
from cxjournal.journal.undo import proof_point_scope, recorded
from cxjournal.qt.widgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from cxjournal.ui.dialogs.editor_parts import RemovableRow, kept_rows, save_and_cancel
from cxjournal.ui.dialogs.note_dialog import from_qdate, to_qdate
from cxjournal.ui.undo_stack import apply
from cxjournal.ui.unsaved_changes import ask_before_closing
from cxjournal.ui.write_guard import guarded_write

FIGURES = ("baseline", "result", "value")


class ShareRow(RemovableRow):
    def __init__(self, people: list[Person], share: ProofShare | None, today: dt.date) -> None:
        super().__init__()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.person = QComboBox()
        self.person.setAccessibleName("Shared with")
        for person in people:
            self.person.addItem(person.name, person.id)
        self.on = QDateEdit(to_qdate(share.on if share else today))
        self.on.setCalendarPopup(True)
        self.on.setDisplayFormat("d MMM yyyy")
        self.on.setAccessibleName("Shared on")
        self.remove = QToolButton()
        self.remove.setText("✕")
        self.remove.setAccessibleName("Remove this share")
        self.remove.clicked.connect(self.discard)
        layout.addWidget(self.person, 1)
        layout.addWidget(self.on)
        layout.addWidget(self.remove)
        if share is not None:
            self.person.setCurrentIndex(max(0, self.person.findData(share.person.id)))


class ProofPointDialog(QDialog):
    def __init__(
        self,
        journal: Journal,
        point: ProofPoint | None = None,
        parent: QWidget | None = None,
        today: dt.date | None = None,
        plan: PlanKind | None = None,
    ) -> None:
        super().__init__(parent)
        self.journal = journal
        self.point = point
        self.today = today or dt.date.today()
        self.saved_point: ProofPoint | None = None
        self.setWindowTitle("Edit proof point" if point else "New proof point")
        self.setMinimumWidth(600)
        shared_ids = {s.person.id for s in point.shared} if point else set()
        self.people = [
            p
            for p in journal.people.all(include_archived=True)
            if not p.archived or p.id in shared_ids
        ]

        self.on = QDateEdit(to_qdate(point.on if point else self.today))
        self.on.setCalendarPopup(True)
        self.on.setDisplayFormat("d MMM yyyy")
        self.on.setAccessibleName("Date")
        self.title = QLineEdit(point.title if point else "")
        self.title.setMaxLength(NAME_MAX)
        self.title.setAccessibleName("Title")
        self.title.setPlaceholderText("What improved, e.g. repeat calls after a claim down")
        self.metric_edit = QLineEdit(point.metric if point else "")
        self.metric_edit.setAccessibleName("Metric")
        self.metric_edit.setPlaceholderText("What you measured, e.g. repeat calls per claim")
        self.figures: dict[str, QLineEdit] = {}
        for name in FIGURES:
            edit = QLineEdit()
            edit.setAccessibleName(name.capitalize())
            edit.setPlaceholderText("optional")
            number = getattr(point, name) if point else None
            if number is not None:
                edit.setText(number_text(number).replace(",", ""))
            self.figures[name] = edit
        self.unit = QLineEdit(point.unit if point else "")
        self.unit.setAccessibleName("Unit")
        self.unit.setPlaceholderText("e.g. %, days, calls")
        self.currency = QLineEdit(point.currency if point else "")
        self.currency.setAccessibleName("Currency")
        self.currency.setPlaceholderText("e.g. GBP")
        self.currency.setMaxLength(8)
        self.story = QPlainTextEdit(point.story if point else "")
        self.story.setAccessibleName("Story")
        self.story.setPlaceholderText("The story in two or three sentences: who, what changed, why")
        self.story.setTabChangesFocus(True)
        self.story.setFixedHeight(70)

        self.plan_boxes: dict[PlanKind, QCheckBox] = {}
        plans_grid = QGridLayout()
        chosen = set(point.plans) if point else ({plan} if plan else set())
        for index, kind in enumerate(PLAN_KINDS):
            box = QCheckBox(PLAN_TITLES[kind])
            box.setAccessibleName(f"{PLAN_TITLES[kind]} plan")
            box.setChecked(kind in chosen)
            self.plan_boxes[kind] = box
            plans_grid.addWidget(box, index // 4, index % 4)

        self.shares_box = QVBoxLayout()
        for share in point.shared if point else ():
            self.add_share(share)
        self.add_share_button = QPushButton("Add s&hare")
        self.add_share_button.setToolTip("Record that you showed it to someone")
        self.add_share_button.clicked.connect(lambda: self.add_share().person.setFocus())
        self.add_share_button.setEnabled(bool(self.people))

        figures = QHBoxLayout()
        for label, name in (("&Baseline", "baseline"), ("&Result", "result")):
            caption = QLabel(label)
            caption.setBuddy(self.figures[name])
            figures.addWidget(caption)
            figures.addWidget(self.figures[name])
        unit_label = QLabel("&Unit")
        unit_label.setBuddy(self.unit)
        figures.addWidget(unit_label)
        figures.addWidget(self.unit)
        worth = QHBoxLayout()
        worth.addWidget(self.figures["value"])
        currency_label = QLabel("&Currency")
        currency_label.setBuddy(self.currency)
        worth.addWidget(currency_label)
        worth.addWidget(self.currency)
        worth.addStretch(1)

        form = QFormLayout()
        for label, item in (
            ("&Date:", self.on),
            ("&Title:", self.title),
            ("&Metric:", self.metric_edit),
            ("Figures:", figures),
            ("&Value:", worth),
            ("&Story:", self.story),
            ("Plans:", plans_grid),
        ):
            caption = QLabel(label)
            if isinstance(item, QWidget):
                caption.setBuddy(item)
                form.addRow(caption, item)
            else:
                if label == "&Value:":
                    caption.setBuddy(self.figures["value"])
                form.addRow(caption, item)
        shares = QVBoxLayout()
        shares.addLayout(self.shares_box)
        shares.addWidget(self.add_share_button)
        form.addRow(QLabel("Shared with:"), shares)

        buttons = save_and_cancel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.title.setFocus()
        self.keeper = ask_before_closing(self, journal, self.value, self.accept, "this proof point")

    def add_share(self, share: ProofShare | None = None) -> ShareRow:
        row = ShareRow(self.people, share, self.today)
        self.shares_box.addWidget(row)
        row.show()  # at once, so that it can take the focus
        return row

    def share_rows(self) -> list[ShareRow]:
        return kept_rows(self.shares_box, ShareRow)

    def value(self) -> ProofPoint:
        """The proof point as typed; raises ``ValidationError`` for figures that are not numbers."""
        problems: list[str] = []
        numbers: dict[str, float | None] = {}
        for name, edit in self.figures.items():
            text = edit.text().strip().replace(",", "")
            if not text:
                numbers[name] = None
                continue
            try:
                number = float(text)
            except ValueError:
                number = math.nan
            if not math.isfinite(number):
                problems.append(f"{name.capitalize()}: {edit.text().strip()!r} is not a number")
            numbers[name] = number
        if problems:
            raise ValidationError(problems)
        by_id = {p.id: p for p in self.people}
        shares = tuple(
            ProofShare(by_id[row.person.currentData()], from_qdate(row.on.date()))
            for row in self.share_rows()
            if row.person.currentData() in by_id
        )
        return ProofPoint(
            id=self.point.id if self.point else None,
            on=from_qdate(self.on.date()),
            title=self.title.text().strip(),
            metric=self.metric_edit.text().strip(),
            baseline=numbers["baseline"],
            result=numbers["result"],
            unit=self.unit.text().strip(),
            value=numbers["value"],
            currency=self.currency.text().strip(),
            story=self.story.toPlainText().strip(),
            plans=tuple(k for k in PLAN_KINDS if self.plan_boxes[k].isChecked()),
            shared=shares,
        )

    def reject(self) -> None:
        """Esc, Cancel and the close button ask first when something was changed."""
        if self.keeper.may_close():
            super().reject()

    def accept(self) -> None:
        with guarded_write(self, "save the proof point") as attempt:
            point = self.value()

            def save(journal: Journal) -> ProofPoint:
                return journal.program.save_proof_point(point)

            if point.id is None:
                change = recorded(lambda saved: proof_point_scope(saved.id or 0), save)
            else:
                change = recorded(proof_point_scope(point.id), save)
            name = "Add proof point" if point.id is None else "Edit proof point"
            self.saved_point = apply(self.journal, name, change)
        if attempt.failed:
            return
        super().accept()
