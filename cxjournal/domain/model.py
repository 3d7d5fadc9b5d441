"""The journal's domain objects: plain frozen dataclasses, no behaviour beyond naming.

Field names follow the exchange format (spec/journal-format.md). ``id`` is the
store's integer id, or ``None`` for an object not yet saved.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class Relationship(StrEnum):
    SUPERIOR = "superior"
    PEER = "peer"
    REPORT = "report"
    EXTERNAL = "external"
    OTHER = "other"


class NoteKind(StrEnum):
    ONE_ON_ONE = "one_on_one"
    MEETING = "meeting"
    EMAIL = "email"
    CALL = "call"
    INFORMAL = "informal"
    OBSERVATION = "observation"
    WIN = "win"
    OTHER = "other"


class Attitude(StrEnum):
    """Observed stance, from most to least favourable."""

    CHAMPION = "champion"
    SUPPORTER = "supporter"
    NEUTRAL = "neutral"
    SKEPTIC = "skeptic"
    RESISTOR = "resistor"


class PreferredFormat(StrEnum):
    PRESENTATION = "presentation"
    SPREADSHEET = "spreadsheet"
    ACTION_LIST = "action_list"
    INFOGRAPHIC = "infographic"
    VIDEO = "video"
    OTHER = "other"


class FormatUsed(StrEnum):
    """How an update was delivered: a preferred format, or a conversation."""

    PRESENTATION = "presentation"
    SPREADSHEET = "spreadsheet"
    ACTION_LIST = "action_list"
    INFOGRAPHIC = "infographic"
    VIDEO = "video"
    OTHER = "other"
    CONVERSATION = "conversation"


class NoteGoal(StrEnum):
    """What an update was meant to achieve (program.md)."""

    AWARENESS = "awareness"
    CHANGE = "change"
    DECISION = "decision"


class NoteOutcome(StrEnum):
    ACHIEVED = "achieved"
    PARTLY = "partly"
    NOT_YET = "not_yet"


class PlanKind(StrEnum):
    """The eight plans of a CX program, in their fixed order."""

    GOVERNANCE = "governance"
    COMMUNICATIONS = "communications"
    VOC = "voc"
    OPERATIONS = "operations"
    INTEGRATION = "integration"
    TRAINING = "training"
    IMPROVEMENT = "improvement"
    TECHNOLOGY = "technology"


class PlanStatus(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    AT_RISK = "at_risk"
    DONE = "done"


class PlanRole(StrEnum):
    OWNER = "owner"
    SPONSOR = "sponsor"
    CONTRIBUTOR = "contributor"


class ExitStatus(StrEnum):
    INACTIVE = "inactive"
    ACTIVE = "active"
    PAUSED = "paused"
    DONE = "done"


#: The five aspects of value a contact may provide, in display order.
ASPECTS: tuple[str, ...] = (
    "career_guidance",
    "emotional_support",
    "daily_assistance",
    "information_sharing",
    "resource_access",
)

#: Attitudes from low to high (program.md); wherever attitudes are compared, None
#: (no attitude recorded) ranks below the first.
ATTITUDE_LADDER: tuple[Attitude, ...] = (
    Attitude.RESISTOR,
    Attitude.SKEPTIC,
    Attitude.NEUTRAL,
    Attitude.SUPPORTER,
    Attitude.CHAMPION,
)

#: The eight plan kinds in program order.
PLAN_KINDS: tuple[PlanKind, ...] = tuple(PlanKind)

#: The grouping dimensions used for reach, in display order.
REACH_DIMENSIONS: tuple[str, ...] = ("team", "function", "product_unit", "location")

RATING_MIN, RATING_MAX = 1, 10
ASPECT_MIN, ASPECT_MAX = 0, 10
MAX_RATINGS_PER_AUDIT = 10
NAME_MAX = 200
CADENCE_MIN, CADENCE_MAX = 1, 366
CHECKIN_MIN, CHECKIN_MAX = 1, 10
SLEEP_MIN, SLEEP_MAX = 0.0, 24.0
POWER_MIN, POWER_MAX = 1, 5  # power and interest of a person (program.md)


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    id: int | None = None
    role: str = ""
    organisation: str = ""
    internal: bool = True
    relationship: Relationship = Relationship.OTHER
    team: str = ""
    function: str = ""
    product_unit: str = ""
    location: str = ""
    key_stakeholder: bool = False
    cx_board: bool = False
    cadence_days: int | None = None
    information_needs: str = ""
    preferred_format: PreferredFormat | None = None
    motivations: str = ""
    archived: bool = False
    #: E-mail addresses, unique per person case-insensitively (format v2).
    emails: tuple[str, ...] = ()
    #: Engagement target (program.md): where I want them, by when, and how.
    desired_attitude: Attitude | None = None
    desired_by: dt.date | None = None
    move_plan: str = ""
    power: int | None = None
    interest: int | None = None


@dataclass(frozen=True, slots=True)
class Aspects:
    """What kind of value a contact provides: 0 (none) to 10, or None (not rated)."""

    career_guidance: int | None = None
    emotional_support: int | None = None
    daily_assistance: int | None = None
    information_sharing: int | None = None
    resource_access: int | None = None

    def as_dict(self) -> dict[str, int | None]:
        return {name: getattr(self, name) for name in ASPECTS}


@dataclass(frozen=True, slots=True)
class Rating:
    person: Person
    value: int
    irreplaceability: int
    my_value: int
    my_irreplaceability: int
    aspects: Aspects = field(default_factory=Aspects)
    id: int | None = None


@dataclass(frozen=True, slots=True)
class Audit:
    taken_on: dt.date
    ratings: tuple[Rating, ...] = ()
    note: str = ""
    blocking_superior: bool = False
    blocking_superior_person: Person | None = None
    id: int | None = None
    #: Who of the rated people know each other (network.md): pairs ``(i, j)`` of
    #: indexes into ``ratings`` with ``i < j``, each pair at most once.
    ties: tuple[tuple[int, int], ...] = ()
    #: True once the user has recorded the ties (an empty ``ties`` then means
    #: "none of them know each other"); always True when ``ties`` is non-empty.
    ties_recorded: bool = False


@dataclass(frozen=True, slots=True)
class FollowUp:
    text: str
    due: dt.date | None = None
    done: bool = False
    id: int | None = None


@dataclass(frozen=True, slots=True)
class Note:
    on: dt.date
    text: str
    kind: NoteKind = NoteKind.ONE_ON_ONE
    person_id: int | None = None
    attitude: Attitude | None = None
    tags: tuple[str, ...] = ()
    follow_ups: tuple[FollowUp, ...] = ()
    id: int | None = None
    #: What the update was for, how it was delivered, and what came of it (program.md).
    goal: NoteGoal | None = None
    format_used: FormatUsed | None = None
    outcome: NoteOutcome | None = None


@dataclass(frozen=True, slots=True)
class ResilienceEntry:
    on: dt.date
    #: None for a mood-only check-in (imported history); mood is always recorded.
    energy: int | None
    stress: int | None
    mood: int
    sleep_hours: float | None = None
    drains: tuple[str, ...] = ()
    restorers: tuple[str, ...] = ()
    note: str = ""
    id: int | None = None
    #: Neutral activity tags (format v2), e.g. "workout" or "travel".
    tags: tuple[str, ...] = ()

    @property
    def complete(self) -> bool:
        """True when both energy and stress are recorded (averages and trends use these)."""
        return self.energy is not None and self.stress is not None


@dataclass(frozen=True, slots=True)
class ExitItem:
    text: str
    done: bool = False
    due: dt.date | None = None
    position: int = 0
    id: int | None = None


@dataclass(frozen=True, slots=True)
class ExitPlan:
    status: ExitStatus = ExitStatus.INACTIVE
    items: tuple[ExitItem, ...] = ()


@dataclass(frozen=True, slots=True)
class PlanMember:
    person: Person
    role: PlanRole = PlanRole.CONTRIBUTOR


@dataclass(frozen=True, slots=True)
class Plan:
    """One of the program's eight plans; at most one owner, a person at most once."""

    kind: PlanKind
    status: PlanStatus = PlanStatus.NOT_STARTED
    summary: str = ""
    next_step: str = ""
    due: dt.date | None = None
    people: tuple[PlanMember, ...] = ()


def _all_plans() -> tuple[Plan, ...]:
    return tuple(Plan(kind) for kind in PLAN_KINDS)


@dataclass(frozen=True, slots=True)
class Program:
    """The CX program: its why, the measure it moves, and the eight plans in kind order."""

    why: str = ""
    kpi: str = ""
    plans: tuple[Plan, ...] = field(default_factory=_all_plans)


@dataclass(frozen=True, slots=True)
class ProofShare:
    person: Person
    on: dt.date


@dataclass(frozen=True, slots=True)
class ProofPoint:
    """An early win or result that shows the program's value (program.md)."""

    on: dt.date
    title: str
    metric: str = ""
    baseline: float | None = None
    result: float | None = None
    unit: str = ""
    value: float | None = None
    currency: str = ""
    story: str = ""
    plans: tuple[PlanKind, ...] = ()
    shared: tuple[ProofShare, ...] = ()
    id: int | None = None


@dataclass(frozen=True, slots=True)
class AgendaItem:
    """A talking point to raise with a person until it is done (format v2 ``agenda``)."""

    person: Person
    text: str
    added_on: dt.date
    done_on: dt.date | None = None
    #: The note of the 1:1 in which it was discussed, when ticked while logging one.
    discussed_in_note_id: int | None = None
    id: int | None = None
