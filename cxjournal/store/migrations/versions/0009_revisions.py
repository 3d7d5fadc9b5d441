"""A revision count per table the Trends page reads, kept by triggers, so a read can tell
in one seek whether anything it drew has changed.

Revision ID: 0009_revisions
Revises: 0008_rule_indexes
Create Date: 2026-12-02 18:05:00

``table_revisions`` holds one row per watched table (audits, ratings, audit_ties,
people, resilience) with a count that every insert, update and delete of that
table raises by one, through triggers: by this app, the command line, an import
or any other program writing the file. ``store.reads.revisions.of`` reads them.
Plain DDL and one insert, so the revision runs in the runner's one transaction.
"""

from __future__ import annotations

from alembic import op

revision = "0009_revisions"
down_revision = "0008_rule_indexes"
branch_labels = None
depends_on = None

#: the tables whose changes are counted (the audits with their ratings, ties and people,
#: and the check-ins)
WATCHED = ("audits", "ratings", "audit_ties", "people", "resilience")
_EVENTS = ("insert", "update", "delete")


def upgrade() -> None:
    op.execute(
        "CREATE TABLE IF NOT EXISTS table_revisions ("
        "name TEXT NOT NULL PRIMARY KEY, "
        "revision INTEGER NOT NULL DEFAULT 0 CHECK (revision >= 0)"
        ") WITHOUT ROWID"
    )
    for table in WATCHED:
        op.execute(f"INSERT OR IGNORE INTO table_revisions (name, revision) VALUES ('{table}', 0)")
        for event in _EVENTS:
            op.execute(
                f"CREATE TRIGGER IF NOT EXISTS tr_revision_{table}_{event} "
                f"AFTER {event.upper()} ON {table} BEGIN "
                "UPDATE table_revisions SET revision = revision + 1 "
                f"WHERE name = '{table}'; END"
            )


def downgrade() -> None:
    for table in WATCHED:
        for event in _EVENTS:
            op.execute(f"DROP TRIGGER IF EXISTS tr_revision_{table}_{event}")
    op.execute("DROP TABLE IF EXISTS table_revisions")
