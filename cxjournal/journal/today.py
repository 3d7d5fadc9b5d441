"""What the Today page shows, read in one call and a handful of queries.

``journal.today.overview(today)`` gathers the latest audit's alarm bells (and
whether a new audit is due), the stakeholders whose update is due, the
follow-ups due this week or overdue, the resilience summary and the exit plan's
progress. The journal's own queries run in one transaction; the stakeholder
cadence and the resilience summary come from their areas' operations, which
aggregate in SQL themselves.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from cxjournal.domain.errors import ValidationError
from cxjournal.domain.model import ExitStatus
from cxjournal.domain.power_audit import Analysis, analyse
from cxjournal.domain.thresholds import Thresholds
from cxjournal.journal.settings import THRESHOLDS_KEY
from cxjournal.journal.trends import load_audits
from cxjournal.store.models import (
    AuditRow,
    ExitItemRow,
    ExitPlanRow,
    FollowUpRow,
    NoteRow,
    PersonRow,
    ResilienceRow,
    SettingRow,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from cxjournal.journal.core import Journal
    from cxjournal.journal.people import DueStakeholder
    from cxjournal.journal.resilience import ResilienceSummary

#: Setting: days after which the latest audit is old and a new one is due.
AUDIT_DUE_DAYS_KEY = "today.audit_due_days"
DEFAULT_AUDIT_DUE_DAYS = 90
AUDIT_DUE_DAYS_MIN, AUDIT_DUE_DAYS_MAX = 7, 366


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
class DueFollowUp:
    """An open follow-up due by the end of this week, with where it was written."""

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
    notes: int
    check_ins: int

    @property
    def empty(self) -> bool:
        return not (self.people or self.audits or self.notes or self.check_ins)


@dataclass(frozen=True)
class TodayOverview:
    today: dt.date
    #: the last day of this week (Sunday): follow-ups due up to it are listed
    week_end: dt.date
    counts: JournalCounts
    audit_due_days: int
    latest_audit: LatestAudit | None
    stakeholders: tuple[DueStakeholder, ...]
    follow_ups: tuple[DueFollowUp, ...]
    resilience: ResilienceSummary
    exit_plan: ExitPlanProgress

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


class TodayOps:
    """Reads what the Today page shows. Headless; no Qt."""

    def __init__(self, journal: Journal) -> None:
        self._journal = journal

    def overview(self, today: dt.date) -> TodayOverview:
        end = week_end(today)
        with self._journal.session() as session:
            settings = _settings(session, (THRESHOLDS_KEY, AUDIT_DUE_DAYS_KEY))
            thresholds = _thresholds(settings.get(THRESHOLDS_KEY))
            due_days = _due_days(settings.get(AUDIT_DUE_DAYS_KEY))
            counts = _counts(session)
            latest = _latest_audit(session, thresholds, today, due_days) if counts.audits else None
            follow_ups = _follow_ups(session, today, end) if counts.notes else ()
            exit_plan = _exit_plan(session)
        stakeholders = tuple(self._journal.people.due(today)) if counts.people else ()
        return TodayOverview(
            today=today,
            week_end=end,
            counts=counts,
            audit_due_days=due_days,
            latest_audit=latest,
            stakeholders=stakeholders,
            follow_ups=follow_ups,
            resilience=self._journal.resilience.summary(today),
            exit_plan=exit_plan,
        )

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


# --------------------------------------------------------------------------- queries


def _settings(session: Session, keys: tuple[str, ...]) -> dict[str, Any]:
    rows = session.execute(select(SettingRow.key, SettingRow.value).where(SettingRow.key.in_(keys)))
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


def _counts(session: Session) -> JournalCounts:
    def count(model: Any) -> Any:
        return select(func.count()).select_from(model).scalar_subquery()

    people, audits, notes, check_ins = session.execute(
        select(count(PersonRow), count(AuditRow), count(NoteRow), count(ResilienceRow))
    ).one()
    return JournalCounts(int(people), int(audits), int(notes), int(check_ins))


def _latest_audit(
    session: Session, thresholds: Thresholds, today: dt.date, due_days: int
) -> LatestAudit | None:
    latest_id = (
        select(AuditRow.id)
        .order_by(AuditRow.taken_on.desc(), AuditRow.id.desc())
        .limit(1)
        .scalar_subquery()
    )
    audits = load_audits(session, AuditRow.id == latest_id)
    if not audits:
        return None
    audit = audits[0]
    age = (today - audit.taken_on).days
    return LatestAudit(analysis=analyse(audit, thresholds), age_days=age, due=age > due_days)


def _follow_ups(session: Session, today: dt.date, end: dt.date) -> tuple[DueFollowUp, ...]:
    query = (
        select(
            FollowUpRow.id,
            FollowUpRow.text,
            FollowUpRow.due,
            NoteRow.id,
            NoteRow.on_date,
            NoteRow.person_id,
            PersonRow.name,
        )
        .join(NoteRow, NoteRow.id == FollowUpRow.note_id)
        .outerjoin(PersonRow, PersonRow.id == NoteRow.person_id)
        .where(FollowUpRow.done.is_(False), FollowUpRow.due.is_not(None), FollowUpRow.due <= end)
        .order_by(FollowUpRow.due, NoteRow.on_date, FollowUpRow.position, FollowUpRow.id)
    )
    found: list[DueFollowUp] = []
    for fid, text, due, note_id, note_on, person_id, name in session.execute(query):
        if due is None:  # excluded by the query; this keeps the type checker informed
            continue
        found.append(
            DueFollowUp(
                follow_up_id=fid,
                text=text,
                due=due,
                note_id=note_id,
                note_on=note_on,
                person_id=person_id,
                person_name=name,
                overdue=due < today,
            )
        )
    return tuple(found)


def _exit_plan(session: Session) -> ExitPlanProgress:
    total = select(func.count(ExitItemRow.id)).scalar_subquery()
    done = select(func.count(ExitItemRow.id)).where(ExitItemRow.done.is_(True)).scalar_subquery()
    next_step = (
        select(ExitItemRow.text)
        .where(ExitItemRow.done.is_(False))
        .order_by(ExitItemRow.position, ExitItemRow.id)
        .limit(1)
        .scalar_subquery()
    )
    status = select(ExitPlanRow.status).where(ExitPlanRow.id == 1).scalar_subquery()
    row = session.execute(select(status, total, done, next_step)).one()
    return ExitPlanProgress(
        status=ExitStatus(row[0]) if row[0] else ExitStatus.INACTIVE,
        total=int(row[1] or 0),
        done=int(row[2] or 0),
        next_step=row[3],
    )


__all__ = [
    "AUDIT_DUE_DAYS_KEY",
    "DEFAULT_AUDIT_DUE_DAYS",
    "DueFollowUp",
    "ExitPlanProgress",
    "JournalCounts",
    "LatestAudit",
    "TodayOps",
    "TodayOverview",
    "week_end",
]
