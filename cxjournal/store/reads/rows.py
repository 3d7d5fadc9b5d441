"""Journal rows read with SQL text into domain objects: people and check-ins.

The reads of :mod:`cxjournal.store.reads` go through a plain DB-API connection,
without SQLAlchemy; these helpers turn its rows into the same domain objects the
store's mapping gives, with the columns ``store.records`` declares.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from cxjournal.domain.model import Person, ResilienceEntry
from cxjournal.store import records

day = records.day


def person(values: Sequence[Any]) -> Person:
    """A person from the columns of :func:`person_columns`, in that order."""
    found: Person = records.from_row(records.PERSON, values)
    return found


def person_columns(alias: str) -> str:
    """The columns :func:`person` reads, of the people table under ``alias``."""
    return records.columns(records.PERSON, alias)


PERSON_WIDTH = records.width(records.PERSON)


ENTRY_COLUMNS = records.columns(records.CHECK_IN)


def entry(row: Sequence[Any]) -> ResilienceEntry:
    found: ResilienceEntry = records.from_row(records.CHECK_IN, row)
    return found
