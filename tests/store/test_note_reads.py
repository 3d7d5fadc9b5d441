"""The program's notes read as driver rows give exactly what the ORM mapping gives."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from cxjournal.exchange.demo import generate
from cxjournal.exchange.format_write import to_json_text
from cxjournal.exchange.importer import import_text
from cxjournal.journal import Journal
from cxjournal.store.mapping import note_from_row
from cxjournal.store.models import NoteRow
from cxjournal.store.note_reads import notes_about_people


def test_the_notes_about_people_are_the_orm_notes_in_the_same_order(journal: Journal) -> None:
    import_text(journal, to_json_text(generate(years=2, seed=5, today=dt.date(2026, 11, 22))))
    with journal.session() as session:
        orm = [
            note_from_row(row)
            for row in session.scalars(
                select(NoteRow)
                .where(NoteRow.person_id.is_not(None))
                .options(selectinload(NoteRow.follow_ups))
                .order_by(NoteRow.on_date, NoteRow.id)
            )
        ]
        fast = notes_about_people(session)
    assert fast == orm
    assert len(orm) > 100
    assert any(n.follow_ups for n in fast) and any(n.tags for n in fast)
    assert any(n.attitude for n in fast) and any(n.goal for n in fast)
    assert all(n.person_id is not None for n in fast)
    assert journal.notes.about_people() == orm
