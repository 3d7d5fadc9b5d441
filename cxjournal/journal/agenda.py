"""Talking points to raise in a person's next 1:1, until they are ticked done.

A small agenda on the store's agenda functions: add a point (the same open point
is never added twice), list a person's open points, tick one done (or open it
again). Every call is one transaction.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from cxjournal.domain.errors import NotFoundError
from cxjournal.domain.model import AgendaItem, Person
from cxjournal.journal.changes import Area
from cxjournal.store.reads import agenda as agenda_reads

if TYPE_CHECKING:
    from cxjournal.journal.core import Journal
    from cxjournal.store.session import Session


def _same_text(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


class AgendaOps:
    def __init__(self, journal: Journal) -> None:
        self._journal = journal

    def add(self, person_id: int, text: str, added_on: dt.date) -> AgendaItem:
        """Add a talking point for ``person_id``; an open one with the same text is returned
        as it is rather than added again."""
        from cxjournal.store.agenda_store import read_agenda, save_agenda_item

        with self._journal.session(Area.AGENDA) as session:
            person = _person(session, person_id)
            for item in read_agenda(session, {person_id: person}, person_id, open_only=True):
                if _same_text(item.text, text):
                    return item
            return save_agenda_item(session, AgendaItem(person, text, added_on))

    def open_for(self, person_id: int) -> list[AgendaItem]:
        """The person's open talking points, oldest first."""
        with self._journal.reading() as conn:
            found = agenda_reads.open_for(conn, person_id)
        if found is None:
            raise NotFoundError(f"no person with id {person_id}")
        return found

    def mark_done(
        self, item_id: int, done_on: dt.date | None, note_id: int | None = None
    ) -> AgendaItem:
        """Tick a talking point done on ``done_on`` (optionally in a note); None opens it again."""
        from cxjournal.store.agenda_store import set_agenda_item_done
        from cxjournal.store.models import AgendaItemRow

        with self._journal.session(Area.AGENDA) as session:
            row = session.get(AgendaItemRow, item_id)
            if row is None:
                raise NotFoundError(f"no talking point with id {item_id}")
            person = _person(session, row.person_id)
            return set_agenda_item_done(session, item_id, done_on, {row.person_id: person}, note_id)

    def delete(self, item_id: int) -> int:
        """Move the talking point to the trash; the trash item's id."""
        return self._journal.trash.delete("talking_point", item_id)


def _person(session: Session, person_id: int) -> Person:
    from cxjournal.store.mapping import person_from_row
    from cxjournal.store.models import PersonRow

    row = session.get(PersonRow, person_id)
    if row is None:
        raise NotFoundError(f"no person with id {person_id}")
    return person_from_row(row)
