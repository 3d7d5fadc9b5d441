"""What an import from another tool would bring: a plan of domain objects, checked, unwritten.

Each reader in this package turns a file into an :class:`ImportPlan`; the
merge (:mod:`cxjournal.exchange.imports.merge`) writes a plan without problems
into the journal in one transaction, or reports what it would do.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from cxjournal.domain.model import Note, Person

#: The keys of a report's ``added`` and ``merged`` counts (always all present).
ADDED: tuple[str, ...] = ("people", "emails", "notes", "checkins")
MERGED: tuple[str, ...] = ("people",)

#: How a count reads in a sentence when it is one.
_SINGULAR = {
    "people": "person",
    "emails": "e-mail address",
    "notes": "note",
    "checkins": "check-in",
    "entries": "entry",
    "media": "photo or other media file",
    "empty_contacts": "contact with no name or e-mail",
}
_PLURAL = {
    "emails": "e-mail addresses",
    "checkins": "check-ins",
    "media": "photos and other media files",
    "empty_contacts": "contacts with no name or e-mail",
}


def counted(n: int, what: str) -> str:
    """``n`` things in words: "1 person", "3 check-ins"."""
    if n == 1:
        return f"1 {_SINGULAR.get(what, what)}"
    return f"{n} {_PLURAL.get(what, what.replace('_', ' '))}"


@dataclass(frozen=True, slots=True)
class PlannedPerson:
    """A contact of the file; ``note`` (may be empty) becomes a note of kind ``other``."""

    person: Person
    #: where in the file it comes from, e.g. ``line 12``
    where: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class PlannedCheckin:
    """One day's mood-only check-in: energy and stress stay unrecorded."""

    on: dt.date
    mood: int
    drains: tuple[str, ...] = ()
    restorers: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    note: str = ""


@dataclass(frozen=True, slots=True)
class ImportPlan:
    """Everything a file would bring, and every problem found in it (with its line or path)."""

    kind: str
    people: tuple[PlannedPerson, ...] = ()
    #: notes about no one (journals from jrnl or Day One)
    notes: tuple[Note, ...] = ()
    checkins: tuple[PlannedCheckin, ...] = ()
    #: what the file holds that is left out on purpose, by kind (e.g. ``media``)
    skipped: dict[str, int] = field(default_factory=dict)
    problems: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True, slots=True)
class PersonMatch:
    """A contact of the file that merges with a person already in the journal."""

    name_in_file: str
    person: Person
    #: "e-mail" or "name": what they were recognised by
    by: str


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What an import did (or, for a dry run or a plan with problems, would do)."""

    added: dict[str, int]
    merged: dict[str, int]
    skipped: dict[str, int]
    problems: tuple[str, ...] = ()
    #: the people that merge, and with whom
    matches: tuple[PersonMatch, ...] = ()
    #: for each of the plan's people, in order: its match, or None for a new person
    outcomes: tuple[PersonMatch | None, ...] = ()
    written: bool = False

    @classmethod
    def refused(cls, plan: ImportPlan) -> ImportReport:
        """The report of a plan with problems: nothing added, merged or written."""
        return cls(
            added=dict.fromkeys(ADDED, 0),
            merged=dict.fromkeys(MERGED, 0),
            skipped=dict(plan.skipped),
            problems=plan.problems,
        )

    def as_json(self) -> dict[str, Any]:
        return {
            "added": dict(self.added),
            "merged": dict(self.merged),
            "skipped": dict(self.skipped),
            "problems": list(self.problems),
        }

    def lines(self) -> list[str]:
        """A short account for people, one line per heading."""

        def counts(values: dict[str, int]) -> str:
            shown = [counted(n, what) for what, n in values.items() if n]
            return ", ".join(shown) if shown else "nothing"

        return [
            f"added: {counts(self.added)}",
            f"merged: {counts(self.merged)}",
            f"skipped: {counts(self.skipped)}",
        ]
