"""Full-text search over notes, follow-ups, people, audit notes and check-in notes.

Whatever the user types is turned into a safe FTS5 expression first
(``domain.search_query.to_fts_query``), so no input raises: text with no words
simply finds nothing.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from cxjournal.domain.model import NoteKind
from cxjournal.domain.search_query import search_words, to_fts_query
from cxjournal.store import search_index

if TYPE_CHECKING:
    from cxjournal.journal.core import Journal

NOTE_KIND_LABELS: dict[NoteKind, str] = {
    NoteKind.ONE_ON_ONE: "1:1",
    NoteKind.MEETING: "Meeting",
    NoteKind.EMAIL: "Email",
    NoteKind.CALL: "Call",
    NoteKind.INFORMAL: "Informal chat",
    NoteKind.OBSERVATION: "Observation",
    NoteKind.WIN: "Win",
    NoteKind.OTHER: "Other",
}

KIND_LABELS: dict[str, str] = {
    "note": "Note",
    "follow_up": "Follow-up",
    "person": "Person",
    "audit": "Power audit",
    "resilience": "Check-in",
}

DEFAULT_LIMIT = 50
#: A last word shorter than this is not a prefix: alone it is matched whole,
#: after other words it waits until more is typed (one letter matches everything).
MIN_PREFIX = 2


def match_expression(text: str) -> str | None:
    """The FTS5 expression for ``text`` (``None`` when it has no words)."""
    words = search_words(text)
    if len(words) > 1 and len(words[-1]) < MIN_PREFIX:
        # "ana s" while typing "ana silva": search for "ana" until more is typed
        match = to_fts_query(" ".join(words[:-1]))
        words = words[:-1]
    else:
        match = to_fts_query(text)
    if match is not None and len(words[-1]) < MIN_PREFIX and match.endswith("*"):
        match = match[:-1]  # one letter alone is a whole word, not a prefix
    return match


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One search result, best first.

    ``kind`` is "note", "follow_up", "person", "audit" or "resilience";
    ``item_id`` the id of that thing; ``target`` and ``target_args`` say where to
    open it in the app (page key and ``open_item`` arguments).
    ``snippet`` holds the matched words between ``search_index.MARK_START`` and
    ``MARK_END``: use :meth:`snippet_html` or :meth:`snippet_text`.
    """

    kind: str
    item_id: int
    title: str
    snippet: str
    on: dt.date | None
    person_id: int | None
    target: str
    target_args: dict[str, Any]
    rank: float

    def snippet_text(self, start: str = "", end: str = "") -> str:
        """The snippet as plain text, matches wrapped in ``start`` and ``end``."""
        return self.snippet.replace(search_index.MARK_START, start).replace(
            search_index.MARK_END, end
        )

    def snippet_html(self) -> str:
        """The snippet as escaped HTML with matches in ``<b>``."""
        escaped = html.escape(" ".join(self.snippet.split()), quote=False)
        return escaped.replace(search_index.MARK_START, "<b>").replace(
            search_index.MARK_END, "</b>"
        )

    def matches(self) -> tuple[str, list[tuple[int, int]]]:
        """The plain snippet and the offsets of the matched parts."""
        return search_index.split_marks(self.snippet)

    def to_json(self) -> dict[str, Any]:
        text, spans = self.matches()
        return {
            "kind": self.kind,
            "id": self.item_id,
            "title": self.title,
            "on": self.on.isoformat() if self.on else None,
            "person_id": self.person_id,
            "snippet": text,
            "matches": [list(span) for span in spans],
            "open": {
                "page": self.target,
                **{
                    key: value.isoformat() if isinstance(value, dt.date) else value
                    for key, value in self.target_args.items()
                },
            },
            "rank": round(self.rank, 4),
        }


class SearchOps:
    def __init__(self, journal: Journal) -> None:
        self._journal = journal

    def query(self, text: str, limit: int = DEFAULT_LIMIT, offset: int = 0) -> list[SearchHit]:
        """Hits for whatever the user typed, best first; ``[]`` when it has no words."""
        match = match_expression(text)
        if match is None or limit <= 0:
            return []
        conn = self._journal.raw()
        hits = search_index.search(conn, match, limit=limit, offset=max(0, offset))
        note_ids = [h.item_id for h in hits if h.kind == "note"]
        kinds: dict[int, str] = {}
        if note_ids:
            marks = ", ".join("?" * len(note_ids))
            rows = conn.execute(f"SELECT id, kind FROM notes WHERE id IN ({marks})", note_ids)
            kinds = {int(note_id): str(kind) for note_id, kind in rows}
        return [_hit(h, kinds.get(h.item_id)) for h in hits]

    def count(self, text: str, cap: int | None = None) -> int:
        """How many things match what the user typed (counting stops at ``cap`` if given)."""
        match = match_expression(text)
        if match is None:
            return 0
        return search_index.count(self._journal.raw(), match, cap)


def _hit(hit: search_index.IndexHit, note_kind: str | None) -> SearchHit:
    who = hit.who or "Journal"
    date = hit.on.isoformat() if hit.on else ""
    target = "journal"
    args: dict[str, Any] = {"note_id": hit.open_id}
    if hit.kind == "note":
        label = NOTE_KIND_LABELS[NoteKind(note_kind)] if note_kind else "Note"
        title = f"{who} · {label} · {date}"
    elif hit.kind == "follow_up":
        title = f"Follow-up · {who} · {date}"
    elif hit.kind == "person":
        title = hit.who
        target, args = "people", {"person_id": hit.open_id}
    elif hit.kind == "audit":
        title = f"Power audit of {date}"
        target, args = "audits", {"audit_id": hit.open_id}
    else:
        title = f"Check-in of {date}"
        target, args = "resilience", {"on": hit.on}
    return SearchHit(
        kind=hit.kind,
        item_id=hit.item_id,
        title=title,
        snippet=hit.snippet,
        on=hit.on,
        person_id=hit.person_id,
        target=target,
        target_args=args,
        rank=hit.rank,
    )
