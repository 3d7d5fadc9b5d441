"""Edit > Trash…: the list, Restore, Delete for good and Empty trash (both ask first)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from cxjournal.domain.model import FollowUp, Note, Person
from cxjournal.journal import Journal
from cxjournal.journal.changes import Area
from cxjournal.ui.dialogs.trash_dialog import EMPTY_TEXT, TrashDialog
from cxjournal.ui.trash_actions import purge_expired

DAY = dt.date(2026, 3, 12)
NOON = dt.datetime(2026, 3, 12, 12, 0, tzinfo=dt.UTC)


@pytest.fixture
def clock(journal: Journal) -> list[dt.datetime]:
    now = [NOON]
    journal.trash.clock = lambda: now[0]
    return now


def _answer(monkeypatch: Any, reply: QMessageBox.StandardButton) -> list[str]:
    asked: list[str] = []

    def question(_parent: Any, _title: str, text: str, *_args: Any) -> Any:
        asked.append(text)
        return reply

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def _dialog(qtbot: Any, main_window: Any) -> TrashDialog:
    dialog = TrashDialog(main_window.services)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _texts(dialog: TrashDialog) -> list[list[str]]:
    return [
        [dialog.list.topLevelItem(row).text(column) for column in range(3)]
        for row in range(dialog.list.topLevelItemCount())
    ]


def test_the_edit_menu_opens_the_trash_and_it_explains_when_empty(
    qtbot: Any, main_window: Any, monkeypatch: Any
) -> None:
    shown: list[TrashDialog] = []
    monkeypatch.setattr(TrashDialog, "exec", lambda self: shown.append(self) or 0)
    [action] = [a for a in main_window.edit_menu.actions() if a.objectName() == "action-trash"]
    assert action.text() == "Tr&ash…"
    action.trigger()
    dialog = shown[0]
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.empty.isVisible() and not dialog.list.isVisible()
    assert dialog.empty.text() == EMPTY_TEXT
    assert not dialog.restore_button.isEnabled() and not dialog.empty_button.isEnabled()


def test_restore_puts_a_deleted_note_back_with_its_follow_ups(
    qtbot: Any, main_window: Any, journal: Journal, clock: list[dt.datetime]
) -> None:
    dana = journal.people.add(Person(name="Dana Reyes"))
    note = journal.notes.add(
        Note(on=DAY, text="Budget", person_id=dana.id, follow_ups=(FollowUp("Send the deck"),))
    )
    journal.notes.delete(note.id or 0)
    clock[0] = NOON + dt.timedelta(days=3)
    dialog = _dialog(qtbot, main_window)
    [[what, when, left]] = _texts(dialog)
    assert what == "Note about Dana Reyes, 12 Mar 2026"
    assert "12 March 2026" in when
    assert left == "27 days"
    assert "deleted for good 30 days after" in dialog.findChildren(type(dialog.empty))[0].text()
    with qtbot.waitSignal(main_window.bus.changed) as changed:
        assert dialog.restore_selected()
    assert Area.NOTES in changed.args[0]
    assert journal.notes.get(note.id or 0) == note
    assert dialog.empty.isVisible()


def test_an_item_deleted_minutes_ago_shows_the_whole_retention(
    qtbot: Any, main_window: Any, journal: Journal, clock: list[dt.datetime]
) -> None:
    journal.people.delete(journal.people.add(Person(name="Dana Reyes")).id or 0)
    clock[0] = NOON + dt.timedelta(minutes=5)  # the same day in every time zone
    [[what, _when, left]] = _texts(_dialog(qtbot, main_window))
    assert (what, left) == ("Dana Reyes", "30 days")


def test_delete_for_good_and_empty_trash_ask_first(
    qtbot: Any, main_window: Any, journal: Journal, clock: list[dt.datetime], monkeypatch: Any
) -> None:
    for name in ("Ana", "Ben", "Cy"):
        journal.people.delete(journal.people.add(Person(name=name)).id or 0)
    dialog = _dialog(qtbot, main_window)
    assert [row[0] for row in _texts(dialog)] == ["Cy", "Ben", "Ana"]

    asked = _answer(monkeypatch, QMessageBox.StandardButton.Cancel)
    assert not dialog.delete_selected() and not dialog.empty_trash()
    assert "“Cy” for good" in asked[0] and "all 3 items" in asked[1]
    assert journal.trash.count() == 3

    _answer(monkeypatch, QMessageBox.StandardButton.Yes)
    assert dialog.delete_selected()
    assert [row[0] for row in _texts(dialog)] == ["Ben", "Ana"]
    assert dialog.empty_trash()
    assert journal.trash.count() == 0 and dialog.empty.isVisible()


def test_a_restore_that_cannot_be_done_says_why_and_keeps_the_item(
    qtbot: Any, main_window: Any, journal: Journal, clock: list[dt.datetime], monkeypatch: Any
) -> None:
    dana = journal.people.add(Person(name="Dana Reyes"))
    journal.notes.delete(journal.notes.add(Note(on=DAY, text="x", person_id=dana.id)).id or 0)
    journal.people.delete(dana.id or 0)
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *_a: warned.append(text))
    dialog = _dialog(qtbot, main_window)
    dialog.list.setCurrentItem(dialog.list.topLevelItem(1))  # the note
    assert not dialog.restore_selected()
    assert "restore “Dana Reyes” first" in warned[0]
    assert journal.trash.count() == 2


def test_old_items_are_purged_at_start(
    main_window: Any, journal: Journal, clock: list[dt.datetime]
) -> None:
    journal.people.delete(journal.people.add(Person(name="Ana")).id or 0)
    clock[0] = NOON + dt.timedelta(days=31)
    journal.people.delete(journal.people.add(Person(name="Ben")).id or 0)
    assert purge_expired(main_window.services) == 1
    assert [i.label for i in journal.trash.items()] == ["Ben"]
