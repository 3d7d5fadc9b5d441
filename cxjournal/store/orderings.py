"""The orders a list can be sorted in, by column: the Journal's notes and the check-ins.

Each order is a SQL expression the list is sorted by; ties fall back to the newest
first, so paging through a sorted list never repeats or skips a row.
"""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Select, func, select, text

from cxjournal.domain.list_orders import CHECK_IN_ORDERS, NOTE_ORDERS
from cxjournal.store.models import FollowUpRow, NoteRow, PersonRow, ResilienceRow

Q = TypeVar("Q")

#: The notes whose text, tags or person, or one of whose follow-ups, match an FTS5 expression.
_NOTES_MATCHING = (
    "SELECT open_id FROM search_fts WHERE search_fts MATCH :match AND kind IN ('note', 'follow_up')"
)


def _note_key(order: str) -> ColumnElement[Any]:
    if order == "about":
        return (
            select(func.lower(PersonRow.name))
            .where(PersonRow.id == NoteRow.person_id)
            .scalar_subquery()
        )
    if order == "follow_ups":
        return (
            select(func.count(FollowUpRow.id))
            .where(FollowUpRow.note_id == NoteRow.id, FollowUpRow.done.is_(False))
            .scalar_subquery()
        )
    column = {
        "date": NoteRow.on_date,
        "kind": NoteRow.kind,
        "attitude": NoteRow.attitude,
        "text": func.lower(NoteRow.text),
        "tags": NoteRow.tags,
    }[order]
    return column  # type: ignore[return-value]  # a mapped column, typed as its attribute


def order_notes(query: Select[Any], order: str, descending: bool) -> Select[Any]:
    """``query`` over notes sorted by ``order`` (one of :data:`NOTE_ORDERS`), newest first
    within equal values."""
    if order not in NOTE_ORDERS:
        raise ValueError(f"order: {order!r} is not one of {', '.join(NOTE_ORDERS)}")
    newest = (NoteRow.on_date.desc(), NoteRow.id.desc())
    if order == "date":
        keys = newest if descending else (NoteRow.on_date.asc(), NoteRow.id.asc())
        return query.order_by(*keys)
    key = _note_key(order)
    return query.order_by(key.desc() if descending else key.asc(), *newest)


def notes_matching(query: Select[Any], match: str) -> Select[Any]:
    """``query`` over notes kept to those matching the FTS5 expression ``match``."""
    return query.where(NoteRow.id.in_(text(_NOTES_MATCHING).bindparams(match=match)))


def order_check_ins(query: Q, order: str, descending: bool) -> Q:
    """``query`` over check-ins sorted by ``order`` (one of :data:`CHECK_IN_ORDERS`)."""
    if order not in CHECK_IN_ORDERS:
        raise ValueError(f"order: {order!r} is not one of {', '.join(CHECK_IN_ORDERS)}")
    column: Any = {
        "date": ResilienceRow.on_date,
        "energy": ResilienceRow.energy,
        "stress": ResilienceRow.stress,
        "mood": ResilienceRow.mood,
        "sleep": ResilienceRow.sleep_hours,
        "drains": ResilienceRow.drains,
        "restorers": ResilienceRow.restorers,
        "tags": ResilienceRow.tags,
        "note": func.lower(ResilienceRow.note),
    }[order]
    key = column.desc() if descending else column.asc()
    ordered: Any = query
    if order == "date":
        return ordered.order_by(key)  # type: ignore[no-any-return]  # a Q, like query
    return ordered.order_by(key, ResilienceRow.on_date.desc())  # type: ignore[no-any-return]  # a Q
