"""Stakeholder notes, journal entries about no one, and their follow-ups."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import Select, select
from sqlalchemy.orm import selectinload

from cxjournal.domain.errors import NotFoundError, ValidationError
from cxjournal.domain.model import FollowUp, Note
from cxjournal.domain.validation import note_problems
from cxjournal.store.mapping import apply_note, follow_up_from_row, note_from_row
from cxjournal.store.models import FollowUpRow, NoteRow, PersonRow

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from cxjournal.journal.core import Journal


class NoteOps:
    def __init__(self, journal: Journal) -> None:
        self._journal = journal

    def add(self, note: Note) -> Note:
        return self._write(replace(note, id=None))

    def update(self, note: Note) -> Note:
        if note.id is None:
            raise ValidationError(["id: the note has not been saved yet"])
        return self._write(note)

    def _write(self, note: Note) -> Note:
        problems = note_problems(note)
        if problems:
            raise ValidationError(problems)
        with self._journal.session() as session:
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
            return note_from_row(row)

    def get(self, note_id: int) -> Note:
        with self._journal.session() as session:
            return note_from_row(_row(session, note_id))

    def delete(self, note_id: int) -> None:
        with self._journal.session() as session:
            session.delete(_row(session, note_id))

    def for_person(self, person_id: int, limit: int | None = None) -> list[Note]:
        """A person's notes, newest first."""
        query = _ordered(select(NoteRow).where(NoteRow.person_id == person_id))
        if limit is not None:
            query = query.limit(limit)
        with self._journal.session() as session:
            return [note_from_row(row) for row in session.scalars(query)]

    def recent(self, limit: int = 200, offset: int = 0) -> list[Note]:
        """All notes, about anyone or no one, newest first."""
        query = _ordered(select(NoteRow)).limit(limit).offset(offset)
        with self._journal.session() as session:
            return [note_from_row(row) for row in session.scalars(query)]

    def set_follow_up_done(self, follow_up_id: int, done: bool) -> FollowUp:
        with self._journal.session() as session:
            row = session.get(FollowUpRow, follow_up_id)
            if row is None:
                raise NotFoundError(f"no follow-up with id {follow_up_id}")
            row.done = done
            return follow_up_from_row(row)

    def open_follow_ups(self, due_by: date | None = None) -> list[tuple[FollowUp, Note]]:
        """Follow-ups not done yet (due on or before ``due_by`` when given), soonest first."""
        query = (
            select(FollowUpRow)
            .where(FollowUpRow.done.is_(False))
            .options(selectinload(FollowUpRow.note).selectinload(NoteRow.follow_ups))
        )
        if due_by is not None:
            query = query.where(FollowUpRow.due.is_not(None), FollowUpRow.due <= due_by)
        query = query.order_by(FollowUpRow.due.is_(None), FollowUpRow.due, FollowUpRow.id)
        with self._journal.session() as session:
            return [(follow_up_from_row(r), note_from_row(r.note)) for r in session.scalars(query)]


def _ordered(query: Select[Any]) -> Select[Any]:
    return query.options(selectinload(NoteRow.follow_ups)).order_by(
        NoteRow.on_date.desc(), NoteRow.id.desc()
    )


def _row(session: Session, note_id: int) -> NoteRow:
    row = session.get(NoteRow, note_id)
    if row is None:
        raise NotFoundError(f"no note with id {note_id}")
    return row
