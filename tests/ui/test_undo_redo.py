"""Edit > Undo / Redo: GUI changes undone and redone, named in the Edit menu, by keyboard."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from cxjournal.domain.model import Audit, FollowUp, Note, Person, Rating, ResilienceEntry
from cxjournal.journal import Journal
from cxjournal.journal.changes import Area

DAY = dt.date(2026, 3, 12)


@pytest.fixture
def yes(monkeypatch: Any) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)


def _edit_texts(window: Any) -> list[str]:
    return [a.text() for a in window.edit_menu.actions() if not a.isSeparator()]


def _undo(window: Any) -> Any:
    return window.extensions.undo


def _press(qtbot: Any, window: Any, key: Qt.Key, modifiers: Qt.KeyboardModifier) -> None:
    window.activateWindow()
    window.sidebar.setFocus()
    qtbot.waitUntil(window.sidebar.hasFocus)
    qtbot.keyClick(window.sidebar, key, modifiers)


def test_undo_and_redo_come_first_in_the_edit_menu(main_window: Any) -> None:
    texts = _edit_texts(main_window)
    assert texts[:2] == ["&Undo", "&Redo"]
    undo = _undo(main_window)
    assert not undo.undo_action.isEnabled() and not undo.redo_action.isEnabled()
    assert undo.undo_action.shortcut().toString() == "Ctrl+Z"
    assert "Ctrl+Shift+Z" in [k.toString() for k in undo.redo_action.shortcuts()]


def test_ctrl_z_restores_a_deleted_audit_and_ctrl_shift_z_deletes_it_again(
    qtbot: Any, main_window: Any, journal: Journal, yes: None
) -> None:
    ana = journal.people.add(Person(name="Ana Silva"))
    audit = journal.audits.save(Audit(taken_on=DAY, ratings=(Rating(ana, 8, 7, 5, 4),)))
    main_window.bus.announce(Area.ALL)
    main_window.navigate("audits")
    page = main_window.page("audits")
    page.select_row(0)
    page.delete_selected()
    assert journal.audits.summaries() == []
    assert _edit_texts(main_window)[0] == "&Undo Delete audit"

    with qtbot.waitSignal(main_window.bus.changed):
        _press(qtbot, main_window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert journal.audits.get(audit.id or 0) == audit
    assert journal.trash.count() == 0
    assert page.model.rowCount() == 1  # the page redrew from what the undo changed
    assert _edit_texts(main_window)[1] == "&Redo Delete audit"

    _press(
        qtbot,
        main_window,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert journal.audits.summaries() == [] and journal.trash.count() == 1
    assert page.model.rowCount() == 0


def test_a_check_in_saved_on_its_page_is_undone_and_redone(
    qtbot: Any, main_window: Any, journal: Journal
) -> None:
    main_window.navigate("resilience")
    page = main_window.page("resilience")
    entry = ResilienceEntry(on=DAY, energy=6, stress=4, mood=7)
    assert page.save_checkin(entry) is not None
    undo = _undo(main_window)
    assert undo.stack.undoText() == "Save check-in"
    undo.stack.undo()
    assert journal.resilience.get(DAY) is None
    undo.stack.redo()
    assert journal.resilience.get(DAY) is not None


def test_follow_up_done_on_today_is_undone(qtbot: Any, main_window: Any, journal: Journal) -> None:
    dana = journal.people.add(Person(name="Dana Reyes"))
    note = journal.notes.add(
        Note(on=DAY, text="x", person_id=dana.id, follow_ups=(FollowUp("Send", DAY),))
    )
    fid = note.follow_ups[0].id or 0
    main_window.navigate("today")
    today = main_window.page("today")
    today.follow_up_actions.done(fid, True)
    assert journal.notes.get(note.id or 0).follow_ups[0].done
    undo = _undo(main_window)
    assert undo.stack.undoText() == "Mark follow-up done"
    undo.stack.undo()
    assert not journal.notes.get(note.id or 0).follow_ups[0].done
    today.follow_up_actions.snooze(fid, DAY + dt.timedelta(days=7))
    today.follow_up_actions.dismiss(fid)
    assert journal.notes.get(note.id or 0).follow_ups[0].due is None
    undo.stack.undo()
    undo.stack.undo()
    assert journal.notes.get(note.id or 0).follow_ups[0] == note.follow_ups[0]


def test_an_undo_that_cannot_be_done_says_why_and_leaves_the_stack(
    qtbot: Any, main_window: Any, journal: Journal, yes: None, monkeypatch: Any
) -> None:
    journal.resilience.save(ResilienceEntry(on=DAY, energy=6, stress=4, mood=7))
    main_window.bus.announce(Area.ALL)
    main_window.navigate("resilience")
    page = main_window.page("resilience")
    page.tabs.setCurrentIndex(2)
    page.history_view.selectRow(0)
    page.delete_selected()
    journal.resilience.save(ResilienceEntry(on=DAY, energy=1, stress=9, mood=2))  # elsewhere
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *_a: warned.append(text))
    undo = _undo(main_window)
    undo.stack.undo()
    assert "newer check-in" in warned[0]
    assert undo.stack.count() == 0 and not undo.undo_action.isEnabled()
    assert journal.resilience.get(DAY).mood == 2  # type: ignore[union-attr]


def test_replacing_the_whole_journal_clears_the_history(
    qtbot: Any, main_window: Any, journal: Journal
) -> None:
    main_window.navigate("resilience")
    main_window.page("resilience").save_checkin(ResilienceEntry(on=DAY, energy=6, stress=4, mood=7))
    assert _undo(main_window).stack.count() == 1
    main_window.bus.announce(Area.ALL)  # an import, a restore, an unlock
    assert _undo(main_window).stack.count() == 0


def test_a_1_1_note_with_ticked_points_and_a_proof_point_are_undone(
    qtbot: Any, main_window: Any, journal: Journal
) -> None:
    from cxjournal.ui.dialogs.prepare_dialog import PrepareDialog
    from cxjournal.ui.dialogs.proof_point_dialog import ProofPointDialog

    ana = journal.people.add(Person(name="Ana Silva"))
    assert ana.id is not None
    journal.agenda.add(ana.id, "Offer to introduce Chen", DAY)
    dialog = PrepareDialog(journal, ana.id, main_window.bus.announce, main_window, today=DAY)
    qtbot.addWidget(dialog)
    dialog.agenda.boxes[0].setChecked(True)
    dialog.talking_points.setPlainText("We agreed on the intro")
    assert dialog.save_note()
    undo = _undo(main_window)
    assert [undo.stack.text(i) for i in range(undo.stack.count())] == [
        "Tick talking point",
        "Save 1:1 talking points",
    ]
    undo.stack.undo()
    assert journal.notes.count() == 0 and journal.agenda.open_for(ana.id) == []
    undo.stack.undo()
    assert [p.text for p in journal.agenda.open_for(ana.id)] == ["Offer to introduce Chen"]

    points = ProofPointDialog(journal, None, main_window, DAY)
    qtbot.addWidget(points)
    points.title.setText("Callbacks kept")
    points.accept()
    assert [p.title for p in journal.program.proof_points()] == ["Callbacks kept"]
    assert undo.stack.undoText() == "Add proof point"
    undo.stack.undo()
    assert journal.program.proof_points() == []
    undo.stack.redo()
    assert [p.title for p in journal.program.proof_points()] == ["Callbacks kept"]


def test_a_follow_up_deleted_from_today_goes_to_the_trash_and_undo_brings_it_back(
    qtbot: Any, main_window: Any, journal: Journal
) -> None:
    dana = journal.people.add(Person(name="Dana Reyes"))
    note = journal.notes.add(
        Note(on=DAY, text="x", person_id=dana.id, follow_ups=(FollowUp("Send", DAY),))
    )
    main_window.bus.announce(Area.ALL)
    main_window.navigate("today")
    today = main_window.page("today")
    today.refresh_if_stale()
    [action] = [
        a
        for menu in today.follow_up_card.findChildren(type(main_window.edit_menu))
        for a in menu.actions()
        if a.objectName() == "follow-up-delete"
    ] or [None]
    assert action is not None
    action.trigger()
    assert journal.notes.get(note.id or 0).follow_ups == ()
    assert [i.label for i in journal.trash.items()] == ["Follow-up “Send”"]
    _undo(main_window).stack.undo()
    assert journal.notes.get(note.id or 0) == note and journal.trash.count() == 0
