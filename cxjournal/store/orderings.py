"""The orders the check-ins can be sorted in, by column (the Journal's notes are sorted
in ``store.reads.notes``, on a plain connection).

Each order is a SQL expression the list is sorted by; ties fall back to the newest
first, so paging through a sorted list never repeats or skips a row.
"""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import func

from cxjournal.domain.list_orders import CHECK_IN_ORDERS
from cxjournal.store.models import ResilienceRow

Q = TypeVar("Q")


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
