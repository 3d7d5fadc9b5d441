"""Writing the exchange format (version 2): domain objects with store ids to a JSON-ready dict.

The writer gives every record its own string id from the store id (``p-12``,
``a-3``, ``n-7``) and writes references with the same ids, so the file is
consistent by construction. Keys come out in a fixed order, so two exports of
the same journal are the same text apart from ``exported_at``.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from enum import StrEnum
from json.encoder import encode_basestring as _json_string  # the C encoder when there is one
from typing import Any

from cxjournal.domain.model import (
    AgendaItem,
    Audit,
    ExitPlan,
    FollowUp,
    Note,
    Person,
    Plan,
    Program,
    ProofPoint,
    Rating,
    ResilienceEntry,
)
from cxjournal.domain.thresholds import Thresholds
from cxjournal.exchange.format_file import FORMAT_NAME, FORMAT_VERSION
from cxjournal.store import records
from cxjournal.store.export_rows import NoteRecord
from cxjournal.store.records import day
from cxjournal.store.records import tags_from_json as records_tags

JsonDict = dict[str, Any]
_Ref = Callable[[int | None, str], str]


def dump(
    *,
    people: Sequence[Person] = (),
    audits: Sequence[Audit] = (),
    notes: Iterable[Note] = (),
    resilience: Sequence[ResilienceEntry] = (),
    exit_plan: ExitPlan | None = None,
    thresholds: Thresholds | None = None,
    settings: Mapping[str, Any] | None = None,
    exported_at: dt.datetime | None = None,
    program: Program | None = None,
    proof_points: Sequence[ProofPoint] = (),
    agenda: Sequence[AgendaItem] = (),
    lazy_notes: bool = False,
    stored_notes: Iterable[NoteRecord] | None = None,
) -> JsonDict:
    """The format v2 document of these domain objects, as a JSON-ready dict.

    Every person needs its store id (an int, unique): ratings, blocking
    superiors and notes refer to people by it, and each of those must be among
    ``people``. Audits and notes without a store id get a stand-in id. Records
    are written in the order given; exit-plan items by ``position``.

    ``settings`` holds any other settings keys, written as given; ``thresholds``,
    when given, is written as ``settings.thresholds`` (over any in ``settings``).
    ``exported_at`` must carry a time zone; None leaves the key out. ``program``
    None leaves the key out; plan members, proof-point shares and agenda items
    refer to people like ratings do.

    ``notes`` may be any iterable; with ``lazy_notes`` it is read only when the
    document's ``notes`` (then an iterator) is, so :func:`iter_json_text` can
    write a journal of any size without holding its notes. ``stored_notes``, when given,
    are the notes instead, as the store holds them (:func:`~cxjournal.store.export_rows.
    note_records`), read the same lazy way and written without being made into notes.

    Raises ValueError for objects that cannot form a consistent document.
    """
    person_ids = _person_file_ids(people)

    def ref(person_id: int | None, what: str) -> str:
        if person_id is None or person_id not in person_ids:
            raise ValueError(f"{what} refers to person id {person_id!r}, which is not in people")
        return person_ids[person_id]

    document: JsonDict = {"format": FORMAT_NAME, "version": FORMAT_VERSION}
    if exported_at is not None:
        if exported_at.tzinfo is None:
            raise ValueError("exported_at needs a time zone")
        document["exported_at"] = exported_at.isoformat(timespec="seconds")
    document["people"] = [_person(person_ids[p.id or 0], p) for p in people]
    document["audits"] = [
        _audit(file_id, audit, ref)
        for file_id, audit in zip(_record_ids("a", audits), audits, strict=True)
    ]
    if stored_notes is not None:
        document["notes"] = _stored_note_texts(stored_notes, ref)
    elif lazy_notes:
        document["notes"] = _note_texts(notes, ref)
    else:
        document["notes"] = list(_note_entries(notes, ref))
    document["resilience"] = [_resilience(entry) for entry in resilience]
    if exit_plan is not None:
        items = sorted(exit_plan.items, key=lambda item: item.position)
        document["exit_plan"] = {
            "status": exit_plan.status.value,
            "items": [{"text": i.text, "done": i.done, "due": _date_or_none(i.due)} for i in items],
        }
    if program is not None:
        document["program"] = {
            "why": program.why,
            "kpi": program.kpi,
            "plans": [_plan(plan, ref) for plan in program.plans],
        }
    document["proof_points"] = [
        _proof_point(file_id, point, ref)
        for file_id, point in zip(_record_ids("pp", proof_points), proof_points, strict=True)
    ]
    document["agenda"] = [
        {
            "id": file_id,
            "person": ref(item.person.id, "an agenda item"),
            "text": item.text,
            "added_on": item.added_on.isoformat(),
            "done_on": _date_or_none(item.done_on),
        }
        for file_id, item in zip(_record_ids("ag", agenda), agenda, strict=True)
    ]
    written_settings = dict(settings or {})
    if thresholds is not None:
        written_settings["thresholds"] = thresholds.as_dict()
    document["settings"] = written_settings
    return document


def to_json_text(document: Mapping[str, Any]) -> str:
    """The file text of a document: UTF-8-ready JSON, indented, keys in written order."""
    return "".join(iter_json_text(document))


def iter_json_text(document: Mapping[str, Any]) -> Iterator[str]:
    """The file text of a document in pieces, as ``json.dumps(document, ensure_ascii=False,
    indent=2, allow_nan=False)`` and a newline would write it, character for character.

    A value of the top-level object that is an iterator (see ``dump(lazy_notes=True)``)
    is written one item at a time, so its items need never all be in memory.
    """
    if not document:
        yield "{}\n"
        return
    lead = "{\n  "
    for key, value in document.items():
        head = lead + _json_key(key) + ": "
        lead = ",\n  "
        if not isinstance(value, Iterator):
            yield head + _json_text(value, "  ")
            continue
        opened = False
        for item in value:
            text = item if type(item) is RenderedJson else _json_text(item, "    ")
            yield head + ("[\n    " if not opened else ",\n    ") + text
            head, opened = "", True
        yield "\n  ]" if opened else head + "[]"
    yield "\n}\n"


class RenderedJson(str):
    """An item of a streamed list already written as JSON text at its indentation."""

    __slots__ = ()


def _json_text(value: Any, pad: str) -> str:
    """One JSON value as ``json.dumps(indent=2)`` writes it at indentation ``pad``."""
    if isinstance(value, str):
        return _json_string(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        return _json_float(value)
    inner = pad + "  "
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = [_json_key(key) + ": " + _json_text(item, inner) for key, item in value.items()]
        return "{\n" + inner + (",\n" + inner).join(items) + "\n" + pad + "}"
    if isinstance(value, list | tuple):
        if not value:
            return "[]"
        parts = [_json_text(item, inner) for item in value]
        return "[\n" + inner + (",\n" + inner).join(parts) + "\n" + pad + "]"
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def _json_float(value: float) -> str:
    if value != value or value in (math.inf, -math.inf):
        raise ValueError("Out of range float values are not JSON compliant: " + repr(value))
    return float.__repr__(value)


def _json_key(key: Any) -> str:
    if isinstance(key, str):
        return _json_string(key)
    if isinstance(key, float):
        return _json_string(_json_float(key))
    if key is True or key is False or key is None:
        return _json_string(_json_text(key, ""))
    if isinstance(key, int):
        return _json_string(int.__repr__(key))
    raise TypeError(f"keys must be str, int, float, bool or None, not {type(key).__name__}")


def _or_null(value: str | None) -> str:
    return "null" if value is None else _json_string(value)


#: Distinct tag lists and dates whose text is remembered while writing notes (a bound).
_REMEMBERED = 10_000


def _note_texts(notes: Iterable[Note], ref: _Ref) -> Iterator[RenderedJson]:
    """The entries of :func:`_note_entries` as ``_json_text(entry, "    ")`` writes them, a
    few times faster: exports of big journals spend their time here. A test holds the two
    equal. (A ``StrEnum`` member is its value as a string, so it is encoded as is.)"""
    tags_texts: dict[tuple[str, ...], str] = {}
    for number, note in enumerate(notes, start=1):
        tags = tags_texts.get(note.tags)
        if tags is None:
            tags = _remember(tags_texts, note.tags, _tags_text(note.tags))
        yield _note_text(
            f"n-{note.id}" if note.id is not None else f"n-x{number}",
            None if note.person_id is None else ref(note.person_id, "a note"),
            note.on.isoformat(),
            note.kind,
            note.text,
            note.attitude,
            tags,
            [(f.text, _date_or_none(f.due), f.done) for f in note.follow_ups],
            note.goal,
            note.format_used,
            note.outcome,
        )


def _stored_note_texts(records: Iterable[NoteRecord], ref: _Ref) -> Iterator[RenderedJson]:
    """The notes as the store holds them, written as :func:`_note_texts` writes the notes
    made from them (a test holds the two equal). The schema's checks keep every stored
    kind, attitude, goal, format and outcome one the format knows, and its tags a JSON
    list; dates are written as a date read from them writes itself."""
    tags_texts: dict[str, str] = {}
    days: dict[str, str] = {}

    def iso(stored: Any) -> str:
        found = days.get(stored)
        return found if found is not None else _remember(days, stored, day(stored).isoformat())

    for note_id, person_id, on, kind, text, attitude, tags, goal, used, outcome, todo in records:
        tags_text = tags_texts.get(tags)
        if tags_text is None:
            tags_text = _remember(tags_texts, tags, _tags_text(records_tags(tags)))
        yield _note_text(
            f"n-{note_id}",
            None if person_id is None else ref(person_id, "a note"),
            iso(on),
            kind,
            text,
            attitude,
            tags_text,
            [(item, None if due is None else iso(due), done) for item, due, done in todo],
            goal,
            used,
            outcome,
        )


def _remember(kept: dict[Any, str], key: Any, text: str) -> str:
    if len(kept) >= _REMEMBERED:
        kept.clear()
    kept[key] = text
    return text


def _tags_text(tags: Sequence[str]) -> str:
    if not tags:
        return "[]"
    return "[\n        " + ",\n        ".join(map(_json_string, tags)) + "\n      ]"


def _note_text(
    file_id: str,
    person: str | None,
    on: str,
    kind: str,
    text: str,
    attitude: str | None,
    tags: str,
    todo: Sequence[tuple[str, str | None, bool]],
    goal: str | None,
    used: str | None,
    outcome: str | None,
) -> RenderedJson:
    """One note entry's JSON text at the notes' indentation, from its values as text (its
    ``tags`` already written by :func:`_tags_text`, follow-ups as (text, due, done))."""
    follow_ups = ",\n".join(
        f'        {{\n          "text": {_json_string(item)},\n'
        f'          "due": {"null" if due is None else _json_string(due)},\n'
        f'          "done": {"true" if done else "false"}\n        }}'
        for item, due, done in todo
    )
    follow_ups = "[\n" + follow_ups + "\n      ]" if follow_ups else "[]"
    return RenderedJson(
        f'{{\n      "id": {_json_string(file_id)},\n'
        f'      "person": {_or_null(person)},\n'
        f'      "on": "{on}",\n'
        f'      "kind": {_json_string(kind)},\n'
        f'      "text": {_json_string(text)},\n'
        f'      "attitude": {_or_null(attitude)},\n'
        f'      "tags": {tags},\n'
        f'      "follow_ups": {follow_ups},\n'
        f'      "goal": {_or_null(goal)},\n'
        f'      "format_used": {_or_null(used)},\n'
        f'      "outcome": {_or_null(outcome)}\n    }}'
    )


def _note_entries(notes: Iterable[Note], ref: _Ref) -> Iterator[JsonDict]:
    for number, note in enumerate(notes, start=1):
        yield {
            "id": f"n-{note.id}" if note.id is not None else f"n-x{number}",
            "person": None if note.person_id is None else ref(note.person_id, "a note"),
            "on": note.on.isoformat(),
            "kind": note.kind.value,
            "text": note.text,
            "attitude": _value(note.attitude),
            "tags": list(note.tags),
            "follow_ups": [_follow_up(f) for f in note.follow_ups],
            "goal": _value(note.goal),
            "format_used": _value(note.format_used),
            "outcome": _value(note.outcome),
        }


def _person_file_ids(people: Sequence[Person]) -> dict[int, str]:
    ids: dict[int, str] = {}
    for person in people:
        if person.id is None:
            raise ValueError(f"person {person.name!r} has no store id")
        if person.id in ids:
            raise ValueError(f"person id {person.id} appears twice")
        ids[person.id] = f"p-{person.id}"
    return ids


def _record_ids(prefix: str, records: Iterable[Audit | ProofPoint | AgendaItem]) -> list[str]:
    """``prefix-ID`` from each store id; ``prefix-xN`` (N = position) for one without."""
    return [
        f"{prefix}-{r.id}" if r.id is not None else f"{prefix}-x{n}"
        for n, r in enumerate(records, start=1)
    ]


def _date_or_none(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def _value(member: StrEnum | None) -> str | None:
    return None if member is None else member.value


def _person(file_id: str, p: Person) -> JsonDict:
    return {"id": file_id, **records.to_json(records.PERSON, p)}


def _audit(file_id: str, audit: Audit, ref: _Ref) -> JsonDict:
    blocker = audit.blocking_superior_person
    return {
        "id": file_id,
        "taken_on": audit.taken_on.isoformat(),
        "note": audit.note,
        "blocking_superior": audit.blocking_superior,
        "blocking_superior_person": (
            None if blocker is None else ref(blocker.id, "a blocking superior")
        ),
        "ratings": [_rating(rating, ref(rating.person.id, "a rating")) for rating in audit.ratings],
        "ties": [
            [
                ref(audit.ratings[i].person.id, "a tie"),
                ref(audit.ratings[j].person.id, "a tie"),
            ]
            for i, j in sorted(audit.ties)
        ],
        "ties_recorded": audit.ties_recorded or bool(audit.ties),
    }


def _rating(rating: Rating, person_file_id: str) -> JsonDict:
    return {
        "person": person_file_id,
        **records.to_json(records.RATING, rating),
        "aspects": records.to_json(records.ASPECTS_RECORD, rating.aspects),
    }


def _follow_up(follow_up: FollowUp) -> JsonDict:
    return {"text": follow_up.text, "due": _date_or_none(follow_up.due), "done": follow_up.done}


def _resilience(entry: ResilienceEntry) -> JsonDict:
    return records.to_json(records.CHECK_IN, entry)


def _plan(plan: Plan, ref: _Ref) -> JsonDict:
    return {
        "kind": plan.kind.value,
        "status": plan.status.value,
        "summary": plan.summary,
        "next_step": plan.next_step,
        "due": _date_or_none(plan.due),
        "people": [
            {"person": ref(member.person.id, "a plan member"), "role": member.role.value}
            for member in plan.people
        ],
    }


def _proof_point(file_id: str, point: ProofPoint, ref: _Ref) -> JsonDict:
    return {
        "id": file_id,
        "on": point.on.isoformat(),
        "title": point.title,
        "metric": point.metric,
        "baseline": point.baseline,
        "result": point.result,
        "unit": point.unit,
        "value": point.value,
        "currency": point.currency,
        "story": point.story,
        "plans": [kind.value for kind in point.plans],
        "shared": [
            {"person": ref(share.person.id, "a proof point share"), "on": share.on.isoformat()}
            for share in point.shared
        ],
    }
