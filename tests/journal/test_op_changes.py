"""A journal operation says which areas it changed; the journal reopens in place."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import text

from cxjournal.domain.errors import ValidationError, WrongPassphraseError
from cxjournal.domain.model import Audit, Note, Person, Rating, ResilienceEntry
from cxjournal.journal import Journal, backup_ops
from cxjournal.journal.changes import Area, OpChanges
from cxjournal.journal.lock_ops import is_locked, lock_journal, unlock_journal
from cxjournal.store.models import PersonRow

DAY = dt.date(2026, 3, 2)


def test_each_write_names_its_area(journal: Journal) -> None:
    added = journal.perform(lambda j: j.people.add(Person(name="Ana Silva")))
    assert isinstance(added, OpChanges)
    assert added.changes == Area.PEOPLE and added.value.name == "Ana Silva"
    ana = added.value
    assert ana.id is not None
    note = Note(on=DAY, text="Asked about the budget", person_id=ana.id)
    assert journal.perform(lambda j: j.notes.add(note)).changes == Area.NOTES
    entry = ResilienceEntry(on=DAY, energy=3, stress=2, mood=4)
    assert journal.perform(lambda j: j.resilience.save(entry)).changes == Area.RESILIENCE
    assert journal.perform(lambda j: j.settings.set("x", 1)).changes == Area.SETTINGS
    assert journal.perform(lambda j: j.program.set_why("Why", "NPS")).changes == Area.PROGRAM
    assert journal.perform(lambda j: j.exit_plan.start()).changes == Area.EXIT_PLAN
    point = journal.perform(lambda j: j.agenda.add(ana.id, "Budget", DAY))  # type: ignore[arg-type]
    assert point.changes == Area.AGENDA


def test_an_audit_names_the_people_and_the_exit_plan_only_when_it_touches_them(
    journal: Journal,
) -> None:
    ana = journal.people.add(Person(name="Ana Silva"))
    first = journal.perform(lambda j: j.audits.save(Audit(DAY, (Rating(ana, 5, 5, 5, 5),))))
    assert first.changes == Area.AUDITS | Area.EXIT_PLAN  # the latest audit is new
    newcomer = Person(name="Bo Chen")
    older = Audit(DAY - dt.timedelta(days=90), (Rating(newcomer, 5, 5, 5, 5),))
    second = journal.perform(lambda j: j.audits.save(older))
    assert second.changes == Area.AUDITS | Area.PEOPLE  # not the latest, but a new person
    assert second.value.id is not None
    gone = journal.perform(lambda j: j.audits.delete(second.value.id))  # type: ignore[arg-type]
    assert gone.changes == Area.AUDITS | Area.TRASH  # it is in the trash now


def test_reads_change_nothing_and_a_refused_write_raises(journal: Journal) -> None:
    assert journal.perform(lambda j: j.people.all()).changes == Area.NONE
    with pytest.raises(ValidationError):
        journal.perform(lambda j: j.people.add(Person(name="")))
    # the journal is back outside any operation: later writes are not collected
    journal.people.add(Person(name="Ana Silva"))
    assert journal.perform(lambda j: None).changes == Area.NONE


def test_a_write_that_names_no_area_counts_as_everything(journal: Journal) -> None:
    def by_statement(j: Journal) -> None:
        with j.session() as session:
            session.execute(text("UPDATE people SET name = 'B'"))

    def by_object(j: Journal) -> None:
        with j.session() as session:
            session.add(PersonRow(name="C"))

    journal.people.add(Person(name="A"))
    assert journal.perform(by_statement).changes == Area.ALL
    assert journal.perform(by_object).changes == Area.ALL


def test_operations_nest(journal: Journal) -> None:
    def both(j: Journal) -> int:
        inner = j.perform(lambda k: k.people.add(Person(name="Ana")))
        assert inner.changes == Area.PEOPLE
        j.settings.set("x", 2)
        return 7

    done = journal.perform(both)
    assert done.value == 7 and done.changes == Area.PEOPLE | Area.SETTINGS


def test_reopen_in_place_keeps_the_object_and_takes_the_new_file(
    journal: Journal, tmp_path: Path
) -> None:
    journal.people.add(Person(name="Ana"))
    saved = backup_ops.backup_now(journal, tmp_path / "saved.db")
    journal.people.add(Person(name="Bo"))
    people_ops = journal.people
    backup_ops.restore_in_place(journal, saved)
    assert [p.name for p in journal.people.all()] == ["Ana"]
    assert journal.people is not people_ops  # nothing cached from the replaced file is kept
    assert journal.perform(lambda j: j.people.add(Person(name="Cy"))).changes == Area.PEOPLE


def test_lock_and_unlock_use_the_same_object(tmp_path: Path) -> None:
    journal = Journal.open(tmp_path / "secret.db", passphrase="correct horse")
    try:
        journal.people.add(Person(name="Ana"))
        lock_journal(journal)
        assert is_locked(journal)
        with pytest.raises(WrongPassphraseError):
            unlock_journal(journal, "wrong")
        assert is_locked(journal)  # a wrong passphrase leaves it locked
        unlock_journal(journal, "correct horse")
        assert not is_locked(journal)
        assert [p.name for p in journal.people.all()] == ["Ana"]
    finally:
        journal.close()


def test_area_names() -> None:
    assert (Area.SETTINGS | Area.NOTES).names() == ["NOTES", "SETTINGS"]
    assert Area.NONE.names() == []
    assert set(Area.ALL.names()) == {a.name for a in Area if a not in (Area.NONE, Area.ALL)}
