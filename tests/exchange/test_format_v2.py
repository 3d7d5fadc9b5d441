"""Reading exchange format v2: every new key, its default, and both sides of every rule."""

from __future__ import annotations

import copy
import datetime as dt
import json
from typing import Any

import pytest

from cxjournal.domain.errors import ValidationError
from cxjournal.domain.model import (
    Attitude,
    FormatUsed,
    NoteGoal,
    NoteOutcome,
    PlanKind,
    PlanRole,
    PlanStatus,
    Program,
)
from cxjournal.exchange.format_read import Document, parse, parse_data


def base() -> dict[str, Any]:
    """A small valid v2 document: three people, an audit rating two of them."""
    return {
        "format": "cxjournal",
        "version": 2,
        "people": [
            {"id": "p-ana", "name": "Ana Silva"},
            {"id": "p-ben", "name": "Ben Ode"},
            {"id": "p-chen", "name": "Chen Li"},
        ],
        "audits": [
            {
                "id": "a-1",
                "taken_on": "2026-01-15",
                "ratings": [
                    {
                        "person": p,
                        "value": 5,
                        "irreplaceability": 5,
                        "my_value": 5,
                        "my_irreplaceability": 5,
                    }
                    for p in ("p-ana", "p-ben", "p-chen")
                ],
            }
        ],
        "notes": [{"id": "n-1", "person": "p-ana", "on": "2026-02-01", "text": "1:1"}],
        "resilience": [{"on": "2026-02-01", "energy": 6, "stress": 4, "mood": 7}],
    }


def problems(data: dict[str, Any]) -> list[str]:
    with pytest.raises(ValidationError) as caught:
        parse_data(data)
    return caught.value.problems


def with_change(path: str, value: Any) -> dict[str, Any]:
    """``base()`` with ``value`` set at a dotted path such as ``people.0.emails``."""
    data = base()
    target: Any = data
    *parents, last = path.split(".")
    for part in parents:
        target = target[int(part)] if part.isdigit() else target.setdefault(part, {})
    target[int(last) if last.isdigit() else last] = value
    return data


def test_a_v2_file_without_new_keys_takes_every_default() -> None:
    doc = parse_data(base())
    ana = doc.people[0].person
    assert (ana.emails, ana.desired_attitude, ana.desired_by, ana.move_plan) == ((), None, None, "")
    assert (ana.power, ana.interest) == (None, None)
    audit = doc.audits[0].audit
    assert (audit.ties, audit.ties_recorded) == ((), False)
    note = doc.notes[0].note
    assert (note.goal, note.format_used, note.outcome) == (None, None, None)
    assert doc.resilience[0].tags == ()
    assert (doc.program, doc.proof_points, doc.agenda) == (None, (), ())


def test_every_v2_key_is_read() -> None:
    data = base()
    data["people"][0].update(
        emails=["ana@acme.example", "Ana@Home.example"],
        desired_attitude="champion",
        desired_by="2026-06-30",
        move_plan="Cost story",
        power=5,
        interest=1,
    )
    data["audits"][0].update(ties=[["p-ben", "p-ana"], ["p-chen", "p-ana"]], ties_recorded=True)
    data["notes"][0].update(goal="decision", format_used="conversation", outcome="not_yet")
    data["resilience"].append({"on": "2026-02-02", "energy": None, "mood": 3, "tags": ["gym"]})
    data["program"] = {
        "why": "First time right",
        "kpi": "FCR",
        "plans": [
            {
                "kind": "voc",
                "status": "at_risk",
                "summary": "s",
                "next_step": "n",
                "due": "2026-04-01",
                "people": [{"person": "p-ana", "role": "owner"}, {"person": "p-ben"}],
            },
        ],
    }
    data["proof_points"] = [
        {
            "id": "pp-1",
            "on": "2026-03-01",
            "title": "Win",
            "metric": "m",
            "baseline": 1,
            "result": 2.5,
            "unit": "%",
            "value": 1e6,
            "currency": "EUR",
            "story": "s",
            "plans": ["voc", "governance"],
            "shared": [{"person": "p-ben", "on": "2026-03-02"}],
        }
    ]
    data["agenda"] = [
        {
            "id": "ag-1",
            "person": "p-chen",
            "text": "Ask",
            "added_on": "2026-03-01",
            "done_on": "2026-03-01",
        }
    ]
    data["settings"] = {"my_emails": [" me@acme.example"]}
    doc = parse(json.dumps(data))
    ana = doc.people[0].person
    assert ana.emails == ("ana@acme.example", "Ana@Home.example")
    assert (ana.desired_attitude, ana.desired_by, ana.move_plan, ana.power, ana.interest) == (
        Attitude.CHAMPION,
        dt.date(2026, 6, 30),
        "Cost story",
        5,
        1,
    )
    assert doc.audits[0].audit.ties == ((0, 1), (0, 2)) and doc.audits[0].audit.ties_recorded
    note = doc.notes[0].note
    assert (note.goal, note.format_used, note.outcome) == (
        NoteGoal.DECISION,
        FormatUsed.CONVERSATION,
        NoteOutcome.NOT_YET,
    )
    mood_only = doc.resilience[1]
    assert (mood_only.energy, mood_only.stress, mood_only.mood, mood_only.tags) == (
        None,
        None,
        3,
        ("gym",),
    )
    assert doc.program is not None
    program = doc.program.program
    assert (program.why, program.kpi) == ("First time right", "FCR")
    assert [p.kind for p in program.plans] == list(PlanKind)
    voc = program.plans[2]
    assert (voc.status, voc.summary, voc.next_step, voc.due) == (
        PlanStatus.AT_RISK,
        "s",
        "n",
        dt.date(2026, 4, 1),
    )
    assert [(m.person.name, m.role) for m in voc.people] == [
        ("Ana Silva", PlanRole.OWNER),
        ("Ben Ode", PlanRole.CONTRIBUTOR),
    ]
    assert doc.program.member_file_ids[2] == ("p-ana", "p-ben")
    assert program.plans[0].people == () and program.plans[0].status == PlanStatus.NOT_STARTED
    point = doc.proof_points[0].point
    assert (point.baseline, point.result, point.value) == (1.0, 2.5, 1e6)
    assert point.plans == (PlanKind.GOVERNANCE, PlanKind.VOC)
    assert [(s.person.name, s.on) for s in point.shared] == [("Ben Ode", dt.date(2026, 3, 2))]
    item = doc.agenda[0]
    assert (item.person_file_id, item.item.text, item.item.done_on) == (
        "p-chen",
        "Ask",
        dt.date(2026, 3, 1),
    )
    assert doc.settings == {"my_emails": ["me@acme.example"]}


def test_an_empty_program_object_means_the_default_program() -> None:
    doc = parse_data(with_change("program", {}))
    assert doc.program is not None and doc.program.program == Program()


def test_a_v1_file_is_read_exactly_as_before() -> None:
    data = base()
    data["version"] = 1
    # keys that version 2 adds are unknown to version 1: ignored, whatever they hold
    data["people"][0]["emails"] = ["not an address"]
    data["people"][0]["power"] = 99
    data["audits"][0]["ties"] = [["p-ana", "p-nobody"]]
    data["program"] = {"plans": [{"kind": "nope"}]}
    data["agenda"] = "nonsense"
    data["resilience"][0]["tags"] = [1]
    doc = parse_data(data)
    assert doc.version == 1 and doc.program is None and doc.agenda == ()
    assert doc.people[0].person.emails == () and doc.people[0].person.power is None
    # and a version 1 check-in still needs energy and stress
    data["resilience"][0]["energy"] = None
    assert problems(data) == ["resilience[0].energy: must not be null"]


@pytest.mark.parametrize(
    ("path", "value", "expected"),
    [
        ("people.0.emails", ["ana"], "people[0].emails[0]: 'ana' does not look like an e-mail"),
        ("people.0.emails", ["a@b"], "people[0].emails[0]: 'a@b' does not look like an e-mail"),
        ("people.0.emails", ["a b@c.de"], "people[0].emails[0]: 'a b@c.de' does not look"),
        ("people.0.emails", ["a@b.de", "A@B.DE"], 'people[0].emails[1]: "A@B.DE" is listed twice'),
        ("people.0.emails", "a@b.de", "people[0].emails: must be a list of e-mail addresses"),
        ("people.0.emails", [7], "people[0].emails[0]: must be a string, not 7"),
        ("people.0.power", 0, "people[0].power: 0 is not between 1 and 5"),
        ("people.0.power", 6, "people[0].power: 6 is not between 1 and 5"),
        ("people.0.interest", 0, "people[0].interest: 0 is not between 1 and 5"),
        ("people.0.interest", 2.5, "people[0].interest: must be a whole number"),
        ("people.0.desired_attitude", "fan", 'people[0].desired_attitude: "fan" is not one of'),
        ("people.0.desired_by", "30/06/2026", "people[0].desired_by: must be a date"),
        ("people.0.move_plan", 3, "people[0].move_plan: must be a string"),
        ("notes.0.goal", "sell", 'notes[0].goal: "sell" is not one of awareness, change'),
        ("notes.0.format_used", "memo", 'notes[0].format_used: "memo" is not one of'),
        ("notes.0.outcome", "maybe", 'notes[0].outcome: "maybe" is not one of achieved'),
        ("resilience.0.mood", None, "resilience[0].mood: must not be null"),
        ("resilience.0.energy", 11, "resilience[0].energy: 11 is not between 1 and 10"),
        ("resilience.0.tags", ["gym", " "], "resilience[0].tags[1]: must not be empty"),
        ("settings", {"my_emails": ["me"]}, "settings.my_emails[0]: 'me' does not look like"),
        ("settings", {"my_emails": ["m@x.io", "M@X.IO"]}, 'settings.my_emails[1]: "M@X.IO" is'),
    ],
)
def test_bad_person_note_checkin_and_settings_values(path: str, value: Any, expected: str) -> None:
    found = problems(with_change(path, value))
    assert len(found) == 1 and found[0].startswith(expected), found


@pytest.mark.parametrize(
    ("path", "value", "read", "expected"),
    [
        (
            "people.0.emails",
            ["a@b.de", "c@b.de"],
            lambda d: d.people[0].person.emails,
            ("a@b.de", "c@b.de"),
        ),
        (
            "people.0.emails",
            ["first.last+tag@mail.example.co.uk"],
            lambda d: d.people[0].person.emails,
            ("first.last+tag@mail.example.co.uk",),
        ),
        ("people.0.power", 1, lambda d: d.people[0].person.power, 1),
        ("people.0.power", 5, lambda d: d.people[0].person.power, 5),
        ("people.0.interest", None, lambda d: d.people[0].person.interest, None),
        ("resilience.0.energy", None, lambda d: d.resilience[0].energy, None),
        ("resilience.0.stress", None, lambda d: d.resilience[0].stress, None),
        ("settings", {"my_emails": []}, lambda d: d.settings.get("my_emails"), []),
    ],
)
def test_the_good_side_of_each_edge(path: str, value: Any, read: Any, expected: Any) -> None:
    assert read(parse_data(with_change(path, value))) == expected


# --- ties --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ties", "recorded", "expected"),
    [
        ([["p-ana", "p-ana"]], None, 'audits[0].ties[0]: ties "p-ana" to themselves'),
        ([["p-ana", "p-zed"]], None, 'audits[0].ties[0][1]: "p-zed" is not rated in this audit'),
        (
            [["p-ana", "p-ben"], ["p-ben", "p-ana"]],
            None,
            "audits[0].ties[1]: this pair is already listed (audits[0].ties[0])",
        ),
        ([["p-ana"]], None, "audits[0].ties[0]: must be a pair of person ids, not a list"),
        ([["p-ana", "p-ben", "p-chen"]], None, "audits[0].ties[0]: must be a pair of person ids"),
        ([["p-ana", 2]], None, "audits[0].ties[0]: must be a pair of person ids"),
        ("p-ana,p-ben", None, "audits[0].ties: must be a list of pairs of person ids"),
        ([["p-ana", "p-ben"]], False, "audits[0].ties_recorded: must be true when the audit"),
    ],
)
def test_bad_ties(ties: Any, recorded: bool | None, expected: str) -> None:
    data = with_change("audits.0.ties", ties)
    if recorded is not None:
        data["audits"][0]["ties_recorded"] = recorded
    found = problems(data)
    assert len(found) == 1 and found[0].startswith(expected), found


def test_a_tie_needs_both_people_rated_in_that_audit() -> None:
    data = base()
    data["audits"][0]["ratings"].pop()  # Chen is in the file but not rated here
    data["audits"][0]["ties"] = [["p-ana", "p-chen"]]
    assert problems(data) == ['audits[0].ties[0][1]: "p-chen" is not rated in this audit']


@pytest.mark.parametrize(
    ("ties", "recorded", "expected_ties", "expected_recorded"),
    [
        ([["p-ben", "p-ana"]], None, ((0, 1),), True),  # either order; absent flag means true
        ([["p-chen", "p-ben"], ["p-ana", "p-chen"]], True, ((0, 2), (1, 2)), True),
        ([], True, (), True),  # "none of them know each other"
        ([], False, (), False),
        ([], None, (), False),
    ],
)
def test_good_ties(
    ties: Any, recorded: bool | None, expected_ties: Any, expected_recorded: bool
) -> None:
    data = with_change("audits.0.ties", ties)
    if recorded is not None:
        data["audits"][0]["ties_recorded"] = recorded
    audit = parse_data(data).audits[0].audit
    assert (audit.ties, audit.ties_recorded) == (expected_ties, expected_recorded)


# --- program -----------------------------------------------------------------------------


def plan(**fields: Any) -> dict[str, Any]:
    return {"kind": "voc", **fields}


@pytest.mark.parametrize(
    ("program", "expected"),
    [
        ("why", 'program: must be an object, not "why"'),
        ({"why": 1}, "program.why: must be a string"),
        (
            {"plans": [plan(), plan()]},
            "program.plans[1].kind: voc is listed twice (also program.plans[0])",
        ),
        ({"plans": [{"status": "done"}]}, "program.plans[0].kind: is required"),
        (
            {"plans": [plan(kind="sales")]},
            'program.plans[0].kind: "sales" is not one of governance',
        ),
        ({"plans": [plan(status="late")]}, 'program.plans[0].status: "late" is not one of'),
        ({"plans": [plan(due="soon")]}, "program.plans[0].due: must be a date"),
        (
            {"plans": [plan(people=[{"person": "p-zed"}])]},
            'program.plans[0].people[0].person: "p-zed" names no person in the file',
        ),
        (
            {"plans": [plan(people=[{"role": "owner"}])]},
            "program.plans[0].people[0].person: is required",
        ),
        (
            {"plans": [plan(people=[{"person": "p-ana", "role": "boss"}])]},
            'program.plans[0].people[0].role: "boss" is not one of owner, sponsor, contributor',
        ),
        (
            {
                "plans": [
                    plan(
                        people=[
                            {"person": "p-ana", "role": "owner"},
                            {"person": "p-ben", "role": "owner"},
                        ]
                    )
                ]
            },
            "program.plans[0].people[1].role: a plan has at most one owner "
            "(already program.plans[0].people[0])",
        ),
        (
            {"plans": [plan(people=[{"person": "p-ana"}, {"person": "p-ana", "role": "sponsor"}])]},
            'program.plans[0].people[1].person: "p-ana" is on this plan twice',
        ),
    ],
)
def test_bad_program(program: Any, expected: str) -> None:
    found = problems(with_change("program", program))
    assert len(found) == 1 and found[0].startswith(expected), found


def test_good_program_edges() -> None:
    # any order, each kind once; one owner and a sponsor; one person on two plans
    others = [
        {"kind": k.value} for k in reversed(PlanKind) if k not in (PlanKind.VOC, PlanKind.TRAINING)
    ]
    voc = plan(
        people=[{"person": "p-ana", "role": "owner"}, {"person": "p-ben", "role": "sponsor"}]
    )
    training = {"kind": "training", "people": [{"person": "p-ana", "role": "owner"}]}
    doc = parse_data(with_change("program", {"plans": [*others, voc, training]}))
    assert doc.program is not None
    plans = doc.program.program.plans
    assert [p.kind for p in plans] == list(PlanKind)
    assert [len(p.people) for p in plans] == [0, 0, 2, 0, 0, 1, 0, 0]


# --- proof points ------------------------------------------------------------------------


def point(**fields: Any) -> dict[str, Any]:
    return {"on": "2026-03-01", "title": "Win", **fields}


@pytest.mark.parametrize(
    ("points", "expected"),
    [
        ([{"title": "Win"}], "proof_points[0].on: is required"),
        ([point(title=" ")], "proof_points[0].title: must not be empty"),
        ([{"on": "2026-03-01"}], "proof_points[0].title: is required"),
        ([point(baseline="12")], 'proof_points[0].baseline: must be a finite number, not "12"'),
        ([point(result=True)], "proof_points[0].result: must be a finite number, not true"),
        ([point(value=10**400)], "proof_points[0].value: is too large a number"),
        ([point(plans=["sales"])], 'proof_points[0].plans[0]: "sales" is not one of governance'),
        ([point(plans=["voc", "voc"])], "proof_points[0].plans[1]: voc is listed twice"),
        ([point(plans="voc")], "proof_points[0].plans: must be a list of plan kinds"),
        (
            [point(shared=[{"person": "p-zed", "on": "2026-03-02"}])],
            'proof_points[0].shared[0].person: "p-zed" names no person in the file',
        ),
        ([point(shared=[{"person": "p-ana"}])], "proof_points[0].shared[0].on: is required"),
        (
            [
                point(
                    shared=[
                        {"person": "p-ana", "on": "2026-03-02"},
                        {"person": "p-ana", "on": "2026-03-02"},
                    ]
                )
            ],
            "proof_points[0].shared[1]: the same share is listed twice "
            "(also proof_points[0].shared[0])",
        ),
        ([point(id="x"), point(id="x")], 'proof_points[1].id: "x" is used twice'),
    ],
)
def test_bad_proof_points(points: Any, expected: str) -> None:
    found = problems(with_change("proof_points", points))
    assert len(found) == 1 and found[0].startswith(expected), found


def test_proof_point_numbers_beyond_json_are_refused() -> None:
    text = json.dumps(with_change("proof_points", [point()])).replace(
        '"title": "Win"', '"title": "Win", "value": 1e999'
    )
    with pytest.raises(ValidationError) as caught:
        parse(text)
    assert caught.value.problems == ["proof_points[0].value: must be a finite number, not Infinity"]


def test_good_proof_point_edges() -> None:
    doc = parse_data(
        with_change(
            "proof_points",
            [
                point(baseline=-1.7976931348623157e308, result=0, value=None),
                point(
                    shared=[
                        {"person": "p-ana", "on": "2026-03-02"},
                        {"person": "p-ana", "on": "2026-03-03"},
                    ]
                ),
            ],
        )
    )
    first = doc.proof_points[0].point
    assert (first.baseline, first.result, first.value) == (-1.7976931348623157e308, 0.0, None)
    assert len(doc.proof_points[1].point.shared) == 2


# --- agenda ------------------------------------------------------------------------------


def item(**fields: Any) -> dict[str, Any]:
    return {"person": "p-ana", "text": "Ask about budget", "added_on": "2026-03-01", **fields}


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        ([item(person="p-zed")], 'agenda[0].person: "p-zed" names no person in the file'),
        ([{"text": "x", "added_on": "2026-03-01"}], "agenda[0].person: is required"),
        ([item(text="  ")], "agenda[0].text: must not be empty"),
        ([{"person": "p-ana", "text": "x"}], "agenda[0].added_on: is required"),
        (
            [item(done_on="2026-02-28")],
            "agenda[0].done_on: 2026-02-28 is before added_on (2026-03-01)",
        ),
        ([item(done_on="yes")], "agenda[0].done_on: must be a date"),
        ("todo", 'agenda: must be a list, not "todo"'),
    ],
)
def test_bad_agenda(items: Any, expected: str) -> None:
    found = problems(with_change("agenda", items))
    assert len(found) == 1 and found[0].startswith(expected), found


def test_good_agenda_edges() -> None:
    doc = parse_data(with_change("agenda", [item(done_on="2026-03-01"), item(done_on=None)]))
    assert [a.item.done_on for a in doc.agenda] == [dt.date(2026, 3, 1), None]


def test_every_problem_is_listed_at_once() -> None:
    data = base()
    data["people"][1]["power"] = 9
    data["audits"][0]["ties"] = [["p-ana", "p-ana"]]
    data["program"] = {"plans": [plan(kind="sales")]}
    data["proof_points"] = [point(title="")]
    data["agenda"] = [item(person="p-zed")]
    assert len(problems(data)) == 5


def test_documents_are_equal_when_parsed_twice() -> None:
    data = base()
    assert parse_data(copy.deepcopy(data)) == parse_data(data) != Document()
