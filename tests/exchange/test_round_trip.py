"""Round trip through real journals: export, import into an empty journal, export again.

The two exports must be equal once ids are mapped (people by position, audits
and notes without their ids) and ``exported_at`` is left aside.
"""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path
from typing import Any

from cxjournal.domain.model import (
    PLAN_KINDS,
    AgendaItem,
    Aspects,
    Attitude,
    Audit,
    ExitItem,
    ExitPlan,
    ExitStatus,
    FollowUp,
    FormatUsed,
    Note,
    NoteGoal,
    NoteKind,
    NoteOutcome,
    Person,
    Plan,
    PlanKind,
    PlanMember,
    PlanRole,
    PlanStatus,
    PreferredFormat,
    Program,
    ProofPoint,
    ProofShare,
    Rating,
    Relationship,
    ResilienceEntry,
)
from cxjournal.domain.thresholds import Thresholds
from cxjournal.exchange import demo, exporter, importer
from cxjournal.exchange.format_write import dump, to_json_text
from cxjournal.journal import Journal

NOW = dt.datetime(2026, 11, 22, 18, 0, tzinfo=dt.UTC)
LONG_NOTE = ("Journey mapping with ops 🗺️; churn drivers; NPS ± 3; שלום; مرحبا.\n" * 2000)[:100_000]


def content_settings_only(document: dict[str, Any]) -> dict[str, Any]:
    """The document as an import takes it: of the settings, only the content ones (the
    thresholds); the others (backup retention, say) are the user's own and stay behind."""
    from cxjournal.journal.settings import CONTENT_SETTINGS

    data = copy.deepcopy(document)
    settings = data.get("settings") or {}
    data["settings"] = {k: v for k, v in settings.items() if k in CONTENT_SETTINGS}
    return data


def canonical(document: dict[str, Any]) -> dict[str, Any]:
    """The document with ids replaced by positions and without ``exported_at``."""
    data = copy.deepcopy(document)
    data.pop("exported_at", None)
    position = {p["id"]: f"person#{i}" for i, p in enumerate(data.get("people", []))}
    for p in data.get("people", []):
        p["id"] = position[p["id"]]
    for a in data.get("audits", []):
        a.pop("id", None)
        if a.get("blocking_superior_person") is not None:
            a["blocking_superior_person"] = position[a["blocking_superior_person"]]
        for r in a["ratings"]:
            r["person"] = position[r["person"]]
        a["ties"] = [[position[x] for x in pair] for pair in a.get("ties", [])]
    for n in data.get("notes", []):
        n.pop("id", None)
        if n.get("person") is not None:
            n["person"] = position[n["person"]]
    for plan in data.get("program", {}).get("plans", []):
        for member in plan["people"]:
            member["person"] = position[member["person"]]
    for point in data.get("proof_points", []):
        point.pop("id", None)
        for share in point["shared"]:
            share["person"] = position[share["person"]]
    for item in data.get("agenda", []):
        item.pop("id", None)
        item["person"] = position[item["person"]]
    return data


def round_trip(text: str, tmp_path: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """Import ``text`` into an empty journal and export; then once more. Both exports."""
    with Journal.open(tmp_path / "first" / "journal.db") as first:
        importer.import_text(first, text)
        one = exporter.export_document(first, NOW)
    with Journal.open(tmp_path / "second" / "journal.db") as second:
        importer.import_text(second, to_json_text(one))
        two = exporter.export_document(second, NOW + dt.timedelta(days=1))
    return one, two


def edge_case_document() -> dict[str, Any]:
    ana = Person(
        name="Ana Silva",
        id=1,
        role="VP Operations",
        relationship=Relationship.SUPERIOR,
        preferred_format=PreferredFormat.SPREADSHEET,
        cadence_days=366,
        key_stakeholder=True,
        emails=("ana@acme.example", "Ana.Silva@Home.example"),
        desired_attitude=Attitude.CHAMPION,
        desired_by=dt.date(2026, 6, 30),
        move_plan="Show her the cost-to-serve story 📉",
        power=5,
        interest=1,
    )
    rtl = Person(
        name="מרים כהן",
        id=2,
        team="צוות",
        location="تل أبيب",
        organisation="شركة",
        emails=("miriam@example.co.il",),
        power=1,
        interest=5,
        desired_attitude=Attitude.SUPPORTER,
    )
    emoji = Person(name="Kai 🌊 Nakamura", id=3, motivations="👍🏽 family-first 🇯🇵", archived=True)
    combining = Person(name="Zoe\u0308 Ǆ ß ǅ", id=4, role="Head of Digital\u200d", internal=False)
    empty = Person(name="x", id=5)
    null_aspects = Rating(rtl, 1, 10, 10, 1, Aspects())
    zero_aspects = Rating(ana, 10, 1, 1, 10, Aspects(0, 0, 0, 0, 0))
    return dump(
        people=[ana, rtl, emoji, combining, empty],
        audits=[
            Audit(
                dt.date(2026, 1, 15),
                (null_aspects, zero_aspects),
                "נ" * 50,
                ties=((0, 1),),
                ties_recorded=True,
            ),
            Audit(dt.date(2026, 2, 15)),  # no ratings at all
            # "none of them know each other", recorded
            Audit(dt.date(2026, 2, 20), (Rating(empty, 3, 3, 3, 3),), ties_recorded=True),
            Audit(dt.date(2026, 3, 15), (Rating(emoji, 5, 5, 5, 5),), "", True, combining),
        ],
        notes=[
            Note(dt.date(2026, 3, 1), LONG_NOTE, person_id=3),
            Note(dt.date(2026, 3, 2), "", NoteKind.OBSERVATION, tags=("😀", "العربية")),
            Note(
                dt.date(2026, 3, 2),
                "🚀" * 1000,
                NoteKind.CALL,
                person_id=2,
                attitude=Attitude.RESISTOR,
                follow_ups=(FollowUp("עוד", dt.date(2026, 3, 9), True), FollowUp("🙂")),
                goal=NoteGoal.DECISION,
                format_used=FormatUsed.CONVERSATION,
                outcome=NoteOutcome.NOT_YET,
            ),
            Note(
                dt.date(2026, 3, 3),
                "Sent the one-pager",
                NoteKind.EMAIL,
                person_id=1,
                goal=NoteGoal.AWARENESS,
                format_used=FormatUsed.INFOGRAPHIC,
                outcome=NoteOutcome.PARTLY,
            ),
        ],
        resilience=[
            ResilienceEntry(dt.date(2026, 2, 2), 1, 10, 1, None),
            ResilienceEntry(dt.date(2026, 2, 3), 10, 1, 10, 0.0, ("مرهق",), ("🏃",), "ok"),
            ResilienceEntry(dt.date(2026, 2, 4), 5, 5, 5, 24.0, tags=("workout", "travel ✈️")),
            ResilienceEntry(dt.date(2026, 2, 5), None, None, 3),  # mood-only, imported history
            ResilienceEntry(dt.date(2026, 2, 6), 4, None, 6, tags=("yoga",)),
        ],
        exit_plan=ExitPlan(
            ExitStatus.ACTIVE,
            (
                ExitItem("Talk to a mentor 🧭", True, dt.date(2026, 4, 1), 0),
                ExitItem("CV", position=1),
            ),
        ),
        thresholds=Thresholds(lean_gap=2, reach_share=0.75),
        settings={
            "theme": "dark",
            "nested": {"list": [1, "two", None]},
            "my_emails": ["me@acme.example", "me@home.example"],
        },
        exported_at=NOW,
        program=Program(
            why="Every customer gets an answer the first time 🎯",
            kpi="First-contact resolution",
            plans=tuple(
                Plan(
                    PlanKind.GOVERNANCE,
                    PlanStatus.AT_RISK,
                    "Board monthly",
                    "Book the Q2 board",
                    dt.date(2026, 4, 1),
                    (
                        PlanMember(ana, PlanRole.OWNER),
                        PlanMember(combining, PlanRole.SPONSOR),
                        PlanMember(rtl),
                    ),
                )
                if kind == PlanKind.GOVERNANCE
                else Plan(PlanKind.VOC, PlanStatus.DONE, people=(PlanMember(rtl, PlanRole.OWNER),))
                if kind == PlanKind.VOC
                else Plan(kind)
                for kind in PLAN_KINDS
            ),
        ),
        proof_points=[
            ProofPoint(
                dt.date(2026, 3, 10),
                "Repeat calls down",
                "repeat-call rate",
                12.5,
                9.25,
                "%",
                1_250_000.0,
                "EUR",
                "After the IVR fix 📞",
                (PlanKind.VOC, PlanKind.OPERATIONS),
                (ProofShare(ana, dt.date(2026, 3, 11)), ProofShare(rtl, dt.date(2026, 3, 12))),
            ),
            ProofPoint(dt.date(2026, 3, 20), "Tiny win", baseline=-1e300, result=0.0),
        ],
        agenda=[
            AgendaItem(ana, "Ask about the Q2 budget", dt.date(2026, 3, 1)),
            AgendaItem(rtl, "Thank her for the pilot 🙏", dt.date(2026, 3, 1), dt.date(2026, 3, 5)),
        ],
    )


def test_edge_cases_survive_a_round_trip(tmp_path: Path) -> None:
    original = edge_case_document()
    one, two = round_trip(to_json_text(original), tmp_path)
    assert canonical(two) == canonical(one)
    # nothing was lost on the way in, and no setting but the content ones came along
    assert canonical(one) == canonical(content_settings_only(original))
    assert set(one["settings"]) == {"thresholds", "my_emails"}
    long_note = next(n for n in two["notes"] if len(n["text"]) >= 100_000)
    assert long_note["text"] == LONG_NOTE
    assert two["people"][3]["name"] == "Zoe\u0308 Ǆ ß ǅ"
    # every version 2 key is there, set, and came back as written
    assert two["version"] == 2
    assert two["people"][0]["emails"] == ["ana@acme.example", "Ana.Silva@Home.example"]
    assert two["people"][0]["power"] == 5 and two["people"][0]["interest"] == 1
    assert [a["ties_recorded"] for a in two["audits"]] == [True, False, True, False]
    assert [len(a["ties"]) for a in two["audits"]] == [1, 0, 0, 0]
    assert [r["energy"] for r in two["resilience"]] == [1, 10, 5, None, 4]
    assert two["program"]["plans"][0]["people"][0]["role"] == "owner"
    assert two["proof_points"][0]["value"] == 1_250_000.0
    assert two["proof_points"][1]["baseline"] == -1e300
    assert [i["done_on"] for i in two["agenda"]] == [None, "2026-03-05"]
    assert two["settings"]["my_emails"] == ["me@acme.example", "me@home.example"]


def test_an_empty_journal_round_trips(tmp_path: Path) -> None:
    empty = to_json_text(dump(exported_at=NOW))
    one, two = round_trip(empty, tmp_path)
    assert canonical(one) == canonical(two)
    assert one["people"] == [] and one["notes"] == []


def test_a_journal_written_through_the_app_round_trips(journal: Journal, tmp_path: Path) -> None:
    from tests.exchange.test_exporter import fill

    fill(journal)
    start = exporter.export_document(journal, NOW)
    one, two = round_trip(to_json_text(start), tmp_path)
    assert canonical(one) == canonical(content_settings_only(start))
    assert canonical(two) == canonical(one)


def test_the_demo_journal_round_trips(tmp_path: Path) -> None:
    generated = demo.generate(years=2, seed=7, today=dt.date(2026, 11, 22))
    one, two = round_trip(to_json_text(generated), tmp_path)
    assert canonical(two) == canonical(one)
    assert len(one["people"]) == len(generated["people"])
    assert len(one["notes"]) == len(generated["notes"])
    assert len(one["resilience"]) == len(generated["resilience"])
