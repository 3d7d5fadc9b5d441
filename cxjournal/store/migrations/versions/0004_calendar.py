"""Calendar sources and the meetings read from them.

Revision ID: 0004_calendar
Revises: 0003_v2
Create Date: 2026-12-02 04:10:00

``calendar_sources`` holds the .ics files the user registered; ``meetings``
holds one row per occurrence read from a source (recurrences expanded), which
a re-read of the source replaces in one transaction. Plain DDL only, so the
revision runs in the runner's one transaction.
"""

from __future__ import annotations

from alembic import op

revision = "0004_calendar"
down_revision = "0003_v2"
branch_labels = None
depends_on = None

_TABLES = (
    """CREATE TABLE calendar_sources (
        id INTEGER NOT NULL,
        path TEXT NOT NULL,
        digest TEXT NOT NULL DEFAULT '',
        read_at TEXT,
        missing BOOLEAN NOT NULL DEFAULT 0,
        CONSTRAINT pk_calendar_sources PRIMARY KEY (id),
        CONSTRAINT uq_calendar_sources_path UNIQUE (path),
        CONSTRAINT ck_calendar_sources_path_present CHECK (length(path) >= 1),
        CONSTRAINT ck_calendar_sources_missing_bool CHECK (missing IN (0, 1))
    )""",
    """CREATE TABLE meetings (
        id INTEGER NOT NULL,
        source_id INTEGER NOT NULL,
        uid TEXT NOT NULL,
        start_utc TEXT NOT NULL,
        end_utc TEXT NOT NULL,
        summary TEXT NOT NULL,
        organizer TEXT NOT NULL,
        attendees TEXT NOT NULL,
        CONSTRAINT pk_meetings PRIMARY KEY (id),
        CONSTRAINT fk_meetings_source_id_calendar_sources FOREIGN KEY (source_id)
            REFERENCES calendar_sources (id) ON DELETE CASCADE,
        CONSTRAINT ck_meetings_ends_after_start CHECK (end_utc >= start_utc),
        CONSTRAINT ck_meetings_attendees_json CHECK (json_valid(attendees)
            AND json_type(attendees) = 'array')
    )""",
    "CREATE INDEX ix_meetings_start_utc ON meetings (start_utc)",
    "CREATE INDEX ix_meetings_source_id ON meetings (source_id)",
)


def upgrade() -> None:
    for statement in _TABLES:
        op.execute(statement)


def downgrade() -> None:
    op.execute("DROP TABLE IF EXISTS meetings")
    op.execute("DROP TABLE IF EXISTS calendar_sources")
