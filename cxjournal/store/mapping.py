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
    Note,
    NoteKind,
    Person,
    PreferredFormat,
    Rating,
    Relationship,
    ResilienceEntry,
)
from cxjournal.store.models import (
    AuditRow,
    ExitItemRow,
    FollowUpRow,
    NoteRow,
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
        **{name: getattr(row, name) for name in PERSON_FIELDS},
    )


def apply_person(row: PersonRow, person: Person) -> None:
    row.name = person.name.strip()
    row.relationship = person.relationship.value
    row.preferred_format = person.preferred_format.value if person.preferred_format else None
    for name in PERSON_FIELDS:
        value = getattr(person, name)
        setattr(row, name, value.strip() if isinstance(value, str) else value)


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
    )


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
    )


def apply_note(row: NoteRow, note: Note) -> None:
    row.person_id = note.person_id
    row.on_date = note.on
    row.kind = note.kind.value
    row.text = note.text
    row.attitude = note.attitude.value if note.attitude else None
    row.tags = tags_to_json(note.tags)


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
)


def resilience_from_columns(row: Sequence[Any]) -> ResilienceEntry:
    entry_id, on, energy, stress, mood, sleep, drains, restorers, note = row
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
    )


def apply_resilience(row: ResilienceRow, entry: ResilienceEntry) -> None:
    row.on_date = entry.on
    row.energy = entry.energy
    row.stress = entry.stress
    row.mood = entry.mood
    row.sleep_hours = entry.sleep_hours
    row.drains = tags_to_json(entry.drains)
    row.restorers = tags_to_json(entry.restorers)
    row.note = entry.note


def exit_item_from_row(row: ExitItemRow) -> ExitItem:
    return ExitItem(id=row.id, text=row.text, done=row.done, due=row.due, position=row.position)
