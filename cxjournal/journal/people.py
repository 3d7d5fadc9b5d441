"""People: the directory that audits and stakeholder notes share."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from sqlalchemy import Select, func, or_, select

from cxjournal.domain.cadence import CONTACT_KINDS, DueStatus, due_status, next_due
from cxjournal.domain.errors import NotFoundError, ValidationError
from cxjournal.domain.model import Attitude, Person
from cxjournal.domain.validation import person_problems
from cxjournal.journal.changes import Area
from cxjournal.store.mapping import apply_person, person_from_row
from cxjournal.store.models import (
    AgendaItemRow,
    AuditRow,
    NoteRow,
    PersonRow,
    PlanPersonRow,
    ProofShareRow,
    RatingRow,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from cxjournal.journal.core import Journal


@dataclass(frozen=True, slots=True)
class DueStakeholder:
    """Where a stakeholder's update cadence stands on a given day."""

    person: Person
    #: the latest note with them of a kind that counts as contact, if any
    last_contact: dt.date | None
    #: when the next update is due; None without a cadence
    due: dt.date | None
    status: DueStatus


@dataclass(frozen=True, slots=True)
class PersonSummary:
    """One line of the people directory: the person, their cadence and latest attitude."""

    person: Person
    last_contact: dt.date | None
    due: dt.date | None
    status: DueStatus
    #: the attitude of their latest note that records one
    last_attitude: Attitude | None
    note_count: int


class PeopleOps:
    def __init__(self, journal: Journal) -> None:
        self._journal = journal

    def all(self, include_archived: bool = False) -> list[Person]:
        query = select(PersonRow).order_by(func.lower(PersonRow.name), PersonRow.id)
        if not include_archived:
            query = query.where(PersonRow.archived.is_(False))
        with self._journal.session() as session:
            return [person_from_row(row) for row in session.scalars(query)]

    def get(self, person_id: int) -> Person:
        with self._journal.session() as session:
            return person_from_row(_row(session, person_id))

    def find_by_name(self, name: str) -> Person | None:
        """The person with exactly this name, compared case-insensitively (oldest first)."""
        with self._journal.session() as session:
            row = find_row_by_name(session, name)
            return person_from_row(row) if row else None

    def add(self, person: Person) -> Person:
        problems = person_problems(person)
        if problems:
            raise ValidationError(problems)
        with self._journal.session(Area.PEOPLE) as session:
            row = PersonRow()
            apply_person(row, replace(person, id=None))
            session.add(row)
            session.flush()
            return person_from_row(row)

    def update(self, person: Person) -> Person:
        if person.id is None:
            raise ValidationError(["id: the person has not been saved yet"])
        problems = person_problems(person)
        if problems:
            raise ValidationError(problems)
        with self._journal.session(Area.PEOPLE) as session:
            row = _row(session, person.id)
            apply_person(row, person)
            session.flush()
            return person_from_row(row)

    def set_archived(self, person_id: int, archived: bool) -> Person:
        with self._journal.session(Area.PEOPLE) as session:
            row = _row(session, person_id)
            row.archived = archived
            return person_from_row(row)

    def usage(self, person_id: int) -> dict[str, int]:
        """How much journal content refers to this person: notes, ratings, blocking flags."""
        with self._journal.session() as session:
            return usage_counts(session, person_id)

    def delete(self, person_id: int) -> int:
        """Move a person to the trash with everything that is theirs: e-mails, notes and
        their follow-ups, ratings in audits, talking points, plan roles and proof-point
        shares (an audit that named them as the blocking superior keeps its flag, without
        the name, until they are restored). The trash item's id."""
        return self._journal.trash.delete("person", person_id)

    # -- cadence ----------------------------------------------------------------------

    def summaries(self, today: dt.date, include_archived: bool = False) -> list[PersonSummary]:
        """Every person (archived too on request) with cadence, latest attitude and note count.

        Three aggregate queries, however many notes there are; sorted by name.
        """
        query = _with_contact(select(PersonRow)).order_by(func.lower(PersonRow.name), PersonRow.id)
        if not include_archived:
            query = query.where(PersonRow.archived.is_(False))
        with self._journal.session() as session:
            rows = session.execute(query).all()
            attitudes = _latest_attitudes(session)
            count_query = (
                select(NoteRow.person_id, func.count())
                .where(NoteRow.person_id.is_not(None))
                .group_by(NoteRow.person_id)
            )
            counts = {int(pid or 0): int(n) for pid, n in session.execute(count_query)}
            result = []
            for row, last in rows:
                person = person_from_row(row)
                due = next_due(person.cadence_days, last, today)
                result.append(
                    PersonSummary(
                        person=person,
                        last_contact=last,
                        due=due,
                        status=due_status(due, today),
                        last_attitude=attitudes.get(row.id),
                        note_count=int(counts.get(row.id, 0)),
                    )
                )
            return result

    def due(self, today: dt.date) -> list[DueStakeholder]:
        """Stakeholders (not archived, with a cadence) whose update is due on or before
        ``today``, most overdue first. One query: the latest contact is aggregated in SQL."""
        query = _with_contact(select(PersonRow)).where(
            PersonRow.archived.is_(False), PersonRow.cadence_days.is_not(None)
        )
        with self._journal.session() as session:
            found = []
            for row, last in session.execute(query):
                person = person_from_row(row)
                due = next_due(person.cadence_days, last, today)
                if due is not None and due <= today:
                    found.append(DueStakeholder(person, last, due, due_status(due, today)))
        found.sort(key=lambda d: (d.due, d.person.name.casefold(), d.person.id or 0))
        return found

    def due_count(self, today: dt.date) -> int:
        """How many stakeholders are due or overdue on ``today`` (as ``len(due(today))``)."""
        return len(self.due(today))

    def cadence(self, person_id: int, today: dt.date) -> DueStakeholder:
        """Where one person's cadence stands on ``today``."""
        query = _with_contact(select(PersonRow)).where(PersonRow.id == person_id)
        with self._journal.session() as session:
            found = session.execute(query).first()
            if found is None:
                raise NotFoundError(f"no person with id {person_id}")
            person = person_from_row(found[0])
        due = next_due(person.cadence_days, found[1], today)
        return DueStakeholder(person, found[1], due, due_status(due, today))

    def search(self, text: str, include_archived: bool = False) -> list[Person]:
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
        with self._journal.session() as session:
            rows = session.scalars(query.order_by(func.lower(PersonRow.name)))
            return [person_from_row(row) for row in rows]


def _with_contact(query: Select[Any]) -> Select[Any]:
    """``query`` on people plus a column: the date of the latest note that counts as contact."""
    contact = (
        select(NoteRow.person_id, func.max(NoteRow.on_date).label("last_contact"))
        .where(
            NoteRow.person_id.is_not(None),
            NoteRow.kind.in_(sorted(kind.value for kind in CONTACT_KINDS)),
        )
        .group_by(NoteRow.person_id)
        .subquery()
    )
    return query.add_columns(contact.c.last_contact).outerjoin(
        contact, contact.c.person_id == PersonRow.id
    )


def _latest_attitudes(session: Session) -> dict[int, Attitude]:
    """Each person's attitude in their latest note that records one."""
    ranked = (
        select(
            NoteRow.person_id,
            NoteRow.attitude,
            func.row_number()
            .over(
                partition_by=NoteRow.person_id,
                order_by=(NoteRow.on_date.desc(), NoteRow.id.desc()),
            )
            .label("n"),
        )
        .where(NoteRow.person_id.is_not(None), NoteRow.attitude.is_not(None))
        .subquery()
    )
    rows = session.execute(select(ranked.c.person_id, ranked.c.attitude).where(ranked.c.n == 1))
    return {int(person_id): Attitude(attitude) for person_id, attitude in rows}


def _row(session: Session, person_id: int) -> PersonRow:
    row = session.get(PersonRow, person_id)
    if row is None:
        raise NotFoundError(f"no person with id {person_id}")
    return row


def find_row_by_name(session: Session, name: str) -> PersonRow | None:
    """Exact name match ignoring case (Unicode-aware, so "Émile" matches "émile"); oldest first."""
    wanted = " ".join(name.split()).casefold()
    for person_id, candidate in session.execute(
        select(PersonRow.id, PersonRow.name).order_by(PersonRow.id)
    ):
        if " ".join(candidate.split()).casefold() == wanted:
            return session.get(PersonRow, person_id)
    return None


def usage_counts(session: Session, person_id: int) -> dict[str, int]:
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
