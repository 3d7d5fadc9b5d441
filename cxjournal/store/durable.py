"""Files that are private from their first byte and on disk before anyone relies on them.

Journal files (the journal, its ``-wal`` and ``-shm``, staged restores, kept
copies and backups) are created under a 077 umask, so no other user can read
them even for a moment; SQLite gives a journal's ``-wal`` and ``-shm`` the
journal's own mode. Copies are written beside their target as ``.part``,
flushed to disk, renamed into place and the folder flushed too, so a crash or
a full disk never leaves a truncated copy under the final name.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

from cxjournal.domain.errors import CxJournalError

_umask_lock = threading.RLock()


class DiskFullError(CxJournalError):
    """A write failed because the disk (or the user's quota) is full; nothing was left half-made."""


@contextlib.contextmanager
def private_files() -> Iterator[None]:
    """Files created inside the block are readable by their owner alone (umask 077).

    The umask belongs to the whole process, so the block holds a lock; keep it short.
    """
    if sys.platform == "win32":
        yield
        return
    with _umask_lock:
        previous = os.umask(0o077)
        try:
            yield
        finally:
            os.umask(previous)


def fsync_file(path: Path) -> None:
    """Flush ``path``'s data to disk (a no-op for a missing file)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(folder: Path) -> None:
    """Make renames and removals in ``folder`` durable (POSIX; ignored where folders cannot be
    opened)."""
    if sys.platform == "win32":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def part_path(target: Path) -> Path:
    return target.with_name(f".{target.name}.part")


def remove_quietly(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


def copy_file(source: Path, target: Path) -> Path:
    """Copy ``source`` to ``target`` privately and durably: all of it or nothing under ``target``.

    Raises :class:`DiskFullError` when the disk fills up (the partial copy is removed).
    """
    temp = part_path(target)
    remove_quietly(temp)
    try:
        with private_files():
            shutil.copyfile(source, temp)
        fsync_file(temp)
        os.replace(temp, target)
    except BaseException as exc:
        remove_quietly(temp)
        if isinstance(exc, OSError) and is_disk_full(exc):
            raise DiskFullError(f"the disk is full: cannot write {target}") from exc
        raise
    fsync_dir(target.parent)
    return target


def is_disk_full(exc: BaseException) -> bool:
    """True for the errors a full disk or exhausted quota raises, from the OS or from SQLite."""
    if isinstance(exc, DiskFullError):
        return True
    if isinstance(exc, OSError):
        return exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)
    return "database or disk is full" in str(exc)
