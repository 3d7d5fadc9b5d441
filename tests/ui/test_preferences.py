"""Edit > Preferences: the Security tab (set, change, remove the passphrase) and the Lock tab."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from cxjournal.journal import Journal
from cxjournal.journal.lock_prefs import LockPreferences, lock_preferences
from cxjournal.store import rawdb
from cxjournal.ui.dialogs.first_run_dialog import FirstRunDialog
from cxjournal.ui.dialogs.preferences_dialog import TABS, PreferencesDialog
from cxjournal.ui.lock.lock_actions import open_preferences

STRONG = "lantern orchid tectonic bicycle"


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    asked: list[str] = []

    def question(_parent: Any, _title: str, text: str, *_args: Any) -> Any:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def wait_for(qtbot: Any, tab: Any) -> None:
    assert tab.task is not None
    qtbot.waitUntil(lambda: not tab.task.running, timeout=60_000)


def test_the_dialog_has_one_tab_per_entry(main_window: Any, qtbot: Any) -> None:
    dialog = open_preferences(main_window)
    qtbot.addWidget(dialog)
    assert isinstance(dialog, PreferencesDialog)
    assert dialog.tabs.count() == len(TABS) == 8
    assert [dialog.tabs.tabText(i) for i in range(8)] == [
        "Security",
        "Lock",
        "Calendar",
        "Reminders",
        "Alarm bells",
        "Early warning",
        "Backups",
        "Appearance",
    ]


def test_protect_change_and_remove_the_passphrase(
    main_window: Any, qtbot: Any, answers: list[str]
) -> None:
    journal: Journal = main_window.journal
    journal.settings.set("probe", "kept")
    dialog = PreferencesDialog(main_window)
    qtbot.addWidget(dialog)
    tab = dialog.show_tab("SecurityTab")
    assert "has no passphrase" in tab.status.text() and not tab.current.isVisibleTo(tab)

    tab.new.setText("short")
    tab.repeat.setText("short")
    assert not tab.set_passphrase() and "at least 8" in tab.problem.text()
    tab.new.setText("password1")
    assert "very weak" in tab.meter.label.text()  # recommended against
    tab.new.setText(STRONG)
    assert "Strength: very strong" in tab.meter.label.text()
    tab.repeat.setText(STRONG + "x")
    assert not tab.set_passphrase() and "differ" in tab.problem.text()
    tab.repeat.setText(STRONG)
    assert tab.set_passphrase()
    wait_for(qtbot, tab)
    assert journal.encrypted and not rawdb.is_plain_sqlite(journal.path)
    assert journal.settings.get("probe") == "kept"  # the window's journal carries on
    assert "encrypted" in tab.status.text() and tab.current.isVisibleTo(tab)
    assert "encrypted" in main_window.journal_label.text()

    tab.current.setText("not the passphrase")
    tab.new.setText("another fine passphrase")
    tab.repeat.setText("another fine passphrase")
    assert tab.set_passphrase()
    wait_for(qtbot, tab)
    assert "Nothing was changed" in tab.problem.text()
    assert journal.settings.get("probe") == "kept"

    tab.current.setText(STRONG)
    assert tab.remove_passphrase()
    wait_for(qtbot, tab)
    assert "anyone who gets hold of the journal" in answers[-1]
    assert not journal.encrypted and rawdb.is_plain_sqlite(journal.path)
    assert journal.settings.get("probe") == "kept"


def test_a_weak_passphrase_is_recommended_against_but_allowed(
    main_window: Any, qtbot: Any, answers: list[str]
) -> None:
    dialog = PreferencesDialog(main_window)
    qtbot.addWidget(dialog)
    tab = dialog.show_tab("SecurityTab")
    tab.new.setText("password1")
    tab.repeat.setText("password1")
    assert tab.set_passphrase()
    assert "very weak" in answers[0]
    wait_for(qtbot, tab)
    assert main_window.journal.encrypted


def test_the_lock_tab_saves_each_change(main_window: Any, qtbot: Any) -> None:
    dialog = PreferencesDialog(main_window)
    qtbot.addWidget(dialog)
    tab = dialog.show_tab("LockTab")
    assert tab.idle.value() == 0 and tab.idle.text() == "Never"  # plain journal: off
    tab.idle.setValue(5)
    tab.session.setChecked(True)
    assert lock_preferences(main_window.journal) == LockPreferences(5, True)
    assert main_window.lock_controller.idle.timeout == 300


def test_first_run_shows_the_strength(qtbot: Any, tmp_path: Path) -> None:
    dialog = FirstRunDialog(tmp_path / "journal.db")
    qtbot.addWidget(dialog)
    dialog.first.setText("password")
    assert "very weak" in dialog.meter.label.text()
    dialog.first.setText(STRONG)
    assert "very strong" in dialog.meter.label.text()
