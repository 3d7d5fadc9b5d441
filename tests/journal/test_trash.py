"""The trash: a delete keeps the item whole for 30 days; a restore puts back the same rows."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

from cxjournal.domain.errors import NotFoundError, ValidationError
from cxjournal.domain.model import (
    Audit,
    FollowUp,
    Note,
    Person,
    Rating,
    ResilienceEntry,
)
from cxjournal.journal import Journal
from cxjournal.journal.changes import Area

DAY = dt.date(2026, 3, 12)
NOON = dt.datetime(2026, 3, 12, 12, 0, tzinfo=dt.UTC)


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture
def clock(journal: Journal) -> Clock:
    clock = Clock(NOON)
    journal.trash.clock = clock
    return clock


def _rows(journal: Journal, sql: str) -> list[tuple[object, ...]]:
    with journal.engine.connect() as conn:
        return [tuple(row) for row in conn.execute(text(sql))]


def _person(journal: Journal, name: str, **extra: object) -> Person:
    return journal.people.add(Person(name=name, **extra))  # type: ignore[arg-type]


def _note(journal: Journal, person: Person, words: str = "Budget review went well") -> Note:
    return journal.notes.add(
        Note(
            on=DAY,
            text=words,
            person_id=person.id,
            tags=("budget",),
            follow_ups=(FollowUp("Send the deck", DAY + dt.timedelta(days=3)), FollowUp("Call")),
        )
    )


def _rating(person: Person, value: int = 7) -> Rating:
    return Rating(person=person, value=value, irreplaceability=6, my_value=5, my_irreplaceability=4)


def test_a_deleted_note_goes_to_the_trash_and_comes_back_whole(
    journal: Journal, clock: Clock
) -> None:
    dana = _person(journal, "Dana Reyes")
    assert dana.id is not None
    point = journal.agenda.add(dana.id, "Ask about the renewal", DAY - dt.timedelta(days=2))
    assert point.id is not None
    note = journal.notes.update(_note(journal, dana), discussed=[point.id])
    assert note.id is not None
    before = _rows(journal, "SELECT * FROM follow_ups ORDER BY id")
    note_row = _rows(journal, "SELECT * FROM notes")

    done = journal.perform(lambda j: j.notes.delete(note.id or 0))
    assert done.changes == Area.NOTES | Area.AGENDA | Area.TRASH
    with pytest.raises(NotFoundError):
        journal.notes.get(note.id)
    assert _rows(journal, "SELECT count(*) FROM follow_ups") == [(0,)]
    assert all(hit.kind != "note" for hit in journal.search.query("budget"))
    [item] = journal.trash.items()
    assert (item.kind, item.item_id, item.label) == (
        "note",
        note.id,
        "Note about Dana Reyes, 12 Mar 2026",
    )
    assert item.deleted_at == dt.datetime(2026, 3, 12, 12, 0)
    assert journal.trash.days_left(item) == 30
    assert _rows(journal, "SELECT discussed_in_note_id FROM agenda_items") == [(None,)]

    restored = journal.perform(lambda j: j.trash.restore(item.id))
    assert restored.value.item_id == note.id
    assert Area.NOTES in restored.changes and Area.TRASH in restored.changes
    assert journal.notes.get(note.id) == note
    assert _rows(journal, "SELECT * FROM notes") == note_row
    assert _rows(journal, "SELECT * FROM follow_ups ORDER BY id") == before
    assert _rows(journal, "SELECT discussed_in_note_id FROM agenda_items") == [(note.id,)]
    assert any(hit.kind == "note" for hit in journal.search.query("budget"))
    assert journal.trash.items() == []


def test_an_audit_comes_back_with_its_ratings_and_ties(journal: Journal, clock: Clock) -> None:
    ana, ben = _person(journal, "Ana Silva"), _person(journal, "Ben Ode")
    audit = journal.audits.save(
        Audit(
            taken_on=DAY,
            ratings=(_rating(ana, 8), _rating(ben, 3)),
            ties=((0, 1),),
            note="Quarter of reorganisation",
        )
    )
    assert audit.id is not None
    ratings = _rows(journal, "SELECT * FROM ratings ORDER BY id")
    journal.audits.delete(audit.id)
    assert journal.audits.summaries() == []
    [item] = journal.trash.items()
    assert item.label == "Power audit of 12 Mar 2026 (2 rated)"
    journal.trash.restore(item.id)
    assert journal.audits.get(audit.id) == audit
    assert _rows(journal, "SELECT * FROM ratings ORDER BY id") == ratings


def test_a_person_goes_with_everything_theirs_and_comes_back_whole(
    journal: Journal, clock: Clock
) -> None:
    dana = _person(journal, "Dana Reyes", emails=("dana@example.com",))
    other = _person(journal, "Ben Ode")
    assert dana.id is not None and other.id is not None
    note = _note(journal, dana)
    journal.agenda.add(dana.id, "Ask about the renewal", DAY)
    audit = journal.audits.save(
        Audit(
            taken_on=DAY,
            ratings=(_rating(dana), _rating(other)),
            blocking_superior=True,
            blocking_superior_person=dana,
            ties=((0, 1),),
        )
    )
    assert audit.id is not None
    tables = (
        "people",
        "person_emails",
        "notes",
        "follow_ups",
        "ratings",
        "audit_ties",
        "agenda_items",
        "audits",
    )
    before = {t: _rows(journal, f"SELECT * FROM {t} ORDER BY 1") for t in tables}

    journal.people.delete(dana.id)
    assert [p.name for p in journal.people.all()] == ["Ben Ode"]
    assert journal.notes.count() == 0
    assert [r.person.name for r in journal.audits.get(audit.id).ratings] == ["Ben Ode"]
    assert journal.audits.get(audit.id).blocking_superior_person is None
    [item] = journal.trash.items()
    assert item.label == "Dana Reyes, with 1 note"

    journal.trash.restore(item.id)
    assert {t: _rows(journal, f"SELECT * FROM {t} ORDER BY 1") for t in tables} == before
    assert journal.notes.get(note.id or 0) == note


def test_a_note_whose_person_was_deleted_meanwhile_says_to_restore_them_first(
    journal: Journal, clock: Clock
) -> None:
    dana = _person(journal, "Dana Reyes")
    note = _note(journal, dana)
    note_trash = journal.notes.delete(note.id or 0)
    person_trash = journal.people.delete(dana.id or 0)
    with pytest.raises(ValidationError, match="restore “Dana Reyes” first"):
        journal.trash.restore(note_trash)
    assert len(journal.trash.items()) == 2  # nothing was written
    journal.trash.restore(person_trash)
    journal.trash.restore(note_trash)
    assert journal.notes.get(note.id or 0) == note


def test_a_follow_up_whose_note_is_gone_for_good_cannot_come_back(
    journal: Journal, clock: Clock
) -> None:
    note = _note(journal, _person(journal, "Dana Reyes"))
    follow_up = note.follow_ups[0]
    trash_id = journal.notes.delete_follow_up(follow_up.id or 0)
    assert [f.text for f in journal.notes.get(note.id or 0).follow_ups] == ["Call"]
    journal.trash.erase("note", note.id or 0)
    with pytest.raises(ValidationError, match="no longer in the journal"):
        journal.trash.restore(trash_id)


def test_a_check_in_cannot_come_back_over_a_newer_one_of_the_same_day(
    journal: Journal, clock: Clock
) -> None:
    entry = journal.resilience.save(ResilienceEntry(on=DAY, energy=6, stress=4, mood=7))
    trash_id = journal.resilience.delete(entry.id or 0)
    journal.resilience.save(ResilienceEntry(on=DAY, energy=2, stress=9, mood=3))
    with pytest.raises(ValidationError, match="newer check-in for 12 Mar 2026"):
        journal.trash.restore(trash_id)
    assert journal.resilience.get(DAY).mood == 3  # type: ignore[union-attr]
    journal.resilience.delete_on(DAY)
    journal.trash.restore(trash_id)
    assert journal.resilience.get(DAY) == entry


def test_an_id_taken_meanwhile_gives_the_item_a_new_one_with_its_follow_ups(
    journal: Journal, clock: Clock
) -> None:
    dana = _person(journal, "Dana Reyes")
    note = _note(journal, dana)
    trash_id = journal.notes.delete(note.id or 0)
    newer = _note(journal, dana, "A newer note")
    assert newer.id == note.id  # SQLite hands the free id out again
    restored = journal.trash.restore(trash_id)
    assert restored.item_id != note.id
    back = journal.notes.get(restored.item_id)
    assert (back.text, [f.text for f in back.follow_ups]) == (note.text, ["Send the deck", "Call"])
    assert journal.notes.get(newer.id or 0) == newer


def test_items_older_than_30_days_are_purged(journal: Journal, clock: Clock) -> None:
    dana = _person(journal, "Dana Reyes")
    journal.notes.delete(_note(journal, dana).id or 0)
    clock.now = NOON + dt.timedelta(days=20)
    journal.people.delete(dana.id or 0)
    clock.now = NOON + dt.timedelta(days=29, hours=23)
    [_, first] = journal.trash.items()
    assert journal.trash.days_left(first) == 0
    assert journal.trash.purge_expired() == 0
    clock.now = NOON + dt.timedelta(days=30, seconds=1)
    assert journal.trash.purge_expired() == 1
    assert [i.label for i in journal.trash.items()] == ["Dana Reyes"]


def test_emptying_the_trash_of_nothing_changes_nothing(journal: Journal, clock: Clock) -> None:
    journal.people.delete(_person(journal, "Dana Reyes").id or 0)
    nothing = journal.perform(lambda j: j.trash.purge_expired())
    assert (nothing.value, nothing.changes) == (0, Area.NONE)  # so no page redraws at start
    clock.now = NOON + dt.timedelta(days=30, seconds=1)
    purged = journal.perform(lambda j: j.trash.purge_expired())
    assert (purged.value, purged.changes) == (1, Area.TRASH)


def test_delete_for_good_and_empty(journal: Journal, clock: Clock) -> None:
    ana, ben = _person(journal, "Ana"), _person(journal, "Ben")
    first = journal.people.delete(ana.id or 0)
    journal.people.delete(ben.id or 0)
    done = journal.perform(lambda j: j.trash.delete_for_good(first))
    assert done.changes == Area.TRASH
    with pytest.raises(NotFoundError):
        journal.trash.restore(first)
    assert journal.trash.count() == 1
    assert journal.trash.empty() == 1
    assert journal.trash.items() == [] and journal.people.all() == []


def test_erase_deletes_without_the_trash(journal: Journal, clock: Clock) -> None:
    note = _note(journal, _person(journal, "Dana Reyes"))
    journal.trash.erase("note", note.id or 0)
    assert journal.trash.items() == [] and journal.notes.count() == 0


def test_other_kinds_go_and_come_back(journal: Journal, clock: Clock) -> None:
    dana = _person(journal, "Dana Reyes")
    step = journal.exit_plan.add_item("Update the CV", DAY)
    point = journal.agenda.add(dana.id or 0, "Raise the budget", DAY)
    journal.exit_plan.delete_item(step.id or 0)
    journal.agenda.delete(point.id or 0)
    labels = [i.label for i in journal.trash.items()]
    assert labels == [
        "Talking point for Dana Reyes: “Raise the budget”",
        "Exit-plan step “Update the CV”",
    ]
    for item in journal.trash.items():
        journal.trash.restore(item.id)
    assert [i.text for i in journal.agenda.open_for(dana.id or 0)] == ["Raise the budget"]
    assert [i.text for i in journal.exit_plan.get().items] == ["Update the CV"]
