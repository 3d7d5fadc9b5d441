"""The exchange format, generated: valid documents parse and round-trip; broken ones are refused.

Documents are version 1 unless asked for version 2, which adds every v2 key.

A broken document gets a ValidationError with a problem that names the JSON
path of what was broken: a wrong type or an out-of-range value at a random
place, a missing required field, a reference to no one, a duplicate id or
date, or JSON text cut short.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, replace
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cxjournal.domain.errors import ValidationError
from cxjournal.domain.model import (
    ASPECTS,
    Attitude,
    ExitStatus,
    FormatUsed,
    NoteGoal,
    NoteKind,
    NoteOutcome,
    PlanKind,
    PlanStatus,
    PreferredFormat,
    Relationship,
)
from cxjournal.exchange.format_read import Document, parse
from cxjournal.exchange.format_write import dump, to_json_text

EXAMPLES = settings(max_examples=100, deadline=None)

# --- valid documents --------------------------------------------------------

ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789-_"
NOBODY = "no such person!"  # never a generated id: "!" and " " are not in ID_ALPHABET

texts = st.text(max_size=30)
names = st.text(min_size=1, max_size=40).filter(lambda s: 0 < len(s.strip()) <= 200)
words = st.lists(st.text(min_size=1, max_size=12).filter(str.strip), max_size=3)
days = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31)).map(
    dt.date.isoformat
)
flags = st.booleans()
scores = st.integers(1, 10)


def maybe(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


def values_of(enum: Any) -> st.SearchStrategy[str]:
    return st.sampled_from([member.value for member in enum])


def person(pid: str) -> st.SearchStrategy[dict[str, Any]]:
    text_keys = ("role", "organisation", "team", "function", "product_unit", "location")
    optional: dict[str, st.SearchStrategy[Any]] = {key: maybe(texts) for key in text_keys}
    optional |= {
        "internal": maybe(flags),
        "relationship": maybe(values_of(Relationship)),
        "key_stakeholder": maybe(flags),
        "cx_board": maybe(flags),
        "cadence_days": maybe(st.integers(1, 366)),
        "information_needs": maybe(texts),
        "preferred_format": st.none() | st.just("") | values_of(PreferredFormat),
        "motivations": texts,
        "archived": flags,
    }
    return st.fixed_dictionaries({"id": st.just(pid), "name": names}, optional=optional)


def rating(pid: str) -> st.SearchStrategy[dict[str, Any]]:
    aspects = st.fixed_dictionaries({}, optional={a: maybe(st.integers(0, 10)) for a in ASPECTS})
    required = {
        "person": st.just(pid),
        "value": scores,
        "irreplaceability": scores,
        "my_value": scores,
        "my_irreplaceability": scores,
    }
    return st.fixed_dictionaries(required, optional={"aspects": maybe(aspects)})


@st.composite
def audit(draw: st.DrawFn, pids: list[str]) -> dict[str, Any]:
    rated = draw(st.lists(st.sampled_from(pids), unique=True, max_size=10)) if pids else []
    optional: dict[str, st.SearchStrategy[Any]] = {"note": texts, "blocking_superior": flags}
    if pids:
        optional["blocking_superior_person"] = maybe(st.sampled_from(pids))
    base = draw(st.fixed_dictionaries({"taken_on": days}, optional=optional))
    return base | {"ratings": [draw(rating(pid)) for pid in rated]}


def note(pids: list[str]) -> st.SearchStrategy[dict[str, Any]]:
    follow_up = st.fixed_dictionaries(
        {"text": names}, optional={"due": maybe(days), "done": maybe(flags)}
    )
    optional: dict[str, st.SearchStrategy[Any]] = {
        "kind": maybe(values_of(NoteKind)),
        "text": texts,
        "attitude": maybe(values_of(Attitude)),
        "tags": words,
        "follow_ups": st.lists(follow_up, max_size=2),
    }
    if pids:
        optional["person"] = maybe(st.sampled_from(pids))
    return st.fixed_dictionaries({"on": days}, optional=optional)


def resilience_entry(on: str) -> st.SearchStrategy[dict[str, Any]]:
    sleep = st.integers(0, 24) | st.floats(0, 24, allow_nan=False)
    required = {"on": st.just(on), "energy": scores, "stress": scores, "mood": scores}
    optional = {"sleep_hours": maybe(sleep), "drains": words, "restorers": words, "note": texts}
    return st.fixed_dictionaries(required, optional=optional)


exit_plans = st.fixed_dictionaries(
    {},
    optional={
        "status": values_of(ExitStatus),
        "items": st.lists(
            st.fixed_dictionaries({"text": names}, optional={"done": flags, "due": maybe(days)}),
            max_size=3,
        ),
    },
)
threshold_values = st.fixed_dictionaries(
    {},
    optional={
        "reach_share": st.floats(0, 1),
        "reach_min_filled": st.integers(0, 10),
        "imbalance_ratio": st.floats(0, 5),
        "lean_gap": st.integers(0, 10) | st.floats(0, 10),
        "transactional_min_count": st.integers(0, 10),
    },
)


# --- the keys of version 2 ----------------------------------------------------------


numbers = st.integers(-(10**6), 10**6) | st.floats(allow_nan=False, allow_infinity=False)


@st.composite
def emails(draw: st.DrawFn, pid: str) -> list[str]:
    """Addresses unique per person whatever their case."""
    local = draw(st.lists(st.sampled_from(["me", "work", "x.y", "a+b"]), unique=True, max_size=3))
    return [f"{name}.{pid}@{draw(st.sampled_from(['acme', 'Home']))}.example" for name in local]


def person_v2(pid: str) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {},
        optional={
            "emails": emails(pid),
            "desired_attitude": maybe(values_of(Attitude)),
            "desired_by": maybe(days),
            "move_plan": texts,
            "power": maybe(st.integers(1, 5)),
            "interest": maybe(st.integers(1, 5)),
        },
    )


@st.composite
def ties(draw: st.DrawFn, rated: list[str]) -> dict[str, Any]:
    pairs = [(a, b) for i, a in enumerate(rated) for b in rated[i + 1 :]]
    chosen = draw(st.lists(st.sampled_from(pairs), unique=True, max_size=6)) if pairs else []
    written = [list(pair) if draw(flags) else [pair[1], pair[0]] for pair in chosen]
    found: dict[str, Any] = {}
    if written or draw(flags):
        found["ties"] = written
    recorded = draw(st.none() | st.just(True)) if written else draw(maybe(flags))
    if recorded is not None or draw(flags):
        found["ties_recorded"] = recorded
    return found


note_v2 = st.fixed_dictionaries(
    {},
    optional={
        "goal": maybe(values_of(NoteGoal)),
        "format_used": maybe(values_of(FormatUsed)),
        "outcome": maybe(values_of(NoteOutcome)),
    },
)
resilience_v2 = st.fixed_dictionaries(
    {}, optional={"energy": maybe(scores), "stress": maybe(scores), "tags": words}
)


@st.composite
def program(draw: st.DrawFn, pids: list[str]) -> dict[str, Any]:
    plans = []
    for kind in draw(st.lists(values_of(PlanKind), unique=True, max_size=8)):
        members = draw(st.lists(st.sampled_from(pids), unique=True, max_size=4)) if pids else []
        owner = draw(st.sampled_from([None, *members]))
        people = []
        for pid in members:
            role = "owner" if pid == owner else draw(st.sampled_from(["sponsor", "contributor"]))
            people.append({"person": pid, "role": role} if draw(flags) or role != "contributor"
                          else {"person": pid})  # fmt: skip
        plan = draw(
            st.fixed_dictionaries(
                {"kind": st.just(kind)},
                optional={
                    "status": values_of(PlanStatus),
                    "summary": texts,
                    "next_step": texts,
                    "due": maybe(days),
                },
            )
        )
        plans.append(plan | {"people": people})
    return draw(st.fixed_dictionaries({}, optional={"why": texts, "kpi": texts})) | {"plans": plans}


@st.composite
def proof_point(draw: st.DrawFn, pids: list[str]) -> dict[str, Any]:
    shared = draw(st.lists(st.tuples(st.sampled_from(pids), days), unique=True, max_size=3)) if (
        pids
    ) else []  # fmt: skip
    point = draw(
        st.fixed_dictionaries(
            {"on": days, "title": names},
            optional={
                **{key: texts for key in ("metric", "unit", "currency", "story")},
                **{key: maybe(numbers) for key in ("baseline", "result", "value")},
                "plans": st.lists(values_of(PlanKind), unique=True, max_size=3),
            },
        )
    )
    return point | {"shared": [{"person": pid, "on": on} for pid, on in shared]}


@st.composite
def agenda_item(draw: st.DrawFn, pids: list[str]) -> dict[str, Any]:
    added = draw(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2090, 1, 1)))
    done = draw(maybe(st.integers(0, 400).map(lambda n: added + dt.timedelta(days=n))))
    return {
        "person": draw(st.sampled_from(pids)),
        "text": draw(names),
        "added_on": added.isoformat(),
        "done_on": None if done is None else done.isoformat(),
    }


def add_version_2(draw: st.DrawFn, doc: dict[str, Any], pids: list[str]) -> None:
    """Every v2 key, each sometimes left out, on a version 1 document of ``documents``."""
    doc["version"] = 2
    for record in doc.get("people", []):
        record.update(draw(person_v2(record["id"])))
    for record in doc.get("audits", []):
        record.update(draw(ties([r["person"] for r in record["ratings"]])))
    for record in doc.get("notes", []):
        record.update(draw(note_v2))
    for record in doc.get("resilience", []):
        for key in ("energy", "stress"):
            record.pop(key)
        record.update(draw(resilience_v2))
    if draw(flags):
        doc["program"] = draw(program(pids))
    doc["proof_points"] = draw(st.lists(proof_point(pids), max_size=3))
    doc["agenda"] = draw(st.lists(agenda_item(pids), max_size=3)) if pids else []
    for index, point in enumerate(doc["proof_points"]):
        if draw(flags):
            point["id"] = f"pp{index}"
    if draw(flags):
        settings = doc.setdefault("settings", {})
        settings["my_emails"] = draw(emails("me"))


@st.composite
def documents(draw: st.DrawFn, min_items: int = 0, version: int = 1) -> dict[str, Any]:
    """A valid document as decoded JSON; optional parts sometimes left out."""
    ids = st.text(ID_ALPHABET, min_size=1, max_size=6)
    pids = draw(st.lists(ids, min_size=min_items, max_size=6, unique=True))
    people = [draw(person(pid)) for pid in pids]
    audits = draw(st.lists(audit(pids), min_size=min_items, max_size=3))
    notes = draw(st.lists(note(pids), min_size=min_items, max_size=4))
    for prefix, records in (("a", audits), ("n", notes)):
        for index, record in enumerate(records):
            if draw(flags):
                record["id"] = f"{prefix}{index}"
    dates = draw(st.lists(days, min_size=min_items, max_size=4, unique=True))
    resilience = [draw(resilience_entry(on)) for on in dates]
    doc: dict[str, Any] = {"format": "cxjournal", "version": 1}
    for key, items in (
        ("people", people),
        ("audits", audits),
        ("notes", notes),
        ("resilience", resilience),
    ):
        keep_empty: bool = draw(flags)
        if items or keep_empty:
            doc[key] = items
    if draw(flags):
        doc["exported_at"] = "2026-11-22T18:00:00+00:00"
    if draw(flags):
        doc["exit_plan"] = draw(maybe(exit_plans))
    if draw(flags):
        doc["settings"] = {"thresholds": draw(maybe(threshold_values)), "theme": "dark"}
    if version == 2:
        add_version_2(draw, doc, pids)
    return doc


def problems_of(text: str | bytes) -> list[str]:
    with pytest.raises(ValidationError) as caught:
        parse(text)
    problems = caught.value.problems
    assert problems
    return problems


# --- valid documents parse and round-trip ----------------------------------


@EXAMPLES
@given(documents())
def test_valid_documents_parse(doc: dict[str, Any]) -> None:
    parsed = parse(json.dumps(doc, ensure_ascii=False))
    assert len(parsed.people) == len(doc.get("people", []))
    assert len(parsed.audits) == len(doc.get("audits", []))
    assert len(parsed.notes) == len(doc.get("notes", []))
    assert len(parsed.resilience) == len(doc.get("resilience", []))
    for entry, read in zip(doc.get("people", []), parsed.people, strict=True):
        assert read.file_id == entry["id"] and read.person.name == entry["name"].strip()


def without_ids(doc: Document) -> tuple[Any, ...]:
    positions = {p.file_id: i for i, p in enumerate(doc.people)}
    program = doc.program
    return (
        [p.person for p in doc.people],
        [(a.audit, [positions[i] for i in a.rating_person_file_ids]) for a in doc.audits],
        [(n.note, positions.get(n.person_file_id or "")) for n in doc.notes],
        doc.resilience,
        doc.exit_plan,
        doc.thresholds,
        None
        if program is None
        else (program.program, [[positions[i] for i in ids] for ids in program.member_file_ids]),
        [(p.point, [positions[i] for i in p.share_file_ids]) for p in doc.proof_points],
        [(a.item, positions[a.person_file_id]) for a in doc.agenda],
        doc.settings.get("my_emails"),
    )


@EXAMPLES
@given(st.sampled_from([1, 2]).flatmap(lambda version: documents(version=version)))
def test_parse_dump_parse_keeps_the_content(doc: dict[str, Any]) -> None:
    first = parse(to_json_text(doc).encode("utf-8"))
    stored = first.with_person_ids({p.file_id: 7 + 3 * i for i, p in enumerate(first.people)})
    written = dump(
        people=[p.person for p in stored.people],
        audits=[replace(a.audit, id=i) for i, a in enumerate(stored.audits)],
        notes=[n.note for n in stored.notes],
        resilience=stored.resilience,
        exit_plan=stored.exit_plan,
        thresholds=stored.thresholds,
        settings={k: v for k, v in stored.settings.items() if k != "thresholds"},
        program=None if stored.program is None else stored.program.program,
        proof_points=[p.point for p in stored.proof_points],
        agenda=[a.item for a in stored.agenda],
    )
    second = parse(to_json_text(written))
    assert second.version == 2
    assert without_ids(second) == without_ids(first)


@EXAMPLES
@given(documents(version=2))
def test_valid_v2_documents_parse(doc: dict[str, Any]) -> None:
    parsed = parse(json.dumps(doc, ensure_ascii=False))
    assert len(parsed.proof_points) == len(doc["proof_points"])
    assert len(parsed.agenda) == len(doc["agenda"])
    for entry, read in zip(doc.get("audits", []), parsed.audits, strict=True):
        assert len(read.audit.ties) == len(entry.get("ties", []))
        assert read.audit.ties_recorded == bool(entry.get("ties_recorded") or entry.get("ties"))


# --- broken documents are refused, naming the path --------------------------


def bad_int(low: int, high: int, nullable: bool) -> st.SearchStrategy[Any]:
    bad: list[Any] = [low - 1, high + 1, high + 1000, str(low), True, low + 0.5, float(low), [low]]
    return st.sampled_from(bad if nullable else [*bad, None])


BAD_TEXT = st.sampled_from([5, True, 1.5, ["x"], {"x": 1}])
BAD_NAME = st.sampled_from(["", "   ", "\t\n", "x" * 201, " " + "y" * 201, 5, ["Ana"], None])
BAD_BOOL = st.sampled_from([0, 1, "true", "false", [], {}])
BAD_DATE = st.sampled_from(
    ["2023-02-30", "2023-1-01", "20230101", "", "01/02/2023", 20230101, True]
)
BAD_ENUM = st.sampled_from(["bogus", "SUPERIOR", " peer", 1, True, ["peer"]])
BAD_REF = st.sampled_from([NOBODY, "", 3, True, ["p"]])
BAD_WORDS = st.sampled_from(["tag", 5, {"a": "b"}, [1], [""], ["ok", None], [["x"]]])
BAD_LIST = st.sampled_from(["x", 5, True, {"a": 1}])
BAD_OBJECT = st.sampled_from(["x", 5, True, [1]])
BAD_SLEEP = st.sampled_from([-0.5, 24.01, 25, "7", True, [7]])
BAD_ID = st.sampled_from(["", 5, True, ["p"]])

TEXT_KEYS = ("role", "organisation", "team", "function", "product_unit", "location")
PERSON = {
    "id": BAD_ID,
    "name": BAD_NAME,
    **{key: BAD_TEXT for key in (*TEXT_KEYS, "information_needs", "motivations")},
    **{key: BAD_BOOL for key in ("internal", "key_stakeholder", "cx_board", "archived")},
    "relationship": BAD_ENUM,
    "cadence_days": bad_int(1, 366, nullable=True),
    "preferred_format": BAD_ENUM,
}
AUDIT = {
    "id": BAD_ID,
    "taken_on": st.one_of(BAD_DATE, st.none()),
    "note": BAD_TEXT,
    "blocking_superior": BAD_BOOL,
    "blocking_superior_person": BAD_REF,
    "ratings": BAD_LIST,
}
RATING = {
    "person": st.one_of(BAD_REF, st.none()),
    **{key: bad_int(1, 10, False) for key in ("value", "irreplaceability")},
    **{key: bad_int(1, 10, False) for key in ("my_value", "my_irreplaceability")},
    "aspects": BAD_OBJECT,
}
ASPECT = {key: bad_int(0, 10, nullable=True) for key in ASPECTS}
NOTE = {
    "id": BAD_ID,
    "person": BAD_REF,
    "on": st.one_of(BAD_DATE, st.none()),
    "kind": BAD_ENUM,
    "text": BAD_TEXT,
    "attitude": BAD_ENUM,
    "tags": BAD_WORDS,
    "follow_ups": BAD_LIST,
}
BAD_REQUIRED_TEXT = BAD_NAME.filter(lambda v: not (isinstance(v, str) and v.strip()))
FOLLOW_UP = {"text": BAD_REQUIRED_TEXT, "due": BAD_DATE, "done": BAD_BOOL}
RESILIENCE = {
    "on": st.one_of(BAD_DATE, st.none()),
    **{key: bad_int(1, 10, False) for key in ("energy", "stress", "mood")},
    "sleep_hours": BAD_SLEEP,
    "drains": BAD_WORDS,
    "restorers": BAD_WORDS,
    "note": BAD_TEXT,
}
EXIT_PLAN = {"status": BAD_ENUM, "items": BAD_LIST}
EXIT_ITEM = {"text": BAD_REQUIRED_TEXT, "done": BAD_BOOL, "due": BAD_DATE}
TOP = {
    "exported_at": st.sampled_from(["2026-11-22", "2026-11-22T18:00:00", "now", 5, "18:00+00:00"]),
    **{key: BAD_LIST for key in ("people", "audits", "notes", "resilience")},
    "exit_plan": BAD_OBJECT,
    "settings": BAD_OBJECT,
}
THRESHOLDS = {
    key: st.sampled_from([-1, "high", True, [1], None])
    for key in ("reach_share", "lean_gap", "deep_min")
} | {key: st.sampled_from([-1, 2.5, "3"]) for key in ("reach_min_filled",)}
REQUIRED = {
    "person": ("id", "name"),
    "audit": ("taken_on",),
    "rating": ("person", "value", "irreplaceability", "my_value", "my_irreplaceability"),
    "note": ("on",),
    "follow_up": ("text",),
    "resilience": ("on", "energy", "stress", "mood"),
    "exit_item": ("text",),
}


@dataclass
class Site:
    """A place in a document: ``container[key]``, written ``path`` in problems."""

    path: str
    container: Any
    key: Any
    bad: st.SearchStrategy[Any] | None  # None: the place is a required key to delete


def sites(doc: dict[str, Any]) -> list[Site]:
    """Every place of the document where a wrong value must be refused."""
    found: list[Site] = []

    def fields(path: str, obj: dict[str, Any], schema: dict[str, Any], kind: str = "") -> None:
        found.extend(
            Site(f"{path}.{key}" if path else key, obj, key, bad) for key, bad in schema.items()
        )
        found.extend(Site(f"{path}.{key}", obj, key, None) for key in REQUIRED.get(kind, ()))

    def items(path: str, parent: dict[str, Any], key: str) -> list[tuple[str, dict[str, Any]]]:
        listed = parent.get(key) or []
        found.extend(Site(f"{path}{key}[{i}]", listed, i, BAD_OBJECT) for i in range(len(listed)))
        return [(f"{path}{key}[{i}]", item) for i, item in enumerate(listed)]

    fields("", doc, TOP)
    for path, p in items("", doc, "people"):
        fields(path, p, PERSON, "person")
    for path, a in items("", doc, "audits"):
        fields(path, a, AUDIT, "audit")
        for rpath, r in items(f"{path}.", a, "ratings"):
            fields(rpath, r, RATING, "rating")
            if isinstance(r.get("aspects"), dict):
                fields(f"{rpath}.aspects", r["aspects"], ASPECT)
    for path, n in items("", doc, "notes"):
        fields(path, n, NOTE, "note")
        for fpath, f in items(f"{path}.", n, "follow_ups"):
            fields(fpath, f, FOLLOW_UP, "follow_up")
    for path, e in items("", doc, "resilience"):
        fields(path, e, RESILIENCE, "resilience")
    if isinstance(doc.get("exit_plan"), dict):
        fields("exit_plan", doc["exit_plan"], EXIT_PLAN)
        for ipath, i in items("exit_plan.", doc["exit_plan"], "items"):
            fields(ipath, i, EXIT_ITEM, "exit_item")
    settings_ = doc.get("settings")
    if isinstance(settings_, dict):
        found.append(Site("settings.thresholds", settings_, "thresholds", BAD_OBJECT))
        if isinstance(settings_.get("thresholds"), dict):
            fields("settings.thresholds", settings_["thresholds"], THRESHOLDS)
    return found


@EXAMPLES
@given(documents(), st.data())
def test_a_wrong_value_anywhere_is_refused_naming_its_path(
    doc: dict[str, Any], data: st.DataObject
) -> None:
    site = data.draw(st.sampled_from(sites(doc)), label="site")
    if site.bad is None:
        site.container.pop(site.key, None)
    else:
        site.container[site.key] = data.draw(site.bad, label="bad value")
    problems = problems_of(json.dumps(doc))
    # a bad element of a list is named by its own path: tags[1] under tags
    assert any(p.startswith((site.path + ":", site.path + "[")) for p in problems), problems


@EXAMPLES
@given(documents(min_items=2), st.data())
def test_duplicates_are_refused_naming_the_second(doc: dict[str, Any], data: st.DataObject) -> None:
    section = data.draw(st.sampled_from(["people", "audits", "notes", "resilience"]))
    records = doc[section]
    indexes = st.lists(st.sampled_from(range(len(records))), min_size=2, max_size=2, unique=True)
    first, second = sorted(data.draw(indexes))
    key = "on" if section == "resilience" else "id"
    if section in ("audits", "notes"):
        records[first]["id"] = "same"
    records[second][key] = records[first][key]
    problems = problems_of(json.dumps(doc))
    assert any(p.startswith(f"{section}[{second}].{key}:") for p in problems), problems


@EXAMPLES
@given(documents(min_items=1), st.data())
def test_a_reference_to_no_one_is_refused(doc: dict[str, Any], data: st.DataObject) -> None:
    places = [(f"notes[{i}].person", n) for i, n in enumerate(doc["notes"])]
    places += [(f"audits[{i}].blocking_superior_person", a) for i, a in enumerate(doc["audits"])]
    for i, a in enumerate(doc["audits"]):
        places += [(f"audits[{i}].ratings[{j}].person", r) for j, r in enumerate(a["ratings"])]
    path, record = data.draw(st.sampled_from(places))
    record[path.rsplit(".", 1)[1]] = data.draw(st.sampled_from([NOBODY, "P", "x" * 300]))
    problems = problems_of(json.dumps(doc))
    assert any(p.startswith(f"{path}: ") and "names no person" in p for p in problems)


@EXAMPLES
@given(documents(), st.data())
def test_truncated_json_is_one_problem(doc: dict[str, Any], data: st.DataObject) -> None:
    text = to_json_text(doc)
    cut = data.draw(st.integers(0, len(text.rstrip()) - 1), label="cut")
    as_bytes = data.draw(flags, label="as bytes")
    problems = problems_of(text.encode()[:cut] if as_bytes else text[:cut])
    assert len(problems) == 1
    assert problems[0].startswith(("not valid JSON: line ", "not valid UTF-8: byte "))


@EXAMPLES
@given(documents(), st.sampled_from([None, "CXJOURNAL", 1, ""]), st.integers(3, 10**6))
def test_foreign_or_newer_files_are_one_line(doc: dict[str, Any], fmt: Any, version: int) -> None:
    newer = dict(doc, version=version)
    assert problems_of(json.dumps(newer)) == [
        f"version {version} is newer than this app understands (2)"
    ]
    foreign = dict(doc, format=fmt)
    assert problems_of(json.dumps(foreign)) == ['not a cxjournal file: format must be "cxjournal"']
