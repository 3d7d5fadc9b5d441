"""Meetings from the user's calendars and who they are with (spec/calendar.md).

Pure rules: which of the journal's people an occurrence is with (by address,
else by full name in the summary), whether the user declined it, whether it
is a 1:1, and the JSON of ``cxjournal meetings --json``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from cxjournal.domain.model import Person
from cxjournal.domain.validation import email_key
from cxjournal.domain.wording import short_date


@dataclass(frozen=True, slots=True)
class CalendarSource:
    """A registered .ics file: when it was last read, whether it is gone, its meetings."""

    id: int
    path: str
    read_at: str | None
    missing: bool
    meeting_count: int

    def to_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "read_at": self.read_at,
            "missing": self.missing,
            "meetings": self.meeting_count,
        }


@dataclass(frozen=True, slots=True)
class SourceRead:
    """What reading one source did: ``read``, ``unchanged`` or ``missing`` (events kept)."""

    path: str
    outcome: str
    meeting_count: int

    def describe(self) -> str:
        if self.outcome == "missing":
            return (
                f"{self.path}: the file is gone; its {self.meeting_count} meetings are kept "
                "until it is back or the calendar is removed"
            )
        if self.outcome == "unchanged":
            return f"{self.path}: unchanged ({self.meeting_count} meetings)"
        return f"{self.path}: {self.meeting_count} meetings read"


@dataclass(frozen=True, slots=True)
class Meeting:
    """One occurrence of a meeting, in local time, with the people it is with."""

    start: dt.datetime
    end: dt.datetime
    summary: str
    uid: str
    one_on_one: bool
    people: tuple[Person, ...]
    source: str

    def to_json(self) -> dict[str, Any]:
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "summary": self.summary,
            "uid": self.uid,
            "one_on_one": self.one_on_one,
            "people": [{"id": p.id, "name": p.name} for p in self.people],
            "source": self.source,
        }


def declined(attendees: Iterable[tuple[str, str]], my_emails: Iterable[str]) -> bool:
    """True when one of the user's own addresses answered DECLINED."""
    mine = {email_key(e) for e in my_emails}
    return any(email_key(address) in mine and answer == "DECLINED" for address, answer in attendees)


def _name_pattern(name: str) -> re.Pattern[str] | None:
    words = name.split()
    if not words:
        return None
    body = r"\s+".join(re.escape(word) for word in words)
    return re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE)


class PeopleMatcher:
    """Matches occurrences to the journal's active people; build once per listing."""

    def __init__(self, people: Sequence[Person], my_emails: Iterable[str]) -> None:
        self._mine = {email_key(e) for e in my_emails}
        active = [p for p in people if not p.archived and p.id is not None]
        self._by_address: dict[str, list[Person]] = {}
        for person in active:
            for email in person.emails:
                self._by_address.setdefault(email_key(email), []).append(person)
        self._by_name = [
            (person, pattern)
            for person in active
            if (pattern := _name_pattern(person.name)) is not None
        ]

    def match(
        self, summary: str, organizer: str, attendees: Sequence[tuple[str, str]]
    ) -> tuple[tuple[Person, ...], bool]:
        """The occurrence's people (by name, then id) and whether it is a 1:1."""
        addresses = [email_key(a) for a in (organizer, *(address for address, _ in attendees))]
        found: dict[int, Person] = {}
        for address in addresses:
            if address and address not in self._mine:
                for person in self._by_address.get(address, ()):
                    assert person.id is not None
                    found[person.id] = person
        if not found:
            for person, pattern in self._by_name:
                if pattern.search(summary):
                    assert person.id is not None
                    found[person.id] = person
        people = tuple(sorted(found.values(), key=lambda p: (p.name.casefold(), p.id or 0)))
        # no attendees: the user alone
        participants = len({a for a in addresses if a}) if attendees else 1
        return people, len(people) == 1 and participants <= 2


def meeting_time(meeting: Meeting, today: dt.date) -> str:
    """ "Today 10:00-10:30", "Tomorrow 09:00-09:15" or "Thu 3 Dec 10:00-10:30"."""
    day = meeting.start.date()
    if day == today:
        label = "Today"
    elif day == today + dt.timedelta(days=1):
        label = "Tomorrow"
    else:
        label = short_date(day, weekday=True, today=today)
    return f"{label} {meeting.start:%H:%M}-{meeting.end:%H:%M}"


def todays_meetings(
    meetings: Sequence[Meeting], today: dt.date
) -> tuple[list[Meeting], list[Meeting]]:
    """What Today shows: the 1:1s of today and tomorrow, and the other meetings of those
    days with a key stakeholder (spec/calendar.md, "What meetings drive")."""
    days = (today, today + dt.timedelta(days=1))
    shown = [m for m in meetings if m.start.date() in days and m.people]
    one_on_ones = [m for m in shown if m.one_on_one]
    with_key = [m for m in shown if not m.one_on_one and any(p.key_stakeholder for p in m.people)]
    return one_on_ones, with_key
