"""The Journal has a filter box; the Journal, the check-in history and the audit list sort
by their columns, over the whole journal (not only the rows loaded so far)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import Qt

from cxjournal.domain.list_orders import CHECK_IN_ORDERS, NOTE_ORDERS
from cxjournal.domain.model import (
    Attitude,
    Audit,
    FollowUp,
    Note,
    NoteKind,
    Person,
    Rating,
    ResilienceEntry,
)
from cxjournal.journal import Journal
from cxjournal.journal.audits import AuditSummary
from cxjournal.ui.models import notes_model
from cxjournal.ui.models.audit_list_model import ALARMS, PEOPLE, AuditListModel
from cxjournal.ui.models.notes_model import HEADERS as NOTE_HEADERS
from cxjournal.ui.models.resilience_history_model import HEADERS as CHECK_IN_HEADERS

D = dt.date(2026, 1, 1)


def test_every_column_has_its_order() -> None:
    assert len(NOTE_ORDERS) == len(NOTE_HEADERS)
    assert len(CHECK_IN_ORDERS) == len(CHECK_IN_HEADERS)


def _notes(journal: Journal) -> tuple[Person, Person]:
    zed = journal.people.add(Person("Zed Young"))
    ana = journal.people.add(Person("Ana Silva"))
    journal.notes.add(Note(D, "beta churn", person_id=zed.id, attitude=Attitude.SUPPORTER))
    journal.notes.add(
        Note(
            D + dt.timedelta(days=1),
            "Alpha pricing",
            person_id=ana.id,
            kind=NoteKind.EMAIL,
            follow_ups=(FollowUp("send churn deck"), FollowUp("book")),
        )
    )
    journal.notes.add(Note(D + dt.timedelta(days=2), "gamma", kind=NoteKind.WIN, tags=("churn",)))
    return zed, ana


@pytest.mark.parametrize(
    ("order", "descending", "expected"),
    [
        ("date", True, ["gamma", "Alpha pricing", "beta churn"]),
        ("date", False, ["beta churn", "Alpha pricing", "gamma"]),
        ("about", False, ["gamma", "Alpha pricing", "beta churn"]),  # no one, Ana, Zed
        ("text", False, ["Alpha pricing", "beta churn", "gamma"]),
        ("follow_ups", True, ["Alpha pricing", "gamma", "beta churn"]),
        ("kind", False, ["Alpha pricing", "beta churn", "gamma"]),  # email, one_on_one, win
    ],
)
def test_notes_sort_in_the_journal(
    journal: Journal, order: str, descending: bool, expected: list[str]
) -> None:
    _notes(journal)
    assert [n.text for n in journal.notes.recent(10, 0, None, order, descending)] == expected


def test_a_sorted_list_pages_without_repeats(journal: Journal) -> None:
    for n in range(25):
        journal.notes.add(Note(D + dt.timedelta(days=n % 3), f"note {n}"))
    pages = [journal.notes.recent(10, o, None, "about", False) for o in (0, 10, 20)]
    assert len({n.id for page in pages for n in page}) == 25


def test_the_journal_filter_keeps_matching_notes(journal: Journal) -> None:
    _notes(journal)
    # the text, a follow-up or a tag hold "churn"
    assert sorted(n.text for n in journal.notes.recent(text="churn")) == [
        "Alpha pricing",
        "beta churn",
        "gamma",
    ]
    assert [n.text for n in journal.notes.recent(text="ana")] == ["Alpha pricing"]  # a name
    assert journal.notes.count(text="pricing") == 1
    assert journal.notes.count(text="  ") == 3  # no words: every note
    assert journal.notes.count(text='"') == 3


def test_the_journal_page_filters_as_you_type_and_sorts_by_header(
    main_window: Any, journal: Journal, qtbot: Any
) -> None:
    _notes(journal)
    main_window.navigate("journal")
    page = main_window.page("journal")
    page.refresh()
    assert page.model.rowCount() == 3 and page.count_label.text() == "3 notes"
    qtbot.keyClicks(page.filter_box, "pricing")
    qtbot.keyClick(page.filter_box, Qt.Key.Key_Return)
    assert page.model.rowCount() == 1
    assert page.count_label.text() == "1 of 3 notes match"
    assert page.table.hasFocus()
    page.filter_box.setText("nothing-like-this")
    page.refresh()
    assert page.model.rowCount() == 0 and "No note matches" in page.count_label.text()
    page.filter_box.clear()
    page.refresh()
    header = page.table.horizontalHeader()
    header.setSortIndicator(notes_model.PERSON, Qt.SortOrder.AscendingOrder)
    assert [page.model.note(r).text for r in range(3)] == ["gamma", "Alpha pricing", "beta churn"]
    # opening a note from elsewhere finds it in a sorted or filtered list too
    page.filter_box.setText("gamma")
    page.refresh()
    wanted = journal.notes.recent(10, 0, None, "text", False)[0]
    main_window.navigate("journal", note_id=wanted.id)
    assert page.current_note_id() == wanted.id
    assert page.filter_box.text() == ""


def test_the_check_in_history_sorts_by_its_columns(main_window: Any, journal: Journal) -> None:
    journal.resilience.save_many(
        ResilienceEntry(D + dt.timedelta(days=n), 1 + n % 10, 5, 1 + (n * 7) % 10)
        for n in range(250)
    )
    main_window.navigate("resilience")
    page = main_window.page("resilience")
    page.refresh()
    model = page.history_model
    assert model.entry(0).on == D + dt.timedelta(days=249)
    from cxjournal.ui.models.resilience_history_model import DATE, MOOD

    page.history_view.horizontalHeader().setSortIndicator(MOOD, Qt.SortOrder.DescendingOrder)
    moods = [model.entry(r).mood for r in range(model.rowCount())]
    assert moods[0] == 10 and moods == sorted(moods, reverse=True)
    while model.canFetchMore(model.index(0, 0).parent()):
        model.fetchMore(model.index(0, 0).parent())
    assert model.rowCount() == 250
    assert model.row_of(D) >= 0  # found in a sorted list too
    page.history_view.horizontalHeader().setSortIndicator(DATE, Qt.SortOrder.AscendingOrder)
    assert model.entry(0).on == D


def test_the_audit_list_sorts_by_its_columns() -> None:
    model = AuditListModel()
    summaries = [
        AuditSummary(1, D, 5, False, ("narrow",)),
        AuditSummary(2, D + dt.timedelta(days=90), 3, False, ()),
        AuditSummary(3, D + dt.timedelta(days=180), 8, False, ("narrow", "lopsided")),
    ]
    model.set_summaries(summaries)
    assert [model.summary(r).id for r in range(3)] == [3, 2, 1]
    model.sort(PEOPLE, Qt.SortOrder.AscendingOrder)
    assert [model.summary(r).id for r in range(3)] == [2, 1, 3]
    # what each cell shows follows its row to its new place
    assert [model.data(model.index(r, PEOPLE)) for r in range(3)] == ["3", "5", "8"]
    assert model.data(model.index(0, ALARMS)) == "None"
    assert model.data(model.index(0, ALARMS), Qt.ItemDataRole.DecorationRole) is None
    assert model.data(model.index(2, ALARMS), Qt.ItemDataRole.DecorationRole) is not None
    assert [model.data(model.index(r, ALARMS), Qt.ItemDataRole.UserRole) for r in range(3)] == [
        2,
        1,
        3,
    ]
    assert model.data(model.index(3, PEOPLE)) is None  # no such row
    model.sort(ALARMS, Qt.SortOrder.DescendingOrder)
    assert [model.summary(r).id for r in range(3)] == [3, 1, 2]
    model.set_summaries(summaries)  # a refresh keeps the order chosen
    assert [model.summary(r).id for r in range(3)] == [3, 1, 2]


def test_the_audits_page_sorts_by_header(main_window: Any, journal: Journal) -> None:
    ana = journal.people.add(Person("Ana Silva"))
    ben = journal.people.add(Person("Ben Okafor"))
    journal.audits.save(Audit(D, ratings=(Rating(ana, 5, 5, 5, 5), Rating(ben, 5, 5, 5, 5))))
    journal.audits.save(Audit(D + dt.timedelta(days=90), ratings=(Rating(ana, 5, 5, 5, 5),)))
    main_window.navigate("audits")
    page = main_window.page("audits")
    page.refresh()
    assert page.table.isSortingEnabled()
    page.table.horizontalHeader().setSortIndicator(PEOPLE, Qt.SortOrder.DescendingOrder)
    assert page.model.summary(0).people == 2
