"""Talking points on any DB-API connection: People and Audits show a person's open ones
on their first screen, read on the GUI thread without SQLAlchemy; the export reads every
one on the journal's own connection, and the agenda's store functions on their session's."""

from __future__ import annotations

from collections.abc import Mapping

from cxjournal.domain.model import AgendaItem, Person
from cxjournal.store.reads import Connection
from cxjournal.store.reads.rows import day, person, person_columns


def items(
    conn: Connection,
    people: Mapping[int, Person],
    person_id: int | None = None,
    *,
    open_only: bool = False,
) -> list[AgendaItem]:
    """Talking points (of one person, or everyone's), oldest first, naming ``people`` by id;
    open ones only on request."""
    where = ["1"]
    parameters: list[object] = []
    if person_id is not None:
        where.append("person_id = ?")
        parameters.append(person_id)
    if open_only:
        where.append("done_on IS NULL")
    rows = conn.execute(
        "SELECT id, person_id, text, added_on, done_on, discussed_in_note_id FROM agenda_items "
        f"WHERE {' AND '.join(where)} ORDER BY added_on, id",
        tuple(parameters),
    )
    return [
        AgendaItem(
            id=item_id,
            person=people[who],
            text=text,
            added_on=day(added_on),
            done_on=day(done_on) if done_on is not None else None,
            discussed_in_note_id=note,
        )
        for item_id, who, text, added_on, done_on, note in rows
    ]


def open_for(conn: Connection, person_id: int) -> list[AgendaItem] | None:
    """The person's open talking points, oldest first; None when there is no such person."""
    found = conn.execute(
        f"SELECT {person_columns('p')} FROM people AS p WHERE p.id = ?", (person_id,)
    ).fetchone()
    if found is None:
        return None
    return items(conn, {person_id: person(found)}, person_id, open_only=True)
