"""Why SQLite refused a write, in words fit to show a user.

SQLite reports a failed write as an ``OperationalError`` or ``IntegrityError``
whose text is terse ("database is locked"). :func:`write_failure` turns it into
a :class:`JournalWriteError` saying what happened and what to do. Only SQLite's
own message is used, never the statement or its parameters (they hold journal
text).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sqlalchemy.exc import DBAPIError, IntegrityError

from cxjournal.domain.errors import JournalWriteError

#: (words in SQLite's message, what to tell the user)
_REASONS: tuple[tuple[tuple[str, ...], str], ...] = (
    (
        ("database is locked", "database table is locked", "database is busy"),
        "the journal is busy: another program is writing to it. Try again in a moment",
    ),
    (
        ("database or disk is full", "disk is full"),
        "the disk is full. Free some space, then try again",
    ),
    (
        ("readonly database", "read-only"),
        "the journal cannot be written: the file or its folder is read-only",
    ),
    (("disk i/o error",), "the disk could not be written (an input/output error)"),
)


def write_failure(exc: DBAPIError) -> JournalWriteError:
    """The user-facing error for a write SQLite refused."""
    said = str(exc.orig if exc.orig is not None else exc.__class__.__name__).strip()
    lowered = said.lower()
    for words, reason in _REASONS:
        if any(word in lowered for word in words):
            return JournalWriteError(reason)
    if isinstance(exc, IntegrityError):
        return JournalWriteError(f"the journal refused the change ({said})")
    return JournalWriteError(f"the journal could not be written ({said})")


@contextmanager
def refusals_as(make: Callable[[str], Exception]) -> Iterator[None]:
    """Raise any database error of the block as ``make(what SQLite said)``.

    For the writers above the store (the imports), which say in their own words
    that nothing was written; the transaction has rolled back by then.
    """
    try:
        yield
    except DBAPIError as exc:
        raise make(str(exc.orig)) from exc
