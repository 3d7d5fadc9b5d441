"""Errors the core raises; each carries a message fit to show a user."""

from __future__ import annotations

from collections.abc import Iterable


class CxJournalError(Exception):
    """Base of every error the journal reports to a user."""


class ValidationError(CxJournalError):
    """Bad input: names every problem; nothing was written."""

    def __init__(self, problems: Iterable[str]) -> None:
        self.problems: list[str] = list(problems)
        super().__init__("; ".join(self.problems) if self.problems else "invalid input")


class NotFoundError(CxJournalError):
    """The thing asked for does not exist (or no longer does)."""


class JournalOpenError(CxJournalError):
    """The journal cannot be opened; the file was left untouched."""


class NotAJournalError(JournalOpenError):
    """The file is damaged, is not an SQLite file, or is not a cxjournal journal."""


class PassphraseRequiredError(JournalOpenError):
    """The journal is encrypted and no passphrase was given."""


class WrongPassphraseError(JournalOpenError):
    """The passphrase given does not open this journal."""


class NewerSchemaError(JournalOpenError):
    """The journal was written by a newer version of cxjournal."""


class JournalInUseError(JournalOpenError):
    """Another running cxjournal has this journal open."""


class UpgradeFailedError(JournalOpenError):
    """A schema upgrade failed; the journal was left as it was (the message names the copy
    made before the upgrade)."""


class DamagedJournalError(NotAJournalError):
    """The journal file is damaged; the message points to the latest backup and how to
    restore it."""


class JournalWriteError(CxJournalError):
    """A change could not be written (the disk is full, the journal busy or read-only...);
    the transaction was rolled back, so nothing of it was saved."""


class ReadOnlyJournalError(JournalWriteError):
    """The journal is on read-only media or in a read-only folder: it can be read, not written."""
