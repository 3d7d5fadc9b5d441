"""Input checks shared by every way in (GUI, CLI, import): each returns every problem found.

Messages name the field and the problem in plain words, e.g.
``value: 11 is not between 1 and 10``.
"""

from __future__ import annotations

import math

from cxjournal.domain.model import (
    ASPECT_MAX,
    ASPECT_MIN,
    ASPECTS,
    CADENCE_MAX,
    CADENCE_MIN,
    CHECKIN_MAX,
    CHECKIN_MIN,
    MAX_RATINGS_PER_AUDIT,
    NAME_MAX,
    RATING_MAX,
    RATING_MIN,
    SLEEP_MAX,
    SLEEP_MIN,
    Audit,
    ExitItem,
    FollowUp,
    Note,
    Person,
    Rating,
    ResilienceEntry,
)
from cxjournal.domain.network import tie_problems


def _int_between(label: str, value: object, low: int, high: int) -> list[str]:
    if isinstance(value, bool) or not isinstance(value, int):
        return [f"{label}: {value!r} is not a whole number"]
    if not low <= value <= high:
        return [f"{label}: {value} is not between {low} and {high}"]
    return []


def person_problems(person: Person) -> list[str]:
    problems: list[str] = []
    name = person.name.strip()
    if not 1 <= len(name) <= NAME_MAX:
        problems.append(f"name: must be 1-{NAME_MAX} characters (not counting spaces around it)")
    if person.cadence_days is not None:
        problems += _int_between("cadence_days", person.cadence_days, CADENCE_MIN, CADENCE_MAX)
    return problems


def rating_problems(rating: Rating, prefix: str = "") -> list[str]:
    problems: list[str] = []
    for name in ("value", "irreplaceability", "my_value", "my_irreplaceability"):
        problems += _int_between(prefix + name, getattr(rating, name), RATING_MIN, RATING_MAX)
    for name in ASPECTS:
        aspect = getattr(rating.aspects, name)
        if aspect is not None:
            problems += _int_between(f"{prefix}aspects.{name}", aspect, ASPECT_MIN, ASPECT_MAX)
    return problems


def audit_problems(audit: Audit) -> list[str]:
    problems: list[str] = []
    if len(audit.ratings) > MAX_RATINGS_PER_AUDIT:
        problems.append(
            f"ratings: an audit holds at most {MAX_RATINGS_PER_AUDIT} people, "
            f"not {len(audit.ratings)}"
        )
    seen: dict[str, int] = {}
    for index, rating in enumerate(audit.ratings):
        key = (
            f"id:{rating.person.id}"
            if rating.person.id is not None
            else f"name:{rating.person.name.strip().casefold()}"
        )
        if key in seen:
            problems.append(
                f"ratings[{index}]: {rating.person.name.strip()} is already rated in this audit"
            )
        seen[key] = index
        problems += rating_problems(rating, prefix=f"ratings[{index}].")
        if rating.person.id is None:
            problems += [f"ratings[{index}].person.{p}" for p in person_problems(rating.person)]
    problems += tie_problems(audit.ties, len(audit.ratings))
    if audit.blocking_superior_person is not None and not audit.blocking_superior:
        problems.append("blocking_superior_person: set only when a superior is blocking")
    return problems


def follow_up_problems(follow_up: FollowUp, prefix: str = "") -> list[str]:
    return [] if follow_up.text.strip() else [f"{prefix}text: a follow-up needs some text"]


def note_problems(note: Note) -> list[str]:
    problems: list[str] = []
    for index, follow_up in enumerate(note.follow_ups):
        problems += follow_up_problems(follow_up, prefix=f"follow_ups[{index}].")
    return problems


def resilience_problems(entry: ResilienceEntry) -> list[str]:
    problems: list[str] = []
    for name in ("energy", "stress", "mood"):
        problems += _int_between(name, getattr(entry, name), CHECKIN_MIN, CHECKIN_MAX)
    sleep = entry.sleep_hours
    if sleep is not None and (
        isinstance(sleep, bool)
        or not isinstance(sleep, (int, float))
        or math.isnan(sleep)
        or not SLEEP_MIN <= sleep <= SLEEP_MAX
    ):
        problems.append(f"sleep_hours: {sleep!r} is not between 0 and 24")
    return problems


def exit_item_problems(item: ExitItem) -> list[str]:
    return [] if item.text.strip() else ["text: a checklist item needs some text"]
