"""The journal's notes read for the export, in one snapshot and the export's order.

The export reads everything on a plain DB-API connection, without SQLAlchemy:
the other records through :mod:`cxjournal.store.reads`, and the notes here. A
journal of any size is written out without holding its notes: the notes and their
follow-ups come from two cursors walked side by side (date, then id), a few
thousand rows at a time, and become domain objects as they are consumed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from cxjournal.domain.model import (
    Attitude,
    FollowUp,
    FormatUsed,
    Note,
    NoteGoal,
    NoteKind,
    NoteOutcome,
)
from cxjournal.store.records import tags_from_json

__all__ = ["NOTE_FIELDS", "NoteRecord", "begin_snapshot", "note_records", "notes"]

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


def begin_snapshot(connection: Any) -> None:
    """Start the connection's read transaction now, if none is open, so every later read
    sees one snapshot (SQLite otherwise gives each statement its own, and a long export
    could mix two). ``connection`` is a DB-API connection (sqlcipher3's)."""
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


def note_records(connection: Any) -> Iterator[NoteRecord]:
    """Every note with its follow-ups, by date then id, read as it is consumed."""
    follow_ups = _rows(connection, _FOLLOW_UPS)
    pending = next(follow_ups, None)
    for row in _rows(connection, _NOTES):
        note_id = row[0]
        todo: list[tuple[str, str | None, bool]] = []
        while pending is not None and pending[0] == note_id:
            todo.append((pending[1], pending[2], bool(pending[3])))
            pending = next(follow_ups, None)
        yield (*row, tuple(todo))


#: Distinct tag lists remembered while exporting (a bound, for journals of odd notes).
_TAG_CACHE = 10_000

#: The fields of a ``Note`` in the order :func:`notes` gives them (a test keeps it so).
NOTE_FIELDS = (
    "on",
    "text",
    "kind",
    "person_id",
    "attitude",
    "tags",
    "follow_ups",
    "id",
    "goal",
    "format_used",
    "outcome",
)


def notes(connection: Any) -> Iterator[Note]:
    """Every note with its follow-ups, by date then id, read as it is consumed."""
    kinds = {kind.value: kind for kind in NoteKind}
    attitudes = {attitude.value: attitude for attitude in Attitude}
    goals = {goal.value: goal for goal in NoteGoal}
    formats = {used.value: used for used in FormatUsed}
    outcomes = {outcome.value: outcome for outcome in NoteOutcome}
    tags_of: dict[str, tuple[str, ...]] = {}  # tag lists repeat: decode each one once
    day = dt.date.fromisoformat
    for record in note_records(connection):
        note_id, person_id, on, kind, text, attitude, tags, goal, used, outcome, todo = record
        tagged = tags_of.get(tags)
        if tagged is None:
            tagged = tags_of[tags] = tags_from_json(tags)
            if len(tags_of) > _TAG_CACHE:
                tags_of.clear()
        # In NOTE_FIELDS order, given by position: a third of the time keywords take here.
        yield Note(
            day(on),
            text,
            kinds[kind],
            person_id,
            attitudes[attitude] if attitude else None,
            tagged,
            tuple(FollowUp(item, day(due) if due else None, done) for item, due, done in todo)
            if todo
            else (),
            note_id,
            goals[goal] if goal else None,
            formats[used] if used else None,
            outcomes[outcome] if outcome else None,
        )
