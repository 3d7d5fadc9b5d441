"""The CX program with its eight plans and their people, on any DB-API connection: the
export reads it on the journal's own connection without SQLAlchemy, and the program's
store functions (the Program page, imports, writes) read it the same way on their
session's connection."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from cxjournal.domain.model import (
    PLAN_KINDS,
    Person,
    Plan,
    PlanMember,
    PlanRole,
    PlanStatus,
    Program,
)
from cxjournal.store.reads import Connection
from cxjournal.store.reads.rows import day


def program(conn: Connection, people: Mapping[int, Person]) -> Program:
    """The program with its eight plans in kind order, members in their saved order (naming
    ``people``, by id); a plan never saved is not started and empty."""
    found = conn.execute("SELECT why, kpi FROM program WHERE id = 1").fetchone()
    members: dict[str, list[PlanMember]] = defaultdict(list)
    for kind, person_id, role in conn.execute(
        "SELECT plan_kind, person_id, role FROM plan_people ORDER BY plan_kind, position, id"
    ):
        members[kind].append(PlanMember(people[person_id], PlanRole(role)))
    stored = {
        row[0]: row
        for row in conn.execute("SELECT kind, status, summary, next_step, due FROM plans")
    }
    plans: list[Plan] = []
    for kind in PLAN_KINDS:
        row = stored.get(kind.value)
        if row is None:
            plans.append(Plan(kind=kind, people=tuple(members.get(kind.value, ()))))
            continue
        _, status, summary, next_step, due = row
        plans.append(
            Plan(
                kind=kind,
                status=PlanStatus(status),
                summary=summary,
                next_step=next_step,
                due=day(due) if due is not None else None,
                people=tuple(members.get(kind.value, ())),
            )
        )
    why, kpi = found if found is not None else ("", "")
    return Program(why=why, kpi=kpi, plans=tuple(plans))
