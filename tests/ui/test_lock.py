"""Locking: File > Lock, the unlock prompt, wrong passphrases, the idle lock, the session's lock."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QLabel

from cxjournal.domain.errors import JournalOpenError
from cxjournal.journal import Journal
from cxjournal.journal.lock_ops import is_locked
from cxjournal.journal.lock_prefs import LockPreferences, lock_preferences, set_lock_preferences
from cxjournal.ui.lock.lock_controller import LockController, retry_delay
from cxjournal.ui.lock.lock_screen import LockScreen

SECRET = "correct horse battery"


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def encrypted_window(qtbot: Any, tmp_path: Path, ui_settings: Any) -> Any:
    from cxjournal.ui.main_window import MainWindow

    journal = Journal.open(tmp_path / "secret" / "journal.db", SECRET)
    window = MainWindow(journal, settings=ui_settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    journal.close()


def controller_of(window: Any, clock: FakeClock | None = None) -> LockController:
    controller: LockController = window.extensions.lock_controller
    if clock is not None:
        controller.clock = clock
    return controller


def test_the_menus_hold_lock_and_preferences(main_window: Any) -> None:
    file_actions = {a.text(): a for a in main_window.menu("file").actions()}
    assert file_actions["Loc&k"].shortcut().toString() == "Ctrl+Alt+L"
    edit_actions = {a.text(): a for a in main_window.menu("edit").actions()}
    assert edit_actions["&Preferences…"].shortcut().toString() == "Ctrl+,"
    shortcuts = [
        a.shortcut().toString()
        for a in main_window.findChildren(type(file_actions["Loc&k"]))
        if not a.shortcut().isEmpty()
    ]
    assert len(shortcuts) == len(set(shortcuts))  # no shortcut is taken twice


def test_locking_shows_only_the_prompt_and_closes_the_journal(
    encrypted_window: Any, qtbot: Any
) -> None:
    window = encrypted_window
    other = QDialog(window)
    other.setWindowTitle("something open")
    other.show()
    controller = controller_of(window, FakeClock())
    window.extensions.lock_action.trigger()
    assert controller.locked and isinstance(window.centralWidget(), LockScreen)
    assert not other.isVisible()
    assert not window.menuBar().isVisible()
    assert all(not a.isEnabled() for a in window.menu("file").actions() if a.text())
    assert window.windowTitle() == "Locked"
    journal = window.journal
    assert is_locked(journal) and journal.passphrase is None and journal.key is None
    with pytest.raises(JournalOpenError, match="locked"):
        journal.raw().execute("SELECT 1")
    with pytest.raises(JournalOpenError, match="locked"):
        journal.settings.get("anything")  # no connection is made without the key

    screen: LockScreen = window.centralWidget()
    screen.passphrase.setText(SECRET)
    qtbot.keyClick(screen.passphrase, Qt.Key.Key_Return)
    assert not controller.locked and not is_locked(journal)
    assert window.centralWidget() is not screen and window.menuBar().isVisible()
    assert other.isVisible() and window.windowTitle().endswith("cxjournal")
    assert journal.settings.get("nothing") is None  # the journal works again


def test_wrong_passphrases_say_so_and_then_slow_down(encrypted_window: Any) -> None:
    clock = FakeClock()
    controller = controller_of(encrypted_window, clock)
    controller.lock("the screen was locked")
    screen: LockScreen = encrypted_window.centralWidget()
    assert screen.reason.text() == "Locked because the screen was locked."
    for _ in range(3):
        assert not controller.try_unlock("not the passphrase")
    assert "does not open the journal" in screen.problem.text()
    assert not screen.unlock_button.isEnabled() and "wait 2 seconds" in screen.problem.text()
    assert not controller.try_unlock(SECRET)  # refused without trying while waiting
    assert controller.locked
    clock.now += 2
    controller.refresh()
    assert screen.unlock_button.isEnabled()
    assert not controller.try_unlock("still wrong")
    assert controller.wait_left() == 4
    clock.now += 4
    assert controller.try_unlock(SECRET) and not controller.locked
    assert controller.failures == 0


def test_unlocking_derives_the_key_once_on_another_thread_while_the_window_paints(
    encrypted_window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from PySide6.QtCore import QTimer

    from cxjournal.store import key_ahead

    controller = controller_of(encrypted_window, FakeClock())
    encrypted_window.extensions.lock_action.trigger()
    turned = threading.Event()
    on_gui_thread: list[bool] = []
    real_derive = key_ahead.derived_key

    def derive(path: Path, passphrase: str) -> str | None:
        on_gui_thread.append(threading.current_thread() is threading.main_thread())
        turned.wait(10)  # set by the GUI thread's event loop, which goes on meanwhile
        return real_derive(path, passphrase)

    monkeypatch.setattr(key_ahead, "derived_key", derive)
    QTimer.singleShot(0, turned.set)
    assert controller.try_unlock(SECRET) and not controller.locked
    assert turned.is_set()
    assert on_gui_thread == [False]  # derived once, and not on the GUI thread


def test_the_delay_grows_and_has_a_ceiling() -> None:
    assert [retry_delay(n) for n in range(1, 10)] == [0, 0, 2, 4, 8, 16, 32, 60, 60]


def test_a_plain_journal_locks_and_says_what_protects_the_file(main_window: Any) -> None:
    controller = controller_of(main_window)
    assert controller.lock()
    screen: LockScreen = main_window.centralWidget()
    assert not screen.passphrase.isVisible()
    texts = " ".join(label.text() for label in screen.findChildren(QLabel))
    assert "only a passphrase protects the file itself" in texts
    screen.unlock_button.click()
    assert not controller.locked and main_window.journal.people.all() == []


def test_auto_lock_after_the_idle_time_with_a_fake_clock(encrypted_window: Any) -> None:
    clock = FakeClock()
    controller = controller_of(encrypted_window, clock)
    controller.apply_preferences()
    assert lock_preferences(encrypted_window.journal) == LockPreferences(10, True)
    controller.idle.reset()
    clock.now += 9 * 60
    assert not controller.idle.check() and not controller.locked
    QApplication.sendEvent(
        encrypted_window,
        QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier),
    )  # input resets the idle time
    clock.now += 9 * 60
    assert not controller.idle.check() and not controller.locked
    clock.now += 60
    assert controller.idle.check() and controller.locked
    assert "you were away" in encrypted_window.centralWidget().reason.text()


def test_the_idle_lock_follows_the_preferences(encrypted_window: Any) -> None:
    clock = FakeClock()
    controller = controller_of(encrypted_window, clock)
    set_lock_preferences(encrypted_window.journal, LockPreferences(0, False))
    controller.apply_preferences()
    clock.now += 10 * 3600
    assert not controller.idle.check() and not controller.locked
    controller.on_session_lock("the session was locked")
    assert not controller.locked  # turned off
    set_lock_preferences(encrypted_window.journal, LockPreferences(1, True))
    controller.apply_preferences()
    controller.on_session_lock("the session was locked")
    assert controller.locked


def test_a_plain_journal_does_not_auto_lock_by_default(main_window: Any) -> None:
    clock = FakeClock()
    controller = controller_of(main_window, clock)
    controller.apply_preferences()
    assert controller.preferences == LockPreferences(0, False)
    clock.now += 10 * 3600
    assert not controller.idle.check()


def _key_press(window: Any) -> None:
    QApplication.sendEvent(
        window, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier)
    )


def test_input_is_watched_only_while_an_idle_lock_is_set(encrypted_window: Any) -> None:
    """Without an idle timeout no app-wide filter sees the app's events (each would pass
    through Python); with one, input resets the idle time."""
    clock = FakeClock()
    controller = controller_of(encrypted_window, clock)
    set_lock_preferences(encrypted_window.journal, LockPreferences(0, False))
    controller.apply_preferences()
    assert not controller.idle.watching
    clock.now += 60
    _key_press(encrypted_window)
    assert controller.idle.idle_for() == 60  # nobody noted the key press
    set_lock_preferences(encrypted_window.journal, LockPreferences(5, True))
    controller.apply_preferences()
    assert controller.idle.watching
    clock.now += 60
    _key_press(encrypted_window)
    assert controller.idle.idle_for() == 0
    controller.idle.stop()
    assert not controller.idle.watching


def test_a_plain_journal_watches_no_input(main_window: Any) -> None:
    controller = controller_of(main_window, FakeClock())
    controller.apply_preferences()
    assert not controller.idle.watching


# --- what was being written survives the lock ----------------------------------------------


def test_locking_while_writing_a_note_offers_it_back(
    encrypted_window: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    from cxjournal.ui.dialogs.note_dialog import NoteDialog

    window = encrypted_window
    controller = controller_of(window, FakeClock())
    dialog = NoteDialog(window.journal, window)

    def type_then_lock() -> None:
        dialog.text.setPlainText("half a thought about the board")
        controller.lock("you were away")

    QTimer.singleShot(0, type_then_lock)
    assert not dialog.exec()  # the lock ended the dialog without saving
    assert controller.locked and not dialog.isVisible()
    with Journal.open(window.journal.path, SECRET, create=False) as other:
        kept = other.drafts.load("note", "new")  # in the journal, encrypted with it
    assert kept["text"] == "half a thought about the board"
    assert controller.pending_drafts[0][3] is None  # nothing of it kept in memory

    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "question",
        lambda _p, _t, text, *_a: asked.append(text) or QMessageBox.StandardButton.Yes,
    )  # fmt: skip
    resumed: list[str] = []

    def resumed_exec(again: NoteDialog) -> int:
        resumed.append(again.text.toPlainText())
        again.accept()
        return again.result()

    monkeypatch.setattr(NoteDialog, "exec", resumed_exec)
    assert controller.try_unlock(SECRET)
    qtbot.waitUntil(lambda: bool(resumed), timeout=5000)
    assert "writing a note" in asked[0]
    assert resumed == ["half a thought about the board"]
    notes = window.journal.notes.recent()
    assert [n.text for n in notes] == ["half a thought about the board"]
    assert window.journal.drafts.keys() == []  # offered back, so no longer kept


def test_an_open_window_comes_back_as_it_was(encrypted_window: Any) -> None:
    from PySide6.QtWidgets import QLineEdit

    window = encrypted_window
    controller = controller_of(window, FakeClock())
    other = QDialog(window)
    field = QLineEdit(other)
    field.setText("typed before the lock")
    other.open()
    controller.lock()
    assert not other.isVisible()
    assert controller.try_unlock(SECRET)
    assert other.isVisible() and field.text() == "typed before the lock"


def test_the_audit_form_and_the_preparation_come_back_with_what_was_typed(
    encrypted_window: Any, qtbot: Any, answer_unsaved: Any
) -> None:
    import datetime as dt

    from cxjournal.domain.model import Audit, Person, Rating
    from cxjournal.journal.drafts import audit_from_payload, audit_payload
    from cxjournal.ui.dialogs.prepare_dialog import PrepareDialog

    window = encrypted_window
    journal = window.journal
    ana = journal.people.add(Person(name="Ana Silva", team="Ops"))
    journal.audits.save(Audit(dt.date(2026, 1, 1), (Rating(ana, 5, 5, 5, 5),)))
    window.navigate("audits")
    editor = window.page("audits").open_editor(journal.audits.latest())
    editor.note_edit.setText("typed in the audit form")
    prep = PrepareDialog(journal, ana.id, lambda _area: None, window)
    prep.show()
    prep.talking_points.setPlainText("raise the churn numbers")
    payloads = (editor.draft_payload(), prep.draft_payload())
    controller = controller_of(window, FakeClock())
    controller.lock()
    assert not editor.isVisible() and not prep.isVisible()
    with Journal.open(journal.path, SECRET, create=False) as other:
        assert sorted(other.drafts.keys()) == [("audit", str(editor.original.id)),
                                               ("prepare", str(ana.id))]  # fmt: skip
        assert other.drafts.load("prepare", str(ana.id)) == payloads[1]
    assert controller.try_unlock(SECRET)
    assert journal.drafts.keys() == []  # the windows hold it again
    assert editor.isVisible() and editor.note_edit.text() == "typed in the audit form"
    assert prep.isVisible() and prep.talking_points.toPlainText() == "raise the churn numbers"
    assert payloads[1] == {"person_id": ana.id, "talking_points": "raise the churn numbers"}
    again = audit_from_payload(payloads[0], journal.people.get)
    assert again.note == "typed in the audit form" and again.ratings[0].person.id == ana.id
    assert audit_payload(again) == payloads[0]
    from cxjournal.ui.unsaved_changes import Choice

    prep.talking_points.clear()
    prep.close()
    answer_unsaved.answers.append(Choice.DISCARD)
    editor.reject()
    assert not editor.isVisible() and journal.drafts.keys() == []


def test_the_app_reads_the_lock_preferences_after_the_first_paint(
    qtbot: Any, tmp_path: Path, ui_settings: Any
) -> None:
    from cxjournal.ui.main_window import MainWindow

    path = tmp_path / "prefs" / "journal.db"
    with Journal.open(path, SECRET) as journal:
        set_lock_preferences(journal, LockPreferences(3, False))
    journal = Journal.open(path, SECRET)
    try:
        window = MainWindow(journal, settings=ui_settings)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        controller = window.extensions.lock_controller
        qtbot.waitUntil(lambda: controller.preferences == LockPreferences(3, False), timeout=15000)
        assert controller.idle.timeout == 180
    finally:
        journal.close()
