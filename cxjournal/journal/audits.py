"""Power audits: dated snapshots of up to ten ratings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from cxjournal.domain.errors import NotFoundError, ValidationError
from cxjournal.domain.model import Audit, Person
from cxjournal.domain.validation import audit_problems, person_problems
from cxjournal.store.mapping import apply_person, apply_rating, audit_from_row, person_from_row
from cxjournal.store.models import AuditRow, PersonRow, RatingRow

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from cxjournal.journal.core import Journal


@dataclass(frozen=True, slots=True)
class AuditSummary:
    id: int
    taken_on: date
    people: int
    blocking_superior: bool


class AuditOps:
    def __init__(self, journal: Journal) -> None:
        self._journal = journal

    # -- reading -------------------------------------------------------------------

    def summaries(self) -> list[AuditSummary]:
        """Every audit, newest first, with how many people it rates."""
        counts = (
            select(RatingRow.audit_id, func.count().label("n"))
            .group_by(RatingRow.audit_id)
            .subquery()
        )
        query = (
            select(
                AuditRow.id,
                AuditRow.taken_on,
                func.coalesce(counts.c.n, 0),
                AuditRow.blocking_superior,
            )
            .outerjoin(counts, counts.c.audit_id == AuditRow.id)
            .order_by(AuditRow.taken_on.desc(), AuditRow.id.desc())
        )
        with self._journal.session() as session:
            return [AuditSummary(*row) for row in session.execute(query)]

    def all(self) -> list[Audit]:
        """Every audit with its ratings, oldest first (the order trends are drawn in)."""
        with self._journal.session() as session:
            people = _people(session)
            rows = session.scalars(
                select(AuditRow)
                .options(selectinload(AuditRow.ratings))
                .order_by(AuditRow.taken_on, AuditRow.id)
            )
            return [audit_from_row(row, people) for row in rows]

    def get(self, audit_id: int) -> Audit:
        with self._journal.session() as session:
            return audit_from_row(_row(session, audit_id), _people(session))

    def latest(self) -> Audit | None:
        """The audit with the latest date; a tie goes to the one created last."""
        with self._journal.session() as session:
            row = session.scalars(
                select(AuditRow).order_by(AuditRow.taken_on.desc(), AuditRow.id.desc()).limit(1)
            ).first()
            return audit_from_row(row, _people(session)) if row else None

    def previous(self, audit_id: int) -> Audit | None:
        """The audit just before this one in date order, if any."""
        with self._journal.session() as session:
            current = _row(session, audit_id)
            row = session.scalars(
                select(AuditRow)
                .where(
                    (AuditRow.taken_on < current.taken_on)
                    | ((AuditRow.taken_on == current.taken_on) & (AuditRow.id < current.id))
                )
                .order_by(AuditRow.taken_on.desc(), AuditRow.id.desc())
                .limit(1)
            ).first()
            return audit_from_row(row, _people(session)) if row else None

    # -- writing ---------------------------------------------------------------------

    def save(self, audit: Audit) -> Audit:
        """Create (``id`` None) or replace an audit, with its ratings, in one transaction.

        People in ratings without an id are added to the directory first.
        """
        problems = audit_problems(audit)
        if audit.blocking_superior_person is not None and audit.blocking_superior_person.id is None:
            problems += [
                f"blocking_superior_person.{p}"
                for p in person_problems(audit.blocking_superior_person)
            ]
        if problems:
            raise ValidationError(problems)
        with self._journal.session() as session:
            if audit.id is None:
                row = AuditRow()
                session.add(row)
            else:
                row = _row(session, audit.id)
                row.ratings.clear()
                session.flush()
            row.taken_on = audit.taken_on
            row.note = audit.note
            row.blocking_superior = audit.blocking_superior
            blocker = audit.blocking_superior_person if audit.blocking_superior else None
            row.blocking_superior_person_id = (
                _person_id(session, blocker) if blocker is not None else None
            )
            for position, rating in enumerate(audit.ratings):
                rating_row = RatingRow(
                    position=position, person_id=_person_id(session, rating.person)
                )
                apply_rating(rating_row, rating)
                row.ratings.append(rating_row)
            session.flush()
            return audit_from_row(row, _people(session))

    def delete(self, audit_id: int) -> None:
        with self._journal.session() as session:
            session.delete(_row(session, audit_id))


def _row(session: Session, audit_id: int) -> AuditRow:
    row = session.get(AuditRow, audit_id)
    if row is None:
        raise NotFoundError(f"no audit with id {audit_id}")
    return row


def _people(session: Session) -> dict[int, Person]:
    return {row.id: person_from_row(row) for row in session.scalars(select(PersonRow))}


def _person_id(session: Session, person: Person) -> int:
    if person.id is not None:
        if session.get(PersonRow, person.id) is None:
            raise NotFoundError(f"no person with id {person.id}")
        return person.id
    row = PersonRow()
    apply_person(row, person)
    session.add(row)
    session.flush()
    return row.id
