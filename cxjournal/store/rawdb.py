"""The start-up path, without SQLAlchemy: open, key and check a journal with sqlcipher3 directly.

Importing SQLAlchemy costs more than half a second on a modest laptop, so
opening a journal whose schema is current, and the first page's reads, go
through a plain DB-API connection; the SQLAlchemy engine is made on first use.
The key is given exactly as SQLAlchemy's ``sqlite+pysqlcipher`` dialect gives
it, so both open the same files.
"""

from __future__ import annotations

import os
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import sqlcipher3

from cxjournal.domain.errors import (
    NewerSchemaError,
    NotAJournalError,
    PassphraseRequiredError,
    WrongPassphraseError,
)
from cxjournal.domain.passphrase import key_forms, normalise
from cxjournal.domain.passphrase import problem as passphrase_problem
from cxjournal.store import key_ahead
from cxjournal.store.key_ahead import SQLITE_HEADER, is_raw_key

BUSY_TIMEOUT_MS = 5000

Connection = Any  # sqlcipher3 ships no type information
DatabaseError: type[Exception] = sqlcipher3.DatabaseError


def is_plain_sqlite(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER


def file_is_empty(path: Path) -> bool:
    return not path.exists() or path.stat().st_size == 0


def quote_key(passphrase: str) -> str:
    """The passphrase as an SQL identifier-quoted string, as the SQLAlchemy dialect sends it."""
    return '"' + passphrase.replace('"', '""') + '"'


def set_pragmas(conn: Connection) -> None:
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = FULL")


def is_read_only(path: Path) -> bool:
    """True when the journal at ``path`` cannot be written: read-only media, a read-only
    folder (SQLite needs to make the ``-wal`` and ``-shm`` beside it) or a read-only file."""
    folder = path.parent
    try:
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return True
    except (OSError, AttributeError):
        pass
    return not os.access(path, os.W_OK) or not os.access(folder, os.W_OK)


def read_only_uri(path: Path) -> str:
    """The URI that opens ``path`` for reading only. Without a ``-shm`` beside it (and none
    can be made there), the file is opened as immutable, which is exact when no ``-wal``
    holds anything either."""
    uri = "file:" + urllib.parse.quote(str(Path(path).absolute())) + "?mode=ro"
    shm = path.with_name(path.name + "-shm")
    wal = path.with_name(path.name + "-wal")
    if not shm.exists() and (not wal.exists() or wal.stat().st_size == 0):
        uri += "&immutable=1"
    return uri


def open_connection(path: Path, read_only: bool = False, autocommit: bool = True) -> Connection:
    """A bare DB-API connection (not keyed, no pragmas) to ``path``; ``autocommit`` leaves
    transactions to the caller's own BEGIN (the plain connection), otherwise the driver
    begins one before each write (SQLAlchemy's sessions)."""
    options: dict[str, Any] = {"check_same_thread": False}
    if autocommit:
        options["isolation_level"] = None
    if read_only:
        return sqlcipher3.connect(read_only_uri(path), uri=True, **options)
    return sqlcipher3.connect(str(path), **options)


def apply_key(conn: Connection, key: str) -> None:
    """Key ``conn`` (before its first read) with ``key``: a passphrase or a raw key."""
    # SQLCipher logs failed decryptions to stderr; the app says it in one clear line.
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA cipher_memory_security = {MEMORY_SECURITY}")
    conn.execute(f"PRAGMA key = {quote_key(key)}")


#: SQLCipher always wipes (and keeps out of swap) its own key material and cipher
#: buffers as it frees them, so a locked or closed journal leaves no key behind. Its
#: *extended* memory security does the same for every allocation SQLite makes, at the
#: cost of an mlock and an munlock system call each: about 2,400 per search of a
#: 20,000-note journal, 12 times the search itself. SQLCipher leaves it off by default
#: (since 4.5); so does the app, where the text read from the journal is in Python's
#: and Qt's memory as well, which nothing wipes. Said explicitly, so that every build
#: of SQLCipher behaves alike (once on, it stays on for the whole process).
MEMORY_SECURITY = "OFF"


def open_keyed(
    path: Path, key: str | None, read_only: bool = False, autocommit: bool = True
) -> Connection:
    """A connection to ``path`` keyed with ``key`` (none for a plain journal): how every
    connection to a journal is made, the plain one and the engine's alike."""
    conn = open_connection(path, read_only, autocommit)
    if key:
        try:
            apply_key(conn, key)
        except BaseException:
            conn.close()
            raise
    return conn


def _chain(exc: BaseException) -> Iterator[BaseException]:
    seen: list[BaseException] = []
    stack: list[BaseException | None] = [exc]
    while stack and len(seen) < 8:
        current = stack.pop()
        if current is None or any(current is s for s in seen):
            continue
        seen.append(current)
        yield current
        stack += [getattr(current, "orig", None), current.__cause__, current.__context__]


DAMAGE_MESSAGES = ("malformed", "file is not a database", "database corruption")


def damage_detail(exc: BaseException) -> str | None:
    """SQLite's words when ``exc`` (or what caused it) says the file is damaged, else None."""
    for current in _chain(exc):
        if isinstance(current, sqlcipher3.DatabaseError):
            text = str(current)
            if any(marker in text for marker in DAMAGE_MESSAGES):
                return text
    return None


def connect(path: Path, passphrase: str | None, read_only: bool = False) -> Connection:
    """A checked connection to ``path``: raises the open errors; never writes to the file."""
    return connect_keyed(path, passphrase, read_only)[0]


def connect_keyed(
    path: Path, passphrase: str | None, read_only: bool = False
) -> tuple[Connection, str | None]:
    """A checked connection and the key that opened it (None: the file is plain).

    The key is the raw key (``key_ahead.derived_key``) when the file has one, so every
    later connection made with it skips the key derivation; see :func:`connect_derived`.
    """
    conn, key, _form = connect_derived(path, passphrase, read_only)
    return conn, key


def connect_derived(
    path: Path, passphrase: str | None, read_only: bool = False
) -> tuple[Connection, str | None, str | None]:
    """A checked connection, the key that opened it and the passphrase form that did.

    The passphrase is tried in each of ``domain.passphrase.key_forms`` (NFC
    first), so a journal keyed before passphrases were normalised still opens;
    a new file is keyed in NFC. For an existing encrypted file each form's key is
    derived here once (``key_ahead.derived_key``, what SQLCipher would derive) and the
    file opened with that raw key, which later connections reuse: SQLCipher then
    derives nothing. Should that key not open the file (a file keyed with other
    settings), SQLCipher's own derivation of the form is tried too. A raw key
    (``x'...'``) given as the passphrase is used as it is.
    """
    exists = not file_is_empty(path)
    if exists and passphrase is None and not is_plain_sqlite(path):
        raise PassphraseRequiredError(
            f"{path} is encrypted (or is not a journal): a passphrase is needed to open it"
        )
    if exists and passphrase is not None and is_plain_sqlite(path):
        passphrase = None  # an unencrypted journal opens as it is
    if not passphrase:
        return _connect_once(path, None, read_only, exists), None, None
    found = passphrase_problem(passphrase)
    if found is not None:
        raise WrongPassphraseError(found)
    if is_raw_key(passphrase):
        return _connect_once(path, passphrase, read_only, exists), passphrase, passphrase
    if not exists:
        form = normalise(passphrase)
        return _connect_once(path, form, read_only, exists), form, form
    for form in key_forms(passphrase):
        for key in (key_ahead.take(path, form), form):
            if key is None:
                continue
            try:
                return _connect_once(path, key, read_only, exists), key, form
            except WrongPassphraseError:
                continue
    raise WrongPassphraseError("the passphrase does not open this journal")


def _connect_once(path: Path, key: str | None, read_only: bool, exists: bool) -> Connection:
    conn = open_connection(path, read_only)
    try:
        if key:
            apply_key(conn, key)
        if not conn.execute("PRAGMA cipher_version").fetchone():
            raise RuntimeError("SQLCipher did not answer: refusing to run on plain SQLite")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        set_pragmas(conn)
    except sqlcipher3.DatabaseError as exc:
        conn.close()
        if key:
            raise WrongPassphraseError("the passphrase does not open this journal") from exc
        if exists and is_plain_sqlite(path) and damage_detail(exc):
            raise DamagedFileError(str(exc)) from exc
        raise NotAJournalError(f"{path} is damaged or is not a cxjournal journal") from exc
    except BaseException:
        conn.close()
        raise
    return conn


def current_revision(conn: Connection, known: tuple[str, ...] | None = None) -> str | None:
    """The journal's schema revision; None for an empty file.

    Raises ``NotAJournalError`` for an SQLite file with tables but no cxjournal
    revision, and ``NewerSchemaError`` for a revision not in ``known`` (when given).
    """
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "alembic_version" not in tables:
        if tables:
            raise NotAJournalError("this SQLite file is not a cxjournal journal")
        return None
    row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    revision = str(row[0]) if row and row[0] else None
    if revision is not None and known is not None and revision not in known:
        raise NewerSchemaError(
            f"this journal was written by a newer version of cxjournal (schema {revision}); "
            "update cxjournal to open it"
        )
    return revision


def use_write_ahead_log(conn: Connection) -> None:
    """Switch the file to WAL (persistent); only once it is known to be our journal,
    since it rewrites the file header."""
    conn.execute("PRAGMA journal_mode = WAL")


class DamagedFileError(NotAJournalError):
    """An SQLite file whose pages SQLite finds damaged; the message is SQLite's words (the
    journal layer adds where the latest backup is)."""


def health_problems(conn: Connection, encrypted: bool) -> list[str]:
    """What SQLite's integrity, encryption and foreign-key checks find; empty when sound.

    A check that cannot even finish on a damaged file reports that as its problem.
    """
    try:
        return _health_problems(conn, encrypted)
    except sqlcipher3.DatabaseError as exc:
        return [f"integrity: {exc}"]


def _health_problems(conn: Connection, encrypted: bool) -> list[str]:
    problems = [f"integrity: {row[0]}" for row in conn.execute("PRAGMA integrity_check")]
    problems = [p for p in problems if p != "integrity: ok"]
    if encrypted:
        problems += [
            f"encryption: {row[0]}" for row in conn.execute("PRAGMA cipher_integrity_check")
        ]
    problems += [
        f"foreign key: table {row[0]} row {row[1]} points to a missing {row[2]}"
        for row in conn.execute("PRAGMA foreign_key_check")
    ]
    return problems
