"""Backups of a journal file: consistent copies, rotation, and restore with verification.

A backup is made with SQLite's ``VACUUM INTO`` on a connection of the open
journal: a consistent, compacted copy taken inside a read transaction, so it
works while the app is using the journal. With SQLCipher the copy is encrypted
with the same key as its source (checked by the tests), so an encrypted
journal's backups stay encrypted with the same passphrase.

Rolling backups live in ``paths.backups_dir(journal)`` and are named
``<stem>-YYYYMMDD-HHMMSS<suffix>`` (local time). Rotation keeps the newest
backup of each of the last ``keep_daily`` days that have one, plus the newest
of each of the ``keep_weekly`` ISO weeks before those days (weeks that already
hold a kept daily backup do not count). Whatever the settings say, the newest
backup of each of at least ``MIN_DAILY`` days is kept. Copies kept by a restore
(``<stem>-before-restore-...``) are never rotated away.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import shutil
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from cxjournal import paths
from cxjournal.domain.errors import (
    JournalOpenError,
    NotAJournalError,
    PassphraseRequiredError,
    WrongPassphraseError,
)
from cxjournal.store import durable, rawdb, schema
from cxjournal.store.rawdb import file_is_empty, is_plain_sqlite

STAMP_FORMAT = "%Y%m%d-%H%M%S"
#: rotation always keeps the newest backup of this many days, whatever the retention settings
MIN_DAILY = 3
BEFORE_RESTORE = "before-restore"
_STAMP_RE = r"(\d{8}-\d{6})(?:-(\d+))?"


@dataclass(frozen=True, slots=True)
class RetentionPolicy:
    """How many rolling backups to keep: the numbers are journal settings."""

    keep_daily: int = 7
    keep_weekly: int = 4

    SETTING_KEY = "backups"

    @classmethod
    def from_setting(cls, value: Any) -> RetentionPolicy:
        """The policy stored under ``SETTING_KEY``; anything unusable takes the default."""
        default = cls()
        if not isinstance(value, Mapping):
            return default

        def number(key: str, low: int, fallback: int) -> int:
            raw = value.get(key)
            if isinstance(raw, bool) or not isinstance(raw, int) or not low <= raw <= 3660:
                return fallback
            return raw

        return cls(
            keep_daily=number("keep_daily", 1, default.keep_daily),
            keep_weekly=number("keep_weekly", 0, default.keep_weekly),
        )

    def as_setting(self) -> dict[str, int]:
        return {"keep_daily": self.keep_daily, "keep_weekly": self.keep_weekly}


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """One backup file beside a journal."""

    path: Path
    taken_at: dt.datetime
    size: int
    #: True for the copy a restore kept of the journal it replaced
    before_restore: bool = False
    #: 1, or 2, 3... for later backups made within the same second
    sequence: int = 1

    @property
    def order(self) -> tuple[dt.datetime, int]:
        """Sorts backups oldest to newest."""
        return (self.taken_at, self.sequence)


@dataclass(frozen=True, slots=True)
class RestoreResult:
    #: the copy of the journal that was replaced; None when there was no journal
    kept_copy: Path | None


# --- making backups --------------------------------------------------------------------


def backup_to(engine: Engine, target: Path) -> Path:
    """A consistent copy of the journal behind ``engine`` at ``target`` (replaced if present).

    The copy is written privately beside ``target`` first, flushed to disk and
    renamed into place, so a failure never leaves half a backup under the final
    name. A full disk raises :class:`DiskFullError` and leaves nothing behind.
    """
    target = Path(target)
    paths.ensure_private_dir(target.parent)
    temp = durable.part_path(target)
    _remove_quietly(temp)
    try:
        with durable.private_files():
            raw = engine.raw_connection()
            try:
                cursor = raw.cursor()
                try:
                    cursor.execute("VACUUM INTO ?", (str(temp),))
                finally:
                    cursor.close()
            finally:
                raw.close()
        durable.fsync_file(temp)
        os.replace(temp, target)
    except BaseException as exc:
        _remove_quietly(temp)
        if durable.is_disk_full(exc):
            raise durable.DiskFullError(
                f"the disk is full: the backup {target} was not written (nothing was left "
                "behind); free some space and try again"
            ) from exc
        raise
    durable.fsync_dir(target.parent)
    return target


def backup_name(journal_path: Path, when: dt.datetime) -> str:
    return f"{journal_path.stem}-{when.strftime(STAMP_FORMAT)}{journal_path.suffix}"


def backup_now(engine: Engine, journal_path: Path, now: dt.datetime | None = None) -> Path:
    """A new rolling backup in the journal's backups folder; returns its path."""
    now = now or dt.datetime.now()
    folder = paths.backups_dir(journal_path)
    target = folder / backup_name(journal_path, now)
    counter = 1
    while target.exists():
        counter += 1
        stem = Path(backup_name(journal_path, now)).stem
        target = folder / f"{stem}-{counter}{journal_path.suffix}"
    return backup_to(engine, target)


def automatic_backup(
    engine: Engine,
    journal_path: Path,
    policy: RetentionPolicy | None = None,
    now: dt.datetime | None = None,
) -> Path | None:
    """Back up unless a rolling backup was already made today, then rotate.

    Returns the new backup, or None when today's backup already existed.
    """
    now = now or dt.datetime.now()
    made: Path | None = None
    if backup_due(journal_path, now):
        made = backup_now(engine, journal_path, now)
    prune(journal_path, policy or RetentionPolicy())
    return made


def backup_due(journal_path: Path, now: dt.datetime | None = None) -> bool:
    """True when no rolling backup was made today (what :func:`automatic_backup` checks)."""
    today = (now or dt.datetime.now()).date()
    return not any(b.taken_at.date() == today for b in rolling_backups(journal_path))


def file_identity(path: Path) -> tuple[int, int, bytes] | None:
    """What tells one journal file from another that took its name: device, inode and the
    first bytes (an encrypted file's salt); None when it cannot be read."""
    try:
        with Path(path).open("rb") as handle:
            info = os.fstat(handle.fileno())
            return (info.st_dev, info.st_ino, handle.read(16))
    except OSError:
        return None


def backup_after_release(
    engine: Engine,
    journal_path: Path,
    policy: RetentionPolicy | None = None,
    now: dt.datetime | None = None,
) -> Path | None:
    """:func:`automatic_backup` once the journal's lock is released (the quit backup).

    Another app may open the journal meanwhile: the copy is one read snapshot
    (``VACUUM INTO``), which its writes do not disturb. Should that app replace the
    file (a restore) or re-key it before the copy is in place, the copy is of a
    journal that is no longer there (or has the old passphrase), so it is removed
    again and None returned.
    """
    before = file_identity(journal_path)
    if before is None:
        return None
    made = automatic_backup(engine, journal_path, policy, now)
    if made is not None and file_identity(journal_path) != before:
        _remove_quietly(made)
        return None
    return made


# --- listing and rotation ------------------------------------------------------------


def _pattern(journal_path: Path, before_restore: bool) -> re.Pattern[str]:
    middle = f"-{BEFORE_RESTORE}" if before_restore else ""
    return re.compile(
        re.escape(journal_path.stem) + middle + "-" + _STAMP_RE + re.escape(journal_path.suffix)
    )


def _scan(journal_path: Path, before_restore: bool) -> list[BackupInfo]:
    folder = paths.backups_dir(journal_path)
    if not folder.is_dir():
        return []
    pattern = _pattern(journal_path, before_restore)
    found: list[BackupInfo] = []
    for entry in folder.iterdir():
        match = pattern.fullmatch(entry.name)
        if match is None or not entry.is_file():
            continue
        try:
            taken_at = dt.datetime.strptime(match.group(1), STAMP_FORMAT)
            size = entry.stat().st_size
        except (ValueError, OSError):
            continue
        sequence = int(match.group(2) or 1)
        found.append(BackupInfo(entry, taken_at, size, before_restore, sequence))
    found.sort(key=lambda b: b.order, reverse=True)
    return found


def rolling_backups(journal_path: Path) -> list[BackupInfo]:
    """The rolling backups of this journal, newest first."""
    return _scan(journal_path, before_restore=False)


def list_backups(journal_path: Path) -> list[BackupInfo]:
    """Every backup beside this journal (rolling and kept by restores), newest first."""
    both = _scan(journal_path, False) + _scan(journal_path, True)
    return sorted(both, key=lambda b: b.order, reverse=True)


def backups_to_keep(backups: Iterable[BackupInfo], policy: RetentionPolicy) -> set[Path]:
    """Which backups the policy keeps: newest per day for ``keep_daily`` days, then per week.

    A week counts towards ``keep_weekly`` only when none of its days is among the
    daily ones, so the weekly backups reach further back.
    """
    newest_first = sorted(backups, key=lambda b: b.order, reverse=True)
    keep: set[Path] = set()
    keep_daily = max(policy.keep_daily, MIN_DAILY)
    days: list[dt.date] = []
    for backup in newest_first:
        day = backup.taken_at.date()
        if day in days:
            continue
        if len(days) >= keep_daily:
            break
        days.append(day)
        keep.add(backup.path)
    covered = {_week(day) for day in days}
    weeks: list[tuple[int, int]] = []
    for backup in newest_first:
        week = _week(backup.taken_at.date())
        if week in covered or week in weeks:
            continue
        if len(weeks) >= policy.keep_weekly:
            break
        weeks.append(week)
        keep.add(backup.path)
    return keep


def _week(day: dt.date) -> tuple[int, int]:
    iso = day.isocalendar()
    return (iso.year, iso.week)


def prune(journal_path: Path, policy: RetentionPolicy) -> list[Path]:
    """Remove the rolling backups the policy does not keep; returns what was removed."""
    backups = rolling_backups(journal_path)
    keep = backups_to_keep(backups, policy)
    removed: list[Path] = []
    for backup in backups:
        if backup.path not in keep:
            try:
                backup.path.unlink()
            except OSError:
                continue
            removed.append(backup.path)
    return removed


# --- verifying and restoring ---------------------------------------------------------


def verify(path: Path, passphrase: str | None) -> list[str]:
    """Problems found in the journal file at ``path``; empty when it opens and is sound.

    Opening may set the file to WAL mode, so verify a copy rather than a file
    that must stay untouched. Raises the ``JournalOpenError`` family when the
    file does not open at all (wrong passphrase, not a journal, newer schema).
    """
    if file_is_empty(path):
        raise NotAJournalError(f"{path} is empty: it is not a journal backup")
    conn = rawdb.connect(path, passphrase)
    try:
        revision = rawdb.current_revision(conn, schema.REVISIONS)
        if revision is None:
            raise NotAJournalError(f"{path} holds no journal")
        problems = rawdb.health_problems(conn, encrypted=not is_plain_sqlite(path))
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    return problems


def restore(
    backup: Path, journal_path: Path, passphrase: str | None, now: dt.datetime | None = None
) -> RestoreResult:
    """Replace the journal with ``backup``, keeping a complete copy of the journal it replaces.

    The backup is copied beside the journal, verified there (it must open with
    ``passphrase`` and pass the integrity checks) and flushed to disk before
    anything of the journal is touched. Then the journal's write-ahead log is
    checkpointed into it, the journal (with whatever its log still holds) is
    copied into the backups folder and flushed, and only then is the staged file
    renamed over the journal. A kill at any point leaves the old journal whole or
    the restored one, never a committed write lost. A journal reached through a
    symlink stays a symlink: the file it points to is replaced.

    The caller holds the journal's lock (``lockfile.hold`` or the app's), so no
    connection to the journal is open. Raises ``JournalOpenError`` or
    ``DiskFullError``; the journal is then unchanged.
    """
    backup, journal_path = Path(backup), Path(journal_path)
    if not backup.is_file():
        raise JournalOpenError(f"there is no backup at {backup}")
    real = Path(os.path.realpath(journal_path))
    if backup.resolve() == real:
        raise JournalOpenError("a journal cannot be restored from itself")
    now = now or dt.datetime.now()
    paths.ensure_private_dir(real.parent)
    staged = real.with_name(f".{real.name}.restoring")
    _remove_staged(staged)
    try:
        with durable.private_files():
            shutil.copyfile(backup, staged)
            problems = _verify_staged(staged, backup, passphrase)
        if problems:
            raise NotAJournalError(
                f"{backup.name} does not pass the integrity check ({problems[0]}); "
                "nothing was changed"
            )
        _remove_quietly(_sidecar(staged, "-wal"))
        _remove_quietly(_sidecar(staged, "-shm"))
        durable.fsync_file(staged)
        _checkpoint(real, passphrase)
        kept = _keep_copy(journal_path, real, now)
        for suffix in ("-wal", "-shm"):  # the log is in the journal and in the kept copy now
            _remove_quietly(_sidecar(real, suffix))
        os.replace(staged, real)
        durable.fsync_dir(real.parent)
    except BaseException as exc:
        _remove_staged(staged)
        if durable.is_disk_full(exc):
            raise durable.DiskFullError(
                f"the disk is full: {backup.name} was not restored and the journal was left "
                "as it was; free some space and try again"
            ) from exc
        raise
    return RestoreResult(kept_copy=kept)


def _checkpoint(journal: Path, passphrase: str | None) -> None:
    """Fold the journal's write-ahead log into the file, when it opens; a journal that does
    not (damaged, another passphrase) keeps its log, which the kept copy takes too."""
    if file_is_empty(journal):
        return
    try:
        conn = rawdb.connect(journal, passphrase if not is_plain_sqlite(journal) else None)
    except JournalOpenError:
        return
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    except Exception:  # a damaged journal: its log goes into the kept copy as it is
        return
    finally:
        conn.close()


def _verify_staged(staged: Path, backup: Path, passphrase: str | None) -> list[str]:
    """``verify`` on the staged copy, with messages that name the backup the user chose."""
    try:
        return verify(staged, passphrase)
    except PassphraseRequiredError:
        raise PassphraseRequiredError(
            f"{backup.name} is encrypted (or is not a journal backup): its passphrase is needed"
        ) from None
    except WrongPassphraseError:
        raise WrongPassphraseError(f"the passphrase does not open {backup.name}") from None
    except NotAJournalError:
        raise NotAJournalError(
            f"{backup.name} is damaged or is not a cxjournal journal; nothing was changed"
        ) from None


def _keep_copy(journal_path: Path, real: Path, now: dt.datetime) -> Path | None:
    """Copy the journal (and its write-ahead log, if it still holds anything) into the
    backups folder, privately and flushed to disk; the log first, so the copy is complete
    whenever it is there under its name."""
    if file_is_empty(real):
        return None
    folder = paths.backups_dir(journal_path)
    paths.ensure_private_dir(folder)
    stamp = now.strftime(STAMP_FORMAT)
    target = folder / f"{journal_path.stem}-{BEFORE_RESTORE}-{stamp}{journal_path.suffix}"
    counter = 1
    while target.exists():
        counter += 1
        name = f"{journal_path.stem}-{BEFORE_RESTORE}-{stamp}-{counter}{journal_path.suffix}"
        target = folder / name
    wal = _sidecar(real, "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        durable.copy_file(wal, _sidecar(target, "-wal"))
    durable.copy_file(real, target)
    return target


def _sidecar(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def _remove_staged(staged: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        _remove_quietly(_sidecar(staged, suffix) if suffix else staged)


def _remove_quietly(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


def human_size(size: int) -> str:
    """``1536`` -> ``"1.5 KB"``."""
    value = float(size)
    for unit in ("bytes", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{int(value)} bytes" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} bytes"  # pragma: no cover
