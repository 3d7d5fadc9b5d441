"""Delivers the reminders the journal says are due, with a timer set to the next one.

The schedule itself is headless (:mod:`cxjournal.journal.reminders`); this asks it
what is due now, hands each reminder to the notifier, remembers what was sent, and
sets one single-shot ``QTimer`` to the next due time (at most ``MAX_WAIT_MS`` ahead,
so a computer that slept, or a clock that changed, is caught up with soon). It asks
again whenever the journal changes (a new meeting, a check-in, new preferences).

While the journal is locked nothing of it can be read, so the reminders already
worked out (a name and a time each) are delivered from memory, and what was sent
is written once the journal is open again. The clock and the zone are injected.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from cxjournal.domain.errors import CxJournalError
from cxjournal.domain.reminders import (
    CHECK_IN,
    DIGEST,
    ONE_ON_ONE,
    RE_AUDIT,
    Reminder,
    ReminderPreferences,
    due_among,
)
from cxjournal.journal.changes import Area
from cxjournal.journal.lock_ops import is_locked
from cxjournal.journal.reminders import mark_sent, reminder_plan, reminder_preferences
from cxjournal.qt.core import QObject, QTimer
from cxjournal.ui.notifier import Notifier

if TYPE_CHECKING:
    from cxjournal.ui.main_window import MainWindow

log = logging.getLogger(__name__)

#: the longest the timer waits before asking again, in milliseconds
MAX_WAIT_MS = 10 * 60 * 1000


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class ReminderDriver(QObject):
    """One per main window (``extensions.reminders``)."""

    def __init__(
        self,
        window: MainWindow,
        notifier: Notifier,
        clock: Callable[[], dt.datetime] = utc_now,
        zone: dt.tzinfo | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.notifier = notifier
        self.clock = clock
        self.zone = zone
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.refresh)
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(0)
        self._soon.timeout.connect(self.refresh)
        #: reminders worked out but not yet due, for when the journal is locked
        self._ahead: tuple[Reminder, ...] = ()
        #: keys sent but not yet written to the journal (locked, read-only, or busy)
        self._unsaved: dict[str, Reminder] = {}
        #: every reminder delivered in this run, by key (what its action opens)
        self.shown: dict[str, Reminder] = {}
        self.preferences = ReminderPreferences()
        notifier.activated.connect(self.open)
        window.bus.changed.connect(lambda _area: self._soon.start())

    # -- working out and delivering ----------------------------------------------------------

    def refresh(self) -> tuple[Reminder, ...]:
        """Deliver what is due now and set the timer to the next one; returns what was sent."""
        now = self.clock()
        journal = self.window.journal
        if is_locked(journal):
            due, next_at = due_among(self._ahead, now, self._unsaved, self.zone)
        else:
            try:
                self.preferences = reminder_preferences(journal)
                plan = reminder_plan(journal, now, self.zone)
            except CxJournalError as exc:
                log.warning("reminders could not be worked out (%s)", type(exc).__name__)
                self._arm(None, now)
                return ()
            due = tuple(r for r in plan.due if r.key not in self._unsaved)
            next_at = plan.next_at
            self._ahead = tuple(r for r in plan.candidates if r.at > now)
        for reminder in due:
            self.shown[reminder.key] = reminder
            self._unsaved[reminder.key] = reminder
            self.notifier.notify(reminder)
        self._save(now)
        self._arm(next_at, now)
        return due

    def _save(self, now: dt.datetime) -> None:
        journal = self.window.journal
        if not self._unsaved or journal.read_only or is_locked(journal):
            return
        try:
            mark_sent(journal, self._unsaved.values(), now)
        except CxJournalError as exc:  # kept in memory: this run sends nothing twice anyway
            log.warning("could not note the reminders sent (%s)", type(exc).__name__)
            return
        self._unsaved = {}

    def _arm(self, next_at: dt.datetime | None, now: dt.datetime) -> None:
        if next_at is None and not self.preferences.any_reminder:
            self.timer.stop()
            return
        wait = MAX_WAIT_MS
        if next_at is not None:
            wait = min(wait, max(0, int((next_at - now).total_seconds() * 1000) + 1))
        self.timer.start(wait)

    # -- what a reminder opens ---------------------------------------------------------------

    def open(self, key: str) -> None:
        """Show the window at what the reminder is about: a 1:1's preparation, the check-in,
        the people due, the audits."""
        reminder = self.shown.get(key)
        tray = self.window.extensions.tray
        if tray is not None:
            tray.show_window()
        else:
            self.window.show()
            self.window.raise_()
            self.window.activateWindow()
        if reminder is None or is_locked(self.window.journal):
            return  # the lock screen first; the reminder said what it was about
        if reminder.kind == ONE_ON_ONE and reminder.person_id is not None:
            self.window.navigate("today")
            from cxjournal.ui.page import page_of
            from cxjournal.ui.today_page import TodayPage

            page_of(self.window.page, "today", TodayPage).prepare(reminder.person_id)
        elif reminder.kind == CHECK_IN:
            self.window.navigate("resilience")
        elif reminder.kind == DIGEST:
            self.window.navigate("people")
        elif reminder.kind == RE_AUDIT:
            self.window.navigate("audits")


def start_reminders(window: MainWindow, started_in_background: bool = False) -> ReminderDriver:
    """The tray, the notifier and the driver of ``window`` (once; later calls return it)."""
    existing = window.extensions.reminders
    if isinstance(existing, ReminderDriver):
        return existing
    from cxjournal.ui.tray import Tray

    tray = Tray(window, started_in_background)
    window.extensions.tray = tray
    notifier = Notifier(tray.message, window)
    driver = ReminderDriver(window, notifier)
    window.extensions.reminders = driver
    tray.message_clicked.connect(driver.open)
    driver.refresh()
    tray.apply(driver.preferences)
    window.bus.changed.connect(lambda area: _apply_tray(window, area))
    return driver


def _apply_tray(window: MainWindow, changes: Area) -> None:
    tray = window.extensions.tray
    if tray is not None and changes & Area.SETTINGS and not is_locked(window.journal):
        tray.apply(reminder_preferences(window.journal))
