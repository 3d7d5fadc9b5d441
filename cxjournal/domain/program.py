"""The CX program's rules (program.md): current attitudes, risks, the grid, proof points in a 1:1.

Pure functions over domain objects; the GUI, the command line and the exports all
call these, so a risk, a quadrant or an unshared proof point is decided once.

Entry order: where two notes share a date, the one entered last is the one with
the higher id; notes not saved yet (``id`` None) count as entered after every
saved one, in the order given.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from cxjournal.domain.cadence import CONTACT_KINDS, next_due
from cxjournal.domain.model import (
    ATTITUDE_LADDER,
    PLAN_KINDS,
    Attitude,
    FormatUsed,
    Note,
    NoteOutcome,
    Person,
    Plan,
    PlanKind,
    PlanRole,
    PlanStatus,
    Program,
    ProofPoint,
)
from cxjournal.domain.program_wording import (
    RISK_TITLES,
    Quadrant,
    RiskCode,
    attitude_gap_message,
    board_gap_message,
    format_not_working_message,
    no_champion_in_message,
    no_supporter_message,
    owner_opposed_message,
    owner_out_of_touch_message,
    plan_without_owner_message,
)
from cxjournal.domain.thresholds import Thresholds

#: Plan statuses whose plans are live: only these raise risks.
LIVE_STATUSES: frozenset[PlanStatus] = frozenset({PlanStatus.IN_PROGRESS, PlanStatus.AT_RISK})
OPPOSED: frozenset[Attitude] = frozenset({Attitude.SKEPTIC, Attitude.RESISTOR})
SUPPORTIVE: frozenset[Attitude] = frozenset({Attitude.SUPPORTER, Attitude.CHAMPION})
#: At most this many unshared proof points are offered for a 1:1.
UNSHARED_LIMIT = 3
#: Power or interest at or above this is high on the grid.
GRID_HIGH = 3

#: A risk's fact: a plan, a person, an attitude, a format, a date, a count, a function,
#: names, or nothing (an unknown attitude, a date never set, a contact that never was).
FactValue = PlanKind | Person | Attitude | FormatUsed | dt.date | int | str | tuple[str, ...] | None


def attitude_rank(attitude: Attitude | None) -> int:
    """Position on the ladder, resistor 0 to champion 4; None ranks below resistor (-1)."""
    return -1 if attitude is None else ATTITUDE_LADDER.index(attitude)


def entry_order(notes: Iterable[Note]) -> list[Note]:
    """``notes`` by date, and on one date in the order they were entered (module docstring)."""
    indexed = list(enumerate(notes))
    indexed.sort(key=lambda pair: (pair[1].on, pair[1].id is None, pair[1].id or 0, pair[0]))
    return [note for _, note in indexed]


def current_attitude(notes: Iterable[Note], on: dt.date) -> Attitude | None:
    """The attitude of the latest note on or before ``on`` that records one; None if none.

    Give it one person's notes (it does not filter by person); on one date the
    note entered last wins.
    """
    found: Attitude | None = None
    for note in entry_order(notes):
        if note.on > on:
            break
        if note.attitude is not None:
            found = note.attitude
    return found


def quadrant(power: int | None, interest: int | None) -> Quadrant | None:
    """The grid quadrant (high means >= 3); None when power or interest is unset."""
    if power is None or interest is None:
        return None
    high_power, high_interest = power >= GRID_HIGH, interest >= GRID_HIGH
    if high_power:
        return Quadrant.MANAGE_CLOSELY if high_interest else Quadrant.KEEP_SATISFIED
    return Quadrant.KEEP_INFORMED if high_interest else Quadrant.MONITOR


@dataclass(frozen=True, slots=True)
class GridEntry:
    person: Person
    power: int
    interest: int
    quadrant: Quadrant


def grid(people: Iterable[Person]) -> list[GridEntry]:
    """Active people with power and interest set, each in their quadrant, by name."""
    entries = []
    for person in people:
        if person.archived or person.power is None or person.interest is None:
            continue
        found = quadrant(person.power, person.interest)
        assert found is not None
        entries.append(GridEntry(person, person.power, person.interest, found))
    entries.sort(key=lambda e: (e.person.name.casefold(), e.person.id or 0))
    return entries


@dataclass(frozen=True)
class Risk:
    """One program risk: its code, the spec's facts, and what to say about it."""

    code: RiskCode
    problem: str
    next_step: str
    facts: dict[str, FactValue] = field(default_factory=dict)

    @property
    def message(self) -> str:
        return f"{self.problem} {self.next_step}"

    @property
    def title(self) -> str:
        return RISK_TITLES[self.code]

    @property
    def plan(self) -> PlanKind | None:
        value = self.facts.get("plan")
        return value if isinstance(value, PlanKind) else None

    @property
    def person(self) -> Person | None:
        value = self.facts.get("person")
        return value if isinstance(value, Person) else None


class NoteHistory:
    """Everyone's notes, indexed by person and in entry order, for rules as of a date."""

    def __init__(self, notes: Iterable[Note]) -> None:
        self._by_person: dict[int, list[Note]] = {}
        for note in entry_order(notes):
            if note.person_id is not None:
                self._by_person.setdefault(note.person_id, []).append(note)

    def of(self, person: Person) -> list[Note]:
        """The person's notes in entry order (empty for a person not saved yet)."""
        return self._by_person.get(person.id, []) if person.id is not None else []

    def attitude(self, person: Person, on: dt.date) -> Attitude | None:
        return current_attitude(self.of(person), on)

    def last_contact(self, person: Person, on: dt.date) -> dt.date | None:
        """The latest note with them on or before ``on`` that counts as contact."""
        dates = [n.on for n in self.of(person) if n.kind in CONTACT_KINDS and n.on <= on]
        return max(dates, default=None)


def _current(person: Person, people: Mapping[int, Person]) -> Person:
    """The person as the directory has them now (archived flag, function, attitude target)."""
    return people.get(person.id, person) if person.id is not None else person


def live_members(plan: Plan, people: Mapping[int, Person]) -> list[tuple[Person, PlanRole]]:
    """A plan's members who are not archived, as the directory has them now."""
    members = [(_current(m.person, people), m.role) for m in plan.people]
    return [(person, role) for person, role in members if not person.archived]


def plan_owner(plan: Plan, people: Mapping[int, Person]) -> Person | None:
    """The plan's owner, unless there is none or they are archived."""
    for person, role in live_members(plan, people):
        if role is PlanRole.OWNER:
            return person
    return None


def _function_key(function: str) -> str:
    return function.strip().casefold()


def _by_name(person: Person) -> tuple[str, int]:
    return (person.name.casefold(), person.id or 0)


def program_risks(
    program: Program,
    people: Iterable[Person],
    notes: Iterable[Note] | NoteHistory,
    on: dt.date,
    thresholds: Thresholds | None = None,
) -> list[Risk]:
    """Every risk of the program as of ``on`` (program.md), in table, plan, then name order.

    ``people`` is the whole directory (archived people too: they are left out here);
    ``notes`` all notes about anyone.
    """
    limits = thresholds or Thresholds()
    history = notes if isinstance(notes, NoteHistory) else NoteHistory(notes)
    directory = {p.id: p for p in people if p.id is not None}
    everyone = list(directory.values()) + [p for p in people if p.id is None]
    active = sorted((p for p in everyone if not p.archived), key=_by_name)
    live = [plan for plan in program.plans if plan.status in LIVE_STATUSES]
    risks: list[Risk] = []

    def add(code: RiskCode, words: tuple[str, str], **facts: FactValue) -> None:
        risks.append(Risk(code, words[0], words[1], facts))

    live.sort(key=lambda plan: plan_index(plan.kind))
    for plan in live:
        if plan_owner(plan, directory) is None:
            add(RiskCode.PLAN_WITHOUT_OWNER, plan_without_owner_message(plan.kind), plan=plan.kind)
    for plan in live:
        owner = plan_owner(plan, directory)
        attitude = history.attitude(owner, on) if owner else None
        if owner is not None and attitude in OPPOSED:
            assert attitude is not None
            add(
                RiskCode.OWNER_OPPOSED,
                owner_opposed_message(plan.kind, owner.name, attitude),
                plan=plan.kind,
                person=owner,
                attitude=attitude,
            )
    for plan in live:
        members = live_members(plan, directory)
        if not any(history.attitude(p, on) in SUPPORTIVE for p, _ in members):
            add(RiskCode.NO_SUPPORTER, no_supporter_message(plan.kind), plan=plan.kind)
    for plan in live:
        owner = plan_owner(plan, directory)
        if owner is not None and _out_of_touch(owner, history, on, limits.touch_days):
            last = history.last_contact(owner, on)
            days = None if last is None else (on - last).days
            add(
                RiskCode.OWNER_OUT_OF_TOUCH,
                owner_out_of_touch_message(plan.kind, owner.name, days),
                plan=plan.kind,
                person=owner,
                days=days,
            )
    for person in active:
        gap = attitude_gap(person, history, on, limits)
        if gap is not None:
            risks.append(gap)
    risks.extend(_no_champion_risks(live, directory, active, history, on))
    risks.extend(_board_gap_risks(live, directory, active))
    for person in active:
        stuck = format_not_working(person, history, on, limits)
        if stuck is not None:
            risks.append(stuck)
    return risks


def _out_of_touch(owner: Person, history: NoteHistory, on: dt.date, touch_days: int) -> bool:
    last = history.last_contact(owner, on)
    if owner.cadence_days is not None:
        due = next_due(owner.cadence_days, last, on)
        return due is not None and due <= on
    return last is None or last < on - dt.timedelta(days=touch_days)


def attitude_gap(
    person: Person, history: NoteHistory, on: dt.date, thresholds: Thresholds | None = None
) -> Risk | None:
    """The person's ``attitude_gap`` risk as of ``on``, or None when it does not fire."""
    limits = thresholds or Thresholds()
    desired = person.desired_attitude
    if desired is None or person.archived:
        return None
    current = history.attitude(person, on)
    if attitude_rank(desired) <= attitude_rank(current):
        return None
    by = person.desired_by
    if by is not None and by > on + dt.timedelta(days=limits.gap_warn_days):
        return None
    words = attitude_gap_message(person.name, current, desired, by)
    facts: dict[str, FactValue] = {
        "person": person,
        "current": current,
        "desired": desired,
        "desired_by": by,
    }
    return Risk(RiskCode.ATTITUDE_GAP, words[0], words[1], facts)


def _no_champion_risks(
    live: Sequence[Plan],
    directory: Mapping[int, Person],
    active: Sequence[Person],
    history: NoteHistory,
    on: dt.date,
) -> list[Risk]:
    on_live: dict[tuple[str, int], Person] = {}
    for plan in live:
        for person, _ in live_members(plan, directory):
            on_live[_by_name(person)] = person
    groups: dict[str, list[Person]] = {}
    for name_key in sorted(on_live):
        person = on_live[name_key]
        if _function_key(person.function):
            groups.setdefault(_function_key(person.function), []).append(person)
    risks = []
    for key in sorted(groups):
        members = groups[key]
        if any(history.attitude(p, on) is Attitude.CHAMPION for p in members):
            continue
        function = function_label(key, active)
        names = tuple(p.name for p in members)
        words = no_champion_in_message(function, list(names))
        facts: dict[str, FactValue] = {"function": function, "people": names}
        risks.append(Risk(RiskCode.NO_CHAMPION_IN, words[0], words[1], facts))
    return risks


def _board_gap_risks(
    live: Sequence[Plan], directory: Mapping[int, Person], active: Sequence[Person]
) -> list[Risk]:
    functions = set()
    for plan in live:
        owner = plan_owner(plan, directory)
        if owner is not None and _function_key(owner.function):
            functions.add(_function_key(owner.function))
    on_board = {_function_key(p.function) for p in active if p.cx_board}
    risks = []
    for key in sorted(functions - on_board):
        function = function_label(key, active)
        words = board_gap_message(function)
        risks.append(Risk(RiskCode.BOARD_GAP, words[0], words[1], {"function": function}))
    return risks


def function_label(key: str, people: Iterable[Person]) -> str:
    """How a function is written: as the first person by name who works in it spells it."""
    spellings = sorted((p for p in people if _function_key(p.function) == key), key=_by_name)
    return spellings[0].function.strip() if spellings else key


def format_not_working(
    person: Person, history: NoteHistory, on: dt.date, thresholds: Thresholds | None = None
) -> Risk | None:
    """The person's ``format_not_working`` risk as of ``on``, or None when it does not fire."""
    streak = (thresholds or Thresholds()).format_streak
    with_goal = [n for n in history.of(person) if n.on <= on and n.goal is not None]
    last = with_goal[-streak:]
    if person.archived or streak < 1 or len(last) < streak:
        return None
    formats = {n.format_used for n in last}
    fmt = last[0].format_used
    if len(formats) != 1 or fmt is None:
        return None
    if any(n.outcome is NoteOutcome.ACHIEVED for n in last):
        return None
    before = history.attitude(person, last[0].on - dt.timedelta(days=1))
    if attitude_rank(history.attitude(person, on)) > attitude_rank(before):
        return None
    words = format_not_working_message(person.name, fmt, streak)
    facts: dict[str, FactValue] = {"person": person, "format": fmt, "count": streak}
    return Risk(RiskCode.FORMAT_NOT_WORKING, words[0], words[1], facts)


# -- a person's place in the program and proof points for a 1:1 ---------------------------


def plans_of(program: Program, person: Person) -> list[tuple[PlanKind, PlanRole]]:
    """The plans a person is on (any status), in plan order, with their role on each."""
    if person.id is None:
        return []
    found = []
    for plan in program.plans:
        for member in plan.people:
            if member.person.id == person.id:
                found.append((plan.kind, member.role))
    return found


def shared_with(proof: ProofPoint, person: Person, on: dt.date) -> bool:
    """True when ``proof`` was shared with ``person`` on or before ``on``."""
    return any(s.person.id == person.id and s.on <= on for s in proof.shared)


def unshared_proof_points(
    proof_points: Iterable[ProofPoint],
    person: Person,
    program: Program,
    on: dt.date,
    limit: int = UNSHARED_LIMIT,
) -> list[ProofPoint]:
    """Proof points to show ``person`` in a 1:1 on ``on`` (program.md).

    Dated on or before ``on`` and not shared with them by then: first those of the
    plans they are on, then the others, each group newest first, then by title;
    at most ``limit``.
    """
    theirs = {kind for kind, _ in plans_of(program, person)}
    candidates = [p for p in proof_points if p.on <= on and not shared_with(p, person, on)]

    def key(proof: ProofPoint) -> tuple[bool, int, str, int]:
        mine = bool(theirs.intersection(proof.plans))
        return (not mine, -proof.on.toordinal(), proof.title.casefold(), proof.id or 0)

    return sorted(candidates, key=key)[:limit]


def plan_index(kind: PlanKind) -> int:
    return PLAN_KINDS.index(kind)
