"""The daily check-ins on the caller's session: saving one per date, and reading them as
plain column tuples (not ORM objects), which stays fast on a long log."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import Select, func, select

from cxjournal.domain.model import ResilienceEntry
from cxjournal.store.mapping import (
    RESILIENCE_COLUMNS,
    apply_resilience,
    resilience_from_columns,
    resilience_from_row,
)
from cxjournal.store.models import ResilienceRow
from cxjournal.store.orderings import order_check_ins
from cxjournal.store.session import Session

if TYPE_CHECKING:
    _AnySelect = Select[*tuple[Any, ...]]
_Query = TypeVar("_Query", bound="_AnySelect")


def save_check_in(session: Session, entry: ResilienceEntry) -> ResilienceEntry:
    """Record the (valid) check-in for ``entry.on``; a date that has one already is edited."""
    row = session.scalars(select(ResilienceRow).where(ResilienceRow.on_date == entry.on)).first()
    if row is None:
        row = ResilienceRow()
        session.add(row)
    apply_resilience(row, entry)
    session.flush()
    return resilience_from_row(row)


def check_in_id_on(session: Session, on: dt.date) -> int | None:
    """The id of the check-in of ``on``; None if there is none."""
    found = session.scalar(select(ResilienceRow.id).where(ResilienceRow.on_date == on))
    return None if found is None else int(found)


def check_ins_between(
    session: Session, start: dt.date | None = None, end: dt.date | None = None
) -> list[ResilienceEntry]:
    """Check-ins from ``start`` to ``end`` inclusive (open ends when None), oldest first."""
    query = _dated(select(*RESILIENCE_COLUMNS), start, end).order_by(ResilienceRow.on_date)
    return _entries(session, query)


def check_ins_newest_first(
    session: Session, limit: int | None, offset: int, order: str, descending: bool
) -> list[ResilienceEntry]:
    """Every check-in (or a page of them) sorted by ``order``
    (``store.orderings.CHECK_IN_ORDERS``), newest first within ties."""
    query = order_check_ins(select(*RESILIENCE_COLUMNS), order, descending).offset(offset)
    if limit is not None:
        query = query.limit(limit)
    return _entries(session, query)


def check_in_count(
    session: Session, start: dt.date | None = None, end: dt.date | None = None
) -> int:
    query = _dated(select(func.count(ResilienceRow.id)), start, end)
    return int(session.scalar(query) or 0)


def check_in_dates(
    session: Session, start: dt.date | None = None, end: dt.date | None = None
) -> list[dt.date]:
    """Dates that have a check-in, oldest first."""
    query = _dated(select(ResilienceRow.on_date), start, end).order_by(ResilienceRow.on_date)
    return [_as_date(value) for value in session.scalars(query)]


def _entries(session: Session, query: _AnySelect) -> list[ResilienceEntry]:
    return [resilience_from_columns(row) for row in session.execute(query)]


def _dated(query: _Query, start: dt.date | None, end: dt.date | None) -> _Query:
    if start is not None:
        query = query.where(ResilienceRow.on_date >= start)
    if end is not None:
        query = query.where(ResilienceRow.on_date <= end)
    return query


def _as_date(value: object) -> dt.date:
    """A date from the ORM (already a date) or from raw SQL (ISO text)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])
