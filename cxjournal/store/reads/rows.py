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

#: How many people and check-ins made from rows are kept at most, for each kind (a few
#: hundred bytes each); when one more would not fit, those kept are let go.
KEPT_MAX = 20_000

#: The people and check-ins made from rows, by the rows' values. The values are the whole
#: stored record, so what was made from them stays right as long as the values are the
#: same: a page that reads the same rows again (each refresh) finds them here instead of
#: decoding every column again. The records are frozen, so sharing them is safe.
_people: dict[tuple[Any, ...], Person] = {}
_entries: dict[tuple[Any, ...], ResilienceEntry] = {}


def _made(kept: dict[tuple[Any, ...], Any], record: records.Record, values: Sequence[Any]) -> Any:
    """The ``record`` made from ``values``: the one kept in ``kept``, else made and kept."""
    key = tuple(values)
    found = kept.get(key)
    if found is None:
        found = records.from_row(record, key)
        if len(kept) >= KEPT_MAX:
            kept.clear()
        kept[key] = found
    return found


def person(values: Sequence[Any]) -> Person:
    """A person from the columns of :func:`person_columns`, in that order."""
    found: Person = _made(_people, records.PERSON, values)
    return found


def person_columns(alias: str) -> str:
    """The columns :func:`person` reads, of the people table under ``alias``."""
    return records.columns(records.PERSON, alias)


PERSON_WIDTH = records.width(records.PERSON)


ENTRY_COLUMNS = records.columns(records.CHECK_IN)


def entry(row: Sequence[Any]) -> ResilienceEntry:
    """A check-in from the columns of :data:`ENTRY_COLUMNS`, in that order."""
    found: ResilienceEntry = _made(_entries, records.CHECK_IN, row)
    return found
