"""The People page: add and edit people through the profile form, filter, sort, archive,
delete, see the cadence flag move when a note is added, and the due count on the sidebar."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from cxjournal.domain.model import Attitude, Note, NoteKind, Person, Relationship
from cxjournal.journal import Journal
from cxjournal.journal.changes import Area
from cxjournal.ui import person_timeline
from cxjournal.ui.dialogs.note_dialog import NoteDialog
from cxjournal.ui.models.people_model import NAME, NEXT_UPDATE, PeopleModel
from cxjournal.ui.person_profile import PersonProfileDialog
from cxjournal.ui.person_timeline import FIRST_CARDS, TIMELINE_PAGE

TODAY = dt.date.today()


def people_page(main_window: Any) -> Any:
    """The People page, after telling the window the journal was filled behind its back."""
    main_window.bus.announce(Area.ALL)
    main_window.navigate("people")
    return main_window.page("people")


def shown_names(page: Any) -> list[str]:
    proxy = page.proxy
    return [proxy.index(r, NAME).data() for r in range(proxy.rowCount())]


def fill_profile(qtbot: Any, monkeypatch: pytest.MonkeyPatch, **values: Any) -> None:
    """The next profile dialog gets these values typed in, then OK."""

    def exec_(dialog: PersonProfileDialog) -> int:
        if "name" in values:
            dialog.name.clear()
            qtbot.keyClicks(dialog.name, values["name"])
        for field in ("role", "function", "team"):
            if field in values:
                dialog.fields[field].clear()
                qtbot.keyClicks(dialog.fields[field], values[field])
        if "cadence" in values:
            dialog.cadence.setValue(values["cadence"])
        if "key" in values:
            dialog.key.setChecked(values["key"])
        if "relationship" in values:
            dialog.relationship.setCurrentIndex(
                dialog.relationship.findData(values["relationship"])
            )
        if "needs" in values:
            qtbot.keyClicks(dialog.needs, values["needs"])
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(PersonProfileDialog, "exec", exec_)


def test_empty_page_says_what_to_do_first(main_window: Any) -> None:
    page = people_page(main_window)
    assert page.stack.currentWidget() is page.empty
    assert main_window.sidebar.item(main_window._index("people")).text() == "People"


def test_add_a_person_through_the_form(
    main_window: Any, journal: Journal, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = people_page(main_window)
    fill_profile(
        qtbot,
        monkeypatch,
        name="Ana Silva",
        role="VP Operations",
        function="Operations",
        cadence=14,
        key=True,
        relationship="superior",
        needs="Monthly NPS drivers",
    )
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    [ana] = journal.people.all()
    assert (ana.name, ana.role, ana.cadence_days, ana.key_stakeholder) == (
        "Ana Silva",
        "VP Operations",
        14,
        True,
    )
    assert ana.relationship == Relationship.SUPERIOR
    assert ana.information_needs == "Monthly NPS drivers"
    assert shown_names(page) == ["Ana Silva"]
    assert page.stack.currentWidget() is page.directory
    assert page.right.currentWidget() is page.scroll_area
    assert page.name_label.text() == "Ana Silva"
    assert "Monthly NPS drivers" in page.profile_label.text()
    # never contacted: due today, flagged in the list, the sidebar and the status bar
    assert page.proxy.index(0, NEXT_UPDATE).data() == "due today"
    assert main_window.sidebar.item(main_window._index("people")).text() == "People (1 due)"
    assert "1 update due" in main_window.extensions.due_counter.label.text()


def test_a_name_is_required(
    main_window: Any, journal: Journal, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = people_page(main_window)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    dialog = PersonProfileDialog(journal, page)
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert warnings and "Name" in warnings[0]
    assert journal.people.all() == []


def test_cadence_flag_moves_when_a_note_is_added_through_the_dialog(
    main_window: Any, journal: Journal, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    ana = journal.people.add(Person(name="Ana", cadence_days=7))
    journal.notes.add(
        Note(
            on=TODAY - dt.timedelta(days=10),
            text="old",
            person_id=ana.id,
            attitude=Attitude.SKEPTIC,
        )
    )
    page = people_page(main_window)
    assert page.proxy.index(0, NEXT_UPDATE).data() == "3 days overdue"
    assert "⚠" in page.cadence_label.text()
    assert main_window.sidebar.item(main_window._index("people")).text() == "People (1 due)"

    seen: dict[str, Any] = {}

    def exec_(dialog: NoteDialog) -> int:
        seen["person"] = dialog.person_id()
        seen["kind"] = dialog.kind.currentData()
        seen["attitude"] = dialog.attitude.currentData()
        seen["date"] = dialog.date.date().toPython()
        qtbot.keyClicks(dialog.text, "Agreed on the pilot")
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(NoteDialog, "exec", exec_)
    qtbot.mouseClick(page.note_button, Qt.MouseButton.LeftButton)
    # quick-add defaults: the selected person, today, 1:1, their last attitude
    assert seen == {"person": ana.id, "kind": "one_on_one", "attitude": "skeptic", "date": TODAY}
    assert journal.notes.for_person(ana.id)[0].text == "Agreed on the pilot"  # type: ignore[arg-type]
    assert page.proxy.index(0, NEXT_UPDATE).data() == "in 7 days"
    assert "⚠" not in page.cadence_label.text()
    assert main_window.sidebar.item(main_window._index("people")).text() == "People"
    assert not main_window.extensions.due_counter.label.isVisible()
    assert len(page.timeline.cards) == 2


def test_an_observation_does_not_reset_the_cadence(main_window: Any, journal: Journal) -> None:
    ana = journal.people.add(Person(name="Ana", cadence_days=7))
    page = people_page(main_window)
    journal.notes.add(Note(on=TODAY, text="seen", person_id=ana.id, kind=NoteKind.OBSERVATION))
    page.announce(Area.NOTES)
    assert page.proxy.index(0, NEXT_UPDATE).data() == "due today"


def test_filter_sort_and_archived(main_window: Any, journal: Journal, qtbot: Any) -> None:
    journal.people.add(Person(name="Bea", role="CFO", cadence_days=30))
    journal.people.add(Person(name="Ana", role="COO"))
    old = journal.people.add(Person(name="Cy", role="CFO advisor"))
    journal.people.set_archived(old.id, True)  # type: ignore[arg-type]
    page = people_page(main_window)
    assert shown_names(page) == ["Ana", "Bea"]
    qtbot.keyClicks(page.filter, "cfo")
    assert shown_names(page) == ["Bea"]
    page.show_archived.setChecked(True)
    assert shown_names(page) == ["Bea", "Cy (archived)"]
    page.filter.clear()
    page.table.sortByColumn(NEXT_UPDATE, Qt.SortOrder.AscendingOrder)
    assert shown_names(page)[0] == "Bea"  # the only one with a due date comes first


def test_archive_restore_and_delete(
    main_window: Any, journal: Journal, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    ana = journal.people.add(Person(name="Ana"))
    journal.notes.add(Note(on=TODAY, text="x", person_id=ana.id))
    bob = journal.people.add(Person(name="Bob"))
    page = people_page(main_window)
    page.open_item(person_id=ana.id)
    asked: list[str] = []
    reply = [QMessageBox.StandardButton.No]

    def question(_parent: Any, _title: str, text: str, *_a: Any) -> Any:
        asked.append(text)
        return reply[0]

    monkeypatch.setattr(QMessageBox, "question", question)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert "Delete Ana with everything of theirs (1 notes)" in asked[0]
    assert "Archiving them instead keeps it all" in asked[0]
    assert journal.people.get(ana.id).name == "Ana"  # type: ignore[arg-type]
    qtbot.mouseClick(page.archive_button, Qt.MouseButton.LeftButton)
    assert journal.people.get(ana.id).archived  # type: ignore[arg-type]
    assert shown_names(page) == ["Bob"]
    page.open_item(person_id=ana.id)  # shows archived people to reach her
    assert page.show_archived.isChecked()
    assert page.current_person_id() == ana.id
    assert page.archive_button.text() == "&Restore"
    qtbot.mouseClick(page.archive_button, Qt.MouseButton.LeftButton)
    assert not journal.people.get(ana.id).archived  # type: ignore[arg-type]

    reply[0] = QMessageBox.StandardButton.Yes
    page.open_item(person_id=bob.id)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert asked[-1].startswith("Delete Bob?") and "goes to the trash" in asked[-1]
    assert [p.name for p in journal.people.all(include_archived=True)] == ["Ana"]
    assert [item.label for item in journal.trash.items()] == ["Bob"]


def test_edit_profile(
    main_window: Any, journal: Journal, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal.people.add(Person(name="Ana", role="COO"))
    page = people_page(main_window)
    fill_profile(qtbot, monkeypatch, role="CEO", team="Board")
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    [ana] = journal.people.all()
    assert (ana.role, ana.team) == ("CEO", "Board")
    assert "CEO" in page.subtitle.text()


def test_the_model_passes_qt_checks(qtmodeltester: Any, journal: Journal) -> None:
    ana = journal.people.add(Person(name="Ana", cadence_days=3, key_stakeholder=True))
    journal.notes.add(Note(on=TODAY, text="", person_id=ana.id, attitude=Attitude.CHAMPION))
    journal.people.add(Person(name="Bob"))
    model = PeopleModel()
    model.set_rows(journal.people.summaries(TODAY), TODAY)
    qtmodeltester.check(model)
    assert model.index(0, 4).data() == "Key"
    assert model.index(0, 5).data() == "Champion"


def test_a_note_redraws_only_its_persons_row_and_moves_it_where_it_sorts(
    main_window: Any, journal: Journal, qtbot: Any
) -> None:
    people = [journal.people.add(Person(name=f"P{i:02}", cadence_days=14)) for i in range(30)]
    for n, person in enumerate(people):
        journal.notes.add(Note(on=TODAY - dt.timedelta(days=n), text="", person_id=person.id))
    page = people_page(main_window)
    page.table.sortByColumn(NEXT_UPDATE, Qt.SortOrder.AscendingOrder)
    last = people[-1]  # the longest without contact: due first
    assert shown_names(page)[0] == last.name
    resets: list[bool] = []
    redrawn: list[tuple[int, int]] = []
    page.model.modelReset.connect(lambda: resets.append(True))
    page.model.dataChanged.connect(
        lambda top, bottom, *_: redrawn.append((top.row(), bottom.row()))
    )
    journal.notes.add(Note(on=TODAY, text="caught up", person_id=last.id))
    page.announce(Area.NOTES)
    row = page.model.row_of(last.id)
    assert resets == [] and redrawn == [(row, row)]  # one row, not the whole directory
    assert shown_names(page)[-1] == last.name  # now due last: placed again by the sort
    assert page.proxy.index(29, NEXT_UPDATE).data() == "in 14 days"
    assert page.model.summary(row).last_contact == TODAY
    # a new person is a new list of people: the table is filled again
    journal.people.add(Person(name="Zed"))
    page.announce(Area.PEOPLE)
    assert resets == [True] and "Zed" in shown_names(page)


def test_first_visit_is_quick_with_many_notes(
    main_window: Any, journal: Journal, qtbot: Any
) -> None:

    from sqlalchemy import insert

    from cxjournal.store.models import NoteRow

    people = [journal.people.add(Person(name=f"P{i:02}", cadence_days=14)) for i in range(40)]
    rows = [
        {
            "person_id": people[i % 40].id,
            "on_date": TODAY - dt.timedelta(days=i % 900),
            "kind": "one_on_one",
            "text": f"note {i}",
            "attitude": "neutral",
            "tags": "[]",
        }
        for i in range(5000)
    ]
    with journal.session() as session:
        session.execute(insert(NoteRow), rows)
    import cxjournal.ui.people_page  # noqa: F401  (module import is not what is measured)

    main_window.navigate("people")
    page = main_window.page("people")
    assert page.proxy.rowCount() == 40
    assert len(page.timeline.cards) == FIRST_CARDS  # what a screen shows, at once
    qtbot.waitUntil(lambda: len(page.timeline.cards) == TIMELINE_PAGE)  # the rest, after


def test_timeline_shows_older_notes_on_request(
    main_window: Any, journal: Journal, qtbot: Any
) -> None:
    ana = journal.people.add(Person(name="Ana"))
    for days in range(TIMELINE_PAGE * 2 + 3):
        journal.notes.add(
            Note(on=TODAY - dt.timedelta(days=days), text=f"n{days}", person_id=ana.id)
        )
    page = people_page(main_window)
    timeline = page.timeline
    assert [c.note.text for c in timeline.cards[:2]] == ["n0", "n1"]
    assert timeline.more.text() == f"Show older notes ({TIMELINE_PAGE + 3} more)"
    qtbot.mouseClick(timeline.more, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(timeline.more, Qt.MouseButton.LeftButton)
    assert len(timeline.cards) == TIMELINE_PAGE * 2 + 3
    assert timeline.cards[-1].note.text == f"n{TIMELINE_PAGE * 2 + 2}"
    assert timeline.more.isHidden()


def _first_visit_reads(qtbot: Any, tmp_path: Any, notes_each: int) -> tuple[int, int]:
    """The rows the People page's first visit reads, and the cards it shows, on a journal of
    three people with ``notes_each`` notes each, every one with an attitude."""
    from PySide6.QtCore import QSettings
    from sqlalchemy import insert

    from cxjournal.store.models import NoteRow
    from cxjournal.ui.main_window import MainWindow
    from tests.rows_read import reads

    journal = Journal.open(tmp_path / f"{notes_each}.db")
    people = [journal.people.add(Person(name=f"P{i}", cadence_days=14)) for i in range(3)]
    levels = [a.value for a in Attitude]
    rows = [
        {
            "person_id": person.id,
            "on_date": TODAY - dt.timedelta(days=n),
            "kind": "one_on_one",
            "text": f"note {n}",
            "attitude": levels[n % len(levels)],
            "tags": "[]",
        }
        for person in people
        for n in range(notes_each)
    ]
    with journal.session() as session:
        session.execute(insert(NoteRow), rows)
    settings = QSettings(str(tmp_path / f"{notes_each}.ini"), QSettings.Format.IniFormat)
    window = MainWindow(journal, settings=settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    with reads(journal) as read:
        window.navigate("people")
    page = window.page("people")
    found = read.rows(), len(page.timeline.cards) + len(page.timeline.pending)
    window.close()
    journal.close()
    return found


def test_the_first_visit_reads_as_many_rows_after_thirty_times_the_notes(
    qtbot: Any, tmp_path: Any
) -> None:
    """What the page shows of the selected person (their latest attitudes, their latest
    notes) is read, not their whole history: a year's notes or thirty years' cost alike."""
    from cxjournal.ui.widgets.attitude_strip import MAX_POINTS

    few = _first_visit_reads(qtbot, tmp_path, MAX_POINTS + TIMELINE_PAGE)
    many = _first_visit_reads(qtbot, tmp_path, 30 * (MAX_POINTS + TIMELINE_PAGE))
    assert few == many
    assert few[1] == TIMELINE_PAGE


def _timeline_of(main_window: Any, journal: Journal, notes: int) -> Any:
    ana = journal.people.add(Person(name="Ana"))
    for days in range(notes):
        journal.notes.add(
            Note(on=TODAY - dt.timedelta(days=days), text=f"n{days}", person_id=ana.id)
        )
    main_window.navigate("people")
    return main_window.page("people").timeline


def test_a_person_selected_gets_the_rest_of_the_cards_once_the_timeline_has_painted(
    main_window: Any, journal: Journal, qtbot: Any
) -> None:
    timeline = _timeline_of(main_window, journal, TIMELINE_PAGE + 2)
    assert [c.note.text for c in timeline.cards] == [f"n{d}" for d in range(FIRST_CARDS)]
    assert len(timeline.pending) == TIMELINE_PAGE - FIRST_CARDS
    assert timeline.more.text() == "Show older notes (2 more)"
    timeline._painted = False  # as if its timer fired before the paint
    timeline.make_pending()
    assert len(timeline.cards) == FIRST_CARDS
    qtbot.waitUntil(lambda: not timeline.pending)
    assert [c.note.text for c in timeline.cards] == [f"n{d}" for d in range(TIMELINE_PAGE)]
    shown = [timeline.layout_.indexOf(c) for c in timeline.cards]
    assert shown == sorted(shown) and shown[-1] < timeline.layout_.indexOf(timeline.more)


def test_the_same_person_drawn_again_keeps_the_cards_of_unchanged_notes(
    main_window: Any, journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    timeline = _timeline_of(main_window, journal, TIMELINE_PAGE)
    timeline.make_pending_now()
    before = list(timeline.cards)
    ana = journal.people.find_by_name("Ana")
    assert ana is not None and ana.id is not None
    journal.notes.add(Note(on=TODAY, text="new", person_id=ana.id))
    changed = replace(before[3].note, text="edited")
    journal.notes.update(changed)
    made: list[Any] = []
    real = person_timeline.NoteCard

    def counted(*args: Any, **kwargs: Any) -> Any:
        made.append(args[0])
        return real(*args, **kwargs)

    monkeypatch.setattr(person_timeline, "NoteCard", counted)
    main_window.page("people").announce(Area.NOTES)
    assert sorted(n.text for n in made) == ["edited", "new"]  # two cards made, not eleven
    # the newest first (the new note after n0 on the same day), as many as were shown
    assert [c.note.text for c in timeline.cards] == [
        "new",
        "n0",
        "n1",
        "n2",
        "edited",
        *[f"n{d}" for d in range(4, TIMELINE_PAGE - 1)],
    ]
    assert timeline.cards[1] is before[0] and timeline.cards[5] is before[4]
    assert not timeline.pending
