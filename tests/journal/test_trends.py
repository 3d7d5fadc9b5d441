"""Trends: per-audit figures, per-person and per-aspect series, resilience averages."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import pytest
from sqlalchemy import event

from cxjournal.domain.model import Aspects, Audit, Person, Rating, ResilienceEntry
from cxjournal.domain.power_audit import AlarmCode, analyse
from cxjournal.domain.resilience import rolling_mean
from cxjournal.domain.thresholds import Thresholds
from cxjournal.journal.trends import TrendOps
from cxjournal.store.reads import audits as audit_reads

if TYPE_CHECKING:
    from cxjournal.journal import Journal

D = dt.date


def rating(person: Person, v: int, i: int, mv: int, mi: int, **aspects: int | None) -> Rating:
    return Rating(person, v, i, mv, mi, Aspects(**aspects))


@contextmanager
def counted(journal: Journal) -> Iterator[list[str]]:
    """Every statement SQLite runs on the engine's connections (the ORM's and the store's
    reads alike)."""
    statements: list[str] = []

    def checkout(dbapi_conn: Any, *_args: object) -> None:
        dbapi_conn.set_trace_callback(statements.append)

    def checkin(dbapi_conn: Any, *_args: object) -> None:
        dbapi_conn.set_trace_callback(None)

    event.listen(journal.engine, "checkout", checkout)
    event.listen(journal.engine, "checkin", checkin)
    try:
        yield statements
    finally:
        event.remove(journal.engine, "checkout", checkout)
        event.remove(journal.engine, "checkin", checkin)


@pytest.fixture
def people(journal: Journal) -> dict[str, Person]:
    add = journal.people.add
    return {
        "ana": add(Person("Ana Silva", team="Ops", function="Support", location="Lisbon")),
        "ben": add(Person("Ben Okafor", team="Ops", function="Sales", location="Lagos")),
        "chen": add(Person("Chen Wei", team="Product", function="Product", location="Lisbon")),
    }


@pytest.fixture
def three_audits(journal: Journal, people: dict[str, Person]) -> list[Audit]:
    ana, ben, chen = people["ana"], people["ben"], people["chen"]
    save = journal.audits.save
    # saved out of date order on purpose
    third = save(
        Audit(
            D(2025, 9, 1),
            (
                rating(ana, 9, 8, 3, 2, information_sharing=7, career_guidance=0),
                rating(chen, 5, 5, 6, 6, information_sharing=4, resource_access=2),
            ),
        )
    )
    first = save(
        Audit(
            D(2024, 3, 1),
            (
                rating(ana, 8, 5, 4, 5, information_sharing=6, emotional_support=3),
                rating(ben, 6, 6, 6, 6, information_sharing=6),
            ),
        )
    )
    second = save(Audit(D(2024, 12, 1), (rating(ben, 4, 4, 7, 7),), blocking_superior=True))
    return [first, second, third]


def test_empty_journal_has_nothing_to_draw(journal: Journal) -> None:
    trends = TrendOps(journal).trends()
    assert trends.audits == ()
    assert trends.people == ()
    assert len(trends.resilience) == 0
    assert trends.resilience.weeks == ()
    assert trends.span() is None
    assert all(points == () for points in trends.aspects().values())


def test_audits_come_oldest_first_with_the_domain_figures(
    journal: Journal, three_audits: list[Audit]
) -> None:
    trends = TrendOps(journal).trends()
    assert [p.taken_on for p in trends.audits] == [D(2024, 3, 1), D(2024, 12, 1), D(2025, 9, 1)]
    assert [p.audit_id for p in trends.audits] == [a.id for a in three_audits]
    for point, audit in zip(trends.audits, three_audits, strict=True):
        expected = analyse(audit, Thresholds())
        assert point.totals == expected.totals
        assert point.alarms == expected.alarms
        assert point.count == len(audit.ratings)
    # by hand: first audit reliance 8*5/10 + 6*6/10 = 7.6, influence 2 + 3.6 = 5.6
    first = trends.audits[0].totals
    assert first is not None
    assert first.reliance == pytest.approx(7.6)
    assert first.influence == pytest.approx(5.6)
    assert first.net_balance == pytest.approx(-2.0)
    # reach: first audit has one team (Ops), two functions, two locations
    assert trends.audits[0].distinct("team") == 1
    assert trends.audits[0].distinct("function") == 2
    assert trends.audits[0].distinct("product_unit") == 0
    assert AlarmCode.BLOCKING_SUPERIOR in [a.code for a in trends.audits[1].alarms]


def test_thresholds_come_from_the_journal(journal: Journal, three_audits: list[Audit]) -> None:
    journal.settings.set_thresholds(Thresholds(imbalance_ratio=0.1, vulnerability_share=1.0))
    trends = TrendOps(journal).trends()
    assert trends.thresholds.imbalance_ratio == 0.1
    codes = {a.code for p in trends.audits for a in p.alarms}
    assert AlarmCode.POWER_IMBALANCE not in codes
    assert AlarmCode.HIGH_VULNERABILITY not in codes


def test_an_audit_without_ratings_is_a_point_without_totals(journal: Journal) -> None:
    boss = journal.people.add(Person("Dana Boss"))
    journal.audits.save(Audit(D(2026, 1, 5), blocking_superior=True, blocking_superior_person=boss))
    (point,) = TrendOps(journal).audits()
    assert point.totals is None
    assert point.count == 0
    assert [a.code for a in point.alarms] == [AlarmCode.BLOCKING_SUPERIOR]
    assert "Dana Boss" in point.alarms[0].message


def test_single_query_loader_matches_the_audit_operations(
    journal: Journal, three_audits: list[Audit]
) -> None:
    boss = journal.people.add(Person("Dana Boss"))
    flagged = journal.audits.save(
        Audit(D(2026, 1, 5), blocking_superior=True, blocking_superior_person=boss)
    )
    with journal.reading() as conn:
        loaded = audit_reads.load(conn)
    # the read gives back exactly what each save returned, oldest first
    saved = sorted([*three_audits, flagged], key=lambda a: (a.taken_on, a.id or 0))
    assert loaded == saved


def test_per_person_series_follow_the_audits_they_appear_in(
    journal: Journal, three_audits: list[Audit], people: dict[str, Person]
) -> None:
    trends = TrendOps(journal).trends()
    assert [s.person.name for s in trends.people] == ["Ana Silva", "Ben Okafor", "Chen Wei"]
    ana = trends.person(people["ana"].id or -1)
    assert ana is not None
    assert [p.taken_on for p in ana.points] == [D(2024, 3, 1), D(2025, 9, 1)]
    assert [p.dependence_on_them for p in ana.points] == pytest.approx([4.0, 7.2])
    assert [p.their_dependence_on_me for p in ana.points] == pytest.approx([2.0, 0.6])
    assert ana.points[1].balance == pytest.approx(-6.6)
    assert ana.points[1].aspects.information_sharing == 7
    assert trends.person(99999) is None


def test_aspect_series_say_what_you_get_and_from_whom(
    journal: Journal, three_audits: list[Audit], people: dict[str, Person]
) -> None:
    trends = TrendOps(journal).trends()
    everyone = trends.aspects()
    info = everyone["information_sharing"]
    assert [p.taken_on for p in info] == [D(2024, 3, 1), D(2024, 12, 1), D(2025, 9, 1)]
    assert [p.total for p in info] == [12, 0, 11]
    assert [p.rated for p in info] == [2, 0, 2]
    # largest first, then by name
    assert [(who.name, v) for who, v in info[0].by_person] == [("Ana Silva", 6), ("Ben Okafor", 6)]
    assert [(who.name, v) for who, v in info[2].by_person] == [("Ana Silva", 7), ("Chen Wei", 4)]
    # a 0 is rated but gives nothing; nobody appears as a giver
    career = everyone["career_guidance"]
    assert career[2].rated == 1 and career[2].total == 0 and career[2].by_person == ()

    only_ana = trends.aspects([people["ana"].id or -1])
    # the audit without Ana leaves a gap rather than a zero
    assert [p.taken_on for p in only_ana["information_sharing"]] == [D(2024, 3, 1), D(2025, 9, 1)]
    assert [p.total for p in only_ana["emotional_support"]] == [3, 0]
    assert [p.rated for p in only_ana["emotional_support"]] == [1, 0]


def _check_ins(start: dt.date, days: int, seed: int = 3) -> list[ResilienceEntry]:
    rng = random.Random(seed)
    entries = []
    for n in range(days):
        if rng.random() < 0.2:
            continue  # missed days
        entries.append(
            ResilienceEntry(
                start + dt.timedelta(days=n),
                rng.randint(1, 10),
                rng.randint(1, 10),
                rng.randint(1, 10),
            )
        )
    return entries


def test_resilience_rolling_means_and_weekly_averages(journal: Journal) -> None:
    entries = _check_ins(D(2025, 1, 1), 120)
    journal.resilience.save_many(entries)
    trend = TrendOps(journal).resilience(rolling_days=7)
    assert list(trend.days) == [e.on for e in entries]
    assert list(trend.energy) == [e.energy for e in entries]
    expected = rolling_mean([(e.on, float(e.stress)) for e in entries], 7)
    assert list(trend.rolling["stress"]) == pytest.approx([v for _, v in expected])
    # weekly: group by the Monday of each date, in Python, and compare with SQL's grouping
    weeks: dict[dt.date, list[ResilienceEntry]] = {}
    for e in entries:
        weeks.setdefault(e.on - dt.timedelta(days=e.on.weekday()), []).append(e)
    assert [w.week_start for w in trend.weeks] == sorted(weeks)
    for week in trend.weeks:
        group = weeks[week.week_start]
        assert week.week_start.weekday() == 0
        assert week.count == len(group)
        assert week.energy == pytest.approx(sum(e.energy for e in group) / len(group))
        assert week.mood == pytest.approx(sum(e.mood for e in group) / len(group))


def test_resilience_range_limits_the_log(journal: Journal) -> None:
    journal.resilience.save_many(_check_ins(D(2025, 1, 1), 60, seed=5))
    trend = TrendOps(journal).resilience(D(2025, 2, 1), D(2025, 2, 14))
    assert trend.days
    assert min(trend.days) >= D(2025, 2, 1) and max(trend.days) <= D(2025, 2, 14)
    assert all(D(2025, 1, 27) <= w.week_start <= D(2025, 2, 14) for w in trend.weeks)


def test_span_covers_audits_and_check_ins(journal: Journal, three_audits: list[Audit]) -> None:
    journal.resilience.save(ResilienceEntry(D(2026, 2, 2), 5, 5, 5))
    assert TrendOps(journal).trends().span() == (D(2024, 3, 1), D(2026, 2, 2))


def _ten_years(journal: Journal) -> int:
    rng = random.Random(11)
    people = [
        journal.people.add(Person(f"Person {n:02d}", team=f"T{n % 4}", location=f"L{n % 3}"))
        for n in range(18)
    ]
    day = D(2016, 1, 10)
    count = 0
    while day < D(2026, 1, 1):
        chosen = rng.sample(people, 10)
        journal.audits.save(
            Audit(
                day,
                tuple(
                    rating(
                        p,
                        *(rng.randint(1, 10) for _ in range(4)),
                        information_sharing=rng.randint(0, 10),
                        daily_assistance=rng.choice([None, rng.randint(0, 10)]),
                    )
                    for p in chosen
                ),
            )
        )
        day += dt.timedelta(days=91)
        count += 1
    journal.resilience.save_many(_check_ins(D(2016, 1, 1), 3650, seed=7))
    return count


def test_ten_years_in_six_queries_and_quickly(journal: Journal) -> None:
    audits = _ten_years(journal)
    ops = TrendOps(journal)
    with counted(journal) as statements:
        trends = ops.trends()
    selects = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    # thresholds, the tables' revisions, audits with ratings, their ties, daily check-ins,
    # weekly averages
    assert len(selects) == 6, selects
    assert len(trends.audits) == audits
    assert sum(len(s.points) for s in trends.people) == 10 * audits
    assert len(trends.resilience) > 2500


def test_rolling_means_near_the_start_of_a_range_reach_back_before_it(journal: Journal) -> None:
    entries = _check_ins(D(2025, 1, 1), 60, seed=9)
    journal.resilience.save_many(entries)
    full = TrendOps(journal).resilience()
    part = TrendOps(journal).resilience(D(2025, 2, 1), D(2025, 2, 20))
    offset = full.days.index(part.days[0])
    for metric in ("energy", "stress", "mood"):
        assert part.rolling[metric] == pytest.approx(
            full.rolling[metric][offset : offset + len(part)]
        )


def test_a_changed_audit_is_analysed_again(journal: Journal, three_audits: list[Audit]) -> None:
    ops = TrendOps(journal)
    before = ops.trends().audits[1].totals
    assert before is not None and before.reliance == pytest.approx(1.6)
    second = three_audits[1]
    journal.audits.save(
        Audit(second.taken_on, (rating(second.ratings[0].person, 10, 10, 7, 7),), id=second.id)
    )
    after = ops.trends().audits[1].totals
    assert after is not None and after.reliance == pytest.approx(10.0)
    journal.settings.set_thresholds(Thresholds(imbalance_ratio=2.0))
    assert ops.trends().audits[0].alarms[0].code is AlarmCode.POWER_IMBALANCE
