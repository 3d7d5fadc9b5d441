"""The journal's lock without Qt: who holds it, and holding it from a command.

The app holds the lock with QLockFile, which writes the owner's process id on
the first line and, on POSIX, holds an ``flock`` on the file while it lives.
:func:`hold` takes the same lock the same way (create it exclusively, flock it,
write the process id), so the app and commands such as ``import`` and
``restore`` exclude each other for as long as they run; a lock left by a killed
process is taken over, as QLockFile does.
"""

from __future__ import annotations

import contextlib
import os
import socket
import sys
from collections.abc import Iterator
from pathlib import Path

from cxjournal import paths
from cxjournal.domain.errors import JournalInUseError


@contextlib.contextmanager
def hold(journal: Path) -> Iterator[None]:
    """Hold ``journal``'s lock for the block; raises ``JournalInUseError`` when another app or
    command holds it (the message names its process)."""
    lock = paths.lock_path(journal)
    paths.ensure_private_dir(lock.parent)
    fd = _take(lock, journal)
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            lock.unlink()
        os.close(fd)


def _take(lock: Path, journal: Path) -> int:
    for _ in range(3):
        try:
            fd = os.open(lock, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            if _remove_stale(lock):
                continue
            break
        if sys.platform != "win32":
            import fcntl

            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                os.close(fd)
                break
        os.write(fd, f"{os.getpid()}\ncxjournal\n{socket.gethostname()}\n".encode())
        return fd
    pid = owner_pid(journal)
    owner = f" (process {pid})" if pid else ""
    raise JournalInUseError(
        f"{journal} is busy: another cxjournal{owner} has it open; close the app, or wait "
        "for the other command to finish, then try again"
    )


def _remove_stale(lock: Path) -> bool:
    """Remove a lock file nobody holds any more (its owner was killed); False while it is held."""
    try:
        fd = os.open(lock, os.O_WRONLY)
    except FileNotFoundError:
        return True
    except OSError:
        return False
    try:
        if sys.platform != "win32":
            import fcntl

            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                return False
        elif owner_pid_of(lock) is not None:
            return False
        lock.unlink()
        return True
    except OSError:
        return False
    finally:
        os.close(fd)


def owner_pid(journal: Path) -> int | None:
    """The process id of the running app (or command) that holds ``journal``'s lock, or None."""
    return owner_pid_of(paths.lock_path(journal))


def owner_pid_of(lock: Path) -> int | None:
    try:
        first = lock.read_text(encoding="utf-8", errors="replace").splitlines()[0]
        pid = int(first.strip())
    except (OSError, IndexError, ValueError):
        return None
    if not _alive(pid):
        return None
    if sys.platform != "win32" and not _flocked(lock):
        return None
    return pid


def _alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


def _flocked(lock: Path) -> bool:
    import fcntl

    try:
        fd = os.open(lock, os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    except OSError:
        return False
    else:
        fcntl.flock(fd, fcntl.LOCK_UN)
        return False
    finally:
        os.close(fd)
