"""Upgrading a journal made at 0001_initial to 0002_search: backup, data kept, index filled."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import text

from cxjournal.journal import Journal
from cxjournal.store import schema
from cxjournal.store.engine import create_journal_engine


def _journal_at_0001(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    engine = create_journal_engine(path, None)
    try:
        schema.upgrade(engine, "0001_initial")
        with engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO people (id, name, role, organisation, internal, relationship, "
                    "team, function, product_unit, location, key_stakeholder, cx_board, "
                    "information_needs, motivations, archived) VALUES "
                    "(1, 'Ana Silva', 'VP Operations', 'Acme', 1, 'superior', 'Ops', 'Operations',"
                    " 'Retail', 'London', 1, 0, 'Monthly NPS drivers', 'Cost-to-serve', 0)"
                )
            )
            conn.execute(
                text(
                    "INSERT INTO notes (id, person_id, on_date, kind, text, attitude, tags) VALUES "
                    "(1, 1, '2026-02-01', 'one_on_one', 'Walked her through the churn story', "
                    "'supporter', '[\"roi\"]'), "
                    "(2, NULL, '2026-02-03', 'win', 'Board approved the onboarding fix', NULL, "
                    "'[]')"
                )
            )
            conn.execute(
                text(
                    "INSERT INTO follow_ups (note_id, position, text, due, done) VALUES "
                    "(1, 0, 'Send driver analysis', '2026-02-08', 0)"
                )
            )
            conn.execute(
                text(
                    "INSERT INTO audits (id, taken_on, note, blocking_superior) VALUES "
                    "(1, '2026-01-15', 'Quarter of reorganisation', 0)"
                )
            )
            conn.execute(
                text(
                    "INSERT INTO resilience (on_date, energy, stress, mood, drains, restorers, "
                    "note) VALUES ('2026-02-01', 6, 4, 7, '[\"escalations\"]', '[\"morning run\"]',"
                    " 'Long escalation call')"
                )
            )
            assert schema.current_revision(conn) == "0001_initial"
    finally:
        engine.dispose()


def test_journal_at_0001_is_backed_up_and_upgraded_with_data_kept(journal_path: Path) -> None:
    _journal_at_0001(journal_path)
    with Journal.open(journal_path) as journal:
        backup = journal.upgrade_backup
        assert backup is not None and backup.exists()
        assert backup.parent == journal_path.parent
        assert "0001_initial" in backup.name
        with journal.engine.connect() as conn:
            assert schema.current_revision(conn) == schema.HEAD
        assert journal.check() == []
        assert [p.name for p in journal.people.all()] == ["Ana Silva"]
        notes = journal.notes.recent()
        assert [n.text for n in notes] == [
            "Board approved the onboarding fix",
            "Walked her through the churn story",
        ]
        assert notes[1].follow_ups[0].due == dt.date(2026, 2, 8)
        # the existing rows were put in the index
        assert {h.kind for h in journal.search.query("churn")} == {"note"}
        assert [h.kind for h in journal.search.query("driver analysis")] == ["follow_up"]
        assert [h.kind for h in journal.search.query("onboarding")] == ["note"]
        assert [h.kind for h in journal.search.query("cost-to-serve")] == ["person"]
        assert [h.kind for h in journal.search.query("reorganisation")] == ["audit"]
        assert [h.kind for h in journal.search.query("escalation")] == ["resilience"]
        assert [h.kind for h in journal.search.query("morning run")] == ["resilience"]
    # the backup is still the old journal, readable at 0001
    engine = create_journal_engine(backup, None)
    try:
        with engine.connect() as conn:
            assert schema.current_revision(conn) == "0001_initial"
            assert conn.execute(text("SELECT count(*) FROM notes")).scalar() == 2
    finally:
        engine.dispose()


def test_a_current_journal_is_not_backed_up_again(journal_path: Path) -> None:
    Journal.open(journal_path).close()
    with Journal.open(journal_path) as journal:
        assert journal.upgrade_backup is None
    assert list(journal_path.parent.glob("*before-upgrade*")) == []


def test_downgrade_removes_the_index_and_upgrade_restores_it(journal_path: Path) -> None:
    _journal_at_0001(journal_path)
    Journal.open(journal_path).close()
    engine = create_journal_engine(journal_path, None)
    try:
        from alembic import command
        from alembic.config import Config

        config = Config()
        config.set_main_option("script_location", "cxjournal.store:migrations")
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0001_initial")
        with engine.connect() as conn:
            names = {r[0] for r in conn.execute(text("SELECT name FROM sqlite_master"))}
            assert not any(name.startswith("search_") for name in names)
        schema.upgrade(engine)
    finally:
        engine.dispose()
    with Journal.open(journal_path) as journal:
        assert [h.kind for h in journal.search.query("churn")] == ["note"]
