"""The program as of a date, and the preparation of a 1:1, ready to show or serialise.

:func:`program_view` and :func:`preparation` gather what the rules of
:mod:`cxjournal.domain.program` decide; :func:`program_json` and
:func:`preparation_json` give the JSON the command line prints (program.md),
which the exports and tests read too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any

from cxjournal.domain.model import (
    Attitude,
    FollowUp,
    FormatUsed,
    Note,
    Person,
    Plan,
    PlanKind,
    PlanRole,
    PreferredFormat,
    Program,
    ProofPoint,
)
from cxjournal.domain.program import (
    FactValue,
    GridEntry,
    NoteHistory,
    Risk,
    attitude_gap,
    format_not_working,
    grid,
    live_members,
    plan_index,
    plan_owner,
    plans_of,
    program_risks,
    unshared_proof_points,
)
from cxjournal.domain.program_wording import RiskCode, format_advice
from cxjournal.domain.thresholds import Thresholds


@dataclass(frozen=True, slots=True)
class MemberView:
    person: Person
    role: PlanRole
    attitude: Attitude | None
    desired_attitude: Attitude | None


@dataclass(frozen=True, slots=True)
class PlanView:
    plan: Plan
    owner: Person | None
    #: members who are not archived, by name
    members: tuple[MemberView, ...]

    @property
    def kind(self) -> PlanKind:
        return self.plan.kind


@dataclass(frozen=True, slots=True)
class ProgramView:
    on: dt.date
    program: Program
    plans: tuple[PlanView, ...]
    risks: tuple[Risk, ...]
    grid: tuple[GridEntry, ...]
    thresholds: Thresholds


def program_view(
    program: Program,
    people: Sequence[Person],
    notes: Iterable[Note],
    on: dt.date,
    thresholds: Thresholds | None = None,
) -> ProgramView:
    """Everything the program page, ``program show`` and the snapshot show, as of ``on``."""
    limits = thresholds or Thresholds()
    history = NoteHistory(notes)
    directory = {p.id: p for p in people if p.id is not None}
    plans = []
    for plan in sorted(program.plans, key=lambda p: plan_index(p.kind)):
        members = [
            MemberView(person, role, history.attitude(person, on), person.desired_attitude)
            for person, role in live_members(plan, directory)
        ]
        members.sort(key=lambda m: (m.person.name.casefold(), m.person.id or 0))
        plans.append(PlanView(plan, plan_owner(plan, directory), tuple(members)))
    return ProgramView(
        on=on,
        program=program,
        plans=tuple(plans),
        risks=tuple(program_risks(program, people, history, on, limits)),
        grid=tuple(grid(people)),
        thresholds=limits,
    )


@dataclass(frozen=True, slots=True)
class Preparation:
    """What to have in mind before a 1:1 with ``person`` on ``on``."""

    person: Person
    on: dt.date
    plans: tuple[tuple[PlanKind, PlanRole], ...]
    attitude: Attitude | None
    #: the ``attitude_gap`` risk when it fires for them, else None
    gap: Risk | None
    #: the ``format_not_working`` risk when it fires for them, else None
    format_risk: Risk | None
    unshared: tuple[ProofPoint, ...]

    @property
    def preferred_format(self) -> PreferredFormat | None:
        return self.person.preferred_format

    @property
    def format_advice(self) -> str:
        """Their preferred format, and a warning when the format used is not working."""
        stuck = self.format_risk.facts.get("format") if self.format_risk else None
        return format_advice(
            self.person.preferred_format, stuck if isinstance(stuck, FormatUsed) else None
        )


def preparation(
    person: Person,
    program: Program,
    notes: Iterable[Note],
    proof_points: Iterable[ProofPoint],
    on: dt.date,
    thresholds: Thresholds | None = None,
) -> Preparation:
    """The program side of preparing a 1:1 with ``person`` (their notes are enough)."""
    history = NoteHistory(notes)
    return Preparation(
        person=person,
        on=on,
        plans=tuple(plans_of(program, person)),
        attitude=history.attitude(person, on),
        gap=attitude_gap(person, history, on, thresholds),
        format_risk=format_not_working(person, history, on, thresholds),
        unshared=tuple(unshared_proof_points(proof_points, person, program, on)),
    )


# -- JSON ---------------------------------------------------------------------------------


def _value(value: FactValue | Enum) -> Any:
    if isinstance(value, Person):
        return value.name
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value


def _enum(value: Enum | None) -> str | None:
    return None if value is None else str(value.value)


def risk_json(risk: Risk) -> dict[str, Any]:
    """``{"code", ...facts, "message"}``: people by name, dates ISO, enums by value."""
    data: dict[str, Any] = {"code": risk.code.value}
    data.update({name: _value(value) for name, value in risk.facts.items()})
    data["message"] = risk.message
    return data


def program_json(view: ProgramView) -> dict[str, Any]:
    """The document ``cxjournal program show --json`` prints (program.md)."""
    return {
        "on": view.on.isoformat(),
        "why": view.program.why,
        "kpi": view.program.kpi,
        "plans": [
            {
                "kind": p.kind.value,
                "status": p.plan.status.value,
                "owner": p.owner.name if p.owner else None,
                "summary": p.plan.summary,
                "next_step": p.plan.next_step,
                "due": p.plan.due.isoformat() if p.plan.due else None,
                "people": [
                    {
                        "name": m.person.name,
                        "role": m.role.value,
                        "attitude": _enum(m.attitude),
                        "desired_attitude": _enum(m.desired_attitude),
                    }
                    for m in p.members
                ],
            }
            for p in view.plans
        ],
        "risks": [risk_json(r) for r in view.risks],
        "grid": [
            {
                "name": g.person.name,
                "power": g.power,
                "interest": g.interest,
                "quadrant": g.quadrant.value,
            }
            for g in view.grid
        ],
        "thresholds": view.thresholds.as_dict(),
    }


def preparation_json(prep: Preparation, open_follow_ups: Sequence[FollowUp] = ()) -> dict[str, Any]:
    """The document ``cxjournal prep PERSON --json`` prints."""
    person = prep.person
    return {
        "on": prep.on.isoformat(),
        "person": person.name,
        "role": person.role,
        "function": person.function,
        "plans": [{"kind": kind.value, "role": role.value} for kind, role in prep.plans],
        "attitude": _enum(prep.attitude),
        "desired_attitude": _enum(person.desired_attitude),
        "desired_by": person.desired_by.isoformat() if person.desired_by else None,
        "move_plan": person.move_plan,
        "power": person.power,
        "interest": person.interest,
        "preferred_format": _enum(person.preferred_format),
        "information_needs": person.information_needs,
        "format_advice": prep.format_advice,
        "risks": [risk_json(r) for r in (prep.gap, prep.format_risk) if r is not None],
        "open_follow_ups": [
            {"text": f.text, "due": f.due.isoformat() if f.due else None} for f in open_follow_ups
        ],
        "unshared_proof_points": [p.title for p in prep.unshared],
    }


def top_risks(view: ProgramView, limit: int) -> list[Risk]:
    """The first ``limit`` risks, attitude gaps left to :func:`gaps_due` (Today shows both)."""
    return [r for r in view.risks if r.code is not RiskCode.ATTITUDE_GAP][:limit]


def gaps_due(view: ProgramView) -> list[Risk]:
    """Attitude gaps whose date falls within the warning window, soonest first (undated last)."""
    gaps = [r for r in view.risks if r.code is RiskCode.ATTITUDE_GAP]

    def key(risk: Risk) -> tuple[bool, dt.date, str]:
        by = risk.facts.get("desired_by")
        person = risk.person
        name = person.name.casefold() if person else ""
        return (not isinstance(by, dt.date), by if isinstance(by, dt.date) else dt.date.max, name)

    return sorted(gaps, key=key)
