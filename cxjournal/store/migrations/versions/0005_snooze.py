"""Follow-ups can be snoozed: Today leaves them out until a chosen day.

Revision ID: 0005_snooze
Revises: 0004_calendar
Create Date: 2026-12-02 07:10:00

``follow_ups.snoozed_until`` is the first day on which Today lists the
follow-up again (NULL: not snoozed). The follow-up keeps its due date, so it
comes back as overdue as it really is. The CHECK admits only a calendar date
written as ISO text. Plain DDL only, so the revision runs in the runner's one
transaction.
"""

from __future__ import annotations

from alembic import op

revision = "0005_snooze"
down_revision = "0004_calendar"
branch_labels = None
depends_on = None

_STATEMENTS = (
    "ALTER TABLE follow_ups ADD COLUMN snoozed_until DATE "
    "CONSTRAINT ck_follow_ups_snoozed_until_date CHECK (snoozed_until IS NULL OR "
    "(length(snoozed_until) = 10 AND date(snoozed_until) = snoozed_until))",
    "CREATE INDEX ix_follow_ups_snoozed_until ON follow_ups (snoozed_until)",
)


def upgrade() -> None:
    for statement in _STATEMENTS:
        op.execute(statement)


def downgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_follow_ups_snoozed_until")
    op.execute("ALTER TABLE follow_ups DROP COLUMN snoozed_until")
