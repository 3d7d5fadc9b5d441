"""Trends over the years: what every audit says, per person and per aspect, and resilience.

The Trends page draws from one :class:`Trends` value. It is built with the reads
of :mod:`cxjournal.store.reads`: every audit joined with its ratings and their
people in one query, and the check-ins with their rolling and weekly means
computed in SQL. The figures of each audit come from the domain's
:func:`~cxjournal.domain.power_audit.analyse`, so the chart says exactly what the
audit page and the reports say.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from cxjournal.domain.model import ASPECTS, REACH_DIMENSIONS, Aspects, Audit, Person, Rating
from cxjournal.domain.network import NetworkFigures
from cxjournal.domain.power_audit import (
    Alarm,
    Analysis,
    ContactKind,
    ReachFigure,
    Totals,
    analyse,
)
from cxjournal.domain.thresholds import Thresholds
from cxjournal.store.reads import Connection
from cxjournal.store.reads import audits as audit_reads
from cxjournal.store.reads import resilience as resilience_reads
from cxjournal.store.reads import revisions as revision_reads

if TYPE_CHECKING:
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
    #: Who knows whom (network.md); ``None`` when the audit records no ties.
    network: NetworkFigures | None = None

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
    #: None for a week of mood-only check-ins
    energy: float | None
    stress: float | None
    mood: float


@dataclass(frozen=True, slots=True)
class ResilienceTrend:
    """Check-ins as parallel sequences, their rolling means and weekly averages.

    ``days`` are the dates with a check-in, oldest first; ``energy``, ``stress``
    and ``mood`` are the raw values on those days (energy and stress None on a
    mood-only check-in), and ``rolling[metric]`` the trailing ``rolling_days``-day
    mean on the same days (None where the window holds no value of that metric).
    """

    days: tuple[dt.date, ...] = ()
    energy: tuple[int | None, ...] = ()
    stress: tuple[int | None, ...] = ()
    mood: tuple[int, ...] = ()
    rolling_days: int = ROLLING_DAYS
    rolling: Mapping[str, tuple[float | None, ...]] = field(default_factory=dict)
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
    #: the analyses behind ``audits`` and ``people`` (not compared: they say the same)
    analyses: tuple[Analysis, ...] = field(default=(), repr=False, compare=False)

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
                network=analysis.network,
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


#: A check-in as the Trends page reads it: date, energy, stress, mood, and the three
#: trailing rolling means on that date (energy and stress None when not recorded:
#: a mood-only check-in, or no such check-in in the window).
DailyRow = tuple[dt.date, int | None, int | None, int, float | None, float | None, float]


def resilience_trend(
    rows: Sequence[DailyRow],
    weeks: Sequence[WeekAverage] = (),
    rolling_days: int = ROLLING_DAYS,
) -> ResilienceTrend:
    """A :class:`ResilienceTrend` from :data:`DailyRow` rows sorted by date."""
    columns = list(zip(*rows, strict=True)) if rows else [()] * 7
    return ResilienceTrend(
        days=tuple(columns[0]),
        energy=tuple(columns[1]),
        stress=tuple(columns[2]),
        mood=tuple(columns[3]),
        rolling_days=rolling_days,
        rolling={
            "energy": tuple(columns[4]),
            "stress": tuple(columns[5]),
            "mood": tuple(columns[6]),
        },
        weeks=tuple(weeks),
    )


# --------------------------------------------------------------------------- operations


class TrendOps:
    """Reads what the Trends page draws. Headless; no Qt.

    It remembers the analyses of the audits it last read: an audit that has not
    changed (same content, same thresholds) is not analysed again on the next read.
    It also remembers the last :class:`Trends` it read, with the revisions of the
    tables behind it (``store.reads.revisions``): while none of them has changed and
    the thresholds and the range are the same, that value is what the journal holds,
    and it is given again without reading the audits and check-ins once more.
    """

    def __init__(self, journal: Journal) -> None:
        self._journal = journal
        self._analysed: dict[tuple[Audit, Thresholds], Analysis] = {}
        self._kept: tuple[tuple[object, ...], Trends] | None = None
        self._lock = threading.Lock()

    def _analyse(self, audits: Iterable[Audit], thresholds: Thresholds) -> tuple[Analysis, ...]:
        kept: dict[tuple[Audit, Thresholds], Analysis] = {}
        for audit in audits:
            key = (audit, thresholds)
            kept[key] = self._analysed.get(key) or analyse(audit, thresholds)
        self._analysed = kept
        return tuple(kept.values())

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
        with self._journal.reading() as conn:
            # read in the same transaction as the rows, so the key says what they are
            key = (revision_reads.of(conn), thresholds, start, end, rolling_days)
            kept = self._kept
            if kept is not None and kept[0] == key:
                return kept[1]
            audits = audit_reads.load(conn)
            rows, weeks = _resilience_rows(conn, start, end, rolling_days)
        with self._lock:  # a read on a worker thread and one on the GUI thread
            analyses = self._analyse(audits, thresholds)
        trends = Trends(
            thresholds=thresholds,
            audits=audit_points(analyses),
            people=person_series(analyses),
            resilience=resilience_trend(rows, weeks, rolling_days),
            analyses=analyses,
        )
        self._kept = (key, trends)
        return trends

    def audits(self) -> tuple[AuditPoint, ...]:
        """Just the per-audit figures, oldest first."""
        thresholds = self._journal.settings.thresholds()
        with self._journal.reading() as conn:
            audits = audit_reads.load(conn)
        with self._lock:
            return audit_points(self._analyse(audits, thresholds))

    def resilience(
        self,
        start: dt.date | None = None,
        end: dt.date | None = None,
        rolling_days: int = ROLLING_DAYS,
    ) -> ResilienceTrend:
        """Check-ins from ``start`` to ``end`` inclusive, with rolling and weekly means."""
        with self._journal.reading() as conn:
            rows, weeks = _resilience_rows(conn, start, end, rolling_days)
        return resilience_trend(rows, weeks, rolling_days)


def _resilience_rows(
    conn: Connection, start: dt.date | None, end: dt.date | None, rolling_days: int
) -> tuple[list[DailyRow], list[WeekAverage]]:
    """Daily rows with their rolling means, and weekly means, all computed in SQL
    (``store.reads.resilience``)."""
    rows = resilience_reads.daily_means(conn, start, end, rolling_days)
    weeks = [WeekAverage(*week) for week in resilience_reads.weekly_means(conn, start, end)]
    return rows, weeks


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
    "person_series",
    "resilience_trend",
]
