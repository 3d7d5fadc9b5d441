"""A GUI write the journal refuses (busy, disk full) says so, and nothing typed is lost.

The journal really fails here: another process holds its write lock (``BEGIN
EXCLUSIVE``), or the file may not grow (SQLite's ``max_page_count``, which
fails a write exactly as a full disk does). The app's connections are told not
to wait for the lock (``busy_timeout`` 0), so nothing here waits on a clock.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox, QLineEdit, QMessageBox
from sqlalchemy import event

from cxjournal.domain.model import (
    Audit,
    ExitStatus,
    FollowUp,
    Note,
    Person,
    Rating,
    ResilienceEntry,
)
from cxjournal.journal import Journal
from cxjournal.journal.changes import Area

TODAY = dt.date.today()
HOLD_LOCK = (
    "import sqlite3, sys\n"
    "db = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
    "db.execute('BEGIN EXCLUSIVE')\n"
    "print('locked', flush=True)\n"
    "sys.stdin.read()\n"
)


class Lock:
    """Another program holding the journal's write lock until ``release``."""

    def __init__(self, path: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", HOLD_LOCK, str(path)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout is not None
        assert self.process.stdout.readline().strip() == "locked"

    def release(self) -> None:
        if self.process.poll() is None:
            assert self.process.stdin is not None
            self.process.stdin.close()
            self.process.wait(timeout=30)
        if self.process.stdout is not None:
            self.process.stdout.close()


def no_waiting(journal: Journal) -> None:
    """The app's connections fail at once on a held lock instead of retrying."""
    event.listen(
        journal.engine, "connect", lambda conn, _r: conn.execute("PRAGMA busy_timeout = 0")
    )
    journal.engine.dispose()


def disk_full(journal: Journal) -> None:
    """The journal file may not grow by a single page from now on."""
    pages = journal.raw().execute("PRAGMA page_count").fetchone()[0]
    event.listen(
        journal.engine, "connect", lambda conn, _r: conn.execute(f"PRAGMA max_page_count = {pages}")
    )
    journal.engine.dispose()


@pytest.fixture
def lock(journal: Journal, journal_path: Path) -> Iterator[Lock]:
    journal.settings.all()  # the journal exists before the lock is taken
    no_waiting(journal)
    held = Lock(journal_path)
    yield held
    held.release()


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []

    def warning(_parent: Any, title: str, text: str, *_args: Any) -> Any:
        shown.append((title, text))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", warning)
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    return shown


BUSY = "the journal is busy: another program is writing to it"


def refused(shown: list[tuple[str, str]], what: str, why: str = BUSY) -> None:
    assert len(shown) == 1, shown
    title, text = shown.pop()
    assert title == f"Could not {what}"
    assert text.startswith(f"Could not {what}: {why}")
    assert "Traceback" not in text


# -- the check-in --------------------------------------------------------------------------


def type_checkin(qtbot: Any, main_window: Any) -> Any:
    main_window.navigate("resilience")
    page = main_window.page("resilience")
    page.form.sliders["energy"].setValue(3)
    qtbot.keyClicks(page.form.drains, "late email")
    qtbot.keyClicks(page.form.note, "Board prep ran late")
    page.form.note.setText(page.form.note.text() + ", and so did the review" * 800)
    return page


def test_a_checkin_on_a_full_disk_says_so_and_keeps_what_was_typed(
    qtbot: Any, main_window: Any, journal: Journal, warnings: list[tuple[str, str]]
) -> None:
    page = type_checkin(qtbot, main_window)
    typed = page.form.entry()
    disk_full(journal)
    qtbot.mouseClick(page.form.save_button, Qt.MouseButton.LeftButton)
    refused(warnings, "save the check-in", "the disk is full. Free some space, then try again")
    assert journal.resilience.get(TODAY) is None
    assert page.form.entry() == typed
    assert page.form.is_dirty()


def test_a_checkin_while_the_journal_is_busy_is_kept_until_it_saves(
    qtbot: Any, main_window: Any, journal: Journal, lock: Lock, warnings: list[tuple[str, str]]
) -> None:
    page = type_checkin(qtbot, main_window)
    typed = page.form.entry()
    qtbot.mouseClick(page.form.save_button, Qt.MouseButton.LeftButton)
    refused(warnings, "save the check-in")
    assert page.form.entry() == typed
    lock.release()
    qtbot.mouseClick(page.form.save_button, Qt.MouseButton.LeftButton)
    assert warnings == []
    saved = journal.resilience.get(TODAY)
    assert saved is not None and replace(saved, id=None) == typed


# -- notes, people, audits -----------------------------------------------------------------


def test_the_note_dialog_stays_open_with_the_note(
    qtbot: Any, journal: Journal, lock: Lock, warnings: list[tuple[str, str]]
) -> None:
    from cxjournal.ui.dialogs.note_dialog import NoteDialog

    dialog = NoteDialog(journal)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.text, "What Ana said about the budget")
    dialog.accept()
    refused(warnings, "save the note")
    assert dialog.isVisible() and dialog.result() != dialog.DialogCode.Accepted
    assert dialog.text.toPlainText() == "What Ana said about the budget"
    lock.release()
    dialog.accept()
    assert [n.text for n in journal.notes.recent()] == ["What Ana said about the budget"]


def test_the_profile_dialog_stays_open_with_the_profile(
    qtbot: Any, journal: Journal, lock: Lock, warnings: list[tuple[str, str]]
) -> None:
    from cxjournal.ui.person_profile import PersonProfileDialog

    dialog = PersonProfileDialog(journal)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.name, "Ana Silva")
    qtbot.keyClicks(dialog.fields["role"], "VP Operations")
    dialog.accept()
    refused(warnings, "save this person")
    assert dialog.isVisible()
    assert (dialog.name.text(), dialog.fields["role"].text()) == ("Ana Silva", "VP Operations")
    assert journal.people.all() == []


def test_the_audit_editor_stays_open_with_its_ratings(
    qtbot: Any, main_window: Any, journal: Journal, warnings: list[tuple[str, str]]
) -> None:
    ana = journal.people.add(Person(name="Ana"))
    rating = Rating(person=ana, value=8, irreplaceability=7, my_value=5, my_irreplaceability=4)
    journal.audits.save(Audit(taken_on=TODAY, ratings=(rating,)))
    main_window.bus.announce(Area.ALL)
    main_window.navigate("audits")
    page = main_window.page("audits")
    page.select_row(0)
    page.edit_selected()
    editor = page.editor
    editor.rows[0].spins["value"].setValue(3)
    no_waiting(journal)
    lock = Lock(journal.path)
    try:
        editor.save()
        refused(warnings, "save the audit")
        assert editor.isVisible()
        assert editor.rows[0].spins["value"].value() == 3
    finally:
        lock.release()
    editor.save()
    assert warnings == []
    assert journal.audits.latest().ratings[0].value == 3  # type: ignore[union-attr]


# -- toggles and small edits: a clear message, and the screen shows what the journal holds ---


def test_a_follow_up_tick_on_today_is_undone_with_a_message(
    qtbot: Any, main_window: Any, journal: Journal, warnings: list[tuple[str, str]]
) -> None:
    journal.notes.add(Note(on=TODAY, text="x", follow_ups=(FollowUp("chase", due=TODAY),)))
    main_window.bus.announce(Area.ALL)
    main_window.navigate("today")
    page = main_window.page("today")
    [box] = [b for b in page.findChildren(QCheckBox) if b.isVisible()]
    no_waiting(journal)
    lock = Lock(journal.path)
    try:
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(6, box.height() // 2))
        refused(warnings, "update the follow-up")
        assert not journal.notes.recent()[0].follow_ups[0].done
        [box] = [b for b in page.findChildren(QCheckBox) if b.isVisible()]
        assert not box.isChecked()  # redrawn from the journal
    finally:
        lock.release()


def test_exit_plan_steps_keep_the_words_typed(
    qtbot: Any, main_window: Any, journal: Journal, warnings: list[tuple[str, str]]
) -> None:
    journal.exit_plan.start()
    main_window.bus.announce(Area.ALL)
    main_window.navigate("exit_plan")
    page = main_window.page("exit_plan")
    assert journal.exit_plan.status() is ExitStatus.ACTIVE
    no_waiting(journal)
    lock = Lock(journal.path)
    try:
        qtbot.keyClicks(page.new_step, "Call Priya about the opening")
        qtbot.keyClick(page.new_step, Qt.Key.Key_Return)
        refused(warnings, "add the step")
        assert page.new_step.text() == "Call Priya about the opening"
    finally:
        lock.release()
    qtbot.keyClick(page.new_step, Qt.Key.Key_Return)
    [added] = [i for i in journal.exit_plan.get().items if i.text.startswith("Call Priya")]
    assert added.text == "Call Priya about the opening"
    lock = Lock(journal.path)
    try:
        row = page.model.row_of(added.id)
        page.select_row(row)
        page.model.setData(page.model.index(row, 1), "Call Priya on Monday")
        refused(warnings, "change the step", BUSY)
        assert page.model.item(row).text == "Call Priya about the opening"
        qtbot.waitUntil(lambda: isinstance(page.table.focusWidget(), QLineEdit))
        assert page.table.focusWidget().text() == "Call Priya on Monday"  # to try again
    finally:
        lock.release()


def test_settings_dialogs_stay_open_with_their_values(
    qtbot: Any, main_window: Any, journal: Journal, lock: Lock, warnings: list[tuple[str, str]]
) -> None:
    from cxjournal.ui.preferences.thresholds_tab import ThresholdsTab

    dialog = ThresholdsTab(main_window.services)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.inputs["deep_min"].setValue(7)  # saved as it changes: refused while busy
    refused(warnings, "save the thresholds")
    assert dialog.isVisible() and dialog.inputs["deep_min"].value() == 7
    lock.release()
    assert dialog.save()
    assert journal.settings.thresholds().deep_min == 7


def test_deleting_while_busy_changes_nothing_and_says_so(
    qtbot: Any, main_window: Any, journal: Journal, warnings: list[tuple[str, str]]
) -> None:
    journal.resilience.save(ResilienceEntry(on=TODAY, energy=5, stress=5, mood=5))
    ben = journal.people.add(Person(name="Ben"))
    main_window.bus.announce(Area.ALL)
    main_window.navigate("resilience")
    resilience = main_window.page("resilience")
    resilience.history_view.setCurrentIndex(resilience.history_model.index(0, 0))
    main_window.navigate("people")
    people = main_window.page("people")
    assert people.select_person(ben.id)
    no_waiting(journal)
    lock = Lock(journal.path)
    try:
        resilience.delete_selected()
        refused(warnings, "delete the check-in", BUSY)
        people.delete_person()
        refused(warnings, "delete this person", BUSY)
        people.toggle_archived()
        refused(warnings, "archive this person", BUSY)
    finally:
        lock.release()
    assert journal.resilience.get(TODAY) is not None
    assert [p.name for p in journal.people.all()] == ["Ben"]
