"""Upgrading a journal made at 0007_contact_index to 0008_rule_indexes: notes kept, the
indexes on notes with a goal and with an attitude made, and the program's rules read."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import text

from cxjournal.journal import Journal
from cxjournal.store import schema
from cxjournal.store.engine import create_journal_engine
from tests.store.test_migration_0003 import _journal_at_0002


def _indexes(journal: Journal) -> dict[str, str]:
    return {
        str(name): str(sql)
        for name, sql in journal.raw().execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'notes'"
        )
    }


def test_a_0007_journal_upgrades_to_the_rule_indexes_with_its_notes_kept(
    journal_path: Path,
) -> None:
    _journal_at_0002(journal_path)
    engine = create_journal_engine(journal_path, None)
    try:
        schema.upgrade(engine, "0007_contact_index")
        with engine.begin() as conn:
            before = [tuple(r) for r in conn.execute(text("SELECT * FROM notes ORDER BY id"))]
            names = {r[0] for r in conn.execute(text("SELECT name FROM sqlite_master"))}
        assert before and "ix_notes_person_goal_date" not in names
    finally:
        engine.dispose()
    with Journal.open(journal_path) as journal:
        assert journal.upgrade_backup is not None
        assert "0007_contact_index" in journal.upgrade_backup.name
        with journal.engine.connect() as conn:
            assert schema.current_revision(conn) == schema.HEAD
            after = [tuple(r) for r in conn.execute(text("SELECT * FROM notes ORDER BY id"))]
        assert after == before
        indexes = _indexes(journal)
        goal, attitude = (
            indexes["ix_notes_person_goal_date"],
            indexes["ix_notes_person_attitude_date"],
        )
        assert "(person_id, on_date)" in goal and "WHERE goal IS NOT NULL" in goal
        assert "(person_id, on_date)" in attitude and "WHERE attitude IS NOT NULL" in attitude
        # the program's rules read as of a date: the view works on the upgraded file
        assert journal.program.view(dt.date(2026, 3, 1)).risks is not None


def test_a_new_journal_has_the_rule_indexes_as_the_upgrade_makes_them(tmp_path: Path) -> None:
    with Journal.open(tmp_path / "new.db") as journal:
        indexes = _indexes(journal)
    assert "goal IS NOT NULL" in indexes["ix_notes_person_goal_date"]
    assert "attitude IS NOT NULL" in indexes["ix_notes_person_attitude_date"]
