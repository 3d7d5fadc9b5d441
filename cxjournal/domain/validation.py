"""Input checks shared by every way in (GUI, CLI, import): each returns every problem found.

Messages name the field and the problem in plain words, e.g.
``value: 11 is not between 1 and 10``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

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
    POWER_MAX,
    POWER_MIN,
    RATING_MAX,
    RATING_MIN,
    SLEEP_MAX,
    SLEEP_MIN,
    AgendaItem,
    Audit,
    ExitItem,
    FollowUp,
    Note,
    Person,
    PlanRole,
    Program,
    ProofPoint,
    Rating,
    ResilienceEntry,
)

#: What an e-mail address must look like: one "@", no spaces, a dotted domain.
EMAIL_RE = re.compile(r"[^@\s]+@[^@\s.]+(\.[^@\s.]+)+")
EMAIL_MAX = 254


def email_key(email: str) -> str:
    """How e-mail addresses are compared: trimmed, case folded."""
    return email.strip().casefold()


def split_emails(text: str) -> tuple[str, ...]:
    """The addresses of a typed list: separated by commas, semicolons or spaces."""
    return tuple(part for part in re.split(r"[,;\s]+", text) if part)


def email_problem(email: str) -> str | None:
    """Why ``email`` is not an acceptable address, or None."""
    text = email.strip()
    if len(text) > EMAIL_MAX:
        return f"an e-mail address is at most {EMAIL_MAX} characters"
    if not EMAIL_RE.fullmatch(text):
        shown = text if len(text) <= 40 else text[:39] + "…"
        return f"{shown!r} does not look like an e-mail address (name@example.com)"
    return None


def emails_problems(emails: Iterable[str], label: str = "emails") -> list[str]:
    """Each address must look like one and appear once, whatever its case."""
    problems: list[str] = []
    seen: dict[str, int] = {}
    for index, email in enumerate(emails):
        problem = email_problem(email)
        if problem is not None:
            problems.append(f"{label}[{index}]: {problem}")
            continue
        key = email_key(email)
        if key in seen:
            problems.append(
                f"{label}[{index}]: {email.strip()} is listed twice (also {label}[{seen[key]}])"
            )
        else:
            seen[key] = index
    return problems


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
    for name in ("power", "interest"):
        value = getattr(person, name)
        if value is not None:
            problems += _int_between(name, value, POWER_MIN, POWER_MAX)
    problems += emails_problems(person.emails)
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
    if audit.blocking_superior_person is not None and not audit.blocking_superior:
        problems.append("blocking_superior_person: set only when a superior is blocking")
    problems += ties_problems(audit)
    return problems


def ties_problems(audit: Audit) -> list[str]:
    """Ties are pairs ``(i, j)`` of rating indexes with ``i < j``, each pair once.

    (Ties imply ``ties_recorded``: saving an audit with ties records them as such.)
    """
    problems: list[str] = []
    seen: set[tuple[int, int]] = set()
    count = len(audit.ratings)
    for index, (i, j) in enumerate(audit.ties):
        label = f"ties[{index}]"
        if not (0 <= i < count and 0 <= j < count):
            problems.append(f"{label}: names a rating this audit does not have")
        elif i == j:
            problems.append(f"{label}: a person cannot be tied to themselves")
        elif i > j:
            problems.append(f"{label}: write the pair with the lower index first")
        elif (i, j) in seen:
            problems.append(f"{label}: this pair is recorded twice")
        else:
            seen.add((i, j))
    return problems


def follow_up_problems(follow_up: FollowUp, prefix: str = "") -> list[str]:
    return [] if follow_up.text.strip() else [f"{prefix}text: a follow-up needs some text"]


def note_problems(note: Note) -> list[str]:
    problems: list[str] = []
    for index, follow_up in enumerate(note.follow_ups):
        problems += follow_up_problems(follow_up, prefix=f"follow_ups[{index}].")
    return problems


def resilience_problems(entry: ResilienceEntry) -> list[str]:
    """Mood is required; energy and stress may be None (a mood-only check-in)."""
    problems: list[str] = []
    for name in ("energy", "stress", "mood"):
        value = getattr(entry, name)
        if value is None and name != "mood":
            continue
        problems += _int_between(name, value, CHECKIN_MIN, CHECKIN_MAX)
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


def program_problems(program: Program) -> list[str]:
    """Each plan kind once; on a plan, a person at most once and at most one owner."""
    problems: list[str] = []
    kinds: set[str] = set()
    for index, plan in enumerate(program.plans):
        label = f"plans[{index}]"
        if plan.kind in kinds:
            problems.append(f"{label}.kind: {plan.kind.value} appears twice")
        kinds.add(plan.kind)
        members: set[object] = set()
        owners = 0
        for m_index, member in enumerate(plan.people):
            key = _person_key(member.person)
            if key in members:
                problems.append(
                    f"{label}.people[{m_index}]: {member.person.name.strip()} is on this plan twice"
                )
            members.add(key)
            if member.role == PlanRole.OWNER:
                owners += 1
                if owners == 2:
                    problems.append(f"{label}.people[{m_index}].role: a plan has at most one owner")
    return problems


def proof_point_problems(point: ProofPoint) -> list[str]:
    problems: list[str] = []
    if not point.title.strip():
        problems.append("title: a proof point needs a title")
    for name in ("baseline", "result", "value"):
        number = getattr(point, name)
        if number is not None and (
            isinstance(number, bool)
            or not isinstance(number, (int, float))
            or not math.isfinite(number)
        ):
            problems.append(f"{name}: {number!r} is not a finite number")
    if len(set(point.plans)) != len(point.plans):
        problems.append("plans: a plan is listed twice")
    seen: set[object] = set()
    for index, share in enumerate(point.shared):
        key = (_person_key(share.person), share.on)
        if key in seen:
            problems.append(
                f"shared[{index}]: shared with {share.person.name.strip()} twice that day"
            )
        seen.add(key)
    return problems


def agenda_item_problems(item: AgendaItem) -> list[str]:
    problems: list[str] = []
    if not item.text.strip():
        problems.append("text: a talking point needs some text")
    if item.done_on is not None and item.done_on < item.added_on:
        problems.append("done_on: cannot be before the day it was added")
    return problems


def _person_key(person: Person) -> object:
    return ("id", person.id) if person.id is not None else ("name", person.name.strip().casefold())
