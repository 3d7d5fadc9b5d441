"""The SQLAlchemy engine for a journal file: SQLCipher for every journal, pragmas, checks.

Every journal goes through ``sqlcipher3``. With a passphrase the file is
encrypted (SQLCipher 4); without one it is an ordinary SQLite file. Each
connection is opened and keyed by ``rawdb.open_keyed``, the one place that keys
a journal; the ``cxcipher`` dialect below is SQLAlchemy's ``sqlite+pysqlcipher``
that sends no ``PRAGMA key`` of its own (the stock dialect sends one from the
URL, an empty one when there is no passphrase, which SQLCipher refuses).
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
from cxjournal.store.key_ahead import SQLITE_HEADER as SQLITE_HEADER
from cxjournal.store.rawdb import file_is_empty as file_is_empty
from cxjournal.store.rawdb import is_plain_sqlite as is_plain_sqlite
from cxjournal.store.rawdb import set_pragmas


class CxCipherDialect(SQLiteDialect_pysqlcipher):
    """``sqlite+pysqlcipher`` that keys nothing itself: the engine's connections come keyed
    from ``rawdb.open_keyed``, as the plain connection does."""

    supports_statement_cache = True

    def on_connect_url(self, url: URL) -> Any:
        return SQLiteDialect_pysqlite.on_connect_url(self, url)


registry.register("sqlite.cxcipher", __name__, "CxCipherDialect")


def journal_url(path: Path) -> URL:
    return URL.create("sqlite+cxcipher", database=str(path))


def _set_pragmas(dbapi_connection: Any, _record: Any) -> None:
    set_pragmas(dbapi_connection)


def make_engine(path: Path, passphrase: str | None, read_only: bool = False) -> Engine:
    """An engine on a journal already known to open with this passphrase (the key as
    ``rawdb.connect_keyed`` found it); ``read_only`` opens every connection for reading
    only (see ``rawdb.read_only_uri``). Every connection is made by ``rawdb.open_keyed``."""
    engine = create_engine(
        journal_url(path),
        creator=lambda: rawdb.open_keyed(path, passphrase, read_only, autocommit=read_only),
    )
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
