"""The Exit plan page: empty state, starting by hand, working the checklist by keyboard,
delete with confirmation, done and reopen, and the plan's state in the main window."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QMessageBox

from cxjournal.domain.model import Audit, ExitItem, ExitStatus
from cxjournal.journal import Journal
from cxjournal.journal.changes import Area
from cxjournal.journal.exit_plan import template_steps


def show_plan(main_window: Any) -> Any:
    main_window.bus.announce(Area.ALL)  # the journal may have been written behind its back
    main_window.navigate("exit_plan")
    return main_window.page("exit_plan")


def texts(journal: Journal) -> list[str]:
    return [item.text for item in journal.exit_plan.get().items]


def sidebar_item(main_window: Any) -> Any:
    for row in range(main_window.sidebar.count()):
        item = main_window.sidebar.item(row)
        if item.data(Qt.ItemDataRole.UserRole) == "exit_plan":
            return item
    raise AssertionError("no exit plan in the sidebar")


@pytest.fixture
def started(main_window: Any, journal: Journal) -> Any:
    page = show_plan(main_window)
    page.start_plan()
    return page


def test_empty_state_and_start_by_hand(qtbot: Any, main_window: Any, journal: Journal) -> None:
    page = show_plan(main_window)
    assert page.stack.currentIndex() == 0
    assert not main_window.exit_plan_indicator.isVisible()
    assert sidebar_item(main_window).text() == "Exit plan"
    qtbot.mouseClick(page.start_empty_button, Qt.MouseButton.LeftButton)
    assert journal.exit_plan.get().status is ExitStatus.ACTIVE
    assert page.stack.currentIndex() == 1
    assert page.model.rowCount() == len(template_steps())
    assert page.progress.format() == f"0 of {len(template_steps())} steps done"
    assert main_window.exit_plan_indicator.isVisible()
    assert main_window.exit_plan_indicator.text() == (
        f"Exit plan: active · 0 of {len(template_steps())} done"
    )
    assert sidebar_item(main_window).text() == "Exit plan · active"
    assert "active" in sidebar_item(main_window).toolTip()


def test_add_a_step_with_the_keyboard(
    qtbot: Any, main_window: Any, journal: Journal, started: Any
) -> None:
    page = started
    page.new_step.setFocus()
    qtbot.keyClicks(page.new_step, "Call Priya about the opening")
    qtbot.keyClick(page.new_step, Qt.Key.Key_Return)
    assert texts(journal)[-1] == "Call Priya about the opening"
    assert page.new_step.text() == ""
    last = page.model.rowCount() - 1
    assert page.selected_row() == last
    assert page.model.index(last, 1).data() == "Call Priya about the opening"


def test_space_ticks_off_and_progress_shows(
    qtbot: Any, main_window: Any, journal: Journal, started: Any
) -> None:
    page = started
    page.select_row(1)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Space)
    assert journal.exit_plan.get().items[1].done
    qtbot.waitUntil(lambda: page.progress.value() == 1)
    assert page.progress.format().startswith("1 of ")
    assert main_window.exit_plan_indicator.text().endswith(f"1 of {len(template_steps())} done")
    assert page.selected_row() == 1  # the selection stays on the ticked step
    qtbot.keyClick(page.table, Qt.Key.Key_Space)
    assert not journal.exit_plan.get().items[1].done


def test_reorder_with_ctrl_arrows(
    qtbot: Any, main_window: Any, journal: Journal, started: Any
) -> None:
    page = started
    first, second = texts(journal)[:2]
    page.select_row(0)
    page.table.setFocus()
    assert not page.up_button.isEnabled()
    qtbot.keyClick(page.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert texts(journal)[:2] == [second, first]
    assert page.selected_row() == 1
    qtbot.mouseClick(page.up_button, Qt.MouseButton.LeftButton)
    assert texts(journal)[:2] == [first, second]


def test_edit_text_and_due_date_in_the_table(
    qtbot: Any, main_window: Any, journal: Journal, started: Any
) -> None:
    page = started
    model = page.model
    assert model.setData(model.index(0, 1), "  Write down my results  ")
    assert texts(journal)[0] == "Write down my results"
    assert not model.setData(model.index(0, 1), "   ")  # blank text is not taken
    assert texts(journal)[0] == "Write down my results"
    assert model.setData(model.index(0, 2), QDate(2020, 3, 1))
    assert journal.exit_plan.get().items[0].due == dt.date(2020, 3, 1)
    assert model.index(0, 2).data() == "1 Mar 2020 (overdue)"
    assert model.index(0, 2).data(Qt.ItemDataRole.FontRole).bold()
    page.refresh()
    page.select_row(0)
    assert page.clear_due_button.isEnabled()
    qtbot.mouseClick(page.clear_due_button, Qt.MouseButton.LeftButton)
    assert journal.exit_plan.get().items[0].due is None


def test_delete_asks_first(
    qtbot: Any, main_window: Any, journal: Journal, started: Any, monkeypatch: Any
) -> None:
    page = started
    page.select_row(0)
    doomed = texts(journal)[0]
    asked: list[str] = []

    def reply(button: QMessageBox.StandardButton) -> Any:
        def question(_parent: Any, _title: str, text: str, *_args: Any) -> Any:
            asked.append(text)
            return button

        return question

    monkeypatch.setattr(QMessageBox, "question", reply(QMessageBox.StandardButton.Cancel))
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert doomed in asked[0]
    assert texts(journal)[0] == doomed
    monkeypatch.setattr(QMessageBox, "question", reply(QMessageBox.StandardButton.Yes))
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert doomed not in texts(journal)
    assert len(texts(journal)) == len(template_steps()) - 1


def test_mark_done_keeps_the_steps_and_reopen(
    qtbot: Any, main_window: Any, journal: Journal, started: Any
) -> None:
    page = started
    qtbot.mouseClick(page.done_button, Qt.MouseButton.LeftButton)
    plan = journal.exit_plan.get()
    assert plan.status is ExitStatus.DONE and len(plan.items) == len(template_steps())
    assert "Done." in page.status_label.text()
    assert not page.done_button.isVisible()
    assert page.start_button.text() == "&Reopen plan"
    assert sidebar_item(main_window).text() == "Exit plan · done"
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    assert journal.exit_plan.get().status is ExitStatus.ACTIVE
    assert len(journal.exit_plan.get().items) == len(template_steps())


def test_the_plan_follows_the_latest_audit(qtbot: Any, main_window: Any, journal: Journal) -> None:
    page = show_plan(main_window)
    journal.audits.save(Audit(taken_on=dt.date(2026, 1, 1), blocking_superior=True))
    page = show_plan(main_window)
    assert page.stack.currentIndex() == 1
    assert "Active." in page.status_label.text()
    page.select_row(0)
    page.toggle_selected()
    latest = journal.audits.latest()
    assert latest is not None
    journal.audits.save(Audit(taken_on=dt.date(2026, 2, 1)))
    page = show_plan(main_window)
    assert "Paused." in page.status_label.text()
    assert page.start_button.text() == "&Resume plan"
    assert page.model.rowCount() == len(template_steps())
    assert page.model.item(0).done
    assert main_window.exit_plan_indicator.text().startswith("Exit plan: paused")
    # the status bar widget leads to the page
    main_window.navigate("audits")
    qtbot.mouseClick(main_window.exit_plan_indicator, Qt.MouseButton.LeftButton)
    assert main_window.current_key() == "exit_plan"


def test_checklist_model_passes_the_model_tester(qtmodeltester: Any) -> None:
    from cxjournal.ui.models.exit_items_model import ExitItemsModel

    model = ExitItemsModel()
    model.set_items(
        [
            ExitItem("Update my CV", id=1, position=0),
            ExitItem("Call a recruiter", done=True, due=dt.date(2026, 5, 1), id=2, position=1),
        ]
    )
    qtmodeltester.check(model)
    assert model.index(1, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert model.setData(model.index(0, 0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert model.item(0).done
