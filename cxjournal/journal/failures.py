"""What went wrong under a journal, in words a user can act on: a damaged file (naming the
latest backup), a read-only journal, a full disk, a journal another program is writing to."""

from __future__ import annotations

import sys
from pathlib import Path

from cxjournal.domain.errors import (
    CxJournalError,
    DamagedJournalError,
    JournalInUseError,
    ReadOnlyJournalError,
)
from cxjournal.store import durable, rawdb


def read_only_error(path: Path, what: str = "nothing") -> ReadOnlyJournalError:
    return ReadOnlyJournalError(
        f"{path} is read-only (on read-only media or in a folder you cannot write to), so "
        f"{what} cannot be written to it; reading and exporting work"
    )


def damaged(path: Path, detail: str) -> DamagedJournalError:
    """The one message for a damaged journal: what SQLite found, the latest backup and how to
    restore it."""
    from cxjournal.store.backup import list_backups

    backups = [b for b in list_backups(path) if b.path.resolve() != path.resolve()]
    if backups:
        latest = backups[0]
        where = (
            f"The latest backup is {latest.path} ({latest.taken_at:%Y-%m-%d %H:%M}); restore it "
            f"with: cxjournal --db {path} restore {latest.path}"
        )
    else:
        where = (
            "There is no backup beside it; if you have a copy elsewhere, restore it with: "
            f"cxjournal --db {path} restore FILE"
        )
    return DamagedJournalError(f"{path} is damaged ({detail}). {where}")


def explain(path: Path, exc: BaseException, read_only: bool = False) -> CxJournalError | None:
    """The user's error for a failure of SQLite under the journal, or None if it is not one of
    the known kinds (damaged file, read-only journal, full disk, busy journal)."""
    if isinstance(exc, CxJournalError):
        return exc
    detail = rawdb.damage_detail(exc)
    if detail is not None:
        return damaged(path, detail)
    text = str(getattr(exc, "orig", None) or exc)
    if "readonly database" in text or (read_only and "read-only" in text):
        return read_only_error(path)
    exc_module = sys.modules.get("sqlalchemy.exc")  # only loaded once SQLAlchemy is in use
    if exc_module is not None and isinstance(exc, exc_module.DBAPIError):
        from cxjournal.store.write_errors import write_failure

        return write_failure(exc)
    if durable.is_disk_full(exc):
        return durable.DiskFullError(
            f"the disk is full: nothing was written to {path}; free some space and try again"
        )
    if "database is locked" in text:
        return JournalInUseError(
            f"{path} is busy: another program is writing to it; try again in a moment"
        )
    return None
