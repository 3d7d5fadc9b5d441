"""Importing format v1 into a journal: all or nothing, merging by name, idempotent."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from typing import Any

import pytest
from sqlalchemy import text

from cxjournal.domain.errors import CxJournalError, ValidationError
from cxjournal.domain.model import (
    Audit,
    ExitStatus,
    Note,
    NoteGoal,
    NoteKind,
    Person,
    Rating,
    Relationship,
    ResilienceEntry,
)
from cxjournal.domain.thresholds import Thresholds
from cxjournal.exchange import importer
from cxjournal.exchange.format_read import parse
from cxjournal.exchange.importer import ImportConflictError, ImportSummary
from cxjournal.journal import Journal


def journal_content(journal: Journal) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (search index included), in stored order."""
    with journal.engine.connect() as conn:
        tables = [
            name
            for (name,) in conn.execute(
                text(
                    "SELECT name FROM sqlite_master WHERE type = 'table' "
                    "AND name NOT LIKE 'sqlite_%' ORDER BY name"
                )
            )
        ]
        return {
            name: [tuple(row) for row in conn.execute(text(f'SELECT * FROM "{name}"'))]
            for name in tables
        }


def document(**sections: Any) -> dict[str, Any]:
    return {"format": "cxjournal", "version": 1, **sections}


def example() -> dict[str, Any]:
    return document(
        people=[
            {
                "id": "p-ana",
                "name": "Ana Silva",
                "role": "VP Operations",
                "relationship": "superior",
                "team": "Ops",
                "cadence_days": 14,
                "preferred_format": "spreadsheet",
            },
            {"id": "p-ben", "name": "Ben Okafor", "team": "Digital"},
        ],
        audits=[
            {
                "id": "a-1",
                "taken_on": "2026-01-15",
                "note": "first",
                "ratings": [
                    {
                        "person": "p-ana",
                        "value": 8,
                        "irreplaceability": 7,
                        "my_value": 5,
                        "my_irreplaceability": 4,
                        "aspects": {"career_guidance": 6, "resource_access": 0},
                    },
                    {
                        "person": "p-ben",
                        "value": 3,
                        "irreplaceability": 2,
                        "my_value": 6,
                        "my_irreplaceability": 6,
                    },
                ],
            }
        ],
        notes=[
            {
                "id": "n-1",
                "person": "p-ana",
                "on": "2026-02-01",
                "kind": "one_on_one",
                "text": "Walked her through the churn story",
                "attitude": "supporter",
                "tags": ["roi", "ROI", "churn"],
                "follow_ups": [{"text": "  Send driver analysis ", "due": "2026-02-08"}],
            },
            {"id": "n-2", "person": None, "on": "2026-02-02", "kind": "win", "text": "A win"},
        ],
        resilience=[
            {"on": "2026-02-01", "energy": 6, "stress": 4, "mood": 7, "sleep_hours": 7.5},
            {"on": "2026-02-02", "energy": 5, "stress": 5, "mood": 5, "drains": ["email"]},
        ],
        exit_plan={"status": "paused", "items": [{"text": "Update CV", "done": True}]},
        settings={"thresholds": {"lean_gap": 2}, "theme": "dark"},
    )


def run(journal: Journal, data: dict[str, Any], **kwargs: Any) -> ImportSummary:
    return importer.import_text(journal, json.dumps(data), **kwargs)


# --- a first import ------------------------------------------------------------------


def test_import_into_an_empty_journal_writes_everything(journal: Journal) -> None:
    summary = run(journal, example())
    assert summary == ImportSummary(
        people_added=2,
        audits_added=1,
        notes_added=2,
        checkins_added=2,
        exit_items_added=1,
        exit_status_set=True,
        settings_written=1,
    )
    ana, ben = journal.people.all()
    assert (ben.name, ben.team, ben.relationship) == ("Ben Okafor", "Digital", Relationship.OTHER)
    assert (ana.name, ana.role, ana.relationship, ana.cadence_days) == (
        "Ana Silva",
        "VP Operations",
        Relationship.SUPERIOR,
        14,
    )
    audit = journal.audits.latest()
    assert audit is not None and audit.note == "first"
    assert [r.person.name for r in audit.ratings] == ["Ana Silva", "Ben Okafor"]
    assert audit.ratings[0].aspects.career_guidance == 6
    assert audit.ratings[0].aspects.resource_access == 0
    assert audit.ratings[0].aspects.emotional_support is None
    notes = journal.notes.for_person(ana.id or 0)
    assert notes[0].tags == ("roi", "churn")
    assert notes[0].follow_ups[0].text == "Send driver analysis"
    assert notes[0].follow_ups[0].due == dt.date(2026, 2, 8)
    assert [n.kind for n in journal.notes.recent()] == [NoteKind.WIN, NoteKind.ONE_ON_ONE]
    assert journal.resilience.get(dt.date(2026, 2, 2)).drains == ("email",)  # type: ignore[union-attr]
    plan = journal.exit_plan.get()
    assert plan.status is ExitStatus.PAUSED
    assert [(i.text, i.done) for i in plan.items] == [("Update CV", True)]
    assert journal.settings.thresholds() == Thresholds(lean_gap=2)
    assert journal.settings.get("theme") is None  # only content settings are imported
    assert journal.check() == []


def test_a_minimal_file_changes_nothing(journal: Journal) -> None:
    before = journal_content(journal)
    summary = run(journal, document())
    assert not summary.changed
    assert journal_content(journal) == before


def test_progress_is_reported_step_by_step(journal: Journal) -> None:
    seen: list[tuple[int, int, str]] = []
    run(journal, example(), progress=lambda done, total, what: seen.append((done, total, what)))
    done = [step for step, _, _ in seen]
    assert done == sorted(done) and done[0] == 0 and done[-1] == seen[-1][1]
    assert all(what for _, _, what in seen)


# --- idempotent re-import ------------------------------------------------------------


def test_importing_the_same_file_twice_changes_nothing(journal: Journal) -> None:
    run(journal, example())
    before = journal_content(journal)
    summary = run(journal, example())
    assert journal_content(journal) == before
    assert not summary.changed
    assert summary.people_matched == 2
    assert (summary.audits_skipped, summary.notes_skipped, summary.checkins_skipped) == (1, 2, 2)


def test_identical_records_in_a_file_are_each_imported_once(journal: Journal) -> None:
    data = example()
    data["audits"].append(dict(data["audits"][0], id="a-2"))
    data["notes"].append(dict(data["notes"][1], id="n-3"))
    assert run(journal, data).audits_added == 2
    assert len(journal.notes.recent()) == 3
    before = journal_content(journal)
    assert not run(journal, data).changed
    assert journal_content(journal) == before


def test_a_changed_note_or_audit_is_added_beside_the_old_one(journal: Journal) -> None:
    run(journal, example())
    data = example()
    data["notes"][0]["follow_ups"][0]["done"] = True
    data["audits"][0]["ratings"][1]["value"] = 4
    summary = run(journal, data)
    assert (summary.notes_added, summary.notes_skipped) == (1, 1)
    assert (summary.audits_added, summary.audits_skipped) == (1, 0)


# --- merging -----------------------------------------------------------------------------


def test_people_match_by_name_ignoring_case_and_spacing(journal: Journal) -> None:
    mine = journal.people.add(Person(name="ana  SILVA", role="my own words"))
    summary = run(journal, example())
    assert (summary.people_added, summary.people_matched) == (1, 1)
    people = journal.people.all()
    assert [p.name for p in people] == ["ana  SILVA", "Ben Okafor"]
    assert people[0].role == "my own words"  # the journal's person is reused as it is
    audit = journal.audits.latest()
    assert audit is not None and audit.ratings[0].person.id == mine.id
    assert journal.notes.for_person(mine.id or 0)[0].text.startswith("Walked")


def test_unicode_names_match_case_insensitively(journal: Journal) -> None:
    journal.people.add(Person(name="ÉMILE ZOLA"))
    data = document(people=[{"id": "p", "name": "émile zola"}])
    assert run(journal, data).people_matched == 1


def test_namesakes_match_one_to_one(journal: Journal) -> None:
    data = document(
        people=[{"id": "a", "name": "Alex Kim", "team": "one"}, {"id": "b", "name": "alex kim"}],
        audits=[
            {
                "taken_on": "2026-01-01",
                "ratings": [
                    {"person": p, "value": 5, "irreplaceability": 5, "my_value": 5,
                     "my_irreplaceability": 5}
                    for p in ("a", "b")
                ],
            }
        ],
    )  # fmt: skip
    assert run(journal, data).people_added == 2
    before = journal_content(journal)
    summary = run(journal, data)
    assert (summary.people_matched, summary.audits_skipped) == (2, 1)
    assert journal_content(journal) == before


def test_a_different_checkin_on_the_same_date_is_a_conflict(journal: Journal) -> None:
    journal.resilience.save(ResilienceEntry(dt.date(2026, 2, 1), 2, 9, 2, note="mine"))
    before = journal_content(journal)
    with pytest.raises(ImportConflictError) as caught:
        run(journal, example())
    assert caught.value.problems == [
        "resilience[0].on: 2026-02-01 already has a different check-in in this journal"
    ]
    assert journal_content(journal) == before


def test_replace_overwrites_conflicting_checkins(journal: Journal) -> None:
    journal.resilience.save(ResilienceEntry(dt.date(2026, 2, 1), 2, 9, 2, note="mine"))
    summary = run(journal, example(), replace=True)
    assert (summary.checkins_replaced, summary.checkins_added) == (1, 1)
    entry = journal.resilience.get(dt.date(2026, 2, 1))
    assert entry is not None and (entry.energy, entry.note, entry.sleep_hours) == (6, "", 7.5)
    before = journal_content(journal)
    assert not run(journal, example(), replace=True).changed
    assert journal_content(journal) == before


@pytest.mark.parametrize(
    ("goal", "same"), [("decision", True), ("awareness", False), (None, False)]
)
def test_a_note_is_skipped_only_when_every_field_is_the_same(
    journal: Journal, goal: str | None, same: bool
) -> None:
    """Every declared field of a note counts, the version 2 ones too."""
    kept = Note(dt.date(2026, 2, 1), "Board prep", NoteKind.MEETING, goal=NoteGoal.DECISION)
    journal.notes.add(kept)
    note = {"on": "2026-02-01", "text": "Board prep", "kind": "meeting", "goal": goal}
    summary = run(journal, {**document(notes=[note]), "version": 2})
    assert (summary.notes_skipped, summary.notes_added) == ((1, 0) if same else (0, 1))


@pytest.mark.parametrize(
    ("tags", "same"),
    [(["travel"], True), ([" travel ", "Travel"], True), (["travel", "workout"], False)],
)
def test_a_checkin_that_differs_in_any_field_is_a_conflict(
    journal: Journal, tags: list[str], same: bool
) -> None:
    """Every declared field counts, the version 2 tags too (spaces are tidied as stored)."""
    journal.resilience.save(ResilienceEntry(dt.date(2026, 2, 1), 6, 4, 7, tags=("travel",)))
    data = {
        **document(resilience=[{"on": "2026-02-01", "energy": 6, "stress": 4, "mood": 7}]),
        "version": 2,
    }
    data["resilience"][0]["tags"] = tags
    if same:
        assert run(journal, data).checkins_skipped == 1
        return
    with pytest.raises(ImportConflictError):
        run(journal, data)


def test_an_identical_checkin_is_skipped(journal: Journal) -> None:
    journal.resilience.save(ResilienceEntry(dt.date(2026, 2, 1), 6, 4, 7, 7.5))
    summary = run(journal, example())
    assert (summary.checkins_skipped, summary.checkins_added) == (1, 1)


def test_a_used_exit_plan_keeps_its_state_and_gains_new_items(journal: Journal) -> None:
    journal.exit_plan.start()
    start = journal.exit_plan.get()
    assert start.status is ExitStatus.ACTIVE
    data = example()
    del data["audits"]  # a new latest audit would move the plan on, as when saving one
    data["exit_plan"]["items"].append({"text": start.items[0].text.upper()})
    summary = run(journal, data)
    assert summary.exit_items_added == 1 and not summary.exit_status_set
    plan = journal.exit_plan.get()
    assert plan.status is ExitStatus.ACTIVE
    assert [i.text for i in plan.items] == [i.text for i in start.items] + ["Update CV"]
    assert not run(journal, data).changed


def test_a_new_latest_audit_without_the_flag_pauses_an_active_plan(journal: Journal) -> None:
    journal.exit_plan.start()
    run(journal, example())
    assert journal.exit_plan.get().status is ExitStatus.PAUSED


def test_without_a_plan_in_the_file_the_plan_follows_the_latest_audit(journal: Journal) -> None:
    data = example()
    del data["exit_plan"]
    data["audits"][0].update(blocking_superior=True, blocking_superior_person="p-ana")
    run(journal, data)
    plan = journal.exit_plan.get()
    assert plan.status is ExitStatus.ACTIVE and plan.items  # the template checklist
    latest = journal.audits.latest()
    assert latest is not None and latest.blocking_superior_person is not None
    assert latest.blocking_superior_person.name == "Ana Silva"


def test_a_blocker_without_the_flag_is_not_stored(journal: Journal) -> None:
    data = example()
    data["audits"][0]["blocking_superior_person"] = "p-ben"
    run(journal, data)
    latest = journal.audits.latest()
    assert latest is not None and latest.blocking_superior_person is None
    assert not run(journal, data).changed


def test_settings_the_journal_has_are_kept_unless_replacing(journal: Journal) -> None:
    journal.settings.set_thresholds(Thresholds(lean_gap=5))
    summary = run(journal, example())
    assert summary.settings_written == 0  # the journal's thresholds stay; theme is not content
    assert journal.settings.thresholds().lean_gap == 5
    run(journal, example(), replace=True)
    assert journal.settings.thresholds() == Thresholds(lean_gap=2)


def test_records_about_existing_journal_content_merge(journal: Journal) -> None:
    ana = journal.people.add(Person(name="Ana Silva"))
    journal.audits.save(Audit(dt.date(2025, 12, 1), (Rating(ana, 5, 5, 5, 5),)))
    journal.notes.add(Note(dt.date(2025, 12, 2), "old", person_id=ana.id))
    run(journal, example())
    assert journal.audits.count() == 2
    assert len(journal.notes.for_person(ana.id or 0)) == 2


# --- refusals: nothing written -----------------------------------------------------------


def test_a_bad_file_lists_every_problem_and_writes_nothing(journal: Journal) -> None:
    run(journal, example())
    before = journal_content(journal)
    data = example()
    data["people"].append({"id": "p-new", "name": "New Person"})
    data["audits"][0]["ratings"][0]["value"] = 11
    data["notes"][0]["person"] = "p-nobody"
    data["resilience"][1]["mood"] = "fine"
    with pytest.raises(ValidationError) as caught:
        run(journal, data)
    assert caught.value.problems == [
        "audits[0].ratings[0].value: 11 is not between 1 and 10",
        'notes[0].person: "p-nobody" names no person in the file',
        'resilience[1].mood: must be a whole number, not "fine"',
    ]
    assert journal_content(journal) == before


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        (b"{not json", "not valid JSON: line 1 column 2"),
        (b'{"format": "jrnl", "version": 1}', 'not a cxjournal file: format must be "cxjournal"'),
        (b'{"format": "cxjournal", "version": 3}', "version 3 is newer than this app"),
    ],
)
def test_whole_file_problems_are_one_line(journal: Journal, raw: bytes, problem: str) -> None:
    before = journal_content(journal)
    with pytest.raises(ValidationError) as caught:
        importer.import_text(journal, raw)
    assert len(caught.value.problems) == 1 and caught.value.problems[0].startswith(problem)
    assert journal_content(journal) == before


def test_a_row_the_database_refuses_rolls_everything_back(journal: Journal) -> None:
    run(journal, example())
    before = journal_content(journal)
    doc = parse(json.dumps(example()))
    broken = replace(doc.resilience[1], on=dt.date(2027, 1, 1), energy=11)  # beyond the checks
    doc = replace(doc, resilience=(doc.resilience[0], broken))
    with pytest.raises(CxJournalError, match="nothing was written"):
        importer.import_document(journal, doc)
    assert journal_content(journal) == before


def test_import_file_reads_bytes_from_disk(journal: Journal, tmp_path: Any) -> None:
    path = tmp_path / "in.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(example()).encode())
    assert importer.import_file(journal, path).people_added == 2


def test_summary_lines_say_what_happened() -> None:
    summary = ImportSummary(people_added=2, people_matched=1, exit_items_added=3)
    lines = summary.lines()
    assert lines[0] == "people: 2 added, 1 already in the journal"
    assert "exit plan: 3 checklist items added" in lines
    assert summary.changed and not ImportSummary(people_matched=4, notes_skipped=2).changed


@pytest.mark.parametrize(
    ("path", "value", "problem"),
    [
        (("people", 0, "name"), "\x00", "people[0].name: must not start with a NUL character"),
        (("people", 1, "name"), " \x00Ben", "people[1].name: must not start with a NUL character"),
        (
            ("notes", 0, "follow_ups", 0, "text"),
            "\x00 call",
            "notes[0].follow_ups[0].text: must not start with a NUL character",
        ),
        (
            ("exit_plan", "items", 0, "text"),
            "\x00",
            "exit_plan.items[0].text: must not start with a NUL character",
        ),
    ],
)
def test_text_the_journal_would_count_as_empty_is_refused_with_its_path(
    journal: Journal, path: tuple[Any, ...], value: str, problem: str
) -> None:
    data = example()
    target: Any = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    before = journal_content(journal)
    with pytest.raises(ValidationError) as caught:
        run(journal, data)
    assert caught.value.problems == [problem]
    assert journal_content(journal) == before


def test_a_nul_inside_a_name_is_kept(journal: Journal) -> None:
    data = document(people=[{"id": "p", "name": "Ana\x00Silva"}])
    run(journal, data)
    assert [p.name for p in journal.people.all()] == ["Ana\x00Silva"]
