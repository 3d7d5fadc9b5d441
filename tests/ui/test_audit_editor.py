"""The audit form, driven like a user: a full audit of ten people with the keyboard alone,
refusals, live results, re-audit from the latest, and the exit plan following the flag."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QSpinBox

from cxjournal.domain.model import Audit, ExitStatus, Person, Rating
from cxjournal.journal import Journal
from cxjournal.journal.changes import Area

KNOWN = [
    Person(name="Ana Silva", team="Ops", location="Lisbon"),
    Person(name="Ben Okafor", team="Sales", location="London"),
    Person(name="Chen Wu", team="Finance", location="London"),
    Person(name="Dana Roy", team="Leadership", location="London"),
    Person(name="Eva Lind", team="Product", location="Berlin"),
    Person(name="Farid Haddad", team="Engineering", location="Berlin"),
]
NEW = [("Grace Kim", "Support"), ("Hugo Dubois", "Marketing"), ("Ines Costa", "Data"),
       ("Jon Berg", "Partners")]  # fmt: skip
#: value, irreplaceability, my value, my irreplaceability for each of the ten, in order
SCORES = [
    (8, 7, 5, 4), (6, 5, 6, 5), (5, 6, 3, 4), (10, 9, 3, 3), (7, 6, 6, 6),
    (5, 5, 4, 4), (4, 3, 8, 7), (3, 4, 3, 3), (4, 5, 5, 5), (3, 3, 2, 2),
]  # fmt: skip


def focused() -> Any:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def type_and_tab(qtbot: Any, text: str) -> None:
    widget = focused()
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Tab)


def open_new_audit(qtbot: Any, main_window: Any) -> Any:
    main_window.navigate("audits")
    page = main_window.page("audits")
    qtbot.keyClick(main_window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)  # fmt: skip
    editor = page.editor
    assert editor is not None and editor.isVisible()
    editor.activateWindow()
    qtbot.waitActive(editor)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor.adder.name_edit)
    return editor


def enter_person(qtbot: Any, editor: Any, name: str, team: str | None, scores: tuple) -> None:
    """Type a name, Enter; for a new person type the team, Enter; then the four scores."""
    assert focused() is editor.adder.name_edit
    qtbot.keyClicks(editor.adder.name_edit, name)
    qtbot.keyClick(editor.adder.name_edit, Qt.Key.Key_Return)
    if team is not None:
        assert editor.adder.details.isVisible()
        assert focused() is editor.adder.fields["team"]
        qtbot.keyClicks(focused(), team)
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
    row = editor.rows[-1]
    assert row.person.name == name
    assert focused() is row.spins["value"]
    for number in scores:
        type_and_tab(qtbot, str(number))
    # five optional aspects left empty, then past the remove button to the next name
    for _ in range(6):
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)


@pytest.fixture
def directory(journal: Journal) -> list[Person]:
    return [journal.people.add(p) for p in KNOWN]


def test_a_full_audit_of_ten_people_with_the_keyboard_alone(
    qtbot: Any, main_window: Any, journal: Journal, directory: list[Person]
) -> None:
    editor = open_new_audit(qtbot, main_window)
    people = [(p.name, None) for p in directory] + list(NEW)
    for (name, team), scores in zip(people, SCORES, strict=True):
        enter_person(qtbot, editor, name, team, scores)
    assert len(editor.rows) == 10
    assert "10 of 10 people" in editor.count_label.text()

    # an eleventh person is refused with a message, and so is someone already listed
    qtbot.keyClicks(editor.adder.name_edit, "Kai Novak")
    qtbot.keyClick(editor.adder.name_edit, Qt.Key.Key_Return)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)  # Enter in the new-person team field
    assert len(editor.rows) == 10
    assert "at most 10 people" in editor.adder.message.text()
    assert editor.adder.message.isVisible()
    editor.adder.close_details()
    editor.remove_row(editor.rows[-1])
    editor.adder.name_edit.clear()
    qtbot.keyClicks(editor.adder.name_edit, "ana silva")
    qtbot.keyClick(editor.adder.name_edit, Qt.Key.Key_Return)
    assert "Ana Silva is already in this audit" in editor.adder.message.text()
    assert len(editor.rows) == 9
    editor.adder.name_edit.clear()
    editor.adder.name_edit.setFocus()
    enter_person(qtbot, editor, "Jon Berg", "Partners", SCORES[9])

    # the flag, by keyboard: Tab to the box past the add-person controls, Space to tick
    editor.blocking.setFocus()
    qtbot.keyClick(editor.blocking, Qt.Key.Key_Space)
    assert editor.blocking.isChecked()
    assert editor.blocker.isEnabled()
    qtbot.keyClick(editor.blocking, Qt.Key.Key_Tab)
    assert focused() is editor.blocker
    dana = editor.blocker.findText("Dana Roy")
    editor.blocker.setCurrentIndex(dana)

    # the results follow the ratings
    editor.recompute()
    codes = editor.results.alarm_codes()
    assert "blocking_superior" in codes and "power_imbalance" in codes
    assert editor.results.scores_model.rowCount() == 10
    assert editor.results.totals["count"].text() == "10"
    before = editor.results.totals["reliance"].text()
    editor.rows[0].spins["value"].setValue(2)
    editor.recompute()
    assert editor.results.totals["reliance"].text() != before
    editor.rows[0].spins["value"].setValue(8)

    # Ctrl+Enter saves
    qtbot.keyClick(focused(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not editor.isVisible())
    latest = journal.audits.latest()
    assert latest is not None
    assert [r.person.name for r in latest.ratings] == [n for n, _ in people]
    assert [
        (r.value, r.irreplaceability, r.my_value, r.my_irreplaceability) for r in latest.ratings
    ] == SCORES
    assert all(r.aspects.as_dict() == dict.fromkeys(r.aspects.as_dict()) for r in latest.ratings)
    assert latest.blocking_superior
    assert latest.blocking_superior_person is not None
    assert latest.blocking_superior_person.name == "Dana Roy"
    assert journal.people.find_by_name("Grace Kim") is not None
    assert journal.people.find_by_name("Grace Kim").team == "Support"  # type: ignore[union-attr]
    assert journal.people.find_by_name("Kai Novak") is None  # refused, never saved
    plan = journal.exit_plan.get()
    assert plan.status is ExitStatus.ACTIVE and len(plan.items) > 0
    # the page shows the new audit with its alarms
    page = main_window.page("audits")
    assert page.model.rowCount() == 1
    assert "Blocking superior" in page.model.index(0, 2).data()


def test_enter_moves_on_and_never_closes_the_form(
    qtbot: Any, main_window: Any, directory: list[Person]
) -> None:
    editor = open_new_audit(qtbot, main_window)
    enter_person(qtbot, editor, "Ana Silva", None, ())
    row = editor.rows[0]
    row.focus_first()
    qtbot.keyClicks(focused(), "7")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert row.spins["value"].value() == 7
    assert focused() is row.spins["irreplaceability"]
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert editor.isVisible()


def test_ranges_cannot_be_exceeded(qtbot: Any, main_window: Any, directory: list[Person]) -> None:
    editor = open_new_audit(qtbot, main_window)
    enter_person(qtbot, editor, "Ana Silva", None, ())
    row = editor.rows[0]
    value: QSpinBox = row.spins["value"]
    value.setFocus()
    value.selectAll()
    qtbot.keyClicks(value, "11")
    assert value.value() == 1
    value.setValue(15)
    assert value.value() == 10
    aspect: QSpinBox = row.spins["career_guidance"]
    assert aspect.text() == "–" and aspect.minimum() == -1 and aspect.maximum() == 10
    aspect.setValue(12)
    assert aspect.value() == 10
    assert (value.minimum(), value.specialValueText()) == (0, "?")


def test_unrated_people_stop_the_save_with_a_message(
    qtbot: Any, main_window: Any, journal: Journal, directory: list[Person]
) -> None:
    editor = open_new_audit(qtbot, main_window)
    enter_person(qtbot, editor, "Ana Silva", None, (8, 7))
    editor.save()
    assert editor.isVisible()
    assert "Ana Silva: rate my value to them, i'm hard to replace" in editor.error.text()
    assert focused() is editor.rows[0].spins["my_value"]
    assert journal.audits.summaries() == []
    # people missing a rating are left out of the live results
    assert editor.results.scores_model.rowCount() == 0


def test_guidance_follows_the_focused_field(
    qtbot: Any, main_window: Any, directory: list[Person]
) -> None:
    from cxjournal.domain.power_audit import FIELD_GUIDANCE

    editor = open_new_audit(qtbot, main_window)
    assert "inspired by" in editor.guidance.text()
    enter_person(qtbot, editor, "Ana Silva", None, ())
    editor.rows[0].spins["my_irreplaceability"].setFocus()
    assert FIELD_GUIDANCE["my_irreplaceability"][:40] in editor.guidance.text()
    editor.rows[0].spins["resource_access"].setFocus()
    assert FIELD_GUIDANCE["resource_access"][:40] in editor.guidance.text()


def rate(person: Person, *scores: int) -> Rating:
    return Rating(person, *scores)  # type: ignore[arg-type]


def test_re_audit_from_the_latest_then_clear_the_flag(
    qtbot: Any, main_window: Any, journal: Journal, directory: list[Person]
) -> None:
    journal.audits.save(
        Audit(
            taken_on=dt.date(2026, 1, 15),
            ratings=tuple(rate(p, 5, 5, 5, 5) for p in directory),
            blocking_superior=True,
            blocking_superior_person=directory[3],
        )
    )
    assert journal.exit_plan.get().status is ExitStatus.ACTIVE
    main_window.navigate("audits")
    page = main_window.page("audits")
    qtbot.keyClick(main_window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)  # fmt: skip
    editor = page.editor
    assert editor is not None
    assert editor.windowTitle() == "New power audit"
    assert [row.person.name for row in editor.rows] == [p.name for p in directory]
    assert all(row.rating() is not None for row in editor.rows)
    assert editor.blocking.isChecked()
    assert editor.blocker.currentText() == "Dana Roy"
    editor.rows[1].spins["my_value"].setValue(9)
    editor.blocking.setChecked(False)
    assert not editor.blocker.isEnabled()
    editor.save()
    assert not editor.isVisible()
    audits = journal.audits.all()
    assert len(audits) == 2
    assert audits[-1].ratings[1].my_value == 9
    assert audits[0].ratings[1].my_value == 5  # the earlier audit is untouched
    plan = journal.exit_plan.get()
    assert plan.status is ExitStatus.PAUSED
    assert len(plan.items) > 0  # every step kept
    assert page.model.rowCount() == 2


def test_editing_an_audit_keeps_its_id_and_moves_the_plan(
    qtbot: Any, main_window: Any, journal: Journal, directory: list[Person]
) -> None:
    saved = journal.audits.save(
        Audit(taken_on=dt.date(2026, 1, 15), ratings=(rate(directory[0], 5, 5, 5, 5),))
    )
    main_window.bus.announce(Area.AUDITS)  # written behind the window's back
    main_window.navigate("audits")
    page = main_window.page("audits")
    page.edit_selected()
    editor = page.editor
    assert editor.windowTitle().startswith("Power audit of")
    editor.blocking.setChecked(True)
    editor.save()
    assert journal.audits.summaries()[0].id == saved.id
    assert journal.audits.get(saved.id or 0).blocking_superior
    assert journal.exit_plan.get().status is ExitStatus.ACTIVE
    assert main_window.extensions.exit_plan_indicator.isVisible()


def test_cancel_writes_nothing(
    qtbot: Any, main_window: Any, journal: Journal, directory: list[Person], answer_unsaved: Any
) -> None:
    from cxjournal.ui.unsaved_changes import Choice

    editor = open_new_audit(qtbot, main_window)
    enter_person(qtbot, editor, "New Person", "Ops", (5, 5, 5, 5))
    answer_unsaved.answers.append(Choice.DISCARD)
    editor.reject()
    assert answer_unsaved.asked == ["this audit"] and not editor.isVisible()
    assert journal.audits.summaries() == []
    assert journal.people.find_by_name("New Person") is None
