"""The latest contact with each person is read through an index, not a scan of every note.

Revision ID: 0007_contact_index
Revises: 0006_trash
Create Date: 2026-12-02 13:40:00

``ix_notes_person_kind_date`` on notes (person_id, kind, on_date) answers "the
latest note of this kind with this person" with one index seek, so the
stakeholders due (read before Today's first paint) cost the same however many
notes the journal holds (``store.reads.people``). Plain DDL only, so the
revision runs in the runner's one transaction.
"""

from __future__ import annotations

from alembic import op

revision = "0007_contact_index"
down_revision = "0006_trash"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        "CREATE INDEX IF NOT EXISTS ix_notes_person_kind_date ON notes (person_id, kind, on_date)"
    )


def downgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_notes_person_kind_date")
