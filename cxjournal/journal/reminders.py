"""Reminders on a journal: their preferences, what is due now, and what was sent.

The preferences and the keys of the reminders sent are journal settings (so they
are encrypted with the journal, and a restart sends nothing twice). What is due
is worked out by :func:`cxjournal.domain.reminders.plan` from the journal's
1:1s of today and tomorrow, today's check-in, the stakeholder updates due and
whether a new power audit is due; the clock and the zone are the caller's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from cxjournal.domain.errors import ValidationError
from cxjournal.domain.reminders import (
    Plan,
    Reminder,
    ReminderInputs,
    ReminderPreferences,
    UpcomingOneOnOne,
    local_day,
    plan,
    remember,
)

if TYPE_CHECKING:
    from cxjournal.journal.core import Journal

SETTING_KEY = "reminders"
SENT_KEY = "reminders.sent"


def reminder_preferences(journal: Journal) -> ReminderPreferences:
    return ReminderPreferences.from_setting(journal.settings.get(SETTING_KEY))


def set_reminder_preferences(journal: Journal, prefs: ReminderPreferences) -> None:
    """Store the preferences (one transaction); refuses a value out of range."""
    problems = prefs.problems()
    if problems:
        raise ValidationError(problems)
    journal.settings.set(SETTING_KEY, prefs.as_setting())


def sent_keys(journal: Journal) -> dict[str, str]:
    stored: Any = journal.settings.get(SENT_KEY, {})
    if not isinstance(stored, dict):
        return {}
    return {str(k): str(v) for k, v in stored.items() if isinstance(v, str)}


def inputs(journal: Journal, now: dt.datetime, zone: dt.tzinfo | None = None) -> ReminderInputs:
    """What the reminders are worked out from, read from the journal at ``now``."""
    today = local_day(now, zone)
    overview = journal.today.overview(today)
    one_on_ones: list[UpcomingOneOnOne] = []
    if journal.calendar.sources():
        for meeting in journal.calendar.meetings(today, today + dt.timedelta(days=1)):
            if meeting.one_on_one and meeting.people and meeting.start > now:
                person = meeting.people[0]
                if person.id is not None:
                    one_on_ones.append(
                        UpcomingOneOnOne(person.id, person.name, meeting.start, meeting.uid)
                    )
    entry = overview.resilience.today_entry
    latest = overview.latest_audit
    return ReminderInputs(
        one_on_ones=tuple(one_on_ones),
        checked_in_on=frozenset({today}) if entry is not None else frozenset(),
        updates_due=tuple(s.person.name for s in overview.stakeholders),
        audit_due=overview.counts.people > 0 and overview.audit_due,
        latest_audit_id=latest.audit_id if latest is not None else None,
    )


def reminder_plan(journal: Journal, now: dt.datetime, zone: dt.tzinfo | None = None) -> Plan:
    """The reminders due at ``now`` and when the next one falls. Reads only."""
    prefs = reminder_preferences(journal)
    if not prefs.any_reminder:
        return Plan((), None)
    return plan(now, prefs, inputs(journal, now, zone), sent_keys(journal), zone)


def mark_sent(journal: Journal, delivered: Iterable[Reminder], now: dt.datetime) -> None:
    """Remember that ``delivered`` were sent (and forget keys too old to matter)."""
    journal.settings.set(SENT_KEY, remember(sent_keys(journal), delivered, now))
