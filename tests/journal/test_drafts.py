"""DraftOps: drafts kept in the journal, and the payloads of the three windows that keep them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from cxjournal.domain.model import (
    Aspects,
    Attitude,
    Audit,
    FollowUp,
    Note,
    NoteKind,
    Person,
    Rating,
)
from cxjournal.journal import Journal
from cxjournal.journal.drafts import (
    audit_from_payload,
    audit_payload,
    note_from_payload,
    note_payload,
)

WHEN = dt.datetime(2026, 12, 2, 3, 0, tzinfo=dt.UTC)


def test_save_load_discard_in_one_transaction_each(journal: Journal) -> None:
    from cxjournal.journal.drafts import DraftOps

    drafts = DraftOps(journal, clock=lambda: WHEN)
    assert drafts.load("note", "new") is None
    drafts.save("note", "new", {"text": "first"})
    drafts.save("note", "new", {"text": "second"})  # replaces
    drafts.save("prepare", "7", {"talking_points": "x"})
    assert drafts.load("note", "new") == {"text": "second"}
    assert sorted(drafts.keys()) == [("note", "new"), ("prepare", "7")]
    assert drafts.discard("note", "new") and not drafts.discard("note", "new")
    assert drafts.keys("note") == []


def test_drafts_are_encrypted_with_the_journal(tmp_path: Path) -> None:
    path = tmp_path / "j" / "journal.db"
    with Journal.open(path, "a long passphrase") as journal:
        journal.drafts.save("note", "new", {"text": "unmistakable draft words"})
    assert b"unmistakable" not in path.read_bytes()
    with Journal.open(path, "a long passphrase", create=False) as journal:
        assert journal.drafts.load("note", "new") == {"text": "unmistakable draft words"}


def test_a_note_round_trips() -> None:
    note = Note(
        dt.date(2026, 3, 4), "text", NoteKind.MEETING, 3, Attitude.SKEPTIC, ("a", "b"),
        (FollowUp("chase", dt.date(2026, 3, 9)), FollowUp("done one", None, True)), id=12,
    )  # fmt: skip
    assert note_from_payload(note_payload(note)) == note


def test_an_audit_round_trips_with_saved_and_new_people(journal: Journal) -> None:
    ana = journal.people.add(Person(name="Ana Silva", team="Ops"))
    new = Person(name="Ben New", team="Sales", location="Oslo")
    audit = Audit(
        dt.date(2026, 5, 1),
        (Rating(ana, 5, 6, 7, 8, Aspects(career_guidance=3)), Rating(new, 1, 2, 3, 4)),
        note="half done",
        blocking_superior=True,
        blocking_superior_person=ana,
    )
    again = audit_from_payload(audit_payload(audit), journal.people.get)
    assert again == audit


def test_an_audit_draft_keeps_its_ties_and_the_people_not_fully_rated(journal: Journal) -> None:
    from cxjournal.journal.drafts import UnratedRow, unrated_from_payload

    ana, ben, cy = (journal.people.add(Person(name=n)) for n in ("Ana", "Ben", "Cy"))
    audit = Audit(
        dt.date(2026, 12, 2),
        (Rating(ana, 5, 5, 5, 5), Rating(ben, 6, 6, 6, 6)),
        ties=((0, 1),),
        ties_recorded=True,
    )
    payload = audit_payload(audit, [UnratedRow(1, cy, {"value": 7, "irreplaceability": 0})])
    again = audit_from_payload(payload, journal.people.get)
    assert (again.ties, again.ties_recorded) == (((0, 1),), True)
    (row,) = unrated_from_payload(payload, journal.people.get)
    assert (row.at, row.person.id, row.values) == (1, cy.id, {"value": 7, "irreplaceability": 0})


def test_a_draft_set_aside_keeps_its_payload_and_time_under_a_new_key(journal: Journal) -> None:
    from cxjournal.journal.drafts import DraftOps

    drafts = DraftOps(journal, clock=lambda: WHEN)
    assert drafts.set_aside("note", "new") is None
    drafts.save("note", "new", {"text": "first"})
    aside = drafts.set_aside("note", "new")
    assert aside == "new@2026-12-02T03:00:00+00:00"
    drafts.save("note", "new", {"text": "second"})
    assert drafts.set_aside("note", "new") == aside + "+"  # never over another one
    (moved,) = [d for d in drafts.all() if d.key == aside]
    assert (moved.payload, moved.updated_at) == ({"text": "first"}, WHEN)
    assert drafts.load("note", "new") is None
