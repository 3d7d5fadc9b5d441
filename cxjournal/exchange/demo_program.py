"""The demo journal's CX program: eight plans run by leaders who do not report to
the journal's owner, engagement targets, proof points, and goals and outcomes on
the updates.

:func:`add_program` takes the story's people and notes (from
:mod:`cxjournal.exchange.demo`) and returns them with the program's fields
filled in, plus the program and its proof points. It draws on its own random
generator, so the rest of the demo reads the same with or without it. The plan
owners are cast members whose attitude climbs from skeptic to supporter over the
years (the CFO, the VP Operations, the head of Life & Pensions product), so the
risks change as the years go by.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass, replace

from cxjournal.domain.cadence import CONTACT_KINDS
from cxjournal.domain.model import (
    ATTITUDE_LADDER,
    Attitude,
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
    Program,
    ProofPoint,
    ProofShare,
)
from cxjournal.domain.program import current_attitude

WHY = (
    "Customers should never have to chase us: every claim, renewal and complaint put "
    "right the first time, at a cost we are proud of."
)
KPI = "Relationship NPS, with first-contact resolution as the lead measure"

P, S, C = PlanRole.OWNER, PlanRole.SPONSOR, PlanRole.CONTRIBUTOR

#: kind: (status, summary, next step, due in days from today or None, [(name, role)])
PLANS: dict[PlanKind, tuple[PlanStatus, str, str, int | None, tuple[tuple[str, PlanRole], ...]]] = {
    PlanKind.GOVERNANCE: (
        PlanStatus.IN_PROGRESS,
        "A CX board that meets monthly, owns the customer targets and clears blockers.",
        "Agree the board's terms of reference and a decision log",
        21,
        (("Siobhan O'Neill", P), ("Adaeze Nwosu", S), ("Luca Romano", C)),
    ),
    PlanKind.COMMUNICATIONS: (
        PlanStatus.IN_PROGRESS,
        "One customer story a month on the intranet and in every team meeting.",
        "Draft the spring customer story with the complaints team",
        10,
        (("Emily Watson", P), ("Sofia Lindqvist", S), ("Anna Kowalska", C)),
    ),
    PlanKind.VOC: (
        PlanStatus.DONE,
        "Post-claim and post-renewal surveys with verbatims routed to owners within a day.",
        "Hand the monthly driver report over to the analysts",
        None,
        (("Aisha Rahman", P), ("Ingrid Solberg", C), ("Leila Karimi", C)),
    ),
    PlanKind.OPERATIONS: (
        PlanStatus.AT_RISK,
        "Claims handled end to end by one team, with callbacks promised and kept.",
        "Choose the two pilot branches for the single-team model",
        5,
        (("Mei Lin Chen", P), ("Kwame Asante", C), ("Oliver Bennett", C), ("Kofi Boateng", C)),
    ),
    PlanKind.INTEGRATION: (
        PlanStatus.IN_PROGRESS,
        "Customer measures in every business plan and in the executive scorecard.",
        "Put first-contact resolution into next year's budget template",
        35,
        (("Rahul Mehta", P), ("Priya Raman", C), ("Yuki Tanaka", C)),
    ),
    PlanKind.TRAINING: (
        PlanStatus.NOT_STARTED,
        "Every new starter spends a day listening to customer calls.",
        "Ask HR for a slot in the induction week",
        60,
        (("Fatima Zahra El Idrissi", P), ("Ewan Fraser", C)),
    ),
    PlanKind.IMPROVEMENT: (
        PlanStatus.IN_PROGRESS,
        "Fix the five journeys that cause most complaints, one quarter at a time.",
        "Review the pension transfer journey with the product team",
        14,
        (("Chloé Dubois", P), ("Samuel Adeyemi", C), ("Daniel Okoro", C)),
    ),
    PlanKind.TECHNOLOGY: (
        PlanStatus.IN_PROGRESS,
        "A claims tracker customers can see, and one customer view for every agent.",
        "Get the tracker into the next release plan",
        -3,
        (("Jonas Weber", P), ("Ravi Shankar", C), ("Tomás Ferreira", S), ("Hana Sato", C)),
    ),
}

MOVE_PLANS: tuple[str, ...] = (
    "Show the cost of repeat calls in their own numbers before asking for anything",
    "Invite them to listen to five customer calls with me",
    "Ask their advice on the pilot, then give them credit for it in the CX board",
    "Send the one-page driver summary a day before each meeting",
    "Pair them with a peer who is already a champion",
    "Link every update to the efficiency targets they are measured on",
)

#: (fraction of the span, title, metric, baseline, result, unit, value, story, plans)
_ProofTemplate = tuple[
    float, str, str, float | None, float | None, str, float | None, str, tuple[PlanKind, ...]
]
PROOF_POINTS: tuple[_ProofTemplate, ...] = (
    (0.12, "Complaint verbatims reach owners in a day", "Days from survey to owner", 9, 1,
     "days", None, "Owners now read what customers wrote while the case is still open.",
     (PlanKind.VOC,)),
    (0.2, "Claim callbacks kept", "Callbacks made when promised", 61, 88, "%", None,
     "A simple callback list in Glasgow turned broken promises into kept ones.",
     (PlanKind.OPERATIONS, PlanKind.IMPROVEMENT)),
    (0.3, "Renewal letter rewrite", "Calls about renewal letters per month", 4200, 2900,
     "calls", 156000, "Plain words in the letter took a third of the calls away.",
     (PlanKind.IMPROVEMENT, PlanKind.COMMUNICATIONS)),
    (0.38, "Repeat calls after settlement down", "Repeat calls per settled claim", 1.9, 1.3,
     "calls", 240000, "Telling customers what happens next stopped the second call.",
     (PlanKind.OPERATIONS,)),
    (0.47, "CX measures in the budget pack", "Business plans with a customer measure", 2, 9,
     "plans", None, "Finance added a customer page to every plan template.",
     (PlanKind.INTEGRATION, PlanKind.GOVERNANCE)),
    (0.55, "Induction listening day piloted", "New starters who rated it useful", None, 92,
     "%", None, "Twelve new starters heard customers before they met their desks.",
     (PlanKind.TRAINING,)),
    (0.63, "Pension transfer journey fixed", "Complaints about transfers per quarter", 310,
     140, "complaints", 98000, "Two forms became one and the waiting letter went.",
     (PlanKind.IMPROVEMENT,)),
    (0.71, "Claims tracker beta", "Where-is-my-claim calls in the beta group", 100, 64,
     "index", 180000, "Customers who could see their claim stopped calling to ask.",
     (PlanKind.TECHNOLOGY, PlanKind.OPERATIONS)),
    (0.8, "First-contact resolution up", "Contacts resolved first time", 68, 77, "%",
     310000, "Agents may now fix small issues on the spot without a referral.",
     (PlanKind.OPERATIONS, PlanKind.TRAINING)),
    (0.88, "Detractor recovery calls", "Detractors who renewed after a call", 41, 63, "%",
     420000, "A call within two days of a bad score kept most of them.",
     (PlanKind.VOC, PlanKind.IMPROVEMENT)),
    (0.95, "Customer story in every team meeting", "Teams using the monthly story", 3, 27,
     "teams", None, "The story is now the first item of most team meetings.",
     (PlanKind.COMMUNICATIONS,)),
    (0.99, "Broker complaints halved", "Broker complaints per month", 48, 23, "complaints",
     None, "One named contact per broker replaced the shared inbox.",
     (PlanKind.OPERATIONS, PlanKind.INTEGRATION)),
)  # fmt: skip

PLAN_WORDS: dict[PlanKind, str] = {
    PlanKind.GOVERNANCE: "the CX board",
    PlanKind.COMMUNICATIONS: "the customer stories",
    PlanKind.VOC: "the survey programme",
    PlanKind.OPERATIONS: "the single-team claims pilot",
    PlanKind.INTEGRATION: "customer measures in the budget",
    PlanKind.TRAINING: "the induction listening day",
    PlanKind.IMPROVEMENT: "the journey fixes",
    PlanKind.TECHNOLOGY: "the claims tracker",
}

CHECK_INS: tuple[str, ...] = (
    "Plan check-in on {plan}: went through the open actions and who is waiting on whom.",
    "Half an hour on {plan}. Agreed what we show the CX board next month.",
    "Quick check-in on {plan}; the dates still hold, one dependency to chase.",
    "Walked through the latest numbers for {plan} and what they mean for the next step.",
    "Caught up on {plan}. They asked for a short written summary before deciding.",
    "Review of {plan}: what worked, what slipped, and the one thing to fix next.",
    "Talked {plan} over coffee; more open about the risks than in the meeting.",
    "Prepared the steering update on {plan} together and split the follow-ups.",
)

CHECK_IN_ENDINGS: tuple[str, ...] = (
    "Energy was good.",
    "They seemed distracted by the quarter-end.",
    "Asked for the customer numbers by product unit.",
    "Offered to raise it with their own leadership team.",
    "We will look again in a month.",
    "Less convinced about the cost side.",
    "Mentioned a customer complaint that reached their desk.",
    "They want the next step on one page.",
    "Good questions about what happens after the pilot.",
    "Suggested bringing someone from their team next time.",
)

#: Note kinds that carry an update with a goal.
_UPDATE_KINDS = (NoteKind.ONE_ON_ONE, NoteKind.MEETING, NoteKind.EMAIL, NoteKind.CALL)
#: The plan owner whose updates keep arriving as slide decks that change nothing.
STUCK_OWNER = "Jonas Weber"


@dataclass(frozen=True, slots=True)
class DemoProgram:
    people: list[Person]
    notes: list[Note]
    program: Program
    proof_points: list[ProofPoint]


def add_program(
    people: Sequence[Person], notes: Sequence[Note], today: dt.date, start: dt.date, seed: int
) -> DemoProgram:
    """The people and notes with the program's fields set, the program and its proof points."""
    rng = random.Random(f"program-{seed}")
    by_name = {p.name: p for p in people}
    by_person: dict[int, list[Note]] = {}
    for note in notes:
        if note.person_id is not None:
            by_person.setdefault(note.person_id, []).append(note)
    program = _program(by_name, today)
    on_plans = {m.person.id: m.role for plan in program.plans for m in plan.people}
    people_out = [
        _engaged(p, on_plans.get(p.id), by_person.get(p.id or 0, []), today, rng) for p in people
    ]
    with_check_ins = _check_ins(notes, program, today, start, rng)
    notes_out = _updates(with_check_ins, {p.id: p for p in people}, set(on_plans), rng)
    points = _proof_points(program, today, start, rng)
    return DemoProgram(people_out, notes_out, program, points)


def _program(by_name: dict[str, Person], today: dt.date) -> Program:
    plans = []
    for kind, (status, summary, next_step, due_in, members) in PLANS.items():
        people = tuple(PlanMember(by_name[name], role) for name, role in members if name in by_name)
        due = today + dt.timedelta(days=due_in) if due_in is not None else None
        plans.append(Plan(kind, status, summary, next_step, due, people))
    return Program(why=WHY, kpi=KPI, plans=tuple(plans))


def _power(person: Person) -> int:
    role = person.role
    if role.startswith("Chief") or role == "General Counsel":
        return 5
    if role.startswith(("Head", "VP")):
        return 4
    if "Manager" in role or "Lead" in role or "Partner" in role:
        return 3
    return 2


def _engaged(
    person: Person, role: PlanRole | None, notes: list[Note], today: dt.date, rng: random.Random
) -> Person:
    if person.archived or not person.internal:
        return person
    interest = max(1, min(5, (4 if person.key_stakeholder else 2) + rng.choice((-1, 0, 0, 1))))
    if role is not None:
        interest = max(interest, 3)
    engaged = replace(person, power=_power(person), interest=interest)
    if role is None and not person.key_stakeholder:
        return engaged
    current = current_attitude(notes, today)
    step = ATTITUDE_LADDER.index(current) if current is not None else 1
    if step >= len(ATTITUDE_LADDER) - 1 or (role is not PlanRole.OWNER and rng.random() < 0.4):
        return engaged
    desired = ATTITUDE_LADDER[min(len(ATTITUDE_LADDER) - 1, max(step + 1, 3))]
    return replace(
        engaged,
        desired_attitude=desired,
        desired_by=today + dt.timedelta(days=rng.choice((-5, 20, 45, 60, 90, 150, 200, 240))),
        move_plan=rng.choice(MOVE_PLANS),
    )


def _check_ins(
    notes: Sequence[Note], program: Program, today: dt.date, start: dt.date, rng: random.Random
) -> list[Note]:
    """A short plan check-in with each live plan's owner wherever six weeks passed without
    contact, over the last two years (one owner is left out of touch, as happens)."""
    begin = max(start, today - dt.timedelta(days=730))
    next_id = max((n.id or 0 for n in notes), default=0) + 1
    added: list[Note] = []
    owners = [
        (plan, m.person)
        for plan in program.plans
        for m in plan.people
        if m.role is PlanRole.OWNER and plan.status is not PlanStatus.NOT_STARTED
    ]
    for plan, owner in owners[1:]:
        contacts = sorted(
            n.on for n in notes if n.person_id == owner.id and n.kind in CONTACT_KINDS
        )
        day = begin
        while day <= today - dt.timedelta(days=5):
            last = max((d for d in contacts if d <= day), default=None)
            if last is None or (day - last).days >= 60:
                when = day if day.weekday() < 5 else day + dt.timedelta(days=7 - day.weekday())
                if when <= today:
                    words = rng.choice(CHECK_INS).format(plan=PLAN_WORDS[plan.kind])
                    words += " " + rng.choice(CHECK_IN_ENDINGS)
                    added.append(Note(when, words, NoteKind.ONE_ON_ONE, owner.id, id=next_id))
                    next_id += 1
                    contacts.append(when)
                    contacts.sort()
            day += dt.timedelta(days=rng.randint(30, 45))
    merged = [*notes, *added]
    merged.sort(key=lambda n: n.on)  # stable: the story's notes keep their order on a date
    return merged


def _updates(
    notes: Sequence[Note],
    people: dict[int | None, Person],
    on_plans: set[int | None],
    rng: random.Random,
) -> list[Note]:
    """Goals, formats and outcomes on the updates to plan members and key stakeholders."""
    result = []
    for note in notes:
        person = people.get(note.person_id) if note.person_id is not None else None
        if (
            person is None
            or note.kind not in _UPDATE_KINDS
            or not (person.key_stakeholder or person.id in on_plans)
            or rng.random() > 0.45
        ):
            result.append(note)
            continue
        goal = rng.choices(tuple(NoteGoal), (5, 3, 2))[0]
        preferred = person.preferred_format
        if preferred is not None and rng.random() < 0.7:
            fmt = FormatUsed(preferred.value)
        else:
            fmt = rng.choice(
                (FormatUsed.CONVERSATION, FormatUsed.PRESENTATION, FormatUsed.ACTION_LIST)
            )
        if note.kind is NoteKind.ONE_ON_ONE and rng.random() < 0.5:
            fmt = FormatUsed.CONVERSATION
        stance = note.attitude
        if stance in (Attitude.CHAMPION, Attitude.SUPPORTER):
            weights = (6, 3, 1)
        elif stance in (Attitude.SKEPTIC, Attitude.RESISTOR):
            weights = (1, 3, 6)
        else:
            weights = (3, 4, 3)
        outcome = rng.choices(tuple(NoteOutcome), weights)[0] if rng.random() < 0.85 else None
        result.append(replace(note, goal=goal, format_used=fmt, outcome=outcome))
    return _stuck_in_slides(result, people)


def _stuck_in_slides(notes: list[Note], people: dict[int | None, Person]) -> list[Note]:
    """The technology owner's last three updates: slide decks that achieved nothing."""
    owner = next((p for p in people.values() if p.name == STUCK_OWNER), None)
    if owner is None:
        return notes
    theirs = [
        i for i, n in enumerate(notes) if n.person_id == owner.id and n.kind in _UPDATE_KINDS
    ][-3:]
    for index in theirs:
        notes[index] = replace(
            notes[index],
            goal=NoteGoal.DECISION,
            format_used=FormatUsed.PRESENTATION,
            outcome=NoteOutcome.NOT_YET,
            attitude=None,
        )
    return notes


def _proof_points(
    program: Program, today: dt.date, start: dt.date, rng: random.Random
) -> list[ProofPoint]:
    span = (today - start).days
    members = {plan.kind: [m.person for m in plan.people] for plan in program.plans}
    points = []
    for number, (fraction, title, metric, base, res, unit, value, story, kinds) in enumerate(
        PROOF_POINTS, start=1
    ):
        on = start + dt.timedelta(days=round(fraction * span))
        audience = sorted(
            {p.id: p for kind in kinds for p in members.get(kind, []) if not p.archived}.values(),
            key=lambda p: p.id or 0,
        )
        shared = []
        for person in audience:
            later = on + dt.timedelta(days=rng.randint(2, 45))
            if later <= today and rng.random() < 0.6:
                shared.append(ProofShare(person, later))
        shared.sort(key=lambda s: (s.on, s.person.id or 0))
        points.append(
            ProofPoint(
                on=on,
                title=title,
                metric=metric,
                baseline=base,
                result=res,
                unit=unit,
                value=value,
                currency="GBP" if value is not None else "",
                story=story,
                plans=kinds,
                shared=tuple(shared),
                id=number,
            )
        )
    return points
