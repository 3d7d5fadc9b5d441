"""How many days the trash says an item has left: counted in calendar days, full on the
day of the delete, and consistent with the purge at start."""

from __future__ import annotations

import datetime as dt

from cxjournal.domain.trash import KEEP_DAYS, days_left, purge_cutoff

BERLIN_WINTER = dt.timezone(dt.timedelta(hours=1))
DELETED = dt.datetime(2026, 3, 12, 9, 0)  # naive UTC, as the trash stores it: 10:00 local


def _at(local: str) -> dt.datetime:
    return dt.datetime.fromisoformat(local).replace(tzinfo=BERLIN_WINTER)


def test_an_item_deleted_today_has_the_whole_retention_left() -> None:
    assert KEEP_DAYS == 30
    for later in ("2026-03-12 10:00", "2026-03-12 10:05", "2026-03-12 23:59"):
        assert days_left(DELETED, _at(later), BERLIN_WINTER) == 30, later


def test_it_counts_down_one_a_calendar_day_to_the_last_day() -> None:
    assert days_left(DELETED, _at("2026-03-13 00:01"), BERLIN_WINTER) == 29
    assert days_left(DELETED, _at("2026-03-15 09:59"), BERLIN_WINTER) == 27
    assert days_left(DELETED, _at("2026-04-10 23:00"), BERLIN_WINTER) == 1
    assert days_left(DELETED, _at("2026-04-11 08:00"), BERLIN_WINTER) == 0  # its last day
    assert days_left(DELETED, _at("2026-04-20 08:00"), BERLIN_WINTER) == 0  # never below


def test_days_are_those_of_the_time_zone_not_of_utc() -> None:
    # 00:30 local on the 13th is still the 12th in UTC: a new local day has begun
    late = dt.datetime(2026, 3, 12, 23, 0)  # 13 Mar 00:00 local
    assert days_left(late, _at("2026-03-13 00:30"), BERLIN_WINTER) == 30
    assert days_left(DELETED, _at("2026-03-13 00:30"), BERLIN_WINTER) == 29


def test_the_purge_takes_an_item_only_once_its_last_day_has_come() -> None:
    now = dt.datetime(2026, 4, 11, 9, 0, 1, tzinfo=dt.UTC)
    assert purge_cutoff(now) > DELETED.replace(tzinfo=dt.UTC)
    assert days_left(DELETED, now, BERLIN_WINTER) == 0
    just_before = now - dt.timedelta(seconds=2)
    assert purge_cutoff(just_before) < DELETED.replace(tzinfo=dt.UTC)
