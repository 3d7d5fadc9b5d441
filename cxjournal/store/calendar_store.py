"""Calendar sources and their meetings, written on the caller's session (the reads are
:mod:`cxjournal.store.reads.calendar`)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

from sqlalchemy import delete, insert, select

from cxjournal.domain.errors import NotFoundError
from cxjournal.store.models import CalendarSourceRow, MeetingRow
from cxjournal.store.reads.calendar import utc_text

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


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
