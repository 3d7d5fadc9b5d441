"""Notes' vocabulary: the tags used so far."""

from __future__ import annotations

from cxjournal.store.reads import Connection


def tags(conn: Connection) -> list[str]:
    """Every tag used on a note, most used first (then A-Z)."""
    rows = conn.execute(
        "SELECT value FROM notes, json_each(notes.tags) "
        "GROUP BY value ORDER BY count(*) DESC, value"
    )
    return [str(value) for (value,) in rows]
