"""The trash: what was deleted, kept whole for 30 days so it can be restored.

Revision ID: 0006_trash
Revises: 0005_snooze
Create Date: 2026-12-02 13:20:00

``trash`` holds one row per deleted item: its ``kind`` (note, audit, person...),
the id it had, a ``label`` for the list ("Note about Dana Reyes, 12 Mar 2026"),
when it was deleted (UTC, ISO text) and a JSON ``payload`` with every row it took
along, column by column as stored, so a restore puts back the same ids and
values. Plain DDL only, so the revision runs in the runner's one transaction.
"""

from __future__ import annotations

from alembic import op

revision = "0006_trash"
down_revision = "0005_snooze"
branch_labels = None
depends_on = None

_STATEMENTS = (
    """CREATE TABLE trash (
        id INTEGER NOT NULL,
        kind VARCHAR(16) NOT NULL,
        item_id INTEGER NOT NULL,
        label TEXT NOT NULL,
        deleted_at TEXT NOT NULL,
        payload TEXT NOT NULL,
        CONSTRAINT pk_trash PRIMARY KEY (id),
        CONSTRAINT ck_trash_kind_known CHECK (kind IN ('note', 'follow_up', 'audit',
            'check_in', 'person', 'exit_step', 'talking_point', 'proof_point')),
        CONSTRAINT ck_trash_label_present CHECK (length(trim(label)) >= 1),
        CONSTRAINT ck_trash_deleted_at_time CHECK (length(deleted_at) >= 19
            AND datetime(deleted_at) IS NOT NULL),
        CONSTRAINT ck_trash_payload_json CHECK (json_valid(payload)
            AND json_type(payload) = 'object')
    )""",
    "CREATE INDEX ix_trash_deleted_at ON trash (deleted_at)",
)


def upgrade() -> None:
    for statement in _STATEMENTS:
        op.execute(statement)


def downgrade() -> None:
    op.execute("DROP TABLE IF EXISTS trash")
