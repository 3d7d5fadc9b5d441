"""From an empty journal, by keyboard alone: the first audit of three people (started with
Return on Today's welcome), a note after a 1:1, a check-in. Only key events are sent; every
step checks where the focus is, so a focus or tab-order problem fails here."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from cxjournal.domain.model import NoteKind
from cxjournal.journal import Journal
from cxjournal.ui.dialogs.note_dialog import NoteDialog

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
#: name, team, and value, irreplaceability, my value, my irreplaceability
PEOPLE = [
    ("Ana Silva", "Operations", (8, 7, 5, 4)),
    ("Ben Okafor", "Sales", (6, 5, 6, 5)),
    ("Chen Wu", "Finance", (9, 9, 2, 3)),
]

WINDOW: list[QWidget] = []


def focused() -> QWidget:
    widget = WINDOW[-1].focusWidget() if WINDOW else QApplication.focusWidget()
    assert widget is not None
    return widget


def activate(qtbot: Any, window: QWidget) -> None:
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow() and QApplication.activeWindow() is window)
    WINDOW[:] = [window]


def key(qtbot: Any, k: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(focused(), k, modifier)


def tab_to(qtbot: Any, target: QWidget, most: int = 10) -> int:
    """Tab until ``target`` has the focus; how many presses it took."""
    for presses in range(1, most + 1):
        key(qtbot, Qt.Key.Key_Tab)
        if focused() is target:
            return presses
    raise AssertionError(f"Tab never reached {target!r}; ended on {focused()!r}")


def test_first_audit_a_note_and_a_check_in_by_keyboard_alone(
    main_window: Any, journal: Journal, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    activate(qtbot, main_window)
    today = main_window.page("today")
    assert today.welcome.isVisible()
    # the welcome's main action has the focus; typing on Today does not change the page
    qtbot.waitUntil(lambda: focused() is today.first_audit_button)
    qtbot.keyClicks(focused(), "people")
    assert main_window.current_key() == "today"
    main_window.sidebar.setFocus()
    qtbot.keyClicks(main_window.sidebar, "pj")  # letters never jump the sidebar
    assert main_window.current_key() == "today"
    key(qtbot, Qt.Key.Key_1, CTRL)  # back to Today: its main action has the focus again
    assert focused() is today.first_audit_button

    # Return on the welcome starts the first audit
    key(qtbot, Qt.Key.Key_Return)
    assert main_window.current_key() == "audits"
    editor = main_window.page("audits").editor
    assert editor is not None
    activate(qtbot, editor)
    assert focused() is editor.adder.name_edit
    for name, team, scores in PEOPLE:
        qtbot.keyClicks(focused(), name)
        key(qtbot, Qt.Key.Key_Return)
        assert focused() is editor.adder.fields["team"]  # someone new: their team
        qtbot.keyClicks(focused(), team)
        key(qtbot, Qt.Key.Key_Return)
        row = editor.rows[-1]
        assert row.person.name == name and focused() is row.spins["value"]
        for field, number in zip(
            ("value", "irreplaceability", "my_value", "my_irreplaceability"), scores, strict=True
        ):
            assert focused() is row.spins[field]
            qtbot.keyClicks(focused(), str(number))
            key(qtbot, Qt.Key.Key_Tab)
        # the optional aspects, then on to the next person's name
        tab_to(qtbot, editor.adder.name_edit)
    key(qtbot, Qt.Key.Key_Return, CTRL)  # save
    qtbot.waitUntil(lambda: not editor.isVisible())
    audit = journal.audits.latest()
    assert audit is not None
    assert [
        (r.person.name, r.person.team, (r.value, r.irreplaceability, r.my_value,
                                        r.my_irreplaceability))
        for r in audit.ratings
    ] == PEOPLE  # fmt: skip

    # a note after a 1:1 with Ana: Ctrl+N, pick her by typing, write, Ctrl+Return
    activate(qtbot, main_window)
    saved: list[Any] = []

    def exec_(dialog: NoteDialog) -> int:
        activate(qtbot, dialog)
        assert focused() is dialog.text
        key(qtbot, Qt.Key.Key_A, ALT)  # About
        assert focused() is dialog.person
        qtbot.keyClicks(focused(), "Ana")
        assert dialog.person.currentText().startswith("Ana Silva")
        key(qtbot, Qt.Key.Key_N, ALT)  # Note
        assert focused() is dialog.text
        qtbot.keyClicks(focused(), "Walked her through the churn drivers")
        key(qtbot, Qt.Key.Key_Return, CTRL)
        saved.append(dialog.saved_note)
        return int(dialog.result())

    monkeypatch.setattr(NoteDialog, "exec", exec_)
    key(qtbot, Qt.Key.Key_N, CTRL)
    assert saved and saved[0] is not None
    notes = journal.notes.recent()
    assert [(n.text, n.kind, n.person_id) for n in notes] == [
        ("Walked her through the churn drivers", NoteKind.ONE_ON_ONE, audit.ratings[0].person.id)
    ]

    # a check-in: Ctrl+5, the sliders by arrow keys, Enter
    activate(qtbot, main_window)
    key(qtbot, Qt.Key.Key_5, CTRL)
    resilience = main_window.page("resilience")
    assert main_window.current_key() == "resilience"
    energy = resilience.form.sliders["energy"]
    assert focused() is energy
    start = energy.value()
    key(qtbot, Qt.Key.Key_Right)
    key(qtbot, Qt.Key.Key_Right)
    key(qtbot, Qt.Key.Key_Tab)
    assert focused() is resilience.form.sliders["stress"]
    key(qtbot, Qt.Key.Key_Left)
    key(qtbot, Qt.Key.Key_Return)
    entry = journal.resilience.get(dt.date.today())
    assert entry is not None and entry.energy == start + 2

    # back on Today: no welcome any more, the check-in done, New audit has the focus
    key(qtbot, Qt.Key.Key_1, CTRL)
    assert not today.welcome.isVisible()
    assert focused() is today.new_audit_button


def test_return_on_the_welcome_clicks_the_focused_button_else_the_first_audit(
    main_window: Any, qtbot: Any
) -> None:
    activate(qtbot, main_window)
    today = main_window.page("today")
    qtbot.waitUntil(lambda: focused() is today.first_audit_button)
    today.welcome_check_in.setFocus()
    key(qtbot, Qt.Key.Key_Return)
    assert main_window.current_key() == "resilience"
    key(qtbot, Qt.Key.Key_1, CTRL)
    today.setFocus()  # somewhere that is not a button
    assert focused() is today
    key(qtbot, Qt.Key.Key_Return)
    assert main_window.current_key() == "audits"
