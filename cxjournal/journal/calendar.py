"""Calendar sources and meetings (spec/calendar.md): the operations the CLI and GUI call.

Reading a source replaces its meetings in one transaction; the same file read
twice changes nothing; a malformed file is refused with its line number and
changes nothing; a vanished file keeps its meetings and says so. The .ics
reader is imported only when a file is read, and the writes' SQLAlchemy only
when a source is added, read or removed: the reads (Today's meetings card, at
start-up) are SQL text.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from cxjournal.domain.errors import NotFoundError, ValidationError
from cxjournal.domain.meetings import (
    CalendarSource,
    Meeting,
    PeopleMatcher,
    SourceRead,
    declined,
)
from cxjournal.journal import setting_values
from cxjournal.journal.changes import Area
from cxjournal.store.reads import Connection
from cxjournal.store.reads import calendar as stored
from cxjournal.store.reads import people as people_reads
from cxjournal.store.reads import settings as stored_settings

if TYPE_CHECKING:
    from cxjournal.journal.core import Journal


def source_path(path: str | Path) -> str:
    """How a source is named: its absolute path (symbolic links kept, as the user gave it)."""
    return str(Path(path).expanduser().absolute())


def _now(now: dt.datetime | None) -> dt.datetime:
    return now if now is not None else dt.datetime.now(dt.UTC)


class CalendarOps:
    def __init__(self, journal: Journal) -> None:
        self._journal = journal

    # -- sources ---------------------------------------------------------------------

    def sources(self) -> list[CalendarSource]:
        with self._journal.reading() as conn:
            return stored.sources(conn)

    def add(self, path: str | Path, now: dt.datetime | None = None) -> SourceRead:
        """Register ``path`` and read it; a file that cannot be read registers nothing."""
        name = source_path(path)
        data = self._read_bytes(name)
        if data is None:
            raise NotFoundError(f"{name}: there is no such file")
        return self._store(name, data, _now(now), register=True)

    def remove(self, path: str | Path) -> None:
        from cxjournal.store import calendar_store

        with self._journal.session(Area.MEETINGS) as session:
            calendar_store.remove_source(session, source_path(path))

    def refresh(self, now: dt.datetime | None = None) -> list[SourceRead]:
        """Read every source again. A malformed one raises after the others are read."""
        results: list[SourceRead] = []
        problems: list[str] = []
        for source in self.sources():
            try:
                results.append(self.read(source.path, now))
            except ValidationError as exc:
                problems.extend(exc.problems)
        if problems:
            raise ValidationError(problems)
        return results

    def read(self, path: str | Path, now: dt.datetime | None = None) -> SourceRead:
        """Read one registered source again (the file watcher's operation)."""
        from cxjournal.store import calendar_store

        name = source_path(path)
        data = self._read_bytes(name)
        if data is None:
            with self._journal.session(Area.MEETINGS) as session:
                row = calendar_store.find_source(session, name)
                if row is None:
                    raise NotFoundError(f"{name} is not a calendar of this journal")
                if not row.missing:
                    calendar_store.set_missing(session, row, True)
            count = next(s.meeting_count for s in self.sources() if s.path == name)
            return SourceRead(name, "missing", count)
        return self._store(name, data, _now(now), register=False)

    @staticmethod
    def _read_bytes(name: str) -> bytes | None:
        try:
            return Path(name).read_bytes()
        except FileNotFoundError:
            return None

    def _store(self, name: str, data: bytes, now: dt.datetime, register: bool) -> SourceRead:
        from cxjournal.exchange.ics_reader import IcsError, read_ics
        from cxjournal.store import calendar_store

        digest = hashlib.sha256(data).hexdigest()
        with self._journal.session(Area.MEETINGS) as session:
            row = calendar_store.find_source(session, name)
            if row is None and not register:
                raise NotFoundError(f"{name} is not a calendar of this journal")
            unchanged = row is not None and row.digest == digest and not row.missing
        if unchanged:
            count = next(s.meeting_count for s in self.sources() if s.path == name)
            return SourceRead(name, "unchanged", count)
        try:
            occurrences = read_ics(data, now).occurrences
        except IcsError as exc:
            raise ValidationError(
                [f"{name}, line {exc.line}: {exc.problem}; nothing was changed"]
            ) from None
        with self._journal.session(Area.MEETINGS) as session:
            row = calendar_store.find_source(session, name)
            if row is None:
                row = calendar_store.add_source(session, name)
            calendar_store.replace_meetings(
                session,
                row,
                digest,
                now,
                [(o.uid, o.start, o.end, o.summary, o.organizer, o.attendees) for o in occurrences],
            )
        return SourceRead(name, "read", len(occurrences))

    # -- meetings --------------------------------------------------------------------

    def meetings(self, first: dt.date, last: dt.date) -> list[Meeting]:
        """Meetings that start from ``first`` 00:00 to ``last`` 24:00 local time, declined
        ones left out, by start then summary; times in the local zone."""
        with self._journal.reading() as conn:
            return meetings_in(conn, first, last)


def meetings_in(conn: Connection, first: dt.date, last: dt.date) -> list[Meeting]:
    """:meth:`CalendarOps.meetings` read on ``conn`` (Today reads it on the journal's own
    connection, before the first paint)."""
    start = dt.datetime.combine(first, dt.time()).astimezone()
    stop = dt.datetime.combine(last + dt.timedelta(days=1), dt.time()).astimezone()
    found_rows = stored.meetings_between(conn, start, stop)
    if not found_rows:
        return []
    emails = stored_settings.values(conn, (setting_values.MY_EMAILS_KEY,))
    my_emails = setting_values.my_emails(emails.get(setting_values.MY_EMAILS_KEY))
    matcher = PeopleMatcher(people_reads.everyone(conn), my_emails)
    found = []
    for row in found_rows:
        if declined(row.attendees, my_emails):
            continue
        people, one_on_one = matcher.match(row.summary, row.organizer, row.attendees)
        found.append(
            Meeting(
                start=row.start.astimezone(),
                end=row.end.astimezone(),
                summary=row.summary,
                uid=row.uid,
                one_on_one=one_on_one,
                people=people,
                source=row.source,
            )
        )
    return found
