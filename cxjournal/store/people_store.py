"""The people directory on the caller's session: adding, editing, archiving and finding
people, and how much of the journal refers to one."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from sqlalchemy import Select, func, or_, select

from cxjournal.domain.errors import NotFoundError
from cxjournal.domain.model import Person
from cxjournal.store.mapping import apply_person, person_from_row
from cxjournal.store.models import AgendaItemRow, AuditRow, NoteRow, PersonRow, RatingRow
from cxjournal.store.program_models import PlanPersonRow, ProofShareRow
from cxjournal.store.session import Session


def person(session: Session, person_id: int) -> Person:
    return person_from_row(_row(session, person_id))


def person_named(session: Session, name: str) -> Person | None:
    """Exact name match ignoring case (Unicode-aware, so "Émile" matches "émile") and
    runs of spaces; the oldest such person."""
    wanted = " ".join(name.split()).casefold()
    for person_id, candidate in session.execute(
        select(PersonRow.id, PersonRow.name).order_by(PersonRow.id)
    ):
        if " ".join(candidate.split()).casefold() == wanted:
            row = session.get(PersonRow, person_id)
            return person_from_row(row) if row else None
    return None


def add_person(session: Session, person: Person) -> Person:
    """Save a new (valid) person; its id is given by the store."""
    row = PersonRow()
    apply_person(row, replace(person, id=None))
    session.add(row)
    session.flush()
    return person_from_row(row)


def update_person(session: Session, person: Person, person_id: int) -> Person:
    """Save the (valid) person under ``person_id``."""
    row = _row(session, person_id)
    apply_person(row, person)
    session.flush()
    return person_from_row(row)


def set_person_archived(session: Session, person_id: int, archived: bool) -> Person:
    row = _row(session, person_id)
    row.archived = archived
    return person_from_row(row)


def usage_counts(session: Session, person_id: int) -> dict[str, int]:
    """How much journal content refers to the person, by what it is."""

    def count(query: Select[Any]) -> int:
        return int(session.scalar(query) or 0)

    return {
        "notes": count(select(func.count()).where(NoteRow.person_id == person_id)),
        "ratings": count(select(func.count()).where(RatingRow.person_id == person_id)),
        "blocking flags": count(
            select(func.count()).where(AuditRow.blocking_superior_person_id == person_id)
        ),
        "plan roles": count(select(func.count()).where(PlanPersonRow.person_id == person_id)),
        "proof points shared": count(
            select(func.count()).where(ProofShareRow.person_id == person_id)
        ),
        "talking points": count(select(func.count()).where(AgendaItemRow.person_id == person_id)),
    }


def search_people(session: Session, text: str, include_archived: bool = False) -> list[Person]:
    """People whose name, role, team or function contains ``text`` (case-insensitive)."""
    like = f"%{text.strip().lower()}%"
    query = select(PersonRow).where(
        or_(
            *(
                func.lower(col).like(like)
                for col in (PersonRow.name, PersonRow.role, PersonRow.team, PersonRow.function)
            )
        )
    )
    if not include_archived:
        query = query.where(PersonRow.archived.is_(False))
    rows = session.scalars(query.order_by(func.lower(PersonRow.name)))
    return [person_from_row(row) for row in rows]


def _row(session: Session, person_id: int) -> PersonRow:
    row = session.get(PersonRow, person_id)
    if row is None:
        raise NotFoundError(f"no person with id {person_id}")
    return row
