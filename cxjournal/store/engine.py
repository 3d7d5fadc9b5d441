"""The SQLAlchemy engine for a journal file: SQLCipher for every journal, pragmas, checks.

Every journal goes through ``sqlcipher3``. With a passphrase the file is
encrypted (SQLCipher 4); without one it is an ordinary SQLite file. The
``cxcipher`` dialect below is SQLAlchemy's ``sqlite+pysqlcipher`` with one
difference: it sends no ``PRAGMA key`` when there is no passphrase (the stock
dialect sends an empty key, which SQLCipher refuses).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.dialects import registry
from sqlalchemy.dialects.sqlite.pysqlcipher import SQLiteDialect_pysqlcipher
from sqlalchemy.dialects.sqlite.pysqlite import SQLiteDialect_pysqlite
from sqlalchemy.engine import URL

from cxjournal.store import rawdb
from cxjournal.store.rawdb import SQLITE_HEADER as SQLITE_HEADER
from cxjournal.store.rawdb import file_is_empty as file_is_empty
from cxjournal.store.rawdb import is_plain_sqlite as is_plain_sqlite
from cxjournal.store.rawdb import set_pragmas


class CxCipherDialect(SQLiteDialect_pysqlcipher):
    """``sqlite+pysqlcipher`` that leaves a journal without passphrase unkeyed."""

    supports_statement_cache = True

    def on_connect_url(self, url: URL) -> Any:
        if url.password:
            # SQLAlchemy leaves this dialect hook unannotated
            keyed = super().on_connect_url(url)  # type: ignore[no-untyped-call]

            def on_connect(conn: Any) -> None:
                # SQLCipher logs failed decryptions to stderr; a wrong passphrase
                # is reported by the app itself, in one clear line.
                conn.execute("PRAGMA cipher_log_level = NONE")
                conn.execute("PRAGMA cipher_memory_security = ON")
                keyed(conn)

            return on_connect
        return SQLiteDialect_pysqlite.on_connect_url(self, url)


registry.register("sqlite.cxcipher", __name__, "CxCipherDialect")


def journal_url(path: Path, passphrase: str | None) -> URL:
    return URL.create("sqlite+cxcipher", password=passphrase or None, database=str(path))


def _set_pragmas(dbapi_connection: Any, _record: Any) -> None:
    set_pragmas(dbapi_connection)


def make_engine(path: Path, passphrase: str | None, read_only: bool = False) -> Engine:
    """An engine on a journal already known to open with this passphrase (the key as
    ``rawdb.connect_keyed`` found it); ``read_only`` opens every connection for reading
    only (see ``rawdb.read_only_uri``)."""
    if read_only:
        engine = create_engine(
            journal_url(path, passphrase), creator=lambda: rawdb.open_connection(path, True)
        )
    else:
        engine = create_engine(journal_url(path, passphrase))
    event.listen(engine, "connect", _set_pragmas)
    return engine


def create_journal_engine(path: Path, passphrase: str | None) -> Engine:
    """An engine on ``path`` once it is known to open (see ``rawdb.connect``, which
    raises the open errors and never writes to an existing file)."""
    conn, key = rawdb.connect_keyed(path, passphrase)
    conn.close()
    return make_engine(path, key)


def cipher_version(engine: Engine) -> str:
    with engine.connect() as conn:
        return str(conn.execute(text("PRAGMA cipher_version")).scalar() or "")
