"""A person's attitudes are read through the index of the notes that record one: notes
without an attitude, however many, cost nothing to the strip, the latest attitude or the
directory."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cxjournal.domain.model import Attitude, Note, NoteKind, Person
from cxjournal.journal import Journal
from cxjournal.store.bulk_index import index_at_end
from cxjournal.store.reads import notes as note_reads
from cxjournal.store.reads import people as people_reads

TODAY = dt.date(2026, 3, 11)


def _journal(path: Path) -> tuple[Journal, int]:
    journal = Journal.open(path)
    ana = journal.people.add(Person("Ana", cadence_days=7))
    journal.people.add(Person("Bo"))
    assert ana.id is not None
    for days, attitude in (
        (40, Attitude.RESISTOR),
        (30, Attitude.NEUTRAL),
        (20, Attitude.SUPPORTER),
    ):
        journal.notes.add(
            Note(TODAY - dt.timedelta(days=days), "n", NoteKind.MEETING, ana.id, attitude=attitude)
        )
    # her latest note an observation, as the ones added later are (so that her latest
    # contact is read the same way before and after them)
    journal.notes.add(Note(TODAY - dt.timedelta(days=19), "seen", NoteKind.OBSERVATION, ana.id))
    return journal, ana.id


def _add_notes_without_attitude(journal: Journal, person_id: int, count: int) -> None:
    """``count`` notes about the person, newer than every attitude and recording none,
    written as a large import writes them: the indexes of notes are made again at the end
    (in name order, so the planner meets them in another order than a new journal's)."""
    with journal.session() as session:
        with index_at_end(session, new_notes=count):
            raw = session.connection().connection.driver_connection
            raw.executemany(
                "INSERT INTO notes (person_id, on_date, kind, text, tags) "
                "VALUES (?, ?, 'observation', 'seen', '[]')",
                [
                    (person_id, (TODAY - dt.timedelta(days=n % 19)).isoformat())
                    for n in range(count)
                ],
            )
        session.commit()


def _steps(journal: Journal, read: Callable[[Any], object]) -> tuple[int, object]:
    """How many SQLite virtual-machine steps ``read`` takes on the journal's connection."""
    conn = journal.raw()
    steps = [0]

    def step() -> int:
        steps[0] += 1
        return 0

    read(conn)  # the first read also loads the schema
    conn.set_progress_handler(step, 1)
    try:
        found = read(conn)
    finally:
        conn.set_progress_handler(None, 1)
    return steps[0], found


def test_notes_without_an_attitude_cost_the_attitude_reads_nothing(tmp_path: Path) -> None:
    journal, ana = _journal(tmp_path / "j.db")
    with journal:
        reads: dict[str, Callable[[Any], object]] = {
            "strip": lambda conn: note_reads.attitudes(conn, ana, latest=2),
            "history": lambda conn: note_reads.attitudes(conn, ana),
            "latest": lambda conn: note_reads.last_attitude(conn, ana),
            "directory": lambda conn: [
                attitude for _, _, attitude in people_reads.directory(conn, False)
            ],
        }
        few = {name: _steps(journal, read) for name, read in reads.items()}
        _add_notes_without_attitude(journal, ana, 2000)
        many = {name: _steps(journal, read) for name, read in reads.items()}
    assert few["strip"][1] == (
        [
            (TODAY - dt.timedelta(days=30), Attitude.NEUTRAL),
            (TODAY - dt.timedelta(days=20), Attitude.SUPPORTER),
        ],
        3,
    )
    assert few["latest"][1] == Attitude.SUPPORTER
    assert few["directory"][1] == [Attitude.SUPPORTER, None]
    for name in reads:
        assert many[name][1] == few[name][1], name
        assert many[name][0] == few[name][0], name
