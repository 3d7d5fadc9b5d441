"""Reading an iCalendar (.ics) file into the meetings it holds (spec/calendar.md).

Qt-free, and imported only when a calendar is read (never on the start-up
path). :func:`check_ics` walks the file's lines first, so a file that is not
valid iCalendar is refused with the number of the line at fault before
anything is parsed; :func:`read_ics` then expands recurrences with
``recurring-ical-events`` (RRULE, RDATE, EXDATE, RECURRENCE-ID) in one call
and keeps what the spec calls meetings: not cancelled, not all-day, with a
start and an end. Whether the user declined depends on their addresses, so
each occurrence keeps its attendees' answers and the journal decides.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

#: How far past the read recurrences without an end are expanded.
HORIZON = dt.timedelta(days=400)
_EARLIEST = dt.datetime(1900, 1, 1, tzinfo=dt.UTC)

_NAME = re.compile(r"[A-Za-z0-9-]+")
_PARAM_VALUE = re.compile(r'"[^"]*"|[^";:,]*')
_DATE_PROPERTIES = frozenset({"DTSTART", "DTEND", "RECURRENCE-ID", "EXDATE", "RDATE"})


class IcsError(ValueError):
    """The file is not valid iCalendar; ``line`` is the 1-based line at fault."""

    def __init__(self, line: int, problem: str) -> None:
        self.line = line
        self.problem = problem
        super().__init__(f"line {line}: {problem}")


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One meeting of a calendar, times aware and in UTC, addresses in lower case."""

    uid: str
    start: dt.datetime
    end: dt.datetime
    summary: str
    organizer: str
    #: (address, PARTSTAT) of every attendee with a mailto: address.
    attendees: tuple[tuple[str, str], ...]


def _logical_lines(text: str) -> Iterator[tuple[int, str]]:
    """Unfolded content lines with the number of the physical line each starts on."""
    number, current = 0, None
    for physical, line in enumerate(text.splitlines(), start=1):
        if line[:1] in (" ", "\t") and current is not None:
            current += line[1:]
            continue
        if current is not None:
            yield number, current
        number, current = physical, line
    if current is not None:
        yield number, current


def _split(line: str, number: int) -> tuple[str, dict[str, str], str]:
    """Name, parameters and value of one content line (RFC 5545 3.1)."""
    match = _NAME.match(line)
    if match is None:
        raise IcsError(number, f"{line[:40]!r} is not an iCalendar content line")
    name, at, params = match.group().upper(), match.end(), {}
    while at < len(line) and line[at] == ";":
        key = _NAME.match(line, at + 1)
        if key is None or line[key.end() : key.end() + 1] != "=":
            raise IcsError(number, f"a parameter of {name} is not NAME=value")
        at = key.end() + 1
        values = []
        while True:
            value = _PARAM_VALUE.match(line, at)
            assert value is not None  # the pattern matches the empty string
            values.append(value.group().strip('"'))
            at = value.end()
            if line[at : at + 1] != ",":
                break
            at += 1
        params[key.group().upper()] = ",".join(values)
    if line[at : at + 1] != ":":
        raise IcsError(number, f"{name} has no ':' before its value")
    return name, params, line[at + 1 :]


def check_ics(text: str) -> None:
    """Raise :class:`IcsError` naming the first line that is not valid iCalendar."""
    from icalendar.prop import vDDDTypes, vRecur

    stack: list[str] = []
    seen_any = False
    for number, line in _logical_lines(text):
        if not line.strip():
            continue
        if not seen_any and line.strip().upper() != "BEGIN:VCALENDAR":
            raise IcsError(number, "an iCalendar file begins with BEGIN:VCALENDAR")
        name, params, value = _split(line, number)
        seen_any = True
        if name == "BEGIN":
            stack.append(value.strip().upper())
        elif name == "END":
            if not stack or stack[-1] != value.strip().upper():
                expected = f"END:{stack[-1]}" if stack else "nothing more"
                raise IcsError(number, f"END:{value.strip()} where {expected} was expected")
            stack.pop()
            if not stack:
                seen_any = False  # another VCALENDAR may follow
        elif not stack:
            raise IcsError(number, f"{name} outside BEGIN:VCALENDAR ... END:VCALENDAR")
        elif stack[-1] == "VEVENT" and name in _DATE_PROPERTIES:
            if params.get("VALUE", "").upper() == "PERIOD":
                continue
            for item in value.split(","):
                try:
                    vDDDTypes.from_ical(item.strip(), timezone=params.get("TZID"))
                except Exception:
                    raise IcsError(number, f"{name} {item.strip()!r} is not a date or time") from None
        elif stack[-1] == "VEVENT" and name == "RRULE":
            try:
                vRecur.from_ical(value)
            except Exception:
                raise IcsError(number, f"RRULE {value!r} is not a recurrence rule") from None
    if stack:
        raise IcsError(
            len(text.splitlines()) or 1, f"the file ends before END:{stack[-1]}"
        )
    if not text.strip():
        raise IcsError(1, "the file is empty")


def _address(value: Any) -> str:
    text = str(value or "").strip()
    if text.lower().startswith("mailto:"):
        text = text[7:]
    return text.strip().lower() if "@" in text else ""


def _utc(value: dt.datetime) -> dt.datetime:
    """Aware UTC; a floating time is local time (the ``TZ`` environment decides)."""
    return value.astimezone(dt.UTC)


def _occurrence(event: Any) -> Occurrence | None:
    if str(event.get("STATUS", "")).upper() == "CANCELLED":
        return None
    start_prop = event.get("DTSTART")
    if start_prop is None:
        return None
    start = start_prop.dt
    if not isinstance(start, dt.datetime):
        return None  # all-day
    end_prop = event.get("DTEND")
    if end_prop is not None and isinstance(end_prop.dt, dt.datetime):
        end = end_prop.dt
    elif event.get("DURATION") is not None:
        end = start + event.get("DURATION").dt
    else:
        end = start
    raw = event.get("ATTENDEE")
    attendees = raw if isinstance(raw, list) else ([raw] if raw is not None else [])
    answers = []
    for attendee in attendees:
        address = _address(attendee)
        if address:
            answers.append((address, str(attendee.params.get("PARTSTAT", "NEEDS-ACTION")).upper()))
    return Occurrence(
        uid=str(event.get("UID", "")),
        start=_utc(start),
        end=max(_utc(end), _utc(start)),
        summary=" ".join(str(event.get("SUMMARY", "")).split()),
        organizer=_address(event.get("ORGANIZER")),
        attendees=tuple(answers),
    )


def read_ics(data: bytes, now: dt.datetime) -> list[Occurrence]:
    """Every meeting of the file up to ``HORIZON`` past ``now``, by start then summary.

    Raises :class:`IcsError` for a file that is not valid iCalendar.
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise IcsError(line, "this line is not UTF-8 text") from None
    check_ics(text)
    import icalendar
    import recurring_ical_events

    try:
        calendars = icalendar.Calendar.from_ical(text, multiple=True)
    except ValueError as exc:
        raise IcsError(1, f"not readable as iCalendar ({exc})") from None
    stop = now.astimezone(dt.UTC) + HORIZON
    found: list[Occurrence] = []
    for calendar in calendars:
        try:
            events = recurring_ical_events.of(calendar).between(_EARLIEST, stop)
            for event in events:
                occurrence = _occurrence(event)
                if occurrence is not None:
                    found.append(occurrence)
        except (ValueError, TypeError, KeyError) as exc:
            raise IcsError(_first_event_line(text), f"an event cannot be read ({exc})") from None
    found.sort(key=lambda o: (o.start, o.summary, o.uid))
    return found


def _first_event_line(text: str) -> int:
    for number, line in _logical_lines(text):
        if line.strip().upper() == "BEGIN:VEVENT":
            return number
    return 1
