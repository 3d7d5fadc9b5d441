"""Notes: the Journal's list (a page in any order, how many, where one falls) and the
tags used so far.

Plain SQL on any DB-API connection, so the Journal page's first visit on the GUI
thread reads through the journal's own connection and needs no SQLAlchemy; the
operations on other threads read the same way on the engine's connection.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from cxjournal.domain.list_orders import NOTE_ORDERS
from cxjournal.domain.model import Attitude, FollowUp, Note, NoteKind
from cxjournal.store import records
from cxjournal.store.reads import Connection

_NOTE_COLUMNS = records.columns(records.NOTE, "n")

#: The notes whose text, tags or person, or one of whose follow-ups, match an FTS5 expression.
_MATCHING = (
    "n.id IN (SELECT open_id FROM search_fts WHERE search_fts MATCH ? "
    "AND kind IN ('note', 'follow_up'))"
)

#: What each order sorts by; ties fall back to the newest first, so paging through a
#: sorted list never repeats or skips a note.
_KEYS: dict[str, str] = {
    "date": "n.on_date",
    "about": "(SELECT lower(p.name) FROM people AS p WHERE p.id = n.person_id)",
    "kind": "n.kind",
    "attitude": "n.attitude",
    "text": "lower(n.text)",
    "tags": "n.tags",
    "follow_ups": "(SELECT count(f.id) FROM follow_ups AS f WHERE f.note_id = n.id AND f.done = 0)",
}
_NEWEST = "n.on_date DESC, n.id DESC"


def _where(
    kind: NoteKind | None, match: str | None, person_id: int | None = None
) -> tuple[str, list[Any]]:
    parts: list[str] = []
    parameters: list[Any] = []
    if kind is not None:
        parts.append("n.kind = ?")
        parameters.append(kind.value)
    if person_id is not None:
        parts.append("n.person_id = ?")
        parameters.append(person_id)
    if match is not None:
        parts.append(_MATCHING)
        parameters.append(match)
    return (" WHERE " + " AND ".join(parts) if parts else ""), parameters


def _order(order: str, descending: bool) -> str:
    if order not in NOTE_ORDERS:
        raise ValueError(f"order: {order!r} is not one of {', '.join(NOTE_ORDERS)}")
    if order == "date":
        return _NEWEST if descending else "n.on_date ASC, n.id ASC"
    return f"{_KEYS[order]} {'DESC' if descending else 'ASC'}, {_NEWEST}"


def page(
    conn: Connection,
    limit: int | None,
    offset: int,
    kind: NoteKind | None,
    order: str,
    descending: bool,
    match: str | None,
    person_id: int | None = None,
) -> list[Note]:
    """A page of all notes (only of ``kind`` / matching the FTS5 expression ``match`` /
    about ``person_id`` if given; every one from ``offset`` for no ``limit``), sorted by
    ``order`` (``domain.list_orders.NOTE_ORDERS``), with their follow-ups in the order
    entered."""
    where, parameters = _where(kind, match, person_id)
    rows = conn.execute(
        f"SELECT {_NOTE_COLUMNS} FROM notes AS n{where} "
        f"ORDER BY {_order(order, descending)} LIMIT ? OFFSET ?",
        (*parameters, -1 if limit is None else limit, offset),
    ).fetchall()
    follow_ups: dict[int, list[FollowUp]] = {}
    if rows:
        found = conn.execute(
            "SELECT f.note_id, f.id, f.text, f.due, f.done FROM follow_ups AS f "
            "WHERE f.note_id IN (SELECT value FROM json_each(?)) "
            "ORDER BY f.note_id, f.position, f.id",
            ("[" + ",".join(str(int(row[0])) for row in rows) + "]",),
        )
        for note_id, follow_up_id, text, due, done in found:
            follow_ups.setdefault(note_id, []).append(
                FollowUp(
                    id=follow_up_id,
                    text=text,
                    due=records.day(due) if due is not None else None,
                    done=bool(done),
                )
            )
    return [
        records.from_row(records.NOTE, row, follow_ups=tuple(follow_ups.get(row[0], ())))
        for row in rows
    ]


def count(conn: Connection, person_id: int | None, kind: NoteKind | None, match: str | None) -> int:
    """How many notes there are (about ``person_id`` / of ``kind`` / matching ``match``)."""
    where, parameters = _where(kind, match, person_id)
    (found,) = conn.execute(f"SELECT count(*) FROM notes AS n{where}", parameters).fetchone()
    return int(found)


def position(conn: Connection, note_id: int, kind: NoteKind | None) -> int | None:
    """How many notes (of ``kind``) come before the note newest first; None when there is
    no such note."""
    row = conn.execute("SELECT on_date, id FROM notes WHERE id = ?", (note_id,)).fetchone()
    if row is None:
        return None
    where, parameters = _where(kind, None)
    newer = "(n.on_date > ? OR (n.on_date = ? AND n.id > ?))"
    where = f"{where} AND {newer}" if where else f" WHERE {newer}"
    (found,) = conn.execute(
        f"SELECT count(*) FROM notes AS n{where}", (*parameters, row[0], row[0], row[1])
    ).fetchone()
    return int(found)


#: A person's notes that record an attitude are read through the partial index that holds
#: only those. SQLite's planner, with no statistics, prefers ``ix_notes_person_date`` and
#: then reads every note of the person to look at its attitude: 3.4 ms instead of 0.3 ms
#: for a person with 3,000 notes.
_ATTITUDE_INDEX = "INDEXED BY ix_notes_person_attitude_date"


def attitudes(
    conn: Connection, person_id: int, latest: int | None = None
) -> tuple[list[tuple[dt.date, Attitude]], int]:
    """The attitudes noted for a person over time, oldest first, and how many there are.

    With ``latest``, only the latest ``latest`` of them are read (newest first through
    ``ix_notes_person_attitude_date``, the count from the same index): one person's
    strip costs the same after ten notes as after two thousand.
    """
    where = f"FROM notes {_ATTITUDE_INDEX} WHERE person_id = ? AND attitude IS NOT NULL"
    if latest is None:
        rows = conn.execute(
            f"SELECT on_date, attitude {where} ORDER BY on_date, id", (person_id,)
        ).fetchall()
        return [(records.day(on), Attitude(attitude)) for on, attitude in rows], len(rows)
    rows = conn.execute(
        f"SELECT on_date, attitude, (SELECT count(*) {where}) {where} "
        "ORDER BY on_date DESC, id DESC LIMIT ?",
        (person_id, person_id, latest),
    ).fetchall()
    points = [(records.day(on), Attitude(attitude)) for on, attitude, _noted in reversed(rows)]
    return points, int(rows[0][2]) if rows else 0


def last_attitude(conn: Connection, person_id: int) -> Attitude | None:
    """The attitude in the person's latest note that records one."""
    row = conn.execute(
        f"SELECT attitude FROM notes {_ATTITUDE_INDEX} WHERE person_id = ? "
        "AND attitude IS NOT NULL "
        "ORDER BY on_date DESC, id DESC LIMIT 1",
        (person_id,),
    ).fetchone()
    return Attitude(row[0]) if row is not None and row[0] else None


def tags(conn: Connection) -> list[str]:
    """Every tag used on a note, most used first (then A-Z)."""
    rows = conn.execute(
        "SELECT value FROM notes, json_each(notes.tags) "
        "GROUP BY value ORDER BY count(*) DESC, value"
    )
    return [str(value) for (value,) in rows]
