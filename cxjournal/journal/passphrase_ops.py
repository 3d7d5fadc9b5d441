"""Changing the passphrase of an open journal: the file work is :mod:`cxjournal.store.rekey`.

Like a restore, the journal's connections are closed for the change and the
journal is opened again afterwards (with the new passphrase, or the old one
when the change was refused), so everyone holding ``journal`` carries on.
"""

from __future__ import annotations

from cxjournal.journal.core import Journal
from cxjournal.journal.exchange_ops import passphrase_of
from cxjournal.store import rekey


def change_passphrase(journal: Journal, new: str | None) -> rekey.RekeyResult:
    """Give the journal and every backup the passphrase ``new`` (None: make them plain).

    No other handle on the file may be open (finish background work first).
    Raises ``JournalOpenError`` when refused; the journal is then unchanged and open.
    """
    old = passphrase_of(journal)
    journal.close()
    reopen_with = old
    try:
        result = rekey.rekey(journal.path, old, new)
        reopen_with = new
        return result
    finally:
        fresh = Journal.open(journal.path, reopen_with, create=False)
        journal.__dict__.clear()
        journal.__dict__.update(fresh.__dict__)
