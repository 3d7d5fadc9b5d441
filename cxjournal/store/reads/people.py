"""People with their latest contact: the stakeholders due, one person's cadence, the directory.

The latest contact (the latest note of a kind that counts as contact, see
``domain.cadence``) is read one person at a time: the person's latest note, one
seek on ``ix_notes_person_date``, is the answer when its kind counts as contact
(as it mostly does); only otherwise is it one seek per contact kind on
``ix_notes_person_kind_date`` (person, kind, date). Either way the stakeholders
due cost the same on a journal of a hundred notes as on one of a hundred thousand.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from cxjournal.domain.cadence import CONTACT_KINDS
from cxjournal.domain.model import Attitude, Person
from cxjournal.store.reads import Connection
from cxjournal.store.reads.rows import PERSON_WIDTH, day, person, person_columns

#: the note kinds that count as contact, as stored
CONTACT_KIND_VALUES: tuple[str, ...] = tuple(sorted(kind.value for kind in CONTACT_KINDS))


def latest_contact(alias: str, column: str, kinds: Sequence[str], until: str | None = None) -> str:
    """SQL for ``column`` (``on_date`` or ``id``) of the latest note with the person
    ``alias`` that counts as contact (NULL: none), on or before the SQL value ``until``
    when given. ``kinds`` are the placeholders :data:`CONTACT_KIND_VALUES` are bound to,
    in order; each appears twice, first all in the latest note's test, then in the seeks.

    The person's latest note (by date, then as entered), one seek on
    ``ix_notes_person_date``, is the answer when its kind counts as contact. Only when it
    does not (an observation) is it the latest of the latest note of each contact kind,
    each a seek on ``ix_notes_person_kind_date``.
    """

    def before(table: str) -> str:
        return f" AND {table}.on_date <= {until}" if until else ""

    seeks = ", ".join(
        "(SELECT k.id FROM notes AS k INDEXED BY ix_notes_person_kind_date "
        f"WHERE k.person_id = {alias}.id AND k.kind = {kind}{before('k')} "
        "ORDER BY k.on_date DESC, k.id DESC LIMIT 1)"
        for kind in kinds
    )
    # the date needs no order among the seeks' notes; the note does (the one entered last)
    picked = (
        f"SELECT max(m.on_date) FROM notes AS m WHERE m.id IN ({seeks})"
        if column == "on_date"
        else f"SELECT m.{column} FROM notes AS m WHERE m.id IN ({seeks}) "
        "ORDER BY m.on_date DESC, m.id DESC LIMIT 1"
    )
    return (
        f"(SELECT CASE WHEN n.kind IN ({', '.join(kinds)}) THEN n.{column} ELSE ({picked}) END "
        "FROM notes AS n INDEXED BY ix_notes_person_date "
        f"WHERE n.person_id = {alias}.id{before('n')} ORDER BY n.on_date DESC, n.id DESC LIMIT 1)"
    )


def last_contact_column(alias: str) -> str:
    """SQL for the date of the latest contact with the person ``alias`` (NULL: none)
    (:func:`latest_contact`). Bind :data:`LAST_CONTACT_PARAMETERS`, in order, before any
    other parameter."""
    return latest_contact(alias, "on_date", ["?"] * len(CONTACT_KIND_VALUES))


#: the parameters of :func:`last_contact_column`: the contact kinds, once for the latest
#: note's kind and once for the seeks
LAST_CONTACT_PARAMETERS: tuple[str, ...] = CONTACT_KIND_VALUES * 2


def everyone(conn: Connection, include_archived: bool = False) -> list[Person]:
    """Everyone (not archived unless asked), by name ignoring case."""
    where = "" if include_archived else " WHERE p.archived = 0"
    rows = conn.execute(
        f"SELECT {person_columns('p')} FROM people AS p{where} ORDER BY lower(p.name), p.id"
    ).fetchall()
    return [person(row) for row in rows]


def by_id(conn: Connection) -> dict[int, Person]:
    """Every person, archived too, by id (in id order): what records that name people are
    read against, and the export's people."""
    rows = conn.execute(f"SELECT {person_columns('p')} FROM people AS p ORDER BY p.id").fetchall()
    return {row[0]: person(row) for row in rows}


def _with_contact(
    conn: Connection, where: str, parameters: tuple[object, ...] = ()
) -> list[tuple[Person, dt.date | None]]:
    rows = conn.execute(
        f"SELECT {person_columns('p')}, {last_contact_column('p')} FROM people AS p "
        f"WHERE {where} ORDER BY lower(p.name), p.id",
        (*LAST_CONTACT_PARAMETERS, *parameters),
    ).fetchall()
    return [
        (person(row[:PERSON_WIDTH]), day(row[PERSON_WIDTH]) if row[PERSON_WIDTH] else None)
        for row in rows
    ]


def with_cadence(conn: Connection) -> list[tuple[int, dt.date | None, Sequence[Any]]]:
    """People not archived who have a cadence, by name: each one's cadence in days, latest
    contact, and columns, which :func:`person` makes into the person (so that asking who is
    due makes only the people who are)."""
    rows = conn.execute(
        f"SELECT {person_columns('p')}, {last_contact_column('p')}, p.cadence_days "
        "FROM people AS p WHERE p.archived = 0 AND p.cadence_days IS NOT NULL "
        "ORDER BY lower(p.name), p.id",
        LAST_CONTACT_PARAMETERS,
    ).fetchall()
    return [
        (
            row[PERSON_WIDTH + 1],
            day(row[PERSON_WIDTH]) if row[PERSON_WIDTH] else None,
            row[:PERSON_WIDTH],
        )
        for row in rows
    ]


def one_with_contact(conn: Connection, person_id: int) -> tuple[Person, dt.date | None] | None:
    """The person with this id and their latest contact; None when there is no such person."""
    found = _with_contact(conn, "p.id = ?", (person_id,))
    return found[0] if found else None


def directory(
    conn: Connection, include_archived: bool
) -> list[tuple[Person, dt.date | None, Attitude | None]]:
    """Every person (not archived unless asked), by name: their latest contact and the
    attitude of their latest note that records one.

    One query, a few index seeks per person (the attitude: the person's latest note that
    records one, read through ``ix_notes_person_attitude_date``, which holds only those,
    so that newer notes without one are not read either), so no note is read but the latest
    of each kind: the directory costs the same after a hundred notes a person as after one.
    """
    rows = conn.execute(
        f"SELECT {person_columns('p')}, {last_contact_column('p')}, "
        "(SELECT n.attitude FROM notes AS n INDEXED BY ix_notes_person_attitude_date "
        "WHERE n.person_id = p.id "
        "AND n.attitude IS NOT NULL ORDER BY n.on_date DESC, n.id DESC LIMIT 1) "
        f"FROM people AS p WHERE {'1' if include_archived else 'p.archived = 0'} "
        "ORDER BY lower(p.name), p.id",
        LAST_CONTACT_PARAMETERS,
    ).fetchall()
    return [
        (
            person(row[:PERSON_WIDTH]),
            day(row[PERSON_WIDTH]) if row[PERSON_WIDTH] else None,
            Attitude(row[PERSON_WIDTH + 1]) if row[PERSON_WIDTH + 1] else None,
        )
        for row in rows
    ]
