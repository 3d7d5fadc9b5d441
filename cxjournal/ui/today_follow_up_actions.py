"""What Today's follow-up rows do: done, snooze, reschedule, dismiss and delete.

Each is one undoable journal operation, named for the Edit menu, whose outcome is said
in the status bar; the Follow-ups card (``widgets/today_follow_ups.py``) only asks.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from cxjournal.domain.wording import short_date
from cxjournal.journal.changes import Area
from cxjournal.ui.widgets.today_follow_ups import next_week
from cxjournal.ui.write_guard import UNCHANGED

if TYPE_CHECKING:
    from cxjournal.journal import Journal
    from cxjournal.ui.today_page import TodayPage


class FollowUpActions:
    """The writes behind the Follow-ups card of ``page``."""

    def __init__(self, page: TodayPage) -> None:
        self.page = page

    def _day(self, day: dt.date) -> str:
        return short_date(day, weekday=True, today=self.page.today())

    def done(self, follow_up_id: int, done: bool) -> None:
        self._write(
            "Mark follow-up done" if done else "Open follow-up again",
            "update the follow-up",
            lambda j: j.notes.set_follow_up_done(follow_up_id, done),
            follow_up_id,
            "Follow-up done." if done else "Follow-up open again.",
        )

    def snooze(self, follow_up_id: int, until: dt.date) -> None:
        self._write(
            "Snooze follow-up",
            "snooze the follow-up",
            lambda j: j.notes.snooze_follow_up(follow_up_id, until),
            follow_up_id,
            f"Snoozed: back on Today on {self._day(until)}.",
        )

    def ask_snooze(self, follow_up_id: int) -> None:
        from cxjournal.ui.dialogs import pick_date_dialog

        today = self.page.today()
        until = pick_date_dialog.ask_date(
            self.page.context.window,
            "Snooze follow-up",
            "Leave this follow-up off Today until the day you choose. It keeps its due date.",
            "Back on",
            next_week(today),
            today + dt.timedelta(days=1),
        )
        if until is not None:
            self.snooze(follow_up_id, until)

    def ask_reschedule(self, follow_up_id: int) -> None:
        from cxjournal.ui.dialogs import pick_date_dialog

        item = self.page.follow_up_card.items.get(follow_up_id)
        today = self.page.today()
        due = pick_date_dialog.ask_date(
            self.page.context.window,
            "Reschedule follow-up",
            f"A new due date for: {item.text}" if item else "A new due date.",
            "Due",
            today + dt.timedelta(days=7),
            today,
        )
        if due is not None:
            self._write(
                "Reschedule follow-up",
                "reschedule the follow-up",
                lambda j: j.notes.reschedule_follow_up(follow_up_id, due),
                follow_up_id,
                f"Rescheduled to {self._day(due)}.",
            )

    def dismiss(self, follow_up_id: int) -> None:
        self._write(
            "Dismiss follow-up",
            "dismiss the follow-up",
            lambda j: j.notes.dismiss_follow_up(follow_up_id),
            follow_up_id,
            "Dismissed from Today: the follow-up stays open in its note, without a date.",
        )

    def delete(self, follow_up_id: int) -> None:
        from cxjournal.journal.undo import undoable_delete

        done = self.page.run_undoable(
            "Delete follow-up",
            "delete the follow-up",
            undoable_delete("follow_up", follow_up_id),
            UNCHANGED,
            on_failure=Area.NOTES,
        )
        if done is not None:
            self.page.context.show_status(
                "Follow-up deleted: Edit > Undo, or Edit > Trash…, brings it back."
            )

    def _write(
        self, name: str, what: str, write: Callable[[Journal], object], follow_up_id: int,
        done: str,
    ) -> None:  # fmt: skip
        from cxjournal.journal.undo import follow_up_scope, recorded

        changed = self.page.run_undoable(
            name,
            what,
            recorded(follow_up_scope(follow_up_id), write),
            UNCHANGED,
            on_failure=Area.NOTES,  # the list is redrawn from the journal
        )
        if changed is not None:
            self.page.context.show_status(done)
