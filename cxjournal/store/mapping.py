"""Conversions between ORM rows and domain objects, by the records' one declaration
(:mod:`cxjournal.store.records`)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from cxjournal.domain.model import (
    Audit,
    ExitItem,
    FollowUp,
    Note,
    Person,
    Rating,
    ResilienceEntry,
)
from cxjournal.domain.ties import tie_indexes, tie_rows
from cxjournal.domain.validation import email_key
from cxjournal.store import records
from cxjournal.store.models import (
    AuditRow,
    AuditTieRow,
    ExitItemRow,
    FollowUpRow,
    NoteRow,
    PersonEmailRow,
    PersonRow,
    RatingRow,
    ResilienceRow,
)
from cxjournal.store.records import (
    ASPECTS_RECORD,
    CHECK_IN,
    NOTE,
    PERSON,
    RATING,
    Record,
)


def orm_columns(rec: Record, table: Any) -> list[Any]:
    """The ORM columns of ``table`` that :func:`records.from_row` reads, stored only
    (``table`` may be an alias of the record's table)."""
    return [table.id, *(getattr(table, f.column) for f in rec.stored if f.column)]


def _orm_values(rec: Record, row: Any) -> list[Any]:
    return [row.id, *(getattr(row, f.column) for f in rec.stored if f.column)]


def person_from_row(row: PersonRow) -> Person:
    person: Person = records.from_row(
        PERSON,
        _orm_values(PERSON, row),
        stored_only=True,
        emails=tuple(e.email for e in row.emails),
    )
    return person


def person_values(person: Person) -> dict[str, Any]:
    """The ``people`` columns of a person (all but id and created_at), ready to write."""
    return records.values(PERSON, person)


def apply_person(row: PersonRow, person: Person) -> None:
    for name, value in person_values(person).items():
        setattr(row, name, value)
    apply_emails(row, person.emails)


def apply_emails(row: PersonRow, emails: Iterable[str]) -> None:
    """Make ``row``'s addresses ``emails`` (in order), keeping the rows of unchanged ones.

    Reusing rows matters: a new row for an address already stored would meet the
    old one in the unique index before the old one is deleted.
    """
    existing = {email_key(e.email): e for e in row.emails}
    wanted: list[PersonEmailRow] = []
    for position, email in enumerate(emails):
        target = existing.pop(email_key(email), None) or PersonEmailRow()
        target.email = email.strip()
        target.position = position
        wanted.append(target)
    row.emails = wanted


def rating_from_row(row: RatingRow, person: Person) -> Rating:
    aspects = records.from_row(
        ASPECTS_RECORD, [getattr(row, f.name) for f in ASPECTS_RECORD.fields]
    )
    rating: Rating = records.from_row(
        RATING, _orm_values(RATING, row), person=person, aspects=aspects
    )
    return rating


def apply_rating(row: RatingRow, rating: Rating) -> None:
    for values in (records.values(RATING, rating), records.values(ASPECTS_RECORD, rating.aspects)):
        for column, value in values.items():
            setattr(row, column, value)


def audit_from_row(row: AuditRow, people: dict[int, Person], with_ratings: bool = True) -> Audit:
    blocker = people.get(row.blocking_superior_person_id or -1)
    ratings = (
        tuple(rating_from_row(r, people[r.person_id]) for r in row.ratings) if with_ratings else ()
    )
    return Audit(
        id=row.id,
        taken_on=row.taken_on,
        note=row.note,
        blocking_superior=row.blocking_superior,
        blocking_superior_person=blocker,
        ratings=ratings,
        ties=tie_indexes(
            [r.person_id for r in row.ratings], [(t.person_a, t.person_b) for t in row.ties]
        )
        if with_ratings
        else (),
        ties_recorded=row.ties_recorded,
    )


def apply_ties(row: AuditRow, ties: Iterable[tuple[int, int]]) -> None:
    """Give a flushed audit row (ratings in place) the ties given as rating indexes."""
    rated = [r.person_id for r in row.ratings]
    row.ties = [AuditTieRow(person_a=a, person_b=b) for a, b in tie_rows(rated, ties)]


def follow_up_from_row(row: FollowUpRow) -> FollowUp:
    return FollowUp(id=row.id, text=row.text, due=row.due, done=row.done)


def note_from_row(row: NoteRow) -> Note:
    note: Note = records.from_row(
        NOTE,
        _orm_values(NOTE, row),
        follow_ups=tuple(follow_up_from_row(f) for f in row.follow_ups),
    )
    return note


def note_values(note: Note) -> dict[str, Any]:
    """The ``notes`` columns of a note (all but id and created_at), ready to write."""
    return records.values(NOTE, note)


def apply_note(row: NoteRow, note: Note) -> None:
    for name, value in note_values(note).items():
        setattr(row, name, value)


def resilience_from_row(row: ResilienceRow) -> ResilienceEntry:
    entry: ResilienceEntry = records.from_row(CHECK_IN, _orm_values(CHECK_IN, row))
    return entry


#: The columns of a check-in, in the order ``records.from_row`` reads them (the
#: import compares every check-in with these, not whole rows).
RESILIENCE_COLUMNS = tuple(orm_columns(CHECK_IN, ResilienceRow))


def resilience_values(entry: ResilienceEntry) -> dict[str, Any]:
    """The ``resilience`` columns of a check-in (all but id), ready to write."""
    return records.values(CHECK_IN, entry)


def apply_resilience(row: ResilienceRow, entry: ResilienceEntry) -> None:
    for name, value in resilience_values(entry).items():
        setattr(row, name, value)


def exit_item_from_row(row: ExitItemRow) -> ExitItem:
    return ExitItem(id=row.id, text=row.text, done=row.done, due=row.due, position=row.position)
