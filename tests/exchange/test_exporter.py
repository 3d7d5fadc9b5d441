"""Exporting the whole journal as format v1: complete, ordered, valid, written atomically."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from cxjournal.domain.model import (
    PLAN_KINDS,
    Aspects,
    Attitude,
    Audit,
    FollowUp,
    Note,
    NoteKind,
    Person,
    Rating,
    ResilienceEntry,
)
from cxjournal.domain.thresholds import Thresholds
from cxjournal.exchange import atomic, exporter
from cxjournal.exchange.format_read import parse
from cxjournal.journal import Journal

NOW = dt.datetime(2026, 11, 22, 18, 0, tzinfo=dt.UTC)


def fill(journal: Journal) -> dict[str, Person]:
    ana = journal.people.add(Person(name="Ana Silva", team="Ops", cadence_days=14))
    ben = journal.people.add(Person(name="Ben Okafor"))
    old = journal.people.set_archived(journal.people.add(Person(name="Old Boss")).id or 0, True)
    journal.audits.save(
        Audit(
            dt.date(2026, 4, 1),
            (Rating(ben, 3, 2, 6, 6), Rating(ana, 8, 7, 5, 4, Aspects(career_guidance=0))),
            note="second",
            blocking_superior=True,
            blocking_superior_person=old,
        )
    )
    journal.audits.save(Audit(dt.date(2026, 1, 15), (Rating(ana, 5, 5, 5, 5),), note="first"))
    journal.notes.add(Note(dt.date(2026, 3, 1), "later", person_id=ana.id, tags=("roi",)))
    journal.notes.add(
        Note(
            dt.date(2026, 2, 1),
            "earlier",
            NoteKind.MEETING,
            person_id=ben.id,
            attitude=Attitude.SKEPTIC,
            follow_ups=(FollowUp("Send deck", dt.date(2026, 2, 8)), FollowUp("Call back")),
        )
    )
    journal.notes.add(Note(dt.date(2026, 2, 1), "same day, added last", NoteKind.WIN))
    journal.resilience.save(ResilienceEntry(dt.date(2026, 2, 2), 5, 5, 5, None, ("email",)))
    journal.resilience.save(ResilienceEntry(dt.date(2026, 2, 1), 6, 4, 7, 7.5))
    journal.settings.set_thresholds(Thresholds(lean_gap=2))
    journal.settings.set("theme", {"name": "dark"})
    return {"ana": ana, "ben": ben, "old": old}


def test_an_empty_journal_exports_a_valid_empty_document(journal: Journal) -> None:
    out = exporter.export_document(journal, NOW)
    assert out["format"] == "cxjournal" and out["version"] == 2
    assert out["exported_at"] == "2026-11-22T18:00:00+00:00"
    assert (out["people"], out["audits"], out["notes"], out["resilience"]) == ([], [], [], [])
    assert out["exit_plan"] == {"status": "inactive", "items": []}
    assert out["settings"] == {"thresholds": Thresholds().as_dict()}
    assert (out["proof_points"], out["agenda"]) == ([], [])
    assert out["program"]["why"] == "" and out["program"]["kpi"] == ""
    assert [(p["kind"], p["status"], p["people"]) for p in out["program"]["plans"]] == [
        (kind.value, "not_started", []) for kind in PLAN_KINDS
    ]
    parse(json.dumps(out))


def test_export_holds_everything_in_a_stable_order(journal: Journal) -> None:
    people = fill(journal)
    out = exporter.export_document(journal, NOW)
    ids = {name: f"p-{p.id}" for name, p in people.items()}
    assert [p["name"] for p in out["people"]] == ["Ana Silva", "Ben Okafor", "Old Boss"]
    assert out["people"][2]["archived"] is True
    assert out["people"][0]["cadence_days"] == 14
    assert [a["note"] for a in out["audits"]] == ["first", "second"]
    second = out["audits"][1]
    assert second["blocking_superior_person"] == ids["old"]
    assert [r["person"] for r in second["ratings"]] == [ids["ben"], ids["ana"]]
    assert second["ratings"][1]["aspects"]["career_guidance"] == 0
    assert second["ratings"][1]["aspects"]["emotional_support"] is None
    assert [n["text"] for n in out["notes"]] == ["earlier", "same day, added last", "later"]
    assert out["notes"][0]["follow_ups"] == [
        {"text": "Send deck", "due": "2026-02-08", "done": False},
        {"text": "Call back", "due": None, "done": False},
    ]
    assert out["notes"][1]["person"] is None
    assert [r["on"] for r in out["resilience"]] == ["2026-02-01", "2026-02-02"]
    assert out["resilience"][1]["drains"] == ["email"]
    assert out["exit_plan"]["status"] == "active"  # the latest audit flags a blocker
    assert out["exit_plan"]["items"]
    assert out["settings"]["thresholds"]["lean_gap"] == 2
    assert out["settings"]["theme"] == {"name": "dark"}
    doc = parse(exporter.export_text(journal, NOW))
    assert len(doc.people) == 3 and len(doc.notes) == 3


def test_two_exports_differ_only_in_their_time(journal: Journal) -> None:
    fill(journal)
    first = exporter.export_text(journal, NOW)
    second = exporter.export_text(journal, NOW + dt.timedelta(hours=1))
    assert first != second
    assert first.replace("18:00:00", "19:00:00") == second


def test_export_without_a_time_uses_now_with_an_offset(journal: Journal) -> None:
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    stamp = dt.datetime.fromisoformat(exporter.export_document(journal)["exported_at"])
    after = dt.datetime.now(dt.UTC)
    assert stamp.tzinfo is not None
    assert before <= stamp <= after  # taken during the call, however long it took


def test_export_to_file_is_atomic_private_and_replaces(journal: Journal, tmp_path: Path) -> None:
    fill(journal)
    target = tmp_path / "exports" / "out.json"
    target.parent.mkdir()
    target.write_text("an older export")
    size = exporter.export_to_file(journal, target, NOW)
    assert target.stat().st_size == size
    assert target.stat().st_mode & 0o777 == 0o600
    assert parse(target.read_bytes()).people[0].person.name == "Ana Silva"
    assert [p.name for p in target.parent.iterdir()] == ["out.json"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old")
    with pytest.raises(RuntimeError), atomic.atomic_output(target) as handle:
        handle.write(b"half of the new")
        raise RuntimeError("disk full")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_writing_into_a_missing_folder_fails_cleanly(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        atomic.write_text(tmp_path / "missing" / "out.txt", "x")
    assert list(tmp_path.iterdir()) == []
