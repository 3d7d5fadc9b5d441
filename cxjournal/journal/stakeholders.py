"""Where each stakeholder's update cadence stands: the "updates due" question (no SQLAlchemy).

Today, the status bar, the People page and Prepare 1:1 all ask it through these
functions, which read with ``store.reads.people`` (one index seek per person and
contact kind, whatever the number of notes).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from cxjournal.domain.cadence import DueStatus, due_status, next_due
from cxjournal.domain.errors import NotFoundError
from cxjournal.domain.model import Person
from cxjournal.store.reads import Connection
from cxjournal.store.reads import people as people_reads
from cxjournal.store.reads.rows import person as person_from_row


@dataclass(frozen=True, slots=True)
class DueStakeholder:
    """Where a stakeholder's update cadence stands on a given day."""

    person: Person
    #: the latest note with them of a kind that counts as contact, if any
    last_contact: dt.date | None
    #: when the next update is due; None without a cadence
    due: dt.date | None
    status: DueStatus


def standing(person: Person, last_contact: dt.date | None, today: dt.date) -> DueStakeholder:
    """Where ``person``'s cadence stands on ``today``, given their latest contact."""
    due = next_due(person.cadence_days, last_contact, today)
    return DueStakeholder(person, last_contact, due, due_status(due, today))


def due(conn: Connection, today: dt.date) -> tuple[DueStakeholder, ...]:
    """Stakeholders (not archived, with a cadence) whose update is due on or before
    ``today``, most overdue first (then by name)."""
    found = [
        standing(person_from_row(columns), last, today)
        for days, last, columns in people_reads.with_cadence(conn)
        if (due := next_due(days, last, today)) is not None and due <= today
    ]
    found.sort(key=lambda s: (s.due or today, s.person.name.casefold(), s.person.id or 0))
    return tuple(found)


def cadence(conn: Connection, person_id: int, today: dt.date) -> DueStakeholder:
    """Where one person's cadence stands on ``today``; ``NotFoundError`` for an unknown id."""
    found = people_reads.one_with_contact(conn, person_id)
    if found is None:
        raise NotFoundError(f"no person with id {person_id}")
    return standing(found[0], found[1], today)
