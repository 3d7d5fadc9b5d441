"""The Program page, the plan dialog and the grid chart on real journals."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from cxjournal.domain.model import Attitude, Note, NoteKind, Person, PlanKind, PlanMember, PlanRole
from cxjournal.domain.program_wording import RISK_TITLES, RiskCode
from cxjournal.journal import Journal
from cxjournal.ui.dialogs.plan_dialog import PlanDialog
from cxjournal.ui.person_profile import PersonProfileDialog
from cxjournal.ui.program_views import program_views
from tests.program_scenario import EXPECTED_GRID, EXPECTED_RISKS, D, store_scenario


def program_page(main_window: Any) -> Any:
    main_window.navigate("program")
    page = main_window.page("program")
    page.today = lambda: D
    page.refresh()
    return page


def test_a_new_journal_shows_what_the_program_is_and_where_to_start(main_window: Any) -> None:
    page = program_page(main_window)
    assert page.stack.currentWidget() is page.empty
    page.start_button.click()
    assert page.stack.currentWidget() is page.scroll_area
    assert page.why.hasFocus()
    assert [c.view.kind for c in page.cards] == list(PlanKind)
    assert page.risk_card.findChild(type(page.date_label), "program-no-risks") is not None


def test_the_scenario_shows_its_risks_plans_and_grid(
    main_window: Any, journal: Journal, qtbot: Any
) -> None:
    store_scenario(journal)
    page = program_page(main_window)
    assert page.stack.currentWidget() is page.scroll_area
    assert page.why.toPlainText() == "Customers stop waiting for refunds"
    titles = [RISK_TITLES[RiskCode(r["code"])] for r in EXPECTED_RISKS]
    assert [row.title() for row in page.risk_rows] == titles[:5]
    page.toggle_risks()
    assert [row.title() for row in page.risk_rows] == titles
    assert all(row.detail() for row in page.risk_rows)
    operations = page.card(PlanKind.OPERATIONS)
    assert operations.owner_label.text() == "Owner: Ana Silva: skeptic → supporter"
    assert [m.text() for m in operations.member_labels] == [
        "Ben Okafor, contributor: supporter",
        "Fay Lund, sponsor: skeptic",
    ]
    assert page.card(PlanKind.TRAINING).owner_label.text() == "Owner: No owner yet"
    page.chart.show()
    assert [e.person.name for e in page.chart.entries] == [g["name"] for g in EXPECTED_GRID]


def test_names_in_the_grid_are_plain_text(main_window: Any, journal: Journal) -> None:
    journal.people.add(Person("<b>Zed</b> & co", power=5, interest=5))
    page = program_page(main_window)
    page.start()
    page.refresh()
    assert page.chart.label_texts() == ["<b>Zed</b> & co"]


def test_a_risk_opens_what_fixes_it(
    main_window: Any, journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    store_scenario(journal)
    opened: list[str] = []
    monkeypatch.setattr(PlanDialog, "exec", lambda d: opened.append(d.plan.kind.value) or 0)
    monkeypatch.setattr(PersonProfileDialog, "exec", lambda d: opened.append(d.person.name) or 0)
    page = program_page(main_window)
    page.toggle_risks()
    rows = {row.objectName(): row for row in reversed(page.risk_rows)}  # the first of each code
    rows["risk-plan_without_owner"].activated.emit()
    rows["risk-attitude_gap"].activated.emit()
    assert opened == ["training", "Dana Reed"]


def test_the_plan_dialog_refuses_a_second_owner_and_keeps_what_was_typed(
    main_window: Any, journal: Journal, monkeypatch: pytest.MonkeyPatch, qtbot: Any
) -> None:
    ana = journal.people.add(Person("Ana"))
    ben = journal.people.add(Person("Ben"))
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))
    plan = journal.program.plan(PlanKind.VOC)
    dialog = PlanDialog(journal, plan, main_window)
    qtbot.addWidget(dialog)
    for person in (ana, ben):
        row = dialog.add_member(PlanMember(person, PlanRole.OWNER))
        assert row.person.currentText() == person.name
    qtbot.keyClicks(dialog.next_step, "Agree the survey")
    dialog.accept()
    assert warnings and "at most one owner" in warnings[0]
    assert journal.program.plan(PlanKind.VOC) == plan
    assert dialog.next_step.text() == "Agree the survey"
    dialog.member_rows()[1].role.setCurrentIndex(1)  # Ben becomes a sponsor
    dialog.accept()
    saved = journal.program.plan(PlanKind.VOC)
    assert [(m.person.name, m.role) for m in saved.people] == [
        ("Ana", PlanRole.OWNER),
        ("Ben", PlanRole.SPONSOR),
    ]
    assert saved.next_step == "Agree the survey"


def test_today_shows_the_top_risks_and_the_gaps_coming_due(
    main_window: Any, journal: Journal, qtbot: Any
) -> None:
    import cxjournal.journal.program  # noqa: F401  (the warm-up's import, done)

    store_scenario(journal)
    main_window.navigate("today")
    today = main_window.page("today")
    today.today = lambda: D
    today.refresh()
    card = today.program_card
    qtbot.waitUntil(lambda: bool(card.rows))
    assert card.isVisible()
    assert [r.title() for r in card.rows] == [
        "Plan without an owner",
        "Owner opposed",
        "No supporter",
        "Attitude gap: Dana Reed",
    ]


def test_todays_program_card_adds_its_rows_while_hidden_and_shows_once(
    main_window: Any, journal: Journal, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A row shown in a card on screen lays out the whole page again: seven rows in a visible
    card held the GUI thread some 40 ms, so the rows are added while the card is hidden."""
    import cxjournal.journal.program  # noqa: F401  (the warm-up's import, done)
    from cxjournal.ui.widgets.today_cards import Card

    store_scenario(journal)
    main_window.navigate("today")
    today = main_window.page("today")
    today.today = lambda: D
    card = today.program_card
    added_on_screen: list[bool] = []
    shown: list[bool] = []
    real_add, real_set_visible = Card.add, Card.setVisible

    def add(self: Any, widget: Any) -> Any:
        if self is card:
            added_on_screen.append(self.isVisible())
        return real_add(self, widget)

    def set_visible(self: Any, visible: bool) -> None:
        if self is card and visible:
            shown.append(True)
        real_set_visible(self, visible)

    monkeypatch.setattr(Card, "add", add)
    monkeypatch.setattr(Card, "setVisible", set_visible)
    today.refresh()
    qtbot.waitUntil(lambda: len(card.rows) == 4)
    assert card.isVisible()
    rows = added_on_screen[-5:]  # three risks, one more, one gap: the last fill
    assert rows == [False] * 5
    assert len(shown) <= 3  # the first ask, "working", the fill: never once a row


def test_the_grid_chart_made_in_steps_is_finished_once_by_the_next_step_or_by_drawing(
    main_window: Any, journal: Journal, qtbot: Any
) -> None:
    """The hidden Program page makes its chart's plot in one turn and its quadrants in the
    next (each took the GUI thread 15-30 ms); a visit between the two finishes it."""
    import cxjournal.journal.program  # noqa: F401  (the warm-up's import, done)
    from cxjournal.ui.charts.power_interest_chart import PowerInterestChart

    store_scenario(journal)
    chart = PowerInterestChart(in_steps=True)
    qtbot.addWidget(chart)
    items = len(chart.plot.getPlotItem().items)
    assert not chart.areas and not chart.captions  # the plot only
    chart.finish()
    assert len(chart.areas) == 4 and len(chart.captions) == 4
    made = len(chart.plot.getPlotItem().items)
    assert made > items
    chart.finish()
    assert len(chart.plot.getPlotItem().items) == made  # once
    unfinished = PowerInterestChart(in_steps=True)
    qtbot.addWidget(unfinished)
    page = main_window.page("program")
    page.today = lambda: D
    page.chart = unfinished  # a visit before the quadrants' turn
    page.refresh()
    assert len(unfinished.areas) == 4 and unfinished.label_texts()


def test_a_change_that_moves_no_risk_and_no_plan_leaves_the_page_as_it_is(
    main_window: Any, journal: Journal, qtbot: Any
) -> None:
    store_scenario(journal)
    page = program_page(main_window)
    qtbot.waitUntil(lambda: page.chart is not None and bool(page.chart.label_texts()))
    rows, cards = list(page.risk_rows), list(page.cards)
    labels = list(page.chart.name_labels)
    zoe = journal.people.add(Person("Zoe Park"))  # on no plan, without power or interest
    page.run_op("add a note", lambda j: j.notes.add(Note(D, "Coffee", NoteKind.INFORMAL, zoe.id)))
    assert program_views(main_window.services).kept(D) is not None  # worked out again
    assert all(a is b for a, b in zip(page.risk_rows, rows, strict=True))
    assert all(a is b for a, b in zip(page.cards, cards, strict=True))
    assert all(a is b for a, b in zip(page.chart.name_labels, labels, strict=True))
    # a note that moves a plan owner's attitude fills the plans and the risks again
    ana = journal.people.find_by_name("Ana Silva")
    assert ana is not None
    page.run_op(
        "add a note",
        lambda j: j.notes.add(Note(D, "On board", NoteKind.MEETING, ana.id, Attitude.SUPPORTER)),
    )
    operations = page.card(PlanKind.OPERATIONS)
    assert operations not in cards
    assert operations.owner_label.text() == "Owner: Ana Silva: supporter"
    assert page.risk_rows and not {id(r) for r in page.risk_rows} & {id(r) for r in rows}
    assert all(a is b for a, b in zip(page.chart.name_labels, labels, strict=True))


def test_a_theme_change_recolours_the_plans_and_the_grid_as_they_stand(
    main_window: Any, journal: Journal, qtbot: Any
) -> None:
    """The page keeps its plan cards and grid while they list the same, so they take a new
    theme themselves: the status colours and the chart's background, text and names."""
    from cxjournal.qt.gui import QPalette
    from cxjournal.ui import theme
    from cxjournal.ui.widgets.plan_card import STATUS_COLOURS, STATUS_COLOURS_DARK

    store_scenario(journal)
    page = program_page(main_window)
    qtbot.waitUntil(lambda: page.chart is not None and bool(page.chart.label_texts()))
    card = page.card(PlanKind.OPERATIONS)
    status = card.view.plan.status
    chart = page.chart
    for palette, colours in (
        (theme.readable(theme.dark_palette()), STATUS_COLOURS_DARK),
        (theme.readable(theme.light_palette()), STATUS_COLOURS),
    ):
        page.setPalette(palette)
        base = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.WindowText)
        assert page.card(PlanKind.OPERATIONS) is card  # the same card, recoloured
        assert f"color: {colours[status]};" in card.status.styleSheet()
        assert chart.plot.backgroundBrush().color() == base
        assert {label.color.name() for label in chart.name_labels} == {text.name()}
        assert STATUS_COLOURS[status] != STATUS_COLOURS_DARK[status]
