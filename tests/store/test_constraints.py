"""CHECK constraints and foreign keys stop bad data even when the app's own checks are bypassed."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from cxjournal.domain.errors import ValidationError
from cxjournal.domain.model import Audit, Person, Rating
from cxjournal.journal import Journal

RATING_SQL = (
    "INSERT INTO ratings (audit_id, person_id, position, value, irreplaceability, my_value, "
    "my_irreplaceability, career_guidance) VALUES (:a, :p, 0, :v, 5, 5, 5, :cg)"
)


def _raw(journal: Journal, sql: str, **params: object) -> None:
    with journal.engine.begin() as conn:
        conn.execute(text(sql), params)


def _audit_and_person(journal: Journal) -> tuple[int, int]:
    person = journal.people.add(Person(name="Ana"))
    audit = journal.audits.save(Audit(taken_on=dt.date(2026, 1, 15)))
    assert person.id is not None and audit.id is not None
    return audit.id, person.id


@pytest.mark.parametrize(("value", "aspect"), [(0, None), (11, None), (5, -1), (5, 11)])
def test_rating_ranges_are_enforced_by_the_database(
    journal: Journal, value: int, aspect: int | None
) -> None:
    audit_id, person_id = _audit_and_person(journal)
    with pytest.raises(IntegrityError):
        _raw(journal, RATING_SQL, a=audit_id, p=person_id, v=value, cg=aspect)


@pytest.mark.parametrize(("value", "aspect"), [(1, 0), (10, 10), (7, None)])
def test_rating_edges_are_accepted(journal: Journal, value: int, aspect: int | None) -> None:
    audit_id, person_id = _audit_and_person(journal)
    _raw(journal, RATING_SQL, a=audit_id, p=person_id, v=value, cg=aspect)
    with journal.engine.connect() as conn:
        stored = conn.execute(
            text("SELECT value, career_guidance FROM ratings WHERE audit_id = :a"),
            {"a": audit_id},
        ).one()
    assert tuple(stored) == (value, aspect)


@pytest.mark.parametrize(
    "sql",
    [
        "INSERT INTO people (name, role, organisation, internal, relationship, team, function, "
        "product_unit, location, key_stakeholder, cx_board, information_needs, motivations, "
        "archived) VALUES ('   ', '', '', 1, 'peer', '', '', '', '', 0, 0, '', '', 0)",
        "INSERT INTO people (name, role, organisation, internal, relationship, team, function, "
        "product_unit, location, key_stakeholder, cx_board, information_needs, motivations, "
        "archived) VALUES ('A', '', '', 1, 'boss', '', '', '', '', 0, 0, '', '', 0)",
        "INSERT INTO people (name, role, organisation, internal, relationship, team, function, "
        "product_unit, location, key_stakeholder, cx_board, information_needs, motivations, "
        "archived, cadence_days) VALUES ('A', '', '', 1, 'peer', '', '', '', '', 0, 0, '', '', "
        "0, 367)",
        "INSERT INTO resilience (on_date, energy, stress, mood, drains, restorers, note) "
        "VALUES ('2026-01-01', 11, 5, 5, '[]', '[]', '')",
        "INSERT INTO resilience (on_date, energy, stress, mood, sleep_hours, drains, restorers, "
        "note) VALUES ('2026-01-01', 5, 5, 5, 25, '[]', '[]', '')",
        "INSERT INTO resilience (on_date, energy, stress, mood, drains, restorers, note) "
        "VALUES ('2026-01-01', 5, 5, 5, 'not json', '[]', '')",
        "INSERT INTO notes (on_date, kind, text, tags) VALUES ('2026-01-01', 'gossip', '', '[]')",
        "INSERT INTO notes (on_date, kind, text, attitude, tags) "
        "VALUES ('2026-01-01', 'call', '', 'hostile', '[]')",
        "UPDATE exit_plan SET status = 'maybe'",
        "INSERT INTO exit_plan (id, status) VALUES (2, 'active')",
    ],
)
def test_out_of_range_rows_are_refused(journal: Journal, sql: str) -> None:
    with pytest.raises(IntegrityError):
        _raw(journal, sql)


def test_an_eleventh_rating_is_refused_by_the_database(journal: Journal) -> None:
    audit = journal.audits.save(Audit(taken_on=dt.date(2026, 1, 15)))
    people = [journal.people.add(Person(name=f"P{i}")) for i in range(11)]
    for person in people[:10]:
        _raw(journal, RATING_SQL, a=audit.id, p=person.id, v=5, cg=None)
    with pytest.raises(IntegrityError, match="at most 10"):
        _raw(journal, RATING_SQL, a=audit.id, p=people[10].id, v=5, cg=None)


def test_the_same_person_twice_in_an_audit_is_refused(journal: Journal) -> None:
    audit_id, person_id = _audit_and_person(journal)
    _raw(journal, RATING_SQL, a=audit_id, p=person_id, v=5, cg=None)
    with pytest.raises(IntegrityError):
        _raw(journal, RATING_SQL, a=audit_id, p=person_id, v=6, cg=None)


def test_a_rated_person_cannot_lose_their_ratings_behind_the_audit_s_back(
    journal: Journal,
) -> None:
    person = journal.people.add(Person(name="Ana"))
    rating = Rating(person=person, value=8, irreplaceability=7, my_value=5, my_irreplaceability=4)
    audit = journal.audits.save(Audit(taken_on=dt.date(2026, 1, 15), ratings=(rating,)))
    assert person.id is not None
    with pytest.raises(IntegrityError):
        _raw(journal, "DELETE FROM people WHERE id = :i", i=person.id)
    journal.people.set_archived(person.id, True)
    assert journal.people.all() == []
    assert [p.name for p in journal.people.all(include_archived=True)] == ["Ana"]
    # the app's delete takes the ratings along into the trash, and a restore brings them back
    archived = journal.audits.get(audit.id or 0)
    trash_id = journal.people.delete(person.id)
    assert journal.audits.get(audit.id or 0).ratings == ()
    journal.trash.restore(trash_id)
    assert journal.audits.get(audit.id or 0) == archived
    assert archived.ratings[0].value == 8 and archived.ratings[0].person.archived


def test_bad_input_through_the_api_names_every_problem_and_writes_nothing(
    journal: Journal,
) -> None:
    person = journal.people.add(Person(name="Ana"))
    bad = Rating(person=person, value=11, irreplaceability=0, my_value=5, my_irreplaceability=5)
    with pytest.raises(ValidationError) as caught:
        journal.audits.save(Audit(taken_on=dt.date(2026, 1, 15), ratings=(bad,)))
    assert caught.value.problems == [
        "ratings[0].value: 11 is not between 1 and 10",
        "ratings[0].irreplaceability: 0 is not between 1 and 10",
    ]
    assert journal.audits.summaries() == []


@pytest.mark.parametrize("bad", ["2026-02-30", "tomorrow", "2026-3-1", "2026-03-01T09:00", "42"])
def test_a_snooze_must_be_a_calendar_date(journal: Journal, bad: str) -> None:
    from cxjournal.domain.model import FollowUp, Note

    journal.notes.add(Note(dt.date(2026, 3, 1), "1:1", follow_ups=(FollowUp("Send deck"),)))
    with pytest.raises(IntegrityError, match="snoozed_until"):
        _raw(journal, "UPDATE follow_ups SET snoozed_until = :d", d=bad)
    _raw(journal, "UPDATE follow_ups SET snoozed_until = :d", d="2026-03-12")
    _raw(journal, "UPDATE follow_ups SET snoozed_until = NULL")
