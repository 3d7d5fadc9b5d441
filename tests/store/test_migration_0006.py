"""Upgrading a journal made at 0005_snooze to 0006_trash: data and ids kept; the trash works."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from cxjournal.journal import Journal
from cxjournal.store import schema
from cxjournal.store.engine import create_journal_engine
from tests.store.test_migration_0003 import _journal_at_0002


def _journal_at_0005(path: Path) -> None:
    _journal_at_0002(path)
    engine = create_journal_engine(path, None)
    try:
        schema.upgrade(engine, "0005_snooze")
        with engine.begin() as conn:
            conn.execute(text("UPDATE follow_ups SET snoozed_until = '2026-02-10'"))
            assert schema.current_revision(conn) == "0005_snooze"
            tables = {r[0] for r in conn.execute(text("SELECT name FROM sqlite_master"))}
            assert "trash" not in tables
    finally:
        engine.dispose()


def _rows(journal: Journal, sql: str) -> list[tuple[object, ...]]:
    with journal.engine.connect() as conn:
        return [tuple(row) for row in conn.execute(text(sql))]


def test_a_0005_journal_upgrades_to_an_empty_trash_with_everything_kept(
    journal_path: Path,
) -> None:
    _journal_at_0005(journal_path)
    with Journal.open(journal_path) as journal:
        assert journal.upgrade_backup is not None and "0005_snooze" in journal.upgrade_backup.name
        with journal.engine.connect() as conn:
            assert schema.current_revision(conn) == schema.HEAD == "0006_trash"
        assert journal.trash.items() == []
        assert _rows(journal, "SELECT id, note_id, text, snoozed_until FROM follow_ups") == [
            (1, 1, "Send driver analysis", "2026-02-10")
        ]
        assert {n.id for n in journal.notes.recent()} == {1, 2}
        # a note from before the upgrade goes to the trash and comes back with its id
        journal.trash.clock = lambda: dt.datetime(2026, 3, 1, 9, 30, tzinfo=dt.UTC)
        trash_id = journal.notes.delete(1)
        assert _rows(journal, "SELECT kind, item_id, deleted_at FROM trash") == [
            ("note", 1, "2026-03-01 09:30:00")
        ]
        journal.trash.restore(trash_id)
        assert journal.notes.get(1).follow_ups[0].text == "Send driver analysis"
        assert _rows(journal, "SELECT snoozed_until FROM follow_ups") == [("2026-02-10",)]


@pytest.mark.parametrize(
    "values",
    [
        "('gadget', 1, 'x', '2026-03-01 09:30:00', '{}')",  # unknown kind
        "('note', 1, '  ', '2026-03-01 09:30:00', '{}')",  # no label
        "('note', 1, 'x', 'yesterday', '{}')",  # not a time
        "('note', 1, 'x', '2026-03-01 09:30:00', '[1]')",  # not a JSON object
    ],
)
def test_the_trash_refuses_bad_rows(journal: Journal, values: str) -> None:
    with journal.engine.begin() as conn, pytest.raises(IntegrityError):
        conn.execute(
            text(f"INSERT INTO trash (kind, item_id, label, deleted_at, payload) VALUES {values}")
        )
