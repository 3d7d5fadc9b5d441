"""The Trends page's two reads: every audit with its ratings, and the check-ins with
their rolling and weekly means, each aggregated in SQL.

Kept apart from :mod:`cxjournal.journal.trends` (the values and the operations) so
that each module stays short.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import select, text
from sqlalchemy.orm import aliased

from cxjournal.domain.model import (
    Audit,
    Person,
    Rating,
)
from cxjournal.domain.ties import tie_indexes
from cxjournal.store import records
from cxjournal.store.mapping import orm_columns
from cxjournal.store.models import AuditRow, AuditTieRow, PersonRow, RatingRow

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from cxjournal.journal.trends import DailyRow, WeekAverage


def _person_columns(table: Any) -> list[Any]:
    return orm_columns(records.PERSON, table)


_PERSON_WIDTH = records.width(records.PERSON, stored_only=True)
_RATING_COLUMNS = (
    *orm_columns(records.RATING, RatingRow),
    *(getattr(RatingRow, f.name) for f in records.ASPECTS_RECORD.fields),
)


def _person(values: Sequence[Any]) -> Person:
    found: Person = records.from_row(records.PERSON, values, stored_only=True)
    return found


def load_audits(session: Session, *where: Any) -> list[Audit]:
    """Every audit with its ratings and ties, oldest first, in two queries of plain columns.

    One row per rating (an audit without ratings gives one row of nulls), with the
    rated person and the blocking superior joined in; then every tie of those
    audits. ``where`` conditions (on ``AuditRow``) narrow the audits read.
    """
    rated = aliased(PersonRow)
    blocker = aliased(PersonRow)
    query = (
        select(
            AuditRow.id,
            AuditRow.taken_on,
            AuditRow.note,
            AuditRow.blocking_superior,
            AuditRow.ties_recorded,
            *_RATING_COLUMNS,
            *_person_columns(rated),
            *_person_columns(blocker),
        )
        .outerjoin(RatingRow, RatingRow.audit_id == AuditRow.id)
        .outerjoin(rated, rated.id == RatingRow.person_id)
        .outerjoin(blocker, blocker.id == AuditRow.blocking_superior_person_id)
        .where(*where)
        .order_by(AuditRow.taken_on, AuditRow.id, RatingRow.position, RatingRow.id)
    )
    pairs: dict[int, list[tuple[int, int]]] = {}
    tie_query = (
        select(AuditTieRow.audit_id, AuditTieRow.person_a, AuditTieRow.person_b)
        .join(AuditRow, AuditRow.id == AuditTieRow.audit_id)
        .where(*where)
    )
    for audit_id, person_a, person_b in session.execute(tie_query):
        pairs.setdefault(audit_id, []).append((person_a, person_b))
    people: dict[int, Person] = {}

    def person(values: Sequence[Any]) -> Person:
        found = people.get(values[0])
        if found is None:
            found = people[values[0]] = _person(values)
        return found

    audits: list[Audit] = []
    head: tuple[Any, ...] | None = None
    ratings: list[Rating] = []
    blocking: Person | None = None
    r0 = 5
    p0 = r0 + len(_RATING_COLUMNS)
    b0 = p0 + _PERSON_WIDTH
    for row in session.execute(query):
        if head is None or row[0] != head[0]:
            if head is not None:
                audits.append(_audit(head, ratings, blocking, pairs))
            head, ratings = tuple(row[:r0]), []
            blocking = person(row[b0:]) if row[b0] is not None else None
        if row[r0] is not None:
            a0 = r0 + records.width(records.RATING)
            aspects = records.from_row(records.ASPECTS_RECORD, row[a0:p0])
            ratings.append(
                records.from_row(
                    records.RATING, row[r0:a0], person=person(row[p0:b0]), aspects=aspects
                )
            )
    if head is not None:
        audits.append(_audit(head, ratings, blocking, pairs))
    return audits


def _audit(
    head: tuple[Any, ...],
    ratings: list[Rating],
    blocker: Person | None,
    pairs: dict[int, list[tuple[int, int]]],
) -> Audit:
    audit_id, taken_on, note, blocking_superior, ties_recorded = head
    rated = [r.person.id or 0 for r in ratings]
    return Audit(
        id=audit_id,
        taken_on=taken_on,
        note=note,
        blocking_superior=blocking_superior,
        blocking_superior_person=blocker,
        ratings=tuple(ratings),
        ties=tie_indexes(rated, pairs.get(audit_id, ())),
        ties_recorded=bool(ties_recorded),
    )


_DAILY_SQL = """
SELECT on_date, energy, stress, mood, rolling_energy, rolling_stress, rolling_mood
FROM (
    SELECT on_date, energy, stress, mood,
           avg(energy) OVER w AS rolling_energy,
           avg(stress) OVER w AS rolling_stress,
           avg(mood) OVER w AS rolling_mood
    FROM resilience
    WHERE on_date >= :reach_back AND on_date <= :last
    WINDOW w AS (ORDER BY julianday(on_date) RANGE BETWEEN {back} PRECEDING AND CURRENT ROW)
)
WHERE on_date >= :first
ORDER BY on_date
"""

# SQLite: the Monday on or before a date ('weekday 0' is the next Sunday, or the day itself).
_WEEKLY_SQL = """
SELECT date(on_date, 'weekday 0', '-6 days') AS week, count(*), avg(energy), avg(stress), avg(mood)
FROM resilience
WHERE on_date >= :first AND on_date <= :last
GROUP BY week
ORDER BY week
"""


def resilience_rows(
    session: Session, start: dt.date | None, end: dt.date | None, rolling_days: int
) -> tuple[list[DailyRow], list[WeekAverage]]:
    """Daily rows with their rolling means, and weekly means, all computed in SQL.

    The rolling mean is a window over calendar days (``RANGE`` on the Julian day), so
    it is exactly ``domain.resilience.rolling_mean``: a missed day is simply absent.
    Its window reaches back before ``start`` so the first days in range are complete.
    Plain SQL and ISO dates: on ten years of check-ins this is several times faster
    than letting the ORM convert every value.
    """
    if isinstance(rolling_days, bool) or not isinstance(rolling_days, int) or rolling_days < 1:
        raise ValueError(f"rolling_days must be a whole number of at least 1, not {rolling_days}")
    first = (start or dt.date.min).isoformat()
    last = (end or dt.date.max).isoformat()
    reach_back = (
        (start - dt.timedelta(days=rolling_days - 1)).isoformat() if start is not None else first
    )
    daily = session.execute(
        text(_DAILY_SQL.format(back=rolling_days - 1)),
        {"reach_back": reach_back, "first": first, "last": last},
    )
    day = dt.date.fromisoformat
    rows: list[DailyRow] = [(day(d[:10]), e, s, m, re, rs, rm) for d, e, s, m, re, rs, rm in daily]
    weekly = session.execute(text(_WEEKLY_SQL), {"first": first, "last": last})
    from cxjournal.journal.trends import WeekAverage

    weeks = [WeekAverage(day(w), n, e, s, m) for w, n, e, s, m in weekly]
    return rows, weeks


def _as_date(value: object) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])
