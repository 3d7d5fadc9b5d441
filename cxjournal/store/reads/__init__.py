"""The journal's reads, as SQL text on a plain DB-API connection, one function per question.

Every area reads through these functions: the start-up path (Today, the status
bar) on the journal's own connection, without SQLAlchemy, and the other
operations on the connection of their session (``Journal.reading``). A question
asked in two places (the stakeholders due, the latest audit, the resilience
summary's check-ins, a setting) is answered by one query here.

The functions take any connection that has ``execute(sql, parameters)`` returning
a cursor (:class:`Connection`): sqlcipher3's, or the one under a SQLAlchemy
session.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Protocol


class Cursor(Protocol):
    """What a read needs of a DB-API cursor."""

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


class Connection(Protocol):
    """What a read needs of a DB-API connection (sqlcipher3's ``execute`` shortcut)."""

    def execute(self, sql: str, parameters: Sequence[Any] = ..., /) -> Cursor: ...


@contextmanager
def snapshot(conn: Connection) -> Iterator[Connection]:
    """One read transaction on ``conn`` (an autocommit connection, as the journal's own):
    every read inside sees the same state of the journal."""
    conn.execute("BEGIN")
    try:
        yield conn
    finally:
        conn.execute("ROLLBACK")


__all__ = ["Connection", "Cursor", "snapshot"]
