"""People: directory operations, archive/delete rules and cadence (due stakeholders)."""

from __future__ import annotations

import datetime as dt

import pytest

from cxjournal.domain.errors import NotFoundError
from cxjournal.domain.model import Attitude, Audit, Note, NoteKind, Person, Rating
from cxjournal.journal import Journal, stakeholders

TODAY = dt.date(2026, 3, 10)


def note(person: Person, days_ago: int, kind: NoteKind = NoteKind.ONE_ON_ONE, **kw: object) -> Note:
    return Note(
        on=TODAY - dt.timedelta(days=days_ago),
        text="x",
        kind=kind,
        person_id=person.id,
        **kw,  # type: ignore[arg-type]
    )


def test_due_lists_overdue_due_and_never_contacted(journal: Journal) -> None:
    late = journal.people.add(Person(name="Late Lee", cadence_days=7))
    today = journal.people.add(Person(name="Today Tam", cadence_days=10))
    fine = journal.people.add(Person(name="Fine Fay", cadence_days=30))
    journal.people.add(Person(name="Never Ned", cadence_days=14))
    journal.people.add(Person(name="No Cadence"))
    journal.notes.add(note(late, 12))
    journal.notes.add(note(late, 20, NoteKind.MEETING))
    journal.notes.add(note(today, 10, NoteKind.EMAIL))
    journal.notes.add(note(fine, 3, NoteKind.CALL))
    due = journal.people.due(TODAY)
    assert [(d.person.name, d.status) for d in due] == [
        ("Late Lee", "overdue"),
        ("Never Ned", "due"),
        ("Today Tam", "due"),
    ]
    assert due[0].last_contact == TODAY - dt.timedelta(days=12)
    assert due[0].due == TODAY - dt.timedelta(days=5)
    assert due[1].last_contact is None and due[1].due == TODAY
    assert journal.people.due_count(TODAY) == 3
    assert journal.people.cadence(fine.id, TODAY).status == "later"  # type: ignore[arg-type]


def test_an_observation_is_not_contact_and_a_new_note_moves_the_due_date(
    journal: Journal,
) -> None:
    ana = journal.people.add(Person(name="Ana", cadence_days=7))
    journal.notes.add(note(ana, 9))
    journal.notes.add(note(ana, 1, NoteKind.OBSERVATION))
    [due] = journal.people.due(TODAY)
    assert due.last_contact == TODAY - dt.timedelta(days=9)
    journal.notes.add(note(ana, 0, NoteKind.INFORMAL))
    assert journal.people.due(TODAY) == []
    assert journal.people.cadence(ana.id, TODAY).due == TODAY + dt.timedelta(days=7)  # type: ignore[arg-type]


def test_archived_people_are_never_due(journal: Journal) -> None:
    ana = journal.people.add(Person(name="Ana", cadence_days=7))
    journal.people.set_archived(ana.id, True)  # type: ignore[arg-type]
    assert journal.people.due(TODAY) == []


def test_due_is_one_query_however_many_notes(journal: Journal) -> None:
    people = [journal.people.add(Person(name=f"P{i}", cadence_days=5)) for i in range(5)]
    for i, person in enumerate(people):
        for days in range(10):
            journal.notes.add(note(person, days + i * 3))
    statements: list[str] = []
    with journal.reading() as conn:
        conn.set_trace_callback(statements.append)
        try:
            due = stakeholders.due(conn, TODAY)
        finally:
            conn.set_trace_callback(None)
    assert [d.person.name for d in due] == ["P4", "P3", "P2"]
    assert journal.people.due(TODAY) == list(due)
    # one query: people, their addresses and their latest contact (one seek per contact kind)
    assert len(statements) == 1
    assert "group by" not in statements[0].lower()


def test_summaries_give_cadence_and_latest_attitude(journal: Journal) -> None:
    ana = journal.people.add(Person(name="ana", cadence_days=14, key_stakeholder=True))
    bob = journal.people.add(Person(name="Bob"))
    old = journal.people.add(Person(name="Old"))
    journal.people.set_archived(old.id, True)  # type: ignore[arg-type]
    journal.notes.add(note(ana, 30, attitude=Attitude.SKEPTIC))
    journal.notes.add(note(ana, 5, attitude=Attitude.SUPPORTER))
    journal.notes.add(note(ana, 1))  # no attitude recorded: the latest recorded stays
    rows = journal.people.summaries(TODAY)
    assert [r.person.name for r in rows] == ["ana", "Bob"]
    assert rows[0].last_attitude == Attitude.SUPPORTER
    assert rows[0].last_contact == TODAY - dt.timedelta(days=1)
    assert rows[0].status == "later"
    assert (rows[1].last_attitude, rows[1].last_contact, rows[1].status) == (None, None, "none")
    assert bob.id is not None
    assert [r.person.name for r in journal.people.summaries(TODAY, include_archived=True)] == [
        "ana",
        "Bob",
        "Old",
    ]


def test_delete_puts_a_person_in_the_trash_with_their_notes_and_ratings(
    journal: Journal,
) -> None:
    ana = journal.people.add(Person(name="Ana"))
    bob = journal.people.add(Person(name="Bob"))
    cy = journal.people.add(Person(name="Cy"))
    journal.notes.add(note(ana, 1))
    journal.audits.save(Audit(taken_on=TODAY, ratings=(Rating(bob, 5, 5, 5, 5),)))
    journal.people.delete(ana.id)  # type: ignore[arg-type]
    journal.people.delete(bob.id)  # type: ignore[arg-type]
    journal.people.delete(cy.id)  # type: ignore[arg-type]
    with pytest.raises(NotFoundError):
        journal.people.get(cy.id)  # type: ignore[arg-type]
    assert journal.people.all() == []
    assert journal.notes.count() == 0
    assert journal.audits.get(journal.audits.summaries()[0].id).ratings == ()
    assert [item.label for item in journal.trash.items()] == ["Cy", "Bob", "Ana, with 1 note"]


def test_archive_and_restore(journal: Journal) -> None:
    ana = journal.people.add(Person(name="Ana"))
    journal.people.set_archived(ana.id, True)  # type: ignore[arg-type]
    assert journal.people.all() == []
    assert journal.people.all(include_archived=True)[0].archived
    journal.people.set_archived(ana.id, False)  # type: ignore[arg-type]
    assert [p.name for p in journal.people.all()] == ["Ana"]


def test_cadence_of_an_unknown_person(journal: Journal) -> None:
    with pytest.raises(NotFoundError):
        journal.people.cadence(99, TODAY)
