"""The program view and the 1:1 preparation, on the shared scenario (program_scenario.py)."""

from __future__ import annotations

import json

from cxjournal.domain.model import PlanKind
from cxjournal.domain.program_view import (
    gaps_due,
    preparation,
    preparation_json,
    program_json,
    program_view,
    top_risks,
)
from cxjournal.domain.thresholds import Thresholds
from tests.program_scenario import (
    EXPECTED_GRID,
    EXPECTED_OPERATIONS_PEOPLE,
    EXPECTED_PREP,
    EXPECTED_RISKS,
    NOTES,
    PEOPLE,
    PROGRAM,
    PROOF_POINTS,
    D,
    without_messages,
)


def test_program_json_matches_the_spec_for_the_scenario() -> None:
    data = program_json(program_view(PROGRAM, PEOPLE, NOTES, D))
    json.dumps(data)  # serialisable as is
    assert data["on"] == "2026-06-15"
    assert (data["why"], data["kpi"]) == ("Customers stop waiting for refunds", "Refund time")
    assert [p["kind"] for p in data["plans"]] == [k.value for k in PlanKind]
    assert without_messages(data["risks"]) == EXPECTED_RISKS
    assert all(r["message"] for r in data["risks"])
    assert data["grid"] == EXPECTED_GRID
    assert data["thresholds"] == Thresholds().as_dict()
    operations = data["plans"][3]
    assert operations["owner"] == "Ana Silva"
    assert operations["status"] == "in_progress"
    assert operations["people"] == EXPECTED_OPERATIONS_PEOPLE
    training = data["plans"][5]
    assert (training["owner"], training["people"]) == (None, [])  # Eli is archived


def test_preparation_json_for_three_people() -> None:
    by_name = {p.name: p for p in PEOPLE}
    for name, expected in EXPECTED_PREP.items():
        person = by_name[name]
        notes = [n for n in NOTES if n.person_id == person.id]
        follow_ups = [f for n in notes for f in n.follow_ups if not f.done]
        prep = preparation(person, PROGRAM, notes, PROOF_POINTS, D)
        data = preparation_json(prep, follow_ups)
        assert {k: data[k] for k in expected} == expected, name


def test_preparation_carries_the_gap_and_format_risks_of_that_person() -> None:
    by_name = {p.name: p for p in PEOPLE}
    dana = preparation(by_name["Dana Reed"], PROGRAM, NOTES, PROOF_POINTS, D)
    assert dana.gap is not None and dana.format_risk is None
    fay = preparation(by_name["Fay Lund"], PROGRAM, NOTES, PROOF_POINTS, D)
    assert fay.format_risk is not None and fay.gap is None
    assert [r["code"] for r in preparation_json(fay)["risks"]] == ["format_not_working"]


def test_today_splits_gaps_from_the_other_risks() -> None:
    view = program_view(PROGRAM, PEOPLE, NOTES, D)
    assert [r.code.value for r in top_risks(view, 3)] == [
        "plan_without_owner",
        "owner_opposed",
        "no_supporter",
    ]
    assert [r.facts["person"].name for r in gaps_due(view)] == ["Dana Reed"]  # type: ignore[union-attr]
