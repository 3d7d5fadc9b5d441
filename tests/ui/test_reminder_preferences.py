"""Preferences > Calendar and Reminders, the tray and keeping running in the background."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from cxjournal.domain.reminders import ReminderPreferences
from cxjournal.journal import Journal
from cxjournal.journal.changes import Area
from cxjournal.journal.reminders import reminder_preferences, set_reminder_preferences
from cxjournal.ui.dialogs.preferences_dialog import PreferencesDialog


def ics(summary: str = "Ana / me") -> str:
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n"
        "BEGIN:VEVENT\r\nUID:a@x\r\nDTSTAMP:20261101T000000Z\r\n"
        f"DTSTART:{dt.date.today():%Y%m%d}T230000Z\r\nDTEND:{dt.date.today():%Y%m%d}T233000Z\r\n"
        f"SUMMARY:{summary}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []

    def warning(_parent: Any, _title: str, text: str, *_args: Any) -> Any:
        seen.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", warning)
    return seen


@pytest.fixture
def yes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    asked: list[str] = []

    def question(_parent: Any, _title: str, text: str, *_args: Any) -> Any:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def tab(main_window: Any, qtbot: Any, name: str) -> Any:
    dialog = PreferencesDialog(main_window)
    qtbot.addWidget(dialog)
    return dialog.show_tab(name)


def started_watch(main_window: Any, qtbot: Any) -> Any:
    from cxjournal.ui.calendar_watch import start_watch

    return start_watch(main_window)


def test_calendar_tab_adds_lists_and_removes_a_file_and_the_watch_takes_it_up(
    main_window: Any, qtbot: Any, tmp_path: Path, yes: list[str]
) -> None:
    watch = started_watch(main_window, qtbot)
    areas: list[Area] = []
    main_window.bus.changed.connect(areas.append)
    page = tab(main_window, qtbot, "CalendarTab")
    assert page.empty.isVisibleTo(page) and not page.sources.isVisibleTo(page)
    assert not page.refresh_button.isEnabled() and not page.remove_button.isEnabled()
    path = tmp_path / "work.ics"
    path.write_text(ics(), encoding="utf-8", newline="")
    assert page.add(str(path))
    assert page.sources.count() == 1
    text = page.sources.item(0).text()
    assert text.startswith(str(path)) and "1 meeting, read " in text
    assert Area.MEETINGS in areas
    assert str(path) in watch.watcher.files()  # watched without a restart
    page.sources.setCurrentRow(0)
    page.remove_selected()
    assert yes and "forget its meetings" in yes[0]
    assert page.sources.count() == 0 and main_window.journal.calendar.sources() == []
    assert str(path) not in watch.watcher.files()


def test_a_source_added_from_the_command_line_is_watched_without_a_restart(
    main_window: Any, qtbot: Any, tmp_path: Path, journal_path: Path
) -> None:
    watch = started_watch(main_window, qtbot)
    path = tmp_path / "cli.ics"
    path.write_text(ics(), encoding="utf-8", newline="")
    with Journal.open(journal_path) as other:  # as `cxjournal calendar add` does
        other.calendar.add(path)
    with qtbot.waitSignal(watch.finished, timeout=20_000):
        assert watch.sync() == [str(path)]
    assert str(path) in watch.watcher.files()
    assert watch.sync() == []


def test_a_malformed_file_is_refused_with_its_line_and_nothing_is_added(
    main_window: Any, qtbot: Any, tmp_path: Path, warnings: list[str]
) -> None:
    page = tab(main_window, qtbot, "CalendarTab")
    bad = tmp_path / "bad.ics"
    bad.write_text("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nnot a line\r\n", encoding="utf-8")
    assert not page.add(str(bad))
    assert len(warnings) == 1 and "line 3" in warnings[0]
    assert page.sources.count() == 0 and main_window.journal.calendar.sources() == []


def test_a_vanished_file_says_its_meetings_are_kept(
    main_window: Any, qtbot: Any, tmp_path: Path
) -> None:
    path = tmp_path / "gone.ics"
    path.write_text(ics(), encoding="utf-8", newline="")
    main_window.journal.calendar.add(path)
    os.remove(path)
    main_window.journal.calendar.read(path)
    page = tab(main_window, qtbot, "CalendarTab")
    assert "The file is gone; its meeting is kept until it is back" in page.sources.item(0).text()


def test_my_addresses_are_saved_and_a_bad_one_is_refused(
    main_window: Any, qtbot: Any, warnings: list[str]
) -> None:
    page = tab(main_window, qtbot, "CalendarTab")
    page.emails.setText("me@work.example,  me@home.example ")
    page.save_emails()
    assert main_window.journal.settings.my_emails() == ("me@work.example", "me@home.example")
    page.emails.setText("not an address")
    page.save_emails()
    assert len(warnings) == 1 and "not an address" in warnings[0]
    assert main_window.journal.settings.my_emails() == ("me@work.example", "me@home.example")


def test_reminders_tab_starts_all_off_and_saves_each_change(main_window: Any, qtbot: Any) -> None:
    page = tab(main_window, qtbot, "RemindersTab")
    assert page.preferences() == ReminderPreferences()
    assert not page.minutes.isEnabled() and not page.check_in_at.isEnabled()
    areas: list[Area] = []
    main_window.bus.changed.connect(areas.append)
    page.one_on_one.setChecked(True)
    page.minutes.setValue(30)
    page.check_in.setChecked(True)
    page.check_in_at.setTime(page.check_in_at.time().fromString("18:45", "HH:mm"))
    saved = reminder_preferences(main_window.journal)
    assert saved.one_on_one and saved.minutes_before == 30
    assert saved.check_in and saved.check_in_at == dt.time(18, 45)
    assert page.minutes.isEnabled() and Area.SETTINGS in areas


def test_start_at_login_writes_and_removes_the_autostart_entry(
    main_window: Any, qtbot: Any, tmp_path: Path
) -> None:
    entry = tmp_path / "xdg-config" / "autostart" / "io.github.cxjournal.desktop"
    page = tab(main_window, qtbot, "RemindersTab")
    page.login.setChecked(True)
    text = entry.read_text(encoding="utf-8")
    assert "--background" in text and str(main_window.journal.path) in text
    assert reminder_preferences(main_window.journal).start_at_login
    page.login.setChecked(False)
    assert not entry.exists() and not reminder_preferences(main_window.journal).start_at_login


def test_closing_keeps_running_in_the_tray_only_when_asked_and_quit_quits(
    main_window: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QApplication

    from cxjournal.ui import tray as tray_module
    from cxjournal.ui.reminder_driver import start_reminders

    monkeypatch.setattr(tray_module, "tray_available", lambda: True)
    quits: list[bool] = []
    monkeypatch.setattr(QApplication, "quit", lambda *_a: quits.append(True))
    start_reminders(main_window)
    tray = main_window.tray
    assert not tray.icon.isVisible()  # off by default
    set_reminder_preferences(main_window.journal, ReminderPreferences(background=True))
    main_window.bus.announce(Area.SETTINGS)
    assert tray.icon.isVisible() and tray.runs_hidden
    assert not QApplication.instance().quitOnLastWindowClosed()  # type: ignore[union-attr]
    main_window.close()
    assert not main_window.isVisible() and quits == []  # hidden, still running
    assert [a.text() for a in tray.menu.actions() if a.text()] == [
        "&Open cxjournal",
        "&Quit cxjournal",
    ]
    tray.open_action.trigger()
    assert main_window.isVisible()
    tray.quit_action.trigger()
    assert not main_window.isVisible() and quits == [True]
    set_reminder_preferences(main_window.journal, ReminderPreferences())
    main_window.bus.announce(Area.SETTINGS)
    assert not tray.icon.isVisible()
    assert QApplication.instance().quitOnLastWindowClosed()  # type: ignore[union-attr]


def test_started_in_background_the_window_stays_hidden(
    qtbot: Any, journal: Journal, ui_settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cxjournal.ui import startup
    from cxjournal.ui import tray as tray_module
    from cxjournal.ui.main_window import MainWindow

    monkeypatch.setattr(tray_module, "tray_available", lambda: True)
    window = MainWindow(journal, settings=ui_settings)
    qtbot.addWidget(window)
    startup.start_in_background(window)
    assert not window.isVisible() and window.tray.icon.isVisible()
    assert window.calendar_watch is not None and window.reminders is not None
