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

from cxjournal.domain.errors import ValidationError
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
    #: ``title`` with the matched words of the name marked as in ``snippet``
    title_marked: str = ""

    def snippet_text(self, start: str = "", end: str = "") -> str:
        """The snippet as plain text, matches wrapped in ``start`` and ``end``."""
        return self.snippet.replace(search_index.MARK_START, start).replace(
            search_index.MARK_END, end
        )

    def snippet_html(self) -> str:
        """The snippet as escaped HTML with matches in ``<b>``."""
        return _marked_html(self.snippet)

    def title_html(self) -> str:
        """The title as escaped HTML, the matched words of the name underlined."""
        return _marked_html(self.title_marked or self.title, "<u>", "</u>")

    def matches(self) -> tuple[str, list[tuple[int, int]]]:
        """The plain snippet and the offsets of the matched parts."""
        return search_index.split_marks(self.snippet)

    def to_json(self) -> dict[str, Any]:
        text, spans = self.matches()
        _title, title_spans = search_index.split_marks(self.title_marked or self.title)
        return {
            "kind": self.kind,
            "id": self.item_id,
            "title": self.title,
            "title_matches": [list(span) for span in title_spans],
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


@dataclass(frozen=True, slots=True)
class SearchFilter:
    """Narrow a search: about one person (their own row included), of some kinds
    (see :data:`KIND_LABELS`), dated within ``since`` .. ``until`` (inclusive)."""

    person_id: int | None = None
    kinds: tuple[str, ...] = ()
    since: dt.date | None = None
    until: dt.date | None = None

    def problems(self) -> list[str]:
        found = [f"kind: {kind!r} is not one of {', '.join(KIND_LABELS)}"
                 for kind in self.kinds if kind not in KIND_LABELS]  # fmt: skip
        for name, day in (("since", self.since), ("until", self.until)):
            if day is not None and (isinstance(day, dt.datetime) or not isinstance(day, dt.date)):
                found.append(f"{name}: {day!r} is not a date")
        if not found and self.since and self.until and self.since > self.until:
            found.append(
                f"since: {self.since.isoformat()} is after until ({self.until.isoformat()})"
            )
        return found

    def index_filter(self) -> search_index.IndexFilter:
        return search_index.IndexFilter(self.person_id, tuple(self.kinds), self.since, self.until)


NO_FILTER = SearchFilter()


class SearchOps:
    def __init__(self, journal: Journal) -> None:
        self._journal = journal

    def query(
        self,
        text: str,
        limit: int = DEFAULT_LIMIT,
        offset: int = 0,
        only: SearchFilter = NO_FILTER,
    ) -> list[SearchHit]:
        """Hits for whatever the user typed: people whose name matches first, then the rest
        best first; ``[]`` when it has no words. ``only`` narrows the search; a filter
        that makes no sense raises ``ValidationError`` naming the problem."""
        problems = only.problems()
        if problems:
            raise ValidationError(problems)
        match = match_expression(text)
        if match is None or limit <= 0:
            return []
        conn = self._journal.raw()
        hits = search_index.search(
            conn, match, limit=limit, offset=max(0, offset), only=only.index_filter()
        )
        note_ids = [h.item_id for h in hits if h.kind == "note"]
        kinds: dict[int, str] = {}
        if note_ids:
            kinds = search_index.note_kinds(conn, note_ids)
        return [_hit(h, kinds.get(h.item_id)) for h in hits]

    def count(self, text: str, cap: int | None = None, only: SearchFilter = NO_FILTER) -> int:
        """How many things match what the user typed (counting stops at ``cap`` if given)."""
        problems = only.problems()
        if problems:
            raise ValidationError(problems)
        match = match_expression(text)
        if match is None:
            return 0
        return search_index.count(self._journal.raw(), match, cap, only.index_filter())


def _marked_html(marked: str, start: str = "<b>", end: str = "</b>") -> str:
    escaped = html.escape(" ".join(marked.split()), quote=False)
    return escaped.replace(search_index.MARK_START, start).replace(search_index.MARK_END, end)


def _title(kind: str, who: str, date: str, note_kind: str | None) -> str:
    if kind == "note":
        label = NOTE_KIND_LABELS[NoteKind(note_kind)] if note_kind else "Note"
        return f"{who or 'Journal'} · {label} · {date}"
    if kind == "follow_up":
        return f"Follow-up · {who or 'Journal'} · {date}"
    if kind == "person":
        return who
    if kind == "audit":
        return f"Power audit of {date}"
    return f"Check-in of {date}"


def _hit(hit: search_index.IndexHit, note_kind: str | None) -> SearchHit:
    date = hit.on.isoformat() if hit.on else ""
    title = _title(hit.kind, hit.who, date, note_kind)
    marked = _title(hit.kind, hit.who_marked, date, note_kind) if hit.who_marked else title
    target = "journal"
    args: dict[str, Any] = {"note_id": hit.open_id}
    if hit.kind == "person":
        target, args = "people", {"person_id": hit.open_id}
    elif hit.kind == "audit":
        target, args = "audits", {"audit_id": hit.open_id}
    elif hit.kind == "resilience":
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
        title_marked=marked,
    )
