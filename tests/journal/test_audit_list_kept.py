"""The list of audits read again: the same rows unread while no audit, rating, tie or person
has changed, read afresh after any such write (by any program) or new thresholds."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from dataclasses import replace

import pytest

from cxjournal.domain.model import Audit, Note, NoteKind, Person, ResilienceEntry
from cxjournal.domain.thresholds import Thresholds
from cxjournal.journal import Journal
from cxjournal.journal.audits import AuditOps
from tests.journal.test_trends import counted, rating

D = dt.date


def _reads_audits(statements: list[str]) -> bool:
    return any("FROM audits AS a" in s for s in statements)


@pytest.fixture
def two_audits(journal: Journal) -> None:
    ana = journal.people.add(Person("Ana Silva", team="Ops"))
    ben = journal.people.add(Person("Ben Okafor", team="Sales"))
    journal.audits.save(Audit(D(2025, 6, 1), (rating(ana, 8, 5, 4, 5), rating(ben, 6, 6, 6, 6))))
    journal.audits.save(Audit(D(2025, 12, 1), (rating(ben, 4, 4, 7, 7),), blocking_superior=True))


@pytest.mark.usefixtures("two_audits")
def test_a_list_read_again_after_a_note_and_a_check_in_reads_no_audit(journal: Journal) -> None:
    first = journal.audits.summaries()
    ana = journal.people.find_by_name("Ana Silva")
    assert ana is not None
    journal.notes.add(Note(D(2026, 1, 5), "a talk", NoteKind.ONE_ON_ONE, ana.id))
    journal.resilience.save(ResilienceEntry(D(2026, 1, 5), 5, 5, 5))
    with counted(journal) as statements:
        again = journal.audits.summaries()
    assert statements  # the statements were counted where the list reads
    assert not _reads_audits(statements), statements
    assert again == first == AuditOps(journal).summaries()  # as read from scratch
    again.clear()  # the caller's list is its own
    assert journal.audits.summaries() == first


def _rename(journal: Journal) -> None:
    ana = journal.people.find_by_name("Ana Silva")
    assert ana is not None
    journal.people.update(replace(ana, name="Ana Costa"))


def _new_audit(journal: Journal) -> None:
    ana = journal.people.find_by_name("Ana Silva")
    assert ana is not None
    journal.audits.save(Audit(D(2026, 2, 1), (rating(ana, 3, 3, 9, 9),)))


def _changed_rating(journal: Journal) -> None:
    audit = journal.audits.all()[0]
    journal.audits.save(
        Audit(audit.taken_on, (rating(audit.ratings[0].person, 10, 10, 1, 1),), id=audit.id)
    )


def _deleted_audit(journal: Journal) -> None:
    journal.audits.delete(journal.audits.all()[0].id or -1)


def _thresholds(journal: Journal) -> None:
    journal.settings.set_thresholds(Thresholds(imbalance_ratio=2.0))


def _another_program(journal: Journal) -> None:
    """The command line (or any other program) dropping the flag of an audit in the file."""
    with sqlite3.connect(journal.path) as other:
        other.execute("UPDATE audits SET blocking_superior = 0")
    other.close()


@pytest.mark.usefixtures("two_audits")
@pytest.mark.parametrize(
    "write", [_rename, _new_audit, _changed_rating, _deleted_audit, _thresholds, _another_program]
)
def test_any_write_to_what_the_list_shows_is_read_afresh(
    journal: Journal, write: Callable[[Journal], None]
) -> None:
    before = journal.audits.summaries()
    write(journal)
    with counted(journal) as statements:
        after = journal.audits.summaries()
    assert _reads_audits(statements), statements
    assert after == AuditOps(journal).summaries()
    if write is not _rename:  # a new name: the same rows, read again
        assert after != before
