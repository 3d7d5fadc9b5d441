"""The program's rules read a person's latest attitude and last notes with a goal through
indexes, not a walk of all their notes.

Revision ID: 0008_rule_indexes
Revises: 0007_contact_index
Create Date: 2026-12-02 17:35:00

Two partial indexes on notes (person_id, on_date): ``ix_notes_person_goal_date``
where a goal is recorded, ``ix_notes_person_attitude_date`` where an attitude is.
They answer "this person's last few notes with a goal" and "their latest
attitude as of a date" (the program's rules, read by Today and the Program page
through ``store.note_reads.notes_for_program_rules``) with one seek each, also
for the people who have no such note. Plain DDL only, so the revision runs in
the runner's one transaction.
"""

from __future__ import annotations

from alembic import op

revision = "0008_rule_indexes"
down_revision = "0007_contact_index"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        "CREATE INDEX IF NOT EXISTS ix_notes_person_goal_date ON notes (person_id, on_date) "
        "WHERE goal IS NOT NULL"
    )
    op.execute(
        "CREATE INDEX IF NOT EXISTS ix_notes_person_attitude_date ON notes (person_id, on_date) "
        "WHERE attitude IS NOT NULL"
    )


def downgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_notes_person_attitude_date")
    op.execute("DROP INDEX IF EXISTS ix_notes_person_goal_date")
