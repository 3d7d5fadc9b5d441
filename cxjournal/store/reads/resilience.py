"""Check-ins: those of a range of days, the history in any order, their dates, the latest
before a day, how many (on any DB-API connection: the Resilience page's first visit on
the GUI thread needs no SQLAlchemy)."""

from __future__ import annotations

import datetime as dt

from cxjournal.domain.list_orders import CHECK_IN_ORDERS
from cxjournal.domain.model import ResilienceEntry
from cxjournal.store.reads import Connection
from cxjournal.store.reads.rows import ENTRY_COLUMNS, day, entry


def _dated(start: dt.date | None, end: dt.date | None) -> tuple[str, list[str]]:
    parts: list[str] = []
    parameters: list[str] = []
    if start is not None:
        parts.append("on_date >= ?")
        parameters.append(start.isoformat())
    if end is not None:
        parts.append("on_date <= ?")
        parameters.append(end.isoformat())
    return (" WHERE " + " AND ".join(parts) if parts else ""), parameters


def between(
    conn: Connection, start: dt.date | None = None, end: dt.date | None = None
) -> list[ResilienceEntry]:
    """The check-ins from ``start`` to ``end`` inclusive (open ends when None), oldest first."""
    where, parameters = _dated(start, end)
    return [
        entry(row)
        for row in conn.execute(
            f"SELECT {ENTRY_COLUMNS} FROM resilience{where} ORDER BY on_date", parameters
        )
    ]


#: What each order of the history sorts by (``domain.list_orders.CHECK_IN_ORDERS``).
_KEYS = {
    "date": "on_date",
    "energy": "energy",
    "stress": "stress",
    "mood": "mood",
    "sleep": "sleep_hours",
    "drains": "drains",
    "restorers": "restorers",
    "tags": "tags",
    "note": "lower(note)",
}


def page(
    conn: Connection, limit: int | None, offset: int, order: str, descending: bool
) -> list[ResilienceEntry]:
    """Every check-in (or a page of them) sorted by ``order``, newest first within ties."""
    if order not in CHECK_IN_ORDERS:
        raise ValueError(f"order: {order!r} is not one of {', '.join(CHECK_IN_ORDERS)}")
    key = f"{_KEYS[order]} {'DESC' if descending else 'ASC'}"
    if order != "date":
        key += ", on_date DESC"
    rows = conn.execute(
        f"SELECT {ENTRY_COLUMNS} FROM resilience ORDER BY {key} LIMIT ? OFFSET ?",
        (-1 if limit is None else limit, offset),
    )
    return [entry(row) for row in rows]


def dates(
    conn: Connection, start: dt.date | None = None, end: dt.date | None = None
) -> list[dt.date]:
    """Dates that have a check-in (from ``start`` to ``end`` when given), oldest first."""
    where, parameters = _dated(start, end)
    rows = conn.execute(f"SELECT on_date FROM resilience{where} ORDER BY on_date", parameters)
    return [day(value) for (value,) in rows]


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


def count(conn: Connection, start: dt.date | None = None, end: dt.date | None = None) -> int:
    """How many check-ins there are (from ``start`` to ``end`` when given)."""
    where, parameters = _dated(start, end)
    return int(conn.execute(f"SELECT count(*) FROM resilience{where}", parameters).fetchone()[0])


_DAILY_SQL = """
SELECT on_date, energy, stress, mood, rolling_energy, rolling_stress, rolling_mood
FROM (
    SELECT on_date, energy, stress, mood,
           avg(energy) OVER w AS rolling_energy,
           avg(stress) OVER w AS rolling_stress,
           avg(mood) OVER w AS rolling_mood
    FROM resilience
    WHERE on_date >= ? AND on_date <= ?
    WINDOW w AS (ORDER BY julianday(on_date) RANGE BETWEEN {back} PRECEDING AND CURRENT ROW)
)
WHERE on_date >= ?
ORDER BY on_date
"""

# SQLite: the Monday on or before a date ('weekday 0' is the next Sunday, or the day itself).
_WEEKLY_SQL = """
SELECT date(on_date, 'weekday 0', '-6 days') AS week, count(*), avg(energy), avg(stress), avg(mood)
FROM resilience
WHERE on_date >= ? AND on_date <= ?
GROUP BY week
ORDER BY week
"""

#: a day's check-in with the rolling means ending on it: date, energy, stress, mood, then
#: the rolling energy, stress and mood
DailyMeans = tuple[dt.date, int | None, int | None, int, float | None, float | None, float]
#: a week's Monday, how many check-ins it has, and their mean energy, stress and mood
WeekMeans = tuple[dt.date, int, float | None, float | None, float]


def daily_means(
    conn: Connection, start: dt.date | None, end: dt.date | None, rolling_days: int
) -> list[DailyMeans]:
    """The check-ins from ``start`` to ``end`` (open ends when None) with their rolling means,
    computed in SQL.

    The rolling mean is a window over calendar days (``RANGE`` on the Julian day), so
    it is exactly ``domain.resilience.rolling_mean``: a missed day is simply absent.
    Its window reaches back before ``start`` so the first days in range are complete.
    """
    if isinstance(rolling_days, bool) or not isinstance(rolling_days, int) or rolling_days < 1:
        raise ValueError(f"rolling_days must be a whole number of at least 1, not {rolling_days}")
    first = (start or dt.date.min).isoformat()
    last = (end or dt.date.max).isoformat()
    reach_back = (
        (start - dt.timedelta(days=rolling_days - 1)).isoformat() if start is not None else first
    )
    rows = conn.execute(_DAILY_SQL.format(back=rolling_days - 1), (reach_back, last, first))
    return [(day(d), e, s, m, re, rs, rm) for d, e, s, m, re, rs, rm in rows]


def weekly_means(conn: Connection, start: dt.date | None, end: dt.date | None) -> list[WeekMeans]:
    """Each week's check-in count and means, from ``start`` to ``end``, oldest first."""
    first = (start or dt.date.min).isoformat()
    last = (end or dt.date.max).isoformat()
    return [(day(w), int(n), e, s, m) for w, n, e, s, m in conn.execute(_WEEKLY_SQL, (first, last))]


def tag_counts(conn: Connection, column: str) -> list[tuple[str, int, dt.date]]:
    """Each spelling used in the ``drains`` or ``restorers`` column: how often, last when."""
    if column not in ("drains", "restorers"):
        raise ValueError(f"not a tag column: {column!r}")
    rows = conn.execute(
        "SELECT tag.value, count(*), max(r.on_date) "
        f"FROM resilience AS r, json_each(r.{column}) AS tag "  # one of two fixed names
        "WHERE tag.type = 'text' GROUP BY tag.value"
    )
    return [(str(value), int(uses), day(last)) for value, uses, last in rows]


def on_day(conn: Connection, on: dt.date) -> ResilienceEntry | None:
    """The check-in of ``on``, if any."""
    row = conn.execute(
        f"SELECT {ENTRY_COLUMNS} FROM resilience WHERE on_date = ?", (on.isoformat(),)
    ).fetchone()
    return entry(row) if row else None


def newest(conn: Connection) -> ResilienceEntry | None:
    """The newest check-in, if any."""
    row = conn.execute(
        f"SELECT {ENTRY_COLUMNS} FROM resilience ORDER BY on_date DESC LIMIT 1"
    ).fetchone()
    return entry(row) if row else None


def span(conn: Connection) -> tuple[dt.date, dt.date] | None:
    """Dates of the first and the last check-in; None when there is none."""
    # one aggregate each, so both are a seek of the unique index on the date
    first, last = conn.execute(
        "SELECT (SELECT min(on_date) FROM resilience), (SELECT max(on_date) FROM resilience)"
    ).fetchone()
    if first is None or last is None:
        return None
    return day(first), day(last)
