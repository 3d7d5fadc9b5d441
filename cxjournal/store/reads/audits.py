"""Audits with their ratings, rated people, blocking superior and ties, in two queries.

One row per rating (an audit without ratings gives one row of nulls), with the
rated person and the blocking superior joined in; then every tie of those
audits. Trends reads every audit this way, Today and the audits area the latest.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from cxjournal.domain.model import Audit, Person, Rating
from cxjournal.domain.ties import tie_indexes
from cxjournal.store import records
from cxjournal.store.reads import Connection
from cxjournal.store.reads.rows import PERSON_WIDTH, day, person, person_columns

#: the condition that picks the latest audit (a tie on the date goes to the one created last)
LATEST = "a.id = (SELECT id FROM audits ORDER BY taken_on DESC, id DESC LIMIT 1)"

_HEAD = 5
_RATING_ONLY = records.width(records.RATING)
_RATING = _RATING_ONLY + records.width(records.ASPECTS_RECORD)


def load(conn: Connection, where: str = "1", parameters: Sequence[Any] = ()) -> list[Audit]:
    """The audits (``audits AS a``) that match ``where``, oldest first (then as created)."""
    rows = conn.execute(
        "SELECT a.id, a.taken_on, a.note, a.blocking_superior, a.ties_recorded, "
        f"{records.columns(records.RATING, 'r')}, {records.columns(records.ASPECTS_RECORD, 'r')}, "
        f"{person_columns('p')}, {person_columns('b')} "
        "FROM audits AS a "
        "LEFT JOIN ratings AS r ON r.audit_id = a.id "
        "LEFT JOIN people AS p ON p.id = r.person_id "
        "LEFT JOIN people AS b ON b.id = a.blocking_superior_person_id "
        f"WHERE {where} ORDER BY a.taken_on, a.id, r.position, r.id",
        tuple(parameters),
    ).fetchall()
    if not rows:
        return []
    pairs: dict[int, list[tuple[int, int]]] = {}
    for audit_id, person_a, person_b in conn.execute(
        "SELECT t.audit_id, t.person_a, t.person_b FROM audit_ties AS t "
        f"JOIN audits AS a ON a.id = t.audit_id WHERE {where}",
        tuple(parameters),
    ):
        pairs.setdefault(int(audit_id), []).append((int(person_a), int(person_b)))
    people: dict[int, Person] = {}

    def known(values: Sequence[Any]) -> Person:
        found = people.get(values[0])
        if found is None:
            found = people[values[0]] = person(values)
        return found

    r0, p0 = _HEAD, _HEAD + _RATING
    a0 = r0 + _RATING_ONLY
    b0 = p0 + PERSON_WIDTH
    audits: list[Audit] = []
    head: Sequence[Any] | None = None
    ratings: list[Rating] = []
    for row in rows:
        if head is None or row[0] != head[0]:
            if head is not None:
                audits.append(_audit(head, ratings, pairs, known))
            head, ratings = row, []
        if row[r0] is not None:
            aspects = records.from_row(records.ASPECTS_RECORD, row[a0:p0])
            rating: Rating = records.from_row(
                records.RATING, row[r0:a0], person=known(row[p0:b0]), aspects=aspects
            )
            ratings.append(rating)
    if head is not None:
        audits.append(_audit(head, ratings, pairs, known))
    return audits


def _audit(
    row: Sequence[Any],
    ratings: list[Rating],
    pairs: dict[int, list[tuple[int, int]]],
    known: Any,
) -> Audit:
    b0 = _HEAD + _RATING + PERSON_WIDTH
    audit_id, taken_on, note, blocking_superior, ties_recorded = row[:_HEAD]
    return Audit(
        id=audit_id,
        taken_on=day(taken_on),
        note=note or "",
        blocking_superior=bool(blocking_superior),
        blocking_superior_person=known(row[b0:]) if row[b0] is not None else None,
        ratings=tuple(ratings),
        ties=tie_indexes([r.person.id or 0 for r in ratings], pairs.get(audit_id, [])),
        ties_recorded=bool(ties_recorded),
    )


def latest(conn: Connection) -> Audit | None:
    """The latest audit (a tie on the date goes to the one created last) with its ratings."""
    found = load(conn, LATEST)
    return found[0] if found else None


def one(conn: Connection, audit_id: int) -> Audit | None:
    """The audit with this id; None when there is none."""
    found = load(conn, "a.id = ?", (audit_id,))
    return found[0] if found else None


def previous(conn: Connection, audit_id: int) -> Audit | None:
    """The audit just before this one in date order (then as created), if any."""
    found = load(
        conn,
        "a.id = (SELECT e.id FROM audits AS e JOIN audits AS c ON c.id = ? "
        "WHERE e.taken_on < c.taken_on OR (e.taken_on = c.taken_on AND e.id < c.id) "
        "ORDER BY e.taken_on DESC, e.id DESC LIMIT 1)",
        (audit_id,),
    )
    return found[0] if found else None


def count(conn: Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM audits").fetchone()[0])
