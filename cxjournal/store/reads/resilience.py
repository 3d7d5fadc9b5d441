"""Check-ins: those of a range of days, their dates, the latest before a day, how many."""

from __future__ import annotations

import datetime as dt

from cxjournal.domain.model import ResilienceEntry
from cxjournal.store.reads import Connection
from cxjournal.store.reads.rows import ENTRY_COLUMNS, day, entry


def between(conn: Connection, start: dt.date, end: dt.date) -> list[ResilienceEntry]:
    """The check-ins from ``start`` to ``end`` inclusive, oldest first."""
    return [
        entry(row)
        for row in conn.execute(
            f"SELECT {ENTRY_COLUMNS} FROM resilience WHERE on_date >= ? AND on_date <= ? "
            "ORDER BY on_date",
            (start.isoformat(), end.isoformat()),
        )
    ]


def dates_until(conn: Connection, end: dt.date) -> list[dt.date]:
    """Every date with a check-in up to ``end`` inclusive, oldest first."""
    rows = conn.execute(
        "SELECT on_date FROM resilience WHERE on_date <= ? ORDER BY on_date", (end.isoformat(),)
    )
    return [day(value) for (value,) in rows]


def latest_before(conn: Connection, before: dt.date) -> ResilienceEntry | None:
    """The newest check-in dated strictly before ``before``."""
    row = conn.execute(
        f"SELECT {ENTRY_COLUMNS} FROM resilience WHERE on_date < ? ORDER BY on_date DESC LIMIT 1",
        (before.isoformat(),),
    ).fetchone()
    return entry(row) if row else None


def count(conn: Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM resilience").fetchone()[0])
