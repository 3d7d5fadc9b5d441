"""A person's open talking points, on any DB-API connection (People and Audits show them
on their first screen, read on the GUI thread without SQLAlchemy)."""

from __future__ import annotations

from cxjournal.domain.model import AgendaItem
from cxjournal.store.reads import Connection
from cxjournal.store.reads.rows import day, person, person_columns


def open_for(conn: Connection, person_id: int) -> list[AgendaItem] | None:
    """The person's open talking points, oldest first; None when there is no such person."""
    found = conn.execute(
        f"SELECT {person_columns('p')} FROM people AS p WHERE p.id = ?", (person_id,)
    ).fetchone()
    if found is None:
        return None
    who = person(found)
    rows = conn.execute(
        "SELECT id, text, added_on, discussed_in_note_id FROM agenda_items "
        "WHERE person_id = ? AND done_on IS NULL ORDER BY added_on, id",
        (person_id,),
    )
    return [
        AgendaItem(
            id=item_id, person=who, text=text, added_on=day(added_on), discussed_in_note_id=note
        )
        for item_id, text, added_on, note in rows
    ]
