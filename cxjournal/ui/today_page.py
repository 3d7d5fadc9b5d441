"""The Today page, the first thing shown: what matters before a 1:1 or on a Monday morning.

The latest audit's alarm bells (and whether a re-audit is due), stakeholders whose
update is due, follow-ups due this week or overdue, today's check-in with the
two-week trend and the early warning, and the exit plan while it runs. Every item
opens its place in the app. A journal with nothing in it gets a welcome instead.

Everything comes from one ``journal.today.overview(today)`` call; the sparkline is
drawn with QPainter so that this page never imports pyqtgraph (the main window
loads it in the background after the first paint; see ``cxjournal.ui.warm_up``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from cxjournal.domain.cadence import days_label
from cxjournal.domain.model import ExitStatus
from cxjournal.domain.wording import alarm_title, long_date, short_date
from cxjournal.journal.changes import Area
from cxjournal.journal.today import AUDIT_DUE_DAYS_MAX, AUDIT_DUE_DAYS_MIN, TodayOverview
from cxjournal.qt.core import Qt, QTimer
from cxjournal.qt.gui import QKeyEvent
from cxjournal.qt.widgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from cxjournal.ui.icons import icon
from cxjournal.ui.page import Page
from cxjournal.ui.read_only import writes_journal
from cxjournal.ui.services import Services
from cxjournal.ui.today_follow_up_actions import FollowUpActions
from cxjournal.ui.today_program_feed import ProgramCardFeed
from cxjournal.ui.widgets.today_cards import Card, LinkRow
from cxjournal.ui.widgets.today_follow_ups import FollowUpsCard
from cxjournal.ui.widgets.today_meetings_card import MeetingsCard
from cxjournal.ui.widgets.today_program_card import ProgramCard
from cxjournal.ui.widgets.today_resilience_card import ResilienceCard
from cxjournal.ui.write_guard import UNCHANGED

WELCOME_TEXT = (
    "<h2>Welcome to cxjournal</h2>"
    "<p>This is your private record of how you get things done through other people. "
    "It stays on this computer. Three small habits make it useful:</p>"
    "<ol>"
    "<li><b>Audit your network every quarter.</b> List the people you depend on most, "
    "rate what each gives you and what you give them. The audit rings an alarm bell when "
    "your influence is narrow, lopsided or resting on one or two people.</li>"
    "<li><b>Note every 1:1.</b> A few lines after each meeting: what they need, what you "
    "agreed, what to follow up. Before the next one, this page tells you who is due.</li>"
    "<li><b>Check in daily.</b> Ten seconds for energy, stress and mood, so you notice a "
    "slide before it becomes a slump.</li>"
    "</ol>"
    "<p>Start with your first power audit; it takes about fifteen minutes.</p>"
)

#: At most this many stakeholders and follow-ups are listed; the rest are counted.
LIST_LIMIT = 8


def _day(day: dt.date, today: dt.date | None = None) -> str:
    """``Tue 10 Mar``: a day near today, with its weekday; the year when it is another."""
    return short_date(day, weekday=True, today=today)


def _ago(days: int) -> str:
    if days <= 0:
        return "today"
    if days == 1:
        return "yesterday"
    return f"{days} days ago"


class TodayPage(Page):
    #: everything that matters today: alarms, people due, follow-ups, the check-in, the
    #: exit plan, the program, meetings and the settings that shape them
    shows = Area.ALL & ~Area.DRAFTS

    def __init__(self, context: Services) -> None:
        super().__init__(context)
        self.today = dt.date.today  # replaced in tests
        self.overview: TodayOverview | None = None
        #: what each card was last filled from: a refresh fills again only what changed
        self._filled: dict[str, object] = {}
        self.prepare_dialog: Any = None

        scroll = QScrollArea()
        self.scroll_area = scroll
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        content = QWidget()
        scroll.setWidget(content)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(16, 12, 16, 16)
        layout.setSpacing(12)

        header = QHBoxLayout()
        header.addWidget(QLabel("<h2>Today</h2>"))
        self.date_label = QLabel()
        self.date_label.setObjectName("today-date")
        header.addWidget(self.date_label)
        header.addStretch(1)
        self.add_point_button = writes_journal(QPushButton("Add &talking point…"))
        self.add_point_button.setObjectName("today-add-point")
        self.add_point_button.setToolTip("Save something to raise at your next 1:1 with someone")
        self.add_point_button.clicked.connect(lambda: self.add_talking_point())
        header.addWidget(self.add_point_button)
        layout.addLayout(header)

        self.welcome = self._build_welcome()
        layout.addWidget(self.welcome)

        self.audit_card = Card("Latest power audit")
        self.stakeholder_card = Card("Stakeholder updates due")
        self.follow_up_card = FollowUpsCard(_day)
        self.follow_up_actions = FollowUpActions(self)
        self._connect_follow_ups()
        self.resilience_card = ResilienceCard()
        self.resilience_card.check_in.connect(self.check_in)
        self.resilience_card.dismiss_warning.connect(self._dismiss_warning)
        self.resilience_card.explain_warning.connect(lambda: self.go("resilience"))
        self.check_in_button = self.resilience_card.check_in_button
        self.exit_card = Card("Exit plan")
        self.program_card = ProgramCard()
        self.program_card.hide()
        self.program_feed = ProgramCardFeed(context, self.program_card)
        self.program_card.open_program.connect(lambda: self.go("program"))
        self.program_card.prepare.connect(self.prepare)
        self.now: Callable[[], dt.datetime] = lambda: (
            dt.datetime.now().astimezone()
        )  # tests replace it
        self.meetings_card = MeetingsCard()
        self.meetings_card.hide()
        self.meetings_card.prepare.connect(self.prepare)
        self.meetings_card.log.connect(self.log_meeting)
        self._build_audit_footer()
        self.cards = QWidget()
        columns = QHBoxLayout(self.cards)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.setSpacing(12)
        left = QVBoxLayout()
        right = QVBoxLayout()
        left.setSpacing(12)
        right.setSpacing(12)
        for card in (self.meetings_card, self.audit_card, self.program_card,
                     self.stakeholder_card):  # fmt: skip
            left.addWidget(card)
        # follow-ups sit high in the narrower column, so a short screen shows them at once
        for card in (self.resilience_card, self.follow_up_card, self.exit_card):
            right.addWidget(card)
        left.addStretch(1)
        right.addStretch(1)
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)
        layout.addWidget(self.cards)
        layout.addStretch(1)

    # -- construction ---------------------------------------------------------------------

    def _build_welcome(self) -> QWidget:
        card = Card("")
        card.title.hide()
        card.setMaximumWidth(860)
        card.add_text(WELCOME_TEXT, "today-welcome")
        buttons = QHBoxLayout()
        self.first_audit_button = QPushButton(icon("audit"), "Start your first &power audit")
        self.first_audit_button.setDefault(True)
        self.first_audit_button.clicked.connect(lambda: self.go("audits", new=True))
        self.add_people_button = QPushButton(icon("people"), "Add the people you &work with")
        self.add_people_button.clicked.connect(lambda: self.go("people"))
        self.welcome_check_in = QPushButton(icon("resilience"), "&Check in today")
        self.welcome_check_in.clicked.connect(self.check_in)
        for button in (self.first_audit_button, self.add_people_button, self.welcome_check_in):
            buttons.addWidget(writes_journal(button))
        buttons.addStretch(1)
        card.body.addLayout(buttons)
        return card

    def _build_audit_footer(self) -> None:
        self.new_audit_button = self.audit_card.add_header_button(
            "&New audit", "Start a new power audit (re-audit every quarter)"
        )
        self.new_audit_button.clicked.connect(lambda: self.go("audits", new=True))
        writes_journal(self.new_audit_button)
        self.audit_body = QVBoxLayout()
        self.audit_card.body.addLayout(self.audit_body)
        footer = QHBoxLayout()
        label = QLabel("Re-audit after")
        self.due_days = writes_journal(QSpinBox())
        self.due_days.setRange(AUDIT_DUE_DAYS_MIN, AUDIT_DUE_DAYS_MAX)
        self.due_days.setSuffix(" days")
        self.due_days.setAccessibleName("Days after which a new audit is due")
        self.due_days.setToolTip("Today reminds you to audit again when the latest is older")
        self.due_days.setKeyboardTracking(False)
        label.setBuddy(self.due_days)
        self.due_days.valueChanged.connect(self._due_days_changed)
        footer.addStretch(1)
        footer.addWidget(label)
        footer.addWidget(self.due_days)
        self.audit_card.body.addLayout(footer)

    # -- navigation ------------------------------------------------------------------------

    def go(self, key: str, **kwargs: Any) -> None:
        """Open page ``key`` (with ``kwargs`` for its ``open_item``), if the app has it."""
        try:
            self.context.navigate(key, **kwargs)
        except KeyError:
            self.context.show_status("That part of cxjournal is not available in this version.")

    def primary_widget(self) -> QWidget | None:
        """The first audit on a new journal; else the check-in until done; else New audit."""
        if self.overview is None or self.overview.is_new:
            return self.first_audit_button
        if self.overview.resilience.today_entry is None:
            return self.check_in_button
        return self.new_audit_button

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Return on the welcome starts the first audit; other typing stays on the page."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.welcome.isVisible():
            focus = self.focusWidget()
            button = focus if isinstance(focus, QPushButton) else self.first_audit_button
            if button.isEnabled() and button.isVisible():
                button.click()  # the button with the focus, else the first audit
            event.accept()
            return
        super().keyPressEvent(event)

    def check_in(self) -> None:
        self.go("resilience", on=self.today())

    # -- refresh -----------------------------------------------------------------------------

    def refresh(self) -> None:
        today = self.today()
        overview = self.journal.today.overview(today)
        self.overview = overview
        self.date_label.setText(long_date(today, weekday=True))
        new = overview.is_new
        self.welcome.setVisible(new)
        # fill the cards while they are hidden: the new rows are then shown (polished
        # and laid out) in one pass instead of one by one
        position = self.scroll_area.verticalScrollBar().value()
        if new:
            self.cards.hide()
            self._filled.clear()
        else:
            self._fill_changed(overview)
            self.resilience_card.fill(overview.resilience, overview.today)
            self.cards.show()
            self.program_feed.ask(today)
            QTimer.singleShot(0, self.meetings_card, self._fill_meetings)
            if position:  # once laid out again, back to where the user was
                bar = self.scroll_area.verticalScrollBar()
                QTimer.singleShot(0, bar, lambda: bar.setValue(position))

    def _fill_changed(self, overview: TodayOverview) -> None:
        """Fill the cards whose part of ``overview`` differs from what they show (a note
        that changes no follow-up leaves that card, its rows and ticks, as it is)."""
        fills: dict[str, Callable[[TodayOverview], None]] = {
            "audit": self._fill_audit,
            "stakeholders": self._fill_stakeholders,
            "follow-ups": self._fill_follow_ups,
            "exit plan": self._fill_exit_plan,
        }
        stale = [name for name in fills if self._filled.get(name) != self._shown(name, overview)]
        if stale:
            self.cards.hide()  # filled hidden: the new rows are laid out in one pass
        for name in stale:
            fills[name](overview)
            self._filled[name] = self._shown(name, overview)

    def _shown(self, name: str, overview: TodayOverview) -> object:
        """What card ``name`` shows of ``overview``, with the state of its controls (a
        change the journal refused is drawn again)."""
        if name == "audit":
            return overview.audit_due_days, self.due_days.value(), overview.latest_audit
        if name == "stakeholders":
            return overview.today, overview.stakeholders
        if name == "follow-ups":
            return self.follow_up_card.shown_for(overview)
        return overview.exit_plan

    def _fill_meetings(self) -> None:
        """After the paint: the calendar's meetings of today and tomorrow."""
        if not self.isVisible():  # left or closed before this turn came: read when shown
            self._stale = True
            return
        now = self.now()
        card = self.journal.today.meetings(now.date(), now.date() + dt.timedelta(days=1))
        self.meetings_card.fill(card.meetings, now, card.has_calendar)

    def log_meeting(self, person_id: int, day: dt.date, kind: str) -> None:
        """Write the note of a meeting that took place, its person, day and kind filled in."""
        from cxjournal.domain.model import NoteKind
        from cxjournal.ui.dialogs.note_dialog import NoteDialog

        dialog = NoteDialog(
            self.journal,
            self.context.window,
            person_id=person_id,
            today=day,
            note_kind=NoteKind(kind),
        )
        if self.run_dialog(dialog) and dialog.saved_note:
            self.context.show_status("Note saved")

    def _fill_audit(self, overview: TodayOverview) -> None:
        _clear(self.audit_body)
        self.due_days.blockSignals(True)
        self.due_days.setValue(overview.audit_due_days)
        self.due_days.blockSignals(False)
        latest = overview.latest_audit
        if latest is None:
            self.audit_card.title.setText("Power audit")
            self._audit_text(
                "<b>No power audit yet.</b> An audit lists the people you depend on most and "
                "shows where your influence is narrow or lopsided. It takes about fifteen "
                "minutes; use <i>New audit</i> to start."
            )
            return
        self.audit_card.title.setText("Latest power audit")
        audit = latest.analysis.audit
        people = len(audit.ratings)
        row = LinkRow(
            f"Audit of {long_date(latest.taken_on)}",
            f"{_ago(latest.age_days)} · {people} {'person' if people == 1 else 'people'}",
            icon("audit"),
            "Open this audit",
        )
        row.setObjectName("today-latest-audit")
        row.activated.connect(lambda a=latest.audit_id: self.go("audits", audit_id=a))
        self._audit_add(row)
        if latest.due:
            self._audit_text(
                f"<b>Audit due.</b> Your latest audit is {latest.age_days} days old. "
                "Audit again to see what moved: <i>New audit</i> starts from it.",
                "today-audit-due",
            )
        alarms = latest.analysis.alarms
        if not alarms:
            self._audit_text("No alarm bells in this audit.", "today-no-alarms")
        for alarm in alarms:
            title = alarm_title(alarm.code)
            alarm_row = LinkRow(title, alarm.message, icon("alarm"), "Open the audit")
            alarm_row.setObjectName("today-alarm")
            alarm_row.activated.connect(lambda a=latest.audit_id: self.go("audits", audit_id=a))
            self._audit_add(alarm_row)

    def _audit_text(self, text: str, name: str = "") -> None:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setObjectName(name)
        self._audit_add(label)

    def _audit_add(self, widget: QWidget) -> None:
        self.audit_body.addWidget(widget)
        widget.show()

    def _fill_stakeholders(self, overview: TodayOverview) -> None:
        card = self.stakeholder_card
        card.clear()
        if not overview.stakeholders:
            card.add_text(
                "No update is due. Give your key stakeholders an update cadence on the "
                "People page; they appear here when it is time to get in touch.",
                "today-no-stakeholders",
            )
            return
        for due in overview.stakeholders[:LIST_LIMIT]:
            person = due.person
            if due.due is None:
                continue
            parts = [days_label(due.due, overview.today)]
            if person.cadence_days:
                parts.append(f"every {person.cadence_days} days")
            parts.append(
                f"last contact {_day(due.last_contact, overview.today)}"
                if due.last_contact
                else "no contact noted yet"
            )
            row = LinkRow(person.name, " · ".join(parts), icon("people"), "Prepare your 1:1")
            row.setObjectName("today-stakeholder")
            prepare = row.add_button("&Prepare 1:1", f"Prepare your next 1:1 with {person.name}")
            for signal in (row.activated, prepare.clicked):
                signal.connect(lambda _=False, p=person.id: self.prepare(p))
            card.add(row)
        self._more(card, len(overview.stakeholders), "people", "On the People page")

    def _more(self, card: Card, count: int, key: str, where: str) -> None:
        hidden = count - LIST_LIMIT
        if hidden <= 0:
            return
        row = LinkRow(f"{hidden} more", where, tooltip=where)
        row.setObjectName("today-more")
        row.activated.connect(lambda: self.go(key))
        card.add(row)

    def prepare(self, person_id: int | None) -> None:
        """Open the 1:1 preparation for this person (the People page's dialog).

        Without that dialog in this build, show the person on the People page.
        """
        if person_id is None:
            return
        try:
            from cxjournal.ui.dialogs.prepare_dialog import PrepareDialog
        except ImportError:
            self.go("people", person_id=person_id)
            return
        if self.prepare_dialog is not None:
            self.prepare_dialog.close()
        self.prepare_dialog = PrepareDialog(
            self.journal, person_id, self.announce, self.context.window, today=self.today()
        )
        self.prepare_dialog.show()

    def add_talking_point(self, person_id: int | None = None) -> Any:
        """Ask whom with and what, and save it for their next 1:1 (the dialog stays open,
        with what was typed, if the journal refuses it)."""
        from cxjournal.ui.dialogs.talking_point_dialog import TalkingPointDialog

        dialog = TalkingPointDialog(self.journal, self.context.window, person_id, self.today())
        if self.run_dialog(dialog) and dialog.saved is not None:
            self.context.show_status(
                f"Saved for your next 1:1 with {dialog.saved.person.name.strip()}."
            )
        return dialog

    def _fill_follow_ups(self, overview: TodayOverview) -> None:
        self.follow_up_card.fill(overview)

    def _connect_follow_ups(self) -> None:
        card = self.follow_up_card
        card.open_note.connect(lambda n: self.go("journal", note_id=n))
        card.show_more.connect(lambda: self.go("journal"))
        actions = self.follow_up_actions
        card.done.connect(actions.done)
        card.snooze.connect(actions.snooze)
        card.ask_snooze.connect(actions.ask_snooze)
        card.ask_reschedule.connect(actions.ask_reschedule)
        card.dismiss.connect(actions.dismiss)
        card.delete.connect(actions.delete)

    def _dismiss_warning(self, key: str) -> None:
        if not key:
            return
        self.run_op("dismiss the note", lambda j: j.resilience.dismiss_warning(key), UNCHANGED)

    def _fill_exit_plan(self, overview: TodayOverview) -> None:
        plan = overview.exit_plan
        card = self.exit_card
        card.setVisible(plan.shown)
        card.clear()
        if not plan.shown:
            return
        state = "active" if plan.status is ExitStatus.ACTIVE else "paused"
        card.title.setText(f"Exit plan · {state}")
        bar = QProgressBar()
        bar.setRange(0, max(plan.total, 1))
        bar.setValue(plan.done)
        bar.setFormat(f"{plan.done} of {plan.total} steps done")
        bar.setAccessibleName("Exit plan progress")
        card.add(bar)
        detail = f"Next step: {plan.next_step}" if plan.next_step else "Every step is done."
        row = LinkRow("Open the checklist", detail, icon("exit"), "Open your exit plan")
        row.setObjectName("today-exit-plan")
        row.activated.connect(lambda: self.go("exit_plan"))
        card.add(row)
        if plan.status is ExitStatus.PAUSED:
            card.add_text(
                "<small>Paused: your latest audit no longer records a blocking superior. "
                "Every step is kept.</small>",
                "today-exit-paused",
            )

    def _due_days_changed(self, value: int) -> None:
        self.run_op(
            "change when an audit is due",
            lambda j: j.today.set_audit_due_days(value),
            UNCHANGED,
            on_failure=Area.SETTINGS,  # the box shows the journal's value
        )


def _clear(layout: QVBoxLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.hide()
            widget.deleteLater()
