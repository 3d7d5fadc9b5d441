"""Changing, setting or removing a journal's passphrase, with every copy in its folder, crash-safe.

The files that follow the journal are the journal itself, its before-upgrade
copies beside it, every backup in its backups folder (rolling and kept by a
restore), and any other copy of it in those two folders. Each is re-written
with SQLCipher's own ``sqlcipher_export`` into a new file beside it (0600 from
its first byte), fsynced, then opened with the new key and checked: integrity,
and the same row count and content digest per table as its source. Only when
every new file is verified is the switch made, by renames alone.

A marker beside the journal (``paths.rekey_marker``, no secret in it) says
which phase a re-key is in, and :func:`recover` (run by ``Journal.open``
before the file is read) finishes what a killed re-key left:

- ``building``: new files are being written; the originals are untouched and
  all open with the old passphrase. Recovery rolls back: the new files go.
- ``swapping``: every new file was verified; the renames are under way, so
  some files have the new passphrase and some the old. Recovery rolls forward
  (renames need no key): afterwards every file has the new passphrase.

At every moment, therefore, the journal opens with the old or the new
passphrase, nothing committed is lost, and once recovery has run one
passphrase opens the journal and every backup. The re-key holds an ``flock``
on ``paths.rekey_lock`` throughout, so recovery never touches a re-key that
is still running.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from cxjournal import paths
from cxjournal.domain.errors import JournalOpenError, WrongPassphraseError
from cxjournal.domain.passphrase import normalise
from cxjournal.domain.passphrase import problem as passphrase_problem
from cxjournal.store import backup, rawdb, schema

BUILDING, SWAPPING = "building", "swapping"
NEW_SUFFIX = ".rekey-new"

#: called with the name of each step as it is reached (tests stop the process there)
StepHook = Callable[[str], None]


@dataclass(frozen=True, slots=True)
class RekeyResult:
    #: every file re-written, the journal first
    files: tuple[Path, ...]
    encrypted: bool


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """Row counts and a content digest per table: what must survive a re-key unchanged."""

    tables: tuple[tuple[str, int, str], ...]


# --- which files follow the journal ----------------------------------------------------------


def before_upgrade_copies(journal: Path) -> list[Path]:
    """The copies a schema upgrade left beside the journal (``schema.backup_before_upgrade``)."""
    prefix, suffix = f"{journal.stem}.before-upgrade-", journal.suffix
    return sorted(
        entry
        for entry in journal.parent.iterdir()
        if entry.is_file() and entry.name.startswith(prefix) and entry.name.endswith(suffix)
    )


def followers(journal: Path) -> list[Path]:
    """The files that must take the journal's passphrase: the journal first, then the
    copies cxjournal names (before-upgrade copies, rolling and before-restore backups)."""
    found = [journal, *before_upgrade_copies(journal)]
    found += sorted(b.path for b in backup.list_backups(journal))
    return [f for f in found if not rawdb.file_is_empty(f)]


def other_copies(journal: Path, old: str | None, known: list[Path]) -> list[Path]:
    """Other copies of this journal in its folder or its backups folder (say a
    ``backup -o`` beside it): files with the journal's extension that open with
    ``old`` and hold a journal. Files that do not are someone else's and stay."""
    found: list[Path] = []
    for folder in (journal.parent, paths.backups_dir(journal)):
        if not folder.is_dir():
            continue
        for entry in sorted(folder.iterdir()):
            if (
                entry in known
                or entry.name.startswith(".")
                or entry.suffix != journal.suffix
                or not entry.is_file()
                or rawdb.file_is_empty(entry)
                or (old is None and not rawdb.is_plain_sqlite(entry))
            ):
                continue
            try:
                conn = rawdb.connect(entry, old)
                try:
                    holds_journal = rawdb.current_revision(conn, schema.REVISIONS) is not None
                finally:
                    conn.close()
            except (JournalOpenError, rawdb.DatabaseError):
                continue
            if holds_journal:
                found.append(entry)
    return found


# --- the re-key -------------------------------------------------------------------------------


def rekey(
    journal: Path,
    old: str | None,
    new: str | None,
    step: StepHook | None = None,
) -> RekeyResult:
    """Give the journal and every follower the passphrase ``new`` (None: make them plain).

    ``old`` must open the journal (None for a plain one). No connection to the
    journal may be open. Raises ``JournalOpenError`` (nothing then changed)
    when ``old`` is wrong, a follower does not open with it, or a new file
    fails its check.
    """
    journal = Path(journal)
    hook = step or (lambda _name: None)
    new = normalise(new) if new else None
    if new is not None and (found := passphrase_problem(new)) is not None:
        raise JournalOpenError(found)
    with _exclusive(journal):
        recover(journal, locked=True)
        files = followers(journal)
        files += other_copies(journal, old, files)
        sources: list[rawdb.Connection] = []
        try:
            sources += [_open_source(path, old, journal) for path in files]
            hook("checked")
            pairs = [(path, _new_name(path)) for path in files]
            _write_marker(journal, BUILDING, pairs)
            hook("marked-building")
            try:
                for index, ((path, temp), source) in enumerate(zip(pairs, sources, strict=True)):
                    _build(path, source, temp, new, _numbered(hook, index))
            except BaseException:
                _roll_back(journal, pairs)
                raise
        finally:
            for source in sources:
                source.close()
        _write_marker(journal, SWAPPING, pairs)
        hook("marked-swapping")
        for index, (path, temp) in enumerate(pairs):
            _swap(path, temp)
            hook(f"swapped:{index}")
        _fsync_dirs(path for path, _ in pairs)
        _remove_marker(journal)
        hook("done")
    return RekeyResult(tuple(files), new is not None)


def _numbered(hook: StepHook, index: int) -> StepHook:
    return lambda name: hook(f"{name}:{index}")


def _open_source(path: Path, old: str | None, journal: Path) -> rawdb.Connection:
    """A connection to ``path`` opened with ``old``; refuses a follower that needs another key."""
    shown = path.name if path == journal else str(path.relative_to(journal.parent))
    if old is None and not rawdb.is_plain_sqlite(path):
        raise WrongPassphraseError(
            f"{shown} is encrypted, but the journal is not: move it out of the folder, "
            "then try again"
        )
    try:
        conn = rawdb.connect(path, old)
    except WrongPassphraseError:
        if path == journal:
            raise WrongPassphraseError("the current passphrase does not open the journal") from None
        raise WrongPassphraseError(
            f"{shown} does not open with the journal's current passphrase: move it out of the "
            "folder, then try again; nothing was changed"
        ) from None
    return conn


def _build(
    path: Path, source: rawdb.Connection, temp: Path, new: str | None, hook: StepHook
) -> None:
    """``source`` (the file ``path``) exported with key ``new`` into ``temp``, fsynced,
    and checked against ``source``."""
    _remove_quietly(temp)
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)
    hook("created")
    source.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = fingerprint(source)
    source.execute("ATTACH DATABASE ? AS rekeyed KEY ?", (str(temp), new or ""))
    try:
        source.execute("SELECT sqlcipher_export('rekeyed')")
        version = source.execute("PRAGMA main.user_version").fetchone()[0]
        source.execute(f"PRAGMA rekeyed.user_version = {int(version)}")
    finally:
        source.execute("DETACH DATABASE rekeyed")
    _fsync(temp)
    hook("built")
    check = rawdb.connect(temp, new)
    try:
        problems = rawdb.health_problems(check, encrypted=new is not None)
        after = fingerprint(check)
    finally:
        check.close()
    if problems or after != before or (new is None) != rawdb.is_plain_sqlite(temp):
        _remove_quietly(temp)
        reason = problems[0] if problems else "its content differs from the original"
        raise JournalOpenError(
            f"the re-written copy of {path.name} did not pass its check ({reason}); "
            "nothing was changed"
        )
    hook("verified")


def _swap(path: Path, temp: Path) -> None:
    """``temp`` replaces ``path``; the old file's write-ahead log goes first (``temp`` holds it)."""
    if not temp.exists():
        return  # done before a crash
    for suffix in ("-wal", "-shm"):
        _remove_quietly(path.with_name(path.name + suffix))
    os.replace(temp, path)


def fingerprint(conn: rawdb.Connection) -> Fingerprint:
    """Per table (shadow tables of the search index included): row count and content digest."""
    names = [
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name"
        )
    ]
    tables: list[tuple[str, int, str]] = []
    for name in names:
        quoted = '"' + name.replace('"', '""') + '"'
        rows = sorted(
            hashlib.sha256(repr(row).encode("utf-8", "surrogatepass")).digest()
            for row in conn.execute(f"SELECT * FROM {quoted}")
        )
        tables.append((name, len(rows), hashlib.sha256(b"".join(rows)).hexdigest()))
    return Fingerprint(tuple(tables))


# --- recovery ---------------------------------------------------------------------------------


def recover(journal: Path, locked: bool = False) -> str | None:
    """Finish or undo a re-key that was interrupted; returns what was done, or None.

    ``"rolled back"`` (the old passphrase opens everything) or ``"finished"``
    (the new one does). Raises ``JournalOpenError`` while another process is
    still re-keying this journal.
    """
    journal = Path(journal)
    marker = paths.rekey_marker(journal)
    if not marker.exists():
        return None
    if not locked:
        with _exclusive(journal):
            return recover(journal, locked=True)
    try:
        data = json.loads(marker.read_text(encoding="utf-8"))
        state = str(data["state"])
        pairs = [(journal.parent / a, journal.parent / b) for a, b in data["files"]]
    except (OSError, ValueError, KeyError, TypeError):
        state, pairs = BUILDING, []  # a marker cut short was never followed by a swap
    if state == SWAPPING:
        for path, temp in pairs:
            _swap(path, temp)
        _fsync_dirs(path for path, _ in pairs)
        _remove_marker(journal)
        return "finished"
    _roll_back(journal, pairs)
    return "rolled back"


def _roll_back(journal: Path, pairs: list[tuple[Path, Path]]) -> None:
    for _path, temp in pairs:
        for suffix in ("", "-wal", "-shm", "-journal"):
            _remove_quietly(temp.with_name(temp.name + suffix))
    _remove_marker(journal)


# --- files --------------------------------------------------------------------------------------


def _new_name(path: Path) -> Path:
    return path.with_name(f".{path.name}{NEW_SUFFIX}")


def _write_marker(journal: Path, state: str, pairs: list[tuple[Path, Path]]) -> None:
    """The marker, replaced atomically and durably: its old or new content, never half."""
    marker = paths.rekey_marker(journal)
    files = [
        [str(p.relative_to(journal.parent)), str(t.relative_to(journal.parent))] for p, t in pairs
    ]
    temp = marker.with_name(marker.name + ".part")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, json.dumps({"state": state, "files": files}).encode("utf-8"))
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(temp, marker)
    _fsync_dirs([marker])


def _remove_marker(journal: Path) -> None:
    marker = paths.rekey_marker(journal)
    _remove_quietly(marker.with_name(marker.name + ".part"))
    if marker.exists():
        marker.unlink()
        _fsync_dirs([marker])


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dirs(files: Iterator[Path] | list[Path]) -> None:
    if sys.platform == "win32":
        return
    for folder in sorted({f.parent for f in files}):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextlib.contextmanager
def _exclusive(journal: Path) -> Iterator[None]:
    """Holds the re-key lock of ``journal``; refuses while another process holds it."""
    if sys.platform == "win32":
        yield
        return
    import fcntl

    lock = paths.rekey_lock(journal)
    fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise JournalOpenError(
                "the journal's passphrase is being changed right now: try again when that is done"
            ) from None
        yield
    finally:
        os.close(fd)


def _remove_quietly(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()
