"""The CX program, its eight plans and the proof points, read and written in a session.

Plain typed functions for the journal's program operations and for import and
export to build on. Each takes the caller's session (one transaction) and a
map of store people by id where records name people. Writers check their input
with :mod:`cxjournal.domain.validation` first and raise ``ValidationError``
naming every problem, writing nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING

from sqlalchemy import delete, select

from cxjournal.domain.errors import NotFoundError, ValidationError
from cxjournal.domain.model import (
    PLAN_KINDS,
    Person,
    Plan,
    Program,
    ProofPoint,
)
from cxjournal.domain.validation import program_problems, proof_point_problems
from cxjournal.store.models import PersonRow
from cxjournal.store.program_models import (
    PlanPersonRow,
    PlanRow,
    ProgramRow,
    ProofPointPlanRow,
    ProofPointRow,
    ProofShareRow,
)
from cxjournal.store.reads import program as program_reads
from cxjournal.store.reads import proof_points as proof_reads
from cxjournal.store.session import plain_connection

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

People = Mapping[int, Person]


# --- program and plans -----------------------------------------------------------------


def read_program(session: Session, people: People) -> Program:
    """The program with its eight plans in kind order, members in their saved order
    (``store.reads.program``, on the session's connection, as the session left them)."""
    return program_reads.program(plain_connection(session), people)


def write_program(session: Session, program: Program) -> None:
    """Store the why, the measure and every plan given (plans not given stay as they are)."""
    problems = program_problems(program)
    if problems:
        raise ValidationError(problems)
    row = session.get(ProgramRow, 1)
    if row is None:
        row = ProgramRow(id=1)
        session.add(row)
    row.why = program.why
    row.kpi = program.kpi
    for plan in program.plans:
        _write_plan(session, plan)
    session.flush()


def write_plan(session: Session, plan: Plan) -> None:
    """Store one plan: its fields and its people (replacing those it had)."""
    problems = program_problems(Program(plans=(plan,)))
    if problems:
        raise ValidationError([p.removeprefix("plans[0].") for p in problems])
    _write_plan(session, plan)
    session.flush()


def _write_plan(session: Session, plan: Plan) -> None:
    row = session.get(PlanRow, plan.kind.value)
    if row is None:
        row = PlanRow(kind=plan.kind.value, position=PLAN_KINDS.index(plan.kind))
        session.add(row)
    row.status = plan.status.value
    row.summary = plan.summary
    row.next_step = plan.next_step
    row.due = plan.due
    session.execute(delete(PlanPersonRow).where(PlanPersonRow.plan_kind == plan.kind.value))
    for position, member in enumerate(plan.people):
        session.add(
            PlanPersonRow(
                plan_kind=plan.kind.value,
                person_id=_saved_person_id(session, member.person),
                role=member.role.value,
                position=position,
            )
        )
    session.flush()


# --- proof points ---------------------------------------------------------------------


def read_proof_points(session: Session, people: People) -> list[ProofPoint]:
    """Every proof point, oldest first (then by id), with its plans and shares
    (``store.reads.proof_points``, on the session's connection, as the session left them)."""
    return proof_reads.every(plain_connection(session), people)


def people_shown_proof_points(session: Session) -> dict[int, Person]:
    """The people a proof point was shown to, by id (``store.reads.proof_points``)."""
    return proof_reads.people_shown(plain_connection(session))


def save_proof_point(session: Session, point: ProofPoint) -> int:
    """Add (``id`` None) or replace a proof point with its plans and shares; returns its id."""
    problems = proof_point_problems(point)
    if problems:
        raise ValidationError(problems)
    if point.id is None:
        row = ProofPointRow()
        session.add(row)
    else:
        found = session.get(ProofPointRow, point.id)
        if found is None:
            raise NotFoundError(f"no proof point with id {point.id}")
        row = found
    row.on_date = point.on
    row.title = point.title.strip()
    row.metric = point.metric
    row.baseline = point.baseline
    row.result = point.result
    row.unit = point.unit
    row.value = point.value
    row.currency = point.currency
    row.story = point.story
    session.flush()
    session.execute(delete(ProofPointPlanRow).where(ProofPointPlanRow.proof_point_id == row.id))
    session.execute(delete(ProofShareRow).where(ProofShareRow.proof_point_id == row.id))
    for kind in point.plans:
        session.add(ProofPointPlanRow(proof_point_id=row.id, plan_kind=kind.value))
    for share in point.shared:
        session.add(
            ProofShareRow(
                proof_point_id=row.id,
                person_id=_saved_person_id(session, share.person),
                on_date=share.on,
            )
        )
    session.flush()
    return row.id


def add_proof_share(session: Session, proof_point_id: int, person_id: int, on: dt.date) -> bool:
    """Record that a proof point was shown to a person on ``on``; False if already recorded."""
    if session.get(ProofPointRow, proof_point_id) is None:
        raise NotFoundError(f"no proof point with id {proof_point_id}")
    if session.get(PersonRow, person_id) is None:
        raise NotFoundError(f"no person with id {person_id}")
    exists = session.scalar(
        select(ProofShareRow.id).where(
            ProofShareRow.proof_point_id == proof_point_id,
            ProofShareRow.person_id == person_id,
            ProofShareRow.on_date == on,
        )
    )
    if exists is not None:
        return False
    session.add(ProofShareRow(proof_point_id=proof_point_id, person_id=person_id, on_date=on))
    session.flush()
    return True


def delete_proof_point(session: Session, proof_point_id: int) -> None:
    row = session.get(ProofPointRow, proof_point_id)
    if row is None:
        raise NotFoundError(f"no proof point with id {proof_point_id}")
    session.delete(row)
    session.flush()


def _saved_person_id(session: Session, person: Person) -> int:
    if person.id is None or session.get(PersonRow, person.id) is None:
        raise NotFoundError(f"{person.name.strip() or 'a person'} is not saved in this journal")
    return person.id
