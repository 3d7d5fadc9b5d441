"""The daily resilience check-in: at most one entry per date."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import select

from cxjournal.domain.errors import NotFoundError, ValidationError
from cxjournal.domain.model import ResilienceEntry
from cxjournal.domain.validation import resilience_problems
from cxjournal.store.mapping import apply_resilience, resilience_from_row
from cxjournal.store.models import ResilienceRow

if TYPE_CHECKING:
    from cxjournal.journal.core import Journal


class ResilienceOps:
    def __init__(self, journal: Journal) -> None:
        self._journal = journal

    def save(self, entry: ResilienceEntry) -> ResilienceEntry:
        """Record the check-in for ``entry.on``; a date that has one already is edited."""
        problems = resilience_problems(entry)
        if problems:
            raise ValidationError(problems)
        with self._journal.session() as session:
            row = session.scalars(
                select(ResilienceRow).where(ResilienceRow.on_date == entry.on)
            ).first()
            if row is None:
                row = ResilienceRow()
                session.add(row)
            apply_resilience(row, entry)
            session.flush()
            return resilience_from_row(row)

    def get(self, on: date) -> ResilienceEntry | None:
        with self._journal.session() as session:
            row = session.scalars(select(ResilienceRow).where(ResilienceRow.on_date == on)).first()
            return resilience_from_row(row) if row else None

    def latest(self) -> ResilienceEntry | None:
        with self._journal.session() as session:
            row = session.scalars(
                select(ResilienceRow).order_by(ResilienceRow.on_date.desc()).limit(1)
            ).first()
            return resilience_from_row(row) if row else None

    def between(self, start: date | None = None, end: date | None = None) -> list[ResilienceEntry]:
        """Entries from ``start`` to ``end`` inclusive (open ends when None), oldest first."""
        query = select(ResilienceRow).order_by(ResilienceRow.on_date)
        if start is not None:
            query = query.where(ResilienceRow.on_date >= start)
        if end is not None:
            query = query.where(ResilienceRow.on_date <= end)
        with self._journal.session() as session:
            return [resilience_from_row(row) for row in session.scalars(query)]

    def delete(self, entry_id: int) -> None:
        with self._journal.session() as session:
            row = session.get(ResilienceRow, entry_id)
            if row is None:
                raise NotFoundError(f"no check-in with id {entry_id}")
            session.delete(row)
