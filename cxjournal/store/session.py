"""The store's transaction handle, by the name the layers above use for it.

``journal/``, ``exchange/`` and ``cli/`` pass a session from
:meth:`Journal.session` to the store's functions and never query with it
themselves: every query is the store's (tests/test_sql_lives_in_store.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine as Engine
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import Session as Session

from cxjournal.store.reads import Connection

#: the failures of a write SQLite refuses (disk full, journal busy, a CHECK constraint)
WRITE_FAILURES: tuple[type[DBAPIError], ...] = (OperationalError, IntegrityError)


@contextmanager
def transaction(engine: Engine) -> Iterator[Session]:
    """A session in one transaction: committed when the block ends, rolled back if it raises;
    what it loaded stays readable after the commit."""
    with Session(engine, expire_on_commit=False) as session, session.begin():
        yield session


__all__ = ["WRITE_FAILURES", "Engine", "Session", "transaction"]


def plain_connection(session: Session) -> Connection:
    """The session's DB-API connection, with what the session holds written to it: for a
    read of ``store.reads`` inside a write's own transaction."""
    session.flush()
    found = session.connection().connection.driver_connection
    if found is None:  # pragma: no cover - a session's connection always has one
        raise RuntimeError("the session's connection is closed")
    plain: Connection = found
    return plain
