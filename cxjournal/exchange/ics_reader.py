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
from collections.abc import Iterable, Iterator
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
#: A content line with no parameters: its name and the colon (RFC 5545 3.1).
_HEAD = re.compile(r"([A-Za-z0-9-]+):")
#: Properties the walk looks at; every other property of an event is kept as written.
_STRUCTURAL = _DATE_PROPERTIES | {"BEGIN", "END", "RRULE", "UID"}
#: A UTC or floating date-time or a date whose fields are in range; days past the 28th
#: are checked against their month.
_PLAIN_DATE = re.compile(
    r"\d{4}(?:0[1-9]|1[0-2])(?:0[1-9]|1\d|2[0-8])(?:T(?:[01]\d|2[0-3])[0-5]\d[0-5]\dZ?)?"
)


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
    if _PLAIN_DATE.fullmatch(value):
        return  # the common case: one date-time, nothing to construct
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
            # icalendar leaves from_ical unannotated
            vDDDTypes.from_ical(item, timezone=params.get("TZID"))  # type: ignore[no-untyped-call]
        except Exception:
            raise IcsError(number, f"{name} {item!r} is not a date or time") from None


def _lines(text: str) -> Iterable[tuple[int, str]]:
    """The file's physical lines, numbered, when none is folded (the common case), else
    its unfolded logical lines with the number each starts on."""
    physical = text.splitlines()
    if any(line[:1] in (" ", "\t") for line in physical):
        return list(_logical_lines(text))
    return enumerate(physical, start=1)


def _walk(text: str) -> tuple[list[str], list[_Block]]:
    """Check every line (raising :class:`IcsError` at the first fault); return the lines
    outside events and each event's block.

    One pass over the lines: a line with no parameters (most of them) is split by one
    regular-expression match, and only the properties that decide structure, dates or
    recurrence are looked at further.
    """
    from icalendar.prop import vRecur

    if not text.strip():
        raise IcsError(1, "the file is empty")
    stack: list[str] = []
    seen_any = False
    outside: list[str] = []
    blocks: list[_Block] = []
    block: _Block | None = None
    head = _HEAD.match
    structural = _STRUCTURAL
    numbered = _lines(text)
    for number, line in numbered:
        simple = head(line)
        if simple is not None and seen_any:
            name = simple.group(1).upper()
            if block is not None and name not in structural:
                block.lines.append(line)  # a plain property of an event: nothing to check
                continue
            params: dict[str, str] = {}
            value = line[simple.end() :]
        else:
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


#: Properties that make an event more than one plain meeting; such an event is read by
#: ``icalendar`` and ``recurring-ical-events``.
_NOT_PLAIN = frozenset({"BEGIN", "DURATION", "RRULE", "RDATE", "EXDATE", "RECURRENCE-ID"})
_UTC_TIME = re.compile(r"(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z")
#: What :func:`_plain` returns for an event that is not a meeting (cancelled).
_NOT_A_MEETING = None


class _NotPlain(Exception):
    """The event needs the full parser."""


def _plain_time(value: str) -> dt.datetime:
    match = _UTC_TIME.fullmatch(value)
    if match is None:
        raise _NotPlain
    y, mo, d, h, mi, sec = (int(part) for part in match.groups())
    if sec > 59:
        raise _NotPlain  # a leap second: as the full parser reads it
    return dt.datetime(y, mo, d, h, mi, sec, tzinfo=dt.UTC)


def _plain(block: _Block) -> Occurrence | None:
    """The meeting of a one-off event written plainly (UTC times, no escapes, nothing that
    recurs, repeats or nests), read straight from its lines exactly as the full parser reads
    it; :class:`_NotPlain` for any other event. ``None`` for a cancelled one."""
    seen: dict[str, str] = {}
    attendees: list[tuple[str, str]] = []
    for line in block.lines[1:-1]:
        simple = _HEAD.match(line)
        params: dict[str, str] = {}
        if simple is not None:
            name, value = simple.group(1).upper(), line[simple.end() :]
        else:
            name, params, value = _split(line, 0)
        if name in _NOT_PLAIN or "\\" in value:
            raise _NotPlain
        if name == "ATTENDEE":
            address = _address(value)
            partstat = params.get("PARTSTAT", "NEEDS-ACTION")
            if "," in partstat:
                raise _NotPlain
            if address:
                attendees.append((address, partstat.upper()))
            continue
        if name in ("DTSTART", "DTEND", "SUMMARY", "UID", "STATUS", "ORGANIZER"):
            if name in seen or (params and name != "ORGANIZER"):
                raise _NotPlain
            seen[name] = value
    if "DTSTART" not in seen or not seen.get("UID"):
        raise _NotPlain
    start = _plain_time(seen["DTSTART"])
    end = _plain_time(seen["DTEND"]) if "DTEND" in seen else start
    if end < start:
        raise _NotPlain
    if seen.get("STATUS", "").upper() == "CANCELLED":
        return _NOT_A_MEETING
    return Occurrence(
        uid=seen["UID"],
        start=start,
        end=end,
        summary=" ".join(seen.get("SUMMARY", "").split()),
        organizer=_address(seen.get("ORGANIZER")),
        attendees=tuple(attendees),
    )


def _read_plainly(
    blocks: list[_Block], everything: list[_Block]
) -> tuple[list[Occurrence], list[_Block]]:
    """The meetings of the plain one-off events among ``blocks`` (each UID once in the whole
    file), and the blocks left for the full parser."""
    counts: dict[str, int] = {}
    for block in everything:
        counts[block.uid] = counts.get(block.uid, 0) + 1
    found: list[Occurrence] = []
    rest: list[_Block] = []
    for block in blocks:
        if block.recurs or counts.get(block.uid, 0) != 1:
            rest.append(block)
            continue
        try:
            occurrence = _plain(block)
        except _NotPlain:
            rest.append(block)
            continue
        if occurrence is not None:
            found.append(occurrence)
    return found, rest


@dataclass(frozen=True, slots=True)
class IcsRead:
    """The meetings of a file, and how much work reading it took (for the size tests)."""

    occurrences: list[Occurrence]
    events_in_file: int
    events_parsed: int


def read_ics(data: bytes, now: dt.datetime, *, plainly: bool = True) -> IcsRead:
    """The file's meetings from ``HISTORY`` before ``now`` to ``HORIZON`` after it, by start
    then summary. Only the events that can fall in that window are parsed; plain one-off
    events are read from their lines (``plainly``), the rest by the full parser.

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
    found: list[Occurrence] = []
    rest = kept
    if plainly:
        plain, rest = _read_plainly(kept, blocks)
        found.extend(o for o in plain if start <= o.start < stop)
    if rest or not plainly:
        found.extend(_parse(text, outside, rest, start, stop))
    found.sort(key=lambda o: (o.start, o.summary, o.uid))
    return IcsRead(found, len(blocks), len(kept))


def _parse(
    text: str, outside: list[str], kept: list[_Block], start: dt.datetime, stop: dt.datetime
) -> list[Occurrence]:
    """The meetings of ``kept`` (with the lines outside events) by the full parser."""
    lines: list[str] = []
    at = 0
    for block in kept:
        lines.extend(outside[at : block.at])
        at = block.at
        lines.extend(block.lines)
    lines.extend(outside[at:])
    import icalendar
    import recurring_ical_events

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
    return found


def _first_event_line(text: str) -> int:
    for number, line in _logical_lines(text):
        if line.strip().upper() == "BEGIN:VEVENT":
            return number
    return 1
