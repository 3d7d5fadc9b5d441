"""What the Today page shows, read in one call: the start-up path, without SQLAlchemy.

``journal.today.overview(today)`` gathers the latest audit's alarm bells (and
whether a new audit is due), the stakeholders whose update is due, the
follow-ups due this week or overdue, the resilience summary and the exit plan's
progress. Today is the first page painted, and importing SQLAlchemy costs more
than the whole page, so these reads go through the journal's plain DB-API
connection (:meth:`Journal.raw`), in one read transaction of ten small queries
that aggregate in SQL. Every figure comes from the same domain functions as the
other areas' operations (``analyse``, ``next_due``, ``early_warning``,
``consistency``); the tests check the results against those operations.

Writes (the "audit due" setting) go through the settings operations as usual.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from cxjournal.domain.cadence import CONTACT_KINDS, DueStatus, due_status, next_due
from cxjournal.domain.errors import ValidationError
from cxjournal.domain.model import (
    ExitStatus,
    Person,
    ResilienceEntry,
)
from cxjournal.domain.power_audit import Analysis, analyse
from cxjournal.domain.resilience import (
    Consistency,
    EarlyWarning,
    WarningRule,
    consistency,
    early_warning,
)
from cxjournal.domain.thresholds import Thresholds
from cxjournal.journal import today_rows as plain

if TYPE_CHECKING:
    from cxjournal.journal.core import Journal

#: Setting: days after which the latest audit is old and a new one is due.
AUDIT_DUE_DAYS_KEY = "today.audit_due_days"
DEFAULT_AUDIT_DUE_DAYS = 90
AUDIT_DUE_DAYS_MIN, AUDIT_DUE_DAYS_MAX = 7, 366

# The other areas' settings keys, repeated here so that this module imports no
# SQLAlchemy; tests/journal/test_today.py checks they stay the same.
THRESHOLDS_KEY = "thresholds"
WARNING_RULE_KEY = "resilience.warning_rule"
DISMISSED_WARNING_KEY = "resilience.dismissed_warning"

#: Days of check-ins the resilience part carries (the sparkline).
RECENT_DAYS = 14
#: How far back the early warning may look for the start of a shift, plus a margin
#: (as ``journal.resilience``).
WARNING_LOOKBACK_DAYS = 366 + 7


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


@dataclass(frozen=True, slots=True)
class StakeholderDue:
    """A stakeholder whose update is due (as ``journal.people.due`` gives it)."""

    person: Person
    last_contact: dt.date | None
    due: dt.date | None
    status: DueStatus


#: Today lists the follow-ups due up to this many days ahead ("Next 7 days").
FOLLOW_UP_HORIZON_DAYS = 7


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
class ResilienceToday:
    """The resilience log as Today shows it (as ``journal.resilience.summary`` gives it).

    ``recent`` holds the check-ins of the last ``RECENT_DAYS`` days, oldest first;
    ``warning`` is the early warning unless the user dismissed it.
    """

    today: dt.date
    today_entry: ResilienceEntry | None
    latest: ResilienceEntry | None
    recent: tuple[ResilienceEntry, ...]
    warning: EarlyWarning | None
    consistency: Consistency
    total: int


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
    notes: int
    check_ins: int

    @property
    def empty(self) -> bool:
        return not (self.people or self.audits or self.notes or self.check_ins)


@dataclass(frozen=True)
class TodayOverview:
    today: dt.date
    #: the last day of this week (Sunday)
    week_end: dt.date
    counts: JournalCounts
    audit_due_days: int
    latest_audit: LatestAudit | None
    stakeholders: tuple[StakeholderDue, ...]
    #: open follow-ups not snoozed: the overdue ones, most recently due first, then those
    #: due from today up to ``horizon``, soonest first
    follow_ups: tuple[DueFollowUp, ...]
    resilience: ResilienceToday
    exit_plan: ExitPlanProgress
    #: the last day of "Next 7 days": follow-ups due up to it are listed
    horizon: dt.date = dt.date.min
    #: open follow-ups due by ``horizon`` that are snoozed past today (not listed)
    snoozed_follow_ups: int = 0

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
        conn = self._journal.raw()
        conn.execute("BEGIN")  # one snapshot for every read below
        try:
            return _overview(conn, today)
        finally:
            conn.execute("ROLLBACK")

    # -- the "audit due" setting ---------------------------------------------------------

    def audit_due_days(self) -> int:
        return _due_days(self._journal.settings.get(AUDIT_DUE_DAYS_KEY))

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


def _overview(conn: Any, today: dt.date) -> TodayOverview:
    settings = _settings(conn)
    thresholds = _thresholds(settings.get(THRESHOLDS_KEY))
    due_days = _due_days(settings.get(AUDIT_DUE_DAYS_KEY))
    counts = _counts(conn)
    end = week_end(today)
    horizon = follow_up_horizon(today)
    follow_ups, snoozed = _follow_ups(conn, today, horizon) if counts.notes else ((), 0)
    return TodayOverview(
        today=today,
        week_end=end,
        counts=counts,
        audit_due_days=due_days,
        latest_audit=_latest_audit(conn, thresholds, today, due_days) if counts.audits else None,
        stakeholders=_stakeholders(conn, today) if counts.people else (),
        follow_ups=follow_ups,
        resilience=_resilience(conn, today, settings, counts.check_ins),
        exit_plan=_exit_plan(conn),
        horizon=horizon,
        snoozed_follow_ups=snoozed,
    )


def _settings(conn: Any) -> dict[str, Any]:
    keys = (THRESHOLDS_KEY, AUDIT_DUE_DAYS_KEY, WARNING_RULE_KEY, DISMISSED_WARNING_KEY)
    rows = conn.execute(
        f"SELECT key, value FROM settings WHERE key IN ({', '.join('?' * len(keys))})", keys
    )
    found: dict[str, Any] = {}
    for key, value in rows:
        try:
            found[key] = json.loads(value)
        except ValueError:
            continue
    return found


def _thresholds(stored: object) -> Thresholds:
    try:
        return Thresholds.from_mapping(stored if isinstance(stored, dict) else {})
    except ValidationError:
        return Thresholds()


def _due_days(stored: object) -> int:
    if (
        isinstance(stored, int)
        and not isinstance(stored, bool)
        and AUDIT_DUE_DAYS_MIN <= stored <= AUDIT_DUE_DAYS_MAX
    ):
        return stored
    return DEFAULT_AUDIT_DUE_DAYS


def _counts(conn: Any) -> JournalCounts:
    row = conn.execute(
        "SELECT (SELECT count(*) FROM people), (SELECT count(*) FROM audits), "
        "(SELECT count(*) FROM notes), (SELECT count(*) FROM resilience)"
    ).fetchone()
    return JournalCounts(int(row[0]), int(row[1]), int(row[2]), int(row[3]))


def _latest_audit(
    conn: Any, thresholds: Thresholds, today: dt.date, due_days: int
) -> LatestAudit | None:
    audit = plain.latest_audit(conn)
    if audit is None:
        return None
    age = (today - audit.taken_on).days
    return LatestAudit(analysis=analyse(audit, thresholds), age_days=age, due=age > due_days)


def _stakeholders(conn: Any, today: dt.date) -> tuple[StakeholderDue, ...]:
    """People with a cadence (not archived) whose update is due by ``today``, most overdue
    first; the latest contact of each is aggregated in SQL."""
    kinds = sorted(kind.value for kind in CONTACT_KINDS)
    rows = conn.execute(
        f"SELECT {plain.person_columns('p')}, c.last_contact FROM people AS p "
        "LEFT JOIN (SELECT person_id, max(on_date) AS last_contact FROM notes "
        f"WHERE person_id IS NOT NULL AND kind IN ({', '.join('?' * len(kinds))}) "
        "GROUP BY person_id) AS c ON c.person_id = p.id "
        "WHERE p.archived = 0 AND p.cadence_days IS NOT NULL",
        kinds,
    )
    found: list[StakeholderDue] = []
    for row in rows:
        person = plain.person(row[: plain.PERSON_WIDTH])
        last = plain.day(row[plain.PERSON_WIDTH]) if row[plain.PERSON_WIDTH] else None
        due = next_due(person.cadence_days, last, today)
        if due is not None and due <= today:
            found.append(StakeholderDue(person, last, due, due_status(due, today)))
    found.sort(key=lambda s: (s.due or today, s.person.name.casefold(), s.person.id or 0))
    return tuple(found)


def _follow_ups(conn: Any, today: dt.date, horizon: dt.date) -> tuple[tuple[DueFollowUp, ...], int]:
    """Open follow-ups due by ``horizon``: the listed ones (overdue most recently due first,
    then the coming ones soonest first) and how many are snoozed past ``today``."""
    rows = conn.execute(
        "SELECT f.id, f.text, f.due, n.id, n.on_date, n.person_id, p.name, f.snoozed_until "
        "FROM follow_ups AS f JOIN notes AS n ON n.id = f.note_id "
        "LEFT JOIN people AS p ON p.id = n.person_id "
        "WHERE f.done = 0 AND f.due IS NOT NULL AND f.due <= ? "
        "ORDER BY f.due < ? DESC, "
        "CASE WHEN f.due < ? THEN f.due END DESC, f.due, n.on_date, f.position, f.id",
        (horizon.isoformat(), today.isoformat(), today.isoformat()),
    )
    found = []
    snoozed = 0
    for follow_up_id, text, due, note_id, note_on, person_id, name, until in rows:
        if until is not None and plain.day(until) > today:
            snoozed += 1
            continue
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
    return tuple(found), snoozed


def _warning_rule(stored: object) -> WarningRule:
    try:
        return WarningRule.from_mapping(stored if isinstance(stored, dict) else {})
    except ValidationError:
        return WarningRule()


def _resilience(conn: Any, today: dt.date, settings: dict[str, Any], total: int) -> ResilienceToday:
    """Today's check-in, the last two weeks, the warning (unless dismissed), the regularity.

    Reads only the weeks the warning rule can look at; the regularity reads every
    date only when the current run of check-ins reaches back beyond them.
    """
    rule = _warning_rule(settings.get(WARNING_RULE_KEY))
    if not total:
        return ResilienceToday(today, None, None, (), None, consistency([], today), 0)
    reach = today - dt.timedelta(days=WARNING_LOOKBACK_DAYS + rule.recent_days + rule.earlier_days)
    entries = [
        plain.entry(row)
        for row in conn.execute(
            f"SELECT {plain.ENTRY_COLUMNS} FROM resilience WHERE on_date >= ? AND on_date <= ? "
            "ORDER BY on_date",
            (reach.isoformat(), today.isoformat()),
        )
    ]
    dates = [e.on for e in entries]
    regularity = consistency(dates, today)
    if dates and regularity.current_run == len(dates):  # the run may go on further back
        every = conn.execute(
            "SELECT on_date FROM resilience WHERE on_date <= ? ORDER BY on_date",
            (today.isoformat(),),
        )
        regularity = consistency([plain.day(d) for (d,) in every], today)
    latest = entries[-1] if entries else None
    if latest is None:
        row = conn.execute(
            f"SELECT {plain.ENTRY_COLUMNS} FROM resilience WHERE on_date < ? "
            "ORDER BY on_date DESC LIMIT 1",
            (today.isoformat(),),
        ).fetchone()
        latest = plain.entry(row) if row else None
    warning = early_warning(entries, today, rule)
    dismissed = settings.get(DISMISSED_WARNING_KEY)
    if warning is not None and warning.key == dismissed:
        warning = None
    first_recent = today - dt.timedelta(days=RECENT_DAYS - 1)
    return ResilienceToday(
        today=today,
        today_entry=entries[-1] if entries and entries[-1].on == today else None,
        latest=latest,
        recent=tuple(e for e in entries if e.on >= first_recent),
        warning=warning,
        consistency=regularity,
        total=total,
    )


def _exit_plan(conn: Any) -> ExitPlanProgress:
    row = conn.execute(
        "SELECT (SELECT status FROM exit_plan WHERE id = 1), "
        "(SELECT count(*) FROM exit_items), "
        "(SELECT count(*) FROM exit_items WHERE done = 1), "
        "(SELECT text FROM exit_items WHERE done = 0 ORDER BY position, id LIMIT 1)"
    ).fetchone()
    return ExitPlanProgress(
        status=ExitStatus(row[0]) if row[0] else ExitStatus.INACTIVE,
        total=int(row[1] or 0),
        done=int(row[2] or 0),
        next_step=row[3],
    )


__all__ = [
    "AUDIT_DUE_DAYS_KEY",
    "DEFAULT_AUDIT_DUE_DAYS",
    "FOLLOW_UP_HORIZON_DAYS",
    "DueFollowUp",
    "ExitPlanProgress",
    "JournalCounts",
    "LatestAudit",
    "ResilienceToday",
    "StakeholderDue",
    "TodayOps",
    "TodayOverview",
    "follow_up_horizon",
    "week_end",
]
