"""Stakeholder notes, journal entries about no one, and their follow-ups."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Select, and_, func, or_, select, text
from sqlalchemy.orm import selectinload

from cxjournal.domain.errors import NotFoundError, ValidationError
from cxjournal.domain.model import Attitude, FollowUp, Note, NoteKind
from cxjournal.domain.validation import note_problems
from cxjournal.journal.changes import Area
from cxjournal.store.agenda_store import set_agenda_item_done
from cxjournal.store.mapping import apply_note, follow_up_from_row, note_from_row, person_from_row
from cxjournal.store.models import AgendaItemRow, FollowUpRow, NoteRow, PersonRow
from cxjournal.store.note_reads import notes_about_people
from cxjournal.store.orderings import notes_matching, order_notes

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from cxjournal.journal.core import Journal


class NoteOps:
    def __init__(self, journal: Journal) -> None:
        self._journal = journal

    def add(self, note: Note, discussed: Sequence[int] = ()) -> Note:
        """Save a new note; ``discussed``: talking points of its person ticked in it (they
        are done on the note's date, discussed in it), in the same transaction."""
        return self._write(replace(note, id=None), discussed)

    def update(self, note: Note, discussed: Sequence[int] = ()) -> Note:
        if note.id is None:
            raise ValidationError(["id: the note has not been saved yet"])
        return self._write(note, discussed)

    def _write(self, note: Note, discussed: Sequence[int] = ()) -> Note:
        problems = note_problems(note)
        if problems:
            raise ValidationError(problems)
        changes = Area.NOTES | (Area.AGENDA if discussed else Area.NONE)
        with self._journal.session(changes) as session:
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

    def get(self, note_id: int) -> Note:
        with self._journal.session() as session:
            return note_from_row(_row(session, note_id))

    def delete(self, note_id: int) -> int:
        """Move the note and its follow-ups to the trash; the trash item's id."""
        return self._journal.trash.delete("note", note_id)

    def delete_follow_up(self, follow_up_id: int) -> int:
        """Move one follow-up to the trash (its note stays); the trash item's id."""
        return self._journal.trash.delete("follow_up", follow_up_id)

    def for_person(self, person_id: int, limit: int | None = None, offset: int = 0) -> list[Note]:
        """A person's notes, newest first."""
        query = _ordered(select(NoteRow).where(NoteRow.person_id == person_id))
        if limit is not None:
            query = query.limit(limit)
        if offset:
            query = query.offset(offset)
        with self._journal.session() as session:
            return [note_from_row(row) for row in session.scalars(query)]

    def about_people(self) -> list[Note]:
        """Every note about someone, oldest first and in the order entered (for the program)."""
        with self._journal.session() as session:
            return notes_about_people(session)

    def recent(
        self,
        limit: int = 200,
        offset: int = 0,
        kind: NoteKind | None = None,
        order: str = "date",
        descending: bool = True,
        text: str = "",
    ) -> list[Note]:
        """All notes, about anyone or no one, newest first (only of ``kind`` if given).

        ``order`` sorts by another column (see ``store.orderings.NOTE_ORDERS``);
        ``text`` keeps the notes whose text, tags, person or follow-ups match it, as
        search does (no words: every note).
        """
        query = _matching(_of_kind(select(NoteRow), kind), text)
        query = order_notes(query.options(selectinload(NoteRow.follow_ups)), order, descending)
        query = query.limit(limit).offset(offset)
        with self._journal.session() as session:
            return [note_from_row(row) for row in session.scalars(query)]

    def count(
        self, person_id: int | None = None, kind: NoteKind | None = None, text: str = ""
    ) -> int:
        """How many notes there are (about ``person_id`` / of ``kind`` / matching ``text``)."""
        query = _matching(_of_kind(select(func.count()).select_from(NoteRow), kind), text)
        if person_id is not None:
            query = query.where(NoteRow.person_id == person_id)
        with self._journal.session() as session:
            return int(session.scalar(query) or 0)

    def position(self, note_id: int, kind: NoteKind | None = None) -> int:
        """The note's index in :meth:`recent` order (newest first); for paging to it."""
        with self._journal.session() as session:
            row = _row(session, note_id)
            newer = or_(
                NoteRow.on_date > row.on_date,
                and_(NoteRow.on_date == row.on_date, NoteRow.id > row.id),
            )
            query = _of_kind(select(func.count()).select_from(NoteRow), kind).where(newer)
            return int(session.scalar(query) or 0)

    def attitudes(self, person_id: int) -> list[tuple[date, Attitude]]:
        """The attitudes noted for a person over time, oldest first."""
        query = (
            select(NoteRow.on_date, NoteRow.attitude)
            .where(NoteRow.person_id == person_id, NoteRow.attitude.is_not(None))
            .order_by(NoteRow.on_date, NoteRow.id)
        )
        with self._journal.session() as session:
            return [(on, Attitude(attitude or "")) for on, attitude in session.execute(query)]

    def last_attitude(self, person_id: int) -> Attitude | None:
        """The attitude in the person's latest note that records one."""
        query = (
            select(NoteRow.attitude)
            .where(NoteRow.person_id == person_id, NoteRow.attitude.is_not(None))
            .order_by(NoteRow.on_date.desc(), NoteRow.id.desc())
            .limit(1)
        )
        with self._journal.session() as session:
            value = session.scalar(query)
        return Attitude(value) if value else None

    def tags(self) -> list[str]:
        """Every tag used on a note, most used first (for completion)."""
        query = text(
            "SELECT value FROM notes, json_each(notes.tags) "
            "GROUP BY value ORDER BY count(*) DESC, value"
        )
        with self._journal.session() as session:
            return [str(value) for (value,) in session.execute(query)]

    def set_follow_up_done(self, follow_up_id: int, done: bool) -> FollowUp:
        with self._journal.session(Area.NOTES) as session:
            row = session.get(FollowUpRow, follow_up_id)
            if row is None:
                raise NotFoundError(f"no follow-up with id {follow_up_id}")
            row.done = done
            return follow_up_from_row(row)

    def snooze_follow_up(self, follow_up_id: int, until: date) -> FollowUp:
        """Leave the follow-up off Today until ``until`` (it keeps its due date)."""
        _require_date("snooze until", until)
        with self._journal.session(Area.NOTES) as session:
            row = _follow_up_row(session, follow_up_id)
            row.snoozed_until = until
            return follow_up_from_row(row)

    def reschedule_follow_up(self, follow_up_id: int, due: date) -> FollowUp:
        """Give the follow-up a new due date (and end any snooze)."""
        _require_date("due", due)
        with self._journal.session(Area.NOTES) as session:
            row = _follow_up_row(session, follow_up_id)
            row.due = due
            row.snoozed_until = None
            return follow_up_from_row(row)

    def dismiss_follow_up(self, follow_up_id: int) -> FollowUp:
        """Take the follow-up off Today: it stays open in its note, without a due date.

        Not a deletion: the note keeps the follow-up, and giving it a date again
        (:meth:`reschedule_follow_up`, or the note's editor) brings it back.
        """
        with self._journal.session(Area.NOTES) as session:
            row = _follow_up_row(session, follow_up_id)
            row.due = None
            row.snoozed_until = None
            return follow_up_from_row(row)

    def open_follow_ups(
        self, due_by: date | None = None, person_id: int | None = None
    ) -> list[tuple[FollowUp, Note]]:
        """Follow-ups not done yet, soonest first (undated last), each with its note.

        Only those due on or before ``due_by`` / from notes about ``person_id`` when given.
        """
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
        with self._journal.session() as session:
            return [(follow_up_from_row(r), note_from_row(r.note)) for r in session.scalars(query)]


def _of_kind(query: Select[Any], kind: NoteKind | None) -> Select[Any]:
    return query if kind is None else query.where(NoteRow.kind == kind.value)


def _matching(query: Select[Any], typed: str) -> Select[Any]:
    from cxjournal.journal.search import match_expression

    match = match_expression(typed) if typed.strip() else None
    return query if match is None else notes_matching(query, match)


def _ordered(query: Select[Any]) -> Select[Any]:
    return query.options(selectinload(NoteRow.follow_ups)).order_by(
        NoteRow.on_date.desc(), NoteRow.id.desc()
    )


def _follow_up_row(session: Session, follow_up_id: int) -> FollowUpRow:
    row = session.get(FollowUpRow, follow_up_id)
    if row is None:
        raise NotFoundError(f"no follow-up with id {follow_up_id}")
    return row


def _require_date(field: str, value: object) -> None:
    if isinstance(value, datetime) or not isinstance(value, date):
        raise ValidationError([f"{field}: {value!r} is not a date"])


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
