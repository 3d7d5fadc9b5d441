"""Talking points for a person's next 1:1: added once, listed while open, ticked done."""

from __future__ import annotations

import datetime as dt

import pytest

from cxjournal.domain.errors import NotFoundError, ValidationError
from cxjournal.domain.model import Note, Person
from cxjournal.journal import Journal

DAY = dt.date(2026, 3, 2)


def test_add_list_and_tick_done(journal: Journal) -> None:
    ana = journal.people.add(Person(name="Ana Silva"))
    ben = journal.people.add(Person(name="Ben Ode"))
    assert ana.id is not None and ben.id is not None
    first = journal.agenda.add(ana.id, "Offer to introduce Ben Ode", DAY)
    second = journal.agenda.add(ana.id, "Ask about the budget", DAY + dt.timedelta(days=1))
    journal.agenda.add(ben.id, "Offer to introduce Ana Silva", DAY)
    assert [i.text for i in journal.agenda.open_for(ana.id)] == [first.text, second.text]
    assert first.id is not None
    done = journal.agenda.mark_done(first.id, DAY + dt.timedelta(days=3))
    assert done.done_on == DAY + dt.timedelta(days=3)
    assert [i.text for i in journal.agenda.open_for(ana.id)] == ["Ask about the budget"]
    journal.agenda.mark_done(first.id, None)  # opened again
    assert len(journal.agenda.open_for(ana.id)) == 2
    assert [i.text for i in journal.agenda.open_for(ben.id)] == ["Offer to introduce Ana Silva"]


def test_the_same_open_point_is_not_added_twice(journal: Journal) -> None:
    ana = journal.people.add(Person(name="Ana Silva"))
    assert ana.id is not None
    one = journal.agenda.add(ana.id, "Offer to introduce Ben", DAY)
    again = journal.agenda.add(ana.id, "  offer to introduce  ben ", DAY)
    assert again.id == one.id and len(journal.agenda.open_for(ana.id)) == 1
    assert one.id is not None
    journal.agenda.mark_done(one.id, DAY)
    fresh = journal.agenda.add(ana.id, "Offer to introduce Ben", DAY)  # a new one once done
    assert fresh.id != one.id


def test_done_in_a_note_links_the_note(journal: Journal) -> None:
    ana = journal.people.add(Person(name="Ana Silva"))
    assert ana.id is not None
    point = journal.agenda.add(ana.id, "Offer to introduce Ben", DAY)
    note = journal.notes.add(Note(on=DAY, text="1:1", person_id=ana.id))
    assert point.id is not None and note.id is not None
    done = journal.agenda.mark_done(point.id, DAY, note.id)
    assert done.discussed_in_note_id == note.id


def test_bad_input_writes_nothing(journal: Journal) -> None:
    ana = journal.people.add(Person(name="Ana Silva"))
    assert ana.id is not None
    with pytest.raises(ValidationError):
        journal.agenda.add(ana.id, "   ", DAY)
    with pytest.raises(NotFoundError):
        journal.agenda.add(9999, "Hello", DAY)
    with pytest.raises(NotFoundError):
        journal.agenda.mark_done(9999, DAY)
    point = journal.agenda.add(ana.id, "Hello", DAY)
    assert point.id is not None
    with pytest.raises(ValidationError):
        journal.agenda.mark_done(point.id, DAY - dt.timedelta(days=1))  # before it was added
    assert [i.done_on for i in journal.agenda.open_for(ana.id)] == [None]
