"""Queries on the full-text index ``search_fts`` (created by migration 0002_search).

The index is kept in sync by triggers; this module only reads it. ``match`` must
be a safe FTS5 expression (see ``cxjournal.domain.search_query.to_fts_query``).
Reads go through the journal's plain DB-API connection (no SQLAlchemy), so the
``cxjournal search`` command starts as fast as Python and SQLite allow.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

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
    """One row of the index that matched, best first.

    ``snippet`` comes from the text itself (the body, or the tags when only they
    match), never from the name alone; ``who_marked`` is the name with its
    matched words marked.
    """

    kind: str
    item_id: int
    open_id: int
    person_id: int | None
    on: dt.date | None
    who: str
    snippet: str
    rank: float
    who_marked: str = ""


@dataclass(frozen=True, slots=True)
class IndexFilter:
    """What the hits must be besides matching: about a person, of kinds, within dates.

    ``person_id`` keeps the person's own row and everything about them; a date
    bound leaves out people (they have no date); follow-ups are dated by their
    due date (their note's date when they have none).
    """

    person_id: int | None = None
    kinds: tuple[str, ...] = ()
    since: dt.date | None = None
    until: dt.date | None = None

    def where(self) -> tuple[str, dict[str, Any]]:
        """SQL conditions (each starting with " AND ") and their parameters."""
        parts: list[str] = []
        params: dict[str, Any] = {}
        if self.person_id is not None:
            parts.append(" AND person_id = :person_id")
            params["person_id"] = self.person_id
        if self.kinds:
            names = [f":kind{n}" for n in range(len(self.kinds))]
            parts.append(f" AND kind IN ({', '.join(names)})")
            params.update({name[1:]: kind for name, kind in zip(names, self.kinds, strict=True)})
        if self.since is not None:
            parts.append(" AND on_date >= :since")
            params["since"] = self.since.isoformat()
        if self.until is not None:
            parts.append(" AND on_date <= :until")
            params["until"] = self.until.isoformat()
        return "".join(parts), params


NO_FILTER = IndexFilter()

#: At most this many people whose name matches are put before every other hit.
NAME_FIRST_LIMIT = 50


def _snippet(column: int) -> str:
    return (
        f"snippet(search_fts, {column}, '{MARK_START}', '{MARK_END}', '{ELLIPSIS}', "
        f"{SNIPPET_TOKENS})"
    )


_COLUMNS = (
    "rowid, kind, open_id, person_id, on_date, who, "
    f"{_snippet(1)}, {_snippet(2)}, highlight(search_fts, 0, '{MARK_START}', '{MARK_END}'), rank"
)

_SEARCH = (
    f"SELECT {_COLUMNS} FROM search_fts "
    "WHERE search_fts MATCH :match AND rowid >= :floor{where}{skip} "
    "ORDER BY rank LIMIT :limit OFFSET :offset"
)

#: People whose own name matches: they come first.
_NAMED = (
    f"SELECT {_COLUMNS} FROM search_fts "
    "WHERE search_fts MATCH :named AND kind = 'person'{where} "
    f"ORDER BY rank LIMIT {NAME_FIRST_LIMIT}"
)

_FLOOR = (
    "SELECT rowid FROM search_fts WHERE search_fts MATCH :match{where} "
    "ORDER BY rowid DESC LIMIT 1 OFFSET :window"
)

_COUNT = "SELECT count(*) FROM search_fts WHERE search_fts MATCH :match{where}"
_COUNT_UP_TO = (
    "SELECT count(*) FROM (SELECT 1 FROM search_fts WHERE search_fts MATCH :match{where} "
    "LIMIT :cap)"
)


def name_match(match: str) -> str:
    """``match`` limited to the ``who`` column (the person's name)."""
    return f"who : ({match})"


def search(
    connection: Any,
    match: str,
    limit: int = 50,
    offset: int = 0,
    only: IndexFilter = NO_FILTER,
) -> list[IndexHit]:
    """Rows matching the FTS5 expression ``match`` (and ``only``): first the people whose
    name matches, then every other row, best (lowest bm25) first.

    When more than :data:`RANK_WINDOW` rows match, only the newest of them are
    ranked (the window moves with ``offset``).
    """
    where, params = only.where()
    named = [
        _index_hit(row)
        for row in connection.execute(
            _NAMED.format(where=where), {"named": name_match(match), **params}
        )
    ]
    found = named[offset : offset + limit]
    rest_offset = max(0, offset - len(named))
    rest_limit = limit - len(found)
    if rest_limit <= 0:
        return found
    skip = ""
    if named:
        skip = f" AND rowid NOT IN ({', '.join(str(h.item_id * 8 + 3) for h in named)})"
    window = max(RANK_WINDOW, rest_offset + rest_limit) - 1
    row = connection.execute(
        _FLOOR.format(where=where), {"match": match, "window": window, **params}
    ).fetchone()
    floor = row[0] if row else None
    rows = connection.execute(
        _SEARCH.format(where=where, skip=skip),
        {
            "match": match,
            "limit": rest_limit,
            "offset": rest_offset,
            "floor": floor or 0,
            **params,
        },
    )
    return found + [_index_hit(r) for r in rows]


def _index_hit(row: Any) -> IndexHit:
    rowid, kind, open_id, person_id, on_date, who, body, tags, who_marked, rank = row
    snippet = str(body or "")
    if MARK_START not in snippet and tags and MARK_START in str(tags):
        snippet = str(tags)
    return IndexHit(
        kind=str(kind),
        item_id=int(rowid) // 8,
        open_id=int(open_id),
        person_id=int(person_id) if person_id is not None else None,
        on=dt.date.fromisoformat(on_date) if on_date else None,
        who=str(who or ""),
        snippet=snippet,
        rank=float(rank),
        who_marked=str(who_marked or ""),
    )


def count(
    connection: Any, match: str, cap: int | None = None, only: IndexFilter = NO_FILTER
) -> int:
    """How many rows match ``match`` (and ``only``); with ``cap``, counting stops there."""
    where, params = only.where()
    if cap is None:
        row = connection.execute(_COUNT.format(where=where), {"match": match, **params}).fetchone()
    else:
        row = connection.execute(
            _COUNT_UP_TO.format(where=where), {"match": match, "cap": cap, **params}
        ).fetchone()
    return int(row[0] or 0) if row else 0


def note_kinds(connection: Any, note_ids: list[int]) -> dict[int, str]:
    """The kind of each of these notes, by id."""
    marks = ", ".join("?" * len(note_ids))
    rows = connection.execute(f"SELECT id, kind FROM notes WHERE id IN ({marks})", note_ids)
    return {int(note_id): str(kind) for note_id, kind in rows}


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
