"""What a write changed: the areas of the journal it touched, so only what shows them redraws.

Every write transaction names its areas (``journal.session(Area.NOTES)``); an
operation run through :meth:`Journal.perform` returns its value together with
the union of the areas its committed transactions touched::

    done = journal.perform(lambda j: j.notes.add(note))
    done.value    # the saved note
    done.changes  # Area.NOTES

A write that names no area but changed rows counts as :attr:`Area.ALL`, so a
forgotten declaration redraws too much, never too little.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


class Area(enum.Flag):
    """The parts of a journal a write can change; combine them with ``|``."""

    NONE = 0
    #: the people directory: names, roles, cadences, archived or not
    PEOPLE = 1 << 0
    #: notes, their follow-ups and the attitudes they record
    NOTES = 1 << 1
    #: power audits and their ratings
    AUDITS = 1 << 2
    #: daily check-ins and the early warning's state
    RESILIENCE = 1 << 3
    #: the exit plan and its steps
    EXIT_PLAN = 1 << 4
    #: the CX program: its why, the eight plans, proof points and with whom they were shared
    PROGRAM = 1 << 5
    #: talking points for the next 1:1
    AGENDA = 1 << 6
    #: calendars and the meetings read from them
    MEETINGS = 1 << 7
    #: the journal's settings: thresholds, the warning rule, when an audit is due, e-mails
    SETTINGS = 1 << 8
    #: unsaved drafts kept for a form (no page shows them)
    DRAFTS = 1 << 9
    #: what was deleted and can be restored (the trash)
    TRASH = 1 << 10
    #: everything: after an import, a restore or an unlock
    ALL = (1 << 11) - 1

    def names(self) -> list[str]:
        """The single areas in this one, lowest first (``["NOTES", "SETTINGS"]``)."""
        return [member.name or "" for member in self]


@dataclass(frozen=True)
class OpChanges(Generic[T]):
    """The outcome of one operation: what it returned and which areas it changed."""

    value: T
    changes: Area
