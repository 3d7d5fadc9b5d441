"""The daily check-ins on the caller's session: saving one per date; the reads are
``store.reads.resilience``'s, on any connection."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from cxjournal.domain.model import ResilienceEntry
from cxjournal.store.mapping import (
    apply_resilience,
    resilience_from_row,
)
from cxjournal.store.models import ResilienceRow
from cxjournal.store.reads import resilience as reads
from cxjournal.store.session import Session, plain_connection


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
    """Check-ins from ``start`` to ``end`` inclusive (open ends when None), oldest first
    (``store.reads.resilience``, on the session's connection)."""
    return reads.between(plain_connection(session), start, end)
