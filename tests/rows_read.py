"""Counting what a read costs: the statements SQLite runs for it, and the rows they return."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from sqlalchemy import event

if TYPE_CHECKING:
    from cxjournal.journal import Journal


class Reads:
    """The statements run (as run, their parameters bound) while the block ran."""

    def __init__(self, journal: Journal) -> None:
        self.journal = journal
        self.statements: list[str] = []

    def selects(self) -> list[str]:
        return [s for s in self.statements if s.lstrip().upper().startswith(("SELECT", "WITH"))]

    def rows(self) -> int:
        """How many rows the reads returned, each run again on the journal's own connection."""
        return sum(len(self.journal.raw().execute(s).fetchall()) for s in self.selects())


@contextmanager
def reads(journal: Journal) -> Iterator[Reads]:
    """Every statement run on the journal's own connection and on the engine's."""
    found = Reads(journal)

    def checkout(dbapi_conn: Any, *_args: object) -> None:
        dbapi_conn.set_trace_callback(found.statements.append)

    def checkin(dbapi_conn: Any, *_args: object) -> None:
        dbapi_conn.set_trace_callback(None)

    event.listen(journal.engine, "checkout", checkout)
    event.listen(journal.engine, "checkin", checkin)
    journal.raw().set_trace_callback(found.statements.append)
    try:
        yield found
    finally:
        journal.raw().set_trace_callback(None)
        event.remove(journal.engine, "checkout", checkout)
        event.remove(journal.engine, "checkin", checkin)
