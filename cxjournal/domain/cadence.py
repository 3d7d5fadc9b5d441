"""Update cadence: when each stakeholder's next update is due.

A stakeholder with a cadence of ``n`` days is due ``n`` days after the latest
note with them of any kind except an observation (an observation is something
noticed, not contact). Someone with a cadence who was never contacted is due
today. No cadence means no due date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Literal

from cxjournal.domain.model import Note, NoteKind

#: Note kinds that count as contact with a stakeholder (all but observation).
CONTACT_KINDS: frozenset[NoteKind] = frozenset(NoteKind) - {NoteKind.OBSERVATION}

DueStatus = Literal["none", "later", "due", "overdue"]


def last_contact(notes: Iterable[Note]) -> dt.date | None:
    """The date of the latest note whose kind is in :data:`CONTACT_KINDS`, if any.

    Give it one stakeholder's notes; it does not filter by person.
    """
    return max((n.on for n in notes if n.kind in CONTACT_KINDS), default=None)


def next_due(
    cadence_days: int | None, last_contact: dt.date | None, today: dt.date
) -> dt.date | None:
    """The date the next update is due, or ``None`` when there is no cadence.

    ``last_contact + cadence_days``; ``today`` when there was never any contact.
    Raises ``ValueError`` for a cadence below one day.
    """
    if cadence_days is None:
        return None
    if cadence_days < 1:
        raise ValueError(f"cadence_days must be at least 1, not {cadence_days}")
    if last_contact is None:
        return today
    return last_contact + dt.timedelta(days=cadence_days)


def is_overdue(due: dt.date | None, today: dt.date) -> bool:
    """True when ``due`` is strictly before ``today`` (due today is not overdue)."""
    return due is not None and due < today


def due_status(due: dt.date | None, today: dt.date) -> DueStatus:
    """``"none"`` without a due date, else ``"overdue"``, ``"due"`` (today) or ``"later"``."""
    if due is None:
        return "none"
    if due < today:
        return "overdue"
    if due == today:
        return "due"
    return "later"


def days_label(due: dt.date, today: dt.date) -> str:
    """Short words for a due date: "due today", "3 days overdue", "in 5 days"."""
    delta = (due - today).days
    if delta == 0:
        return "due today"
    if delta < 0:
        return f"{_days(-delta)} overdue"
    return f"in {_days(delta)}"


def _days(n: int) -> str:
    return "1 day" if n == 1 else f"{n} days"
