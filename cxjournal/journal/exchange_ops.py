"""Journal-level backups and restores, and a second handle for work in another thread.

The file work itself is in :mod:`cxjournal.store.backup`; here it meets an open
:class:`Journal`: its engine, its passphrase and its backup settings.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from cxjournal.journal.core import Journal
from cxjournal.store import backup as store_backup
from cxjournal.store import schema
from cxjournal.store.engine import is_plain_sqlite

log = logging.getLogger(__name__)


def passphrase_of(journal: Journal) -> str | None:
    """The passphrase the journal was opened with (None for a plain journal)."""
    password = journal.engine.url.password
    return str(password) if password else None


def reopen(journal: Journal) -> Journal:
    """Another handle on the same journal file, for use in one other thread.

    The connections of an engine belong to the thread that made them, so a
    background task opens its own handle and closes it when it is done.
    """
    return Journal.open(journal.path, passphrase_of(journal), create=False)


def retention_policy(journal: Journal) -> store_backup.RetentionPolicy:
    value = journal.settings.get(store_backup.RetentionPolicy.SETTING_KEY)
    return store_backup.RetentionPolicy.from_setting(value)


def set_retention_policy(journal: Journal, policy: store_backup.RetentionPolicy) -> None:
    journal.settings.set(store_backup.RetentionPolicy.SETTING_KEY, policy.as_setting())


def backup_now(journal: Journal, target: Path | None = None) -> Path:
    """A backup now: to ``target``, or a rolling one in the backups folder (then rotated)."""
    if target is not None:
        return store_backup.backup_to(journal.engine, target)
    made = store_backup.backup_now(journal.engine, journal.path)
    store_backup.prune(journal.path, retention_policy(journal))
    return made


def automatic_backup(journal: Journal, now: dt.datetime | None = None) -> Path | None:
    """Today's rolling backup if there is none yet, then rotation by the journal's settings."""
    return store_backup.automatic_backup(
        journal.engine, journal.path, retention_policy(journal), now
    )


def backup_on_quit(journal: Journal) -> Path | None:
    """The automatic backup when the app closes; never raises, logs no journal text."""
    try:
        return automatic_backup(journal)
    except Exception as exc:  # quitting must never fail
        log.warning("automatic backup skipped: %s", type(exc).__name__)
        return None


def restore_in_place(journal: Journal, backup: Path) -> store_backup.RestoreResult:
    """Replace the open journal's file with ``backup`` and keep using the same handle.

    The backup must open with the journal's own passphrase (a backup of this
    journal does). The engine's connections are closed first, in this thread;
    the next session opens the restored file, brought to the current schema.
    """
    journal.engine.dispose()
    result = store_backup.restore(backup, journal.path, passphrase_of(journal))
    journal.engine.dispose()
    schema.ensure_current(journal.engine, journal.path)
    journal.encrypted = not is_plain_sqlite(journal.path)
    return result
