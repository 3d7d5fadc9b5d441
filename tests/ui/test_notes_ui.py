"""Notes through the widgets: the quick-add dialog with follow-ups, the Journal view (lazy
paging, open_item, ticking follow-ups off), Ctrl+N, editing and deleting."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from cxjournal.domain.model import Attitude, FollowUp, Note, NoteKind, Person
from cxjournal.journal import Journal
from cxjournal.journal.changes import Area
from cxjournal.ui.dialogs.note_dialog import NoteDialog
from cxjournal.ui.models.notes_model import PAGE_SIZE, NotesModel
from cxjournal.ui.widgets.attitude_strip import AttitudeStrip, trend_words

TODAY = dt.date.today()


def journal_page(main_window: Any) -> Any:
    main_window.bus.announce(Area.ALL)
    main_window.navigate("journal")
    return main_window.page("journal")


def test_quick_add_defaults_and_follow_ups(journal: Journal, qtbot: Any) -> None:
    ana = journal.people.add(Person(name="Ana"))
    journal.notes.add(
        Note(on=TODAY - dt.timedelta(days=3), text="", person_id=ana.id, attitude=Attitude.NEUTRAL)
    )
    dialog = NoteDialog(journal, person_id=ana.id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    assert dialog.date.date().toPython() == TODAY
    assert dialog.kind.currentData() == "one_on_one"
    assert dialog.attitude.currentData() == "neutral"
    qtbot.keyClicks(dialog.text, "Budget is frozen until Q3")
    qtbot.keyClicks(dialog.tags, "budget, q3")
    qtbot.mouseClick(dialog.add_follow_up_button, Qt.MouseButton.LeftButton)
    first = dialog.follow_up_rows()[0]
    qtbot.keyClicks(first.text, "Send revised plan")
    first.due.setDate(QDate(2030, 1, 15))
    qtbot.mouseClick(dialog.add_follow_up_button, Qt.MouseButton.LeftButton)
    second = dialog.follow_up_rows()[1]
    qtbot.keyClicks(second.text, "Ask about headcount")
    second.has_due.setChecked(False)
    qtbot.mouseClick(dialog.add_follow_up_button, Qt.MouseButton.LeftButton)  # left empty
    qtbot.keyClick(dialog.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result() == dialog.DialogCode.Accepted
    saved = journal.notes.for_person(ana.id)[0]  # type: ignore[arg-type]
    assert saved.text == "Budget is frozen until Q3"
    assert saved.tags == ("budget", "q3")
    assert saved.attitude == Attitude.NEUTRAL
    assert [(f.text, f.due) for f in saved.follow_ups] == [
        ("Send revised plan", dt.date(2030, 1, 15)),
        ("Ask about headcount", None),
    ]


def test_a_note_about_no_one_defaults_to_other_and_no_attitude(
    journal: Journal, qtbot: Any
) -> None:
    dialog = NoteDialog(journal)
    qtbot.addWidget(dialog)
    assert dialog.person_id() is None
    assert dialog.kind.currentData() == "other"
    assert dialog.attitude.currentData() is None
    dialog.kind.setCurrentIndex(dialog.kind.findData("win"))
    qtbot.keyClicks(dialog.text, "Board approved the fix")
    dialog.accept()
    [win] = journal.notes.recent()
    assert (win.kind, win.person_id) == (NoteKind.WIN, None)


def test_an_empty_note_is_not_saved(
    journal: Journal, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    dialog = NoteDialog(journal)
    qtbot.addWidget(dialog)
    dialog.accept()
    assert told and journal.notes.count() == 0


def test_removing_a_follow_up_row(journal: Journal, qtbot: Any) -> None:
    note = journal.notes.add(
        Note(on=TODAY, text="x", follow_ups=(FollowUp("keep"), FollowUp("drop")))
    )
    dialog = NoteDialog(journal, note=note)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Edit note"
    qtbot.mouseClick(dialog.follow_up_rows()[1].remove, Qt.MouseButton.LeftButton)
    dialog.accept()
    assert [f.text for f in journal.notes.get(note.id).follow_ups] == ["keep"]  # type: ignore[arg-type]


def test_empty_journal_page(main_window: Any) -> None:
    page = journal_page(main_window)
    assert page.stack.currentWidget() is page.empty


def test_journal_page_lists_loads_lazily_and_opens_a_note(
    main_window: Any, journal: Journal
) -> None:
    from sqlalchemy import insert

    from cxjournal.store.models import NoteRow

    ana = journal.people.add(Person(name="Ana"))
    rows = [
        {
            "person_id": ana.id if i % 2 else None,
            "on_date": TODAY - dt.timedelta(days=i),
            "kind": "one_on_one" if i % 2 else "win",
            "text": f"note {i}",
            "tags": "[]",
        }
        for i in range(PAGE_SIZE * 2 + 10)
    ]
    with journal.session() as session:
        session.execute(insert(NoteRow), rows)
    page = journal_page(main_window)
    assert page.stack.currentIndex() == 1
    assert page.model.total == PAGE_SIZE * 2 + 10
    assert page.model.loaded() == PAGE_SIZE  # not every note at once
    assert page.count_label.text() == f"{PAGE_SIZE * 2 + 10} notes"
    assert page.model.index(0, 1).data() == "—"  # about no one
    assert page.model.index(1, 1).data() == "Ana"
    oldest = journal.notes.recent(limit=1, offset=PAGE_SIZE * 2 + 9)[0]
    main_window.navigate("journal", note_id=oldest.id)
    assert page.current_note_id() == oldest.id
    assert page.card is not None and page.card.note.id == oldest.id
    page.announce(Area.NOTES)  # a redraw keeps the note selected, however deep it was
    assert page.current_note_id() == oldest.id
    # a kind filter that hides the note is lifted to show it
    page.kind.setCurrentIndex(page.kind.findData("win"))
    assert page.model.total == PAGE_SIZE + 5
    odd = journal.notes.recent(limit=1, offset=1)[0]
    page.open_item(note_id=odd.id)
    assert page.kind.currentIndex() == 0
    assert page.current_note_id() == odd.id


def test_ticking_off_a_follow_up_in_the_journal(
    main_window: Any, journal: Journal, qtbot: Any
) -> None:
    note = journal.notes.add(Note(on=TODAY, text="x", follow_ups=(FollowUp("chase"),)))
    page = journal_page(main_window)
    page.open_item(note_id=note.id)
    [box] = page.card.follow_up_boxes
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(6, box.height() // 2))
    assert journal.notes.get(note.id).follow_ups[0].done  # type: ignore[arg-type]
    assert page.model.index(0, 6).data() == "1 done"


def test_delete_a_note_asks_first(
    main_window: Any, journal: Journal, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    note = journal.notes.add(Note(on=TODAY, text="x", follow_ups=(FollowUp("a"),)))
    page = journal_page(main_window)
    page.open_item(note_id=note.id)
    asked: list[str] = []

    def question(_parent: Any, _title: str, text: str, *_a: Any) -> Any:
        asked.append(text)
        return QMessageBox.StandardButton.No if len(asked) == 1 else QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    qtbot.mouseClick(page.card.delete_button, Qt.MouseButton.LeftButton)
    assert journal.notes.count() == 1
    assert "1 follow-up" in asked[0]
    qtbot.mouseClick(page.card.delete_button, Qt.MouseButton.LeftButton)
    assert journal.notes.count() == 0
    assert page.stack.currentWidget() is page.empty


def test_ctrl_n_opens_a_note_for_the_selected_person(
    main_window: Any, journal: Journal, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal.people.add(Person(name="Ana"))
    bob = journal.people.add(Person(name="Bob"))
    main_window.bus.announce(Area.ALL)
    main_window.navigate("people", person_id=bob.id)
    seen: list[int | None] = []

    def exec_(dialog: NoteDialog) -> int:
        seen.append(dialog.person_id())
        qtbot.keyClicks(dialog.text, "Quick word in the corridor")
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(NoteDialog, "exec", exec_)
    action = main_window.findChild(type(main_window.menu("file").actions()[0]), "action-new-note")
    assert action.shortcut().toString() == "Ctrl+N"
    action.trigger()
    assert seen == [bob.id]
    assert journal.notes.for_person(bob.id)[0].text == "Quick word in the corridor"  # type: ignore[arg-type]
    assert len(main_window.page("people").timeline.cards) == 1


def test_notes_model_passes_qt_checks(qtmodeltester: Any, journal: Journal) -> None:
    ana = journal.people.add(Person(name="Ana"))
    for i in range(5):
        journal.notes.add(
            Note(on=TODAY, text=f"n{i}", person_id=ana.id, follow_ups=(FollowUp("f"),))
        )
    model = NotesModel()
    model.reset(lambda offset, limit, *_: journal.notes.recent(limit, offset), 5, {ana.id: "Ana"})  # type: ignore[dict-item]
    qtmodeltester.check(model)
    assert model.index(0, 6).data() == "1 open"


def test_attitude_strip_shows_the_trend(qtbot: Any) -> None:
    strip = AttitudeStrip()
    qtbot.addWidget(strip)
    strip.resize(400, 80)
    assert strip.accessibleDescription() == "No attitude noted yet"
    points = [(dt.date(2026, 1, 1), Attitude.RESISTOR), (dt.date(2026, 3, 1), Attitude.SUPPORTER)]
    strip.set_points(points)
    assert trend_words(points) == "Resistor → Supporter (2 notes)"
    assert strip.accessibleDescription() == "Resistor → Supporter (2 notes)"
    strip.grab()  # paints without error
    rect = strip._plot_rect()
    last = strip.point_near(rect.right(), rect.top() + rect.height() / 4)
    assert last == points[1]
    assert strip.point_near(rect.left() + rect.width() / 2, rect.top()) is None


def test_the_strip_draws_the_latest_points_only(qtbot: Any) -> None:
    from cxjournal.ui.widgets.attitude_strip import MAX_POINTS

    strip = AttitudeStrip()
    qtbot.addWidget(strip)
    points = [
        (dt.date(2020, 1, 1) + dt.timedelta(days=7 * i), list(Attitude)[i % 5])
        for i in range(MAX_POINTS + 10)
    ]
    strip.set_points(points)
    assert strip.points() == points[10:]
    assert "10 older not drawn" in strip.accessibleDescription()


def test_first_visit_of_the_journal_is_quick_with_many_notes(
    main_window: Any, journal: Journal
) -> None:

    from sqlalchemy import insert

    from cxjournal.store.models import NoteRow

    people = [journal.people.add(Person(name=f"P{i:02}")) for i in range(40)]
    rows = [
        {
            "person_id": people[i % 40].id,
            "on_date": TODAY - dt.timedelta(days=i % 2000),
            "kind": "meeting",
            "text": f"note {i} " * 20,
            "tags": '["weekly"]',
        }
        for i in range(8000)
    ]
    with journal.session() as session:
        session.execute(insert(NoteRow), rows)
    import cxjournal.ui.journal_page  # noqa: F401  (module import is not what is measured)

    main_window.navigate("journal")
    page = main_window.page("journal")
    assert page.model.loaded() == PAGE_SIZE


def test_the_strip_says_how_many_older_attitudes_it_was_not_given(qtbot: Any) -> None:
    strip = AttitudeStrip()
    qtbot.addWidget(strip)
    points = [(dt.date(2026, 1, 1) + dt.timedelta(days=i), Attitude.NEUTRAL) for i in range(5)]
    strip.set_points(points, noted=1200)
    assert strip.points() == points
    assert "the latest 5 shown, 1195 older not drawn" in strip.accessibleDescription()


def test_a_refresh_keeps_the_card_of_a_note_that_did_not_change(
    main_window: Any, journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    import cxjournal.ui.journal_page as journal_page_module

    ana = journal.people.add(Person("Ana"))
    first = journal.notes.add(Note(TODAY - dt.timedelta(days=1), "first", person_id=ana.id))
    page = journal_page(main_window)
    page.open_item(note_id=first.id)
    card = page.card
    assert card is not None and card.note == first
    made: list[Note] = []
    real = journal_page_module.NoteCard

    def counting(note: Note, *args: Any, **kwargs: Any) -> Any:
        made.append(note)
        return real(note, *args, **kwargs)

    monkeypatch.setattr(journal_page_module, "NoteCard", counting)
    older = Note(TODAY - dt.timedelta(days=9), "older", person_id=ana.id)
    page.run_op("add a note", lambda j: j.notes.add(older))
    assert page.model.rowCount() == 2 and page.current_note_id() == first.id
    assert page.card is card and not made  # the same note, the same card
    changed = journal.notes.get(first.id or -1)
    page.run_op(
        "save the note",
        lambda j: j.notes.update(Note(changed.on, "first, edited", id=first.id, person_id=ana.id)),
    )
    assert [note.text for note in made] == ["first, edited"]  # made again, once
    assert page.card is not card and page.card.text.text() == "first, edited"
