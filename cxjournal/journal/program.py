"""The CX program: its why and eight plans, proof points and their shares, and the
views the program page, Today, ``program show`` and ``prep`` draw from.

Every write is one transaction through :mod:`cxjournal.store.program_store`,
which checks its input first and writes nothing when something is wrong. The
rules themselves (risks, grid, unshared proof points) are the domain's.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from cxjournal.domain.errors import NotFoundError
from cxjournal.domain.model import FollowUp, Note, Person, Plan, PlanKind, Program, ProofPoint
from cxjournal.domain.program_view import Preparation, ProgramView, preparation, program_view
from cxjournal.domain.thresholds import Thresholds
from cxjournal.journal.changes import Area
from cxjournal.store.reads import proof_points as proof_reads

if TYPE_CHECKING:
    from cxjournal.journal.core import Journal
    from cxjournal.store.session import Session


@dataclass(frozen=True, slots=True)
class ProgramInputs:
    program: Program
    people: list[Person]
    notes: list[Note]
    thresholds: Thresholds


def _directory(session: Session) -> dict[int, Person]:
    """Every person, archived too, by id: plans and shares may name any of them."""
    from cxjournal.store.orm_reads import people_by_id

    return people_by_id(session)


class ProgramOps:
    def __init__(self, journal: Journal) -> None:
        self._journal = journal

    # -- the program and its plans ---------------------------------------------------------

    def get(self) -> Program:
        """The program: why, measure and the eight plans in kind order."""
        from cxjournal.store import program_store

        with self._journal.session() as session:
            return program_store.read_program(session, _directory(session))

    def save(self, program: Program) -> Program:
        """Store the why, the measure and every plan; returns the program as stored."""
        from cxjournal.store import program_store

        with self._journal.session(Area.PROGRAM) as session:
            program_store.write_program(session, program)
            return program_store.read_program(session, _directory(session))

    def set_why(self, why: str, kpi: str) -> Program:
        """Change only the why and the measure (the plans stay as they are)."""
        from cxjournal.store import program_store

        with self._journal.session(Area.PROGRAM) as session:
            current = program_store.read_program(session, _directory(session))
            program_store.write_program(
                session, replace(current, why=why.strip(), kpi=kpi.strip(), plans=())
            )
            return program_store.read_program(session, _directory(session))

    def save_plan(self, plan: Plan) -> Program:
        """Store one plan (its fields and people); returns the whole program."""
        from cxjournal.store import program_store

        with self._journal.session(Area.PROGRAM) as session:
            program_store.write_plan(session, plan)
            return program_store.read_program(session, _directory(session))

    def plan(self, kind: PlanKind) -> Plan:
        return next(p for p in self.get().plans if p.kind is kind)

    # -- proof points -------------------------------------------------------------------------

    def proof_points(self, plan: PlanKind | None = None) -> list[ProofPoint]:
        """Proof points newest first (then by title); only those of ``plan`` when given."""
        with self._journal.reading() as conn:
            points = proof_reads.every(conn, proof_reads.people_shown(conn))
        if plan is not None:
            points = [p for p in points if plan in p.plans]
        points.sort(key=lambda p: (p.title.casefold(), p.id or 0))
        points.sort(key=lambda p: p.on, reverse=True)
        return points

    def proof_point(self, proof_point_id: int) -> ProofPoint:
        for point in self.proof_points():
            if point.id == proof_point_id:
                return point
        raise NotFoundError(f"no proof point with id {proof_point_id}")

    def save_proof_point(self, point: ProofPoint) -> ProofPoint:
        """Add (``id`` None) or replace a proof point; returns it as stored."""
        from cxjournal.store import program_store

        with self._journal.session(Area.PROGRAM) as session:
            new_id = program_store.save_proof_point(session, point)
            stored = program_store.read_proof_points(
                session, program_store.people_shown_proof_points(session)
            )
        return next(p for p in stored if p.id == new_id)

    def delete_proof_point(self, proof_point_id: int) -> int:
        """Move the proof point (and with whom it was shared) to the trash; its trash id."""
        return self._journal.trash.delete("proof_point", proof_point_id)

    def share(self, proof_point_id: int, person_id: int, on: dt.date) -> ProofPoint:
        """Record that the proof point was shown to the person on ``on`` (once a day)."""
        from cxjournal.store import program_store

        with self._journal.session(Area.PROGRAM) as session:
            program_store.add_proof_share(session, proof_point_id, person_id, on)
        return self.proof_point(proof_point_id)

    # -- views ----------------------------------------------------------------------------------

    def inputs(self) -> ProgramInputs:
        """What the program's rules read: the program, everyone, every note about someone."""
        from cxjournal.store import program_store

        with self._journal.session() as session:
            people = _directory(session)
            program = program_store.read_program(session, people)
        notes = self._journal.notes.about_people()
        return ProgramInputs(
            program, list(people.values()), notes, self._journal.settings.thresholds()
        )

    def view(self, on: dt.date) -> ProgramView:
        """The program, its risks and the grid as of ``on``.

        The rules read a few notes per person (``notes_for_program_rules``), not every
        note, so Today and the Program page cost the same on a journal of any length.
        """
        from cxjournal.store import program_store
        from cxjournal.store.note_reads import notes_for_program_rules

        thresholds = self._journal.settings.thresholds()
        with self._journal.session() as session:
            people = _directory(session)
            program = program_store.read_program(session, people)
            notes = notes_for_program_rules(session, on, thresholds.format_streak)
        return program_view(program, list(people.values()), notes, on, thresholds)

    def preparation(self, person_id: int, on: dt.date) -> tuple[Preparation, list[FollowUp]]:
        """The program side of a 1:1 with the person on ``on``, and their open follow-ups."""
        from cxjournal.store import program_store

        with self._journal.session() as session:
            people = _directory(session)
            if person_id not in people:
                raise NotFoundError(f"no person with id {person_id}")
            program = program_store.read_program(session, people)
            points = program_store.read_proof_points(session, people)
        notes = self._journal.notes.for_person(person_id)
        thresholds = self._journal.settings.thresholds()
        prep = preparation(people[person_id], program, notes, points, on, thresholds)
        follow_ups = [f for f, _ in self._journal.notes.open_follow_ups(person_id=person_id)]
        return prep, follow_ups
