"""Today's meetings from a real calendar file, and the file watch that keeps them current."""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cxjournal.domain.model import NoteKind, Person
from cxjournal.journal import Journal
from cxjournal.journal.changes import Area
from tests.ui.test_today_page import rows, settle, today_page

NOW = dt.datetime(2026, 12, 3, 12, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def vevent(uid: str, start: str, end: str, summary: str, *attendees: str) -> str:
    lines = [f"ATTENDEE:mailto:{a}" for a in attendees]
    return (
        "\r\n".join(
            [
                "BEGIN:VEVENT",
                f"UID:{uid}",
                "DTSTAMP:20261101T000000Z",
                f"DTSTART:{start}",
                f"DTEND:{end}",
                f"SUMMARY:{summary}",
                *lines,
                "END:VEVENT",
            ]
        )
        + "\r\n"
    )


def calendar(*events: str) -> str:
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n"
        + "".join(events)
        + ("END:VCALENDAR\r\n")
    )


@pytest.fixture
def people(journal: Journal) -> dict[str, Person]:
    journal.settings.set_my_emails(["me@example.com"])
    return {
        "ana": journal.people.add(Person(name="Ana Silva", emails=("ana@example.com",))),
        "jo": journal.people.add(Person(name="Jo Park", key_stakeholder=True, cadence_days=14)),
        "bo": journal.people.add(Person(name="Bo Lind", emails=("bo@example.com",))),
    }


@pytest.fixture
def with_calendar(journal: Journal, people: dict[str, Person], tmp_path: Path) -> Path:
    path = tmp_path / "work.ics"
    path.write_text(
        calendar(
            vevent(
                "past@x",
                "20261203T090000Z",
                "20261203T093000Z",
                "Ana weekly",
                "ana@example.com",
                "me@example.com",
            ),
            vevent("soon@x", "20261203T150000Z", "20261203T153000Z", "Catch-up Jo Park"),
            vevent(
                "key@x",
                "20261204T100000Z",
                "20261204T110000Z",
                "Steering with Jo Park",
                "me@example.com",
                "x@example.com",
                "y@example.com",
            ),
            vevent(
                "group@x",
                "20261204T120000Z",
                "20261204T130000Z",
                "Bo and others",
                "bo@example.com",
                "me@example.com",
                "z@example.com",
            ),
            vevent(
                "later@x",
                "20261207T090000Z",
                "20261207T093000Z",
                "Ana next week",
                "ana@example.com",
                "me@example.com",
            ),
        ),
        encoding="utf-8",
        newline="",
    )
    journal.calendar.add(path, now=NOW)
    return path


def meetings_page(main_window: Any) -> Any:
    page = main_window.page("today")
    page.now = lambda: NOW
    page.today = lambda: NOW.date()
    return today_page(main_window)


def test_the_next_one_on_ones_and_key_stakeholder_meetings(
    main_window: Any, with_calendar: Path, people: dict[str, Person]
) -> None:
    page = meetings_page(main_window)
    settle()
    assert page.meetings_card.isVisibleTo(page)
    shown = [(r.title(), r.detail()) for r in rows(page, "today-meeting")]
    assert shown == [
        ("1:1 with Ana Silva", "Today 09:00-09:30"),
        ("1:1 with Jo Park", "Today 15:00-15:30"),
        ("Steering with Jo Park", "Tomorrow 10:00-11:00 · with Jo Park"),
    ]
    soon = rows(page, "today-meeting")[1]
    soon.activated.emit()
    assert page.prepare_dialog is not None and page.prepare_dialog.person_id == people["jo"].id
    page.prepare_dialog.close()


def test_log_the_one_on_one_fills_person_date_and_kind(
    main_window: Any, with_calendar: Path, people: dict[str, Person], monkeypatch: Any
) -> None:
    from PySide6.QtWidgets import QPushButton

    from cxjournal.ui.dialogs.note_dialog import NoteDialog

    seen: list[tuple[object, object, object]] = []

    def fake_exec(dialog: NoteDialog) -> int:
        seen.append((dialog.person_id(), dialog.date.date().toPython(), dialog.kind.currentData()))
        return 0

    monkeypatch.setattr(NoteDialog, "exec", fake_exec)
    page = meetings_page(main_window)
    settle()
    past = rows(page, "today-meeting")[0]
    (button,) = [b for b in past.findChildren(QPushButton) if b.text() == "&Log the 1:1"]
    button.click()
    assert seen == [(people["ana"].id, dt.date(2026, 12, 3), NoteKind.ONE_ON_ONE.value)]
    # the meeting alone never counts as a contact
    assert main_window.journal.people.cadence(people["jo"].id, NOW.date()).last_contact is None


def test_no_calendar_no_card(main_window: Any, people: dict[str, Person]) -> None:
    page = meetings_page(main_window)
    settle()
    assert not page.meetings_card.isVisibleTo(page)


def test_a_file_replaced_by_rename_is_read_again(
    main_window: Any, journal: Journal, with_calendar: Path, qtbot: Any
) -> None:
    from cxjournal.ui.calendar_watch import CalendarWatch

    areas: list[Area] = []
    main_window.bus.changed.connect(areas.append)
    watch = CalendarWatch(journal, main_window.bus, main_window.show_status, main_window)
    with qtbot.waitSignal(watch.finished, timeout=20_000) as first:
        watch.start()
    assert first.args == [["unchanged"], []] and areas == []
    assert str(with_calendar) in watch.watcher.files()
    replacement = with_calendar.with_name("work.ics.new")
    replacement.write_text(
        calendar(vevent("new@x", "20261203T160000Z", "20261203T170000Z", "New")),
        encoding="utf-8",
        newline="",
    )
    with qtbot.waitSignal(watch.finished, timeout=20_000, check_params_cb=lambda o, p: "read" in o):
        os.replace(replacement, with_calendar)
    summaries = [m.summary for m in journal.calendar.meetings(NOW.date(), NOW.date())]
    assert summaries == ["New"]
    assert Area.MEETINGS in areas
    assert str(with_calendar) in watch.watcher.files()  # watched again after the rename


def test_quitting_waits_until_a_read_under_way_has_stored_its_meetings(
    main_window: Any, journal: Journal, with_calendar: Path
) -> None:
    from cxjournal.ui.calendar_watch import CalendarWatch

    with_calendar.write_text(
        calendar(vevent("new@x", "20261203T160000Z", "20261203T170000Z", "New")),
        encoding="utf-8",
        newline="",
    )
    watch = CalendarWatch(journal, main_window.bus, main_window.show_status, main_window)
    watch.start()  # reads the changed file on its own thread
    watch.finish()  # as at quit, before the lock is released: no event loop turn between
    summaries = [m.summary for m in journal.calendar.meetings(NOW.date(), NOW.date())]
    assert summaries == ["New"]
    watch.finish()  # nothing under way: returns at once
