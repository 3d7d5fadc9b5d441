"""The audit form: date, up to ten people with their ratings, the blocking flag,
guidance beside the fields, and live results (alarm bells, scores, balance map).

A form dialog: "Save audit" writes the whole audit in one transaction (which
also moves the exit plan when the flag of the latest audit changes); Cancel
writes nothing (with changes it asks first, and a draft is kept while typing:
:mod:`cxjournal.ui.unsaved_changes`). Keyboard entry: Tab (or Enter) moves field
to field, Enter after a person's last rating goes on to the next person, Ctrl+Z
puts back the person removed last (:mod:`cxjournal.ui.audit_rows`), Ctrl+Enter or
Ctrl+S saves.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from cxjournal.domain.errors import ValidationError
from cxjournal.domain.model import MAX_RATINGS_PER_AUDIT, Audit, Person
from cxjournal.domain.network import ties_remapped
from cxjournal.domain.power_audit import FIELD_GUIDANCE, METHOD_NOTE, Analysis
from cxjournal.domain.wording import short_date
from cxjournal.journal import Journal
from cxjournal.journal.changes import Area
from cxjournal.journal.drafts import UnratedRow
from cxjournal.qt.core import QDate, QSize, Qt, QTimer
from cxjournal.qt.gui import QKeyEvent, QKeySequence, QShortcut
from cxjournal.qt.widgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from cxjournal.ui.audit_editor_keys import enter_moves_on, lets_undo_through, tab_chain
from cxjournal.ui.audit_results_panel import AuditResultsPanel
from cxjournal.ui.audit_rows import AuditRows
from cxjournal.ui.audit_wording import ASPECT_FIELDS, CORE_FIELDS, FIELD_TITLES
from cxjournal.ui.dialogs.note_dialog import from_qdate
from cxjournal.ui.read_only import saving_buttons
from cxjournal.ui.screen_fit import fit_to_screen
from cxjournal.ui.undo_stack import apply
from cxjournal.ui.unsaved_changes import DraftKeeper
from cxjournal.ui.widgets.blocking_flag import BlockingFlag
from cxjournal.ui.widgets.lazy_balance_map import LazyBalanceMap
from cxjournal.ui.widgets.lazy_network_view import LazyNetworkView
from cxjournal.ui.widgets.person_adder import PersonAdder
from cxjournal.ui.widgets.rating_row import RatingHeader, RatingRow
from cxjournal.ui.widgets.ties_editor import TiesEditor
from cxjournal.ui.widgets.undo_bar import UndoBar
from cxjournal.ui.write_guard import guarded_write

if TYPE_CHECKING:
    from cxjournal.journal.undo import Reversible
    from cxjournal.ui.services import Services


class AuditEditor(QDialog):
    """Edits ``audit`` (saved, or an unsaved draft such as a copy of the latest)."""

    def __init__(
        self,
        journal: Journal,
        audit: Audit | None = None,
        parent: QWidget | None = None,
        unrated: Sequence[UnratedRow] = (),
    ) -> None:
        """``unrated``: people of a draft still missing a core rating, put back in place."""
        super().__init__(parent)
        self.journal = journal
        self.original = audit or Audit(taken_on=dt.date.today())
        self.saved_audit: Audit | None = None
        #: what saving changed (the audits, and the exit plan and people with them)
        self.saved_changes = Area.NONE
        self.thresholds = journal.settings.thresholds()
        self.analysis: Analysis | None = None
        self.setWindowTitle(self._title())
        self.setSizeGripEnabled(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)  # every pixel counts on a laptop screen
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        # where the screen is narrower than the form and its results (a large desktop
        # font, say), they scroll inside the window; Save and Cancel stay in view below
        body = QScrollArea()
        body.setObjectName("audit-body")
        body.setWidgetResizable(True)
        body.setFrameShape(QFrame.Shape.NoFrame)
        body.setWidget(splitter)
        layout.addWidget(body, 1)
        splitter.addWidget(self._build_form())
        self.tabs = QTabWidget()
        self.results = AuditResultsPanel()
        self.map = LazyBalanceMap()
        self.network = LazyNetworkView(journal)
        self.tabs.addTab(self.results, "R&esults")
        self.tabs.addTab(self.map, "Balance ma&p")
        self.tabs.addTab(self.network, "Network")
        # in a narrow window the titles shorten rather than scroll out of sight
        self.tabs.setUsesScrollButtons(False)
        self.tabs.setElideMode(Qt.TextElideMode.ElideRight)
        splitter.addWidget(self.tabs)
        bar = self.tabs.tabBar()
        self.tabs.setMinimumWidth(sum(bar.tabSizeHint(i).width() for i in range(bar.count())) + 4)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([790, 460])

        bottom = QHBoxLayout()
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setAccessibleName("Problems")
        font = self.error.font()
        font.setBold(True)
        self.error.setFont(font)
        self.error.hide()
        bottom.addWidget(self.error, 1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText("&Save audit")
        self.save_button.setToolTip("Save this audit (Ctrl+Enter)")
        saving_buttons(self.buttons)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)
        for keys in ("Ctrl+Return", "Ctrl+Enter", QKeySequence.StandardKey.Save):
            QShortcut(QKeySequence(keys), self, self.save)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Undo), self, self.undo_remove)

        self._recompute_timer = QTimer(self)
        self._recompute_timer.setSingleShot(True)
        self._recompute_timer.setInterval(0)
        self._recompute_timer.timeout.connect(self.recompute)

        self.keeper = DraftKeeper(
            self, journal, self.draft_kind, self.draft_key, self.draft_payload,
            save=self.save, what="this audit",
        )  # fmt: skip
        self._load(self.original, unrated)
        self.keeper.loaded()
        self.note_edit.textChanged.connect(self.keeper.edited)
        for line in (self.note_edit, self.adder.name_edit):
            line.installEventFilter(self)  # Ctrl+Z there undoes a removal once typing is undone
        # roomy on a large screen; on a laptop, the room its screen has (the form scrolls)
        fit_to_screen(self, QSize(1260, 760))

    # -- building ---------------------------------------------------------------------------

    def _title(self) -> str:
        if self.original.id is None:
            return "New power audit"
        return f"Power audit of {short_date(self.original.taken_on)}"

    def _build_form(self) -> QWidget:
        form = QWidget()
        layout = QVBoxLayout(form)
        layout.setContentsMargins(0, 0, 2, 0)

        top = QHBoxLayout()
        date_label = QLabel("&Date:")
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("d MMM yyyy")
        self.date_edit.setAccessibleName("Date of the audit")
        date_label.setBuddy(self.date_edit)
        note_label = QLabel("N&ote:")
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText("Optional: what is going on around this audit")
        self.note_edit.setAccessibleName("Note")
        note_label.setBuddy(self.note_edit)
        top.addWidget(date_label)
        top.addWidget(self.date_edit)
        top.addSpacing(12)
        top.addWidget(note_label)
        top.addWidget(self.note_edit, 1)
        layout.addLayout(top)

        self.count_label = QLabel()
        layout.addWidget(self.count_label)
        self.form_tabs = QTabWidget()
        ratings_page = QWidget()
        ratings_layout = QVBoxLayout(ratings_page)
        ratings_layout.setContentsMargins(0, 4, 0, 0)
        self.header = RatingHeader()
        ratings_layout.addWidget(self.header)
        self.rows_holder = QWidget()
        self.rows_layout = QVBoxLayout(self.rows_holder)
        self.rows_layout.setContentsMargins(0, 0, 0, 0)
        self.rows_layout.setSpacing(4)
        self.undo_bar = UndoBar()
        self.adder = PersonAdder(self.add_person)
        self.rows_layout.addWidget(self.adder)
        self.rows_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.rows_holder)
        scroll.setMinimumHeight(180)
        # as wide as a row with its scroll bar: the rows never slide under the header
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(
            RatingRow(Person(name="")).minimumSizeHint().width()
            + scroll.verticalScrollBar().sizeHint().width()
        )
        ratings_layout.addWidget(scroll, 1)
        ratings_layout.addWidget(self.undo_bar)
        self.ties_editor = TiesEditor()
        self.ties_editor.changed.connect(self._schedule)
        self.people_rows = AuditRows(
            self.rows_layout, self.adder, self.ties_editor, self.undo_bar, self
        )
        self.people_rows.people_changed.connect(self._after_people_changed)
        self.people_rows.edited.connect(self._schedule)
        self.people_rows.field_focused.connect(self.show_guidance)
        self.form_tabs.addTab(ratings_page, "Ratings")
        self.form_tabs.addTab(self.ties_editor, "Who &knows whom")
        self.form_tabs.currentChanged.connect(
            lambda index: self.show_guidance("ties" if index == 1 else None)
        )
        layout.addWidget(self.form_tabs, 1)

        self.flag = BlockingFlag(self.journal.people.all)
        self.blocking = self.flag.checkbox
        self.blocking.toggled.connect(self._blocking_toggled)
        self.blocking.installEventFilter(self)
        self.blocker = self.flag.combo
        self.blocker.currentIndexChanged.connect(self._schedule)
        layout.addWidget(self.flag)

        self.guidance = QLabel()
        self.guidance.setWordWrap(True)
        self.guidance.setFrameShape(QFrame.Shape.StyledPanel)
        self.guidance.setMargin(8)
        self.guidance.setAccessibleName("Guidance")
        self.guidance.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.guidance.setMinimumHeight(90)
        self.guidance.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.guidance)
        self.show_guidance(None)
        return form

    def _load(self, audit: Audit, unrated: Sequence[UnratedRow] = ()) -> None:
        on = audit.taken_on
        self.date_edit.setDate(QDate(on.year, on.month, on.day))
        self.note_edit.setText(audit.note)
        self.adder.set_directory(self.journal.people.all())
        for rating in audit.ratings:
            self.people_rows.add_row(rating.person, rating)
        rated_slots = [self.people_rows.slots[row] for row in self.rows]
        for kept in sorted(unrated, key=lambda u: u.at):
            row = self.people_rows.add_row(kept.person, None, at=kept.at)
            row.set_values(kept.values)
        self.blocking.setChecked(audit.blocking_superior)
        self._rebuild_blocker_choices(audit.blocking_superior_person)
        self._blocking_toggled(audit.blocking_superior)
        self.date_edit.dateChanged.connect(self._schedule)
        self._after_people_changed()
        slots = rated_slots  # the audit's ties are between its rated people
        self.ties_editor.set_ties(
            ((slots[a], slots[b]) for a, b in audit.ties if max(a, b) < len(slots)),
            audit.ties_recorded,
        )
        self.recompute()
        QTimer.singleShot(0, self._initial_focus)

    def _initial_focus(self) -> None:
        target = self.adder.name_edit if not self.rows else self.rows[0].spins["value"]
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- people --------------------------------------------------------------------------------

    @property
    def rows(self) -> list[RatingRow]:
        return self.people_rows.rows

    def add_person(self, person: Person) -> str | None:
        """Add ``person`` to the audit; returns why not when refused (shown to the user)."""
        return self.people_rows.add_person(person)

    def remove_row(self, row: RatingRow) -> None:
        """Take ``row`` out at once, no question asked: Undo (on the bar, or Ctrl+Z) puts the
        person back in the same place with their ratings and ties."""
        self.people_rows.remove_row(row)

    def undo_remove(self) -> None:
        self.people_rows.undo_remove()

    def _after_people_changed(self) -> None:
        count = len(self.rows)
        self.count_label.setText(
            f"<b>{count} of {MAX_RATINGS_PER_AUDIT} people</b> · the people you most depend "
            "on to get your work done"
        )
        self._rebuild_blocker_choices(self.current_blocker())
        self.ties_editor.set_people(
            [(self.people_rows.slots[row], row.person.name) for row in self.rows]
        )
        self._fix_tab_order()
        self._schedule()

    def people(self) -> list[Person]:
        return [row.person for row in self.rows]

    # -- the blocking flag ---------------------------------------------------------------------

    def _rebuild_blocker_choices(self, keep: Person | None) -> None:
        self.flag.set_choices(self.people(), keep)

    def current_blocker(self) -> Person | None:
        return self.flag.person() if hasattr(self, "flag") else None

    def _blocking_toggled(self, checked: bool) -> None:
        self.blocker.setEnabled(checked)
        if checked:
            self.show_guidance("blocking_superior")
        self._schedule()

    # -- results -------------------------------------------------------------------------------

    def _schedule(self, *_args: Any) -> None:
        self._recompute_timer.start()
        keeper = getattr(self, "keeper", None)
        if keeper is not None:
            keeper.edited()

    def draft(self) -> Audit:
        """The audit as entered; people still missing a core rating are left out
        (with their ties, for now)."""
        rated = [(row, r) for row, r in ((row, row.rating()) for row in self.rows) if r]
        ratings = tuple(r for _, r in rated)
        index = {self.people_rows.slots[row]: i for i, (row, _) in enumerate(rated)}
        flagged = self.blocking.isChecked()
        return Audit(
            id=self.original.id,
            taken_on=from_qdate(self.date_edit.date()),
            ratings=ratings,
            note=self.note_edit.text().strip(),
            blocking_superior=flagged,
            blocking_superior_person=self.current_blocker() if flagged else None,
            ties=ties_remapped(self.ties_editor.ties(), index),
            ties_recorded=self.ties_editor.recorded(),
        )

    # -- drafts (kept as the user types, and when the journal locks) ----------------------

    draft_kind = "audit"

    def draft_key(self) -> str:
        return str(self.original.id) if self.original.id is not None else "new"

    def draft_payload(self) -> dict[str, Any] | None:
        """The audit as entered, with the people not fully rated yet."""
        from cxjournal.journal.drafts import audit_payload

        unrated = [
            UnratedRow(at=i, person=row.person, values=row.values())
            for i, row in enumerate(self.rows)
            if row.missing()
        ]
        return audit_payload(self.draft(), unrated)

    @classmethod
    def resume_draft(
        cls, services: Services, payload: dict[str, Any], key: str | None = None
    ) -> AuditEditor:
        """Open the form again with a draft (window-modal, as the audits page opens it)."""
        from cxjournal.journal.drafts import audit_from_payload, unrated_from_payload
        from cxjournal.ui.audits_page import AuditsPage
        from cxjournal.ui.page import page_of

        journal = services.journal
        audit = audit_from_payload(payload, journal.people.get)
        unrated = unrated_from_payload(payload, journal.people.get)
        services.navigate("audits")
        page = page_of(services.window.page, "audits", AuditsPage)
        if page.editor is not None:  # one form at a time: the draft waits for the next start
            services.show_status("Finish the audit that is open, then resume the other one.")
            return page.editor
        editor = page.open_editor(audit, unrated)
        if editor.keeper.payload() is not None:
            editor.setWindowTitle(f"{editor.windowTitle()} (you were entering it)")
        editor.keeper.resumed(key)
        return editor

    def recompute(self) -> None:
        self._recompute_timer.stop()
        try:
            self.analysis = self.journal.audits.analyse(self.draft())
        except ValidationError:
            self.analysis = None
        self.results.set_analysis(self.analysis)
        contacts = self.analysis.contacts if self.analysis is not None else ()
        self.map.set_contacts(contacts, self.thresholds)
        self.network.set_analysis(self.analysis)

    # -- guidance ------------------------------------------------------------------------------

    def show_guidance(self, field: str | None) -> None:
        if field is None or field not in FIELD_GUIDANCE:
            self.guidance.setText(
                f"<b>How this audit works</b><br>{FIELD_GUIDANCE['top_ten']}<br><br>"
                f"<small>{METHOD_NOTE}</small>"
            )
            return
        self.guidance.setText(f"<b>{FIELD_TITLES.get(field, field)}</b><br>{FIELD_GUIDANCE[field]}")

    def eventFilter(self, watched: Any, event: Any) -> bool:
        from cxjournal.qt.core import QEvent

        if watched is self.blocking and event.type() == QEvent.Type.FocusIn:
            self.show_guidance("blocking_superior")
        if self.people_rows.removed and lets_undo_through(watched, event):
            return True
        return super().eventFilter(watched, event)

    # -- keyboard ------------------------------------------------------------------------------

    def _fix_tab_order(self) -> None:
        for first, second in itertools.pairwise(tab_chain(self)):
            QWidget.setTabOrder(first, second)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter never closes the form by accident (:func:`enter_moves_on`)."""
        if not enter_moves_on(self, event):
            super().keyPressEvent(event)

    # -- saving --------------------------------------------------------------------------------

    def problems(self) -> list[str]:
        """What stops the audit from being saved, in words for the user."""
        problems: list[str] = []
        names = {n: t for n, t, _ in (*CORE_FIELDS, *ASPECT_FIELDS)}
        for row in self.rows:
            missing = row.missing()
            if missing:
                fields = ", ".join(names[m].replace("\n", " ").lower() for m in missing)
                problems.append(f"{row.person.name}: rate {fields} (1 to 10).")
        return problems

    def save(self) -> None:
        problems = self.problems()
        if problems:
            self._show_error(problems)
            for row in self.rows:
                if row.missing():
                    row.focus_first(only_missing=True)
                    break
            return
        draft = self.draft()
        with guarded_write(self, "save the audit") as attempt:
            try:
                done = self.journal.perform(lambda j: apply(j, *_undoable_save(draft)))
                self.saved_audit, self.saved_changes = done.value, done.changes
            except ValidationError as exc:
                self._show_error(exc.problems)  # beside the form, like the form's own checks
                return
        if attempt.failed:
            return  # the editor stays open with every rating entered
        self.accept()

    def reject(self) -> None:
        """Esc, Cancel and the close button ask first when the audit was changed."""
        if self.keeper.may_close():
            super().reject()

    def _show_error(self, lines: list[str]) -> None:
        self.error.setText("\n".join(lines))
        self.error.setVisible(bool(lines))


def _undoable_save(draft: Audit) -> tuple[str, Callable[[Journal], Reversible[Audit]]]:
    """The audit's save as a change Edit > Undo can reverse (people it added stay)."""
    from cxjournal.journal.undo import audit_scope, recorded

    if draft.id is None:
        return "Save new audit", recorded(
            lambda saved: audit_scope(saved.id or 0), lambda j: j.audits.save(draft)
        )
    return "Edit audit", recorded(audit_scope(draft.id), lambda j: j.audits.save(draft))
