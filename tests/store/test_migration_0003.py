"""Upgrading a journal made at 0002_search to 0003_v2: data, ids and search kept; v2 tables."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from cxjournal.domain.model import Person, ResilienceEntry
from cxjournal.journal import Journal
from cxjournal.store import schema
from cxjournal.store.engine import create_journal_engine
from tests.store.test_migration_0002 import _journal_at_0001


def _journal_at_0002(path: Path) -> None:
    _journal_at_0001(path)
    engine = create_journal_engine(path, None)
    try:
        schema.upgrade(engine, "0002_search")
        with engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO ratings (id, audit_id, person_id, position, value, "
                    "irreplaceability, my_value, my_irreplaceability) "
                    "VALUES (7, 1, 1, 0, 8, 7, 5, 4)"
                )
            )
            conn.execute(
                text(
                    "INSERT INTO resilience (id, on_date, energy, stress, mood, drains, restorers,"
                    " note) VALUES (40, '2026-02-09', 3, 8, 4, '[]', '[]', 'Quarterly review week')"
                )
            )
            conn.execute(text("INSERT INTO settings (key, value) VALUES ('theme', '\"dark\"')"))
            assert schema.current_revision(conn) == "0002_search"
    finally:
        engine.dispose()


def _rows(journal: Journal, sql: str) -> list[tuple[object, ...]]:
    with journal.engine.connect() as conn:
        return [tuple(row) for row in conn.execute(text(sql))]


@pytest.fixture
def upgraded(journal_path: Path) -> Journal:
    _journal_at_0002(journal_path)
    return Journal.open(journal_path)


def test_a_0002_journal_upgrades_with_everything_kept(upgraded: Journal) -> None:
    journal = upgraded
    try:
        assert journal.upgrade_backup is not None and "0002_search" in journal.upgrade_backup.name
        with journal.engine.connect() as conn:
            assert schema.current_revision(conn) == schema.HEAD
        ana = journal.people.get(1)
        assert (ana.name, ana.role, ana.team, ana.key_stakeholder) == (
            "Ana Silva",
            "VP Operations",
            "Ops",
            True,
        )
        assert (ana.emails, ana.desired_attitude, ana.move_plan, ana.power) == ((), None, "", None)
        notes = {n.id: n for n in journal.notes.recent()}
        assert set(notes) == {1, 2}
        assert notes[1].follow_ups[0].text == "Send driver analysis"
        assert (notes[1].goal, notes[1].format_used, notes[1].outcome) == (None, None, None)
        audit = journal.audits.get(1)
        assert audit.note == "Quarter of reorganisation" and audit.ratings[0].value == 8
        assert (audit.ties, audit.ties_recorded) == ((), False)
        # check-ins keep their ids and values; energy and stress are optional now
        assert _rows(journal, "SELECT id, on_date, energy, stress, mood, tags FROM resilience") == [
            (1, "2026-02-01", 6, 4, 7, "[]"),
            (40, "2026-02-09", 3, 8, 4, "[]"),
        ]
        assert journal.settings.get("theme") == "dark"
        # the program exists, with its eight plans not started
        assert _rows(journal, "SELECT id, why, kpi FROM program") == [(1, "", "")]
        assert _rows(journal, "SELECT kind, status FROM plans ORDER BY position") == [
            (kind, "not_started")
            for kind in (
                "governance",
                "communications",
                "voc",
                "operations",
                "integration",
                "training",
                "improvement",
                "technology",
            )
        ]
        assert _rows(journal, "PRAGMA foreign_key_check") == []
        assert _rows(journal, "PRAGMA integrity_check") == [("ok",)]
    finally:
        journal.close()


def test_search_still_finds_old_check_ins_and_follows_new_ones(upgraded: Journal) -> None:
    journal = upgraded
    try:
        assert [h.item_id for h in journal.search.query("quarterly")] == [40]
        journal.resilience.save(
            ResilienceEntry(dt.date(2026, 2, 10), None, None, 6, note="Offsite", tags=("hiking",))
        )
        assert [h.kind for h in journal.search.query("hiking")] == ["resilience"]
        journal.resilience.delete_on(dt.date(2026, 2, 9))
        assert journal.search.query("quarterly") == []
        ana = journal.people.get(1)
        journal.people.update(Person(**{**_fields(ana), "emails": ("ana.silva@acme.example",)}))
        assert [h.kind for h in journal.search.query("ana.silva@acme.example")] == ["person"]
        journal.people.update(Person(**{**_fields(ana), "role": "COO"}))
        assert [h.kind for h in journal.search.query("coo")] == ["person"]
        assert journal.search.query("ana.silva@acme.example") == []
    finally:
        journal.close()


def _fields(person: Person) -> dict[str, object]:
    return {name: getattr(person, name) for name in person.__slots__}


def test_v2_ranges_and_references_are_enforced_by_the_database(upgraded: Journal) -> None:
    journal = upgraded

    def refused(sql: str) -> None:
        with pytest.raises(IntegrityError), journal.engine.begin() as conn:
            conn.execute(text(sql))

    def accepted(sql: str) -> None:
        with journal.engine.begin() as conn:
            conn.execute(text(sql))

    try:
        for column in ("power", "interest"):
            refused(f"UPDATE people SET {column} = 0 WHERE id = 1")
            refused(f"UPDATE people SET {column} = 6 WHERE id = 1")
            accepted(f"UPDATE people SET {column} = 1 WHERE id = 1")
            accepted(f"UPDATE people SET {column} = 5 WHERE id = 1")
        refused("UPDATE people SET desired_attitude = 'fan' WHERE id = 1")
        accepted("UPDATE people SET desired_attitude = 'champion' WHERE id = 1")
        refused("UPDATE notes SET goal = 'sell' WHERE id = 1")
        refused("UPDATE notes SET format_used = 'memo' WHERE id = 1")
        refused("UPDATE notes SET outcome = 'maybe' WHERE id = 1")
        accepted(
            "UPDATE notes SET goal = 'decision', format_used = 'conversation', outcome = 'partly'"
        )
        refused("UPDATE resilience SET energy = 0 WHERE id = 1")
        refused("UPDATE resilience SET mood = NULL WHERE id = 1")
        accepted("UPDATE resilience SET energy = NULL, stress = NULL WHERE id = 1")
        refused("UPDATE resilience SET tags = '{}' WHERE id = 1")
        # e-mails: shaped like addresses, unique per person whatever the case
        refused("INSERT INTO person_emails (person_id, position, email) VALUES (1, 0, 'ana')")
        refused("INSERT INTO person_emails (person_id, position, email) VALUES (1, 0, 'a b@c.d')")
        accepted("INSERT INTO person_emails (person_id, position, email) VALUES (1, 0, 'a@b.c')")
        refused("INSERT INTO person_emails (person_id, position, email) VALUES (1, 1, 'A@B.C')")
        # plans: known kinds and roles, one owner, a person once
        refused("UPDATE plans SET status = 'late' WHERE kind = 'voc'")
        refused(
            "INSERT INTO plans (kind, position, status, summary, next_step) "
            "VALUES ('sales', 8, 'done', '', '')"
        )
        accepted(
            "INSERT INTO people (id, name, role, organisation, internal, relationship, team, "
            "function, product_unit, location, key_stakeholder, cx_board, information_needs,"
            " motivations, archived) VALUES (2, 'Ben', '', '', 1, 'peer', '', '', '', '', "
            "0, 0, '', '', 0)"
        )
        accepted(
            "INSERT INTO plan_people (plan_kind, person_id, role, position) "
            "VALUES ('voc', 1, 'owner', 0)"
        )
        refused(
            "INSERT INTO plan_people (plan_kind, person_id, role, position) "
            "VALUES ('voc', 2, 'owner', 1)"
        )
        refused(
            "INSERT INTO plan_people (plan_kind, person_id, role, position) "
            "VALUES ('voc', 1, 'sponsor', 1)"
        )
        refused(
            "INSERT INTO plan_people (plan_kind, person_id, role, position) "
            "VALUES ('voc', 2, 'boss', 1)"
        )
        accepted(
            "INSERT INTO plan_people (plan_kind, person_id, role, position) "
            "VALUES ('governance', 2, 'owner', 0)"
        )
        # proof points: a title, finite numbers
        point = (
            "INSERT INTO proof_points (id, on_date, title, metric, baseline, unit, currency,"
            " story) VALUES ({id}, '2026-03-01', {title}, '', {baseline}, '', '', '')"
        )
        refused(point.format(id=1, title="' '", baseline="NULL"))
        refused(point.format(id=1, title="'Win'", baseline="9e999"))
        refused(point.format(id=1, title="'Win'", baseline="-9e999"))
        refused(point.format(id=1, title="'Win'", baseline="'twelve'"))
        accepted(point.format(id=1, title="'Win'", baseline="1.7976931348623157e308"))
        refused("INSERT INTO proof_point_plans (proof_point_id, plan_kind) VALUES (1, 'sales')")
        # agenda: text, done after added, the note link cleared with the note
        agenda = (
            "INSERT INTO agenda_items (person_id, text, added_on, done_on, "
            "discussed_in_note_id) VALUES (1, {text}, '2026-03-02', {done}, 1)"
        )
        refused(agenda.format(text="''", done="NULL"))
        refused(agenda.format(text="'Budget'", done="'2026-03-01'"))
        accepted(agenda.format(text="'Budget'", done="'2026-03-02'"))
        accepted("DELETE FROM follow_ups WHERE note_id = 1")
        accepted("DELETE FROM notes WHERE id = 1")
        assert _rows(journal, "SELECT text, discussed_in_note_id FROM agenda_items") == [
            ("Budget", None)
        ]
        # drafts: JSON payload, one per kind and key
        draft = "INSERT INTO drafts (kind, key, payload, updated_at) VALUES ('note', '1', {p}, 'x')"
        refused(draft.format(p="'{not json'"))
        accepted(draft.format(p="'{}'"))
        refused(draft.format(p="'[]'"))
    finally:
        journal.close()


def test_ties_need_two_people_rated_in_that_audit(upgraded: Journal) -> None:
    journal = upgraded

    def run(sql: str) -> None:
        with journal.engine.begin() as conn:
            conn.execute(text(sql))

    try:
        run(
            "INSERT INTO people (id, name, role, organisation, internal, relationship, team, "
            "function, product_unit, location, key_stakeholder, cx_board, information_needs,"
            " motivations, archived) VALUES (2, 'Ben', '', '', 1, 'peer', '', '', '', '', "
            "0, 0, '', '', 0), (3, 'Chen', '', '', 1, 'peer', '', '', '', '', 0, 0, '', '', 0)"
        )
        run(
            "INSERT INTO ratings (audit_id, person_id, position, value, irreplaceability, "
            "my_value, my_irreplaceability) VALUES (1, 2, 1, 5, 5, 5, 5)"
        )
        tie = "INSERT INTO audit_ties (audit_id, person_a, person_b) VALUES (1, {a}, {b})"
        with pytest.raises(IntegrityError):  # ties need ties_recorded
            run(tie.format(a=1, b=2))
        run("UPDATE audits SET ties_recorded = 1 WHERE id = 1")
        for a, b in ((2, 1), (1, 1), (1, 3)):  # wrong order, self, not rated
            with pytest.raises(IntegrityError):
                run(tie.format(a=a, b=b))
        run(tie.format(a=1, b=2))
        with pytest.raises(IntegrityError):  # the same pair twice
            run(tie.format(a=1, b=2))
        with pytest.raises(IntegrityError):  # ties recorded cannot be unset while ties exist
            run("UPDATE audits SET ties_recorded = 0 WHERE id = 1")
        # a person removed from the audit takes their ties along
        run("DELETE FROM ratings WHERE audit_id = 1 AND person_id = 2")
        assert _rows(journal, "SELECT * FROM audit_ties") == []
    finally:
        journal.close()


def test_downgrade_to_0002_and_upgrade_again(journal_path: Path) -> None:
    _journal_at_0002(journal_path)
    Journal.open(journal_path).close()
    engine = create_journal_engine(journal_path, None)
    try:
        from alembic import command
        from alembic.config import Config

        config = Config()
        config.set_main_option("script_location", "cxjournal.store:migrations")
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0002_search")
        with engine.connect() as conn:
            assert schema.current_revision(conn) == "0002_search"
            tables = {r[0] for r in conn.execute(text("SELECT name FROM sqlite_master"))}
            assert "plans" not in tables and "person_emails" not in tables
            assert conn.execute(text("SELECT count(*) FROM resilience")).scalar() == 2
        schema.upgrade(engine)
    finally:
        engine.dispose()
    with Journal.open(journal_path) as journal:
        assert [h.item_id for h in journal.search.query("quarterly")] == [40]
        assert journal.people.get(1).name == "Ana Silva"
