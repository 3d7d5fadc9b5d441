"""One CX program on a fixed date, and what program.md says about it.

The domain tests compute it from these objects; the command-line tests store the
same records in a real journal and compare ``program show --json`` and ``prep
--json`` against the same expected values.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from cxjournal.domain.model import (
    Attitude,
    FollowUp,
    FormatUsed,
    Note,
    NoteGoal,
    NoteKind,
    NoteOutcome,
    Person,
    Plan,
    PlanKind,
    PlanMember,
    PlanRole,
    PlanStatus,
    PreferredFormat,
    Program,
    ProofPoint,
    ProofShare,
)

D = dt.date(2026, 6, 15)


def ago(days: int) -> dt.date:
    return D - dt.timedelta(days=days)


ANA = Person(
    "Ana Silva",
    id=1,
    function="Operations",
    cadence_days=14,
    desired_attitude=Attitude.SUPPORTER,
    desired_by=D + dt.timedelta(days=30),
    move_plan="Show her the refund-time numbers her team cares about",
    power=5,
    interest=2,
    preferred_format=PreferredFormat.SPREADSHEET,
)
BEN = Person("Ben Okafor", id=2, function="Finance", power=2, interest=4)
CHEN = Person("Chen Wu", id=3, function=" finance ", power=4, interest=4)
DANA = Person(
    "Dana Reed",
    id=4,
    function="IT",
    cx_board=True,
    desired_attitude=Attitude.CHAMPION,
    desired_by=D + dt.timedelta(days=10),
    power=1,
    interest=1,
)
ELI = Person(
    "Eli Park", id=5, function="People", archived=True, desired_attitude=Attitude.CHAMPION, power=5,
    interest=5,
)  # fmt: skip
FAY = Person("Fay Lund", id=6, function="operations", cx_board=True)
PEOPLE = (ANA, BEN, CHEN, DANA, ELI, FAY)


def _update(person: Person, days: int, attitude: Attitude | None, outcome: NoteOutcome) -> Note:
    return Note(
        ago(days),
        "Monthly update",
        NoteKind.MEETING,
        person.id,
        attitude=attitude,
        goal=NoteGoal.CHANGE,
        format_used=FormatUsed.PRESENTATION,
        outcome=outcome,
    )


#: In the order entered (the store gives them ids 1, 2, ... in this order).
NOTES_IN_ORDER = (
    Note(ago(60), "First 1:1", NoteKind.ONE_ON_ONE, ANA.id, attitude=Attitude.NEUTRAL),
    Note(
        ago(20),
        "Ops review",
        NoteKind.MEETING,
        ANA.id,
        attitude=Attitude.SKEPTIC,
        follow_ups=(FollowUp("Send the refund analysis", D + dt.timedelta(days=3)),),
    ),
    Note(ago(5), "Seen at the town hall", NoteKind.OBSERVATION, ANA.id),
    Note(ago(15), "Budget chat", NoteKind.CALL, BEN.id, attitude=Attitude.NEUTRAL),
    Note(ago(15), "Later that day", NoteKind.EMAIL, BEN.id, attitude=Attitude.SUPPORTER),
    Note(ago(10), "VoC sync", NoteKind.CALL, CHEN.id, attitude=Attitude.NEUTRAL),
    Note(ago(8), "Roadmap", NoteKind.EMAIL, DANA.id, attitude=Attitude.SUPPORTER),
    Note(ago(90), "Intro", NoteKind.ONE_ON_ONE, FAY.id, attitude=Attitude.NEUTRAL),
    _update(FAY, 70, None, NoteOutcome.NOT_YET),
    _update(FAY, 50, Attitude.SKEPTIC, NoteOutcome.PARTLY),
    _update(FAY, 30, None, NoteOutcome.NOT_YET),
)
NOTES = tuple(replace(n, id=i) for i, n in enumerate(NOTES_IN_ORDER, 1))


def _plans() -> tuple[Plan, ...]:
    plans = {kind: Plan(kind) for kind in PlanKind}
    plans[PlanKind.OPERATIONS] = Plan(
        PlanKind.OPERATIONS,
        PlanStatus.IN_PROGRESS,
        summary="Cut refund time",
        next_step="Agree the pilot branches",
        due=D + dt.timedelta(days=7),
        people=(
            PlanMember(ANA, PlanRole.OWNER),
            PlanMember(BEN, PlanRole.CONTRIBUTOR),
            PlanMember(FAY, PlanRole.SPONSOR),
        ),
    )
    plans[PlanKind.VOC] = Plan(
        PlanKind.VOC, PlanStatus.AT_RISK, people=(PlanMember(CHEN, PlanRole.OWNER),)
    )
    plans[PlanKind.TRAINING] = Plan(
        PlanKind.TRAINING, PlanStatus.IN_PROGRESS, people=(PlanMember(ELI, PlanRole.OWNER),)
    )
    plans[PlanKind.IMPROVEMENT] = Plan(
        PlanKind.IMPROVEMENT, PlanStatus.DONE, people=(PlanMember(DANA, PlanRole.CONTRIBUTOR),)
    )
    return tuple(plans[kind] for kind in PlanKind)


PROGRAM = Program(why="Customers stop waiting for refunds", kpi="Refund time", plans=_plans())

PROOF_POINTS = (
    ProofPoint(
        ago(40),
        "Refund time halved",
        plans=(PlanKind.OPERATIONS,),
        shared=(ProofShare(BEN, ago(30)),),
        id=1,
    ),
    ProofPoint(ago(20), "NPS up 6 points", plans=(PlanKind.VOC,), id=2),
    ProofPoint(
        ago(5), "Churn down in pilot", plans=(PlanKind.OPERATIONS, PlanKind.IMPROVEMENT), id=3
    ),
    ProofPoint(ago(60), "Training pilot praised", plans=(PlanKind.TRAINING,), id=4),
    ProofPoint(D + dt.timedelta(days=1), "Next quarter's win", plans=(PlanKind.OPERATIONS,), id=5),
)


#: program.md's risks for the program above on D, without their messages.
EXPECTED_RISKS: list[dict[str, Any]] = [
    {"code": "plan_without_owner", "plan": "training"},
    {"code": "owner_opposed", "plan": "operations", "person": "Ana Silva", "attitude": "skeptic"},
    {"code": "no_supporter", "plan": "voc"},
    {"code": "no_supporter", "plan": "training"},
    {"code": "owner_out_of_touch", "plan": "operations", "person": "Ana Silva", "days": 20},
    {
        "code": "attitude_gap",
        "person": "Dana Reed",
        "current": "supporter",
        "desired": "champion",
        "desired_by": "2026-06-25",
    },
    {"code": "no_champion_in", "function": "Finance", "people": ["Ben Okafor", "Chen Wu"]},
    {"code": "no_champion_in", "function": "Operations", "people": ["Ana Silva", "Fay Lund"]},
    {"code": "board_gap", "function": "Finance"},
    {"code": "format_not_working", "person": "Fay Lund", "format": "presentation", "count": 3},
]

EXPECTED_GRID = [
    {"name": "Ana Silva", "power": 5, "interest": 2, "quadrant": "keep_satisfied"},
    {"name": "Ben Okafor", "power": 2, "interest": 4, "quadrant": "keep_informed"},
    {"name": "Chen Wu", "power": 4, "interest": 4, "quadrant": "manage_closely"},
    {"name": "Dana Reed", "power": 1, "interest": 1, "quadrant": "monitor"},
]

EXPECTED_OPERATIONS_PEOPLE = [
    {"name": "Ana Silva", "role": "owner", "attitude": "skeptic", "desired_attitude": "supporter"},
    {
        "name": "Ben Okafor",
        "role": "contributor",
        "attitude": "supporter",
        "desired_attitude": None,
    },
    {"name": "Fay Lund", "role": "sponsor", "attitude": "skeptic", "desired_attitude": None},
]

#: ``prep`` on D: the plans, attitude and unshared proof points of three people.
EXPECTED_PREP: dict[str, dict[str, Any]] = {
    "Ana Silva": {
        "plans": [{"kind": "operations", "role": "owner"}],
        "attitude": "skeptic",
        "desired_attitude": "supporter",
        "move_plan": "Show her the refund-time numbers her team cares about",
        "open_follow_ups": [{"text": "Send the refund analysis", "due": "2026-06-18"}],
        "unshared_proof_points": ["Churn down in pilot", "Refund time halved", "NPS up 6 points"],
    },
    "Ben Okafor": {
        "plans": [{"kind": "operations", "role": "contributor"}],
        "attitude": "supporter",
        "desired_attitude": None,
        "move_plan": "",
        "open_follow_ups": [],
        "unshared_proof_points": [
            "Churn down in pilot",
            "NPS up 6 points",
            "Training pilot praised",
        ],
    },
    "Dana Reed": {
        "plans": [{"kind": "improvement", "role": "contributor"}],
        "attitude": "supporter",
        "desired_attitude": "champion",
        "move_plan": "",
        "open_follow_ups": [],
        "unshared_proof_points": ["Churn down in pilot", "NPS up 6 points", "Refund time halved"],
    },
}


def without_messages(risks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: v for k, v in r.items() if k != "message"} for r in risks]


def store_scenario(journal: Any) -> dict[str, Person]:
    """Write the scenario into a journal through its operations; the stored people by name."""
    stored: dict[int | None, Person] = {}
    for person in PEOPLE:
        saved = journal.people.add(replace(person, id=None))
        stored[person.id] = saved
    for note in NOTES_IN_ORDER:
        journal.notes.add(replace(note, person_id=stored[note.person_id].id))

    def remap(plan: Plan) -> Plan:
        people = tuple(PlanMember(stored[m.person.id], m.role) for m in plan.people)
        return replace(plan, people=people)

    journal.program.save(replace(PROGRAM, plans=tuple(remap(p) for p in PROGRAM.plans)))
    for point in PROOF_POINTS:
        shared = tuple(ProofShare(stored[s.person.id], s.on) for s in point.shared)
        journal.program.save_proof_point(replace(point, id=None, shared=shared))
    return {p.name: p for p in stored.values()}
