"""Changing the passphrase of an open journal: the file work is :mod:`cxjournal.store.rekey`.

Like a restore, the journal's connections are closed for the change and the
journal is opened again afterwards (with the new passphrase, or the old one
when the change was refused), so everyone holding ``journal`` carries on.
"""

from __future__ import annotations

from cxjournal.domain.errors import WrongPassphraseError
from cxjournal.journal.backup_ops import passphrase_of
from cxjournal.journal.core import Journal
from cxjournal.journal.lock_ops import lock_journal, unlock_journal
from cxjournal.store import rekey


def change_passphrase(
    journal: Journal, new: str | None, current: str | None = None
) -> rekey.RekeyResult:
    """Give the journal and every backup the passphrase ``new`` (None: make them plain).

    ``current`` is the passphrase as the user typed it (it must open the
    journal); by default the one the journal was opened with. No other handle
    on the file may be open (finish background work first). Raises
    ``JournalOpenError`` when refused; the journal is then unchanged and open.
    """
    job = start_change(journal, new, current)
    try:
        result = job.run()
    except BaseException:
        job.finish(succeeded=False)
        raise
    job.finish(succeeded=True)
    return result


class PassphraseChange:
    """A change of passphrase in three parts, so the file work can run in another thread:
    :func:`start_change` locks the journal (GUI thread), :meth:`run` re-keys the files
    (any thread), :meth:`finish` opens the journal again (GUI thread)."""

    def __init__(self, journal: Journal, old: str | None, new: str | None, typed: str | None):
        self._journal = journal
        self._old = old
        self._new = new
        self._typed = typed

    def run(self) -> rekey.RekeyResult:
        old = self._typed if self._typed is not None else self._old
        if self._journal.encrypted and old is None:
            raise WrongPassphraseError("type the current passphrase to change it")
        return rekey.rekey(self._journal.path, old, self._new)

    def finish(self, succeeded: bool) -> None:
        unlock_journal(self._journal, self._new if succeeded else self._old)
        self._old = self._new = self._typed = None


def start_change(journal: Journal, new: str | None, current: str | None = None) -> PassphraseChange:
    """Close the journal for a change of passphrase; see :class:`PassphraseChange`."""
    job = PassphraseChange(journal, passphrase_of(journal), new, current)
    lock_journal(journal)
    return job
