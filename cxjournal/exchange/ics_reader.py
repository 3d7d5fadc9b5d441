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

#: Meetings are kept from this long before a read to ``HORIZON`` after it: enough for
#: "Log the 1:1" and two months of looking back, while ten years of a busy calendar read fast.
HISTORY = dt.timedelta(days=62)
HORIZON = dt.timedelta(days=400)

_NAME = re.compile(r"[A-Za-z0-9-]+")
_PARAM_VALUE = re.compile(r'"[^"]*"|[^";:,]*')
_DATE_PROPERTIES = frozenset({"DTSTART", "DTEND", "RECURRENCE-ID", "EXDATE", "RDATE"})
_SIMPLE_DATE = re.compile(r"\d{8}(T\d{6}Z?)?")


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
    colon, semi = line.find(":"), line.find(";")
    if colon > 0 and not 0 <= semi < colon and _NAME.fullmatch(line, 0, colon):
        return line[:colon].upper(), {}, line[colon + 1 :]  # the common case: no parameters
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


@dataclass(slots=True)
class _Block:
    """One VEVENT's lines as written, and what decides whether it needs parsing."""

    lines: list[str]
    at: int  # how many lines outside events come before it
    uid: str = ""
    day: str = ""  # YYYYMMDD of DTSTART as written
    recurs: bool = False


def _check_date(name: str, params: dict[str, str], value: str, number: int) -> None:
    from icalendar.prop import vDDDTypes

    for item in value.split(","):
        item = item.strip()
        simple = _SIMPLE_DATE.fullmatch(item)
        if simple:
            try:
                dt.date(int(item[:4]), int(item[4:6]), int(item[6:8]))
                if simple.group(1):
                    dt.time(int(item[9:11]), int(item[11:13]), min(int(item[13:15]), 59))
                continue
            except ValueError:
                raise IcsError(number, f"{name} {item!r} is not a date or time") from None
        try:
            vDDDTypes.from_ical(item, timezone=params.get("TZID"))  # type: ignore[no-untyped-call]
        except Exception:
            raise IcsError(number, f"{name} {item!r} is not a date or time") from None


def _walk(text: str) -> tuple[list[str], list[_Block]]:
    """Check every line (raising :class:`IcsError` at the first fault); return the lines
    outside events and each event's block."""
    from icalendar.prop import vRecur

    if not text.strip():
        raise IcsError(1, "the file is empty")
    stack: list[str] = []
    seen_any = False
    outside: list[str] = []
    blocks: list[_Block] = []
    block: _Block | None = None
    for number, line in _logical_lines(text):
        if not line.strip():
            continue
        if not seen_any and line.strip().upper() != "BEGIN:VCALENDAR":
            raise IcsError(number, "an iCalendar file begins with BEGIN:VCALENDAR")
        name, params, value = _split(line, number)
        seen_any = True
        in_event = block is not None and stack[-1] == "VEVENT"
        if name == "BEGIN":
            stack.append(value.strip().upper())
            if stack[-1] == "VEVENT" and block is None:
                block = _Block([], len(outside))
        elif name == "END":
            if not stack or stack[-1] != value.strip().upper():
                expected = f"END:{stack[-1]}" if stack else "nothing more"
                raise IcsError(number, f"END:{value.strip()} where {expected} was expected")
            stack.pop()
            if not stack:
                seen_any = False  # another VCALENDAR may follow
        elif not stack:
            raise IcsError(number, f"{name} outside BEGIN:VCALENDAR ... END:VCALENDAR")
        elif in_event and name in _DATE_PROPERTIES:
            if params.get("VALUE", "").upper() != "PERIOD":
                _check_date(name, params, value, number)
            if name == "DTSTART" and block is not None:
                block.day = value.strip()[:8]
            elif name in ("RDATE", "RECURRENCE-ID") and block is not None:
                block.recurs = True
        elif in_event and name == "RRULE":
            try:
                vRecur.from_ical(value)
            except Exception:
                raise IcsError(number, f"RRULE {value!r} is not a recurrence rule") from None
            if block is not None:
                block.recurs = True
        elif in_event and name == "UID" and block is not None:
            block.uid = value.strip()
        if block is not None:
            block.lines.append(line)
            if name == "END" and "VEVENT" not in stack:
                blocks.append(block)
                block = None
        else:
            outside.append(line)
    if stack:
        raise IcsError(len(text.splitlines()) or 1, f"the file ends before END:{stack[-1]}")
    return outside, blocks


def check_ics(text: str) -> None:
    """Raise :class:`IcsError` naming the first line that is not valid iCalendar."""
    _walk(text)


def _within(blocks: list[_Block], first: dt.date, last: dt.date) -> list[_Block]:
    """The events that may have an occurrence from ``first`` to ``last``: every event of a
    recurring series, and one-off events whose written start day is in range (a day of
    margin either side covers any time zone)."""
    series = {b.uid for b in blocks if b.recurs}
    low = (first - dt.timedelta(days=2)).strftime("%Y%m%d")
    high = (last + dt.timedelta(days=2)).strftime("%Y%m%d")
    return [b for b in blocks if b.uid in series or not b.day or low <= b.day <= high]


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


@dataclass(frozen=True, slots=True)
class IcsRead:
    """The meetings of a file, and how much work reading it took (for the size tests)."""

    occurrences: list[Occurrence]
    events_in_file: int
    events_parsed: int


def read_ics(data: bytes, now: dt.datetime) -> IcsRead:
    """The file's meetings from ``HISTORY`` before ``now`` to ``HORIZON`` after it, by start
    then summary. Only the events that can fall in that window are parsed.

    Raises :class:`IcsError` for a file that is not valid iCalendar.
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise IcsError(line, "this line is not UTF-8 text") from None
    outside, blocks = _walk(text)
    start = now.astimezone(dt.UTC) - HISTORY
    stop = now.astimezone(dt.UTC) + HORIZON
    kept = _within(blocks, start.date(), stop.date())
    lines: list[str] = []
    at = 0
    for block in kept:
        lines.extend(outside[at : block.at])
        at = block.at
        lines.extend(block.lines)
    lines.extend(outside[at:])
    import icalendar
    import recurring_ical_events  # type: ignore[import-untyped]

    try:
        calendars = icalendar.Calendar.from_ical("\r\n".join(lines) + "\r\n", multiple=True)
    except ValueError as exc:
        raise IcsError(_first_event_line(text), f"not readable as iCalendar ({exc})") from None
    found: list[Occurrence] = []
    for calendar in calendars:
        try:
            for event in recurring_ical_events.of(calendar).between(start, stop):
                occurrence = _occurrence(event)
                if occurrence is not None and start <= occurrence.start < stop:
                    found.append(occurrence)
        except (ValueError, TypeError, KeyError) as exc:
            raise IcsError(_first_event_line(text), f"an event cannot be read ({exc})") from None
    found.sort(key=lambda o: (o.start, o.summary, o.uid))
    return IcsRead(found, len(blocks), len(kept))


def _first_event_line(text: str) -> int:
    for number, line in _logical_lines(text):
        if line.strip().upper() == "BEGIN:VEVENT":
            return number
    return 1
