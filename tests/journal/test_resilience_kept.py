"""Check-in reads that do not grow with the years: the vocabulary of drains and
restorers counted again only after a check-in changed, the span by two index seeks."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable

import pytest

from cxjournal.domain.model import Note, NoteKind, Person
from cxjournal.journal import Journal
from cxjournal.journal.resilience import ResilienceOps
from tests.journal.test_resilience_ops import DAY, TODAY, checkin
from tests.journal.test_trends import counted


def _counts_tags(statements: list[str]) -> bool:
    return any("json_each" in s for s in statements)


@pytest.fixture
def tagged(journal: Journal) -> None:
    journal.resilience.save_many(
        [
            checkin(TODAY - i * DAY, drains=["Escalation"] if i % 2 else ["late email"])
            for i in range(20)
        ]
        + [checkin(TODAY - 30 * DAY, restorers=["walk"])]
    )


@pytest.mark.usefixtures("tagged")
def test_the_vocabulary_read_again_after_a_note_counts_no_tag(journal: Journal) -> None:
    first = journal.resilience.tag_vocabulary()
    person = journal.people.add(Person("Ana Silva"))
    journal.notes.add(Note(TODAY, "a talk", NoteKind.ONE_ON_ONE, person.id))
    with counted(journal) as statements:
        again = journal.resilience.tag_vocabulary()
    assert statements  # the statements were counted where the vocabulary reads
    assert not _counts_tags(statements), statements
    assert again == first == ResilienceOps(journal).tag_vocabulary()
    assert [t.tag for t in journal.resilience.tag_vocabulary("restorer")] == ["walk"]
    assert journal.resilience.tag_vocabulary() == first  # another kind asked in between


def _new_tag(journal: Journal) -> None:
    journal.resilience.save(checkin(TODAY + DAY, drains=["reorg"]))


def _deleted(journal: Journal) -> None:
    assert journal.resilience.delete_on(TODAY - 30 * DAY)


def _another_program(journal: Journal) -> None:
    """The command line (or any other program) changing a check-in's drains in the file."""
    with sqlite3.connect(journal.path) as other:
        other.execute(
            "UPDATE resilience SET drains = '[\"budget\"]' WHERE on_date = ?", (str(TODAY),)
        )
    other.close()


@pytest.mark.usefixtures("tagged")
@pytest.mark.parametrize("write", [_new_tag, _deleted, _another_program])
def test_any_check_in_written_counts_the_vocabulary_again(
    journal: Journal, write: Callable[[Journal], None]
) -> None:
    before = journal.resilience.tag_vocabulary()
    write(journal)
    after = journal.resilience.tag_vocabulary()
    assert after != before
    assert after == ResilienceOps(journal).tag_vocabulary()


def test_the_span_is_two_seeks_of_the_date_index(journal: Journal) -> None:
    assert journal.resilience.span() is None
    journal.resilience.save_many([checkin(TODAY - i * DAY) for i in range(10)])
    with counted(journal) as statements:
        span = journal.resilience.span()
    assert span == (TODAY - 9 * DAY, TODAY)
    (read,) = [s for s in statements if "min(on_date)" in s]
    plan = " / ".join(str(row[-1]) for row in journal.raw().execute(f"EXPLAIN QUERY PLAN {read}"))
    assert "SCAN resilience" not in plan, plan
    assert plan.count("SEARCH resilience USING COVERING INDEX") == 2, plan


def test_a_journal_with_one_check_in_spans_one_day(journal: Journal) -> None:
    journal.resilience.save(checkin(dt.date(2026, 1, 1)))
    assert journal.resilience.span() == (dt.date(2026, 1, 1), dt.date(2026, 1, 1))
