"""Notes and follow-ups: paging, counts, attitudes, tags, open follow-ups per person."""

from __future__ import annotations

import datetime as dt

from cxjournal.domain.model import Attitude, FollowUp, Note, NoteKind, Person
from cxjournal.journal import Journal
from tests.rows_read import reads

D = dt.date(2026, 3, 1)


def day(n: int) -> dt.date:
    return D + dt.timedelta(days=n)


def test_recent_pages_count_and_position(journal: Journal) -> None:
    ana = journal.people.add(Person(name="Ana"))
    ids = []
    for n in range(7):
        kind = NoteKind.WIN if n % 2 else NoteKind.ONE_ON_ONE
        ids.append(journal.notes.add(Note(on=day(n % 4), text=f"n{n}", kind=kind)).id)
    journal.notes.add(Note(on=day(9), text="about ana", person_id=ana.id))
    assert journal.notes.count() == 8
    assert journal.notes.count(person_id=ana.id) == 1
    assert journal.notes.count(kind=NoteKind.WIN) == 3
    everything = journal.notes.recent(limit=100)
    assert [n.text for n in everything][:4] == ["about ana", "n3", "n6", "n2"]
    assert journal.notes.recent(limit=3, offset=3) == everything[3:6]
    for index, found in enumerate(everything):
        assert journal.notes.position(found.id) == index  # type: ignore[arg-type]
    wins = journal.notes.recent(kind=NoteKind.WIN)
    assert {n.kind for n in wins} == {NoteKind.WIN}
    assert journal.notes.position(wins[-1].id, kind=NoteKind.WIN) == 2  # type: ignore[arg-type]


def test_for_person_pages_newest_first(journal: Journal) -> None:
    ana = journal.people.add(Person(name="Ana"))
    for n in range(5):
        journal.notes.add(Note(on=day(n), text=f"n{n}", person_id=ana.id))
    assert [n.text for n in journal.notes.for_person(ana.id, limit=2)] == ["n4", "n3"]  # type: ignore[arg-type]
    assert [n.text for n in journal.notes.for_person(ana.id, limit=2, offset=2)] == ["n2", "n1"]  # type: ignore[arg-type]


def test_attitudes_over_time_and_latest(journal: Journal) -> None:
    ana = journal.people.add(Person(name="Ana"))
    assert ana.id is not None
    assert journal.notes.last_attitude(ana.id) is None
    journal.notes.add(Note(on=day(5), text="", person_id=ana.id, attitude=Attitude.SUPPORTER))
    journal.notes.add(Note(on=day(1), text="", person_id=ana.id, attitude=Attitude.RESISTOR))
    journal.notes.add(Note(on=day(7), text="", person_id=ana.id))
    assert journal.notes.attitudes(ana.id) == [
        (day(1), Attitude.RESISTOR),
        (day(5), Attitude.SUPPORTER),
    ]
    assert journal.notes.last_attitude(ana.id) == Attitude.SUPPORTER


def test_open_follow_ups_for_one_person_and_ticking_off(journal: Journal) -> None:
    ana = journal.people.add(Person(name="Ana"))
    bob = journal.people.add(Person(name="Bob"))
    journal.notes.add(
        Note(
            on=D,
            text="",
            person_id=ana.id,
            follow_ups=(
                FollowUp("later", due=day(9)),
                FollowUp("undated"),
                FollowUp("soon", due=day(2)),
            ),
        )
    )
    journal.notes.add(Note(on=D, text="", person_id=bob.id, follow_ups=(FollowUp("bob's"),)))
    open_for_ana = journal.notes.open_follow_ups(person_id=ana.id)
    assert [f.text for f, _ in open_for_ana] == ["soon", "later", "undated"]
    assert all(n.person_id == ana.id for _, n in open_for_ana)
    journal.notes.set_follow_up_done(open_for_ana[0][0].id, True)  # type: ignore[arg-type]
    assert [f.text for f, _ in journal.notes.open_follow_ups(person_id=ana.id)] == [
        "later",
        "undated",
    ]
    assert [f.text for f, _ in journal.notes.open_follow_ups(due_by=day(10))] == ["later"]
    assert len(journal.notes.open_follow_ups()) == 3


def test_tags_most_used_first(journal: Journal) -> None:
    journal.notes.add(Note(on=D, text="", tags=("roi", "board")))
    journal.notes.add(Note(on=D, text="", tags=("roi",)))
    assert journal.notes.tags() == ["roi", "board"]


def test_a_note_about_no_one_is_in_the_journal(journal: Journal) -> None:
    win = journal.notes.add(Note(on=D, text="Launch went well", kind=NoteKind.WIN))
    assert win.person_id is None
    assert journal.notes.recent() == [win]


def test_the_latest_attitudes_read_only_those_and_count_the_rest(journal: Journal) -> None:
    ana = journal.people.add(Person(name="Ana"))
    assert ana.id is not None
    assert journal.notes.latest_attitudes(ana.id, 3) == ([], 0)
    levels = list(Attitude)
    for n in range(8):
        journal.notes.add(Note(on=day(n), text="", person_id=ana.id, attitude=levels[n % 5]))
    journal.notes.add(Note(on=day(9), text="none noted", person_id=ana.id))
    with reads(journal) as read:
        points, noted = journal.notes.latest_attitudes(ana.id, 3)
    assert points == journal.notes.attitudes(ana.id)[-3:]  # the latest three, oldest first
    assert [on for on, _ in points] == [day(5), day(6), day(7)]
    assert noted == 8
    assert len(read.selects()) == 1 and read.rows() == 3  # the older attitudes are not read
