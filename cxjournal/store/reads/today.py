"""The rest of what Today shows: how much the journal holds, follow-ups due, the exit plan."""

from __future__ import annotations

import datetime as dt
from typing import Any

from cxjournal.store.reads import Connection


def counts(conn: Connection) -> tuple[int, int, bool, int]:
    """How many people, audits and check-ins the journal holds, and whether it holds any
    note: one row read for the notes, not a count of them, so this costs the same at any
    number of notes."""
    row = conn.execute(
        "SELECT (SELECT count(*) FROM people), (SELECT count(*) FROM audits), "
        "EXISTS (SELECT 1 FROM notes), (SELECT count(*) FROM resilience)"
    ).fetchone()
    return int(row[0]), int(row[1]), bool(row[2]), int(row[3])


#: a follow-up snoozed past the day ``?`` (bound): not listed until then
_SNOOZED = "(f.snoozed_until IS NOT NULL AND f.snoozed_until > ?)"


def follow_up_counts(conn: Connection, today: dt.date, horizon: dt.date) -> tuple[int, int, int]:
    """How many open follow-ups due by ``horizon`` are overdue, due from ``today`` on, and
    snoozed past ``today`` (the overdue and coming counts leave the snoozed ones out).

    Counted on the indexes alone: all open ones on ``ix_follow_ups_open_due`` (done, due),
    the snoozed ones on ``ix_follow_ups_snoozed_until`` (the ``+`` keeps SQLite from
    reading those through the first index instead)."""
    row = conn.execute(
        "SELECT (SELECT count(*) FROM follow_ups WHERE done = 0 AND due < ?1), "
        "(SELECT count(*) FROM follow_ups WHERE done = 0 AND due >= ?1 AND due <= ?2), "
        "(SELECT count(*) FROM follow_ups "
        "WHERE snoozed_until > ?1 AND +done = 0 AND +due < ?1), "
        "(SELECT count(*) FROM follow_ups "
        "WHERE snoozed_until > ?1 AND +done = 0 AND +due >= ?1 AND +due <= ?2)",
        (today.isoformat(), horizon.isoformat()),
    ).fetchone()
    overdue, coming, snoozed_overdue, snoozed_coming = (int(value) for value in row)
    return overdue - snoozed_overdue, coming - snoozed_coming, snoozed_overdue + snoozed_coming


def open_follow_ups(conn: Connection, today: dt.date, horizon: dt.date, limit: int) -> list[Any]:
    """Open follow-ups not snoozed past ``today``: at most ``limit`` overdue ones (most
    recently due first), then at most ``limit`` due from ``today`` to ``horizon`` (soonest
    first): (id, text, due, note id, note date, person id, person's name)."""
    select = (
        "SELECT f.id, f.text, f.due, n.id, n.on_date, n.person_id, p.name "
        "FROM follow_ups AS f JOIN notes AS n ON n.id = f.note_id "
        "LEFT JOIN people AS p ON p.id = n.person_id "
        f"WHERE f.done = 0 AND NOT {_SNOOZED} AND "
    )
    day = today.isoformat()
    overdue = conn.execute(
        select + "f.due < ? ORDER BY f.due DESC, n.on_date, f.position, f.id LIMIT ?",
        (day, day, limit),
    ).fetchall()
    coming = conn.execute(
        select + "f.due >= ? AND f.due <= ? ORDER BY f.due, n.on_date, f.position, f.id LIMIT ?",
        (day, day, horizon.isoformat(), limit),
    ).fetchall()
    return [*overdue, *coming]


def exit_plan(conn: Connection) -> tuple[str | None, int, int, str | None]:
    """The exit plan's status, how many steps it has, how many are done, the first not done."""
    row = conn.execute(
        "SELECT (SELECT status FROM exit_plan WHERE id = 1), "
        "(SELECT count(*) FROM exit_items), "
        "(SELECT count(*) FROM exit_items WHERE done = 1), "
        "(SELECT text FROM exit_items WHERE done = 0 ORDER BY position, id LIMIT 1)"
    ).fetchone()
    return row[0], int(row[1] or 0), int(row[2] or 0), row[3]
