"""Reading journal rows through the plain connection into domain objects (for Today).

The start-up path (:mod:`cxjournal.journal.today`) reads with SQL text on the
journal's DB-API connection, without SQLAlchemy; these helpers turn its rows into
the same domain objects the store's mapping gives.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from cxjournal.domain.model import (
    Audit,
    Person,
    Rating,
    ResilienceEntry,
)
from cxjournal.domain.ties import tie_indexes
from cxjournal.store import records

day = records.day


def person(values: Sequence[Any]) -> Person:
    """A person from the columns of :func:`person_columns`, in that order."""
    found: Person = records.from_row(records.PERSON, values)
    return found


def person_columns(alias: str) -> str:
    """The columns :func:`person` reads, of the people table under ``alias``."""
    return records.columns(records.PERSON, alias)


PERSON_WIDTH = records.width(records.PERSON)


def latest_audit(conn: Any) -> Audit | None:
    """The latest audit (a tie on the date goes to the one created last) with its ratings."""
    rows = conn.execute(
        "SELECT a.id, a.taken_on, a.note, a.blocking_superior, a.ties_recorded, "
        f"{records.columns(records.RATING, 'r')}, {records.columns(records.ASPECTS_RECORD, 'r')}, "
        f"{person_columns('p')}, {person_columns('b')} "
        "FROM (SELECT * FROM audits ORDER BY taken_on DESC, id DESC LIMIT 1) AS a "
        "LEFT JOIN ratings AS r ON r.audit_id = a.id "
        "LEFT JOIN people AS p ON p.id = r.person_id "
        "LEFT JOIN people AS b ON b.id = a.blocking_superior_person_id "
        "ORDER BY r.position, r.id"
    ).fetchall()
    if not rows:
        return None
    r0 = 5
    a0 = r0 + records.width(records.RATING)
    p0 = a0 + records.width(records.ASPECTS_RECORD)
    b0 = p0 + PERSON_WIDTH
    first = rows[0]
    ratings: list[Rating] = []
    for row in rows:
        if row[r0] is None:
            continue
        aspects = records.from_row(records.ASPECTS_RECORD, row[a0:p0])
        rating = records.from_row(
            records.RATING, row[r0:a0], person=person(row[p0:b0]), aspects=aspects
        )
        ratings.append(rating)
    pairs = conn.execute(
        "SELECT person_a, person_b FROM audit_ties WHERE audit_id = ?", (first[0],)
    ).fetchall()
    audit = Audit(
        id=first[0],
        taken_on=day(first[1]),
        note=first[2] or "",
        blocking_superior=bool(first[3]),
        blocking_superior_person=person(first[b0:]) if first[b0] is not None else None,
        ratings=tuple(ratings),
        ties=tie_indexes([r.person.id or 0 for r in ratings], [(a, b) for a, b in pairs]),
        ties_recorded=bool(first[4]),
    )
    return audit


ENTRY_COLUMNS = records.columns(records.CHECK_IN)


def entry(row: Sequence[Any]) -> ResilienceEntry:
    found: ResilienceEntry = records.from_row(records.CHECK_IN, row)
    return found
