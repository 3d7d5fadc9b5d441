"""``Journal.read_on_own_connection``: the reads of one thread on the journal's own
connection, each in one transaction; other threads and every write keep the engine's."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path
from typing import Any

from cxjournal.domain.model import Audit, Person, Rating
from cxjournal.journal import Journal


def _audit(person: Person, on: dt.date) -> Audit:
    rating = Rating(person=person, value=6, irreplaceability=5, my_value=4, my_irreplaceability=3)
    return Audit(taken_on=on, ratings=(rating,))


def test_this_threads_reads_use_the_own_connection_in_one_transaction(journal_path: Path) -> None:
    with Journal.open(journal_path) as journal:
        ana = journal.people.add(Person(name="Ana Silva"))
        journal.audits.save(_audit(ana, dt.date(2026, 1, 5)))
    with Journal.open(journal_path) as journal:
        journal.read_on_own_connection()
        with journal.reading() as conn:
            assert conn is journal.raw()
            assert journal.raw().in_transaction
            with journal.reading() as inner:  # a read inside a read: the same transaction
                assert inner is conn
            assert journal.raw().in_transaction
        assert not journal.raw().in_transaction
        assert "engine" not in vars(journal)  # no engine was made for those reads
        assert [a.taken_on for a in journal.audits.all()] == [dt.date(2026, 1, 5)]
        assert journal.audits.latest_analysis() is not None
        assert "engine" not in vars(journal)


def test_other_threads_and_writes_use_the_engine(journal_path: Path) -> None:
    with Journal.open(journal_path) as journal:
        journal.read_on_own_connection()
        ana = journal.people.add(Person(name="Ana Silva"))  # a write: the engine's session
        assert "engine" in vars(journal)
        seen: list[Any] = []

        def read() -> None:
            with journal.reading() as conn:
                seen.append(conn)

        other = threading.Thread(target=read)
        other.start()
        other.join(60)
        assert len(seen) == 1 and seen[0] is not journal.raw()
        journal.audits.save(_audit(ana, dt.date(2026, 2, 1)))
        latest = journal.audits.latest()  # the own connection sees the committed write
        assert latest is not None and latest.taken_on == dt.date(2026, 2, 1)


def test_after_closing_this_threads_reads_use_the_engine_as_before(journal_path: Path) -> None:
    """A read left for after the close (a timer of the window) reconnects, as it did
    before the window's thread read on the own connection; it does not fail."""
    with Journal.open(journal_path) as journal:
        journal.people.add(Person(name="Ana Silva"))
    journal = Journal.open(journal_path)
    journal.read_on_own_connection()
    journal.close()
    assert [p.name for p in journal.people.all()] == ["Ana Silva"]
    journal.close()
