"""Ctrl+F from anywhere: type, see ranked hits with the matches in bold, open one."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from cxjournal.domain.model import FollowUp, Note, NoteKind, Person
from cxjournal.journal import Journal
from cxjournal.journal.changes import Area
from cxjournal.ui.dialogs.search_dialog import HTML_ROLE, LAYOUT_BATCH, SearchDialog
from cxjournal.ui.search_actions import open_search

D = dt.date(2026, 2, 1)


@pytest.fixture
def filled(journal: Journal) -> dict[str, Any]:
    ana = journal.people.add(Person(name="Ana Silva", motivations="Cost to serve"))
    note = journal.notes.add(
        Note(
            on=D,
            text="Walked her through the churn story",
            person_id=ana.id,
            follow_ups=(FollowUp("Send the pricing deck"),),
        )
    )
    win = journal.notes.add(Note(on=D, text="Launch <went> well", kind=NoteKind.WIN))
    return {"ana": ana, "note": note, "win": win}


def find_action(main_window: Any) -> QAction:
    action = main_window.findChild(QAction, "action-find")
    assert action is not None
    return action


def test_ctrl_f_is_in_the_edit_menu(main_window: Any) -> None:
    action = find_action(main_window)
    assert action.shortcut().toString() == "Ctrl+F"
    assert action in main_window.menu("edit").actions()
    assert main_window.menu("edit").menuAction().isVisible()


def test_typing_finds_and_enter_opens_the_note(
    main_window: Any, filled: dict[str, Any], qtbot: Any
) -> None:
    main_window.navigate("people")
    find_action(main_window).trigger()
    dialog: SearchDialog = main_window.extensions.search_dialog
    assert dialog.isVisible()
    qtbot.keyClicks(dialog.query, "chur")
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)
    index = dialog.model.index(0)
    assert "<b>churn</b>" in index.data(HTML_ROLE)
    assert "Ana Silva · 1:1" in index.data()
    qtbot.keyClick(dialog.query, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert main_window.current_key() == "journal"
    assert main_window.page("journal").current_note_id() == filled["note"].id


def test_a_person_hit_opens_their_profile(
    main_window: Any, filled: dict[str, Any], qtbot: Any
) -> None:
    dialog = open_search(main_window.services, "cost serve")
    assert [h.kind for h in dialog.model.hits] == ["person"]
    qtbot.keyClick(dialog.query, Qt.Key.Key_Down)
    assert dialog.results.hasFocus() or dialog.results.currentIndex().row() == 0
    dialog.results.activated.emit(dialog.model.index(0))
    assert main_window.current_key() == "people"
    assert main_window.page("people").current_person_id() == filled["ana"].id


def test_a_follow_up_hit_opens_its_note(main_window: Any, filled: dict[str, Any]) -> None:
    dialog = open_search(main_window.services, "pricing deck")
    [hit] = dialog.model.hits
    assert hit.kind == "follow_up"
    assert dialog.open_hit(0)
    assert main_window.page("journal").current_note_id() == filled["note"].id


@pytest.mark.parametrize("typed", ['"', "O'Brien", "AND OR", "NEAR(", "a:b", "*", "😀", "", "  "])
def test_odd_input_finds_nothing_without_error(
    main_window: Any, filled: dict[str, Any], typed: str
) -> None:
    dialog = open_search(main_window.services, typed)
    dialog.run_search()
    assert dialog.model.rowCount() == 0
    assert dialog.status.text()


def test_text_is_escaped_and_results_follow_changes(
    main_window: Any, journal: Journal, filled: dict[str, Any]
) -> None:
    dialog = open_search(main_window.services, "launch")
    assert "&lt;went&gt;" in dialog.model.index(0).data(HTML_ROLE)
    dialog.hide()
    journal.notes.add(Note(on=D, text="Another launch"))
    again = open_search(main_window.services)
    assert again is dialog
    assert dialog.model.rowCount() == 2
    assert dialog.results.grab().width() > 0  # the delegate paints


def test_a_hit_on_a_page_this_build_lacks_says_so(
    main_window: Any, journal: Journal, filled: dict[str, Any]
) -> None:
    def navigate(key: str, **_kwargs: Any) -> None:
        raise KeyError(key)

    dialog = SearchDialog(journal, navigate, main_window)
    dialog.query.setText("churn")
    dialog.run_search()
    assert not dialog.open_hit(0)
    assert "cannot be opened" in dialog.status.text()


def test_audit_and_check_in_hits_open_their_pages(
    main_window: Any, journal: Journal, filled: dict[str, Any]
) -> None:
    from cxjournal.domain.model import Audit, Rating, ResilienceEntry

    audit = journal.audits.save(
        Audit(
            taken_on=D, note="Reorganisation quarter", ratings=(Rating(filled["ana"], 5, 5, 5, 5),)
        )
    )
    journal.resilience.save(
        ResilienceEntry(on=D, energy=4, stress=7, mood=5, note="Exhausting offsite")
    )
    main_window.bus.announce(Area.ALL)
    dialog = open_search(main_window.services, "reorganisation")
    assert [h.kind for h in dialog.model.hits] == ["audit"]
    assert dialog.open_hit(0)
    assert main_window.current_key() == "audits"
    dialog = open_search(main_window.services, "offsite")
    assert [(h.kind, h.target_args) for h in dialog.model.hits] == [("resilience", {"on": D})]
    assert dialog.open_hit(0)
    assert main_window.current_key() == "resilience"
    assert audit.id is not None


def _choose(box: Any, text: str) -> None:
    found = box.findText(text)
    assert found >= 0, text
    box.setCurrentIndex(found)


def test_filters_narrow_by_person_kind_and_period(
    main_window: Any, journal: Journal, filled: dict[str, Any]
) -> None:
    ben = journal.people.add(Person(name="Ben Okafor"))
    journal.notes.add(Note(on=D, text="churn with Ben", person_id=ben.id))
    dialog = open_search(main_window.services, "churn")
    dialog.today = lambda: D + dt.timedelta(days=40)
    assert {h.person_id for h in dialog.model.hits} == {filled["ana"].id, ben.id}
    _choose(dialog.person_filter, "Ben Okafor")
    assert [(h.kind, h.person_id) for h in dialog.model.hits] == [("note", ben.id)]
    _choose(dialog.person_filter, "Anyone")
    _choose(dialog.kind_filter, "Follow-ups")
    assert dialog.model.hits == []
    assert "with these filters" in dialog.status.text()
    _choose(dialog.kind_filter, "Notes")
    assert {h.kind for h in dialog.model.hits} == {"note"}
    _choose(dialog.period_filter, "Last 30 days")  # D is 40 days ago
    assert dialog.model.hits == []
    _choose(dialog.period_filter, "Last 90 days")
    assert len(dialog.model.hits) == 2


def test_results_page_past_fifty_with_show_more(
    main_window: Any, journal: Journal, qtbot: Any
) -> None:
    for n in range(120):
        journal.notes.add(Note(on=D + dt.timedelta(days=n), text=f"pipeline review {n}"))
    dialog = open_search(main_window.services, "pipeline")
    assert dialog.model.rowCount() == 50
    assert dialog.more.isVisibleTo(dialog)
    assert "Showing 50 of 120 results" in dialog.status.text()
    qtbot.mouseClick(dialog.more, Qt.MouseButton.LeftButton)
    assert dialog.model.rowCount() == 100 and dialog.results.currentIndex().row() == 50
    view = dialog.results.viewport().rect()
    assert view.intersects(dialog.results.visualRect(dialog.model.index(50)))  # in view
    dialog.show_more()
    assert dialog.model.rowCount() == 120
    assert not dialog.more.isVisibleTo(dialog)
    assert "120 results, best first" in dialog.status.text()
    assert len({h.item_id for h in dialog.model.hits}) == 120


def test_a_person_named_comes_first_and_the_name_is_marked(
    main_window: Any, journal: Journal, filled: dict[str, Any]
) -> None:
    dialog = open_search(main_window.services, "ana")
    first = dialog.model.hits[0]
    assert (first.kind, first.item_id) == ("person", filled["ana"].id)
    assert "<u>Ana</u> Silva" in dialog.model.index(0).data(HTML_ROLE)
    follow_up = next(h for h in dialog.model.hits if h.kind == "follow_up")
    assert "Send the pricing deck" in follow_up.snippet_text()


def test_each_result_is_laid_out_once_and_repaints_lay_out_nothing(
    main_window: Any, journal: Journal, qtbot: Any
) -> None:
    for n in range(60):
        journal.notes.add(Note(on=D + dt.timedelta(days=n), text=f"pipeline review {n}"))
    dialog = open_search(main_window.services)
    qtbot.waitExposed(dialog)
    delegate = dialog.results.itemDelegate()
    dialog.query.setText("pipeline")
    dialog.run_search()
    dialog.results.viewport().repaint()
    rows = dialog.model.rowCount()
    assert rows == 50
    # the first paint lays out the rows in view (a batch, once per width the list had:
    # with and without its scroll bar), not all fifty
    assert 0 < delegate.layouts <= 2 * LAYOUT_BATCH < rows
    # and those fill the list from top to bottom
    laid = [dialog.results.visualRect(dialog.model.index(r)) for r in range(LAYOUT_BATCH)]
    assert max(r.bottom() for r in laid) >= dialog.results.viewport().height()
    # the others are laid out right after, in turns of the event loop, each once
    width = dialog.results.viewport().width() - 12
    qtbot.waitUntil(lambda: sum(w == width for _h, w, _f in delegate._laid_out) == rows)
    widths = {w for _html, w, _font in delegate._laid_out}
    assert delegate.layouts <= rows * len(widths)
    first = delegate.layouts
    for row in (1, 5, 2):
        dialog.results.setCurrentIndex(dialog.model.index(row))
        dialog.results.viewport().repaint()
    assert delegate.layouts == first
    bar = dialog.results.verticalScrollBar()
    assert bar.maximum() > 0
    for value in (bar.maximum() // 2, bar.maximum(), 0):  # scrolling, as with the wheel
        bar.setValue(value)
        dialog.results.viewport().repaint()
    assert delegate.layouts == first
    dialog.query.setText("nothing-matches-this")
    dialog.run_search()
    dialog.query.setText("pipeline")
    dialog.run_search()
    dialog.results.viewport().repaint()
    assert delegate.layouts == first  # the same results again: nothing laid out anew
