"""Upgrading a journal made at 0008_rule_indexes to 0009_revisions: rows kept, the
revisions table and its triggers made, and every write to a watched table counted."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import text

from cxjournal.domain.model import ResilienceEntry
from cxjournal.journal import Journal
from cxjournal.store import schema
from cxjournal.store.engine import create_journal_engine
from cxjournal.store.reads import revisions
from tests.store.test_migration_0003 import _journal_at_0002

WATCHED = ("audits", "ratings", "audit_ties", "people", "resilience")


def _triggers(journal: Journal) -> dict[str, str]:
    return {
        str(name): str(sql)
        for name, sql in journal.raw().execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
            "AND name LIKE 'tr_revision_%'"
        )
    }


def test_a_0008_journal_upgrades_to_the_revisions_with_its_rows_kept(journal_path: Path) -> None:
    _journal_at_0002(journal_path)
    engine = create_journal_engine(journal_path, None)
    try:
        schema.upgrade(engine, "0008_rule_indexes")
        with engine.begin() as conn:
            before = [tuple(r) for r in conn.execute(text("SELECT * FROM people ORDER BY id"))]
            names = {r[0] for r in conn.execute(text("SELECT name FROM sqlite_master"))}
        assert before and "table_revisions" not in names
    finally:
        engine.dispose()
    with Journal.open(journal_path) as journal:
        assert journal.upgrade_backup is not None
        assert "0008_rule_indexes" in journal.upgrade_backup.name
        with journal.engine.connect() as conn:
            assert schema.current_revision(conn) == schema.HEAD
            after = [tuple(r) for r in conn.execute(text("SELECT * FROM people ORDER BY id"))]
        assert after == before
        assert len(_triggers(journal)) == 3 * len(WATCHED)
        with journal.reading() as raw:
            start = revisions.of(raw, WATCHED)
        assert start == (0,) * len(WATCHED)
        journal.resilience.save(ResilienceEntry(dt.date(2026, 3, 1), 5, 5, 5))
        with journal.reading() as raw:
            assert revisions.of(raw, WATCHED) == (0, 0, 0, 0, 1)


def test_a_new_journal_counts_every_kind_of_write(tmp_path: Path) -> None:
    with Journal.open(tmp_path / "new.db") as journal:
        assert len(_triggers(journal)) == 3 * len(WATCHED)
        conn = journal.raw()
        conn.execute(
            "INSERT INTO resilience (on_date, energy, stress, mood, drains, restorers, note) "
            "VALUES ('2026-01-01', 1, 2, 3, '[]', '[]', '')"
        )
        conn.execute("UPDATE resilience SET mood = 4")
        conn.execute("DELETE FROM resilience")
        conn.commit()
        with journal.reading() as raw:
            assert revisions.of(raw, ("resilience",)) == (3,)
            assert revisions.of(raw, ("people",)) == (0,)
