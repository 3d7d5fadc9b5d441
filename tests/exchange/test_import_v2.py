"""Importing version 2 records: merged idempotently, people matched by e-mail first."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from cxjournal.domain.errors import ValidationError
from cxjournal.domain.model import (
    AgendaItem,
    Person,
    Plan,
    PlanKind,
    PlanMember,
    PlanRole,
    PlanStatus,
    Program,
)
from cxjournal.exchange import exporter, importer
from cxjournal.journal import Journal
from cxjournal.store import agenda_store, program_store
from cxjournal.store.mapping import person_from_row
from cxjournal.store.models import PersonRow

NOW = dt.datetime(2026, 11, 22, 18, 0, tzinfo=dt.UTC)


def document(**sections: Any) -> str:
    data: dict[str, Any] = {
        "format": "cxjournal",
        "version": 2,
        "people": [
            {"id": "p-ana", "name": "Ana Silva", "emails": ["ana@acme.example"]},
            {"id": "p-ben", "name": "Ben Ode"},
        ],
    }
    data.update(sections)
    return json.dumps(data)


FULL = dict(
    audits=[
        {
            "taken_on": "2026-01-15",
            "ratings": [
                {
                    "person": p,
                    "value": 5,
                    "irreplaceability": 5,
                    "my_value": 5,
                    "my_irreplaceability": 5,
                }
                for p in ("p-ana", "p-ben")
            ],
            "ties": [["p-ben", "p-ana"]],
        }
    ],
    notes=[
        {
            "person": "p-ana",
            "on": "2026-02-01",
            "text": "1:1",
            "goal": "change",
            "format_used": "video",
            "outcome": "achieved",
        }
    ],
    resilience=[{"on": "2026-02-01", "mood": 7, "tags": ["gym"]}],
    program={
        "why": "First time right",
        "kpi": "FCR",
        "plans": [
            {
                "kind": "voc",
                "status": "in_progress",
                "people": [{"person": "p-ana", "role": "owner"}, {"person": "p-ben"}],
            }
        ],
    },
    proof_points=[
        {
            "on": "2026-03-01",
            "title": "Win",
            "value": 10,
            "shared": [{"person": "p-ben", "on": "2026-03-02"}],
            "plans": ["voc"],
        }
    ],
    agenda=[{"person": "p-ben", "text": "Budget", "added_on": "2026-03-01"}],
    settings={"my_emails": ["me@acme.example"]},
)


def _people(journal: Journal) -> dict[int, Person]:
    with journal.session() as session:
        return {row.id: person_from_row(row) for row in session.query(PersonRow)}


def test_importing_the_same_v2_file_twice_changes_nothing(journal: Journal) -> None:
    text = document(**FULL)
    first = importer.import_text(journal, text)
    assert first.changed
    assert (first.proof_points_added, first.agenda_added, first.program_changed) == (1, 1, 3)
    before = exporter.export_document(journal, NOW)
    second = importer.import_text(journal, text)
    assert not second.changed, second
    assert (second.proof_points_skipped, second.agenda_skipped) == (1, 1)
    assert exporter.export_document(journal, NOW) == before
    assert before["audits"][0]["ties"] == [["p-1", "p-2"]]
    assert before["resilience"][0]["energy"] is None
    assert before["settings"]["my_emails"] == ["me@acme.example"]


def test_people_match_by_email_first_and_gain_the_files_addresses(journal: Journal) -> None:
    namesake = journal.people.add(Person(name="Ana Silva"))
    other = journal.people.add(Person(name="A. Silva (Acme)", emails=("ANA@acme.example",)))
    text = json.dumps(
        {
            "format": "cxjournal",
            "version": 2,
            "people": [
                {
                    "id": "p-1",
                    "name": "Ana Silva",
                    "emails": ["ana@acme.example", "ana@home.example"],
                },
            ],
            "notes": [{"person": "p-1", "on": "2026-02-01", "text": "x"}],
        }
    )
    summary = importer.import_text(journal, text)
    assert (summary.people_added, summary.people_matched, summary.emails_added) == (0, 1, 1)
    assert journal.notes.for_person(other.id or 0)[0].text == "x"
    assert journal.notes.for_person(namesake.id or 0) == []
    assert journal.people.get(other.id or 0).emails == ("ANA@acme.example", "ana@home.example")
    again = importer.import_text(journal, text)
    assert not again.changed


def test_without_a_matching_address_the_name_decides(journal: Journal) -> None:
    ana = journal.people.add(Person(name="ana silva", emails=("old@acme.example",)))
    summary = importer.import_text(journal, document())
    assert (summary.people_added, summary.people_matched) == (1, 1)  # Ben is new
    assert journal.people.get(ana.id or 0).emails == ("old@acme.example", "ana@acme.example")


def test_program_values_fill_blanks_and_replace_wins(journal: Journal) -> None:
    importer.import_text(journal, document())
    people = {p.name: p for p in journal.people.all()}
    ana, ben = people["Ana Silva"], people["Ben Ode"]
    chen = journal.people.add(Person(name="Chen"))
    with journal.session() as session:
        program_store.write_program(
            session,
            Program(
                why="Mine",
                plans=(
                    Plan(
                        PlanKind.VOC,
                        summary="my summary",
                        people=(PlanMember(chen, PlanRole.OWNER),),
                    ),
                ),
            ),
        )
    incoming = document(
        program={
            "why": "Theirs",
            "kpi": "FCR",
            "plans": [
                {
                    "kind": "voc",
                    "status": "at_risk",
                    "summary": "their summary",
                    "people": [
                        {"person": "p-ana", "role": "owner"},
                        {"person": "p-ben", "role": "sponsor"},
                    ],
                }
            ],
        }
    )
    importer.import_text(journal, incoming)
    with journal.session() as session:
        program = program_store.read_program(session, _people(journal))
    voc = program.plans[2]
    assert (program.why, program.kpi) == ("Mine", "FCR")  # kept; blank filled
    assert (voc.status, voc.summary) == (PlanStatus.AT_RISK, "my summary")
    assert [(m.person.name, m.role) for m in voc.people] == [
        ("Chen", PlanRole.OWNER),
        ("Ana Silva", PlanRole.CONTRIBUTOR),  # an owner already: joins as a contributor
        ("Ben Ode", PlanRole.SPONSOR),
    ]
    assert not importer.import_text(journal, incoming).changed
    importer.import_text(journal, incoming, replace=True)
    with journal.session() as session:
        program = program_store.read_program(session, _people(journal))
    voc = program.plans[2]
    assert (program.why, voc.summary) == ("Theirs", "their summary")
    assert [(m.person.id, m.role) for m in voc.people] == [
        (chen.id, PlanRole.CONTRIBUTOR),
        (ana.id, PlanRole.OWNER),
        (ben.id, PlanRole.SPONSOR),
    ]
    assert not importer.import_text(journal, incoming, replace=True).changed


def test_proof_points_and_talking_points_merge_by_content(journal: Journal) -> None:
    importer.import_text(journal, document(**FULL))
    more = dict(FULL)
    more["proof_points"] = [
        {
            **FULL["proof_points"][0],  # type: ignore[dict-item]
            "shared": [
                {"person": "p-ben", "on": "2026-03-02"},
                {"person": "p-ana", "on": "2026-03-05"},
            ],
        },
        {"on": "2026-03-01", "title": "Win", "value": 11},  # a different number: another point
    ]
    more["agenda"] = [
        {"person": "p-ben", "text": "Budget", "added_on": "2026-03-01", "done_on": "2026-03-04"}
    ]
    summary = importer.import_text(journal, document(**more))
    assert (summary.proof_points_added, summary.proof_points_skipped) == (1, 1)
    assert (summary.proof_shares_added, summary.agenda_updated) == (1, 1)
    people = _people(journal)
    with journal.session() as session:
        points = program_store.read_proof_points(session, people)
        agenda = agenda_store.read_agenda(session, people)
    assert [(p.value, len(p.shared)) for p in points] == [(10.0, 2), (11.0, 0)]
    assert [(a.text, a.done_on) for a in agenda] == [("Budget", dt.date(2026, 3, 4))]
    assert not importer.import_text(journal, document(**more)).changed


def test_an_open_file_item_does_not_reopen_a_done_one_unless_replacing(journal: Journal) -> None:
    importer.import_text(journal, document())
    ben = next(p for p in journal.people.all() if p.name == "Ben Ode")
    with journal.session() as session:
        agenda_store.save_agenda_item(
            session, AgendaItem(ben, "Budget", dt.date(2026, 3, 1), dt.date(2026, 3, 2))
        )
    open_item = document(agenda=[{"person": "p-ben", "text": "Budget", "added_on": "2026-03-01"}])
    assert not importer.import_text(journal, open_item).changed
    done_later = document(
        agenda=[
            {"person": "p-ben", "text": "Budget", "added_on": "2026-03-01", "done_on": "2026-03-09"}
        ]
    )
    assert not importer.import_text(journal, done_later).changed
    assert importer.import_text(journal, done_later, replace=True).agenda_updated == 1


def test_a_bad_v2_record_writes_nothing(journal: Journal) -> None:
    bad = dict(FULL)
    bad["agenda"] = [{"person": "p-zed", "text": "x", "added_on": "2026-03-01"}]
    with pytest.raises(ValidationError) as caught:
        importer.import_text(journal, document(**bad))
    assert caught.value.problems == ['agenda[0].person: "p-zed" names no person in the file']
    assert journal.people.all() == []
    assert exporter.export_document(journal, NOW)["proof_points"] == []
