"""The stakeholders due read one row per person through an index: nothing scales with notes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from cxjournal.domain.cadence import last_contact
from cxjournal.domain.model import Attitude, Note, NoteKind, Person
from cxjournal.journal import Journal, stakeholders
from cxjournal.store.reads import people as people_reads

TODAY = dt.date(2026, 3, 11)


def _journal_with_contacts(path: Path) -> Journal:
    journal = Journal.open(path)
    for i in range(3):
        person = journal.people.add(Person(f"P{i}", cadence_days=7))
        for days, kind in (
            (30, NoteKind.ONE_ON_ONE),
            (20, NoteKind.CALL),
            (2, NoteKind.OBSERVATION),
        ):
            journal.notes.add(Note(TODAY - dt.timedelta(days=days + i), "n", kind, person.id))
    return journal


def _double_the_notes(journal: Journal, times: int) -> int:
    """Copy every note ``times`` times (dated a year earlier), straight in SQL."""
    conn = journal.raw()
    columns = [row[1] for row in conn.execute("PRAGMA table_info(notes)") if row[1] != "id"]
    names = ", ".join(columns)
    copied = ", ".join("date(on_date, '-1 year')" if c == "on_date" else c for c in columns)
    for _ in range(times):
        conn.execute(f"INSERT INTO notes ({names}) SELECT {copied} FROM notes")
    return int(conn.execute("SELECT count(*) FROM notes").fetchone()[0])


def _steps(journal: Journal) -> tuple[int, tuple[stakeholders.DueStakeholder, ...]]:
    """How many SQLite virtual-machine steps the stakeholders-due read takes, and its answer."""
    conn = journal.raw()
    steps = [0]

    def step() -> int:
        steps[0] += 1
        return 0

    conn.set_progress_handler(step, 1)
    try:
        found = stakeholders.due(conn, TODAY)
    finally:
        conn.set_progress_handler(None, 1)
    return steps[0], found


def test_the_latest_contact_is_read_through_the_index(tmp_path: Path) -> None:
    with _journal_with_contacts(tmp_path / "j.db") as journal:
        sql = (
            f"SELECT p.id, {people_reads.last_contact_column('p')} FROM people AS p "
            "WHERE p.archived = 0 AND p.cadence_days IS NOT NULL"
        )
        plan = [
            str(row[-1])
            for row in journal.raw().execute(
                f"EXPLAIN QUERY PLAN {sql}", people_reads.LAST_CONTACT_PARAMETERS
            )
        ]
    latest = [line for line in plan if line.startswith("SEARCH n ")]
    seeks = [line for line in plan if line.startswith("SEARCH k ")]
    assert latest == ["SEARCH n USING INDEX ix_notes_person_date (person_id=?)"], plan
    assert len(seeks) == len(people_reads.CONTACT_KIND_VALUES), plan
    assert all("USING COVERING INDEX ix_notes_person_kind_date" in line for line in seeks), plan
    assert not any(line.startswith(("SCAN n", "SCAN k")) or "SCAN notes" in line for line in plan)
    assert not any("TEMP B-TREE" in line for line in plan), plan


def _people_last_seen(path: Path, latest: NoteKind) -> Journal:
    """Five people due every day, each with a note of every kind (the newest of them,
    ten days ago, an "other"), then a note of the kind ``latest`` two days ago."""
    journal = Journal.open(path)
    for i in range(5):
        person = journal.people.add(Person(f"P{i}", cadence_days=1))
        for days, kind in enumerate(reversed(list(NoteKind)), start=10):
            journal.notes.add(Note(TODAY - dt.timedelta(days=days), "n", kind, person.id))
        journal.notes.add(Note(TODAY - dt.timedelta(days=2), "n", latest, person.id))
    return journal


def test_a_latest_note_that_is_contact_answers_alone(tmp_path: Path) -> None:
    # the latest note a contact: one seek a person; an observation: a seek per contact kind too
    with _people_last_seen(tmp_path / "met.db", NoteKind.CALL) as met:
        _steps(met)  # the first read also loads the schema
        met_steps, met_due = _steps(met)
    with _people_last_seen(tmp_path / "seen.db", NoteKind.OBSERVATION) as seen:
        _steps(seen)
        seen_steps, seen_due = _steps(seen)
    assert {s.last_contact for s in met_due} == {TODAY - dt.timedelta(days=2)}
    # an observation is no contact: the latest contact is the "other" of ten days ago
    assert {s.last_contact for s in seen_due} == {TODAY - dt.timedelta(days=10)}
    assert met_steps * 2 < seen_steps, (met_steps, seen_steps)


def test_the_stakeholders_due_cost_the_same_with_a_thousand_times_the_notes(
    tmp_path: Path,
) -> None:
    with _journal_with_contacts(tmp_path / "j.db") as journal:
        _steps(journal)  # the first read also loads the schema
        few_steps, few = _steps(journal)
        assert [s.person.name for s in few] == ["P2", "P1", "P0"]
        assert _double_the_notes(journal, 10) == 9 * 1024
        _steps(journal)
        many_steps, many = _steps(journal)
    assert many == few  # the copies are older: the latest contacts are the same
    assert many_steps == few_steps


def test_observations_are_not_contact_however_recent(tmp_path: Path) -> None:
    with Journal.open(tmp_path / "j.db") as journal:
        ana = journal.people.add(Person("Ana", cadence_days=7))
        journal.notes.add(Note(TODAY - dt.timedelta(days=3), "seen", NoteKind.OBSERVATION, ana.id))
        journal.notes.add(Note(TODAY - dt.timedelta(days=40), "1:1", NoteKind.ONE_ON_ONE, ana.id))
        [due] = stakeholders.due(journal.raw(), TODAY)
        assert due.last_contact == TODAY - dt.timedelta(days=40)
        assert due.status == "overdue"
        assert journal.people.cadence(ana.id or -1, TODAY) == due


def _directory_traced(journal: Journal) -> tuple[list[str], int, list[object]]:
    """The directory's statements (as run, parameters bound), its SQLite steps, its rows."""
    conn = journal.raw()
    statements: list[str] = []
    steps = [0]

    def step() -> int:
        steps[0] += 1
        return 0

    conn.set_trace_callback(statements.append)
    conn.set_progress_handler(step, 1)
    try:
        rows = people_reads.directory(conn, include_archived=False)
    finally:
        conn.set_progress_handler(None, 1)
        conn.set_trace_callback(None)
    return statements, steps[0], list(rows)


def test_the_directory_reads_notes_only_through_the_person_index(tmp_path: Path) -> None:
    with _journal_with_contacts(tmp_path / "j.db") as journal:
        statements, _, rows = _directory_traced(journal)
        assert [(p.name, last) for p, last, _ in rows] == [
            ("P0", TODAY - dt.timedelta(days=20)),
            ("P1", TODAY - dt.timedelta(days=21)),
            ("P2", TODAY - dt.timedelta(days=22)),
        ]
        assert len(statements) == 1
        plan = [
            str(row[-1]) for row in journal.raw().execute(f"EXPLAIN QUERY PLAN {statements[0]}")
        ]
    # the attitude: a seek on the person's range of the index, never a scan
    assert not any(line.startswith(("SCAN n", "SCAN c", "SCAN notes")) for line in plan), plan
    assert any(
        line.startswith("SEARCH n USING INDEX ix_notes_person_")
        and "(person_id=?)" in line
        and "kind" not in line
        for line in plan
    ), plan
    assert not any(" c " in f" {line} " for line in plan), plan  # no count of anyone's notes


def test_the_directory_costs_the_same_with_a_thousand_times_the_notes_of_its_people(
    tmp_path: Path,
) -> None:
    with _journal_with_contacts(tmp_path / "j.db") as journal:
        ana = journal.people.find_by_name("P0")
        assert ana is not None
        journal.notes.add(Note(TODAY, "keen", NoteKind.MEETING, ana.id, attitude=Attitude.CHAMPION))
        _directory_traced(journal)  # the first read also loads the schema
        _, few_steps, few = _directory_traced(journal)
        assert _double_the_notes(journal, 10) == 10 * 1024
        _directory_traced(journal)
        _, many_steps, many = _directory_traced(journal)
    assert many == few  # the copies are older: the latest contacts and attitudes are the same
    assert many_steps == few_steps


def test_the_directory_costs_the_same_with_a_thousand_times_the_notes_about_no_one(
    tmp_path: Path,
) -> None:
    with _journal_with_contacts(tmp_path / "j.db") as journal:
        journal.people.add(Person("Nobody's friend"))
        for days in range(4):
            journal.notes.add(Note(TODAY - dt.timedelta(days=days), "a win", NoteKind.WIN))
        _directory_traced(journal)  # the first read also loads the schema
        _, few_steps, few = _directory_traced(journal)
        conn = journal.raw()
        columns = [row[1] for row in conn.execute("PRAGMA table_info(notes)") if row[1] != "id"]
        names = ", ".join(columns)
        for _ in range(10):  # notes about no one, doubled ten times
            conn.execute(
                f"INSERT INTO notes ({names}) SELECT {names} FROM notes WHERE person_id IS NULL"
            )
        assert (
            conn.execute("SELECT count(*) FROM notes WHERE person_id IS NULL").fetchone()[0] == 4096
        )
        _directory_traced(journal)
        _, many_steps, many = _directory_traced(journal)
    assert many == few
    assert many_steps == few_steps


def test_only_the_people_due_are_read_whole(tmp_path: Path, monkeypatch: Any) -> None:
    with Journal.open(tmp_path / "j.db") as journal:
        seen = []
        for i in range(40):  # forty with a cadence, of whom every tenth is due
            person = journal.people.add(Person(f"Q{i:02}", cadence_days=10))
            days = 12 if i % 10 == 0 else 3
            journal.notes.add(
                Note(TODAY - dt.timedelta(days=days), "1:1", NoteKind.CALL, person.id)
            )
            seen.append(person)
        never = journal.people.add(Person("Never met", cadence_days=30))  # due today
        journal.people.add(Person("No cadence"))
        expected = sorted(
            (journal.people.cadence(p.id or -1, TODAY) for p in [*seen, never]),
            key=lambda s: (s.due or TODAY, s.person.name.casefold()),
        )
        built: list[object] = []
        real = stakeholders.person_from_row

        def counting(values: Any) -> Person:
            built.append(values)
            return real(values)

        monkeypatch.setattr(stakeholders, "person_from_row", counting)
        found = stakeholders.due(journal.raw(), TODAY)
    assert [s.person.name for s in found] == ["Q00", "Q10", "Q20", "Q30", "Never met"]
    assert list(found) == [s for s in expected if s.due is not None and s.due <= TODAY]
    assert found[-1].last_contact is None and found[0].status == "overdue"
    assert len(built) == len(found)  # the 36 not due were never made into people


_NOTES_OF_ONE = st.lists(
    st.tuples(st.integers(min_value=0, max_value=4), st.sampled_from(list(NoteKind))), max_size=8
)


def test_the_latest_contact_is_the_domain_s_whatever_the_notes(tmp_path: Path) -> None:
    # same-day notes of a contact and an observation, entered in either order, included
    with Journal.open(tmp_path / "j.db") as journal:
        ana = journal.people.add(Person("Ana", cadence_days=7))
        assert ana.id is not None

        @settings(max_examples=150, deadline=None)
        @given(_NOTES_OF_ONE)
        def check(notes: list[tuple[int, NoteKind]]) -> None:
            journal.raw().execute("DELETE FROM notes")
            made = [Note(TODAY - dt.timedelta(days=d), "n", k, ana.id) for d, k in notes]
            for note in made:
                journal.notes.add(note)
            found = people_reads.one_with_contact(journal.raw(), ana.id or -1)
            assert found is not None
            assert found[1] == last_contact(made)

        check()
