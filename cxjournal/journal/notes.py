"""Stakeholder notes, journal entries about no one, and their follow-ups."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime
from typing import TYPE_CHECKING

from cxjournal.domain.errors import NotFoundError, ValidationError
from cxjournal.domain.model import Attitude, FollowUp, Note, NoteKind
from cxjournal.domain.validation import note_problems
from cxjournal.journal.changes import Area
from cxjournal.store.reads import notes as note_reads

if TYPE_CHECKING:
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
        from cxjournal.store import note_store

        problems = note_problems(note)
        if problems:
            raise ValidationError(problems)
        changes = Area.NOTES | (Area.AGENDA if discussed else Area.NONE)
        with self._journal.session(changes) as session:
            return note_store.save_note(session, note, discussed)

    def get(self, note_id: int) -> Note:
        from cxjournal.store import note_store

        with self._journal.session() as session:
            return note_store.note(session, note_id)

    def delete(self, note_id: int) -> int:
        """Move the note and its follow-ups to the trash; the trash item's id."""
        return self._journal.trash.delete("note", note_id)

    def delete_follow_up(self, follow_up_id: int) -> int:
        """Move one follow-up to the trash (its note stays); the trash item's id."""
        return self._journal.trash.delete("follow_up", follow_up_id)

    def for_person(self, person_id: int, limit: int | None = None, offset: int = 0) -> list[Note]:
        """A person's notes, newest first."""
        with self._journal.reading() as conn:
            return note_reads.page(conn, limit, offset, None, "date", True, None, person_id)

    def about_people(self) -> list[Note]:
        """Every note about someone, oldest first and in the order entered (for the program)."""
        from cxjournal.store.note_reads import notes_about_people

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

        ``order`` sorts by another column (see ``domain.list_orders.NOTE_ORDERS``);
        ``text`` keeps the notes whose text, tags, person or follow-ups match it, as
        search does (no words: every note).
        """
        match = _match(text)
        with self._journal.reading() as conn:
            return note_reads.page(conn, limit, offset, kind, order, descending, match)

    def count(
        self, person_id: int | None = None, kind: NoteKind | None = None, text: str = ""
    ) -> int:
        """How many notes there are (about ``person_id`` / of ``kind`` / matching ``text``)."""
        match = _match(text)
        with self._journal.reading() as conn:
            return note_reads.count(conn, person_id, kind, match)

    def position(self, note_id: int, kind: NoteKind | None = None) -> int:
        """The note's index in :meth:`recent` order (newest first); for paging to it."""
        with self._journal.reading() as conn:
            found = note_reads.position(conn, note_id, kind)
        if found is None:
            raise NotFoundError(f"no note with id {note_id}")
        return found

    def attitudes(self, person_id: int) -> list[tuple[date, Attitude]]:
        """The attitudes noted for a person over time, oldest first."""
        with self._journal.reading() as conn:
            return note_reads.attitudes(conn, person_id)[0]

    def latest_attitudes(
        self, person_id: int, latest: int
    ) -> tuple[list[tuple[date, Attitude]], int]:
        """The person's latest ``latest`` attitudes, oldest first, and how many they have
        noted in all (one query; the older ones are not read)."""
        with self._journal.reading() as conn:
            return note_reads.attitudes(conn, person_id, latest)

    def last_attitude(self, person_id: int) -> Attitude | None:
        """The attitude in the person's latest note that records one."""
        with self._journal.reading() as conn:
            return note_reads.last_attitude(conn, person_id)

    def tags(self) -> list[str]:
        """Every tag used on a note, most used first (for completion)."""
        with self._journal.reading() as conn:
            return note_reads.tags(conn)

    def set_follow_up_done(self, follow_up_id: int, done: bool) -> FollowUp:
        from cxjournal.store import note_store

        with self._journal.session(Area.NOTES) as session:
            return note_store.set_follow_up_done(session, follow_up_id, done)

    def snooze_follow_up(self, follow_up_id: int, until: date) -> FollowUp:
        """Leave the follow-up off Today until ``until`` (it keeps its due date)."""
        from cxjournal.store import note_store

        _require_date("snooze until", until)
        with self._journal.session(Area.NOTES) as session:
            return note_store.snooze_follow_up(session, follow_up_id, until)

    def reschedule_follow_up(self, follow_up_id: int, due: date) -> FollowUp:
        """Give the follow-up a new due date (and end any snooze)."""
        from cxjournal.store import note_store

        _require_date("due", due)
        with self._journal.session(Area.NOTES) as session:
            return note_store.reschedule_follow_up(session, follow_up_id, due)

    def dismiss_follow_up(self, follow_up_id: int) -> FollowUp:
        """Take the follow-up off Today: it stays open in its note, without a due date.

        Not a deletion: the note keeps the follow-up, and giving it a date again
        (:meth:`reschedule_follow_up`, or the note's editor) brings it back.
        """
        from cxjournal.store import note_store

        with self._journal.session(Area.NOTES) as session:
            return note_store.reschedule_follow_up(session, follow_up_id, None)

    def open_follow_ups(
        self, due_by: date | None = None, person_id: int | None = None
    ) -> list[tuple[FollowUp, Note]]:
        """Follow-ups not done yet, soonest first (undated last), each with its note.

        Only those due on or before ``due_by`` / from notes about ``person_id`` when given.
        """
        from cxjournal.store import note_store

        with self._journal.session() as session:
            return note_store.open_follow_ups(session, due_by, person_id)


def _match(typed: str) -> str | None:
    """The FTS5 expression for the words typed; None for no words (every note)."""
    from cxjournal.journal.search import match_expression

    return match_expression(typed) if typed.strip() else None


def _require_date(field: str, value: object) -> None:
    if isinstance(value, datetime) or not isinstance(value, date):
        raise ValidationError([f"{field}: {value!r} is not a date"])
