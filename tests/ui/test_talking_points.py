"""Suggested introductions become talking points: added from an audit's network view,
shown and ticked in the Prepare 1:1 dialog and on the person's profile."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import Qt

from cxjournal.domain.model import Audit, Person, Rating
from cxjournal.journal import Journal
from cxjournal.journal.changes import Area
from cxjournal.store.agenda_store import read_agenda
from cxjournal.ui.dialogs.prepare_dialog import PrepareDialog
from cxjournal.ui.dialogs.prepare_report import page_html

DAY = dt.date(2026, 3, 2)


@pytest.fixture
def network_audit(journal: Journal) -> Audit:
    """Ana-Ben know each other, Chen knows no one: one introduction joins them."""
    people = [journal.people.add(Person(name=n)) for n in ("Ana Silva", "Ben Ode", "Chen Li")]
    ratings = (
        Rating(people[0], 9, 9, 5, 5),  # the one you depend on most in her group
        Rating(people[1], 4, 4, 5, 5),
        Rating(people[2], 6, 6, 5, 5),
    )
    return journal.audits.save(Audit(DAY, ratings, ties=((0, 1),), ties_recorded=True))


def show_network(main_window: Any) -> Any:
    main_window.bus.announce(Area.ALL)
    main_window.navigate("audits")
    page = main_window.page("audits")
    page.tabs.setCurrentWidget(page.network)
    return page.network


def test_a_saved_audit_shows_its_network_and_saves_introductions(
    qtbot: Any, main_window: Any, journal: Journal, network_audit: Audit
) -> None:
    view = show_network(main_window)
    assert view.chart is not None and view.chart.tie_segments() == 1
    assert "You are the only link between 2 of 3 pairs." in view.figures_text.text()
    [(intro, person, button), (_i2, other, _other_button)] = view.intro_buttons
    assert (intro.first.name, intro.second.name) == ("Ana Silva", "Chen Li")
    assert (person.name, other.name) == ("Ana Silva", "Chen Li")
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert person.id is not None and other.id is not None
    [point] = journal.agenda.open_for(person.id)
    assert "Chen Li" in point.text
    assert not button.isEnabled() and "Added" in button.text()
    assert journal.agenda.open_for(other.id) == []
    # drawn again later, the button still knows it was added
    main_window.bus.announce(Area.AGENDA)
    view = show_network(main_window)
    added = {p.name: b.isEnabled() for _i, p, b in view.intro_buttons}
    assert added == {"Ana Silva": False, "Chen Li": True}


def test_prepare_shows_saved_points_and_ticking_links_them_to_the_note(
    qtbot: Any, main_window: Any, journal: Journal, network_audit: Audit
) -> None:
    ana = network_audit.ratings[0].person
    assert ana.id is not None
    point = journal.agenda.add(ana.id, "Offer to introduce <b>Chen</b>", DAY)
    announced: list[Area] = []
    dialog = PrepareDialog(journal, ana.id, announced.append, main_window, today=DAY)
    qtbot.addWidget(dialog)
    assert [i.text for i in dialog.agenda.items] == [point.text]
    assert "Offer to introduce &lt;b&gt;Chen&lt;/b&gt;" in page_html(dialog.prep, "")
    dialog.agenda.boxes[0].setChecked(True)
    assert journal.agenda.open_for(ana.id) == []
    assert any(Area.AGENDA in a for a in announced)
    dialog.talking_points.setPlainText("We agreed on the intro")
    assert dialog.save_note()
    assert dialog.saved_note is not None
    with journal.session() as session:
        [stored] = read_agenda(session, {ana.id: ana}, ana.id)
    assert stored.done_on == DAY and stored.discussed_in_note_id == dialog.saved_note.id


def test_the_profile_lists_open_points_to_tick(
    qtbot: Any, main_window: Any, journal: Journal, network_audit: Audit
) -> None:
    ana = network_audit.ratings[0].person
    assert ana.id is not None
    journal.agenda.add(ana.id, "Offer to introduce Chen Li", DAY)
    main_window.bus.announce(Area.ALL)
    main_window.navigate("people", person_id=ana.id)
    page = main_window.page("people")
    qtbot.waitUntil(lambda: len(page.agenda.boxes) == 1)
    assert not page.agenda.empty.isVisible()
    page.agenda.boxes[0].setChecked(True)
    assert journal.agenda.open_for(ana.id) == []
    qtbot.waitUntil(lambda: page.agenda.boxes == [])
    assert page.agenda.empty.isVisible()
