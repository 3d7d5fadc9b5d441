"""Conversions between store rows and domain objects."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from cxjournal.domain.model import (
    ASPECTS,
    Aspects,
    Attitude,
    Audit,
    ExitItem,
    FollowUp,
    FormatUsed,
    Note,
    NoteGoal,
    NoteKind,
    NoteOutcome,
    Person,
    PreferredFormat,
    Rating,
    Relationship,
    ResilienceEntry,
)
from cxjournal.domain.ties import tie_indexes, tie_rows
from cxjournal.domain.validation import email_key
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

PERSON_FIELDS: tuple[str, ...] = (
    "role",
    "organisation",
    "internal",
    "team",
    "function",
    "product_unit",
    "location",
    "key_stakeholder",
    "cx_board",
    "cadence_days",
    "information_needs",
    "motivations",
    "archived",
    "desired_by",
    "move_plan",
    "power",
    "interest",
)


def tags_to_json(tags: Iterable[str]) -> str:
    cleaned: list[str] = []
    seen: set[str] = set()
    for tag in tags:
        tag = " ".join(tag.split())
        if tag and tag.casefold() not in seen:
            seen.add(tag.casefold())
            cleaned.append(tag)
    return json.dumps(cleaned, ensure_ascii=False)


def tags_from_json(text: str | None) -> tuple[str, ...]:
    if not text or text == "[]":  # most rows carry no tags: skip the JSON parser
        return ()
    return tuple(str(tag) for tag in json.loads(text))


def person_from_row(row: PersonRow) -> Person:
    return Person(
        id=row.id,
        name=row.name,
        relationship=Relationship(row.relationship),
        preferred_format=PreferredFormat(row.preferred_format) if row.preferred_format else None,
        desired_attitude=Attitude(row.desired_attitude) if row.desired_attitude else None,
        emails=tuple(e.email for e in row.emails),
        **{name: getattr(row, name) for name in PERSON_FIELDS},
    )


def person_values(person: Person) -> dict[str, Any]:
    """The ``people`` columns of a person (all but id and created_at), ready to write."""
    values: dict[str, Any] = {
        "name": person.name.strip(),
        "relationship": person.relationship.value,
        "preferred_format": person.preferred_format.value if person.preferred_format else None,
        "desired_attitude": person.desired_attitude.value if person.desired_attitude else None,
    }
    for name in PERSON_FIELDS:
        value = getattr(person, name)
        values[name] = value.strip() if isinstance(value, str) else value
    return values


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
    return Rating(
        id=row.id,
        person=person,
        value=row.value,
        irreplaceability=row.irreplaceability,
        my_value=row.my_value,
        my_irreplaceability=row.my_irreplaceability,
        aspects=Aspects(**{name: getattr(row, name) for name in ASPECTS}),
    )


def apply_rating(row: RatingRow, rating: Rating) -> None:
    row.value = rating.value
    row.irreplaceability = rating.irreplaceability
    row.my_value = rating.my_value
    row.my_irreplaceability = rating.my_irreplaceability
    for name in ASPECTS:
        setattr(row, name, getattr(rating.aspects, name))


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
    return Note(
        id=row.id,
        person_id=row.person_id,
        on=row.on_date,
        kind=NoteKind(row.kind),
        text=row.text,
        attitude=Attitude(row.attitude) if row.attitude else None,
        tags=tags_from_json(row.tags),
        follow_ups=tuple(follow_up_from_row(f) for f in row.follow_ups),
        goal=NoteGoal(row.goal) if row.goal else None,
        format_used=FormatUsed(row.format_used) if row.format_used else None,
        outcome=NoteOutcome(row.outcome) if row.outcome else None,
    )


def note_values(note: Note) -> dict[str, Any]:
    """The ``notes`` columns of a note (all but id and created_at), ready to write."""
    return {
        "person_id": note.person_id,
        "on_date": note.on,
        "kind": note.kind.value,
        "text": note.text,
        "attitude": note.attitude.value if note.attitude else None,
        "tags": tags_to_json(note.tags),
        "goal": note.goal.value if note.goal else None,
        "format_used": note.format_used.value if note.format_used else None,
        "outcome": note.outcome.value if note.outcome else None,
    }


def apply_note(row: NoteRow, note: Note) -> None:
    for name, value in note_values(note).items():
        setattr(row, name, value)


def resilience_from_row(row: ResilienceRow) -> ResilienceEntry:
    return ResilienceEntry(
        id=row.id,
        on=row.on_date,
        energy=row.energy,
        stress=row.stress,
        mood=row.mood,
        sleep_hours=row.sleep_hours,
        drains=tags_from_json(row.drains),
        restorers=tags_from_json(row.restorers),
        note=row.note,
        tags=tags_from_json(row.tags),
    )


#: The columns of a check-in, in the order :func:`resilience_from_columns` reads them;
#: reading these instead of whole rows keeps long lists fast.
RESILIENCE_COLUMNS = (
    ResilienceRow.id,
    ResilienceRow.on_date,
    ResilienceRow.energy,
    ResilienceRow.stress,
    ResilienceRow.mood,
    ResilienceRow.sleep_hours,
    ResilienceRow.drains,
    ResilienceRow.restorers,
    ResilienceRow.note,
    ResilienceRow.tags,
)


def resilience_from_columns(row: Sequence[Any]) -> ResilienceEntry:
    entry_id, on, energy, stress, mood, sleep, drains, restorers, note, tags = row
    return ResilienceEntry(
        id=entry_id,
        on=on,
        energy=energy,
        stress=stress,
        mood=mood,
        sleep_hours=sleep,
        drains=tags_from_json(drains),
        restorers=tags_from_json(restorers),
        note=note or "",
        tags=tags_from_json(tags),
    )


def resilience_values(entry: ResilienceEntry) -> dict[str, Any]:
    """The ``resilience`` columns of a check-in (all but id), ready to write."""
    return {
        "on_date": entry.on,
        "energy": entry.energy,
        "stress": entry.stress,
        "mood": entry.mood,
        "sleep_hours": entry.sleep_hours,
        "drains": tags_to_json(entry.drains),
        "restorers": tags_to_json(entry.restorers),
        "note": entry.note,
        "tags": tags_to_json(entry.tags),
    }


def apply_resilience(row: ResilienceRow, entry: ResilienceEntry) -> None:
    for name, value in resilience_values(entry).items():
        setattr(row, name, value)


def exit_item_from_row(row: ExitItemRow) -> ExitItem:
    return ExitItem(id=row.id, text=row.text, done=row.done, due=row.due, position=row.position)
