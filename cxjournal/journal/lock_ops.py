"""Locking the open journal: its connections closed and its key dropped; unlocking opens it again.

Kept light (no SQLAlchemy), since the main window installs the lock at start-up.
"""

from __future__ import annotations

from collections.abc import Callable

from cxjournal.domain.errors import JournalOpenError
from cxjournal.journal.core import Journal


class _Locked:
    """Stands in for the connection of a locked journal: any use says it is locked."""

    def __getattr__(self, name: str) -> object:
        raise JournalOpenError("the journal is locked: unlock it first")

    def close(self) -> None:
        """Closing a locked journal again is harmless."""

    def dispose(self) -> None:
        """Nor is disposing of its (absent) engine."""


def lock_journal(journal: Journal) -> None:
    """Close every connection of ``journal`` and drop its key (and everything cached).

    The object stays (everyone holding it carries on after :func:`unlock_journal`);
    until then any read or write raises ``JournalOpenError``.
    """
    # the engine too: a locked journal must not quietly open a connection without its key
    journal.close_in_place(_Locked())


def is_locked(journal: Journal) -> bool:
    return journal.is_closed_in_place(_Locked)


def derive_unlock_key(journal: Journal, passphrase: str) -> Callable[[float], bool] | None:
    """Start deriving the key of the locked ``journal`` on another thread, so the window can
    go on painting meanwhile; :func:`unlock_journal` with the same passphrase then takes
    it. Returns a function that waits for it up to the seconds given and says whether it
    is done, or None with nothing to derive."""
    return Journal.derive_key_ahead(journal.path, passphrase) if journal.encrypted else None


def unlock_journal(journal: Journal, passphrase: str | None) -> None:
    """Open the locked ``journal`` again; raises ``WrongPassphraseError`` (still locked)."""
    journal.reopen_in_place(passphrase)
