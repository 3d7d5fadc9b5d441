"""Nothing typed is lost: Esc with changes asks (Save / Discard / Keep editing), a draft is
kept in the journal while typing, and it goes when the work is saved or discarded."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QLineEdit, QMessageBox

from cxjournal.domain.model import Audit, Person
from cxjournal.journal import Journal
from cxjournal.ui.unsaved_changes import Choice

TODAY = dt.date(2026, 12, 2)


@pytest.fixture
def dana(journal: Journal) -> Person:
    return journal.people.add(Person(name="Dana Reyes", team="Ops"))


def open_note(main_window: Any, qtbot: Any, **kwargs: Any) -> Any:
    from cxjournal.ui.dialogs.note_dialog import NoteDialog

    dialog = NoteDialog(main_window.journal, main_window, today=TODAY, **kwargs)
    dialog.open()
    qtbot.waitExposed(dialog)
    return dialog


def test_esc_without_changes_closes_without_asking(
    main_window: Any, qtbot: Any, dana: Person, answer_unsaved: Any
) -> None:
    dialog = open_note(main_window, qtbot, person_id=dana.id)
    qtbot.keyClick(dialog.text, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert answer_unsaved.asked == []


def test_esc_with_changes_asks_and_keep_editing_keeps_the_text(
    main_window: Any, journal: Journal, qtbot: Any, dana: Person, answer_unsaved: Any
) -> None:
    dialog = open_note(main_window, qtbot, person_id=dana.id)
    qtbot.keyClicks(dialog.text, "Dana wants the churn figures")
    answer_unsaved.answers.append(Choice.KEEP_EDITING)
    qtbot.keyClick(dialog.text, Qt.Key.Key_Escape)
    assert answer_unsaved.asked == ["this note"]
    assert dialog.isVisible()
    assert dialog.text.toPlainText() == "Dana wants the churn figures"
    assert journal.notes.recent() == []


def test_discard_writes_nothing_and_removes_the_draft(
    main_window: Any, journal: Journal, qtbot: Any, dana: Person, answer_unsaved: Any
) -> None:
    dialog = open_note(main_window, qtbot, person_id=dana.id)
    qtbot.keyClicks(dialog.text, "Half a thought")
    dialog.keeper.flush()
    assert journal.drafts.load("note", "new")["text"] == "Half a thought"
    answer_unsaved.answers.append(Choice.DISCARD)
    cancel = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert answer_unsaved.asked == ["this note"]
    assert not dialog.isVisible()
    assert journal.notes.recent() == []
    assert journal.drafts.keys() == []


def test_save_writes_the_note_and_removes_the_draft(
    main_window: Any, journal: Journal, qtbot: Any, dana: Person, answer_unsaved: Any
) -> None:
    dialog = open_note(main_window, qtbot, person_id=dana.id)
    qtbot.keyClicks(dialog.text, "Agreed on the pilot")
    dialog.keeper.flush()
    answer_unsaved.answers.append(Choice.SAVE)
    dialog.close()  # the window's close button
    assert not dialog.isVisible()
    assert [n.text for n in journal.notes.recent()] == ["Agreed on the pilot"]
    assert journal.drafts.keys() == []


def test_save_that_fails_validation_stays_open_with_the_message(
    main_window: Any, journal: Journal, qtbot: Any, dana: Person, answer_unsaved: Any
) -> None:
    main_window.navigate("audits")
    editor = main_window.page("audits").open_editor(Audit(taken_on=TODAY))
    qtbot.waitExposed(editor)
    assert editor.add_person(dana) is None
    editor.rows[0].spins["value"].setValue(7)  # three core ratings still "?"
    answer_unsaved.answers.append(Choice.SAVE)
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert editor.isVisible()
    assert "Dana Reyes: rate" in editor.error.text()
    assert journal.audits.summaries() == []
    answer_unsaved.answers.append(Choice.DISCARD)
    editor.reject()
    assert not editor.isVisible() and journal.drafts.keys() == []


def test_the_question_offers_save_discard_and_keep_editing_by_default(
    main_window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cxjournal.ui import unsaved_changes

    monkeypatch.undo()  # the real question, not the tests' answers
    seen: dict[str, Any] = {}

    def exec_(box: QMessageBox) -> int:
        seen["buttons"] = [b.text().replace("&", "") for b in box.buttons()]
        seen["default"] = box.defaultButton().text().replace("&", "")
        seen["text"] = box.text()
        discard = box.button(QMessageBox.StandardButton.Discard)
        discard.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    assert unsaved_changes.ask_unsaved(main_window, "this note") is Choice.DISCARD
    assert sorted(seen["buttons"]) == ["Discard", "Keep editing", "Save"]
    assert seen["default"] == "Keep editing"
    assert seen["text"] == "Save this note before closing?"


def test_a_draft_is_kept_while_typing_and_on_focus_out(
    main_window: Any, journal: Journal, qtbot: Any, dana: Person, answer_unsaved: Any
) -> None:
    dialog = open_note(main_window, qtbot, person_id=dana.id)
    qtbot.keyClicks(dialog.text, "First line")
    assert dialog.keeper.timer.isActive()  # written once the typing pauses
    assert journal.drafts.keys() == []
    dialog.keeper.timer.timeout.emit()  # the pause is over
    assert journal.drafts.load("note", "new")["text"] == "First line"
    assert not dialog.keeper.timer.isActive()
    qtbot.keyClicks(dialog.text, ", second")
    dialog.tags.setFocus()  # the focus moves on: written at once
    qtbot.waitUntil(lambda: not dialog.keeper.timer.isActive())
    assert journal.drafts.load("note", "new")["text"] == "First line, second"
    assert journal.drafts.load("note", "new")["person_id"] == dana.id
    answer_unsaved.answers.append(Choice.DISCARD)
    dialog.reject()


def test_typing_back_to_what_was_loaded_is_no_change(
    main_window: Any, journal: Journal, qtbot: Any, dana: Person, answer_unsaved: Any
) -> None:
    from cxjournal.domain.model import Note, NoteKind

    saved = journal.notes.add(Note(on=TODAY, text="Kept", kind=NoteKind.OTHER))
    dialog = open_note(main_window, qtbot, note=saved)
    qtbot.keyClicks(dialog.text, "!")
    dialog.keeper.flush()
    assert journal.drafts.keys() == [("note", str(saved.id))]
    qtbot.keyClick(dialog.text, Qt.Key.Key_Backspace)
    dialog.keeper.flush()
    assert journal.drafts.keys() == []  # as it was loaded: nothing to keep
    qtbot.keyClick(dialog.text, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and answer_unsaved.asked == []


def test_an_audit_half_entered_is_kept_with_its_unrated_people(
    main_window: Any, journal: Journal, qtbot: Any, dana: Person, answer_unsaved: Any
) -> None:
    main_window.navigate("audits")
    editor = main_window.page("audits").open_editor(Audit(taken_on=TODAY))
    qtbot.waitExposed(editor)
    assert editor.add_person(dana) is None
    editor.rows[0].spins["value"].setValue(8)
    editor.rows[0].spins["irreplaceability"].setValue(6)
    editor.note_edit.setText("before the reorganisation")
    editor.keeper.timer.timeout.emit()
    kept = journal.drafts.load("audit", "new")
    assert kept["note"] == "before the reorganisation"
    assert kept["ratings"] == []
    assert kept["unrated"][0]["person"] == {"id": dana.id}
    assert kept["unrated"][0]["values"]["value"] == 8
    assert kept["unrated"][0]["values"]["irreplaceability"] == 6
    answer_unsaved.answers.append(Choice.DISCARD)
    editor.reject()
    assert journal.drafts.keys() == []


def test_talking_points_are_kept_while_typing_and_go_when_saved(
    main_window: Any, journal: Journal, qtbot: Any, dana: Person
) -> None:
    from cxjournal.ui.dialogs.prepare_dialog import PrepareDialog

    prep = PrepareDialog(journal, dana.id or 0, main_window.bus.announce, main_window, TODAY)
    prep.show()
    qtbot.waitExposed(prep)
    qtbot.keyClicks(prep.talking_points, "Ask for the budget")
    prep.keeper.timer.timeout.emit()
    assert journal.drafts.load("prepare", str(dana.id)) == {
        "person_id": dana.id,
        "talking_points": "Ask for the budget",
    }
    qtbot.mouseClick(prep.done_button, Qt.MouseButton.LeftButton)
    assert not prep.isVisible()
    assert journal.drafts.keys() == []
    assert journal.notes.for_person(dana.id or 0, limit=1)[0].text == "Ask for the budget"


def test_closing_the_main_window_asks_about_an_open_dialog(
    main_window: Any, journal: Journal, qtbot: Any, dana: Person, answer_unsaved: Any
) -> None:
    dialog = open_note(main_window, qtbot, person_id=dana.id)
    qtbot.keyClicks(dialog.text, "Do not lose me")
    answer_unsaved.answers.append(Choice.KEEP_EDITING)
    assert not main_window.close()
    assert main_window.isVisible() and dialog.isVisible()
    assert dialog.text.toPlainText() == "Do not lose me"
    answer_unsaved.answers.append(Choice.SAVE)
    assert main_window.close()
    assert [n.text for n in journal.notes.recent()] == ["Do not lose me"]


def test_at_logout_the_draft_is_kept_without_a_question(
    main_window: Any, journal: Journal, qtbot: Any, dana: Person, answer_unsaved: Any
) -> None:
    dialog = open_note(main_window, qtbot, person_id=dana.id)
    qtbot.keyClicks(dialog.text, "Typed just before logout")
    main_window.close_policy.ending = True
    assert main_window.close()
    assert answer_unsaved.asked == []
    assert journal.drafts.load("note", "new")["text"] == "Typed just before logout"


def test_follow_up_text_counts_as_a_change(
    main_window: Any, qtbot: Any, dana: Person, answer_unsaved: Any
) -> None:
    dialog = open_note(main_window, qtbot, person_id=dana.id)
    row = dialog.add_follow_up()
    qtbot.keyClicks(row.text, "send the deck")
    assert dialog.keeper.timer.isActive() and dialog.keeper.dirty()
    answer_unsaved.answers.append(Choice.DISCARD)
    qtbot.keyClick(row.text, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and answer_unsaved.asked == ["this note"]
    assert isinstance(row.text, QLineEdit)


# --- after a crash: the next start offers the drafts back -----------------------------------


def second_window(qtbot: Any, journal_path: Any, ui_settings: Any) -> tuple[Any, Journal]:
    """A new main window on a new handle of the same journal file, as the next start makes
    it: the first window was never closed, as after a crash."""
    from cxjournal.ui.main_window import MainWindow

    journal = Journal.open(journal_path, create=False)
    window = MainWindow(journal, settings=ui_settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window, journal


def test_after_a_crash_the_next_start_offers_the_note_back(
    main_window: Any,
    journal: Journal,
    journal_path: Any,
    ui_settings: Any,
    qtbot: Any,
    dana: Person,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from cxjournal.ui.dialogs.note_dialog import NoteDialog

    first = open_note(main_window, qtbot, person_id=dana.id)
    qtbot.keyClicks(first.text, "Dana will back the pilot if finance agrees")
    first.keeper.timer.timeout.emit()  # the pause after typing: the draft is written
    window, again = second_window(qtbot, journal_path, ui_settings)
    try:
        qtbot.waitUntil(lambda: window.extensions.resume_offer is not None, timeout=5000)
        offer = window.extensions.resume_offer
        assert offer.isVisible() and not offer.isModal()
        assert offer.keys() == [("note", "new")]
        labels = " ".join(label.text() for label in offer.findChildren(QLabel))
        assert "Note about Dana Reyes" in labels
        assert "Dana will back the pilot if finance agrees" in labels
        resumed: list[str] = []

        def resumed_exec(dialog: NoteDialog) -> int:
            resumed.append(dialog.text.toPlainText())
            assert dialog.keeper.dirty()  # still a draft until saved
            dialog.accept()
            return dialog.result()

        monkeypatch.setattr(NoteDialog, "exec", resumed_exec)
        qtbot.mouseClick(offer.resume_button("note", "new"), Qt.MouseButton.LeftButton)
        assert resumed == ["Dana will back the pilot if finance agrees"]
        assert [n.text for n in again.notes.recent()] == resumed
        assert again.drafts.keys() == []
        assert not offer.isVisible()
    finally:
        window.close()
        again.close()


def test_after_a_crash_an_audit_half_entered_comes_back(
    main_window: Any,
    journal: Journal,
    journal_path: Any,
    ui_settings: Any,
    qtbot: Any,
    dana: Person,
    answer_unsaved: Any,
) -> None:
    ben = journal.people.add(Person(name="Ben Okafor", team="Sales"))
    main_window.navigate("audits")
    editor = main_window.page("audits").open_editor(Audit(taken_on=TODAY))
    qtbot.waitExposed(editor)
    editor.add_person(dana)
    editor.add_person(ben)
    for name, value in zip(("value", "irreplaceability", "my_value", "my_irreplaceability"),
                           (8, 7, 5, 4), strict=True):  # fmt: skip
        editor.rows[1].spins[name].setValue(value)
    editor.rows[0].spins["value"].setValue(3)  # Dana: only one rating so far
    editor.keeper.flush()
    window, again = second_window(qtbot, journal_path, ui_settings)
    try:
        qtbot.waitUntil(lambda: window.extensions.resume_offer is not None, timeout=5000)
        offer = window.extensions.resume_offer
        qtbot.mouseClick(offer.resume_button("audit", "new"), Qt.MouseButton.LeftButton)
        back = window.page("audits").editor
        assert back is not None and back.isVisible()
        assert [row.person.name for row in back.rows] == ["Dana Reyes", "Ben Okafor"]
        assert back.rows[0].spins["value"].value() == 3
        assert back.rows[0].missing() == ["irreplaceability", "my_value", "my_irreplaceability"]
        assert back.rows[1].rating() is not None
        assert back.keeper.dirty()
        assert again.drafts.keys() == [("audit", "new")]  # a draft until it is saved
        answer_unsaved.answers.append(Choice.DISCARD)
        back.reject()
        assert answer_unsaved.asked == ["this audit"] and again.drafts.keys() == []
    finally:
        window.close()
        again.close()


def test_no_offer_without_drafts(
    main_window: Any, journal_path: Any, ui_settings: Any, qtbot: Any
) -> None:
    window, again = second_window(qtbot, journal_path, ui_settings)
    try:
        from cxjournal.ui.draft_resume import offer_drafts

        assert offer_drafts(window.services) is None
        assert window.extensions.resume_offer is None
    finally:
        window.close()
        again.close()


def test_discard_all_throws_the_drafts_away(
    main_window: Any, journal: Journal, journal_path: Any, ui_settings: Any, qtbot: Any,
    dana: Person,
) -> None:  # fmt: skip
    journal.drafts.save("prepare", str(dana.id), {"person_id": dana.id, "talking_points": "x"})
    journal.drafts.save("note", "new", {"on": TODAY.isoformat(), "text": "y", "kind": "other"})
    window, again = second_window(qtbot, journal_path, ui_settings)
    try:
        qtbot.waitUntil(lambda: window.extensions.resume_offer is not None, timeout=5000)
        offer = window.extensions.resume_offer
        assert sorted(offer.keys()) == [("note", "new"), ("prepare", str(dana.id))]
        qtbot.mouseClick(offer.discard_all_button, Qt.MouseButton.LeftButton)
        assert again.drafts.keys() == [] and not offer.isVisible()
    finally:
        window.close()
        again.close()


# --- the audit form: Enter walks on, and a removal can be undone ------------------------------

CORE = ("value", "irreplaceability", "my_value", "my_irreplaceability")


def new_audit_with(main_window: Any, qtbot: Any, people: list[Person]) -> Any:
    main_window.navigate("audits")
    editor = main_window.page("audits").open_editor(Audit(taken_on=TODAY))
    qtbot.waitExposed(editor)
    editor.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    for person in people:
        assert editor.add_person(person) is None
    return editor


def test_enter_walks_each_person_then_goes_to_add_person(
    main_window: Any, journal: Journal, qtbot: Any, dana: Person, answer_unsaved: Any
) -> None:
    ben = journal.people.add(Person(name="Ben Okafor", team="Sales"))
    editor = new_audit_with(main_window, qtbot, [dana, ben])
    editor.rows[0].focus_first()
    for index, row in enumerate(editor.rows):
        for field in CORE:
            assert QApplication.focusWidget() is row.spins[field]
            qtbot.keyClicks(row.spins[field], "6")
            qtbot.keyClick(row.spins[field], Qt.Key.Key_Return)
        for _aspect in range(5):  # the optional aspects: Enter leaves them unrated
            assert QApplication.focusWidget() is not row.remove_button
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        after = editor.rows[index + 1].spins["value"] if index == 0 else editor.adder.name_edit
        assert QApplication.focusWidget() is after  # never the remove button
    assert len(editor.rows) == 2 and editor.isVisible()
    assert all(row.rating() is not None for row in editor.rows)
    answer_unsaved.answers.append(Choice.DISCARD)
    editor.reject()


def test_removing_a_rated_person_is_undone_in_place_with_ratings_and_ties(
    main_window: Any, journal: Journal, qtbot: Any, dana: Person, answer_unsaved: Any
) -> None:
    ben = journal.people.add(Person(name="Ben Okafor", team="Sales"))
    chen = journal.people.add(Person(name="Chen Wu", team="Finance"))
    editor = new_audit_with(main_window, qtbot, [dana, ben, chen])
    for number, row in enumerate(editor.rows, start=3):
        for field in CORE:
            row.spins[field].setValue(number)
    editor.rows[1].spins["career_guidance"].setValue(9)
    slots = [editor.people_rows.slots[row] for row in editor.rows]
    editor.ties_editor.set_ties([(slots[0], slots[1]), (slots[1], slots[2])], True)
    before = editor.draft()

    qtbot.mouseClick(editor.rows[1].remove_button, Qt.MouseButton.LeftButton)
    assert [row.person.name for row in editor.rows] == ["Dana Reyes", "Chen Wu"]
    assert answer_unsaved.asked == []  # no confirmation in the way
    assert editor.undo_bar.isVisible()
    assert editor.undo_bar.message.text() == "Removed Ben Okafor from this audit."
    assert editor.ties_editor.ties() == ()

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [row.person.name for row in editor.rows] == ["Dana Reyes", "Ben Okafor", "Chen Wu"]
    assert editor.draft() == before  # the same ratings, aspect and ties, in the same place
    assert not editor.undo_bar.isVisible()

    qtbot.mouseClick(editor.rows[0].remove_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(editor.undo_bar.undo_button, Qt.MouseButton.LeftButton)
    assert editor.draft() == before
    answer_unsaved.answers.append(Choice.DISCARD)
    editor.reject()


def test_ctrl_z_in_the_name_line_undoes_a_removal_once_its_typing_is_undone(
    main_window: Any, journal: Journal, qtbot: Any, dana: Person, answer_unsaved: Any
) -> None:
    editor = new_audit_with(main_window, qtbot, [dana])
    editor.rows[0].spins["value"].setValue(4)
    qtbot.mouseClick(editor.rows[0].remove_button, Qt.MouseButton.LeftButton)
    assert editor.rows == [] and QApplication.focusWidget() is editor.adder.name_edit
    qtbot.keyClick(editor.adder.name_edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [row.person.name for row in editor.rows] == ["Dana Reyes"]
    assert editor.rows[0].spins["value"].value() == 4
    answer_unsaved.answers.append(Choice.DISCARD)
    editor.reject()


# --- the shorter forms ask too (they keep no draft) ------------------------------------------


def test_the_profile_and_talking_point_forms_ask_only_with_changes(
    main_window: Any, journal: Journal, qtbot: Any, dana: Person, answer_unsaved: Any
) -> None:
    from cxjournal.ui.dialogs.talking_point_dialog import TalkingPointDialog
    from cxjournal.ui.person_profile import PersonProfileDialog

    profile = PersonProfileDialog(journal, main_window, dana)
    profile.open()
    qtbot.waitExposed(profile)
    qtbot.keyClick(profile.name, Qt.Key.Key_Escape)
    assert not profile.isVisible() and answer_unsaved.asked == []

    profile = PersonProfileDialog(journal, main_window, dana)
    profile.open()
    qtbot.waitExposed(profile)
    profile.name.end(False)
    qtbot.keyClicks(profile.name, " Jr")
    answer_unsaved.answers += [Choice.KEEP_EDITING, Choice.SAVE]
    qtbot.keyClick(profile.name, Qt.Key.Key_Escape)
    assert profile.isVisible() and profile.name.text() == "Dana Reyes Jr"
    qtbot.keyClick(profile.name, Qt.Key.Key_Escape)
    assert not profile.isVisible()
    assert journal.people.get(dana.id or 0).name == "Dana Reyes Jr"
    assert answer_unsaved.asked == ["this profile"] * 2

    point = TalkingPointDialog(journal, main_window, dana.id, TODAY)
    point.open()
    qtbot.waitExposed(point)
    qtbot.keyClicks(point.text, "Raise the renewal")
    answer_unsaved.answers.append(Choice.DISCARD)
    qtbot.keyClick(point.text, Qt.Key.Key_Escape)
    assert not point.isVisible() and journal.agenda.open_for(dana.id or 0) == []
    assert journal.drafts.keys() == []  # the short forms keep no draft


def test_a_draft_left_from_before_is_set_aside_never_replaced(
    main_window: Any,
    journal: Journal,
    journal_path: Any,
    ui_settings: Any,
    qtbot: Any,
    dana: Person,
    answer_unsaved: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from cxjournal.ui.dialogs.note_dialog import NoteDialog

    left = {"on": TODAY.isoformat(), "text": "Written before the crash", "kind": "other"}
    journal.drafts.save("note", "new", left)
    untouched = open_note(main_window, qtbot)
    qtbot.keyClick(untouched.text, Qt.Key.Key_Escape)  # no changes: closes, drops nothing
    assert journal.drafts.load("note", "new")["text"] == "Written before the crash"

    second = open_note(main_window, qtbot, person_id=dana.id)
    qtbot.keyClicks(second.text, "A second new note")
    second.keeper.flush()
    texts = {draft.key: draft.payload["text"] for draft in journal.drafts.all()}
    assert sorted(texts.values()) == ["A second new note", "Written before the crash"]
    assert texts["new"] == "A second new note"
    (aside,) = (key for key in texts if key != "new")
    answer_unsaved.answers.append(Choice.DISCARD)
    second.reject()
    assert journal.drafts.keys() == [("note", aside)]  # only the new one's draft went

    window, again = second_window(qtbot, journal_path, ui_settings)
    try:
        qtbot.waitUntil(lambda: window.extensions.resume_offer is not None, timeout=5000)
        offer = window.extensions.resume_offer
        monkeypatch.setattr(NoteDialog, "exec", lambda dialog: dialog.accept() or 1)
        qtbot.mouseClick(offer.resume_button("note", aside), Qt.MouseButton.LeftButton)
        assert [n.text for n in again.notes.recent()] == ["Written before the crash"]
        assert again.drafts.keys() == []
    finally:
        window.close()
        again.close()
