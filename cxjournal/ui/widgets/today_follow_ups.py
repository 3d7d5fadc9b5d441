"""Today's follow-ups as a triage list: Overdue and Next 7 days apart, nearest first.

Each follow-up has a tick (done) and a *Later* menu: snooze until tomorrow, until
next week or until a chosen day, reschedule, or dismiss from Today (the
follow-up stays open in its note, without a date). The card only emits what
the user chose; the Today page writes it through the journal and redraws.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from cxjournal.domain.cadence import days_label
from cxjournal.journal.today import DueFollowUp, TodayOverview
from cxjournal.qt.core import Qt, Signal
from cxjournal.qt.gui import QAction
from cxjournal.qt.widgets import QCheckBox, QMenu, QToolButton, QWidget
from cxjournal.ui.read_only import writes_journal
from cxjournal.ui.widgets.today_cards import Card, LinkRow


def next_week(today: dt.date) -> dt.date:
    """The Monday after ``today`` (a week from today when it is a Monday)."""
    return today + dt.timedelta(days=7 - today.weekday())


class FollowUpsCard(Card):
    """The follow-ups card; ``short_date`` is the page's short date format."""

    open_note = Signal(int)
    done = Signal(int, bool)
    snooze = Signal(int, object)  # follow-up id, the day it comes back (a date)
    ask_snooze = Signal(int)  # follow-up id: ask for the day
    ask_reschedule = Signal(int)
    dismiss = Signal(int)
    delete = Signal(int)  # follow-up id: to the trash
    show_more = Signal()

    def __init__(self, short_date: Callable[[dt.date, dt.date], str]) -> None:
        super().__init__("Follow-ups")
        self.short_date = short_date
        self.items: dict[int, DueFollowUp] = {}
        self.ticks: list[QCheckBox] = []

    def shown_for(self, overview: TodayOverview) -> object:
        """What the card shows of ``overview``, with its ticks: equal for two overviews, the
        card would be filled the same (a tick whose write failed is drawn again)."""
        return (
            overview.today,
            overview.follow_ups,
            overview.overdue_follow_ups,
            overview.upcoming_follow_ups,
            overview.overdue_count,
            overview.upcoming_count,
            overview.snoozed_follow_ups,
            any(tick.isChecked() for tick in self.ticks),  # none is, as filled
        )

    def fill(self, overview: TodayOverview) -> None:
        self.clear()
        self.ticks = []
        self.items = {f.follow_up_id: f for f in overview.follow_ups}
        overdue = overview.overdue_follow_ups
        upcoming = overview.upcoming_follow_ups
        if not overview.follow_ups:
            self.add_text(
                "Nothing due in the next 7 days. Follow-ups you write in your notes appear "
                "here when they fall due.",
                "today-no-follow-ups",
            )
        if overdue:
            self._part(f"Overdue ({overview.overdue_count})", "today-follow-ups-overdue")
            self._rows(overdue, overview.overdue_count, overview.today, "today-follow-up-overdue")
        if overview.follow_ups:
            count = overview.upcoming_count
            self._part(
                f"Next 7 days ({count})" if upcoming else "Next 7 days: nothing due",
                "today-follow-ups-next",
            )
            self._rows(upcoming, count, overview.today, "today-follow-up")
        if overview.snoozed_follow_ups:
            count = overview.snoozed_follow_ups
            self.add_text(
                f"<small>{count} snoozed follow-up{'s' if count != 1 else ''} "
                f"{'come' if count != 1 else 'comes'} back on the day you chose.</small>",
                "today-follow-ups-snoozed",
            )

    def _part(self, title: str, name: str) -> None:
        label = self.add_text(f"<b>{title}</b>", name)
        label.setTextFormat(Qt.TextFormat.RichText)

    def _rows(self, items: Sequence[DueFollowUp], total: int, today: dt.date, name: str) -> None:
        """The listed ``items`` of a part that has ``total``, and a link to the rest."""
        for item in items:
            self.add(self._row(item, today, name))
        hidden = total - len(items)
        if hidden > 0:
            more = LinkRow(f"{hidden} more", "In your journal", tooltip="In your journal")
            more.setObjectName("today-more")
            more.activated.connect(self.show_more.emit)
            self.add(more)

    def _row(self, item: DueFollowUp, today: dt.date, name: str) -> QWidget:
        who = f" · {item.person_name}" if item.person_name else ""
        detail = f"{self.short_date(item.due, today)}, {days_label(item.due, today)}{who}"
        row = LinkRow(item.text, detail, tooltip="Open the note")
        row.setObjectName(name)
        row.setProperty("follow-up-line", True)
        row.activated.connect(lambda n=item.note_id: self.open_note.emit(n))
        tick = writes_journal(QCheckBox())
        self.ticks.append(tick)
        tick.setAccessibleName(f"Done: {item.text}")
        tick.setToolTip("Tick when done")
        tick.toggled.connect(lambda on, f=item.follow_up_id: self.done.emit(f, on))
        later = writes_journal(QToolButton())
        later.setObjectName("today-follow-up-later")
        later.setText("Later")
        later.setToolTip("Snooze, reschedule or dismiss this follow-up")
        later.setAccessibleName(f"Snooze or reschedule: {item.text}")
        later.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        later.setMenu(self._menu(item.follow_up_id, today, later))
        # inside the row itself, so its wrapped title and detail get the height they need
        row.add_leading(tick)
        row.buttons.addWidget(later, 0, Qt.AlignmentFlag.AlignTop)
        return row

    def _menu(self, follow_up_id: int, today: dt.date, parent: QWidget) -> QMenu:
        menu = QMenu(parent)
        tomorrow = today + dt.timedelta(days=1)
        monday = next_week(today)
        entries: list[tuple[str, str, Callable[[], None]]] = [
            ("snooze-tomorrow", "Snooze until &tomorrow",
             lambda: self.snooze.emit(follow_up_id, tomorrow)),
            ("snooze-next-week", f"Snooze until &next week ({self.short_date(monday, today)})",
             lambda: self.snooze.emit(follow_up_id, monday)),
            ("snooze-date", "Snooze until a &date…", lambda: self.ask_snooze.emit(follow_up_id)),
            ("", "", lambda: None),
            ("reschedule", "&Reschedule…", lambda: self.ask_reschedule.emit(follow_up_id)),
            ("dismiss", "D&ismiss from Today (keep it in the note, without a date)",
             lambda: self.dismiss.emit(follow_up_id)),
            ("", "", lambda: None),
            ("delete", "De&lete the follow-up (it goes to the trash)",
             lambda: self.delete.emit(follow_up_id)),
        ]  # fmt: skip
        for key, text, run in entries:
            if not key:
                menu.addSeparator()
                continue
            action = QAction(text, menu)
            action.setObjectName(f"follow-up-{key}")
            action.triggered.connect(run)
            menu.addAction(action)
        return menu
