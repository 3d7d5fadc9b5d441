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

#: The grouping dimensions used for reach, in display order.
REACH_DIMENSIONS: tuple[str, ...] = ("team", "function", "product_unit", "location")

RATING_MIN, RATING_MAX = 1, 10
ASPECT_MIN, ASPECT_MAX = 0, 10
MAX_RATINGS_PER_AUDIT = 10
NAME_MAX = 200
CADENCE_MIN, CADENCE_MAX = 1, 366
CHECKIN_MIN, CHECKIN_MAX = 1, 10
SLEEP_MIN, SLEEP_MAX = 0.0, 24.0


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


@dataclass(frozen=True, slots=True)
class ResilienceEntry:
    on: dt.date
    energy: int
    stress: int
    mood: int
    sleep_hours: float | None = None
    drains: tuple[str, ...] = ()
    restorers: tuple[str, ...] = ()
    note: str = ""
    id: int | None = None


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
