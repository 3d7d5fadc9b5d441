"""Stakeholder notes and their follow-ups on the caller's session: saving a note (and
ticking the talking points discussed in it), reading notes as domain objects, and the
follow-ups' state (done, snoozed, rescheduled, dismissed).

``match`` arguments are FTS5 expressions (``journal.search.match_expression``); None
keeps every note.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import selectinload

from cxjournal.domain.errors import NotFoundError, ValidationError
from cxjournal.domain.model import FollowUp, Note, NoteKind
from cxjournal.store.agenda_store import set_agenda_item_done
from cxjournal.store.mapping import apply_note, follow_up_from_row, note_from_row, person_from_row
from cxjournal.store.models import AgendaItemRow, FollowUpRow, NoteRow, PersonRow
from cxjournal.store.session import Session


def save_note(session: Session, note: Note, discussed: Sequence[int] = ()) -> Note:
    """Add the note (no id) or update it with its follow-ups; ``discussed``: talking points
    of its person ticked done in it, on the note's date. The note must be valid."""
    if note.person_id is not None and session.get(PersonRow, note.person_id) is None:
        raise NotFoundError(f"no person with id {note.person_id}")
    row = NoteRow() if note.id is None else _row(session, note.id)
    if note.id is None:
        session.add(row)
    apply_note(row, note)
    kept = {f.id for f in note.follow_ups if f.id is not None}
    for existing in list(row.follow_ups):
        if existing.id not in kept:
            row.follow_ups.remove(existing)
    by_id = {f.id: f for f in row.follow_ups}
    for position, follow_up in enumerate(note.follow_ups):
        target = by_id.get(follow_up.id) if follow_up.id is not None else None
        if target is None:
            target = FollowUpRow()
            row.follow_ups.append(target)
        target.position = position
        target.text = follow_up.text.strip()
        target.due = follow_up.due
        target.done = follow_up.done
    session.flush()
    if discussed:
        _tick_discussed(session, discussed, note, row.id)
    return note_from_row(row)


def note(session: Session, note_id: int) -> Note:
    return note_from_row(_row(session, note_id))


def set_follow_up_done(session: Session, follow_up_id: int, done: bool) -> FollowUp:
    row = _follow_up_row(session, follow_up_id)
    row.done = done
    return follow_up_from_row(row)


def snooze_follow_up(session: Session, follow_up_id: int, until: date) -> FollowUp:
    """Leave the follow-up off Today until ``until`` (it keeps its due date)."""
    row = _follow_up_row(session, follow_up_id)
    row.snoozed_until = until
    return follow_up_from_row(row)


def reschedule_follow_up(session: Session, follow_up_id: int, due: date | None) -> FollowUp:
    """Give the follow-up a new due date, or none (and end any snooze)."""
    row = _follow_up_row(session, follow_up_id)
    row.due = due
    row.snoozed_until = None
    return follow_up_from_row(row)


def open_follow_ups(
    session: Session, due_by: date | None = None, person_id: int | None = None
) -> list[tuple[FollowUp, Note]]:
    """Follow-ups not done yet, soonest first (undated last), each with its note; only those
    due on or before ``due_by`` / from notes about ``person_id`` when given."""
    query = (
        select(FollowUpRow)
        .where(FollowUpRow.done.is_(False))
        .options(selectinload(FollowUpRow.note).selectinload(NoteRow.follow_ups))
    )
    if person_id is not None:
        query = query.join(NoteRow, NoteRow.id == FollowUpRow.note_id).where(
            NoteRow.person_id == person_id
        )
    if due_by is not None:
        query = query.where(FollowUpRow.due.is_not(None), FollowUpRow.due <= due_by)
    query = query.order_by(FollowUpRow.due.is_(None), FollowUpRow.due, FollowUpRow.id)
    return [(follow_up_from_row(r), note_from_row(r.note)) for r in session.scalars(query)]


def _of_kind(query: Select[Any], kind: NoteKind | None) -> Select[Any]:
    return query if kind is None else query.where(NoteRow.kind == kind.value)


def _follow_up_row(session: Session, follow_up_id: int) -> FollowUpRow:
    row = session.get(FollowUpRow, follow_up_id)
    if row is None:
        raise NotFoundError(f"no follow-up with id {follow_up_id}")
    return row


def _row(session: Session, note_id: int) -> NoteRow:
    row = session.get(NoteRow, note_id)
    if row is None:
        raise NotFoundError(f"no note with id {note_id}")
    return row


def _tick_discussed(session: Session, item_ids: Sequence[int], note: Note, note_id: int) -> None:
    """Tick the talking points ``item_ids`` (all of the note's person) done in the note."""
    person_row = session.get(PersonRow, note.person_id) if note.person_id is not None else None
    if person_row is None:
        raise ValidationError(["talking points can be ticked only in a note about someone"])
    people = {person_row.id: person_from_row(person_row)}
    for item_id in item_ids:
        item = session.get(AgendaItemRow, item_id)
        if item is None:
            raise NotFoundError(f"no talking point with id {item_id}")
        if item.person_id != person_row.id:
            raise ValidationError([f"talking point {item_id} is not {person_row.name}'s"])
        set_agenda_item_done(session, item_id, note.on, people, note_id)
