"""Exchange format v2: e-mails and engagement on people, ties, note goals, the CX program.

Revision ID: 0003_v2
Revises: 0002_search
Create Date: 2026-12-02 03:00:00

Plain DDL only (no VACUUM, no commits), so the whole revision runs in the one
transaction the runner gives it. New columns are added with ``ALTER TABLE ...
ADD COLUMN`` (their CHECK constraints included), which keeps the tables, their
rowids and the search triggers of 0002 untouched. ``resilience`` is rebuilt,
because SQLite cannot make a column nullable in place: the rows keep their
ids (so their search rows stay valid) and the search triggers on it are made
again, now also indexing the new activity tags.

The statements are written out here, not generated from the models, so this
revision stays what it was whatever later code does.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

from alembic import op

revision = "0003_v2"
down_revision = "0002_search"
branch_labels = None
depends_on = None

_ATTITUDES = "'champion', 'supporter', 'neutral', 'skeptic', 'resistor'"
_FORMATS_USED = (
    "'presentation', 'spreadsheet', 'action_list', 'infographic', 'video', 'other', 'conversation'"
)
_PLAN_KINDS = (
    "governance",
    "communications",
    "voc",
    "operations",
    "integration",
    "training",
    "improvement",
    "technology",
)
_KINDS_SQL = ", ".join(f"'{kind}'" for kind in _PLAN_KINDS)
_MAX_REAL = "1.7976931348623157e308"
_EMAIL = (
    "length(email) BETWEEN 3 AND 254 AND email LIKE '_%@_%' AND instr(email, ' ') = 0 "
    "AND length(email) - length(replace(email, '@', '')) = 1"
)


def _finite(column: str) -> str:
    return (
        f"CONSTRAINT ck_proof_points_{column}_finite CHECK ({column} IS NULL OR "
        f"(typeof({column}) IN ('integer', 'real') AND abs({column}) <= {_MAX_REAL}))"
    )


_PEOPLE_COLUMNS = (
    "desired_attitude VARCHAR(16) CONSTRAINT ck_people_desired_attitude_known "
    f"CHECK (desired_attitude IS NULL OR desired_attitude IN ({_ATTITUDES}))",
    "desired_by DATE",
    "move_plan TEXT NOT NULL DEFAULT ''",
    "power INTEGER CONSTRAINT ck_people_power_range CHECK (power IS NULL OR (power BETWEEN 1 AND 5))",
    "interest INTEGER CONSTRAINT ck_people_interest_range "
    "CHECK (interest IS NULL OR (interest BETWEEN 1 AND 5))",
)

_NOTE_COLUMNS = (
    "goal VARCHAR(16) CONSTRAINT ck_notes_goal_known "
    "CHECK (goal IS NULL OR goal IN ('awareness', 'change', 'decision'))",
    "format_used VARCHAR(16) CONSTRAINT ck_notes_format_used_known "
    f"CHECK (format_used IS NULL OR format_used IN ({_FORMATS_USED}))",
    "outcome VARCHAR(16) CONSTRAINT ck_notes_outcome_known "
    "CHECK (outcome IS NULL OR outcome IN ('achieved', 'partly', 'not_yet'))",
)

_NEW_TABLES = (
    f"""CREATE TABLE person_emails (
        id INTEGER NOT NULL,
        person_id INTEGER NOT NULL,
        position INTEGER NOT NULL,
        email TEXT NOT NULL,
        CONSTRAINT pk_person_emails PRIMARY KEY (id),
        CONSTRAINT fk_person_emails_person_id_people FOREIGN KEY (person_id)
            REFERENCES people (id) ON DELETE CASCADE,
        CONSTRAINT ck_person_emails_email_shape CHECK ({_EMAIL})
    )""",
    "CREATE UNIQUE INDEX uq_person_emails_person_email ON person_emails (person_id, lower(email))",
    "CREATE INDEX ix_person_emails_email ON person_emails (lower(email))",
    """CREATE TABLE audit_ties (
        audit_id INTEGER NOT NULL,
        person_a INTEGER NOT NULL,
        person_b INTEGER NOT NULL,
        CONSTRAINT pk_audit_ties PRIMARY KEY (audit_id, person_a, person_b),
        CONSTRAINT fk_audit_ties_person_a_ratings FOREIGN KEY (audit_id, person_a)
            REFERENCES ratings (audit_id, person_id) ON DELETE CASCADE,
        CONSTRAINT fk_audit_ties_person_b_ratings FOREIGN KEY (audit_id, person_b)
            REFERENCES ratings (audit_id, person_id) ON DELETE CASCADE,
        CONSTRAINT fk_audit_ties_audit_id_audits FOREIGN KEY (audit_id)
            REFERENCES audits (id) ON DELETE CASCADE,
        CONSTRAINT ck_audit_ties_pair_ordered CHECK (person_a < person_b)
    )""",
    # Ties mean the user recorded them: an audit with ties has ties_recorded set.
    """CREATE TRIGGER audit_ties_need_recorded BEFORE INSERT ON audit_ties
    WHEN (SELECT ties_recorded FROM audits WHERE id = NEW.audit_id) IS NOT 1
    BEGIN SELECT RAISE(ABORT, 'an audit with ties must have ties_recorded set'); END""",
    """CREATE TRIGGER audits_ties_recorded_kept BEFORE UPDATE OF ties_recorded ON audits
    WHEN NEW.ties_recorded = 0 AND EXISTS (SELECT 1 FROM audit_ties WHERE audit_id = NEW.id)
    BEGIN SELECT RAISE(ABORT, 'an audit with ties must have ties_recorded set'); END""",
    """CREATE TABLE program (
        id INTEGER NOT NULL,
        why TEXT NOT NULL,
        kpi TEXT NOT NULL,
        CONSTRAINT pk_program PRIMARY KEY (id),
        CONSTRAINT ck_program_single_row CHECK (id = 1)
    )""",
    "INSERT INTO program (id, why, kpi) VALUES (1, '', '')",
    f"""CREATE TABLE plans (
        kind VARCHAR(16) NOT NULL,
        position INTEGER NOT NULL,
        status VARCHAR(16) NOT NULL,
        summary TEXT NOT NULL,
        next_step TEXT NOT NULL,
        due DATE,
        CONSTRAINT pk_plans PRIMARY KEY (kind),
        CONSTRAINT ck_plans_kind_known CHECK (kind IN ({_KINDS_SQL})),
        CONSTRAINT ck_plans_status_known
            CHECK (status IN ('not_started', 'in_progress', 'at_risk', 'done'))
    )""",
    "INSERT INTO plans (kind, position, status, summary, next_step, due) VALUES "
    + ", ".join(
        f"('{kind}', {position}, 'not_started', '', '', NULL)"
        for position, kind in enumerate(_PLAN_KINDS)
    ),
    """CREATE TABLE plan_people (
        id INTEGER NOT NULL,
        plan_kind VARCHAR(16) NOT NULL,
        person_id INTEGER NOT NULL,
        role VARCHAR(16) NOT NULL,
        position INTEGER NOT NULL,
        CONSTRAINT pk_plan_people PRIMARY KEY (id),
        CONSTRAINT fk_plan_people_plan_kind_plans FOREIGN KEY (plan_kind)
            REFERENCES plans (kind) ON DELETE CASCADE,
        CONSTRAINT fk_plan_people_person_id_people FOREIGN KEY (person_id)
            REFERENCES people (id) ON DELETE RESTRICT,
        CONSTRAINT uq_plan_people_plan_person UNIQUE (plan_kind, person_id),
        CONSTRAINT ck_plan_people_role_known CHECK (role IN ('owner', 'sponsor', 'contributor'))
    )""",
    "CREATE UNIQUE INDEX uq_plan_people_one_owner ON plan_people (plan_kind) WHERE role = 'owner'",
    "CREATE INDEX ix_plan_people_person_id ON plan_people (person_id)",
    f"""CREATE TABLE proof_points (
        id INTEGER NOT NULL,
        on_date DATE NOT NULL,
        title TEXT NOT NULL,
        metric TEXT NOT NULL,
        baseline FLOAT,
        result FLOAT,
        unit TEXT NOT NULL,
        value FLOAT,
        currency TEXT NOT NULL,
        story TEXT NOT NULL,
        CONSTRAINT pk_proof_points PRIMARY KEY (id),
        CONSTRAINT ck_proof_points_title_present CHECK (length(trim(title)) >= 1),
        {_finite("baseline")},
        {_finite("result")},
        {_finite("value")}
    )""",
    "CREATE INDEX ix_proof_points_on_date ON proof_points (on_date)",
    """CREATE TABLE proof_point_plans (
        proof_point_id INTEGER NOT NULL,
        plan_kind VARCHAR(16) NOT NULL,
        CONSTRAINT pk_proof_point_plans PRIMARY KEY (proof_point_id, plan_kind),
        CONSTRAINT fk_proof_point_plans_proof_point_id_proof_points FOREIGN KEY (proof_point_id)
            REFERENCES proof_points (id) ON DELETE CASCADE,
        CONSTRAINT fk_proof_point_plans_plan_kind_plans FOREIGN KEY (plan_kind)
            REFERENCES plans (kind) ON DELETE CASCADE
    )""",
    """CREATE TABLE proof_shares (
        id INTEGER NOT NULL,
        proof_point_id INTEGER NOT NULL,
        person_id INTEGER NOT NULL,
        on_date DATE NOT NULL,
        CONSTRAINT pk_proof_shares PRIMARY KEY (id),
        CONSTRAINT fk_proof_shares_proof_point_id_proof_points FOREIGN KEY (proof_point_id)
            REFERENCES proof_points (id) ON DELETE CASCADE,
        CONSTRAINT fk_proof_shares_person_id_people FOREIGN KEY (person_id)
            REFERENCES people (id) ON DELETE RESTRICT,
        CONSTRAINT uq_proof_shares_point_person_date UNIQUE (proof_point_id, person_id, on_date)
    )""",
    "CREATE INDEX ix_proof_shares_person_id ON proof_shares (person_id)",
    """CREATE TABLE agenda_items (
        id INTEGER NOT NULL,
        person_id INTEGER NOT NULL,
        text TEXT NOT NULL,
        added_on DATE NOT NULL,
        done_on DATE,
        discussed_in_note_id INTEGER,
        CONSTRAINT pk_agenda_items PRIMARY KEY (id),
        CONSTRAINT fk_agenda_items_person_id_people FOREIGN KEY (person_id)
            REFERENCES people (id) ON DELETE RESTRICT,
        CONSTRAINT fk_agenda_items_discussed_in_note_id_notes FOREIGN KEY (discussed_in_note_id)
            REFERENCES notes (id) ON DELETE SET NULL,
        CONSTRAINT ck_agenda_items_text_present CHECK (length(trim(text)) >= 1),
        CONSTRAINT ck_agenda_items_done_after_added CHECK (done_on IS NULL OR done_on >= added_on)
    )""",
    "CREATE INDEX ix_agenda_items_person_done ON agenda_items (person_id, done_on)",
    "CREATE INDEX ix_agenda_items_discussed_in_note_id ON agenda_items (discussed_in_note_id)",
    """CREATE TABLE drafts (
        id INTEGER NOT NULL,
        kind TEXT NOT NULL,
        key TEXT NOT NULL,
        payload TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CONSTRAINT pk_drafts PRIMARY KEY (id),
        CONSTRAINT uq_drafts_kind_key UNIQUE (kind, key),
        CONSTRAINT ck_drafts_payload_json CHECK (json_valid(payload))
    )""",
)

# --- resilience: energy and stress become optional, activity tags arrive --------------

_TAGS = "(SELECT coalesce(group_concat(value, ' '), '') FROM json_each({column}))"
_INSERT = "INSERT INTO search_fts (rowid, who, body, tags, kind, open_id, person_id, on_date) "
_RESILIENCE_ROW = (
    _INSERT
    + "VALUES (NEW.id * 8 + 5, '', NEW.note, "
    + " || ' ' || ".join(_TAGS.format(column=f"NEW.{c}") for c in ("drains", "restorers", "tags"))
    + ", 'resilience', NEW.id, NULL, NEW.on_date);"
)
_DELETE_RESILIENCE = "DELETE FROM search_fts WHERE rowid = OLD.id * 8 + 5;"

RESILIENCE_TRIGGERS: dict[str, str] = {
    "search_resilience_ai": f"AFTER INSERT ON resilience BEGIN {_RESILIENCE_ROW} END",
    "search_resilience_au": (
        "AFTER UPDATE OF note, drains, restorers, tags, on_date ON resilience BEGIN "
        f"{_DELETE_RESILIENCE} {_RESILIENCE_ROW} END"
    ),
    "search_resilience_ad": f"AFTER DELETE ON resilience BEGIN {_DELETE_RESILIENCE} END",
}

_RESILIENCE_V2 = """CREATE TABLE resilience_v2 (
    id INTEGER NOT NULL,
    on_date DATE NOT NULL,
    energy INTEGER,
    stress INTEGER,
    mood INTEGER NOT NULL,
    sleep_hours FLOAT,
    drains TEXT NOT NULL,
    restorers TEXT NOT NULL,
    note TEXT NOT NULL,
    tags TEXT NOT NULL DEFAULT '[]',
    CONSTRAINT pk_resilience PRIMARY KEY (id),
    CONSTRAINT uq_resilience_on_date UNIQUE (on_date),
    CONSTRAINT ck_resilience_drains_json CHECK (json_valid(drains) AND json_type(drains) = 'array'),
    CONSTRAINT ck_resilience_restorers_json
        CHECK (json_valid(restorers) AND json_type(restorers) = 'array'),
    CONSTRAINT ck_resilience_tags_json CHECK (json_valid(tags) AND json_type(tags) = 'array'),
    CONSTRAINT ck_resilience_energy_range CHECK (energy IS NULL OR (energy BETWEEN 1 AND 10)),
    CONSTRAINT ck_resilience_stress_range CHECK (stress IS NULL OR (stress BETWEEN 1 AND 10)),
    CONSTRAINT ck_resilience_mood_range CHECK (mood BETWEEN 1 AND 10),
    CONSTRAINT ck_resilience_sleep_range CHECK (sleep_hours IS NULL OR (sleep_hours BETWEEN 0 AND 24))
)"""

_RESILIENCE_COPY = (
    "INSERT INTO resilience_v2 (id, on_date, energy, stress, mood, sleep_hours, drains, "
    "restorers, note, tags) SELECT id, on_date, energy, stress, mood, sleep_hours, drains, "
    "restorers, note, '[]' FROM resilience"
)


# --- search: a person's e-mail addresses join the text of their index row -------------

_PERSON_FIELDS = (
    "role",
    "organisation",
    "team",
    "function",
    "product_unit",
    "location",
    "information_needs",
    "motivations",
)
# The non-empty fields and then the addresses, joined by " · ".
_PERSON_BODY = (
    "rtrim("
    + " || ".join(
        f"(CASE WHEN {{p}}.{field} <> '' THEN {{p}}.{field} || ' · ' ELSE '' END)"
        for field in _PERSON_FIELDS
    )
    + " || (SELECT coalesce(group_concat(email, ' · '), '') FROM "
    "(SELECT email FROM person_emails WHERE person_id = {p}.id ORDER BY position, id))" + ", ' · ')"
)
_PERSON_ROW = (
    _INSERT
    + "VALUES (NEW.id * 8 + 3, NEW.name, "
    + _PERSON_BODY.format(p="NEW")
    + ", '', 'person', NEW.id, NEW.id, NULL);"
)


def _person_row_of(person: str) -> str:
    """Statements that rewrite the index row of the person with id ``person``."""
    return (
        f"DELETE FROM search_fts WHERE rowid = {person} * 8 + 3; "
        + _INSERT
        + f"SELECT p.id * 8 + 3, p.name, {_PERSON_BODY.format(p='p')}, '', 'person', p.id, p.id, "
        f"NULL FROM people AS p WHERE p.id = {person};"
    )


PEOPLE_TRIGGERS: dict[str, str] = {
    "search_people_ai": f"AFTER INSERT ON people BEGIN {_PERSON_ROW} END",
    "search_people_au": (
        "AFTER UPDATE OF name, role, organisation, team, function, product_unit, location, "
        "information_needs, motivations ON people BEGIN "
        "DELETE FROM search_fts WHERE rowid = OLD.id * 8 + 3; "
        f"{_PERSON_ROW} "
        "UPDATE search_fts SET who = NEW.name WHERE OLD.name IS NOT NEW.name AND rowid IN "
        "(SELECT id * 8 + 1 FROM notes WHERE person_id = NEW.id "
        "UNION ALL SELECT f.id * 8 + 2 FROM follow_ups AS f JOIN notes AS n ON n.id = f.note_id "
        "WHERE n.person_id = NEW.id); END"
    ),
    "search_person_emails_ai": (
        f"AFTER INSERT ON person_emails BEGIN {_person_row_of('NEW.person_id')} END"
    ),
    "search_person_emails_au": (
        "AFTER UPDATE OF email, position, person_id ON person_emails BEGIN "
        f"{_person_row_of('OLD.person_id')} {_person_row_of('NEW.person_id')} END"
    ),
    "search_person_emails_ad": (
        f"AFTER DELETE ON person_emails BEGIN {_person_row_of('OLD.person_id')} END"
    ),
}


def _rebuild_resilience() -> None:
    for name in RESILIENCE_TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute(_RESILIENCE_V2)
    op.execute(_RESILIENCE_COPY)
    op.execute("DROP TABLE resilience")
    op.execute("ALTER TABLE resilience_v2 RENAME TO resilience")
    for name, body in RESILIENCE_TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {body}")


def upgrade() -> None:
    for column in _PEOPLE_COLUMNS:
        op.execute(f"ALTER TABLE people ADD COLUMN {column}")
    op.execute(
        "ALTER TABLE audits ADD COLUMN ties_recorded BOOLEAN NOT NULL DEFAULT 0 "
        "CONSTRAINT ck_audits_ties_recorded_bool CHECK (ties_recorded IN (0, 1))"
    )
    for column in _NOTE_COLUMNS:
        op.execute(f"ALTER TABLE notes ADD COLUMN {column}")
    for statement in _NEW_TABLES:
        op.execute(statement)
    _rebuild_resilience()
    for name in ("search_people_ai", "search_people_au"):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    for name, body in PEOPLE_TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {body}")


def _revision_0002() -> Any:
    """The 0002 revision module, whose search triggers a downgrade puts back."""
    path = Path(__file__).with_name("0002_search.py")
    spec = importlib.util.spec_from_file_location("cxjournal_migration_0002", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_DROPPED_TABLES = (
    "drafts",
    "agenda_items",
    "proof_shares",
    "proof_point_plans",
    "proof_points",
    "plan_people",
    "plans",
    "program",
    "audit_ties",
    "person_emails",
)


def downgrade() -> None:
    """Back to 0002. Refused while a check-in lacks energy or stress (0002 cannot hold it)."""
    old = _revision_0002()
    for name in (*PEOPLE_TRIGGERS, *RESILIENCE_TRIGGERS, "audit_ties_need_recorded"):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TRIGGER IF EXISTS audits_ties_recorded_kept")
    for table in _DROPPED_TABLES:
        op.execute(f"DROP TABLE IF EXISTS {table}")
    # The people's search rows lose their addresses again.
    op.execute("DELETE FROM search_fts WHERE kind = 'person'")
    op.execute(old.BACKFILL[0])
    for column in ("desired_attitude", "desired_by", "move_plan", "power", "interest"):
        op.execute(f"ALTER TABLE people DROP COLUMN {column}")
    op.execute("ALTER TABLE audits DROP COLUMN ties_recorded")
    for column in ("goal", "format_used", "outcome"):
        op.execute(f"ALTER TABLE notes DROP COLUMN {column}")
    op.execute(
        "CREATE TABLE resilience_v1 (id INTEGER NOT NULL, on_date DATE NOT NULL, "
        "energy INTEGER NOT NULL, stress INTEGER NOT NULL, mood INTEGER NOT NULL, "
        "sleep_hours FLOAT, drains TEXT NOT NULL, restorers TEXT NOT NULL, note TEXT NOT NULL, "
        "CONSTRAINT pk_resilience PRIMARY KEY (id), "
        "CONSTRAINT uq_resilience_on_date UNIQUE (on_date), "
        "CONSTRAINT ck_resilience_drains_json "
        "CHECK (json_valid(drains) AND json_type(drains) = 'array'), "
        "CONSTRAINT ck_resilience_restorers_json "
        "CHECK (json_valid(restorers) AND json_type(restorers) = 'array'), "
        "CONSTRAINT ck_resilience_energy_range CHECK (energy BETWEEN 1 AND 10), "
        "CONSTRAINT ck_resilience_mood_range CHECK (mood BETWEEN 1 AND 10), "
        "CONSTRAINT ck_resilience_sleep_range "
        "CHECK (sleep_hours IS NULL OR (sleep_hours BETWEEN 0 AND 24)), "
        "CONSTRAINT ck_resilience_stress_range CHECK (stress BETWEEN 1 AND 10))"
    )
    # NOT NULL refuses a mood-only check-in here, which rolls the whole downgrade back.
    op.execute(
        "INSERT INTO resilience_v1 SELECT id, on_date, energy, stress, mood, sleep_hours, "
        "drains, restorers, note FROM resilience"
    )
    op.execute("DROP TABLE resilience")
    op.execute("ALTER TABLE resilience_v1 RENAME TO resilience")
    op.execute("DELETE FROM search_fts WHERE kind = 'resilience'")
    op.execute(old.BACKFILL[4])
    for name in (*PEOPLE_TRIGGERS, *RESILIENCE_TRIGGERS):
        if name in old.TRIGGERS:
            op.execute(f"CREATE TRIGGER {name} {old.TRIGGERS[name]}")
