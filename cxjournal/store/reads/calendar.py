"""Calendar sources and their meetings as stored, read with SQL text.

Today's meetings card reads these on the journal's own connection before the
first paint, without SQLAlchemy; the writes are in :mod:`cxjournal.store.calendar_store`.
Times are stored as UTC text (``YYYY-MM-DDTHH:MM:SS``), so they sort as they compare.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from cxjournal.domain.meetings import CalendarSource
from cxjournal.store.reads import Connection

_UTC_FORMAT = "%Y-%m-%dT%H:%M:%S"


def utc_text(moment: dt.datetime) -> str:
    """How a moment is stored: UTC text (``moment`` must carry a time zone)."""
    return moment.astimezone(dt.UTC).strftime(_UTC_FORMAT)


def _utc(text: str) -> dt.datetime:
    return dt.datetime.strptime(text, _UTC_FORMAT).replace(tzinfo=dt.UTC)


@dataclass(frozen=True, slots=True)
class StoredMeeting:
    """A meeting row as stored: times aware UTC, attendees as (address, answer)."""

    start: dt.datetime
    end: dt.datetime
    summary: str
    uid: str
    organizer: str
    attendees: tuple[tuple[str, str], ...]
    source: str


def sources(conn: Connection) -> list[CalendarSource]:
    """Every registered source with its count of meetings, by path."""
    rows = conn.execute(
        "SELECT s.id, s.path, s.read_at, s.missing, "
        "(SELECT count(*) FROM meetings AS m WHERE m.source_id = s.id) "
        "FROM calendar_sources AS s ORDER BY s.path"
    ).fetchall()
    return [
        CalendarSource(int(id_), str(path), read_at, bool(missing), int(count))
        for id_, path, read_at, missing, count in rows
    ]


def meetings_between(
    conn: Connection, start: dt.datetime, stop: dt.datetime
) -> list[StoredMeeting]:
    """Meetings that start in ``[start, stop)``, by start then summary (through the index
    on ``start_utc``)."""
    rows = conn.execute(
        "SELECT m.start_utc, m.end_utc, m.summary, m.uid, m.organizer, m.attendees, s.path "
        "FROM meetings AS m JOIN calendar_sources AS s ON s.id = m.source_id "
        "WHERE m.start_utc >= ? AND m.start_utc < ? "
        "ORDER BY m.start_utc, m.summary, m.uid, m.id",
        (utc_text(start), utc_text(stop)),
    ).fetchall()
    return [
        StoredMeeting(
            start=_utc(start_utc),
            end=_utc(end_utc),
            summary=str(summary),
            uid=str(uid),
            organizer=str(organizer),
            attendees=tuple((str(a), str(b)) for a, b in json.loads(attendees)),
            source=str(path),
        )
        for start_utc, end_utc, summary, uid, organizer, attendees, path in rows
    ]
