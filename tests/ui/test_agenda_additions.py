"""Talking points added from the profile, a note's follow-up and Today, and ticked in a 1:1 note."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QToolButton

from cxjournal.domain.errors import ValidationError
from cxjournal.domain.model import FollowUp, Note, NoteKind, Person
from cxjournal.journal import Journal
from cxjournal.journal.changes import Area
from cxjournal.store.agenda_store import read_agenda
from cxjournal.ui.dialogs.note_dialog import NoteDialog
from cxjournal.ui.dialogs.prepare_dialog import PrepareDialog
from cxjournal.ui.dialogs.talking_point_dialog import TalkingPointDialog

DAY = dt.date(2026, 12, 2)


@pytest.fixture
def ana(journal: Journal) -> Person:
    return journal.people.add(Person(name="Ana Silva"))


@pytest.fixture
def jo(journal: Journal) -> Person:
    return journal.people.add(Person(name="Jo Park"))


def stored(journal: Journal, person: Person) -> list[Any]:
    assert person.id is not None
    with journal.session() as session:
        return read_agenda(session, {person.id: person}, person.id)


def test_the_profile_adds_a_point_that_prepare_then_shows(
    qtbot: Any, main_window: Any, journal: Journal, ana: Person
) -> None:
    assert ana.id is not None
    main_window.bus.announce(Area.ALL)
    main_window.navigate("people", person_id=ana.id)
    page = main_window.page("people")
    agenda = page.agenda
    qtbot.waitUntil(lambda: agenda.person_id == ana.id)
    assert agenda.new_point is not None and agenda.new_point.isEnabled()
    agenda.new_point.setText("   ")
    assert not agenda.add_typed()  # nothing typed, nothing saved
    agenda.new_point.setText("Raise the <b>renewal</b> risk")
    assert agenda.add_typed()
    assert agenda.new_point.text() == ""
    assert [i.text for i in journal.agenda.open_for(ana.id)] == ["Raise the <b>renewal</b> risk"]
    qtbot.waitUntil(lambda: len(agenda.boxes) == 1)
    assert agenda.boxes[0].accessibleName() == "Talking point: Raise the <b>renewal</b> risk"
    prep = PrepareDialog(journal, ana.id, lambda _a: None, main_window, today=DAY)
    qtbot.addWidget(prep)
    assert [i.text for i in prep.agenda.items] == ["Raise the <b>renewal</b> risk"]


def test_a_refused_point_keeps_what_was_typed(
    qtbot: Any, main_window: Any, journal: Journal, ana: Person, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert ana.id is not None
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *_a: warnings.append(text))
    main_window.bus.announce(Area.ALL)
    main_window.navigate("people", person_id=ana.id)
    agenda = main_window.page("people").agenda
    qtbot.waitUntil(lambda: agenda.person_id == ana.id)
    assert agenda.new_point is not None
    from tests.ui.test_failed_writes import disk_full

    typed = "Raise the renewal, " * 600  # needs new pages, which a full disk refuses
    disk_full(journal)
    agenda.new_point.setText(typed)
    assert not agenda.add_typed()
    assert len(warnings) == 1 and "the disk is full" in warnings[0]
    assert agenda.new_point.text() == typed
    assert journal.agenda.open_for(ana.id) == []


def test_a_follow_up_is_raised_at_the_next_one_on_one_from_the_timeline(
    qtbot: Any, main_window: Any, journal: Journal, ana: Person
) -> None:
    assert ana.id is not None
    journal.notes.add(
        Note(
            on=DAY,
            text="Budget talk",
            person_id=ana.id,
            follow_ups=(FollowUp("Send the churn numbers"), FollowUp("Old one", done=True)),
        )
    )
    main_window.bus.announce(Area.ALL)
    main_window.navigate("people", person_id=ana.id)
    page = main_window.page("people")
    qtbot.waitUntil(lambda: len(page.timeline.cards) == 1)
    buttons = page.timeline.cards[0].findChildren(QToolButton, "raise-at-next")
    assert len(buttons) == 1  # the open follow-up only
    buttons[0].click()
    assert [i.text for i in journal.agenda.open_for(ana.id)] == ["Send the churn numbers"]
    qtbot.waitUntil(lambda: len(page.agenda.boxes) == 1)


def test_today_adds_a_point_for_a_person_picked(
    qtbot: Any,
    main_window: Any,
    journal: Journal,
    ana: Person,
    jo: Person,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert jo.id is not None
    seen: list[TalkingPointDialog] = []

    def fake_exec(dialog: TalkingPointDialog) -> int:
        seen.append(dialog)
        assert [dialog.person.itemText(i) for i in range(dialog.person.count())] == [
            "Ana Silva",
            "Jo Park",
        ]
        save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
        assert not save.isEnabled()  # nothing typed yet
        dialog.person.setCurrentIndex(dialog.person.findData(jo.id))
        dialog.text.setText("Ask about the QBR")
        assert save.isEnabled()
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(TalkingPointDialog, "exec", fake_exec)
    main_window.navigate("today")
    today = main_window.page("today")
    today.today = lambda: DAY
    assert today.add_point_button.isVisibleTo(today)
    today.add_point_button.click()
    assert seen and seen[0].saved is not None
    [point] = journal.agenda.open_for(jo.id)
    assert point.text == "Ask about the QBR" and point.added_on == DAY
    assert "Jo Park" in main_window.statusBar().currentMessage()


def test_ticking_in_the_note_of_a_one_on_one_records_it_was_discussed_there(
    qtbot: Any, main_window: Any, journal: Journal, ana: Person
) -> None:
    assert ana.id is not None
    first = journal.agenda.add(ana.id, "Renewal risk", DAY - dt.timedelta(days=3))
    second = journal.agenda.add(ana.id, "Team offsite", DAY - dt.timedelta(days=2))
    dialog = NoteDialog(journal, main_window, person_id=ana.id, today=DAY,
                        note_kind=NoteKind.ONE_ON_ONE)  # fmt: skip
    qtbot.addWidget(dialog)
    ticks = dialog.agenda_ticks
    assert [i.text for i in ticks.items] == ["Renewal risk", "Team offsite"]
    assert not ticks.isHidden()
    # another kind of note offers none; back to a 1:1 they come again
    dialog.kind.setCurrentIndex(dialog.kind.findData(NoteKind.OTHER.value))
    assert ticks.isHidden() and ticks.items == []
    dialog.kind.setCurrentIndex(dialog.kind.findData(NoteKind.ONE_ON_ONE.value))
    assert len(ticks.boxes) == 2
    ticks.boxes[0].setChecked(True)
    assert journal.agenda.open_for(ana.id) == [first, second]  # nothing written yet
    dialog.text.setPlainText("We went through the renewal.")
    dialog.accept()
    assert dialog.saved_note is not None and dialog.saved_note.id is not None
    by_text = {i.text: i for i in stored(journal, ana)}
    assert by_text["Renewal risk"].done_on == DAY
    assert by_text["Renewal risk"].discussed_in_note_id == dialog.saved_note.id
    assert by_text["Team offsite"].done_on is None
    assert [i.text for i in journal.agenda.open_for(ana.id)] == ["Team offsite"]


def test_a_note_without_open_points_shows_no_section(
    qtbot: Any, main_window: Any, journal: Journal, ana: Person
) -> None:
    dialog = NoteDialog(journal, main_window, person_id=ana.id, today=DAY)
    qtbot.addWidget(dialog)
    assert dialog.agenda_ticks.isHidden() and dialog.agenda_label.isHidden()


def test_ticking_someone_elses_point_is_refused_and_saves_no_note(
    journal: Journal, ana: Person, jo: Person
) -> None:
    assert ana.id is not None and jo.id is not None
    other = journal.agenda.add(jo.id, "Jo's point", DAY)
    assert other.id is not None
    with pytest.raises(ValidationError, match="is not Ana Silva's"):
        journal.notes.add(Note(on=DAY, text="1:1", person_id=ana.id), discussed=[other.id])
    assert journal.notes.count() == 0
    assert [i.text for i in journal.agenda.open_for(jo.id)] == ["Jo's point"]
