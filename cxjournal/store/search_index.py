"""Queries on the full-text index ``search_fts`` (created by migration 0002_search).

The index is kept in sync by triggers; this module only reads it. ``match`` must
be a safe FTS5 expression (see ``cxjournal.domain.search_query.to_fts_query``).
Reads go through the journal's plain DB-API connection (no SQLAlchemy), so the
``cxjournal search`` command starts as fast as Python and SQLite allow.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy import Connection
    from sqlalchemy.orm import Session

#: Characters that mark the start and end of a matched phrase in a snippet; they
#: cannot be typed into the journal's text fields in any useful way.
MARK_START = "\x02"
MARK_END = "\x03"
ELLIPSIS = "…"
#: Tokens of context in a snippet.
SNIPPET_TOKENS = 16

KINDS: tuple[str, ...] = ("note", "follow_up", "person", "audit", "resilience")

#: Ranking looks at the newest this-many matches at most, so a query that
#: matches most of a large journal (a common word, a short prefix) stays fast.
#: Rowids grow with ids, so "newest" means most recently written.
RANK_WINDOW = 1000


@dataclass(frozen=True, slots=True)
class IndexHit:
    """One row of the index that matched, best first."""

    kind: str
    item_id: int
    open_id: int
    person_id: int | None
    on: dt.date | None
    who: str
    snippet: str
    rank: float


_SEARCH = f"""
    SELECT rowid, kind, open_id, person_id, on_date, who,
           snippet(search_fts, -1, '{MARK_START}', '{MARK_END}', '{ELLIPSIS}', {SNIPPET_TOKENS}),
           rank
    FROM search_fts
    WHERE search_fts MATCH :match AND rowid >= :floor
    ORDER BY rank
    LIMIT :limit OFFSET :offset
    """

_FLOOR = (
    "SELECT rowid FROM search_fts WHERE search_fts MATCH :match "
    "ORDER BY rowid DESC LIMIT 1 OFFSET :window"
)

_COUNT = "SELECT count(*) FROM search_fts WHERE search_fts MATCH :match"
_COUNT_UP_TO = (
    "SELECT count(*) FROM (SELECT 1 FROM search_fts WHERE search_fts MATCH :match LIMIT :cap)"
)


def search(connection: Any, match: str, limit: int = 50, offset: int = 0) -> list[IndexHit]:
    """Rows matching the FTS5 expression ``match``, best (lowest bm25) first.

    When more than :data:`RANK_WINDOW` rows match, only the newest of them are
    ranked (the window moves with ``offset``).
    """
    window = max(RANK_WINDOW, offset + limit) - 1
    row = connection.execute(_FLOOR, {"match": match, "window": window}).fetchone()
    floor = row[0] if row else None
    rows = connection.execute(
        _SEARCH, {"match": match, "limit": limit, "offset": offset, "floor": floor or 0}
    )
    return [
        IndexHit(
            kind=str(kind),
            item_id=int(rowid) // 8,
            open_id=int(open_id),
            person_id=int(person_id) if person_id is not None else None,
            on=dt.date.fromisoformat(on_date) if on_date else None,
            who=str(who or ""),
            snippet=str(snippet or ""),
            rank=float(rank),
        )
        for rowid, kind, open_id, person_id, on_date, who, snippet, rank in rows
    ]


def count(connection: Any, match: str, cap: int | None = None) -> int:
    """How many rows match ``match``; with ``cap``, counting stops there (cheaper)."""
    if cap is None:
        row = connection.execute(_COUNT, {"match": match}).fetchone()
    else:
        row = connection.execute(_COUNT_UP_TO, {"match": match, "cap": cap}).fetchone()
    return int(row[0] or 0) if row else 0


def rebuild(connection: Session | Connection) -> None:
    """Merge the index's segments (after a large import; optional, search works without)."""
    from sqlalchemy import text

    connection.execute(text("INSERT INTO search_fts (search_fts) VALUES ('optimize')"))


def split_marks(snippet: str) -> tuple[str, list[tuple[int, int]]]:
    """The snippet's plain text and the ``(start, end)`` offsets of its highlighted parts."""
    plain: list[str] = []
    spans: list[tuple[int, int]] = []
    length = 0
    start: int | None = None
    for ch in snippet:
        if ch == MARK_START:
            start = length
        elif ch == MARK_END:
            if start is not None and length > start:
                spans.append((start, length))
            start = None
        else:
            plain.append(ch)
            length += 1
    return "".join(plain), spans
