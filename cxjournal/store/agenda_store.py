"""Talking points to raise with a person (the ``agenda`` of exchange format v2).

Plain typed functions on the caller's session, for the journal's agenda
operations and for import and export to build on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

from cxjournal.domain.errors import NotFoundError, ValidationError
from cxjournal.domain.model import AgendaItem, Person
from cxjournal.domain.validation import agenda_item_problems
from cxjournal.store.models import AgendaItemRow, NoteRow, PersonRow
from cxjournal.store.reads import agenda as agenda_reads
from cxjournal.store.session import plain_connection

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def read_agenda(
    session: Session,
    people: Mapping[int, Person],
    person_id: int | None = None,
    *,
    open_only: bool = False,
) -> list[AgendaItem]:
    """Talking points (of one person, or everyone's), oldest first; open ones only on request
    (``store.reads.agenda``, on the session's connection, as the session left them)."""
    return agenda_reads.items(plain_connection(session), people, person_id, open_only=open_only)


def save_agenda_item(session: Session, item: AgendaItem) -> AgendaItem:
    """Add (``id`` None) or update a talking point; returns it as stored."""
    problems = agenda_item_problems(item)
    if problems:
        raise ValidationError(problems)
    if item.person.id is None or session.get(PersonRow, item.person.id) is None:
        raise NotFoundError(f"{item.person.name.strip() or 'the person'} is not in this journal")
    if (
        item.discussed_in_note_id is not None
        and session.get(NoteRow, item.discussed_in_note_id) is None
    ):
        raise NotFoundError(f"no note with id {item.discussed_in_note_id}")
    if item.id is None:
        row = AgendaItemRow()
        session.add(row)
    else:
        found = session.get(AgendaItemRow, item.id)
        if found is None:
            raise NotFoundError(f"no talking point with id {item.id}")
        row = found
    row.person_id = item.person.id
    row.text = item.text.strip()
    row.added_on = item.added_on
    row.done_on = item.done_on
    row.discussed_in_note_id = item.discussed_in_note_id
    session.flush()
    return replace(item, id=row.id, text=row.text)


def set_agenda_item_done(
    session: Session,
    item_id: int,
    done_on: dt.date | None,
    people: Mapping[int, Person],
    note_id: int | None = None,
) -> AgendaItem:
    """Tick a talking point done on ``done_on`` (None: open again), optionally in a note."""
    row = session.get(AgendaItemRow, item_id)
    if row is None:
        raise NotFoundError(f"no talking point with id {item_id}")
    item = replace(
        _item(row, people[row.person_id]),
        done_on=done_on,
        discussed_in_note_id=note_id if done_on is not None else None,
    )
    return save_agenda_item(session, item)


def _item(row: AgendaItemRow, person: Person) -> AgendaItem:
    return AgendaItem(
        id=row.id,
        person=person,
        text=row.text,
        added_on=row.added_on,
        done_on=row.done_on,
        discussed_in_note_id=row.discussed_in_note_id,
    )
