"""Trends over the years: what every audit says, per person and per aspect, and resilience.

The Trends page draws from one :class:`Trends` value. It is built with two
queries: every audit joined with its ratings and their people (one row per
rating), and the check-ins as plain column tuples; weekly resilience averages
are grouped in SQL. The figures of each audit come from the domain's
:func:`~cxjournal.domain.power_audit.analyse`, so the chart says exactly what the
audit page and the reports say.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from cxjournal.domain.model import ASPECTS, REACH_DIMENSIONS, Aspects, Audit, Person, Rating
from cxjournal.domain.power_audit import (
    Alarm,
    Analysis,
    ContactKind,
    ReachFigure,
    Totals,
    analyse,
)
from cxjournal.domain.resilience import rolling_mean
from cxjournal.domain.thresholds import Thresholds
from cxjournal.store.mapping import person_from_row, rating_from_row
from cxjournal.store.models import AuditRow, PersonRow, RatingRow, ResilienceRow

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from cxjournal.journal.core import Journal

#: Window of the rolling resilience means, in calendar days.
ROLLING_DAYS = 7

RESILIENCE_METRICS: tuple[str, ...] = ("energy", "stress", "mood")


# --------------------------------------------------------------------------- values


@dataclass(frozen=True, slots=True)
class AuditPoint:
    """One audit on the time axis: its totals, reach and alarms.

    ``totals`` is ``None`` for an audit without ratings (it still has a date and
    may still ring ``blocking_superior``).
    """

    audit_id: int
    taken_on: dt.date
    count: int
    totals: Totals | None
    reach: Mapping[str, ReachFigure]
    alarms: tuple[Alarm, ...]

    def distinct(self, dimension: str) -> int:
        """How many different values of ``dimension`` the rated people have (0 when unknown)."""
        figure = self.reach.get(dimension)
        return figure.distinct if figure is not None else 0


@dataclass(frozen=True, slots=True)
class PersonPoint:
    """One person's rating in one audit, with both dependences."""

    audit_id: int
    taken_on: dt.date
    dependence_on_them: float
    their_dependence_on_me: float
    balance: float
    kind: ContactKind
    aspects: Aspects


@dataclass(frozen=True, slots=True)
class PersonSeries:
    """A person across the audits they appear in, oldest first."""

    person: Person
    points: tuple[PersonPoint, ...]

    @property
    def person_id(self) -> int:
        return self.person.id if self.person.id is not None else -1


@dataclass(frozen=True, slots=True)
class AspectPoint:
    """One aspect of value in one audit, over a chosen set of people.

    ``total`` sums the aspect over those who rated it; ``by_person`` names who
    gives it (value above 0), largest first, then by name. ``rated`` counts the
    people whose aspect was rated at all (0 included); with no one rated the
    point is a gap, not a zero.
    """

    audit_id: int
    taken_on: dt.date
    total: int
    rated: int
    by_person: tuple[tuple[Person, int], ...]


@dataclass(frozen=True, slots=True)
class WeekAverage:
    """Mean check-in figures of one ISO week (Monday ``week_start``)."""

    week_start: dt.date
    count: int
    energy: float
    stress: float
    mood: float


@dataclass(frozen=True, slots=True)
class ResilienceTrend:
    """Check-ins as parallel sequences, their rolling means and weekly averages.

    ``days`` are the dates with a check-in, oldest first; ``energy``, ``stress``
    and ``mood`` are the raw values on those days, and ``rolling[metric]`` the
    trailing ``rolling_days``-day mean on the same days.
    """

    days: tuple[dt.date, ...] = ()
    energy: tuple[int, ...] = ()
    stress: tuple[int, ...] = ()
    mood: tuple[int, ...] = ()
    rolling_days: int = ROLLING_DAYS
    rolling: Mapping[str, tuple[float, ...]] = field(default_factory=dict)
    weeks: tuple[WeekAverage, ...] = ()

    def __len__(self) -> int:
        return len(self.days)


@dataclass(frozen=True)
class Trends:
    """Everything the Trends page shows, oldest first."""

    thresholds: Thresholds
    audits: tuple[AuditPoint, ...]
    people: tuple[PersonSeries, ...]
    resilience: ResilienceTrend
    analyses: tuple[Analysis, ...] = field(default=(), repr=False)

    def person(self, person_id: int) -> PersonSeries | None:
        return next((s for s in self.people if s.person_id == person_id), None)

    def aspects(
        self, person_ids: Collection[int] | None = None
    ) -> dict[str, tuple[AspectPoint, ...]]:
        """Per aspect, one point per audit: what the chosen people (default: all) give."""
        return aspect_series(self.analyses, person_ids)

    def span(self) -> tuple[dt.date, dt.date] | None:
        """First and last date with an audit or a check-in; ``None`` for an empty journal."""
        dates = [a.taken_on for a in self.audits]
        if self.resilience.days:
            dates += [self.resilience.days[0], self.resilience.days[-1]]
        return (min(dates), max(dates)) if dates else None


# --------------------------------------------------------------------------- pure helpers


def audit_points(analyses: Iterable[Analysis]) -> tuple[AuditPoint, ...]:
    """One :class:`AuditPoint` per analysed audit, in the order given."""
    points: list[AuditPoint] = []
    for analysis in analyses:
        audit = analysis.audit
        points.append(
            AuditPoint(
                audit_id=audit.id if audit.id is not None else -1,
                taken_on=audit.taken_on,
                count=len(audit.ratings),
                totals=analysis.totals,
                reach=dict(analysis.reach),
                alarms=analysis.alarms,
            )
        )
    return tuple(points)


def person_series(analyses: Iterable[Analysis]) -> tuple[PersonSeries, ...]:
    """Every rated person with their points across audits, sorted by name."""
    people: dict[int, Person] = {}
    points: dict[int, list[PersonPoint]] = {}
    for analysis in analyses:
        audit = analysis.audit
        for contact in analysis.contacts:
            person = contact.person
            key = person.id if person.id is not None else -1
            people[key] = person
            points.setdefault(key, []).append(
                PersonPoint(
                    audit_id=audit.id if audit.id is not None else -1,
                    taken_on=audit.taken_on,
                    dependence_on_them=contact.dependence_on_them,
                    their_dependence_on_me=contact.their_dependence_on_me,
                    balance=contact.balance,
                    kind=contact.kind,
                    aspects=contact.rating.aspects,
                )
            )
    ordered = sorted(people, key=lambda k: (people[k].name.casefold(), k))
    return tuple(PersonSeries(people[k], tuple(points[k])) for k in ordered)


def aspect_series(
    analyses: Iterable[Analysis], person_ids: Collection[int] | None = None
) -> dict[str, tuple[AspectPoint, ...]]:
    """For each aspect (in ``ASPECTS`` order), one point per audit over the chosen people.

    ``person_ids`` ``None`` means everyone rated. An audit where none of the chosen
    people appears gives no point (the line has a gap there rather than a zero).
    """
    wanted = None if person_ids is None else set(person_ids)
    result: dict[str, list[AspectPoint]] = {name: [] for name in ASPECTS}
    for analysis in analyses:
        audit = analysis.audit
        ratings = [
            r
            for r in audit.ratings
            if wanted is None or (r.person.id is not None and r.person.id in wanted)
        ]
        if not ratings:
            continue
        for name in ASPECTS:
            result[name].append(_aspect_point(audit, ratings, name))
    return {name: tuple(points) for name, points in result.items()}


def _aspect_point(audit: Audit, ratings: Sequence[Rating], name: str) -> AspectPoint:
    values = [(r.person, getattr(r.aspects, name)) for r in ratings]
    rated = [(p, v) for p, v in values if v is not None]
    givers = sorted(
        ((p, v) for p, v in rated if v > 0), key=lambda pv: (-pv[1], pv[0].name.casefold())
    )
    return AspectPoint(
        audit_id=audit.id if audit.id is not None else -1,
        taken_on=audit.taken_on,
        total=sum(v for _, v in rated),
        rated=len(rated),
        by_person=tuple(givers),
    )


def resilience_trend(
    rows: Sequence[tuple[dt.date, int, int, int]],
    weeks: Sequence[WeekAverage] = (),
    rolling_days: int = ROLLING_DAYS,
) -> ResilienceTrend:
    """A :class:`ResilienceTrend` from ``(date, energy, stress, mood)`` rows sorted by date."""
    days = tuple(r[0] for r in rows)
    columns = {
        "energy": tuple(r[1] for r in rows),
        "stress": tuple(r[2] for r in rows),
        "mood": tuple(r[3] for r in rows),
    }
    rolling = {
        metric: tuple(
            mean for _, mean in rolling_mean(list(zip(days, values, strict=True)), rolling_days)
        )
        for metric, values in columns.items()
    }
    return ResilienceTrend(
        days=days,
        energy=columns["energy"],
        stress=columns["stress"],
        mood=columns["mood"],
        rolling_days=rolling_days,
        rolling=rolling,
        weeks=tuple(weeks),
    )


# --------------------------------------------------------------------------- operations


class TrendOps:
    """Reads what the Trends page draws. Headless; no Qt."""

    def __init__(self, journal: Journal) -> None:
        self._journal = journal

    def trends(
        self,
        start: dt.date | None = None,
        end: dt.date | None = None,
        rolling_days: int = ROLLING_DAYS,
    ) -> Trends:
        """Every audit's figures, every rated person's series and the resilience log.

        ``start`` and ``end`` (inclusive) limit the resilience log only: audits
        are few, and drawn whole so that zooming out never needs another query.
        """
        thresholds = self._journal.settings.thresholds()
        with self._journal.session() as session:
            audits = load_audits(session)
            rows, weeks = _resilience_rows(session, start, end)
        analyses = tuple(analyse(audit, thresholds) for audit in audits)
        return Trends(
            thresholds=thresholds,
            audits=audit_points(analyses),
            people=person_series(analyses),
            resilience=resilience_trend(rows, weeks, rolling_days),
            analyses=analyses,
        )

    def audits(self) -> tuple[AuditPoint, ...]:
        """Just the per-audit figures, oldest first."""
        thresholds = self._journal.settings.thresholds()
        with self._journal.session() as session:
            audits = load_audits(session)
        return audit_points(analyse(audit, thresholds) for audit in audits)

    def resilience(
        self,
        start: dt.date | None = None,
        end: dt.date | None = None,
        rolling_days: int = ROLLING_DAYS,
    ) -> ResilienceTrend:
        """Check-ins from ``start`` to ``end`` inclusive, with rolling and weekly means."""
        with self._journal.session() as session:
            rows, weeks = _resilience_rows(session, start, end)
        return resilience_trend(rows, weeks, rolling_days)


# --------------------------------------------------------------------------- queries


def load_audits(session: Session) -> list[Audit]:
    """Every audit with its ratings, oldest first, in a single query.

    One row per rating (an audit without ratings gives one row of nulls), with the
    rated person and the blocking superior joined in.
    """
    rated = aliased(PersonRow)
    blocker = aliased(PersonRow)
    query = (
        select(AuditRow, RatingRow, rated, blocker)
        .outerjoin(RatingRow, RatingRow.audit_id == AuditRow.id)
        .outerjoin(rated, rated.id == RatingRow.person_id)
        .outerjoin(blocker, blocker.id == AuditRow.blocking_superior_person_id)
        .order_by(AuditRow.taken_on, AuditRow.id, RatingRow.position, RatingRow.id)
    )
    people: dict[int, Person] = {}

    def person(row: PersonRow) -> Person:
        if row.id not in people:
            people[row.id] = person_from_row(row)
        return people[row.id]

    audits: list[Audit] = []
    current: AuditRow | None = None
    ratings: list[Rating] = []
    blocking: Person | None = None
    for audit_row, rating_row, person_row, blocker_row in session.execute(query):
        if current is None or audit_row.id != current.id:
            if current is not None:
                audits.append(_audit(current, ratings, blocking))
            current, ratings = audit_row, []
            blocking = person(blocker_row) if blocker_row is not None else None
        if rating_row is not None and person_row is not None:
            ratings.append(rating_from_row(rating_row, person(person_row)))
    if current is not None:
        audits.append(_audit(current, ratings, blocking))
    return audits


def _audit(row: AuditRow, ratings: list[Rating], blocker: Person | None) -> Audit:
    return Audit(
        id=row.id,
        taken_on=row.taken_on,
        note=row.note,
        blocking_superior=row.blocking_superior,
        blocking_superior_person=blocker,
        ratings=tuple(ratings),
    )


def _resilience_rows(
    session: Session, start: dt.date | None, end: dt.date | None
) -> tuple[list[tuple[dt.date, int, int, int]], list[WeekAverage]]:
    """Daily ``(date, energy, stress, mood)`` rows and weekly means grouped in SQL."""
    daily = select(
        ResilienceRow.on_date, ResilienceRow.energy, ResilienceRow.stress, ResilienceRow.mood
    )
    # SQLite: the Monday on or before the date ('weekday 0' is the next Sunday, or the day itself).
    monday = func.date(ResilienceRow.on_date, "weekday 0", "-6 days")
    weekly = select(
        monday,
        func.count(ResilienceRow.id),
        func.avg(ResilienceRow.energy),
        func.avg(ResilienceRow.stress),
        func.avg(ResilienceRow.mood),
    )
    conditions: list[Any] = []
    if start is not None:
        conditions.append(ResilienceRow.on_date >= start)
    if end is not None:
        conditions.append(ResilienceRow.on_date <= end)
    daily = daily.where(*conditions).order_by(ResilienceRow.on_date)
    weekly = weekly.where(*conditions).group_by(monday).order_by(monday)
    rows = [(_as_date(d), int(e), int(s), int(m)) for d, e, s, m in session.execute(daily)]
    weeks = [
        WeekAverage(_as_date(w), int(n), float(e), float(s), float(m))
        for w, n, e, s, m in session.execute(weekly)
    ]
    return rows, weeks


def _as_date(value: object) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


__all__ = [
    "REACH_DIMENSIONS",
    "RESILIENCE_METRICS",
    "ROLLING_DAYS",
    "AspectPoint",
    "AuditPoint",
    "PersonPoint",
    "PersonSeries",
    "ResilienceTrend",
    "TrendOps",
    "Trends",
    "WeekAverage",
    "aspect_series",
    "audit_points",
    "load_audits",
    "person_series",
    "resilience_trend",
]
