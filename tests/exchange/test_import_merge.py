"""Writing imports from other tools into a real journal: all or nothing, merging, idempotent."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from cxjournal.domain.model import Note, NoteKind, Person, ResilienceEntry
from cxjournal.exchange import imports
from cxjournal.exchange.exporter import export_document
from cxjournal.exchange.imports import daylio
from cxjournal.exchange.imports.merge import apply
from cxjournal.journal import Journal

FIXTURES = Path(__file__).parent / "imports_fixtures"
TODAY = dt.date(2026, 3, 31)
DAYLIO_OPTIONS = daylio.DaylioOptions(
    moods={"focused": 8}, drains=frozenset({"escalations"}), restorers=frozenset({"walk"})
)


def plan_of(
    kind: str, name: str, options: daylio.DaylioOptions | None = None
) -> imports.ImportPlan:
    return imports.read(kind, (FIXTURES / name).read_bytes(), options)


def snapshot(journal: Journal) -> dict[str, object]:
    document = export_document(journal)
    document.pop("exported_at")
    return document


def test_contacts_become_people_and_notes(journal: Journal) -> None:
    report = apply(journal, plan_of("vcard", "contacts-3.0.vcf"), TODAY)
    assert report.written and not report.problems
    assert report.added == {"people": 3, "emails": 0, "notes": 1, "checkins": 0}
    people = {p.name: p for p in journal.people.all()}
    assert sorted(people) == ["Ana Silva", "Dr. Chidi Okafor", "Maja Lindqvist"]
    assert people["Ana Silva"].role == "VP Operations"
    (note,) = journal.notes.for_person(people["Ana Silva"].id or 0)
    assert (note.on, note.kind) == (TODAY, NoteKind.OTHER)
    assert note.text.startswith("Met at the CX summit in Lisbon")


def test_importing_the_same_file_again_changes_nothing(journal: Journal) -> None:
    for kind, name in (
        ("vcard", "contacts-3.0.vcf"),
        ("vcard", "contacts-2.1-qp.vcf"),
        ("contacts-csv", "outlook-contacts.csv"),
        ("contacts-csv", "google-contacts.csv"),
        ("jrnl", "jrnl.json"),
        ("dayone", "dayone-export.zip"),
    ):
        first = apply(journal, plan_of(kind, name), TODAY)
        assert any(first.added.values()), name
        before = snapshot(journal)
        # a day later, too: the contacts' notes are recognised by their text
        again = apply(journal, plan_of(kind, name), TODAY + dt.timedelta(days=1))
        assert not any(again.added.values()), (name, again.added)
        assert snapshot(journal) == before, name


def test_people_merge_by_name_case_insensitively_keeping_what_you_wrote(journal: Journal) -> None:
    mine = journal.people.add(Person(name="ana  SILVA", role="My own words", team="Ops"))
    report = apply(journal, plan_of("contacts-csv", "outlook-contacts.csv"), TODAY)
    assert report.merged == {"people": 1}
    assert report.added["people"] == 2
    (match,) = report.matches
    assert (match.name_in_file, match.person.id, match.by) == ("Ana Silva", mine.id, "name")
    assert report.outcomes[0] == match and report.outcomes[1] is None
    kept = journal.people.get(mine.id or 0)
    assert (kept.name, kept.role, kept.team) == ("ana  SILVA", "My own words", "Ops")
    assert len(journal.people.all()) == 3


def test_journals_become_notes_about_no_one(journal: Journal) -> None:
    report = apply(journal, plan_of("dayone", "dayone-export.zip"), TODAY)
    assert report.added["notes"] == 3 and report.skipped == {"media": 3}
    found = journal.search.query("APAC")
    assert found, "imported notes are in the full-text index"


def test_a_note_already_in_the_journal_is_skipped(journal: Journal) -> None:
    journal.notes.add(
        Note(on=dt.date(2024, 2, 28), text="Quiet day.", kind=NoteKind.WIN, person_id=None)
    )
    report = apply(journal, plan_of("jrnl", "jrnl.json"), TODAY)
    assert report.added["notes"] == 2 and report.skipped == {"notes": 1}


def test_dry_run_reports_and_writes_nothing(journal: Journal) -> None:
    journal.people.add(Person(name="Chidi Okafor"))
    before = snapshot(journal)
    report = apply(journal, plan_of("contacts-csv", "google-contacts.csv"), TODAY, dry_run=True)
    assert not report.written
    assert report.as_json() == {
        # Chidi in the journal has no address yet: he would get the file's two
        "added": {"people": 2, "emails": 2, "notes": 1, "checkins": 0},
        "merged": {"people": 1},
        "skipped": {},
        "problems": [],
    }
    assert snapshot(journal) == before


def test_a_file_with_problems_writes_nothing(journal: Journal) -> None:
    before = snapshot(journal)
    plan = plan_of("daylio", "daylio_export.csv")  # the custom mood has no value
    report = apply(journal, plan, TODAY)
    assert report.problems == plan.problems and not report.written
    assert not any(report.added.values())
    assert snapshot(journal) == before
    # a dry run still counts what the sound part of the file would bring
    dry = apply(journal, plan, TODAY, dry_run=True)
    assert dry.problems == plan.problems and dry.added["checkins"] == 3


def test_progress_is_reported(journal: Journal) -> None:
    seen: list[tuple[int, int, str]] = []
    apply(journal, plan_of("jrnl", "jrnl.json"), TODAY, progress=lambda *a: seen.append(a))
    assert seen[0][0] == 0 and seen[-1][0] == seen[-1][1]


# -- with the v2 fields: e-mail addresses and mood-only check-ins ------------------------------


def test_people_merge_by_email_first(journal: Journal) -> None:
    apply(journal, plan_of("vcard", "contacts-3.0.vcf"), TODAY)
    report = apply(journal, plan_of("contacts-csv", "google-contacts.csv"), TODAY)
    chidi = next(m for m in report.matches if m.name_in_file == "Chidi Okafor")
    assert (chidi.person.name, chidi.by) == ("Dr. Chidi Okafor", "e-mail")
    # the address the journal's person lacked is added; nothing else of theirs changes
    assert report.added["emails"] == 1
    person = journal.people.get(chidi.person.id or 0)
    assert person.emails == ("c.okafor@acme.example", "chidi@okafor.example")
    assert person.name == "Dr. Chidi Okafor"
    again = apply(journal, plan_of("contacts-csv", "google-contacts.csv"), TODAY)
    assert again.added == {"people": 0, "emails": 0, "notes": 0, "checkins": 0}


def test_an_address_another_person_has_is_not_copied(journal: Journal) -> None:
    journal.people.add(Person(name="Shared Inbox", emails=("team@acme.example",)))
    journal.people.add(Person(name="Mira Novak"))
    text = "Name,E-mail 1 - Value\nMira Novak,mira@acme.example\n"
    plan = imports.read("contacts-csv", text.encode())
    report = apply(journal, plan, TODAY)
    assert report.matches[0].by == "name" and report.added["emails"] == 1
    text = "Name,E-mail 1 - Value\nMira Novak,team@acme.example\n"
    report = apply(journal, imports.read("contacts-csv", text.encode()), TODAY)
    assert report.matches[0].person.name == "Shared Inbox"  # e-mail first


def test_daylio_becomes_mood_only_checkins(journal: Journal) -> None:
    journal.resilience.save(ResilienceEntry(dt.date(2024, 3, 1), 6, 4, 7))
    report = apply(journal, plan_of("daylio", "daylio_export.csv", DAYLIO_OPTIONS), TODAY)
    assert report.added["checkins"] == 3
    assert report.skipped == {"checkins": 1}  # the journal's own check-in stays
    assert journal.resilience.get(dt.date(2024, 3, 1)) == ResilienceEntry(
        dt.date(2024, 3, 1), 6, 4, 7, id=journal.resilience.get(dt.date(2024, 3, 1)).id
    )
    march_2 = journal.resilience.get(dt.date(2024, 3, 2))
    assert march_2 is not None
    assert (march_2.energy, march_2.stress, march_2.mood) == (None, None, 7)
    assert march_2.drains == ("escalations",) and march_2.restorers == ("walk",)
    assert march_2.tags == ("family",)
    before = snapshot(journal)
    again = apply(journal, plan_of("daylio", "daylio_export.csv", DAYLIO_OPTIONS), TODAY)
    assert not any(again.added.values()) and snapshot(journal) == before


def test_imported_mood_only_checkins_export_and_import_again(
    journal: Journal, tmp_path: Path
) -> None:
    from cxjournal.exchange.importer import import_document

    apply(journal, plan_of("daylio", "daylio_export.csv", DAYLIO_OPTIONS), TODAY)
    document = export_document(journal)
    march_2 = next(r for r in document["resilience"] if r["on"] == "2024-03-02")
    assert (march_2["energy"], march_2["stress"], march_2["mood"]) == (None, None, 7)
    assert march_2["tags"] == ["family"]
    from cxjournal.exchange.format_read import parse_data

    with Journal.open(tmp_path / "copy.db") as copy:
        import_document(copy, parse_data(document))
        assert [e.energy for e in copy.resilience.between()] == [None] * 4
        assert copy.resilience.get(dt.date(2024, 3, 2)) is not None
