"""A CX program built by keyboard alone: the why, two plans with owners, a target
attitude, a proof point shared in a 1:1; the Program page's risks change at each step."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from cxjournal.domain.model import Attitude, Note, Person, PlanKind
from cxjournal.journal import Journal
from cxjournal.journal.changes import Area
from cxjournal.ui.dialogs.plan_dialog import PlanDialog
from cxjournal.ui.dialogs.proof_point_dialog import ProofPointDialog
from cxjournal.ui.person_profile import PersonProfileDialog

TODAY = dt.date.today()
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


#: The window the keys go to: the main window, or the dialog open on top of it.
WINDOW: list[QWidget] = []


def focused() -> QWidget:
    """The widget with the keyboard focus in the window being typed into."""
    widget = WINDOW[-1].focusWidget() if WINDOW else QApplication.focusWidget()
    assert widget is not None
    return widget


def activate(qtbot: Any, window: QWidget) -> None:
    """Type into ``window`` from now on (shown, active and with the focus)."""
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow() and QApplication.activeWindow() is window)
    WINDOW[:] = [window]


def key(
    qtbot: Any, k: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    qtbot.keyClick(focused(), k, modifier)


def risks(page: Any) -> list[tuple[str, str]]:
    """(code, the plan, person or function it names) of every risk the page shows."""
    page.refresh_if_stale()
    found = []
    for risk in page.view.risks:
        facts = risk.facts
        subject = facts.get("plan") or facts.get("person") or facts.get("function")
        found.append(
            (risk.code.value, getattr(subject, "value", getattr(subject, "name", subject)))
        )
    return found


def drive_plan(qtbot: Any, monkeypatch: pytest.MonkeyPatch, owner: str) -> None:
    """Next plan dialog: in progress, ``owner`` (picked by typing their name) as its owner."""

    def exec_(dialog: PlanDialog) -> int:
        activate(qtbot, dialog)
        dialog.add_button.setFocus()  # Tab to "Add a person"
        key(qtbot, Qt.Key.Key_Space)
        (row,) = dialog.member_rows()
        assert focused() is row.person
        # a list box picks the item that typing starts (a space would open its list)
        qtbot.keyClicks(focused(), owner.split()[0])
        assert row.person.currentText() == owner
        key(qtbot, Qt.Key.Key_Tab)  # to the role
        assert focused() is row.role
        qtbot.keyClicks(focused(), "Ow")
        assert row.role.currentData() == "owner"
        key(qtbot, Qt.Key.Key_S, ALT)  # Status
        assert focused() is dialog.status
        qtbot.keyClicks(focused(), "In")  # "In progress", by its first letters
        assert dialog.status.currentData() == "in_progress"
        key(qtbot, Qt.Key.Key_Return, CTRL)
        return int(dialog.result())

    monkeypatch.setattr(PlanDialog, "exec", exec_)


def test_build_a_program_by_keyboard(
    main_window: Any, journal: Journal, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    ana = journal.people.add(Person("Ana Silva", function="Finance"))
    ben = journal.people.add(Person("Ben Okafor", function="Operations", cx_board=True))
    journal.notes.add(
        Note(TODAY - dt.timedelta(days=2), "Coffee", person_id=ben.id, attitude=Attitude.NEUTRAL)
    )
    main_window.bus.announce(Area.ALL)
    activate(qtbot, main_window)

    # the why and the measure
    qtbot.keyClick(main_window, Qt.Key.Key_8, CTRL)
    page = main_window.page("program")
    assert main_window.current_key() == "program"
    assert page.stack.currentWidget() is page.empty
    page.start_button.setFocus()
    key(qtbot, Qt.Key.Key_Space)
    assert focused() is page.why
    qtbot.keyClicks(page.why, "Customers never have to chase us")
    key(qtbot, Qt.Key.Key_Tab)  # leaving the why saves it
    assert focused() is page.kpi
    qtbot.keyClicks(page.kpi, "Relationship NPS")
    key(qtbot, Qt.Key.Key_Tab)
    program = journal.program.get()
    assert (program.why, program.kpi) == ("Customers never have to chase us", "Relationship NPS")
    assert risks(page) == []  # no plan under way yet

    # governance, owned by Ana (first in the list)
    drive_plan(qtbot, monkeypatch, owner="Ana Silva")
    page.card(PlanKind.GOVERNANCE).edit_button.setFocus()
    key(qtbot, Qt.Key.Key_Space)
    assert risks(page) == [
        ("no_supporter", "governance"),
        ("owner_out_of_touch", "governance"),
        ("no_champion_in", "Finance"),
        ("board_gap", "Finance"),
    ]
    assert page.card(PlanKind.GOVERNANCE).owner_label.text().startswith("Owner: Ana Silva")

    activate(qtbot, main_window)  # back from the dialog

    # operations, owned by Ben (second), who is on the CX board and was seen this week
    drive_plan(qtbot, monkeypatch, owner="Ben Okafor")
    page.card(PlanKind.OPERATIONS).edit_button.setFocus()
    key(qtbot, Qt.Key.Key_Space)
    assert risks(page) == [
        ("no_supporter", "governance"),
        ("no_supporter", "operations"),
        ("owner_out_of_touch", "governance"),
        ("no_champion_in", "Finance"),
        ("no_champion_in", "Operations"),
        ("board_gap", "Finance"),
    ]

    activate(qtbot, main_window)

    # a target attitude for Ana, from her profile
    def fill_target(dialog: PersonProfileDialog) -> int:
        activate(qtbot, dialog)
        dialog.name.setFocus()
        key(qtbot, Qt.Key.Key_G, ALT)  # Target attitude
        assert focused() is dialog.engagement.desired
        key(qtbot, Qt.Key.Key_C)  # Champion
        key(qtbot, Qt.Key.Key_V, ALT)  # Move plan
        qtbot.keyClicks(focused(), "Show her the churn numbers first")
        key(qtbot, Qt.Key.Key_Return)
        return int(dialog.result())

    monkeypatch.setattr(PersonProfileDialog, "exec", fill_target)
    qtbot.keyClick(main_window, Qt.Key.Key_3, CTRL)
    people = main_window.page("people")
    people.table.setFocus()
    key(qtbot, Qt.Key.Key_Home)  # Ana, first by name
    people.edit_button.setFocus()  # Tab to "Edit profile" (Alt+E opens the Edit menu)
    key(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: journal.people.get(ana.id or 0).desired_attitude is not None)
    activate(qtbot, main_window)
    stored = journal.people.get(ana.id or 0)
    assert stored.desired_attitude is Attitude.CHAMPION
    assert stored.move_plan == "Show her the churn numbers first"
    qtbot.keyClick(main_window, Qt.Key.Key_8, CTRL)
    assert ("attitude_gap", "Ana Silva") in risks(page)

    # a proof point of the governance plan
    def fill_proof(dialog: ProofPointDialog) -> int:
        activate(qtbot, dialog)
        dialog.title.setFocus()
        qtbot.keyClicks(focused(), "Renewals kept after a recovery call")
        key(qtbot, Qt.Key.Key_B, ALT)
        qtbot.keyClicks(focused(), "41")
        key(qtbot, Qt.Key.Key_R, ALT)
        qtbot.keyClicks(focused(), "63")
        key(qtbot, Qt.Key.Key_U, ALT)
        qtbot.keyClicks(focused(), "%")
        dialog.plan_boxes[PlanKind.GOVERNANCE].setFocus()
        key(qtbot, Qt.Key.Key_Space)
        key(qtbot, Qt.Key.Key_Return, CTRL)
        return int(dialog.result())

    monkeypatch.setattr(ProofPointDialog, "exec", fill_proof)
    qtbot.keyClick(main_window, Qt.Key.Key_9, CTRL)
    assert main_window.current_key() == "proof_points"
    key(qtbot, Qt.Key.Key_N, ALT)  # New proof point
    qtbot.waitUntil(lambda: bool(journal.program.proof_points()))
    activate(qtbot, main_window)
    (point,) = journal.program.proof_points()
    assert (point.title, point.baseline, point.result, point.unit, point.plans) == (
        "Renewals kept after a recovery call",
        41,
        63,
        "%",
        (PlanKind.GOVERNANCE,),
    )

    # shared with Ana in a 1:1
    qtbot.keyClick(main_window, Qt.Key.Key_3, CTRL)
    people.table.setFocus()
    key(qtbot, Qt.Key.Key_Home)
    people.prepare_dialog = None
    key(qtbot, Qt.Key.Key_1, ALT)  # Prepare 1:1
    qtbot.waitUntil(lambda: people.prepare_dialog is not None)
    prepare = people.prepare_dialog
    qtbot.addWidget(prepare)
    activate(qtbot, prepare)
    section = prepare.program_section
    assert section.prep.plans[0][0] is PlanKind.GOVERNANCE
    assert [p.title for p in section.prep.unshared] == [point.title]
    assert point.id is not None
    section.share_buttons[point.id].setFocus()
    key(qtbot, Qt.Key.Key_Space)
    shared = journal.program.proof_point(point.id).shared
    assert [(s.person.name, s.on) for s in shared] == [("Ana Silva", TODAY)]
    assert section.prep.unshared == ()
    prepare.close()
    activate(qtbot, main_window)

    # the risks as they stand now
    qtbot.keyClick(main_window, Qt.Key.Key_8, CTRL)
    assert risks(page) == [
        ("no_supporter", "governance"),
        ("no_supporter", "operations"),
        ("owner_out_of_touch", "governance"),
        ("attitude_gap", "Ana Silva"),
        ("no_champion_in", "Finance"),
        ("no_champion_in", "Operations"),
        ("board_gap", "Finance"),
    ]
    assert [row.title() for row in page.risk_rows][:3] == [
        "No supporter",
        "No supporter",
        "Owner out of touch",
    ]
