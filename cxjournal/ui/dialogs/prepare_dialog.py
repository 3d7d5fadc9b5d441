"""Prepare a 1:1 on one screen: profile essentials, cadence, last notes, open follow-ups,
the talking points saved for them (tick when raised), attitude trend, dependence across
audits, and talking points saved as a note when done.

It prints, or saves a one-page PDF (``prepare_report``: written beside the target and
moved into place, so a failed save never leaves half a file), then offers to open it.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cxjournal.domain.model import AgendaItem, Attitude, FollowUp, Note, NoteKind
from cxjournal.domain.power_audit import score_rating
from cxjournal.journal import Journal
from cxjournal.journal.changes import Area
from cxjournal.journal.stakeholders import DueStakeholder
from cxjournal.journal.undo import notes_scope, recorded
from cxjournal.qt.core import QSize, Qt
from cxjournal.qt.gui import (
    QKeySequence,
    QPagedPaintDevice,
    QShortcut,
)
from cxjournal.qt.widgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from cxjournal.ui.models.people_model import FORMAT_LABELS
from cxjournal.ui.ops import run_op
from cxjournal.ui.people_page import cadence_sentence
from cxjournal.ui.person_timeline import WrappingCheck, follow_up_label, note_heading
from cxjournal.ui.plain_text import as_written, plain_label
from cxjournal.ui.read_only import writes_journal
from cxjournal.ui.screen_fit import fit_to_screen
from cxjournal.ui.undo_stack import apply
from cxjournal.ui.unsaved_changes import DraftKeeper
from cxjournal.ui.widgets.agenda_list import AgendaList
from cxjournal.ui.widgets.attitude_strip import AttitudeStrip
from cxjournal.ui.widgets.program_prep_section import ProgramPrepSection
from cxjournal.ui.write_guard import UNCHANGED, guarded_write

if TYPE_CHECKING:
    from cxjournal.ui.services import Services

LAST_NOTES = 3
TALKING_POINTS_TAG = "talking points"
NOTE_PREVIEW = 600


@dataclass(frozen=True)
class DependenceFigure:
    taken_on: dt.date
    dependence_on_them: float
    their_dependence_on_me: float


@dataclass(frozen=True)
class Preparation:
    """Everything the 1:1 view shows, gathered through the journal API."""

    cadence: DueStakeholder
    today: dt.date
    notes: list[Note]
    follow_ups: list[tuple[FollowUp, Note]]
    attitudes: list[tuple[dt.date, Attitude]]
    dependence: list[DependenceFigure]
    #: the talking points saved for them and not ticked yet
    agenda: list[AgendaItem]


def gather(journal: Journal, person_id: int, today: dt.date) -> Preparation:
    thresholds = journal.settings.thresholds()
    dependence = []
    for audit in journal.audits.all():
        for rating in audit.ratings:
            if rating.person.id == person_id:
                score = score_rating(rating, thresholds)
                dependence.append(
                    DependenceFigure(
                        audit.taken_on, score.dependence_on_them, score.their_dependence_on_me
                    )
                )
    return Preparation(
        cadence=journal.people.cadence(person_id, today),
        today=today,
        notes=journal.notes.for_person(person_id, limit=LAST_NOTES),
        follow_ups=journal.notes.open_follow_ups(person_id=person_id),
        attitudes=journal.notes.attitudes(person_id),
        dependence=dependence,
        agenda=journal.agenda.open_for(person_id),
    )


def essentials(prep: Preparation) -> list[tuple[str, str]]:
    person = prep.cadence.person
    fmt = FORMAT_LABELS[person.preferred_format] if person.preferred_format else ""
    return [
        ("Information needs", person.information_needs or "not noted"),
        ("Preferred format", fmt or "not noted"),
        ("Motivations", person.motivations or "not noted"),
        (
            "Cadence",
            cadence_sentence(person, prep.cadence.last_contact, prep.cadence.due, prep.today),
        ),
    ]


class PrepareDialog(QDialog):
    def __init__(
        self,
        journal: Journal,
        person_id: int,
        announce: Callable[[Area], None],
        parent: QWidget | None = None,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self.journal = journal
        self.person_id = person_id
        self.announce = announce
        self.today = today or dt.date.today()
        self.saved_note: Note | None = None
        self.prep = gather(journal, person_id, self.today)
        person = self.prep.cadence.person
        self.setWindowTitle(f"Prepare 1:1 with {person.name}")

        title = QLabel(f"<h2>{html.escape(person.name)}</h2>")
        subtitle = plain_label(" · ".join(b for b in (person.role, person.organisation) if b))

        self.essentials_box = QGroupBox("Essentials")
        grid = QGridLayout(self.essentials_box)
        for row, (label, value) in enumerate(essentials(self.prep)):
            caption = QLabel(f"<b>{html.escape(label)}</b>")
            caption.setAlignment(Qt.AlignmentFlag.AlignTop)
            shown = QLabel(value)
            shown.setWordWrap(True)
            shown.setTextFormat(Qt.TextFormat.PlainText)
            grid.addWidget(caption, row, 0)
            grid.addWidget(shown, row, 1)
        grid.setColumnStretch(1, 1)

        self.follow_ups_box = QGroupBox("Open follow-ups")
        follow_layout = QVBoxLayout(self.follow_ups_box)
        self.follow_up_boxes: list[QCheckBox] = []
        for follow_up, _note in self.prep.follow_ups:
            check = WrappingCheck(follow_up_label(follow_up, self.today))
            check.setToolTip("Tick when done")
            check.box.toggled.connect(lambda done, fid=follow_up.id: self._set_done(fid, done))
            self.follow_up_boxes.append(writes_journal(check.box))
            follow_layout.addWidget(check)
        if not self.prep.follow_ups:
            follow_layout.addWidget(QLabel("Nothing open with them."))

        self.agenda_box = QGroupBox("Saved talking points")
        self.agenda = AgendaList(journal, announce, lambda: self.today, adder=True)
        self.agenda.set_person(person_id)
        QVBoxLayout(self.agenda_box).addWidget(self.agenda)

        self.notes_box = QGroupBox(f"Last {LAST_NOTES} notes")
        notes_layout = QVBoxLayout(self.notes_box)
        self.note_labels: list[QLabel] = []
        for note in self.prep.notes:
            text = note.text if len(note.text) <= NOTE_PREVIEW else note.text[:NOTE_PREVIEW] + "…"
            note_label = QLabel(
                f"<b>{html.escape(note_heading(note))}</b><br>"
                + html.escape(text).replace("\n", "<br>")
            )
            note_label.setWordWrap(True)
            self.note_labels.append(note_label)
            notes_layout.addWidget(note_label)
        if not self.prep.notes:
            notes_layout.addWidget(QLabel("No notes with them yet."))
        notes_layout.addStretch(1)

        self.attitude = AttitudeStrip()
        self.attitude.set_points(self.prep.attitudes)
        attitude_box = QGroupBox("Attitude over time")
        QVBoxLayout(attitude_box).addWidget(self.attitude)

        from cxjournal.ui.charts.dependence_chart import DependenceChart, DependencePoint

        self.chart = DependenceChart()
        self.chart.set_points(
            [
                DependencePoint(d.taken_on, d.dependence_on_them, d.their_dependence_on_me)
                for d in self.prep.dependence
            ]
        )
        chart_box = QGroupBox("Dependence across power audits")
        QVBoxLayout(chart_box).addWidget(self.chart)

        self.talking_points = QPlainTextEdit()
        self.talking_points.setAccessibleName("Talking points")
        self.talking_points.setPlaceholderText(
            "What you want to raise, in their preferred format; what you need from them; "
            "what they need from you. Saved as a note when you are done."
        )
        self.talking_points.setTabChangesFocus(True)
        self.talking_points.setMinimumHeight(120)
        points_label = QLabel("&Talking points")
        points_label.setBuddy(self.talking_points)

        self.program_section = ProgramPrepSection(journal, person_id, announce, self.today)
        left = QVBoxLayout()
        left.addWidget(self.essentials_box)
        left.addWidget(self.program_section)
        left.addWidget(self.follow_ups_box)
        left.addWidget(self.agenda_box)
        left.addWidget(self.notes_box, 1)
        right = QVBoxLayout()
        right.addWidget(attitude_box)
        right.addWidget(chart_box)
        right.addWidget(points_label)
        right.addWidget(self.talking_points, 1)
        # the left column scrolls when the screen is short, rather than squeezing its text
        left_holder = QWidget()
        left_holder.setLayout(left)
        left.setContentsMargins(0, 0, 0, 0)
        left_scroll = QScrollArea()
        left_scroll.setWidgetResizable(True)
        left_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        left_scroll.setWidget(left_holder)
        columns = QHBoxLayout()
        columns.addWidget(left_scroll, 1)
        columns.addLayout(right, 1)

        self.print_button = QPushButton("&Print…")
        self.pdf_button = QPushButton("Save as P&DF…")
        self.done_button = writes_journal(QPushButton("Done: save talking &points as a note"))
        self.done_button.setToolTip(
            "Saves the talking points as a 1:1 note dated today (Ctrl+Return)"
        )
        self.done_button.setDefault(True)
        self.close_button = QPushButton("Close")
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.pdf_button)
        buttons.addStretch(1)
        buttons.addWidget(self.done_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addLayout(columns, 1)
        layout.addLayout(buttons)
        self.print_button.clicked.connect(self.print_preparation)
        self.pdf_button.clicked.connect(self.save_pdf)
        self.done_button.clicked.connect(self.finish)
        self.close_button.clicked.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.finish)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_preparation)
        self.talking_points.setFocus()
        fit_to_screen(self, QSize(1040, 720))
        self.keeper = DraftKeeper(
            self, journal, self.draft_kind, self.draft_key, self.draft_payload,
            save=self.finish, what="your talking points as a note",
        )  # fmt: skip
        self.talking_points.textChanged.connect(self.keeper.edited)
        self.keeper.loaded()

    # -- actions --------------------------------------------------------------------

    def _set_done(self, follow_up_id: int | None, done: bool) -> None:
        if follow_up_id is None:
            return
        changed = run_op(
            self.journal,
            self.announce,
            self,
            "update the follow-up",
            lambda j: j.notes.set_follow_up_done(follow_up_id, done),
            UNCHANGED,
        )
        if changed is None:
            self._untick(follow_up_id, done)

    def _untick(self, follow_up_id: int, done: bool) -> None:
        """Put a follow-up's box back as the journal has it, after a refused change."""
        for (follow_up, _note), box in zip(self.prep.follow_ups, self.follow_up_boxes, strict=True):
            if follow_up.id == follow_up_id:
                box.blockSignals(True)
                box.setChecked(not done)
                box.blockSignals(False)

    def print_preparation(self) -> None:
        from cxjournal.qt.print_support import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def printed_page_html(self) -> str:
        """The page that Print and Save as PDF lay out, as HTML (journal text escaped)."""
        from cxjournal.ui.dialogs import prepare_report

        points = self.talking_points.toPlainText()
        return prepare_report.page_html(self.prep, points, self.program_section.report_html())

    def print_to(self, printer: QPagedPaintDevice) -> None:
        """Print the same one page as the PDF."""
        from cxjournal.ui.dialogs import prepare_report

        prepare_report.paint_page(
            self.prep,
            self.talking_points.toPlainText(),
            self.program_section.report_html(),
            printer,
        )

    def save_pdf(self) -> Path | None:
        name = self.prep.cadence.person.name.replace("/", "-")
        suggested = str(Path.home() / f"1-1 {name} {self.today.isoformat()}.pdf")
        chosen, _filter = QFileDialog.getSaveFileName(
            self, "Save the 1:1 preparation as PDF", suggested, "PDF (*.pdf)"
        )
        if not chosen:
            return None
        target = Path(chosen)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        from cxjournal.ui.dialogs import prepare_report

        try:
            prepare_report.write_pdf(
                self.prep,
                self.talking_points.toPlainText(),
                self.program_section.report_html(),
                target,
            )
        except OSError as exc:
            QMessageBox.warning(
                self, "Cannot save the PDF", as_written(f"{target}: {exc.strerror or exc}")
            )
            return None
        prepare_report.confirm_saved(self, target)
        return target

    def finish(self) -> None:
        """Save the talking points (if any) as a note, then close."""
        if self.talking_points.toPlainText().strip() and not self.save_note():
            return
        self.talking_points.clear()
        self.accept()

    def save_note(self) -> bool:
        text = self.talking_points.toPlainText().strip()
        note = Note(
            on=self.today,
            text=text,
            kind=NoteKind.ONE_ON_ONE,
            person_id=self.person_id,
            tags=(TALKING_POINTS_TAG,),
        )
        # the points ticked in this 1:1 are done in its note, in the same transaction
        ticked = [item.id for item in self.agenda.ticked() if item.id is not None]
        with guarded_write(self, "save the talking points") as attempt:
            self.saved_note = apply(
                self.journal,
                "Save 1:1 talking points",
                recorded(
                    notes_scope(self.person_id),
                    lambda j: j.notes.add(note, discussed=ticked),
                ),
            )
        if attempt.failed:
            return False  # they stay in the box
        self.announce(Area.NOTES | Area.AGENDA)
        return True

    # -- drafts (kept as the user types, and when the journal locks) -----------------------

    draft_kind = "prepare"

    def draft_key(self) -> str:
        return str(self.person_id)

    def draft_payload(self) -> dict[str, Any] | None:
        from cxjournal.journal.drafts import prepare_payload

        text = self.talking_points.toPlainText()
        return prepare_payload(self.person_id, text) if text.strip() else None

    @classmethod
    def resume_draft(
        cls, services: Services, payload: dict[str, Any], key: str | None = None
    ) -> PrepareDialog:
        """Open the preparation again with the talking points of a draft."""
        dialog = cls(
            services.journal, int(payload["person_id"]), services.bus.announce, services.window
        )
        dialog.talking_points.setPlainText(str(payload.get("talking_points", "")))
        dialog.keeper.resumed(key)
        dialog.show()
        return dialog

    def reject(self) -> None:
        """Closing (Esc, Close, the window's X) asks first about unsaved talking points."""
        if self.keeper.may_close():
            super().reject()
