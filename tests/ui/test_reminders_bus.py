"""Reminders over a real session bus, to a real notification service (the tests' own).

A private ``dbus-daemon --session`` is the session bus; ``notification_service.py``
owns ``org.freedesktop.Notifications`` on it and records every ``Notify``. The app's
notifier is the real one; only the clock is injected. Waits are hang guards on
events (the service's record, a signal), never fixed delays.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from cxjournal.domain.model import Note, NoteKind, Person
from cxjournal.domain.reminders import ReminderPreferences
from cxjournal.journal import Journal
from cxjournal.journal.reminders import sent_keys, set_reminder_preferences

pytestmark = pytest.mark.skipif(
    shutil.which("dbus-daemon") is None, reason="needs dbus-daemon (apt-get install dbus-daemon)"
)

HERE = Path(__file__).resolve().parent
LISBON = ZoneInfo("Europe/Lisbon")
#: 09:50 in Lisbon; Ana's 1:1 is at 10:00
NOW = dt.datetime(2026, 12, 2, 9, 50, tzinfo=dt.UTC)
SECRET_NOTE = "Ana is thinking of leaving; budget cut is confidential"
GUARD_MS = 20_000


@pytest.fixture
def zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "Europe/Lisbon")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def bus_address(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    with subprocess.Popen(  # leaving the block closes its pipe and waits for it
        ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    ) as daemon:
        assert daemon.stdout is not None
        address = daemon.stdout.readline().strip()
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", address)
        try:
            yield address
        finally:
            os.kill(daemon.pid, signal.SIGTERM)
            daemon.wait()


@pytest.fixture
def service(bus_address: str, tmp_path: Path) -> Iterator[Path]:
    """The notification service on the bus; yields the file it records Notify calls in."""
    record = tmp_path / "notify.jsonl"
    record.touch()
    with subprocess.Popen(
        [sys.executable, str(HERE / "notification_service.py"), bus_address, str(record)],
        stdout=subprocess.PIPE,
        text=True,
    ) as proc:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "ready"
        try:
            yield record
        finally:
            proc.terminate()
            proc.wait()


def recorded(record: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in record.read_text(encoding="utf-8").splitlines()]


def invoke(address: str, notification_id: int, action: str) -> None:
    """Click a notification: the service emits ActionInvoked, as a desktop's would."""
    from dbus_fast import Message
    from dbus_fast.aio import MessageBus

    async def call() -> None:
        bus = await MessageBus(bus_address=address).connect()
        reply = await bus.call(
            Message(
                destination="org.freedesktop.Notifications",
                path="/org/freedesktop/Notifications",
                interface="org.cxjournal.TestControl",
                member="Invoke",
                signature="us",
                body=[notification_id, action],
            )
        )
        assert reply is not None and reply.error_name is None, reply
        bus.disconnect()

    asyncio.run(call())


def calendar(tmp_path: Path) -> Path:
    path = tmp_path / "work.ics"
    path.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n"
        "BEGIN:VEVENT\r\nUID:w@x\r\nDTSTAMP:20261101T000000Z\r\n"
        "DTSTART:20261202T100000Z\r\nDTEND:20261202T103000Z\r\n"
        "SUMMARY:Ana / me - retention worries\r\nORGANIZER:mailto:me@example.com\r\n"
        "ATTENDEE;PARTSTAT=ACCEPTED:mailto:ana@example.com\r\nEND:VEVENT\r\n"
        "END:VCALENDAR\r\n",
        encoding="utf-8",
        newline="",
    )
    return path


@pytest.fixture
def ana(journal: Journal, tmp_path: Path, zone: None) -> Person:
    journal.settings.set_my_emails(["me@example.com"])
    person = journal.people.add(Person(name="Ana Silva", emails=("ana@example.com",)))
    journal.notes.add(
        Note(
            on=dt.date(2026, 11, 25),
            kind=NoteKind.ONE_ON_ONE,
            text=SECRET_NOTE,
            person_id=person.id,
        )
    )
    journal.agenda.add(person.id or 0, "Ask about the reorg rumours", dt.date(2026, 11, 30))
    journal.calendar.add(calendar(tmp_path), now=NOW)
    set_reminder_preferences(journal, ReminderPreferences(one_on_one=True, minutes_before=15))
    return person


def driver_for(window: Any, clock: list[dt.datetime], tray_messages: list[Any]) -> Any:
    from cxjournal.ui.notifier import Notifier
    from cxjournal.ui.reminder_driver import ReminderDriver

    def tray(reminder: Any) -> bool:
        tray_messages.append(reminder)
        return True

    notifier = Notifier(tray, window)
    driver = ReminderDriver(window, notifier, clock=lambda: clock[0], zone=LISBON)
    window.extensions.reminders = driver
    return driver


def test_a_one_on_one_reminder_goes_over_the_bus_with_only_name_and_time_and_opens_prep(
    qtbot: Any, main_window: Any, ana: Person, service: Path, bus_address: str
) -> None:
    tray_messages: list[Any] = []
    clock = [NOW - dt.timedelta(minutes=10)]  # 09:40: five minutes before the reminder
    driver = driver_for(main_window, clock, tray_messages)
    assert driver.refresh() == ()
    # the timer is set to 09:45, the reminder's time (nothing is waited for here)
    assert driver.timer.isActive() and driver.timer.interval() == 5 * 60 * 1000 + 1
    assert recorded(service) == []

    clock[0] = NOW
    with qtbot.waitSignal(driver.notifier.delivered, timeout=GUARD_MS) as delivered:
        (sent,) = driver.refresh()
    assert delivered.args == [sent.key, "desktop"] and tray_messages == []
    (notify,) = recorded(service)
    assert notify["app_name"] == "cxjournal" and notify["app_icon"] == "io.github.cxjournal"
    assert notify["summary"] == "1:1 with Ana Silva at 10:00"
    assert "Ana Silva" in notify["body"] and "10:00" in notify["body"]
    shown = notify["summary"] + notify["body"]
    for journal_text in ("leaving", "budget", "reorg", "retention", "worries"):
        assert journal_text not in shown
    assert "default" in notify["actions"] and "Prepare" in notify["actions"]
    # remembered in the journal: a second look (or a restart) sends nothing more
    assert sent.key in sent_keys(main_window.journal)
    assert driver.refresh() == ()

    # the user clicks the notification: the preparation for Ana opens
    main_window.hide()
    with qtbot.waitSignal(driver.notifier.activated, timeout=GUARD_MS) as clicked:
        invoke(bus_address, notify["id"], "default")
    assert clicked.args == [sent.key]
    today = main_window.page("today")
    assert main_window.isVisible() and main_window.current_key() == "today"
    assert today.prepare_dialog is not None and today.prepare_dialog.person_id == ana.id
    today.prepare_dialog.close()


def test_the_prepare_button_opens_the_preparation_too(
    qtbot: Any, main_window: Any, ana: Person, service: Path, bus_address: str
) -> None:
    driver = driver_for(main_window, [NOW], [])
    with qtbot.waitSignal(driver.notifier.delivered, timeout=GUARD_MS):
        driver.refresh()
    (notify,) = recorded(service)
    actions = notify["actions"]
    button_key = actions[actions.index("Prepare") - 1]
    with qtbot.waitSignal(driver.notifier.activated, timeout=GUARD_MS):
        invoke(bus_address, notify["id"], button_key)
    today = main_window.page("today")
    assert today.prepare_dialog is not None and today.prepare_dialog.person_id == ana.id
    today.prepare_dialog.close()


def test_without_a_notification_service_the_tray_shows_it(
    qtbot: Any, main_window: Any, ana: Person, bus_address: str
) -> None:
    tray_messages: list[Any] = []
    driver = driver_for(main_window, [NOW], tray_messages)
    with qtbot.waitSignal(driver.notifier.delivered, timeout=GUARD_MS) as delivered:
        (sent,) = driver.refresh()
    assert delivered.args == [sent.key, "tray"]
    assert [r.summary for r in tray_messages] == ["1:1 with Ana Silva at 10:00"]


def test_while_locked_reminders_worked_out_before_still_come_and_are_noted_after(
    qtbot: Any, main_window: Any, ana: Person, service: Path
) -> None:
    from cxjournal.journal.lock_ops import is_locked

    clock = [NOW - dt.timedelta(minutes=10)]
    driver = driver_for(main_window, clock, [])
    driver.refresh()
    assert main_window.extensions.lock_controller.lock("test")
    assert is_locked(main_window.journal)
    clock[0] = NOW
    with qtbot.waitSignal(driver.notifier.delivered, timeout=GUARD_MS):
        (sent,) = driver.refresh()
    assert recorded(service)[0]["summary"] == "1:1 with Ana Silva at 10:00"
    assert driver.refresh() == ()  # not twice while locked
    assert main_window.extensions.lock_controller.try_unlock("")
    driver.refresh()
    assert sent.key in sent_keys(main_window.journal)
    assert len(recorded(service)) == 1
