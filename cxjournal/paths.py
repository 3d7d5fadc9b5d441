"""Every location cxjournal uses, in one place.

The journal defaults to ``journal.db`` in the user's data directory; ``--db``
or the ``CXJOURNAL_DB`` environment variable override it. Tests point these at
``tmp_path``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "cxjournal"
DB_ENV = "CXJOURNAL_DB"
PASSPHRASE_ENV = "CXJOURNAL_PASSPHRASE"
NEW_PASSPHRASE_ENV = "CXJOURNAL_NEW_PASSPHRASE"
DB_FILENAME = "journal.db"


def data_dir() -> Path:
    """The per-user data directory (not created here)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def default_journal_path() -> Path:
    return data_dir() / DB_FILENAME


def journal_path(cli_value: str | os.PathLike[str] | None = None) -> Path:
    """The journal to open: ``--db`` first, then ``CXJOURNAL_DB``, then the default."""
    if cli_value:
        return Path(cli_value).expanduser().absolute()
    env = os.environ.get(DB_ENV, "").strip()
    if env:
        return Path(env).expanduser().absolute()
    return default_journal_path()


def lock_path(journal: Path) -> Path:
    """The lock file of a journal, beside the file itself: a journal reached through a
    symlink is the same journal, with the same lock."""
    real = Path(os.path.realpath(journal))
    return real.with_name(real.name + ".lock")


def rekey_marker(journal: Path) -> Path:
    """Where an unfinished change of passphrase records its phase (store/rekey.py)."""
    return journal.with_name(f".{journal.name}.rekey")


def rekey_lock(journal: Path) -> Path:
    return journal.with_name(f".{journal.name}.rekey.lock")


def backups_dir(journal: Path) -> Path:
    return journal.parent / "backups"


def ensure_private_dir(directory: Path) -> None:
    """Create ``directory`` (and parents) if missing; folders created here are 0700 on POSIX.

    An existing folder the user chose (say ``--db /tmp/x.db``) keeps its mode.
    """
    missing: list[Path] = []
    current = directory
    while not current.exists():
        missing.append(current)
        current = current.parent
    directory.mkdir(parents=True, exist_ok=True)
    if sys.platform != "win32":
        for created in missing:
            os.chmod(created, 0o700)


def make_file_private(path: Path) -> None:
    """Take group and other permissions off a journal file. A file its owner cannot write
    (read-only on purpose) is left as it is, and so is anything on read-only media."""
    if sys.platform == "win32":
        return
    try:
        mode = os.stat(path).st_mode
        if mode & 0o077 and mode & 0o200:
            os.chmod(path, mode & 0o700)
    except OSError:
        pass
