"""How often each watched table has changed (migration 0009): one seek tells a read
whether what it read before is still what the journal holds."""

from __future__ import annotations

from cxjournal.store.reads import Connection

#: what the list of audits shows: the audits with their ratings, ties and people
AUDIT_TABLES: tuple[str, ...] = ("audits", "ratings", "audit_ties", "people")
#: what the Trends page draws from: the audits, and the check-ins
TRENDS_TABLES: tuple[str, ...] = (*AUDIT_TABLES, "resilience")


def of(conn: Connection, tables: tuple[str, ...] = TRENDS_TABLES) -> tuple[int, ...]:
    """Each table's revision, in the order asked; it rises on every insert, update and
    delete of the table, by any program that writes the file."""
    found = dict(
        conn.execute(
            "SELECT name, revision FROM table_revisions "
            f"WHERE name IN ({', '.join('?' * len(tables))})",
            tables,
        ).fetchall()
    )
    missing = [name for name in tables if name not in found]
    if missing:
        raise LookupError(f"no revision is kept for {', '.join(missing)}")
    return tuple(int(found[name]) for name in tables)
