"""What the Today page shows, read in one call: the start-up path, without SQLAlchemy.

``journal.today.overview(today)`` gathers the latest audit's alarm bells (and
whether a new audit is due), the stakeholders whose update is due, the
follow-ups due this week or overdue, the resilience summary and the exit plan's
progress; ``meetings(first, last)`` the meetings card's. Today is the first
page painted, and importing SQLAlchemy costs more than the whole page, so
these reads go through the journal's plain DB-API connection
(:meth:`Journal.raw`), each in one read transaction of a few small queries.
Each question is answered by the same function the other areas use
(``store.reads``, ``journal.stakeholders``, ``journal.resilience_summary``),
and every figure comes from the same domain functions (``analyse``,
``next_due``, ``early_warning``, ``consistency``).

Writes (the "audit due" setting) go through the settings operations as usual.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cxjournal.domain.errors import ValidationError
from cxjournal.domain.meetings import Meeting
from cxjournal.domain.model import ExitStatus
from cxjournal.domain.power_audit import Analysis, analyse
from cxjournal.domain.thresholds import Thresholds
from cxjournal.journal import setting_values as values
from cxjournal.journal import stakeholders
from cxjournal.journal.calendar import meetings_in
from cxjournal.journal.resilience_summary import ResilienceSummary, summary
from cxjournal.journal.setting_values import (
    AUDIT_DUE_DAYS_KEY,
    AUDIT_DUE_DAYS_MAX,
    AUDIT_DUE_DAYS_MIN,
    DEFAULT_AUDIT_DUE_DAYS,
    DISMISSED_WARNING_KEY,
    THRESHOLDS_KEY,
    WARNING_RULE_KEY,
)
from cxjournal.journal.stakeholders import DueStakeholder
from cxjournal.store.reads import Connection, snapshot
from cxjournal.store.reads import audits as audit_reads
from cxjournal.store.reads import calendar as calendar_reads
from cxjournal.store.reads import rows as plain
from cxjournal.store.reads import settings as stored_settings
from cxjournal.store.reads import today as reads

if TYPE_CHECKING:
    from cxjournal.journal.core import Journal


@dataclass(frozen=True, slots=True)
class TodayMeetings:
    """What Today's meetings card shows."""

    has_calendar: bool
    meetings: tuple[Meeting, ...]


@dataclass(frozen=True, slots=True)
class LatestAudit:
    """The latest audit, analysed with the journal's thresholds."""

    analysis: Analysis
    #: days from the audit's date to today (0 on the day itself)
    age_days: int
    #: True when the audit is older than the "audit due" setting
    due: bool

    @property
    def audit_id(self) -> int:
        return self.analysis.audit.id if self.analysis.audit.id is not None else -1

    @property
    def taken_on(self) -> dt.date:
        return self.analysis.audit.taken_on


#: Today lists the follow-ups due up to this many days ahead ("Next 7 days").
FOLLOW_UP_HORIZON_DAYS = 7
#: how many follow-ups of each part (overdue, the next 7 days) Today lists; the others are
#: counted, not read, so the first paint costs the same however many are left undone
FOLLOW_UPS_LISTED = 8


@dataclass(frozen=True, slots=True)
class DueFollowUp:
    """An open follow-up overdue or due in the next seven days, with where it was written."""

    follow_up_id: int
    text: str
    due: dt.date
    note_id: int
    note_on: dt.date
    person_id: int | None
    person_name: str | None
    overdue: bool


@dataclass(frozen=True, slots=True)
class ExitPlanProgress:
    status: ExitStatus
    done: int
    total: int
    #: the first step not done yet, in checklist order
    next_step: str | None

    @property
    def shown(self) -> bool:
        """Today shows the plan while it is active or paused."""
        return self.status in (ExitStatus.ACTIVE, ExitStatus.PAUSED)


@dataclass(frozen=True, slots=True)
class JournalCounts:
    people: int
    audits: int
    #: whether any note is written (not how many: counting them would grow with the journal)
    has_notes: bool
    check_ins: int

    @property
    def empty(self) -> bool:
        return not (self.people or self.audits or self.has_notes or self.check_ins)


@dataclass(frozen=True)
class TodayOverview:
    today: dt.date
    #: the last day of this week (Sunday)
    week_end: dt.date
    counts: JournalCounts
    audit_due_days: int
    latest_audit: LatestAudit | None
    stakeholders: tuple[DueStakeholder, ...]
    #: open follow-ups not snoozed, as Today lists them: up to :data:`FOLLOW_UPS_LISTED`
    #: overdue ones, most recently due first, then up to as many due from today up to
    #: ``horizon``, soonest first (how many there are in all: the counts below)
    follow_ups: tuple[DueFollowUp, ...]
    resilience: ResilienceSummary
    exit_plan: ExitPlanProgress
    #: the last day of "Next 7 days": follow-ups due up to it are listed
    horizon: dt.date = dt.date.min
    #: open follow-ups due by ``horizon`` that are snoozed past today (not listed)
    snoozed_follow_ups: int = 0
    #: how many open follow-ups, not snoozed, are overdue / due from today to ``horizon``
    overdue_count: int = 0
    upcoming_count: int = 0

    @property
    def overdue_follow_ups(self) -> tuple[DueFollowUp, ...]:
        return tuple(f for f in self.follow_ups if f.overdue)

    @property
    def upcoming_follow_ups(self) -> tuple[DueFollowUp, ...]:
        return tuple(f for f in self.follow_ups if not f.overdue)

    @property
    def is_new(self) -> bool:
        """Nothing written yet: Today welcomes the user instead."""
        return self.counts.empty

    @property
    def audit_due(self) -> bool:
        """No audit yet, or the latest is older than the setting."""
        return self.latest_audit is None or self.latest_audit.due


def week_end(today: dt.date) -> dt.date:
    """The Sunday that ends ``today``'s week (``today`` itself on a Sunday)."""
    return today + dt.timedelta(days=6 - today.weekday())


def follow_up_horizon(today: dt.date) -> dt.date:
    """The last day of "Next 7 days": a follow-up due seven days from ``today`` is listed."""
    return today + dt.timedelta(days=FOLLOW_UP_HORIZON_DAYS)


class TodayOps:
    """Reads what the Today page shows. Headless; no Qt, no SQLAlchemy."""

    def __init__(self, journal: Journal) -> None:
        self._journal = journal

    def overview(self, today: dt.date) -> TodayOverview:
        with snapshot(self._journal.raw()) as conn:  # one snapshot for every read below
            return _overview(conn, today)

    def meetings(self, first: dt.date, last: dt.date) -> TodayMeetings:
        """The meetings card: whether a calendar is set up, and its meetings from ``first``
        to ``last`` (as ``CalendarOps.meetings``), in one snapshot."""
        with snapshot(self._journal.raw()) as conn:
            if not calendar_reads.sources(conn):
                return TodayMeetings(has_calendar=False, meetings=())
            return TodayMeetings(has_calendar=True, meetings=tuple(meetings_in(conn, first, last)))

    # -- the "audit due" setting ---------------------------------------------------------

    def audit_due_days(self) -> int:
        return values.audit_due_days(self._journal.settings.get(AUDIT_DUE_DAYS_KEY))

    def set_audit_due_days(self, days: int) -> None:
        """Store after how many days a new audit is due; refuses values out of range."""
        if isinstance(days, bool) or not isinstance(days, int):
            raise ValidationError([f"audit_due_days: {days!r} is not a whole number"])
        if not AUDIT_DUE_DAYS_MIN <= days <= AUDIT_DUE_DAYS_MAX:
            raise ValidationError(
                [
                    f"audit_due_days: {days} is not between {AUDIT_DUE_DAYS_MIN} "
                    f"and {AUDIT_DUE_DAYS_MAX}"
                ]
            )
        if days == DEFAULT_AUDIT_DUE_DAYS:
            self._journal.settings.delete(AUDIT_DUE_DAYS_KEY)
        else:
            self._journal.settings.set(AUDIT_DUE_DAYS_KEY, days)


# --------------------------------------------------------------------------- the reads

_KEYS = (THRESHOLDS_KEY, AUDIT_DUE_DAYS_KEY, WARNING_RULE_KEY, DISMISSED_WARNING_KEY)


def _overview(conn: Connection, today: dt.date) -> TodayOverview:
    settings = stored_settings.values(conn, _KEYS)
    thresholds = values.thresholds(settings.get(THRESHOLDS_KEY))
    due_days = values.audit_due_days(settings.get(AUDIT_DUE_DAYS_KEY))
    counts = JournalCounts(*reads.counts(conn))
    horizon = follow_up_horizon(today)
    follow_ups, overdue, coming, snoozed = (
        _follow_ups(conn, today, horizon) if counts.has_notes else ((), 0, 0, 0)
    )
    latest = _latest_audit(conn, thresholds, today, due_days) if counts.audits else None
    return TodayOverview(
        today=today,
        week_end=week_end(today),
        counts=counts,
        audit_due_days=due_days,
        latest_audit=latest,
        stakeholders=stakeholders.due(conn, today) if counts.people else (),
        follow_ups=follow_ups,
        resilience=summary(
            conn,
            today,
            values.warning_rule(settings.get(WARNING_RULE_KEY)),
            values.dismissed_warning(settings.get(DISMISSED_WARNING_KEY)),
            total=counts.check_ins,
        ),
        exit_plan=exit_plan_progress(conn),
        horizon=horizon,
        snoozed_follow_ups=snoozed,
        overdue_count=overdue,
        upcoming_count=coming,
    )


def _latest_audit(
    conn: Connection, thresholds: Thresholds, today: dt.date, due_days: int
) -> LatestAudit | None:
    audit = audit_reads.latest(conn)
    if audit is None:
        return None
    age = (today - audit.taken_on).days
    return LatestAudit(analysis=analyse(audit, thresholds), age_days=age, due=age > due_days)


def _follow_ups(conn: Connection, today: dt.date, horizon: dt.date) -> _FollowUps:
    """Open follow-ups due by ``horizon``: the listed ones (overdue most recently due first,
    then the coming ones soonest first), how many are overdue and coming, and how many are
    snoozed past ``today``."""
    overdue, coming, snoozed = reads.follow_up_counts(conn, today, horizon)
    if not overdue and not coming:
        return (), 0, 0, snoozed
    found = []
    for follow_up_id, text, due, note_id, note_on, person_id, name in reads.open_follow_ups(
        conn, today, horizon, FOLLOW_UPS_LISTED
    ):
        day = plain.day(due)
        found.append(
            DueFollowUp(
                follow_up_id=follow_up_id,
                text=text,
                due=day,
                note_id=note_id,
                note_on=plain.day(note_on),
                person_id=person_id,
                person_name=name,
                overdue=day < today,
            )
        )
    return tuple(found), overdue, coming, snoozed


_FollowUps = tuple[tuple[DueFollowUp, ...], int, int, int]


def exit_plan_progress(conn: Connection) -> ExitPlanProgress:
    """The exit plan's state and how many of its steps are done."""
    status, total, done, next_step = reads.exit_plan(conn)
    return ExitPlanProgress(
        status=ExitStatus(status) if status else ExitStatus.INACTIVE,
        total=total,
        done=done,
        next_step=next_step,
    )


__all__ = [
    "AUDIT_DUE_DAYS_KEY",
    "AUDIT_DUE_DAYS_MAX",
    "AUDIT_DUE_DAYS_MIN",
    "DEFAULT_AUDIT_DUE_DAYS",
    "FOLLOW_UPS_LISTED",
    "FOLLOW_UP_HORIZON_DAYS",
    "DueFollowUp",
    "ExitPlanProgress",
    "JournalCounts",
    "LatestAudit",
    "TodayOps",
    "TodayOverview",
    "follow_up_horizon",
    "week_end",
]
