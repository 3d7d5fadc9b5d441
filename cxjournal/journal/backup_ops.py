"""Backups and restores of an open journal, and a second handle for work in another thread.

The file work itself is in :mod:`cxjournal.store.backup`; here it meets an open
:class:`Journal`: its engine, its passphrase and its backup settings.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from cxjournal.journal.core import Journal
from cxjournal.store import backup as store_backup

# what the GUI shows of backups, so that ui/ never imports the store
from cxjournal.store.backup import BackupInfo as BackupInfo
from cxjournal.store.backup import RetentionPolicy as RetentionPolicy
from cxjournal.store.backup import human_size as human_size
from cxjournal.store.backup import list_backups as list_backups

log = logging.getLogger(__name__)


def passphrase_of(journal: Journal) -> str | None:
    """The passphrase the journal was opened with (None for a plain journal)."""
    return journal.passphrase


def reopen(journal: Journal) -> Journal:
    """Another handle on the same journal file, for use in one other thread.

    The connections of an engine belong to the thread that made them, so a
    background task opens its own handle and closes it when it is done. It is
    opened with the journal's derived key, so it derives none itself.
    """
    return Journal.open(journal.path, journal.key, create=False)


def retention_policy(journal: Journal) -> store_backup.RetentionPolicy:
    value = journal.settings.get(store_backup.RetentionPolicy.SETTING_KEY)
    return store_backup.RetentionPolicy.from_setting(value)


def set_retention_policy(journal: Journal, policy: store_backup.RetentionPolicy) -> None:
    journal.settings.set(store_backup.RetentionPolicy.SETTING_KEY, policy.as_setting())


def backup_now(journal: Journal, target: Path | None = None) -> Path:
    """A backup now: to ``target``, or a rolling one in the backups folder (then rotated)."""
    if target is not None:
        return store_backup.backup_to(journal.engine, target)
    journal.refuse_if_read_only("a backup in its backups folder (use backup -o FILE elsewhere)")
    made = store_backup.backup_now(journal.engine, journal.path)
    store_backup.prune(journal.path, retention_policy(journal))
    return made


def automatic_backup(journal: Journal, now: dt.datetime | None = None) -> Path | None:
    """Today's rolling backup if there is none yet, then rotation by the journal's settings;
    none for a read-only journal."""
    if journal.read_only:
        return None
    return store_backup.automatic_backup(
        journal.engine, journal.path, retention_policy(journal), now
    )


def quit_backup_due(journal: Journal, now: dt.datetime | None = None) -> bool:
    """True when closing the app should make today's rolling backup; never raises."""
    try:
        return not journal.read_only and store_backup.backup_due(journal.path, now)
    except Exception:
        return False


def backup_after_quit(journal: Journal, now: dt.datetime | None = None) -> Path | None:
    """The quit backup, made after the app released the journal's lock, so it never delays
    a new app (which may open the journal meanwhile; see
    ``store.backup.backup_after_release``). Never raises, logs no journal text."""
    if journal.read_only:
        return None
    try:
        return store_backup.backup_after_release(
            journal.engine, journal.path, retention_policy(journal), now
        )
    except Exception as exc:  # quitting must never fail
        log.warning("automatic backup skipped: %s", type(exc).__name__)
        return None


def restore_in_place(journal: Journal, backup: Path) -> store_backup.RestoreResult:
    """Replace the open journal's file with ``backup``; ``journal`` stays usable throughout.

    The backup must open with the journal's own passphrase (a backup of this
    journal does). Every connection of ``journal`` is closed first (so none
    keeps pointing at the replaced file); then the journal is opened again
    through :meth:`Journal.open` (bringing an older backup to the current
    schema) and ``journal`` takes on the new handle's state, so everyone
    holding ``journal`` carries on. If the restore is refused, ``journal`` is
    reopened on the unchanged file and the error is raised.

    No other handle on the file may be open (finish background work first).
    """
    passphrase = passphrase_of(journal)
    journal.close()
    try:
        return store_backup.restore(backup, journal.path, passphrase)
    finally:
        journal.reopen_in_place(passphrase)
