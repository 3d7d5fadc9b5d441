"""Exchange format v1: every rule of spec/journal-format.md, the writer and the round trip."""

from __future__ import annotations

import copy
import datetime as dt
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from cxjournal.domain.errors import ValidationError
from cxjournal.domain.model import (
    Aspects,
    Attitude,
    Audit,
    ExitItem,
    ExitPlan,
    ExitStatus,
    FollowUp,
    Note,
    NoteKind,
    Person,
    PreferredFormat,
    Rating,
    Relationship,
    ResilienceEntry,
)
from cxjournal.domain.thresholds import Thresholds
from cxjournal.exchange.format_read import Document, parse, parse_data
from cxjournal.exchange.format_write import dump, to_json_text


def spec_example() -> dict[str, Any]:
    """The example document of spec/journal-format.md."""
    return {
        "format": "cxjournal",
        "version": 1,
        "exported_at": "2026-11-22T18:00:00+00:00",
        "people": [
            {
                "id": "p-ana",
                "name": "Ana Silva",
                "role": "VP Operations",
                "organisation": "Acme",
                "internal": True,
                "relationship": "superior",
                "team": "Ops Excellence",
                "function": "Operations",
                "product_unit": "Retail",
                "location": "London HQ",
                "key_stakeholder": True,
                "cx_board": False,
                "cadence_days": 14,
                "information_needs": "Monthly NPS drivers, one page",
                "preferred_format": "spreadsheet",
                "motivations": "Cost-to-serve targets",
                "archived": False,
            },
            {"id": "p-ben", "name": "Ben Okafor"},
        ],
        "audits": [
            {
                "id": "a-2026q1",
                "taken_on": "2026-01-15",
                "note": "",
                "blocking_superior": False,
                "blocking_superior_person": None,
                "ratings": [
                    {
                        "person": "p-ana",
                        "value": 8,
                        "irreplaceability": 7,
                        "my_value": 5,
                        "my_irreplaceability": 4,
                        "aspects": {
                            "career_guidance": 6,
                            "emotional_support": 2,
                            "daily_assistance": 5,
                            "information_sharing": 8,
                            "resource_access": 9,
                        },
                    }
                ],
            }
        ],
        "notes": [
            {
                "id": "n-1",
                "person": "p-ana",
                "on": "2026-02-01",
                "kind": "one_on_one",
                "text": "Walked her through the churn story",
                "attitude": "supporter",
                "tags": ["roi"],
                "follow_ups": [
                    {"text": "Send driver analysis", "due": "2026-02-08", "done": False}
                ],
            }
        ],
        "resilience": [
            {
                "on": "2026-02-01",
                "energy": 6,
                "stress": 4,
                "mood": 7,
                "sleep_hours": 7.5,
                "drains": ["escalations"],
                "restorers": ["morning run"],
                "note": "",
            }
        ],
        "exit_plan": {
            "status": "inactive",
            "items": [{"text": "Talk", "done": False, "due": None}],
        },
        "settings": {"thresholds": {"reach_share": 0.8}},
    }


def problems_of(data: Any) -> list[str]:
    text = data if isinstance(data, str | bytes) else json.dumps(data, ensure_ascii=False)
    with pytest.raises(ValidationError) as caught:
        parse(text)
    return caught.value.problems


def mutated(path: str, value: Any) -> dict[str, Any]:
    """The spec example with the value at a dotted path (``audits.0.ratings.0.value``) set."""
    data = spec_example()
    *parents, last = path.split(".")
    target: Any = data
    for key in parents:
        target = target[int(key)] if isinstance(target, list) else target[key]
    if isinstance(target, list):
        target[int(last)] = value
    elif value is _DELETE:
        del target[last]
    else:
        target[last] = value
    return data


_DELETE = object()


# --- the valid document ---------------------------------------------------


def test_spec_example_parses_into_domain_objects() -> None:
    doc = parse(json.dumps(spec_example()))
    ana = doc.people[0].person
    assert doc.people[0].file_id == "p-ana"
    assert ana.name == "Ana Silva" and ana.id is None
    assert ana.relationship is Relationship.SUPERIOR
    assert ana.preferred_format is PreferredFormat.SPREADSHEET
    assert ana.cadence_days == 14 and ana.key_stakeholder and not ana.cx_board
    ben = doc.people[1].person
    assert (ben.relationship, ben.internal, ben.preferred_format) == (
        Relationship.OTHER,
        True,
        None,
    )
    audit = doc.audits[0]
    assert audit.file_id == "a-2026q1"
    assert audit.audit.taken_on == dt.date(2026, 1, 15)
    assert audit.audit.ratings[0].person is ana
    assert audit.rating_person_file_ids == ("p-ana",)
    assert audit.audit.ratings[0].aspects == Aspects(6, 2, 5, 8, 9)
    note = doc.notes[0]
    assert note.person_file_id == "p-ana" and note.note.person_id is None
    assert note.note.attitude is Attitude.SUPPORTER and note.note.tags == ("roi",)
    assert note.note.follow_ups == (FollowUp("Send driver analysis", dt.date(2026, 2, 8)),)
    assert doc.resilience[0].sleep_hours == 7.5
    assert doc.exit_plan == ExitPlan(ExitStatus.INACTIVE, (ExitItem("Talk", position=0),))
    assert doc.thresholds == Thresholds(reach_share=0.8)
    assert doc.settings == {"thresholds": {"reach_share": 0.8}}
    assert doc.exported_at == dt.datetime(2026, 11, 22, 18, tzinfo=dt.UTC)


def test_minimal_document_has_empty_lists_and_no_settings() -> None:
    doc = parse('{"format": "cxjournal", "version": 1}')
    assert doc == Document(version=1)
    assert parse('{"format": "cxjournal", "version": 2}') == Document()
    assert doc.thresholds is None and doc.exit_plan is None and doc.exported_at is None


def test_bytes_with_bom_and_unknown_keys_are_accepted() -> None:
    data = spec_example()
    data["future_section"] = [1, 2]
    data["people"][0]["shoe_size"] = 44
    doc = parse(b"\xef\xbb\xbf" + json.dumps(data).encode())
    assert doc.people[0].person.name == "Ana Silva"


def test_null_optional_fields_take_their_defaults() -> None:
    data = spec_example()
    data["people"][1].update(
        role=None, internal=None, relationship=None, cadence_days=None, preferred_format=""
    )
    data["notes"][0].update(kind=None, attitude=None, tags=None, follow_ups=None)
    data["audits"][0]["ratings"][0]["aspects"] = None
    data["exit_plan"] = None
    data["settings"] = None
    data["notes"].append({"on": "2026-03-01", "person": None})
    doc = parse(json.dumps(data))
    ben = doc.people[1].person
    assert (ben.role, ben.internal, ben.relationship) == ("", True, Relationship.OTHER)
    assert ben.cadence_days is None and ben.preferred_format is None
    assert doc.notes[0].note.kind is NoteKind.OTHER and doc.notes[0].note.tags == ()
    assert doc.notes[1].person_file_id is None and doc.notes[1].note.text == ""
    assert doc.audits[0].audit.ratings[0].aspects == Aspects()
    assert doc.exit_plan is None and doc.thresholds is None


def test_missing_aspect_is_null_and_zero_is_kept() -> None:
    data = mutated("audits.0.ratings.0.aspects", {"career_guidance": 0, "resource_access": None})
    aspects = parse(json.dumps(data)).audits[0].audit.ratings[0].aspects
    assert aspects == Aspects(career_guidance=0)


def test_names_are_trimmed_and_may_be_200_characters() -> None:
    data = mutated("people.1.name", "  " + "é" * 200 + "\t")
    assert parse(json.dumps(data)).people[1].person.name == "é" * 200


def test_blocking_superior_need_not_be_rated() -> None:
    data = spec_example()
    data["audits"][0].update(blocking_superior=True, blocking_superior_person="p-ben")
    audit = parse(json.dumps(data)).audits[0]
    assert audit.audit.blocking_superior
    assert audit.blocking_person_file_id == "p-ben"
    assert audit.audit.blocking_superior_person is not None
    assert audit.audit.blocking_superior_person.name == "Ben Okafor"


def _rating(doc: Document) -> Any:
    return doc.audits[0].audit.ratings[0]


def _instant(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


@pytest.mark.parametrize(
    ("path", "value", "read", "expected"),
    [
        ("people.0.cadence_days", 1, lambda d: d.people[0].person.cadence_days, 1),
        ("people.0.cadence_days", 366, lambda d: d.people[0].person.cadence_days, 366),
        ("resilience.0.sleep_hours", 0, lambda d: d.resilience[0].sleep_hours, 0.0),
        ("resilience.0.sleep_hours", 24, lambda d: d.resilience[0].sleep_hours, 24.0),
        ("resilience.0.energy", 1, lambda d: d.resilience[0].energy, 1),
        ("resilience.0.stress", 10, lambda d: d.resilience[0].stress, 10),
        ("audits.0.ratings.0.value", 10, lambda d: _rating(d).value, 10),
        (
            "audits.0.ratings.0.aspects.daily_assistance",
            10,
            lambda d: _rating(d).aspects.daily_assistance,
            10,
        ),
        (
            "exported_at",
            "2026-11-22T18:00:00Z",
            lambda d: d.exported_at,
            _instant("2026-11-22T18:00:00Z"),
        ),
        (
            "exported_at",
            "2026-11-22T19:30:00.123+01:30",
            lambda d: d.exported_at,
            _instant("2026-11-22T19:30:00.123+01:30"),
        ),
        ("notes.0.follow_ups.0.due", None, lambda d: d.notes[0].note.follow_ups[0].due, None),
        ("notes.0.kind", "win", lambda d: d.notes[0].note.kind.value, "win"),
        ("exit_plan.status", "paused", lambda d: d.exit_plan.status.value, "paused"),
    ],
)
def test_edge_values_are_accepted(path: str, value: Any, read: Any, expected: Any) -> None:
    """A value at the edge of its range is read as given, not refused nor clamped."""
    assert read(parse(json.dumps(mutated(path, value)))) == expected


def test_sleep_hours_integer_becomes_float() -> None:
    entry = parse(json.dumps(mutated("resilience.0.sleep_hours", 7))).resilience[0]
    assert entry.sleep_hours == 7.0 and isinstance(entry.sleep_hours, float)


# --- one-line refusals ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "not valid JSON: line 1 column 1: Expecting value"),
        ('{"format": "cxjournal",\n "version": 1,\n', "not valid JSON: line 3 column 1: "),
        ("[1, 2]", "not a cxjournal file: the top level must be a JSON object"),
        ('{"version": 1}', 'not a cxjournal file: format must be "cxjournal"'),
        ('{"format": "jrnl", "version": 1}', 'not a cxjournal file: format must be "cxjournal"'),
        ('{"format": "cxjournal"}', "not a cxjournal file: version is missing"),
        (
            '{"format": "cxjournal", "version": 3}',
            "version 3 is newer than this app understands (2)",
        ),
        (
            '{"format": "cxjournal", "version": "1"}',
            "not a cxjournal file: version must be a whole",
        ),
        (
            '{"format": "cxjournal", "version": true}',
            "not a cxjournal file: version must be a whole",
        ),
        (
            '{"format": "cxjournal", "version": 1.0}',
            "not a cxjournal file: version must be a whole",
        ),
        ('{"format": "cxjournal", "version": 0}', "not a cxjournal file: version 0 does not exist"),
        ('{"format": "cxjournal", "version": 1, "x": NaN}', "not valid JSON: NaN is not"),
        ("[" * 200_000, "not valid JSON: nested too deeply"),
        (b"\xff\xfe{}", "not valid UTF-8: byte 0 cannot be decoded"),
    ],
)
def test_whole_file_problems_are_one_line(text: str | bytes, problem: str) -> None:
    problems = problems_of(text)
    assert len(problems) == 1
    assert problems[0].startswith(problem)
    assert "\n" not in problems[0]


def test_newer_version_is_refused_before_any_content_check() -> None:
    data = spec_example()
    data["version"] = 7
    data["people"][0]["name"] = ""
    assert problems_of(data) == ["version 7 is newer than this app understands (2)"]


# --- field rules: each problem names its JSON path -------------------------


@pytest.mark.parametrize(
    ("path", "value", "problem"),
    [
        ("people.0.name", "   ", "people[0].name: must be 1-200 characters after trimming"),
        ("people.0.name", "x" * 201, "people[0].name: must be 1-200 characters after trimming"),
        ("people.0.name", _DELETE, "people[0].name: is required"),
        ("people.0.name", None, "people[0].name: must not be null"),
        ("people.0.name", ["Ana"], "people[0].name: must be a string, not a list"),
        ("people.0.id", _DELETE, "people[0].id: is required"),
        ("people.0.id", 3, "people[0].id: must be a non-empty string, not 3"),
        ("people.1.id", "p-ana", 'people[1].id: "p-ana" is used twice'),
        ("people.0.role", 5, "people[0].role: must be a string, not 5"),
        ("people.0.internal", "yes", 'people[0].internal: must be true or false, not "yes"'),
        ("people.0.internal", 1, "people[0].internal: must be true or false, not 1"),
        (
            "people.0.relationship",
            "boss",
            'people[0].relationship: "boss" is not one of superior, peer, report, external, other',
        ),
        ("people.0.cadence_days", 0, "people[0].cadence_days: 0 is not between 1 and 366"),
        ("people.0.cadence_days", 367, "people[0].cadence_days: 367 is not between 1 and 366"),
        ("people.0.cadence_days", "14", 'people[0].cadence_days: must be a whole number, not "14"'),
        ("people.0.cadence_days", True, "people[0].cadence_days: must be a whole number, not true"),
        ("people.0.cadence_days", 14.0, "people[0].cadence_days: must be a whole number, not 14.0"),
        ("people.0.preferred_format", "pdf", 'people[0].preferred_format: "pdf" is not one of'),
        ("people.0.archived", "false", "people[0].archived: must be true or false"),
        ("audits.0.id", "", 'audits[0].id: must be a non-empty string, not ""'),
        ("audits.0.taken_on", _DELETE, "audits[0].taken_on: is required"),
        ("audits.0.taken_on", "2026-02-30", 'audits[0].taken_on: "2026-02-30" is not a real date'),
        ("audits.0.taken_on", "2026-2-3", "audits[0].taken_on: must be a date written YYYY-MM-DD"),
        ("audits.0.taken_on", "20260203", "audits[0].taken_on: must be a date written YYYY-MM-DD"),
        ("audits.0.taken_on", 20260203, "audits[0].taken_on: must be a date written YYYY-MM-DD"),
        ("audits.0.blocking_superior", "no", "audits[0].blocking_superior: must be true or false"),
        (
            "audits.0.blocking_superior_person",
            "p-zed",
            'audits[0].blocking_superior_person: "p-zed" names no person in the file',
        ),
        ("audits.0.ratings", {}, "audits[0].ratings: must be a list, not an object"),
        ("audits.0.ratings.0", "p-ana", 'audits[0].ratings[0]: must be an object, not "p-ana"'),
        ("audits.0.ratings.0.value", 11, "audits[0].ratings[0].value: 11 is not between 1 and 10"),
        ("audits.0.ratings.0.value", 0, "audits[0].ratings[0].value: 0 is not between 1 and 10"),
        ("audits.0.ratings.0.my_value", _DELETE, "audits[0].ratings[0].my_value: is required"),
        (
            "audits.0.ratings.0.irreplaceability",
            7.5,
            "audits[0].ratings[0].irreplaceability: must be a whole number, not 7.5",
        ),
        (
            "audits.0.ratings.0.my_irreplaceability",
            None,
            "audits[0].ratings[0].my_irreplaceability: must not be null",
        ),
        (
            "audits.0.ratings.0.aspects.emotional_support",
            11,
            "audits[0].ratings[0].aspects.emotional_support: 11 is not between 0 and 10",
        ),
        (
            "audits.0.ratings.0.aspects.career_guidance",
            -1,
            "audits[0].ratings[0].aspects.career_guidance: -1 is not between 0 and 10",
        ),
        ("audits.0.ratings.0.aspects", [1, 2], "audits[0].ratings[0].aspects: must be an object"),
        ("audits.0.ratings.0.person", "p-x", 'audits[0].ratings[0].person: "p-x" names no person'),
        ("audits.0.ratings.0.person", _DELETE, "audits[0].ratings[0].person: is required"),
        ("notes.0.person", "p-x", 'notes[0].person: "p-x" names no person in the file'),
        ("notes.0.person", 1, "notes[0].person: must be a person id (a string), not 1"),
        ("notes.0.on", _DELETE, "notes[0].on: is required"),
        ("notes.0.kind", "lunch", 'notes[0].kind: "lunch" is not one of one_on_one, meeting'),
        ("notes.0.attitude", "fan", 'notes[0].attitude: "fan" is not one of champion, supporter'),
        ("notes.0.tags", "roi", 'notes[0].tags: must be a list of strings, not "roi"'),
        ("notes.0.tags", ["roi", 3], "notes[0].tags[1]: must be a string, not 3"),
        ("notes.0.tags", ["roi", " "], "notes[0].tags[1]: must not be empty"),
        ("notes.0.text", {"a": 1}, "notes[0].text: must be a string, not an object"),
        ("notes.0.follow_ups.0.text", "", "notes[0].follow_ups[0].text: must not be empty"),
        ("notes.0.follow_ups.0.due", "soon", "notes[0].follow_ups[0].due: must be a date written"),
        ("notes.0.follow_ups.0.done", "no", "notes[0].follow_ups[0].done: must be true or false"),
        ("resilience.0.energy", 0, "resilience[0].energy: 0 is not between 1 and 10"),
        ("resilience.0.stress", 11, "resilience[0].stress: 11 is not between 1 and 10"),
        ("resilience.0.mood", _DELETE, "resilience[0].mood: is required"),
        (
            "resilience.0.sleep_hours",
            24.5,
            "resilience[0].sleep_hours: 24.5 is not between 0 and 24",
        ),
        ("resilience.0.sleep_hours", -1, "resilience[0].sleep_hours: -1 is not between 0 and 24"),
        ("resilience.0.sleep_hours", "7", 'resilience[0].sleep_hours: must be a number, not "7"'),
        (
            "resilience.0.drains",
            "work",
            'resilience[0].drains: must be a list of strings, not "work"',
        ),
        (
            "resilience.0.restorers",
            [None],
            "resilience[0].restorers[0]: must be a string, not null",
        ),
        ("exit_plan.status", "halted", 'exit_plan.status: "halted" is not one of inactive, active'),
        ("exit_plan.items.0.text", 4, "exit_plan.items[0].text: must be a string, not 4"),
        (
            "exit_plan.items.0.due",
            "2026-13-01",
            'exit_plan.items[0].due: "2026-13-01" is not a real',
        ),
        ("exit_plan", [], "exit_plan: must be an object, not a list"),
        ("settings", "dark", 'settings: must be an object, not "dark"'),
        ("settings.thresholds", 0.8, "settings.thresholds: must be an object, not 0.8"),
        (
            "settings.thresholds.lean_gap",
            -1,
            "settings.thresholds.lean_gap: -1 must not be negative",
        ),
        ("people", {"id": "p"}, "people: must be a list, not an object"),
        ("notes", "none", 'notes: must be a list, not "none"'),
        ("exported_at", "2026-11-22T18:00:00", "exported_at: must be an ISO 8601 date and time"),
        ("exported_at", "2026-11-22", "exported_at: must be an ISO 8601 date and time"),
        ("exported_at", "yesterday", "exported_at: must be an ISO 8601 date and time"),
    ],
)
def test_each_rule_names_its_path(path: str, value: Any, problem: str) -> None:
    problems = problems_of(mutated(path, value))
    assert any(p.startswith(problem) for p in problems), problems


def test_at_most_ten_ratings_one_per_person() -> None:
    data = spec_example()
    data["people"] = [{"id": f"p{i}", "name": f"Person {i}"} for i in range(12)]
    data["notes"] = []
    rating = {"value": 5, "irreplaceability": 5, "my_value": 5, "my_irreplaceability": 5}
    data["audits"][0]["ratings"] = [dict(rating, person=f"p{i}") for i in range(10)]
    assert len(parse(json.dumps(data)).audits[0].audit.ratings) == 10
    data["audits"][0]["ratings"].append(dict(rating, person="p10"))
    assert problems_of(data) == ["audits[0].ratings: 11 ratings; at most 10 are allowed"]
    data["audits"][0]["ratings"][10]["person"] = "p3"
    problems = problems_of(data)
    assert 'audits[0].ratings[10].person: "p3" is rated twice in this audit (also ' in problems[1]


def test_one_resilience_entry_per_date() -> None:
    data = spec_example()
    data["resilience"].append(dict(data["resilience"][0], energy=3))
    assert problems_of(data) == [
        "resilience[1].on: 2026-02-01 already has an entry (resilience[0])"
    ]


def test_duplicate_note_and_audit_ids_are_refused() -> None:
    data = spec_example()
    data["notes"].append(dict(data["notes"][0]))
    data["audits"].append(dict(data["audits"][0]))
    assert problems_of(data) == [
        'audits[1].id: "a-2026q1" is used twice',
        'notes[1].id: "n-1" is used twice',
    ]


def test_lone_surrogate_in_text_is_refused() -> None:
    text = json.dumps(spec_example()).replace("Walked her", "Walked \\ud800 her")
    assert problems_of(text) == [
        "notes[0].text: contains a character that is not valid Unicode (a lone surrogate)"
    ]


def test_every_problem_is_listed_at_once() -> None:
    data = spec_example()
    data["people"][0]["name"] = ""
    data["people"][1]["cadence_days"] = 0
    data["audits"][0]["ratings"][0]["value"] = 11
    data["audits"][0]["ratings"][0]["my_value"] = "high"
    data["notes"][0]["person"] = "p-x"
    data["notes"][0]["on"] = "2026-02-29"
    data["resilience"][0]["mood"] = 12
    data["exit_plan"]["status"] = "gone"
    data["settings"]["thresholds"]["reach_share"] = "most"
    problems = problems_of(data)
    assert [p.split(":")[0] for p in problems] == [
        "people[0].name",
        "people[1].cadence_days",
        "audits[0].ratings[0].value",
        "audits[0].ratings[0].my_value",
        "notes[0].person",
        "notes[0].on",
        "resilience[0].mood",
        "exit_plan.status",
        "settings.thresholds.reach_share",
    ]
    assert str(ValidationError(problems)).count(";") == len(problems) - 1


def test_long_values_are_shortened_in_problems() -> None:
    problems = problems_of(mutated("people.0.relationship", "x" * 500))
    assert len(problems[0]) < 200 and "…" in problems[0]


def test_parse_data_takes_a_decoded_value() -> None:
    assert parse_data(spec_example()) == parse(json.dumps(spec_example()))
    with pytest.raises(ValidationError):
        parse_data(copy.deepcopy(mutated("people.0.name", "")))


# --- Document.with_person_ids ------------------------------------------------


def test_with_person_ids_gives_store_ids_everywhere() -> None:
    data = spec_example()
    data["audits"][0].update(blocking_superior=True, blocking_superior_person="p-ben")
    doc = parse(json.dumps(data)).with_person_ids({"p-ana": 41, "p-ben": 42})
    assert [p.person.id for p in doc.people] == [41, 42]
    assert doc.audits[0].audit.ratings[0].person == doc.people[0].person
    assert doc.audits[0].audit.blocking_superior_person == doc.people[1].person
    assert doc.notes[0].note.person_id == 41
    with pytest.raises(KeyError):
        parse(json.dumps(data)).with_person_ids({"p-ana": 1})


# --- the writer --------------------------------------------------------------

ANA = Person(name="Ana Silva", id=12, role="VP Operations", relationship=Relationship.SUPERIOR)
BEN = Person(name="Ben Okafor", id=3, preferred_format=PreferredFormat.ACTION_LIST, cadence_days=7)


def sample_objects() -> dict[str, Any]:
    rating = Rating(ANA, 8, 7, 5, 4, Aspects(career_guidance=6, resource_access=0), id=9)
    return {
        "people": [ANA, BEN],
        "audits": [
            Audit(dt.date(2026, 1, 15), (rating,), "first", True, BEN, id=3),
            Audit(dt.date(2026, 4, 15)),
        ],
        "notes": [
            Note(
                dt.date(2026, 2, 1),
                "Budget talk",
                NoteKind.MEETING,
                person_id=3,
                attitude=Attitude.SKEPTIC,
                tags=("roi", "churn"),
                follow_ups=(FollowUp("Send deck", dt.date(2026, 2, 8), True, id=4),),
                id=7,
            ),
            Note(dt.date(2026, 2, 2), "A win for the team", NoteKind.WIN, id=8),
        ],
        "resilience": [
            ResilienceEntry(dt.date(2026, 2, 1), 6, 4, 7, 7.5, ("escalations",), ("run",), "ok")
        ],
        "exit_plan": ExitPlan(
            ExitStatus.PAUSED,
            (ExitItem("Second", position=1), ExitItem("First", True, dt.date(2026, 3, 1), 0)),
        ),
        "thresholds": Thresholds(lean_gap=2),
        "settings": {"theme": "dark"},
        "exported_at": dt.datetime(2026, 11, 22, 18, 0, 5, 123, tzinfo=dt.UTC),
    }


def test_dump_writes_own_ids_and_consistent_references() -> None:
    out = dump(**sample_objects())
    assert list(out) == [
        "format",
        "version",
        "exported_at",
        "people",
        "audits",
        "notes",
        "resilience",
        "exit_plan",
        "proof_points",
        "agenda",
        "settings",
    ]
    assert (out["format"], out["version"]) == ("cxjournal", 2)
    assert out["exported_at"] == "2026-11-22T18:00:05+00:00"
    assert [p["id"] for p in out["people"]] == ["p-12", "p-3"]
    assert [a["id"] for a in out["audits"]] == ["a-3", "a-x2"]
    assert out["audits"][0]["ratings"][0]["person"] == "p-12"
    assert out["audits"][0]["blocking_superior_person"] == "p-3"
    assert out["audits"][0]["ratings"][0]["aspects"] == {
        "career_guidance": 6,
        "emotional_support": None,
        "daily_assistance": None,
        "information_sharing": None,
        "resource_access": 0,
    }
    assert [(n["id"], n["person"]) for n in out["notes"]] == [("n-7", "p-3"), ("n-8", None)]
    assert out["notes"][0]["follow_ups"] == [
        {"text": "Send deck", "due": "2026-02-08", "done": True}
    ]
    assert out["people"][1]["preferred_format"] == "action_list"
    assert [i["text"] for i in out["exit_plan"]["items"]] == ["First", "Second"]
    assert out["settings"] == {"theme": "dark", "thresholds": Thresholds(lean_gap=2).as_dict()}


def test_dump_of_nothing_is_a_valid_empty_document() -> None:
    out = dump()
    assert out == {
        "format": "cxjournal",
        "version": 2,
        "people": [],
        "audits": [],
        "notes": [],
        "resilience": [],
        "proof_points": [],
        "agenda": [],
        "settings": {},
    }
    assert parse(to_json_text(out)) == Document()


@pytest.mark.parametrize(
    "change",
    [
        {"people": [replace(ANA, id=None), BEN]},
        {"people": [ANA, replace(BEN, id=12)]},
        {"people": [BEN]},
        {"notes": [Note(dt.date(2026, 1, 1), "x", person_id=99)]},
        {"audits": [Audit(dt.date(2026, 1, 1), blocking_superior_person=replace(BEN, id=5))]},
        {"exported_at": dt.datetime(2026, 1, 1)},
    ],
)
def test_dump_refuses_inconsistent_objects(change: dict[str, Any]) -> None:
    with pytest.raises(ValueError):
        dump(**(sample_objects() | change))


def test_json_text_is_readable_unicode_with_stable_key_order() -> None:
    out = dump(people=[replace(ANA, name="Zoë 🚀 سارة")])
    text = to_json_text(out)
    assert "Zoë 🚀 سارة" in text and "\\u" not in text
    assert text.endswith("}\n") and '\n  "people": [' in text
    assert text.index('"name"') < text.index('"role"') < text.index('"archived"')
    assert to_json_text(dump(people=[replace(ANA, name="Zoë 🚀 سارة")])) == text


# --- round trip --------------------------------------------------------------


def canonical(out: dict[str, Any]) -> dict[str, Any]:
    """A dumped document with ids replaced by positions, without exported_at."""
    data = copy.deepcopy(out)
    data.pop("exported_at", None)
    position = {p["id"]: f"person#{i}" for i, p in enumerate(data["people"])}
    for p in data["people"]:
        p["id"] = position[p["id"]]
    for a in data["audits"]:
        a.pop("id")
        if a["blocking_superior_person"] is not None:
            a["blocking_superior_person"] = position[a["blocking_superior_person"]]
        for r in a["ratings"]:
            r["person"] = position[r["person"]]
    for n in data["notes"]:
        n.pop("id")
        if n["person"] is not None:
            n["person"] = position[n["person"]]
    return data


def reimport_and_export(text: str) -> dict[str, Any]:
    """What the store will do: parse, give new store ids, export again."""
    doc = parse(text)
    ids = {p.file_id: 1000 - i for i, p in enumerate(doc.people)}
    doc = doc.with_person_ids(ids)
    return dump(
        people=[p.person for p in doc.people],
        audits=[replace(a.audit, id=500 + i) for i, a in enumerate(doc.audits)],
        notes=[replace(n.note, id=300 + i) for i, n in enumerate(doc.notes)],
        resilience=doc.resilience,
        exit_plan=doc.exit_plan,
        thresholds=doc.thresholds,
        settings={k: v for k, v in doc.settings.items() if k != "thresholds"},
        exported_at=dt.datetime(2027, 1, 1, tzinfo=dt.UTC),
    )


def edge_case_objects() -> dict[str, Any]:
    objects = sample_objects()
    rtl = Person(name="מרים כהן", id=40, team="צוות", location="تل أبيب", organisation="شركة")
    emoji = Person(name="Kai 🌊 Nakamura", id=41, motivations="👍🏽 family-first 🇯🇵", archived=True)
    combining = Person(name="Zoe\u0308 Ǆ ß ǅ", id=42, role="Head of Digital\u200d")
    objects["people"] = [ANA, BEN, rtl, emoji, combining]
    null_aspects = Rating(rtl, 1, 10, 10, 1, Aspects())
    objects["audits"].append(Audit(dt.date(2026, 7, 1), (null_aspects,), "נ" * 50))
    long_text = ("Journey mapping with the ops team 🗺️; churn drivers; NPS ± 3.\n" * 2000)[:100_000]
    objects["notes"].append(Note(dt.date(2026, 3, 1), long_text, person_id=41))
    objects["notes"].append(Note(dt.date(2026, 3, 2), "", NoteKind.OBSERVATION, tags=("😀",)))
    objects["resilience"].append(ResilienceEntry(dt.date(2026, 2, 2), 1, 10, 1, None))
    objects["resilience"].append(ResilienceEntry(dt.date(2026, 2, 3), 10, 1, 10, 0.0))
    return objects


@pytest.mark.parametrize(
    "objects",
    [
        edge_case_objects(),
        sample_objects() | {"exit_plan": None, "thresholds": None, "settings": None},
        {"people": [], "audits": [], "notes": [], "resilience": []},
        {"people": [ANA], "exit_plan": ExitPlan()},
    ],
    ids=["edge-cases", "no-plan-no-settings", "empty", "one-person"],
)
def test_export_import_export_round_trips(objects: dict[str, Any]) -> None:
    first = dump(**objects)
    text = to_json_text(first)
    second = reimport_and_export(text)
    if first["people"]:
        assert second["people"][0]["id"] != first["people"][0]["id"]  # new ids were given
    assert canonical(second) == canonical(first)
    assert canonical(reimport_and_export(to_json_text(second))) == canonical(first)


def test_round_trip_keeps_a_100_kb_note_byte_for_byte() -> None:
    first = dump(**edge_case_objects())
    text = to_json_text(first)
    long_note = next(n for n in parse(text).notes if len(n.note.text) >= 100_000)
    assert long_note.note.text == first["notes"][2]["text"]
    assert len(text.encode("utf-8")) > 100_000


# --- the user documentation ----------------------------------------------------

DOCS = Path(__file__).resolve().parents[2] / "docs" / "exchange-format.md"


def doc_blocks(language: str) -> list[str]:
    blocks = DOCS.read_text("utf-8").split("```" + language + "\n")[1:]
    return [block.split("```", 1)[0] for block in blocks]


def test_the_documented_examples_are_valid() -> None:
    examples = doc_blocks("json")
    assert len(examples) >= 2
    full = parse(examples[0])
    assert len(full.people) == 2 and len(full.audits[0].audit.ratings) == 2
    assert full.notes[1].person_file_id is None
    assert full.version == 2 and full.people[0].person.emails == ("meilin.chen@calloway.example",)
    assert full.resilience[1].energy is None and full.program is not None
    assert (len(full.proof_points), len(full.agenda)) == (1, 1)
    for example in examples:
        parse(example)


def test_the_documented_problem_lines_are_what_the_reader_says() -> None:
    data = spec_example()
    data["people"] += [{"id": f"p{i}", "name": f"P {i}"} for i in range(4)]
    data["people"][3]["name"] = " "
    data["people"][5]["id"] = "p-ana"
    data["notes"][0]["person"] = "p-x"
    data["resilience"] = [dict(data["resilience"][0], on="2026-03-01", sleep_hours="7h")] * 2
    said = problems_of(data)
    documented = doc_blocks("text")[1].splitlines()
    for expected in (
        "people[3].name: must be 1-200 characters after trimming",
        'people[5].id: "p-ana" is used twice',
        'notes[0].person: "p-x" names no person in the file',
    ):
        assert expected in documented and expected in said
    assert "resilience[1].on: 2026-03-01 already has an entry (resilience[0])" in said
    assert 'resilience[0].sleep_hours: must be a number, not "7h"' in said
    assert any(line.startswith("resilience[12].on: 2026-03-01 already has") for line in documented)


def test_a_repeated_key_is_refused_with_its_path() -> None:
    text = json.dumps(spec_example())
    # a second "people" list would silently replace the first one
    doubled = text.replace('"people": [', '"people": [], "people": [', 1)
    assert problems_of(doubled) == [
        "people: appears more than once in the same object (only one may be given)"
    ]
    nested = text.replace('"name": "Ana Silva"', '"name": "Ana Silva", "name": "Bo"', 1)
    assert problems_of(nested) == [
        "people[0].name: appears more than once in the same object (only one may be given)"
    ]


def test_every_repeated_key_is_named() -> None:
    text = json.dumps(spec_example())
    text = text.replace('"energy": ', '"energy": 1, "energy": ', 1)
    text = text.replace('"format": "cxjournal"', '"format": "cxjournal", "format": "cxjournal"')
    assert problems_of(text) == [
        "format: appears more than once in the same object (only one may be given)",
        "resilience[0].energy: appears more than once in the same object (only one may be given)",
    ]


@pytest.mark.parametrize("number", ["1e400", "-1e400", "1E999"])
def test_an_infinite_threshold_is_refused_with_its_path(number: str) -> None:
    data = spec_example()
    data["settings"] = {"thresholds": {"lean_gap": 123456789}}
    text = json.dumps(data).replace("123456789", number)
    shown = "-inf" if number.startswith("-") else "inf"
    assert problems_of(text) == [f"settings.thresholds.lean_gap: {shown} is not a finite number"]


def test_infinite_thresholds_are_refused_by_the_domain_too() -> None:
    with pytest.raises(ValidationError) as caught:
        Thresholds.from_mapping({"reach_share": float("inf"), "deep_min": float("nan")})
    assert caught.value.problems == [
        "reach_share: inf is not a finite number",
        "deep_min: nan is not a finite number",
    ]


def test_a_lone_surrogate_in_settings_is_refused_with_its_path() -> None:
    data = spec_example()
    data["settings"] = {"view": {"colours": ["ok", "SURROGATE"]}, "KEY": 1}
    text = json.dumps(data).replace("SURROGATE", "bad \\udc80").replace("KEY", "k\\ud800")
    assert problems_of(text) == [
        "settings.k?: contains a character that is not valid Unicode (a lone surrogate)",
        "settings.view.colours[1]: contains a character that is not valid Unicode"
        " (a lone surrogate)",
    ]
