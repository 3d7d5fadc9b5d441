"""Calendar sources and their meetings: plain typed functions on the caller's session."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import delete, func, insert, select

from cxjournal.domain.errors import NotFoundError
from cxjournal.domain.meetings import CalendarSource
from cxjournal.store.models import CalendarSourceRow, MeetingRow

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

_UTC_FORMAT = "%Y-%m-%dT%H:%M:%S"


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


def utc_text(moment: dt.datetime) -> str:
    """How a moment is stored: UTC, to the second, sortable as text."""
    return moment.astimezone(dt.UTC).strftime(_UTC_FORMAT)


def _utc(text: str) -> dt.datetime:
    return dt.datetime.strptime(text, _UTC_FORMAT).replace(tzinfo=dt.UTC)


def read_sources(session: Session) -> list[CalendarSource]:
    counts = (
        select(MeetingRow.source_id, func.count().label("n"))
        .group_by(MeetingRow.source_id)
        .subquery()
    )
    query = (
        select(CalendarSourceRow, func.coalesce(counts.c.n, 0))
        .outerjoin(counts, counts.c.source_id == CalendarSourceRow.id)
        .order_by(CalendarSourceRow.path)
    )
    return [
        CalendarSource(row.id, row.path, row.read_at, row.missing, int(n))
        for row, n in session.execute(query)
    ]


def find_source(session: Session, path: str) -> CalendarSourceRow | None:
    return session.scalars(
        select(CalendarSourceRow).where(CalendarSourceRow.path == path)
    ).one_or_none()


def add_source(session: Session, path: str) -> CalendarSourceRow:
    row = CalendarSourceRow(path=path, digest="", missing=False)
    session.add(row)
    session.flush()
    return row


def replace_meetings(
    session: Session,
    source: CalendarSourceRow,
    digest: str,
    read_at: dt.datetime,
    meetings: Sequence[tuple[str, dt.datetime, dt.datetime, str, str, Sequence[tuple[str, str]]]],
) -> None:
    """Every meeting of ``source`` becomes ``meetings`` (uid, start, end, summary, organizer,
    attendees): one DELETE and one many-row INSERT in the caller's transaction."""
    session.execute(delete(MeetingRow).where(MeetingRow.source_id == source.id))
    if meetings:
        session.execute(
            insert(MeetingRow),
            [
                {
                    "source_id": source.id,
                    "uid": uid,
                    "start_utc": utc_text(start),
                    "end_utc": utc_text(end),
                    "summary": summary,
                    "organizer": organizer,
                    "attendees": json.dumps([list(a) for a in attendees]),
                }
                for uid, start, end, summary, organizer, attendees in meetings
            ],
        )
    source.digest = digest
    source.read_at = utc_text(read_at)
    source.missing = False
    session.flush()


def set_missing(session: Session, source: CalendarSourceRow, missing: bool) -> None:
    source.missing = missing
    session.flush()


def remove_source(session: Session, path: str) -> None:
    row = find_source(session, path)
    if row is None:
        raise NotFoundError(f"{path} is not a calendar of this journal")
    session.execute(delete(MeetingRow).where(MeetingRow.source_id == row.id))
    session.delete(row)
    session.flush()


def meetings_between(
    session: Session, start: dt.datetime, stop: dt.datetime
) -> list[StoredMeeting]:
    """Meetings that start in ``[start, stop)``, by start then summary."""
    query = (
        select(MeetingRow, CalendarSourceRow.path)
        .join(CalendarSourceRow, CalendarSourceRow.id == MeetingRow.source_id)
        .where(MeetingRow.start_utc >= utc_text(start), MeetingRow.start_utc < utc_text(stop))
        .order_by(MeetingRow.start_utc, MeetingRow.summary, MeetingRow.uid, MeetingRow.id)
    )
    return [
        StoredMeeting(
            start=_utc(row.start_utc),
            end=_utc(row.end_utc),
            summary=row.summary,
            uid=row.uid,
            organizer=row.organizer,
            attendees=tuple((str(a), str(b)) for a, b in json.loads(row.attendees)),
            source=path,
        )
        for row, path in session.execute(query)
    ]
