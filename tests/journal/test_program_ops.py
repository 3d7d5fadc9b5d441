"""ProgramOps on a real journal file: the program, plans, proof points, shares and views."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import pytest

from cxjournal.domain.errors import NotFoundError, ValidationError
from cxjournal.domain.model import (
    Person,
    Plan,
    PlanKind,
    PlanMember,
    PlanRole,
    PlanStatus,
    Program,
    ProofPoint,
)
from cxjournal.domain.program_view import preparation_json, program_json
from cxjournal.journal import Journal
from tests.program_scenario import (
    EXPECTED_GRID,
    EXPECTED_PREP,
    EXPECTED_RISKS,
    D,
    store_scenario,
    without_messages,
)


def test_a_new_journal_has_an_empty_program_and_no_risks(journal: Journal) -> None:
    assert journal.program.get() == Program()
    view = journal.program.view(D)
    assert view.risks == () and view.grid == ()
    assert journal.program.proof_points() == []


def test_the_stored_scenario_gives_the_domain_tests_values(journal: Journal) -> None:
    people = store_scenario(journal)
    data = program_json(journal.program.view(D))
    assert without_messages(data["risks"]) == EXPECTED_RISKS
    assert data["grid"] == EXPECTED_GRID
    for name, expected in EXPECTED_PREP.items():
        person_id = people[name].id
        assert person_id is not None
        prep, follow_ups = journal.program.preparation(person_id, D)
        got = preparation_json(prep, follow_ups)
        assert {k: got[k] for k in expected} == expected, name


def test_set_why_keeps_the_plans_and_save_plan_keeps_the_why(journal: Journal) -> None:
    ana = journal.people.add(Person("Ana"))
    plan = Plan(
        PlanKind.VOC, PlanStatus.IN_PROGRESS, "Surveys", people=(PlanMember(ana, PlanRole.OWNER),)
    )
    journal.program.save_plan(plan)
    program = journal.program.set_why("  Customers first  ", "NPS")
    assert (program.why, program.kpi) == ("Customers first", "NPS")
    assert journal.program.plan(PlanKind.VOC).people == (PlanMember(ana, PlanRole.OWNER),)
    journal.program.save_plan(replace(plan, status=PlanStatus.DONE))
    assert journal.program.get().why == "Customers first"
    assert journal.program.plan(PlanKind.VOC).status is PlanStatus.DONE


def test_a_plan_with_two_owners_is_refused_and_nothing_changes(journal: Journal) -> None:
    ana = journal.people.add(Person("Ana"))
    ben = journal.people.add(Person("Ben"))
    good = Plan(
        PlanKind.TRAINING, PlanStatus.IN_PROGRESS, people=(PlanMember(ana, PlanRole.OWNER),)
    )
    journal.program.save_plan(good)
    bad = replace(
        good,
        summary="changed",
        people=(PlanMember(ana, PlanRole.OWNER), PlanMember(ben, PlanRole.OWNER)),
    )
    with pytest.raises(ValidationError):
        journal.program.save_plan(bad)
    assert journal.program.plan(PlanKind.TRAINING) == good


def test_proof_points_add_edit_filter_share_and_delete(journal: Journal) -> None:
    ana = journal.people.add(Person("Ana"))
    first = journal.program.save_proof_point(
        ProofPoint(
            D, "Callbacks kept", baseline=61, result=88, unit="%", plans=(PlanKind.OPERATIONS,)
        )
    )
    second = journal.program.save_proof_point(
        ProofPoint(D + dt.timedelta(days=1), "Letters", plans=(PlanKind.VOC,))
    )
    assert [p.title for p in journal.program.proof_points()] == ["Letters", "Callbacks kept"]
    assert [p.title for p in journal.program.proof_points(PlanKind.OPERATIONS)] == [
        "Callbacks kept"
    ]
    assert first.id is not None and second.id is not None and ana.id is not None
    edited = journal.program.save_proof_point(replace(first, title="Callbacks kept on time"))
    assert edited.id == first.id and edited.result == 88
    shared = journal.program.share(first.id, ana.id, D)
    assert [(s.person.name, s.on) for s in shared.shared] == [("Ana", D)]
    again = journal.program.share(first.id, ana.id, D)
    assert len(again.shared) == 1
    with pytest.raises(NotFoundError):
        journal.program.share(999, ana.id, D)
    journal.program.delete_proof_point(second.id)
    assert [p.id for p in journal.program.proof_points()] == [first.id]
    with pytest.raises(ValidationError):
        journal.program.save_proof_point(ProofPoint(D, "   "))
    assert len(journal.program.proof_points()) == 1


def test_preparation_of_someone_unknown(journal: Journal) -> None:
    with pytest.raises(NotFoundError):
        journal.program.preparation(42, D)


def test_proof_points_read_only_the_people_they_were_shown_to(
    journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cxjournal.store.reads import proof_points as proof_reads

    people = [journal.people.add(Person(f"Person {n}")) for n in range(40)]
    ana, ben = people[3], people[17]
    assert ana.id is not None and ben.id is not None
    point = journal.program.save_proof_point(ProofPoint(D, "Callbacks kept"))
    assert point.id is not None
    journal.program.share(point.id, ana.id, D)
    journal.program.share(point.id, ben.id, D + dt.timedelta(days=1))
    journal.people.set_archived(ben.id, True)  # still named by the share
    read: list[int] = []
    person_from_row = proof_reads.person

    def counted(row: Sequence[Any]) -> Person:
        found = person_from_row(row)
        read.append(found.id or 0)
        return found

    monkeypatch.setattr(proof_reads, "person", counted)
    (shown,) = journal.program.proof_points()
    assert [(s.person, s.on) for s in shown.shared] == [
        (journal.people.get(ana.id), D),
        (journal.people.get(ben.id), D + dt.timedelta(days=1)),
    ]
    assert sorted(read) == sorted([ana.id, ben.id])  # not the 40 people of the directory
