"""Indexing many new rows at once, inside the transaction that writes them.

The search index (``search_fts``, migration 0002_search) is kept in sync by triggers,
one row at a time. For a large import that costs most of the time (each statement that
touches the index writes a segment of it, and the bigger the index, the more a segment
costs), so :func:`index_at_end` takes the insert triggers of notes, follow-ups and
check-ins out for the duration of the block, then indexes every row written in it with one
statement each, and puts the triggers back exactly as they were: the statements are
made from the triggers' own SQL, so the index holds what the triggers would have
written. It all happens inside the caller's transaction: if the import fails, the
rollback restores the triggers with everything else.

The secondary indexes of notes and follow-ups are kept the same way when the block adds
at least as many notes as the journal had: each is dropped for the block and made again
from its own SQL (``sqlite_master``) when it ends, one sorted build instead of one
B-tree insert per row. Unique indexes always stay, so every constraint is checked as
the rows go in.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from sqlalchemy import text

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

__all__ = ["index_at_end"]

#: The triggers taken out, with the table each indexes.
_TRIGGERS = {
    "search_notes_ai": "notes",
    "search_follow_ups_ai": "follow_ups",
    "search_resilience_ai": "resilience",
}

#: The tables whose secondary indexes are built at the end of a block that fills them.
_INDEXED = ("notes", "follow_ups")

_BODY = re.compile(
    r"BEGIN\s+(?P<insert>INSERT INTO search_fts\s*\([^)]*\))\s+"
    r"(?:VALUES\s*\((?P<values>.*)\)|SELECT\s+(?P<select>.*?)\s+FROM\s+(?P<source>\w+)\s+AS\s+"
    r"(?P<alias>\w+)\s+WHERE\s+(?P<on>[\w.]+\s*=\s*NEW\.\w+))\s*;\s*END\s*$",
    re.DOTALL | re.IGNORECASE,
)


def bulk_statement(trigger_sql: str, table: str) -> str | None:
    """The statement that indexes every row of ``table`` with an id above the one parameter as
    the trigger ``trigger_sql`` indexes one (None if its shape is not the known one)."""
    found = _BODY.search(trigger_sql)
    if found is None:
        return None
    rows = f"FROM {table} AS NEW"
    if found["values"] is not None:
        return f"{found['insert']} SELECT {found['values']} {rows} WHERE NEW.id > ? ORDER BY NEW.id"
    join = f"JOIN {found['source']} AS {found['alias']} ON {found['on']}"
    return (
        f"{found['insert']} SELECT {found['select']} {rows} {join} WHERE NEW.id > ? ORDER BY NEW.id"
    )


@contextmanager
def index_at_end(session: Session, new_notes: int = 0) -> Iterator[None]:
    """Notes, follow-ups and check-ins written in the block are indexed for search when it
    ends; when ``new_notes`` (about how many notes the block adds) is at least the number
    the journal has, the secondary indexes of notes and follow-ups are built then too.

    Must run inside a write transaction; when the driver has not begun one yet (or the
    triggers are not the known ones), the triggers and indexes simply stay as usual.
    """
    connection = session.connection()
    # A data change makes the driver begin the transaction, so the DDL below is part of it.
    connection.execute(text("UPDATE notes SET id = id WHERE 0"))
    raw: Any = connection.connection.dbapi_connection
    saved: dict[str, str] = {
        str(name): str(sql)
        for name, sql in connection.execute(
            text(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                f"AND name IN ({', '.join(repr(name) for name in _TRIGGERS)})"
            )
        )
    }
    statements = {name: bulk_statement(sql, _TRIGGERS[name]) for name, sql in saved.items()}
    if not getattr(raw, "in_transaction", False) or len(saved) != len(_TRIGGERS):
        yield
        return
    if any(statement is None for statement in statements.values()):
        yield
        return
    floors = {
        name: int(
            connection.execute(text(f"SELECT coalesce(max(id), 0) FROM {table}")).scalar() or 0
        )
        for name, table in _TRIGGERS.items()
    }
    had = int(connection.execute(text("SELECT count(*) FROM notes")).scalar() or 0)
    indexes = _indexes(connection) if new_notes > 0 and had <= new_notes else {}
    for name in saved:
        connection.exec_driver_sql(f"DROP TRIGGER {name}")
    for name in indexes:
        connection.exec_driver_sql(f"DROP INDEX {_quoted(name)}")
    yield
    for sql in indexes.values():
        connection.exec_driver_sql(sql)
    for name, statement in statements.items():
        connection.exec_driver_sql(statement or "", (floors[name],))
    for sql in saved.values():
        connection.exec_driver_sql(sql)


def _indexes(connection: Any) -> dict[str, str]:
    """name -> SQL of the secondary indexes of the :data:`_INDEXED` tables (not the unique
    ones, nor those SQLite makes for a constraint)."""
    found = connection.execute(
        text(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
            f"AND tbl_name IN ({', '.join(repr(table) for table in _INDEXED)}) ORDER BY name"
        )
    )
    return {
        str(name): str(sql)
        for name, sql in found
        if not re.match(r"\s*CREATE\s+UNIQUE\b", str(sql), re.IGNORECASE)
    }


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'
