"""A write SQLite refuses is a JournalWriteError saying why, and nothing of it is kept."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import event, text

from cxjournal.domain.errors import JournalWriteError
from cxjournal.domain.model import Note, ResilienceEntry
from cxjournal.journal import Journal

D = dt.date(2026, 2, 1)


def test_a_full_disk_is_named_and_nothing_is_written(journal: Journal) -> None:
    journal.notes.add(Note(on=D, text="kept"))
    pages = journal.raw().execute("PRAGMA page_count").fetchone()[0]
    event.listen(
        journal.engine, "connect", lambda conn, _r: conn.execute(f"PRAGMA max_page_count = {pages}")
    )
    journal.engine.dispose()
    with pytest.raises(JournalWriteError, match=r"^the disk is full\. Free some space"):
        journal.notes.add(Note(on=D, text="long " * 5000))
    assert [n.text for n in journal.notes.recent()] == ["kept"]


def test_a_refused_change_quotes_sqlite_but_never_the_journal_text(journal: Journal) -> None:
    with journal.engine.begin() as conn:
        conn.execute(
            text(
                "CREATE TRIGGER no_more BEFORE INSERT ON resilience "
                "BEGIN SELECT RAISE(ABORT, 'no more check-ins'); END"
            )
        )
    entry = ResilienceEntry(on=D, energy=5, stress=5, mood=5, note="a private line")
    with pytest.raises(JournalWriteError) as caught:
        journal.resilience.save(entry)
    assert str(caught.value) == "the journal refused the change (no more check-ins)"
    assert "private" not in str(caught.value)
    assert journal.resilience.get(D) is None
