"""Initial schema: the whole journal.

Revision ID: 0001_initial
Revises:
Create Date: 2026-11-22 19:02:57.159613
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "exit_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("done", sa.Boolean(), nullable=False),
        sa.Column("due", sa.Date(), nullable=True),
        sa.CheckConstraint("done IN (0, 1)", name=op.f("ck_exit_items_done_bool")),
        sa.CheckConstraint("length(trim(text)) >= 1", name=op.f("ck_exit_items_text_present")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exit_items")),
    )
    with op.batch_alter_table("exit_items", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_exit_items_position"), ["position"], unique=False)

    op.create_table(
        "exit_plan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column(
            "changed_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "status IN ('inactive', 'active', 'paused', 'done')",
            name=op.f("ck_exit_plan_status_known"),
        ),
        sa.CheckConstraint("id = 1", name=op.f("ck_exit_plan_single_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exit_plan")),
    )
    op.create_table(
        "people",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.Text(), nullable=False),
        sa.Column("organisation", sa.Text(), nullable=False),
        sa.Column("internal", sa.Boolean(), nullable=False),
        sa.Column("relationship", sa.String(length=16), nullable=False),
        sa.Column("team", sa.Text(), nullable=False),
        sa.Column("function", sa.Text(), nullable=False),
        sa.Column("product_unit", sa.Text(), nullable=False),
        sa.Column("location", sa.Text(), nullable=False),
        sa.Column("key_stakeholder", sa.Boolean(), nullable=False),
        sa.Column("cx_board", sa.Boolean(), nullable=False),
        sa.Column("cadence_days", sa.Integer(), nullable=True),
        sa.Column("information_needs", sa.Text(), nullable=False),
        sa.Column("preferred_format", sa.String(length=16), nullable=True),
        sa.Column("motivations", sa.Text(), nullable=False),
        sa.Column("archived", sa.Boolean(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "preferred_format IS NULL OR preferred_format IN ('presentation', 'spreadsheet', 'action_list', 'infographic', 'video', 'other')",
            name=op.f("ck_people_format_known"),
        ),
        sa.CheckConstraint(
            "relationship IN ('superior', 'peer', 'report', 'external', 'other')",
            name=op.f("ck_people_relationship_known"),
        ),
        sa.CheckConstraint("archived IN (0, 1)", name=op.f("ck_people_archived_bool")),
        sa.CheckConstraint(
            "cadence_days IS NULL OR (cadence_days BETWEEN 1 AND 366)",
            name=op.f("ck_people_cadence_range"),
        ),
        sa.CheckConstraint("cx_board IN (0, 1)", name=op.f("ck_people_cx_board_bool")),
        sa.CheckConstraint("internal IN (0, 1)", name=op.f("ck_people_internal_bool")),
        sa.CheckConstraint(
            "key_stakeholder IN (0, 1)", name=op.f("ck_people_key_stakeholder_bool")
        ),
        sa.CheckConstraint(
            "length(trim(name)) BETWEEN 1 AND 200", name=op.f("ck_people_name_length")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_people")),
    )
    op.create_table(
        "resilience",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("on_date", sa.Date(), nullable=False),
        sa.Column("energy", sa.Integer(), nullable=False),
        sa.Column("stress", sa.Integer(), nullable=False),
        sa.Column("mood", sa.Integer(), nullable=False),
        sa.Column("sleep_hours", sa.Float(), nullable=True),
        sa.Column("drains", sa.Text(), nullable=False),
        sa.Column("restorers", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "json_valid(drains) AND json_type(drains) = 'array'",
            name=op.f("ck_resilience_drains_json"),
        ),
        sa.CheckConstraint(
            "json_valid(restorers) AND json_type(restorers) = 'array'",
            name=op.f("ck_resilience_restorers_json"),
        ),
        sa.CheckConstraint("energy BETWEEN 1 AND 10", name=op.f("ck_resilience_energy_range")),
        sa.CheckConstraint("mood BETWEEN 1 AND 10", name=op.f("ck_resilience_mood_range")),
        sa.CheckConstraint(
            "sleep_hours IS NULL OR (sleep_hours BETWEEN 0 AND 24)",
            name=op.f("ck_resilience_sleep_range"),
        ),
        sa.CheckConstraint("stress BETWEEN 1 AND 10", name=op.f("ck_resilience_stress_range")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_resilience")),
        sa.UniqueConstraint("on_date", name=op.f("uq_resilience_on_date")),
    )
    op.create_table(
        "settings",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.CheckConstraint("json_valid(value)", name=op.f("ck_settings_value_json")),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_settings")),
    )
    op.create_table(
        "audits",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("taken_on", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("blocking_superior", sa.Boolean(), nullable=False),
        sa.Column("blocking_superior_person_id", sa.Integer(), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "blocking_superior IN (0, 1)", name=op.f("ck_audits_blocking_superior_bool")
        ),
        sa.ForeignKeyConstraint(
            ["blocking_superior_person_id"],
            ["people.id"],
            name=op.f("fk_audits_blocking_superior_person_id_people"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audits")),
    )
    with op.batch_alter_table("audits", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_audits_blocking_superior_person_id"),
            ["blocking_superior_person_id"],
            unique=False,
        )
        batch_op.create_index(batch_op.f("ix_audits_taken_on"), ["taken_on"], unique=False)

    op.create_table(
        "notes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("on_date", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("attitude", sa.String(length=16), nullable=True),
        sa.Column("tags", sa.Text(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "attitude IS NULL OR attitude IN ('champion', 'supporter', 'neutral', 'skeptic', 'resistor')",
            name=op.f("ck_notes_attitude_known"),
        ),
        sa.CheckConstraint(
            "json_valid(tags) AND json_type(tags) = 'array'", name=op.f("ck_notes_tags_json")
        ),
        sa.CheckConstraint(
            "kind IN ('one_on_one', 'meeting', 'email', 'call', 'informal', 'observation', 'win', 'other')",
            name=op.f("ck_notes_kind_known"),
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["people.id"],
            name=op.f("fk_notes_person_id_people"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notes")),
    )
    with op.batch_alter_table("notes", schema=None) as batch_op:
        batch_op.create_index("ix_notes_on_date", ["on_date"], unique=False)
        batch_op.create_index("ix_notes_person_date", ["person_id", "on_date"], unique=False)

    op.create_table(
        "follow_ups",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("note_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("due", sa.Date(), nullable=True),
        sa.Column("done", sa.Boolean(), nullable=False),
        sa.CheckConstraint("done IN (0, 1)", name=op.f("ck_follow_ups_done_bool")),
        sa.CheckConstraint("length(trim(text)) >= 1", name=op.f("ck_follow_ups_text_present")),
        sa.ForeignKeyConstraint(
            ["note_id"], ["notes.id"], name=op.f("fk_follow_ups_note_id_notes"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_follow_ups")),
    )
    with op.batch_alter_table("follow_ups", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_follow_ups_note_id"), ["note_id"], unique=False)
        batch_op.create_index("ix_follow_ups_open_due", ["done", "due"], unique=False)

    op.create_table(
        "ratings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("audit_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.Column("irreplaceability", sa.Integer(), nullable=False),
        sa.Column("my_value", sa.Integer(), nullable=False),
        sa.Column("my_irreplaceability", sa.Integer(), nullable=False),
        sa.Column("career_guidance", sa.Integer(), nullable=True),
        sa.Column("emotional_support", sa.Integer(), nullable=True),
        sa.Column("daily_assistance", sa.Integer(), nullable=True),
        sa.Column("information_sharing", sa.Integer(), nullable=True),
        sa.Column("resource_access", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "career_guidance IS NULL OR (career_guidance BETWEEN 0 AND 10)",
            name=op.f("ck_ratings_career_guidance_range"),
        ),
        sa.CheckConstraint(
            "daily_assistance IS NULL OR (daily_assistance BETWEEN 0 AND 10)",
            name=op.f("ck_ratings_daily_assistance_range"),
        ),
        sa.CheckConstraint(
            "emotional_support IS NULL OR (emotional_support BETWEEN 0 AND 10)",
            name=op.f("ck_ratings_emotional_support_range"),
        ),
        sa.CheckConstraint(
            "information_sharing IS NULL OR (information_sharing BETWEEN 0 AND 10)",
            name=op.f("ck_ratings_information_sharing_range"),
        ),
        sa.CheckConstraint(
            "irreplaceability BETWEEN 1 AND 10", name=op.f("ck_ratings_irreplaceability_range")
        ),
        sa.CheckConstraint(
            "my_irreplaceability BETWEEN 1 AND 10",
            name=op.f("ck_ratings_my_irreplaceability_range"),
        ),
        sa.CheckConstraint("my_value BETWEEN 1 AND 10", name=op.f("ck_ratings_my_value_range")),
        sa.CheckConstraint(
            "resource_access IS NULL OR (resource_access BETWEEN 0 AND 10)",
            name=op.f("ck_ratings_resource_access_range"),
        ),
        sa.CheckConstraint("value BETWEEN 1 AND 10", name=op.f("ck_ratings_value_range")),
        sa.ForeignKeyConstraint(
            ["audit_id"], ["audits.id"], name=op.f("fk_ratings_audit_id_audits"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["people.id"],
            name=op.f("fk_ratings_person_id_people"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ratings")),
        sa.UniqueConstraint("audit_id", "person_id", name="uq_ratings_audit_person"),
    )
    with op.batch_alter_table("ratings", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_ratings_person_id"), ["person_id"], unique=False)

    op.create_index("ix_people_name_nocase", "people", [sa.text("lower(name)")])
    # At most ten ratings per audit: the power audit covers one's top ten.
    op.execute(
        """
        CREATE TRIGGER ratings_at_most_ten BEFORE INSERT ON ratings
        WHEN (SELECT count(*) FROM ratings WHERE audit_id = NEW.audit_id) >= 10
        BEGIN SELECT RAISE(ABORT, 'an audit holds at most 10 ratings'); END
        """
    )
    op.execute("INSERT INTO exit_plan (id, status) VALUES (1, 'inactive')")


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS ratings_at_most_ten")
    op.drop_index("ix_people_name_nocase", table_name="people")
    with op.batch_alter_table("ratings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ratings_person_id"))

    op.drop_table("ratings")
    with op.batch_alter_table("follow_ups", schema=None) as batch_op:
        batch_op.drop_index("ix_follow_ups_open_due")
        batch_op.drop_index(batch_op.f("ix_follow_ups_note_id"))

    op.drop_table("follow_ups")
    with op.batch_alter_table("notes", schema=None) as batch_op:
        batch_op.drop_index("ix_notes_person_date")
        batch_op.drop_index("ix_notes_on_date")

    op.drop_table("notes")
    with op.batch_alter_table("audits", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audits_taken_on"))
        batch_op.drop_index(batch_op.f("ix_audits_blocking_superior_person_id"))

    op.drop_table("audits")
    op.drop_table("settings")
    op.drop_table("resilience")
    op.drop_table("people")
    op.drop_table("exit_plan")
    with op.batch_alter_table("exit_items", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_exit_items_position"))

    op.drop_table("exit_items")
