"""Calendar sources and meetings on real .ics files and a real journal (spec/calendar.md)."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from cxjournal.domain.errors import ValidationError
from cxjournal.domain.model import Person
from cxjournal.journal import Journal

NOW = dt.datetime(2026, 12, 1, 8, 0, tzinfo=dt.UTC)


@pytest.fixture
def zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Local time is Europe/Lisbon (UTC+0 in winter, +1 in summer) unless a test says else."""
    monkeypatch.setenv("TZ", "Europe/Lisbon")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def set_zone(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    monkeypatch.setenv("TZ", name)
    time.tzset()


def ics(*events: str, header: str = "") -> str:
    body = "".join(events)
    return (
        f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n{header}{body}END:VCALENDAR\r\n"
    )


def event(uid: str, start: str, end: str, summary: str, *extra: str) -> str:
    lines = [
        "BEGIN:VEVENT",
        f"UID:{uid}",
        "DTSTAMP:20261101T000000Z",
        start if ":" in start else f"DTSTART:{start}",
        end if ":" in end else f"DTEND:{end}",
        f"SUMMARY:{summary}",
        *extra,
        "END:VEVENT",
    ]
    return "\r\n".join(lines) + "\r\n"


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8", newline="")
    return path


@pytest.fixture
def people(journal: Journal) -> dict[str, Person]:
    journal.settings.set_my_emails(["me@example.com"])
    ana = journal.people.add(Person(name="Ana Silva", emails=("ana@example.com",)))
    jo = journal.people.add(Person(name="Jo Park", key_stakeholder=True))
    old = journal.people.add(Person(name="Old Friend", emails=("old@example.com",)))
    journal.people.set_archived(old.id or 0, True)
    return {"ana": ana, "jo": jo}


def starts(journal: Journal, first: dt.date, last: dt.date) -> list[str]:
    return [m.start.isoformat() for m in journal.calendar.meetings(first, last)]


D = dt.date


def test_weekly_recurrence_with_exdate_and_moved_instance(
    zone: None, journal: Journal, tmp_path: Path
) -> None:
    path = write(
        tmp_path / "work.ics",
        ics(
            event(
                "weekly@x",
                "DTSTART;TZID=Europe/Lisbon:20261103T100000",
                "DTEND;TZID=Europe/Lisbon:20261103T103000",
                "Ana / me weekly",
                "RRULE:FREQ=WEEKLY;COUNT=5",
                "EXDATE;TZID=Europe/Lisbon:20261110T100000",
            ),
            event(
                "weekly@x",
                "DTSTART;TZID=Europe/Lisbon:20261118T150000",
                "DTEND;TZID=Europe/Lisbon:20261118T153000",
                "Ana / me weekly (moved)",
                "RECURRENCE-ID;TZID=Europe/Lisbon:20261117T100000",
            ),
        ),
    )
    result = journal.calendar.add(path, now=NOW)
    assert (result.outcome, result.meeting_count) == ("read", 4)
    assert starts(journal, D(2026, 11, 1), D(2026, 12, 31)) == [
        "2026-11-03T10:00:00+00:00",
        "2026-11-18T15:00:00+00:00",
        "2026-11-24T10:00:00+00:00",
        "2026-12-01T10:00:00+00:00",
    ]


def test_cancelled_all_day_and_declined_are_not_meetings(
    zone: None, journal: Journal, people: dict[str, Person], tmp_path: Path
) -> None:
    path = write(
        tmp_path / "work.ics",
        ics(
            event("kept@x", "20261203T100000Z", "20261203T110000Z", "Kept"),
            event("gone@x", "20261203T120000Z", "20261203T130000Z", "Gone", "STATUS:CANCELLED"),
            event("day@x", "DTSTART;VALUE=DATE:20261203", "DTEND;VALUE=DATE:20261204", "Offsite"),
            event(
                "no@x",
                "20261203T140000Z",
                "20261203T150000Z",
                "Declined",
                "ORGANIZER:mailto:ana@example.com",
                "ATTENDEE;PARTSTAT=DECLINED:mailto:ME@example.com",
            ),
            event(
                "other-declined@x",
                "20261203T160000Z",
                "20261203T170000Z",
                "Ana declined, I go",
                "ATTENDEE;PARTSTAT=DECLINED:mailto:ana@example.com",
                "ATTENDEE;PARTSTAT=ACCEPTED:mailto:me@example.com",
            ),
            event(
                "cancelled-instance@x",
                "20261204T090000Z",
                "20261204T093000Z",
                "Daily",
                "RRULE:FREQ=DAILY;COUNT=3",
            ),
            event(
                "cancelled-instance@x",
                "20261205T090000Z",
                "20261205T093000Z",
                "Daily",
                "RECURRENCE-ID:20261205T090000Z",
                "STATUS:CANCELLED",
            ),
        ),
    )
    journal.calendar.add(path, now=NOW)
    found = journal.calendar.meetings(D(2026, 12, 3), D(2026, 12, 6))
    assert [(m.summary, m.start.day) for m in found] == [
        ("Kept", 3),
        ("Ana declined, I go", 3),
        ("Daily", 4),
        ("Daily", 6),
    ]


def test_time_zones_floating_and_x_wr_timezone(
    monkeypatch: pytest.MonkeyPatch, journal: Journal, tmp_path: Path
) -> None:
    set_zone(monkeypatch, "America/New_York")
    vtimezone = (
        "BEGIN:VTIMEZONE\r\nTZID:Custom Tokyo\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\n"
        "TZOFFSETFROM:+0900\r\nTZOFFSETTO:+0900\r\nTZNAME:JST\r\nEND:STANDARD\r\n"
        "END:VTIMEZONE\r\n"
    )
    plain = write(
        tmp_path / "plain.ics",
        ics(
            event(
                "tokyo@x",
                "DTSTART;TZID=Custom Tokyo:20261203T090000",
                "DTEND;TZID=Custom Tokyo:20261203T100000",
                "Tokyo",
            ),
            event("utc@x", "20261203T150000Z", "20261203T160000Z", "In UTC"),
            event("floating@x", "20261203T110000", "20261203T113000", "Floating"),
            header=vtimezone,
        ),
    )
    wr = write(
        tmp_path / "wr.ics",
        ics(
            event("berlin@x", "20261203T120000", "20261203T130000", "Floating in Berlin"),
            header="X-WR-TIMEZONE:Europe/Berlin\r\n",
        ),
    )
    journal.calendar.add(plain, now=NOW)
    journal.calendar.add(wr, now=NOW)
    found = journal.calendar.meetings(D(2026, 12, 2), D(2026, 12, 3))
    assert [(m.summary, m.start.isoformat(), m.end.isoformat()) for m in found] == [
        ("Tokyo", "2026-12-02T19:00:00-05:00", "2026-12-02T20:00:00-05:00"),
        ("Floating in Berlin", "2026-12-03T06:00:00-05:00", "2026-12-03T07:00:00-05:00"),
        ("In UTC", "2026-12-03T10:00:00-05:00", "2026-12-03T11:00:00-05:00"),
        ("Floating", "2026-12-03T11:00:00-05:00", "2026-12-03T11:30:00-05:00"),
    ]
    set_zone(monkeypatch, "Asia/Kolkata")  # the output follows TZ
    found = journal.calendar.meetings(D(2026, 12, 3), D(2026, 12, 3))
    assert ("In UTC", "2026-12-03T20:30:00+05:30") in [
        (m.summary, m.start.isoformat()) for m in found
    ]


def test_daylight_saving_keeps_the_wall_clock_of_a_series(
    zone: None, journal: Journal, tmp_path: Path
) -> None:
    path = write(
        tmp_path / "dst.ics",
        ics(
            event(
                "dst@x",
                "DTSTART;TZID=Europe/Lisbon:20261020T090000",
                "DTEND;TZID=Europe/Lisbon:20261020T093000",
                "Across the change",
                "RRULE:FREQ=WEEKLY;COUNT=2",
            )
        ),
    )
    journal.calendar.add(path, now=NOW)
    assert starts(journal, D(2026, 10, 1), D(2026, 10, 31)) == [
        "2026-10-20T09:00:00+01:00",
        "2026-10-27T09:00:00+00:00",
    ]


def test_matching_by_address_else_by_name_and_the_one_on_one_rule(
    zone: None, journal: Journal, people: dict[str, Person], tmp_path: Path
) -> None:
    path = write(
        tmp_path / "work.ics",
        ics(
            event(
                "a@x",
                "20261203T090000Z",
                "20261203T093000Z",
                "Weekly catch-up",
                "ORGANIZER:mailto:Ana@Example.com",
                "ATTENDEE:mailto:me@example.com",
            ),
            event(
                "b@x",
                "20261203T100000Z",
                "20261203T103000Z",
                "Coffee with jo park",
            ),
            event(
                "c@x",
                "20261203T110000Z",
                "20261203T120000Z",
                "Planning with Jo Park",
                "ORGANIZER:mailto:me@example.com",
                "ATTENDEE:mailto:ana@example.com",
                "ATTENDEE:mailto:me@example.com",
                "ATTENDEE:mailto:third@example.com",
            ),
            event("d@x", "20261203T130000Z", "20261203T133000Z", "Jo Parker intro"),
            event(
                "e@x",
                "20261203T140000Z",
                "20261203T143000Z",
                "Old Friend catch-up",
                "ATTENDEE:mailto:old@example.com",
            ),
        ),
    )
    journal.calendar.add(path, now=NOW)
    found = journal.calendar.meetings(D(2026, 12, 3), D(2026, 12, 3))
    assert [(m.summary, [p.name for p in m.people], m.one_on_one) for m in found] == [
        ("Weekly catch-up", ["Ana Silva"], True),
        ("Coffee with jo park", ["Jo Park"], True),
        # the address matched Ana, so the name in the summary is not looked at; 3 people
        ("Planning with Jo Park", ["Ana Silva"], False),
        ("Jo Parker intro", [], False),
        # archived people are not matched, and no name of an active person appears
        ("Old Friend catch-up", [], False),
    ]


def test_listing_window_is_local_days(
    monkeypatch: pytest.MonkeyPatch, journal: Journal, tmp_path: Path
) -> None:
    set_zone(monkeypatch, "Asia/Tokyo")
    path = write(
        tmp_path / "w.ics",
        ics(
            event("early@x", "20261202T150000Z", "20261202T153000Z", "Midnight in Tokyo"),
            event("late@x", "20261203T145959Z", "20261203T150000Z", "Last second"),
            event("next@x", "20261203T150000Z", "20261203T153000Z", "Next day"),
        ),
    )
    journal.calendar.add(path, now=NOW)
    assert [m.summary for m in journal.calendar.meetings(D(2026, 12, 3), D(2026, 12, 3))] == [
        "Midnight in Tokyo",
        "Last second",
    ]


def _meeting_rows(journal: Journal) -> list[tuple[object, ...]]:
    from sqlalchemy import text

    with journal.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text("SELECT * FROM meetings ORDER BY id"))]


def test_same_file_twice_changes_nothing_and_a_change_replaces_everything(
    zone: None, journal: Journal, tmp_path: Path
) -> None:
    path = write(tmp_path / "w.ics", ics(event("a@x", "20261203T090000Z", "20261203T100000Z", "A")))
    journal.calendar.add(path, now=NOW)
    before = _meeting_rows(journal)
    sources = journal.calendar.sources()
    again = journal.calendar.read(path, now=NOW + dt.timedelta(hours=1))
    assert again.outcome == "unchanged"
    assert _meeting_rows(journal) == before and journal.calendar.sources() == sources
    write(path, ics(event("b@x", "20261204T090000Z", "20261204T100000Z", "B")))
    assert journal.calendar.read(path, now=NOW).outcome == "read"
    assert [row[2] for row in _meeting_rows(journal)] == ["b@x"]


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("not a calendar\r\n", 1, "BEGIN:VCALENDAR"),
        (
            ics(event("a@x", "20261203T090000Z", "20261203T100000Z", "A")).replace(
                "SUMMARY:A", "SUMMARY A"
            ),
            9,
            "SUMMARY",
        ),
        # a folded line counts as the line it starts on; the next one is numbered as in the file
        (
            ics(
                event(
                    "a@x",
                    "20261203T090000Z",
                    "20261203T100000Z",
                    "A",
                    "DESCRIPTION:a long",
                    " text folded",
                    "X-BROKEN",
                )
            ),
            12,
            "X-BROKEN",
        ),
        (
            ics(event("a@x", "20261203T090000Z", "20261203T100000Z", "A")).replace(
                "DTEND:20261203T100000Z", "DTEND:2026-12-03 at ten"
            ),
            8,
            "DTEND",
        ),
        (
            ics(event("a@x", "20261203T090000Z", "20261203T100000Z", "A", "RRULE:FREQ=SOMETIMES")),
            10,
            "RRULE",
        ),
        (
            ics(event("a@x", "20261203T090000Z", "20261203T100000Z", "A")).replace(
                "END:VEVENT", "END:VTODO"
            ),
            10,
            "END:VTODO",
        ),
        (
            ics(event("a@x", "20261203T090000Z", "20261203T100000Z", "A")).replace(
                "END:VCALENDAR\r\n", ""
            ),
            10,
            "ends before END:VCALENDAR",
        ),
    ],
)
def test_a_malformed_file_is_refused_with_its_line_and_changes_nothing(
    zone: None, journal: Journal, tmp_path: Path, text: str, line: int, words: str
) -> None:
    good = write(
        tmp_path / "good.ics",
        ics(
            event("g@x", "20261203T090000Z", "20261203T1Z", "G").replace(
                "20261203T1Z", "20261203T100000Z"
            )
        ),
    )
    journal.calendar.add(good, now=NOW)
    before, sources = _meeting_rows(journal), journal.calendar.sources()
    bad = write(tmp_path / "bad.ics", text)
    with pytest.raises(ValidationError) as refused:
        journal.calendar.add(bad, now=NOW)
    (problem,) = refused.value.problems
    assert f"bad.ics, line {line}:" in problem and words in problem and "nothing" in problem
    write(good, text)  # a registered source that turns bad keeps its meetings
    with pytest.raises(ValidationError, match=f"good.ics, line {line}:"):
        journal.calendar.refresh(now=NOW)
    assert _meeting_rows(journal) == before and journal.calendar.sources() == sources


def test_a_vanished_file_keeps_its_meetings_and_says_so(
    zone: None, journal: Journal, tmp_path: Path
) -> None:
    path = write(tmp_path / "w.ics", ics(event("a@x", "20261203T090000Z", "20261203T100000Z", "A")))
    journal.calendar.add(path, now=NOW)
    path.unlink()
    (result,) = journal.calendar.refresh(now=NOW)
    assert (result.outcome, result.meeting_count) == ("missing", 1)
    assert "gone" in result.describe() and "kept" in result.describe()
    (source,) = journal.calendar.sources()
    assert source.missing and source.meeting_count == 1
    assert [m.summary for m in journal.calendar.meetings(D(2026, 12, 3), D(2026, 12, 3))] == ["A"]
    write(path, ics(event("a@x", "20261203T090000Z", "20261203T100000Z", "A")))
    assert journal.calendar.read(path, now=NOW).outcome == "read"
    assert not journal.calendar.sources()[0].missing


def test_remove_forgets_the_source_and_its_meetings(
    zone: None, journal: Journal, tmp_path: Path
) -> None:
    path = write(tmp_path / "w.ics", ics(event("a@x", "20261203T090000Z", "20261203T100000Z", "A")))
    journal.calendar.add(path, now=NOW)
    journal.calendar.remove(path)
    assert journal.calendar.sources() == [] and _meeting_rows(journal) == []


def test_ten_busy_years_parse_only_the_window_and_write_in_two_statements(
    zone: None, journal: Journal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import recurring_ical_events
    from sqlalchemy import event as sa_event

    from cxjournal.exchange.ics_reader import HISTORY, HORIZON, read_ics
    from tests.journal.busy_calendar import SERIES, busy_calendar

    text, total = busy_calendar(10)
    assert total >= 50_000
    path = write(tmp_path / "busy.ics", text)
    expansions: list[object] = []
    real_of = recurring_ical_events.of

    def counted_of(*args: object, **kwargs: object) -> object:
        expansions.append(args[0])
        return real_of(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(recurring_ical_events, "of", counted_of)
    read = read_ics(path.read_bytes(), NOW)
    assert len(expansions) == 1
    window_days = (HISTORY + HORIZON).days
    # every series, and the one-off events of the window (3,000 a year) with a margin of days
    assert read.events_in_file == SERIES + 30_000
    assert read.events_parsed <= SERIES + 3_000 * (window_days + 4) / 364
    assert all(NOW - HISTORY <= o.start < NOW + HORIZON for o in read.occurrences)

    statements: list[tuple[str, bool]] = []

    def record(_c: object, _cur: object, sql: str, _p: object, _ctx: object, many: bool) -> None:
        statements.append((sql.split()[0].upper(), many))

    sa_event.listen(journal.engine, "before_cursor_execute", record)
    result = journal.calendar.add(path, now=NOW)
    assert result.meeting_count == len(read.occurrences) > 1000
    writes = [s for s in statements if s[0] in ("INSERT", "DELETE", "UPDATE")]
    assert writes.count(("INSERT", True)) == 1  # every meeting in one many-row INSERT
    assert len(writes) <= 4  # the source row, the DELETE, the INSERT, the source's read time
    statements.clear()
    week = journal.calendar.meetings(D(2026, 11, 2), D(2026, 11, 8))
    assert 90 <= len(week) <= 110
    assert sum(1 for s, _ in statements if s == "SELECT") <= 3  # meetings, settings, people
    sa_event.remove(journal.engine, "before_cursor_execute", record)


TRICKY_EVENTS = (
    event("plain@x", "20261203T090000Z", "20261203T093000Z", "Ana / me"),
    event("escaped@x", "20261203T100000Z", "20261203T103000Z", "Budget\\, Q1 \\; plan"),
    event("cancelled@x", "20261203T110000Z", "20261203T113000Z", "Gone", "STATUS:CANCELLED"),
    event("allday@x", "DTSTART;VALUE=DATE:20261204", "DTEND;VALUE=DATE:20261205", "Off"),
    event(
        "zoned@x",
        "DTSTART;TZID=Europe/Berlin:20261204T090000",
        "DTEND;TZID=Europe/Berlin:20261204T100000",
        "Zoned",
    ),
    event("floating@x", "20261204T110000", "20261204T113000", "Floating"),
    event("twice@x", "20261205T090000Z", "20261205T093000Z", "Twice A"),
    event("twice@x", "20261205T100000Z", "20261205T103000Z", "Twice B"),
    event("noend@x", "20261206T090000Z", "DURATION:PT45M", "Lasts"),
    event(
        "people@x",
        "20261207T090000Z",
        "20261207T093000Z",
        "With people",
        "ORGANIZER;CN=Me:mailto:Me@Example.com",
        'ATTENDEE;CN="Silva, Ana";PARTSTAT=DECLINED:mailto:ana@example.com',
        "ATTENDEE:mailto:jo@example.com",
        "ATTENDEE;PARTSTAT=ACCEPTED:no-address",
    ),
    event("params@x", "20261208T090000Z", "20261208T093000Z", "x", "SUMMARY;LANGUAGE=en:Y"),
    event("alarm@x", "20261209T090000Z", "20261209T093000Z", "Alarm").replace(
        "END:VEVENT", "BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-PT5M\r\nEND:VALARM\r\nEND:VEVENT"
    ),
    event("lower@x", "20261210T090000Z", "20261210T093000Z", "Lower").replace("DTEND", "dtend"),
    event("late@x", "20280110T090000Z", "20280110T093000Z", "Past the horizon"),
)


@pytest.mark.parametrize("tz", ["Europe/Lisbon", "America/New_York"])
@pytest.mark.parametrize("header", ["", "X-WR-TIMEZONE:Asia/Tokyo\r\n"])
def test_plain_events_read_from_their_lines_exactly_as_the_full_parser_reads_them(
    monkeypatch: pytest.MonkeyPatch, tz: str, header: str
) -> None:
    from cxjournal.exchange.ics_reader import read_ics
    from tests.journal.busy_calendar import busy_calendar

    set_zone(monkeypatch, tz)
    try:
        tricky = ics(*TRICKY_EVENTS, header=header).encode()
        fast, full = read_ics(tricky, NOW), read_ics(tricky, NOW, plainly=False)
        assert fast == full
        assert {o.uid for o in fast.occurrences} >= {"plain@x", "escaped@x", "people@x"}
        assert "cancelled@x" not in {o.uid for o in fast.occurrences}
        busy = busy_calendar(2, last=dt.date(2027, 6, 30))[0].encode()
        assert read_ics(busy, NOW) == read_ics(busy, NOW, plainly=False)
    finally:
        monkeypatch.undo()
        time.tzset()
