"""Trends read again: the same value while nothing it draws has changed, read afresh after
any write to the audits, ratings, ties, people or check-ins (by any program)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from dataclasses import replace

import pytest

from cxjournal.domain.model import Audit, Note, NoteKind, Person, ResilienceEntry
from cxjournal.domain.thresholds import Thresholds
from cxjournal.journal import Journal
from cxjournal.journal.trends import TrendOps
from tests.journal.test_trends import _check_ins, _ten_years, counted, rating

D = dt.date


def _selects(statements: list[str]) -> list[str]:
    return [s for s in statements if s.lstrip().upper().startswith("SELECT")]


def test_a_second_read_with_only_notes_added_reads_no_audit_or_check_in(
    journal: Journal,
) -> None:
    _ten_years(journal)
    ops = TrendOps(journal)
    first = ops.trends()
    person = journal.people.all()[0]
    journal.notes.add(Note(D(2026, 1, 5), "a talk", NoteKind.ONE_ON_ONE, person.id))
    with counted(journal) as statements:
        again = ops.trends()
    selects = _selects(statements)
    # the thresholds and the tables' revisions: no audit, rating or check-in row
    assert len(selects) == 2, selects
    assert not [s for s in selects if "FROM audits" in s or "FROM resilience" in s]
    assert again is first
    assert again == TrendOps(journal).trends()  # what a read from scratch says


def test_another_range_or_window_is_read_afresh(journal: Journal) -> None:
    journal.resilience.save_many(_check_ins(D(2025, 1, 1), 90, seed=4))
    ops = TrendOps(journal)
    whole = ops.trends()
    part = ops.trends(D(2025, 2, 1), D(2025, 2, 28))
    assert part == TrendOps(journal).trends(D(2025, 2, 1), D(2025, 2, 28))
    assert len(part.resilience) < len(whole.resilience)
    weekly = ops.trends(rolling_days=28)
    assert weekly == TrendOps(journal).trends(rolling_days=28) != whole
    assert ops.trends() == whole


def _rename(journal: Journal) -> None:
    person = journal.people.find_by_name("Ana Silva")
    assert person is not None
    journal.people.update(replace(person, name="Ana Costa"))


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


def _check_in(journal: Journal) -> None:
    journal.resilience.save(ResilienceEntry(D(2026, 1, 20), 2, 9, 3))


def _deleted_check_in(journal: Journal) -> None:
    assert journal.resilience.delete_on(D(2026, 1, 3))


def _thresholds(journal: Journal) -> None:
    journal.settings.set_thresholds(Thresholds(imbalance_ratio=1.1))


def _another_program(journal: Journal) -> None:
    """The command line (or any other program) changing a check-in in the file."""
    with sqlite3.connect(journal.path) as other:
        other.execute("UPDATE resilience SET mood = 1 WHERE on_date = '2026-01-03'")
    other.close()


@pytest.mark.parametrize(
    "write",
    [
        _rename,
        _new_audit,
        _changed_rating,
        _deleted_audit,
        _check_in,
        _deleted_check_in,
        _thresholds,
        _another_program,
    ],
)
def test_any_write_to_what_trends_draws_is_read_afresh(
    journal: Journal, write: Callable[[Journal], None]
) -> None:
    ana = journal.people.add(Person("Ana Silva", team="Ops"))
    ben = journal.people.add(Person("Ben Okafor", team="Sales"))
    journal.audits.save(Audit(D(2025, 6, 1), (rating(ana, 8, 5, 4, 5), rating(ben, 6, 6, 6, 6))))
    journal.audits.save(Audit(D(2025, 12, 1), (rating(ben, 4, 4, 7, 7),)))
    journal.resilience.save_many(
        [ResilienceEntry(D(2026, 1, day), 5, 5, 6) for day in range(1, 15)]
    )
    ops = TrendOps(journal)
    before = ops.trends()
    assert ops.trends() is before
    write(journal)
    after = ops.trends()
    assert after is not before
    assert after != before
    assert after == TrendOps(journal).trends()
