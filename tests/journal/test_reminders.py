"""Reminders on a real journal: 1:1s from a real .ics file, what was sent kept across a restart."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from cxjournal.domain.errors import ValidationError
from cxjournal.domain.model import Person, ResilienceEntry
from cxjournal.domain.reminders import ReminderPreferences
from cxjournal.journal import Journal
from cxjournal.journal.reminders import (
    mark_sent,
    reminder_plan,
    reminder_preferences,
    set_reminder_preferences,
)

LISBON = ZoneInfo("Europe/Lisbon")
NOW = dt.datetime(2026, 12, 2, 9, 50, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "Europe/Lisbon")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def calendar(tmp_path: Path) -> Path:
    path = tmp_path / "work.ics"
    path.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n"
        "BEGIN:VEVENT\r\nUID:w@x\r\nDTSTAMP:20261101T000000Z\r\n"
        "DTSTART:20261125T100000Z\r\nDTEND:20261125T103000Z\r\nRRULE:FREQ=WEEKLY\r\n"
        "SUMMARY:Ana / me: budget worries\r\nORGANIZER:mailto:me@example.com\r\n"
        "ATTENDEE;PARTSTAT=ACCEPTED:mailto:ana@example.com\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:all@x\r\nDTSTAMP:20261101T000000Z\r\n"
        "DTSTART:20261202T100000Z\r\nDTEND:20261202T110000Z\r\nSUMMARY:All hands\r\n"
        "ORGANIZER:mailto:boss@example.com\r\nATTENDEE:mailto:ana@example.com\r\n"
        "ATTENDEE:mailto:jo@example.com\r\nATTENDEE:mailto:me@example.com\r\nEND:VEVENT\r\n"
        "END:VCALENDAR\r\n",
        encoding="utf-8",
        newline="",
    )
    return path


@pytest.fixture
def busy(journal: Journal, tmp_path: Path) -> Journal:
    journal.settings.set_my_emails(["me@example.com"])
    journal.people.add(Person(name="Ana Silva", emails=("ana@example.com",)))
    journal.people.add(Person(name="Jo Park", emails=("jo@example.com",), cadence_days=7))
    journal.calendar.add(calendar(tmp_path), now=NOW)
    return journal


def test_preferences_are_off_until_set_and_refuse_bad_minutes(journal: Journal) -> None:
    assert reminder_preferences(journal) == ReminderPreferences()
    assert reminder_plan(journal, NOW, LISBON).due == ()
    with pytest.raises(ValidationError, match="minutes before a 1:1"):
        set_reminder_preferences(journal, ReminderPreferences(minutes_before=0))
    assert reminder_preferences(journal) == ReminderPreferences()
    prefs = ReminderPreferences(one_on_one=True, minutes_before=20, tray=True)
    set_reminder_preferences(journal, prefs)
    assert reminder_preferences(journal) == prefs


def test_the_one_on_one_of_the_calendar_is_due_and_carries_no_journal_text(
    busy: Journal,
) -> None:
    set_reminder_preferences(busy, ReminderPreferences(one_on_one=True, digest=True))
    got = reminder_plan(busy, NOW, LISBON)
    kinds = [r.kind for r in got.due]
    assert kinds == ["digest", "one_on_one"]  # the all-hands is no 1:1
    one = got.due[1]
    ana = busy.people.all()[0]
    assert one.person_id == ana.id and one.summary == "1:1 with Ana Silva at 10:00"
    digest = got.due[0]
    assert digest.body == "Due: Jo Park."
    for reminder in got.due:
        assert "budget" not in reminder.summary + reminder.body  # the event's own words
    # next week's occurrence is not planned yet; midnight is the next look
    assert got.next_at == dt.datetime(2026, 12, 3, 0, 0, tzinfo=dt.UTC)


def test_sent_reminders_are_not_sent_again_after_reopening(
    busy: Journal, journal_path: Path
) -> None:
    set_reminder_preferences(busy, ReminderPreferences(one_on_one=True, check_in=True))
    evening = dt.datetime(2026, 12, 2, 18, 0, tzinfo=dt.UTC)
    due = reminder_plan(busy, NOW, LISBON).due
    mark_sent(busy, due, NOW)
    busy.close()
    with Journal.open(journal_path) as again:
        assert reminder_plan(again, NOW + dt.timedelta(minutes=2), LISBON).due == ()
        (check_in,) = reminder_plan(again, evening, LISBON).due
        assert check_in.kind == "check_in"
        again.resilience.save(ResilienceEntry(dt.date(2026, 12, 2), 3, 3, 3))
        assert reminder_plan(again, evening, LISBON).due == ()


def test_re_audit_is_due_once_people_are_in_the_journal(busy: Journal) -> None:
    set_reminder_preferences(busy, ReminderPreferences(re_audit=True))
    (reminder,) = reminder_plan(busy, NOW, LISBON).due
    assert reminder.kind == "re_audit" and reminder.key.startswith("re_audit:none:")
