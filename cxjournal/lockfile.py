"""Who has a journal open, without Qt: reads the lock file the app holds with QLockFile.

QLockFile writes the owner's process id on the first line and, on POSIX,
holds an ``flock`` on the file while it lives, which is what is checked here.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from cxjournal import paths


def owner_pid(journal: Path) -> int | None:
    """The process id of the running app that has ``journal`` open, or None."""
    lock = paths.lock_path(journal)
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
