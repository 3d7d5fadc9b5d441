"""Reversible changes: each undo writes back what was there, and its own reverse redoes it."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from sqlalchemy import text

from cxjournal.domain.model import Audit, FollowUp, Note, Person, Rating, ResilienceEntry
from cxjournal.journal import Journal
from cxjournal.journal.changes import Area
from cxjournal.journal.undo import (
    audit_scope,
    check_in_scope,
    follow_up_scope,
    notes_scope,
    person_scope,
    recorded,
    undoable_delete,
)

DAY = dt.date(2026, 3, 12)


def _all(journal: Journal) -> dict[str, list[tuple[object, ...]]]:
    tables = ("people", "person_emails", "notes", "follow_ups", "agenda_items", "resilience")
    tables += ("audits", "ratings", "trash")
    with journal.engine.connect() as conn:
        return {
            t: [tuple(r) for r in conn.execute(text(f"SELECT * FROM {t} ORDER BY 1"))]
            for t in tables
        }


@pytest.fixture
def dana(journal: Journal) -> Person:
    journal.trash.clock = lambda: dt.datetime(2026, 3, 12, 12, 0, tzinfo=dt.UTC)
    return journal.people.add(Person(name="Dana Reyes", emails=("dana@example.com",)))


def test_undo_of_a_delete_restores_and_redo_deletes_again(journal: Journal, dana: Person) -> None:
    note = journal.notes.add(
        Note(on=DAY, text="Budget", person_id=dana.id, follow_ups=(FollowUp("Send the deck"),))
    )
    done = journal.perform(undoable_delete("note", note.id or 0))
    assert journal.notes.count() == 0 and journal.trash.count() == 1
    back = journal.perform(done.value.undo)
    assert Area.NOTES in back.changes
    assert journal.notes.get(note.id or 0) == note and journal.trash.count() == 0
    journal.perform(back.value.undo)
    assert journal.notes.count() == 0 and journal.trash.count() == 1


def test_undo_of_adding_a_note_deletes_it_for_good_and_redo_adds_it_back(
    journal: Journal, dana: Person
) -> None:
    point = journal.agenda.add(dana.id or 0, "Ask about the renewal", DAY)
    before = _all(journal)
    new = Note(on=DAY, text="1:1", person_id=dana.id, follow_ups=(FollowUp("Call"),))
    done = journal.perform(
        recorded(notes_scope(dana.id), lambda j: j.notes.add(new, discussed=[point.id or 0]))
    )
    after = _all(journal)
    assert journal.agenda.open_for(dana.id or 0) == []
    undone = journal.perform(done.value.undo)
    assert undone.changes == Area.NOTES | Area.AGENDA
    assert _all(journal) == before  # not in the trash either; the talking point is open again
    journal.perform(undone.value.undo)
    assert _all(journal) == after


def test_undo_of_an_edit_writes_back_the_previous_values(journal: Journal, dana: Person) -> None:
    note = journal.notes.add(
        Note(on=DAY, text="First", person_id=dana.id, follow_ups=(FollowUp("A"), FollowUp("B")))
    )
    before = _all(journal)
    edited = replace(note, text="Second", follow_ups=(note.follow_ups[0],))
    done = journal.perform(recorded(notes_scope(dana.id), lambda j: j.notes.update(edited)))
    assert journal.notes.get(note.id or 0).text == "Second"
    journal.perform(done.value.undo)
    assert _all(journal) == before
    assert journal.notes.get(note.id or 0) == note


def test_follow_up_done_snooze_and_dismiss_undo(journal: Journal, dana: Person) -> None:
    note = journal.notes.add(
        Note(on=DAY, text="x", person_id=dana.id, follow_ups=(FollowUp("A", DAY),))
    )
    fid = note.follow_ups[0].id or 0
    before = _all(journal)
    for op in (
        lambda j: j.notes.set_follow_up_done(fid, True),
        lambda j: j.notes.snooze_follow_up(fid, DAY + dt.timedelta(days=7)),
        lambda j: j.notes.dismiss_follow_up(fid),
    ):
        done = journal.perform(recorded(follow_up_scope(fid), op))
        assert _all(journal) != before
        journal.perform(done.value.undo)
        assert _all(journal) == before


def test_a_check_in_a_person_edit_and_an_audit_undo(journal: Journal, dana: Person) -> None:
    before = _all(journal)
    entry = ResilienceEntry(on=DAY, energy=6, stress=4, mood=7)
    done = journal.perform(recorded(check_in_scope(DAY), lambda j: j.resilience.save(entry)))
    journal.perform(done.value.undo)
    assert _all(journal) == before

    renamed = replace(dana, name="Dana Reyes-Ode", emails=("dr@example.com",))
    done = journal.perform(recorded(person_scope(dana.id or 0), lambda j: j.people.update(renamed)))
    assert journal.people.get(dana.id or 0).name == "Dana Reyes-Ode"
    journal.perform(done.value.undo)
    assert _all(journal) == before

    audit = Audit(taken_on=DAY, ratings=(Rating(dana, 8, 7, 5, 4),))
    saved = journal.perform(recorded(lambda a: audit_scope(a.id), lambda j: j.audits.save(audit)))
    assert journal.audits.summaries()
    undone = journal.perform(saved.value.undo)
    assert Area.AUDITS in undone.changes
    assert journal.audits.summaries() == []
    journal.perform(undone.value.undo)
    assert journal.audits.get(saved.value.value.id or 0) == saved.value.value


def test_an_undo_leaves_alone_what_was_written_since_by_something_else(
    journal: Journal, dana: Person
) -> None:
    done = journal.perform(
        recorded(
            notes_scope(dana.id),
            lambda j: j.notes.add(Note(on=DAY, text="First", person_id=dana.id)),
        )
    )
    later = journal.notes.add(
        Note(on=DAY, text="Logged from the 1:1 preparation", person_id=dana.id)
    )
    journal.perform(done.value.undo)
    assert [n.text for n in journal.notes.for_person(dana.id or 0)] == [later.text]
