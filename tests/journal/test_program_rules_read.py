"""The program's rules read a few notes per person, and answer as from every note."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

import pytest

from cxjournal.domain.model import Attitude, FormatUsed, Note, NoteGoal, NoteKind, Person
from cxjournal.domain.program_view import program_view
from cxjournal.exchange.importer import import_text
from cxjournal.journal import Journal

TODAY = dt.date(2026, 3, 10)


def _view_from_every_note(journal: Journal, on: dt.date) -> object:
    found = journal.program.inputs()
    return program_view(found.program, found.people, found.notes, on, found.thresholds)


@pytest.mark.parametrize("streak", [1, 3])
def test_the_view_is_the_same_as_from_every_note(tmp_path: Path, streak: int) -> None:
    from cxjournal.exchange.demo import generate

    with Journal.open(tmp_path / "demo.db") as journal:
        import_text(journal, json.dumps(generate(years=3, seed=2, today=TODAY)))
        journal.settings.set_thresholds(
            replace(journal.settings.thresholds(), format_streak=streak)
        )
        for on in (
            TODAY,
            TODAY - dt.timedelta(days=45),
            TODAY - dt.timedelta(days=400),
            TODAY + dt.timedelta(days=30),
            TODAY - dt.timedelta(days=5000),  # before the first note
        ):
            view = journal.program.view(on)
            assert view == _view_from_every_note(journal, on), on
        assert journal.program.view(TODAY).risks  # the demo's program has risks to compare


def _steps_of_the_view(journal: Journal) -> tuple[int, object]:
    """SQLite's steps while the view reads (on the engine's connection, which its
    sessions share), and the view."""
    with journal.session() as session:
        conn = session.connection().connection.dbapi_connection
    assert conn is not None
    steps = [0]

    def step() -> int:
        steps[0] += 1
        return 0

    conn.set_progress_handler(step, 1)
    try:
        view = journal.program.view(TODAY)
    finally:
        conn.set_progress_handler(None, 1)
    return steps[0], view


def test_the_view_costs_the_same_with_a_thousand_times_the_older_notes(tmp_path: Path) -> None:
    with Journal.open(tmp_path / "j.db") as journal:
        for index, attitude in enumerate((Attitude.SKEPTIC, Attitude.SUPPORTER, None)):
            person = journal.people.add(
                Person(f"P{index}", desired_attitude=Attitude.CHAMPION, cadence_days=14)
            )
            for days in range(4):
                journal.notes.add(
                    Note(
                        TODAY - dt.timedelta(days=days * 7 + index),
                        "update",
                        NoteKind.EMAIL if days % 2 else NoteKind.ONE_ON_ONE,
                        person.id,
                        attitude=attitude if days != 1 else None,
                        goal=NoteGoal.CHANGE if index != 2 else None,
                        format_used=FormatUsed.SPREADSHEET if index != 2 else None,
                    )
                )
        _steps_of_the_view(journal)  # the first read also loads the schema
        few_steps, few = _steps_of_the_view(journal)
        conn = journal.raw()
        columns = [row[1] for row in conn.execute("PRAGMA table_info(notes)") if row[1] != "id"]
        names = ", ".join(columns)
        copied = ", ".join("date(on_date, '-1 year')" if c == "on_date" else c for c in columns)
        for _ in range(10):
            conn.execute(f"INSERT INTO notes ({names}) SELECT {copied} FROM notes")
        assert conn.execute("SELECT count(*) FROM notes").fetchone()[0] == 12 * 1024
        _steps_of_the_view(journal)
        many_steps, many = _steps_of_the_view(journal)
    assert many == few  # the copies are older: nothing the rules read changed
    assert few_steps > 0  # the steps were counted where the view reads
    assert many_steps == few_steps


@pytest.mark.parametrize("newest", [NoteKind.OBSERVATION, NoteKind.CALL])
def test_the_rules_read_one_note_of_contact_a_person(tmp_path: Path, newest: NoteKind) -> None:
    """Of a person's notes of every kind, with no attitude and no goal, the rules read the
    latest that counts as contact: not the latest of each kind."""
    from cxjournal.store.note_reads import notes_for_program_rules

    with Journal.open(tmp_path / "j.db") as journal:
        ana = journal.people.add(Person("Ana", cadence_days=14))
        contact = [kind for kind in NoteKind if kind is not NoteKind.OBSERVATION]
        for days, kind in enumerate(contact, start=3):
            journal.notes.add(Note(TODAY - dt.timedelta(days=days), kind.value, kind, ana.id))
        journal.notes.add(Note(TODAY - dt.timedelta(days=1), "newest", newest, ana.id))
        journal.notes.add(Note(TODAY + dt.timedelta(days=1), "later", NoteKind.CALL, ana.id))
        with journal.session() as session:
            read = notes_for_program_rules(session, TODAY, 3)
    expected = "newest" if newest is NoteKind.CALL else contact[0].value
    assert [note.text for note in read] == [expected]
