"""What is written comes back the same, through real files, after reopening."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from cxjournal.domain.errors import ValidationError
from cxjournal.domain.model import (
    Aspects,
    Attitude,
    Audit,
    FollowUp,
    Note,
    NoteKind,
    Person,
    PreferredFormat,
    Rating,
    Relationship,
    ResilienceEntry,
)
from cxjournal.journal import Journal


def test_people_audits_notes_and_checkins_survive_reopening(journal_path: Path) -> None:
    ana = Person(
        name="  Ana Silva ",
        role="VP Operations",
        organisation="Acme",
        relationship=Relationship.SUPERIOR,
        team="Ops Excellence",
        function="Operations",
        product_unit="Retail",
        location="London HQ",
        key_stakeholder=True,
        cadence_days=14,
        information_needs="Monthly NPS drivers, one page",
        preferred_format=PreferredFormat.SPREADSHEET,
        motivations="Cost-to-serve targets — 日本語 🚀",
    )
    with Journal.open(journal_path) as journal:
        saved = journal.people.add(ana)
        rating = Rating(
            person=saved,
            value=8,
            irreplaceability=7,
            my_value=5,
            my_irreplaceability=4,
            aspects=Aspects(career_guidance=6, emotional_support=0, resource_access=9),
        )
        newcomer = Person(name="Bo Chen", team="Digital")
        audit = journal.audits.save(
            Audit(
                taken_on=dt.date(2026, 1, 15),
                ratings=(
                    rating,
                    Rating(
                        person=newcomer,
                        value=3,
                        irreplaceability=2,
                        my_value=6,
                        my_irreplaceability=5,
                    ),
                ),
                blocking_superior=True,
                blocking_superior_person=saved,
                note="Quarter one",
            )
        )
        note = journal.notes.add(
            Note(
                on=dt.date(2026, 2, 1),
                person_id=saved.id,
                kind=NoteKind.ONE_ON_ONE,
                text="Walked her through the churn story",
                attitude=Attitude.SUPPORTER,
                tags=("roi", " ROI ", "churn"),
                follow_ups=(FollowUp(text="Send driver analysis", due=dt.date(2026, 2, 8)),),
            )
        )
        journal.resilience.save(
            ResilienceEntry(
                on=dt.date(2026, 2, 1),
                energy=6,
                stress=4,
                mood=7,
                sleep_hours=7.5,
                drains=("escalations",),
                restorers=("morning run",),
            )
        )
    with Journal.open(journal_path) as journal:
        people = journal.people.all()
        assert [p.name for p in people] == ["Ana Silva", "Bo Chen"]
        assert people[0] == saved
        assert saved.motivations.endswith("🚀")
        again = journal.audits.get(audit.id or 0)
        assert again == audit
        assert again.ratings[0].aspects == Aspects(
            career_guidance=6, emotional_support=0, resource_access=9
        )
        assert again.blocking_superior_person == saved
        assert journal.audits.latest() == audit
        stored = journal.notes.for_person(saved.id or 0)
        assert stored == [note]
        assert note.tags == ("roi", "churn")
        assert journal.resilience.get(dt.date(2026, 2, 1)) is not None


def test_latest_audit_tie_goes_to_the_one_created_last(journal: Journal) -> None:
    first = journal.audits.save(Audit(taken_on=dt.date(2026, 3, 1), note="first"))
    second = journal.audits.save(Audit(taken_on=dt.date(2026, 3, 1), note="second"))
    journal.audits.save(Audit(taken_on=dt.date(2025, 12, 1), note="older"))
    latest = journal.audits.latest()
    assert latest is not None and latest.id == second.id
    previous = journal.audits.previous(second.id or 0)
    assert previous is not None and previous.id == first.id


def test_checkin_for_the_same_date_is_edited_not_duplicated(journal: Journal) -> None:
    day = dt.date(2026, 2, 1)
    journal.resilience.save(ResilienceEntry(on=day, energy=5, stress=5, mood=5))
    journal.resilience.save(ResilienceEntry(on=day, energy=8, stress=2, mood=9))
    entries = journal.resilience.between()
    assert [(e.on, e.energy) for e in entries] == [(day, 8)]


def test_a_failed_write_leaves_nothing_behind(journal: Journal) -> None:
    ana = journal.people.add(Person(name="Ana"))
    ok = Rating(person=ana, value=5, irreplaceability=5, my_value=5, my_irreplaceability=5)
    twice = Audit(taken_on=dt.date(2026, 1, 1), ratings=(ok, ok))
    with pytest.raises(ValidationError, match="already rated"):
        journal.audits.save(twice)
    assert journal.audits.summaries() == []
