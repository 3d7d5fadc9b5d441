"""The notes of a whole journal, read as a stream for the export (plain DB-API, no ORM).

A journal of any size is written out without holding its notes: the notes and
their follow-ups come from two cursors walked side by side in the export's
order (date, then id), a few thousand rows at a time. Dates stay the ISO text
the store keeps them as; the caller makes them domain objects.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

__all__ = ["NoteRecord", "begin_snapshot", "note_records"]

#: (id, person_id, on_date, kind, text, attitude, tags JSON, goal, format_used, outcome,
#: follow-ups as (text, due or None, done) tuples)
NoteRecord = tuple[Any, ...]

_BATCH = 2000
_NOTES = (
    "SELECT id, person_id, on_date, kind, text, attitude, tags, goal, format_used, outcome "
    "FROM notes ORDER BY on_date, id"
)
_FOLLOW_UPS = (
    "SELECT f.note_id, f.text, f.due, f.done FROM follow_ups AS f "
    "JOIN notes AS n ON n.id = f.note_id ORDER BY n.on_date, n.id, f.position, f.id"
)


def _dbapi(session: Session) -> Any:
    return session.connection().connection.dbapi_connection


def begin_snapshot(session: Session) -> None:
    """Start the session's read transaction now, so every later read sees one snapshot
    (SQLite otherwise gives each statement its own, and a long export could mix two)."""
    connection = _dbapi(session)
    if not connection.in_transaction:
        connection.execute("BEGIN")


def _rows(connection: Any, sql: str) -> Iterator[tuple[Any, ...]]:
    cursor = connection.cursor()
    try:
        cursor.execute(sql)
        while batch := cursor.fetchmany(_BATCH):
            yield from batch
    finally:
        cursor.close()


def note_records(session: Session) -> Iterator[NoteRecord]:
    """Every note with its follow-ups, by date then id, read as it is consumed."""
    connection = _dbapi(session)
    follow_ups = _rows(connection, _FOLLOW_UPS)
    pending = next(follow_ups, None)
    for row in _rows(connection, _NOTES):
        note_id = row[0]
        todo: list[tuple[str, str | None, bool]] = []
        while pending is not None and pending[0] == note_id:
            todo.append((pending[1], pending[2], bool(pending[3])))
            pending = next(follow_ups, None)
        yield (*row, tuple(todo))
