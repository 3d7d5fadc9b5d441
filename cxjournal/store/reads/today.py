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


def open_follow_ups(conn: Connection, today: dt.date, horizon: dt.date) -> list[Any]:
    """Open follow-ups due by ``horizon``, overdue ones first (most recently due first), then
    the coming ones soonest first: (id, text, due, note id, note date, person id, person's
    name, snoozed until)."""
    return conn.execute(
        "SELECT f.id, f.text, f.due, n.id, n.on_date, n.person_id, p.name, f.snoozed_until "
        "FROM follow_ups AS f JOIN notes AS n ON n.id = f.note_id "
        "LEFT JOIN people AS p ON p.id = n.person_id "
        "WHERE f.done = 0 AND f.due IS NOT NULL AND f.due <= ? "
        "ORDER BY f.due < ? DESC, "
        "CASE WHEN f.due < ? THEN f.due END DESC, f.due, n.on_date, f.position, f.id",
        (horizon.isoformat(), today.isoformat(), today.isoformat()),
    ).fetchall()


def exit_plan(conn: Connection) -> tuple[str | None, int, int, str | None]:
    """The exit plan's status, how many steps it has, how many are done, the first not done."""
    row = conn.execute(
        "SELECT (SELECT status FROM exit_plan WHERE id = 1), "
        "(SELECT count(*) FROM exit_items), "
        "(SELECT count(*) FROM exit_items WHERE done = 1), "
        "(SELECT text FROM exit_items WHERE done = 0 ORDER BY position, id LIMIT 1)"
    ).fetchone()
    return row[0], int(row[1] or 0), int(row[2] or 0), row[3]
